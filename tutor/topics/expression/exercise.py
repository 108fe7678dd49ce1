"""Anything else: the author writes the prompt and the expected answer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ...calculus.common import order_variables
from ...check import variables_of
from ...parse import AUTO, SHAPES, Answer, InputError, Labelled, Shape, derivative_name, name_form, read, without_name
from ...show import Notation, numbers_written, show
from ...templates import in_braces
from ..base import Field, FieldError, Problem, not_real_part, point_from, substitute

if TYPE_CHECKING:
    from ...steps import Step


@dataclass(frozen=True)
class About:
    """What the question is about, where the author says so: a function, a point, a learning rate.
    With it, the mistakes about that function at that point are named (tutor/topics/expression/
    misconceptions.py)."""

    function: Expr
    variables: tuple[str, ...]
    at: tuple[Expr, ...]
    name: str = "f"
    rate: Expr | None = None


@dataclass(frozen=True)
class Expression(Problem):
    text: str = ""
    answer: Answer = Answer(Shape.EXPRESSION, sympy.Integer(0))
    variables: tuple[str, ...] = ()
    about: About | None = None
    named: tuple[str, ...] = ()  # the name the prompt gives the answer (x₁, E(0, 0))
    written: Notation = Notation.USUAL  # how the pack wrote `expected`'s numbers (decimals, or fractions)

    KIND: ClassVar[str] = "expression"
    SHAPE: ClassVar[Shape] = Shape.EXPRESSION
    FIELDS: ClassVar[dict[str, Field]] = {
        "prompt": Field("prose", "what the student is asked; {a} shows the value of parameter a", required=True),
        "expected": Field("text", "the correct answer, like 6xy^3 (parameters by name: a x^p)", required=True),
        "variables": Field("names", "the names a student may use, like [x, y] (default: those the expected "
                                    "answer uses, on both sides of an equation)"),
        "shape": Field("name", "expression, number, vector, points, equation or label"),
        "function": Field("function", "the function the question is about, like x^2 + y^2: with 'at', where "
                                      "the answer is its value, its gradient, −∇f, or (with 'rate') one descent "
                                      "step there, the mistakes are named and the worked solution is shown"),
        "of": Field("names", "the function's variables in order, like [m, b] (default: x, y, z, then a-z)"),
        "name": Field("name", "the function's name in the prompt (default f)"),
        "at": Field("point", "the point the question is about, like [1, 2] or 3"),
        "rate": Field("number", "the learning rate α of a descent step, like 0.1"),
        "answer_name": Field("shown name", "the name the prompt gives the answer, like x₁ or E(0, 0): an answer "
                                           "may be written after it (x₁ = 2.4, x_1 = 2.4); {a} or a shows the value "
                                           "of parameter a, as in the prompt (E({a}, 1))"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Expression:
        shape = data.get("shape", AUTO)
        if shape not in SHAPES and shape != AUTO:
            raise FieldError("shape", f"'{shape}' is not one of {', '.join(SHAPES)}")
        variables = tuple(data.get("variables", ()))
        parameters = data.get("parameters", {})  # their values in this variant, by symbol
        names = tuple(p.name for p in parameters)
        try:
            answer = read(data["expected"], shape, (*variables, *names), infer=not variables, constants=names)
        except InputError as error:
            raise FieldError("expected", f"'expected' can't be read: {error.message}"
                                         f"{in_braces(data['expected'], names)}") from None
        unreal = not_real_part(answer.value, parameters)
        if unreal is not None:  # said of what the author wrote: √a, not sympy's I√2
            raise FieldError("expected", f"{show(unreal)} is not a real number")
        answer = Answer(answer.shape, substitute(answer.value, parameters), answer.ambiguities, answer.spellings)
        if not variables:  # the names the answer uses, as for an expression so for an equation's two sides
            variables = variables_of(answer)
        decimals = data.get("expected_decimals")  # the pack loader's: None for an exercise built without it
        written = Notation.USUAL if decimals is None else Notation.DECIMALS if decimals else Notation.FRACTIONS
        return cls(text=data["prompt"], answer=answer, variables=variables, about=_about(data),
                   named=_answer_name(data, answer.shape, variables), written=written)

    @property
    def shape(self) -> Shape:
        return self.answer.shape

    @property
    def answer_names(self) -> tuple[str, ...]:
        """The name the prompt gives the answer, and f′(2) also as df/dx(2) where the question is about a
        function f of one variable x (`function:`), as the answer reader reads a derivative after either."""
        return (*self.named, *(alias for alias in map(self._as_differential, self.named) if alias is not None))

    def _as_differential(self, name: str) -> str | None:
        if self.about is None or len(self.about.variables) != 1:
            return None
        alias = derivative_name(name, self.about.variables[0])
        return alias if alias is not None and alias.lstrip("-")[1:].startswith(self.about.name + "/") else None

    def labelled(self, error: Labelled) -> InputError:
        """df/dx(2) = 12 where the prompt names f′(2) and says no variable (no `function:` of one variable, or
        another one) is told the spelling that is read, the prompt's: "write just 12" alone would hide it."""
        typed = re.fullmatch(r"-?\s*d\s*[^\W\d_]\s*/\s*d\s*([^\W\d_])\b.*", error.label)
        if typed is None:
            return error
        for name in self.named:
            alias = derivative_name(name, typed[1])
            if alias is not None and not without_name(f"{error.label} =", (alias,)).strip():
                return Labelled(f"write just {error.value}, or {name} = {error.value} as the question names it, "
                                f"without '{error.label} ='", error.column, error.note, error.label, error.value)
        return error

    def prompt(self, latex: bool = False) -> str:
        return self.text

    def expected(self) -> Answer:
        return self.answer

    def steps(self) -> Step | None:
        from .steps import worked  # the solvers load where a worked solution is asked for
        return worked(self)

    def show_answer(self, answer: Answer, latex: bool = False) -> str:
        # as the author wrote it: 0.5 and (0.8, 0.6) as decimals, 1/10 as a fraction (the value is the same)
        with numbers_written(self.written):
            return super().show_answer(answer, latex)

    def hints(self) -> tuple[str, ...]:
        return ()  # the pack's `hints:`, a key of every kind (tutor.packs)

    @classmethod
    def topic(cls) -> str:
        return ""  # "expression" names nothing to review: the pack's tags or title say what the question is about


