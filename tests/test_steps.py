"""Derivations: which rules fire, what they say, and that every step is right."""

from __future__ import annotations

import json

import pytest
import sympy
from solve_helpers import check_derivation, lesson, shown

from tutor import packs
from tutor.calculus import derivative
from tutor.practice import lesson_steps
from tutor.steps import Rule, classify_steps, critical_steps, derivative_steps, render_latex, render_text, to_json
from tutor.topics.gradient.steps import GradientRule, gradient_steps
from tutor.topics.gradient_descent.steps import DescentRule, descent_steps
from tutor.topics.least_squares.steps import FitRule, least_squares_steps
from tutor.topics.tangent_plane.steps import tangent_steps

R = Rule

# input, variable, the rules in order (depth first), the result as the tutor shows it
RULE_TABLE = [
    ("3x^2 y^3", "x", [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.CONSTANT_MULTIPLE, R.POWER], "6xy³"),
    ("3x^2 y^3", "y", [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.CONSTANT_MULTIPLE, R.POWER], "9x²y²"),
    ("x^2 + y^2", "x", [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.SUM, R.POWER, R.CONSTANT], "2x"),
    ("e^x - ln x", "x", [R.DIFFERENTIATE, R.SUM, R.EXP, R.CONSTANT_MULTIPLE, R.LOG], "eˣ - 1/x"),
    ("x^2 (x - 6)", "x",
     [R.DIFFERENTIATE, R.PRODUCT, R.POWER, R.SUM, R.IDENTITY, R.CONSTANT, R.SIMPLIFY], "x(3x - 12)"),
    ("x/(x + 1)", "x", [R.DIFFERENTIATE, R.QUOTIENT, R.IDENTITY, R.SUM, R.IDENTITY, R.CONSTANT],
     "1/(x + 1)²"),
    ("sin(2x)", "x", [R.DIFFERENTIATE, R.CHAIN, R.SIN, R.CONSTANT_MULTIPLE, R.IDENTITY], "2 cos(2x)"),
    ("cos x", "x", [R.DIFFERENTIATE, R.COS], "-sin(x)"),
    ("tan x", "x", [R.DIFFERENTIATE, R.TAN], "tan(x)² + 1"),
    ("sqrt x", "x", [R.DIFFERENTIATE, R.ROOT, R.POWER], "1/(2√x)"),
    ("2^x", "x", [R.DIFFERENTIATE, R.EXPONENTIAL], "2ˣ ln(2)"),
    # the power rule's form is the result, with no 'Simplify' to xʸy/x after it (h24, F7)
    ("x^y", "x", [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.POWER], "xʸ⁻¹y"),
    # and (2x)ʸ's the chain rule's, where a 'Simplify' step split it into xʸ⁻¹y2ʸ (outside check h28, N8)
    ("(2x)^y", "x", [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.CHAIN, R.POWER, R.CONSTANT_MULTIPLE, R.IDENTITY],
     "2(2x)ʸ⁻¹y"),
    ("5", "x", [R.DIFFERENTIATE, R.CONSTANT], "0"),
    ("1/x", "x", [R.DIFFERENTIATE, R.POWER], "-1/x²"),
    ("x sin x", "x", [R.DIFFERENTIATE, R.PRODUCT, R.IDENTITY, R.SIN], "x cos(x) + sin(x)"),
    ("(3x + 1)^5", "x",
     [R.DIFFERENTIATE, R.CHAIN, R.POWER, R.SUM, R.CONSTANT_MULTIPLE, R.IDENTITY, R.CONSTANT], "15(3x + 1)⁴"),
    ("ln(x^2 + 1)", "x", [R.DIFFERENTIATE, R.CHAIN, R.LOG, R.SUM, R.POWER, R.CONSTANT], "2x/(x² + 1)"),
    ("e^(x y)", "x",
     [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.CHAIN, R.EXP, R.CONSTANT_MULTIPLE, R.IDENTITY], "yeˣʸ"),
    ("sqrt(x^2 + y^2)", "x",
     [R.DIFFERENTIATE, R.TREAT_AS_CONSTANT, R.ROOT, R.CHAIN, R.POWER, R.SUM, R.POWER, R.CONSTANT],
     "x/√(x² + y²)"),
    ("asin x", "x", [R.DIFFERENTIATE, R.FALLBACK], "1/√(1 - x²)"),
    # xˣ = e^(x ln x), through the lesson's rules, where it had no derivation at all (outside check h32, F6)
    ("x^x", "x", [R.DIFFERENTIATE, R.VARIABLE_POWER, R.PRODUCT, R.IDENTITY, R.LOG], "xˣ(ln(x) + 1)"),
    ("(x^2 + 1)^x", "x", [R.DIFFERENTIATE, R.VARIABLE_POWER, R.PRODUCT, R.IDENTITY, R.CHAIN, R.LOG, R.SUM, R.POWER,
                          R.CONSTANT, R.SIMPLIFY], "(x² + 1)ˣ(x² ln(x² + 1) + ln(x² + 1) + 2x²)/(x² + 1)"),
]


