"""Minima: every local minimum of a function of one or two variables, which one is global, and
where gradient descent from a start ends up.

A polynomial with rational coefficients is handled exactly: its critical points
are isolated exactly (tutor.calculus.critical), each is classified, and whether
the lowest local minimum is the global one follows from the highest-degree terms
(an even degree that is positive in every direction makes f grow without bound,
an odd degree or a negative direction lets it fall without bound).

eˣ - ln x has f'(x) = eˣ - 1/x, which sympy solves as x = W(1): the Omega
constant Ω = 0.5671…, named as the lesson names it. Where sympy finds no exact
solution the minima are found numerically and marked inexact. Where f → -∞ as x → ±∞,
as sympy's limit shows exactly, no minimum is global, however far out f falls (√|x| − x/100
past 2500); failing that, whether one is global is judged from f on a wide grid, which the
note says.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import accumulate, pairwise

import mpmath
import sympy
from mpmath import iv
from sympy import Expr, Poly
from sympy.calculus.util import continuous_domain, function_range, minimum

from ..budget import OutOfTime, counted, deadline, metered_cache
from ..evaluate import PRECISION, Compiled, Undefined, Unsupported, compile_expression, to_mpf
from ..functions import interval, lower, upper
from ..parse import symbol
from ..show import Notation, current_notation, show
from .by_values import (
    by_values,
    cut,
    domain_ends,
    higher_derivatives,
    nowhere_below,
    nowhere_below_value,
    one_sided,
    real_domain,
    separated,
    sign_beside,
)
from .classified import CriticalPoint, CriticalPoints, CriticalSet, Nature, Window
from .common import Number, SolveError, function_of, no_closed_form, real_powers, sign, symbols, variables_of
from .critical import classify, concave_between, critical_points
from .descent import Descent, descend
from .factor_cases import ONE_VARIABLE_SOLVE_WORK, constant_sign, every_zero
from .kinks import Flat, Pieces, Stretch, even_inside, kink_minima, kinks_in, pieces, spanned, with_abs
from .partials import derivative, no_derivative
from .region import Region, box_sides, curve_meets_box, interval_text
from .roots import as_real, compare, rational_between, rational_polynomial, real_roots, simple_near, sort_exactly

SOLVE_SECONDS = 10.0
# where to look for smaller values and, failing sympy, for a minimum: dense near 0, out to ±10⁴
# exact decimals, each once: 3 × 0.1 and 30 × 0.01 as floats are 0.30000000000000004 and 0.3, two samples
# so close that an increasing f can tie at them and look like a minimum
_GRID = sorted({float(Fraction(s * m) * Fraction(10)**k) for s in (-1, 1) for k in range(-3, 3)
                for m in range(1, 100)} | {0.0})
_FEW = 8  # points of the grid evaluated one by one rather than enclosed together
_ENCLOSING_BITS = 53  # enough to tell a run of the grid lies above the least minimum, and the fastest
# closed forms the lesson names, by function and argument: building LambertW(1) when this module is
# imported would cost the first prompt a tenth of a second (sympy imports its tensor module for it)
# W(1), Lambert's W at 1, named so as the lesson never writes it: the x with xeˣ = 1
KNOWN = {("LambertW", (1,)): "the Omega constant Ω, the x with xeˣ = 1 (Lambert's W function at 1)"}


def known_name(value: Expr) -> str:
    """The lesson's name for a closed form (W(1): the Omega constant Ω), or ""."""
    return KNOWN.get((type(value).__name__, value.args), "") if isinstance(value, sympy.Function) else ""


@dataclass(frozen=True)
class LocalMinimum:
    point: Expr  # exact when `exact`, else a Float
    approx: float
    value: Expr  # f at the point
    exact: bool
    known_as: str = ""  # the name the lesson gives the point, like the Omega constant Ω for W(1)


@dataclass(frozen=True)
class ExactZero:
    """A zero of f′ shown exactly where the others are found numerically (0 for cos x + x²/10), classified; or a
    kink there, where sympy's f′ is 0 (|sin x| − |x|/10 at 0: sign(0) is 0) but f′ has no value."""

    critical: CriticalPoint  # the point, with the second-derivative test (or f's values where it can't decide)
    value: Expr  # f at it
    kink: bool = False

    @property
    def point(self) -> Expr:
        return self.critical.point[0]

    @property
    def nature(self) -> Nature:
        return self.critical.nature


@dataclass(frozen=True)
class Minimum:
    """The least local minimum of f(x) (the global one when `is_global`), and every local minimum."""

    least: LocalMinimum
    note: str = ""  # e.g. that this minimum is only local
    variable: str = "x"
    derivative: Expr = sympy.Integer(0)  # f'(x), whose zero the point is
    minima: tuple[LocalMinimum, ...] = ()  # every local minimum, left to right
    is_global: bool | None = None  # whether the least is the global minimum; None: not known for sure
    complete: bool = True  # False when sympy's solutions of f' = 0 may not be all of them
    zeros: tuple[Expr, ...] = ()  # every solution of f'(x) = 0 found exactly, left to right; () if none
    curving: Expr | None = None  # f″, where it is shown positive on all of f's domain: f′ is 0 once at most
    flats: tuple[Flat, ...] = ()  # stretches on which f is constant and a minimum (|x - 1| + |x + 1| on [-1, 1])
    level: tuple[tuple[Expr, Expr], ...] = ()  # open stretches where f′ = 0 all along, minima or not
    pieces: Pieces | None = None  # f as polynomials between its kinks, where it was solved so
    verified: tuple[ExactZero, ...] = ()  # where the minima are numerical: zeros of f′ shown exactly, classified

    @property
    def point(self) -> Expr:
        return self.least.point

    @property
    def approx(self) -> float:
        return self.least.approx

    @property
    def value(self) -> Expr:
        return self.least.value

    @property
    def exact(self) -> bool:
        return self.least.exact

    @property
    def known_as(self) -> str:
        return self.least.known_as

    @property
    def minima_points(self) -> tuple[Expr, ...]:
        return tuple(m.point for m in self.minima)

    @property
    def flat(self) -> Flat | None:
        """The flat stretch the least minimum is the first point of, if it is one."""
        return next((g for g in self.flats if self.least.point in (g.low, g.high) and g.value == self.least.value),
                    None)

    @property
    def least_flats(self) -> tuple[Flat, ...]:
        """Every flat stretch where f is least, left to right, where the least is on one: max(0, 1 − x²) is
        least on both x ≤ -1 and x ≥ 1."""
        return tuple(g for g in self.flats if g.value == self.least.value) if self.flat is not None else ()

    ties: tuple[LocalMinimum, ...] = ()  # the other local minima as low as the least, left to right
    tie_by: str = ""  # where those are numerical, how the value is known the same: "since f(-x) = f(x)"
    ties_computed: bool = False  # some of them only to TIE_DIGITS digits as computed, not shown equal
    period: Expr | None = None  # f's period, where the minima are those of one period, 0 ≤ x < period, exactly
    domain: str = ""  # where f″ > 0 is shown (with `curving`), where not all f's values: xˣ's x > 0
    lower: str = ""  # why the least is only local ("f decreases without bound"), where `note` says so
    lower_at: Expr | None = None  # a point where f is smaller, where `lower` names one
    endless: bool = False  # f is as low as the least at infinitely many x, with no period: sin(x²) = -1 where
    # x² = 3π/2 + 2kπ for every k ≥ 0, of which those listed are only the first

    drift: Drift | None = None  # f(x + T) = f(x) + c, c ≠ 0 (sin x + x/10): its minima recur ever lower one way
    # f′'s period, where the minima are those of 0 ≤ x < it, exactly, and every other is one of them a whole number
    # of periods on (|sin x| − x/3: x = kπ for every integer k)
    repeats: Expr | None = None
    # f's period where its minima are not all found (|sin x|^(2/3) + |cos x|, every π): f is least at each place
    # listed plus any multiple of it, and maybe at others the tutor did not find
    cycle: Expr | None = None

    @property
    def no_least(self) -> bool:
        """Whether the local minima found may have no least one: f is lower elsewhere and they are not all found
        (sin x + x/10 has infinitely many, each 2π to the left π/5 lower), so the least found is none to name."""
        return self.is_global is False and not self.complete

    @property
    def tied(self) -> tuple[LocalMinimum, ...]:
        """The other local minima as low as the least (x = ±1 for (x² − 1)²): each minimises f too."""
        return self.ties

    @property
    def lowest(self) -> tuple[LocalMinimum, ...]:
        """Every local minimum where f is least, left to right: the least alone, or it and those tied with it."""
        return tuple(sorted((self.least, *self.ties), key=lambda m: m.approx))


@dataclass(frozen=True)
class Drift:
    """f(x + period) = f(x) + rise for every x, rise ≠ 0: f′ repeats, and each local minimum recurs a period on,
    `rise` higher (|sin x| + x/10: π on, π/10 higher), so f falls without bound the other way."""

    period: Expr
    rise: Expr

    def text(self, x: str, variables: Sequence[str] = ()) -> str:
        """The shift, said the way f falls: f(x − 2π) = f(x) − π/5 for sin x + x/10; with `variables`, f's
        others held: f(x − 2π, y) = f(x, y) − π/5 for every x and y."""
        shift = f"{x} − {show(self.period)}" if self.rise > 0 else f"{x} + {show(self.period)}"
        names = tuple(variables) or (x,)
        shifted = ", ".join(shift if v == x else v for v in names)
        return (f"f({shifted}) = f({', '.join(names)}) − {show(abs(self.rise), fractions=True)} "
                f"for every {' and '.join(names)}")

    def said(self, x: str, variables: Sequence[str] = ()) -> str:
        """Why there is no least local minimum, from the shift."""
        way = "to the left" if self.rise > 0 else "to the right"
        if len(variables) > 1:
            way = f"{way} in {x}"
        return (f"{self.text(x, variables)}, so each local minimum recurs {show(self.period)} {way}, "
                f"{show(abs(self.rise), fractions=True)} "
                "lower: f has infinitely many local minima, ever lower, and no least one")


def drift(f: Expr, x: sympy.Symbol) -> Drift | None:
    """Where f is a periodic function plus a line (sin x + x/10, |sin x| − x/3), the period and how much f rises
    over it, shown exactly: f(x + T) − f(x) simplifies to a number other than 0. None otherwise, or in time."""
    terms = sympy.Add.make_args(f)
    line = [t for t in terms if x in t.free_symbols and t.is_polynomial(x) and sympy.degree(t, x) == 1]
    rest = sympy.Add(*(t for t in terms if t not in line))
    if not line or x not in rest.free_symbols:
        return None
    try:
        with deadline(SOLVE_SECONDS):
            period = least_period(rest, x)
            if period is None or not period.is_positive:
                return None
            rise = sympy.simplify(f.xreplace({x: x + period}) - f)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        return None
    if x in rise.free_symbols or not rise.is_comparable or rise == 0:
        return None
    return Drift(period, rise)


def minimize(f: str | Expr, variable: str | None = None, within: sympy.Set | None = None) -> Minimum:
    """The least local minimum of f(x) and every local minimum; `within`: the interval the minima
    are looked for in (every solution of f' = 0 in a bounded one, where sympy can list them)."""
    f = function_of(f)
    variables = variables_of(f, [variable] if variable else None)
    if len(variables) != 1:
        raise SolveError(f"minimize needs a function of one variable, and f has {len(variables)}; "
                         "look for its critical points instead")
    (name,) = variables
    real = real_powers(f)
    # x^(2/3) solved as |x|^(2/3), as it is read, f′ shown as written: 2/(3x^(1/3)) holds for x < 0 too, read so
    shown = derivative(f, name)
    try:
        found = _minimize(real, name, within)
    except NoMinimum as none:
        slope = none.slope if real == f else shown
        raise NoMinimum(name, slope, never_rises(f, name, slope)) from None
    return found if real == f else replace(found, derivative=shown)


def _minimize(f: Expr, name: str, within: sympy.Set | None) -> Minimum:
    return _minimum(f, name, within, current_notation())


