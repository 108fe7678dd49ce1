"""Critical points: solve ∇f = 0 exactly, classify by the Hessian, keep whole critical sets.

The equations are solved the way the lesson does it: factor each partial
derivative, take one factor from each (a product is zero when a factor is), and
solve each such case. A case may give points, nothing, or a whole set (the line
x = 0 when both partials have the factor x); points on such a set are not
isolated and belong to it.

Polynomial equations with rational coefficients in one or two variables are
solved completely and exactly (tutor.calculus.roots: real roots isolated, never
a float of a complex number); other equations go to sympy's solve, and the
result says when it may be incomplete.

Where the second-derivative test cannot decide (D = 0, and on every point of a
critical line), the function's values often can: f - f(P) is factored, and its
sign near P read off the factors (an even power never changes sign; an odd power
of a factor that crosses P does). On the sauna's walls f - 85 = -x²y²(x - 6)(y - 6)/90
is ≤ 0 near every point of x = 0 with y < 6, so each is a maximum. Where the factors can't
tell (x² + y³ is one factor, with a cusp at the origin), a line or parabola through P on which
f - f(P) changes sign shows a saddle point: on x = 0, x² + y³ is y³. Last, the lowest-degree terms of
f - f(P) decide where they are definite (x⁴ + x³y + y⁴, > 0 in every direction: a strict minimum) or take
both signs (a saddle), never where they are 0 along some line ((x² − y²)²).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise

import sympy
from sympy import Expr, Poly
from sympy.calculus.util import continuous_domain

from ..budget import OutOfTime, deadline, metered_cache
from ..parse import Equation
from ..show import Notation, current_notation, show, show_float
from .common import NoRealValue, SolveError, exact, function_of, real_powers, sign, symbols, variables_of
from .kinks import (
    Corner,
    Level,
    Spanned,
    Stretch,
    _inside,
    even_inside,
    holds,
    level_critical,
    signed,
    signed_pieces,
    spanned,
    with_abs,
)
from .leading import leading_order
from .level import Through, through
from .partials import (
    Slope,
    continuous_signs,
    definition_said,
    derivative,
    diff,
    differentiable_at,
    second_from_definition,
    slope_at,
    slope_where_formula_fails,
    value_at,
)
from .region import Region, interval_text, region_of
from .roots import (
    as_real,
    rational_between,
    rational_polynomial,
    real_roots,
    real_solutions,
    sort_exactly,
)

SOLVE_SECONDS = 10.0  # for each case; sympy can take very long on hard systems
# where solveset, periodicity or a period's check gives up, that way of solving is not taken (None)
_GAVE_UP = (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, SolveError,
            sympy.PolynomialError)


class Nature(StrEnum):
    """What a critical point is. The second-derivative test says minimum, maximum, saddle or
    inconclusive; the function's values can also say neither (an inflection in one variable, or a
    point of a critical line with larger and smaller values around it) or undecided."""

    MINIMUM = "minimum"
    MAXIMUM = "maximum"
    SADDLE = "saddle"
    INCONCLUSIVE = "inconclusive"
    NEITHER = "neither"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Classification:
    label: Nature  # minimum | maximum | saddle | inconclusive: the second-derivative test
    D: Expr  # the Hessian's determinant (f'' in one variable)
    fxx: Expr  # the first second derivative
    reason: str
    hessian: tuple[tuple[Expr, ...], ...] = ()
    minors: tuple[Expr, ...] = ()  # the leading principal minors; the last is D
    indefinite: str = ""  # beyond two variables, with D = 0: the principal minors that show both signs
    untested: str = ""  # why there is no test here (f″ has no value at the point), where there is none


@dataclass(frozen=True)
class ByValues:
    """What f's values near a point say, where the second-derivative test cannot."""

    nature: Nature
    reason: str
    # where undecided, what f's values still rule out: MINIMUM where f is lower on both sides of the point along
    # a line through it (2|x| - x² along y = 0 at (1, 0)), MAXIMUM where higher; the reason says which line
    rules_out: Nature | None = None
    one_way: str = ""  # where it rules one out, f - f(P) on that line: "2|x| - x² - 1 < 0 near it on the line y = 0"


@dataclass(frozen=True)
class CriticalPoint:
    point: tuple[Expr, ...]
    inside: bool | None  # None when there is no region
    classification: Classification  # the second-derivative test
    by_values: ByValues | None = None  # when that test is inconclusive
    # why f′ (∇f) has no value here, where it has none ("f′ is -∞ from the left and ∞ from the right"): hints and
    # feedback tell such a point by that, and by f's values near it, not by f′ = 0 or the second-derivative test
    no_slope: str = ""
    edge: bool = False  # an end of f's domain, where f′ is infinite from the side f has values on (√x at 0)

    @property
    def shape(self) -> str:
        """"a cusp" where f′ (a partial) is infinite on a side, "a corner" where its one-sided slopes are finite
        and differ; "" where f′ (∇f) has a value."""
        if not self.no_slope:
            return ""
        if self.edge:
            return "an end of the domain"
        return "a cusp" if "∞" in self.no_slope else "a corner"

    @property
    def nature(self) -> Nature:
        """The test's verdict, or where it cannot decide, the values' verdict."""
        if self.classification.label != Nature.INCONCLUSIVE or self.by_values is None:
            return self.classification.label
        return self.by_values.nature


def shapes(points: Sequence[CriticalPoint]) -> str:
    """What the points where f′ (∇f) has no value are, as a hint names them: "a cusp", "a corner", "a corner or
    cusp"; "" where there is none."""
    found = {p.shape for p in points} - {""}
    return "a corner or cusp" if len(found) > 1 else found.pop() if found else ""


@dataclass(frozen=True)
class Piece:
    """A stretch of a critical set on which every point is of one nature, like y < 6 on x = 0."""

    variable: str  # the coordinate that runs along the set (y on the line x = 0); "" for a whole curve
    along: sympy.Set | None  # the values it takes on this piece (an interval, or one point); None: all
    nature: Nature
    reason: str

    def show(self) -> str:
        return "all of it" if self.along is None else interval_text(self.along, self.variable)


@dataclass(frozen=True)
class CriticalSet:
    """A set of critical points that are not isolated, like the whole line x = 0."""

    equation: Equation
    inside: bool | None  # whether it reaches into the region
    description: str
    also: tuple[Equation, ...] = ()  # further equations, for sets that need several
    value: Expr | None = None  # f all along the set, when it is constant there
    where: str = ""  # the part inside the region, like 0 ≤ y ≤ 5
    kind: str = "set"  # line, plane, curve, surface
    pieces: tuple[Piece, ...] = ()  # the nature of its points, stretch by stretch, by f's values
    pieces_inside: tuple[Piece, ...] = ()  # the same, cut to the region (when there is one)
    beyond: str = ""  # why f is nowhere below (minima) or above (maxima) its value here, where that is shown
    # the points of the set where f has no value (the origin of x/y + y/x on x = y): not critical, not f's at all
    holes: tuple[tuple[Expr, ...], ...] = ()
    detail: str = ""  # the description without its first clause, for a list that names the set already
    # the part of a line where f has a value, like 0 < x on y = 0 of y² ln x, said where it is not all of the line
    defined: str = ""

    @property
    def equations(self) -> tuple[Equation, ...]:
        return (self.equation, *self.also)

    @property
    def except_holes(self) -> str:
        """', except (0, 0), where f has no value', said after its equations; '' for a set without holes."""
        if self.defined:
            return f" where {self.defined} (f has no value elsewhere on it)"
        return f", except {and_points(self.holes)}, where f has no value" if self.holes else ""

    @property
    def nature(self) -> Nature | None:
        """The one nature of all its points (in the region, if there is one), if they share one."""
        pieces = self.pieces_inside if self.inside is not None else self.pieces
        natures = {p.nature for p in pieces}
        return natures.pop() if len(natures) == 1 else None


@dataclass(frozen=True)
class Family:
    """Every solution of a periodic condition (sin x = 0): variable = first + k·step for every integer k,
    for each first (x = kπ; cos x = -1 gives x = π + 2kπ)."""

    variable: str
    firsts: tuple[Expr, ...]
    step: Expr


@dataclass(frozen=True)
class Window:
    """Where a variable in which ∇f repeats has its critical points listed: one period, 0 ≤ x < 2π, or the
    region's bounds on it (-4 ≤ x ≤ 4), where every one is listed and no period need be said."""

    variable: str
    span: sympy.Set
    period: Expr  # ∇f's least period in this variable
    bounded: bool  # the region's bounds, not one period

    def text(self) -> str:
        return interval_text(self.span, self.variable)


@dataclass(frozen=True)
class Case:
    """One factor of each partial set to zero, and what that gives."""

    conditions: tuple[Equation, ...]
    points: tuple[tuple[Expr, ...], ...] = ()
    set: CriticalSet | None = None
    solved: bool = True  # False when sympy could not solve this case
    families: tuple[Family, ...] = ()  # every solution of its periodic conditions, where its points are a window's
    every: bool = False  # its points are all its solutions (in the windows), shown so
    undefined: tuple[tuple[Expr, ...], ...] = ()  # its solutions where ∇f has no value (the cone's vertex)

@dataclass(frozen=True)
class Found:
    """Critical points and sets on one side of a region's boundary."""

    points: tuple[CriticalPoint, ...]
    sets: tuple[CriticalSet, ...]


@dataclass(frozen=True)
class Unsmooth:
    """A point where f has a value and a partial derivative's formula has none (the cone √(x² + y²) at its
    vertex), and whether it is critical: where f has a local minimum or maximum there (f ≥ f(P) nearby: either
    ∇f has no value there or it is 0), or where f's difference quotients give ∇f = 0 after all."""

    point: tuple[Expr, ...]
    values: ByValues  # what f's values near it say
    missing: tuple[str, ...]  # the variables whose partial has no value there, as far as found
    why: str  # why the first of them has none ("∂f/∂x is -1 from the left and 1 from the right"), or ""
    critical: bool | None  # None: not decided (f's values don't decide, and ∇f there is not known to be 0)


@dataclass(frozen=True)
class CriticalPoints:
    points: tuple[CriticalPoint, ...]
    sets: tuple[CriticalSet, ...]
    complete: bool
    note: str
    function: Expr = sympy.Integer(0)
    variables: tuple[str, ...] = ()
    gradient: tuple[Expr, ...] = ()
    factors: tuple[tuple[Expr, ...], ...] = ()  # the factors of each nonzero partial
    cases: tuple[Case, ...] = ()
    region: Region | None = None
    level: Level | None = None  # f of one variable solved piece by piece, with its flat stretches and corners
    split: Split | None = None  # f of one variable with absolute values, f′ = 0 solved on each side of its kinks
    lines: KinkLines | None = None  # f of two variables with |u|, u linear: solved off and along its kink lines
    windows: tuple[Window, ...] = ()  # the variables ∇f repeats in, and where their critical points are listed
    unsmooth: tuple[Unsmooth, ...] = ()  # f of two variables: the points where f has a value and ∇f's formula none
    # f = g(x) + h(y) solved as g's and h's critical points paired, where ∇f = 0 in two variables left some out
    parts: tuple[CriticalPoints, CriticalPoints] | None = None
    # asked for the minima only, f″ < 0 shown between the kinks, so f′ = 0 was not solved there: every local minimum
    # is listed (at a kink), some maxima are not (sin(x)^(2/3) + x/10's near 1.72)
    minima_only: bool = False
    # why the list is every critical point where that took more than polynomials (eˣ − 2 is 0 once at most)
    sure: tuple[str, ...] = ()

    @property
    def flat(self) -> tuple[Stretch, ...]:
        """The open stretches where f of one variable is constant (max(0, x) on x < 0): every point of one is a
        critical point, and a local minimum and maximum, as f is constant near it; none listed as numbers."""
        return self.level.stretches if self.level is not None else ()

    @property
    def inside(self) -> Found:
        """What lies in the region (everything, when there is none); a set that reaches into it counts."""
        return Found(tuple(p for p in self.points if p.inside is not False),
                     tuple(s for s in self.sets if s.inside is not False))

    @property
    def outside(self) -> Found:
        """What lies wholly outside the region."""
        return Found(tuple(p for p in self.points if p.inside is False),
                     tuple(s for s in self.sets if s.inside is False))


# ------------------------------------------------------------------ classification


def classify(f: str | Expr, variables: Sequence[str] | None, point: Sequence[Expr]) -> Classification:
    """The second-derivative test at a critical point (Sylvester's criterion beyond two variables)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    point = tuple(exact(p) for p in point)
    if len(point) != len(variables):
        raise SolveError(f"the point needs {len(variables)} coordinates")
    def named(a: str, b: str) -> str:  # f″ for f of one variable, as the lesson writes it
        return f"f_{a}{b}" if len(variables) > 1 else "f″"
    seconds = _second_derivatives(f, tuple(variables))
    jump = _jump_at(seconds, variables, point, named)
    if jump:
        return _no_test(jump)
    found = tuple(tuple(_second_at(f, variables, point, a, b, second, named(a, b)) for b, second in zip(variables, row))
                  for a, row in zip(variables, seconds))
    hessian = tuple(tuple(s.value for s in row) for row in found)
    definitions = tuple(f"{named(a, b)}{show(tuple(point))} = {show(s.value)}: {definition_said(s.definition, s.value)}"
                        for i, (a, row) in enumerate(zip(variables, found))
                        for j, (b, s) in enumerate(zip(variables, row))
                        if s.definition and (j >= i or s.value != found[j][i].value))  # f_yx: said where it is not f_xy
    minors = [sympy.Matrix(hessian)[:k, :k].det() if k > 1 else hessian[0][0]
              for k in range(1, len(variables) + 1)]
    minors = [_tidy(m) for m in minors]
    signs = [sign(m) for m in minors]
    D, fxx = minors[-1], hessian[0][0]
    label = _label(signs)
    indefinite = _indefinite(hessian, variables) if label == Nature.INCONCLUSIVE and None not in signs \
        and len(variables) > 2 else ""
    if indefinite:
        label = Nature.SADDLE
    reason = _reason(label, variables, D, fxx, minors, signs)
    if indefinite:
        reason = f"the Hessian's determinant is 0, but {indefinite}, so the Hessian is indefinite"
    if definitions:
        return _from_definitions(f, variables, point, Classification(label, D, fxx, reason, hessian, tuple(minors),
                                                                     indefinite), definitions)
    return Classification(label, D, fxx, reason, hessian, tuple(minors), indefinite)


_MOST_JUMPS = 4  # signs jumping at the point in one second partial, each side of each tried


def _jump_at(seconds: tuple[tuple[Expr, ...], ...], variables: Sequence[str], point: tuple[Expr, ...],
             named: Callable[[str, str], str]) -> str:
    """Why f is not twice differentiable at the point, where a second partial's formula holds sign(u) (from |u|,
    or an odd root's base) with u = 0 there and its value depends on u's side: sympy reads sign(0) as 0, so
    x² + y² − 3|xy| would have f_xy(0, 0) = 0 and D = 4, a minimum, where f(t, t) = −t² makes it a saddle.
    "" where every one has a value the sides agree on (|x|³'s f″ = 6|x| at 0)."""
    values = dict(zip(symbols(variables), point))
    for a, row in zip(variables, seconds):
        for b, second in zip(variables, row):
            jumping = sorted((s for s in second.atoms(sympy.sign) if s.args[0].xreplace(values) == 0
                              and not (s.args[0].is_nonnegative or s.args[0].is_nonpositive)),
                             key=sympy.default_sort_key)
            if not jumping or len(jumping) > _MOST_JUMPS:
                continue
            sides: dict[Expr, tuple[int, ...]] = {}  # each value a side gives, and the first signs that give it
            for choice in itertools.product((1, -1), repeat=len(jumping)):
                value = second.xreplace(dict(zip(jumping, map(sympy.Integer, choice)))).xreplace(values)
                value = _tidy(value)
                if not (value.is_number and value.is_finite):
                    return ""  # no value on a side to compare: its definition, or f's values, decide elsewhere
                sides.setdefault(value, choice)
            if len(sides) < 2:
                continue
            where = show(point) if len(point) > 1 else f"{variables[0]} = {show(point[0])}"
            if len(jumping) == 1:
                (u,) = (s.args[0] for s in jumping)
                side = {c[0]: v for v, c in sides.items()}
                said = f"{show(side[1])} where {show(u)} > 0 and {show(side[-1])} where {show(u)} < 0"
            else:
                signs = " and ".join(show(s.args[0]) for s in jumping)
                *some, last = (show(v) for v in sides)
                said = f"{', '.join(some)} or {last} by the signs of {signs}"
            return f"near {where}, {named(a, b)} is {said}: f is not twice differentiable there"
    return ""


def _second_at(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], a: str, b: str, second: Expr,
               what: str) -> Slope:
    """f_ab at the point: from its formula, or where that has no value there, from its definition."""
    try:
        return Slope(value_at(second, variables, point, what))
    except NoRealValue:
        return second_from_definition(f, derivative(f, a), variables, point, a, b, what)


def _from_definitions(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], test: Classification,
                      definitions: tuple[str, ...]) -> Classification:
    """The test where some second partials came from their definition at the point: it needs f twice
    differentiable there, which partials along the axes at one point don't show (√(x⁴ + y⁴) at the origin has
    f_xx = f_yy = 2 and f_xy = 0 from the definition), so its verdict stands only where f's values show the
    same; else the test does not apply, and f's values decide, as for an infinite second partial."""
    said = "; ".join(definitions)
    why = f"{said}; the second partials at the point come from their definition, which doesn't show f twice " \
        "differentiable there, as the test needs"
    if test.label in (Nature.MINIMUM, Nature.MAXIMUM, Nature.SADDLE):
        try:
            decided = by_values(real_powers(f), symbols(variables), point)
        except SolveError:
            decided = None
        if decided is not None and decided.nature == test.label:
            return replace(test, reason=f"{test.reason}, where {said}; f's values agree: {decided.reason}")
    return replace(_no_test(why), hessian=test.hessian, minors=test.minors)


@metered_cache(256)  # every critical point of f is classified with the same ones
def _second_derivatives(f: Expr, variables: tuple[str, ...]) -> tuple[tuple[Expr, ...], ...]:
    """The Hessian of f as expressions: each first derivative taken once."""
    return tuple(tuple(derivative(first, b, again=True) for b in variables)
                 for first in (derivative(f, a) for a in variables))


def _tidy(value: Expr) -> Expr:
    """Simplified, except a value with CRootOf in it, which simplify can't improve (only slowly)."""
    return value if value.has(sympy.CRootOf) else sympy.simplify(value)


def _label(maybe_signs: list[int | None]) -> Nature:
    signs = [s for s in maybe_signs if s is not None]
    if len(signs) < len(maybe_signs):  # a sign not known
        return Nature.INCONCLUSIVE
    if all(s > 0 for s in signs):
        return Nature.MINIMUM
    if all(s * (-1) ** (k + 1) > 0 for k, s in enumerate(signs)):
        return Nature.MAXIMUM
    if signs[-1] == 0:
        return Nature.INCONCLUSIVE
    return Nature.SADDLE if len(signs) > 1 else Nature.INCONCLUSIVE


def _indefinite(hessian: tuple[tuple[Expr, ...], ...], variables: Sequence[str]) -> str:
    """Why a singular Hessian is indefinite (so the point is a saddle), or "" when it is not or
    can't be told. The leading minors only test for a definite Hessian; a semidefinite one has
    every principal minor ≥ 0 (or of sign (-1)^k, of order k), so a minor against both patterns
    shows values of f above and below f(P) along some directions: x² - y² + z⁴ at the origin."""
    matrix = sympy.Matrix(hessian)
    below = above = None  # a minor that no positive (negative) semidefinite matrix has
    for k in range(1, len(variables) + 1):
        for rows in itertools.combinations(range(len(variables)), k):
            minor = _tidy(matrix.extract(list(rows), list(rows)).det())
            s = sign(minor)
            if s is None:
                return ""
            names = [variables[r] for r in rows]
            text = f"f_{names[0]}{names[0]} = {show(minor)}" if k == 1 else \
                f"the principal minor in {', '.join(names)} is {show(minor)}"
            if s < 0 and k % 2 == 0:
                return f"{text} < 0"  # neither semidefinite pattern allows it
            if s < 0 and below is None:
                below = f"{text} < 0"
            if s > 0 and k % 2 and above is None:
                above = f"{text} > 0"
    return f"{below} and {above}" if below and above else ""


def _compare(s: int) -> str:
    return {1: "> 0", -1: "< 0", 0: "= 0"}[s]


