"""Local minima of a periodic f (findings 181, 182): the key holds one period's minima, so the question names
that window and the hint counts in it; a right point a period on is told it lies outside the window, not that
it "does not belong" as if no minimum or critical point; with `ask: global` every minimiser is right."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.steps import render_text


def _pack(tmp_path, *exercises: str):
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n" + "".join(f"  - {e}\n" for e in exercises),
                                     encoding="utf-8")
    return tmp_path / "p.yaml"


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
    path = _pack(tmp_path, *LOCAL)
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
    code, out = _check(capsys, _pack(tmp_path, *LOCAL), name, answer)
    assert (code, out[:2]) == (1, ["incorrect", message])


@pytest.mark.parametrize("name, right, wrong", [
    ("g", ("pi", "-pi", "3pi", "-3.1416", "9.4248"), ("0", "2pi", "3.14")),
    ("h", ("(pi, 0)", "(-pi, 0)", "(5pi, 0)", "(-3.1416, 0)"), ("(0, 0)", "(-pi, 1)")),
])
def test_every_global_minimiser_is_right(tmp_path, capsys, name, right, wrong):
    path = _pack(tmp_path, *LOCAL)
    for answer in right:
        assert _check(capsys, path, name, answer)[0] == 0, answer
    for answer in wrong:
        assert _check(capsys, path, name, answer)[0] == 1, answer


def test_the_hints_and_steps_count_in_the_window(tmp_path):
    pack = packs.load(_pack(tmp_path, *LOCAL))
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
    path = _pack(tmp_path, '{id: a, kind: critical_points, function: "abs(sin(x))"}',
                 '{id: b, kind: critical_points, function: "sin(x)"}',
                 '{id: c, kind: critical_points, function: "cos(x) + y^4"}',
                 '{id: s, kind: critical_points, function: "sin(x)", region: "0 <= x < 2*pi"}')
    code, out = _check(capsys, path, name, answer)
    assert (code, out[:2]) == (1, ["incorrect", message])


def test_an_authors_region_is_shown_as_the_tutor_shows_numbers(tmp_path, capsys):
    path = _pack(tmp_path, '{id: s, kind: critical_points, function: "sin(x)", region: "0 <= x < 2*pi"}',
                 '{id: t, kind: critical_points, function: "cos(x) + y^2", region: "0 <= x <= 2*pi, -1 <= y <= 1"}')
    assert main(["pack", "show", str(path)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert "   Find all critical points of f(x) = sin(x) with 0 ≤ x < 2π: each x where f′(x) = 0." in shown
    assert "   Find all critical points of f(x, y) = cos(x) + y² in the region 0 ≤ x ≤ 2π, -1 ≤ y ≤ 1." in shown


def test_a_periodic_f_whose_minima_are_not_all_found_says_it_repeats_and_is_no_exercise(tmp_path, capsys):
    """sin(x)^(2/3) + cos²x (finding 236): least, f = 1, at every kπ/2, cusps at kπ. The minima found were
    0, π/2 and 3π/2, said to be where f is least, with a note that f does "not repeat with a period"; f repeats
    every π, so each recurs a period on, and the list is hedged, since f′ = 0 is not solved in full. A key of the
    places found would mark a cusp a period on wrong: as an exercise it is refused, for that reason (one test:
    solving f takes half a minute)."""
    assert main(["solve", "minimize", "sin(x)^(2/3) + cos(x)^2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:] == [
        "minimum: f = 1 at x = kπ or x = π/2 + kπ for every integer k (f repeats every π), and maybe at places "
        "the tutor did not find",
        "local minima: x = kπ or x = π/2 + kπ for every integer k, and maybe others the tutor did not find",
        "note: f′ = 0 is not a polynomial equation, and the tutor may not have found all its solutions, so there "
        "may be other local minima"]
    path = _pack(tmp_path, '{id: a, kind: minimize, function: "sin(x)^(2/3) + cos(x)^2"}')
    assert main(["pack", "validate", str(path)]) == 1
    shown = capsys.readouterr()
    assert (shown.out + shown.err).splitlines()[-1].endswith(
        "exercise 'a': f repeats, and the tutor can't find every place where it is least in a period, so no key "
        "can list them all: ask in a window (a critical_points exercise with a region), or use another function")
