"""The lesson pack's parameters (issue 16): every exercise starts with the lesson's own numbers and
has fresh ones whose answers stay clean; a parameter written as a decimal is shown as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sympy import Expr, Integer, Rational, sqrt

from tutor import packs
from tutor.parse import Equation, symbol
from tutor.show import show
from tutor.steps import render_text

LESSON = packs.load("gradients")


def numbers(**values: int | Expr) -> tuple[tuple[str, Expr], ...]:
    """Parameter values as a draw gives them (sympy numbers), in the order written."""
    return tuple((name, Integer(v) if isinstance(v, int) else v) for name, v in values.items())


def test_every_lesson_exercise_has_the_lessons_numbers_first_then_others():
    for spec in LESSON.exercises:
        assert spec.lesson is not None, spec.id
        assert spec.variant("ana").is_lesson, spec.id  # what a student is graded on: the lesson's numbers
        assert any(spec.drawn(key).params != spec.lesson for key in range(5)), spec.id


@pytest.mark.parametrize(("a", "b", "expected"), [
    (6, 6, {(4, 4)}),  # the lesson's sauna: (6, 6) is outside the room
    (3, 6, {(2, 4)}),
    (6, 3, {(4, 2)}),
    (3, 3, {(2, 2), (3, 3)}),  # (a, b) is in the room too: a saddle
])
def test_the_saunas_critical_points_are_whole_points_in_the_room(a, b, expected):
    exercise = LESSON.exercise("sauna-critical-points").with_values(numbers(a=a, b=b))
    answer = exercise.expected().value
    x, y = symbol("x"), symbol("y")
    assert {p for p in answer if isinstance(p, tuple)} == expected
    assert {e for e in answer if isinstance(e, Equation)} == {Equation(x, 0), Equation(y, 0)}
    assert exercise.problem.check(f"{', '.join(map(str, sorted(expected)))}, x = 0, y = 0").correct


def test_the_coolest_spot_moves_with_the_room_and_stays_a_minimum():
    spec = LESSON.exercise("sauna-classify-4-4")
    for a, b in ((6, 6), (3, 9), (9, 3)):
        exercise = spec.with_values(numbers(a=a, b=b))
        assert exercise.prompt().startswith(f"({2 * a // 3}, {2 * b // 3}) is a critical point of T(x, y) = 85 - ")
        assert show(exercise.expected().value) == "minimum"


def test_the_power_line_cost_at_the_best_line_is_the_houses_distance_from_a_line():
    """E at the least-squares line through (1, a), (2, b), (3, c) is (a - 2b + c)²/6: 25/6 in the lesson."""
    spec = LESSON.exercise("power-lines-cost")
    assert spec.variant().expected().value == Rational(25, 6)
    exercise = spec.with_values(numbers(a=1, b=9, c=7))
    assert "What is E(3, -1/3)?" in exercise.prompt()
    assert exercise.expected().value == Rational(100, 6)


def test_the_omega_constant_becomes_w_of_a():
    spec = LESSON.exercise("hard-to-optimize-minimum")
    assert show(spec.variant().expected().value) == "W(1)"
    assert show(spec.with_values(numbers(a=3)).expected().value) == "W(3)"


def test_the_quartics_valleys_are_exact_where_they_can_be():
    exercise = LESSON.exercise("local-minima-1d-global").with_values(numbers(a=3, b=2))
    assert exercise.expected().value == -sqrt(3) / 2 - Rational(1, 2)


def test_a_decimal_parameter_is_shown_as_a_decimal_in_prompt_and_steps():
    spec = LESSON.exercise("descent-1d-step-1")
    lesson = spec.variant()
    assert "from x₀ = 0.05 with learning rate α = 0.005:" in lesson.prompt()  # as the lesson writes them
    other = spec.with_values(numbers(a=2, s=Rational(1, 4), r=Rational(1, 100)))
    assert "f(x) = eˣ - 2 ln(x) from x₀ = 0.25 with learning rate α = 0.01:" in other.prompt()
    steps = render_text(other.steps())
    assert "f′(0.25) = " in steps and "0.25 − 0.01·" in steps
    assert "1/4" not in steps and "1/100" not in steps
    slope = LESSON.exercise("descent-1d-slope").with_values(numbers(a=2, s=Rational(1, 4)))
    assert slope.prompt() == "f′(0.25) for f(x) = eˣ - 2 ln(x) (to 1 decimal place)"
    assert "Put x = 0.25 into f′: f′(0.25) = e^0.25 - 2/0.25 = e^0.25 - 8 ≈ -6.7." in render_text(slope.steps())  # the place asked (415)
    valleys = LESSON.exercise("local-minima-2d").with_values(numbers(a=1, c=Rational(-1, 5)))
    assert "f(x, y) = y² - 0.2x + (x² - 1)²" in valleys.prompt()
    assert "x/5" not in render_text(valleys.steps())


def test_a_decimal_parameter_is_shown_as_written_in_the_title(tmp_path: Path):
    path = tmp_path / "rates.yaml"
    path.write_text("pack: rates\nexercises:\n"
                    "  - id: step\n    kind: gradient_descent\n    title: One step at α = {r}\n"
                    "    function: x^2\n    start: 1\n    rate: r\n    iterations: 1\n"
                    "    params: {r: {choice: [0.05, 0.25], lesson: 0.25}}\n", encoding="utf-8")
    exercise = packs.load(path).exercise("step").variant()
    assert exercise.title == "One step at α = 0.25"
    assert "with learning rate α = 0.25:" in exercise.prompt()
    written_as_fractions = path.read_text(encoding="utf-8").replace("[0.05, 0.25], lesson: 0.25", "[1/20, 1/4], lesson: 1/4")
    path.write_text(written_as_fractions, encoding="utf-8")
    assert packs.load(path).exercise("step").variant().title == "One step at α = 1/4"  # as the author wrote it


def test_every_learning_rate_variant_has_a_rate_of_each_kind():
    # outside check: α = 0.9, 1.1, 1.25, 0.001 had no rate that converges, and slide 28's "just right" was gone
    spec = LESSON.exercise("learning-rates-x2")
    for seed in range(60):
        answer = show(spec.drawn(seed).expected().value)
        assert sorted(answer.split(", ")) == ["converges", "diverges", "oscillates", "too slow"], (seed, answer)


def test_no_descent_variant_starts_at_a_critical_point():
    # outside check: x⁴ - 3x² - 2x from -1, where f′ = 0: descent never moved, and "which valley" had no descent
    spec = LESSON.exercise("local-minima-1d-end")
    for seed in range(60):
        exercise = spec.drawn(seed)
        values = dict(exercise.params)
        x = symbol("x")
        slope = exercise.problem.function.diff(x).subs(x, values["s"])
        assert slope != 0, (seed, values)
