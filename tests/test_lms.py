"""`tutor grade --format`: each file read the way its system imports it (tests/lms_rules.py, written
from each system's published rules) and found to hold every student's grade and break no rule."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests import lms_rules
from tutor.cli import main

DATA = Path(__file__).parent / "data" / "grade"
PACK, CLASS, FOLDER = str(DATA / "pack.yaml"), str(DATA / "class.csv"), str(DATA / "folder")
ROSTER = """id,name,last name,first name,email,username,student id,section
alice,Alice Ng,Ng,Alice,alice@example.edu,ang,1001,A
bob,"Ray, Bob",Ray,Bob,bob@example.edu,bray,1002,B
carol,Carol Ma,Ma,Carol,carol@example.edu,cma,1003,A
dan,Dan Wu,Wu,Dan,dan@example.edu,dwu,1004,B
erin,Erin Ode,Ode,Erin,erin@example.edu,eode,1005,B
fay,Fay Li,Li,Fay,fay@example.edu,fli,1006,A
"""
TOTALS = {"alice": "5", "bob": "1", "carol": "0", "dan": "3", "erin": "3", "fay": "0"}  # by hand: test_roster
USERNAMES = {"alice": "ang", "bob": "bray", "carol": "cma", "dan": "dwu", "erin": "eode", "fay": "fli"}


def export(tmp_path: Path, lms: str, *options: str, roster: str = ROSTER) -> str:
    path = tmp_path / "roster.csv"
    path.write_text(roster, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["grade", PACK, CLASS, FOLDER, "--roster", str(path), "--out", str(out), "--format", lms,
                 *options]) == 0
    return (out / f"{lms}.csv").read_bytes().decode("utf-8")


def test_canvas_takes_every_student_by_sis_login_and_the_points_possible(tmp_path):
    text = export(tmp_path, "canvas", "--assignment", "Homework 3")
    imported = lms_rules.canvas(text)
    assert imported.broken == []
    assert imported.columns == {"Homework 3": "new"} and imported.points == {"Homework 3": "5"}
    assert {key: grades["Homework 3"] for key, grades in imported.grades.items()} == \
        {USERNAMES[s]: total for s, total in TOTALS.items()}
    assert set(imported.matched_by.values()) == {"SIS Login ID"}
    assert text.splitlines()[:3] == ["Student,ID,SIS User ID,SIS Login ID,Section,Homework 3",
                                     "Points Possible,,,,,5", 'Alice Ng,,,ang,A,5']


def test_canvas_updates_an_existing_assignment_and_takes_one_column_per_exercise(tmp_path):
    imported = lms_rules.canvas(export(tmp_path, "canvas", "--assignment", "Homework 3 (4512)"))
    assert imported.broken == [] and imported.columns == {"Homework 3 (4512)": "4512"}
    imported = lms_rules.canvas(export(tmp_path, "canvas", "--columns", "exercise"))
    assert imported.broken == []
    assert imported.points == {"grading-test: cube": "2", "grading-test: drill": "1", "grading-test: critical": "1",
                               "grading-test: fit": "1"}
    assert imported.grades["bray"] == {"grading-test: cube": "0", "grading-test: drill": "0",
                                       "grading-test: critical": "0.5", "grading-test: fit": "0.5"}


def test_a_canvas_column_named_like_its_own_totals_is_refused_before_grading(tmp_path, capsys):
    assert main(["grade", PACK, CLASS, "--out", str(tmp_path / "out"), "--format", "canvas",
                 "--assignment", "final score"]) == 2  # finding 341: Canvas's names were compared with case
    assert capsys.readouterr().err == (
        "tutor: canvas would not read the column 'final score' as grades (it reads names with Current Score, "
        "Current Points, Current Grade, Final Score, Final Points, Final Grade, Override Score, Override Grade, "
        "Override Status as its own); name the grade column otherwise with --assignment\n")
    assert not (tmp_path / "out").exists()


OWN_AND_GRADE = "its own and the grade column"
ALIKE = " (names are compared without case, '_' and '-' as spaces)"
OTHERWISE = "name the grade column otherwise with --assignment"


@pytest.mark.parametrize("lms, name, said", [
    ("canvas", "Student", f"canvas.csv would have two columns named 'Student': {OWN_AND_GRADE}; {OTHERWISE}"),
    ("canvas", "ID", f"canvas.csv would have two columns named 'ID': {OWN_AND_GRADE}; {OTHERWISE}"),
    ("canvas", "sis_login_id",
     f"canvas.csv would have two columns named 'SIS Login ID' and 'sis_login_id': {OWN_AND_GRADE}{ALIKE}; {OTHERWISE}"),
    ("moodle", "Username", f"moodle.csv would have two columns named 'Username': {OWN_AND_GRADE}; {OTHERWISE}"),
    # not written (the roster gives everyone an email), but one Moodle may be asked to map from
    ("moodle", "ID number", f"moodle.csv would have two columns named 'ID number': {OWN_AND_GRADE}; {OTHERWISE}"),
    ("blackboard", "student id", "blackboard.csv would have two columns named 'Student ID' and 'student id': "
                                 f"{OWN_AND_GRADE}{ALIKE}; {OTHERWISE}"),
    ("plain", "Student", f"plain.csv would have two columns named 'student' and 'Student': {OWN_AND_GRADE}{ALIKE}; "
                         f"{OTHERWISE}"),
    ("plain", "email", "plain.csv would have two columns named 'email': the roster's and the grade column; rename the "
                       f"roster's column 'email', or {OTHERWISE}"),
])
def test_a_grade_column_named_like_a_student_column_is_refused_before_grading(tmp_path, capsys, lms, name, said):
    """Finding 341: the header named one column twice, and an import by name could take the grades for ids."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(tmp_path / "out"), "--format", lms,
                 "--assignment", name]) == 2
    assert capsys.readouterr().err == f"tutor: {said}\n"
    assert not (tmp_path / "out").exists()


