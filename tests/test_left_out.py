"""Exercises whose maths can't be keyed: refused by validation with the real reason (a flat stretch, a point
where f′ has no value), and left out, not the whole pack refused, by practice and the grader (findings 163,
164 and 170)."""

from __future__ import annotations

import csv
import json

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main
from tutor.practice import Session
from tutor.store import Store


def _validate(tmp_path, capsys, exercise: str) -> str:
    """What `tutor pack validate` says of a pack of this one exercise (exit status 1)."""
    pack_file(tmp_path, f"{{id: a, {exercise}}}")
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
    pack_file(tmp_path, "{id: a, kind: classify_point, function: 'min(x^2, 1)', at: [0]}",
              "{id: b, kind: classify_point, function: 'max(0, x)^2', at: [0]}")
    assert main(["pack", "show", str(tmp_path / "p.yaml"), "--answers"]) == 0
    # max(0, x)²'s f″ is 0 left of 0 and 2 right of it: no f″(0), so no test (finding 291), and f's values decide
    assert [line for line in capsys.readouterr().out.splitlines() if "answer:" in line] == [
        "   answer: minimum", "   answer: inconclusive or minimum"]


@pytest.mark.parametrize("answer", ["-3", "-1", "0"])
def test_minimize_keeps_any_point_of_the_least_stretch(tmp_path, capsys, answer):
    # minimize's answer is one x: any x of the stretch where f is least is right, as its prompt says ("an x")
    pack_file(tmp_path, "{id: m, kind: minimize, function: 'x*abs(x) + x^2'}")
    assert main(["check", "--exercise", f"{tmp_path / 'p.yaml'}:m", "--", answer]) == 0


