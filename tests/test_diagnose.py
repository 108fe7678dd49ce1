"""Misconception diagnosis: a wrong answer names its mistake, in the lesson's words."""

from __future__ import annotations

import re

import pytest
from pack_files import pack_file

from tutor import Limits, packs
from tutor import diagnose as diagnosis
from tutor.cli import main
from tutor.diagnose import AUTHOR, PairsUnbuilt, _table_for, diagnose, explain, offered, pairs_built_elsewhere, prepare
from tutor.feedback import respond
from tutor.misconceptions import SHARED, Pattern, WrongAnswer
from tutor.show import show
from tutor.topics import CATALOGUE, TOPICS, candidates

LESSON = packs.load("gradients")
DRILLS = packs.load("drills")


def lesson(exercise_id: str) -> packs.Exercise:
    return LESSON.exercise(exercise_id).variant()


def drill(exercise_id: str, student: str) -> packs.Exercise:
    return DRILLS.exercise(exercise_id).variant(student)


# ------------------------------------------------------------------ the catalogue


def test_ids_are_unique_stable_kebab_case():
    ids = [*SHARED, *(m for topic in TOPICS for m in topic.catalogue)]
    assert len(ids) == len(set(ids)) == len(CATALOGUE)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert AUTHOR not in CATALOGUE


def test_every_sentence_starts_with_what_it_looks_like():
    for misconception in CATALOGUE.values():
        assert misconception.sentence.startswith("It looks like"), misconception.id
        assert misconception.summary and misconception.summary[0].islower(), misconception.id


def test_the_issue_example():
    verdict = respond(lesson("partial-x-3x2y3"), "6xy^3 + 9x^2y^2")
    assert (verdict.verdict, verdict.note, verdict.message) == (
        "incorrect", "misconception:differentiated-constant-factor",
        "It looks like you differentiated y³ as well. In ∂/∂x, y is a constant, so y³ is only a coefficient.")


@pytest.mark.parametrize("exercise, single, pair", [
    ("partial-x-3x2y3", ("9x^2y^2", "answered-other-partial"), ("6x^2", "power-rule-exponent-kept+dropped-constant-factor")),
    ("descent-1d-step-1", ("-0.0447", "gradient-ascent"), ("0.0702", "function-for-derivative+gradient-ascent")),
    ("tangent-plane-x2y2", ("z = 4(x - 2) + 8(y - 4)", "missing-function-value"),
     ("z = 4x + 8y", "missing-function-value+tangent-not-shifted")),
])
def test_pairs_of_misconceptions_are_built_only_for_an_answer_no_single_one_explains(exercise, single, pair):
    """Most of a variant's candidates are pairs: where they are built elsewhere (the grader builds them before
    the answer's limits start), an answer one misconception explains is named without them, and one that needs
    them raises PairsUnbuilt; built, they name it as they do everywhere."""
    diagnosis._table.cache_clear()  # this variant's candidates, built afresh
    problem = lesson(exercise).problem
    prepare(problem, pairs=False)
    with pairs_built_elsewhere():
        found = diagnose(problem, single[0])
        assert found is not None and single[1] in found.misconception.split("|")
        with pytest.raises(PairsUnbuilt):
            diagnose(problem, pair[0])
    prepare(problem)
    with pairs_built_elsewhere():
        assert diagnose(problem, pair[0]).misconception == pair[1]


@pytest.mark.parametrize("answer, misconception", [
    ("18xy^2", "differentiated-constant-factor"),
    ("6x", "dropped-constant-factor"),
    ("2xy³", "dropped-constant-coefficient"),
    ("6x^2y^3", "power-rule-exponent-kept"),
    ("3xy^3", "power-rule-not-multiplied"),
    ("9x^2y^2", "answered-other-partial"),
])
def test_partial_derivative_misconceptions(answer, misconception):
    assert respond(lesson("partial-x-3x2y3"), answer).note == f"misconception:{misconception}"


@pytest.mark.parametrize("exercise, answer, message", [
    # 4xy in ∂/∂x: y differentiated where x should be gives 4x, so 6x + 4x (both at once give 4y + 4x)
    (("pd-quadratic", "zoe"), "10x",
     "It looks like you differentiated y in 4xy instead of x. In ∂/∂x, y is a constant, so y is only a "
     "coefficient."),
    (("g-quadratic", "zoe"), "(16x, 12y)",
     "It looks like you differentiated y in 2xy instead of x in ∂f/∂x and differentiated x in 2xy instead "
     "of y in ∂f/∂y. In ∂/∂x, y is a constant, so y is only a coefficient. In ∂/∂y, x is a constant, so x "
     "is only a coefficient."),
    # 3x²y in ∂/∂y at (-3, 3): 6xy + 6y = -54 + 18
    (("pd-at-point", "zoe"), "-36",
     "It looks like you differentiated x² in 3x²y instead of y. In ∂/∂y, x is a constant, so x² is only a "
     "coefficient."),
    (("pd-exp", "zoe"), "e^(4y) + 5",
     "It looks like you differentiated x in xe⁴ʸ instead of e⁴ʸ. In ∂/∂y, x is a constant, so x is only a "
     "coefficient."),
])
def test_a_held_factor_differentiated_in_place_of_the_varying_one_is_said_so(exercise, answer, message):
    verdict = respond(drill(*exercise), answer)
    assert (verdict.note, verdict.message) == ("misconception:differentiated-constant-factor", message)


