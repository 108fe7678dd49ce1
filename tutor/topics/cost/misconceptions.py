"""Misconceptions about the cost of a line: a square not multiplied out properly (squared term by
term, the mb cross term dropped, the products not doubled), the errors added without squaring, the
mean cost with 1/n instead of 1/(2n) or not averaged at all; carried through to the cost's value
and to a descent step, where the step may also go uphill or stop at the gradient."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import sympy
from sympy import Expr

from ...calculus.cost import B, M
from ...calculus.roots import rational_terms
from ...misconceptions import Misconception, Said, WrongAnswer, register
from ...misconceptions.derivatives import wrong_gradients
from ...misconceptions.points import MISCONCEPTIONS as POINTS
from ...misconceptions.points import place_words, value_slips
from ...parse import Answer, Shape
from .exercise import Ask, Cost

MISCONCEPTIONS = register(
    Misconception(
        "squared-term-by-term", "squared each term of the error but left out the products",
        "It looks like you squared each term of mx + b − y on its own, (a + b + c)² = a² + b² + c². A square "
        "of a sum also has twice each product: (m + b − 2)² = m² + b² + 4 + 2mb − 4m − 4b."),
    Misconception(
        "cross-term-dropped", "dropped the cross term 2·mx·b",
        "It looks like the cross term 2·x·mb of each square went missing. (mx + b − y)² has three products "
        "of two terms, each doubled: 2·x·mb, −2xy·m and −2y·b."),
    Misconception(
        "products-not-doubled", "took the products of the terms once instead of twice",
        "It looks like you took each product of two terms once. In a square they come twice: "
        "(a + b)² = a² + 2ab + b²."),
    Misconception(
        "errors-not-squared", "added up the errors without squaring them",
        "It looks like you added up the errors mx + b − y without squaring them. The cost is the sum of the "
        "squares of the errors, so that errors above and below the line don't cancel."),
    Misconception(
        "mean-without-half", "averaged with 1/n instead of 1/(2n)",
        "It looks like you divided by n = {n} instead of 2n = {twice}. The lesson's cost for several "
        "observations is L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)²: the ½ cancels the 2 of the derivative."),
    Misconception(
        "sum-not-averaged", "used the sum of the squares without averaging",
        "It looks like you used the sum of the squares E(m, b) without dividing by 2n = {twice}. With several "
        "observations the cost is L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)²."),
    Misconception(
        "point-left-out", "left a point's square out of the cost",
        "It looks like you left out the square of the point {point}. The cost adds one squared error for "
        "every point, {n} of them here."),
    Misconception(
        "cost-averaged", "took the mean of the squared errors for their sum",
        "It looks like you divided by n = {n}. E(m, b) is the sum of the squared errors, not their mean."),
    Misconception(
        "cost-step-uphill", "moved along the gradient instead of against it",
        "It looks like you moved along ∇{name}, which points uphill. A descent step is "
        "(m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
    Misconception(
        "cost-step-gave-gradient", "gave the gradient instead of the new point",
        "It looks like you gave ∇{name}(m₀, b₀), not the new point. Take the step: "
        "(m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
    Misconception(
        "cost-step-rate-left-out", "left out the learning rate",
        "It looks like you left out the learning rate α = {rate}: (m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
)


_MAX_LEFT_OUT = 12  # points each left out in turn, at most: a data file's hundreds are not summed by hand


def _square(x: Expr, y: Expr, skip: Callable[[str], bool], once: bool = False) -> Expr:
    """(mx + b − y)² multiplied out with a slip: some products left out, or taken once."""
    products = {"mb": 2 * x * M * B, "my": -2 * x * y * M, "by": -2 * y * B}
    doubled = sympy.Add(*(p / 2 if once else p for key, p in products.items() if not skip(key)))
    return x**2 * M**2 + B**2 + y**2 + doubled


def _none(key: str) -> bool:
    return False


def _sum(problem: Cost, square: Callable[[Expr, Expr], Expr]) -> Expr:
    return sympy.expand(sympy.Add(*(square(x, y) for x, y in problem.points)))


def candidates(problem: Cost) -> list[WrongAnswer]:
    n = len(problem.points)
    words = {"n": str(n), "twice": str(2 * n), "name": problem.name}
    scale = sympy.Integer(2 * n) if problem.mean else sympy.Integer(1)
    costs: list[tuple[str, Expr]] = [  # wrong versions of the cost, already divided as the right one is
        ("squared-term-by-term", _sum(problem, lambda x, y: _square(x, y, lambda key: True)) / scale),
        ("cross-term-dropped", _sum(problem, lambda x, y: _square(x, y, lambda key: key == "mb")) / scale),
        ("products-not-doubled", _sum(problem, lambda x, y: _square(x, y, lambda key: False, once=True)) / scale),
        ("errors-not-squared", _sum(problem, lambda x, y: M * x + B - y) / scale),
    ]
    if problem.mean:
        costs += [("mean-without-half", problem.cost.function / n), ("sum-not-averaged", problem.cost.function)]
    else:
        costs.append(("cost-averaged", problem.cost.function / n))
    said = [MISCONCEPTIONS[m].fill(**words) for m, _ in costs]
    for i, (x, y) in enumerate(problem.points if n <= _MAX_LEFT_OUT else ()):
        others = [p for j, p in enumerate(problem.points) if j != i]
        costs.append(("point-left-out", sympy.expand(sympy.Add(*(_square(u, v, _none) for u, v in others))) / scale))
        said.append(MISCONCEPTIONS["point-left-out"].fill(point=problem.show((x, y)), **words))
    if problem.ask == Ask.FUNCTION:
        return [WrongAnswer.of([w], Answer(Shape.EXPRESSION, sympy.expand(c))) for w, (_, c) in zip(said, costs)]
    if problem.ask == Ask.VALUE and problem.at is not None:
        return _value_candidates(problem, costs, said)
    step = problem.step
    if step is None:
        return []
    m0, b0 = step.start
    alpha = step.rate
    rate = str(problem.show(alpha))
    steps: list[tuple[Said, tuple[Expr, Expr]]] = []
    for told, (_, wrong) in zip(said, costs):
        slope = slope_at(wrong, (m0, b0))
        steps.append((told, (m0 - alpha * slope[0], b0 - alpha * slope[1])))
    slope = step.slope
    for told_slip, gradient in wrong_gradients(problem.function(), ("m", "b"), problem.name):
        wrong_slope = tuple(g.xreplace({M: m0, B: b0}) for g in gradient)
        # a derivative misconception in ∇E, carried into the step; one that only negates ∇E at the start
        # (the signs of the terms that do not vanish there) is the step uphill, said as that
        if len(told_slip) == 1 and wrong_slope != tuple(-g for g in slope):
            steps.append((told_slip[0], (m0 - alpha * wrong_slope[0], b0 - alpha * wrong_slope[1])))
    steps += [
        (MISCONCEPTIONS["cost-step-uphill"].fill(rate=rate, **words), (m0 + alpha * slope[0], b0 + alpha * slope[1])),
        (MISCONCEPTIONS["cost-step-gave-gradient"].fill(rate=rate, **words), slope),
        (MISCONCEPTIONS["cost-step-rate-left-out"].fill(rate=rate, **words), (m0 - slope[0], b0 - slope[1])),
    ]
    return [WrongAnswer.of([told], Answer(Shape.VECTOR, value), variables=(), components=("m", "b"))
            for told, value in steps]


def slope_at(cost: Expr, at: tuple[Expr, Expr]) -> tuple[Expr, Expr]:
    """(∂cost/∂m, ∂cost/∂b) at (m, b) = at, as sympy's diff and xreplace give them. Read off the terms
    c·mⁱbʲ where the cost is a polynomial with rational coefficients (exact, so the very same numbers):
    sympy's diff is most of the work of a step's candidates otherwise."""
    slope = _rational_slope(cost, at)
    if slope is None:
        return tuple(sympy.diff(cost, v).xreplace({M: at[0], B: at[1]}) for v in (M, B))  # type: ignore[return-value]
    return slope


def _rational_slope(cost: Expr, at: tuple[Expr, Expr]) -> tuple[Expr, Expr] | None:
    terms = rational_terms(cost, (M, B)) if all(v.is_Rational for v in at) else None
    if terms is None:
        return None
    m, b = (Fraction(int(v.p), int(v.q)) for v in at)
    by_m = sum((c * i * m ** (i - 1) * b**j for (i, j), c in terms.items() if i), Fraction(0))
    by_b = sum((c * j * m**i * b ** (j - 1) for (i, j), c in terms.items() if j), Fraction(0))
    return sympy.Rational(by_m.numerator, by_m.denominator), sympy.Rational(by_b.numerator, by_b.denominator)


def _value_candidates(problem: Cost, costs: list[tuple[str, Expr]], said: list[Said]) -> list[WrongAnswer]:
    """The value at (m, b) of each wrong cost; the right cost with a slip in putting (m, b) in; the
    value of a partial derivative or of the gradient there instead of the cost's."""
    at = problem.at or ()
    values = {M: at[0], B: at[1]}
    found = [WrongAnswer.of([w], Answer(Shape.NUMBER, c.xreplace(values))) for w, (_, c) in zip(said, costs)]
    function = problem.function()
    found += [WrongAnswer.of([slip], Answer(Shape.NUMBER, wrong))
              for slip, wrong in value_slips(function, ("m", "b"), at, problem.name)]
    right = problem.expected().value
    gradient = tuple(sympy.diff(function, v).xreplace(values) for v in (M, B))
    words = {"f": problem.name, "right": problem.show(right), **place_words(at)}
    for v, slope in zip("mb", gradient):
        found.append(WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=f"∂{problem.name}/∂{v}", **words)],
                                    Answer(Shape.NUMBER, slope)))
    found.append(WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=f"∇{problem.name}", **words)],
                                Answer(Shape.VECTOR, gradient), variables=(), components=("m", "b")))
    return found
