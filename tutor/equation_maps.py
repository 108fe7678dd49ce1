"""One equation as another with the same real solutions, rewritten: a map that is one-to-one on the reals taken
off both sides (eᵘ = eᵛ is u = v), a power of a side that is 0 taken off (sin²x = 0 and 1 - cos²x = 0 are
sin x = 0), a factor that is never 0 (y(x² + 1) = 2x(x² + 1) is y = 2x), or a polynomial factor that is 0 only
where the other holds ((y - 2x)(x² + y²) = 0 is y = 2x). The equation check (tutor.compare) asks these before
it calls two equations different."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

import sympy
from sympy import Expr

from .equality import factored, line_roots, lines
from .evaluate import MOST_MULTIPLIED_OUT, degree_at_most
from .parse import Equation, minus, symbol, to_sympy

MOST_OPERATIONS = 40  # past it, `cancel` multiplies out what it divides: not tried


def times_a_factor_never_zero(a: Expr, e: Expr, names: Sequence[str]) -> bool | None:
    """y(x² + 1) = 2x(x² + 1) and y = 2x, y·e⁻ˣ = 1 and y = eˣ: one is the other times a factor that has a value
    and a sign at every real point (x² + 1, e⁻ˣ, as sympy can tell), so that they hold at the same points, in
    any number of variables: True where the correct one holds somewhere (a root on a search line, or a change
    of sign along one), None where none is found, as for two equations with no real solution (eˣ = -1 and
    x² = -1), which are compared as written no more than called the same. A factor that is 0 somewhere
    (x - 1, y² + 2xy + 4x² at the origin) decides nothing: False."""
    syms = [symbol(n) for n in names]
    if any(sympy.count_ops(side) > MOST_OPERATIONS or degree_at_most(side, *syms) > MOST_MULTIPLIED_OUT
           for side in (a, e)):
        return False  # `cancel` multiplies out what it divides, and a few operations may be a high degree
    factor = sympy.cancel(a / e)
    # cancel multiplies out (2 + sin x)(2 + cos y), whose factors each show their sign: factored again
    if not (factor.free_symbols and factor.free_symbols <= {symbol(n) for n in names}
            and (signed(factor) or _factorable(factor) and signed(sympy.factor(factor)))):
        return False
    if any(line_roots(e, names, base, axis) for base, axis in lines(len(names))) or _zero_on_a_line(e, names):
        return True
    return None


_MOST_EXPONENT = 64  # a number to a fraction p/q past it: e^(5671/10000) is a polynomial's e^(1/10000) to the 5671st


def without_signed_factors(equation: Equation) -> Equation | None:
    """The equation as its sides' difference with its factors that have a value and one sign everywhere (`signed`)
    taken off: (y - 2.01x)(x² + 1) = 0 and y·eˣ = 2.01x·eˣ are y - 2.01x = 0, which holds at the same points
    and whose numbers a tolerance can judge (outside check h68, F7); a polynomial with no real zero is one too.
    None where it has no such factor."""
    factors = sympy.Mul.make_args(sympy.factor_terms(minus(equation.lhs, equation.rhs)))
    kept = [factor for factor in factors if not (factor.free_symbols and (signed(factor) or _no_real_zero(factor)))]
    return None if len(kept) == len(factors) else Equation(sympy.Mul(*kept), sympy.S.Zero)


def _no_real_zero(factor: Expr) -> bool:
    """Whether `factor` is a polynomial of low degree with no real zero (x² + 2x + 2: `never_zero`), which has a
    value everywhere, and so one sign (outside check h70, F4)."""
    symbols = sorted(factor.free_symbols, key=str)
    if not factor.is_polynomial(*symbols) or degree_at_most(factor, *symbols) > _MOST_DEGREE:
        return False
    polynomial = sympy.Poly(factor, *symbols)
    # roots are counted over the rationals only: x - ln(2.0001) is over ZZ(log(10), log(20001))
    return (polynomial.domain.is_ZZ or polynomial.domain.is_QQ) and never_zero(polynomial)


def _factorable(expr: Expr) -> bool:
    """Whether sympy's factor takes `expr` at once: not where a number is raised to a fraction of large terms,
    which its polynomials write as a power of high degree (x = e^(-0.5671) took 6 s: outside check h66, F5)."""
    for node in sympy.preorder_traversal(expr):
        exponent = node.exp if isinstance(node, sympy.exp) or node.is_Pow else None
        if exponent is not None:
            number = exponent.as_coeff_Mul()[0]
            if number.is_Rational and number.q > 1 and max(abs(number.p), number.q) > _MOST_EXPONENT:
                return False
    return True


def signed(factor: Expr) -> bool:
    """Whether a factor has a value and one sign at every real point, as sympy can tell (x² + 1, e⁻ˣ), as the
    bounds of sin, cos, tanh and atan show (2 + sin x, 1 + sin x cos x, 2 + sin²x + tanh y), or as products,
    powers and quotients of such factors are ((2 + sin x)(2 + cos y), √(2 + sin x), 1/(2 + sin x)): never 0, so
    it adds and loses no zero. Not 2 + sin(1/x), which has no value where x = 0."""
    return _sign(factor) is not None and _everywhere(factor)


def _sign(factor: Expr) -> int | None:
    """The one sign a factor has wherever it has a value, where that is shown; None otherwise."""
    if factor.is_positive:
        return 1
    if factor.is_negative:
        return -1
    if factor.is_Mul:
        signs = [_sign(part) for part in factor.args]
        return None if None in signs else math.prod(cast(list[int], signs))
    if factor.is_Pow and factor.exp.is_Rational:
        base = _sign(factor.base)
        if base is None or base > 0:
            return base
        return (-1) ** int(factor.exp.p % 2) if factor.exp.q % 2 else None  # an odd root of a negative: negative
    return _bounded_sign(factor)


def _everywhere(expr: Expr) -> bool:
    """Whether `expr` has a value at every real point: what `continuous` allows, and a power of a base that has a
    value and a sign everywhere (1/(x² + 1), √(2 + sin x))."""
    if expr.is_Pow and not continuous(expr):
        base = _sign(expr.base)
        return (_everywhere(expr.base) and _everywhere(expr.exp) and base is not None
                and (expr.exp.is_Integer or base > 0))
    if expr.is_Atom or expr.is_Pow:
        return continuous(expr)
    return isinstance(expr, _CONTINUOUS) and all(_everywhere(arg) for arg in expr.args)


# functions of a real argument, the bound on their size, and whether they never reach it: |sin u| ≤ 1, |atan u| < π/2
_BOUNDED = {sympy.sin: (sympy.S.One, False), sympy.cos: (sympy.S.One, False), sympy.tanh: (sympy.S.One, True),
            sympy.atan: (sympy.pi / 2, True)}


def _bounded_sign(factor: Expr) -> int | None:
    """The sign of a number plus multiples of products and powers of bounded functions (2 + sin x, 3 − cos(x − y)
    + atan y, 3/4 + sin x cos x, 2 + sin²x + tanh y, 1 − tanh²x), where the range the terms can add up to leaves
    out 0: each term lies within its most (|sin u cos u| ≤ 1/2), an even power of them at or above 0, and a sum
    never reaches an end that one of its terms never reaches (|tanh u| < 1, |atan u| < π/2). sympy does not know
    sin's bounds. None where that does not show a sign."""
    terms = sympy.Add.make_args(factor)
    low = high = sympy.Add(*(t for t in terms if not t.free_symbols))
    low_open = high_open = False
    for term in (t for t in terms if t.free_symbols):
        coefficient, rest = term.as_coeff_Mul()
        most, below, even = sympy.S.One, False, True
        functions = []
        for part in sympy.Mul.make_args(rest):
            function, power = part.as_base_exp()
            known = _BOUNDED.get(type(function))
            if known is None or not (power.is_Integer and power > 0) or function.args[0].is_extended_real is False:
                return None
            most, below, even = most * known[0] ** power, below or known[1], even and power % 2 == 0
            functions.append(function)
        if any(sympy.cos(f.args[0]) in functions for f in functions if isinstance(f, sympy.sin)):
            most /= 2  # sin u cos u = sin(2u)/2
        size = abs(coefficient) * most
        ends, opens = ((sympy.S.Zero, size), (False, below)) if even else ((-size, size), (below, below))
        if coefficient < 0:
            ends, opens = (-ends[1], -ends[0]), (opens[1], opens[0])
        low, high = low + ends[0], high + ends[1]
        low_open, high_open = low_open or opens[0], high_open or opens[1]
    if low == high:  # no term that varies
        return None
    if low.is_positive or low.is_zero and low_open:
        return 1
    if high.is_negative or high.is_zero and high_open:
        return -1
    return None


