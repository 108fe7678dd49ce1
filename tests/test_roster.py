"""`tutor grade --roster`: everyone on the roster gets a row, ids not on it are reported, its columns are kept."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.cli import main
from tutor.limits import LIMITS
from tutor.roster import RosterError, enrol, read_roster
from tutor.submissions import read_submissions

DATA = Path(__file__).parent / "data" / "grade"
PACK = str(DATA / "pack.yaml")
CLASS, FOLDER = str(DATA / "class.csv"), str(DATA / "folder")
ROSTER = """id,name,email,section
alice,Alice Ng,alice@example.edu,A
bob,Bob Ray,bob@example.edu,B
carol,Carol Ma,carol@example.edu,A
dan,Dan Wu,dan@example.edu,B
erin,Erin Ode,erin@example.edu,B
fay,Fay Li,fay@example.edu,A
"""


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def refused_separator(file: Path, separator: str) -> str:
    """What the grader says of a class file of 2 students refused whole for its header's separator."""
    return (f"{file}:1: the header is separated by {separator}, not commas: save the file as CSV UTF-8 (comma "
            "delimited) and try again; the answers in it, of 2 students, are not graded")


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("roster")
    roster = write(folder / "roster.csv", ROSTER)
    assert main(["grade", PACK, CLASS, FOLDER, "--roster", str(roster), "--out", str(folder / "out")]) == 0
    return folder / "out"


def test_everyone_on_the_roster_gets_a_row_with_its_columns(graded):
    assert (graded / "grades.csv").read_text(encoding="utf-8").splitlines() == [
        "student,name,email,section,cube,drill,critical,fit,total,max,percent,note",
        "points possible,,,,2,1,1,1,5,5,100,",
        "alice,Alice Ng,alice@example.edu,A,2,1,1,1,5,5,100,",
        "bob,Bob Ray,bob@example.edu,B,0,0,0.5,0.5,1,5,20,",
        "carol,Carol Ma,carol@example.edu,A,0,0,0,0,0,5,0,",
        "dan,Dan Wu,dan@example.edu,B,2,0,1,0,3,5,60,",
        "erin,Erin Ode,erin@example.edu,B,2,0,0,1,3,5,60,",
        "fay,Fay Li,fay@example.edu,A,0,0,0,0,0,5,0,Nothing was submitted.",
    ]


def test_a_student_who_submitted_nothing_scores_0_with_the_reason(graded):
    fay = [r for r in rows(graded / "answers.csv") if r["student"] == "fay"]
    assert [(r["verdict"], r["score"], r["note"], r["feedback"]) for r in fay] == [
        ("unanswered", "0", "no_answer", "Nothing was submitted.")] * 4
    report = json.loads((graded / "report.json").read_text(encoding="utf-8"))
    assert report["students"][-1] == {
        "student": "fay", "scores": {"cube": 0, "drill": 0, "critical": 0, "fit": 0}, "total": 0, "max": 5,
        "percent": 0, "roster": {"name": "Fay Li", "email": "fay@example.edu", "section": "A"},
        "note": "Nothing was submitted."}


def test_a_student_whose_every_answer_is_empty_is_told_so(tmp_path, capsys):
    """A blank form is no answer, as nothing sent is, and said as what it is (outside check h47, F5: the note was
    empty, as a weak student's is)."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    sent = write(tmp_path / "s.csv", "student,exercise,answer\nalice,cube,3x^2\nfay,cube,\nfay,drill,  \n")
    assert main(["grade", PACK, str(sent), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 0
    notes = {r["student"]: r["note"] for r in rows(tmp_path / "out" / "grades.csv")[1:]}
    assert (notes["alice"], notes["fay"], notes["bob"]) == ("", "Every answer you submitted was empty.",
                                                            "Nothing was submitted.")
    fay = [r for r in rows(tmp_path / "out" / "answers.csv") if r["student"] == "fay"]
    assert {(r["verdict"], r["score"], r["feedback"]) for r in fay} == {
        ("unanswered", "0", "Every answer you submitted was empty.")}


def test_a_student_whose_file_could_not_be_read_scores_0_and_says_why(tmp_path, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    write(folder / "fay.yaml", b"student: fay\nanswers:\n  cube: \xff\n")
    write(folder / "bob.yaml", "student: bob\nanswers: [3x^2]\n")
    roster = write(tmp_path / "roster.csv", ROSTER)
    assert main(["grade", PACK, str(folder), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    table = {r["student"]: r["note"] for r in rows(tmp_path / "out" / "grades.csv")}
    assert table["fay"] == f"Your submission could not be read ({folder / 'fay.yaml'}:3: not UTF-8 text (it looks " \
                           "like Windows-1252: 'ÿ'): save it as UTF-8; the file is not read)."
    assert table["bob"] == f"Your submission could not be read ({folder / 'bob.yaml'}:2: no answers: a submission " \
                           "file is {student: ID, answers: {EXERCISE: ANSWER, ...}})."
    assert table["alice"] == "Nothing was submitted."


def test_the_students_of_a_class_file_that_was_refused_are_told_it_could_not_be_read(tmp_path, capsys):
    """A file a spreadsheet saved with ';' is refused whatever its name; each student its rows name did submit."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    euro = write(tmp_path / "euro.csv", b"student;exercise;answer\r\nalice;cube;3x^2\r\nalice;fit;3,2\r\n"
                                        b"bob;cube;3x^2\r\n")
    other = write(tmp_path / "other.csv", "student,exercise,answer\nbob,fit,x\n")
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert main(["grade", PACK, str(euro), str(other), "--roster", str(roster), "--out", str(out),
                 "--feedback", str(pages)]) == 1
    why = refused_separator(euro, "';'")
    assert capsys.readouterr().err.splitlines()[0] == why
    notes = {r["student"]: r["note"] for r in rows(out / "grades.csv")[1:]}
    assert notes["alice"] == f"Your submission could not be read ({why})."
    assert notes["bob"] == f"Part of your submission was not graded ({why})."  # his other file was graded
    assert notes["carol"] == "Nothing was submitted."
    page = (pages / "alice.md").read_text(encoding="utf-8").replace("\\", "").splitlines()  # Markdown's escapes
    assert f"Your submission could not be read ({why}).  " in page


