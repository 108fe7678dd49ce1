"""The picture that fits an exercise: what the REPL's `:plot` draws.

Each kind of exercise gets the picture the lesson would show for it; a kind
with nothing to draw (an `expression` exercise, a function of three
variables) is a ValueError with one sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..calculus.common import SolveError
from ..kinds import Problem
from .contour import classify_figure, contour_figure, gradient_figure
from .curve import critical_curve_figure, curve_figure, minimum_figure
from .descent import descent_figure
from .fit import fit_figure
from .model import Figure
from .png import write_png
from .surface import surface_figure

if TYPE_CHECKING:  # only the type is wanted; whoever calls has the pack loaded already
    from ..packs import Exercise

# the kinds about a function of one or two variables; derivative, partial_derivative and
# tangent_plane draw the slope at their point (the tangent line, or the plane and the slices)
PICTURED = frozenset({"derivative", "partial_derivative", "gradient", "critical_points", "classify_point",
                      "minimize", "gradient_descent", "tangent_plane"})


def figure_for(problem: Problem) -> Figure:
    """The picture of one exercise's problem (a tutor.kinds Problem)."""
    kind = problem.KIND
    if kind == "least_squares":
        return fit_figure(problem.points)
    if kind not in PICTURED:
        raise SolveError(f"an exercise of kind '{kind}' has no picture: its answer is not about a function "
                         "the tutor can draw")
    f, names, name = problem.function, problem.variables, getattr(problem, "name", "f")
    if len(names) > 2:
        raise SolveError(f"this exercise has no picture: its function has {len(names)} variables, "
                         "and a picture shows one or two")
    one = len(names) == 1
    at = getattr(problem, "at", None)
    if kind == "gradient_descent":
        return descent_figure(f, problem.start, problem.rate, problem.iterations, variables=names, name=name)
    if kind == "minimize":
        return minimum_figure(f, names, name=name)
    if kind == "critical_points":
        return critical_curve_figure(f, names, name=name) if one else \
            contour_figure(f, names, critical=True, region=problem.region, name=name)
    if kind == "classify_point":
        return critical_curve_figure(f, names, problem.point, name=name) if one else \
            classify_figure(f, names, problem.point, name=name)
    if kind == "gradient":
        return gradient_figure(f, names, at, name=name)
    if one:  # a derivative: the curve and its tangent line
        return curve_figure(f, names, at[0] if isinstance(at, tuple) else at, name=name)
    return surface_figure(f, names, at, slices=at is not None, name=name)


def picture_for(exercise: "Exercise", out: Path | None = None) -> Path:
    """Draw the exercise's picture into a PNG (by default `<exercise id>.png` in the current
    folder) and return its path.

    Raises ValueError, with a sentence, for an exercise without a picture; NoMatplotlib (with
    how to install it) when matplotlib is missing; OSError when the file can't be written.
    """
    return write_png(figure_for(exercise.problem), out if out is not None else Path(f"{exercise.id}.png"))