def _reason(label: str, variables: Sequence[str], D: Expr, fxx: Expr, minors: list, signs: list) -> str:
    if None in signs:
        return "the sign of the second derivatives can't be decided exactly"
    a = variables[0]
    if len(variables) == 1:
        text = f"f″ = {show(D)} {_compare(signs[0])}"
        return text + ("" if label != "inconclusive" else ", so the second-derivative test cannot decide")
    if len(variables) == 2:
        text = f"D = {show(D)} {_compare(signs[-1])}"
        if label in ("minimum", "maximum"):
            text += f" and f_{a}{a} = {show(fxx)} {_compare(signs[0])}"
        if label == "inconclusive":
            text += ", so the second-derivative test cannot decide"
        return text
    listed = ", ".join(show(m) for m in minors)
    return {
        "minimum": f"the leading principal minors {listed} are all positive",
        "maximum": f"the leading principal minors {listed} alternate in sign, starting negative",
        "saddle": f"the leading principal minors {listed} are neither all positive nor alternating",
        "inconclusive": f"the Hessian's determinant is 0 (minors {listed}), so the test cannot decide",
    }[label]


# ------------------------------------------------------------------- solving ∇f = 0


def critical_points(f: str | Expr, variables: Sequence[str] | None = None,
                    region: str | Region | None = None, *, window: Region | None = None,
                    piece: bool = False, minima: bool = False) -> CriticalPoints:
    """`window`: a region whose bounds only set where a periodic ∇f's critical points are listed, as
    `region`'s do, with nothing marked or cut by it: local minima split by the region themselves.
    `piece`: f is a piece of a function where each odd root's base has one sign (x^(2/3) of |x|^(2/3) where
    x > 0), solved as written; any other f is solved with real roots (`real_powers`).
    `minima`: only the local minima are wanted; where f′ repeats and f″ < 0 between f's kinks (`concave_between`),
    f′ = 0 is then not solved, any zero of it there being a maximum, and only the kinks of one period are decided
    (the result says f′ = 0 went unsolved, as `_endless_kinks`'s does)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    if not variables:
        raise SolveError("f has no variables, so it has no critical points")
    if isinstance(region, str):
        region = region_of(region, variables)
    return _critical_points(f, variables, region, window, piece, minima, current_notation())


# A pack asks for the critical points, the local minima and the least value of one f, and each solves ∇f = 0;
# the notation is in the key because the reasons and notes hold numbers written in it (D = 1/2, or D = 0.5)
@metered_cache(64)
def _critical_points(f: Expr, variables: tuple[str, ...], region: Region | None, window: Region | None,
                     piece: bool, minima: bool, notation: Notation) -> CriticalPoints:
    written = f
    # solved as answers and values read it, x^(2/3) as |x|^(2/3): sympy's has no value for x < 0
    f = f if piece else real_powers(f)
    if len(variables) == 1:
        f = even_inside(f)  # cos|x| is cos x, smooth at 0: the test decides there
    syms = symbols(variables)
    gradient = tuple(derivative(f, v) for v in variables)
    equations = [g for g in gradient if g != 0]
    if not equations:
        everything = CriticalSet(Equation(sympy.Integer(0), sympy.Integer(0)), True if region else None,
                                 "f is constant, so every point is critical", value=f, kind="space")
        return CriticalPoints((), (everything,), True, "", f, variables, gradient, (), (), region)

    numerators = [_numerator(g) for g in equations]
    factors = tuple(_factors(n, syms) for n in numerators)
    # the factors, not the numerators: e^(-x²) is never 0, and what is left may be polynomials
    exactly = len(syms) <= 2 and all(rational_polynomial(p, syms) is not None for fs in factors for p in fs)
    # a partial with no factor that can be 0 (eˣ, or 1) settles it: no point is critical, for sure
    # eˣ − 2 is 0 at one x at most, solved by sympy as a polynomial is: every solution found
    monotone = {p: one_zero_at_most(p, syms) for fs in factors for p in fs if not p.is_polynomial(*syms)}
    complete = all(monotone.values()) or not all(factors)
    # e^(-x² - y²) of x e^(-x² - y²)'s partials: set aside as never 0, which is why the rest is every condition
    never = [m for n in numerators for m in sympy.Mul.make_args(sympy.powsimp(n))
             if m.free_symbols & set(syms) and not m.is_polynomial(*syms) and constant_sign(m, syms) is not None]
    sure = (*(f"{show(m)} is {'positive' if constant_sign(m, syms) == 1 else 'negative'} everywhere, so never 0"
              for m in dict.fromkeys(never)),
            *(why for why in monotone.values() if why)) if complete and all(factors) else ()
    note = "" if complete else ("the equations are not polynomial, so the solutions found "
                                "may not be all the critical points")
    # sin(x)^(2/3) + x/10: sympy's solve of f′ = 0, and solveset's on each side of its kinks, search until their
    # deadlines, for zeros that can only be maxima
    concave = _concave_kinks(with_abs(f), syms[0], region or window) if minima and len(syms) == 1 and not complete \
        else None
    if minima and concave is None:  # every critical point wanted after all: found once, for those asking for all
        return _critical_points(written, variables, region, window, piece, False, notation)
    # e⁻ˣ(cos x − sin x) does not repeat, and its factor cos x − sin x, the one that can be 0, does
    windows = () if complete or exactly or concave else \
        _windows([sympy.Mul(*fs) for fs in factors if fs], syms, region or window)
    cases, every = [], bool(windows)
    for combination in () if concave else itertools.product(*factors):
        case = _solve_case(combination, syms, f, gradient, region, exactly, windows)
        every = every and (case.every if case is not None else _contradictory(tuple(dict.fromkeys(combination))))
        if case is not None and (case.points or case.set is not None or not case.solved or case.undefined):
            cases.append(case)
            if not case.solved:
                complete = False
                equation = "f′ = 0" if len(syms) == 1 else "∇f = 0"
                note = (f"the tutor could not solve every case of {equation} exactly, so some critical points may "
                        "be missing")
    if every:  # each case's solutions are families, listed whole in one period or the region's window
        complete, note = True, repeats_note(windows, len(syms),
                                            zeros=_windows(equations, syms, region or window) != windows)
    if len(syms) == 1 and not concave and any(not c.solved for c in cases) \
            and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # x cos x + sin x = 0, which sympy can't solve: f′'s sign changes on a grid hold critical points for sure,
        # x = 0 exactly (as minimize finds it), the others near numbers; still not every one
        bounds = region or window
        looked = bounds.span(syms[0].name) if bounds is not None else sympy.S.Reals
        near = []
        for i, case in enumerate(cases):
            if not case.solved:  # its one condition, factor = 0, where the factor changes sign
                factor = case.conditions[0].lhs - case.conditions[0].rhs
                exact_zeros, numeric = sign_changes(factor, syms[0], looked)
                cases[i] = replace(case, points=tuple((z,) for z in exact_zeros if _defined((z,), syms, f, gradient)))
                near += [z for z in numeric if z not in near]
        if near:
            within = interval_text(sympy.Interval(max(looked.inf, -NUMERIC_SPAN), min(looked.sup, NUMERIC_SPAN)),
                                   syms[0].name)
            places = " and ".join(f"{syms[0].name} ≈ {show_float(z)}" for z in sorted(near))
            note += (f"; f′ changes sign near {places}, so there are critical points there too (looked for "
                     f"numerically with {within})")
    sets = _largest(_unique(c.set for c in cases if c.set is not None))
    on_sets = [p for c in cases for p in c.points if any(lies_on(p, s.equations, syms) for s in sets)]
    isolated = _unique(p for c in cases for p in c.points if p not in on_sets)
    # where sympy left f′ = 0 unsolved, or may have missed solutions, the pieces settle it all (|x − 1| + x²)
    level = _level(f, syms[0], not complete) if len(syms) == 1 and not sets else None
    if level is not None:  # every solution of f′ = 0, exactly: sympy's may miss some, or find a corner as smooth
        isolated, complete, note = [(z,) for z in level.zeros], True, ""
    kinked = len(syms) == 1 and level is None and not complete and f.has(sympy.Abs, sympy.Max, sympy.Min)
    # max(sin x, 0) + x/10 as (sin x + |sin x|)/2 + x/10: its period, kinks and one-sided slopes found as for |sin x|
    cornered = with_abs(f) if kinked else f
    split = (concave or _split_at_kinks(cornered, syms[0], region or window)) if kinked else None
    if split is None and kinked:  # |sin x| + x²: f′ = 0 unsolved between its kinks, the kinks looked at alone
        split = _endless_kinks(cornered, syms[0], region or window)
    kinks: list[CriticalPoint] = []
    if split is not None:  # sin|x|: f′ = 0 solved on each side of its kink at 0, and the kink decided apart
        solved = [(z,) for z in split.zeros if _defined((z,), syms, f, gradient)]
        # with f′ = 0 unsolved between the kinks, what sympy did solve stands, off the kinks
        isolated = solved if split.unsolved is None else \
            [p for p in isolated if p[0] not in split.kinks and split.unsolved.contains(p[0]) == sympy.true]
        kinks = [k for k in (_kink(cornered, syms[0], c, region) for c in split.kinks) if k is not None]
        isolated += [k.point for k in kinks if k.classification.label != Nature.INCONCLUSIVE
                     or not k.classification.untested]  # a kink where f′ → 0 from both sides: f′ = 0 there
        kinks = [k for k in kinks if k.point not in isolated]
        complete, note = split.window is None and split.unsolved is None, ""
        if split.repeats is not None:  # |sin x|: its kinks recur with f, so those of one period are every one, in turn
            windows = (split.repeats,)
            note = repeats_note(windows, 1)
        elif split.window is not None:
            x = syms[0].name
            # a periodic f with a corner has one a period on: with finitely many, f does not repeat
            corners = " and ".join(f"{x} = {show(k.point[0])}" for k in kinks)
            only = "corners are" if len(kinks) > 1 else "corner is"
            shape = f", and f does not repeat with a period (its only {only} at {corners})" if kinks else ""
            note = (f"f′ = 0 has infinitely many solutions, going on without end{shape}: those listed are only the "
                    f"ones with {interval_text(split.window, x)}")
        if split.unsolved is not None:  # kinks without end, f′ = 0 between them not solved: the list may be short
            looked = interval_text(split.unsolved, syms[0].name)
            within = note or f"f has kinks without end, and only those with {looked} were looked at"
            note = ("the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; "
                    f"{within}")
            if split is concave:  # the minima asked for: what is missing can't be one (`minima_only` says so)
                note = repeats_note(windows, 1, "kinks")
    lines = _on_kink_lines(f, syms, variables, region) if len(syms) == 2 and not complete and not sets \
        and f.has(sympy.Abs) else None
    if lines is not None:  # |x + y|: every point of the kink line x = -y critical, a whole line kept as a set
        sets = list(lines.level)
    if lines is not None and lines.whole:  # |x| + y²: ∇f = 0 off the kink line x = 0, and f along it, each solved
        isolated, complete, note = list(lines.points), True, ""  # exactly
    elif lines is not None:  # a piece critical along a whole line: the kinks' points found, the list still short
        # (|x + y| + |x - y| - x²: the corner (0, 0) added to sympy's (1, 0)); on a kink line only the lines' own
        kept = (*(k.line for k in lines.lines), *(s.equation for s in sets))
        isolated = _unique([*(p for p in isolated if not any(lies_on(p, (k,), syms) for k in kept)), *lines.points])
    points = []
    for p in sort_exactly(isolated):
        if lines is not None and any(lies_on(p, (k.line,), syms) for k in lines.lines):
            points.append(_on_kink(f, syms, p, region, lines.lines))
            continue
        test = tested(f, variables, p)
        decided = by_values(f, syms, p) if test.label == Nature.INCONCLUSIVE else None
        points.append(CriticalPoint(p, region.contains(p) if region else None, test, decided))
    if kinks:
        points = sort_exactly([*points, *kinks], key=lambda p: p.point)
    if level is not None:
        points += [_corner(f, syms[0], c, region) for c in level.corners]
        # a corner where f′ changes sign (|x| at 0) is an extremum, as the split at kinks finds it for sin|x|
        flat = {c.point for c in level.corners}
        points += [k for k in (_kink(f, syms[0], at, region) for at in level.kinks if at not in flat)
                   if k is not None and k.classification.untested]
        points.sort(key=lambda p: sympy.N(p.point[0]))
    if len(syms) == 1 and level is None and split is None and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # √x at 0: f′ is ∞ there from the one side f has values on, so has none, and f is least there
        points = sort_exactly([*points, *(e for e in domain_ends(f, syms[0], region)
                                          if all(e.point != p.point for p in points))], key=lambda p: p.point)
    if len(syms) == 2 and lines is None and not complete and not sets and \
            (f.has(sympy.Max, sympy.Min) or any(a.args[0].has(sympy.Abs) for a in f.atoms(sympy.Abs))):
        # 2max(|x|, |y|) - x²: sympy solves ∇f = 0 in no case, and its corner (0, 0) is no kink line's
        points = sort_exactly([*points, *(c for c in _kink_corners(f, syms, region)
                                          if all(c.point != p.point for p in points))], key=lambda p: p.point)
    # a piece (√x + y² of √|x| + y², where x > 0) is f only on its side of such lines: they are its whole's
    unsmooth, curves = _unsmooth(f, syms, gradient, sets, lines, factors, not piece) if len(syms) == 2 \
        else ((), ())
    voids = tuple(c for c in curves if _nowhere_on(f, c, syms))
    if voids:  # x + y + 1/(xy) on the axes: ∇f's formula fails there as f's does, at no point of f
        curves = tuple(c for c in curves if c not in voids)
        where = " and ".join(f"{show(c, variables)} = 0" for c in voids)
        sure += (f"∇f has no value where {where}, but f has none there either, so no point there is critical",)
    # a partial with a value everywhere and never 0 (1 of x^(1/3) + y) leaves no point critical, cusps or not;
    # critical sets ((xy)^(2/5): the axes) are those curves' points, looked at
    if curves and not sets and not any(not fs and g != 0 and not d.free_symbols
                          for fs, g, (_, d, _) in zip(factors, equations,
                                                      _domain(f, tuple(equations), tuple(syms))[1:])):
        complete = False
        seen = [u.point for u in unsmooth]
        where = " and ".join(f"{show(c, variables)} = 0" for c in curves)
        only = (f"only {' and '.join(show(p) for p in seen)} there {'was' if len(seen) == 1 else 'were'} "
                "looked at") if seen else "those points were not looked at"
        note = f"∇f has no value where {where}, and {only}" + (f"; {note}" if note else
                                                                  ", so some critical points may be missing")
    if unsmooth:  # the cone's vertex: f least there, where ∇f has no value
        points = sort_exactly([*points, *(_no_gradient_point(f, variables, u, region) for u in unsmooth
                                          if u.critical)],
                              key=lambda p: p.point)
        undecided = [u for u in unsmooth if u.critical is None]
        if undecided:
            complete = False
            at = " and ".join(show(u.point) for u in undecided)
            note = (f"∇f has no value at {at}, and the tutor could not decide whether f has a local minimum or "
                    f"maximum there, so it may be a critical point too") + (f"; {note}" if note else "")
    unsure = any(p.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED) for p in points)
    parts = separated(written, syms) if len(syms) == 2 and not piece and not sets and (not complete or unsure) \
        else None
    if written != f and written != real_powers(written):
        # shown as written: x^(2/3)'s f′ = 2/(3x^(1/3)) holds for x < 0 too, read with real roots
        f, gradient = written, tuple(derivative(written, v) for v in variables)
    found = CriticalPoints(tuple(points), tuple(sets), complete, note, f, variables, gradient, factors,
                           tuple(cases), region, level, split, lines, windows, unsmooth,
                           minima_only=concave is not None and split is concave, sure=sure if complete else ())
    paired = _paired(found, parts, region) if parts is not None else None
    return found if paired is None else paired


def _paired(found: CriticalPoints, parts: tuple[Expr, Expr], region: Region | None) -> CriticalPoints | None:
    """f = g(x) + h(y), where ∇f = 0 solved in two variables leaves points missing or undecided (x^(2/3) − x + y²:
    the cusp at x = 0): ∂f/∂x is g′ and ∂f/∂y is h′, so f's critical points are the pairs of g's and h's, each
    solved in one variable, where cusps and corners are found; each pair classified by the test where it applies,
    else by g's and h's values. A pair where ∇f has no value is critical only where f is least or greatest there
    (|x| − y² at (0, 0) is not). None where g's or h's critical points are not all found, or not only points."""
    syms = symbols(found.variables)
    alone = []
    for part, v in zip(parts, found.variables):
        one = critical_points(part, [v])
        if one.sets or one.flat:
            return None
        alone.append(one)
    f = real_powers(found.function)
    points, unsure = [], []
    for a, b in itertools.product(alone[0].points, alone[1].points):
        point = (a.point[0], b.point[0])
        both = [c.classification for c in (a, b) if c.classification.label != Nature.INCONCLUSIVE]
        missing = [] if len(both) == 2 else \
            [v for v in found.variables if not _has_slope(f, found.variables, point, v)]
        if len(both) == 2:  # f″ of each at its point, g″(a) and h″(b), are the Hessian's diagonal
            test = _diagonal(both[0].D, both[1].D, found.variables)
        elif missing:
            test = _no_test(f"{' and '.join(f'∂f/∂{v}' for v in missing)} {'has' if len(missing) == 1 else 'have'} "
                            "no value there")
        else:
            test = tested(f, found.variables, point)
        decided = by_values(f, syms, point) if test.label == Nature.INCONCLUSIVE else None
        why = (slope_where_formula_fails(f, found.variables, point, missing[0])[1]
               or f"∂f/∂{missing[0]} has no value there") if missing else ""
        critical = CriticalPoint(point, region.contains(point) if region else None, test, decided, why)
        if missing and critical.nature == Nature.UNDECIDED:
            unsure.append(point)
        elif not missing or critical.nature in (Nature.MINIMUM, Nature.MAXIMUM):
            points.append(critical)
    notes = []
    if unsure:
        at = " and ".join(show(p) for p in unsure)
        notes.append(f"∇f has no value at {at}, and the tutor could not decide whether f has a local minimum or "
                     "maximum there, so it may be a critical point too")
    # a part's own critical points, where they repeat (|sin x|) or may be missing (|sin x| + x²), are f's in turn
    windows = tuple(w for one in alone for w in one.windows)
    complete = not unsure and all(one.complete for one in alone)
    if not all(one.complete for one in alone):
        notes.append("the tutor could not solve every case of ∇f = 0 exactly, so some critical points may be missing")
        notes += [f"the kinks in {one.variables[0]}, without end, were looked at only where "
                  f"{interval_text(one.split.unsolved, one.variables[0])}" for one in alone
                  if one.split is not None and one.split.unsolved is not None and not one.windows]
    if windows:
        notes.append(repeats_note(windows, 2))
    return replace(found, points=tuple(sort_exactly(points, key=lambda p: p.point)), complete=complete,
                   note="; ".join(n for n in notes if n), sets=(), cases=(), level=None, split=None, lines=None,
                   windows=windows, unsmooth=(), parts=(alone[0], alone[1]))


def _diagonal(gxx: Expr, hyy: Expr, variables: Sequence[str]) -> Classification:
    """The second-derivative test for g(x) + h(y), whose Hessian is diagonal: D = g″·h″, each known with its
    sign in one variable, so nothing in two variables is simplified again (roots of a quartic take minutes)."""
    D = gxx * hyy
    first, second = sign(gxx), sign(hyy)
    signs = [first, None if first is None or second is None else first * second]
    label = _label(signs)
    hessian = ((gxx, sympy.Integer(0)), (sympy.Integer(0), hyy))
    return Classification(label, D, gxx, _reason(label, variables, D, gxx, [gxx, D], signs), hessian, (gxx, D))


def _has_slope(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], v: str) -> bool:
    """Whether ∂f/∂v has a value at the point: not at a corner (|x| at 0) or a cusp (x^(2/3) at 0)."""
    try:
        differentiable_at(f, variables, point, v)
        slope_at(f, variables, point, v)
    except SolveError:
        return False
    return True


def _unsmooth(f: Expr, syms: Sequence[sympy.Symbol], gradient: Sequence[Expr], sets: Sequence[CriticalSet],
              lines: KinkLines | None, factors: Sequence[Sequence[Expr]], crossed: bool
              ) -> tuple[tuple[Unsmooth, ...], tuple[Expr, ...]]:
    """The points where f has a value and the formula of a partial derivative has none, where they are a few
    found exactly: the real zeros of the partials' denominators (√(x² + y²) at (0, 0)), each polynomial with
    rational coefficients (or its absolute value) and zero at finitely many real points. Where a denominator is
    zero along whole lines ((xy)^(1/3)'s |xy|^(2/3), on the axes), only the points where they cross each other
    or a line where a partial's numerator is 0 are looked at (a partial there from the definition): those
    curves come back too, their other points not looked at, and where a denominator is no such polynomial,
    nothing is looked at; nor where not `crossed`. Points on a critical set or a kink line are left to them."""
    candidates: list[tuple[Expr, ...]] = []
    curves: list[Expr] = []
    for _, denominator, polynomial in _domain(f, tuple(gradient), tuple(syms))[1:]:
        if polynomial:
            continue
        for factor in sympy.Mul.make_args(denominator):
            base, power = factor.as_base_exp()
            if not base.free_symbols & set(syms) or not power.is_positive:
                continue
            inside = base.args[0] if isinstance(base, sympy.Abs) else base  # |u| is 0 where u is
            zeros = _isolated_zeros(inside, syms)
            if zeros is None:
                if lines is not None or not crossed:
                    return (), ()  # its kink lines' own points are found apart
                if rational_polynomial(inside, syms) is None:
                    return (), (inside,)
                curves += [inside] if inside not in curves else []
                continue
            candidates += [p for p in zeros if p not in candidates]
    candidates += [p for p in _crossings(curves, syms, factors) if p not in candidates]
    found = []
    for point in sort_exactly(candidates):
        if any(lies_on(point, s.equations, syms) for s in sets) or \
                (lines is not None and any(lies_on(point, (k.line,), syms) for k in lines.lines)):
            continue
        value = f.xreplace(dict(zip(syms, point)))
        if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or sign(value) is None:
            continue  # f has no value there either: no point of f
        found.append(_decide_unsmooth(f, syms, gradient, point))
    return tuple(found), tuple(curves)


def _nowhere_on(f: Expr, curve: Expr, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether f has no value at any point of curve = 0, each factor of it dividing f's denominator (x + y + 1/(xy)
    on y = 0): no point there is f's, so none is critical."""
    try:
        with deadline(SOLVE_SECONDS):
            below = sympy.fraction(sympy.cancel(sympy.together(f)))[1]
            poly, lines = rational_polynomial(below, syms), rational_polynomial(curve, syms)
            return poly is not None and lines is not None and \
                all(poly.rem(p) == 0 for p, _ in lines.factor_list()[1])
    except _GAVE_UP:
        return False


def _crossings(curves: Sequence[Expr], syms: Sequence[sympy.Symbol], factors: Sequence[Sequence[Expr]]
               ) -> list[tuple[Expr, ...]]:
    """Where the lines making up the curves (xy = 0: the axes) cross each other, or cross a line where a factor
    of a partial's numerator is 0 (x^(1/3)·y's x = 0 and y = 0): finitely many points, each decided apart.
    Each curve is a polynomial with rational coefficients."""
    own: list[Expr] = []
    for curve in curves:
        poly = rational_polynomial(curve, syms)
        if poly is None:
            continue
        own += [p.as_expr() for p, _ in poly.factor_list()[1] if p.total_degree() == 1 and p.as_expr() not in own]
    others = [p for fs in factors for p in fs
              if p.is_polynomial(*syms) and sympy.Poly(p, *syms).total_degree() == 1 and p not in own]
    return _crossing_points([(a, b) for i, a in enumerate(own) for b in [*own[i + 1:], *others]], syms)


def _crossing_points(pairs: Sequence[tuple[Expr, Expr]], syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]]:
    """Where each two lines a = 0 and b = 0 cross (parallel ones never do), each point once."""
    points: list[tuple[Expr, ...]] = []
    for a, b in pairs:
        points += [p for p in _linear_zeros((a, b), tuple(syms)) if p not in points]
    return points