_MOST_DEGREE = 8  # total degree of a side whose polynomial factors' zeros are looked for


@dataclass(frozen=True)
class FactorZeros:
    """What the zeros of the factor one equation is the other times say: `same`, that each is a solution of the
    other too (so both have the same real solutions); else `point`, one that is not (a solution of the answer
    alone where `in_answer`, else of the correct one alone); neither where the zeros were not all found."""

    same: bool = False
    point: tuple[Expr, ...] | None = None
    in_answer: bool = True


def times_a_polynomial_factor(a: Expr, e: Expr, names: Sequence[str]) -> FactorZeros | None:
    """(y - 2x)(x² + y²) = 0 and y = 2x: one side, a polynomial, is the other times a polynomial q, so that it
    holds where the other does and where q is 0; x² + y² is 0 only at (0, 0), on y = 2x: the same real
    solutions. Each irreducible factor of q is 0 on the graph of a variable it has to the first power alone
    (y - x², x - 1: y = x², x = 1), or, a quadratic whose square part is definite ((x - 4)² + (y - 4)²,
    x² + xy + y² + 1), at its centre only or nowhere; others' zeros are not found. None where neither
    equation is a polynomial times the other (that test has said no), or one is too large to factor."""
    symbols = [symbol(n) for n in names]
    if any(sympy.count_ops(side) > MOST_OPERATIONS or side.has(sympy.Float) or not side.is_polynomial(*symbols)
           or degree_at_most(side, *symbols) > MOST_MULTIPLIED_OUT for side in (a, e)):
        return None
    try:
        answer, expected = (sympy.Poly(side, *symbols, domain=sympy.QQ) for side in (a, e))
    except (sympy.PolynomialError, sympy.polys.polyerrors.CoercionFailed):  # √2 x: no rational coefficients
        return None
    if any(side.is_zero or side.total_degree() > _MOST_DEGREE for side in (answer, expected)):
        return None
    for times, other, in_answer in ((answer, expected, True), (expected, answer, False)):
        quotient, remainder = times.div(other)
        if remainder.is_zero and quotient.total_degree() > 0:
            return _zeros_of(quotient, other.as_expr(), symbols, in_answer)
    return None


