"""Reading submissions: every malformed row or file is a FILE:LINE problem, and the rest is read."""

from __future__ import annotations

import csv
import io
import os
import resource
import sqlite3
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.cli import main
from tutor.journal import FILE_NAME
from tutor.limits import LIMITS
from tutor.reports import FILES
from tutor.safe_read import UNBALANCED, csv_rows
from tutor.submissions import read_submissions

DATA = Path(__file__).parent / "data" / "grade"
PACK = packs.load(DATA / "pack.yaml")


def read(*paths):
    given = read_submissions(paths, PACK)
    answers = [(a.student, a.exercise, a.text) for a in given.answers]
    return answers, [str(p) for p in given.problems], given


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_csv_and_a_folder_of_yaml_and_json_mixed():
    answers, problems, given = read(DATA / "class.csv", DATA / "folder")
    assert problems == []
    assert ("alice", "critical", "(1, 0), (-1, 0)") in answers
    assert ("carol", "fit", "") in answers  # an empty answer is kept: it is "no answer"
    assert ("dan", "cube", "3 x²") in answers
    assert ("erin", "fit", "y = x/2 + 7/3") in answers
    assert given.students == ("alice", "bob", "carol", "dan", "erin")
    first = given.answers[0]
    assert first.source == f"{DATA / 'class.csv'}:2" and first.metadata == (("section", "A"),)


def test_header_is_case_blind_and_a_spreadsheet_bom_is_dropped(tmp_path):
    path = write(tmp_path / "export.csv", b"\xef\xbb\xbfStudent , EXERCISE,Answer\nalice,cube,3x^2\n")
    assert read(path)[:2] == ([("alice", "cube", "3x^2")], [])


def test_a_student_listed_twice_keeps_the_first(tmp_path):
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cube,3x^2\nbob,cube,x\nalice,cube,x^3\n")
    answers, problems, _ = read(path)
    assert answers == [("alice", "cube", "3x^2"), ("bob", "cube", "x")]
    assert problems == [f"{path}:4: student 'alice' already answered cube at {path}:2; this answer is ignored"]


def test_an_empty_answer_takes_no_place_from_an_answer_given_after_it(tmp_path):
    # outside check: a form's blank first attempt, then the real one, scored 0 ("already answered")
    path = write(tmp_path / "a.csv", "student,exercise,answer\r\nalice,cube,\r\nalice,cube,3x^2\r\n"
                                     "bob,cube,   \r\nbob,cube,x\r\nbob,cube,\r\ncarol,cube,\r\ncarol,cube,\r\n"
                                     "dan,cube,3x^2\r\ndan,cube,\r\ndan,cube,x\r\n")
    late = write(tmp_path / "late.csv", "student,exercise,answer\nerin,cube,3x^2\n")
    early = write(tmp_path / "early.csv", "student,exercise,answer\nerin,cube,\n")
    answers, problems, given = read(path, early, late)
    assert answers == [("alice", "cube", "3x^2"), ("bob", "cube", "x"), ("carol", "cube", ""),
                       ("dan", "cube", "3x^2"), ("erin", "cube", "3x^2")]
    assert [a.source for a in given.answers] == [f"{path}:3", f"{path}:5", f"{path}:7", f"{path}:9", f"{late}:2"]
    # an empty cell after an answer is no repeat; an answer after the first answer still is
    assert problems == [f"{path}:11: student 'dan' already answered cube at {path}:9; this answer is ignored"]


def test_repeats_of_an_answer_are_one_problem_per_student_exercise_and_file(tmp_path):
    # finding 693: 400,000 re-answers were 400,000 lines on stderr, in problems.csv and in report.json
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cube,3x^2\nbob,cube,x\nalice,cube,x^3\n"
                                     "alice,cube,x\nbob,cube,1\nalice,fit,x\nalice,cube,2\n")
    again = write(tmp_path / "b.csv", "student,exercise,answer\nalice,cube,3\n")
    answers, problems, given = read(path, again)
    assert answers == [("alice", "cube", "3x^2"), ("bob", "cube", "x"), ("alice", "fit", "x")]
    assert problems == [
        f"{path}:4: student 'alice' already answered cube at {path}:2; 3 answers to cube in this file (lines 4–8) "
        "are ignored",
        f"{path}:6: student 'bob' already answered cube at {path}:3; this answer is ignored",
        f"{again}:2: student 'alice' already answered cube at {path}:2; this answer is ignored"]
    assert [p.student for p in given.problems] == ["alice", "bob", "alice"]


