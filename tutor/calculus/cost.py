"""The cost of a line y = mx + b on data, built the way the lesson builds it.

For the power lines (1, 2), (2, 5), (3, 3) each point's error is mx + b - y, and
its square is multiplied out term by term: (m + b - 2)² = m² + b² + 4 + 2mb - 4m - 4b
(the squares of the three terms, then twice each product). Summed slot by slot,
E(m, b) = 14m² + 3b² + 38 + 12mb - 42m - 20b. Everything is exact: data given as
decimals (the TV budgets 230.1, 44.5, ...) are read as the decimals written.

With many observations the lesson averages instead: L(m, b) = 1/(2n)·Σ(mxᵢ + b - yᵢ)²,
and one descent step moves (m, b) to (m, b) - α∇L(m, b).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..parse import symbol
from .common import Number, SolveError, exact

M, B = symbol("m"), symbol("b")


@dataclass(frozen=True)
class CostTerm:
    """One point's squared error, (mx + b - y)², multiplied out in the lesson's order."""

    point: tuple[Expr, Expr]
    residual: Expr  # mx + b - y: m + b - 2 for (1, 2)
    terms: tuple[Expr, ...]  # m²x², b², y², 2x·mb, -2xy·m, -2y·b, leaving out those that are 0

    @property
    def square(self) -> Expr:
        return sympy.Add(*self.terms)


@dataclass(frozen=True)
class LineCost:
    """E(m, b) = Σ(mxᵢ + b - yᵢ)² for the points, term by term as the lesson writes it."""

    points: tuple[tuple[Expr, Expr], ...]
    terms: tuple[CostTerm, ...]
    collected: tuple[Expr, ...]  # E's terms in the same order: 14m², 3b², 38, 12mb, -42m, -20b
    gradient: tuple[Expr, Expr]  # ∂E/∂m, ∂E/∂b: 28m + 12b - 42, 12m + 6b - 20

    @property
    def function(self) -> Expr:
        return sympy.Add(*self.collected)

    def at(self, m: Number, b: Number) -> Expr:
        """E at (m, b), exactly: E(1/2, 7/3) = 25/6 ≈ 4.167."""
        return self.function.xreplace({M: exact(m), B: exact(b)})


def line_cost(points: Sequence[Sequence[Number]]) -> LineCost:
    data = _points(points)
    terms = tuple(_term(x, y) for x, y in data)
    slots = [sum((x**2 for x, _ in data), sympy.Integer(0)) * M**2, len(data) * B**2,
             sum((y**2 for _, y in data), sympy.Integer(0)),
             2 * sum((x for x, _ in data), sympy.Integer(0)) * M * B,
             -2 * sum((x * y for x, y in data), sympy.Integer(0)) * M,
             -2 * sum((y for _, y in data), sympy.Integer(0)) * B]
    collected = tuple(term for term in slots if term != 0)
    E = sympy.Add(*collected)
    gradient = (sympy.expand(sympy.diff(E, M)), sympy.expand(sympy.diff(E, B)))
    return LineCost(data, terms, collected, gradient)


def _term(x: Expr, y: Expr) -> CostTerm:
    slots = (x**2 * M**2, B**2, y**2, 2 * x * M * B, -2 * x * y * M, -2 * y * B)
    return CostTerm((x, y), x * M + B - y, tuple(term for term in slots if term != 0))


def _points(points: Sequence[Sequence[Number]]) -> tuple[tuple[Expr, Expr], ...]:
    data = []
    for point in points:
        if len(point) != 2:
            raise SolveError("each point needs two coordinates, like (1, 2)")
        x, y = (exact(c) for c in point)
        if not (x.is_Rational and y.is_Rational):
            raise SolveError("the data must be numbers, like 2, 0.5 or 1/3")
        data.append((x, y))
    if not data:
        raise SolveError("there are no data points")
    return tuple(data)


@dataclass(frozen=True)
class MeanCostStep:
    """L(m, b) = 1/(2n)·Σ(mxᵢ + b - yᵢ)² and one descent step on it, exactly (or, when not
    `average`, the same on the sum E(m, b) = Σ(mxᵢ + b - yᵢ)², as for the power lines)."""

    points: tuple[tuple[Expr, Expr], ...]
    cost: Expr  # L(m, b), multiplied out
    gradient: tuple[Expr, Expr]  # ∂L/∂m = (1/n)Σ(mxᵢ + b - yᵢ)xᵢ, ∂L/∂b = (1/n)Σ(mxᵢ + b - yᵢ)
    start: tuple[Expr, Expr]
    rate: Expr
    slope: tuple[Expr, Expr]  # ∇L at the start
    after: tuple[Expr, Expr]  # (m₁, b₁) = (m₀, b₀) - α∇L(m₀, b₀)
    cost_before: Expr
    cost_after: Expr
    average: bool = True

    @property
    def n(self) -> int:
        return len(self.points)


def mean_cost_step(points: Sequence[Sequence[Number]], start: Sequence[Number], rate: Number,
                   average: bool = True) -> MeanCostStep:
    data = _points(points)
    if len(start) != 2:
        raise SolveError("the start needs a slope m and an intercept b, like 0, 0")
    alpha = exact(rate)
    if not (alpha.is_Rational and alpha > 0):
        raise SolveError("the learning rate must be a positive number, like 0.01")
    n = len(data)
    L = sympy.expand(sympy.Add(*((M * x + B - y) ** 2 for x, y in data)) / (2 * n if average else 1))
    gradient = (sympy.expand(sympy.diff(L, M)), sympy.expand(sympy.diff(L, B)))
    m0, b0 = (exact(c) for c in start)
    at = {M: m0, B: b0}
    slope = tuple(g.xreplace(at) for g in gradient)
    after = (m0 - alpha * slope[0], b0 - alpha * slope[1])
    return MeanCostStep(data, L, gradient, (m0, b0), alpha, slope, after, L.xreplace(at),
                        L.xreplace({M: after[0], B: after[1]}), average)
