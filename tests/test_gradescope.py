"""`tutor grade --gradescope`: the submitter is who Gradescope's submission_metadata.json says (its shape:
https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/), never the file's `student:`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.cli import main

PACK = str(Path(__file__).parent / "data" / "grade" / "pack.yaml")
ROSTER = "id,name,email\nalice,Alice Ng,alice@example.edu\nbob,Bob Ray,Bob@Example.edu\n"
ALICES_DRILL = "24x^3 y"  # alice's variant of drill is 6x⁴y; bob's is 8x²y (tutor pack show --student)


def submit(tmp_path: Path, upload: str, users: object, *options: str, roster: bool = True) -> tuple[int, dict]:
    submission = tmp_path / "submission"
    submission.mkdir(exist_ok=True)
    (submission / "answers.yaml").write_text(upload, encoding="utf-8")
    (tmp_path / "submission_metadata.json").write_text(
        users if isinstance(users, str) else json.dumps({"id": 1, "users": users}), encoding="utf-8")
    if roster:
        (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
        options += ("--roster", str(tmp_path / "roster.csv"))
    status = main(["grade", PACK, str(submission), "--gradescope", "--out", str(tmp_path / "results"), *options])
    return status, json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))


def test_the_metadata_picks_the_variant_and_a_different_declared_student_is_reported(tmp_path):
    status, results = submit(tmp_path, f"student: alice\nanswers:\n  cube: 3x^2\n  drill: {ALICES_DRILL}\n",
                             [{"email": "bob@example.edu", "id": 7, "name": "Bob Ray"}])
    assert status == 0
    assert results["output"].splitlines() == [
        "Graded as student bob: 2 of 5 points.",
        "The uploaded file says student 'alice', but this submission is from bob: it is graded as bob's, "
        "with bob's variant."]
    assert [t["status"] for t in results["tests"][:2]] == ["passed", "failed"]  # alice's answer, bob's variant


@pytest.mark.parametrize("student", ["alice", "ALICE", "alice@example.edu"])
def test_without_a_roster_the_submitters_username_is_their_own(tmp_path, student):
    # outside check h74, J6: `student: alice` from alice@example.edu was "says student 'alice', but this submission
    # is from alice@example.edu"
    status, results = submit(tmp_path, f"student: {student}\nanswers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}], roster=False)
    assert status == 0 and results["output"] == "Graded as student alice@example.edu: 2 of 5 points."


def test_every_output_is_plain_text_so_that_an_answer_with_tags_is_shown_as_typed(tmp_path):
    # outside check h38, F2: with no output_format, Gradescope's may render or strip the tags of `<b>3x^2</b>`
    status, results = submit(tmp_path, "student: alice\nanswers:\n  cube: <b>3x^2</b>\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert results["output_format"] == "text"
    assert {t["output_format"] for t in results["tests"]} == {"text"}
    assert "<b>3x^2</b>" in results["tests"][0]["output"]


def test_the_submitters_own_answers_are_graded_with_no_note(tmp_path):
    status, results = submit(tmp_path, f"student: alice\nanswers:\n  drill: {ALICES_DRILL}\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert status == 0 and results["output"] == "Graded as student alice: 1 of 5 points."


@pytest.mark.parametrize("roster, graded", [(True, "alice"), (False, "alice@example.edu")])
def test_an_upload_without_a_student_is_the_submitters(tmp_path, roster, graded):
    # outside check h71, F3: such a file was "no student id", and the right answers in it scored 0 with "No answers
    # were found"; the metadata says whose it is. With the email as the id (no roster) the variant is another.
    status, results = submit(tmp_path, f"answers:\n  cube: 3x^2\n  drill: {ALICES_DRILL}\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}], roster=roster)
    assert status == 0 and results["output"].splitlines()[0].startswith(f"Graded as student {graded}: ")
    assert results["tests"][0]["status"] == "passed"
    assert results["tests"][1]["status"] == ("passed" if roster else "failed")


def test_every_file_uploaded_is_the_submitters_whoever_it_names(tmp_path):
    """Outside check h73, H1: of a file without `student:` and one naming another, only one file's answers were
    graded (the other's right answer dropped, exit 0); every file is the submitter's, each exercise's first answer
    graded and a second one reported, as for two files of one student."""
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "a.yaml").write_text("student: bob\nanswers:\n  cube: 3x^2\n", encoding="utf-8")
    (submission / "b.yaml").write_text("student: carol\nanswers:\n  cube: x\n", encoding="utf-8")
    status, results = submit(tmp_path, f"answers:\n  cube: 1\n  drill: {ALICES_DRILL}\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert status == 1
    lines = results["output"].splitlines()
    assert lines[:3] == [
        "Graded as student alice: 3 of 5 points.",
        "The uploaded file says student 'bob', but this submission is from alice: it is graded as alice's, "
        "with alice's variant.",
        "The uploaded file says student 'carol', but this submission is from alice: it is graded as alice's, "
        "with alice's variant."]
    assert [line.replace(f"{submission}/", "") for line in lines[3:]] == [
        "answers.yaml:2: already answered cube at a.yaml:3; this answer is ignored",
        "b.yaml:3: already answered cube at a.yaml:3; this answer is ignored"]
    assert [t["status"] for t in results["tests"][:2]] == ["passed", "passed"]  # a.yaml's cube, then the drill


@pytest.mark.parametrize("name, content", [("journal.sqlite", "x"), ("pages.csv", "student,markdown_page,html_page\n")])
def test_an_uploaded_file_named_like_an_earlier_runs_leaves_the_upload_read(tmp_path, name, content):
    """Outside check h75, K1: an uploaded journal.sqlite (or pages.csv) made the upload an earlier run's folder, every
    answer in it unread and scored 0."""
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / name).write_text(content, encoding="utf-8")
    status, results = submit(tmp_path, "student: alice\nanswers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert results["score"] == 2.0 and results["tests"][0]["status"] == "passed"


def test_a_refused_csv_naming_classmates_leaves_the_result_the_submitters(tmp_path):
    """Found in review: an uploaded CSV saved with ';', naming aaron and zed, made the result aaron's, 0 of 5, and the
    submitter's right answer beside it was lost."""
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "a.csv").write_bytes(b"student;exercise;answer\r\naaron;cube;3x^2\r\nzed;cube;1\r\n")
    status, results = submit(tmp_path, "student: alice\nanswers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert status == 1 and results["score"] == 2.0
    assert results["output"].splitlines()[0] == "Graded as student alice: 2 of 5 points."


def test_a_group_s_files_naming_each_member_are_all_graded(tmp_path):
    """Outside check h73, H1: in a group of alice and bob, bob's file beside alice's was dropped."""
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "b.yaml").write_text(f"student: bob\nanswers:\n  drill: {ALICES_DRILL}\n",
                                                    encoding="utf-8")
    status, results = submit(tmp_path, "student: alice\nanswers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"},
                              {"email": "bob@example.edu", "id": 7, "name": "Bob Ray"}])
    assert status == 0
    assert results["output"].splitlines() == [
        "Graded as student alice: 3 of 5 points.",
        "A group submission of 2: graded with the variant of alice, the first member.",
        "The uploaded file names 'bob', a member of this group: its answers are checked with alice's variant."]