# A pack asks for the least value and the local minima of one f, and each minimizes it; the notation is in the key
# because the notes hold numbers written in it
@metered_cache(64)
def _minimum(f: Expr, name: str, within: sympy.Set | None, notation: Notation) -> Minimum:
    x = symbol(name)
    f = even_inside(f)  # cos|x| is cos x: smooth, and periodic
    slope = derivative(f, name)
    kinked = pieces(f, x)
    if kinked is not None:  # |x - 1/2| + x²: a polynomial between kinks, solved exactly
        return _kinked(f, x, slope, kinked)
    verified: tuple[ExactZero, ...] = ()
    repeats: Expr | None = None
    # √x·√x + (x + 2)² is a polynomial only on x ≥ 0, where √x has a value: its end there is looked at as any
    # other f's is (outside check h46: "no local minimum", though f is least at 0)
    polynomial = rational_polynomial(f, [x]) is not None and not any(
        not p.exp.is_integer for p in f.atoms(sympy.Pow) if p.base.has(x))
    if polynomial:
        minima, zeros, complete = *_exact_minima(f, x), True
    elif within is None and (periodic := _periodic(f, x, slope)) is not None:
        return periodic
    else:
        minima, zeros, complete, verified, repeats = _minima(f, x, slope, within or sympy.S.Reals)
    # ln|x| at 0, where f′ = 1/x changes sign: f has no value there, so no minimum (its value was zoo)
    minima = [m for m in minima if m.value.is_finite is not False and m.value.is_extended_real is not False]
    best = _least(minima, name, slope)
    # f″ > 0 shows f's one minimum global at once, where sympy's limits at ±∞ and a grid's search take long (eˣ − 4x);
    # a polynomial's own test (its leading term) is quick
    curving, domain = _curving_up(f, x) if not complete or len(zeros) == 1 and not polynomial else (None, "")
    is_global: bool | None = True
    lower, lower_at = "", None
    if curving is not None:  # f′ only rises: it is 0 once at most, so the minimum found is the one, and global
        note = f"f″({name}) = {show(curving, [name])} > 0 " + (
            f"for every {domain}" if domain else "wherever f is defined")
        if complete:  # sympy listed every zero of f′, as the steps say: f″ > 0 only shows the minimum global
            curving, domain = None, ""
        complete = True
    else:
        is_global, lower, lower_at = _globally(f, x, best)
        note = f"{ONLY_LOCAL}{lower}" if lower else ""
        if is_global is None and complete and best.exact and (ends := _ends_not_below(f, x, best.value, best.point)):
            is_global, note = True, ends
    ties, tie_by, computed = _ties(f, x, best, minima)
    # f repeats though its minima are not all found (|sin x|^(2/3) + |cos x|, whose cusps at kπ the grid misses):
    # its least value recurs every period, so the places listed are not all where f is least, and not "no period"
    cycle = _cycle(f, x) if not complete and within is None else None
    endless = not complete and cycle is None and best.exact and _endless(f, x, best.value)
    shifted = drift(f, x) if is_global is False and not complete else None  # only then said: no least one
    return Minimum(best, note, name, slope, tuple(minima), is_global, complete, zeros, curving, verified=verified,
                   ties=ties, tie_by=tie_by, ties_computed=computed, domain=domain,
                   lower=lower, lower_at=lower_at, endless=endless, drift=shifted, repeats=repeats, cycle=cycle)


def _cycle(f: Expr, x: sympy.Symbol) -> Expr | None:
    """f's least period, shown exactly (`least_period`); None where f has none sympy finds, or in time."""
    try:
        with deadline(SOLVE_SECONDS):
            period = least_period(f, x)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        return None
    return period if period is not None and period.is_positive else None


ONLY_LOCAL = "this minimum is only local: "  # the note's start, where f is smaller elsewhere
UNBOUNDED = "f decreases without bound"


def _kinked(f: Expr, x: sympy.Symbol, slope: Expr, found: Pieces) -> Minimum:
    """The minima of a polynomial in x and absolute values of polynomials: every one, exactly."""
    result = kink_minima(f, x, found)
    minima = [_local(f, x, p) for p in result.points]
    ends = [_local(f, x, g.low if g.low != -sympy.oo else g.high) for g in result.flats]  # a flat's first point
    best = _least(ends + minima, x.name, slope)  # a flat first, where a point is as low: each is named
    note = "" if result.bounded else ONLY_LOCAL + UNBOUNDED
    return Minimum(best, note, x.name, slope, tuple(minima), result.bounded, True, result.zeros,
                   flats=result.flats, level=result.level, pieces=found, ties=_ties(f, x, best, minima)[0],
                   lower="" if result.bounded else UNBOUNDED)


class NoMinimum(SolveError):
    """f(x) has no local minimum: f′ never changes from negative to positive. A pack's exercise needs one,
    while `tutor solve minimize` says so as its answer, with the steps that show it."""

    def __init__(self, variable: str, slope: Expr, why: str = "never changes from negative to positive") -> None:
        super().__init__(f"f has no minimum: f′({variable}) = {show(slope, [variable])} {why}")
        self.variable = variable
        self.slope = slope
        self.why = why


def never_rises(f: Expr, variable: str, slope: Expr) -> str:
    """Why f(x) has no local minimum, said after f′: it 'never changes from negative to positive'; or, where it does
    only across points where f has no value (ln(x²) + x² at 0), that, and what f does there: as the first would be
    false (finding 335)."""
    x = symbol(variable)
    try:
        with deadline(SOLVE_SECONDS):
            gaps = sympy.S.Reals - continuous_domain(real_powers(f), x, sympy.S.Reals)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        gaps = sympy.S.EmptySet
    if gaps.is_empty or constant_sign(slope, [x]) is not None:  # tan x: f′ > 0 wherever it has a value
        return "never changes from negative to positive"
    if not isinstance(gaps, sympy.FiniteSet):
        return "never changes from negative to positive where f has a value"
    signs = {a: (sign_beside(slope, x, a, -1, True), sign_beside(slope, x, a, 1, True)) for a in sort_exactly(gaps)}
    across = [a for a, beside in signs.items() if beside == (-1, 1)]
    if not across:  # where its sign beside a gap is not known, only what is known is said
        known = all(None not in beside for beside in signs.values())
        return "never changes from negative to positive" + ("" if known else " where f has a value")
    said = []
    for a in across:
        try:
            with deadline(SOLVE_SECONDS):
                ends = {sympy.limit(f, x, a, side) for side in ("-", "+")}
        except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
            ends = set()
        goes = f", where f → {show(ends.pop())}" if len(ends) == 1 and next(iter(ends)).is_extended_real else ""
        said.append(f"at {variable} = {show(a)}{goes}")
    return f"changes from negative to positive only where f has no value: {', and '.join(said)}"


def _least(minima: Sequence[LocalMinimum], name: str, slope: Expr) -> LocalMinimum:
    """The lowest of the local minima (the first of those tied); NoMinimum where there is none."""
    if not minima:
        raise NoMinimum(name, slope)
    best = minima[0]
    for candidate in minima[1:]:
        if _lower(candidate, best):
            best = candidate
    return best


TIE_DIGITS = 20  # numerical minima whose values agree to this many digits are said to tie, and that it is so


def _ties(f: Expr, x: sympy.Symbol, best: LocalMinimum, minima: Sequence[LocalMinimum]
          ) -> tuple[tuple[LocalMinimum, ...], str, bool]:
    """The other local minima where f is as low as at the least; where they are numerical, how that is
    known, and whether some are only computed to be. Exact values are compared exactly. A numerical
    minimum ties with the least where it is its mirror image and f(-x) = f(x) exactly (cos x + x²/10 at
    ±2.59574), or where f's values at the two, to 60 digits, agree to TIE_DIGITS digits (which is said:
    it is not a proof)."""
    others = [m for m in minima if m is not best and m.exact == best.exact]
    if best.exact:
        return tuple(m for m in others if _equal(m.value, best.value)), "", False
    evaluate = compile_expression(f, [x])
    ties, mirrored, digits = [], False, False
    for m in others:
        if abs(m.approx + best.approx) <= 1e-9 * max(1.0, abs(best.approx)) and _even(f, x):
            ties.append(m)
            mirrored = True
        elif _same_value(evaluate, best.approx, m.approx):
            ties.append(m)
            digits = True
    reasons = ([f"since f(-{x.name}) = f({x.name})"] if mirrored else []) + (
        [f"to {TIE_DIGITS} digits as computed"] if digits else [])
    return tuple(sorted(ties, key=lambda m: m.approx)), " and ".join(reasons), digits


def _endless(f: Expr, x: sympy.Symbol, value: Expr) -> bool:
    """Whether f = value at infinitely many real x, as sympy's solveset lists them (sin(x²) = -1: x = ±√(2kπ +
    3π/2) for every k); False where it can't tell, or in time."""
    try:
        with deadline(SOLVE_SECONDS):
            places = sympy.solveset(sympy.Eq(f, value), x, sympy.S.Reals)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        return False
    parts = places.args if isinstance(places, sympy.Union) else (places,)
    return any(_without_end(p) for p in parts)


def _without_end(s: sympy.Set) -> bool:
    """Whether a set solveset gives is infinite, as far as simply seen: an image of every integer, or of a
    set that is (2kπ + 3π/2 for every integer k, cut to x ≥ 0: sin(√(x² + 1)) = -1 at ±√(t² − 1) for each)."""
    if isinstance(s, sympy.ImageSet):
        return s.base_set == sympy.S.Integers or _without_end(s.base_set)
    if isinstance(s, sympy.Intersection):  # an arithmetic progression of integers' images and a half-line
        steps = [a for a in s.args if isinstance(a, sympy.ImageSet) and a.base_set == sympy.S.Integers
                 and len(a.lamda.variables) == 1 and sympy.degree(a.lamda.expr, a.lamda.variables[0]) == 1]
        lines = [a for a in s.args if isinstance(a, sympy.Interval) and not (a.inf.is_finite and a.sup.is_finite)]
        return len(steps) == 1 and len(steps) + len(lines) == len(s.args) and bool(lines)
    return False


def _equal(a: Expr, b: Expr) -> bool:
    """Whether two exact values are equal, shown exactly (not where that can't be told)."""
    try:
        return compare(a, b) == 0
    except SolveError:
        return False


def _even(f: Expr, x: sympy.Symbol) -> bool:
    """Whether f(-x) = f(x) for every x, shown exactly by sympy (cos(-x) is cos x as it is built)."""
    mirror = f.xreplace({x: -x})
    if mirror == f:
        return True
    try:
        with deadline(SOLVE_SECONDS):
            return sympy.simplify(mirror - f) == 0
    except (NotImplementedError, OutOfTime, ValueError, TypeError):
        return False


def _same_value(evaluate: Compiled, a: float, b: float) -> bool:
    """Whether f's values at two floats agree to TIE_DIGITS digits, computed to 60."""
    with mpmath.workprec(PRECISION):
        try:
            va, vb = (to_mpf(evaluate([mpmath.mpf(p)]).value) for p in (a, b))
        except (ArithmeticError, ValueError, TypeError):
            return False
        return bool(abs(va - vb) <= mpmath.mpf(10) ** -TIE_DIGITS * max(1, abs(va)))


def _local(f: Expr, x: sympy.Symbol, point: Expr, exact: bool = True) -> LocalMinimum:
    value = _simplify(_at_root(f, x, point)) if exact else f.xreplace({x: point}).evalf(15)
    return LocalMinimum(point, float(sympy.N(point, 30)), value, exact, known_name(point))


def _at_root(f: Expr, x: sympy.Symbol, point: Expr) -> Expr:
    """f at a point, each x^(p/2) put in as (√point)^p with √point denested: √(49/20 + 3√5/5) is √5(2 + 3√5)/10, so
    that x² − 4x^(3/2) + 41x/10 there is 299/400 − 4√5/25, not a sum of nested roots no one can read (outside
    check h48)."""
    halves = {p: sympy.sqrtdenest(sympy.sqrt(point)) ** (2 * p.exp) for p in f.atoms(sympy.Pow)
              if p.base == x and p.exp.is_Rational and p.exp.q == 2}
    return sympy.expand(f.xreplace(halves).xreplace({x: point})) if halves and not point.has(sympy.CRootOf) \
        else f.xreplace({x: point})


def _lower(a: LocalMinimum, b: LocalMinimum) -> bool:
    if a.exact and b.exact:
        return compare(a.value, b.value) < 0
    return float(a.value) < float(b.value)


def _exact_minima(f: Expr, x: sympy.Symbol) -> tuple[list[LocalMinimum], tuple[Expr, ...]]:
    """Every local minimum of a polynomial, exactly: its critical points that are minima; and every
    critical point, left to right."""
    found = critical_points(f, [x.name])
    return ([_local(f, x, p.point[0]) for p in found.points if p.nature == Nature.MINIMUM],
            tuple(p.point[0] for p in found.points))


