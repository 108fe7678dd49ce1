"""A chain of working, as the lesson writes a result (∇f = [2·2 ; 2·3] = [4 ; 6], E(…) = 25/6 ≈ 4.167): every
link read, the last one graded as if typed alone, a link not equal to the next marked wrong with a sentence
that says which; and a function's named arguments in any order (E(b = 7/3, m = 1/2))."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.check import Judgement
from tutor.cli import main
from tutor.compare import Note
from tutor.feedback import respond

LESSON = packs.load("gradients")


def checked(capsys: pytest.CaptureFixture[str], exercise: str, typed: str) -> tuple[int, str]:
    code = main(["check", "--exercise", f"gradients:{exercise}", "--", typed])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("exercise, typed, out", [
    ("gradient-x2y2-at-2-3", "∇f = (2·2, 2·3) = (4, 6)", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("gradient-x2y2-at-2-3", "(2·2, 2·3) = (4, 6)", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("gradient-x2y2-at-2-3", "∇f(2, 3) = [2·2, 2·3] = [4, 6]", "correct\nCorrect.\nread as: (4, 6)\n"),
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 ≈ 4.167", "correct\nCorrect (to 3 decimal places).\nread as: 4.167\n"),
    ("power-lines-cost", "E(b = 7/3, m = 1/2) ≈ 4.167", "correct\nCorrect (to 3 decimal places).\nread as: 4.167\n"),
    ("power-lines-cost", "E(b=7/3, m=1/2) = 25/6", "correct\nCorrect.\nread as: 25/6\n"),
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 ≈ 4.1667 ≈ 4.167", "correct\nCorrect (to 3 decimal places).\n"
                                                                   "read as: 4.167\n"),
    ("sauna-wall-temperature", "T(y, x = 0) = 85", "correct\nCorrect.\nread as: 85\n"),
    # finding 655: a cut decimal stands for the numbers its digits begin, 25/6 among those of 4.1666…
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 = 4.1666… ≈ 4.167", "correct\nCorrect (to 3 decimal places).\n"
                                                                   "read as: 4.167\n"),
    ("power-lines-cost", "25/6 = 4.1666...", "correct\nCorrect (to 3 decimal places).\nread as: 4.1666…\n"),
    ("power-lines-cost", "4.1666… = 25/6", "correct\nCorrect.\nread as: 25/6\n"),    # finding 664: 4 is among the numbers 3.999… stands for (4 = 3.999…)
    ("gradient-x2y2-at-2-3", "(2·2, 2·3) = (3.999…, 6) = (4, 6)", "correct\nCorrect.\nread as: (4, 6)\n"),
])
def test_a_chain_of_working_ending_in_the_right_value_is_right(capsys, exercise, typed, out):
    assert checked(capsys, exercise, typed) == (0, out)


@pytest.mark.parametrize("exercise, typed, message, reading", [
    # the last value right, a link before it wrong: wrong working is marked wrong, as a teacher does
    ("gradient-x2y2-at-2-3", "∇f = (2·2, 2·3) = (4, 7) = (4, 6)", "(2·2, 2·3) is (4, 6), not (4, 7).", "(4, 6)"),
    ("gradient-x2y2-at-2-3", "(2·2, 2·3) = (4, 7)", "(2·2, 2·3) is (4, 6), not (4, 7).", "(4, 7)"),
    ("power-lines-cost", "E(1/2, 7/3) = 5 ≈ 4.167", "5 is not about 4.167.", "4.167"),
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 ≈ 4.16", "25/6 is about 4.167, not 4.16.", "4.16"),
    # a decimal rounded as typed was 'about' itself, and more places were 'rounded' from fewer (outside check h31, F2)
    ("power-lines-cost", "4.1664 ≈ 4.167", "4.1664 is about 4.166, not 4.167.", "4.167"),
    ("power-lines-cost", "25/6 ≈ 4.17 ≈ 4.167", "4.17 can't be rounded to 4.167: rounding takes decimal places "
                                                "away, never adds them.", "4.167"),
    ("power-lines-cost", "4.166 ≈ 4.167", "4.166 is not about 4.167.", "4.167"),
    # and a vector's, each component to the places the next link shows for it (outside check h33, N3)
    ("descent-heat-step-1", "(0.5057, 0.6047) ≈ (0.5057, 0.60468)", "(0.5057, 0.6047) can't be rounded to (0.5057, "
                                                                    "0.60468): rounding takes decimal places away, "
                                                                    "never adds them.", "(0.5057, 0.60468)"),
    ("descent-heat-step-1", "(0.5056, 0.6047) ≈ (0.5057, 0.6047)", "(0.5056, 0.6047) is not about (0.5057, 0.6047).",
     "(0.5057, 0.6047)"),
    ("descent-heat-step-1", "(0.50564, 0.6047) ≈ (0.5057, 0.6047)", "(0.50564, 0.6047) is about (0.5056, 0.6047), not "
                                                                    "(0.5057, 0.6047).", "(0.5057, 0.6047)"),
    # a wrong value rounded to the right one: its link holds, but it is not right itself (outside check h21, F1)
    ("gradient-x2y2-at-2-3", "∇f = (3.6, 5.6) ≈ (4, 6)", "(3.6, 5.6) in your working is not right, whatever it "
                                                         "rounds to.", "(4, 6)"),
    ("gradient-x2y2-at-2-3", "(2·2.2, 2·3) ≈ (4, 6)", "(2·2.2, 2·3) in your working is not right, whatever it "
                                                      "rounds to.", "(4, 6)"),
    ("power-lines-cost", "E(1/2, 7/3) = 4.1674 ≈ 4.167", "4.1674 in your working is not right, whatever it rounds to.",
     "4.167"),
    # '=' is equal: a rounded value after it is told to take '≈'
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 = 4.167", "25/6 is not 4.167. For a rounded value write ≈: "
                                                         "25/6 ≈ 4.167.", "4.167"),
    # a cut decimal 25/6 does not begin: its own digits said, cut as far, and no '≈' advised (it is no rounding)
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 = 4.1667…", "25/6 is 4.1666…, not 4.1667….", "4.1667…"),
    ("power-lines-cost", "25/6 = 4.17… ≈ 4.167", "25/6 is 4.16…, not 4.17….", "4.167"),
    # finding 665: a cut decimal's value is only the middle of the numbers it stands for: never said
    ("power-lines-cost", "25/6 = 4.1666… = 4.167", "4.1666… is not 4.167. For a rounded value write ≈: "
                                                     "4.1666… ≈ 4.167.", "4.167"),
    ("gradient-x2y2-at-2-3", "(3.999…, 6) = (4.1, 6)", "(3.999…, 6) is not (4.1, 6).", "(4.1, 6)"),
    # each link right, the last value wrong: the usual feedback on that value (finding 664: 4 = 3.999…)
    ("gradient-x2y2-at-2-3", "(2·2, 2·3) = (3.999…, 6)", "Your ∂f/∂x 3.999… is close: the exact value is wanted; "
                                                          "write it as a fraction.", "(3.999…, 6)"),
    ("gradient-x2y2-at-2-3", "∇f = (2·2, 2·4) = (4, 8)", "Your ∂f/∂y 8 is not right.", "(4, 8)"),
    ("power-lines-cost", "E(1/2, 7/3) = 25/6 ≈ 4.2", "Your answer 4.2 is right to 1 decimal place; give it to 3 "
                                                      "decimal places.", "4.2"),
])
def test_wrong_working_or_a_wrong_value_is_incorrect_with_a_sentence(capsys, exercise, typed, message, reading):
    assert checked(capsys, exercise, typed) == (1, f"incorrect\n{message}\nread as: {reading}\n")


def test_a_chain_after_a_point_s_name_is_told_to_drop_the_name(capsys):
    """Outside check h33, N6: '(x, y) = (0.8·0.8, 0.2·0.2) = (0.64, 0.04)' was told only "Only one '=' is allowed";
    the working is quoted as typed, with its ·, not as read (h37, M2)."""
    assert checked(capsys, "gradient-x2y2-at-2-3", "(x, y) = (2·2, 2·3) = (4, 6)") == (
        3, "invalid\n(x, y) = (2·2, 2·3) = (4, 6)\n^\nWrite just (2·2, 2·3) = (4, 6), without '(x, y) ='.\n")


def test_a_vector_s_components_are_each_rounded_to_the_places_shown_for_it(capsys):
    """Outside check h33, N3: 0.604675 ≈ 0.605 was held to the 4 places of 0.5057 beside it."""
    # the link holds, and the value it ends in is judged alone: 0.506 has too few places
    assert checked(capsys, "descent-heat-step-1", "(0.50567, 0.604675) ≈ (0.506, 0.6047)") == (
        1, "incorrect\nYour x₁ 0.506 is right to 3 decimal places; give it to 4 decimal places.\n"
           "read as: (0.506, 0.6047)\n")


def test_a_wrong_link_keeps_its_sentence_through_the_diagnosis():
    verdict = respond(LESSON.exercise("gradient-x2y2-at-2-3").variant(None), "(2·2, 2·3) = (4, 7)", isolated=False)
    assert (verdict.verdict, verdict.note, verdict.message) == (
        Judgement.INCORRECT, Note.WRONG_WORKING, "(2·2, 2·3) is (4, 6), not (4, 7).")


@pytest.mark.parametrize("typed", ["[4 ; 6]", "∇f = [2·2 ; 2·3] = [4 ; 6]", "[4; 6]", "[2·2 ; (6)]"])
def test_the_lessons_column_vector_is_read_with_its_rows_as_components(capsys, typed):
    # outside check h20, F4: the lesson writes ∇f = [4 ; 6], and it was "Use a comma to separate items."
    assert checked(capsys, "gradient-x2y2-at-2-3", typed) == (0, "correct\nCorrect.\nread as: (4, 6)\n")


@pytest.mark.parametrize("exercise, typed, caret, message", [
    ("power-lines-cost", "E(m = 1/2, m = 7/3) ≈ 4.167", 11,
     "m is given twice: write each of E's variables once, like E(m = 1/2, b = 7/3)."),
    ("power-lines-cost", "E(m = 1/2, c = 7/3) ≈ 4.167", 11, "c is not a variable of E: write E(m = 1/2, b = 7/3)."),
    # another point, its names in any order, is still another point
    ("power-lines-cost", "E(b = 2, m = 1) = 3", 0, "Write just 3, without 'E(b = 2, m = 1) ='."),
    # working of numbers with a slip in a link is told the slip, not to drop the working
    ("gradient-x2y2-at-2-3", "∇f = (2·2 ; 2·3) = (4, 6)", 10, "Use a comma to separate items."),
    # a chain in variables is read as before
    ("partial-x-3x2y3", "f_x = 3·2x y^3 = 6xy^3", 15, "Write only the expression, without '='."),
])
def test_names_or_links_that_dont_fit_say_what_to_write(capsys, exercise, typed, caret, message):
    assert checked(capsys, exercise, typed) == (3, f"invalid\n{typed}\n{' ' * caret}^\n{message}\n")


def test_a_chain_past_the_length_limit_is_refused_with_a_sentence(capsys):
    code, out = checked(capsys, "power-lines-cost", "=" * 10_000)
    assert (code, out.splitlines()[-1]) == (3, "The answer is too long (the limit is 1000 characters).")


def test_a_long_chain_says_where_it_goes_wrong_in_a_short_sentence(capsys):
    typed = "(2^999,1)=" * 90 + "(4, 6)"
    assert checked(capsys, "gradient-x2y2-at-2-3", typed) == (
        1, "incorrect\nStep 90 of your working is not equal to the step after it.\nread as: (4, 6)\n")


_LINK = st.text(alphabet="0123456789.,/·^√()[]-+≈~ ", max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(links=st.lists(_LINK, min_size=1, max_size=40), signs=st.lists(st.sampled_from("=≈"), min_size=40,
                                                                       max_size=40),
       exercise=st.sampled_from(["gradient-x2y2-at-2-3", "power-lines-cost"]))
def test_any_chain_of_links_gets_a_verdict_within_the_limits(links, signs, exercise):
    name = {"gradient-x2y2-at-2-3": "∇f = ", "power-lines-cost": "E(b = 7/3, m = 1/2) = "}[exercise]
    typed = name + "".join(f"{link} {sign} " for link, sign in zip(links[:-1], signs)) + links[-1]
    verdict = respond(LESSON.exercise(exercise).variant(None), typed, isolated=False)
    assert verdict.verdict in (Judgement.CORRECT, Judgement.INCORRECT, Judgement.INVALID)
    assert verdict.note not in (Note.TIMEOUT, Note.CRASHED, Note.TOO_LARGE) or "too large" in verdict.message.lower()


def test_a_chain_gets_the_point_when_graded(tmp_path):
    answers = [("ana", "gradient-x2y2-at-2-3", "∇f = (2·2, 2·3) = (4, 6)"),
               ("ben", "power-lines-cost", "E(b = 7/3, m = 1/2) = 25/6 ≈ 4.167"),
               ("cy", "gradient-x2y2-at-2-3", "(2·2, 2·3) = (4, 7) = (4, 6)")]
    submitted = tmp_path / "answers.csv"
    with submitted.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([("student", "exercise", "answer"), *answers])
    assert main(["grade", "gradients", str(submitted), "--out", str(tmp_path / "out")]) == 0
    with Path(tmp_path / "out" / "answers.csv").open(encoding="utf-8", newline="") as stream:
        graded = {(r["student"], r["exercise"]): (r["verdict"], r["score"]) for r in csv.DictReader(stream)
                  if r["verdict"] != "unanswered"}
    assert graded == {("ana", "gradient-x2y2-at-2-3"): ("correct", "1"), ("ben", "power-lines-cost"): ("correct", "1"),
                      ("cy", "gradient-x2y2-at-2-3"): ("incorrect", "0")}
