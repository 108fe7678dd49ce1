"""Partial derivatives and gradients, exact, optionally at a point."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import sympy
from sympy import Expr
from sympy.core.mul import _keep_coeff

from ..budget import OutOfTime, counted, metered_cache
from ..equality import zero_powers
from ..parse import InputError, substituted, symbol
from ..show import ordered_terms, show
from .common import (
    NoRealValue,
    NotDifferentiable,
    Number,
    SolveError,
    exact,
    function_of,
    order_variables,
    point_of,
    real_at,
    real_powers,
    sign,
    symbols,
    variables_of,
)
from .kinks import with_abs


def derivative(f: Expr, wrt: str, again: bool = False) -> Expr:
    """∂f/∂wrt in the form the lesson writes it; `again`: f is itself a derivative (of |x|, whose
    sign(x) is no jump of the function the user gave, and is kept for the second-derivative test).

    Each term of f is differentiated on its own and tidied by pulling out common
    factors, so the product rule on x²(x - 6) gives x(3x - 12), not 3x² - 12x,
    while the terms of f stay separate (28m + 12b - 42, not 2(14m + 6b - 21)).
    A term whose derivative has the variable in a denominator is put over one
    denominator, the numerator multiplied out: x/(x + 1) gives 1/(x + 1)².
    """
    v = symbol(wrt)
    # 0^u: sympy's derivative is nan, as no number can be put in for it
    switches = sorted((p for p in zero_powers(f) if v in p.exp.free_symbols), key=sympy.default_sort_key)
    if switches:
        raise SolveError(_no_rule(switches[0], wrt))
    result = sympy.Add(*(_term_derivative(term, v) for term in sympy.Add.make_args(f)))
    unworked = next(iter(result.atoms(sympy.Derivative)), None)
    if unworked is not None:  # d/dx floor(x): sympy leaves it as it is, and no number can be put in it
        jumps = sorted((p for p in f.atoms(sympy.floor, sympy.ceiling) if v in p.free_symbols),
                       key=sympy.default_sort_key)
        raise SolveError(_no_rule(jumps[0] if jumps else unworked.expr, wrt))
    if not again and result.has(sympy.DiracDelta):  # d/dx sign(x) = 2δ(x): a jump, like floor's, not a slope
        signs = sorted((p for p in f.atoms(sympy.sign) if v in p.free_symbols), key=sympy.default_sort_key)
        if signs:
            raise SolveError(_no_rule(signs[0], wrt))
    return result


def _no_rule(piece: Expr, wrt: str) -> str:
    """Why f can't be differentiated: floor(u) and ceil(u) jump where u is a whole number and are flat in
    between, and sign(u) jumps where u = 0 and is flat elsewhere, so their derivative is 0 or nothing,
    and no slope of f tells where it rises or falls."""
    if isinstance(piece, sympy.sign):
        (u,) = piece.args
        return (f"{show(piece)} jumps where {show(u)} = 0, where it has no derivative, and is flat elsewhere, "
                f"where its derivative is 0: the tutor can't differentiate f with respect to {wrt}")
    if piece.is_Pow and piece.base.is_zero:
        return (f"{show(piece)} is 1 where {show(piece.exp)} = 0 and 0 where it is positive, a jump with no "
                f"derivative, and is flat elsewhere: the tutor can't differentiate f with respect to {wrt}")
    if isinstance(piece, (sympy.floor, sympy.ceiling)):
        (u,) = piece.args
        return (f"{show(piece)} jumps where {show(u)} is a whole number, where it has no derivative, and is "
                f"flat in between, where its derivative is 0: the tutor can't differentiate f with respect "
                f"to {wrt}")
    return f"the tutor has no rule for the derivative of {show(piece)}, so it can't differentiate f"


# The same terms come in many variants (x² in every draw of x² - y² + ax + by), and one variant's
# first derivatives are taken again for its Hessian and its minimum.
@metered_cache(4096)
def _term_derivative(term: Expr, v: sympy.Symbol) -> Expr:
    monomial = _monomial_derivative(term, v)
    if monomial is not None:
        return monomial
    coefficient, power = term.as_independent(v, as_Add=False)
    if power.is_Pow and not power.exp.is_number and v not in power.exp.free_symbols \
            and power.base != v and not power.base.is_Pow:
        # (2x)ʸ: the power rule and the chain rule's 2y(2x)ʸ⁻¹, as the steps derive it; sympy's split into
        # xʸ⁻¹y2ʸ read worse (outside check h28, N8)
        inner = _tidy(in_signs(continuous_signs(sympy.diff(power.base, v))))
        return coefficient * power.exp * power.base ** (power.exp - 1) * inner
    tidied = _tidy(in_signs(continuous_signs(sympy.diff(term, v))))
    if any(v in p.base.free_symbols and not p.exp.is_number and v not in p.exp.free_symbols
           for p in term.atoms(sympy.Pow)):
        # xʸ's derivative as the power rule gives it, y·xʸ⁻¹, not sympy's xʸ·y/x: that is no simpler, and
        # has no value at x = 0, where y·xʸ⁻¹ may have one
        tidied = sympy.powsimp(tidied, combine="exp")
    # (x - 2.5)² gives 2(x - 2.5), as (x - 4)² gives 2(x - 4): expanded, 2x - 5 would merge with the other
    # terms' derivatives, and f's terms would no longer stay separate in f′
    return (_square_of_line(term, v) or tidied) if tidied.is_Add else tidied


def _square_of_line(term: Expr, v: sympy.Symbol) -> Expr | None:
    """d(c·u²)/dv = 2c·a·u for u linear in v with coefficient a, its factor kept out of u (sympy would
    multiply it in); None for any other term."""
    coefficient, square = term.as_coeff_Mul()
    if coefficient.is_Rational and square.is_Pow and square.exp == 2 and square.base.is_Add \
            and square.base.is_polynomial(v):
        line = sympy.Poly(square.base, v)
        if line.degree() == 1:
            return _keep_coeff(2 * coefficient * line.LC(), square.base)
    return None


def continuous_signs(slope: Expr) -> Expr:
    """sympy's derivative of sign(u)·|u|^r (r > 0 a fraction: x^(1/3) read as the real root, sign(x)|x|^(1/3))
    without its term δ(u)·|u|^r, which is 0 everywhere: sign(u) jumps only where |u|^r is 0, so the product
    is continuous there and has no jump for δ to stand for; and sign(u)² beside a power of |u| as 1, which
    it is wherever the product has a value (the power is not whole: off u = 0, or at it where it is 0).
    sign(u)·|u| (r = 1) is left to be refused: its derivative sign(u)² would be 0 at u = 0, where u's is 1."""
    if not slope.has(sympy.sign):
        return slope

    def powers(product: sympy.Mul) -> dict[Expr, Expr]:  # u: the exponent of |u| in the product
        return {b.args[0]: e for b, e in (factor.as_base_exp() for factor in product.args)
                if isinstance(b, sympy.Abs) and e.is_Rational and not e.is_Integer}

    def tidied(product: sympy.Mul) -> Expr:
        of = powers(product)
        # (y - x)^(1/3) is sign(-x + y)|x - y|^(1/3) as sympy writes it: each sign(-u) beside |u|^r as -sign(u), so
        # that sign(-u)·sign(u) is -sign(u)², and δ(-u), which is δ(u), is known as the jump of that sign
        flipped = {s: -sympy.sign(-s.args[0]) for s in product.atoms(sympy.sign)
                   if s.args[0] not in of and -s.args[0] in of}
        if flipped:
            product = product.xreplace(flipped)
            if not product.is_Mul:
                return product
            of = powers(product)
        if any(isinstance(f, sympy.DiracDelta) and len(f.args) == 1
               and max(of.get(f.args[0], 0), of.get(-f.args[0], 0)) > 0 for f in product.args):
            return sympy.Integer(0)
        ones = {f: 1 for f in product.args if f.is_Pow and isinstance(f.base, sympy.sign) and f.exp.is_Integer
                and f.exp.is_positive and f.exp % 2 == 0 and f.base.args[0] in of}
        return product.xreplace(ones) if ones else product

    return slope.replace(lambda e: e.is_Mul, tidied)


