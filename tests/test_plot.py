"""The pictures' data, as the lesson draws them: the paths are the descent's iterates, the line
is the exact fit, the critical points carry their class, the slices lie on the surface."""

from __future__ import annotations

import itertools
import math

import pytest

from tutor import packs
from tutor.calculus import SolveError, descend
from tutor.plot import (
    Figure,
    classify_figure,
    contour_figure,
    critical_curve_figure,
    curve_figure,
    descent_figure,
    fit_figure,
    gradient_figure,
    minimum_figure,
    surface_figure,
)

SAUNA = "85 - 1/90 x^2 (x - 6) y^2 (y - 6)"
ROOM = "0 <= x <= 5, 0 <= y <= 5"


def curves(panel, role):
    return [c for c in panel.curves if c.role == role]


def markers(panel, role):
    return [m for m in panel.markers if m.role == role]


# ------------------------------------------------------------------- gradient descent


def test_the_sauna_descent_path_is_the_iterates():
    figure = descent_figure(SAUNA, "0.5, 0.6", "0.05", iterations=100, name="T")
    (panel,) = figure.panels
    (path,) = curves(panel, "path")
    run = descend(SAUNA, None, (0.5, 0.6), 0.05, iterations=100)
    assert path.points == tuple(row.point for row in run.rows)
    iterates = markers(panel, "iterate")
    assert [m.point for m in iterates] == list(path.points)
    assert panel.kind == "contour"
    # the lesson's first two steps
    assert path.points[1] == pytest.approx((0.5057, 0.6047), abs=5e-5)
    assert path.points[2] == pytest.approx((0.5115, 0.6095), abs=5e-5)
    assert figure.title == "T(x, y) = 85 - x²(x - 6)y²(y - 6)/90"
    assert "stopped after 100 iterations" in panel.title


def test_iteration_numbers_start_and_end_and_do_not_crowd():
    (panel,) = descent_figure(SAUNA, "0.5, 0.6", "0.05", iterations=100).panels
    numbers = {int(m.label): m for m in markers(panel, "iterate") if m.label}
    assert 0 in numbers and 100 in numbers
    assert all(m.label in ("", str(k)) for k, m in enumerate(markers(panel, "iterate")))
    assert 5 <= len(numbers) <= 20


def test_one_variable_descent_draws_the_curve_with_the_iterates_on_it():
    figure = descent_figure("e^x - ln x", "0.05", "0.005", iterations=12)
    (panel,) = figure.panels
    run = descend("e^x - ln x", None, 0.05, 0.005, iterations=12)
    iterates = markers(panel, "iterate")
    assert [m.point for m in iterates] == [(r.point[0], r.value) for r in run.rows]
    assert [m.label for m in iterates[:3]] == ["0", "1", "2"] and iterates[-1].label == "12"
    assert iterates[1].point[0] == pytest.approx(0.1447, abs=5e-5)
    (f,) = curves(panel, "function")
    assert panel.kind == "graph" and f.label == "f(x) = eˣ - ln(x)"
    assert all(math.isfinite(y) for x, y in f.points if x > 0)


def test_descent_on_the_power_lines_cost():
    figure = descent_figure(None, "0, 0", "0.01", iterations=2, points="(1,2), (2,5), (3,3)")
    assert figure.title == "E(m, b) = 14m² + 12mb + 3b² - 42m - 20b + 38"
    assert figure.panels[0].labels == ("m", "b")


# finding 266: a diverging descent was refused ("diverged at iteration 21"); solve descent shows it, so the
# picture draws what happened: the iterates until the path leaves the picture, the title saying so
@pytest.mark.parametrize("function, start, rate, ending, drawn", [
    ("x^2", "1", "1.5", "diverged at iteration 21: the values grew without bound\n"
                        "drawn up to iteration 7, before it leaves the picture", 8),
    ("x^4", "1", "1", "diverged at iteration 3: the values grew without bound\n"
                      "drawn up to iteration 2, before it leaves the picture", 3),  # 1, -3, 105, then -4.6e6
    ("x^2 + y^2", "1, 1", "1.2", "diverged at iteration 42: the values grew without bound\n"
                                 "drawn up to iteration 15, before it leaves the picture", 16),
    ("ln x", "1", "3", "stopped at iteration 1: the new point -2 is outside f's domain: ln(x) has no real value "
                       "there\ndrawn up to iteration 0, the last where f has a value", 1),
])
def test_a_diverging_descent_is_drawn_until_it_leaves_the_picture(function, start, rate, ending, drawn):
    (panel,) = descent_figure(function, start, rate).panels
    assert panel.title == f"gradient descent from {start.replace(' ', '')} with α = {rate}\n{ending}".replace(
        "from 1,1", "from (1, 1)")
    run = descend(function, None, [float(c) for c in start.split(",")], float(rate))
    assert len(markers(panel, "iterate")) == drawn and run.diverged_at is not None
    first = run.rows[0].point if len(run.rows[0].point) > 1 else (run.rows[0].point[0], run.rows[0].value)
    assert markers(panel, "iterate")[0].point == first


