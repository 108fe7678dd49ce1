"""Pictures of a function of one variable: the curve with its tangent line at a point, with its
derivative, or with its minimum marked (eˣ − ln x has its minimum at x = W(1) ≈ 0.5671)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sympy import Expr

from ..calculus import FixedVariable, classify, critical_points, minimize, partial
from ..calculus.common import Number, SolveError
from ..calculus.partials import value_at
from ..show import show, show_float
from . import sample
from .labels import equals, exact_text, floats, function_with, point_text, point_values, signature
from .model import Curve, Figure, Marker, Panel

DEFAULT_WINDOW = (-3.0, 3.0)
AROUND = 2.0  # a window about one point reaches at least this far from it


def graph_panel(f: Expr, names: Sequence[str], window: tuple[float, float], title: str, label: str, height: str,
                others: Sequence[Curve] = (), lines: Sequence[Curve] = (),
                markers: Sequence[Marker] = ()) -> Panel:
    """The curve of f(x) with further curves and markers, its value axis labelled `height` (f(x); h(y) for a
    function of y, whose axes would both say y as y = f(x)). The height fits f, the `others` and the markers;
    `lines` (tangent lines) are cut off at the edges. The width shrinks to where f is defined."""
    points = sample.curve(sample.evaluator(f, names), *window)
    defined = [x for x, y in points if math.isfinite(y)]
    if not defined:
        raise SolveError(f"{label} has no real value for {window[0]:g} ≤ {names[0]} ≤ {window[1]:g}")
    step = (window[1] - window[0]) / (len(points) - 1)
    width = (max(window[0], defined[0] - step), min(window[1], defined[-1] + step))
    curve = Curve(points, label, "function")
    heights = [p[1] for c in (curve, *others) for p in c.points if width[0] <= p[0] <= width[1]]
    heights += [m.point[1] for m in markers]
    return Panel("graph", title, (names[0], height), (width, sample.robust_range(heights)),
                 curves=(curve, *others, *lines), markers=tuple(markers))


def curve_figure(f: str | Expr, variables: Sequence[str] | None = None, at: Number | str | None = None,
                 name: str = "f") -> Figure:
    """f with its tangent line at `at`; without a point, f and its derivative f′ together."""
    f, names = function_with(f, variables, (1,), "a curve")
    x = names[0]
    title = signature(f, names, name)
    if at is None:
        slope = partial(f, x).derivative
        window = DEFAULT_WINDOW
        derivative = Curve(sample.curve(sample.evaluator(slope, names), *window),
                           f"{name}′({x}) = {show(slope, names)}", "derivative")
        panel = graph_panel(f, names, window, f"{name} and its derivative {name}′", title, f"{name}({x})",
                            others=(derivative,))
        return Figure(title, (panel,), "curve")
    (a,) = point_values(at, names)
    height = value_at(f, names, (a,))
    slope = partial(f, x, {x: a}).value
    where, value, rise = floats((a, height, slope))
    window = sample.window([(where,)], least=AROUND)[0]
    tangent = Curve(tuple((t, value + rise * (t - where)) for t in window),
                    f"tangent line, slope {name}′({point_text((a,))}){equals(slope)}", "tangent")
    marker = Marker((where, value), f"({point_text((a,))}, {exact_text(height)})", "point")
    panel = graph_panel(f, names, window, f"the tangent line at {x} = {point_text((a,))}", title, f"{name}({x})",
                        lines=(tangent,), markers=(marker,))
    return Figure(title, (panel,), "curve")


def minimum_figure(f: str | Expr, variables: Sequence[str] | None = None, name: str = "f") -> Figure:
    """f with its minimum marked, found exactly where sympy can (else numerically)."""
    f, names = function_with(f, variables, (1,), "a curve")
    result = minimize(f, names[0])
    where = result.approx
    (value,) = floats((result.value,))
    text = equals(result.point) if result.exact else f" ≈ {show_float(result.approx)}"
    marker = Marker((where, value), f"minimum {names[0]}{text}", "minimum")
    window = sample.window([(where,)], least=max(AROUND, abs(where)))[0]
    title = signature(f, names, name)
    panel = graph_panel(f, names, window, f"the minimum, where {name}′({names[0]}) = 0", title, f"{name}({names[0]})",
                        markers=(marker,))
    return Figure(title, (panel,), "minimum")


def critical_curve_figure(f: str | Expr, variables: Sequence[str] | None = None,
                          only: Number | str | None = None, name: str = "f") -> Figure:
    """f with the points where f′ = 0 marked by class (or only the one point `only`)."""
    f, names = function_with(f, variables, (1,), "a curve")
    if only is not None:
        (point,) = point_values(only, names)
        found = [(point, str(classify(f, names, (point,)).label))]
    else:
        found = [(p.point[0], str(p.classification.label)) for p in critical_points(f, names).points]
    markers = []
    for point, label in found:
        (where,) = floats((point,))
        markers.append(Marker((where, float(value_at(f, names, (point,)))),
                              f"{label} {names[0]} = {point_text((point,))}", label))
    window = sample.window([m.point[:1] for m in markers], least=AROUND)[0] if markers else DEFAULT_WINDOW
    count = len(markers)
    title = f"{count} critical point{'s' * (count != 1)}, where {name}′({names[0]}) = 0"
    panel = graph_panel(f, names, window, title, signature(f, names, name), f"{name}({names[0]})", markers=markers)
    return Figure(signature(f, names, name), (panel,), "critical")


def slice_figure(fixed: FixedVariable, call: str, name: str = "f") -> Figure:
    """A slice of f with one variable left, f(x, 4), as a curve, with its derivative d/dx f(x, 4):
    the slope of the tangent line to the slice at each x, which is ∂f/∂x there."""
    if fixed.derivative is None:
        raise SolveError("a slice is drawn as a curve when one variable is left free")
    names = fixed.remaining
    x = names[0]
    slope = Curve(sample.curve(sample.evaluator(fixed.derivative, names), *DEFAULT_WINDOW),
                  f"d/d{x} {call} = {show(fixed.derivative, names)}", "derivative")
    held = ", ".join(f"{n} = {show(v)}" for n, v in fixed.fixed.items())
    panel = graph_panel(fixed.slice, names, DEFAULT_WINDOW, f"the slice {held}, and its slope",
                        f"{call} = {show(fixed.slice, names)}", call, others=(slope,))
    return Figure(f"{signature(fixed.function, fixed.variables, name)}, with {held}", (panel,), "slice")
