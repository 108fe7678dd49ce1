"""Findings 80, 84, 85 and 64: a region's minimum is not called "only local" for what lies outside it;
xˣ's minimum is global on its domain x > 0; 0 on max(0, 1 − x²) is named as the local maximum it is;
`critical` lists the stretches where f is constant; sign(x) is refused where a derivative is needed."""

from __future__ import annotations

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["solve", *argv])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_region_says_what_is_outside_it(capsys):
    assert _solve(capsys, "minimize", "x^3 - 3x", "--region", "0<=x<=3")[1] == (
        "f(x) = x³ - 3x\nf′(x) = 3x² - 3 = 0 at x = -1 and x = 1\nminimum: f(1) = -2\nregion: 0 ≤ x ≤ 3\n"
        "local minima in the region: x = 1\nnote: outside the region, f decreases without bound\n")
    out = _solve(capsys, "minimize", "x^2 + 1/x", "--region", "0.1<=x<=5")[1]
    assert out.splitlines()[-1] == "note: outside the region, f is smaller: for example f(-0.001) ≈ -1000"
    assert "only local" not in out


def test_region_lists_a_stretch_of_minima_in_it(capsys):
    out = _solve(capsys, "minimize", "max(0, 1 - x^2)", "--region", "0<=x<=3")[1]
    assert out.splitlines()[-2:] == ["local minima in the region: every x with 1 ≤ x ≤ 3",
                                     "outside the region: every x with x ≤ -1"]


XX_NOTE = "note: f″(x) = xˣ((ln(x) + 1)² + 1/x) > 0 for every x > 0, where xˣ = e^(x ln(x)) is defined"


def test_x_to_the_x_is_least_at_one_over_e(capsys):
    assert _solve(capsys, "minimize", "x^x")[1] == (
        "f(x) = xˣ\nf′(x) = xˣ(ln(x) + 1) = 0 at x = e⁻¹ ≈ 0.367879\nminimum: f(e⁻¹) = e^(-e⁻¹) ≈ 0.692201\n"
        f"{XX_NOTE}\n")
    out = _solve(capsys, "minimize", "x^x", "--region", "0.1<=x<=2")[1]
    assert out.splitlines()[-1] == XX_NOTE and "f(-1)" not in out


def test_x_to_the_x_exercise_is_valid_and_graded(tmp_path, capsys):
    pack = tmp_path / "xx.yaml"
    pack.write_text("pack: xx\ntitle: XX\nexercises:\n  - id: b\n    kind: minimize\n    function: x^x\n")
    assert main(["pack", "validate", str(pack)]) == 0
    capsys.readouterr()
    for answer in ("e^-1", "1/e"):
        assert main(["check", "--exercise", f"{pack}:b", "--", answer]) == 0
        assert capsys.readouterr().out.startswith("correct\n")


HILL = "pack: hill\ntitle: Hill\nexercises:\n  - id: hill\n    kind: minimize\n    function: max(0, 1 - x^2)\n"


def test_zero_on_the_hill_is_its_local_maximum(tmp_path, capsys):
    pack = tmp_path / "hill.yaml"
    pack.write_text(HILL)
    main(["check", "--exercise", f"{pack}:hill", "--", "0"])
    assert capsys.readouterr().out.splitlines()[:2] == [
        "incorrect",
        "You get this answer if you gave the minimum value 0 of f, not the x where it is reached, or if you "
        "gave a critical point that is a local maximum. At 0, f″ = -2 < 0. A local minimum has no smaller "
        "values of f near it."]


STRETCH = "f = {} all along it; each point both a local minimum and a local maximum, since f is constant near it"


@pytest.mark.parametrize("function, lines", [
    ("min(x^2, 1)", ["f(x) = min(1, x²)", "critical points:", "  x = 0  minimum (f″ = 2 > 0)",
                     "critical stretches (f′ = 0 all along each):", f"  x < -1: {STRETCH.format(1)}",
                     f"  x > 1: {STRETCH.format(1)}"]),
    ("max(0, x^2 - 1)", ["f(x) = max(0, x² - 1)", "critical stretches (f′ = 0 all along each):",
                         f"  -1 < x < 1: {STRETCH.format(0)}"]),
])
def test_critical_lists_flat_stretches(capsys, function, lines):
    assert _solve(capsys, "critical", function)[1].splitlines() == lines


def test_critical_without_a_flat_stretch_decides_the_corner(capsys):
    # f′ = 0 solved on each side of the kink, and the kink looked at from both sides: it was "no critical points
    # found", with a note that some may be missing
    assert _solve(capsys, "critical", "abs(x)")[1].splitlines() == [
        "f(x) = |x|", "critical points:",
        "  x = 0  minimum (f = 0 there and f ≥ 0 near it (a corner, where f′ is -1 from the left and 1 from the right))"]


SIGN = ("sign(x) jumps where x = 0, where it has no derivative, and is flat elsewhere, where its derivative "
        "is 0: the tutor can't differentiate f with respect to x")


@pytest.mark.parametrize("argv", [
    ("minimize", "sign(x)"),
    ("minimize", "sign(x)^2"),
    ("minimize", "x^2+sign(x)"),
    ("descent", "sign(x)*x", "--start", "1.5", "--rate", "0.1", "--iterations", "2"),
    ("gradient", "sign(x) y"),
    ("partial", "sign(x)^2 + abs(x) y", "--wrt", "x"),
])
def test_sign_refused_where_a_derivative_is_needed(capsys, argv):
    assert _solve(capsys, *argv) == (2, "", f"tutor: {SIGN}\n")


def test_sign_inside_names_the_piece(capsys):
    assert _solve(capsys, "minimize", "sign(x-1)*x")[2].startswith("tutor: sign(x - 1) jumps where x - 1 = 0, ")


def test_abs_keeps_its_sign_derivative(capsys):
    assert _solve(capsys, "gradient", "abs(x) y")[1] == "f(x, y) = y|x|\n∇f = (y sign(x), |x|), where x ≠ 0\n"
    assert _solve(capsys, "minimize", "abs(x)^3")[1].splitlines()[1:] == [
        "f′(x) = x(x sign(x) + 2|x|) = 0 at x = 0", "minimum: f(0) = 0"]