def _about(data: Mapping[str, Any]) -> About | None:
    if "function" not in data:
        for key in ("of", "at", "rate"):
            if key in data:
                raise FieldError(key, f"'{key}' is about a function: give it with 'function'")
        return None
    function = data["function"]
    names = {s.name for s in function.free_symbols}
    variables = tuple(data.get("of") or order_variables(names))
    if names - set(variables):
        raise FieldError("of", f"the function also uses {', '.join(sorted(names - set(variables)))}")
    if "at" not in data:
        raise FieldError("at", "a function needs the point the question is about: 'at'")
    rate = data.get("rate")
    if rate is not None and not rate > 0:
        raise FieldError("rate", "the learning rate must be positive")
    return About(function, variables, point_from(data["at"], variables, "at"), data.get("name", "f"), rate)


def _answer_name(data: Mapping[str, Any], shape: Shape, variables: tuple[str, ...]) -> tuple[str, ...]:
    """The name, its parameters filled in (tutor.packs), as the prompt writes it; compared in the parser's
    form, where x_1 is x₁ and f'(2) is f′(2)."""
    name = data.get("answer_name")
    if name is None:
        return ()
    name = name.strip()
    if shape == Shape.EQUATION:  # y = 2x: the left side is the equation's own, not a name before it
        raise FieldError("answer_name", "an equation has no name before it: its left side is part of the answer")
    if "=" in name or len(name) > 40 or not any(c.isalpha() or c in "∇∂" for c in name):  # 5: a parameter's value
        raise FieldError("answer_name", f"'{name}' is not a name, like x₁ or E(0, 0)")
    if re.search(r"_(?!\{|[^\W_]+(?![\w./]))", name):  # x_k with k = -1 or 1/2: no subscript a student reads
        raise FieldError("answer_name", f"'{name}' is not a name, like x₁ or E(0, 0)")
    if name_form(name) in {name_form(v) for v in variables}:  # x = 2x is an equation in x, not 2x named x
        raise FieldError("answer_name", f"'{name}' is a variable of the answer, so '{name} = …' would be an "
                                        "equation in it; name the answer otherwise, like f(x)")
    return (name,)
