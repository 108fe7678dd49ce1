"""Golden tests for the solvers of the lesson's later slides, with the lesson's own numbers."""

from __future__ import annotations

import pytest
import sympy
from solve_helpers import agrees, b, lesson, m, shown, x, y

from tutor.calculus import (
    Behaviour,
    Move,
    Nature,
    compare_rates,
    critical_points,
    descend,
    descent_end,
    eliminate,
    fix_variable,
    iterations_until,
    line_cost,
    local_minima,
    mean_cost_step,
    minimize,
)
from tutor.calculus.roots import real_roots

SAUNA = "85 - 1/90 x^2 (x-6) y^2 (y-6)"
ROOM = "0 <= x <= 5, 0 <= y <= 5"
POWER_LINES = [(1, 2), (2, 5), (3, 3)]


# ----------------------------------------------------------------- the sauna: walls, minimum, outside


def test_sauna_walls_are_maxima_with_t_85_inside_the_room():
    result = critical_points(SAUNA, None, ROOM)
    walls = {s.equation.lhs: s for s in result.inside.sets}
    assert set(walls) == {x, y}
    for wall in walls.values():
        assert wall.value == 85 and wall.nature == Nature.MAXIMUM
        (piece,) = wall.pieces_inside
        assert piece.along == sympy.Interval(0, 5) and piece.nature == Nature.MAXIMUM
        assert "f ≤ 85" in piece.reason


def test_sauna_whole_walls_change_nature_at_6():
    wall = next(s for s in critical_points(SAUNA).sets if s.equation.lhs == x)
    assert [(p.show(), p.nature) for p in wall.pieces] == [
        ("y < 6", Nature.MAXIMUM), ("y = 6", Nature.NEITHER), ("6 < y", Nature.MINIMUM)]


def test_sauna_inside_and_outside_the_room_apart():
    result = critical_points(SAUNA, None, ROOM)
    assert [(p.point, p.nature) for p in result.inside.points] == [((4, 4), Nature.MINIMUM)]
    assert [p.point for p in result.outside.points] == [(6, 6)]
    assert result.outside.sets == ()


def test_t_is_below_85_near_the_walls_inside_the_room():
    T = lesson(SAUNA)
    for at in [(0.01, 2), (2, 0.01), (0.01, 0.01), (0.01, 4.99)]:
        assert T.xreplace({x: sympy.Rational(str(at[0])), y: sympy.Rational(str(at[1]))}) < 85


def test_sauna_gradient_at_the_start_to_four_places():
    # The lesson prints (0.1134, -0.0935); its own next step x ↦ 0.5057 = 0.5 - 0.05·(-0.1134)
    # shows the first component is -0.1134, a sign lost on the slide.
    rows = descend(SAUNA, None, (0.5, 0.6), 0.05, iterations=1).rows
    assert tuple(round(g, 4) for g in rows[0].gradient) == (-0.1134, -0.0935)
    assert tuple(round(c, 4) for c in rows[1].point) == (0.5057, 0.6047)


# ------------------------------------------------------------------------- e^x - ln x


def test_descent_on_exp_minus_ln_is_the_lessons_table():
    rows = descend("e^x - ln x", None, 0.05, 0.005, iterations=2).rows
    assert agrees(rows[0].gradient[0], "-18.9") and agrees(rows[1].point[0], "0.1447")
    assert agrees(rows[2].point[0], "0.1735")


# the lesson's name, and what W(1) is, as the lesson never writes W (finding 466)
OMEGA = "the Omega constant Ω, the x with xeˣ = 1 (Lambert's W function at 1)"


def test_the_minimum_of_exp_minus_ln_is_the_omega_constant():
    result = minimize("e^x - ln x")
    assert result.point == sympy.LambertW(1) and result.known_as == OMEGA
    assert round(result.approx, 6) == 0.567143
    assert result.minima[0].known_as == OMEGA


# --------------------------------------------------------------------------- power lines


def test_power_lines_squares_multiplied_out_as_the_lesson_does():
    cost = line_cost(POWER_LINES)
    first = cost.terms[0]
    assert first.residual == m + b - 2
    assert first.terms == (m**2, b**2, 4, 2 * m * b, -4 * m, -4 * b)
    assert cost.terms[1].terms == (4 * m**2, b**2, 25, 4 * m * b, -20 * m, -10 * b)
    assert cost.terms[2].terms == (9 * m**2, b**2, 9, 6 * m * b, -18 * m, -6 * b)
    assert cost.collected == (14 * m**2, 3 * b**2, 38, 12 * m * b, -42 * m, -20 * b)
    assert cost.gradient == (28 * m + 12 * b - 42, 6 * b + 12 * m - 20)


def test_power_lines_cost_at_the_optimum():
    value = line_cost(POWER_LINES).at("1/2", "7/3")
    assert value == sympy.Rational(25, 6) and round(float(value), 3) == 4.167


