"""Drawing a Figure as characters, for a terminal without a picture viewer (an SSH session).

Each panel becomes a grid of characters with its axes: a function's values as
shades from light to dark (`.` low, `@` high), curves as `*`, markers as
letters or their numbers, and a key underneath that says what each character
means. A 3-D surface is shown from above.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from ..show import show_float
from .model import Figure, Grid, Panel, Point

WIDTH = 80
HEIGHT = 22  # rows of a figure's only panel; a panel among several gets fewer
SHADES = ".:;-=+%@"  # from low to high values; blank where f is undefined
CURVES = {"function": "*", "slice-x": "*", "slice-y": "*", "fit": "*", "derivative": "+",
          "tangent": "·", "tangent-x": "·", "tangent-y": "·", "path": "·"}
SETS = {"region": "#", "critical-set": "~"}
MARKERS = {"minimum": "v", "maximum": "^", "saddle": "x", "inconclusive": "?", "point": "O", "data": "o",
           "iterate": "o"}
HEADS = "→↗↑↖←↙↓↘"  # an arrow's head by its direction, counter-clockwise from east
MARGIN = 10  # columns for the y axis's numbers and the axis itself


def render_text(figure: Figure, width: int = WIDTH, height: int | None = None) -> str:
    rows = height or (HEIGHT if len(figure.panels) == 1 else HEIGHT * 2 // 3)
    parts = [figure.title]
    for panel in figure.panels:
        parts += ["", *_panel(panel, max(width, 40), max(rows, 8))]
    return "\n".join(parts)


class _Canvas:
    """Characters over the panel's x-y window; row 0 is the top."""

    def __init__(self, limits: Sequence[tuple[float, float]], columns: int, rows: int):
        (self.x0, self.x1), (self.y0, self.y1) = limits[0], limits[1]
        self.columns, self.rows = columns, rows
        self.cells = [[" "] * columns for _ in range(rows)]

    def cell(self, point: Point) -> tuple[int, int] | None:
        x, y = point[0], point[1]
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        column = round((x - self.x0) / (self.x1 - self.x0) * (self.columns - 1))
        row = round((self.y1 - y) / (self.y1 - self.y0) * (self.rows - 1))
        return (column, row) if 0 <= column < self.columns and 0 <= row < self.rows else None

    def centre(self, column: int, row: int) -> tuple[float, float]:
        return (self.x0 + (self.x1 - self.x0) * column / (self.columns - 1),
                self.y1 - (self.y1 - self.y0) * row / (self.rows - 1))

    def put(self, point: Point, text: str) -> None:
        where = self.cell(point)
        if where is not None:
            column, row = where
            for i, c in enumerate(text[: self.columns - column]):
                self.cells[row][column + i] = c

    def line(self, start: Point, end: Point, char: str) -> None:
        if not all(math.isfinite(c) for c in (*start[:2], *end[:2])):
            return
        span = max(abs(end[0] - start[0]) / (self.x1 - self.x0) * self.columns,
                   abs(end[1] - start[1]) / (self.y1 - self.y0) * self.rows)
        count = max(1, math.ceil(span * 2))
        for i in range(count + 1):
            t = i / count
            self.put((start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t), char)


def _panel(panel: Panel, width: int, rows: int) -> list[str]:
    canvas = _Canvas(panel.limits, width - MARGIN, rows)
    key: list[str] = []
    if panel.field is not None:
        key.append(_shade(canvas, panel.field, panel.levels))
    for level in panel.sets:
        char = SETS.get(level.role, "#")
        if level.outline:
            for start, end in zip(level.outline, level.outline[1:]):
                canvas.line(start, end, char)
        else:
            _zero_line(canvas, level.grid, char)
        key.append(f"{char}  {level.label}")
    for segment in panel.segments:
        canvas.line(segment.start, segment.end, "|")
    if panel.segments:
        key.append("|  residuals" + (": " + ", ".join(s.label for s in panel.segments if s.label)
                                     if any(s.label for s in panel.segments) else ""))
    for curve in panel.curves:
        if panel.kind == "surface" and curve.role.startswith("tangent"):
            continue  # seen from above, a tangent line lies on its slice
        char = CURVES.get(curve.role, "*")
        for start, end in zip(curve.points, curve.points[1:]):
            canvas.line(start, end, char)
        if curve.label:
            key.append(f"{char}  {curve.label}")
    for arrow in panel.arrows:
        _arrow(canvas, arrow.start, arrow.vector, bool(arrow.label))
        if arrow.label:
            key.append(f"→  {arrow.label}")
    if panel.arrows and not any(a.label for a in panel.arrows):
        key.append("→  the gradient's direction at each point")
    for marker in sorted(panel.markers, key=lambda m: bool(m.label)):  # numbers last, so none is covered
        if marker.role == "iterate":
            canvas.put(marker.point, marker.label or "o")
        else:
            char = MARKERS.get(marker.role, "O")
            canvas.put(marker.point, char)
            if marker.label:
                key.append(f"{char}  {marker.label}")
    roles = {m.role for m in panel.markers}
    if "iterate" in roles:
        key.append("o  the iterates, some with their number (0 is the start)")
    if "data" in roles and not any(m.label for m in panel.markers if m.role == "data"):
        key.append(f"o  the data ({sum(m.role == 'data' for m in panel.markers)} points)")
    if panel.kind == "surface":
        key.append("(the surface seen from above" + ("; the tangent plane's equation is in the title)"
                                                      if panel.planes else ")"))
    return [*panel.title.splitlines(), *_axes(canvas, panel), *key]


