"""A worker killed from outside (kill -9, the out-of-memory killer) while it checks an answer: the answer
is checked again on a fresh worker and gets the verdict of an undisturbed run; only an answer that ends
a fresh worker too is `crashed`, which is never journaled, is listed for a person, and is told to the
student as what it is (read, not checked)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tutor import grade
from tutor.cli import main
from tutor.journal import FILE_NAME
from tutor.reports import FILES
from tutor.workers import Finished, Pool, Stopped

DATA = Path(__file__).parent / "data" / "grade"
PACK = str(DATA / "pack.yaml")
CLASS = ("student,exercise,answer\n"
         "ann,cube,3x^2\nann,drill,x\nann,fit,\"m = 1/2, b = 7/3\"\n"
         "bea,cube,x^3\nbea,drill,2x y\nbea,critical,\"(1, 0), (-1, 0)\"\n"
         "cy,cube,BOOM\ncy,drill,BOOM\ncy,critical,\"(1, 0)\"\n")


def _first_time(marker: Path) -> bool:
    """True for the first process to ask (the marker is made then, holding its pid), False ever after."""
    try:
        descriptor = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.write(descriptor, str(os.getpid()).encode())
    os.close(descriptor)
    return True


def _kill_this_process() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as kill -9 from outside, or the out-of-memory killer, does


def killing(real, texts: set[str], markers: Path | None):
    """A check (or `respond`) whose worker is killed while it checks one of `texts`: the first time
    only, with a folder for the markers; every time, without."""
    def check(exercise, text):
        if text in texts and (markers is None or _first_time(markers / f"{real.__name__}-{text.encode().hex()}")):
            _kill_this_process()
        return real(exercise, text)
    return check


def files(out: Path, pages: Path) -> dict[str, bytes]:
    return {**{name: (out / name).read_bytes() for name in FILES},
            **{f"pages/{p.name}": p.read_bytes() for p in sorted(pages.iterdir()) if not p.name.startswith(".")}}


@pytest.fixture(scope="module")
def submissions(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("class") / "class.csv"
    path.write_text(CLASS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def undisturbed(submissions, tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("undisturbed")
    assert main(["grade", PACK, str(submissions), "--out", str(folder / "out"), "--jobs", "1",
                 "--feedback", str(folder / "pages")]) == 0
    return files(folder / "out", folder / "pages")


def grade_into(folder: Path, submissions: Path, *options: str) -> int:
    return main(["grade", PACK, str(submissions), "--out", str(folder / "out"), "--feedback", str(folder / "pages"),
                 *options])


def answers(folder: Path) -> dict[tuple[str, str], dict[str, str]]:
    with (folder / "out" / "answers.csv").open(encoding="utf-8", newline="") as stream:
        return {(r["student"], r["exercise"]): r for r in csv.DictReader(stream)}


def journaled(folder: Path) -> dict[str, dict]:
    with sqlite3.connect(folder / "out" / FILE_NAME) as db:
        return {key: json.loads(record) for key, record in db.execute("SELECT key, record FROM results")}


# ------------------------------------------------------------ the pool


def _once(task, started):
    """Killed from outside the first time it is given a marker; its worker's pid."""
    started(None)
    if task and _first_time(Path(task)):
        _kill_this_process()
    return os.getpid()


def _pid(outcome: Finished | Stopped) -> int:
    assert isinstance(outcome, Finished)
    return int(outcome.value)  # type: ignore[call-overload]


def _boom(task, started):
    started(f"info {task}")
    if task == "boom":
        _kill_this_process()
    return task.upper()


def test_a_task_whose_worker_is_killed_from_outside_is_done_again_on_a_fresh_worker(tmp_path):
    markers = [tmp_path / f"marker{n}" for n in range(3)]
    with Pool(_once, jobs=2, timeout=5) as pool:
        outcomes = dict(pool.run([(n, str(marker)) for n, marker in enumerate(markers)] + [(3, "")]))
    assert all(isinstance(outcomes[n], Finished) for n in range(4))
    for n, marker in enumerate(markers):  # each done by another worker than the one killed under it
        assert _pid(outcomes[n]) != int(marker.read_text())


def test_a_task_that_ends_a_fresh_worker_too_is_crashed_and_the_others_go_on():
    with Pool(_boom, jobs=2, timeout=5) as pool:
        outcomes = dict(pool.run(enumerate(["a", "boom", "b", "c"])))
    assert outcomes == {0: Finished("A"), 1: Stopped("crashed", "info boom"), 2: Finished("B"), 3: Finished("C")}


def _kill_once(marker: str) -> str:
    if _first_time(Path(marker)):
        _kill_this_process()
    return "checked"


def test_a_single_call_whose_worker_is_killed_is_made_again(tmp_path):
    with Pool(timeout=5) as pool:
        assert pool.call(_kill_once, str(tmp_path / "marker")) == "checked"
        assert pool.call(_kill_this_process) == Stopped("crashed")  # twice
        assert pool.call(str.upper, "a") == "A"  # and the pool goes on


