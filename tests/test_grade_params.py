"""A parameterised pack from pack to gradebook, as a TA meets it: six exercises of six kinds, each
student with numbers of their own, one parameter (`k` in ln(k x), drawn from 0 to 3) that makes
some students' variant impossible to set, a roster with a student who submitted nothing and an
answer under a misspelt id. Every file the TA reads is checked as written."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests import lms_rules
from tutor import packs
from tutor.cli import main
from tutor.grade import grade as grade_class
from tutor.journal import FILE_NAME
from tutor.packs import ExerciseSpec
from tutor.practice import Session
from tutor.store import Store
from tutor.submissions import read_submissions
from tutor.templates import matcher, outline
from tutor.topics import FieldError

DATA = Path(__file__).parent / "data" / "grade" / "params"
PACK = str(DATA / "week5.yaml")
NOT_GRADED = ("Exercise 'log' was not graded: with k = 0, the function has no variables. It does not count "
              "towards the total.")
# what the student sees (grades.csv's note, their page, Gradescope): their numbers, not the author's reason
TOLD = "Exercise 'log' was not graded: it can't be set with your numbers (k = 0). It does not count towards the total."
OUTPUTS = ("grades.csv", "answers.csv", "misconceptions.csv", "problems.csv", "report.json", "canvas.csv")


def grade(out: Path, *options: str) -> int:
    """`tutor grade` in the pack's folder, as a TA types it: files by name."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(DATA)
        return main(["grade", "week5.yaml", "answers.csv", "--roster", "roster.csv", "--out", str(out), *options])


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("params")
    assert grade(folder / "out", "--jobs", "1", "--format", "canvas", "--summary", str(folder / "summary.md"),
                 "--feedback", str(folder / "pages")) == 1  # 'dea' is not on the roster
    return folder


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8", newline="")))


def test_a_variant_that_cant_be_set_is_not_graded_and_named_in_problems(graded):
    log = [r for r in rows(graded / "out" / "answers.csv") if r["exercise"] == "log"]
    assert [(r["student"], r["variant"], r["verdict"], r["score"], r["max"], r["note"]) for r in log] == [
        ("ana", "k = 0", "not_graded", "0", "0", "broken_variant"),
        ("ben", "k = 0", "not_graded", "0", "0", "broken_variant"),
        ("cy", "k = 3", "correct", "1", "1", "equal"),
        ("dee", "k = 1", "correct", "1", "1", "equal"),
        ("eve", "k = 0", "not_graded", "0", "0", "broken_variant"),
        ("fay", "k = 2", "incorrect", "0", "1", "differs_at"),
        ("gus", "", "unanswered", "0", "1", "no_answer")]
    assert log[0]["feedback"] == NOT_GRADED
    assert (graded / "out" / "problems.csv").read_text(encoding="utf-8").splitlines() == [
        "file,line,message",
        "answers.csv,36,student 'dea' is not on the roster; did you mean 'dee'? (1 answer in this file not graded)",
        f'answers.csv,5,"student \'ana\': {NOT_GRADED}"',
        f'answers.csv,11,"student \'ben\': {NOT_GRADED}"',
        f'answers.csv,28,"student \'eve\': {NOT_GRADED}"']


def test_grades_leave_the_exercise_out_of_those_students_points_possible(graded):
    assert (graded / "out" / "grades.csv").read_text(encoding="utf-8").splitlines() == [
        "student,name,email,section,power,py,grad,log,plane,descent,total,max,percent,note",
        "points possible,,,,1,1,1,1,1,1,6,6,100,",
        f'ana,Ana Lima,ana@example.edu,A,0,1,1,,1,1,4,5,80,{TOLD}',
        f'ben,Ben Okafor,ben@example.edu,A,1,0,0,,1,0,2,5,40,{TOLD}',
        "cy,Cy Tran,cy@example.edu,B,0,0,1,1,1,1,4,6,66.6667,",
        # dea's answer is not graded, and dee is told it may be hers
        "dee,Dee Marsh,dee@example.edu,B,1,1,1,1,1,0,5,6,83.3333,Part of your submission was not graded (answers.csv:36: "
        "student 'dea' is not on the roster; did you mean 'dee'? (1 answer in this file not graded)).",
        f'eve,Eve Sato,eve@example.edu,B,0,0,1,,0,1,2,5,40,{TOLD}',
        "fay,Fay Ng,fay@example.edu,A,1,1,1,0,1,0,4,6,66.6667,",
        "gus,Gus Berg,gus@example.edu,A,0,0,0,0,0,0,0,6,0,Nothing was submitted."]


