"""`tutor solve minimize --steps` where f has no local minimum, or only points the test does not decide
(finding 110), and where the least local minimum is only local for a reason outside a region or at a pole of f
(finding 80): the result lines and the steps' conclusion say the same."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    """The result lines and the step lines a person sees."""
    assert main(["solve", *argv]) == 0
    out = capsys.readouterr().out
    summary, _, steps = out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


UNBOUNDED = "note: f decreases without bound, so no minimum is global"


# ------------------------------------------------------------------ two variables, no local minimum


@pytest.mark.parametrize("function, summary, headline, classified, conclusion", [
    # the lesson's saddle
    ("x^2 - y^2", ["no local minimum", UNBOUNDED], "f = x² - y² has no local minimum",
     "   6.2. At (0, 0): f_xx = 2, f_yy = -2, f_xy = 0, so D = f_xx·f_yy - f_xy² = -4 < 0: a saddle point.",
     "7. The critical point is not a local minimum, so f has no local minimum; f decreases without bound, "
     "so no minimum is global."),
    ("x y", ["no local minimum", UNBOUNDED], "f = xy has no local minimum",
     "   6.2. At (0, 0): f_xx = 0, f_yy = 0, f_xy = 1, so D = f_xx·f_yy - f_xy² = -1 < 0: a saddle point.",
     "7. The critical point is not a local minimum, so f has no local minimum; f decreases without bound, "
     "so no minimum is global."),
    ("x^3 + y^2", ["no local minimum", UNBOUNDED], "f = x³ + y² has no local minimum",
     "   6.3. The test cannot decide at (0, 0), but f's values can: it is a saddle point, since f takes values "
     "above and below 0 near it (on the line y = 0, f - f(P) = x³, which changes sign at x = 0).",
     "7. The critical point is not a local minimum, so f has no local minimum; f decreases without bound, "
     "so no minimum is global."),
    ("x^2 + x y^2 + y^4/8", ["no local minimum"], "f = y⁴/8 + xy² + x² has no local minimum",
     "   8.3. The test cannot decide at (0, 0), but f's values can: it is a saddle point, since f takes values "
     "above and below 0 near it (f - f(P) = x² + higher powers of x on the line y = 0, but -y⁴/8 + higher powers "
     "of y on the parabola x = -y²/2).",
     "9. The critical point is not a local minimum, so f has no local minimum."),
    # no critical point at all: ∂f/∂x = eˣ is never 0
    ("e^x + y^2", ["no local minimum"], "f = eˣ + y² has no local minimum",
     "4. ∂f/∂x = eˣ is positive everywhere, so never 0: no point is critical.",
     "6. With no critical point, f has no local minimum."),
])
def test_no_local_minimum_has_steps_that_classify_each_critical_point(capsys, function, summary, headline,
                                                                       classified, conclusion):
    lines, steps = _solve(capsys, "minimize", function, "--steps")
    assert lines[1:] == summary
    assert steps[0] == headline
    assert classified in steps
    assert steps[-1] == conclusion


@pytest.mark.parametrize("function, summary, conclusion", [
    # (x² − y²)² + x⁶ + y⁶ − x⁷: (0, 0) is no point the tutor's rules decide (x⁴ + y⁴ − x⁵ and cos(x) + y⁴
    # were, until the lowest-degree terms and f's terms decided them)
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6 - x^7", ["(0, 0) is a critical point the test does not decide: it may be a local minimum", UNBOUNDED],
     "11. No critical point is shown to be a local minimum, but (0, 0) is not decided: it may be one; f decreases "
     "without bound, so no minimum is global."),
])
def test_points_the_test_does_not_decide_are_named_in_the_steps_as_in_the_summary(capsys, function, summary,
                                                                                   conclusion):
    lines, steps = _solve(capsys, "minimize", function, "--steps")
    assert lines[1:] == summary
    assert steps[0].startswith("No local minimum of f = ") and steps[0].endswith(" was found")
    assert steps[-1] == conclusion


def test_what_may_be_a_minimum_outside_the_region_is_not_called_no_minimum_at_all(capsys):
    # (0, 0), undecided, lies outside: "no local minimum" alone would say too much
    lines, steps = _solve(capsys, "minimize", "x^4 - 2x^2 y^2 + y^4 + x^6 + y^6 - x^7", "--region", "1<=x<=2, 1<=y<=2", "--steps")
    # f is least in the box on its side x = 2, where f(2, y) has its minimum at y = 2/√3
    assert lines[1:] == ["region: 1 ≤ x ≤ 2, 1 ≤ y ≤ 2", "no local minimum in the region",
                         "least in the region: f(2, 2√3/3) = -1472/27 ≈ -54.5185, on its edge x = 2",
                         "note: outside the region, f decreases without bound"]  # a bounded box holds no fall
    assert steps[0] == "No local minimum of f = -x⁷ + x⁶ + y⁶ + x⁴ - 2x²y² + y⁴ lies in the region 1 ≤ x ≤ 2, 1 ≤ y ≤ 2"
    assert steps[-4:-1] == [
        "11. Keep what lies in the region 1 ≤ x ≤ 2, 1 ≤ y ≤ 2:",
        "   11.1. (0, 0) is outside: it breaks 1 ≤ x.",
        "12. No critical point in the region may be a local minimum, so f has no local minimum in the region; "
        "outside the region, f decreases without bound."]


@pytest.mark.parametrize("function", ["x^2 - y^2", "x^3 + y^2", "x y", "x^2 + x y^2 + y^4/8", "x^4 - 2x^2 y^2 + y^4 + x^6 + y^6 - x^7",
                                      "x^3", "e^x"])
def test_json_has_the_steps_where_there_is_no_minimum(capsys, function):
    assert main(["solve", "minimize", function, "--steps", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["steps"]["rule"] in ("no_minimum", "no_minimum_found")
    assert data["minima"] == []


# ------------------------------------------------------------------ one variable, no local minimum


@pytest.mark.parametrize("function, slope, classified", [
    ("x^3", "3x²", "   5.3. The test cannot decide at 0, but f's values can: it is neither a minimum nor a maximum, "
                   "since f takes values above and below 0 near it (the derivatives up to order 2 are 0 there and "
                   "f⁽³⁾ > 0)."),
    ("e^x", "eˣ", "3. f′ = eˣ is positive everywhere, so never 0: no point is critical."),
    ("e^(-x^2)", "-2x e^(-x²)", "   6.2. At 0: f″ = -2 < 0, so this is a local maximum."),
    ("x + e^x", "eˣ + 1", "3. f′ = eˣ + 1 is positive everywhere, so never 0: no point is critical."),
])
def test_one_variable_no_minimum_is_the_answer_with_its_steps(capsys, function, slope, classified):
    lines, steps = _solve(capsys, "minimize", function, "--steps")
    assert lines[1:] == [f"no local minimum: f′(x) = {slope} never changes from negative to positive"]
    assert steps[0] == f"{lines[0].replace('f(x)', 'f')} has no local minimum"
    assert classified in steps
    assert steps[-1].endswith(f". f′(x) = {slope} never changes from negative to positive, so f has no local minimum.")


# ------------------------------------------------------------------ what makes the least only local


@pytest.mark.parametrize("function, region, least, note", [
    ("x^3 - 3x + y^2", "0<=x<=3, -1<=y<=1", "f(1, 0) = -2",
     "outside the region, f decreases without bound"),
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", "0<=x<=5, 0<=y<=5", "f(4, 4) = 3313/45 ≈ 73.6222",
     "outside the region, f decreases without bound"),
    # a region that is not bounded may hold the fall: the note stands as f's, and says it is not looked for there
    ("x^3 - 3x + y^2", "0<=x, -1<=y<=1", "f(1, 0) = -2", "f decreases without bound, so no minimum is global; "
     "whether it does in the region is not looked at"),
    ("x^2 + y^2 + 1/x", "0.1<=x<=5, -1<=y<=1", "f(0.5·2^(2/3), 0) = 1.5·2^(1/3) ≈ 1.88988",
     "outside the region, f is smaller: for example f(-0.001, 0) ≈ -1000"),
    ("x^2 + y^2 + 1/y", "-1<=x<=1, 0.1<=y<=5", "f(0, 0.5·2^(2/3)) = 1.5·2^(1/3) ≈ 1.88988",
     "outside the region, f is smaller: for example f(0, -0.001) ≈ -1000"),
    # (the smaller value in the region, x² + y² + 1/y on -1 ≤ x ≤ 1, -1 ≤ y ≤ 5: no least value in it, in
    # test_region_edges.py)
])
def test_in_a_region_what_makes_the_least_only_local_is_said_as_outside(capsys, function, region, least, note):
    lines, steps = _solve(capsys, "minimize", function, "--region", region, "--steps")
    # where f is no polynomial (1/x), its values on the box's sides are not compared, and a last note says so
    unseen = ["note: f's values on the region's boundary are not looked at, and may be lower than these"] * (
        "+ 1/" in function) or ["note: f's values on the region's boundary, and far out in it if it goes on without "
                                "end, are not looked at, and may be lower than these"] * ("0<=x," in region)
    # a bounded box whose boundary was looked at, no lower: its minimum (an outside check found it never said so)
    title = "the least" if unseen or "only local" in note else "the minimum in the region (f is no lower on its boundary)"
    assert lines[-2 - len(unseen):] == [f"{title}: {least}; it is not the global minimum", f"note: {note}", *unseen]
    # the steps end as the answer does (the minimum in the region where the boundary was looked at)
    said = ("The least local minimum in the region is {}" if title == "the least" else
            "The minimum in the region is {} (f is no lower on its boundary)").format(least)
    assert steps[-1].endswith(f" {said}: it is not the global minimum ({note}).")


@pytest.mark.parametrize("function, least, smaller", [
    # f → -∞ at a pole, which no rule for polynomials sees: found as one variable finds it, on a line through
    # the minimum
    ("x^2 + y^2 + 1/x", "f(2^(2/3)/2, 0) = 3·2^(1/3)/2 ≈ 1.88988", "f(-0.001, 0) ≈ -1000"),
    ("x^2 + y^2 + 1/y", "f(0, 2^(2/3)/2) = 3·2^(1/3)/2 ≈ 1.88988", "f(0, -0.001) ≈ -1000"),
    ("x^2 + y^2 + 1/(x - 1)", "f(1.56519…, 0) = 4.21913…", "f(0.99, 0) ≈ -99.0199"),
])
def test_a_pole_makes_the_only_local_minimum_not_global(capsys, function, least, smaller):
    lines, steps = _solve(capsys, "minimize", function, "--steps")
    note = f"this minimum is only local: f is smaller elsewhere, for example {smaller}"
    assert lines[-2:] == [f"the least: {least}; it is not the global minimum", f"note: {note}"]
    assert steps[-1].endswith(f" The least of these values is {least}: it is not the global minimum ({note}).")


@pytest.mark.parametrize("function, line", [
    # x² - 8/(x² + 1) + y²: each part least at its one minimum, x²'s shown global by its ends (→ ∞ both ways)
    ("x^2 + y^2 - 8/(x^2+1)", "the least: f(0, 0) = -8; it is the global minimum"),
    # (x² + y² + eˣ is a sum of parts in x and in y, each least at its one minimum: global, told from them)
    ("x^2 + x y/4 + y^2 + e^x", "the least: f(-W(32/63), W(32/63)/8) = e^(-W(32/63)) + 63W(32/63)²/64 ≈ 0.825228; "
                                "whether it is the global minimum is not known for sure"),
    ("x^2 + y^2 + e^x", "the least: f(-W(1/2), 0) = e^(-W(1/2)) + W(1/2)² ≈ 0.827184; it is the global minimum"),
])
def test_where_no_smaller_value_is_found_the_verdict_stands(capsys, function, line):
    lines, _ = _solve(capsys, "minimize", function)
    assert line in lines


def test_a_least_only_local_keeps_the_note_that_critical_points_may_be_missing(capsys):
    # y³ sin y has a minimum near every other zero of 3 sin y + y cos y, which sympy can't list: saying the
    # least is only local must not hide that the minima listed may not be all of them
    lines, _ = _solve(capsys, "minimize", "x^4 + y^3 sin(y)")
    assert lines[1:] == [
        "local minima:", "  (0, 0): f = 0", "the least: f(0, 0) = 0; it is not the global minimum",
        "note: the tutor could not solve every case of ∇f = 0 exactly, so some critical points may be missing; this "
        "minimum is only local: f is smaller elsewhere, for example f(0, -9800) ≈ -9.22751e11"]


@pytest.mark.parametrize("function, said", [
    ("x^2 + ln(x^2)/10", "f′(x) = 2x + 1/(5x) changes from negative to positive only where f has no value: at x = 0, "
                         "where f → -∞"),
    ("ln(x^2) + x^2", "f′(x) = 2x + 2/x changes from negative to positive only where f has no value: at x = 0, "
                      "where f → -∞"),
    ("x^2 + e^(-1/x^2) - 1", "f′(x) = 2 e^(-1/x²)/x³ + 2x changes from negative to positive only where f has no "
                             "value: at x = 0, where f → -1"),
    # near misses: f′ < 0 on both sides of the pole, so it never changes so; ln x: no sign beyond its domain's end
    ("1/x", "f′(x) = -1/x² never changes from negative to positive"),
    ("ln(x)", "f′(x) = 1/x never changes from negative to positive where f has a value"),
])
def test_a_slope_that_rises_only_across_a_pole_is_said_so(capsys, function, said):
    # f′ < 0 left of 0 and > 0 right of it: "never changes from negative to positive" would be false (finding 335)
    lines, steps = _solve(capsys, "minimize", function, "--steps")
    assert lines[1:] == [f"no local minimum: {said}"]
    assert steps[-1].endswith(f". {said}, so f has no local minimum.")


def test_finding_795_a_region_that_is_no_box_says_what_is_not_known(capsys):
    # x + y² on x ≥ 1 is least at (1, 0), f = 1: f falls without bound only as x → -∞, outside the region
    lines, steps = _solve(capsys, "minimize", "x + y^2", "--region", "x >= 1", "--steps")
    assert lines[1:] == [
        "region: x ≥ 1",
        "no local minimum",
        "note: f decreases without bound, so no minimum is global; whether it does in the region is not looked at",
        "note: f's values on the region's boundary, and far out in it if it goes on without end, are not looked at: "
        "f may have a least value in the region there",
    ]
    assert steps[-1] == ("6. With no critical point, f has no local minimum; f decreases without bound, so no minimum "
                         "is global; whether it does in the region is not looked at.")
    # the triangle holds no local minimum; f is least on its edge x + y = 2, at (1, 1), which is not looked at
    assert _solve(capsys, "minimize", "(x-3)^2 + (y-3)^2", "--region", "x + y <= 2, x >= 0, y >= 0")[0][-2:] == [
        "the least local minimum, outside the region: f(3, 3) = 0; it is the global minimum",
        "note: f's values on the region's boundary, and far out in it if it goes on without end, are not looked at: "
        "f may have a least value in the region there"]
    # on a box, the fall is outside it
    assert _solve(capsys, "minimize", "x + y^2", "--region", "1<=x<=3, -1<=y<=1")[0][-2:] == [
        "least in the region: f(1, 0) = 1, on its edge x = 1", "note: outside the region, f decreases without bound"]