def test_the_derivatives_of_both_factors_multiplied_is_said_so():
    assert respond(lesson("partial-x-3x2y3"), "18xy^2").message == (  # 3·2x·3y²
        "It looks like you differentiated y³ as well and multiplied the derivatives of x² and y³. In ∂/∂x, "
        "y is a constant, so y³ is only a coefficient.")


def test_the_message_names_the_piece_of_this_exercise():
    assert respond(lesson("partial-x-x2y2"), "2x + 2y").message == (
        "It looks like you differentiated y² as well. In ∂/∂x, y is a constant, so y² is a constant term "
        "and its derivative is 0.")
    assert respond(lesson("partial-x-3x2y3"), "2xy^3").message == (
        "It looks like you dropped the constant coefficient 3. A constant coefficient stays: the "
        "derivative of 3x²y³ is 3 times the derivative of x²y³.")


def test_swapped_point():
    problem = lesson("gradient-x2y2-at-2-3").problem
    found = [c for c in candidates(problem) if c.misconception == "evaluated-at-swapped-point"]
    assert found[0].sentence == "It looks like you evaluated at (3, 2) instead of (2, 3): here x = 2 and y = 3."
    # ∂f/∂y of 5x²y + 4y² is 5x² + 8y: 12 at (-2, -1), but -11 at (-1, -2)
    assert respond(drill("pd-at-point", "ann"), "-11").note == "misconception:evaluated-at-swapped-point"


def test_ambiguous_readings_keep_the_checks_note():
    verdict = respond(lesson("power-lines-fit"), "y = 7/3 x + 1/2")
    assert verdict.note == "misconception:slope-intercept-swapped"
    assert verdict.message.endswith("Note: '7/3 x' was read as (7/3)·x.")
    # unspaced, the fix is said too: 7/3x may mean 7/(3x)
    assert respond(lesson("power-lines-fit"), "y = 7/3x + 1/2").message.endswith(
        "Note: '7/3x' was read as (7/3)·x; put the whole divisor in brackets to divide by it.")


def test_a_fraction_spaced_from_its_factor_as_the_lesson_writes_it_is_only_said_how_it_was_read():
    # an outside check: "-1/90 x(…)" with another mistake was told to bracket a divisor it did not mean
    verdict = respond(lesson("sauna-partial-x"), "1/90 x(3x-12)y^2(y-6)")
    assert verdict.message.endswith("Everywhere, only its sign is wrong. Note: '1/90 x' was read as (1/90)·x.")


@pytest.mark.parametrize("answer", ["f(x) = 7/3 x + 1/2", "ŷ = 7/3 x + 1/2", "y(x) = 7/3 x + 1/2"])
def test_a_line_written_after_its_name_is_diagnosed_as_the_line_it_is(answer):
    # finding 99: the check reads f(x) = …, ŷ = …, y(x) = … as y = …, and so does the diagnosis
    assert respond(lesson("power-lines-fit"), answer).note == "misconception:slope-intercept-swapped"


# ------------------------------------------------------------- never wrongly named


@pytest.mark.parametrize("exercise_id, answer", [
    ("partial-x-3x2y3", "6xy^3"), ("partial-x-3x2y3", "3(2x)y³"), ("gradient-x2y2", "(2x, 2y)"),
    ("sauna-critical-points", "(4, 4), x = 0, y = 0"), ("descent-1d-step-1", "0.1447"),
    ("power-lines-fit", "y = x/2 + 7/3"), ("classify-x2y2-origin", "minimum"),
])
def test_a_correct_answer_is_never_diagnosed(exercise_id, answer):
    exercise = lesson(exercise_id)
    verdict = respond(exercise, answer)
    assert verdict.correct and not verdict.note.startswith("misconception:")
    assert diagnose(exercise.problem, answer) is None  # no candidate is the right answer


@pytest.mark.parametrize("exercise_id, answer", [
    ("partial-x-3x2y3", "6x y^"), ("partial-x-3x2y3", "6xz^3"), ("gradient-x2y2", "(2x, "),
    ("gradient-x2y2", "2x +"), ("power-lines-fit", ""),
])
def test_an_unreadable_answer_is_never_diagnosed(exercise_id, answer):
    verdict = respond(lesson(exercise_id), answer)
    assert verdict.verdict == "invalid"
    assert not verdict.note.startswith("misconception:")


def test_a_wrong_answer_without_a_known_mistake_keeps_its_feedback():
    verdict = respond(lesson("partial-x-3x2y3"), "7xy^3")
    assert (verdict.note, verdict.message) == (
        "differs_at", "At x = 1, y = 2 your answer is 56, but the correct value is 48.")


