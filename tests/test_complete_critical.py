"""Critical points shown to be every one where the equations are not polynomials (a factor never 0, one strictly
monotone, ∇f without a value only where f has none), and f′ = 0 left unsolved never read as "none" (313)."""
from __future__ import annotations

import pytest
import sympy

from tutor.calculus.critical import sign_changes
from tutor.cli import main


def _said(capsys, *args: str) -> list[str]:
    assert main(["solve", "critical", *args]) == 0
    return capsys.readouterr().out.rstrip().splitlines()


@pytest.mark.parametrize("function, lines, why", [
    # was: "∇f has no value where y = 0 and x = 0 … may be missing"
    ("x + y + 1/(x y)", ["critical points:", "  (1, 1)  minimum (D = 3 > 0 and f_xx = 2 > 0)"],
     "∇f has no value where y = 0 or x = 0, but f has none there either, so no point there is critical"),
    # 575: ln(xy) has no value on either axis, as ∇f's formula has none
    ("x^2 + y^2 - ln(x y)", ["critical points:", "  (-√2/2, -√2/2)  minimum (D = 16 > 0 and f_xx = 4 > 0)",
                             "  (√2/2, √2/2)    minimum (D = 16 > 0 and f_xx = 4 > 0)"],
     "∇f has no value where x = 0 or y = 0, but f has none there either, so no point there is critical"),
    # was: "the equations are not polynomial"
    ("x e^(-x^2 - y^2)", ["critical points:",
                          "  (-√2/2, 0)  minimum (D = 4e⁻¹ ≈ 1.47152 > 0 and f_xx = 2√2·e^(-1/2) ≈ 1.71553 > 0)",
                          "  (√2/2, 0)   maximum (D = 4e⁻¹ ≈ 1.47152 > 0 and f_xx = -2√2·e^(-1/2) ≈ -1.71553 < 0)"],
     "e^(-x² - y²) is positive everywhere, so never 0"),
    # was: "could not solve every case of ∇f = 0 exactly"
    ("e^x - x + y^2 - 2y", ["critical points:", "  (0, 1)  minimum (D = 2 > 0 and f_xx = 1 > 0)"],
     "eˣ - 1 is increasing, its derivative eˣ being positive, so it is 0 at one x at most"),
    ("e^x - 2x", ["critical points:", "  x = ln(2) ≈ 0.693147  minimum (f″ = 2 > 0)"],
     "eˣ - 2 is increasing, its derivative eˣ being positive, so it is 0 at one x at most"),
    # was: "the equations are not polynomial"; ln x − 1 rises on its domain, x > 0
    ("x ln(x) - 2x", ["critical points:", "  x = e ≈ 2.71828  minimum (f″ = e⁻¹ ≈ 0.367879 > 0)"],
     "ln(x) - 1 is increasing on 0 < x, its derivative 1/x being positive, so it is 0 at one x at most"),
    # outside check h10: "the equations are not polynomial", while minimize proved the minimum W(1) the only one;
    # xeˣ − 1 falls for x < -1, but f has values for x > 0 only, where it rises
    ("e^x - ln(x)", ["critical points:", "  x = W(1) ≈ 0.567143  minimum (f″ = e^(W(1)) + 1/W(1)² ≈ 4.87218 > 0)"],
     "xeˣ - 1 is increasing on 0 < x, where f has values, its derivative xeˣ + eˣ being positive, so it is 0 at one "
     "x at most"),
])
def test_the_list_is_whole_without_a_hedge_and_the_steps_say_why(capsys, function, lines, why):
    assert _said(capsys, function)[1:] == lines
    steps = _said(capsys, function, "--steps")
    assert [line.split(". ", 1)[1] for line in steps if "None is missing" in line] == [f"None is missing: {why}."]


def test_a_monotone_factor_sympy_solves_with_lambert_w_is_whole(capsys):
    # eˣ + x is increasing (its derivative eˣ + 1 > 0): x = -W(1) is its only zero
    assert _said(capsys, "e^x + x^2/2")[1:] == ["critical points:",
                                                "  x = -W(1) ≈ -0.567143  minimum (f″ = e^(-W(1)) + 1 ≈ 1.56714 > 0)"]


def test_an_unsolved_f_prime_gives_its_exact_zeros_and_the_others_near_numbers(capsys):
    # 313: "no critical points found" for x sin x, whose f′ = x cos x + sin x is 0 at x = 0 (minimize found it)
    assert _said(capsys, "x sin(x)", "--region=-1<=x<=1")[1:4] == [
        "region: -1 ≤ x ≤ 1", "critical points in the region:", "  x = 0  minimum (f″ = 2 > 0)"]
    assert _said(capsys, "x cos(x)", "--region=-4<=x<=4")[1:] == [
        "region: -4 ≤ x ≤ 4",
        "no critical points in the region",
        "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; f′ "
        "changes sign near x ≈ -3.42562 and x ≈ -0.860334 and x ≈ 0.860334 and x ≈ 3.42562, so there are critical "
        "points there too (looked for numerically with -4 ≤ x ≤ 4)"]


def test_a_periodic_factor_beside_one_never_0_lists_every_critical_point_of_a_period(capsys):
    # 313: e⁻ˣ sin x gave π/4 alone, with "not polynomial"; minimize listed 5π/4 too
    assert _said(capsys, "e^(-x) sin(x)")[1:] == [
        "critical points:",
        "  x = π/4 ≈ 0.785398  maximum (f″ = -√2·e^(-π/4) ≈ -0.644794 < 0)",
        "  x = 5π/4 ≈ 3.92699  minimum (f″ = √2·e^(-5π/4) ≈ 0.0278641 > 0)",
        "note: where f′ = 0 repeats every 2π: these are the critical points with 0 ≤ x < 2π, and each recurs at "
        "x + k·2π for every integer k"]


def test_a_pole_is_no_sign_change_of_f_prime():
    # tan x + x jumps from ∞ to -∞ at ±π/2: no zero there; it is 0 at 0 exactly and near ±2.02876
    x = sympy.Symbol("x", real=True)
    exact, near = sign_changes(sympy.tan(x) + x, x, sympy.Interval(-4, 4))
    assert exact == [0] and [round(z, 5) for z in near] == [-2.02876, 2.02876]