def _even_positive(polynomial: sympy.Poly) -> bool:
    """Whether every term is a positive multiple of even powers (x² + y⁴ + 1, 2x²y² + y²): never
    negative, as a sum of squares."""
    sign = 1 if polynomial.LC() > 0 else -1
    return all(sign * coefficient > 0 and all(power % 2 == 0 for power in monomial)
               for monomial, coefficient in polynomial.terms())


def never_zero(polynomial: sympy.Poly) -> bool:
    """Whether the factor has no real zero, decided exactly: x² + 1 (no real root), x² + y² + 1 (even
    powers, positive, with a constant)."""
    used = [g for g, degree in zip(polynomial.gens, polynomial.degree_list()) if degree > 0]
    if len(used) == 1:
        return bool(sympy.Poly(polynomial.as_expr(), used[0]).count_roots() == 0)
    return _even_positive(polynomial) and polynomial.as_expr().subs({g: 0 for g in polynomial.gens}) != 0


def only_origin(polynomial: sympy.Poly) -> bool:
    """Whether the factor is 0 at the origin alone (x² + y², x⁴ + 2y²): even powers, positive, no constant,
    and a power of each variable alone, which is 0 only where that variable is."""
    alone = {i for monomial, _ in polynomial.terms() for i, power in enumerate(monomial)
             if power and sum(monomial) == power}
    return (_even_positive(polynomial) and alone == set(range(len(polynomial.gens)))
            and polynomial.as_expr().subs({g: 0 for g in polynomial.gens}) == 0)


