"""Shortcuts in building the critical-point and cost kinds' candidates that must give exactly what the
long way gives: the same trees (srepr), in the same order, so the same table, verdicts and messages."""

from __future__ import annotations

from collections.abc import Callable

import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.calculus.cost import B, M
from tutor.calculus.factor_cases import as_equation, polynomial_zeros
from tutor.parse import symbol
from tutor.topics.cost.exercise import Ask, Cost, Form
from tutor.topics.cost.misconceptions import candidates as cost_candidates
from tutor.topics.critical_points.zeros import common_zeros

RATIONALS = st.fractions(min_value=-9, max_value=9, max_denominator=6).map(sympy.Rational)
INTS = st.integers(-5, 5).map(sympy.Integer)
FLOATS = st.floats(-9, 9, allow_nan=False).map(lambda v: sympy.Float(round(v, 3)))


def _square(x, y, skip: Callable[[str], bool], once: tuple[str, ...] = (), constant: bool = True, sign: int = -1):
    products = {"mb": 2 * x * M * B, "my": 2 * sign * x * y * M, "by": 2 * sign * y * B}
    doubled = sympy.Add(*(p / 2 if key in once else p for key, p in products.items() if not skip(key)))
    return x**2 * M**2 + B**2 + (y**2 if constant else 0) + doubled


def long_way_costs(problem: Cost) -> list:
    """The wrong costs as sympy multiplies them out, square by square (the candidates' old way)."""
    n = len(problem.points)
    scale = sympy.Integer(2 * n) if problem.mean else sympy.Integer(1)

    def total(square) -> sympy.Expr:
        return sympy.expand(sympy.Add(*(square(x, y) for x, y in problem.points)))

    costs = [total(lambda x, y: _square(x, y, lambda key: True)) / scale,
             total(lambda x, y: _square(x, y, lambda key: key == "mb")) / scale,
             total(lambda x, y: _square(x, y, lambda key: False, once=("mb", "my", "by"))) / scale,
             total(lambda x, y: M * x + B - y) / scale,
             total(lambda x, y: (M * x - y) ** 2) / scale,  # the line y = mx
             total(lambda x, y: _square(y, x, lambda key: False)) / scale]  # each point read (y, x)
    if problem.ask == Ask.FUNCTION:  # some products once; the y² left out, or the y added for them; (mx + b + y)²
        costs += [*(total(lambda x, y, once=once: _square(x, y, lambda key: False, once=once)) / scale
                    for once in [("mb",), ("my", "by"), ("my",), ("by",), ("mb", "my"), ("mb", "by")]),
                  total(lambda x, y: _square(x, y, lambda key: False, constant=False)) / scale,
                  total(lambda x, y: _square(x, y, lambda key: False, constant=False) + y) / scale,
                  total(lambda x, y: _square(x, y, lambda key: False, sign=1)) / scale]
    halved = [problem.cost.function / 2] if problem.ask != Ask.STEP else []  # ½Σ: the ½ without the n, or on E
    if problem.mean:
        costs += [problem.cost.function / n, problem.cost.function, *halved]
    else:  # the sum E: divided by n, halved, or divided by 2n as the mean cost is
        costs += [problem.cost.function / n, *halved, *([problem.cost.function / (2 * n)] if halved and n > 1 else [])]
    for i in range(n if n <= 12 else 0):
        others = [p for j, p in enumerate(problem.points) if j != i]
        costs.append(sympy.expand(sympy.Add(*(_square(u, v, lambda key: False) for u, v in others))) / scale)
    return costs


def long_way(problem: Cost) -> list:
    """What each wrong cost's candidate was, the long way: the tree, its value, or the step."""
    costs = long_way_costs(problem)
    if problem.ask == Ask.FUNCTION:
        return [sympy.expand(c) for c in costs]
    if problem.ask == Ask.VALUE:
        return [c.xreplace({M: problem.at[0], B: problem.at[1]}) for c in costs]
    (m0, b0), alpha = problem.step.start, problem.step.rate
    slopes = [tuple(sympy.diff(c, v).xreplace({M: m0, B: b0}) for v in (M, B)) for c in costs]
    return [(m0 - alpha * s[0], b0 - alpha * s[1]) for s in slopes if any(s)]  # a slope 0 at the start: no step


# the start given back, and slips in a step's own slope, said before the wrong costs' steps, which they are not
_SLOPE_SLIPS = {"iterations-off-by-one", "square-slope-without-two", "slope-not-averaged"}


def assert_same_candidates(problem: Cost) -> None:
    wanted = long_way(problem)
    costs = [c for c in cost_candidates(problem) if c.misconception not in _SLOPE_SLIPS]
    got = [c.answer.value for c in costs[:len(wanted)]]
    assert got == wanted
    assert [sympy.srepr(v) for v in got] == [sympy.srepr(v) for v in wanted]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(RATIONALS, RATIONALS), min_size=1, max_size=6), st.sampled_from(list(Form)),
       st.sampled_from(list(Ask)), st.tuples(st.one_of(INTS, RATIONALS, FLOATS), st.one_of(INTS, RATIONALS, FLOATS)),
       st.sampled_from([sympy.Rational(1, 10), sympy.Rational(1, 3), sympy.Integer(1)]))
def test_a_wrong_costs_candidate_is_the_long_ways(points, form, ask, at, rate):
    """Each wrong cost (a square multiplied out with a slip, the errors unsquared, the mean taken
    wrongly, a point left out), built from the data in exact fractions, gives the very candidate the
    long way gives: the tree sympy.expand gives, its value at (m, b), the step from it."""
    assume(ask == Ask.VALUE or all(v.is_Rational for v in at))  # a step starts at exact numbers (exact())
    problem = Cost(points=tuple(points), ask=ask, form=form, at=at if ask == Ask.VALUE else None,
                   start=at if ask == Ask.STEP else None, rate=rate if ask == Ask.STEP else None)
    assert_same_candidates(problem)


def test_the_packs_cost_candidates_are_the_long_ways():
    compared = 0
    for spec in packs.load("drills").exercises:
        if spec.id.startswith("cost-"):
            for student in ("s0001", "s0002", "s0003", "s0004"):
                assert_same_candidates(spec.variant(student).problem)
                compared += 1
    assert compared >= 12


@settings(max_examples=120, deadline=None)
@given(st.tuples(RATIONALS, RATIONALS, RATIONALS).filter(lambda t: t[0] or t[1]),
       st.sampled_from([sympy.Integer(1), sympy.Integer(-2), sympy.Rational(3, 5)]))
def test_one_line_twice_is_the_line_as_equation_writes(line, k):
    """Two proportional lines give their line, the tree as_equation writes (as polynomial_zeros gives it)."""
    x, y = symbol("x"), symbol("y")
    a, b, c = line
    equations = [a * x + b * y + c, k * (a * x + b * y + c)]
    assert sympy.srepr(common_zeros(equations, ["x", "y"])) == sympy.srepr(((), (as_equation(equations[0], [x, y]),)))
    assert sympy.srepr(common_zeros(equations, ["x", "y"])) == sympy.srepr(polynomial_zeros(equations, ["x", "y"]))
