"""Misconceptions about gradient descent: the iteration xₖ = xₖ₋₁ − α∇f(xₖ₋₁) done wrong.

Each reruns the iteration the way a student with the mistake would. A mistake
changes one part of it, and two mistakes in different parts compose:
- the slope: a derivative misconception in ∇f (every one the derivative kinds
  name), f itself for f′, ∇f's components swapped;
- the step: uphill (+α∇f), α twice, α left out, divided by α;
- the iteration: the first gradient reused, the last step taken from the start,
  one step too many or too few;
- what is reported: the gradient or the step instead of the new point, or the new point's
  coordinates the wrong way round;
- the arithmetic: the slope rounded to 1 or 2 places before each step (alone, never in a pair).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import partial
from itertools import combinations
from typing import Any, cast

import sympy

from ...evaluate import Undefined, Unsupported, compile_expression
from ...misconceptions import Misconception, Said, Tiered, WrongAnswer, register
from ...misconceptions.derivatives import wrong_gradients
from ...parse import Answer, Shape, symbol
from ...show import show
from ...words import counted
from ..critical_points.misconceptions import point_swapped
from ..gradient.misconceptions import MISCONCEPTIONS as GRADIENT
from ..gradient.misconceptions import partials_text, swapped
from .exercise import GradientDescent, subscripted

MISCONCEPTIONS = register(
    Misconception(
        "gradient-ascent", "moved along the gradient instead of against it",
        "It looks like you moved along {direction}, which points uphill. Gradient descent moves against it: "
        "new point = old point − α·{slope}(old point)."),
    Misconception(
        "rate-applied-twice", "applied the learning rate twice",
        "It looks like you applied the learning rate α = {rate} twice in a step. Each step is new point = "
        "old point − α·{slope}(old point), with α = {rate} once."),
    Misconception(
        "rate-not-applied", "left out the learning rate",
        "It looks like you left out the learning rate. Each step is new point = old point − "
        "α·{slope}(old point), with α = {rate}."),
    Misconception(
        "rate-divided", "divided by the learning rate",
        "It looks like you divided by the learning rate α = {rate} instead of multiplying by it: new point = "
        "old point − α·{slope}(old point)."),
    Misconception(
        "rate-decimal-slipped", "slipped a decimal place in the learning rate",
        # its reason is the start of rate-applied-twice's, which it is told beside where α is 0.1 (0.01 is both)
        "It looks like you used α = {wrong} instead of α = {rate}, with a decimal place slipped. Each step is new "
        "point = old point − α·{slope}(old point), with α = {rate}."),
    Misconception(
        "iterations-off-by-one", "one iteration too many or too few",
        "It looks like you took {taken} instead of {wanted}. Count the steps from the start {start}: the "
        "answer is the point after {wanted}."),
    Misconception(
        "gave-gradient", "gave the gradient instead of the new point",
        # which point is said (h18 read "∇f at a point" as vague): the start, the one before the last step, or the
        # new point itself
        "It looks like you gave {direction} at {where}, not the new point. Take the step: new point = old "
        "point − α·{slope}(old point)."),
    Misconception(
        "gave-step", "gave the step instead of the new point",
        "It looks like you gave the step, not the new point: new point = old point − α·{slope}(old point)."),
    Misconception(
        "function-for-derivative", "used f where its derivative belongs",
        "It looks like you used the value of {f} itself where {slope} belongs. Each step is new point = old "
        "point − α·{slope}(old point)."),
    Misconception(
        "first-gradient-reused", "reused the first gradient in every step",
        "It looks like you reused {slope} at the start {start} for every step. Each step takes {slope} at "
        "the point it starts from: {step}."),
    Misconception(
        "slope-rounded-early", "rounded the slope before taking the step",
        "It looks like you rounded {slope} to {places} before taking the step. Keep all its digits, and round "
        "only the new point."),
    Misconception(
        "step-from-start", "took the last step from the start",
        "It looks like you took the last step from the start {start} instead of from the point before it: "
        "{step}."),
)

# one coordinate moved uphill: the sign slipped in its line of the step alone (x₁ = x₀ + α·∂f/∂x), or a partial
# copied with the wrong sign (the lesson's slide prints ∂T/∂x(0.5, 0.6) as +0.1134)
COORDINATE_UPHILL = replace(MISCONCEPTIONS["gradient-ascent"], sentence=(
    "It looks like you moved {v} along {partial} instead of against it, so {v} went uphill. Gradient descent moves "
    "each coordinate against its partial derivative: new point = old point − α·{slope}(old point)."))

_Point = tuple[float, ...]


@dataclass(frozen=True)
class _Plan:
    """How a student runs the iteration: the right way, or with some of its parts changed."""

    slope: str = "right"  # a key of _Iteration.slopes
    sign: int = -1
    factor: str = "rate"  # rate, twice, double, none, divided
    reuse: bool = False
    from_start: bool = False
    extra: int = 0  # iterations too many (or too few)
    report: str = "point"  # point, gradient-start, gradient-before, gradient-after, step, move
    rounded: int | None = None  # the decimal places each slope is rounded to before its step


# how a step scales the slope, by the _Plan's factor: α, α twice, 2α, α left out, divided by α, and α with its
# decimal point moved one place either way (0.05 or 0.0005 for 0.005); in floats for the iteration's float α,
# exactly for the exercise's α
FACTORS: dict[str, Callable[[Any], Any]] = {
    "rate": lambda a: a, "twice": lambda a: a**2, "double": lambda a: 2 * a, "none": lambda a: a**0,
    "divided": lambda a: 1 / a, "tenfold": lambda a: 10 * a, "tenth": lambda a: a / 10}


class _Iteration:
    """xᵢ = xᵢ₋₁ − s·∇f(xᵢ₋₁) for the slopes a plan may use, in floating point as the solver computes it."""

    def __init__(self, problem: GradientDescent):
        self.syms = [symbol(v) for v in problem.variables]
        self.start = tuple(float(c) for c in problem.start)
        self.alpha = float(problem.rate)
        self.k = problem.iterations
        self.slopes: dict[str, list] = {"right": [compile_expression(g, self.syms) for g in problem.solution.gradient]}
        f = compile_expression(problem.function, self.syms)
        self.slopes["function"] = [f] * len(self.syms)
        self.slopes["swapped"] = list(reversed(self.slopes["right"])) if len(self.syms) == 2 else []
        self.known: dict[tuple[str, _Point], _Point] = {}  # each slope at each point, evaluated once

    def add_slope(self, key: str, gradient: Sequence[sympy.Expr]) -> bool:
        try:
            self.slopes[key] = [compile_expression(g, self.syms) for g in gradient]
        except Unsupported:
            return False
        return True

    def gradient(self, key: str, point: _Point) -> _Point:
        known = self.known.get((key, point))  # plans share steps: every one starts at the start
        if known is None:
            exact = [Fraction(p) for p in point]  # a float's exact value, as the solver evaluates it
            known = self.known[key, point] = tuple(float(f(exact).value) for f in self.slopes[key])
        return known

    def run(self, plan: _Plan) -> _Point:
        s = FACTORS[plan.factor](self.alpha) * -plan.sign
        k = self.k + plan.extra
        point, first = self.start, self.gradient(plan.slope, self.start)
        last, before = first, self.start
        for i in range(k):
            g = first if plan.reuse else self.gradient(plan.slope, point)
            if plan.rounded is not None:  # the lesson shows f′(0.05) = −18.9, and 0.05 + 0.005·18.9 is 0.1445
                g = tuple(round(gi, plan.rounded) for gi in g)
            base = self.start if plan.from_start and i == k - 1 else point
            before, last = point, g
            point = tuple(b - s * gi for b, gi in zip(base, g))
        if plan.report == "gradient-start":
            return first
        if plan.report == "gradient-before":
            return self.gradient(plan.slope, before)
        if plan.report == "gradient-after":
            return self.gradient(plan.slope, point)
        if plan.report in ("step", "move"):
            return tuple((1 if plan.report == "step" else -1) * self.alpha * g for g in last)
        return point


def candidates(problem: GradientDescent) -> Tiered:
    k = problem.iterations
    one = len(problem.variables) == 1
    name = problem.name
    slope = f"{name}′" if one else f"∇{name}"
    direction = f"the slope {slope}" if one else f"the gradient {slope}"
    rate = show(problem.rate, decimals=problem.decimals)
    start = problem.point_text(problem.start)
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    iteration = _Iteration(problem)

    def steps(n: int) -> str:
        return f"{n} step{'s' if n != 1 else ''}"

    # each way to change one part of the iteration, with what it says
    changes: list[tuple[str, Said, _Plan]] = [
        ("slope", say["function-for-derivative"](f=name, slope=slope), _Plan(slope="function")),
        ("sign", say["gradient-ascent"](direction=direction, slope=slope), _Plan(sign=1)),
        ("factor", say["rate-applied-twice"](rate=rate, slope=slope), _Plan(factor="twice")),
        ("factor", say["rate-applied-twice"](rate=rate, slope=slope), _Plan(factor="double")),
        ("factor", say["rate-not-applied"](rate=rate, slope=slope), _Plan(factor="none")),
        ("factor", say["rate-divided"](rate=rate, slope=slope), _Plan(factor="divided")),
        ("count", say["iterations-off-by-one"](taken=steps(k - 1), wanted=steps(k), start=start), _Plan(extra=-1)),
        ("count", say["iterations-off-by-one"](taken=steps(k + 1), wanted=steps(k), start=start), _Plan(extra=1)),
        ("report", say["gave-gradient"](direction=direction, slope=slope, where=f"the start {start}"),
         _Plan(report="gradient-start")),
        ("report", say["gave-gradient"](direction=direction, slope=slope, where="the point before the last step"),
         _Plan(report="gradient-before")),
        ("report", say["gave-gradient"](direction=direction, slope=slope, where="the new point itself"),
         _Plan(report="gradient-after")),
        ("report", say["gave-step"](slope=slope), _Plan(report="step")),
        ("report", say["gave-step"](slope=slope), _Plan(report="move")),
    ]
    if not one:
        changes.insert(1, ("slope", GRADIENT["components-swapped"].fill(
            f=name, partials=partials_text(name, problem.variables)), _Plan(slope="swapped")))
        for i, v in enumerate(problem.variables):
            flipped = [-g if j == i else g for j, g in enumerate(problem.solution.gradient)]
            if iteration.add_slope(f"uphill{i}", flipped):
                changes.append(("sign", COORDINATE_UPHILL.fill(v=v, partial=f"∂{name}/∂{v}", slope=slope),
                                _Plan(slope=f"uphill{i}")))
    if k > 1:
        # the second step in the exercise's own names: (m₂, b₂) = (m₁, b₁) − α·∇E(m₁, b₁)
        after, before = subscripted(problem.variables, "2"), subscripted(problem.variables, "1")
        step = f"{after} = {before} − α·{slope}({', '.join(subscripted((v,), '1') for v in problem.variables)})"
        changes.append(("reuse", say["first-gradient-reused"](slope=slope, start=start, step=step), _Plan(reuse=True)))
        changes.append(("start", say["step-from-start"](start=start, step=step), _Plan(from_start=True)))
    for i, (said, gradient) in enumerate(wrong_gradients(problem.function, problem.variables, name)):
        if len(said) == 1 and iteration.add_slope(f"wrong{i}", gradient):
            changes.append(("slope", said[0], _Plan(slope=f"wrong{i}")))

    found: list[tuple[tuple[Said, ...], Callable[[], Sequence[float]]]] = [
        ((said,), partial(iteration.run, plan)) for _, said, plan in changes]
    # alone, not in pairs: slips of arithmetic, not of the method; a decimal place slipped in α even where that is
    # another factor's step too (0.01 for 0.1 is α applied twice), told as either (outside check h39, F1: a student
    # who copied 0.1 as 0.01 was told only that they applied it twice), but for α slipped to 1, which is no α
    found += [((say["slope-rounded-early"](slope=slope, places=counted(places, "decimal place")),),
               partial(_rounded_early, iteration, places)) for places in (1, 2)]
    found += [((say["rate-decimal-slipped"](wrong=show(FACTORS[factor](problem.rate), decimals=problem.decimals),
                                             rate=rate, slope=slope),), partial(iteration.run, _Plan(factor=factor)))
              for factor in ("tenfold", "tenth") if FACTORS[factor](problem.rate) != 1]
    singles = _reached(found)
    if not one:  # the right point written the wrong way round: the iteration right, the answer's order not
        right = problem.expected()
        turned = Answer(Shape.VECTOR, swapped(cast(tuple, right.value)))
        singles.append(WrongAnswer.of([point_swapped(problem, cast(tuple, right.value), cast(tuple, turned.value))],
                                      turned))

    def pairs() -> list[WrongAnswer]:
        # a slip of the method done with the slope rounded as the lesson's slide shows it (f′(0.05) = -18.9): the
        # sign slipped with it, 0.05 − 0.005·18.9 = -0.0445, was only "not right to 4 decimal places" (h24); only
        # where the rounding is slight (within 1%), as -18.9 is of -18.9487: a rougher one (-0.1 for -0.1134)
        # would explain any round answer as a pair (our corpus's (0.6, 0.7))
        start = iteration.run(_Plan(report="gradient-start"))
        slight = [places for places in (1, 2) if all(abs(round(g, places) - g) <= abs(g) / 100 for g in start)]
        rounded = [((said, say["slope-rounded-early"](slope=slope, places=counted(places, "decimal place"))),
                    partial(iteration.run, replace(plan, rounded=places)))
                   for part, said, plan in changes if part != "report" for places in slight]
        return _reached([((said_a, said_b), partial(iteration.run, _merge(plan_a, plan_b)))
                         for (part_a, said_a, plan_a), (part_b, said_b, plan_b) in combinations(changes, 2)
                         if part_a != part_b and said_a.misconception != said_b.misconception] + rounded)
    return Tiered(singles, pairs)


def _reached(found: Sequence[tuple[tuple[Said, ...], Callable[[], Sequence[float]]]]) -> list[WrongAnswer]:
    """The point (or slope) each wrong iteration reaches, as the wrong answer of what is said of it."""
    candidates = []
    for said, plan in found:
        try:
            values = tuple(plan())
        except (Undefined, OverflowError, ZeroDivisionError, ValueError):
            continue
        if not values or not all(math.isfinite(v) for v in values):
            continue  # the wrong iteration leaves f's domain or blows up: no number to compare
        values = tuple(sympy.Float(v, 15) for v in values)
        answer = Answer(Shape.NUMBER, values[0]) if len(values) == 1 else Answer(Shape.VECTOR, values)
        candidates.append(WrongAnswer.of(said, answer))
    return candidates


def _rounded_early(iteration: _Iteration, places: int) -> _Point:
    """The point with each slope rounded to `places` before its step; ValueError where that is the right point
    rounded, as an answer typed to fewer places is (0.75 for 0.7512…: "right to 2 decimal places", not this)."""
    right, early = iteration.run(_Plan()), iteration.run(_Plan(rounded=places))
    if any(all(round(r, shown) == e for r, e in zip(right, early)) for shown in range(16)):
        raise ValueError("the right point, rounded")
    return early


def _merge(a: _Plan, b: _Plan) -> _Plan:
    """A plan with the changes of both (they change different parts)."""
    default = _Plan()
    changed = {name: getattr(b, name) for name in default.__dataclass_fields__
               if getattr(b, name) != getattr(default, name)}
    return replace(a, **changed)
