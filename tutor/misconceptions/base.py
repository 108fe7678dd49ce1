"""The values a catalogue is made of: named misconceptions and the wrong answers they produce."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..compare import Context
from ..parse import Answer, Shape, symbol


@dataclass(frozen=True)
class Misconception:
    """A named mistake: what the student did, and what to tell them.

    `sentence` is a template; a catalogue fills its {fields} with the pieces of
    one exercise (the term at fault, the variable held constant ...).
    """

    id: str  # stable, kebab-case: the verdict's note is `misconception:<id>`
    summary: str  # the mistake in a few words, for tables and reports
    sentence: str

    def say(self, **fields: str) -> str:
        return self.sentence.format(**fields)


@dataclass(frozen=True)
class WrongAnswer:
    """The answer a student with a misconception would give to one exercise variant.

    A student's text is read in this answer's shape, with `variables` (None: the
    exercise's own) and `components`, and compared with it.
    """

    misconception: str  # a catalogue id, or "author" for a pack's own `mistakes:`
    message: str
    answer: Answer
    variables: tuple[str, ...] | None = None
    components: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Pattern:
    """A misconception recognised by the shape of the wrong answer rather than one value:
    "some critical points are missing" fits many answers. `test` returns the message
    for a student's answer (read in `shape`) that shows it, or None."""

    misconception: str
    shape: Shape
    test: Callable[[Answer, Context], str | None]
    variables: tuple[str, ...] | None = None
    components: tuple[str, ...] | None = None


Candidate = WrongAnswer | Pattern


def register(*misconceptions: Misconception) -> dict[str, Misconception]:
    return {m.id: m for m in misconceptions}


def at_point(expr: Expr, variables: Sequence[str], point: Sequence[Expr]) -> Expr | None:
    """expr at the point, exactly; None where it has no real value (a wrong derivation may
    divide by zero where the right one does not)."""
    value = expr.xreplace({symbol(n): p for n, p in zip(variables, point)})
    if value.free_symbols or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) \
            or value.is_extended_real is False:
        return None
    return value