def test_the_report_says_what_was_not_graded_and_titles_have_no_braces(graded):
    report = json.loads((graded / "out" / "report.json").read_text(encoding="utf-8"))
    ana = report["students"][0]
    assert (ana["scores"]["log"], ana["total"], ana["max"], ana["percent"], ana["note"]) == (None, 4, 5, 80, TOLD)
    assert [e["title"] for e in report["exercises"]] == [
        "The derivative of a x^p", "∂/∂y of a x^2 y^q", "The gradient of x^2 + b y^2 at (c, 1)",
        "The slope of ln(k x)", "Tangent plane to x^2 + y^2 at (m, n)", "Two steps on x^2 - a x"]
    power, log = report["summary"]["exercises"][0], report["summary"]["exercises"][3]
    assert power["title"] == "The derivative of a x^p"
    mistake = "author: Multiply by the power too: a × p = (a p)."  # one mistake, over three students' numbers
    assert power["mistakes"] == [{"misconception": mistake, "count": 3, "answers": [
        {"answer": "2x", "count": 1, "variant": "a = 2, p = 2"}, {"answer": "3x³", "count": 1, "variant": "a = 3, p = 4"},
        {"answer": "8x⁴", "count": 1, "variant": "a = 8, p = 5"}]}]
    assert power["most_common_wrong"][0] == {"answer": "2x", "count": 1, "misconception": mistake,
                                             "variant": "a = 2, p = 2"}
    # the three students it was not graded for are left out of its figures: 2 of cy, dee, fay, gus right
    assert (log["answered"], log["correct"], log["mean_score"]) == (3, 2, 0.5)
    assert log["not_graded"] == [{"why": "with k = 0, the function has no variables", "students": 3}]
    assert report["summary"]["verdicts"]["not_graded"] == 3
    assert rows(graded / "out" / "misconceptions.csv")[0] == {"exercise": "power", "misconception": mistake,
                                                               "count": "3", "share": "1"}


def test_the_summary_page_groups_wrong_answers_by_mistake_with_their_numbers(graded):
    summary = (graded / "summary.md").read_text(encoding="utf-8")
    assert "{" not in summary and "}" not in summary
    # the mean of the scaled totals, as the terminal's 53.8% of 6 points, said so (outside check h27, F5)
    assert summary.splitlines()[2] == ("7 students, 6 exercises worth 6 points; class mean 3.2286 points (each total on "
                                       "the pack's scale where an exercise was not graded for the student, as in the "
                                       "LMS exports).")
    assert "| 4 | log | 1 | 3 | 2 | 0.50 | 0.46 | not graded for some: mend its parameters |" in summary
    power = summary.split("## 1. power: The derivative of a x^p\n\n")[1].split("\n\n")[0]
    assert power.splitlines() == [
        "| mistake named | students | answers, as read, with their numbers |", "|---|--:|---|",
        "| Multiply by the power too: a × p = (a p). | 3 | 2x with a = 2, p = 2; 3x³ with a = 3, p = 4; "
        "8x⁴ with a = 8, p = 5 |"]
    log = summary.split("## 4. log: The slope of ln(k x)\n\n")[1].split("\n\n")
    assert log[0] == ("Not graded for 3 students, whose variant could not be set: with k = 0, the function has no "
                      "variables. It does not count towards their totals, nor in the figures above; mend the "
                      "exercise's parameters or `require`.")
    # no mistake named: grouped by the note (an outside check read "none named" for answers told something)
    assert log[1].splitlines()[2] == "| none named (note `differs_at`) | 1 | 2/x with k = 2 |"