def test_rows_broken_the_same_way_are_one_problem_per_student_exercise_and_file(tmp_path):
    """Outside check h27, F7: 2,000 attempts with an unquoted comma were 2,000 lines, where quoted repeats are one."""
    rows = "".join(f"ivy,fit,m = 1/2, b = {n}\n" for n in range(2000))
    path = write(tmp_path / "a.csv", f"student,exercise,answer\nann,cube,3x^2\n{rows}bo,fit,m = 1, b = 2\n"
                                     "ivy,cube,2x, 3\n")
    answers, problems, given = read(path)
    said = "the row has 4 fields but the header has 3 (an answer with commas must be in double quotes)"
    assert problems == [
        f"{path}:3: {said}; the 2,000 such rows of student 'ivy' to fit in this file (lines 3–2002) are skipped",
        f"{path}:2003: {said}; it is skipped", f"{path}:2004: {said}; it is skipped"]  # another student, exercise
    assert [(p.student, p.exercise) for p in given.problems] == [("ivy", "fit"), ("bo", "fit"), ("ivy", "cube")]


def test_thousands_of_repeats_are_one_line_in_every_output_whatever_the_jobs_and_after_a_resume(tmp_path, capsys):
    lines = ["student,exercise,answer", "hal,cube,3x^2", "ivy,drill,1"]
    lines += [f"hal,cube,{n}" if n % 3 else f"ivy,drill,{n}" for n in range(3000)]
    path = write(tmp_path / "tries.csv", "\n".join(lines) + "\n")
    outs = {}
    for jobs in ("1", "2"):
        outs[jobs] = tmp_path / f"out{jobs}"
        assert main(["grade", str(DATA / "pack.yaml"), str(path), "--out", str(outs[jobs]), "--jobs", jobs]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4: student 'ivy' already answered drill at {path}:3; 1,000 answers to drill in this file "
        "(lines 4–3001) are ignored",
        f"{path}:5: student 'hal' already answered cube at {path}:2; 2,000 answers to cube in this file "
        "(lines 5–3003) are ignored",
        "tutor: 2 problems in the submissions; the rest was graded"] * 2
    with sqlite3.connect(outs["2"] / FILE_NAME) as db:  # an answer lost, as in a kill
        db.execute("DELETE FROM results WHERE rowid = 1")
    assert main(["grade", str(DATA / "pack.yaml"), str(path), "--out", str(outs["2"]), "--resume"]) == 1
    for name in FILES:
        assert (outs["1"] / name).read_bytes() == (outs["2"] / name).read_bytes(), name
    assert len((outs["1"] / "problems.csv").read_text(encoding="utf-8").splitlines()) == 3


def test_the_same_student_in_two_files_is_merged_but_not_twice_per_exercise(tmp_path):
    write(tmp_path / "1.yaml", "student: alice\nanswers:\n  cube: 3x^2\n")
    write(tmp_path / "2.yaml", "student: alice\nanswers:\n  fit: y = x\n  cube: x^3\n")
    answers, problems, _ = read(tmp_path)
    assert answers == [("alice", "cube", "3x^2"), ("alice", "fit", "y = x")]
    assert problems == [f"{tmp_path / '2.yaml'}:4: student 'alice' already answered cube at "
                        f"{tmp_path / '1.yaml'}:3; this answer is ignored"]


def test_an_unknown_exercise_id_suggests_the_close_one(tmp_path):
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cubee,3x^2\nalice,cube,3x^2\n")
    answers, problems, _ = read(path)
    assert answers == [("alice", "cube", "3x^2")]
    assert problems == [f"{path}:2: pack 'grading-test' has no exercise 'cubee'; did you mean 'cube'?"]


def test_a_missing_column_skips_the_file_and_says_what_is_needed(tmp_path):
    path = write(tmp_path / "a.csv", "student,question,answer\nalice,cube,3x^2\n")
    answers, problems, _ = read(path, DATA / "folder")
    assert problems == [f"{path}:1: no column 'exercise' in the header (it needs student, exercise and answer; "
                        "it has 'student', 'question', 'answer')"]
    assert {a[0] for a in answers} == {"dan", "erin"}  # the other inputs are still read


def test_a_row_split_by_an_unquoted_comma(tmp_path):
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,fit,m = 1/2, b = 7/3\nbob,cube,3x^2\n")
    answers, problems, _ = read(path)
    assert answers == [("bob", "cube", "3x^2")]
    assert problems == [f"{path}:2: the row has 4 fields but the header has 3 (an answer with commas must be "
                        "in double quotes); it is skipped"]


def test_a_quoted_answer_after_a_space_is_read_as_typed(tmp_path):
    """Finding 512: spaces after each comma, as typed by hand, are skipped before a quote as everywhere else."""
    path = write(tmp_path / "a.csv", 'Student, Exercise, Answer\nalice, cube, 3x^2\nbob, fit, "m = 1/2, b = 7/3"\n'
                                     'cy, fit, "m = 1,\n b = 2"\ndee,  cube, "3x^2"\n')
    answers, problems, _ = read(path)
    assert answers == [("alice", "cube", "3x^2"), ("bob", "fit", "m = 1/2, b = 7/3"), ("cy", "fit", "m = 1,\n b = 2"),
                       ("dee", "cube", "3x^2")]
    assert problems == []


