"""`tutor solve ...` as a person runs it: the README's examples, output and exit codes."""

from __future__ import annotations

import json
import re

import pytest

from tutor.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["solve", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_sauna_gradient_at_a_point_puts_the_point_into_each_component(capsys):
    """Too long for one line, the point is put into each component on a line of its own, in the decimals typed."""
    status, out, _ = run(capsys, "gradient", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--at", "0.5,0.6", "--steps")
    assert status == 0
    assert out.splitlines()[-3:] == [
        "4. Put x = 0.5 and y = 0.6 into ∂f/∂x: ∂f/∂x(0.5, 0.6) = -0.5·0.6²(3·0.5 - 12)(0.6 - 6)/90 = -0.1134.",
        "5. Put x = 0.5 and y = 0.6 into ∂f/∂y: ∂f/∂y(0.5, 0.6) = -0.5²·0.6(3·0.6 - 12)(0.5 - 6)/90 = -0.0935.",
        "6. At (0.5, 0.6): ∇f(0.5, 0.6) = (-0.1134, -0.0935)."]


def test_partial_at_a_point_steps_put_the_point_in(capsys):
    """The steps keep the point: the derivative, then the point put into it and the value."""
    status, out, _ = run(capsys, "partial", "sin(x y^2)", "--wrt", "y", "--at", "x=1,y=2", "--steps")
    assert status == 0
    lines = out.splitlines()
    assert lines[lines.index("Steps:") + 1] == "∂f/∂y at (1, 2) for f = sin(xy²): 4 cos(4)"
    assert lines[-1] == "2. Put x = 1 and y = 2 into ∂f/∂y: ∂f/∂y(1, 2) = 2·1·2 cos(1·2²) = 4 cos(4) ≈ -2.61457."
    _, out, _ = run(capsys, "partial", "x^2 + y^2", "--wrt", "x", "--at", "x=2,y=3", "--steps")
    assert out.splitlines()[-1] == "2. Put x = 2 and y = 3 into ∂f/∂x: ∂f/∂x(2, 3) = 2·2 = 4."
    # a value put in before e^(…) is joined with a dot, as 2·0 is (an outside check read "1 e^(0·1)" as odd)
    _, out, _ = run(capsys, "gradient", "e^(x y) + x^2", "--at", "x=0,y=1", "--steps")
    assert out.splitlines()[-1] == ("4. At (0, 1), put x = 0 and y = 1 into each component: "
                                    "∇f(0, 1) = (1·e^(0·1) + 2·0, 0·e^(0·1)) = (1, 0).")
    _, out, _ = run(capsys, "gradient", "x e^(-y)", "--at", "1,0", "--steps")
    assert out.splitlines()[-1] == ("4. At (1, 0), put x = 1 and y = 0 into each component: "
                                    "∇f(1, 0) = (e⁻⁰, -1·e⁻⁰) = (1, -1).")  # -1e⁻⁰ read as a number in e-notation


def test_values_put_into_a_product_stand_in_the_order_of_their_variables(capsys):
    """Outside check h58, F3: "put x = 1 and y = 0" then 2xy written 2·0·1, which reads as the point swapped."""
    _, out, _ = run(capsys, "gradient", "x^2 y + e^(x y)", "--at", "1,0", "--steps")
    assert out.splitlines()[-1] == ("4. At (1, 0), put x = 1 and y = 0 into each component: "
                                    "∇f(1, 0) = (0·e^(1·0) + 2·1·0, 1·e^(1·0) + 1²) = (0, 2).")
    _, out, _ = run(capsys, "gradient", "x y^2", "--at", "3,2", "--steps")
    assert out.splitlines()[-1] == ("4. At (3, 2), put x = 3 and y = 2 into each component: "
                                    "∇f(3, 2) = (2², 2·3·2) = (4, 12).")
    # the variables' order as given, not by name; three values put in are listed as a sentence lists them
    _, out, _ = run(capsys, "gradient", "y x^2 z", "--vars", "y,x,z", "--at", "1,0,1", "--steps")
    assert out.splitlines()[-1] == ("5. At (1, 0, 1), put y = 1, x = 0 and z = 1 into each component: "
                                    "∇f(1, 0, 1) = (0²·1, 2·1·0·1, 1·0²) = (0, 0, 0).")


def test_the_derivative_of_an_absolute_value_is_said_where_it_holds(capsys):
    """Outside check h58, F4: "its derivative is ∂/∂x[|x|] = sign(x)", false at 0, where |x| has a corner."""
    _, out, _ = run(capsys, "partial", "abs(x) y", "--wrt", "x", "--steps")
    assert out.splitlines()[-1] == ("   2.1. The lesson has no rule for |x|: it is x where x > 0 and its negative where "
                                    "x < 0, so ∂/∂x[|x|] = sign(x) where x ≠ 0; at x = 0 it has a corner, and no "
                                    "derivative.")
    _, out, _ = run(capsys, "partial", "abs(x^2 - 1)", "--wrt", "x", "--steps")
    assert ("   1.1. The lesson has no rule for |u|: it is u where u > 0 and its negative where u < 0, so "
            "d/du[|u|] = sign(u) where u ≠ 0; at u = 0 it has a corner, and no derivative.") in out.splitlines()


@pytest.mark.parametrize("argv, line", [
    (["partial", "abs(x) y", "--wrt", "x"], "∂f/∂x = y sign(x), where x ≠ 0"),
    (["gradient", "abs(x - 2y)"], "∇f = (sign(x - 2y), -2 sign(x - 2y)), where x - 2y ≠ 0"),
    (["gradient", "abs(x) + abs(y)"], "∇f = (sign(x), sign(y)), where x ≠ 0 and y ≠ 0"),
    # the formula's values from either side meet at the corner, so it holds there too: x|x| and |x|³ have slope 0
    (["partial", "x abs(x) + y", "--wrt", "x"], "∂f/∂x = x sign(x) + |x|"),
    (["gradient", "abs(x)^3 + y"], "∇f = (x(x sign(x) + 2|x|), 1)"),
])
def test_a_derivative_with_a_corner_says_where_its_formula_holds(capsys, argv, line):
    """Outside check h61, F4: the answer line, all a user sees without --steps, gave y sign(x) for y|x|, whose
    value 0 at x = 0 is a slope where f has a corner and none."""
    status, out, _ = run(capsys, *argv)
    assert status == 0 and out.splitlines()[1] == line


def test_a_corner_is_said_in_latex_and_json(capsys):
    _, out, _ = run(capsys, "gradient", "abs(x) + abs(y)", "--latex")
    assert out.splitlines()[1] == (r"\[ \nabla f = \left(\operatorname{sign}\left(x\right), "
                                   r"\operatorname{sign}\left(y\right)\right)\quad (x \neq 0,\ y \neq 0) \]")
    _, out, _ = run(capsys, "partial", "abs(x) y", "--wrt", "x", "--json")
    assert json.loads(out)["holds_where"] == ["x ≠ 0"]
    _, out, _ = run(capsys, "partial", "x^2 y", "--wrt", "x", "--json")
    assert json.loads(out)["holds_where"] == []


def test_the_quotient_rule_puts_u_v_and_their_derivatives_into_the_formula_in_its_order(capsys):
    _, out, _ = run(capsys, "partial", "x/(x+y)", "--wrt", "x", "--steps")
    assert ("2. Quotient rule (u′v − uv′)/v² with u = x and v = x + y, so u′ = 1 and v′ = 1: "
            "∂/∂x[x/(x + y)] = (1·(x + y) − x·1)/(x + y)² = y/(x + y)².") in out.splitlines()
    _, out, _ = run(capsys, "partial", "x^2/(x+y)", "--wrt", "x", "--steps")
    assert ("2. Quotient rule (u′v − uv′)/v² with u = x² and v = x + y, so u′ = 2x and v′ = 1: "
            "∂/∂x[x²/(x + y)] = (2x·(x + y) − x²·1)/(x + y)² = (x² + 2xy)/(x + y)².") in out.splitlines()
    _, out, _ = run(capsys, "partial", "sin(x)/x^2", "--steps")
    assert ("1. Quotient rule (u′v − uv′)/v² with u = sin(x) and v = x², so u′ = cos(x) and v′ = 2x: "
            "d/dx[sin(x)/x²] = (cos(x)·x² − sin(x)·2x)/(x²)² = (x² cos(x) - 2x sin(x))/x⁴.") in out.splitlines()


def test_the_second_derivative_test_derives_its_derivatives_and_says_what_they_mean(capsys):
    _, out, _ = run(capsys, "critical", "x^3 - 3x + y^2", "--steps")
    assert out.splitlines()[-3:] == [
        "   8.1. Differentiate each partial derivative again: f_xx = ∂/∂x[3x² - 3] = 6x, f_yy = ∂/∂y[2y] = 2, and "
        "the mixed one f_xy = ∂/∂y[3x² - 3] = 0. Where ∇f = 0, D = f_xx·f_yy − f_xy² > 0 means f curves the same way "
        "in every direction: a local minimum if f_xx > 0, a local maximum if f_xx < 0; D < 0 means it curves up one "
        "way and down another (a saddle point); D = 0 does not decide.",
        "   8.2. At (-1, 0): f_xx = -6, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = -12 < 0: a saddle point.",
        "   8.3. At (1, 0): f_xx = 6, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = 12 > 0: a local minimum."]
    _, out, _ = run(capsys, "minimize", "x^4 - 2x^3", "--steps")
    assert ("   7.1. Differentiate f′ again: f″ = d/dx[4x³ - 6x²] = 12x² - 12x. Where f′ = 0, f″ > 0 means f curves up "
            "(a local minimum), f″ < 0 that it curves down (a local maximum); f″ = 0 does not decide.") in out.splitlines()
    _, out, _ = run(capsys, "critical", "x^3 + y^3", "--steps")
    assert out.splitlines()[-1].endswith(
        "(from the factors of f - f(P) = (x + y)(x² - xy + y²), P being (0, 0)).")


def test_critical_points_of_a_quadratic_solve_the_two_linear_equations_line_by_line(capsys):
    """The same elimination `solve lstsq` uses for its normal equations, under the point it gives; its equations
    as the elimination takes them (outside check h24: x = 3/2 - y/2, then "multiply the first equation by 2:
    4x + 2y - 6 = 0", which doubling x = 3/2 - y/2 does not give)."""
    _, out, _ = run(capsys, "critical", "x^2 + x y + y^2 - 3x", "--steps")
    lines = out.splitlines()
    at = lines.index("   4.1. 2x + y - 3 = 0 and x + 2y = 0: the point (2, -1).")
    assert lines[at + 1:at + 7] == [
        "      4.1.1. Multiply the first equation by 2: 4x + 2y - 6 = 0.",
        "      4.1.2. Subtract the second equation from the first: y cancels, leaving 3x - 6 = 0.",
        "      4.1.3. So x = 6/3 = 2.",
        "      4.1.4. Put x = 2 into the first equation: y + 2·2 - 3 = 0.",
        "      4.1.5. Collect the numbers: y + 1 = 0.",
        "      4.1.6. So y = -1."]
    _, out, _ = run(capsys, "minimize", "3x^2 - 2xy + y^2 - 4x + 2", "--steps")
    assert "      6.1.1. Add the two equations: y cancels, leaving 4x - 4 = 0." in out.splitlines()


def test_critical_points_of_two_equations_not_linear_say_what_is_put_into_what(capsys):
    _, out, _ = run(capsys, "minimize", "x^4 + y^4 - 4x y", "--steps")
    assert ("      6.1.1. Put y = x³ into x = y³: x = x⁹, one equation in x alone, whose real solutions are x = -1, "
            "x = 0 and x = 1; y = x³ then gives each point's y.") in out.splitlines()


def test_partial_with_steps(capsys):
    status, out, err = run(capsys, "partial", "3x^2 y^3", "--wrt", "y", "--steps")
    assert status == 0 and err == ""
    assert out.splitlines()[:2] == ["f(x, y) = 3x²y³", "∂f/∂y = 9x²y²"]
    assert "Treat x as a constant" in out
    assert "3x² is a constant coefficient" in out
    assert "Power rule" in out


def test_gradient_at_a_point(capsys):
    status, out, _ = run(capsys, "gradient", "x^2 + y^2", "--at", "x=2,y=3")
    assert status == 0
    assert out.splitlines() == ["f(x, y) = x² + y²", "∇f = (2x, 2y)", "∇f(2, 3) = (4, 6)"]


def test_critical_points_of_the_sauna_with_steps(capsys):
    status, out, _ = run(capsys, "critical", "85 - 1/90 x^2 (x-6) y^2 (y-6)",
                         "--region", "0<=x<=5, 0<=y<=5", "--steps")
    assert status == 0
    assert "region: 0 ≤ x ≤ 5, 0 ≤ y ≤ 5" in out
    inside, outside = out.split("Steps:")[0].split("outside the region:")
    assert "critical points in the region:\n  (4, 4)  minimum (D = 4096/225 > 0 and f_xx = 64/15 > 0)" in inside
    # the walls are maxima with T = 85, as the lesson says
    assert "  x = 0: f = 85 all along it; maxima where 0 ≤ y ≤ 5" in inside
    assert "  y = 0: f = 85 all along it; maxima where 0 ≤ x ≤ 5" in inside
    assert outside.strip() == "(6, 6)  saddle (D = -5184/25 < 0)"
    assert "Steps:\nThe critical points of f = 85 - x²(x - 6)y²(y - 6)/90 in the region" in out


def test_an_indefinite_hessian_in_three_variables_is_a_saddle_with_steps(capsys):
    status, out, _ = run(capsys, "critical", "x^2 - y^2 + z^4", "--steps")
    assert status == 0
    assert out.splitlines()[1:3] == [
        "critical points:",
        "  (0, 0, 0)  saddle (the Hessian's determinant is 0, but the principal minor in x, y is -4 < 0, "
        "so the Hessian is indefinite)"]
    assert ("At (0, 0, 0): the leading principal minors of the Hessian are 2, -4 and 0; the last is 0, "
            "but the principal minor in x, y is -4 < 0, so the Hessian is indefinite (f curves up along one "
            "direction and down along another): a saddle point.") in out


def test_a_saddle_in_three_variables_by_its_minors_names_the_determinant_not_0(capsys):
    # minors 0, -1, 2 fit neither definite pattern; without "the determinant is not 0" that proved no saddle
    # (a semidefinite Hessian fits neither either): outside check h16, F10
    status, out, _ = run(capsys, "critical", "x y + y z + x z")
    assert status == 0
    assert out.splitlines()[2] == ("  (0, 0, 0)  saddle (the leading principal minors 0, -1, 2 are neither all "
                                   "positive nor alternating, and the last, the Hessian's determinant, is not 0)")


@pytest.mark.parametrize("f", ["(x + y + z)^2 + x^4 + y^4 + z^4", "x^2 + (y + z)^2 + y^4 + z^4"])
def test_three_variables_whose_complex_solutions_are_many_are_solved_by_their_eliminant(capsys, f):
    # x = y = z from 4x³ = 4y³ = 4z³, then 4x³ + 6x = 0: only (0, 0, 0) is real; the first was "no critical
    # points found", sympy's solve running out of its budget on the complex ones (outside check h16, F2)
    status, out, _ = run(capsys, "critical", f)
    assert status == 0
    lines = out.splitlines()[1:]
    assert lines[:2] == ["critical points:", lines[1]] and lines[1].startswith("  (0, 0, 0)  ")
    assert len(lines) == 2  # every case solved: no "some critical points may be missing"


@pytest.mark.parametrize("f, nature", [
    ("x^2 + (y + z)^2 + y^4 + z^4", "minimum (f = 0 there and f ≥ 0 near it (f - f(0, 0, 0) = x² + y⁴ + z⁴ + (y + z)² "
                                    "is a sum of terms that are never negative))"),
    ("3 - x^2 - (y + z)^2 - y^4 - z^4", "maximum (f = 3 there and f ≤ 3 near it (f - f(0, 0, 0) = -x² - y⁴ - z⁴ - "
                                        "(y + z)² is a sum of terms that are never positive))"),
])
def test_a_polynomial_whose_terms_as_written_are_never_negative_has_a_minimum_the_test_leaves_open(capsys, f, nature):
    # D = 0 (x² + (y + z)² is only semidefinite) and its expanded terms have 2yz: 'undecided' (outside check h16)
    status, out, _ = run(capsys, "critical", f)
    assert status == 0
    assert out.splitlines()[2] == f"  (0, 0, 0)  {nature}"


def test_three_variables_at_an_eliminants_rational_root_keep_every_real_solution(capsys):
    # at z = 0: -8x³y² + 2x = 0 and -4x⁴y - 3y² + 2y = 0 hold at (0, 0), (0, 2/3) and two points x = ±0.9703…,
    # y = -0.5153… (∇f there is 0 to 170 digits); the last two were missing with no note to say so
    status, out, _ = run(capsys, "critical", "-2x^4 y^2 + x^2 - 3x y^3 z^3 - y^3 + y^2 + z^2")
    assert status == 0
    lines = out.splitlines()
    assert lines[1] == "critical points:" and len(lines) == 6 and not any("note" in line for line in lines)
    assert [line.split()[0] for line in lines[2:]].count("(0,") == 2


def test_a_factor_that_is_never_0_is_left_out_of_the_critical_cases(capsys):
    # e^(-x² - y²) kept the partials whole: the 'critical set' was where ∂f/∂x = 0, with (0, 1/2) on it
    status, out, _ = run(capsys, "critical", "(x^2+y^2) e^(-x^2-y^2)", "--steps")
    assert status == 0
    assert out.splitlines()[1:5] == [
        "critical points:",
        "  (0, 0)  minimum (D = 4 > 0 and f_xx = 2 > 0)",
        "critical sets (every point on them is critical):",
        "  x² + y² = 1: f = e⁻¹ all along it; maxima all along it"]
    # the critical points are said once, before they are classified
    assert out.splitlines()[-6:] == [
        "10. None is missing: e^(-x² - y²) is positive everywhere, so never 0.",
        "11. Classify the point with the second-derivative test:",
        "   11.1. Differentiate each partial derivative again: f_xx = ∂/∂x[2x(1 - x² - y²)e^(-x² - y²)] = 2(1"
        " - 2x²(1 - x² - y²) - 3x² - y²)e^(-x² - y²), f_yy = ∂/∂y[2(1 - x² - y²)y e^(-x² - y²)] = 2(1 - x² - "
        "2(1 - x² - y²)y² - 3y²)e^(-x² - y²), and the mixed one f_xy = ∂/∂y[2x(1 - x² - y²)e^(-x² - y²)] = -4"
        "x(2 - x² - y²)y e^(-x² - y²). Where ∇f = 0, D = f_xx·f_yy − f_xy² > 0 means f curves the same way in"
        " every direction: a local minimum if f_xx > 0, a local maximum if f_xx < 0; D < 0 means it curves up"
        " one way and down another (a saddle point); D = 0 does not decide.",
        "   11.2. At (0, 0): f_xx = 2, f_yy = 2, f_xy = 0, so D = f_xx·f_yy - f_xy² = 4 > 0: a local minimum.",
        "12. Every point of the curve x² + y² = 1 is critical; f = e⁻¹ all along it.",
        "   12.1. All along it: every point of it is a local maximum, since f = e⁻¹ all along it and f ≤ e⁻¹ near "
        "each of its points (f depends on x and y only through u = x² + y²: f = g(u) with g(u) = ue⁻ᵘ, g′(1) = 0 "
        "and g″(1) = -e⁻¹ < 0)."]
    assert "9. The critical points: {(0, 0), x² + y² = 1}." in out.splitlines()
    assert "So the critical points are" not in out
    assert "not polynomial" not in out  # what is left of the partials is: every critical point is found


@pytest.mark.parametrize("function, line", [
    ("x^2 + y^3", "  (0, 0)  saddle (f takes values above and below 0 near it (on the line x = 0, f - f(P) = y³, "
                  "which changes sign at y = 0))"),
    ("x^3 + y^2", "  (0, 0)  saddle (f takes values above and below 0 near it (on the line y = 0, f - f(P) = x³, "
                  "which changes sign at x = 0))"),
    ("x^2 - y^4", "  (0, 0)  saddle (f takes values above and below 0 near it (from the factors of f - f(P) = "
                  "(x - y²)(x + y²), P being (0, 0)))"),
    ("x^4 + y^4", "  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(P) = x⁴ + y⁴ is a sum of even powers "
                  "with positive coefficients))"),
    ("-x^4 - y^2", "  (0, 0)  maximum (f = 0 there and f ≤ 0 near it (f - f(P) = -x⁴ - y² is a sum of even powers "
                   "with negative coefficients))"),
    # the lowest-degree terms of f - f(P) decide where they are definite or take both signs (finding 1 of fix-edges)
    ("x^4 + x^3 y + y^4", "  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(P) = x⁴ + x³y + y⁴ is > 0 in "
                          "every direction from the point: x⁴(m⁴ + m + 1) on the line y = mx, where m⁴ + m + 1 has "
                          "no real root, and y⁴ on the line x = 0))"),
    ("x^5 - x^4 - x^3 y - y^4", "  (0, 0)                   maximum (f = 0 there and f ≤ 0 near it (the lowest-degree terms of "
                                "f - f(P), -x⁴ - x³y - y⁴, are < 0 in every direction from the point: "
                                "x⁴(-m⁴ - m - 1) on the line y = mx, where -m⁴ - m - 1 has no real root, and -y⁴ on "
                                "the line x = 0, so near it they outweigh the rest))"),
    ("(x - 1)^4 + 2(x - 1)^3 (y + 2) + 2(y + 2)^4", "  (1, -2)  minimum (f = 0 there and f ≥ 0 near it (f - f(P) = "
     "(x - 1)⁴ + 2(x - 1)³(y + 2) + 2(y + 2)⁴ is > 0 in every direction from the point: (x - 1)⁴(2m⁴ + 2m + 1) on "
     "the line y = m(x - 1) - 2, where 2m⁴ + 2m + 1 has no real root, and 2(y + 2)⁴ on the line x = 1))"),
    # negative only between the slopes 2 and 4, where no other path looks: a saddle
    ("(y - 3x)^2 (x^2 + y^2) - x^4/100", "  (0, 0)  saddle (f takes values above and below 0 near it (f - f(P) = "
     "899x⁴/100 - 6x³y + 10x²y² - 6xy³ + y⁴ is y⁴ on the line x = 0 but -x⁴/100 on the line y = 3x))"),
    # its lowest-degree terms (x² - y²)² are 0 on y = ±x: they do not decide, and nothing is called strict
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6",
     "  (0, 0)  undecided (neither the test nor f's values simply decide at this point)"),
])
def test_where_d_is_0_fs_values_decide_the_point(capsys, function, line):
    # x² + y³ was "undecided" at (0, 0), though f = y³ on x = 0 takes both signs: a saddle point, as x⁴ - y⁴ is
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1] == "critical points:" and out.splitlines()[2] == line