def _zeros_of(quotient: sympy.Poly, other: Expr, symbols: Sequence[sympy.Symbol], in_answer: bool) -> FactorZeros:
    """Whether every real zero of `quotient` is a solution of other = 0 (FactorZeros)."""
    for factor, _ in quotient.factor_list()[1]:
        zeros = zero_set(factor, symbols)
        if zeros is None:
            return FactorZeros()
        for values in zeros:
            there = sympy.expand(other.xreplace(values))
            if there == 0:
                continue
            # x² + y² is 0 all along the z-axis, where z = x + y holds at z = 0 only: some whole number of
            # the grid up to its degree is no root of what is left (a nonzero polynomial)
            free = sorted(there.free_symbols, key=str)
            degree = sympy.Poly(there, *free).total_degree() if free else 0
            chosen = next(chosen for whole in itertools.product(range(degree + 1), repeat=len(free))
                          if there.xreplace(chosen := dict(zip(free, map(sympy.Integer, whole)))) != 0)
            rest = {s: sympy.Integer(0) for s in symbols}
            return FactorZeros(point=tuple(values.get(s, s).xreplace(chosen).xreplace(rest) for s in symbols),
                               in_answer=in_answer)
    return FactorZeros(same=True)


def zero_set(factor: sympy.Poly, symbols: Sequence[sympy.Symbol]) -> list[dict[sympy.Symbol, Expr]] | None:
    """Where an irreducible polynomial is 0, as the values some variables take there (the others free): none
    where it is never 0; None where that is not found."""
    h = factor.as_expr()
    used = [s for s in symbols if factor.degree(s) > 0]
    alone = sympy.Poly(h, *used)
    if never_zero(alone):
        return []
    if only_origin(alone):  # x² + y²
        return [{s: sympy.Integer(0) for s in used}]
    for s in used:  # y - x²: y = x², for every x
        if factor.degree(s) == 1 and not h.coeff(s).free_symbols:
            return [{s: sympy.expand(s - h / h.coeff(s))}]
    if factor.total_degree() != 2:
        return None
    square = sympy.Matrix(len(used), len(used), lambda i, j: sympy.diff(h, used[i], used[j]) / 2)
    for sign in (1, -1):  # positive or negative definite: the least or greatest value at the centre alone
        if all((sign * square)[:k, :k].det() > 0 for k in range(1, len(used) + 1)):
            slopes = sympy.Matrix([sympy.diff(h, v).subs({u: 0 for u in used}) for v in used])
            centre = dict(zip(used, square.LUsolve(-slopes / 2)))
            value = sign * h.xreplace(centre)
            return [] if value > 0 else [centre] if value == 0 else None  # below 0: 0 on an ellipse, not found
    return None


# along each search line, from the base point: where a continuous side has both signs, it is 0 in between
_SIGN_STEPS = tuple(Fraction(t) for t in (-8, -2, -1, 0, "1/2", 1, 2, 8))
_CONTINUOUS = (sympy.Add, sympy.Mul, sympy.exp, sympy.sin, sympy.cos, sympy.atan, sympy.sinh, sympy.asinh, sympy.cosh,
               sympy.tanh, sympy.Abs)


def _zero_on_a_line(expr: Expr, names: Sequence[str]) -> bool:
    """Whether `expr` is certainly positive at one point and negative at another of a search line, where it is
    continuous everywhere (x·eˣ - 1: -1 at x = 0, e - 1 at x = 1), so that it is 0 between them, or is 0 at
    one of them (sin(πx) at x = 0, though it is negative at none of them)."""
    if not continuous(expr):
        return False
    symbols = [symbol(n) for n in names]
    for base, axis in lines(len(names)):
        signs = set()
        for step in _SIGN_STEPS:
            point = {s: to_sympy(step if i == axis else v) for i, (s, v) in enumerate(zip(symbols, base))}
            there = expr.subs(point)
            if there.is_zero:
                return True
            signs.add(1 if there.is_positive else -1 if there.is_negative else 0)
        if {1, -1} <= signs:
            return True
    return False


def continuous(expr: Expr) -> bool:
    """Whether every part of `expr` has a value at every real point and moves continuously: sums, products, whole
    powers, odd roots, a positive number to any such power, and exp, sin, cos, atan, sinh, asinh, cosh, tanh, |·|."""
    if expr.is_Atom:
        return bool(expr.is_Symbol or expr.is_extended_real)
    if expr.is_Pow:
        power = expr.exp
        whole = power.is_Integer and power.is_nonnegative
        odd_root = power.is_Rational and power.is_positive and power.q % 2
        positive_base = not expr.base.free_symbols and expr.base.is_positive
        return bool(whole or odd_root or positive_base) and all(continuous(arg) for arg in expr.args)
    return isinstance(expr, _CONTINUOUS) and all(continuous(arg) for arg in expr.args)


