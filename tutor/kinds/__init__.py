"""Exercise kinds: one module each, one registry.

Each kind is a frozen dataclass (a Problem) that knows its YAML keys, how to
build itself from them, its prompt (Unicode and LaTeX), its expected answer
(computed, never typed by hand), its steps and three graded hints.
"""

from __future__ import annotations

from .base import Field, FieldError, Problem
from .classify_point import ClassifyPoint
from .critical_points import CriticalPoints
from .derivative import Derivative
from .expression import Expression
from .gradient import Gradient
from .gradient_descent import GradientDescent
from .least_squares import LeastSquares
from .minimize import Minimize
from .partial_derivative import PartialDerivative
from .tangent_plane import TangentPlane

KINDS: dict[str, type[Problem]] = {
    kind.KIND: kind
    for kind in (Derivative, PartialDerivative, Gradient, CriticalPoints, ClassifyPoint, Minimize,
                 LeastSquares, GradientDescent, TangentPlane, Expression)
}

__all__ = ["KINDS", "Field", "FieldError", "Problem"]
