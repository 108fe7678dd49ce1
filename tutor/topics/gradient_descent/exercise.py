"""Where gradient descent is after some iterations, from a start point at a learning rate."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import SolveError, rates
from ...compare import Tolerance
from ...parse import Answer, Shape
from ...show import show_floats
from ...words import and_list, counted
from ..base import Field, FieldError, FunctionProblem, point_from, telling_places, whole_steps

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def underflowed(name: str, k: int) -> str:
    """Why a descent that meets the least float can't be an exercise: from there a coordinate is rounding."""
    return f"{name} falls below {sys.float_info.min:.1e} at iteration {k}, past what a float holds to full precision"


def until_field(value: Any) -> None:
    """A pack's `until`, checked as `solve descent --tolerance` is, its reason put on the field."""
    try:
        calculus.positive_tolerance(value)
    except SolveError as error:
        raise FieldError("until", error.message) from None


def refuse_settled_start(run: calculus.Descent, tolerance: float, field: str = "until", below: str = "it") -> None:
    """Refuse a descent exercise whose start already has |∇f| below its tolerance: no iteration moves it,
    whatever the rate, so every rate "converges" in 0 steps and the question has nothing to ask (x² from 0)."""
    if math.hypot(*run.rows[0].gradient) < tolerance:
        raise FieldError(field, f"the slope at the start is already below {below}: no iteration is needed")


# a start where the gradient is 0 (f's minimum, drawn there by a parameter): descent never moves, and the start
# itself, copied from the prompt, would be the right answer (outside check h26, F2)
STILL_START = ("the gradient is 0 at the start, so descent never moves from it and the start is the answer; "
               "start elsewhere")


def refuse_diverging(run: calculus.Descent) -> None:
    """Refuse a descent exercise whose run over its iterations the `learning_rate` kind would call
    "diverges" (`rates.diverges`, over the same steps): a step out of f's domain, values past descent's
    bound, or |∇f| or the point grown past ten times its start's and still growing (x² at α = 1.5 from 1
    is refused from 4 iterations on, when |x| reaches 16: the lesson's too large rate, told so)."""
    if run.escaped:
        raise FieldError("rate", f"at iteration {run.diverged_at} {run.note}; use "
                                 f"{'another' if run.at_kink else 'a smaller'} rate")
    why = rates.diverges(run)
    if why:
        raise FieldError("rate", f"gradient descent diverges with this rate ({why}); use a smaller one")


def subscripted(variables: tuple[str, ...], index: str) -> str:
    """x₂, or (x₂, y₂): the point after `index` iterations, as the lesson names it."""
    names = [v + index.translate(_SUBSCRIPTS) for v in variables]
    return names[0] if len(names) == 1 else f"({', '.join(names)})"


