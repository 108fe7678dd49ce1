"""Critical points of functions with a periodic part (finding 121): the steps say every solution of a periodic
equation (sin x = 0 when x = kπ), list those of one period or of a region's window, and the result says that
the points listed recur, as one variable's minimum says it; never a false "the points (0, 0) and (π, 0)"."""

from __future__ import annotations

import pytest
import sympy

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    """The result lines and the step lines a person sees."""
    assert main(["solve", *argv]) == 0
    out = capsys.readouterr().out
    summary, _, steps = out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


EVERY_2PI_X = ("note: ∇f repeats every 2π in x: these are the critical points with 0 ≤ x < 2π, "
               "and each recurs at x + k·2π for every integer k")


@pytest.mark.parametrize("function, case, points", [
    ("cos(x) + y^4",
     "   4.1. sin(x) = 0 and y = 0: x = kπ for every integer k; those with 0 ≤ x < 2π are the points (0, 0) and "
     "(π, 0).",
     ["  (0, 0)  saddle (f takes values above and below 1 near it (f - f(P) = y⁴ > 0 near it on the line x = 0, "
      "but cos(x) - 1 < 0 near it on the line y = 0))",
      "  (π, 0)  minimum (f = -1 there and f ≥ -1 near it (each term of f is at its least there: y⁴ ≥ 0, "
      "cos(x) ≥ -1))"]),
    ("sin(x) + y^2",
     "   4.1. cos(x) = 0 and y = 0: x = π/2 + kπ for every integer k; those with 0 ≤ x < 2π are the points "
     "(π/2, 0) and (3π/2, 0).",
     ["  (π/2, 0)   saddle (D = -2 < 0)", "  (3π/2, 0)  minimum (D = 2 > 0 and f_xx = 1 > 0)"]),
])
def test_a_periodic_x_is_a_family_and_recurs(capsys, function, case, points):
    summary, steps = _solve(capsys, "critical", function, "--steps")
    assert summary[1:] == ["critical points:", *points, EVERY_2PI_X]
    assert case in steps
    assert f"6. Note: {EVERY_2PI_X.removeprefix('note: ')}." in steps
    assert not any("may not be all" in line for line in [*summary, *steps])


def test_two_periodic_variables_each_have_their_integer(capsys):
    summary, steps = _solve(capsys, "critical", "cos(x)*cos(y)", "--steps")
    assert summary[-1] == ("note: ∇f repeats every 2π in x and every 2π in y: these are the critical points with "
                           "0 ≤ x < 2π and 0 ≤ y < 2π, and each recurs at (x + j·2π, y + k·2π) for all integers j and k")
    assert "   6.1. sin(x) = 0 and sin(y) = 0: x = jπ and y = kπ for all integers j and k; those with 0 ≤ x < 2π " \
        "and 0 ≤ y < 2π are the points (0, 0), (0, π), (π, 0) and (π, π)." in steps
    assert "   6.2. cos(y) = 0 and cos(x) = 0: x = π/2 + jπ and y = π/2 + kπ for all integers j and k; those with " \
        "0 ≤ x < 2π and 0 ≤ y < 2π are the points (π/2, π/2), (π/2, 3π/2), (3π/2, π/2) and (3π/2, 3π/2)." in steps


def test_the_period_is_the_gradients_least(capsys):
    summary, steps = _solve(capsys, "critical", "x^2 + sin(y)^2", "--steps")
    assert summary[1:] == ["critical points:", "  (0, 0)    minimum (D = 4 > 0 and f_xx = 2 > 0)",
                           "  (0, π/2)  saddle (D = -4 < 0)",
                           "note: ∇f repeats every π in y: these are the critical points with 0 ≤ y < π, and each "
                           "recurs at y + k·π for every integer k"]
    assert "   5.1. x = 0 and sin(y) = 0: y = kπ for every integer k; the one with 0 ≤ y < π is the point (0, 0)." \
        in steps


def test_one_variable_with_a_periodic_derivative(capsys):
    summary, steps = _solve(capsys, "minimize", "x + sin(x)", "--steps")
    assert summary[1] == "no local minimum: f′(x) = cos(x) + 1 never changes from negative to positive"
    assert "   3.1. cos(x) = -1: x = π + 2kπ for every integer k; the one with 0 ≤ x < 2π is the point π." in steps
    summary, _ = _solve(capsys, "critical", "x + sin(x)")
    assert summary[-1] == ("note: f′ repeats every 2π: these are the critical points with 0 ≤ x < 2π, and each "
                           "recurs at x + k·2π for every integer k")


