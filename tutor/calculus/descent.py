"""Gradient descent, one row per iteration, as the lesson tabulates it.

xₖ = xₖ₋₁ - α∇f(xₖ₋₁). The gradient is exact (sympy) and the table's rows are
floating point, which is what the lesson's tables show. While the start, the rate
and the gradient's values are rationals of a modest size, the steps are taken in
exact arithmetic and only shown as floats: 3 - 5·(3/5) is 0, the cone's vertex,
where floats make it 1.1e-16 and step on past the minimum. A run that blows
up (values past a bound, overflow, NaN, or a step out of f's domain) stops and
says at which iteration; it never raises for that. A step that lands exactly on a
minimum where only ∇f has no value (the cone's vertex) stops there too, and is
told so: it reached the minimum, it did not go too far.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import cast

import sympy
from sympy import Expr, Symbol, preorder_traversal

from ..evaluate import Together, TooLarge, Undefined, compile_expression
from ..show import show, show_float, show_floats, show_given
from .classified import EVERYWHERE, CriticalPoint, CriticalPoints, CriticalSet, Nature, Piece
from .common import NotDifferentiable, Number, SolveError, describe, exact, function_of, symbols, variables_of
from .critical import critical_points
from .partials import derivative, kink_at, kinks

GROWTH = 1e12  # coordinates, gradient or value this many times larger than at the start: divergence
DEFAULT_TOLERANCE = 1e-8  # when neither a number of iterations nor a tolerance is given
MOST_ITERATIONS = 100_000  # a run's bound at most: about 5 s and 150 MB of rows for x², the worst seen
# two rows two steps apart this close (relative to the point's size) are the same point: a run's floats repeat a
# settled bounce to their last digits (x⁴ - 3x² + x at α = 0.15 between -1.0849 and -1.4451), a run that still
# closes in by a factor of 0.9999 a step moves 10⁻⁴ of its size, and x² at α = 0.9999999999, 4·10⁻¹⁰ (outside
# check h52, N6: 10⁻⁹ called it a bounce between 1 and -1, its point 0.99999998 after 100 steps)
SAME_POINT = 1e-12


@dataclass(frozen=True)
class DescentRow:
    k: int
    point: tuple[float, ...]
    gradient: tuple[float, ...]  # ∇f at `point`
    value: float  # f at `point`


@dataclass(frozen=True)
class Bounce:
    """A run that has settled into going back and forth between two points, and so gets no closer to anything."""

    since: int  # the row from which every row is the one two before it
    points: tuple[tuple[float, ...], tuple[float, ...]]  # the two points, the one like row `since` first


@dataclass(frozen=True)
class Descent:
    rows: tuple[DescentRow, ...]  # rows[0] is the start; rows[n].point is the point after n steps
    diverged_at: int | None
    converged: bool  # the gradient got smaller than the tolerance
    note: str = ""  # why the run stopped early, when it did
    tolerance: float | None = None  # the gradient length that counted as small enough
    function: Expr | None = None
    variables: tuple[str, ...] = ()
    gradient: tuple[Expr, ...] = ()
    rate: float = 0.0
    zeroed: tuple[tuple[str, int], ...] = ()  # (variable, k): its coordinate fell below 2.2e-308 at row k, taken as 0
    escaped: tuple[float, ...] = ()  # the new point of iteration diverged_at, where f (or ∇f) has no value
    why: str = ""  # why it has none there: "is outside f's domain: ln(x) has no real value there"
    landed: float | None = None  # f at `escaped` where that is a minimum of f and only ∇f has none there
    at_kink: bool = False  # f has a value at `escaped`, and a kink: only ∇f has none there
    fell: bool = False  # diverged going downhill at every step: f unbounded below on the path, no rate too large
    exact_rate: Fraction | None = None  # the rate as given, where it is a rational of a modest size
    rate_fraction: bool = False  # the rate was typed as a fraction (1/4), and is written as one, not as 0.25

    @property
    def slopes(self) -> list[float]:
        """|∇f| at each row, from the start on."""
        return [math.hypot(*row.gradient) for row in self.rows]

    @property
    def rate_text(self) -> str:
        """α as the tutor writes it: exactly where it can (1/9, 0.05; 1/4 where typed so), else as a float."""
        text = _short(self.exact_rate, as_fraction=self.rate_fraction) if self.exact_rate is not None else None
        return text if text is not None else show_float(self.rate)

    @property
    def end(self) -> tuple[int, tuple[float, ...], float]:
        """The steps taken, where they ended and f there: the minimum the run landed on, else its last row."""
        if self.landed is not None and self.diverged_at is not None:
            return self.diverged_at, self.escaped, self.landed
        last = self.rows[-1]
        return last.k, last.point, last.value

    @property
    def bounce(self) -> Bounce | None:
        """Where its last rows go back and forth between two points for good (two rounds at least), as α = 1
        on x² from 1 does from the start: no more steps bring it closer; None otherwise."""
        rows = self.rows
        if len(rows) < 4 or _same(rows[-1].point, rows[-2].point):
            return None
        last_new = len(rows) - 1  # the last row that is not the one two before it
        while last_new >= 2 and _same(rows[last_new].point, rows[last_new - 2].point):
            last_new -= 1
        since = last_new - 1
        if since > len(rows) - 4:
            return None
        # its last two rows (nearest the bounce where a coordinate still falls to 0), the one like row `since` first
        last, other = rows[-1].point, rows[-2].point
        return Bounce(rows[since].k, (other, last) if (len(rows) - 1 - since) % 2 else (last, other))


def _same(p: Sequence[float], q: Sequence[float]) -> bool:
    """The points as a whole, not each coordinate: one falling to 0 (y of x⁴ - 3x² + x + y² at α = 0.15) is
    never the same as itself two steps on, and yet is nothing beside x's bounce (outside check h52, N1)."""
    return math.dist(p, q) <= SAME_POINT * max(math.hypot(*p), math.hypot(*q), sys.float_info.min)


