"""Misconceptions about minimising f(x): the minimum value given for the place, or f′ = 0 solved
with a wrong derivative (the derivative catalogue's slips, carried through to x)."""

from __future__ import annotations

import sympy

from ...budget import OutOfTime, counted
from ...equality import afresh
from ...misconceptions import Misconception, WrongAnswer, at_point, register
from ...misconceptions.derivatives import wrong_derivatives
from ...parse import Answer, Shape, symbol
from ...show import show
from .exercise import Minimize

MISCONCEPTIONS = register(
    Misconception(
        "gave-minimum-value", "gave the minimum value instead of where it is",
        "It looks like you gave the minimum value {value} of {f}, not the {x} where it is reached."),
)

_SOLVE_CALLS = 200_000  # sympy's function calls for each wrong derivative: a slip may make f′ = 0 hard
# to solve; then skip it. Counted, not timed, so the candidates are the same on any machine (the
# built-in packs' solvable slips need at most 160,000; eˣ - 1/x² would need 390,000).
_MAX_ROOTS = 3


def candidates(problem: Minimize) -> list[WrongAnswer]:
    (x,) = problem.variables
    result = problem.solution
    place = result.point if result.exact else sympy.Float(result.approx, 15)
    value = at_point(problem.function, (x,), (place,))
    found = []
    if value is not None:
        shown = show(value) if value.is_Rational else show(sympy.Float(value.evalf(10), 6))
        found.append(WrongAnswer("gave-minimum-value", MISCONCEPTIONS["gave-minimum-value"].say(
            value=shown, f=problem.name, x=x), Answer(Shape.NUMBER, value)))
    for wrong in wrong_derivatives(problem.function, x, (x,), problem.name):
        for root in _real_roots(wrong.derivative, x):
            found.append(WrongAnswer(wrong.misconception, wrong.message, Answer(Shape.NUMBER, root)))
    return found


def _warm_up() -> None:
    """What sympy does once per process on the way to solving f′ = 0 (lazy imports, tables)."""
    x = symbol("x")
    for slope in (sympy.exp(x) + 2, 1 - 3 * sympy.log(x), sympy.exp(x) - 1 / x, 3 * x**2 - 2 * x, sympy.sin(x) - 1):
        sympy.solve(afresh(slope), x)


def _real_roots(derivative: sympy.Expr, x: str) -> list[sympy.Expr]:
    """Where a wrong f′ is zero, if sympy finds it quickly and exactly; else nothing."""
    v = symbol(x)
    if not derivative.has(v):
        return []
    try:
        derivative = afresh(derivative)
        with counted(_SOLVE_CALLS, warm_up=_warm_up):
            roots = sympy.solve(derivative, v)
    except (OutOfTime, NotImplementedError, ValueError, TypeError):
        return []
    return [r for r in roots if r.is_extended_real and not r.has(sympy.zoo, sympy.nan)][:_MAX_ROOTS]
