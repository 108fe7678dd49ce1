"""Critical points of a periodic f whose kinks go on without end (|sin x| at every kπ): the kinks and the zeros
of f′ are found in one period (or a region's bounds), each kink decided from f′'s signs on both sides, and the
list said to recur, as for sin x; `solve minimize`, the steps and a pack's exercises say the same. An f whose
kinks go on without end but which does not repeat (|sin x| + x) claims no period; where f′ does not repeat
either (|sin x| + x²), the kinks within one period of the inside each side of 0, or the region's bounds, are
decided, and the list is said to be possibly incomplete. A sum g(x) + h(y) with such a g pairs its parts' points."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    """The result lines and the step lines a person sees."""
    assert main(["solve", *argv]) == 0
    out = capsys.readouterr().out
    summary, _, steps = out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


def _corner(value: str, slope: str = "1") -> str:
    return (f"minimum (f = {value} there and f ≥ {value} near it (a corner, where f′ is -{slope} from the left and "
            f"{slope} from the right))")


def _recurs(period: str) -> str:
    return (f"note: f′ repeats every {period}: these are the critical points with 0 ≤ x < {period}, and each recurs "
            f"at x + k·{period} for every integer k")


@pytest.mark.parametrize("function, lines", [
    # f = |sin x| repeats every π: a maximum where cos x = 0, a corner minimum where sin x = 0
    ("abs(sin(x))", ["  x = 0             " + _corner("0"),
                     "  x = π/2 ≈ 1.5708  maximum (f″ = -1 < 0)", _recurs("π")]),
    ("abs(cos(x))", ["  x = 0             maximum (f″ = -1 < 0)",
                     "  x = π/2 ≈ 1.5708  " + _corner("0"), _recurs("π")]),
    # period 2π: f′ = cos x − sin x where sin x > 0 (0 at π/4), −cos x − sin x where sin x < 0 (0 at 7π/4; its
    # other zero, 3π/4, has sin x > 0); at 0 and π f′ goes from -1 to 1
    ("abs(sin(x)) + cos(x)", ["  x = 0               " + _corner("1"),
                              "  x = π/4 ≈ 0.785398  maximum (f″ = -√2 ≈ -1.41421 < 0)",
                              "  x = π ≈ 3.14159     " + _corner("-1"),
                              "  x = 7π/4 ≈ 5.49779  maximum (f″ = -√2 ≈ -1.41421 < 0)", _recurs("2π")]),
    ("abs(sin(2x))", ["  x = 0               " + _corner("0", "2"),
                      "  x = π/4 ≈ 0.785398  maximum (f″ = -4 < 0)", _recurs("π/2")]),
    ("abs(sin(x)) + abs(cos(x))", ["  x = 0               " + _corner("1"),
                                   "  x = π/4 ≈ 0.785398  maximum (f″ = -√2 ≈ -1.41421 < 0)", _recurs("π/2")]),
])
def test_a_periodic_f_has_its_corners_and_zeros_of_one_period(capsys, function, lines):
    summary, _ = _solve(capsys, "critical", function)
    assert summary[1:] == ["critical points:", *lines]


def test_a_region_lists_every_one_within_its_bounds(capsys):
    summary, steps = _solve(capsys, "critical", "abs(sin(x))", "--region", "-4 <= x <= 4", "--steps")
    assert summary[1:] == ["region: -4 ≤ x ≤ 4", "critical points in the region:",
                           "  x = -π ≈ -3.14159   " + _corner("0"),
                           "  x = -π/2 ≈ -1.5708  maximum (f″ = -1 < 0)",
                           "  x = 0               " + _corner("0"),
                           "  x = π/2 ≈ 1.5708    maximum (f″ = -1 < 0)",
                           "  x = π ≈ 3.14159     " + _corner("0")]
    assert "   3.3. For sin(x) = 0, -4 ≤ x ≤ 4: f has kinks at x = -π, x = 0 and x = π." in steps
    # the region step checks the points listed, not sympy's solutions of cos(x) = 0
    assert [line for line in steps if line.startswith("   5.")] == [
        f"   5.{i}. {p} is inside." for i, p in enumerate(("-π", "-π/2", "0", "π/2", "π"), start=1)]


def test_the_steps_say_what_the_result_says(capsys):
    summary, steps = _solve(capsys, "critical", "abs(sin(x))", "--steps")
    assert steps[0] == "The critical points of f = |sin(x)|: x = 0, x = π/2"
    assert steps[6:11] == [
        "3. f repeats every π, kinks and all, so look within one period, 0 ≤ x < π. Where each absolute value's "
        "inside keeps one sign, f has no absolute value: solve f′ = 0 for each choice of signs, and look at each "
        "kink, where an inside is 0, from both sides:",
        "   3.1. For sin(x) > 0, 0 ≤ x < π: f = sin(x), and f′ = cos(x) is 0 at x = π/2.",
        "   3.2. For sin(x) < 0: no x with 0 ≤ x < π has these signs, so there is nothing to solve.",
        "   3.3. For sin(x) = 0, 0 ≤ x < π: f has a kink at x = 0.",
        "4. The critical points: x = 0, x = π/2."]
    assert f"5. Note: {summary[-1].removeprefix('note: ')}." in steps
    assert not any("cannot solve" in line or "may be missing" in line for line in [*summary, *steps])


def test_kinks_without_end_and_no_period_claim_none(capsys):
    # |sin x| + x has a kink at every kπ and f(x + π) = f(x) + π: f does not repeat, f′ does, and only that is said
    summary, _ = _solve(capsys, "critical", "abs(sin(x)) + x")
    assert not any("f repeats" in line for line in summary)
    assert summary[-1] == _recurs("π")
    assert not any("minimum (" in line for line in summary)  # f′ ≥ 0 everywhere: no minimum


@pytest.mark.parametrize("function, corner", [
    ("abs(sin(x))", "0"), ("abs(cos(x))", "π/2"), ("abs(sin(x)) + cos(x)", "π"), ("abs(sin(2x))", "0"),
])
def test_minimize_and_critical_agree(capsys, function, corner):
    minimum, _ = _solve(capsys, "minimize", function)
    assert f"(f is not differentiable at x = {corner}: f′ is" in minimum[1]
    critical, _ = _solve(capsys, "critical", function)
    assert any(line.startswith(f"  x = {corner} ") and "minimum (" in line and "a corner" in line for line in critical)


def test_exercises_of_a_periodic_f_with_kinks(tmp_path, capsys):
    path = pack_file(tmp_path, '{id: c, kind: critical_points, function: "abs(sin(x))"}',
                 '{id: r, kind: critical_points, function: "abs(sin(x))", region: "-4 <= x <= 4"}',
                 '{id: m, kind: local_minima, function: "abs(sin(x))"}',
                 '{id: s, kind: critical_points, function: "sin(x)"}')
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: valid (4 exercises; each one's answer grades as correct)\n"
    assert main(["pack", "show", str(path), "--answers"]) == 0
    shown = capsys.readouterr().out.splitlines()
    # the key holds one period's points, so the question asks for those
    assert "   Find all critical points of f(x) = |sin(x)| with 0 ≤ x < π: each x where f′(x) = 0, or a corner " \
        "where f′ changes sign." in shown
    assert "   answer: x = 0, x = π/2" in shown
    assert "   answer: x = -π, x = -π/2, x = 0, x = π/2, x = π" in shown
    assert "   Find all critical points of f(x) = sin(x) with 0 ≤ x < 2π: each x where f′(x) = 0." in shown
    pack = packs.load(path)
    for name, right, wrong in (("c", "0, pi/2", "pi/2"), ("r", "-pi, -pi/2, 0, pi/2, pi", "-pi/2, pi/2"),
                               ("m", "0", "pi/2")):
        exercise = pack.exercise(name).variant()
        assert respond(exercise, right).correct
        assert not respond(exercise, wrong).correct
    assert main(["check", "--exercise", f"{path}:c", "--", "pi/2"]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        "incorrect", "It looks like you missed x = 0: f′ is -1 from the left and 1 from the right, so f′ changes sign at this point, "
        "where it has no value, and that makes it a critical point too."]


_UNSOLVED = "note: the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; "


@pytest.mark.parametrize("function, lines, within", [
    # f′ = ±cos x + 2x between the kinks is not solved; at each kink kπ, k ≠ 0, both slopes ±1 + 2kπ have k's sign
    ("abs(sin(x)) + x^2", ["  x = 0  " + _corner("0")], "-2π ≤ x ≤ 2π"),
    ("abs(sin(x)) + x^2/2", ["  x = 0  " + _corner("0")], "-2π ≤ x ≤ 2π"),
    # at ±π, f′ → 0 on one side (1 + cos x) and is 2 on the other: f rises through them, no extremum
    ("abs(sin(x)) + abs(x)", ["  x = 0  " + _corner("0", "2")], "-2π ≤ x ≤ 2π"),
    # |sin 2x|'s slope jump of 4 outweighs |x|'s: every kink kπ/2 is a corner minimum
    ("abs(sin(2x)) + abs(x)", [
        "  x = -π ≈ -3.14159   minimum (f = π there and f ≥ π near it (a corner, where f′ is -3 from the left and 1 "
        "from the right))",
        "  x = -π/2 ≈ -1.5708  minimum (f = π/2 there and f ≥ π/2 near it (a corner, where f′ is -3 from the left "
        "and 1 from the right))",
        "  x = 0               " + _corner("0", "3"),
        "  x = π/2 ≈ 1.5708    minimum (f = π/2 there and f ≥ π/2 near it (a corner, where f′ is -1 from the left "
        "and 3 from the right))",
        "  x = π ≈ 3.14159     minimum (f = π there and f ≥ π near it (a corner, where f′ is -1 from the left and 3 "
        "from the right))"], "-π ≤ x ≤ π"),
])
def test_kinks_without_end_of_an_f_that_does_not_repeat_are_decided_where_looked_at(capsys, function, lines, within):
    summary, _ = _solve(capsys, "critical", function)
    assert summary[1:] == ["critical points:", *lines,
                           _UNSOLVED + f"f has kinks without end, and only those with {within} were looked at"]
    minimum, _ = _solve(capsys, "minimize", function)
    assert "minimum: f(0) = 0" in minimum


def test_a_region_bounds_the_kinks_looked_at(capsys):
    summary, _ = _solve(capsys, "critical", "abs(sin(x)) + x^2", "--region", "-10 <= x <= 10")
    assert summary[1:] == ["region: -10 ≤ x ≤ 10", "critical points in the region:", "  x = 0  " + _corner("0"),
                           _UNSOLVED + "f has kinks without end, and only those with -10 ≤ x ≤ 10 were looked at"]


def test_a_corner_where_the_slope_is_zero_on_one_side_is_decided_by_its_sign_there(capsys):
    # f′ = 2x − 1 → 0 from the left of 1/2, but is negative before it, and 2 from the right: a corner minimum, as
    # minimize says (it was "no critical points: f′ is never 0")
    summary, _ = _solve(capsys, "critical", "abs(x - 1/2) + x^2")
    assert summary[1:] == ["critical points:", "  x = 1/2  minimum (f = 1/4 there and f ≥ 1/4 near it (a corner, "
                           "where f′ is 0 from the left and 2 from the right))"]


@pytest.mark.parametrize("function, lines, note", [
    ("abs(sin(x)) + y^2", [
        "  (0, 0)    minimum (f = 0 there and f ≥ 0 near it (f - f(0, 0) = |sin(x)| + y² is a sum of terms that are "
        "never negative))",
        "  (π/2, 0)  saddle (D = -2 < 0)"], "note: ∇f repeats every π in x: these are the critical points with "
     "0 ≤ x < π, and each recurs at x + k·π for every integer k"),
    ("abs(cos(x)) + abs(y)", [
        "  (π/2, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(π/2, 0) = |y| + |cos(x)| is a sum of terms that "
        "are never negative))"], "note: ∇f repeats every π in x: these are the critical points with 0 ≤ x < π, and "
     "each recurs at x + k·π for every integer k"),
    ("abs(sin(x)) + x^2 + y^2", [
        "  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(0, 0) = |sin(x)| + x² + y² is a sum of terms that "
        "are never negative))"], "note: the tutor could not solve every case of ∇f = 0 exactly, so some critical "
     "points may be missing; the kinks in x, without end, were looked at only where -2π ≤ x ≤ 2π"),
])
def test_a_sum_with_such_a_part_pairs_the_parts_points(capsys, function, lines, note):
    summary, _ = _solve(capsys, "critical", function)
    assert summary[1:] == ["critical points:", *lines, note]
    minimum, _ = _solve(capsys, "minimize", function)
    point = lines[0].split()[0] + " " + lines[0].split()[1]
    assert minimum[1:3] == ["local minima:", f"  {point}: f = 0"]


MAX_FAMILY = [
    # max(u, 0) is (u + |u|)/2: its period, kinks and one-sided slopes found as |sin x|'s; was "no critical points
    # found", and minimize's "no exact solution of f′ = 0 was found" (finding 203)
    ("max(sin(x), 0) + x/10", "x/10 + max(0, sin(x))",
     ["  x = acos(-1/10) ≈ 1.67096  maximum (f″ = -3√11/10 ≈ -0.994987 < 0)",
      "  x = π ≈ 3.14159            minimum (f = π/10 there and f ≥ π/10 near it (a corner, where f′ is -9/10 from "
      "the left and 1/10 from the right))"],
     ["f′(x) = (sign(sin(x)) + 1)cos(x)/2 + 1/10; the minimum is at a corner, not where f′ = 0 (f is not "
      "differentiable at x = π: f′ is -9/10 from the left and 1/10 from the right)",
      "a local minimum: f(π) = π/10 ≈ 0.314159",
      "local minima: x = π + 2kπ for every integer k (f′ repeats every 2π)"]),
    ("max(sin(x), 0) - x/10", "-x/10 + max(0, sin(x))",
     ["  x = 0                     minimum (f = 0 there and f ≥ 0 near it (a corner, where f′ is -1/10 from the left "
      "and 9/10 from the right))",
      "  x = acos(1/10) ≈ 1.47063  maximum (f″ = -3√11/10 ≈ -0.994987 < 0)"],
     ["f′(x) = (sign(sin(x)) + 1)cos(x)/2 - 1/10; the minimum is at a corner, not where f′ = 0 (f is not "
      "differentiable at x = 0: f′ is -1/10 from the left and 9/10 from the right)",
      "a local minimum: f(0) = 0",
      "local minima: x = 2kπ for every integer k (f′ repeats every 2π)"]),
    ("max(cos(x), 0) + x/5", "x/5 + max(0, cos(x))",
     ["  x = asin(1/5) ≈ 0.201358  maximum (f″ = -2√6/5 ≈ -0.979796 < 0)",
      "  x = π/2 ≈ 1.5708          minimum (f = π/10 there and f ≥ π/10 near it (a corner, where f′ is -4/5 from "
      "the left and 1/5 from the right))"],
     ["f′(x) = 1/5 - (sign(cos(x)) + 1)sin(x)/2; the minimum is at a corner, not where f′ = 0 (f is not "
      "differentiable at x = π/2: f′ is -4/5 from the left and 1/5 from the right)",
      "a local minimum: f(π/2) = π/10 ≈ 0.314159",
      "local minima: x = π/2 + 2kπ for every integer k (f′ repeats every 2π)"]),
]


@pytest.mark.parametrize("function, shown, points, _", MAX_FAMILY)
def test_max_of_a_periodic_part_and_zero_plus_a_line_critical(capsys, function, shown, points, _):
    assert main(["solve", "critical", function]) == 0
    assert capsys.readouterr().out.rstrip().splitlines() == [
        f"f(x) = {shown}", "critical points:", *points,
        "note: f′ repeats every 2π: these are the critical points with 0 ≤ x < 2π, and each recurs at x + k·2π for "
        "every integer k"]


@pytest.mark.parametrize("function, shown, _, lines", MAX_FAMILY[:1])  # each takes about 5 s: sympy's solve of f′ = 0
def test_max_of_a_periodic_part_and_zero_plus_a_line_minimize(capsys, function, shown, _, lines):
    assert main(["solve", "minimize", function]) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[:4] == [f"f(x) = {shown}", *lines]