def test_a_roster_column_named_like_a_column_of_the_grader_is_refused_before_grading(tmp_path, capsys):
    """Finding 342: grades.csv had the roster's `total` beside its own, and a lookup by name took the roster's."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,cube,Total,note,Grading test\nalice,Alice,x,99,hi,5\n", encoding="utf-8")
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(tmp_path / "out"),
                 "--format", "plain"]) == 2
    assert capsys.readouterr().err == (
        "tutor: grades.csv would have two columns named 'cube': the roster's and an exercise's; rename the roster's "
        "column 'cube', or rename the exercise 'cube' in the pack\n"
        f"grades.csv would have two columns named 'Total' and 'total': the roster's and its own{ALIKE}; rename the "
        "roster's column 'Total'\n"
        "grades.csv would have two columns named 'note': the roster's and its own; rename the roster's column "
        "'note'\n"
        "plain.csv would have two columns named 'Grading test': the roster's and the grade column; rename the "
        f"roster's column 'Grading test', or {OTHERWISE}\n")
    assert not (tmp_path / "out").exists()


def test_an_exercise_named_like_a_column_of_the_grader_is_refused_before_grading(tmp_path, capsys):
    pack = tmp_path / "pack.yaml"
    pack.write_text((DATA / "pack.yaml").read_text(encoding="utf-8").replace("id: fit", "id: Percent"),
                    encoding="utf-8")
    submissions = tmp_path / "class.csv"
    submissions.write_text("student,exercise,answer\nalice,cube,3x^2\n", encoding="utf-8")
    assert main(["grade", str(pack), str(submissions), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"tutor: grades.csv would have two columns named 'Percent' and 'percent': an exercise's and its own{ALIKE}; "
        "rename the exercise 'Percent' in the pack\n")
    assert not (tmp_path / "out").exists()


def test_two_exercises_whose_ids_differ_in_case_or_dashes_are_refused_before_grading(tmp_path, capsys):
    """Outside check h63, F2: cube beside Cube passed validate, and the grader wrote two columns its own rule calls
    one name (and told a student's `Px` only of `px`)."""
    pack = tmp_path / "pack.yaml"
    pack.write_text((DATA / "pack.yaml").read_text(encoding="utf-8").replace("id: fit", "id: Cube"),
                    encoding="utf-8")
    submissions = tmp_path / "class.csv"
    submissions.write_text("student,exercise,answer\nalice,cube,3x^2\n", encoding="utf-8")
    assert main(["grade", str(pack), str(submissions), "--out", str(tmp_path / "out"), "--format", "canvas",
                 "--columns", "exercise"]) == 2
    line = next(i for i, text in enumerate(pack.read_text(encoding="utf-8").splitlines(), 1) if "id: Cube" in text)
    first = next(i for i, text in enumerate(pack.read_text(encoding="utf-8").splitlines(), 1) if "id: cube" in text)
    assert f":{line}:" in capsys.readouterr().err.splitlines()[0]
    assert not (tmp_path / "out").exists()
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.endswith(
        f"exercise 'Cube': the id 'Cube' is 'cube' (line {first}) written otherwise: ids are compared without case, "
        "'_' and '-' as spaces, as a gradebook's columns are; rename one\n")


@pytest.mark.parametrize("drop, map_from, map_to, users", [
    ((), "Email address", "useremail", {f"{s}@example.edu" for s in TOTALS}),
    (("email",), "ID number", "useridnumber", {str(1001 + i) for i in range(6)}),
    (("email", "student id"), "Username", "username", set(USERNAMES.values())),
])
def test_moodle_maps_every_student_by_one_identifier_and_has_no_points_row(tmp_path, drop, map_from, map_to, users):
    table = list(csv.reader(io.StringIO(ROSTER)))
    keep = [i for i, name in enumerate(table[0]) if name not in drop]
    stream = io.StringIO()
    csv.writer(stream).writerows([row[i] for i in keep] for row in table)
    roster = stream.getvalue()
    text = export(tmp_path, "moodle", "--columns", "exercise", roster=roster)
    imported = lms_rules.moodle(text, map_from, map_to, users)
    assert imported.broken == []
    assert text.splitlines()[0] == f"{map_from},grading-test: cube,grading-test: drill,grading-test: critical," \
                                   "grading-test: fit"
    assert len(imported.grades) == 6 and set(imported.matched_by.values()) == {map_from}


def test_an_identifier_column_is_one_roster_column_for_every_student(tmp_path, capsys):
    # outside check h71, F2: ID number took each student's first filled of 'ID number' and 'Student ID', so alice's
    # ID number and bob's Student ID, both N000, stood in one column: Moodle would give one's grade to the other
    roster = "id,name,email,ID number,Student ID\n" + "".join(
        f"{s},{s.title()},{'' if s == 'alice' else s + '@example.edu'},{'' if s == 'bob' else 'N' + str(n)}," +
        f"{'N0' if s == 'bob' else str(7000 + n)}\n" for n, s in enumerate(TOTALS))
    text = export(tmp_path, "moodle", roster=roster)
    assert text.splitlines()[0] == "Username,Grading test"  # neither column is every student's: the tutor's ids
    assert {row.split(",")[0] for row in text.splitlines()[1:]} == set(TOTALS)
    # and why (outside check h71, F4: only the fallback's own warning was said, naming another cause)
    said = [line for line in capsys.readouterr().err.splitlines() if "is empty for" in line]
    assert said == [
        "tutor: moodle.csv: the roster's 'email' is empty for 1 student ('alice'), so Moodle is to match students by "
        "Username, not Email address: fill it in for every student to match by Email address",
        "tutor: moodle.csv: the roster's 'id number' is empty for 1 student ('bob'), so Moodle is to match students "
        "by Username, not ID number: fill it in for every student to match by ID number"]
    roster = roster.replace("bob@example.edu,,", "bob@example.edu,N9,")  # bob's ID number given: that column, alone
    text = export(tmp_path, "moodle", roster=roster)
    assert text.splitlines()[:3] == ["ID number,Grading test", "N0,5", "N9,1"]
    roster = "id,sis login id,username\nalice,ang,ang\nbob,,bray\ncarol,cma,cma\ndan,dwu,dwu\nerin,eode,eode\n" \
             "fay,fli,fli\n"
    text = export(tmp_path, "canvas", roster=roster)
    assert [row.split(",")[3] for row in text.splitlines()[2:4]] == ["ang", "bob"]  # not bob's username


@pytest.mark.parametrize("options, message", [
    (["--columns", "exercise"], "--columns and --assignment choose the grade columns of --format"),
    (["--format", "canvas", "--columns", "exercise", "--assignment", "HW"],
     "--assignment names the one grade column of --columns assignment"),
    (["--format", "canvas", "--gradescope"], "--format is for grading a class, not one Gradescope submission"),
])
def test_options_that_do_not_go_together_are_refused_before_anything_is_written(tmp_path, capsys, options,
                                                                                 message):
    assert main(["grade", PACK, CLASS, "--out", str(tmp_path / "out"), *options]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


SAID = "more than the 100 Moodle takes by default"


@pytest.mark.parametrize("points, options, said", [
    # one exercise past the limit: splitting by exercise can't help
    ({"cube": 200}, [], "'Grading test' is worth 203 points, " + SAID +
     ": raise the grade item's maximum grade in Moodle to 203 before importing"),
    ({"cube": 150}, ["--columns", "exercise"], "'grading-test: cube' is worth 150 points, " + SAID +
     ": raise the grade item's maximum grade in Moodle to 150 before importing"),
    ({"cube": 150, "fit": 101}, ["--columns", "exercise"], "'grading-test: cube' and 'grading-test: fit' are "
     "worth 150 and 101 points, " + SAID + ": raise each grade item's maximum grade in Moodle to its points before "
     "importing"),
    # every exercise within it: one column each is
    ({"cube": 60, "fit": 50}, [], "'Grading test' is worth 112 points, " + SAID + ": export with --columns exercise, "
     "or raise the grade item's maximum grade in Moodle to 112 before importing"),
])
def test_moodle_is_warned_of_grades_over_its_default_maximum(tmp_path, capsys, points, options, said):
    """Finding 346: --columns exercise was advised when in use, and where no split could help."""
    text = (DATA / "pack.yaml").read_text(encoding="utf-8").replace("    points: 2\n", "")  # cube's
    for exercise, worth in points.items():
        text = text.replace(f"  - id: {exercise}\n", f"  - id: {exercise}\n    points: {worth}\n")
    pack = tmp_path / "big.yaml"
    pack.write_text(text, encoding="utf-8")
    assert main(["grade", str(pack), CLASS, "--out", str(tmp_path / "out"), "--format", "moodle", *options]) == 0
    assert capsys.readouterr().err.splitlines()[0] == f"tutor: moodle.csv: {said}"  # then those worth less, if any


def test_columns_of_equal_points_are_each_worth_them(tmp_path, capsys):
    """Outside check h71, F9: columns worth the same were "worth 1, 1, 1 and 1 points"."""
    pack = tmp_path / "ones.yaml"
    pack.write_text((DATA / "pack.yaml").read_text(encoding="utf-8").replace("    points: 2\n", ""), encoding="utf-8")
    assert main(["grade", str(pack), CLASS, "--out", str(tmp_path / "out"), "--format", "moodle",
                 "--columns", "exercise"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "tutor: moodle.csv: 'grading-test: cube', 'grading-test: drill', 'grading-test: critical' and 'grading-test: "
        "fit' are each worth 1 point, and a grade item Moodle's import makes has a maximum grade of 100: map the column "
        "to items whose maximum grades are their points, or set each new item's maximum grade so"]


@pytest.mark.parametrize("options, said", [
    ([], "'Grading test' is worth 5 points, and a grade item Moodle's import makes has a maximum grade of 100: map "
         "the column to an item whose maximum grade is 5, or set the new item's maximum grade to that"),
    (["--columns", "exercise"], "'grading-test: cube', 'grading-test: drill', 'grading-test: critical' and "
     "'grading-test: fit' are worth 2, 1, 1 and 1 points, and a grade item Moodle's import makes has a maximum grade "
     "of 100: map the column to items whose maximum grades are their points, or set each new item's maximum grade so"),
])
def test_moodle_is_warned_of_grades_under_its_default_maximum(tmp_path, capsys, options, said):
    """Outside check h12: 7 points imported into a new grade item read as 7 out of 100, and only a column worth
    more than 100 was warned about."""
    assert main(["grade", PACK, CLASS, "--out", str(tmp_path / "out"), "--format", "moodle", *options]) == 0
    assert capsys.readouterr().err.splitlines() == [f"tutor: moodle.csv: {said}"]


def test_moodle_is_warned_of_usernames_with_capital_letters(tmp_path, capsys):
    """Outside check h27, F8: Moodle keeps usernames in lower case, and its import matches the column as written:
    `Sam` and `CON` were written without a word, and would match no one."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name\nSam,Sam\nalice,Alice\nCON,Con\n", encoding="utf-8")
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(tmp_path / "out"), "--format", "moodle",
                 "--columns", "exercise"]) == 1  # the class's others are not on this roster
    assert "tutor: moodle.csv: 2 usernames have capital letters ('CON' and 'Sam'), and Moodle keeps usernames in " \
           "lower case: those rows would match no one; give the roster an email column, or its usernames as Moodle " \
           "writes them" in capsys.readouterr().err.splitlines()
    assert main(["grade", PACK, CLASS, "--out", str(tmp_path / "out2"), "--format", "moodle"]) == 0
    assert "capital letters" not in capsys.readouterr().err  # the class's own ids are all lower case
    # an email column empty for someone: not "give the roster an email column" (outside check h72, G7); empty for
    # everyone, the column passed over is told too (G8)
    for emails, empty in (("sam@example.edu,,con@example.edu", "1 student ('alice')"), (",,", "3 students ('CON', 'Sam' and 'alice')")):
        sam, alice, con = emails.split(",")
        roster.write_text(f"id,name,email\nSam,Sam,{sam}\nalice,Alice,{alice}\nCON,Con,{con}\n", encoding="utf-8")
        main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(tmp_path / "out3"), "--format", "moodle"])
        err = capsys.readouterr().err.splitlines()
        assert f"tutor: moodle.csv: the roster's 'email' is empty for {empty}, so Moodle is to match students by " \
               "Username, not Email address: fill it in for every student to match by Email address" in err
        assert any(line.endswith("fill in every student's email on the roster, or its usernames as Moodle writes "
                                 "them") for line in err)


@pytest.mark.parametrize("lms, said", [
    ("canvas", "tutor: canvas.csv: no roster column gives Canvas the students' ID, SIS User ID or SIS Login ID, so SIS "
               "Login ID holds each tutor id ('alice' …): it matches only students whose SIS Login ID that is; a roster "
               "column 'canvas id', 'sis user id' or 'sis login id' gives theirs"),
    ("blackboard", "tutor: blackboard.csv: no roster column gives Blackboard the students' Username, so Username holds "
                   "each tutor id ('alice' …): it matches only students whose Username that is; a roster column "
                   "'username' gives theirs"),
])
def test_a_roster_that_gives_no_identifier_is_said_where_the_ids_stand_in_for_logins(tmp_path, capsys, lms, said):
    """Outside check h53, N8: a roster of id, name, email and section wrote the tutor's ids as Canvas's SIS Login ID
    without a word: an import matches no one whose login is another."""
    roster = "id,name,email,section\n" + "".join(f"{s},{s.title()},{s}@example.edu,A\n" for s in TOTALS)
    export(tmp_path, lms, roster=roster)
    assert said in capsys.readouterr().err.splitlines()
    export(tmp_path, lms)  # a roster with usernames: nothing to say
    assert "no roster column" not in capsys.readouterr().err
    export(tmp_path, "moodle", roster=roster)  # Moodle matches by the roster's emails
    assert "no roster column" not in capsys.readouterr().err


def test_a_roster_that_gives_some_students_no_identifier_names_them(tmp_path, capsys):
    """Outside check h55, N4: a `sis user id` column filled for some students only left the others' tutor ids as
    their SIS Login ID, without a word."""
    filled = {"alice": "1001", "bob": "1002", "carol": "1003"}
    roster = "id,name,sis user id\n" + "".join(f"{s},{s.title()},{filled.get(s, '')}\n" for s in TOTALS)
    export(tmp_path, "canvas", roster=roster)
    assert "tutor: canvas.csv: the roster gives 3 students ('dan', 'erin' and 'fay') no ID, SIS User ID or SIS Login " \
           "ID, so SIS Login ID holds their tutor id: Canvas matches them only where that is their SIS Login ID" \
           in capsys.readouterr().err.splitlines()


def test_blackboard_quotes_every_value_and_takes_every_student_by_username(tmp_path):
    text = export(tmp_path, "blackboard", "--assignment", "Homework 3 |12345")
    imported = lms_rules.blackboard(text, set(USERNAMES.values()))
    assert imported.broken == []
    assert imported.columns == {"Homework 3 |12345": "12345"}
    assert {u: g["Homework 3 |12345"] for u, g in imported.grades.items()} == \
        {USERNAMES[s]: total for s, total in TOTALS.items()}
    assert text.splitlines()[:2] == ['"Last Name","First Name","Username","Student ID","Homework 3 |12345"',
                                     '"Ng","Alice","ang","1001","5"']


def test_blackboard_is_warned_that_a_new_column_has_no_points(tmp_path, capsys):
    # Blackboard adds a column new to the Grade Center as a text column worth 0 points (outside check h38, F1): said,
    # with what to do, where a column names none of the Grade Center's (NAME |ID)
    export(tmp_path, "blackboard", "--assignment", "Homework 3 |12345")
    assert "Blackboard" not in capsys.readouterr().err
    export(tmp_path, "blackboard", "--assignment", "Homework 3")
    assert capsys.readouterr().err.splitlines() == [
        "tutor: blackboard.csv: 'Homework 3' is worth 5 points, and Blackboard adds a column new to the Grade Center "
        "as a text column worth 0 points: after the upload, edit it to a score column with its points, or name an "
        "existing column with --assignment 'NAME |ID'"]
    export(tmp_path, "blackboard", "--columns", "exercise")
    assert capsys.readouterr().err.splitlines()[-1].endswith(
        "are worth 2, 1, 1 and 1 points, and Blackboard adds a column new to the Grade Center as a text column worth "
        "0 points: after the upload, edit each to a score column with its points")


def test_blackboard_leaves_the_names_empty_where_the_roster_has_a_full_name_only(tmp_path):
    # grade.md: a roster's name is not split (no rule splits every name); Blackboard matches by Username
    roster = "id,name\n" + "".join(f"{s},{s.title()} Smith\n" for s in TOTALS)
    text = export(tmp_path, "blackboard", "--assignment", "HW", roster=roster)
    assert text.splitlines()[1] == '"","","alice","","5"'


def test_plain_keeps_the_roster_columns_and_has_no_points_row(tmp_path):
    text = export(tmp_path, "plain", "--columns", "exercise")
    imported = lms_rules.plain(text)
    assert imported.broken == []
    assert list(imported.grades) == list(TOTALS)  # everyone on the roster, nobody else: no points-possible row
    assert imported.grades["bob"] == {
        "name": "Ray, Bob", "last name": "Ray", "first name": "Bob", "email": "bob@example.edu",
        "username": "bray", "student id": "1002", "section": "B", "grading-test: cube": "0",
        "grading-test: drill": "0", "grading-test: critical": "0.5", "grading-test: fit": "0.5"}


USERS = {"alice", "bob", "carol"}


@pytest.mark.parametrize("lms, read", [
    ("canvas", lms_rules.canvas),
    ("moodle", lambda text: lms_rules.moodle(text, "Username", "username", USERS)),
    ("blackboard", lambda text: lms_rules.blackboard(text, USERS)),
    ("plain", lms_rules.plain),
])
def test_without_a_roster_every_format_still_identifies_each_student_by_id(tmp_path, lms, read):
    assert main(["grade", PACK, CLASS, "--out", str(tmp_path), "--format", lms]) == 0
    imported = read((tmp_path / f"{lms}.csv").read_bytes().decode("utf-8"))
    assert imported.broken == [] and set(imported.grades) == USERS


HOSTILE_IDS = {"sam", "Points Possible", "points  possible", "ana"}


@pytest.mark.parametrize("lms, read", [
    ("canvas", lms_rules.canvas),
    ("moodle", lambda text: lms_rules.moodle(text, "Username", "username", HOSTILE_IDS)),
    ("blackboard", lambda text: lms_rules.blackboard(text, HOSTILE_IDS)),
    ("plain", lms_rules.plain),
])
def test_no_student_row_is_read_as_the_points_possible(tmp_path, capsys, lms, read):
    """A student's id or roster name is theirs to choose: Canvas takes any row whose first cell holds
    `Points Possible` for the points of every new assignment, and would not import that student."""
    submissions, roster = tmp_path / "s.csv", tmp_path / "roster.csv"
    submissions.write_text("student,exercise,answer\n" + "".join(f"{s},cube,3x^2\n" for s in HOSTILE_IDS),
                           encoding="utf-8")
    roster.write_text("id,name\nsam,Sam Points Possible\nPoints Possible,\npoints  possible,\nana,Ana\n",
                      encoding="utf-8")
    assert main(["grade", PACK, str(submissions), "--roster", str(roster), "--out", str(tmp_path / "out"),
                 "--format", lms, "--assignment", "HW"]) == 0
    imported = read((tmp_path / "out" / f"{lms}.csv").read_bytes().decode("utf-8"))
    assert imported.broken == []
    assert {student: grades["HW"] for student, grades in imported.grades.items()} == dict.fromkeys(HOSTILE_IDS, "2")
    err = capsys.readouterr().err
    if lms == "canvas":
        assert imported.points == {"HW": "5"}
        assert "tutor: canvas.csv: the Student 'Sam Points Possible' is written 'Sam Points-Possible': canvas takes " \
               "a row whose first cell holds 'Points Possible' for the points possible\n" in err
        assert "the Student 'points  possible' is written 'points-possible'" in err
    else:  # (Moodle is told that 'Points Possible' has capital letters, as a username)
        assert "for the points possible" not in err


KEYS = {"-ana", "@ben", "+44.cy_1", "dee@example.edu"}  # ids each LMS allows, starting as a formula would


@pytest.mark.parametrize("lms, read", [
    ("canvas", lms_rules.canvas),
    ("moodle", lambda text: lms_rules.moodle(text, "Username", "username", KEYS)),
    ("blackboard", lambda text: lms_rules.blackboard(text, KEYS)),
    ("plain", lms_rules.plain),
])
def test_the_identifier_a_system_matches_by_is_written_as_it_is(tmp_path, capsys, lms, read):
    """Finding 686: Moodle's and Blackboard's Username `-ben` was written `'-ben`, which each system matches
    exactly, to no one, and nothing said so. A cell only shown (Canvas's Student) keeps its `'`."""
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\n" + "".join(f"{s},cube,3x^2\n" for s in KEYS), encoding="utf-8")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "out"), "--format", lms,
                 "--assignment", "HW"]) == 0
    text = (tmp_path / "out" / f"{lms}.csv").read_bytes().decode("utf-8")
    imported = read(text)
    assert imported.broken == []
    assert {key: grades["HW"] for key, grades in imported.grades.items()} == dict.fromkeys(KEYS, "2")
    # outside check: nothing said a spreadsheet would compute -A1 (another cell), -2+3 (1), -1e5 (a number)
    system = "an import" if lms == "plain" else lms.capitalize()
    assert [line for line in capsys.readouterr().err.splitlines()
            if f"{lms}.csv" in line and not re.search("maximum grade of|worth 0 points", line)] == [
        f"tutor: {lms}.csv: 3 identifiers start with +, - or @ ('+44.cy_1', '-ana' and '@ben'), written as they "
        f"are for {system} to match: upload the file as it is, since a spreadsheet would read such a cell as a "
        "formula and change it"]
    if lms == "canvas":
        assert "'-ana,,,-ana,,2" in text.splitlines()


@pytest.mark.parametrize("lms, said", [
    ("canvas", "canvas.csv: the SIS Login ID '=1+2' of student '=1+2' is written \"'=1+2\" so that nothing runs it, "
               "and Canvas will match no one by it"),
    ("moodle", "moodle.csv: the Username '=1+2' of student '=1+2' is written \"'=1+2\" so that nothing runs it, "
               "and Moodle will match no one by it"),
    ("blackboard", "blackboard.csv: the Username 'x;@SUM(A1)' of student 'x;@SUM(A1)' is written \"x;'@SUM(A1)\" so "
                   "that nothing runs it, and Blackboard will match no one by it"),
    ("plain", "plain.csv: the student '=1+2' of student '=1+2' is written \"'=1+2\" so that nothing runs it, and an "
              "import will match no one by it"),
])
def test_an_identifier_a_spreadsheet_could_run_keeps_its_guard_and_the_student_is_named(tmp_path, capsys, lms,
                                                                                      said):
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\n=1+2,cube,3x^2\nx;@SUM(A1),cube,3x^2\nsam,cube,3x^2\n",
                           encoding="utf-8")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "out"), "--format", lms]) == 0
    text = (tmp_path / "out" / f"{lms}.csv").read_bytes().decode("utf-8")
    assert "'=1+2" in text and "x;'@SUM(A1)" in text and "=1+2" not in text.replace("'=1+2", "")
    err = capsys.readouterr().err
    assert f"tutor: {said}: take the row out and enter the grade by hand\n" in err
    assert "'sam'" not in err


def test_canvas_finds_a_student_by_an_identifier_written_as_it_is_though_another_is_not(tmp_path, capsys):
    """Canvas tries ID, SIS User ID and SIS Login ID in turn: a guarded one is no loss where another finds them."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,sis user id,username\nalice,=7,-alice\nbob,=8,=bob\n", encoding="utf-8")
    assert main(["grade", PACK, CLASS, "--roster", str(roster), "--out", str(tmp_path / "out"),
                 "--format", "canvas"]) == 1  # carol is not on the roster
    text = (tmp_path / "out" / "canvas.csv").read_bytes().decode("utf-8")
    assert "alice,,'=7,-alice," in text and "bob,,'=8,'=bob," in text
    err = capsys.readouterr().err
    assert "'alice'" not in err and ("tutor: canvas.csv: the SIS User ID '=8' and SIS Login ID '=bob' of student "
                                     "'bob' are written \"'=8\" and \"'=bob\" so that nothing runs them") in err


def test_the_rules_catch_what_an_lms_would_refuse():
    """The readers are not a mirror of tutor.lms: each fails a file its system refuses."""
    assert "new assignment 'HW' has no points possible" in lms_rules.canvas(
        "Student,ID,SIS Login ID,Section,HW\nAna,,ana,A,1\n").broken
    assert lms_rules.canvas("student,HW\nana,1\n").broken == ["header: the first column must be Student and the "
                                                              "second ID"]
    assert lms_rules.moodle("Username,HW\nana,1\nbob,x\n", "Username", "username", {"ana"}).broken == [
        "usermappingerror: no user with username 'bob'; the whole import stops"]
    assert lms_rules.blackboard("Username,HW\nana,1\n", {"ana"}).broken[0] == \
        "line 1: a value not contained within quotes"
    assert lms_rules.plain("student,HW\r\npoints possible,5\r\nana,1\n").broken == ["a line break that is not CRLF"]


def test_an_export_this_run_did_not_write_is_named_so_that_it_is_not_uploaded(tmp_path, capsys, monkeypatch):
    # finding 401: re-graded with another --format, or none, the earlier canvas.csv stays beside the new grades
    monkeypatch.chdir(tmp_path)
    assert main(["grade", PACK, CLASS, "--out", "out", "--format", "canvas"]) == 0
    earlier = Path("out/canvas.csv").read_bytes()
    capsys.readouterr()
    said = ("tutor: out/{} was not written by this run and does not hold its grades: remove it, so that it is not "
            "uploaded")
    assert main(["grade", PACK, CLASS, "--out", "out", "--format", "moodle"]) == 0
    assert capsys.readouterr().err.splitlines()[1:] == [said.format("canvas.csv")]  # after moodle's maximum grade
    assert main(["grade", PACK, CLASS, "--out", "out"]) == 0
    assert capsys.readouterr().err.splitlines() == [said.format("canvas.csv"), said.format("moodle.csv")]
    assert Path("out/canvas.csv").read_bytes() == earlier  # named, never removed: it may be the TA's own file
    assert main(["grade", PACK, CLASS, "--out", "out", "--format", "canvas"]) == 0
    assert capsys.readouterr().err.splitlines() == [said.format("moodle.csv")]
