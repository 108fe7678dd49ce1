"""Exercises whose maths can't be keyed: refused by validation with the real reason (a flat stretch, a point
where f′ has no value), and left out, not the whole pack refused, by practice and the grader (findings 163,
164 and 170)."""

from __future__ import annotations

import csv

import pytest

from tutor import packs
from tutor.cli import main
from tutor.practice import Session
from tutor.store import Store


def _validate(tmp_path, capsys, exercise: str) -> str:
    """What `tutor pack validate` says of a pack of this one exercise (exit status 1)."""
    (tmp_path / "p.yaml").write_text(f"pack: p\nexercises:\n  - {{id: a, {exercise}}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    return capsys.readouterr().out.rstrip().partition(": exercise 'a': ")[2]


def _flat(where: str, so: str) -> str:
    return (f"f is flat all along {where}: every point there is a local minimum (and a local maximum), as f is "
            f"constant near it, so {so}")


# finding 163: each was keyed with single points (x|x| + x²: 0 alone) while `tutor solve` and the steps said
# every point of the stretch is a local minimum, and "-1, 0" was marked wrong
@pytest.mark.parametrize("function, where", [
    ("x*abs(x) + x^2", "the stretch x < 0"),
    ("max(0, x)^2", "the stretch x < 0"),
    ("min(x^2, 1)", "the stretches x < -1 and x > 1"),
    ("max(0, x)^3 - 3*max(0, x)", "the stretch x < 0"),
    # finding 164: these were refused as "it has no local minimum"
    ("max(0, x^2 - 1)", "the stretch -1 < x < 1"),
    ("abs(x - 1) + abs(x + 1)", "the stretch -1 < x < 1"),
    ("max(x^2, 1)", "the stretch -1 < x < 1"),
    ("max(0, x)", "the stretch x < 0"),
])
def test_local_minima_of_a_function_flat_along_a_stretch_are_refused_with_the_reason(tmp_path, capsys, function,
                                                                                     where):
    said = _validate(tmp_path, capsys, f"kind: local_minima, function: '{function}'")
    assert said == _flat(where, "its local minima can't be listed as numbers")


def test_critical_points_say_the_same_of_a_flat_stretch(tmp_path, capsys):
    said = _validate(tmp_path, capsys, "kind: critical_points, function: 'min(x^2, 1)'")
    assert said == _flat("the stretches x < -1 and x > 1", "its critical points can't be listed as numbers")


@pytest.mark.parametrize("function, at", [("max(0, x)^2", "-1"), ("min(x^2, 1)", "2"), ("x*abs(x) + x^2", "-3")])
def test_a_point_inside_a_flat_stretch_is_not_asked_to_be_classified(tmp_path, capsys, function, at):
    # max(0, x)² at -1: "minimum" was right and "maximum" wrong, though -1 is both
    said = _validate(tmp_path, capsys, f"kind: classify_point, function: '{function}', at: [{at}]")
    assert said.endswith(f"as f is constant near it, so {at} is both, which no one label says")


def test_a_point_at_the_end_of_a_flat_stretch_or_off_it_is_classified(tmp_path, capsys):
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n  - {id: a, kind: classify_point, function: 'min(x^2, 1)', "
                                     "at: [0]}\n  - {id: b, kind: classify_point, function: 'max(0, x)^2', at: [0]}\n",
                                     encoding="utf-8")
    assert main(["pack", "show", str(tmp_path / "p.yaml"), "--answers"]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "answer:" in line] == [
        "   answer: minimum", "   answer: minimum"]


@pytest.mark.parametrize("answer", ["-3", "-1", "0"])
def test_minimize_keeps_any_point_of_the_least_stretch(tmp_path, capsys, answer):
    # minimize's answer is one x: any x of the stretch where f is least is right, as its prompt says ("an x")
    (tmp_path / "p.yaml").write_text("pack: p\nexercises:\n  - {id: m, kind: minimize, function: 'x*abs(x) + x^2'}\n",
                                     encoding="utf-8")
    assert main(["check", "--exercise", f"{tmp_path / 'p.yaml'}:m", "--", answer]) == 0


@pytest.mark.parametrize("function, refusal", [
    ("x^3 + y^3", "it has no local minimum"),
    ("e^x", "it has no local minimum"),
    ("abs(x) + 2x", "it has no local minimum"),
    # f has a value at 0 and f′ none: the tutor does not look there, and says so, not that f has no minimum
    ("sqrt(x)", "the tutor finds no local minimum where f′ = 0, and can't tell whether f has one at x = 0, where "
                "f′ has no value"),
    ("sqrt(x^2 - 1)", "the tutor finds no local minimum where f′ = 0, and can't tell whether f has one at x = -1 or "
                      "x = 1, where f′ has no value"),
    ("sqrt(x) + y^2", "the tutor finds no local minimum where ∇f = 0, and can't tell whether f has one where ∇f has "
                      "no value"),
])
def test_a_local_minima_exercise_with_none_to_list_says_what_the_tutor_knows(tmp_path, capsys, function, refusal):
    assert _validate(tmp_path, capsys, f"kind: local_minima, function: '{function}'") == refusal


# ------------------------------------------------------------------ finding 170: left out, not the pack refused

PACK = ("pack: lo\ntitle: Left out\nexercises:\n"
        "  - {id: a, kind: minimize, function: 'x^2 - 2x'}\n"
        "  - {id: l, kind: local_minima, function: 'min(x^2, 1)'}\n")
WHY = _flat("the stretches x < -1 and x > 1", "its local minima can't be listed as numbers")


def test_validation_still_reports_it_where_it_is_written(tmp_path, capsys):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "lo.yaml")]) == 1
    assert capsys.readouterr().out == f"{tmp_path / 'lo.yaml'}:5:43: exercise 'l': {WHY}\n"


