"""The kinds for the lesson's later slides, with the lesson's own numbers: slices (fix_variable), the
cost of a line (cost), repeat until close enough (stopping), learning rates (learning_rate) and
local minima (local_minima); and what every derivation promises: its conclusion is the answer."""

from __future__ import annotations

import functools
import json
import re

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from pack_files import pack_file, pack_text

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond
from tutor.parse import InputError, symbol
from tutor.steps import render_text
from tutor.topics.learning_rate.labels import WORDS, read_labels

LESSON = packs.load("gradients")
LESSON_DRILLS = packs.load("drills")
X, Y, M, B = (symbol(n) for n in "xymb")


def exercise(exercise_id: str):
    return LESSON.exercise(exercise_id).variant()


def verdict(exercise_id: str, answer: str):
    return respond(exercise(exercise_id), answer)


def named(exercise_id: str, answer: str) -> str:
    """The misconception a wrong answer is given, or its note when none is named."""
    note = verdict(exercise_id, answer).note
    return note.split(":", 1)[1] if note.startswith("misconception:") else note


# ------------------------------------------------------------------ every derivation


def _close(a: object, b: object) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_close(p, q) for p, q in zip(a, b))
    difference = sympy.N(sympy.sympify(a) - sympy.sympify(b), 30)  # trusted: the solver's own values
    return difference.is_number and abs(difference) < 1e-12


@pytest.mark.parametrize("pack_id", packs.BUILT_IN)
def test_every_derivation_concludes_with_the_exercises_answer(pack_id):
    """The first line of the steps (and the value it stands for) is what the exercise expects:
    typed as the tutor writes it, it grades as correct; a root with no radical form (1.1309…) is
    compared by value."""
    for spec in packs.load(pack_id).exercises:
        for key in (range(3) if spec.parameterised else [None]):
            item = spec.variant(key)
            root = item.steps()
            if root is None:
                continue
            after = root.after
            if item.problem.show(after).count("…"):
                assert _close(after, item.expected().value), spec.id
            else:
                shown = after if isinstance(after, str) else item.problem.show(after)
                assert item.problem.check(shown, spec.tolerance).correct, (spec.id, shown)


def test_prompts_state_the_precision_of_decimal_answers():
    assert exercise("descent-heat-gradient").prompt().endswith("(to 4 decimal places)")
    assert exercise("descent-1d-step-1").prompt().endswith("(to 4 decimal places)")
    assert exercise("tv-descent-step").prompt().endswith("(to 6 decimal places)")
    assert exercise("power-lines-cost").prompt().endswith("(to 3 decimal places)")
    assert exercise("hard-to-optimize-minimum").prompt().endswith("(to 4 decimal places).")
    for exact in ("fix-y-4", "power-lines-cost-function", "stopping-1d", "learning-rates-x2", "partial-x-3x2y3"):
        assert "decimal places" not in exercise(exact).prompt(), exact
    drills = packs.load("drills")  # no tolerance given: the kind's own
    assert drills.exercise("lm-quartic").variant(1).prompt().endswith("(to 4 decimal places)")
    assert drills.exercise("gd-parabola").variant(1).prompt().endswith("(to 4 decimal places)")
    assert drills.exercise("cost-mean-step").variant(1).prompt().endswith("(within a relative error of 0.0001)")


# ------------------------------------------------------------------ fix_variable


def test_fixing_y_4_as_on_the_tangent_plane_slide():
    item = exercise("fix-y-4")
    assert item.prompt() == "Fix y = 4 in f(x, y) = x² + y². Write f(x, 4) as a function of x."
    assert item.expected().value == X**2 + 16
    assert verdict("fix-y-4", "x^2 + 4^2").correct
    text = render_text(item.steps())
    assert text.splitlines()[1:] == [
        "1. Fix y = 4: y no longer varies, so put 4 in its place: f(x, 4) = x² + 4².",
        "2. Work out the numbers: x² + 4² = x² + 16."]
    slope = render_text(exercise("fix-y-4-slope").steps())
    assert slope.splitlines()[-1].endswith("2x is the slope of the tangent line to the curve f(x, 4): it is "
                                           "∂f/∂x = 2x with y = 4.")
    assert exercise("fix-x-2").expected().value == Y**2 + 4
    assert exercise("sauna-wall-temperature").expected().value == 85


@pytest.mark.parametrize("exercise_id, answer, misconception", [
    ("fix-y-4", "x^2 + 4", "value-put-for-power"),
    ("fix-y-4", "x^2", "fixed-part-dropped"),
    ("fix-y-4", "x^2 + y^2", "fixed-variable-kept"),
    ("fix-y-4", "16 + y^2", "fixed-the-other-variable"),
    ("fix-y-4", "2x", "gave-slope-not-slice"),  # outside check h60, W1: named the other way round only
    ("fix-y-4-slope", "x^2 + 16", "gave-slice-not-slope"),
    ("fix-y-4-slope", "2x + 8", "differentiated-fixed-variable"),
    ("fix-y-4-slope", "8", "slope-in-fixed-variable"),
    # finding 422: ∂f/∂y, the lesson's next slide, or the slope of the slice x = 4: either is said
    ("fix-y-4-slope", "2y", "slope-in-fixed-variable|fixed-the-other-variable"),
])
def test_fix_variable_misconceptions(exercise_id, answer, misconception):
    assert named(exercise_id, answer) == misconception


def test_the_fixed_variables_own_part_dropped_beside_a_mixed_term_is_named(tmp_path):
    """x²y + y³ at y = 2 typed as 2x²: y³ dropped, 2 put in x²y (outside check h47, F1: putting y = 0 everywhere
    dropped x²y too, and the class's most common wrong answer went unnamed)."""
    item = _pack(tmp_path, "  - id: e\n    kind: fix_variable\n    function: x^2 y + y^3\n    fix: {y: 2}\n")
    checked = respond(item.exercise("e").variant(), "2x^2", isolated=False)
    assert (checked.note, checked.message) == ("misconception:fixed-part-dropped", (
        "It looks like you dropped the part with y. A fixed variable is a number, not 0: its part becomes a constant "
        "(8 here) and stays in f(x, 2)."))


@pytest.mark.parametrize("argv, said", [
    # finding 748: a square put in as a double, the cost's slip, on a slice (4² as 8; 2x² + 4y² at y = 3: 3² as 6)
    (["gradients:fix-y-4", "--", "x^2 + 8"],
     "It looks like you took the squares at y = 4 as doubles: y² as 8. A square is the number times itself: 4² = 16."),
    (["drills:fix-slice", "--student", "s1", "--", "2x^2 + 24"],
     "It looks like you took the squares at y = 3 as doubles: y² as 6. A square is the number times itself: 3² = 9."),
    # finding 749: f = 3x²y + y³ at y = 5, y's own part differentiated too (y³ as 3y² = 75 beside 6xy = 30x), as the
    # lesson's 2x + 8 is (y² as 2y = 8 beside 2x); or every y, as if y varied with x (3x²y as 6xy + 3x² too)
    (["drills:fix-slope", "--student", "s1", "--", "30x + 75"],
     "It looks like you differentiated y as well and then put in y = 5. Once y is fixed, its part of f(x, 5) is a "
     "constant, and the derivative of a constant is 0."),
    (["drills:fix-slope", "--student", "s1", "--", "3x^2 + 30x + 75"],
     "It looks like you differentiated y as well and then put in y = 5. Once y is fixed, its part of f(x, 5) is a "
     "constant, and the derivative of a constant is 0."),
    (["gradients:fix-y-4-slope", "--", "2x + 8"],
     "It looks like you differentiated y as well and then put in y = 4. Once y is fixed, its part of f(x, 4) is a "
     "constant, and the derivative of a constant is 0."),
])
def test_a_slip_in_putting_the_value_in_or_differentiating_the_slice_is_named(capsys, argv, said):
    assert main(["check", "--exercise", *argv]) == 1
    assert capsys.readouterr().out.splitlines()[1] == said


def test_the_slope_taken_in_the_fixed_variable_says_both_ways_to_it():
    assert respond(exercise("fix-y-4-slope"), "2y").message == (
        "You get this answer if you differentiated with respect to y, the variable that is fixed, or if you put 4 "
        "in place of x instead of y. The slope of the tangent line to f(x, 4) is its derivative with respect to x: "
        "put y = 4 in, then differentiate. Fixing y = 4 changes only y; x stays a variable.")


@pytest.mark.parametrize("exercise_id, answer, message", [
    # right once the fixed value is put in: said so, and no point off the slice (x = 1, y = 2) is named
    ("fix-y-4", "x^2 + 4y", "y is still in your answer: fixing y = 4 means putting 4 in its place, and f(x, 4) has "
     "only x left. With y = 4 put in, your answer is right."),
    ("fix-y-4-slope", "2x + 2y - 8", "y is still in your answer: fixing y = 4 means putting 4 in its place, and "
     "f(x, 4) has only x left. With y = 4 put in, your answer is right."),
    ("fix-y-4-slope", "4y + 2x - 16", "y is still in your answer: fixing y = 4 means putting 4 in its place, and "
     "f(x, 4) has only x left. With y = 4 put in, your answer is right."),
    ("fix-y-4-slope", "y + 2x - 4", "y is still in your answer: fixing y = 4 means putting 4 in its place, and "
     "f(x, 4) has only x left. With y = 4 put in, your answer is right."),
    ("sauna-wall-temperature", "85 + x*y", "x is still in your answer: fixing x = 0 means putting 0 in its place, "
     "and T(0, y) has only y left. With x = 0 put in, your answer is right."),
    ("fix-x-2", "y^2 + 2x", "x is still in your answer: fixing x = 2 means putting 2 in its place, and f(2, y) has "
     "only y left. With x = 2 put in, your answer is right."),
    # wrong on the slice too: the difference is shown at a point of the slice (y = 4 put in, x = 1)
    ("fix-y-4", "2y", "y is still in your answer: fixing y = 4 means putting 4 in its place, and f(x, 4) has only "
     "x left. With y = 4 put in: at x = 1 your answer is 8, but the correct value is 17."),
    ("fix-y-4-slope", "x^2 + y^2", "y is still in your answer: fixing y = 4 means putting 4 in its place, and "
     "f(x, 4) has only x left. With y = 4 put in: at x = 1 your answer is 17, but the correct value is 2."),
])
def test_an_answer_holding_the_fixed_variable_is_compared_on_the_slice(exercise_id, answer, message):
    """An answer that still holds the fixed variable is incorrect, and told so; where it differs is named on the
    slice, never at a point where the fixed variable has another value."""
    got = verdict(exercise_id, answer)
    assert (got.verdict, got.message) == ("incorrect", message)


def test_several_fixed_variables_are_compared_on_their_slice(tmp_path):
    pack = _pack(tmp_path, "  - id: e\n    kind: fix_variable\n    function: x y + z^2 + x\n"
                           "    fix: {y: 2, z: 1}\n")
    item = pack.exercise("e").variant()
    assert item.prompt() == "Fix y = 2, z = 1 in f(x, y, z) = xy + z² + x. Write f(x, 2, 1) as a function of x."
    assert respond(item, "x y + 1 + x").message == (
        "y is still in your answer: fixing y = 2 and z = 1 means putting their values in, and f(x, 2, 1) has only "
        "x left. With y = 2 and z = 1 put in, your answer is right.")
    assert respond(item, "y z + x").message == (
        "y and z are still in your answer: fixing y = 2 and z = 1 means putting their values in, and f(x, 2, 1) "
        "has only x left. With y = 2 and z = 1 put in: at x = 1 your answer is 3, but the correct value is 4.")
    assert respond(item, "3x + 1").correct


@pytest.mark.parametrize("function, fix, hint", [
    ("x^2 + y^2", "{y: 4}", "The term y² is a constant now: it stays, it does not become 0."),
    ("85 - 1/90 x^2 (x - 6) y^2 (y - 6)", "{x: 0}",  # the wall: it has the one temperature 85
     "With x = 0, the term x²(x - 6)y²(y - 6)/90 is 0 for every y: it drops out."),
    ("x^2 y + (y - 3) x - y^2", "{y: 3}",
     "With y = 3, the term x(y - 3) is 0 for every x: it drops out. The term y² is a constant now: it stays, "
     "it does not become 0."),
    ("x^2 y", "{y: 3}", "A fixed variable is a number now: each term keeps its other variables."),
])
def test_the_second_hint_says_what_the_fixed_value_makes_of_each_term(tmp_path, function, fix, hint):
    # second, before the values put in (an outside check: those, nearly the answer, came second and this third)
    pack = packs.load_text(pack_text(f"{{id: e, kind: fix_variable, function: '{function}', fix: {fix}}}"),
                           "p.yaml", tmp_path)
    assert pack.exercises[0].variant().hints()[1] == hint


@pytest.mark.parametrize("pack, exercise_id", [(pack, spec.id) for pack in ("gradients", "drills")
                                               for spec in packs.load(pack).exercises
                                               if spec.kind == "fix_variable"])
def test_the_terms_hint_of_a_slice_never_says_a_term_that_vanishes_stays(pack, exercise_id):
    spec = packs.load(pack).exercise(exercise_id)
    for key in range(20):
        item = spec.drawn(key).problem
        if item.ask == "derivative":
            continue
        values = {symbol(v): c for v, c in item.fixed}
        terms = sympy.Add.make_args(item.function)
        zero = any(t.free_symbols & set(values) and t.xreplace(values) == 0 for t in terms)
        assert ("is 0 for every" in item.hints()[1]) == zero
        assert ("it does not become 0" in item.hints()[1]) == any(
            t.free_symbols <= set(values) and t.xreplace(values) != 0 for t in terms if t.free_symbols)