def test_a_row_whose_quote_does_not_open_its_field_says_where_it_must_be(tmp_path):
    path = write(tmp_path / "a.csv", 'student,exercise,answer\nalice,fit,m "= 1/2, b = 7/3"\nbob,fit,\t"m = 1, b = 2"\n')
    answers, problems, _ = read(path)
    assert answers == []
    assert problems == [f"{path}:{n}: the row has 4 fields but the header has 3 (an answer with commas must be in "
                        "double quotes, opened at the start of its field); it is skipped" for n in (2, 3)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='a",\n ', max_size=40))
def test_skipping_the_spaces_after_a_comma_changes_only_a_quote_after_them(text):
    """Where no quote follows a space, every row reads as it did before spaces after a comma were skipped, but
    for those spaces, which every column's reader strips."""
    assume(' "' not in text)
    try:
        before = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""), strict=True)]
    except csv.Error:
        assume(False)
    assume(len({len(row) for row in before if row}) <= 1)
    rows = csv_rows(io.BytesIO(text.encode()), 1000)
    assert [[cell.strip() for cell in row.cells or []] for row in rows if row.cells != []] == \
        [row for row in before if row != []]


def test_a_non_utf8_row_is_skipped_and_the_rest_read(tmp_path):
    path = write(tmp_path / "a.csv", b"student,exercise,answer\nalice,cube,3x^2\n"
                 + "zoë,cube,3x^2\n".encode("latin-1") + b"bob,cube,x\n")
    answers, problems, _ = read(path)
    assert answers == [("alice", "cube", "3x^2"), ("bob", "cube", "x")]
    assert problems == [f"{path}:3: not UTF-8 text (byte 3 of the line): it looks like Windows-1252 ('ë'); save the "
                        "file as CSV UTF-8 (comma delimited) and try again; the row is skipped"]


def test_binary_junk_in_a_row_is_not_taken_for_windows_1252(tmp_path):
    # outside check: a row of junk bytes in a UTF-8 file was told "it looks like Windows-1252 ('ÿ')"
    path = write(tmp_path / "a.csv", b"student,exercise,answer\nalice,cube,3x^2\nbob,cube,\xff\xfe\x00\x81junk\n")
    assert read(path)[1] == [f"{path}:3: not UTF-8 text (byte 10 of the line); save the file as CSV UTF-8 (comma "
                             "delimited) and try again; the row is skipped"]


def test_a_csv_with_carriage_returns_alone_is_told_how_to_save_it(tmp_path):
    # csv.Error's own words, about Python's universal-newline mode, reached the TA
    path = write(tmp_path / "a.csv", b"student,exercise,answer\ralice,cube,3x^2\r")
    _, problems, _ = read(path)
    assert problems[0] == (f"{path}:1: its lines end with a carriage return alone (a Mac CSV of old): save the file "
                           "as CSV UTF-8 and try again; without a header the file is not read")


def test_a_non_utf8_yaml_file(tmp_path):
    path = write(tmp_path / "zoe.yaml", "student: zoë\nanswers:\n  cube: 3x^2\n".encode("latin-1"))
    assert read(path)[:2] == ([], [f"{path}:1: not UTF-8 text (it looks like Windows-1252: 'ë'): save it as UTF-8; "
                                   "the file is not read"])


