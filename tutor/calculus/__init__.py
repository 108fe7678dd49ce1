"""Exact solvers for the lesson's calculations; each is a plain function returning a frozen value.

Functions may be given as sympy expressions or as trusted text (read by
tutor.parse with every single letter a variable). Variables default to those of
f in the order x, y, z, then the others alphabetically.
"""

from .classified import ByValues, Case, Classification, CriticalPoint, CriticalPoints, CriticalSet, Found, Nature, Piece
from .common import SolveError, order_variables, parse_point
from .cost import CostTerm, LineCost, MeanCostStep, line_cost, mean_cost_step
from .critical import classify, critical_points
from .descent import Descent, DescentRow, Stopping, descend, iterations_until, positive_tolerance
from .elimination import Elimination, EliminationStep, Move, eliminate
from .least_squares import LinearFit, LineFit, NormalEquations, fit_line, fit_linear, points_from_csv, points_from_text
from .minimize import (
                       DescentEnd,
                       ExactZero,
                       Jump,
                       LocalMinima,
                       LocalMinimum,
                       Minimum,
                       descent_end,
                       local_minima,
                       minimize,
                       without_slope,
)
from .partials import FixedVariable, Gradient, Partial, derivative, fix_variable, gradient, partial, written_at
from .rates import Behaviour, LearningRates, RateTrial, compare_rates
from .region import Condition, Region, parse_region, region_of
from .tangent import TangentPlane, tangent_plane

__all__ = [
    "Behaviour", "ByValues", "Case", "Classification", "Condition", "CostTerm", "CriticalPoint", "CriticalPoints",
    "CriticalSet", "Descent", "DescentEnd", "Jump", "DescentRow", "Elimination", "EliminationStep", "ExactZero",
    "FixedVariable", "Found",
    "Gradient", "LearningRates", "LineCost", "LineFit", "LinearFit", "LocalMinima", "LocalMinimum", "MeanCostStep",
    "Minimum", "Move", "Nature", "NormalEquations", "Partial", "Piece", "RateTrial", "Region", "SolveError",
    "Stopping", "TangentPlane", "classify", "compare_rates", "critical_points", "derivative", "descend",
    "descent_end", "eliminate", "fit_line", "fit_linear", "fix_variable", "gradient", "iterations_until",
    "line_cost", "local_minima", "mean_cost_step", "minimize", "order_variables", "parse_point", "parse_region",
    "partial", "points_from_csv", "points_from_text", "positive_tolerance", "region_of", "tangent_plane",
    "without_slope", "written_at",
]
