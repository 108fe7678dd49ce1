"""Points where f of two variables has no gradient, by one rule with one variable's (findings 160, 169).

At a corner of one variable a point is critical where f′ changes sign, 0 between its one-sided slopes;
in two, where 0 lies among the gradients of the smooth pieces that meet at the point (in their convex
hull): |x| + y² at (0, 0), but not |x| + 2x + y², which rises through it in x as |x| + 2x does. Where the
formula of ∇f has no value but f has one (the cone √(x² + y²) at its vertex), a point is critical where f
has a local minimum or maximum there."""

from __future__ import annotations

import pytest
import sympy
from pack_files import pack_file

from tutor import packs
from tutor.calculus.critical import zero_in_hull
from tutor.cli import main
from tutor.feedback import respond


def _run(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return capsys.readouterr().out.splitlines()


def _pack(tmp_path, *exercises: str):
    return packs.load(pack_file(tmp_path, *exercises))


CORNER = "each point where ∇f = 0, or a corner where 0 lies between the gradients of the pieces of f that meet there"
UNSMOOTH = "each point where ∇f = 0, or a point where ∇f has no value and f has a local minimum or maximum"


# ------------------------------------------------------------------ corners of |u|: 0 among the pieces' gradients


@pytest.mark.parametrize("function, line", [
    ("abs(x) + y^2", "  (0, 0)  minimum"),
    ("abs(x) + abs(y)", "  (0, 0)  minimum"),
    ("abs(x - y) + x^2", "  (0, 0)  minimum"),
    ("abs(x) - abs(y)", "  (0, 0)  saddle"),  # a corner saddle: 0 in the hull of (±1, ±1)
    ("abs(x - 1) + (y + 2)^2", "  (1, -2)  minimum"),
])
def test_a_corner_with_0_among_its_gradients_is_critical(capsys, function, line):
    lines = _run(capsys, "solve", "critical", function)
    assert lines[1] == "critical points:"
    assert lines[2].startswith(line + " (")


@pytest.mark.parametrize("function", ["abs(x) + 2x + y^2", "abs(y) - 3y + x^2", "abs(x) + abs(y) + 3x",
                                      "abs(x - y) + 2x + 2y"])
def test_a_corner_f_rises_through_is_not_critical(capsys, function):
    # on the kink line f has a critical point (y² on x = 0), but across it f only rises: 1 then 3, as |x| + 2x
    assert _run(capsys, "solve", "critical", function)[1:] == ["no critical points: ∇f is never 0"]
    assert _run(capsys, "solve", "minimize", function)[1:] == ["no local minimum"]


def test_one_variable_and_two_agree(capsys):
    assert _run(capsys, "solve", "critical", "abs(x) + 2x")[1:] == ["no critical points: f′ is never 0"]
    assert _run(capsys, "solve", "critical", "abs(x) + 2x + y^2")[1:] == ["no critical points: ∇f is never 0"]


def test_the_steps_show_the_gradients_that_decide(capsys):
    lines = _run(capsys, "solve", "critical", "abs(x) + 2x + y^2", "--steps")
    assert "   4.2. On the line x = 0: f = y², critical at (0, 0)." in lines
    assert ("   4.3. At (0, 0): the pieces of f that meet there have the gradients (1, 0) and (3, 0), and 0 does not "
            "lie between them, so it is not a critical point.") in lines
    assert "5. The critical points: ∅." in lines
    lines = _run(capsys, "solve", "critical", "abs(x) - abs(y)", "--steps")
    assert ("   4.4. At (0, 0): the pieces of f that meet there have the gradients (1, -1), (-1, -1), (-1, 1) and "
            "(1, 1), and 0 lies in the polygon they span, so it is a critical point.") in lines
    lines = _run(capsys, "solve", "critical", "abs(x)^3 + x + y^2", "--steps")
    assert ("   4.3. At (0, 0): the pieces of f that meet there have the same gradient, so ∇f = (1, 0) there: not 0, "
            "so not a critical point.") in lines


def test_a_corner_exercise_keys_what_its_prompt_says(tmp_path):
    pack = _pack(tmp_path, '{id: d, kind: critical_points, function: "abs(x) + 2x + y^2"}',
                 '{id: a, kind: critical_points, function: "abs(x) + y^2"}',
                 '{id: s, kind: critical_points, function: "abs(x) - abs(y)"}',
                 '{id: q, kind: critical_points, function: "x^2 + y^2"}')
    d, a, s, q = (pack.exercise(name).variant() for name in "dasq")
    assert d.prompt() == f"Find all critical points of f(x, y) = |x| + y² + 2x: {CORNER}."
    assert q.prompt() == "Find all critical points of f(x, y) = x² + y²."  # no corner: as before
    assert respond(d, "none").correct
    wrong = respond(d, "(0, 0)")
    assert not wrong.correct and wrong.message == "(0, 0) does not belong in the answer."
    assert respond(a, "(0, 0)").correct
    assert respond(a, "none").message == (
        "It looks like you missed (0, 0): ∇f has no value at this corner, but 0 lies between the gradients of the "
        "pieces of f that meet there, (-1, 0) and (1, 0), and that makes it a critical point too.")
    said = respond(s, "none").message
    assert "every partial derivative is zero" not in said
    assert said == ("It looks like you missed (0, 0): ∇f has no value at this corner, but 0 lies in the polygon spanned "
                    "by the gradients of the pieces of f that meet there, (1, -1), (-1, -1), (-1, 1) and (1, 1), and "
                    "that makes it a critical point too.")


def test_a_saddle_where_the_gradient_is_0_is_still_said_so(tmp_path):
    pack = _pack(tmp_path, '{id: s, kind: critical_points, function: "x^2 - y^2 - 3y"}')
    said = respond(pack.exercise("s").variant(), "none").message
    assert "A saddle point is a critical point too: every partial derivative is zero there." in said


@pytest.mark.parametrize("vectors, inside", [
    ([(-1, 0), (1, 0)], True),
    ([(1, 0), (3, 0)], False),
    ([(1, 1), (-1, 1), (-1, -1), (1, -1)], True),
    ([(4, 1), (2, 1), (2, -1), (4, -1)], False),
    ([(1, 0), (0, 1), (-1, -1)], True),
    ([(1, 0), (0, 1), (-1, 1)], False),
    ([(0, 0), (5, 7)], True),
    # exact: 0 lies on the segment only if the vectors are exactly opposite
    ([(sympy.sqrt(2), 1), (-2, -sympy.sqrt(2))], True),
    ([(sympy.sqrt(2), 1), (-2, -sympy.Rational(14142, 10000))], False),
])
def test_0_in_the_hull_is_decided_exactly(vectors, inside):
    assert zero_in_hull([tuple(sympy.sympify(c) for c in v) for v in vectors]) is inside


# ---------------------------------------------------------- the cone: ∇f has no value, f is least there


@pytest.mark.parametrize("function, shown, at, value, term", [
    ("sqrt(x^2 + y^2)", "√(x² + y²)", "0, 0", "0", "√(x² + y²)"),
    ("sqrt(x^2 + 4y^2)", "√(x² + 4y²)", "0, 0", "0", "√(x² + 4y²)"),
    ("sqrt((x-1)^2 + (y-2)^2)", "√((x - 1)² + (y - 2)²)", "1, 2", "0", "√((x - 1)² + (y - 2)²)"),
    ("(x^2 + y^2)^(1/3)", "(x² + y²)^(1/3)", "0, 0", "0", "(x² + y²)^(1/3)"),
    ("sqrt(x^2 + y^2) + 1", "√(x² + y²) + 1", "0, 0", "1", "√(x² + y²)"),
])
def test_the_cone_has_its_minimum_at_the_vertex(capsys, function, shown, at, value, term):
    assert _run(capsys, "solve", "critical", function) == [
        f"f(x, y) = {shown}", "critical points:",
        f"  ({at})  minimum (f = {value} there and f ≥ {value} near it (f - f({at}) = {term} is never negative))"]
    assert _run(capsys, "solve", "minimize", function)[1:] == [
        "local minima:", f"  ({at}): f = {value}", f"the least: f({at}) = {value}; it is the global minimum"]


def test_the_cone_steps_say_why(capsys):
    lines = _run(capsys, "solve", "minimize", "sqrt(x^2 + y^2)", "--steps")
    start = lines.index("6. Solve the equations together:")
    assert lines[start + 1:start + 7] == [
        "   6.1. x = 0 and y = 0: the point (0, 0), but ∇f has no value there.",
        "7. Where ∇f has no value but f has one, a point is critical where f has a local minimum or maximum, or "
        "where f's slopes from either side are 0 after all:",
        "   7.1. At (0, 0): ∂f/∂x is -1 from the left and 1 from the right, and f has a local minimum there, so it is "
        "a critical point.",
        "8. The critical points: {(0, 0)}.",
        "9. Classify the point:",
        "   9.1. At (0, 0): ∂f/∂x and ∂f/∂y have no value there, so the second-derivative test does not apply."]


def test_where_the_slopes_are_0_after_all(capsys):
    # x√(x² + y²): the formula of ∂f/∂x is 0/0 at the origin, but f's slopes there are 0: ∇f = 0
    lines = _run(capsys, "solve", "critical", "x*sqrt(x^2 + y^2)", "--steps")
    # and its lowest order in the distance from it, x√(x² + y²) itself, takes both signs (was "undecided")
    assert lines[1:3] == ["critical points:",
                          "  (0, 0)  saddle (f takes values above and below 0 near it (f - f(P) = x√(x² + y²) is of "
                          "order r² in the distance r from the point and > 0 in the direction (1, 0) but < 0 in the "
                          "direction (-1, 0)))"]
    assert ("   7.1. At (0, 0): f's slopes from either side along each axis are 0, so ∇f = 0 there after all: it is "
            "a critical point.") in lines


def test_cone_exercises_agree_with_solve(tmp_path):
    pack = _pack(tmp_path, '{id: c, kind: critical_points, function: "sqrt(x^2 + y^2)"}',
                 '{id: g, kind: local_minima, function: "sqrt(x^2 + y^2)"}',
                 '{id: h, kind: local_minima, function: "sqrt((x-1)^2 + (y-2)^2)"}')
    c, g, h = (pack.exercise(name).variant() for name in "cgh")
    assert c.prompt() == f"Find all critical points of f(x, y) = √(x² + y²): {UNSMOOTH}."
    assert respond(c, "(0, 0)").correct
    assert respond(c, "none").message == (
        "It looks like you missed (0, 0): ∂f/∂x is -1 from the left and 1 from the right, so ∇f has no value there, "
        "but f has a local minimum at it, and that makes it a critical point too.")
    assert respond(g, "(0, 0)").correct and not respond(g, "none").correct
    assert respond(h, "(1, 2)").correct


def test_pack_validate_accepts_the_cone(tmp_path, capsys):
    _pack(tmp_path, '{id: g, kind: local_minima, function: "sqrt(x^2 + y^2)"}',
          '{id: c, kind: critical_points, function: "sqrt(x^2 + y^2)"}')
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 0
    assert "valid" in capsys.readouterr().out


def test_where_f_has_no_value_nothing_is_added(capsys):
    # ∂f/∂x = -2x/(x² + y²)² has no value at (0, 0), and neither has f: no point of f
    assert _run(capsys, "solve", "critical", "1/(x^2 + y^2)")[1:] == ["no critical points: ∇f is never 0"]


@pytest.mark.parametrize("function, shown, missed, why", [
    # finding 185: a cusp on a kink line has no pieces' gradients for 0 to lie between; f's values decide it, as
    # at the cone's vertex, and the prompt and the feedback say that rule, not the corner's (nor a product's)
    ("sqrt(abs(x)) + y^2", "y² + √|x|", "(0, 0)", "∂f/∂x is -∞ from the left and ∞ from the right"),
    ("abs(x-1)^(2/3) + (y-2)^2", "(y - 2)² + |x - 1|^(2/3)", "(1, 2)",
     "∂f/∂x is -∞ from the left and ∞ from the right"),
    ("-sqrt(abs(y)) - x^2", "-x² - √|y|", "(0, 0)", "∂f/∂y is ∞ from the left and -∞ from the right"),
])
def test_a_cusp_on_a_kink_line_is_asked_and_told_as_the_cone_is(tmp_path, function, shown, missed, why):
    exercise = _pack(tmp_path, f'{{id: c, kind: critical_points, function: "{function}"}}').exercise("c").variant()
    assert exercise.prompt() == f"Find all critical points of f(x, y) = {shown}: {UNSMOOTH}."
    assert respond(exercise, missed).correct
    extremum = "maximum" if function.startswith("-") else "minimum"
    assert respond(exercise, "none").message == (
        f"It looks like you missed {missed}: {why}, so ∇f has no value there, but f has a local {extremum} at it, "
        "and that makes it a critical point too.")
    assert "a point is critical where f has a local minimum or maximum" in exercise.hints()[0]
    assert "0 lies between" not in exercise.hints()[0]