def _isolated_zeros(base: Expr, syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]] | None:
    """The real zeros of a polynomial with rational coefficients in x and y, where they are finitely many
    (x² + y²: only (0, 0)); None where it is no such polynomial or is zero along a curve."""
    poly = rational_polynomial(base, syms)
    if poly is None:
        return None
    x, y = syms
    zeros: list[tuple[Expr, ...]] = []
    try:
        with deadline(SOLVE_SECONDS):
            for factor, _ in poly.factor_list()[1]:
                expr = factor.as_expr()
                if _has_real_curve(expr, x, y):
                    return None
                found, whole = _solve_exactly((expr,), syms)
                if whole:
                    return None
                zeros += [p for p in found if p not in zeros]
    except _GAVE_UP:
        return None
    return zeros


def _decide_unsmooth(f: Expr, syms: Sequence[sympy.Symbol], gradient: Sequence[Expr], point: tuple[Expr, ...]
                     ) -> Unsmooth:
    """Whether a point where ∇f's formula has no value is critical: where f's values show a local minimum or
    maximum (then ∇f has no value there, or is 0), or where f's difference quotients give every partial as 0;
    not where one gives a partial other than 0, or shows it has none at a point that is no extremum."""
    names = [s.name for s in syms]
    values = by_values(f, syms, point)
    slopes: list[Expr | None] = []
    missing, why = [], ""
    for v, g in zip(names, gradient):
        try:
            slopes.append(value_at(g, names, point, f"∂f/∂{v}"))
            continue
        except NoRealValue:
            pass
        slope, said = slope_where_formula_fails(f, names, point, v)
        slopes.append(slope)
        if slope is None:
            missing.append(v)
            why = why or said
    critical: bool | None
    if values.nature in (Nature.MINIMUM, Nature.MAXIMUM):
        critical = True
    elif any(s is not None and sign(s) != 0 for s in slopes):
        critical = False  # a slope other than 0: ∇f ≠ 0 there, or has no value, at a point no extremum
    elif all(s is not None for s in slopes):
        critical = True  # every slope 0: ∇f = 0 there, though its formula has no value
    else:
        critical = False if why and values.nature in (Nature.SADDLE, Nature.NEITHER) else None
    return Unsmooth(point, values, tuple(missing), why, critical)


def _no_gradient_point(f: Expr, variables: Sequence[str], unsmooth: Unsmooth, region: Region | None
                       ) -> CriticalPoint:
    """A critical point where ∇f's formula has no value: where a partial has none, no second-derivative test
    there, f's values decide; where f's slopes give ∇f = 0 after all, the test where it applies."""
    point = unsmooth.point
    names = [f"∂f/∂{v}" for v in unsmooth.missing]
    if names:
        test = _no_test(f"{' and '.join(names)} {'has' if len(names) == 1 else 'have'} no value there")
    else:
        test = tested(f, variables, point)
    decided = unsmooth.values if test.label == Nature.INCONCLUSIVE else None
    why = (unsmooth.why or f"{names[0]} has no value there") if names else ""
    return CriticalPoint(point, region.contains(point) if region else None, test, decided, why)


@dataclass(frozen=True)
class KinkLine:
    """A line where an absolute value's inside is 0 (x = 0 for |x|), and f along it, of one variable."""

    line: Equation
    along: Expr  # f on the line, in the variable that runs along it
    points: tuple[tuple[Expr, ...], ...]  # where f along the line has a critical point
    # f constant along the line (`along` its value): True where its points are critical, a set of them kept as
    # KinkLines.level; False where f's pieces slope the same way across it, so that none is; None: f not constant
    level: bool | None = None


@dataclass(frozen=True)
class Hull:
    """A point on kink lines where f along a line has a critical point, and the gradients of the smooth pieces
    of f that meet there: it is critical where 0 lies among them (in their convex hull), as a corner of one
    variable is where f′ changes sign, 0 between its slopes on either side (|x| + y² at (0, 0): (-1, 0) and
    (1, 0)); |x| + 2x + y² at (0, 0), (1, 0) and (3, 0), is not."""

    point: tuple[Expr, ...]
    gradients: tuple[tuple[Expr, ...], ...]  # one for each piece meeting there, around the point; () where a
    # piece's slope is infinite there (√|x| + y²): then, as for a cusp of one variable, f's values decide
    critical: bool
    values: ByValues | None = None  # where the gradients are (): f a local minimum or maximum there, or not


@dataclass(frozen=True)
class KinkLines:
    """f of two variables whose absolute values each hold a linear u: off the lines u = 0 f is smooth, and
    ∇f = 0 is solved there; on a line a partial derivative has no value, and f along it is solved instead,
    each point found kept where 0 lies among the gradients of the pieces of f that meet there."""

    lines: tuple[KinkLine, ...]
    off: tuple[tuple[Expr, ...], ...]  # where ∇f = 0 off the lines
    points: tuple[tuple[Expr, ...], ...]  # both, with no point twice (on the lines, the critical ones)
    hulls: tuple[Hull, ...] = ()  # each point where f along a line is critical, with its pieces' gradients
    # False where a piece has whole curves of critical points (2x - x² of |x + y| + |x - y| - x², critical all
    # along x = 1): those are not listed, so `off` holds only the isolated ones, and the list may be short
    whole: bool = True
    # the kink lines along which f is constant and every point is critical, f's pieces on either side rising
    # (or falling) away from it: the whole line x = -y of |x + y|, each of its points a minimum
    level: tuple[CriticalSet, ...] = ()


_MOST_LINES = 3  # absolute values in f: each sign of each solved apart


def _on_kink_lines(f: Expr, syms: Sequence[sympy.Symbol], variables: Sequence[str],
                   region: Region | None = None) -> KinkLines | None:
    """∇f = 0 on each side of f's kink lines, where each |u| is u or -u, and the critical points of f along
    each line (so a corner where another line crosses it too: |x| + |y| at (0, 0)), each kept where 0 lies among
    the gradients of the pieces meeting there (`Hull`). None where an inside is not linear with rational
    coefficients, there are more than _MOST_LINES, or a part is not solved exactly and completely as points (f
    constant along a line with f's pieces rising on one side and falling on the other, whose points are not all
    critical), or a piece's gradient at such a point has no value (√|x| + y²: the pieces' slopes are infinite
    there). A line along which f is constant, its pieces rising (or falling) away from it, is a whole line of
    critical points (`_level_kink`): kept as a set, and the points found along other lines that lie on it are
    its own."""
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.default_sort_key)
    if not absolutes or len(absolutes) > _MOST_LINES or f.has(sympy.Max, sympy.Min):
        return None
    insides = [rational_polynomial(a.args[0], syms) for a in absolutes]
    if any(u is None or u.total_degree() != 1 for u in insides):
        return None
    x, y = syms
    off: list[tuple[Expr, ...]] = []
    whole = True
    for signs, smooth in signed_pieces(f, absolutes):
        found = critical_points(smooth, variables, piece=True) if smooth.free_symbols else None
        if found is None or not found.complete:
            return None
        whole = whole and not found.sets
        off += [p.point for p in found.points if holds(absolutes, signs, dict(zip(syms, p.point)))]
        # 2x - x² (|x + y| + |x - y| - x² where x > |y|) is critical all along x = 1, but f is that piece only
        # for -1 < y < 1: the segment's midpoint stands for it, one on each piece (x = -1 too, for -2x - x²)
        off += [m for c in found.sets if (m := _segment_middle(c, absolutes, signs, syms)) is not None]
    lines: list[KinkLine] = []
    level: list[CriticalSet] = []
    for a in absolutes:
        line = as_equation(a.args[0], syms)
        if any(_same_line(k.line, line, syms) for k in lines):  # |x - y| and |2y - 2x|: one line
            continue
        runs = y if line.lhs == x else x
        along = f.xreplace({line.lhs: line.rhs})
        if not along.has(runs):  # f constant along the line: a whole line of critical points, or not all critical
            value = sympy.simplify(along)
            held = _level_kink(f, syms, absolutes, line, value, region)
            if held is None:
                return None
            level += held
            lines.append(KinkLine(line, value, (), bool(held)))
            continue
        found = critical_points(along, [runs.name])
        if not found.complete or found.sets or (found.level is not None and found.level.stretches):
            return None
        points = tuple((p.point[0], line.rhs.xreplace({runs: p.point[0]})) if runs == x else
                       (line.rhs.xreplace({runs: p.point[0]}), p.point[0]) for p in found.points)
        lines.append(KinkLine(line, along, points))
    def on_level(point: tuple[Expr, ...]) -> bool:
        return any(lies_on(point, (s.equation,), syms) for s in level)

    hulls = []
    for point in sort_exactly(_unique(p for k in lines for p in k.points if not on_level(p))):
        hull = _hull(f, syms, absolutes, point)
        if hull is None:
            return None
        hulls.append(hull)
    off = [p for p in off if not on_level(p)]
    everything = _unique([*off, *(h.point for h in hulls if h.critical)])
    return KinkLines(tuple(lines), tuple(sort_exactly(off)), tuple(sort_exactly(everything)), tuple(hulls), whole,
                     tuple(level))


def _level_kink(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], line: Equation,
                value: Expr, region: Region | None) -> tuple[CriticalSet, ...] | None:
    """A kink line along which f = value: near a point of it f is one polynomial piece on each side, which is
    value there, so each piece minus value is u^k·h, u = 0 being the line; its sign beside the point is the
    side's sign of u to the k, times h's sign on the line. Both ≥ 0 (one > 0): f ≥ value near the point, a
    minimum (|x + y|, |x + y|(1 + y²)); both ≤ 0 a maximum. The line is cut where another kink line crosses it or
    an h is 0, and each such point is decided by f's values (or left undecided): the line, as a set of critical
    points. () where f rises through the whole line, uncut, with a first slope on each side (|x + y| + 2(x + y):
    the pieces' gradients (3, 3) and (1, 1), 0 not between them), so that none of its points is critical. None
    where only some stretch is so, f is value on a side, or a piece is no polynomial."""
    runs = next(v for v in syms if v != line.lhs)
    u = line.lhs - line.rhs
    on = {line.lhs: line.rhs}
    through = [a for a in absolutes if sympy.expand(a.args[0].xreplace(on)) == 0]
    others = [a for a in absolutes if a not in through]
    # |2x + 2y| is 2|u| where u = x + y: with u of sign σ, |a's inside| is σ·(the sign of its multiple of u)·inside
    multiples: list[int] = []
    for a in through:
        if (multiple := sign(sympy.cancel(a.args[0] / u))) is None:
            return None
        multiples.append(multiple)
    marks: list[Expr] = []
    for a in others:
        inside = Poly(sympy.expand(a.args[0].xreplace(on)), runs)
        marks += real_roots(inside) if inside.degree() > 0 else []
    sides: dict[tuple[int, tuple[int | None, ...]], tuple[int, Poly]] = {}
    for side in (1, -1):
        for signs in itertools.product((1, -1), repeat=len(others)):
            fixed = {**{a: side * m * a.args[0] for a, m in zip(through, multiples)},
                     **{a: s * a.args[0] for a, s in zip(others, signs)}}
            g = rational_polynomial(sympy.expand(f.xreplace(fixed) - value), syms)
            if g is None:
                return None
            power, line_poly = 0, Poly(u, *syms)
            while not g.is_zero:
                quotient, remainder = sympy.div(g, line_poly)
                if not remainder.is_zero:
                    break
                g, power = quotient, power + 1
            if g.is_zero:  # f is value on that side: a flat piece, whose points are critical too, not listed
                return None
            h = Poly(sympy.expand(g.as_expr().xreplace(on)), runs)
            marks += real_roots(h) if h.degree() > 0 else []
            sides[(side, signs)] = (power, h)
    marks = sort_exactly(_unique(marks))
    shown_value = show(value)
    why = (f"from the pieces of f on either side of it, f - {shown_value} being a power of {show(u)} times a factor "
           "of one sign there")
    pieces: list[Piece] = []
    bounds = [-sympy.oo, *marks, sympy.oo]
    for middle, (low, high) in zip(_samples(marks), pairwise(bounds)):
        at = {runs: middle, line.lhs: line.rhs.xreplace({runs: middle})}
        here = tuple(sign(a.args[0].xreplace(at)) for a in others)
        beside = set()
        for side in (1, -1):
            power, h = sides[(side, here)]
            if (on_line := sign(h.as_expr().xreplace({runs: middle}))) is None:
                return None
            beside.add(side**power * on_line)
        if beside not in ({1}, {-1}):
            through_all = not marks and all(power == 1 for power, _ in sides.values())
            return () if through_all else None
        pieces.append(_piece(runs.name, sympy.Interval.open(low, high), beside.pop(), shown_value, why))
        if high != sympy.oo:
            point = tuple(high if v == runs else line.rhs.xreplace({runs: high}) for v in syms)
            way = _level_corner(f, syms, absolutes, point, u, value)
            decided = by_values(f, syms, point) if way is None else _judgement(
                way, shown_value, "point", 2, "from the pieces of f around it, each of one sign minus "
                f"{shown_value} near it: a power of {show(u)} times a factor of one sign, or sloping "
                f"{'up' if way > 0 else 'down'} along both edges of its sector")
            pieces.append(Piece(runs.name, sympy.FiniteSet(high), decided.nature, decided.reason))
    found = _critical_set((line,), syms, f, region)
    inside, extent, variable = region.extent((line,)) if region else (None, None, None)
    merged = _merged(pieces)
    return (replace(found, value=value, pieces=merged, pieces_inside=cut(merged, extent, variable) if inside else ()),)


_MOST_NESTED = 6  # absolute values in f, inside one another: the kink lines are found for each sign of the inner


def _kink_corners(f: Expr, syms: Sequence[sympy.Symbol], region: Region | None) -> list[CriticalPoint]:
    """The points where two kink lines of f cross, where f's lowest order in the distance from the point shows a
    strict local minimum or maximum (2max(|x|, |y|) - x² at (0, 0), a minimum): critical there, ∇f having no
    value. With absolute values inside others (max(a, b) is (a + b + |a - b|)/2), an inside is linear on each
    stretch where those within it are fixed, ||x| - |y|| kinked along x = y and x = -y. Nothing where an inside is
    not so, and no claim where the lowest order does not decide (a corner with values above and below f(P) need
    not be critical)."""
    f = with_abs(f)
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.count_ops)
    if len(absolutes) > _MOST_NESTED:
        return []
    lines: list[Equation] = []
    for a in absolutes:
        inner = sorted(a.args[0].atoms(sympy.Abs), key=sympy.count_ops, reverse=True)  # outermost first
        for signs in itertools.product((1, -1), repeat=len(inner)):
            # outermost first, so that its inside, still holding the inner ones, is fixed as written
            inside = a.args[0]
            for b, s in zip(inner, signs):
                inside = inside.xreplace({b: s * b.args[0]})
            poly = rational_polynomial(sympy.expand(inside), syms)
            if poly is None or inside.has(sympy.Abs) or poly.total_degree() > 1:
                return []
            if poly.total_degree() == 1:
                line = as_equation(poly.as_expr(), syms)
                if not any(_same_line(k, line, syms) for k in lines):
                    lines.append(line)
    points = _crossing_points([(a.lhs - a.rhs, b.lhs - b.rhs) for a, b in itertools.combinations(lines, 2)], syms)
    corners = []
    for point in sort_exactly(points):
        value = f.xreplace(dict(zip(syms, point)))
        way, said = leading_order(f, syms, point, value)
        if way in (1, -1):
            test = _no_test("f has a kink there, where an absolute value's inside is 0")
            corners.append(CriticalPoint(point, region.contains(point) if region else None, test,
                                         _judgement(way, show(value), "point", 2, said)))
    return corners


def _level_corner(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], point: tuple[Expr, ...],
                  u: Expr, value: Expr) -> int | None:
    """1 where f ≥ value near a point of the kink line u = 0 along which f = value, each piece of f meeting there
    being ≥ value in its sector near the point; -1 where each is ≤ value; None where not shown. A piece beside the
    line is value + u^k·h there, of the sign of u^k·h(P) where h(P) ≠ 0 (None with no other line through the
    point, which is then where an h is 0); one between two other lines (|x + y| +
    |x - y|/2 - |x| at (0, 0), between x = 0 and x = y) has f(P) = value and must slope the same way, not 0, along
    both edges of its sector, as at `_rising`'s corners."""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    across = tuple(sympy.diff(u, v) for v in syms)
    rays = _rays(normals)
    if len(rays) < 4:  # the line alone through the point, where a factor h is 0: f's values decide
        return None
    line_poly = Poly(u, *syms)
    ways = set()
    for first, second in zip(rays, [*rays[1:], rays[0]]):
        d = (first[0] + second[0], first[1] + second[1])
        cut = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: c * a.args[0] for a, c in zip(through, cut)}})
        g = rational_polynomial(sympy.expand(piece - value), syms)
        if g is None or g.is_zero:
            return None
        if any(r[0] * across[0] + r[1] * across[1] == 0 for r in (first, second)):  # beside the line u = 0
            power = 0
            while True:
                quotient, remainder = sympy.div(g, line_poly)
                if not remainder.is_zero:
                    break
                g, power = quotient, power + 1
            side, beside = sign(across[0] * d[0] + across[1] * d[1]), sign(g.as_expr().xreplace(at))
            if side is None or beside is None:
                return None
            ways.add(side**power * beside)
        else:
            gradient = [sympy.diff(g.as_expr(), v).xreplace(at) for v in syms]
            ways |= {sign(gradient[0] * e[0] + gradient[1] * e[1]) for e in (first, second)}
    return ways.pop() if ways in ({1}, {-1}) else None


