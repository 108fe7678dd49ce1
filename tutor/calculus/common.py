"""What every solver shares: reading a function, naming its variables, reading a point.

Functions and points given as text are trusted (a command line, a pack) but
still go through `tutor.parse`; nothing here evaluates text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import sympy
from sympy import Expr
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from ..budget import OutOfTime, counted
from ..equality import real_roots
from ..errors import TutorError
from ..parse import CONSTANTS, MEANINGS, Answer, InputError, read, symbol, to_sympy
from ..parse import described_variables as describe  # the same words the parser uses

Number: TypeAlias = int | Fraction | Decimal | float | str | Expr
DIGITS = 30  # working precision where an evaluation only has to tell signs or roots apart


class SolveError(TutorError):
    """A problem with what a solver was asked to do, in one sentence."""


class NoRealValue(SolveError):
    """An expression the solver needs has no real value at the point asked about (f″ of |x|^(3/2) at 0)."""


class NotDifferentiable(SolveError):
    """f has no derivative at a point, and `why`, from its one-sided slopes ("f′ is -1 from the left and 1 from
    the right"): kept apart from the sentence, for the callers that say it in their own words."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"f is not differentiable at {where}: {why}")
        self.why = why


def function_of(f: str | Expr) -> Expr:
    """f as a sympy expression; text is read as trusted input (any letter is a variable), keeping what it divides
    by where sympy would cancel it: x(x² + y²)/x has no value where x = 0, so no critical point there."""
    if isinstance(f, str):
        return _read_function(f).value
    if isinstance(f, sympy.Expr):
        return f
    if isinstance(f, (int, Fraction)):
        return exact(f)
    raise TypeError(f"a function is text or a sympy expression, not {type(f).__name__}")


def reading_notes(f: str) -> tuple[str, ...]:
    """How f's text was read where that may not be what was meant ('e^2x' as e²·x), in the sentences `check`
    tells them of an answer: a solution is of the function as read (outside check h51, N2). Those are the
    parser's readings that say how to write the other ("write e^(2x) if ..."); one read as nearly everyone
    means it (1/2 x as x/2) is in f as the solution shows it, and said no more."""
    return tuple(str(reading) for reading in _read_function(f).ambiguities if reading.advice)


def _read_function(f: str) -> Answer:
    try:
        return read(f, "expression", (), infer=True, divisors=True)
    except InputError as error:
        raise SolveError(f"can't read the function '{f.strip()}': {error.message}") from None


def real_powers(f: Expr) -> Expr:
    """f as the tutor reads it for every real x: each odd root of a base that may be negative the real root,
    x^(2/3) as |x|^(2/3) and x^(1/3) as sign(x)|x|^(1/3), where sympy's principal root has no real value for
    x < 0. Answers and every value are read so (tutor.equality.real_roots): the solvers work on this f."""
    return real_roots(f)


def real_at(expr: Expr, values: Mapping[sympy.Symbol, Expr]) -> Expr | None:
    """expr with the values put in, worked out part by part as sympy does; None where some part has no real
    value there (or is infinite), whatever the whole comes to: √x·√y at (-1, -4) is i·2i = -2 and ln(x) - ln(y)
    at (-1, -2) is -ln 2 only in complex arithmetic, and neither is a value of f. With some variables left
    free (a slice), a part none of whose values is real (√(-4), asin(2)) is found the same way."""
    seen: dict[sympy.Basic, sympy.Basic | None] = {}

    def walk(e: sympy.Basic) -> sympy.Basic | None:
        if e in values:
            return values[e]
        if not e.args:
            return e
        if e in seen:
            return seen[e]
        if isinstance(e, sympy.Piecewise) or not isinstance(e, Expr):  # a branch not taken may have no value
            value: sympy.Basic | None = e.xreplace(values)
            worked = value if isinstance(value, Expr) else None
        else:
            args = [walk(a) for a in e.args]
            value = None if any(a is None for a in args) else (
                e if all(a is b for a, b in zip(args, e.args)) else e.func(*args))
            worked = value
        if isinstance(worked, Expr) and (worked in _INFINITE or (
                (e.is_Pow or isinstance(e, sympy.Function)) and worked.is_extended_real is False)):
            value = None  # only a power or a function makes a real number not real: + and · keep it real
        seen[e] = value
        return value

    result = walk(expr)
    return result if isinstance(result, Expr) else None


