"""Choosing a learning rate: the same descent with several rates, each judged over N steps.

The lesson shows a rate too large (the steps overshoot the minimum), one too
small (the steps crawl) and one just right, and says there is no rule that gives
the best. So each rate is run (tutor.calculus.descent, floats as the lesson's
tables are) for at most N steps and judged by what it did, in this order:

- converges: |∇f| (|f′| in one variable) fell below the tolerance within the N steps, or a
  step landed exactly on a minimum where ∇f has no value (the cone's vertex);
- diverges: the run blew up (a value past descent's bound, an overflow, or a step out
  of f's domain), or it runs away: |∇f| or the point's distance from 0 reached more than
  GROWTH (10) times its size at the start (times 1 where the start's is smaller), and is
  still growing: its largest over the N steps is at least twice its largest over the first
  half of them;
- oscillates: neither, and most consecutive steps point in opposite directions: it
  keeps jumping across the valley (a step's dot product with the one before is < 0
  for more than half of the pairs);
- too slow: it goes downhill steadily but |∇f| is still above the tolerance after N steps.

Runs away, not merely "larger at the end than at the start": a bounded run that bounces
(x⁴ - 3x² + x from 1 with α = 0.3 stays between 0.54 and 1.35 for good) is larger than
its start at some steps and smaller at others, and was called diverging or oscillating by
where the steps were cut. A bounded run never reaches ten times its start unless its
bounds are that wide, and then its largest stops doubling as the steps go on; a run that
grows without bound does both from some number of steps on, and keeps doing so (α = 1.1
on x², from 1: from 13 steps). Before that it is judged by what it has done, oscillating.

A zigzag whose |∇f| grew at every step, by a factor no smaller at the end than at the start,
short of that margin, is judged oscillating, and `diverges` is true of it too
(`RateTrial.true_of`): it grows without bound, where the margin is only when the key calls it
so. One that grew by less and less is settling into a bounce (√(1 + x²) at α = 2.5), and only
oscillates.

A run that zigzags so (most pairs of steps reversed) and still converges within the N
steps does both: on x² with α = 0.9 every step crosses the minimum (x → -0.8x), and
|f′| is below 10⁻⁴ after 45 steps. Its behaviour is `converges`, and `oscillates` is
true of it too (`RateTrial.true_of`): which word the path earns must not turn on the
step budget where its nature is plain, a zigzag that shrinks.

A small gradient need not mean a minimum: where the critical point nearest a converging
run's end is known to be none (a saddle, a maximum, an inflection, or f has no critical
point at all), the run converges there and is said to (`RateTrial.nearest`), and is not
best: it found no minimum, which is what descent is for.

The best rate is the one that converges to a minimum in the fewest steps; rates that converge in as
few are tied with it (`LearningRates.tied`), each as good by that measure, and are said
and graded so (`best` is the smallest of them); when none converges there is no best.
Everything is decided by the numbers of the run, never by time, so the verdicts are the same on any machine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise

from sympy import Expr

from ..show import show_floats
from ..words import counted
from .common import Number, SolveError, exact, function_of, variables_of
from .descent import Descent, Nearest, descend, given, nearest_critical, nowhere, positive_tolerance

DEFAULT_TOLERANCE = 1e-4
GROWTH = 10  # how many times its size at the start (or 1) a run reaches to be running away
APART = 10  # how many times the tolerance the slope between two converging ends is, at least, to tell them apart


class Behaviour(StrEnum):
    CONVERGES = "converges"
    OSCILLATES = "oscillates"
    DIVERGES = "diverges"
    TOO_SLOW = "too slow"


@dataclass(frozen=True)
class RateTrial:
    rate: float
    behaviour: Behaviour
    descent: Descent  # the run: at most `steps` iterations, fewer when it converged or blew up
    iterations: int | None  # steps until |∇f| < tolerance, when it converges
    reason: str  # why it is judged so, in one sentence
    zigzags: bool = False  # most of its pairs of steps go back the way they came
    nowhere: str = ""  # of one that goes downhill without converging: why it can arrive nowhere (`descent.nowhere`)
    nearest: Nearest | None = None  # where it converges: the critical point nearest its end, if the tutor knows it
    widens: bool = False  # a zigzag growing without bound (by no less each step), short of the margin that says so

    @property
    def word(self) -> str:
        """What the run did, in a word or two: its behaviour, but `goes downhill` where it can arrive nowhere, which
        is no rate's fault (x + y: not "too slow", outside check h42, F5)."""
        return "goes downhill" if self.nowhere else str(self.behaviour)

    @property
    def stalls(self) -> bool:
        """It converges where f has no minimum: the critical point nearest its end is known to be none."""
        return self.behaviour == Behaviour.CONVERGES and self.nearest is not None and self.nearest.not_minimum

    @property
    def true_of(self) -> frozenset[Behaviour]:
        """Every word true of the run: its behaviour, `oscillates` too where it converges zigzagging, and `diverges`
        too where its zigzag widens at every step (h26: α = 1.1 on (x - 1)² was keyed `oscillates` with 10 steps and
        `diverges` with 20, and "diverges" marked wrong with 10, where the gap grows 1.2 times at each)."""
        if self.behaviour == Behaviour.CONVERGES and self.zigzags:
            return frozenset((Behaviour.CONVERGES, Behaviour.OSCILLATES))
        if self.behaviour == Behaviour.OSCILLATES and self.widens:
            return frozenset((Behaviour.OSCILLATES, Behaviour.DIVERGES))
        return frozenset((self.behaviour,))


