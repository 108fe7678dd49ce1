"""Corners and cusps of absolute values in two variables, and shifted (finding 123, re-check row 103):
∇f = 0 solved off each kink line u = 0 and f's critical points along it; a point decided by the terms of
f - f(P) in powers of x - a, y - b, or in one variable by the lowest power of |x - a| on each side."""

from __future__ import annotations

import pytest
from pack_files import pack_file

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


def test_corners_make_local_minima_exercises(tmp_path, capsys):
    path = pack_file(tmp_path, '{id: a, kind: local_minima, function: "abs(x-1)^(3/2) + (y+2)^2"}',
                 '{id: h, kind: local_minima, function: "abs(x) + y^2"}',
                 '{id: k, kind: local_minima, function: "abs(x) + abs(y)"}')
    assert main(["pack", "validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    pack = packs.load(path)
    for name, right, wrong in (("a", "(1, -2)", "(0, 0)"), ("h", "(0, 0)", "(1, 0)"), ("k", "(0, 0)", "(0, 1)")):
        exercise = pack.exercise(name).variant()
        assert respond(exercise, right).correct
        assert not respond(exercise, wrong).correct



# finding 233: kink lines crossing on the diagonals, where a piece of f is critical along a whole line (2x - x² of
# |x + y| + |x - y| - x², all along x = 1): the kinks' points are still found, the corner (0, 0) decided by the
# slopes of the pieces meeting there, and a point where f is lower on both sides along a line is no minimum
CORNER = ("minimum (f = 0 there and f ≥ 0 near it (each piece of f meeting there slopes up away from it along both "
          "edges of its sector: {pieces}))")
SADDLE_ON = ("saddle (f takes values above and below 1 near it (on the line {held}, f - f(P) = {along}, which changes "
             "sign at {at}))")


def test_a_point_lower_on_both_sides_along_a_line_is_no_minimum_and_the_corner_is(capsys):
    function = "abs(x + y) + abs(x - y) - x^2"
    assert _run(capsys, "solve", "minimize", function) == [
        "f(x, y) = |x - y| + |x + y| - x²",
        "local minima:",
        "  (0, 0): f = 0",
        "the least: f(0, 0) = 0; it is not the global minimum",
        "note: the equations are not polynomial, so the solutions found may not be all the critical points; this "
        "minimum is only local: f is smaller elsewhere, for example f(-9900, 0) ≈ -97990200"]
    along = "|x - 1| + |x + 1| - x² - 1"
    assert _run(capsys, "solve", "critical", function)[2:] == [
        "  (-1, -1)  " + SADDLE_ON.format(held="y = -1", along=along, at="x = -1"),
        "  (-1, 0)   undecided (no local minimum, since f - f(P) = 2|x| - x² - 1 < 0 near it on the line y = 0; "
        "whether it is a local maximum is not decided)",
        "  (-1, 1)   " + SADDLE_ON.format(held="y = 1", along=along, at="x = -1"),
        "  (0, 0)    " + CORNER.format(pieces="-x² + 2y, -x² - 2x, -x² - 2y, -x² + 2x"),
        "  (1, -1)   " + SADDLE_ON.format(held="y = -1", along=along, at="x = 1"),
        "  (1, 0)    undecided (no local minimum, since f - f(P) = 2|x| - x² - 1 < 0 near it on the line y = 0; "
        "whether it is a local maximum is not decided)",
        "  (1, 1)    " + SADDLE_ON.format(held="y = 1", along=along, at="x = 1"),
        "note: the equations are not polynomial, so the solutions found may not be all the critical points"]
    steps = _run(capsys, "solve", "minimize", function, "--steps")
    assert ("   7.12. f's values near (1, 0) do not decide it either, but they show it is no local minimum, since "
            "f - f(P) = 2|x| - x² - 1 < 0 near it on the line y = 0; whether it is a local maximum is not decided."
            ) in steps
    assert "8. The critical points that are local minima: (0, 0), where f = 0." in steps


@pytest.mark.parametrize("function, mirrors", [
    # each piece critical all along a segment (2x - x² on x = 1, -1 < y < 1), its middle listed, on both sides
    ("abs(x + 2*y) + abs(x - 2*y) - x^2", ["(-1, 0)", "(1, 0)"]),
    ("abs(x + y) + abs(x - y) - y^2", ["(0, -1)", "(0, 1)"]),
])
def test_a_segment_of_critical_points_is_listed_on_each_side(capsys, function, mirrors):
    shown = _run(capsys, "solve", "critical", function)
    undecided = [line.split()[0] + " " + line.split()[1] for line in shown if "undecided" in line]
    assert undecided == mirrors


def test_the_same_along_y_and_no_point_left_as_maybe_a_minimum(capsys):
    lines = _run(capsys, "solve", "minimize", "abs(x + y) + abs(x - y) - y^2")
    assert lines[1:4] == ["local minima:", "  (0, 0): f = 0", "the least: f(0, 0) = 0; it is not the global minimum"]
    assert not any("may be a local minimum" in line for line in lines)
    assert lines[-1].startswith("note: the tutor could not solve every case of ∇f = 0 exactly, so some critical "
                                "points may be missing")


def test_lower_along_a_kink_line_and_higher_across_it_is_a_saddle(capsys):
    function = "2*abs(x + y) + abs(x - y) - x^2"
    assert _run(capsys, "solve", "critical", function)[2:] == [
        "  (-1, 1)  saddle (f takes values above and below 1 near it (f - f(P) = 2|y - 1| + |y + 1| - 2 > 0 near it "
        "on the line x = -1, but 2|y| - y² - 1 < 0 near it on the kink line x = -y))",
        "  (0, 0)   " + CORNER.format(pieces="-x² + x + 3y, -x² - 3x - y, -x² - x - 3y, -x² + 3x + y"),
        "  (1, -1)  saddle (f takes values above and below 1 near it (f - f(P) = |y - 1| + 2|y + 1| - 2 > 0 near it "
        "on the line x = 1, but 2|y| - y² - 1 < 0 near it on the kink line x = -y))"]
    assert _run(capsys, "solve", "minimize", function)[1:3] == ["local minima:", "  (0, 0): f = 0"]


@pytest.mark.parametrize("function, shown, least", [
    ("abs(x) + abs(y) + x*y", "|x| + |y| + xy", "the least: f(0, 0) = 0; it is the only local minimum"),
    ("abs(x - y) + (x + y - 2)^2", "|x - y| + (x + y - 2)²", "the least: f(1, 1) = 0; it is the global minimum"),
    ("abs(x) + abs(y) - x^2", "|x| + |y| - x²", "the least: f(0, 0) = 0; it is not the global minimum"),
])
def test_minima_at_corners_and_on_a_diagonal_kink_line(capsys, function, shown, least):
    at = "(1, 1)" if "2)" in function else "(0, 0)"
    assert _run(capsys, "solve", "minimize", function)[:4] == [f"f(x, y) = {shown}", "local minima:",
                                                                f"  {at}: f = 0", least]
