"""Contour maps of f(x, y): with its critical points marked by class and a region drawn,
with the gradient as arrows, or around one point being classified.

The sauna T = 85 − x²(x − 6)y²(y − 6)/90 in the room 0 ≤ x, y ≤ 5 shows the
minimum at (4, 4) inside, the saddle at (6, 6) outside, and the whole lines
x = 0 and y = 0 of critical points.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

from sympy import Expr

from ..calculus import CriticalPoint, CriticalSet, Nature, Region, classify, critical_points, gradient, region_of
from ..calculus.common import Number, SolveError
from ..show import show
from . import sample
from .labels import floats, function_with, point_text, point_values, signature
from .model import Arrow, Figure, Grid, Level, Marker, Panel

DEFAULT_WINDOW = ((-3.0, 3.0), (-3.0, 3.0))
AROUND = 2.0  # a window about a single point reaches at least this far from it
ARROWS = 7  # arrows along each side for a gradient field


def contour_panel(f: Expr, names: Sequence[str], window: sample.Window, title: str, **parts) -> Panel:
    """A contour map of f over the window; `parts` are the panel's markers, arrows and sets."""
    field = sample.field(f, names, window)
    if not field.finite():
        raise SolveError(f"f has no real value anywhere in the picture ({_describe(window, names)})")
    return Panel("contour", title, tuple(names), window, field=field, levels=sample.levels(field), **parts)


def contour_figure(f: str | Expr, variables: Sequence[str] | None = None, critical: bool = False,
                   region: str | Region | None = None, name: str = "f") -> Figure:
    """The contour map; with `critical`, the critical points by class and the lines of them;
    with a region, its boundary (and the critical points outside it said to be outside)."""
    f, names = function_with(f, variables, (2,), "a contour map")
    if isinstance(region, str):
        region = region_of(region, names)
    found = critical_points(f, names, region) if critical else None
    points = found.points if found else ()
    corners = [*((_box(region) or ()) if region else ()), *(floats(p.point) for p in points)]
    corners += _crossings(found.sets if found else (), names, corners)
    window = sample.window(corners, least=AROUND) if corners else DEFAULT_WINDOW
    # drawn as the zero line of one equation; a set that needs several (rare in the plane) is left out
    drawn = [s for s in (found.sets if found else ()) if not s.also]
    sets = [Level(sample.field(s.equation.lhs - s.equation.rhs, names, window),
                  f"{show(s.equation, names)}: a {s.kind} of critical points", "critical-set") for s in drawn]
    # the subtitle counts what it says is in the region; those outside are marked so in the legend
    title = _count(sum(p.inside is not False for p in points), [s for s in drawn if s.inside is not False]) \
        if found else "contour map"
    if found and found.note:
        title += " (some may be missing)"
    if region:
        sets.append(Level(_inside(region, window), f"region {region.show()}", "region", _outline(region)))
        title += f" in the region {region.show()}" if found else f", region {region.show()}"
    panel = contour_panel(f, names, window, title, markers=tuple(map(_critical_marker, points)), sets=tuple(sets))
    return Figure(signature(f, names, name), (panel,), "contour")


def gradient_figure(f: str | Expr, variables: Sequence[str] | None = None,
                    at: str | Mapping[str, Number] | Sequence[Number] | None = None, name: str = "f") -> Figure:
    """∇f at a point as one arrow, or as arrows over the map (longer where f is steeper)."""
    f, names = function_with(f, variables, (2,), "a gradient picture")
    components = gradient(f, names).components
    title = f"∇{name} = {show(components, names)} points uphill, across the contour lines"
    if at is not None:
        point = point_values(at, names)
        values = gradient(f, names, dict(zip(names, point))).values
        assert values is not None  # the point gives every variable
        start, vector = floats(point), floats(values)
        tip = tuple(s + v for s, v in zip(start, vector))
        arrow = Arrow(start, vector, f"∇{name}{point_text(point)} = {show(values)}")
        panel = contour_panel(f, names, sample.window([start, tip], least=AROUND), title, arrows=(arrow,),
                              markers=(Marker(start, point_text(point), "point"),))
        return Figure(signature(f, names, name), (panel,), "gradient")
    return Figure(signature(f, names, name),
                  (contour_panel(f, names, DEFAULT_WINDOW, title, arrows=_field_arrows(components, names)),),
                  "gradient")


def classify_figure(f: str | Expr, variables: Sequence[str] | None,
                    point: str | Mapping[str, Number] | Sequence[Number], name: str = "f") -> Figure:
    """The contour map around a critical point, the point marked by its class."""
    f, names = function_with(f, variables, (2,), "a contour map")
    point = point_values(point, names)
    result = classify(f, names, point)
    where = floats(point)
    title = f"{point_text(point)} is {_article(result.label)} ({result.reason})"
    panel = contour_panel(f, names, sample.window([where], least=AROUND), title,
                          markers=(Marker(where, f"{result.label} {point_text(point)}", str(result.label)),))
    return Figure(signature(f, names, name), (panel,), "classify")


