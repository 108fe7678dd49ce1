"""Solving polynomial systems the lesson's way (tutor.calculus.factor_cases.polynomial_zeros): the
points and lines a student finds from a (possibly wrong) gradient, exactly.

The golden cases are the lesson's own systems and the drills' wrong gradients; the property tests
check random systems against sympy's own solve and the factors against sympy's factor_list.
"""

from __future__ import annotations

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solve_helpers import lesson, x, y

from tutor.calculus.critical import critical_points
from tutor.calculus.factor_cases import factors_of, polynomial_zeros
from tutor.calculus.roots import compare, real_roots
from tutor.parse import Equation, symbol

SETTINGS = {"derandomize": True, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
R = sympy.Rational


def zeros(*equations: str, variables: tuple[str, ...] = ("x", "y")):
    return polynomial_zeros([lesson(e) for e in equations], variables)


@pytest.mark.parametrize("equations, points, lines", [
    # the saddle drill's gradient and slips in it: two lines meet in one point
    (("2x + 3", "3 - 2y"), [(R(-3, 2), R(3, 2))], []),
    (("2x - 2y + 6", "x + 3y - 1"), [(R(-2), R(1))], []),
    # the same line twice (x and y swapped in both partials): a whole line, no point
    (("2x - 2y + 6", "2x - 2y + 6"), [], [Equation(x, y - 3)]),
    # parallel lines: nothing
    (("x - y", "x - y + 1"), [], []),
    # a constant partial is never 0
    (("5", "3 - 2y"), [], []),
    # the sauna's walls: x = 0 is a line of critical points, (6, 6) an isolated one
    (("x(y - 6)", "x(x - 6)"), [(R(6), R(6))], [Equation(x, 0)]),
    # the cubic drill (a = 2): a square root of a square, each sign a point
    (("3x^2 - 12", "2y"), [(R(-2), R(0)), (R(2), R(0))], []),
    # irrational roots, put into the other equation
    (("x^2 - 2", "y - x"), [(-sympy.sqrt(2), -sympy.sqrt(2)), (sympy.sqrt(2), sympy.sqrt(2))], []),
    (("2x^2 + 3", "3 - 2y^2"), [], []),
    # a factor in both variables, settled by one in x alone
    (("x^2 + 3x", "x - 2y + 3"), [(R(-3), R(0)), (R(0), R(3, 2))], []),
])
def test_the_points_and_lines_of_a_system_exactly(equations, points, lines):
    found = zeros(*equations)
    assert found is not None
    assert sorted(found[0], key=sympy.default_sort_key) == sorted(points, key=sympy.default_sort_key)
    assert list(found[1]) == lines


def test_one_variable():
    assert polynomial_zeros([lesson("3x^2 - 27")], ["x"]) == (((R(-3),), (R(3),)), ())
    assert polynomial_zeros([lesson("4x + 6")], ["x"]) == (((R(-3, 2),),), ())


@pytest.mark.parametrize("equations", [
    ("x^4 - 1", "y"),  # beyond the degree a student solves by hand
    ("x^2 + y^2 - 1", "x^2 - y"),  # no factor in one variable, not linear: not settled this way
    ("sin(x)", "y"),
])
def test_systems_not_solved_this_way(equations):
    assert zeros(*equations) is None


# ------------------------------------------------------------------ properties

_LINEAR = st.tuples(st.integers(-4, 4), st.integers(-4, 4), st.integers(-6, 6)).filter(lambda c: c[0] or c[1])
_SINGLE = st.tuples(st.sampled_from("xy"), st.integers(-3, 3).filter(bool), st.integers(-3, 3),
                    st.integers(-9, 9))


def _factor(choice) -> sympy.Expr:
    if len(choice) == 3:
        a, b, c = choice
        return a * x + b * y + c
    v, a, b, c = choice
    s = symbol(v)
    return a * s**2 + b * s + c


_EQUATION = st.lists(st.one_of(_LINEAR, _SINGLE), min_size=1, max_size=2).map(
    lambda fs: sympy.Mul(*(_factor(f) for f in fs)))


@settings(max_examples=60, **SETTINGS)
@given(_EQUATION, _EQUATION, st.booleans())
def test_random_systems_agree_with_sympys_solve(p, q, expand):
    if expand:
        p, q = sympy.expand(p), sympy.expand(q)
    found = polynomial_zeros([p, q], ["x", "y"])
    if found is None:
        return
    points, lines = found
    for point in points:
        values = dict(zip((x, y), point))
        assert sympy.expand(p.xreplace(values)) == 0 and sympy.expand(q.xreplace(values)) == 0
    for line in lines:
        rest = sympy.solve(line.lhs - line.rhs, line.lhs)[0]
        assert sympy.expand(p.xreplace({line.lhs: rest})) == 0 == sympy.expand(q.xreplace({line.lhs: rest}))
    solved = sympy.solve([p, q], [x, y], dict=True)
    isolated = {(complex(s[x]), complex(s[y])) for s in solved if x in s and y in s
                and not (s[x].free_symbols | s[y].free_symbols)}
    real = {(round(a.real, 9), round(b.real, 9)) for a, b in isolated if abs(a.imag) + abs(b.imag) < 1e-12}
    off_lines = {(a, b) for a, b in real
                 if not any(abs(complex((line.lhs - line.rhs).xreplace({x: a, y: b}))) < 1e-9 for line in lines)}
    assert {(round(float(a), 9), round(float(b), 9)) for a, b in points} == off_lines


@settings(max_examples=80, **SETTINGS)
@given(st.lists(st.one_of(_LINEAR, _SINGLE), min_size=1, max_size=3), st.integers(1, 3),
       st.sampled_from([1, R(1, 2), -3]), st.sampled_from([("x", "y"), ("w", "b")]))
def test_the_factors_are_sympys_irreducible_factors(choices, power, scale, names):
    u, v = (symbol(n) for n in names)
    factors = [_factor(c).xreplace({x: u, y: v}) for c in choices]
    numerator = scale * sympy.Mul(*factors) ** power
    syms = (u, v)
    expected = [f for f, _ in sympy.factor_list(numerator)[1] if f.free_symbols & set(syms)]
    assert sorted(factors_of(numerator, syms), key=sympy.default_sort_key) == \
        sorted(dict.fromkeys(expected), key=sympy.default_sort_key)
    assert factors_of(sympy.expand(numerator), syms) == factors_of(numerator, syms)


# ------------------------------------------------------------------ exact comparison, classification


@pytest.mark.parametrize("poly", ["4x^3 - 4x + 1/5", "x^3 - 3x + 1", "x^5 - 5x^3 + 4x + 1/3"])
def test_real_roots_of_one_polynomial_compare_as_their_values(poly):
    roots = real_roots(lesson(poly), x)
    assert len(roots) >= 3
    for a in roots:
        for b in roots:
            assert compare(a, b) == (float(a) > float(b)) - (float(a) < float(b))
    assert compare(roots[0], sympy.Rational(-10)) == 1 and compare(roots[-1], roots[0] + 0) == 1


@pytest.mark.parametrize("a, b, expected", [
    # the drill lm-valleys: (x² - 1)² + a·y² + b·x, minima on either side, a saddle between
    # the x: mpmath.polyroots([4, 0, -4, b]) of f_x = 4x³ - 4x + b
    (1, R(1, 5), [(-1.0241, "minimum"), (0.0501, "saddle"), (0.974, "minimum")]),
    (3, R(2, 5), [(-1.0467, "minimum"), (0.101, "saddle"), (0.9456, "minimum")]),
])
def test_the_valleys_drill_classified_exactly(a, b, expected):
    f = (x**2 - 1) ** 2 + a * y**2 + b * x
    found = critical_points(f, ["x", "y"])
    assert [(round(float(p.point[0]), 4), p.nature.value) for p in found.points] == expected
    assert all(p.point[1] == 0 and isinstance(p.point[0], sympy.CRootOf) for p in found.points)
    assert [p.classification.reason.split(" ")[0] for p in found.points] == ["D", "D", "D"]


def test_a_point_where_f_is_undefined_is_not_critical():
    assert critical_points(lesson("(x^3 - x)/x"), ["x"]).points == ()
    assert [p.point for p in critical_points(lesson("x^2 + 1/x"), ["x"]).points] == [(2 ** R(-1, 3),)]


def test_a_fraction_that_cancels_is_factored_as_sympy_factors_it():
    assert factors_of((x**3 - x) / x, (x,)) == (x - 1, x + 1)
    # eˣ > 0 is never 0: not a case to solve, and the one left is a polynomial's, solved completely
    assert factors_of(sympy.exp(x) * (2 * x + 1), (x,)) == (2 * x + 1,)


_RATIONALS = st.builds(R, st.integers(-9, 9), st.integers(1, 4))


@settings(max_examples=150, **SETTINGS)
@given(st.lists(_RATIONALS, min_size=1, max_size=2), _RATIONALS.filter(bool),
       st.lists(_RATIONALS, min_size=2, max_size=3), st.booleans())
def test_roots_of_lines_and_quadratics_are_sympys(roots, scale, coefficients, from_roots):
    """Rational roots are found without sympy's root isolation: the same numbers, in the same order."""
    p = scale * sympy.Mul(*(x - r for r in roots)) if from_roots else \
        sum(c * x**k for k, c in enumerate(coefficients))
    poly = sympy.Poly(p, x)
    if poly.degree() < 1:
        return
    assert real_roots(poly) == tuple(dict.fromkeys(poly.real_roots()))
