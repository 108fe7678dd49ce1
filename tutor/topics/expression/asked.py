"""Which of the lesson's quantities an exercise written by hand asks for, where its author says which
function, point (and learning rate) it is about: its value there, its gradient, −∇f, or one descent step.
Its mistakes (misconceptions.py) and its worked solution (steps.py) both follow from that."""

from __future__ import annotations

from enum import Enum

from sympy import Expr

from ...calculus.partials import diff
from ...misconceptions import at_point
from ...parse import symbol
from .exercise import About, Expression


class Asked(Enum):
    VALUE = "the value f(a, b)"
    GRADIENT = "the gradient ∇f(a, b)"
    DOWNHILL = "−∇f(a, b), the direction of steepest descent"
    STEP = "one descent step from (a, b)"


def quantities(about: About) -> dict[Asked, tuple[Expr, ...]]:
    """The lesson's quantities of the function at the point, exactly."""
    f, variables, point = about.function, about.variables, about.at
    gradient = tuple(at_point(diff(f, symbol(v)), variables, point) for v in variables)
    found: dict[Asked, tuple[Expr, ...]] = {}
    value = at_point(f, variables, point)
    if value is not None:
        found[Asked.VALUE] = (value,)
    if None not in gradient:
        slope = tuple(g for g in gradient if g is not None)
        found[Asked.GRADIENT] = slope
        found[Asked.DOWNHILL] = tuple(-g for g in slope)
        if about.rate is not None:
            found[Asked.STEP] = tuple(p - about.rate * g for p, g in zip(point, slope))
    return found


def asked(problem: Expression) -> Asked | None:
    """Which of the quantities the expected answer is, if any."""
    if problem.about is None:
        return None
    value = problem.answer.value
    answer = value if isinstance(value, tuple) else (value,)
    for what, quantity in quantities(problem.about).items():
        if len(quantity) == len(answer) and all(_same(a, q) for a, q in zip(answer, quantity)):
            return what
    return None


def _same(a: object, b: Expr) -> bool:
    if not isinstance(a, Expr) or a.free_symbols:
        return False
    try:
        return abs(float(a - b)) <= 1e-9 * max(1.0, abs(float(b)))
    except TypeError:
        return False