def test_the_slice_is_drawn_with_its_slope():
    figure = exercise("fix-y-4").problem.figure()
    (panel,) = figure.panels
    assert figure.name == "slice" and [c.label for c in panel.curves] == ["f(x, 4) = x² + 16", "d/dx f(x, 4) = 2x"]


# ------------------------------------------------------------------ stopping


def test_repeat_until_close_enough_on_the_lessons_descent():
    item = exercise("stopping-1d")
    assert item.expected().value == 11
    lines = render_text(item.steps()).splitlines()
    assert lines[0].endswith("until |f′| < 2: 11 iterations")
    assert "f′(0.05) = -18.9487, so the new point is 0.05 − 0.005·(-18.9487) = 0.144744" in lines[4]
    assert lines[-1].endswith("|f′| = 1.89942 < 2: close enough, so the descent stops after 11 iterations, "
                              "at 0.306881.")
    assert lines[-3].endswith("|f′| = 2.02424 is not below 2 yet: take another step.")


@pytest.mark.parametrize("answer, misconception", [
    ("12", "counted-check-as-iteration"),
    ("10", "stopped-one-early"),
    ("1", "slope-compared-without-size"),
])
def test_stopping_misconceptions(answer, misconception):
    assert named("stopping-1d", answer) == misconception


# ------------------------------------------------------------------ cost


def test_the_power_lines_cost_built_square_by_square():
    item = exercise("power-lines-cost-function")
    assert sympy.expand(item.expected().value - (14 * M**2 + 3 * B**2 + 38 + 12 * M * B - 42 * M - 20 * B)) == 0
    lines = render_text(item.steps()).splitlines()
    assert lines[1] == ("1. Each point (xᵢ, yᵢ) is off the line by its error mxᵢ + b − yᵢ, and the cost adds up the "
                        "squares of the errors: E(m, b) = (m + b - 2)² + (2m + b - 5)² + (3m + b - 3)².")
    assert lines[2].endswith("m² + b² + 4 + 2mb - 4m - 4b.")
    assert lines[3].endswith("4m² + b² + 25 + 4mb - 20m - 10b.")
    assert lines[4].endswith("9m² + b² + 9 + 6mb - 18m - 6b.")
    assert lines[5] == "5. Add the squares up, like terms together: E(m, b) = 14m² + 3b² + 38 + 12mb - 42m - 20b."


def test_the_cost_at_the_optimum_and_on_the_tv_data():
    assert exercise("power-lines-cost").expected().value == sympy.Rational(25, 6)
    assert verdict("power-lines-cost", "4.167").correct and verdict("power-lines-cost", "25/6").correct
    tv = exercise("tv-mean-cost").expected().value
    residuals = [sympy.Rational("0.05") * x + 7 - y for x, y in
                 [(sympy.Rational("230.1"), sympy.Rational("22.1")), (sympy.Rational("44.5"), sympy.Rational("10.4")),
                  (sympy.Rational("17.2"), sympy.Rational("9.3"))]]
    assert tv == sum(r**2 for r in residuals) / 6


def test_one_descent_step_on_the_tv_data():
    m1, b1 = exercise("tv-descent-step").expected().value
    assert (m1, b1) == (sympy.Rational("5707.97") / 3 / 100000, sympy.Rational("41.8") / 3 / 100000)
    assert verdict("tv-descent-step", "(0.019027, 0.000139)").correct
    assert verdict("tv-descent-step", "m = 0.019027, b = 0.000139").correct
    text = render_text(exercise("tv-descent-step").steps())
    assert "L(m, b) = E(m, b)/(2·3)" in text and "(230.1m + b - 22.1)²" in text
    # the decimals the question asks for, after the exact point (finding 373: fractions only, 8-digit denominators)
    assert text.splitlines()[0].endswith(": (570797/30000000, 209/1500000) ≈ (0.019027, 0.000139)")
    assert "= (570797/30000000, 209/1500000) ≈ (0.019027, 0.000139)." in text


@pytest.mark.parametrize("exercise_id, answer, misconception", [
    ("power-lines-cost-function", "14m^2 + 3b^2 + 38", "squared-term-by-term"),
    ("power-lines-cost-function", "14m^2 + 3b^2 + 38 - 42m - 20b", "cross-term-dropped"),
    ("power-lines-cost-function", "14m^2 + 3b^2 + 38 + 6mb - 21m - 10b", "products-not-doubled"),
    ("power-lines-cost-function", "6m + 3b - 10", "errors-not-squared"),
    ("power-lines-cost", "-9.833", "cross-term-dropped"),
    ("tv-mean-cost", "5.459", "mean-without-half"),
    ("tv-mean-cost", "16.378", "sum-not-averaged"),
    ("tv-descent-step", "(0.038053, 0.000279)", "mean-without-half"),
    ("tv-descent-step", "(-0.019027, -0.000139)", "cost-step-uphill"),
    ("tv-descent-step", "(-1902.656667, -13.933333)", "cost-step-gave-gradient"),
])
def test_cost_misconceptions(exercise_id, answer, misconception):
    assert named(exercise_id, answer) == misconception


def test_the_cost_at_a_line_is_drawn_with_its_errors():
    figure = exercise("power-lines-cost").problem.figure()
    assert figure.name == "line" and figure.title == "the line: y = x/2 + 7/3, cost E = 25/6 ≈ 4.16667"
    assert [s.label for s in figure.panels[0].segments] == ["-5/6", "+5/3", "-5/6"]


# ------------------------------------------------------------------ learning rates


def test_too_large_too_small_just_right():
    item = exercise("learning-rates-x2")
    assert item.expected().value == "diverges, oscillates, converges, too slow"
    for typed in ("diverges, oscillates, converges, too slow", "diverge; oscillate; converge; too small",
                  "0.001: too slow, 0.25: converges, 1.1: diverges, 0.9: oscillates",
                  "α = 1.1: blows up, α = 0.9: zigzags, α = 0.25: just right, α = 0.001: crawls"):
        assert respond(item, typed).correct, typed
    wrong = respond(item, "diverges, diverges, converges, converges")
    assert wrong.verdict == "incorrect" and wrong.credit == 0.5
    # α as the question writes it: capitalised, it was the Greek capital Α, read as "A = 0.9"
    # "within the 20 steps": it goes downhill all the way, and would converge given more (finding 94)
    assert wrong.message == ("α = 0.9 does not diverge: it oscillates; α = 0.001 does not converge within the 20 steps: "
                             "it is too slow. 2 of 4 right.")
    # each wrong word told with what the rate does (outside check h18, F9: "is not too slow" alone)
    assert respond(item, "too slow, converges, oscillates, diverges").message == (
        "α = 1.1 is not too slow: it diverges; α = 0.9 does not converge within the 20 steps: it oscillates; α = 0.25 "
        "does not oscillate: it converges; α = 0.001 does not diverge: it is too slow. 0 of 4 right. Your words are the "
        "right ones in reverse order: the first goes with α = 1.1, the rate listed first.")


@pytest.mark.parametrize("answer, message", [
    ("too large, too large, just right, too small",
     "'too large' can mean that it oscillates or that it diverges: say which."),
    ("diverges, oscillates", "Give one word for each of the 4 rates, in their order (1.1, 0.9, 0.25, 0.001), not 2."),
    ("0.5: converges, 0.9: oscillates, 1.1: diverges, 0.001: too slow",
     "0.5 is not one of the rates (1.1, 0.9, 0.25, 0.001)."),
    ("1.1: diverges, converges, 0.9: oscillates, 0.001: too slow",
     "Name the rate for every word, like 0.5: converges, or for none."),
    ("1.1: diverges, 0.9: oscillates", "Say what α = 0.25 and 0.001 do too."),
    ("diverges, wobbles, converges, too slow", "'wobbles' is not one of: converges, oscillates, diverges, too slow."),
    # outside check: the four words without commas were "not one of" the words, though each is one
    ("diverges oscillates converges too slow", "Separate the words with commas: diverges, oscillates, converges, "
                                               "too slow."),
    # outside check h47, F2: a control character was a slip of one letter
    ("diverges, oscillates, conv\x00erges, too slow", "The invisible character U+0000 NULL can't be used here."),
])
def test_learning_rate_answers_that_cant_be_read_say_why(answer, message):
    result = verdict("learning-rates-x2", answer)
    assert (result.verdict, result.message) == ("invalid", message)


@pytest.mark.parametrize("answer, message", [
    ("diverges, oscilates, converges, too slow", "Correct. ('oscilates' was read as oscillates.)"),
    ("divreges, oscillates, converges, too slow", "Correct. ('divreges' was read as diverges.)"),  # two swapped
    ("diverges, oscillates, convreges, too slow", "Correct. ('convreges' was read as converges.)"),
    ("diverges, oscillatess, converges, to slow",
     "Correct. ('oscillatess' was read as oscillates. 'to slow' was read as too slow.)"),
    ("0.9: oscilates, 1.1: divreges, 0.25: converges, 0.001: too slow",
     "Correct. ('oscilates' was read as oscillates. 'divreges' was read as diverges.)"),
    # read as meant, and wrong: how it was read is said after what is wrong
    ("convreges, oscillates, converges, too slow",
     "α = 1.1 does not converge: it diverges. 3 of 4 right. Note: 'convreges' was read as converges."),
    ("oscilates, oscillates, converges, too slow",  # and with the mistake named
     "It looks like you said α = 1.1 oscillates, but it diverges: the steps do not just jump back and forth, they "
     "grow without bound. Note: 'oscilates' was read as oscillates."),
])
def test_a_rate_word_with_one_slip_is_read_and_the_verdict_says_so(answer, message):
    # finding 429: as a label with a slip is (minumum); "oscilates" was refused, and grading gave 0 points
    result = verdict("learning-rates-x2", answer)
    assert (result.verdict.value, result.message) == ("correct" if message.startswith("Correct") else "incorrect",
                                                      message)
    assert result.reading in ("diverges, oscillates, converges, too slow", "converges, oscillates, converges, too slow",
                              "oscillates, oscillates, converges, too slow")


@pytest.mark.parametrize("answer, column, word", [
    ("diverges, osclates, converges, too slow", 10, "osclates"),  # two letters missing
    ("diverges, oscillates, cnovreges, too slow", 22, "cnovreges"),  # two swaps
    ("dvirgs, oscillates, converges, too slow", 0, "dvirgs"),
    ("diverges, oscillates, converges, to slw", 33, "to slw"),
])
def test_a_rate_word_two_slips_away_is_refused_at_it(answer, column, word):
    result = verdict("learning-rates-x2", answer)
    assert (result.verdict.value, result.column, result.message) == (
        "invalid", column, f"'{word}' is not one of: converges, oscillates, diverges, too slow.")