def _minima(f: Expr, x: sympy.Symbol, slope: Expr, within: sympy.Set
            ) -> tuple[list[LocalMinimum], tuple[Expr, ...], bool, tuple[ExactZero, ...], Expr | None]:
    """Local minima of a function that is not a polynomial: from sympy's solutions of f' = 0 where
    it finds them, else numerically from f on a grid; the solutions of f' = 0 where f is defined,
    left to right (none when the minima are numerical); whether they are all of them; and, when the
    minima are numerical, the zeros of f′ shown exactly among those found numerically; and f′'s period, where
    the minima are one period's, exactly, and every other one of them a whole number of periods on."""
    evaluate = _evaluator(compile_expression(f, [x]))
    # f′ repeats (f periodic, or periodic plus a line): a zero recurs every period, so f′ = 0 on every x has none or
    # infinitely many, never a finite set of them, the one answer used; solveset is not asked (sin(x)^(2/3) + x/10,
    # where it searches until its deadline)
    repeating_slope = within == sympy.S.Reals and (_cycle(f, x) is not None or drift(f, x) is not None)
    zeros, complete = (None, False) if repeating_slope else every_zero(slope, x, within)
    asked: list[CriticalPoints | None] = []  # the critical points, found once, where first needed

    def critical() -> CriticalPoints | None:
        if not asked:
            try:
                asked.append(critical_points(f, [x.name], minima=True))
            except SolveError:  # |x|^(3/2): f″ has no value at 0, so the critical points' test refuses it
                asked.append(None)
        return asked[0]

    # f drifts and f″ < 0 between its kinks (sin(x)^(2/3) + x/10): no zero of f′ is a minimum, so the kinks of one
    # period are every one, as below, without first asking sympy for some zeros of f′ (it searches until its deadline)
    if repeating_slope and f.has(sympy.Abs) and _kinks_hold_minima(f, x, critical()) \
            and (known := _all_critical(f, x, True, critical())) is not None:
        return known
    if zeros is None:
        zeros, complete = _exact_zeros(slope, x), False
    minima = [_local(f, x, z) for z in zeros if _is_minimum(f, x, z, evaluate)] if zeros else []
    # √x − x at 0: an end of f's domain, where f′ is infinite and f least nearby, is a minimum no zero of f′ shows
    minima += [_local(f, x, e.point[0]) for e in domain_ends(f, x, None, any_slope=True) if e.nature == Nature.MINIMUM
               and within.contains(e.point[0]) == sympy.true and all(m.point != e.point[0] for m in minima)]
    # f′ = 0 not all solved, or no minimum among its zeros: the critical points, which also look where f′ has
    # no value (a cusp), may still be every one, and exact; where f′ repeats and f drifts, one period's are asked
    # for only where those zeros hold no minimum, as at a corner (|sin x| − x/3 at 0): sin x + x/10's are theirs
    # in a region (x^(2/3) − x on -1 ≤ x ≤ 8), f′'s zeros in it hold no minimum, but f's critical points, its cusp
    # at 0 among them, may still be every one there is: f's minima are then known, in the region and outside it
    # (one period's alone are asked for only where f′ repeats on every x)
    if (not complete or not minima) \
            and (known := _all_critical(f, x, not minima and within == sympy.S.Reals, critical())) is not None:
        return known
    if minima:
        # sympy's derivative of |x| is sign(x), 0 at x = 0, where f′ does not exist: not a zero of f′
        defined = sorted((z for z in zeros or () if evaluate(z) is not None and not no_derivative(f, x.name, z)),
                         key=lambda z: sympy.N(z, 30))
        # each point as the critical points' steps write it: 2 ln(3), where solveset says ln(9) (f's value
        # at it is simplified from solveset's form: 9 - 18 ln(3), where 2 ln(3) gives 9 - ln(387420489))
        points = every.points if (every := critical()) is not None else ()
        written = [p.point[0] for p in points]
        minima = [replace(m, point=among(m.point, written) or m.point) for m in minima]
        # a minimum where f′ has no value is no zero of it: √|x − 2| + x²/4 at 2, where f′ is -∞ then ∞
        minima += [_local(f, x, p.point[0]) for p in points if p.nature == Nature.MINIMUM
                   and among(p.point[0], [m.point for m in minima]) is None
                   and within.contains(p.point[0]) == sympy.true and no_derivative(f, x.name, p.point[0])]
        defined = [among(z, written) or z for z in defined]
        return sorted(minima, key=lambda m: m.approx), tuple(defined), complete, (), None
    samples = _samples(evaluate)
    flats: list[float] = []
    slope_signs = _Slope(slope, x)
    found = _numeric_zeros(slope_signs, samples, flats=flats)
    numeric = [z for z in found if evaluate(z) is not None and _turns_up(slope_signs, z)]
    values = [v for v in map(evaluate, numeric) if v is not None]
    flat = [b for b in flats if (v := evaluate(b)) is not None and (not values or v <= min(values))]
    if flat:  # f′ = 0 along a stretch there: f may be least all along it, which the grid can't prove
        raise SolveError(f"the tutor can't decide where f is least: f′ is 0 exactly beside f's least value "
                         f"on its grid, near {x.name} = {show(sympy.Float(flat[0]))}, so f may be least all along "
                         "a flat stretch there")
    # the maxima's zeros too: cos x + x²/10 has one at 0, which is exact, though sympy's solve finds none
    highs = _numeric_zeros(slope_signs, [(p, -v) for p, v in samples], rising=False)
    verified = _verified(f, x, slope, found + highs, evaluate)
    return [_local(f, x, z, exact=False) for z in sorted(set(numeric), key=float)], (), False, verified, None


def _kinks_hold_minima(f: Expr, x: sympy.Symbol, found: CriticalPoints | None) -> bool:
    """Whether f′ repeats with one window of kinks and f″ < 0 between them (`concave_between`): every local minimum
    is then at a kink."""
    return found is not None and found.split is not None and len(found.windows) == 1 \
        and not found.windows[0].bounded and concave_between(f, x, found.split.kinks, found.windows[0].period)


def _all_critical(f: Expr, x: sympy.Symbol, periodic: bool, found: CriticalPoints | None
                  ) -> tuple[list[LocalMinimum], tuple[Expr, ...], bool, tuple[ExactZero, ...], Expr | None] | None:
    """f's local minima and f′'s zeros as `_minima` gives them, from the critical points, where those are
    every one there is, each exact and classified: √|x| − x/100 and x^(2/3) − x/100, whose f′ = 0 sympy's
    solveset can't list, are solved on each side of 0, with a cusp at 0 and a maximum beyond it (2500,
    8000000/27). With `periodic`, where f′ repeats and f drifts (|sin x| − x/3), those of one period, 0 ≤ x < T,
    every other being one of them whole periods on, and T. None where they are not all known (cos x + x²/10), or
    a stretch of them is critical. `found`: f's critical points (None where they were refused)."""
    if found is None:
        return None
    decided = (Nature.MINIMUM, Nature.MAXIMUM, Nature.NEITHER)
    # |sin x| − x/3: f′ repeats every π, and the critical points of 0 ≤ x < π are every one, a period apart; f
    # drifts a period on, so these are one period's, not all of them (the drift says so: no least minimum)
    repeats = periodic and len(found.windows) == 1 and not found.windows[0].bounded and drift(f, x) is not None
    # sin(x)^(2/3) + x/10: f′ = 0 between its cusps unsolved (its maximum near 1.72), but f″ < 0 there, so any
    # zero of f′ between kinks is a maximum: the kinks of one period hold every local minimum, exactly
    minima_known = found.complete or (repeats and found.split is not None and found.split.unsolved is not None
                                      and _kinks_hold_minima(f, x, found))
    if not minima_known or (found.windows and not repeats) or found.sets or found.flat or not found.points \
            or not all(p.nature in decided for p in found.points):
        return None
    points = [p.point[0] for p in found.points]
    if not all(as_real(p) is not None for p in points):
        return None
    minima = [_local(f, x, p.point[0]) for p in found.points if p.nature == Nature.MINIMUM]
    # a cusp is no zero of f′, nor an end of f's domain where f′ is infinite (√x at 0)
    zeros = tuple(p.point[0] for p in found.points if not p.no_slope and not no_derivative(f, x.name, p.point[0]))
    return minima, zeros, not repeats, (), found.windows[0].period if repeats else None


def _verified(f: Expr, x: sympy.Symbol, slope: Expr, found: Sequence[Expr],
              evaluate: Callable[[Expr | float], float | None]) -> tuple[ExactZero, ...]:
    """The zeros of f′ found numerically that are a simple number (a fraction, or a fraction of π, with a
    small denominator) at which f′ is shown to be 0 exactly; each classified exactly, left to right."""
    exact = []
    for root in sorted(set(found), key=float):
        for candidate in simple_near(float(root)):
            if candidate not in exact and evaluate(candidate) is not None \
                    and sign(slope.xreplace({x: candidate})) == 0:
                exact.append(candidate)
    points = []
    for z in exact:
        test = classify(f, [x.name], (z,))
        decided = by_values(f, [x], (z,)) if test.label == Nature.INCONCLUSIVE else None
        points.append(ExactZero(CriticalPoint((z,), None, test, decided), _simplify(f.xreplace({x: z})),
                                bool(no_derivative(f, x.name, z))))
    return tuple(points)


_JUMPS = (sympy.sign, sympy.Heaviside, sympy.Piecewise, sympy.floor, sympy.ceiling, sympy.frac, sympy.DiracDelta)
PERIOD_SAMPLES = 2000  # points of one period at which f is checked against the least value found exactly
_MOST_CORNERED = 3  # absolute values in a periodic f, each side of each solved apart (2³ cases at most)


def _periodic(f: Expr, x: sympy.Symbol, slope: Expr) -> Minimum | None:
    """Where f is periodic (sin x + sin 2x, cos x + cos²x/2, tan²x, |sin x|): its minima over one period,
    0 ≤ x < T, exactly. f may have poles where it rises to +∞ on both sides (tan²x at π/2) and corners
    where an absolute value's inside is 0 (|sin x| at 0): its least value on a period is then taken at a
    zero of f′ or at a corner, and it is the least of f's values at those, each listed by sympy's solveset
    and compared exactly (whether f′ changes sign there or not); it is global, since f repeats every T.
    Checked on a grid over the period: f never below it, and the same a period on. None where sympy can't
    find the period or every such point in it, where f falls without bound at a pole (tan x) or jumps,
    or where that takes too long."""
    if f.has(*_JUMPS):
        return None
    cornered = with_abs(f)  # max(a, b) as (a + b + |a − b|)/2
    corners = sorted(cornered.atoms(sympy.Abs), key=sympy.default_sort_key)
    if len(corners) > _MOST_CORNERED or any(a.args[0].has(sympy.Abs) for a in corners):
        return None
    try:
        with deadline(SOLVE_SECONDS):
            period = least_period(f, x)
            if period is None or not period.is_comparable:
                return None
            span = sympy.Interval(0, period)
            domain = continuous_domain(cornered, x, span)
            gaps = span - domain  # tan²x's π/2: where f has no value, within a period
            if not (gaps.is_empty or isinstance(gaps, sympy.FiniteSet)):
                return None
            holes = tuple(gaps) if isinstance(gaps, sympy.FiniteSet) else ()
            if not all(_rises(f, x, p) for p in holes):
                return None
            if not corners and (slope.has(*_JUMPS) or continuous_domain(slope, x, span) != domain):
                return None
            found = _period_places(cornered, x, slope, corners, period)
            if found is None:
                return None
            zeros, kinks = found
            zeros = [z for z in zeros if z not in holes]
            kinks = [k for k in kinks if k not in holes and among(k, zeros) is None]
            places = sorted([*zeros, *kinks], key=lambda z: sympy.N(z, 30))
            if not places:
                return None
            evaluate = _evaluator(compile_expression(f, [x]))
            values = [_simplify(f.xreplace({x: z})) for z in places]
            least = values[0]
            for v in values[1:]:
                if compare(v, least) < 0:
                    least = v
            lowest = {z for z, v in zip(places, values) if compare(v, least) == 0}
            minima = [_local(f, x, z) for z in places if z in lowest or (
                _is_minimum(f, x, z, evaluate) if z in zeros else one_sided(f, x, z)[0] == 1)]
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, SolveError,
            sympy.PolynomialError):
        return None
    if not _periodic_agrees(f, x, period, least, holes):
        return None
    best = next(m for m in minima if m.point in lowest)
    ties = tuple(m for m in minima if m.point in lowest and m is not best)
    zeros = sorted(zeros, key=lambda z: sympy.N(z, 30))
    return Minimum(best, "", x.name, slope, tuple(minima), True, True, tuple(zeros), ties=ties, period=period)


_PRIMES = (2, 3, 5, 7)  # what sympy's period is divided by, as often as each still gives a period
_PROBES = (0.3, 1.1, 2.7, -0.8, 4.9)  # where a shorter period is first tried in floats: most candidates fail here


# what a periodic function is made of: without one, sums, products and powers of the rest repeat nowhere
_REPEATING = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc, sympy.floor, sympy.ceiling, sympy.frac)


# remembered: the solver asks it of one f from several places (its periodic case, the period it then states,
# the kinks' windows)
@metered_cache(256)
def least_period(f: Expr, x: sympy.Symbol) -> Expr | None:
    """f's least period, where sympy finds a period T: sympy's is often a multiple of it (2π for sec²x, sin²x and
    cos⁴x, whose least period is π). The periods of a periodic f that is not constant are the multiples of the
    least one, p, so T = N·p and T/n is a period exactly where n divides N: T is divided by each small prime
    as long as f(x + T/q) = f(x) is shown exactly. None where sympy finds no period, and at once where f holds
    nothing that repeats (sympy took 10 s of CPU to find none in a partial of max(x, y, xy))."""
    if not f.has(*_REPEATING):
        return None
    period = sympy.periodicity(with_abs(f), x)  # sympy finds none for max(sin x, 0), but does for (sin x + |sin x|)/2
    if period is None or not period.is_positive:
        return None
    # a partial of f(x, y) in x: the floats only sift shifts at one y, and the exact check decides for all
    others = {s: sympy.Rational(7, 10 + k) for k, s in enumerate(sorted(f.free_symbols - {x}, key=str))}
    evaluate = _evaluator(compile_expression(f.xreplace(others), [x]))
    for q in _PRIMES:
        while _repeats_every(f, x, period / q, evaluate):
            period /= q
    return period


def _repeats_every(f: Expr, x: sympy.Symbol, shift: Expr, evaluate: Callable[[Expr | float], float | None]) -> bool:
    """Whether f(x + shift) = f(x) for every x, shown exactly (after a look at a few floats, which most shifts
    that are no period fail at once)."""
    step = float(shift)
    for t in _PROBES:
        here, there = evaluate(t), evaluate(t + step)
        if here is not None and there is not None and abs(here - there) > 1e-9 * (1 + abs(here)):
            return False
    moved = f.xreplace({x: x + shift})
    return moved == f or sympy.simplify(moved - f) == 0


def _rises(f: Expr, x: sympy.Symbol, pole: Expr) -> bool:
    """Whether f rises to +∞ on both sides of a point where it has no value (tan²x at π/2)."""
    return all(sympy.limit(f, x, pole, side) == sympy.oo for side in ("-", "+"))


