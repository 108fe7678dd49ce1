"""classify_point where a second partial's formula has no value at the point (finding 253): taken from its
definition, the test's verdict said only where f's values show it too (the test needs f twice differentiable,
which partials at one point don't show); where the definition gives no value either, f's values decide."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.calculus import classify
from tutor.calculus.common import NoRealValue
from tutor.cli import main
from tutor.feedback import respond

DEFINED = "{name}(0, 0) = {value}: its formula has no value there, so from the definition, lim h→0 {quotient} = {value}"


def classify_point_pack(tmp_path, *functions: str):
    """A pack file of classify_point exercises at (0, 0), e0, e1, ... (the sign-jump tests use it too)."""
    return pack_file(tmp_path, *(f'{{id: e{i}, kind: classify_point, function: "{f}", at: [0, 0]}}'
                                 for i, f in enumerate(functions)))


@pytest.mark.parametrize("function, label, fxx, fyy", [
    ("sqrt(x^4 + y^4)", "minimum", "2", "2"),
    ("-sqrt(x^4 + y^4)", "maximum", "-2", "-2"),
    ("(x^2 + y^2)^(3/2) - x^2 + y^2", "saddle", "-2", "2"),
    ("sqrt(x^4 + y^4) - 3y^2", "saddle", "2", "-4"),
])
def test_second_partials_from_their_definition_and_fs_values_agree(function, label, fxx, fyy):
    k = classify(function, ("x", "y"), (0, 0))
    assert k.label == label and not k.untested
    for name, value, quotient in (("f_xx", fxx, "(f_x(h, 0) − f_x(0, 0))/h"), ("f_xy", "0", "(f_x(0, h) − f_x(0, 0))/h"),
                                  ("f_yy", fyy, "(f_y(0, h) − f_y(0, 0))/h")):
        assert DEFINED.format(name=name, value=value, quotient=quotient) in k.reason
    assert "f_yx" not in k.reason and "f's values agree: " in k.reason


@pytest.mark.parametrize("function, said", [
    ("x^(4/3) + y^2", "f_xx has no value at x = 0, y = 0: its formula has none there, and lim h→0 (f_x(h, 0) − "
                      "f_x(0, 0))/h is ∞"),
    ("x*(x^2+y^2)^(1/3) + x^2 + y^2", "f_xx has no value at x = 0, y = 0: its formula has none there, and (f_x(h, 0) − "
                                      "f_x(0, 0))/h tends to -∞ from the left and ∞ from the right as h → 0"),
])
def test_no_second_partial_from_the_definition_either_is_said_with_its_sides(function, said):
    with pytest.raises(NoRealValue) as error:
        classify(function, ("x", "y"), (0, 0))
    assert error.value.message == said


def test_pack_of_the_finding_is_set_and_answered(tmp_path, capsys):
    path = classify_point_pack(tmp_path, "sqrt(x^4 + y^4)", "(x^2 + y^2)^(3/2) - x^2 + y^2", "x^(4/3) + y^2",
                 "x*(x^2+y^2)^(1/3) + x^2 + y^2")
    assert main(["pack", "validate", str(path)]) == 0
    assert main(["pack", "show", str(path), "--answers"]) == 0
    answers = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("answer:")]
    assert answers == ["answer: minimum", "answer: saddle", "answer: inconclusive or minimum",
                       "answer: inconclusive or saddle"]


def test_a_point_with_no_second_partial_is_decided_by_fs_values(tmp_path):
    exercise = packs.load(classify_point_pack(tmp_path, "x^(4/3) + y^2")).exercise("e0").variant()
    verdict = respond(exercise, "minimum", isolated=False)
    assert verdict.correct and verdict.message.endswith(
        "A second derivative has no value there, so the second-derivative test does not apply.")
    assert not respond(exercise, "saddle", isolated=False).correct


@pytest.mark.parametrize("function, answer, right, wrong, said", [
    # by the definition f_xx = f_yy = 2, f_xy = 1/10 (or -1/2): D > 0, and f - f(P) > 0 on every ray shows it
    ("(x^4 + y^4)^(1/2) + x*y/10", "minimum", "minimum", "inconclusive",
     "It looks like you called the test inconclusive. Only D = 0 leaves it inconclusive; here D = 399/100, so the "
     "point is a minimum."),
    ("sqrt(x^4 + y^4) - x*y/2", "minimum", "minimum", "saddle",
     "You get this answer if you took D > 0 to mean a saddle point, or if you computed D with the sign reversed, as "
     "f_xy² − f_xx·f_yy. Here D = 15/4 > 0: the point is a minimum or a maximum, not a saddle point. The "
     "discriminant is D = f_xx·f_yy − f_xy²."),
    ("-sqrt(x^4 + y^4) + x*y/10", "maximum", "maximum", "minimum",
     "It looks like you read the sign of f_xx the wrong way round. With D > 0, f_xx > 0 means a minimum (the surface "
     "curves up) and f_xx < 0 a maximum; here f_xx = -2."),
])
def test_second_partials_from_the_definition_with_a_cross_term(tmp_path, capsys, function, answer, right, wrong,
                                                              said):
    pack = classify_point_pack(tmp_path, function)
    assert main(["pack", "show", str(pack), "e0", "--answers"]) == 0
    assert f"   answer: {answer}\n" in capsys.readouterr().out
    assert main(["check", right, "--exercise", f"{pack}:e0"]) == 0
    assert capsys.readouterr().out.startswith("correct\n")
    main(["check", wrong, "--exercise", f"{pack}:e0"])
    assert capsys.readouterr().out == f"incorrect\n{said}\nread as: {wrong}\n"


@pytest.mark.parametrize("function", ["(x*y)^(1/3)", "(x*y)^(1/5)", "x^(1/3)*y"])
def test_an_odd_root_saddle_is_graded_saddle(tmp_path, capsys, function):
    """No second-derivative test there (f_xy has no value), and f's values, read for every real x, decide."""
    pack = classify_point_pack(tmp_path, function)
    assert main(["pack", "show", str(pack), "e0", "--answers"]) == 0
    assert "   answer: inconclusive or saddle\n" in capsys.readouterr().out
    assert main(["check", "saddle", "--exercise", f"{pack}:e0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("correct\nCorrect: f takes values above and below 0 near it")
    assert "D = 0" not in out and "so the second-derivative test does not apply." in out
    main(["check", "minimum", "--exercise", f"{pack}:e0"])
    assert capsys.readouterr().out == "incorrect\nIt is not a minimum.\nread as: minimum\n"


def test_an_undecided_point_says_why_the_test_does_not_apply(tmp_path, capsys):
    """Where neither decides, the message says D = 0 only where D was found 0."""
    pack = classify_point_pack(tmp_path, "x^4 + y^4 + sin(x^3*y)", "abs(x)^(3/2)*sin(y) + y^4")
    tail = (", and the tutor could not decide it from f's values either, so your answer can't be checked: it is not "
            "marked correct, and it is flagged for your teacher to look at. The answer marked correct is the test's: "
            "inconclusive.\nread as: saddle\n")
    main(["check", "saddle", "--exercise", f"{pack}:e0"])
    assert capsys.readouterr().out == f"incorrect\nThe second-derivative test does not decide this point (here D = 0){tail}"
    main(["check", "saddle", "--exercise", f"{pack}:e1"])
    assert capsys.readouterr().out == (
        "incorrect\nThe second-derivative test does not decide this point (f_xx(0, 0) = 0: its formula has no value "
        "there, so from the definition, lim h→0 (f_x(h, 0) − f_x(0, 0))/h = 0; the second partials at the point come "
        "from their definition, which doesn't show f twice differentiable there, as the test needs, so the "
        f"second-derivative test does not apply){tail}")
