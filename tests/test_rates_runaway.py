"""A learning rate diverges only where its run runs away (finding 309): a bounded bounce oscillates,
whatever number of steps the table is cut at."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.calculus import Behaviour
from tutor.calculus.rates import compare_rates
from tutor.cli import main
from tutor.feedback import respond


@pytest.mark.parametrize("steps, reversed_pairs", [
    (10, 8), (11, 9), (12, 10), (13, 10), (14, 11), (20, 16), (30, 26), (50, 42), (1000, 894)])
def test_a_bounded_bounce_oscillates_at_every_cut(capsys, steps, reversed_pairs):
    # x stays between 0.54 and 1.35 for good; it was "diverges" at 10, 11, 14, 20, 50 and 1000 steps
    status = main(["solve", "rates", "x^4 - 3x^2 + x", "--start", "1", "--rates", "0.3", "--iterations", str(steps)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0 and lines[-2:] == [
        f"α = 0.3: oscillates ({reversed_pairs} of its {steps - 1} pairs of steps go back the way they came)",
        "no rate converges within the steps"]


@pytest.mark.parametrize("steps, largest", [(13, "21.4"), (14, "25.7"), (20, "76.7"), (30, "475"), (50, "1.82e+04")])
def test_a_run_that_grows_without_bound_diverges(capsys, steps, largest):
    status = main(["solve", "rates", "x^2", "--start", "1", "--rates", "1.1", "--iterations", str(steps)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0 and lines[-2] == (f"α = 1.1: diverges (|f′| grew from 2 to {largest} within {steps} steps, "
                                         "and keeps growing)")


def test_the_verdict_does_not_flip_with_the_steps():
    def verdicts(f, start, rate, most):
        return [compare_rates(f, None, start, [rate], steps=n).trials[0].behaviour for n in range(2, most + 1)]
    assert set(verdicts("x^4 - 3x^2 + x", 1, 0.3, 80)) == {Behaviour.OSCILLATES}
    # x → -1.2x: under ten times its start until 13 steps, oscillating so far; running away from then on
    assert verdicts("x^2", 1, 1.1, 80) == [Behaviour.OSCILLATES] * 11 + [Behaviour.DIVERGES] * 68


def test_a_wide_bounce_that_stops_widening_oscillates():
    # the bounce above with f a hundred times larger, from beside the minimum: |f′| reaches over ten
    # times 1 while it widens, then stays below 265 and stops doubling
    trial = compare_rates("100x^4 - 300x^2 + 100x", None, 1.13, [0.003], steps=100).trials[0]
    assert trial.behaviour == Behaviour.OSCILLATES and max(abs(r.gradient[0]) for r in trial.descent.rows) > 10


PACK = """\
pack: lr
exercises:
  - {id: r20, kind: learning_rate, function: x^4 - 3x^2 + x, start: 1, rates: [0.05, 0.3], iterations: 20}
  - {id: r30, kind: learning_rate, function: x^4 - 3x^2 + x, start: 1, rates: [0.05, 0.3], iterations: 30}
