"""Finding 292: `solve minimize --region` placed isolated minima in the region but not a line or curve of
minima: (x + y)² on 1 ≤ x ≤ 2, 1 ≤ y ≤ 2 said its least was f = 0 all along x = -y, which misses the box.
A set of minima is now placed as the critical points place one: outside, cut to its part in the region, or
whole; and the least in the region is decided over what is in it and its edges."""

from __future__ import annotations

import json

import pytest
import sympy

from tutor.calculus import region_of
from tutor.calculus.region import curve_meets_box
from tutor.cli import main
from tutor.parse import Equation


def _solve(capsys, *argv: str) -> list[str]:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_finding_a_line_of_minima_missing_the_box(capsys):
    assert _solve(capsys, "minimize", "(x+y)^2", "--region", "1<=x<=2, 1<=y<=2") == [
        "f(x, y) = (x + y)²",
        "region: 1 ≤ x ≤ 2, 1 ≤ y ≤ 2",
        "outside the region:",
        "  minima all along x = -y, f = 0",
        "no local minimum in the region",
        "the least local minimum, outside the region: f = 0 for every (x, y) with x = -y; it is the global minimum",
        "least in the region: f(1, 1) = 4, on its edges x = 1 and y = 1",
    ]


def test_a_circle_of_minima_outside_the_box(capsys):
    assert _solve(capsys, "minimize", "(x^2+y^2-1)^2", "--region", "2<=x<=3, 2<=y<=3") == [
        "f(x, y) = (x² + y² - 1)²",
        "region: 2 ≤ x ≤ 3, 2 ≤ y ≤ 3",
        "outside the region:",
        "  minima all along x² + y² = 1, f = 0",
        "no local minimum in the region",
        "the least local minimum, outside the region: f = 0 for every (x, y) with x² + y² = 1; "
        "it is the global minimum",
        "least in the region: f(2, 2) = 49, on its edges x = 2 and y = 2",
    ]


def test_a_line_touching_the_box_at_a_corner_is_in_it_there(capsys):
    assert _solve(capsys, "minimize", "(x+y)^2", "--region", "-1<=x<=2, 1<=y<=2") == [
        "f(x, y) = (x + y)²",
        "region: -1 ≤ x ≤ 2, 1 ≤ y ≤ 2",
        "minima along x = -y where y = 1, f = 0",
        "the least: f = 0 for every (x, y) with x = -y where y = 1; it is the global minimum",
    ]


def test_a_line_crossing_the_box_is_in_it_along_its_part_there(capsys):
    assert _solve(capsys, "minimize", "(x-y)^2", "--region", "0<=x<=2, 0<=y<=2") == [
        "f(x, y) = (x - y)²",
        "region: 0 ≤ x ≤ 2, 0 ≤ y ≤ 2",
        "minima along x = y where 0 ≤ y ≤ 2, f = 0",
        "the least: f = 0 for every (x, y) with x = y where 0 ≤ y ≤ 2; it is the global minimum",
    ]


def test_a_circle_inside_the_box_is_in_it_whole(capsys):
    assert _solve(capsys, "minimize", "(x^2+y^2-1)^2", "--region", "-2<=x<=2, -2<=y<=2")[2:] == [
        "minima all along x² + y² = 1, f = 0",
        "the least: f = 0 for every (x, y) with x² + y² = 1; it is the global minimum",
    ]


@pytest.mark.parametrize("region", ["0<=x<=3, 0<=y<=3", "1/2<=x<=2, 0<=y<=2"])
def test_finding_796_a_circle_the_box_cuts_is_in_it_only_in_part(capsys, region):
    # the box holds an arc of the circle only: (-1, 0) and (0, -1) are on it and outside the box
    shown = region.replace("<=", " ≤ ")
    assert _solve(capsys, "minimize", "(x^2+y^2-1)^2", "--region", region)[2:] == [
        f"minima along x² + y² = 1 where {shown}, f = 0",
        f"the least: f = 0 for every (x, y) with x² + y² = 1 where {shown}; it is the global minimum",
    ]
    data = json.loads("\n".join(_solve(capsys, "minimize", "(x^2+y^2-1)^2", "--region", region, "--json")))
    assert [(s["inside"], s["where"]) for s in data["sets"]] == [(True, shown)]


def test_finding_796_critical_points_of_a_circle_the_box_cuts(capsys):
    assert _solve(capsys, "critical", "(x^2 + y^2 - 1)^2", "--region", "1/2<=x<=2, 0<=y<=2")[2:] == [
        "critical sets in the region (every point on them is critical):",
        "  x² + y² = 1 where 1/2 ≤ x ≤ 2, 0 ≤ y ≤ 2: f = 0 all along it; minima all along it",
        "outside the region:",
        "  (0, 0)  maximum (D = 16 > 0 and f_xx = -4 < 0)",
    ]
    # a circle the box misses is outside it, not "in the region"
    assert _solve(capsys, "critical", "(x^2 + y^2 - 1)^2", "--region", "2<=x<=3, 2<=y<=3")[-2:] == [
        "critical sets outside the region:", "  x² + y² = 1: f = 0 all along it; it lies outside the region"]


