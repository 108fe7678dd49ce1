"""The tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Expr

from ... import calculus
from ...parse import Answer, Shape
from ..base import Field, FieldError, FunctionProblem, point_from

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


@dataclass(frozen=True)
class TangentPlane(FunctionProblem):
    at: tuple[Expr, ...] = ()

    KIND: ClassVar[str] = "tangent_plane"
    SHAPE: ClassVar[Shape] = Shape.EQUATION
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "the point of tangency, like [2, 4]", required=True),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> TangentPlane:
        common = cls.function_data(data)
        if len(common["variables"]) != 2 or "z" in common["variables"]:
            raise FieldError("function", "a tangent plane needs a function of two variables other than z")
        return cls(at=point_from(data["at"], common["variables"], "at"), **common)

    @property
    def answer_variables(self) -> tuple[str, ...]:
        return (*self.variables, "z")

    @cached_property
    def solution(self) -> calculus.TangentPlane:
        return calculus.tangent_plane(self.function, self.variables, self.at_mapping(self.at))

    def prompt(self, latex: bool = False) -> str:
        if latex:
            return (rf"\text{{Tangent plane to }} z = {self.show_function(True)} \text{{ at }} "
                    rf"{self.point_text(self.at, True)}")
        return f"Find the tangent plane to z = {self.show_function()} at {self.point_text(self.at)} " \
               "(an equation in x, y and z)."

    def expected(self) -> Answer:
        return Answer(Shape.EQUATION, self.solution.equation)

    def steps(self) -> Step:
        from .steps import tangent_steps
        return tangent_steps(self.function, self.variables, self.at_mapping(self.at), result=self.solution)

    def hints(self) -> tuple[str, ...]:
        plane = self.solution
        a = self.point_text(self.at)
        return (
            "The tangent plane is z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).",
            f"Compute f, f_x and f_y at {a}.",
            f"f{a} = {self.show(plane.value)}, f_x = {self.show(plane.partials[0])}, "
            f"f_y = {self.show(plane.partials[1])} there.",
        )

    def figure(self) -> Figure:
        """The surface with the tangent plane at the point and both slices through it."""
        from ...plot import surface_figure
        return surface_figure(self.function, self.variables, self.at, slices=True, name=self.name)