def _period_places(cornered: Expr, x: sympy.Symbol, slope: Expr, corners: Sequence[sympy.Abs], period: Expr
                   ) -> tuple[list[Expr], list[Expr]] | None:
    """Every zero of f′ with 0 ≤ x < period where f′ has a value, and every corner there (where an absolute
    value's inside is 0: |sin x| at 0), as solveset lists them; None where it can't. With absolute values,
    f′ is solved as the critical points solve it (`spanned`: each choice of signs alone)."""
    within = sympy.Interval.Ropen(0, period)
    if not corners:
        zeros, complete = every_zero(slope, x, within)
        return ((zeros or []), []) if complete else None
    # f″ < 0 between the kinks (|sin x|^(2/3) + |cos x|): f is least on each stretch at an end, and a zero of f′ there
    # is a maximum, so the kinks hold every minimum and the least value; f′ = 0 is not solved (solveset searches
    # each sign's until its deadline)
    kinks = kinks_in(corners, x, within)
    if kinks is not None and concave_between(cornered, x, kinks, period):
        return [], kinks
    found = spanned(cornered, x, corners, within)
    return None if found is None else (list(found.zeros), list(found.kinks))


def _periodic_agrees(f: Expr, x: sympy.Symbol, period: Expr, least: Expr, holes: tuple[Expr, ...] = ()) -> bool:
    """Whether f's values on a grid over one period are never below `least`, and are the same a period on:
    a check on sympy's period and least value, which a wrong one fails. Beside a pole (tan²x at π/2) f's
    floats are too far off to compare a period on: those samples are left out."""
    compiled = compile_expression(f, [x])
    span, low = float(period), float(least)
    poles = [float(p) for p in holes]
    margin = 1e-9 * (1 + abs(low))
    for i in range(PERIOD_SAMPLES + 1):
        t = span * i / PERIOD_SAMPLES
        if any(abs((t - p) / span - round((t - p) / span)) < 1e-6 for p in poles):
            continue
        try:
            here = float(compiled([mpmath.mpf(t)]).value)
            later = float(compiled([mpmath.mpf(t + span)]).value)
        except (Undefined, ArithmeticError, ValueError, TypeError):
            continue
        if here < low - margin or abs(here - later) > 1e-6 * (1 + abs(here)):
            return False
    return True


@dataclass(frozen=True)
class Repeating:
    """A periodic f's least value, and where it takes it: at each of `points`, in [0, period), plus any
    multiple of the period."""

    period: Expr
    value: Expr
    points: tuple[Expr, ...]

    def minimises(self, minimum: LocalMinimum) -> bool:
        """Whether a local minimum found is one of the global ones: f there is the least value, exactly."""
        try:
            return minimum.exact and compare(minimum.value, self.value) == 0
        except SolveError:
            return False

    def nearest(self, value: Expr) -> Expr | None:
        """The minimiser nearest a number: `nearest_repeat` of this period's."""
        return nearest_repeat(value, self.points, self.period)


TURNS = 10**6  # periods from 0 a number is matched with the repeat nearest it, at most


def nearest_repeat(value: Expr, points: Sequence[Expr], period: Expr) -> Expr | None:
    """Of the numbers p + k·period (p one of `points`, k any integer), the one nearest `value`, exactly: what
    an answer is checked against where every repeat is right; None where `value` is no real number, or so
    far out that which repeat it means is a guess."""
    if not value.is_comparable:
        return None
    try:
        at = float(sympy.N(value, 30))
    except (TypeError, ValueError):
        return None
    step = float(period)
    if not abs(at / step) <= TURNS:  # (and not nan)
        return None
    near = [p + round((at - float(p)) / step) * period for p in points]
    return min(near, key=lambda m: abs(float(m) - at))


def repeating(f: Expr, x: sympy.Symbol) -> Repeating | None:
    """f's least period (`least_period`, as the solver's), least value and minimisers in one period, exactly,
    where sympy finds them (its range on a period, or 0 for a function that is never negative) and f's values
    on a grid over a period agree: never below that value, and the same a period on. None otherwise, or where
    it takes too long."""
    try:
        with deadline(SOLVE_SECONDS):
            period = least_period(f, x)
            if period is None:
                return None
            least = _least_value(f, x, period)
            if least is None:
                return None
            points = sympy.solveset(sympy.Eq(f, least), x, sympy.Interval.Ropen(0, period))
            if not isinstance(points, sympy.FiniteSet) or not points \
                    or not all(p.is_real and compare(f.xreplace({x: p}), least) == 0 for p in points):
                return None
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, SolveError,
            sympy.PolynomialError):
        return None
    ordered = tuple(sorted(points, key=lambda p: sympy.N(p, 30)))
    return Repeating(period, least, ordered) if _periodic_agrees(f, x, period, least) else None


def _least_value(f: Expr, x: sympy.Symbol, period: Expr) -> Expr | None:
    """The least value f takes on a period (its range's least, where it is one), or 0 for f never negative
    (|sin x|), which it takes where it is 0; None where neither is known."""
    try:
        values = function_range(f, x, sympy.Interval(0, period))
    except (NotImplementedError, ValueError, TypeError, AttributeError):
        values = None
    if isinstance(values, sympy.Interval) and not values.left_open and values.inf.is_finite:
        return values.inf
    if isinstance(values, sympy.FiniteSet) and values and all(v.is_comparable for v in values):
        return min(values, key=lambda v: sympy.N(v, 30))
    return sympy.Integer(0) if f.is_nonnegative else None


def _curving_up(f: Expr, x: sympy.Symbol) -> tuple[Expr | None, str]:
    """f″, where sympy shows it positive on all of f's domain, one interval (every real x, or every
    positive one): then f curves up everywhere, and its one local minimum is the global one (eˣ − ln x);
    and where that is, in words. (None, "") otherwise, or where that can't be told in time."""
    try:
        with deadline(SOLVE_SECONDS):
            domain = continuous_domain(f, x, sympy.S.Reals)
            powers = _variable_powers(f, x)
            defined = ""
            if powers and domain in (sympy.Interval(0, sympy.oo), sympy.Interval.open(0, sympy.oo)):
                # xˣ is e^(x ln x), defined for x > 0 only: sympy's domain adds 0 (0⁰ = 1), and its values at
                # the negative whole numbers ((-1)⁻¹ = -1) are no part of the function a course means
                domain = sympy.Interval.open(0, sympy.oo)
                defined = f"{x.name} > 0, where " + " and ".join(
                    f"{show(p)} = e^({show(p.exp * sympy.log(p.base))})" for p in powers) + " is defined"
            if domain == sympy.S.Reals:
                inside = sympy.Dummy(real=True)
            elif domain == sympy.Interval.open(0, sympy.oo):
                inside = sympy.Dummy(positive=True)
            else:
                return None, ""
            second = derivative(derivative(f, x.name), x.name, again=True)
            if second.xreplace({x: inside}).is_positive:
                return second, defined
            # sympy's own form may show it where the lesson's does not: xˣ((ln x + 1)² + 1/x), a sum of
            # positive terms, is xˣ(x ln(x)² + 2x ln(x) + x + 1)/x multiplied out
            plain = sympy.diff(f, x, 2)
            if not plain.has(sympy.DiracDelta, sympy.Derivative) and plain.xreplace({x: inside}).is_positive:
                return plain, defined
            # where sympy can't tell from assumptions (2 - sin x), its least value on the domain may
            return (second, defined) if minimum(second, x, domain).is_positive else (None, "")
    except (NotImplementedError, OutOfTime, ValueError, TypeError, sympy.PolynomialError):
        return None, ""


def _variable_powers(f: Expr, x: sympy.Symbol) -> list[sympy.Pow]:
    """The powers with x in both base and exponent (xˣ): each is e^(exponent · ln base), for a positive base."""
    return sorted((p for p in f.atoms(sympy.Pow) if x in p.base.free_symbols and x in p.exp.free_symbols),
                  key=sympy.default_sort_key)


def _globally(f: Expr, x: sympy.Symbol, best: LocalMinimum) -> tuple[bool | None, str, Expr | None]:
    """Whether the least local minimum is the global one; when it is not, why (f decreases without bound,
    or is smaller at a point) and that point, if one is named."""
    bounded = bounded_below(f, [x])
    if bounded is False:
        return False, UNBOUNDED, None
    if bounded:
        return True, "", None
    if _falls(f, x):  # beyond the grid too: √|x| − x/100 is lowest of all on it at 0, and falls past 10⁴
        return False, UNBOUNDED, None
    smaller = _smaller(f, x, best.point)
    if smaller is None:
        pole = falls_at_pole(f, x)  # x² + 1/(x² − 4) near 2: below the grid's reach, -21 at 1.99
        return (False, pole, None) if pole else (None, "", None)
    lowest, least = smaller
    return False, f"{SMALLER}f({show(sympy.Float(lowest))}) ≈ {show(sympy.Float(least))}", sympy.Float(lowest)


SMALLER = "f is smaller elsewhere, for example "  # why a least local minimum is only local, before the point
# sympy's work on f's limit at ±∞, counted, not timed (the same verdict on any machine)
FALL_CALLS = 500_000


def _falls(f: Expr, x: sympy.Symbol) -> bool:
    """Whether f → -∞ as x → ∞ or as x → -∞, shown exactly by sympy's limit, on a side where f has a value
    all along a ray: x^(2/3) − x/100 does past its maximum at 8000000/27, far beyond any grid. False where
    it can't be told in its budget."""
    return -sympy.oo in _ends(f, x).values()


def falls_at_pole(f: Expr, x: sympy.Symbol, within: sympy.Set = sympy.S.Reals) -> str:
    """'f → -∞ as x → 2 from the left' where f falls without bound beside one of the finitely many points where it
    has no value, from a side that lies in `within` (an interval, or every x), shown by sympy's one-sided limit
    there; "" where none is found in the budget."""
    try:
        with deadline(SOLVE_SECONDS), counted(FALL_CALLS):
            gaps = sympy.S.Reals - real_domain(f, x)
            if not isinstance(gaps, sympy.FiniteSet):
                return ""
            for a in sort_exactly(gaps):
                for side, said in (("-", "left"), ("+", "right")):
                    if _beside(a, side, within) and sympy.limit(f, x, a, side) == -sympy.oo:
                        return f"f → -∞ as {x.name} → {show(a)} from the {said}"
    except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError, sympy.PolynomialError,
            ZeroDivisionError):
        pass
    return ""


def falls_at_pole_line(f: Expr, syms: Sequence[sympy.Symbol], region: Region) -> str:
    """'f → -∞ as x → 0 from the left, with y = 1/2' where f(x, y) falls without bound beside a line x = a (or y = b)
    where it has no value, inside a region each of whose conditions bounds one variable (a box): along a line of
    one of the other variable's values in it, as falls_at_pole finds it (x*y + 1/x + 1/y in -1 ≤ x ≤ 2, -1 ≤ y ≤ 2,
    outside check h48, N2); "" where none is found."""
    # f falls without bound only where it divides by 0 or takes ln 0 (tan x, as sin x / cos x, divides)
    poles = f.atoms(sympy.log, sympy.tan, sympy.cot, sympy.sec, sympy.csc) or any(
        p.exp.is_negative and p.base.free_symbols & set(syms) for p in f.atoms(sympy.Pow))
    if len(syms) != 2 or not poles or any(len((c.rhs - c.lhs).free_symbols) != 1 for c in region.conditions):
        return ""
    for v, other in (syms, syms[::-1]):
        for w in _inner_values(region.span(other.name)):
            along = f.xreplace({other: w})
            said = "" if along.has(sympy.zoo, sympy.nan) else falls_at_pole(along, v, region.span(v.name))
            if said:
                return f"{said}, with {other.name} = {show(w)}"
    return ""


def _inner_values(span: sympy.Set) -> list[Expr]:
    """Numbers inside an interval, the plainest first: 0, 1 and -1 where it holds them, then a third and two thirds of
    the way (where it has no end, within 3 of the end it has): y = 0 alone misses the fall of y²/x, 0 all along it
    (outside check h50, N1); [] where the span is no interval of some length."""
    if not isinstance(span, sympy.Interval) or span.measure == 0:
        return []
    plain = [sympy.Integer(n) for n in (0, 1, -1) if span.start < n < span.end]
    low = span.start if span.start.is_finite else (span.end - 3 if span.end.is_finite else sympy.Integer(-3))
    high = span.end if span.end.is_finite else low + 3
    return list(dict.fromkeys([*plain, low + (high - low) / 3, low + 2 * (high - low) / 3]))


def _beside(a: Expr, side: str, within: sympy.Set) -> bool:
    """Whether the x just left of a (`side` "-"), or just right of it ("+"), lie in `within`: x + 1/x's 0 in
    -1 ≤ x ≤ 1 from both sides, in 0 < x ≤ 1 from the right alone."""
    if within == sympy.S.Reals:
        return True
    if not isinstance(within, sympy.Interval):
        return bool(within.interior.contains(a) == sympy.true)
    return bool(within.inf < a <= within.sup) if side == "-" else bool(within.inf <= a < within.sup)


@metered_cache(64)
def _ends(f: Expr, x: sympy.Symbol) -> dict[int, Expr]:
    """f's limits as x → ∞ (1) and x → -∞ (-1), on each side where f has a value all along a ray and sympy
    finds the limit within its budget."""
    t = sympy.Dummy("t", positive=True)  # x = ±t, so that |x| is t or -(-t) as sympy simplifies it
    ends: dict[int, Expr] = {}
    try:
        with deadline(SOLVE_SECONDS), counted(FALL_CALLS):
            domain = real_domain(f, x)
            rays = domain.args if isinstance(domain, sympy.Union) else (domain,)
            for side in (1, -1):
                if any(isinstance(r, sympy.Interval) and sympy.oo * side in (r.sup, r.inf) for r in rays):
                    ends[side] = sympy.limit(f.xreplace({x: side * t}), t, sympy.oo)
    except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        pass
    return ends


