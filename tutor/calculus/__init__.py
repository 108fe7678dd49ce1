"""Exact solvers for the lesson's calculations; each is a plain function returning a frozen value.

Functions may be given as sympy expressions or as trusted text (read by
tutor.parse with every single letter a variable). Variables default to those of
f in the order x, y, z, then the others alphabetically.
"""

from .common import SolveError, order_variables, parse_point
from .critical import (ByValues, Case, Classification, CriticalPoint, CriticalPoints, CriticalSet, Found, Nature,
                       Piece, classify, critical_points)
from .descent import Descent, DescentRow, descend
from .least_squares import (LinearFit, LineFit, NormalEquations, fit_line, fit_linear, points_from_csv,
                            points_from_text)
from .minimize import DescentEnd, LocalMinima, LocalMinimum, Minimum, descent_end, local_minima, minimize
from .partials import Gradient, Partial, derivative, gradient, partial
from .region import Condition, Region, parse_region
from .tangent import TangentPlane, tangent_plane

__all__ = [
    "Case", "Classification", "Condition", "CriticalPoint", "CriticalPoints", "CriticalSet", "Descent",
    "DescentRow", "Gradient", "LineFit", "LinearFit", "Minimum", "NormalEquations", "Partial", "Region",
    "SolveError", "TangentPlane", "classify", "critical_points", "derivative", "descend", "fit_line",
    "fit_linear", "gradient", "minimize", "order_variables", "parse_point", "parse_region", "partial",
    "points_from_csv", "points_from_text", "tangent_plane",
]
