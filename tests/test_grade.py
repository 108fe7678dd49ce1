"""`tutor grade`: scores, the files it writes, variants, and the same bytes for any --jobs."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tutor import grade, packs, reports
from tutor.check import Verdict
from tutor.cli import grade as grade_command
from tutor.cli import main
from tutor.reports import FILES, cell, number
from tutor.show import show
from tutor.submissions import read_submissions

DATA = Path(__file__).parent / "data" / "grade"
PACK = str(DATA / "pack.yaml")
CLASS = str(DATA / "class.csv")
FOLDER = str(DATA / "folder")


def run(*args: str) -> int:
    return main(["grade", PACK, *args])


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("grades")
    assert run(CLASS, FOLDER, "--out", str(out), "--jobs", "2") == 0
    return out


def answer(out: Path, student: str, exercise: str) -> dict:
    return next(r for r in rows(out / "answers.csv") if (r["student"], r["exercise"]) == (student, exercise))


def test_grades_csv_has_points_possible_then_one_row_per_student(graded):
    assert (graded / "grades.csv").read_text(encoding="utf-8").splitlines() == [
        "student,cube,drill,critical,fit,total,max,percent",
        "points possible,2,1,1,1,5,5,100",
        "alice,2,1,1,1,5,5,100",
        "bob,0,0,0.5,0.5,1,5,20",
        "carol,0,0,0,0,0,5,0",
        "dan,2,0,1,0,3,5,60",
        "erin,2,0,0,1,3,5,60",
    ]


def test_answers_csv_has_every_answer_with_its_verdict_and_feedback(graded):
    table = rows(graded / "answers.csv")
    assert list(table[0]) == ["student", "exercise", "variant", "answer", "verdict", "score", "max", "note",
                              "feedback"]
    assert len(table) == 5 * 4  # every student, every exercise
    assert answer(graded, "carol", "cube") == {
        "student": "carol", "exercise": "cube", "variant": "", "answer": "3x^2 + 1", "verdict": "incorrect",
        "score": "0", "max": "2", "note": "differs_at",
        "feedback": "At x = 1 your answer is 4, but the correct value is 3."}
    assert answer(graded, "erin", "fit")["verdict"] == "correct"  # the line's equation, from JSON
    assert answer(graded, "dan", "cube")["answer"] == "3 x²"  # from YAML


def test_no_answer_and_an_empty_answer_score_zero_and_say_so(graded):
    for student, exercise in [("carol", "fit"), ("carol", "drill"), ("dan", "fit")]:
        row = answer(graded, student, exercise)
        assert (row["verdict"], row["note"], row["feedback"], row["score"]) == (
            "unanswered", "no_answer", "No answer.", "0")


def test_partial_credit_for_point_sets_and_components(graded):
    assert answer(graded, "bob", "critical")["score"] == "0.5"  # one of two points
    assert answer(graded, "carol", "critical")["score"] == "0"  # one right, two wrong: never below 0
    assert answer(graded, "bob", "fit")["score"] == "0.5"  # m right, b wrong


def test_each_student_is_graded_against_their_own_variant(graded):
    spec = packs.load(PACK).exercise("drill")
    alice, bob = spec.variant("alice"), spec.variant("bob")
    assert show(alice.expected(), alice.problem.variables) == "24x³y" != show(bob.expected(), bob.problem.variables)
    assert answer(graded, "alice", "drill")["verdict"] == "correct"
    row = answer(graded, "bob", "drill")  # bob copied alice's answer
    assert row["verdict"] == "incorrect"
    assert row["variant"] == "a = 8, p = 2" == ", ".join(f"{n} = {v}" for n, v in bob.params)


def test_the_same_variant_as_pack_show(capsys):
    main(["pack", "show", PACK, "drill", "--student", "bob", "--answers"])
    assert "answer: 16xy" in capsys.readouterr().out  # bob's variant: 8x²y


def test_weights_and_an_authors_mistake(graded):
    row = answer(graded, "bob", "cube")
    assert (row["max"], row["note"], row["feedback"]) == ("2", "mistake:author", "That is f itself; differentiate it.")
    assert rows(graded / "misconceptions.csv") == [
        {"exercise": "cube", "misconception": "author: That is f itself; differentiate it.", "count": "1",
         "share": "0.5"},
        {"exercise": "critical", "misconception": "positive-root-only|saddle-not-critical", "count": "1",
         "share": "0.5"}]


def test_report_json_has_everything_and_a_summary(graded):
    report = json.loads((graded / "report.json").read_text(encoding="utf-8"))
    assert report["pack"] == {"id": "grading-test", "title": "Grading test"}
    assert report["students"][1] == {"student": "bob", "scores": {"cube": 0, "drill": 0, "critical": 0.5, "fit": 0.5},
                                     "total": 1, "max": 5, "percent": 20}
    first = report["answers"][0]
    assert first["source"] == f"{CLASS}:2" and first["metadata"] == {"section": "A"}
    summary = report["summary"]
    assert summary["verdicts"] == {"correct": 8, "incorrect": 6, "invalid": 0, "unanswered": 6, "not_graded": 0}
    assert summary["notes"]["no_answer"] == 6
    cube = summary["exercises"][0]
    # cube scores 2,0,0,2,2 (alice..erin), the rest of their totals 3,1,0,1,1: r = 2.8 / 4.8 by hand
    assert cube == {"exercise": "cube", "title": "", "points": 2, "answered": 5, "correct": 3, "mean_score": 1.2,
                    "facility": 0.6, "discrimination": 0.5833, "discrimination_undefined": "",
                    "most_common_wrong": [
                        {"answer": "3x² + 1", "count": 1, "misconception": ""},
                        {"answer": "x³", "count": 1, "misconception": "author: That is f itself; differentiate it."}]}
    assert report["misconceptions"][0]["share"] == 0.5
    assert report["problems"] == []


def test_the_same_bytes_whatever_the_number_of_workers(graded, tmp_path):
    assert run(CLASS, FOLDER, "--out", str(tmp_path), "--jobs", "1") == 0
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (graded / name).read_bytes(), name


def test_summary_table_on_the_terminal(graded, tmp_path, capsys):
    run(CLASS, "--out", str(tmp_path))
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "grading-test: 3 students, 10 answers (4 correct, 6 incorrect, 0 invalid), 2 not answered"
    assert out[1].split() == ["exercise", "points", "answered", "correct", "facility", "most", "common", "wrong", "answer"]
    assert out[2].split() == ["cube", "2", "3", "1", "0.33", "3x²", "+", "1", "(1)"]
    assert out[-2] == "class mean: 40% of 5 points"


def test_formula_injection_is_escaped_in_csv_but_kept_in_json(tmp_path):
    hostile = "=cmd|' /C calc'!A0"
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\n"
                           f"\"{hostile}\",cube,\"{hostile}\"\n"
                           "@bob,cube,-3x^2\n"
                           "+carol,cube,\"\t=1+1\"\n"
                           "dan;=1+1,cube,x;-1;@SUM(1)\n", encoding="utf-8")  # ';' starts a cell in some locales
    assert run(str(submissions), "--out", str(tmp_path / "out")) == 0
    answers = rows(tmp_path / "out" / "answers.csv")
    assert [(r["student"], r["answer"]) for r in answers if r["exercise"] == "cube"] == [
        ("'+carol", "'=1+1"), ("'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("'@bob", "'-3x^2"),
        ("dan;'=1+1", "x;'-1;'@SUM(1)")]
    assert [r["student"] for r in rows(tmp_path / "out" / "grades.csv")][1:] == ["'+carol", "'=cmd|' /C calc'!A0",
                                                                               "'@bob", "dan;'=1+1"]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["answers"][4]["answer"] == hostile  # JSON is data, not a spreadsheet


def test_an_answer_the_checker_cannot_settle_is_flagged_for_a_person(tmp_path, capsys):
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\nann,cube,3x^2\nbea,cube,3x^2 + sin(x)/cosh(10^5)\n",
                           encoding="utf-8")
    assert run(str(submissions), "--out", str(tmp_path / "out")) == 0
    row = answer(tmp_path / "out", "bea", "cube")
    assert (row["verdict"], row["note"], row["score"]) == ("incorrect", "undecided", "0")
    assert row["feedback"] == ("Your answer could not be checked with certainty, so it is not marked correct; "
                               "it is flagged for your teacher to look at.")
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["review"] == 1
    assert [(r["student"], r["exercise"], r["source"]) for r in report["review"]] == [
        ("bea", "cube", f"{submissions}:3")]
    assert ("1 answer could not be checked with certainty and score 0 for now: look at them "
            "(note 'undecided' in answers.csv, 'review' in report.json)") in capsys.readouterr().out


def test_cells_and_numbers():
    assert [cell(t) for t in ["-2x", "=1", "+1", "@a", "\tx", "\rx", "x-1", "−2x", "x;\t=1", "x;=1"]] == [
        "'-2x", "'=1", "'+1", "'@a", "\\tx", "\\rx", "x-1", "−2x", "x;\\t=1", "x;'=1"]
    # a control character, as text: printing the CSV can't act on the terminal; a letter not ASCII is itself
    assert [cell(t) for t in ["9\x1b[2K\rok", "(4, 8)\x00", "a\nb", "\x9b2J", "é\u200fx", "Ng Ana"]] == [
        "9\\x1b[2K\\rok", "(4, 8)\\x00", "a\\nb", "\\x9b2J", "é\\u200fx", "Ng Ana"]
    from fractions import Fraction
    assert [number(Fraction(n, d)) for n, d in [(1, 3), (2, 3), (1, 2), (5, 1), (1, 8), (200, 3)]] == [
        "0.3333", "0.6667", "0.5", "5", "0.125", "66.6667"]


@pytest.mark.parametrize("lms", ["plain", "canvas", "moodle", "blackboard"])
def test_no_csv_report_or_export_carries_a_control_character_of_a_submission(tmp_path, capsys, lms):
    # finding 402: an answer that erases the line and prints a forged row, an id that sets the terminal's title
    forged = "9\x1b[2K\rmal,cube,3x^2,correct\x1b[8m"
    submissions = tmp_path / "s.csv"
    submissions.write_bytes(f'student,exercise,answer\nmal,cube,"{forged}"\nev\x1b]0;pwned\x07il,cube,"(4, 8)\x00"\n'
                            .encode())
    assert run(str(submissions), "--out", str(tmp_path / "out"), "--format", lms) == 0
    out = tmp_path / "out"
    assert [(r["student"], r["answer"], r["verdict"]) for r in rows(out / "answers.csv") if r["exercise"] == "cube"] == [
        ("ev\\x1b]0;pwned\\x07il", "(4, 8)\\x00", "invalid"),
        ("mal", "9\\x1b[2K\\rmal,cube,3x^2,correct\\x1b[8m", "invalid")]
    assert [r["student"] for r in rows(out / "grades.csv")] == ["points possible", "ev\\x1b]0;pwned\\x07il", "mal"]
    assert '"answer": "9\\u001b[2K\\rmal,cube,3x^2,correct\\u001b[8m"' in (out / "report.json").read_text()
    for path in out.glob("*.csv"):  # the reports and the export: a control character only in CSV's own line ends
        text = path.read_bytes().decode("utf-8")
        assert not any(c.isprintable() is False and c not in "\r\n" for c in text), path.name
        assert text.count("\r") == text.count("\r\n") == text.count("\n"), path.name


def test_a_directional_mark_is_read_and_an_override_is_refused_by_its_name_in_every_report(tmp_path):
    """Finding 682: a right-to-left mark (from a Hebrew or Arabic keyboard) made a right answer invalid; finding
    683: an override was told of as '\ufffd', while the answer column wrote it as \\u202e."""
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\nkai,cube,3x^2\u200f\nlev,cube,3x^2\u202e\n", encoding="utf-8")
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert run(str(submissions), "--out", str(out), "--feedback", str(pages)) == 0
    assert answer(out, "kai", "cube")["verdict"] == "correct"
    refused = answer(out, "lev", "cube")
    told = ("The invisible character U+202E RIGHT-TO-LEFT OVERRIDE can't be used here: such a mark shows text in "
            "another order than the order it is read in; delete it.")
    assert (refused["answer"], refused["verdict"], refused["feedback"]) == ("3x^2\\u202e", "invalid", told)
    assert f"- Feedback: {told}\n" in (pages / "lev.md").read_text(encoding="utf-8")


def test_an_answer_that_is_too_long_is_invalid_with_a_reason(tmp_path):
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\nmallory,cube," + "x" * 5000 + "\n", encoding="utf-8")
    assert run(str(submissions), "--out", str(tmp_path / "out")) == 0
    row = answer(tmp_path / "out", "mallory", "cube")
    assert (row["verdict"], row["note"], row["score"]) == ("invalid", "too_large", "0")
    assert row["feedback"] == "The answer is too long (the limit is 1000 characters)."


def test_misconception_notes_are_counted(tmp_path, monkeypatch):
    """Diagnosis (issue 7) will put `misconception:<id>` in notes; the reports count whatever comes."""
    real = grade.respond

    notes = {"x^2": "misconception:power-not-lowered", "x^3": "misconception:power-not-lowered+sign-slip",
             "x^4": "misconception:sign-slip|other-partial"}

    def diagnosing(exercise, text):
        if text in notes:
            return Verdict("incorrect", notes[text], "You kept the exponent.")
        return real(exercise, text)

    monkeypatch.setattr(grade, "respond", diagnosing)  # forked workers inherit it
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\na,cube,x^2\nb,cube,x^2\nc,cube,x\nd,cube,3x^2\n"
                           "e,cube,x^3\nf,cube,x^4\n", encoding="utf-8")
    assert run(str(submissions), "--out", str(tmp_path / "out")) == 0
    # two mistakes at once count for each; either of two counts as the pair, which can't be told apart
    assert rows(tmp_path / "out" / "misconceptions.csv") == [
        {"exercise": "cube", "misconception": "power-not-lowered", "count": "3", "share": "0.6"},
        {"exercise": "cube", "misconception": "sign-slip", "count": "1", "share": "0.2"},
        {"exercise": "cube", "misconception": "sign-slip|other-partial", "count": "1", "share": "0.2"}]
    assert answer(tmp_path / "out", "a", "cube")["note"] == "misconception:power-not-lowered"


def test_exit_status_1_when_some_input_could_not_be_read(tmp_path, capsys):
    broken = tmp_path / "broken.csv"
    broken.write_text("student,exercise,answer\nalice,nope,x\n", encoding="utf-8")
    assert run(CLASS, str(broken), "--out", str(tmp_path / "out")) == 1
    err = capsys.readouterr().err
    assert f"{broken}:2: pack 'grading-test' has no exercise 'nope'" in err
    assert rows(tmp_path / "out" / "problems.csv") == [
        {"file": str(broken), "line": "2", "message": "pack 'grading-test' has no exercise 'nope'"}]
    assert len(rows(tmp_path / "out" / "grades.csv")) == 4  # the rest was graded


@pytest.mark.parametrize("args, message", [
    ([CLASS, "--jobs", "0"], None),
    ([], "tutor: give the submissions: CSV files, YAML or JSON files, or folders of them\n"),
])
def test_usage_errors_exit_2(args, message, capsys, tmp_path):
    try:
        status = run(*args, "--out", str(tmp_path))
    except SystemExit as exit_:  # argparse
        status = exit_.code
    assert status == 2
    if message:
        assert capsys.readouterr().err == message


def test_an_unknown_pack_is_a_usage_error(capsys, tmp_path):
    assert main(["grade", "nonsense.yaml", CLASS, "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("tutor: nonsense.yaml: no such pack file")


def submitted_by(submission: Path, *emails: str) -> None:
    """Gradescope's submission_metadata.json beside the submission folder (its documented shape:
    https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/)."""
    users = [{"email": email, "id": 1000 + i, "name": email.partition("@")[0].title()}
             for i, email in enumerate(emails)]
    (submission.parent / "submission_metadata.json").write_text(json.dumps(
        {"id": 123456, "created_at": "2026-11-29T14:22:32.365935-07:00", "assignment": {"id": 25828},
         "submission_method": "upload", "users": users, "previous_submissions": []}), encoding="utf-8")


def test_gradescope_results_json(tmp_path):
    submission, results = tmp_path / "submission", tmp_path / "results"
    submission.mkdir()
    submitted_by(submission, "bob")
    (submission / "answers.yaml").write_text('student: bob\nanswers:\n  cube: 3x^2\n  fit: "m = 1/2, b = 2"\n',
                                             encoding="utf-8")
    assert run(str(submission), "--gradescope", "--out", str(results)) == 0
    data = json.loads((results / "results.json").read_text(encoding="utf-8"))
    assert set(data) == {"score", "execution_time", "output", "output_format", "tests"}
    assert data["score"] == 2.5 and isinstance(data["execution_time"], int)
    assert data["output"] == "Graded as student bob: 2.5 of 5 points."
    assert [t["name"] for t in data["tests"]] == ["cube", "drill", "critical", "fit"]
    assert data["tests"][0] == {"name": "cube", "number": "1", "score": 2, "max_score": 2, "status": "passed",
                                "output": "Your answer: 3x^2\nRead as: 3x²\nCorrect.", "output_format": "text",
                                "visibility": "visible"}
    assert data["tests"][1]["output"] == "No answer." and data["tests"][1]["status"] == "failed"
    assert (data["tests"][3]["score"], data["tests"][3]["status"]) == (0.5, "failed")


def test_gradescope_with_nothing_readable(tmp_path):
    submission = tmp_path / "submission"
    submission.mkdir()
    submitted_by(submission, "bob@example.edu")
    (submission / "answers.txt").write_text("3x^2", encoding="utf-8")
    assert run(str(submission), "--gradescope", "--out", str(tmp_path)) == 1
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["score"] == 0 and all(t["score"] == 0 for t in data["tests"])
    assert data["output"].splitlines() == [
        "No answers were found: upload a YAML or JSON file like {student: YOUR-ID, answers: {EXERCISE: ANSWER, ...}}.",
        f"{submission / 'answers.txt'}: not a submissions file (.csv, .yaml, .yml or .json)"]


def test_gradescope_with_an_empty_upload_scores_0_and_exits_0(tmp_path):
    submission = tmp_path / "submission"
    submission.mkdir()
    submitted_by(submission, "bob@example.edu")
    assert run(str(submission), "--gradescope", "--out", str(tmp_path)) == 0
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["score"] == 0 and data["output"].splitlines() == [
        "No answers were found: upload a YAML or JSON file like {student: YOUR-ID, answers: {EXERCISE: ANSWER, ...}}."]


def test_a_progress_bar_on_a_terminal_only(tmp_path, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(CLASS, "--out", str(tmp_path)) == 0
    assert terminal.getvalue().endswith("\rgrading [" + "#" * 30 + "] 10/10\n")
    monkeypatch.undo()
    run(CLASS, "--out", str(tmp_path))
    assert "grading [" not in capsys.readouterr().err


def test_ctrl_c_ends_the_progress_bar_s_line_before_saying_so(tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    def ctrl_c(bar, done, total):
        drawn(bar, done, total)
        if done == 4:
            raise KeyboardInterrupt
    drawn = grade_command._ProgressBar.__call__
    monkeypatch.setattr(grade_command._ProgressBar, "__call__", ctrl_c)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(CLASS, "--out", str(tmp_path), "--jobs", "1") == 130
    bar, said, end = terminal.getvalue().split("\n")[-3:]  # the bar's line ended: the sentence has one of its own
    assert bar.startswith("\rgrading [") and bar.endswith("/10") and end == ""
    assert said == (f"tutor: stopped; 3 checked answers kept in {tmp_path / 'journal.sqlite'}: run the same command "
                    "with --resume to finish")


def test_ctrl_c_while_the_submissions_are_read_writes_nothing_and_says_so(tmp_path, monkeypatch, capsys):
    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(grade_command, "read_submissions", ctrl_c)
    assert run(CLASS, "--out", str(tmp_path / "out")) == 130
    assert capsys.readouterr().err == "tutor: stopped while reading the submissions; nothing was written\n"
    assert not (tmp_path / "out").exists()


def test_gradescope_default_folders(tmp_path, monkeypatch):
    submission = tmp_path / "autograder" / "submission"
    submission.mkdir(parents=True)
    submitted_by(submission, "alice")
    (submission / "answers.json").write_text('{"student": "alice", "answers": {"cube": "3x^2"}}', encoding="utf-8")
    monkeypatch.setattr(grade_command, "GRADESCOPE_SUBMISSION", str(submission))
    monkeypatch.setattr(grade_command, "GRADESCOPE_RESULTS", str(tmp_path / "autograder" / "results"))
    assert run("--gradescope") == 0
    data = json.loads((tmp_path / "autograder" / "results" / "results.json").read_text(encoding="utf-8"))
    assert data["score"] == 2


def test_students_who_drew_the_same_values_share_one_check_of_the_same_text(tmp_path, monkeypatch):
    """A variant is its parameter values: two students who drew the same ones and typed the same
    text are checked once between them, and each gets what grading them alone gives."""
    pack = packs.load(PACK)
    drill = pack.exercise("drill")
    drawn: dict[tuple, list[str]] = {}
    for n in range(200):
        drawn.setdefault(drill.values(f"s{n}"), []).append(f"s{n}")
    pair = next(students[:2] for students in drawn.values() if len(students) > 1)
    other = next(students[0] for students in drawn.values() if pair[0] not in students)
    log = tmp_path / "checks"
    real = grade.check

    def logged(exercise, text):
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{exercise.params}\n")
        return real(exercise, text)

    monkeypatch.setattr(grade, "check", logged)  # forked workers inherit it

    def graded(students: tuple[str, ...]) -> grade.Gradebook:
        submissions = tmp_path / f"{'-'.join(students)}.csv"
        submissions.write_text("student,exercise,answer\n" + "".join(f"{s},drill,2x\n" for s in students),
                               encoding="utf-8")
        return grade.grade(pack, read_submissions([submissions], pack))

    book = graded((*pair, other))
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2  # the pair's variant, and the other's
    for student in (*pair, other):
        (shared,) = [r for r in book.results if (r.student, r.exercise) == (student, "drill")]
        (alone,) = [r for r in graded((student,)).results if r.exercise == "drill"]
        assert shared.variant == alone.variant != ""
        assert (shared.verdict, shared.note, shared.feedback, shared.reading) == \
            (alone.verdict, alone.note, alone.feedback, alone.reading)

def test_report_json_keeps_its_layout_when_written_as_it_is_made(graded):
    """report.json's students and answers are written item by item (a large roster's took gigabytes
    as one string): the file is the layout json_text gives, one item a line, and reads back whole."""
    text = (graded / "report.json").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    report = json.loads(text)
    starts = [line for line in lines if line.startswith("  {\"student\": ")]
    assert len(starts) == len(report["students"]) + len(report["answers"])  # one a line
    assert text == reports.json_text({**report, "students": (s for s in report["students"]),
                                      "answers": (a for a in report["answers"])})
    assert reports.json_text({"none": (x for x in ()), "some": []}) == '{\n "none": [],\n "some": []\n}\n'


def test_one_of_a_thing_is_counted_in_the_singular(tmp_path, capsys):
    (tmp_path / "one.yaml").write_text("pack: one\ntitle: One\nexercises:\n  - {id: a, kind: derivative, function: x^2}\n",
                                       encoding="utf-8")
    (tmp_path / "one.csv").write_text("student,exercise,answer\nann,a,2x\n", encoding="utf-8")
    assert main(["grade", str(tmp_path / "one.yaml"), str(tmp_path / "one.csv"), "--out", str(tmp_path / "o"),
                 "--feedback", str(tmp_path / "f"), "--summary", str(tmp_path / "s.md")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (tmp_path / "s.md").read_text(encoding="utf-8").splitlines()[2] == \
        "1 student, 1 exercise worth 1 point; class mean 1 point."
    assert out[0] == "one: 1 student, 1 answer (1 correct, 0 incorrect, 0 invalid), 0 not answered"
    assert out[-2] == "class mean: 100% of 1 point"
    assert out[-1].startswith("checked 1 distinct answer in ")
    # outside check h76, L1: not "a feedback page for each of 1 student"
    assert out[-1].endswith(f"; a feedback page for the one student in {tmp_path / 'f'}, and pages.csv there, "
                            "whose it is")
    assert main(["pack", "show", str(tmp_path / "one.yaml")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "one: One (1 exercise)"


def test_where_nothing_could_be_graded_the_class_mean_says_so_as_the_gradebook_does(tmp_path, capsys):
    """Finding 69: one exercise that can't be set (x⁴ - 3x² + x has no exact minimum, and no tolerance):
    grades.csv gives ann 0 of 0 points; the terminal said 'class mean: 0% of 1 point'."""
    (tmp_path / "hint.yaml").write_text(
        "pack: hint\ntitle: Hint\nexercises:\n  - {id: mn, kind: minimize, function: x^4 - 3x^2 + x}\n",
        encoding="utf-8")
    (tmp_path / "hint.csv").write_text("student,exercise,answer\nann,mn,-1.3008\n", encoding="utf-8")
    main(["grade", str(tmp_path / "hint.yaml"), str(tmp_path / "hint.csv"), "--out", str(tmp_path / "o")])
    out = capsys.readouterr().out.splitlines()
    ann = next(row for row in csv.DictReader(io.StringIO((tmp_path / "o" / "grades.csv").read_text(encoding="utf-8")))
               if row["student"] == "ann")
    assert (ann["total"], ann["max"], ann["percent"]) == ("0", "0", "")
    assert out[-2] == "class mean: none, as no exercise was graded for any student (each total is 0 of 0 points)"


def test_a_pack_worth_0_points_is_graded_and_said_to_be_worth_nothing(tmp_path, capsys):
    """Finding 347: a practice week was said to have no exercise graded for anyone, and each student
    had percent 0 under a `points possible` row of 100."""
    (tmp_path / "zero.yaml").write_text(
        "pack: zero\ntitle: Zero\nexercises:\n  - {id: d, kind: derivative, function: x^2, points: 0}\n"
        "  - {id: e, kind: derivative, function: x^3, points: 0}\n", encoding="utf-8")
    (tmp_path / "zero.csv").write_text("student,exercise,answer\nana,d,2x\nben,d,2\nben,e,3x^2\n", encoding="utf-8")
    assert main(["grade", str(tmp_path / "zero.yaml"), str(tmp_path / "zero.csv"), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "zero: 2 students, 3 answers (2 correct, 1 incorrect, 0 invalid), 1 not answered"
    assert out[-2] == "class mean: none, as the pack is worth 0 points (each total is 0 of 0 points)"
    assert (tmp_path / "o" / "grades.csv").read_text(encoding="utf-8").splitlines() == [
        "student,d,e,total,max,percent", "points possible,0,0,0,0,", "ana,0,0,0,0,", "ben,0,0,0,0,"]
    students = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))["students"]
    assert [s["percent"] for s in students] == [None, None]


def test_a_folder_with_no_student_in_it_says_there_is_no_class_mean(tmp_path, capsys):
    """Outside check h72, G14: an empty folder graded ended without a class-mean line; h75, K8: and it wrote
    "a feedback page for each of 0 students"."""
    (tmp_path / "empty").mkdir()
    assert main(["grade", "gradients", str(tmp_path / "empty"), "--out", str(tmp_path / "o"),
                 "--feedback", str(tmp_path / "fb")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "gradients: 0 students, 0 answers (0 correct, 0 incorrect, 0 invalid), 0 not answered"
    assert out[-2] == "class mean: none, as there are no students"
    assert out[-1].endswith(f"; pages.csv in {tmp_path / 'fb'}, with no feedback page to list: there are no students")
    assert sorted(p.name for p in (tmp_path / "fb").iterdir() if not p.name.startswith(".")) == ["pages.csv"]
    assert (tmp_path / "o" / "grades.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "points possible," + "1," * 44 + "44,44,100"]


def test_where_only_exercises_worth_0_points_could_be_graded_the_class_mean_says_so(tmp_path, capsys):
    (tmp_path / "p.yaml").write_text(
        "pack: p\ntitle: P\nexercises:\n  - {id: mn, kind: minimize, function: x^4 - 3x^2 + x}\n"
        "  - {id: d, kind: derivative, function: x^2, points: 0}\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("student,exercise,answer\nann,d,2x\n", encoding="utf-8")
    main(["grade", str(tmp_path / "p.yaml"), str(tmp_path / "p.csv"), "--out", str(tmp_path / "o")])
    assert capsys.readouterr().out.splitlines()[-2] == \
        "class mean: none, as the exercises graded are worth 0 points (each total is 0 of 0 points)"
    assert (tmp_path / "o" / "grades.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "points possible,,0,0,0,,", "ann,,0,0,0,,\"Exercise 'mn' was not graded: it can't be set as written, so "
                                    "nobody was graded on it. It does not count towards the total.\""]


@pytest.mark.parametrize("seconds, said", [("inf", "must be at most 86400"), ("1e10", "must be at most 86400"),
                                           ("86401", "must be at most 86400"), ("nan", "not a number: nan"),
                                           ("-inf", "must be at least 0.01")])
def test_a_timeout_no_worker_can_keep_is_a_usage_error(seconds, said, tmp_path, capsys):
    # --timeout inf, nan or 1e10 was taken, and then every answer, right ones too, was 'crashed' and scored 0
    with pytest.raises(SystemExit) as stop:
        run(CLASS, "--out", str(tmp_path / "out"), f"--timeout={seconds}")
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith(f"tutor grade: error: argument --timeout: {said}\n")
    assert not (tmp_path / "out").exists()


def test_the_longest_timeout_grades(tmp_path):
    submissions = tmp_path / "class.csv"
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,x\n", encoding="utf-8")
    assert run(str(submissions), "--out", str(tmp_path / "out"), "--timeout", "86400") == 0
    assert [(r["student"], r["verdict"]) for r in rows(tmp_path / "out" / "answers.csv") if r["exercise"] == "cube"] \
        == [("a", "correct"), ("b", "incorrect")]


def test_two_mistakes_at_once_count_for_each_in_misconceptions_csv(tmp_path):
    # grade.md: a row each, so an exercise's shares may add up to more than 1 (an outside check asked why)
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\nann,tangent-plane-x2y2,z = 4x + 8y\n", encoding="utf-8")
    assert main(["grade", "gradients", str(submissions), "--out", str(tmp_path / "out")]) == 0
    assert [(r["misconception"], r["count"], r["share"]) for r in rows(tmp_path / "out" / "misconceptions.csv")] == [
        ("missing-function-value", "1", "1"), ("tangent-not-shifted", "1", "1")]