def in_signs(slope: Expr) -> Expr:
    """sympy's derivative of max and min, Heaviside(u, 1/2), in the tutor's own terms: (1 + sign(u))/2,
    the same number everywhere (1/2 where u = 0 too), multiplied out, so d/dx max(x, -x) is sign(x) as
    d/dx |x| is (not -Heaviside(-2x, 1/2) + Heaviside(2x, 1/2), which no student can read or type)."""
    def signed(step: sympy.Heaviside) -> Expr:
        u = step.args[0]
        return (1 - sympy.sign(-u)) / 2 if u.could_extract_minus_sign() else (1 + sympy.sign(u)) / 2

    halves = [h for h in slope.atoms(sympy.Heaviside) if len(h.args) == 2 and h.args[1] == sympy.S.Half]
    return sympy.expand(slope.xreplace({h: signed(h) for h in halves})) if halves else slope


def diff(f: Expr, v: sympy.Symbol) -> Expr:
    """sympy.diff(f, v), the very same tree, each monomial term by the power rule: sympy's diff takes
    0.3 ms a monomial when its cache knows it and several when it does not, and candidates take
    hundreds of derivatives of a variant's new numbers."""
    return sympy.Add(*(_diff_term(term, v) for term in sympy.Add.make_args(f)))


def _diff_term(term: Expr, v: sympy.Symbol) -> Expr:
    monomial = _monomial_derivative(term, v)
    return monomial if monomial is not None else sympy.diff(term, v)


def _monomial_derivative(term: Expr, v: sympy.Symbol) -> Expr | None:
    """d(c·vⁿ·rest)/dv = c·n·vⁿ⁻¹·rest for a rational c and whole powers of variables: the power rule
    sympy's diff applies, in the same tree (a monomial's factor_terms is itself), without its general
    machinery. None for any other term."""
    coefficient, factors = term.as_coeff_mul()
    if not coefficient.is_Rational:
        return None
    power = sympy.Integer(0)
    rest = []
    for factor in factors:
        base, exponent = factor.as_base_exp()
        if not (base.is_Symbol and exponent.is_Integer and exponent.is_positive):
            return None
        if base == v:
            power = exponent
        else:
            rest.append(factor)
    if power == 0:
        return sympy.Integer(0)
    return sympy.Mul(coefficient * power, v ** (power - 1), *rest)


def _tidy(term: Expr) -> Expr:
    if term.is_polynomial():  # no variable in a denominator: together, the costly part, would find none
        return sympy.factor_terms(term)
    numerator, denominator = sympy.fraction(sympy.together(term))
    if denominator.free_symbols:
        return sympy.factor_terms(sympy.expand(numerator)) / denominator
    return sympy.factor_terms(term)


def value_at(expr: Expr, variables: Sequence[str], point: Sequence[Expr], what: str = "f") -> Expr:
    """expr at the point, exactly; a point where it has no real value is an error."""
    unworked = next(iter(expr.atoms(sympy.Derivative)), None)
    if unworked is not None:  # d/dx floor(x): sympy leaves it as it is, and it can't be put a number in
        raise SolveError(f"the tutor can't work out {what}: it has no rule for the derivative of "
                         f"{show(unworked.expr)}")
    value = _real_or_refused(real_powers(expr), variables, point, what)  # (-8)^(1/3) is -2, as read
    if value.has(sympy.CRootOf):  # exact as it stands; simplify or expand only slow it down
        pass
    elif value.free_symbols or not value.is_Rational:
        value = sympy.simplify(value)
    if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or value.is_extended_real is False:
        raise _no_real_value(variables, point, what)  # simplified: 0/0 as nan
    return value