_INFINITE = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def order_variables(names: Iterable[str]) -> tuple[str, ...]:
    """x, y, z first (as the lesson writes them), then the others alphabetically."""
    first = ("x", "y", "z")
    return tuple(sorted(set(names), key=lambda n: (first.index(n) if n in first else 3, n)))


def variables_of(f: Expr, given: Sequence[str] | None = None) -> tuple[str, ...]:
    """The variables to use for f: those given, or f's own in the lesson's order."""
    if given:
        names = tuple(given)
        if len(set(names)) != len(names):
            raise SolveError("each variable may be named only once")
        # f was read with e as the constant: a variable e would be differentiated as 2.718… (outside check h61, N1)
        if (taken := next((n for n in names if n in MEANINGS), None)) is not None:
            raise SolveError(f"{taken} is the name of a {'constant' if taken in CONSTANTS else 'function'} in maths, "
                             "not of a variable: call the variable something else, like u")
        return names
    return order_variables(s.name for s in f.free_symbols)


def symbols(names: Sequence[str]) -> tuple[sympy.Symbol, ...]:
    return tuple(symbol(n) for n in names)


def exact(value: Number) -> Expr:
    """A number as an exact sympy value; decimals (text, Decimal, float) are read as written."""
    if isinstance(value, sympy.Expr):
        return value
    if isinstance(value, bool):
        raise TypeError("a number is expected, not a bool")
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, float):
        value = repr(value)  # the shortest decimal that is this float: what was typed
    if isinstance(value, (str, Decimal)):
        try:
            value = Fraction(str(value).strip())
        except ValueError:
            raise SolveError(f"'{value}' is not a number") from None
        except ZeroDivisionError:  # a rate of 2/0 was "something went wrong" (outside check h61, N2)
            raise SolveError(f"'{value}' divides by zero") from None
    if isinstance(value, Fraction):
        return to_sympy(value)
    raise TypeError(f"a number is expected, not {type(value).__name__}")


def point_of(at: Mapping[str, Number], variables: Sequence[str]) -> tuple[Expr, ...]:
    """The values of `at` in the order of `variables`; every variable needs exactly one."""
    unknown = [name for name in at if name not in variables]
    if unknown:
        raise SolveError(f"{unknown[0]} is not a variable here ({describe(variables)})")
    missing = [name for name in variables if name not in at]
    if missing:
        raise SolveError(f"give a value for {' and '.join(missing)}")
    return tuple(exact(at[name]) for name in variables)


def parse_point(text: str, variables: Sequence[str], partial: bool = False) -> dict[str, Expr]:
    """`x=2, y=3` (any order) or `2, 3` (in the order of the variables) as a mapping.
    With `partial`, `y=4` gives only some of the variables (the ones to fix)."""
    if partial:
        return _some_values(text, variables)
    if not variables:
        raise SolveError("f has no variables, so it takes no point")
    if "=" not in text:
        values = _read_values(text)
        if len(values) != len(variables):
            raise SolveError(f"give {len(variables)} value{'s' if len(variables) != 1 else ''} "
                             f"({describe(variables)}), like {_example(variables)}")
        return dict(zip(variables, values))
    try:
        answer = read(text, "vector", variables, components=variables) if len(variables) > 1 \
            else read(text, "number", variables)
    except InputError as error:
        raise SolveError(f"can't read the point '{text.strip()}': {error.message}") from None
    values = answer.value if isinstance(answer.value, tuple) else (answer.value,)
    if any(v.free_symbols for v in values):
        raise SolveError(f"the point '{text.strip()}' must give numbers")
    return dict(zip(variables, values))


def _some_values(text: str, variables: Sequence[str]) -> dict[str, Expr]:
    values = {}
    for part in text.split(","):
        name, equals, value = (piece.strip() for piece in part.partition("="))
        if not equals or not name:
            raise SolveError(f"give each variable with its value, like {variables[-1]}=4")
        if name not in variables:
            raise SolveError(f"{name} is not a variable here ({describe(variables)})")
        try:
            values[name] = read(value, "number", ()).value
        except InputError as error:
            raise SolveError(f"can't read the value of {name}: {error.message}") from None
    return values


