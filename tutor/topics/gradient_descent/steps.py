"""The derivation of gradient descent: the update rule with the numbers filled in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...calculus import Descent, descend
from ...calculus.common import Number
from ...steps import Step, StepRule, step

SHOWN = 3  # iterations written out at the start; the last one is always written out too


class DescentRule(StepRule):
    GRADIENT_DESCENT = "gradient_descent"
    SLOPE = "slope"
    UPDATE_RULE = "update_rule"
    ITERATION = "iteration"
    SKIPPED = "skipped"
    DIVERGED = "diverged"
    CONVERGED = "converged"
    STOPPED = "stopped"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    DescentRule.GRADIENT_DESCENT: "Gradient descent on f = {before} from {start} with learning rate {alpha} = {rate}",
    DescentRule.SLOPE: "The {variables:derivative|gradient}: {variables:f′|∇f} = {after}.",
    DescentRule.UPDATE_RULE: ("Each iteration steps against the {variables:derivative|gradient}: "
                              "new point = old point − {alpha}·{variables:f′|∇f}(old point)."),
    DescentRule.ITERATION: ("Iteration {k}: {variables:f′|∇f}{before:args} = {gradient}, so the new point is "
                            "{before} − {rate}·{gradient:factor} = {after}, where f = {value}."),
    DescentRule.SKIPPED: "Iterations {first} to {last} go the same way.",
    DescentRule.DIVERGED: "Diverged at iteration {k}: {reason}; try a smaller learning rate.",
    DescentRule.CONVERGED: ("After {k} iterations the gradient is below {tolerance}: "
                            "the minimum is near {after}, where f = {value}."),
    DescentRule.STOPPED: "After {k} iterations the point is {after}, where f = {value}.",
}


def descent_steps(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                  rate: Number, iterations: int | None = None, tolerance: float | None = None,
                  max_iterations: int = 10_000, *, result: Descent | None = None) -> Step:
    d = result or descend(f, variables, start, rate, iterations, tolerance, max_iterations)
    rows = d.rows
    substeps = [step(DescentRule.SLOPE, None, d.gradient), step(DescentRule.UPDATE_RULE, rate=d.rate)]
    last = len(rows) - 1
    tail = SHOWN if d.diverged_at is not None else 1  # a divergence shows how the last rows grow
    shown = [k for k in range(1, last + 1) if k <= SHOWN or k > last - tail]
    for k in shown:
        if k > SHOWN + 1 and k - 1 not in shown:
            substeps.append(step(DescentRule.SKIPPED, first=SHOWN + 1, last=k - 1))
        substeps.append(step(DescentRule.ITERATION, rows[k - 1].point, rows[k].point, k=k, rate=d.rate,
                             gradient=rows[k - 1].gradient, value=rows[k].value))
    final = rows[-1]
    if d.diverged_at is not None:
        substeps.append(step(DescentRule.DIVERGED, k=d.diverged_at, reason=d.note))
    elif d.converged:
        substeps.append(step(DescentRule.CONVERGED, None, final.point, k=final.k, value=final.value,
                             tolerance=d.tolerance))
    else:
        substeps.append(step(DescentRule.STOPPED, None, final.point, k=final.k, value=final.value))
    return step(DescentRule.GRADIENT_DESCENT, d.function, final.point, substeps, variables=d.variables,
                start=rows[0].point, rate=d.rate)
