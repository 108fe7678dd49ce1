"""The derivation of a least-squares fit, as the lesson does it for the power lines.

For a line y = mx + b: each point's error, each square multiplied out, the cost E(m, b) collected
(14m² + 3b² + 38 + 12mb - 42m - 20b, in the lesson's order), its partial derivatives, the normal
equations solved by elimination (the second times 2, subtracted from the first: 4m - 2 = 0, so
m = 2/4; then b from the second), and the cost at the optimum. A linear model in several features
gets the cost, its partials and the solution of the linear system.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

import sympy
from sympy import Expr

from ...calculus import LinearFit, LineCost, LineFit, eliminate, fit_line, fit_linear, line_cost
from ...calculus.common import exact
from ...calculus.least_squares import NormalEquations
from ...calculus.partials import derivative
from ...parse import Equation, symbol
from ...show import Notation, alike_notation, numbers_written, show
from ...steps import EliminationRule, Step, StepRule, Terms, derivative_steps, elimination_steps, step
from ..solution import approx

SHOWN_POINTS = 6  # the squares are written out one by one up to this many points


class FitRule(StepRule):
    LEAST_SQUARES = "least_squares"
    COST = "cost"
    ERRORS = "errors"
    SQUARE = "square"
    COLLECT = "collect"
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
    FitRule.ERRORS: ("Each point (xᵢ, yᵢ) is off the line by its error mxᵢ + b − yᵢ, and the cost adds up the "
                     "squares of the errors: E(m, b) = {after}."),
    FitRule.SQUARE: ("Multiply out {before}: the square of each term, then twice each product of two terms: "
                     "{after}."),
    FitRule.COLLECT: "Add the squares up, like terms together: E(m, b) = {after}.",
    FitRule.EXPAND: "Multiply out and collect terms: E{parameters:args} = {after}.",
    FitRule.PARTIAL_DERIVATIVE: "{df} = {after}.",
    FitRule.NORMAL_EQUATIONS: "At the minimum every partial derivative is 0 (the normal equations): {after:and}.",
    FitRule.SOLVE_SYSTEM: "Solve the linear system: {after:and}.",
    FitRule.COST_AT_OPTIMUM: "The least cost: E{point:args} = {after}{approx}.",
}

M, B = symbol("m"), symbol("b")


def cost_terms(system: NormalEquations) -> tuple[Expr, ...]:
    """E(m, b)'s terms in the lesson's order: Σx²·m², n·b², Σy², 2Σx·mb, -2Σxy·m, -2Σy·b."""
    (sxx, sx), (_, n) = system.matrix
    sxy, sy = system.rhs
    return tuple(t for t in (sxx * M**2, n * B**2, system.sum_y2, 2 * sx * M * B, -2 * sxy * M, -2 * sy * B)
                 if t != 0)


def cost_build_steps(cost: LineCost) -> list[Step]:
    """Each point's error, each square multiplied out, the squares added up."""
    squares = tuple(sympy.Pow(term.residual, 2, evaluate=False) for term in cost.terms)
    found = [step(FitRule.ERRORS, None, Terms(squares))]
    found += [step(FitRule.SQUARE, square, Terms(term.terms)) for square, term in zip(squares, cost.terms)
              if term.residual.is_Add]  # b² for a point at x = 0, y = 0: nothing to multiply out
    found.append(step(FitRule.COLLECT, None, Terms(cost.collected)))
    return found


def partials_in_order(terms: Sequence[Expr], parameters: Sequence[str]) -> list[Terms]:
    """Each partial derivative of a sum, term by term in the sum's order: 6b + 12m - 20."""
    return [Terms(tuple(d for d in (derivative(t, p) for t in terms) if d != 0)) for p in parameters]


def least_squares_steps(points: Sequence[Sequence], *, result: LineFit | LinearFit | None = None,
                        decimals: bool = False, fractions: bool = False) -> Step:
    """points: (x, y) pairs for the line y = mx + b, or (x₁, …, xₖ, y) for a linear model. `fractions`: the
    data have no decimal point, and every number is written as a fraction (m = 2/5, b = 9/10), as
    `tutor solve` writes a function typed without one."""
    with numbers_written(Notation.FRACTIONS) if fractions else nullcontext():  # as they will be rendered
        found = _least_squares_steps(points, result, decimals)
    return replace(found, context=(*found.context, ("fractions", True))) if fractions else found


