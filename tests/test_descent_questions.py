"""Descent exercises as a student sees them: the picture before an answer is framed by the question alone
(finding 260), where descent ends is told by what the iterations do, a step that jumps a hill included
(finding 267), the last of several jumps and every hill a step crosses (finding 280), a start already at the bottom
is refused for every descent kind alike (finding 275), and an end as low as another minimum is said as a tie
(finding 288)."""

from __future__ import annotations

import pytest
from pack_files import pack_text

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond
from tutor.steps import render_text

LESSON = packs.load("gradients")


def _pack(tmp_path, *lines: str):
    return packs.load_text(pack_text(*lines), "p.yaml", tmp_path)


# ------------------------------------------------------------------ 260: the question picture


def _frames(figure) -> set:
    return {panel.limits for panel in figure.panels}


def test_the_learning_rate_question_picture_frames_every_panel_alike_whatever_the_rates_do():
    # the lesson's x² from 1: the panel of α = 1.1 spanned -45 … 50 (it diverges), that of α = 0.001 0.95 … 1.01
    problem = LESSON.exercise("learning-rates-x2").variant().problem
    question = problem.question_figure()
    assert [p.title for p in question.panels] == ["α = 1.1", "α = 0.9", "α = 0.25", "α = 0.001"]
    assert len(_frames(question)) == 1
    assert len(_frames(problem.figure())) == 4  # the answer's panels follow each path
    (((low, high), _),) = _frames(question)
    assert low < 0 < 1 < high  # the start, and the bottom at 0, in view


@pytest.mark.parametrize("function, start, rates", [
    ("x^2", "1", ("1.1", "0.001")),
    ("e^x - ln(x)", "0.05", ("0.2", "0.005")),
    ("x^4 - 3x^2 + x", "1", ("0.3", "0.01")),
    ("x^2 + 2y^2", "[1, 1]", ("0.6", "0.01")),
])
def test_a_descent_question_picture_is_the_same_for_any_rate(tmp_path, function, start, rates):
    """The frame comes from f and the start: a diverging and a too slow rate draw alike, and one step of
    descent is framed as ten times shorter steps are."""
    fast, slow = rates
    pack = _pack(tmp_path,
                 f"{{id: both, kind: learning_rate, function: '{function}', start: {start}, rates: [{fast}, {slow}], "
                 "iterations: 10}",
                 f"{{id: one, kind: learning_rate, function: '{function}', start: {start}, rates: [{slow}], "
                 "iterations: 10}",
                 f"{{id: fast, kind: gradient_descent, function: '{function}', start: {start}, rate: {slow}, "
                 "iterations: 3}",
                 f"{{id: slow, kind: gradient_descent, function: '{function}', start: {start}, "
                 f"rate: {float(slow) / 10}, iterations: 3}}")
    frames = set().union(*(_frames(pack.exercise(i).variant().problem.question_figure())
                           for i in ("both", "one", "fast", "slow")))
    assert len(frames) == 1


def test_the_descent_end_question_picture_holds_every_valley_it_may_end_in(tmp_path):
    # it was framed on 0.98 … 1.16, the valley of the answer 1.1309 alone
    question = LESSON.exercise("local-minima-1d-end").variant().problem.question_figure()
    (((low, high), _),) = _frames(question)
    assert low < -1.30084 and high > 1.1309
    pack = _pack(tmp_path,
                 "{id: a, kind: local_minima, function: 'x^4 - 3x^2 + x', ask: end, start: 1, rate: 0.05}",
                 "{id: b, kind: local_minima, function: 'x^4 - 3x^2 + x', ask: end, start: 1, rate: 0.001}")
    assert _frames(pack.exercise("a").variant().problem.question_figure()) == \
        _frames(pack.exercise("b").variant().problem.question_figure())


# ------------------------------------------------------------------ 267: a step that jumps a hill

