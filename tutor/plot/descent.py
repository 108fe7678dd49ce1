"""Gradient descent drawn: for one variable the curve with the iterates on it, for two the
contour map with the path; the iterates numbered as in the lesson's tables."""

from __future__ import annotations

import math
from typing import Sequence

from sympy import Expr

from ..calculus import descend, fit_line, points_from_text
from ..calculus.common import Number, SolveError, exact
from ..show import show_float
from . import sample
from .contour import contour_panel
from .curve import graph_panel
from .labels import floats_text, function_with, point_values, signature
from .model import Curve, Figure, Marker

GAP = 0.08  # numbered iterates are at least this share of the path's extent apart


def descent_figure(f: str | Expr | None, start: str | Sequence[Number] | Number, rate: Number,
                   iterations: int | None = None, tolerance: float | None = None,
                   max_iterations: int = 10_000, variables: Sequence[str] | None = None,
                   points: str | None = None, name: str = "f") -> Figure:
    """The descent's path; with `points` instead of f, descent on their least-squares cost E(m, b)."""
    if (f is None) == (points is None):
        raise SolveError("give a function, or --points for the least-squares cost E(m, b)")
    if points is not None:
        f, variables, name = fit_line(points_from_text(points)).cost_function, ("m", "b"), "E"
    f, names = function_with(f, variables, (1, 2), "a picture of gradient descent")
    begin = point_values(start, names)
    result = descend(f, names, begin, exact(rate), iterations, tolerance, max_iterations)
    if result.diverged_at is not None:
        raise SolveError(f"{result.note}: diverged at iteration {result.diverged_at}; try a smaller learning rate")
    last = result.rows[-1]
    ending = "converged" if result.converged else "stopped"
    title = (f"gradient descent from {floats_text(result.rows[0].point)} with α = {show_float(result.rate)}\n"
             f"{ending} after {last.k} iteration{'s' * (last.k != 1)} at {floats_text(last.point)}, "
             f"{name} = {show_float(last.value)}")
    if len(names) == 1:
        path = tuple((row.point[0], row.value) for row in result.rows)
        window = sample.window([(x,) for x, _ in path])[0]
        panel = graph_panel(f, names, window, title, signature(f, names, name), markers=_iterates(path))
    else:
        path = tuple(row.point for row in result.rows)
        panel = contour_panel(f, names, sample.window(path), title, curves=(Curve(path, "path", "path"),),
                              markers=_iterates(path))
    return Figure(signature(f, names, name), (panel,), "descent")


def _iterates(path: Sequence[tuple[float, ...]]) -> tuple[Marker, ...]:
    numbered = _numbered(path)
    return tuple(Marker(p, str(k) if k in numbered else "", "iterate") for k, p in enumerate(path))


def _numbered(path: Sequence[tuple[float, ...]]) -> frozenset[int]:
    """Which iterates get their number: the start, the last, and between them each one far enough
    from the last numbered one (a share GAP of the path's extent) that the numbers don't overlap."""
    spans = [max(max(axis) - min(axis), 1e-300) for axis in zip(*path)]

    def apart(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        return math.hypot(*((p - q) / s for p, q, s in zip(a, b, spans)))

    numbered = [0]
    for k in range(1, len(path)):
        if apart(path[k], path[numbered[-1]]) >= GAP:
            numbered.append(k)
    last = len(path) - 1
    if numbered[-1] != last:
        if len(numbered) > 1 and apart(path[last], path[numbered[-1]]) < GAP:
            numbered.pop()  # the last one's number matters more than its neighbour's
        numbered.append(last)
    return frozenset(numbered)