def test_normal_equations_by_elimination_the_lessons_way():
    result = eliminate(28 * m + 12 * b - 42, 6 * b + 12 * m - 20)
    moves = [(s.move, s.equation.lhs) for s in result.steps]
    assert moves[0] == (Move.SCALE, 12 * b + 24 * m - 40) and result.steps[0].factor == 2
    assert result.steps[0].of == 1
    assert moves[1] == (Move.SUBTRACT, 4 * m - 2)
    assert (moves[2], result.steps[2].ratio) == ((Move.SOLVE, m), (2, 4))
    assert result.steps[2].equation.rhs == sympy.Rational(1, 2)
    assert result.steps[3].move == Move.SUBSTITUTE and result.steps[3].of == 1
    assert shown(result.steps[3].equation.lhs, ("m", "b")) == "6b + 12(1/2) - 20"
    assert result.steps[4].move == Move.MULTIPLY_OUT and sympy.Add(*result.steps[4].equation.lhs.args) == 6 * b - 14
    assert moves[5] == (Move.COLLECT, 6 * b - 14)
    assert (moves[6], result.steps[6].ratio) == ((Move.SOLVE, b), (14, 6))
    assert result.solution == (sympy.Rational(1, 2), sympy.Rational(7, 3))


def test_one_descent_step_on_the_mean_cost_of_the_tv_data():
    step = mean_cost_step([("230.1", "22.1"), ("44.5", "10.4"), ("17.2", "9.3")], (0, 0), "0.00001")
    n = 3
    xs, ys = [sympy.Rational(v) for v in ("230.1", "44.5", "17.2")], [sympy.Rational(v) for v in ("22.1", "10.4", "9.3")]
    assert step.slope == (-sum(x_ * y_ for x_, y_ in zip(xs, ys)) / n, -sum(ys) / n)
    assert step.after == (sympy.Rational(1, 100000) * sum(x_ * y_ for x_, y_ in zip(xs, ys)) / n,
                          sympy.Rational(1, 100000) * sum(ys) / n)
    assert step.cost_before == sum(y_**2 for y_ in ys) / (2 * n)
    assert step.cost_after < step.cost_before


# --------------------------------------------------------------------- other slides


def test_fixing_y_4_on_the_tangent_plane_slide():
    fixed = fix_variable("x^2 + y^2", {"y": 4})
    assert shown(fixed.written) == "x² + 4²"
    assert fixed.slice == x**2 + 16 and fixed.derivative == 2 * x and fixed.remaining == ("x",)
    assert shown(fix_variable("x^2 + y^2", {"x": 2}).written) == "y² + 2²"


@pytest.mark.parametrize("value, written", [
    (0, "85 - 0²(0 - 6)y²(y - 6)/90"),  # was "85 - 0²(-6 + 0)y²(y - 6)/90"
    (-3, "85 - (-3)²(-3 - 6)y²(y - 6)/90"),  # was "(-6 - 3)"
    (7, "85 - 7²(7 - 6)y²(y - 6)/90"),
])
def test_a_value_put_in_stands_where_its_variable_stood(value, written):
    assert shown(fix_variable("85 - 1/90 x^2 (x - 6) y^2 (y - 6)", {"x": value}).written) == written


def test_learning_rates_too_large_too_small_just_right():
    result = compare_rates("x^2", None, 1, [1.1, 0.001, 0.5, 0.9, 0.25], steps=20)
    assert [t.behaviour for t in result.trials] == [Behaviour.DIVERGES, Behaviour.TOO_SLOW, Behaviour.CONVERGES,
                                                    Behaviour.OSCILLATES, Behaviour.CONVERGES]
    assert result.best_rate == 0.5 and result.trials[4].iterations > 1


@pytest.mark.parametrize("f, start, rate, steps, k", [
    ("x^2", 1, 0.9, 60, 45),  # x -> -0.8x
    ("(x - 3)^2", 0, 0.9, 60, 50),
    ("x^2 + 3y^2", (1, 1), 0.3, 60, 50),  # y -> -0.8y, x -> 0.4x
    ("x^2", 1, 0.55, 20, 5),  # x -> -0.1x: the best of its rates, zigzagging
])
def test_a_zigzag_that_converges_within_the_steps_oscillates_too(f, start, rate, steps, k):
    # finding 94: it was only "converges", so "oscillates" was told "α = 0.9 does not oscillate"
    trial = compare_rates(f, None, start, [rate], steps=steps).trials[0]
    size = "|f′|" if isinstance(start, int) else "|∇f|"
    assert (trial.behaviour, trial.iterations, trial.zigzags) == (Behaviour.CONVERGES, k, True)
    assert trial.true_of == {Behaviour.CONVERGES, Behaviour.OSCILLATES}
    assert trial.reason == (f"{size} is below 0.0001 after {k} steps, and it oscillates on the way: {k - 1} of its "
                            f"{k - 1} pairs of steps go back the way they came")
    short = compare_rates(f, None, start, [rate], steps=k - 1).trials[0]  # the same zigzag, too few steps
    assert short.behaviour == (Behaviour.OSCILLATES if k > 3 else Behaviour.TOO_SLOW)
    assert short.true_of == {short.behaviour}
    steady = compare_rates(f, None, start, [0.25 if isinstance(start, int) else 0.1], steps=steps).trials[0]
    assert steady.true_of == {Behaviour.CONVERGES} and not steady.zigzags


