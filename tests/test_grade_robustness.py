"""The grader survives what can't be interrupted: answers stuck in C, and being killed itself."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import deque
from pathlib import Path
from typing import cast

import pytest

from tutor import grade
from tutor.cli import main
from tutor.journal import FILE_NAME
from tutor.reports import FILES
from tutor.workers import Finished, Pool, Stopped, _Groups, _Worker, preparing_again

TESTS = Path(__file__).parent
PACK = str(TESTS / "data" / "grade" / "pack.yaml")


def spin_where_no_timer_reaches() -> None:
    """Burn CPU with the profiling timer's signal blocked: like sympy stuck in C, where no timer of
    Python's can stop it. Only the kernel's CPU limit on the worker process can."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
    while True:
        pass


def blocking_check(real, log: Path):
    """A check that spins, for the answer BLOCK, where no timer can reach it. Each check logs the worker's pid."""
    def check(exercise, text):
        with log.open("a") as stream:
            stream.write(f"{os.getpid()} {text}\n")
        if text == "BLOCK":
            spin_where_no_timer_reaches()
        return real(exercise, text)
    return check


def test_an_answer_stuck_in_c_is_killed_marked_timeout_and_the_job_goes_on(tmp_path, monkeypatch):
    log = tmp_path / "pids"
    monkeypatch.setattr(grade, "check", blocking_check(grade.check, log))
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cube,BLOCK\nc,cube,3x^2 + 0\n"
                           "d,fit,BLOCK\ne,cube,x\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["grade", PACK, str(submissions), "--out", str(out), "--jobs", "1", "--timeout", "0.3"]) == 0
    with (out / "answers.csv").open(encoding="utf-8", newline="") as stream:
        found = {(r["student"], r["exercise"]): (r["verdict"], r["note"]) for r in csv.DictReader(stream)}
    assert found["b", "cube"] == found["d", "fit"] == ("invalid", "timeout")
    assert found["a", "cube"] == found["c", "cube"] == ("correct", "equal")
    assert found["e", "cube"] == ("incorrect", "differs_at")
    checks = [line.split(maxsplit=1) for line in log.read_text().splitlines()]  # (pid, answer), in the order checked
    assert sorted(text for _, text in checks) == ["3x^2", "3x^2 + 0", "BLOCK", "BLOCK", "x"]
    blocked = [pid for pid, text in checks if text == "BLOCK"]
    assert len(set(blocked)) == 2
    assert all(pid != checks[i + 1][0] for i, (pid, text) in enumerate(checks[:-1]) if text == "BLOCK")
    for pid in map(int, blocked):  # each blocked worker was replaced, and is gone
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # and is gone