def test_rows_with_commas_under_a_header_of_tabs_name_their_students(tmp_path, capsys):
    """Outside check h56, N6: ben,px,1 under a header of tabs counted one student, "ben,px,1", and ben was told
    "Nothing was submitted.": he is told his file could not be read, as the students of a file of tabs are."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    tabs = write(tmp_path / "tabs.csv", "student\texercise\tanswer\nbob,cube,3x^2\nalice,fit,x\n")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(tabs), "--roster", str(roster), "--out", str(out)]) == 1
    why = refused_separator(tabs, "tabs")
    assert capsys.readouterr().err.splitlines()[0] == why
    notes = {r["student"]: r["note"] for r in rows(out / "grades.csv")[1:]}
    assert notes["alice"] == notes["bob"] == f"Your submission could not be read ({why})."


def test_an_id_off_the_roster_in_a_refused_file_is_reported(tmp_path, capsys):
    """Outside check h57, R6: zara, in a file refused for its tabs, was counted in its "of 2 students" and never
    told as off the roster, as she is from a file that could be read."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    tabs = write(tmp_path / "tabs.csv", "student\texercise\tanswer\nbob\tcube\t3x^2\nzara\tfit\tx\n")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(tabs), "--roster", str(roster), "--out", str(out)]) == 1
    why = refused_separator(tabs, "tabs")
    assert capsys.readouterr().err.splitlines()[:2] == [
        why, f"{tabs}:1: student 'zara' is not on the roster (this file could not be read)"]
    assert "zara" not in [r["student"] for r in rows(out / "grades.csv")]


def test_the_students_of_a_refused_file_get_a_row_without_a_roster_too(tmp_path, capsys):
    """Outside check h57, R6: without --roster, a file saved with ';' graded "0 students": its students submitted,
    and get a row scored 0 as a student none of whose answers could be used does; its Total;;; row is no student."""
    euro = write(tmp_path / "euro.csv", b"student;exercise;answer\r\nalice;cube;3x^2\r\nbob;fit;3,2\r\nTotal;;\r\n")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(euro), "--out", str(out)]) == 1
    why = refused_separator(euro, "';'")
    assert capsys.readouterr().err.splitlines()[0] == why
    table = rows(out / "grades.csv")
    assert [r["student"] for r in table[1:]] == ["alice", "bob"]
    assert {r["note"] for r in table[1:]} == {f"Your submission could not be read ({why})."}
    assert {r["total"] for r in table[1:]} == {"0"}


def test_a_students_page_tells_every_problem_of_theirs_that_grades_csv_counts(tmp_path):
    """Outside check h56, N3: max's page said "and 1 more problem in problems.csv", a file only the TA has."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    twice = write(tmp_path / "twice.csv", "student,exercise,answer\nalice,cube,3x^2\nalice,fit,x\nalice,cube,1\n"
                                           "alice,fit,2\n")
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert main(["grade", PACK, str(twice), "--roster", str(roster), "--out", str(out), "--feedback", str(pages)]) == 1
    first = f"{twice}:4: student 'alice' already answered cube at {twice}:2; this answer is ignored"
    second = f"{twice}:5: student 'alice' already answered fit at {twice}:3; this answer is ignored"
    notes = {r["student"]: r["note"] for r in rows(out / "grades.csv")[1:]}
    assert notes["alice"] == f"Part of your submission was not graded ({first}; and 1 more problem in problems.csv)."
    page = (pages / "alice.md").read_text(encoding="utf-8").replace("\\", "")  # Markdown's escapes
    # each on a line of its own, as each holds a ';' (outside check h57, R8: one run-on sentence of them)
    assert f"Part of your submission was not graded:  \n- {first}  \n- {second}  \n" in page
    assert "problems.csv" not in page and "problems.csv" not in (pages / "alice.html").read_text(encoding="utf-8")


def test_the_students_of_a_class_file_saved_as_unicode_text_are_told_it_could_not_be_read(tmp_path, capsys):
    """Re-check of 511: Excel's Unicode Text (UTF-16, tabs) told its students "Nothing was submitted." """
    roster = write(tmp_path / "roster.csv", ROSTER)
    text = write(tmp_path / "u16.csv", "student\texercise\tanswer\r\nalice\tcube\t3x^2\r\nbob\tfit\tx\r\n"
                                       .encode("utf-16"))
    out = tmp_path / "out"
    assert main(["grade", PACK, str(text), "--roster", str(roster), "--out", str(out)]) == 1
    why = (f"{text}:1: the file is UTF-16 (Excel's Unicode Text), not UTF-8: save the file as CSV UTF-8 (comma "
           "delimited) and try again; the file is not read; the answers in it, of 2 students, are not graded")
    assert capsys.readouterr().err.splitlines()[0] == why
    notes = {r["student"]: r["note"] for r in rows(out / "grades.csv")[1:]}
    assert notes["alice"] == notes["bob"] == f"Your submission could not be read ({why})."
    assert notes["carol"] == "Nothing was submitted."