# ------------------------------------------------------------ the grader


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_worker_killed_under_answers_gives_the_files_of_an_undisturbed_run(
        tmp_path, monkeypatch, submissions, undisturbed, jobs):
    """Killed in the first round (the check) and in the second (the mistake named), for a lesson exercise
    and a student's own variant: each answer checked again, and every file the same bytes."""
    (tmp_path / "markers").mkdir()
    monkeypatch.setattr(grade, "check", killing(grade.check, {"3x^2", "2x y", "BOOM"}, tmp_path / "markers"))
    monkeypatch.setattr(grade, "respond", killing(grade.respond, {"x", "(1, 0)"}, tmp_path / "markers"))
    assert grade_into(tmp_path, submissions, "--jobs", jobs) == 0
    assert len(list((tmp_path / "markers").iterdir())) == 5  # each of them was killed once
    assert files(tmp_path / "out", tmp_path / "pages") == undisturbed
    assert not any(record["note"] == "crashed" for record in journaled(tmp_path).values())


def test_an_answer_that_crashed_is_not_kept_by_resume(tmp_path, monkeypatch, submissions, undisturbed, capsys):
    """Killed every time (the out-of-memory killer on a loaded machine, twice), it is `crashed` in this
    run's files, but not in the journal: --resume checks it again, and writes an undisturbed run's files."""
    with monkeypatch.context() as patched:
        patched.setattr(grade, "check", killing(grade.check, {"BOOM"}, None))
        assert grade_into(tmp_path, submissions) == 0
    crashed = answers(tmp_path)
    assert crashed["cy", "cube"]["note"] == crashed["cy", "drill"]["note"] == "crashed"
    assert not any(record["note"] == "crashed" for record in journaled(tmp_path).values())
    assert len(journaled(tmp_path)) == 7  # 9 answers, less the two crashed
    capsys.readouterr()
    assert grade_into(tmp_path, submissions, "--resume") == 0
    assert "checked 2 distinct answers" in capsys.readouterr().out
    assert files(tmp_path / "out", tmp_path / "pages") == undisturbed


def test_a_crash_in_an_older_journal_is_checked_again_on_resume(tmp_path, submissions, undisturbed):
    assert grade_into(tmp_path, submissions) == 0
    with sqlite3.connect(tmp_path / "out" / FILE_NAME) as db:  # as this tutor wrote a crash before
        key, record = db.execute("SELECT key, record FROM results WHERE key LIKE '[\"drill\",%\"x\"]'").fetchone()
        db.execute("UPDATE results SET record = ? WHERE key = ?", (json.dumps(
            {**json.loads(record), "verdict": "invalid", "note": "crashed", "variant": "",
             "message": "This answer could not be checked; please tell your instructor."}), key))
    assert grade_into(tmp_path, submissions, "--resume") == 0
    assert files(tmp_path / "out", tmp_path / "pages") == undisturbed


def test_an_answer_that_still_crashes_is_listed_for_a_person_and_told_truly(tmp_path, monkeypatch, submissions,
                                                                            undisturbed, capsys):
    monkeypatch.setattr(grade, "check", killing(grade.check, {"BOOM"}, None))
    assert grade_into(tmp_path, submissions, "--jobs", "2") == 0
    found = answers(tmp_path)
    for exercise in ("cube", "drill"):
        assert (found["cy", exercise]["verdict"], found["cy", exercise]["note"], found["cy", exercise]["score"]) == (
            "invalid", "crashed", "0")
    whole = {(r["student"], r["exercise"]): r for r in csv.DictReader(io.StringIO(undisturbed["answers.csv"].decode()))}
    assert found["cy", "drill"]["variant"] == whole["cy", "drill"]["variant"] != ""  # the student's own numbers
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["review"] == 2
    assert [(r["student"], r["exercise"], r["answer"], r["note"]) for r in report["review"]] == [
        ("cy", "cube", "BOOM", "crashed"), ("cy", "drill", "BOOM", "crashed")]
    out = capsys.readouterr().out
    assert ("2 answers could not be checked: the checker failed on each twice, the second time in a fresh "
            "worker; they score 0 for now: look at them, and please report it (note 'crashed' in answers.csv, "
            "'review' in report.json)") in out
    assert "could not be checked with certainty" not in out
    page = (tmp_path / "pages" / "cy.md").read_text(encoding="utf-8")
    assert "- Your answer: BOOM\n- Verdict: could not be checked\n" \
           "- Feedback: This answer could not be checked; please tell your instructor.\n" in page
    assert "could not be read" not in page
    html_page = (tmp_path / "pages" / "cy.html").read_text(encoding="utf-8")
    assert "could not be checked" in html_page and "could not be read" not in html_page


def test_a_crashed_answer_keeps_its_variant_though_its_worker_died_before_saying_it(tmp_path, monkeypatch, submissions,
                                                                                  undisturbed):
    """Killed while it builds the variant's anticipated mistakes (trusted work, before the answer's own limits
    start and before the worker names the variant): the variant is the student's, known without the worker."""
    def die(*args):
        _kill_this_process()

    monkeypatch.setattr(grade, "prepared", die)  # the second round only, with --jobs 1
    assert grade_into(tmp_path, submissions, "--jobs", "1") == 0
    whole = {(r["student"], r["exercise"]): r for r in csv.DictReader(io.StringIO(undisturbed["answers.csv"].decode()))}
    row = answers(tmp_path)["ann", "drill"]
    assert (row["verdict"], row["note"]) == ("invalid", "crashed")
    assert row["variant"] == whole["ann", "drill"]["variant"] != ""
