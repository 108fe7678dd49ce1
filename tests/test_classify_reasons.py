"""A kind of point given with the test's figures as its reason: `inconclusive (D = 0)`.

Both diagnosis corpora written blind label `Inconclusive (D = 0)` for x⁴ + 5y⁴ at the origin a right answer; it
was refused as no label. The label is graded as ever, and each figure named is compared with the point's own.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pack_files import pack_file

from tutor import packs
from tutor.feedback import respond


def _exercise(pack: str, exercise: str):  # noqa: ANN202
    return packs.load(pack).exercise(exercise).variant()


@pytest.mark.parametrize(("answer", "verdict", "message"), [
    # the corpora's own rows
    ("Inconclusive (D = 0)", "correct", "Correct."),
    ("inconclusive (D = 0)", "correct", "Correct."),
    ("inconclusive, since D = 0 and f_xx = 0", "correct", "Correct."),
    ("inconclusive (D(0, 0) = 0)", "correct", "Correct."),
    ("inconclusive (D = 0.0)", "correct", "Correct."),
    ("inconclusive (D = 3)", "incorrect",
     "Your reason does not hold: D = 0 here, so D = 3 is not true. The kind of point is right, but not the reason "
     "given for it."),
    ("saddle since D<0", "incorrect", "Your reason does not hold: D = 0 here, so D < 0 is not true. It is not a "
                                      "saddle point."),
])
def test_a_reason_is_judged_with_the_label(answer: str, verdict: str, message: str) -> None:
    checked = respond(_exercise("drills", "cl-flat"), answer, isolated=False)
    assert (checked.verdict, checked.message) == (verdict, message)
    assert checked.note == ("wrong_working" if "reason" in message else "equal")


@pytest.mark.parametrize(("answer", "verdict", "message"), [
    ("minimum (D > 0 and T_xx > 0)", "correct", "Correct."),
    ("minimum (D>0, f_xx>0)", "correct", "Correct."),  # f's name for the second partial, whatever f is called
    ("minimum: D = 18.2, T_xx = 4.27", "correct", "Correct."),  # 4096/225 and 64/15, to the places shown
    # ≈ as =, and after a ';' (outside check h65, F13: "not one of the labels")
    ("local minimum; D ≈ 18.2", "correct", "Correct."),
    ("minimum, D ≈ 18.2 > 0", "correct", "Correct."),
    # a whole number said ≈ is the value to 0 places, and the message keeps the ≈ (outside check h66, F8)
    ("minimum; D ≈ 18", "correct", "Correct."),
    ("minimum (f_xx ≈ 4 > 0)", "correct", "Correct."),
    ("minimum; D ≈ 19", "incorrect", "Your reason does not hold: D = 4096/225 here, so D ≈ 19 is not true. The kind "
                                     "of point is right, but not the reason given for it."),
    ("minimum; D = 18", "incorrect", "Your reason does not hold: D = 4096/225 here, so D = 18 is not true. The kind "
                                     "of point is right, but not the reason given for it."),
    ("minimum: D = 18.3", "incorrect", "Your reason does not hold: D = 4096/225 here, so D = 18.3 is not true. The "
                                       "kind of point is right, but not the reason given for it."),
    ("minimum (D(4,4) > 0 and f_xx < 0)", "incorrect", "Your reason does not hold: f_xx = 64/15 here, so f_xx < 0 is "
                                                        "not true. The kind of point is right, but not the reason "
                                                        "given for it."),
])
def test_the_sauna(answer: str, verdict: str, message: str) -> None:
    checked = respond(_exercise("gradients", "sauna-classify-4-4"), answer, isolated=False)
    assert (checked.verdict, checked.message, checked.reading) == (verdict, message, "minimum")


@pytest.mark.parametrize("answer", ["saddle: D(0, 0) = -8 < 0", "saddle (D ≤ 0, f_{xy} = 0, f_yy = -2)",
                                    "a saddle point, as D ≠ 0 and fxx ≥ 4"])
def test_the_saddle(answer: str) -> None:
    assert respond(_exercise("drills", "cl-saddle"), answer, isolated=False).message == "Correct."


@pytest.mark.parametrize(("answer", "message", "column"), [
    ("inconclusive (Q = 0)", "The reason 'Q = 0' could not be read: give the kind of point alone, or with the test's "
                             "figures, like (D = 0).", 14),
    ("inconclusive (D(1, 0) = 0)", "The reason 'D(1, 0) = 0' is about another point than the one asked.", 14),
    ("minimum (D = 1.5/2)", "The reason 'D = 1.5/2' could not be read: give the kind of point alone, or with the "
                            "test's figures, like (D = 0).", 9),
    ("inconclusive, D = 0 and Q > 1", "The reason 'Q > 1' could not be read: give the kind of point alone, or with "
                                      "the test's figures, like (D = 0).", 24),
])
def test_a_reason_not_read_is_said_where(answer: str, message: str, column: int) -> None:
    checked = respond(_exercise("drills", "cl-flat"), answer, isolated=False)
    assert (checked.verdict, checked.message, checked.column) == ("invalid", message, column)


@pytest.mark.parametrize("answer", ["minimum (local)", "min, max", "a" + " " * 100_000 + "(D = 0)"])
def test_words_after_a_label_are_no_reason(answer: str) -> None:
    """Without a figure compared with a number, the text is read as before: no label."""
    checked = respond(_exercise("drills", "cl-flat"), answer, isolated=False)
    assert checked.verdict == "invalid" and "reason" not in checked.message


def test_one_variable_names_f_double_prime(tmp_path) -> None:  # noqa: ANN001
    pack_file(tmp_path, '{id: c, kind: classify_point, function: "x^3 - 3x", at: [1]}')
    item = packs.load(tmp_path / "p.yaml").exercise("c").variant()
    assert respond(item, "minimum (f''(1) = 6 > 0)", isolated=False).message == "Correct."
    wrong = respond(item, "minimum since f″ < 0", isolated=False)
    assert (wrong.verdict, wrong.message) == (
        "incorrect", "Your reason does not hold: f″ = 6 here, so f″ < 0 is not true. The kind of point is right, "
                     "but not the reason given for it.")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="inconclusive minimum saddle D f_xx()=<>≤≥≠!,;:.0123456789-/ and since", max_size=40))
def test_any_text_gets_a_verdict(text: str) -> None:
    """Whatever follows a label, a verdict (never an exception), and a column for what could not be read."""
    checked = respond(_exercise("drills", "cl-flat"), text, isolated=False)
    assert checked.verdict in ("correct", "incorrect", "invalid")
    if "reason" in checked.message and checked.verdict == "invalid":
        assert 0 <= checked.column < len(text)
