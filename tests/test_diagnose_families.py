"""The misconception families of issue 14: rules that compose across kinds, two mistakes at once,
either of two, gradients component by component, and each kind's own mistakes.

The answers here are the lesson's exercises (and the drills' variant s01) answered the way a
student with the mistake would; a few exercises the packs lack (ln of a sum, f_xy ≠ 0) are
written inline.
"""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond

LESSON = packs.load("gradients")
DRILLS = packs.load("drills")


def lesson(exercise_id: str, answer: str):
    return respond(LESSON.exercise(exercise_id).variant(), answer)


def drill(exercise_id: str, answer: str, student: str = "s01"):
    return respond(DRILLS.exercise(exercise_id).variant(student), answer)


def inline(tmp_path, exercise: str, answer: str):
    path = tmp_path / "inline.yaml"
    path.write_text(f"pack: inline\ntitle: Inline\nexercises:\n  - id: it\n{exercise}", encoding="utf-8")
    return respond(packs.load(path).exercise("it").variant(), answer)


# ------------------------------------------------------------ one rule, every kind


@pytest.mark.parametrize("respond_to, answer", [
    (lambda a: lesson("partial-x-x2y2", a), "x"),  # ∂/∂x of x² + y²
    (lambda a: lesson("gradient-x2y2", a), "(x, y)"),  # in both components
    (lambda a: lesson("gradient-x2y2-at-2-3", a), "(2, 3)"),  # and at a point
    (lambda a: drill("gd-bowl", a), "(0.64, 0.36)"),  # in a descent step: 4y² differentiated as 4y
    (lambda a: drill("mn-quadratic", a), "-5"),  # in f′ = 0: x² + 5x + 5 differentiated as x + 5
    (lambda a: drill("cp-saddle", a), "(-2, 1)"),  # in ∇f = 0: (x + 2, −y + 1)
])
def test_a_rule_done_wrong_is_named_wherever_the_rule_is_used(respond_to, answer):
    verdict = respond_to(answer)
    # for x² + 5x + 5, keeping the 5 gives -5 as well, and at (2, 3) so does writing the point: then both are said;
    # so does 2x + 2 = 0 solved without dividing by 2, where x + 2 = 0 is (x² + 2x: outside check h60, W14)
    assert verdict.note.removesuffix("|kept-constant-term").replace("gave-the-point|", "").replace(
        "coefficient-not-divided|", "") == \
        "misconception:power-rule-not-multiplied", verdict
    assert "did not multiply by it" in verdict.message


def test_a_derivative_slip_inside_a_tangent_plane():
    # f = ye^x at (0, 1): the power rule on eˣ makes f_x = 0 there
    verdict = drill("tp-exp", "z = y")  # (the x-slope left out altogether gives it too)
    assert verdict.note == "misconception:tangent-line-only|power-rule-on-exp"
    assert "or if you used the power rule on eˣ" in verdict.message


@pytest.mark.parametrize("exercise, answer, misconception", [
    ("d-exp-log", "10xe^(2x) - 3/x", "wrong-inner-derivative"),  # × the inside 2x, not its derivative
    ("d-exp-log", "10e^x - 3/x", "inner-function-lost"),
    ("d-exp-log", "10xe^(2x - 1) - 3/x", "power-rule-on-exp"),
    ("d-exp-log", "10e^(2x) - 1/(3x)", "wrong-ln-derivative"),
    ("d-trig", "-sin(x) - 6cos(3x)", "trig-derivative-sign"),  # sin′ taken as −cos
    ("d-trig", "6cos(3x) + sin(x)", "trig-derivative-sign"),  # cos′ taken as +sin
    ("d-trig", "-6sin(3x) - sin(x)", "trig-function-kept"),
    ("d-power", "24x^3 + 2", "power-rule-new-exponent"),
    ("d-power", "8x^5/5 + x^2", "integrated-instead"),
    ("pd-quadratic", "8x + 6xy", "term-not-differentiated"),
    ("pd-quadratic", "8x", "term-treated-as-constant"),
    ("pd-monomial-x", "18xy^3", "held-power-lowered"),
])
def test_derivative_rule_families(exercise, answer, misconception):
    assert drill(exercise, answer).note == f"misconception:{misconception}"


def test_the_product_rule_done_wrong_in_the_sauna():
    # x²(x − 6) multiplied out and differentiated by (n − 1)·xⁿ⁻¹ is 2x² − 6x, not 2x(x − 6) = 2x² − 12x
    verdict = lesson("sauna-partial-x", "-2x(x - 6)y^2(y - 6)/90")
    assert (verdict.note, verdict.message) == (
        "misconception:product-rule-skipped",
        "It looks like you differentiated only x² in the product x²(x - 6), as if x - 6 were a constant. By the "
        "product rule (uv)′ = u′v + uv′, the derivative of x²(x - 6) is x² + 2x(x - 6).")
    assert lesson("sauna-partial-x", "-2xy^2(y - 6)/90").note == "misconception:product-rule-as-product"
    verdict = lesson("sauna-partial-x", "-(2x(x-6)-x^2)y^2(y-6)/90")  # = −(x² − 12x)·…: x³ − 6x² as x² − 12x too
    assert verdict.note == "misconception:product-rule-sign|power-rule-not-multiplied"
    assert verdict.message.startswith("You get this answer if you subtracted in the product rule, or if you lowered "
                                      "the exponent but did not multiply by it. The product rule is (uv)′ = u′v + uv′, "
                                      "with a plus: the derivative of x²(x - 6) is x² + 2x(x - 6).")