def test_practice_leaves_it_out_and_says_when_the_rest_is_solved(tmp_path):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    session = Session(packs.load(tmp_path / "lo.yaml"), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    assert "Find the x that minimises f(x) = x² - 2x." in [line.text for line in session.start()]
    said = [line.text for line in session.handle("1")]
    assert said[:5] == [
        "✓ Correct.",
        f"Note: exercise 2 (l) can't be set, so it is left out: {WHY}",
        "",
        "You have solved every exercise of Left out that can be set. From now on they come with new numbers where "
        "they have parameters; :pack gradients has more practice.",
        ""]
    assert session.on_screen.spec.id == "a"
    assert "You have solved" not in " ".join(line.text for line in session.handle("1"))  # said once


def test_practice_from_the_command_line_starts(tmp_path, capsys, monkeypatch):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("1\n:quit\n"))
    assert main(["--pack", str(tmp_path / "lo.yaml"), "--student", "t1", "--seed", "1"]) == 0
    assert f"Note: exercise 2 (l) can't be set, so it is left out: {WHY}" in capsys.readouterr().out.splitlines()


def test_a_pack_with_an_unknown_key_is_still_refused_whole(tmp_path, capsys, monkeypatch):
    (tmp_path / "lo.yaml").write_text(PACK.replace("function: 'x^2", "functon: 'x^2"), encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    assert main(["--pack", str(tmp_path / "lo.yaml"), "--student", "t1"]) == 2
    assert "exercise 'a': unknown key 'functon'; did you mean 'function'?" in capsys.readouterr().err


def test_the_grader_does_not_grade_it_for_anyone_and_says_why(tmp_path, capsys):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "class.csv").write_text("student,exercise,answer\nana,a,1\nana,l,0\nben,a,2\n", encoding="utf-8")
    assert main(["grade", str(tmp_path / "lo.yaml"), str(tmp_path / "class.csv"), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'lo.yaml'}:5:5: exercise 'l' not graded for 2 students: {WHY}; it does not count towards " \
           "their totals (problems.csv names them): mend the exercise" in out
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8") as grades:
        rows = [(r["student"], r["a"], r["l"], r["total"], r["max"]) for r in csv.DictReader(grades)]
    assert rows == [("points possible", "1", "1", "2", "2"), ("ana", "1", "", "1", "1"), ("ben", "0", "", "0", "1")]


def test_pack_show_names_it_and_shows_the_rest(tmp_path, capsys):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    assert main(["pack", "show", str(tmp_path / "lo.yaml")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"   exercise 'l' can't be set: {WHY}; it is not graded nor " \
                                                       "practised"