def test_a_candidate_equal_to_the_right_answer_is_discarded():
    # x² + y² has no coefficient to drop: that candidate is the right answer and must not be offered
    problem = lesson("partial-x-x2y2").problem
    built = [c for c in candidates(problem) if c.misconception == "dropped-constant-coefficient"]
    assert built == []
    # for the least-squares line through points on a line, the mean of the slopes is the fit
    exercise = drill("ls-on-a-line", "ann")
    assert "mean-of-slopes" in {c.misconception for c in candidates(exercise.problem)}
    assert "mean-of-slopes" not in {c.misconception for c in offered(exercise.problem, exercise.spec.tolerance)}


def test_no_offered_candidate_grades_as_correct_in_any_built_in_exercise():
    # every candidate of one variant of each exercise, and the single mistakes of three more
    for pack in (LESSON, DRILLS):
        for spec in pack.exercises:
            for key in (range(4) if spec.parameterised else [None]):
                exercise = spec.variant(key)
                for candidate in offered(exercise.problem, spec.tolerance, spec.mistakes):
                    if isinstance(candidate, WrongAnswer) and (key in (None, 0) or "+" not in candidate.misconception):
                        shown = show(candidate.answer.value, exercise.problem.variables)
                        # the check's verdict: naming the mistake as well would only repeat the search
                        assert not exercise.problem.check(shown, exercise.tolerance).correct, (spec.id, key, candidate)


# ------------------------------------------------------------------ every kind


def test_gradient_one_component_reads_as_incorrect_not_invalid():
    verdict = respond(lesson("gradient-x2y2"), "2x")
    assert (verdict.verdict, verdict.note) == ("incorrect", "misconception:only-one-component")
    assert verdict.message.startswith("It looks like you gave only ∂f/∂x.")
    assert verdict.reading == "2x"


def test_critical_points_patterns():
    exercise = lesson("sauna-critical-points")
    assert respond(exercise, "(4, 4)").note == "misconception:ignored-critical-lines"
    assert respond(exercise, "(4, 4), x = 0").message.startswith("It looks like you missed y = 0.")
    assert respond(exercise, "(4, 4), (6, 6), x = 0, y = 0").note == "misconception:outside-region"
    assert respond(exercise, "(4, 4), (4, 2), x = 0, y = 0").message.startswith(
        "It looks like you included (4, 2), where only ∂T/∂x is zero.")
    assert respond(exercise, "(5, 5)").note == "extra_point"  # not critical for either partial: no name for it
    # the lines of ∂T/∂x = 0 alone are "solved only ∂T/∂x = 0"; beside (4, 4), which solving it alone gives as the
    # line x = 4, the extra line is told as such (outside check h78, N2: "you solved only ∂T/∂x = 0")
    assert respond(exercise, "x = 0, x = 4, y = 0, y = 6").message.startswith(
        "It looks like you solved only ∂T/∂x = 0.")
    assert respond(exercise, "(4, 4), x = 0, y = 0, y = 6").message.startswith(
        "It looks like you included y = 6, where only ∂T/∂x is zero.")
    assert any(isinstance(c, Pattern) for c in candidates(exercise.problem))



def test_a_slip_made_in_both_partials_is_said_of_both_and_a_swap_quotes_the_point_it_swapped():
    """For f = x² + 6x − y² − 5y (critical point (−3, −5/2)), differentiating y² in ∂f/∂x and 6x in ∂f/∂y
    gives 2x + 6 − 2y = 0 and −2y + 1 = 0, so (−5/2, 1/2); written the wrong way round, (1/2, −5/2). The swap
    quotes the point as the first mistake's, not as the answer (finding 805)."""
    assert respond(drill("cp-saddle", "ann"), "(1/2, -5/2)").message == (
        "It looks like two mistakes: you differentiated y² as well in ∂f/∂x and differentiated 6x as well in "
        "∂f/∂y, and you wrote the coordinates the wrong way round. In ∂/∂x, y is a constant, so y² is a "
        "constant term and its derivative is 0. In ∂/∂y, x is a constant, so 6x is a constant term and its "
        "derivative is 0. A point is (x, y): the first mistake gives (-5/2, 1/2), which written the wrong way "
        "round is (1/2, -5/2).")


def test_a_chain_of_slips_quotes_the_first_ones_value_as_such():
    """Finding 805: f = x² − y² − y, critical point (0, −1/2). (0, 2) is the sign of −2y − 1 = 0 lost (1/2),
    then 1 ÷ 2 taken as 2 ÷ 1: the second sentence said "y = 1/2, not 2", as if 1/2 were the answer."""
    assert respond(drill("cp-saddle", "d"), "(0, 2)").message == (
        "It looks like two mistakes: you took the sign of y the wrong way round, and you divided the wrong way "
        "round when solving for y. -2y - 1 is zero at y = -1/2, not at y = 1/2. The first mistake gives "
        "y = 1/2, which dividing the wrong way round turns into 2.")
    # alone, the slip's sentence still ends on the right value
    assert respond(drill("cp-saddle", "d"), "(0, -2)").message == (
        "It looks like you divided the wrong way round when solving for y: y = -1/2, not -2.")


