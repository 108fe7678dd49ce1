"""Finding 475: with a region, the answer is the least in the region. x⁴ − 3x² + x on 0 ≤ x ≤ 5 has its least
local minimum at -1.30083…, outside: the answer is f(1.1309…) ≈ -1.07023, below the edges f(0) = 0 and
f(5) = 555, and the steps drop the points outside before they choose the least, as the lesson does."""

from __future__ import annotations

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> list[str]:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_finding_the_answer_is_the_least_in_the_region(capsys):
    assert _solve(capsys, "minimize", "x^4 - 3x^2 + x", "--region", "0<=x<=5") == [
        "f(x) = x⁴ - 3x² + x",
        "f′(x) = 4x³ - 6x + 1 = 0 at x = -1.30083…, x = 0.169938… and x = 1.1309…",
        "minimum in the region: f(1.1309…) = -1.07023…",
        "region: 0 ≤ x ≤ 5",
        "local minima in the region: x = 1.1309…",
        "outside the region: x = -1.30083…",
        "the least local minimum, outside the region: f(-1.30083…) = -3.5139…; it is the global minimum",
    ]


def test_the_finding_the_steps_drop_the_outside_first_and_compare_the_edges(capsys):
    lines = _solve(capsys, "minimize", "x^4 - 3x^2 + x", "--region", "0<=x<=5", "--steps")
    steps = lines[lines.index("Steps:") + 1:]
    assert steps[0] == "The least value of f = x⁴ - 3x² + x in the region 0 ≤ x ≤ 5: f = -1.07023… at x = 1.1309…"
    assert steps[-8:] == [
        "   5.4. At 1.1309…: f″ = 9.34724… > 0, so this is a local minimum.",
        "6. Keep what lies in the region 0 ≤ x ≤ 5:",
        "   6.1. -1.30083… is outside: it breaks 0 ≤ x.",
        "   6.2. 1.1309… is inside.",
        "7. So the local minimum in the region is x = 1.1309….",
        "8. The least local minimum in the region is f(1.1309…) = -1.07023….",
        "9. At the region's edges, f(0) = 0 and f(5) = 555, not below -1.07023…, so f is least in the region at "
        "x = 1.1309….",
        "10. The least local minimum, outside the region, is f(-1.30083…) = -3.5139…: it is the global minimum (f → ∞ "
        "as x → ±∞, its leading term x⁴ outgrowing the rest).",
    ]
    assert not any("global minimum" in line for line in steps[:-1])


def test_an_edge_below_the_minimum_in_the_region(capsys):
    # -1 ≤ x ≤ 5: the valley at 1.13 holds -1.07, the edge -1 holds -3; the least of all, -3.51, is outside
    lines = _solve(capsys, "minimize", "x^4 - 3x^2 + x", "--region=-1<=x<=5", "--steps")
    assert lines[2:9] == [
        "a local minimum in the region: f(1.1309…) = -1.07023…",
        "region: -1 ≤ x ≤ 5",
        "local minima in the region: x = 1.1309…",
        "outside the region: x = -1.30083…",
        "the least local minimum, outside the region: f(-1.30083…) = -3.5139…; it is the global minimum",
        "least in the region: f(-1) = -3, at its edge x = -1",
        "note: this minimum is only local: f is lower at the region's edge x = -1",
    ]
    assert "The least value of f = x⁴ - 3x² + x in the region -1 ≤ x ≤ 5: f = -3 at x = -1" in lines


@pytest.mark.parametrize(("region", "head", "last"), [
    # f falls without bound in the region: no least value there, and the minimum in it only local
    ("x<=-2", "no local minimum in the region", "note: in the region, f decreases without bound"),
    ("-5<=x<=-2", "no local minimum in the region", "least in the region: f(-5) = -110, at its edge x = -5"),
])
def test_no_local_minimum_in_the_region(capsys, region, head, last):
    lines = _solve(capsys, "minimize", "x^3 - 3x", f"--region={region}")
    assert lines[2] == head
    assert "the least local minimum, outside the region: f(1) = -2; it is not the global minimum (f decreases " \
           "without bound)" in lines
    assert lines[-1] == last


def test_a_least_local_minimum_in_the_region_is_as_before(capsys):
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region=0<=x<=3")[2:] == [
        "minimum: f(1) = -2", "region: 0 ≤ x ≤ 3", "local minima in the region: x = 1",
        "note: outside the region, f decreases without bound"]


