"""The derivation of a gradient: each partial derivative, the vector they make, its value at the point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...calculus import Gradient, gradient
from ...calculus.common import Number
from ...parse import Equation, symbol
from ...show import show
from ...steps import WRITTEN_LIMIT, Step, StepRule, derivative_steps, step, written_if_short


class GradientRule(StepRule):
    GRADIENT = "gradient"
    GRADIENT_VECTOR = "gradient_vector"
    GRADIENT_AT = "gradient_at"
    GRADIENT_AT_WRITTEN = "gradient_at_written"
    COMPONENT_AT = "gradient_component_at"
    GRADIENT_AT_PUT = "gradient_at_put"
    GRADIENT_AT_POINT = "gradient_at_point"
    PARTIAL_BY_DEFINITION = "gradient_partial_by_definition"
    COMPONENT_PUT = "gradient_component_put"
    GRADIENT_FROM_PARTS = "gradient_from_parts"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    GradientRule.GRADIENT: "The gradient of {f} = {before}: {grad} = {after}",
    GradientRule.GRADIENT_VECTOR: "Put the partial derivatives together: {grad} = {after}.",
    GradientRule.GRADIENT_AT: "At {point}: {grad}{point:args} = {after}.",
    GradientRule.GRADIENT_AT_WRITTEN: "At {point}, put {values:and} into each component: "
                                      "{grad}{point:args} = {written} = {after}.",
    GradientRule.COMPONENT_AT: "Put {values:and} into {df}: {df}{point:args} = {written} = {after}.",
    GradientRule.GRADIENT_AT_PUT: "Put {values:and} into each component: {grad}{point:args} = {after}.",
    GradientRule.PARTIAL_BY_DEFINITION: "{df} = {before} has no value at {point}, so from the definition, "
                                        "{df}{point:args} = {definition} = {after}.",
    GradientRule.COMPONENT_PUT: "Put {values:and} into {df}: {df}{point:args} = {after}.",
    GradientRule.GRADIENT_FROM_PARTS: "Put the partial derivatives at {point} together: {grad}{point:args} = {after}.",
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
        substeps += _put_in_steps(g, point)
        return step(GradientRule.GRADIENT_AT_POINT, g.function, g.values, substeps, variables=g.variables,
                    point=point)
    return step(GradientRule.GRADIENT, g.function, g.components, substeps, variables=g.variables)


def _put_in_steps(g: Gradient, point: tuple[Expr, ...]) -> list[Step]:
    """The point put into each component, as the lesson writes ∇f(2, 3) = (2·2, 2·3) = (4, 6): on one line
    where it is short, one line per component where each is, else the values put in and what they give."""
    assert g.at is not None and g.values is not None
    values = tuple(Equation(symbol(name), value) for name, value in g.at.items())
    definitions = g.definitions or ("",) * len(g.values)  # a value from the definition was worked out above
    written = [None if definition else written_if_short(c, g.at, value)
               for c, value, definition in zip(g.components, g.values, definitions)]
    if any(definitions):  # its formula has no value at the point: never "put the point into each component"
        put = [step(GradientRule.COMPONENT_AT, c, value, point=point, values=values, written=w, wrt=v,
                    variables=g.variables) if w is not None
               else step(GradientRule.COMPONENT_PUT, c, value, point=point, values=values, wrt=v, variables=g.variables)
               for v, c, value, w, definition in zip(g.variables, g.components, g.values, written, definitions)
               if not definition]
        return [*put, step(GradientRule.GRADIENT_FROM_PARTS, g.components, g.values, point=point)]
    if any(w is None and not definition and show(c) != show(value)
           for w, c, value, definition in zip(written, g.components, g.values, definitions)):
        return [step(GradientRule.GRADIENT_AT_PUT, g.components, g.values, point=point, values=values)]
    whole = tuple(value if w is None else w for w, value in zip(written, g.values))
    if len(show(whole)) <= WRITTEN_LIMIT:
        return [step(GradientRule.GRADIENT_AT_WRITTEN, g.components, g.values, point=point, values=values,
                     written=whole)]
    each = [step(GradientRule.COMPONENT_AT, c, value, point=point, values=values, written=w, wrt=v,
                 variables=g.variables)
            for v, c, value, w in zip(g.variables, g.components, g.values, written) if w is not None]
    return [*each, step(GradientRule.GRADIENT_AT, g.components, g.values, point=point)]
