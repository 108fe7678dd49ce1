"""A critical line that runs out of f's domain (y = 0 of y² ln x, where x ≤ 0) is critical only where f has a
value, which is said; its points there are classified by the sign of the factor beside the line's own square:
y² ln x is y² times ln x, ≤ 0 near y = 0 where 0 < x < 1, ≥ 0 where 1 < x (finding 331)."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main


def _solve(capsys, *argv: str) -> tuple[list[str], list[str]]:
    assert main(["solve", *argv]) == 0
    summary, _, steps = capsys.readouterr().out.partition("\n\nSteps:\n")
    return summary.splitlines(), steps.splitlines()


@pytest.mark.parametrize("function, line", [
    ("ln(x) y^2", "y² ln(x)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where 0 < x (f has no value elsewhere on it): f = 0 all along it; maxima where 0 < x < 1; "
     "neither minima nor maxima where x = 1; minima where 1 < x"),
    # the edges of f's domain (x = 0, x = ±1), where ∇f has no value, are not looked at, which is said: each of
    # their points is a minimum too (outside check h48, N3)
    ("sqrt(x) y^2", "y²√x\ncritical sets (every point on them is critical):\n"
     "  y = 0 where 0 ≤ x (f has no value elsewhere on it): f = 0 all along it; minima all along it\n"
     "note: ∇f has no value where x = 0, and those points were not looked at, so some critical points may be "
     "missing"),
    ("sqrt(1 - x^2) y^2", "y²√(1 - x²)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where -1 ≤ x ≤ 1 (f has no value elsewhere on it): f = 0 all along it; minima all along it\n"
     "note: ∇f has no value where 1 - x² = 0, and those points were not looked at, so some critical points may "
     "be missing"),
    ("-sqrt(1 - x^2) y^2", "-y²√(1 - x²)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where -1 ≤ x ≤ 1 (f has no value elsewhere on it): f = 0 all along it; maxima all along it\n"
     "note: ∇f has no value where 1 - x² = 0, and those points were not looked at, so some critical points may "
     "be missing"),
    # the line's own factor to an odd power: f changes sign across it everywhere
    ("ln(x) y^3", "y³ ln(x)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where 0 < x (f has no value elsewhere on it): f = 0 all along it; neither minima nor maxima all "
     "along it"),
    # inverse functions: asin x has a value only where -1 ≤ x ≤ 1, atanh x where -1 < x < 1 (finding 361)
    ("asin(x) y^2", "y² asin(x)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where -1 ≤ x ≤ 1 (f has no value elsewhere on it): f = 0 all along it; maxima where -1 ≤ x < 0; "
     "neither minima nor maxima where x = 0; minima where 0 < x ≤ 1"
     "\nnote: ∇f has no value where 1 - x² = 0, and those points were not looked at; the equations are not "
     "polynomial, so the solutions found may not be all the critical points"),
    ("acos(x) y^2", "y² acos(x)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where -1 ≤ x ≤ 1 (f has no value elsewhere on it): f = 0 all along it; minima all along it"
     "\nnote: ∇f has no value where 1 - x² = 0, and those points were not looked at; the equations are not "
     "polynomial, so the solutions found may not be all the critical points"),
    ("atanh(x) y^2", "y² atanh(x)\ncritical sets (every point on them is critical):\n"
     "  y = 0 where -1 < x < 1 (f has no value elsewhere on it): f = 0 all along it; maxima where -1 < x < 0; "
     "neither minima nor maxima where x = 0; minima where 0 < x < 1"
     "\nnote: the equations are not polynomial, so the solutions found may not be all the critical points"),
    # near miss: a polynomial has a value all along its line, which is whole
    ("x y^2", "xy²\ncritical sets (every point on them is critical):\n"
     "  y = 0: f = 0 all along it; maxima where x < 0; neither minima nor maxima where x = 0; minima where 0 < x"),
])
def test_the_line_is_critical_only_where_f_has_a_value(capsys, function, line):
    summary, _ = _solve(capsys, "critical", function)
    assert "\n".join(summary) == f"f(x, y) = {line}"


def test_the_steps_say_where_and_why_each_stretch_is_what_it_is(capsys):
    _, steps = _solve(capsys, "critical", "ln(x) y^2", "--steps")
    assert steps[-4:] == [
        "9. Every point of the line y = 0 where 0 < x (f has no value elsewhere on it) is critical; f = 0 all "
        "along it.",
        "   9.1. Where 0 < x < 1: every point of it is a local maximum, since f = 0 all along it and f ≤ 0 near each "
        "of its points (f - 0 is y² times ln(x)).",
        "   9.2. Where x = 1: every point of it is neither a minimum nor a maximum, since f takes values above and "
        "below 0 near each of its points (f - 0 is y² times ln(x)).",
        "   9.3. Where 1 < x: every point of it is a local minimum, since f = 0 all along it and f ≥ 0 near each of "
        "its points (f - 0 is y² times ln(x)).",
    ]


@pytest.mark.parametrize("function, said", [
    ("sqrt(x) y^2", ["minima all along y = 0 where 0 ≤ x (f has no value elsewhere on it), f = 0",
                     "the least: f = 0 for every (x, y) with y = 0 where 0 ≤ x (f has no value elsewhere on it); "
                     "whether it is the global minimum is not known for sure",
                     "note: ∇f has no value where x = 0, and those points were not looked at, so some critical "
                     "points may be missing"]),
    ("ln(x) y^2", ["minima along y = 0 where 1 < x, f = 0"]),
])
def test_minimize_names_the_minima_where_f_has_a_value(capsys, function, said):
    summary, _ = _solve(capsys, "minimize", function)
    assert summary[1:] == said


def test_a_list_that_leaves_out_the_domains_edges_is_not_called_complete(capsys):
    """f(±1, y) = 0 for every y and f ≥ 0: the edges hold minima, so the list can't be complete (h48, N3)."""
    assert main(["solve", "critical", "y^2*sqrt(1 - x^2)", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["complete"] is False
    assert found["note"].startswith("∇f has no value where 1 - x² = 0")


def test_the_json_of_one_variable_gives_f_second_derivative_as_fxx_alone(capsys):
    """D = f_xx·f_yy − f_xy² has no meaning in one variable: it was f″ again (outside check h48, N8); the test's
    label stays beside the nature that f's values give at the domain's ends."""
    assert main(["solve", "critical", "sqrt(1 - x^2)", "--json"]) == 0
    points = json.loads(capsys.readouterr().out)["points"]
    assert [(p["point"], p["nature"], p["label"], p["D"], p["fxx"]) for p in points] == [
        (["-1"], "minimum", "inconclusive", None, None), (["0"], "maximum", "maximum", None, "-1"),
        (["1"], "minimum", "inconclusive", None, None)]


def test_a_list_solveset_shows_whole_is_complete_in_one_variable(capsys, tmp_path):
    """x + √(1 − x²): sympy's solve finds f′'s one zero √2/2, and solveset's finite set holds no other; `critical`
    said the list may be short where `minimize` proved its minimum global (outside check h48, N7)."""
    assert main(["solve", "critical", "x + sqrt(1 - x^2)", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert ([p["point"] for p in found["points"]], found["complete"], found["note"]) == (
        [["-1"], ["√2/2"], ["1"]], True, "")
    pack = tmp_path / "p.yaml"  # and an exercise of it can be set, where it was refused
    pack.write_text("pack: p\nexercises:\n  - {id: a, kind: local_minima, function: x + sqrt(1 - x^2)}\n",
                    encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 0
