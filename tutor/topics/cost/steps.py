"""The derivation of the cost of a line, as the lesson builds it for the power lines: each point's
error, each square multiplied out (the squares of the terms, then twice each product), the squares
added up; for several observations the mean cost L = E/(2n); then its value at (m, b), or one
descent step on it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import sympy
from sympy import Expr

from ...calculus import LineCost, MeanCostStep
from ...calculus.common import exact
from ...parse import fraction, symbol
from ...show import alike_notation, as_decimal, show_float
from ...steps import Step, StepRule, Terms, step
from ..least_squares.steps import SHOWN_POINTS, B, FitRule, M, cost_build_steps
from ..solution import approx, approx_point


class CostRule(StepRule):
    COST_FUNCTION = "cost_function"
    COST_VALUE = "cost_value"
    COST_STEP = "cost_step"
    MEAN = "mean"
    MEAN_ROUGHLY = "mean_roughly"
    VALUE = "value"
    ERRORS_AT = "errors_at"
    SQUARES_AT = "squares_at"
    MEAN_AT = "mean_at"
    PARTIAL_ROUGHLY = "partial_roughly"
    SLOPE_AT = "slope_at"
    STEP = "step"
    FALLS = "falls"
    RISES = "rises"
    STAYS = "stays"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    CostRule.COST_FUNCTION: "The cost of the line y = mx + b on {n} points: {name}(m, b) = {after}",
    CostRule.COST_VALUE: ("The cost of the line y = mx + b on {n} points at {point}: {name}{point:args} = "
                          "{after}{approx}"),
    CostRule.COST_STEP: ("One step of gradient descent on the cost {name}(m, b) from {point} with learning rate "
                         "{alpha} = {rate}: {after}{approx}"),
    CostRule.MEAN: ("With n = {n} observations the cost is the mean, with a ½ that the derivative's 2 cancels: "
                    "L(m, b) = E(m, b)/(2·{n}) = {after}."),
    # the exact L is E/(2n); multiplied out, decimal data's coefficients rarely end (55222.1/6)
    CostRule.MEAN_ROUGHLY: ("With n = {n} observations the cost is the mean, with a ½ that the derivative's 2 "
                            "cancels: L(m, b) = E(m, b)/(2·{n}) ≈ {after}."),
    CostRule.VALUE: "Put in m = {m} and b = {b}: {name}{point:args} = {after}{approx}.",
    CostRule.ERRORS_AT: "The errors mxᵢ + b − yᵢ there, point by point: {after:list}.",
    CostRule.SQUARES_AT: "Add up their squares: E{point:args} = {before} = {squares} = {after}.",
    CostRule.MEAN_AT: "Divide by 2·{n}: L{point:args} = E{point:args}/(2·{n}) = {after}.",
    CostRule.PARTIAL_ROUGHLY: "{df} ≈ {after}.",
    CostRule.SLOPE_AT: "At the start: ∇{name}{point:args} = {after}{approx}.",
    CostRule.STEP: ("Step against the gradient: (m₁, b₁) = (m₀, b₀) − {alpha}·∇{name}(m₀, b₀) = {point} − "
                    "{rate}·{slope} = {after}{approx}."),
    CostRule.FALLS: "The cost goes down, from {name}(m₀, b₀) {was} {before} to {name}(m₁, b₁) {now} {after}.",
    # the lesson's "too large": the step jumps past the minimum to a point higher up the other side
    CostRule.RISES: ("The cost goes up, from {name}(m₀, b₀) {was} {before} to {name}(m₁, b₁) {now} {after}: the step "
                     "overshot the minimum, so the learning rate is too large; try a smaller one."),
    CostRule.STAYS: "The cost stays the same: {name}(m₀, b₀) = {name}(m₁, b₁) {now} {after}.",
}


def built_steps(cost: LineCost, mean: bool, decimals: bool = False) -> list[Step]:
    """The cost built the lesson's way: errors, squares multiplied out, collected (and averaged). The
    mean's numbers are written alike (7m²/2 + b²/2 + 59/6, not 3.5m² + 0.5b² + 59/6); for data typed as
    decimals, where one has no short decimal, each to 6 significant digits after ≈ (9203.68m², not
    552221m²/60): E/(2n) is the exact value, said once."""
    if len(cost.points) <= SHOWN_POINTS:
        found = cost_build_steps(cost)
    else:
        found = [step(FitRule.COST, None, Terms(cost.collected), residual=M * symbol("x_i") + B - symbol("y_i"))]
    if mean:
        terms, roughly = mean_terms(cost, decimals)
        if roughly:
            found.append(step(CostRule.MEAN_ROUGHLY, None, Terms(terms), n=len(cost.points)))
        else:
            found.append(step(CostRule.MEAN, None, Terms(terms), n=len(cost.points), alike=("after",)))
    return found


def mean_terms(cost: LineCost, decimals: bool = False) -> tuple[tuple[Expr, ...], bool]:
    """The mean cost L = E/(2n) term by term as a solution writes it, its answer and its steps alike, and
    whether its coefficients are rounded (to be written after ≈): decimal data's where one does not end."""
    n = len(cost.points)
    terms = tuple(t / (2 * n) for t in cost.collected)
    if typed_decimals(cost.points, decimals) and alike_notation(terms)[1]:
        return tuple(map(rounded, terms)), True
    return terms, False


def partial_written(d: Expr, rough: bool) -> tuple[Expr, bool]:
    """A partial derivative of the cost as a solution writes it, and whether it is rounded as the mean's
    coefficients are (18407.4m, not 552221m/30): `rough`, the data are decimals (typed_decimals)."""
    if rough and alike_notation(d)[1]:
        return sympy.Add(*map(rounded, sympy.Add.make_args(d))), True
    return d, False