@pytest.mark.parametrize("function, line", [
    ("x + y", "no critical points: ∇f is never 0"),
    # ∇f(0, 0) = 0: "never" was false where a case went unsolved; (0, 0) is found on the line y = x f is symmetric about
    ("x^2 + y^2 + sin(x y)", "critical points:"),
])
def test_no_critical_point_is_never_only_where_every_case_was_solved(capsys, function, line):
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1] == line


def test_no_critical_point_of_a_periodic_gradient_is_said_alone_without_a_note_on_its_period(capsys):
    # eˣ cos y: "no critical points" was followed by "these are the critical points with 0 ≤ y < 2π, and each
    # recurs …" (outside check h32, F5)
    status, out, _ = run(capsys, "critical", "exp(x) cos(y)")
    assert status == 0 and out.splitlines() == ["f(x, y) = eˣ cos(y)", "no critical points: ∇f is never 0"]


@pytest.mark.parametrize("function, lines", [
    ("sqrt(x^2 + y^2 + z^2)", ["critical points:", "  (0, 0, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(0, 0, 0) = "
                                                   "√(x² + y² + z²) is never negative))"]),
    ("-sqrt(x^2 + 2y^2 + (z - 1)^2)", ["critical points:", "  (0, 0, 1)  maximum (f = 0 there and f ≤ 0 near it (f - "
                                                          "f(0, 0, 1) = -√(x² + 2y² + (z - 1)²) is never positive))"]),
])
def test_a_cone_s_vertex_in_three_variables_is_a_critical_point(capsys, function, lines):
    # ∇f has no value there: "no critical points: ∇f is never 0" (outside check h33, N1)
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1:] == lines


def test_a_minimum_whose_difference_is_a_fraction_never_negative_is_global(capsys):
    # f − 2 = (x² + y² − 1)²/(x² + y²) ≥ 0: "whether it is the global minimum is not known for sure" (h32, F4)
    status, out, _ = run(capsys, "minimize", "x^2 + y^2 + 1/(x^2 + y^2)", "--steps")
    assert status == 0
    assert "the least: f = 2 for every (x, y) with x² + y² = 1; it is the global minimum" in out.splitlines()
    assert out.splitlines()[-1].endswith("it is the global minimum, since f - 2 = (x² + y² - 1)²/(x² + y²) is never "
                                         "negative.")


def test_least_squares_from_points(capsys):
    status, out, _ = run(capsys, "lstsq", "--points", "(1,2), (2,5), (3,3)", "--steps")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("y = x/2 + 7/3")
    assert "m = 1/2, b = 7/3 ≈ 2.33333" in out
    assert "E(m, b) = 14m² + 3b² + 38 + 12mb - 42m - 20b" in out
    assert "least cost E(1/2, 7/3) = 25/6 ≈ 4.16667" in out
    assert "Multiply the second equation by 2: 12b + 24m - 40 = 0." in out
    assert "∂E/∂m = 28m + 12b - 42" in out


def test_least_squares_writes_m_and_b_alike(capsys):
    # integer data: was "y = 7x/5 + 1.9", "m = 7/5, b = 1.9", "least cost E(7/5, 1.9) = 201/5"; whole numbers
    # have an exact fit, all in fractions (finding 114), and decimal data all in decimals
    status, out, _ = run(capsys, "lstsq", "--points", "(0,0), (1,8), (2,1), (3,7)")
    assert status == 0 and out.splitlines() == [
        "y = 7x/5 + 19/10   (4 points)", "m = 7/5, b = 19/10", "E(m, b) = 14m² + 4b² + 114 + 12mb - 62m - 32b",
        "least cost E(7/5, 19/10) = 201/5"]
    status, out, _ = run(capsys, "lstsq", "--points", "(0,0), (1,8), (2,1), (3,7.0)")
    assert status == 0 and out.splitlines() == [
        "y = 1.4x + 1.9   (4 points)", "m = 1.4, b = 1.9", "E(m, b) = 14m² + 4b² + 114 + 12mb - 62m - 32b",
        "least cost E(1.4, 1.9) = 40.2"]


def test_least_squares_on_decimal_data_writes_m_and_b_alike(capsys):
    # b = 25/24 has no decimal: was "y = 0.75x + 25/24", "m = 0.75, b = 25/24", "E(0.75, 25/24)"; the data's
    # cost stays in decimals, as typed
    status, out, _ = run(capsys, "lstsq", "--points", "(0.5, 1.25), (1.5, 2.5), (2.5, 2.75)", "--steps")
    lines = out.splitlines()
    assert status == 0 and lines[:4] == [
        "y = 3x/4 + 25/24   (3 points)", "m = 3/4, b = 25/24 ≈ 1.04167",
        "E(m, b) = 8.75m² + 3b² + 15.375 + 9mb - 22.5m - 13b", "least cost E(3/4, 25/24) = 1/6 ≈ 0.166667"]
    assert "Least squares: fitting y = mx + b to 3 points gives y = 3x/4 + 25/24" in lines
    # m is 3/4 wherever it is found and put in, as the answer writes it beside 25/24, not 0.75 in one step
    assert "9. Solve them by elimination: m = 3/4 and b = 25/24 (b ≈ 1.04167)." in lines
    assert "   9.4. So m = 6/8 = 3/4." in lines and "   9.5. Put m = 3/4 into the second equation: 6b + 9(3/4) - 13 = 0." \
        in lines
    assert "10. The least cost: E(3/4, 25/24) = 1/6 ≈ 0.166667." in lines
    assert "1. Each point (xᵢ, yᵢ) is off the line by its error mxᵢ + b − yᵢ, and the cost adds up the squares of the " \
           "errors: E(m, b) = (0.5m + b - 1.25)² + (1.5m + b - 2.5)² + (2.5m + b - 2.75)²." in lines
    status, out, _ = run(capsys, "lstsq", "--points", "(0.5, 1.25), (1.5, 2.5), (2.5, 2.75)", "--json")
    result = json.loads(out)
    assert (result["model"], result["values"]["m"]["exact"], result["values"]["b"]["exact"]) == (
        "y = 3x/4 + 25/24", "3/4", "25/24")


def test_a_cost_step_writes_m_and_b_alike(capsys):
    # was "(1.1, 11/30)" in the line, the steps and the JSON
    status, out, _ = run(capsys, "cost", "--points", "(1,1),(2,4),(4,6)", "--mean", "--start", "0,0", "--rate", "0.1",
                         "--steps")
    assert status == 0
    assert "(m₁, b₁) = (0, 0) − 0.1·∇L(0, 0) = (11/10, 11/30)" in out.splitlines()
    assert "10. Step against the gradient: (m₁, b₁) = (m₀, b₀) − α·∇L(m₀, b₀) = (0, 0) − 0.1·(-11, -11/3) = " \
           "(11/10, 11/30) ≈ (1.1, 0.366667)." in out.splitlines()
    status, out, _ = run(capsys, "cost", "--points", "(1,1),(2,4),(4,6)", "--mean", "--start", "0,0", "--rate", "0.1",
                         "--json")
    assert json.loads(out)["step"]["after"] == ["11/10", "11/30"]


def test_descent_table_one_variable(capsys):
    status, out, _ = run(capsys, "descent", "e^x - ln x", "--start", "0.05", "--rate", "0.005",
                         "--iterations", "20")
    assert status == 0
    rows = [line.split() for line in out.splitlines() if line[:2].strip().isdigit()]
    assert len(rows) == 21
    assert rows[0][:3] == ["0", "0.05", "-18.9487"]
    assert rows[1][1] == "0.144744" and rows[2][1] == "0.173509"
    assert "stopped after 20 iterations" in out


def test_one_iteration_is_one_iteration(capsys):
    # "converged after 1 iterations", "After 1 iterations the point is …"
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.5", "--steps")
    assert status == 0 and "converged after 1 iteration: |f′| is smaller than the tolerance; the point is 0" in out
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.1", "--iterations", "1", "--steps")
    assert status == 0 and out.splitlines()[-1] == "4. After 1 iteration the point is 0.8, where f = 0.64."


@pytest.mark.parametrize("function, start, last", [
    ("x^4 - 2x^2", "0", "3. After 0 iterations |f′| is below 1e-8: close enough, so the descent stops at 0, where "
     "f = 0; the nearest critical point is 0, 0 away, which is a local maximum: descent stops wherever f′ is small, "
     "not only near a minimum."),
    ("-x^2", "0", "3. After 0 iterations |f′| is below 1e-8: close enough, so the descent stops at 0, where f = 0; "
     "the nearest critical point is 0, 0 away, which is a local maximum: descent stops wherever f′ is small, not "
     "only near a minimum."),
    ("x^3", "0", "3. After 0 iterations |f′| is below 1e-8: close enough, so the descent stops at 0, where f = 0; "
     "the nearest critical point is 0, 0 away, which is neither a minimum nor a maximum: descent stops wherever f′ "
     "is small, not only near a minimum."),
    ("x^2 - y^2", "1,0", "8. After 86 iterations |∇f| is below 1e-8: close enough, so the descent stops at "
     "(4.63168e-9, 0), where f = 2.145249e-17; the nearest critical point is (0, 0), 4.63168e-9 away, which is a "
     "saddle point: descent stops wherever ∇f is small, not only near a minimum."),
    ("x^4 - 2x^2", "0.5", "8. After 15 iterations |f′| is below 1e-8: close enough, so the descent stops at 1, "
     "where f = -1; the nearest critical point is 1, a local minimum, 6.22737e-10 away."),
    # on the critical line x = 0: no single point is the nearest, and its points are minima
    ("x^2 y^2", "1,2", "8. After 28 iterations |∇f| is below 1e-8: close enough, so the descent stops at "
     "(1.3502e-9, 1.58319), where f = 4.56943e-18; the nearest critical points the tutor finds are on the line x = 0, "
     "1.3502e-9 away, every point of which is critical; there they are local minima."),
    # the lesson's sauna wall x = 0: maxima where y < 6, minima where y > 6 (outside check h59, P2: "converged" alone)
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", "0,2", "3. After 0 iterations |∇f| is below 1e-8: close enough, so the descent "
     "stops at (0, 2), where f = 85; the nearest critical points the tutor finds are on the line x = 0, 0 away, every "
     "point of which is critical; there they are local maxima: descent stops wherever ∇f is small, not only near a "
     "minimum."),
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", "0.5,7", "8. After 24 iterations |∇f| is below 1e-8: close enough, so the "
     "descent stops at (1.74938e-9, 6.88131), where f = 85; the nearest critical points the tutor finds are on the "
     "line x = 0, 1.74938e-9 away, every point of which is critical; there they are local minima."),
    ("(x^2 + y^2 - 1)^2", "0.3,0.2", "8. After 16 iterations |∇f| is below 1e-8: close enough, so the descent stops "
     "at (0.83205, 0.5547), where f = 2.139e-18; the nearest critical points the tutor finds are on the curve "
     "x² + y² = 1, 7.31266e-10 away, every point of which is critical; there they are local minima."),
    # the isolated minimum (4, 4) is nearer than the wall
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", "0.01,2", "8. After 70 iterations |∇f| is below 1e-8: close enough, so the "
     "descent stops at (4, 4), where f = 73.6222; the nearest critical point the tutor finds is (4, 4), a local "
     "minimum, 1.55382e-9 away."),
])
def test_descent_steps_say_what_the_critical_point_it_stops_at_is(capsys, function, start, last):
    # a gradient below the tolerance means a critical point: a maximum or a saddle stops descent too
    status, out, _ = run(capsys, "descent", "--start", start, "--rate", "0.1", "--steps", "--", function)
    assert status == 0 and out.splitlines()[-1] == last


@pytest.mark.parametrize("function, start, rate, tolerance, last", [
    # f′ = -e^(-x) is never 0: the run is flat at 10 and drifts on to ∞ (finding 325)
    ("e^(-x)", "0", "10", "0.0001", "4. After 1 iteration |f′| is below 0.0001: close enough, so the descent stops "
     "at 10, where f = 4.53999e-5; f has no critical point: f′ is small there, but not 0, so descent would go on."),
    # its one critical point, a maximum at 1, is left behind
    ("x e^(-x)", "3", "1", "0.01", "8. After 119 iterations |f′| is below 0.01: close enough, so the descent stops "
     "at 6.27062, where f = 0.0118581; the nearest critical point is 1, 5.27062 away, which is a local maximum: "
     "descent stops wherever f′ is small, not only near a minimum."),
])
def test_descent_steps_name_the_nearest_critical_point_however_far(capsys, function, start, rate, tolerance, last):
    status, out, _ = run(capsys, "descent", "--start", start, "--rate", rate, "--tolerance", tolerance, "--steps",
                         "--", function)
    assert status == 0 and out.splitlines()[-1] == last


def test_descent_table_two_variables(capsys):
    status, out, _ = run(capsys, "descent", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--start", "0.5,0.6",
                         "--rate", "0.05", "--iterations", "2")
    assert status == 0
    rows = [line.split() for line in out.splitlines() if line[:1].isdigit()]
    assert rows[0] == ["0", "0.5", "0.6", "-0.1134", "-0.0935", "84.9703"]
    assert rows[1][:3] == ["1", "0.50567", "0.604675"]
    assert rows[2][:3] == ["2", "0.51148", "0.609482"]


def test_descent_on_the_least_squares_cost(capsys):
    status, out, _ = run(capsys, "descent", "--points", "(1,2), (2,5), (3,3)", "--start", "0,0",
                         "--rate", "0.01", "--tolerance", "1e-9")
    assert status == 0
    assert "converged after" in out
    assert "(0.5, 2.33333)" in out


def test_descent_with_named_variables(capsys):
    status, out, _ = run(capsys, "descent", "14m^2 + 3b^2 + 38 + 12mb - 42m - 20b", "--vars", "m,b",
                         "--start", "m=0,b=0", "--rate", "0.01", "--iterations", "1")
    assert status == 0
    assert out.splitlines()[4].split() == ["k", "m", "b", "∂f/∂m", "∂f/∂b", "f"]
    assert out.splitlines()[6].split()[:3] == ["1", "0.42", "0.2"]


def test_tangent_plane(capsys):
    status, out, _ = run(capsys, "tangent", "x^2 + y^2", "--at", "x=2,y=4")
    assert status == 0
    assert out.splitlines() == ["f(x, y) = x² + y²", "tangent plane at (2, 4): z = 20 + 4(x - 2) + 8(y - 4)",
                                "z = 4x + 8y - 20"]


@pytest.mark.parametrize("function, at, lines", [
    # finding 96: the lesson's form, f(a, b) first, then f_x(x − a) and f_y(y − b), the terms that are 0 left out
    ("x e^y", "1,0", ["tangent plane at (1, 0): z = 1 + (x - 1) + y", "z = x + y"]),
    ("x^2 y", "--at=-1,2", ["tangent plane at (-1, 2): z = 2 - 4(x + 1) + (y - 2)", "z = -4x + y - 4"]),
    # said once where the two forms are one (outside check h51, N13)
    ("sin(x) cos(y)", "0,0", ["tangent plane at (0, 0): z = x"]),
    ("x y", "0,0", ["tangent plane at (0, 0): z = 0"]),
    ("x^2 - 2x + y^2", "1,0", ["tangent plane at (1, 0): z = -1"]),
    ("x - x y", "2,3", ["tangent plane at (2, 3): z = -4 - 2(x - 2) - 2(y - 3)", "z = 6 - 2x - 2y"]),
    ("2 - x y", "1,1", ["tangent plane at (1, 1): z = 1 - (x - 1) - (y - 1)", "z = 3 - x - y"]),  # not 1 - x - 1
])
def test_tangent_planes_are_written_in_the_lessons_order(capsys, function, at, lines):
    options = [at] if at.startswith("--") else ["--at", at]
    status, out, _ = run(capsys, "tangent", function, *options)
    assert status == 0
    assert out.splitlines()[1:] == lines


@pytest.mark.parametrize("function, at, lines", [
    # finding 96: a function of one variable has a tangent line, y = f(a) + f′(a)(x − a), not a plane in z
    ("x^3", "2", ["f(x) = x³", "tangent line at x = 2: y = 8 + 12(x - 2)", "y = 12x - 16"]),
    ("e^x", "0", ["f(x) = eˣ", "tangent line at x = 0: y = 1 + x", "y = x + 1"]),
    ("x^2", "--at=-1", ["f(x) = x²", "tangent line at x = -1: y = 1 - 2(x + 1)", "y = -2x - 1"]),
    ("t^2 + 1", "3", ["f(t) = t² + 1", "tangent line at t = 3: y = 10 + 6(t - 3)", "y = 6t - 8"]),
    ("y^2", "3", ["f(y) = y²", "tangent line at y = 3: z = 9 + 6(y - 3)", "z = 6y - 9"]),
])
def test_the_tangent_of_a_function_of_one_variable_is_a_line(capsys, function, at, lines):
    options = [at] if at.startswith("--") else ["--at", at]
    status, out, _ = run(capsys, "tangent", function, *options)
    assert status == 0
    assert out.splitlines() == lines


def test_the_tangent_lines_steps_are_in_one_variable(capsys):
    status, out, _ = run(capsys, "tangent", "x^3", "--at", "2", "--steps")
    assert status == 0
    assert out.split("Steps:\n")[1].splitlines() == [
        "The tangent line to f = x³ at x = 2: y = 12x - 16",
        "1. The height of f at the point: f(2) = 8.",
        "2. The slope: f′ = 3x², so f′(2) = 12.",
        "3. Put these into y = f(a) + f′(a)(x − a): y = 8 + 12(x - 2).",
        "4. Simplify: 8 + 12(x - 2) = 12x - 16.",
    ]
    status, out, _ = run(capsys, "tangent", "e^x", "--at", "0", "--steps")  # nothing to simplify: no step for it
    assert out.split("Steps:\n")[1].splitlines()[-1] == ("3. Put these into y = f(a) + f′(a)(x − a): y = 1 + 1(x - 0), "
                                                         "that is y = 1 + x.")
    status, out, _ = run(capsys, "tangent", "ln(x)", "--at", "1", "--json")
    assert json.loads(out)["line"] == "y = x - 1" and "plane" not in json.loads(out)


def test_minimize(capsys):
    status, out, _ = run(capsys, "minimize", "e^x - ln x")
    assert status == 0
    assert "x = W(1) ≈ 0.567143" in out
    assert "minimum: f(W(1)) = W(1) + 1/W(1) ≈ 2.33" in out


@pytest.mark.parametrize("function, lines", [
    # D = 0 at a strict minimum that f's factors do not show: undecided, and said so, never "no local minimum"
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6",
     ["(0, 0) is a critical point the test does not decide: it may be a local minimum"]),
    # decided by its lowest-degree terms, > 0 in every direction
    ("x^4 + x^3 y + y^4", ["local minima:", "  (0, 0): f = 0", "the least: f(0, 0) = 0; it is the global minimum"]),
    # f never negative, as written: f = 0 all along a line is the global minimum (was "not known for sure")
    ("x^2 y^2", ["minima all along x = 0, f = 0", "minima all along y = 0, f = 0",
                 "the least: f = 0 for every (x, y) with x = 0 or y = 0; it is the global minimum"]),
    ("(x-y)^2", ["minima all along x = y, f = 0",
                 "the least: f = 0 for every (x, y) with x = y; it is the global minimum"]),
    ("(x+y-1)^4 + 2", ["minima all along x = 1 - y, f = 2",
                       "the least: f = 2 for every (x, y) with x = 1 - y; it is the global minimum"]),
    ("(x^2+y^2-1)^2", ["minima all along x² + y² = 1, f = 0",
                       "the least: f = 0 for every (x, y) with x² + y² = 1; it is the global minimum"]),
    # the circle x² + y² = 1 is maxima (g(u) = ue⁻ᵘ with u = x² + y², g″(1) < 0): no longer "may hold minima"
    # and f ≥ 0 = f(0, 0) everywhere, a sum of terms never negative: the origin is the global minimum
    ("(x^2+y^2) e^(-x^2-y^2)", [
        "local minima:", "  (0, 0): f = 0",
        "the least: f(0, 0) = 0; it is the global minimum"]),
    # and for -f the circle is where f is least: g(u) = -ue⁻ᵘ has g′ = 0 at u = 1 alone
    ("-(x^2+y^2) e^(-x^2-y^2)", [
        "minima all along x² + y² = 1, f = -e⁻¹",
        "the least: f = -e⁻¹ ≈ -0.367879 for every (x, y) with x² + y² = 1; it is the global minimum"]),
    # g″(1) = 0: the tutor says it does not decide, rather than guessing
    ("(x^2+y^2-1)^4 e^(-x^2-y^2)", [
        "x² + y² = 1: critical points the tutor does not decide, which may be minima"]),
    ("x^3 + y^3", ["no local minimum", "note: f decreases without bound, so no minimum is global"]),
    # D = 0, and f = y³ on x = 0 takes both signs: a saddle point, not "it may be a local minimum" (finding 92)
    ("x^2 + y^3", ["no local minimum", "note: f decreases without bound, so no minimum is global"]),
    ("x^4 + y^3", ["no local minimum", "note: f decreases without bound, so no minimum is global"]),
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", [  # the sauna's walls beyond y = 6 (x = 6) are minima
        "local minima:", "  (4, 4): f = 3313/45 ≈ 73.6222",
        "minima along x = 0 where 6 < y, f = 85", "minima along y = 0 where 6 < x, f = 85",
        "the least: f(4, 4) = 3313/45 ≈ 73.6222; it is not the global minimum",
        "note: f decreases without bound, so no minimum is global"]),
])
def test_minimize_names_what_may_be_minima_besides_isolated_points(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:] == lines


