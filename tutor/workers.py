"""Worker processes, where the limits on checking an answer are real.

Answers are checked in forked worker processes. Each has an address-space limit
(RLIMIT_AS, from `Limits.memory_bytes`) for its whole life and, while a task
runs, a CPU-time limit (RLIMIT_CPU) that the kernel enforces even inside C code,
where no timer of Python's can reach. A worker that passes its CPU limit is
killed by the kernel, one whose memory runs out gets a MemoryError; either way
the task is reported as Stopped, the worker is replaced, and the other tasks go
on. Workers are reused, so a check costs a message each way, not a process.

A worker that dies of anything else (killed from outside: `kill -9`, the
out-of-memory killer; a crash; the watchdog below) may have died of something
that was not its task's doing, so its task is tried once more on a fresh
worker: only a second such end is the task's, Stopped("crashed"). An answer
gets the same outcome whether or not a worker was killed under it.

Both limits are outer guards: the work budgets of tutor.budget decide first, the
same way on every machine. The only clock that is not CPU time is a watchdog for
a worker that neither answers nor computes (a bug: a deadlock), after
`WATCHDOG_SECONDS`. Before that, Ctrl-C ends a wait for a worker whatever it is
doing, stopped or stalled too, and the worker is replaced (`keyboard`: where
Ctrl-C is a key, not a signal).

A task has two phases: `work(task, started)` prepares (trusted work, such as
building a student's variant of an exercise) and calls `started(info)`; the
task's CPU limit runs from then. Preparation has its own, generous, limit; a
task may prepare again (`preparing_again`) and call `started` once more (`answering_again`, where
the task is `Pool.call`'s function, which has no `started` to call).

`Pool.run(tasks)` checks many (the grader), `Pool.call(fn, *args)` one (the
REPL, `tutor check`, the Python API, through `shared()`).
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import ctypes
import gc
import io
import math
import multiprocessing
import os
import pickle
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, cast

from sympy import Add, Function, Mul, Pow

from .budget import forget_guards
from .limits import LIMITS, Limits
from .stack import with_room

try:
    import resource
except ImportError:  # not POSIX: workers still isolate a check, without kernel limits
    resource = None  # type: ignore[assignment]

Work = Callable[[object, Callable[[object], None]], object]

PREPARE_SECONDS = 60.0  # CPU time for a task's trusted preparation
KILL_GRACE = 0.5  # CPU seconds past a task's limit before the kernel kills its worker
WATCHDOG_SECONDS = 600.0  # wall-clock time after which a worker that never answers is presumed stuck
_RETIRE_SHARE = 0.75  # a worker whose address space has grown past this share of its limit is replaced
_LOOK_AT_MEMORY_EVERY = 16  # tasks
_REMEMBERED = 4096  # groups a worker remembers having had (Pool.run gives a group back to the same worker)

IN_WORKER = False  # True in a worker process: a check asked for there runs right there
_PART_SECONDS = math.inf  # in a worker: the CPU limit of a task, and of each part of one (next_part)
_PREPARE_SECONDS = math.inf  # in a worker: the CPU limit of a task's trusted preparation (and preparing_again)
_parts = 0  # parts begun in this worker (next_part)
_grown = False  # a part found the heap grown too large: the worker retires after its task


@dataclass(frozen=True)
class Finished:
    value: object  # what `work` returned


@dataclass(frozen=True)
class Stopped:
    reason: str  # "timeout" (past its CPU limit) | "memory" (out of memory) | "crashed" (died twice, or `work` raised)
    info: object = None  # what the task passed to `started`, if it got that far


def _again(outcome: object) -> bool:
    """Whether a task's outcome may not be its own: its worker crashed or was killed from outside (or
    stuck), not stopped by the task's CPU or memory limit. Such a task is tried once more, afresh."""
    return isinstance(outcome, Stopped) and outcome.reason == "crashed"


@dataclass(frozen=True)
class Keyboard:
    """Where Ctrl-C is a key, not a signal (a terminal in raw mode: the REPL while an answer is typed): the
    file descriptor keys come in on, and what reads the keys waiting there, saying whether one is Ctrl-C."""

    fd: int
    ctrl_c: Callable[[], bool]


_keyboard: contextvars.ContextVar[Keyboard | None] = contextvars.ContextVar("keyboard", default=None)


