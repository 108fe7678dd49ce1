"""∇f: the vector of partial derivatives, optionally at a point."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Expr

from ... import calculus
from ...limits import LIMITS, Limits
from ...parse import Answer, InputError, Labelled, Shape, by_parts, without_name
from ..base import Field, FieldError, FunctionProblem, point_from

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


@dataclass(frozen=True)
class Gradient(FunctionProblem):
    at: tuple[Expr, ...] | None = None

    KIND: ClassVar[str] = "gradient"
    SHAPE: ClassVar[Shape] = Shape.VECTOR
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "a point to evaluate at, like [2, 3] or {x: 2, y: 3}"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Gradient:
        common = cls.function_data(data)
        if len(common["variables"]) < 2:
            raise FieldError("function", "a gradient needs a function of two or more variables")
        at = point_from(data["at"], common["variables"], "at") if "at" in data else None
        return cls(at=at, **common)

    @cached_property
    def solution(self) -> calculus.Gradient:
        return calculus.gradient(self.function, self.variables, self.at_mapping(self.at))

    def prompt(self, latex: bool = False) -> str:
        if latex:
            at = f"({', '.join(self.show(c, True) for c in self.at)})" if self.at is not None else ""
            return rf"\nabla {self.name}{at} \text{{ for }} {self.signature(True)}"
        at = f"({', '.join(self.show(c) for c in self.at)})" if self.at is not None else ""
        return f"∇{self.name}{at} for {self.signature()}{self.precision()}"

    @property
    def answer_names(self) -> tuple[str, ...]:
        """∇f as the prompt writes it (grad f as typed): at the point asked for (∇T(0.5, 0.6)), or alone or
        with the variables for the gradient itself (∇f(x, y)). At a point ∇f alone names it too, as the
        lesson writes ∇f = [2·2 ; 2·3] = [4 ; 6] for ∇f(2, 3); ∇f = (2x, 2y) there is then told to put the point in."""
        # ∇f too where the prompt names f otherwise: the lesson's T = f(x, y) writes ∇f(0.5, 0.6) (outside check h65)
        named = tuple(f"∇{n}" for n in dict.fromkeys((self.name, "f")) if n not in self.variables)
        alone = named if self.at is not None else ()
        return (*self.names_at(named, self.at), *alone)

    @property
    def part_names(self) -> tuple[tuple[str, ...], ...]:
        """The names each partial may be written after (∂f/∂x or f_x, at the point asked for), in order."""
        return tuple(self.names_at((f"∂{self.name}/∂{v}", f"{self.name}_{v}"), self.at) for v in self.variables)

    @property
    def component_labels(self) -> tuple[str, ...]:
        return tuple(f"∂{self.name}/∂{v}" for v in self.variables)

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """As any vector, or part by part after the partials' names, as the lesson works ∇f out
        (`∂f/∂x = 2x, ∂f/∂y = 2y`, `f_x = 2x, f_y = 2y`, in any order; at the point asked for after the point,
        `∂f/∂x(2, 3) = 4`, as a partial derivative's answer is read). A part named otherwise is told how
        to write it, not that '∂' or f_x is unknown."""
        named = self.part_names
        try:
            return super().read(by_parts(text, named) or text, limits, parameters)
        except InputError as error:
            if isinstance(error, Labelled):  # ∂f/∂x = 2x alone is no ∇f; (f_x, f_y) = (2x, 2y) is, after a name
                if without_name(text, [n for names in named for n in names]) == text:
                    raise
            elif error.note not in ("forbidden", "unknown_name") or "=" not in text or not (
                    "∂" in text or f"{self.name}_" in text):
                raise
            labels = ", ".join(f"{names[0]} = …" for names in named)
            elsewhere = self._at_another_point(text)
            if elsewhere is not None:  # ∂f/∂x(2, 4) = 4 for ∇f(2, 3): the names say another point (outside check h21)
                raise InputError(f"'{elsewhere[0]}' is at another point: the question asks for ∇{self.name}"
                                 f"{elsewhere[1]}, so write each part there ({labels})", error.column, error.note) \
                    from None
            raise InputError(f"write ∇{self.name} as one vector, like ({', '.join(self.component_labels)}), or "
                             f"each part after its name ({labels})", error.column, error.note) from None

    def _at_another_point(self, text: str) -> tuple[str, str] | None:
        """A partial's name before '=' at a point other than the one asked (∂f/∂y(3, 2) for ∇f(2, 3)), as typed, and
        the point asked; None where every name is at it, or no point is asked."""
        if self.at is None:
            return None
        asked = self.point_text(self.at)
        names = "|".join(re.escape(n) for v in self.variables for n in (f"∂{self.name}/∂{v}", f"{self.name}_{v}"))
        for found in re.finditer(rf"(?:{names})\s*(\([^()]*\))\s*=", text):
            if "".join(found[1].split()) != "".join(asked.split()):
                return " ".join(found[0].rstrip("=").split()), asked
        return None

    def expected(self) -> Answer:
        result = self.solution
        return Answer(Shape.VECTOR, result.values if self.at is not None else result.components)

    def steps(self) -> Step:
        from .steps import gradient_steps
        return gradient_steps(self.function, self.variables, result=self.solution)

    def hints(self) -> tuple[str, ...]:
        result = self.solution
        partials = ", ".join(f"∂{self.name}/∂{v}" for v in self.variables)
        first = f"∂{self.name}/∂{self.variables[0]} = {self.show(result.components[0])}"
        return (
            f"The gradient is the vector of partial derivatives ({partials}).",
            f"For each partial, treat the other variables as constants. {first}.",
            (f"∇{self.name} = {self.show(result.components)}; now put in {self.point_text(self.at)}."
             if self.at is not None else self.value_hint(result.components[-1]).replace(
                 "the answer", f"∂{self.name}/∂{self.variables[-1]}")),
        )

    def figure(self) -> Figure:
        """The contour map with ∇f as an arrow at the point, or as arrows over the map."""
        from ...plot import gradient_figure
        return gradient_figure(self.function, self.drawn_variables(), self.at, name=self.name)