def typed_decimals(points: Sequence[tuple[Expr, Expr]], decimals: bool) -> bool:
    """Whether the data are decimals (230.1), not whole numbers an exercise shows as decimals for its
    rate's sake: whole data keep their fractions (65/6), as the lesson's power lines do."""
    return decimals and any(not c.is_Integer for point in points for c in point)


def rounded(term: Expr) -> Expr:
    """A term's coefficient to 6 significant digits where it has no short decimal: 9203.68m² for 552221m²/60."""
    coefficient, rest = term.as_coeff_Mul()
    if coefficient.is_Integer or as_decimal(fraction(coefficient), always=True) is not None:
        return term
    return sympy.Float(show_float(float(coefficient))) * rest


def function_steps(cost: LineCost, mean: bool, decimals: bool = False) -> Step:
    answer = sympy.expand(cost.function / (2 * len(cost.points))) if mean else cost.function
    return step(CostRule.COST_FUNCTION, None, answer, built_steps(cost, mean, decimals), n=len(cost.points),
                name="L" if mean else "E", variables=("m", "b"), decimals=decimals)


def value_steps(cost: LineCost, mean: bool, at: Sequence[Expr], decimals: bool = False) -> Step:
    n = len(cost.points)
    value = cost.at(*at) / (2 * n if mean else 1)
    name = "L" if mean else "E"
    substeps = [*built_steps(cost, mean, decimals),
                step(CostRule.VALUE, None, value, _arithmetic(cost, mean, at), m=at[0], b=at[1], point=tuple(at),
                     name=name, approx=approx(value))]
    return step(CostRule.COST_VALUE, None, value, substeps, n=n, name=name, point=tuple(at), variables=("m", "b"),
                decimals=decimals, approx=approx(value))


def _arithmetic(cost: LineCost, mean: bool, at: Sequence[Expr]) -> list[Step]:
    """The value worked out, for the few points whose squares the steps multiply out: each error at (m, b), their
    squares added up (and halved and averaged, for the mean), as the lesson's power lines are checked by hand."""
    n = len(cost.points)
    if n > SHOWN_POINTS:
        return []
    m, b = (exact(v) for v in at)
    errors = tuple(term.residual.xreplace({M: m, B: b}) for term in cost.terms)
    total = sum((e**2 for e in errors), sympy.Integer(0))
    point = (m, b)
    found = [step(CostRule.ERRORS_AT, None, errors),
             step(CostRule.SQUARES_AT, Terms(tuple(sympy.Pow(e, 2, evaluate=False) for e in errors)), total,
                  squares=Terms(tuple(e**2 for e in errors)), point=point)]
    if mean:
        found.append(step(CostRule.MEAN_AT, None, total / (2 * n), n=n, point=point))
    return found


def change_step(result: MeanCostStep) -> Step:
    """What the step did to the cost, told from the exact values: down, up (it overshot) or unchanged."""
    before, after = result.cost_before, result.cost_after
    rule = CostRule.FALLS if after < before else CostRule.RISES if after > before else CostRule.STAYS
    return step(rule, float(before), float(after), name="L" if result.average else "E", was=_equal_or_near(before),
                now=_equal_or_near(after))


def _equal_or_near(value: Expr) -> str:
    """'=' before a value its decimals show exactly (38, 19.9576), '≈' before one they round (7183/360)."""
    return "=" if sympy.Rational(show_float(float(value))) == value else "≈"


def cost_change(result: MeanCostStep) -> str:
    """The change's sentence as the answer's last line writes it: "the cost goes up, from …"."""
    from ...steps import render_text
    sentence = render_text(change_step(result)).removesuffix(".")
    return sentence[0].lower() + sentence[1:]


def descent_step_steps(cost: LineCost, result: MeanCostStep, decimals: bool = False,
                       decimal_rate: bool = False) -> Step:
    """decimal_rate: the rate was typed as a decimal, so it and the point it leads to are written so; neither
    it nor the data (`decimals`), every number is written as a fraction."""
    name = "L" if result.average else "E"
    substeps = built_steps(cost, result.average, decimals)
    rough = typed_decimals(cost.points, decimals)
    for v, d in zip(("m", "b"), result.gradient):
        written, roughly = partial_written(d, rough)
        substeps.append(step(CostRule.PARTIAL_ROUGHLY if roughly else FitRule.PARTIAL_DERIVATIVE, result.cost,
                             written, wrt=v, function=name))
    substeps += [
        # a vector's parts written alike, where its point (after) is: (-13/2, -7/3), not (-6.5, -7/3)
        step(CostRule.SLOPE_AT, result.gradient, result.slope, point=result.start, name=name, alike=("after",),
             approx=approx_point(result.slope) if rough else ""),
        # (11/10, 11/30), not (1.1, 11/30)
        step(CostRule.STEP, result.start, result.after, point=result.start, rate=result.rate, slope=result.slope,
             name=name, alike=("after", "slope"), approx=approx_point(result.after)),
        change_step(result),
    ]
    if decimal_rate and not decimals:  # the cost's build keeps the data's notation (x²/10 stays so)
        substeps = [replace(s, context=(*s.context, ("decimals", False))) for s in substeps[:-2]] + substeps[-2:]
    # neither data nor rate typed with a decimal point: the rate as typed (1/10, not 0.1), and every number a
    # fraction, as the answer writes them (21/10, not 2.1; finding 788)
    return step(CostRule.COST_STEP, None, result.after, substeps, name=name, point=result.start, rate=result.rate,
                variables=("m", "b"), decimals=decimals or decimal_rate, alike=("after",),
                approx=approx_point(result.after), fractions=not (decimals or decimal_rate))

