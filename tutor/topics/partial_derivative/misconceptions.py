"""The wrong derivatives ∂f/∂x (and d/dx) students give, at the point if there is one.

The misconceptions themselves (a held variable differentiated, a slip in the
power rule ...) are shared with the kinds built on derivatives, in
tutor.misconceptions.derivatives; putting a point in has its own (the
coordinates swapped, f's value given for the derivative's, (−3)² as −9), in
tutor.misconceptions.points. This kind adds what is about one derivative: the
antiderivative given instead, + C, the whole gradient for one partial.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from ...calculus.partials import diff
from ...misconceptions import Tiered, WrongAnswer, at_point
from ...misconceptions.derivatives import MISCONCEPTIONS, WrongDerivative, derivative_tiers, differ
from ...misconceptions.points import MISCONCEPTIONS as POINTS
from ...misconceptions.points import evaluation_slips, point_words
from ...parse import Answer, Shape, symbol
from ...show import show
from .exercise import PartialDerivative

_CONSTANT = "C"  # the constant of integration a student may add


def candidate_names(problem: PartialDerivative) -> tuple[str, ...]:  # noqa: ARG001
    """The name its candidates read an answer with beyond the exercise's own: + C."""
    return (_CONSTANT,)


def candidates(problem: PartialDerivative) -> Tiered:
    """For `derivative` and `partial_derivative`: the wrong derivatives, at the point if there is one."""
    f, wrt, variables, name = problem.function, problem.wrt, problem.variables, problem.name
    right = problem.solution.derivative
    singles, pairs = derivative_tiers(f, wrt, variables, name)
    wrong = _answers(problem, [*singles, *_other_variable(problem)])
    if problem.at is None:
        return Tiered(wrong + _about_differentiating(problem, right), lambda: _answers(problem, pairs()))
    point = tuple(problem.at)
    found = []  # putting the point in first: f's value is a likelier reading than a slip giving the same
    if len(point) > 1 and tuple(reversed(point)) != point:
        value = at_point(right, variables, tuple(reversed(point)))
        if value is not None:
            swapped_point = POINTS["evaluated-at-swapped-point"].fill(**point_words(variables, point, problem.decimals))
            found.append(WrongAnswer.of([swapped_point], Answer(Shape.NUMBER, value)))
    shown = problem.point_text(point)
    value = at_point(f, variables, point)
    if value is not None:
        found.append(WrongAnswer.of([POINTS["gave-function-value"].fill(f=name, point=shown)],
                                    Answer(Shape.NUMBER, value)))
    # the right derivative with a slip in putting the point in, before a wrong derivative giving the same
    found += [WrongAnswer.of([said], Answer(Shape.NUMBER, value))
              for said, value in evaluation_slips(right, variables, point)]
    found += wrong
    what = f"∂{name}/∂{wrt}" if len(variables) > 1 else f"{name}′({wrt})"
    found.append(WrongAnswer.of([POINTS["not-evaluated"].fill(what=what, point=shown, value="number")],
                                Answer(Shape.EXPRESSION, right), variables=tuple(variables)))
    return Tiered(found, lambda: _answers(problem, pairs()))


def _answers(problem: PartialDerivative, wrong: Sequence[WrongDerivative]) -> list[WrongAnswer]:
    """The wrong derivatives as answers: at the point if there is one."""
    f, variables = problem.function, problem.variables
    if problem.at is None:
        return [w.as_answer() for w in wrong]
    point = tuple(problem.at)
    return [WrongAnswer.of(w.said, Answer(Shape.NUMBER, value)) for w in wrong
            if (value := at_point(w.derivative, variables, point)) is not None
            and differ(w.derivative, f, variables)]  # f itself (every term left): said as f's value


def _other_variable(problem: PartialDerivative) -> list[WrongDerivative]:
    """d/dx of a function of y alone: 0, as if y were held constant."""
    (v,) = problem.variables if len(problem.variables) == 1 else (None,)
    if v is None or v == "x":
        return []
    said = MISCONCEPTIONS["answered-other-partial"].fill(other="x", v=v, f=problem.name, held=f"{v} is fixed")
    return [WrongDerivative("answered-other-partial", sympy.Integer(0), (said,))]


def _about_differentiating(problem: PartialDerivative, right: sympy.Expr) -> list[WrongAnswer]:
    """The antiderivative for the derivative, + C, and the whole gradient for one partial."""
    f, wrt, variables, name = problem.function, problem.wrt, problem.variables, problem.name
    v = symbol(wrt)
    found = []
    if f.is_polynomial(v):
        antiderivative = sympy.integrate(f, v)
        by = f" with respect to {wrt}" if f.free_symbols - {v} else ""  # as the derivative family says it
        found.append(WrongAnswer.of([MISCONCEPTIONS["integrated-instead"].fill(
            antiderivative=show(antiderivative, variables), function=show(f, variables), right=show(right, variables),
            by=by)], Answer(Shape.EXPRESSION, antiderivative)))
    constant = symbol(_CONSTANT)
    if _CONSTANT not in variables:
        found.append(WrongAnswer.of([MISCONCEPTIONS["added-constant-of-integration"].fill()],
                                    Answer(Shape.EXPRESSION, right + constant), variables=(*variables, _CONSTANT)))
    if len(variables) > 1:
        gradient = tuple(diff(f, symbol(u)) for u in variables)
        found.append(WrongAnswer.of([MISCONCEPTIONS["gave-whole-gradient"].fill(f=name, v=wrt)],
                                    Answer(Shape.VECTOR, gradient)))
    return found