def descend(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
            rate: Number, iterations: int | None = None, tolerance: float | None = None,
            max_iterations: int = 10_000) -> Descent:
    f = function_of(f)
    variables = variables_of(f, variables)
    start = tuple(start) if isinstance(start, (tuple, list)) else (start,)
    if len(start) != len(variables):
        raise SolveError(f"the start needs {len(variables)} coordinate{'s' * (len(variables) != 1)} "
                         f"({describe(variables)})")
    alpha = _float(rate, "the learning rate")
    if not alpha > 0:  # the value said: among several rates compared, which (outside check h58)
        raise SolveError(f"the learning rate must be a positive number, like 0.01, not {given(rate)}")
    if iterations is not None and iterations < 1:  # as rates refuses it: no step, and yet a verdict on the run
        raise SolveError("the number of steps must be at least 1")
    if max_iterations < 1:  # no step would be taken, and the run's ending would judge a descent that never ran
        raise SolveError(f"the most iterations the tutor runs must be at least 1, not {max_iterations}")
    if max_iterations > MOST_ITERATIONS:  # 10⁸ ran on, its table of rows growing (outside check h40, F3)
        raise SolveError(f"the most iterations the tutor runs can be at most {MOST_ITERATIONS}, not {max_iterations}")
    if iterations is not None and iterations > max_iterations:  # cut silently, it read as the count asked
        raise SolveError(f"{iterations} iterations are more than the most the tutor runs, {max_iterations}")
    steps = iterations if iterations is not None else max_iterations
    if tolerance is None and iterations is None:
        tolerance = DEFAULT_TOLERANCE
    elif tolerance is not None:
        tolerance = positive_tolerance(tolerance)
    syms = symbols(variables)
    gradient = tuple(derivative(f, v) for v in variables)
    # compiled once, and evaluated together: f and its partials share subtrees (e^(xy)), each computed once
    slopes_and_value = Together((*gradient, f), syms)

    def row(k: int, point: tuple[float, ...], exactly: tuple[Fraction, ...] | None
            ) -> tuple[DescentRow, tuple[Fraction, ...] | None]:
        """The row at a point, and the slopes there where they are exact at an exact point."""
        # at the exact point where there is one, else at the float's exact value: rationals stay exact
        *slopes, value = slopes_and_value(exactly or [Fraction(p) for p in point])
        exact_slopes = tuple(slopes) if exactly and all(isinstance(s, Fraction) for s in slopes) else None
        return DescentRow(k, point, tuple(map(float, slopes)), float(value)), exact_slopes

    rate_exactly = _modest(rate)
    exactly = tuple(_modest(s) for s in start)  # the iterate in exact arithmetic, while it can be (above)
    exact_point = cast(tuple[Fraction, ...], exactly) if rate_exactly is not None and None not in exactly else None
    begin = tuple(_float(s, "the start") for s in start)
    shown = ", ".join(f"{n} = {show_given([exact(s)])}" for n, s in zip(variables, start))  # as typed: 1/3, 1e308
    try:
        first, slopes_exactly = row(0, begin, exact_point)
        rows = [first]
    except (Undefined, ZeroDivisionError):
        raise SolveError(f"f or its gradient has no real value at the start ({shown})") from None
    except OverflowError:  # x² at 1e308: it has a value, too large to compute with (outside check h40, F6)
        rows = []
    if not rows or not all(map(math.isfinite, (*first.gradient, first.value))):  # eˣ at 800: past a float's range
        raise SolveError(f"f or its gradient is too large a number to compute at the start ({shown})")
    scale = max(1.0, *(abs(v) for v in (*rows[0].point, *rows[0].gradient, rows[0].value)))
    diverged_at, note, why = None, "", ""
    fell = False
    escaped: tuple[float, ...] = ()
    landed: float | None = None
    zeroed: dict[str, int] = {}
    pieces = kinks(f)
    at_kink = ""  # why ∇f has no value where the last step landed, though f has one: a kink there
    for k in range(1, steps + 1):
        last = rows[-1]
        if tolerance is not None and math.hypot(*last.gradient) < tolerance:
            break
        exact_point = _stepped(exact_point, rate_exactly, slopes_exactly)
        point = tuple(p - alpha * g for p, g in zip(last.point, last.gradient)) if exact_point is None else \
            tuple(map(float, exact_point))
        if not all(map(math.isfinite, point)):  # the step itself past a float's range (e^e^x from 10, at 1)
            diverged_at, note = k, "the values grew without bound"
            break
        tiny = [name for name, p in zip(variables, point) if 0 < abs(p) < sys.float_info.min]
        point = tuple(0.0 if abs(p) < sys.float_info.min else p for p in point)
        try:
            current, slopes_exactly = row(k, point, exact_point)
            # sympy's derivative of |x| is sign(x), 0 at x = 0: a slope where f has none, from which a descent
            # landing exactly on the kink would not move on
            at = [sympy.Rational(p) for p in exact_point or map(Fraction, point)]
            why = at_kink = _at_kink(kink_at(f, variables, at, pieces)) if pieces else ""
        except (Undefined, OverflowError, ZeroDivisionError):
            # which of the two it is, and where: the step itself is shown, so the student sees it jump
            why = _outside(f, gradient, syms, point)
        if why:
            diverged_at, escaped, note = k, point, f"the new point {_point_text(point, exact_point)} {why}"
            landed = _minimum_at(f, variables, exact_point or tuple(map(Fraction, point)))
            if landed is not None:  # not too far: no rate does better than landing on it
                slope = "f′" if len(variables) == 1 else "∇f"
                note = (f"the step reached {_point_text(point, exact_point)}, a minimum of f, where "
                        f"f = {show_float(landed)} and {slope} has no value ({why.split(': ', 1)[-1]}), so descent "
                        "stops there")
            break
        rows.append(current)
        for name in tiny:
            zeroed.setdefault(name, k)
        values = (*current.point, *current.gradient, current.value)
        if not all(math.isfinite(v) and abs(v) <= GROWTH * scale for v in values):
            diverged_at = k
            # every step downhill (x² − y² near its saddle, x³ from -1): f falls without bound, which no smaller
            # rate mends (outside check h24: "try a smaller learning rate" was said of it); else it overshoots
            fell = all(later.value < earlier.value for earlier, later in pairwise(rows))
            note = (f"f fell at every step, without bound (f = {show_float(current.value)})" if fell
                    else "the values grew without bound")
            break
    converged = diverged_at is None and tolerance is not None and math.hypot(*rows[-1].gradient) < tolerance
    return Descent(tuple(rows), diverged_at, converged, note, tolerance, f, variables, gradient, alpha,
                   tuple(sorted(zeroed.items(), key=lambda item: item[1])), escaped, why, landed, bool(at_kink),
                   fell, rate_exactly, isinstance(rate, str) and "/" in rate)