@pytest.mark.parametrize("f, wrt, rules, result", RULE_TABLE)
def test_rule_table(f, wrt, rules, result):
    derivation = derivative_steps(f, wrt)
    assert [s.rule for s in derivation.walk()] == rules
    assert shown(derivation.after) == result
    assert derivation.after == derivative(lesson(f), wrt)


def test_lesson_wording_treat_y_as_a_constant():
    text = render_text(derivative_steps("3x^2 y^3", "x"))
    assert "Treat y as a constant" in text
    assert "3y³ is a constant coefficient" in text
    assert text.splitlines()[0] == "∂/∂x[3x²y³] = 6xy³"


def test_several_constants_are_named_in_the_plural():
    text = render_text(derivative_steps("x y z", "x"))
    # was "… so y and z act like a fixed number."
    assert "Treat y and z as constants: only x varies, so y and z act like fixed numbers." in text
    assert "Treat y as a constant: only x varies, so y acts like a fixed number." in render_text(
        derivative_steps("x y", "x"))


def test_one_variable_uses_d_dx_and_no_constants_step():
    text = render_text(derivative_steps("e^x - ln x", "x"))
    assert text.startswith("d/dx[eˣ - ln(x)] = eˣ - 1/x")
    assert "∂" not in text and "constant:" not in text.lower()


def test_sauna_derivation_ends_with_the_lessons_form():
    derivation = derivative_steps("85 - 1/90 x^2 (x-6) y^2 (y-6)", "x")
    assert derivation.substeps[-1].rule is R.SIMPLIFY
    assert shown(derivation.after) == "-x(3x - 12)y²(y - 6)/90"
    assert "Product rule" in render_text(derivation)


def test_substitution_letter_avoids_the_students_variables():
    derivation = derivative_steps("sin(u x)", "x", ["u", "x"])
    chain = next(s for s in derivation.walk() if s.rule is R.CHAIN)
    assert chain.get("letter").name not in ("u", "x")
    assert "sin(v) with v = ux" in render_text(derivation)
    assert "d/dv[sin(v)] = cos(v)" in render_text(derivation)


@pytest.mark.parametrize("f, first", [
    ("x^x", "1. Both the base and the exponent vary, so write xˣ = eˣˡⁿ⁽ˣ⁾, as x = eˡⁿ⁽ˣ⁾: by the chain rule, d/dx[xˣ] = "
            "xˣ · d/dx[x ln(x)] = xˣ(ln(x) + 1)."),
    ("(x^2 + 1)^x", "1. Both the base and the exponent vary, so write (x² + 1)ˣ = e^(x ln(x² + 1)), as x² + 1 = "
                    "e^(ln(x² + 1)): by the chain rule, d/dx[(x² + 1)ˣ] = (x² + 1)ˣ · d/dx[x ln(x² + 1)] = "
                    "(x² + 1)ˣ(ln(x² + 1) + 2x²/(x² + 1))."),
])
def test_a_power_whose_base_and_exponent_both_vary_is_written_as_an_exponential(f, first):
    assert render_text(derivative_steps(f, "x")).splitlines()[1] == first


def test_fallback_is_marked_and_names_no_library():
    assert render_text(derivative_steps("asinh(x)", "x")).splitlines()[1] == (
        "1. The lesson has no rule for asinh(x); its derivative is d/dx[asinh(x)] = 1/√(x² + 1).")


def test_latex_and_json_renderers():
    derivation = derivative_steps("3x^2 y^3", "y")
    latex = render_latex(derivation)
    assert r"\frac{\partial}{\partial y}\left[3 x^{2} y^{3}\right]" in latex
    assert r"\begin{enumerate}" in latex and latex.count(r"\begin{enumerate}") == latex.count(r"\end{enumerate}")
    assert "Treat $x$ as a constant" in latex
    data = to_json(derivation)
    assert data["rule"] == "differentiate" and data["after"] == "9x²y²"
    assert [s["rule"] for s in data["substeps"]] == ["treat_as_constant", "constant_multiple"]
    assert data["substeps"][0]["text"].startswith("Treat x as a constant")
    json.dumps(data, ensure_ascii=False)


def test_the_tangent_plane_s_formula_is_one_piece_of_maths_in_latex():
    # its names were maths and the rest text, f_x with a literal underscore (outside check h65, F9)
    from tutor.topics.tangent_plane.steps import tangent_steps
    plane, line = tangent_steps("x^2 + y^2", None, {"x": 2, "y": 4}), tangent_steps("x^2", None, {"x": 2})
    assert (r"put these into $z = f(a, b) + f_{x}(a, b)(x - a) + f_{y}(a, b)(y - b)$: "
            r"$z = 20 + 4 \left(x - 2\right) + 8 \left(y - 4\right)$.") in render_latex(plane)
    assert "Put these into $y = f(a) + f'(a)(x - a)$:" in render_latex(line)
    assert "put these into z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b): z = 20 + 4(x - 2) + 8(y - 4)." \
        in render_text(plane)


