"""The cost of a line and questions written by hand name their mistakes (issue 14), and the messages a
student sees quote m, b and the answer as they were typed.

The lesson's cost functions: E(m, b) = Σ(mxᵢ + b − yᵢ)² (the power lines) and L = E/(2n) (the TV data);
a hand-written question says which function and point it is about (exercises/drills.yaml, ex-*).
Every answer goes through `tutor.feedback.respond`, the path of the REPL and the grader.
"""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.diagnose import offered
from tutor.feedback import respond
from tutor.topics.expression.asked import Asked, asked

LESSON = packs.load("gradients")
DRILLS = packs.load("drills")


def lesson(exercise: str, answer: str):
    return respond(LESSON.exercise(exercise).variant(None), answer)


def drill(exercise: str, answer: str, student: str | None = None):
    return respond(DRILLS.exercise(exercise).variant(student), answer)


# ---------------------------------------------------------------- the cost of a line


@pytest.mark.parametrize("answer, note, message", [
    ("221/6", "coefficient-inside-power", "It looks like you evaluated 3b² at m = 1/2 and b = 7/3 as 49, with the "
     "coefficient inside the power. The power applies to b alone: 3b² = 49/3 there."),
    ("37/3", "square-as-double", "It looks like you took the squares at m = 1/2 and b = 7/3 as doubles: b² as 14/3. "
     "A square is the number times itself: (7/3)² = 49/9."),
    # at the optimum both partials are 0, and so is the sum of the errors: either mistake gives 0
    ("0", "errors-not-squared|gave-slope-for-value", None),
])
def test_the_cost_at_the_optimum(answer, note, message):
    verdict = lesson("power-lines-cost", answer)
    assert verdict.note == f"misconception:{note}"
    if message:
        assert verdict.message == message


@pytest.mark.parametrize("pack, exercise, student, points, answer, square", [
    (DRILLS, "cost-build", "zoe", "(1, 4), (2, 4), (3, 4)", "14m^2 + 3b^2 + 48",
     "(m + b - 4)² = m² + b² + 16 + 2mb - 8m - 8b"),
    (LESSON, "power-lines-cost-function", None, "(1, 2), (2, 5), (3, 3)", "14m^2 + 3b^2 + 38",
     "(m + b - 2)² = m² + b² + 4 + 2mb - 4m - 4b"),
])
def test_a_square_multiplied_out_is_the_variants_own(pack, exercise, student, points, answer, square):
    variant = pack.exercise(exercise).variant(student)
    assert f"on the points {points}:" in variant.problem.prompt()
    verdict = respond(variant, answer)
    assert (verdict.note, verdict.message) == (
        "misconception:squared-term-by-term",
        "It looks like you squared each term of mx + b − y on its own, (a + b + c)² = a² + b² + c². A square of a "
        f"sum also has twice each product: {square}.")


NOT_MULTIPLIED_OUT = "That is E(m, b), but not multiplied out yet: multiply out each square and add them up."


@pytest.mark.parametrize("pack, exercise, student, answer", [
    # the cost's definition, copied from the prompt: it was "Correct."
    (LESSON, "power-lines-cost-function", None, "(m+b-2)^2 + (2m+b-5)^2 + (3m+b-3)^2"),
    (LESSON, "power-lines-cost-function", None, "(m*1+b-2)^2+(m*2+b-5)^2+(m*3+b-3)^2"),
    (DRILLS, "cost-build", "zed", "(m+b-3)^2 + (2m+b-4)^2 + (3m+b-3)^2"),
])
def test_the_cost_asked_multiplied_out_is_not_right_with_its_squares_left(pack, exercise, student, answer):
    verdict = respond(pack.exercise(exercise).variant(student), answer)
    assert (verdict.verdict.value, verdict.note, verdict.message) == ("incorrect", "not_multiplied_out",
                                                                      NOT_MULTIPLIED_OUT)


@pytest.mark.parametrize("answer, left", [
    ("m(14m + 12b) + 3b^2 - 42m - 20b + 38", "m(14m + 12b)"),
    # multiplied out, then a factor taken out again: no square is left to multiply out
    ("2m(7m + 6b - 21) + 3b² - 20b + 38", "2m(7m + 6b - 21)"),
])
def test_a_product_with_a_sum_left_in_the_cost_is_named(answer, left):
    verdict = lesson("power-lines-cost-function", answer)
    assert (verdict.verdict.value, verdict.note, verdict.message) == (
        "incorrect", "not_multiplied_out", f"That is E(m, b), but not multiplied out yet: multiply out {left} too.")


@pytest.mark.parametrize("answer", ["14m^2 + 12mb + 3b^2 - 42m - 20b + 38", "E = 38 - 20b - 42m + 3b^2 + 12m b + 14m^2",
                                    "2(7m^2 + 6mb) + 3b^2 - 42m - 20b + 38"])  # a number times a sum is read multiplied