@pytest.mark.parametrize("argv, lines", [
    # no minimum in the window: said so, and the one outside named as outside, never as "the least" (row 80)
    (["x^2 + y^2", "--region", "1<=x<=2, 0<=y<=1"], [
        "region: 1 ≤ x ≤ 2, 0 ≤ y ≤ 1", "outside the region:", "  (0, 0): f = 0", "no local minimum in the region",
        "the least local minimum, outside the region: f(0, 0) = 0; it is the global minimum",
        # f is least in the box at its corner (1, 0), which no local minimum is
        "least in the region: f(1, 0) = 1, on its edges x = 1 and y = 0"]),
    # a minimum in the window and a lower one outside it: "the least" is the one inside
    (["(x^2-1)^2 + y^2 + 0.3x", "--region", "0<=x<=2, -1<=y<=1"], [
        "region: 0 ≤ x ≤ 2, -1 ≤ y ≤ 1", "local minima in the region:", "  (0.960149…, 0): f = 0.294146…",
        "outside the region:", "  (-1.03557…, 0): f = -0.305428…", "the least: f(0.960149…, 0) = 0.294146…",
        "the least local minimum, outside the region: f(-1.03557…, 0) = -0.305428…; it is the global minimum"]),
    # the least of all in the window: as without one
    (["x^2 + y^2", "--region", "-1<=x<=1, -1<=y<=1"], [
        "region: -1 ≤ x ≤ 1, -1 ≤ y ≤ 1", "local minima in the region:", "  (0, 0): f = 0",
        "the least: f(0, 0) = 0; it is the global minimum"]),
    # of two minima as low, the one in the window alone is "the least"
    (["(x^2-1)^2 + y^2", "--region", "0<=x<=2, -1<=y<=1"], [
        "region: 0 ≤ x ≤ 2, -1 ≤ y ≤ 1", "local minima in the region:", "  (1, 0): f = 0",
        "outside the region:", "  (-1, 0): f = 0", "the least: f(1, 0) = 0; it is the global minimum"]),
])
def test_minimize_in_a_region_calls_the_least_in_it_the_least(capsys, argv, lines):
    status, out, _ = run(capsys, "minimize", *argv)
    assert status == 0 and out.splitlines()[1:] == lines


@pytest.mark.parametrize("argv, lines", [
    # sympy's solve gave x = π alone; solveset lists every zero of sin x in the region
    (["cos(x)", "--region", "0<=x<=20"], ["region: 0 ≤ x ≤ 20", "local minima in the region: x = π, x = 3π, x = 5π"]),
    (["x^2 - 2|x|"], ["local minima: x = -1, x = 1; the least is the global minimum"]),  # solve missed x = -1
    # a periodic f: every zero of f′ in one period, and its minima recur (finding 86)
    (["cos(x)"], ["note: f repeats every 2π: these are the solutions and minima with 0 ≤ x < 2π, and each recurs at "
                  "x + k·2π for every integer k"]),
    (["cos(x) + cos(x)^2/2"], ["f′(x) = -sin(x)cos(x) - sin(x) = 0 at x = 0 and x = π ≈ 3.14159",
                               "minimum: f(π) = -1/2",
                               "note: f repeats every 2π: these are the solutions and minima with 0 ≤ x < 2π, and "
                               "each recurs at x + k·2π for every integer k"]),
    (["sin(x)^2 + cos(x)"], ["minimum: f(π) = -1", "local minima: x = 0, x = π; the least is the global minimum",
                             "note: f repeats every 2π: these are the solutions and minima with 0 ≤ x < 2π, and "
                             "each recurs at x + k·2π for every integer k"]),
    (["2sin(x) + sin(2x)"], ["f′(x) = 2 cos(x) + 2 cos(2x) = 0 at x = π/3 ≈ 1.0472, x = π ≈ 3.14159 and "
                             "x = 5π/3 ≈ 5.23599", "minimum: f(5π/3) = -3√3/2 ≈ -2.59808",
                             "note: f repeats every 2π: these are the solutions and minima with 0 ≤ x < 2π, and "
                             "each recurs at x + k·2π for every integer k"]),
    # f″ = eˣ + 1/x² > 0 for every x > 0: f′ rises, so its one zero is the one minimum, and the global one
    (["e^x - ln x"], ["note: f″(x) = eˣ + 1/x² > 0 wherever f is defined"]),
])
def test_minimize_in_one_variable_finds_every_solution_or_says_it_may_not(capsys, argv, lines):
    status, out, _ = run(capsys, "minimize", *argv)
    assert status == 0 and out.splitlines()[-len(lines):] == lines
    status, out, _ = run(capsys, "minimize", *argv, "--steps")
    assert "it is the only local minimum" not in out


@pytest.mark.parametrize("function, slope", [
    # f's floats are 0.0 (or -1.0) all along the far left: the grid's equal values were taken for minima
    ("e^x", "eˣ"), ("e^(-x)", "-e⁻ˣ"), ("2^x", "2ˣ ln(2)"), ("tanh(x)", "1 - tanh(x)²"),
    ("e^(-x^2)", "-2x e^(-x²)"),  # its one critical point, 0, is its maximum
])
def test_minimize_finds_no_minimum_where_f_is_only_flat_in_floating_point(capsys, function, slope):
    # a numerical minimum is one only where f′ certainly changes from − to + across it (tanh x took 20 s)
    # no local minimum is an answer, as in two variables, not an error (finding 110)
    status, out, err = run(capsys, "minimize", function)
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [f"no local minimum: f′(x) = {slope} never changes from negative to positive"]


def test_numerical_minima_are_where_f_turns_up(capsys):
    # |sin x| + x²/100: the corners at multiples of π, found where f′ jumps from − to +, not grid points near them
    status, out, _ = run(capsys, "minimize", "abs(sin(x)) + x^2/100")
    assert status == 0 and out.splitlines()[3].startswith(
        "local minima: x = -21.9911, x = -18.8496, x = -15.708, x = -9.42478, x = -6.28319, x = -3.14159, x = 0, ")


def test_the_derivative_of_max_and_min_is_written_with_sign(capsys):
    # sympy's Heaviside(2x, 1/2) was shown as it is: no student can read or type it
    status, out, _ = run(capsys, "minimize", "max(x, -x)", "--steps")
    assert status == 0 and "Heaviside" not in out
    assert out.splitlines()[1] == ("f′(x) = sign(x); the minimum is at a corner, not where f′ = 0 (f is not "
                                   "differentiable at x = 0: f′ is -1 from the left and 1 from the right)")
    assert "   1.1. The lesson has no rule for max(x, -x); its derivative is d/dx[max(x, -x)] = sign(x)." in out
    status, out, _ = run(capsys, "minimize", "min(x^2, (x-2)^2 + 1)")
    assert out.splitlines()[1] == "f′(x) = 2(sign(5 - 4x) + x - 1) = 0 at x = 0 and x = 2"
    status, out, _ = run(capsys, "partial", "max(x, y) + x^2", "--wrt", "x")
    assert out.splitlines()[1] == "∂f/∂x = 2x + (sign(x - y) + 1)/2, where x - y ≠ 0"


@pytest.mark.parametrize("argv, summary, last", [
    # f is least at several points: each is named, none as the minimum
    (["x^4 - 2x^2"], ["minimum: f = -1 at x = -1 and x = 1",
                      "local minima: x = -1, x = 1; the least is the global minimum"],
     "8. The least value of f at a local minimum is -1, at x = -1 and x = 1: it is the global minimum (f → ∞ as "
     "x → ±∞, its leading term x⁴ outgrowing the rest)."),
    # numerical: the tie is f(-x) = f(x), shown exactly, and said
    (["cos(x) + x^2/10"], ["minimum: f = -0.180898 at x = -2.59574 and x = 2.59574, the same value since "
                           "f(-x) = f(x)"],
     "8. The least value of f at a local minimum is -0.180898, at x = -2.59574 and x = 2.59574, the same value "
     "since f(-x) = f(x): whether it is the global minimum is not known for sure."),
    # no mirror: the values agree to 20 digits, which is said, not proved
    (["cos(x - 1) + (x - 1)^2/10"], ["minimum: f = -0.180898 at x = -1.59574 and x = 3.59574, the same value to "
                                     "20 digits as computed"], None),
    (["cos(x)", "--region", "0<=x<=20"], ["minimum: f = -1 at x = π, x = 3π and x = 5π"], None),
    (["(x^2 - 1)^2 + y^2"], ["the least: f = 0 at (-1, 0) and (1, 0); it is the global minimum"],
     "10. The least of these values, f = 0, is at (-1, 0) and (1, 0): it is the global minimum, since f grows "
     "without bound in every direction."),
])
def test_minimize_names_every_point_where_f_is_least(capsys, argv, summary, last):
    status, out, _ = run(capsys, "minimize", *argv)
    assert status == 0 and all(line in out.splitlines() for line in summary), out
    if last is not None:
        status, out, _ = run(capsys, "minimize", *argv, "--steps")
        assert out.splitlines()[-1] == last


def test_the_steps_of_a_tie_start_with_every_point():
    from tutor.calculus import minimize
    from tutor.calculus.common import function_of
    from tutor.steps import render_text
    from tutor.topics.minimize.steps import minimize_steps
    steps = minimize_steps(function_of("x^4 - 2x^2"), "x", minimize("x^4 - 2x^2"))
    assert render_text(steps).splitlines()[0] == "The minimum of f = x⁴ - 2x²: f = -1 at x = -1 and x = 1"
    assert steps.after == (-1, 1)


def test_minimize_says_the_global_minimum_where_every_one_is_found(capsys):
    # every zero of f′ found, and f → 0 at both ends, above the minimum: global (it said "the only local minimum");
    # no step factors (1 - 2x²)e^(-x²) into -(2x² - 1)e^(-x²), as sympy would
    status, out, _ = run(capsys, "minimize", "x e^(-x^2)", "--steps")
    assert out.splitlines()[-1] == ("7. The least local minimum is f(-√2/2) = -√2·e^(-1/2)/2 ≈ -0.428882: it is the "
                                    "global minimum (f → 0 as x → -∞ and f → 0 as x → ∞, neither below the minimum).")
    status, out, _ = run(capsys, "minimize", "x^2 - 2|x|", "--steps")  # solved stretch by stretch
    assert out.splitlines()[-6:] == [
        "   2.2. For x > 0: f = x² - 2x, and f′ = 2x - 2 is 0 at 1.",
        "3. Classify each point:",
        "   3.1. At -1: f″ = 2 > 0, so this is a local minimum.",
        "   3.2. At 1: f″ = 2 > 0, so this is a local minimum.",
        "   3.3. At 0: f′ is 2 from the left and -2 from the right, and f is smaller on both sides nearby: a local "
        "maximum.",
        "4. The least value of f at a local minimum is -1, at x = -1 and x = 1: it is the global minimum."]


def test_minimize_names_every_zero_of_the_derivative(capsys):
    # the lesson's two valleys: f′ has three zeros, and the line named only the least minimum's
    status, out, _ = run(capsys, "minimize", "x^4-3x^2+x")
    assert status == 0 and out.splitlines()[1:3] == [
        "f′(x) = 4x³ - 6x + 1 = 0 at x = -1.30083…, x = 0.169938… and x = 1.1309…",
        "minimum: f(-1.30083…) = -3.5139…"]
    status, out, _ = run(capsys, "minimize", "x^4 - 4x^2")
    assert out.splitlines()[1] == "f′(x) = 4x³ - 8x = 0 at x = -√2 ≈ -1.41421, x = 0 and x = √2 ≈ 1.41421"
    # sympy's derivative of |x| is sign(x), 0 at x = 0, where f′ does not exist: not named
    status, out, _ = run(capsys, "minimize", "x^2 - 2|x|")
    assert out.splitlines()[1] == "f′(x) = -2 sign(x) + 2x = 0 at x = -1 and x = 1"
    status, out, _ = run(capsys, "minimize", "e^x - ln x")  # one zero, with its name and what W is (finding 466)
    assert out.splitlines()[1] == "f′(x) = eˣ - 1/x = 0 at x = W(1) ≈ 0.567143, the Omega constant Ω, the x with xeˣ = 1 (Lambert's W function at 1)"


def test_minimize_says_the_critical_points_are_all_where_it_has_shown_so(capsys):
    # the note that there may be other critical points stood beside the global minimum shown by f″ > 0; the one
    # critical point is said once, before the test, with why it is the only one (xeˣ − 1, f′'s numerator, rises
    # where f has values: `critical` says so too, outside check h10)
    status, out, _ = run(capsys, "minimize", "e^x - ln x", "--steps")
    lines = out.splitlines()
    assert lines[lines.index("5. Solve the equation:"):] == [
        "5. Solve the equation:",
        "   5.1. xeˣ = 1: the point W(1).",
        "6. The critical points: x = W(1).",
        "7. None is missing: xeˣ - 1 is increasing on 0 < x, where f has values, its derivative xeˣ + eˣ being "
        "positive, so it is 0 at one x at most.",
        "8. Classify the point with the second-derivative test:",
        "   8.1. Differentiate f′ again: f″ = d/dx[eˣ - 1/x] = eˣ + 1/x². Where f′ = 0, f″ > 0 means f curves"
        " up (a local minimum), f″ < 0 that it curves down (a local maximum); f″ = 0 does not decide.",
        "   8.2. At W(1): f″ = e^(W(1)) + 1/W(1)² > 0, so this is a local minimum.",
        "9. W(1) ≈ 0.567143, the solution of eˣ = 1/x, is also known as the Omega constant Ω, the x with xeˣ = 1 (Lambert's W function at 1).",
        # the value from what Ω·e^Ω = 1 makes e^Ω and ln Ω (finding 466)
        "10. As W(1)·e^(W(1)) = 1, e^(W(1)) = 1/W(1), and so ln(W(1)) = -W(1): f(W(1)) = -ln(W(1)) + e^(W(1)) = "
        "W(1) + 1/W(1).",
        "11. The least local minimum is f(W(1)) = W(1) + 1/W(1) ≈ 2.33037: it is the global minimum "
        "(f″(x) = eˣ + 1/x² > 0 wherever f is defined)."]
    assert "not polynomial" not in out
    # f′ = eˣ − 3 rises, so it is 0 once at most (the note that doubted the one found is gone), said with why, not
    # a bare "all found" (outside check h10); f″ > 0 shows the one minimum global
    status, out, _ = run(capsys, "minimize", "e^x - 3x", "--steps")
    assert out.splitlines()[-5:] == [
        "5. None is missing: eˣ - 3 is increasing, its derivative eˣ being positive, so it is 0 at one x at most.",
        "6. Classify the point with the second-derivative test:",
        "   6.1. Differentiate f′ again: f″ = d/dx[eˣ - 3] = eˣ. Where f′ = 0, f″ > 0 means f curves up (a local "
        "minimum), f″ < 0 that it curves down (a local maximum); f″ = 0 does not decide.",
        "   6.2. At ln(3): f″ = 3 > 0, so this is a local minimum.",
        "7. The least local minimum is f(ln(3)) = 3 - 3 ln(3) ≈ -0.295837: it is the global minimum "
        "(f″(x) = eˣ > 0 wherever f is defined)."]
    # a periodic f: every solution in one period, which solveset lists (finding 86)
    status, out, _ = run(capsys, "minimize", "cos(x)", "--steps")
    assert ("5. Every solution of f′ = 0 with 0 ≤ x < 2π, all found: x = 0 and x = π; they are all the critical "
            "points.") in out.splitlines()


def test_least_squares_from_csv(tmp_path, capsys):
    data = tmp_path / "sales.csv"
    data.write_text("TV budget,radio,sales\n230.1,37.8,22.1\n44.5,39.3,10.4\n17.2,45.9,9.3\n151.5,41.3,18.5\n")
    status, out, _ = run(capsys, "lstsq", "--csv", str(data), "--x", "TV budget", "--y", "sales")
    assert status == 0 and "(4 points)" in out and "x = TV budget, y = sales" in out
    status, out, _ = run(capsys, "lstsq", "--csv", str(data), "--x", "TV budget,radio", "--y", "sales", "--json")
    assert status == 0
    result = json.loads(out)
    assert result["parameters"] == ["w_1", "w_2", "b"] and result["n"] == 4


def test_fewer_points_than_unknowns_is_said_so(tmp_path, capsys):
    # 787: two independent features, two points, three unknowns: "the features are linearly dependent" was said
    data = tmp_path / "few.csv"
    data.write_text("a,b,y\n1,0,3\n0,1,5\n")
    assert run(capsys, "lstsq", "--csv", str(data), "--x", "a,b", "--y", "y") == (
        2, "", "tutor: 3 unknowns (w_1, w_2 and b) need at least 3 data points, and there are 2: infinitely many "
               "fits pass through them all exactly (the normal equations are singular)\n")


def test_a_csv_file_that_is_not_utf8_or_holds_a_number_past_the_limits_is_told_where(tmp_path, capsys):
    # outside check h40, F9 and F11: the codec's own words with no line, and 1e999 read from a file where --points
    # refuses it
    data = tmp_path / "latin.csv"
    data.write_bytes("x,y\n1,2\n2,5 °\n".encode("latin-1"))
    assert run(capsys, "lstsq", "--csv", str(data), "--x", "x", "--y", "y") == (
        2, "", f"tutor: {data}, line 3: the byte 0xb0 is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a "
               "spreadsheet)\n")
    data = tmp_path / "huge.csv"
    data.write_text("x,y\n1,2\n2,1e1001\n3,3\n")
    assert run(capsys, "lstsq", "--csv", str(data), "--x", "x", "--y", "y") == (
        2, "", f"tutor: {data}, line 3: '1e1001' is too large a number to work with\n")
    assert run(capsys, "lstsq", "--points", "(1, 2), (2, 1e1001), (3, 3)")[2] == \
        "tutor: can't read the points: this number is too large\n"


def test_more_feature_columns_than_are_fitted_are_refused(tmp_path, capsys):
    # outside check h40, F4: 200 feature columns of 300 rows ran past two minutes
    names = [f"c{i}" for i in range(21)]
    data = tmp_path / "wide.csv"
    data.write_text(",".join([*names, "y"]) + "\n" + "".join(
        ",".join(str((row * 7 + column * 3) % 10) for column in range(22)) + "\n" for row in range(30)))
    assert run(capsys, "lstsq", "--csv", str(data), "--x", ",".join(names), "--y", "y") == (
        2, "", "tutor: at most 20 feature columns are fitted, exactly; there are 21\n")


def test_json_and_latex(capsys):
    status, out, _ = run(capsys, "gradient", "x^2 + y^2", "--at", "x=2,y=3", "--json", "--steps")
    assert status == 0
    data = json.loads(out)
    assert data["gradient"] == ["2x", "2y"] and [v["exact"] for v in data["values"]] == ["4", "6"]
    assert data["steps"]["rule"] == "gradient_at_point" and data["steps"]["after"] == "(4, 6)"
    status, out, _ = run(capsys, "partial", "3x^2 y^3", "--wrt", "x", "--latex")
    assert status == 0 and r"\frac{\partial f}{\partial x} = 6 x y^{3}" in out


