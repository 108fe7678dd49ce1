"""A whole number typed where a tolerance applies is a decimal with no places: 333 for 1000/3 at dp:0 is
right as 333.0 is (finding 440); a fraction stays exact. A computed answer is shown so that it grades as
correct under the exercise's tolerance: 1234567 in full, not 1.23457e6 (finding 447)."""

from __future__ import annotations

import csv

import pytest
from pack_files import pack_file

from tutor.cli import main
from tutor.show import show_decimal


@pytest.mark.parametrize("answer, expected, tolerance, said", [
    ("333", "1000/3", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("333.0", "1000/3", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("334", "1000/3", "dp:0", "incorrect\nYour answer 334 is not right to 0 decimal places."),
    ("333", "1000/3", "dp:1",
     "incorrect\nYour answer 333 is right to the nearest whole number; give it to 1 decimal place."),
    ("333", "1000/3", "1e-2", "correct\nCorrect (within a relative error of 0.01)."),
    ("340", "1000/3", "1e-2", "incorrect\nYour answer 340 is not right within a relative error of 0.01."),
    ("3", "10/3", "0.2", "correct\nCorrect (within a relative error of 0.2)."),
    ("3", "10/3", "dp:1", "incorrect\nYour answer 3 is not right to 1 decimal place."),  # one digit: a guess
    ("2", "51/25", "dp:1", "correct\nCorrect (to 1 decimal place)."),
    ("2", "2.04", "dp:1", "correct\nCorrect (to 1 decimal place)."),
    # in an expression each coefficient is judged to the tolerance, as where a decimal was typed
    ("2x + 3", "51/25 x + 3", "dp:1", "correct\nCorrect (to 1 decimal place)."),
    ("2x + 3", "2.04x + 3", "dp:1", "correct\nCorrect (to 1 decimal place)."),
    ("20x + 3", "2008/100 x + 3", "dp:1",
     "incorrect\nThe 20 in your answer is right to the nearest whole number; give it to 1 decimal place."),
    ("1001/3", "1000/3", "dp:0", "incorrect\nYour answer 1001/3 is not right."),  # a fraction is exact
])
def test_a_whole_number_is_judged_to_the_tolerance(capsys, answer, expected, tolerance, said):
    assert main(["check", answer, "--expected", expected, "--tol", tolerance]) == (0 if "\nCorrect" in said else 1)
    assert "\n".join(capsys.readouterr().out.splitlines()[:2]) == said


def test_without_a_tolerance_a_whole_number_is_exact(capsys):
    assert main(["check", "333", "--expected", "1000/3"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "Your answer 333 is not right."


KINDS = (
    'id: step\n    kind: expression\n    prompt: "What is 1000/3, to the nearest whole number?"\n'
    '    expected: 1000/3\n    tolerance: dp:0',
    "id: grad\n    kind: gradient\n    function: x^3/3 + y^2\n    at: [10/3, 1]\n    tolerance: dp:0",
    "id: mn\n    kind: minimize\n    function: (x - 10/3)^2\n    tolerance: dp:0",
    "id: lsq\n    kind: least_squares\n    data: [[0, 2], [1, 5], [2, 10]]\n    tolerance: dp:0",
    "id: lsq1\n    kind: least_squares\n    data: [[0, 2], [1, 5], [2, 10]]\n    tolerance: dp:1",
    "id: exact\n    kind: minimize\n    function: (x - 10/3)^2",
    "id: rel\n    kind: expression\n    prompt: \"What is 1000/3, within 1%?\"\n    expected: 1000/3\n"
    "    tolerance: 1e-2",
)


@pytest.mark.parametrize("exercise, answer, said", [
    ("step", "333", "correct\nCorrect (to 0 decimal places)."),
    ("step", "334", "incorrect\nYour answer 334 is not right to 0 decimal places."),
    ("grad", "(11, 2)", "correct\nCorrect (to 0 decimal places)."),  # ∇f(10/3, 1) = (100/9, 2)
    ("mn", "3", "correct\nCorrect (to 0 decimal places)."),  # the minimiser is 10/3
    ("mn", "4", "incorrect\nYour answer 4 is not right to 0 decimal places."),
    # the fit is m = 4, b = 5/3: 2 to 0 places, and no misconception named
    ("lsq", "m = 4, b = 2", "correct\nCorrect (to 0 decimal places)."),
    ("lsq", "y = 4x + 2", "correct\nCorrect (to 0 decimal places)."),
    ("lsq", "m = 4, b = 1", "incorrect\nYour b 1 is not right to 0 decimal places."),
    ("lsq1", "m = 4, b = 1.7", "correct\nCorrect (to 1 decimal place)."),
    # to 1 place b = 2 is not 1.7: the data's y at x = 0 with the right slope, or the two-point line's, both named
    ("lsq1", "m = 4, b = 2", "incorrect\nYou get this answer if you took b from the data point (0, 2), or if you drew "
                             "the line through (0, 2) and (2, 10). The fitted line need not pass through any data "
                             "point: b = ȳ − m·x̄ = 5/3. The least-squares line is fitted to all the points at once: "
                             "solve ∂E/∂m = 0 and ∂E/∂b = 0 together."),
    ("exact", "3", "incorrect\nYour answer 3 is not right."),  # no tolerance: exact
    ("rel", "333", "correct\nCorrect (within a relative error of 0.01)."),
])
def test_every_kind_with_a_tolerance_judges_a_whole_number_to_it(tmp_path, capsys, exercise, answer, said):
    path = pack_file(tmp_path, *KINDS)
    assert main(["check", "--exercise", f"{path}:{exercise}", "--", answer]) == (0 if "\nCorrect" in said else 1)
    assert "\n".join(capsys.readouterr().out.splitlines()[:2]) == said


def test_grade_judges_a_whole_number_to_the_tolerance(tmp_path, capsys):
    path = pack_file(tmp_path, KINDS[0], KINDS[1], KINDS[6])
    answers = tmp_path / "answers.csv"
    answers.write_text('student,exercise,answer\nana,step,333\nana,grad,"(11, 2)"\nana,rel,333\n'
                       'ben,step,333.0\nben,grad,"(11.0, 2)"\nben,rel,333.0\n'
                       'cy,step,334\ncy,grad,"(12, 2)"\ncy,rel,340.0\n', encoding="utf-8")
    assert main(["grade", str(path), str(answers), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.startswith(
        "p: 3 students, 9 answers (6 correct, 3 incorrect, 0 invalid), 0 not answered\n")
    with (tmp_path / "out" / "answers.csv").open(encoding="utf-8", newline="") as stream:
        rows = [(r["student"], r["exercise"], r["verdict"], r["feedback"]) for r in csv.DictReader(stream)]
    assert rows[:3] == [("ana", "step", "correct", "Correct (to 0 decimal places)."),
                        ("ana", "grad", "correct", "Correct (to 0 decimal places)."),
                        ("ana", "rel", "correct", "Correct (within a relative error of 0.01).")]
    assert rows[6] == ("cy", "step", "incorrect", "Your answer 334 is not right to 0 decimal places.")
    assert rows[8] == ("cy", "rel", "incorrect", "Your answer 340.0 is not right within a relative error of 0.01.")


DESCENT = "kind: gradient_descent\n    function: {f}\n    start: {start}\n    rate: {rate}\n    iterations: {k}"


@pytest.mark.parametrize("f, start, rate, k, tolerance, shown", [
    ("(x - 1234567)^2", 0, 0.5, 1, "", "1234567"),  # one step at 0.5 lands on 1234567
    ("(x - 1234567)^2", 0, 0.5, 1, "dp:4", "1234567"),
    ("(x - 1234567)^2", 0, 0.5, 1, "1e-3", "1234567"),  # not 1.23457e6, 3 off
    ("(x - 1048576)^2", 0, 0.5, 1, "dp:4", "1048576"),  # 2²⁰ (a descent that diverges to (-2)²⁰ is refused)
    ("(x - 1234567.5)^2", 0, 0.25, 1, "", "617283.7500"),  # the default tolerance, dp:4
    ("(x - 1234567.5)^2", 0, 0.25, 1, "1e-9", "617283.75"),
    ("(x - 12345.678912)^2", 0, 0.25, 1, "dp:5", "6172.83946"),  # not 6172.84
])
def test_a_descents_answer_is_shown_so_that_it_grades_as_correct(tmp_path, capsys, f, start, rate, k, tolerance,
                                                                  shown):
    exercise = "id: gd\n    " + DESCENT.format(f=f, start=start, rate=rate, k=k)
    path = pack_file(tmp_path, exercise + (f"\n    tolerance: {tolerance}" if tolerance else ""))
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: valid (1 exercise; each one's answer grades as correct)\n"
    assert main(["pack", "show", str(path), "--answers"]) == 0
    assert f"   answer: {shown}\n" in capsys.readouterr().out
    assert main(["check", "--exercise", f"{path}:gd", "--", shown]) == 0


def test_the_tolerance_validation_asks_for_makes_the_exercise_valid(tmp_path, capsys):
    # the minimiser, 1234567.4467…, has no exact form (a quintic's root): the suggested dp:4 is enough
    exercise = "id: mn\n    kind: minimize\n    function: (x - 1234567)^2 + (x - 1234567)^6 - x"
    path = pack_file(tmp_path, exercise)
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out.endswith("its answer, 1.23457e6…, has no exact form a student can type: give the "
                                            "exercise a tolerance, like 'tolerance: dp:4', so that decimals are "
                                            "graded\n")
    path = pack_file(tmp_path, exercise + "\n    tolerance: dp:4")
    assert main(["pack", "validate", str(path)]) == 0
    assert main(["pack", "show", str(path), "--answers"]) == 0
    assert "   answer: 1234567.4467\n" in capsys.readouterr().out
    assert main(["check", "--exercise", f"{path}:mn", "--", "1234567.4467"]) == 0


@pytest.mark.parametrize("value, digits, places, shown", [
    (1048576.0, 6, None, "1048576"), (-524288.0, 6, None, "-524288"), (1e20, 6, None, "1e20"),
    (12345.678912, 6, None, "12345.7"), (12345.678912, 6, 4, "12345.6789"), (0.5, 6, 4, "0.5"),
    (0.000012345, 6, 4, "1.2345e-5"), (617283.75, 10, None, "617283.75"),
])
def test_show_decimal_writes_a_whole_number_in_full_and_the_places_asked(value, digits, places, shown):
    assert show_decimal(value, digits, places) == shown
