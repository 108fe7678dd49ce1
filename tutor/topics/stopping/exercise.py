"""Repeat until close enough: how many iterations of gradient descent until |∇f| is below a tolerance."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import SolveError
from ...check import Verdict, check
from ...compare import Tolerance
from ...limits import LIMITS, Limits
from ...parse import Answer, InputError, Shape
from ...show import show_floats
from ..base import Field, FieldError, FunctionProblem, point_from
from ..gradient_descent.exercise import refuse_settled_start, subscripted, underflowed, until_field

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step

BOUND = 10_000  # an exercise's descent must get close enough within this many iterations

COUNT_NAMES = ("k", "n")  # what a count may be called before '=' (the hints call it k), unless a variable is
_NAMED = re.compile(r"\s*([^\W\d]\w*)\s*=")  # k = 11
_UNIT = re.compile(r"(?<![^\W\d])(?:iterations?|steps?)\.?\s*$", re.IGNORECASE)  # 11 iterations


@dataclass(frozen=True)
class Stopping(FunctionProblem):
    start: tuple[Expr, ...] = ()
    rate: Expr = sympy.Rational(1, 10)
    until: Expr = sympy.Rational(1, 1000)

    KIND: ClassVar[str] = "stopping"
    SHAPE: ClassVar[Shape] = Shape.NUMBER
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "start": Field("point", "the starting point, like 0.05 or [0.5, 0.6]", required=True),
        "rate": Field("number", "the learning rate α, like 0.1", required=True),
        "until": Field("number", "repeat until |f′| (|∇f| in several variables) is below this, like 0.001",
                       required=True),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Stopping:
        common = cls.function_data(data)
        start = point_from(data["start"], common["variables"], "start")
        if not data["rate"] > 0:
            raise FieldError("rate", "the learning rate must be positive")
        until_field(data["until"])
        problem = cls(start=start, rate=data["rate"], until=data["until"], **common)
        try:
            stop = problem.solution
        except SolveError as error:
            raise FieldError("start", error.message) from None
        if stop.iterations is None:
            raise FieldError("until", f"the descent never gets there: {stop.reason}")
        refuse_settled_start(stop.descent, stop.tolerance)
        zeroed = [(name, k) for name, k in stop.descent.zeroed if k <= stop.iterations]
        if zeroed:  # |f′| of a coordinate taken as 0 is 0: the count would be the rounding's (1e-310 on x²)
            raise FieldError("until", f"{underflowed(*zeroed[0])}, before {problem.size} gets below 'until'; "
                                      "choose a larger 'until'")
        if stop.on_the_edge is not None:
            until = problem.show(problem.until)
            raise FieldError("until", f"{problem.size} at iteration {stop.on_the_edge} is {until} up to rounding, "
                                      "so whether it is below depends on the rounding; choose another 'until'")
        return problem

    @cached_property
    def solution(self) -> calculus.Stopping:
        return calculus.iterations_until(self.function, self.variables, self.start, self.rate, float(self.until),
                                         bound=BOUND)

    @property
    def size(self) -> str:
        return f"|{self.name}′|" if len(self.variables) == 1 else f"|∇{self.name}|"

    def prompt(self, latex: bool = False) -> str:
        start = self.point_text(self.start, latex)
        rate, until = self.show(self.rate, latex), self.show(self.until, latex)
        if latex:
            size = rf"|{self.name}'|" if len(self.variables) == 1 else rf"|\nabla {self.name}|"
            return (rf"\text{{Gradient descent on }} {self.signature(True)} \text{{ from }} {start} \text{{ with }} "
                    rf"\alpha = {rate}: \text{{ iterations until }} {size} < {until}")
        first = subscripted(self.variables, "0")
        return (f"Gradient descent on {self.signature()} from {first} = {start} with learning rate α = {rate}: "
                f"repeat until {self.size} < {until} at the point reached. How many iterations does it take?")

    def expected(self) -> Answer:
        return Answer(Shape.NUMBER, sympy.Integer(self.solution.iterations or 0))

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """The count as a number, also written `11 iterations`, `11 steps` or `k = 11` (the name and the
        word become spaces, so that a column still points into the text as typed). `x = 11` is refused:
        x is the point the descent reaches, not the count."""
        named = _NAMED.match(text)
        if named is not None and named.group(1) in self.variables:
            raise InputError(f"{named.group(1)} is the point, not the count: give the number "
                             f"of iterations, without '{named.group(1)} ='", named.start(1), "shape")
        if named is not None and named.group(1) in COUNT_NAMES:
            text = " " * named.end() + text[named.end():]
        unit = _UNIT.search(text)
        if unit is not None and text[: unit.start()].strip():
            text = text[: unit.start()] + " " * (len(text) - unit.start())
        return super().read(text, limits, parameters)

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        return check(text, expected, variables=self.answer_variables, shape=self.shape, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def steps(self) -> Step:
        from .steps import stopping_steps
        return stopping_steps(self.solution)

    def hints(self) -> tuple[str, ...]:
        first = self.solution.descent.rows[0].gradient
        one = len(self.variables) == 1
        before = subscripted(self.variables, 'ₖ₋₁')  # the slope at the last point, named (outside check h35, F4: (…))
        at = before if before.startswith("(") else f"({before})"
        slope = f"{self.name}′" if one else f"∇{self.name}"
        step_rule = f"{subscripted(self.variables, 'ₖ')} = {before} − α·{slope}{at}"
        return (
            f"Take one step at a time, {step_rule}, and after each one check {self.size} at the new point.",
            f"At the start the {'slope' if one else 'gradient'} is {show_floats(first)}; the first check is after "
            f"the first step, at {subscripted(self.variables, '1')}.",
            f"Count the steps, not the checks: the answer is the first k where {self.size} < "
            f"{self.show(self.until)} at {subscripted(self.variables, 'ₖ')}.",
        )

    def question_figure(self) -> Figure:
        """f around the start: the path's extent would show where it stops."""
        from ...plot import descent_question
        return descent_question(self.function, self.start, self.drawn_variables(), self.name)

    def figure(self) -> Figure:
        """The descent up to the point where it is close enough."""
        from ...plot import descent_figure
        return descent_figure(self.function, self.start, self.rate, tolerance=float(self.until),
                              max_iterations=BOUND, variables=self.drawn_variables(), name=self.name)