@contextlib.contextmanager
def keyboard(fd: int, ctrl_c: Callable[[], bool]) -> Iterator[None]:
    """While entered, Ctrl-C typed on `fd` ends a wait for a worker as Ctrl-C's signal does (KeyboardInterrupt,
    the worker replaced), whatever the worker is doing: computing, stopped (SIGSTOP) or stalled, when it
    uses no CPU time and no limit ends it. A process waiting reads no keys: without this, a terminal in raw
    mode froze until the worker answered, Ctrl-C and all."""
    token = _keyboard.set(Keyboard(fd, ctrl_c))
    try:
        yield
    finally:
        _keyboard.reset(token)


class Raised(Exception):
    """An exception of `Pool.call`'s function, raised again in the caller (with its text, where the
    exception itself can't be sent back)."""


def _context():
    # fork starts a worker in milliseconds with the parent's loaded pack (and, in tests,
    # its patches); spawn is the fallback where fork does not exist.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def call_task(task: object, started: Callable[[object], None]) -> object:
    """The work of `Pool.call`: `fn(*prepare(*args))`, its exception sent back as a value."""
    fn, args, prepare = cast(tuple[Callable[..., object], tuple[object, ...], Callable[..., tuple[object, ...]] | None],
                             task)
    try:
        if prepare is not None:
            args = prepare(*args)
        started(None)
        return ("returned", fn(*args))
    except MemoryError:
        raise  # the worker's limit, not the function's error: Stopped("memory")
    except Exception as error:  # noqa: BLE001 - raised again in the caller
        return ("raised", _portable(error))


class _AsBuilt(pickle.Pickler):
    """Pickles sympy's sums, products, powers and functions to be rebuilt as they are, not evaluated again:
    sympy's own pickling calls the class, which evaluates, so a pack's √x·√x reached a worker as x, the domain
    of √x the parser kept gone (no "f has no value there" in `tutor check`, where a session in this process said
    it: outside check h44, N2)."""

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, (Add, Mul, Pow, Function)) and obj.args:
            return _unevaluated, (obj.func, obj.args)
        return NotImplemented


def _unevaluated(func: Callable[..., object], args: tuple) -> object:
    return func(*args, evaluate=False)


def _send(conn: Connection, message: object) -> None:
    buffer = io.BytesIO()
    _AsBuilt(buffer, pickle.HIGHEST_PROTOCOL).dump(message)
    conn.send_bytes(buffer.getbuffer())


def _received(conn: Connection) -> Any:
    return pickle.loads(conn.recv_bytes())