def _segment_middle(found: CriticalSet, absolutes: Sequence[sympy.Abs], signs: Sequence[int],
                    syms: Sequence[sympy.Symbol]) -> tuple[Expr, ...] | None:
    """The middle of the part of a piece's critical line where each inside has the piece's sign (x = 1 of 2x - x²,
    where x - y > 0 and x + y > 0: -1 < y < 1, so (1, 0)); None where that part is not a bounded segment, or the
    set no line solved for one variable."""
    line = found.equation
    if found.also or line.lhs not in syms or line.rhs.free_symbols - set(syms) - {line.lhs} or line.rhs.has(line.lhs):
        return None
    runs = next(v for v in syms if v != line.lhs)
    if rational_polynomial(line.rhs, [runs]) is None or sympy.degree(line.rhs, runs) > 1:
        return None
    part: sympy.Set = sympy.S.Reals
    for a, s in zip(absolutes, signs):
        inside = sympy.expand(a.args[0].xreplace({line.lhs: line.rhs}))
        part = part.intersect(sympy.solveset(s * inside > 0, runs, sympy.S.Reals))
    if not isinstance(part, sympy.Interval) or not (part.start.is_finite and part.end.is_finite) or \
            part.measure == 0:
        return None
    middle = (part.start + part.end) / 2
    point = {runs: middle, line.lhs: line.rhs.xreplace({runs: middle})}
    return tuple(point[v] for v in syms)


def _hull(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], point: tuple[Expr, ...]
          ) -> Hull | None:
    """The gradients at the point of the pieces of f that meet there, one for each side of the kink lines
    through it, and whether 0 lies among them; where one is infinite, whether f has a local minimum or maximum
    there; None where neither is decided."""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    gradients: list[tuple[Expr, ...]] = []
    for d in _directions(normals):  # one direction into each piece, around the point
        signs = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: s * a.args[0] for a, s in zip(through, signs)}})
        gradient = tuple(_piece_slope(sympy.diff(piece, v), syms, point, d) for v in syms)
        if None in gradient:  # an infinite slope (√|x| + y²): critical where f is least or greatest there
            values = by_values(f, syms, point)
            if values.nature == Nature.UNDECIDED:
                return None
            return Hull(point, (), values.nature in (Nature.MINIMUM, Nature.MAXIMUM), values)
        if gradient not in gradients:
            gradients.append(gradient)
    inside = zero_in_hull(gradients)
    return None if inside is None else Hull(point, tuple(gradients), inside)


def _piece_slope(slope: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], into: tuple[Expr, Expr]
                 ) -> Expr | None:
    """A piece's partial derivative at the point, as it nears it from inside the piece (along `into`): sympy's
    derivative of (-x)^(3/2) is 3(-x)^(3/2)/(2x), which has no value at 0 though its limit there is 0. None
    where it has no finite real value."""
    def usable(value: Expr) -> bool:
        return not value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I) and value.is_extended_real is True

    value = sympy.simplify(slope.xreplace(dict(zip(syms, point))))
    if usable(value):
        return value
    t = sympy.Dummy("t", positive=True)
    try:
        with deadline(SOLVE_SECONDS):
            value = sympy.limit(slope.xreplace({v: c + t * d for v, c, d in zip(syms, point, into)}), t, 0, "+")
    except _GAVE_UP:
        return None
    return value if usable(value) else None


def _directions(normals: Sequence[tuple[Expr, ...]]) -> list[tuple[Expr, Expr]]:
    """A direction into each sector the lines through the point cut the plane into (normal vectors given):
    for one line the normal and its opposite; for more, between each two neighbouring directions of the
    lines, their sum, taken in the order of their angles (exactly: by half-plane, then cross products)."""
    along = _rays(normals)
    if len(along) == 2:  # one line: a side each, where u < 0 first (x < 0 for |x|)
        a, b = normals[0]
        return [(-a, -b), (a, b)]
    return [(s[0] + t[0], s[1] + t[1]) for s, t in zip(along, [*along[1:], along[0]])]


def _rays(normals: Sequence[tuple[Expr, ...]]) -> list[tuple[Expr, Expr]]:
    """The rays along the lines through the point (normal vectors given), in the order of their angles, as
    _directions goes round them: sector i lies between ray i and ray i + 1."""
    along: list[tuple[Expr, Expr]] = []
    for a, b in normals:
        for t in ((-b, a), (b, -a)):
            if not any(t[0] * u[1] - t[1] * u[0] == 0 and t[0] * u[0] + t[1] * u[1] > 0 for u in along):
                along.append(t)

    def upper(t: tuple[Expr, Expr]) -> bool:  # angle in [0, π)
        return bool(t[1] > 0 or (t[1] == 0 and t[0] > 0))

    def before(s: tuple[Expr, Expr], t: tuple[Expr, Expr]) -> int:
        if upper(s) != upper(t):
            return -1 if upper(s) else 1
        cross = s[0] * t[1] - s[1] * t[0]
        return -1 if cross > 0 else (1 if cross < 0 else 0)

    return sorted(along, key=functools.cmp_to_key(before))


def _rising(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...]) -> tuple[int | None, str]:
    """1 where two or more kink lines cross at the point and f rises away from it in every direction, each
    piece meeting there sloping up along both edges of its sector (|x + y| + |x - y| - x² at (0, 0): 2x - x²
    for x > |y|, with gradient (2, 0), and so round): f's one-sided slopes out of the point are then all above
    0, and f is least there; -1 where all fall. (None, "") where a sign is not known, or with one line through
    the point, whose two sectors are half-planes that first slopes alone never decide (|x| + y²)."""
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.default_sort_key)
    insides = [rational_polynomial(a.args[0], syms) for a in absolutes]
    if f.has(sympy.Max, sympy.Min) or any(u is None or u.total_degree() != 1 for u in insides):
        return None, ""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    rays = _rays(normals)
    if len(rays) < 4:
        return None, ""
    signs, pieces = set(), []
    for first, second in zip(rays, [*rays[1:], rays[0]]):
        d = (first[0] + second[0], first[1] + second[1])
        cut = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: c * a.args[0] for a, c in zip(through, cut)}})
        gradient = [_piece_slope(sympy.diff(piece, v), syms, point, d) for v in syms]
        if None in gradient:
            return None, ""
        for edge in (first, second):
            signs.add(sign(gradient[0] * edge[0] + gradient[1] * edge[1]))
        pieces.append(show(sympy.expand(piece)))
    if signs not in ({1}, {-1}):
        return None, ""
    way = "up" if signs == {1} else "down"
    return (1 if signs == {1} else -1), (f"each piece of f meeting there slopes {way} away from it along both "
                                         f"edges of its sector: {', '.join(_unique(pieces))}")


def zero_in_hull(vectors: Sequence[tuple[Expr, ...]]) -> bool | None:
    """Whether 0 lies in the convex hull of plane vectors, decided exactly (Carathéodory: then it lies in that
    of one, two or three of them): one is 0, two point opposite ways on a line, or three go round it, each
    cross product of neighbours of one sign. None where a sign can't be decided."""
    def signs(values: Sequence[Expr]) -> list[int] | None:
        found = [sign(v) for v in values]
        return None if None in found else found  # type: ignore[return-value]

    if any(all(sign(c) == 0 for c in v) for v in vectors):
        return True
    for a, b in itertools.combinations(vectors, 2):
        s = signs([a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]])
        if s is None:
            return None
        if s[0] == 0 and s[1] < 0:
            return True
    for a, b, c in itertools.combinations(vectors, 3):
        s = signs([u[0] * v[1] - u[1] * v[0] for u, v in ((a, b), (b, c), (c, a))])
        if s is None:
            return None
        if s in ([1, 1, 1], [-1, -1, -1]):
            return True
    return False


def _same_line(a: Equation, b: Equation, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether two linear equations are the same line (x = y and 2x = 2y)."""
    p, q = (sympy.Poly(e.lhs - e.rhs, *syms) for e in (a, b))
    return sympy.Matrix([[p.coeff_monomial(m) for m in (syms[0], syms[1], 1)],
                         [q.coeff_monomial(m) for m in (syms[0], syms[1], 1)]]).rank() == 1


def _on_kink(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], region: Region | None,
             lines: Sequence[KinkLine] = ()) -> CriticalPoint:
    """A critical point on a kink line: a partial derivative, or a second one, has no value there, so
    no second-derivative test; f's values decide, along the kink lines through it too."""
    test = _no_test("f has a kink there, where an absolute value's inside is 0")
    # why a partial has none there, where f's slopes on either side say it (|x| + y² at (0, 0)); "" where ∇f
    # is there after all, or the slopes can't be found
    why = next((why for s in syms if (why := slope_where_formula_fails(f, [v.name for v in syms], point,
                                                                         s.name)[1])), "")
    values = by_values(f, syms, point, leading=False)
    value = f.xreplace(dict(zip(syms, point)))
    if values.nature == Nature.UNDECIDED:  # a corner where kink lines cross: f's slopes out of it may decide
        s, said = _rising(f, syms, point)
        if s is None:  # |x - 2y| + |x + y|/10 - √(x² + y²)/3: the lowest order in the distance from it
            s, said = leading_order(f, syms, point, value)
        if s is not None:
            values = _judgement(s, show(value), "point", len(syms), said)
    if values.nature == Nature.UNDECIDED:
        values = _along_kinks(f, syms, point, lines, values)
    return CriticalPoint(point, region.contains(point) if region else None, test, values, why)


def _along_kinks(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], lines: Sequence[KinkLine],
                 values: ByValues) -> ByValues:
    """What f along the kink lines through an undecided point adds, the axes having been looked at: lower on
    both sides along one (2|x + y| + |x - y| - x² at (1, -1), 2x - x² along x + y = 0) is no minimum, and a
    saddle where another line showed f higher; higher on both sides, likewise no maximum."""
    value = f.xreplace(dict(zip(syms, point)))
    for k in lines:
        if not lies_on(point, (k.line,), syms):
            continue
        runs = next(iter(k.along.free_symbols & set(syms)))
        a = point[list(syms).index(runs)]
        s, _ = higher_derivatives(k.along, runs, a)
        if s is None:
            s, _ = one_sided(k.along, runs, a)
        if s not in (1, -1):
            continue
        here = f"{show(k.along - value)} {'>' if s > 0 else '<'} 0 near it on the kink line {show(k.line)}"
        ruled = _ruled_out(s, here)
        if values.rules_out not in (None, ruled.rules_out):  # the other way along another line: above and below
            above, below = (here, values.one_way) if s > 0 else (values.one_way, here)
            return _judgement(0, show(value), "point", len(syms), f"f - f(P) = {above}, but {below}")
        if values.rules_out is None:
            values = ruled
    return values


def _ruled_out(s: int, along: str) -> ByValues:
    """Undecided, but no minimum where f is lower on both sides of the point along a line (s = -1), no maximum
    where higher (s = 1): `along` says where, f - f(P) there."""
    ruled, other = (Nature.MINIMUM, "maximum") if s < 0 else (Nature.MAXIMUM, "minimum")
    return ByValues(Nature.UNDECIDED, f"no local {ruled.value}, since f - f(P) = {along}; whether it is a local "
                                      f"{other} is not decided", ruled, along)


def repeats_note(windows: Sequence[Window], count: int, listed: str = "critical points", zeros: bool = False) -> str:
    """That ∇f repeats, so the critical points listed (or `listed`: the kinks) are those of one period, and recur:
    as one variable's minimum says it of f. Nothing where the region's bounds hold every one."""
    periodic = [w for w in windows if not w.bounded]
    if not periodic:
        return ""
    slope = "f′" if count == 1 else "∇f"
    if zeros:  # e⁻ˣ(cos x − sin x) does not repeat; where it is 0 does
        slope = f"where {slope} = 0"
    every = " and ".join(f"every {show(w.period)}" + (f" in {w.variable}" if count > 1 else "") for w in periodic)
    within = " and ".join(w.text() for w in periodic)
    if len(periodic) == 1:
        (w,) = periodic
        recurs = f"each recurs at {w.variable} + k·{show(w.period)} for every integer k"
    else:
        shifted = ", ".join(f"{w.variable} + {k}·{show(w.period)}" for w, k in zip(periodic, "jk"))
        recurs = f"each recurs at ({shifted}) for all integers j and k" if count == 2 else \
            f"each recurs a whole period on in each of {', '.join(w.variable for w in periodic)}"
    return f"{slope} repeats {every}: these are the {listed} with {within}, and {recurs}"


NUMERIC_SPAN = 10  # where f′ = 0 went unsolved on every x, its sign changes are looked for in -10 ≤ x ≤ 10
NUMERIC_SAMPLES = 400


def sign_changes(slope: Expr, x: sympy.Symbol, span: sympy.Set) -> tuple[list[Expr], list[float]]:
    """Where f′ = 0 went unsolved (x cos x + sin x): the places in span (its bounded part, else -10 ≤ x ≤ 10)
    where f′ changes sign on a grid, each narrowed down numerically; those that are a simple number at which f′ is
    0 exactly (`_simple_near`: 0, 5π/4) apart, as exact zeros, the others as numbers. Some may be missed (where f′
    touches 0 without changing sign, or changes it twice between samples): it only ever adds."""
    from .minimize import _simple_near  # minimize imports this module

    low = span.inf if span.inf.is_finite else -NUMERIC_SPAN
    high = span.sup if span.sup.is_finite else NUMERIC_SPAN
    try:
        evaluate = sympy.lambdify(x, slope, "mpmath")
        step_size = (float(high) - float(low)) / NUMERIC_SAMPLES
        grid = [float(low) + k * step_size for k in range(NUMERIC_SAMPLES + 1)]
        values = [_real_value(evaluate, a) for a in grid]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return [], []
    exact: list[Expr] = []
    numeric: list[float] = []
    for (a, u), (b, v) in pairwise(zip(grid, values)):
        if u is None or v is None or u * v > 0 or (v == 0 and b != grid[-1]):
            continue  # a zero at a grid point is taken once, from the interval it ends on the left
        root = a if u == 0 else (b if v == 0 else _bisect(evaluate, a, b, u))
        if root is None:
            continue
        found = [c for c in _simple_near(root) if span.contains(c) == sympy.true
                 and sign(slope.xreplace({x: c})) == 0]
        if found:
            exact += [c for c in found[:1] if c not in exact]
        elif span.contains(root) == sympy.true:
            numeric.append(root)
    return exact, numeric


def _real_value(evaluate: Callable, at: float) -> float | None:
    try:
        value = complex(evaluate(at))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return value.real if value.imag == 0 and math.isfinite(value.real) else None


def _bisect(evaluate: Callable, a: float, b: float, at_a: float) -> float | None:
    """A zero of a continuous function whose sign changes from a to b; None where it jumps there instead (a pole)."""
    for _ in range(60):
        middle = (a + b) / 2
        value = _real_value(evaluate, middle)
        if value is None:
            return None
        if value == 0:
            return middle
        a, b, at_a = (middle, b, value) if value * at_a > 0 else (a, middle, at_a)
    ends = [_real_value(evaluate, a), _real_value(evaluate, b)]
    # a pole between them: f′ grows without bound, not to 0
    return (a + b) / 2 if all(e is not None and abs(e) < 1e-6 for e in ends) else None


def _windows(equations: Sequence[Expr], syms: Sequence[sympy.Symbol], region: Region | None) -> tuple[Window, ...]:
    """The variables every partial repeats in, each with its least common period (`least_period` of each
    partial), and where the solutions in it are listed: the region's bounds on it, or one period."""
    from .minimize import least_period  # minimize finds its critical points here: imported when first needed

    windows = []
    try:
        with deadline(SOLVE_SECONDS):
            for s in syms:
                found = [least_period(g, s) for g in equations if s in g.free_symbols]
                periods = [p for p in found if p is not None]
                if not periods or len(periods) < len(found):
                    continue
                period: Expr = periods[0]
                ratios = [sympy.simplify(other / period) for other in periods[1:]]
                if not all(r.is_Rational for r in ratios):
                    continue
                # the least common multiple: T and every (p/q)·T divide lcm(p, …)·T
                period *= math.lcm(*(int(r.p) for r in ratios))
                if not period.is_positive:
                    continue
                windows.append(_window(s.name, period, region))
    except _GAVE_UP:
        return ()
    return tuple(windows)


def _window(name: str, period: Expr, region: Region | None) -> Window:
    """Where the critical points are listed in a variable they recur in every `period`: the region's bounds on
    it, where both are finite, else one period from 0."""
    span = region.span(name) if region is not None else sympy.S.Reals
    bounded = bool(span.is_finite_set is not True and span.inf.is_finite and span.sup.is_finite) \
        if not span.is_empty else False
    return Window(name, span if bounded else sympy.Interval.Ropen(0, period), period, bounded)


def _level(f: Expr, x: sympy.Symbol, always: bool) -> Level | None:
    try:
        return level_critical(f, x, always)
    except SolveError:  # a sign not told exactly: sympy's solution stands
        return None


def tested(f: Expr, variables: Sequence[str], point: tuple[Expr, ...]) -> Classification:
    """The second-derivative test, or where a second derivative has no value at the point (|x|^(3/2) at 0,
    where f″ is infinite), no test: f's values decide there."""
    try:
        return classify(f, variables, point)
    except NoRealValue:
        missing = "f″" if len(variables) == 1 else "a second derivative"
        return _no_test(f"{missing} has no value there")


def _no_test(why: str, said: str | None = None) -> Classification:
    """No second-derivative test at the point (a kink, an infinite f″), so f's values decide: `why` there is
    none; `said`, the test's own line, by default that it cannot decide."""
    return Classification(Nature.INCONCLUSIVE, sympy.nan, sympy.nan,
                          f"{why}, so the test cannot decide" if said is None else said,
                          untested=f"{why}, so the second-derivative test does not apply")


def _corner(f: Expr, x: sympy.Symbol, corner: Corner, region: Region | None) -> CriticalPoint:
    """A kink where f′ = 0 from both sides: no second-derivative test there (f″ jumps, or has no value),
    so f's values on each side decide."""
    shown = f"f is {show(sympy.factor(corner.left))} just left of it and {show(sympy.factor(corner.right))} just " \
        "right of it"
    signs = {corner.below, corner.above} - {0}
    s = signs.pop() if len(signs) == 1 else 0
    why = f"f′ = 0 from both sides, and {shown}"
    decided = _judgement(s, show(f.xreplace({x: corner.point})), "point", 1, why)
    test = _no_test(shown, f"a kink: {shown}")
    point = (corner.point,)
    return CriticalPoint(point, region.contains(point) if region else None, test, decided)


@dataclass(frozen=True)
class Side:
    """A stretch between kinks, f there with no absolute value, and the zeros of its f′ listed."""

    low: Expr  # -oo for the first
    high: Expr  # oo for the last
    smooth: Expr  # f on the stretch: sin|x| is -sin x for x < 0
    slope: Expr
    zeros: tuple[Expr, ...]  # ascending; within the window, where `endless`
    endless: bool = False  # whether f′ = 0 at infinitely many points of the stretch


@dataclass(frozen=True)
class Split:
    """f′ = 0 solved on each stretch between the kinks of f's absolute values, where f is smooth."""

    zeros: tuple[Expr, ...]  # ascending; within `window`, where they go on without end
    kinks: tuple[Expr, ...]  # ascending: where an absolute value's inside is 0
    window: sympy.Interval | None = None  # where the zeros listed lie, when they are infinitely many
    sides: tuple[Side, ...] = ()  # left to right
    repeats: Window | None = None  # f repeats, and so do its kinks: every zero and kink in this window is listed
    signed: Spanned | None = None  # there, f′ = 0 solved for each choice of the insides' signs, and the kinks
    slope_only: bool = False  # f′ repeats, f does not: f plus a line (|sin x| + x/10)
    unsolved: sympy.Set | None = None  # f′ = 0 not solved between kinks without end: only the kinks here looked at


_MOST_KINKED = 3  # absolute values in f, each side of each solved apart


def _cornered(f: Expr) -> tuple[Expr, list[sympy.Abs]]:
    """f with its corners written as absolute values, and those absolute values, in order; none where f has
    more than _MOST_KINKED of them, or one inside another, to split f at."""
    cornered = with_abs(f)
    absolutes = sorted(cornered.atoms(sympy.Abs), key=sympy.default_sort_key)
    if len(absolutes) > _MOST_KINKED or any(a.args[0].has(sympy.Abs) for a in absolutes):
        return cornered, []
    return cornered, absolutes