JUMPS = ("{id: a, kind: local_minima, function: 'x^4 - 3x^2 + x', ask: end, start: 2, rate: 0.1, tolerance: 'dp:4'}",
         "{id: b, kind: local_minima, function: 'x^4 - 3x^2 + x', ask: end, start: -2, rate: 0.15, tolerance: 'dp:4'}",
         "{id: c, kind: local_minima, function: '(x^2 - 1)^2 + y^2', ask: end, start: [1.8, 0.5], rate: 0.2, "
         "tolerance: 'dp:4'}",
         "{id: d, kind: local_minima, function: 'x^4 - 2x^2', ask: end, start: 2, rate: 0.1, tolerance: 'dp:4'}")


def test_hints_steps_and_feedback_follow_a_first_step_that_jumps_the_hill(tmp_path):
    # x⁴ − 3x² + x from 2 at α = 0.1: the first step lands at -0.1, past the hill top at 0.16994, and descent ends
    # at -1.30084; the hints said "it ends at the one in the same valley as the start" (1.1309)
    a = _pack(tmp_path, *JUMPS).exercise("a").variant()
    assert a.hints()[1:] == (
        "Descent goes downhill, but a step can be so large that it jumps over a hill into another valley: follow "
        "the iterations to see which valley it ends in.",
        "Of the 2 local minima, it ends at the one in the valley its last jump lands in: iteration 1 jumps from 2 "
        "over the hill top at 0.169938 to -0.1.")
    lines = [line.strip() for line in render_text(a.steps()).splitlines()]
    assert lines[-2:] == [
        "8. Iteration 1 steps so far that it jumps from 2 over the hill top at 0.169938 to -0.1, into another "
        "valley.",
        "9. Descent goes downhill within a valley, but a step can jump over a hill: it ends in the valley its "
        "last jump lands in, at the local minimum -1.30083…, where f = -3.5139…; it is the global minimum."]
    assert respond(a, "1.1309").message == (
        "It looks like you gave a local minimum the descent does not end at. A step can be so large that it jumps "
        "over a hill: iteration 1 jumps from 2 over the hill top at 0.169938 to -0.1, and descent ends at the bottom "
        "of the valley it lands in.")
    assert respond(a, "-1.3008").correct


def test_a_jump_away_from_the_global_minimum_is_not_called_thinking_descent_finds_it(tmp_path):
    # from -2 (above the valley of the global minimum -1.30084) the first step lands at 0.85: the feedback said
    # "from -2 it ends in the valley of the local minimum it starts above"
    pack = _pack(tmp_path, *JUMPS)
    assert respond(pack.exercise("b").variant(), "-1.3008").message == (
        "It looks like you gave a local minimum the descent does not end at. A step can be so large that it jumps "
        "over a hill: iteration 1 jumps from -2 over the hill top at 0.169938 to 0.85, and descent ends at the "
        "bottom of the valley it lands in.")
    d = pack.exercise("d").variant()  # x⁴ − 2x² from 2: lands at -0.4 past the hill top at 0 and ends at -1
    assert d.hints()[2] == ("Of the 2 local minima, it ends at the one in the valley its last jump lands in: "
                            "iteration 1 jumps from 2 over the hill top at 0 to -0.4.")
    assert respond(d, "1").message.startswith("It looks like you gave a local minimum the descent does not end at.")
    c = pack.exercise("c").variant()  # in two variables the hill is a ridge the step crosses
    assert c.hints()[2].startswith("Of the 2 local minima, it ends at the one in the valley its last jump lands in: "
                                   "iteration 1 jumps from (1.8, 0.5) over a ridge at (")
    assert respond(c, "(-1, 0)").correct


def test_a_descent_that_stays_in_its_valley_keeps_its_words():
    item = LESSON.exercise("local-minima-1d-end").variant()
    assert item.hints()[2] == "Of the 2 local minima, it ends at the one in the same valley as the start."
    assert render_text(item.steps()).splitlines()[-1].strip().startswith(
        "8. Descent only goes downhill from where it starts: it ends in the valley of the local minimum")