def _ends_not_below(f: Expr, x: sympy.Symbol, least: Expr, at: Expr | None = None) -> str:
    """Why the least local minimum (at `at`, where it is known) is global where f has a value on intervals and a
    slope inside them, every zero of f′ is known and f, at each end of each interval, is or tends to no value below it:
    f falls or rises only between its critical points and at its ends (xeˣ → 0 as x → -∞, above -1/e; √x + (x − 2)²
    is 4 at 0, the end of its domain). "" where that can't be shown."""
    try:
        with deadline(SOLVE_SECONDS), counted(FALL_CALLS):
            domain = real_domain(f, x)
            # ln(x²) + 1/x² on x < 0 and on x > 0: each piece's ends, 0 from either side among them (outside check
            # h48, N8)
            pieces = domain.args if isinstance(domain, sympy.Union) else (domain,)
            if not all(isinstance(piece, sympy.Interval) for piece in pieces) or not domain.interior.is_subset(
                    continuous_domain(derivative(f, x.name), x, sympy.S.Reals)):
                return ""
            ends = [_end_told(f, x, least, piece, side) for piece in pieces for side in (-1, 1)]
    except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError, sympy.PolynomialError,
            SolveError):  # NotImplementedError: sympy's, for a domain it can't tell (√|x|'s slope)
        return ""
    if None in ends:
        return ""
    # an end where the minimum is (√x's 0) is no news
    told = [end for end in ends if end is not None and (end.at is None or end.at != at)]
    if not told:
        return ""
    if len(told) == 1:
        return f"{told[0].text()}, not below the minimum"
    if len(told) == 2 and all(end.at is not None for end in told):
        return f"{told[0].said} and {told[1].said} at the ends of its domain, neither below the minimum"
    texts = [end.text() for end in told]
    return f"{', '.join(texts[:-1])} and {texts[-1]}, {'neither' if len(told) == 2 else 'none'} below the minimum"


@dataclass(frozen=True)
class _End:
    """What f is, or tends to, at an end of its domain: `at` the end, where f has a value there."""

    said: str
    at: Expr | None

    def text(self) -> str:
        return f"{self.said} at the end of its domain" if self.at is not None else self.said


def _end_told(f: Expr, x: sympy.Symbol, least: Expr, domain: sympy.Interval, side: int) -> _End | None:
    """What f is, or tends to, at one end of its domain (`side` -1 the left, 1 the right), where that is no
    value below `least`; None where it is, or can't be told."""
    end, open_ = (domain.inf, domain.left_open) if side < 0 else (domain.sup, domain.right_open)
    if end.is_infinite:
        value = _ends(f, x).get(side)
        said = f"f → {{}} as {x.name} → {show(end)}"
    elif open_:
        value = sympy.limit(f, x, end, "+" if side < 0 else "-")
        said = f"f → {{}} as {x.name} → {show(end)} from the {'right' if side < 0 else 'left'}"
    else:
        value = f.xreplace({x: end})
        said = f"f({show(end)}) = {{}}"
    if value is None or not (value is sympy.oo or value.is_real and compare(value, least) >= 0):
        return None
    return _End(said.format(show(value)), None if open_ or end.is_infinite else end)


def _smaller(f: Expr, x: sympy.Symbol, at: Expr) -> tuple[float, float] | None:
    """A point of the grid where f(x) is certainly below f(at), and f there: the least such; None where
    none is (or f has no value at `at`)."""
    compiled = compile_expression(f, [x])
    evaluate = _evaluator(compiled)
    if _variable_powers(f, x):  # xˣ = e^(x ln x) is defined for x > 0 only, not at (-1)⁻¹ = -1
        evaluate = _positive_bases(evaluate, f, x)
    here = evaluate(at)
    if here is None:
        return None
    below = here - 1e-9 * (1 + abs(here))
    if not _may_be_below(compiled, evaluate, below):
        return None
    samples = _samples(evaluate)
    if not samples:
        return None
    lowest, least = min(samples, key=lambda sample: sample[1])  # one is below: the least is
    if least >= below:  # only where f is not defined as e^(exponent · ln base) (xˣ at x = -1)
        return None
    return lowest, least


def _smaller_on_lines(f: Expr, syms: Sequence[sympy.Symbol], at: Sequence[Expr]
                      ) -> tuple[tuple[Expr, ...], float] | None:
    """A point where f(x, y) is certainly below f(at), on one of the two lines through `at` parallel to the
    axes, as one variable looks for it: x² + y² + 1/x is x² + 1/x + 0 on y = 0, which falls to -∞ as x → 0
    from the left (a pole no polynomial rule sees); None where neither line has one."""
    for i, s in enumerate(syms):
        others = {t: c for j, (t, c) in enumerate(zip(syms, at)) if j != i}
        try:
            smaller = _smaller(f.xreplace(others), s, at[i])
        except Unsupported:  # a coordinate the evaluator can't compute, a cubic's root (outside check h50, N3)
            continue
        if smaller is not None:
            lowest, least = smaller
            return tuple(sympy.Float(lowest) if j == i else c for j, c in enumerate(at)), least
    return None


def _positive_bases(evaluate: Callable[[Expr | float], float | None], f: Expr, x: sympy.Symbol
                    ) -> Callable[[Expr | float], float | None]:
    """f's values where every power with x in its exponent has a positive base; None elsewhere."""
    bases = [compile_expression(p.base, [x]) for p in _variable_powers(f, x)]

    def defined(at: Expr | float) -> float | None:
        try:
            point = mpmath.mpf(float(sympy.N(at)) if isinstance(at, Expr) else at)
            if any(not to_mpf(b([point]).value) > 0 for b in bases):
                return None
        except (Undefined, OverflowError, TypeError, ValueError, ArithmeticError):
            return None
        return evaluate(at)
    return defined


def bounded_below(f: Expr, syms: Sequence[sympy.Symbol]) -> bool | None:
    """For a polynomial in one or two variables: True when it grows without bound in every direction
    (its highest-degree terms are positive in every direction, or it is p(x) + q(y) with both
    growing), so the least local minimum is global; False when it falls without bound in some
    direction; None when neither simple rule tells, and for other functions."""
    poly = rational_polynomial(f, syms)
    if poly is None or poly.total_degree() < 1 or len(syms) > 2:
        return None
    top = sum(c * sympy.Mul(*(s**e for s, e in zip(syms, monomial)))
              for monomial, c in poly.terms() if sum(monomial) == poly.total_degree())
    if poly.total_degree() % 2:
        return False
    if len(syms) == 1:
        return poly.LC() > 0
    x, y = syms
    if all(0 in monomial for monomial in poly.monoms()):  # p(x) + q(y): bounded when both are
        parts = [bounded_below(sympy.Add(*(c * v**max(m) for m, c in poly.terms() if m[1 - i] == 0 and max(m) > 0)),
                               [v])  # sympy's sum: of no terms (f without y) it is 0, not the int 0
                 for i, v in enumerate(syms)]
        if False in parts:
            return False
        if all(parts):
            return True
    t = sympy.Dummy("t")
    slope = Poly(top.xreplace({x: 1, y: t}), t)  # the direction (1, t); (0, 1) apart
    places = real_roots(slope) if slope.degree() > 0 else ()
    values = [sign(top.xreplace({x: 0, y: 1}))]
    marks = list(places)
    tests = [sympy.floor(marks[0]) - 1, *(rational_between(a, b) for a, b in pairwise(marks)),
             sympy.ceiling(marks[-1]) + 1] if marks else [sympy.Integer(0)]
    values += [sign(slope.as_expr().xreplace({t: v})) for v in tests]
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        return None
    if any(v < 0 for v in known):
        return False
    if all(v > 0 for v in known) and not places:
        return True
    return None


# ------------------------------------------------------------------ functions with no exact solution


def _evaluator(compiled: Compiled) -> Callable[[Expr | float], float | None]:
    def evaluate(at: Expr | float) -> float | None:
        try:
            return float(compiled([mpmath.mpf(float(sympy.N(at)) if isinstance(at, Expr) else at)]).value)
        except (Undefined, OverflowError, TypeError, ValueError):
            return None
    return evaluate


def _samples(evaluate: Callable[[float], float | None]) -> list[tuple[float, float]]:
    return [(p, v) for p, v in ((p, evaluate(p)) for p in _GRID) if v is not None and math.isfinite(v)]


def _may_be_below(compiled: Compiled, evaluate: Callable[[float], float | None], below: float) -> bool:
    """Whether f may be less than `below` at a point of the grid (a sample `_samples` keeps): False
    only where no sample is. Runs of the grid are enclosed with interval arithmetic and halved until
    their enclosure is certainly above `below`; the few points left are evaluated as `_samples` does.
    The margin, 2⁻¹⁰⁰ of the largest magnitude met, is far more than a value at PRECISION bits can
    be off: a run certainly above it holds no sample below `below`."""
    runs = [(0, len(_GRID) - 1)]
    while runs:
        first, last = runs.pop()
        if last - first < _FEW:
            if any(v is not None and math.isfinite(v) and v < below for v in map(evaluate, _GRID[first:last + 1])):
                return True
            continue
        try:  # the run as one interval: the arithmetic of enclosures takes intervals for points too
            enclosed = compiled.enclose([iv.mpf([_GRID[first], _GRID[last]])], _ENCLOSING_BITS)
            least = lower(interval(enclosed.value))
            above = least >= below + mpmath.ldexp(1, (enclosed.largest or 0) - 100)
        except (ArithmeticError, ValueError, TypeError, NotImplementedError):  # undefined, or too wide to tell
            above = False
        if not above:
            middle = (first + last) // 2
            runs += [(middle + 1, last), (first, middle)]
    return False


def _exact_zeros(slope: Expr, x: sympy.Symbol) -> list[Expr] | None:
    if no_closed_form([slope], x):
        return None
    try:
        with deadline(SOLVE_SECONDS), counted(ONE_VARIABLE_SOLVE_WORK):
            zeros = sympy.solve(slope, x)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, sympy.PolynomialError):
        return None
    real = [r for r in (as_real(z) for z in zeros) if r is not None]
    return real or None


class _Slope:
    """f′ compiled once, with its sign at each point of the grid decided once: the minima's search and the
    maxima's ask for the same points. Where f′ cancels below 1000 bits (1 - tanh(x)², 10⁻⁸⁶⁰⁰ at 9900), its
    exponential form with the cancellation done exactly (4e²ˣ/(e²ˣ + 1)²) is enclosed instead, before sympy's
    exact reasoning, which took seconds a point."""

    def __init__(self, slope: Expr, x: sympy.Symbol) -> None:
        self.slope, self.x = slope, x
        self.compiled = compile_expression(slope, [x])
        self._signs: dict[float, int | None] = {}

    def sign(self, at: float) -> int | None:
        if at not in self._signs:
            found = _enclosed_sign(self.compiled, at)
            if found is _UNTOLD and self._cancelled is not None:
                found = _enclosed_sign(self._cancelled, at)
            self._signs[at] = _exact_sign(self.slope, self.x, at) if found is _UNTOLD else found
        return self._signs[at]

    @functools.cached_property
    def _cancelled(self) -> Compiled | None:
        try:
            with deadline(SOLVE_SECONDS):
                form = sympy.cancel(self.slope.rewrite(sympy.exp))
                return None if form == self.slope else compile_expression(form, [self.x])
        except (OutOfTime, ArithmeticError, ValueError, TypeError, NotImplementedError, sympy.PolynomialError):
            return None


def _numeric_zeros(slope: _Slope, samples: list[tuple[float, float]],
                   rising: bool = True, flats: list[float] | None = None) -> list[Expr]:
    """Local minima of f among (x, f(x)) samples (maxima, with `rising` False and the samples' values
    negated), polished with a root-finder on f′. A least sample is one only where f′ certainly changes
    sign across it, from − at the sample before to + at the sample after (+ to − for a maximum): then f
    is least inside, at a zero of f′ or at a kink. Where f's floats are merely equal (eˣ far to the left
    is 0.0, tanh x far out ±1.0) f′ keeps one sign, and nothing is found. Where f′ is 0 exactly beside
    a least sample (max(0, eˣ − 1) left of 0), f may be least all along a flat stretch: that sample is
    added to `flats`, when given."""
    compiled = slope.compiled
    before = -1 if rising else 1
    found = []
    for (a, fa), (b, fb), (c, fc) in zip(samples, samples[1:], samples[2:]):
        if not (fb <= fa and fb <= fc):
            continue
        sign_before = slope.sign(a)
        if sign_before == -before:  # f heads the wrong way into b: neither an extremum nor a flat stretch
            continue
        signs = (sign_before, slope.sign(c))
        if flats is not None and 0 in signs and before not in signs[1:]:
            flats.append(b)  # f′ = 0 beside a least sample: f may be least all along a flat stretch
        if signs != (before, -before):
            continue
        try:
            root = float(mpmath.findroot(lambda t: compiled([t]).value, (a, c), solver="anderson"))
        except (ArithmeticError, ValueError, ZeroDivisionError):  # a kink, where f′ jumps over 0
            root = math.nan
        if not a <= root <= c:
            root = _bisect(compiled, a, c, before)
        found.append(sympy.Float(0.0 if abs(root) < 1e-15 else root))  # rounding noise around 0
    return found


_UNTOLD = 2  # an enclosure's sign: not told from 0 at any precision tried


def _enclosed_sign(compiled: Compiled, at: float) -> int | None:
    """The sign of f′ at a float from enclosures at rising precision: certain where told; _UNTOLD where f′
    can't be told from 0 that way; None where f′ has no value there."""
    for bits in (53, 200, 1000):
        try:
            enclosed = compiled.enclose([Fraction(at)], bits).value
        except (ArithmeticError, ValueError, TypeError, NotImplementedError):
            return None
        if isinstance(enclosed, Fraction):
            return (enclosed > 0) - (enclosed < 0)
        if lower(enclosed) > 0:
            return 1
        if upper(enclosed) < 0:
            return -1
    return _UNTOLD


