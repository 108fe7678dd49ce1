"""Misconceptions about gradient descent: the iteration xₖ = xₖ₋₁ − α∇f(xₖ₋₁) done wrong.

Each reruns the iteration the way a student with the mistake would: uphill,
with α twice or not at all, one step too many or too few, or stopping at the
gradient or the step instead of the new point.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import sympy

from ...evaluate import Undefined, compile_expression
from ...misconceptions import Misconception, WrongAnswer, register
from ...parse import Answer, Shape, symbol
from ...show import show
from .exercise import GradientDescent

MISCONCEPTIONS = register(
    Misconception(
        "gradient-ascent", "moved along the gradient instead of against it",
        "It looks like you moved along {direction}, which points uphill. Gradient descent moves against it: "
        "new point = old point − α·{slope}(old point)."),
    Misconception(
        "rate-applied-twice", "applied the learning rate twice",
        "It looks like the learning rate α = {rate} was applied twice in a step. Each step is new point = "
        "old point − α·{slope}(old point), with α once."),
    Misconception(
        "rate-not-applied", "left out the learning rate",
        "It looks like you left out the learning rate. Each step is new point = old point − "
        "α·{slope}(old point), with α = {rate}."),
    Misconception(
        "iterations-off-by-one", "one iteration too many or too few",
        "It looks like you took {taken} instead of {wanted}. Count the steps from the start {start}: the "
        "answer is the point after {wanted}."),
    Misconception(
        "gave-gradient", "gave the gradient instead of the new point",
        "It looks like you gave {direction} at a point, not the new point. Take the step: new point = old "
        "point − α·{slope}(old point)."),
    Misconception(
        "gave-step", "gave the step instead of the new point",
        "It looks like you gave the step, not the new point: new point = old point − α·{slope}(old point)."),
)

_Point = tuple[float, ...]


class _Iteration:
    """xᵢ = xᵢ₋₁ − s·∇f(xᵢ₋₁) for any step factor s, in floating point as the solver computes it."""

    def __init__(self, problem: GradientDescent):
        syms = [symbol(v) for v in problem.variables]
        self.slopes = [compile_expression(g, syms) for g in problem.solution.gradient]
        self.start = tuple(float(c) for c in problem.start)

    def gradient(self, point: _Point) -> _Point:
        exact = [Fraction(p) for p in point]  # a float's exact value, as the solver evaluates it
        return tuple(float(f(exact).value) for f in self.slopes)

    def after(self, s: float, k: int) -> _Point:
        point = self.start
        for _ in range(k):
            point = tuple(p - s * g for p, g in zip(point, self.gradient(point)))
        return point


def candidates(problem: GradientDescent) -> list[WrongAnswer]:
    alpha, k = float(problem.rate), problem.iterations
    one = len(problem.variables) == 1
    slope = f"{problem.name}′" if one else f"∇{problem.name}"
    direction = f"the slope {slope}" if one else f"the gradient {slope}"
    rate = show(problem.rate, decimals=problem.decimals)
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    iteration = _Iteration(problem)
    after, gradient = iteration.after, iteration.gradient

    def steps(n: int) -> str:
        return f"{n} step{'s' if n != 1 else ''}"

    wanted = steps(k)
    start = problem.point_text(problem.start)
    plans: list[tuple[str, str, Callable[[], Sequence[float]]]] = [
        ("gradient-ascent", say["gradient-ascent"](direction=direction, slope=slope), lambda: after(-alpha, k)),
        ("rate-applied-twice", say["rate-applied-twice"](rate=rate, slope=slope), lambda: after(alpha * alpha, k)),
        ("rate-applied-twice", say["rate-applied-twice"](rate=rate, slope=slope), lambda: after(2 * alpha, k)),
        ("rate-not-applied", say["rate-not-applied"](rate=rate, slope=slope), lambda: after(1.0, k)),
        ("iterations-off-by-one", say["iterations-off-by-one"](taken=steps(k - 1), wanted=wanted, start=start),
         lambda: after(alpha, k - 1)),
        ("iterations-off-by-one", say["iterations-off-by-one"](taken=steps(k + 1), wanted=wanted, start=start),
         lambda: after(alpha, k + 1)),
        ("gave-gradient", say["gave-gradient"](direction=direction, slope=slope),
         lambda: gradient(after(alpha, k - 1))),
        ("gave-gradient", say["gave-gradient"](direction=direction, slope=slope), lambda: gradient(after(alpha, k))),
        # the last step, as the change α·∇f or as the move −α·∇f
        ("gave-step", say["gave-step"](slope=slope), lambda: tuple(alpha * g for g in gradient(after(alpha, k - 1)))),
        ("gave-step", say["gave-step"](slope=slope), lambda: tuple(-alpha * g for g in gradient(after(alpha, k - 1)))),
    ]
    candidates = []
    for misconception, message, plan in plans:
        try:
            values = tuple(plan())
        except (Undefined, OverflowError, ZeroDivisionError, ValueError):
            values = ()
        if not values or not all(math.isfinite(v) for v in values):
            continue  # the wrong iteration leaves f's domain or blows up: no number to compare
        values = tuple(sympy.Float(v, 15) for v in values)
        answer = Answer(Shape.NUMBER, values[0]) if len(values) == 1 else Answer(Shape.VECTOR, values)
        candidates.append(WrongAnswer(misconception, message, answer))
    return candidates
