"""Property tests: on random integer polynomials the exact solvers find every critical point and
every local minimum, each exactly, and never raise.

Completeness is checked against a numeric root finder written independently (mpmath.polyroots
on f′ in one variable; in two, on the resultant that eliminates x, then on f_x at each y).
Exactness: a rational or square-root point is put into ∇f and must give exactly 0; a root
written as CRootOf(p, k) must have p divide f′ (one variable), and in two variables each such
coordinate must be an exact root of the resultant that eliminates the other variable, with ∇f
at the pair 0 to 50 digits (sympy's exact test for the pair, by minimal polynomials, takes
minutes on a degree-9 pair).
"""

from __future__ import annotations

import mpmath
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solve_helpers import x, y

from tutor.calculus import Nature, critical_points, local_minima, minimize
from tutor.calculus.common import SolveError

SETTINGS = {"derandomize": True, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


def polynomials(variables: int, degree: int):
    monomials = [(i, j) for i in range(degree + 1) for j in range(degree + 1 - i) if variables == 2 or j == 0]
    return st.lists(st.integers(-6, 6), min_size=len(monomials), max_size=len(monomials)).map(
        lambda coefficients: sympy.Add(*(c * x**i * y**j for c, (i, j) in zip(coefficients, monomials))))


def exactly_zero(value: sympy.Expr) -> bool:
    return sympy.radsimp(sympy.expand(value)) == 0


def root_of(value: sympy.Expr, poly: sympy.Expr, variable: sympy.Symbol) -> bool:
    """value is exactly a root of poly (a polynomial in variable)."""
    if isinstance(value, sympy.CRootOf):
        return sympy.rem(poly, value.poly.as_expr().xreplace({value.poly.gen: variable}), variable) == 0
    return exactly_zero(poly.xreplace({variable: value}))


def close(a: complex, b: complex, scale: float = 1.0) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(scale))


def numeric_real_roots(poly: sympy.Poly, keep: bool = False) -> list:
    """Distinct real roots, numerically, by mpmath alone (as floats, or kept at 60 digits)."""
    if poly.degree() < 1:
        return []
    with mpmath.workdps(60):
        poly = sympy.Poly(sympy.sqf_part(poly.as_expr()), poly.gen)  # simple roots: polyroots converges
        roots = mpmath.polyroots([mpmath.mpf(c.p) / c.q for c in poly.all_coeffs()], maxsteps=500, extraprec=400)
        real = sorted(mpmath.re(r) for r in roots if abs(mpmath.im(r)) < 1e-20)
    real = [r for i, r in enumerate(real) if i == 0 or not close(float(r), float(real[i - 1]), float(r))]
    return real if keep else [float(r) for r in real]


@settings(max_examples=20, **SETTINGS)
@given(polynomials(1, 5))
def test_one_variable_every_critical_point_exact_and_none_missed(f):
    if not f.free_symbols:
        return
    result = critical_points(f, ["x"])
    slope = sympy.diff(f, x)
    if slope == 0:
        return
    found = [p.point[0] for p in result.points]
    assert result.complete and result.sets == ()
    for point in found:
        assert root_of(point, slope, x)
    expected = numeric_real_roots(sympy.Poly(slope, x))
    assert len(found) == len(expected)
    assert all(close(float(p), e, e) for p, e in zip(found, expected))
    assert found == sorted(found, key=lambda p: float(p))


@settings(max_examples=20, **SETTINGS)
@given(polynomials(1, 5))
def test_one_variable_every_local_minimum_and_the_global_one(f):
    if not f.free_symbols:
        return
    slope = sympy.diff(f, x)
    places = numeric_real_roots(sympy.Poly(slope, x))
    evaluate = sympy.lambdify(x, slope)
    minima = [r for r in places if evaluate(r - 1e-4) < 0 < evaluate(r + 1e-4)]  # f′ goes from - to +
    try:
        result = minimize(f, "x")
    except SolveError as error:
        assert not minima and "no minimum" in error.message
        return
    assert [round(m.approx, 5) for m in result.minima] == [round(r, 5) for r in minima]
    degree, lead = sympy.degree(f, x), sympy.Poly(f, x).LC()
    assert result.is_global == (degree % 2 == 0 and lead > 0)
    if result.is_global:
        value = sympy.lambdify(x, f)
        assert float(result.value) <= min(value(k / 100) for k in range(-1000, 1001)) + 1e-9


