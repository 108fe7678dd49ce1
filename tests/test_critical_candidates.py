"""The critical points' candidates solve each wrong gradient's system without factoring where its
coefficients settle it (issue 17): linear systems by Cramer's rule, an equation in one variable with
rational roots and the other at each root, a nonzero constant, a degree too high, two irreducible
curves. Each answer is the very tree polynomial_zeros gives (srepr compared): on random systems
(hypothesis), on every system the drills' critical-point variants solve, and on the candidates
those variants get, compared with the ones solving every system with polynomial_zeros gives."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.calculus.factor_cases import polynomial_zeros
from tutor.misconceptions.derivatives import wrong_gradients
from tutor.parse import symbol
from tutor.topics import candidates
from tutor.topics.critical_points import misconceptions as cp
from tutor.topics.critical_points.zeros import common_zeros

x, y = symbol("x"), symbol("y")
XY = ("x", "y")


def _same(equations: list, variables: tuple[str, ...]) -> None:
    assert sympy.srepr(common_zeros(equations, variables)) == sympy.srepr(polynomial_zeros(equations, variables))


small = st.integers(-4, 4)
rationals = st.builds(sympy.Rational, st.integers(-6, 6), st.integers(1, 3))
leaves = st.one_of(st.sampled_from([x, y]), rationals)
linear = st.builds(lambda a, b, c: a * x + b * y + c, small, small, rationals)
trees = st.recursive(
    st.one_of(leaves, linear),
    lambda inner: st.one_of(
        st.builds(lambda a, b: a + b, inner, inner),
        st.builds(lambda a, b: a * b, inner, inner),
        st.builds(lambda a, n: a**n, inner, st.integers(2, 3)),
    ),
    max_leaves=5,
)


@settings(max_examples=120, deadline=None)
@given(st.lists(trees, min_size=2, max_size=2))
def test_random_systems_are_solved_as_polynomial_zeros_solves_them(equations: list) -> None:
    _same(equations, XY)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(small, small, small, small), min_size=2, max_size=2), st.booleans())
def test_a_cubic_in_each_variable_is_solved_as_polynomial_zeros_solves_it(rows: list, swapped: bool) -> None:
    """x³ − 3x beside y³ − 27: each one's roots, remembered, beside the other's (the homework's critical points,
    whose wrong partials leave a cube: 3x³ − 1 for a power not lowered)."""
    (a, b, c, d), (e, f, g, h) = rows
    first, second = a * x**3 + b * x**2 + c * x + d, e * y**3 + f * y**2 + g * y + h
    _same([second, first] if swapped else [first, second], XY)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(small, small, small, small, small, small), min_size=2, max_size=2))
def test_random_quadratics_are_solved_as_polynomial_zeros_solves_them(rows: list) -> None:
    """Conics, and equations in one variable (the zero coefficients): the triangular and the
    irreducible systems are mostly these."""
    equations = [a * x**2 + b * x * y + c * y**2 + d * x + e * y + f for a, b, c, d, e, f in rows]
    _same(equations, XY)
    _same([equations[0].subs(y, 0), equations[1].subs(x, 0)], XY)  # in one variable each
    _same([equations[0].subs(y, 0), equations[1]], XY)


@settings(max_examples=80, deadline=None)
@given(st.lists(small, min_size=6, max_size=6), st.lists(small, min_size=6, max_size=6))
def test_products_of_lines_are_solved_as_polynomial_zeros_solves_them(lines: list, conic: list) -> None:
    """A degenerate conic (two lines, one of them maybe in one variable) beside another conic."""
    a, b, c, d, e, f = lines
    product = sympy.expand((a * x + b * y + c) * (d * x + e * y + f))
    other = sum(k * m for k, m in zip(conic, (x**2, x * y, y**2, x, y, 1)))
    _same([product, other], XY)
    _same([other, product], XY)


@settings(max_examples=80, deadline=None)
@given(st.tuples(small, small, small, small, small, small), rationals.filter(lambda k: k != 0))
def test_one_curve_twice_is_solved_as_polynomial_zeros_solves_it(row: tuple, k: sympy.Expr) -> None:
    """A line or a conic twice (a slip that gives both partials the same): its lines, or nothing."""
    a, b, c, d, e, f = row
    curve = a * x**2 + b * x * y + c * y**2 + d * x + e * y + f
    _same([curve, sympy.expand(k * curve)], XY)
    line = d * x + e * y + f
    _same([line, sympy.expand(k * line)], XY)


@settings(max_examples=50, deadline=None)
@given(trees)
def test_one_variable_is_solved_as_polynomial_zeros_solves_it(equation: sympy.Expr) -> None:
    _same([equation.subs(y, 2)], ("x",))


@pytest.mark.parametrize("equations", [
    [2 * x + 3, 4 * x + 6],  # one line twice: polynomial_zeros gives the line
    [2 * x + 3, 2 * x + 5],  # parallel lines
    [x - 1, (x - 1) * (y - 2)],  # a whole line through the root
    [x**2 - 1, y**2 - 4],  # four rational points
    [x**2 + 1, y - 2],  # no real root
    [x**2 - 2, y - 1],  # irrational roots, beside a line in the other variable
    [x**2 - 6 * x - 6, -(y**2) - 4 * y - 4],  # irrational roots beside a double root
    [-3 * y**2 + y + 1, 2 * x**2 - 6],  # irrational pairs in each variable, a negative leading coefficient
    [x**2 - 2, x - 2 * y],  # irrational roots, the other equation in both variables
    [x**2 - 3 * x + 2, x * y - 1],  # rational roots, the other equation in both variables
    [x**3 - 27 * x, y],  # a cubic: polynomial_zeros
    [2 * y + (x - 4) ** 2, 2 * x + y**2 - 8],  # irreducible curves
    [x**2 + y**2 - 1, 2 * x**2 + 2 * y**2 - 2],  # one irreducible curve twice
    [x**2 + 3 * x - y**2 + 5 * y, x**2 + 3 * x - y**2 + 5 * y],  # a hyperbola twice
    [x**2 + 3 * x - y**2 + 3 * y, x**2 + 3 * x - y**2 + 3 * y],  # two lines twice
    [x - y + 3, 2 * x - 2 * y + 6],  # one line twice
    [x**2 - y**2, x + y],  # a degenerate conic
    [x**2 + x * y, x**2 + y**2 - 1],  # a degenerate conic with a factor in one variable
    [x**4 + y, x],  # a degree beyond polynomial_zeros's
    [sympy.Integer(0), x + y],  # one equation left: a line
    [sympy.Integer(5), x**2 + y],  # a nonzero constant
    [x / y + 1, x - 1],  # not a polynomial
])
def test_the_edges_are_solved_as_polynomial_zeros_solves_them(equations: list) -> None:
    _same(equations, XY)


def _variants() -> list:
    pack = packs.load("drills")
    return [spec.variant(f"s{n:04d}") for spec in pack.exercises if spec.kind == "critical_points"
            for n in range(12)]


def test_every_system_the_drills_solve_is_solved_as_polynomial_zeros_solves_it() -> None:
    for exercise in _variants():
        problem = exercise.problem
        for _, wrong in wrong_gradients(problem.function, problem.variables, problem.name, pairs="everywhere"):
            _same(list(wrong), tuple(problem.variables))


def _shown(found: list) -> list:
    return [sympy.srepr(c.answer.value) + c.sentence if hasattr(c, "answer") else c.misconception for c in found]


def test_the_drills_candidates_are_those_polynomial_zeros_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    for exercise in _variants():
        new = _shown(candidates(exercise.problem))
        with monkeypatch.context() as m:
            m.setattr(cp, "common_zeros", polynomial_zeros)
            old = _shown(candidates(exercise.problem))
        assert new == old