@pytest.mark.parametrize("student", ['""', "", "null", '"   "', "[alice]"])
def test_an_upload_whose_student_is_empty_is_the_submitters_too(tmp_path, student):
    # outside check h72, G4: only a file with no student: at all was the submitter's; an empty one scored 0
    status, results = submit(tmp_path, f"student: {student}\nanswers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert status == 0 and results["output"] == "Graded as student alice: 2 of 5 points."


def test_the_submitters_files_are_one_whatever_the_case_of_their_id_and_none_says_the_placeholder(tmp_path):
    # outside check h72, G5 and G6: two files without a student answering cube were told "student '\x00' already
    # answered"; a file without a student beside one saying ALICE dropped the latter's answers
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "b.yaml").write_text("answers:\n  cube: x\n", encoding="utf-8")
    (submission / "c.yaml").write_text(f"student: ALICE\nanswers:\n  drill: {ALICES_DRILL}\n", encoding="utf-8")
    status, results = submit(tmp_path, "answers:\n  cube: 3x^2\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    assert results["output"].splitlines() == [
        "Graded as student alice: 3 of 5 points.",
        f"{submission / 'b.yaml'}:2: already answered cube at {submission / 'answers.yaml'}:2; this answer is "
        "ignored"]
    assert [t["score"] for t in results["tests"][:2]] == [2, 1]


def test_an_answer_that_could_not_be_used_is_told_why_in_its_test(tmp_path):
    # outside check h19, F1: its test said "No answer." to a student who answered
    status, results = submit(tmp_path, f"student: alice\nanswers:\n  cube: [3, 2]\n  drill: {ALICES_DRILL}\n",
                             [{"email": "alice@example.edu", "id": 8, "name": "Alice Ng"}])
    upload = tmp_path / "submission" / "answers.yaml"
    cube, drill = results["tests"][:2]
    assert (cube["status"], cube["output"]) == ("failed", f"Your answer could not be used ({upload}:3: the answer to "
                                                          "'cube' must be text, in quotes if need be).")
    assert drill["status"] == "passed" and status == 1


def test_without_a_roster_the_email_is_the_id(tmp_path):
    status, results = submit(tmp_path, "student: whoever\nanswers:\n  cube: 3x^2\n",
                             [{"email": "zed@example.edu", "id": 9, "name": "Zed"}], roster=False)
    assert status == 0
    assert results["output"].splitlines()[0] == "Graded as student zed@example.edu: 2 of 5 points."
    assert "says student 'whoever', but this submission is from zed@example.edu" in results["output"]


