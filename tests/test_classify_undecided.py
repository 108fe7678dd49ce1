"""A critical point where D = 0 (finding 101): a nature the tutor proves is right, one it can't decide
is not marked wrong, and `pack validate` says when a point can't be decided."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond

UNDECIDED = ("The second-derivative test does not decide this point (here D = 0), and the tutor could not decide "
             "it from f's values either, so your answer can't be checked: it is not marked correct, and it is "
             "flagged for your teacher to look at. The answer marked correct is the test's: inconclusive.")


def _exercise(tmp_path, function: str, at: str = "[0, 0]"):
    path = pack_file(tmp_path, f'{{id: c, kind: classify_point, function: "{function}", at: {at}}}')
    return packs.load(path).exercise("c").variant()


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


# x^4 + y^3 sin(y) was the second: a sum of parts in one variable each, decided now (tests/test_separable_sums.py)
@pytest.mark.parametrize("function", ["x^4 - 2x^2 y^2 + y^4 + x^6 + y^6"])
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

    from tutor.calculus.by_values import _lowest_terms
    from tutor.calculus.common import function_of, symbols
    assert _lowest_terms(function_of(g), symbols(["x", "y"]), (sympy.Integer(0), sympy.Integer(0)))[0] == expected


# the re-check of finding 101: cos(x) + y⁴ at the origin "may be a local minimum", though f_xx = -1 < 0 there,
# and (π, 0) undecided, though cos(x) ≥ -1 and y⁴ ≥ 0 make f ≥ -1 = f(π, 0) everywhere
@pytest.mark.parametrize("function, at, nature, why", [
    ("cos(x) + y^4", "[0, 0]", "saddle",
     "f - f(P) = y⁴ > 0 near it on the line x = 0, but cos(x) - 1 < 0 near it on the line y = 0"),
    ("cos(x) + y^4", "[pi, 0]", "minimum", "each term of f is at its least there: y⁴ ≥ 0, cos(x) ≥ -1"),
    ("cos(x) - y^4", "[0, 0]", "maximum", "each term of f is at its greatest there: -y⁴ ≤ 0, cos(x) ≤ 1"),
    ("2sin(x) + y^4", "[-pi/2, 0]", "minimum", "each term of f is at its least there: y⁴ ≥ 0, 2 sin(x) ≥ -2"),
    ("y^3 + cos(x)", "[0, 0]", "saddle", "on the line x = 0, f - f(P) = y³, which changes sign at y = 0"),
])
def test_a_function_not_a_polynomial_is_decided_by_its_terms_or_its_lines(tmp_path, function, at, nature, why):
    exercise = _exercise(tmp_path, function, at)
    verdict = respond(exercise, nature, isolated=False)
    assert verdict.correct and why in verdict.message, verdict.message
    for other in {"minimum", "maximum", "saddle"} - {nature}:
        assert respond(exercise, other, isolated=False).note != "undecided"


def test_minimize_on_cos_x_plus_y4_names_the_saddle_and_the_global_minimum(capsys):
    assert main(["solve", "minimize", "cos(x) + y^4"]) == 0
    assert capsys.readouterr().out.splitlines()[1:4] == [
        "local minima:", "  (π, 0): f = -1", "the least: f(π, 0) = -1; it is the global minimum"]
    assert main(["solve", "critical", "cos(x) + y^4"]) == 0
    assert "  (0, 0)  saddle (f takes values above and below 1 near it (f - f(P) = y⁴ > 0 near it on the line " \
           "x = 0, but cos(x) - 1 < 0 near it on the line y = 0))" in capsys.readouterr().out.splitlines()


def test_the_hints_name_the_test_of_the_exercises_own_function_and_variables(tmp_path):
    # one variable was given the two-variable test (D, f_xy, a saddle), and the sauna's T was called f; the first
    # hint compares values, as the lesson decides the sauna (its walls at 85 above (4, 4)), which never names the
    # second-derivative test (outside check h14, F2)
    assert _exercise(tmp_path, "x^3 - 3x", "[1]").hints() == (
        "Compare f(1) with the values of f a little to either side: if both are higher, the point is a minimum; "
        "both lower, a maximum; one higher and one lower, neither.",
        "Or use the second-derivative test, the sign of f″ at the point: f″ > 0, a minimum; f″ < 0, a maximum; "
        "f″ = 0: the test does not decide.",
        "Here f″(1) = 6.")
    assert packs.load("gradients").exercise("sauna-classify-4-4").variant().hints() == (
        "Compare T(4, 4) with the values of T a little away in every direction: if they are all higher, the point "
        "is a minimum; all lower, a maximum; higher one way and lower another, a saddle point.",
        "Or use the second-derivative test: D = T_xx·T_yy − T_xy² at the point. D < 0: saddle. D > 0: a minimum if "
        "T_xx > 0, a maximum if T_xx < 0. D = 0: the test does not decide.",
        "Here D = 4096/225 and T_xx = 64/15.")


def test_a_point_of_one_variable_is_decided_by_its_higher_derivatives_and_a_wrong_label_named(tmp_path):
    # x³ at 0 was "can't be checked, flagged for your teacher", though f⁽³⁾ ≠ 0 shows it is no extremum
    cubic = _exercise(tmp_path, "x^3", "[0]")
    assert [str(a.value) for a in (cubic.expected(), *cubic.problem.also_right())] == ["inconclusive", "saddle"]
    assert respond(cubic, "saddle", isolated=False).message == (
        "Correct: f takes values above and below 0 near it (the derivatives up to order 2 are 0 there and f⁽³⁾ > 0). "
        "The second-derivative test alone does not decide it.")
    minimum = respond(cubic, "minimum", isolated=False)
    assert not minimum.correct and minimum.note == "misconception:undecided-called-wrong-extremum"
    assert minimum.message == (
        "It looks like you called it a minimum, which f's values near the point rule out. Here f″ = 0, so the "
        "second-derivative test does not decide, but those values do: compare f with its value there, 0.")
    peak = _exercise(tmp_path, "3x - x^3", "[1]")
    assert respond(peak, "minimum", isolated=False).message == (
        "It looks like you read the sign of f″ the wrong way round. f″ > 0 means a minimum (the graph curves up) "
        "and f″ < 0 a maximum; here f″ = -6.")
