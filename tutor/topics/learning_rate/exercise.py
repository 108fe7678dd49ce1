"""Choosing a learning rate: the same descent with several rates, each one converging, oscillating,
diverging or too slow for the steps allowed, and the best of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import Behaviour, SolveError
from ...calculus.rates import DEFAULT_TOLERANCE, gradient_size
from ...check import Judgement, Verdict, check, with_readings
from ...compare import Note, Tolerance
from ...limits import LIMITS, Limits
from ...parse import Answer, InputError, Shape
from ...words import and_list
from ..base import Field, FieldError, FunctionProblem, choice_from, point_from, whole_steps
from ..gradient_descent.exercise import refuse_settled_start, subscripted, until_field
from .labels import RATE_NAME, behaviours_of, canonical, read_labels

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step

NOT = {Behaviour.CONVERGES: "does not converge", Behaviour.OSCILLATES: "does not oscillate",
       Behaviour.DIVERGES: "does not diverge", Behaviour.TOO_SLOW: "is not too slow"}
DOES = {Behaviour.CONVERGES: "it converges", Behaviour.OSCILLATES: "it oscillates",
        Behaviour.DIVERGES: "it diverges", Behaviour.TOO_SLOW: "it is too slow"}


class Ask(StrEnum):
    CLASSIFY = "classify"  # a word per rate: converges, oscillates, diverges, too slow
    BEST = "best"  # the rate that converges in the fewest steps


@dataclass(frozen=True)
class LearningRate(FunctionProblem):
    start: tuple[Expr, ...] = ()
    rates: tuple[Expr, ...] = ()
    iterations: int = 20
    until: Expr = sympy.Float(DEFAULT_TOLERANCE)
    ask: Ask = Ask.CLASSIFY

    KIND: ClassVar[str] = "learning_rate"
    SHAPE: ClassVar[Shape] = Shape.LABEL
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "start": Field("point", "the starting point, like 1 or [0.5, 0.6]", required=True),
        "rates": Field("numbers", "the learning rates to compare, like [1.1, 0.001, 0.5, 0.9]", required=True),
        "iterations": Field("integer", "how many steps each descent may take, like 20", required=True),
        "until": Field("number", f"a descent converges when |∇f| is below this (default {DEFAULT_TOLERANCE:g})"),
        "ask": Field("name", "what the student gives: classify, a word per rate (converges, oscillates, diverges "
                             "or too slow; the default), or best, the rate that converges in the fewest steps",
                     choices=tuple(Ask)),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> LearningRate:
        common = cls.function_data(data)
        start = point_from(data["start"], common["variables"], "start")
        rates = tuple(data["rates"])
        if any(not rate > 0 for rate in rates):
            raise FieldError("rates", "every learning rate must be positive")
        if len(set(rates)) != len(rates):
            raise FieldError("rates", "each rate may be given only once")
        until = data.get("until", sympy.Float(DEFAULT_TOLERANCE))
        until_field(until)
        ask = choice_from(data, "ask", Ask)
        iterations = whole_steps(data["iterations"], "iterations")
        problem = cls(start=start, rates=rates, iterations=iterations, until=until, ask=ask, **common)
        try:
            result = problem.solution
        except SolveError as error:
            raise FieldError("start", error.message) from None
        # as the stopping kind's: at a start where f′ is already 0 no rate moves, and none can be told apart
        field, below = ("until", "it") if "until" in data else ("start", f"{problem.show(until)} (the default 'until')")
        refuse_settled_start(result.trials[0].descent, float(until), field, below)
        if ask == Ask.BEST and result.best is None:
            raise FieldError("rates", f"none of the rates converges within {problem.iterations} steps, so there "
                                      "is no best one to ask for")
        return problem

    @cached_property
    def solution(self) -> calculus.LearningRates:
        return calculus.compare_rates(self.function, self.variables, self.start, self.rates, self.iterations,
                                      float(self.until))

    @property
    def shape(self) -> Shape:
        return Shape.NUMBER if self.ask == Ask.BEST else Shape.LABEL

    @property
    def answer_variables(self) -> tuple[str, ...]:
        return ()

    def shown_rates(self, latex: bool = False) -> list[str]:
        return [self.show(rate, latex) for rate in self.rates]

    def prompt(self, latex: bool = False) -> str:
        start, rates = self.point_text(self.start, latex), ", ".join(self.shown_rates(latex))
        if latex:
            what = r"\text{the best rate}" if self.ask == Ask.BEST else r"\text{what each rate does}"
            return (rf"\text{{Gradient descent on }} {self.signature(True)} \text{{ from }} {start}, "
                    rf"{self.iterations} \text{{ steps}}, \alpha \in \{{{rates}\}}: {what}")
        task = (f"Gradient descent on {self.signature()} from {subscripted(self.variables, '0')} = {start}, at most "
                f"{self.iterations} steps, with each of the learning rates α = {rates}.")
        size = gradient_size(self.variables)
        if self.ask == Ask.BEST:
            return (f"{task} Which rate is best: which one gets {size} below {self.show(self.until)} in the fewest "
                    "steps?")
        return (f"{task} For each rate, in that order, say whether it converges ({size} below "
                f"{self.show(self.until)} within the {self.iterations} steps), oscillates, diverges, or is too slow.")

    def expected(self) -> Answer:
        result = self.solution
        if self.ask == Ask.BEST and result.best is not None:
            return Answer(Shape.NUMBER, self.rates[result.best])
        return Answer(Shape.LABEL, canonical([t.behaviour for t in result.trials]))

    def also_right(self) -> tuple[Answer, ...]:
        if self.ask != Ask.BEST:
            return ()
        return tuple(Answer(Shape.NUMBER, self.rates[i]) for i in self.solution.tied)

    @property
    def answer_names(self) -> tuple[str, ...]:
        return (RATE_NAME,) if self.ask == Ask.BEST else ()

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """A word per rate; or the best rate, also after its name as the question writes it (α = 0.05),
        as a rate named in the words is."""
        if self.ask == Ask.BEST:
            return super().read(text, limits, parameters)
        return read_labels(text, self.rates, self.shown_rates(), limits)

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        return check(text, expected, variables=self.answer_variables, shape=self.shape, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        if self.ask == Ask.BEST:
            return self._offered(super().check(text, tolerance, expected), text)
        want = str(expected.value if isinstance(expected, Answer) else expected or self.expected().value)
        try:
            read = self.read(text)
        except InputError as error:
            message = error.message[0].upper() + error.message[1:] + "."
            return Verdict(Judgement.INVALID, Note.PARSE_ERROR.of(error.note), message, column=error.column)
        got = str(read.value)
        mine, right = behaviours_of(got), behaviours_of(want)
        # a word true of the run is right, though another is the key's: a zigzag that converges within the steps also
        # oscillates, one that widens at every step diverges (only the key's own words are known for a mistake's key)
        true_of = ([t.true_of for t in self.solution.trials] if want == self.expected().value
                   else [frozenset((was,)) for was in right])
        wrong = [(i, said) for i, (said, true) in enumerate(zip(mine, true_of)) if said not in true]
        if not wrong:
            return Verdict(Judgement.CORRECT, Note.EQUAL,
                           with_readings("Correct." + self._also(mine, right), read.ambiguities, True), reading=got,
                           credit=1.0)
        named = "; ".join(self._not(i, said) for i, said in wrong)
        right_count = len(right) - len(wrong)
        # the right words read from the other end: said, as four wrong words hide it (outside check h18, F7)
        turned = f" Your words are the right ones in reverse order: the first goes with α = {self.shown_rates()[0]}, " \
            "the rate listed first." if len(set(right)) > 1 and list(mine) == list(reversed(right)) else ""
        return Verdict(Judgement.INCORRECT, Note.WRONG_LABEL,
                       with_readings(f"{named}. {right_count} of {len(right)} right.{turned}", read.ambiguities, False),
                       reading=got,
                       credit=right_count / len(right))

    def _offered(self, verdict: Verdict, text: str) -> Verdict:
        """A wrong best rate that is none of those compared, told so: "Your answer 0.5 is not right." alone did not
        say that the answer is one of the list (outside check h60, W9)."""
        if verdict.verdict != Judgement.INCORRECT:
            return verdict
        try:
            rate = self.read(text).value
        except InputError:
            return verdict
        if any(sympy.Eq(rate, offered) is sympy.true for offered in self.rates):
            return verdict
        return replace(verdict, message=f"{verdict.message} The best rate is one of those compared: α = "
                                        f"{and_list(self.shown_rates(), 'or')}.")

    def _not(self, i: int, said: Behaviour) -> str:
        """What is wrong with one word, and what the run does, said true of it (α as the question writes it): a run that
        zigzags as it diverges is never told it does not oscillate, nor a zigzag still shrinking at the
        end of the steps that it does not converge, only not within them."""
        trial, rate = self.solution.trials[i], self.shown_rates()[i]
        if said == Behaviour.OSCILLATES and trial.zigzags:
            return f"α = {rate} does not just oscillate: its steps cross the minimum and grow"
        # and what it does: "α = 0.95 is not too slow" alone named no behaviour (outside check h18, F9)
        if said == Behaviour.CONVERGES and trial.behaviour != Behaviour.DIVERGES:
            return f"α = {rate} does not converge within the {self.iterations} steps: {DOES[trial.behaviour]}"
        return f"α = {rate} {NOT[said]}: {DOES[trial.behaviour]}"

    def _also(self, mine: Sequence[Behaviour], right: Sequence[Behaviour]) -> str:
        """For a rate given the other word true of it: a zigzag called oscillating that converges within the steps
        too, or one called diverging whose zigzag widens at every step, that the key's word is true of it as well."""
        both = [i for i, (said, was) in enumerate(zip(mine, right)) if said != was]
        if not both:
            return ""
        trials, rates = self.solution.trials, self.shown_rates()
        size = gradient_size(self.variables)
        said = "; ".join(
            f"α = {rates[i]} diverges, and oscillates too: {trials[i].reason}" if trials[i].widens else
            f"α = {rates[i]} oscillates, and converges too: {size} is below {self.show(self.until)} "
            f"after {trials[i].iterations} of the {self.iterations} steps" for i in both)
        return f" ({said}.)"

    def steps(self) -> Step:
        from .steps import rates_steps
        return rates_steps(self.solution, self.expected().value)

    def hints(self) -> tuple[str, ...]:
        size = gradient_size(self.variables)
        return (
            "Run the descent with each rate for the steps allowed and watch the points: do they settle, jump back "
            "and forth, run away, or crawl?",
            f"Oscillating: the steps keep crossing the minimum, back and forth, but do not run away. "
            f"Diverging: the values grow without bound. Too slow: steadily downhill, but {size} is still above "
            f"{self.show(self.until)} at the end.",
            "Too large a rate overshoots (it oscillates or diverges), too small a rate crawls; the best converges "
            "in the fewest steps." if self.ask == Ask.BEST else
            f"Write one word per rate, in the order {', '.join(self.shown_rates())}, like: "
            + ", ".join(["converges"] * min(2, len(self.rates))) + (", …" if len(self.rates) > 2 else "") + ".",
        )

    def question_figure(self) -> Figure:
        """f around the start once per rate, every panel framed alike: each path's extent would show what
        its rate does."""
        from ...plot import descent_question
        return descent_question(self.function, self.start, self.drawn_variables(), self.name, rates=self.rates)

    def figure(self) -> Figure:
        """The descents side by side, one panel per rate."""
        from ...plot import rates_figure
        self.drawn_variables()
        return rates_figure(self.solution, name=self.name)