def _split_at_kinks(f: Expr, x: sympy.Symbol, region: Region | None = None) -> Split | None:
    """f′ = 0 on each stretch between kinks (sin|x|: -cos x = 0 for x < 0, cos x = 0 for x > 0), each side's
    solutions listed by sympy's solveset. Where a side's go on without end (an image of every integer, as
    for cos x = 0), those within one period of f′ beyond the outermost kinks are listed. Where the kinks go
    on without end, f must repeat (|sin x|: `_repeating`). None where a kink, a side's solutions or a period
    can't be found, or in time."""
    cornered, absolutes = _cornered(f)
    if not absolutes:
        return None
    try:
        with deadline(SOLVE_SECONDS):
            kinks: list[Expr] = []
            for a in absolutes:
                found = sympy.solveset(a.args[0], x, sympy.S.Reals)
                if _endless_set(found):  # sin x = 0 at every kπ
                    return _repeating(f, cornered, x, absolutes, region)
                if not isinstance(found, sympy.FiniteSet) or not all(k.is_comparable for k in found):
                    return None
                kinks += [k for k in found if k not in kinks]
            kinks = sort_exactly(kinks)
            sides: list[tuple[Expr, Expr, Expr, Expr, sympy.Set]] = []
            reach = sympy.Integer(0)
            for low, high in pairwise([-sympy.oo, *kinks, sympy.oo]):
                middle = _inside(low, high)
                found_signs = [sign(a.args[0].xreplace({x: middle})) for a in absolutes]
                signs = [s for s in found_signs if s]
                if len(signs) < len(absolutes):
                    return None
                smooth = signed(cornered, absolutes, signs)
                slope = sympy.diff(smooth, x)
                found = sympy.solveset(slope, x, sympy.Interval.open(low, high))
                sides.append((low, high, smooth, slope, found))
                if isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet:
                    continue
                period = sympy.periodicity(slope, x)
                if not _endless_set(found) or period is None or not period.is_positive:
                    return None
                reach = sympy.Max(reach, period)
            window = None if reach == 0 else \
                sympy.Interval.open((kinks[0] if kinks else 0) - reach, (kinks[-1] if kinks else 0) + reach)
            listed = []
            for low, high, smooth, slope, found in sides:
                endless = not (isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet)
                if endless:
                    found = found.intersect(window)
                if not (isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet) \
                        or not all(z.is_comparable for z in found):
                    return None
                listed.append(Side(low, high, smooth, slope, tuple(sort_exactly(found)), endless))
    except _GAVE_UP:
        return None
    zeros = sort_exactly(dict.fromkeys(z for side in listed for z in side.zeros))
    return Split(tuple(zeros), tuple(kinks), window, tuple(listed))


def _repeating(f: Expr, cornered: Expr, x: sympy.Symbol, absolutes: Sequence[sympy.Abs],
               region: Region | None) -> Split | None:
    """f′ = 0 and the kinks of an f that repeats, kinks and all (|sin x|, least period π), within one period,
    0 ≤ x < π, or the region's bounds: a period on, f and so each kink and zero are as they were. f plus a line
    (|sin x| + x/10) does too, its f′ repeating. Solved as the minimum of a periodic f is (`spanned`). None where
    neither has a period sympy finds (|sin x| + x², whose kinks go on without end) or solveset can't list them."""
    from .minimize import drift, least_period  # minimize finds its critical points here: imported when first needed

    period = least_period(f, x)
    shifted = drift(f, x) if period is None else None  # |sin x| + x/10 does not repeat, but f′ does, kinks too
    if shifted is not None:
        period = shifted.period
    if period is None or not period.is_comparable:
        return None
    window = _window(x.name, period, region)
    found = spanned(cornered, x, absolutes, window.span)
    if found is None or not all(z.is_comparable for z in (*found.kinks, *found.zeros)):
        return None
    return Split(found.zeros, found.kinks, repeats=window, signed=found, slope_only=shifted is not None)


def _endless_kinks(f: Expr, x: sympy.Symbol, region: Region | None) -> Split | None:
    """The kinks of an f whose kinks go on without end (|sin x| + x²: at every kπ), where f′ = 0 between them is
    not solved (±cos x + 2x = 0): each kink is a corner or cusp to decide from both sides, as any other is. Those
    of one period where f or f′ repeats (sin(x)^(2/3) + x/10), else those within the region's bounds, else
    within one period of the inside each side of 0 (sin x: -2π ≤ x ≤ 2π). None where f has no such kinks, or
    they can't be listed in time; the result says f′ = 0 went unsolved, so nothing is claimed complete."""
    from .minimize import drift, least_period  # minimize finds its critical points here: imported when first needed

    absolutes = _cornered(f)[1]
    if not absolutes:
        return None
    try:
        with deadline(SOLVE_SECONDS):
            insides = [a.args[0] for a in absolutes
                       if _endless_set(sympy.solveset(a.args[0], x, sympy.S.Reals))]
            if not insides:
                return None
            period = least_period(f, x)
            shifted = drift(f, x) if period is None else None
            period = shifted.period if shifted is not None else period
            repeats = _window(x.name, period, region) if period is not None and period.is_comparable else None
            span = repeats.span if repeats is not None else _window(x.name, sympy.oo, region).span
            if repeats is None and not span.sup.is_finite:  # no bounds of the region's: a period of each inside
                periods = [sympy.periodicity(u, x) for u in insides]
                if any(p is None or not p.is_positive for p in periods):
                    return None
                reach = sympy.Max(*periods)
                span = sympy.Interval(-reach, reach)
            kinks: list[Expr] = []
            for a in absolutes:
                found = sympy.solveset(a.args[0], x, span)
                if not isinstance(found, sympy.FiniteSet) or not all(k.is_comparable for k in found):
                    return None
                kinks += [k for k in found if k not in kinks]
    except _GAVE_UP:
        return None
    return Split((), tuple(sort_exactly(kinks)), repeats=repeats, slope_only=shifted is not None, unsolved=span)


def _concave_kinks(f: Expr, x: sympy.Symbol, region: Region | None) -> Split | None:
    """The kinks of one period (`_endless_kinks`) where f or f′ repeats with them and f″ < 0 between them
    (`concave_between`): they hold every local minimum. None otherwise."""
    if not f.has(sympy.Abs):
        return None
    split = _endless_kinks(f, x, region)
    if split is None or split.repeats is None or split.repeats.bounded:
        return None
    return split if concave_between(f, x, split.kinks, split.repeats.period) else None


def concave_between(f: Expr, x: sympy.Symbol, kinks: Sequence[Expr], period: Expr) -> bool:
    """Whether f″ < 0 on every stretch between the kinks of one period (sin(x)^(2/3) + x/10 on 0 < x < π,
    |sin x| + |cos(x/3)| + x/100 on each stretch of 0 < x < 3π), shown exactly: on a stretch each inside keeps
    its sign, so it is written as that sign times a positive number, and every term of the piece's f″ is then
    ≤ 0 by sympy's assumptions, one < 0. f′ only falls there, so a zero of f′ between kinks, found or not, is a
    maximum, never a minimum: the kinks hold every local minimum. False where that can't be shown (an inside
    with a pole, where its sign may change off a kink: tan x)."""
    cornered, absolutes = _cornered(f)
    insides = [a.args[0] for a in absolutes]
    if not kinks or not absolutes or not all(_smooth_everywhere(u) for u in insides):
        return False
    positive = sympy.symbols(f"q0:{len(insides)}", positive=True)
    marks = sort_exactly(list(kinks))
    for low, high in pairwise([*marks, marks[0] + period]):
        middle = _inside(low, high)
        signs = [s for s in (sign(u.xreplace({x: middle})) for u in insides) if s]
        if len(signs) < len(insides):
            return False
        bent = sympy.diff(signed(cornered, absolutes, signs), x, 2)
        bent = bent.xreplace({u: s * q for u, s, q in zip(insides, signs, positive)})
        terms = sympy.Add.make_args(sympy.expand(bent))
        if not all(t.is_nonpositive for t in terms) or not any(t.is_negative for t in terms):
            return False
    return True


def _smooth_everywhere(inside: Expr) -> bool:
    """Whether an inside is a sum of products of sines and cosines, polynomial in them: no pole, where its sign
    could change off its zeros."""
    functions = inside.atoms(sympy.Function)
    return all(isinstance(g, (sympy.sin, sympy.cos)) for g in functions) and \
        all(p.exp.is_Integer and p.exp >= 0 for p in inside.atoms(sympy.Pow))


def _endless_set(found: sympy.Set) -> bool:
    """Whether solveset's set is an image of every integer, or such images cut to an interval, or a union of
    those: infinitely many solutions, cos x = 0's π/2 + kπ."""
    if isinstance(found, sympy.Union):
        return all(_endless_set(part) for part in found.args)
    if isinstance(found, sympy.Intersection):
        return any(_endless_set(part) for part in found.args) and \
            all(isinstance(part, sympy.Interval) or _endless_set(part) for part in found.args)
    return isinstance(found, sympy.ImageSet) and found.base_set == sympy.S.Integers


def _kink(f: Expr, x: sympy.Symbol, at: Expr, region: Region | None) -> CriticalPoint | None:
    """A kink where f′'s sign changes (a corner: sin|x| at 0, f′ -1 from the left and 1 from the right),
    decided by those signs; one where f′ → 0 from both sides, as a zero of f′; None where f′ keeps one sign
    across it (no extremum, and f′ is not 0 there)."""
    value = f.xreplace({x: at})
    if value.has(sympy.zoo, sympy.nan) or value.is_finite is False or value.is_extended_real is False:
        return None  # ln|x| or 1/|x| at 0: f has no value there, so no point of f's is critical there
    s, why = one_sided(f, x, at)
    point = (at,)
    inside = region.contains(point) if region else None
    if s is None:  # f′ → 0 on a side: f′ = 0 there, as at any other zero (decided as one, below)
        return CriticalPoint(point, inside, Classification(Nature.INCONCLUSIVE, sympy.nan, sympy.nan, ""))
    if s == 0:
        return None
    kind = "a cusp" if "∞" in why else "a corner"  # |x|^(2/3): f′ is -∞ from the left and ∞ from the right
    decided = _judgement(s, show(f.xreplace({x: at})), "point", 1, f"{kind}, where {why}")
    test = _no_test(why, f"{kind}: {why}")
    return CriticalPoint(point, inside, test, decided, why)


def polynomial_zeros(equations: Sequence[Expr], variables: Sequence[str],
                     max_degree: int = 3) -> tuple[tuple[tuple[Expr, ...], ...], tuple[Equation, ...]] | None:
    """Where every one of `equations` is zero: isolated points and whole lines, exactly, the way
    the lesson solves ∇f = 0 (one factor of each equation, each case solved, a factor in one
    variable first). Only for polynomials with rational coefficients in one or two variables, each
    of total degree at most `max_degree`, and only cases that one-variable factors or linear
    equations settle: the work is bounded by the equations themselves. None for any other system."""
    syms = symbols(variables)
    if not 1 <= len(syms) <= 2:
        return None
    numerators = []
    for equation in equations:
        numerator, degree = _rational_numerator(equation, syms)
        if numerator == 0:
            continue
        if degree is None or degree > max_degree:
            return None
        numerators.append(numerator)
    if not numerators:
        return None
    points: list[tuple[Expr, ...]] = []
    lines: list[Equation] = []
    for combination in itertools.product(*(_factors(n, syms) for n in numerators)):
        distinct = tuple(dict.fromkeys(combination))
        if not distinct or _contradictory(distinct):
            continue
        if len(syms) == 2 and len(distinct) == 1:  # one factor of every equation: a whole curve
            if _degree(distinct[0], syms) == 1:
                lines.append(as_equation(distinct[0], syms))
            continue
        found = _settled(distinct, syms)
        if found is None:
            return None
        points += [p for p in found if p not in points]
    lines = _unique(lines)
    points = [p for p in points if not any(lies_on(p, (line,), syms) for line in lines)]
    return tuple(sorted(points, key=sympy.default_sort_key)), tuple(lines)  # a set: any fixed order


@metered_cache(4096)  # an equation's numerator comes again in many wrong gradients (2x + 3 beside each slip in ∂f/∂y)
def _rational_numerator(equation: Expr, syms: tuple[sympy.Symbol, ...]) -> tuple[Expr, int | None]:
    """The numerator of `equation` and, where it is a polynomial with rational coefficients in
    syms, its total degree (None where it is not one)."""
    numerator = equation if equation.is_polynomial(*syms) else _numerator(equation)
    if numerator == 0:
        return numerator, None
    poly = _polynomial(numerator)  # its factors are taken next: the same Poly
    if poly is None or not set(poly.gens) <= set(syms):
        poly = rational_polynomial(numerator, syms)
    return numerator, None if poly is None else poly.total_degree()


@metered_cache(4096)  # a factor's degree, then (when it is a line) its coefficients: one Poly
def _poly_in(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> Poly:
    return Poly(factor, *syms)


def _degree(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> int:
    return _poly_in(factor, syms).total_degree()


@metered_cache(4096)  # the same factors meet in many systems: a right partial beside each wrong one
def _settled(factors: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]) -> tuple[tuple[Expr, ...], ...] | None:
    """The common real zeros of factors that a factor in one variable, or linearity, settles; None else."""
    if all(_degree(f, syms) == 1 for f in factors):
        return _linear_zeros(factors, syms)
    single = next((f for f in factors if len(f.free_symbols & set(syms)) == 1), None)
    if single is None:
        return None
    (s,) = single.free_symbols & set(syms)
    i = syms.index(s)
    others = [f for f in factors if f != single]
    found: list[tuple[Expr, ...]] = []
    roots = _zeros_in(single, s)
    if roots is None:
        return None
    for root in sorted(roots, key=sympy.default_sort_key):
        rest = [sympy.expand(f.xreplace({s: root})) for f in others]
        if any(r.is_number and r != 0 for r in rest):
            continue
        rest = [r for r in rest if r != 0]
        if len(syms) == 1:
            found.append((root,))
            continue
        other = syms[1 - i]
        if not rest:
            return None  # the whole line s = root: a case of lines, not of points
        values = [_zeros_in(r, other) for r in rest]
        common = None if None in values else frozenset.intersection(*(v for v in values if v is not None))
        if common is None:
            return None
        for value in sorted(common, key=sympy.default_sort_key):
            found.append((root, value) if i == 0 else (value, root))
    return tuple(found)


def _linear_zeros(factors: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]) -> tuple[tuple[Expr, ...], ...]:
    """The one common zero of linear factors, where they have exactly one."""
    if len(factors) == len(syms) == 1:
        a, b = _poly_in(factors[0], syms).all_coeffs()
        if a.is_Rational and b.is_Rational:
            return ((-b / a,),)
    if len(factors) == len(syms) == 2:  # two lines, as most drills have: Cramer's rule, exactly
        (a, b, c), (d, e, g) = ([p.coeff_monomial(m) for m in ((1, 0), (0, 1), (0, 0))]
                                for p in (_poly_in(f, syms) for f in factors))
        if all(v.is_Rational for v in (a, b, c, d, e, g)):
            determinant = a * e - b * d
            if determinant == 0:
                return ()  # parallel lines, or one line twice: no single common zero
            return (((b * g - c * e) / determinant, (c * d - a * g) / determinant),)
    solution = sympy.linsolve(list(factors), list(syms))
    return tuple(tuple(p) for p in solution if not any(c.free_symbols for c in p))


@metered_cache(4096)
def _zeros_in(expr: Expr, s: sympy.Symbol) -> frozenset[Expr] | None:
    """The real zeros of a polynomial in s alone: exactly when it has rational coefficients or is
    linear (2√3 − x after a root was put in); None otherwise."""
    poly = Poly(expr, s)
    if poly.degree() == 1:
        a, b = poly.all_coeffs()
        root = -b / a
        return frozenset({root if root.is_Rational else sympy.simplify(root)})
    if poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    return frozenset(real_roots(poly))


@metered_cache(1024)
def _factors(numerator: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, ...]:
    """The distinct factors of a numerator that contain a variable (constants are never 0),
    in the lesson's order: those in x first, simplest first."""
    pairs = _rational_factors(numerator)
    if pairs is None:
        # (1 - 2x²e^(-x² - y²)e^(x² + y²))e^(-x² - y²), as together leaves it: the powers joined, 1 - 2x² is left
        # beside a factor that is never 0, which is no condition and goes first (factor_list would read
        # e^(-x² - y²) as 1/e^(x² + y²) and keep it in one factor with 1 - 2x²)
        numerator = sympy.Mul(*(m for m in sympy.Mul.make_args(sympy.powsimp(numerator))
                                if m.is_polynomial(*syms) or constant_sign(m, syms) is None))
        try:
            pairs = sympy.factor_list(numerator)[1]
        except (sympy.PolynomialError, NotImplementedError, TypeError):  # x^x: sympy can't order its factors
            pairs = _product_factors(numerator)
    if not numerator.free_symbols & set(syms):
        return ()  # a nonzero constant: this partial is never 0
    if not pairs:
        return ()  # a product of factors that are never 0, like e^(-x²)
    found = [p for p, _ in pairs if p.free_symbols & set(syms)] or [numerator]
    # eˣ, or eˣ + e^y: of one sign at every real point, so never 0 (a polynomial's factors are solved exactly)
    found = [p for p in found if p.is_polynomial(*syms) or constant_sign(p, syms) is None]
    first = lambda p: min(syms.index(s) for s in p.free_symbols & set(syms))  # noqa: E731
    return tuple(sorted(dict.fromkeys(found), key=lambda p: (first(p), sympy.default_sort_key(p))))


def constant_sign(expr: Expr, syms: Sequence[sympy.Symbol]) -> int | None:
    """1 or -1 where expr is shown to have that sign wherever it is defined on the reals (eˣ, eˣ + e^y,
    a nonzero number), so that it is never 0; None where that is not shown."""
    real = expr.xreplace({s: sympy.Dummy(s.name, real=True) for s in syms})
    return 1 if real.is_positive else (-1 if real.is_negative else None)


def one_zero_at_most(factor: Expr, syms: Sequence[sympy.Symbol]) -> str:
    """Why a factor in one variable is 0 at one point at most, where it is strictly monotone on its domain (eˣ − 2:
    increasing, as its derivative eˣ is positive; ln x − 1 on x > 0): "" where that is not shown. sympy then lists
    that one zero, or none, as it does a polynomial's."""
    own = factor.free_symbols & set(syms)
    if len(own) != 1 or factor.is_polynomial(*own):
        return ""
    (s,) = own
    try:
        with deadline(SOLVE_SECONDS):
            domain = continuous_domain(factor, s, sympy.S.Reals)
            # the domain one interval, unbounded at least on one side, so that one assumption on s covers it
            place = {sympy.S.Reals: dict(real=True), sympy.Interval.open(0, sympy.oo): dict(positive=True),
                     sympy.Interval.open(-sympy.oo, 0): dict(negative=True)}.get(domain)
            if place is None:
                return ""
            slope = sympy.diff(factor, s)
            t = sympy.Dummy(s.name, **place)
            rising = slope.xreplace({s: t})
            direction = "increasing" if rising.is_positive else ("decreasing" if rising.is_negative else "")
            sign_word = "positive" if direction == "increasing" else "negative"
    except _GAVE_UP:
        return ""
    if not direction:
        return ""
    where = "" if domain == sympy.S.Reals else f" on {interval_text(domain, s.name)}"
    return (f"{show(factor)} is {direction}{where}, its derivative {show(slope)} being {sign_word}, so it is 0 at one "
            f"{s.name} at most")


def _product_factors(numerator: Expr) -> list[tuple[Expr, int]]:
    """The factors of a product sympy can't factor as a whole (2x(1 - x² - y²)e^(-x² - y²)): each
    factor of it on its own, a polynomial one factored further, one that is never 0 (e^u) left
    out. Taken whole, the product's zero set is that of all its factors at once: solved together
    with the other partial it gave the set where ∂f/∂x = 0 as if it were critical."""
    pairs: list[tuple[Expr, int]] = []
    for part in sympy.Mul.make_args(numerator):
        base, power = part.as_base_exp()
        if not (power.is_Integer and power > 0):
            base, power = part, sympy.Integer(1)
        if not base.free_symbols or base.is_zero is False:
            continue
        try:
            pairs += [(p, int(power) * k) for p, k in sympy.factor_list(base)[1]] if base.is_polynomial() \
                else [(base, int(power))]
        except (sympy.PolynomialError, NotImplementedError):
            pairs.append((base, int(power)))
    return pairs


@metered_cache(4096)
def _polynomial(expr: Expr) -> Poly | None:
    """expr as a polynomial with rational coefficients in its own variables, in sympy's order of
    them (as sympy.factor_list takes it), or None when it is not one as written ((x³ - x)/x is
    not, though Poly would cancel x)."""
    if not expr.is_polynomial():
        return None
    try:
        poly = Poly(expr)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if poly.domain not in (sympy.ZZ, sympy.QQ) or not all(g.is_Symbol for g in poly.gens):
        return None
    return poly