def test_the_cost_multiplied_out_is_right(answer):
    verdict = lesson("power-lines-cost-function", answer)
    assert (verdict.correct, verdict.message) == (True, "Correct.")


def test_a_point_left_out_of_the_cost_and_the_mean_for_the_sum():
    verdict = lesson("power-lines-cost-function", "13m^2 + 2b^2 + 34 + 10mb - 38m - 16b")
    assert (verdict.note, verdict.message) == ("misconception:point-left-out", (
        "It looks like you left out the square of the point (1, 2). The cost adds one squared error for every "
        "point, 3 of them here."))
    assert lesson("power-lines-cost-function", "14m^2/3 + b^2 + 38/3 + 4mb - 14m - 20b/3").note == \
        "misconception:cost-averaged"
    # the mean cost L = E/(2n) still names its own: 1/n instead of 1/(2n), the sum not averaged
    assert lesson("tv-mean-cost", "5.459").note == "misconception:mean-without-half"


def test_a_derivative_misconception_inside_a_descent_step_on_the_cost():
    exercise = DRILLS.exercise("cost-mean-step").variant("ann")
    slipped = [c for c in offered(exercise.problem) if c.misconception == "term-treated-as-constant"]
    assert slipped, "∇L with a term taken as a constant, carried into the step"
    m, b = slipped[0].answer.value
    verdict = respond(exercise, f"({float(m):.6f}, {float(b):.6f})")
    assert "term-treated-as-constant" in verdict.note.split(":")[1].split("|")


# ---------------------------------------------------------------- questions written by hand


def test_a_hand_written_question_is_recognised_by_its_expected_answer():
    assert asked(DRILLS.exercise("ex-descent-direction").variant().problem) == Asked.DOWNHILL
    assert asked(DRILLS.exercise("ex-one-step").variant().problem) == Asked.STEP
    assert asked(DRILLS.exercise("ex-cost-at-origin").variant().problem) == Asked.VALUE


@pytest.mark.parametrize("exercise, answer, note", [
    ("ex-descent-direction", "(4, 2)", "gradient-negated+components-swapped"),
    ("ex-descent-direction", "(-4, -2)", "components-swapped"),
    ("ex-descent-direction", "(-1, -2)", "power-rule-not-multiplied|parallel-vector"),  # both give it
    ("ex-descent-direction", "(-2x, -2y)", "not-evaluated"),
    ("ex-descent-direction", "-5", "gave-function-value"),
    ("ex-one-step", "3.6", "gradient-ascent"),
    ("ex-one-step", "-3", "rate-not-applied"),
    ("ex-one-step", "0.6", "gave-step"),
    ("ex-one-step", "6", "gave-gradient"),
    ("ex-one-step", "2.94", "rate-applied-twice|rate-decimal-slipped"),  # α² is α/10 at 0.1 (outside check h39, F1)
    ("ex-one-step", "1.92", "iterations-off-by-one"),
    ("ex-one-step", "3.3", "gradient-ascent+power-rule-not-multiplied"),
    ("ex-cost-at-origin", "0", "constant-term-dropped"),
    ("ex-cost-at-origin", "(-42, -20)", "gave-slope-for-value"),
])
def test_hand_written_questions_name_the_kinds_mistakes(exercise, answer, note):
    assert drill(exercise, answer).note == f"misconception:{note}"


def test_the_direction_of_steepest_descent_said_the_right_way_round():
    verdict = drill("ex-descent-direction", "(2, 4)")
    assert (verdict.note, verdict.message) == ("misconception:gradient-negated", (
        "It looks like you gave ∇f(1, 2), which points uphill. The direction of steepest descent is the other "
        "way: −∇f(1, 2), each component's sign changed."))  # not its value (an outside check: the answer, given away)
    assert lesson("gradient-x2y2-at-2-3", "(-4, -6)").message == (
        "It looks like you gave −∇f, the direction of steepest descent. ∇f itself points uphill: "
        "(∂f/∂x, ∂f/∂y).")


def test_two_mistakes_in_the_size_of_one_hand_written_step_are_a_slip():
    """3 − 0.6 written as 2.6: also f′ = 2 with two steps, or with 2α; not named."""
    verdict = drill("ex-one-step", "2.6")
    assert (verdict.correct, verdict.note) == (False, "wrong_value")


# ---------------------------------------------------------------- the wording of item 5


def test_labels_are_said_as_a_tutor_says_them():
    assert "It is not an" not in lesson("classify-x2y2-origin", "inconclusive").message
    assert lesson("sauna-classify-4-4", "maximum").message.startswith("It looks like you")
    plain = lesson("critical-x2y2", "(0, 0), (2, 3)")
    assert plain.message == "(2, 3) does not belong in the answer."