_MOST_PEELED = 4  # e^(y³) = e^(8x³): a map inside a map; a few at most, each a step of the tree down


def maps_undone(equation: Equation, work: int) -> Equation:
    """`equation` with a map that is one-to-one on the reals taken off both sides, or a power off a side that is
    0, as often as one is there: eᵘ = eᵛ and 2ᵘ = 2ᵛ are u = v, u³ = 8v³ is u = 2v, ∛u = ∛(2v) is u = 2v (odd
    powers and odd roots are real), u² = 0 is u = 0 (_bases_of_zero). Each is the same equation: it holds at
    the same points, and where u or v has no value the other side has none either. Not ln u = ln v, which is
    u = v only where u > 0, nor u² = v², which holds at u = -v too."""
    for _ in range(_MOST_PEELED):
        undone = _logarithms_of(equation) or _reciprocals_of(equation) or _one_to_one(equation) \
            or _bases_of_zero(equation, work)
        if undone is None:
            moved = _terms_moved(equation)  # √(x² + y²) − 2 = 0 is √(x² + y²) = 2, e^z − e^u = 0 is e^z = e^u
            undone = None if moved is None else _logarithms_of(moved) or _one_to_one(moved)
        if undone is None:
            break
        equation = undone
    return equation


def zero_with_its_argument(expr: Expr) -> bool:
    """Whether expr is f(u), f with a value for every real u and 0 exactly where u is (atan, sinh, asinh, tanh):
    atan(x)·atan(y) = 0 is the lines x = 0 and y = 0."""
    found = _INVERSES.get(type(expr))
    return found is not None and found.everywhere and found.inverse(0) == 0


def _one_to_one(equation: Equation) -> Equation | None:
    return _odd_roots_of(equation) or _inverse_of(equation) or _size_and_root(equation)


def _size_and_root(equation: Equation) -> Equation | None:
    """a²u² = b²v for a·|u| = b·√v (a, b > 0): both sides are at least 0, where squaring is one-to-one, and where
    a²u² = b²v, v ≥ 0 and √v has a value. |y| = √(4 − x²) is the whole circle y² = 4 − x²."""
    for side, other in ((equation.lhs, equation.rhs), (equation.rhs, equation.lhs)):
        a, size = side.as_coeff_Mul()
        b, root = other.as_coeff_Mul()
        if isinstance(size, sympy.Abs) and root.is_Pow and root.exp == sympy.S.Half and a.is_positive \
                and b.is_positive:
            return Equation(a**2 * size.args[0] ** 2, b**2 * root.base)
    return None


def _terms_moved(equation: Equation) -> Equation | None:
    """The equation as one term with variables = a number, or one such term = another: a·f(u) + b = c is
    a·f(u) = c − b, a·f(u) − b·g(v) = 0 is a·f(u) = b·g(v); None where it is no such thing, or already so."""
    terms = sympy.Add.make_args(minus(equation.lhs, equation.rhs))
    varying = [t for t in terms if t.free_symbols]
    number = -sympy.Add(*(t for t in terms if not t.free_symbols))
    if len(varying) == 1:
        moved = Equation(varying[0], number)
    elif len(varying) == 2 and number == 0:
        first, second = varying if not varying[0].could_extract_minus_sign() else (-varying[0], -varying[1])
        moved = Equation(first, -second)
    else:
        return None
    return None if moved in (equation, Equation(equation.rhs, equation.lhs)) else moved