def test_grading_gives_the_point_for_a_rate_word_with_a_slip(tmp_path):
    (tmp_path / "g.csv").write_text('student,exercise,answer\nana,learning-rates-x2,"diverges, oscilates, converges, '
                                    'too slow"\nana,classify-x2y2-origin,minumum\n', encoding="utf-8")
    assert main(["grade", "gradients", str(tmp_path / "g.csv"), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    rows = (tmp_path / "out" / "answers.csv").read_text(encoding="utf-8").splitlines()
    assert 'ana,learning-rates-x2,,"diverges, oscilates, converges, too slow",correct,1,1,equal,Correct. ' \
           "('oscilates' was read as oscillates.)" in rows
    assert "ana,classify-x2y2-origin,,minumum,correct,1,1,equal,Correct. ('minumum' was read as minimum.)" in rows


@pytest.mark.parametrize("exercise_id, answer, misconception", [
    ("learning-rates-x2", "diverges, diverges, converges, too slow", "oscillation-called-divergence"),
    ("learning-rates-x2", "oscillates, oscillates, converges, too slow", "divergence-called-oscillation"),
    ("learning-rates-x2", "diverges, oscillates, converges, converges", "slow-called-converging"),
    ("learning-rates-best", "0.2", "largest-rate-is-fastest"),
    ("learning-rates-best", "0.005", "smallest-rate-is-safest"),
])
def test_learning_rate_misconceptions(exercise_id, answer, misconception):
    assert named(exercise_id, answer) == misconception


ZIGZAGS = """\
pack: zigzags
exercises:
  - {id: x60, kind: learning_rate, function: "x^2", start: 1, rates: [1.1, 0.9, 0.25, 0.001], iterations: 60}
  - {id: x20, kind: learning_rate, function: "x^2", start: 1, rates: [1.1, 0.9, 0.25, 0.001], iterations: 20}
  - {id: c60, kind: learning_rate, function: "(x - 3)^2", start: 0, rates: [1.05, 0.9, 0.3, 0.01], iterations: 60}
  - {id: c30, kind: learning_rate, function: "(x - 3)^2", start: 0, rates: [1.05, 0.9, 0.3, 0.01], iterations: 30}
  - {id: k60, kind: learning_rate, function: "x^2 + 3y^2", start: [1, 1], rates: [0.5, 0.3, 0.1, 0.001],
     iterations: 60}
"""


@pytest.mark.parametrize("exercise_id, key, also", [
    ("x60", "diverges, converges, converges, too slow", "|f′| is below 0.0001 after 45 of the 60 steps"),
    ("c60", "diverges, converges, converges, too slow", "|f′| is below 0.0001 after 50 of the 60 steps"),
    ("k60", "diverges, converges, converges, too slow", "|∇f| is below 0.0001 after 50 of the 60 steps"),
    ("x20", "diverges, oscillates, converges, too slow", None),
    ("c30", "diverges, oscillates, converges, too slow", None),
])
def test_a_zigzag_is_called_oscillating_whatever_the_steps_allowed(tmp_path, exercise_id, key, also):
    # finding 94: with 60 steps the lesson's zigzag (x -> -0.8x) converges, and "oscillates" was graded
    # wrong with "α = 0.9 does not oscillate"; with 20 it was right
    (tmp_path / "z.yaml").write_text(ZIGZAGS, encoding="utf-8")
    variant = packs.load(tmp_path / "z.yaml").exercise(exercise_id).variant()
    rate = variant.problem.shown_rates()[1]
    assert variant.expected().value == key
    said = respond(variant, "diverges, oscillates, converges, too slow")
    told = "Correct." if also is None else f"Correct. (α = {rate} oscillates, and converges too: {also}.)"
    assert (said.verdict.value, said.message) == ("correct", told)
    converges = respond(variant, "diverges, converges, converges, too slow")
    if also is None:  # within fewer steps it does not converge, though it would given more
        assert converges.message == f"α = {rate} does not converge within the {variant.problem.iterations} steps: " \
                                    "it oscillates. 3 of 4 right."
    else:
        assert converges.correct and converges.message == "Correct."
    # a zigzag that grows is not said not to oscillate; one that shrinks is said to oscillate
    grows = respond(variant, "oscillates, oscillates, converges, too slow")
    assert grows.note == "misconception:divergence-called-oscillation" and "does not oscillate" not in grows.message
    plain = variant.problem.check("oscillates, oscillates, oscillates, oscillates")
    assert plain.message.startswith(f"α = {variant.problem.shown_rates()[0]} does not just oscillate: its steps "
                                    "cross the minimum and grow; ")
    assert f"α = {rate} does not oscillate" not in plain.message
    shrinks = respond(variant, "diverges, diverges, converges, too slow")
    assert shrinks.message.startswith(f"It looks like you called α = {rate} divergent, but it oscillates: ")


@pytest.mark.parametrize("steps, key, diverges", [
    (10, "oscillates, converges, too slow",
     "Correct. (α = 1.1 diverges, and oscillates too: 9 of its 9 pairs of steps go back the way they came, and |f′| "
     "grew at every step, from 2 to 12.4.)"),
    (20, "diverges, converges, too slow", "Correct."),
])
def test_a_zigzag_that_widens_at_every_step_diverges_whatever_the_steps_allowed(tmp_path, steps, key, diverges):
    """Outside check h26, F1: α = 1.1 on (x - 1)², whose gap to the minimum grows 1.2 times at each step, was keyed
    `oscillates` with 10 steps, and "diverges" marked wrong "without running away"; with 20, `diverges`."""
    (tmp_path / "w.yaml").write_text(f"pack: w\nexercises:\n  - {{id: w, kind: learning_rate, function: (x - 1)^2, "
                                     f"start: 0, rates: [1.1, 0.5, 0.05], iterations: {steps}}}\n", encoding="utf-8")
    variant = packs.load(tmp_path / "w.yaml").exercise("w").variant()
    assert variant.expected().value == key
    said = respond(variant, "diverges, converges, too slow")
    assert (said.verdict.value, said.message) == ("correct", diverges)
    assert respond(variant, "oscillates, converges, too slow").correct is (steps == 10)
    # a bounce that does not widen at every step is no divergence: α = 1 on (x - 1)² goes 0, 2, 0, 2 …
    (tmp_path / "b.yaml").write_text("pack: b\nexercises:\n  - {id: b, kind: learning_rate, function: (x - 1)^2, "
                                     "start: 0, rates: [1, 0.5], iterations: 10}\n", encoding="utf-8")
    bounce = packs.load(tmp_path / "b.yaml").exercise("b").variant()
    assert bounce.expected().value == "oscillates, converges"
    assert not respond(bounce, "diverges, converges").correct
    # nor one that grows by less and less, settling into a bounce between ±0.75 (outside check h30, F2)
    (tmp_path / "s.yaml").write_text("pack: s\nexercises:\n  - {id: s, kind: learning_rate, function: sqrt(1 + x^2), "
                                     "start: 0.3, rates: [2.5, 0.5], iterations: 30}\n", encoding="utf-8")
    settling = packs.load(tmp_path / "s.yaml").exercise("s").variant()
    assert settling.expected().value == "oscillates, converges"
    assert not respond(settling, "diverges, converges").correct


def test_a_best_rate_that_is_none_of_those_compared_is_told_so():
    """Outside check h60, W9: 0.5, the best rate for a parabola but not in the list, was "not right" alone."""
    variant = LESSON_DRILLS.exercise("lr-best").with_values((("c", sympy.Integer(3)),))
    for typed in ("0.5", "α = 0.5"):
        got = respond(variant, typed)
        assert (got.verdict.value, got.message) == (
            "incorrect", "Your answer 0.5 is not right. The best rate is one of those compared: α = 0.02, 0.2, 0.3 "
                         "or 1.05.")
    assert "one of those compared" not in respond(variant, "0.020").message  # in the list, as typed otherwise


@pytest.mark.parametrize("c", [1, 3, 5])
def test_a_rate_named_as_the_question_names_it_is_read_as_the_words_read_it(c):
    # finding 98: the best rate after its name was refused, while the words for each rate read it
    variant = LESSON_DRILLS.exercise("lr-best").with_values((("c", sympy.Integer(c)),))
    best = str(variant.expected().value)
    for typed in (best, f"α = {best}", f"alpha = {best}", f"α={best}"):
        got = respond(variant, typed)
        assert (got.verdict.value, got.reading) == ("correct", best), typed
    slower = respond(variant, "α = 0.2")  # it converges, in more steps: the diagnosis reads the name too
    assert slower.note == "misconception:slower-converging-rate"
    named = respond(variant, f"a = {best}")  # not the rate's name
    assert (named.verdict.value, named.message) == ("invalid", f"Write just {best}, without 'a ='.")
    words = respond(LESSON_DRILLS.exercise("lr-parabola").with_values((("c", sympy.Integer(c)),)),
                    "alpha = 1.05: diverges, α = 0.9: oscillates, 0.3: converges, α=0.01: too slow")
    assert words.correct
    other = verdict("learning-rates-x2", "diverges, a = 0.9: oscillates, converges, too slow")
    assert (other.verdict.value, other.column, other.message) == (
        "invalid", 10, "The rates are called α, not a: write α = 0.9: oscillates, or just 0.9: oscillates.")


def test_the_rates_side_by_side():
    item = exercise("learning-rates-best")
    text = render_text(item.steps())
    assert "α = 0.005           α = 0.05           α = 0.2" in text
    assert "k = 1:  0.144744 (5.75302)  0.997436 (1.70875) 3.839746 (46.2532)" in text
    assert text.splitlines()[-1].endswith("The best rate is α = 0.05: it converges in the fewest steps (39). No rule "
                                          "gives the best rate in advance: you try several and compare.")
    figure = item.problem.figure()
    assert figure.name == "rates" and [p.title.split("\n")[0] for p in figure.panels] == [
        "α = 0.005: too slow", "α = 0.05: converges", "α = 0.2: diverges"]


# ------------------------------------------------------------------ local minima


def test_local_minima_of_the_lessons_valleys():
    left, right = exercise("local-minima-1d").expected().value
    assert round(float(left), 4) == -1.3008 and round(float(right), 4) == 1.1309
    assert round(float(exercise("local-minima-1d-end").expected().value), 4) == 1.1309
    assert round(float(exercise("local-minima-1d-global").expected().value), 4) == -1.3008
    x, y = exercise("local-minima-2d-end").expected().value
    assert (round(float(x), 4), y) == (0.9601, 0)
    last = render_text(exercise("local-minima-2d-end").steps()).splitlines()[-1]
    assert last.endswith("it ends in the valley of the local minimum (0.960149…, 0), where f = 0.294146…; it is not "
                         "the global minimum.")


@pytest.mark.parametrize("answer, verdict", [("1", "correct"), ("(1)", "correct"), ("x = 1", "correct"),
                                             ("[1]", "correct"), ("2", "incorrect"), ("1, 3", "incorrect")])
def test_a_function_of_one_variable_with_a_single_local_minimum_has_an_answer(tmp_path, answer, verdict):
    # the one minimum was a vector of one, which nothing a student types reads as: every answer was wrong
    pack_file(tmp_path, '{id: one, kind: local_minima, function: "(x - 1)^2"}')
    checked = respond(packs.load(tmp_path / "p.yaml").exercise("one").variant(), answer, isolated=False)
    assert checked.verdict == verdict and "misconception" not in checked.note
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0


@pytest.mark.parametrize("function, message", [
    # (x-y)^2 + x^4 was refused so; its square completed, it is a minimum now (finding 101)
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6", "the second-derivative test does not decide at (0, 0), nor do f's values as the tutor "
                          "reads them, so its local minima are not all known"),
    ("(x-y)^2", "it has whole lines of minima; ask for its critical points instead"),
    ("x^3 + y^3", "it has no local minimum"),
])
def test_local_minima_that_cant_all_be_known_are_refused_with_the_reason(tmp_path, capsys, function, message):
    pack_file(tmp_path, f'{{id: m, kind: local_minima, function: "{function}"}}')
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    assert capsys.readouterr().out.strip().endswith(f"exercise 'm': {message}")


def test_a_minimize_exercise_on_a_function_with_no_minimum_is_refused(tmp_path, capsys):
    # eˣ and e^(-x²) attain no least value: the grid's underflowed values had given x = -9900 and x = -1000
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n  - id: gauss\n    kind: minimize\n    function: e^(-x^2)\n"
                                     "  - id: exp\n    kind: minimize\n    function: e^x\n", encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'p.yaml'}:5:15: exercise 'gauss': f has no minimum: f′(x) = -2x e^(-x²) never changes from "
        "negative to positive",
        f"{tmp_path / 'p.yaml'}:8:15: exercise 'exp': f has no minimum: f′(x) = eˣ never changes from negative to "
        "positive"]


@pytest.mark.parametrize("exercise_id, answer, misconception", [
    ("local-minima-1d-end", "-1.3008", "descent-finds-global"),
    ("local-minima-2d-end", "(-1.0356, 0)", "descent-finds-global"),
    ("local-minima-1d", "-1.3008", "only-global-minimum"),
    ("local-minima-1d", "(-1.3008, 0.1699, 1.1309)", "maxima-counted-as-minima"),
    ("local-minima-2d", "(-1.0356, 0), (0.0754, 0), (0.9601, 0)", "maxima-counted-as-minima"),
    ("local-minima-1d-global", "1.1309", "local-taken-for-global"),
    ("local-minima-1d-global", "-3.5139", "gave-minimum-value"),
    ("local-minima-1d", "-3.5139, -1.0702", "gave-minimum-value"),
])
def test_local_minima_misconceptions(exercise_id, answer, misconception):
    assert named(exercise_id, answer) == misconception


@pytest.mark.parametrize("exercise_id, seed, answer", [
    ("local-minima-1d-end", 1, "-0.8376"),
    ("local-minima-2d-end", 3, "(0.9456, 0)"),
])
def test_the_other_valley_s_minimum_for_where_descent_ends_is_named(capsys, exercise_id, seed, answer):
    # outside check: it was "not right to 4 decimal places", which sends a student to their rounding
    assert main(["check", "--exercise", f"gradients:{exercise_id}", "--seed", str(seed), "--json", "--", answer]) == 1
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["note"] == "misconception:descent-other-valley"
    assert verdict["message"].startswith("It looks like you gave the local minimum of another valley. Gradient "
                                         "descent only goes downhill from where it starts: from ")


DRILLS = packs.load("drills")
LESSON_MAXIMUM = ("It looks like you gave a critical point that is a local maximum: at 0.169938…, f″ = -5.65345… < 0. "
                  "A local minimum has f″ > 0.")
LESSON_SADDLE = ("It looks like you gave a critical point that is a saddle point: at (0.0754291…, 0), D = -7.86345… < 0. "
                 "A local minimum has D > 0 and f_xx > 0.")


@pytest.mark.parametrize("pack, exercise_id, seed, student, answer, message", [
    # each was "... is not right to 4 decimal places.", which sends the student back to the same root
    # in a list, the minimum it stands in the place of is missing, and said so
    (LESSON, "local-minima-1d", None, None, "-1.3008, 0.1699", LESSON_MAXIMUM + " The local minimum 1.1309… is missing."),
    (LESSON, "local-minima-1d", None, None, "0.1699, 1.1309",
     LESSON_MAXIMUM + " The local minimum -1.30083… is missing."),
    (LESSON, "local-minima-1d", 1, None, "-1, -0.3660",  # f(x) = x⁴ - 3x² - 2x
     "It looks like you gave a critical point that is a local maximum: at 1/2 - √3/2 ≈ -0.366025, f″ = 6 - 6√3 ≈ "
     "-4.3923 < 0. A local minimum has f″ > 0. The local minimum √3/2 + 1/2 ≈ 1.36603 is missing."),
    (LESSON, "local-minima-1d-end", None, None, "0.1699", LESSON_MAXIMUM),
    (LESSON, "local-minima-1d-global", 1, None, "0.3660",  # f(x) = x⁴ - 3x² + 2x
     "It looks like you gave a critical point that is a local maximum: at √3/2 - 1/2 ≈ 0.366025, f″ = 6 - 6√3 ≈ "
     "-4.3923 < 0. A local minimum has f″ > 0."),
    (DRILLS, "lm-quartic", None, "zoe", "0.1004",  # f(x) = x⁴ - 5x² + x
     "It looks like you gave a critical point that is a local maximum: at 0.100404…, f″ = -9.87902… < 0. "
     "A local minimum has f″ > 0."),
    (LESSON, "local-minima-2d-end", None, None, "(0.0754, 0)", LESSON_SADDLE),
    (LESSON, "local-minima-2d", None, None, "(0.0754, 0), (0.9601, 0)",  # was "... does not belong"
     LESSON_SADDLE + " The local minimum (-1.03557…, 0) is missing."),
    (LESSON, "local-minima-2d", None, None, "(-1.0356, 0), (0.0754, 0)",
     LESSON_SADDLE + " The local minimum (0.960149…, 0) is missing."),
])
def test_a_critical_point_of_the_wrong_kind_given_for_a_minimum_is_named(pack, exercise_id, seed, student, answer,
                                                                          message):
    spec = pack.exercise(exercise_id)
    checked = respond(spec.drawn(seed) if seed is not None else spec.variant(student), answer, isolated=False)
    assert (checked.verdict, checked.note, checked.message) == ("incorrect", "misconception:maxima-counted-as-minima",
                                                                message)


