"""The wrong derivatives ∂f/∂x (and d/dx) students give, at the point if there is one.

The misconceptions themselves (a held variable differentiated, a slip in the
power rule ...) are shared with the kinds built on derivatives, in
tutor.misconceptions.derivatives; this kind adds the ones about evaluating at a
point: the coordinates swapped, the function's value given for the derivative's.
"""

from __future__ import annotations

from ...misconceptions import WrongAnswer, at_point
from ...misconceptions.derivatives import MISCONCEPTIONS, point_words, wrong_derivatives
from ...parse import Answer, Shape
from ...show import show
from .exercise import PartialDerivative


def candidates(problem: PartialDerivative) -> list[WrongAnswer]:
    """For `derivative` and `partial_derivative`: the wrong derivatives, at the point if there is one."""
    wrong = wrong_derivatives(problem.function, problem.wrt, problem.variables, problem.name)
    if problem.at is None:
        return [WrongAnswer(w.misconception, w.message, Answer(Shape.EXPRESSION, w.derivative)) for w in wrong]
    variables = problem.variables
    point = tuple(problem.at) if isinstance(problem.at, tuple) else (problem.at,)
    found = [(w.misconception, w.message, at_point(w.derivative, variables, point)) for w in wrong]
    right = problem.solution.derivative
    if len(point) > 1 and tuple(reversed(point)) != point:
        found.append(("evaluated-at-swapped-point",
                      MISCONCEPTIONS["evaluated-at-swapped-point"].say(**point_words(variables, point)),
                      at_point(right, variables, tuple(reversed(point)))))
    found.append(("gave-function-value", MISCONCEPTIONS["gave-function-value"].say(
        f=problem.name, point=show(point if len(point) > 1 else point[0])),
        at_point(problem.function, variables, point)))
    return [WrongAnswer(m, message, Answer(Shape.NUMBER, value)) for m, message, value in found if value is not None]
