"""Misconceptions about the cost of a line: a square not multiplied out properly (squared term by
term, the mb cross term dropped, the products not doubled), the errors added without squaring, the
mean cost with 1/n instead of 1/(2n) or not averaged at all; carried through to the cost's value
and to a descent step, where the step may also go uphill or stop at the gradient."""

from __future__ import annotations

from collections.abc import Callable

import sympy
from sympy import Expr

from ...calculus.cost import B, M
from ...misconceptions import Misconception, WrongAnswer, register
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


def _square(x: Expr, y: Expr, skip: Callable[[str], bool], once: bool = False) -> Expr:
    """(mx + b − y)² multiplied out with a slip: some products left out, or taken once."""
    products = {"mb": 2 * x * M * B, "my": -2 * x * y * M, "by": -2 * y * B}
    doubled = sympy.Add(*(p / 2 if once else p for key, p in products.items() if not skip(key)))
    return x**2 * M**2 + B**2 + y**2 + doubled


def _sum(problem: Cost, square: Callable[[Expr, Expr], Expr]) -> Expr:
    return sympy.expand(sympy.Add(*(square(x, y) for x, y in problem.points)))


def candidates(problem: Cost) -> list[WrongAnswer]:
    n = len(problem.points)
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
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
    if problem.ask == Ask.FUNCTION:
        return [WrongAnswer(m, say[m](**words), Answer(Shape.EXPRESSION, sympy.expand(c))) for m, c in costs]
    if problem.ask == Ask.VALUE and problem.at is not None:
        at = {M: problem.at[0], B: problem.at[1]}
        return [WrongAnswer(m, say[m](**words), Answer(Shape.NUMBER, c.xreplace(at))) for m, c in costs]
    step = problem.step
    if step is None:
        return []
    m0, b0 = step.start
    alpha = step.rate
    found: list[tuple[str, tuple[Expr, Expr]]] = []
    for m, wrong in costs:
        slope = tuple(sympy.diff(wrong, v).xreplace({M: m0, B: b0}) for v in (M, B))
        found.append((m, (m0 - alpha * slope[0], b0 - alpha * slope[1])))
    slope = step.slope
    found += [
        ("cost-step-uphill", (m0 + alpha * slope[0], b0 + alpha * slope[1])),
        ("cost-step-gave-gradient", slope),
        ("cost-step-rate-left-out", (m0 - slope[0], b0 - slope[1])),
    ]
    rate = str(problem.show(alpha))
    return [WrongAnswer(m, say[m](rate=rate, **words), Answer(Shape.VECTOR, value), variables=(),
                        components=("m", "b")) for m, value in found]