def test_a_point_near_a_maximum_but_not_at_it_to_the_places_asked_is_not_called_one():
    checked = respond(exercise("local-minima-1d-end"), "0.17", isolated=False)
    assert (checked.verdict, checked.message) == ("incorrect", "Your answer 0.17 is not right to 4 decimal places.")
    assert "misconception" not in checked.note


def _pack(tmp_path, body: str):
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n" + body, encoding="utf-8")
    return packs.load(tmp_path / "p.yaml")


@pytest.mark.parametrize("body, answer, message", [
    # the minimize kind: the least x asked for, a maximum given
    ("  - id: e\n    kind: minimize\n    function: x^4 - 3x^2 + x\n    tolerance: dp:4\n", "0.1699",
     LESSON_MAXIMUM),
    # a maximum the second-derivative test can't decide, which f's values do
    ("  - id: e\n    kind: local_minima\n    function: x^6 - 2x^4\n    ask: global\n", "0",
     "It looks like you gave a critical point that is a local maximum: at 0 the second-derivative test does not "
     "decide, but the values of f do: f = 0 there and f ≤ 0 near it (the derivatives up to order 3 are 0 there "
     "and f⁽⁴⁾ < 0). A local minimum has no smaller values near it."),
    # a maximum and a saddle point in two variables
    ("  - id: e\n    kind: local_minima\n    function: x^4 + y^4 - 2x^2 - 2y^2\n    ask: global\n", "(0, 0)",
     "It looks like you gave a critical point that is a local maximum: at (0, 0), D = 16 > 0 and f_xx = -4 < 0. "
     "A local minimum has D > 0 and f_xx > 0."),
    ("  - id: e\n    kind: local_minima\n    function: x^4 + y^4 - 2x^2 - 2y^2\n    ask: global\n", "(1, 0)",
     "It looks like you gave a critical point that is a saddle point: at (1, 0), D = -32 < 0. "
     "A local minimum has D > 0 and f_xx > 0."),
])
def test_the_wrong_kind_of_critical_point_is_named_for_minimize_and_by_fs_values(tmp_path, body, answer, message):
    checked = respond(_pack(tmp_path, body).exercise("e").variant(), answer, isolated=False)
    assert (checked.verdict, checked.note, checked.message) == ("incorrect", "misconception:maxima-counted-as-minima",
                                                                message)



@pytest.mark.parametrize("function, answer, note, message", [
    # every zero of f′ solved exactly, as the key's minimum was: its maximum √2/2 is named
    ("x e^(-x^2)\n    tolerance: dp:4", "0.7071", "misconception:maxima-counted-as-minima",
     "It looks like you gave a critical point that is a local maximum: at √2/2 ≈ 0.707107, f″ = -2√2·e^(-1/2) ≈ "
     "-1.71553 < 0. A local minimum has f″ > 0."),
    # a cubic in √x (outside check h46, N6: its maximum was told as a rounding miss)
    ("sqrt(x) + (x-2)^2\n    tolerance: dp:3", "0.0159", "misconception:maxima-counted-as-minima",
     "It looks like you gave a critical point that is a local maximum: at 0.015876…, f″ = -122.975… < 0. "
     "A local minimum has f″ > 0."),
    # a local minimum above the one at the end of f's domain (h46, N6: the power rule was blamed alone)
    ("4 sqrt(x) + (x-2)^2", "1", "misconception:local-taken-for-global|power-rule-exponent-dropped",
     "You get this answer if you gave a local minimum that is not the lowest, or if you multiplied by the exponent "
     "and then dropped the power. f is 5 there but only 4 at the global minimum. Compare the values at every local "
     "minimum. The power rule lowers the exponent by one: the derivative of √x is 1/(2√x), not x/2."),
    # a cusp maximum, where f′ has no value (outside check h48, N6: the power rule was blamed alone)
    ("x^(5/3) - 5x^(2/3)", "0", "misconception:maxima-counted-as-minima|power-rule-exponent-dropped",
     "You get this answer if you gave a critical point that is a local maximum, or if you multiplied by the exponent "
     "and then dropped the power. At 0 the second-derivative test does not decide, but the values of f do: f = 0 there "
     "and f ≤ 0 near it (a cusp, where f′ is ∞ from the left and -∞ from the right). A local minimum has no smaller "
     "values near it. The power rule lowers the exponent by one: the derivative of x^(5/3) is 5 x^(2/3)/3, not 5x/3."),
    # the lesson's quartic: its other valley
    ("x^4 - 3x^2 + x\n    tolerance: dp:4", "1.1309", "misconception:local-taken-for-global",
     "It looks like you gave a local minimum that is not the lowest: f is -1.07023… there but only -3.5139… at the "
     "global minimum. Compare the values at every local minimum."),
])
def test_minimize_names_another_critical_point_given_for_the_least(tmp_path, function, answer, note, message):
    item = _pack(tmp_path, f"  - id: e\n    kind: minimize\n    function: {function}\n")
    checked = respond(item.exercise("e").variant(), answer, isolated=False)
    assert (checked.verdict, checked.note, checked.message) == ("incorrect", note, message)


@functools.cache
def _not_minima(f: sympy.Expr, names: tuple[str, ...]) -> list[tuple[tuple[float, ...], bool, float]]:
    """The critical points of a polynomial f that are not minima, worked out here with sympy's numerical
    roots alone (in two variables, x from the resultant of the partials, then y): each point, whether it
    is a saddle point, and f″ (one variable) or D (two) there."""
    syms = [symbol(v) for v in names]
    partials = [sympy.diff(f, s) for s in syms]
    if len(syms) == 1:
        points = [(r,) for r in sympy.Poly(partials[0], syms[0]).nroots(n=30)]
    else:
        x, y = syms
        points = []
        for r in sympy.Poly(sympy.resultant(*partials, y), x).nroots(n=30):
            if r.is_real:
                points += [(r, s) for s in sympy.Poly(partials[1].xreplace({x: r}), y).nroots(n=30)]
    found = []
    for point in points:
        if not all(c.is_real for c in point) or any(abs(g.xreplace(dict(zip(syms, point)))) > 1e-12 for g in partials):
            continue
        hessian = sympy.hessian(f, syms).xreplace(dict(zip(syms, point)))
        D, fxx = float(hessian.det()), float(hessian[0, 0])
        if D < 0 or (D > 0 and fxx < 0):  # in one variable D is f″: negative at a maximum
            found.append((tuple(float(c) for c in point), len(syms) == 2 and D < 0, D))
    return found


def test_every_draw_of_the_packs_names_its_maxima_and_saddles_truly():
    """For each draw of the built-in local_minima exercises, each critical point that is no minimum, typed to
    the places asked where a minimum belongs, is named, with its kind and f″ or D as sympy finds them."""
    checked = 0
    for pack in (LESSON, DRILLS):
        for spec in pack.exercises:
            if spec.kind != "local_minima":
                continue
            for params in dict.fromkeys([*(spec.drawn_values(key) for key in range(40)), spec.values(None)]):
                item = spec.with_values(params)
                problem = item.problem
                minima = [tuple(float(c) for c in p.point) for p in problem.minima.points]
                for point, saddle, value in _not_minima(problem.function, problem.variables):
                    # for every local minimum: in the place of the last one, from left to right
                    chosen = sorted([*minima[:-1], point]) if problem.ask.value == "all" else [point]
                    typed = ", ".join(f"({', '.join(f'{c:.4f}' for c in p)})" if len(p) > 1 else f"{p[0]:.4f}"
                                      for p in chosen)
                    checked_answer = respond(item, typed, isolated=False)
                    said = checked_answer.message
                    assert checked_answer.note == "misconception:maxima-counted-as-minima", (spec.id, params, typed)
                    assert ("a saddle point" if saddle else "a local maximum") in said
                    where = re.search(r": at \(?([^,)]*)", said).group(1).split("≈")[-1]  # its first coordinate
                    assert abs(float(where.strip().rstrip("…")) - point[0]) < 1e-5, said
                    quoted = re.search(r"(?:f″|D) = ([^<>]*?) [<>] 0", said).group(1).split("≈")[-1]
                    assert abs(float(quoted.strip().rstrip("…")) - value) < 1e-4 * max(1, abs(value)), said
                    checked += 1
    assert checked >= 100  # 100 points: every draw of the lesson's five exercises and the drills' two


# read as the lesson lists values of one variable (x = -1.3008, x = 1.1309), as critical points in one variable are:
# "(-1.3008, 1.1309)" looked like one point in the plane
@pytest.mark.parametrize("answer, verdict, message, reading", [
    # the right minima in another order: "Your first component 1.1309 is not right to 4 decimal places."
    ("1.1309, -1.3008", "incorrect", "Those are the local minima of f, but not from left to right: write the least "
                                     "first.", "x = 1.1309, x = -1.3008"),
    # the same, rounded: "Your first component 1.13 is not right to 4 decimal places. Your second component is
    # not right either."
    ("1.13, -1.30", "incorrect", "Those are the local minima of f rounded to fewer decimal places than asked, and "
                                 "not from left to right: write the least first, to 4 decimal places.",
     "x = 1.13, x = -1.30"),
    ("-1.30, 1.13", "incorrect", "Your first minimum and second minimum are right to fewer decimal places than "
                                 "asked; give them to 4 decimal places.", "x = -1.30, x = 1.13"),
    # a lone number was "A vector is expected here, like (4, 6)."
    ("1.1309", "incorrect", "Your answer gives 1 of the 2 local minima of f; give every one, from left to right.",
     "x = 1.1309"),
    # one number that is no minimum was "f has 2 local minima, but your answer gives 1.", as if one was found
    ("0.5", "incorrect", "x = 0.5 is not a local minimum of f, which has 2: give every one, from left to right.",
     "x = 0.5"),
    ("5", "incorrect", "x = 5 is not a local minimum of f, which has 2: give every one, from left to right.", "x = 5"),
    ("1.1319", "incorrect", "x = 1.1319 is close to one of the 2 local minima of f, but not right to 4 decimal places; "
                            "give every one, from left to right.", "x = 1.1319"),
    ("0.1699", "incorrect", "It looks like you gave a critical point that is a local maximum: at 0.169938…, "
                            "f″ = -5.65345… < 0. A local minimum has f″ > 0. Your answer gives none of the 2 local "
                            "minima of f.", "x = 0.1699"),
    ("-1.3008, 1.1309, 2", "incorrect", "f has 2 local minima, but your answer gives 3.",
     "x = -1.3008, x = 1.1309, x = 2"),
    # a set was "Each component must be a single expression."
    ("{-1.3008, 1.1309}", "correct", "Correct (to 4 decimal places).", "x = -1.3008, x = 1.1309"),
    # a set has no order to be wrong: read from left to right
    ("{1.1309, -1.3008}", "correct", "Correct (to 4 decimal places).", "x = -1.3008, x = 1.1309"),
    # as `tutor solve minimize` lists them
    ("x = -1.3008, x = 1.1309", "correct", "Correct (to 4 decimal places).", "x = -1.3008, x = 1.1309"),
    ("-1.3008, 1.1310", "incorrect", "Your second minimum 1.1310 is not right to 4 decimal places.",
     "x = -1.3008, x = 1.1310"),
    # the values of f at the minima: "Your first component -3.5139 is not right to 4 decimal places."
    ("-3.5139, -1.0702", "incorrect", "It looks like you gave the minimum values -3.5139… and -1.07023… of f, not "
                                      "the x where each is reached.", "x = -3.5139, x = -1.0702"),
])
def test_local_minima_of_one_variable_are_told_what_is_wrong_with_the_list(answer, verdict, message, reading):
    checked = respond(exercise("local-minima-1d"), answer, isolated=False)
    assert (checked.verdict, checked.message, checked.reading) == (verdict, message, reading)


def test_a_set_of_numbers_that_is_no_list_keeps_its_own_error():
    checked = respond(exercise("local-minima-1d"), "{1} + {2}", isolated=False)
    assert (checked.verdict, checked.message) == ("invalid", "Unexpected '+'.")


@pytest.mark.parametrize("answer, verdict, message", [
    ("(-1.0356, 0), (0.9602, 0)", "incorrect",
     "(0.9602, 0) is close to one of the right points, but its x is not right to 4 decimal places."),
    ("(-1.0356, 0), (0.9601, 0)", "correct", "Correct (to 4 decimal places)."),
    ("(-1.0356, 0), (0.97, 0)", "incorrect", "(0.97, 0) does not belong in the answer. 1 point is missing."),
    ("(-1.0356, 0), (0.96, 0)", "incorrect",  # 0.96015…: a rounding, not a slip in the last digit
     "(0.96, 0) is one of the right points rounded to 2 decimal places; give it to 4 decimal places."),
    # the saddle point alone was "(0.0754, 0) does not belong in the answer. 2 points are missing."
    ("(0.0754, 0)", "incorrect", "It looks like you gave a critical point that is a saddle point: at (0.0754291…, 0), "
                                 "D = -7.86345… < 0. A local minimum has D > 0 and f_xx > 0. Your answer gives none "
                                 "of the 2 local minima of f."),
])
def test_local_minima_off_in_the_last_digit(answer, verdict, message):
    # 0.9602 for 0.96015 was "(0.9602, 0) does not belong in the answer. 1 point is missing."
    checked = respond(exercise("local-minima-2d"), answer, isolated=False)
    assert (checked.verdict, checked.message) == (verdict, message)


