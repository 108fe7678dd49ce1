"""The derivation of a slice, as on the tangent-plane slide: fix y = 4 in x² + y², so
f(x, 4) = x² + 4² = x² + 16, and d/dx f(x, 4) = 2x is the slope of the tangent line."""

from __future__ import annotations

from collections.abc import Mapping

import sympy

from ...calculus import FixedVariable, partial
from ...parse import Equation, symbol
from ...steps import Step, StepRule, derivative_steps, step


class FixRule(StepRule):
    FIX_VARIABLE = "fix_variable"
    PUT_IN = "put_in"
    WORK_OUT = "work_out"
    SLICE_SLOPE = "slice_slope"
    SLICE_SLOPE_ONLY = "slice_slope_only"
    WHERE_VALUE = "where_value"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    FixRule.FIX_VARIABLE: "{call} for {f} = {before}, with {fixed:and}: {after}",
    FixRule.PUT_IN: ("Fix {fixed:and}: {held:and} no longer {held:varies|vary}, so put {values:and} in "
                     "{held:its|their} place: {call} = {after}."),
    FixRule.WORK_OUT: "Work out the numbers: {before} = {after}.",
    FixRule.WHERE_VALUE: ("A power of 0 that varies is 0 where its power is positive and has no value elsewhere: "
                          "{before} = {after} where {where:and}."),
    FixRule.SLICE_SLOPE: ("{after} is the slope of the tangent line to the curve {call}: it is {df} = {before} "
                          "with {fixed:and}."),
    # ∂f/∂y's formula may have no value where the slice has a slope: xʸ ln(x) at x = 0, where 0ʸ has slope 0
    FixRule.SLICE_SLOPE_ONLY: ("{after} is the slope of the tangent line to the curve {call}: it is {df} with "
                               "{fixed:and}, though the formula {df} = {before} has no value there."),
}


def fix_steps(fixed: FixedVariable, call: str, derivative: bool = False) -> Step:
    """Put the values in, work out the numbers; with `derivative`, differentiate the slice and say
    what its derivative is: the slope of the tangent line, ∂f/∂x with the other variables fixed."""
    values = tuple(Equation(symbol(name), value) for name, value in fixed.fixed.items())
    # f is written in all its variables' order (x² + y², as typed), the slice in those left
    left = fixed.remaining
    substeps = [step(FixRule.PUT_IN, fixed.function, fixed.written, fixed=values, call=call,
                     held=tuple(e.lhs for e in values), values=tuple(e.rhs for e in values), variables=left)]
    if fixed.worked_out:
        substeps.append(step(FixRule.WORK_OUT, fixed.written, fixed.slice, variables=left))
    answer = fixed.slice
    if derivative and fixed.derivative is not None:
        (x,) = fixed.remaining
        if fixed.where:  # 0ʸ: 0 where y > 0, and differentiated there
            substeps.append(step(FixRule.WHERE_VALUE, fixed.slice, fixed.differentiated, where=fixed.where,
                                 variables=left))
        substeps.append(derivative_steps(fixed.differentiated, x, fixed.remaining))
        whole = partial(fixed.function, x).derivative
        put = whole.xreplace({e.lhs: e.rhs for e in values})
        rule = FixRule.SLICE_SLOPE_ONLY if put.has(sympy.zoo, sympy.nan) else FixRule.SLICE_SLOPE
        substeps.append(step(rule, whole, fixed.derivative, fixed=values, call=call, wrt=x,
                             variables=fixed.variables))
        answer = fixed.derivative
        call = f"d/d{x} {call}"
    return step(FixRule.FIX_VARIABLE, fixed.function, answer, substeps, fixed=values, call=call,
                variables=fixed.variables)
