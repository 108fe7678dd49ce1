"""`tutor check ANSWER --exercise PACK:ID`: a pack exercise's check, with diagnosis."""

from __future__ import annotations

import json

from tutor.cli import main


def test_names_the_misconception(capsys):
    assert main(["check", "18xy^2", "--exercise", "gradients:partial-x-3x2y3"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nIt looks like you differentiated y³ as well and multiplied the derivatives of x² and y³. "
        "In ∂/∂x, y is a constant, so y³ is only a coefficient.\nread as: 18xy²\n")


def test_json_carries_the_note(capsys):
    assert main(["check", "6 x", "--exercise", "gradients:partial-x-3x2y3", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["verdict"] == "incorrect"
    assert result["note"] == "misconception:dropped-constant-factor"


def test_a_students_variant(capsys):
    # ann's variant of pd-monomial-x is 6x⁵y³
    assert main(["check", "30x^4y^3", "--exercise", "drills:pd-monomial-x", "--student", "ann"]) == 0
    assert main(["check", "30x^4", "--exercise", "drills:pd-monomial-x", "--student", "ann", "--json"]) == 1
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["note"] == "misconception:dropped-constant-factor"
    assert main(["check", "x", "--exercise", "drills:pd-monomial-x", "--seed", "3"]) == 1


def test_a_pack_file(tmp_path, capsys):
    target = tmp_path / "mine.yaml"
    main(["pack", "new", str(target)])
    capsys.readouterr()
    assert main(["check", "0.05", "--exercise", f"{target}:descent", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["note"] == "mistake:author"


def test_mistakes_in_the_command_are_one_sentence(capsys):
    assert main(["check", "x", "--exercise", "gradients:nope"]) == 2
    assert capsys.readouterr().err == "tutor: pack 'gradients' has no exercise 'nope'\n"
    assert main(["check", "x", "--exercise", "gradients"]) == 2
    assert "like gradients:partial-x-3x2y3" in capsys.readouterr().err
    assert main(["check", "x", "--exercise", "gradients:partial-x-3x2y3", "--expected", "x"]) == 2
    assert capsys.readouterr().err == (
        "tutor: --expected can't be used with --exercise: the exercise says what is expected\n")
    assert main(["check", "x", "--expected", "x", "--student", "ann"]) == 2
    assert capsys.readouterr().err == "tutor: --student and --seed choose a variant of an --exercise\n"


def test_without_exercise_check_is_unchanged(capsys):
    assert main(["check", "18xy^2", "--expected", "6xy^3"]) == 1
    assert capsys.readouterr().out.startswith("incorrect\nAt x = 1, y = 2 your answer is 72")


def test_a_local_maximum_given_for_where_descent_ends_is_named(capsys):
    # it was "Your answer 0.1699 is not right to 4 decimal places.": the same root, to be computed again
    assert main(["check", "--exercise", "gradients:local-minima-1d-end", "--", "0.1699"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nIt looks like you gave a critical point that is a local maximum: at 0.169938…, f″ = -5.65345… "
        "< 0. A local minimum has f″ > 0.\nread as: 0.1699\n")
    assert main(["check", "--exercise", "gradients:local-minima-2d-end", "--json", "--", "(0.0754, 0)"]) == 1
    assert json.loads(capsys.readouterr().out)["note"] == "misconception:maxima-counted-as-minima"
