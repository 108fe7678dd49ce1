"""Worker processes with a time limit per task that holds even inside C code.

A computation stuck in C (a huge integer power, a sympy routine that never
looks at signals) cannot be interrupted from inside its own process. So tasks
run in worker processes, one at a time each; a worker past its task's deadline
is killed and replaced, the task is reported as stopped, and the rest go on.

A task has two phases: `work(task, started)` prepares (trusted work, such as
building a student's variant of an exercise) and calls `started(info)`; the
time limit runs from then. Preparation has its own, generous, limit.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable, Hashable, Iterable, Iterator

Work = Callable[[object, Callable[[object], None]], object]

PREPARE_SECONDS = 60.0


@dataclass(frozen=True)
class Finished:
    value: object  # what `work` returned


@dataclass(frozen=True)
class Stopped:
    reason: str  # "timeout" (killed at its deadline) | "crashed" (the worker died or `work` raised)
    info: object = None  # what the task passed to `started`, if it got that far


def _context():
    # fork starts a worker in milliseconds with the parent's loaded pack (and, in tests,
    # its patches); spawn is the fallback where fork does not exist.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Pool:
    """`jobs` workers running `work`; use as a context manager so they are always ended."""

    def __init__(self, work: Work, jobs: int, timeout: float, prepare_seconds: float = PREPARE_SECONDS):
        self.work, self.timeout, self.prepare_seconds = work, timeout, prepare_seconds
        self.context = _context()
        self.workers = [_Worker(self.context, work) for _ in range(max(1, jobs))]

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.key is not None)
        self.workers = []

    def run(self, tasks: Iterable[tuple[Hashable, object]]) -> Iterator[tuple[Hashable, Finished | Stopped]]:
        """(key, outcome) for each (key, task), in the order they complete."""
        queue = iter(tasks)
        more = True
        while True:
            for worker in [w for w in self.workers if w.key is None]:
                item = next(queue, None) if more else None
                if item is None:
                    more = False
                    break
                self._send(worker, item)
            busy = {w.conn: w for w in self.workers if w.key is not None}
            if not busy:
                return
            soonest = min(w.deadline for w in busy.values())
            for conn in wait(list(busy), timeout=max(0.0, soonest - time.monotonic())):
                worker = busy[conn]
                try:
                    kind, payload = conn.recv()
                except (EOFError, OSError):
                    kind, payload = "crashed", None
                if kind == "started":
                    worker.info, worker.deadline = payload, time.monotonic() + self.timeout
                    continue
                key, outcome = worker.key, Finished(payload) if kind == "done" else Stopped("crashed", worker.info)
                if kind == "done":
                    worker.key = None
                else:
                    self._replace(worker)
                yield key, outcome
            now = time.monotonic()
            for worker in [w for w in busy.values() if w.key is not None and w.deadline <= now]:
                key, info = worker.key, worker.info
                self._replace(worker)
                yield key, Stopped("timeout", info)

    def _send(self, worker: "_Worker", item: tuple[Hashable, object]) -> None:
        key, task = item
        try:
            worker.conn.send(task)
        except OSError:  # it died between tasks (say, the out-of-memory killer): once more, afresh
            worker = self._replace(worker)
            worker.conn.send(task)
        worker.key, worker.info = key, None
        worker.deadline = time.monotonic() + self.prepare_seconds

    def _replace(self, worker: "_Worker") -> "_Worker":
        worker.stop(kill=True)
        worker.key = None
        fresh = _Worker(self.context, self.work)
        self.workers[self.workers.index(worker)] = fresh
        return fresh


class _Worker:
    def __init__(self, context, work: Work):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work), daemon=True)
        self.process.start()
        child.close()
        self.key: Hashable | None = None  # the task it is on
        self.info: object = None
        self.deadline = 0.0

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)  # not just closing the pipe: forked siblings hold copies of its end
            except OSError:
                pass
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(conn: Connection, work: Work) -> None:
    """A worker's loop: a task in, ("started", info) and ("done", value) out; None to stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the grader, which ends us
    parent = os.getppid()
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:  # orphaned, where the kernel could not be asked to end us
                return
            continue
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            value = work(task, lambda info: conn.send(("started", info)))
        except Exception:  # noqa: BLE001 - reported to the grader as a crashed task
            conn.send(("crashed", None))
            continue
        conn.send(("done", value))


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when the grader dies, even by kill -9."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the loop in _serve notices between tasks
