"""Golden tests: every worked example of the lesson, solved exactly by tutor.calculus."""

from __future__ import annotations

import sympy
from solve_helpers import agrees, b, lesson, m, same, shown, x, y

from tutor.calculus import critical_points, derivative, descend, fit_line, gradient, minimize, partial, tangent_plane
from tutor.parse import Equation

SAUNA = "85 - 1/90 x^2 (x-6) y^2 (y-6)"
ROOM = "0 <= x <= 5, 0 <= y <= 5"


# ------------------------------------------------------------- partial derivatives


def test_partials_of_x2_plus_y2():
    assert partial("x^2 + y^2", "x").derivative == 2 * x
    assert partial("x^2 + y^2", "y").derivative == 2 * y


def test_partials_of_3x2y3():
    assert shown(partial("3x^2 y^3", "x").derivative) == "6xy³"
    assert shown(partial("3x^2 y^3", "y").derivative) == "9x²y²"
    assert partial("3x^2 y^3", "y").derivative == 9 * x**2 * y**2


def test_partial_at_a_point():
    result = partial("3x^2 y^3", "x", {"x": 1, "y": 2})
    assert result.value == 48
    assert dict(result.at) == {"x": 1, "y": 2}


def test_sauna_partials_are_the_lessons_forms():
    fx, fy = partial(SAUNA, "x").derivative, partial(SAUNA, "y").derivative
    assert shown(fx) == "-x(3x - 12)y²(y - 6)/90"
    assert shown(fy) == "-x²(x - 6)y(3y - 12)/90"
    assert same(fx, lesson("-1/90 x(3x - 12) y^2 (y - 6)"))
    assert same(fy, lesson("-1/90 x^2 (x - 6) y (3y - 12)"))


def test_partial_derivative_equals_sympys():
    f = lesson(SAUNA)
    assert same(derivative(f, "x"), sympy.diff(f, x))


# ----------------------------------------------------------------------- gradients


def test_gradient_and_its_value_at_2_3():
    g = gradient("x^2 + y^2", None, {"x": 2, "y": 3})
    assert g.variables == ("x", "y")
    assert g.components == (2 * x, 2 * y)
    assert g.values == (4, 6)


def test_gradient_order_is_x_y_z_then_alphabetical():
    assert gradient("a x + z + y + b").variables == ("x", "y", "z", "a", "b")
    assert gradient("a x + b", ["a", "x"]).variables == ("a", "x")


# -------------------------------------------------------------------- the sauna


def test_sauna_critical_points_keep_the_whole_lines_x_0_and_y_0():
    result = critical_points(SAUNA, None, ROOM)
    assert result.complete
    assert {s.equation for s in result.sets} == {Equation(x, 0), Equation(y, 0)}
    assert all(s.inside for s in result.sets)
    assert all(s.value == 85 for s in result.sets)
    assert any("line x = 0" in s.description for s in result.sets)


def test_sauna_minimum_inside_the_room_and_saddle_outside():
    points = {p.point: p for p in critical_points(SAUNA, None, ROOM).points}
    assert set(points) == {(4, 4), (6, 6)}
    assert points[(4, 4)].inside is True
    assert points[(4, 4)].classification.label == "minimum"
    assert sympy.Rational(4096, 225) == points[(4, 4)].classification.D
    assert points[(4, 4)].classification.fxx == sympy.Rational(64, 15)
    assert points[(6, 6)].inside is False
    assert points[(6, 6)].classification.label == "saddle"


def test_sauna_cases_give_the_lessons_candidate_points():
    result = critical_points(SAUNA, None, ROOM)
    candidates = {p for case in result.cases for p in case.points}
    assert candidates == {(0, 0), (0, 4), (0, 6), (4, 0), (4, 4), (6, 0), (6, 6)}
    outside = {p for p in candidates if not result.region.contains(p)}
    assert outside == {(0, 6), (6, 0), (6, 6)}


def test_minimum_of_the_sauna_is_73_6_degrees():
    assert lesson(SAUNA).xreplace({x: 4, y: 4}) == 85 - sympy.Rational(1024, 90)