def test_the_height_of_the_valley_descent_ends_in_given_for_where_it_ends_is_named():
    # finding 424: f(x*) for x* is named on the global-minimum questions; on where descent ends it was only
    # "not right to 4 decimal places", which sends the student to their rounding
    item = LESSON.exercise("local-minima-1d-end").variant()  # x⁴ − 3x² + x from 1: ends at 1.13090
    wrong = respond(item, "-1.0702")
    assert (wrong.note, wrong.message) == ("misconception:gave-minimum-value",
                                           "It looks like you gave the minimum value -1.07023… of f, not the x where "
                                           "it is reached.")
    assert respond(item, "1.1309").correct


# ------------------------------------------------------------------ 275: a start at the bottom


@pytest.mark.parametrize("line, said", [
    ("{id: e, kind: learning_rate, function: 'x^2', start: 0, rates: [0.1, 1.5], iterations: 10}",
     "the slope at the start is already below 0.0001 (the default 'until'): no iteration is needed"),
    ("{id: e, kind: learning_rate, function: 'x^2 + y^2', start: [0, 0.00001], rates: [0.1, 1.5], iterations: 10, "
     "until: 0.001}", "the slope at the start is already below it: no iteration is needed"),
    ("{id: e, kind: learning_rate, function: 'x^4 - 2x^2', start: -1, rates: [0.1, 0.7], iterations: 10}",
     "the slope at the start is already below 0.0001 (the default 'until'): no iteration is needed"),
    ("{id: e, kind: stopping, function: 'x^2', start: 0.001, rate: 0.1, until: 0.01}",
     "the slope at the start is already below it: no iteration is needed"),
    # outside check h26, F2: the start, copied from the prompt, was the answer, and graded correct
    ("{id: e, kind: gradient_descent, function: '(x - 1)^2', start: 1, rate: 0.25, iterations: 2}",
     "the gradient is 0 at the start, so descent never moves from it and the start is the answer; start elsewhere"),
    ("{id: e, kind: gradient_descent, function: 'x^2 - y^2', start: [0, 0], rate: 0.1, iterations: 1}",
     "the gradient is 0 at the start, so descent never moves from it and the start is the answer; start elsewhere"),
    ("{id: e, kind: cost, data: [[0, 1], [1, 3]], ask: step, start: [2, 1], rate: 0.1}",
     "the gradient is 0 at the start, so descent never moves from it and the start is the answer; start elsewhere"),
    # outside check h49, N3: where descent ends from x⁴ − 2x²'s maximum 0, said only "does not settle"
    ("{id: e, kind: local_minima, function: 'x^4 - 2x^2', ask: end, start: 0, rate: 0.05}",
     "the gradient is 0 at the start, a critical point that is no local minimum, so descent never moves from it; "
     "start elsewhere"),
    # outside check h50, N7: descent down the y-axis onto the saddle (0, 0), said only "does not settle"
    ("{id: e, kind: local_minima, function: '(x^2 - 1)^2 + y^2', ask: end, start: [0, 0.5], rate: 0.1}",
     "gradient descent from this start settles near (0, 0), a critical point that is no local minimum; start "
     "elsewhere"),
    # outside check h28, N1: 1, -1, 1: the start again after 2 iterations
    ("{id: e, kind: gradient_descent, function: 'x^2', start: 1, rate: 1, iterations: 2}",
     "the point after 2 iterations is the start again, as descent jumps back and forth, so the start would be the "
     "answer; ask for another number of iterations, or use another rate"),
])
def test_a_start_already_at_the_bottom_is_refused(tmp_path, capsys, line, said):
    # x² from 0: "valid", its key "converges, converges", and "1.5 diverges" marked wrong
    pack = tmp_path / "st.yaml"
    pack.write_text(f"pack: st\nexercises:\n  - {line}\n", encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.strip().endswith(f"exercise 'e': {said}")


# ------------------------------------------------------------------ 280: a descent that jumps a hill twice


def test_the_last_of_two_jumps_is_the_one_named(tmp_path):
    # x⁴ − 3x² + x from 2 at α = 0.18: x₁ = -1.78, past the hill top at 0.169938, then x₂ = 0.178221, 0.008 back past
    # it, too near the step's end for its samples: the hints, steps and feedback named iteration 1 as the last jump
    # and so the valley of -1.30084, though descent ends at 1.1309
    item = _pack(tmp_path, "{id: a, kind: local_minima, function: 'x^4 - 3x^2 + x', ask: end, start: 2, rate: 0.18, "
                           "tolerance: 'dp:4'}").exercise("a").variant()
    assert item.hints()[2] == ("Of the 2 local minima, it ends at the one in the valley its last jump lands in: "
                               "iteration 2 jumps from -1.78 over the hill top at 0.169938 to 0.178221.")
    lines = [line.strip() for line in render_text(item.steps()).splitlines()]
    assert lines[-3:] == [
        "8. Iteration 1 steps so far that it jumps from 2 over the hill top at 0.169938 to -1.78, into another valley.",
        "9. Iteration 2 steps so far that it jumps from -1.78 over the hill top at 0.169938 to 0.178221, into another "
        "valley.",
        "10. Descent goes downhill within a valley, but a step can jump over a hill: it ends in the valley its last "
        "jump lands in, at the local minimum 1.1309…, where f = -1.07023…; it is not the global minimum."]
    assert respond(item, "-1.3008").message == (
        "It looks like you gave a local minimum the descent does not end at. A step can be so large that it jumps "
        "over a hill: iteration 2 jumps from -1.78 over the hill top at 0.169938 to 0.178221, and descent ends at "
        "the bottom of the valley it lands in.")
    assert respond(item, "1.1309").correct


def test_a_step_over_two_hills_names_both(tmp_path):
    # x⁶ − 8x⁴ + 16x² + x from 2.4 at α = 0.0325: step 1 lands at -1.27866, past both hill tops 1.17792 and
    # -1.13101 (the valley of -0.0312806 between them), and was said to cross the first alone
    item = _pack(tmp_path, "{id: a, kind: local_minima, function: 'x^6 - 8x^4 + 16x^2 + x', ask: end, start: 2.4, "
                           "rate: 0.0325, tolerance: 'dp:4'}").exercise("a").variant()
    lines = [line.strip() for line in render_text(item.steps()).splitlines()]
    assert lines[-3:-1] == [
        "8. Iteration 1 steps so far that it jumps from 2.4 over the hill tops at 1.17792 and -1.13101 to -1.27866, "
        "over 2 hills at once, into another valley.",
        "9. Iteration 7 steps so far that it jumps from -2.24577 over the hill top at -1.13101 to -0.582867, into "
        "another valley."]
    assert item.hints()[2].endswith("iteration 7 jumps from -2.24577 over the hill top at -1.13101 to -0.582867.")
    assert respond(item, "-0.0313").correct


# ------------------------------------------------------------------ 288: minima as low as each other


TIES = ("{id: a, kind: local_minima, function: 'x^4 - 4x^2', ask: end, start: 2.5, rate: 0.05, tolerance: 'dp:4'}",
        "{id: c, kind: local_minima, function: '(x^2-1)^2', ask: end, start: 0.5, rate: 0.1, tolerance: 'dp:4'}",
        "{id: e, kind: local_minima, function: '(x^2 - 1)^2 + y^2', ask: end, start: [0.5, 0.3], rate: 0.1, "
        "tolerance: 'dp:4'}",
        "{id: d, kind: local_minima, function: 'x^4 - 2x^2', ask: end, start: 2, rate: 0.1, tolerance: 'dp:4'}")


def test_where_descent_ends_at_one_of_two_global_minima_the_tie_is_said(tmp_path):
    # x⁴ − 4x² = (x² − 2)² − 4: f = -4 at -√2 and √2; the steps said "it is not the global minimum" of √2, and -√2
    # given was told "It looks like you gave the global minimum"
    pack = _pack(tmp_path, *TIES)
    a = pack.exercise("a").variant()
    assert render_text(a.steps()).splitlines()[-1].strip() == (
        "10. Descent only goes downhill from where it starts: it ends in the valley of the local minimum √2, where "
        "f = -4; it is a global minimum, and so is -√2, where f is as low.")
    assert respond(a, "-1.4142").message == (
        "It looks like you gave -√2, which is as low as the minimum descent ends at (f = -4 at both), but in another "
        "valley. Gradient descent only goes downhill from where it starts: from 2.5 it ends in the valley of the "
        "local minimum it starts above.")
    assert respond(pack.exercise("c").variant(), "-1").message.startswith(
        "It looks like you gave -1, which is as low as the minimum descent ends at (f = 0 at both), but in another "
        "valley. ")
    e = pack.exercise("e").variant()  # in two variables alike
    assert render_text(e.steps()).splitlines()[-1].strip().endswith(
        "it ends in the valley of the local minimum (1, 0), where f = 0; it is a global minimum, and so is (-1, 0), "
        "where f is as low.")
    assert respond(e, "(-1, 0)").message.startswith("It looks like you gave (-1, 0), which is as low as the minimum")
    d = pack.exercise("d").variant()  # after a jump: the last step's words say the tie too
    assert render_text(d.steps()).splitlines()[-1].strip().endswith(
        "at the local minimum -1, where f = -1; it is a global minimum, and so is 1, where f is as low.")


@pytest.mark.parametrize("line, rule", [
    ("{id: s, kind: stopping, function: 'x^2', start: 1, rate: 0.1, until: 0.5}", "xₖ = xₖ₋₁ − α·f′(xₖ₋₁)"),
    ("{id: s, kind: stopping, function: 'x^2 + y^2', start: [1, 1], rate: 0.1, until: 0.5}",
     "(xₖ, yₖ) = (xₖ₋₁, yₖ₋₁) − α·∇f(xₖ₋₁, yₖ₋₁)"),
])
def test_the_stopping_hint_names_the_point_the_slope_is_taken_at(tmp_path, line, rule):
    """Outside check h35, F4: the first hint wrote xₖ = xₖ₋₁ − α·f′(…)."""
    exercise = _pack(tmp_path, line).exercise("s").variant(0)
    assert exercise.problem.hints()[0] == (f"Take one step at a time, {rule}, and after each one check "
                                           f"{'|f′|' if 'y' not in line else '|∇f|'} at the new point.")


def test_a_cost_step_s_first_hint_is_the_step_rule_not_the_cost_multiplied_out():
    """Outside check h35, F2: the first hint on the TV data was the whole cost, 55222.1m² + 583.6mb + …"""
    hints = packs.load("gradients").exercise("tv-descent-step").variant(0).problem.hints()
    assert hints[0] == "(m₁, b₁) = (m₀, b₀) − α·∇L(m₀, b₀): first find ∂L/∂m and ∂L/∂b at (0, 0)."
    assert hints[1].startswith("E(m, b) = 55222.1m² + 583.6mb")


# outside check h49, N6: the start, copied from the prompt for where descent ends, got "not right to 4 decimal places"
@pytest.mark.parametrize("exercise, start, said", [
    ("local-minima-1d-end", "1", "It looks like you gave the start 1. Descent takes steps from there, downhill against "
                                 "the slope, until its points settle: at the local minimum 1.1309…."),
    ("local-minima-2d-end", "(0.5, 1)", "It looks like you gave the start (0.5, 1)."),
])
def test_the_start_given_for_where_descent_ends_is_named(exercise, start, said):
    verdict = respond(packs.load("gradients").exercise(exercise).variant(), start)
    assert verdict.note == "misconception:descent-gave-start"
    assert verdict.message.startswith(said)