def _least_squares_steps(points: Sequence[Sequence], result: LineFit | LinearFit | None, decimals: bool) -> Step:
    points = list(points)
    features = len(points[0]) - 1 if points else 1
    fit = result or (fit_line(points) if features == 1 else
                     fit_linear([p[:-1] for p in points], [p[-1] for p in points]))
    system = fit.system
    theta = [symbol(p) for p in system.parameters]
    xs = (symbol("x"),) if features == 1 else tuple(symbol(f"x_{i + 1}") for i in range(features))
    model = sympy.Add(*(t * x for t, x in zip(theta, xs)), theta[-1])
    values = (*(fit.weights if isinstance(fit, LinearFit) else (fit.slope,)), fit.intercept)
    # m = 1.4 and b = 1.9, not m = 7/5 and b = 1.9; m = 3/4 and b = 25/24, not m = 0.75 and b = 25/24,
    # where the steps that give them say them (the data, and the work on it, stay decimals)
    together, fractions = alike_notation(values)
    data_decimals, decimals = decimals, decimals or together

    def alike(*fields: str) -> dict[str, Any]:
        return {"alike": fields} if fractions else {}

    fitted = model.xreplace(dict(zip(theta, values)))
    substeps = _line_steps(points, system, decimals, fractions, data_decimals) if features == 1 else \
        _model_steps(points, system, theta, xs, values)
    if fractions:
        substeps = [replace(s, context=(*s.context, *alike("after").items()))
                    if s.rule in (EliminationRule.ELIMINATE, FitRule.SOLVE_SYSTEM) else s for s in substeps]
    # "≈ 4.16667" beside 25/6, as the answer's line says it, but nothing beside a cost its digits already show
    # ("= 0 ≈ 0" said nothing, "11/4 ≈ 2.75" said 2.75 was rounded: outside check h51, N7)
    rough = approx(fit.cost)
    if show(fit.cost, decimals=decimals, fractions=fractions) == rough.removeprefix(" ≈ "):
        rough = ""
    substeps.append(step(FitRule.COST_AT_OPTIMUM, system.cost_function, fit.cost, point=values, approx=rough,
                         **alike("point", "after")))
    return step(FitRule.LEAST_SQUARES, None, Equation(symbol("y"), fitted), substeps,
                model=Equation(symbol("y"), model), n=system.n, variables=system.parameters, function="E",
                decimals=decimals, **alike("after"))


def _line_steps(points: Sequence[Sequence], system: NormalEquations, decimals: bool, fractions: bool = False,
                data_decimals: bool = False) -> list[Step]:
    """The lesson's way for a line: the cost square by square, its partials, elimination."""
    terms = cost_terms(system)
    if len(points) <= SHOWN_POINTS:
        substeps = cost_build_steps(line_cost(points))
    else:
        residual = M * symbol("x_i") + B - symbol("y_i")
        substeps = [step(FitRule.COST, None, Terms(terms), residual=residual)]
    partials = partials_in_order(terms, ("m", "b"))
    substeps += [_partial_step(system.cost_function, d, p, ("m", "b")) for p, d in zip(("m", "b"), partials)]
    substeps.append(step(FitRule.NORMAL_EQUATIONS, None, tuple(Equation(d, sympy.Integer(0)) for d in partials)))
    solved = eliminate(sympy.Add(*partials[0].terms), sympy.Add(*partials[1].terms), ("m", "b"))
    # m and b written as the answer writes them, one way throughout; for decimal data an ugly fraction
    # with its decimals (whole data is answered in fractions, 7/3 as the lesson leaves it)
    substeps.append(elimination_steps(partials, solved, decimals, fractions, approx if data_decimals else None))
    return substeps


def _partial_step(cost: Expr, partial: object, wrt: str, parameters: Sequence[str]) -> Step:
    """∂E/∂m = 28m + 12b - 42, derived as a partial derivative is (the other parameters held constant, term by
    term): the lesson's quiz, never given bare; a detail the lesson's level leaves out, for the elimination's
    sake, which is the lesson's own working."""
    return step(FitRule.PARTIAL_DERIVATIVE, cost, partial, derivative_steps(cost, wrt, parameters).substeps, wrt=wrt,
                details=True)


def _model_steps(points: Sequence[Sequence], system: NormalEquations, theta: list, xs: tuple,
                 values: Sequence[Expr]) -> list[Step]:
    residual = sum(t * x for t, x in zip(theta, xs)) + theta[-1] - symbol("y")
    cost = system.cost_function
    if len(points) <= SHOWN_POINTS:
        squares = sympy.Add(*((sum(t * exact(x) for t, x in zip(theta, p[:-1])) + theta[-1]
                               - exact(p[-1])) ** 2 for p in points))
        substeps = [step(FitRule.COST, None, squares, residual=residual),
                    step(FitRule.EXPAND, squares, cost, parameters=system.parameters)]
    else:
        substeps = [step(FitRule.COST, None, cost, residual=residual)]
    partials = [derivative(cost, p) for p in system.parameters]
    substeps += [_partial_step(cost, d, p, system.parameters) for p, d in zip(system.parameters, partials)]
    substeps += [
        step(FitRule.NORMAL_EQUATIONS, None, tuple(Equation(d, sympy.Integer(0)) for d in partials)),
        step(FitRule.SOLVE_SYSTEM, None, tuple(Equation(t, v) for t, v in zip(theta, values))),
    ]
    return substeps