def test_every_rule_has_a_template():
    from tutor.steps import TEMPLATES, StepRule
    assert set(TEMPLATES) == set(Rule)
    import tutor.topics  # noqa: F401 - every kind's rules, with their wording beside them
    kinds = StepRule.__subclasses__()
    assert {GradientRule, DescentRule, FitRule} <= set(kinds)
    for rules in kinds:
        assert all(rule.template for rule in rules), rules
    names = [rule.value for rules in kinds for rule in rules]  # JSON names a step by its rule's value
    assert len(names) == len(set(names))


# ------------------------------------------------------------- the other builders


def test_gradient_steps():
    derivation = gradient_steps("x^2 + y^2", None, {"x": 2, "y": 3})
    text = render_text(derivation)
    assert "Treat y as a constant" in text and "Treat x as a constant" in text
    assert "∇f = (2x, 2y)" in text
    assert text.splitlines()[-1] == ("4. At (2, 3), put x = 2 and y = 3 into each component: "
                                     "∇f(2, 3) = (2·2, 2·3) = (4, 6).")
    assert [s.rule for s in derivation.substeps] == [R.DIFFERENTIATE, R.DIFFERENTIATE, GradientRule.GRADIENT_VECTOR,
                                                     GradientRule.GRADIENT_AT_WRITTEN]


def test_the_gradient_at_a_point_puts_the_point_into_each_component():
    """The lesson's ∇f = [2·2, 2·3] = [4, 6]: the numbers in place of the variables, then their values; one line
    per component where the whole vector would be too long to read, the values alone where a component is."""
    lines = render_text(gradient_steps("x^2 y + 3y^2", None, {"x": -2, "y": 3})).splitlines()
    assert lines[-1] == ("4. At (-2, 3), put x = -2 and y = 3 into each component: "
                         "∇f(-2, 3) = (2(-2)·3, (-2)² + 6·3) = (-12, 22).")
    lines = render_text(gradient_steps("x^3 y^4 exp(x y) sin(x + y) cos(x - y)", None, {"x": 1, "y": 2})).splitlines()
    assert lines[-1] == ("4. Put x = 1 and y = 2 into each component: "
                         "∇f(1, 2) = (16(cos(2) + 5 sin(3)cos(1))e², 16(cos(4) + 3 sin(3)cos(1))e²).")


def test_critical_steps_for_the_sauna():
    derivation = critical_steps("85 - 1/90 x^2 (x-6) y^2 (y-6)", None, "0 <= x <= 5, 0 <= y <= 5")
    text = render_text(derivation)
    assert "Factor ∂f/∂x: -x(3x - 12)y²(y - 6)/90 = -x(x - 4)y²(y - 6)/30." in text
    assert "x = 0, x = 4, y = 0 or y = 6" in text
    assert "x = 0, x = 6, y = 0 or y = 4" in text
    assert "every point of x = 0 is critical, a whole line" in text
    assert "(0, 6) is outside: it breaks y ≤ 5" in text
    assert "(6, 6) is outside" in text
    assert "(4, 4) is inside" in text
    assert "At (4, 4): f_xx = 64/15" in text and "4096/225 > 0: a local minimum" in text
    assert "At (6, 6)" not in text and "a saddle point." not in text, "(6, 6) lies outside the room: the lesson leaves it out"
    assert "f = 85 all along it" in text
    # the lesson: the walls x = 0 and y = 0 are maxima, with T = 85
    assert ("Where 0 ≤ y ≤ 5: every point of it is a local maximum, since f = 85 all along it and f ≤ 85 near "
            "each of its points") in text
    assert "Where 0 ≤ x ≤ 5: every point of it is a local maximum" in text
    rules = [s.rule for s in derivation.substeps]
    assert rules[:3] == [R.DIFFERENTIATE, R.DIFFERENTIATE, R.SET_TO_ZERO]
    assert R.REGION in rules and R.CLASSIFY in rules
    # the first and the last statement are the exercise's answer: only what lies in the room
    assert text.splitlines()[0].endswith("in the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5: {(4, 4), x = 0, y = 0}")
    assert text.splitlines()[-1].endswith("So the critical points in the region are {(4, 4), x = 0, y = 0}.")


