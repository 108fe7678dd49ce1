"""The tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Expr

from ... import calculus
from ...check import Verdict, check
from ...compare import Tolerance
from ...limits import LIMITS, Limits
from ...parse import Answer, Shape
from ..base import Field, FieldError, FunctionProblem, point_from
from ..named import DependentName

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
    def _named(self) -> DependentName:
        """The plane written after a name for its height, as the linearization often is: L(x, y) = …,
        L = …, z(x, y) = …, read as z = … (z(x, y) not as z times a pair). The function's own name is one
        too (f = …, as f(x, y) = …): the prompt writes the surface z = f and asks for the plane z = …."""
        return DependentName("z", self.variables, "plane")

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        return super().read(self._named.blanked(text, parameters) or text, limits, parameters)

    def read_as(self, text: str, shape: Shape, variables: Sequence[str], components: Sequence[str] = (),
                limits: Limits = LIMITS) -> Answer:
        plane = self._named.blanked(text) if shape == Shape.EQUATION else None
        return super().read_as(plane or text, shape, variables, components, limits)

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        # Read by this kind (the name before the plane), where the default reads by the grammar alone.
        return check(text, expected, variables=self.answer_variables, shape=self.shape,
                     tolerance=tolerance or self.default_tolerance(), isolated=False,
                     reader=self.read)

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