@settings(max_examples=6, **SETTINGS)
@given(polynomials(2, 4))
def test_two_variables_every_critical_point_exact_and_none_missed(f):
    if not f.free_symbols:
        return
    result = critical_points(f, ["x", "y"])
    fx, fy = sympy.diff(f, x), sympy.diff(f, y)
    assert result.complete
    common = fx == 0 or fy == 0 or sympy.gcd(fx, fy).free_symbols
    for p in result.points:
        values = dict(zip((x, y), p.point))
        assert p.classification.label in tuple(Nature)
        if not any(c.has(sympy.CRootOf) for c in p.point):
            assert exactly_zero(fx.xreplace(values)) and exactly_zero(fy.xreplace(values))
            continue
        assert not common
        assert root_of(p.point[0], sympy.resultant(fx, fy, y), x)
        assert root_of(p.point[1], sympy.resultant(fx, fy, x), y)
        with mpmath.workdps(50):
            assert all(abs(g.evalf(50, subs=values)) < 1e-40 for g in (fx, fy))
    if common:
        return  # a common factor: whole curves of critical points, checked above only for exactness
    expected = []
    eliminated = sympy.Poly(sympy.resultant(fx, fy, x), y)
    along = sympy.Poly(fx, x)
    with mpmath.workdps(60):
        for y0 in numeric_real_roots(eliminated, keep=True):
            coefficients = [sympy.lambdify(y, c, "mpmath")(y0) for c in along.all_coeffs()]
            while coefficients and abs(coefficients[0]) < mpmath.mpf(10) ** -40:
                coefficients = coefficients[1:]
            if len(coefficients) < 2:
                continue
            roots = mpmath.polyroots(coefficients, maxsteps=500, extraprec=400)
            for x0 in (mpmath.re(r) for r in roots if abs(mpmath.im(r)) < 1e-20):
                if abs(sympy.lambdify((x, y), fy, "mpmath")(x0, y0)) < 1e-20:
                    expected.append((float(x0), float(y0)))
    found = [tuple(float(c) for c in p.point) for p in result.points]
    for e in expected:
        assert any(close(q[0], e[0], e[0]) and close(q[1], e[1], e[1]) for q in found), (e, found)
    for q in found:
        assert any(close(q[0], e[0], e[0]) and close(q[1], e[1], e[1]) for e in expected), (q, expected)


@settings(max_examples=5, **SETTINGS)
@given(polynomials(2, 4))
def test_two_variables_local_minima_never_raise(f):
    if not f.free_symbols:
        return
    result = local_minima(f, ["x", "y"])
    assert len(result.values) == len(result.points)
    if result.lowest is not None:
        assert all(float(v) >= float(result.values[result.lowest]) - 1e-12 for v in result.values)


@settings(max_examples=6, **SETTINGS)
@given(polynomials(1, 3), st.integers(-3, 3), st.integers(-3, 3), st.integers(1, 2))
def test_the_lessons_exp_and_log_functions_give_a_result_or_a_sentence(p, a, c, two):
    """p(x) + a·eˣ + c·ln x (and in two variables + y²): never an exception, only results or SolveError."""
    f = p + a * sympy.exp(x) + c * sympy.log(x) + (y**2 if two == 2 else 0)
    if not f.free_symbols:
        return
    names = ["x", "y"] if two == 2 else ["x"]
    result = critical_points(f, names)
    for point in result.points:
        assert all(sign_real(c) for c in point)
    try:
        if two == 1:
            minimize(f, "x")
        else:
            local_minima(f, names)
    except SolveError as error:
        assert error.message


def sign_real(value: sympy.Expr) -> bool:
    return value.is_extended_real is not False and abs(sympy.im(value.evalf(30))) < 1e-20