def _point_text(point: tuple[float, ...], exactly: tuple[Fraction, ...] | None) -> str:
    """Where a step landed, as the note says it: exactly where the steps were exact and its numbers short (1/3, not
    0.333333, for |x − 1/3|'s kink; outside check h33, N5), else as the table's floats."""
    texts = [_short(c) for c in exactly] if exactly is not None else [None]
    if None in texts:
        return show_floats(point)
    return cast(str, texts[0]) if len(texts) == 1 else f"({', '.join(cast(list[str], texts))})"


def _short(number: Fraction, as_fraction: bool = False) -> str | None:
    """A number written exactly (0.25, 1/3; 1/4 and 1/10 `as_fraction`) where that takes at most 9 characters
    (0.1234567, -123/457), or is a decimal of at most 20 (0.9999999999, which 6 digits wrote 1: outside check h52,
    N6); None where it takes more, and the float's 6 digits say it better."""
    text = show(sympy.Rational(number), decimals=not as_fraction, fractions=as_fraction)
    return text if len(text) <= 9 or len(text) <= 20 and "/" not in text else None


def _at_kink(error: SolveError | None) -> str:
    """Why ∇f has none at the new point (kink_at's error), as its reason to stop; "" where ∇f has a value there."""
    if error is None:
        return ""
    if isinstance(error, NotDifferentiable):
        return f"is a kink of f: {error.why}"
    return "is where f has a kink or a jump, and the tutor cannot tell whether its slope has a value there"