def test_the_two_variable_window_says_the_least_in_it_alike(capsys):
    # the sauna's room holds its least local minimum; the lower one outside is said after, as in one variable
    assert _solve(capsys, "minimize", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--region=0<=x<=5, 0<=y<=5")[-2:] == [
        "the minimum in the region (f is no lower on its boundary): f(4, 4) = 3313/45 ≈ 73.6222; it is not the "
        "global minimum",
        "note: outside the region, f decreases without bound"]
    # and the steps end so too (an outside check found them still saying only "the least local minimum")
    steps = _solve(capsys, "minimize", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--region=0<=x<=5, 0<=y<=5", "--steps")
    assert steps[-1] == ("18. The minimum in the region is f(4, 4) = 3313/45 ≈ 73.6222 (f is no lower on its "
                         "boundary): it is not the global minimum (outside the region, f decreases without bound).")
    # the walls' stretches that steps 11 and 12 call minima are listed with the minima, and dropped as outside
    # (outside check h10: "11.3. … every point of it is a local minimum", then "the local minima: (4, 4)")
    assert steps[-9:-2] == [
        "13. The critical points that are local minima: (4, 4), where f = 3313/45.",
        "14. Every point of x = 0 where 6 < y is a local minimum too, where f = 85.",
        "15. Every point of y = 0 where 6 < x is a local minimum too, where f = 85.",
        "16. Keep what lies in the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5:",
        "   16.1. (4, 4) is inside.",
        "   16.2. x = 0 where 6 < y lies outside the region.",
        "   16.3. y = 0 where 6 < x lies outside the region."]
    # a region that reaches past the walls' corners keeps part of each, and lists it with the minima in it
    wider = _solve(capsys, "minimize", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--region=-1<=x<=8, 0<=y<=8", "--steps")
    assert "   16.2. x = 0 where 6 < y meets the region where 6 < y ≤ 8." in wider
    assert ("17. So the local minima in the region are (4, 4), every point of x = 0 where 6 < y ≤ 8 and every "
            "point of y = 0 where 6 < x ≤ 8.") in wider
    # a strip with no bound on y: its sides and far reaches are not looked at, and the last note says so
    assert _solve(capsys, "minimize", "(x^2 - 1)^2 + y^2 + 0.3x", "--region=0<=x<=2")[-3:] == [
        "the least: f(0.960149…, 0) = 0.294146…",
        "the least local minimum, outside the region: f(-1.03557…, 0) = -0.305428…; it is the global minimum",
        "note: f's values on the region's boundary, and far out in it if it goes on without end, are not looked at, "
        "and may be lower than these"]


# finding 604: the title named the local minimum x = 1 "the minimum", though the steps end with f least in the
# region at its edge x = -3, as the answer says
@pytest.mark.parametrize(("region", "title"), [
    ("-3<=x<=3", "The least value of f = x³ - 3x in the region -3 ≤ x ≤ 3: f = -18 at x = -3"),
    ("x>=-3", "The least value of f = x³ - 3x in the region x ≥ -3: f = -18 at x = -3"),
    # the edge left out: f has no least value in the region, and x = 1 is only its least local minimum
    ("-3<x<=3", "The least local minimum of f = x³ - 3x in the region -3 < x ≤ 3: f = -2 at x = 1"),
    # no edge below it: the least in the region too, as the steps' last line shows (outside check h10)
    ("0<=x<=3", "The least value of f = x³ - 3x in the region 0 ≤ x ≤ 3: f = -2 at x = 1"),
    ("x<=3", "The minimum of f = x³ - 3x: x = 1"),  # f falls without bound in the region: nothing more claimed
])
def test_the_steps_title_names_the_least_in_the_region(capsys, region, title):
    lines = _solve(capsys, "minimize", "x^3 - 3x", f"--region={region}", "--steps")
    assert lines[lines.index("Steps:") + 1] == title


# outside check h10, finding 7: on x > 0 the steps ended with x + 1/x's minimum "not the global minimum" and
# never said that f(1) = 2 is the least value in the region; the region's ends, or f's limits there, show it
@pytest.mark.parametrize(("f", "region", "last"), [
    ("x + 1/x", "x>0", "At the region's ends, f → ∞ as x → 0⁺ and f → ∞ as x → ∞, not below 2, so f is least in "
                       "the region at x = 1."),
    ("x^3 - 3x", "x>=1/2", "At the region's ends, f(1/2) = -11/8 and f → ∞ as x → ∞, not below -2, so f is least "
                           "in the region at x = 1."),
    ("x^3 - 3x", "0<x", "At the region's ends, f → 0 as x → 0⁺ and f → ∞ as x → ∞, not below -2, so f is least in "
                        "the region at x = 1."),
    ("x^3 - 3x", "-1<=x<=3", "At the region's edges, f(-1) = 2 and f(3) = 18, not below -2, so f is least in the "
                             "region at x = 1."),
])
def test_the_steps_show_the_least_local_minimum_least_in_the_region(capsys, f, region, last):
    lines = _solve(capsys, "minimize", f, f"--region={region}", "--steps")
    assert lines[lines.index("Steps:") + 1].startswith("The least value of f = ")
    assert lines[-1].split(". ", 1)[1] == last


# finding 668: the LaTeX answer gave x* = 1 ≈ 1, f(x*) = -2 whatever the region, where the summary and the steps
# name the least in it at its edge (or that there is none), and the minimum as only local
@pytest.mark.parametrize(("region", "latex"), [
    ("-3<=x<=3", [r"\text{a local minimum: } f(1) = -2", r"\min_{-3 \le x \le 3} f = -18 \text{ at } x = -3"]),
    ("-3<x<=3", [r"\text{a local minimum: } f(1) = -2",
                 r"\inf_{-3 < x \le 3} f = -18 \text{ (no least value: the region leaves } x = -3 \text{ out)}"]),
    ("0<=x<=3", ["x^* = 1", "f(x^*) = -2"]),  # f falls without bound only outside the region
    ("x<=3", [r"\text{a local minimum: } f(1) = -2"]),  # f falls without bound in it
    ("2<=x<=3", [r"\text{no local minimum in the region}", r"\min_{2 \le x \le 3} f = 2 \text{ at } x = 2"]),
])
def test_the_latex_answer_names_the_least_in_the_region(capsys, region, latex):
    assert _solve(capsys, "minimize", "x^3 - 3x", f"--region={region}", "--latex")[1:] == [
        rf"\[ {line} \]" for line in latex]


def test_the_latex_answer_without_a_region_calls_a_minimum_local_where_f_falls_without_bound(capsys):
    assert _solve(capsys, "minimize", "x^3 - 3x", "--latex")[1:] == [r"\[ \text{a local minimum: } f(1) = -2 \]"]
    assert _solve(capsys, "minimize", "x^4 - 2x^2", "--latex")[1:] == [r"\[ x^* \in \{-1, 1\} \]",
                                                                       r"\[ f(x^*) = -1 \]"]


def test_the_latex_answer_names_the_least_in_the_region_where_no_local_minimum_is(capsys):
    assert _solve(capsys, "minimize", "x^3", "--region=-1<=x<=1", "--latex")[1:] == [
        r"\[ \text{no local minimum} \]", r"\[ \min_{-1 \le x \le 1} f = -1 \text{ at } x = -1 \]"]
    assert _solve(capsys, "minimize", "x^3 - 3x + y^2", "--region=-3<=x<=3, -1<=y<=1", "--latex")[1:] == [
        r"\[ \left(1, 0\right): f = -2 \]",
        r"\[ \min_{-3 \le x \le 3, -1 \le y \le 1} f = -18 \text{ at } \left(-3, 0\right) \]"]


def test_the_latex_answer_is_the_least_in_the_region_where_the_least_local_minimum_is_outside(capsys):
    assert _solve(capsys, "minimize", "x^4 - 3x^2 + x", "--region", "0<=x<=5", "--latex")[1:] == [
        r"\[ \min_{0 \le x \le 5} f = -1.07023\ldots \text{ at } x = 1.1309\ldots \]"]


# finding 789: --json gave the least local minimum, outside the region, as the answer (point -1.30083…, is_global),
# with no region and nothing to say it was outside, where the text's answer is f(1.1309…) in the region
def test_the_json_answer_is_the_least_in_the_region_with_the_least_of_all_outside_after_it(capsys):
    import json
    data = json.loads("\n".join(_solve(capsys, "minimize", "x^4 - 3x^2 + x", "--region", "0<=x<=5", "--json")))
    assert data["region"] == "0 ≤ x ≤ 5"
    assert (data["point"]["exact"], data["point"]["inside"], data["value"]["exact"]) == ("1.1309…", True, "-1.07023…")
    assert data["is_global"] is False
    assert [(m["exact"], m["inside"]) for m in data["lowest"]] == [("1.1309…", True)]
    assert [(m["exact"], m["inside"]) for m in data["minima"]] == [("-1.30083…", False), ("1.1309…", True)]
    outside = data["least_outside"]
    assert (outside["point"]["exact"], outside["point"]["inside"], outside["value"]["exact"], outside["is_global"]) \
        == ("-1.30083…", False, "-3.5139…", True)


def test_the_json_answer_says_which_minima_lie_in_the_region(capsys):
    import json
    data = json.loads("\n".join(_solve(capsys, "minimize", "x^4 - 2x^2", "--region", "x>=0", "--json")))
    assert data["region"] == "x ≥ 0"
    assert [(m["exact"], m["inside"]) for m in data["minima"]] == [("-1", False), ("1", True)]
    data = json.loads("\n".join(_solve(capsys, "minimize", "x^4 - 2x^2", "--json")))
    assert data["region"] is None and [m["exact"] for m in data["minima"]] == ["-1", "1"]
    assert "inside" not in data["minima"][0]