def _portable(error: Exception) -> Exception:
    """The exception itself if it survives the pipe (pickled and rebuilt), else its text."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any exception class that can't be rebuilt from its args
        return Raised(f"{type(error).__name__}: {error}")


class Pool:
    """`jobs` workers running `work` under `limits`; use as a context manager so they are always ended.

    timeout: CPU seconds a task may take once started (the kernel kills its worker
    `KILL_GRACE` later); by default the limits' budget for one check.
    """

    def __init__(self, work: Work = call_task, jobs: int = 1, timeout: float | None = None,
                 limits: Limits = LIMITS, prepare_seconds: float = PREPARE_SECONDS,
                 watchdog: float = WATCHDOG_SECONDS):
        self.work, self.limits, self.prepare_seconds, self.watchdog = work, limits, prepare_seconds, watchdog
        self.timeout = limits.budget_seconds if timeout is None else timeout
        self.context = _context()
        self.workers = [self._start() for _ in range(max(1, jobs))]
        self.lock = threading.Lock()  # `call` from several threads: one task at a time each

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.key is not None)
        self.workers = []

    def call(self, fn: Callable, *args: object, prepare: Callable | None = None) -> object:
        """`fn(*args)` in a worker: its value, or Stopped; an exception it raised is raised here.
        `fn`, `prepare` and the arguments travel by pickle (module-level functions, plain values).
        prepare: trusted work first, outside the task's CPU limit; its result is fn's arguments."""
        with self.lock:
            outcome = self._call_once((fn, args, prepare))
            if _again(outcome):  # its worker died of something not the task's own doing: once more, afresh
                outcome = self._call_once((fn, args, prepare))
        if isinstance(outcome, Stopped):
            return outcome
        kind, value = cast(tuple[str, object], outcome.value)
        if kind == "raised":
            raise cast(Exception, value)
        return value

    def _call_once(self, task: object) -> Finished | Stopped:
        worker = self._send(self.workers[0], (0, task))
        keys = _keyboard.get()
        outcome = None
        try:
            while outcome is None:
                outcome = self._awaited(worker, keys)
        except KeyboardInterrupt:  # its answer, still to come, would be taken for the next task's
            self._replace(worker)
            raise
        return outcome

    def _awaited(self, worker: _Worker, keys: Keyboard | None) -> Finished | Stopped | None:
        """The outcome of the worker's task from its next message, or the watchdog's (None: not yet);
        KeyboardInterrupt where Ctrl-C is typed on `keys` meanwhile, as where it comes as a signal."""
        ready = wait([worker.conn, *([keys.fd] if keys else [])], timeout=self._patience(worker))
        if worker.conn in ready:
            return self._receive(worker)
        if not ready:
            return self._give_up(worker)
        if keys is not None and keys.ctrl_c():
            raise KeyboardInterrupt
        return None

    def run(self, tasks: Iterable[tuple[Hashable, object]], group: Callable[[Any], Hashable] | None = None
            ) -> Iterator[tuple[Hashable, Finished | Stopped]]:
        """(key, outcome) for each (key, task), in the order they complete.

        A task whose worker ended for a reason that is not the task's own limit (killed from outside,
        a crash, the watchdog) is sent once more, to the fresh worker that takes the dead one's
        place: only when it ends that one too is the outcome Stopped("crashed").

        group: tasks of one group go to one worker, one after another, while others are left (a
        worker that built what a group's tasks share keeps using it); a worker with no group left
        helps with the largest one. Across runs on one pool, a group goes back to a worker that had
        it before, where it is free: that worker has its shared work built already."""
        groups = _Groups(tasks, group) if group is not None else None
        for worker in self.workers:
            worker.before = deque(worker.groups)
        in_order = iter(tasks)
        retried: set[Hashable] = set()
        while True:
            for worker in [w for w in self.workers if w.key is None]:
                item = (groups.next_for(worker, {w.group for w in self.workers if w is not worker}) if groups
                        else next(in_order, None))
                if item is None:
                    break
                self._send(worker, item)
            busy = {w.conn: w for w in self.workers if w.key is not None}
            if not busy:
                return
            patience = min(self._patience(w) for w in busy.values())
            for conn in wait(list(busy), timeout=patience):
                worker = busy[conn]
                key, task, slot = worker.key, worker.task, self.workers.index(worker)
                outcome = self._receive(worker)
                if outcome is not None and not self._retried(outcome, slot, (key, task), retried):
                    yield key, outcome
            for worker in [w for w in busy.values() if w.key is not None and self._patience(w) == 0]:
                key, task, slot = worker.key, worker.task, self.workers.index(worker)
                outcome = self._give_up(worker)
                if not self._retried(outcome, slot, (key, task), retried):
                    yield key, outcome

    def _retried(self, outcome: Finished | Stopped, slot: int, item: tuple[Hashable, object],
                 retried: set[Hashable]) -> bool:
        """Whether the task was sent again, to the fresh worker in its dead worker's slot: once, after an
        end that was not its own limit's."""
        if not _again(outcome) or item[0] in retried:
            return False
        retried.add(item[0])
        self._send(self.workers[slot], item)
        return True

    def _receive(self, worker: _Worker) -> Finished | Stopped | None:
        """The outcome of the worker's task from its next message (None: it only started)."""
        try:
            kind, payload = _received(worker.conn)
        except (EOFError, OSError):  # it died: the kernel's CPU limit, or worse
            kind, payload = worker.end_reason(), None
        if kind == "started":
            worker.info = payload
            return None
        if kind in ("done", "retired"):
            worker.key = None
            if kind == "retired":
                self._replace(worker)
            return Finished(payload)
        outcome = Stopped(kind, worker.info)
        self._replace(worker)
        return outcome

    def _patience(self, worker: _Worker) -> float:
        return max(0.0, worker.watchdog - time.monotonic())

    def _give_up(self, worker: _Worker) -> Stopped:
        """The watchdog: a worker that neither answered nor used up its CPU limit is stuck."""
        outcome = Stopped("crashed", worker.info)
        self._replace(worker)
        return outcome

    def _send(self, worker: _Worker, item: tuple[Hashable, object]) -> _Worker:
        key, task = item
        try:
            _send(worker.conn, task)
        except OSError:  # it died between tasks (say, the out-of-memory killer): once more, afresh
            worker = self._replace(worker)
            _send(worker.conn, task)
        worker.key, worker.task, worker.info = key, task, None
        worker.watchdog = time.monotonic() + self.watchdog
        return worker

    def _start(self) -> _Worker:
        return _Worker(self.context, self.work, self.limits, self.timeout, self.prepare_seconds)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop(kill=True)
        worker.key = None
        fresh = self._start()
        self.workers[self.workers.index(worker)] = fresh
        return fresh


class _Groups:
    """Tasks by group, in the order each group first appears."""

    def __init__(self, tasks: Iterable[tuple[Hashable, object]], group: Callable[[Any], Hashable]):
        self.groups: dict[Hashable, deque[tuple[Hashable, object]]] = {}
        for item in tasks:
            self.groups.setdefault(group(item[1]), deque()).append(item)

    def next_for(self, worker: _Worker, taken: set[Hashable]) -> tuple[Hashable, object] | None:
        """The worker's next task: from its group, else from a group it had before (in an earlier
        run) that no other worker is on, else from a group no other worker is on, else from the
        largest group left."""
        if not self.groups:
            return None
        if worker.group not in self.groups:
            free = worker.earlier(lambda g: g in self.groups and g not in taken)
            if free is None:
                free = next((g for g in self.groups if g not in taken), None)
            worker.group = free if free is not None else max(self.groups, key=lambda g: len(self.groups[g]))
            worker.had(worker.group)
        tasks = self.groups[worker.group]
        item = tasks.popleft()
        if not tasks:
            del self.groups[worker.group]
        return item


class _Worker:
    def __init__(self, context, work: Work, limits: Limits, timeout: float, prepare_seconds: float):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work, limits, timeout, prepare_seconds),
                                       daemon=True)
        self.process.start()
        child.close()
        self.key: Hashable | None = None  # the task it is on
        self.task: object = None  # and that task, to send again should the worker die of something else
        self.group: Hashable | None = None  # the group of tasks it works through (Pool.run)
        self.groups: dict[Hashable, None] = {}  # the groups it has had, oldest first (at most _REMEMBERED)
        self.before: deque[Hashable] = deque()  # those of them it had before this run, not yet looked at
        self.info: object = None
        self.watchdog = math.inf

    def had(self, group: Hashable) -> None:
        self.groups.pop(group, None)
        self.groups[group] = None
        if len(self.groups) > _REMEMBERED:
            del self.groups[next(iter(self.groups))]

    def earlier(self, wanted: Callable[[Hashable], bool]) -> Hashable | None:
        """The first group it had before this run that is `wanted`; those looked at are passed over for
        the rest of the run (a run's groups are all known when it starts: one not wanted now is done,
        or another worker's)."""
        while self.before:
            group = self.before.popleft()
            if wanted(group):
                return group
        return None

    def end_reason(self) -> str:
        """Why it died: past its CPU limit (the kernel's SIGXCPU) is a timeout, out of its address space
        (`_OUT_OF_MEMORY`) memory; anything else (SIGKILL from outside, the out-of-memory killer, a
        segfault) a crash, which need not be its task's doing."""
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and -code == getattr(signal, "SIGXCPU", -1):
            return "timeout"
        return "memory" if code == _OUT_OF_MEMORY else "crashed"

    def stop(self, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                _send(self.conn, None)  # not just closing the pipe: forked siblings hold copies of its end
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


# ------------------------------------------------------------ in the worker

_OUT_OF_MEMORY = 75  # the exit status of a worker whose task ran out of memory outside any check


# A worker makes sympy trees by the hundred thousand, and next to no reference cycles: the cyclic
# collector's default (a collection every 700 new objects) took about a tenth of a parameterised
# class's CPU (bench_grade.py). Collected fifty times less often, the garbage waiting is a few MB.
_COLLECTING = (50_000, 20, 100)


def _serve(conn: Connection, work: Work, limits: Limits, timeout: float, prepare_seconds: float) -> None:
    """A worker's loop: a task in, ("started", info) and ("done", value) out; None to stop."""
    with_room(_serving, conn, work, limits, timeout, prepare_seconds)  # as the command line: see tutor.stack


def _serving(conn: Connection, work: Work, limits: Limits, timeout: float, prepare_seconds: float) -> None:
    global IN_WORKER, _PART_SECONDS, _PREPARE_SECONDS
    IN_WORKER = True
    _PART_SECONDS, _PREPARE_SECONDS = timeout + KILL_GRACE, prepare_seconds
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which ends us
    # SIGTERM ends a worker, as it ends any process by default: the handler a fork inherits from the parent
    # (stop_as_ctrl_c's) would take it for Ctrl-C, which a worker ignores, and leave the parent's exit waiting
    # for a worker it has just asked to end
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _limit_memory(limits.memory_bytes)
    gc.set_threshold(*_COLLECTING)
    parent, tasks = os.getppid(), 0
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:  # orphaned, where the kernel could not be asked to end us
                return
            continue
        try:
            task = _received(conn)
        except (EOFError, OSError):
            return
        except Exception:  # noqa: BLE001 - a task this process can't rebuild (a function it lacks)
            _send(conn, ("crashed", None))
            continue
        if task is None:
            return

        def started(info: object) -> None:
            if info is not None:  # what to report should the task be stopped; one message less if nothing
                _send(conn, ("started", info))
            _limit_cpu(_PART_SECONDS)

        _limit_cpu(prepare_seconds)  # the last task's limit stays while idle: idle, it spends nothing
        forget_guards()  # each task starts with no budget but its own (outside check h40, F1)
        try:
            value = contextvars.copy_context().run(_alone, work, task, started)
        except MemoryError:
            os._exit(_OUT_OF_MEMORY)  # whatever it held is gone with the process
        except BaseException:  # noqa: BLE001 - a bug, or a budget nobody caught: reported, never silent
            _send(conn, ("crashed", None))
            continue
        tasks += 1
        if _grown or (tasks % _LOOK_AT_MEMORY_EVERY == 0 and _too_large()):
            _send(conn, ("retired", value))  # a heap grown by big tasks: the pool starts a fresh worker
            return
        _send(conn, ("done", value))


def _alone(work: Work, task: object, started: Callable[[object], None]) -> object:
    """work(task, started), run in a context of its own (`_serve`): a setting a task made and did not undo
    (numbers written as fractions, the places asked: context variables), its `finally` cut short by the CPU
    guard's signal, goes with it, not to the next task. The frames of an exception that ends it are let go
    here, so that a `with` block it cut short is closed in the context it began in, not later in another."""
    try:
        return work(task, started)
    except BaseException as error:
        traceback.clear_frames(error.__traceback__)
        raise


def next_part() -> bool:
    """In a task made of many parts (a batch of checks): whether to go on. The next part gets the CPU limit
    of a whole task, afresh (one part can't spend the others' time); False when the worker's heap has grown
    too large to go on, as between tasks: the task ends with the parts done, and a fresh worker takes the
    rest."""
    global _parts, _grown
    if not IN_WORKER:
        return True
    _parts += 1
    if _parts % _LOOK_AT_MEMORY_EVERY == 0 and _too_large():
        _grown = True
        return False
    _limit_cpu(_PART_SECONDS)
    return True


def preparing_again() -> None:
    """In a task, after `started`: trusted work again (what the answer turned out to need, built as the
    rest of its preparation was), under the preparation's CPU limit until the task calls `started` again."""
    if IN_WORKER:
        _limit_cpu(_PREPARE_SECONDS)


def answering_again() -> None:
    """In a task, after `preparing_again`: the task's own CPU limit again, afresh, as `started` set it."""
    if IN_WORKER:
        _limit_cpu(_PART_SECONDS)


def _too_large() -> bool:
    return _address_space() > _RETIRE_SHARE * _memory_limit()


def _limit_memory(memory_bytes: int) -> None:
    if resource is None:
        return
    limit = max(memory_bytes, _address_space() + memory_bytes // 4)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _memory_limit() -> float:
    if resource is None:
        return math.inf
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return math.inf if soft == resource.RLIM_INFINITY else soft


def _address_space() -> int:
    """This process's address space in bytes (0 where /proc is not there to ask)."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_cpu(seconds: float) -> None:
    """The kernel sends SIGXCPU, which ends the process, once it has used `seconds` more CPU time."""
    if resource is None or math.isinf(seconds):  # inf: a process not started as a worker (`_serve`) sets none
        return
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(time.process_time() + seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when its parent dies, even by kill -9."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the loop in _serve notices between tasks
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


# ------------------------------------------------------------ one pool per process

_shared: Pool | None = None
_shared_pid = 0
_shared_lock = threading.Lock()


def shared() -> Pool:
    """The process's pool of one worker for single checks (started on first use, ended at exit)."""
    global _shared, _shared_pid
    with _shared_lock:
        if _shared is None or _shared_pid != os.getpid():
            _shared, _shared_pid = Pool(), os.getpid()
            atexit.register(_shared.close)
        return _shared


def isolated(fn: Callable, *args: object, prepare: Callable | None = None) -> object:
    """`fn(*args)` in the shared pool, or right here inside a worker: its value, or Stopped."""
    if IN_WORKER:
        return fn(*(prepare(*args) if prepare is not None else args))
    return shared().call(fn, *args, prepare=prepare)
