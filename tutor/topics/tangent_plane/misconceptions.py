"""Misconceptions about the tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).

Besides the plane's own mistakes (f(a, b) left out, the partials swapped or
left as functions, x + a for x − a), each misconception about differentiating
shows up here too, in every partial where it changes something.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Expr

from ...misconceptions import Misconception, WrongAnswer, at_point, register
from ...misconceptions.derivatives import faulty_partials, point_words
from ...parse import Answer, Equation, Shape, symbol
from ...show import show
from .exercise import TangentPlane

MISCONCEPTIONS = register(
    Misconception(
        "missing-function-value", "tangent plane without f(a, b)",
        "It looks like you left out {f}{point} = {value}. The plane goes through the point on the surface: "
        "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."),
    Misconception(
        "tangent-partials-swapped", "tangent plane with f_x and f_y swapped",
        "It looks like you swapped the partial derivatives: {first} goes with ({x} − a) and {second} "
        "with ({y} − b)."),
    Misconception(
        "partials-at-wrong-point", "tangent plane with the partials at the swapped point",
        "It looks like you evaluated the partial derivatives at {swapped} instead of {point}: here "
        "{assignment}."),
    Misconception(
        "partials-not-evaluated", "tangent plane with the partials left as functions",
        "It looks like you left the partial derivatives as functions of {names}. In the tangent plane they "
        "are numbers: their values at {point}."),
    Misconception(
        "shifted-wrong-way", "tangent plane with x + a for x − a",
        "It looks like you wrote {wrong} where the plane has {right}: z = f(a, b) + f_x(a, b)(x − a) + "
        "f_y(a, b)(y − b)."),
)


def _plane(value: Expr, slopes: Sequence[Expr], variables: Sequence[str], point: Sequence[Expr],
           sign: int = -1) -> Equation:
    rhs = value + sum(s * (symbol(v) + sign * p) for s, v, p in zip(slopes, variables, point))
    return Equation(symbol("z"), sympy.expand(rhs))


def candidates(problem: TangentPlane) -> list[WrongAnswer]:
    f, variables, name, point = problem.function, problem.variables, problem.name, problem.at
    plane = problem.solution
    value, slopes = plane.value, plane.partials
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    x, y = variables
    first, second = f"{name}_{x}", f"{name}_{y}"
    found: list[tuple[str, str, Equation | None]] = [
        ("missing-function-value", say["missing-function-value"](f=name, point=show(tuple(point)),
                                                                 value=show(value)),
         _plane(0, slopes, variables, point)),
        ("tangent-partials-swapped", say["tangent-partials-swapped"](first=f"{first}(a, b)", second=f"{second}(a, b)",
                                                                     x=x, y=y),
         _plane(value, tuple(reversed(slopes)), variables, point)),
    ]
    swapped = tuple(reversed(point))
    if swapped != tuple(point):
        at_swapped = [at_point(sympy.diff(f, symbol(v)), variables, swapped) for v in variables]
        found.append(("partials-at-wrong-point", say["partials-at-wrong-point"](**point_words(variables, point)),
                      None if None in at_swapped else _plane(value, at_swapped, variables, point)))
    functions = [sympy.diff(f, symbol(v)) for v in variables]
    found.append(("partials-not-evaluated", say["partials-not-evaluated"](
        names=" and ".join(variables), point=show(tuple(point))), _plane(value, functions, variables, point)))
    moved = next(((v, p) for v, p in zip(variables, point) if p != 0), None)
    if moved is not None:
        s, p = symbol(moved[0]), moved[1]
        found.append(("shifted-wrong-way", say["shifted-wrong-way"](
            wrong=f"({show(s + p, variables)})", right=f"({show(s - p, variables)})"),
            _plane(value, slopes, variables, point, sign=+1)))
    for misconception, message, partials in faulty_partials(f, variables, name):
        values = [at_point(c, variables, point) for c in partials]
        found.append((misconception, message, None if None in values else _plane(value, values, variables, point)))
    return [WrongAnswer(m, message, Answer(Shape.EQUATION, plane)) for m, message, plane in found if plane is not None]
