"""Pictures of the lesson: surfaces with tangent planes and slices, contour maps with critical
points and regions, gradient descent paths, least-squares fits.

Computing what a picture shows (a frozen Figure of curves, markers, grids) is
kept apart from drawing it, so tests read the data and two renderers share it:
`write_png` (matplotlib, imported only when a PNG is written) and
`render_text` (characters, for a terminal).
"""

from .contour import classify_figure, contour_figure, gradient_figure
from .curve import critical_curve_figure, curve_figure, minimum_figure, slice_figure
from .descent import descent_figure, descent_question, rates_figure
from .exercise import picture_for
from .fit import fit_figure, line_figure
from .model import Arrow, Curve, Figure, Grid, Level, Marker, Panel, Segment
from .png import NoMatplotlib, PictureFormat, picture_path, write_png
from .question import question_only, shows_answer
from .surface import surface_figure
from .text import render_text

__all__ = [
    "Arrow", "Curve", "Figure", "Grid", "Level", "Marker", "NoMatplotlib", "Panel", "PictureFormat", "Segment",
    "classify_figure", "contour_figure", "critical_curve_figure", "curve_figure", "descent_figure", "descent_question",
    "fit_figure", "gradient_figure", "line_figure", "minimum_figure", "picture_for", "picture_path", "question_only",
    "rates_figure", "render_text", "shows_answer", "slice_figure", "surface_figure", "write_png",
]