def test_least_squares_steps_for_the_power_lines():
    derivation = least_squares_steps([(1, 2), (2, 5), (3, 3)])
    text = render_text(derivation)
    lines = text.splitlines()
    assert "E(m, b) = (m + b - 2)² + (2m + b - 5)² + (3m + b - 3)²" in text
    # each square multiplied out as the lesson does: the squares of the terms, then twice each product
    assert "Multiply out (m + b - 2)²: the square of each term, then twice each product of two terms: " \
           "m² + b² + 4 + 2mb - 4m - 4b." in text
    assert "4m² + b² + 25 + 4mb - 20m - 10b" in text and "9m² + b² + 9 + 6mb - 18m - 6b" in text
    assert "E(m, b) = 14m² + 3b² + 38 + 12mb - 42m - 20b" in text
    assert "∂E/∂m = 28m + 12b - 42" in text
    assert "∂E/∂b = 6b + 12m - 20" in text
    # the lesson's quiz, derived, not given bare (outside check h10); a detail the lesson's level leaves out, so
    # that its elimination still fits on the screen
    assert "   6.1. Treat b as a constant: only m varies, so b acts like a fixed number." in lines
    assert "      6.2.2. Constant multiple: 12b is a constant coefficient, so ∂/∂m[12mb] = 12b · ∂/∂m[m] = 12b." in lines
    short = render_text(derivation, depth=2).splitlines()
    assert "6. ∂E/∂m = 28m + 12b - 42." in short and not any(line.startswith("   6.1.") for line in short)
    assert "   9.1. Multiply the second equation by 2: 12b + 24m - 40 = 0." in short
    # the normal equations by elimination, move by move, in the lesson's words and numbers
    elimination = [line.split(". ", 1)[1] for line in lines if line.lstrip().startswith("9.")]
    assert elimination == [
        "Solve them by elimination: m = 1/2 and b = 7/3.",
        "Multiply the second equation by 2: 12b + 24m - 40 = 0.",
        "Subtract the second equation from the first: b cancels, leaving 4m - 2 = 0.",
        "So m = 2/4 = 1/2.",
        "Put m = 1/2 into the second equation: 6b + 12(1/2) - 20 = 0.",
        "Multiply out: 6b + 6 - 20 = 0.",
        "Collect the numbers: 6b - 14 = 0.",
        "So b = 14/6 = 7/3.",
    ]
    assert "Solve the linear system" not in text
    assert "E(1/2, 7/3) = 25/6 ≈ 4.16667" in text
    assert lines[0] == "Least squares: fitting y = mx + b to 3 points gives y = x/2 + 7/3"


def test_least_squares_steps_write_m_and_b_alike_and_no_approximation_that_says_nothing():
    # m = 7/5 beside b = 19/10, which the printer writes 1.9: "So m = 28/20 = 7/5." … "So b = 76/(5·8) = 1.9."
    lines = render_text(least_squares_steps([(0, 0), (1, 8), (2, 1), (3, 7)])).splitlines()
    assert lines[0] == "Least squares: fitting y = mx + b to 4 points gives y = 1.4x + 1.9"
    assert [line.strip() for line in lines[-6:-1]] == [
        "9.4. So m = 28/20 = 1.4.", "9.5. Put m = 1.4 into the second equation: 8b + 12·1.4 - 32 = 0.",
        "9.6. Multiply out: 8b + 16.8 - 32 = 0.", "9.7. Collect the numbers: 8b - 15.2 = 0.",
        "9.8. So b = 15.2/8 = 1.9."]
    assert lines[-1] == "10. The least cost: E(1.4, 1.9) = 40.2."  # was "= 201/5 ≈ 40.2"
    # points on a line: the least cost is 0, not "0 ≈ 0"
    on_a_line = render_text(least_squares_steps([(0, 1), (1, -3), (2, -7), (4, -15)])).splitlines()
    assert on_a_line[-1] == "11. The least cost: E(-4, 1) = 0."


def test_least_squares_steps_with_many_points_do_not_write_every_square():
    points = [(i, 2 * i + 1 + (i % 3)) for i in range(50)]
    derivation = least_squares_steps(points)
    assert [s.rule for s in derivation.substeps][:2] == [FitRule.COST, FitRule.PARTIAL_DERIVATIVE]
    # 50 squares multiplied out would be some 5000 characters; the partials' derivations are some 1000 of these
    assert len(render_text(derivation)) < 3500


def test_descent_steps_fill_in_the_numbers():
    text = render_text(descent_steps("e^x - ln x", None, 0.05, 0.005, 20))
    assert "f′(0.05) = -18.9487, so the new point is 0.05 − 0.005·(-18.9487) = 0.144744" in text
    assert "Iterations 4 to 19 go the same way." in text
    assert "Iteration 20:" in text
    text = render_text(descent_steps("85 - 1/90 x^2 (x-6) y^2 (y-6)", None, (0.5, 0.6), 0.05, 2))
    assert "∇f(0.5, 0.6) = (-0.1134, -0.0935)" in text
    assert "= (0.50567, 0.604675)" in text


def test_the_steps_call_the_function_what_the_prompt_does():
    """The sauna's T is T in its steps too: ∇T, ∂T/∂x, "where T = ...", |∇T|, not f."""
    pack = packs.load("gradients")

    def text(exercise_id: str) -> str:
        return render_text(pack.exercise(exercise_id).variant("s").steps())

    gradient = text("descent-heat-gradient")
    assert gradient.startswith("The gradient of T = 85 - x²(x - 6)y²(y - 6)/90 at (0.5, 0.6): ∇T(0.5, 0.6) = ")
    assert "Put the partial derivatives together: ∇T = (" in gradient and "∇f" not in gradient
    step = text("descent-heat-step-1")
    assert "Iteration 1: ∇T(0.5, 0.6) = (-0.1134, -0.0935)" in step and "where T = 84.9692" in step
    critical = text("sauna-critical-points")
    assert "Factor ∂T/∂x:" in critical and "T = 85 all along it" in critical and "f = 85" not in critical
    latex = render_latex(pack.exercise("descent-heat-step-1").variant("s").steps())
    assert r"$\nabla T" in latex and "nabla f" not in latex
    assert "∇f(2, 3)" in text("gradient-x2y2-at-2-3")  # an exercise that names no function keeps f


