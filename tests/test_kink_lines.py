"""Corners and cusps of absolute values in two variables, and shifted (finding 123, re-check row 103):
∇f = 0 solved off each kink line u = 0 and f's critical points along it; a point decided by the terms of
f - f(P) in powers of x - a, y - b, or in one variable by the lowest power of |x - a| on each side."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond

NEVER_NEGATIVE = "f = 0 there and f ≥ 0 near it (f - f({at}) = {terms} is a sum of terms that are never negative)"


def _run(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("function, shown, at, terms", [
    ("abs(x) + y^2", "|x| + y²", "0, 0", "|x| + y²"),
    ("abs(x) + abs(y)", "|x| + |y|", "0, 0", "|x| + |y|"),
    ("abs(x - y) + x^2", "|x - y| + x²", "0, 0", "|x - y| + x²"),
    ("abs(x-1)^(3/2) + (y+2)^2", "(y + 2)² + |x - 1|^(3/2)", "1, -2", "(y + 2)² + |x - 1|^(3/2)"),
    ("abs(x)^(3/2) + y^2", "y² + |x|^(3/2)", "0, 0", "y² + |x|^(3/2)"),
    # terms as written: expanded, (x - y)² has a term -2xy of either sign
    ("abs(x + y) + (x - y)^2", "|x + y| + (x - y)²", "0, 0", "|x + y| + (x - y)²"),
    ("abs(2x - y) + (x + y)^4", "|2x - y| + (x + y)⁴", "0, 0", "|2x - y| + (x + y)⁴"),
])
def test_a_corner_in_two_variables_is_found_and_is_a_minimum(capsys, function, shown, at, terms):
    lines = _run(capsys, "solve", "critical", function)
    assert lines == [f"f(x, y) = {shown}", "critical points",
                     f"  ({at})  minimum ({NEVER_NEGATIVE.format(at=at, terms=terms)})"] or lines == [
        f"f(x, y) = {shown}", "critical points:", f"  ({at})  minimum ({NEVER_NEGATIVE.format(at=at, terms=terms)})"]
    assert _run(capsys, "solve", "minimize", function)[-1] == f"the least: f({at}) = 0; it is the global minimum"


def test_a_shifted_cusp_that_is_a_maximum(capsys):
    assert _run(capsys, "solve", "critical", "-abs(x+1)^(3/2) - 2*(y-3)^4")[1:] == [
        "critical points:",
        "  (-1, 3)  maximum (f = 0 there and f ≤ 0 near it (f - f(-1, 3) = -2(y - 3)⁴ - |x + 1|^(3/2) is a sum of "
        "terms that are never positive))"]


def test_the_steps_solve_off_the_kink_line_and_along_it(capsys):
    lines = _run(capsys, "solve", "critical", "abs(x) + y^2", "--steps")
    start = lines.index("3. At a critical point every partial derivative is 0: sign(x) = 0 and 2y = 0.")
    assert lines[start + 1:start + 6] == [
        "4. On the line x = 0 an absolute value's inside is 0, where f may have a kink and a derivative no value: "
        "solve ∇f = 0 off that line, where f has no absolute value, and find the critical points of f along it:",
        "   4.1. Off that line: ∇f is never 0.",
        "   4.2. On the line x = 0: f = y², critical at (0, 0).",
        "   4.3. At (0, 0): the pieces of f that meet there have the gradients (-1, 0) and (1, 0), and 0 lies between "
        "them, so it is a critical point.",
        "5. The critical points: {(0, 0)}."]
    assert not any("cannot solve" in line or "Note:" in line for line in lines)
    lines = _run(capsys, "solve", "critical", "abs(x) + abs(y)", "--steps")
    assert "   4.2. On the line x = 0: f = |y|, critical at (0, 0)." in lines
    assert "   4.3. On the line y = 0: f = |x|, critical at (0, 0)." in lines


def test_points_off_the_kink_lines_keep_the_second_derivative_test(capsys):
    assert _run(capsys, "solve", "critical", "x^2 + y^2 - 2*x + abs(y)")[1:] == [
        "critical points:",
        "  (1, 0)  minimum (f = -1 there and f ≥ -1 near it (f - f(1, 0) = |y| + y² + (x - 1)² is a sum of terms "
        "that are never negative))"]
    lines = _run(capsys, "solve", "critical", "abs(x) + abs(y) - x^2 - y^2")
    assert "  (1/2, 1/2)    maximum (D = 4 > 0 and f_xx = -2 < 0)" in lines
    assert not any(line.startswith("note:") for line in lines)


@pytest.mark.parametrize("function, nature, term", [
    ("abs(x)^(3/2) - x^2", "minimum", "f = 0 there and f ≥ 0 near it (f - f(0) = |x|^(3/2) + higher powers of |x| "
                                      "on both sides)"),
    ("x^2 - abs(x)^(3/2)", "maximum", "f = 0 there and f ≤ 0 near it (f - f(0) = -|x|^(3/2) + higher powers of |x| "
                                      "on both sides)"),
    ("x^3 + abs(x)^(5/2)", "minimum", "f = 0 there and f ≥ 0 near it (f - f(0) = |x|^(5/2) + higher powers of |x| "
                                      "on both sides)"),
])
def test_a_cusp_in_one_variable_is_decided_by_its_lowest_power(capsys, function, nature, term):
    lines = _run(capsys, "solve", "critical", function)
    assert any(line.split() [:3] == ["x", "=", "0"] and line.endswith(f"{nature} ({term})") for line in lines)


def test_a_shifted_cusp_in_one_variable(capsys):
    lines = _run(capsys, "solve", "critical", "abs(x-1)^(3/2) - (x-1)^2")
    assert "  x = 1      minimum (f = 0 there and f ≥ 0 near it (f - f(1) = |x - 1|^(3/2) + higher powers of " \
           "|x - 1| on both sides))" in lines


def _pack(tmp_path, *exercises: str):
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n" + "".join(f"  - {e}\n" for e in exercises),
                                     encoding="utf-8")
    return tmp_path / "p.yaml"


def test_corners_make_local_minima_exercises(tmp_path, capsys):
    path = _pack(tmp_path, '{id: a, kind: local_minima, function: "abs(x-1)^(3/2) + (y+2)^2"}',
                 '{id: h, kind: local_minima, function: "abs(x) + y^2"}',
                 '{id: k, kind: local_minima, function: "abs(x) + abs(y)"}')
    assert main(["pack", "validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    pack = packs.load(path)
    for name, right, wrong in (("a", "(1, -2)", "(0, 0)"), ("h", "(0, 0)", "(1, 0)"), ("k", "(0, 0)", "(0, 1)")):
        exercise = pack.exercise(name).variant()
        assert respond(exercise, right).correct
        assert not respond(exercise, wrong).correct