@pytest.mark.parametrize("answer", ["x = 0.9601, y = 0", "y = 0, x = 0.9601", "(0.9601, 0)"])
def test_where_descent_ends_in_two_variables_may_be_given_by_name(answer):
    # "x = 0.9601, y = 0" was "Write the vector without names", though a descent step takes it
    checked = respond(exercise("local-minima-2d-end"), answer, isolated=False)
    assert (checked.verdict, checked.reading) == ("correct", "(0.9601, 0)")


@pytest.mark.parametrize("exercise_id, answer, message", [
    # each was "Each component must be a single expression.", or "A single number is expected here, not a list."
    ("local-minima-2d-end", "(0.9601, 0), (-1.0356, 0)",
     "(0.9601, 0), (-1.0356, 0)\n             ^\nOne point is asked for here: where gradient descent from (0.5, 1) ends."),
    ("local-minima-1d-end", "-1.3008, 1.1309",  # the caret under the second number, as under a second point
     "-1.3008, 1.1309\n         ^\nOne number is asked for here: where gradient descent from 1 ends."),
])
def test_a_list_where_one_place_is_asked_says_which_one(exercise_id, answer, message):
    checked = respond(exercise(exercise_id), answer, isolated=False)
    assert (checked.verdict, checked.note, checked.pointer(answer)) == ("invalid", "parse_error:shape", message)


@pytest.mark.parametrize("answer", ["{-1.3008, 1.1309}", "-1.3008, 1.1309"])
def test_a_list_of_the_global_minimum_and_another_is_told_what_does_not_belong(answer):
    # finding 209: as where f is least at several x; it was "One number is asked for here: where f is least."
    checked = respond(exercise("local-minima-1d-global"), answer, isolated=False)
    assert (checked.verdict, checked.message, checked.reading) == (
        "incorrect", "x = 1.1309 does not belong in the answer.", "x = -1.3008, x = 1.1309")


@pytest.mark.parametrize("function, answer, verdict, message, reading", [
    # f is least at both: the list of exactly those is right (the prompt says "give one"; each is one)
    ("x^4 - 2x^2 + y^2", "(-1, 0), (1, 0)", "correct", "Correct.", "{(-1, 0), (1, 0)}"),
    ("x^4 - 2x^2 + y^2", "{(1, 0), (-1, 0)}", "correct", "Correct.", "{(1, 0), (-1, 0)}"),
    ("x^4 - 2x^2 + y^2", "(1, 0)", "correct", "Correct.", "(1, 0)"),
    # a list is an answer's shape here: a wrong one is wrong, not invalid (finding 120)
    ("x^4 - 2x^2 + y^2", "(-1, 0), (0, 0)", "incorrect", "(0, 0) does not belong in the answer.",
     "{(-1, 0), (0, 0)}"),
    ("x^4 - 2x^2 + y^2", "(-1, 0), (1, 0), (0, 0)", "incorrect", "(0, 0) does not belong in the answer.",
     "{(-1, 0), (1, 0), (0, 0)}"),
    ("x^4 - 2x^2", "1, -1", "correct", "Correct.", "x = 1, x = -1"),
    ("x^4 - 2x^2", "-1, 0", "incorrect", "x = 0 does not belong in the answer.", "x = -1, x = 0"),
])
def test_every_global_minimum_listed_where_one_is_asked(tmp_path, function, answer, verdict, message, reading):
    pack_file(tmp_path, f'{{id: g, kind: local_minima, function: "{function}", ask: global}}')
    item = packs.load(tmp_path / "p.yaml").exercise("g").variant()
    checked = respond(item, answer, isolated=False)
    assert (checked.verdict, checked.message, checked.reading) == (verdict, message, reading)


@pytest.mark.parametrize("function, answer, verdict, message, reading", [
    # "Find an x that minimises f": f is least at both, so the list of exactly those is right, as for
    # local_minima's global minimum (it was "A single number is expected here, not a list.")
    ("x^4 - 2x^2", "-1, 1", "correct", "Correct.", "x = -1, x = 1"),
    ("x^4 - 2x^2", "{1, -1}", "correct", "Correct.", "x = 1, x = -1"),
    ("x^4 - 2x^2", "1", "correct", "Correct.", "1"),
    ("x^4 - 2x^2", "-1, 0", "incorrect", "x = 0 does not belong in the answer.", "x = -1, x = 0"),
    ("x^4 - 2x^2", "-1, 1, 0", "incorrect", "x = 0 does not belong in the answer.", "x = -1, x = 1, x = 0"),
    ("cos(x) + x^2/10", "-2.5957, 2.5957", "correct", "Correct (to 4 decimal places).",
     "x = -2.5957, x = 2.5957"),
    ("x^2 - 2abs(x)", "1, -1", "correct", "Correct.", "x = 1, x = -1"),  # solved between its kinks
    # where f is least at one x, a list is judged so too (finding 209: it was "A single number is expected here,
    # not a list.", while 1, 1 was read as a list)
    ("(x - 1)^2", "1, 2", "incorrect", "x = 2 does not belong in the answer.", "x = 1, x = 2"),
    ("(x - 1)^2", "1, 1", "correct", "Correct.", "x = 1, x = 1"),
])
def test_a_minimize_exercise_takes_every_x_where_f_is_least(tmp_path, function, answer, verdict, message, reading):
    pack_file(tmp_path, f'{{id: m, kind: minimize, function: "{function}"}}')
    item = packs.load(tmp_path / "p.yaml").exercise("m").variant()
    checked = respond(item, answer, isolated=False)
    assert (checked.verdict, checked.message, checked.reading) == (verdict, message, reading)


@pytest.mark.parametrize("function, prompt", [
    # f falls without bound: no x minimises it, and the question does not say one does
    ("x^3 - 3x", "Find the x where f(x) = x³ - 3x has its local minimum."),
    ("x^5 - 5x + 1", "Find the x where f(x) = x⁵ - 5x + 1 has its local minimum."),
    ("x^2 - 2abs(x) - 0.1x^3", "Find the x where f(x) = -2|x| - 0.1x³ + x² has its least local minimum."),
    ("x^4 - 2x^2", "Find an x that minimises f(x) = x⁴ - 2x²."),
    ("x^4 - 8x^3 + 10", "Find the x that minimises f(x) = x⁴ - 8x³ + 10."),
])
def test_a_minimize_prompt_asks_for_a_local_minimum_where_f_is_lower_elsewhere(tmp_path, capsys, function, prompt):
    pack_file(tmp_path, f'{{id: m, kind: minimize, function: "{function}"}}')
    assert packs.load(tmp_path / "p.yaml").exercise("m").variant().prompt() == prompt
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0
    assert capsys.readouterr().out.endswith("valid (1 exercise; each one's answer grades as correct)\n")


@pytest.mark.parametrize("function, answer, verdict, feedback", [
    ("x^2 - y^2 + z^4", "saddle", "correct", "Correct."),
    ("x^2 - y^2 + z^4", "inconclusive", "incorrect",
     "The second-derivative test is not inconclusive here: it decides."),
    ("x^2 + y^2 + z^4", "inconclusive", "correct", "Correct."),
    ("x^2 + y^2 + z^4", "saddle", "incorrect", "It is not a saddle point."),
])
def test_classify_a_point_of_three_variables_where_the_determinant_is_0(tmp_path, function, answer,
                                                                       verdict, feedback):
    # diag(2, -2, 0) is indefinite: a saddle, though its leading minors stop at 0 (diag(2, 2, 0): undecided)
    pack_file(tmp_path, f'{{id: c, kind: classify_point, function: "{function}", at: [0, 0, 0]}}')
    item = packs.load(tmp_path / "p.yaml").exercise("c").variant()
    checked = respond(item, answer, isolated=False)
    assert (checked.verdict, checked.message) == (verdict, feedback)
    if function == "x^2 - y^2 + z^4":
        assert item.hints()[2] == "Here the leading principal minors are 2, -4, 0; the principal minor in x, y is -4 < 0."


# ------------------------------------------------------------------ tutor solve


def run(capsys, *argv: str) -> tuple[int, str]:
    status = main(["solve", *argv])
    return status, capsys.readouterr().out


def test_a_fit_to_whole_numbers_gives_m_and_b_alike(capsys):
    # zoe's points (0, 0), (1, 8), (2, 1), (3, 7): the answer was shown "(7/5, 1.9)"; whole-number data have an
    # exact fit (finding 114), both in fractions
    assert main(["pack", "show", "drills", "ls-four-points", "--student", "zoe", "--answers"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "   answer: (7/5, 19/10)"


def test_solve_fix_steps_write_f_as_typed(capsys):
    # was "d/dy f(2, y) for f = y² + x², with x = 2: 2y"
    status, out = run(capsys, "fix", "x^2 + y^2", "--fix", "x=2", "--steps")
    assert status == 0 and "d/dy f(2, y) for f = x² + y², with x = 2: 2y" in out.splitlines()


def test_the_sauna_wall_hint_writes_0_where_x_was():
    # was "T(0, y) = 85 - 0²(-6 + 0)y²(y - 6)/90: now work out the numbers."
    assert exercise("sauna-wall-temperature").hints()[2] == \
        "T(0, y) = 85 - 0²(0 - 6)y²(y - 6)/90: now work out the numbers."


def test_solve_fix_and_cost(capsys):
    status, out = run(capsys, "fix", "x^2 + y^2", "--fix", "y=4")
    assert status == 0 and out.splitlines()[1:] == [
        "fix y = 4: f(x, 4) = x² + 4² = x² + 16", "d/dx f(x, 4) = 2x: the slope of the tangent line along x"]
    status, out = run(capsys, "cost", "--points", "(1,2), (2,5), (3,3)", "--at", "m=1/2,b=7/3")
    assert status == 0 and out.splitlines() == [
        "E(m, b) = Σ(mxᵢ + b − yᵢ)² on 3 points", "(m + b - 2)² = m² + b² + 4 + 2mb - 4m - 4b",
        "(2m + b - 5)² = 4m² + b² + 25 + 4mb - 20m - 10b", "(3m + b - 3)² = 9m² + b² + 9 + 6mb - 18m - 6b",
        "E(m, b) = 14m² + 3b² + 38 + 12mb - 42m - 20b", "E(1/2, 7/3) = 25/6 ≈ 4.16667"]


def test_solve_rates_and_minimize_with_a_window(capsys):
    status, out = run(capsys, "rates", "x^2", "--start", "1", "--rates", "1.1,0.9,0.25,0.001", "--iterations", "20")
    assert status == 0
    assert out.splitlines()[-5:] == [
        "α = 1.1: diverges (|f′| grew from 2 to 76.7 within 20 steps, and keeps growing)",
        "α = 0.9: oscillates (19 of its 19 pairs of steps go back the way they came, and |f′| fell from 2 to 0.0231: it "
        "closes in, zigzagging, but not below 0.0001 within 20 steps)",
        "α = 0.25: converges (|f′| is below 0.0001 after 15 steps)",
        "α = 0.001: is too slow (after 20 steps |f′| = 1.92 is still above 0.0001)",
        "best: α = 0.25"]
    status, out = run(capsys, "minimize", "x^4 - 3x^2 + x", "--region", "0 <= x <= 5")
    assert status == 0 and out.splitlines()[2:] == [  # the least in the region first, the lower one outside after
        "minimum in the region: f(1.1309…) = -1.07023…", "region: 0 ≤ x ≤ 5", "local minima in the region: x = 1.1309…",
        "outside the region: x = -1.30083…",
        "the least local minimum, outside the region: f(-1.30083…) = -3.5139…; it is the global minimum"]
    status, out = run(capsys, "minimize", "(x^2 - 1)^2 + y^2 + 0.3x", "--region", "0 <= x <= 2")
    assert status == 0 and out.splitlines()[1:] == [
        "region: 0 ≤ x ≤ 2", "local minima in the region:", "  (0.960149…, 0): f = 0.294146…",
        "outside the region:", "  (-1.03557…, 0): f = -0.305428…",
        "the least: f(0.960149…, 0) = 0.294146…",  # the least in the region; the lower one outside, as outside
        "the least local minimum, outside the region: f(-1.03557…, 0) = -0.305428…; it is the global minimum",
        # a strip, no bound on y: its sides and far reaches are not looked at
        "note: f's values on the region's boundary, and far out in it if it goes on without end, are not looked at, "
        "and may be lower than these"]


@pytest.mark.parametrize("iterations", [[], ["--iterations", "100"]])
def test_a_diverging_descent_shows_its_rows_then_says_so(capsys, iterations):
    status, out = run(capsys, "descent", "x^2", "--start", "1", "--rate", "1.5", *iterations, "--steps")
    assert status == 0
    table, derivation = out.split("Steps:")
    rows = [line.split() for line in table.splitlines() if line[:2].strip().isdigit()]
    assert [row[1] for row in rows[:4]] == ["1", "-2", "4", "-8"] and rows[-1][0] == "21"
    assert table.rstrip().endswith("diverged at iteration 21: the values grew without bound; try a smaller "
                                   "learning rate")
    assert derivation.rstrip().endswith("Diverged at iteration 21: the values grew without bound; try a smaller "
                                        "learning rate.")
    assert "Iteration 20:" in derivation and "Iteration 21:" in derivation


# ------------------------------------------------------------------ hostile text for the learning-rate words

RATES = exercise("learning-rates-x2").problem
PIECES = st.sampled_from([*WORDS, "too large", "1.1:", "0.9 →", "α = 0.25:", "0.001", ",", ";", "\n", " ", "1/0",
                          "9^9^9", "(", "é", "\x00"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=12).map("".join)))
def test_any_text_is_read_as_a_word_per_rate_or_refused_with_a_sentence(text):
    try:
        read = read_labels(text, RATES.rates, RATES.shown_rates()).value
    except InputError as error:
        assert error.message and not error.message.endswith(".")  # the check makes it a sentence
        assert error.column is None or 0 <= error.column <= len(text)
        return
    assert len(read.split(", ")) == 4 and all(word in WORDS.values() for word in read.split(", "))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list(WORDS)), min_size=4, max_size=4), st.sampled_from([", ", "; ", "\n"]))
