"""Local minima of a periodic f (findings 181, 182): the key holds one period's minima, so the question names
that window and the hint counts in it; a right point a period on is told it lies outside the window, not that
it "does not belong" as if no minimum or critical point; with `ask: global` every minimiser is right."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.steps import render_text


def _check(capsys, path, name: str, answer: str) -> tuple[int, list[str]]:
    code = main(["check", "--exercise", f"{path}:{name}", "--", answer])
    return code, capsys.readouterr().out.splitlines()


LOCAL = ('{id: s, kind: local_minima, function: "sin(x)"}',
         '{id: a, kind: local_minima, function: "abs(sin(x))"}',
         '{id: q, kind: local_minima, function: "sin(x)^2"}',
         '{id: t, kind: local_minima, function: "cos(x) + y^2"}',
         '{id: g, kind: local_minima, function: "cos(x)", ask: global}',
         '{id: h, kind: local_minima, function: "cos(x) + y^2", ask: global}')


def test_the_prompt_names_the_window_the_key_holds(tmp_path, capsys):
    path = pack_file(tmp_path, *LOCAL)
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: valid (6 exercises; each one's answer grades as correct)\n"
    assert main(["pack", "show", str(path), "--answers"]) == 0
    shown = capsys.readouterr().out.splitlines()
    for line in (
            "   Find every local minimum of f(x) = sin(x) with 0 ≤ x < 2π, from left to right (to 4 decimal places).",
            "   Find every local minimum of f(x) = |sin(x)| with 0 ≤ x < π, from left to right (to 4 decimal "
            "places).",
            "   Find every local minimum of f(x) = sin(x)² with 0 ≤ x < π, from left to right (to 4 decimal places).",
            "   Find every local minimum of f(x, y) = cos(x) + y² with 0 ≤ x < 2π (to 4 decimal places).",
            "   Where is a global minimum of f(x) = cos(x)? f repeats every 2π, so it is least at infinitely many x: "
            "give one (to 4 decimal places).",
            "   Where is a global minimum of f(x, y) = cos(x) + y²? f repeats every 2π in x, so it is least at "
            "infinitely many points: give one (to 4 decimal places)."):
        assert line in shown


@pytest.mark.parametrize("name, answer, message", [
    ("s", "-pi/2", "x = -π/2 does not belong in the answer: it lies outside 0 ≤ x < 2π, where the question asks "
                   "for the local minima. 1 local minimum in 0 ≤ x < 2π is missing."),
    ("s", "-pi/2, 3pi/2", "x = -π/2 does not belong in the answer: it lies outside 0 ≤ x < 2π, where the question "
                          "asks for the local minima."),
    ("a", "0, pi", "x = π does not belong in the answer: it lies outside 0 ≤ x < π, where the question asks for "
                   "the local minima."),
    ("q", "pi", "x = π does not belong in the answer: it lies outside 0 ≤ x < π, where the question asks for the "
                "local minima. 1 local minimum in 0 ≤ x < π is missing."),
    ("t", "(-pi, 0)", "(-π, 0) does not belong in the answer: it lies outside 0 ≤ x < 2π, where the question asks "
                      "for the local minima. 1 local minimum in 0 ≤ x < 2π is missing."),
    ("s", "1, 3pi/2", "f has 1 local minimum in 0 ≤ x < 2π, but your answer gives 2."),
])
def test_a_minimum_a_period_on_lies_outside_the_window(tmp_path, capsys, name, answer, message):
    code, out = _check(capsys, pack_file(tmp_path, *LOCAL), name, answer)
    assert (code, out[:2]) == (1, ["incorrect", message])


@pytest.mark.parametrize("name, right, wrong", [
    ("g", ("pi", "-pi", "3pi", "-3.1416", "9.4248"), ("0", "2pi", "3.14")),
    ("h", ("(pi, 0)", "(-pi, 0)", "(5pi, 0)", "(-3.1416, 0)"), ("(0, 0)", "(-pi, 1)")),
])
def test_every_global_minimiser_is_right(tmp_path, capsys, name, right, wrong):
    path = pack_file(tmp_path, *LOCAL)
    for answer in right:
        assert _check(capsys, path, name, answer)[0] == 0, answer
    for answer in wrong:
        assert _check(capsys, path, name, answer)[0] == 1, answer


def test_the_hints_and_steps_count_in_the_window(tmp_path):
    pack = packs.load(pack_file(tmp_path, *LOCAL))
    every, lowest, two = (pack.exercise(n).variant() for n in ("s", "g", "t"))
    assert every.hints()[-1] == "There is 1 local minimum in 0 ≤ x < 2π."
    assert lowest.hints()[1] == "There is 1 local minimum in 0 ≤ x < 2π; compare f's values at it."
    assert render_text(every.steps()).splitlines()[0] == "The local minima of f = sin(x) with 0 ≤ x < 2π: x = 3π/2"
    assert render_text(two.steps()).splitlines()[0] == \
        "The local minima of f = cos(x) + y² with 0 ≤ x < 2π: {(π, 0)}"
    assert render_text(lowest.steps()).splitlines()[0] == \
        "A global minimum of f = cos(x) (one of those where it is least): π"


@pytest.mark.parametrize("name, answer, message", [
    ("a", "0, pi/2, pi", "x = π does not belong in the answer: it lies outside 0 ≤ x < π, where the question asks "
                         "for the critical points."),
    ("b", "-pi/2, pi/2", "x = -π/2 does not belong in the answer: it lies outside 0 ≤ x < 2π, where the question "
                         "asks for the critical points. 1 critical point in 0 ≤ x < 2π is missing."),
    ("c", "(0, 0), (pi, 0), (2pi, 0)", "(2π, 0) does not belong in the answer: it lies outside 0 ≤ x < 2π, where "
                                       "the question asks for the critical points."),
    ("s", "-pi/2, pi/2, 3pi/2", "x = -π/2 does not belong in the answer: it lies outside the region 0 ≤ x < 2π, "
                                "where the question asks for the critical points."),
    ("a", "0, pi/2, 7", "x = 7 does not belong in the answer."),  # no critical point: no window to blame
])
def test_a_critical_point_a_period_on_lies_outside_the_window(tmp_path, capsys, name, answer, message):
    path = pack_file(tmp_path, '{id: a, kind: critical_points, function: "abs(sin(x))"}',
                 '{id: b, kind: critical_points, function: "sin(x)"}',
                 '{id: c, kind: critical_points, function: "cos(x) + y^4"}',
                 '{id: s, kind: critical_points, function: "sin(x)", region: "0 <= x < 2*pi"}')
    code, out = _check(capsys, path, name, answer)
    assert (code, out[:2]) == (1, ["incorrect", message])


def test_an_authors_region_is_shown_as_the_tutor_shows_numbers(tmp_path, capsys):
    path = pack_file(tmp_path, '{id: s, kind: critical_points, function: "sin(x)", region: "0 <= x < 2*pi"}',
                 '{id: t, kind: critical_points, function: "cos(x) + y^2", region: "0 <= x <= 2*pi, -1 <= y <= 1"}')
    assert main(["pack", "show", str(path)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert "   Find all critical points of f(x) = sin(x) with 0 ≤ x < 2π: each x where f′(x) = 0." in shown
    assert "   Find all critical points of f(x, y) = cos(x) + y² in the region 0 ≤ x ≤ 2π, -1 ≤ y ≤ 1." in shown


@pytest.mark.parametrize("function, slope", [
    # f″ < 0 between the kinks (kπ and π/2 + kπ): the kinks hold every minimum, and f′ = 0 is not solved
    ("abs(sin(x))^(2/3) + abs(cos(x))",
     "f′(x) = -sin(x)sign(cos(x)) + 2 cos(x)sign(sin(x))/(3|sin(x)|^(1/3)); the minimum is at a cusp"),
    # f′ = 2cos x (1/(3sin(x)^(1/3)) − sin x): each factor solved alone, cos x = 0 and sin(x)^(4/3) = 1/3
    ("sin(x)^(2/3) + cos(x)^2", "f′(x) = -2 sin(x)cos(x) + 2 cos(x)/(3 sin(x)^(1/3)); the minimum is at a cusp"),
])
def test_a_periodic_f_least_at_its_cusps_and_corners_is_least_at_each_a_period_on(tmp_path, capsys, function, slope):
    """Finding 236: f = 1 at every kπ/2, cusps at kπ, f repeats every π. The minima were a grid's (±π/2 and a gapped
    list, no cusp) or 0, π/2 and 3π/2 hedged, after a minute of sympy's searches for f′ = 0; a key of them marked
    a cusp a period on wrong."""
    assert main(["solve", "minimize", function]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith(slope)
    assert lines[2:] == [
        "minimum: f = 1 at x = 0 and x = π/2",
        "local minima: x = 0, x = π/2; the least is the global minimum",
        "note: f repeats every π: these are the solutions and minima with 0 ≤ x < π, and each recurs at x + k·π for "
        "every integer k"]
    path = pack_file(tmp_path, f'{{id: a, kind: minimize, function: "{function}"}}')
    assert [_check(capsys, path, "a", answer)[1][0] for answer in ("-pi", "3pi/2", "1")] == \
        ["correct", "correct", "incorrect"]
