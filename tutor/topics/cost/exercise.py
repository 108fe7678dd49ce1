"""The cost of a line y = mx + b on data: E(m, b) built square by square, its value at (m, b), and one
gradient-descent step on it (or on the mean cost L = E/(2n) used for several observations)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Expr, Pow

from ... import calculus
from ...calculus import SolveError
from ...calculus.cost import B, M
from ...compare import Note, Tolerance, not_multiplied_out
from ...parse import Answer, InputError, Labelled, Shape
from ...words import counted
from ..base import Field, FieldError, Problem, choice_from, keys_for_ask, point_from
from ..gradient_descent.exercise import STILL_START
from ..least_squares.exercise import DATA_FIELDS, line_data, points_text
from ..solution import approx_point

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


class Ask(StrEnum):
    FUNCTION = "function"  # E(m, b) multiplied out
    VALUE = "value"  # E at a given (m, b)
    STEP = "step"  # (m₁, b₁) after one descent step on the cost


class Form(StrEnum):
    SUM = "sum"  # E(m, b) = Σ(mxᵢ + b − yᵢ)², the power lines' cost
    MEAN = "mean"  # L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)², for several observations


@dataclass(frozen=True)
class Cost(Problem):
    points: tuple[tuple[Expr, Expr], ...] = ()
    source: str = ""
    ask: Ask = Ask.FUNCTION
    form: Form = Form.SUM
    at: tuple[Expr, ...] | None = None  # (m, b) for VALUE
    start: tuple[Expr, ...] | None = None  # (m₀, b₀) for STEP
    rate: Expr | None = None
    variables: tuple[str, ...] = ("m", "b")
    decimals: bool = False
    tolerance: Tolerance | None = None

    KIND: ClassVar[str] = "cost"
    SHAPE: ClassVar[Shape] = Shape.EXPRESSION
    FIELDS: ClassVar[dict[str, Field]] = {
        **DATA_FIELDS,
        "ask": Field("name", "what the student gives: function, the cost E(m, b) multiplied out (the default); "
                             "value, its value at 'at'; step, (m, b) after one descent step from 'start' at 'rate'",
                     choices=tuple(Ask)),
        "form": Field("name", "sum, E(m, b) = Σ(mx + b − y)² (the default), or mean, "
                              "L(m, b) = 1/(2n)·Σ(mx + b − y)² for several observations", choices=tuple(Form)),
        "at": Field("point", "for ask: value, the line's m and b, like [1/2, 7/3]"),
        "start": Field("point", "for ask: step, the starting m and b, like [0, 0]"),
        "rate": Field("number", "for ask: step, the learning rate α, like 0.01"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Cost:
        points, source, decimals = line_data(data)
        ask, form = choice_from(data, "ask", Ask), choice_from(data, "form", Form)
        keys_for_ask(data, ask, {Ask.VALUE: ("at",), Ask.STEP: ("start", "rate")})
        at = point_from(data["at"], ("m", "b"), "at") if "at" in data else None
        start = point_from(data["start"], ("m", "b"), "start") if "start" in data else None
        rate = data.get("rate")
        if rate is not None and not rate > 0:
            raise FieldError("rate", "the learning rate must be positive")
        problem = cls(points=points, source=source, ask=ask, form=form, at=at, start=start, rate=rate,
                      decimals=decimals, tolerance=data.get("tolerance"))
        try:  # what the answer is computed from: the step alone reads the data as the cost does
            _ = problem.step if problem.step is not None else problem.cost
        except SolveError as error:
            raise FieldError("csv" if "csv" in data else "data", error.message) from None
        if problem.step is not None and not any(problem.step.slope):
            raise FieldError("start", STILL_START)
        return problem

    @cached_property
    def cost(self) -> calculus.LineCost:
        return calculus.line_cost(self.points)

    @cached_property
    def step(self) -> calculus.MeanCostStep | None:
        if self.start is None or self.rate is None:
            return None
        return calculus.mean_cost_step(self.points, self.start, self.rate, average=self.mean)

    @property
    def mean(self) -> bool:
        return self.form == Form.MEAN

    @property
    def name(self) -> str:
        return "L" if self.mean else "E"

    @property
    def shape(self) -> Shape:
        return {Ask.FUNCTION: Shape.EXPRESSION, Ask.VALUE: Shape.NUMBER, Ask.STEP: Shape.VECTOR}[self.ask]

    @property
    def components(self) -> tuple[str, ...]:
        return ("m", "b") if self.ask == Ask.STEP else ()

    @property
    def answer_names(self) -> tuple[str, ...]:
        """What the prompt asks for, as it writes it: E(1/2, 7/3), or as the lesson does, E(m = 1/2, b = 7/3)
        (E alone is the function, not its value there), E(m, b) or E for the function itself, or (m₁, b₁)'s
        parts for a step."""
        if self.ask == Ask.VALUE and self.at is not None:
            # the lesson's own way, each value after its variable's name: E(m = 1/2, b = 7/3)
            named = ", ".join(f"{v} = {self.show(c)}" for v, c in zip(self.variables, self.at))
            return (f"{self.name}{self.show(self.at)}", f"{self.name}({named})")
        if self.ask == Ask.STEP:
            return ("m₁", "b₁")
        return (f"{self.name}(m, b)", self.name)

    @property
    def answer_variables(self) -> tuple[str, ...]:
        return ("m", "b") if self.ask == Ask.FUNCTION else ()

    def labelled(self, error: Labelled) -> InputError:
        """E = 25/6 where E(1/2, 7/3) is asked: E alone is the whole cost, a function of m and b, so it is told so,
        with both ways to write the value (outside check h20, F3: "Write just 25/6" did not say why)."""
        if self.ask == Ask.VALUE and self.at is not None and error.label == self.name:
            return InputError(f"{self.name} alone is the whole cost, a function of m and b: write just {error.value}, "
                              f"or {self.answer_names[0]} = {error.value}", error.column, error.note)
        return error

    def not_in_form(self, answer: Answer) -> tuple[Note, str] | None:
        """E(m, b) with its squares left as they are is the cost's definition, copied from the prompt: the
        work asked for, multiplying out, is not done yet. A product with a sum in it (multiplied out, then a
        factor taken out again) is named: "multiply out each square" would not say what is left."""
        if self.ask != Ask.FUNCTION or answer.shape != Shape.EXPRESSION:
            return None
        left = not_multiplied_out(answer.value)
        if left is None:
            return None
        todo = ("multiply out each square and add them up" if any(power.base.is_Add for power in left.atoms(Pow))
                else f"multiply out {self.show(left)} too")
        return Note.NOT_MULTIPLIED_OUT, f"That is {self.name}(m, b), but not multiplied out yet: {todo}."

    def default_tolerance(self) -> Tolerance | None:
        return self.tolerance or (Tolerance(relative=1e-4) if self.ask == Ask.STEP else None)

    def function(self) -> Expr:
        """E(m, b), or L(m, b) = E/(2n)."""
        return self.cost.function / (2 * len(self.points)) if self.mean else self.cost.function

    def definition(self, latex: bool = False) -> str:
        if latex:
            return (r"L(m, b) = \frac{1}{2n}\sum_i (mx_i + b - y_i)^2" if self.mean
                    else r"E(m, b) = \sum_i (mx_i + b - y_i)^2")
        return (f"L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)² (n = {counted(len(self.points), 'observation')})" if self.mean
                else "E(m, b) = Σ(mxᵢ + b − yᵢ)²")

    def prompt(self, latex: bool = False) -> str:
        data = points_text(self.points, lambda p: self.show(p, latex))
        where = f" {self.source}" if self.source and not latex else ""
        if latex:
            if self.ask == Ask.VALUE and self.at is not None:
                question = rf"{self.name}{self.show(self.at, True)} = \,?"
            else:
                question = r"(m_1, b_1) = \,?" if self.ask == Ask.STEP else rf"{self.name}(m, b) = \,?"
            return rf"\text{{The cost of }} y = mx + b \text{{ on }} {data}: {self.definition(True)}; \quad {question}"
        cost = f"the cost {self.definition()} of the line y = mx + b on the points {data}{where}"
        if self.ask == Ask.FUNCTION:
            return (f"Build {cost}: multiply out each square and add them up. What is {self.name}(m, b)?")
        if self.ask == Ask.VALUE:
            return f"Take {cost}. What is {self.name}{self.show(self.at)}?" + self.precision()
        return (f"Take {cost}. One step of gradient descent from (m₀, b₀) = {self.show(self.start)} with learning "
                f"rate α = {self.show(self.rate)}: what is (m₁, b₁)?" + self.precision())

    def expected(self) -> Answer:
        if self.ask == Ask.VALUE and self.at is not None:
            return Answer(Shape.NUMBER, self.cost.at(*self.at) / (2 * len(self.points) if self.mean else 1))
        if self.ask == Ask.STEP and self.step is not None:
            return Answer(Shape.VECTOR, self.step.after)
        return Answer(Shape.EXPRESSION, self.function())

    def steps(self) -> Step:
        from .steps import descent_step_steps, function_steps, value_steps
        if self.ask == Ask.VALUE and self.at is not None:
            return value_steps(self.cost, self.mean, self.at, self.decimals)
        if self.ask == Ask.STEP and self.step is not None:
            return descent_step_steps(self.cost, self.step, self.decimals)
        return function_steps(self.cost, self.mean, self.decimals)

    def hints(self) -> tuple[str, ...]:
        first = self.cost.terms[0]
        x, y = first.point
        square = (f"Each point gives one square: ({self.show(first.residual)})² for {self.show((x, y))}. "
                  "Multiply it out: the square of each term, then twice each product of two terms.")
        built = f"E(m, b) = {self.show(self.cost.function)}" + (
            f", and L = E/{2 * len(self.points)}" if self.mean else "")
        if self.ask == Ask.FUNCTION:
            return (square, "Add the squares up, collecting the m², b², mb, m, b and constant terms.",
                    f"Check: at m = 0, b = 0 the cost is {self.show(self.function().xreplace({M: 0, B: 0}))}.")
        # a nudge first, then the cost multiplied out, which is much of the work (outside check h35, F2)
        if self.ask == Ask.VALUE:
            m, b = self.at or (0, 0)
            # decimal data: round only at the end, as the answer is asked to some places (outside check h65, F8)
            exactly = "Keep every digit until the end, then round." if self.decimals else \
                "Work with fractions until the end."
            return (f"Put m = {self.show(m)} and b = {self.show(b)} into the cost; or add up the squared errors "
                    "(mx + b − y)² of the points directly.", f"{built}.", exactly)
        return (f"(m₁, b₁) = (m₀, b₀) − α·∇{self.name}(m₀, b₀): first find ∂{self.name}/∂m and "
                f"∂{self.name}/∂b at {self.show(self.start)}.", f"{built}.",
                f"∇{self.name}{self.show(self.start)} = {self.show(self.step.slope if self.step else ())}"
                f"{approx_point(self.step.slope) if self.step else ''}.")

    def question_figure(self) -> Figure:
        """The points alone: the cost, its minimum and the line's errors are what is asked."""
        from ...plot import fit_figure, question_only
        return question_only(fit_figure(self.points), title=f"the cost of a line through {len(self.points)} points")

    def figure(self) -> Figure:
        """The line at (m, b) with its errors (value); the descent step on the cost's contour map (step);
        the cost's contour map with its minimum (function)."""
        from ...plot import contour_figure, descent_figure, line_figure
        if self.ask == Ask.VALUE and self.at is not None:
            return line_figure(self.points, *self.at)
        if self.ask == Ask.STEP and self.start is not None and self.rate is not None:
            return descent_figure(self.function(), self.start, self.rate, iterations=1, variables=("m", "b"),
                                  name=self.name)
        return contour_figure(self.function(), ("m", "b"), critical=True)