def test_a_50_megabyte_answer_is_a_problem_read_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as stream:
        stream.write(b"student,exercise,answer\nalice,cube,3x^2\nmallory,cube,")
        chunk = b"x+" * (1 << 19)  # 1 MiB
        for _ in range(50):
            stream.write(chunk)
        stream.write(b"x\nbob,cube,x\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    answers, problems, given = read(path)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert answers == [("alice", "cube", "3x^2"), ("bob", "cube", "x")]
    assert problems == [f"{path}:3: the row is longer than {LIMITS.max_submission_bytes:,} bytes; "
                        "the row is skipped"]
    assert given.problems[0].student == "mallory"  # its first fields are read: the problem is hers (finding 684)
    assert grown_kib < 20 * 1024  # the 50 MB row was never held whole


def test_a_quoted_field_longer_than_a_row_may_be_is_an_unbalanced_quote(tmp_path):
    lines = "\n".join(['x, ""y""'] * 20_000)  # 200 KB inside one pair of quotes: more than a row may hold
    path = write(tmp_path / "a.csv", f'student,exercise,answer\nmallory,cube,"{lines}"\nbob,cube,"x"\n')
    answers, problems, _ = read(path)
    assert answers == [("bob", "cube", "x")]
    assert problems[0] == f"{path}:2: {UNBALANCED}; the row is skipped"
    assert len(problems) == 20_000  # and each of the 19,999 lines after it, read again, is a row of two fields


def test_an_unbalanced_quote_is_that_rows_problem_and_the_rows_after_it_are_read(tmp_path):
    path = write(tmp_path / "a.csv", 'student,exercise,answer\ns01,cube,3x^2\ns02,cube,"min\n'
                                     's03,cube,3x^2\ns04,fit,"m = 1/2, b = 7/3"\ns05,cube,x\n')
    answers, problems, _ = read(path)
    assert [a[0] for a in answers] == ["s01", "s03", "s04", "s05"]
    assert problems == [f"{path}:3: {UNBALANCED}; the row is skipped"]


STRAY = ("a double quote opened on this line is closed only at line 5, over lines that are rows of their own: they "
         "are read as rows (remove the stray quote, or close it on this line); the row is skipped")


@pytest.mark.parametrize("dee, read_as", [('"0.64"', "0.64"), ('0.64"', '0.64"')])
def test_a_stray_quote_closed_rows_later_by_another_is_reported_and_the_rows_in_between_are_read(tmp_path, dee,
                                                                                                  read_as):
    """One student's stray quote, closed by another's quote lines later, must not swallow the rows between."""
    path = write(tmp_path / "a.csv", f'student,exercise,answer\nana,cube,"14x\nben,cube,3x^2\ncy,cube,8x\n'
                                     f'dee,cube,{dee}\neve,cube,x\n')
    answers, problems, _ = read(path)
    assert answers == [("ben", "cube", "3x^2"), ("cy", "cube", "8x"), ("dee", "cube", read_as), ("eve", "cube", "x")]
    assert problems == [f"{path}:2: {STRAY}"]


def test_two_stray_quotes_are_each_reported(tmp_path):
    path = write(tmp_path / "a.csv", 'student,exercise,answer\nana,cube,"14x\nben,cube,3x^2\ncy,cube,8x\n'
                                     'dee,cube,"0.64\neve,cube,x\n')
    answers, problems, _ = read(path)
    assert answers == [("ben", "cube", "3x^2"), ("cy", "cube", "8x"), ("eve", "cube", "x")]
    assert problems == [f"{path}:2: {STRAY}", f"{path}:5: {UNBALANCED}; the row is skipped"]


def test_a_quoted_answer_over_lines_that_are_not_rows_is_one_answer(tmp_path):
    path = write(tmp_path / "a.csv", 'student,exercise,answer\ns01,fit,"m = 1/2,\nb, 7/3"\ns02,cube,x\n')
    answers, problems, _ = read(path)
    assert answers == [("s01", "fit", "m = 1/2,\nb, 7/3"), ("s02", "cube", "x")] and problems == []


def test_a_quoted_answer_may_run_over_lines(tmp_path):
    path = write(tmp_path / "a.csv", 'student,exercise,answer\ns01,fit,"m = 1/2,\nb = 7/3"\ns02,cube,x\n')
    answers, problems, _ = read(path)
    assert answers == [("s01", "fit", "m = 1/2,\nb = 7/3"), ("s02", "cube", "x")] and problems == []


def test_an_answer_over_the_length_limit_is_kept_cut_and_marked_just_over_it(tmp_path):
    # outside check: 10,000 characters were kept as their first 1,001, nothing saying they had been cut
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cube," + "x" * 5000 + "\n")
    (answer,), problems, _ = read(path)
    assert problems == [] and answer[2] == "x" * LIMITS.max_length + "…"  # still graded too_large
    assert main(["grade", str(DATA / "pack.yaml"), str(path), "--out", str(tmp_path / "out")]) == 0
    row = next(csv.DictReader(io.StringIO((tmp_path / "out" / "answers.csv").read_text(encoding="utf-8"))))
    assert (row["answer"], row["verdict"], row["note"]) == ("x" * LIMITS.max_length + "…", "invalid", "too_large")


def test_a_yaml_file_too_large_is_not_read(tmp_path):
    path = write(tmp_path / "a.yaml", "student: alice\nanswers:\n  cube: " + "x" * (2 << 20) + "\n")
    assert read(path)[1] == [f"{path}: larger than {LIMITS.max_submission_bytes:,} bytes; not read"]


def test_yaml_is_never_constructed(tmp_path):
    path = write(tmp_path / "a.yaml", "student: alice\nanswers:\n  cube: !!python/object/apply:os.system [echo hi]\n"
                                      "  fit: &a [1, 2]\n  critical: 0.50\n  drill:\n")
    answers, problems, _ = read(path)
    assert answers == [("alice", "critical", "0.50"), ("alice", "drill", "")]  # numbers as written
    assert problems == [f"{path}:3: the answer to 'cube' must be text, in quotes if need be",
                        f"{path}:4: the answer to 'fit' must be text, in quotes if need be"]
    # the answers as a whole tagged: said so, not "no answers" (outside check h12)
    path = write(tmp_path / "b.yaml", "student: bo\nanswers: !!python/object/apply:os.system [echo hi]\n")
    assert read(path)[:2] == ([], [f"{path}:2: the answers carry the tag '!!python/object/apply:os.system', which is "
                                   "never read: a submission file is {student: ID, answers: {EXERCISE: ANSWER, ...}}"])


@pytest.mark.parametrize("footer", ["Total,,", "Total,,,", "Total,  ,5"])
def test_a_spreadsheets_total_row_is_said_to_name_no_exercise(tmp_path, footer):
    # outside check h71, F7: it was "pack 'grading-test' has no exercise ''"
    path = write(tmp_path / "c.csv", f"student,exercise,answer\nana,cube,3x^2\n{footer}\n")
    answers, problems, _ = read(path)
    assert answers == [("ana", "cube", "3x^2")]
    assert problems == [f"{path}:3: " + ("no exercise id; the row is skipped" if footer.count(",") == 2 else
                                         "the row has 4 fields but the header has 3 (an answer with commas must be "
                                         "in double quotes); it is skipped")]


def test_a_students_row_without_an_exercise_is_told_to_them(tmp_path):
    # outside check h72, G11: 'cy,,1' was no one's problem, and cy, on the roster, read "Nothing was submitted."
    rows = write(tmp_path / "c.csv", "student,exercise,answer\nana,cube,3x^2\ncy,,1\n")
    roster = write(tmp_path / "roster.csv", "id\nana\ncy\n")
    assert main(["grade", str(DATA / "pack.yaml"), str(rows), "--roster", str(roster), "--out",
                 str(tmp_path / "out")]) == 1
    grades = {r["student"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "grades.csv").read_text(
        encoding="utf-8")))}
    assert grades["cy"]["note"] == f"Your submission could not be read ({rows}:3: no exercise id; the row is skipped)."


