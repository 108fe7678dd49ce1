"""Pieces that switch on a curve (a round bump in two variables) or at one irrational point (sign(x − √2),
0^u): the search looks where they switch, or says `undecided`; never `correct` (findings 550 and 560)."""

from __future__ import annotations

import json
import random

import pytest
from adversarial import VARIABLES, right_answer, text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import check
from tutor.cli import main

UNDECIDED = ("Your answer could not be checked with certainty, so it is not marked correct; it is flagged for your "
             "teacher to look at.")


@pytest.mark.parametrize("args, said", [
    # finding 550: a round bump is positive inside its disc only; its centre is where its argument is largest
    (["--expected", "x^2+y^2", "--", "x^2 + y^2 + max(0, 1/100 - (x-2)^2 - (y-3)^2)"],
     "incorrect\nAt x = 2, y = 3 your answer is 13.01, but the correct value is 13."),
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 4x + 8y - 20 + max(0, 1/100 - (x-2)^2 - (y-4)^2)"],
     "incorrect\nAt x = 2, y = 4 your z is 2001/100, but the correct z is 20."),
    (["--exercise", "gradients:partial-x-3x2y3", "--", "6xy^3 + max(0, 1/100 - (x-2)^2 - (y-3)^2)"],
     "incorrect\nAt x = 2, y = 3 your answer is 32401/100, but the correct value is 324."),
    (["--expected", "x+y", "--", "x + y + max(0, 1 - 10^6 (x-y)^2 - 10^6 (x+y-1/7)^2)"],
     "incorrect\nAt x = 1/14, y = 1/14 your answer is 8/7, but the correct value is 1/7."),
    (["--expected", "x+y", "--", "x + y + min(0, (x-1/3)^2 + (y-1/5)^2 - 1/100)"],
     "incorrect\nAt x = 1/3, y = 1/5 your answer is 157/300, but the correct value is 8/15."),
    (["--expected", "x+y", "--", "x + y + max(0, 10^6 - (x-10^5)^2 - (y-10^5)^2)"],
     "incorrect\nAt x = 100000, y = 100000 your answer is 1200000, but the correct value is 200000."),
    (["--expected", "x+y+z", "--", "x+y+z+max(0, 1/100-(x-1)^2-(y-2)^2-(z-3)^2)"],
     "incorrect\nAt x = 1, y = 2, z = 3 your answer is 6.01, but the correct value is 6."),
    # an irrational centre is placed only approximately: not correct, flagged
    (["--expected", "x+y", "--", "x + y + max(0, 1/100 - (x-sqrt(2))^2 - (y-sqrt(3))^2)"], f"incorrect\n{UNDECIDED}"),
    (["--expected", "x*y", "--", "x*y + max(0, 1/100 - (x*y - 2)^2 - (x - y)^2)"], f"incorrect\n{UNDECIDED}"),
    # a centre at x = √2 is sampled to 40 bits or so: a bump narrower than that may lie beside it
    (["--expected", "x+y", "--", "x + y + max(0, 10^-60 - (x^2-2)^2 - (y-1)^2)"], f"incorrect\n{UNDECIDED}"),
    # an equation whose curve leaves the right one's only on a small disc, where no search line meets it: made of
    # pieces, so no proof says it differs either (outside check h62, F2)
    (["--expected", "y = 2x", "--", "y = 2x - max(0, 1/100 - (x-1/3)^2 - (y-2/3)^2)"],
     "incorrect\nYour equation could not be checked with certainty, so it is not marked correct; it is flagged for "
     "your teacher to look at."),
    # a ring: its argument is largest on a whole circle, which no solver lists
    (["--expected", "x+y", "--", "x + y + max(0, 10^-8 - ((x-1/3)^2 + (y-1/5)^2 - 1/100)^2)"], f"incorrect\n{UNDECIDED}"),
    # finding 560: 0^u is 1 where u = 0 and 0 elsewhere; a jump at an irrational point is looked at there
    (["--expected", "x + y", "--", "x + y + 0^((x - 1/3)^2 + (y - 1/5)^2)"],
     "incorrect\nAt x = 1/3, y = 1/5 your answer is 23/15, but the correct value is 8/15."),
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 4x + 8y - 20 + 0^((x-2)^2 + (y-4)^2)"],
     "incorrect\nAt x = 2, y = 4 your z is 21, but the correct z is 20."),
    (["--exercise", "gradients:tangent-line-fix-y", "--", "2x + 0^((x - pi/10)^2)"],
     "incorrect\nYour answer is not equal to the correct one."),
    (["--exercise", "gradients:tangent-line-fix-y", "--", "2x + 1 - sign((x^2 - 2)^2)"],
     "incorrect\nYour answer is not equal to the correct one."),
    (["--exercise", "gradients:tangent-line-fix-y", "--", "2x + 1 - abs(sign(x - sqrt(2)))"],
     "incorrect\nYour answer is not equal to the correct one."),
    (["--expected", "x", "--", "x + 1 - sign(x - pi/10)^2"], "incorrect\nYour answer is not equal to the correct one."),
    (["--exercise", "gradients:hard-to-optimize-derivative", "--", "e^x - 1/x + 1 - sign((x - W(1))^2)"],
     "incorrect\nYour answer is not equal to the correct one."),
    (["--exercise", "gradients:hard-to-optimize-derivative", "--", "e^x - 1/x + 0^((e^x - 1/x)^2)"],
     f"incorrect\n{UNDECIDED}"),
    # an outside check: sympy's simplify takes 0^(1 − cos x) for 0, and the answer was proved equal to x
    (["--expected", "x", "--", "x + 0^(1 - cos(x))"], "incorrect\nAt x = 0 your answer is 1, but the correct value is 0."),
    (["--expected", "x", "--", "x + 0^(sin(x)^2)"], "incorrect\nAt x = 0 your answer is 1, but the correct value is 0."),
    (["--expected", "y = 2x", "--", "y = 2x + 0^(sin(x)^2)"], "incorrect\nAt x = 0 your y is 1, but the correct y is 0."),
    # 0^(sin²x) is 0 wherever sin x is not: the equation holds off the plane, at a point the search now meets
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "(z - 4x - 8y + 20) 0^(sin(x)^2) = 0"],
     "incorrect\nYour equation holds at x = 1, y = 2, z = 3, but the correct one does not."),
    (["--expected", "x", "--", "x + 1 - sign((x^5 - x - 1)^2)"], f"incorrect\n{UNDECIDED}"),
    (["--expected", "x + y", "--", "x + y + 1 - sign((x*y - 2)^2 + (x - y)^2)"], f"incorrect\n{UNDECIDED}"),
])
def test_a_bump_or_a_jump_the_samples_might_miss_is_never_correct(capsys, args, said):
    assert main(["check", *args]) == 1
    assert capsys.readouterr().out.startswith(said + "\n")


