"""The derivation of gradient descent: the update rule with the numbers filled in."""

from __future__ import annotations

from typing import Sequence

from sympy import Expr

from ..calculus import Descent, descend
from ..calculus.common import Number
from .model import Rule, Step, step

SHOWN = 3  # iterations written out at the start; the last one is always written out too


def descent_steps(f: str | Expr, variables: Sequence[str] | None, start: Sequence[Number] | Number,
                  rate: Number, iterations: int | None = None, tolerance: float | None = None,
                  max_iterations: int = 10_000, *, result: Descent | None = None) -> Step:
    d = result or descend(f, variables, start, rate, iterations, tolerance, max_iterations)
    rows = d.rows
    substeps = [step(Rule.SLOPE, None, d.gradient), step(Rule.UPDATE_RULE, rate=d.rate)]
    last = len(rows) - 1
    shown = [k for k in range(1, last + 1) if k <= SHOWN or k == last]
    for k in shown:
        if k == last and k > SHOWN + 1:
            substeps.append(step(Rule.SKIPPED, first=SHOWN + 1, last=k - 1))
        substeps.append(step(Rule.ITERATION, rows[k - 1].point, rows[k].point, k=k, rate=d.rate,
                             gradient=rows[k - 1].gradient, value=rows[k].value))
    final = rows[-1]
    if d.diverged_at is not None:
        substeps.append(step(Rule.DIVERGED, k=d.diverged_at, reason=d.note))
    elif d.converged:
        substeps.append(step(Rule.CONVERGED, None, final.point, k=final.k, value=final.value,
                             tolerance=d.tolerance))
    else:
        substeps.append(step(Rule.STOPPED, None, final.point, k=final.k, value=final.value))
    return step(Rule.GRADIENT_DESCENT, d.function, final.point, substeps, variables=d.variables,
                start=rows[0].point, rate=d.rate)