def test_every_spelling_of_the_words_reads_and_grades(words, separator):
    verdict = respond(exercise("learning-rates-x2"), separator.join(words))
    right = [WORDS[w] for w in words] == ["diverges", "oscillates", "converges", "too slow"]
    assert verdict.verdict == ("correct" if right else "incorrect")


@pytest.mark.parametrize("answer, message, credit", [
    ("(4, 4), x = 0, y = 0, (0, -7)", "It looks like you included (0, -7), which lies outside the region "
                                      "0 ≤ x ≤ 5, 0 ≤ y ≤ 5. Keep only the critical points inside it.", 2 / 3),
    ("(4, 4), x = 0, y = 0, (0, 100), (6, 0)", "It looks like you included (0, 100) and (6, 0), which lie outside "
                                               "the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5. Keep only the critical points "
                                               "inside it.", 1 / 3),
])
def test_a_point_of_a_critical_line_outside_the_region_does_not_belong(answer, message, credit):
    # (0, -7) is on the sauna's wall x = 0, a whole line of critical points, but outside the region:
    # it was graded correct, while (6, 6) off every line was not; it is told as (6, 6) is (finding 420)
    got = verdict("sauna-critical-points", answer)
    assert (got.verdict.value, got.note, got.message, round(got.credit, 4)) == (
        "incorrect", "misconception:outside-region", message, round(credit, 4))
    assert verdict("sauna-critical-points", "(4, 4), x = 0, y = 0, (0, 3)").correct  # inside: on a line, so in it


TIES = """\
pack: ties
exercises:
  - {id: m1, kind: minimize, function: "(x^2-1)^2"}
  - {id: m6, kind: minimize, function: "x^6 - x^4", tolerance: "dp:4"}
  - {id: l5, kind: local_minima, function: "(x^2-1)^2", ask: global}
  - {id: t1, kind: learning_rate, function: "x^2", start: 1, rates: [0.25, 0.75, 0.01], iterations: 30, ask: best}
  - {id: m7, kind: minimize, function: "abs(x - 1) + abs(x + 1)"}
"""


@pytest.mark.parametrize("exercise_id, right, wrong", [
    ("m1", ["-1", "1"], ["0"]),  # (x² − 1)² is 0 at both ±1
    ("m6", ["-sqrt(6)/3", "sqrt(6)/3", "0.8165", "-0.8165"], ["0"]),  # f(±√6/3) = -4/27
    ("l5", ["-1", "1", "1.0000"], ["0"]),
    ("t1", ["0.25", "0.75"], ["0.01"]),  # |1 − 2α| = 1/2 for both: 15 steps each
    # f = 2 all along [-1, 1]: every x there minimises f (only -1 was right, and 0 was told it was wrong)
    ("m7", ["-1", "0", "x = 0", "1/3", "sqrt(2)/2", "1", "0.5"], ["2", "1.5", "-1.0001"]),
])
def test_where_several_answers_are_as_right_each_is_correct(tmp_path, exercise_id, right, wrong):
    # the second minimiser (or the second rate as fast) was graded incorrect, with a false diagnosis
    (tmp_path / "t.yaml").write_text(TIES, encoding="utf-8")
    variant = packs.load(tmp_path / "t.yaml").exercise(exercise_id).variant()
    assert [respond(variant, text).verdict.value for text in right + wrong] == \
        ["correct"] * len(right) + ["incorrect"] * len(wrong)


def test_a_prompt_says_when_several_answers_are_right(tmp_path):
    (tmp_path / "t.yaml").write_text(TIES, encoding="utf-8")
    pack = packs.load(tmp_path / "t.yaml")
    assert pack.exercise("m1").variant().problem.prompt() == "Find an x that minimises f(x) = (x² - 1)²."
    assert pack.exercise("m7").variant().problem.prompt() == "Find an x that minimises f(x) = |x - 1| + |x + 1|."
    assert pack.exercise("l5").variant().problem.prompt() == (
        "Where is a global minimum of f(x) = (x² - 1)²? f is least at 2 points: give one (to 4 decimal places).")
    assert exercise("minimum-x2").problem.prompt().startswith("Find the x that minimises")


def test_a_stop_that_rounding_decides_is_refused(tmp_path):
    # x² from 1 at rate 0.45: xₖ = 0.1ᵏ, so |f′(x₂)| is 0.02 exactly and not below 0.02 (3 iterations),
    # but 0.01999999999999999 in floats: the tutor expected 2 and told a right 3 it was wrong
    document = ("pack: st\nexercises:\n"
                "  - {id: h, kind: stopping, function: 'x^2', start: 1, rate: 0.45, until: 0.02}\n")
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(document, "st.yaml", tmp_path)
    assert refused.value.problems[0].endswith(
        "exercise 'h': |f′| at iteration 2 is 0.02 up to rounding, so whether it is below depends on the rounding; "
        "choose another 'until'")
    assert packs.load_text(document.replace("0.02", "0.03"), "st.yaml", tmp_path).exercise("h").variant().expected()


@pytest.mark.parametrize("answer, right", [
    ("(4, 4), xy = 0", True),  # the two walls at once: xy is 0 where x or y is
    ("(4, 4), x y^2 = 0, x^2 y = 0", True),
    ("(4, 4), x^2 y = 0", True),
    ("(4, 4), x y (x - 4) = 0", False),  # x = 4 is no line of critical points
    ("(4, 4), atan(x) atan(y) = 0", True),  # finding 730: atan is 0 where its argument is, and has a value everywhere
    ("(4, 4), sinh(x) tanh(3y) = 0", True),
    ("(4, 4), |x| asinh(y) = 0", True),
])
def test_a_product_set_to_zero_is_the_lines_of_its_factors(answer, right):
    # "(4, 4), xy = 0" was told "xy = 0 does not belong in the answer"
    got = verdict("sauna-critical-points", answer)
    assert got.correct == right
    if not right:
        assert got.message == "x - 4 = 0 does not belong in the answer."


def _critical_points_pack(tmp_path, function: str) -> packs.Exercise:
    document = f"pack: cp\nexercises:\n  - {{id: a, kind: critical_points, function: '{function}'}}\n"
    return packs.load_text(document, "cp.yaml", tmp_path).exercise("a")


@pytest.mark.parametrize("function, answer", [
    ("(x+y)^2 + 1", "(x+y)^2 = 0"),  # a power of the line's equation: the same points
    ("(x+y)^2 + 1", "(x+y)^3 = 0"),
    ("(x+y)^2 + 1", "x^2 + 2xy + y^2 = 0"),  # the power multiplied out
    ("(x+y)^2 + 1", "|x + y| = 0"),
    ("(x+y)^2 + 1", "(x+y)(x^2+1) = 0"),  # x² + 1 is never 0
    ("(x-2y)^2", "(x - 2y)^2 = 0"),
    ("(x-2y)^2", "(2y - x)(x^2 + y^2 + 1) = 0"),  # x² + y² + 1 is never 0 either
    ("(x^2+y^2)*exp(-x^2-y^2)", "(0,0), sqrt(x^2+y^2) = 1"),  # r = 1: the circle itself
    ("(x^2+y^2)*exp(-x^2-y^2)", "(0,0), (x^2+y^2-1)^2 = 0"),
    ("(x^2+y^2)*exp(-x^2-y^2)", "(x^2 + y^2)(x^2+y^2-1) = 0"),  # x² + y² = 0 is the point (0, 0)
])
def test_a_locus_is_judged_by_its_points(tmp_path, function, answer):
    # each was told "… does not belong in the answer. A line is missing." while x² = 0 for x = 0 was right
    got = respond(_critical_points_pack(tmp_path, function).variant(), answer)
    assert (got.correct, got.message) == (True, "Correct.")


@pytest.mark.parametrize("function, answer, message", [
    ("(x+y)^2 + 1", "(x+y-1)^2 = 0", "(x + y - 1)² = 0 does not belong in the answer. A line is missing."),
    ("(x+y)^2 + 1", "x^2 + 1 = 0", "x² + 1 = 0 does not belong in the answer. A line is missing."),
    ("(x+y)^2 + 1", "|x + y| = 1", "x + y - 1 = 0, x + y + 1 = 0 do not belong in the answer. A line is missing."),
    ("(x^2+y^2)*exp(-x^2-y^2)", "(0,0), sqrt(x^2+y^2) = 2",
     "√(x² + y²) = 2 does not belong in the answer. A line is missing."),
    ("(x^2+y^2)*exp(-x^2-y^2)", "x^2 + y^2 = 0", "A line is missing."),
    # √x·y is 0 on y = 0 only where √x has a value: half the line
    ("x^2 y^2", "sqrt(x) y = 0", "y√x = 0 does not belong in the answer. 2 lines are missing."),
    ("x^2 y^2", "x sqrt(y) = 0", "x√y = 0 does not belong in the answer. 2 lines are missing."),
    ("x^2 y^2", "ln(x) y = 0", "y ln(x) = 0 does not belong in the answer. 2 lines are missing."),
])
def test_a_wrong_locus_stays_wrong_however_written(tmp_path, function, answer, message):
    got = respond(_critical_points_pack(tmp_path, function).variant(), answer)
    assert (got.correct, got.message) == (False, message)


@pytest.mark.parametrize("exercise, answer", [
    ("critical-x2y2", "x^2 + y^2 = 0"),
    ("sauna-critical-points", "(4,4), x = 0, y = 0, (x - 4)^2 + (y - 4)^2 = 0"),
    ("sauna-critical-points", "x = 0, y = 0, (x - 4)^2 + (y - 4)^2 = 0"),
    ("sauna-critical-points", "x y ((x - 4)^2 + (y - 4)^2) = 0"),
    # finding 671: a sum of even powers or absolute values is 0 where each base is, and eᵘ = 1 where u = 0
    ("sauna-critical-points", "(4,4), x = 0, y = 0, |x - 4| + |y - 4| = 0"),
    ("sauna-critical-points", "x = 0, y = 0, (x - 4)^4 + (y - 4)^2 = 0"),
    ("critical-x2y2", "|x| + |y| = 0"),
    ("critical-x2y2", "e^(x^2 + y^2) = 1"),
    ("sauna-critical-points", "x = 0, y = 0, e^((x - 4)^2 + (y - 4)^2) = 1"),
])
def test_an_equation_zero_at_one_point_alone_is_that_point(exercise, answer):
    # finding 658: (x - 4)² + (y - 4)² = 0, which holds at (4, 4) alone, was "does not belong in the answer" where
    # x² + y² = 0 was (0, 0)
    assert (verdict(exercise, answer).correct, verdict(exercise, answer).message) == (True, "Correct.")


def test_an_equation_zero_at_one_wrong_point_alone_names_that_point():
    assert verdict("sauna-critical-points", "(4,4), x = 0, y = 0, (x - 4)^2 + (y - 3)^2 = 0").message == \
        "(4, 3) does not belong in the answer."
    assert verdict("sauna-critical-points", "x = 0, y = 0, |x - 3| + |y - 4| = 0").message == \
        "(3, 4) does not belong in the answer. 1 point is missing."
    assert verdict("critical-x2y2", "e^(x^2 + y^2) = 2").message == \
        "e^(x² + y²) = 2 does not belong in the answer. 1 point is missing."
    assert verdict("critical-x2y2", "|x| - |y| = 0").message == \
        "|x| - |y| = 0 does not belong in the answer. 1 point is missing."


def test_a_never_zero_factor_leaves_the_lessons_lines():
    # "(4,4), x*y*(x^2+1) = 0" was told "x² + 1 = 0 does not belong in the answer."
    assert verdict("sauna-critical-points", "(4,4), x*y*(x^2+1) = 0").correct
    assert verdict("sauna-critical-points", "(4,4), |x| = 0, y^2 = 0").correct
    assert verdict("sauna-critical-points", "(4,4), x*y*(x^2+1)*(y-4) = 0").message == \
        "y - 4 = 0 does not belong in the answer."
    # a factor never 0 by the bounds of sin and cos, as the equation check knows it (outside check h11, F5)
    assert verdict("sauna-critical-points", "(4,4), x*y*(1 + sin(x) cos(x)) = 0").correct
    assert verdict("sauna-critical-points", "(4,4), x*y*(2 + cos(x)) = 0").correct
    assert not verdict("sauna-critical-points", "(4,4), x*y*(1 + sin(x)) = 0").correct  # 0 at x = -π/2


# ------------------------------------------------------------------ hints speak as the steps do

def _hints(tmp_path, **keys) -> tuple[str, ...]:
    data = ", ".join(f"{key}: {value}" for key, value in keys.items())
    return packs.load_text(pack_text(f"{{id: e, {data}}}"), "p.yaml", tmp_path).exercises[0].variant().hints()