def test_the_terminal_names_the_exercise_at_its_place_in_the_pack(tmp_path, capsys):
    assert grade(tmp_path / "out", "--jobs", "1") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("week-5: 7 students, 34 answers (21 correct, 10 incorrect, 0 invalid, 3 not graded), "
                      "8 not answered")
    assert out[5] == "log            1         3        2      0.50  2/x with k = 2 (1)"
    assert "week5.yaml:30:13: exercise 'log' not graded for 3 students: with k = 0, the function has no variables; " \
           "it does not count towards their totals (problems.csv names them): mend its parameters or 'require'" in out
    assert "class mean: 53.8% of 6 points" in out  # 80, 40, 66.67, 83.33, 40, 66.67, 0 percent


def test_the_feedback_page_says_the_exercise_was_not_graded(graded):
    page = (graded / "pages" / "ana.md").read_text(encoding="utf-8")
    assert "Score: 4 of 5 points (80%); not graded, and not counted: log  \n" in page
    assert f"## 4. log: The slope of ln(k x) (not graded)\n\n- Your answer: 1/x\n- Verdict: not graded\n" \
           f"- Feedback: {TOLD}\n\n## 5." in page
    assert "## 1. power: The derivative of 8 x^5 (0 of 1 point)" in page  # her own numbers


def test_the_same_files_with_two_workers_and_after_a_resume(graded, tmp_path):
    assert grade(tmp_path / "two", "--jobs", "2", "--format", "canvas") == 1
    for name in OUTPUTS:
        assert (tmp_path / "two" / name).read_bytes() == (graded / "out" / name).read_bytes(), name
    resumed = tmp_path / "resumed"
    shutil.copytree(graded / "out", resumed)
    with sqlite3.connect(resumed / FILE_NAME) as db:  # half the answers lost, as in a kill
        db.execute("DELETE FROM results WHERE rowid % 2 = 0")
    assert grade(resumed, "--jobs", "2", "--format", "canvas", "--resume") == 1
    for name in OUTPUTS:
        assert (resumed / name).read_bytes() == (graded / "out" / name).read_bytes(), name


def export(graded: Path, tmp_path: Path, lms: str, *options: str) -> str:
    out = tmp_path / lms
    shutil.copytree(graded / "out", out)  # its journal: nothing is checked again
    assert grade(out, "--resume", "--format", lms, *options) == 1
    return (out / f"{lms}.csv").read_bytes().decode("utf-8")  # as written: CRLF where a format has it


ON_THE_PACK_SCALE = {"ana": "4.8", "ben": "2.4", "cy": "4", "dee": "5", "eve": "2.4", "fay": "4", "gus": "0"}


def test_canvas_takes_totals_on_the_packs_scale_and_excuses_the_exercise(graded, tmp_path):
    imported = lms_rules.canvas((graded / "out" / "canvas.csv").read_text(encoding="utf-8"))
    assert imported.broken == [] and imported.points == {"Week 5, gradients and descent": "6"}
    assert {key: grades["Week 5, gradients and descent"] for key, grades in imported.grades.items()} == \
        ON_THE_PACK_SCALE
    imported = lms_rules.canvas(export(graded, tmp_path, "canvas", "--columns", "exercise"))
    assert imported.broken == []
    assert imported.grades["ana"]["week-5: log"] == "EX" and imported.grades["cy"]["week-5: log"] == "1"