# the most bits of a numerator or denominator of an iterate taken exactly: past it (x² from 0.05 at rate 0.005,
# whose denominators grow 200 times a step) the steps go on in floats, as the table shows them anyway
_MODEST_BITS = 256


def _modest(value: Number) -> Fraction | None:
    """A start's coordinate or a rate as an exact rational of a modest size; None where it is none."""
    number = exact(value)
    if not isinstance(number, sympy.Rational):
        return None
    fraction = Fraction(int(number.p), int(number.q))
    return fraction if _is_modest(fraction) else None


def _is_modest(number: Fraction) -> bool:
    return max(number.numerator.bit_length(), number.denominator.bit_length()) <= _MODEST_BITS


def _stepped(point: tuple[Fraction, ...] | None, rate: Fraction | None,
             slopes: tuple[Fraction, ...] | None) -> tuple[Fraction, ...] | None:
    """The next iterate, exactly, where the last one, the rate and the slopes there are exact and it stays of a
    modest size; None from where one is not (an irrational slope: e^x at 1)."""
    if point is None or rate is None or slopes is None:
        return None
    stepped = tuple(p - rate * g for p, g in zip(point, slopes))
    return stepped if all(map(_is_modest, stepped)) else None


def _minimum_at(f: Expr, variables: Sequence[str], point: tuple[Fraction, ...]) -> float | None:
    """f at the point where ∇f has no value, if the tutor's critical points list it as a minimum (√(x² + y²)
    at (0, 0)); None where f has no value there either, or it is no minimum the tutor knows. The point is exact
    (the float's exact value, where the steps went on in floats), so only a critical point at exactly those
    numbers is it."""
    try:
        value = float(compile_expression(f, symbols(variables))(list(point)).value)
        found = critical_points(f, variables)
    except (Undefined, TooLarge, OverflowError, ZeroDivisionError, SolveError, NotImplementedError):
        return None
    exactly = tuple(sympy.Rational(p) for p in point)
    if any(c.point == exactly and c.nature == Nature.MINIMUM for c in found.points):
        return value
    return None


