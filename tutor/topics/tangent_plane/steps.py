"""The derivation of a tangent plane: f and its partials at the point, then the plane through it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...calculus import TangentPlane, gradient, tangent_plane
from ...calculus.common import Number
from ...parse import Equation
from ...steps import Rule, Step, StepRule, step


class TangentRule(StepRule):
    TANGENT_PLANE = "tangent_plane"
    VALUE_AT = "value_at"
    PARTIAL_AT = "partial_at"
    PLANE = "plane"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    TangentRule.TANGENT_PLANE: "The tangent plane to {f} = {before} at {point}: {after}",
    TangentRule.VALUE_AT: "The height of {f} at the point: {f}{point:args} = {after}.",
    TangentRule.PARTIAL_AT: "The slope in the {wrt} direction: {df} = {before}, so {df}{point:args} = {after}.",
    TangentRule.PLANE: "Put these into z = {f}(a, b) + {f}_x(a, b)(x − a) + {f}_y(a, b)(y − b): {after}.",
}


def tangent_steps(f: str | Expr, variables: Sequence[str] | None, at: Mapping[str, Number] | None = None, *,
                  result: TangentPlane | None = None) -> Step:
    """f and its partials at the point, then z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b).
    `at` is needed unless the solver's `result` is given."""
    t = result or tangent_plane(f, variables, at or {})
    grad = gradient(t.function, t.variables)
    substeps = [step(TangentRule.VALUE_AT, t.function, t.value, point=t.point)]
    substeps += [step(TangentRule.PARTIAL_AT, component, value, point=t.point, wrt=v)
                 for v, component, value in zip(t.variables, grad.components, t.partials)]
    substeps.append(step(TangentRule.PLANE, None, Equation(t.equation.lhs, t.linearization)))
    if t.linearization != t.equation.rhs:
        substeps.append(step(Rule.SIMPLIFY, t.linearization, t.equation.rhs))
    return step(TangentRule.TANGENT_PLANE, t.function, t.equation, substeps, variables=t.variables, point=t.point)