def test_moodle_blackboard_and_plain_take_every_student(graded, tmp_path, capsys):
    users = set(ON_THE_PACK_SCALE)
    imported = lms_rules.moodle(export(graded, tmp_path, "moodle"), "Email address", "useremail",
                                {f"{s}@example.edu" for s in users})
    assert imported.broken == []
    assert {key: grades["Week 5, gradients and descent"] for key, grades in imported.grades.items()} == \
        {f"{s}@example.edu": total for s, total in ON_THE_PACK_SCALE.items()}
    imported = lms_rules.moodle(export(graded, tmp_path / "e", "moodle", "--columns", "exercise"), "Email address",
                                "useremail", {f"{s}@example.edu" for s in users})
    assert imported.broken == [] and "week-5: log" not in imported.grades["ana@example.edu"]  # empty: no grade

    imported = lms_rules.blackboard(export(graded, tmp_path, "blackboard"), users)
    assert imported.broken == []
    assert {key: grades["Week 5, gradients and descent"] for key, grades in imported.grades.items()} == \
        ON_THE_PACK_SCALE
    capsys.readouterr()
    export(graded, tmp_path / "e", "blackboard", "--columns", "exercise")
    assert "tutor: blackboard.csv: 3 grades left empty, of exercises not graded for a student (see problems.csv); " \
           "blackboard has no grade for 'excused': enter them by hand" in capsys.readouterr().err

    text = export(graded, tmp_path, "plain")
    assert lms_rules.plain(text).broken == []
    assert next(csv.reader(io.StringIO(text.splitlines()[1]))) == [
        "ana", "Ana Lima", "ana@example.edu", "A", "4.8"]


