"""The derivation of a least-squares fit, as the lesson does it for the power lines.

The cost as a sum of squares, multiplied out, its partial derivatives, the
normal equations, their exact solution, and the cost at the optimum.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy

from ...calculus import LinearFit, LineFit, fit_line, fit_linear
from ...calculus.common import exact
from ...calculus.partials import derivative
from ...parse import Equation, symbol
from ...steps import Step, StepRule, step

SHOWN_POINTS = 6  # the sum of squares is written out term by term up to this many points


class FitRule(StepRule):
    LEAST_SQUARES = "least_squares"
    COST = "cost"
    EXPAND = "expand"
    PARTIAL_DERIVATIVE = "partial_derivative"
    NORMAL_EQUATIONS = "normal_equations"
    SOLVE_SYSTEM = "solve_system"
    COST_AT_OPTIMUM = "cost_at_optimum"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    FitRule.LEAST_SQUARES: "Least squares: fitting {model} to {n} points gives {after}",
    FitRule.COST: "The cost is the sum of the squared errors ({residual})² over the points: E = {after}.",
    FitRule.EXPAND: "Multiply out and collect terms: E{parameters:args} = {after}.",
    FitRule.PARTIAL_DERIVATIVE: "{df} = {after}.",
    FitRule.NORMAL_EQUATIONS: "At the minimum every partial derivative is 0 (the normal equations): {after:and}.",
    FitRule.SOLVE_SYSTEM: "Solve the linear system: {after:and}.",
    FitRule.COST_AT_OPTIMUM: "The least cost: E{point:args} = {after} ≈ {approx}.",
}


def least_squares_steps(points: Sequence[Sequence], *, result: LineFit | LinearFit | None = None) -> Step:
    """points: (x, y) pairs for the line y = mx + b, or (x₁, …, xₖ, y) for a linear model."""
    points = list(points)
    features = len(points[0]) - 1 if points else 1
    fit = result or (fit_line(points) if features == 1 else
                     fit_linear([p[:-1] for p in points], [p[-1] for p in points]))
    system = fit.system
    theta = [symbol(p) for p in system.parameters]
    if features == 1:
        xs = (symbol("x"),)
        residual = theta[0] * symbol("x_i") + theta[1] - symbol("y_i")
    else:
        xs = tuple(symbol(f"x_{i + 1}") for i in range(features))
        residual = sum(t * x for t, x in zip(theta, xs)) + theta[-1] - symbol("y")
    model = sympy.Add(*(t * x for t, x in zip(theta, xs)), theta[-1])
    values = (*(fit.weights if isinstance(fit, LinearFit) else (fit.slope,)), fit.intercept)
    fitted = model.xreplace(dict(zip(theta, values)))
    cost = system.cost_function
    substeps = []
    if len(points) <= SHOWN_POINTS:
        squares = sympy.Add(*((sum(t * exact(x) for t, x in zip(theta, p[:-1])) + theta[-1]
                               - exact(p[-1])) ** 2 for p in points))
        substeps += [step(FitRule.COST, None, squares, residual=residual),
                     step(FitRule.EXPAND, squares, cost, parameters=system.parameters)]
    else:
        substeps.append(step(FitRule.COST, None, cost, residual=residual))
    partials = [derivative(cost, p) for p in system.parameters]
    substeps += [step(FitRule.PARTIAL_DERIVATIVE, cost, d, wrt=p) for p, d in zip(system.parameters, partials)]
    substeps += [
        step(FitRule.NORMAL_EQUATIONS, None, tuple(Equation(d, sympy.Integer(0)) for d in partials)),
        step(FitRule.SOLVE_SYSTEM, None, tuple(Equation(t, v) for t, v in zip(theta, values))),
        step(FitRule.COST_AT_OPTIMUM, cost, fit.cost, point=values, approx=float(fit.cost)),
    ]
    return step(FitRule.LEAST_SQUARES, None, Equation(symbol("y"), fitted), substeps,
                model=Equation(symbol("y"), model), n=system.n, variables=system.parameters, function="E")