def test_descent_steps_report_divergence():
    derivation = descent_steps("x^2", None, 1, 1.5)
    assert derivation.substeps[-1].rule is DescentRule.DIVERGED
    assert "try a smaller learning rate" in render_text(derivation)


def test_tangent_steps():
    text = render_text(tangent_steps("x^2 + y^2", None, {"x": 2, "y": 4}))
    assert "f(2, 4) = 20" in text
    assert "∂f/∂x = 2x, so ∂f/∂x(2, 4) = 4" in text
    assert "z = 20 + 4(x - 2) + 8(y - 4)" in text
    assert text.splitlines()[0].endswith("z = 4x + 8y - 20")


def test_a_tangent_plane_of_one_slope_term_is_written_without_brackets_and_not_simplified():
    # f(1, 0) = 0 and f_y(1, 0) = 0 leave 1·(x - 1): it was "z = (x - 1)", then "Simplify: (x - 1) = x - 1" (607)
    lines = render_text(tangent_steps("ln(x) + y^2", None, {"x": 1, "y": 0})).splitlines()
    # the 0s put in said before they are dropped (outside check h24, F9)
    assert lines[-1] == ("4. The tangent plane contains both tangent lines, so put these into z = f(a, b) + "
                         "f_x(a, b)(x − a) + f_y(a, b)(y − b): z = 0 + 1(x - 1) + 0(y - 0), that is z = x - 1.")
    assert render_text(tangent_steps("ln(x)", None, {"x": 1})).splitlines()[-1] == \
        "3. Put these into y = f(a) + f′(a)(x − a): y = 0 + 1(x - 1), that is y = x - 1."
    # beside f(a, b) the bracket stays, as the lesson writes it, and is then simplified
    assert render_text(tangent_steps("x + y^2", None, {"x": 1, "y": 0})).splitlines()[-2:] == [
        "4. The tangent plane contains both tangent lines, so put these into z = f(a, b) + f_x(a, b)(x − a) + "
        "f_y(a, b)(y − b): z = 1 + 1(x - 1) + 0(y - 0), that is z = 1 + (x - 1).",
        "5. Simplify: 1 + (x - 1) = x."]


def test_a_square_of_one_term_is_not_multiplied_out():
    # a point at (0, 0) has the error b: "Multiply out b²: … twice each product of two terms: b²" said nothing (607)
    text = render_text(least_squares_steps([(0, 0), (1, 1)]))
    assert "Multiply out b²" not in text
    assert "2. Multiply out (m + b - 1)²: the square of each term, then twice each product of two terms: " \
           "m² + b² + 1 + 2mb - 2m - 2b." in text.splitlines()


# ----------------------------------------------------------------- every step holds


@pytest.mark.parametrize("f, wrt", [(f, wrt) for f, wrt, _, _ in RULE_TABLE] +
                         [("85 - 1/90 x^2 (x-6) y^2 (y-6)", "y")])
def test_every_step_of_the_table_holds(f, wrt):
    check_derivation(derivative_steps(f, wrt), wrt)


def test_classifying_a_point_the_test_cannot_decide_goes_on_to_fs_values():
    # as `tutor solve critical` does: the classify exercise's steps stopped at "not decided by the test"; then
    # f's values were a level below the test, so the lesson's view (two levels) left out what decides the
    # point, and "from the factors" was said of x⁴ + 7y⁴, which has none
    exercise = packs.load("drills").exercise("cl-flat").variant("ann")
    short, hidden = lesson_steps(exercise.steps())
    lines = short.splitlines()
    assert lines[0] == ("The critical point (0, 0) of f = x⁴ + 7y⁴: not decided by the test; f's values show a "
                        "local minimum")
    assert lines[-4] == "3. Classify the point:"
    assert lines[-3].startswith("   3.1. Differentiate each partial derivative again: f_xx = ∂/∂x[4x³] = 12x², ")
    assert lines[-2:] == [
        "   3.2. At (0, 0): f_xx = 0, f_yy = 0, f_xy = 0, so D = f_xx·f_yy - f_xy² = 0: not decided by the test.",
        "   3.3. The test cannot decide at (0, 0), but f's values can: it is a local minimum, since f = 0 there "
        "and f ≥ 0 near it (f - f(P) = x⁴ + 7y⁴ is a sum of even powers with positive coefficients)."]
    assert hidden  # the derivatives' rules are left out, not f's values
    assert render_text(exercise.steps()).splitlines()[-1] == lines[-1]


