"""Under a tolerance each number is judged by what was typed in it (finding 555): a fraction in a vector's
component, a point's coordinate, a line's coefficient or an equation's solution stays exact whatever is typed
beside it; a whole number or a decimal beside it does not loosen it. And an equation with one solution too many,
each near the right one, is told so, not that its right solution is wrong (finding 556)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.check import check
from tutor.cli import main


@pytest.mark.parametrize("answer, expected, tolerance, said", [
    # a fraction beside a whole number, a decimal or a fraction: exact, in every shape
    ("(1001/3, 1)", "(1000/3, 1)", "dp:0", "incorrect\nYour first component 1001/3 is not right."),
    ("(1, 1001/3)", "(1, 1000/3)", "dp:0", "incorrect\nYour second component 1001/3 is not right."),
    ("(1001/3, 0)", "(1000/3, 0)", "dp:0", "incorrect\nYour first component 1001/3 is not right."),
    ("(1001/3, 2/3)", "(1000/3, 2/3)", "dp:0", "incorrect\nYour first component 1001/3 is not right."),
    ("(1, 1/3 + 10^-5)", "(1, 1/3)", "dp:4", "incorrect\nYour second component 100003/300000 is not right."),
    ("(25/6 + 1/10^5, 1)", "(25/6, 1)", "dp:3", "incorrect\nYour first component 1250003/300000 is not right."),
    ("{(1001/3, 1)}", "{(1000/3, 1)}", "dp:0",
     "incorrect\n(1001/3, 1) does not belong in the answer. 1 point is missing."),
    ("y = (1001/3)x + 1", "y = 1000/3 x + 1", "dp:0", "incorrect\nThe 1001/3 in your y is not right."),
    ("(x - 1001/3)(x - 1) = 0", "(x - 1000/3)(x - 1) = 0", "dp:0",
     "incorrect\nYour equation holds at x = 1001/3, but the correct one does not."),
    # decimals worked into one number are the exact number they make: the value itself is to be typed, as the
    # message says (it said "an exact value is expected", beside 2.8284 typed being right: outside check h11, F11)
    ("1001/3 + 0.0", "1000/3", "dp:0", "incorrect\nYour answer 1001/3 is right to 0 decimal places, but it is "
                                       "worked out from decimals, and such arithmetic is read as the exact number it "
                                       "makes: type the value itself."),
    ("2*1.4142", "2 sqrt(2)", "dp:3", "incorrect\nYour answer 2.8284 is right to 3 decimal places, but it is worked "
                                      "out from decimals, and such arithmetic is read as the exact number it makes: "
                                      "type the value itself."),
    ("2*1.4", "2 sqrt(2)", "dp:3", "incorrect\nYour answer 2.8 is not right."),  # not 14/5, which nobody typed
    # so are decimals worked into a function or beside an exact number: each was right to 4 places (outside
    # check h62, F1), where 2*0.28357 was refused
    ("W(1.0001)", "W(1)", "dp:4", "incorrect\nYour answer W(1.0001) ≈ 0.567179 is right to 4 decimal places, but it "
                                  "is worked out from decimals, and such arithmetic is read as the exact number it "
                                  "makes: type the value itself."),
    ("e^(-0.5671)", "W(1)", "dp:4", "incorrect\nYour answer e^(-0.5671) ≈ 0.567168 is right to 4 decimal places, but "
                                    "it is worked out from decimals, and such arithmetic is read as the exact number "
                                    "it makes: type the value itself."),
    ("W(1) + 0.00004", "W(1)", "dp:4", "incorrect\nYour answer W(1) + 0.00004 ≈ 0.567183 is right to 4 decimal "
                                       "places, but it is worked out from decimals, and such arithmetic is read as "
                                       "the exact number it makes: type the value itself."),
    # a component so is told why as the whole answer is (outside check h64, F7: "is not right" alone)
    ("(sqrt(2) + 0.00001, 1)", "(sqrt(2), 1)", "dp:4", "incorrect\nYour first component √2 + 0.00001 ≈ 1.41422 is "
                                                       "right to 4 decimal places, but it is worked out, and such a "
                                                       "number is read as the exact number it is: type the value "
                                                       "itself."),
    # nor by a whole number typed beside an exact one
    ("1 - W(0.66733)", "W(1)", "dp:4", "incorrect\nYour answer 1 - W(0.66733) ≈ 0.567137 is right to 4 decimal "
                                       "places, but it is worked out from decimals, and such arithmetic is read as "
                                       "the exact number it makes: type the value itself."),
    ("(3 - sqrt(2.0001), 1)", "(3 - sqrt(2), 1)", "dp:4", "incorrect\nYour first component 3 - 0.01√20001 ≈ "
                                                          "1.58575 is right to 4 decimal places, but it is worked "
                                                          "out, and such a number is read as the exact number it is: "
                                                          "type the value itself."),
    ("0.5671", "W(1)", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    ("(1.4142, -0.5671)", "(sqrt(2), -W(1))", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    # a coefficient worked out from decimals typed is a decimal too, judged to the tolerance (it was exact, "not
    # right": outside check h13, F4); in decimals, not a fraction nobody typed (h11, F11)
    ("2x + 4e-5 x", "2x", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    ("2x + 6e-5 x", "2x", "dp:4", "incorrect\nThe 2.00006 in your answer is not right to 4 decimal places."),
    ("z - 4x - 8y + 20 = 0.00004", "z = 4x + 8y - 20", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    ("z = 4x + 8y - 20 + 0.00004", "z = 4x + 8y - 20", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    # the tangent line in the lesson's form, its numbers rounded: y = 1.6487x + 0.82435, whose 0.82435 nobody typed
    ("y - 1.6487 = 1.6487(x - 0.5)", "y = e^(1/2) x + e^(1/2)/2", "dp:4", "correct\nCorrect (to 4 decimal places)."),
    ("y - 1.6487 = 1.6487(x - 0.6)", "y = e^(1/2) x + e^(1/2)/2", "dp:4",
     "incorrect\nWritten for y, your equation is y = 1.6487x + 0.65948. The 0.65948 in your y is not right to 4 decimal "
     "places."),
    # a term left out where the right one's is 0 to the places asked, as a vector's 0.00 is (outside check h15, F4)
    ("y = 0.06x", "y = 0.0612x + 0.0031", "dp:2", "correct\nCorrect (to 2 decimal places)."),
    ("y = 0.06x + 0.00", "y = 0.0612x + 0.0031", "dp:2", "correct\nCorrect (to 2 decimal places)."),
    ("y = 0.06x", "y = 0.0612x + 0.0061", "dp:2", "incorrect\nAt x = 1 your y is 0.06, but the correct y is 0.0673."),
    # a coefficient right but for its sign is told so, as a number is (outside check h15, F13)
    ("y = 1.6487x - 0.8244", "y = e^(1/2) x + e^(1/2)/2", "dp:4",
     "incorrect\nThe -0.8244 in your y has the wrong sign: its size is right to 4 decimal places."),
    ("z = 4.0x - 8.0y - 20", "z = 4x + 8y - 20", "dp:1",
     "incorrect\nThe -8.0 in your z has the wrong sign: its size is right to 1 decimal place."),
    # a fraction typed stays exact beside decimals, in lowest terms or not, and a division by a whole number too
    # (outside check h15, F2: 8/10 was judged to the tolerance as a worked-out decimal)
    ("y = (1001/3)x + 0.5", "y = 1000/3 x + 1/2", "dp:0", "incorrect\nThe 1001/3 in your y is not right."),
    ("y = 0.3x + 8/10", "y = x/3 + 1/3", "dp:0", "incorrect\nThe 4/5 in your y is not right."),
    # judged as the formula for y the question asks for (outside check h66): y = 20x - 0.002
    ("x = y/20 + 0.0001", "y = e^3 x", "dp:3", "incorrect\nWritten for y, your equation is y = 20x - 0.002. The -0.002 "
     "in your y is not right to 3 decimal places. The 20 is right to the nearest whole number; give it to 3 decimal "
     "places."),
    ("2.8284", "2 sqrt(2)", "dp:3", "correct\nCorrect (to 3 decimal places)."),
    # where a decimal or a whole number was typed in the number itself, the tolerance applies
    ("(333, 1)", "(1000/3, 1)", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("(333.3, 1/3)", "(1000/3, 1/3)", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("{(333, 1)}", "{(1000/3, 1)}", "dp:0", "correct\nCorrect (to 0 decimal places)."),  # as the vector: h15, F10
    ("(1.4142, 1)", "{(sqrt(2), 1)}", "dp:4", "correct\nCorrect (to 4 decimal places)."),  # note within_tolerance
    ("y = 333x + 1", "y = 1000/3 x + 1", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("3y = 1001x + 3", "y = 1000/3 x + 1", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("2x = 0.7358z", "z = e x", "dp:3", "correct\nCorrect (to 3 decimal places)."),
    ("0.5x = 0.3466", "e^x = 2", "dp:3", "correct\nCorrect (to 3 decimal places)."),
    # 556: two solutions, each ln 2 to 3 places, for the one of eˣ = 2: neither is the mistake
    ("(x - 0.693)(x - 0.6931) = 0", "e^x = 2", "dp:3",
     "incorrect\nYour equation has 2 solutions, but the correct one has 1."),
    ("(x - 0.693)(x - 5) = 0", "e^x = 2", "dp:3",
     "incorrect\nYour equation holds at x = 5, but the correct one does not."),
])
def test_each_number_is_judged_by_what_was_typed_in_it(capsys, answer, expected, tolerance, said):
    assert main(["check", answer, "--expected", expected, "--tol", tolerance]) == (0 if "\nCorrect" in said else 1)
    assert "\n".join(capsys.readouterr().out.splitlines()[:2]) == said


def test_a_decimal_beside_it_does_not_loosen_a_fraction_in_a_pack(capsys):
    """drills:cost-mean-step wants the exact (23/15, 17/30), within a relative error of 0.0001."""
    args = ["--exercise", "drills:cost-mean-step", "--seed", "1"]
    assert main(["check", "(1.5333, 17/30 + 10^-5)", *args]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["incorrect", "Your b 170003/300000 is not right."]
    assert main(["check", "(1.5333, 0.5667)", *args]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["correct", "Correct (within a relative error of 0.0001)."]


_BESIDE = st.sampled_from(["1", "0", "7", "2/3", "0.5", "1.5333", "333.3", "-2"])


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(numerator=st.integers(-2000, 2000), denominator=st.sampled_from([3, 6, 7, 11, 30]),
       exponent=st.integers(3, 8), beside=_BESIDE, first=st.booleans(), places=st.integers(0, 4))
def test_a_fraction_off_by_a_little_stays_refused_whatever_is_beside_it(numerator, denominator, exponent, beside,
                                                                        first, places):
    right = Fraction(numerator, denominator)
    off = f"{numerator}/{denominator} + 1/10^{exponent}"
    mine, theirs = (f"({off}, {beside})", f"({right}, {beside})") if first else \
        (f"({beside}, {off})", f"({beside}, {right})")
    for shape in (f"{{{mine}}}", mine):  # a point of a set, and a vector
        expected = f"{{{theirs}}}" if shape.startswith("{") else theirs
        verdict = check(shape, expected, tolerance=f"dp:{places}", isolated=False)
        assert not verdict.correct, (shape, expected, places)


@pytest.mark.parametrize("answer, expected, said", [
    # 553: digits enough to tell the answer from the right value, never the right value itself
    ("1 + 10^-12", "1", "Your answer 1.000000000001 is not right."),
    ("1 - 10^-30", "1", "Your answer is 1e-30 less than the correct value, 1."),
    ("(1 + 10^-12, 1)", "(1, 1)", "Your first component 1.000000000001 is not right."),
    ("19/10", "1", "Your answer 19/10 is not right."),
    # 551: the point named is one where the two differ, and the values are not rounded alike
    ("x + max(0, x - 10^12)", "x",
     "At x = 1000000000000.1428571 your answer is 1000000000000.3, but the correct value is 1000000000000.1."),
    ("x + max(0, x - 1234567.1)", "x",
     "At x = 86419707/70 your answer is 1234567.4, but the correct value is 86419707/70."),
    ("x^2", "x^3", "At x = 2 your answer is 4, but the correct value is 8."),
])
def test_a_wrong_value_is_shown_with_the_digits_that_tell_it_apart(capsys, answer, expected, said):
    assert main(["check", answer, "--expected", expected]) == 1
    assert capsys.readouterr().out.splitlines()[1] == said


def test_an_exact_value_that_would_round_to_a_right_one_is_shown_as_its_fraction(capsys):
    """570809/30000000 is 0.0190270 to 6 digits, which is the right m, 0.0190266…, to 6 places."""
    assert main(["check", "--exercise", "gradients:tv-descent-step", "--",
                 "(570797/30000000 + 4/10^7, 209/1500000)"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "Your m 570809/30000000 is not right."
    assert main(["check", "25/6 + 1/10^5", "--expected", "25/6", "--tol", "dp:3"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "Your answer 1250003/300000 is not right."


@pytest.mark.parametrize("answer, exercise, code, said", [
    # 557: two numbers typed different are two places, however close: never full credit, nor read as one
    ("-1.3008, -1.30079, 1.1309, 1.13091", "gradients:local-minima-1d", 1,
     "f has 2 local minima, but your answer gives 4."),
    ("-1.3008, 1.1309, 1.1309", "gradients:local-minima-1d", 0, "Correct (to 4 decimal places)."),
    ("1.1309, 1.13094", "gradients:local-minima-1d-end", 3,
     "One number is asked for here: where gradient descent from 1 ends."),
    ("1.1309, 1.1309", "gradients:local-minima-1d-end", 0, "Correct (to 4 decimal places)."),
])
def test_numbers_typed_different_are_different_places(capsys, answer, exercise, code, said):
    assert main(["check", answer, "--exercise", exercise]) == code
    assert said in capsys.readouterr().out.splitlines()


def test_two_points_within_the_tolerance_of_one_are_told_to_give_it_once(capsys):
    assert main(["check", "{(1.4142, 1), (1.41421, 1), (-1.4142, 1)}", "--expected",
                 "{(sqrt(2), 1), (-sqrt(2), 1)}", "--tol", "dp:4"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == \
        "(1.4142, 1) and (1.41421, 1) are one point to 4 decimal places: give it once."