def test_an_answer_given_but_not_usable_is_told_why_not_no_answer(tmp_path):
    # outside check h19, F1: a list for an answer, or a row broken by a comma, was "No answer." to a student who
    # did answer: still 0 and unanswered, but told why, on every page of theirs
    yaml = write(tmp_path / "ana.yaml", "student: ana\nanswers:\n  cube: [3, 2]\n  fit: y = x/2 + 7/3\n")
    rows = write(tmp_path / "b.csv", 'student,exercise,answer\nbob,cube,3x^2, 1\ncy,cube,"3x^2\ncy,fit,y = x/2 + 7/3\n'
                                     'dee,fit,y = 2x\nwho,nope,x\nTotal,,,\n')
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert main(["grade", str(DATA / "pack.yaml"), str(yaml), str(rows), "--out", str(out), "--feedback", str(pages)]) == 1  # problems found
    found = {(r["student"], r["exercise"]): r for r in csv.DictReader(io.StringIO(
        (out / "answers.csv").read_text(encoding="utf-8")))}
    told = {student: found[student, "cube"]["feedback"] for student in ("ana", "bob", "cy")}
    assert told == {
        "ana": f"Your answer could not be used ({yaml}:3: the answer to 'cube' must be text, in quotes if need be).",
        "bob": f"Your answer could not be used ({rows}:2: the row has 4 fields but the header has 3 (an answer "
               "with commas must be in double quotes); it is skipped).",
        "cy": f"Your answer could not be used ({rows}:3: a double quote opened on this line is never closed (an "
              "answer with commas goes in double quotes, closed on the same row); the row is skipped)."}
    assert {(r["verdict"], r["note"], r["score"]) for key, r in found.items() if key in
            {("ana", "cube"), ("bob", "cube"), ("cy", "cube")}} == {("unanswered", "unusable", "0")}
    assert found["dee", "cube"]["feedback"] == "No answer."  # nothing given
    assert found["cy", "fit"]["verdict"] == "correct"  # the row after the broken one is read
    assert "- Verdict: could not be used\n" in (pages / "ana.md").read_text(encoding="utf-8")
    # bob's only answer could not be used: he is in the gradebook, told why; an unknown exercise or a footer is no student
    grades = {r["student"]: r for r in csv.DictReader(io.StringIO((out / "grades.csv").read_text(encoding="utf-8")))}
    assert set(grades) == {"points possible", "ana", "bob", "cy", "dee"}
    assert grades["bob"]["note"].startswith(f"Your submission could not be read ({rows}:2: the row has 4 fields")
    # and at the answer on his page, though none of his could be used (outside check h21, F5)
    assert f"- Verdict: could not be used\n- Feedback: Your answer could not be used ({rows}:2:" in \
        (pages / "bob.md").read_text(encoding="utf-8").replace("\\", "")