@pytest.mark.parametrize("argv, message", [
    (["partial", "3x^2 y^(", "--wrt", "x"], "can't read the function"),
    (["gradient", "x^2 + y^2", "--at", "x=2,z=3"], "unknown name 'z'"),
    (["gradient", "x^2 + y^2", "--at", "x=2"], "y is missing"),
    (["lstsq", "--points", "(1,2), (1,5), (1,7)"], "all the x values are equal"),
    # 787: it blamed "linearly dependent features" that are not
    (["lstsq", "--points", "(1,2)"], "2 unknowns (m and b) need at least 2 data points, and there is 1: infinitely "
                                     "many fits pass through it exactly (the normal equations are singular)"),
    (["descent", "ln x", "--start", "-1", "--rate", "0.1"], "no real value at the start"),
    (["critical", "x^2 + y^2", "--region", "0 <= z <= 1"], "unknown name 'z'"),
    (["partial", "abs(x) + y", "--wrt", "x", "--at", "0,0", "--steps"], "f is not differentiable at x = 0, y = 0"),
    (["tangent", "abs(x) y", "--at", "0,1"], "f is not differentiable at x = 0, y = 1"),
    (["partial", "floor(x) + y", "--wrt", "x", "--at", "1/2,0"],  # was exit 70: a derivative sympy left as it is
     "floor(x) jumps where x is a whole number, where it has no derivative, and is flat in between, where "
     "its derivative is 0: the tutor can't differentiate f with respect to x"),
    # an outside check: exit 70, sympy's derivative of 0^u being nan
    (["minimize", "x^2 - 0^(x^2)"], "0^(x²) is 1 where x² = 0 and 0 where it is positive, a jump with no derivative, "
                                    "and is flat elsewhere: the tutor can't differentiate f with respect to x"),
    (["descent", "x^2 + 0^(sin(x)^2)", "--start", "0", "--rate", "0.1"], "the tutor can't differentiate f"),
    (["gradient", "x^2 + 0^(x^2) + y"], "the tutor can't differentiate f with respect to x"),
    (["lstsq", "--csv", "/no/such/file.csv", "--x", "a", "--y", "b"], "can't read /no/such/file.csv"),
    (["lstsq", "--points", "(1,2), (2,5)", "--csv", "data.csv"], "either with --points or with --csv"),
    # finding 307: it said "a function of one variable", though it takes two
    (["minimize", "(x-z)^2 + y^2 + 1"], "minimize needs a function of one or two variables, and f has 3; "
                                        "look for its critical points instead"),
])
def test_bad_input_is_one_sentence_and_status_2(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("tutor: ") and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("kind, short", [
    ("partial_derivative", "partial"), ("critical_points", "critical"), ("least_squares", "lstsq"),
    ("gradient_descent", "descent"), ("tangent_plane", "tangent"),
])
def test_the_kinds_name_and_its_short_name_give_the_same(kind, short, capsys):
    arguments = {
        "partial_derivative": ["3x^2 y^3", "--wrt", "y", "--steps"],
        "critical_points": ["x^2 + y^2", "--steps"],
        "least_squares": ["--points", "(1,2), (2,5), (3,3)", "--json"],
        "gradient_descent": ["e^x - ln x", "--start", "0.05", "--rate", "0.005", "--iterations", "2"],
        "tangent_plane": ["x^2 + y^2", "--at", "x=2,y=4", "--latex"],
    }[kind]
    assert main(["solve", kind, *arguments]) == 0
    by_kind = capsys.readouterr().out
    assert main(["solve", short, *arguments]) == 0
    assert capsys.readouterr().out == by_kind and by_kind


def test_a_point_that_starts_with_a_minus_is_told_how_to_pass_it(capsys):
    with pytest.raises(SystemExit):
        main(["solve", "gradient", "x^2 + y^2", "--at", "-1,2"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tutor solve gradient: error: argument --at: expected one argument; a value that starts with '-' is "
        "joined to its option with '=': --at=-1,2")
    status, out, err = run(capsys, "gradient", "x^2 + y^2", "--at=-1,2")
    assert (status, out.splitlines()[-1], err) == (0, "∇f(-1, 2) = (-2, 4)", "")


def test_a_point_decided_by_higher_derivatives_names_their_order_as_a_superscript(capsys):
    # it printed f⁽4⁾, the order in plain digits between raised brackets
    status, out, _ = run(capsys, "critical_points", "x^6 - 2x^4")
    assert status == 0
    assert "  x = 0                 maximum (f = 0 there and f ≤ 0 near it (the derivatives up to order 3 are 0 " \
           "there and f⁽⁴⁾ < 0))" in out.splitlines()


def test_a_numerical_minimum_is_one_where_the_slope_is_zero(capsys):
    # f′ = eˣ + 4x³ − 6x + 1 > 0.085 on [0.3, 1]: no local minimum at 0.6, where two samples of an increasing f
    # tied (0.3 and 0.30000000000000004 were both on the grid) and f″ > 0 was taken for one
    code, out, _ = run(capsys, "minimize", "x^4 - 3x^2 + x + e^x")
    assert code == 0
    assert out.splitlines()[1:3] == [
        "f′(x) = eˣ + 4x³ - 6x + 1: no exact solution of f′ = 0 was found, so the minimum is found numerically",
        "minimum: f(-1.31916) = -3.24411"]  # a numerical value is not followed by "≈" itself again
    assert "local minima:" not in out


def test_a_minimum_found_numerically_is_said_so_in_the_steps_and_is_global_where_f_curves_up(capsys):
    # cos x + 2x = 0 has no exact solution: the steps said "The critical points: ∅." and spoke of ∇f = 0
    code, out, _ = run(capsys, "minimize", "x^2 + sin(x)", "--steps")
    assert code == 0
    assert out.splitlines()[-3:] == [
        "4. Numerically, from f's values on a grid and the zeros of f′ beside its lowest ones: the local minimum is "
        "x = -0.450184.",
        "5. f″(x) = 2 - sin(x) > 0 wherever f is defined, so f′ is 0 at most once: x = -0.450184 is the only "
        "critical point.",
        "6. The least local minimum is f(-0.450184) = -0.232466: it is the global minimum (f″(x) = 2 - sin(x) > 0 "
        "wherever f is defined)."]


def test_a_minimum_at_a_corner_is_not_said_to_be_where_the_slope_is_zero(capsys):
    # sympy's f′ = sign(x - 1/2) + 2x is 1 at 1/2, and f has no derivative there: "f′ = 0 at x = 0.5" was false
    code, out, _ = run(capsys, "minimize", "abs(x - 1/2) + x^2")
    assert code == 0
    assert out.splitlines()[1:3] == [
        "f′(x) = sign(x - 1/2) + 2x; the minimum is at a corner, not where f′ = 0 (f is not differentiable at "
        "x = 1/2: f′ is 0 from the left and 2 from the right)",
        "minimum: f(1/2) = 1/4"]
    assert "note" not in out  # found exactly, stretch by stretch: nothing may be missing
    # the steps say so too: not "at a critical point the derivative is 0", nor "there may be other local minima"
    code, out, _ = run(capsys, "minimize", "abs(x - 1/2) + x^2", "--steps")
    assert [line for line in out.splitlines() if line[:2] in ("2.", "3.", "4.") or line.startswith("   2.")] == [
        "2. An absolute value |u| has no derivative where u = 0, so f′ has none at 1/2; between these points every "
        "|u| is u or -u, and f is a polynomial:",
        "   2.1. For x < 1/2: f = x² - x + 1/2, and f′ = 2x - 1 is not 0 there.",
        "   2.2. For x > 1/2: f = x² + x - 1/2, and f′ = 2x + 1 is not 0 there.",
        "3. Classify the point:",
        "4. The least local minimum is f(1/2) = 1/4: it is the global minimum."]
    assert "   3.1. At 1/2: f′ is 0 from the left and 2 from the right, and f is larger on both sides nearby: a local " \
        "minimum." in out.splitlines()


def test_a_flat_minimum_is_one_stretch_not_grid_points(capsys):
    # |x - 1| + |x + 1| = 2 on all of -1 ≤ x ≤ 1: 380 grid points were listed as local minima, without -1 and 1
    code, out, _ = run(capsys, "minimize", "|x - 1| + |x + 1|")
    assert code == 0 and out.splitlines()[1:] == [
        "f′(x) = sign(x - 1) + sign(x + 1) = 0 at every x with -1 < x < 1",
        "minimum: f = 2 for every x with -1 ≤ x ≤ 1"]
    code, out, _ = run(capsys, "minimize", "|x - 1| + |x + 1|", "--steps")
    assert out.splitlines()[4:6] + out.splitlines()[-4:] == [
        "Steps:",
        "The minimum of f = |x - 1| + |x + 1|: f = 2 for every x with -1 ≤ x ≤ 1",
        "   2.2. For -1 < x < 1: f = 2 is constant, so f′ = 0 all along it.",
        "   2.3. For x > 1: f = 2x, and f′ = 2 is not 0 there.",
        "3. f = 2 for every x with -1 ≤ x ≤ 1, and no less nearby: every point of it is a local minimum.",
        "4. The least value of f is 2, for every x with -1 ≤ x ≤ 1: it is the global minimum."]
    # a flat stretch that is not a minimum is still where f′ = 0; a ray of minima is written as one
    code, out, _ = run(capsys, "minimize", "|x - 1| - |x + 1|")
    assert out.splitlines()[1:] == [
        "f′(x) = sign(x - 1) - sign(x + 1) = 0 at every x with x < -1 and every x with x > 1",
        "minimum: f = -2 for every x with x ≥ 1"]
    code, out, _ = run(capsys, "minimize", "|x| - x^2")  # a corner minimum, only local
    assert out.splitlines()[2:] == ["minimum: f(0) = 0", "note: this minimum is only local: f decreases without bound"]


def test_a_numerical_headline_names_no_single_zero(capsys):
    # cos x + x²/10: f′ is 0 at -2.5957, 0 and 2.5957; "= 0 at x = -2.59574" named one of them as if the only one
    code, out, _ = run(capsys, "minimize", "cos(x) + x^2/10")
    assert code == 0 and out.splitlines()[1:5] == [
        "f′(x) = -sin(x) + x/5: f′ = 0 at x = 0 exactly, and no other exact solution was found, so the minima are "
        "found numerically",
        "minimum: f = -0.180898 at x = -2.59574 and x = 2.59574, the same value since f(-x) = f(x)",
        "local minima: x = -2.59574, x = 2.59574",
        "x = 0: a local maximum, f(0) = 1 (f″ = -4/5 < 0)"]
    assert "sympy" not in out


def test_an_exact_zero_beside_numerical_minima_is_shown_and_classified(capsys):
    # cos x + x²/10: the maximum at 0, where f′(0) = 0 and f″(0) = -4/5, was shown nowhere
    code, out, _ = run(capsys, "minimize", "cos(x) + x^2/10", "--steps")
    assert code == 0 and out.splitlines()[-5:] == [
        "5. Numerically, from f's values on a grid and the zeros of f′ beside its lowest ones: the local minima are "
        "x = -2.59574 and x = 2.59574.",
        "6. f′ is 0 exactly at x = 0 (put it in to check), so it is a critical point; classify it with the "
        "second-derivative test:",
        "   6.1. At 0: f″ = -4/5 < 0, so this is a local maximum.",
        "7. Note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; f′ "
        "changes sign near x ≈ -2.59574 and x ≈ 2.59574, so there are critical points there too (looked for "
        "numerically with -10 ≤ x ≤ 10).",
        "8. The least value of f at a local minimum is -0.180898, at x = -2.59574 and x = 2.59574, the same value "
        "since f(-x) = f(x): whether it is the global minimum is not known for sure."]
    # an exact zero that is a minimum is shown exactly beside its digits; a zero that is not simple is not guessed
    code, out, _ = run(capsys, "minimize", "-cos(x) + x^2/10")
    assert out.splitlines()[3:5] == ["local minima: x = -4.9063, x = 0, x = 4.9063",
                                     "x = 0: a local minimum, f(0) = -1 (f″ = 6/5 > 0)"]
    code, out, _ = run(capsys, "minimize", "x^4 - 3x^2 + x + e^x")
    assert "exactly" not in out


def test_a_minimum_is_written_as_the_critical_points_write_it_and_not_doubted_where_all_are_found(capsys):
    # eˣ − 9x: the critical points said 2 ln(3), the minimum ln(9), and a note doubted the list that was complete
    code, out, _ = run(capsys, "minimize", "e^x - 9x", "--steps")
    assert code == 0
    assert out.splitlines()[1:3] == ["f′(x) = eˣ - 9 = 0 at x = 2 ln(3) ≈ 2.19722",  # the summary as well: ln(9)
                                     "minimum: f(2 ln(3)) = 9 - 18 ln(3) ≈ -10.775"]
    assert out.splitlines()[-5:] == [
        "5. None is missing: eˣ - 9 is increasing, its derivative eˣ being positive, so it is 0 at one x at most.",
        "6. Classify the point with the second-derivative test:",
        "   6.1. Differentiate f′ again: f″ = d/dx[eˣ - 9] = eˣ. Where f′ = 0, f″ > 0 means f curves up (a lo"
        "cal minimum), f″ < 0 that it curves down (a local maximum); f″ = 0 does not decide.",
        "   6.2. At 2 ln(3): f″ = 9 > 0, so this is a local minimum.",
        "7. The least local minimum is f(2 ln(3)) = 9 - 18 ln(3) ≈ -10.775: it is the global minimum "
        "(f″(x) = eˣ > 0 wherever f is defined)."]


@pytest.mark.parametrize("function, line", [
    ("e^x + y^2", "4. ∂f/∂x = eˣ is positive everywhere, so never 0: no point is critical."),
    ("x + y^2", "4. ∂f/∂x = 1 is positive everywhere, so never 0: no point is critical."),
    ("y e^x + e^y", "5. ∂f/∂y = eˣ + eʸ is positive everywhere, so never 0: no point is critical."),
])
def test_no_critical_points_for_sure_where_a_partial_is_never_zero(capsys, function, line):
    # eˣ > 0: "no critical points found" with a note that the solutions found may not be all was a hedge too many
    code, out, _ = run(capsys, "critical", function)
    assert code == 0 and out.splitlines()[1:] == ["no critical points: ∇f is never 0"]
    code, out, _ = run(capsys, "critical", function, "--steps")
    assert line in out.splitlines() and "Take one condition" not in out


def test_the_hedge_stays_where_the_equations_may_have_unfound_solutions(capsys):
    # x cos x + sin x = 0 unsolved: x = 0 exactly, the others only near numbers, so the list stays hedged
    code, out, _ = run(capsys, "critical", "x sin(x)", "--region=-4<=x<=4")
    assert code == 0 and out.splitlines()[1:] == [
        "region: -4 ≤ x ≤ 4",
        "critical points in the region:",
        "  x = 0  minimum (f″ = 2 > 0)",
        "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; f′ "
        "changes sign near x ≈ -2.02876 and x ≈ 2.02876, so there are critical points there too (looked for "
        "numerically with -4 ≤ x ≤ 4)"]


def test_a_circle_of_critical_points_is_classified_through_the_quantity_f_depends_on(capsys):
    # -(x² + y²)e^(-x² - y²) is g(u) = -ue⁻ᵘ with u = x² + y²: the circle u = 1 is its global minimum,
    # where minimize named no minimum at all and said the circle "may hold minima"
    code, out, _ = run(capsys, "critical", "-(x^2+y^2) e^(-x^2-y^2)")
    assert code == 0 and out.splitlines()[4] == "  x² + y² = 1: f = -e⁻¹ all along it; minima all along it"
    code, out, _ = run(capsys, "minimize", "-(x^2+y^2) e^(-x^2-y^2)", "--steps")
    assert code == 0
    assert out.splitlines()[4:6] == ["Steps:", "The local minima of f = (-x² - y²)e^(-x² - y²): x² + y² = 1"]
    assert out.splitlines()[-3:] == [
        "12. Every point of the curve x² + y² = 1 is critical; f = -e⁻¹ all along it.",
        "   12.1. All along it: every point of it is a local minimum, since f = -e⁻¹ all along it and f ≥ -e⁻¹ near "
        "each of its points (f depends on x and y only through u = x² + y²: f = g(u) with g(u) = -ue⁻ᵘ, g′(1) = 0 "
        "and g″(1) = e⁻¹ > 0).",
        "13. The least value of f at a local minimum is -e⁻¹ ≈ -0.367879, for every (x, y) with x² + y² = 1: it is "
        "the global minimum, since g′(u) = 0 only at u = 1, so g(u) ≥ g(1) for every u."]
    # g″(1) = 0 decides nothing, and the steps say so
    code, out, _ = run(capsys, "critical", "(x^2+y^2-1)^4 e^(-x^2-y^2)", "--steps")
    assert out.splitlines()[-1] == (
        "   13.1. All along it: every point of it is not decided by the test nor by f's values, since f depends on x "
        "and y only through u = x² + y²: f = g(u) with g(u) = (u - 1)⁴e⁻ᵘ, g′(1) = 0 and g″(1) = 0, which does not "
        "decide.")


@pytest.mark.parametrize("argv, first", [
    # issue 74: a function typed without decimals: its tenths stay fractions (was f(x) = 0.1x² - x beside x/5)
    (["minimize", "x^2/10 - x"], ["f(x) = x²/10 - x", "f′(x) = x/5 - 1 = 0 at x = 5", "minimum: f(5) = -5/2"]),
    (["gradient", "x^2/10 + y/4"], ["f(x, y) = x²/10 + y/4", "∇f = (x/5, 1/4)"]),
    (["minimize", "0.1x^2 - x"], ["f(x) = 0.1x² - x", "f′(x) = 0.2x - 1 = 0 at x = 5", "minimum: f(5) = -2.5"]),
    # and hundredths, and what a division by 20 gives (finding 82: 0.01x, "-0.000625 ≈ -0.000625")
    (["minimize", "x^2 - x/100"], ["f(x) = x² - x/100", "f′(x) = 2x - 1/100 = 0 at x = 1/200",
                                   "minimum: f(1/200) = -1/40000 ≈ -2.5e-5"]),
    (["minimize", "x^2 - x/20"], ["f(x) = x² - x/20", "f′(x) = 2x - 1/20 = 0 at x = 1/40",
                                  "minimum: f(1/40) = -1/1600 ≈ -0.000625"]),
])
def test_a_function_is_answered_in_the_notation_it_was_typed_in(capsys, argv, first):
    status, out, _ = run(capsys, *argv)
    assert status == 0 and out.splitlines()[:len(first)] == first


def test_a_descent_writes_its_start_as_given_and_its_exponents_one_way(capsys):
    # issue 73: was "start 1e-6", and 1.04858e6 above 1.71799e+10 in one column
    status, out, _ = run(capsys, "descent", "x^2", "--start", "0.000001", "--rate", "0.1", "--iterations", "1")
    assert status == 0 and out.splitlines()[2] == "start 0.000001, learning rate α = 0.1"
    # a fraction with no decimal end as typed: was "start (0.333333, 2), learning rate α = 0.333333"
    status, out, _ = run(capsys, "descent", "x^2 + y^2", "--start", "1/3,2", "--rate", "1/3", "--iterations", "1")
    assert status == 0 and out.splitlines()[2] == "start (1/3, 2), learning rate α = 1/3"
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "1.5", "--iterations", "18")
    lines = out.splitlines()
    assert [line.split()[-1] for line in lines[15:17] + lines[22:24]] == ["1.04858e6", "4.1943e6", "1.71799e10",
                                                                            "6.871948e10"]


@pytest.mark.parametrize("function, lines", [
    # max(a, b) = (a + b + |a - b|)/2: solved stretch by stretch, as |x - 1| + |x + 1| is; f′ = 0 all along a
    # stretch had been read as "f′ never changes from negative to positive", so "f has no minimum"
    ("max(0, x^2 - 1)", ["f′(x) = x(sign(x² - 1) + 1) = 0 at every x with -1 < x < 1",
                         "minimum: f = 0 for every x with -1 ≤ x ≤ 1"]),
    ("max(x^2, 1)", ["f′(x) = x(sign(x² - 1) + 1) = 0 at every x with -1 < x < 1",
                     "minimum: f = 1 for every x with -1 ≤ x ≤ 1"]),
    ("max(0, x)", ["f′(x) = (sign(x) + 1)/2 = 0 at every x with x < 0", "minimum: f = 0 for every x with x ≤ 0"]),
    ("max(abs(x), 1)", ["f′(x) = (sign(|x| - 1) + 1)sign(x)/2 = 0 at every x with -1 < x < 1",
                        "minimum: f = 1 for every x with -1 ≤ x ≤ 1"]),
    ("max(x^2, 2x)", ["f′(x) = x sign(x(x - 2)) - sign(x(x - 2)) + x + 1; the minimum is at a corner, not where "
                      "f′ = 0 (f is not differentiable at x = 0: f′ is 0 from the left and 2 from the right)",
                      "minimum: f(0) = 0"]),
    ("max(0, x - 1) + max(0, -x - 1)", [
        "f′(x) = (sign(x - 1) + 1)/2 + (sign(x + 1) - 1)/2 = 0 at every x with -1 < x < 1",
        "minimum: f = 0 for every x with -1 ≤ x ≤ 1"]),
])
def test_a_minimum_on_a_flat_stretch_of_max_is_found(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:] == lines


def test_a_minimum_on_several_flat_stretches_names_every_one(capsys):
    # max(0, 1 - x²) is least on x ≤ -1 and x ≥ 1 (finding 84): only x ≤ -1 was named, and the list of local
    # minima began with an empty item, "local minima: , every x ..."
    status, out, _ = run(capsys, "minimize", "max(0, 1 - x^2)")
    assert status == 0 and out.splitlines()[1:] == [
        "f′(x) = x(sign(x² - 1) - 1) = 0 at x = 0, every x with x < -1 and every x with x > 1",
        "minimum: f = 0 for every x with x ≤ -1 or x ≥ 1",
        "local minima: every x with x ≤ -1, every x with x ≥ 1; the least is the global minimum"]
    status, out, _ = run(capsys, "minimize", "max(0, 1 - x^2)", "--steps")
    assert out.splitlines()[6] == "The minimum of f = max(0, 1 - x²): f = 0 for every x with x ≤ -1 or x ≥ 1"
    assert out.splitlines()[-1] == "6. The least value of f is 0, for every x with x ≤ -1 or x ≥ 1: it is the " \
        "global minimum."


def test_a_point_as_low_as_a_flat_stretch_is_named_with_it(capsys):
    status, out, _ = run(capsys, "minimize", "min((x - 3)^2, max(0, x^2 - 1))")
    assert status == 0 and out.splitlines()[2:] == [
        "minimum: f = 0 for every x with -1 ≤ x ≤ 1 or x = 3",
        "local minima: x = 3, every x with -1 ≤ x ≤ 1; the least is the global minimum"]
    status, out, _ = run(capsys, "minimize", "min((x - 3)^2, max(0, x^2 - 1))", "--steps")
    assert out.splitlines()[-1] == "5. The least value of f is 0, for every x with -1 ≤ x ≤ 1 or x = 3: it is " \
        "the global minimum."


@pytest.mark.parametrize("function, lines", [
    # min(x², 1) is 1 all along |x| > 1, where f′ = 0 too: "= 0 at x = 0" left those out (finding 85)
    ("min(x^2, 1)", ["f′(x) = x(1 - sign(x² - 1)) = 0 at x = 0, every x with x < -1 and every x with x > 1",
                     "minimum: f(0) = 0"]),
    ("min(0, x^2 - 1)", ["f′(x) = x(1 - sign(x² - 1)) = 0 at x = 0, every x with x < -1 and every x with x > 1",
                         "minimum: f(0) = -1"]),
    ("min(abs(x), 1)", ["f′(x) = (1 - sign(|x| - 1))sign(x)/2; the minimum is at a corner, not where f′ = 0 (f is "
                        "not differentiable at x = 0: f′ is -1 from the left and 1 from the right); f′ = 0 at every "
                        "x with x < -1 and every x with x > 1",
                        "minimum: f(0) = 0"]),
])
def test_the_stretches_where_min_is_constant_are_where_its_slope_is_zero(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:] == lines


@pytest.mark.parametrize("function", ["max(0, exp(x) - 1)", "max(1, x^2 + sin(x)^2)"])
def test_a_flat_stretch_the_grid_meets_is_never_called_no_minimum(capsys, function):
    # f′ = 0 exactly beside the least sample: f may be least all along a stretch, which the grid can't prove
    status, _, err = run(capsys, "minimize", function)
    assert status == 2 and "f has no minimum" not in err
    assert err.startswith("tutor: the tutor can't decide where f is least: f′ is 0 exactly beside f's least value "
                          "on its grid, near x = ")
    assert err.rstrip().endswith(", so f may be least all along a flat stretch there")


@pytest.mark.parametrize("function, lines", [
    # f″ or f′ has no value at 0 (NaN compared in sign, or f″ refused there), and sympy could not order xˣ's factors
    ("sqrt(abs(x))", ["f′(x) = sign(x)/(2√|x|); the minimum is at a cusp, not where f′ = 0 (f is not differentiable "
                      "at x = 0: f′ is -∞ from the left and ∞ from the right)", "minimum: f(0) = 0"]),
    ("abs(x)^(3/2)", ["f′(x) = 3√|x|sign(x)/2 = 0 at x = 0", "minimum: f(0) = 0"]),
    ("cbrt(x^2)", ["f′(x) = 2 sign(x)/(3|x|^(1/3)); the minimum is at a cusp, not where f′ = 0 (f is not "
                   "differentiable at x = 0: f′ is -∞ from the left and ∞ from the right)", "minimum: f(0) = 0"]),
    ("x^x", ["f′(x) = xˣ(ln(x) + 1) = 0 at x = e⁻¹ ≈ 0.367879", "minimum: f(e⁻¹) = e^(-e⁻¹) ≈ 0.692201"]),
])
def test_fractional_powers_of_abs_and_x_to_the_x_are_minimised(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:3] == lines


@pytest.mark.parametrize("function, at", [
    # finding 166: a smooth term beside the cusp (x²/100), or a second cusp, gave "∞ from the left and ∞ from the
    # right", "undefined from the left", "∞ … -∞": sympy's limits with the step h only real, and a grid's -1.0
    ("sqrt(abs(x-3)) + x^2/100", "3"), ("sqrt(abs(x-2)) + x^2/100", "2"), ("abs(x-2)^(2/3) + x^2/100", "2"),
    ("abs(x-2)^(2/3) + x^2/4", "2"), ("abs(x+1)^(2/3) + abs(x-1)^(2/3)", "-1"), ("sqrt(abs(x-2)) + x/50", "2"),
])
def test_a_cusp_minimum_has_f_prime_minus_then_plus_infinity(capsys, function, at):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1].endswith(
        f"the minimum is at a cusp, not where f′ = 0 (f is not differentiable at x = {at}: f′ is -∞ from the left "
        "and ∞ from the right)")


