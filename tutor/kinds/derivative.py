"""d/dx of a function of one variable, optionally at a point."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from sympy import Expr

from .. import calculus, steps
from ..parse import Answer
from .base import Field, FieldError, FunctionProblem, point_from


@dataclass(frozen=True)
class Derivative(FunctionProblem):
    at: Expr | None = None

    KIND: ClassVar[str] = "derivative"
    SHAPE: ClassVar[str] = "expression"
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "a value of the variable to evaluate the derivative at"),
    }

    @classmethod
    def build(cls, data) -> "Derivative":
        common = cls.function_data(data)
        if len(common["variables"]) != 1:
            raise FieldError("function", "a derivative needs a function of one variable; "
                                         "use partial_derivative for more")
        at = point_from(data["at"], common["variables"], "at")[0] if "at" in data else None
        return cls(at=at, **common)

    @property
    def shape(self) -> str:
        return "number" if self.at is not None else "expression"

    @property
    def wrt(self) -> str:
        return self.variables[0]

    @cached_property
    def solution(self) -> calculus.Partial:
        return calculus.partial(self.function, self.wrt, {self.wrt: self.at} if self.at is not None else None)

    def prompt(self, latex: bool = False) -> str:
        if latex:
            head = rf"\frac{{d}}{{d{self.wrt}}}"
            at = rf"\Big|_{{{self.wrt} = {self.show(self.at, True)}}}" if self.at is not None else ""
            return rf"{head} \left({self.show(self.function, True)}\right){at}"
        if self.at is not None:
            return f"{self.name}'({self.show(self.at)}) for {self.signature()}"
        return f"d/d{self.wrt} of {self.signature()}"

    def expected(self) -> Answer:
        result = self.solution
        if self.at is not None:
            return Answer("number", result.value)
        return Answer("expression", result.derivative)

    def steps(self):
        return steps.derivative_steps(self.function, self.wrt, self.variables)

    def hints(self) -> tuple[str, ...]:
        derivative = self.solution.derivative
        if self.at is not None:
            last = f"{self.name}'({self.wrt}) = {self.show(derivative)}; now put {self.wrt} = {self.show(self.at)}."
        else:
            last = self.value_hint(derivative)
        return (
            f"Differentiate term by term with respect to {self.wrt}.",
            "Use the rules you know: the power rule d/dx xⁿ = nxⁿ⁻¹, d/dx eˣ = eˣ, d/dx ln(x) = 1/x, "
            "and the chain rule for a function inside another.",
            last,
        )
