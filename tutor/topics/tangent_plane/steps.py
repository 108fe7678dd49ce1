"""The derivation of a tangent plane: f and its partials at the point, then the plane through it (for a
function of one variable, the tangent line: f and f′ at the point, then the line through it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Expr

from ...calculus import TangentPlane, gradient, tangent_plane
from ...calculus.common import Number
from ...parse import Equation, symbol
from ...show import show
from ...steps import PowerForm, Rule, Step, StepRule, Terms, step
from ...steps.model import Filled


class TangentRule(StepRule):
    TANGENT_PLANE = "tangent_plane"
    TANGENT_LINE = "tangent_line"
    VALUE_AT = "value_at"
    PARTIAL_AT = "partial_at"
    PARTIAL_BY_DEFINITION = "partial_by_definition"
    SLOPE_BY_DEFINITION = "line_slope_by_definition"
    SLOPE_AT = "line_slope_at"
    PLANE = "plane"
    PLANE_FILLED = "plane_filled"
    REMAINDER = "plane_remainder"
    LINE = "line"
    LINE_FILLED = "line_filled"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    TangentRule.TANGENT_PLANE: "The tangent plane to {f} = {before} at {point}: {after}",
    TangentRule.TANGENT_LINE: "The tangent line to {f} = {before} at {at}: {after}",
    TangentRule.VALUE_AT: "The height of {f} at the point: {f}{point:args} = {after}.",
    TangentRule.PARTIAL_AT: "The slope in the {wrt} direction: {df} = {before}, so {df}{point:args} = {after}.",
    TangentRule.SLOPE_AT: "The slope: {df} = {before}, so {df}{point:args} = {after}.",
    TangentRule.PARTIAL_BY_DEFINITION: "The slope in the {wrt} direction: {df} = {before} has no value at {point}, "
                                       "so from the definition, {df}{point:args} = {definition} = {after}.",
    TangentRule.SLOPE_BY_DEFINITION: "The slope: {df} = {before} has no value at {point}, so from the definition, "
                                     "{df}{point:args} = {definition} = {after}.",
    # the lesson's "the tangent plane contains both tangent lines": the slopes along x and along y are theirs
    TangentRule.PLANE: "The tangent plane contains both tangent lines, so put these into {tangent_form}: {after}.",
    TangentRule.LINE: "Put these into {tangent_form}: {after}.",
    # a 0 put in is said before it is dropped (outside check h24, F9: z = 9 + 6(y - 3) at once, with no 0(x - 0))
    TangentRule.PLANE_FILLED: ("The tangent plane contains both tangent lines, so put these into {tangent_form}: "
                               "{height} = {filled}, that is {after}."),
    TangentRule.LINE_FILLED: "Put these into {tangent_form}: {height} = {filled}, that is {after}.",
    # partials along the axes alone do not make a plane where one came from its definition: what is left of f
    # beside it must shrink faster than the distance, as the tutor checks before it gives the plane
    TangentRule.REMAINDER: ("A slope came from the definition, and slopes along the axes alone do not make a "
                            "tangent plane: what is left of {f} beside it, {f} − z = {before}, is at most a "
                            "number times {order} near {point}, r the distance from it, so it shrinks faster than "
                            "r: {f} is differentiable there, and the plane is its tangent plane."),
}


def tangent_steps(f: str | Expr, variables: Sequence[str] | None, at: Mapping[str, Number] | None = None, *,
                  result: TangentPlane | None = None) -> Step:
    """f and its partials at the point, then z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b); for one
    variable, f and f′ at the point, then y = f(a) + f′(a)(x - a). `at` is needed unless the solver's
    `result` is given."""
    t = result or tangent_plane(f, variables, at or {})
    grad = gradient(t.function, t.variables)
    substeps = [step(TangentRule.VALUE_AT, t.function, t.value, point=t.point)]
    slope = TangentRule.SLOPE_AT if t.line else TangentRule.PARTIAL_AT
    by_definition = TangentRule.SLOPE_BY_DEFINITION if t.line else TangentRule.PARTIAL_BY_DEFINITION
    definitions = t.definitions or ("",) * len(t.variables)
    substeps += [step(by_definition, component, value, point=t.point, wrt=v, definition=definition) if definition
                 else step(slope, component, value, point=t.point, wrt=v)
                 for v, component, value, definition in zip(t.variables, grad.components, t.partials, definitions)]
    height = t.equation.lhs
    filled = Filled(t.value, t.partials, t.point, t.variables)
    if t.line:
        rule = TangentRule.LINE_FILLED if filled.drops else TangentRule.LINE
        substeps.append(step(rule, None, Equation(height, Terms(t.terms)), height=height, wrt=t.variables[0],
                             filled=filled))
    else:
        rule = TangentRule.PLANE_FILLED if filled.drops else TangentRule.PLANE
        substeps.append(step(rule, None, Equation(height, Terms(t.terms)), height=height, filled=filled))
        if t.remainder is not None:
            substeps.append(step(TangentRule.REMAINDER, t.remainder.rest, None, point=t.point,
                                 order=PowerForm(sympy.Symbol("r"), t.remainder.order)))
    if not _multiplied_out(t):
        substeps.append(step(Rule.SIMPLIFY, Terms(t.terms), t.equation.rhs))
    if t.line:
        at_point = Equation(symbol(t.variables[0]), t.point[0])
        return step(TangentRule.TANGENT_LINE, t.function, t.equation, substeps, variables=t.variables,
                    point=t.point, at=at_point)
    return step(TangentRule.TANGENT_PLANE, t.function, t.equation, substeps, variables=t.variables, point=t.point)


def _multiplied_out(t: TangentPlane) -> bool:
    """Whether the lesson's form is already the plane multiplied out, its terms in another order (1 + x
    for eˣ at 0): then there is nothing to simplify."""
    def texts(terms: Sequence[Expr]) -> list[str]:
        return sorted(show(part, t.variables) for term in terms for part in sympy.Add.make_args(term))
    return texts(t.terms) == texts((t.equation.rhs,))