def test_a_region_lists_every_one_in_its_window(capsys):
    summary, steps = _solve(capsys, "critical", "cos(x) + y^2", "--region", "-4<=x<=4, -1<=y<=1", "--steps")
    assert summary[1:] == ["region: -4 ≤ x ≤ 4, -1 ≤ y ≤ 1", "critical points in the region:",
                           "  (-π, 0)  minimum (D = 2 > 0 and f_xx = 1 > 0)",
                           "  (0, 0)   saddle (D = -2 < 0)",
                           "  (π, 0)   minimum (D = 2 > 0 and f_xx = 1 > 0)"]
    assert "   4.1. sin(x) = 0 and y = 0: x = kπ for every integer k; those with -4 ≤ x ≤ 4 are the points " \
        "(-π, 0), (0, 0) and (π, 0)." in steps


def test_minimize_says_the_minima_recur(capsys):
    summary, _ = _solve(capsys, "minimize", "cos(x) + y^4")
    assert summary[1:] == ["local minima:", "  (π, 0): f = -1", "the least: f(π, 0) = -1; it is the global minimum",
                           EVERY_2PI_X]


BOUNDARY_UNSEEN = "note: f's values on the region's boundary are not looked at: f may have a least value in the region there"


@pytest.mark.parametrize("function, region, minima, case", [
    ("cos(x) + y^4", "-4<=x<=4, -1<=y<=1", ["(-π, 0)", "(π, 0)"],
     "   4.1. sin(x) = 0 and y = 0: x = kπ for every integer k; those with -4 ≤ x ≤ 4 are the points (-π, 0), "
     "(0, 0) and (π, 0)."),
    ("x^2 + cos(y)", "-4<=x<=4, -4<=y<=4", ["(0, -π)", "(0, π)"],
     "   4.1. x = 0 and sin(y) = 0: y = kπ for every integer k; those with -4 ≤ y ≤ 4 are the points (0, -π), "
     "(0, 0) and (0, π)."),
    ("cos(x) + cos(y)", "-4<=x<=4, -4<=y<=4", ["(-π, -π)", "(-π, π)", "(π, -π)", "(π, π)"],
     "   4.1. sin(x) = 0 and sin(y) = 0: x = jπ and y = kπ for all integers j and k; those with -4 ≤ x ≤ 4 and "
     "-4 ≤ y ≤ 4 are the points (-π, -π), (-π, 0), (-π, π), (0, -π), (0, 0), (0, π), (π, -π), (π, 0) and (π, π)."),
])
def test_minimize_in_a_region_lists_every_minimum_in_its_window(capsys, function, region, minima, case):
    """As `solve critical --region` lists them: not one period's, which would miss (-π, 0), and no note of one."""
    summary, steps = _solve(capsys, "minimize", function, "--region", region, "--steps")
    low = -2 if function == "cos(x) + cos(y)" else -1
    points = (", ".join(minima[:-1]) + f" and {minima[-1]}") if len(minima) > 2 else " and ".join(minima)
    assert summary[2:] == ["local minima in the region:", *(f"  {p}: f = {low}" for p in minima),
                           # f is no polynomial: its values on the box's sides are not compared, but none is below
                           # the global minimum, which the box holds, so no note says they may be
                           f"the least: f = {low} at {points}; it is the global minimum"]
    assert case in steps
    assert f"9. So the local minima in the region are {points}." in steps
    assert not any("2π" in line for line in [*summary, *steps])


def test_minimize_in_a_region_without_a_minimum_in_its_window(capsys):
    """x² + cos(y) has minima at (0, ±π), beyond -1 ≤ y ≤ 1: none in the region, not none at all."""
    summary, steps = _solve(capsys, "minimize", "x^2 + cos(y)", "--region", "-4<=x<=4, -1<=y<=1", "--steps")
    assert summary[1:] == ["region: -4 ≤ x ≤ 4, -1 ≤ y ≤ 1", "no local minimum in the region", BOUNDARY_UNSEEN]
    # with no minimum in the box, nothing is "these": f may have its least value in the box on the sides
    assert steps[0] == "No local minimum of f = cos(y) + x² lies in the region -4 ≤ x ≤ 4, -1 ≤ y ≤ 1"
    assert steps[-1] == "7. No critical point in the region may be a local minimum, so f has no local minimum " \
        "in the region."


