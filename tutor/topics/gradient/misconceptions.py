"""Misconceptions about gradients: the partial derivatives put together wrongly.

Besides the gradient's own mistakes (components swapped, one partial for the
whole vector), each misconception about differentiating shows up here too, in
every partial where it changes something.
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Expr

from ...misconceptions import Misconception, WrongAnswer, at_point, register
from ...misconceptions.derivatives import MISCONCEPTIONS as DERIVATIVE_MISCONCEPTIONS
from ...misconceptions.derivatives import faulty_partials, point_words
from ...parse import Answer, Shape
from .exercise import Gradient

MISCONCEPTIONS = register(
    Misconception(
        "components-swapped", "gradient components in the wrong order",
        "It looks like you swapped the components. ∇{f} lists the partial derivatives in the order of the "
        "variables: ({partials})."),
    Misconception(
        "only-one-component", "gave one partial derivative for the whole gradient",
        "It looks like you gave only ∂{f}/∂{v}. The gradient is the vector of all the partial derivatives: "
        "({partials})."),
)


def _partials_text(name: str, variables: Sequence[str]) -> str:
    return ", ".join(f"∂{name}/∂{v}" for v in variables)


def candidates(problem: Gradient) -> list[WrongAnswer]:
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
    candidates = [WrongAnswer(m, message, Answer(Shape.VECTOR, v)) for m, message, v in found if v is not None]
    # one partial on its own: an expression (or number) where a vector is expected
    for v, component in zip(variables, value(right) or ()):
        candidates.append(WrongAnswer(
            "only-one-component", MISCONCEPTIONS["only-one-component"].say(f=name, v=v, partials=partials),
            Answer(Shape.NUMBER if point is not None else Shape.EXPRESSION, component)))
    return candidates
