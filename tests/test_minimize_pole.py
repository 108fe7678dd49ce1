"""A pole where f falls to -∞ makes the least local minimum only local, though no point of the grid shows f lower:
x² + 1/(x² − 4) is -21.1 at 1.99, between the grid's points (finding 326). Found by sympy's one-sided limit at
each point where f has no value."""

from __future__ import annotations

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    assert main(["solve", *argv]) == 0
    summary, _, steps = capsys.readouterr().out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


@pytest.mark.parametrize("function, said", [
    ("x^2 + 1/(x^2-4)", ["minimum: f(0) = -1/4", "local minima: x = -√5, x = 0, x = √5",
                         "note: this minimum is only local: f → -∞ as x → -2 from the right"]),
    ("x^4 - 2x^2 + 1/(x-3)", ["minimum: f(1.03079…) = -1.5039…",
                              "local minima: x = -0.992062…, x = 1.03079…, x = 3.09693…",
                              "note: this minimum is only local: f → -∞ as x → 3 from the left"]),
    # the grid shows it already: a point named, as before
    ("1/x + x^2", ["minimum: f(2^(2/3)/2) = 3·2^(1/3)/2 ≈ 1.88988",
                   "note: this minimum is only local: f is smaller elsewhere, for example f(-0.001) ≈ -1000"]),
    # near misses: a pole where f rises to +∞ on both sides, and no pole at all, leave the minimum global, which the
    # ends of each piece of f's domain show (outside check h48, N8: ln(x²) + 1/x² said nothing of it)
    ("x^2 + 1/x^2", ["minimum: f = 2 at x = -1 and x = 1", "local minima: x = -1, x = 1; the least is the global minimum",
                     "note: f → ∞ as x → -∞, f → ∞ as x → 0 from the left, f → ∞ as x → 0 from the right and f → ∞ as "
                     "x → ∞, none below the minimum"]),
    ("ln(x^2) + 1/x^2", ["minimum: f = 1 at x = -1 and x = 1",
                         "local minima: x = -1, x = 1; the least is the global minimum",
                         "note: f → ∞ as x → -∞, f → ∞ as x → 0 from the left, f → ∞ as x → 0 from the right and "
                         "f → ∞ as x → ∞, none below the minimum"]),
    ("x^2 - 1/(x^2+1)", ["minimum: f(0) = -1", "note: f″(x) = 2(1 - 3x²)/(x² + 1)³ + 2 > 0 wherever f is defined"]),
])
def test_a_pole_where_f_falls_makes_the_minimum_only_local(capsys, function, said):
    summary, _ = _solve(capsys, "minimize", function)
    assert summary[2:] == said


def test_the_steps_say_it_is_not_global_and_place_a_root_s_second_derivative_by_its_sign(capsys):
    _, steps = _solve(capsys, "minimize", "x^4 - 2x^2 + 1/(x-3)", "--steps")
    assert "   7.5. At 2.89162…: f″ = -1475.05… < 0, so this is a local maximum." in steps
    assert steps[-1] == ("8. The least local minimum is f(1.03079…) = -1.5039…: it is not the global minimum (this "
                         "minimum is only local: f → -∞ as x → 3 from the left).")
