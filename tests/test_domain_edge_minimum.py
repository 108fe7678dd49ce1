"""At an edge of f's domain (x^(3/2) at 0: f has no value for x < 0), f's values near it on the side where f has
them decide it: `critical` and `minimize` both call x = 0 of x^(3/2) a local minimum, in one variable and, with
y², in two (finding 306)."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main

EDGE = "f has no value for x < 0, and f′ is positive for x just above 0"


def _solve(capsys, *argv: str) -> list[str]:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_critical_calls_the_edge_a_minimum(capsys):
    assert _solve(capsys, "critical", "x^(3/2)") == [
        "f(x) = x^(3/2)",
        "critical points:",
        f"  x = 0  minimum (f = 0 there and f ≥ 0 near it ({EDGE}))",
    ]


def test_minimize_finds_the_same_minimum(capsys):
    assert _solve(capsys, "minimize", "x^(3/2)")[1:] == ["f′(x) = 3√x/2 = 0 at x = 0", "minimum: f(0) = 0",
                                                         "note: f → ∞ as x → ∞, not below the minimum"]


def test_in_two_variables_the_edge_is_a_minimum_too(capsys):
    assert _solve(capsys, "critical", "x^(3/2) + y^2")[2] == (
        "  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f is the sum of x^(3/2), with a local minimum at x = 0, "
        "and y², with a local minimum at y = 0))")
    assert _solve(capsys, "minimize", "x^(3/2) + y^2")[1:] == [
        "local minima:", "  (0, 0): f = 0", "the least: f(0, 0) = 0; it is the global minimum"]


def test_the_steps_say_why(capsys):
    steps = _solve(capsys, "critical", "x^(3/2)", "--steps")
    assert steps[-1] == ("   5.2. So f's values decide at 0: it is a local minimum, since f = 0 there and f ≥ 0 near it "
                         f"({EDGE}).")


ROOT_END = "f has no value for x < 0, and f′ is ∞ from the right"


def test_the_end_of_root_x_is_a_critical_minimum(capsys):
    assert _solve(capsys, "critical", "sqrt(x)") == [
        "f(x) = √x", "critical points:", f"  x = 0  minimum (f = 0 there and f ≥ 0 near it ({ROOT_END}))"]
    assert _solve(capsys, "minimize", "sqrt(x)")[1:] == [
        f"f′(x) = 1/(2√x); the minimum is at an end of f's domain, not where f′ = 0 ({ROOT_END})",
        "minimum: f(0) = 0", "note: f → ∞ as x → ∞, not below the minimum"]


def test_the_steps_say_the_end_is_critical_though_f_prime_is_never_0(capsys):
    steps = _solve(capsys, "critical", "sqrt(x)", "--steps")
    assert steps[-6:-4] == [
        "3. f′ = 1/(2√x) is never 0: no point where it has a value is critical.",
        f"4. x = 0, an end of f's domain: {ROOT_END}, so f′ has no value there, and f has a local minimum there: "
        "a critical point.",
    ]


def test_minimize_no_longer_says_no_minimum_where_f_is_least_at_an_end(capsys):
    assert _solve(capsys, "minimize", "sqrt(x) - x")[1:] == [
        f"f′(x) = 1/(2√x) - 1; the minimum is at an end of f's domain, not where f′ = 0 ({ROOT_END})",
        "minimum: f(0) = 0",
        "note: this minimum is only local: f decreases without bound",
    ]


def test_a_student_missing_the_end_is_told_why_it_is_critical(tmp_path, capsys):
    path = pack_file(tmp_path, '{id: r, kind: critical_points, function: "sqrt(x)"}')
    assert main(["check", "--exercise", f"{path}:r", "--", "none"]) != 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "incorrect",
        f"It looks like you missed x = 0: {ROOT_END}, so f′ has no value there, but f has a local minimum at this "
        "end of its domain, and that makes it a critical point too.",
    ]
    assert packs.load(path).exercise("r").variant().hints()[1] == (
        "Factor f′(x); a product is zero when one of its factors is. Look too where f′(x) has no value (an end of "
        "the domain): there f's values on the side where it has them tell whether it is a local minimum or maximum.")


@pytest.mark.parametrize("function, answer", [
    ("sqrt(x)", "x = 0"),
    ("sqrt(x^2 - 1)", "x = -1, x = 1"),
    ("sqrt(x) + y^2", "(0, 0)"),
])
def test_a_local_minima_exercise_keys_the_ends_where_f_is_least(tmp_path, capsys, function, answer):
    # once refused as "can't tell whether f has one at x = 0, where f′ has no value": f's values there tell
    path = pack_file(tmp_path, f"{{id: m, kind: local_minima, function: '{function}'}}")
    assert main(["pack", "validate", str(path)]) == 0
    assert main(["check", "--exercise", f"{path}:m", "--", answer]) == 0


def test_the_gap_beside_an_end_is_said_as_it_is(capsys):
    assert _solve(capsys, "critical", "sqrt(x^2 - 1)")[2:] == [
        "  x = -1  minimum (f = 0 there and f ≥ 0 near it (f has no value for -1 < x < 1, and f′ is -∞ from the "
        "left))",
        "  x = 1   minimum (f = 0 there and f ≥ 0 near it (f has no value for -1 < x < 1, and f′ is ∞ from the right))",
    ]


# outside check h46, N3 and N4: an end of f's domain where f′ is a number other than 0 was never a minimum, so that
# x^(3/2) + x, least at 0, had "no local minimum", and x²/2 - 2x^(3/2) + 2x, as low at 0 as at 4, named 4 alone
# (a student's 0 was told "you gave the minimum value")
def test_minimize_counts_an_end_where_f_rises_with_a_slope_other_than_0(capsys):
    assert _solve(capsys, "minimize", "x^(3/2) + x")[1:] == [
        "f′(x) = 3√x/2 + 1; the minimum is at an end of f's domain, not where f′ = 0 (f has no value for x < 0, "
        "and f′ is 1 from the right)", "minimum: f(0) = 0", "note: f → ∞ as x → ∞, not below the minimum"]
    assert _solve(capsys, "minimize", "x^(3/2) + x", "--steps")[-2] == (
        "6. At 0, an end of f's domain, f′ is not 0 (f has no value for x < 0, and f′ is 1 from the right), but f is "
        "least there nearby: a local minimum.")
    assert _solve(capsys, "minimize", "x^2/2 - 2x^(3/2) + 2x")[2:] == [
        "minimum: f = 0 at x = 0 and x = 4", "local minima: x = 0, x = 4; the least is the global minimum",
        "note: f → ∞ as x → ∞, not below the minimum"]


def test_a_polynomial_only_where_a_root_has_a_value_is_least_at_that_end(capsys):
    """√x·√x + (x + 2)² is x + (x + 2)² on x ≥ 0 alone: least at 0, where it had "no local minimum" (outside
    check h46); √x·√x − 2x falls from 0 and has none."""
    assert _solve(capsys, "minimize", "sqrt(x)*sqrt(x) + (x+2)^2")[1:] == [
        "f′(x) = 2(x + 2) + 1; the minimum is at an end of f's domain, not where f′ = 0 (f has no value for x < 0, "
        "and f′ is 5 from the right)", "minimum: f(0) = 4"]
    assert _solve(capsys, "minimize", "sqrt(x)*sqrt(x) - 2x")[1] == (
        "no local minimum: f′(x) = -1 never changes from negative to positive")


def test_an_end_beside_a_cube_root_is_looked_at(capsys):
    """√x + ∛(x + 8) rises from f(0) = 2: "no local minimum", as ∛ is read sign(u)·|u|^(1/3) and sympy could not
    tell the domain of a sign (outside check h50, N2)."""
    assert _solve(capsys, "minimize", "sqrt(x) + (x+8)^(1/3)")[1:3] == [
        "f′(x) = 1/(3(x + 8)^(2/3)) + 1/(2√x); the minimum is at an end of f's domain, not where f′ = 0 (f has no "
        "value for x < 0, and f′ is ∞ from the right)", "minimum: f(0) = 2"]


def test_an_end_as_low_as_the_minimum_is_right(capsys, tmp_path):
    pack = pack_file(tmp_path, "{id: m, kind: minimize, function: x^2/2 - 2x^(3/2) + 2x}")
    for answer in ("0", "4", "0, 4"):
        assert main(["check", "--exercise", f"{pack}:m", "--", answer]) == 0, answer
    capsys.readouterr()