def test_a_roster_typed_with_spaces_after_the_commas_keeps_a_quoted_name_whole(tmp_path):
    roster = read_roster(write(tmp_path / "roster.csv", 'id, name, section\nalice, "Ng, Alice", A\n'))
    assert roster.problems == ()
    assert [(s.id, s.fields) for s in roster.students] == [("alice", (("name", "Ng, Alice"), ("section", "A")))]


def test_answers_from_ids_not_on_the_roster_are_reported_with_the_closest_id(tmp_path, capsys):
    roster = write(tmp_path / "roster.csv", ROSTER)
    late = write(tmp_path / "late.csv", "student,exercise,answer\nalce,cube,3x^2\nalce,fit,x\nFay,cube,3x^2\n"
                                         "zed,cube,1\n")
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        f"{late}:2: student 'alce' is not on the roster; did you mean 'alice'? (2 answers in this file not graded)",
        f"{late}:4: student 'Fay' is not on the roster; did you mean 'fay'? (1 answer in this file not graded)",
        f"{late}:5: student 'zed' is not on the roster (1 answer in this file not graded)"]
    students = [r["student"] for r in rows(tmp_path / "out" / "grades.csv")][1:]
    assert students == ["alice", "bob", "carol", "dan", "erin", "fay"]  # no new student for a typo
    assert [p["line"] for p in rows(tmp_path / "out" / "problems.csv")] == ["2", "4", "5"]


def test_the_student_an_unknown_id_clearly_meant_is_told_answers_under_it_were_not_graded(tmp_path):
    """Outside check: jon's answers typed as jonn were left out, rightly, and his page said "No answer." with
    nothing else: the one id a stranger clearly meant is told, as a student whose file was not read is."""
    roster = write(tmp_path / "roster.csv", ROSTER)
    late = write(tmp_path / "late.csv", "student,exercise,answer\nalice,cube,3x^2\nalce,fit,x\nbob,cube,1\n"
                                         "bbo,fit,x\nzed,cube,1\n")
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(out), "--feedback", str(pages)]) == 1
    notes = {r["student"]: r["note"] for r in rows(out / "grades.csv")[1:]}
    assert notes["alice"] == (f"Part of your submission was not graded ({late}:3: student 'alce' is not on the roster; "
                              "did you mean 'alice'? (1 answer in this file not graded)).")
    assert "(1 answer in this file not graded))." in (pages / "alice.md").read_text(encoding="utf-8")
    assert notes["bob"] == (f"Part of your submission was not graded ({late}:5: student 'bbo' is not on the roster; "
                            "did you mean 'bob'? (1 answer in this file not graded)).")
    # zed is near no one: no one else is told of it
    assert notes["carol"] == "Nothing was submitted." and notes["dan"] == "Nothing was submitted."
    # beside another problem of theirs, told too (outside check h27, F1: only the first was, an answer given twice)
    again = write(tmp_path / "again.csv", "student,exercise,answer\nalice,cube,3x^2\nalice,cube,1\nalce,fit,x\n")
    assert main(["grade", PACK, str(again), "--roster", str(roster), "--out", str(tmp_path / "out3")]) == 1
    notes = {r["student"]: r["note"] for r in rows(tmp_path / "out3" / "grades.csv")[1:]}
    assert notes["alice"] == (f"Part of your submission was not graded ({again}:3: student 'alice' already answered cube "
                              f"at {again}:2; this answer is ignored; and {again}:4: student 'alce' is not on the roster; "
                              "did you mean 'alice'? (1 answer in this file not graded)).")
    # each id that clearly meant her, not the first only (outside check h28, N6)
    more = write(tmp_path / "more.csv", "student,exercise,answer\nalce,cube,3x^2\nALICE,fit,x\n")
    assert main(["grade", PACK, str(more), "--roster", str(roster), "--out", str(tmp_path / "out4")]) == 1
    notes = {r["student"]: r["note"] for r in rows(tmp_path / "out4" / "grades.csv")[1:]}
    assert notes["alice"].count("did you mean 'alice'?") == 2
    # all of a student's answers under the typo: absent, and told why
    only = write(tmp_path / "only.csv", "student,exercise,answer\ncarl,cube,3x^2\n")
    assert main(["grade", PACK, str(only), "--roster", str(roster), "--out", str(tmp_path / "out2")]) == 1
    notes = {r["student"]: r["note"] for r in rows(tmp_path / "out2" / "grades.csv")[1:]}
    assert notes["carol"] == (f"Nothing was submitted under your id ({only}:2: student 'carl' is not on the roster; "
                              "did you mean 'carol'? (1 answer in this file not graded)).")