def _read_values(text: str) -> tuple[Expr, ...]:
    try:
        answer = read(text, "auto", (), infer=False)
    except InputError as error:
        raise SolveError(f"can't read the point '{text.strip()}': {error.message}") from None
    if answer.shape not in ("vector", "number"):
        raise SolveError(f"the point '{text.strip()}' must be numbers, like 2, 3")
    return answer.value if isinstance(answer.value, tuple) else (to_sympy(answer.value),)


def _example(variables: Sequence[str]) -> str:
    return ",".join(f"{name}={i + 1}" for i, name in enumerate(variables))


def sign(value: Expr) -> int | None:
    """The sign of a real constant, decided exactly; None when sympy can't decide it.

    An evaluation that reaches full relative precision has the right sign (a
    nonzero number is told apart from 0); one that can't is a candidate for 0,
    confirmed through the minimal polynomial for algebraic numbers, otherwise by
    sympy's own reasoning.
    """
    value = to_sympy(value)
    if value.is_Rational:
        return 0 if value == 0 else (1 if value > 0 else -1)
    if value.free_symbols:
        return None
    try:
        approximation = value.evalf(DIGITS, strict=True)
    except (sympy.core.evalf.PrecisionExhausted, ValueError, TypeError, ZeroDivisionError):
        approximation = None
    if approximation is not None and not approximation.is_finite:  # nan or zoo: 0^(-1/2) has no sign
        return None
    if approximation is not None and approximation.is_Number and approximation != 0:
        return 1 if approximation > 0 else -1
    if approximation is not None and approximation.is_Number and approximation == 0 and value.is_zero:
        return 0
    if is_algebraic(value):
        try:
            if sympy.minimal_polynomial(value, sympy.Dummy("t")).is_Symbol:
                return 0
        except (NotImplementedError, sympy.PolynomialError, ValueError):
            pass
    for candidate in (value, sympy.simplify(value)):
        if candidate.is_zero:
            return 0
        if candidate.is_positive:
            return 1
        if candidate.is_negative:
            return -1
    return None


def sign_text(s: int) -> str:
    """A sign as it is written after an expression: "> 0", "< 0" or "= 0"."""
    return {1: "> 0", -1: "< 0", 0: "= 0"}[s]


def is_algebraic(value: Expr) -> bool:
    """Built from rationals, radicals and CRootOf by + - · / and rational powers."""
    if value.is_Rational or isinstance(value, sympy.CRootOf):
        return True
    if value.is_Pow:
        return is_algebraic(value.base) and value.exp.is_Rational
    if value.is_Add or value.is_Mul:
        return all(is_algebraic(a) for a in value.args)
    return False


def no_closed_form(equations: Iterable[Expr], x: sympy.Symbol) -> bool:
    """Whether some equation, factored, has a factor with x both inside a trigonometric function and outside
    every one (x − 5 sin x, x cos x + sin x): such an equation has no solution in closed form, and sympy's solve
    takes a second or more to say so. Factored first, so x sin x + sin x = 0 is sin x (x + 1) = 0, which it solves."""
    for equation in equations:
        if not equation.has(TrigonometricFunction):
            continue
        try:
            with counted(_FACTOR_WORK):  # f is typed by a person: factoring a long one could take long
                factored = sympy.factor(sympy.together(equation)).as_numer_denom()[0]
        except (OutOfTime, sympy.PolynomialError, NotImplementedError, ValueError, TypeError):
            continue  # not known to have no closed form: sympy's solve tries, within its own budgets
        for factor in sympy.Mul.make_args(factored):
            inside = [t for t in factor.atoms(TrigonometricFunction) if t.has(x)]
            if inside and factor.xreplace({t: sympy.Dummy() for t in inside}).has(x):
                return True
    return False


_FACTOR_WORK = 100_000  # calls: x cos x + sin x takes under 10,000 with sympy's caches empty
