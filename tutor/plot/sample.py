"""Sampling functions for pictures: values on grids and along lines, windows, contour levels.

Values come from tutor.evaluate (real semantics, no lambdify), computed in
floats, and a point where f has no real value becomes NaN, which the renderers
leave blank. Grids are modest (60 × 60 by default) so a picture takes a
fraction of a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from sympy import Expr

from ..calculus.common import SolveError, symbols
from ..evaluate import Undefined, Unsupported, compile_expression
from .model import Grid, Point

GRID = 60  # crossings along each axis of a contour map
SURFACE_GRID = 40  # a 3-D surface needs fewer: its facets are drawn one by one
CURVE = 240  # samples along a curve
LEVELS = 20  # about this many contour levels

Function = Callable[[Sequence[float]], float]
Window = tuple[tuple[float, float], ...]


def evaluator(f: Expr, variables: Sequence[str]) -> Function:
    """f as a function of a point of floats, NaN where f has no real value there."""
    try:
        compiled = compile_expression(f, symbols(variables))
    except Unsupported as error:
        raise SolveError(f"can't draw this function: {error}") from None

    def value(point: Sequence[float]) -> float:
        try:
            return compiled.approximate(point)
        except Undefined:
            return math.nan
    return value


def steps(low: float, high: float, count: int) -> tuple[float, ...]:
    return tuple(low + (high - low) * i / (count - 1) for i in range(count))


def grid(f: Function, window: Window, count: int = GRID) -> Grid:
    xs, ys = steps(*window[0], count), steps(*window[1], count)
    return Grid(xs, ys, tuple(tuple(f((x, y)) for x in xs) for y in ys))


def field(f: Expr, variables: Sequence[str], window: Window, count: int = GRID) -> Grid:
    """The values of an expression over the window."""
    return grid(evaluator(f, variables), window, count)


def curve(f: Function, low: float, high: float, count: int = CURVE) -> tuple[Point, ...]:
    return tuple((x, f((x,))) for x in steps(low, high, count))


def window(points: Iterable[Sequence[float]], pad: float = 0.15, least: float = 1.0) -> Window:
    """Axis ranges that hold every point, with a margin of `pad` of the span (at least `least`)."""
    points = [p for p in points if all(math.isfinite(c) for c in p)]
    if not points:
        raise SolveError("there is nothing finite to draw")
    ranges = []
    for axis in zip(*points):
        low, high = min(axis), max(axis)
        # at least a millionth of the size too: 1 either side of 1e20 is 1e20 in floats, a window of no width
        # (outside check h43, N1)
        margin = max((high - low) * pad, least if high == low else 0.0, 1e-9, 1e-6 * max(abs(low), abs(high)))
        low, high = low - margin, high + margin
        step = nice_step((high - low) / 20)  # round numbers at the ends: -0.25, not -0.02498
        ranges.append((_round(math.floor(low / step) * step), _round(math.ceil(high / step) * step)))
    return tuple(ranges)


def robust_range(values: Sequence[float]) -> tuple[float, float]:
    """The values' range, trimmed of far outliers (1/x near 0) so the rest stays visible.

    The range reaches past the 2nd and 98th percentiles by at most their distance again.
    """
    finite = sorted(v for v in values if math.isfinite(v))
    if not finite:
        raise SolveError("the function has no real value anywhere in the picture")
    low, high = _quantile(finite, 0.02), _quantile(finite, 0.98)
    spread = high - low
    low, high = max(finite[0], low - spread), min(finite[-1], high + spread)
    if high - low < 1e-12:
        low, high = low - 1, high + 1
    return low, high


def clipped(values: Grid, limits: tuple[float, float]) -> Grid:
    """The grid with values outside the limits set to NaN (a 3-D surface is not clipped by its axes)."""
    low, high = limits
    inside = tuple(tuple(v if low <= v <= high else math.nan for v in row) for row in values.values)
    return Grid(values.xs, values.ys, inside)


def levels(values: Grid, count: int = LEVELS) -> tuple[float, ...]:
    """About `count` evenly spaced levels at round numbers (74, 76, 78 ...) across the values'
    range, far outliers trimmed so that a pole doesn't squeeze every level into one corner."""
    finite = values.finite()
    if not finite:
        return ()
    low, high = robust_range(finite)
    step = nice_step((high - low) / count)
    first = math.floor(low / step) + 1
    return tuple(_round(k * step) for k in range(first, math.ceil(high / step)))


def nice_step(raw: float) -> float:
    """The least of 1, 2, 2.5, 5 times a power of ten that is at least `raw`."""
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))


def _quantile(ordered: Sequence[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    below = int(math.floor(position))
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _round(value: float) -> float:
    """Without the float's tail: 0.3, not 0.30000000000000004."""
    return float(f"{value:.12g}")