def _rational_factors(numerator: Expr) -> list[tuple[Expr, int]] | None:
    """What sympy.factor_list(numerator) gives as factors, for a polynomial with rational
    coefficients, without its work on expressions (together, each product's factor apart): the
    irreducible factors over the integers, primitive, leading coefficient positive in the same
    order of the variables. None for any other numerator."""
    poly = _polynomial(numerator)
    if poly is None:
        return None
    if poly.total_degree() == 1:  # irreducible already: only its content and sign taken out
        line = poly.clear_denoms()[1].primitive()[1]
        return [((-line if line.LC() < 0 else line).as_expr(), 1)]
    return [(factor.as_expr(), power) for factor, power in poly.factor_list()[1]]


def _solve_case(combination: Sequence[Expr], syms: Sequence[sympy.Symbol], f: Expr,
                gradient: Sequence[Expr], region: Region | None, exactly: bool,
                windows: Sequence[Window] = ()) -> Case | None:
    distinct = tuple(dict.fromkeys(combination))
    conditions = tuple(as_equation(c, syms) for c in combination)
    if _contradictory(distinct):
        return None
    apart = _solve_apart(distinct, syms, windows) if windows else None
    if apart is not None:  # sin x = 0 and y = 0: every x = kπ, those in the window listed
        found_apart, families = apart
        return Case(conditions, tuple(p for p in found_apart if _defined(p, syms, f, gradient)),
                    families=families, every=True)
    if exactly:
        found, whole = _solve_exactly(distinct, syms)
    else:
        try:
            found, whole = _pinned(distinct, syms) or _solve_with_sympy(distinct, syms)
        except (NotImplementedError, OutOfTime, sympy.PolynomialError, ValueError, TypeError,
                ZeroDivisionError, RecursionError):  # sympy gave up: said so in the result, never raised
            return Case(conditions, solved=False)
    points = [p for p in found if _defined(p, syms, f, gradient)]
    undefined = tuple(p for p in found if p not in points)
    curve = None
    if whole:
        ordered = _independent(sorted(distinct, key=sympy.default_sort_key), syms)
        curve = _critical_set(tuple(as_equation(c, syms) for c in ordered), syms, f, region)
    if not points and curve is None and not undefined:
        return None
    return Case(conditions, tuple(points), curve, undefined=undefined)


def _independent(factors: list[Expr], syms: Sequence[sympy.Symbol]) -> list[Expr]:
    """Linear factors without those that follow from the ones before (x - 2y + z = 0 from x = y and y = z), so
    that a line is written with two equations; other factors as they are."""
    if not all(f.is_polynomial(*syms) and Poly(f, *syms).total_degree() == 1 for f in factors):
        return factors
    kept: list[Expr] = []
    rows: list[list[Expr]] = []
    for factor in factors:
        row = [factor.coeff(s) for s in syms] + [factor.as_independent(*syms, as_Add=True)[0]]
        if sympy.Matrix([*rows, row]).rank() > len(rows):
            kept.append(factor)
            rows.append(row)
    return kept


def _solve_apart(factors: Sequence[Expr], syms: Sequence[sympy.Symbol], windows: Sequence[Window]
                 ) -> tuple[list[tuple[Expr, ...]], tuple[Family, ...]] | None:
    """A case whose conditions are each in a variable of its own (sin x = 0 and y = 0), solved one by one
    with solveset: a periodic variable's solutions in its window, the others' all of them; the points are
    every combination. None where that does not apply or solveset can't list them."""
    spans = {w.variable: w for w in windows}
    per_variable: dict[sympy.Symbol, list[Expr]] = {}
    for factor in factors:
        own = factor.free_symbols & set(syms)
        if len(own) != 1:
            return None
        per_variable.setdefault(own.pop(), []).append(factor)
    values: list[list[Expr]] = [[] for _ in syms]
    families: list[Family] = []
    try:
        with deadline(SOLVE_SECONDS):
            for s in sorted(per_variable, key=lambda v: -len(per_variable[v])):  # sin x = 0 = cos x first: never
                window = spans.get(s.name)
                if window is not None and not all(_repeats(c, s, window.period) for c in per_variable[s]):
                    return None
                found = _common(per_variable[s], s, window.span if window else sympy.S.Reals)
                if found is None:
                    return None
                if window is not None:
                    first = _common(per_variable[s], s, sympy.Interval.Ropen(0, window.period))
                    if first is None:
                        return None
                    if first:
                        families.append(_family(s.name, first, window.period))
                if not found:
                    return [], ()  # sin x = 0 and cos x = 0 together: never
                values[syms.index(s)] = found
    except _GAVE_UP:
        return None
    if len(per_variable) < len(syms):
        return None  # y free, with x = c: a whole line, as sympy's solve finds it
    families.sort(key=lambda family: [s.name for s in syms].index(family.variable))
    return [tuple(p) for p in itertools.product(*values)], tuple(families)


def _common(factors: Sequence[Expr], s: sympy.Symbol, span: sympy.Set) -> list[Expr] | None:
    """Where every factor is 0 in the span, by solveset; None where it can't list them."""
    found = [_listed(sympy.solveset(c, s, span)) for c in factors]
    if any(f is None for f in found):
        return None
    first, *others = found
    return [z for z in first or () if all(any(sympy.simplify(z - w) == 0 for w in o or ()) for o in others)]


def _listed(found: sympy.Set) -> list[Expr] | None:
    """solveset's finitely many real solutions, in order; None where it gives no such list."""
    if found == sympy.S.EmptySet:
        return []
    if not isinstance(found, sympy.FiniteSet) or not all(z.is_real and z.is_comparable for z in found):
        return None
    return sort_exactly(list(found))


def _repeats(factor: Expr, s: sympy.Symbol, period: Expr) -> bool:
    """Whether the factor's zeros repeat every period: it does, or changes sign (sin(x/2) a period of 2π on)."""
    moved = factor.xreplace({s: s + period})
    return moved == factor or sympy.simplify(moved - factor) == 0 or sympy.simplify(moved + factor) == 0


def _family(variable: str, first: Sequence[Expr], period: Expr) -> Family:
    """The solutions with 0 ≤ x < period, as every solution: evenly spaced ones as one family (0 and π
    of sin x = 0 as x = kπ), else each a period apart."""
    gap = period / len(first)
    spaced = all(sympy.simplify(b - a - gap) == 0 for a, b in pairwise(first))
    return Family(variable, (first[0],), gap) if spaced else Family(variable, tuple(first), period)


def _solve_exactly(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool]:
    """Polynomials with rational coefficients in one or two variables, set to 0 together:
    their real common points, and whether they have a whole curve of them in common."""
    if len(syms) == 1:
        (factor,) = factors
        return [(r,) for r in real_roots(factor, syms[0])], False
    x, y = syms
    if len(factors) == 2:
        p, q = factors
        return list(real_solutions(p, q, x, y)), False
    (factor,) = factors
    if _has_real_curve(factor, x, y):
        return [], True
    gradient = [sympy.diff(factor, v) for v in syms]  # the curve's only real points are singular ones
    along = gradient[1] if gradient[1] != 0 else gradient[0]
    candidates = real_solutions(factor, along, x, y)
    return [p for p in candidates if all(sign(g.xreplace(dict(zip(syms, p)))) == 0 for g in gradient)], False


def _has_real_curve(curve: Expr, x: sympy.Symbol, y: sympy.Symbol) -> bool:
    """Whether the irreducible curve = 0 has a whole arc of real points (x² + y² + 1 = 0 has none,
    x² + y² = 0 only the point (0, 0)).

    Between the x where the curve has a vertical tangent, a singular point or an asymptote, the
    number of real y on it stays the same, so one x in each gap (and beyond) tells.
    """
    poly = Poly(curve, x, y)
    if poly.degree(y) <= 0 or poly.degree(x) <= 0:
        return bool(real_roots(curve, x if poly.degree(y) <= 0 else y))
    lead = poly.as_expr().coeff(y, poly.degree(y))
    marks = Poly(sympy.resultant(curve, sympy.diff(curve, y), y) * lead, x)
    places = list(real_roots(marks)) if marks.degree() > 0 else []
    return any(real_roots(Poly(curve.xreplace({x: a}), y)) for a in _samples(places))


def _samples(marks: Sequence[Expr]) -> list[Expr]:
    """A rational number in each gap between sorted reals, and one beyond each end (0 if none)."""
    if not marks:
        return [sympy.Integer(0)]
    samples = [sympy.floor(marks[0]) - 1]
    samples += [rational_between(a, b) for a, b in pairwise(marks)]
    return samples + [sympy.ceiling(marks[-1]) + 1]


def _pinned(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool] | None:
    """Where one factor pins a variable (x = 0), the other factor's zeros in the variable left, listed by solveset on
    each side of its kinks: sympy's solve of x = 0 and 6y|x² − y|^(2/3) + 1 = 0 checks its answers until its
    deadline, where solveset lists y = -6^(-3/5) (y < 0) at once. None where no factor pins one, or a zero is at a
    kink (the factor may have no value there: left to sympy's solve)."""
    if len(factors) != 2 or len(syms) != 2:
        return None
    for pin, other in (factors, factors[::-1]):
        names = pin.free_symbols & set(syms)
        if len(names) != 1 or not pin.is_polynomial(*names) or sympy.degree(pin, *names) != 1:
            continue
        (s,), (t,) = names, set(syms) - names
        slope, intercept = Poly(pin, s).all_coeffs()
        at = -intercept / slope
        rest = other.xreplace({s: at})
        if rest.free_symbols != {t}:
            return None  # with x = c, the other factor constant: no point, or a whole line, as sympy's solve says
        absolutes = sorted(rest.atoms(sympy.Abs), key=sympy.default_sort_key)
        found = []
        with deadline(SOLVE_SECONDS):
            for signs, piece in signed_pieces(rest, absolutes):
                zeros = _listed(sympy.solveset(piece, t, sympy.S.Reals))
                if zeros is None:
                    return None
                for z in zeros:
                    if any(sign(a.args[0].xreplace({t: z})) in (0, None) for a in absolutes):
                        return None
                    if holds(absolutes, signs, {t: z}):
                        found.append((at, z) if syms[0] == s else (z, at))
        return sort_exactly(list(dict.fromkeys(found))), False
    return None


def _solve_with_sympy(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool]:
    """sympy's solve, within its time budget, keeping the real solutions."""
    with deadline(SOLVE_SECONDS):
        solutions = sympy.solve(list(factors), list(syms), dict=True)
    points, whole = [], False
    for solution in solutions:
        if all(s in solution for s in syms) and not any(v.free_symbols & set(syms) for v in solution.values()):
            point = tuple(as_real(solution[s]) for s in syms)
            if None not in point:
                points.append(point)
        else:
            whole = True
    return points, whole


def _contradictory(factors: Sequence[Expr]) -> bool:
    """Two different irreducible factors in the same single variable have no common zero."""
    single = {}
    for factor in factors:
        if len(factor.free_symbols) == 1 and factor.is_polynomial():
            (s,) = factor.free_symbols
            if s in single:
                return True
            single[s] = factor
    return False


def _defined(point: tuple, syms: Sequence[sympy.Symbol], f: Expr, gradient: Sequence[Expr]) -> bool:
    values = dict(zip(syms, point))
    for expr, denominator, polynomial in _domain(f, tuple(gradient), tuple(syms)):
        if polynomial:
            continue  # real and finite at every real point
        if denominator.free_symbols and sign(denominator.xreplace(values)) == 0:
            return False
        value = expr.xreplace(values)
        if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or value.is_extended_real is False:
            return False
    return True


@metered_cache(256)  # the same for every point of every case
def _domain(f: Expr, gradient: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]) -> tuple[tuple[Expr, Expr, bool], ...]:
    """f and its gradient, each with its denominator and whether it is a polynomial with rational
    coefficients as written, so defined everywhere ((x³ - x)/x is not: sympy's Poly and together
    would cancel x)."""
    found = []
    for expr in (f, *gradient):
        polynomial = expr.is_polynomial(*syms) and rational_polynomial(expr, syms) is not None
        denominator = sympy.Integer(1) if polynomial else sympy.fraction(sympy.together(expr))[1]
        found.append((expr, denominator, polynomial))
    return tuple(found)


@metered_cache(4096)  # a partial comes again in many variants: 2ax - b for every c of ax² - bx + c
def _numerator(partial: Expr) -> Expr:
    return sympy.fraction(sympy.together(partial))[0]


def as_equation(factor: Expr, syms: Sequence[sympy.Symbol]) -> Equation:
    """factor = 0 as the lesson writes it: x - 4 = 0 as x = 4, x - y = 0 as x = y."""
    return _as_equation(factor, tuple(syms))


@metered_cache(4096)  # so does a factor of one (x - a/2 for every b of x² - y² + ax + by)
def _as_equation(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> Equation:
    for s in syms:
        if factor.is_polynomial(s) and sympy.degree(factor, s) == 1:
            coefficient = factor.coeff(s)
            if not coefficient.free_symbols:
                return Equation(s, sympy.expand(s - factor / coefficient))
    constant = factor.as_independent(*syms, as_Add=True)[0]
    return Equation(factor - constant, -constant)


def _critical_set(equations: tuple[Equation, ...], syms: Sequence[sympy.Symbol], f: Expr,
                  region: Region | None) -> CriticalSet:
    value = _value_along(f, equations, syms)
    inside, extent, variable = region.extent(equations) if region else (None, None, None)
    where = interval_text(extent, variable.name) if inside and extent is not None and variable is not None else ""
    kind = _kind(equations, syms)
    holes = _holes(f, equations, syms)
    defined = _defined_along(f, equations, syms) if not holes else None
    facts = []
    if value is not None:
        facts.append(f"f = {show(value)} all along it")
    if inside is not None:
        facts.append(f"it meets the region where {where}" if inside and where else
                     ("it lies inside the region" if inside else "it lies outside the region"))
    except_ = f", except {and_points(holes)}, where f has no value," if holes else ""
    if defined is not None:
        except_ = f" where {_where(*defined)} (f has no value elsewhere on it)"
    text = "; ".join((f"Every point of the {kind} {' and '.join(_show(e, syms) for e in equations)}{except_} "
                      "is critical", *facts))
    detail = "; ".join(facts) or "every point of it is critical"
    pieces = _pieces(f, equations, syms, value, holes) if defined is None else \
        _pieces_by_factors(f, equations[0], syms, value, defined)
    level = through(f, equations[0], syms) if not pieces and len(syms) == 2 and len(equations) == 1 \
        and value is not None and defined is None else None
    if level is not None:  # not a polynomial, but a function of the quantity the curve is a level of
        pieces = (_level_piece(level, value, syms),)  # type: ignore[arg-type]
    if not pieces and value is not None and defined is None and (below := nowhere_below_value(f, syms, value)):
        # (x - y)² + (y - z)², a line in three variables: a sum of squares, 0 all along it
        judgement = _judgement(1, show(value), "set", len(syms), below)
        pieces = (Piece("", None, judgement.nature, judgement.reason),)
    inner = cut(pieces, extent, variable) if inside else ()
    beyond = level.beyond() if level is not None and level.everywhere else ""
    return CriticalSet(equations[0], inside, text, equations[1:], value, where, kind, pieces, inner, beyond, holes,
                       detail, _where(*defined) if defined is not None else "")


def _where(domain: sympy.Set, u: sympy.Symbol) -> str:
    parts = domain.args if isinstance(domain, sympy.Union) else (domain,)
    return " or ".join(interval_text(part, u.name) for part in parts)


def _defined_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]
                   ) -> tuple[sympy.Set, sympy.Symbol] | None:
    """The part of a line v = g(u) in two variables where f has a value, as the values of u there, where that
    is not all of it: y = 0 of y² ln x only where 0 < x. From f's logarithms and roots (of negatives they have
    no real value) and its divisions, each read on the line, as f itself can't be: y² ln x there is 0·ln x."""
    if len(syms) != 2 or len(equations) != 1 or not isinstance(equations[0].lhs, sympy.Symbol):
        return None
    (equation,) = equations
    u = next(s for s in syms if s != equation.lhs)
    if equation.rhs.free_symbols - {u}:
        return None
    domain: sympy.Set = sympy.S.Reals
    try:
        with deadline(SOLVE_SECONDS):
            for part in sympy.preorder_traversal(f):
                if not isinstance(part, (sympy.log, sympy.Pow)) or part.is_polynomial(*syms):
                    continue
                along = part.xreplace({equation.lhs: equation.rhs})
                if along.has(sympy.zoo, sympy.nan) or along.is_extended_real is False:
                    return sympy.S.EmptySet, u
                if along.free_symbols:
                    domain = domain.intersect(continuous_domain(along, u, sympy.S.Reals))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return None
    if domain == sympy.S.Reals or not all(isinstance(p, sympy.Interval)
                                          for p in (domain.args if isinstance(domain, sympy.Union) else (domain,))):
        return None
    return domain, u


def _pieces_by_factors(f: Expr, equation: Equation, syms: Sequence[sympy.Symbol], value: Expr | None,
                       defined: tuple[sympy.Set, sympy.Symbol]) -> tuple[Piece, ...]:
    """The nature of the points of a line v = g(u) on the part of it where f has a value, where f - value is
    (v - g(u))^k times a factor h(u) of u alone (y² ln x): with k even, f - value has h's sign off the line, so
    each point is a minimum where h ≥ 0 on both sides of it, a maximum where h ≤ 0, neither where h changes
    sign there; with k odd, f - value changes sign across the line everywhere."""
    domain, u = defined
    if value is None or not isinstance(domain, sympy.Interval):
        return ()
    curve = equation.lhs - equation.rhs
    own, h = 0, sympy.Integer(1)
    for factor in sympy.Mul.make_args(sympy.factor_terms(f - value)):
        base, power = factor.as_base_exp()
        if power.is_Integer and power > 0 and sympy.expand(base - curve) == 0:
            own += int(power)
        elif power.is_Integer and power > 0 and sympy.expand(base + curve) == 0:
            own, h = own + int(power), h * (-1) ** power
        elif factor.free_symbols <= {u}:
            h *= factor
        else:
            return ()
    shown_value = show(value)
    why = f"f - {shown_value} is {show(curve**own if own > 1 else curve)} times {show(h)}"
    if own == 0:
        return ()
    if own % 2:
        return (Piece("", None, Nature.NEITHER,
                      f"f takes values above and below {shown_value} on either side of it ({why})"),)
    try:
        with deadline(SOLVE_SECONDS):
            zeros = sympy.solveset(h, u, sympy.Interval.open(domain.start, domain.end))
    except (NotImplementedError, OutOfTime, ValueError, TypeError):
        return ()
    if not isinstance(zeros, (sympy.FiniteSet, sympy.sets.sets.EmptySet)) or not all(z.is_real for z in zeros):
        return ()
    marks = sort_exactly(zeros)
    bounds = [domain.start, *marks, domain.end]
    signs = []
    for low, high in pairwise(bounds):
        middle = rational_between(low, high) if low.is_finite and high.is_finite else \
            (high - 1 if high.is_finite else (low + 1 if low.is_finite else sympy.Integer(0)))
        signs.append(sign(h.xreplace({u: middle})))
    if None in signs or 0 in signs:
        return ()
    pieces = []
    for k, (low, high) in enumerate(pairwise(bounds)):
        if k == 0 and low.is_finite and low in domain:  # an end of the part where f has a value: one side only
            pieces.append(_piece(u.name, sympy.FiniteSet(low), signs[0], shown_value, why))
        pieces.append(_piece(u.name, sympy.Interval.open(low, high), signs[k], shown_value, why))
        if k + 1 < len(signs):
            s = signs[k] if signs[k] == signs[k + 1] else 0
            pieces.append(_piece(u.name, sympy.FiniteSet(high), s, shown_value, why))
        elif high.is_finite and high in domain:
            pieces.append(_piece(u.name, sympy.FiniteSet(high), signs[k], shown_value, why))
    return tuple(Piece("", None, p.nature, p.reason) if p.along == domain else p for p in _merged(pieces))


def and_points(points: Sequence[tuple[Expr, ...]]) -> str:
    return " and ".join(show(p) for p in points)


def _ratio(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, Expr] | None:
    """f as a numerator and denominator, both polynomials with rational coefficients; None where f is no such
    ratio."""
    numerator, denominator = sympy.fraction(sympy.together(f))
    if rational_polynomial(numerator, syms) is None or rational_polynomial(denominator, syms) is None:
        return None
    return numerator, denominator


