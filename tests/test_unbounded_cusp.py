"""Finding 180: a cusp minimum of a function that falls without bound far out is only local. √|x| − x/100
falls past its maximum at 2500, beyond the grid of samples (to 10⁴) that looked for smaller values: the
limit of f at ±∞, taken exactly, tells it; and the critical points, solved on each side of the cusp, are
every one there is, so x^(2/3) − x/10 is set, not refused as if its minima could not all be found."""

from __future__ import annotations

import pytest

from tutor.cli import main

ONLY_LOCAL = "note: this minimum is only local: f decreases without bound"


def _solve(capsys, function: str) -> list[str]:
    assert main(["solve", "minimize", function]) == 0
    return capsys.readouterr().out.splitlines()


def _cusp(x: int) -> str:
    return (f"the minimum is at a cusp, not where f′ = 0 (f is not differentiable at x = {x}: "
            "f′ is -∞ from the left and ∞ from the right)")


@pytest.mark.parametrize("function, least", [
    ("sqrt(abs(x)) - x/100", "minimum: f(0) = 0"),  # a maximum at 2500, then it falls, past the grid's 10⁴
    ("x^(2/3) - x/100", "minimum: f(0) = 0"),  # a maximum at 8000000/27
    ("(x-2)^(2/3) - x/100", "minimum: f(2) = -1/50"),  # a maximum at 8000054/27
    ("x^(2/3) - x/10", "minimum: f(0) = 0"),  # within the grid: said as the others, not "smaller at f(9900)"
    ("sqrt(abs(x)) + x/100", "minimum: f(0) = 0"),  # falls to the left, past -2500
])
def test_a_cusp_minimum_is_only_local_where_f_falls_without_bound(capsys, function, least):
    out = _solve(capsys, function)
    assert out[1].endswith(_cusp(2 if "(x-2)" in function else 0))
    assert out[2:] == [least, ONLY_LOCAL]  # every critical point is known: no "may not have found all" note


@pytest.mark.parametrize("function", ["sqrt(abs(x)) + x^2/100", "x^(2/3)", "x^(2/3) + x^2"])
def test_a_cusp_minimum_of_a_function_that_rises_stays_the_minimum(capsys, function):
    out = _solve(capsys, function)
    assert out[1].endswith(_cusp(0)) and out[2:] == ["minimum: f(0) = 0"]


FUNCTIONS = {  # id: function, as a pack writes it
    "a": "sqrt(abs(x)) - x/100", "b": "x^(2/3) - x/100", "c": "(x-2)^(2/3) - x/100",
    "d": "x^(2/3) - x/10",  # was refused: "f may have infinitely many local minima and no least one"
    "e": "sqrt(abs(x)) + x^2/100", "f": "x^(2/3)",
    "s": "sin(x) + x/10",  # falls without bound too, but its minima go on with no least one: still refused
}


def test_the_exercise_asks_for_the_local_minimum_where_f_falls_without_bound(tmp_path, capsys):
    pack = tmp_path / "cusps.yaml"
    pack.write_text("pack: cusps\ntitle: Cusps\nexercises:\n" + "".join(
        f"  - {{id: {key}, kind: minimize, function: \"{f}\"}}\n" for key, f in FUNCTIONS.items()))
    main(["pack", "show", str(pack), "--answers"])
    out = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert out[1:13] == [
        "1. a (minimize)", "Find the x where f(x) = -x/100 + √|x| has its local minimum.", "answer: 0",
        "2. b (minimize)", "Find the x where f(x) = -x/100 + x^(2/3) has its local minimum.", "answer: 0",
        "3. c (minimize)", "Find the x where f(x) = -x/100 + (x - 2)^(2/3) has its local minimum.", "answer: 2",
        "4. d (minimize)", "Find the x where f(x) = -x/10 + x^(2/3) has its local minimum.", "answer: 0"]
    assert out[13:19] == [
        "5. e (minimize)", "Find the x that minimises f(x) = x²/100 + √|x|.", "answer: 0",
        "6. f (minimize)", "Find the x that minimises f(x) = x^(2/3).", "answer: 0"]
    assert out[19] == "7. s (minimize)" and "infinitely many local minima, ever lower, and no least one" in out[20]


def test_local_minima_asked_for_the_global_one_is_refused_as_a_polynomial_is(tmp_path, capsys):
    pack = tmp_path / "global.yaml"
    pack.write_text("pack: global\ntitle: Global\nexercises:\n"
                    "  - {id: a, kind: local_minima, function: \"sqrt(abs(x)) - x/100\", ask: global}\n"
                    "  - {id: p, kind: local_minima, function: \"x^2 - x^3/30000\", ask: global}\n")
    main(["pack", "show", str(pack), "--answers"])
    out = capsys.readouterr().out
    # known to have none, which is said so (outside check h48, N8), not that it is not known
    assert out.count("f has no global minimum: f decreases without bound, so no minimum is global") == 2