def _exact_sign(slope: Expr, x: sympy.Symbol, at: float) -> int | None:
    """The sign of f′ at a float from f′ there exactly: 0 where f′ is 0 (max(1, x² + sin²x) inside
    -0.7 < x < 0.7); None where sympy can't tell."""
    try:
        with deadline(SOLVE_SECONDS):
            return sign(slope.xreplace({x: sympy.Rational(Fraction(at))}))
    except (OutOfTime, ArithmeticError, ValueError, TypeError, NotImplementedError):
        return None


def _bisect(compiled: Compiled, a: float, c: float, before: int) -> float:
    """Where f′ changes sign between a and c (its sign at a is `before`): a kink, where no root-finder
    converges (|sin x|), or a zero it missed; halved until the floats between are used up."""
    for _ in range(200):
        middle = (a + c) / 2
        if not a < middle < c:
            break
        try:
            value = compiled([middle]).value
        except (ArithmeticError, ValueError, TypeError):
            return middle
        if value == 0:
            return middle
        if (value > 0) == (before > 0):
            a = middle
        else:
            c = middle
    return (a + c) / 2


def _turns_up(slope: _Slope, at: Expr) -> bool:
    """Whether f′ is certainly negative just left of a zero found numerically and positive just right: a
    minimum, at a zero of f′ or at a kink, where f″ at the float says nothing (|cos x| − x/3 at π/2, where
    f″ = −|cos x| is a rounding error's sign)."""
    centre = float(at)
    step = 1e-6 * max(1.0, abs(centre))
    return slope.sign(centre - step) == -1 and slope.sign(centre + step) == 1


def _is_minimum(f: Expr, x: sympy.Symbol, at: Expr, evaluate) -> bool:
    """The second-derivative test (or higher derivatives), or if they say nothing, f just around."""
    if evaluate(at) is None:
        return False
    s, _ = higher_derivatives(f, x, at)
    if s is not None:
        return s > 0
    centre = float(sympy.N(at))
    around = [evaluate(centre + h) for h in (-1e-4, 1e-4)]
    return all(v is not None and v >= evaluate(at) for v in around)


def among(number: Expr, numbers: Sequence[Expr]) -> Expr | None:
    """The one of `numbers` that is `number`, as it is written there; None where none is."""
    return next((n for n in numbers if same_numbers([number], [n])), None)


def same_numbers(these: Sequence[Expr], those: Sequence[Expr]) -> bool:
    """Whether two lists of exact numbers hold the same ones, whatever form each is written in: 2 ln(3)
    from one solver is ln(9) from another (their first 30 digits told apart, with room for the last)."""
    def digits(numbers: Sequence[Expr]) -> list[Expr]:
        return sorted(sympy.N(n, 30) for n in numbers)
    return len(these) == len(those) and all(abs(a - b) <= 1e-25 * max(1, abs(a))
                                            for a, b in zip(digits(these), digits(those)))


def _simplify(value: Expr) -> Expr:
    """Use W(a)·e^W(a) = a, which sympy does not: e^W(1) - ln W(1) = W(1) + 1/W(1)."""
    def positive_w(e: Expr) -> bool:
        return isinstance(e, sympy.LambertW) and len(e.args) == 1 and e.args[0].is_positive

    value = value.replace(lambda e: isinstance(e, sympy.exp) and positive_w(e.args[0]),
                          lambda e: e.args[0].args[0] / e.args[0])
    value = value.replace(lambda e: isinstance(e, sympy.log) and positive_w(e.args[0]),
                          lambda e: sympy.log(e.args[0].args[0]) - e.args[0])
    return sympy.expand(value) if value.has(sympy.CRootOf) else sympy.simplify(value)


# ------------------------------------------------------------------ two variables, and descent


@dataclass(frozen=True)
class LocalMinima:
    """Every local minimum of f (one or two variables), and the least one."""

    function: Expr
    variables: tuple[str, ...]
    points: tuple[CriticalPoint, ...]  # the isolated local minima, in order
    values: tuple[Expr, ...]  # f at each of them
    sets: tuple[CriticalSet, ...]  # whole sets of minima, like the line x = y for (x - y)²
    lowest: int | None  # index of the least of the points
    is_global: bool | None  # whether that one is the global minimum; None: not known for sure
    complete: bool  # False when sympy could not find every critical point
    note: str = ""
    undecided: tuple[CriticalPoint, ...] = ()  # critical points neither the test nor f's values decide
    unsettled: tuple[CriticalSet, ...] = ()  # critical sets whose points are not all known not to be minima
    least_sets: tuple[CriticalSet, ...] = ()  # the sets of minima lower than every isolated one, all of one value
    # (then is_global is about them)
    lower: str = ""  # why the least is not global, where the note says so: f decreases without bound, or is smaller
    lower_at: tuple[Expr, ...] | None = None  # the point where f is smaller, where `lower` names one
    below_nowhere: str = ""  # why f is nowhere below the least, where that, not ∇f = 0 solved, shows it global
    window: Region | None = None  # the region whose bounds a periodic ∇f's critical points are listed within
    windowed: bool = False  # they were: minima beyond the region's bounds are not listed, so "none" is in it only
    flat: tuple[Stretch, ...] = ()  # stretches where f of one variable is constant: every point a local minimum
    windows: tuple[Window, ...] = ()  # where a periodic ∇f's points are listed: those of one period, or the region's
    drift: tuple[str, Drift] | None = None  # f(x + T, y) = f(x, y) + c, c ≠ 0 (sin x + x/10 + y²), and in which
    # variable: each local minimum recurs ever lower one way, so none listed is the least

    @property
    def no_least(self) -> str:
        """Why no local minimum is the least, where f drifts: "" where it does not."""
        if self.drift is None:
            return ""
        x, shift = self.drift
        return shift.said(x, self.variables)

    @property
    def periods(self) -> tuple[Window, ...]:
        """The windows of one period (0 ≤ x < 2π), not a region's bounds: the points listed are those in them,
        each recurring a period on, so a question asking for every one names them."""
        return tuple(w for w in self.windows if not w.bounded)

    @property
    def known_all(self) -> bool:
        """Whether the isolated minima listed are every local minimum there is."""
        return self.complete and not (self.undecided or self.unsettled or self.sets)

    @property
    def tied(self) -> tuple[int, ...]:
        """The other isolated minima as low as the least one (their indices): each is a global minimum
        where the least is."""
        if self.lowest is None:
            return ()
        least = self.values[self.lowest]
        return tuple(i for i, value in enumerate(self.values) if i != self.lowest and compare(value, least) == 0)


@dataclass(frozen=True)
class InRegion:
    """The isolated local minima of f split by a region (indices into LocalMinima.points): the summary's
    lines and the steps both read this one split, so that they say the same."""

    inside: tuple[int, ...]  # the minima in the region, in order
    least: tuple[int, ...]  # the least of those in the region (several as low); () where none is in it
    held: bool  # whether the least of all lies in the region: then `least` is it, and the verdict is its
    lowest: tuple[int, ...]  # every minimum where f is least of all, in the region or not
    note: str = ""  # the note as the region has it: where f is lower only outside the region, said so


def in_region(minima: LocalMinima, region: Region) -> InRegion:
    """Which minima lie in the region, and the least of them: x² + y² on 1 ≤ x ≤ 2, 0 ≤ y ≤ 1 has none in
    it, and its least, (0, 0), outside."""
    inside = tuple(i for i, p in enumerate(minima.points) if region.contains(p.point))
    lowest = () if minima.lowest is None else tuple(sorted((minima.lowest, *minima.tied)))
    held = tuple(i for i in lowest if i in inside)  # (x² − 1)² + y² on 0 ≤ x ≤ 2 holds (1, 0), not (-1, 0)
    least = held
    if not held and inside:
        value = min((minima.values[i] for i in inside), key=functools.cmp_to_key(compare))  # exact, as they are
        least = tuple(i for i in inside if compare(minima.values[i], value) == 0)
    return InRegion(inside, least, bool(held), lowest, region_note(minima, region, bool(held) or not minima.points))


def outside_window(minimum: Minimum, region: Region) -> tuple[LocalMinimum, ...] | None:
    """Where f(x)'s least local minimum lies outside the region (x⁴ − 3x² + x's -1.30083… outside 0 ≤ x ≤ 5):
    the least of the local minima in it, every one as low (() where none is in it), which the answer is then
    about, as the lesson drops the points outside before it picks the least; None where the least lies in it,
    or where f's minima are no list of points (stretches, periods, minima going on ever lower)."""
    if minimum.flats or minimum.no_least or minimum.cycle is not None or minimum.repeats is not None \
            or minimum.period is not None or any(region.contains((m.point,)) for m in minimum.lowest):
        return None
    inside = [m for m in minimum.minima if region.contains((m.point,))]
    if not inside:
        return ()
    value = min((m.value for m in inside), key=functools.cmp_to_key(compare))
    return tuple(m for m in inside if compare(m.value, value) == 0)


def held_minima(minimum: Minimum, within: sympy.Set) -> sympy.Set:
    """Where f(x)'s local minima lie in the window (`within`: its values of x): its points and the parts of its
    stretches of minima there; an edge in it is one of them, never as low as them beside them."""
    return sympy.Union(sympy.FiniteSet(*(m.point for m in minimum.minima if m.exact)).intersect(within),
                       *(g.part_in(within) or sympy.S.EmptySet for g in minimum.flats))


def lowest_in(minimum: Minimum, region: Region) -> tuple[LocalMinimum, ...]:
    """Those of f(x)'s least local minima the region holds, where it holds some (x⁴ − 2x² on x ≥ 0: x = 1, not
    x = -1, which is as low but outside it); all of them where it holds none."""
    return tuple(m for m in minimum.lowest if region.contains((m.point,))) or minimum.lowest


def region_note(minima: LocalMinima, region: Region, held: bool) -> str:
    """The note as the region has it. Where the least of all lies in the region (`held`), or no minimum is
    listed: what makes it only local, said as outside the region where it is (x³ − 3x + y² on 0 ≤ x ≤ 3,
    −1 ≤ y ≤ 1 falls without bound as x → −∞, not in it), as one variable says it; the note as it is otherwise,
    said of f, not of the region, where f's fall is not looked for in a region with no bound (x + y² on x ≥ 1
    is least at (1, 0), and falls without bound only outside it)."""
    note = (said_outside(minima.lower, minima.lower_at, region) if held else "") or minima.note
    if minima.lower and note == minima.note and not region.bounded():
        note += "; whether it does in the region is not looked at"
    return note


def said_outside(lower: str, lower_at: tuple[Expr, ...] | None, region: Region, held_up: bool = False) -> str:
    """Why the least local minimum is only local (`lower`), said as outside the region where that lies
    outside it: f decreases without bound beside a bounded region, or beside one where f is shown bounded
    below (`held_up`: x³ − 3x on x ≥ 1/2), or is smaller at `lower_at`, not in it; "" where it is not so
    (then the note stands as it is)."""
    if not lower:
        return ""
    if lower_at is None:  # f decreases without bound: outside a bounded region
        return f"outside the region, {lower}" if region.bounded() or held_up else ""
    if region.contains(lower_at):
        return ""
    return f"outside the region, f is smaller: for example {lower.removeprefix(SMALLER)}"


@dataclass(frozen=True)
class Edge:
    """f at one end of a window: x³ − 3x at -3 on -3 ≤ x ≤ 3 is -18. On a window bounded on one side only
    (x ≥ 0), its open side is an Edge too, at ±∞, held by no point: 1/(x² + 1) comes as close as you like to 0
    as x → ∞, never to it."""

    point: Expr
    value: Expr
    held: bool  # whether the window holds the end (≤, not <): else f only comes as close as you like to the value


@dataclass(frozen=True)
class AtEdge:
    """Where f is least on a window, when that is at its ends, below every local minimum in it: a local
    minimum is least only among the points near it, and the ends are no local minima of f (x³ − 3x on
    -3 ≤ x ≤ 3: f(-3) = -18, below the local minimum f(1) = -2)."""

    ends: tuple[Edge, ...]  # both ends, left to right; the one, on a window bounded on one side only
    lowest: tuple[Edge, ...]  # the ends where f is least (both, where as low), `far` among them where it is
    # a window bounded on one side only (x ≥ -3): f's limit on its open side, at ±∞ (value nan where it was not
    # found: the end is then below every local minimum, but f may be lower still far out); None on a bounded one
    far: Edge | None = None
    # `lowest` are as low as the least local minimum in the window, not below it: f is least at both (x³ − 3x on
    # -2 ≤ x ≤ 2: f(-2) = -2 = f(1)), as the closed-interval method finds
    tied: bool = False

    @property
    def unsure(self) -> Expr | None:
        """The open side (±∞) where f's limit was not found; None where it was, or there is none."""
        return self.far.point if self.far is not None and self.far.value is sympy.nan else None

    @property
    def held(self) -> bool:
        """Whether f takes its least value in the window: not where the window leaves the end out (0 < x ≤ 3)."""
        return any(e.held for e in self.lowest)