def test_plot_descent_of_a_diverging_descent_draws_it_as_solve_descent_shows_it(capsys):
    from tutor.cli import main
    assert main(["plot", "descent", "x^2", "--start", "1", "--rate", "1.5", "--text"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.splitlines()[2:4] == [
        "gradient descent from 1 with α = 1.5", "diverged at iteration 21: the values grew without bound"]
    assert "drawn up to iteration 7, before it leaves the picture" in out


# ------------------------------------------------------------------------ least squares


def test_the_power_lines_fit_is_exact():
    figure = fit_figure("(1,2), (2,5), (3,3)")
    assert figure.title == "least squares: y = x/2 + 7/3, cost E = 25/6 ≈ 4.16667"
    (panel,) = figure.panels
    (line,) = curves(panel, "fit")
    (x0, y0), (x1, y1) = line.points
    assert (y1 - y0) / (x1 - x0) == pytest.approx(1 / 2, abs=1e-12)
    assert y0 - x0 / 2 == pytest.approx(7 / 3, abs=1e-12)
    assert [m.point for m in markers(panel, "data")] == [(1, 2), (2, 5), (3, 3)]
    assert [m.label for m in markers(panel, "data")] == ["(1, 2)", "(2, 5)", "(3, 3)"]
    # each residual runs from its point to the line; their squares add up to the cost
    assert [s.label for s in panel.segments] == ["-5/6", "+5/3", "-5/6"]
    assert all(s.end[1] == pytest.approx(s.end[0] / 2 + 7 / 3) for s in panel.segments)
    assert sum((s.start[1] - s.end[1]) ** 2 for s in panel.segments) == pytest.approx(25 / 6)


def test_fit_from_a_csv_file_names_the_axes(tmp_path):
    data = tmp_path / "ads.csv"
    data.write_text("TV,Sales\n1,2\n2,5\n3,3\n", encoding="utf-8")
    (panel,) = fit_figure(csv=str(data), x_column="TV", y_column="Sales").panels
    assert panel.labels == ("TV", "Sales")
    assert curves(panel, "fit")[0].label == "y = x/2 + 7/3"


def test_long_exact_numbers_are_written_approximately():
    figure = fit_figure(csv=str(packs.built_in_folder() / "advertising.csv"), x_column="TV", y_column="Sales")
    assert figure.title == "least squares: y ≈ 0.0611864x + 7.98194, cost E ≈ 0.164962"


def test_many_points_are_drawn_without_their_coordinates(tmp_path):
    data = tmp_path / "many.csv"
    data.write_text("x,y\n" + "".join(f"{i},{2 * i + 1 + (-1) ** i}\n" for i in range(2000)), encoding="utf-8")
    figure = fit_figure(csv=str(data), x_column="x", y_column="y")
    (panel,) = figure.panels
    assert len(panel.markers) == len(panel.segments) == 2000
    assert not any(m.label for m in panel.markers) and not any(s.label for s in panel.segments)
    (line,) = curves(panel, "fit")
    (x0, y0), (x1, y1) = line.points
    assert (y1 - y0) / (x1 - x0) == pytest.approx(2, abs=1e-5)


@pytest.mark.parametrize("arguments, message", [
    ({}, "either with --points or with --csv"),
    ({"points": "(1,2), (1,3)"}, "all the x values are equal"),
    ({"points": "(1,2,3), (2,3,4)"}, "each point needs an x and a y"),
    ({"csv": "nowhere.csv", "x_column": "a"}, "name the columns"),
])
def test_fit_errors_are_sentences(arguments, message):
    with pytest.raises(SolveError, match=message):
        fit_figure(**arguments)


# --------------------------------------------------------------------- contour maps


def test_the_sauna_critical_points_by_class_with_the_room():
    figure = contour_figure(SAUNA, critical=True, region=ROOM, name="T")
    (panel,) = figure.panels
    assert {m.role: (m.point, m.label) for m in panel.markers} == {
        "minimum": ((4.0, 4.0), "minimum (4, 4)"),
        "saddle": ((6.0, 6.0), "saddle (6, 6) (outside the region)"),
    }
    lines = [s for s in panel.sets if s.role == "critical-set"]
    assert [s.label for s in lines] == ["x = 0: a line of critical points", "y = 0: a line of critical points"]
    (room,) = [s for s in panel.sets if s.role == "region"]
    assert room.label == "region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5"
    assert set(room.outline) == {(0, 0), (5, 0), (5, 5), (0, 5)}
    # (6, 6) lies outside the room: the legend says so, and the count leaves it out
    assert panel.title == "1 critical point and 2 lines of them in the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5"
    # none apart from the lines: "0 critical points and 2 lines of them" read as a contradiction (outside check h42, F15)
    (alone,) = contour_figure("x^2 y^2", critical=True).panels
    assert alone.title == "2 lines of critical points"
    # the window shows the room, the saddle and the lines
    (x0, x1), (y0, y1) = panel.limits
    assert x0 < 0 and y0 < 0 and x1 > 6 and y1 > 6


@pytest.mark.parametrize(("function", "region", "title"), [
    ("x^3 - 3x + y^2", "0 <= x <= 2, -1 <= y <= 1", "1 critical point in the region 0 ≤ x ≤ 2, -1 ≤ y ≤ 1"),
    ("x^2 + y^2", "1 <= x <= 2, 0 <= y <= 1", "0 critical points in the region 1 ≤ x ≤ 2, 0 ≤ y ≤ 1"),
    ("(x^2 - 1)^2 + (y^2 - 1)^2", "0 <= x <= 2, 0 <= y <= 2", "4 critical points in the region 0 ≤ x ≤ 2, 0 ≤ y ≤ 2"),
    ("(x - y)^2", "0 <= x <= 1, 3 <= y <= 4", "0 critical points in the region 0 ≤ x ≤ 1, 3 ≤ y ≤ 4"),
])
def test_the_contour_title_counts_only_what_lies_in_the_region(function, region, title):
    (panel,) = contour_figure(function, critical=True, region=region).panels
    assert panel.title == title


def test_contour_levels_are_evenly_spaced_round_numbers():
    (panel,) = contour_figure(SAUNA, critical=True, name="T").panels
    levels = panel.levels
    step = levels[1] - levels[0]
    assert step in (1, 2, 2.5, 5) and len(levels) >= 8
    assert all(b - a == pytest.approx(step) for a, b in zip(levels, levels[1:]))
    assert all((level / step) == pytest.approx(round(level / step)) for level in levels)
    values = panel.field.finite()
    assert levels[0] > min(values) and levels[-1] < max(values)


def test_the_region_field_is_positive_inside():
    (panel,) = contour_figure("x^2 - y^2", region="x^2 + y^2 <= 4").panels
    (disk,) = panel.sets
    grid = disk.grid
    for j, y in enumerate(grid.ys):
        for i, x in enumerate(grid.xs):
            assert (grid.values[j][i] >= 0) == (x * x + y * y <= 4 + 1e-9)
    assert disk.outline == ()  # not a box: drawn from the field


def test_undefined_values_are_masked():
    (panel,) = contour_figure("ln(x) + y").panels
    grid = panel.field
    for j, _ in enumerate(grid.ys):
        for i, x in enumerate(grid.xs):
            assert math.isnan(grid.values[j][i]) == (x <= 0)


def test_a_function_with_no_real_value_in_view_is_a_sentence():
    with pytest.raises(SolveError, match=r"no real value anywhere in the picture \(-3 ≤ x ≤ 3, -3 ≤ y ≤ 3\)"):
        contour_figure("sqrt(-1 - x^2 - y^2)")


def test_gradient_arrow_at_a_point():
    (panel,) = gradient_figure("x^2 + y^2", at="x=2, y=3").panels
    (arrow,) = panel.arrows
    assert arrow.start == (2, 3) and arrow.vector == (4, 6)
    assert arrow.label == "∇f(2, 3) = (4, 6)"


def test_gradient_field_points_away_from_the_minimum():
    (panel,) = gradient_figure("x^2 + y^2").panels
    assert len(panel.arrows) == 49
    for arrow in panel.arrows:
        if arrow.start != (0, 0):  # where the gradient is 0 the arrow has no length
            assert arrow.start[0] * arrow.vector[0] + arrow.start[1] * arrow.vector[1] > 0


def test_classify_marks_the_point_by_its_class():
    (panel,) = classify_figure("x^2 - y^2", None, (0, 0)).panels
    (marker,) = panel.markers
    assert (marker.role, marker.label) == ("saddle", "saddle (0, 0)")
    assert panel.title.startswith("(0, 0) is a saddle point (D = -4 < 0)")


def test_a_contour_map_needs_two_variables():
    with pytest.raises(SolveError, match=r"needs a function of 2 variables, and this one has 1 \(the variable is x\)"):
        contour_figure("x^2")


# ------------------------------------------------------------------------------ surfaces


def test_the_paraboloid_with_its_tangent_plane_and_slices():
    figure = surface_figure("x^2 + y^2", at="x=2,y=4", slices=True)
    main, fix_y, fix_x = figure.panels
    assert main.kind == "surface" and fix_y.kind == fix_x.kind == "graph"
    assert main.title == "tangent plane at (2, 4): z = 20 + 4(x - 2) + 8(y - 4)"
    (plane,) = main.planes
    for j, y in enumerate(plane.ys):
        for i, x in enumerate(plane.xs):
            assert plane.values[j][i] == pytest.approx(4 * x + 8 * y - 20)
    assert [(m.point, m.label) for m in main.markers] == [((2, 4, 20), "(2, 4, 20)")]
    (slice_x,) = curves(main, "slice-x")
    assert slice_x.label == "fix y = 4: f(x, 4) = x² + 16"
    assert all(y == 4 and (math.isnan(z) or z == pytest.approx(x * x + 16)) for x, y, z in slice_x.points)
    (tangent_x,) = curves(main, "tangent-x")
    (x0, _, z0), (x1, _, z1) = tangent_x.points
    assert (z1 - z0) / (x1 - x0) == pytest.approx(4) and tangent_x.label == "tangent line, slope ∂f/∂x = 4"
    (tangent_y,) = curves(main, "tangent-y")
    assert tangent_y.label == "tangent line, slope ∂f/∂y = 8"
    assert fix_y.title == "fix y = 4: f(x, 4) = x² + 16"
    assert fix_x.title == "fix x = 2: f(2, y) = y² + 4"
    assert [m.point for m in fix_x.markers] == [(4, 20)]


def test_a_surface_defined_on_part_of_the_window_is_drawn_where_it_has_values():
    """Outside check h59, P1: √(1 − x² − y²) over −3..3 was a speck, its tangent plane a sliver and its slices short;
    the window is its disc, and the plane's patch reaches 0.4 of the window's half-width about the point."""
    main, fix_y, fix_x = surface_figure("sqrt(1 - x^2 - y^2)", at="x=0.5,y=0.5", slices=True).panels
    assert main.limits[:2] == fix_y.limits[:1] + fix_x.limits[:1] == ((-1.2, 1.2), (-1.2, 1.2))
    (patch,) = main.planes
    assert patch.xs == pytest.approx((0.02, 0.98)) and patch.ys == pytest.approx((0.02, 0.98))
    (slice_y,) = curves(main, "slice-y")
    assert min(z for _, _, z in slice_y.points if not math.isnan(z)) < 0.12  # down to the rim, 0.2 before
    # defined everywhere, as the lesson's bowl: the window as before
    assert surface_figure("x^2 + y^2", at="x=2,y=4").panels[0].limits[:2] == ((-5.0, 5.0), (-5.0, 5.0))
    assert surface_figure("ln(x y)").panels[0].limits[:2] == ((-3.0, 3.0), (-3.0, 3.0))  # two quadrants of it


def test_a_surface_alone_and_its_errors():
    (panel,) = surface_figure("x^2 + y^2").panels
    assert panel.kind == "surface" and panel.planes == () and panel.curves == ()
    with pytest.raises(SolveError, match="the slices go through a point"):
        surface_figure("x^2 + y^2", slices=True)
    with pytest.raises(SolveError, match="z names the plane's height"):
        surface_figure("x^2 + z^2", at="x=1,z=1")


# ------------------------------------------------------------------------ one variable


def test_tangent_line_of_a_curve():
    (panel,) = curve_figure("e^x - ln x", at="0.05").panels
    (tangent,) = curves(panel, "tangent")
    assert tangent.label == "tangent line, slope f′(0.05) = e^0.05 - 20 ≈ -18.9487"
    (x0, y0), (x1, y1) = tangent.points
    assert (y1 - y0) / (x1 - x0) == pytest.approx(math.exp(0.05) - 20)
    assert panel.limits[0][0] > -0.1  # the window shrinks to where ln x is defined


def test_a_curve_with_its_derivative():
    (panel,) = curve_figure("x^2 + 16").panels
    assert [c.label for c in panel.curves] == ["f(x) = x² + 16", "f′(x) = 2x"]
    assert panel.limits[1][0] <= -6  # the derivative is in view too


def test_the_minimum_of_e_to_the_x_minus_ln_x():
    (panel,) = minimum_figure("e^x - ln x").panels
    (minimum,) = markers(panel, "minimum")
    assert minimum.label == "minimum x = W(1) ≈ 0.567143"
    assert minimum.point[0] == pytest.approx(0.5671432904)


def test_critical_points_of_a_curve():
    (panel,) = critical_curve_figure("x^3 - 3x").panels
    assert [(m.role, m.label) for m in panel.markers] == [("maximum", "maximum x = -1"),
                                                           ("minimum", "minimum x = 1")]


# ---------------------------------------------------------------------------- exercises


LESSON = {e.id: e for e in packs.load("gradients").exercises}


@pytest.mark.parametrize("exercise, name, panels", [
    ("tangent-line-fix-y", "curve", 1),
    ("tangent-plane-x2y2", "surface", 3),
    ("partial-x-3x2y3", "surface", 1),
    ("gradient-x2y2-at-2-3", "gradient", 1),
    ("minimum-x2", "minimum", 1),
    ("sauna-critical-points", "contour", 1),
    ("sauna-classify-4-4", "classify", 1),
    ("power-lines-fit", "fit", 1),
    ("descent-1d-step-2", "descent", 1),
    ("descent-heat-step-2", "descent", 1),
    ("fix-y-4", "slice", 1),
    ("power-lines-cost-function", "contour", 1),
    ("power-lines-cost", "line", 1),
    ("tv-descent-step", "descent", 1),
    ("stopping-1d", "descent", 1),
    ("learning-rates-x2", "rates", 4),
    ("local-minima-1d", "critical", 1),
    ("local-minima-2d", "contour", 1),
    ("local-minima-2d-end", "descent", 1),
])
def test_each_kind_of_the_lesson_has_its_picture(exercise, name, panels):
    figure = LESSON[exercise].variant().problem.figure()
    assert isinstance(figure, Figure) and figure.name == name and len(figure.panels) == panels


def test_an_exercise_picture_uses_the_exercise_data():
    figure = LESSON["descent-heat-step-2"].variant().problem.figure()
    (panel,) = figure.panels
    assert figure.title.startswith("T(x, y) = ")
    assert [m.label for m in panel.markers] == ["0", "1", "2"]
    room = LESSON["sauna-critical-points"].variant().problem.figure().panels[0]
    assert any(s.role == "region" for s in room.sets)


def test_exercises_without_a_picture_say_so():
    with pytest.raises(SolveError, match="an exercise of kind 'expression' has no picture"):
        packs.load("drills").exercise("ex-cost-at-origin").variant().problem.figure()
    three = packs.load("drills").exercise("g-three-variables").variant(1)
    with pytest.raises(SolveError, match="its function has 3 variables"):
        three.problem.figure()


def test_a_curve_s_value_axis_is_the_function_so_a_function_of_y_is_not_drawn_y_against_y():
    """Finding 498: h(y) = y² + 4, the lesson pack's fourth exercise, had both axes labelled y."""
    problem = packs.load("gradients").exercise("tangent-line-fix-x").variant(None).problem
    assert [panel.labels for panel in problem.figure().panels] == [("y", "h(y)")]
    assert [panel.labels for panel in problem.question_figure().panels] == [("y", "h(y)")]
    assert descent_figure("y^2 - 2y", "3", "0.2", iterations=5).panels[0].labels == ("y", "f(y)")
    assert curve_figure("x^3", at="1").panels[0].labels == ("x", "f(x)")
    assert minimum_figure("e^m - 2m", name="E").panels[0].labels == ("m", "E(m)")


def test_a_rate_that_goes_downhill_with_nowhere_to_stop_is_titled_so():
    # outside check h42, F5: x + y has no minimum, and its panel said "too slow" where `solve rates` says it goes
    # downhill; a rate typed as a fraction is titled as typed
    from tutor.calculus.rates import compare_rates
    from tutor.plot import rates_figure
    figure = rates_figure(compare_rates("x + y", None, (0, 0), ["1/10", "1"], steps=10))
    assert [panel.title.splitlines()[0] for panel in figure.panels] == ["α = 1/10: goes downhill",
                                                                         "α = 1: diverges"]


def test_a_rate_judged_to_diverge_is_drawn_only_while_it_stays_near():
    # outside check h42, F1: x² at α = 1.5 was drawn out to 10⁶ over 20 steps, its overshooting squashed into a dot;
    # drawn while within 100 times 1 + the start's largest coordinate (200 here), as plot.md says
    from tutor.calculus.rates import compare_rates
    from tutor.plot import rates_figure
    (panel,) = rates_figure(compare_rates("x^2", None, 1, ["1.5"], steps=20)).panels
    assert panel.title.splitlines() == ["α = 1.5: diverges", "stopped after 20 iterations at 1.04858e6, f = 1.09951e12",
                                        "drawn up to iteration 7, before it leaves the picture"]
    assert [m.point[0] for m in markers(panel, "iterate")][-1] == -128.0


def test_no_two_numbered_iterates_are_close_enough_for_their_numbers_to_overlap():
    # outside check h42, F4: in plot.md's own `rates "x^2"` example 10 was drawn beside 8 and 11 beside 9, each
    # kept apart from the one numbered just before it only
    from tutor.calculus.rates import compare_rates
    from tutor.plot import rates_figure
    from tutor.plot.descent import GAP
    figure = rates_figure(compare_rates("x^2", None, 1, ["1.1", "0.9", "0.25", "0.001"], steps=20))
    for panel in figure.panels:
        points = [m.point for m in markers(panel, "iterate")]
        spans = [max(axis) - min(axis) or 1 for axis in zip(*points)]
        numbered = [(m.label, tuple(c / s for c, s in zip(m.point, spans))) for m in markers(panel, "iterate")
                    if m.label]
        for (a, p), (b, q) in itertools.combinations(numbered, 2):
            assert math.dist(p, q) >= GAP or "0" in (a, b) or str(len(points) - 1) in (a, b), (panel.title, a, b)


def test_a_critical_point_the_test_cannot_decide_is_marked_as_f_s_values_show_it():
    # outside check h42, F6: |x| + |y| at (0, 0), a minimum as `solve critical` says, was marked inconclusive
    (marker,) = contour_figure("abs(x) + abs(y)", critical=True).panels[0].markers
    assert (marker.label, marker.role) == ("minimum (0, 0)", "minimum")


def test_a_descent_stopped_at_a_kink_is_not_said_to_leave_f_s_domain():
    # outside check h42, F7: "the last where f has a value", of a kink where f has one and only its slope has none
    (panel,) = descent_figure("abs(x) + abs(y)", "0.5,0.25", "0.25").panels
    assert panel.title.splitlines()[-1] == "drawn up to iteration 0, the last before the kink, where only the slope " \
                                           "has no value"


@pytest.mark.parametrize("start", ["1e20", "1e16,1e16"])
def test_a_descent_that_barely_moves_far_from_zero_is_drawn(start):
    # outside check h43, N1: a window of 1 either side of 1e20 has no width in floats ("math domain error", exit 70)
    f = "x^2" if "," not in start else "x^2 + y^2"
    (panel,) = descent_figure(f, start, "1e-30", iterations=2).panels
    assert all(low < high for low, high in panel.limits)


@pytest.mark.parametrize("rates, rows, columns", [(["0.1"], 1, 1), (["1.1", "0.5", "0.1"], 1, 3),
                                                  (["1.1", "0.9", "0.25", "0.001"], 2, 2)])
def test_rates_panels_sit_in_one_row_up_to_three_and_in_two_rows_from_four(rates, rows, columns):
    # plot.md: one panel per rate, in one row, or two from four rates on (outside check h42, F14: "side by side")
    from matplotlib.figure import Figure as Canvas

    from tutor.calculus.rates import compare_rates
    from tutor.plot import png, rates_figure
    axes = png._axes(Canvas(), rates_figure(compare_rates("x^2", None, 1, rates, steps=20)))
    assert len(axes) == len(rates)
    assert axes[0].get_subplotspec().get_gridspec().get_geometry() == (rows, columns)