def _journaled(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_then_resume_gives_the_files_of_an_uninterrupted_run(tmp_path):
    submissions = tmp_path / "class.csv"
    lines = ["student,exercise,answer"]
    for n in range(40):  # 120 distinct answers: each student has a variant of `drill`
        lines += [f"s{n},cube,{n}x^2", f"s{n},drill,{n % 7}x y", f"s{n},fit,\"m = {n}, b = 7/3\""]
    submissions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["grade", PACK, str(submissions), "--jobs", "2"]

    killed = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
    process = subprocess.Popen([sys.executable, str(TESTS / "grade_slowly.py"), "0.05", *args, "--out", str(killed)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        give_up = time.monotonic() + 60
        while _journaled(killed / FILE_NAME) == 0 and time.monotonic() < give_up:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    done = _journaled(killed / FILE_NAME)
    assert 0 < done < 120, "the run should be killed halfway"
    assert not (killed / "grades.csv").exists()

    assert main([*args, "--out", str(killed), "--resume"]) == 0
    assert _journaled(killed / FILE_NAME) == 120
    whole = tmp_path / "whole"
    assert main([*args, "--out", str(whole)]) == 0
    for name in FILES:
        assert (killed / name).read_bytes() == (whole / name).read_bytes(), name


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("stop, background", [(signal.SIGINT, False), (signal.SIGTERM, False), (signal.SIGTERM, True)],
                         ids=["ctrl-c", "kill", "kill a background job"])
def test_ctrl_c_or_kill_says_how_to_finish_and_resume_gives_the_files_of_an_uninterrupted_run(tmp_path, stop,
                                                                                              background):
    """docs/reference/grade.md: Ctrl-C, or `kill` (SIGTERM) sent to the grader alone, stops the run with a
    sentence naming the journal and --resume, which then writes what an uninterrupted run writes. Also a run a
    script started in the background, where SIGINT is ignored (finding 681: SIGTERM was ignored too)."""
    submissions = tmp_path / "class.csv"
    lines = ["student,exercise,answer", *(f"s{n},cube,{n}x^2" for n in range(60))]
    submissions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["grade", PACK, str(submissions), "--jobs", "2"]
    stopped = tmp_path / "stopped"
    env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
    # 0.1 s an answer, 3 s for the class: a loaded machine once finished all 60 between the first commit and the stop
    process = subprocess.Popen([sys.executable, str(TESTS / "grade_slowly.py"), "0.1", *args, "--out", str(stopped)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_ignore_ctrl_c if background else None)
    try:
        give_up = time.monotonic() + 60
        while _journaled(stopped / FILE_NAME) == 0 and time.monotonic() < give_up:
            time.sleep(0.02)
        process.send_signal(stop)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    kept = _journaled(stopped / FILE_NAME)
    assert 0 < kept < 60, "the run should be stopped halfway"
    assert err.splitlines() == [f"tutor: stopped; {kept} checked answer{'' if kept == 1 else 's'} kept in {stopped / FILE_NAME}: run the same "
                                "command with --resume to finish"]
    assert not (stopped / "grades.csv").exists()
    assert main([*args, "--out", str(stopped), "--resume"]) == 0
    whole = tmp_path / "whole"
    assert main([*args, "--out", str(whole)]) == 0
    for name in FILES:
        assert (stopped / name).read_bytes() == (whole / name).read_bytes(), name


def test_resume_refuses_a_journal_of_another_job(tmp_path, capsys):
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\na,cube,3x^2\n", encoding="utf-8")
    args = ["grade", PACK, str(submissions), "--out", str(tmp_path / "out")]
    assert main(args) == 0
    assert main([*args, "--resume", "--timeout", "3"]) == 2
    # which setting differs, said (outside check h56, N7: a TA was left to guess)
    assert capsys.readouterr().err == f"tutor: {tmp_path / 'out' / FILE_NAME} is from grading another job (--timeout " \
                                      "was 5, is 3 now); run without --resume to start afresh\n"
    assert main([*args, "--resume"]) == 0


def test_a_refused_resume_says_only_that(tmp_path, capsys):
    """The class's problems are said by the run that grades it: printed before a refusal, they hid it (outside check
    h56, N7)."""
    submissions = tmp_path / "s.csv"
    submissions.write_text("student,exercise,answer\na,cube,3x^2\nb,cueb,3x^2\n", encoding="utf-8")
    args = ["grade", PACK, str(submissions), "--out", str(tmp_path / "out")]
    assert main(args) == 1
    problem = capsys.readouterr().err
    assert "cueb" in problem
    assert main([*args, "--resume", "--timeout", "3"]) == 2
    assert capsys.readouterr().err == f"tutor: {tmp_path / 'out' / FILE_NAME} is from grading another job (--timeout " \
                                      "was 5, is 3 now); run without --resume to start afresh\n"
    assert main([*args, "--resume"]) == 1
    assert capsys.readouterr().err == problem


def test_resume_refuses_a_journal_graded_against_other_data(tmp_path, capsys):
    """A data CSV the pack reads decides verdicts as much as the pack: mending it is another job."""
    (tmp_path / "data.csv").write_text("x,y\n1,2\n2,5\n3,3\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("pack: jr\ntitle: Journal data\nexercises:\n  - id: fit\n    kind: least_squares\n"
                                     "    csv: {file: data.csv, x: x, y: y}\n", encoding="utf-8")
    (tmp_path / "s.csv").write_text('student,exercise,answer\nana,fit,"m = 1/2, b = 7/3"\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["grade", str(tmp_path / "p.yaml"), str(tmp_path / "s.csv"), "--out", str(out), "--jobs", "1"]
    assert main(args) == 0
    assert main([*args, "--resume"]) == 0  # the same data: the journal is taken
    (tmp_path / "data.csv").write_text("x,y\n1,2\n2,5\n3,9\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*args, "--resume"]) == 2
    assert capsys.readouterr().err == f"tutor: {out / FILE_NAME} is from grading another job (the pack or the data " \
                                      "it reads has changed); run without --resume to start afresh\n"
    assert main(args) == 0
    with (out / "answers.csv").open(encoding="utf-8", newline="") as stream:
        assert [row["verdict"] for row in csv.DictReader(stream)] == ["incorrect"]  # (1/2, 7/3) fitted the old data


def _work(task, started):
    started(f"info {task}")
    if task == "raise":
        raise ValueError("a bug")
    if task == "die":
        os._exit(3)  # as if the worker segfaulted or the out-of-memory killer came
    if task == "spin":
        spin_where_no_timer_reaches()
    if task == "sleep":
        time.sleep(30)  # neither answers nor computes: a deadlock
    if task == "memory":
        return len(bytearray(4 << 30))  # past the worker's address space
    return task.upper()


def test_the_pool_replaces_workers_that_spin_crash_raise_or_run_out_of_memory():
    tasks = ["a", "spin", "b", "raise", "c", "die", "d", "memory", "e"]
    started = time.monotonic()
    with Pool(_work, jobs=1, timeout=0.3) as pool:
        outcomes = dict(pool.run(enumerate(tasks)))
    assert [outcomes[i] for i in range(len(tasks))] == [
        Finished("A"), Stopped("timeout", "info spin"), Finished("B"), Stopped("crashed", "info raise"),
        Finished("C"), Stopped("crashed", "info die"), Finished("D"), Stopped("memory", "info memory"),
        Finished("E")]
    assert time.monotonic() - started < 20


def _prepares_again(task, started):
    """Started, then trusted work for longer than the task's CPU limit (a variant's pairs of mistakes,
    built for an answer no single one explains), said as such or not, then started again."""
    started(None)
    if task == "said":
        preparing_again()
    end = time.process_time() + 2.5
    while time.process_time() < end:
        pass
    started(None)
    return task


def test_work_prepared_again_after_the_start_is_under_the_preparations_limit_not_the_answers():
    with Pool(_prepares_again, jobs=1, timeout=0.3) as pool:
        outcomes = dict(pool.run(enumerate(["said", "unsaid"])))
    assert outcomes == {0: Finished("said"), 1: Stopped("timeout")}


def test_a_worker_that_neither_answers_nor_computes_is_ended_by_the_watchdog():
    with Pool(_work, jobs=1, timeout=0.3, watchdog=0.5) as pool:
        outcomes = dict(pool.run(enumerate(["sleep", "a"])))
    assert outcomes == {0: Stopped("crashed", "info sleep"), 1: Finished("A")}


def test_the_kernel_limits_hold_for_a_single_call():
    with Pool(timeout=0.3) as pool:
        assert pool.call(str.upper, "a") == "A"
        assert pool.call(spin_where_no_timer_reaches) == Stopped("timeout")
        assert pool.call(bytearray, 4 << 30) == Stopped("memory")
        with pytest.raises(ValueError, match="invalid literal"):
            pool.call(int, "x")
        assert pool.call(str.upper, "b") == "B"


def _pid_of(task, started):
    started(None)
    if task == "die":
        os._exit(3)
    return os.getpid()


def _idle_worker() -> _Worker:
    """A worker as the pool's scheduling sees it, without its process."""
    worker = _Worker.__new__(_Worker)
    worker.group, worker.groups, worker.before = None, {}, deque()
    return worker


def test_tasks_of_one_group_go_to_one_worker_while_other_groups_are_left():
    """What a group's tasks share (a student variant, built once) is built by one worker: it keeps
    its group while others are left, and only then helps with the largest one. The scheduling
    alone, in a fixed order of asking, so that no machine load decides which worker asks first."""
    groups = _Groups(list(enumerate("aabbabbaabcc")), group=lambda task: task)
    first, second = _idle_worker(), _idle_worker()
    given = {"first": "", "second": ""}
    for name in ["first", "second"] * 2 + ["first"] * 7 + ["second"] * 2:
        worker, other = (first, second) if name == "first" else (second, first)
        item = groups.next_for(worker, {other.group})
        given[name] += item[1] if item else "-"
    # first: its a, then c (no one's), then helps with b; second: its b to the end
    assert given == {"first": "aaaaaccbb", "second": "bbb-"}


def test_a_worker_that_dies_mid_group_is_replaced_and_the_group_goes_on():
    tasks = [(n, group) for n, group in enumerate("aabbabbaab")] + [(10, "die"), (11, "die")]
    with Pool(_pid_of, jobs=2, timeout=5) as pool:
        outcomes = dict(pool.run(tasks, group=lambda task: task))
    assert len(outcomes) == 12
    assert outcomes[10] == outcomes[11] == Stopped("crashed")
    assert all(isinstance(outcomes[n], Finished) for n in range(10))
    assert outcomes[0] != outcomes[2]  # both workers free at the start: a and b begin on different ones


def test_a_group_goes_back_to_the_worker_that_had_it_in_an_earlier_run():
    """The grader's second round (the mistake named) needs the variant the first round built: a
    group goes back to the worker that has it, not to whichever worker comes first."""
    def pids(pool: Pool, groups: str) -> list[object]:
        outcomes = dict(pool.run(list(enumerate(groups)), group=lambda task: task))
        return [cast(Finished, outcomes[n]).value for n in range(len(groups))]

    with Pool(_pid_of, jobs=2, timeout=5) as pool:
        had = pids(pool, "ab")  # both workers are free: the first takes a, the second b
        assert len(set(had)) == 2
        pids(pool, "xy")  # each worker on a group of its own again
        assert pids(pool, "ba") == had[::-1]  # in the order that would give each to the other worker