def test_the_simpler_explanation_is_told_before_a_chain_of_slips():
    """For f = x² − y² + x (critical point (−1/2, 0)), (1/2, 0) comes from differentiating the held terms in
    both partials ((0, 1/2)), then swapping; but first from one slip, the sign of 2x + 1 = 0 lost (finding 741:
    the simpler explanation is the one told)."""
    exercise = drill("cp-saddle", "eve")
    assert show(exercise.problem.function) == "x² + x - y²"
    assert respond(exercise, "(1/2, 0)").message == (
        "It looks like you took the sign of x the wrong way round: 2x + 1 is zero at x = -1/2, not at x = 1/2.")
    assert respond(exercise, "(0, -1/2)").message == (
        "It looks like you wrote the coordinates the wrong way round: a point is (x, y), so (-1/2, 0) rather "
        "than (0, -1/2).")
    assert respond(exercise, "(-1/2, -1/2)").message == (  # the slip in ∂f/∂y alone
        "It looks like you differentiated x² as well. In ∂/∂y, x is a constant, so x² is a constant term and "
        "its derivative is 0.")

def test_classification():
    verdict = respond(drill("cl-saddle", "ann"), "minimum")  # f_xx > 0, and -D > 0: two ways to get it
    assert verdict.note == "misconception:saddle-missed|discriminant-sign-reversed"
    assert verdict.message.startswith("You get this answer if you went by f_xx alone, or if you computed D "
                                      "with the sign reversed, as f_xy² − f_xx·f_yy.")
    # D = 0 at the origin of x⁴ + c·y⁴, and f's values decide it: "minimum" is as right as "inconclusive"
    assert respond(drill("cl-flat", "ann"), "min").message == (
        "Correct: f = 0 there and f ≥ 0 near it (f - f(P) = x⁴ + 7y⁴ is a sum of even powers with positive "
        "coefficients). The second-derivative test alone does not decide it: here D = 0.")
    assert respond(drill("cl-flat", "ann"), "max").note == "misconception:undecided-called-wrong-extremum"
    assert respond(lesson("sauna-classify-4-4"), "max").message == (
        "It looks like you read the sign of T_xx the wrong way round. With D > 0, T_xx > 0 means a "
        "minimum (the surface curves up) and T_xx < 0 a maximum; here T_xx = 64/15.")


