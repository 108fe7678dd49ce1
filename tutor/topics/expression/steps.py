"""The worked solution of an exercise written by hand, where its expected answer is one of the lesson's
quantities of the function it is about (asked.py): the point put into f, the gradient there, then −∇f for
the direction of greatest descent, or one descent step worked as the gradient_descent kind works it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sympy import Expr

from ...calculus.partials import written_at
from ...parse import Equation, symbol
from ...show import ordered_terms, terms_text
from ...steps import WRITTEN_LIMIT, Step, StepRule, Terms, step, written_if_short
from ..gradient.steps import gradient_steps
from ..gradient_descent.exercise import GradientDescent
from ..solution import approx
from .asked import Asked, asked
from .exercise import About, Expression


class ExpressionRule(StepRule):
    VALUE = "value_at_point"
    PUT_IN = "value_put_in"
    PUT_IN_WRITTEN = "value_put_in_written"
    DOWNHILL = "greatest_descent"
    AGAINST_GRADIENT = "against_gradient"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    ExpressionRule.VALUE: "The value of {f} = {before} at {point}: {f}{point:args} = {after}",
    ExpressionRule.PUT_IN: "Put in {point}: {f}{point:args} = {after}{approx}.",
    ExpressionRule.PUT_IN_WRITTEN: "Put {values:and} into {f}: {f}{point:args} = {written} = {after}{approx}.",
    ExpressionRule.DOWNHILL: "The direction of greatest descent of {f} = {before} at {point}: −{grad}{point:args} = "
                             "{after}",
    ExpressionRule.AGAINST_GRADIENT: "The gradient points the way of greatest ascent, so greatest descent is the "
                                     "opposite way, −{grad}: −{grad}{point:args} = −{before} = {after}.",
}


def worked(problem: Expression) -> Step | None:
    """Its steps where the expected answer is the function's value, gradient, −∇f or one descent step at the
    point; None where the author says no function, or the answer is none of these."""
    about, what = problem.about, asked(problem)
    if about is None or what is None:
        return None
    context = (("function", about.name), ("variables", about.variables))
    if what == Asked.VALUE:
        solution = _value(about)
    elif what == Asked.STEP:
        assert about.rate is not None
        solution = GradientDescent(function=about.function, variables=about.variables, name=about.name,
                                   start=about.at, rate=about.rate, iterations=1).steps()
    else:
        solution = gradient_steps(about.function, about.variables, dict(zip(about.variables, about.at)))
        if what == Asked.DOWNHILL:
            solution = _downhill(about, solution)
    return replace(solution, context=(*solution.context, *context))  # the name the prompt gives f (E)


def _value(about: About) -> Step:
    f, point = about.function, about.at
    values = dict(zip(about.variables, point))
    value = f.xreplace({symbol(name): c for name, c in values.items()})
    written = _written(f, values, about.variables, value)
    shown = point if len(point) > 1 else point[0]
    if written is None:
        put_in = step(ExpressionRule.PUT_IN, f, value, point=tuple(point), approx=approx(value))
    else:
        put_in = step(ExpressionRule.PUT_IN_WRITTEN, f, value, point=tuple(point), approx=approx(value),
                      written=written, values=tuple(Equation(symbol(name), c) for name, c in values.items()))
    return step(ExpressionRule.VALUE, f, value, [put_in], point=shown)


def _written(f: Expr, values: Mapping[str, Expr], variables: Sequence[str], value: Expr) -> Expr | Terms | None:
    """f with the point's values in its variables' places, a sum term by term in the order f is written
    (sympy would write 38 - 42·0 - 20·0 + … for 14m² + … + 38), where that is short enough to read."""
    if not f.is_Add:
        return written_if_short(f, values, value)
    terms = tuple(written_at(term, values) for term in ordered_terms(f, variables))
    return Terms(terms) if len(terms_text(terms, variables)) <= WRITTEN_LIMIT else None


def _downhill(about: About, gradient: Step) -> Step:
    point = tuple(about.at)
    down = tuple(-g for g in gradient.after)
    against = step(ExpressionRule.AGAINST_GRADIENT, gradient.after, down, point=point)
    return step(ExpressionRule.DOWNHILL, about.function, down, [gradient, against], point=point)