def test_a_rate_that_blows_up_diverges_at_its_step():
    trial = compare_rates("x^2", None, 1, [3], steps=100).trials[0]
    assert trial.behaviour == Behaviour.DIVERGES and trial.descent.diverged_at is not None
    assert "diverged at step" in trial.reason


def test_no_best_rate_when_none_converges():
    assert compare_rates("x^2", None, 1, [0.001, 1.1], steps=10).best is None


def test_stopping_when_the_slope_is_small():
    stop = iterations_until("x^2", None, 1, 0.1, 0.001)
    assert stop.iterations == 35 and stop.reason == ""
    assert abs(stop.descent.rows[-1].gradient[0]) < 0.001 <= abs(stop.descent.rows[-2].gradient[0])


def test_stopping_never_gets_there():
    assert "diverged at iteration" in iterations_until("x^2", None, 1, 1.5, 0.001).reason
    slow = iterations_until("x^2", None, 1, 0.0001, 0.001, bound=50)
    assert slow.iterations is None and "after 50 iterations" in slow.reason and len(slow.descent.rows) == 51


def test_divergent_descent_keeps_its_rows_with_or_without_iterations():
    for iterations in (None, 100):
        run = descend("x^2", None, 1, 1.5, iterations=iterations)
        assert run.diverged_at == len(run.rows) - 1 and run.diverged_at < 100
        assert [r.point[0] for r in run.rows[:3]] == [1, -2, 4]


# ------------------------------------------------------------------ local minima


def test_x4_minus_3x2_plus_x_has_two_local_minima_and_one_global():
    result = minimize("x^4 - 3x^2 + x")
    assert len(result.minima) == 2 and result.is_global
    left, right = result.minima
    assert result.point == left.point and round(left.approx, 4) == -1.3008 and round(right.approx, 4) == 1.1309
    assert left.point in real_roots(4 * x**3 - 6 * x + 1, x)


def test_the_lessons_two_valleys_and_where_descent_ends():
    f = "(x^2 - 1)^2 + y^2 + 0.3x"
    minima = local_minima(f)
    assert len(minima.points) == 2 and minima.lowest == 0 and minima.is_global
    # 4x(x² - 1) + 0.3 = 0: mpmath.polyroots([40, 0, -40, 3]) gives -1.03558, 0.07543, 0.96015
    assert [round(float(p.point[0]), 4) for p in minima.points] == [-1.0356, 0.9601]
    assert descent_end(f, None, (0.5, 1), 0.1).reached == 1
    assert descent_end(f, None, (-0.5, 1), 0.1).reached == 0


def test_a_minimum_of_an_unbounded_function_is_not_global():
    assert minimize("x^3 - 3x").is_global is False
    assert local_minima("x^3 - 3x + y^2").is_global is False


# ------------------------------------------------------------------ exact roots, edge cases


def test_tangent_curves_meet_once_each():
    from tutor.calculus.roots import real_solutions
    assert real_solutions(y - x**2, y - x**2 + (x**2 - 2) ** 2, x, y) == (
        (-sympy.sqrt(2), 2), (sympy.sqrt(2), 2))
    assert real_solutions(x**2 + y**2 - 1, (x - 2) ** 2 + y**2 - 1, x, y) == ((1, 0),)


def test_euclid_in_the_number_field_agrees_with_the_subresultant(monkeypatch):
    from tutor.calculus import roots
    fast = roots.real_solutions(x**2 + y**2 - 4, x * y - 1, x, y)
    monkeypatch.setattr(roots, "_first_subresultant", lambda *args: None)
    assert roots.real_solutions(x**2 + y**2 - 4, x * y - 1, x, y) == fast
    assert [tuple(round(float(c), 6) for c in p) for p in fast] == [
        (-1.931852, -0.517638), (-0.517638, -1.931852), (0.517638, 1.931852), (1.931852, 0.517638)]


def test_a_common_factor_without_real_points_is_no_critical_curve():
    assert critical_points("(x^2 + y^2 + 1)^2").sets == ()
    result = critical_points("(x^2 + y^2)^2")
    assert result.sets == () and [p.point for p in result.points] == [(0, 0)]
    assert result.points[0].nature == Nature.MINIMUM  # decided by f's values: D = 0 there


def test_inflection_in_one_variable_is_neither():
    (point,) = critical_points("x^3").points
    assert point.classification.label == Nature.INCONCLUSIVE and point.nature == Nature.NEITHER
