"""The derivation of gradient descent: the update rule with the numbers filled in."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, cast

import sympy
from sympy import Expr

from ...calculus import Descent, Nature, descend
from ...calculus.classified import CriticalPoint
from ...calculus.common import Number
from ...calculus.descent import Nearest, nearest_critical
from ...calculus.rates import bounced, fell_short, short_of
from ...steps import Step, StepRule, step
from ..solution import approx, approx_point

SHOWN = 3  # iterations written out at the start; the last one is always written out too


class DescentRule(StepRule):
    GRADIENT_DESCENT = "gradient_descent"
    DESCENT_WITHIN = "descent_within"  # the same, one step among others: a sentence, with its full stop
    SLOPE = "slope"
    UPDATE_RULE = "update_rule"
    ITERATION = "iteration"
    SKIPPED = "skipped"
    SKIPPED_ONE = "skipped_one"
    DIVERGED = "diverged"
    ESCAPED = "escaped"
    AT_KINK = "at_kink"
    REACHED_MINIMUM = "reached_minimum"
    CONVERGED = "converged"
    CONVERGED_MINIMUM = "converged_minimum"
    CONVERGED_NOT_MINIMUM = "converged_not_minimum"
    CONVERGED_UNDECIDED = "converged_undecided"
    CONVERGED_NONE = "converged_none"
    CONVERGED_ON_SET = "converged_on_set"
    CONVERGED_ON_SET_NOT_MINIMUM = "converged_on_set_not_minimum"
    CONVERGED_ON_SET_UNDECIDED = "converged_on_set_undecided"
    NOT_MINIMUM = "not_minimum"
    NOT_MINIMUM_ON_SET = "not_minimum_on_set"
    NO_CRITICAL = "no_critical"
    STOPPED = "stopped"
    ROSE = "rose"
    BOUNCED = "bounced"
    FELL_SHORT = "fell_short"
    ZEROED = "zeroed"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


ANOTHER_RATE = "another learning rate steps past that point"
OVERSHOOT = "the steps overshoot the minimum and the learning rate is too large; try a smaller one"
# a descent that diverged going downhill at every step (Descent.fell): no overshoot, and no smaller rate mends it
FELL_AWAY = "every step went downhill, so the learning rate is not too large: down this path f has no minimum to find"


def skipped(first: int, last: int) -> Step:
    """The iterations left out between those shown, said once."""
    return step(DescentRule.SKIPPED_ONE if first == last else DescentRule.SKIPPED, first=first, last=last)


def diverged_advice(d: Descent) -> str:
    """What a descent that blew up says after why: a smaller rate, where it overshot; where it fell at every step,
    that f has no minimum down that path (outside check h24)."""
    return FELL_AWAY if d.fell else "try a smaller learning rate"

# the lesson's "repeat until close enough": the tolerance decides the stop, and the nearest critical point is
# named with its distance, whatever that is, never judged "near" or not by a threshold of the tutor's own
_BELOW = ("After {k} {k:iteration|iterations} |{slope_of_f}| is below {tolerance}: close enough, so the descent "
          "stops at {after}, where {f} = {value}; ")
_STOPS_ANYWHERE = ": descent stops wherever {slope_of_f} is small, not only near a minimum"
_NEAREST = "{every:the nearest critical point|the nearest critical point the tutor finds} is {critical}{approx}"
_NOT_MINIMUM = _NEAREST + ", {distance} away, which is {nature:verdict}" + _STOPS_ANYWHERE
# a line of critical points nearer than any point (the sauna wall x = 0 of the lesson's f): its points' nature where
# the run ended, which changes along it (maxima where y < 6, minima where y > 6; outside check h59, P2)
_ON_SET = ("{every:the nearest critical points are|the nearest critical points the tutor finds are} on the {kind} "
           "{on:and}, {distance} away, every point of which is critical; there they are {nature:verdicts}")
_NO_CRITICAL = "{f} has no critical point: {slope_of_f} is small there, but not 0, so descent would go on"

# a sentence with its result, so that it says something where its steps are left out (practice's :steps)
_DESCENT = ("Gradient descent on {f} = {before} from {start} with learning rate {alpha} = {rate}: after {k} "
            "{k:iteration|iterations} the point is {after}")

TEMPLATES: dict[StepRule, str] = {
    DescentRule.GRADIENT_DESCENT: _DESCENT,  # a title
    DescentRule.DESCENT_WITHIN: _DESCENT + ".",
    DescentRule.SLOPE: "The {variables:derivative|gradient}: {slope_of_f} = {after}.",
    # the lesson's "direction of greatest ascent: ∇f; greatest descent: −∇f"
    DescentRule.UPDATE_RULE: ("Each iteration steps against the {variables:derivative, downhill|gradient, which points "
                              "the way of greatest ascent, so that the step goes the way of greatest descent}: "
                              "new point = old point − {alpha}·{slope_of_f}(old point)."),
    DescentRule.ITERATION: ("Iteration {k}: {slope_of_f}{before:args} = {gradient}, so the new point is "
                            "{before} − {rate}·{gradient:factor} = {after}, where {f} = {value}."),
    DescentRule.SKIPPED: "Iterations {first} to {last} go the same way.",
    DescentRule.SKIPPED_ONE: "Iteration {first} goes the same way.",  # not "iterations 4 to 4" (outside check h24)
    DescentRule.DIVERGED: "Diverged at iteration {k}: {reason}; {advice}.",
    # the step that left f's domain (or made f too large to compute), shown: the descent stops there
    DescentRule.ESCAPED: ("Iteration {k}: {slope_of_f}{before:args} = {gradient}, so the new point is "
                          "{before} − {rate}·{gradient:factor} = {after}, which {why}. The step went too far: the "
                          "learning rate is too large; try a smaller one."),
    # the step that landed exactly on a kink of f, no minimum: no slope there says where to go next
    DescentRule.AT_KINK: ("Iteration {k}: {slope_of_f}{before:args} = {gradient}, so the new point is "
                          "{before} − {rate}·{gradient:factor} = {after}, which {why}, so descent cannot go on; "
                          + ANOTHER_RATE + "."),
    # the step that landed on a minimum where the gradient has no value (the cone's vertex): not too far
    DescentRule.REACHED_MINIMUM: ("Iteration {k}: {slope_of_f}{before:args} = {gradient}, so the new point is "
                          "{before} − {rate}·{gradient:factor} = {after}: {reason}."),
    # a small gradient need not mean a minimum: the sentence says what the nearest critical point is
    DescentRule.CONVERGED: (_BELOW + "the tutor cannot name the nearest critical point ({slope_of_f} is 0 on a whole "
                            "line or stretch, or {slope_of_f} = 0 is not solved), and a small {slope_of_f} need not "
                            "mean a minimum."),
    DescentRule.CONVERGED_MINIMUM: (_BELOW + _NEAREST + ", a local minimum, {distance} away."),
    DescentRule.CONVERGED_NOT_MINIMUM: _BELOW + _NOT_MINIMUM + ".",
    DescentRule.CONVERGED_UNDECIDED: (_BELOW + _NEAREST + ", {distance} away, which the second-derivative test does "
                                      "not decide: it need not be a minimum."),
    # every critical point known, and there are none (e^(-x) from 0 drifts on to ∞: finding 325)
    DescentRule.CONVERGED_NONE: _BELOW + _NO_CRITICAL + ".",
    # the same, said of a rate that converges there (tutor solve rates: finding 785)
    DescentRule.CONVERGED_ON_SET: _BELOW + _ON_SET + ".",
    DescentRule.CONVERGED_ON_SET_NOT_MINIMUM: _BELOW + _ON_SET + _STOPS_ANYWHERE + ".",
    DescentRule.CONVERGED_ON_SET_UNDECIDED: _BELOW + _ON_SET + ": they need not be minima.",
    DescentRule.NOT_MINIMUM: _NOT_MINIMUM,
    DescentRule.NOT_MINIMUM_ON_SET: _ON_SET + _STOPS_ANYWHERE,
    DescentRule.NO_CRITICAL: _NO_CRITICAL,
    DescentRule.STOPPED: "After {k} {k:iteration|iterations} the point is {after}, where {f} = {value}.",
    # the lesson's "too large": a descent asked for k iterations that ends higher than it started
    DescentRule.ROSE: ("After {k} {k:iteration|iterations} the point is {after}, where {f} = {value}: {f} went up "
                       "from {start_value} at the start, so " + OVERSHOOT + "."),
    # asked for k iterations, it goes back and forth between two points for good (x² at α = 1: outside check h51)
    DescentRule.BOUNCED: ("After {k} {k:iteration|iterations} the point is {after}, where {f} = {value}: {how}, so "
                          + OVERSHOOT + "."),
    DescentRule.FELL_SHORT: ("After {k} {k:iteration|iterations}, {capped:the most the tutor runs|as many as asked}, "
                             "|{slope_of_f}| = {length} {above:is still above|is not below} the tolerance "
                             "{tolerance}: it did not converge; {how}. The point is {after}, where {f} = {value}."),
    DescentRule.ZEROED: ("At iteration {k}, {coordinate} fell below 2.2e-308, the least a float holds to full "
                         "precision, so it is taken as 0 from there: below that a float keeps fewer digits at each "
                         "step, and its later values would show rounding, not descent."),
}


def descent_steps(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                  rate: Number, iterations: int | None = None, tolerance: float | None = None,
                  max_iterations: int = 10_000, *, result: Descent | None = None, capped: bool | None = None,
                  name: str = "f") -> Step:
    """capped: the run's bound on the iterations is the tutor's (max_iterations), not a number asked (by
    default, where no number of iterations is given). name: the function's (E for the least-squares cost)."""
    d = result or descend(f, variables, start, rate, iterations, tolerance, max_iterations)
    if capped is None:
        capped = iterations is None
    short = fell_short(d)
    rows = d.rows
    alpha = d.rate_text if d.rate_fraction else d.rate  # 1/4 as typed; the iterations' arithmetic is in decimals
    substeps = [step(DescentRule.SLOPE, None, d.gradient), step(DescentRule.UPDATE_RULE, rate=alpha)]
    last = len(rows) - 1
    tail = SHOWN if d.diverged_at is not None else 1  # a divergence shows how the last rows grow
    shown = [k for k in range(1, last + 1) if k <= SHOWN or k > last - tail]
    zeroed = zeroed_steps(d)  # each follows the iteration where its coordinate became 0, or the skipped ones

    def up_to(k: int) -> None:
        while zeroed and zeroed[0].get("k") <= k:
            substeps.append(zeroed.pop(0))

    for k in shown:
        if k > SHOWN + 1 and k - 1 not in shown:
            substeps.append(skipped(SHOWN + 1, k - 1))
            up_to(k - 1)
        substeps.append(step(DescentRule.ITERATION, rows[k - 1].point, rows[k].point, k=k, rate=d.rate,
                             gradient=rows[k - 1].gradient, value=rows[k].value))
        up_to(k)
    final = rows[-1]
    if d.landed is not None:
        substeps.append(step(DescentRule.REACHED_MINIMUM, final.point, d.escaped, k=d.diverged_at, rate=d.rate,
                             gradient=final.gradient, reason=d.note))
    elif d.escaped:
        substeps.append(step(DescentRule.AT_KINK if d.at_kink else DescentRule.ESCAPED, final.point, d.escaped,
                             k=d.diverged_at, rate=d.rate, gradient=final.gradient, why=d.why))
    elif d.diverged_at is not None:
        substeps.append(step(DescentRule.DIVERGED, k=d.diverged_at, reason=d.note, advice=diverged_advice(d)))
    elif d.converged:
        rule, named = _stopped_at(d)
        substeps.append(step(rule, None, final.point, k=final.k, value=final.value, tolerance=d.tolerance,
                             **named))
    elif short is not None:
        length = math.hypot(*final.gradient)
        substeps.append(step(DescentRule.FELL_SHORT, None, final.point, k=final.k, value=final.value, capped=capped,
                             length=length, tolerance=d.tolerance, how=short_of(short),
                             above=d.tolerance is not None and length > d.tolerance))
    elif rose(d):
        substeps.append(step(DescentRule.ROSE, None, final.point, k=final.k, value=final.value,
                             start_value=rows[0].value))
    elif d.tolerance is None and (how := bounced(d)):
        substeps.append(step(DescentRule.BOUNCED, None, final.point, k=final.k, value=final.value, how=how))
    else:
        substeps.append(step(DescentRule.STOPPED, None, final.point, k=final.k, value=final.value))
    k, end, _ = d.end
    return step(DescentRule.GRADIENT_DESCENT, d.function, end, substeps, variables=d.variables,
                start=rows[0].point, rate=alpha, k=k, function=name)