def _shade(canvas: _Canvas, field: Grid, levels: Sequence[float]) -> str:
    """Fill the canvas with the field's shades; return the key that says which value each starts at."""
    bands = len(levels) + 1
    for row in range(canvas.rows):
        for column in range(canvas.columns):
            value = _nearest(field, *canvas.centre(column, row))
            if math.isfinite(value):
                band = bisect.bisect_right(levels, value)
                canvas.cells[row][column] = SHADES[band * len(SHADES) // bands]
    starts = []
    for i, char in enumerate(SHADES):
        band = math.ceil(i * bands / len(SHADES))
        if band == 0:
            starts.append(f"{char} lowest")
        elif band <= len(levels) and (i == 0 or math.ceil((i - 1) * bands / len(SHADES)) != band):
            starts.append(f"{char} from {show_float(levels[band - 1], 4)}")
    return "shades: " + ", ".join(starts)


def _nearest(field: Grid, x: float, y: float) -> float:
    i = _index(field.xs, x)
    j = _index(field.ys, y)
    return field.values[j][i]


def _index(values: Sequence[float], v: float) -> int:
    step = (values[-1] - values[0]) / (len(values) - 1)
    return min(len(values) - 1, max(0, round((v - values[0]) / step)))


def _zero_line(canvas: _Canvas, field: Grid, char: str) -> None:
    """Mark the field's zero set: of two neighbouring cells with opposite signs, the one nearer 0."""
    values = [[_nearest(field, *canvas.centre(c, r)) for c in range(canvas.columns)] for r in range(canvas.rows)]
    for r in range(canvas.rows):
        for c in range(canvas.columns):
            here = values[r][c]
            if here == 0:
                canvas.cells[r][c] = char
            for r2, c2 in ((r, c + 1), (r + 1, c)):
                if r2 < canvas.rows and c2 < canvas.columns and here * values[r2][c2] < 0:
                    nearer = (r, c) if abs(here) <= abs(values[r2][c2]) else (r2, c2)
                    canvas.cells[nearer[0]][nearer[1]] = char


def _arrow(canvas: _Canvas, start: Point, vector: Point, shaft: bool) -> None:
    end = (start[0] + vector[0], start[1] + vector[1])
    if shaft:
        canvas.line(start, end, "·")
    # the direction on screen: a row is about twice as tall as a column is wide
    dx = vector[0] / (canvas.x1 - canvas.x0) * canvas.columns
    dy = vector[1] / (canvas.y1 - canvas.y0) * canvas.rows
    if dx == 0 and dy == 0:
        canvas.put(start, "·")
        return
    head = HEADS[round(math.atan2(dy * 2, dx) / (math.pi / 4)) % 8]
    canvas.put(end if shaft else start, head)


def _axes(canvas: _Canvas, panel: Panel) -> list[str]:
    """The canvas with the y axis's numbers on the left and the x axis's underneath."""
    ticks = {0: canvas.y1, canvas.rows // 2: (canvas.y0 + canvas.y1) / 2, canvas.rows - 1: canvas.y0}
    lines = [f"{panel.labels[1]:>{MARGIN - 2}} ▲"]
    for row, cells in enumerate(canvas.cells):
        number = show_float(ticks[row], 4) if row in ticks else ""
        lines.append(f"{number:>{MARGIN - 2}} │{''.join(cells)}".rstrip())
    lines.append(" " * (MARGIN - 1) + "└" + "─" * canvas.columns + f"▶ {panel.labels[0]}")
    low, middle, high = (show_float(v, 4) for v in (canvas.x0, (canvas.x0 + canvas.x1) / 2, canvas.x1))
    axis = [" "] * (canvas.columns + len(high))
    for text, at in ((low, 0), (middle, (canvas.columns - len(middle)) // 2), (high, canvas.columns - len(high))):
        axis[at: at + len(text)] = text
    lines.append(" " * MARGIN + "".join(axis).rstrip())
    return lines
