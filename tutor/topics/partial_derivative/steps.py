"""The derivation of ∂f/∂x at a point: the partial derivative the lesson's way, then the point put in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ...steps import Step, StepRule, derivative_steps, step
from ..solution import approx


class PartialRule(StepRule):
    PARTIAL_AT = "partial_at_point"
    PUT_IN = "put_in_point"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    PartialRule.PARTIAL_AT: "{df} at {point} for {f} = {before}: {after}",
    PartialRule.PUT_IN: "Put in {point}: {df}{point:args} = {after}{approx}.",
}


def partial_at_steps(f: Expr, wrt: str, variables: Sequence[str], point: Sequence[Expr], value: Expr) -> Step:
    """∂f/∂wrt, then its value at the point: the answer of an exercise with `at`."""
    derivation = derivative_steps(f, wrt, variables)
    at = tuple(point) if len(point) > 1 else point[0]
    return step(PartialRule.PARTIAL_AT, f, value,
                [derivation, step(PartialRule.PUT_IN, derivation.after, value, point=tuple(point), wrt=wrt,
                                       approx=approx(value))],
                variables=tuple(variables), wrt=wrt, point=at)