@pytest.mark.parametrize("function, least, local", [
    # finding 161: f′ = 0 solved exactly (x = 1) left the cusp at 2 out, and called f(2) only "smaller elsewhere"
    ("sqrt(abs(x-2)) + x^2/4", "minimum: f(2) = 1", "local minima: x = 1, x = 2"),
    ("sqrt(abs(x+2)) + x^2/4", "minimum: f(-2) = 1", "local minima: x = -2, x = -1"),
])
def test_a_cusp_minimum_is_found_beside_the_zeros_of_f_prime(capsys, function, least, local):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[2:4] == [least, local]


def test_a_cusp_minimum_is_no_solution_of_f_prime_in_the_steps(capsys):
    status, out, _ = run(capsys, "minimize", "sqrt(abs(x))", "--steps")
    assert status == 0 and "Every solution of f′ = 0, all found" not in out
    assert "6. f′ has no value at 0 (f is not differentiable at x = 0: f′ is -∞ from the left and ∞ from the right), " \
           "so it is no solution of f′ = 0; f′ changes from negative to positive across it, so f is least there " \
           "nearby: a local minimum, at a cusp." in out.splitlines()


@pytest.mark.parametrize("function, lines", [
    ("max(x, -x)", [
        "2. max(a, b) and min(a, b) switch from one argument to the other where a = b, and an absolute value |u| "
        "turns where u = 0; f′ may have no value at 0, the points where f changes from one polynomial to another, "
        "and between them f is one polynomial:",
        "   2.1. For x < 0: f = -x, and f′ = -1 is not 0 there.",
        "   2.2. For x > 0: f = x, and f′ = 1 is not 0 there.",
        "3. Classify the point:",
        "   3.1. At 0: f′ is -1 from the left and 1 from the right, and f is larger on both sides nearby: a local "
        "minimum.",
        "4. The least local minimum is f(0) = 0: it is the global minimum."]),
    ("max(x, 2 - x)", [
        "2. max(a, b) and min(a, b) switch from one argument to the other where a = b, and an absolute value |u| "
        "turns where u = 0; f′ may have no value at 1, the points where f changes from one polynomial to another, "
        "and between them f is one polynomial:",
        "   2.1. For x < 1: f = 2 - x, and f′ = -1 is not 0 there.",
        "   2.2. For x > 1: f = x, and f′ = 1 is not 0 there.",
        "3. Classify the point:",
        "   3.1. At 1: f′ is -1 from the left and 1 from the right, and f is larger on both sides nearby: a local "
        "minimum.",
        "4. The least local minimum is f(1) = 1: it is the global minimum."]),
])
def test_the_steps_of_a_corner_of_max_are_those_of_abs(capsys, function, lines):
    # they had said "critical points: ∅", "could not solve", then "every solution of f′ = 0, all found"
    status, out, _ = run(capsys, "minimize", function, "--steps")
    assert status == 0 and out.splitlines()[-len(lines):] == lines
    assert "could not solve" not in out and "all found" not in out


@pytest.mark.parametrize("function", ["cos(x)^2 + x^2/100", "x^2 + sin(10x)"])
def test_numerical_local_minima_say_the_list_may_have_holes(capsys, function):
    # cos²x + x²/100 has minima at ±20.2 ... ±29.5 between its listed ±17.1 and ±32.6, in dips narrower than the grid
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and "note: the local minima are found from f's values on a grid spaced 0.1 up to |x| = 10, 1 " \
        "up to 100, 10 up to 1000 and 100 up to 10⁴, so a minimum in a narrower dip may be missing, between those " \
        "listed too" in out.splitlines()


@pytest.mark.parametrize("function, lines", [
    # periodic with poles where f rises to +∞: its minima recur, and the least is global (finding 90)
    ("tan(x)^2", ["f′(x) = 2(tan(x)² + 1)tan(x) = 0 at x = 0", "minimum: f(0) = 0",
                  "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs at "
                  "x + k·π for every integer k"]),
    # the least period, not sympy's 2π: sec²x, sin²x and cos⁴x repeat every π, sin²3x every π/3
    ("sec(x)^2", ["f′(x) = 2 tan(x)sec(x)² = 0 at x = 0", "minimum: f(0) = 1",
                  "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs at "
                  "x + k·π for every integer k"]),
    ("sin(x)^2", ["f′(x) = 2 sin(x)cos(x) = 0 at x = 0 and x = π/2 ≈ 1.5708", "minimum: f(0) = 0",
                  "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs at "
                  "x + k·π for every integer k"]),
    ("cos(x)^4", ["f′(x) = -4 sin(x)cos(x)³ = 0 at x = 0 and x = π/2 ≈ 1.5708", "minimum: f(π/2) = 0",
                  "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs at "
                  "x + k·π for every integer k"]),
    ("sin(3x)^2", ["f′(x) = 6 sin(3x)cos(3x) = 0 at x = 0 and x = π/6 ≈ 0.523599", "minimum: f(0) = 0",
                   "note: f repeats every π/3: these are the solutions and minima with 0 ≤ x < π/3, and each recurs "
                   "at x + k·π/3 for every integer k"]),
    ("tan(x)^2 + 2", ["f′(x) = 2(tan(x)² + 1)tan(x) = 0 at x = 0", "minimum: f(0) = 2",
                      "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs "
                      "at x + k·π for every integer k"]),
    # |sin x|: least at its corners kπ, once a period, not "not decided" 629 times (finding 95)
    ("abs(sin(x))", ["f′(x) = cos(x)sign(sin(x)); the minimum is at a corner, not where f′ = 0 (f is not "
                     "differentiable at x = 0: f′ is -1 from the left and 1 from the right)", "minimum: f(0) = 0",
                     "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs "
                     "at x + k·π for every integer k"]),
    # cos|x| is cos x: smooth, and periodic (finding 95)
    ("cos(abs(x)) + 1", ["f′(x) = -sin(x) = 0 at x = 0 and x = π ≈ 3.14159", "minimum: f(π) = 0",
                         "note: cos(|x|) = cos(x) for every x, since cos is even",
                         "note: f repeats every 2π: these are the solutions and minima with 0 ≤ x < 2π, and each "
                         "recurs at x + k·2π for every integer k"]),
    ("cosh(abs(x))", ["f′(x) = sinh(x) = 0 at x = 0", "minimum: f(0) = 1",
                      "note: cosh(|x|) = cosh(x) for every x, since cosh is even",
                      "note: f″(x) = cosh(x) > 0 wherever f is defined"]),
])
def test_minimize_a_periodic_function_with_poles_or_corners(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:] == lines


def test_minimize_tan_still_has_no_minimum(capsys):
    # a pole where f falls to -∞: no least value, so not the periodic path
    status, out, err = run(capsys, "minimize", "tan(x)")
    assert (status, err) == (0, "")
    # its sign across the poles, where f has no value, is not looked at, so only what is shown is said
    assert out.splitlines()[1:] == ["no local minimum: f′(x) = tan(x)² + 1 never changes from negative to positive "
                                    "where f has a value"]


@pytest.mark.parametrize("function", ["sin(x^2)", "cos(x^2)", "sin(sqrt(x^2 + 1))"])
def test_minimize_says_minima_reached_without_end_go_on(capsys, function):
    # 2x cos(x²) = 0 at ±√(π/2 + kπ) for every k ≥ 0: the five found are not all (finding 91)
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[-1] == (
        "note: f = -1 at infinitely many x, not repeating with a period: the minima go on without end, and f′ = 0 "
        "has infinitely many solutions; those listed are only the ones the tutor found")


@pytest.mark.parametrize("function, line", [
    # a corner decided by the signs of f′ on either side (finding 95)
    ("sin(abs(x))", "x = 0: a local minimum, f(0) = 0 (f = 0 there and f ≥ 0 near it (f′ is -1 from the left and 1 "
                    "from the right))"),
])
def test_a_corner_is_decided_by_f_values(capsys, function, line):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and line in out.splitlines()


@pytest.mark.parametrize("function, line", [
    ("cos(abs(x))", "  x = 0            maximum (f″ = -1 < 0)"),
    ("cosh(abs(x))", "  x = 0  minimum (f″ = 1 > 0)"),
])
def test_critical_points_at_a_corner_or_inside_an_even_function(capsys, function, line):
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and line in out.splitlines()


@pytest.mark.parametrize("argv, error", [
    # finding 107: "give 0 values (there are no variables here), like " ended with nothing
    (["tangent", "5", "--at", "1"],
     "tutor: f = 5 has no variable: its graph is the line y = 5, which is its own tangent line at every point\n"),
    (["gradient", "5", "--at", "1"], "tutor: f has no variables, so it takes no point\n"),
    # one variable: the lesson's f′ and f″, not ∂f/∂x and f_xx (and, finding 114, why there is no derivative)
    (["tangent", "sqrt(x)", "--at", "0"], "tutor: f is not differentiable at x = 0: f′ is ∞ from the right, a "
                                          "vertical tangent, and f has no real value to the left\n"),
    (["tangent", "sqrt(t)", "--at", "0"], "tutor: f is not differentiable at t = 0: f′ is ∞ from the right, a "
                                          "vertical tangent, and f has no real value to the left\n"),
    (["tangent", "sqrt(x) + y", "--at", "0,1"], "tutor: f is not differentiable at x = 0, y = 1: ∂f/∂x is ∞ from "
                                                "the right, a vertical tangent, and f has no real value to the left\n"),
])
def test_refusals_say_what_is_so_in_the_lesson_notation(capsys, argv, error):
    status, _, err = run(capsys, *argv)
    assert status != 0 and err == error


@pytest.mark.parametrize("argv, ending", [
    # finding 107: "the point is 1, where f = 1" though x₁ = 0.9999998
    (["x^2", "--start", "1", "--rate", "0.0000001"], "the point is 0.9999998, where f = 0.9999996"),
    (["x^2", "--start", "2", "--rate", "0.00000001"], "the point is 1.99999996, where f = 3.9999998"),
    (["x^2 + y^2", "--start", "1,0", "--rate", "0.0000001"], "the point is (0.9999998, 0), where f = 0.9999996"),
    # finding 68: 0.000008 has six places, and is written out as an exact decimal is
    (["x^2", "--start", "0.00001", "--rate", "0.1"], "the point is 0.000008, where f = 6.4e-11"),
    (["x^2", "--start", "1", "--rate", "0.1"], "the point is 0.8, where f = 0.64"),
])
def test_where_a_descent_ends_is_told_from_where_it_began(capsys, argv, ending):
    status, out, _ = run(capsys, "descent", *argv, "--iterations", "1")
    assert status == 0 and out.splitlines()[-1] == f"stopped after 1 iteration; {ending}"


@pytest.mark.parametrize("function, nature, sides", [
    ("max(0, x^3)", "minimum", "f is 0 just left of it and x³ just right of it"),
    ("max(0, x)^3", "minimum", "f is 0 just left of it and x³ just right of it"),
    ("abs(x^3) - x^3", "minimum", "f is -2x³ just left of it and 0 just right of it"),
    ("max(0, x)^2", "minimum", "f is 0 just left of it and x² just right of it"),
    ("min(0, x)^2", "minimum", "f is x² just left of it and 0 just right of it"),
    ("x*abs(x)", "neither", "f is -x² just left of it and x² just right of it"),
])
def test_a_kink_where_the_slope_is_0_from_both_sides_is_decided_by_values(capsys, function, nature, sides):
    # the test has nothing to say at such a kink (f″ jumps there, or has no value): no f″ is quoted
    status, out, _ = run(capsys, "critical", function)
    assert status == 0
    verdict = "f = 0 there and f ≥ 0 near it" if nature == "minimum" else "f takes values above and below 0 near it"
    assert f"  x = 0  {nature} ({verdict} (f′ = 0 from both sides, and {sides}))" in out
    assert "f″" not in out and "f⁽" not in out and "note" not in out


@pytest.mark.parametrize("function, stretch", [
    ("max(0, x^3)", "x < 0: f = 0"), ("abs(x^3) - x^3", "x > 0: f = 0"), ("max(0, x^2 - 1)^2", "-1 < x < 1: f = 0"),
    ("min(x, 0)^2 + max(x - 1, 0)^2", "0 < x < 1: f = 0"),
])
def test_the_flat_stretches_beside_a_smooth_kink_are_listed(capsys, function, stretch):
    status, out, _ = run(capsys, "critical", function)
    assert f"critical stretches (f′ = 0 all along each):\n  {stretch} all along it;" in out
    assert "undecided" not in out


def test_the_steps_of_a_function_with_flat_stretches_solve_each_piece(capsys):
    status, out, _ = run(capsys, "critical", "min(x^2, 1)", "--steps")
    assert "The critical points of f = min(1, x²): x = 0, and every point of x < -1 and x > 1" in out
    assert "For -1 < x < 1: f = x², and f′ = 2x is 0 at x = 0." in out
    assert "For x > 1: f = 1 is constant, so f′ = 0 all along it." in out
    assert "Critical all along: every point of x < -1 and x > 1." in out
    assert "cannot solve" not in out and "may be missing" not in out
    status, out, _ = run(capsys, "critical", "max(0, x^3)", "--steps")
    assert "On each side of its kink x = 0, f is one polynomial" in out
    assert "At the kink x = 0: f′ = 0 from both sides, so it is a critical point." in out
    assert "At 0: f is 0 just left of it and x³ just right of it, so the second-derivative test does not apply." in out


@pytest.mark.parametrize("function, point, nature, why", [
    ("abs(x)^(3/2)", "x = 0", "minimum", "f - f(0) = |x|^(3/2) is never negative"),
    # x^(4/3) solved as it is read, the real root |x|^(4/3) (it was sympy's, with no value for x < 0)
    ("cbrt(x)^4", "x = 0", "minimum", "f - f(0) = |x|^(4/3) is never negative"),
    ("x^2 + abs(x)^(3/2)", "x = 0", "minimum", "f - f(0) = x² + |x|^(3/2) is a sum of terms that are never negative"),
    ("-abs(x)^(3/2)", "x = 0", "maximum", "f - f(0) = -|x|^(3/2) is never positive"),
    ("abs(x)^(3/2) + y^2", "(0, 0)", "minimum",
     "f - f(0, 0) = y² + |x|^(3/2) is a sum of terms that are never negative"),
])
def test_an_infinite_second_derivative_is_decided_by_values_not_refused(capsys, function, point, nature, why):
    status, out, _ = run(capsys, "critical", "--", function)
    assert status == 0
    sign = "≥" if nature == "minimum" else "≤"
    assert f"{point}  {nature} (f = 0 there and f {sign} 0 near it ({why}))" in out


# finding 113: a tolerance never reached ended "stopped after 10000 iterations; the point is 1", as if it had
# finished; the last line now says it did not converge, within what, |f′| there, and what the run did instead,
# in the words the learning rates are judged in
@pytest.mark.parametrize("argv, ending", [
    (["x^2", "--start", "1", "--rate", "1", "--tolerance", "0.01"],
     "did not converge within 10000 iterations, the most the tutor runs (--max-iterations): |f′| = 2 is still above "
     "the tolerance 0.01; it oscillates: 9999 of its 9999 pairs of steps go back the way they came, and "
     "from the start it goes back and forth between 1 and -1, |f′| = 2 at both, and more steps bring it no closer; the point is 1, where f = 1"),
    (["x^2", "--start", "1", "--rate", "0.0001", "--tolerance", "0.01"],
     "did not converge within 10000 iterations, the most the tutor runs (--max-iterations): |f′| = 0.270616 is still "
     "above the tolerance 0.01; it goes downhill, but too slowly; the point is 0.135308, where f = 0.0183083"),
    # x → -1.0002x grows, but by e² within the 10000 steps, short of the ten times that is running away
    (["x^2", "--start", "1", "--rate", "1.0001", "--tolerance", "0.01"],
     "did not converge within 10000 iterations, the most the tutor runs (--max-iterations): |f′| = 14.7752 is still "
     "above the tolerance 0.01; it oscillates: 9999 of its 9999 pairs of steps go back the way they came, and |f′| "
     "grew at every step, from 2 to 14.8; the point is 7.38758, where f = 54.5763"),
    (["x^2", "--start", "1", "--rate", "1.0002", "--tolerance", "0.01"],
     "did not converge within 10000 iterations, the most the tutor runs (--max-iterations): |f′| = 109.109 is still "
     "above the tolerance 0.01; it diverges: |f′| grew from 2 to 109 within 10000 steps, and keeps growing; the "
     "point is 54.5545, where f = 2976.19"),
    # the lesson's function, with a rate far smaller than its 0.005, and a number of iterations asked
    (["e^x - ln x", "--start", "0.05", "--rate", "0.00001", "--tolerance", "0.001", "--iterations", "100"],
     "did not converge within the 100 iterations asked: |f′| = 14.0437 is still above the tolerance 0.001; it goes "
     "downhill, but too slowly; the point is 0.0661721, where f = 3.78391"),
    (["x^2 + y^2", "--start", "1,2", "--rate", "1", "--tolerance", "0.001", "--iterations", "50"],
     "did not converge within the 50 iterations asked: |∇f| = 4.47214 is still above the tolerance 0.001; it "
     "oscillates: 49 of its 49 pairs of steps go back the way they came, and from the start it goes back and forth "
     "between (1, 2) and (-1, -2), |∇f| = 4.47 at both, and more steps bring it no closer; the point is (1, 2), "
     "where f = 5"),
    # a tolerance reached, and iterations alone, are said as before; a bounce for good is said (outside check h51, N4)
    (["x^2", "--start", "1", "--rate", "0.45", "--tolerance", "0.00000025"],
     "converged after 7 iterations: |f′| is smaller than the tolerance; the point is 1e-7, where f = 1e-14"),
    (["x^2", "--start", "1", "--rate", "1", "--iterations", "4"],
     "stopped after 4 iterations; the point is 1, where f = 1: from the start it goes back and forth between 1 and -1, |f′| = 2 at both, and more steps bring it no closer, so the steps overshoot the minimum and the "
     "learning rate is too large; try a smaller one"),
    (["x^2", "--start", "1", "--rate", "0.5", "--iterations", "4"], "stopped after 4 iterations; the point is 0, where f = 0"),
])
def test_a_descent_says_whether_it_reached_the_tolerance(capsys, argv, ending):
    status, out, _ = run(capsys, "descent", *argv)
    assert status == 0 and out.splitlines()[-1] == ending


def test_a_descent_short_of_its_tolerance_says_so_in_its_steps_and_its_json(capsys):
    argv = ["x^2", "--start", "1", "--rate", "1", "--tolerance", "0.01"]
    _, out, _ = run(capsys, "descent", *argv, "--steps")
    assert out.splitlines()[-1] == (
        "8. After 10000 iterations, the most the tutor runs, |f′| = 2 is still above the tolerance 0.01: it did not "
        "converge; it oscillates: 9999 of its 9999 pairs of steps go back the way they came, and from the start it goes back and forth between 1 and -1, |f′| = 2 at both, and more steps bring it no closer. The point "
        "is 1, where f = 1.")
    _, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.0001", "--tolerance", "0.01",
                    "--iterations", "50", "--steps")
    assert out.splitlines()[-1] == (
        "8. After 50 iterations, as many as asked, |f′| = 1.9801 is still above the tolerance 0.01: it did not "
        "converge; it goes downhill, but too slowly. The point is 0.990049, where f = 0.980197.")
    _, out, _ = run(capsys, "descent", *argv, "--json")
    data = json.loads(out)
    assert (data["converged"], data["tolerance"], data["behaviour"]) == (False, 0.01, "oscillates")
    assert data["ending"].startswith("did not converge within 10000 iterations")
    _, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.45", "--tolerance", "0.00000025", "--json")
    assert (json.loads(out)["converged"], json.loads(out)["behaviour"]) == (True, None)


# finding 272: --iterations above --max-iterations ran 10000 and ended "stopped after 10000 iterations", as if
# that were the count asked
@pytest.mark.parametrize("command, iterations", [
    (["solve", "descent", "x^2", "--start", "1", "--rate", "0.1"], "20000"),
    (["solve", "descent", "e^x - ln x", "--start", "0.05", "--rate", "0.005", "--tolerance", "0.001"], "10001"),
    (["solve", "descent", "x^2 + y^2", "--start", "1,2", "--rate", "0.1", "--steps"], "99999999999999999999999"),
    (["plot", "descent", "x^2 + 3y^2", "--start", "1,1", "--rate", "0.1", "--text"], "20000"),
])
def test_more_iterations_than_the_tutor_runs_are_refused_naming_the_bound(capsys, command, iterations):
    status = main([*command, "--iterations", iterations])
    out, err = capsys.readouterr()
    assert (status, out, err) == (2, "", f"tutor: --iterations {iterations} is more than the most the tutor runs, "
                                         "--max-iterations 10000: ask for fewer, or raise --max-iterations\n")
    status = main([*command, "--iterations", "20", "--max-iterations", "10"])
    assert (status, capsys.readouterr().err) == (2, "tutor: --iterations 20 is more than the most the tutor runs, "
                                                    "--max-iterations 10: ask for fewer, or raise --max-iterations\n")


def test_as_many_iterations_as_the_tutor_runs_or_a_raised_bound_run_in_full(capsys):
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.1", "--iterations", "20000",
                         "--max-iterations", "30000")
    assert status == 0 and out.splitlines()[-1] == "stopped after 20000 iterations; the point is 0, where f = 0"
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.1", "--iterations", "10000")
    assert status == 0 and out.splitlines()[-1] == "stopped after 10000 iterations; the point is 0, where f = 0"