def test_descent_hints_write_numbers_and_points_as_the_steps_do(tmp_path):
    # they said "(2.0000, 4.0000)" and "you are at 0.80000, 0.60000" where the steps say (2, 4) and (0.8, 0.6)
    assert _hints(tmp_path, kind="gradient_descent", function="'x^2 + 2y^2'", start="[1, 1]", rate=0.1,
                  iterations=2) == (
        "Each step moves against the gradient: new point = old point − α·∇f(old point).",
        "At the start the gradient is (2, 4).",
        "After one step you are at (0.8, 0.6); repeat 1 more time.")


def test_hints_for_one_variable_speak_of_f_prime(tmp_path):
    # they spoke of ∇f, and of "(f″ > 0, or D > 0 and f_xx > 0)", for a function of x alone
    assert _hints(tmp_path, kind="gradient_descent", function="x^2", start=5, rate=0.25, iterations=1) == (
        "Each step moves against the derivative: new point = old point − α·f′(old point).",
        "At the start the slope is 10.", "Now compute the one step.")
    assert _hints(tmp_path, kind="local_minima", function="'x^4 - 2x^2'")[1] == (
        "A critical point is a local minimum where the second-derivative test says so (f″ > 0).")
    assert _hints(tmp_path, kind="local_minima", function="'x^4 - 2x^2 + y^2'")[1] == (
        "A critical point is a local minimum where the second-derivative test says so (D > 0 and f_xx > 0).")
    assert _hints(tmp_path, kind="stopping", function="x^3", start=1.2345, rate=0.01, until=0.1)[1] == (
        "At the start the slope is 4.57197; the first check is after the first step, at x₁.")  # was 4.572


def test_the_descent_in_a_local_minima_derivation_says_where_it_ends_at_the_lesson_s_level():
    # at practice's level it was a heading with nothing under it: "9. Gradient descent on f = … with
    # learning rate α = 0.1"
    from tutor.practice import lesson_steps
    shown, _ = lesson_steps(exercise("local-minima-2d-end").steps())
    assert shown.splitlines()[9] == ("9. Gradient descent on f = y² + 0.3x + (x² - 1)² from (0.5, 1) with learning "
                                     "rate α = 0.1: after 86 iterations the point is (0.9601496, 4.63168e-9).")
    assert render_text(exercise("descent-1d-step-1").steps()).splitlines()[0] == (
        "Gradient descent on f = eˣ - ln(x) from 0.05 with learning rate α = 0.005: after 1 iteration the point is "
        "0.144744")


def test_a_stop_in_two_variables_names_the_point_by_both_coordinates(tmp_path):
    # "at x₂₃, |∇f| = 0.011806 is not below 0.01 yet", for the point (x₂₃, y₂₃)
    pack = packs.load_text(pack_text("{id: e, kind: stopping, function: 'x^2 + 2y^2', start: [1, 1], rate: 0.1, "
                                     "until: 0.01}"), "p.yaml", tmp_path)
    item = pack.exercise("e").variant()
    assert respond(item, "23", isolated=False).message == (
        "It looks like you stopped one step early: at (x₂₃, y₂₃), |∇f| = 0.011806 is not below 0.01 yet, so one "
        "more iteration is needed.")
    assert respond(item, "25", isolated=False).message == (
        "It looks like you counted the last check as an iteration. Checking |∇f| at (x₂₄, y₂₄) is not a step: the "
        "descent took 24 iterations to reach (x₂₄, y₂₄), where |∇f| < 0.01.")


def test_a_slope_asked_to_a_decimal_place_ends_its_steps_with_the_decimal():
    # the steps ended at "f′(0.05) = e^0.05 - 20." where the exercise asks for 1 decimal place; then at
    # "≈ -18.9487", 6 significant digits, not the place asked (finding 415)
    assert render_text(exercise("descent-1d-slope").steps()).splitlines()[-1] == (
        "2. Put x = 0.05 into f′: f′(0.05) = e^0.05 - 1/0.05 = e^0.05 - 20 ≈ -18.9.")
    assert render_text(exercise("tv-mean-cost").steps()).splitlines()[0].endswith("= 65513/24000 ≈ 2.730")


def test_a_minimize_exercise_on_a_flat_minimum_is_valid(tmp_path, capsys):
    # max(0, x² - 1) and max(0, x) are least all along a stretch: they were refused as "f has no minimum"
    pack_file(tmp_path, '{id: hinge, kind: minimize, function: "max(0, x^2 - 1)"}',
              '{id: relu, kind: minimize, function: "max(0, x)"}')
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0
    assert capsys.readouterr().out.endswith("valid (2 exercises; each one's answer grades as correct)\n")
    # the last hint was "…; at a minimum f″ > 0", false all along a flat stretch, where f″ = 0
    hinge = packs.load(tmp_path / "p.yaml").exercise("hinge").variant()
    assert hinge.hints()[2] == ("f is a polynomial on each stretch between its corners: find the stretches where "
                                "f′ = 0 all along, and compare f there with its values at the corners.")



@pytest.mark.parametrize("function, right, wrong", [
    # least on x ≤ -1 and on x ≥ 1: 1 and 5 were marked wrong, only the stretch of the key was right (finding 84)
    ("max(0, 1 - x^2)", ["-1", "-5", "1", "5", "x = 3/2"], ["0.5", "-0.99"]),
    # least on -1 ≤ x ≤ 1 and at 3
    ("min((x - 3)^2, max(0, x^2 - 1))", ["-1", "1/2", "1", "3"], ["2", "1.1"]),
])
def test_a_minimize_exercise_least_on_several_stretches_accepts_any(tmp_path, function, right, wrong):
    document = pack_text(f"{{id: a, kind: minimize, function: '{function}'}}")
    variant = packs.load_text(document, "p.yaml", tmp_path).exercise("a").variant()
    assert [respond(variant, text).verdict.value for text in right + wrong] == \
        ["correct"] * len(right) + ["incorrect"] * len(wrong)

PERIODIC = """\
pack: periodic
exercises:
  - {id: sin, kind: minimize, function: "sin(x)"}
  - {id: sin2, kind: minimize, function: "sin(x)^2"}
  - {id: cos, kind: minimize, function: "cos(x)"}
  - {id: abssin, kind: minimize, function: "abs(sin(x))"}
  - {id: cos2x, kind: minimize, function: "1 - cos(2x)"}
  - {id: tie, kind: minimize, function: "x^4 - 2x^2"}
  - {id: glob, kind: local_minima, function: "x^4 - 2x^2", ask: global}
  - {id: cosq, kind: minimize, function: "cos(x) + x^2/10"}
  - {id: ss2, kind: minimize, function: "sin(x) + sin(2x)"}
  - {id: s2s, kind: minimize, function: "2sin(x) + sin(2x)"}
  - {id: ccq, kind: minimize, function: "cos(x) + cos(x)^2/2"}
  - {id: tan2, kind: minimize, function: "tan(x)^2"}
  - {id: sec2, kind: minimize, function: "sec(x)^2"}
  - {id: tan22, kind: minimize, function: "tan(x)^2 + 2"}
  - {id: cos2, kind: minimize, function: "1/cos(x)^2"}
  - {id: cot2, kind: minimize, function: "cot(x)^2"}
  - {id: cosabs, kind: minimize, function: "cos(abs(x)) + 1"}
  - {id: cos4, kind: minimize, function: "cos(x)^4"}
"""


@pytest.fixture(scope="module")
def periodic(tmp_path_factory):
    path = tmp_path_factory.mktemp("periodic") / "p.yaml"
    path.write_text(PERIODIC, encoding="utf-8")
    return packs.load(path)


@pytest.mark.parametrize("exercise_id, prompt, right, wrong", [
    # periodic with poles, where f rises to +∞ on both sides: every kπ is right, not 0 alone (finding 90)
    ("tan2", "Find an x that minimises f(x) = tan(x)².", ["0", "pi", "-pi", "2pi", "x = 100pi"], ["pi/2", "1"]),
    ("sec2", "Find an x that minimises f(x) = sec(x)².", ["0", "pi", "-pi", "2pi", "-7pi"], ["pi/2", "1"]),
    ("tan22", "Find an x that minimises f(x) = tan(x)² + 2.", ["0", "pi", "-pi", "5pi"], ["pi/4", "2"]),
    ("cos2", "Find an x that minimises f(x) = 1/cos(x)².", ["0", "pi", "-3pi"], ["pi/2", "pi/3"]),
    ("cot2", "Find an x that minimises f(x) = cot(x)².", ["pi/2", "-pi/2", "3pi/2"], ["0", "pi"]),
    # cos|x| is cos x: periodic, least at every odd multiple of π (finding 95)
    ("cosabs", "Find an x that minimises f(x) = cos(|x|) + 1.", ["pi", "-pi", "3pi", "-5pi"], ["0", "2pi"]),
])
def test_every_minimiser_of_a_periodic_function_with_poles_or_corners_is_right(periodic, exercise_id, prompt,
                                                                               right, wrong):
    variant = periodic.exercise(exercise_id).variant()
    assert variant.problem.prompt() == prompt
    assert [respond(variant, text).verdict.value for text in right + wrong] == \
        ["correct"] * len(right) + ["incorrect"] * len(wrong)


def _refused(document: str, tmp_path) -> list[str]:
    """What validation says of a pack whose exercises can't be keyed: each is refused by validation, and left
    out where the pack is loaded (practice, the grader), not the pack refused (finding 170)."""
    (tmp_path / "lm.yaml").write_text(document, encoding="utf-8")
    assert packs.load(tmp_path / "lm.yaml").exercises  # the pack loads
    return packs.check(tmp_path / "lm.yaml")[1]


@pytest.mark.parametrize("function, value", [("sin(x^2)", "-1"), ("cos(x^2)", "-1"), ("sin(sqrt(x^2 + 1))", "-1"),
                                             ("2 - cos(x^2)", "1")])
def test_a_minimum_reached_at_infinitely_many_places_without_a_period_is_refused(tmp_path, function, value):
    # sin(x²) = -1 wherever x² = 3π/2 + 2kπ: the key held the first pair and √(7π/2) was marked wrong (finding 91)
    document = f"pack: lm\nexercises:\n  - {{id: a, kind: minimize, function: '{function}'}}\n"
    assert _refused(document, tmp_path)[0].endswith(
        f"exercise 'a': f = {value} at infinitely many x, which do not repeat with a period, so no key can list "
        "them all: ask in a window (a critical_points exercise with a region), or use another function")


@pytest.mark.parametrize("exercise_id, prompt, right, wrong", [
    # f repeats: every minimiser is right, not only the one of the first period (finding 60)
    ("sin", "Find an x that minimises f(x) = sin(x).", ["3pi/2", "-pi/2", "7pi/2", "-201pi/2"], ["pi/2", "0"]),
    ("sin2", "Find an x that minimises f(x) = sin(x)².", ["0", "pi", "2pi", "-pi", "x = 5pi"], ["1", "pi/2"]),
    ("cos", "Find an x that minimises f(x) = cos(x).", ["pi", "-pi", "3pi"], ["0", "2pi"]),
    # its minima are its corners kπ, now found exactly (finding 95): the exact value is asked, as for sin x
    ("abssin", "Find an x that minimises f(x) = |sin(x)|.", ["0", "pi", "-2pi", "10pi"], ["1", "3.1516", "pi/2"]),
    ("cos2x", "Find an x that minimises f(x) = 1 - cos(2x).", ["0", "pi", "-pi", "100pi"], ["1", "pi/2"]),
    # its least period is π, not sympy's 2π: one minimiser a period, and every π/2 + kπ right
    ("cos4", "Find an x that minimises f(x) = cos(x)⁴.", ["pi/2", "-pi/2", "3pi/2", "-7pi/2"], ["0", "pi", "pi/4"]),
    # one minimiser a period: each plus a multiple of the period is right too (finding 81)
    ("ss2", "Find an x that minimises f(x) = sin(x) + sin(2x).",
     ["2pi - 2 atan(sqrt(6 - sqrt(33)))", "-2 atan(sqrt(6 - sqrt(33)))"], ["1", "2 atan(sqrt(6 - sqrt(33)))"]),
    ("s2s", "Find an x that minimises f(x) = 2 sin(x) + sin(2x).", ["5pi/3", "-7pi/3", "-pi/3"], ["pi", "pi/3"]),
    # least at π, where f′ = -(cos x + 1) sin x: found, not "no minimum" (finding 86)
    ("ccq", "Find an x that minimises f(x) = cos(x) + cos(x)²/2.", ["pi", "-pi", "3pi"], ["0", "2pi"]),
])
def test_every_minimiser_of_a_periodic_function_is_right(periodic, exercise_id, prompt, right, wrong):
    variant = periodic.exercise(exercise_id).variant()
    assert variant.problem.prompt() == prompt
    assert [respond(variant, text).verdict.value for text in right + wrong] == \
        ["correct"] * len(right) + ["incorrect"] * len(wrong)


@pytest.mark.parametrize("function, period", [
    ("sec(x)^2", "pi"), ("tan(x)^2", "pi"), ("sin(x)^2", "pi"), ("cos(x)^4", "pi"), ("abs(sin(x))", "pi"),
    ("sin(3x)^2", "pi/3"), ("sin(x) + sin(2x)", "2pi"), ("cos(x) + cos(x)^2/2", "2pi"), ("sin(x) cos(x)", "pi"),
    ("sec(x)", "2pi"), ("x^2", None),
])
def test_the_period_of_a_periodic_function_is_its_least(function, period):
    # sympy's periodicity gives 2π for sec²x and sin²x: the solver's note and the key's period are the least
    from tutor.calculus.common import function_of
    from tutor.calculus.minimize import least_period
    expected = None if period is None else sympy.pi / 3 if period == "pi/3" else sympy.pi * (2 if period == "2pi" else 1)
    assert least_period(function_of(function), symbol("x")) == expected