def test_an_id_not_on_the_roster_is_told_among_its_file_s_problems_in_line_order(tmp_path, capsys):
    # outside check: roster problems came after every other, so a TA working down the file had to sort them
    roster = write(tmp_path / "roster.csv", ROSTER)
    late = write(tmp_path / "late.csv", "student,exercise,answer\nalice,cube,3x^2\nzed,cube,1\nbob,nope,x\n"
                                         "bob,cube,x\nbob,cube,3x^2\n")
    other = write(tmp_path / "other.csv", "student,exercise,answer\ncarol,nope,1\n")
    assert main(["grade", PACK, str(late), str(other), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert [line.split(": ")[0] for line in capsys.readouterr().err.splitlines()[:-1]] == [
        f"{late}:3", f"{late}:4", f"{late}:6", f"{other}:2"]


def test_problems_in_the_roster_have_their_line_and_the_rest_is_read(tmp_path):
    roster = write(tmp_path / "roster.csv", "\ufeffID,Name\nalice,Alice\n,Nobody\nbob,Bob,extra\nalice,Again\n"
                                            "carol,\"Ma, Carol\"\n" + "dan,\"unclosed\n")
    read = read_roster(roster)
    assert [s.id for s in read.students] == ["alice", "carol"]
    assert read.columns == ("Name",)
    assert read.get("carol").fields == (("Name", "Ma, Carol"),)
    assert [str(p) for p in read.problems] == [
        f"{roster}:3: no student id; the row is skipped",
        f"{roster}:4: the row has 3 fields but the header has 2; it is skipped",
        f"{roster}:5: student 'alice' is on the roster twice (first at {roster}:2); this row is skipped",
        f"{roster}:7: a double quote opened on this line is never closed (an answer with commas goes in double "
        "quotes, closed on the same row); the row is skipped"]


@pytest.mark.parametrize("content, message", [
    ("name,email\nAna,a@x\n", "roster.csv:1: the roster has no 'id' column (it has 'name', 'email')"),
    ("id,id\na,b\n", "roster.csv:1: the roster's header names the column 'id' twice"),
    # outside check h73, H5: one spelling was named, the second
    ("id,ID\na,b\n", "roster.csv:1: the roster's header names one column twice, as 'id' and 'ID'"),
    ("id,SIS Login ID,sis_login_id\na,b,c\n", "roster.csv:1: the roster's header names one column twice, as "
                                              "'SIS Login ID' and 'sis_login_id'"),
    # h74, J3: a third spelling, and a second pair, were not named
    ("id,Name,SIS Login ID,sis_login_id,SIS-LOGIN-ID,NAME\na,b,c,d,e,f\n", "roster.csv:1: the roster's header names "
     "one column twice, as 'Name' and 'NAME', and one column 3 times, as 'SIS Login ID', 'sis_login_id' and "
     "'SIS-LOGIN-ID'"),
    # outside check h27, F6: as a submissions file is told, not "no 'id' column (it has 'id;name')"
    ("id;name\nana;Ana\n", "roster.csv:1: the roster's header is separated by ';', not commas: save the file as CSV "
                           "UTF-8 (comma delimited) and try again"),
    ("ID\tName\nana\tAna\n", "roster.csv:1: the roster's header is separated by tabs, not commas: save the file as "
                             "CSV UTF-8 (comma delimited) and try again"),
    ("id,name\n", "roster.csv: no students on the roster (a CSV with a header naming an 'id' column, then one row "
                  "per student)"),
    (b"id,name\xff\na,b\n", "roster.csv:1: the roster is not UTF-8 text (byte 8 of the line): it looks like "
                              "Windows-1252 ('ÿ'); save the file as CSV UTF-8 (comma delimited) and try again"),
    # finding 691: Excel's plain CSV; the rows with accents were skipped and their students' answers "not on the roster"
    ("id,name\nalice,Alice\nbob,Beno\u00eet M\u00fcller\ncarol,Carol\n".encode("cp1252"),
     "roster.csv:3: the roster is not UTF-8 text (byte 9 of the line): it looks like Windows-1252 ('\u00ee'); save the "
     "file as CSV UTF-8 (comma delimited) and try again"),
    (b"id,name\nalice,Alice\nbob,B\x81\n", "roster.csv:3: the roster is not UTF-8 text (byte 6 of the line); save the "
                                          "file as CSV UTF-8 (comma delimited) and try again"),
])
def test_a_roster_that_cannot_be_used_is_a_usage_error_and_nothing_is_written(tmp_path, capsys, monkeypatch,
                                                                              content, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "roster.csv", content)
    assert main(["grade", PACK, CLASS, "--roster", "roster.csv", "--out", "out"]) == 2
    assert capsys.readouterr().err == f"tutor: {message}; nothing was written\n"
    assert not (tmp_path / "out").exists()


def test_answers_of_an_id_whose_roster_row_was_skipped_are_never_said_not_to_be_on_it(tmp_path, capsys):
    roster = write(tmp_path / "roster.csv", 'id,name\nalice,Alice\nbob,Ray, Bob\ncarol,"Ma, Carol\n'
                                            f'dan,{"x" * (LIMITS.max_submission_bytes + 1)}\nerin,Erin\n')
    late = write(tmp_path / "late.csv", "student,exercise,answer\nbob,cube,3x^2\nbob,fit,x\ncarol,cube,x\n"
                                         "dan,cube,x\nfay,cube,x\n")
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[3:7] == [
        f"{late}:2: student 'bob' is on the roster only at {roster}:3, a row that was skipped (2 answers in this file "
        "not graded)",
        f"{late}:4: student 'carol' is on the roster only at {roster}:4, a row that was skipped (1 answer in this file "
        "not graded)",
        f"{late}:5: student 'dan' is on the roster only at {roster}:5, a row that was skipped (1 answer in this file "
        "not graded)",
        f"{late}:6: student 'fay' is not on the roster (1 answer in this file not graded)"]


def test_the_id_column_may_be_called_student_and_other_columns_are_kept_as_written(tmp_path):
    roster = write(tmp_path / "roster.csv", "Student,SIS Login ID,Section\nalice,al01,A\n")
    read = read_roster(roster)
    assert read.columns == ("SIS Login ID", "Section")
    assert read.get("alice").get("sis_login_id") == "al01"  # names compared without case, spaces or _


def test_hostile_roster_cells_are_escaped_in_csv_and_kept_in_json(tmp_path):
    roster = write(tmp_path / "roster.csv", 'id,name,@SUM(A1),-section\nalice,"=HYPERLINK(""http://x"")",1,A\n')
    out = tmp_path / "out"
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(out)]) == 1  # bob, carol: not on it
    alice = rows(out / "grades.csv")[1]
    assert alice["name"] == "'=HYPERLINK(\"http://x\")"
    assert alice["'@SUM(A1)"] == "1" and alice["'-section"] == "A"  # the header's cells are escaped too
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["students"][0]["roster"] == {"name": '=HYPERLINK("http://x")', "@SUM(A1)": "1", "-section": "A"}