def test_pack_show_and_check_name_the_draw(capsys):
    assert main(["pack", "show", PACK, "log", "--student", "ana"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == \
        "   exercise 'log' can't be set: with k = 0, the function has no variables; it is not graded for this student"
    assert main(["check", "1/x", "--exercise", f"{PACK}:log", "--student", "ana"]) == 2
    assert capsys.readouterr().err == "tutor: exercise 'log' can't be set: with k = 0, the function has no variables\n"
    assert main(["check", "1/x", "--exercise", f"{PACK}:log", "--student", "cy"]) == 0


def test_an_undefined_answer_and_an_unanswered_broken_variant_are_not_graded(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: week-5\nexercises:\n  - id: log\n    kind: derivative\n    function: x ln(k x)\n"
                    "    params: {k: {int: [0, 3]}}\n  - id: other\n    kind: derivative\n    function: x^2\n",
                    encoding="utf-8")
    answers = tmp_path / "answers.csv"
    answers.write_text("student,exercise,answer\nana,log,1\nana,other,2x\nben,other,2x\ncy,log,ln(3x) + 1\n",
                       encoding="utf-8")
    assert main(["grade", str(pack), str(answers), "--out", str(tmp_path / "out")]) == 0
    undefined = ("Exercise 'log' was not graded: with k = 0, its answer is undefined (a division by zero, or a "
                 "value outside the function's domain). It does not count towards the total.")
    assert [(r["student"], r["exercise"], r["verdict"], r["max"], r["feedback"])
            for r in rows(tmp_path / "out" / "answers.csv")] == [
        ("ana", "log", "not_graded", "0", undefined), ("ana", "other", "correct", "1", "Correct."),
        ("ben", "log", "not_graded", "0", undefined),  # not answered, and not settable either
        ("ben", "other", "correct", "1", "Correct."),
        ("cy", "log", "correct", "1", "Correct."), ("cy", "other", "unanswered", "1", "No answer.")]
    told = "Exercise 'log' was not graded: it can't be set with your numbers (k = 0). It does not count towards the total."
    assert (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()[2:] == [
        f"ana,,1,1,1,100,{told}", f"ben,,1,1,1,100,{told}", "cy,1,0,1,2,50,"]
    assert rows(tmp_path / "out" / "problems.csv")[1] == {
        "file": str(pack), "line": "6", "message": f"student 'ben': {undefined}"}


@pytest.mark.parametrize("eve_answers_log", [True, False])
def test_an_unanswered_variant_that_cant_be_set_is_not_graded_whoever_else_answered(tmp_path, eve_answers_log):
    """eve and hal both draw k = 0 (x ln(k x) can't be set); hal never answers it. Whether eve does must not
    change hal's grade (finding 348: it was 0 of 3 when no classmate's answer met the draw)."""
    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: week-5\nexercises:\n  - id: log\n    kind: derivative\n    function: x ln(k x)\n"
                    "    params: {k: {int: [0, 3]}}\n    points: 3\n  - id: other\n    kind: derivative\n"
                    "    function: x^2\n", encoding="utf-8")
    spec = packs.load(pack).exercise("log")
    assert dict(spec.values("eve"))["k"] == dict(spec.values("hal"))["k"] == 0
    answers = tmp_path / "answers.csv"
    answers.write_text("student,exercise,answer\n" + ("eve,log,1\n" if eve_answers_log else "")
                       + "eve,other,2x\nhal,other,2x\n", encoding="utf-8")
    main(["grade", str(pack), str(answers), "--out", str(tmp_path / "out")])
    hal = [(r["exercise"], r["verdict"], r["score"], r["max"])
           for r in rows(tmp_path / "out" / "answers.csv") if r["student"] == "hal"]
    assert hal == [("log", "not_graded", "0", "0"), ("other", "correct", "1", "1")]


def test_a_template_outlined_for_every_variant_and_matched_in_any():
    assert outline("{a} x^{p - 1}, {a p}, {{set}}", ("a", "p")) == "a x^(p - 1), (a p), {set}"
    assert outline("no parameters {{here}}", ()) == "no parameters {here}"
    # a name beside a letter is set apart, not read as another word: a·cos(a·x), not acos(ax) (outside check h49, N2)
    assert outline("sin({a}x) is {a}cos({a}x); {a}{p}, 2{a}, {a} x", ("a", "p")) == \
        "sin(a·x) is a·cos(a·x); a·p, 2·a, a x"
    assert matcher("Multiply: {a} × {p} = {a p}.", ("a", "p")).fullmatch("Multiply: 2 × 3 = 6.")
    assert not matcher("Multiply: {a} × {p} = {a p}.", ("a", "p")).fullmatch("Add: 2 + 3 = 5.")


def test_gradescope_scores_on_the_packs_scale_and_names_the_students_numbers(tmp_path):
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "answers.yaml").write_text(
        "student: ana\nanswers: {power: 8x^4, py: 24x^2y^3, grad: '(6, 10)', log: 1/x, plane: z = 4x + 6y - 13, "
        "descent: 1.375}\n", encoding="utf-8")
    (tmp_path / "submission_metadata.json").write_text(
        '{"users": [{"email": "ana@example.edu", "id": 1, "name": "Ana Lima"}]}', encoding="utf-8")
    assert main(["grade", PACK, str(tmp_path / "submission"), "--gradescope", "--roster", str(DATA / "roster.csv"),
                 "--out", str(tmp_path / "results")]) == 0
    results = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["score"] == 4.8
    assert results["output"] == "Graded as student ana: 4 of 5 points, 4.8 of 6 on the pack's scale, as an " \
                                "exercise could not be graded."
    power, log = results["tests"][0], results["tests"][3]
    assert power["name"] == "power: The derivative of 8 x^5"  # her numbers
    assert (log["name"], log["score"], log["max_score"]) == ("log: The slope of ln(k x)", 0, 0)
    assert log["output"] == f"Your answer: 1/x\n{TOLD}"
    # finding 692: not the student's failure, so not a red failed test; a wrong answer still is one
    assert [(t["status"], t["score"]) for t in results["tests"]] == [
        ("failed", 0), ("passed", 1), ("passed", 1), ("passed", 0), ("passed", 1), ("passed", 1)]


def test_practice_gives_a_student_whose_numbers_cant_be_set_other_ones_and_says_so(tmp_path):
    session = Session(packs.load(PACK), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    shown = session.show_exercise(packs.load(PACK).exercise("log"))
    assert shown[2].text == ("Note: this exercise can't be set with your own numbers (with k = 0, the function has "
                             "no variables), so it is not graded for you; practise it with these.")
    assert session.on_screen.exercise.params != (("k", 0),) and "ln(" in shown[3].text


def test_a_student_whose_draw_meets_no_require_is_not_graded_and_the_others_are(tmp_path, monkeypatch):
    pack = packs.load(PACK)
    values = ExerciseSpec.values

    def refused_for_ben(spec: ExerciseSpec, key: object):  # as a `require` no draw of ben's meets
        if key == "ben" and spec.id == "descent":
            raise FieldError("require", "no parameters meet 'require: a > 4' in 1000 draws")
        return values(spec, key)
    monkeypatch.setattr(ExerciseSpec, "values", refused_for_ben)
    answers = tmp_path / "answers.csv"
    answers.write_text("student,exercise,answer\nben,descent,1\ncy,descent,1.375\ndee,power,16x^3\n", encoding="utf-8")
    book = grade_class(pack, read_submissions([answers], pack))
    why = "no parameters meet 'require: a > 4' in 1000 draws"
    assert [(r.student, r.verdict, r.max, r.feedback) for r in book.results if r.exercise == "descent"] == [
        ("ben", "not_graded", 0, f"Exercise 'descent' was not graded: {why}. It does not count towards the total."),
        ("cy", "correct", 1, "Correct."),
        ("dee", "unanswered", 1, "No answer.")]  # her variant, built since ben's was not, can be set


def test_a_variant_whose_own_answer_can_t_be_typed_is_not_graded_rather_than_failed(tmp_path, capsys):
    """x^(a^(a^a)) at a = 3 has the answer 7625597484987x^7625597484986, past what a student may type: every
    answer on that variant failed, the right one too. It is not graded now, with the reason."""
    pack = tmp_path / "own.yaml"
    pack.write_text("pack: own\nexercises:\n  - id: d\n    kind: derivative\n    function: x^(a^(a^a))\n"
                    "    params: {a: {int: [2, 4]}}\n", encoding="utf-8")
    spec = packs.load(pack).exercise("d")
    assert [dict(spec.values(s))["a"] for s in ("s0", "s1")] == [3, 2]
    (tmp_path / "class.csv").write_text("student,exercise,answer\ns0,d,7625597484987x^7625597484986\n"
                                        "s1,d,16x^15\n", encoding="utf-8")
    assert main(["grade", str(pack), str(tmp_path / "class.csv"), "--out", str(tmp_path / "out")]) == 0
    rows = list(csv.DictReader((tmp_path / "out" / "answers.csv").open(encoding="utf-8")))
    assert [(r["student"], r["verdict"], r["note"]) for r in rows] == [("s0", "not_graded", "broken_variant"),
                                                                       ("s1", "correct", "equal")]
    assert "with a = 3, its own answer, shown as 7625597484987x⁷⁶²⁵⁵⁹⁷⁴⁸⁴⁹⁸⁶, does not grade as correct" \
        in rows[0]["feedback"]
    assert main(["pack", "show", str(pack), "d", "--student", "s0"]) == 1  # preview and practice say so too
    capsys.readouterr()


def test_an_authors_mistake_with_a_plus_in_its_feedback_is_one_mistake(tmp_path):
    """A + joins two catalogued mistakes made at once (misconception:a+b); in an author's feedback it is the
    feedback's own: counted once, not as three fragments whose shares add to 3 (outside check h49, N1)."""
    (tmp_path / "plus.yaml").write_text(
        "pack: plus\ntitle: plus in feedback\nexercises:\n  - id: d1\n    kind: derivative\n    function: x^2 + 3x\n"
        "    mistakes:\n      - answer: 2x\n        feedback: 'd/dx (x^2 + 3x) keeps the + 3.'\n", encoding="utf-8")
    (tmp_path / "answers.csv").write_text("student,exercise,answer\nana,d1,2x\nben,d1,2x\n", encoding="utf-8")
    assert main(["grade", str(tmp_path / "plus.yaml"), str(tmp_path / "answers.csv"), "--out",
                 str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert rows(tmp_path / "out" / "misconceptions.csv") == [
        {"exercise": "d1", "misconception": "author: d/dx (x^2 + 3x) keeps the + 3.", "count": "2", "share": "1"}]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [m["misconception"] for m in report["misconceptions"]] == ["author: d/dx (x^2 + 3x) keeps the + 3."]
