"""Misconceptions about gradients and tangent planes: the partial derivatives put together wrongly.

Both kinds are built from partial derivatives, so besides their own mistakes
(components swapped, f(a, b) left out ...) each misconception about
differentiating shows up here too, in every partial where it changes something.
"""

from __future__ import annotations

from typing import Iterator, Sequence

import sympy
from sympy import Expr

from ..kinds.gradient import Gradient
from ..kinds.tangent_plane import TangentPlane
from ..parse import Answer, Equation, symbol
from ..show import show
from .base import Misconception, WrongAnswer, at_point, register
from .derivatives import MISCONCEPTIONS as DERIVATIVE_MISCONCEPTIONS
from .derivatives import point_words, wrong_derivatives

MISCONCEPTIONS = register(
    Misconception(
        "components-swapped", "gradient components in the wrong order",
        "It looks like you swapped the components. ∇{f} lists the partial derivatives in the order of the "
        "variables: ({partials})."),
    Misconception(
        "only-one-component", "gave one partial derivative for the whole gradient",
        "It looks like you gave only ∂{f}/∂{v}. The gradient is the vector of all the partial derivatives: "
        "({partials})."),
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

_NOT_FOR_VECTORS = {"answered-other-partial", "evaluated-at-swapped-point", "gave-function-value"}


def faulty_partials(f: Expr, variables: Sequence[str], name: str) -> Iterator[tuple[str, str, tuple[Expr, ...]]]:
    """(misconception, message, all the partials) for each way a derivative misconception changes
    one or more of the partials; the others stay right."""
    right = [sympy.diff(f, symbol(v)) for v in variables]
    by_variable = [wrong_derivatives(f, v, variables, name) for v in variables]
    ids = list(dict.fromkeys(w.misconception for found in by_variable for w in found
                             if w.misconception not in _NOT_FOR_VECTORS))
    for misconception in ids:
        options = [[w for w in found if w.misconception == misconception] for found in by_variable]
        for j in range(max(len(o) for o in options)):
            picked = [o[min(j, len(o) - 1)] if o else None for o in options]
            message = next(w.message for w in picked if w is not None)
            yield misconception, message, tuple(w.derivative if w else r for w, r in zip(picked, right))


def _partials_text(name: str, variables: Sequence[str]) -> str:
    return ", ".join(f"∂{name}/∂{v}" for v in variables)


def gradient_candidates(problem: Gradient) -> list[WrongAnswer]:
    f, variables, name = problem.function, problem.variables, problem.name
    right = problem.solution.components
    point = problem.at
    partials = _partials_text(name, variables)

    def value(components: Sequence[Expr]) -> tuple[Expr, ...] | None:
        if point is None:
            return tuple(components)
        values = tuple(at_point(c, variables, point) for c in components)
        return None if None in values else values

    found: list[tuple[str, str, tuple | None]] = []
    swapped = (right[1], right[0], *right[2:])
    found.append(("components-swapped", MISCONCEPTIONS["components-swapped"].say(f=name, partials=partials),
                  value(swapped)))
    if len(right) > 2:
        found.append(("components-swapped", MISCONCEPTIONS["components-swapped"].say(f=name, partials=partials),
                      value(tuple(reversed(right)))))
    if point is not None and tuple(reversed(point)) != tuple(point):
        values = tuple(at_point(c, variables, tuple(reversed(point))) for c in right)
        found.append(("evaluated-at-swapped-point", DERIVATIVE_MISCONCEPTIONS["evaluated-at-swapped-point"].say(
            **point_words(variables, point)), None if None in values else values))
    for misconception, message, components in faulty_partials(f, variables, name):
        found.append((misconception, message, value(components)))
    candidates = [WrongAnswer(m, message, Answer("vector", v)) for m, message, v in found if v is not None]
    # one partial on its own: an expression (or number) where a vector is expected
    for v, component in zip(variables, value(right) or ()):
        candidates.append(WrongAnswer(
            "only-one-component", MISCONCEPTIONS["only-one-component"].say(f=name, v=v, partials=partials),
            Answer("number" if point is not None else "expression", component)))
    return candidates


# ------------------------------------------------------------ tangent planes


def _plane(value: Expr, slopes: Sequence[Expr], variables: Sequence[str], point: Sequence[Expr],
           sign: int = -1) -> Equation:
    rhs = value + sum(s * (symbol(v) + sign * p) for s, v, p in zip(slopes, variables, point))
    return Equation(symbol("z"), sympy.expand(rhs))


def tangent_candidates(problem: TangentPlane) -> list[WrongAnswer]:
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
    return [WrongAnswer(m, message, Answer("equation", plane)) for m, message, plane in found if plane is not None]
