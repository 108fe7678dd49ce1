"""A critical line through a point where f has no value (x/y + y/x on x = y at the origin) is critical but at that
point, which is said, and listed in an answer is not right; its points are classified by f's values, as for a
polynomial's lines: x/y + y/x - 2 = (x - y)²/(xy) ≥ 0 near x = y (finding 302)."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    assert main(["solve", *argv]) == 0
    summary, _, steps = capsys.readouterr().out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


def _check(capsys, path, answer: str) -> tuple[int, list[str]]:
    code = main(["check", "--exercise", f"{path}:q", "--", answer])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("function, shown, low, high", [
    ("x/y + y/x", "x/y + y/x", "2", "-2"),
    ("(x+y)^2/(x*y)", "(x + y)²/(xy)", "4", "0"),
])
def test_the_lines_leave_out_the_origin_and_are_classified(capsys, function, shown, low, high):
    summary, _ = _solve(capsys, "critical", function)
    assert summary == [
        f"f(x, y) = {shown}",
        "critical sets (every point on them is critical):",
        f"  x = y, except (0, 0), where f has no value: f = {low} all along it; minima all along it",
        f"  x = -y, except (0, 0), where f has no value: f = {high} all along it; maxima all along it",
    ]


def test_the_steps_say_the_hole_and_why_each_line_is_what_it_is(capsys):
    _, steps = _solve(capsys, "critical", "x/y + y/x", "--steps")
    assert steps[-4:] == [
        "11. Every point of the line x = y, except (0, 0), where f has no value, is critical; f = 2 all along it.",
        "   11.1. All along it: every point of it is a local minimum, since f = 2 all along it and f ≥ 2 near each "
        "of its points (from the factors of f - 2).",
        "12. Every point of the line x = -y, except (0, 0), where f has no value, is critical; f = -2 all along it.",
        "   12.1. All along it: every point of it is a local maximum, since f = -2 all along it and f ≤ -2 near each "
        "of its points (from the factors of f + 2).",
    ]


def test_minimize_names_the_line_of_minima_and_not_the_line_of_maxima(capsys):
    summary, _ = _solve(capsys, "minimize", "x/y + y/x")
    assert summary[1:] == [
        "minima all along x = y, except (0, 0), where f has no value, f = 2",
        "the least: f = 2 for every (x, y) with x = y, except (0, 0), where f has no value; whether it is the "
        "global minimum is not known for sure",
    ]


@pytest.mark.parametrize("answer, verdict, said", [
    ("(0,0), x = y, x = -y", "incorrect", "(0, 0) does not belong in the answer: f has no value there."),
    ("x = -y, x = y", "correct", "Correct."),
])
def test_the_point_where_f_has_no_value_is_not_a_critical_point(tmp_path, capsys, answer, verdict, said):
    path = pack_file(tmp_path, '{id: q, kind: critical_points, function: "x/y + y/x"}')
    _, out = _check(capsys, path, answer)
    assert out[:2] == [verdict, said]


@pytest.mark.parametrize("function, shown, said", [
    ("x (x^2 + y^2)/x", "(x(x² + y²))/x", "no critical points: ∇f is 0 only where f has no value: at (0, 0)"),
    ("x^2 + y^2 + x/x", "x² + y² + x/x", "no critical points: ∇f is 0 only where f has no value: at (0, 0)"),
    ("x^2 y^2/(x y)", "(x²y²)/(xy)", "no critical points: ∇f is 0 only where f has no value: at (0, 0)"),
    ("(x^3 + x y^2)/x", "(x³ + xy²)/x", "no critical points: ∇f is 0 only where f has no value: at (0, 0)"),
    ("x (x^2 + 1)/x", "(x(x² + 1))/x", "no critical points: f′ is 0 only where f has no value: at x = 0"),
])
def test_what_f_divides_by_is_kept_as_typed_and_its_zeros_are_no_critical_points(capsys, function, shown, said):
    # sympy cancels x/x as it builds x(x² + y²)/x, which then had a minimum at (0, 0), where f has no value (793)
    summary, _ = _solve(capsys, "critical", function)
    assert summary == [f"f({'x' if 'y' not in function else 'x, y'}) = {shown}", said]


def test_a_cancelled_hole_is_no_minimum_and_no_tangent_point(capsys):
    summary, steps = _solve(capsys, "minimize", "x (x^2 + 1)/x")
    assert summary[1:] == ["no local minimum: f′(x) = 2x changes from negative to positive only where f has no "
                           "value: at x = 0, where f → 1"]
    summary, steps = _solve(capsys, "minimize", "x (x^2 + y^2)/x", "--steps")
    assert summary[1:] == ["no local minimum"]
    assert "   4.1. x = 0 and y = 0: the point (0, 0), but f has no real value there." in steps
    for argv in (["tangent", "x^2 + x/x", "--at", "0"], ["gradient", "x (x^2 + y^2)/x", "--at", "0,0"]):
        assert main(["solve", *argv]) == 2
        assert capsys.readouterr().err.startswith("tutor: f has no real value at x = 0")