def least_at_edge(f: Expr, x: str, within: sympy.Set | None, inside: Sequence[Expr],
                  named: sympy.Set = sympy.S.EmptySet) -> AtEdge | None:
    """The window's ends, where f is lower there than at every local minimum in the window (`inside`: f's
    values at them), or where no minimum lies in it; where an end the window holds is exactly as low as the
    least of them, and is not itself one of them (`named`: where the minima in the window are), that end,
    `tied`; None otherwise, where the window is not bounded on
    one side at least, or where f is not shown continuous all through it (1/x on -1 ≤ x ≤ 1 has no least
    value). Exact: each end's value compared with each minimum's. On a window bounded on one side only
    (x ≥ -3), its other side is decided by f's limit there: none where f → -∞ (no least value, as said
    already), its limit where finite (1/(x² + 1) on x ≥ 0 comes as close as you like to 0), nothing where
    f → ∞ (x³ − 3x on x ≥ -3: least at -3, f(-3) = -18)."""
    if not isinstance(within, sympy.Interval) or not (within.start.is_finite or within.end.is_finite):
        return None
    v = symbol(x)
    f = real_powers(f)  # its values as read: (-1)^(2/3) is 1
    bounded = within.start.is_finite and within.end.is_finite
    closed = sympy.Interval(within.start, within.end)
    try:
        if bounded:
            if continuous_domain(f, v, closed) != closed:
                return None
            ends = tuple(Edge(end, _value(f, (v,), (end,)), held)
                         for end, held in ((within.start, not within.left_open),
                                           (within.end, not within.right_open)))
            far = None
        else:
            ends, far = _one_side(f, v, within)
        below = [far] if far is not None and far.value.is_finite else []  # ∞ and an unknown limit are never least
        if not all(e.value.is_real and e.value.is_finite for e in ends):
            return None
        least = min((e.value for e in (*ends, *below)), key=functools.cmp_to_key(compare))
        if inside:
            order = compare(least, min(inside, key=functools.cmp_to_key(compare)))
            if order > 0 or (order == 0 and any(value.has(sympy.Float) for value in inside)):
                return None  # a minimum found numerically is as low only as far as its digits go: no tie claimed
            if order == 0:  # only where f takes the value there, at an end that is no minimum already named
                tied = tuple(e for e in ends if e.held and compare(e.value, least) == 0
                             and named.contains(e.point) is not sympy.true)
                return AtEdge(ends, tied, far, tied=True) if tied else None
    except (SolveError, NotImplementedError, ValueError, TypeError):  # a value sympy can't place: nothing claimed
        return None
    return AtEdge(ends, tuple(e for e in (*ends, *below) if compare(e.value, least) == 0), far)


def _one_side(f: Expr, v: sympy.Symbol, within: sympy.Interval) -> tuple[tuple[Edge, ...], Edge]:
    """A window bounded on one side only (x ≥ -3): f at its end, and f's limit on its open side as an Edge
    at ±∞ (value nan where the limit is not found in its budget); raises SolveError
    where f is not continuous all through it, or f → -∞ on its open side (then it has no least value)."""
    finite = within.start if within.start.is_finite else within.end
    held = not (within.left_open if within.start.is_finite else within.right_open)
    side = sympy.oo if within.start.is_finite else -sympy.oo
    if continuous_domain(f, v, within) != within:
        raise SolveError("f is not continuous all through the window")
    closure = sympy.Interval(within.start, within.end)
    if continuous_domain(f, v, closure) == closure:  # x > -3 leaves -3 out: f comes as close as you like to f(-3)
        end = _value(f, (v,), (finite,))
    else:  # 1/x + x on x > 0 has no value at 0: what it comes close to there
        end = _limit(f, v, finite, "+" if side > 0 else "-")
    if end is sympy.nan or end == -sympy.oo:
        raise SolveError("f's value at the window's end is not found")
    ends = (Edge(finite, end, held),) if end.is_finite else ()  # 1/x + x on x > 0: f → ∞ at 0, never least there
    limit = _limit(f, v, side, "-" if side > 0 else "+")
    if limit == -sympy.oo:
        raise SolveError("f decreases without bound in the window")
    return ends, Edge(side, limit, False)


def held_up(f: Expr, x: str, within: sympy.Set | None) -> bool:
    """Whether f is shown bounded below all through a window bounded on one side only: continuous in it,
    and neither at its end nor on its open side f → -∞ (x³ − 3x on x ≥ 1/2, not on x ≤ 3)."""
    if not isinstance(within, sympy.Interval) or within.start.is_finite == within.end.is_finite:
        return False
    try:
        _, far = _one_side(real_powers(f), symbol(x), within)
    except (SolveError, NotImplementedError, ValueError, TypeError):
        return False
    return far.value is not sympy.nan


def ends_above(f: Expr, x: str, within: sympy.Set | None, least: Expr) -> tuple[Edge, ...] | None:
    """A window's ends, each with f's value there, or its limit from inside where the window leaves the end out
    and f has none there, or on a side with no bound (x + 1/x on x > 0: ∞ as x → 0 and as x → ∞), where f is
    continuous all through the window and no end is below `least`, the least local minimum in it: what shows
    that minimum to be the least value f takes in the window. None where that is not shown."""
    if not isinstance(within, sympy.Interval):
        return None
    v = symbol(x)
    f = real_powers(f)
    try:
        if continuous_domain(f, v, within) != within:
            return None
        ends = []
        for end, side, held in ((within.start, "+", not within.left_open), (within.end, "-", not within.right_open)):
            value = _value(f, (v,), (end,)) if end.is_finite else sympy.nan
            if not (value.is_real and value.is_finite):
                value = _limit(f, v, end, side)
            if value is sympy.nan or value == -sympy.oo or (value != sympy.oo and compare(value, least) < 0):
                return None
            ends.append(Edge(end, value, held and end.is_finite))
    except (SolveError, NotImplementedError, ValueError, TypeError):  # a value sympy can't place: nothing claimed
        return None
    return tuple(ends)


@metered_cache(64)  # a half-bounded window's limits are asked for by its edge line, its note and its steps
def _limit(f: Expr, v: sympy.Symbol, at: Expr, direction: str) -> Expr:
    """f's limit at `at` from one side, exact, in the budget f's fall at ±∞ is looked for in; nan where it is
    not found, or is no real number or ±∞."""
    try:
        with deadline(SOLVE_SECONDS), counted(FALL_CALLS):
            found = sympy.limit(f, v, at, direction)
    except (OutOfTime, NotImplementedError, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        return sympy.nan
    if found in (sympy.oo, -sympy.oo) or (found.is_real and found.is_finite):
        return found
    return sympy.nan


@dataclass(frozen=True)
class OnBoundary:
    """Where f(x, y) is least on a box's boundary (0 ≤ x ≤ 3, -1 ≤ y ≤ 1), when that is below every local
    minimum in the box: x³ − 3x + y² on -3 ≤ x ≤ 3, -1 ≤ y ≤ 1 is -18 at (-3, 0), below f(1, 0) = -2."""

    points: tuple[tuple[Expr, ...], ...]  # every boundary point where f is that low, in order
    value: Expr
    edges: tuple[str, ...]  # the sides they lie on, as equations: x = -3
    held: bool  # whether the region holds one of them (≤, not <): else f only comes as close as you like
    # as low as the least local minimum in the box, not below it: f is least at both (x³ − 3x + y² on -2 ≤ x ≤ 2,
    # -1 ≤ y ≤ 1: f(-2, 0) = -2 = f(1, 0)); `points` are then only those the box holds
    tied: bool = False


def least_on_boundary(f: Expr, variables: Sequence[str], region: Region, inside: Sequence[Expr],
                      named: Sequence[tuple[Expr, ...]] = (), sets: Sequence[CriticalSet] = ()) -> OnBoundary | None:
    """Where f is least on the boundary of a box, if that is below every local minimum in it (`inside`:
    f's values at them), or where none lies in it; where points of the boundary the box holds are exactly as
    low as the least of them, and are none of them (`named`: the points, `sets`: the curves of minima in the
    box), those points, `tied`; None otherwise. Exact, for a polynomial f: along each
    side f is a polynomial of one variable, least at a corner or where its derivative is 0. Raises
    SolveError where the boundary can't be looked at so (f not a polynomial, the region not a box)."""
    sides = box_sides(region)
    syms = symbols(variables)
    if sides is None or rational_polynomial(sympy.expand(f), syms) is None:
        raise SolveError("the region's boundary is not looked at")
    found: list[tuple[tuple[Expr, ...], Expr, str]] = []
    for fixed, bound, span in sides:
        free = syms[1 - fixed]
        along = sympy.expand(f.xreplace({syms[fixed]: bound}))
        turning = sympy.diff(along, free)
        places = [span.start, span.end] + ([] if turning.is_zero else [
            r for r in real_roots(turning, free) if compare(r, span.start) > 0 and compare(r, span.end) < 0])
        for t in places:
            point = (bound, t) if fixed == 0 else (t, bound)
            found.append((point, _value(f, syms, point), f"{variables[fixed]} = {show(bound)}"))
    least = min((value for _, value, _ in found), key=functools.cmp_to_key(compare))
    order = compare(least, min(inside, key=functools.cmp_to_key(compare))) if inside else -1
    if order > 0 or (order == 0 and any(value.has(sympy.Float) for value in inside)):
        return None  # a minimum found numerically is as low only as far as its digits go: no tie claimed
    points: list[tuple[Expr, ...]] = []
    edges: list[str] = []
    for point, value, edge in found:
        # a tie only where f takes the value, at a point that is no minimum already named
        if compare(value, least) == 0 and not (order == 0 and (
                not region.contains(point) or point in named or any(_on(point, syms, s) for s in sets))):
            points += [point] * (point not in points)
            edges += [edge] * (edge not in edges)
    if not points:
        return None
    return OnBoundary(tuple(points), least, tuple(edges), any(region.contains(p) for p in points), order == 0)


def _on(point: tuple[Expr, ...], syms: Sequence[sympy.Symbol], s: CriticalSet) -> bool:
    """Whether the point lies on the set's curve, exactly."""
    at = dict(zip(syms, point))
    return all(sympy.simplify((e.lhs - e.rhs).xreplace(at)) == 0 for e in s.equations)


def placed(s: CriticalSet, syms: Sequence[sympy.Symbol], region: Region) -> CriticalSet:
    """The set marked as the critical points mark one in a region: whether it reaches into it, and its part
    there (x = y meets 0 ≤ x ≤ 2, 0 ≤ y ≤ 2 where 0 ≤ y ≤ 2; x = -y misses 1 ≤ x ≤ 2, 1 ≤ y ≤ 2)."""
    inside, extent, variable = region.extent(s.equations)
    where = interval_text(extent, variable.name) if inside and extent is not None and variable is not None else ""
    if inside is None and not s.also:  # a curve, not x = a formula: a box's sides are looked at
        inside, whole = curve_meets_box(s.equation, syms, region)
        # x² + y² = 1 on 1/2 ≤ x ≤ 2, 0 ≤ y ≤ 2 crosses the sides: only its part in the box is meant
        where = region.show() if inside and not whole else ""
    return replace(s, inside=inside, where=where, pieces_inside=cut(s.pieces, extent, variable) if inside else ())


def minima_points(f: Expr, variables: Sequence[str], region: Region | None = None) -> CriticalPoints:
    """The critical points the local minima are chosen from: in one variable, where f″ < 0 between f's kinks
    (sin(x)^(2/3) + x/10), only the kinks, which hold every minimum (`critical_points`' `minima`), as sympy
    searches f′ = 0 between them until its deadline for zeros that can only be maxima; else every one."""
    return critical_points(f, variables, window=region, minima=len(variables) == 1)


def local_minima(f: str | Expr, variables: Sequence[str] | None = None, region: Region | None = None) -> LocalMinima:
    """`region`: where the minima are asked for; a periodic ∇f's are listed all through its bounds
    (cos x + y⁴ on -4 ≤ x ≤ 4: (-π, 0) and (π, 0)), not in one period, which would miss some."""
    f = function_of(f)
    variables = variables_of(f, variables)
    if not 1 <= len(variables) <= 2:
        raise SolveError("local minima are found for functions of one or two variables")
    syms = symbols(variables)
    found = minima_points(f, variables, region)
    written, f = f, real_powers(f)  # its values as read: (-1)^(2/3) is 1, where sympy's is complex
    points = tuple(p for p in found.points if p.nature == Nature.MINIMUM)
    values = tuple(_value(f, syms, p.point) for p in points)
    sets = tuple(s for s in found.sets if s.nature == Nature.MINIMUM)
    # f lower on both sides of it along a line: no minimum, though undecided as a maximum
    undecided = tuple(p for p in found.points if p.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED)
                      and not (p.by_values is not None and p.by_values.rules_out == Nature.MINIMUM))
    unsettled = tuple(s for s in found.sets if s not in sets and not (
        s.pieces and all(p.nature in (Nature.MAXIMUM, Nature.NEITHER, Nature.SADDLE) for p in s.pieces)))
    # (a set may be minima on a stretch only: the sauna's wall x = 0 where y > 6)
    if region is not None:  # listed within the region's bounds only, the sets are not yet marked by it
        sets = tuple(placed(s, syms, region) for s in sets)
    lowest = None
    for i, value in enumerate(values):
        if lowest is None or compare(value, values[lowest]) < 0:
            lowest = i
    least = values[lowest] if lowest is not None else None
    least_sets: tuple[CriticalSet, ...] = ()
    for s in sets:  # a whole curve of minima below every isolated one is the least (-(x² + y²)e^(-x² - y²))
        order = None if s.value is None or least is None else compare(s.value, least)
        if s.value is not None and (order is None or order < 0):
            least_sets, least = (s,), s.value
        elif order == 0 and least_sets:  # x²y²: the lines x = 0 and y = 0, both f = 0
            least_sets += (s,)
    if any(s.value is None for s in sets):
        least = None  # a set of minima whose value is not known may be lower
    bounded = bounded_below(f, syms) if found.complete else None
    if bounded is None and len(syms) == 1 and lowest is not None and _falls(f, syms[0]):
        bounded = False  # √|x| − x/100 past its maximum at 2500: no polynomial rule, and beyond any grid
    is_global = None if least is None else (False if bounded is False else (True if bounded else None))
    if least is not None and least_sets and all(s.beyond for s in least_sets):  # f = g(u), g nowhere below g(c)
        is_global = True
    if is_global and not _none_lower(f, syms, least, undecided, unsettled):  # type: ignore[arg-type]
        is_global = None  # a point or set the tutor can't classify may hold a smaller value
    below_nowhere = ""
    if is_global is None and lowest is not None and not least_sets:  # |x|^(3/2) + y²: f ≥ f(P) everywhere,
        below_nowhere = nowhere_below(f, syms, points[lowest].point)  # whatever else sympy left unsolved
        is_global = True if below_nowhere else None
    elif is_global is None and least_sets and least is not None:  # (x - y)² all along x = y
        below_nowhere = nowhere_below_value(f, syms, least)
        is_global = True if below_nowhere else None
    if is_global is None and len(syms) == 1 and found.complete and lowest is not None and not least_sets \
            and not undecided and not unsettled:  # xeˣ: every critical point known, f's ends no lower
        below_nowhere = _ends_not_below(f, syms[0], values[lowest], points[lowest].point[0])
        is_global = True if below_nowhere else None
    parts = separated(written, syms) if len(syms) == 2 and lowest is not None and is_global is None \
        and not least_sets else None
    if parts is not None:  # f = g(x) + h(y): least where g and h are least, and nowhere least where either
        # decreases without bound (x^(2/3) − x + y²)
        bounded, below_nowhere = _parts_least(parts, variables, values[lowest])  # type: ignore[index]
        is_global = None if bounded is None else bool(below_nowhere)
    note, lower, lower_at = found.note, "", None
    if bounded is False:
        note, lower = _also(found.note, f"{UNBOUNDED}, so no minimum is global"), UNBOUNDED
    elif is_global is None and lowest is not None and not least_sets and len(syms) == 2:
        # not a polynomial: f may be smaller where no rule looks, as the one-variable minimum finds it
        smaller = _smaller_on_lines(f, syms, points[lowest].point)
        if smaller is not None:
            lower_at, least_value = smaller
            lower = f"{SMALLER}f{show(lower_at)} ≈ {show(sympy.Float(least_value))}"
            is_global, note = False, _also(found.note, ONLY_LOCAL + lower)
    shifted = _drifting(f, syms) if len(syms) == 2 and region is None and is_global is not True \
        and (points or least_sets) else None
    if shifted is not None:  # f(x − 2π, y) = f(x, y) − π/5: every minimum has a lower one, whatever else is known
        is_global = False
    # sin(x)^(2/3) + x/10: maxima between its cusps left unsolved, but every minimum is listed
    every = found.complete or found.minima_only
    return LocalMinima(written, variables, points, values, sets, lowest, is_global, every, note, undecided,
                       unsettled, least_sets, lower, lower_at, below_nowhere, region,
                       any(w.bounded for w in found.windows), found.flat, found.windows, shifted)


