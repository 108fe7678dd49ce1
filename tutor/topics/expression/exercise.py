"""Anything else: the author writes the prompt and the expected answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import sympy

from ...parse import AUTO, SHAPES, Answer, InputError, Shape, read
from ..base import Field, FieldError, Problem, substitute


@dataclass(frozen=True)
class Expression(Problem):
    text: str = ""
    answer: Answer = Answer(Shape.EXPRESSION, sympy.Integer(0))
    variables: tuple[str, ...] = ()

    KIND: ClassVar[str] = "expression"
    SHAPE: ClassVar[Shape] = Shape.EXPRESSION
    FIELDS: ClassVar[dict[str, Field]] = {
        "prompt": Field("prose", "what the student is asked; {a} shows the value of parameter a", required=True),
        "expected": Field("text", "the correct answer, like 6xy^3 (parameters by name: a x^p)", required=True),
        "variables": Field("names", "the names a student may use, like [x, y]"),
        "shape": Field("name", "expression, number, vector, points, equation or label"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Expression:
        shape = data.get("shape", AUTO)
        if shape not in SHAPES and shape != AUTO:
            raise FieldError("shape", f"'{shape}' is not one of {', '.join(SHAPES)}")
        variables = tuple(data.get("variables", ()))
        parameters = data.get("parameters", {})  # their values in this variant, by symbol
        try:
            answer = read(data["expected"], shape, (*variables, *(p.name for p in parameters)), infer=not variables)
        except InputError as error:
            raise FieldError("expected", f"'expected' can't be read: {error.message}") from None
        answer = Answer(answer.shape, substitute(answer.value, parameters), answer.ambiguities, answer.spellings)
        if not variables:
            variables = tuple(sorted({s.name for s in getattr(answer.value, "free_symbols", set())}))
        return cls(text=data["prompt"], answer=answer, variables=variables)

    @property
    def shape(self) -> Shape:
        return self.answer.shape

    def prompt(self, latex: bool = False) -> str:
        return self.text

    def expected(self) -> Answer:
        return self.answer

    def steps(self) -> None:
        return None

    def hints(self) -> tuple[str, ...]:
        return ()  # the pack's `hints:`, a key of every kind (tutor.packs)