# finding 281: --max-iterations 0 (or -1) took no step and ended "did not converge within 0 iterations ... it goes
# downhill, but too slowly", a verdict on a descent that never ran
@pytest.mark.parametrize("bound", ["0", "-1"])
@pytest.mark.parametrize("command", [
    ["solve", "descent", "x^2", "--start", "1", "--rate", "0.5"],
    ["plot", "descent", "x^2", "--start", "1", "--rate", "0.1", "--text"],
])
def test_a_bound_of_no_iteration_is_refused(capsys, command, bound):
    status = main([*command, f"--max-iterations={bound}"])
    out, err = capsys.readouterr()
    assert (status, out, err) == (2, "", f"tutor: the most iterations the tutor runs must be at least 1, not {bound}\n")
    assert main([*command, "--max-iterations=1", "--tolerance=0.1"]) == 0


def test_solve_rates_refuses_more_steps_than_the_tutor_runs(capsys):
    status, out, err = run(capsys, "rates", "x^2", "--start", "1", "--rates", "0.5,0.0001", "--iterations", "20000")
    assert (status, out, err) == (2, "", "tutor: 20000 iterations are more than the most the tutor runs, 10000\n")


# finding 271: a tolerance of 0 or less (or 1e-400, 0 as a float) was taken, and the descent ran to its bound
# and ended "|f′| = 0 is still above the tolerance 0 ... too slowly"; |∇f| < T never holds for such a T
@pytest.mark.parametrize("tolerance", ["0", "-1", "1e-400", "-0.001"])
@pytest.mark.parametrize("command", [
    ["solve", "descent", "x^2", "--start", "1", "--rate", "0.5"],
    ["solve", "descent", "e^x - ln x", "--start", "0.05", "--rate", "0.005", "--iterations", "3"],
    ["solve", "descent", "x^2 + y^2", "--start", "1,2", "--rate", "0.1", "--steps"],
    ["solve", "rates", "x^2", "--start", "1", "--rates", "0.5,0.1", "--iterations", "10"],
    ["plot", "descent", "x^2 + 3y^2", "--start", "1,1", "--rate", "0.1", "--text"],
])
def test_a_tolerance_no_gradient_gets_below_is_refused_by_every_command(capsys, command, tolerance):
    status = main([*command, f"--tolerance={tolerance}"])
    out, err = capsys.readouterr()
    assert (status, out, err) == (2, "", "tutor: the tolerance must be a positive number, like 0.001\n")


def test_a_pack_until_no_gradient_gets_below_is_refused_in_the_same_words(tmp_path):
    import yaml

    from tutor import packs
    document = {"pack": "p", "exercises": [
        {"id": "s", "kind": "stopping", "function": "x^2", "start": [1], "rate": 0.1, "until": "1e-400"},
        {"id": "r", "kind": "learning_rate", "function": "x^2 + y^2", "start": [1, 1], "rates": [0.1, 0.5],
         "iterations": 20, "until": 0},
        {"id": "t", "kind": "stopping", "function": "e^x - ln x", "start": [0.05], "rate": 0.005, "until": -0.01}]}
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert [problem.split(": ", 1)[1] for problem in refused.value.problems] == [
        f"exercise '{i}': the tolerance must be a positive number, like 0.001" for i in "srt"]


@pytest.mark.parametrize("argv, message", [
    # finding 114: the cone said "∂f/∂x has no real value at x = 0, y = 0", as if f had none there
    (["tangent", "sqrt(x^2 + y^2)", "--at", "0,0"],
     "f is not differentiable at x = 0, y = 0: ∂f/∂x is -1 from the left and 1 from the right"),
    (["tangent", "abs(x) + y", "--at", "0,0"],  # the kink the tutor told already, in the same words
     "f is not differentiable at x = 0, y = 0: ∂f/∂x is -1 from the left and 1 from the right"),
    (["tangent", "sqrt(x)", "--at", "0"],
     "f is not differentiable at x = 0: f′ is ∞ from the right, a vertical tangent, and f has no real value to the "
     "left"),
    (["gradient", "sqrt(x^2 + y^2)", "--at", "0,0"],
     "f is not differentiable at x = 0, y = 0: ∂f/∂x is -1 from the left and 1 from the right"),
    (["tangent", "ln(x)", "--at=-1"], "f has no real value at x = -1"),  # where f itself has none, that is said
])
def test_a_point_with_no_derivative_says_why(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == "" and err == f"tutor: {message}\n"


# finding 246: where a partial's formula has no value (0/0 or 0·∞ at the origin), the partial was said to have none
# too; it is taken from its definition, the limit of f's difference quotient along that variable alone
_FROM_DEFINITION = "its formula has no value there, so from the definition, lim h→0 "


@pytest.mark.parametrize("argv, lines", [
    (["partial", "x^(1/3)*y", "--wrt", "x", "--at", "x=0,y=0"],
     ["f(x, y) = x^(1/3)y", "∂f/∂x = y/(3 x^(2/3))", f"∂f/∂x(0, 0) = 0: {_FROM_DEFINITION}(f(h, 0) − f(0, 0))/h = 0"]),
    (["partial", "(x^3 + y^3)^(1/3)", "--wrt", "x", "--at", "x=0,y=0"],
     ["f(x, y) = (x³ + y³)^(1/3)", "∂f/∂x = x²/(x³ + y³)^(2/3)",
      f"∂f/∂x(0, 0) = 1: {_FROM_DEFINITION}(f(h, 0) − f(0, 0))/h = 1"]),
    (["partial", "(x^3 + y^3)^(1/3)", "--wrt", "y", "--at", "x=0,y=0"],
     ["f(x, y) = (x³ + y³)^(1/3)", "∂f/∂y = y²/(x³ + y³)^(2/3)",
      f"∂f/∂y(0, 0) = 1: {_FROM_DEFINITION}(f(0, h) − f(0, 0))/h = 1"]),
    (["partial", "x^(1/3)*(y - 2)", "--wrt", "x", "--at", "x=0,y=2"],  # away from the origin, the same
     ["f(x, y) = x^(1/3)(y - 2)", "∂f/∂x = (y - 2)/(3 x^(2/3))",
      f"∂f/∂x(0, 2) = 0: {_FROM_DEFINITION}(f(h, 2) − f(0, 2))/h = 0"]),
    (["gradient", "x^(2/3)*y^(2/3)", "--at", "x=0,y=0"],
     ["f(x, y) = x^(2/3)y^(2/3)", "∇f = (2 y^(2/3)/(3 x^(1/3)), 2 x^(2/3)/(3 y^(1/3)))", "∇f(0, 0) = (0, 0)",
      f"∂f/∂x(0, 0) = 0: {_FROM_DEFINITION}(f(h, 0) − f(0, 0))/h = 0",
      f"∂f/∂y(0, 0) = 0: {_FROM_DEFINITION}(f(0, h) − f(0, 0))/h = 0"]),
    (["gradient", "sqrt(abs(x*y))", "--at", "x=0,y=0"],
     ["f(x, y) = √|xy|", "∇f = (y sign(xy)/(2√|xy|), x sign(xy)/(2√|xy|)), where xy ≠ 0", "∇f(0, 0) = (0, 0)",
      f"∂f/∂x(0, 0) = 0: {_FROM_DEFINITION}(f(h, 0) − f(0, 0))/h = 0",
      f"∂f/∂y(0, 0) = 0: {_FROM_DEFINITION}(f(0, h) − f(0, 0))/h = 0"]),
    # finding 312: 0^y along x = 0 is 0 on both sides of y = 2 (the power stays positive); it was "undefined from
    # the left", sympy not knowing 2 - h > 0
    # x^y's derivative in x as the power rule gives it, y·x^(y − 1), which has a value at x = 0 (h24, F7)
    (["partial", "x^y", "--wrt", "x", "--at", "0,2"], ["f(x, y) = xʸ", "∂f/∂x = xʸ⁻¹y", "∂f/∂x(0, 2) = 0"]),
    (["partial", "x^y", "--wrt", "y", "--at", "0,2"],
     ["f(x, y) = xʸ", "∂f/∂y = xʸ ln(x)", f"∂f/∂y(0, 2) = 0: {_FROM_DEFINITION}(f(0, 2 + h) − f(0, 2))/h = 0"]),
    (["gradient", "(x^2)^y", "--at", "0,1"],
     ["f(x, y) = |x|²ʸ", "∇f = (2y|x|²ʸ⁻¹ sign(x), 2 ln(|x|)|x|²ʸ), where x ≠ 0", "∇f(0, 1) = (0, 0)",
      f"∂f/∂y(0, 1) = 0: {_FROM_DEFINITION}(f(0, 1 + h) − f(0, 1))/h = 0"]),
    (["gradient", "x^2 + y^2", "--at", "x=0,y=0"],  # where the formula has a value, nothing more is said
     ["f(x, y) = x² + y²", "∇f = (2x, 2y)", "∇f(0, 0) = (0, 0)"]),
    # a tangent plane where f is differentiable though a partial's formula has no value there: what is left of f
    # beside the plane, x^(1/3)y, shrinks as r^(4/3), faster than the distance r
    (["tangent", "x^(1/3)*y", "--at", "0,0"], ["f(x, y) = x^(1/3)y", "tangent plane at (0, 0): z = 0"]),
    (["tangent", "x^(2/3)*y^(2/3)", "--at", "0,0"],
     ["f(x, y) = x^(2/3)y^(2/3)", "tangent plane at (0, 0): z = 0"]),
    (["tangent", "x^(1/3)*y + 3x + 2y + 1", "--at", "0,0"],
     ["f(x, y) = 3x + x^(1/3)y + 2y + 1", "tangent plane at (0, 0): z = 1 + 3x + 2y", "z = 3x + 2y + 1"]),
])
def test_a_partial_whose_formula_has_no_value_is_taken_from_its_definition(capsys, argv, lines):
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "") and out.splitlines() == lines


_EXIST = "f is not differentiable at x = 0, y = 0: its partials exist, ∇f(0, 0) = "


@pytest.mark.parametrize("argv, message", [
    # finding 246: partials from the definition, but no tangent plane: f's slope along y = x is not the plane's
    (["tangent", "(x^3 + y^3)^(1/3)", "--at", "0,0"],
     f"{_EXIST}(1, 1), but lim h→0 (f(h, h) − f(0, 0))/h = 2^(1/3), where a tangent plane needs ∂f/∂x + ∂f/∂y = 2"),
    (["tangent", "sqrt(abs(x*y))", "--at", "0,0"],
     f"{_EXIST}(0, 0), but (f(h, h) − f(0, 0))/h tends to -1 from the left and 1 from the right as h → 0, where a "
     "tangent plane needs ∂f/∂x + ∂f/∂y = 0 on both sides"),
    (["tangent", "x^(1/3)*y^(1/3)", "--at", "0,0"],
     f"{_EXIST}(0, 0), but (f(h, h) − f(0, 0))/h tends to -∞ from the left and ∞ from the right as h → 0, where a "
     "tangent plane needs ∂f/∂x + ∂f/∂y = 0 on both sides"),
    # along both diagonals f's slope is the plane's, and the tutor can't tell more: it says so
    (["tangent", "(x^3 + y^4)^(1/3)", "--at", "0,0"],
     "the partials of f exist at x = 0, y = 0, ∇f(0, 0) = (1, 0), but a formula of one has no value there, and "
     "the tutor can't tell whether f is differentiable there, which a tangent plane needs"),
    # where a partial truly has no value, the one-sided slopes say why, as before
    (["partial", "abs(x) + y", "--wrt", "x", "--at", "0,0"],
     "f is not differentiable at x = 0, y = 0: ∂f/∂x is -1 from the left and 1 from the right"),
    (["partial", "x^(1/3) + y", "--wrt", "x", "--at", "0,0"],
     "f is not differentiable at x = 0, y = 0: ∂f/∂x is ∞ on both sides, a vertical tangent"),
    (["gradient", "x^(1/3)*y", "--at", "0,1"],
     "f is not differentiable at x = 0, y = 1: ∂f/∂x is ∞ on both sides, a vertical tangent"),
])
def test_partials_from_the_definition_give_no_plane_where_f_is_not_differentiable(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == "" and err == f"tutor: {message}\n"


def test_the_steps_say_a_partial_came_from_its_definition(capsys):
    status, out, _ = run(capsys, "tangent", "x^(1/3)*y", "--at", "0,0", "--steps")
    assert status == 0
    assert ("2. The slope in the x direction: ∂f/∂x = y/(3 x^(2/3)) has no value at (0, 0), so from the definition, "
            "∂f/∂x(0, 0) = lim h→0 (f(h, 0) − f(0, 0))/h = 0.") in out.splitlines()
    assert "3. The slope in the y direction: ∂f/∂y = x^(1/3), so ∂f/∂y(0, 0) = 0." in out.splitlines()
    _, out, _ = run(capsys, "gradient", "x^(1/3)*y", "--at", "0,0", "--steps")
    # finding 602: the point is put only into ∂f/∂y, whose formula has a value there, not "into each component"
    assert out.splitlines()[-3:] == [
        "4. ∂f/∂x = y/(3 x^(2/3)) has no value at (0, 0), so from the definition, ∂f/∂x(0, 0) = lim h→0 "
        "(f(h, 0) − f(0, 0))/h = 0.",
        "5. Put x = 0 and y = 0 into ∂f/∂y: ∂f/∂y(0, 0) = 0^(1/3) = 0.",
        "6. Put the partial derivatives at (0, 0) together: ∇f(0, 0) = (0, 0)."]


# finding 114: whole-number data were answered in decimals (m = 0.4, b = 0.9) against the documented rule, and a
# division already in lowest terms said its value twice ("So b = 7/6 = 7/6")
@pytest.mark.parametrize("points, first_lines", [
    ("(1,2), (2,5), (3,3)", ["y = x/2 + 7/3   (3 points)", "m = 1/2, b = 7/3 ≈ 2.33333"]),  # the lesson's power lines
    ("(0,1), (1,1), (2,2), (3,2)", ["y = 2x/5 + 9/10   (4 points)", "m = 2/5, b = 9/10"]),
    ("(0,0), (1,1), (2,3), (3,3)", ["y = 11x/10 + 1/10   (4 points)", "m = 11/10, b = 1/10"]),
    ("(1,2), (2,4), (3,5), (4,4), (5,6)", ["y = 4x/5 + 9/5   (5 points)", "m = 4/5, b = 9/5"]),
    # data with a decimal point are answered in decimals, as before
    ("(0,0), (1,1), (2,3), (3,3.0)", ["y = 1.1x + 0.1   (4 points)", "m = 1.1, b = 0.1"]),
    ("(0,0.5), (1,1), (2,2), (3, 2.5)", ["y = 0.7x + 0.45   (4 points)", "m = 0.7, b = 0.45"]),
])
def test_whole_number_data_have_an_exact_fit(capsys, points, first_lines):
    status, out, _ = run(capsys, "lstsq", "--points", points)
    assert status == 0 and out.splitlines()[:2] == first_lines


def test_a_fit_to_whole_numbers_is_exact_in_its_steps_its_cost_and_its_json(capsys):
    _, out, _ = run(capsys, "lstsq", "--points", "(0,0), (1,1), (2,3), (3,3)", "--steps")
    assert out.splitlines()[-6:] == [
        "   9.4. So m = 22/20 = 11/10.",
        "   9.5. Put m = 11/10 into the second equation: 8b + 12(11/10) - 14 = 0.",
        "   9.6. Multiply out: 8b + 66/5 - 14 = 0.",
        "   9.7. Collect the numbers: 8b - 4/5 = 0.",
        "   9.8. So b = 4/40 = 1/10.",
        "10. The least cost: E(11/10, 1/10) = 7/10."]
    assert out.splitlines()[3] == "least cost E(11/10, 1/10) = 7/10"
    _, out, _ = run(capsys, "lstsq", "--points", "(0,0), (1,1), (2,3), (3,3)", "--json")
    data = json.loads(out)
    assert (data["values"]["m"]["exact"], data["values"]["b"]["exact"], data["model"]) == \
        ("11/10", "1/10", "y = 11x/10 + 1/10")


def test_a_whole_number_csv_has_an_exact_fit(capsys, tmp_path):
    table = tmp_path / "data.csv"
    table.write_text("x,y\n0,1\n1,1\n2,2\n3,2\n", encoding="utf-8")
    _, out, _ = run(capsys, "lstsq", "--csv", str(table), "--x", "x", "--y", "y")
    assert out.splitlines()[:2] == ["y = 2x/5 + 9/10   (4 points)", "m = 2/5, b = 9/10"]


@pytest.mark.parametrize("points, said", [
    ("(0,1), (1,3), (2,4)", ["   9.2. So m = 6/4 = 3/2.", "   9.6. So b = 7/6."]),
    ("(1,1), (2,3), (4,4)", ["   9.7. So m = 13/14."]),
    ("(1,2), (2,5), (3,3)", ["   9.3. So m = 2/4 = 1/2.", "   9.7. So b = 14/6 = 7/3."]),  # the lesson's
])
def test_a_value_found_by_elimination_is_said_once_where_its_fraction_is_already_it(capsys, points, said):
    _, out, _ = run(capsys, "lstsq", "--points", points, "--steps")
    lines = out.splitlines()
    assert all(line in lines for line in said), [line for line in lines if "So " in line]


@pytest.mark.parametrize("function, lines", [
    # f′ = 0 solved on each side of the kink, the kink decided from both sides, and the endless list said so
    ("sin(abs(x))", [
        "critical points:",
        "  x = -3π/2 ≈ -4.71239  minimum (f″ = 1 > 0)",
        "  x = -π/2 ≈ -1.5708    maximum (f″ = -1 < 0)",
        "  x = 0                 minimum (f = 0 there and f ≥ 0 near it (a corner, where f′ is -1 from the left and "
        "1 from the right))",
        "  x = π/2 ≈ 1.5708      maximum (f″ = -1 < 0)",
        "  x = 3π/2 ≈ 4.71239    minimum (f″ = 1 > 0)",
        "note: f′ = 0 has infinitely many solutions, going on without end, and f does not repeat with a period (its "
        "only corner is at x = 0): those listed are only the ones with -2π < x < 2π"]),
    ("cos(x) + abs(x)", [
        "critical points:",
        "  x = -π/2 ≈ -1.5708  neither (f takes values above and below π/2 near it (the derivatives up to order 2 "
        "are 0 there and f⁽³⁾ < 0))",
        "  x = 0               minimum (f = 1 there and f ≥ 1 near it (a corner, where f′ is -1 from the left and 1 "
        "from the right))",
        "  x = π/2 ≈ 1.5708    neither (f takes values above and below π/2 near it (the derivatives up to order 2 "
        "are 0 there and f⁽³⁾ > 0))",
        "note: f′ = 0 has infinitely many solutions, going on without end, and f does not repeat with a period (its "
        "only corner is at x = 0): those listed are only the ones with -2π < x < 2π"]),
    # finitely many: every one, and no note (sympy's solve had found x = 1/2 only)
    ("abs(x) - x^2", ["critical points:", "  x = -1/2  maximum (f″ = -2 < 0)",
                      "  x = 0     minimum (f = 0 there and f ≥ 0 near it (a corner, where f′ is -1 from the left and "
                      "1 from the right))", "  x = 1/2   maximum (f″ = -2 < 0)"]),
    # max(1, |x|) is 1 beside 0, so f′'s sides there are those of |x|'s: sympy's limit of sign(x)·θ(|x| - 1)
    # failed, and the corner was dropped ("no critical points: f′ is never 0")
    ("max(1, abs(x))*abs(x)", ["critical points:", "  x = 0  minimum (f = 0 there and f ≥ 0 near it (a corner, "
                                                   "where f′ is -1 from the left and 1 from the right))"]),
    ("max(1, abs(x))*abs(x) - x/2", ["critical points:", "  x = 0  minimum (f = 0 there and f ≥ 0 near it (a "
                                                         "corner, where f′ is -3/2 from the left and 1/2 from the "
                                                         "right))"]),
])
def test_critical_points_on_each_side_of_a_kink(capsys, function, lines):
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1:] == lines


def test_critical_steps_solve_each_side_of_a_kink(capsys):
    status, out, _ = run(capsys, "critical", "sin(abs(x))", "--steps")
    # straight from f′ = 0 (step 2) to the sides: sympy's factoring of cos(|x|)sign(x) is not shown
    assert status == 0 and [line for line in out.splitlines() if line.lstrip().startswith("3.")] == [
        "3. On each side of its kink x = 0, f has no absolute value: solve f′ = 0 on each side, and look at each kink "
        "from both sides:",
        "   3.1. For x < 0: f = -sin(x), and f′ = -cos(x) is 0 at infinitely many points; those listed: x = -3π/2 and "
        "x = -π/2.",
        "   3.2. For x > 0: f = sin(x), and f′ = cos(x) is 0 at infinitely many points; those listed: x = π/2 and "
        "x = 3π/2."]


@pytest.mark.parametrize("function, least", [
    # a sum of terms never negative, each 0 at the point: f ≥ f(P) everywhere, whatever sympy left unsolved
    ("abs(x)^(3/2) + y^2", "the least: f(0, 0) = 0; it is the global minimum"),
    ("x^2 + abs(y)^(3/2) + 1", "the least: f(0, 0) = 1; it is the global minimum"),
])
def test_a_sum_of_terms_never_negative_is_least_where_each_is_0(capsys, function, least):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and least in out.splitlines()


