"""Every face checks answers in a worker process, where the kernel's limits hold even in C code:
the REPL, `tutor check` (and --batch, and --exercise), the Python API and the grader (see
test_grade_robustness). A check stuck where no timer reaches comes back as a verdict, `timeout`,
and the next answer is checked as usual."""

from __future__ import annotations

import contextvars
import importlib
import io
import json
import os
import sys

import pytest
from test_grade_robustness import spin_where_no_timer_reaches

from tutor import feedback, packs, workers
from tutor.check import Verdict
from tutor.cli import main
from tutor.feedback import respond
from tutor.practice import Session
from tutor.store import Store
from tutor.topics.base import Problem

checking = importlib.import_module("tutor.check")  # the module: `tutor.check` is the function


_core = checking.check


def _spinning_check(answer, expected, **options):
    if answer == "SPIN" and workers.IN_WORKER:
        spin_where_no_timer_reaches()
    if answer == "HOG" and workers.IN_WORKER:
        return Verdict("correct", "equal", str(len(bytearray(4 << 30))))  # past the worker's address space
    return _core(answer, expected, **options)


@pytest.fixture
def stuck_on_spin(monkeypatch):
    """Answers 'SPIN' burn CPU where no timer reaches, in a fresh shared pool (forked after the
    patch) with a short CPU limit."""
    monkeypatch.setattr(checking, "check", _spinning_check)
    monkeypatch.setattr("tutor.topics.base.check", _spinning_check)
    monkeypatch.setattr(workers, "_shared", workers.Pool(timeout=0.2))
    monkeypatch.setattr(workers, "_shared_pid", os.getpid())
    yield
    workers._shared.close()


def test_the_python_api_checks_in_a_worker(stuck_on_spin):
    parent = os.getpid()
    assert checking.check("SPIN", "2x").note == "timeout"
    assert (checking.check("HOG", "2x").note, checking.check("2x", "2x").note) == ("too_large", "equal")
    assert checking.check("2x", "2x").verdict == "correct"
    assert checking.check("SPIN", "2x", isolated=False).verdict == "invalid"  # here: not stuck, just unread
    assert os.getpid() == parent