def test_a_critical_line_in_the_region_is_listed_as_a_set_not_as_points(capsys):
    """Outside check h16, F8: a line alone in the region was listed under "critical points in the region:"."""
    assert _solve(capsys, "critical", "x^2 y^2", "--region", "1<=x<=2, -1<=y<=1")[2:] == [
        "critical sets in the region (every point on them is critical):",
        "  y = 0: f = 0 all along it; minima where 1 ≤ x ≤ 2",
        "critical sets outside the region:",
        "  x = 0: f = 0 all along it; it lies outside the region",
    ]


def test_of_two_least_lines_the_one_in_the_box_is_the_least(capsys):
    lines = _solve(capsys, "minimize", "x^2*y^2", "--region", "-1<=x<=2, 1<=y<=2")
    assert lines[2:] == [
        "outside the region:",
        "  minima all along y = 0, f = 0",
        "minima along x = 0 where 1 ≤ y ≤ 2, f = 0",
        "the least: f = 0 for every (x, y) with x = 0 where 1 ≤ y ≤ 2; it is the global minimum",
    ]
    steps = _solve(capsys, "minimize", "x^2*y^2", "--region", "-1<=x<=2, 1<=y<=2", "--steps")
    assert steps[-4:] == [
        "10. Keep what lies in the region -1 ≤ x ≤ 2, 1 ≤ y ≤ 2:",
        "   10.1. x = 0 meets the region where 1 ≤ y ≤ 2.",
        "   10.2. y = 0 lies outside the region.",
        "11. The least value of f at a local minimum is 0, for every (x, y) with x = 0: it is the global minimum, "
        "since f = x²y² is never negative.",
    ]


def test_the_steps_say_the_line_is_outside_and_end_at_the_boundary(capsys):
    steps = _solve(capsys, "minimize", "(x+y)^2", "--region", "1<=x<=2, 1<=y<=2", "--steps")
    assert steps[steps.index("Steps:") + 1] == "The local minima of f = (x + y)² in the region 1 ≤ x ≤ 2, 1 ≤ y ≤ 2: ∅"
    assert steps[-5:] == [
        "7. Keep what lies in the region 1 ≤ x ≤ 2, 1 ≤ y ≤ 2:",
        "   7.1. x = -y lies outside the region.",
        "8. So no local minimum lies in the region.",
        "9. The least local minimum, outside the region, is f = 0 for every (x, y) with x = -y: it is the global "
        "minimum, since f = (x + y)² is never negative.",
        "10. On the region's boundary f is a polynomial of one variable along each side, least at a corner or where "
        "its derivative is 0: it is lowest at (1, 1) (on x = 1 and y = 1), where f = 4, and no local minimum lies "
        "in it, so f is least in the region there.",
    ]


def test_the_steps_say_where_the_region_cuts_the_line(capsys):
    steps = _solve(capsys, "minimize", "(x+y)^2", "--region", "-1<=x<=2, 1<=y<=2", "--steps")
    assert steps[-3:-1] == ["7. Keep what lies in the region -1 ≤ x ≤ 2, 1 ≤ y ≤ 2:",
                            "   7.1. x = -y meets the region where y = 1."]


@pytest.mark.parametrize(("region", "inside", "where"), [
    ("1<=x<=2, 1<=y<=2", False, ""),
    ("-1<=x<=2, 1<=y<=2", True, "y = 1"),
])
def test_the_json_places_each_set(capsys, region, inside, where):
    assert main(["solve", "minimize", "(x+y)^2", "--region", region, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(s["equation"], s["value"]["exact"], s["inside"], s["where"]) for s in data["sets"]] == [
        ("x = -y", "0", inside, where)]


def test_without_a_region_a_set_is_not_placed(capsys):
    assert main(["solve", "minimize", "(x+y)^2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sets"][0]["inside"] is None


X, Y = sympy.symbols("x y")
CIRCLE = Equation(X**2 + Y**2, sympy.Integer(1))


@pytest.mark.parametrize(("region", "meets"), [
    ("2<=x<=3, 2<=y<=3", False),  # wholly outside
    ("-0.5<=x<=0.5, -0.5<=y<=0.5", False),  # the box inside the circle
    ("-2<=x<=2, -2<=y<=2", True),  # the circle inside the box: its rightmost point (1, 0) is in it
    ("0<=x<=3, 0<=y<=3", True),  # crossing two sides
    ("1<=x<=2, -1<=y<=1", True),  # touching the side x = 1 at (1, 0)
    ("-2<x<2, 1<y<2", None),  # touching only the side y = 1, which the region leaves out
    ("x^2 + y^2 <= 4", None),  # no box
])
def test_whether_a_curve_meets_a_box(region, meets):
    assert curve_meets_box(CIRCLE, (X, Y), region_of(region, ("x", "y")))[0] is meets
