"""The picture of a question before it is answered: the exercise's own figure with everything
that gives the answer away taken out.

What stays is what the question states: the function (its graph, surface or contour
lines), the slices it fixes, the point it asks about, the data, a region, a descent's
start. What goes, by role: derivatives, tangent lines and planes, fitted lines and
their residuals, gradient arrows, classified critical points, descent paths, and
every title that names a result.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Figure, Marker, Panel

QUESTION_CURVES = frozenset({"function", "slice-x", "slice-y"})
QUESTION_MARKERS = frozenset({"point", "data"})
CLASSES = frozenset({"minimum", "maximum", "saddle", "inconclusive"})
_NEUTRAL_TITLES = {"surface": "the surface", "contour": "contour lines", "graph": "the graph"}


def question_only(figure: Figure, title: str | None = None, point_asked: bool = False) -> Figure:
    """`figure` without its answer. `title` replaces the figure's title where that names a result;
    `point_asked`: a classified point is the one the question asks about (kept, unclassified)."""
    return Figure(title if title is not None else figure.title,
                  tuple(_panel(p, point_asked) for p in figure.panels), figure.name)


def shows_answer(figure: Figure) -> bool:
    """Whether the figure draws anything of the answer, which `question_only` takes out (a partial derivative's
    surface without a point draws the question alone: nothing is held back until it is solved)."""
    asked = question_only(figure)
    parts = ("curves", "planes", "segments", "arrows", "markers", "sets")
    return any(getattr(mine, part) != getattr(theirs, part)
               for mine, theirs in zip(figure.panels, asked.panels) for part in parts)


def _panel(panel: Panel, point_asked: bool) -> Panel:
    curves = tuple(c for c in panel.curves if c.role in QUESTION_CURVES)
    slices = any(c.role.startswith("slice") for c in curves)
    # a slice's own panel is titled by the slice ("fix y = 3: f(x, 3) = ..."): the question's words
    title = panel.title if panel.kind == "graph" and slices else _NEUTRAL_TITLES.get(panel.kind, "")
    return replace(panel, title=title, curves=curves, planes=(), segments=(), arrows=(),
                   markers=tuple(m for m in (_marker(m, point_asked) for m in panel.markers) if m is not None),
                   sets=tuple(s for s in panel.sets if s.role == "region"))


def _marker(marker: Marker, point_asked: bool) -> Marker | None:
    if marker.role in QUESTION_MARKERS:
        return marker
    if marker.role == "iterate" and marker.label == "0":  # where the descent starts: given
        return Marker(marker.point, "start", "point")
    if point_asked and marker.role in CLASSES:  # "minimum (2, 3)" → "(2, 3)"
        return Marker(marker.point, marker.label[marker.label.find("("):] if "(" in marker.label else "", "point")
    return None