def test_a_pack_asks_for_partials_taken_from_their_definition(tmp_path, capsys):
    # finding 246: these exercises were refused ("∂f/∂x has no real value at x = 0, y = 0"); now set, graded on the
    # values the definition gives, while a tangent plane where f is not differentiable is still refused
    path = tmp_path / "pz.yaml"
    path.write_text("pack: pz\nexercises:\n"
                    '  - {id: a, kind: partial_derivative, function: "(x^3 + y^3)^(1/3)", wrt: x, at: [0, 0]}\n'
                    '  - {id: b, kind: gradient, function: "sqrt(abs(x*y))", at: [0, 0]}\n', encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: valid (2 exercises; each one's answer grades as correct)\n"
    for exercise, answer, verdict in (("a", "1", "correct"), ("a", "0", "incorrect"), ("b", "(0, 0)", "correct")):
        main(["check", answer, "--exercise", f"{path}:{exercise}"])
        assert capsys.readouterr().out.splitlines()[0] == verdict
    path.write_text("pack: pz\nexercises:\n"
                    '  - {id: d, kind: tangent_plane, function: "(x^3 + y^3)^(1/3)", at: [0, 0]}\n', encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:3:5: exercise 'd': f is not differentiable at x = 0, y = 0: its partials exist, ∇f(0, 0) = (1, 1), "
        "but lim h→0 (f(h, h) − f(0, 0))/h = 2^(1/3), where a tangent plane needs ∂f/∂x + ∂f/∂y = 2\n")


# finding 286: a region with no point in it (bounds typed the wrong way round) was answered as a real window
# ("local minima in the region: none / outside the region: x = 0")
@pytest.mark.parametrize("command, region, said", [
    (["solve", "minimize", "x^2"], "3<=x<=-3", "the region 3 ≤ x ≤ -3 has no points"),
    (["solve", "minimize", "x^2"], "x>=2, x<=1", "the region x ≥ 2, x ≤ 1 has no points"),
    (["solve", "critical", "x^2 + y^2"], "1<=x<=0, 0<=y<=1",
     "the region 1 ≤ x ≤ 0, 0 ≤ y ≤ 1 has no points: there is no x with 1 ≤ x ≤ 0"),
    (["plot", "contour", "x^2 + y^2", "--text"], "0<=x<=1, y>=2, y<=1",
     "the region 0 ≤ x ≤ 1, y ≥ 2, y ≤ 1 has no points: there is no y with y ≥ 2, y ≤ 1"),
])
def test_a_region_with_no_point_is_refused(capsys, command, region, said):
    status = main([*command, f"--region={region}"])
    out, err = capsys.readouterr()
    assert (status, out, err) == (2, "", f"tutor: {said}\n")


# finding 287: a box whose sides share a number was written as one chain, "0 ≤ x ≤ 1 ≤ y ≤ 2", as if it related x
# and y; each chain is written as it was typed
def test_a_region_is_written_in_the_chains_it_was_typed_in(capsys):
    _, out, _ = run(capsys, "minimize", "x^2 + y^2", "--region=0<=x<=1, 1<=y<=2")
    assert "region: 0 ≤ x ≤ 1, 1 ≤ y ≤ 2" in out.splitlines()
    _, out, _ = run(capsys, "minimize", "x^2 + y^2", "--region=x <= 1, 1 <= y")
    assert "region: x ≤ 1, 1 ≤ y" in out.splitlines()
    _, out, _ = run(capsys, "minimize", "x^2 + y^2", "--region=-1 <= x <= 1 <= y <= 3")  # typed as one chain
    assert "region: -1 ≤ x ≤ 1 ≤ y ≤ 3" in out.splitlines()


# finding 601: with the value from the definition, the steps stopped at the formula, which has no value there
@pytest.mark.parametrize("argv, last", [
    (["partial", "(x^3 + y^3)^(1/3)", "--wrt", "x", "--at", "x=0,y=0"],
     "2. ∂f/∂x = x²/(x³ + y³)^(2/3) has no value at (0, 0), so from the definition, ∂f/∂x(0, 0) = "
     "lim h→0 (f(h, 0) − f(0, 0))/h = 1."),
    (["partial", "x^(1/3) y", "--wrt", "x", "--at", "0,0"],
     "2. ∂f/∂x = y/(3 x^(2/3)) has no value at (0, 0), so from the definition, ∂f/∂x(0, 0) = "
     "lim h→0 (f(h, 0) − f(0, 0))/h = 0."),
])
def test_partial_steps_at_a_point_from_the_definition_end_on_its_value(capsys, argv, last):
    status, out, _ = run(capsys, *argv, "--steps")
    lines = out.splitlines()
    assert status == 0 and lines[-1] == last
    assert lines[lines.index("Steps:") + 1].endswith(": 1" if "x^3" in argv[1] else ": 0")


# finding 602: "put x = 0 and y = 0 into each component: ∇f(0, 0) = (0, 0) = (0, 0)", though the steps above say
# the components have no value there
def test_gradient_steps_from_the_definition_put_the_partials_together(capsys):
    status, out, _ = run(capsys, "gradient", "sqrt(abs(x*y))", "--at", "0,0", "--steps")
    assert status == 0 and out.splitlines()[-1] == "6. Put the partial derivatives at (0, 0) together: ∇f(0, 0) = (0, 0)."


def test_gradient_steps_put_the_point_only_into_a_component_that_has_a_value_there(capsys):
    status, out, _ = run(capsys, "gradient", "x^(1/3) y + y", "--at", "0,0", "--steps")
    assert status == 0 and out.splitlines()[-3:] == [
        "4. ∂f/∂x = y/(3 x^(2/3)) has no value at (0, 0), so from the definition, ∂f/∂x(0, 0) = "
        "lim h→0 (f(h, 0) − f(0, 0))/h = 0.",
        "5. Put x = 0 and y = 0 into ∂f/∂y: ∂f/∂y(0, 0) = 0^(1/3) + 1 = 1.",
        "6. Put the partial derivatives at (0, 0) together: ∇f(0, 0) = (0, 1).",
    ]


# finding 669: the tangent plane's steps built it from the partials alone, never showing why a plane exists where
# one came from its definition (the method that gives z = 0 for √|xy| too, which has none)
def test_tangent_steps_show_why_the_plane_exists_where_a_partial_came_from_its_definition(capsys):
    status, out, _ = run(capsys, "tangent", "x^(1/3) y", "--at", "0,0", "--steps")
    assert status == 0 and out.splitlines()[-2:] == [
        "4. The tangent plane contains both tangent lines, so put these into z = f(a, b) + f_x(a, b)(x − a) + "
        "f_y(a, b)(y − b): z = 0 + 0(x - 0) + 0(y - 0), that is z = 0.",
        "5. A slope came from the definition, and slopes along the axes alone do not make a tangent plane: what is "
        "left of f beside it, f − z = x^(1/3)y, is at most a number times r^(4/3) near (0, 0), r the distance from "
        "it, so it shrinks faster than r: f is differentiable there, and the plane is its tangent plane.",
    ]


def test_tangent_steps_say_nothing_of_it_where_the_partials_came_from_their_formulas(capsys):
    status, out, _ = run(capsys, "tangent", "x^2 + y^2", "--at", "1,2", "--steps")
    assert status == 0 and "slopes along the axes alone" not in out


# finding 670: the limit was text in the LaTeX steps, with a Unicode arrow pdflatex refuses
def test_the_latex_steps_write_the_limit_from_the_definition_as_maths(capsys):
    status, out, _ = run(capsys, "gradient", "sqrt(abs(x*y))", "--at", "0,0", "--steps", "--latex")
    assert status == 0
    # one math span from the name to the value (outside check h54, N6: `$a$ = $b$`, `$a$ = 0`)
    assert (r"so from the definition, $\frac{\partial f}{\partial y}\left(0, 0\right) = "
            r"\lim_{h \to 0} \frac{f(0, h) - f(0, 0)}{h} = 0$.") in out
    assert "→" not in out


def _latex_answer(capsys, *argv: str) -> list[str]:
    """The lines of a --latex answer after f's, blank lines left out."""
    status, out, _ = run(capsys, *argv, "--latex")
    assert status == 0
    return [line for line in out.splitlines() if line][1:]


# finding 780: --latex said "critical points: ∅", "x = 0, x = π", {x = y, x = -y}: a bare set that dropped what
# the text says (may be missing, stretches, the period, where f has no value, the region, each point's class)
def test_the_latex_answer_of_critical_points_says_what_the_text_says(capsys):
    assert _latex_answer(capsys, "critical", "sqrt(x^2 + y^2) - x") == [
        "no critical points found",
        r"note: $\nabla$f has no value at (0, 0), and the tutor could not decide whether f has a local minimum or "
        r"maximum there, so it may be a critical point too; the tutor could not solve every case of $\nabla$f = 0 "
        "exactly, so some critical points may be missing"]
    assert _latex_answer(capsys, "critical", "max(0, x^2 - 1)") == [
        "critical stretches (f$'$ = 0 all along each):",
        r"\quad $-$1 $<$ x $<$ 1: $f = 0$ all along it; each point both a local minimum and a local maximum, since f is "
        "constant near it"]
    assert _latex_answer(capsys, "critical", "cos(x)") == [
        "critical points:",
        r"\quad $x = 0$ \quad maximum (f$''$ = $-$1 $<$ 0)",
        r"\quad $x = \pi$ $\approx$ 3.14159 \quad minimum (f$''$ = 1 $>$ 0)",
        r"note: f$'$ repeats every 2$\pi$: these are the critical points with 0 $\le$ x $<$ 2$\pi$, and each recurs at "
        r"x + k$\cdot$2$\pi$ for every integer k"]
    assert _latex_answer(capsys, "critical", "x/y + y/x") == [
        "critical sets (every point on them is critical):",
        r"\quad $x = y$, except (0, 0), where f has no value: $f = 2$ all along it; minima all along it",
        r"\quad $x = -y$, except (0, 0), where f has no value: $f = -2$ all along it; maxima all along it"]
    assert _latex_answer(capsys, "critical", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--region", "0<=x<=5, 0<=y<=5") == [
        r"region: $0 \le x \le 5, 0 \le y \le 5$",
        "critical points in the region:",
        r"\quad $\left(4, 4\right)$ \quad minimum (D = 4096/225 $>$ 0 and f$_{xx}$ = 64/15 $>$ 0)",
        "critical sets in the region (every point on them is critical):",
        r"\quad $x = 0$: $f = 85$ all along it; maxima where 0 $\le$ y $\le$ 5",
        r"\quad $y = 0$: $f = 85$ all along it; maxima where 0 $\le$ x $\le$ 5",
        "outside the region:",
        r"\quad $\left(6, 6\right)$ \quad saddle (D = $-$5184/25 $<$ 0)"]


@pytest.mark.parametrize("function", ["sqrt(x^2 + y^2) - x", "max(0, x^2 - 1)", "x^2 + y^2 + z^2 + 1/(x y z)",
                                      "abs(sin(x))", "x sin(x)", "min(x^2, 1)", "y^2 ln(x)", "x^3 - 3x + y^2"])
def test_the_latex_answer_of_critical_points_has_a_line_for_each_line_of_the_text(capsys, function):
    _, text, _ = run(capsys, "critical", function)
    assert len(_latex_answer(capsys, "critical", function)) == len(text.splitlines()) - 1


# finding 786: π, ∞, ∛, Ω, eˣ, xᵢ, m₀ and ½ were left as Unicode in the LaTeX steps' text, where pdflatex stops
def test_the_latex_steps_put_every_maths_character_in_math_mode(capsys):
    _, out, _ = run(capsys, "critical", "abs(sin(x))", "--steps", "--latex")
    assert (
        r"  \item $f$ repeats every $\pi$, kinks and all, so look within one period, 0 $\le$ x $< \pi$. Where "
        r"each absolute value's inside keeps one sign, $f$ has no absolute value: solve $f' = 0$ for each choice of "
        r"signs, and look at each kink, where an inside is 0, from both sides:") in out.splitlines()
    _, out, _ = run(capsys, "cost", "--points", "(1,2), (2,5), (3,3)", "--mean", "--start", "0,0", "--rate", "0.01",
                    "--steps", "--latex")
    assert out.splitlines()[10].startswith(
        r"  \item With n = $3$ observations the cost is the mean, with a $\frac{1}{2}$ that the derivative's 2 cancels")
    assert out.splitlines()[14].startswith(
        r"  \item Step against the gradient: (m$_{1}$, b$_{1}$) = (m$_{0}$, b$_{0}$) $- "
        r"\alpha\cdot\nabla$L(m$_{0}$, b$_{0}$) = $\left(0, 0\right) - 0.01\cdot")
    _, out, _ = run(capsys, "minimize", "e^x - ln x", "--steps", "--latex")
    assert out.splitlines()[4].endswith(r"the Omega constant $\Omega$, the x with xe$^{x} = 1$ (Lambert's W function at 1)")


def _documented_solve_commands() -> list[list[str]]:
    """Each `tutor solve` run in docs/reference/solve.md's examples, as its arguments."""
    import re
    import shlex
    from pathlib import Path
    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "solve.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\$ tutor solve (.*)$", page, re.M)
    return list(dict.fromkeys(tuple(a for a in shlex.split(c) if a not in ("--json", "--latex", "--steps"))
                              for c in commands if " -- " not in c))


@pytest.mark.parametrize("argv", _documented_solve_commands(), ids=" ".join)
def test_every_worked_example_in_latex_is_ascii_alone(capsys, argv, monkeypatch):
    """What pdflatex reads: every character of every kind's worked example ASCII, maths as LaTeX commands."""
    from pathlib import Path
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # the examples read exercises/advertising.csv
    status, out, _ = run(capsys, *argv, "--steps", "--latex")
    assert status == 0 or status == 2 and out == ""  # a few examples show a refusal (`tangent` at a cusp)
    assert [c for c in out if ord(c) > 127] == []


def test_a_second_partials_limit_names_the_first_partial_in_latex():
    from sympy import Rational

    from tutor.calculus.partials import DifferenceLimit
    limit = DifferenceLimit(("x", "y"), (Rational(1), Rational(-1, 2)), "y", "f_x")
    assert str(limit) == "lim h→0 (f_x(1, -1/2 + h) − f_x(1, -1/2))/h"
    assert limit.show(latex=True) == r"\lim_{h \to 0} \frac{f_{x}(1, -\frac{1}{2} + h) - f_{x}(1, -\frac{1}{2})}{h}"


# finding 603: f(y, x) for y³ with x asked for, its point written (3, 2) for x = 2, y = 3, and a refusal that did
# not say --vars makes f a function of x too
@pytest.mark.parametrize("at", ["x=2,y=3", "2,3"])
def test_a_variable_f_lacks_keeps_the_lessons_order(capsys, at):
    status, out, _ = run(capsys, "partial", "y^2 + 1", "--wrt", "x", "--at", at, "--steps")
    assert status == 0 and out.splitlines()[:3] == ["f(x, y) = y² + 1", "∂f/∂x = 0", "∂f/∂x(2, 3) = 0"]
    assert out.splitlines()[-1] == "2. Put in (2, 3): ∂f/∂x(2, 3) = 0."


@pytest.mark.parametrize("argv, message", [
    (["partial", "y^3", "--wrt", "y", "--at", "x=2,y=3"],
     "can't read the point 'x=2,y=3': unknown name 'x' (the variable is y); to take f as a function of x and y, "
     "name them all with --vars x,y"),
    (["gradient", "y^3", "--at", "x=2,y=3"],
     "can't read the point 'x=2,y=3': unknown name 'x' (the variable is y); to take f as a function of x and y, "
     "name them all with --vars x,y"),
    (["tangent", "y^2", "--at", "2,3"],
     "give 1 value (the variable is y), like y=1; to take f as a function of x and y, name them all with --vars x,y"),
    (["gradient", "x y", "--at", "1,2,3,4"], "give 2 values (the variables are x and y), like x=1,y=2"),
    # outside check h61, N3: a name typed as a variable's was told of the constant e, a function W(x) or "the parts"
    (["gradient", "x^2 + y^2", "--at", "x=1,E=2"],
     "can't read the point 'x=1,E=2': unknown name 'E' (the variables are x and y); to take f as a function of x, y "
     "and E, name them all with --vars x,y,E"),
    (["tangent", "x^2 + y^2", "--at", "x=1,W=2"],
     "can't read the point 'x=1,W=2': 'W' is not a variable of f (the variables are x and y)"),
    (["gradient", "x^2 + y^2", "--at", "x=1,e=2"],
     "can't read the point 'x=1,e=2': 'e' is not a variable of f (the variables are x and y)"),
    (["partial", "x^2 y", "--wrt", "x", "--at", "sin=1,y=2"],
     "can't read the point 'sin=1,y=2': 'sin' is not a variable of f (the variables are x and y)"),
    # finding 672: fix's refusal lacked the advice
    (["fix", "y^2", "--fix", "x=2"],
     "x is not a variable here (the variable is y); to take f as a function of x and y, name them all with "
     "--vars x,y"),
])
def test_a_point_with_more_variables_than_f_says_how_vars_takes_them(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (2, "", f"tutor: {message}\n")


def test_with_vars_a_variable_f_lacks_is_fixed_as_the_lesson_fixes_it(capsys):
    status, out, _ = run(capsys, "fix", "y^2", "--vars", "x,y", "--fix", "x=2")
    assert status == 0 and out.splitlines() == ["f(x, y) = y²", "fix x = 2: f(2, y) = y²",
                                                "d/dy f(2, y) = 2y: the slope of the tangent line along y"]


def test_with_vars_a_variable_f_lacks_is_held_constant(capsys):
    status, out, _ = run(capsys, "gradient", "y^3", "--vars", "x,y", "--at", "x=2,y=3")
    assert status == 0 and out.splitlines() == ["f(x, y) = y³", "∇f = (0, 3y²)", "∇f(2, 3) = (0, 27)"]


# finding 606: a fraction put in above a quotient's bar was left bare, 1/2/(-3)², read as 1/(2/9) by many
@pytest.mark.parametrize("argv, last", [
    (["partial", "x/y", "--wrt", "y", "--at", "x=1/2,y=-3"],
     "2. Put x = 1/2 and y = -3 into ∂f/∂y: ∂f/∂y(1/2, -3) = -(1/2)/(-3)² = -1/18 ≈ -0.0555556."),
    (["partial", "x/y", "--wrt", "y", "--at", "x=-1,y=-3"],
     "2. Put x = -1 and y = -3 into ∂f/∂y: ∂f/∂y(-1, -3) = -(-1)/(-3)² = 1/9 ≈ 0.111111."),
])
def test_a_fraction_put_in_over_a_quotient_is_bracketed(capsys, argv, last):
    status, out, _ = run(capsys, *argv, "--steps")
    assert status == 0 and out.splitlines()[-1] == last


@pytest.mark.parametrize("kind, function, equation, degree", [
    # outside check: each ran for minutes, taking 850 MB, in sympy's factoring over the integers
    ("minimize", "x^500 - x", "500x⁴⁹⁹ - 1", 499),
    ("minimize", "x^10000 - x", "10000x⁹⁹⁹⁹ - 1", 9999),
    ("critical", "x^1000 - x + y^2", "1000x⁹⁹⁹ - 1", 999),
    ("critical", "x^102 - x", "102x¹⁰¹ - 1", 101),
])
def test_a_polynomial_equation_past_degree_100_is_refused_at_once(capsys, kind, function, equation, degree):
    assert run(capsys, kind, function) == (
        2, "", f"tutor: {equation} = 0 is a polynomial equation of degree {degree}: the tutor solves those exactly up "
               "to degree 100\n")


@pytest.mark.parametrize("function, note", [
    # an outside check: two equations of degree 99 came to one of degree 9,801, whose factoring ran for hours
    ("x^100 + y^100 - x*y", "note: the tutor could not solve every case of ∇f = 0 exactly, so some critical points may "
                            "be missing; ∇f is 0 near (-0.954095, -0.954095) and (0.954095, 0.954095) too (looked for "
                            "numerically on the lines y = x and y = -x, which f is symmetric about, with -10 ≤ x ≤ 10)"),
    ("x^97 y^3 - x y", "note: the tutor could not solve every case of ∇f = 0 exactly, so some critical points may be "
                       "missing"),
])
def test_two_equations_that_come_to_one_past_degree_100_leave_that_case_unsolved(capsys, function, note):
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1:] == ["critical points:", "  (0, 0)  saddle (D = -1 < 0)", note]


def test_a_high_power_whose_equation_is_a_power_of_a_variable_is_still_solved(capsys):
    status, out, _ = run(capsys, "critical", "x^9999 - y^9998")
    assert status == 0 and out.splitlines()[2].startswith("  (0, 0)  saddle")
    status, out, _ = run(capsys, "critical", "x^101 - x")
    assert status == 0 and out.splitlines()[-1] == "  x = 101^(99/100)/101 ≈ 0.954898    minimum (f″ = 100·101^(1/100) ≈ 104.723 > 0)"


def test_numbers_on_a_set_already_found_critical_are_not_listed_again(capsys):
    # outside check: 6 KB of "∇f is 0 near (-9.98727, -9.98727) and …", every one on the circles cos(x² + y²) = 0
    status, out, _ = run(capsys, "critical", "sin(x^2 + y^2)")
    assert status == 0 and out.splitlines()[1:] == [
        "critical points:",
        "  (0, 0)  minimum (D = 4 > 0 and f_xx = 2 > 0)",
        "critical sets (every point on them is critical):",
        "  cos(x² + y²) = 0: every point of it is critical",
        "note: the equations are not polynomial, so the solutions found may not be all the critical points"]


@pytest.mark.parametrize("wrt, why", [
    # outside check: each was taken for a new variable of f, and its partial said to be 0
    ("xy", "; a name of several letters is one only where --vars names it"),
    ("sin", "; a name of several letters is one only where --vars names it"),
    ("2", ""),
    ("e", ": e is Euler's number"),
])
def test_wrt_that_names_no_variable_is_refused(capsys, wrt, why):
    assert run(capsys, "partial", "x^2 y", "--wrt", wrt) == (
        2, "", f"tutor: --wrt '{wrt}' is not a variable of f (the variables are x and y){why}\n")
    assert run(capsys, "partial", "x^2 y", "--wrt", "q")[1].splitlines() == ["f(x, y, q) = x²y", "∂f/∂q = 0"]


@pytest.mark.parametrize("function, line", [
    # outside check: a line of critical points in three variables was left unclassified ("f = 0 all along it")
    ("x^2 + y^2 + z^2 + 2x y", "  z = 0, x = -y: f = 0 all along it; minima all along it"),
    ("-(x + y)^2 - z^2", "  z = 0, x = -y: f = 0 all along it; maxima all along it"),
    ("(x + y)^2 - z^2 + 2z", "  x = -y, z = 1: f = 1 all along it; neither minima nor maxima all along it"),
])
def test_a_critical_line_of_a_quadratic_is_classified_by_its_hessian(capsys, function, line):
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1:] == ["critical sets (every point on them is critical):", line]


def test_a_value_past_any_float_keeps_its_exact_form_alone(capsys):
    # outside check: "≈ inf" for e^(e¹⁰ + e^(e¹⁰) + 10), which is finite
    status, out, _ = run(capsys, "partial", "e^(e^(e^(x)))", "--wrt", "x", "--at", "10")
    assert status == 0 and out.splitlines()[-1] == "df/dx(10) = e^(e¹⁰ + e^(e¹⁰) + 10)"
    assert run(capsys, "partial", "e^(e^(x))", "--wrt", "x", "--at", "5")[1].splitlines()[-1] == \
        "df/dx(5) = e^(e⁵ + 5) ≈ 4.23144e66"