@pytest.mark.parametrize("f, point, headline, values", [
    # f − f(P) with a factor that changes sign through the point: its factors decide
    ("x^4 - y^4", (0, 0), "not decided by the test; f's values show a saddle point",
     "but f's values can: it is a saddle point, since f takes values above and below 0 near it (from the factors "
     "of f - f(P) = (x - y)(x + y)(x² + y²), P being (0, 0))."),
    # only even powers of x − 1 and y + 2, all with negative coefficients: f ≤ f(P), with no factoring
    ("7 - (x-1)^4 - 2(y+2)^6", (1, -2), "not decided by the test; f's values show a local maximum",
     "but f's values can: it is a local maximum, since f = 7 there and f ≤ 7 near it (f - f(P) = -(x - 1)⁴ "
     "- 2(y + 2)⁶ is a sum of even powers with negative coefficients)."),
    # f − f(P) is y³ on the line x = 0: it changes sign there, though its one factor x² + y³ has a cusp at P
    ("x^2 + y^3", (0, 0), "not decided by the test; f's values show a saddle point",
     "but f's values can: it is a saddle point, since f takes values above and below 0 near it (on the line "
     "x = 0, f - f(P) = y³, which changes sign at y = 0)."),
    ("-x^3 - 2y^2", (0, 0), "not decided by the test; f's values show a saddle point",
     "but f's values can: it is a saddle point, since f takes values above and below 0 near it (on the line "
     "y = 0, f - f(P) = -x³, which changes sign at x = 0)."),
    # neither decides: the headline says only what the test says, and the step does not say "but f's values can"
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6", (0, 0), "not decided by the test",
     "and the tutor could not decide it from f's values near it either: it is left undecided."),
])
def test_the_reason_fs_values_give_is_the_one_that_decided(f, point, headline, values):
    lines = render_text(classify_steps(f, ["x", "y"], [sympy.Integer(c) for c in point])).splitlines()
    assert lines[0].endswith(f": {headline}")
    assert lines[-1] == f"   3.3. The test cannot decide at ({point[0]}, {point[1]}), {values}"


def test_a_single_case_is_solved_without_each_and_the_critical_points_are_said_once():
    # x⁴ − 3x² + x: "Solve each case:" over one case, and "So the critical points are …" again after the test
    assert render_text(critical_steps("x^4 - 3x^2 + x"), depth=1).splitlines()[1:] == [
        "1. d/dx[x⁴ - 3x² + x] = 4x³ - 6x + 1",
        "2. At a critical point the derivative is 0: 4x³ - 6x + 1 = 0.",
        "3. Solve the equation (…).",
        "4. The critical points: x = -1.30083…, x = 0.169938…, x = 1.1309….",
        "5. Classify each point with the second-derivative test (…)."]
    two = render_text(critical_steps("y^2 + 0.3x + (x^2-1)^2")).splitlines()
    assert two[two.index("5. Solve the equations together:") + 1:] == [
        "   5.1. 40x³ - 40x = -3 and y = 0: the points (-1.03557…, 0), (0.0754291…, 0) and (0.960149…, 0).",
        "6. The critical points: {(-1.03557…, 0), (0.0754291…, 0), (0.960149…, 0)}.",
        "7. Classify each point with the second-derivative test:",
        "   7.1. Differentiate each partial derivative again: f_xx = ∂/∂x[4x(x² - 1) + 0.3] = 4(3x² - 1), "
        "f_yy = ∂/∂y[2y] = 2, and the mixed one f_xy = ∂/∂y[4x(x² - 1) + 0.3] = 0. Where ∇f = 0, D = "
        "f_xx·f_yy − f_xy² > 0 means f curves the same way in every direction: a local minimum if f_xx > 0, a local "
        "maximum if f_xx < 0; D < 0 means it curves up one way and down another (a saddle point); D = 0 does not "
        "decide.",
        "   7.2. At (-1.03557…, 0): f_xx = 8.86907…, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = 17.7381… > 0: "
        "a local minimum.",
        "   7.3. At (0.0754291…, 0): f_xx = -3.93172…, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = -7.86345… < 0: "
        "a saddle point.",
        "   7.4. At (0.960149…, 0): f_xx = 7.06264…, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = 14.1252… > 0: "
        "a local minimum."]
    # several cases keep their heading; one point is "the point"
    assert "8. Take one condition from each equation and solve them together:" in \
        render_text(critical_steps("85 - x^2 (x - 6) y^2 (y - 6)/90")).splitlines()
    assert "6. Classify the point with the second-derivative test:" in \
        render_text(critical_steps("x^2 + y^2")).splitlines()


def test_the_zero_product_rule_is_said_only_of_a_product_and_one_equations_roots_together():
    # 4x³ − 6x + 1 is no product: the rule was said of it, and its three roots made three "cases"
    text = render_text(critical_steps("x^4 - 3x^2 + x"))
    assert "A product is 0" not in text
    assert "4x³ - 6x = -1: the points -1.30083…, 0.169938… and 1.1309…." in text


