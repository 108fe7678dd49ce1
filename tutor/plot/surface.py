"""The surface z = f(x, y), its tangent plane at a point, and the two slices through the point.

As the lesson draws x² + y² at (2, 4): fixing y = 4 leaves the curve
f(x, 4) = x² + 16 with slope ∂f/∂x = 4 at x = 2, fixing x = 2 leaves
f(2, y) = y² + 4 with slope ∂f/∂y = 8 at y = 4, and the tangent plane
contains both tangent lines.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from sympy import Expr

from ..calculus import TangentPlane, tangent_plane
from ..calculus.common import Number, SolveError
from ..show import show, terms_text
from . import sample
from .labels import equals, fixed, floats, function_with, point_text, point_values, signature
from .model import Curve, Figure, Grid, Marker, Panel

DEFAULT_WINDOW = ((-3.0, 3.0), (-3.0, 3.0))
PLANE_SHARE = 0.4  # the tangent plane's patch (and the tangent lines) reach this share of the half-width
NARROWER = 0.6  # a window is cut down to f's domain where that is narrower than this share of it


def surface_figure(f: str | Expr, variables: Sequence[str] | None = None,
                   at: str | Mapping[str, Number] | Sequence[Number] | None = None,
                   slices: bool = False, name: str = "f") -> Figure:
    """The surface; with a point, the tangent plane there; with `slices`, the slices through it."""
    f, names = function_with(f, variables, (2,), "a surface")
    title = signature(f, names, name)
    value = sample.evaluator(f, names)
    if at is None:
        if slices:
            raise SolveError("the slices go through a point: give it, like --tangent-at x=2,y=4")
        return Figure(title, (_surface(value, _in_domain(value, DEFAULT_WINDOW), names, f"z = {show(f, names)}"),),
                      "surface")
    point = point_values(at, names)
    plane = tangent_plane(f, names, dict(zip(names, point)))
    a, b, c = floats((*point, plane.value))
    # centred on the origin, where the lesson's bowl has its bottom, and reaching past the point
    half = float(max(3, math.ceil(1.25 * max(abs(a), abs(b)))))
    window = _in_domain(value, ((-half, half), (-half, half)), (a, b))
    reach = PLANE_SHARE * min(high - low for low, high in window) / 2
    patch = _patch(plane, reach)
    pieces = _slices(value, plane, window, reach, name) if slices else ()
    main = _surface(value, window, names, f"tangent plane at {point_text(point)}: z = "
                    f"{terms_text(plane.terms, names)}", planes=(patch,),
                    curves=tuple(curve for in_space, _ in pieces for curve in in_space),
                    markers=(Marker((a, b, c), point_text((*point, plane.value)), "point"),))
    return Figure(title, (main, *(flat for _, flat in pieces)), "surface")


def _in_domain(value: sample.Function, window: sample.Window, point: tuple[float, ...] = ()) -> sample.Window:
    """The window cut down, axis by axis, to where f has values (and the point), where that is much narrower:
    √(1 − x² − y²) lives on the unit disc, and drawn over −3..3 it was a speck with a jagged rim, its slices
    stopping short and its tangent plane a sliver (outside check h59, P1)."""
    field = sample.grid(value, window)
    defined = [(x, y) for y, row in zip(field.ys, field.values) for x, v in zip(field.xs, row) if math.isfinite(v)]
    if not defined:
        return window  # the surface says so
    cut = sample.window([*defined, *([point] if point else [])], pad=0.1)
    return tuple(mine if mine[1] - mine[0] < NARROWER * (whole[1] - whole[0]) else whole
                 for mine, whole in zip(cut, window))


def _surface(value: sample.Function, window: sample.Window, names: Sequence[str], title: str,
             planes: tuple[Grid, ...] = (), curves: tuple[Curve, ...] = (), markers: tuple[Marker, ...] = ()) -> Panel:
    """The surface panel; its height fits the surface and the planes, and what lies outside it is
    left out (3-D axes don't clip what is drawn)."""
    surface = sample.grid(value, window, sample.SURFACE_GRID)
    height = sample.robust_range(surface.finite() + [v for p in planes for v in p.finite()])
    return Panel("surface", title, (*names, "z"), (*window, height), field=sample.clipped(surface, height),
                 levels=sample.levels(surface), planes=planes, curves=tuple(_clip(c, height) for c in curves),
                 markers=markers)


def _patch(plane: TangentPlane, reach: float) -> Grid:
    """The tangent plane over a square about the point."""
    (a, b), (c,), slopes = floats(plane.point), floats((plane.value,)), floats(plane.partials)
    xs, ys = (a - reach, a + reach), (b - reach, b + reach)
    return Grid(xs, ys, tuple(tuple(c + slopes[0] * (x - a) + slopes[1] * (y - b) for x in xs) for y in ys))


def _slices(value: sample.Function, plane: TangentPlane, window: sample.Window, reach: float,
            name: str) -> tuple[tuple[tuple[Curve, ...], Panel], ...]:
    """For each variable: the slice and its tangent line in space, and a flat panel of the same."""
    f, names, point = plane.function, plane.variables, plane.point
    at = floats((*point, plane.value))
    pieces = []
    for axis, varying in enumerate(names):
        role = "xy"[axis]

        def lift(t: float, axis: int = axis) -> tuple[float, float]:
            """The point of the plane z = 0 above which the slice is at t."""
            return (t, at[1]) if axis == 0 else (at[0], t)

        ts = sample.steps(*window[axis], sample.CURVE)
        heights = [value(lift(t)) for t in ts]
        ends = (at[axis] - reach, at[axis] + reach)
        rises = [at[2] + float(plane.partials[axis]) * (t - at[axis]) for t in ends]
        arguments = ", ".join(n if n == varying else point_text((p,)) for n, p in zip(names, point))
        slice_text = f"{name}({arguments}) = {show(fixed(f, names, varying, point), names)}"
        slice_label = f"fix {names[1 - axis]} = {point_text((point[1 - axis],))}: {slice_text}"
        tangent_label = f"tangent line, slope ∂{name}/∂{varying}{equals(plane.partials[axis])}"
        in_space = (Curve(tuple((*lift(t), z) for t, z in zip(ts, heights)), slice_label, f"slice-{role}"),
                    Curve(tuple((*lift(t), z) for t, z in zip(ends, rises)), tangent_label, f"tangent-{role}"))
        flat = Panel("graph", slice_label, (varying, "z"), (window[axis], sample.robust_range(heights + rises)),
                     curves=(Curve(tuple(zip(ts, heights)), slice_text, f"slice-{role}"),
                             Curve(tuple(zip(ends, rises)), tangent_label, f"tangent-{role}")),
                     markers=(Marker((at[axis], at[2]), point_text((point[axis], plane.value)), "point"),))
        pieces.append((in_space, flat))
    return tuple(pieces)


def _clip(curve: Curve, limits: tuple[float, float]) -> Curve:
    """A curve in space without its points above or below the box."""
    low, high = limits
    points = tuple(p if low <= p[2] <= high else (p[0], p[1], math.nan) for p in curve.points)
    return Curve(points, curve.label, curve.role)
