"""A critical line in three variables is written with the equations it needs, not one that follows from the
others, and classified where f is a sum of squares, 0 all along it (finding 308)."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor.cli import main


def test_the_line_x_eq_y_eq_z_has_two_equations_and_is_minima(capsys):
    assert main(["solve", "critical", "(x - y)^2 + (y-z)^2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "f(x, y, z) = (x - y)² + (y - z)²",
        "critical sets (every point on them is critical):",
        "  x = y, y = z: f = 0 all along it; minima all along it",
    ]


def test_the_steps_call_it_a_line(capsys):
    assert main(["solve", "critical", "(x - y)^2 + (y-z)^2", "--steps"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "8. Every point of the line x = y and y = z is critical; f = 0 all along it.",
        "   8.1. All along it: every point of it is a local minimum, since f = 0 all along it and f ≥ 0 near each of "
        "its points (f = (x - y)² + (y - z)² is a sum of terms that are never negative).",
    ]


# finding 600: the steps' title and their "The critical points:" step cut each set to its first equation (x = y, a
# plane; x = 0, y = 0, x = 0 for xyz's three axes), against the answer above them
def test_the_steps_title_and_summary_give_every_equation_of_the_line(capsys):
    assert main(["solve", "critical", "(x - y)^2 + (y-z)^2", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[5] == "The critical points of f = (x - y)² + (y - z)²: {x = y, y = z}"
    assert "7. The critical points: {x = y, y = z}." in lines


def test_the_three_axes_of_xyz_each_keep_both_equations(capsys):
    assert main(["solve", "critical", "x y z", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    axes = "{x = 0, y = 0}, {y = 0, z = 0}, {x = 0, z = 0}"  # as an answer writes them
    assert f"The critical points of f = xyz: {axes}" in lines
    assert f"9. The critical points: {axes}." in lines


def test_the_latex_answer_gives_every_equation_of_each_axis(capsys):
    assert main(["solve", "critical", "x y z", "--latex"]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if line][1:] == [
        "critical sets (every point on them is critical):",
        r"\quad $x = 0$, $y = 0$: f = 0 all along it",
        r"\quad $y = 0$, $z = 0$: f = 0 all along it",
        r"\quad $x = 0$, $z = 0$: f = 0 all along it"]


# finding 605: "f - -1" in the reason a line holds minima; it is f + 1, as the two-variable reason writes f + 3
def test_the_reason_writes_f_plus_the_value_not_minus_a_negative(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2 - 1", "--steps"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "   8.1. All along it: every point of it is a local minimum, since f = -1 all along it and f ≥ -1 near each "
        "of its points (f + 1 = (x - y)² + (y - z)² is a sum of terms that are never negative).")


# finding 667: a line written through another named variable (x = y and y = z) was never weighed against a region,
# so a box it misses was said to hold it, and a box it crosses was not said where
def test_a_line_the_box_misses_lies_outside_it(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2", "--region", "2<=x<=3, 0<=y<=1, 0<=z<=1", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:5] == ["no critical points in the region", "critical sets outside the region:",
                          "  x = y, y = z: f = 0 all along it; it lies outside the region"]
    assert lines[-3:] == ["8. Keep what lies in the region 2 ≤ x ≤ 3, 0 ≤ y ≤ 1, 0 ≤ z ≤ 1:",
                          "   8.1. x = y, y = z lies outside the region.",
                          "9. So the critical points in the region are ∅."]


def test_a_line_the_box_misses_is_no_critical_point_in_the_latex_answer(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2", "--region", "2<=x<=3, 0<=y<=1, 0<=z<=1", "--latex"]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if line][2:] == [
        "no critical points in the region", "critical sets outside the region:",
        r"\quad $x = y$, $y = z$: f = 0 all along it; it lies outside the region"]


def test_a_line_the_box_crosses_is_said_where_and_its_minima_kept(capsys):
    assert main(["solve", "critical", "(x-y-1)^2 + (y-2z)^2", "--region", "0<=x<=3, 1/2<=y<=2, 0<=z<=3"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "critical sets in the region (every point on them is critical):",
        "  y = 2z, x = y + 1: f = 0 all along it; minima where 1/4 ≤ z ≤ 1"]


def test_a_line_naming_one_variable_twice_is_weighed_against_the_region(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (x-z)^2", "--region", "0<=x<=1, 1/2<=y<=3, 0<=z<=1/4"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "no critical points in the region", "critical sets outside the region:",
        "  x = y, x = z: f = 0 all along it; it lies outside the region"]


# an exercise's critical line in three variables was kept as its first equation, a plane: `x = 0, y = 0` (two planes)
# was right for the lines {x = 0, z = 0} and {y = 0, z = 0} of x²y² + z², and `x = y, y = z` refused for the line
# of (x − y)² + (y − z)², whose `x = y` (a plane) was right
def _check(capsys, tmp_path, function: str, answer: str) -> list[str]:
    path = pack_file(tmp_path, f'{{id: q, kind: critical_points, function: "{function}", variables: [x, y, z]}}')
    main(["check", "--exercise", f"{path}:q", "--", answer])
    return capsys.readouterr().out.splitlines()


# a line whose equations chain is read back as one chain (outside check h11: `{{x = y, y = z}}` for x = y = z)
@pytest.mark.parametrize("answer, read", [
    ("x = y, y = z", "{x = y = z}"),
    ("x = y = z", "{x = y = z}"),
    ("{x = y, y = z}", "{x = y = z}"),
    ("{{x = y, y = z}}", "{x = y = z}"),
    ("x = y and y = z", "{x = y = z}"),
    ("x = z, z = y", "{x = z = y}"),
])
def test_the_line_x_eq_y_eq_z_is_right_in_each_spelling(capsys, tmp_path, answer, read):
    assert _check(capsys, tmp_path, "(x - y)^2 + (y - z)^2", answer) == ["correct", "Correct.", f"read as: {read}"]


def test_a_plane_through_the_line_is_not_the_line(capsys, tmp_path):
    assert _check(capsys, tmp_path, "(x - y)^2 + (y - z)^2", "x = y") == [
        "incorrect", "x = y does not belong in the answer. A line is missing.", "read as: {x = y}"]


def test_another_line_is_told_it_does_not_belong(capsys, tmp_path):
    assert _check(capsys, tmp_path, "(x - y)^2 + (y - z)^2", "x = y, y = 2z") == [
        "incorrect", "x = y = 2z does not belong in the answer. A line is missing.", "read as: {x = y = 2z}"]


def test_a_point_of_the_line_alone_is_told_the_line_is_left_out_and_how_to_write_it(capsys, tmp_path):
    assert _check(capsys, tmp_path, "(x - y)^2 + (y - z)^2", "(1, 1, 1)") == [
        "incorrect", "It looks like you left out the line x = y = z: every point on it is a critical point, not "
        "just isolated points. Write a whole line as the equations it needs, in braces, like {x = 0, z = 0}.",
        "read as: {(1, 1, 1)}"]


@pytest.mark.parametrize("answer", [
    "{x = 0, z = 0}, {y = 0, z = 0}", "{{x = 0, z = 0}, {y = 0, z = 0}}", "x = z = 0, y = z = 0",
    "{z = 0, x = 0}, {y = 0, 2z = 0}"])
def test_two_lines_are_right_each_grouped(capsys, tmp_path, answer):
    assert _check(capsys, tmp_path, "x^2 y^2 + z^2", answer)[:2] == ["correct", "Correct."]


def test_two_planes_are_not_two_lines(capsys, tmp_path):
    assert _check(capsys, tmp_path, "x^2 y^2 + z^2", "x = 0, y = 0") == [
        "incorrect", "{x = 0, y = 0} does not belong in the answer. 2 lines are missing.", "read as: {{x = 0, y = 0}}"]


def test_one_line_of_two_is_told_missed(capsys, tmp_path):
    assert _check(capsys, tmp_path, "x^2 y^2 + z^2", "{x = 0, z = 0}")[:2] == [
        "incorrect", "It looks like you missed {y = 0, z = 0}. A product is zero when any one of its factors is: solve "
        "∂f/∂x = 0 and ∂f/∂y = 0 and ∂f/∂z = 0 for every combination of factors."]


@pytest.mark.parametrize("function, answer", [
    ("x^2", "x = 0"),  # a plane of critical points
    ("x^2 y^2 z^2", "x = 0, y = 0, z = 0"),  # three planes: no line is asked, so each equation is one
    ("x^2 y^2 z^2", "xyz = 0"),
    ("x^2 (y^2 + z^2)", "x = 0, {y = 0, z = 0}"),  # a plane and a line
    ("x^2 (y^2 + z^2)", "x = 0, y = z = 0"),
    ("x^2 + y^2 + z^2 - 2x", "(1, 0, 0)"),
])
def test_planes_and_points_keep_working(capsys, tmp_path, function, answer):
    assert _check(capsys, tmp_path, function, answer)[:2] == ["correct", "Correct."]


def test_the_prompt_and_the_answer_shown_write_each_line_with_its_equations(capsys, tmp_path):
    path = pack_file(tmp_path, '{id: q, kind: critical_points, function: "x^2 y^2 + z^2", variables: [x, y, z]}')
    assert main(["pack", "show", str(path), "--answers"]) == 0
    out = capsys.readouterr().out
    assert "Find all critical points of f(x, y, z) = x²y² + z² (write a whole line of critical points as the " \
           "equations it needs, in braces, like {x = 0, z = 0})." in out
    assert "answer: {{x = 0, z = 0}, {y = 0, z = 0}}" in out


def test_a_system_with_one_solution_is_that_point_in_two_variables_too(capsys):
    assert main(["check", "--exercise", "gradients:sauna-critical-points", "--", "{x = 4, y = 4}, x = 0, y = 0"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["correct", "Correct."]
