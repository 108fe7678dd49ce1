"""Finding 263: on a region bounded on both sides, f's least value may be at the region's edge, below every
local minimum in it (x³ − 3x on -3 ≤ x ≤ 3: f(-3) = -18, not the local minimum f(1) = -2). The edges are
looked at exactly, and the summary and the steps say where f is least in the region."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> list[str]:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_finding_the_edge_is_below_the_local_minimum(capsys):
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=-3<=x<=3") == [
        "f(x) = x³ - 3x",
        "f′(x) = 3x² - 3 = 0 at x = -1 and x = 1",
        "a local minimum: f(1) = -2",
        "region: -3 ≤ x ≤ 3",
        "local minima in the region: x = 1",
        "least in the region: f(-3) = -18, at its edge x = -3",
        "note: this minimum is only local: f is lower at the region's edge x = -3",
    ]


def test_the_steps_compare_the_edges_with_the_local_minima(capsys):
    steps = _solve(capsys, "minimize", "x^3 - 3x", "--region=-3<=x<=3", "--steps")
    assert steps[-2:] == [
        "10. So the local minimum in the region is x = 1.",
        "11. At the region's edges, f(-3) = -18 and f(3) = 18; f is lower at x = -3 than at every local minimum "
        "in the region, so f is least in the region there: -18.",
    ]


@pytest.mark.parametrize(("function", "region", "line"), [
    # the lesson's two valleys: on -1 ≤ x ≤ 5 the valley at 1.13 holds f ≈ -1.07, the edge -1 holds -3
    ("x^4 - 3x^2 + x", "-1<=x<=5", "least in the region: f(-1) = -3, at its edge x = -1"),
    # no local minimum in the region: f is least at an edge
    ("x^4 - 3x^2 + x", "2<=x<=5", "least in the region: f(2) = 6, at its edge x = 2"),
    ("x^2", "1<=x<=2", "least in the region: f(1) = 1, at its edge x = 1"),
    # as low at both edges
    # f′'s zeros -1 and 1 are every critical point, though outside the region: nothing is hedged (finding 290)
    ("x + 1/x", "-2<=x<=-1/2", "least in the region: f = -5/2 at its edges x = -2 and x = -1/2"),
    # an edge the region leaves out: f comes as close as you like to its value there, never to it
    ("x^3 - 3x", "-3<x<=3", "no least value in the region: f comes as close as you like to -18 near its edge "
                            "x = -3, which the region leaves out"),
])
def test_where_an_edge_is_least_the_summary_says_so(capsys, function, region, line):
    assert line in _solve(capsys, "minimize", function, f"--region={region}")


@pytest.mark.parametrize(("function", "region"), [
    # the edges f(0) = 0 and f(3) = 18 are above the local minimum f(1) = -2: as before
    ("x^3 - 3x", "0<=x<=3"),
    ("x^4 - 3x^2 + x", "0 <= x <= 5"),
    ("x^4 - 2x^2", "-2<=x<=2"),  # f(±2) = 8
    ("sin(x)", "0<=x<=7"),
    ("max(0, 1 - x^2)", "0<=x<=3"),  # as low at the edge 3 as on the stretch, not lower
])
def test_where_no_edge_is_lower_nothing_is_added(capsys, function, region):
    lines = _solve(capsys, "minimize", function, f"--region={region}")
    assert not any("least in the region" in line or "edge" in line for line in lines)
    assert not lines[2].startswith("a local")


def test_no_local_minimum_but_a_least_value_at_an_edge(capsys):
    assert _solve(capsys, "minimize", "x^3", "--region=-1<=x<=1") == [
        "f(x) = x³",
        "region: -1 ≤ x ≤ 1",
        "no local minimum: f′(x) = 3x² never changes from negative to positive",
        "least in the region: f(-1) = -1, at its edge x = -1",
    ]
    steps = _solve(capsys, "minimize", "e^x", "--region=0<=x<=1", "--steps")
    assert steps[-1] == ("6. At the region's edges, f(0) = 1 and f(1) = e ≈ 2.71828; no local minimum lies in the "
                         "region, so f is least in the region at an edge: at x = 0, where f = 1.")


def test_a_pole_in_the_region_is_no_edge_to_compare(capsys):
    # 1/x on -1 ≤ x ≤ 1 falls without bound just left of 0: it has no least value, and none is claimed
    assert not any("edge" in line for line in _solve(capsys, "minimize", "1/x", "--region=-1<=x<=1"))


# ------------------------------------------------------------------ two variables: a box's sides


def test_two_variables_the_box_side_below_the_local_minimum(capsys):
    assert _solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-3<=x<=3, -1<=y<=1")[1:] == [
        "region: -3 ≤ x ≤ 3, -1 ≤ y ≤ 1",
        "local minima in the region:",
        "  (1, 0): f = -2",
        "the least local minimum in the region: f(1, 0) = -2; it is not the global minimum",
        "least in the region: f(-3, 0) = -18, on its edge x = -3",
        "note: this minimum is only local: f is lower on the region's edge x = -3",
    ]


@pytest.mark.parametrize(("function", "region", "line"), [
    # the lesson's sauna in a larger room: its corner (7, 7) is cooler than the valley (4, 4)
    ("85 - 1/90 x^2 (x-6) y^2 (y-6)", "0<=x<=7, 0<=y<=7",
     "least in the region: f(7, 7) = 5249/90 ≈ 58.3222, on its edges x = 7 and y = 7"),
    # a saddle and no minimum: least at two corners
    ("x y", "-1<=x<=1, -1<=y<=1", "least in the region: f = -1 at (-1, 1) and (1, -1), on its edges x = -1, x = 1, "
                                  "y = -1 and y = 1"),
    # least inside a side, where f along it has its minimum
    ("x^4 - 2x^2 y^2 + y^4 + x^6 + y^6 - x^7", "1<=x<=2, 1<=y<=2",
     "least in the region: f(2, 2√3/3) = -1472/27 ≈ -54.5185, on its edge x = 2"),
])
def test_two_variables_where_a_side_is_least_the_summary_says_so(capsys, function, region, line):
    assert line in _solve(capsys, "minimize", function, f"--region={region}")


def test_two_variables_the_lessons_room_is_as_before(capsys):
    # the sauna's room: its sides are at least f(5, 4) ≈ 76.1, above the valley's 73.6
    lines = _solve(capsys, "minimize", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--region=0<=x<=5, 0<=y<=5")
    # outside check: it never said (4, 4) is the coolest spot in the room, which the lesson asks
    assert lines[-2:] == ["the minimum in the region (f is no lower on its boundary): f(4, 4) = 3313/45 ≈ 73.6222; "
                          "it is not the global minimum",
                          "note: outside the region, f decreases without bound"]


# ------------------------------------------------------------------ one variable: a region bounded on one side


def test_the_finding_a_region_bounded_on_one_side(capsys):
    # f → ∞ as x → ∞, so the least in x ≥ -3 is the smaller of the edge's -18 and the local minimum's -2
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=x >= -3") == [
        "f(x) = x³ - 3x",
        "f′(x) = 3x² - 3 = 0 at x = -1 and x = 1",
        "a local minimum: f(1) = -2",
        "region: x ≥ -3",
        "local minima in the region: x = 1",
        "least in the region: f(-3) = -18, at its edge x = -3",
        "note: this minimum is only local: f is lower at the region's edge x = -3",
    ]
    steps = _solve(capsys, "minimize", "x^3 - 3x", "--region=x >= -3", "--steps")
    assert steps[-1] == ("11. At the region's edge x = -3, f = -18, lower than at every local minimum in the region, "
                         "and f → ∞ as x → ∞, so f is least in the region there.")


def test_an_open_edge_on_a_region_bounded_on_one_side(capsys):
    lines = _solve(capsys, "minimize", "x^3 - 3x", "--region=x > -3")
    assert lines[2:] == [
        "a local minimum: f(1) = -2",
        "region: x > -3",
        "local minima in the region: x = 1",
        "no least value in the region: f comes as close as you like to -18 near its edge x = -3, which the region "
        "leaves out",
        "note: this minimum is only local: f is lower near the region's edge x = -3",
    ]
    steps = _solve(capsys, "minimize", "x^3 - 3x", "--region=x > -3", "--steps")
    assert steps[-1] == ("11. Near the region's edge x = -3, which it leaves out, f comes as close as you like to -18, "
                         "lower than at every local minimum in the region, and f → ∞ as x → ∞, so f has no least "
                         "value in the region.")


@pytest.mark.parametrize(("function", "region", "line"), [
    # the lesson's two valleys: x ≥ -1 holds the valley at 1.13 (f ≈ -1.07) and the edge -1 (f = -3)
    ("x^4 - 3x^2 + x", "x >= -1", "least in the region: f(-1) = -3, at its edge x = -1"),
    ("x^4 - 3x^2 + x", "x > -1", "no least value in the region: f comes as close as you like to -3 near its edge "
                                 "x = -1, which the region leaves out"),
    ("x^4 - 3x^2 + x", "x >= 2", "least in the region: f(2) = 6, at its edge x = 2"),
    ("e^x - 2x", "x <= 0", "least in the region: f(0) = 1, at its edge x = 0"),  # f → ∞ as x → -∞
    ("e^x - 2x", "x >= 1", "least in the region: f(1) = e - 2 ≈ 0.718282, at its edge x = 1"),
    ("x^3", "x >= 0", "least in the region: f(0) = 0, at its edge x = 0"),
    # a limit above the edge's value: (x² - 1)/(x² + 1) → 1
    ("(x^2 - 1)/(x^2 + 1)", "x >= 1/2", "least in the region: f(1/2) = -3/5, at its edge x = 1/2"),
    # as low far out as at the edge, never lower: the edge holds the least value
    ("x e^(-x)", "x >= 0", "least in the region: f(0) = 0, at its edge x = 0"),
    # a limit below every value in the region: approached, never reached
    ("1/(x^2 + 1)", "x >= 0", "no least value in the region: f comes as close as you like to 0 as x → ∞"),
    ("1/(x^2 + 1)", "x <= 3", "no least value in the region: f comes as close as you like to 0 as x → -∞"),
    ("e^(-x)", "x > 1", "no least value in the region: f comes as close as you like to 0 as x → ∞"),
])
def test_one_side_bounded_the_edge_and_the_limit_decide(capsys, function, region, line):
    assert line in _solve(capsys, "minimize", function, f"--region={region}")


@pytest.mark.parametrize(("function", "region"), [
    ("x^3 - 3x", "x >= 1/2"),  # f(1/2) = -11/8 is above f(1) = -2, and f → ∞ as x → ∞
    ("x^3 - 3x", "x > 0"),
    ("x + 1/x", "x >= 1/2"),  # f(1/2) = 5/2 is above f(1) = 2
    ("x + 1/x", "x > 0"),  # f → ∞ at the edge 0 the region leaves out
])
def test_one_side_bounded_the_local_minimum_is_least_and_the_fall_is_outside(capsys, function, region):
    lines = _solve(capsys, "minimize", function, f"--region={region}")
    assert lines[2].startswith("minimum: f(1) = ")
    assert lines[-1] == "note: outside the region, f decreases without bound"
    assert not any("least in the region" in line for line in lines)


@pytest.mark.parametrize(("function", "region", "said"), [
    ("x^3 - 3x", "x <= 3", "note: this minimum is only local: f decreases without bound"),  # as x → -∞, in it
    # f → -∞ as x → 0 from the left, in the region: said so (outside check h48, N1)
    ("x + 1/x", "x >= -3", "no least value in the region: f → -∞ as x → 0 from the left"),
    ("x + 1/x", "x > -3", "no least value in the region: f → -∞ as x → 0 from the left"),
])
def test_one_side_bounded_a_fall_in_the_region_is_no_least_value(capsys, function, region, said):
    lines = _solve(capsys, "minimize", function, f"--region={region}")
    assert said in (lines[2], lines[-1])
    assert not any("least in the region:" in line or "edge" in line for line in lines)


@pytest.mark.parametrize(("function", "region"), [
    ("x^4 - 3x^2 + x", "x >= -3"),  # the edge's 51 is above the valley's -3.51, and f → ∞
    ("e^x - 2x", "x >= -3"),  # the edge's e⁻³ + 6 is above 2 - 2 ln 2
])
def test_one_side_bounded_the_least_local_minimum_is_least_as_before(capsys, function, region):
    lines = _solve(capsys, "minimize", function, f"--region={region}")
    assert lines[2].startswith("minimum: ")
    assert not any("least in the region" in line or "edge" in line for line in lines)


def test_one_side_bounded_a_limit_not_found_is_said(capsys, monkeypatch):
    # where sympy can't find f's limit far out, the edge is still below every local minimum, and that is hedged
    import sys

    import sympy
    minimize = sys.modules["tutor.calculus.minimize"]  # the module, which its function of that name hides
    found = minimize._limit
    monkeypatch.setattr(minimize, "_limit", lambda f, v, at, direction: (
        sympy.nan if not at.is_finite else found(f, v, at, direction)))
    lines = _solve(capsys, "minimize", "x^3 - 3x", "--region=x >= -3")
    assert "least in the region: f(-3) = -18, at its edge x = -3 (unless f is lower still as x → ∞: its limit " \
           "there was not found)" in lines


# Finding 290: a cusp minimum's f′ = 0 in the region holds no minimum (x^(2/3) − x: a maximum at 8/27), but f's
# critical points, the cusp among them, are every one: its one minimum is known, region or not, and "a local" is
# said once, however many reasons make it only local
def test_the_finding_a_cusp_function_on_a_region_is_known_exactly(capsys):
    assert _solve(capsys, "minimize", "x^(2/3) - x", "--region=-1<=x<=8") == [
        "f(x) = -x + x^(2/3)",
        "f′(x) = 2/(3 x^(1/3)) - 1; the minimum is at a cusp, not where f′ = 0 (f is not differentiable at x = 0: "
        "f′ is -∞ from the left and ∞ from the right)",
        "a local minimum: f(0) = 0",
        "region: -1 ≤ x ≤ 8",
        "local minima in the region: x = 0",
        "least in the region: f(8) = -4, at its edge x = 8",
        "note: this minimum is only local: f is lower at the region's edge x = 8",
    ]


@pytest.mark.parametrize(("function", "region", "tail"), [
    # f(1) = 1 - 1 = 0, as low as the cusp's f(0) = 0: f is least at both
    ("x^(2/3) - x", "-1<=x<=1", ["minimum in the region: f = 0 at x = 0 and x = 1", "region: -1 ≤ x ≤ 1",
                                 "local minima in the region: x = 0",
                                 "least in the region: f = 0 at its edge x = 1 and at the local minimum x = 0",
                                 "note: outside the region, f decreases without bound"]),
    ("x^(2/3) - x/100", "-1<=x<=8", ["minimum: f(0) = 0", "region: -1 ≤ x ≤ 8", "local minima in the region: x = 0",
                                     "note: outside the region, f decreases without bound"]),
    ("sqrt(abs(x)) - x/10", "-1<=x<=200", [
        "a local minimum: f(0) = 0", "region: -1 ≤ x ≤ 200", "local minima in the region: x = 0",
        "least in the region: f(200) = 10√2 - 20 ≈ -5.85786, at its edge x = 200",
        "note: this minimum is only local: f is lower at the region's edge x = 200"]),
    # the cusp outside the region, as a polynomial's minimum outside it is said
    ("x^(2/3) - x", "1<=x<=8", ["no local minimum in the region", "region: 1 ≤ x ≤ 8", "outside the region: x = 0",
                                "the least local minimum, outside the region: f(0) = 0; it is not the global minimum "
                                "(f decreases without bound)",
                                "least in the region: f(8) = -4, at its edge x = 8"]),
])
def test_a_cusp_function_on_a_region_gets_no_false_notes(capsys, function, region, tail):
    assert _solve(capsys, "minimize", function, f"--region={region}")[2:] == tail


def test_finding_784_an_edge_as_low_as_the_least_local_minimum_is_named_beside_it(capsys):
    # x³ − 3x on -2 ≤ x ≤ 2: f(-2) = -8 + 6 = -2 = f(1), the closed-interval method's two minimisers
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=-2<=x<=2") == [
        "f(x) = x³ - 3x",
        "f′(x) = 3x² - 3 = 0 at x = -1 and x = 1",
        "minimum in the region: f = -2 at x = -2 and x = 1",
        "region: -2 ≤ x ≤ 2",
        "local minima in the region: x = 1",
        "least in the region: f = -2 at its edge x = -2 and at the local minimum x = 1",
        "note: outside the region, f decreases without bound",
    ]
    steps = _solve(capsys, "minimize", "x^3 - 3x", "--region=-2<=x<=2", "--steps")
    assert steps[steps.index("Steps:") + 1] == \
        "The least value of f = x³ - 3x in the region -2 ≤ x ≤ 2: f = -2 at x = -2 and x = 1"
    assert steps[-1] == ("11. At the region's edges, f(-2) = -2 and f(2) = 2; f is as low at x = -2 as at the least "
                         "local minimum in the region, so f is least in the region at x = -2 and x = 1: -2.")
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=-2<=x<=2", "--latex")[1:] == [
        r"\[ \min_{-2 \le x \le 2} f = -2 \text{ at } x = -2, x = 1 \]"]
    data = json.loads("\n".join(_solve(capsys, "minimize", "x^3 - 3x", "--region=-2<=x<=2", "--json")))
    assert data["edge_least"]["tied"] is True
    assert [p["exact"] for p in data["edge_least"]["points"]] == ["-2"]


@pytest.mark.parametrize(("function", "region", "lines"), [
    ("x^3 - 6x^2 + 9x + 2", "0<=x<=4", ["minimum in the region: f = 2 at x = 0 and x = 3",
                                        "least in the region: f = 2 at its edge x = 0 and at the local minimum x = 3"]),
    # bounded on one side: the edge, and f → ∞ far out
    ("x^3 - 3x", "x>=-2", ["minimum in the region: f = -2 at x = -2 and x = 1",
                           "least in the region: f = -2 at its edge x = -2 and at the local minimum x = 1"]),
])
def test_finding_784_ties_at_an_edge_elsewhere(capsys, function, region, lines):
    out = _solve(capsys, "minimize", function, f"--region={region}")
    assert [out[2], out[5]] == lines


def test_finding_784_an_edge_left_out_or_a_minimum_at_the_edge_is_no_tie(capsys):
    # -2 < x ≤ 2 leaves -2 out: f only comes close to -2 there, and reaches it at 1 alone
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=-2<x<=2")[2] == "minimum: f(1) = -2"
    # the minima ±1 are the edges themselves, named once
    assert _solve(capsys, "minimize", "x^4 - 2x^2", "--region=-1<=x<=1")[2:] == [
        "minimum: f = -1 at x = -1 and x = 1", "region: -1 ≤ x ≤ 1", "local minima in the region: x = -1, x = 1"]
    # a stretch of minima reaching the edge 3 is no tie with it
    assert _solve(capsys, "minimize", "max(0, 1 - x^2)", "--region=0<=x<=3")[4:] == [
        "local minima in the region: every x with 1 ≤ x ≤ 3", "outside the region: every x with x ≤ -1"]


def test_finding_784_two_variables_a_side_as_low_as_the_least_local_minimum(capsys):
    # on the side x = -2, f = -2 + y², least -2 at (-2, 0), as low as f(1, 0)
    out = _solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-2<=x<=2, -1<=y<=1")
    assert out[4:] == [
        "the least local minimum in the region: f(1, 0) = -2; it is not the global minimum",
        "least in the region: f = -2 at (-2, 0), on its edge x = -2, and at the local minimum (1, 0)",
        "note: outside the region, f decreases without bound",
    ]
    steps = _solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-2<=x<=2, -1<=y<=1", "--steps")
    assert steps[-1] == ("13. On the region's boundary f is a polynomial of one variable along each side, least at a "
                         "corner or where its derivative is 0: it is lowest at (-2, 0) (on x = -2), where f = -2, as "
                         "low as the local minimum (1, 0), so f is least in the region at both.")
    latex = _solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-2<=x<=2, -1<=y<=1", "--latex")
    assert latex[-1] == (r"\[ \min_{-2 \le x \le 2, -1 \le y \le 1} f = -2 \text{ at } \left(-2, 0\right), "
                         r"\left(1, 0\right) \]")
    data = json.loads("\n".join(_solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-2<=x<=2, -1<=y<=1",
                                       "--json")))
    assert data["edge_least"] == {"points": [["-2", "0"]], "value": {"exact": "-2", "latex": "-2", "approx": -2.0},
                                  "attained": True, "tied": True}
    # a line of minima crossing the box's sides is no tie with the sides it crosses
    assert _solve(capsys, "minimize", "(x-y)^2", "--region=0<=x<=2, 0<=y<=2")[3:] == [
        "the least: f = 0 for every (x, y) with x = y where 0 ≤ y ≤ 2; it is the global minimum"]


def test_finding_789_a_tie_names_only_the_point_in_the_region(capsys):
    # x⁴ − 2x² is -1 at x = -1 and x = 1; x ≥ 0 holds 1 only
    assert _solve(capsys, "minimize", "x^4 - 2x^2", "--region=x>=0")[2:] == [
        "minimum: f(1) = -1", "region: x ≥ 0", "local minima in the region: x = 1", "outside the region: x = -1"]
    assert _solve(capsys, "minimize", "x^4 - 2x^2", "--region=-1/2<=x<=2", "--latex")[1:] == [
        r"\[ x^* = 1 \]", r"\[ f(x^*) = -1 \]"]
    steps = _solve(capsys, "minimize", "x^4 - 2x^2", "--region=x>=0", "--steps")
    assert steps[steps.index("Steps:") + 1] == "The least value of f = x⁴ - 2x² in the region x ≥ 0: f = -1 at x = 1"


# outside check h48, N1: x + 1/x on -1 ≤ x ≤ 1 gave its local minimum f(1) = 2 as the answer, and said f falls
# without bound "outside the region", though it does as x → 0 from the left, inside it
@pytest.mark.parametrize("function, region, said, listed", [
    ("x + 1/x", "-1<=x<=1", "no least value in the region: f → -∞ as x → 0 from the left",
     "local minima in the region: x = 1"),
    ("x + 1/x", "-2<=x<0", "no least value in the region: f → -∞ as x → 0 from the left",
     "local minima in the region: none"),
    ("x^2 + 1/(x^2 - 1)", "-2<=x<=2", "no least value in the region: f → -∞ as x → -1 from the right",
     "local minima in the region: x = -√2, x = √2"),
])
def test_a_fall_beside_a_point_of_the_region_where_f_has_no_value_leaves_no_least_value(capsys, function, region,
                                                                                        said, listed):
    lines = _solve(capsys, "minimize", function, f"--region={region}")
    assert (lines[2], lines[4]) == (said, listed)
    assert not [line for line in lines if line.startswith("note:")]
    found = json.loads("\n".join(_solve(capsys, "minimize", function, f"--region={region}", "--json")))
    why = said.removeprefix("no least value in the region: ")
    assert (found["point"], found["value"], found["is_global"], found["note"]) == (None, None, False, why)
    steps = _solve(capsys, "minimize", function, f"--region={region}", "--steps")
    assert steps[steps.index("Steps:") + 1].endswith(f"has no least value in the region {region.replace('<=', ' ≤ ')}"
                                                      .replace("<", " < "))
    assert steps[-1].split(". ", 1)[1].startswith(f"But {why}, from within the region")


def test_a_pole_outside_the_region_leaves_its_least_value(capsys):
    assert _solve(capsys, "minimize", "x + 1/x", "--region=0<x<=3")[2] == "minimum: f(1) = 2"


# outside check h48, N2: x*y + 1/x + 1/y in a box holding the lines x = 0 and y = 0 gave f(1, 1) = 3 as the least,
# with notes only about values outside the box and on its boundary; f(-0.001, 1) ≈ -999 is inside it
@pytest.mark.parametrize("function, region, why, listed", [
    ("x*y + 1/x + 1/y", "-1<=x<=2, -1<=y<=2", "f → -∞ as x → 0 from the left, with y = 1", "  (1, 1): f = 3"),
    # the fall in the region, which was said as "f is smaller elsewhere"
    ("x^2 + y^2 + 1/y", "-1<=x<=1, -1<=y<=5", "f → -∞ as y → 0 from the left, with x = 0",
     "  (0, 2^(2/3)/2): f = 3·2^(1/3)/2 ≈ 1.88988"),
    # y²/x is 0 all along y = 0, the first line looked along: a third of the way across is looked along too
    # (outside check h50, N1: "the least: f(2, 0) = 0")
    ("(x-2)^2 + y^2 + y^2/x", "-1<=x<=3, -1<=y<=1", "f → -∞ as x → 0 from the left, with y = -1/3", "  (2, 0): f = 0"),
])
def test_a_fall_beside_a_line_in_a_box_where_f_has_no_value_leaves_no_least_value(capsys, function, region, why,
                                                                                   listed):
    shown = region.replace("<=", " ≤ ")
    assert _solve(capsys, "minimize", function, f"--region={region}")[1:] == [
        f"region: {shown}", "local minima in the region:", listed, f"no least value in the region: {why}"]
    found = json.loads("\n".join(_solve(capsys, "minimize", function, f"--region={region}", "--json")))
    assert (found["lowest"], found["is_global"], found["note"]) == (None, False, why)
    steps = _solve(capsys, "minimize", function, f"--region={region}", "--steps")
    assert steps[steps.index("Steps:") + 1].endswith(f"has no least value in the region {shown}")
    assert steps[-1].split(". ", 1)[1] == (f"But {why}, from within the region {shown}: f takes values there below "
                                           "any number, so no value of f in the region is the least, the local "
                                           "minima's neither.")
    assert not any("The minimum in the region" in line or "The least" in line for line in steps)


@pytest.mark.parametrize("region", ["1<=x<=2, 1<=y<=2", "0<=x<=2, 1<=y<=2"])  # f → +∞ as x → 0 from the right
def test_a_box_beside_a_line_where_f_rises_keeps_its_least(capsys, region):
    assert _solve(capsys, "minimize", "x*y + 1/x + 1/y", f"--region={region}")[4] == \
        "the least: f(1, 1) = 3; it is not the global minimum"


def test_a_fall_beside_a_point_where_a_logarithm_has_no_value_leaves_no_least_value(capsys):
    """ln(x² + y²) → -∞ at (0, 0), inside the box: said so, not that the boundary may hold the least (h50, N5)."""
    assert _solve(capsys, "minimize", "log(x^2 + y^2) + (x-1)^2 + (y-1)^2", "--region=-1<=x<=2, -1<=y<=2")[-1] == (
        "no least value in the region: f → -∞ as x → 0 from the left, with y = 0")


def test_a_minimum_with_a_cubics_root_for_a_coordinate_is_answered(capsys):
    """(x − 1)² + (y − 1)² + y²/x: its minimum's coordinates are roots of a cubic, which the search for a smaller
    value along lines through it could not evaluate: exit 70, "this is a bug" (outside check h50, N3)."""
    assert _solve(capsys, "minimize", "(x-1)^2 + (y-1)^2 + y^2/x")[1:3] == [
        "local minima:", "  (1.11208…, 0.526534…): f = 0.486028…"]