def rose(d: Descent) -> bool:
    """A descent run for its number of iterations (no tolerance) that ends where f is above its start's value:
    said once, at its end, whether f rose at every step (x² at α = 1.5) or only overall."""
    return d.tolerance is None and d.diverged_at is None and d.rows[-1].value > d.rows[0].value


def zeroed_steps(d: Descent) -> list[Step]:
    """One step per coordinate the run took as 0 when it fell below what a float holds fully."""
    return [step(DescentRule.ZEROED, k=k, coordinate=name) for name, k in d.zeroed]


def _stopped_at(d: Descent) -> tuple[StepRule, dict[str, Any]]:
    """The exact critical point nearest where descent stopped, how far it is and what the tutor's
    classification says it is (a saddle or a maximum stops descent too); "the nearest" only where the
    list is every critical point, else the nearest of those found. Or the line of critical points nearer
    than any, and what its points are there."""
    nearest = nearest_critical(d)
    if nearest is None:
        return DescentRule.CONVERGED, {}
    if nearest.nature is None:
        return DescentRule.CONVERGED_NONE, {}
    named = _named(nearest)
    if nearest.nature == Nature.MINIMUM:
        return (DescentRule.CONVERGED_ON_SET if nearest.on else DescentRule.CONVERGED_MINIMUM), named
    if nearest.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED):
        return (DescentRule.CONVERGED_ON_SET_UNDECIDED if nearest.on else DescentRule.CONVERGED_UNDECIDED), named
    if nearest.on:
        return DescentRule.CONVERGED_ON_SET_NOT_MINIMUM, named
    return DescentRule.CONVERGED_NOT_MINIMUM, {**named, "nature": nearest.nature}


def no_minimum(nearest: Nearest, variables: Sequence[str]) -> Step:
    """What a run converged near, where that is known to be no minimum (`Nearest.not_minimum`): the nearest
    critical point (or line of them) and what it is, or that f has none, in the words of a descent's last step."""
    if nearest.nature is None:
        return step(DescentRule.NO_CRITICAL, variables=variables)
    if nearest.on:
        return step(DescentRule.NOT_MINIMUM_ON_SET, **_named(nearest), variables=variables)
    return step(DescentRule.NOT_MINIMUM, **_named(nearest), nature=nearest.nature, variables=variables)


def _named(nearest: Nearest) -> dict[str, Any]:
    distance = sympy.Float(nearest.distance, 6)
    if nearest.on is not None:
        line = nearest.on[0]
        return {"on": line.equations, "kind": line.kind, "every": nearest.every, "distance": distance,
                "nature": nearest.nature}
    point = cast(CriticalPoint, nearest.point).point
    one = len(point) == 1
    return {"critical": point[0] if one else point, "every": nearest.every, "distance": distance,
            "approx": approx(point[0]) if one else approx_point(point)}