def test_the_product_rule_with_the_other_factor_differentiated_only(capsys):
    # finding 744: x²(x − 6) differentiated as x²·1, the mirror of 2x·(x − 6): the factor differentiated is named
    assert main(["check", "--exercise", "gradients:sauna-partial-x", "--", "-x^2y^2(y-6)/90"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nIt looks like you differentiated only x - 6 in the product x²(x - 6), as if x² were a constant. "
        "By the product rule (uv)′ = u′v + uv′, the derivative of x²(x - 6) is x² + 2x(x - 6).\n"
        "read as: -x²y²(y - 6)/90\n")
    assert lesson("sauna-partial-y", "-x^2(x-6)y^2/90").note == "misconception:product-rule-skipped"  # y²·1 in ∂T/∂y


@pytest.mark.parametrize("a", [6, 3])  # the lesson's x²(x − 6), and the practice's x²(x − 3)
def test_the_lowered_exponent_multiplied_in_the_sauna(tmp_path, a):
    """x³ − ax² by (n − 1)·xⁿ⁻¹ is 2x² − ax (x² -> 1·x); x²(x − a) with x² -> x in the product rule gives it too."""
    exercise = f"    kind: partial_derivative\n    function: 85 - 1/90 x^2 (x - {a}) y^2 (y - 6)\n    wrt: x\n"
    verdict = inline(tmp_path, exercise, f"-(2x^2 - {a}x)y^2(y - 6)/90")
    assert (verdict.note, verdict.message) == (
        "misconception:power-rule-not-multiplied|power-rule-new-exponent",
        "You get this answer if you lowered the exponent but did not multiply by it, or if you multiplied by the "
        "lowered exponent. The derivative of x² is 2x, not x. The power rule multiplies by the exponent before "
        "lowering it: the derivative of x³ is 3x², not 2x².")
    assert inline(tmp_path, exercise, f"-2x(x - {a})y^2(y - 6)/90").note == "misconception:product-rule-skipped"


def test_powers_and_logs_of_sums_split(tmp_path):
    # (x − 1)² as x² + 1 (by chance, two steps without α also come back to 0: both are said)
    assert drill("gd-parabola", "0").note == "misconception:rate-not-applied|power-of-sum-split"
    verdict = inline(tmp_path, "    kind: derivative\n    function: ln(x^2 + 1)\n", "2/x")
    assert verdict.note == "misconception:log-of-sum-split"
    assert verdict.message.startswith("It looks like you split ln(x² + 1) into ln(x²) + ln(1).")


def test_the_quotient_rule_done_wrong(tmp_path):
    exercise = "    kind: derivative\n    function: x/(x^2 + 1)\n"
    verdict = inline(tmp_path, exercise, "(1 - x^2)/(x^2 + 1)")
    assert (verdict.note, verdict.message) == ("misconception:quotient-rule-square-missing", (
        "It looks like you divided by x² + 1 instead of its square. The quotient rule is (u/v)′ = (u′v − uv′)/v²: "
        "the derivative of x/(x² + 1) is (1 - x²)/(x² + 1)²."))
    # with a plus; the power rule on (x² + 1)⁻¹ without its −1 gives it too: both are said
    assert inline(tmp_path, exercise, "(3x^2 + 1)/(x^2 + 1)^2").note == \
        "misconception:quotient-rule-sign|power-rule-not-multiplied"
    # a quotient's slips are the quotient rule's: the product rule's sign is not said a second time
    assert "product-rule" not in inline(tmp_path, exercise, "(3x^2 + 1)/(x^2 + 1)^2").note


def test_e_to_the_xy_differentiated_as_itself(tmp_path):
    verdict = inline(tmp_path, "    kind: partial_derivative\n    function: e^(xy)\n    wrt: x\n", "e^(xy)")
    assert verdict.note == "misconception:missing-inner-derivative"


def test_a_constant_of_integration_is_read_and_named():
    verdict = lesson("hard-to-optimize-derivative", "e^x - 1/x + C")
    assert (verdict.verdict, verdict.note) == ("incorrect", "misconception:added-constant-of-integration")


# ------------------------------------------------------------ two at once, either of two


def test_two_mistakes_at_once_are_both_named():
    verdict = lesson("partial-x-x2y2", "x + y^2")
    assert verdict.note == "misconception:power-rule-not-multiplied+kept-constant-term"
    assert verdict.message == (
        "It looks like two mistakes: you lowered the exponent but did not multiply by it, and you kept the term "
        "y². The derivative of x² is 2x, not x. y² does not change when x changes, so its derivative is 0.")


def test_an_answer_two_mistakes_each_give_names_both():
    # ∂/∂y of 3x²y³: 3x²y² is the power rule without its factor 3, or the coefficient 3 dropped
    verdict = lesson("partial-y-3x2y3", "3x^2y^2")
    assert verdict.note == "misconception:power-rule-not-multiplied|dropped-constant-coefficient"
    assert verdict.message.startswith(
        "You get this answer if you lowered the exponent but did not multiply by it, or if you dropped the "
        "constant coefficient 3.")
    # ∇(x² + y²) at (2, 3): (6, 4) is the components swapped, or the point
    assert lesson("gradient-x2y2-at-2-3", "(6, 4)").note == \
        "misconception:components-swapped|evaluated-at-swapped-point"


def test_a_single_mistake_comes_before_a_pair():
    # 9x²y² for ∂/∂x of 3x²y³ is ∂/∂y, one mistake, though pairs of slips could give it too
    assert lesson("partial-x-3x2y3", "9x^2y^2").note == "misconception:answered-other-partial"


def test_pairs_with_nothing_in_common_are_not_named():
    from tutor.diagnose import _best, _Found
    from tutor.parse import Answer, Shape

    def pair(ids: str, order: int) -> _Found:
        return _Found(3, order, ids, ids, (), Answer(Shape.NUMBER, 0), ())

    assert _best([pair("a+b", 0), pair("c+d", 1)]) is None  # a coincidence, likely
    assert _best([pair("a+b", 0), pair("a+c", 1)]).misconception == "a+b"  # a is in both: the first is named


# ------------------------------------------------------------ gradients, component by component


def test_a_gradient_is_diagnosed_one_component_at_a_time():
    verdict = drill("g-quadratic", "(10x + y, x + 8y)")  # only ∂f/∂y lost its factor 2
    assert verdict.note == "misconception:power-rule-not-multiplied"
    assert verdict.message == ("Your ∂f/∂y: it looks like you lowered the exponent but did not multiply by it. "
                               "The derivative of y² is 2y, not y.")
    both = drill("g-quadratic", "(5x + y, x + 8y)")  # the same slip in every component: said once, of both
    assert both.message == ("It looks like you lowered the exponent but did not multiply by it in ∂f/∂x and "
                            "∂f/∂y. The derivative of x² is 2x, not x. The derivative of y² is 2y, not y.")
    swapped = lesson("gradient-x2y2-at-2-3", "(3, 2)")  # swapped, and the factor 2 lost in each
    assert swapped.note == "misconception:components-swapped+power-rule-not-multiplied"


@pytest.mark.parametrize("exercise, student, answer, note, message", [
    # finding 740: ∂f/∂x's 2 is also "lowered the exponent but did not multiply" (x at 2), but the exponent alone
    # gives both components: one mistake, not two
    ("gradient-x2y2-at-2-3", None, "(2, 2)", "misconception:power-rule-gave-exponent",
     "It looks like you wrote just the exponent as the derivative in ∂f/∂x and ∂f/∂y. The power rule multiplies "
     "by the exponent and lowers it by one: the derivative of x² is 2x, not 2."),
    # 2x + 2y = 10 in both: the held term differentiated in each, not "kept x²" (2y + x² = 10 too) in ∂f/∂y
    ("gradient-x2y2-at-2-3", None, "(10, 10)", "misconception:differentiated-constant-term",
     "It looks like you differentiated y² as well in ∂f/∂x and differentiated x² as well in ∂f/∂y. In ∂/∂x, y is "
     "a constant, so y² is a constant term and its derivative is 0. In ∂/∂y, x is a constant, so x² is a constant "
     "term and its derivative is 0."),
    # ∇f(-1, 0) of x⁴ + y³: 4x⁴ is 4 at -1 only because (-1)⁴ = 1
    ("g-at-point", "s1", "(4, 3)", "misconception:power-rule-gave-exponent",
     "It looks like you wrote just the exponent as the derivative in ∂f/∂x and ∂f/∂y. The power rule multiplies "
     "by the exponent and lowers it by one: the derivative of x⁴ is 4x³, not 4."),
])
def test_one_slip_in_every_component_beats_a_pair_with_the_same_numbers(exercise, student, answer, note, message):
    got = respond((DRILLS if student else LESSON).exercise(exercise).variant(student), answer)
    assert (got.note, got.message) == (note, message)


_OTHER_PARTIALS = ("differentiated with respect to y instead of x in ∂f/∂x and differentiated with respect to x "
                   "instead of y in ∂f/∂y")
_HELD = "For ∂f/∂x, y is a constant; only x varies. For ∂f/∂y, x is a constant; only y varies."


@pytest.mark.parametrize("exercise, answer, message", [
    # parts written after their names are in the order the names give: each partial was taken in the other
    # variable, not the components swapped (finding 397)
    ("gradient-x2y2", "∂f/∂x = 2y, ∂f/∂y = 2x", f"It looks like you {_OTHER_PARTIALS}. {_HELD}"),
    ("gradient-x2y2", "f_y = 2x, f_x = 2y", f"It looks like you {_OTHER_PARTIALS}. {_HELD}"),
    ("gradient-x2y2", "df/dx = y, df/dy = x",
     f"It looks like two mistakes: you {_OTHER_PARTIALS}, and you lowered the exponent but did not multiply by it in "
     f"∂f/∂x and ∂f/∂y. {_HELD} The derivative of y² is 2y, not y. The derivative of x² is 2x, not x."),
    ("gradient-x2y2-at-2-3", "∂f/∂x(2, 3) = 6, ∂f/∂y(2, 3) = 4",
     f"You get this answer if you {_OTHER_PARTIALS}, or if you evaluated at (3, 2) instead of (2, 3). {_HELD} "
     "Here x = 2 and y = 3."),
    # a vector without names lists its parts in an order of its own: that order is the mistake
    ("gradient-x2y2", "(2y, 2x)", "It looks like you swapped the components. ∇f lists the partial derivatives in the "
                                  "order of the variables: (∂f/∂x, ∂f/∂y)."),
    ("gradient-x2y2-at-2-3", "(6, 4)",
     "You get this answer if you swapped the components, or if you evaluated at (3, 2) instead of (2, 3). ∇f lists "
     "the partial derivatives in the order of the variables: (∂f/∂x, ∂f/∂y). Here x = 2 and y = 3."),
])
def test_named_parts_are_not_swapped(exercise, answer, message):
    assert lesson(exercise, answer).message == message


def test_the_gradients_own_mistakes():
    assert lesson("gradient-x2y2", "2x + 2y").note == "misconception:gradient-summed"
    assert lesson("gradient-x2y2-at-2-3", "sqrt(52)").note == "misconception:gave-gradient-length"
    assert lesson("gradient-x2y2-at-2-3", "(-4, -6)").note == "misconception:gradient-negated"
    assert lesson("gradient-x2y2-at-2-3", "(2x, 2y)").note == "misconception:not-evaluated"
    assert drill("g-three-variables", "(yz + 10x, xz)").note == "misconception:missing-component"
    # finding 807: any two of three components swapped, ∂f/∂y and ∂f/∂z too (f = xyz + 2x² for s1)
    for swapped_two in ("(yz+4x, xy, xz)", "(xz, yz+4x, xy)", "(xy, xz, yz+4x)"):
        assert drill("g-three-variables", swapped_two, "s1").message == (
            "It looks like you swapped the components. ∇f lists the partial derivatives in the order of the variables: "
            "(∂f/∂x, ∂f/∂y, ∂f/∂z).")
    assert drill("g-three-variables", "∂f/∂x = yz+4x, ∂f/∂y = xy, ∂f/∂z = xz", "s1").message == (
        "It looks like you differentiated with respect to z instead of y in ∂f/∂y and differentiated with respect to "
        "y instead of z in ∂f/∂z. For ∂f/∂y, x and z are constants; only y varies. For ∂f/∂z, x and y are constants; "
        "only z varies.")
    # (−3)² as −9 in 3x²; leaving x³ undifferentiated gives -27 too
    assert drill("g-at-point", "(-27, 6)").note == "misconception:negative-base-power|term-not-differentiated"
    assert drill("g-at-point", "(81, 6)").note == "misconception:coefficient-inside-power"  # 3x² as (3x)²


# ------------------------------------------------------------ each kind's own


@pytest.mark.parametrize("exercise, answer, misconception", [
    ("descent-1d-step-1", "0.0298", "function-for-derivative|wrong-ln-derivative"),  # ln x′ as ln x: f′ = f
    ("descent-1d-step-1", "3789.7958", "rate-divided"),
    ("descent-1d-step-1", "-0.0553", "sign-slip"),  # f′ = eˣ + 1/x carried into the step
    ("descent-1d-step-2", "0.2395", "first-gradient-reused"),
    ("descent-1d-step-2", "0.0788", "step-from-start"),
    ("descent-power-lines", "(0.3508, 0.7336)", "components-swapped"),
    ("descent-power-lines", "(-42, -20)", "gave-gradient"),
])
def test_gradient_descent_families(exercise, answer, misconception):
    assert lesson(exercise, answer).note == f"misconception:{misconception}"


def swapped(names: str, right: str, wrong: str) -> str:
    return f"It looks like you wrote the coordinates the wrong way round: a point is ({names}), so {right} rather than {wrong}."


@pytest.mark.parametrize("pack, exercise, student, answer, message", [
    # finding 750: the right numbers in the wrong order were "not right … not right either"
    ("drills", "gd-bowl", "s1", "(0.36, 0.81)", swapped("x, y", "(0.81, 0.36)", "(0.36, 0.81)")),
    ("gradients", "descent-power-lines", None, "(0.3376, 0.6984)", swapped("m, b", "(0.6984, 0.3376)", "(0.3376, 0.6984)")),
    # finding 807: quoted to the 6 places asked, as typed, not as (0.0190266, 0.000139333)
    ("gradients", "tv-descent-step", None, "(0.000139, 0.019027)",
     swapped("m, b", "(0.019027, 0.000139)", "(0.000139, 0.019027)")),
    # and to the 4 places asked, not as (0, 0.9601496), digits no one typed (outside check h18, F6)
    ("gradients", "local-minima-2d", None, "(0, -1.0356), (0, 0.9601)",
     swapped("x, y", "(-1.0356, 0)", "(0, -1.0356)")),
    ("gradients", "local-minima-2d-end", None, "(0, 0.9601)", swapped("x, y", "(0.9601, 0)", "(0, 0.9601)")),
    ("gradients", "descent-heat-step-1", None, "(0.6047, 0.5057)", swapped("x, y", "(0.5057, 0.6047)", "(0.6047, 0.5057)")),
])
def test_a_point_found_by_descent_written_the_wrong_way_round_is_told_so(pack, exercise, student, answer, message):
    verdict = respond(packs.load(pack).exercise(exercise).variant(student), answer)
    assert (verdict.note, verdict.message) == ("misconception:critical-point-coordinates-swapped", message)


def test_a_descent_point_with_each_value_named_is_not_told_it_is_the_wrong_way_round():
    # outside check h18, F5: m = 0.3376, b = 0.6984 names each value, as the docs say
    verdict = respond(packs.load("gradients").exercise("descent-power-lines").variant(), "m = 0.3376, b = 0.6984")
    assert verdict.note != "misconception:critical-point-coordinates-swapped"


def test_a_step_with_each_value_named_is_not_told_it_is_the_wrong_way_round():
    """Finding 807: m = 3/5, b = 26/15 names each value (the step is (26/15, 3/5)): there is no order to get wrong."""
    verdict = drill("cost-mean-step", "m = 3/5, b = 26/15", "s1")
    assert verdict.message == "Your m 3/5 is not right. Your b is not right either."
    assert drill("cost-mean-step", "(3/5, 26/15)", "s1").note == "misconception:critical-point-coordinates-swapped"


def test_a_gradient_given_for_the_point_says_at_which_point():
    # "∇f at a point" did not say which point: the start, the one before the last step or the new one (h18, F8)
    verdict = lesson("descent-heat-step-1", "(-0.1134, -0.0935)")
    assert verdict.message.startswith("It looks like you gave the gradient ∇T at the start (0.5, 0.6), not the new point.")


@pytest.mark.parametrize("student, answer, said", [
    ("ann", "8", "It looks like you stopped when f itself got below 0.01: at x₈, f = 0.00705277."),
])
def test_a_tolerance_put_on_f_itself_is_named(student, answer, said):
    # outside check h18, F7: "until |f′| < 0.01" counted until f < 0.01 was "Your answer 8 is not right."
    verdict = drill("st-parabola", answer, student)
    assert verdict.note == "misconception:stopped-on-value" and verdict.message.startswith(said)


@pytest.mark.parametrize("exercise, answer, note", [
    # the ½ of L = 1/(2n)·Σ kept without the n, or put on the sum E (outside check h18, F7)
    ("tv-mean-cost", "8.189", "misconception:half-sum-not-averaged"),
    ("power-lines-cost", "2.083", "misconception:sum-halved"),
])
def test_a_half_kept_or_added_alone_is_named(exercise, answer, note):
    assert lesson(exercise, answer).note == note


def test_gradient_descent_two_mistakes():
    verdict = lesson("descent-1d-step-1", "-18.8987")
    assert verdict.note == "misconception:gradient-ascent+rate-not-applied"
    # the step's formula once, with the rate (outside check h17, F8: it was said twice)
    assert verdict.message == ("It looks like two mistakes: you moved along the slope f′, which points uphill, and "
                               "you left out the learning rate. Gradient descent moves against it: new point = old "
                               "point − α·f′(old point), with α = 0.005.")


@pytest.mark.parametrize("answer, note", [
    ("z = 20 + 4x + 8y", "misconception:tangent-not-shifted"),
    ("z = 4x + 8y", "misconception:missing-function-value+tangent-not-shifted"),
    ("z=20+4(x-4)+8(y-2)", "misconception:tangent-shift-point-swapped"),
    ("z = 4x + 12", "misconception:tangent-line-only"),
    ("4(x - 2) + 8(y - 4) + (z - 20) = 0", "misconception:tangent-normal-sign"),
])
def test_tangent_plane_families(answer, note):
    assert lesson("tangent-plane-x2y2", answer).note == note


def test_tangent_plane_messages_name_the_pieces():
    verdict = lesson("tangent-plane-x2y2", "z = 20 + 4x + 8y")
    assert verdict.message.startswith("It looks like you used x and y where the plane has (x - 2) and (y - 4).")


@pytest.mark.parametrize("answer, note", [
    ("m = 1/2, b = 10/3", "misconception:intercept-mean-y"),
    ("y = 0.5x + 1.5", "misconception:line-through-two-points|mean-of-slopes"),
    ("m = 3/2, b = 10/3", "misconception:normal-equations-cross-term-dropped"),
    ("m = 1/24, b = 13/4", "misconception:sum-squared-confused"),
    ("m = 39/22, b = -7/33", "misconception:slope-formula-without-n"),
    ("y = 1.5x", "misconception:line-through-origin"),
    ("m = 3/14, b = 9/7", "misconception:regressed-x-on-y"),
    ("m = 1/2", "misconception:intercept-missing"),
    ("m = 1/24, b = 10/3", "misconception:sum-squared-confused+intercept-mean-y"),
])
def test_least_squares_families(answer, note):
    assert lesson("power-lines-fit", answer).note == note


def test_a_right_slope_with_a_data_points_intercept_is_told_that_first(tmp_path):
    # m = 1/2 is right, b = 1 the data's y at x = 0: it came after the line through two points, which gives the same
    # line by coincidence, and went unsaid (outside check h17, F5)
    exercise = "    kind: least_squares\n    data: [[0, 1], [1, 3], [2, 2]]\n"
    verdict = inline(tmp_path, exercise, "y = 0.5x + 1")
    assert verdict.note == "misconception:intercept-data-point|line-through-two-points"
    assert verdict.message.startswith("You get this answer if you took b from the data point (0, 1), or if you drew "
                                      "the line through (0, 1) and (2, 2).")


def test_least_squares_messages_name_m_and_b(tmp_path):
    assert lesson("power-lines-fit", "m = 1/2, b = 10/3").message == (
        "It looks like you took b = ȳ = 10/3. The line goes through the centre of the points (x̄, ȳ), so "
        "b = ȳ − m·x̄ = 7/3.")
    # decimal data: a mean or an intercept without an end is said to 6 digits, not as 321349067/40259530 (outside
    # check h39, F6)
    exercise = "    kind: least_squares\n    data: [[230.1, 22.1], [44.5, 10.4], [17.2, 9.3]]\n    tolerance: dp:4\n"
    assert inline(tmp_path, exercise, "m = 0.0612, b = 13.9333").message == (
        "It looks like you took b = ȳ ≈ 13.9333. The line goes through the centre of the points (x̄, ȳ), so "
        "b = ȳ − m·x̄ ≈ 7.98194.")


@pytest.mark.parametrize("exercise, answer, note", [
    ("cp-bowl", "(-2, 4)", "misconception:critical-point-sign"),  # (x − 2)² read as zero at −2
    ("cp-bowl", "(2, 4)", "misconception:critical-point-sign"),
    ("cp-bowl", "(-4, 2)", "misconception:critical-point-coordinates-swapped"),
    ("cp-cubic", "(4, 0), (-4, 0)", "misconception:square-root-not-taken"),
    ("cp-cubic", "(2√3, 0)", "misconception:power-rule-not-multiplied+positive-root-only"),
    ("cp-saddle", "(-1, 2)", "misconception:divided-wrong-way"),
    ("cp-saddle", "(0, 0)", "misconception:term-treated-as-constant|term-not-differentiated"),  # linear terms
    ("cp-cubic", "(0, 0), (2√3, 0), (-2√3, 0)", "misconception:term-not-differentiated|solved-function-zero"),
])
def test_critical_point_families(exercise, answer, note):
    assert drill(exercise, answer).note == note


@pytest.mark.parametrize("function, lines, other", [
    # the critical set is whole lines: (0, 0) alone leaves them out, and that is said first (finding 93: for x²y²
    # only a power-rule slip and "dropped y²" were said; for (x + y)², also "solved f = 0", which gives the line)
    ("x^2 y^2", "the lines x = 0 and y = 0", "wrote just the exponent as the derivative in ∂f/∂x and ∂f/∂y"),
    ("(x + y)^2", "the line x = -y", "took (x + y)² as x² + y² in ∂f/∂x and ∂f/∂y"),
    ("x y^2", "the line y = 0", "wrote just the exponent as the derivative"),
    ("x^3 y", "the line x = 0", "wrote just the exponent as the derivative"),
])
def test_points_on_critical_lines_alone_are_told_the_lines_are_missing(tmp_path, function, lines, other):
    exercise = f"    kind: critical_points\n    function: {function}\n"
    verdict = inline(tmp_path, exercise, "(0, 0)")
    assert verdict.note.startswith("misconception:ignored-critical-lines|")
    # beside the other reason, the lines are named again: "them" there would be ∂f/∂x and ∂f/∂y (finding 421)
    assert verdict.message.startswith(f"You get this answer if you left out {lines}, or if you {other}. Every point "
                                      f"on {lines} is a critical point, not just isolated points.")
    assert "solved f = 0" not in verdict.message


@pytest.mark.parametrize("function, answer, message", [
    # the critical line of xy² is y = 0; x = 0 was told "write it as an equation, like x = 0"
    ("x y^2", "x = 0", "It looks like two mistakes: you missed y = 0, and you included x = 0, where only ∂f/∂y is "
                       "zero. A product is zero when any one of its factors is: solve ∂f/∂x = 0 and ∂f/∂y = 0 for "
                       "every combination of factors. At a critical point every partial derivative is zero at once."),
    ("x^3 y", "y = 0", "It looks like two mistakes: you missed x = 0, and you included y = 0, where only ∂f/∂x is "
                       "zero. A product is zero when any one of its factors is: solve ∂f/∂x = 0 and ∂f/∂y = 0 for "
                       "every combination of factors. At a critical point every partial derivative is zero at once."),
    # a line on which no partial is zero: no mistake to name, and no "write it as an equation" to one who did
    ("x y^2", "x = 1", "x = 1 does not belong in the answer. A line is missing."),
    ("x^2 y^2", "x = 1", "x = 1 does not belong in the answer. 2 lines are missing."),
    ("(x + y)^2", "x = y", "x = y does not belong in the answer. A line is missing."),
])
def test_a_wrong_line_is_told_why_not_how_to_write_a_line(tmp_path, function, answer, message):
    exercise = f"    kind: critical_points\n    function: {function}\n"
    assert inline(tmp_path, exercise, answer).message == message


def test_f_0_is_said_only_where_fs_terms_each_hold_one_variable(tmp_path):
    from tutor.diagnose import offered

    def said(function: str) -> bool:
        path = tmp_path / "f0.yaml"
        path.write_text(f"pack: f0\nexercises:\n  - id: it\n    kind: critical_points\n    function: {function}\n",
                        encoding="utf-8")
        problem = packs.load(path).exercise("it").variant().problem
        return any("solved-function-zero" in c.misconception for c in offered(problem))
    assert said("x^3 + y^2 - 3x") and said("x^2 + y^2 - 4y")
    assert not said("(x + y)^2") and not said("x^3 + y^3 - 3x y")


def test_both_signs_flipped_are_named_for_both_coordinates():
    # zoe's f = (x − 2)² + (y − 3)²: was "… the sign of x the wrong way round: x - 2 is zero at x = 2, not at x = -2."
    verdict = drill("cp-bowl", "(-2,-3)", student="zoe")
    assert (verdict.note, verdict.message) == (
        "misconception:critical-point-sign",
        "It looks like you took the signs of x and y the wrong way round: x - 2 is zero at x = 2, not at x = -2; "
        "y - 3 is zero at y = 3, not at y = -3.")
    # s01's f has its minimum at (2, -4): both signs kept, each root written ± once, whatever its sign
    both = drill("cp-bowl", "(2, -4), (-2, 4)", student="s01")
    assert both.message == ("It looks like you took the signs of x and y the wrong way round: x - 2 is zero at x = 2, "
                            "not at x = ±2; y + 4 is zero at y = -4, not at y = ±4.")


@pytest.mark.parametrize("student, answer, note, message", [
    # finding 741: f = x² − y² − 2y, whose ∂f/∂y = -2y - 2 is linear in y alone though no factor of f is
    (None, "(0, 1)", "misconception:critical-point-sign",
     "It looks like you took the sign of y the wrong way round: -2y - 2 is zero at y = -1, not at y = 1."),
    # f = x² − y² − 6x − 3y: 2x − 2y − 3 = 0 (x² differentiated as well) gives y = 3/2 at x = 3 too
    ("s1", "(3, 3/2)", "misconception:critical-point-sign|differentiated-constant-term",
     "You get this answer if you took the sign of y the wrong way round, or if you differentiated x² as well. "
     "-2y - 3 is zero at y = -3/2, not at y = 3/2. In ∂/∂y, x is a constant, so x² is a constant term and its "
     "derivative is 0."),
])
def test_a_sign_lost_solving_a_linear_partial_is_named(student, answer, note, message):
    verdict = respond(DRILLS.exercise("cp-saddle").variant(student), answer)
    assert (verdict.note, verdict.message) == (note, message)


def test_a_sign_flipped_out_of_the_region_is_not_named():
    # the sauna's 3x − 12 = 0 read as x = -4 puts (4, 4) outside 0 ≤ x ≤ 5, where the answer drops it: the answer
    # then shows the point missed, not a sign
    verdict = lesson("sauna-critical-points", "x = 0, y = 0")
    assert verdict.note == "misconception:missed-critical-points"


def test_critical_points_set_differences():
    verdict = lesson("sauna-critical-points", "(4, 4), (6, 6)")  # the lines lost, and a point outside
    assert verdict.note == "misconception:ignored-critical-lines+outside-region"
    assert lesson("sauna-critical-points", "x = 0, x = 4, y = 0, y = 4").note == \
        "misconception:extra-critical-points"
    assert lesson("critical-x2y2", "x = 0").note == "misconception:solved-one-partial"
    # a point replaced by a near one (a slip) is not "missed one, added one"
    assert drill("cp-cubic", "(2, 0), (-3, 0)").note == "extra_point"


_ROOM = "0 ≤ x ≤ 5, 0 ≤ y ≤ 5"
_LINES_WHY = ("Every point on the lines x = 0 and y = 0 is a critical point, not just isolated points. Write a whole "
              "line as an equation, like x = 0.")
_PRODUCT_WHY = ("A product is zero when any one of its factors is: solve ∂T/∂x = 0 and ∂T/∂y = 0 for every "
                "combination of factors.")


@pytest.mark.parametrize("answer, note, message", [
    # the lesson's slide marks (0, 6), (6, 0) and (6, 6) "Outside": all three named at once, not (6, 6) first and
    # the other two once it is gone (finding 420)
    ("(4,4), (0,6), (6,0), (6,6), x=0, y=0", "outside-region",
     f"It looks like you included (0, 6), (6, 0) and (6, 6), which lie outside the region {_ROOM}. Keep only the "
     "critical points inside it."),
    ("(4,4), (0,6), (6,0), x=0, y=0", "outside-region",
     f"It looks like you included (0, 6) and (6, 0), which lie outside the region {_ROOM}. Keep only the critical "
     "points inside it."),
    ("(4, 4), (6, 6), x = 0, y = 0", "outside-region",
     f"It looks like you included (6, 6), which lies outside the region {_ROOM}. Keep only the critical points "
     "inside it."),
    ("(0,0), (4,4), (0,6), (6,0), (6,6)", "ignored-critical-lines+outside-region",
     "It looks like two mistakes: you left out the lines x = 0 and y = 0, and you included (0, 6), (6, 0) and "
     f"(6, 6), which lie outside the region {_ROOM}. {_LINES_WHY} Keep only the critical points inside the region."),
    # beside each other, each reason names its subject: "them" and "it" read as the nearest noun (finding 421)
    ("(4,4), (0,0), (6,6)", "ignored-critical-lines+outside-region",
     "It looks like two mistakes: you left out the lines x = 0 and y = 0, and you included (6, 6), which lies "
     f"outside the region {_ROOM}. {_LINES_WHY} Keep only the critical points inside the region."),
    ("(4,4), (6,6), x=0", "missed-critical-points+outside-region",
     f"It looks like two mistakes: you missed y = 0, and you included (6, 6), which lies outside the region {_ROOM}. "
     f"{_PRODUCT_WHY} Keep only the critical points inside the region."),
    ("(4,4), (0,6), (6,6), x=0", "missed-critical-points+outside-region",
     "It looks like two mistakes: you missed y = 0, and you included (0, 6) and (6, 6), which lie outside the region "
     f"{_ROOM}. {_PRODUCT_WHY} Keep only the critical points inside the region."),
    # alone, each reason follows its own clause, and its pronoun is that clause's
    ("(4, 4)", "ignored-critical-lines",
     "It looks like you left out the lines x = 0 and y = 0: every point on them is a critical point, not just "
     "isolated points. Write a whole line as an equation, like x = 0."),
])
def test_the_sauna_points_outside_the_room_are_named_together(answer, note, message):
    verdict = lesson("sauna-critical-points", answer)
    assert (verdict.verdict, verdict.note, verdict.message) == ("incorrect", f"misconception:{note}", message)


_EVERY_PARTIAL = "At a critical point every partial derivative is zero at once."


@pytest.mark.parametrize("function, answer, extra", [
    # finding 689: every extra item was told with the first one's partial. For x² + y² − 2x, f_x = 2x − 2 and
    # f_y = 2y: at (1, 1) f_x = 0, f_y = 2; at (0, 0) f_x = -2, f_y = 0; on x = 1 f_x = 0, on y = 0 f_y = 0
    ("x^2 + y^2 - 2x", "(1, 0), (1, 1), (0, 0)",
     "(1, 1), where only ∂f/∂x is zero, and (0, 0), where only ∂f/∂y is zero"),
    ("x^2 + y^2 - 2x", "(1, 0), x = 1, y = 0", "x = 1, where only ∂f/∂x is zero, and y = 0, where only ∂f/∂y is zero"),
    ("x^2 + y^2 - 2x", "(1, 0), (1, 1), (1, 2), (0, 0)",
     "(1, 1) and (1, 2), where only ∂f/∂x is zero, and (0, 0), where only ∂f/∂y is zero"),
    ("x^2 + y^2 - 2x", "(1, 0), (0, 0), (1, 1)",  # in the answer's order
     "(0, 0), where only ∂f/∂y is zero, and (1, 1), where only ∂f/∂x is zero"),
    # x² + y² + z² − 2x: (1, 0, 1) has f_x = f_y = 0, f_z = 2; (1, 2, 0) f_y = 4; (0, 0, 0) f_x = -2
    ("x^2 + y^2 + z^2 - 2x", "(1, 0, 0), (1, 0, 1), (1, 2, 0), (0, 0, 0)",
     "(1, 0, 1), where only ∂f/∂x and ∂f/∂y are zero, (1, 2, 0), where only ∂f/∂x and ∂f/∂z are zero, and "
     "(0, 0, 0), where only ∂f/∂y and ∂f/∂z are zero"),
    ("x^2 + y^2 + z^2 - 2x", "(1, 0, 0), (1, 1, 1)", "(1, 1, 1), where only ∂f/∂x is zero"),
    ("x^2 + y^2 + z^2 - 2x", "(1, 0, 0), x = 1, y = 0",
     "x = 1, where only ∂f/∂x is zero, and y = 0, where only ∂f/∂y is zero"),
    # outside check h53, N6: a point typed twice was named twice, "(0, 0) and (0, 0)"
    ("x^3 - 27x + y^2", "(3, 0), (-3, 0), (0,0), (0,0)", "(0, 0), where only ∂f/∂y is zero"),
])
def test_each_extra_item_is_told_with_the_partials_zero_there(tmp_path, function, answer, extra):
    verdict = inline(tmp_path, f"    kind: critical_points\n    function: {function}\n", answer)
    repeat = "(0, 0) is given twice. " if answer.count("(0,0)") == 2 else ""  # named first (outside check h55, N3)
    assert (verdict.note, verdict.message) == (
        "misconception:extra-critical-points", f"{repeat}It looks like you included {extra}. {_EVERY_PARTIAL}")


@pytest.mark.parametrize("answer, message", [
    # the lesson lists its candidates as x = 4, y = 4: on x = 4, T_x = 0 and T_y = 16y(y − 4)/15; on y = 4,
    # T_x = 16x(x − 4)/15 and T_y = 0; at (4, 2) T_y = -64/15, at (2, 4) T_x = -64/15
    ("x = 4, y = 4, x = 0, y = 0",
     f"It looks like you included x = 4, where only ∂T/∂x is zero, and y = 4, where only ∂T/∂y is zero. {_EVERY_PARTIAL}"),
    ("(4, 4), (4, 2), (2, 4)",
     "It looks like two mistakes: you left out the lines x = 0 and y = 0, and you included (4, 2), where only ∂T/∂x "
     f"is zero, and (2, 4), where only ∂T/∂y is zero. {_LINES_WHY} {_EVERY_PARTIAL}"),
    ("(4, 4), x = 0, y = 0, y = 4",  # lines where the one partial is zero: that partial solved alone
     "It looks like you solved only ∂T/∂y = 0. At a critical point every partial derivative is zero at once: solve "
     "∂T/∂x = 0 and ∂T/∂y = 0 together."),
])
def test_the_saunas_extra_lines_and_points_each_name_their_own_partial(answer, message):
    assert lesson("sauna-critical-points", answer).message == message


def test_a_saddle_is_a_critical_point():
    verdict = drill("cp-saddle", "none")
    assert "saddle-not-critical" in verdict.note
    assert "A saddle point is a critical point too" in verdict.message


_SADDLE_WHY = "A saddle point is a critical point too: every partial derivative is zero there."


@pytest.mark.parametrize("function, region, answer, message", [
    # a minimum at (1, 1), a maximum at (−1, −1), saddles at the other two (the message said "(−1, 1) and
    # (1, −1), a saddle point"; then "…, or if you missed (-1, 1) and (1, -1)", the same omission twice: finding 394)
    ("x^3 - 3x + y^3 - 3y", None, "(1, 1), (-1, -1)",
     f"It looks like you left out (-1, 1) and (1, -1), each a saddle point. {_SADDLE_WHY}"),
    ("x^4 + y^4 - 4xy", None, "(1, 1), (-1, -1)", f"It looks like you left out (0, 0), a saddle point. {_SADDLE_WHY}"),
    ("(x^2 - 1)^3 + y^2", None, "(0, 0)",
     f"It looks like you left out (-1, 0) and (1, 0), each a saddle point. {_SADDLE_WHY}"),
    # with y ≥ 0 the saddle (−1, 1) is the one left out: no coordinates swapped, "(-1, 1) rather than (1, -1)", where
    # the student wrote neither (finding 394); only the positive root of x² = 1 gives (1, 1) too
    ("x^3 - 3x + y^3 - 3y", "-5 <= x <= 5, 0 <= y <= 5", "(1, 1)",
     "You get this answer if you took only the positive root, or if you left out (-1, 1), a saddle point. "
     f"x² = 1 has two solutions, x = ±1, and each gives a critical point. {_SADDLE_WHY}"),
    ("x^4 - 2x^2 - y^2", "x >= 0", "(0, 0)",
     "You get this answer if you left out (1, 0), a saddle point, or if you lost a minus sign. "
     f"{_SADDLE_WHY} The derivative of a difference is the difference of the derivatives: the term -2x² gives -4x."),
])
def test_saddles_left_out_are_said_once_as_saddle_points(tmp_path, function, region, answer, message):
    exercise = f"    kind: critical_points\n    function: {function}\n" + (f"    region: {region}\n" if region else "")
    assert inline(tmp_path, exercise, answer).message == message


@pytest.mark.parametrize("function, answer, message", [
    # the point written, (2, 1), is the swap of the right one left out
    ("(x - 1)^2 + (y - 2)^2", "(2, 1)",
     "It looks like you wrote the coordinates the wrong way round: a point is (x, y), so (1, 2) rather than (2, 1)."),
    ("x^3 - 3x + y^2 - 4y", "(2, 1), (2, -1)",
     "It looks like you wrote the coordinates the wrong way round: a point is (x, y), so (-1, 2) rather than (2, -1)."),
])
def test_coordinates_swapped_quote_a_point_written(tmp_path, function, answer, message):
    assert inline(tmp_path, f"    kind: critical_points\n    function: {function}\n", answer).message == message


def test_classification_respects_the_answers_direction():
    # x² − 7y²: f_xx > 0 and f_yy < 0, D < 0. "maximum" is what f_yy alone says, never f_xx
    verdict = drill("cl-saddle", "maximum")
    assert verdict.message == ("It looks like you went by f_yy alone. Here D = -28 < 0, so the point is a saddle "
                               "point whatever the sign of f_yy.")
    assert "f_xx alone" in drill("cl-saddle", "minimum").message


@pytest.mark.parametrize("exercise, answer, phrase", [
    ("cl-saddle", "inconclusive", "It looks like you took D < 0 to mean the test cannot decide."),
    ("cl-bowl", "inconclusive", "It looks like you took f_xy = 0 to mean the test cannot decide."),
    ("cl-flat", "saddle", "It looks like you took D = 0 to mean a saddle point."),
])
def test_classification_families(exercise, answer, phrase):
    assert drill(exercise, answer).message.startswith(phrase)


def test_inconclusive_because_a_second_derivative_is_zero(tmp_path):
    exercise = "    kind: classify_point\n    function: x y\n    at: [0, 0]\n"
    verdict = inline(tmp_path, exercise, "inconclusive")  # f_xx = 0, D = −1: a saddle
    assert verdict.note == "misconception:called-inconclusive|discriminant-sign-reversed"
    assert verdict.message.startswith("You get this answer if you took f_xx = 0 to mean the test cannot decide, or "
                                      "if you computed D with the sign reversed")


@pytest.mark.parametrize("exercise, answer, note, message", [
    # the student kept -5y³; "you kept the term 5y³" quoted a term they did not write (outside check h17, F8)
    ("    kind: partial_derivative\n    function: x^3 y^2 + 4x y - 5y^3\n    wrt: x\n", "3x^2y^2 + 4y - 5y^3",
     "misconception:kept-constant-term",
     "It looks like you kept the term -5y³. -5y³ does not change when x changes, so its derivative is 0."),
    # f_xx = 6x taken at x = 1 for the saddle (-1, 0) gives D = 12 > 0 and f_xx > 0: a minimum (h17, F3)
    ("    kind: classify_point\n    function: x^3 - 3x + y^2\n    at: [-1, 0]\n", "minimum",
     "misconception:saddle-missed|negative-coordinate-sign",
     "You get this answer if you went by f_yy alone, or if you put in x = 1 for x = -1, losing the minus sign. Here "
     "D = -12 < 0, so the point is a saddle point whatever the sign of f_yy. At x = -1, f_xx = 6x is -6, not 6."),
    # no second derivative 0, D > 0: "you took the test to mean the test cannot decide" (h17, F1)
    ("    kind: classify_point\n    function: x^2 + x y + y^2 - 3x\n    at: [2, -1]\n", "inconclusive",
     "misconception:called-inconclusive",
     "It looks like you called the test inconclusive. Only D = 0 leaves it inconclusive; here D = 3, so the point is "
     "a minimum."),
])
def test_what_an_outside_check_of_feedback_found_misnamed(tmp_path, exercise, answer, note, message):
    verdict = inline(tmp_path, exercise, answer)
    assert (verdict.note, verdict.message) == (note, message)


@pytest.mark.parametrize("function, at, nature, why", [
    # f's values on a line through the point change sign: neither a minimum nor a maximum, a saddle point (finding
    # 92: x² + y³ was "undecided", and "saddle" was told "you took D = 0 to mean a saddle point")
    ("x^2 + y^3", "[0, 0]", "saddle", "on the line x = 0, f - f(P) = y³, which changes sign at y = 0"),
    ("x^3 + y^2", "[0, 0]", "saddle", "on the line y = 0, f - f(P) = x³, which changes sign at x = 0"),
    ("x^2 + (y - 1)^3", "[0, 1]", "saddle", "on the line x = 0, f - f(P) = (y - 1)³, which changes sign at y = 1"),
    ("x^2 - 2x y^2 + y^4 - y^5", "[0, 0]", "saddle",
     "on the parabola x = y², f - f(P) = -y⁵, which changes sign at y = 0"),
    ("x^2 - y^4 + x^3 y", "[0, 0]", "saddle", "f - f(P) = x² on the line y = 0, but -y⁴ on the line x = 0"),
    ("x^2 - y^4", "[0, 0]", "saddle", "from the factors of f - f(P) = (x - y²)(x + y²), P being (0, 0)"),
    ("x^4 - y^4", "[0, 0]", "saddle", "from the factors of f - f(P) = (x - y)(x + y)(x² + y²), P being (0, 0)"),
])
def test_a_point_where_d_is_0_and_f_takes_both_signs_is_a_saddle(tmp_path, function, at, nature, why):
    exercise = f"    kind: classify_point\n    function: {function}\n    at: {at}\n"
    verdict = inline(tmp_path, exercise, nature)
    assert (verdict.verdict, verdict.message) == (
        "correct", f"Correct: f takes values above and below 0 near it ({why}). The second-derivative test alone "
                   "does not decide it: here D = 0.")
    assert inline(tmp_path, exercise, "inconclusive").verdict == "correct"  # right about the test
    for extremum in ("minimum", "maximum"):
        assert inline(tmp_path, exercise, extremum).message.startswith(
            f"It looks like you called it a {extremum}, which f's values near the point rule out.")


@pytest.mark.parametrize("function, nature, other", [("x^4 + y^4", "minimum", "maximum"),
                                                      ("-x^4 - y^2", "maximum", "minimum")])
def test_a_point_where_d_is_0_and_f_keeps_one_side_is_that_extremum(tmp_path, function, nature, other):
    exercise = f"    kind: classify_point\n    function: {function}\n    at: [0, 0]\n"
    assert inline(tmp_path, exercise, nature).verdict == "correct"
    assert inline(tmp_path, exercise, "saddle").message.startswith("It looks like you took D = 0 to mean a saddle "
                                                                   "point.")
    assert inline(tmp_path, exercise, other).verdict == "incorrect"


def test_d_with_a_plus_is_said_as_what_it_gives(tmp_path):
    # f_xx·f_yy + f_xy² for D changes the label only where D < 0 < f_xx·f_yy + f_xy², and then it gives
    # f_xx's label: the answer can't tell it from going by f_xx alone, which is what is said
    exercise = "    kind: classify_point\n    function: x^2 + 3x y + y^2\n    at: [0, 0]\n"
    verdict = inline(tmp_path, exercise, "minimum")
    assert verdict.note == "misconception:saddle-missed|discriminant-sign-reversed"


@pytest.mark.parametrize("exercise, answer, misconception", [
    ("mn-exp", "7", "exp-equation-wrong"),
    ("mn-exp", "e^7", "exp-equation-wrong"),
    ("mn-exp", "0.8451", "exp-equation-wrong"),  # log base 10
    ("mn-log", "x = 1", "log-term-set-zero"),
    ("mn-quadratic", "2x + 5", "derivative-not-solved"),
    ("mn-quadratic", "-1.25", "gave-minimum-value"),
])
def test_minimisation_families(exercise, answer, misconception):
    assert misconception in drill(exercise, answer).note


@pytest.mark.parametrize("student, answer, message", [
    # finding 742: for eˣ − 9x the answer is ln 9 = 2 ln(3); the slip is built from eˣ = 9, not from 2 ln(3) (2e³)
    ("a", "e^9", "It looks like you solved eˣ = 9 as x = e⁹. Take the natural logarithm of both sides: x = ln(9)."),
    ("e", "e^4", "It looks like you solved eˣ = 4 as x = e⁴. Take the natural logarithm of both sides: x = ln(4)."),
    ("c", "e^7", "It looks like you solved eˣ = 7 as x = e⁷. Take the natural logarithm of both sides: x = ln(7)."),
    ("a", "log(9)/log(10)", "It looks like you solved eˣ = 9 as x = ln(9)/ln(10). Take the natural logarithm of "
     "both sides: x = ln(9)."),
])
def test_e_to_the_x_equals_c_solved_wrongly_is_built_from_c(student, answer, message):
    verdict = drill("mn-exp", answer, student=student)
    assert (verdict.note, verdict.message) == ("misconception:exp-equation-wrong", message)


def test_no_slip_is_built_from_a_simplified_logarithm():
    assert drill("mn-exp", "2e^3", student="a").note == "wrong_value"  # 2 ln(3) with ln turned into exp


def test_minimum_second_derivative():
    assert lesson("minimum-x2", "2").note == "misconception:gave-second-derivative"


NEGATIVE_POINT = "    kind: tangent_plane\n    function: x^2 + y^2\n    at: [2, -2]\n"  # z = 8 + 4(x - 2) - 4(y + 2)


@pytest.mark.parametrize("answer, note, message", [
    # the height 8 is typed: the sign of b = -2 is what was lost, in the shift
    ("z = 8 + 4(x-2) - 4(y-2)", "misconception:tangent-shift-sign",
     "It looks like you used (y - 2) where the plane has (y + 2). The point's coordinate keeps its sign in the "
     "shift: y − (-2) = y + 2."),
    # or in the slope: f_y(2, -2) = 2·(-2); x² left as it is gives 4 = 2x at x = 2 too, and is not said
    ("z = 8 + 4(x - 2) + 4(y + 2)", "misconception:negative-coordinate-sign|term-not-differentiated",
     "You get this answer if you put in y = 2 for y = -2, losing the minus sign, or if you left y² as it is "
     "instead of differentiating it. At y = -2, 2y is -4, not 4. The derivative of y² is 2y."),
    # no shift typed: the shifts left out (the same plane), not a shift written y - 2
    ("z = 8 + 4x - 4y", "misconception:tangent-not-shifted",
     "It looks like you used x and y where the plane has (x - 2) and (y + 2). The slopes multiply the distances "
     "from the point: z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."),
])
def test_a_tangent_plane_at_a_point_with_a_negative_coordinate(tmp_path, answer, note, message):
    verdict = inline(tmp_path, NEGATIVE_POINT, answer)
    assert (verdict.verdict, verdict.note, verdict.message) == ("incorrect", note, message)


def test_a_point_with_every_coordinate_negative_has_its_shifts_the_wrong_way(tmp_path):
    verdict = inline(tmp_path, NEGATIVE_POINT.replace("[2, -2]", "[-2, -2]"), "z = 8 - 4(x - 2) - 4(y - 2)")
    assert verdict.note == "misconception:shifted-wrong-way"


def test_only_the_negative_root_is_named_as_only_the_positive_one_is(tmp_path):
    # outside check h53, N2: (3, 0) alone was told the positive root only, (-3, 0) alone only "a product is zero …"
    verdict = inline(tmp_path, "    kind: critical_points\n    function: x^3 + y^2 - 27x\n", "(-3, 0)")
    assert verdict.note == "misconception:negative-root-only|missed-critical-points"
    assert verdict.message.startswith("You get this answer if you took only the negative root, or if you missed "
                                      "(3, 0). x² = 9 has two solutions, x = ±3, and each gives a critical point.")
