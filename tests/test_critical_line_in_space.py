"""A critical line in three variables is written with the equations it needs, not one that follows from the
others, and classified where f is a sum of squares, 0 all along it (finding 308)."""

from __future__ import annotations

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
        "9. Every point of the line x = y and y = z is critical; f = 0 all along it.",
        "   9.1. All along it: every point of it is a local minimum, since f = 0 all along it and f ≥ 0 near each of "
        "its points (f = (x - y)² + (y - z)² is a sum of terms that are never negative).",
    ]


# finding 600: the steps' title and their "The critical points:" step cut each set to its first equation (x = y, a
# plane; x = 0, y = 0, x = 0 for xyz's three axes), against the answer above them
def test_the_steps_title_and_summary_give_every_equation_of_the_line(capsys):
    assert main(["solve", "critical", "(x - y)^2 + (y-z)^2", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[5] == "The critical points of f = (x - y)² + (y - z)²: x = y and y = z"
    assert "8. The critical points: x = y and y = z." in lines


def test_the_three_axes_of_xyz_each_keep_both_equations(capsys):
    assert main(["solve", "critical", "x y z", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    axes = "x = 0 and y = 0, y = 0 and z = 0, x = 0 and z = 0"
    assert f"The critical points of f = xyz: {axes}" in lines
    assert f"9. The critical points: {axes}." in lines


def test_the_latex_answer_gives_every_equation_of_each_axis(capsys):
    assert main(["solve", "critical", "x y z", "--latex"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        r"\[ \text{critical points: } \{\{x = 0, y = 0\}, \{y = 0, z = 0\}, \{x = 0, z = 0\}\} \]")


# finding 605: "f - -1" in the reason a line holds minima; it is f + 1, as the two-variable reason writes f + 3
def test_the_reason_writes_f_plus_the_value_not_minus_a_negative(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2 - 1", "--steps"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "   9.1. All along it: every point of it is a local minimum, since f = -1 all along it and f ≥ -1 near each "
        "of its points (f + 1 = (x - y)² + (y - z)² is a sum of terms that are never negative).")


# finding 667: a line written through another named variable (x = y and y = z) was never weighed against a region,
# so a box it misses was said to hold it, and a box it crosses was not said where
def test_a_line_the_box_misses_lies_outside_it(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2", "--region", "2<=x<=3, 0<=y<=1, 0<=z<=1", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:5] == ["no critical points in the region", "outside the region:",
                          "  x = y, y = z: f = 0 all along it; it lies outside the region"]
    assert lines[-3:] == ["9. Keep what lies in the region 2 ≤ x ≤ 3, 0 ≤ y ≤ 1, 0 ≤ z ≤ 1:",
                          "   9.1. x = y, y = z lies outside the region.",
                          "10. So the critical points in the region are ∅."]


def test_a_line_the_box_misses_is_no_critical_point_in_the_latex_answer(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (y-z)^2", "--region", "2<=x<=3, 0<=y<=1, 0<=z<=1", "--latex"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == r"\[ \text{critical points: } \varnothing \]"


def test_a_line_the_box_crosses_is_said_where_and_its_minima_kept(capsys):
    assert main(["solve", "critical", "(x-y-1)^2 + (y-2z)^2", "--region", "0<=x<=3, 1/2<=y<=2, 0<=z<=3"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "critical points in the region:", "  y = 2z, x = y + 1: f = 0 all along it; minima where 1/4 ≤ z ≤ 1"]


def test_a_line_naming_one_variable_twice_is_weighed_against_the_region(capsys):
    assert main(["solve", "critical", "(x-y)^2 + (x-z)^2", "--region", "0<=x<=1, 1/2<=y<=3, 0<=z<=1/4"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "no critical points in the region", "outside the region:",
        "  x = y, x = z: f = 0 all along it; it lies outside the region"]
