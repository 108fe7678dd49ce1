"""Is a critical point a minimum, a maximum, a saddle, or does the test not decide?"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from sympy import Expr

from .. import calculus, steps
from ..parse import Answer
from .base import Field, FieldError, FunctionProblem, point_from


@dataclass(frozen=True)
class ClassifyPoint(FunctionProblem):
    point: tuple[Expr, ...] = ()

    KIND: ClassVar[str] = "classify_point"
    SHAPE: ClassVar[str] = "label"
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "point": Field("point", "the critical point, like [4, 4]", required=True),
    }

    @classmethod
    def build(cls, data) -> "ClassifyPoint":
        common = cls.function_data(data)
        point = point_from(data["point"], common["variables"], "point")
        values = calculus.gradient(common["function"], common["variables"],
                                   dict(zip(common["variables"], point))).values
        if any(v != 0 for v in values):
            raise FieldError("point", "this point is not a critical point (the gradient is not zero there)")
        return cls(point=point, **common)

    @cached_property
    def solution(self) -> calculus.Classification:
        return calculus.classify(self.function, self.variables, self.point)

    def prompt(self, latex: bool = False) -> str:
        if latex:
            return (rf"\text{{Classify the critical point }} {self.point_text(self.point, True)} "
                    rf"\text{{ of }} {self.signature(True)}")
        return (f"{self.point_text(self.point)} is a critical point of {self.signature()}. Is it a "
                "minimum, a maximum, a saddle point, or inconclusive (the second-derivative test "
                "does not decide)?")

    def expected(self) -> Answer:
        return Answer("label", self.solution.label)

    def steps(self):
        return steps.classify_steps(self.function, self.variables, self.point)

    def hints(self) -> tuple[str, ...]:
        result = self.solution
        return (
            "Use the second-derivative test: D = f_xx·f_yy − f_xy² at the point.",
            "D < 0: saddle. D > 0: a minimum if f_xx > 0, a maximum if f_xx < 0. D = 0: the test "
            "does not decide.",
            f"Here D = {self.show(result.D)} and f_xx = {self.show(result.fxx)}.",
        )
