"""f(x, y) = g(x) + h(y) (findings 184 and 198): what the tutor knows of g and h in one variable, cusps and
corners included, is what it says of f: its critical points pair g's with h's, each classified from g's and
h's natures, and the least value is g's least plus h's."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.practice import Session
from tutor.store import Store


def _said(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return capsys.readouterr().out.rstrip().splitlines()


def _validate(tmp_path, capsys, *exercises: str) -> tuple[int, list[str]]:
    status = main(["pack", "validate", str(pack_file(tmp_path, *exercises))])
    return status, [line.partition(": exercise ")[2] for line in capsys.readouterr().out.rstrip().splitlines()]


@pytest.mark.parametrize("function, variables, lines", [
    # a corner: was "(0, 0)  undecided"
    ("abs(x) + x/2 + y^2", "x,y",
     ["  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f is the sum of |x| + x/2, with a local minimum at x = 0, "
      "and y², with a local minimum at y = 0))"]),
    # a cusp the two-variable solver missed: only the saddle was listed
    ("x^(2/3) - x + y^2", "x,y",
     # (-x + |x|^(2/3) is least at 0 only near it: it falls without bound)
     ["  (0, 0)     minimum (f = 0 there and f ≥ 0 near it (f is the sum of -x + |x|^(2/3), with a local minimum at "
      "x = 0, and y², with a local minimum at y = 0))",
      "  (8/27, 0)  saddle (D = -9/4 < 0)"]),
    # shifted, scaled, other names
    ("(u-1)^(2/3) - (u-1) + 3*v^2", "u,v",
     ["  (1, 0)      minimum (f = 0 there and f ≥ 0 near it (f is the sum of 1 - u + |u - 1|^(2/3), with a local "
      "minimum at u = 1, and 3v², with a local minimum at v = 0))",
      "  (35/27, 0)  saddle (D = -27/4 < 0)"]),
    # a corner maximum, the variables' parts the other way round
    ("-abs(y - 2) - y/3 - x^2", "x,y",
     ["  (0, 2)  maximum (f = -2/3 there and f ≤ -2/3 near it (f is the sum of -x², with a local maximum at x = 0, "
      "and -|y - 2| - y/3, with a local maximum at y = 2))"]),
])
def test_critical_points_of_a_sum_pair_those_of_its_parts(capsys, function, variables, lines):
    said = _said(capsys, "solve", "critical", function, "--vars", variables)
    assert said[1] == "critical points:"
    assert said[2:] == lines  # and no note: every one is found


def test_a_cusp_and_a_smooth_zero_of_the_same_part(capsys):
    # was "no critical points found", with the note that some may be missing
    said = _said(capsys, "solve", "critical", "sqrt(abs(x-2)) + x^2/4 + y^2")
    assert [line.split()[0] for line in said[2:]] == ["(1,", "(√5/2", "(2,"]
    assert said[2].startswith("  (1, 0)           minimum (D = 1/2 > 0")
    assert "saddle" in said[3]
    assert said[4].startswith("  (2, 0)           minimum (f = 1 there and f ≥ 1 near it")


def test_the_steps_say_each_part_is_solved_in_its_variable(capsys):
    said = "\n".join(_said(capsys, "solve", "critical", "x^(2/3) - x + y^2", "--steps"))
    assert ("4. f is a sum of parts in one variable each, -x + x^(2/3) and y²: ∂f/∂x is the derivative of the first "
            "alone and ∂f/∂y of the second") in said
    assert "   4.1. -x + x^(2/3): critical at x = 0 and x = 8/27.\n   4.2. y²: critical at y = 0.\n" in said
    assert "5. The critical points: {(0, 0), (8/27, 0)}." in said


@pytest.mark.parametrize("function, least", [
    ("abs(x) + x/2 + y^2", "the least: f(0, 0) = 0; it is the global minimum"),  # was "it may be a local minimum"
    ("abs(y) + y/2 + x^2", "the least: f(0, 0) = 0; it is the global minimum"),
    ("x^(2/3) - x + y^2", "the least: f(0, 0) = 0; it is not the global minimum"),  # was "no local minimum found"
])
def test_the_least_of_a_sum_is_the_sum_of_its_parts_least(capsys, function, least):
    said = _said(capsys, "solve", "minimize", function)
    assert said[1:3] == ["local minima:", "  (0, 0): f = 0"]
    assert said[3] == least
    assert said[4:] == (["note: f decreases without bound, so no minimum is global"] if "not" in least else [])


def test_exercises_on_such_sums_can_be_set(tmp_path, capsys):
    status, said = _validate(tmp_path, capsys,
                             "{id: a, kind: local_minima, function: 'abs(x) + x/2 + y^2'}",
                             "{id: b, kind: critical_points, function: 'x^(2/3) - x + y^2'}",
                             "{id: c, kind: local_minima, function: 'x^(2/3) - x + y^2'}",
                             "{id: d, kind: classify_point, function: 'abs(x) + x/2 + y^2', at: [0, 0]}")
    # d: the test needs ∇f, which has no value at the corner: left out, f's values said
    assert [line.partition(":")[0] for line in said] == ["'d'"], said
    assert said[0] == (
        "'d': the second-derivative test needs ∇f at the point, and f is not differentiable at x = 0, y = 0: ∂f/∂x "
        "is -1/2 from the left and 3/2 from the right; f has a local minimum there: f = 0 there and f ≥ 0 near it "
        "(f is the sum of |x| + x/2, with a local minimum at x = 0, and y², with a local minimum at y = 0)")
    assert status == 1
    pack = packs.load(tmp_path / "p.yaml")
    assert str(pack.exercise("b").variant().expected().value) == "((0, 0), (8/27, 0))"


# finding 198: the cusp or corner of x^(2/3) + y², |x| + y² refused the whole pack
PACK = ("pack: o2\ntitle: classify at a cusp\nexercises:\n"
        "  - {id: cp, kind: critical_points, function: 'x^(2/3) + y^2'}\n"
        "  - {id: c1, kind: classify_point, function: 'x^(2/3) + y^2', at: [0, 0]}\n"
        "  - {id: c3, kind: classify_point, function: 'abs(x) + y^2', at: [0, 0]}\n"
        "  - {id: c4, kind: classify_point, function: 'x^(2/3)', at: [0]}\n"
        "  - {id: ok, kind: derivative, function: 'x^2'}\n")


def test_classifying_a_cusp_or_corner_is_left_out_with_what_f_values_say(tmp_path, capsys):
    (tmp_path / "o2.yaml").write_text(PACK, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "o2.yaml")]) == 1
    said = [line.partition(": exercise ")[2] for line in capsys.readouterr().out.rstrip().splitlines()]
    assert said == [
        "'c1': the second-derivative test needs ∇f at the point, and f is not differentiable at x = 0, y = 0: ∂f/∂x "
        "is -∞ from the left and ∞ from the right; f has a local minimum there: f = 0 there and f ≥ 0 near it "
        "(f - f(0, 0) = y² + |x|^(2/3) is a sum of terms that are never negative)",
        "'c3': the second-derivative test needs ∇f at the point, and f is not differentiable at x = 0, y = 0: ∂f/∂x "
        "is -1 from the left and 1 from the right; f has a local minimum there: f = 0 there and f ≥ 0 near it "
        "(f - f(0, 0) = |x| + y² is a sum of terms that are never negative)",
        "'c4': the second-derivative test needs f′ at the point, and f is not differentiable at x = 0: f′ is -∞ "
        "from the left and ∞ from the right; f has a local minimum there: f = 0 there and f ≥ 0 near it "
        "(f′ is -∞ from the left and ∞ from the right)",
    ]
    session = Session(packs.load(tmp_path / "o2.yaml"), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    assert any(line.text.startswith("Find all critical points of f(x, y) = y² + x^(2/3)")
               for line in session.start())


# finding 210: a corner saddle, which critical_points keys critical, was "not a critical point", its pack refused
@pytest.mark.parametrize("function, slopes, values", [
    ("abs(x) - y^2", "-1 from the left and 1 from the right", "|x| > 0 near it on the line y = 0, but -y² < 0"),
    ("abs(x) + x/2 - y^2", "-1/2 from the left and 3/2 from the right",
     "|x| + x/2 > 0 near it on the line y = 0, but -y² < 0"),
    ("abs(x) - abs(y)", "-1 from the left and 1 from the right", "|x| > 0 near it on the line y = 0, but -|y| < 0"),
])
def test_classifying_a_corner_saddle_is_left_out_with_what_f_values_say(tmp_path, capsys, function, slopes, values):
    status, said = _validate(tmp_path, capsys,
                             f"{{id: cp, kind: critical_points, function: '{function}'}}",
                             f"{{id: a, kind: classify_point, function: '{function}', at: [0, 0]}}")
    assert status == 1
    assert said == [f"'a': the second-derivative test needs ∇f at the point, and f is not differentiable at x = 0, "
                    f"y = 0: ∂f/∂x is {slopes}; f has a saddle there: f takes values above and below 0 near it "
                    f"(f - f(P) = {values} near it on the line x = 0)"]
    session = Session(packs.load(tmp_path / "p.yaml"), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    assert any(line.text.startswith("Find all critical points of f(x, y) = ") for line in session.start())


def test_a_point_where_f_has_no_slope_and_no_extremum_is_still_not_critical(tmp_path, capsys):
    status, said = _validate(tmp_path, capsys,
                             "{id: a, kind: classify_point, function: 'abs(x) + 2x + y^2', at: [0, 0]}")
    assert status != 0
    assert said[0].startswith("'a': this point is not a critical point (f is not differentiable at x = 0, y = 0")


def test_a_point_the_test_leaves_undecided_is_decided_from_the_parts(tmp_path):
    # x⁴ + y³ sin(y) at the origin was undecided: y³ sin(y) is least at y = 0, as x⁴ is at x = 0
    from tutor.feedback import respond
    path = pack_file(tmp_path, "{id: c, kind: classify_point, function: 'x^4 + y^3 sin(y)', at: [0, 0]}")
    exercise = packs.load(path).exercise("c").variant()
    verdict = respond(exercise, "minimum", isolated=False)
    assert verdict.correct and verdict.message == (
        "Correct: f = 0 there and f ≥ 0 near it (f is the sum of x⁴, with a local minimum at x = 0, and y³ sin(y), with "
        "a local minimum at y = 0). "
        "The second-derivative test alone does not decide it: here D = 0.")
    assert respond(exercise, "inconclusive", isolated=False).correct
    assert respond(exercise, "saddle", isolated=False).verdict == "incorrect"
