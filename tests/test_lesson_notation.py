"""Right answers written as the lesson writes them are read: a value after its function's name with named
arguments, E(m = 1/2, b = 7/3) (finding 430); ∇f alone before its value at a point and a point after
(x, y) = (finding 428); a descent step as a vector sum (finding 434). Where the names or values don't fit,
the answer is refused with a sentence that says what to write."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.parse import InputError, read, symbol


def checked(capsys: pytest.CaptureFixture[str], exercise: str, typed: str) -> tuple[int, str]:
    code = main(["check", "--exercise", f"gradients:{exercise}", "--", typed])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("exercise, typed, out", [
    ("power-lines-cost", "E(m = 1/2, b = 7/3) ≈ 4.167", "correct\nCorrect (to 3 decimal places).\nread as: 4.167\n"),
    ("power-lines-cost", "E(m=1/2, b=7/3) = 25/6", "correct\nCorrect.\nread as: 25/6\n"),
    ("power-lines-cost", "E(m = 0.5, b = 7/3) = 25/6", "correct\nCorrect.\nread as: 25/6\n"),
    ("power-lines-cost", "E(1/2, 7/3) ≈ 4.167", "correct\nCorrect (to 3 decimal places).\nread as: 4.167\n"),
    ("sauna-wall-temperature", "T(x=0, y) = 85", "correct\nCorrect.\nread as: 85\n"),
    ("sauna-wall-temperature", "T(x = 0, y) = 85", "correct\nCorrect.\nread as: 85\n"),
    ("gradient-x2y2-at-2-3", "∇f = (4, 6)", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("gradient-x2y2-at-2-3", "∇f = (2*2, 2*3)", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("gradient-x2y2-at-2-3", "grad f = (4, 6)", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("descent-heat-gradient", "∇T = (-0.1134, -0.0935)", "correct\nCorrect.\nread as: (-0.1134, -0.0935)\n"),
    ("critical-x2y2", "(x, y) = (0,0)", "correct\nCorrect.\nread as: {(0, 0)}\n"),
    ("critical-x2y2", "(x,y)=(0, 0)", "correct\nCorrect.\nread as: {(0, 0)}\n"),
    ("descent-heat-step-1", "(0.5, 0.6) - 0.05*(-0.1134, -0.0935)", "correct\nCorrect.\nread as: (0.50567, 0.604675)\n"),
    ("descent-heat-step-1", "(0.5, 0.6) + (0.00567, 0.004675)", "correct\nCorrect.\nread as: (0.50567, 0.604675)\n"),
    ("descent-heat-step-1", "[0.5, 0.6] − 0.05·[−0.1134, −0.0935]", "correct\nCorrect.\nread as: (0.50567, 0.604675)\n"),
    ("descent-heat-step-1", "-0.05(-0.1134, -0.0935) + (0.5, 0.6)", "correct\nCorrect.\nread as: (0.50567, 0.604675)\n"),
])
def test_the_lessons_own_forms_are_right(capsys, exercise, typed, out):
    assert checked(capsys, exercise, typed) == (0, out)


@pytest.mark.parametrize("exercise, typed, caret, message", [
    # a point that is not the one asked (its names in any order): never "Unknown function 'E'"
    ("power-lines-cost", "E(m=1, b=2) = 3", 0, "Write just 3, without 'E(m=1, b=2) ='."),
    ("power-lines-cost", "E(m=1, b=2) ≈ 4.167", 0, "Write just 4.167, without 'E(m=1, b=2) ≈'."),
    ("sauna-wall-temperature", "T(x=1, y) = 85", 0, "Write just 85, without 'T(x=1, y) ='."),
    ("sauna-wall-temperature", "T(y=0, x) = 85", 0, "Write just 85, without 'T(y=0, x) ='."),
    ("gradient-x2y2-at-2-3", "∇f(x, y) = (4, 6)", 0, "Write just (4, 6), without '∇f(x, y) ='."),
    # a set of several points, or names that are not the variables in order, named so
    ("critical-x2y2", "(x, y) = (0,0), (1,1)", 0, "Write just (0,0), (1,1), without '(x, y) ='."),
    ("critical-x2y2", "(x, y) = (±1, 0)", 0, "Write just (±1, 0), without '(x, y) ='."),
    ("critical-x2y2", "(y, x) = (0,0)", 0, "Write just (0,0), without '(y, x) ='."),
    ("descent-heat-step-1", "(0.5, 0.6) - 0.05", 11,
     "Only a vector can be added to a vector or taken from one, component by component."),
    ("descent-heat-step-1", "(0.5, 0.6) - x(1, 2)", 11,
     "Only a vector can be added to a vector or taken from one, component by component."),
    ("descent-heat-step-1", "(0.5, 0.6) - (1, 2, 3)", 11, "A vector of 3 components can't be added to one of 2."),
])
def test_names_or_values_that_dont_fit_say_what_to_write(capsys, exercise, typed, caret, message):
    assert checked(capsys, exercise, typed) == (3, f"invalid\n{typed}\n{' ' * caret}^\n{message}\n")


def test_a_wrong_answer_in_the_lessons_form_gets_the_verdict_of_the_bare_answer(capsys):
    # ∇f = (2x, 2y) where ∇f(2, 3) is asked is told to put the point in, as (2x, 2y) alone is
    assert checked(capsys, "gradient-x2y2-at-2-3", "∇f = (2x, 2y)") == checked(capsys, "gradient-x2y2-at-2-3",
                                                                                "(2x, 2y)")
    assert checked(capsys, "descent-heat-step-1", "(0.5, 0.6) + 0.05*(-0.1134, -0.0935)") == checked(
        capsys, "descent-heat-step-1", "(0.49433, 0.595325)")


@pytest.mark.parametrize("typed, vector", [
    ("(1, 2) + (3, 4)", (4, 6)), ("(1, 2) - (3, 4)", (-2, -2)), ("(1, 2) - 2(3, 4) + (1, 1)", (-4, -5)),
    ("[1, 2] + -1/2*[2, 4]", (0, 0)), ("(x, y) + (1, 1)", (symbol("x") + 1, symbol("y") + 1)),
])
def test_vectors_are_added_component_by_component(typed, vector):
    assert read(typed, "vector").value == vector


@pytest.mark.parametrize("typed, column, message", [
    ("2(1, 2) + 1", 8, "only a vector can be added to a vector or taken from one, component by component"),
    ("{(1, 2)} + (3, 4)", 9, "unexpected '+'"),  # a set is no vector: as before
    ("(1, 2) + (3, 4) +", 16, "only a vector can be added to a vector or taken from one, component by component"),
])
def test_a_sum_with_something_but_a_vector_is_refused_at_its_sign(typed, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, "vector")
    assert (caught.value.column, caught.value.message) == (column, message)


def test_the_lessons_forms_get_the_point_when_graded(tmp_path):
    answers = [("ana", "gradient-x2y2-at-2-3", "∇f = (4, 6)"), ("ben", "power-lines-cost", "E(m = 1/2, b = 7/3) ≈ 4.167"),
               ("cy", "critical-x2y2", "(x, y) = (0,0)"), ("dee", "sauna-wall-temperature", "T(x=0, y) = 85"),
               ("eve", "descent-heat-step-1", "(0.5, 0.6) - 0.05*(-0.1134, -0.0935)"),
               ("fay", "descent-heat-gradient", "∇T = (-0.1134, -0.0935)")]
    submitted = tmp_path / "answers.csv"
    with submitted.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([("student", "exercise", "answer"), *answers])
    assert main(["grade", "gradients", str(submitted), "--out", str(tmp_path / "out")]) == 0
    with Path(tmp_path / "out" / "answers.csv").open(encoding="utf-8", newline="") as stream:
        graded = {(r["student"], r["exercise"]): r for r in csv.DictReader(stream)}
    for student, exercise, _ in answers:
        row = graded[student, exercise]
        assert (row["verdict"], row["score"], row["max"]) == ("correct", "1", "1")


@pytest.mark.parametrize("answer", ["Ω", "x = Ω", "W(1)"])
def test_the_omega_constant_is_read_by_the_lesson_s_name(answer):
    # outside check: "Unknown name 'Ω'", though the lesson and tutor solve both call the minimum so
    from tutor import packs
    from tutor.feedback import respond
    verdict = respond(packs.load("gradients").exercise("hard-to-optimize-minimum").variant(), answer)
    assert (verdict.verdict.value, verdict.reading) == ("correct", "W(1)")