@pytest.mark.parametrize("function, refusal", [
    ("x^3 + y^3", "it has no local minimum"),
    ("e^x", "it has no local minimum"),
    ("abs(x) + 2x", "it has no local minimum"),
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
    assert f"{tmp_path / 'lo.yaml'}:5:5: exercise 'l' not graded for anyone: {WHY}; it is left out of the points " \
           "possible: mend the exercise" in out
    assert "class mean: 50% of 1 point" in out
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8") as grades:
        rows = [(r["student"], r["a"], r["l"], r["total"], r["max"]) for r in csv.DictReader(grades)]
    assert rows == [("points possible", "1", "", "1", "1"), ("ana", "1", "", "1", "1"), ("ben", "0", "", "0", "1")]


# finding 183: an exercise no student could be graded on was still counted in the points possible ("class mean:
# 33.3% of 6 points", Canvas's Points Possible 6 and a 2 of 2 scaled up to 6), and students were told how to
# mend the pack ("Ask for its critical points in a window ..., or use another function")
LEFT = ("pack: g21\ntitle: Left-out test\nexercises:\n"
        "  - {id: a, kind: minimize, function: 'x^2 - 2x'}\n"
        "  - {id: flat, kind: local_minima, function: 'max(0,x)^2'}\n"
        "  - {id: b, kind: critical_points, function: 'x^3 - 3x'}\n"
        "  - {id: wig, kind: minimize, function: 'sin(x) + x/10'}\n")
TOLD = "Exercise '{}' was not graded: it can't be set as written, so nobody was graded on it. It does not count " \
       "towards the total."


@pytest.fixture
def left(tmp_path):
    (tmp_path / "g21.yaml").write_text(LEFT, encoding="utf-8")
    (tmp_path / "class.csv").write_text('student,exercise,answer\nana,a,1\nana,flat,0\nana,b,"-1, 1"\nben,a,2\n'
                                        "ben,wig,0\ncy,flat,x<=0\n", encoding="utf-8")
    (tmp_path / "roster.csv").write_text("id,name\nana,Ana\nben,Ben\ncy,Cy\ndee,Dee\n", encoding="utf-8")
    return tmp_path


def _grade(folder, *more: str) -> None:
    assert main(["grade", str(folder / "g21.yaml"), str(folder / "class.csv"), "--roster", str(folder / "roster.csv"),
                 "--out", str(folder / "out"), *more]) == 0


def test_an_exercise_graded_for_no_one_is_left_out_of_the_points_possible(left, capsys):
    _grade(left, "--format", "canvas", "--summary", str(left / "summary.md"))
    out = capsys.readouterr().out.splitlines()
    assert [line.partition(": exercise ")[2].partition(":")[0] for line in out if "not graded for" in line] == [
        "'flat' not graded for anyone", "'wig' not graded for anyone"]
    assert all(line.endswith("; it is left out of the points possible: mend the exercise")
               for line in out if "not graded for" in line)
    assert "class mean: 25% of 2 points" in out  # ana 2 of 2, ben, cy and dee 0 of 2
    grades = (left / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()
    assert grades[:2] == ["student,name,a,flat,b,wig,total,max,percent,note", "points possible,,1,,1,,2,2,100,"]
    assert grades[2] == f"ana,Ana,1,,1,,2,2,100,\"{TOLD.format('flat')} {TOLD.format('wig')}\""
    # nothing submitted: not graded, nor counted, for dee either
    assert grades[5] == f"dee,Dee,0,,0,,0,2,0,\"Nothing was submitted. {TOLD.format('flat')} {TOLD.format('wig')}\""
    assert (left / "out" / "canvas.csv").read_text(encoding="utf-8").splitlines() == [
        "Student,ID,SIS User ID,SIS Login ID,Section,Left-out test", "Points Possible,,,,,2",
        "Ana,,,ana,,2", "Ben,,,ben,,0", "Cy,,,cy,,0", "Dee,,,dee,,0"]
    report = json.loads((left / "out" / "report.json").read_text(encoding="utf-8"))
    assert [e.get("left_out", False) for e in report["exercises"]] == [False, True, False, True]
    assert [(s["student"], s["total"], s["max"]) for s in report["students"]] == [
        ("ana", 2, 2), ("ben", 0, 2), ("cy", 0, 2), ("dee", 0, 2)]
    summary = (left / "summary.md").read_text(encoding="utf-8")
    assert "4 students, 4 exercises worth 2 points (2 could be graded for no one, and are not counted); class mean " \
           "0.5 points." in summary
    assert "| 2 | flat | not counted | 0 | 0 | – | – | not graded: mend the exercise |" in summary  # nor hard
    assert "Not graded for anyone, as it can't be set: it has no" not in summary
    assert "It is left out of the points possible, and of the figures above; mend the exercise." in summary


def test_an_exercise_graded_for_no_one_has_no_column_of_its_own_in_an_lms_file(left):
    _grade(left, "--format", "canvas", "--columns", "exercise")
    assert (left / "out" / "canvas.csv").read_text(encoding="utf-8").splitlines()[:3] == [
        "Student,ID,SIS User ID,SIS Login ID,Section,g21: a,g21: b", "Points Possible,,,,,1,1", "Ana,,,ana,,1,1"]


def test_students_are_told_it_does_not_count_and_never_how_to_mend_the_pack(left):
    _grade(left, "--feedback", str(left / "pages"))
    page = (left / "pages" / "ben.md").read_text(encoding="utf-8")
    assert "Score: 0 of 2 points (0%); not graded, and not counted: flat, wig  \n" in page
    assert f"## 4. wig (not graded)\n\n- Your answer: 0\n- Verdict: not graded\n- Feedback: {TOLD.format('wig')}\n" \
           in page
    grades = (left / "out" / "grades.csv").read_text(encoding="utf-8")
    for told in (page, grades):
        assert "another function" not in told and "mend" not in told
    with open(left / "out" / "problems.csv", encoding="utf-8") as problems:  # the author's reason, for each student
        said = [r["message"] for r in csv.DictReader(problems) if "'wig'" in r["message"]]
    assert len(said) == 4 and all("or use another function" in message for message in said)


def test_pack_show_names_it_and_shows_the_rest(tmp_path, capsys):
    (tmp_path / "lo.yaml").write_text(PACK, encoding="utf-8")
    assert main(["pack", "show", str(tmp_path / "lo.yaml")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"   exercise 'l' can't be set: {WHY}; it is not graded nor " \
                                                       "practised"
