"""The second-derivative test where a second partial's formula holds sign(u) with u = 0 at the point (finding 291):
sympy reads sign(0) as 0, which made x² + y² − 3|xy| a minimum at the origin (D = 4) where f(t, t) = −t² shows a
saddle. Where the partial's value there depends on u's side, f is not twice differentiable there: the test does
not apply, and f's values decide."""

from __future__ import annotations

import pytest

from tests.test_second_partials_definition import classify_point_pack
from tutor.calculus import classify
from tutor.cli import main

NOT_TWICE = "near (0, 0), f_xy is {sides}: f is not twice differentiable there, so the second-derivative test does " \
    "not apply"


@pytest.mark.parametrize("function, sides", [
    ("x^2 + y^2 - 3*abs(x*y)", "-3 where xy > 0 and 3 where xy < 0"),
    ("-(x^2 + y^2) + 3*abs(x*y)", "3 where xy > 0 and -3 where xy < 0"),
    ("2x^2 + 2y^2 - 5*abs(x*y)", "-5 where xy > 0 and 5 where xy < 0"),
    ("x^2 + y^2 + 3*abs(x*y)", "3 where xy > 0 and -3 where xy < 0"),
    ("x^2 - 3*x*abs(y) + y^2", "-3 where y > 0 and 3 where y < 0"),
    ("x^2 + y^2 - 3*abs(x)*abs(y)", "-3 or 3 by the signs of x and y"),
])
def test_a_second_partial_jumping_at_the_point_leaves_no_test(function, sides):
    k = classify(function, ("x", "y"), (0, 0))
    assert k.label == "inconclusive" and k.untested == NOT_TWICE.format(sides=sides)


@pytest.mark.parametrize("function", ["x^2 + y^2 + abs(x)^3", "x^2 + y^2 + abs(x*y)^3"])
def test_a_sign_whose_sides_agree_at_the_point_keeps_the_test(function):
    """|x|³'s f_xx = 6|x| + 2 is 2 at 0 from either side: f is twice differentiable there."""
    k = classify(function, ("x", "y"), (0, 0))
    assert (k.label, k.reason, k.untested) == ("minimum", "D = 4 > 0 and f_xx = 2 > 0", "")


@pytest.mark.parametrize("function, shown, line", [
    ("x^2 + y^2 - 3*abs(x*y)", "-3|xy| + x² + y²",
     "saddle (f takes values above and below 0 near it (f - f(P) = -3|xy| + x² + y² is of order r² in the distance r "
     "from the point and > 0 in the direction (1, 0) but < 0 in the direction (1, 1)))"),
    ("-(x^2 + y^2) + 3*abs(x*y)", "3|xy| - x² - y²",
     "saddle (f takes values above and below 0 near it (f - f(P) = 3|xy| - x² - y² is of order r² in the distance r "
     "from the point and > 0 in the direction (1, 1) but < 0 in the direction (1, 0)))"),
    ("2x^2 + 2y^2 - 5*abs(x*y)", "-5|xy| + 2x² + 2y²",
     "saddle (f takes values above and below 0 near it (f - f(P) = -5|xy| + 2x² + 2y² is of order r² in the distance "
     "r from the point and > 0 in the direction (1, 0) but < 0 in the direction (1, 1)))"),
])
def test_solve_critical_calls_the_origin_a_saddle(capsys, function, shown, line):
    assert main(["solve", "critical", function]) == 0
    assert capsys.readouterr().out == (
        f"f(x, y) = {shown}\ncritical points:\n  (0, 0)  {line}\nnote: the equations are not polynomial, so the "
        "solutions found may not be all the critical points\n")


@pytest.mark.parametrize("function", ["x^2 + y^2 - 3*abs(x*y)", "2x^2 + 2y^2 - 5*abs(x*y)"])
def test_solve_minimize_lists_no_saddle_as_a_minimum(capsys, function):
    assert main(["solve", "minimize", function]) == 0
    out = capsys.readouterr().out
    assert "no local minimum found\n" in out and "(0, 0)" not in out


def test_solve_minimize_drops_the_saddle_beside_the_minima(capsys):
    assert main(["solve", "minimize", "x^2 + y^2 - 3*abs(x*y) + x^4"]) == 0
    out = capsys.readouterr().out
    assert "(0, 0)" not in out and "  (√10/4, 3√10/8): f = -25/64 ≈ -0.390625\n" in out


def test_the_exercise_keys_the_nature_and_grades_a_saddle(tmp_path, capsys):
    pack = classify_point_pack(tmp_path, "x^2 + y^2 - abs(x*y)*3", "-(x^2 + y^2) + 3*abs(x*y)", "x^2 - 3*x*abs(y) + y^2",
                 "x^2 + y^2 + 3*abs(x*y)", "x^2 + y^2 + abs(x)^3")
    assert main(["pack", "validate", str(pack)]) == 0
    capsys.readouterr()
    assert main(["pack", "show", str(pack), "--answers"]) == 0
    answers = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("answer:")]
    assert answers == ["answer: inconclusive or saddle", "answer: inconclusive or saddle",
                       "answer: inconclusive or saddle", "answer: inconclusive or minimum", "answer: minimum"]
    assert main(["check", "saddle", "--exercise", f"{pack}:e0"]) == 0
    assert capsys.readouterr().out == (
        "correct\nCorrect: f takes values above and below 0 near it (f - f(P) = -3|xy| + x² + y² is of order r² in the "
        "distance r from the point and > 0 in the direction (1, 0) but < 0 in the direction (1, 1)). Near (0, 0), "
        "f_xy is -3 where xy > 0 and 3 where xy < 0: f is not twice differentiable there, so the second-derivative "
        "test does not apply.\nread as: saddle\n")
    for exercise, wrong in (("e0", "minimum"), ("e1", "maximum"), ("e2", "minimum")):
        main(["check", wrong, "--exercise", f"{pack}:{exercise}"])
        assert capsys.readouterr().out == f"incorrect\nIt is not a {wrong}.\nread as: {wrong}\n"
    assert main(["check", "minimum", "--exercise", f"{pack}:e3"]) == 0
    assert capsys.readouterr().out.startswith("correct\nCorrect: f = 0 there and f ≥ 0 near it")
    main(["check", "saddle", "--exercise", f"{pack}:e3"])
    assert capsys.readouterr().out == "incorrect\nIt is not a saddle point.\nread as: saddle\n"
