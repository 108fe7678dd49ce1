"""Several places where one is asked for: `minimize` and `local_minima` ask for an x (or a point) where f is
least, and f may be least at several, so a list of exactly those is right, and a list of others is told
what is asked for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sympy import Expr

from ..check import Verdict, check
from ..compare import Tolerance
from ..limits import LIMITS, Limits
from ..parse import Answer, InputError, Shape, read


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
    try:
        listed = values(text, variables, limits, parameters) if one else \
            read(text, Shape.POINTS, variables, limits=limits, constants=parameters, several=True)
    except InputError:
        return None
    places = cast(tuple[Any, ...], listed.value)
    if len(places) < 2 or not one and not all(isinstance(p, tuple) for p in places):
        return None
    return listed


def values(text: str, variables: Sequence[str], limits: Limits, parameters: Sequence[str] = ()) -> Answer:
    """`text` as places on the line of a function of one variable: a list of numbers (-1, 1; ±1), also named
    (x = -1, x = 1) or in braces ({-1, 1}), one number, or none; each a point of one coordinate, so that
    they compare as a set of points. Raises InputError where the text is none of those."""
    inside = text.strip()
    if inside.startswith("{") and inside.endswith("}") and inside != "{}":  # a set of numbers: no shape of its own
        text = inside[1:-1]
    if variables:
        text = unnamed(text, variables[0])
    try:
        listed = read(text, Shape.VECTOR, variables, limits=limits, constants=parameters, several=True)
    except InputError as error:
        try:
            listed = read(text, Shape.NUMBER, variables, limits=limits, constants=parameters)
        except InputError:
            try:  # none, ∅: read as a set, which has no points
                empty = read(text, Shape.POINTS, variables, limits=limits, constants=parameters)
            except InputError:
                raise error from None
            if empty.value != ():
                raise error from None
            return empty
        return Answer(Shape.POINTS, ((listed.value,),), listed.ambiguities, listed.spellings)
    places = cast(tuple[Any, ...], listed.value)
    return Answer(Shape.POINTS, tuple((p,) for p in places), listed.ambiguities, listed.spellings)


def every_lowest(text: str, lowest: tuple[tuple[Expr, ...], ...], one: bool, variables: Sequence[str],
                 tolerance: Tolerance | None) -> Verdict | None:
    """Where f is least at several points (`lowest`, as a student can type them) and one is asked for: the
    verdict on a list, right where it is exactly those points (each is a global minimum, none is missing),
    else wrong as a list of them (a list is an answer's shape there, not a slip of format); None for an
    answer that is no list, which the kind's own check judges."""
    if read_several(text, one, variables, LIMITS) is None:
        return None

    def several(typed: str, limits: Limits) -> Answer:
        return cast(Answer, read_several(typed, one, variables, limits))

    return check(text, Answer(Shape.POINTS, lowest), variables=variables, shape=Shape.POINTS,
                 reader=several, tolerance=tolerance, isolated=False)


def any_one_of(one: bool, count: int, name: str) -> str:
    """What a list that is not every lowest place is told, where one is asked for and f is least at `count`."""
    return f"{'One number' if one else 'One point'} is asked for here: any one of the {count} where {name} is least."