@dataclass(frozen=True)
class LearningRates:
    function: Expr
    variables: tuple[str, ...]
    start: tuple[float, ...]
    steps: int
    tolerance: float
    trials: tuple[RateTrial, ...]  # in the order the rates were given
    best: int | None  # index into trials of the best rate; None when none converges

    @property
    def best_rate(self) -> float | None:
        return None if self.best is None else self.trials[self.best].rate

    @property
    def best_rates(self) -> tuple[int, ...]:
        """The best rate and those tied with it, smallest rate first; () when none converges."""
        if self.best is None:
            return ()
        return tuple(sorted((self.best, *self.tied), key=lambda i: self.trials[i].rate))

    @property
    def apart(self) -> bool:
        """Two of the rates that converge end in different valleys: f at their ends differs by more than
        APART times the tolerance times their distance. Between two such ends some point has |∇f| that much
        above the tolerance (the mean value theorem), so they are not the two sides of one minimum, which
        descent nears from both sides with f alike (x⁴ - 3x² + x from 2: α = 0.05 ends at 1.13, α = 0.1 at
        -1.3, f = -1.07 and -3.51). Ends at one minimum differ less: in a bowl the slope between them is
        no steeper than at them. Equal values of f at two minima are not told apart so."""
        ends = [t.descent.end[1:] for t in self.trials if t.behaviour == Behaviour.CONVERGES and not t.stalls]
        return any(abs(a - b) > APART * self.tolerance * math.dist(p, q)
                   for i, (p, a) in enumerate(ends) for q, b in ends[i + 1:])

    @property
    def tied(self) -> tuple[int, ...]:
        """The other rates that converge in as few steps as the best one: as good by the question's measure."""
        if self.best is None:
            return ()
        fewest = self.trials[self.best].iterations
        return tuple(i for i, t in enumerate(self.trials) if i != self.best and t.behaviour == Behaviour.CONVERGES
                     and not t.stalls and t.iterations == fewest)


def compare_rates(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                  rates: Sequence[Number], steps: int, tolerance: float = DEFAULT_TOLERANCE) -> LearningRates:
    f = function_of(f)
    variables = variables_of(f, variables)
    if not rates:
        raise SolveError("give at least one learning rate")
    for i, later in enumerate(rates):  # two equal rates made "best: α = 0.5 and α = 0.5, tied" (outside check h61)
        if (same := next((r for r in rates[:i] if exact(r) == exact(later)), None)) is not None:
            twice = f"rate {given(same)} is given twice" if given(same) == given(later) else \
                f"rates {given(same)} and {given(later)} are the same"
            raise SolveError(f"the learning {twice}: compare each rate once")
    if steps < 1:
        raise SolveError("the number of steps must be at least 1")
    tolerance = positive_tolerance(tolerance)
    trials = tuple(_trial(f, variables, start, rate, steps, tolerance) for rate in rates)
    converging = [i for i, t in enumerate(trials) if t.behaviour == Behaviour.CONVERGES and not t.stalls]
    best = min(converging, key=lambda i: (trials[i].iterations, trials[i].rate)) if converging else None
    return LearningRates(f, variables, trials[0].descent.rows[0].point, steps, tolerance, trials, best)


def _trial(f: Expr, variables: Sequence[str], start, rate: Number, steps: int, tolerance: float) -> RateTrial:
    trial = judged(descend(f, variables, start, rate, iterations=steps, tolerance=tolerance), tolerance)
    if trial.descent.converged:  # where it converged, and whether that is a minimum: only rates compared need it
        return replace(trial, nearest=nearest_critical(trial.descent))
    return trial