@pytest.mark.parametrize("f, factored", [
    ("x^3 + y^3 - 3x y", ["4. Factor ∂f/∂x: 3x² - 3y = 3(x² - y).", "5. Factor ∂f/∂y: 3y² - 3x = 3(y² - x)."]),
    ("-x^3 + 3x y - y^3", ["4. Factor ∂f/∂x: -3x² + 3y = -3(x² - y).", "5. Factor ∂f/∂y: -3y² + 3x = -3(y² - x)."]),
])
def test_a_factor_step_takes_out_the_sign_the_partial_starts_with(capsys, f, factored):
    # sympy's -3(x - y²), shown -3(-y² + x), pulled a minus out of 3y² - 3x for no reason
    _, out, _ = run(capsys, "critical", f, "--steps")
    assert [line for line in out.splitlines() if "Factor" in line] == factored


@pytest.mark.parametrize("function, lines", [
    # an outside check: "no local minimum found", though written with |x − y| it was found: max(x, y) is now
    # (x + y + |x − y|)/2 where its arguments are smooth, and its kink x = y solved along as any |u|'s is
    ("max(x, y) + x^2 + y^2", ["local minima:", "  (-1/4, -1/4): f = -1/8",
                               "the least: f(-1/4, -1/4) = -1/8; it is the only local minimum"]),
    ("min(x, y) + x^2 + y^2", ["local minima:", "  (-1/2, 0): f = -1/4", "  (0, -1/2): f = -1/4",
                               "the least: f = -1/4 at (-1/2, 0) and (0, -1/2); whether it is the global minimum is "
                               "not known for sure"]),
])
def test_a_max_of_smooth_parts_in_two_variables_has_its_minimum_found(capsys, function, lines):
    status, out, _ = run(capsys, "minimize", function)
    assert status == 0 and out.splitlines()[1:] == lines


@pytest.mark.parametrize("function", ["max(x, y, x*y)", "max(x, y, x*y, x - y, x + y, 2x, 3y, x^2, y^2, x y^2)"])
def test_a_max_of_many_parts_is_solved_in_seconds_not_minutes(capsys, function):
    """An outside attacker's max of 3 parts took 11 s of CPU (sympy looking for a period of what holds nothing
    periodic), of 10 parts 5 minutes (written with |u|, which doubles with each part, and factored). Now a
    max of more than three parts is left as it is, and no period is looked for where nothing repeats."""
    status, out, _ = run(capsys, "critical", function)
    assert status == 0 and out.splitlines()[1:] == [
        "no critical points found",
        "note: the tutor could not solve every case of ∇f = 0 exactly, so some critical points may be missing"]


def test_a_bounce_that_narrows_is_said_to_close_in_and_one_that_stays_is_not(capsys):
    """Outside check h16, F5: α = 0.09 on x² + 10y² was told "oscillates" alone, as α = 0.1, though its |∇f| fell
    from 20.1 to 0.025 in 30 steps while α = 0.1 bounces across the valley in y for good."""
    status, out, _ = run(capsys, "rates", "x^2 + 10y^2", "--start", "1,1", "--rates", "0.1,0.09", "--iterations", "30")
    assert status == 0 and out.splitlines()[-3:] == [
        "α = 0.1: oscillates (29 of its 29 pairs of steps go back the way they came)",
        "α = 0.09: oscillates (29 of its 29 pairs of steps go back the way they came, and |∇f| fell from 20.1 to "
        "0.0253: it closes in, zigzagging, but not below 0.0001 within 30 steps)",
        "no rate converges within the steps"]
    status, out, _ = run(capsys, "rates", "x^2", "--start", "1", "--rates", "1", "--iterations", "20")
    assert out.splitlines()[-2] == (
        "α = 1: oscillates (19 of its 19 pairs of steps go back the way they came, and from the start it goes back and forth between 1 and -1, |f′| = 2 at both, and more steps bring it no closer)")


def test_a_rate_whose_bounce_widens_at_every_step_says_so_beside_oscillates(capsys):
    """An outside check: α = 1.1 on x² (|f′| from 2 to 4.98) and α = 0.9 (from 2 to 0.66) were both told
    "oscillates" alone, short of the growth that says a run diverges."""
    status, out, _ = run(capsys, "rates", "x^2", "--start", "1", "--rates", "1.1,0.9", "--iterations", "5")
    assert status == 0 and out.splitlines()[-3:-1] == [
        "α = 1.1: oscillates (4 of its 4 pairs of steps go back the way they came, and |f′| grew at every step, "
        "from 2 to 4.98)",
        "α = 0.9: oscillates (4 of its 4 pairs of steps go back the way they came, and |f′| fell from 2 to 0.655: it "
        "closes in, zigzagging, but not below 0.0001 within 5 steps)"]


# h16's leftover: a constant f with variables was "0 = 0: f is constant", with steps ending in "every partial
# derivative is 0: ." and a blank system; minimize said "no local minimum" in x and "0 = 0 is a set the tutor does
# not classify" in x and y
EVERYWHERE = "f = 5 everywhere: every point is critical, and each is both a local minimum and a local maximum, neither strict"


@pytest.mark.parametrize("names", ["x", "x,y"])
def test_a_constant_function_is_critical_everywhere_and_each_point_both_a_minimum_and_a_maximum(capsys, names):
    status, out, _ = run(capsys, "critical", "5", "--vars", names, "--steps")
    lines = out.splitlines()
    assert status == 0 and lines[1:3] == ["critical sets (every point on them is critical):", f"  {EVERYWHERE}"]
    partial = "its derivative is" if names == "x" else "every partial derivative is"
    assert lines[4] == "Steps:" and lines[5] == (f"The critical points of f = 5: every point. f is constant, so {partial} 0 "
                                                "everywhere, and each point is both a local minimum and a local maximum, "
                                                "neither strict.")
    assert not any(line.rstrip().endswith(":") for line in lines[6:])  # no empty list of equations
    status, out, _ = run(capsys, "minimize", "5", "--vars", names)
    assert status == 0 and out.splitlines()[1] == ("f = 5 everywhere: every point is both a local minimum and a local "
                                                   "maximum, neither strict, and 5 is the least value")


# A polynomial equation in √x whose roots sympy writes with complex radicals (the casus irreducibilis): the
# imaginary parts, exactly 0, were judged nonzero by evaluation, and the critical points were lost
# (√x + (x - 2)² listed x = 0 alone; x^(5/2) - 5x² + 7x missed its maximum), or written with re() and im(),
# which no answer can hold, so that a pack's minimize exercise on √x + (x - 2)² could not be set
@pytest.mark.parametrize("function, listed", [
    ("sqrt(x) + (x-2)^2", ["  x = 0          minimum (f = 4 there and f ≥ 4 near it (f has no value for x < 0, and f′ is "
                           "∞ from the right))",
                           "  x = 0.015876…  maximum (f″ = -122.975… < 0)",
                           "  x = 1.8144…    minimum (f″ = 1.8977… > 0)"]),
    ("x^(5/2) - 5x^2 + 7x", ["  x = 0.92095…  maximum (f″ = -6.40126… < 0)",
                             "  x = 14.4916…  minimum (f″ = 4.27544… > 0)"]),
])
def test_critical_points_of_a_cubic_in_a_root_of_x_are_every_one_exactly(capsys, function, listed):
    code, out, _ = run(capsys, "critical", function)
    assert code == 0
    assert out.splitlines()[2:] == listed  # every one: no note that some may be missing


def test_the_minimum_of_a_cubic_in_a_root_of_x_is_exact_and_global(capsys):
    """Every zero of f′ is known and f is no lower at either end of its domain: the least is global (outside
    check h46, N5: it was "not known for sure")."""
    code, out, _ = run(capsys, "minimize", "sqrt(x) + (x-2)^2")
    assert (code, out.splitlines()[1:]) == (0, [
        "f′(x) = 2(x - 2) + 1/(2√x) = 0 at x = 0.015876… and x = 1.8144…",
        "minimum: f(1.8144…) = 1.38144…", "local minima: x = 0, x = 1.8144…; the least is the global minimum",
        "note: f(0) = 4 at the end of its domain and f → ∞ as x → ∞, neither below the minimum"])


@pytest.mark.parametrize("function, line", [
    # outside check h46, N8: the steps went from the equation to its solutions
    ("sqrt(x) + (x-2)^2", "      5.1.1. Put u = √x, so that x = u²: 4u³ - 8u + 1 = 0, a polynomial in u, whose real roots "
                          "are u = -1.47299…, 0.126… and 1.34699…. u = √x is never negative, so only 0.126… and "
                          "1.34699… give a solution: x = u² = 0.015876… and 1.8144…."),
    ("x - 3x^(1/4)", "      5.1.1. Put u = x^(1/4), so that x = u⁴: 4u³ - 3 = 0, a polynomial in u, whose real root is "
                     "u = 6^(1/3)/2, and so x = u⁴ = 3·6^(1/3)/8."),
])
def test_the_steps_solve_an_equation_in_a_root_of_x_in_that_root(capsys, function, line):
    code, out, _ = run(capsys, "critical", function, "--steps")
    assert code == 0 and line in out.splitlines()


def test_f_at_a_minimum_in_a_root_of_x_is_written_simply(capsys):
    """√(49/20 + 3√5/5) denested before f is worked out there (outside check h48: a sum of nested roots)."""
    code, out, _ = run(capsys, "minimize", "x^2 - 4x^(3/2) + 41x/10", "--region", "1<=x<=9")
    assert code == 0 and out.splitlines()[2] == "minimum: f(3√5/5 + 49/20) = 299/400 - 4√5/25 ≈ 0.389729"


def test_an_equation_in_a_root_of_x_with_no_solution_says_why_in_its_step(capsys):
    """3√x = -2 was no case at all: "Solve each case:" stood alone, above nothing."""
    code, out, _ = run(capsys, "critical", "x^(3/2) + x", "--steps")
    assert code == 0
    assert out.splitlines()[-3:] == [
        "4. Solve the equation:", "   4.1. 3√x = -2: no real solution (√x would be -2/3, and √x is never negative).",
        "5. The critical points: ∅."]


@pytest.mark.parametrize("function, note", [
    ("x - 2sqrt(x)", "f(0) = 0 at the end of its domain and f → ∞ as x → ∞, neither below the minimum"),
    ("x^2 - sqrt(1 - x^2)/2", "f(-1) = 1 and f(1) = 1 at the ends of its domain, neither below the minimum"),
    ("sqrt(1 - x^2) + x", "f(1) = 1 at the end of its domain, not below the minimum"),  # least at -1, the other end
    ("ln(x) + 1/x", "f → ∞ as x → 0 from the right and f → ∞ as x → ∞, neither below the minimum"),
    ("x e^x", "f → 0 as x → -∞ and f → ∞ as x → ∞, neither below the minimum"),
])
def test_a_minimum_is_global_where_f_is_no_lower_at_the_ends_of_its_domain(capsys, function, note):
    code, out, _ = run(capsys, "minimize", function, "--json")
    found = json.loads(out)
    assert (code, found["is_global"], found["note"]) == (0, True, note)


def test_critical_points_of_two_variables_polynomial_in_a_root_are_found(capsys):
    """As in one variable: ∂f/∂y = 0 gives y = x, then a cubic in √x, which sympy's solve lost ("no critical points
    found")."""
    code, out, _ = run(capsys, "critical", "sqrt(x) + (x-2)^2 + (y-x)^2")
    assert code == 0
    assert out.splitlines()[2:4] == ["  (0.015876…, 0.015876…)  saddle (D = -245.951… < 0)",
                                     "  (1.8144…, 1.8144…)      minimum (D = 3.79541… > 0 and f_xx = 3.8977… > 0)"]


@pytest.mark.parametrize("function, note", [
    ("e^2x + y", "'e^2x' was read as e^2·x; write e^(2x) if all of it is the exponent"),
    ("x^1/2 + y", "'x^1/2' was read as (x^1)/2; write x^(1/2) if all of it is the exponent"),
    ("1/2x + y", "'1/2x' was read as (1/2)·x; put the whole divisor in brackets to divide by it"),
])
def test_solve_says_how_it_read_a_function_another_reading_would_change(capsys, function, note):
    """Outside check h51, N2: `solve` worked ∂/∂x of e²·x for 'e^2x' with no word of the reading, which `check`
    tells of the same text in an answer."""
    status, out, _ = run(capsys, "partial", function, "--wrt", "x")
    assert status == 0 and out.splitlines()[0] == f"note: {note}"
    status, out, _ = run(capsys, "partial", function, "--wrt", "x", "--json")
    assert status == 0 and json.loads(out)["notes"] == [note]
    status, out, _ = run(capsys, "partial", "e^(2x) + y", "--wrt", "x", "--json")
    assert out.splitlines()[0] == "{" and "notes" not in json.loads(out)


def test_solve_says_nothing_of_a_reading_nearly_everyone_means(capsys):
    status, out, _ = run(capsys, "partial", "1/2 x^2 + y", "--wrt", "x")
    assert status == 0 and out.splitlines()[:2] == ["f(x, y) = x²/2 + y", "∂f/∂x = x"]


def test_a_point_put_into_a_sum_keeps_the_sums_order(capsys):
    """Outside check h51, N3: "put x = 1 and y = 0" was followed by e^(0² + 1²), as if x were 0 and y 1."""
    status, out, _ = run(capsys, "gradient", "e^(x^2+y^2)", "--at", "1,0", "--steps")
    assert status == 0 and out.splitlines()[-1] == (
        "4. At (1, 0), put x = 1 and y = 0 into each component: ∇f(1, 0) = (2·1·e^(1² + 0²), 2·0·e^(1² + 0²)) = "
        "(2e, 0).")


def test_zero_put_in_before_a_letter_takes_a_dot(capsys):
    """Outside check h51, N8: 0y² read as digits run together, sin(0x) as a hexadecimal number."""
    _, out, _ = run(capsys, "fix", "x y^2 + e^x", "--fix", "x=0")
    assert out.splitlines()[1] == "fix x = 0: f(0, y) = 0·y² + e⁰ = 1"
    _, out, _ = run(capsys, "fix", "sin(x y) + x^2", "--fix", "y=0")
    assert out.splitlines()[1] == "fix y = 0: f(x, 0) = sin(0·x) + x² = x²"
    _, out, _ = run(capsys, "fix", "x y^2 + e^x", "--fix", "x=2")
    assert out.splitlines()[1] == "fix x = 2: f(2, y) = 2y² + e²"
    _, out, _ = run(capsys, "fix", "x y", "--fix", "y=1")  # h52, N7: 1x
    assert out.splitlines()[1] == "fix y = 1: f(x, 1) = 1·x = x"


def test_a_least_cost_its_digits_show_exactly_takes_no_approx_in_the_steps(capsys):
    """Outside check h51, N7: the last step said 11/4 ≈ 2.75, where the answer's line says 11/4 alone."""
    _, out, _ = run(capsys, "lstsq", "--points", "(1, 1), (2, 3), (4, 3), (5, 6)", "--steps")
    assert "least cost E(1, 1/4) = 11/4" in out.splitlines() and out.splitlines()[-1] == (
        "11. The least cost: E(1, 1/4) = 11/4.")
    _, out, _ = run(capsys, "lstsq", "--points", "(1,2),(2,5),(3,3)", "--steps")
    assert out.splitlines()[-1] == "10. The least cost: E(1/2, 7/3) = 25/6 ≈ 4.16667."


def test_a_line_said_once_where_its_two_forms_are_one(capsys):
    """Outside check h51, N13: z = 1 twice, and "no local minimum in the region" then "… in the region: none"."""
    _, out, _ = run(capsys, "tangent", "e^(x y)", "--at", "0,0")
    assert out.splitlines() == ["f(x, y) = eˣʸ", "tangent plane at (0, 0): z = 1"]
    _, out, _ = run(capsys, "tangent", "x y", "--at", "1,2", "--json")
    assert json.loads(out)["plane"] == "z = 2x + y - 2" and json.loads(out)["through_point"] == (
        "z = 2 + 2(x - 1) + (y - 2)")
    _, out, _ = run(capsys, "minimize", "x^2 - 4x", "--region", "0<=x<=1")
    assert out.splitlines()[2:5] == ["no local minimum in the region", "region: 0 ≤ x ≤ 1", "outside the region: x = 2"]


def test_a_cost_steps_json_has_the_cost_at_both_points(capsys):
    """Outside check h51, N5: the text's last line and its two costs were not in --json."""
    _, out, _ = run(capsys, "cost", "--points", "(1,2), (2,5), (3,3)", "--start", "0,0", "--rate", "0.01", "--json")
    step = json.loads(out)["step"]
    assert (step["cost_before"]["exact"], step["cost_after"]["exact"]) == ("38", "19.9576")
    assert step["change"] == "the cost goes down, from E(m₀, b₀) = 38 to E(m₁, b₁) = 19.9576"
    _, out, _ = run(capsys, "cost", "--points", "(1,2), (2,5), (3,3)", "--start", "0,0", "--rate", "0.1", "--json")
    assert json.loads(out)["step"]["cost_after"]["exact"] == "181.36"  # h52, N8: it was 4534/25


def test_critical_latex_sets_numbers_and_subscripts_in_math_mode(capsys):
    """Outside check h51, N6: `D = -9 $<$ 0` set -9 with a hyphen, and f\\_xx an underscore."""
    _, out, _ = run(capsys, "critical", "x^3 + y^3 - 3xy", "--latex")
    assert out.splitlines()[-3:] == [
        r"\quad $\left(0, 0\right)$ \quad saddle (D = $-$9 $<$ 0)", "",
        r"\quad $\left(1, 1\right)$ \quad minimum (D = 27 $>$ 0 and f$_{xx}$ = 6 $>$ 0)"]


def test_descent_on_the_least_squares_cost_names_it_e(capsys):
    """Outside check h51, N11: the lesson, `cost` and `lstsq` call it E(m, b); descent called it f."""
    _, out, _ = run(capsys, "descent", "--points", "(1,2), (2,5), (3,3)", "--start", "0,0", "--rate", "0.01",
                    "--iterations", "3", "--steps")
    lines = out.splitlines()
    assert lines[:2] == ["E(m, b) = 14m² + 12mb + 3b² - 42m - 20b + 38", "∇E = (28m + 12b - 42, 12m + 6b - 20)"]
    assert lines[4] == "k  m         b         ∂E/∂m     ∂E/∂b     E"
    assert lines[-1] == "6. After 3 iterations the point is (0.882336, 0.433536), where E = 8.32456."


def test_a_chain_rule_inside_a_quotient_takes_a_letter_of_its_own(capsys):
    """Outside check h51, N9: the quotient rule's u = e^(xy²), then its own sub-step's u = xy²."""
    _, out, _ = run(capsys, "partial", "x^2 e^(x y^2)/(1 + y^2)", "--wrt", "y", "--steps")
    lines = out.splitlines()
    assert any(line.strip().startswith("2.1. Quotient rule") and "with u = e^(xy²) and v = y² + 1" in line
               for line in lines)
    assert "      2.1.1. Chain rule: e^(xy²) is eʷ with w = xy², so ∂/∂y[e^(xy²)] = e^(xy²) · ∂/∂y[xy²] = " \
           "2xy e^(xy²)." in lines


def test_the_latex_steps_keep_an_equation_in_one_math_span(capsys):
    # outside check h54, N6: `$\frac{∂}{∂x}[85]$ = 0.` and `$…$ = $2 x$` set '=' and the value in text
    status, out, _ = run(capsys, "partial", "85 + x^2 y", "--wrt", "x", "--steps", "--latex")
    assert status == 0
    assert r"so $\frac{\partial}{\partial x}\left[85\right] = 0$." in out
    assert (r"so $\frac{\partial}{\partial x}\left[x^{2} y\right] = y \cdot \frac{\partial}{\partial x}"
            r"\left[x^{2}\right] = 2 x y$.") in out
    assert "$ = $" not in out and "$$" not in out


def test_minimize_json_gives_a_root_without_radicals_as_the_polynomial_and_which_root(capsys):
    # outside check h51, N5: "exact" held "-1.30083…", which a program can't use
    status, out, _ = run(capsys, "minimize", "x^4 - 3x^2 + x", "--json")
    assert status == 0
    point = json.loads(out)["point"]
    assert point["exact"] == "-1.30083…"
    assert point["root_of"] == {"polynomial": "4x³ - 6x + 1", "which": 1, "real_roots": 3}
    status, out, _ = run(capsys, "minimize", "x^2 - 2x", "--json")
    assert "root_of" not in json.loads(out)["point"]  # 1 has a form of its own


@pytest.mark.parametrize("argv", [
    ("descent", "exp(x) - ln(x)", "--start", "0.05", "--rate", "0.005", "--iterations", "1"),
    ("critical", "x^3 - 12x + y^2"),
    ("tangent", "x^2 + y^2", "--at", "x=1,y=2"),
])
def test_joined_latex_spans_never_make_a_command_run_into_a_letter(capsys, argv):
    # outside check h55, N1: `$\cdot$$f'$` joined as `\cdotf'` and `$\partial$$x$` as `\partialx`, no commands
    status, out, _ = run(capsys, *argv, "--steps", "--latex")
    assert status == 0
    run_on = {c for c in re.findall(r"\\([a-zA-Z]+)", out) if c.startswith(("cdot", "partial", "alpha", "nabla"))}
    assert run_on <= {"cdot", "partial", "alpha", "nabla"}
    if argv[0] == "critical":
        assert "$f_{xx} = \\partial$" in out  # the second partial's name subscripted, not `$f$\_$x$$x$`


@pytest.mark.parametrize("argv, said", [
    (["partial", "x*e + e^2", "--vars", "x,e", "--wrt", "e"],
     "tutor: e is the name of a constant in maths, not of a variable: call the variable something else, like u\n"),
    (["gradient", "x^2 + y^2 + pi", "--vars", "x,y,pi", "--at", "1,2,3"],
     "tutor: pi is the name of a constant in maths, not of a variable: call the variable something else, like u\n"),
    # nor is it suggested as one
    (["gradient", "x^2 + y^2 + z^2", "--at", "x=1,y=2,e=3"], "tutor: can't read the point 'x=1,y=2,e=3': 'e' is not a "
                                                             "variable of f (the variables are x, y and z)\n"),
])
def test_a_constants_name_is_refused_as_a_variable(capsys, argv, said):
    """Outside check h61, N1: f was read with e as the constant, so a variable e was differentiated as 2.718…:
    ∂/∂e of xe + e² was 0."""
    assert run(capsys, *argv) == (2, "", said)
