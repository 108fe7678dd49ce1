"""The least-squares line through data: the points, the line, each residual as a segment,
and the cost (the sum of the squared residuals) in the title, all exact.

The lesson's power lines (1, 2), (2, 5), (3, 3) give y = x/2 + 7/3 at cost 25/6.
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Expr

from ..calculus import fit_line, line_cost, points_from_csv, points_from_text
from ..calculus.common import Number, SolveError, exact
from ..parse import Equation, symbol
from ..show import show, show_float
from . import sample
from .labels import equals, exact_text, floats, point_text
from .model import Curve, Figure, Marker, Panel, Segment

NAMED = 10  # data points up to this many are labelled with their coordinates
SHORT = 7  # a residual's exact value longer than this is labelled with three digits


def fit_figure(points: str | Sequence[Sequence[Number]] | None = None, csv: str | None = None,
               x_column: str | None = None, y_column: str | None = None) -> Figure:
    """Points as text (`(1,2), (2,5), (3,3)`) or pairs, or the columns of a CSV file."""
    data, labels = _data(points, csv, x_column, y_column)
    fit = fit_line(data)
    return _line_figure(data, labels, fit.slope, fit.intercept, fit.cost, "least squares", "fit")


def line_figure(points: Sequence[Sequence[Number]], slope: Number, intercept: Number) -> Figure:
    """The line y = mx + b with the given m and b through the points, its errors as segments, and its
    cost E(m, b) (the power lines at m = 1/2, b = 7/3: E = 25/6)."""
    data, labels = _data(points, None, None, None)
    m, b = exact(slope), exact(intercept)
    return _line_figure(data, labels, m, b, line_cost(data).at(m, b), "the line", "line")


def _line_figure(data: Sequence[Sequence[Number]], labels: tuple[str, str], slope: Expr, intercept: Expr,
                 cost: Expr, what: str, name: str) -> Figure:
    m, b = floats((slope, intercept))
    named = len(data) <= NAMED  # few enough to write each point's coordinates and residual
    markers, residuals = [], []
    for point in data:
        at = floats(point)
        on_line = (at[0], m * at[0] + b)
        x, y = (exact(c) for c in point) if named else (None, None)
        markers.append(Marker(at, point_text((x, y)) if named else "", "data"))
        residuals.append(Segment(at, on_line, _signed(y - slope * x - intercept) if named else ""))
    width, height = sample.window([*(marker.point for marker in markers), *(s.end for s in residuals)])
    line = Curve(tuple((x, m * x + b) for x in width), _equation(slope, intercept), "fit")
    title = f"{what}: {line.label}, cost E{equals(cost)}"
    panel = Panel("graph", f"{len(data)} points, the residuals as segments: E is the sum of their squares",
                  labels, (width, height), curves=(line,), markers=tuple(markers), segments=tuple(residuals))
    return Figure(title, (panel,), name)


def _signed(value: Expr) -> str:
    """A residual y − ŷ with its sign, short: +5/3, -5/6, +0.0391."""
    text = show(value, decimals=True)
    if len(text) > SHORT:
        return f"{float(value):+.3g}"
    return text if text.startswith("-") else f"+{text}"


def _equation(slope: Expr, intercept: Expr) -> str:
    """y = x/2 + 7/3 exactly, or y ≈ 0.0611864x + 7.98207 when the exact numbers are long."""
    if any(exact_text(v).startswith("≈") for v in (slope, intercept)):
        m, b = float(slope), float(intercept)
        return f"y ≈ {show_float(m)}x {'-' if b < 0 else '+'} {show_float(abs(b))}"
    return show(Equation(symbol("y"), slope * symbol("x") + intercept), ["x"])


def _data(points: str | Sequence[Sequence[Number]] | None, csv: str | None, x_column: str | None,
          y_column: str | None) -> tuple[tuple[tuple, ...], tuple[str, str]]:
    if (points is None) == (csv is None):
        raise SolveError("give the data either with --points or with --csv FILE --x COLUMN --y COLUMN")
    if csv is not None:
        if not x_column or not y_column:
            raise SolveError("with --csv, name the columns: --x COLUMN and --y COLUMN")
        return points_from_csv(csv, x_column, y_column), (x_column, y_column)
    data = points_from_text(points) if isinstance(points, str) else tuple(tuple(p) for p in points or ())
    if any(len(p) != 2 for p in data):
        raise SolveError("each point needs an x and a y, like (1, 2)")
    return data, ("x", "y")