def test_a_submitter_not_on_the_roster_and_a_group_are_said(tmp_path):
    status, results = submit(tmp_path, "student: zed@example.edu\nanswers:\n  cube: 3x^2\n",
                             [{"email": "zed@example.edu", "id": 9}, {"email": "alice@example.edu", "id": 8}])
    assert results["output"].splitlines()[1:] == [
        "zed@example.edu is not on the roster; graded as zed@example.edu.",
        "A group submission of 2: graded with the variant of zed@example.edu, the first member."]


def test_a_file_naming_another_member_of_the_group_says_so(tmp_path):
    # finding 403: alice is in the group, so "this submission is from bob" would tell her she did not submit it
    status, results = submit(tmp_path, f"student: alice\nanswers:\n  cube: 3x^2\n  drill: {ALICES_DRILL}\n",
                             [{"email": "bob@example.edu", "id": 7}, {"email": "alice@example.edu", "id": 8}])
    assert status == 0
    assert results["output"].splitlines() == [
        "Graded as student bob: 2 of 5 points.",
        "A group submission of 2: graded with the variant of bob, the first member.",
        "The uploaded file names 'alice', a member of this group: its answers are checked with bob's variant."]
    assert [t["status"] for t in results["tests"][:2]] == ["passed", "failed"]  # alice's answer, bob's variant


def test_a_field_that_is_not_text_is_never_taken_for_the_submitter(tmp_path):
    status, results = submit(tmp_path, "student: bob\nanswers:\n  cube: 3x^2\n",
                             [{"email": ["bob@example.edu"], "id": 12}, {"email": True, "id": True}], roster=False)
    assert status == 0
    assert results["output"].splitlines() == [  # not a group of two; and Gradescope's ids are numbers, so 12 is one
        "Graded as student gradescope-12: 2 of 5 points.",
        "The uploaded file says student 'bob', but this submission is from gradescope-12: it is graded as "
        "gradescope-12's, with gradescope-12's variant."]



def test_the_uploads_id_in_another_unicode_form_is_the_submitters_own(tmp_path):
    nfc, nfd = "ren\u00e9", "rene\u0301"  # the roster's, from a Mac; the upload's, typed
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "answers.yaml").write_text(f"student: {nfc}\nanswers:\n  drill: 20x^4y\n", encoding="utf-8")
    (tmp_path / "submission_metadata.json").write_text(json.dumps({"users": [{"email": "Rene@Example.edu", "id": 3}]}),
                                                       encoding="utf-8")
    (tmp_path / "roster.csv").write_text(f"id,email\nalice,alice@example.edu\n{nfd},rene@example.edu\n",
                                         encoding="utf-8")
    assert main(["grade", PACK, str(submission), "--gradescope", "--roster", str(tmp_path / "roster.csv"),
                 "--out", str(tmp_path / "results")]) == 0
    results = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["output"] == f"Graded as student {nfd}: 1 of 5 points."  # rené's variant of drill: 4x⁵y


def test_an_id_of_thousands_of_digits_is_an_id_as_written(tmp_path):
    """Python refuses to turn more than 4,300 digits into an int; the metadata's id is read as its digits."""
    digits = "9" * 5000
    status, results = submit(tmp_path, "student: bob\nanswers:\n  cube: 3x^2\n",
                             f'{{"users": [{{"id": {digits}}}]}}', roster=False)
    assert status == 0
    assert results["output"].splitlines()[0] == f"Graded as student gradescope-{digits}: 2 of 5 points."

@pytest.mark.parametrize("metadata, why", [
    (None, "is missing, so who submitted can't be told"),
    ("{not json", "can't be read"),
    ('{"users": "bob"}', "names no user with an email or an id"),
    ('{"users": [{"name": "Bob"}]}', "names no user with an email or an id"),
    ("[1, 2]", "names no user with an email or an id"),
    ('{"users": 5}', "names no user with an email or an id"),
    ('{"users": true}', "names no user with an email or an id"),
    ('{"users": [{"email": ["bob@example.edu"], "id": {"a": 1}}]}', "names no user with an email or an id"),
])
def test_without_usable_metadata_nothing_is_graded_and_the_output_says_why(tmp_path, capsys, metadata, why):
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "answers.yaml").write_text("student: bob\nanswers:\n  cube: 3x^2\n", encoding="utf-8")
    if metadata is not None:
        (tmp_path / "submission_metadata.json").write_text(metadata, encoding="utf-8")
    assert main(["grade", PACK, str(submission), "--gradescope", "--out", str(tmp_path / "results")]) == 1
    results = json.loads((tmp_path / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["score"] == 0 and results["output"].startswith("Nothing was graded: ")
    assert why in results["output"] and why in capsys.readouterr().err
    # each test says it was not graded, not "No answer." to an upload that has answers (outside check h38, F3)
    assert {t["output"] for t in results["tests"]} == {"Not graded: see the output above."}
