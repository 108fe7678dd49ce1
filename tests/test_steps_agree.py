"""`tutor solve ... --steps`: the steps say what the result lines say, the lesson's way.

A window's minima are split into those in it and those outside in the steps as in the summary; a piecewise
f goes from its derivative straight to its pieces, without factoring sympy's sign(); and the classification
heading names the second-derivative test only where that test decides every point."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    """The result lines and the step lines a person sees."""
    assert main(["solve", *argv]) == 0
    out = capsys.readouterr().out
    summary, _, steps = out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


def _top(steps: list[str]) -> list[str]:
    """The headline and the numbered steps, without the lines under them."""
    return [line for line in steps if not line.startswith(" ")]


# ------------------------------------------------------------------ a window's minima


def test_two_variables_the_steps_say_the_minimum_lies_outside_the_window(capsys):
    summary, steps = _solve(capsys, "minimize", "x^2 + y^2", "--region", "1<=x<=2, 0<=y<=1", "--steps")
    assert summary[-3:] == ["no local minimum in the region",
                            "the least local minimum, outside the region: f(0, 0) = 0; it is the global minimum",
                            "least in the region: f(1, 0) = 1, on its edges x = 1 and y = 0"]
    assert steps[0] == "The local minima of f = x² + y² in the region 1 ≤ x ≤ 2, 0 ≤ y ≤ 1: ∅"
    assert steps[-1] == ("11. On the region's boundary f is a polynomial of one variable along each side, least at a "
                         "corner or where its derivative is 0: it is lowest at (1, 0) (on x = 1 and y = 0), where f = "
                         "1, and no local minimum lies in it, so f is least in the region there.")
    assert steps[-6:-1] == [
        "7. The critical points that are local minima: (0, 0), where f = 0.",
        "8. Keep what lies in the region 1 ≤ x ≤ 2, 0 ≤ y ≤ 1:",
        "   8.1. (0, 0) is outside: it breaks 1 ≤ x.",
        "9. So no local minimum lies in the region.",
        "10. The least local minimum, outside the region, is f(0, 0) = 0: it is the global minimum, since f grows "
        "without bound in every direction."]


def test_the_lessons_window_example_names_the_least_inside_and_the_lower_one_outside_in_its_steps_too(capsys):
    summary, steps = _solve(capsys, "minimize", "(x^2 - 1)^2 + y^2 + 0.3x", "--region", "0 <= x <= 2", "--steps")
    assert summary[-3:] == [
        "the least: f(0.960149…, 0) = 0.294146…",
        "the least local minimum, outside the region: f(-1.03557…, 0) = -0.305428…; it is the global minimum",
        "note: f's values on the region's boundary, and far out in it if it goes on without end, are not looked at, "
        "and may be lower than these"]
    assert steps[0] == "The local minima of f = y² + 0.3x + (x² - 1)² in the region 0 ≤ x ≤ 2: {(0.960149…, 0)}"
    assert steps[-5:] == [
        "   9.1. (-1.03557…, 0) is outside: it breaks 0 ≤ x.",
        "   9.2. (0.960149…, 0) is inside.",
        "10. So the local minimum in the region is (0.960149…, 0).",
        "11. The least local minimum in the region is f(0.960149…, 0) = 0.294146….",
        "12. The least local minimum, outside the region, is f(-1.03557…, 0) = -0.305428…: it is the global "
        "minimum, since f grows without bound in every direction."]


def test_two_variables_the_least_of_all_in_the_window_is_said_once_with_its_verdict(capsys):
    summary, steps = _solve(capsys, "minimize", "(x^2 - 1)^2 + y^2", "--region", "0<=x<=2, -1<=y<=1", "--steps")
    assert summary[-1] == "the least: f(1, 0) = 0; it is the global minimum"
    assert _top(steps)[-3:] == [
        "10. Keep what lies in the region 0 ≤ x ≤ 2, -1 ≤ y ≤ 1:",
        "11. So the local minimum in the region is (1, 0).",
        "12. The least local minimum in the region is f(1, 0) = 0: it is the global minimum, since f grows without "
        "bound in every direction."]


def test_two_variables_several_as_low_outside_the_window(capsys):
    summary, steps = _solve(capsys, "minimize", "(x^2 - 1)^2 + (y^2 - 1)^2", "--region=-1/2<=x<=1/2, 0<=y<=2",
                            "--steps")
    assert summary[-3:] == ["no local minimum in the region",
                            "the least local minimum, outside the region: f = 0 at (-1, -1), (-1, 1), (1, -1) and "
                            "(1, 1); it is the global minimum",
                            # (0, 1) is a saddle, f = 1: the box's sides x = ±1/2 are lower
                            "least in the region: f = 9/16 at (-1/2, 1) and (1/2, 1), on its edges x = -1/2 and "
                            "x = 1/2"]
    assert _top(steps)[-3:-1] == [
        "13. So no local minimum lies in the region.",
        "14. The least local minima, outside the region, f = 0, are at (-1, -1), (-1, 1), (1, -1) and (1, 1): "
        "it is the global minimum, since f grows without bound in every direction."]


@pytest.mark.parametrize("function, region, tail", [
    # the points outside are dropped before the least is chosen, and the least of all, outside, is said last
    ("x^2", "1<=x<=2", ["   5.2. At 0: f″ = 2 > 0, so this is a local minimum.",
                        "6. Keep what lies in the region 1 ≤ x ≤ 2:",
                        "   6.1. 0 is outside: it breaks 1 ≤ x.",
                        "7. So no local minimum lies in the region.",
                        # f is least in the region at its edge, which no local minimum is
                        "8. At the region's edges, f(1) = 1 and f(2) = 4; no local minimum lies in the region, so f "
                        "is least in the region at an edge: at x = 1, where f = 1.",
                        "9. The least local minimum, outside the region, is f(0) = 0: it is the global minimum "
                        "(f → ∞ as x → ±∞, its leading term x² outgrowing the rest)."]),
    # the lesson's: two local minima, one in the window (finding 475)
    ("x^4 - 3x^2 + x", "0 <= x <= 5", ["6. Keep what lies in the region 0 ≤ x ≤ 5:",
                                       "   6.1. -1.30083… is outside: it breaks 0 ≤ x.",
                                       "   6.2. 1.1309… is inside.",
                                       "7. So the local minimum in the region is x = 1.1309….",
                                       "8. The least local minimum in the region is f(1.1309…) = -1.07023….",
                                       "9. At the region's edges, f(0) = 0 and f(5) = 555, not below -1.07023…, so f "
                                       "is least in the region at x = 1.1309….",
                                       "10. The least local minimum, outside the region, is f(-1.30083…) = -3.5139…: "
                                       "it is the global minimum (f → ∞ as x → ±∞, its leading term x⁴ outgrowing the "
                                       "rest)."]),
    ("x^4 - 2x^2", "0<=x<=2", ["8. The least value of f at a local minimum is -1, at x = -1 and x = 1: it is the "
                               "global minimum (f → ∞ as x → ±∞, its leading term x⁴ outgrowing the rest).",
                               "9. Keep what lies in the region 0 ≤ x ≤ 2:",
                               "   9.1. -1 is outside: it breaks 0 ≤ x.",
                               "   9.2. 1 is inside.",
                               "10. So the local minimum in the region is x = 1."]),
    # a stretch of minima reaching into the window: said piece by piece, as without one
    ("max(0, 1 - x^2)", "0<=x<=3", ["6. The least value of f is 0, for every x with x ≤ -1 or x ≥ 1: it is the "
                                    "global minimum.",
                                    "7. Keep what lies in the region 0 ≤ x ≤ 3:",
                                    "   7.1. x ≤ -1 lies outside the region.",
                                    "   7.2. x ≥ 1 meets the region where 1 ≤ x ≤ 3.",
                                    "8. So the local minima in the region are every x with 1 ≤ x ≤ 3."]),
])
def test_one_variable_the_steps_say_which_minima_lie_in_the_window(capsys, function, region, tail):
    summary, steps = _solve(capsys, "minimize", function, "--region", region, "--steps")
    assert steps[-len(tail):] == tail
    inside = next((line for line in summary if line.startswith("local minima in the region: ")),
                  "local minima in the region: none")  # where the answer's line says "no local minimum in the region"
    kept = next(line for line in tail if ". So " in line)
    assert inside.removeprefix("local minima in the region: ") in (kept.removesuffix(".").split(" is ")[-1],
                                                                  kept.removesuffix(".").split(" are ")[-1],
                                                                  "none")


def test_one_variable_a_kinked_function_in_a_window_keeps_its_pieces(capsys):
    # with a window the steps were sympy's f′ = 0 and "the least local minimum is f(-1) = 0", though the
    # summary says f = 0 all along x ≤ -1 and x ≥ 1
    summary, steps = _solve(capsys, "minimize", "max(0, 1 - x^2)", "--region", "0<=x<=3", "--steps")
    assert summary[2] == "minimum: f = 0 for every x with x ≤ -1 or x ≥ 1"
    assert steps[0] == "The minimum of f = max(0, 1 - x²): f = 0 for every x with x ≤ -1 or x ≥ 1"


# ------------------------------------------------------------------ piecewise functions


@pytest.mark.parametrize("function, summary_lines, pieces", [
    ("min(x^2, 1)", ["critical points:", "  x = 0  minimum (f″ = 2 > 0)"],
     ["3. Between its kinks x = -1 and x = 1, f is one polynomial on each stretch: solve f′ = 0 on each, and look "
      "at each kink from both sides:",
      "   3.1. For x < -1: f = 1 is constant, so f′ = 0 all along it.",
      "   3.2. For -1 < x < 1: f = x², and f′ = 2x is 0 at x = 0.",
      "   3.3. For x > 1: f = 1 is constant, so f′ = 0 all along it.",
      "4. The critical points: x = 0.",
      "5. Critical all along: every point of x < -1 and x > 1."]),
    ("max(0, 1 - x^2)", ["critical points:", "  x = 0  maximum (f″ = -2 < 0)"],
     ["3. Between its kinks x = -1 and x = 1, f is one polynomial on each stretch: solve f′ = 0 on each, and look "
      "at each kink from both sides:",
      "   3.1. For x < -1: f = 0 is constant, so f′ = 0 all along it.",
      "   3.2. For -1 < x < 1: f = 1 - x², and f′ = -2x is 0 at x = 0.",
      "   3.3. For x > 1: f = 0 is constant, so f′ = 0 all along it.",
      "4. The critical points: x = 0.",
      "5. Critical all along: every point of x < -1 and x > 1."]),
    # sympy left sign(x - 1) + 2x = 0 unsolved: "no critical points found", though f′ = 2x - 1 = 0 at 1/2
    ("abs(x - 1) + x^2", ["critical points:", "  x = 1/2  minimum (f″ = 2 > 0)"],
     ["3. On each side of its kink x = 1, f is one polynomial on each stretch: solve f′ = 0 on each, and look at "
      "each kink from both sides:",
      "   3.1. For x < 1: f = x² - x + 1, and f′ = 2x - 1 is 0 at x = 1/2.",
      "   3.2. For x > 1: f = x² + x - 1, and f′ = 2x + 1 is not 0 there.",
      "4. The critical points: x = 1/2."]),
    ("min(x^2, 2x)", ["no critical points: f′ is never 0"],
     ["3. Between its kinks x = 0 and x = 2, f is one polynomial on each stretch: solve f′ = 0 on each, and look "
      "at each kink from both sides:",
      "   3.1. For x < 0: f = 2x, and f′ = 2 is not 0 there.",
      "   3.2. For 0 < x < 2: f = x², and f′ = 2x is not 0 there.",
      "   3.3. For x > 2: f = 2x, and f′ = 2 is not 0 there.",
      "4. The critical points: ∅."]),
    ("max(x^3, 0)", ["critical points:", "  x = 0  minimum (f = 0 there and f ≥ 0 near it (f′ = 0 from both sides, "
                     "and f is 0 just left of it and x³ just right of it))"],
     ["3. On each side of its kink x = 0, f is one polynomial on each stretch: solve f′ = 0 on each, and look at "
      "each kink from both sides:",
      "   3.1. For x < 0: f = 0 is constant, so f′ = 0 all along it.",
      "   3.2. For x > 0: f = x³, and f′ = 3x² is not 0 there.",
      "   3.3. At the kink x = 0: f′ = 0 from both sides, so it is a critical point.",
      "4. The critical points: x = 0.",
      "5. Critical all along: every point of x < 0."]),
    # the corners at x = ±2, where f′ changes sign, are critical too (as sin|x|'s at 0)
    ("abs(x^2 - 4) - x", ["critical points:",
                          "  x = -2    minimum (f = 2 there and f ≥ 2 near it (a corner, where f′ is -5 from the left "
                          "and 3 from the right))",
                          "  x = -1/2  maximum (f″ = -2 < 0)",
                          "  x = 2     minimum (f = -2 there and f ≥ -2 near it (a corner, where f′ is -5 from the left "
                          "and 3 from the right))"],
     ["3. Between its kinks x = -2 and x = 2, f is one polynomial on each stretch: solve f′ = 0 on each, and look "
      "at each kink from both sides:",
      "   3.1. For x < -2: f = x² - x - 4, and f′ = 2x - 1 is not 0 there.",
      "   3.2. For -2 < x < 2: f = 4 - x² - x, and f′ = -2x - 1 is 0 at x = -1/2.",
      "   3.3. For x > 2: f = x² - x - 4, and f′ = 2x - 1 is not 0 there.",
      "4. The critical points: x = -2, x = -1/2, x = 2."]),
])
def test_piecewise_steps_go_from_the_derivative_to_the_pieces(capsys, function, summary_lines, pieces):
    summary, steps = _solve(capsys, "critical", function, "--steps")
    assert summary[1:1 + len(summary_lines)] == summary_lines
    assert not any(line.startswith("note:") for line in summary)  # every piece solved: nothing may be missing
    top = _top(steps)
    assert top[2].startswith("2. At a critical point the derivative is 0: ")
    assert steps[steps.index(top[2]) + 1:][:len(pieces)] == pieces
    after = steps[steps.index(top[2]) + 1:]  # sympy's sign() is not factored nor solved
    assert not any("sign(" in line or "Factor" in line or "A product is 0" in line for line in after)


# ------------------------------------------------------------------ what decides a point


@pytest.mark.parametrize("function, classify", [
    ("x^4 + y^4", ["6. Classify the point:",
                   "   6.2. At (0, 0): f_xx = 0, f_yy = 0, f_xy = 0, so D = f_xx·f_yy - f_xy² = 0: not decided by "
                   "the test.",
                   "   6.3. The test cannot decide at (0, 0), but f's values can: it is a local minimum, since f = 0 "
                   "there and f ≥ 0 near it (f - f(P) = x⁴ + y⁴ is a sum of even powers with positive "
                   "coefficients)."]),
    ("x^2 + y^3", ["6. Classify the point:",
                   "   6.2. At (0, 0): f_xx = 2, f_yy = 0, f_xy = 0, so D = f_xx·f_yy - f_xy² = 0: not decided by "
                   "the test.",
                   "   6.3. The test cannot decide at (0, 0), but f's values can: it is a saddle point, since f takes "
                   "values above and below 0 near it (on the line x = 0, f - f(P) = y³, which changes sign at "
                   "y = 0)."]),
    ("x^4", ["5. Classify the point:",
             "   5.2. At 0: f″ = 0, so this is not decided by the test.",
             "   5.3. The test cannot decide at 0, but f's values can: it is a local minimum, since f = 0 there and "
             "f ≥ 0 near it (the derivatives up to order 3 are 0 there and f⁽⁴⁾ > 0)."]),
    # a kink where f′ = 0 from both sides: the test does not apply, and is not said to have been used
    ("x*abs(x)", ["5. Classify the point:",
                  "   5.1. At 0: f is -x² just left of it and x² just right of it, so the second-derivative test does "
                  "not apply.",
                  "   5.2. So f's values decide at 0: it is neither a minimum nor a maximum, since f takes values "
                  "above and below 0 near it (f′ = 0 from both sides, and f is -x² just left of it and x² just "
                  "right of it)."]),
    # f″ infinite at 0
    ("abs(x)^(3/2)", ["5. Classify the point:",
                      "   5.1. At 0: f″ has no value there, so the second-derivative test does not apply.",
                      "   5.2. So f's values decide at 0: it is a local minimum, since f = 0 there and f ≥ 0 near it "
                      "(f - f(0) = |x|^(3/2) is never negative)."]),
])
def test_the_heading_names_the_second_derivative_test_only_where_it_decides(capsys, function, classify):
    _, steps = _solve(capsys, "critical", function, "--steps")
    # the second derivatives' formulas, where the test is used, come between the heading and the points
    steps = [line for line in steps if "Differentiate" not in line or "again:" not in line]
    assert steps[-len(classify):] == classify


@pytest.mark.parametrize("function, heading", [
    ("x^2 + y^2", "6. Classify the point with the second-derivative test:"),
    ("x^2 - y^2", "6. Classify the point with the second-derivative test:"),
    ("x^3 - 3x", "7. Classify each point with the second-derivative test:"),
    ("x^4 - 3x^2 + x", "5. Classify each point with the second-derivative test:"),
])
def test_the_heading_stays_where_the_test_decides_every_point(capsys, function, heading):
    _, steps = _solve(capsys, "critical", function, "--steps")
    assert heading in steps


def test_several_points_one_of_them_by_fs_values(capsys):
    # at 3/4 the test decides, at 0 (f″ = 0) f's values do: the heading is for all the points
    _, steps = _solve(capsys, "critical", "x^3 (x - 1)", "--steps")
    at = steps.index("6. Classify each point:")
    assert steps[at + 2:at + 4] == [
        "   6.2. At 0: f″ = 0, so this is not decided by the test.",
        "   6.3. The test cannot decide at 0, but f's values can: it is neither a minimum nor a maximum, since f takes "
        "values above and below 0 near it (the derivatives up to order 2 are 0 there and f⁽³⁾ < 0)."]


@pytest.mark.parametrize("exercise", ["classify-x2y2-origin", "sauna-classify-4-4"])
def test_the_lessons_classify_exercises_keep_the_second_derivative_test(exercise):
    from tutor.steps import render_text
    text = render_text(packs.load("gradients").exercise(exercise).variant("ann").steps())
    assert "3. Classify the point with the second-derivative test:" in text.splitlines()


def test_a_minimum_found_numerically_names_the_test_only_where_it_decides(capsys):
    _, steps = _solve(capsys, "minimize", "cos(x) + x^2/10", "--steps")
    assert ("6. f′ is 0 exactly at x = 0 (put it in to check), so it is a critical point; classify it with the "
            "second-derivative test:") in steps