@dataclass(frozen=True)
class Nearest:
    """The critical point nearest where a descent stopped, as the tutor's classification names it; or the set of
    critical points (a line of them) nearer than any point, with the stretch of it nearest the end."""

    point: CriticalPoint | None  # None: f has no critical point at all (and the list is every one), or `on` is
    distance: float
    every: bool  # the list is every critical point, so it is the nearest; else the nearest of those found
    on: tuple[CriticalSet, Piece] | None = None

    @property
    def nature(self) -> Nature | None:
        """What the critical point is, or the points of the set's stretch nearest the end; None where f has none."""
        if self.on is not None:
            return self.on[1].nature
        return None if self.point is None else self.point.nature

    @property
    def not_minimum(self) -> bool:
        """Known to be no minimum: a saddle, a maximum, neither, or no critical point at all; an undecided one
        need not be a minimum, but may be."""
        return self.nature in (None, Nature.MAXIMUM, Nature.SADDLE, Nature.NEITHER)


def nearest_critical(d: Descent) -> Nearest | None:
    """The exact critical point nearest where the descent ended, or the line of them (a set) nearer than any, at
    the stretch of it the end lies beside; None where the tutor can't name it (∇f = 0 not solved, a flat stretch
    of f of one variable, a set whose distance or stretch there can't be told)."""
    try:
        found: CriticalPoints = critical_points(d.function, d.variables)
    except (SolveError, NotImplementedError):
        return None
    every = _every_one(found)
    if not found.points and not found.sets:
        return Nearest(None, math.inf, True) if every else None
    if found.flat:
        return None
    last = d.end[1]
    nearest: Nearest | None = None
    for p in found.points:
        distance = math.dist(last, [float(sympy.N(c, 20)) for c in p.point])
        if nearest is None or distance < nearest.distance:
            nearest = Nearest(p, distance, every)
    for s in found.sets:
        away = _distance_to(s, d.variables, last)
        if away is None or s.kind == EVERYWHERE:
            return None  # it may be nearer than what is listed; f constant: a minimum and a maximum everywhere
        if nearest is None or away < nearest.distance:
            piece = _piece_at(s, d.variables, last)
            if piece is None:
                return None
            nearest = Nearest(None, away, False, (s, piece))
    return nearest


def _distance_to(s: CriticalSet, variables: Sequence[str], point: Sequence[float]) -> float | None:
    """About how far the point is from the set: for each of its equations g = 0, |g|/|∇g| at the point (exact for
    a line or a plane, to first order for a curve), the largest of them; None where that can't be computed."""
    syms, at = symbols(variables), [Fraction(p) for p in point]
    distances = []
    for equation in s.equations:
        g = equation.lhs - equation.rhs
        try:
            value = float(compile_expression(g, syms)(at).value)
            slope = math.hypot(*(float(compile_expression(sympy.diff(g, x), syms)(at).value) for x in syms))
        except (Undefined, TooLarge, OverflowError, ZeroDivisionError):
            return None
        if slope == 0:
            return None
        distances.append(abs(value) / slope)
    return max(distances)


def _piece_at(s: CriticalSet, variables: Sequence[str], point: Sequence[float]) -> Piece | None:
    """The stretch of the set whose coordinate along it takes the point's value (y < 6 on x = 0, for a point with
    y = 2); None where none does, the point beside where two meet."""
    at = dict(zip(variables, point))
    for piece in s.pieces:
        if piece.along is None or (piece.variable in at
                                   and piece.along.contains(sympy.Float(at[piece.variable])) is sympy.true):
            return piece
    return None


def _every_one(found: CriticalPoints) -> bool:
    """Whether the list is every critical point: none lies on a line or a flat stretch, nor repeats beyond a
    window."""
    return found.complete and not found.sets and not found.flat and not found.windows and not found.minima_only


def nowhere(d: Descent) -> str:
    """Why a descent going downhill has nowhere to arrive, where the tutor knows it: f has no critical point (x,
    e^(-x)), or every one is known and none is a minimum (x² − y²); "" where f has one, or it can't tell. Not "too
    slow" (outside checks h24 and h25)."""
    try:
        found = critical_points(d.function, d.variables)
    except (SolveError, NotImplementedError):
        return ""
    if not _every_one(found):
        return ""
    if not found.points:
        return "f has no critical point, so descent has nowhere to stop"
    if all(p.nature in (Nature.MAXIMUM, Nature.SADDLE, Nature.NEITHER) for p in found.points):
        return "f has no local minimum, so descent has none to reach"
    return ""