@pytest.mark.parametrize("f, heading, said", [
    # outside check h10: x² + x = -1 vanished between the cases and the points, and x² + 1 = 0 alone left
    # "Solve each case:" with nothing under it
    ("x^2/2 + 1/x + y^2", "6. Take one condition from each equation and solve them together:",
     "   6.2. x² + x = -1 and y = 0: no real solution (x² + x + 1 = 0 has none: its discriminant 1² − 4·1·1 = -3 is "
     "negative)."),
    ("x^3/3 + x", "3. Solve the equation:", "   3.1. x² = -1: no real solution (x² is never negative)."),
    ("x^3/3 - x^2 + 2x + y^2", "4. Solve the equations together:",
     "   4.1. x² - 2x = -2 and y = 0: no real solution (x² - 2x + 2 = 0 has none: its discriminant (-2)² − 4·1·2 = -4 "
     "is negative)."),
])
def test_a_case_with_no_real_solution_is_said_with_why(f, heading, said):
    lines = render_text(critical_steps(f)).splitlines()
    assert lines[lines.index(heading) + 1:].count(said) == 1


@pytest.mark.parametrize("mean, worked", [
    # outside check h10: "E(1/2, 7/3) = 25/6" with no arithmetic; the errors 5/6, -5/3, 5/6 give it
    (False, ["   6.1. The errors mxᵢ + b − yᵢ there, point by point: 5/6, -5/3 and 5/6.",
             "   6.2. Add up their squares: E(1/2, 7/3) = (5/6)² + (-5/3)² + (5/6)² = 25/36 + 25/9 + 25/36 = 25/6."]),
    (True, ["   7.1. The errors mxᵢ + b − yᵢ there, point by point: 5/6, -5/3 and 5/6.",
            "   7.2. Add up their squares: E(1/2, 7/3) = (5/6)² + (-5/3)² + (5/6)² = 25/36 + 25/9 + 25/36 = 25/6.",
            "   7.3. Divide by 2·3: L(1/2, 7/3) = E(1/2, 7/3)/(2·3) = 25/36."]),
])
def test_a_cost_s_value_is_worked_out(capsys, mean, worked):
    from tutor.cli import main
    assert main(["solve", "cost", "--points", "(1,2), (2,5), (3,3)", "--at", "m=1/2,b=7/3", "--steps",
                 *(["--mean"] if mean else [])]) == 0
    assert capsys.readouterr().out.splitlines()[-len(worked):] == worked


def test_three_variables_show_the_hessian_and_what_its_minors_mean():
    # outside check h10: "the leading principal minors of the Hessian are 2, 4 and 8", with no Hessian shown
    lines = render_text(critical_steps("x^2 + y^2 + z^2 - 2x + 4z")).splitlines()
    test = lines.index("9. Classify the point with the second-derivative test:")
    assert lines[test + 1].startswith("   9.1. Differentiate each partial derivative again: f_xx = 2, f_yy = 2, f_zz = 2, "
                                      "f_xy = 0, f_xz = 0 and f_yz = 0. Where ∇f = 0, the Hessian (the square array "
                                      "of these) decides by its leading principal minors, the determinants of its "
                                      "top-left 1×1, 2×2 and 3×3 blocks: all positive means f curves up in every "
                                      "direction (a local minimum);")
    assert lines[test + 2] == ("   9.2. At (1, 0, -2): f_xx = 2, f_yy = 2, f_zz = 2, f_xy = 0, f_xz = 0 and f_yz = 0, "
                               "so the leading principal minors of the Hessian are 2, 4 and 8: a local minimum.")
    # entries that are formulas, before their values
    assert "f_zz = 12z²" in render_text(critical_steps("x^2 - y^2 + z^4 + x y + z"))


def test_a_fraction_is_zero_where_its_numerator_is_not_where_a_factor_is():
    # finding 466: "A product is 0 when one of its factors is" was said of (xeˣ − 1)/x, a quotient
    assert "4. A fraction is 0 where its numerator is 0 and its denominator is not: ∂f/∂x = 4x/(x² + 1)² = 0 " \
           "when x = 0." in render_text(critical_steps("(x^2 - 1)/(x^2 + 1) + y^2")).splitlines()
    assert "6. A product is 0 when one of its factors is: ∂f/∂y = (x - 1)(x + 1) = 0 when x = 1 or x = -1." \
        in render_text(critical_steps("x^2 y - y")).splitlines()


def test_a_short_view_ends_a_heading_whose_lines_it_leaves_out_as_a_sentence():
    short = render_text(critical_steps("85 - x^2 (x - 6) y^2 (y - 6)/90"), depth=1).splitlines()
    assert "8. Take one condition from each equation and solve them together (…)." in short