def slope_name(wrt: str, variables: Sequence[str]) -> str:
    """f′ for f of one variable, ∂f/∂x for f of several: the lesson's notation for each."""
    return f"∂f/∂{wrt}" if len(variables) > 1 else "f′"


def defined_at(expr: Expr, variables: Sequence[str], point: Sequence[Expr], what: str = "f") -> None:
    """SolveError where expr has no real value at the point, as far as sympy tells without simplifying:
    f itself there, before its derivative is asked for (ln x at x = -1 has none, so no derivative)."""
    _real_or_refused(real_powers(expr), variables, point, what)


def _real_or_refused(expr: Expr, variables: Sequence[str], point: Sequence[Expr], what: str) -> Expr:
    """expr at the point, where every part of it has a real value there (real_at); else NoRealValue."""
    value = real_at(expr, dict(zip(symbols(variables), point)))
    if value is None:
        raise _no_real_value(variables, point, what)
    return value


def _no_real_value(variables: Sequence[str], point: Sequence[Expr], what: str) -> NoRealValue:
    at = ", ".join(f"{n} = {p}" for n, p in zip(variables, point))
    return NoRealValue(f"{what} has no real value at {at}")


# the pieces where f may have a kink or a jump, and where each one switches
_KINKS = (sympy.Abs, sympy.sign, sympy.Heaviside, sympy.floor, sympy.ceiling, sympy.Max, sympy.Min)
# sympy's work on the one-sided derivatives at a kink, counted, not timed (the same verdict on any
# machine): |x| + x² at 0 takes about 12,000 calls
LIMIT_CALLS = 500_000


def corners(derivatives: Sequence[Expr]) -> tuple[Expr, ...]:
    """The insides u of the derivatives' sign(u) where a formula may be wrong at u = 0, in order: sympy's d/dx |x|
    is sign(x), and sign(0) = 0 is a value where a corner has none (y|x| at x = 0, y ≠ 0). Left out where the
    formula's values from either side meet on u = 0, so that it holds there too (x|x|: x sign(x) + |x| is 0
    from both sides at 0; |x|³)."""
    found: list[Expr] = []
    for slope in derivatives:
        for jump in sorted(slope.atoms(sympy.sign), key=sympy.default_sort_key):
            u = jump.args[0]
            sides = (slope.xreplace({jump: sympy.S.One}), slope.xreplace({jump: sympy.S.NegativeOne}))
            if u.free_symbols and u not in found and not _meet(sides[0] - sides[1], u):
                found.append(u)
    return tuple(found)


def _meet(gap: Expr, u: Expr) -> bool:
    """Whether gap is 0 wherever u = 0, shown by putting in u's root in a variable u is linear in (x = 2y for
    x - 2y); False where no such root shows it (the formula is then said to hold off u = 0, which is true)."""
    for v in sorted(u.free_symbols, key=lambda s: s.name):
        slope = sympy.diff(u, v)
        if slope != 0 and not slope.has(v):
            return sympy.expand(gap.subs(v, sympy.expand(v - u / slope))) == 0
    return False


def differentiable_at(f: Expr, variables: Sequence[str], point: Sequence[Expr], wrt: str) -> None:
    """SolveError where ∂f/∂wrt does not exist at the point: f has a kink or a jump there (|x| at
    x = 0), and its one-sided derivatives differ. sympy's derivative of |x| is sign(x), 0 at x = 0,
    a value where there is none; x|x| has the derivative 0 there, and is kept."""
    values = dict(zip(symbols(variables), point))
    f = real_powers(f)  # x^(2/3) as read, |x|^(2/3): a cusp at 0
    if not any(_switches_at(piece, values) for piece in f.atoms(*_KINKS)):
        return
    sides = _one_sided(f, values, wrt)
    if sides is None:
        shown = named_point(variables, point)
        raise SolveError(f"the tutor cannot tell whether f is differentiable at {shown} "
                         f"(f has a kink or a jump there)")
    left, right = sides
    if right == left and right.is_finite:
        return
    raise NotDifferentiable(named_point(variables, point), _why_not_differentiable(variables, wrt, left, right))


def kinks(f: Expr) -> tuple[Expr, ...]:
    """The pieces of f where it may have a kink or a jump (|u|, sign(u), max(u, w), floor(u) …), as
    differentiable_at reads f: for `kink_at`, found once for many points."""
    return tuple(real_powers(f).atoms(*_KINKS))


def kink_at(f: Expr, variables: Sequence[str], point: Sequence[Expr], pieces: Sequence[Expr]) -> SolveError | None:
    """Why ∇f has no value at the point, where one of f's `kinks` switches there: differentiable_at's error
    for the first partial that has none; None where none switches, or every partial has a value all the same
    (x|x| at 0: sympy's sign(x)·x + |x| there is 0, and right)."""
    values = dict(zip(symbols(variables), point))
    if not any(_switches_at(piece, values) for piece in pieces):
        return None
    for v in variables:
        try:
            differentiable_at(f, variables, point, v)
        except SolveError as error:
            return error
    return None