def test_the_cli_checks_in_a_worker(stuck_on_spin, capsys):
    assert main(["check", "SPIN", "--expected", "2x", "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["note"] == "timeout"
    assert main(["check", "SPIN", "--exercise", "gradients:partial-x-3x2y3", "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["note"] == "timeout"
    assert main(["check", "6xy^3", "--exercise", "gradients:partial-x-3x2y3"]) == 0


def test_batch_checks_in_a_worker(stuck_on_spin, monkeypatch, capsys):
    """The lines go to the worker together, each with its own limits: one that stops the worker costs
    only its own verdict, and the lines before and after it keep theirs, in order."""
    answers = ["2x", "SPIN", "3x", "HOG", "x + x", "SPIN", "2x"]
    lines = [{"answer": a, "expected": "2x"} for a in answers] + [{"answer": "2x", "expected": "2x +"}]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    main(["check", "--batch", "-"])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("note") for r in out] == ["equal", "timeout", "differs_at", "too_large", "equal", "timeout",
                                            "equal", None]
    assert [r["line"] for r in out] == list(range(1, 9))
    assert out[-1]["error"].startswith("line 8: ")


def test_a_batch_goes_on_in_a_fresh_worker_when_one_has_grown_too_large(monkeypatch):
    """A worker that finds its heap grown too large ends the call with the lines it has checked (as it
    would retire between tasks); a fresh worker checks the rest, and every line gets its verdict."""
    monkeypatch.setattr(workers, "_too_large", lambda: True)
    monkeypatch.setattr(workers, "_shared", workers.Pool())  # forked after the patch
    monkeypatch.setattr(workers, "_shared_pid", os.getpid())
    try:
        lines = [{"answer": f"{n}x", "expected": "2x"} for n in range(40)]
        results = list(checking.check_lines(io.BytesIO("\n".join(json.dumps(line) for line in lines).encode())))
    finally:
        workers._shared.close()
    assert [r["verdict"] for r in results] == ["correct" if n == 2 else "incorrect" for n in range(40)]


def test_the_practice_session_checks_in_a_worker(stuck_on_spin, tmp_path):
    store = Store(tmp_path / "progress.sqlite3")
    session = Session(packs.load("gradients"), store, "ana", seed=1)
    session.start()
    lines = session.handle("SPIN")
    assert "took too long" in lines[0].text
    assert session.current is not None and not session.finished
    assert session.preview("3x^2").startswith("read as:")
    store.close()


def test_a_problem_checked_in_this_process_is_trusted():
    """Inside a worker (and for trusted callers) an exercise checks right where it is."""
    exercise = packs.load("gradients").exercise("partial-x-3x2y3").variant()
    assert isinstance(exercise.problem, Problem)
    assert respond(exercise, "6xy^3", isolated=False).correct


_SETTING = contextvars.ContextVar("setting", default="as the worker began")


def _set_and_fail() -> None:
    _SETTING.set("left by the task before")  # as a `finally` the CPU guard's signal cut short would leave it
    raise ValueError("the task ended early")


def _setting() -> str:
    return _SETTING.get()


def test_a_setting_one_task_left_does_not_reach_the_next_in_the_same_worker():
    """Notation and places asked are context variables; a task whose `finally` the CPU guard cut short would
    leave them set, and every later answer of that worker would be written so: each task runs in its own context."""
    pool = workers.Pool()
    try:
        with pytest.raises(ValueError):
            pool.call(_set_and_fail)
        assert pool.call(_setting) == "as the worker began"
    finally:
        pool.close()


def test_a_sympy_tree_reaches_a_worker_and_comes_back_as_it_was_built():
    """Outside check h44, N2: sympy's pickling builds a tree again by evaluating it, so a pack's √x·√x (kept so by
    the parser: it has no value for x < 0) reached a worker as x; `tutor check` did not say that f has no value at
    -1, where a session checking in this process did. The trees in a task and in its result are built as they were."""
    import sympy
    x = sympy.Symbol("x", real=True)
    kept = sympy.Add(sympy.Mul(sympy.sqrt(x), sympy.sqrt(x), evaluate=False), sympy.exp(sympy.log(x), evaluate=False),
                     sympy.Piecewise((x, x > 0), (0, True)), evaluate=False)
    back = workers.isolated(_as_received, kept)
    assert back == (sympy.srepr(kept), sympy.srepr(kept))


def _as_received(tree: object) -> tuple[str, object]:
    import sympy
    return sympy.srepr(tree), sympy.srepr(tree)


def test_a_right_answer_is_told_without_building_the_wrong_answers_a_mistake_is_compared_with(monkeypatch):
    """The worker builds the wrong answers diagnosis compares with when an answer may show a mistake, not before
    every answer: `tutor check --exercise` of a minimum at a cusp (abs(sin(x))^(2/3) + abs(cos(x))) waited 20 s
    of sympy's solving for them before it said "Correct."."""
    def built(exercise, pairs=True):
        raise AssertionError("the wrong answers were built")
    monkeypatch.setattr(feedback, "prepared", built)
    monkeypatch.setattr(workers, "_shared", workers.Pool())  # forked after the patch
    monkeypatch.setattr(workers, "_shared_pid", os.getpid())
    try:
        exercise = packs.load("gradients").exercise("partial-x-3x2y3").variant()
        assert respond(exercise, "6xy^3").correct
        assert respond(exercise, "(x + 1").verdict.value == "invalid"  # nothing could name a mistake in it
        with pytest.raises(AssertionError, match="the wrong answers were built"):
            respond(exercise, "9x^2y^2")
    finally:
        workers._shared.close()
