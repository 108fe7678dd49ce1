"""Several places where one is asked for: `minimize` and `local_minima` ask for an x (or a point) where f is
least, and f may be least at several, so a list of exactly those is right, and a list of others is told
what is asked for."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

import sympy
from sympy import Expr

from ..check import Judgement, Verdict, check
from ..compare import Context, Note, Tolerance, compare_numbers, compare_points, once
from ..limits import LIMITS, Limits
from ..parse import Answer, InputError, Shape, read, symbol
from ..show import show


def unnamed(text: str, variable: str) -> str:
    """x = -1, x = 1, as `tutor solve minimize` lists minima, and x = -1, 1, as a person writes the values of
    one variable (finding 168), as the list -1, 1 (the names blanked out, so that a position in what is left
    is one in what was typed); else the text, as where a name is not the variable's (x = -1, y = 1)."""
    named = [part.partition("=") for part in text.split(",")]
    if not any(sep for _, sep, _ in named) or any(sep and name.strip() != variable for name, sep, _ in named):
        return text
    return ",".join(" " * len(name + sep) + value if sep else name for name, sep, value in named)


@dataclass(frozen=True)
class Graph:
    """A function of one variable and its name: where its x are asked for, a point (x, f(x)) of its graph is
    told as such, not read as two x's."""

    function: Expr
    name: str


# set while an answer refused as one point of the graph is judged again as the list of two x's it also is
_AS_LIST: ContextVar[bool] = ContextVar("as_list", default=False)


def right_as_list(judge: Callable[[], Verdict]) -> Verdict:
    """The verdict of `judge`; where it refuses one pair as a point (x, f(x)) of the graph, but the pair read as
    the list of two x's it also is would be right, that verdict: a right list is never refused for coinciding
    with a point of the graph (-1, 1 of x⁴ − 2x² + 2, whose minima are -1 and 1 and f(-1) = 1: the exercise's
    own key was refused; finding 232). A pair wrong as a list keeps the refusal, which says what it looks like."""
    verdict = judge()
    if verdict.verdict != Judgement.INVALID or not verdict.note.endswith("shape"):
        return verdict
    token = _AS_LIST.set(True)
    try:
        listed = judge()
    finally:
        _AS_LIST.reset(token)
    return listed if listed.correct else verdict


def graph_points(text: str, variables: Sequence[str], graph: Graph, limits: Limits,
                 parameters: Sequence[str] = ()) -> None:
    """Raises InputError where `text` is points (x, y) and values of x are asked for: points (x, f(x)) of the
    graph ((-1, -1) for x⁴ − 2x², where f is least, was read as x = -1, x = -1; finding 171), or several pairs
    of any kind. One pair that is no point of the graph stays a list in brackets ((-1, 1)), and so does one of
    two x's that is, while it is judged as a list (`right_as_list`)."""
    try:
        listed = read(text, Shape.POINTS, variables, limits=limits, constants=parameters)
    except InputError:
        return
    points = cast(tuple[Any, ...], listed.value)
    if not points or not all(isinstance(p, tuple) and len(p) == 2 for p in points):
        return
    x, f = variables[0], graph.name
    ctx = Context(tuple(variables), Tolerance(places=2), limits, listed.spellings, decimals=True)
    on = all(_on_graph(p, graph, x, ctx) for p in points)
    # judged as a list, a pair of two x's stays one; one x given twice ((-1, -1) of x⁴ − 2x², a list only as a
    # repeat is) stays the point it plainly is
    pair = cast(tuple[Expr, Expr], points[0])
    if len(points) == 1 and (not on or _AS_LIST.get() and not compare_numbers(pair[0], pair[1], ctx).correct):
        return
    if not on:
        raise InputError(f"values of {x} are asked for here, not points: write only the {x} of each, without "
                         "brackets", None, "shape")
    shown = ", ".join(show(p, variables, spellings=listed.spellings, typed=True) for p in points)
    look, which = ("looks like a point", f"its {x}") if len(points) == 1 else ("look like points", f"the {x} of each")
    raise InputError(f"{shown} {look} ({x}, {f}({x})) of the graph of {f}, but values of {x} are asked for here: "
                     f"write only {which}, without brackets", None, "shape")


def _on_graph(point: tuple[Expr, ...], graph: Graph, x: str, ctx: Context) -> bool:
    """Whether the pair is (a, f(a)), to two decimal places where decimals were typed."""
    value = graph.function.xreplace({symbol(x): point[0]})
    if value.free_symbols or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return False
    return compare_numbers(point[1], value, ctx).correct


# "or" as a word of its own: not inside a name (floor, for) nor a name of the question's; in any case, as
# students type it (OR, And); with the serial comma before it (-1, 0, and 1), which is one separator with it
_JOINING = re.compile(r"(?:,\s*)?(?<![^\W\d])(?P<word>or|and)(?![^\W\d])", re.IGNORECASE)


def separated(text: str, names: Sequence[str]) -> str:
    """-1 or 1, as `pack show --answers` prints several right answers and as the lesson says two solutions
    (x = -1 or x = 1; x = -1.3008 and x = 1.1309), as the list -1, 1: "or" and "and" (", and" and ", or")
    become a comma and spaces, as long, so that a column in what is read is one in what was typed; a word
    that is one of `names` (a variable called "or") stays. A name's '≈' is read as '=' first (x ≈ 1.1309 is
    x = 1.1309), so that the name is blanked as after '='; one between values stays, a link of working that
    read() tells from '=' (1.130901 ≈ 1.1309 was judged as 1.130901 = 1.1309: outside check h30, F1)."""
    def comma(found: re.Match[str]) -> str:
        whole = found.group()
        return whole if found.group("word") in names else "," + " " * (len(whole) - 1)
    named = _NAME_ABOUT.sub(lambda found: " " * (len(found.group()) - 1) + "=", text)  # column for column
    return _JOINING.sub(comma, named)


