"""A critical point where D = 0 (finding 101): a nature the tutor proves is right, one it can't decide
is not marked wrong, and `pack validate` says when a point can't be decided."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond

UNDECIDED = ("The second-derivative test does not decide this point (here D = 0), and the tutor could not decide "
             "it from f's values either, so your answer can't be checked: it is not marked correct, and it is "
             "flagged for your teacher to look at. The answer marked correct is the test's: inconclusive.")


def _exercise(tmp_path, function: str, at: str = "[0, 0]"):
    (tmp_path / "p.yaml").write_text(f"pack: p\nexercises:\n  - id: c\n    kind: classify_point\n"
                                     f"    function: {function}\n    at: {at}\n", encoding="utf-8")
    return packs.load(tmp_path / "p.yaml").exercise("c").variant()


@pytest.mark.parametrize("function, at, nature, why", [
    ("x^2 + y^4 - y^5", "[0, 0]", "minimum", "f - f(P) = y⁴ + x² + terms these outweigh near it"),
    ("x^2 - 2x y^2 + 2y^4", "[0, 0]", "minimum", "f - f(P) = y⁴ + (-y² + x)²"),
    ("(x-1)^2 - 2(x-1)(y+2)^2 + 2(y+2)^4", "[1, -2]", "minimum", "f - f(P) = (y + 2)⁴ + (x - (y + 2)² - 1)²"),
    ("y^2 + x^4 - x^3 y", "[0, 0]", "minimum", "f - f(P) = x⁴ + y² + terms these outweigh near it"),
    ("-(x - 2y^2)^2 - y^6 + x^5", "[0, 0]", "maximum",
     "f - f(P) = -y⁶ - (-2y² + x)² + terms these outweigh near it"),
    ("x^2 + x y^2 + y^4/8", "[0, 0]", "saddle",
     "f - f(P) = x² + higher powers of x on the line y = 0, but -y⁴/8 + higher powers of y on the parabola "
     "x = -y²/2"),
])
def test_a_point_decided_by_completing_the_square_takes_its_nature(tmp_path, function, at, nature, why):
    exercise = _exercise(tmp_path, function, at)
    verdict = respond(exercise, nature, isolated=False)
    assert verdict.correct and why in verdict.message and verdict.message.endswith(
        "The second-derivative test alone does not decide it: here D = 0.")
    assert respond(exercise, "inconclusive", isolated=False).correct  # the test's own answer stays right
    for other in {"minimum", "maximum", "saddle"} - {nature}:
        assert respond(exercise, other, isolated=False).note.startswith("misconception:")


@pytest.mark.parametrize("function", ["x^4 - 2x^2 y^2 + y^4 + x^6 + y^6", "x^4 + y^3 sin(y)"])
def test_a_nature_named_where_the_tutor_cannot_decide_is_undecided_not_wrong(tmp_path, function):
    exercise = _exercise(tmp_path, function)
    for nature in ("minimum", "maximum", "saddle"):
        verdict = respond(exercise, nature, isolated=False)
        assert (verdict.verdict, verdict.note, verdict.message) == ("incorrect", "undecided", UNDECIDED)
    assert respond(exercise, "inconclusive", isolated=False).correct


def test_validation_tells_the_author_of_a_point_it_cannot_decide(tmp_path, capsys):
    _exercise(tmp_path, "x^4 - 2x^2 y^2 + y^4 + x^6 + y^6")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith(
        "exercise 'c': neither the second-derivative test nor f's values, as the tutor reads them, decide what "
        "(0, 0) is: the answer is 'inconclusive', and an answer naming its nature can't be checked (it is "
        "flagged for review); a point the tutor can decide makes a better question")
    _exercise(tmp_path, "x^2 + y^4 - y^5")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1



@pytest.mark.parametrize("function, nature, why", [
    ("x^4 + x^3 y + y^4", "minimum",
     "f - f(P) = x⁴ + x³y + y⁴ is > 0 in every direction from the point: x⁴(m⁴ + m + 1) on the line y = mx, where "
     "m⁴ + m + 1 has no real root, and y⁴ on the line x = 0"),
    ("x^5 - x^4 - x^3 y - y^4", "maximum",
     "the lowest-degree terms of f - f(P), -x⁴ - x³y - y⁴, are < 0 in every direction from the point"),
    ("(y - 3x)^2 (x^2 + y^2) - x^4/7", "saddle", "is y⁴ on the line x = 0 but -x⁴/7 on the line y = 3x"),
    # decided as before, by f's other readings: the lowest-degree terms agree
    ("-(x^4 + y^4 + x^2 y^2)", "maximum", "f - f(P) = -x⁴ - x²y² - y⁴ is a sum of even powers with negative"),
    ("x^4 - 3x^2 y^2 + y^4", "saddle", "f - f(P) = x⁴ on the line y = 0, but -x⁴ on the line y = x"),
    ("x^2 + y^4", "minimum", "f - f(P) = x² + y⁴ is a sum of even powers with positive coefficients"),
])
def test_a_point_decided_by_its_lowest_degree_terms_takes_its_nature(tmp_path, function, nature, why):
    exercise = _exercise(tmp_path, function)
    verdict = respond(exercise, nature, isolated=False)
    assert verdict.correct and why in verdict.message
    assert respond(exercise, "inconclusive", isolated=False).correct
    for other in {"minimum", "maximum", "saddle"} - {nature}:
        assert respond(exercise, other, isolated=False).verdict == "incorrect"


@pytest.mark.parametrize("g, expected", [
    ("x^4 + x^3 y + y^4", 1),  # definite
    ("-(x^4 + y^4 + x^2 y^2)", -1),
    ("x^4 - 3x^2 y^2 + y^4", 0),  # indefinite: -x⁴ on y = x
    ("x^3 + y^4", 0),  # odd degree: changes sign along y = 0
    ("x^4 + y^4 - 2x^2 y^2", None),  # (x² − y²)²: 0 on y = ±x, semidefinite, never called strict
    ("x^2 + y^4", None),  # x²: 0 on x = 0
])
def test_the_lowest_degree_terms_decide_only_where_definite_or_indefinite(g, expected):
    import sympy

    from tutor.calculus.common import function_of, symbols
    from tutor.calculus.critical import _lowest_terms
    assert _lowest_terms(function_of(g), symbols(["x", "y"]), (sympy.Integer(0), sympy.Integer(0)))[0] == expected
