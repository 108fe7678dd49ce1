"""The derivation of "repeat until close enough": descend, and after each step compare the slope
at the new point with the tolerance; the first point where it is smaller ends the descent."""

from __future__ import annotations

import math
from collections.abc import Mapping

from ...calculus import Stopping
from ...steps import Step, StepRule, step
from ..gradient_descent.steps import DescentRule, skipped

SHOWN = 3  # iterations written out at the start; the last two are always written out


class StopRule(StepRule):
    STOPPING = "stopping"
    RULE = "stopping_rule"
    NOT_YET = "not_yet"
    CLOSE_ENOUGH = "close_enough"
    NEVER = "never"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    StopRule.STOPPING: ("Gradient descent on {f} = {before} from {start} with learning rate {alpha} = {rate}, "
                        "until |{slope_of_f}| < {tolerance}: {after} {after:iteration|iterations}"),
    StopRule.RULE: ("Repeat until close enough: after each iteration, compare |{slope_of_f}| at the new point with "
                    "{tolerance}; stop at the first point where it is smaller."),
    StopRule.NOT_YET: "|{slope_of_f}| = {length} is not below {tolerance} yet: take another step.",
    StopRule.CLOSE_ENOUGH: ("|{slope_of_f}| = {length} < {tolerance}: close enough, so the descent stops after {after} "
                            "{after:iteration|iterations}, at {point}."),
    StopRule.NEVER: "It never gets there: {reason}.",
}


def stopping_steps(stop: Stopping) -> Step:
    """The update rule, the first iterations and the last two, each with its check against the tolerance."""
    run = stop.descent
    rows = run.rows
    substeps = [step(DescentRule.SLOPE, None, run.gradient), step(DescentRule.UPDATE_RULE, rate=run.rate),
                step(StopRule.RULE, tolerance=stop.tolerance)]
    last = len(rows) - 1
    shown = [k for k in range(1, last + 1) if k <= SHOWN or k >= last - 1]
    for k in shown:
        if k > SHOWN and k - 1 not in shown:
            substeps.append(skipped(SHOWN + 1, k - 1))
        length = math.hypot(*rows[k].gradient)
        check = (step(StopRule.CLOSE_ENOUGH, None, k, length=length, tolerance=stop.tolerance,
                      point=rows[k].point)
                 if stop.iterations == k else
                 step(StopRule.NOT_YET, length=length, tolerance=stop.tolerance))
        substeps.append(step(DescentRule.ITERATION, rows[k - 1].point, rows[k].point, [check], k=k, rate=run.rate,
                             gradient=rows[k - 1].gradient, value=rows[k].value))
    if stop.iterations is None:
        substeps.append(step(StopRule.NEVER, reason=stop.reason))
    return step(StopRule.STOPPING, run.function, stop.iterations, substeps, variables=run.variables,
                start=rows[0].point, rate=run.rate, tolerance=stop.tolerance)