def judged(run: Descent, tolerance: float) -> RateTrial:
    """What a run did, judged as each rate is (the module's order): also what a single descent that never
    got below its tolerance did, so that it is told in the same words."""
    alpha, rows = run.rate, run.rows
    size = gradient_size(run.variables)
    moves = [tuple(b - a for a, b in zip(r.point, s.point)) for r, s in pairwise(rows)]
    pairs = list(pairwise(moves))
    reversing = sum(1 for u, v in pairs if sum(a * b for a, b in zip(u, v)) < 0)
    zigzags = bool(pairs) and 2 * reversing > len(pairs)
    back = f"{reversing} of its {len(pairs)} pairs of steps go back the way they came"
    if run.converged:
        k = rows[-1].k
        below = f"{size} is below {tolerance:g} after {counted(k, 'step')}"
        return RateTrial(alpha, Behaviour.CONVERGES, run, k,
                         f"{below}, and it oscillates on the way: {back}" if zigzags else below, zigzags)
    if run.landed is not None:  # on the minimum itself, where ∇f has no value: no rate does better
        return RateTrial(alpha, Behaviour.CONVERGES, run, run.diverged_at,
                         f"it stopped at step {run.diverged_at}: {run.note}", zigzags)
    blown = _blown_up(run)
    if blown:
        return RateTrial(alpha, Behaviour.DIVERGES, run, None, blown, zigzags)
    last = rows[-1]
    slopes = run.slopes
    if zigzags:
        # a bounce that widens at every step, short of the margin that says it diverges, is told as widening: an
        # outside check read "oscillates" alone for α = 1.1 on x² (|f′| from 2 to 4.98) as for α = 0.9 (2 to 0.66)
        widening = slopes[-1] > slopes[0] and all(b >= a for a, b in pairwise(slopes))
        # and one that narrows, as plainly: h16 read "oscillates" alone for α = 0.09 on x² + 10y², whose |∇f| fell
        # from 20.1 to 0.025 in 30 steps, as for α = 0.1, which bounces across the valley for good
        half = len(slopes) // 2
        narrowing = 2 * slopes[-1] <= slopes[0] and max(slopes[half:]) < max(slopes[:half])
        bounce = bounced(run)
        settling = _settles_at(slopes) if narrowing and not bounce else None
        if bounce:  # 2.4 at the end from 21 at the start is no closing in where the last 50 steps all gave 2.4: h51, N1
            back += f", and {bounce}"
        elif settling is not None:  # 3 to 0.913 in 100 steps, on its way to a bounce at 0.903 (outside check h52, N2)
            back += (f", and {size} fell from {slopes[0]:.3g} to {slopes[-1]:.3g}, but by less and less, towards "
                     f"about {settling:.2g}, not 0: it is settling into a bounce, not closing in")
        elif widening:
            back += f", and {size} grew at every step, from {slopes[0]:.3g} to {slopes[-1]:.3g}"
        elif narrowing:
            back += (f", and {size} fell from {slopes[0]:.3g} to {slopes[-1]:.3g}: it closes in, zigzagging, but not "
                     f"below {tolerance:g} within {counted(last.k, 'step')}")
        # growing without bound, where the factor it grew by at each step is no smaller at the end than at the start
        # ((x - 1)² at α = 1.1: 1.2 each step); one settling into a bounce grows by less and less (√(1 + x²) at α = 2.5
        # nears a bounce between ±0.75: outside check h30, F2)
        factors = [b / a for a, b in pairwise(slopes) if a > 0]
        growing = widening and len(factors) > 1 and factors[-1] >= factors[0] * (1 - 1e-9)
        return RateTrial(alpha, Behaviour.OSCILLATES, run, None, back, zigzags, widens=growing)
    length = slopes[-1]
    why = nowhere(run)
    return RateTrial(alpha, Behaviour.TOO_SLOW, run, None,
                     f"after {counted(last.k, 'step')} {size} = {length:.3g} {not_below(length, tolerance)} "
                     f"{tolerance:g}" + (f"; {why}" if why else ""),
                     zigzags, why)


def diverges(run: Descent) -> str:
    """Why `judged` calls the run diverging, or "" where it does not: what a descent exercise's variant is refused
    for, without the reason `judged` gives a run too slow, which solves ∇f = 0 (a variant is built for each student:
    that solve was a fifth of checking every variant of the lesson's pack)."""
    return "" if run.converged or run.landed is not None else _blown_up(run)