def test_names_written_with_joiners_and_no_break_spaces_reach_the_export_and_pages_as_written(tmp_path):
    # a Persian name needs its zero-width non-joiner, a Japanese one its ideographic space: escaped, they were
    # "\u200c" in the gradebook; a right-to-left override still is escaped
    names = {"alice": "Zahra Ahmadi \u0645\u06cc\u200c\u0634\u0648\u062f", "bob": "\u5c71\u7530\u3000\u592a\u90ce",
             "carol": "Jean\u00a0Ma", "dan": "Dan \u202eWu"}
    roster = write(tmp_path / "roster.csv", "id,name\n" + "".join(f"{i},{n}\n" for i, n in names.items()))
    out, pages = tmp_path / "out", tmp_path / "pages"
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(out), "--format", "canvas",
                 "--feedback", str(pages)]) == 0
    written = {row["SIS Login ID"]: row["Student"] for row in rows(out / "canvas.csv")[1:]}
    assert written == {**{i: n for i, n in names.items() if i != "dan"}, "dan": "Dan \\u202eWu"}
    assert names["alice"] in (pages / "alice.html").read_text(encoding="utf-8")
    assert f"Student: bob ({names['bob']})  " in (pages / "bob.md").read_text(encoding="utf-8").splitlines()
    assert "Student: dan (Dan \\\\u202eWu)  " in (pages / "dan.md").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("ids", "hint"), [
    (["s10", "s51"], "; did you mean 's10'?"),  # O for 0 is half a typo: s51 is two away
    (["s10", "s11"], "; did you mean 's10'?"),
    (["s01", "s10", "s15"], "; did you mean 's10'?"),
    (["s11", "s13"], "; it is as close to 's11' as to 's13': check whose work it is"),
    # outside check h75, K8: three were "as close to 's01', 's11' as to 's12'"
    (["s11", "s12", "s13"], "; it is as close to 's11' and 's12' as to 's13': check whose work it is"),
    (["s11", "s12", "s13", "s14"], "")])
def test_a_typo_is_given_the_roster_id_only_where_it_is_clearly_the_closest(tmp_path, capsys, ids, hint):
    roster = write(tmp_path / "roster.csv", "id\n" + "\n".join(ids) + "\n")
    late = write(tmp_path / "late.csv", "student,exercise,answer\ns1O,cube,3x^2\n")
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{late}:2: student 's1O' is not on the roster{hint} (1 answer in this file not graded)")
    notes = {r["student"]: (r["total"], r["note"]) for r in rows(tmp_path / "out" / "grades.csv")[1:]}
    # the answer is nobody's until the id is mended; the one id clearly meant is told why it has none
    told = f"Nothing was submitted under your id ({late}:2: student 's1O' is not on the roster{hint} (1 answer in " \
           "this file not graded))."
    assert notes == {i: ("0", told if hint.endswith(f"'{i}'?") else "Nothing was submitted.") for i in ids}