"""


@pytest.mark.parametrize("exercise_id", ["r20", "r30"])
def test_a_bounded_bounce_is_graded_oscillating_at_either_cut(tmp_path, exercise_id):
    (tmp_path / "lr.yaml").write_text(PACK, encoding="utf-8")
    variant = packs.load(tmp_path / "lr.yaml").exercise(exercise_id).variant()
    assert variant.expected().value == "converges, oscillates"
    right = respond(variant, "converges, oscillates")
    assert (right.verdict.value, right.message) == ("correct", "Correct.")
    wrong = respond(variant, "converges, diverges")
    assert (wrong.note, wrong.message) == (
        "misconception:oscillation-called-divergence",
        "It looks like you called α = 0.3 divergent, but it oscillates: the steps jump back and forth across the "
        "minimum without running away. A rate diverges when the values grow without bound.")


def test_one_step_is_said_in_the_singular(capsys):
    assert main(["solve", "rates", "x^2", "--start", "1", "--rates", "0.001", "--iterations", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("start 1, 1 step; ")
    assert "α = 0.001: is too slow (after 1 step |f′| = 2 is still above 0.0001)" in lines


def test_a_bounce_between_two_points_for_good_is_not_said_to_close_in(capsys):
    """Outside check h51, N1: α = 0.15 on x⁴ - 3x² + x from 2 falls from |f′| = 21 to 2.4 in two steps, then goes
    back and forth between -1.0849 and -1.4451 for good; it was told "it closes in, zigzagging" at any number of
    steps, as if more steps would help."""
    for steps in ("100", "1000"):
        status = main(["solve", "rates", "x^4 - 3x^2 + x", "--start", "2", "--rates", "0.15", "--iterations", steps])
        line = capsys.readouterr().out.splitlines()[-2]
        assert status == 0 and "closes in" not in line
        assert line.endswith("it goes back and forth between -1.445146 and -1.08491, |f′| = 2.4 at both, and more "
                             "steps bring it no closer)")


def test_a_descent_asked_for_iterations_that_bounces_for_good_says_so_in_its_steps(capsys):
    """Outside check h51, N4: α = 1 on x² goes 1, -1, 1, … and ended "stopped after 4 iterations" with no word
    of it; its steps say it too."""
    assert main(["solve", "descent", "x^2", "--start", "1", "--rate", "1", "--iterations", "4", "--steps"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "7. After 4 iterations the point is 1, where f = 1: from the start it goes back and forth between 1 and -1, "
        "|f′| = 2 at both, and more steps bring it no closer, so the steps overshoot the minimum and the learning "
        "rate is too large; try a smaller one.")


def test_the_steps_table_of_rates_keeps_each_rate_in_its_column(capsys):
    """Outside check h51, N10: cells wider than a fixed width pushed the next rate's column right, row by row."""
    assert main(["solve", "rates", "x^2 + 3y^2", "--start", "1,1", "--rates", "0.1,0.3,0.4", "--iterations", "10",
                 "--steps"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("   3.") and "k = " in line]
    assert rows[2:4] == [
        "   3.4. k = 2:  (0.64, 0.16) (1.6)                 (0.16, 0.64) (3.85331)             (0.04, 1.96) (11.7603)",
        "   3.5. k = 3:  (0.512, 0.064) (1.09363)           (0.064, -0.512) (3.07467)          (0.008, -2.744) (16.464)"]


def test_a_bounce_in_one_coordinate_while_the_other_falls_to_0_is_found(capsys):
    """Outside check h52, N1: y of x⁴ - 3x² + x + y² falls to 0 while x bounces for good; compared coordinate by
    coordinate y never repeated, and the run was said to close in."""
    assert main(["solve", "descent", "x^4 - 3x^2 + x + y^2", "--start", "2,1", "--rate", "0.15"]) == 0
    ending = capsys.readouterr().out.splitlines()[-1]
    assert "closes in" not in ending and "from step 76 on it goes back and forth between" in ending
    assert main(["solve", "descent", "x^2 + 3y^2", "--start", "1,1", "--rate", "1/3", "--iterations", "40"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(
        "from step 26 on it goes back and forth between (8.22526e-20, 1) and (2.46758e-19, -1), |∇f| = 6 at both, and "
        "more steps bring it no closer, so the steps overshoot the minimum and the learning rate is too large; try a "
        "smaller one")


@pytest.mark.parametrize("steps, towards", [("100", "0.9"), ("200", "0.9")])
def test_a_zigzag_settling_into_a_bounce_is_not_said_to_close_in(capsys, steps, towards):
    """Outside check h52, N2: |f′| fell from 3 to 0.913 in 100 steps, on its way to a bounce at 0.903: "it closes
    in" told a student that more steps would get there."""
    assert main(["solve", "rates", "x^4 - 3x^2 + x", "--start", "-1", "--rates", "0.141", "--iterations", steps]) == 0
    line = capsys.readouterr().out.splitlines()[-2]
    assert "closes in," not in line and line.endswith(
        f"but by less and less, towards about {towards}, not 0: it is settling into a bounce, not closing in)")


def test_a_rate_a_hair_below_the_bouncing_one_neither_bounces_nor_is_written_as_it(capsys):
    """Outside check h52, N6: α = 0.9999999999 on x² was said to go back and forth between 1 and -1 for good, its
    point 0.99999998 after 100 steps (closing in, by 2·10⁻¹⁰ a step), and the rates' table wrote it α = 1."""
    assert main(["solve", "descent", "x^2", "--start", "1", "--rate", "0.9999999999", "--iterations", "5"]) == 0
    assert "back and forth" not in capsys.readouterr().out
    assert main(["solve", "rates", "x^2", "--start", "1", "--rates", "0.9999999999", "--iterations", "100"]) == 0
    out = capsys.readouterr().out
    assert "α = 0.9999999999: oscillates" in out and "back and forth" not in out