def test_minimize_in_a_region_of_a_polynomial_is_as_before(capsys):
    """Not periodic: every minimum is listed, and the region only splits them."""
    summary, steps = _solve(capsys, "minimize", "(x^2-1)^2 + y^2", "--region", "0<=x<=2, -1<=y<=1", "--steps")
    assert summary[1:] == ["region: 0 ≤ x ≤ 2, -1 ≤ y ≤ 1", "local minima in the region:", "  (1, 0): f = 0",
                           "outside the region:", "  (-1, 0): f = 0", "the least: f(1, 0) = 0; it is the global minimum"]
    assert "11. So the local minimum in the region is (1, 0)." in steps


def test_a_case_with_a_condition_in_both_variables_is_solved_in_turn_within_the_windows(capsys):
    # 591: sympy's solve of sin x + sin y = 0 and cos y = 0 gave (-π/2, π/2) beside the window's (3π/2, π/2), and
    # (π, π), (π/2, 3π/2) a period of y's (π) beyond its window, under "the equations are not polynomial"
    summary, steps = _solve(capsys, "critical", "sin(x)^3 - 3 sin(x) sin(y)^2", "--steps")
    assert summary[1:] == [
        "critical points:",
        "  (0, 0)       saddle (f takes values above and below 0 near it (on the line y = 0, f - f(P) = sin(x)³, "
        "which changes sign at x = 0))",
        "  (π/2, 0)     maximum (D = 18 > 0 and f_xx = -3 < 0)",
        "  (π/2, π/2)   undecided (no local maximum, since f - f(P) = 3 - 3 sin(y)² > 0 near it on the line x = π/2; "
        "whether it is a local minimum is not decided)",
        "  (π, 0)       saddle (f takes values above and below 0 near it (on the line y = 0, f - f(P) = sin(x)³, "
        "which changes sign at x = π))",
        "  (3π/2, 0)    minimum (D = 18 > 0 and f_xx = 3 > 0)",
        "  (3π/2, π/2)  undecided (no local minimum, since f - f(P) = 3 sin(y)² - 3 < 0 near it on the line "
        "x = 3π/2; whether it is a local maximum is not decided)",
        "note: ∇f repeats every 2π in x and every π in y: these are the critical points with 0 ≤ x < 2π and "
        "0 ≤ y < π, and each recurs at (x + j·2π, y + k·π) for all integers j and k"]
    assert "   7.4. sin(x) + sin(y) = 0 and sin(x) = 0: those with 0 ≤ x < 2π and 0 ≤ y < π are the points (0, 0) " \
        "and (π, 0)." in steps
    assert "   7.6. sin(x) + sin(y) = 0 and cos(y) = 0: the one with 0 ≤ x < 2π and 0 ≤ y < π is the point " \
        "(3π/2, π/2)." in steps


def test_points_sympy_solves_for_are_moved_into_the_windows(capsys):
    # sympy's solve of cos(x + y) + cos(x - y) = 0 = cos(x + y) - cos(x - y) lists (π/2, 0) and (3π/2, 0) only;
    # the twelfths of a period and the mirror lines find the rest, each once, in 0 ≤ x < 2π and 0 ≤ y < 2π
    summary, _ = _solve(capsys, "critical", "sin(x + y) + sin(x - y)")
    assert summary[2:] == [
        "  (0, π/2)   saddle (D = -4 < 0)",
        "  (0, 3π/2)  saddle (D = -4 < 0)",
        "  (π/2, 0)   maximum (D = 4 > 0 and f_xx = -2 < 0)",
        "  (π/2, π)   minimum (D = 4 > 0 and f_xx = 2 > 0)",
        "  (π, π/2)   saddle (D = -4 < 0)",
        "  (π, 3π/2)  saddle (D = -4 < 0)",
        "  (3π/2, 0)  minimum (D = 4 > 0 and f_xx = 2 > 0)",
        "  (3π/2, π)  maximum (D = 4 > 0 and f_xx = -2 < 0)",
        "note: ∇f repeats every 2π in x and every 2π in y: these are the critical points found with 0 ≤ x < 2π and "
        "0 ≤ y < 2π, and each recurs at (x + j·2π, y + k·2π) for all integers j and k; the equations are not "
        "polynomial, so the solutions found may not be all the critical points"]


