"""Misconceptions about critical points: points missing, extra, outside the region, lines left out.

A wrong set of critical points is recognised by how it differs from the right
one (points missing, points where only one partial is zero, points outside the
region, whole lines left out), since many answers show the same mistake.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from ...compare import Context, compare_equations, compare_numbers
from ...misconceptions import Misconception, Pattern, at_point, register
from ...parse import Answer, Equation, Shape
from ...show import show
from ...words import and_list
from .exercise import CriticalPoints

MISCONCEPTIONS = register(
    Misconception(
        "missed-critical-points", "left out some critical points",
        "It looks like you missed {missing}. A product is zero when any one of its factors is: solve "
        "{equations} for every combination of factors."),
    Misconception(
        "extra-critical-points", "included points where only one partial is zero",
        "It looks like you included {extra}, where only {which} is zero. At a critical point every "
        "partial derivative is zero at the same time."),
    Misconception(
        "outside-region", "included critical points outside the region",
        "It looks like you included {extra}, which {verb} outside the region {region}. Keep only the "
        "critical points inside it."),
    Misconception(
        "ignored-critical-lines", "left out whole lines of critical points",
        "It looks like you left out {lines}: every point on {it} is a critical point, not just isolated "
        "points. Write a whole line as an equation, like x = 0."),
)


# ------------------------------------------------------------------ point sets


def _same(p: tuple, q: tuple, ctx: Context) -> bool:
    return len(p) == len(q) and all(compare_numbers(a, b, ctx).correct for a, b in zip(p, q))


def _on(point: tuple, line: Equation, variables: Sequence[str]) -> bool:
    value = at_point(line.lhs - line.rhs, variables, point)
    return value is not None and value == 0


def _same_line(a: Equation, w: Equation, ctx: Context) -> bool:
    return compare_equations(a, w, ctx).correct


def _among(point: tuple, points: Sequence[tuple], ctx: Context) -> bool:
    return any(_same(point, q, ctx) for q in points)


def _list(items: Sequence, variables: Sequence[str]) -> str:
    return and_list([show(i, variables) for i in items])


def candidates(problem: CriticalPoints) -> list[Pattern]:
    variables, name = problem.variables, problem.name
    points, lines = problem.points_and_lines()
    solution = problem.solution
    outside = [p.point for p in solution.points if p.inside is False]
    partials = solution.gradient
    region = (problem.region or "").replace("<=", "≤").replace(">=", "≥")
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    equations = " and ".join(f"∂{name}/∂{v} = 0" for v in variables)

    def split(got: Answer) -> tuple[list, list]:
        items = cast(tuple, got.value)  # read in the points shape
        return [p for p in items if isinstance(p, tuple)], [p for p in items if isinstance(p, Equation)]

    def has_lines(found: list, ctx: Context) -> bool:
        return all(any(_same_line(a, w, ctx) for a in found) for w in lines)

    def complete(got_points: list, got_lines: list, ctx: Context) -> bool:
        return all(_among(p, got_points, ctx) for p in points) and has_lines(got_lines, ctx)

    def extras(got_points: list, ctx: Context) -> list:
        return [p for p in got_points if not _among(p, points, ctx) and not any(_on(p, w, variables) for w in lines)]

    def ignored_lines(got: Answer, ctx: Context) -> str | None:
        got_points, got_lines = split(got)
        if not lines or got_lines or not all(_among(p, got_points, ctx) for p in points) \
                or extras(got_points, ctx):
            return None
        return say["ignored-critical-lines"](lines=("the line " if len(lines) == 1 else "the lines ")
                                             + _list(lines, variables), it="it" if len(lines) == 1 else "them")

    def missed(got: Answer, ctx: Context) -> str | None:
        got_points, got_lines = split(got)
        if extras(got_points, ctx) or any(not any(_same_line(a, w, ctx) for w in lines) for a in got_lines):
            return None
        missing: list[tuple | Equation] = [p for p in points if not _among(p, got_points, ctx)]
        missing += [w for w in lines if not any(_same_line(a, w, ctx) for a in got_lines)]
        if not missing:
            return None
        return say["missed-critical-points"](missing=_list(missing, variables), equations=equations)

    def included_outside(got: Answer, ctx: Context) -> str | None:
        got_points, got_lines = split(got)
        extra = extras(got_points, ctx)
        if not extra or not complete(got_points, got_lines, ctx) or not all(_among(p, outside, ctx) for p in extra):
            return None
        return say["outside-region"](extra=_list(extra, variables), region=region,
                                     verb="lies" if len(extra) == 1 else "lie")

    def one_partial_zero(got: Answer, ctx: Context) -> str | None:
        got_points, got_lines = split(got)
        extra = extras(got_points, ctx)
        if not extra or not complete(got_points, got_lines, ctx):
            return None
        zero = []  # for each extra point, the variables whose partial is zero there
        for p in extra:
            values = [at_point(g, variables, p) for g in partials]
            zero.append([v for v, value in zip(variables, values) if value == 0])
            if None in values or len(zero[-1]) in (0, len(variables)):
                return None  # a point where no partial is zero is some other mistake
        return say["extra-critical-points"](extra=_list(extra, variables), which=f"∂{name}/∂{zero[0][0]}")

    found = [Pattern("ignored-critical-lines", Shape.POINTS, ignored_lines)] if lines else []
    found.append(Pattern("missed-critical-points", Shape.POINTS, missed))
    if outside:
        found.append(Pattern("outside-region", Shape.POINTS, included_outside))
    found.append(Pattern("extra-critical-points", Shape.POINTS, one_partial_zero))
    return found
