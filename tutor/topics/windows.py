"""Where a periodic ∇f's points are asked for in one period (0 ≤ x < 2π): the question names that window, and
an answer that gives one of the right points a whole number of periods on is told it lies outside the window,
not that it "does not belong" as if it were no critical point or minimum at all."""

from __future__ import annotations

import math
from collections.abc import Sequence

import sympy
from sympy import Expr

from ..calculus.classified import Window
from ..compare import Context, compare_numbers
from ..words import and_list


def within(windows: Sequence[Window]) -> str:
    """" with 0 ≤ x < 2π" (and 0 ≤ y < π): the windows of one period, as the question names them; else ""."""
    periods = [w.text() for w in windows if not w.bounded]
    return f" with {' and '.join(periods)}" if periods else ""


def _beyond(point: tuple[Expr, ...], windows: Sequence[Window], variables: Sequence[str]) -> bool:
    """Whether a point lies outside one of the windows (one period's, or a region's bounds)."""
    for w in windows:
        if w.variable not in variables:
            continue
        c = point[list(variables).index(w.variable)]
        if c.is_comparable and not bool(w.span.contains(c)):
            return True
    return False


def _into(point: tuple[Expr, ...], windows: Sequence[Window], variables: Sequence[str]) -> tuple[Expr, ...] | None:
    """The point moved by whole periods to the first period of each window (exactly: -π/2 to 3π/2), where
    every window lists the points of; None where a coordinate is no real number."""
    moved = list(point)
    for w in windows:
        if w.variable not in variables:
            continue
        i = list(variables).index(w.variable)
        try:
            turns = math.floor(float(sympy.N((moved[i] - w.span.inf) / w.period, 30)))
        except (TypeError, ValueError, OverflowError):
            return None
        moved[i] = moved[i] - turns * w.period
    return tuple(moved)


def outside(given: Sequence[tuple[Expr, ...]], key: Sequence[tuple[Expr, ...]], windows: Sequence[Window],
            ctx: Context, what: tuple[str, str], shown: Sequence[str], where: str = "") -> str | None:
    """What an answer is told where it lists a point of the key a whole number of periods on, outside the
    window the question asks in, and nothing else that is not in the key: which of its points lie outside, and
    how many of the window's are missing. None where no such point is listed, or another point is wrong too
    (the verdict's own message says that). `what`: what the points are, one and several ("local minimum",
    "local minima"); `shown`: each given point as the answer writes it; `where`: the window's name, where an
    author's region sets it ("the region 0 ≤ x ≤ 5"), else the period's (0 ≤ x < 2π)."""
    variables = ctx.variables

    def among(p: tuple[Expr, ...], points: Sequence[tuple[Expr, ...]]) -> bool:
        return any(len(p) == len(q) and all(compare_numbers(a, b, ctx).correct for a, b in zip(p, q))
                   for q in points)

    if not windows:
        return None
    beyond: list[str] = []
    for point, text in zip(given, shown):
        if among(point, key):
            continue
        moved = _into(point, windows, variables) if _beyond(point, windows, variables) else None
        if moved is None or not among(moved, key):
            return None
        beyond.append(text)
    if not beyond:
        return None
    missing = sum(not among(p, given) for p in key)
    window = where or " and ".join(w.text() for w in windows)
    lies = "it lies" if len(beyond) == 1 else "they lie"
    said = (f"{and_list(beyond)} {'does' if len(beyond) == 1 else 'do'} not belong in the answer: {lies} outside "
            f"{window}, where the question asks for the {what[1]}.")
    if missing:
        said += f" {missing} {what[0] if missing == 1 else what[1]} in {window} {'is' if missing == 1 else 'are'} " \
                "missing."
    return said