@dataclass(frozen=True)
class DifferenceLimit:
    """The limit of a difference quotient as the lesson writes it, lim h→0 (f(h, 0) − f(0, 0))/h for ∂f/∂x at the
    origin: each variable moved by step·h; in LaTeX, \\lim_{h \\to 0} \\frac{f(h, 0) - f(0, 0)}{h}, maths and
    not text, as every other formula of the steps is."""

    variables: tuple[str, ...]
    point: tuple[Expr, ...]
    wrt: str
    name: str = "f"  # f_x for a second partial's

    def show(self, latex: bool = False) -> str:
        step = {self.wrt: 1}
        if not latex:
            return f"lim h→0 {_quotient_text(self.variables, self.point, step, self.name)}"
        name = re.sub(r"_(\w+)", r"_{\1}", self.name)
        moved, where = _quotient_parts(self.variables, self.point, step, latex=True)
        return rf"\lim_{{h \to 0}} \frac{{{name}({moved}) - {name}({where})}}{{h}}"

    def __str__(self) -> str:
        return self.show()


@dataclass(frozen=True)
class Slope:
    """∂f/∂wrt at a point, and how it was found: `definition` is the limit of f's difference quotient that gave
    it where its formula has no value there (lim h→0 (f(h, 0) − f(0, 0))/h), None where the formula gave it."""

    value: Expr
    definition: DifferenceLimit | None = None


def slope_at(f: Expr, variables: Sequence[str], point: Sequence[Expr], wrt: str, what: str = "",
             slope: Expr | None = None) -> Expr:
    """∂f/∂wrt (`slope`, where it is known already) at the point, exactly (`what` names it in an error; the
    lesson's notation by default); see found_slope."""
    return found_slope(f, variables, point, wrt, what, slope).value


def found_slope(f: Expr, variables: Sequence[str], point: Sequence[Expr], wrt: str, what: str = "",
                slope: Expr | None = None) -> Slope:
    """∂f/∂wrt at the point, and how it was found.
    Where its formula has no real value though f has one, the formula says nothing (x²/(x³ + y³)^(2/3) is 0/0
    at the origin), and the slope is taken from its definition, the limit of f's difference quotient in wrt
    alone, the others fixed: where the limits from either side are one number, that is the slope ((x³ + y³)^(1/3)
    at the origin: 1); where they differ or are infinite, f has no derivative there, and the error says why: a
    corner (√(x² + y²) at the origin), or a vertical tangent (√x at 0); "no real value" would suggest f itself
    has none there."""
    try:
        return Slope(value_at(derivative(f, wrt) if slope is None else slope, variables, point,
                              what or slope_name(wrt, variables)))
    except NoRealValue:
        sides = _one_sided(f, dict(zip(symbols(variables), point)), wrt)
        if sides is None:
            raise  # sympy can't find the limits: the formula's verdict stands
        if sides[0] == sides[1] and sides[0].is_finite and _real_limit(sides[0]):  # not 64(ln 8 + iπ) of xʸ at
            return Slope(sides[0], DifferenceLimit(tuple(variables), tuple(point), wrt))  # (-8, 2): no value beside
        raise NotDifferentiable(named_point(variables, point), _why_not_differentiable(variables, wrt, *sides)) \
            from None


def second_from_definition(f: Expr, first: Expr, variables: Sequence[str], point: Sequence[Expr], a: str, b: str,
                           what: str) -> Slope:
    """∂(∂f/∂a)/∂b at a point where its formula has no value there (x²(x⁴ + y⁴)^(-1/2)·… at the origin is 0/0): from
    its definition, the limit of the first partial's difference quotient in b, the first partial at the point
    itself from found_slope (from its own definition where its formula has none there); where the limits from
    either side differ or are infinite, NoRealValue says so. `first`: ∂f/∂a's formula; `what`: the name, f_xy."""
    shown = named_point(variables, point)
    try:
        here = found_slope(f, variables, point, a).value
    except SolveError as error:
        raise NoRealValue(f"{what} has no value at {shown}: {error.message}") from None
    sides = _one_sided_in(first, dict(zip(symbols(variables), point)), symbol(b), here)
    if sides is None:
        raise NoRealValue(f"{what} has no real value at {shown}")
    left, right = sides
    quotient = _quotient_text(variables, point, {b: 1}, f"f_{a}")
    if left == right and left.is_finite:
        return Slope(left, DifferenceLimit(tuple(variables), tuple(point), b, f"f_{a}"))
    if left == right and left in (sympy.oo, -sympy.oo):
        said = f"lim h→0 {quotient} is {_limit_text(left)}"
    elif all(_real_limit(s) and (s.is_finite or s in (sympy.oo, -sympy.oo)) for s in sides):
        said = f"{quotient} tends to {_limit_text(left)} from the left and {_limit_text(right)} from the right as h → 0"
    else:
        said = f"{quotient} has no finite limit as h → 0"
    raise NoRealValue(f"{what} has no value at {shown}: its formula has none there, and {said}")


def _quotient_text(variables: Sequence[str], point: Sequence[Expr], step: Mapping[str, int], name: str = "f") -> str:
    """The difference quotient as the lesson writes it, each variable moved by step·h: (f(h, 0) − f(0, 0))/h
    for ∂f/∂x at the origin, (f(1 + h, 2 + h) − f(1, 2))/h along y = x + 1."""
    there, where = _quotient_parts(variables, point, step)
    return f"({name}({there}) − {name}({where}))/h"


def _quotient_parts(variables: Sequence[str], point: Sequence[Expr], step: Mapping[str, int],
                    latex: bool = False) -> tuple[str, str]:
    """The moved point's coordinates (h, 0) and the point's (0, 0), as a difference quotient writes them."""
    def moved(p: Expr, k: int) -> str:
        h = {0: "", 1: "h", -1: "-h"}.get(k, f"{k}h")
        if not h or p == 0:
            return h or show(p, latex=latex)
        return f"{show(p, latex=latex)} {'-' if h.startswith('-') else '+'} {h.lstrip('-')}"

    where = ", ".join(show(p, latex=latex) for p in point)
    return ", ".join(moved(p, step.get(v, 0)) for v, p in zip(variables, point)), where