def test_a_periodic_minimiser_as_a_decimal_where_an_exact_one_is_asked_is_told_so(periodic):
    got = respond(periodic.exercise("sin").variant(), "-1.5708")
    assert (got.verdict.value, got.message) == ("incorrect", "Your answer -1.5708 is close, but an exact value "
                                                             "is expected.")
    # the list of the minimisers of one period is not every one: a single x is asked for, any one of them
    got = respond(periodic.exercise("sin2").variant(), "0, pi")
    assert (got.verdict.value, got.message) == ("invalid", "One number is asked for here: an x where f is least, "
                                                           "any one of them.")


@pytest.mark.parametrize("function, why", [
    ("sin(x) + x/10", "f(x − 2π) = f(x) − π/5 for every x, so each local minimum recurs 2π to the left, π/5 lower: "
                      "f has infinitely many local minima, ever lower, and no least one"),
    ("abs(cos(x)) - x/3", "f(x + π) = f(x) − π/3 for every x, so each local minimum recurs π to the right, π/3 "
                          "lower: f has infinitely many local minima, ever lower, and no least one"),  # finding 235
    ("x sin(x)", "f is lower elsewhere and its local minima can't all be found: f may have infinitely many local "
                 "minima and no least one (as sin(x) + x/10 and x sin(x) do)"),
])
def test_a_minimum_of_a_function_with_infinitely_many_and_no_least_is_refused(tmp_path, function, why):
    # "the x where f has its local minimum" / "its least local minimum": neither exists, and the key was
    # where the tutor's search stopped (finding 75); where f drifts by a period, the shift says why
    document = f"pack: lm\nexercises:\n  - {{id: a, kind: minimize, function: '{function}'}}\n"
    assert _refused(document, tmp_path)[0].endswith(
        f"exercise 'a': the question has no one answer: {why}. Ask for its critical points in a window (a "
        "critical_points exercise with a region), or use another function")


def test_a_minimum_tied_at_many_places_found_only_numerically_is_refused(tmp_path):
    # sin|x| is -1 at ±3π/2, ±7π/2, …: the key listed those the search reached (|x| ≤ 100) and 67π/2 was
    # marked wrong (finding 87); cos x + x²/10's two minima tie by f(-x) = f(x) and stay
    document = ("pack: lm\nexercises:\n  - {id: a, kind: minimize, function: 'sin(abs(x))'}\n"
                "  - {id: b, kind: minimize, function: 'cos(x) + x^2/10'}\n")
    assert [p.rpartition(": exercise ")[2] for p in _refused(document, tmp_path)] == [
        "'a': f is as low at several minima found numerically, and there may be more beyond those found, so no "
        "key can list them all: ask in a window (a critical_points exercise with a region), or use another "
        "function"]


@pytest.mark.parametrize("exercise_id", ["tie", "glob"])
def test_the_tied_minima_named_are_the_list_of_them(periodic, exercise_id):
    # "-1, 1" was right and "x = -1, x = 1" told "A single number is expected here, not a list" (finding 70)
    variant = periodic.exercise(exercise_id).variant()
    assert [respond(variant, text).verdict.value for text in ("x = -1, x = 1", "{x = 1, x = -1}", "-1, 1")] == \
        ["correct"] * 3
    got = respond(variant, "x = -1, x = 2")  # a wrong list is wrong, not invalid (finding 120)
    # any one minimiser alone is right: none is missing (finding 131)
    assert (got.verdict.value, got.message) == ("incorrect", "x = 2 does not belong in the answer.")


def test_a_local_maximum_of_a_function_minimised_numerically_is_named(periodic):
    # 0 is a critical point of cos x + x²/10, a local maximum: it was told only "you treated cos(x) as a
    # constant" (finding 65)
    got = respond(periodic.exercise("cosq").variant(), "0")
    assert got.verdict.value == "incorrect"
    assert "a critical point that is a local maximum" in got.message
    assert "At 0, f″ = -4/5 < 0. A local minimum has f″ > 0." in got.message


@pytest.mark.parametrize("rates, said", [
    # x² from 1: α and 1 - α give x_k = ±(1 - 2α)^k, the same |f′| at every step (finding 106)
    ("0.4,0.6,0.1", "best: α = 0.4 and α = 0.6, tied (both converge in 7 steps)"),
    ("0.6,0.1,0.4", "best: α = 0.4 and α = 0.6, tied (both converge in 7 steps)"),
    ("0.3,0.7,0.1", "best: α = 0.3 and α = 0.7, tied (both converge in 11 steps)"),
    ("0.4,0.6,0.5", "best: α = 0.5"),  # one step: no tie
    ("0.4,0.7", "best: α = 0.4"),
])
def test_rates_as_fast_as_the_best_are_said_as_a_tie(capsys, rates, said):
    status, out = run(capsys, "rates", "x^2", "--start", "1", "--rates", rates, "--iterations", "20")
    assert status == 0 and out.splitlines()[-1] == said


def test_a_tie_for_the_best_rate_in_the_steps_and_the_key(capsys, tmp_path):
    status, out = run(capsys, "rates", "x^2", "--start", "1", "--rates", "0.6,0.4,0.1", "--iterations", "20",
                      "--steps")
    assert status == 0 and out.splitlines()[-1] == (
        "7. The best rates are α = 0.4 and 0.6, tied: each converges in the fewest steps (7). No rule gives the "
        "best rate in advance: you try several and compare.")
    pack = tmp_path / "tie.yaml"
    pack.write_text("pack: tie\nexercises:\n  - id: a\n    kind: learning_rate\n    function: x^2\n    start: 1\n"
                    "    rates: [0.4, 0.6, 0.1]\n    iterations: 20\n    ask: best\n")
    assert main(["pack", "show", str(pack), "--answers"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "   answer: 0.4 or 0.6"
    for typed in ("0.4", "α = 0.6"):
        assert main(["check", "--exercise", f"{pack}:a", "--", typed]) == 0
        assert capsys.readouterr().out.startswith("correct\nCorrect.\n")


def test_local_minima_of_a_cusp_in_one_variable_is_accepted(tmp_path):
    # f′ = 0 solved on each side of the kink at 0, where f′ → 0 from both sides: every critical point is known,
    # and x² + |x|^(3/2) ≥ 0 = f(0) as a sum of terms never negative (it was refused: "not polynomial")
    pack_file(tmp_path, '{id: c, kind: local_minima, function: "abs(x)^(3/2) + x^2"}')
    variant = packs.load(tmp_path / "p.yaml").exercise("c").variant()
    assert [respond(variant, text).verdict.value for text in ("0", "x = 0", "1", "-1")] == \
        ["correct", "correct", "incorrect", "incorrect"]


@pytest.mark.parametrize("typed, message, credit, reading", [
    ("m = 1/2, b = 2", "Your b 2 is not right.", 0.5, "(1/2, 2)"),
    ("y = x/2 + 2", "Your b 2 is not right.", 0.5, "y = x/2 + 2"),  # the same fit as a line: its credit (finding 340)
    ("ŷ = 0.5x + 2", "Your b 2 is not right.", 0.5, "y = 0.5x + 2"),
    ("y = x + 7/3", "Your m 1 is not right.", 0.5, "y = x + 7/3"),
    ("y = x + 2", "Your m 1 is not right. Your b is not right either.", 0.0, "y = x + 2"),
    ("y = x^2", "At x = 1 your y is 1, but the correct y is 17/6.", 0.0, "y = x²"),  # no m and b to credit
    # the line written any other way (finding 365)
    ("2y = x + 4", "Your b 2 is not right.", 0.5, "2y = x + 4"),
    ("x - 2y + 4 = 0", "Your b 2 is not right.", 0.5, "x - 2y + 4 = 0"),
    ("x = 2y - 4", "Your b 2 is not right.", 0.5, "x = 2y - 4"),
    ("y - 2 = x/2", "Your b 2 is not right.", 0.5, "y - 2 = x/2"),
    ("x y = 1", "Your equation holds at x = 1/2, y = 2, but the correct one does not.", 0.0, "xy = 1"),
    ("x^2 y + y = 1", "Your equation holds at x = 1, y = 1/2, but the correct one does not.", 0.0, "x²y + y = 1"),
])
def test_a_fitted_line_earns_the_credit_of_its_m_and_b(typed, message, credit, reading):
    got = respond(exercise("power-lines-fit"), typed)
    assert (got.verdict.value, got.message, got.credit, got.reading) == ("incorrect", message, credit, reading)


def test_the_x_of_each_minimum_alone_in_two_variables_is_told_to_be_points(capsys):
    # outside check: "x = -1.0356, x = 0.9601 do not belong in the answer. 2 points are missing.", counted wrong
    assert main(["check", "--exercise", "gradients:local-minima-2d", "x = -1.0356, x = 0.9601"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == (
        "x = -1.0356 and x = 0.9601 are whole lines of points here: give each local minimum as a point (x, y).")
    assert main(["check", "--exercise", "gradients:local-minima-2d", "x = -1.0356, x = 0.5"]) == 1  # one is wrong


@pytest.mark.parametrize("function, first", [
    ("x^3 e^(2x)", "f is a product: use the product rule, (uv)′ = u′v + uv′."),  # was "Differentiate term by term"
    ("sin(x^2 + 1)", "f is one function inside another: use the chain rule."),
    ("3x^2 + 2x", "Differentiate term by term with respect to x."),
    ("x^5", "f is a single term: differentiate it by the rule its form needs."),
])
def test_a_derivative_s_first_hint_is_for_its_function_s_shape(tmp_path, function, first):
    assert _one(tmp_path, f"{{id: d, kind: derivative, function: '{function}'}}").hints()[0] == first


def _one(tmp_path, entry: str):
    """The variant of a pack's one exercise, `entry` (YAML flow), whose id is d."""
    return packs.load(pack_file(tmp_path, entry)).exercise("d").variant()


@pytest.mark.parametrize("function, rules", [
    # the lesson's first hint listed eˣ, ln x and the chain rule for x² + 16 (outside check h65, F8)
    ("x^2 + 16", "Use the power rule d/dx xⁿ = nxⁿ⁻¹ and a constant's derivative, 0."),
    ("e^x - ln(x)", "Use d/dx eˣ = eˣ and d/dx ln(x) = 1/x."),
    ("4e^(2x) - 3ln(x)", "Use d/dx eˣ = eˣ, d/dx ln(x) = 1/x and the chain rule for a function inside another."),
    ("sin(x) + x", "Use the power rule d/dx xⁿ = nxⁿ⁻¹, d/dx sin x = cos x and d/dx cos x = −sin x."),
])
def test_a_derivative_s_second_hint_names_the_rules_its_function_needs(tmp_path, function, rules):
    assert _one(tmp_path, f"{{id: d, kind: derivative, function: '{function}'}}").hints()[1] == rules


@pytest.mark.parametrize("function, wrt, rules", [
    # outside check h10: the sauna's hint said "use the power rule", where x²(x - 6) needs the product rule
    ("85 - x^2 (x - 6) y^2 (y - 6)/90", "x", "Then use the product rule and the power rule on x."),
    ("3x^2 y^3", "x", "Then use the power rule on x."),
    ("x e^(3y) + 4y", "y", "Then use the chain rule, the power rule and the derivative of eᵘ."),
    ("x/(x^2 + y)", "x", "Then use the quotient rule and the power rule on x."),
    ("sin(x) y", "x", "Then use the derivative of sin u."),
])
def test_a_partial_s_second_hint_names_the_rules_its_derivation_uses(tmp_path, function, wrt, rules):
    path = tmp_path / "p.yaml"
    path.write_text(f"pack: p\nexercises:\n  - {{id: d, kind: partial_derivative, function: '{function}', wrt: {wrt}}}\n",
                    encoding="utf-8")
    assert packs.load(path).exercise("d").variant().hints()[1].endswith(f"has derivative 0. {rules}")


def test_the_check_hint_is_at_a_point_where_a_power_mixed_up_shows():
    """An outside check: "at x = 1, y = 1 the answer comes out as 6" let 6xy², a mistake the tutor names, pass
    the student's own check; at (2, 3) it is 108, not 324. A power too high to compute there is checked at 1."""
    assert exercise("partial-x-3x2y3").hints()[-1] == "Check: at x = 2, y = 3 the answer comes out as 324."
    assert exercise("hard-to-optimize-derivative").hints()[-1] == "Check: at x = 2 the answer comes out as e² - 1/2."


def test_a_cost_on_decimal_data_is_not_told_to_work_with_fractions():
    # "Work with fractions until the end." for the TV data, given as 230.1, 22.1, … (outside check h65, F8)
    assert exercise("tv-mean-cost").hints()[-1] == "Keep every digit until the end, then round."
    assert exercise("power-lines-cost").hints()[-1] == "Work with fractions until the end."


@pytest.mark.parametrize("entry, said", [
    # a pack's tolerance was graded but not said in these prompts (outside check h64, F14)
    ("{id: d, kind: tangent_plane, function: y e^x, at: [0.5, 1], tolerance: 'dp:4'}",
     "Find the tangent plane to z = yeˣ at (0.5, 1) (an equation in x, y and z, to 4 decimal places)."),
    ("{id: d, kind: critical_points, function: x^3 - 6x + y^2, tolerance: 'dp:3'}",
     "Find all critical points of f(x, y) = x³ + y² - 6x (to 3 decimal places)."),
])
def test_a_tolerance_is_said_in_every_kind_s_prompt(tmp_path, entry, said):
    assert _one(tmp_path, entry).prompt() == said