def _blown_up(run: Descent) -> str:
    """Why a run that neither converged nor landed on a minimum diverges: a step out of f's domain, or a value
    past descent's bound (told so, not as growth), or |∇f| or the point running away; "" where none of these."""
    if run.diverged_at is not None:
        return f"it {'stopped' if run.escaped else 'diverged'} at step {run.diverged_at}: {run.note}"
    rows = run.rows
    point = f"|{run.variables[0]}|" if len(run.variables) == 1 else f"|({', '.join(run.variables)})|"
    for name, sizes in ((gradient_size(run.variables), run.slopes),
                        (point, [math.hypot(*r.point) for r in rows])):
        if _runs_away(sizes):
            return (f"{name} grew from {sizes[0]:.3g} to {max(sizes):.3g} within {counted(rows[-1].k, 'step')}, "
                    "and keeps growing")
    return ""


def _settles_at(slopes: Sequence[float]) -> float | None:
    """Where the sizes of a narrowing zigzag are heading, where that is well above 0 (more than half the last):
    Aitken's extrapolation from three sizes a quarter of the run apart, each an even number of steps apart, so
    that each is on the same side of the bounce. A size falling geometrically to 0 extrapolates to 0 exactly."""
    gap = max(2, len(slopes) // 8 * 2)
    if len(slopes) <= 2 * gap:
        return None
    s0, s1, s2 = slopes[-1 - 2 * gap], slopes[-1 - gap], slopes[-1]
    curve = s2 - 2 * s1 + s0
    if curve <= 0 or s2 >= s1:  # not falling by less and less
        return None
    limit = s2 - (s2 - s1) ** 2 / curve
    return limit if limit > s2 / 2 else None


def bounced(run: Descent) -> str:
    """Where the run has settled into going back and forth between two points (`Descent.bounce`), that, in a
    sentence: 'from step 42 on it goes back and forth between -1.44515 and -1.08491, |f′| = 2.4 at both, and
    more steps bring it no closer'; else ''."""
    bounce = run.bounce
    if bounce is None:
        return ""
    size = gradient_size(run.variables)
    since = "from the start" if bounce.since == 0 else f"from step {bounce.since} on"
    first, second = map(show_floats, bounce.points)
    length = math.hypot(*run.rows[-1].gradient)  # the same at both: ∇f at one is minus ∇f at the other
    return (f"{since} it goes back and forth between {first} and {second}, {size} = {length:.3g} at both, and more "
            "steps bring it no closer")


def gradient_size(variables: Sequence[str]) -> str:
    """How the size of f's slope is written: |f′| for one variable, |∇f| for more."""
    return "|f′|" if len(variables) == 1 else "|∇f|"


def not_below(length: float, tolerance: float) -> str:
    """How a gradient's length that did not get below the tolerance stands to it: it may be the tolerance
    itself (|f′| = 1 after a step from 1 on x² at rate 0.25, tolerance 1), which is not "above" it."""
    return "is still above" if length > tolerance else "is not below"


def _runs_away(sizes: Sequence[float]) -> bool:
    """Sizes (one a row, the start first) past GROWTH times the start's (or 1) and still growing: the
    largest of them at least twice the largest of the first half."""
    largest = max(sizes)
    return largest > GROWTH * max(1.0, sizes[0]) and largest >= 2 * max(sizes[:len(sizes) // 2 + 1])


def fell_short(run: Descent) -> RateTrial | None:
    """A run given a tolerance that ended without getting below it (at its bound on the iterations), judged;
    None where it converged, blew up, or was given a number of iterations only."""
    if run.converged or run.tolerance is None or run.diverged_at is not None:
        return None
    return judged(run, run.tolerance)


def short_of(trial: RateTrial) -> str:
    """What a run that stopped short of its tolerance did (`judged`), in a few words: 'it oscillates: 9999
    of its 9999 pairs of steps go back the way they came' (α = 1 on x², from 1)."""
    if trial.behaviour == Behaviour.OSCILLATES:
        return f"it oscillates: {trial.reason}"
    if trial.behaviour == Behaviour.DIVERGES:
        return f"it diverges: {trial.reason}"
    if trial.nowhere:  # e^(-x), x² − y²: not too slow, with nowhere to arrive (outside checks h24, h25)
        return f"it goes downhill, but {trial.nowhere}"
    return "it goes downhill, but too slowly"  # too slow: its reason is the gradient still above the tolerance
