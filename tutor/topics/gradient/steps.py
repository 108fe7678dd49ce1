"""The derivation of a gradient: each partial derivative, the vector they make, its value at the point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...calculus import Gradient, gradient
from ...calculus.common import Number
from ...steps import Step, StepRule, derivative_steps, step


class GradientRule(StepRule):
    GRADIENT = "gradient"
    GRADIENT_VECTOR = "gradient_vector"
    GRADIENT_AT = "gradient_at"
    GRADIENT_AT_POINT = "gradient_at_point"
    PARTIAL_BY_DEFINITION = "gradient_partial_by_definition"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    GradientRule.GRADIENT: "The gradient of {f} = {before}: {grad} = {after}",
    GradientRule.GRADIENT_VECTOR: "Put the partial derivatives together: {grad} = {after}.",
    GradientRule.GRADIENT_AT: "At {point}: {grad}{point:args} = {after}.",
    GradientRule.PARTIAL_BY_DEFINITION: "{df} = {before} has no value at {point}, so from the definition, "
                                        "{df}{point:args} = {definition} = {after}.",
    GradientRule.GRADIENT_AT_POINT: "The gradient of {f} = {before} at {point}: {grad}{point:args} = {after}",
}


def gradient_steps(f: str | Expr, variables: Sequence[str] | None = None,
                   at: Mapping[str, Number] | None = None, *, result: Gradient | None = None) -> Step:
    """Each partial derivative, the vector they make, and its value at the point if one is given."""
    g = result or gradient(f, variables, at)
    substeps = [derivative_steps(g.function, v, g.variables) for v in g.variables]
    substeps.append(step(GradientRule.GRADIENT_VECTOR, None, g.components))
    if g.at is not None:
        point = tuple(g.at.values())
        substeps += [step(GradientRule.PARTIAL_BY_DEFINITION, component, value, point=point, wrt=v,
                          definition=definition)
                     for v, component, value, definition in zip(g.variables, g.components, g.values or (),
                                                                 g.definitions) if definition]
        substeps.append(step(GradientRule.GRADIENT_AT, g.components, g.values, point=point))
        return step(GradientRule.GRADIENT_AT_POINT, g.function, g.values, substeps, variables=g.variables,
                    point=point)
    return step(GradientRule.GRADIENT, g.function, g.components, substeps, variables=g.variables)