def slope_where_formula_fails(f: Expr, variables: Sequence[str], point: Sequence[Expr], wrt: str
                              ) -> tuple[Expr | None, str]:
    """∂f/∂wrt at a point where its formula has no value, from f's difference quotients on either side: the
    slope where they agree on a number (x√(x² + y²) at the origin: 0), else None and why there is none
    ("∂f/∂x is -1 from the left and 1 from the right", the cone's vertex); (None, "") where the limits can't
    be found."""
    sides = _one_sided(f, dict(zip(symbols(variables), point)), wrt)
    if sides is None:
        return None, ""
    left, right = sides
    if left == right and left.is_finite:
        return left, ""
    return None, _why_not_differentiable(variables, wrt, left, right)


def _one_sided(f: Expr, values: Mapping[sympy.Symbol, Expr], wrt: str) -> tuple[Expr, Expr] | None:
    """The limits of f's difference quotient in wrt from the left and from the right at the point; where sympy
    can't find those within its budget, ∂f/∂wrt's own limits from each side (_slope_limits); None where neither."""
    v = symbol(wrt)
    quotients = _one_sided_in(f, values, v)
    return quotients if quotients is not None else _slope_limits(f, values, v)


def _slope_limits(f: Expr, values: Mapping[sympy.Symbol, Expr], v: sympy.Symbol) -> tuple[Expr, Expr] | None:
    """∂f/∂v's limits from the left and from the right, each a one-sided slope of f where f tends to its value
    there from that side (the mean value theorem): asin x at 1, whose difference quotients took sympy past
    LIMIT_CALLS, has f′ → ∞ from the left and no real value to the right (h16, F7). None where a limit is none of a
    number, ±∞ or a value off the real line (x² sin(1/x) at 0: f′ has no limit, though the slope is 0)."""
    h = sympy.Dummy("h", positive=True)
    f = with_abs(real_powers(f))
    at, here = values.get(v, v), f.xreplace(values)
    slope = sympy.diff(f, v)
    sides = []
    try:
        with counted(LIMIT_CALLS):
            for turn in (-1, 1):
                moved = {**values, v: at + turn * h}
                if sympy.limit(f.xreplace(moved), h, 0, "+") != here:
                    return None
                sides.append(sympy.limit(slope.xreplace(moved), h, 0, "+"))
    except (OutOfTime, NotImplementedError, ValueError, TypeError):
        return None
    if not all(s.is_finite or s in (sympy.oo, -sympy.oo) or s.has(sympy.I) for s in sides):
        return None
    return sides[0], sides[1]


def _one_sided_in(f: Expr, values: Mapping[sympy.Symbol, Expr], v: sympy.Symbol, here: Expr | None = None
                  ) -> tuple[Expr, Expr] | None:
    # `here`: f's value at the point where f's formula has none there (a first partial's, from its definition).
    # h > 0 on each side (a + h, a - h), and each |u| written ±u by its sign there: with h only real, or |…|
    # left to sympy's limit, √|x - 3| + x²/100 from the left at 3 came out ∞, not -∞, and costlier
    h = sympy.Dummy("h", positive=True)
    # x^(2/3) left of 0 as read: |x|^(2/3), where sympy's has no real value; max(u, w) as (u + w + |u - w|)/2,
    # its |…| signed as every other (sympy's limit of a Max moved by h came out unknown: h16, F6)
    f = with_abs(real_powers(f))
    at = values.get(v, v)
    here = f.xreplace(values) if here is None else here
    slopes = []
    try:
        with counted(LIMIT_CALLS):
            for turn in (1, -1):
                moved = f.xreplace({**values, v: at + turn * h})
                moved = moved.xreplace({a: s * a.args[0] for a in moved.atoms(sympy.Abs)
                                        if (s := _sign_beside(a.args[0], h))})
                # 0^(y) at y = 2 - h: 0 for every small h, its power staying positive (xʸ along x = 0), which
                # sympy, not knowing h < 2, leaves as it is: its limit came out undefined
                moved = moved.xreplace({p: sympy.Integer(0) for p in moved.atoms(sympy.Pow)
                                        if p.base == 0 and p.exp.xreplace({h: 0}).is_positive})
                quotient = (moved - here) / (turn * h)
                if quotient.is_rational_function(h):  # |x² - 1| at 1: (h² + 2h)/h is h + 2, 2 at h = 0
                    value = sympy.Integer(0) + sympy.cancel(quotient).xreplace({h: 0})  # cancel(0) is the int 0
                    if value.is_finite:
                        slopes.append(value)
                        continue
                slopes.append(sympy.limit(quotient, h, 0, "+"))
    except (OutOfTime, NotImplementedError, ValueError, TypeError):
        return None
    right, left = slopes
    return left, right


@dataclass(frozen=True)
class Remainder:
    """What is left of f beside its tangent plane (x^(1/3)·y at the origin: x^(1/3)·y), and an order d > 1 with
    |rest| ≤ C·rᵈ near the point, r the distance from it: shrinking faster than r, it shows f differentiable
    there, where a partial came from its definition."""

    rest: Expr
    order: Expr


