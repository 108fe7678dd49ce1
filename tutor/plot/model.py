"""What a picture shows, as plain frozen values: the renderers draw these and tests read them.

Numbers are floats (a picture needs no more); NaN marks where a function has no
real value, and a renderer leaves a gap there. Every element has a `role` that
says what it is in the lesson's terms (`tangent`, `minimum`, `iterate` ...),
so a renderer chooses colours and symbols by role and never by position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, ...]  # (x, y) on a flat panel, (x, y, z) on a surface panel


@dataclass(frozen=True)
class Grid:
    """Values of a function of two variables at the crossings of a grid; NaN where it is undefined."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    values: tuple[tuple[float, ...], ...]  # values[j][i] is the value at (xs[i], ys[j])

    def finite(self) -> list[float]:
        return [v for row in self.values for v in row if math.isfinite(v)]


@dataclass(frozen=True)
class Curve:
    """A polyline; a NaN point breaks it in two."""

    points: tuple[Point, ...]
    label: str = ""
    role: str = "function"  # function | derivative | tangent | slice-x | slice-y | tangent-x | tangent-y | fit | path


@dataclass(frozen=True)
class Marker:
    point: Point
    label: str = ""  # shown beside the marker; empty for an unlabelled one
    role: str = "point"  # point | minimum | maximum | saddle | inconclusive | iterate | data


@dataclass(frozen=True)
class Segment:
    start: Point
    end: Point
    label: str = ""
    role: str = "residual"


@dataclass(frozen=True)
class Arrow:
    start: Point
    vector: Point  # drawn as is, in the panel's units
    label: str = ""
    role: str = "gradient"


@dataclass(frozen=True)
class Level:
    """The set where a field is 0: a region's boundary, a whole line of critical points.

    `grid` holds the field; where it is negative is outside (for a region) and is shaded.
    An `outline`, when there is one, is the exact boundary, drawn instead of the grid's zero line.
    """

    grid: Grid
    label: str = ""
    role: str = "region"  # region | critical-set
    outline: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Panel:
    """One set of axes.

    kind `surface`: a 3-D plot of `field` (with `planes` as translucent patches);
    `contour`: a contour map of `field` at `levels`; `graph`: plain x-y axes.
    """

    kind: str
    title: str
    labels: tuple[str, ...]  # the axes' names: (x, y) or (x, y, z)
    limits: tuple[tuple[float, float], ...]  # one (low, high) per axis
    field: Grid | None = None
    levels: tuple[float, ...] = ()
    planes: tuple[Grid, ...] = ()
    curves: tuple[Curve, ...] = ()
    markers: tuple[Marker, ...] = ()
    segments: tuple[Segment, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    sets: tuple[Level, ...] = ()


@dataclass(frozen=True)
class Figure:
    title: str
    panels: tuple[Panel, ...]
    name: str  # the file name's stem when none is given, like `contour`