@pytest.mark.parametrize("name, content, problem", [
    ("deep.yaml", "student: a\nanswers: {cube: " + "[" * 60_000 + "]" * 60_000 + "}\n",
     ":2: nested more than 64 levels deep"),
    ("deep.json", '{"student": "a", "answers": {"cube": ' + "[" * 60_000 + "]" * 60_000 + "}}",
     ": nested too deeply"),
])
def test_deep_nesting_is_a_problem_not_a_crash(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    assert read(path)[1] == [f"{path}{problem}"]


def test_ids_that_differ_only_in_lone_surrogates_stay_apart(tmp_path):
    # outside check: each was written "x?", so three students merged and two answers were ignored as repeats
    paths = [write(tmp_path / f"{name}.json", f'{{"student": "{student}", "answers": {{"cube": "3x^2"}}}}')
             for name, student in (("a", "x\\ud800"), ("b", "x\\ud801"), ("c", "x?"))]
    answers, problems, _ = read(*paths)
    assert (answers, problems) == ([("x\\ud800", "cube", "3x^2"), ("x\\ud801", "cube", "3x^2"), ("x?", "cube", "3x^2")], [])


def test_json_problems_carry_their_lines(tmp_path):
    good = write(tmp_path / "a.json", '{\n "student": "alice",\n "answers": {\n  "cube": "3x\\u00b2",\n'
                                      '  "nope": "x",\n  "fit": 2.50,\n  "critical": ["(1, 0)"],\n'
                                      '  "drill": "\\ud800"\n }\n}\n')
    bad = write(tmp_path / "b.json", '{"student": "bob",\n "answers": {"cube": "x",}}')
    answers, problems, _ = read(good, bad)
    assert answers == [("alice", "cube", "3x²"), ("alice", "fit", "2.50"), ("alice", "drill", "\\ud800")]
    assert problems == [f"{good}:5: pack 'grading-test' has no exercise 'nope'",
                        f"{good}:7: the answer to 'critical' must be text, in quotes if need be",
                        f"{bad}:2: not valid JSON: a key in double quotes is expected at line 2, column 26 (JSON "
                        "takes no single quotes, and no comma before a closing brace)"]


@pytest.mark.parametrize("content, problem", [
    # outside check: a file cut short was "not valid JSON: Unterminated string starting at"
    ('{"student": "u1", "answers": {"sum": "19", "classify": "mini',
     "1: not valid JSON: the quote at line 1, column 56 is never closed; add the closing quote"),
    ('{"student": "u1",\n "answers": {"sum": "19",', "2: not valid JSON: the file ends at line 2, column 26 before "
                                                   "the document does; is it complete?"),
    ('{"student": "u1"}\n{"student": "u2"}', "2: not valid JSON: more follows the document at line 2, column 1; "
                                              "a file holds one"),
    ('{"student": "u1" "answers": {}}', "1: not valid JSON: a ',' is missing at line 1, column 18"),
    ('{"student": "u1", "answers": {"sum": 19 x}}', "1: not valid JSON: a ',' is missing at line 1, column 41"),
    ('{"student": "u1", "answers": {"sum": }}', "1: not valid JSON: a value is missing at line 1, column 38"),
    # outside check h43, N5: a value in single quotes was "a value is missing"
    ("{\"student\": \"u1\", \"answers\": {\"sum\": '19'}}",
     '1: not valid JSON: a text in single quotes at line 1, column 38; JSON takes double quotes: "like this"'),
    # h44, N6: a key in single quotes was told "a key in double quotes is expected", with a comma named too
    ("{'student': \"u1\", \"answers\": {}}",
     '1: not valid JSON: a text in single quotes at line 1, column 2; JSON takes double quotes: "like this"'),
    ('{"student": "u1", "answers": {"sum": "a\\qb"}}',
     "1: not valid JSON: the backslash at line 1, column 40 starts no escape; write a backslash as \\\\"),
])
def test_a_json_file_that_cannot_be_read_is_said_with_where_and_the_fix(tmp_path, content, problem):
    path = write(tmp_path / "u1.json", content)
    assert read(path)[1] == [f"{path}:{problem}"]


def test_a_json_number_too_long_for_an_int_is_read_as_written(tmp_path):
    digits = "9" * 4301  # int() refuses more than 4,300 digits
    path = write(tmp_path / "a.json", f'{{"student": {digits},\n "answers": {{"cube": {digits},\n "fit": [{digits}]}}}}')
    answers, problems, _ = read(path)
    assert [(student, exercise, text[:4]) for student, exercise, text in answers] == [(digits, "cube", "9999")]
    assert problems == [f"{path}:3: the answer to 'fit' must be text, in quotes if need be"]


@pytest.mark.parametrize("content, line, character", [
    ("student: alice\nanswers:\n  cube: 3x^2\n  fit: \x0by = 2x\n", 4, "U+000B"),  # a vertical tab, pasted
    ("\x00", 1, "U+0000"),
    ('student: é\nanswers: {cube: "ééé\x1b"}\n', 2, "U+001B"),
])
def test_a_control_character_in_yaml_is_named_at_its_line(tmp_path, content, line, character):
    path = write(tmp_path / "a.yaml", content)
    assert read(path)[1] == [f"{path}:{line}: not valid YAML: the invisible character {character} is not allowed "
                             "in YAML (text pasted from a word processor or a PDF can bring one in); delete it, or "
                             "retype the text around it"]


@pytest.mark.parametrize("content, problem", [
    ("- alice\n", ":1: a submission file is {student: ID, answers: {EXERCISE: ANSWER, ...}}"),
    ("answers: {cube: x}\n", ":1: no student id: a submission file is"),
    ("student: alice\nanswers: 3x^2\n", ":2: no answers: a submission file is"),
    ("student: alice\nanswers: {cube: x\n", ":3: not valid YAML"),
])
def test_a_yaml_file_of_the_wrong_shape(tmp_path, content, problem):
    path = write(tmp_path / "a.yaml", content)
    (found,) = read(path)[1]
    assert found.startswith(f"{path}{problem}")


def test_hostile_ids_are_quoted_safely_in_messages(tmp_path):
    path = write(tmp_path / "a.csv", "student,exercise,answer\nalice,\x1b[2Jcube,x\n,cube,x\n")
    assert read(path)[1] == [f"{path}:2: unknown exercise '\\x1b[2Jcube'", f"{path}:3: no student id"]


def test_files_that_are_not_submissions(tmp_path):
    write(tmp_path / "notes.txt", "hello")
    write(tmp_path / ".DS_Store", "junk")  # hidden files are passed over
    os.symlink("/etc/passwd", tmp_path / "answers.yaml")
    os.symlink("/etc", tmp_path / "more")
    problems = read(tmp_path, tmp_path / "missing.csv")[1]
    assert problems == [f"{tmp_path / 'more'}: a link; links are not followed",
                        f"{tmp_path / 'answers.yaml'}: a link; links are not followed",
                        f"{tmp_path / 'notes.txt'}: not a submissions file (.csv, .yaml, .yml or .json)",
                        f"{tmp_path / 'missing.csv'}: no such file or folder"]


def test_a_link_named_on_the_command_line_is_not_followed(tmp_path):
    elsewhere = write(tmp_path / "key.csv", "student,exercise,answer\nkey,cube,3x^2\n")
    (tmp_path / "subs").mkdir()
    os.symlink(elsewhere, tmp_path / "subs" / "mallory.csv")
    os.symlink(tmp_path, tmp_path / "subs" / "all")
    answers, problems, _ = read(*sorted((tmp_path / "subs").iterdir()))  # as a shell's subs/* gives them
    assert answers == []
    assert problems == [f"{tmp_path / 'subs' / 'all'}: a link; links are not followed",
                        f"{tmp_path / 'subs' / 'mallory.csv'}: a link; links are not followed"]


def test_a_file_name_that_is_not_utf8_is_given_with_the_bytes_escaped(tmp_path):
    name = os.fsdecode(b"Jos\xe9.csv")  # from a zip made on Windows
    write(tmp_path / name, "student,exercise,answer\njose,cube,3x^2\njose,nope,x\n")
    _, problems, given = read(tmp_path)
    assert given.answers[0].source == f"{tmp_path}/Jos\\xe9.csv:2"
    assert problems == [f"{tmp_path}/Jos\\xe9.csv:3: pack 'grading-test' has no exercise 'nope'"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='a",\n ', max_size=40), st.integers(1, 7))