def differentiable_from_partials(f: Expr, variables: Sequence[str], point: Sequence[Expr],
                                 slopes: Sequence[Slope]) -> Remainder | None:
    """SolveError where the partials at the point exist but some came from their definition (their formula has
    no value there), and the tutor can't show f differentiable there, which a tangent plane needs: partials
    look along the axes only. Along each diagonal line through the point, f's slope must be the plane's,
    ∂f/∂x + ∂f/∂y along y = x ((x³ + y³)^(1/3) at the origin: ∛2, not 2); and f is differentiable where what
    is left of f beside the plane shrinks faster than the distance: each of its terms a product of powers of
    the distances along the axes, of total degree above 1 (x^(1/3)·y at the origin: 4/3), which is returned;
    None where every partial came from its formula."""
    if len(variables) < 2 or not any(s.definition for s in slopes):
        return None
    written, f = f, real_powers(f)
    shown = named_point(variables, point)
    gradient = show(tuple(s.value for s in slopes)) if len(slopes) > 1 else show(slopes[0].value)
    exist = f"f is not differentiable at {shown}: its partials exist, ∇f{show(tuple(point))} = {gradient}, but"
    names = symbols(variables)
    t = sympy.Dummy("t", real=True)
    for i, j in itertools.combinations(range(len(variables)), 2):
        for k in (1, -1):
            step = {variables[i]: 1, variables[j]: k}
            along = f.xreplace({s: p + step.get(v, 0) * t for v, s, p in zip(variables, names, point)})
            sides = _one_sided_in(along, {t: sympy.Integer(0)}, t)
            plane = slopes[i].value + k * slopes[j].value
            if sides is None or sides[0] == sides[1] == plane:
                continue
            quotient = _quotient_text(variables, point, step)
            needs = (f"where a tangent plane needs ∂f/∂{variables[i]} {'+' if k == 1 else '−'} ∂f/∂{variables[j]} "
                     f"= {show(plane)}")
            if sides[0] == sides[1]:
                raise SolveError(f"{exist} lim h→0 {quotient} = {_limit_text(sides[0])}, {needs}")
            raise SolveError(f"{exist} {quotient} tends to {_limit_text(sides[0])} from the left and "
                             f"{_limit_text(sides[1])} from the right as h → 0, {needs} on both sides")
    rest = f - f.xreplace(dict(zip(names, point))) - sum(s.value * (n - p) for s, n, p in zip(slopes, names, point))
    moved = sympy.expand(rest.xreplace({n: n + p for n, p in zip(names, point)}), power_base=False, power_exp=False)
    orders = [_order(term, names) for term in sympy.Add.make_args(moved)]
    if all(d is not None and d > 1 for d in orders):
        # said as f was written (x^(1/3)·y, not sign(x)|x|^(1/3)·y, which real_powers makes of it to read it)
        said = sympy.expand(written - written.xreplace(dict(zip(names, point)))
                            - sum(s.value * (n - p) for s, n, p in zip(slopes, names, point)),
                            power_base=False, power_exp=False)
        return Remainder(said, min(orders, key=lambda d: sympy.N(d, 30)))  # type: ignore[arg-type]
    raise SolveError(f"the partials of f exist at {shown}, ∇f{show(tuple(point))} = {gradient}, but a formula of "
                     f"one has no value there, and the tutor can't tell whether f is differentiable there, "
                     f"which a tangent plane needs")


def _order(term: Expr, names: Sequence[sympy.Symbol]) -> Expr | None:
    """d where |term| ≤ C·rᵈ near the origin (r its distance from it), from its factors: a number or a sign
    is bounded (0), a polynomial is of its lowest degree, |u| and uᵉ (e > 0) of e times u's; None where the
    factors don't tell."""
    total = sympy.Integer(0)
    for factor in sympy.Mul.make_args(term):
        if not factor.free_symbols or isinstance(factor, sympy.sign):
            continue
        base, exponent = factor.as_base_exp()
        if isinstance(base, sympy.Abs):
            base = base.args[0]
        if not (exponent.is_Rational and exponent.is_positive and base.is_polynomial(*names)):
            return None
        degrees = [sum(m) for m in sympy.Poly(base, *names).monoms()]
        if not degrees or min(degrees) == 0:
            return None
        total += min(degrees) * exponent
    return total


def _sign_beside(u: Expr, h: sympy.Dummy) -> int | None:
    """The sign of u for every small h > 0: its value's at h = 0, or where that is 0 and u is a polynomial in h,
    its lowest power's coefficient's ((1 - h)² - 1 = h² - 2h: negative). None where neither tells."""
    s = sign(u.xreplace({h: 0}))
    if s != 0 or not u.is_polynomial(h):
        return s or None
    terms = sympy.Poly(u, h).terms()
    return sign(min(terms)[1]) if terms else None


def named_point(variables: Sequence[str], point: Sequence[Expr]) -> str:
    """The point as the errors name it: x = 0, y = 0."""
    return ", ".join(f"{n} = {show(p)}" for n, p in zip(variables, point))


def definition_said(definition: DifferenceLimit, value: Expr) -> str:
    """How a derivative's value was found where its formula has none at the point, in the lesson's words."""
    return f"its formula has no value there, so from the definition, {definition} = {show(value)}"


def _why_not_differentiable(variables: Sequence[str], wrt: str, left: Expr, right: Expr) -> str:
    """Why f has no derivative at a point, from its one-sided slopes: they differ (a corner, -1 and 1, or
    a cusp, -∞ and ∞), or f has no real value on one side (√x left of 0), where there is no slope to take,
    and the other side's is infinite (a vertical tangent) or a number."""
    slope = slope_name(wrt, variables)
    real = [(side, value) for side, value in (("left", left), ("right", right)) if _real_limit(value)]
    if len(real) == 2 and left == right and left in (sympy.oo, -sympy.oo):  # ∛x at 0: ∞ on both sides
        return f"{slope} is {_limit_text(left)} on both sides, a vertical tangent"
    if len(real) == 2:
        return f"{slope} is {_limit_text(left)} from the left and {_limit_text(right)} from the right"
    if not real:
        return "f has no real value to the left or to the right"
    ((side, value),) = real
    other = "right" if side == "left" else "left"
    vertical = ", a vertical tangent," if value in (sympy.oo, -sympy.oo) else ""
    return f"{slope} is {_limit_text(value)} from the {side}{vertical} and f has no real value to the {other}"


