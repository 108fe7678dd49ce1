"""The grader's outputs: nothing written before the inputs are read, --out locked for the run, the
reports replaced together and only when complete, a full disk a sentence that leaves the previous
reports whole, exit status 70 for nothing but a bug."""

from __future__ import annotations

import fcntl
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tutor import reports
from tutor.cli import main
from tutor.outputs import LOCK_NAME, OutputError, write_together
from tutor.reports import FILES

TESTS = Path(__file__).parent
PACK = str(TESTS / "data" / "grade" / "pack.yaml")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.name in FILES}


@pytest.fixture
def graded(tmp_path):
    """A folder of reports from a first, complete run."""
    submissions = tmp_path / "class.csv"
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,x\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 0
    return submissions, out, snapshot(out)


def test_a_mistyped_submissions_path_writes_nothing(graded, capsys):
    _, out, before = graded
    assert main(["grade", PACK, str(out.parent / "clas.csv"), "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"tutor: no such file or folder: {out.parent / 'clas.csv'}; nothing was written\n"
    assert snapshot(out) == before


def test_a_second_grader_on_the_same_folder_is_refused(graded, capsys):
    submissions, out, before = graded
    with (out / LOCK_NAME).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a first grader still running would
        assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 2
    assert capsys.readouterr().err.endswith(
        f"tutor: another tutor grade is writing to {out}; wait for it to finish, or choose another folder\n")
    assert snapshot(out) == before
    assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 0  # once it is done


_KILLED_WITH_A_CHILD = """
import os, signal, sys, time
from pathlib import Path
from tutor.outputs import locked
with locked(Path(sys.argv[1])):
    child = os.fork()
    if child == 0:  # a worker that has not yet noticed its parent is gone
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_grader_killed_with_minus_9_leaves_the_folder_free_though_a_worker_lives_on(graded):
    submissions, out, _ = graded
    env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
    run = subprocess.Popen([sys.executable, "-c", _KILLED_WITH_A_CHILD, str(out)], env=env,
                           stdout=subprocess.PIPE, text=True)
    worker = int(run.stdout.readline())  # not read to the end: the worker holds the pipe too
    run.stdout.close()
    assert run.wait(timeout=60) == -signal.SIGKILL
    try:
        os.kill(worker, 0)  # still alive, with its copy of the run's descriptors
        assert main(["grade", PACK, str(submissions), "--out", str(out), "--resume"]) == 0
    finally:
        os.kill(worker, signal.SIGKILL)


def test_a_run_stopped_while_writing_leaves_the_previous_reports_whole(graded, monkeypatch):
    submissions, out, before = graded
    submissions.write_text("student,exercise,answer\na,cube,x\nc,cube,3x^2\n", encoding="utf-8")

    def interrupted(book):
        raise KeyboardInterrupt  # while report.json, the last file, is being written

    monkeypatch.setattr(reports, "report", interrupted)
    assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 130
    assert snapshot(out) == before  # grades.csv and answers.csv are not the new ones beside an old report
    monkeypatch.undo()
    assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 0
    assert snapshot(out) != before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".tmp-")) == []  # swept away


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 10, 64 << 10))


def test_a_full_disk_is_a_sentence_and_the_previous_reports_stay(graded):
    submissions, out, before = graded
    rows = [f"s{n:04},cube,3x^2" for n in range(2000)]  # one distinct answer: a small journal, a big answers.csv
    submissions.write_text("student,exercise,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
    done = subprocess.run([sys.executable, "-m", "tutor", "grade", PACK, str(submissions), "--out", str(out)],
                          env=env, capture_output=True, text=True, preexec_fn=_small_files)
    assert done.returncode == 74
    assert done.stderr.startswith(f"tutor: can't write the reports in {out} (File too large); "
                                  "the previous reports are unchanged")
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".tmp-")) == []


def test_exit_status_70_is_for_a_bug_in_the_tutor_only(monkeypatch, capsys):
    from tutor.cli import check

    def broken(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(check, "run", broken)
    assert main(["check", "x", "--expected", "x"]) == 70
    assert capsys.readouterr().err == ("tutor: something went wrong (ZeroDivisionError: a bug); this is a bug in "
                                       "the tutor: please report it, with what `tutor --debug check x --expected x` prints\n")


def test_a_submission_file_name_that_is_not_utf8_is_written_escaped(tmp_path, capsys):
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / os.fsdecode(b"Jos\xe9.csv")).write_text("student,exercise,answer\njose,cube,3x^2\njose,nope,x\n")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(folder), "--out", str(out)]) == 1  # once 70, with nothing written
    assert capsys.readouterr().err.startswith(f"{folder}/Jos\\xe9.csv:3: ")
    assert (out / "problems.csv").read_text(encoding="utf-8").splitlines()[1].startswith(
        f"{folder}/Jos\\xe9.csv,3,")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".tmp-")) == []


@pytest.mark.parametrize("summary, why", [
    ("folder", "--summary {out}/folder is a folder; give the file to write, like {out}/folder/summary.md"),
    ("grades.csv", "--summary {out}/grades.csv is one of the files tutor grade writes in {out}; give the summary "
                   "a name of its own, like summary.md"),
    ("journal.sqlite", "--summary {out}/journal.sqlite is one of the files tutor grade writes in {out}; give the "
                       "summary a name of its own, like summary.md"),
    ("feedback/z.md", "--summary {out}/feedback/z.md is the name of a student's feedback page in {out}/feedback; "
                      "give the summary another name; nothing was written"),
])
def test_a_summary_over_a_folder_a_report_or_a_page_is_refused_and_nothing_is_written(graded, capsys, summary, why):
    submissions, out, before = graded
    (out / "folder").mkdir()
    submissions.write_text("student,exercise,answer\nz,cube,3x^2\n", encoding="utf-8")
    assert main(["grade", PACK, str(submissions), "--out", str(out), "--summary", str(out / summary),
                 "--feedback", str(out / "feedback")]) == 2
    assert capsys.readouterr().err == f"tutor: {why.format(out=out)}\n"
    assert snapshot(out) == before


def test_a_file_that_cannot_be_renamed_into_place_leaves_the_previous_reports_whole(graded, capsys):
    submissions, out, before = graded
    submissions.write_text("student,exercise,answer\na,cube,x\n", encoding="utf-8")
    feedback = out.parent / "feedback"
    (feedback / "a.md").mkdir(parents=True)  # where a's page goes: a rename onto it would fail
    assert main(["grade", PACK, str(submissions), "--out", str(out), "--feedback", str(feedback)]) == 74
    assert capsys.readouterr().err == (f"tutor: can't write {feedback / 'a.md'}: it is a folder; the previous "
                                       "reports are unchanged\n")
    assert snapshot(out) == before
    assert [p.name for p in [*out.iterdir(), *feedback.iterdir()] if p.name.startswith(".tmp-")] == []


def test_one_file_given_twice_to_be_written_together_is_refused_before_any_is_written(tmp_path):
    (tmp_path / "a.csv").write_text("before", encoding="utf-8")
    with pytest.raises(OutputError, match="two of them are the same file; the previous reports are unchanged"):
        write_together(tmp_path, {"a.csv": lambda s: s.write("one"), tmp_path / "a.csv": lambda s: s.write("two")})
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"] and (tmp_path / "a.csv").read_text() == "before"


def test_a_summary_over_the_submissions_is_refused_before_anything_is_read(graded, capsys):
    submissions, out, before = graded
    text = submissions.read_text(encoding="utf-8")
    for summary in (submissions, submissions.parent / "summary.md"):  # the file itself; the folder given
        given = submissions if summary == submissions else submissions.parent
        assert main(["grade", PACK, str(given), "--out", str(out), "--summary", str(summary)]) == 2
        assert capsys.readouterr().err == (f"tutor: --summary {summary} is among the submissions ({given}); give "
                                           "the summary a place of its own\n")
    assert submissions.read_text(encoding="utf-8") == text and snapshot(out) == before


def test_running_out_of_memory_is_a_sentence_and_leaves_the_previous_reports_whole(graded, monkeypatch, capsys):
    # a 100,000-student roster ran the main process out of memory: exit 70, "a bug", .tmp files left
    from tutor import reports

    submissions, out, before = graded
    submissions.write_text("student,exercise,answer\na,cube,x\n", encoding="utf-8")

    def too_large(stream, data):
        raise MemoryError

    monkeypatch.setattr(reports, "write_json", too_large)  # report.json is written after the CSV files
    assert main(["grade", PACK, str(submissions), "--out", str(out)]) == 71
    assert capsys.readouterr().err == ("tutor: ran out of memory; nothing was finished or written (what was there "
                                       "before is left whole): split the job, or run it where there is more memory\n")
    assert snapshot(out) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".tmp-")] == []


def _class_folder(tmp_path: Path, name: str = "answers.csv") -> tuple[Path, Path]:
    folder = tmp_path / "class"
    folder.mkdir()
    submissions = folder / name
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,x\n", encoding="utf-8")
    return folder, submissions


@pytest.mark.parametrize("name, options", [("answers.csv", []), ("grades.csv", []), ("report.json", []),
                                           ("canvas.csv", ["--format", "canvas"])])
def test_reports_that_would_replace_a_submissions_file_are_refused_and_it_is_left_whole(tmp_path, capsys,
                                                                                         name, options):
    # `tutor grade PACK answers.csv --out .` wrote the report answers.csv over the students' answers.csv
    folder, submissions = _class_folder(tmp_path, name)
    before = submissions.read_bytes()
    assert main(["grade", PACK, str(submissions), "--out", str(folder), *options]) == 2
    assert capsys.readouterr().err == (f"tutor: --out {folder} would put {name} among the submissions "
                                       f"({submissions}); give the reports a place of their own\n")
    assert submissions.read_bytes() == before and [p.name for p in folder.iterdir()] == [name]


def test_reports_that_would_replace_the_roster_are_refused(tmp_path, capsys):
    folder, submissions = _class_folder(tmp_path)
    roster = folder / "grades.csv"
    roster.write_text("id\na\nb\n", encoding="utf-8")
    assert main(["grade", PACK, str(submissions), "--out", str(folder), "--roster", str(roster)]) == 2
    assert capsys.readouterr().err == (f"tutor: --out {folder} would put grades.csv over the roster ({roster}); "
                                       "give the reports a place of their own\n")
    assert roster.read_text(encoding="utf-8") == "id\na\nb\n"


def test_a_summary_that_would_replace_the_pack_is_refused(tmp_path, capsys):
    # `--summary week3.yaml` for week3.md wrote the item analysis over the instructor's pack (finding 251)
    folder, submissions = _class_folder(tmp_path)
    pack = tmp_path / "week3.yaml"
    pack.write_bytes(Path(PACK).read_bytes())
    before = pack.read_bytes()
    assert main(["grade", str(pack), str(submissions), "--out", str(tmp_path / "out"), "--summary", str(pack)]) == 2
    assert capsys.readouterr().err == (f"tutor: --summary {pack} is over the pack ({pack}); give the summary a "
                                       "place of its own\n")
    assert pack.read_bytes() == before and not (tmp_path / "out").exists()


def test_an_earlier_runs_feedback_pages_are_not_read_back(tmp_path, capsys):
    """Their pages.csv, written beside them since outside check h27 (F3), is a CSV: read as submissions, it would be a
    problem in every later run of the class's folder."""
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a.csv").write_text("student,exercise,answer\na,cube,3x^2\n", encoding="utf-8")
    assert main(["grade", PACK, str(folder), "--out", str(tmp_path / "o1"), "--feedback", str(folder / "pages")]) == 0
    capsys.readouterr()
    assert main(["grade", PACK, str(folder), "--out", str(tmp_path / "o2")]) == 0
    assert capsys.readouterr().err == (f"tutor: {folder / 'pages'} holds the feedback pages of an earlier run "
                                       "(pages.csv); its files are not read as submissions\n")


def test_an_earlier_runs_reports_under_another_name_are_not_read_back(tmp_path, capsys):
    # a re-run with a new --out (week3-v2) read the first run's answers.csv as submissions (finding 250)
    folder = tmp_path / "class"
    (folder / "sections").mkdir(parents=True)
    submissions = folder / "sections" / "a.csv"
    submissions.write_text("student,exercise,answer\na,cube,x\nb,cube,x\n", encoding="utf-8")
    assert main(["grade", PACK, str(folder), "--out", str(folder / "grades-v1")]) == 0
    capsys.readouterr()
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,x\n", encoding="utf-8")  # a resubmits
    assert main(["grade", PACK, str(folder), "--out", str(folder / "grades-v2")]) == 0
    assert capsys.readouterr().err == (f"tutor: {folder / 'grades-v1'} holds the reports of an earlier run "
                                       "(journal.sqlite); its files are not read as submissions\n")
    rows = (folder / "grades-v2" / "grades.csv").read_text().splitlines()
    assert {row.split(",")[0]: row.split(",")[1] for row in rows}.keys() >= {"a", "b"}
    graded = {row.split(",")[0]: row.split(",")[1] for row in rows}
    assert (graded["a"], graded["b"]) == ("2", "0")


@pytest.mark.parametrize("option", ["--out", "--feedback"])
def test_a_folder_given_that_an_earlier_run_wrote_into_is_passed_over_whole(tmp_path, capsys, option):
    # outside check h71, F1: the reports written beside the file given (`class.csv --out sub`) were read back when the
    # folder was given (`tutor grade PACK sub`): answers.csv's escaped copies took the place of the class's answers.
    # Such a run is now refused (h72, G1); a folder an earlier version wrote so is passed over whole, and the
    # submissions in it are told as not read.
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "class.csv").write_text("student,exercise,answer\na,cube,3x^2\n", encoding="utf-8")
    elsewhere = ["--out", str(tmp_path / "o1")] if option == "--feedback" else []
    assert main(["grade", PACK, str(folder / "class.csv"), *elsewhere, option, str(folder)]) == 2
    assert capsys.readouterr().err.startswith(f"tutor: {option} {folder} holds submissions ({folder / 'class.csv'})")
    assert main(["grade", PACK, str(folder / "class.csv"), "--out", str(tmp_path / "o1")]) == 0
    for name in ("answers.csv", "journal.sqlite"):
        (folder / name).write_bytes((tmp_path / "o1" / name).read_bytes())
    (folder / "roster.csv").write_text("id\na\nb\n", encoding="utf-8")  # the run's roster, kept there: no problem
    (tmp_path / "late.csv").write_text("student,exercise,answer\nb,cube,3x^2\n", encoding="utf-8")
    capsys.readouterr()
    roster = ["--roster", str(folder / "roster.csv")]
    passed_over = [
        f"tutor: {folder} holds the reports of an earlier run (journal.sqlite); its files are not read as submissions",
        f"{folder / 'class.csv'}: not read, as {folder} holds the reports of an earlier run (journal.sqlite): move it "
        "out of that folder, or give it by name"]
    # the students of the file passed over are told so, not "Nothing was submitted." (outside check h73, H3), given
    # alone or beside another
    for more in ([], [str(tmp_path / "late.csv")]):
        assert main(["grade", PACK, str(folder), *more, "--out", str(tmp_path / "o2"), *roster]) == 1
        assert capsys.readouterr().err.splitlines()[:2] == passed_over
        a = (tmp_path / "o2" / "grades.csv").read_text(encoding="utf-8").splitlines()[2]
        assert a.startswith("a,") and a.endswith(f"\"Your submission could not be read ({folder / 'class.csv'}: not "
                                                 f"read, as {folder} holds the reports of an earlier run "
                                                 "(journal.sqlite): move it out of that folder, or give it by name).\"")
    # given by name beside it, it is read, and not said not to be (outside check h74, J2)
    assert main(["grade", PACK, str(folder), str(folder / "class.csv"), "--out", str(tmp_path / "o3"), *roster]) == 0
    assert capsys.readouterr().err.splitlines() == passed_over[:1]
    assert (tmp_path / "o3" / "grades.csv").read_text(encoding="utf-8").splitlines()[2] == "a,2,0,0,0,2,5,40,"


@pytest.mark.parametrize("option, place", [("--out", "the reports"), ("--feedback", "the feedback pages")])
def test_an_output_folder_that_is_a_file_is_a_usage_error_before_grading(tmp_path, capsys, option, place):
    # outside check h71, F8: it was "can't write to file.txt (File exists)", exit 74, after grading
    folder, submissions = _class_folder(tmp_path, "sub.csv")
    taken = tmp_path / "file.txt"
    taken.write_text("mine\n", encoding="utf-8")
    args = ["--out", str(taken)] if option == "--out" else ["--out", str(tmp_path / "out"), "--feedback", str(taken)]
    assert main(["grade", PACK, str(submissions), *args]) == 2
    assert capsys.readouterr() == ("", f"tutor: {option} {taken} is a file, not a folder; give {place} a place of "
                                       "their own\n")
    assert taken.read_text(encoding="utf-8") == "mine\n" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", ["--out", "--feedback"])
def test_a_submissions_folder_as_the_place_of_the_outputs_is_refused(tmp_path, capsys, option):
    # the next run would read what this one wrote there as answers
    folder, submissions = _class_folder(tmp_path, "sub.csv")
    args = ["--out", str(folder)] if option == "--out" else ["--out", str(tmp_path / "out"), "--feedback", str(folder)]
    assert main(["grade", PACK, str(folder), *args]) == 2
    said = (f"--out {folder} would put grades.csv among the submissions ({folder}); give the reports"
            if option == "--out" else
            f"--feedback {folder} is among the submissions ({folder}); give the feedback pages")
    assert capsys.readouterr().err == f"tutor: {said} a place of their own\n"
    assert [p.name for p in folder.iterdir()] == ["sub.csv"] and not (tmp_path / "out").exists()


def test_the_reports_in_a_submissions_folder_are_not_read_back_as_answers(tmp_path, capsys):
    # the second run read the first one's answers.csv as submissions: the old answers won and the corrected
    # ones were "already answered ... ignored", with 8 problems and exit status 1
    folder = tmp_path / "class"
    (folder / "sections").mkdir(parents=True)
    submissions = folder / "sections" / "a.csv"
    submissions.write_text("student,exercise,answer\na,cube,x\nb,cube,x\n", encoding="utf-8")
    out, feedback = folder / "grades", folder / "pages"
    args = ["grade", PACK, str(folder), "--out", str(out), "--feedback", str(feedback)]
    assert main(args) == 0
    assert capsys.readouterr().err == ""  # nothing there yet, nothing to say
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,x\n", encoding="utf-8")  # a resubmits
    assert main(args) == 0
    assert capsys.readouterr().err == (
        f"tutor: {out} is where this run writes; its files are not read as submissions\n"
        f"tutor: {feedback} is where this run writes; its files are not read as submissions\n")
    graded = {row.split(",")[0]: row.split(",")[1] for row in (out / "grades.csv").read_text().splitlines()}
    assert (graded["a"], graded["b"]) == ("2", "0")


@pytest.mark.parametrize("option", ["--out", "--feedback"])
def test_a_folder_of_ours_below_the_submissions_that_holds_submissions_is_refused(tmp_path, capsys, option):
    # finding 685: --feedback given the folder of eve's and fay's files passed them over: they scored 0
    folder, _ = _class_folder(tmp_path, "a.csv")
    (folder / "later" / "pages").mkdir(parents=True)
    (folder / "later" / "pages" / "old.md").write_text("a page\n", encoding="utf-8")  # what the tool writes is no submission
    (folder / "later" / "eve.yaml").write_text("student: eve\nanswers:\n  cube: 3x^2\n", encoding="utf-8")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    place = folder / "later"
    args = ["--out", str(place)] if option == "--out" else ["--out", str(tmp_path / "out"), "--feedback", str(place)]
    assert main(["grade", PACK, str(folder), *args]) == 2
    remedy = "the reports" if option == "--out" else "the feedback pages"
    assert capsys.readouterr().err == (f"tutor: {option} {place} holds submissions ({place / 'eve.yaml'}), which a run "
                                       f"writing there would not read; give {remedy} a place of their own\n")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before and not (tmp_path / "out").exists()


def test_the_default_out_inside_the_folder_graded_is_passed_over(tmp_path, capsys, monkeypatch):
    folder, submissions = _class_folder(tmp_path)
    monkeypatch.chdir(folder)
    assert main(["grade", PACK, "."]) == 0  # the reports go to ./grades
    before = snapshot(folder / "grades")
    capsys.readouterr()
    assert main(["grade", PACK, "."]) == 0
    assert capsys.readouterr().err == "tutor: grades is where this run writes; its files are not read as submissions\n"
    assert snapshot(folder / "grades") == before


def test_an_earlier_runs_folder_given_alone_is_a_usage_error_not_a_gradebook_of_zeros(tmp_path, capsys):
    # outside check h73, H4: `tutor grade PACK sub2b --roster …` with sub2b an earlier run's --out read nothing, and
    # wrote everyone 0 with the exit status 0
    folder, submissions = _class_folder(tmp_path, "class.csv")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "sub2b")]) == 0
    capsys.readouterr()
    assert main(["grade", PACK, str(tmp_path / "sub2b"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"tutor: {tmp_path / 'sub2b'} holds the reports of an earlier run (journal.sqlite); its files are not read as "
        "submissions",
        "tutor: no answer could be read from the submissions given, as said above; nothing was written"]
    assert not (tmp_path / "o").exists()


def test_a_submission_left_in_an_earlier_runs_folder_is_a_problem_not_nothing_submitted(tmp_path, capsys):
    # outside check h72, G1: pages written into a folder holding s13.yaml; a later run given the folder around it
    # passed it over whole, and s13 scored 0 "Nothing was submitted." with the exit status 0. The first run is now
    # refused; a folder made so by hand (or by an earlier version) is told, file by file, with the exit status 1.
    folder = tmp_path / "t5"
    (folder / "folder").mkdir(parents=True)
    (folder / "folder" / "s13.yaml").write_text("student: s13\nanswers: {cube: 3x^2}\n", encoding="utf-8")
    (folder / "s14.json").write_text('{"student": "s14", "answers": {"cube": "3x^2"}}', encoding="utf-8")
    args = ["grade", PACK, str(folder / "s14.json"), "--out", str(tmp_path / "o1")]
    assert main([*args, "--feedback", str(folder / "folder")]) == 2
    assert capsys.readouterr().err == (f"tutor: --feedback {folder / 'folder'} holds submissions "
                                       f"({folder / 'folder' / 's13.yaml'}), which a run writing there would not "
                                       "read; give the feedback pages a place of their own\n")
    (folder / "folder" / "pages.csv").write_text("student,markdown_page,html_page\n", encoding="utf-8")
    assert main(["grade", PACK, str(folder), "--out", str(tmp_path / "o2")]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"tutor: {folder / 'folder'} holds the feedback pages of an earlier run (pages.csv); its files are not read "
        "as submissions",
        f"{folder / 'folder' / 's13.yaml'}: not read, as {folder / 'folder'} holds the feedback pages of an earlier "
        "run (pages.csv): move it out of that folder, or give it by name"]
    s13 = (tmp_path / "o2" / "grades.csv").read_text(encoding="utf-8").splitlines()[2]  # named after the file
    assert s13.startswith("s13,") and "Your submission could not be read" in s13


def test_a_copy_of_an_earlier_runs_answers_report_is_not_read_as_answers(tmp_path, capsys):
    # outside check h72, G2: copied beside the class's file without its journal, its rows were read as answers
    folder, submissions = _class_folder(tmp_path, "class.csv")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "o1")]) == 0
    (folder / "answers.csv").write_bytes((tmp_path / "o1" / "answers.csv").read_bytes())
    capsys.readouterr()
    assert main(["grade", PACK, str(folder), "--out", str(tmp_path / "o2")]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{folder / 'answers.csv'}:1: the answers report of an earlier run (answers.csv's columns), not submissions; "
        "the file is not read")
    assert (tmp_path / "o2" / "grades.csv").read_bytes() == (tmp_path / "o1" / "grades.csv").read_bytes()


@pytest.mark.parametrize("twice", ["folder", "file", "both"])
def test_a_file_given_twice_is_read_once(tmp_path, capsys, twice):
    # outside check h72, G3: every answer was "already answered" at itself, and each student told part of it was
    # not graded
    folder, submissions = _class_folder(tmp_path, "class.csv")
    given = {"folder": [folder, folder], "file": [submissions, submissions], "both": [folder, submissions]}[twice]
    assert main(["grade", PACK, *map(str, given), "--out", str(tmp_path / "out")]) == 0
    assert "already answered" not in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--out", "--feedback", "--summary"])
@pytest.mark.parametrize("place", ["through a file", "a link to nothing", "through a link to nothing",
                                   "a loop of links", "through a loop of links"])
def test_an_output_that_can_not_be_written_is_a_usage_error_before_grading(tmp_path, capsys, option, place):
    # outside check h72, G12: through a file it was exit 74 after grading (--summary: a crash, 70); a link to nothing
    # was 74, "File exists" (--summary replaced the link with a file); h73, H2: through a link to nothing, 74 still;
    # h74, J1: a loop of links, anywhere, was a crash (70)
    folder, submissions = _class_folder(tmp_path, "class.csv")
    (tmp_path / "file.txt").write_text("mine\n", encoding="utf-8")
    target = tmp_path / "file.txt" / "x.md" if place == "through a file" else \
        tmp_path / "gone" / "sub" if place.startswith("through") else tmp_path / "gone"
    if place.endswith("a link to nothing"):
        (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    if place.endswith("a loop of links"):
        (tmp_path / "gone").symlink_to(tmp_path / "back")
        (tmp_path / "back").symlink_to(tmp_path / "gone")
    args = ["--out", str(tmp_path / "out")] if option != "--out" else []
    assert main(["grade", PACK, str(submissions), *args, option, str(target)]) == 2
    err = capsys.readouterr().err
    nowhere = place.removeprefix("through ")
    if place == "through a file":
        assert "inside a file" in err or f": {tmp_path / 'file.txt'} is a file" in err
    elif place.startswith("through"):
        assert f"is inside {nowhere} ({tmp_path / 'gone'})" in err or f"{tmp_path / 'gone'} is {nowhere}" in err
    else:
        assert f"is {nowhere}" in err
    assert not (tmp_path / "out").exists() and (tmp_path / "file.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_summary_through_a_submissions_file_is_told_as_through_any_file(tmp_path, capsys):
    # outside check h74, J5: it was "among the submissions", another file's "a file, not a folder"
    folder, submissions = _class_folder(tmp_path, "class.csv")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "o"), "--summary",
                 str(submissions / "s.md")]) == 2
    assert capsys.readouterr().err == f"tutor: --summary {submissions / 's.md'}: {submissions} is a file, not a " \
                                      "folder; give the summary a place of its own\n"