def _bases_of_zero(equation: Equation, work: int) -> Equation | None:
    """u·v = 0 for c·u²·|v|ᵏ = 0 (c a number not 0): a product is 0 where a factor is, and a whole power or an
    absolute value where its base is, so (y - 2x)² = 0 is y = 2x and sin²x = 0 is sin x = 0. Where neither
    side is such a product, but both have a value everywhere and are no polynomials (whose factors
    times_a_polynomial_factor weighs), their difference factored, with sin and cos rewritten (1 - cos²x = 0
    and cos²x = 1 are sin²x = 0): a rewriting the same at every point. None where nothing is taken off."""
    for side, other in ((equation.lhs, equation.rhs), (equation.rhs, equation.lhs)):
        if other.free_symbols:
            continue
        moved = minus(side, other)  # tan²x + 1 = 1 is tan²x = 0: only the numbers add
        if (bases := _bases(moved)) is not None or (bases := _squares(moved)) is not None:
            return Equation(bases, sympy.Integer(0))
    difference = equation.lhs - equation.rhs
    symbols = sorted(difference.free_symbols, key=str)
    if not (symbols and continuous(equation.lhs) and continuous(equation.rhs)) \
            or difference.is_polynomial(*symbols) or sympy.count_ops(difference) > MOST_OPERATIONS:
        return None
    rewritten = factored(difference, work)
    if rewritten is None or not continuous(rewritten):
        return None
    bases = _bases(rewritten)
    return None if bases is None else Equation(bases, sympy.Integer(0))


def _bases(product: Expr) -> Expr | None:
    """u·v for c·u²·|v|ᵏ (c a number not 0, each power whole and above 1); None where no power or absolute value
    is there to take off, or where a factor divides (u³/u has no value at u = 0: written as a product, it would
    be multiplied out) - a number alone taken off changes nothing the multiple test does not see."""
    factors = sympy.Mul.make_args(product)
    if any(not f.free_symbols and not (f.is_extended_real and f.is_zero is False)
           or f.is_Pow and f.exp.is_negative for f in factors):
        return None
    bases = [_base(f) for f in factors if f.free_symbols]
    if bases == [f for f in factors if f.free_symbols]:
        return None
    return sympy.Mul(*bases)


def _squares(total: Expr) -> Expr | None:
    """b₁² + b₂² + … for a sum of terms all ≥ 0 (or all ≤ 0), each a number times whole powers and absolute
    values of bᵢ (|x - 4|, (y - 4)⁴, 3u²|v|): such a sum is 0 exactly where every term is, and so where every
    base is, as is the sum of their squares: |x - 4| + |y - 4| = 0 and (x - 4)⁴ + (y - 4)² = 0 are
    (x - 4)² + (y - 4)² = 0, (y - 2x)² + (y - 2x)⁴ = 0 is 2(y - 2x)² = 0. None where a term is otherwise,
    where a square would lose where a base has no value ((√x)² is x), or where nothing changes."""
    terms = sympy.Add.make_args(total)
    signs, bases = set(), []
    for term in terms:
        number, free = term.as_independent(*term.free_symbols, as_Add=False)
        factors = sympy.Mul.make_args(free)
        if not free.free_symbols or not (number.is_positive or number.is_negative) \
                or not all(_never_negative(f) for f in factors):
            return None
        signs.add(bool(number.is_positive))
        bases.append(sympy.Mul(*map(_base, factors)))
    squares = sympy.Add(*(b ** 2 for b in bases))
    if len(terms) < 2 or len(signs) != 1 or squares == total or not _without_value(total) <= _without_value(squares):
        return None
    return squares


def _never_negative(factor: Expr) -> bool:
    """Whether a factor is an even whole power or an absolute value (of a power), ≥ 0 wherever it has a value."""
    if isinstance(factor, sympy.Abs):
        return True
    return bool(factor.is_Pow and factor.exp.is_Integer and factor.exp > 0
                and (factor.exp % 2 == 0 or isinstance(factor.base, sympy.Abs)))


def _base(factor: Expr) -> Expr:
    """u for uᵏ (k whole, above 1) and for |u|, as often as one is there; anything else itself."""
    while factor.is_Pow and factor.exp.is_Integer and factor.exp > 1 or isinstance(factor, sympy.Abs):
        factor = factor.args[0]
    return factor


def _exponent(side: Expr) -> Expr | None:
    """u for eᵘ, u·ln a for aᵘ (a a number above 0 other than 1), and that plus ln c for c times one, c a rational
    above 0 (6e^(x/2 - 2), sympy's e^(ln 6 + x/2 - 2)); None for anything else."""
    number, power = side.as_coeff_Mul()
    if number != 1 and number.is_positive:
        inner = _exponent(power)
        return None if inner is None else inner + sympy.log(number)
    if isinstance(side, sympy.exp):  # exp(u), or e**u as the parser keeps e^(ln x): its .exp either way
        return side.exp
    if side.is_Pow and not side.base.free_symbols and side.exp.free_symbols and side.base.is_positive \
            and side.base != 1:
        return sympy.Mul(side.exp, sympy.log(side.base), evaluate=False)  # x²/x kept as written, as in eᵘ
    return None