@pytest.mark.parametrize("answer, expected", [
    ("abs(x^2 + y^2 - 1)", "abs(1 - x^2 - y^2)"),
    ("max(x^2, y^2)", "(x^2 + y^2 + abs(x^2 - y^2))/2"),
    ("sign(x^2 - 2)", "sign(x - sqrt(2))*sign(x + sqrt(2))"),
    ("0^(x^2) + x", "1 - sign(x^2) + x"),
])
def test_right_answers_with_such_pieces_stay_correct(answer, expected):
    verdict = check(answer, expected)
    assert verdict.correct, verdict


def test_0_to_the_power_0_is_1_as_typed(capsys):
    assert main(["check", "--expected", "1", "--", "0^0"]) == 0
    assert main(["check", "--expected", "x", "--json", "--", "x + 0^(x - 1)"]) == 1
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["message"] == \
        "At x = 1 your answer is 2, but the correct value is 1."


def _bump(rng: random.Random) -> str:
    """A round bump, or a jump at one point, centred where no fixed sample is."""
    a, b = (f"{rng.randint(-40, 40)}/{rng.choice((3, 7, 11, 13))}" for _ in range(2))
    radius = f"1/{rng.choice((100, 10**4, 10**8))}"
    distance = f"(x - {a})^2 + (y - {b})^2"
    return rng.choice((f"max(0, {radius} - {distance})", f"sqrt(max(0, {radius} - {distance}))",
                       f"-min(0, {distance} - {radius})", f"abs({distance} - {radius}) - ({distance} - {radius})",
                       f"sign(max(0, {radius} - {distance}))", f"0^({distance})", f"1 - sign({distance})"))


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9))
def test_a_random_bump_added_to_a_right_answer_is_never_correct(seed):
    rng = random.Random(seed)
    expected = text(right_answer(rng))
    verdict = check(f"{expected} + {_bump(rng)}", expected, variables=VARIABLES)
    assert not verdict.correct, verdict
