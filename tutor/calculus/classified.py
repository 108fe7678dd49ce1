"""What a search for critical points finds, as values: the points and sets, each classified, and
what f's values, kinks and periods said of them. tutor.calculus.critical makes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import sympy
from sympy import Expr

from ..budget import OutOfTime
from ..parse import Equation
from ..show import show
from .common import SolveError, real_at, real_powers, symbols
from .kinks import Level, Spanned, Stretch
from .partials import kink_shape
from .region import Region, interval_text

SOLVE_SECONDS = 10.0  # for each case; sympy can take very long on hard systems
# where solveset, periodicity or a period's check gives up, that way of solving is not taken (None)
GAVE_UP = (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, SolveError,
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
        return kink_shape(self.no_slope)

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


EVERYWHERE = "space"  # a CriticalSet's kind where f is constant: every point, its equation 0 = 0


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

    def into(self, value: Expr) -> Expr:
        """value moved by whole periods into one period's window (-π/2 to 3π/2), where ∇f is the same; a region's
        bounds move nothing, a point beyond them being another point."""
        if self.bounded:
            return value
        return value - self.period * sympy.floor((value - self.span.inf) / self.period)


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
    # the cases of ∇f = 0 solved exactly with no real solution (x² + x = -1), each as its conditions
    empty: tuple[tuple[Equation, ...], ...] = ()

    @property
    def flat(self) -> tuple[Stretch, ...]:
        """The open stretches where f of one variable is constant (max(0, x) on x < 0): every point of one is a
        critical point, and a local minimum and maximum, as f is constant near it; none listed as numbers."""
        return self.level.stretches if self.level is not None else ()

    def no_value(self, case: Case) -> tuple[tuple[Expr, ...], ...]:
        """The case's solutions where f itself has no value (x(x² + y²)/x at (0, 0), ln(xy) where xy < 0): no
        critical points, though ∇f's formula may be 0 there; at its other `undefined` ones f has a value and ∇f
        none (the cone's vertex)."""
        f, syms = real_powers(self.function), symbols(self.variables)
        return tuple(p for p in case.undefined if real_at(f, dict(zip(syms, p))) is None)

    @property
    def holes(self) -> tuple[tuple[Expr, ...], ...]:
        """The points where ∇f's formula is 0 and f has no value (x(x² + y²)/x, whose ∇f is (2x, 2y), at (0, 0)),
        once each; not where the formula has no value either (-2x/(x² + y²)² of 1/(x² + y²))."""
        syms = symbols(self.variables)
        return tuple(dict.fromkeys(p for case in self.cases for p in self.no_value(case)
                                   if all(real_at(g, dict(zip(syms, p))) == 0 for g in self.gradient)))

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


def no_test(why: str, said: str | None = None) -> Classification:
    """No second-derivative test at the point (a kink, an infinite f″), so f's values decide: `why` there is
    none; `said`, the test's own line, by default that it cannot decide."""
    return Classification(Nature.INCONCLUSIVE, sympy.nan, sympy.nan,
                          f"{why}, so the test cannot decide" if said is None else said,
                          untested=f"{why}, so the second-derivative test does not apply")


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


def and_points(points: Sequence[tuple[Expr, ...]]) -> str:
    return " and ".join(show(p) for p in points)


def unique(items) -> list:
    return list(dict.fromkeys(items))