def _drifting(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[str, Drift] | None:
    """The variable in which f is periodic plus a line, the others held (sin x + x/10 + y², sin(x + y) + cos y +
    x/10), and its shift: then each local minimum recurs a period on, lower one way, and none is the least."""
    for s in syms:
        shift = drift(f, s)
        if shift is not None:
            return s.name, shift
    return None


def _also(found: str, why: str) -> str:
    """Why the least minimum is not global, after the critical points' own note (some may be missing: x⁴ +
    y³ sin y has a minimum at every other zero of ∂f/∂y, which sympy can't list), which it must not hide."""
    return f"{found}; {why}" if found else why


def _parts_least(parts: tuple[Expr, Expr], variables: Sequence[str], least: Expr) -> tuple[bool | None, str]:
    """For f = g(x) + h(y), from g's and h's least values in one variable: (True, why) where each has a global
    minimum and `least` is their sum, so f is nowhere below it; (False, "") where g or h decreases without
    bound, and so does f; (None, "") where that is not known."""
    said, total = [], sympy.Integer(0)
    for part, v in zip(parts, variables):
        try:
            alone = minimize(part, v)
        except SolveError:
            return None, ""
        if alone.lower == UNBOUNDED:
            return False, ""
        if not alone.is_global or not alone.exact:
            return None, ""
        total += alone.value
        said.append(f"{show(part)}, nowhere below {show(alone.value)}")
    if compare(total, least) != 0:
        return None, ""
    return True, f"f is the sum of {said[0]}, and {said[1]}"


KINKED = (sympy.Abs, sympy.Max, sympy.Min)  # where one switches, the critical points' solvers look at the corner
_SMOOTH = (sympy.exp, sympy.sin, sympy.cos, sympy.sign, *KINKED)  # defined, with their derivatives, everywhere


def without_slope(f: Expr, variables: Sequence[str]) -> tuple[Expr, ...] | None:
    """Where f has a value and its derivative has none, other than at a kink (|u|, max, min), whose corner the
    critical points' solvers look at: there the tutor does not look for minima (√x and x^(2/3) at 0). In one
    variable, those x; in two, () where ∇f has a value wherever f has one; None where the tutor can't tell."""
    syms = symbols(variables)
    unkinked = f.replace(lambda e: isinstance(e, KINKED), lambda e: sympy.Add(*e.args))  # |u| defined where u is
    slopes = [sympy.diff(unkinked, s) for s in syms]
    if not any(_restricted(d, syms) for d in slopes):
        return ()
    if len(syms) != 1:
        return None
    x = syms[0]
    try:
        with deadline(SOLVE_SECONDS):
            gaps = continuous_domain(unkinked, x, sympy.S.Reals) - continuous_domain(slopes[0], x, sympy.S.Reals)
            kinks: set[Expr] = set()
            for e in f.atoms(*KINKED):
                switches = sympy.solveset(e.args[0] if isinstance(e, sympy.Abs) else e.args[0] - e.args[1], x,
                                          sympy.S.Reals)
                if not isinstance(switches, sympy.FiniteSet):
                    return None
                kinks.update(switches)
    except (OutOfTime, NotImplementedError, ValueError, TypeError):
        return None
    if not isinstance(gaps, (sympy.FiniteSet, sympy.sets.sets.EmptySet)):
        return None
    return tuple(sorted((g for g in gaps if g not in kinks), key=lambda g: sympy.N(g, 30)))


def _restricted(slope: Expr, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether a derivative may have no value somewhere: a power of the variables that is not a whole number
    at least 0 (1/x, ∛x), or a function other than those defined everywhere (ln x)."""
    if any(p.base.free_symbols & set(syms) and not (p.exp.is_integer and p.exp.is_nonnegative)
           for p in slope.atoms(sympy.Pow)):
        return True
    return any(not isinstance(g, _SMOOTH) for g in slope.atoms(sympy.Function) if g.free_symbols & set(syms))


def _none_lower(f: Expr, syms: Sequence[sympy.Symbol], least: Expr, points: Sequence[CriticalPoint],
                sets: Sequence[CriticalSet]) -> bool:
    """Whether f is known to be at least `least` at every one of these critical points and sets."""
    values = [_value(f, syms, p.point) for p in points] + [s.value for s in sets]
    return all(v is not None and compare(v, least) >= 0 for v in values)


def _value(f: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> Expr:
    value = f.xreplace(dict(zip(syms, point)))
    return sympy.expand(value) if value.has(sympy.CRootOf) else _simplify(value)


@dataclass(frozen=True)
class DescentEnd:
    """Where gradient descent from a start ends: which local minimum, if any."""

    descent: Descent
    minima: LocalMinima
    reached: int | None  # index into minima.points of the minimum the last point is at, or None
    distance: float  # from the last point to that minimum (or to the nearest one)
    jumps: tuple[Jump, ...] = ()  # the steps that cross a hill into another valley, in order


@dataclass(frozen=True)
class Jump:
    """A step of descent so large that it crosses a hill: f along the step falls, rises to `top`, falls again,
    so the point lands in another valley than the one it left (x⁴ − 3x² + x from 2 at α = 0.1: step 1, from 2
    over the hill top near 0.17 to -0.1)."""

    k: int  # the step: from rows[k - 1] to rows[k]
    before: tuple[float, ...]
    after: tuple[float, ...]
    tops: tuple[tuple[float, ...], ...]  # where f is highest on the step, a hill's top, between its ends, in order


def descent_end(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                rate: Number, tolerance: float = 1e-8, max_iterations: int = 10_000,
                within: float = 1e-3, minima: LocalMinima | None = None) -> DescentEnd:
    """Run descent until |∇f| < tolerance (or it stops), then name the local minimum it is at:
    the one within `within` of the last point. `minima`: f's local minima, when already found."""
    minima = minima or local_minima(f, variables)
    run = descend(minima.function, minima.variables, start, rate, tolerance=tolerance,
                  max_iterations=max_iterations)
    last = run.rows[-1].point
    distances = [math.dist(last, [float(sympy.N(c, 20)) for c in p.point]) for p in minima.points]
    if not distances:
        return DescentEnd(run, minima, None, math.inf)
    nearest = min(range(len(distances)), key=distances.__getitem__)
    reached = nearest if run.diverged_at is None and distances[nearest] <= within else None
    return DescentEnd(run, minima, reached, distances[nearest], jumps(run))


JUMP_SAMPLES = 24  # points along a step where f is looked at for a hill between its ends (a hill narrower
# than a 24th of the step is not seen: a sampling cost of a fraction of a second for 2000 steps)


def jumps(run: Descent) -> tuple[Jump, ...]:
    """The steps of `run` that cross a hill: the valley a descent ends in is the one its last such step lands
    in, which need not be the one it starts in (a step can be large enough to jump the hill between them)."""
    if run.function is None:
        return ()
    value = compile_expression(run.function, symbols(run.variables))

    def along(a: tuple[float, ...], b: tuple[float, ...], t: float) -> float:
        try:
            return float(value.approximate([p + t * (q - p) for p, q in zip(a, b)]))
        except (Undefined, OverflowError, ZeroDivisionError):
            return math.nan

    found = []
    for before, after in pairwise(run.rows):
        a, b = before.point, after.point
        ts = [i / JUMP_SAMPLES for i in range(JUMP_SAMPLES + 1)]
        fs = [before.value, *(along(a, b, t) for t in ts[1:-1]), after.value]
        if not all(math.isfinite(v) for v in fs):
            continue
        size = 1e-9 * max(1.0, *(abs(v) for v in fs))
        # f rose on the step and is still falling where it lands: a hill top lies between the last sample and the
        # end, maybe too near the end for the samples to see (x⁴ − 3x² + x from -1.78 at α = 0.18 lands at 0.178,
        # 0.008 past the top at 0.17 on a step of 1.96); samples ever nearer the end look for f above its value there
        rose = any(fs[i] - m > size for i, m in zip(range(1, len(fs)), accumulate(fs, min)))
        if rose and sum(g * (q - p) for g, p, q in zip(after.gradient, a, b)) < 0:
            for k in range(1, _NEAR_END):
                t = 1 - 2.0 ** -k / JUMP_SAMPLES
                if (v := along(a, b, t)) - after.value > size:
                    ts.insert(-1, t)
                    fs.insert(-1, v)
                    break
        tops = _tops(ts, fs, size)
        if tops:
            points = []
            for i in tops:
                t = _highest(functools.partial(along, a, b), ts[i - 1], ts[i + 1])
                # the search is good to about 1e-12 of the step: a top at 0 comes out as 4e-16, written 0
                span = 1e-12 * max(abs(c) for c in (*a, *b))
                points.append(tuple(0.0 if abs(p + t * (q - p)) < span else p + t * (q - p) for p, q in zip(a, b)))
            found.append(Jump(after.k, a, b, tuple(points)))
    return tuple(found)


_NEAR_END = 40  # samples at 1/48, 1/96, … of the step from its end: a top 2⁻⁴⁰ of a step from where it lands is missed


def _tops(ts: Sequence[float], fs: Sequence[float], size: float) -> list[int]:
    """The samples at the tops of the hills a step crosses, in order: where f has risen from a lower point
    before and falls to a lower one after, each by more than rounding; two tops with no dip between them
    lower than both are one hill (x⁶ − 8x⁴ + 16x² + x from 2.4 at α = 0.0325: a step over the hills at 1.18
    and -1.13, with the valley at -0.03 between them)."""
    lowest_before = list(accumulate(fs, min))
    lowest_after = list(accumulate(reversed(fs), min))[::-1]
    hills = [i for i in range(1, len(fs) - 1)
             if fs[i] - lowest_before[i - 1] > size and fs[i] - lowest_after[i + 1] > size
             and fs[i - 1] <= fs[i] >= fs[i + 1]]
    tops: list[int] = []
    for i in hills:
        if tops and min(fs[tops[-1]:i + 1]) > min(fs[tops[-1]], fs[i]) - size:  # no valley between: one hill
            if fs[i] > fs[tops[-1]]:
                tops[-1] = i
        else:
            tops.append(i)
    return tops


def _highest(g: Callable[[float], float], lo: float, hi: float) -> float:
    """Where g, rising then falling on [lo, hi], is highest (golden-section search)."""
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(60):
        m1, m2 = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if g(m1) < g(m2):
            lo = m1
        else:
            hi = m2
    return (lo + hi) / 2
