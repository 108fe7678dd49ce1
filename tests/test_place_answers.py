"""Answers to a question that asks for a place, an x or a point (findings 167 and 171): f's value written
after its name is told what the question asks for, never to write just that value; and a place given twice
in a list is the same place, in every kind that judges lists, with the repeat named where the list is wrong."""

from __future__ import annotations

import pytest

from tutor.cli import main

PACK = """\
pack: places
title: Places
exercises:
  - {id: shifted, kind: minimize, function: "x^2 - 2x"}
  - {id: quartic, kind: minimize, function: "x^4 - 8x^2"}
  - {id: two-low, kind: minimize, function: "x^4 - 2x^2"}
  - {id: all-quartic, kind: local_minima, function: "x^4 - 8x^2"}
  - {id: global-quartic, kind: local_minima, function: "x^4 - 8x^2", ask: global}
  - {id: w, kind: local_minima, function: "x^4 - 2x^2"}
  - {id: cubic, kind: critical_points, function: "x^3 - 3x"}
  - {id: saddle, kind: critical_points, function: "x^3 - 3x + y^2"}
  - {id: bowl, kind: local_minima, function: "(x - 1)^2 + y^2", ask: global}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("places") / "places.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def told(capsys, pack: str, exercise: str, answer: str) -> list[str]:
    where = exercise if ":" in exercise else f"{pack}:{exercise}"
    main(["check", "--exercise", where, "--", answer])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("exercise, typed, message", [
    ("shifted", "f = -1", "The question asks for the x where f is least, not f's value there: write just the x."),
    ("shifted", "y = -1", "The question asks for the x where f is least, not f's value there: write just the x."),
    ("shifted", "f(x) = -1", "The question asks for the x where f is least, not f's value there: write just the x."),
    ("shifted", "f_min = -1", "The question asks for the x where f is least, not f's value there: write just the x."),
    ("quartic", "f = -16", "The question asks for an x where f is least, not f's value there: write just the x."),
    ("global-quartic", "f = -16", "The question asks for one x where f is least, not f's value there: write just "
                                  "the x."),
    ("all-quartic", "f = -16", "The question asks for each x where f has a local minimum, not f's value there: "
                               "write just the x."),
    ("gradients:local-minima-1d", "f = -3.5139", "The question asks for each x where f has a local minimum, not "
                                                 "f's value there: write just the x."),
    ("cubic", "f = -2", "The question asks for each critical point of f, not f's value there: write just the x."),
    ("saddle", "z = -2", "The question asks for each critical point of f, not f's value there: write just the "
                         "point."),
    ("bowl", "f = 0", "The question asks for the point where f is least, not f's value there: write just the "
                      "point."),
    ("gradients:descent-heat-step-1", "T = 85", "The question asks for (x₁, y₁), the point after 1 iteration, not "
                                                "T's value there: write just the point."),
    # outside check h30, F7: a chain of working after the name was "Unknown name 'y'"
    ("shifted", "y = 2 - 3 = -1", "The question asks for the x where f is least, not f's value there: write just "
                                  "the x."),
    ("shifted", "f = 1 - 2 ≈ -1.0", "The question asks for the x where f is least, not f's value there: write just "
                                    "the x."),
    # outside check h54, N1: f′(x₀) before '=' is the slope, not f's value
    ("gradients:descent-1d-step-1", "f'(0.05) = -18.9", "The question asks for x₁, the point after 1 iteration, "
                                                        "not the slope f′ there: write just the x."),
    # outside check h55, N2: df/dx = -18.9 was told to write "just -18.9", as working in names
    ("gradients:descent-1d-step-1", "df/dx = -18.9", "The question asks for x₁, the point after 1 iteration, "
                                                     "not the slope f′ there: write just the x."),
    ("gradients:descent-1d-step-1", "dy/dx(0.05) = -18.9", "The question asks for x₁, the point after 1 iteration, "
                                                           "not the slope f′ there: write just the x."),
    ("gradients:descent-heat-step-1", "∇T(0.5, 0.6) = (0.4, 0.5)", "The question asks for (x₁, y₁), the point "
                                                                   "after 1 iteration, not the gradient ∇T there: "
                                                                   "write just the point."),
])
def test_f_value_is_told_the_place_is_asked_not_to_write_the_value(capsys, pack, exercise, typed, message):
    assert told(capsys, pack, exercise, typed) == ["invalid", typed, "^", message]


@pytest.mark.parametrize("exercise, typed, message", [
    ("shifted", "f(1) = -1", "The question asks for the x where f is least, not f's value there: write just 1."),
    ("shifted", "f(2) = 0", "The question asks for the x where f is least, not f's value there: write just 2."),
    ("global-quartic", "f(2) = -16", "The question asks for one x where f is least, not f's value there: write "
                                     "just 2."),
    ("cubic", "f(1) = -2", "The question asks for each critical point of f, not f's value there: write just 1."),
    ("saddle", "f(1, 0) = -2", "The question asks for each critical point of f, not f's value there: write just "
                               "(1, 0)."),
    ("shifted", "f′(1) = 0", "The question asks for the x where f is least, not f′'s value there: write just 1."),
    # in descent f(…) may be any step's point (the start's, here): not echoed as the answer
    ("gradients:descent-heat-step-1", "T(0.5, 0.6) = 85", "The question asks for (x₁, y₁), the point after 1 "
                                                          "iteration, not T's value there: write just the point."),
])
def test_f_at_a_place_is_told_to_write_just_that_place(capsys, pack, exercise, typed, message):
    assert told(capsys, pack, exercise, typed) == ["invalid", typed, "^", message]


@pytest.mark.parametrize("exercise, typed, message", [
    ("shifted", "x_min = 1", "Write just 1, without 'x_min ='."),  # the place's own name: what follows is the x
    ("gradients:descent-1d-step-1", "x₂ = 0.1447", "Write just 0.1447, without 'x₂ ='."),
    ("shifted", "a = 1", "The question asks for the x where f is least: write just the x, without 'a ='."),
    ("gradients:power-lines-cost", "E = 25/6", "E alone is the whole cost, a function of m and b: write just 25/6, or E(1/2, 7/3) = 25/6."),  # a value is asked: said why
])
def test_other_names_are_told_as_before(capsys, pack, exercise, typed, message):
    assert told(capsys, pack, exercise, typed) == ["invalid", typed, "^", message]


@pytest.mark.parametrize("exercise, typed, reading", [
    # finding 492: x* was "Missing operand before '='", then "Write just 1, without 'x* ='"; the blind corpus of
    # variants typed x* = 6 for a right answer: the place by its own starred name is read, as x = 1 is
    ("shifted", "x* = 1", "1"), ("shifted", "x^* = 1", "1"), ("shifted", "x∗ = 1", "1"), ("shifted", "x^{*}=1", "1"),
    ("saddle", "(x*, y*) = (1, 0)", "{(1, 0)}"),
])
def test_the_place_by_its_starred_name_is_read_as_the_place(capsys, pack, exercise, typed, reading):
    said = told(capsys, pack, exercise, typed)
    assert said[0] in ("correct", "incorrect") and said[-1] == f"read as: {reading}"


@pytest.mark.parametrize("exercise, typed, verdict", [
    ("shifted", "x* = 2/2 = 1", "correct"),  # with working (outside check h30, F3)
    ("saddle", "(y*, x*) = (0, 1)", "invalid"),  # not the variables' order: the names would swap it (F4)
    ("shifted", "X* = 1", "invalid"),  # another name
    ("gradients:descent-1d-step-1", "x* = 0.1447", "invalid"),  # x₁ is asked, no optimum (F5)
])
def test_a_starred_name_is_the_optimums_own_only(capsys, pack, exercise, typed, verdict):
    assert told(capsys, pack, exercise, typed)[0] == verdict


@pytest.mark.parametrize("typed, verdict", [("x = 2ln(3) = ln(9)", "correct"), ("x = ln 9 ≈ 2.1972", "correct"),
                                            ("x = ln 9 ≈ 2.1973", "incorrect"), ("y = ln 9 ≈ 2.1972", "invalid")])
def test_a_chain_of_working_after_the_variables_name_is_read(capsys, tmp_path, typed, verdict):
    """The blind corpus of variants: x = ln(9) ≈ 2.1972 for the x minimising eˣ − 9x was "Only one '=' is allowed"."""
    path = tmp_path / "e.yaml"
    path.write_text("pack: e\nexercises:\n  - {id: e, kind: minimize, function: e^x - 9x, tolerance: 'dp:4'}\n",
                    encoding="utf-8")
    assert told(capsys, str(path), "e", typed)[0] == verdict


@pytest.mark.parametrize("exercise, typed, verdict, message", [
    ("cubic", "-1, 1, 1", "correct", "Correct."),
    ("two-low", "1, 1", "correct", "Correct."),  # one x where x⁴ − 2x² is least, as 1 alone is
    ("two-low", "-1, -1", "correct", "Correct."),
    ("two-low", "-1, 1, 1", "correct", "Correct."),
    ("global-quartic", "2, 2", "correct", "Correct."),
    ("w", "-1, 1, 1", "correct", "Correct."),  # in order, from left to right
    ("gradients:local-minima-1d", "-1.3008, 1.1309, 1.1309", "correct", "Correct (to 4 decimal places)."),
    ("saddle", "(1, 0), (-1, 0), (1, 0)", "correct", "Correct."),
    ("two-low", "1, 1, 2", "incorrect", "x = 1 is given twice. x = 2 does not belong in the answer."),
    ("cubic", "1, 1, 2", "incorrect", "x = 1 is given twice. x = 2 does not belong in the answer. 1 value of "
                                      "x is missing."),
    ("w", "1, 1", "incorrect", "x = 1 is given twice. Your answer gives 1 of the 2 local minima of f; give every "
                               "one, from left to right."),
    ("w", "1, -1, 1", "incorrect", "x = 1 is given twice. Those are the local minima of f, but not from left to "
                                   "right: write the least first."),
    ("gradients:local-minima-1d", "1.1309, 1.1309, 1.1309", "incorrect",
     "x = 1.1309 is given 3 times. Your answer gives 1 of the 2 local minima of f; give every one, from left to "
     "right."),
])
def test_a_place_given_twice_is_one_place(capsys, pack, exercise, typed, verdict, message):
    out = told(capsys, pack, exercise, typed)
    assert out[:2] == [verdict, message]


@pytest.mark.parametrize("exercise, typed, column, message", [
    ("saddle", "(x, y) = (2/2, 0/2) = (1, 0)", 9, "Write just (1, 0), without the working '(2/2, 0/2) =' before it."),
    ("saddle", "(2/2, 0/2) = (1, 0)", 0, "Write just (1, 0), without the working '(2/2, 0/2) =' before it."),
    # quoted as typed, · and all, not as read (outside check h37, M2)
    ("saddle", "(x, y) = (2·1/2, 0) = (1, 0)", 9, "Write just (1, 0), without the working '(2·1/2, 0) =' before it."),
])
def test_working_before_a_point_is_called_working_not_a_name(capsys, pack, exercise, typed, column, message):
    """Outside check h30, F7: a point's working was told to be dropped as if it were a name ('the question asks for
    each critical point: write just the point, without '(2/2, 0/2) =''); points take no chain of working."""
    assert told(capsys, pack, exercise, typed) == ["invalid", typed, " " * column + "^", message]