# ----------------------------------------------------------------- least squares


def test_power_lines_least_squares():
    fit = fit_line([(1, 2), (2, 5), (3, 3)])
    assert fit.slope == sympy.Rational(1, 2)
    assert fit.intercept == sympy.Rational(7, 3)
    assert fit.cost == sympy.Rational(25, 6)
    assert round(float(fit.cost), 3) == 4.167
    assert sympy.expand(fit.cost_function - lesson("14m^2 + 3b^2 + 38 + 12mb - 42m - 20b")) == 0


def test_power_lines_cost_partials():
    E = fit_line([(1, 2), (2, 5), (3, 3)]).cost_function
    assert derivative(E, "m") == 28 * m + 12 * b - 42
    assert derivative(E, "b") == 6 * b + 12 * m - 20
    assert shown(derivative(E, "m"), ("m", "b")) == "28m + 12b - 42"


def test_cost_function_at_the_optimum_is_the_cost():
    fit = fit_line([(1, 2), (2, 5), (3, 3)])
    assert fit.cost_function.xreplace({m: fit.slope, b: fit.intercept}) == fit.cost


# -------------------------------------------------------------------- minimising


def test_minimum_of_exp_minus_ln_is_the_omega_constant():
    result = minimize("e^x - ln x")
    assert result.exact
    assert result.point == sympy.LambertW(1)
    assert round(result.approx, 4) == 0.5671
    assert same(result.value, sympy.LambertW(1) + 1 / sympy.LambertW(1))
    # the lesson calls it the minimum: f″ = eˣ + 1/x² > 0 wherever f is defined, so it is the global one
    assert result.is_global and result.complete
    assert result.note == "f″(x) = eˣ + 1/x² > 0 wherever f is defined"


# -------------------------------------------------------------- gradient descent


def test_descent_table_for_exp_minus_ln():
    rows = descend("e^x - ln x", None, 0.05, 0.005, iterations=20).rows
    assert len(rows) == 21
    assert agrees(rows[0].gradient[0], "-18.9487")
    assert agrees(rows[1].point[0], "0.14474")
    assert agrees(rows[2].point[0], "0.17351")


def test_lesson_slope_at_the_rounded_point():
    assert round(float(partial("e^x - ln x", "x", {"x": "0.1447"}).value), 4) == -5.7552


def test_descent_table_for_the_heat_function_has_the_right_signs():
    rows = descend(SAUNA, None, (0.5, 0.6), 0.05, iterations=2).rows
    gx, gy = rows[0].gradient
    assert (round(gx, 4), round(gy, 4)) == (-0.1134, -0.0935)  # the lesson prints 0.1134
    assert agrees(rows[1].point[0], "0.50567") and agrees(rows[1].point[1], "0.60468")
    assert agrees(rows[1].gradient[0], "-0.1162") and agrees(rows[1].gradient[1], "-0.0961")
    assert agrees(rows[2].point[0], "0.51148") and agrees(rows[2].point[1], "0.60948")


def test_descent_on_the_power_lines_cost_finds_the_exact_optimum():
    E = lesson("14m^2 + 3b^2 + 38 + 12mb - 42m - 20b")
    result = descend(E, ["m", "b"], (0, 0), 0.01, tolerance=1e-9)
    assert result.converged and result.diverged_at is None
    m_k, b_k = result.rows[-1].point
    assert abs(m_k - 0.5) < 1e-8 and abs(b_k - 7 / 3) < 1e-8
    assert abs(result.rows[-1].value - 25 / 6) < 1e-12


# -------------------------------------------------------------------- tangent plane


def test_tangent_plane_of_the_paraboloid():
    plane = tangent_plane("x^2 + y^2", None, {"x": 2, "y": 4})
    assert plane.value == 20 and plane.partials == (4, 8)
    assert plane.equation == Equation(sympy.Symbol("z", real=True), 4 * x + 8 * y - 20)
    assert [shown(term) for term in plane.terms] == ["20", "4(x - 2)", "8(y - 4)"]