def test_a_degenerate_point_is_decided_by_f_on_a_line_through_it(capsys):
    # 794: at (π, π) the Hessian is 0 and f is 0 all along both axes through it; along y = x, f = 2 sin x + sin 2x
    # changes sign: a saddle, where it was "undecided" and minimize's "may be a local minimum"
    summary, steps = _solve(capsys, "critical", "sin(x) + sin(y) + sin(x + y)", "--steps")
    assert summary[1:5] == [
        "critical points:",
        "  (π/3, π/3)    maximum (D = 9/4 > 0 and f_xx = -√3 ≈ -1.73205 < 0)",
        "  (π, π)        saddle (f takes values above and below 0 near it (on the line y = x, f - f(P) = 2 sin(x) + "
        "sin(2x), which changes sign at x = π))",
        "  (5π/3, 5π/3)  minimum (D = 9/4 > 0 and f_xx = √3 ≈ 1.73205 > 0)"]
    assert "   7.4. The test cannot decide at (π, π), but f's values can: it is a saddle point, since f takes values " \
        "above and below 0 near it (on the line y = x, f - f(P) = 2 sin(x) + sin(2x), which changes sign at x = π)." \
        in steps
    summary, _ = _solve(capsys, "minimize", "sin(x) + sin(y) + sin(x + y)")
    assert summary[1:3] == ["local minima:", "  (5π/3, 5π/3): f = -3√3/2 ≈ -2.59808"]



@pytest.mark.parametrize("function, summary", [
    ("x sin(x)", ["critical points:", "  x = 0  minimum (f″ = 2 > 0)",
                  "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be "
                  "missing; f′ changes sign near x ≈ -7.97867 and x ≈ -4.91318 and x ≈ -2.02876 and x ≈ 2.02876 and "
                  "x ≈ 4.91318 and x ≈ 7.97867, so there are critical points there too (looked for numerically with "
                  "-10 ≤ x ≤ 10)"]),
    ("x^2 + cos(x)", ["critical points:", "  x = 0  minimum (f″ = 1 > 0)",
                      "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be "
                      "missing"]),
])
def test_x_inside_and_outside_a_sine_is_not_given_to_sympys_solve(capsys, monkeypatch, function, summary):
    """x cos x + sin x = 0 (f = x sin x) has no solution in closed form, and sympy's solve spent about two
    seconds of CPU to say so, each time it was asked: it is no longer asked, and the result is as before."""
    def solve(*args, **kwargs):
        raise AssertionError(f"sympy's solve asked {args}")

    monkeypatch.setattr(sympy, "solve", solve)
    assert _solve(capsys, "critical", function)[0][1:] == summary


def test_a_factor_with_no_closed_form_beside_one_solved_is_said_unsolved_and_looked_for_numerically(capsys):
    # f′ = 2 cos x ((x − 1) cos x − ((x − 1)² + 1) sin x): sympy's solve had given the zeros of cos x alone, with
    # "the solutions found may not be all"; the other factor is now told unsolved, and where f′ changes sign
    summary, _ = _solve(capsys, "critical", "cos(x)^2 + (x - 1)^2 cos(x)^2")
    assert summary[1:] == [
        "critical points:",
        "  x = π/2 ≈ 1.5708    minimum (f″ = (2 - π)²/2 + 2 ≈ 2.65162 > 0)",
        "  x = 3π/2 ≈ 4.71239  minimum (f″ = (2 - 3π)²/2 + 2 ≈ 29.5637 > 0)",
        "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; f′ "
        "changes sign near x ≈ -9.51872 and x ≈ -6.41487 and x ≈ -3.35629 and x ≈ -0.438295 and x ≈ 3.47582 and "
        "x ≈ 6.45861 and x ≈ 9.53978, so there are critical points there too (looked for numerically with "
        "-10 ≤ x ≤ 10)"]