def test_m_and_b_are_named_and_numbers_echoed_as_typed():
    assert lesson("power-lines-fit", "m = 0.5, b = 2.4").message == "Your b 2.4 is not right."
    assert lesson("power-lines-fit", "(0.50, 2.3333)").message == \
        "Your b 2.3333 is close: the exact value is wanted; write it as a fraction."
    # finding 653: the line's b as typed, cut or not (not 4667/2000, the middle of the numbers 2.333… stands for)
    assert lesson("power-lines-fit", "y = 0.5x + 2.333…").message == \
        "The 2.333… in your y is close: the exact value is wanted; write it as a fraction."
    assert lesson("power-lines-fit", "m = 1/2, b = 2.333…").message == \
        "Your b 2.333… is close: the exact value is wanted; write it as a fraction."
    assert lesson("power-lines-fit", "y = 0.5x + 2.334…").message == "Your b 2.334… is not right."
    assert lesson("power-lines-fit", "y = 0.5x + 2.334").message == "Your b 2.334 is not right."
    assert lesson("tv-descent-step", "(0.14, 0.000139)").message == "Your m 0.14 is not right to 6 decimal places."
    assert lesson("critical-x2y2", "(0, 0), (0.50, 3)").message == "(0.50, 3) does not belong in the answer."
    assert lesson("tv-mean-cost", "2.80").message == "Your answer 2.80 is not right to 3 decimal places."


# ---------------------------------------------------------------- the point itself for ∇f there


@pytest.mark.parametrize("pack, exercise, student, answer, message", [
    (LESSON, "descent-heat-gradient", None, "(0.5, 0.6)",
     "It looks like you wrote the point (0.5, 0.6) itself. ∇T(0.5, 0.6) is the vector of the partial derivatives "
     "there: (∂T/∂x, ∂T/∂y)."),
    # −∇f(1, 2) of x² + y² (a question written by hand): it was "two mistakes: you gave ∇f(1, 2) … and you lowered
    # the exponent …"
    (DRILLS, "ex-descent-direction", None, "(1, 2)",
     "It looks like you wrote the point (1, 2) itself. −∇f(1, 2) is minus the vector of the partial derivatives "
     "there: (−∂f/∂x, −∂f/∂y)."),
    (DRILLS, "g-at-point", "ann", "(2, 1)",  # x³ + y³
     "It looks like you wrote the point (2, 1) itself. ∇f(2, 1) is the vector of the partial derivatives there: "
     "(∂f/∂x, ∂f/∂y)."),
    (DRILLS, "g-at-point", "bob", "(2, -3)",  # x³ + y²
     "It looks like you wrote the point (2, -3) itself. ∇f(2, -3) is the vector of the partial derivatives there: "
     "(∂f/∂x, ∂f/∂y)."),
])
def test_the_point_itself_for_the_gradient_there(pack, exercise, student, answer, message):
    verdict = respond(pack.exercise(exercise).variant(student), answer)
    assert (verdict.note, verdict.message) == ("misconception:gave-the-point", message)


def test_the_point_itself_where_another_mistake_gives_it_too_says_both():
    # x² + y² at (2, 3): the exponent lowered but not multiplied also gives (2, 3); it was named alone
    verdict = lesson("gradient-x2y2-at-2-3", "(2, 3)")
    assert (verdict.note, verdict.message) == (
        "misconception:gave-the-point|power-rule-not-multiplied",
        "You get this answer if you wrote the point (2, 3) itself, or if you lowered the exponent but did not "
        "multiply by it in ∂f/∂x and ∂f/∂y. ∇f(2, 3) is the vector of the partial derivatives there: (∂f/∂x, "
        "∂f/∂y). The derivative of x² is 2x, not x. The derivative of y² is 2y, not y.")


def test_the_sum_divided_by_2n_is_the_mean_cost_taken_for_it():
    """E/(2n), the lesson's mean cost, for the sum E (outside check h49, N6: "not right" was all it got)."""
    verdict = respond(LESSON.exercise("power-lines-cost-function").variant(),
                      "7m^2/3 + b^2/2 + 19/3 + 2mb - 7m - 10b/3")
    assert (verdict.note, verdict.message) == (
        "misconception:sum-as-mean-cost", "It looks like you divided by 2n = 6, as the mean cost L(m, b) = "
        "1/(2n)·Σ(mxᵢ + b − yᵢ)² does. E(m, b) is the sum of the squared errors itself.")


def test_the_mean_cost_of_one_point_counts_one_observation(tmp_path):
    """Outside check h50, N9: "(n = 1 observations)"."""
    pack = tmp_path / "c.yaml"
    pack.write_text("pack: c\nexercises:\n  - {id: c, kind: cost, data: [[2, 3]], form: mean, ask: value, at: [1, 1]}\n",
                    encoding="utf-8")
    assert "(n = 1 observation) of the line" in packs.load(str(pack)).exercise("c").variant().prompt()