def test_a_division_of_two_negatives_is_shown_with_the_signs_cancelled(capsys):
    # finding 467: "b = -3/(-4)" left as it stood; the signs cancel before the division is shown
    from tutor.cli import main
    assert main(["solve", "lstsq", "--points", "(1,1.5), (2,2), (4,3.5)", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "   9.3. So b = 3/4." in lines
    assert not any("/(-" in line for line in lines)


# ------------------------------------------------------------- questions written by hand


def test_a_question_written_by_hand_about_a_function_gets_the_worked_solution_of_what_it_asks():
    """Finding 470: the drills' hand-written questions about f at a point (`expression` with `function`
    and `at`) said "There is no worked solution"; the expected answer is −∇f, a descent step, E's value."""
    drills = packs.load("drills")

    def text(exercise_id: str) -> str:
        return lesson_steps(drills.exercise(exercise_id).variant(None).steps())[0]

    assert text("ex-descent-direction") == (
        "The direction of greatest descent of f = x² + y² at (1, 2): −∇f(1, 2) = (-2, -4)\n"
        "1. The gradient of f = x² + y² at (1, 2): ∇f(1, 2) = (2, 4)\n"
        "   1.1. ∂/∂x[x² + y²] = 2x\n"  # the third level, the lesson's own move, where it fits (outside check h35, F3)
        "      1.1.1. Treat y as a constant: only x varies, so y acts like a fixed number.\n"
        "      1.1.2. Sum/difference rule: differentiate term by term: ∂/∂x[x² + y²] = 2x.\n"
        "   1.2. ∂/∂y[x² + y²] = 2y\n"
        "      1.2.1. Treat x as a constant: only y varies, so x acts like a fixed number.\n"
        "      1.2.2. Sum/difference rule: differentiate term by term: ∂/∂y[x² + y²] = 2y.\n"
        "   1.3. Put the partial derivatives together: ∇f = (2x, 2y).\n"
        "   1.4. At (1, 2), put x = 1 and y = 2 into each component: ∇f(1, 2) = (2·1, 2·2) = (2, 4).\n"
        "2. The gradient points the way of greatest ascent, so greatest descent is the opposite way, −∇f: "
        "−∇f(1, 2) = −(2, 4) = (-2, -4).")
    assert text("ex-one-step") == (
        "Gradient descent on f = x² from 3 with learning rate α = 0.1: after 1 iteration the point is 2.4\n"
        "1. The derivative: f′ = 2x.\n"
        "2. Each iteration steps against the derivative, downhill: new point = old point − α·f′(old point).\n"
        "3. Iteration 1: f′(3) = 6, so the new point is 3 − 0.1·6 = 2.4, where f = 5.76.\n"
        "4. After 1 iteration the point is 2.4, where f = 5.76.")
    cost = text("ex-cost-at-origin")  # the function is called what the prompt calls it
    assert cost == ("The value of E = 14m² + 12mb + 3b² - 42m - 20b + 38 at (0, 0): E(0, 0) = 38\n"
                    "1. Put m = 0 and b = 0 into E: E(0, 0) = 14·0² + 12·0·0 + 3·0² - 42·0 - 20·0 + 38 = 38.")


def test_a_question_written_by_hand_whose_answer_is_none_of_the_lessons_quantities_has_no_worked_solution(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\ntitle: P\nexercises:\n"
                    "  - id: value\n    kind: expression\n    prompt: 'f(x, y) = x y² + a. What is f(a, 2)?'\n"
                    "    expected: 5a\n    function: x y^2 + a\n    of: [x, y]\n    at: [a, 2]\n"
                    "    params: {a: {int: [1, 3]}}\n"
                    "  - id: other\n    kind: expression\n    prompt: 'f(x, y) = x y². What is 2f(1, 2)?'\n"
                    "    expected: '8'\n    function: x y^2\n    at: [1, 2]\n", encoding="utf-8")
    loaded = packs.load(pack)
    steps = render_text(loaded.exercise("value").variant("s").steps())
    a = loaded.exercise("value").variant("s").params[0][1]
    assert steps.startswith(f"The value of f = xy² + {a} at ({a}, 2): f({a}, 2) = {5 * a}\n")
    assert loaded.exercise("other").variant(None).steps() is None


def test_a_named_function_s_second_partials_are_called_by_its_name():
    """Outside check h35, F5: the sauna's feedback said T_xx and its steps f_xx, ∇f and 'f curves'."""
    from tutor import packs
    lines = render_text(packs.load("gradients").exercise("sauna-classify-4-4").variant(0).steps()).splitlines()
    assert lines[-1] == "   3.2. At (4, 4): T_xx = 64/15, T_yy = 64/15, T_xy = 0, so D = T_xx·T_yy - T_xy² = 4096/225 > 0: " \
                        "a local minimum."
    assert "Where ∇T = 0, D = T_xx·T_yy − T_xy² > 0 means T curves the same way" in lines[-2]


def test_the_rates_derivation_s_first_line_puts_the_answer_after_the_comparison():
    """Outside check h35, F1: "…for 50 steps with each learning rate: 0.05" read as if every rate were 0.05."""
    from tutor import packs
    first = render_text(packs.load("gradients").exercise("learning-rates-best").variant(0).steps()).splitlines()[0]
    assert first == ("The learning rates compared over 50 steps of gradient descent on f = eˣ - ln(x) from 0.05, and "
                     "the answer: 0.05")