# ---------------------------------------------------------------------- pieces


def _describe(window: sample.Window, names: Sequence[str]) -> str:
    return ", ".join(f"{low:g} ≤ {n} ≤ {high:g}" for (low, high), n in zip(window, names))


def _critical_marker(p: CriticalPoint) -> Marker:
    """The point marked as what it is: the test's verdict, or where the test can't decide, f's values' (|x| + |y|
    at (0, 0), a minimum as `solve critical` says, was marked inconclusive: outside check h42, F6)."""
    outside = " (outside the region)" if p.inside is False else ""
    role = p.nature if p.nature in (Nature.MINIMUM, Nature.MAXIMUM, Nature.SADDLE) else Nature.INCONCLUSIVE
    return Marker(floats(p.point), f"{p.nature} {point_text(p.point)}{outside}", str(role))


def _count(points: int, sets: Sequence[CriticalSet]) -> str:
    """2 critical points and 2 lines of them; 2 lines of critical points, where none lies apart (not "0 critical
    points and 2 lines of them", which read as a contradiction: outside check h42, F15)."""
    text = f"{points} critical point{'s' * (points != 1)}"
    if not sets:
        return text
    kind = sets[0].kind if len({s.kind for s in sets}) == 1 else "set"
    of_them = f"{len(sets)} {kind}{'s' * (len(sets) != 1)} of"
    return f"{of_them} critical points" if points == 0 else f"{text} and {of_them} them"


def _article(label: str) -> str:
    return {"minimum": "a minimum", "maximum": "a maximum", "saddle": "a saddle point"}.get(
        label, "inconclusive")


def _box(region: Region) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """The lower and upper corners of the box the region's simple bounds (0 ≤ x ≤ 5) make, if they make one."""
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    for lower, upper in _pairs(region):
        if _bound(lower, upper):
            high[lower.name] = min(high.get(lower.name, math.inf), float(upper))
        elif _bound(upper, lower):
            low[upper.name] = max(low.get(upper.name, -math.inf), float(lower))
    names = region.variables
    if not all(n in low and n in high for n in names):
        return None
    return tuple(low[n] for n in names), tuple(high[n] for n in names)


def _outline(region: Region) -> tuple[tuple[float, float], ...]:
    """The rectangle of a region made only of simple bounds, drawn exactly (a grid rounds its corners)."""
    box = _box(region)
    if box is None or not all(_bound(a, b) or _bound(b, a) for a, b in _pairs(region)):
        return ()
    (x0, y0), (x1, y1) = box
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))


def _crossings(sets: Sequence[CriticalSet], names: Sequence[str],
               corners: Sequence[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """Points on the lines x = c of critical points, so that the window shows them too."""
    found = []
    for s in sets:
        if s.equation.lhs.is_Symbol and not s.equation.rhs.free_symbols and s.equation.lhs.name in names:
            axis = names.index(s.equation.lhs.name)
            for corner in corners or [(0.0, 0.0)]:
                found.append(tuple(float(s.equation.rhs) if i == axis else c for i, c in enumerate(corner)))
    return found


def _bound(variable: Expr, value: Expr) -> bool:
    return variable.is_Symbol and not value.free_symbols


def _pairs(region: Region) -> Iterator[tuple[Expr, Expr]]:
    """Each condition as (smaller, larger): x ≥ 0 is (0, x)."""
    for c in region.conditions:
        yield (c.lhs, c.rhs) if c.op in ("≤", "<") else (c.rhs, c.lhs)


def _inside(region: Region, window: sample.Window) -> Grid:
    """How far inside the region each point is: the least of larger − smaller over the conditions."""
    margins = [sample.evaluator(upper - lower, region.variables) for lower, upper in _pairs(region)]

    def margin(point: Sequence[float]) -> float:
        values = [m(point) for m in margins]
        return math.nan if any(map(math.isnan, values)) else min(values)
    return sample.grid(margin, window)


def _field_arrows(components: Sequence[Expr], names: Sequence[str]) -> tuple[Arrow, ...]:
    """∇f on a coarse grid, scaled together so that the longest arrow spans most of a cell."""
    slopes = [sample.evaluator(c, names) for c in components]
    (x0, x1), (y0, y1) = DEFAULT_WINDOW
    cell = (x1 - x0) / ARROWS
    starts = [(x0 + cell * (i + 0.5), y0 + cell * (j + 0.5)) for j in range(ARROWS) for i in range(ARROWS)]
    vectors = [(slopes[0](p), slopes[1](p)) for p in starts]
    longest = max((math.hypot(*v) for v in vectors if all(map(math.isfinite, v))), default=0.0)
    scale = 0.9 * cell / longest if longest > 0 else 0.0
    return tuple(Arrow(p, (v[0] * scale, v[1] * scale)) for p, v in zip(starts, vectors)
                 if all(map(math.isfinite, v)))
