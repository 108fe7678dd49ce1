"""Gradient descent drawn: for one variable the curve with the iterates on it, for two the
contour map with the path; the iterates numbered as in the lesson's tables."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import sympy
from sympy import Expr

from ..calculus import Behaviour, Descent, DescentRow, LearningRates, descend, fit_line, points_from_text
from ..calculus.common import Number, SolveError, exact
from ..calculus.descent import Nearest, nearest_critical
from ..show import show, show_float
from ..steps.render import PLURAL_VERDICTS, VERDICTS
from . import sample
from .contour import contour_panel
from .curve import graph_panel
from .labels import floats_text, function_with, point_values, signature
from .model import Curve, Figure, Marker, Panel

GAP = 0.08  # numbered iterates are at least this share of the path's extent apart
REACH = 100  # a diverging path is drawn while it stays within this many times the start's distance from 0


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
    result = descend(f, names, begin, rate, iterations, tolerance, max_iterations)
    nearest = nearest_critical(result) if result.converged else None
    return Figure(signature(f, names, name), (_panel(f, names, result, name, nearest=nearest),), "descent")


def rates_figure(result: LearningRates, name: str = "f") -> Figure:
    """The same descent with each learning rate: one panel per rate, titled with what it did."""
    f, names = result.function, result.variables
    function_with(f, names, (1, 2), "a picture of gradient descent")
    panels = tuple(_panel(f, names, trial.descent, name, f"α = {trial.descent.rate_text}: {trial.word}",
                          trial.behaviour == Behaviour.DIVERGES, trial.nearest) for trial in result.trials)
    return Figure(signature(f, names, name), panels, "rates")


def descent_question(f: str | Expr, start: Sequence[Number] | Number, variables: Sequence[str] | None = None,
                     name: str = "f", rates: Sequence[Number] = (),
                     around: Sequence[Sequence[Number]] = ()) -> Figure:
    """A descent exercise's question drawn: f around the start, the start marked; with `rates`, one panel
    per rate, titled with the rate alone. The frame is the start's neighbourhood (and `around`: points the
    question names alike, as f's local minima where it asks which one descent ends at), the same for every
    panel, never the iterates': their extent is the answer (a diverging rate's path spans -45 … 50, a too
    slow one's 0.95 … 1.01)."""
    f, names = function_with(f, variables, (1, 2), "a picture of gradient descent")
    begin = tuple(float(c) for c in point_values(start, names))
    reach = max(1.0, *(abs(c) for c in begin))  # as far from the start as the start is from 0, at least 1
    corners = [tuple(c - reach for c in begin), tuple(c + reach for c in begin),
               *(tuple(float(c) for c in p) for p in around)]
    window = sample.window(corners, pad=0.05)
    titles = [f"α = {show_float(float(exact(r)))}" for r in rates] or ["the graph" if len(names) == 1
                                                                      else "contour lines"]
    if len(names) == 1:
        marker = Marker((begin[0], sample.evaluator(f, names)(begin)), "start", "point")
        panels = tuple(graph_panel(f, names, window[0], t, signature(f, names, name), f"{name}({names[0]})",
                                   markers=(marker,)) for t in titles)
    else:
        panels = tuple(contour_panel(f, names, window, t, markers=(Marker(begin, "start", "point"),))
                       for t in titles)
    return Figure(signature(f, names, name), panels, "rates" if rates else "descent")


