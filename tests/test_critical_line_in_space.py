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