def _logarithms_of(equation: Equation) -> Equation | None:
    """u = v for eᵘ = eᵛ, and u = ln c for eᵘ = c, a number above 0 (e^((y - 2x)²) = 1 is (y - 2x)² = 0)."""
    mine, theirs = _exponent(equation.lhs), _exponent(equation.rhs)
    if mine is None and theirs is None:
        return None
    mine = _logarithm(equation.lhs) if mine is None else mine
    theirs = _logarithm(equation.rhs) if theirs is None else theirs
    return None if mine is None or theirs is None else Equation(mine, theirs)


def _logarithm(number: Expr) -> Expr | None:
    """ln c for a number c above 0 (c is e^(ln c)); None for anything else."""
    return sympy.log(number) if not number.free_symbols and number.is_positive else None


def _reciprocals_of(equation: Equation) -> Equation | None:
    """u = 1/c for 1/u = c, a number not 0, where 1/u is a number times negative powers (sec x and csc x
    read as 1/cos x and 1/sin x): sec²x = 1 is cos²x = 1. The same equation: where u = 1/c, u is not 0, so
    1/u has a value."""
    for side, other in ((equation.lhs, equation.rhs), (equation.rhs, equation.lhs)):
        if other.free_symbols or not other.is_extended_real or other.is_zero is not False:
            continue
        side = side.replace(sympy.sec, lambda u: 1 / sympy.cos(u)).replace(sympy.csc, lambda u: 1 / sympy.sin(u))
        factors = [f for f in sympy.Mul.make_args(side) if f.free_symbols]
        if factors and all(f.is_Pow and f.exp.is_negative for f in factors):
            return Equation(1 / side, 1 / other)
    return None


@dataclass(frozen=True)
class _Inverse:
    """A function one-to-one where it has a value: its inverse, and whether a number is one of its values."""

    inverse: type[sympy.Function]
    takes: Callable[[Expr], bool]
    everywhere: bool = False  # a value for every real: f(u) = f(v) is u = v


def _between(low: Expr, high: Expr, closed: bool = False) -> Callable[[Expr], bool]:
    def takes(c: Expr) -> bool:
        within = sympy.And(sympy.Le(low, c), sympy.Le(c, high)) if closed else sympy.And(sympy.Lt(low, c),
                                                                                          sympy.Lt(c, high))
        return within is sympy.true
    return takes


# where the inverse grows as eᶜ, c at most this in size: ln(x + y) = 10³⁰⁰ is left as written, as before, and
# compared so; x + y = e^(10³⁰⁰) would cost every later step a number of 10³⁰⁰ digits
_MOST_EXPONENT = 100
_MODEST = _between(-_MOST_EXPONENT, _MOST_EXPONENT, closed=True)

_INVERSES = {  # not exp, nor a positive number to a power: _logarithms_of takes those off
    sympy.log: _Inverse(sympy.exp, _MODEST),
    sympy.atan: _Inverse(sympy.tan, _between(-sympy.pi / 2, sympy.pi / 2), everywhere=True),
    sympy.asin: _Inverse(sympy.sin, _between(-sympy.pi / 2, sympy.pi / 2, closed=True)),
    sympy.acos: _Inverse(sympy.cos, _between(0, sympy.pi, closed=True)),
    sympy.sinh: _Inverse(sympy.asinh, _between(-sympy.oo, sympy.oo), everywhere=True),
    sympy.asinh: _Inverse(sympy.sinh, _MODEST, everywhere=True),
    sympy.tanh: _Inverse(sympy.atanh, _between(-1, 1), everywhere=True),
    sympy.atanh: _Inverse(sympy.tanh, _between(-sympy.oo, sympy.oo)),
    sympy.acosh: _Inverse(sympy.cosh, _between(0, _MOST_EXPONENT, closed=True)),
}


