"""Misconceptions about "repeat until close enough": the count off by one (the last check counted
as an iteration, or a stop one step early), and the wrong thing compared with the tolerance (the
step, the change in f, or the slope without its absolute value)."""

from __future__ import annotations

import math
from collections.abc import Callable

import sympy

from ...calculus import DescentRow
from ...misconceptions import Misconception, WrongAnswer, register
from ...parse import Answer, Shape
from ...show import show, show_float
from ...words import counted
from ..gradient_descent.exercise import subscripted
from .exercise import Stopping

MISCONCEPTIONS = register(
    Misconception(
        "counted-check-as-iteration", "counted the last check as one more iteration",
        "It looks like you counted the last check as an iteration. Checking {size} at {at} is not a step: the "
        "descent took {count} to reach {at}, where {size} < {tolerance}."),
    Misconception(
        "stopped-one-early", "stopped one iteration early",
        "It looks like you stopped one step early: at {before}, {size} = {length} is not below {tolerance} yet, "
        "so one more iteration is needed."),
    Misconception(
        "stopped-on-step-size", "stopped when the step was small, not the slope",
        "It looks like you stopped when the step (the change in the point) got smaller than {tolerance}. The test "
        "is on the slope at the point reached: repeat until {size} < {tolerance}."),
    Misconception(
        "stopped-on-change-in-f", "stopped when f changed little, not when the slope was small",
        "It looks like you stopped when f changed by less than {tolerance} in a step. The test is on the slope "
        "at the point reached: repeat until {size} < {tolerance}."),
    Misconception(
        "stopped-on-value", "stopped when f was small, not the slope",
        "It looks like you stopped when f itself got below {tolerance}: at {at}, f = {value}. The test is on the "
        "slope at the point reached: repeat until {size} < {tolerance}."),
    Misconception(
        "slope-compared-without-size", "compared the slope itself with the tolerance, not its size",
        "It looks like you compared f′ itself with {tolerance}, not its size |f′|: a slope like {slope} is below "
        "{tolerance} but far from 0. Repeat until |f′| < {tolerance}."),
)


def _first(rows: tuple[DescentRow, ...], test: Callable[[DescentRow, DescentRow], bool]) -> int | None:
    return next((b.k for a, b in zip(rows, rows[1:]) if test(a, b)), None)


def candidates(problem: Stopping) -> list[WrongAnswer]:
    stop = problem.solution
    k, rows, tolerance = stop.iterations or 0, stop.descent.rows, stop.tolerance
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    words = {"size": problem.size, "tolerance": show(problem.until, decimals=problem.decimals)}
    found: list[tuple[str, str, int | None]] = [
        ("counted-check-as-iteration", say["counted-check-as-iteration"](
            at=subscripted(problem.variables, str(k)), count=counted(k, 'iteration'), **words), k + 1),
        ("stopped-one-early", say["stopped-one-early"](
            before=subscripted(problem.variables, str(k - 1)),
            length=show_float(math.hypot(*rows[k - 1].gradient)), **words), k - 1),
    ]
    if len(problem.variables) == 1:  # before the step and the change in f: a slope of -18.9 is "below 2"
        signed = _first(rows, lambda a, b: b.gradient[0] < tolerance)
        if signed is not None:
            slope = show_float(rows[signed].gradient[0])
            found.append(("slope-compared-without-size",
                          say["slope-compared-without-size"](slope=slope, **words), signed))
    found += [
        ("stopped-on-step-size", say["stopped-on-step-size"](**words),
         _first(rows, lambda a, b: math.dist(a.point, b.point) < tolerance)),
        ("stopped-on-change-in-f", say["stopped-on-change-in-f"](**words),
         _first(rows, lambda a, b: abs(b.value - a.value) < tolerance)),
    ]
    # the tolerance put on f's value (outside check h18: x² from 1 with α = 0.25 "until 0.1" counted as 2)
    small = _first(rows, lambda a, b: abs(b.value) < tolerance)
    if small is not None:
        found.append(("stopped-on-value", say["stopped-on-value"](
            at=subscripted(problem.variables, str(small)), value=show_float(rows[small].value), **words), small))
    return [WrongAnswer(m, message, Answer(Shape.NUMBER, sympy.Integer(count)))
            for m, message, count in found if count is not None and count >= 1]
