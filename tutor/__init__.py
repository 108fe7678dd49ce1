"""A calculus tutor: practice, step-by-step solutions and auto-grading for
partial derivatives, gradients, critical points, least squares and gradient descent."""

from .check import Verdict, check
from .compare import Tolerance
from .limits import LIMITS, Limits
from .parse import Answer, Equation, InputError, read
from .show import show

__all__ = ["Answer", "Equation", "InputError", "LIMITS", "Limits", "Tolerance", "Verdict",
           "check", "read", "show"]
__version__ = "0.1.0"