def _outside(f: Expr, gradient: Sequence[Expr], syms: Sequence[Symbol], point: tuple[float, ...]) -> str:
    """Why f or its gradient has no value at the point: outside its domain, naming the smallest part that
    has none (ln(x) at -5.4: a part whose own parts all have values there), else too large a number. The
    domain is looked for first: e^x - ln x at -1.8e8 fails at e^x's size, but ln x is what has no value."""
    at = [Fraction(p) for p in point]
    for whole, where in ((f, "f's domain"), *((g, "the domain of f's slope") for g in gradient)):
        failing = None
        for part in preorder_traversal(whole):
            if isinstance(part, Expr) and part.free_symbols and not part.is_Symbol:
                try:
                    compile_expression(part, syms)(at)
                except (TooLarge, OverflowError):
                    pass
                except (Undefined, ZeroDivisionError):
                    failing = part  # a later (smaller) part that fails is a better name for it
        if failing is not None:
            return f"is outside {where}: {show(failing, [s.name for s in syms])} has no real value there"
    return "makes f too large a number to compute"


def positive_tolerance(value: Number) -> float:
    """A tolerance as the descent compares |∇f| with it, or a SolveError: |∇f| < T never holds for T ≤ 0
    (nor for 1e-400, which is 0 as a float), so such a descent could only run to its bound and report a
    false "still above the tolerance". The one check for every command and pack field that takes one."""
    tolerance = _float(value, "the tolerance")
    if not tolerance > 0:
        raise SolveError("the tolerance must be a positive number, like 0.001")
    return tolerance


def _float(value: Number, what: str) -> float:
    try:
        result = float(exact(value))
    except (TypeError, ValueError):
        raise SolveError(f"{what} must be a number") from None
    if not math.isfinite(result):  # which, among several rates compared (outside check h61, N4)
        raise SolveError(f"{what} must be a finite number, not {given(value)}")
    return result


def given(value: Number) -> str:
    """A number as its command or pack field gave it (0.5, 1/2), to name it."""
    return value.strip() if isinstance(value, str) else show_given([exact(value)])


@dataclass(frozen=True)
class Stopping:
    """"Repeat until close enough": descent until |∇f| (|f′|) is below a tolerance."""

    descent: Descent  # its rows, up to the stop
    tolerance: float
    iterations: int | None  # the first k with |∇f(xₖ)| < tolerance; None when it never got there
    reason: str = ""  # why it never got there: it diverged, or not within the bound

    @property
    def on_the_edge(self) -> int | None:
        """A k near the stop where |∇f(xₖ)| is the tolerance itself up to rounding (x² from 1 at rate
        0.45: |f′(x₂)| is 0.02 exactly, 0.01999999999999999 in floats): whether it is below then
        depends on the rounding, not on the descent. None where the count is clear."""
        if self.iterations is None:
            return None
        for row in self.descent.rows[max(self.iterations - 1, 0):self.iterations + 1]:
            if math.isclose(math.hypot(*row.gradient), self.tolerance, rel_tol=1e-9):
                return row.k
        return None


def iterations_until(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                     rate: Number, tolerance: float, bound: int = 1000) -> Stopping:
    """How many iterations until the gradient is shorter than the tolerance (at most `bound`)."""
    tolerance = positive_tolerance(tolerance)
    if bound < 0:
        raise SolveError("the bound on the iterations can't be negative")
    run = descend(f, variables, start, rate, tolerance=tolerance, max_iterations=bound)
    if run.converged:
        return Stopping(run, tolerance, run.rows[-1].k)
    if run.diverged_at is not None:
        return Stopping(run, tolerance, None, f"it diverged at iteration {run.diverged_at}: {run.note}")
    from .rates import judged, short_of  # rates judges descents, so it imports this module
    size = "|f′|" if len(run.variables) == 1 else "|∇f|"
    return Stopping(run, tolerance, None, f"{size} is still {math.hypot(*run.rows[-1].gradient):.3g} after "
                                          f"{bound} iterations; {short_of(judged(run, tolerance))}")