def test_the_roster_id_suggested_for_a_typo_has_its_control_characters_escaped(tmp_path, capsys):
    roster = write(tmp_path / "roster.csv", 'id,name\n"alice\x1b[1m",Alice\n')
    late = write(tmp_path / "late.csv", "student,exercise,answer\nalice,cube,3x^2\n")
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{late}:2: student 'alice' is not on the roster; did you mean 'alice\\x1b[1m'? (1 answer in this file "
        "not graded)")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_roster_bytes_give_a_roster_or_a_sentence(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "roster.csv"
    path.write_bytes(b"id,name\n" + data)
    try:
        roster = read_roster(path)
    except RosterError as error:
        assert error.message.startswith(str(path))
        return
    pack = packs.load(PACK)
    enrolled = enrol(roster, read_submissions([CLASS], pack))
    assert enrolled.students == tuple(sorted(s.id for s in roster.students))
    assert all(p.line for p in roster.problems)


# ------------------------------------------------ emails, and ids in two Unicode forms

NFC, NFD = "ren\u00e9", "rene\u0301"  # `rené` from a web form, and from a file named on a Mac: they look alike


def test_a_roster_giving_one_email_to_two_ids_is_refused_naming_each(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "roster.csv", "id,name,email\nana,Ana,shared@example.edu\nben,Ben,shared@example.edu\n"
                                   "carol,Carol, Carol@Example.edu\ndan,Dan,carol@example.edu\nerin,Erin,\nfay,Fay,\n")
    for grading in (["--out", "out"], ["--gradescope", "--out", "out"]):
        assert main(["grade", PACK, CLASS, "--roster", "roster.csv", *grading]) == 2
        assert capsys.readouterr().err.splitlines() == [
            "tutor: roster.csv:3: student 'ben' has the email of student 'ana' (line 2): 'shared@example.edu'",
            "roster.csv:5: student 'dan' has the email of student 'carol' (line 4): 'carol@example.edu'",
            "roster.csv: each student needs an email of their own, or none: Gradescope and Moodle find students "
            "by email; nothing was written"]
        assert not (tmp_path / "out").exists()


def test_an_email_column_may_be_called_e_mail_or_email_address(tmp_path):
    for column in ("E-mail", "Email Address"):
        roster = write(tmp_path / "roster.csv", f"id,{column}\nana,a@x.edu\nben,A@X.edu\n")
        with pytest.raises(RosterError, match=r"roster.csv:3: student 'ben' has the email of student 'ana' "
                                              r"\(line 2\): 'A@X.edu'\n"):
            read_roster(roster)


def test_students_without_an_email_or_a_roster_without_emails_are_not_refused(tmp_path):
    for text in ("id,name,email\nalice,A,\nbob,B,\n", "id,name\nalice,A\nbob,B\n"):
        roster = write(tmp_path / "roster.csv", text)
        assert [s.id for s in read_roster(roster).students] == ["alice", "bob"]


def answer_files(tmp_path: Path) -> tuple[Path, Path]:
    web = write(tmp_path / "web.csv", f"student,exercise,answer\n{NFC},cube,3x^2\n{NFC},drill,20x^4y\n")
    mac = write(tmp_path / "mac.csv", f"student,exercise,answer\n{NFD},critical,\"(1, 0), (-1, 0)\"\n")
    return web, mac


def test_an_id_in_two_unicode_forms_is_one_student_whatever_the_order_and_jobs(tmp_path, capsys):
    web, mac = answer_files(tmp_path)
    written = set()
    for order, jobs in (((web, mac), "1"), ((mac, web), "2")):
        out = tmp_path / f"out{jobs}"
        assert main(["grade", PACK, *map(str, order), "--out", str(out), "--jobs", jobs, "--format", "plain"]) == 0
        grades = (out / "grades.csv").read_text(encoding="utf-8")
        assert grades.splitlines()[2:] == [f"{NFC},2,1,1,0,4,5,80"]  # drill: rené's variant
        assert (out / "plain.csv").read_text(encoding="utf-8").splitlines()[1:] == [f"{NFC},4"]
        written.add(grades)
    assert len(written) == 1
    again = write(tmp_path / "again.csv", f"student,exercise,answer\n{NFD},cube,1\n")
    assert main(["grade", PACK, str(web), str(again), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{again}:2: student '{NFC}' already answered cube at {web}:2; this answer is ignored")


def test_with_a_roster_an_id_is_matched_in_either_form_and_written_as_the_roster_writes_it(tmp_path, capsys):
    web, mac = answer_files(tmp_path)
    roster = write(tmp_path / "roster.csv", f"id,name\n{NFD},René\n{NFC},Again\n")
    assert main(["grade", PACK, str(mac), str(web), "--roster", str(roster), "--out", str(tmp_path / "out"),
                 "--format", "moodle"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{roster}:3: student '{NFC}' is on the roster twice (first at {roster}:2, written with a different accent "
        "encoding); this row is skipped")
    assert (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()[2:] == [
        f"{NFD},René,2,1,1,0,4,5,80,"]
    assert (tmp_path / "out" / "moodle.csv").read_text(encoding="utf-8").splitlines()[1:] == [f"{NFD},4"]


def test_the_closest_id_names_a_difference_that_cannot_be_seen(tmp_path, capsys):
    roster = write(tmp_path / "roster.csv", f"id,name\nalice,Alice\n{NFC},René\n")
    late = write(tmp_path / "late.csv", "student,exercise,answer\n\u0430lice,cube,3x^2\nrene\u0300,cube,3x^2\n"
                                        "alce,cube,3x^2\n")
    assert main(["grade", PACK, str(late), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[:3] == [
        f"{late}:2: student '\u0430lice' is not on the roster; did you mean 'alice' (it has LATIN SMALL LETTER A "
        "where this has CYRILLIC SMALL LETTER A)? (1 answer in this file not graded)",
        f"{late}:3: student 'ren\u00e8' is not on the roster; did you mean '{NFC}' (it has LATIN SMALL LETTER E WITH "
        "ACUTE where this has LATIN SMALL LETTER E WITH GRAVE)? (1 answer in this file not graded)",
        f"{late}:4: student 'alce' is not on the roster; did you mean 'alice'? (1 answer in this file not graded)"]


def test_a_student_has_one_variant_in_either_form(capsys):
    shown = []
    for student in (NFC, NFD):
        assert main(["pack", "show", PACK, "drill", "--student", student, "--answers"]) == 0
        shown.append(capsys.readouterr().out)
    assert shown[0] == shown[1] and "answer: 20x⁴y" in shown[0]


def test_a_file_that_could_not_be_read_is_named_to_a_student_with_answers_elsewhere(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("folder").mkdir()
    write(Path("folder/dee.yaml"), "student: dee\nanswers: [3x^2]\n")  # the wrong shape: unreadable
    write(Path("folder/z.csv"), "student,exercise,answer\ndee,cube,3x^2\n")  # an answer of dee's read elsewhere
    write(Path("roster.csv"), ROSTER + "dee,Dee,dee@example.edu,B\n")
    assert main(["grade", PACK, "folder", "--roster", "roster.csv", "--out", "out", "--feedback", "pages"]) == 1
    said = ("Part of your submission was not graded (folder/dee.yaml:2: no answers: a submission file is "
            "{student: ID, answers: {EXERCISE: ANSWER, ...}}).")
    assert {r["student"]: r["note"] for r in rows(Path("out/grades.csv"))}["dee"] == said
    report = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    assert [s["note"] for s in report["students"] if s["student"] == "dee"] == [said]
    page = Path("pages/dee.md").read_text(encoding="utf-8").splitlines()
    assert page[2:6] == ["Student: dee (Dee)  ", "Score: 2 of 5 points (40%)  ", said.replace(".yaml", "\\.yaml") + "  ", ""]


def test_without_a_roster_an_answer_not_graded_is_in_the_students_note(tmp_path, capsys):
    given = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cube,3x^2\nbob,cube,x\nalice,cube,x^3\n")
    assert main(["grade", PACK, str(given), "--out", str(tmp_path / "out")]) == 1
    assert {r["student"]: r["note"] for r in rows(tmp_path / "out" / "grades.csv")} == {
        "points possible": "", "bob": "",
        "alice": f"Part of your submission was not graded ({given}:4: student 'alice' already answered cube at "
                 f"{given}:2; this answer is ignored)."}


def test_a_skipped_csv_row_is_its_students_note_where_its_first_field_names_them(tmp_path, capsys, monkeypatch):
    # finding 400: a row skipped (fields too many, a quote never closed) is the student's, not "Nothing was submitted."
    monkeypatch.chdir(tmp_path)
    write(Path("sub.csv"), 'student,exercise,answer\nbob,cube,3x^2,extra\ncarol,fit,"(1, 2)\n'
                           'alice,cube,3x^2\nalice,fit,1,2\n"dan,cube,(1, 2)\n')
    write(Path("roster.csv"), ROSTER)
    assert main(["grade", PACK, "sub.csv", "--roster", "roster.csv", "--out", "out"]) == 1
    notes = {r["student"]: r["note"] for r in rows(Path("out/grades.csv"))}
    assert notes == {
        "points possible": "",
        "alice": "Part of your submission was not graded (sub.csv:5: the row has 4 fields but the header has 3 (an "
                 "answer with commas must be in double quotes); it is skipped).",
        "bob": "Your submission could not be read (sub.csv:2: the row has 4 fields but the header has 3 (an answer "
               "with commas must be in double quotes); it is skipped).",
        "carol": "Your submission could not be read (sub.csv:3: a double quote opened on this line is never closed "
                 "(an answer with commas goes in double quotes, closed on the same row); the row is skipped).",
        # the quote is dan's own field's: what it holds is never guessed at
        "dan": "Nothing was submitted.", "erin": "Nothing was submitted.", "fay": "Nothing was submitted."}


def test_a_row_too_long_is_its_students_note_and_page_where_its_field_reads_exactly(tmp_path, capsys, monkeypatch):
    # finding 684: dee's 400 KB answer was skipped and dee told "Nothing was submitted." in grades.csv and her page
    monkeypatch.chdir(tmp_path)
    long = "x+" * 200_000 + "x"
    write(Path("long.csv"), f"student,exercise,answer\ndee,cube,{long}\nalice,cube,3x^2\n")
    write(Path("cut.csv"), f"exercise,answer,student\ncube,{long},erin\n")  # the id is past what is held
    write(Path("roster.csv"), ROSTER + "dee,Dee,dee@example.edu,B\n")
    assert main(["grade", PACK, "long.csv", "cut.csv", "--roster", "roster.csv", "--out", "out",
                 "--feedback", "pages"]) == 1
    why = f"long.csv:2: the row is longer than {LIMITS.max_submission_bytes:,} bytes; the row is skipped"
    assert capsys.readouterr().err.splitlines()[:2] == [why, f"cut.csv:2: the row is longer than "
                                                              f"{LIMITS.max_submission_bytes:,} bytes; the row is skipped"]
    notes = {r["student"]: r["note"] for r in rows(Path("out/grades.csv"))}
    assert notes["dee"] == f"Your submission could not be read ({why})."
    assert notes["erin"] == "Nothing was submitted."  # its field was not read: whose it is is never guessed at
    page = Path("pages/dee.md").read_text(encoding="utf-8").replace("\\", "").splitlines()
    assert page[3:5] == ["Score: 0 of 5 points (0%)  ", f"Your submission could not be read ({why}).  "]


def test_a_skipped_row_is_named_to_the_student_only_where_its_field_reads_exactly(tmp_path):
    pack = packs.load(PACK)
    for n, (line, student) in enumerate( [('bob,fit,"(1, 2)', "bob"), ('"bob",fit,"(1, 2)', "bob"), ('"b""ob",fit,"(1, 2)', 'b"ob'),
                          ('"bob,fit,(1, 2)', ""), ('"bob"x,fit,"(1, 2)', ""), ('fit,"bob', ""), ('fit,bob,"(1', "bob")]):
        header = "exercise,student,answer" if line.startswith("fit") else "student,exercise,answer"
        given = read_submissions([write(tmp_path / f"{n}.csv", f"{header}\n{line}\n")], pack)
        assert [(p.line, p.student) for p in given.problems] == [(2, student)], line


def test_a_readable_file_named_after_one_student_is_not_the_note_of_that_student(tmp_path, capsys, monkeypatch):
    # finding 404: dee.yaml says student: carol; it was read as carol's, so dee submitted nothing
    monkeypatch.chdir(tmp_path)
    Path("folder").mkdir()
    write(Path("folder/dee.yaml"), "student: carol\nstudent: carol\nanswers:\n  cube: 3x^2\n  cube: x\n  nosuch: 1\n")
    write(Path("roster.csv"), ROSTER + "dee,Dee,dee@example.edu,B\n")
    assert main(["grade", PACK, "folder", "--roster", "roster.csv", "--out", "out", "--feedback", "pages"]) == 1
    notes = {r["student"]: r["note"] for r in rows(Path("out/grades.csv"))}
    # and how many more of hers problems.csv has: cube given twice, an unknown exercise (outside check h36, F1)
    assert notes["carol"] == ("Part of your submission was not graded (folder/dee.yaml:2: 'student' is given twice; "
                              "and 2 more problems in problems.csv).")
    assert notes["dee"] == "Nothing was submitted."
    assert Path("pages/dee.md").read_text(encoding="utf-8").splitlines()[2:5] == [
        "Student: dee (Dee)  ", "Score: 0 of 5 points (0%)  ", "Nothing was submitted.  "]


def test_the_pack_and_the_roster_kept_beside_the_answers_are_not_read_as_submissions(tmp_path, capsys):
    # outside check: each was a broken submission in problems.csv, and the run's exit status 1
    course = tmp_path / "course"
    course.mkdir()
    (course / "pack.yaml").write_bytes(Path(PACK).read_bytes())
    (course / "roster.csv").write_text("id,name\nalice,Alice\nbob,Bob\n", encoding="utf-8")
    (course / "answers.csv").write_text("student,exercise,answer\nalice,cube,3x^2\nbob,cube,2x\n", encoding="utf-8")
    assert main(["grade", str(course / "pack.yaml"), str(course), "--roster", str(course / "roster.csv"),
                 "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"tutor: {course / 'pack.yaml'} is the pack; it is not read as submissions\n" in err
    assert f"tutor: {course / 'roster.csv'} is the roster; it is not read as submissions\n" in err
    assert (tmp_path / "out" / "problems.csv").read_text(encoding="utf-8") == "file,line,message\n"


def test_the_closing_line_counts_the_roster_s_problems_apart_from_the_submissions(tmp_path, capsys):
    # outside check: "4 problems in the submissions" where three were in the roster
    roster = write(tmp_path / "roster.csv", "id,name\nalice,Alice\n,Nobody\nalice,Again\nbob,Bob\n")
    answers = write(tmp_path / "a.csv", "student,exercise,answer\nalice,cube,3x^2\nbob,nope,1\n")
    assert main(["grade", PACK, str(answers), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tutor: 2 problems in the roster and 1 problem in the submissions; the rest was graded")


def test_answers_given_again_by_an_id_not_on_the_roster_are_not_reported_as_repeats(tmp_path, capsys):
    # outside check: "student 'hal' already answered …; 4 answers … are ignored" beside "hal is not on the roster"
    roster = write(tmp_path / "roster.csv", "id\nann\n")
    answers = write(tmp_path / "a.csv", "student,exercise,answer\nhal,cube,3x^2\nhal,cube,2x\nhal,cube,x\n"
                                        "ann,cube,3x^2\nann,cube,2x\n")
    assert main(["grade", PACK, str(answers), "--roster", str(roster), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{answers}:2: student 'hal' is not on the roster (1 answer in this file not graded)" in err
    assert "'hal' already answered" not in err
    assert f"{answers}:6: student 'ann' already answered cube at {answers}:5; this answer is ignored" in err
