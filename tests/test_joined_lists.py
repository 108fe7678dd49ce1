"""Answers as students write lists and planes (the fix-lists test pack): lists joined with words, the serial
comma and capitals among them; one variable's minima written as values of x; a tangent plane in the
function's own variable names; missed critical points each told with its own reason."""

from __future__ import annotations

import pytest

from tutor.cli import main

PACK = """\
pack: lists
title: Lists and planes
exercises:
  - {id: corners, kind: critical_points, function: "abs(x^2 - 1)"}
  - {id: cubic, kind: critical_points, function: "x^3 - 3x"}
  - {id: w, kind: critical_points, function: "x^4 - 2x^2"}
  - {id: root2, kind: critical_points, function: "x^3 - 6x", tolerance: "dp:3"}
  - {id: saddle, kind: critical_points, function: "x^3 - 3x + y^2"}
  - {id: m, kind: local_minima, function: "x^4 - 2x^2"}
  - {id: m4, kind: local_minima, function: "(x^2 - 4)^2"}
  - {id: m2, kind: local_minima, function: "(x^2 - 1)^2 + y^2"}
  - {id: t, kind: tangent_plane, function: "u^2 + v^2", at: [1, 2]}
  - {id: ab, kind: tangent_plane, function: "a b", at: [1, 2]}
  - {id: xt, kind: tangent_plane, function: "x^2 + t^2", variables: [x, t], at: [1, 2]}
  - {id: xy, kind: tangent_plane, function: "x^2 + y^2", at: [2, 4]}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("lists") / "lists.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def told(capsys, answer: str, exercise: str) -> list[str]:
    main(["check", "--exercise", exercise, "--", answer])
    return capsys.readouterr().out.splitlines()


# 1. "and" and "or" with the serial comma before them, and in capitals, as one separator
@pytest.mark.parametrize("typed, exercise, reading", [
    ("-1, 0, and 1", "corners", "x = -1, x = 0, x = 1"),
    ("x = -1, x = 0, and x = 1", "corners", "x = -1, x = 0, x = 1"),
    ("-1, 0, or 1", "w", "x = -1, x = 0, x = 1"),
    ("-1 AND 0 AND 1", "w", "x = -1, x = 0, x = 1"),
    ("-1 And 0 and 1", "corners", "x = -1, x = 0, x = 1"),
    ("-1 OR 1", "cubic", "x = -1, x = 1"),
    ("-1, and 1", "m", "x = -1, x = 1"),
    ("x = -2, OR x = 2", "m4", "x = -2, x = 2"),
    ("(-1, 0), and (1, 0)", "m2", "{(-1, 0), (1, 0)}"),
    ("(-1, 0) AND (1, 0)", "m2", "{(-1, 0), (1, 0)}"),
    # critical points in two variables read the words as well, as local minima do
    ("(-1, 0) and (1, 0)", "saddle", "{(-1, 0), (1, 0)}"),
    ("(-1, 0), or (1, 0)", "saddle", "{(-1, 0), (1, 0)}"),
])
def test_a_list_joined_by_words_is_read(capsys, pack, typed, exercise, reading):
    assert told(capsys, typed, f"{pack}:{exercise}") == ["correct", "Correct.", f"read as: {reading}"]


@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("-1, and", "corners", "    ^", "Missing item after 'and'."),
    ("-1 and", "cubic", "   ^", "Missing item after 'and'."),
    ("-1 OR", "m", "   ^", "Missing item after 'OR'."),
    ("and 1", "w", "^", "Missing item before 'and'."),
    ("-1, , 1", "corners", "  ^", "Missing item after ','."),
    ("(-1, 0), and", "saddle", "         ^", "Missing item after 'and'."),
    ("(-1, 0) or", "m2", "        ^", "Missing item after 'or'."),
])
def test_a_missing_item_is_told_at_the_word_typed(capsys, pack, typed, exercise, caret, message):
    assert told(capsys, typed, f"{pack}:{exercise}") == ["invalid", typed, caret, message]


# 2. one variable's local minima are values of x, as its critical points are: not one point in the plane
def test_the_key_of_one_variables_minima_lists_values_of_x(capsys, pack):
    main(["pack", "show", pack, "--answers"])
    out = capsys.readouterr().out
    assert ("Find every local minimum of f(x) = x⁴ - 2x², from left to right (to 4 decimal places).\n"
            "   answer: x = -1, x = 1\n") in out
    assert "answer: x = -2, x = 2\n" in out


@pytest.mark.parametrize("typed, exercise, lines", [
    ("-1, 1", "m", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, 1)", "m", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("{1, -1}", "m", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("±2", "m4", ["correct", "Correct.", "read as: x = -2, x = 2"]),
    ("1, -1", "m", ["incorrect", "Those are the local minima of f, but not from left to right: write the least first.",
                    "read as: x = 1, x = -1"]),
    ("2", "m", ["incorrect", "x = 2 is not a local minimum of f, which has 2: give every one, from left to right.",
                "read as: x = 2"]),
    ("0", "m4", ["incorrect", "It looks like you gave a critical point that is a local maximum: at 0, f″ = -16 < 0. "
                              "A local minimum has f″ > 0. Your answer gives none of the 2 local minima of f.",
                 "read as: x = 0"]),
])
def test_minima_of_one_variable_are_echoed_as_values_of_x(capsys, pack, typed, exercise, lines):
    assert told(capsys, typed, f"{pack}:{exercise}") == lines


def test_the_lessons_minima_in_one_variable(capsys):
    assert told(capsys, "-1.3008 or 1.1309", "gradients:local-minima-1d") == [
        "correct", "Correct (to 4 decimal places).", "read as: x = -1.3008, x = 1.1309"]
    main(["pack", "show", "gradients", "--answers"])
    assert "   answer: x = -1.30084, x = 1.1309\n" in capsys.readouterr().out


def test_the_steps_of_one_variables_minima_list_values_of_x():
    from tutor import packs
    from tutor.steps.render import render_text
    first = render_text(packs.load("gradients").exercise("local-minima-1d").variant(None).steps()).splitlines()[0]
    assert first == "The local minima of f = x⁴ - 3x² + x: x = -1.30083…, x = 1.1309…"


# 3. a tangent plane in the function's own variables
def test_the_tangent_planes_prompt_names_the_functions_variables(capsys, pack):
    main(["pack", "show", pack, "--answers"])
    out = capsys.readouterr().out
    assert ("Find the tangent plane to z = u² + v² at (1, 2) (an equation in u, v and z).\n"
            "   answer: z = 2u + 4v - 5\n") in out
    assert "Find the tangent plane to z = ab at (1, 2) (an equation in a, b and z).\n" in out
    assert "Find the tangent plane to z = x² + t² at (1, 2) (an equation in x, t and z).\n" in out
    assert "Find the tangent plane to z = x² + y² at (2, 4) (an equation in x, y and z).\n" in out


@pytest.mark.parametrize("typed, exercise, lines", [
    ("z = 2u + 4v - 5", "t", ["correct", "Correct.", "read as: z = 2u + 4v - 5"]),
    ("z = 2x + 4y - 5", "t", ["invalid", "z = 2x + 4y - 5", "     ^",
                              "Write the plane in u, v and z, the function's variables: z = 2u + 4v - 5."]),
    ("L = 2x + 4y - 5", "t", ["invalid", "L = 2x + 4y - 5", "     ^",
                              "Write the plane in u, v and z, the function's variables: z = 2u + 4v - 5."]),
    ("z = 2xy", "t", ["invalid", "z = 2xy", "     ^", "Write the plane in u, v and z, the function's variables."]),
    ("z = 2x + y - 2", "ab", ["invalid", "z = 2x + y - 2", "     ^",
                              "Write the plane in a, b and z, the function's variables: z = 2a + b - 2."]),
    ("z = 2x + 4y - 5", "xt", ["invalid", "z = 2x + 4y - 5", "          ^",
                               "Write the plane in x, t and z, the function's variables: z = 2x + 4t - 5."]),
    # names of both kinds: which names there are is said, as before
    ("z = 2x + 4v - 5", "t", ["invalid", "z = 2x + 4v - 5", "     ^", "Unknown name 'x' (the variables are u, v and z)."]),
])
def test_a_plane_in_other_names_is_told_which_to_use(capsys, pack, typed, exercise, lines):
    assert told(capsys, typed, f"{pack}:{exercise}") == lines


def test_the_tangent_planes_hints_use_the_functions_variables(pack):
    from tutor import packs
    hints = packs.load(pack).exercise("t").variant(None).problem.hints()
    assert hints[0] == "The tangent plane is z = f(a, b) + f_u(a, b)(u − a) + f_v(a, b)(v − b)."
    assert hints[2] == "f(1, 2) = 5, f_u = 2, f_v = 4 there."


# 4. missed critical points, each told with its own reason; values of x, not points, in one variable
@pytest.mark.parametrize("typed, message", [
    ("-1", "It looks like you missed x = 1: f′ is -2 from the left and 2 from the right, so f′ changes sign at this point, where it has no value, "
           "and that makes it a critical point too. You also missed x = 0. A product is zero when any one of its factors "
           "is: solve f′(x) = 0 for every combination of factors."),
    ("1", "It looks like you missed x = -1: f′ is -2 from the left and 2 from the right, so f′ changes sign at this point, where it has no value, "
          "and that makes it a critical point too. You also missed x = 0. A product is zero when any one of its "
          "factors is: solve f′(x) = 0 for every combination of factors."),
    ("0, 1", "You get this answer if you took only the positive root, or if you missed x = -1. x² = 1 has two "
             "solutions, x = ±1, and each gives a critical point. At x = -1, f′ is -2 from the left and 2 from the "
             "right, so f′ changes sign at this point, where it has no value, and that makes it a critical point too."),
    # both corners, each with its reason (the one-sided slopes were out of the diagnosis's budget before)
    ("0", "It looks like you missed x = -1: f′ is -2 from the left and 2 from the right, so f′ changes sign at this point, where it has no value, "
          "and that makes it a critical point too. You also missed x = 1: f′ is -2 from the left and 2 from the right, "
          "so f′ changes sign at this point, where it has no value, and that makes it a critical point too."),
    ("none", "3 values of x are missing."),
])
def test_each_missed_point_is_told_with_its_reason(capsys, pack, typed, message):
    assert told(capsys, typed, f"{pack}:corners")[1] == message


@pytest.mark.parametrize("typed, message", [
    ("-1.41, 1.41", "x = -1.41 and x = 1.41 are the right values of x rounded to 2 decimal places; give them to 3 "
                    "decimal places."),
    ("-1.414, 1.4", "x = 1.4 is one of the right values of x rounded to 1 decimal place; give it to 3 decimal places."),
    ("-1.5, 1.414", "x = -1.5 does not belong in the answer. 1 value of x is missing."),
])
def test_one_variables_lists_say_values_of_x(capsys, pack, typed, message):
    assert told(capsys, typed, f"{pack}:root2")[1] == message
