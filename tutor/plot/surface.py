"""The surface z = f(x, y), its tangent plane at a point, and the two slices through the point.

As the lesson draws x² + y² at (2, 4): fixing y = 4 leaves the curve
f(x, 4) = x² + 16 with slope ∂f/∂x = 4 at x = 2, fixing x = 2 leaves
f(2, y) = 4 + y² with slope ∂f/∂y = 8 at y = 4, and the tangent plane
contains both tangent lines.
"""

from __future__ import annotations

import math
from typing import Mapping, Sequence

from sympy import Expr

from ..calculus import TangentPlane, tangent_plane
from ..calculus.common import Number, SolveError
from ..show import show
from . import sample
from .labels import fixed, floats, function_with, point_text, point_values, signature
from .model import Curve, Figure, Grid, Marker, Panel

PLANE_SHARE = 0.4  # the tangent plane's patch reaches this share of the window's half-width


def surface_figure(f: str | Expr, variables: Sequence[str] | None = None,
                   at: str | Mapping[str, Number] | Sequence[Number] | None = None,
                   slices: bool = False, name: str = "f") -> Figure:
    f, names = function_with(f, variables, (2,), "a surface")
    title = signature(f, names, name)
    value = sample.evaluator(f, names)
    if at is None:
        if slices:
            raise SolveError("the slices go through a point: give it, like --tangent-at x=2,y=4")
        window = ((-3.0, 3.0), (-3.0, 3.0))
        surface = sample.grid(value, window, sample.SURFACE_GRID)
        height = sample.robust_range(surface.finite())
        panel = Panel("surface", f"z = {show(f, names)}", (*names, "z"), (*window, height),
                      field=sample.clipped(surface, height), levels=sample.levels(surface))
        return Figure(title, (panel,), "surface")

    point = point_values(at, names)
    plane = tangent_plane(f, names, dict(zip(names, point)))
    a, b = floats(point)
    c, = floats((plane.value,))
    slopes = floats(plane.partials)
    half = float(max(3, math.ceil(1.25 * max(abs(a), abs(b)))))
    window = ((-half, half), (-half, half))
    reach = PLANE_SHARE * half
    surface = sample.grid(value, window, sample.SURFACE_GRID)
    patch = _plane(c, (a, b), slopes, reach)
    height = sample.robust_range(surface.finite() + patch.finite())
    pieces = _slices(value, plane, window, reach, name) if slices else ()
    where = point_text(point)
    marker = Marker((a, b, c), point_text((*point, plane.value)), "point")
    main = Panel("surface", f"tangent plane at {where}: z = {show(plane.linearization, names)}",
                 (*names, "z"), (*window, height), field=sample.clipped(surface, height),
                 levels=sample.levels(surface), planes=(patch,),
                 curves=tuple(_clip3(c3, height) for piece in pieces for c3 in piece[0]), markers=(marker,))
    return Figure(title, (main, *(piece[1] for piece in pieces)), "surface")


def _plane(c: float, at: tuple[float, float], slopes: tuple[float, ...], reach: float) -> Grid:
    a, b = at
    xs, ys = (a - reach, a + reach), (b - reach, b + reach)
    return Grid(xs, ys, tuple(tuple(c + slopes[0] * (x - a) + slopes[1] * (y - b) for x in xs) for y in ys))


def _slices(value: sample.Function, plane: TangentPlane, window: sample.Window, reach: float,
            name: str) -> tuple[tuple[tuple[Curve, ...], Panel], ...]:
    """For each variable: the slice and its tangent line in 3-D, and a flat panel of the same."""
    f, names, point = plane.function, plane.variables, plane.point
    at = (*floats(point), *floats((plane.value,)))
    pieces = []
    for axis, varying in enumerate(names):
        held = names[1 - axis]
        role = "xy"[axis]

        def lift(t: float, z: float, axis: int = axis) -> tuple[float, float, float]:
            return (t, at[1], z) if axis == 0 else (at[0], t, z)

        ts = sample.steps(*window[axis], sample.CURVE)
        heights = [value(lift(t, 0.0)[:2]) for t in ts]
        ends = (at[axis] - reach, at[axis] + reach)
        slope = float(plane.partials[axis])
        tangent = [at[2] + slope * (t - at[axis]) for t in ends]
        arguments = ", ".join(varying if n == varying else show(p) for n, p in zip(names, point))
        slice_text = f"{name}({arguments}) = {show(fixed(f, names, varying, point), names)}"
        slice_label = f"fix {held} = {show(point[1 - axis])}: {slice_text}"
        tangent_label = f"tangent line, slope ∂{name}/∂{varying} = {show(plane.partials[axis])}"
        in_space = (Curve(tuple(lift(t, z) for t, z in zip(ts, heights)), slice_label, f"slice-{role}"),
                    Curve(tuple(lift(t, z) for t, z in zip(ends, tangent)), tangent_label, f"tangent-{role}"))
        flat = Panel("graph", slice_label, (varying, "z"), (window[axis], sample.robust_range(heights + tangent)),
                     curves=(Curve(tuple(zip(ts, heights)), slice_text, f"slice-{role}"),
                             Curve(tuple(zip(ends, tangent)), tangent_label, f"tangent-{role}")),
                     markers=(Marker((at[axis], at[2]), point_text((point[axis], plane.value)), "point"),))
        pieces.append((in_space, flat))
    return tuple(pieces)


def _clip3(curve: Curve, limits: tuple[float, float]) -> Curve:
    """A curve in space with the points above or below the box dropped (3-D axes don't clip lines)."""
    low, high = limits
    nan = math.nan
    points = tuple(p if low <= p[2] <= high else (p[0], p[1], nan) for p in curve.points)
    return Curve(points, curve.label, curve.role)