@dataclass(frozen=True)
class GradientDescent(FunctionProblem):
    start: tuple[Expr, ...] = ()
    rate: Expr = sympy.Rational(1, 10)
    iterations: int = 1

    KIND: ClassVar[str] = "gradient_descent"
    SHAPE: ClassVar[Shape] = Shape.VECTOR
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "start": Field("point", "the starting point, like 0.05 or [0.5, 0.6]", required=True),
        "rate": Field("number", "the learning rate α, like 0.005", required=True),
        "iterations": Field("integer", "how many steps to take, like 2", required=True),
    }
    CALL_HOLDS_PLACE: ClassVar[bool] = False

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> GradientDescent:
        common = cls.function_data(data)
        start = point_from(data["start"], common["variables"], "start")
        rate = data["rate"]
        if not rate > 0:
            raise FieldError("rate", "the learning rate must be positive")
        problem = cls(start=start, rate=rate, iterations=whole_steps(data["iterations"], "iterations"), **common)
        try:
            result = problem.solution
        except SolveError as error:
            raise FieldError("start", error.message) from None
        refuse_diverging(result)
        if not any(result.rows[0].gradient):
            raise FieldError("start", STILL_START)
        if result.rows[-1].point == result.rows[0].point:  # x² from 1 at α = 1: 1, -1, 1 (outside check h28, N1)
            raise FieldError("iterations", f"the point after {counted(problem.iterations, 'iteration')} is the start "
                                           "again, as descent jumps back and forth, so the start would be the answer; "
                                           "ask for another number of iterations, or use another rate")
        if result.zeroed:  # the point asked for would be the rounding the run took as 0, not descent
            raise FieldError("iterations", f"{underflowed(*result.zeroed[0])}; ask for fewer iterations")
        return problem

    @property
    def shape(self) -> Shape:
        return Shape.NUMBER if len(self.variables) == 1 else Shape.VECTOR

    @property
    def components(self) -> tuple[str, ...]:
        """The point may be given by name, in any order (x = 0.5057, y = 0.6047), as a fit's m and b."""
        return self.variables if len(self.variables) > 1 else ()

    @property
    def component_labels(self) -> tuple[str, ...]:
        """x₂ and y₂, as the prompt names the point asked for."""
        return tuple(v + str(self.iterations).translate(_SUBSCRIPTS) for v in self.components)

    @property
    def answer_names(self) -> tuple[str, ...]:
        """x₁, or x₁ and y₁: the point the prompt asks for, which an answer may be written after."""
        return tuple(v + str(self.iterations).translate(_SUBSCRIPTS) for v in self.variables)

    @property
    def place_asked(self) -> str:
        point = subscripted(self.variables, str(self.iterations))
        return f"{point}, the point after {counted(self.iterations, 'iteration')}"

    def default_tolerance(self) -> Tolerance:
        return self.tolerance or Tolerance(places=telling_places(self.solution.rows[self.iterations].point,
                                                                 self.start))

    def caution(self) -> str | None:
        """Where the pack's tolerance would grade the start, a step the wrong way or 0 as the answer, which the
        default's places never do (outside check h63, F1: with dp:0, a student who took no step got full marks)."""
        rows = self.solution.rows
        if self.tolerance is None or len(rows) <= self.iterations:
            return None
        answer, first = rows[self.iterations].point, rows[0]
        decoys = {"the start": first.point, "0": (0.0,) * len(answer),
                  "a step the wrong way": tuple(p + float(self.rate) * g for p, g in zip(first.point, first.gradient))}
        passing = [name for name, point in decoys.items()
                   if all(self.tolerance.accepts(p, a) for p, a in zip(point, answer))]
        if not passing:
            return None
        return (f"with tolerance {self.tolerance}, {and_list(passing)} would be graded correct as "
                f"{subscripted(self.variables, str(self.iterations))}: leave tolerance out (the default asks for "
                f"{counted(telling_places(answer, first.point), 'decimal place')} here) or make it tighter")

    @cached_property
    def solution(self) -> calculus.Descent:
        return calculus.descend(self.function, self.variables, self.start, self.rate,
                                iterations=self.iterations)

    def prompt(self, latex: bool = False) -> str:
        start = self.point_text(self.start, latex)
        rate = self.show(self.rate, latex)
        k = str(self.iterations)
        if latex:
            return (rf"\text{{Gradient descent on }} {self.signature(True)} \text{{ from }} {start}"
                    rf"\text{{ with }} \alpha = {rate}: \text{{ the point after {k} steps}}")
        first, point = subscripted(self.variables, "0"), subscripted(self.variables, k)
        return (f"Gradient descent on {self.signature()} from {first} = {start} with learning rate α = {rate}: "
                f"what is {point}, the point after {counted(self.iterations, 'iteration')}?"
                + self.precision())

    def expected(self) -> Answer:
        point = tuple(sympy.Float(c, 15) for c in self.solution.rows[self.iterations].point)
        return Answer(Shape.NUMBER, point[0]) if len(point) == 1 else Answer(Shape.VECTOR, point)

    def steps(self) -> Step:
        from .steps import descent_steps
        return descent_steps(self.function, self.variables, self.start, self.rate, self.iterations,
                                   result=self.solution)

    def hints(self) -> tuple[str, ...]:
        # numbers and points as the steps write them (-42, (0.42, 0.2)), so a hint and a step agree
        first, after = self.solution.rows[0], self.solution.rows[1]
        one = len(self.variables) == 1
        slope = f"{self.name}′" if one else f"∇{self.name}"
        return (
            f"Each step moves against the {'derivative' if one else 'gradient'}: "
            f"new point = old point − α·{slope}(old point).",
            f"At the start the {'slope' if one else 'gradient'} is {show_floats(first.gradient)}.",
            f"After one step you are at {show_floats(after.point)}; repeat {counted(self.iterations - 1, 'more time')}."
            if self.iterations > 1 else "Now compute the one step.",
        )

    def question_figure(self) -> Figure:
        """f around the start: the path's extent would show where the steps go."""
        from ...plot import descent_question
        return descent_question(self.function, self.start, self.drawn_variables(), self.name)

    def figure(self) -> Figure:
        """The descent picture for the exercise's start, rate and iterations."""
        from ...plot import descent_figure
        return descent_figure(self.function, self.start, self.rate, self.iterations, variables=self.drawn_variables(),
                              name=self.name)
