"""Several places where one is asked for: `minimize` and `local_minima` ask for an x (or a point) where f is
least, and f may be least at several, so a list of exactly those is right, and a list of others is told
what is asked for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from sympy import Expr

from ..check import Verdict, check
from ..compare import Tolerance
from ..limits import LIMITS, Limits
from ..parse import Answer, InputError, Shape, read
from ..show import show


def unnamed(text: str, variable: str) -> str:
    """x = -1, x = 1, as `tutor solve minimize` lists minima, as the list -1, 1 (the names blanked out, so that
    a position in what is left is one in what was typed); else the text."""
    named = [part.partition("=") for part in text.split(",")]
    if not all(sep and name.strip() == variable for name, sep, _ in named):
        return text
    return ",".join(" " * len(name + sep) + value for name, sep, value in named)


def read_several(text: str, one: bool, variables: Sequence[str], limits: Limits,
                 parameters: Sequence[str] = ()) -> Answer | None:
    """`text` as a list of several places (numbers for a function of one variable, `one`, also named: x = -1,
    x = 1; else points), each a point; None where it is no such list."""
    inside = text.strip()
    if one and inside.startswith("{") and inside.endswith("}"):  # a set of numbers: no shape of its own
        text = inside[1:-1]
    if one and variables:
        text = unnamed(text, variables[0])
    try:
        listed = read(text, Shape.VECTOR if one else Shape.POINTS, variables, limits=limits, constants=parameters,
                      several=True)
    except InputError:
        return None
    places = cast(tuple[Any, ...], listed.value)
    if len(places) < 2 or not one and not all(isinstance(p, tuple) for p in places):
        return None
    points = tuple((p,) for p in places) if one else places
    return Answer(Shape.POINTS, points, listed.ambiguities, listed.spellings)


def every_lowest(text: str, lowest: tuple[tuple[Expr, ...], ...], one: bool, variables: Sequence[str],
                 tolerance: Tolerance | None) -> Verdict | None:
    """Where f is least at several points (`lowest`, as a student can type them) and one is asked for: the
    verdict on a list of exactly those points, which is right (each is a global minimum, none is missing);
    None for anything else, which the kind's own check judges."""
    if read_several(text, one, variables, LIMITS) is None:
        return None

    def several(typed: str, limits: Limits) -> Answer:
        return cast(Answer, read_several(typed, one, variables, limits))

    verdict = check(text, Answer(Shape.POINTS, lowest), variables=variables, shape=Shape.POINTS,
                    reader=several, tolerance=tolerance, isolated=False)
    if not verdict.correct:
        return None
    if one:  # {(-1), (1)} is no way to write numbers
        listed = cast(Answer, read_several(text, one, variables, LIMITS))
        points = cast(tuple[tuple[Expr], ...], listed.value)
        numbers = Answer(Shape.VECTOR, tuple(p[0] for p in points), spellings=listed.spellings)
        verdict = replace(verdict, reading=show(numbers, variables, typed=True))
    return verdict


def any_one_of(one: bool, count: int, name: str) -> str:
    """What a list that is not every lowest place is told, where one is asked for and f is least at `count`."""
    return f"{'One number' if one else 'One point'} is asked for here: any one of the {count} where {name} is least."
