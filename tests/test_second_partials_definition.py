"""classify_point where a second partial's formula has no value at the point (finding 253): taken from its
definition, the test's verdict said only where f's values show it too (the test needs f twice differentiable,
which partials at one point don't show); where the definition gives no value either, f's values decide."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.calculus import classify
from tutor.calculus.common import NoRealValue
from tutor.cli import main
from tutor.feedback import respond

DEFINED = "{name}(0, 0) = {value}: its formula has no value there, so from the definition, lim h→0 {quotient} = {value}"


def _pack(tmp_path, *functions: str):
    lines = "".join(f"  - {{id: e{i}, kind: classify_point, function: \"{f}\", at: [0, 0]}}\n"
                    for i, f in enumerate(functions))
    (tmp_path / "p.yaml").write_text(f"pack: p\nexercises:\n{lines}", encoding="utf-8")
    return tmp_path / "p.yaml"


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
    path = _pack(tmp_path, "sqrt(x^4 + y^4)", "(x^2 + y^2)^(3/2) - x^2 + y^2", "x^(4/3) + y^2",
                 "x*(x^2+y^2)^(1/3) + x^2 + y^2")
    assert main(["pack", "validate", str(path)]) == 0
    assert main(["pack", "show", str(path), "--answers"]) == 0
    answers = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("answer:")]
    assert answers == ["answer: minimum", "answer: saddle", "answer: inconclusive or minimum",
                       "answer: inconclusive or saddle"]


def test_a_point_with_no_second_partial_is_decided_by_fs_values(tmp_path):
    exercise = packs.load(_pack(tmp_path, "x^(4/3) + y^2")).exercise("e0").variant()
    verdict = respond(exercise, "minimum", isolated=False)
    assert verdict.correct and verdict.message.endswith(
        "A second derivative has no value there, so the second-derivative test does not apply.")
    assert not respond(exercise, "saddle", isolated=False).correct
