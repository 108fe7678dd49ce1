"""Whole lines of minima on a kink line (finding 252): f the same all along a line where an absolute value's
inside is 0 (|x + y| along x = -y) has every point of it critical where the pieces of f on its two sides both
rise away from it, or both fall, decided exactly; such a line is kept as a line, as (x + y)²'s is, and is no
line of minima where f rises right through it."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond


def _run(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return capsys.readouterr().out.splitlines()


GLOBAL = "it is the global minimum"


@pytest.mark.parametrize("function, shown, line, verdict", [
    ("abs(x+y)", "|x + y|", "x = -y", GLOBAL),
    ("abs(x - y)", "|x - y|", "x = y", GLOBAL),
    ("abs(x - 2*y + 1)", "|x - 2y + 1|", "x = 2y - 1", GLOBAL),
    ("abs(x)*(1+y^2)", "(y² + 1)|x|", "x = 0", GLOBAL),
    ("abs(2x + 2y) + abs(x + y)", "|x + y| + |2x + 2y|", "x = -y", GLOBAL),  # two absolute values, one line
    # three kink lines crossing at (0, 0), where the pieces around it decide: f ≥ 0 there too
    ("abs(x+y) + abs(x-y)/2 - abs(x)", "-|x| + |x - y|/2 + |x + y|", "x = -y",
     "whether it is the global minimum is not known for sure"),
])
def test_a_kink_line_along_which_f_is_least_is_a_line_of_minima(capsys, function, shown, line, verdict):
    assert _run(capsys, "solve", "minimize", function) == [
        f"f(x, y) = {shown}",
        f"minima all along {line}, f = 0",
        f"the least: f = 0 for every (x, y) with {line}; {verdict}"]
    assert _run(capsys, "solve", "critical", function) == [
        f"f(x, y) = {shown}",
        "critical sets (every point on them is critical):",
        f"  {line}: f = 0 all along it; minima all along it"]


def test_a_kink_line_of_maxima(capsys):
    assert _run(capsys, "solve", "critical", "3 - abs(x-1)*(2+y^2)") == [
        "f(x, y) = 3 - (y² + 2)|x - 1|",
        "critical sets (every point on them is critical):",
        "  x = 1: f = 3 all along it; maxima all along it"]
    assert _run(capsys, "solve", "minimize", "3 - abs(x-1)*(2+y^2)")[1:] == ["no local minimum"]


def test_a_kink_line_with_minima_on_a_stretch_and_maxima_on_another(capsys):
    # f - 0 = (1 + y)|x + y|: above 0 beside the line where y > -1, below where y < -1
    assert _run(capsys, "solve", "critical", "abs(x+y)*(1+y)") == [
        "f(x, y) = (y + 1)|x + y|",
        "critical sets (every point on them is critical):",
        "  x = -y: f = 0 all along it; maxima where y < -1; saddle points where y = -1; minima where -1 < y"]
    assert _run(capsys, "solve", "minimize", "abs(x+y)*(1+y)")[1:] == ["minima along x = -y where -1 < y, f = 0"]


@pytest.mark.parametrize("function, shown", [
    ("abs(x+y) + 2*(x+y)", "|x + y| + 2x + 2y"),
    ("abs(x - 2*y) - 3*(x - 2*y)", "|x - 2y| - 3x + 6y"),
])
def test_f_rising_right_through_a_kink_line_is_not_a_line_of_minima(capsys, function, shown):
    # f is 0 all along the line, but above it on one side and below on the other: no point of it is critical
    assert _run(capsys, "solve", "critical", function) == [f"f(x, y) = {shown}", "no critical points: ∇f is never 0"]
    assert _run(capsys, "solve", "minimize", function) == [f"f(x, y) = {shown}", "no local minimum"]


def test_the_steps_say_why_the_kink_line_is_critical(capsys):
    steps = _run(capsys, "solve", "minimize", "abs(x+y)", "--steps")
    assert ("   4.2. On the line x = -y: f = 0, the same all along it, and the pieces of f on its two sides rise away "
            "from it on both or fall on both, so every point of it is critical, decided below.") in steps
    assert ("   6.1. All along it: every point of it is a local minimum, since f = 0 all along it and f ≥ 0 near each of "
            "its points (from the pieces of f on either side of it, f - 0 being a power of x + y times a factor of one "
            "sign there).") in steps
    across = _run(capsys, "solve", "critical", "abs(x+y) + 2*(x+y)", "--steps")
    assert ("   4.2. On the line x = -y: f = 0, the same all along it, but the pieces of f on its two sides slope the "
            "same way across it, so none of its points is critical.") in across


def test_a_stretch_of_minima_on_a_kink_line_along_which_f_changes_stays_hedged(capsys):
    # |x| + |y - 1| + xy: minima {(x, 1): -1 < x ≤ 0}, but f = |x| + x along y = 1, not the same all along it
    assert _run(capsys, "solve", "minimize", "abs(x) + abs(y - 1) + x*y")[1:] == [
        "no local minimum found",
        "note: the equations are not polynomial, so the solutions found may not be all the critical points"]


def test_pack_exercises_of_a_kink_line_of_minima(tmp_path, capsys):
    pack_file(tmp_path, '{id: c, kind: critical_points, function: "abs(x+y)"}',
              '{id: m, kind: local_minima, function: "abs(x-y)"}')
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    # the minima are a whole line, no finite list of points: refused, with the reason, as (x - y)²'s is
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'p.yaml'}:4:43: exercise 'm': it has whole lines of minima; ask for its critical points instead"]
    exercise = packs.load(tmp_path / "p.yaml").exercise("c").variant()
    for right in ("x = -y", "x + y = 0", "{y = -x}"):
        assert respond(exercise, right).correct
    missed = respond(exercise, "(0, 0)")
    assert not missed.correct
    assert missed.message.startswith("It looks like you left out the line x = -y: every point on it is a critical "
                                      "point")
    assert not respond(exercise, "x = y").correct


@pytest.mark.parametrize("function, shown", [("abs(x) y^2", "y²|x|"), ("abs(x)^3 y^2", "x²y²|x|")])
def test_a_kink_line_of_minima_beside_a_line_off_it_is_found_once(capsys, function, shown):
    # |x|y²: sign(x) = 0 with |x| = 0 was "not solved", and x = 0 missed (790); |x|³y²: x = 0 again as the set
    # "x sign(x) + 2|x| = 0, |x| = 0" (791): both are x = 0, the kink line, decided by f's pieces beside it
    note = "note: the equations are not polynomial, so the solutions found may not be all the critical points"
    assert _run(capsys, "solve", "critical", function) == [
        f"f(x, y) = {shown}",
        "critical sets (every point on them is critical):",
        "  x = 0: f = 0 all along it; minima all along it",
        "  y = 0: f = 0 all along it; minima all along it",
        note]
    assert _run(capsys, "solve", "minimize", function)[1:] == [
        "minima all along x = 0, f = 0",
        "minima all along y = 0, f = 0",
        "the least: f = 0 for every (x, y) with x = 0 or y = 0; it is the global minimum",
        note]


def test_the_steps_solve_off_the_kink_line_to_a_line_of_critical_points(capsys):
    steps = _run(capsys, "solve", "critical", "abs(x) y^2", "--steps")
    assert "   4.1. Off that line: ∇f = 0 all along y = 0." in steps
    assert "5. The critical points: x = 0, y = 0." in steps
    assert _run(capsys, "solve", "critical", "abs(x) y^3")[1:3] == [
        "critical sets (every point on them is critical):",
        "  x = 0: f = 0 all along it; maxima where y < 0; saddle points where y = 0; minima where 0 < y"]
