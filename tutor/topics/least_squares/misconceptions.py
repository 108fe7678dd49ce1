"""Misconceptions about the least-squares line y = mx + b.

Each gives the (m, b) a student with that mistake would get: m and b swapped,
the normal equations with the factor 2 kept in some terms and lost in others,
the mean of the slopes between the points instead of the fit. A student may
answer with m and b or with the line's equation, so each comes in both forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sympy import Expr

from ...calculus import NormalEquations
from ...misconceptions import Misconception, WrongAnswer, register
from ...parse import Answer, Equation, Shape, symbol
from .exercise import LeastSquares

MISCONCEPTIONS = register(
    Misconception(
        "slope-intercept-swapped", "m and b swapped",
        "It looks like you swapped m and b: m is the slope (the coefficient of x) and b the intercept."),
    Misconception(
        "cost-derivative-factor-2", "the factor 2 of the cost's derivatives not carried consistently",
        "It looks like the factor 2 went missing from some terms of ∂E/∂m and ∂E/∂b but not from others. "
        "Every term carries it (the derivative of m² is 2m, and (mx + b − y)² has the cross term 2·mx·b): "
        "keep it in all of them, or divide all of them by it."),
    Misconception(
        "mean-of-slopes", "averaged the slopes between the points",
        "It looks like you averaged the slopes between the points. The least-squares line is the one that "
        "makes E(m, b), the sum of the squared errors, smallest: solve ∂E/∂m = 0 and ∂E/∂b = 0."),
)


def _solve(a: Sequence[Sequence[Expr]], c: Sequence[Expr]) -> tuple[Expr, Expr] | None:
    """The 2×2 system a·(m, b) = c by Cramer's rule; None when it has no unique solution."""
    det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
    if det == 0:
        return None
    return ((c[0] * a[1][1] - a[0][1] * c[1]) / det, (a[0][0] * c[1] - c[0] * a[1][0]) / det)


def _factor_two(system: NormalEquations) -> Iterator[tuple[Expr, Expr] | None]:
    """Normal equations with the 2 kept in some terms only; E = Sxx·m² + 2Sx·mb + n·b² − 2Sxy·m − 2Sy·b + Syy."""
    (sxx, sx), (_, n) = system.matrix
    sxy, sy = system.rhs
    # m² and b² differentiated to m and b, the other terms with their 2
    yield _solve([[sxx, 2 * sx], [2 * sx, n]], [2 * sxy, 2 * sy])
    # the square of the error expanded without the doubled cross terms, then differentiated correctly
    yield _solve([[2 * sxx, sx], [sx, 2 * n]], [sxy, sy])


def _mean_slopes(points: Sequence[tuple[Expr, Expr]]) -> Iterator[tuple[Expr, Expr]]:
    ordered = sorted(points, key=lambda p: float(p[0]))
    pairs = list(zip(ordered, ordered[1:]))
    consecutive = [(q[1] - p[1]) / (q[0] - p[0]) for p, q in pairs if q[0] != p[0]]
    every = [(q[1] - p[1]) / (q[0] - p[0]) for i, p in enumerate(ordered) for q in ordered[i + 1:] if q[0] != p[0]]
    n = len(points)
    mean_x = sum(p[0] for p in points) / n
    mean_y = sum(p[1] for p in points) / n
    for slopes in (consecutive, every):
        if not slopes:
            continue
        m = sum(slopes) / len(slopes)
        yield m, mean_y - m * mean_x  # through the centre of the points
        yield m, ordered[0][1] - m * ordered[0][0]  # through the first point


def candidates(problem: LeastSquares) -> list[WrongAnswer]:
    fit = problem.solution
    say = {m: MISCONCEPTIONS[m].say() for m in MISCONCEPTIONS}
    found: list[tuple[str, tuple[Expr, Expr] | None]] = [("slope-intercept-swapped", (fit.intercept, fit.slope))]
    found += [("cost-derivative-factor-2", mb) for mb in _factor_two(fit.system)]
    found += [("mean-of-slopes", mb) for mb in _mean_slopes(problem.points)]
    candidates = []
    for misconception, mb in found:
        if mb is None:
            continue
        m, b = mb
        candidates.append(WrongAnswer(misconception, say[misconception], Answer(Shape.VECTOR, (m, b)),
                                      variables=(), components=("m", "b")))
        candidates.append(WrongAnswer(misconception, say[misconception],
                                      Answer(Shape.EQUATION, Equation(symbol("y"), m * symbol("x") + b)),
                                      variables=("x", "y")))
    return candidates