def test_rows_are_split_as_the_csv_module_reads_them(text, chunk):
    """Splitting before parsing must agree with csv.reader wherever every quote closes (strict csv
    reads the file) and every row has the header's width (else a quote over lines is unbalanced)."""
    try:
        expected = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True, skipinitialspace=True)]
    except csv.Error:
        assume(False)
    assume(len({len(row) for row in expected if row}) <= 1)
    data = text.encode()
    stream = io.BytesIO(data)
    stream.read = lambda size=-1, read=stream.read: read(min(size, chunk))  # tiny chunks: rows across them
    rows = list(csv_rows(stream, 1000))
    assert [row.cells for row in rows if row.cells != []] == [row for row in expected if row != []]


@pytest.mark.parametrize("name, content", [
    ("a.json", '{"student": "s1", "answers": {"cube": "3x^2", "cube": "1"}}'),
    ("b.json", '{"student": "s1",\n "answers": {"cube": "3x^2",\n "cube": "1"}}'),
    ("c.yaml", 'student: s1\nanswers: {cube: 3x^2, cube: "1"}\n'),
])
def test_a_key_given_twice_is_reported_in_json_as_in_yaml(tmp_path, name, content):
    path = write(tmp_path / name, content)
    answers, problems, _ = read(path)
    assert answers == [("s1", "cube", "3x^2")]
    assert len(problems) == 1 and problems[0].endswith("'cube' is given twice; the first answer is kept")