_NAME_ABOUT = re.compile(r"(?<=[^\W\d_])\s*[≈~]")  # x ≈: the mark after a name, not after a value


def in_words(error: InputError, typed: str, names: Sequence[str]) -> InputError:
    """`error` as said of what was typed: an item missing next to "and" or "or" is told as missing after (or
    before) that word, at it, not after a comma the student never typed ("-1 and")."""
    if error.column is None or "','" not in error.message:
        return error
    for found in _JOINING.finditer(typed):
        if found.start() == error.column and found.group("word") not in names:
            word = found.group("word")
            return InputError(error.message.replace("','", f"'{word}'"), found.start("word"), error.note)
    return error


def read_several(text: str, one: bool, variables: Sequence[str], limits: Limits,
                 parameters: Sequence[str] = (), graph: Graph | None = None) -> Answer | None:
    """`text` as a list of several places (numbers for a function of one variable, `one`, also named: x = -1,
    x = 1; else points), each a point, "or" or "and" separating them as a comma does; None where it is no such
    list."""
    if not one:
        text = separated(text, [*variables, *parameters])
    try:
        listed = values(text, variables, limits, parameters, graph) if one else \
            read(text, Shape.POINTS, variables, limits=limits, constants=parameters, several=True)
    except InputError:
        return None
    places = cast(tuple[Any, ...], listed.value)
    if len(places) < 2 or not one and not all(isinstance(p, tuple) for p in places):
        return None
    return listed


def values(text: str, variables: Sequence[str], limits: Limits, parameters: Sequence[str] = (),
           graph: Graph | None = None) -> Answer:
    """`text` as places on the line of a function of one variable: a list of numbers (-1, 1; ±1), also named
    (x = -1, x = 1) or in braces ({-1, 1}), "or" separating them as a comma does (-1 or 1), one number, or
    none; each a point of one coordinate, so that they compare as a set of points. Raises InputError where
    the text is none of those, or is points of f's `graph` (`graph_points`)."""
    plain = separated(text, [*variables, *parameters])
    try:
        if graph is not None:
            graph_points(plain, variables, graph, limits, parameters)
        return _values(plain, variables, limits, parameters)
    except InputError as error:
        raise in_words(error, text, [*variables, *parameters]) from None


def _values(text: str, variables: Sequence[str], limits: Limits, parameters: Sequence[str]) -> Answer:
    """As `values`, of the text with its joining words read as commas."""
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
        return Answer(Shape.POINTS, ((listed.value,),), listed.ambiguities, listed.spellings, listed.wholes)
    places = cast(tuple[Any, ...], listed.value)
    return Answer(Shape.POINTS, tuple((p,) for p in places), listed.ambiguities, listed.spellings, listed.wholes)


def every_lowest(text: str, lowest: tuple[tuple[Expr, ...], ...], one: bool, variables: Sequence[str],
                 tolerance: Tolerance | None, graph: Graph | None = None) -> Verdict | None:
    """Where f is least at several points (`lowest`, as a student can type them) and one is asked for: the
    verdict on a list, right where it is exactly those points (each is a global minimum, none is missing),
    else wrong as a list of them (a list is an answer's shape there, not a slip of format); None for an
    answer that is no list, which the kind's own check judges."""
    listed = read_several(text, one, variables, LIMITS, graph=graph)
    if listed is None:
        return None

    def several(typed: str, limits: Limits) -> Answer:
        return cast(Answer, read_several(typed, one, variables, limits, graph=graph))

    def against(expected: tuple[tuple[Expr, ...], ...]) -> Verdict:
        return check(text, Answer(Shape.POINTS, expected), variables=variables, shape=Shape.POINTS,
                     reader=several, tolerance=tolerance, isolated=False)

    verdict = against(lowest)
    ctx = Context(tuple(variables), tolerance, LIMITS).reading(listed)
    places = cast(tuple[tuple[Expr, ...], ...], listed.value)
    if verdict.verdict != Judgement.INCORRECT or verdict.note != Note.EXTRA_POINT and len(once(places, ctx)[0]) > 1:
        return verdict
    # a place that does not belong: any one lowest place alone is right, so none the list leaves out is
    # missing (x = 2 of 1, 2 for x⁴ − 2x² is all that is wrong); judged against those it names; and so is
    # one place given twice (1, 1), which names one lowest place as 1 alone does
    named = tuple(w for w in lowest if any(_names(p, w, ctx) for p in places))
    return against(named)


def _names(place: tuple[Expr, ...], lowest: tuple[Expr, ...], ctx: Context) -> bool:
    """Whether a typed place is that lowest one, or close to it (a decimal, rounded): then it is told as such."""
    outcome = compare_points((place,), (lowest,), ctx)
    return outcome.correct or outcome.note != Note.EXTRA_POINT


def any_one_of(one: bool, count: int, name: str) -> str:
    """What a list that is not every lowest place is told, where one is asked for and f is least at `count`."""
    return f"{'One number' if one else 'One point'} is asked for here: any one of the {count} where {name} is least."