def _panel(f: Expr, names: Sequence[str], result: Descent, name: str, heading: str = "",
           diverges: bool = False, nearest: Nearest | None = None) -> Panel:
    """The curve (one variable) or the contour map (two) with the path of the iterates, numbered. `diverges`: the
    run is judged to (a rate compared), though it stopped before its values passed the descent's own bound.
    `nearest`: the critical point nearest where a run that converged ended, where the tutor knows it."""
    last = result.rows[-1]
    rows = _in_view(result, diverges)
    title = (heading + "\n" if heading else
             f"gradient descent from {floats_text(result.rows[0].point)} with α = {result.rate_text}\n")
    ends = [(row.point, row.value) for row in rows]
    if result.landed is not None:  # the minimum the last step reached, where ∇f has no value: drawn, its end
        k, point, value = result.end
        ends.append((point, value))
        title += f"stopped at iteration {k}: {result.note}"
    elif result.diverged_at is not None:  # its last point is off the picture: say why, and how far it is drawn
        shown = rows[-1].k
        ended = "stopped" if result.escaped else "diverged"  # out of f's domain is not growth, as solve says
        title += (f"{ended} at iteration {result.diverged_at}: {result.note}\n"
                  f"drawn up to iteration {shown}, "
                  + ("before it leaves the picture" if shown < last.k
                     else "the last before the kink, where only the slope has no value" if result.at_kink  # h42, F7
                     else f"the last where {name} has a value"))
    else:
        title += (f"{'converged' if result.converged else 'stopped'} after {last.k} iteration{'s' * (last.k != 1)} "
                  f"at {floats_text(last.point)}, {name} = {show_float(last.value)}")
        if result.converged and nearest is not None and nearest.not_minimum:
            title += "\n" + _not_a_minimum(nearest, name, names)
        if rows[-1].k < last.k:  # x² at 1.5 from 1: 20 steps out to 10⁶, the overshooting squashed into a dot
            title += f"\ndrawn up to iteration {rows[-1].k}, before it leaves the picture"
    if len(names) == 1:
        path = tuple((point[0], value) for point, value in ends)
        window = sample.window([(x,) for x, _ in path])[0]
        return graph_panel(f, names, window, title, signature(f, names, name), f"{name}({names[0]})",
                           markers=_iterates(path))
    route = tuple(point for point, _ in ends)
    return contour_panel(f, names, sample.window(route), title, curves=(Curve(route, "path", "path"),),
                         markers=_iterates(route))


def _not_a_minimum(nearest: Nearest, name: str, names: Sequence[str]) -> str:
    """Where a run converged, what it converged near, as `solve descent` says it, shortly: "converged" alone
    was read as a minimum found (outside check h61, N5)."""
    slope = f"{name}′" if len(names) == 1 else f"∇{name}"
    if nearest.on is not None:
        line, piece = nearest.on
        equations = " and ".join(show(e, names) for e in line.equations)
        return (f"the nearest critical points, on the {line.kind} {equations}, are {PLURAL_VERDICTS[piece.nature]}: "
                "not minima")
    if nearest.point is None:
        return f"{name} has no critical point: {slope} is small there, but not 0"
    point = floats_text([float(sympy.N(c, 20)) for c in nearest.point.point])
    return f"the nearest critical point, {point}, is {VERDICTS[nearest.point.nature]}: not a minimum"


def _in_view(result: Descent, diverges: bool = False) -> tuple[DescentRow, ...]:
    """The rows a picture can show: a diverging run's last ones run off too far to draw the rest (outside check
    h42, F1: a rate compared was drawn whole, as its descent had not passed its own bound yet)."""
    if result.diverged_at is None and not diverges:
        return result.rows
    reach = REACH * (1 + max(abs(c) for c in result.rows[0].point))
    shown = [row for row in result.rows if max(abs(c) for c in row.point) <= reach]
    return tuple(shown[:next((i for i, row in enumerate(shown) if row.k != i), len(shown))]) or result.rows[:1]


def _iterates(path: Sequence[tuple[float, ...]]) -> tuple[Marker, ...]:
    numbered = _numbered(path)
    return tuple(Marker(p, str(k) if k in numbered else "", "iterate") for k, p in enumerate(path))


def _numbered(path: Sequence[tuple[float, ...]]) -> frozenset[int]:
    """Which iterates get their number: the start, the last, and between them each one far enough from every
    one numbered before it (a share GAP of the path's extent) that the numbers don't overlap: a zigzag comes
    back beside its earlier steps (10 beside 8, outside check h42, F4)."""
    lows = [min(axis) for axis in zip(*path)]
    spans = [max(max(axis) - low, 1e-300) for axis, low in zip(zip(*path), lows)]
    scaled = [tuple((c - low) / s for c, low, s in zip(point, lows, spans)) for point in path]  # each from 0 to 1
    cells: dict[tuple[int, ...], list[int]] = {}  # the numbered, by square of side GAP: only neighbours can be near

    def cell(k: int) -> tuple[int, ...]:
        return tuple(math.floor(c / GAP) for c in scaled[k])

    def near(k: int) -> list[int]:
        around = itertools.product(*((c - 1, c, c + 1) for c in cell(k)))
        return [j for key in around for j in cells.get(key, ()) if math.dist(scaled[k], scaled[j]) < GAP]

    last = len(path) - 1
    for k in range(last):
        if k == 0 or not near(k):
            cells.setdefault(cell(k), []).append(k)
    numbered = {j for found in cells.values() for j in found}
    numbered -= set(near(last)) - {0}  # the last one's number matters more than its neighbours'
    return frozenset(numbered | {last})