def _real_limit(value: Expr) -> bool:
    """Whether a one-sided slope is a real number or ±∞; not where f has no real value on that side (√x
    left of 0 gives -∞·i). An undecided limit (one that oscillates) counts as real: it is said undefined."""
    return value.is_extended_real is not False and not value.has(sympy.I)


def no_derivative(f: Expr, variable: str, at: Expr) -> str:
    """Why f′ has no value at `at` (differentiable_at's sentence: a kink or a jump there); "" where it has
    one. For a minimum at a corner of f, where sympy's f′ = sign(x - a) + … is no zero."""
    error = _no_derivative(f, variable, at)
    return "" if error is None else error.message


def kink_shape(why: str) -> str:
    """"a cusp" where no_derivative's reason has f′ infinite on a side (√|x|: -∞ from the left, ∞ from the right),
    else "a corner"."""
    return "a cusp" if "∞" in why else "a corner"


def one_sided_slopes(f: Expr, variable: str, at: Expr) -> str:
    """no_derivative's reason alone, from f's one-sided slopes ("f′ is ∞ on both sides, a vertical tangent"); ""
    where f′ has a value there, or where they are not known."""
    error = _no_derivative(f, variable, at)
    return error.why if isinstance(error, NotDifferentiable) else ""


def _no_derivative(f: Expr, variable: str, at: Expr) -> SolveError | None:
    if isinstance(at, sympy.Float):  # a minimum found on a grid, at a kink: -1.0 is the kink -1
        at = sympy.nsimplify(at, rational=True)
    try:
        differentiable_at(f, (variable,), (at,), variable)
    except SolveError as error:
        return error
    return None


def _limit_text(value: Expr) -> str:
    return show(value) if value.is_finite or value in (sympy.oo, -sympy.oo) else "undefined"


def _switches_at(piece: Expr, values: Mapping[sympy.Symbol, Expr]) -> bool:
    """Whether the piece switches at the point: |u| and sign(u) where u = 0, floor(u) where u is
    whole, max(u, w) where u = w."""
    arguments = [a.xreplace(values) for a in piece.args]
    if isinstance(piece, (sympy.floor, sympy.ceiling)):
        return arguments[0].is_integer is not False
    if isinstance(piece, (sympy.Max, sympy.Min)):
        return any((a - b).is_zero is not False for i, a in enumerate(arguments) for b in arguments[i + 1:])
    return arguments[0].is_zero is not False


def frozen_point(variables: Sequence[str], point: Sequence[Expr]) -> Mapping[str, Expr]:
    return MappingProxyType(dict(zip(variables, point)))


@dataclass(frozen=True)
class Partial:
    function: Expr
    wrt: str
    derivative: Expr
    at: Mapping[str, Expr] | None = None
    value: Expr | None = None  # the derivative at `at`
    # the limit that gave the value where the derivative's formula has none there
    definition: DifferenceLimit | None = None


@dataclass(frozen=True)
class Gradient:
    function: Expr
    variables: tuple[str, ...]
    components: tuple[Expr, ...]
    at: Mapping[str, Expr] | None = None
    values: tuple[Expr, ...] | None = None  # the components at `at`
    # for each, the limit that gave it where its formula has no value there
    definitions: tuple[DifferenceLimit | None, ...] = ()


def partial(f: str | Expr, wrt: str, at: Mapping[str, Number] | None = None,
            variables: Sequence[str] | None = None) -> Partial:
    """∂f/∂wrt, and its value where `at` gives every variable of f (and wrt), in the order of `variables`
    (by default f's and wrt in the lesson's order: x of y³ first, f(x, y), never f(y, x))."""
    f = function_of(f)
    if at is None:
        return Partial(f, wrt, derivative(f, wrt))
    variables = tuple(variables) if variables else order_variables((*variables_of(f), wrt))
    point = point_of(at, variables)
    defined_at(f, variables, point)
    differentiable_at(f, variables, point, wrt)  # before the derivative: at a jump of floor, the jump is said
    result = derivative(f, wrt)
    found = found_slope(f, variables, point, wrt, f"∂f/∂{wrt}", result)
    return Partial(f, wrt, result, frozen_point(variables, point), found.value, found.definition)


def gradient(f: str | Expr, variables: Sequence[str] | None = None,
             at: Mapping[str, Number] | None = None) -> Gradient:
    """∇f = (∂f/∂v for v in variables), and its value at `at`."""
    f = function_of(f)
    variables = variables_of(f, variables)
    if not variables:
        raise SolveError("f has no variables, so it has no gradient")
    components = tuple(derivative(f, v) for v in variables)
    if at is None:
        return Gradient(f, variables, components)
    point = point_of(at, variables)
    defined_at(f, variables, point)
    for v in variables:
        differentiable_at(f, variables, point, v)
    found = tuple(found_slope(f, variables, point, v, f"∂f/∂{v}", c) for c, v in zip(components, variables))
    return Gradient(f, variables, components, frozen_point(variables, point), tuple(s.value for s in found),
                    tuple(s.definition for s in found))


