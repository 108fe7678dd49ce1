"""Misconceptions about critical points and the second-derivative test.

A wrong set of critical points is recognised by how it differs from the right
one (points missing, points where only one partial is zero, points outside the
region, whole lines left out), since many answers show the same mistake. A
wrong classification is one of the other labels, named by the test's step that
went wrong.
"""

from __future__ import annotations

from typing import Sequence

from ..compare import Context, compare_equations, compare_numbers
from ..kinds.classify_point import ClassifyPoint
from ..kinds.critical_points import CriticalPoints
from ..parse import Answer, Equation
from ..show import show
from .base import Misconception, Pattern, WrongAnswer, at_point, register

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
    Misconception(
        "min-max-confused", "minimum and maximum confused (the sign of f_xx)",
        "It looks like you read the sign of {fxx} the wrong way round. With D > 0, {fxx} > 0 means a "
        "minimum (the surface curves up) and {fxx} < 0 a maximum; here {fxx} = {value}."),
    Misconception(
        "saddle-missed", "missed a saddle point (D < 0)",
        "It looks like you went by {fxx} alone. Here D = {D} < 0, so the point is a saddle point whatever "
        "the sign of {fxx}."),
    Misconception(
        "inconclusive-called-extremum", "called an inconclusive test a minimum or maximum",
        "It looks like you decided where the test cannot: here D = 0, so the second-derivative test is "
        "inconclusive."),
    Misconception(
        "extremum-called-saddle", "called a saddle point where D > 0",
        "It looks like you called it a saddle point, but D = {D} > 0: a saddle point needs D < 0."),
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
    shown = [show(i, variables) for i in items]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def critical_candidates(problem: CriticalPoints) -> list[Pattern]:
    variables, name = problem.variables, problem.name
    expected = problem.expected().value
    points = [p for p in expected if isinstance(p, tuple)]
    lines = [p for p in expected if isinstance(p, Equation)]
    solution = problem.solution
    outside = [p.point for p in solution.points if p.inside is False]
    partials = solution.gradient
    region = (problem.region or "").replace("<=", "≤").replace(">=", "≥")
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    equations = " and ".join(f"∂{name}/∂{v} = 0" for v in variables)

    def split(got: Answer) -> tuple[list, list]:
        return ([p for p in got.value if isinstance(p, tuple)],
                [p for p in got.value if isinstance(p, Equation)])

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
        missing = [p for p in points if not _among(p, got_points, ctx)]
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

    found = [Pattern("ignored-critical-lines", "points", ignored_lines)] if lines else []
    found.append(Pattern("missed-critical-points", "points", missed))
    if outside:
        found.append(Pattern("outside-region", "points", included_outside))
    found.append(Pattern("extra-critical-points", "points", one_partial_zero))
    return found


# -------------------------------------------------------------- classification


def classify_candidates(problem: ClassifyPoint) -> list[WrongAnswer]:
    variables, name = problem.variables, problem.name
    if len(variables) != 2:  # the sentences speak of D and f_xx, the two-variable test
        return []
    result = problem.solution
    fxx = f"{name}_{variables[0]}{variables[0]}"
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    d, value = show(result.D), show(result.fxx)
    wrong: list[tuple[str, str, str]] = []
    if result.label in ("minimum", "maximum"):
        other = "maximum" if result.label == "minimum" else "minimum"
        wrong.append(("min-max-confused", other, say["min-max-confused"](fxx=fxx, value=value)))
        wrong.append(("extremum-called-saddle", "saddle", say["extremum-called-saddle"](D=d)))
    elif result.label == "saddle":
        wrong += [("saddle-missed", label, say["saddle-missed"](fxx=fxx, D=d)) for label in ("minimum", "maximum")]
    elif result.label == "inconclusive" and result.D == 0:
        wrong += [("inconclusive-called-extremum", label, say["inconclusive-called-extremum"]())
                  for label in ("minimum", "maximum")]
    return [WrongAnswer(m, message, Answer("label", label)) for m, label, message in wrong]