def test_a_run_that_reads_no_answer_and_can_tell_no_student_why_writes_nothing(tmp_path, capsys):
    # outside check h75, K3: a link as the only submissions gave every roster student "Nothing was submitted." over
    # the last gradebook; a path through a loop of links was "no such file or folder" (K5)
    folder, submissions = _class_folder(tmp_path, "class.csv")
    (tmp_path / "link.csv").symlink_to(submissions)
    assert main(["grade", PACK, str(tmp_path / "link.csv"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'link.csv'}: a link; links are not followed",
        "tutor: no answer could be read from the submissions given, as said above; nothing was written"]
    (tmp_path / "loop").symlink_to(tmp_path / "back")
    (tmp_path / "back").symlink_to(tmp_path / "loop")
    assert main(["grade", PACK, str(tmp_path / "loop" / "x.csv"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err == f"tutor: {tmp_path / 'loop' / 'x.csv'} is inside a loop of links " \
                                      f"({tmp_path / 'loop'}); nothing was written\n"
    assert not (tmp_path / "o").exists()


def test_a_folder_given_inside_an_earlier_runs_folder_is_read_and_not_said_unread(tmp_path, capsys):
    # outside check h75, K2: class/run1/late/ben.yaml, given as its folder beside class, was graded and told "not read"
    folder, submissions = _class_folder(tmp_path, "class.csv")
    assert main(["grade", PACK, str(submissions), "--out", str(folder / "run1")]) == 0
    (folder / "run1" / "late").mkdir()
    (folder / "run1" / "late" / "ben.yaml").write_text("student: ben\nanswers: {cube: 3x^2}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["grade", PACK, str(folder), str(folder / "run1" / "late"), "--out", str(tmp_path / "o")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"tutor: {folder / 'run1'} holds the reports of an earlier run (journal.sqlite); its files are not read as "
        "submissions"]
    assert "ben,2,0,0,0,2,5,40" in (tmp_path / "o" / "grades.csv").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("option", ["--out", "--feedback"])
def test_a_summary_that_is_the_run_s_own_folder_is_refused_before_grading(tmp_path, capsys, option):
    # outside check h75, K4: `--summary s7 --out s7` graded, then failed (exit 74) with s7 holding only the journal
    folder, submissions = _class_folder(tmp_path, "class.csv")
    args = ["--out", str(tmp_path / "o")] if option == "--feedback" else []
    assert main(["grade", PACK, str(submissions), *args, option, str(tmp_path / "s7"), "--summary",
                 str(tmp_path / "s7")]) == 2
    assert capsys.readouterr().err == f"tutor: --summary {tmp_path / 's7'} is the {option} folder; give the file to " \
                                      f"write, like {tmp_path / 's7' / 'summary.md'}\n"
    assert not (tmp_path / "s7").exists()


def test_a_loop_of_links_given_as_submissions_or_roster_is_told_not_a_crash(tmp_path, capsys):
    # outside check h74, J1: each was "something went wrong (RuntimeError: Symlink loop …)", exit 70
    folder, submissions = _class_folder(tmp_path, "class.csv")
    (tmp_path / "loop").symlink_to(tmp_path / "back")
    (tmp_path / "back").symlink_to(tmp_path / "loop")
    assert main(["grade", PACK, str(submissions), str(tmp_path / "loop"), "--out", str(tmp_path / "o")]) == 1
    assert f"{tmp_path / 'loop'}: a link; links are not followed" in capsys.readouterr().err
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "o2"), "--roster", str(tmp_path / "loop")]) == 2
    assert capsys.readouterr().err == f"tutor: {tmp_path / 'loop'}: a loop of links; the roster is not read; nothing " \
                                      "was written\n"


@pytest.mark.parametrize("kind", ["pipe", "link"])
def test_a_summary_over_a_pipe_or_a_link_is_refused_and_left_as_it_was(tmp_path, capsys, kind):
    # outside check h72: `--summary /dev/null`, run as root, replaced the machine's /dev/null with a file
    folder, submissions = _class_folder(tmp_path, "class.csv")
    target = tmp_path / "summary.md"
    if kind == "pipe":
        os.mkfifo(target)
    else:
        (tmp_path / "mine.md").write_text("mine\n", encoding="utf-8")
        target.symlink_to(tmp_path / "mine.md")
    assert main(["grade", PACK, str(submissions), "--out", str(tmp_path / "out"), "--summary", str(target)]) == 2
    what = "not a regular file" if kind == "pipe" else "a link"
    assert capsys.readouterr().err == f"tutor: --summary {target} is {what}; give the summary a place of its own\n"
    assert (stat.S_ISFIFO(target.lstat().st_mode) if kind == "pipe" else target.is_symlink())
    assert not (tmp_path / "out").exists()


def test_an_out_folder_holding_the_roster_and_the_pack_is_no_folder_of_submissions(tmp_path, capsys):
    folder, submissions = _class_folder(tmp_path, "class.csv")
    out = tmp_path / "out"
    out.mkdir()
    (out / "roster.csv").write_text("id\na\nb\n", encoding="utf-8")
    (out / "pack.yaml").write_bytes(Path(PACK).read_bytes())
    assert main(["grade", str(out / "pack.yaml"), str(submissions), "--roster", str(out / "roster.csv"), "--out",
                 str(out)]) == 0
    (out / "notes.csv").write_text("mine\n", encoding="utf-8")
    assert main(["grade", str(out / "pack.yaml"), str(submissions), "--out", str(out)]) == 2
    assert capsys.readouterr().err.endswith(f"tutor: --out {out} holds submissions ({out / 'notes.csv'}), which a run "
                                            "writing there would not read; give the reports a place of their own\n")
