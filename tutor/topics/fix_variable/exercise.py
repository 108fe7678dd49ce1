"""f with a variable fixed: the slice f(x, 4) of x² + y², and its derivative, the tangent line's slope."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Add, Expr

from ... import calculus
from ...calculus import SolveError
from ...check import Judgement, Verdict, check
from ...compare import Tolerance
from ...limits import Limits
from ...parse import Answer, InputError, Shape, symbol
from ...words import and_list
from ..base import Field, FieldError, FunctionProblem, choice_from

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


class Ask(StrEnum):
    SLICE = "slice"  # f(x, 4) = x² + 16
    DERIVATIVE = "derivative"  # d/dx f(x, 4) = 2x, the slope of the tangent line


@dataclass(frozen=True)
class FixVariable(FunctionProblem):
    fixed: tuple[tuple[str, Expr], ...] = ()  # (name, value) for each fixed variable, in f's order
    ask: Ask = Ask.SLICE

    KIND: ClassVar[str] = "fix_variable"
    SHAPE: ClassVar[Shape] = Shape.EXPRESSION
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "fix": Field("point", "the variables to fix and their values, like {y: 4} or y = 4", required=True),
        "ask": Field("name", "what the student gives: slice, f with the variable fixed (the default), or "
                             "derivative, the slice's derivative (the slope of its tangent line)",
                     choices=tuple(Ask)),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> FixVariable:
        common = cls.function_data(data)
        variables = common["variables"]
        given = data["fix"]
        if not isinstance(given, dict):
            raise FieldError("fix", "name the variable to fix and its value, like {y: 4} or y = 4")
        unknown = [name for name in given if name not in variables]
        if unknown:
            raise FieldError("fix", f"'{unknown[0]}' is not a variable of the function ({', '.join(variables)})")
        fixed = tuple((v, given[v]) for v in variables if v in given)
        left = len(variables) - len(fixed)
        if left == 0:
            raise FieldError("fix", "leave at least one variable free: fixing every variable gives a number")
        ask = choice_from(data, "ask", Ask)
        if ask == Ask.DERIVATIVE and left != 1:
            raise FieldError("ask", "the slice's derivative needs exactly one variable left free")
        problem = cls(fixed=fixed, ask=ask, **common)
        try:
            _ = problem.solution
        except SolveError as error:
            raise FieldError("fix", error.message) from None
        return problem

    @cached_property
    def solution(self) -> calculus.FixedVariable:
        return calculus.fix_variable(self.function, dict(self.fixed), self.variables)

    def call(self, latex: bool = False, named: bool = False) -> str:
        """f(x, 4): the function's name with the fixed values in place; `named`, each after its variable's
        name, as the lesson writes T(x = 0, y)."""
        values = dict(self.fixed)
        inner = ", ".join(f"{v} = {self.show(values[v], latex)}" if named and v in values
                          else self.show(values.get(v, symbol(v)), latex) for v in self.variables)
        return f"{self.name}({inner})"

    def prompt(self, latex: bool = False) -> str:
        held = ", ".join(f"{self.show(symbol(v), latex)} = {self.show(c, latex)}" for v, c in self.fixed)
        call = self.call(latex)
        if latex:
            what = rf"\frac{{d}}{{d{self.solution.remaining[0]}}} {call}" if self.ask == Ask.DERIVATIVE else call
            return rf"\text{{Fix }} {held} \text{{ in }} {self.signature(True)}: \quad {what} = \,?"
        if self.ask == Ask.DERIVATIVE:
            x = self.solution.remaining[0]
            return (f"Fix {held} in {self.signature()}. What is d/d{x} {call}, the slope of the tangent "
                    f"line to the curve {call}?")
        return f"Fix {held} in {self.signature()}. Write {call} as a function of {self.free()}."

    @property
    def answer_names(self) -> tuple[str, ...]:
        """f(x, 4), or d/dx f(x, 4) for its slope, as the prompt asks for it, or with the fixed value after its
        variable's name, as the lesson writes T(x = 0, y) (f alone is the function before a variable was
        fixed, not the answer)."""
        calls = (self.call(), self.call(named=True))
        if self.ask == Ask.DERIVATIVE:
            return tuple(f"d/d{self.solution.remaining[0]} {call}" for call in calls)
        return calls

    def free(self) -> str:
        return " and ".join(self.solution.remaining)

    def expected(self) -> Answer:
        s = self.solution
        return Answer(Shape.EXPRESSION, s.derivative if self.ask == Ask.DERIVATIVE else s.slice)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """As every kind checks, except a wrong answer that still holds a fixed variable: told so, and
        compared where the question looks, on the slice (with the fixed values put in), never at a point
        off it (x = 1, y = 2 where y = 4 was fixed)."""
        verdict = super().check(text, tolerance, expected)
        if expected is not None or verdict.verdict != Judgement.INCORRECT:
            return verdict
        try:
            answer = self.read(text)
        except InputError:
            return verdict
        if not isinstance(answer.value, Expr):
            return verdict
        kept = [v for v, _ in self.fixed if symbol(v) in answer.value.free_symbols]
        if not kept:
            return verdict
        put = replace(answer, value=answer.value.xreplace({symbol(v): c for v, c in self.fixed}))

        def read_put(_text: str, _limits: Limits) -> Answer:
            return put

        on_slice = check(text, self.expected(), variables=self.answer_variables, shape=self.shape,
                         tolerance=tolerance or self.default_tolerance(), reader=read_put, isolated=False)
        values = " and ".join(f"{v} = {self.show(c)}" for v, c in self.fixed)
        putting = f"{self.show(self.fixed[0][1])} in its place" if len(self.fixed) == 1 else "their values in"
        said = (f"{and_list(kept)} {'is' if len(kept) == 1 else 'are'} still in your answer: fixing {values} "
                f"means putting {putting}, and {self.call()} has only {and_list(list(self.solution.remaining))} left.")
        if on_slice.correct:
            said += f" With {values} put in, your answer is right."
        elif on_slice.verdict == Judgement.INCORRECT and on_slice.message:
            said += f" With {values} put in: {on_slice.message[0].lower()}{on_slice.message[1:]}"
        return replace(verdict, message=said)

    def steps(self) -> Step:
        from .steps import fix_steps
        return fix_steps(self.solution, self.call(), derivative=self.ask == Ask.DERIVATIVE)

    def hints(self) -> tuple[str, ...]:
        s = self.solution
        held = " and ".join(f"{v} = {self.show(c)}" for v, c in self.fixed)
        first = (f"A fixed variable is a number: put {held} into {self.name} wherever "
                 f"{'it appears' if len(self.fixed) == 1 else 'they appear'}, and leave {self.free()} as "
                 f"{'it is' if len(s.remaining) == 1 else 'they are'}.")
        if self.ask == Ask.DERIVATIVE:
            return (first, f"{self.call()} = {self.show(s.slice)}.",
                    f"Now differentiate {self.show(s.slice)} with respect to {s.remaining[0]}, as a function of "
                    "one variable.")
        # the values put in come last: they are the answer but for the arithmetic ("the third nearly the answer")
        return (first, self.terms_hint(), f"{self.call()} = {self.show(s.written)}: now work out the numbers.")

    def terms_hint(self) -> str:
        """What the fixed values make of f's terms, worked out for these numbers: a term that becomes 0
        drops out (x = 0 in 85 - x²(x - 6)y²(y - 6)/90), one of fixed variables alone is a constant that
        stays (y² is 16 for y = 4: students drop it as if it were 0)."""
        values = {symbol(v): c for v, c in self.fixed}
        fixing = [t for t in Add.make_args(self.function) if t.free_symbols & set(values)]
        vanishing = [t for t in fixing if t.xreplace(values).expand() == 0]
        constant = [t for t in fixing if t not in vanishing and not t.free_symbols - set(values)]
        said = []
        if vanishing:
            held = " and ".join(f"{v} = {self.show(c)}" for v, c in self.fixed)
            said.append(f"With {held}, {self._terms(vanishing)} {_be(vanishing)} 0 for every {self.free()}: "
                        f"{'it drops' if len(vanishing) == 1 else 'they drop'} out.")
        if constant:
            said.append(f"{self._terms(constant).capitalize()} {_be(constant)} a constant now: "
                        f"{'it stays, it does' if len(constant) == 1 else 'they stay, they do'} not become 0.")
        return " ".join(said) or "A fixed variable is a number now: each term keeps its other variables."

    def _terms(self, terms: list[Expr]) -> str:
        shown = and_list([self.show(-t if t.could_extract_minus_sign() else t) for t in terms])
        return f"the term{'s' if len(terms) > 1 else ''} {shown}"

    def question_figure(self) -> Figure:
        """Nothing before it is solved: the slice's curve is the answer."""
        self.figure()  # no picture at all: that sentence
        raise SolveError("this exercise's picture is its answer, the slice: it is drawn once you have solved "
                         "the exercise, seen its steps or skipped it")

    def figure(self) -> Figure:
        """The slice as a curve, with its derivative (the tangent line's slope) beside it."""
        from ...plot import slice_figure
        s = self.solution
        if len(s.remaining) != 1:
            raise SolveError("this exercise has no picture: the slice has more than one variable left")
        return slice_figure(s, self.call(), name=self.name)


def _be(terms: list[Expr]) -> str:
    return "is" if len(terms) == 1 else "are"