def test_the_formulas_in_a_message_use_the_exercises_own_names(capsys):
    # finding 751: the sauna's function is T, and descent on E(m, b) steps (m₁, b₁), not x₁
    assert main(["check", "--exercise", "gradients:sauna-classify-4-4", "--", "saddle"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "You get this answer if you took D > 0 to mean a saddle point, or if you computed D with the sign reversed, "
        "as T_xy² − T_xx·T_yy. Here D = 4096/225 > 0: the point is a minimum or a maximum, not a saddle point. The "
        "discriminant is D = T_xx·T_yy − T_xy².")
    assert main(["check", "--exercise", "gradients:descent-power-lines", "--", "(0.84, 0.4)"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like you reused ∇E at the start (0, 0) for every step. Each step takes ∇E at the point it starts "
        "from: (m₂, b₂) = (m₁, b₁) − α·∇E(m₁, b₁).")
    assert respond(lesson("descent-1d-step-2"), "0.0788").message == (  # one variable, named x: as before
        "It looks like you took the last step from the start 0.05 instead of from the point before it: "
        "x₂ = x₁ − α·f′(x₁).")


def test_descent_with_the_tolerance():
    exercise = lesson("descent-1d-step-2")
    assert respond(exercise, "0.1447").message == (
        "It looks like you took 1 step instead of 2 steps. Count the steps from the start 0.05: the answer "
        "is the point after 2 steps.")
    assert respond(lesson("descent-heat-step-1"), "(0.4943, 0.5953)").note == "misconception:gradient-ascent"


def test_tangent_plane_in_any_arrangement():
    exercise = lesson("tangent-plane-x2y2")
    for answer in ("z = 4(x - 2) + 8(y - 4)", "4x + 8y - z = 40", "z - 4x - 8y + 40 = 0"):
        assert respond(exercise, answer).note == "misconception:missing-function-value", answer
    assert respond(exercise, "z = z").note != "misconception:missing-function-value"


@pytest.mark.parametrize("answer, message", [
    # no value anywhere: not z = 4x + 8y, whose mistakes would be named, though sympy's z − (… + (√u)² …) is
    ("z = 4x + 8y + sqrt(-1-x^2)^2 + 1 + x^2", "Your z is not equal to the correct one."),
    ("z = 4x + 8y + acos(x) - acos(x)", "At x = 1, y = 2 your z is 20, but the correct z is 0."),
])
def test_a_plane_keeps_the_domain_of_its_sides_when_its_mistake_is_sought(answer, message):
    verdict = respond(lesson("tangent-plane-x2y2"), answer)
    assert (verdict.verdict, verdict.message) == ("incorrect", message)


def test_minimize_through_a_wrong_derivative():
    exercise = drill("mn-quadratic", "ben")  # 5x² - 8x + 8: 10x + 8 = 0, or 10x - 8 = 0 solved with the sign lost
    assert respond(exercise, "-4/5").note == "misconception:solved-with-sign-lost|sign-slip"
    assert respond(exercise, "24/5").note == "misconception:gave-minimum-value"


@pytest.mark.parametrize("exercise, answer, message", [
    # f″ = eˣ is 5 only at ln 5, the minimum: the value quoted is said to be its value there
    (("mn-exp", "zoe"), "5",
     "You get this answer if you gave the second derivative, f″(x) = eˣ, which is 5 at the minimum, or if "
     "you solved eˣ = 5 as x = 5. The minimum is at the x where f′(x) = 0. Take the natural logarithm of "
     "both sides: x = ln(5)."),
    # x − 9 ln x: 1 − 9/x = 0 solved the wrong way round first, a slip of solving (outside check h18, F2)
    (("mn-log", "zoe"), "1/9",
     "You get this answer if you divided the wrong way round when solving f′(x) = 0, or if you gave the second "
     "derivative, f″(x) = 9/x², which is 1/9 at the minimum. x = 9, not 1/9. The minimum is at the x where "
     "f′(x) = 0."),
    (("mn-quadratic", "zoe"), "12",  # 6x² + 2x + 9: f″ is a number
     "It looks like you gave the second derivative, f″ = 12. The minimum is at the x where f′(x) = 0."),
])
def test_the_second_derivative_given_is_quoted_as_what_it_is(exercise, answer, message):
    assert respond(drill(*exercise), answer).message == message


@pytest.mark.parametrize("exercise, answer, message", [
    (("pd-at-point", "zoe"), "3x^2 + 6y",
     "It looks like you gave ∂f/∂y without putting in (-3, 3). The answer is its value there, a number."),
    (("g-at-point", "zoe"), "(2x, 3y^2)",
     "It looks like you gave ∇f without putting in (3, -1). The answer is its value there, a vector."),
    (("ex-descent-direction", "zoe"), "(-2x, -2y)",
     "It looks like you gave −∇f without putting in (1, 2). The answer is its value there, a vector."),
])
def test_a_derivative_left_unevaluated_is_told_what_its_value_is(exercise, answer, message):
    assert respond(drill(*exercise), answer).message == message


def test_an_expression_exercise_names_mistakes_only_when_it_says_what_it_is_about(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("""pack: mine
title: Mine
exercises:
  - id: free
    kind: expression
    prompt: "One step of gradient descent on f(x) = x² from x₀ = 3 with α = 0.1: what is x₁?"
    expected: "2.4"
""", encoding="utf-8")
    assert candidates(packs.load(path).exercise("free").variant().problem) == []
    assert candidates(DRILLS.exercise("ex-one-step").variant().problem) != []


DIRECTIONS = """pack: directions
exercises:
  - {id: d1, kind: expression, function: x^2 + y^2, at: [1, 2], expected: "(-2, -4)",
     prompt: "In which direction does f(x, y) = x² + y² decrease fastest at (1, 2)? Give the vector −∇f(1, 2)."}
  - {id: d2, kind: expression, function: x^3 + x y, at: [1, 3], expected: "(-6, -1)",
     prompt: "Give −∇f(1, 3) for f(x, y) = x³ + xy."}
  - {id: d3, kind: expression, function: e^x y, at: [0, 2], expected: "(-2, -1)", name: g,
     prompt: "Give −∇g(0, 2) for g(x, y) = eˣy."}
  - {id: g1, kind: expression, function: x y + y^2, at: [2, 1], expected: "(1, 4)",
     prompt: "Give ∇f(2, 1) for f(x, y) = xy + y²."}
"""
_SAME_WAY = ("It looks like you gave another vector in the direction of {asked}: yours is {yours}, which points "
             "the right way, but the question asks for the vector {asked} itself.")


@pytest.mark.parametrize("exercise_id, asked, answer, yours", [
    ("d1", "−∇f(1, 2)", "(-1/sqrt(5), -2/sqrt(5))", "the unit vector −∇f(1, 2)/|∇f(1, 2)|"),
    ("d1", "−∇f(1, 2)", "(-0.4472, -0.8944)", "the unit vector −∇f(1, 2)/|∇f(1, 2)|"),  # rounded
    ("d1", "−∇f(1, 2)", "(-4, -8)", "−∇f(1, 2) times 2"),
    ("d1", "−∇f(1, 2)", "-(4, 8)", "−∇f(1, 2) times 2"),
    ("d2", "−∇f(1, 3)", "(-12, -2)", "−∇f(1, 3) times 2"),
    ("d2", "−∇f(1, 3)", "(-6/sqrt(37), -1/sqrt(37))", "the unit vector −∇f(1, 3)/|∇f(1, 3)|"),
    ("d3", "−∇g(0, 2)", "(-1, -1/2)", "−∇g(0, 2) times 1/2"),
    ("g1", "∇f(2, 1)", "(1/sqrt(17), 4/sqrt(17))", "the unit vector ∇f(2, 1)/|∇f(2, 1)|"),
    ("g1", "∇f(2, 1)", "3(1, 4)", "∇f(2, 1) times 3"),
])
def test_a_vector_in_the_right_direction_is_told_so_and_what_was_asked(tmp_path, exercise_id, asked, answer, yours):
    # finding 97: the unit vector was "Your first component -√5/5 ≈ -0.447214 is not right."
    (tmp_path / "d.yaml").write_text(DIRECTIONS, encoding="utf-8")
    verdict = respond(packs.load(tmp_path / "d.yaml").exercise(exercise_id).variant(), answer)
    assert (verdict.verdict.value, verdict.note, verdict.message) == (
        "incorrect", "misconception:parallel-vector", _SAME_WAY.format(asked=asked, yours=yours))


def test_a_halved_vector_that_a_derivative_slip_also_gives_is_told_both():
    verdict = respond(drill("ex-descent-direction", "zoe"), "(-1, -2)")
    assert verdict.note == "misconception:power-rule-not-multiplied|parallel-vector"
    assert verdict.message == (
        "You get this answer if you lowered the exponent but did not multiply by it in −∂f/∂x and −∂f/∂y, or if you "
        "gave another vector in the direction of −∇f(1, 2). The derivative of x² is 2x, not x. The derivative of y² "
        "is 2y, not y. Yours is −∇f(1, 2) times 1/2, which points the right way, but the question asks for the vector "
        "−∇f(1, 2) itself.")


@pytest.mark.parametrize("answer", ["-(2, 4)", "−(2, 4)", "2(-1, -2)", "-2(1, 2)", "(-2, -4)"])
def test_the_vector_asked_for_with_a_factor_taken_out_is_right(answer):
    verdict = respond(drill("ex-descent-direction", "zoe"), answer)
    assert (verdict.verdict.value, verdict.message, verdict.reading) == ("correct", "Correct.", "(-2, -4)")


@pytest.mark.parametrize("answer", ["(2, 4)", "(1, 2)", "(-3, -4)", "(0, -4)"])
def test_a_vector_pointing_another_way_is_not_said_to_point_the_right_way(answer):
    assert respond(drill("ex-descent-direction", "zoe"), answer).note != "misconception:parallel-vector"


# ---------------------------------------------------------------- author mistakes


def _pack_with_mistakes(tmp_path, mistakes: str) -> packs.Exercise:
    path = tmp_path / "mine.yaml"
    path.write_text(f"""pack: mine
title: Mine
exercises:
  - id: px
    kind: partial_derivative
    function: 3x^2 y^3
    wrt: x
    mistakes:
{mistakes}
""", encoding="utf-8")
    return packs.load(path).exercise("px").variant()


def test_author_mistakes_come_before_the_catalogue(tmp_path):
    exercise = _pack_with_mistakes(tmp_path, """      - answer: 18xy^2
        feedback: Only x varies here.""")
    verdict = respond(exercise, "18 x y²")
    assert (verdict.note, verdict.message) == ("mistake:author", "Only x varies here.")
    assert respond(exercise, "6x").note == "misconception:dropped-constant-factor"


def test_an_author_mistake_equal_to_the_right_answer_is_never_offered(tmp_path):
    exercise = _pack_with_mistakes(tmp_path, """      - answer: 3 (2x) y^3
        feedback: This would be wrong feedback.""")
    assert respond(exercise, "6xy^3").correct
    assert all(c.misconception != AUTHOR for c in offered(exercise.problem, None, exercise.spec.mistakes))


def test_explain_leaves_other_verdicts_alone():
    exercise = lesson("partial-x-3x2y3")
    correct = exercise.problem.check("6xy^3")
    assert explain(correct, exercise.problem, "6xy^3") is correct


def test_candidates_are_built_once_per_variant():
    exercise = drill("pd-monomial-x", "dan")
    first = _table_for(exercise.problem, None, ())
    again = DRILLS.exercise("pd-monomial-x").variant("dan")
    assert _table_for(again.problem, None, ()) is first


def test_out_of_time_names_nothing():
    problem = lesson("partial-x-3x2y3").problem
    assert diagnose(problem, "18xy^2") is not None
    assert diagnose(problem, "18xy^2", limits=Limits(work=0)) is None


def test_a_typed_decimal_names_a_mistake_only_where_its_own_digits_agree():
    # the slope's tolerance is one place (the lesson's own -18.9); the power rule on eˣ gives -19.9807
    exercise = lesson("descent-1d-slope")
    assert respond(exercise, "-18.9").correct
    assert respond(exercise, "-19.9807").note == "misconception:power-rule-on-exp"
    slip = respond(exercise, "-19.9487")  # 1.0513 - 20 written as -19.9487: an arithmetic slip
    assert not slip.correct and not slip.note.startswith("misconception:")


@pytest.mark.parametrize("answer, said", [
    ("ln(1/5)", "-ln(5) ≈ -1.60944 is not right."), ("e^3", "e³ ≈ 20.0855 is not right."),
    ("sqrt(2)", "√2 ≈ 1.41421 is not right."),
    # a number is quoted as typed, as ever (-19 is -18.9487… to the nearest whole number); a whole number
    # is a decimal with no places under the exercise's tolerance, as -25.0 is
    ("-25", "-25 is not right to 1 decimal place."),
])
def test_a_wrong_number_written_as_an_expression_is_quoted_so_with_its_value(answer, said):
    verdict = respond(lesson("descent-1d-slope"), answer)
    assert (verdict.verdict, verdict.message) == ("incorrect", f"Your answer {said}")


def test_a_point_typed_as_equations_is_the_point_where_no_line_is_critical():
    """The held-out corpus's `x = 2, y = -4` for (2, -4), and outside checks h20 and h22, expected it right."""
    verdict = respond(lesson("critical-x2y2"), "x = 0, y = 0")
    assert (verdict.verdict, verdict.message, verdict.reading) == (
        "correct", "Correct. (Read as the point where x = 0 and y = 0 cross: (0, 0).)", "{(0, 0)}")
    verdict = respond(lesson("critical-x2y2"), "x = 1 and y = 1")
    assert (verdict.verdict, verdict.reading) == ("incorrect", "{(1, 1)}")


def test_a_point_typed_as_equations_is_said_with_its_decimals_as_typed(tmp_path):
    # (-707/500, 0) was said for x = ±1.414 (outside check h64, F13)
    path = pack_file(tmp_path, "{id: c, kind: critical_points, function: x^3 - 6x + y^2, tolerance: 'dp:3'}")
    verdict = respond(packs.load(path).exercise("c").variant(), "x = ±1.414, y = 0")
    assert verdict.message == ("Correct (to 3 decimal places). (Read as the points where x = -1.414, x = 1.414 and "
                               "y = 0 cross: (-1.414, 0), (1.414, 0).)")


def test_coordinates_typed_as_equations_are_told_how_to_write_the_point():
    # x = 4, y = 4 are whole lines in a critical-point answer (the sauna's walls are x = 0 and y = 0)
    exercise = lesson("sauna-critical-points")
    verdict = respond(exercise, "x = 4, y = 4")
    assert (verdict.verdict, verdict.note) == ("invalid", "parse_error:coordinates_as_lines")
    assert verdict.message == "x = 4 and y = 4 are whole lines of points here. For the point where they cross, " \
                              "write (4, 4)."
    assert respond(exercise, "x = 0, y = 0").note == "misconception:missed-critical-points"  # lines indeed
    assert respond(exercise, "x = 5, y = 5").verdict == "incorrect"  # not a critical point: no advice


def test_coordinates_typed_as_equations_in_three_variables_are_planes(tmp_path):
    (tmp_path / "c.yaml").write_text("pack: c\ntitle: c\nexercises:\n  - id: c3\n    kind: critical_points\n"
                                     "    function: x^2 + y^2 + z^2 - 2x\n  - id: c4\n    kind: critical_points\n"
                                     "    function: x^2 y^2 + (z - 1)^2\n", encoding="utf-8")
    pack = packs.load(tmp_path / "c.yaml")
    verdict = respond(pack.exercise("c3").variant(), "x = 1, y = 0, z = 0")  # no plane is critical: the point
    assert (verdict.verdict, verdict.message) == ("correct", "Correct. (Read as the point where x = 1, y = 0 and z = 0 "
                                                             "meet: (1, 0, 0).)")
    verdict = respond(pack.exercise("c4").variant(), "x = 0, y = 0, z = 1")  # beside critical lines, no point
    assert (verdict.verdict, verdict.reading) == ("incorrect", "{{x = 0, y = 0, z = 1}}")


@pytest.mark.parametrize("exercise_id, answer, message", [
    # a piece with a held variable in it says which variable varies: 3x²y³'s derivative is 6xy³ or 9x²y²
    ("partial-y-3x2y3", "3x^2y^3", "It looks like you left 3x²y³ as it is instead of differentiating it. The "
                                   "derivative of 3x²y³ with respect to y is 9x²y²."),
    ("partial-x-3x2y3", "x^3y^3", "It looks like you integrated instead of differentiating: x³y³ is an antiderivative "
                                  "of 3x²y³ with respect to x. The derivative of 3x²y³ with respect to x is 6xy³."),
    # a piece of the varying variable alone needs no more words
    ("partial-y-3x2y3", "9x^2y", "It looks like you multiplied by the exponent and then dropped the power. The power "
                                 "rule lowers the exponent by one: the derivative of y³ is 3y², not 3y."),
])
def test_the_derivative_of_a_piece_with_a_held_variable_says_which_variable_varies(exercise_id, answer, message):
    assert respond(lesson(exercise_id), answer).message == message


def test_a_gradient_s_wrong_part_is_called_by_its_partial_not_its_place():
    exercise = lesson("gradient-x2y2-at-2-3")
    assert exercise.problem.check("(4, 7)").message == "Your ∂f/∂y 7 is not right."
    assert respond(lesson("gradient-x2y2"), "(2x, 3y)").message == (
        "At y = 1 your ∂f/∂y is 3, but the correct value is 2.")


@pytest.mark.parametrize("answer, message", [
    ("(x^2, y^2)", "It looks like you left x² as it is instead of differentiating it in ∂f/∂x and left y² as it is "
     "instead of differentiating it in ∂f/∂y. The derivative of x² is 2x. The derivative of y² is 2y."),
    ("(2x^2, 2y^2)", "It looks like you multiplied by the exponent but did not lower it in ∂f/∂x and ∂f/∂y. The "
     "power rule lowers the exponent by one: the derivative of x² is 2x, not 2x²."),  # the rule said once
    ("(x, y)", "It looks like you lowered the exponent but did not multiply by it in ∂f/∂x and ∂f/∂y. The "
     "derivative of x² is 2x, not x. The derivative of y² is 2y, not y."),
    ("(2x, y^2)", "Your ∂f/∂y: it looks like you left y² as it is instead of differentiating it. The derivative of "
     "y² is 2y."),
])
def test_one_mistake_in_both_partials_is_said_of_each(answer, message):
    assert respond(lesson("gradient-x2y2"), answer).message == message


@pytest.mark.parametrize("exercise_id, student, answer, message", [
    ("d-at-point", "ann", "20",  # f(-2) for f = x² - 8x: f itself, said once
     "It looks like you gave the value of f itself at -2. Differentiate first, then put in the point."),
    ("d-at-point", "ann", "-4", "You get this answer if you treated the term -8x as a constant, or if you left x² as it "
     "is instead of differentiating it. The term -8x changes with x: the derivative of -8x is -8, not 0. The derivative of x² "
     "is 2x."),
    ("pd-at-point", "s2", "33",
     "It looks like you gave the value of f itself at (1, 3). Differentiate first, then put in the point."),
    ("cp-cubic", "cy", "(0, 0), (√3, 0), (-√3, 0)",  # f = x³ - 3x + y²
     "You get this answer if you left x³ - 3x as it is instead of differentiating it, or if you solved f = 0. "
     "The derivative of x³ - 3x is 3x² - 3. A minimum or a critical point is where the slope is zero: solve "
     "∂f/∂x = 0 and ∂f/∂y = 0."),
])
def test_terms_left_as_they_were_are_named_all_and_f_itself_once(exercise_id, student, answer, message):
    """A term left as it was names every term left: the first alone gives another answer (x² - 8 at -2 is -4)."""
    assert respond(drill(exercise_id, student), answer).message == message


@pytest.mark.parametrize("answer, message", [
    # both held terms differentiated: named both, not 3b² alone, which gives 28m + 18b - 42 (outside check h14, F6)
    ("28m + 12b + 6b - 62", "It looks like you differentiated 3b² - 20b as well. In ∂/∂m, b is a constant, so "
                            "3b² - 20b is a constant term and its derivative is 0."),
    ("28m + 18b - 42", "It looks like you differentiated 3b² as well. In ∂/∂m, b is a constant, so 3b² is a "
                       "constant term and its derivative is 0."),
])
def test_terms_held_constant_and_differentiated_are_named_all(answer, message):
    assert respond(lesson("power-lines-dE-dm"), answer).message == message


def test_every_term_held_constant_is_not_said_as_one_term_held_constant():
    # eˣ − 2x from 0: f′ = 0 there only if the 2 is dropped; "treated eˣ as a constant" gives 0.4, and
    # both terms held constant (f′ = 0 everywhere) was said as eˣ alone (an outside check)
    assert respond(drill("gd-exp", "zoe"), "0").message == (
        "It looks like you dropped the constant coefficient 2. A constant coefficient stays: the derivative of "
        "2x is 2 times the derivative of x.")
    assert respond(drill("gd-exp", "zoe"), "0.4").note == "misconception:term-treated-as-constant"
    assert respond(lesson("descent-1d-step-2"), "0.05").note == "wrong_value"  # the start: no mistake of these



def test_every_coefficient_a_dropped_coefficients_answer_drops_is_named(tmp_path):
    """Outside check h18, F1: the minimum of 2x² + 8x + 7 taken as -1/2 (f′ as 2x + 1) was told "you dropped the
    constant coefficient 2", which alone gives 2x + 8 and -4."""
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\ntitle: P\nexercises:\n  - {id: m, kind: minimize, function: 2x^2 + 8x + 7}\n",
                    encoding="utf-8")
    verdict = respond(packs.load(path).exercise("m").variant(), "-1/2")
    assert verdict.message.startswith("You get this answer if you divided the wrong way round when solving f′(x) = 0, "
                                      "or if you dropped the constant coefficients 2 and 8.")


def test_a_cost_at_m_and_b_put_in_the_wrong_way_round_is_named():
    """Outside check h14, F3: E(1, 3) for E(3, 1) was "Your answer 9 is not right." (here E(2, 1) = 2 on (0, 2),
    (1, 3), (2, 6), and E(1, 2) = 4)."""
    verdict = respond(drill("cost-value", "s6"), "4")
    assert (verdict.note, verdict.message) == ("misconception:evaluated-at-swapped-point",
                                               "It looks like you evaluated at (1, 2) instead of (2, 1): here m = 2 "
                                               "and b = 1.")


def test_a_descent_step_slipped_with_the_slope_rounded_as_the_slide_shows_it_is_both():
    """Outside check h24: 0.05 − 0.005·18.9 (the slide's f′(0.05) = -18.9, moved along instead of against) was only
    "not right to 4 decimal places"."""
    verdict = respond(lesson("descent-1d-step-1"), "0.05 - 0.005*18.9")
    assert (verdict.note, verdict.reading) == ("misconception:gradient-ascent+slope-rounded-early", "-0.0445")