@dataclass(frozen=True)
class FixedVariable:
    """f with some variables fixed, as on the tangent-plane slide: fix y = 4, f(x, 4) = x² + 4²."""

    function: Expr
    variables: tuple[str, ...]
    fixed: Mapping[str, Expr]
    written: Expr  # the values put in, nothing worked out yet: x² + 4²
    slice: Expr  # the function of the variables left: x² + 16
    remaining: tuple[str, ...]
    derivative: Expr | None  # d/dv of the slice when one variable v is left: 2x (= ∂f/∂x there)
    where: tuple[Expr, ...] = ()  # where the slice has that derivative, if not everywhere: y > 0 of 0ʸ

    @property
    def differentiated(self) -> Expr:
        """The slice where it has the derivative (`where`): 0ʸ is 0 where y > 0."""
        return _without_zero_powers(self.slice)

    @property
    def worked_out(self) -> bool:
        """Whether the slice reads otherwise than the values put in: x² + 4² is x² + 16, but xy with y = 3 is
        written 3x before and after, and "3x = 3x" says nothing."""
        return show(self.written, self.variables) != show(self.slice, self.variables)


def written_at(e: Expr, values: Mapping[str, Expr]) -> Expr:
    """e with each variable's value written where the variable stood and nothing worked out: 2·2 for 2x at
    x = 2, (-2)² + 6·3 for x² + 6y, as the lesson writes ∇f = [2·2, 2·3] before [4, 6]."""
    return _put_in(e, {symbol(name): sympy.UnevaluatedExpr(exact(value)) for name, value in values.items()},
                   tuple(values))


def _put_in(e: Expr, values: Mapping[Expr, Expr], variables: Sequence[str]) -> Expr:
    """e with the values put in and nothing worked out, each node rebuilt unevaluated: as xreplace under
    sympy.evaluate(False), which empties sympy's whole cache on the way in and out (every later sum and product
    worked out again, in a grader building thousands of variants). A sum's terms stay in the order `show` writes
    e's, and a product's factors in the order of their variables, which `show` keeps for values put in:
    e^(1² + 0²) for e^(x² + y²) at (1, 0), not e^(0² + 1²) (h51, N3), and 2·1·0 for 2xy (h58, F3)."""
    if e in values:
        return values[e]
    if not e.args:
        return e
    args = tuple(_put_in(a, values, variables) for a in (ordered_terms(e, variables) if e.is_Add else
                                                         _by_variables(e.args, variables) if e.is_Mul else e.args))
    return e if args == e.args else e.func(*args, evaluate=False)


def _by_variables(factors: Sequence[Expr], variables: Sequence[str]) -> list[Expr]:
    """factors in the order of the first variable each has (sympy's is by name: yx² for x²y, as variables y, x)."""
    def first(factor: Expr) -> int:
        return min((variables.index(s.name) for s in factor.free_symbols if s.name in variables), default=-1)
    return sorted(factors, key=first)


def _without_zero_powers(e: Expr) -> Expr:
    """e where each of its `zero_powers` has a value, there 0."""
    return e.xreplace({p: sympy.Integer(0) for p in zero_powers(e)})


def fix_variable(f: str | Expr, fixed: Mapping[str, Number], variables: Sequence[str] | None = None) -> FixedVariable:
    f = function_of(f)
    variables = variables_of(f, variables)
    unknown = [name for name in fixed if name not in variables]
    if unknown:
        raise SolveError(f"{unknown[0]} is not a variable of f")
    if not fixed:
        raise SolveError("say which variable to fix, like y = 4")
    values = {symbol(name): exact(value) for name, value in fixed.items()}
    # each value stands where its variable stood: 0²(0 - 6) for x²(x - 6) at x = 0, not 0²(-6 + 0), as a sum of
    # bare numbers is written in sympy's order
    written = _put_in(f, {v: sympy.UnevaluatedExpr(c) for v, c in values.items()}, variables)
    if real_at(real_powers(f), values) is None:  # √x√y with y = -4 is 2i√x: no point of the slice is in f's domain
        shown = ", ".join(f"{name} = {show(value)}" for name, value in fixed.items())
        raise NoRealValue(f"f has no real value where {shown}")
    try:
        put = substituted(f, values)  # (-8)^(1/3) is -2, as read, not sympy's complex root
    except InputError:  # numbers past a student's limit, which a command's own function may make (y^y, y = 99999)
        put = f.xreplace(values)
    sliced = sympy.expand(put) if f.is_polynomial() else sympy.simplify(put)
    remaining = tuple(v for v in variables if v not in fixed)
    # a number to a power that varies, read as e^(power·ln(number)) (xʸ): 0ʸ is 0 where y > 0 and has no value
    # elsewhere; (-8)ʸ has a real value at single y only, on no interval, so no slope (sympy's is complex)
    powers = [p for p in sliced.atoms(sympy.Pow) if p.base.is_number and p.exp.free_symbols]
    negative = next((p for p in powers if p.base.is_negative), None)
    shown = ", ".join(f"{name} = {show(value)}" for name, value in fixed.items())
    if negative is not None and len(remaining) == 1:
        raise NoRealValue(f"with {shown}, {show(negative, variables)} has a real value only at single values of "
                          f"{remaining[0]}, on no interval, so f has no slope along {remaining[0]} there")
    where = tuple(p.exp > 0 for p in zero_powers(sliced))
    slope = derivative(_without_zero_powers(sliced), remaining[0]) if len(remaining) == 1 else None
    # a slice with no value at all (x/(a - 1) with a = 1) is said so where its answer is computed, not here
    if slope is not None and not sliced.has(sympy.nan, sympy.zoo) and (
            slope.has(sympy.nan, sympy.zoo, sympy.I) or slope.is_extended_real is False):
        raise NoRealValue(f"with {shown}, f has no real slope along {remaining[0]}")
    return FixedVariable(f, variables, MappingProxyType({k: values[symbol(k)] for k in fixed}), written, sliced,
                         remaining, slope, where)
