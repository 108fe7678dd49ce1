"""Finding 208: where a critical point is a cusp or corner (f′ or ∇f has no value there), the prompt, hints and
feedback say so, and that f's values (or f′'s one-sided slopes) tell it, not f′ = 0, a product's zero factor or
the second-derivative test; smooth exercises keep their texts."""

from __future__ import annotations

import functools

import pytest

from tutor import packs
from tutor.cli import main

PACK = """\
pack: cusps
title: Cusps and corners
exercises:
  - {id: e, kind: local_minima, function: "x^(2/3) - x + y^2"}
  - {id: b, kind: critical_points, function: "x^(2/3) (x + 5)"}
  - {id: cb, kind: critical_points, function: "sqrt(abs(x-2)) + x^2/4 + y^2"}
  - {id: cd, kind: critical_points, function: "x^(2/3) - x + y^2"}
  - {id: corner, kind: local_minima, function: "abs(x) + y^2"}
  - {id: cusps, kind: critical_points, function: "x^(2/3) + y^(2/3)"}
  - {id: cusps_min, kind: local_minima, function: "x^(2/3) + y^(2/3)"}
  - {id: corner1, kind: critical_points, function: "abs(x) + x^2"}
  - {id: min1, kind: local_minima, function: "x^(2/3) (x + 5)"}
  - {id: smin, kind: minimize, function: "sqrt(abs(x-2)) + x^2/4"}
  - {id: smooth, kind: local_minima, function: "x^2 + y^2 - 2x"}
  - {id: smooth_cp, kind: critical_points, function: "x^3 - 3x"}
  - {id: smooth_min, kind: minimize, function: "x^2 - 2x"}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cusps") / "cusps.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


@functools.cache
def _loaded(pack: str) -> packs.Pack:
    return packs.load(pack)  # once: loading verifies every exercise of it


def problem(pack: str, exercise: str):
    spec = next(s for s in _loaded(pack).exercises if s.id == exercise)
    return spec.variant(None).problem


def told(capsys, answer: str, exercise: str) -> list[str]:
    main(["check", "--exercise", exercise, "--", answer])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("exercise, prompt", [
    ("b", "Find all critical points of f(x) = x^(2/3)(x + 5): each x where f′(x) = 0, or a cusp where f′ has no "
          "value and changes sign."),
    ("cb", "Find all critical points of f(x, y) = x²/4 + y² + √|x - 2|: each point where ∇f = 0, or a point where "
           "∇f has no value and f has a local minimum or maximum."),
    ("cd", "Find all critical points of f(x, y) = y² - x + x^(2/3): each point where ∇f = 0, or a point where ∇f "
           "has no value and f has a local minimum or maximum."),
    # a corner keeps the corner's words
    ("corner1", "Find all critical points of f(x) = |x| + x²: each x where f′(x) = 0, or a corner where f′ changes "
                "sign."),
    ("smooth_cp", "Find all critical points of f(x) = x³ - 3x: each x where f′(x) = 0."),
])
def test_the_prompt_names_the_cusp(pack, exercise, prompt):
    assert problem(pack, exercise).prompt() == prompt


@pytest.mark.parametrize("exercise, hints", [
    ("e", ("The local minima are among the critical points: solve ∂f/∂x = 0 and ∂f/∂y = 0, and find where ∂f/∂x "
           "or ∂f/∂y has no value, then classify each one.",
           "A critical point is a local minimum where the second-derivative test says so (D > 0 and f_xx > 0); "
           "where ∇f has no value (a cusp), the test does not apply, and f's values near the point decide.",
           "There is 1 local minimum.")),
    ("corner", ("The local minima are among the critical points: solve ∂f/∂x = 0 and ∂f/∂y = 0, and find where "
                "∂f/∂x or ∂f/∂y has no value, then classify each one.",
                "A critical point is a local minimum where the second-derivative test says so (D > 0 and f_xx > 0); "
                "where ∇f has no value (a corner), the test does not apply, and f's values near the point decide.",
                "There is 1 local minimum.")),
    ("min1", ("The local minima are among the critical points: solve f′(x) = 0, and find where f′(x) has no value, "
              "then classify each one.",
              "A critical point is a local minimum where the second-derivative test says so (f″ > 0), or, at a cusp "
              "where f′ has no value, where f′ changes from − to +.",
              "There is 1 local minimum.")),
    ("b", ("A critical point is an x where f′(x) = 0, or a cusp where f′ has no value and changes sign.",
           "Factor f′(x); a product is zero when one of its factors is. Look too where f′(x) has no value (a cusp): "
           "there its slopes from the left and the right tell whether f′ changes sign.",
           "There are 2 critical points.")),
    ("cd", ("A critical point is where every partial derivative is zero: solve ∂f/∂x = 0 and ∂f/∂y = 0. Where ∇f "
            "has no value but f has one, a point is critical where f has a local minimum or maximum.",
            "Factor each partial derivative; a product is zero when one of its factors is. Combine the cases of both "
            "equations. Look too where ∂f/∂x or ∂f/∂y has no value (a cusp): there f's values near the point tell "
            "whether it is a local minimum or maximum.",
            "There are 2 items in the answer.")),
    ("cusps", ("A critical point is where every partial derivative is zero: solve ∂f/∂x = 0 and ∂f/∂y = 0. Where ∇f "
               "has no value but f has one, a point is critical where f has a local minimum or maximum.",
               "Factor each partial derivative; a product is zero when one of its factors is. Combine the cases of "
               "both equations. Look too where ∂f/∂x or ∂f/∂y has no value (a cusp): there f's values near the point "
               "tell whether it is a local minimum or maximum.",
               "There is 1 item in the answer.")),
    ("smin", ("At a minimum the slope is zero, or has no value (a cusp): solve f′(x) = 0, and find where f′(x) has "
              "no value.",
              "f′(x) = sign(x - 2)/(2√|x - 2|) + x/2.",
              "Solve sign(x - 2)/(2√|x - 2|) + x/2 = 0 for x; at a minimum f″ > 0. Where f′(x) has no value, the "
              "second-derivative test does not apply: f's values near the point tell whether it is a minimum.")),
    # smooth: as they were
    ("smooth", ("The local minima are among the critical points: solve ∂f/∂x = 0 and ∂f/∂y = 0, then classify each "
                "one.",
                "A critical point is a local minimum where the second-derivative test says so (D > 0 and f_xx > 0).",
                "There is 1 local minimum.")),
    ("smooth_min", ("At a minimum the slope is zero: solve f′(x) = 0.", "f′(x) = 2x - 2.",
                    "Solve 2x - 2 = 0 for x; at a minimum f″ > 0.")),
])
def test_the_hints_look_where_the_slope_has_no_value(pack, exercise, hints):
    assert problem(pack, exercise).hints() == hints


@pytest.mark.parametrize("exercise, typed, said", [
    ("cd", "(8/27, 0)", "It looks like you missed (0, 0): ∂f/∂x is -∞ from the left and ∞ from the right, so ∇f has "
                        "no value at this cusp, but f has a local minimum at it, and that makes it a critical point "
                        "too."),
    ("cb", "(1, 0), (1/2 + sqrt(5)/2, 0)", "It looks like you missed (2, 0): ∂f/∂x is -∞ from the left and ∞ from "
                                           "the right, so ∇f has no value at this cusp, but f has a local minimum at "
                                           "it, and that makes it a critical point too."),
    ("b", "-2", "It looks like you missed x = 0: f′ is -∞ from the left and ∞ from the right, so f′ changes sign at "
                "this cusp, where it has no value, and that makes it a critical point too."),
    ("e", "(0,0), (8/27, 0)", "It looks like you listed every critical point. Only those where the second-derivative "
                              "test says minimum, or, where ∇f has no value (a cusp), where f's values near it show "
                              "one, are local minima; the others are maxima or saddle points."),
])
def test_a_missed_cusp_is_told_why_it_is_critical(capsys, pack, exercise, typed, said):
    out = told(capsys, typed, f"{pack}:{exercise}")
    assert "product" not in "\n".join(out)
    assert out[:2] == ["incorrect", said]