def _inverse_of(equation: Equation) -> Equation | None:
    """u = f⁻¹(c/a) for a·f(u) = c, f one-to-one where it has a value and c/a one of its values: ln u = 0 is
    u = 1, atan u = 0 is u = 0, √u = c is u = c² (c ≥ 0), and so a·u^(p/q) = c, q even (p odd, the fraction
    reduced), is u = (c/a)^(q/p) for c/a ≥ 0 (t > 0 for p < 0). And u = v for a·f(u) = a·f(v), f one-to-one
    with a value everywhere (atan, sinh, asinh, tanh). Each the same equation: where u = f⁻¹(c/a), f(u) has
    a value. √(x² + y²) = 2 is x² + y² = 4; ln(x² + y²) = 0 is x² + y² = 1."""
    for side, other in ((equation.lhs, equation.rhs), (equation.rhs, equation.lhs)):
        number, inside = side.as_coeff_Mul()
        if not number.is_nonzero:
            continue
        if other.free_symbols:
            theirs, outside = other.as_coeff_Mul()
            found = _INVERSES.get(type(inside))
            if theirs == number and type(outside) is type(inside) and found is not None and found.everywhere:
                return Equation(inside.args[0], outside.args[0])
            continue
        if not other.is_extended_real:
            continue
        ratio = other / number
        if inside.is_Pow and inside.exp.is_Rational and inside.exp.q % 2 == 0:
            if ratio.is_negative is False and not (inside.exp.is_negative and ratio.is_zero):
                return Equation(inside.base, ratio ** (1 / inside.exp))
            continue
        found = _INVERSES.get(type(inside))
        if found is not None and found.takes(ratio):
            return Equation(inside.args[0], found.inverse(ratio))
    return None


def _odd_roots_of(equation: Equation) -> Equation | None:
    """u = 2v for u³ = 8v³, u = 2v for ∛u = ∛2·∛v: both sides' real n-th roots, for a power n = p/q > 0 with p
    and q odd that a side is, or is a factor of, where each root can be written exactly."""
    exponents = {factor.exp for side in (equation.lhs, equation.rhs) for factor in sympy.Mul.make_args(side)
                 if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_positive and factor.exp.p % 2}
    # u^(3/2) = v^(3/2) is √u = √v: the cube of t ≥ 0
    powers = {n for k in exponents for n in (k, sympy.Integer(k.p)) if n != 1 and n.q % 2}
    for n in sorted(powers, key=str):
        mine, theirs = _odd_root(equation.lhs, n), _odd_root(equation.rhs, n)
        if mine is not None and theirs is not None:
            return Equation(mine, theirs)
    return None


def _odd_root(side: Expr, n: sympy.Rational) -> Expr | None:
    """The real r with r^n = side, written exactly, for n = p/q > 0, p and q odd (so t ↦ t^n is one-to-one
    and has a value for every real t); None where it can't be read off the factors."""
    roots = []
    for factor in sympy.Mul.make_args(side):
        if factor.is_Pow and factor.exp.is_Rational:
            # a power of the same sign, its denominator even where the factor's is: defined where the factor is
            # (b⁻³ and b⁻¹ at b ≠ 0, b^(3/2) and b^(1/2) at b ≥ 0); (-3)^(1/3) is the real root, as read
            if factor.exp.q % 2 != (factor.exp / n).q % 2:
                return None
            roots.append(factor.base ** (factor.exp / n))
        elif factor.is_Mul:
            inner = _odd_root(factor, n)
            if inner is None:
                return None
            roots.append(inner)
        elif not factor.free_symbols:
            if factor.is_extended_real is not True:
                return None
            roots.append(sympy.sign(factor) * sympy.Abs(factor) ** (1 / n))
        elif isinstance(factor, sympy.exp):
            roots.append(sympy.exp(factor.exp / n))
        else:
            return None
    root = sympy.Mul(*roots)
    # x³/x and √x·√x, kept as written, have no value at 0 and for x < 0: x·x^(-1/3) and x^(1/6)·x^(1/6) would be
    # multiplied into x^(2/3) and x^(1/3), which have one
    return root if _without_value(side) <= _without_value(root) else None


def _without_value(expr: Expr) -> set[tuple[Expr, bool]]:
    """The bases of the powers in expr that have no value where the base is 0 (a negative power: True) or
    negative (an even root: False)."""
    return {(node.base, bool(node.exp.is_negative)) for node in sympy.preorder_traversal(expr)
            if node.is_Pow and node.base.free_symbols and node.exp.is_Rational
            and (node.exp.is_negative or node.exp.q % 2 == 0)}
