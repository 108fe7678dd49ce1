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

from collections.abc import Iterable, Sequence
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
    sums = _Sums.of(data)
    collected = tuple(term for term in sums.terms() if term != 0)
    return LineCost(data, terms, collected, sums.gradient(sympy.Integer(1)))


@dataclass(frozen=True)
class _Sums:
    """The sums of the data that Σ(mxᵢ + b - yᵢ)², multiplied out, is made of."""

    n: Expr
    x: Expr
    y: Expr
    xx: Expr
    xy: Expr
    yy: Expr

    @classmethod
    def of(cls, data: Sequence[tuple[Expr, Expr]]) -> _Sums:
        def total(values: Iterable[Expr]) -> Expr:
            return sum(values, sympy.Integer(0))
        return cls(sympy.Integer(len(data)), total(x for x, _ in data), total(y for _, y in data),
                   total(x**2 for x, _ in data), total(x * y for x, y in data), total(y**2 for _, y in data))

    def terms(self) -> tuple[Expr, ...]:
        """Σ(mxᵢ + b - yᵢ)² term by term, in the lesson's order: Σx²·m², n·b², Σy², 2Σx·mb, -2Σxy·m, -2Σy·b."""
        return self.xx * M**2, self.n * B**2, self.yy, 2 * self.x * M * B, -2 * self.xy * M, -2 * self.y * B

    def cost(self, scale: Expr) -> Expr:
        """scale·Σ(mxᵢ + b - yᵢ)², multiplied out (the terms sympy.expand gives, without its work)."""
        return sympy.Add(*(scale * term for term in self.terms()))

    def gradient(self, scale: Expr) -> tuple[Expr, Expr]:
        """∂/∂m and ∂/∂b of scale·Σ(mxᵢ + b - yᵢ)², multiplied out."""
        return (sympy.Add(2 * scale * self.xx * M, 2 * scale * self.x * B, -2 * scale * self.xy),
                sympy.Add(2 * scale * self.x * M, 2 * scale * self.n * B, -2 * scale * self.y))


def _term(x: Expr, y: Expr) -> CostTerm:
    slots = _Sums.of(((x, y),)).terms()  # one point's (mx + b - y)², multiplied out
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
    sums = _Sums.of(data)
    scale = 1 / (2 * sums.n) if average else sympy.Integer(1)
    L, gradient = sums.cost(scale), sums.gradient(scale)
    m0, b0 = (exact(c) for c in start)
    at = {M: m0, B: b0}
    slope = tuple(g.xreplace(at) for g in gradient)
    after = (m0 - alpha * slope[0], b0 - alpha * slope[1])
    return MeanCostStep(data, L, gradient, (m0, b0), alpha, slope, after, L.xreplace(at),
                        L.xreplace({M: after[0], B: after[1]}), average)