def _holes(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> tuple[tuple[Expr, ...], ...]:
    """The points of a line v = (a polynomial in u) where f has no value: where f's denominator is 0 on it. Only
    for such lines in two variables, where those points are the real roots of one polynomial in u."""
    if len(syms) != 2 or len(equations) != 1 or not isinstance(equations[0].lhs, sympy.Symbol) \
            or (ratio := _ratio(f, syms)) is None:
        return ()
    (equation,) = equations
    u = next(s for s in syms if s != equation.lhs)
    if not equation.rhs.is_polynomial(u) or equation.rhs.free_symbols - {u}:
        return ()
    denominator = ratio[1]
    along = sympy.expand(denominator.xreplace({equation.lhs: equation.rhs}))
    if not along.free_symbols:
        return ()
    points = (tuple(r if v == u else equation.rhs.xreplace({u: r}) for v in syms)
              for r in sort_exactly(dict.fromkeys(real_roots(Poly(along, u)))))
    return tuple(p for p in points if not _defined(p, syms, f, ()))


def _level_piece(level: Through, value: Expr, syms: Sequence[sympy.Symbol]) -> Piece:
    """Every point of the curve u = c, classified by g″(c) where f = g(u)."""
    names = [s.name for s in syms]
    if level.sign == 0:
        return Piece("", None, Nature.UNDECIDED, f"{level.why(names)}, which does not decide")
    judgement = _judgement(level.sign, show(value), "set", 2, level.why(names))
    return Piece("", None, judgement.nature, judgement.reason)


def _value_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> Expr | None:
    """f on the set, when it is the same constant on every branch of it (85 on x = 0)."""
    solved = {e.lhs: e.rhs for e in equations if isinstance(e.lhs, sympy.Symbol)}
    try:
        with deadline(SOLVE_SECONDS):
            branches = [solved] if len(solved) == len(equations) else \
                sympy.solve([e.lhs - e.rhs for e in equations], list(syms), dict=True)
            values = {sympy.simplify(f.subs(branch)) for branch in branches}
    except (NotImplementedError, OutOfTime, sympy.PolynomialError, ValueError, TypeError):
        return None
    if len(values) == 1 and not next(iter(values)).free_symbols:
        return values.pop()
    return None


def _kind(equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> str:
    linear = all(sympy.Poly(e.lhs - e.rhs, *syms).total_degree() <= 1
                 if (e.lhs - e.rhs).is_polynomial(*syms) else False for e in equations)
    dimension = len(syms) - len(equations)
    names = {1: "line", 2: "plane"} if linear else {1: "curve", 2: "surface"}
    return names.get(dimension, "set")


def _show(e: Equation, syms: Sequence[sympy.Symbol]) -> str:
    return show(e, [s.name for s in syms])


def lies_on(point: Sequence[Expr], equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> bool:
    values = dict(zip(syms, point))
    return all(sign((e.lhs - e.rhs).xreplace(values)) == 0 for e in equations)


def _largest(sets: list[CriticalSet]) -> list[CriticalSet]:
    """Drop a set that lies in another one (the line x = y = 0 in the plane x = 0)."""
    return [s for s in sets
            if not any(t is not s and set(t.equations) < set(s.equations) for t in sets)]


def _unique(items) -> list:
    return list(dict.fromkeys(items))


# ------------------------------------------------------- deciding by the function's values


def by_values(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, leading: bool = True) -> ByValues:
    """What f's values near a critical point say, where the second-derivative test can't decide; with
    `leading`, at last from f - f(P)'s lowest order in the distance from P (a corner or cusp of f not a sum
    g(x) + h(y): (x² + y²)^(1/3) - x at the origin)."""
    value = f.xreplace(dict(zip(syms, point)))
    one_way: tuple[int, str] | None = None  # a strict extremum along one axis, where nothing else decides
    if len(syms) == 1:
        s, why = at_edge(f, syms[0], point[0])
        if s is None:
            s, why = higher_derivatives(f, syms[0], point[0])
        if s is None:  # sin|x| at 0: a corner, where f″ is no number, but f′ has a sign on each side
            s, why = one_sided(f, syms[0], point[0])
        if s is None:  # |x|^(3/2) at 0: f′ → 0 from both sides, f″ → ∞
            s, why = _by_terms(f, syms, point, value)
        if s is None:  # |x|^(3/2) - x² at 0: its lowest power, |x|^(3/2), outweighs x² near 0
            s, why = lowest_power(f, syms[0], point[0], value)
    elif rational_polynomial(f, syms) is not None and all(c.is_Rational for c in point):
        g = sympy.expand(f - value)
        s = _definite(g, syms, point)  # the reason given is the one that decided: no factors are needed here
        if s in (1, -1):
            shifted = sum(c * sympy.Mul(*((v - a)**e for v, a, e in zip(syms, point, monomial)))
                          for monomial, c in _shifted(g, syms, point).terms())
            why = (f"f - f(P) = {show(shifted)} is a sum of even powers with "
                   f"{'positive' if s > 0 else 'negative'} coefficients")
        else:
            s, why = _sign_by_factors(g, syms, point), "from the factors of f - f(P)"
            if s is None:  # a factor with a cusp at the point (x² + y³): a path through it may still show both signs
                s, why = _sign_along_paths(g, syms, point)
            if s is None:  # D = 0 with one square in the quadratic part: (x - y²)² + y⁴
                s, why = _completed_square(g, syms, point)
            if s is None:  # the lowest-degree terms alone: x⁴ + x³y + y⁴, > 0 in every direction
                s, why = _lowest_terms(g, syms, point)
    else:
        s, why = _by_terms(f, syms, point, value)
        if s is None:  # cos(x) + y⁴ at the origin: a maximum along x, a minimum along y
            s, why, one_way = _along_axes(f, syms, point, value)
    if s is None and len(syms) == 2:  # |x| + x/2 + y²: each part decided in its own variable
        s, why = _by_parts(f, syms, point)
    if s is None and leading and len(syms) == 2:
        s, why = leading_order(f, syms, point, value)
    if s is None and one_way is not None:  # lower on both sides along a line: whatever else, no minimum there
        return _ruled_out(*one_way)
    return _judgement(s, show(value), "point", len(syms), why)


def separated(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, Expr] | None:
    """f as g(x) + h(y), each part depending on its variable alone (a constant goes with g), from f's terms as
    written; None where a term has both variables or a part is constant: f is then not a sum of such parts."""
    x, y = syms
    terms = sympy.Add.make_args(f)
    if any({x, y} <= t.free_symbols for t in terms):
        return None
    g = sympy.Add(*(t for t in terms if y not in t.free_symbols))
    h = sympy.Add(*(t for t in terms if y in t.free_symbols))
    if x not in g.free_symbols or y not in h.free_symbols or sympy.expand(f - g - h) != 0:
        return None
    return g, h


# a part's nature at its point is local: x² + |x − 1|^(2/3) has a minimum at 1, but is least at 0.3939
_ONE_WORD = {Nature.MINIMUM: "a local minimum", Nature.MAXIMUM: "a local maximum"}


def _by_parts(f: Expr, syms: Sequence[sympy.Symbol], point: tuple) -> tuple[int | None, str]:
    """f = g(x) + h(y) at (a, b) from what g's values say at a and h's at b, each in one variable, where a
    corner or cusp is told from f′'s signs on each side: both least there, f is least (and greatest where both
    are greatest); one least and one greatest, or one neither (x³ at 0), f takes values above and below."""
    parts = separated(f, syms)
    if parts is None:
        return None, ""
    natures = [by_values(part, (v,), (a,)).nature for part, v, a in zip(parts, syms, point)]
    said = [f"{show(part)}, with {_ONE_WORD.get(n, 'neither a minimum nor a maximum')} at {v.name} = {show(a)}"
            for part, v, a, n in zip(parts, syms, point, natures)]
    why = f"f is the sum of {said[0]}, and {said[1]}"
    if Nature.NEITHER in natures:
        return 0, why
    if set(natures) <= set(_ONE_WORD) and natures[0] == natures[1]:
        return (1 if natures[0] == Nature.MINIMUM else -1), why
    if set(natures) == set(_ONE_WORD):
        return 0, why
    return None, ""


def _by_terms(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr) -> tuple[int | None, str]:
    """1 (or -1) where f is a sum of terms each at its least (greatest) at P: |x|^(3/2) + y² at the origin,
    where a second derivative is infinite, each term 0 there and never negative; cos(x) + y⁴ at (π, 0),
    where cos(x) is -1, its least. (None, "") otherwise."""
    at = dict(zip(syms, point))
    at_point = show(point[0]) if len(point) == 1 else ", ".join(show(c) for c in point)
    shifted = _shifted_terms(f, syms, point, value)
    # the terms as written first: |x + y| + (x - y)² is two terms never negative, expanded it has -2xy
    for terms in _unique((sympy.Add.make_args(f), sympy.Add.make_args(sympy.expand(f)))):
        terms = [t for t in terms if t.free_symbols & set(syms)]
        if not terms:
            continue
        for s, never, least in ((1, "negative", "least"), (-1, "positive", "greatest")):
            if shifted and all(_never_below(s * t) for t in shifted):  # |x - 1|^(3/2) + (y + 2)² at (1, -2)
                return s, _never(at_point, sympy.Add(*shifted), len(shifted), never)
            found = [_least(s * t, syms) for t in terms]
            bounds = [b for b in found if b is not None]
            if len(bounds) < len(terms) or any(sign(s * t.xreplace(at) - b) != 0 for t, b in zip(terms, bounds)):
                continue
            if all(b == 0 for b in bounds):
                return s, _never(at_point, f - value, len(terms), never)
            said = ", ".join(f"{show(t)} {'≥' if s > 0 else '≤'} {show(s * b)}" for t, b in zip(terms, bounds))
            return s, f"each term of f is at its {least} there: {said}"
    return None, ""


def _never(at_point: str, difference: Expr, terms: int, never: str) -> str:
    """'f - f(0, 0) = y² + |x|^(3/2) is a sum of terms that are never negative'."""
    what = "is a sum of terms that are never" if terms > 1 else "is never"
    return f"f - f({at_point}) = {show(difference)} {what} {never}"


def _shifted_terms(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr) -> tuple[Expr, ...]:
    """The terms of f - f(P) in powers of x - a, y - b, each written back in x and y: (y + 2)² and
    |x - 1|^(3/2) for |x - 1|^(3/2) + (y + 2)² at (1, -2), which expanded in x and y has terms of both signs
    (4y). Empty at the origin (the terms of f are these) or where f - f(P) has a constant term left."""
    if all(c == 0 for c in point):
        return ()
    moved = sympy.expand(f.xreplace({v: v + c for v, c in zip(syms, point)}) - value)
    terms = sympy.Add.make_args(moved)
    if any(not t.free_symbols & set(syms) for t in terms):
        return ()
    return tuple(t.xreplace({v: v - c for v, c in zip(syms, point)}) for t in terms)


def _least(term: Expr, syms: Sequence[sympy.Symbol]) -> Expr | None:
    """The least value of a term at real points, where it is plain: 0 for a term never negative, -|c| for
    c·sin(u) or c·cos(u) with u a polynomial (real wherever the variables are). None otherwise."""
    if _never_below(term):
        return sympy.Integer(0)
    coefficient, rest = term.as_coeff_Mul()
    if isinstance(rest, (sympy.sin, sympy.cos)) and rest.args[0].is_polynomial(*syms):
        return -abs(coefficient)
    return None


def _along_axes(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr
                ) -> tuple[int | None, str, tuple[int, str] | None]:
    """0 where f takes values above and below f(P) on the lines through P along the axes (f not a
    polynomial: the paths of _sign_along_paths are for polynomials): on one f crosses f(P), or one shows a
    strict maximum and another a strict minimum (cos(x) + y⁴ at the origin). Lines alone never show a
    minimum: (None, "") unless they show both signs. The third: where they show one sign only, it and the
    line (f lower on both sides along it is no minimum, whatever the other line shows), else None."""
    seen: dict[int, str] = {}
    for u, a in zip(syms, point):
        held = {v: c for v, c in zip(syms, point) if v != u}
        along = f.xreplace(held)
        s, _ = higher_derivatives(along, u, a)
        if s is None:  # |x| + cos(y) at the origin: a corner along x, where f′'s signs on each side decide
            s, _ = one_sided(along, u, a)
        where = "on the line " + " and ".join(show(Equation(v, c)) for v, c in held.items())
        shown = show(along - value)
        if s == 0:
            return 0, f"{where}, f - f(P) = {shown}, which changes sign at {u.name} = {show(a)}", None
        if s is None:
            continue
        here = f"{shown} {'>' if s > 0 else '<'} 0 near it {where}"
        if -s in seen:
            above, below = (here, seen[-s]) if s > 0 else (seen[-s], here)
            return 0, f"f - f(P) = {above}, but {below}", None
        seen[s] = here
    return None, "", next(iter(seen.items()), None)


def lowest_power(f: Expr, x: sympy.Symbol, a: Expr, value: Expr) -> tuple[int | None, str]:
    """The sign of f - f(a) on each side of a from its lowest power of |x - a| there: on the right f(a + t) - f(a)
    is a sum of powers c·tʳ of t > 0 (|x|^(3/2) - x² is t^(3/2) - t²), and near a the lowest one outweighs the
    rest, so its coefficient's sign is that of f - f(a); the same on the left, with f(a - t). 1 or -1 where both
    sides agree, 0 where they differ; (None, "") where a side is no such sum (|x| inside a function, sin(|x|))."""
    t = sympy.Dummy("t", positive=True)
    lowest = []
    for turn in (-1, 1):
        powers: dict[Expr, Expr] = {}
        for term in sympy.Add.make_args(sympy.expand(f.xreplace({x: a + turn * t}) - value)):
            coefficient, power = term.as_coeff_exponent(t)
            if coefficient.has(t) or not power.is_Rational or power <= 0:
                return None, ""
            powers[power] = powers.get(power, sympy.Integer(0)) + coefficient
        powers = {r: c for r, c in powers.items() if c != 0}
        if not powers:
            return None, ""
        r = min(powers)
        s = sign(powers[r])
        if not s:
            return None, ""
        lowest.append((s, powers[r] * sympy.Abs(x - a)**r))
    (left, on_left), (right, on_right) = lowest
    gap = show(sympy.Abs(x - a))
    def near(term: Expr) -> str:
        return f"{show(term)} + higher powers of {gap}"
    shown = f"f - f({show(a)})"
    if on_left == on_right:
        return left, f"{shown} = {near(on_left)} on both sides"
    said = f"{shown} = {near(on_left)} just left of it and {near(on_right)} just right of it"
    return (left if left == right else 0), said


def nowhere_below(f: Expr, syms: Sequence[sympy.Symbol], point: tuple) -> str:
    """Why f ≥ f(P) at every real point, where it is a sum of terms each 0 at P and never negative
    (|x|^(3/2) + y² at the origin): then P is a global minimum, whatever other critical points f has. ""
    where that is not shown."""
    s, why = _by_terms(f, syms, point, f.xreplace(dict(zip(syms, point))))
    return why if s == 1 else ""


def nowhere_below_value(f: Expr, syms: Sequence[sympy.Symbol], value: Expr) -> str:
    """Why f ≥ value at every real point, where f is value plus terms each never negative, as written:
    (x - y)² + 3 ≥ 3, all along its line of minima x = y. "" where that is not shown."""
    terms = sympy.Add.make_args(f)
    varying = [t for t in terms if t.free_symbols & set(syms)]
    rest = sympy.Add(*(t for t in terms if not t.free_symbols & set(syms))) - value
    if not varying or rest.is_zero is not True or not all(_never_below(t) for t in varying):
        return ""
    shown = f"f = {show(f)}" if value == 0 else f"f - {show(value)} = {show(sympy.Add(*varying))}"
    return f"{shown} {'is a sum of terms that are never' if len(varying) > 1 else 'is never'} negative"


def _never_below(term: Expr) -> bool:
    """Whether a term is ≥ 0 for every real value of its variables: |x|^(3/2), y², and x^(4/3) (the real
    cube root of x, to the 4th power)."""
    if term.is_nonnegative:
        return True
    coefficient, rest = term.as_coeff_Mul()
    return bool(coefficient > 0 and isinstance(rest, sympy.Pow) and rest.exp.is_Rational
                and rest.exp.p % 2 == 0 and rest.exp.q % 2 == 1 and rest.base.is_real)


def _judgement(s: int | None, value: str, what: str, dimension: int, why: str) -> ByValues:
    if s is None:
        return ByValues(Nature.UNDECIDED, f"neither the test nor f's values simply decide at this {what}")
    if s == 0:
        nature = Nature.SADDLE if what == "point" and dimension > 1 else Nature.NEITHER
        return ByValues(nature, f"f takes values above and below {value} near {_near(what)} ({why})")
    nature = Nature.MINIMUM if s > 0 else Nature.MAXIMUM
    return ByValues(nature, f"f = {value} {'there' if what == 'point' else 'all along it'} and "
                            f"f {'≥' if s > 0 else '≤'} {value} near {_near(what)} ({why})")


def _near(what: str) -> str:
    return "it" if what == "point" else "each of its points"


_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # f⁽⁴⁾, the order as a superscript, not f⁽4⁾


def higher_derivatives(f: Expr, x: sympy.Symbol, a: Expr, most: int = 12) -> tuple[int | None, str]:
    """The first derivative that is not 0 at a: an even one decides by its sign, an odd one means
    f crosses f(a) there (an inflection)."""
    d = diff(f, x)
    for order in range(2, most + 1):
        d = diff(d, x)
        s = sign(d.xreplace({x: a}))
        if s is None:
            return None, ""
        if s != 0:
            nth = f"the derivatives up to order {order - 1} are 0 there and f⁽{str(order).translate(_RAISED)}⁾ " \
                  f"{_compare(s)}"
            return (s if order % 2 == 0 else 0), nth
    return None, ""


def one_sided(f: Expr, x: sympy.Symbol, a: Expr) -> tuple[int | None, str]:
    """What the signs of f′ on each side of a say: − then + (f ≥ f(a) nearby, 1), + then − (-1), one sign on
    both (f crosses f(a), 0); None where a side's limit of f′ is 0 or not known (then its sign says nothing
    simply). For a corner, where f′ has no value and no higher derivative does: sin|x| at 0 is a minimum."""
    slope = continuous_signs(diff(f, x))
    try:
        with deadline(SOLVE_SECONDS):
            left, right = (sympy.limit(slope, x, a, side) for side in ("-", "+"))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return None, ""
    # extended: f′ → ∞ is positive (|x|^(2/3) at 0: -∞ then ∞, a cusp; x^(1/3): ∞ on both sides, no extremum)
    signs = [1 if v.is_extended_positive else -1 if v.is_extended_negative else None for v in (left, right)]
    if signs.count(None) == 1 and sympy.S.Zero in (left, right):
        # f′ → 0 on one side only, so it has no value at a: its sign beside a decides (|x| + |sin x| at π: 1 + cos x
        # from the left, 0 at π but positive before it, and 2 from the right, so f rises through π)
        side = signs.index(None)
        signs[side] = _sign_beside(slope, x, a, -1 if side == 0 else 1)
    if None in signs:
        return None, ""
    why = f"f′ is {show(left)} from the left and {show(right)} from the right"
    return (signs[1] if signs[0] != signs[1] else 0), why


def domain_ends(f: Expr, x: sympy.Symbol, region: Region | None) -> list[CriticalPoint]:
    """The ends of f's domain where f has a value and f′ none, infinite from the side f has values on (√x at 0),
    and f's values there show a local minimum or maximum: critical, as a cusp is."""
    try:
        with deadline(SOLVE_SECONDS):
            domain = continuous_domain(f, x, sympy.S.Reals)
            ends = domain.boundary.intersect(domain)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return []
    if not isinstance(ends, sympy.FiniteSet):
        return []
    found = []
    for at in ends:
        s, why = at_edge(f, x, at)
        if s not in (1, -1) or "∞" not in why:
            continue
        decided = _judgement(s, show(f.xreplace({x: at})), "point", 1, why)
        point = (at,)
        found.append(CriticalPoint(point, region.contains(point) if region else None,
                                   _no_test(why, f"an end of f's domain: {why}"), decided, why, edge=True))
    return found


def at_edge(f: Expr, x: sympy.Symbol, a: Expr) -> tuple[int | None, str]:
    """Where a is an edge of f's domain (x^(3/2) at 0: f has no value for x < 0), the sign of f - f(a) on the
    side f has values, from f′'s sign just beside a there: 1 where f rises from a (f ≥ f(a) at every point near
    it where f has a value), -1 where it falls; (None, "") where a is no edge or f′'s sign there is not found."""
    try:
        with deadline(SOLVE_SECONDS):
            domain = continuous_domain(f, x, sympy.S.Reals)
            below = domain.intersect(sympy.Interval.open(-sympy.oo, a))
            above = domain.intersect(sympy.Interval.open(a, sympy.oo))
            gap_below = below.is_empty or bool(below.sup < a)
            gap_above = above.is_empty or bool(above.inf > a)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return None, ""
    if gap_below == gap_above:  # f has values on both sides of a, or on neither (no point of f's near a)
        return None, ""
    side = 1 if gap_below else -1
    slope = continuous_signs(diff(f, x))
    try:
        with deadline(SOLVE_SECONDS):
            limit = sympy.limit(slope, x, a, "+" if side > 0 else "-")
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return None, ""
    rises = 1 if limit.is_extended_positive else -1 if limit.is_extended_negative else \
        _sign_beside(slope, x, a, side) if limit == 0 else None
    if rises is None:
        return None, ""
    s = rises * side  # rising to the right of a, or falling to its left, leaves f above f(a)
    # the stretch beside a with no value of f: x < 0 for √x, -1 < x < 1 for √(x² - 1) at either end
    gap = sympy.Interval.open(-sympy.oo if below.is_empty else below.sup, a) if side > 0 else \
        sympy.Interval.open(a, sympy.oo if above.is_empty else above.inf)
    where = interval_text(gap, x.name) if gap.measure.is_finite else f"{x.name} {'<' if side > 0 else '>'} {show(a)}"
    beside = f"{x.name} just {'above' if side > 0 else 'below'} {show(a)}"
    slope_there = f"f′ is {'positive' if rises > 0 else 'negative'} for {beside}" if limit == 0 else \
        f"f′ is {show(limit)} from the {'right' if side > 0 else 'left'}"
    return s, f"f has no value for {where}, and {slope_there}"


def sign_beside(slope: Expr, x: sympy.Symbol, a: Expr, side: int, limit_first: bool = False) -> int | None:
    """The sign of f′ just beside a, on the side (-1 left, 1 right); with limit_first, that of its limit there,
    where it is not 0 (2x + 2/x at 0: -∞ from the left)."""
    if limit_first:
        try:
            with deadline(SOLVE_SECONDS):
                limit = sympy.limit(slope, x, a, "-" if side < 0 else "+")
        except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
            return None
        if limit.is_extended_positive or limit.is_extended_negative:
            return 1 if limit.is_extended_positive else -1
        if limit != 0:
            return None
    return _sign_beside(slope, x, a, side)


def _sign_beside(slope: Expr, x: sympy.Symbol, a: Expr, side: int) -> int | None:
    """The sign of f′ just beside a, on the side (-1 left, 1 right), where f′ → 0 there: that of the first of
    f′/(x − a)ⁿ, n = 1, 2, 3, with a limit other than 0 there, times the sign of (x − a)ⁿ on that side."""
    for n in range(1, 4):
        try:
            with deadline(SOLVE_SECONDS):
                limit = sympy.limit(slope / (x - a)**n, x, a, "-" if side < 0 else "+")
        except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
            return None
        if limit.is_extended_positive or limit.is_extended_negative:
            return (1 if limit.is_extended_positive else -1) * side**n
        if limit != 0:
            return None
    return None


_MOST_FACTORED = 24  # the total degree of f - f(P) factored to decide a point by f's values


def _sign_near(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """The sign of g near the point where g = 0: 1 (g ≥ 0), -1 (g ≤ 0), 0 (both signs), None (unknown).

    g is factored; a factor that is not 0 at the point keeps its sign nearby, an even power is
    never negative, and an odd power of a factor whose zero set passes smoothly through the point
    changes sign across it. Factoring is tried only up to degree _MOST_FACTORED (sympy's multivariate
    factoring of x¹⁰⁰⁰ + y² runs for minutes); first, g may be definite as it stands.
    """
    definite = _definite(g, syms, point)
    return definite if definite is not None else _sign_by_factors(g, syms, point)


def _sign_by_factors(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """The sign of g near the point, from its factors (as _sign_near, without first trying g as it stands)."""
    if Poly(g, *syms).total_degree() > _MOST_FACTORED:
        return None
    constant, pairs = sympy.factor_list(g, *syms)
    values = dict(zip(syms, point))
    total, unknown = 1 if constant > 0 else -1, False  # a nonzero rational
    for factor, power in pairs:
        s = sign(factor.xreplace(values))
        if s is None:
            return None
        if s != 0:
            total *= s**power
        elif power % 2:
            if any(sign(sympy.diff(factor, v).xreplace(values)) != 0 for v in syms):
                return 0
            definite = _definite(factor, syms, point)
            if definite is None:
                unknown = True
            else:
                total *= definite
    return None if unknown else total


_MOST_ALONG = 48  # the total degree of f - f(P) restricted to lines and parabolas through a point
_SLOPES = (0, 1, -1, 2, -2, sympy.Rational(1, 2), -sympy.Rational(1, 2))


def _sign_along_paths(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """0 and the path that shows it, when g takes both signs arbitrarily near the point on some line or
    parabola through it; (None, "") when none of them shows it.

    On a path through the point g is a polynomial in one variable; its lowest power of (u - a) decides
    its sign near a: an odd power changes sign (on x = 0, x² + y³ is y³), and two paths whose lowest
    powers are even with coefficients of opposite signs show both signs too. Only a witness decides:
    paths alone never show a minimum (g can be ≥ 0 on every line and still < 0 between two parabolas).
    """
    if len(syms) < 2 or Poly(g, *syms).total_degree() > _MOST_ALONG:
        return None, ""
    names = [s.name for s in syms]
    seen: dict[int, str] = {}  # the sign of an even lowest power, and where it was seen
    for (u, a), values in _paths(syms, point):
        shifted = Poly(sympy.expand(g.xreplace(values).xreplace({u: u + a})), u)  # in powers of u - a
        if shifted.is_zero:
            continue  # g is 0 all along it: no sign here
        lowest = min(m for (m,) in shifted.monoms())
        term = shifted.coeff_monomial(u**lowest) * (u - a)**lowest
        shown = show(term, names) if len(shifted.terms()) == 1 else \
            f"{show(term, names)} + higher powers of {show(u - a, names) if a == 0 else f'({show(u - a, names)})'}"
        shape = "line" if all(sympy.degree(e, u) <= 1 for e in values.values()) else "parabola"
        where = f"on the {shape} {' and '.join(show(Equation(v, e), names) for v, e in values.items())}"
        if lowest % 2:
            return 0, f"{where}, f - f(P) = {shown}, which changes sign at {u.name} = {show(a)}"
        s = sign(shifted.coeff_monomial(u**lowest))
        if s is not None and -s in seen:
            here = f"{shown} {where}"
            above, below = (here, seen[-s]) if s > 0 else (seen[-s], here)
            return 0, f"f - f(P) = {above}, but {below}"
        if s is not None:
            seen.setdefault(s, f"{shown} {where}")
    return None, ""


_MOST_SQUARED = 12  # squares completed before a point is left undecided (each raises the next power of v)


def _completed_square(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """The sign of g near the point where its quadratic part is one square c·u² (D = 0, not all 0), by
    completing the square: u → w = u − p(v) until g = c·w² + a·vᵏ + terms of higher weight, where w
    counts as v^(k/2). Then c·w² + a·vᵏ outweighs those terms near the point, so that with k even and a
    of c's sign, g has that sign there (0 only at the point). With k odd, or a of the other sign, g takes
    both signs: on the curve w = 0 it is a·vᵏ + higher powers, on the line v = 0 c·u² + higher powers,
    a witness that needs no weights. Two variables only; (None, "") where the squares run out first
    (g = c·w² exactly: a whole curve at f(P), which this does not decide)."""
    if len(syms) != 2:
        return None, ""
    x, y = syms
    shifted = _shifted(g, syms, point)
    if shifted.total_degree() > _MOST_ALONG:
        return None, ""
    A, B, C = (shifted.coeff_monomial(m) for m in (x**2, x * y, y**2))
    if B**2 != 4 * A * C or (A == 0 and C == 0):
        return None, ""
    u, v = sympy.Dummy("u"), sympy.Dummy("v")
    # the quadratic part is c·u²: u = x + t·y, v = y where it has x² (A ≠ 0); else (B = 0) u = y, v = x
    (across, a), (runs, b) = zip(syms, point) if A != 0 else reversed(list(zip(syms, point)))
    t, c = (B / (2 * A), A) if A != 0 else (sympy.Integer(0), C)
    h = Poly(sympy.expand(shifted.as_expr().xreplace({across: u - t * v, runs: v})), u, v)
    lifted = sympy.Integer(0)  # p(v), with w = u − p(v)
    for _ in range(_MOST_SQUARED):
        along = {j: coefficient for (i, j), coefficient in h.terms() if i == 0}  # g on the curve w = 0
        linear = {j: coefficient for (i, j), coefficient in h.terms() if i == 1}
        k, first = min(along, default=None), min(linear, default=None)
        if k is not None and (first is None or 2 * first > k):
            # w and v in the point's own coordinates: x - a, y - b
            depth = runs - b
            w = (across - a) + t * depth - lifted.xreplace({v: depth})
            return _by_squares(c, w, along[k] * depth**k, len(h.terms()) > 2 or len(along) > 1, k,
                               (across, a), (runs, b), [s.name for s in syms])
        if first is None or h.total_degree() > _MOST_ALONG:
            return None, ""
        step = -linear[first] / (2 * c) * v**first  # c·u² + β·u·vʲ = c·(u + β·vʲ/(2c))² − β²·v²ʲ/(4c)
        lifted += step
        h = Poly(sympy.expand(h.as_expr().xreplace({u: u + step})), u, v)
    return None, ""


def _by_squares(c: Expr, w: Expr, leading: Expr, more: bool, k: int, across: tuple[sympy.Symbol, Expr],
                runs: tuple[sympy.Symbol, Expr], names: list[str]) -> tuple[int, str]:
    """`_completed_square`'s sign, and why: g = c·w² + leading (+ terms of higher weight, where `more`)."""
    (x, a), (y, b) = across, runs
    if k % 2 == 0 and sign(leading.xreplace({y: b + 1})) == sign(c):
        why = f"f - f(P) = {show(c * w**2 + leading, names)}" + (" + terms these outweigh near it" if more else "")
        return (1 if c > 0 else -1), why
    (curve,) = sympy.solve(w, x)  # w is x − a minus a polynomial in y
    degree = sympy.degree(curve, y)
    shape = "line" if degree <= 1 else "parabola" if degree == 2 else "curve"
    def higher(shift: Expr) -> str:
        return f"higher powers of {show(shift, names) if shift.is_Symbol else f'({show(shift, names)})'}"

    on_curve = f"{show(leading, names)} + {higher(y - b)}"
    where = f"the {shape} {show(Equation(x, curve), names)}"
    if k % 2:
        return 0, f"on {where}, f - f(P) = {on_curve}, which changes sign at {y.name} = {show(b)}"
    on_line = f"{show(c * (x - a)**2, names)} + {higher(x - a)} on the line {show(Equation(y, b), names)}"
    on = f"{on_curve} on {where}"
    above, below = (on_line, on) if c > 0 else (on, on_line)
    return 0, f"f - f(P) = {above}, but {below}"


def _lowest_terms(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """The sign of g near the point from its lowest-degree terms alone: q, of degree d in x − a and y − b.

    On a circle of radius r about the point q is rᵈ times its value on the unit circle, and the other
    terms are O(rᵈ⁺¹). So where q > 0 in every direction (definite), g > 0 near the point except at it: a
    strict minimum (q < 0: a maximum); where q takes both signs, g takes them near it on the lines where q
    does: a saddle. Where q is 0 in some direction and of one sign in the others (semidefinite: (x² − y²)²,
    or x² in x² + y⁴), the higher terms decide, which this does not: (None, "").

    On the line y − b = t(x − a), q is (x − a)ᵈ·q(1, t), and on x = a it is c·(y − b)ᵈ (c: q's coefficient
    of yᵈ), so q(1, t)'s real roots, its signs between them and c's tell q's sign in every direction,
    exactly. Two variables only."""
    if len(syms) != 2:
        return None, ""
    x, y = syms
    a, b = point
    shifted = _shifted(g, syms, point)
    if shifted.is_zero or shifted.total_degree() > _MOST_ALONG:
        return None, ""
    names = [s.name for s in syms]
    d = min(i + j for i, j in shifted.monoms())
    lowest = {j: c for (i, j), c in shifted.terms() if i + j == d}  # the coefficient of xᵈ⁻ʲyʲ
    t = sympy.Symbol(next(n for n in ("m", "k", "t", "s") if n not in names))  # the slope
    on_slope = Poly(sum(c * t**j for j, c in lowest.items()), t)  # q(1, t)
    steep = lowest.get(d, sympy.Integer(0))
    marks = list(real_roots(on_slope)) if on_slope.degree() > 0 else []
    u, v = x - a, y - b
    form = sum(c * u**(d - j) * v**j for j, c in lowest.items())
    # q along lines through the point, the simplest first: x = a, y = b, then one slope in each gap of q(1, t)'s roots
    lines = [(Equation(x, a), steep * v**d), *((Equation(y, b + s * u), on_slope.as_expr().xreplace({t: s}) * u**d)
                                                for s in dict.fromkeys([sympy.Integer(0), *_samples(marks)]))]
    seen = {sign(along.xreplace({x: a + 1, y: b + 1})): (line, along) for line, along in reversed(lines)}
    whole = len(shifted.terms()) == len(lowest)  # g is q: nothing else to outweigh
    terms = f"f - f(P) = {show(form, names)}" if whole else \
        f"the lowest-degree terms of f - f(P), {show(form, names)},"
    is_ = "is" if whole else "are"
    outweigh = "" if whole else ", so near it they outweigh the rest"

    def on(line: Equation, along: Expr) -> str:
        return f"{show(along, names)} on the line {show(line, names)}"

    if d % 2 and (1 in seen or -1 in seen):  # q(-h, -k) = -q(h, k): where q is not 0 on a line, it changes sign
        line, along = seen.get(1) or seen[-1]
        return 0, f"{terms} {is_} {on(line, along)}, which changes sign at the point{outweigh}"
    if 1 in seen and -1 in seen:
        return 0, f"{terms} {is_} {on(*seen[1])} but {on(*seen[-1])}{outweigh}"
    s = sign(steep)
    if marks or not s:
        return None, ""  # 0 along some line: semidefinite
    slope = Equation(y, b + t * u)
    return s, (f"{terms} {is_} {'> 0' if s > 0 else '< 0'} in every direction from the point: "
               f"{show(on_slope.as_expr() * u**d, [*names, t.name])} on the line {show(slope, [t.name, *names])}, "
               f"where {show(on_slope.as_expr(), [t.name])} has no real root, and {on(*lines[0])}{outweigh}")


def _paths(syms: Sequence[sympy.Symbol], point: Sequence[Expr]):
    """Lines and parabolas through the point, in a plane of two of the variables (the others fixed at
    the point's), simplest first: each as (the variable that runs along it, its value at the point)
    and the values of the others in terms of it."""
    at = dict(zip(syms, point))
    pairs = list(itertools.combinations(syms, 2))
    axes = [(u, {v: at[v] for v in syms if v != u}) for u in syms]
    lines = [(u, {v: at[v] + c * (u - at[u])}) for u, v in pairs for c in _SLOPES if c != 0]
    parabolas = [(u, {v: at[v] + c * (u - at[u])**2}) for a, b in pairs for u, v in ((a, b), (b, a))
                 for c in (1, -1)]
    for u, moved in (*axes, *lines, *parabolas):
        fixed = {w: at[w] for w in syms if w != u and w not in moved}
        yield (u, at[u]), {**moved, **fixed}


def _definite(factor: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """1 or -1 when the factor, written in powers of (x - a), (y - b), has only even powers and
    coefficients of one sign (x⁴ + y⁴ ≥ 0); None otherwise."""
    shifted = _shifted(factor, syms, point)
    signs = {sign(c) for monomial, c in shifted.terms() if all(e % 2 == 0 for e in monomial)}
    if len(signs) != 1 or any(any(e % 2 for e in monomial) for monomial, _ in shifted.terms()):
        return None
    return signs.pop()


def _shifted(factor: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> Poly:
    """The factor in powers of x - a, y - b (the point's coordinates), as a polynomial in x, y."""
    return Poly(sympy.expand(factor.xreplace({v: v + c for v, c in zip(syms, point)})), *syms)


def _pieces(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol],
            value: Expr | None, holes: Sequence[tuple[Expr, ...]] = ()) -> tuple[Piece, ...]:
    """The nature of the points of a critical line (or curve), stretch by stretch, from f's values: for f a
    ratio of polynomials, from the factors of f - value's numerator and denominator (x/y + y/x - 2 =
    (x - y)²/(xy), ≥ 0 near x = y but at its hole (0, 0), where f has no value and the line has no point)."""
    if len(syms) != 2 or len(equations) != 1 or value is None or not value.is_Rational:
        return ()
    polynomial = rational_polynomial(f, syms) is not None
    if not polynomial and (not holes or _ratio(f, syms) is None):
        return ()
    (equation,) = equations
    g = sympy.expand(f - value) if polynomial else sympy.cancel(sympy.together(f - value))
    top, bottom = sympy.fraction(g)
    constant, pairs = sympy.factor_list(top, *syms)
    if not polynomial:  # a factor below changes g's sign as one above does: 1/(xy) as xy
        below, lower = sympy.factor_list(bottom, *syms)
        constant, pairs = constant / below, pairs + lower
    curve = equation.lhs - equation.rhs
    own = sum(power for factor, power in pairs if sympy.rem(factor, curve, *syms) == 0
              and Poly(factor, *syms).total_degree() == Poly(curve, *syms).total_degree())
    shown_value = show(value)
    if own % 2:
        return (Piece("", None, Nature.NEITHER,
                      f"f takes values above and below {shown_value} on either side of it"),)
    line = isinstance(equation.lhs, sympy.Symbol) and Poly(curve, *syms).total_degree() == 1
    others = [(factor, power) for factor, power in pairs if sympy.rem(factor, curve, *syms) != 0]
    if not line:
        if others:
            return ()
        return (_piece("", None, sign(constant), shown_value),)
    u = next(s for s in syms if s != equation.lhs)
    on_line = {equation.lhs: equation.rhs}
    along = [(Poly(sympy.expand(factor.xreplace(on_line)), u), power) for factor, power in others]
    marks = sort_exactly(dict.fromkeys(r for poly, _ in along if poly.degree() > 0 for r in real_roots(poly)))
    pieces: list[Piece] = []
    bounds = [-sympy.oo, *marks, sympy.oo]
    for k, (low, high) in enumerate(pairwise(bounds)):
        middle = _samples(marks)[k]
        s = sign(constant)
        for poly, power in along:
            s *= sign(poly.as_expr().xreplace({u: middle}))**power
        pieces.append(_piece(u.name, sympy.Interval.open(low, high), s, shown_value))
        if high != sympy.oo:
            point = tuple(high if v == u else equation.rhs.xreplace({u: high}) for v in syms)
            if point in holes:
                continue
            if not polynomial:  # a point of the line where the numerator's other factors are 0: not decided here
                pieces.append(_piece(u.name, sympy.FiniteSet(high), None, shown_value))
                continue
            pieces.append(_piece(u.name, sympy.FiniteSet(high), _sign_near(g, syms, point), shown_value))
    merged = _merged(pieces)
    # its points but the holes, all of one nature: the whole line, as the holes are said apart
    gaps = sympy.FiniteSet(*(p[syms.index(u)] for p in holes))
    return tuple(Piece("", None, p.nature, p.reason) if holes and p.along == sympy.S.Reals - gaps else p
                 for p in merged)


def _piece(variable: str, along: sympy.Set | None, s: int | None, value: str, why: str = "") -> Piece:
    difference = f"f + {value[1:]}" if value.startswith("-") else f"f - {value}"  # f + 2, not f - -2
    judgement = _judgement(s, value, "set", 2, why or "from the factors of " + difference)
    return Piece(variable, along, judgement.nature, judgement.reason)


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].nature == piece.nature:
            last = merged.pop()
            piece = Piece(piece.variable, sympy.Union(last.along, piece.along), piece.nature, piece.reason)
        merged.append(piece)
    return tuple(merged)


def cut(pieces: Sequence[Piece], extent: sympy.Set | None, variable: sympy.Symbol | None) -> tuple[Piece, ...]:
    """The pieces of a set, cut to the part of it in the region (extent: the free variable's values there)."""
    if extent is None or variable is None:
        return tuple(pieces)
    cut = []
    for piece in pieces:
        along = extent if piece.along is None else piece.along.intersect(extent)
        if not along.is_empty:
            cut.append(Piece(variable.name, along, piece.nature, piece.reason))
    return tuple(cut)
