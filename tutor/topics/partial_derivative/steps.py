"""The derivation of ∂f/∂x at a point: the partial derivative the lesson's way, then the point put in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...calculus.partials import DifferenceLimit
from ...parse import Equation, symbol
from ...steps import Step, StepRule, derivative_steps, step, written_if_short
from ..gradient.steps import GradientRule
from ..solution import approx


class PartialRule(StepRule):
    PARTIAL_AT = "partial_at_point"
    PUT_IN = "put_in_point"
    PUT_IN_WRITTEN = "put_in_point_written"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    PartialRule.PARTIAL_AT: "{df} at {point} for {f} = {before}: {after}",
    PartialRule.PUT_IN: "Put in {point}: {df}{point:args} = {after}{approx}.",
    PartialRule.PUT_IN_WRITTEN: "Put {values:and} into {df}: {df}{point:args} = {written} = {after}{approx}.",
}


def partial_at_steps(f: Expr, wrt: str, variables: Sequence[str], point: Sequence[Expr], value: Expr,
                     definition: DifferenceLimit | None = None) -> Step:
    """∂f/∂wrt, then its value at the point: the answer of an exercise with `at`. `definition`: the limit of f's
    difference quotient that gave the value, where the formula has none at the point ((x³ + y³)^(1/3) at the
    origin), said as the gradient's steps say it."""
    derivation = derivative_steps(f, wrt, variables)
    at = tuple(point) if len(point) > 1 else point[0]
    values = dict(zip(variables, point))
    written = None if definition else written_if_short(derivation.after, values, value)
    if definition:
        put_in = step(GradientRule.PARTIAL_BY_DEFINITION, derivation.after, value, point=tuple(point), wrt=wrt,
                      definition=definition)
    elif written is None:
        put_in = step(PartialRule.PUT_IN, derivation.after, value, point=tuple(point), wrt=wrt, approx=approx(value))
    else:
        put_in = step(PartialRule.PUT_IN_WRITTEN, derivation.after, value, point=tuple(point), wrt=wrt,
                      approx=approx(value), written=written,
                      values=tuple(Equation(symbol(name), c) for name, c in values.items()))
    return step(PartialRule.PARTIAL_AT, f, value,
                [derivation, put_in],
                variables=tuple(variables), wrt=wrt, point=at)