SAVE = "save the file as CSV UTF-8 (comma delimited) and try again"


@pytest.mark.parametrize("content, problem", [
    (b"student;exercise;answer\nzed;cube;x\n", f"1: the header is separated by ';', not commas: {SAVE}; the "
                                                "answers in it, of 1 student, are not graded"),
    (b"student\texercise\tanswer\nyo\tcube\tx\n", f"1: the header is separated by tabs, not commas: {SAVE}; the "
                                                    "answers in it, of 1 student, are not graded"),
    (b"exercise;answer\ncube;x\n", f"1: the header is separated by ';', not commas: {SAVE}"),
    ("student\texercise\tanswer\nbo\tcube\tx\n".encode("utf-16"),
     f"1: the file is UTF-16 (Excel's Unicode Text), not UTF-8: {SAVE}; the file is not read; the answers in it, of "
     "1 student, are not graded"),
    ("student,exercise,answer\r\nbo,cube,x\r\nal,cube,\"(1, 2)\"\r\n".encode("utf-16"),  # commas, in UTF-16
     f"1: the file is UTF-16 (Excel's Unicode Text), not UTF-8: {SAVE}; the file is not read; the answers in it, of "
     "2 students, are not graded"),
    ("exercise\tanswer\ncube\tx\n".encode("utf-16"),
     f"1: the file is UTF-16 (Excel's Unicode Text), not UTF-8: {SAVE}; the file is not read"),
])
def test_a_csv_a_spreadsheet_saved_otherwise_is_refused_with_the_cause_and_the_fix(tmp_path, content, problem):
    path = write(tmp_path / "a.csv", content)
    assert read(path)[:2] == ([], [f"{path}:{problem}"])


def test_binary_junk_with_a_tab_on_its_first_line_is_not_told_it_is_separated_by_tabs(tmp_path):
    # outside check h12: bytes 0 to 255 were "the header is separated by tabs", byte 9 coming before the first newline
    path = write(tmp_path / "junk.csv", bytes(range(256)) * 4)
    (problem,) = read(path)[1]
    assert problem.startswith(f"{path}:1: no column 'student' in the header") and "tabs" not in problem


@pytest.mark.parametrize("name, content", [
    ("a.yaml", "student: bo\nanswers: {cube: x}\n".encode("utf-16")),
    ("b.json", '{"student": "bo", "answers": {"cube": "x"}}'.encode("utf-16")),
])
def test_a_utf16_yaml_or_json_file_is_named_so(tmp_path, name, content):
    path = write(tmp_path / name, content)
    assert read(path)[:2] == ([], [f"{path}:1: the file is UTF-16, not UTF-8: save it as UTF-8; the file is not read"])


@pytest.mark.parametrize("name, content, problem", [
    ("ana.yaml", "", ": the file is empty"),
    ("ben.json", " \n", ": the file is empty"),
    ("cy.yaml", "# nothing\n", ": the file holds only comments"),
    ("dee.json", "null", ":1: the file holds only null"),
    ("eve.yaml", "~\n", ":1: the file holds only null"),
])
def test_an_empty_submission_file_is_said_to_be_empty(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    assert read(path)[1] == [f"{path}{problem}: a submission file is {{student: ID, answers: {{EXERCISE: ANSWER, ...}}}}"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[]":,\\\n\t abu0123.-etrufls\x01é', max_size=60))
def test_any_json_file_is_read_or_told_with_its_line_and_column(tmp_path_factory, text):
    path = write(tmp_path_factory.mktemp("json") / "s.json", text)
    for problem in read(path)[1]:  # never a traceback, never Python's words cut off ("starting at")
        said = problem.partition(": ")[2]
        if said.startswith("not valid JSON"):
            assert "column" in said and not said.endswith(" at"), said


def test_a_carriage_return_inside_a_row_is_told_as_such(tmp_path):
    # outside check: it was told "a Mac CSV of old", whose advice (save as CSV UTF-8) does not remove it
    path = write(tmp_path / "cr.csv", b"student,exercise,answer\nann,cube,3x^2\njo\r,cube,3x^2\r\nbo,cube,3x^2\n")
    answers, problems, _ = read(path)
    assert answers == [("ann", "cube", "3x^2"), ("bo", "cube", "3x^2")]
    assert problems == [f"{path}:3: an invisible carriage return in the row (character 3 of the line), perhaps "
                        "pasted with the text: delete it; the row is skipped"]
