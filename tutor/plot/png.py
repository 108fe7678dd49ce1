"""Drawing a Figure as a PNG with matplotlib.

The canvas is matplotlib's Agg canvas used directly (no pyplot), so nothing
needs a display and no global matplotlib state changes. Colours and symbols
are chosen by each element's role; what is drawn is decided in the Figure.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import TutorError
from ..interrupts import uninterrupted
from .model import Figure, Grid, Panel

DPI = 100

# by role: keyword arguments for the element's matplotlib call
CURVES: dict[str, dict[str, Any]] = {
    "function": {"color": "tab:blue", "linewidth": 2},
    "derivative": {"color": "tab:orange", "linewidth": 1.5, "linestyle": "--"},
    "tangent": {"color": "tab:red", "linewidth": 1.5, "linestyle": "--"},
    "slice-x": {"color": "tab:red", "linewidth": 2.5},
    "slice-y": {"color": "tab:green", "linewidth": 2.5},
    "tangent-x": {"color": "darkred", "linewidth": 2, "linestyle": "--"},
    "tangent-y": {"color": "darkgreen", "linewidth": 2, "linestyle": "--"},
    "fit": {"color": "tab:blue", "linewidth": 2, "zorder": 6},  # above a cloud of data
    "path": {"color": "black", "linewidth": 1.2},
}
MARKERS: dict[str, dict[str, Any]] = {
    "minimum": {"marker": "v", "color": "tab:blue", "s": 140, "edgecolors": "white"},
    "maximum": {"marker": "^", "color": "tab:red", "s": 140, "edgecolors": "white"},
    "saddle": {"marker": "X", "color": "tab:purple", "s": 140, "edgecolors": "white"},
    "inconclusive": {"marker": "D", "color": "dimgray", "s": 100, "edgecolors": "white"},
    "point": {"marker": "o", "color": "black", "s": 50},
    "data": {"marker": "o", "color": "black", "s": 40},
    "iterate": {"marker": "o", "color": "black", "s": 14},
}
CROWD = 50  # more markers of one kind than this are drawn smaller
LEGEND = {"minimum", "maximum", "saddle", "inconclusive"}  # markers named in the legend, not beside them
SETS: dict[str, dict[str, Any]] = {
    "region": {"colors": "black", "linewidths": 2.0},
    "critical-set": {"colors": "magenta", "linewidths": 2.5, "linestyles": "dashed"},
}
CONTOUR_COLOURS = "RdYlBu_r"  # blue low, red high: the sauna's cool and hot spots
SURFACE_COLOURS = "viridis"


class NoMatplotlib(TutorError):
    """matplotlib is not installed; PNG pictures need it (terminal pictures do not)."""


# The formats a picture is written in, by the suffix of its file, each with the metadata that keeps the file the
# same from run to run (no matplotlib version, no date); JPEG, TIFF and WebP take none, and refuse any
FORMATS: dict[str, dict[str, Any] | None] = {
    "png": {"Software": None}, "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
    "svg": {"Creator": None, "Date": None}, "svgz": {"Creator": None, "Date": None},
    "eps": {"Creator": None, "CreationDate": None}, "ps": {"Creator": None, "CreationDate": None},
    "jpg": None, "jpeg": None, "tif": None, "tiff": None, "webp": None,
}
NAMED = ".png, .svg, .pdf, .jpg, .tif, .webp, .eps or .ps"  # the suffixes said to a person (svgz, jpeg, tiff too)


class PictureFormat(TutorError):
    """A file named for the picture whose suffix names no format it can be written in."""


def picture_path(path: Path | str) -> Path:
    """The file a picture named `path` is written to: as named, or with .png where its name has no suffix
    (matplotlib's own default, said here so that the path printed is the file written); a suffix that
    names no format is refused, before anything is drawn."""
    path = Path(path)
    if not path.suffix:
        return path.with_name(path.name + ".png")
    if path.suffix[1:].lower() not in FORMATS:
        raise PictureFormat(f"can't write a picture to {path}: {path.suffix} is not a picture format; name the file "
                            f"with {NAMED}")
    return path


def write_png(figure: Figure, path: Path | str, dpi: int = DPI) -> Path:
    """Draw the figure into a file at `path`, a PNG or the format its suffix names (`picture_path`), and
    return the path written."""
    path = picture_path(path)
    try:
        with uninterrupted():  # matplotlib stopped half-way through its import is left half there
            import mpl_toolkits.mplot3d  # noqa: F401 - registers the 3-D projection
            from matplotlib import rc_context
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure as Canvas
    except ImportError:
        raise NoMatplotlib("PNG pictures need matplotlib: python3 -m pip install 'matplotlib>=3.7' "
                           "(or draw in the terminal with --text)") from None
    kind = path.suffix[1:].lower()
    drawn = io.BytesIO()  # drawn whole before the file is opened: a drawing that fails leaves no file behind
    # none of matplotlib's own warnings on the terminal, the picture being drawn all the same (with its file paths, or
    # "The PostScript backend does not support transparency ...": outside check h42, F12)
    with warnings.catch_warnings(), _quiet(logging.getLogger("matplotlib")):
        warnings.simplefilter("ignore")
        slices = len(figure.panels) > 1
        canvas = Canvas(figsize=(13, 6.8) if slices else (8, 6.4), layout="constrained")
        FigureCanvasAgg(canvas)
        canvas.suptitle(figure.title, fontsize=13)
        for ax, panel in zip(_axes(canvas, figure), figure.panels):
            _draw(canvas, ax, panel)
        with rc_context({"svg.hashsalt": "tutor"}):  # an SVG's ids the same from run to run
            canvas.savefig(drawn, format=kind, dpi=dpi, metadata=FORMATS[kind])
    path.write_bytes(drawn.getvalue())
    return path


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _axes(canvas, figure: Figure) -> list:
    """One axes per panel: a first 3-D panel takes the left, further panels stack on the right;
    flat panels of equal rank (one descent per learning rate) sit side by side, in one or two rows."""
    panels = figure.panels
    if len(panels) == 1:
        return [_add(canvas, panels[0], 111)]
    if panels[0].kind != "surface":
        rows = 1 if len(panels) <= 3 else 2
        columns = -(-len(panels) // rows)
        side = canvas.add_gridspec(rows, columns)
        return [_add(canvas, p, side[i // columns, i % columns]) for i, p in enumerate(panels)]
    grid = canvas.add_gridspec(len(panels) - 1, 2, width_ratios=(1.5, 1))
    return [_add(canvas, panels[0], grid[:, 0]), *(_add(canvas, p, grid[i, 1]) for i, p in enumerate(panels[1:]))]


def _add(canvas, panel: Panel, where):
    if panel.kind == "surface":
        return canvas.add_subplot(where, projection="3d", computed_zorder=False)
    return canvas.add_subplot(where)


def _draw(canvas, ax, panel: Panel) -> None:
    # a title's lines wrapped to its panel's width: beside other panels, a long one ran into its neighbour's
    # (outside check h42, F3); about 0.7 of the 10-point font's size a character, in points of 1/72 inch
    characters = max(20, int(ax.get_position().width * canvas.get_figwidth() * 72 / (0.7 * 10)))
    ax.set_title("\n".join(title_lines(panel.title, characters)), fontsize=10)
    if panel.kind == "surface" and panel.field is not None:
        _surface(ax, panel, panel.field)
    else:
        if panel.kind == "contour" and panel.field is not None:
            _contour(canvas, ax, panel, panel.field)
        _flat(ax, panel)
    for set_limits, limits in zip((ax.set_xlim, ax.set_ylim, getattr(ax, "set_zlim", None)), panel.limits):
        set_limits(*limits)
    for set_label, label in zip((ax.set_xlabel, ax.set_ylabel, getattr(ax, "set_zlabel", None)), panel.labels):
        set_label(label)
    handles, _ = ax.get_legend_handles_labels()
    if handles:  # "best" would search every point of a 3-D plot for a place, slowly
        ax.legend(fontsize=8, loc="upper left" if panel.kind == "surface" else "best", framealpha=0.85)


_RELATIONS = "=≤≥<>≠≈"  # a space beside one is inside a formula


def title_lines(title: str, characters: int) -> list[str]:
    """A title's lines, each wrapped to `characters`: between words, after a comma, or between the terms of a sum,
    never inside brackets nor beside a relation (`0 ≤ y ≤ 5`, `f = 1469.77`, `9(y - 1)` were cut: outside check
    h59, P4), whose spaces are made non-breaking."""
    depth, kept = 0, []
    for at, character in enumerate(title):
        depth += (character in "([{") - (character in ")]}")
        beside = title[at - 1:at] + title[at + 1:at + 2]
        kept.append("\u00a0" if character == " " and (depth > 0 or any(c in _RELATIONS for c in beside)) else character)
    return [wrapped for line in "".join(kept).splitlines()
            for wrapped in textwrap.wrap(line, characters, break_long_words=False, break_on_hyphens=False) or [""]]


def _arrays(grid: Grid):
    import numpy

    xs, ys = numpy.meshgrid(grid.xs, grid.ys)
    return xs, ys, numpy.ma.masked_invalid(numpy.array(grid.values, dtype=float))


def _surface(ax, panel: Panel, field: Grid) -> None:
    xs, ys, zs = _arrays(field)
    ax.plot_surface(xs, ys, zs, cmap=SURFACE_COLOURS, alpha=0.75 if panel.planes else 0.9, linewidth=0,
                    rstride=1, cstride=1, zorder=1)
    for plane in panel.planes:
        px, py, pz = _arrays(plane)
        ax.plot_surface(px, py, pz, color="tab:orange", alpha=0.55, linewidth=0, zorder=2)
    for curve in panel.curves:
        x, y, z = zip(*curve.points)
        ax.plot(x, y, z, label=curve.label or None, zorder=3, **CURVES.get(curve.role, {}))
    for marker in panel.markers:
        ax.scatter(*([c] for c in marker.point), depthshade=False, zorder=4, **_marker_style(marker.role))
        if marker.label:
            ax.text(*marker.point, f"  {marker.label}", fontsize=9, zorder=5)
    ax.view_init(elev=28, azim=-60)


def _contour(canvas, ax, panel: Panel, field: Grid) -> None:
    xs, ys, zs = _arrays(field)
    if len(panel.levels) >= 2:
        filled = ax.contourf(xs, ys, zs, levels=panel.levels, cmap=CONTOUR_COLOURS, alpha=0.8, extend="both")
        lines = ax.contour(xs, ys, zs, levels=panel.levels, colors="black", linewidths=0.4, alpha=0.6)
        ax.clabel(lines, lines.levels[::2], fontsize=7, fmt="%g")
        canvas.colorbar(filled, ax=ax, shrink=0.85)
    for level in panel.sets:
        lx, ly, lz = _arrays(level.grid)
        style = SETS.get(level.role, {})
        line = {"color": style.get("colors", "black"), "linewidth": style.get("linewidths", 1),
                "linestyle": style.get("linestyles", "solid")}
        if level.role == "region":  # shade what is outside
            ax.contourf(lx, ly, lz, levels=[-math.inf, 0], colors="gray", alpha=0.35)
        if level.outline:
            ax.plot(*zip(*level.outline), label=level.label, **line)
        else:
            ax.contour(lx, ly, lz, levels=[0], **style)
            ax.plot([], [], label=level.label, **line)  # the legend entry for the contour line
    for arrow in panel.arrows:
        ax.annotate("", xy=(arrow.start[0] + arrow.vector[0], arrow.start[1] + arrow.vector[1]),
                    xytext=arrow.start, arrowprops={"arrowstyle": "->", "color": "black",
                                                    "linewidth": 2 if arrow.label else 1})
        if arrow.label:
            ax.plot([], [], color="black", marker=r"$\rightarrow$", linestyle="", markersize=12, label=arrow.label)
    (x0, x1), (y0, y1) = panel.limits
    if 1 / 3 <= (x1 - x0) / (y1 - y0) <= 3:  # a map keeps its shape unless that makes a sliver
        ax.set_aspect("equal", adjustable="box")


def _flat(ax, panel: Panel) -> None:
    import numpy
    from matplotlib.collections import LineCollection

    if panel.segments:  # one collection of one array, so that 100,000 residuals draw quickly
        ends = numpy.array([(s.start, s.end) for s in panel.segments], dtype=float)
        # matplotlib's stubs ask for a sequence; the (n, 2, 2) array is what draws fast
        residuals = LineCollection(ends, colors="tab:red", linewidths=1.2,  # type: ignore[arg-type]
                                   linestyles="dotted", label="residuals")
        ax.add_collection(residuals)
    for segment in panel.segments:
        if segment.label:
            middle = tuple((a + b) / 2 for a, b in zip(segment.start, segment.end))
            ax.annotate(segment.label, middle, xytext=(4, 0), textcoords="offset points", fontsize=8,
                        color="tab:red", va="center")
    for curve in panel.curves:
        x, y = zip(*curve.points)
        label = curve.label if curve.role != "path" else None
        ax.plot(x, y, label=label, **{"zorder": 3, **CURVES.get(curve.role, {})})
    by_role: dict[str, list] = {}
    for marker in panel.markers:
        if marker.role in LEGEND:  # few, each with its own entry in the legend
            ax.scatter([marker.point[0]], [marker.point[1]], zorder=5, label=marker.label,
                       **_marker_style(marker.role))
        else:
            by_role.setdefault(marker.role, []).append(marker.point)
        if marker.label and marker.role not in LEGEND:
            ax.annotate(marker.label, marker.point, xytext=(5, 5), textcoords="offset points", fontsize=8,
                        zorder=4, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7,
                                        "linewidth": 0})
    for role, points in by_role.items():
        style = _marker_style(role)
        if len(points) > CROWD:  # a cloud: smaller, see-through dots
            style = {**style, "s": max(2.0, style["s"] * math.sqrt(CROWD / len(points))), "alpha": 0.5,
                     "linewidths": 0}
        ax.scatter(*zip(*points), zorder=4, **style)
    if panel.kind == "graph":
        ax.grid(alpha=0.3)


def _marker_style(role: str) -> dict[str, Any]:
    return MARKERS.get(role, MARKERS["point"])
