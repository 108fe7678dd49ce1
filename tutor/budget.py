"""Budgets for work on untrusted input, counted so that a verdict never depends on the machine.

A budget is a number of work units, not seconds: the same answer spends the same
units on an idle machine and on a loaded one, so it gets the same verdict.

- Evaluating an expression at a point spends one unit per node of its tree, more
  for big exact numbers (tutor.evaluate).
- Inside `counted(...)`, every Python function call spends a unit. That is for
  sympy's open-ended algorithms (simplify, solve), whose work no size predicts.

Spending past any enclosing budget raises OutOfTime. It is a BaseException, so a
library's `except Exception` can't swallow it and carry on.

CPU time is only the outer guard, `deadline(seconds)`: the budgets above are set
so far below it that an answer within the size limits of tutor.limits never
meets it. In a worker process (tutor.workers) the kernel enforces it too, in C
code where nothing else can reach.
"""

from __future__ import annotations

import math
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class OutOfTime(BaseException):
    """A budget ran out: its work units, or the outer guard's CPU time."""


class _Meter(threading.local):
    """This thread's units spent, and the lowest ceiling among the budgets it is in."""

    def __init__(self) -> None:
        self.spent = 0
        self.ceiling = math.inf
        self.tripped = False  # OutOfTime raised for this ceiling: the body is unwinding
        self.cpu_end = math.inf  # thread CPU time at which the outer guard runs out, where polled


_meter = _Meter()


def _trip() -> None:
    # Once per ceiling: cleanup code on the way out (finally blocks, __exit__) spends too.
    if not _meter.tripped:
        _meter.tripped = True
        raise OutOfTime()


def spend(units: int = 1) -> None:
    """Charge `units` of work to every budget this thread is in."""
    meter = _meter
    meter.spent += units
    if meter.spent > meter.ceiling:
        _trip()
    if meter.cpu_end != math.inf and time.thread_time() > meter.cpu_end:
        _trip()


class budget:  # noqa: N801 - used like a function: `with budget(units):`
    """Raise OutOfTime in the body once it has spent more than `units` (budgets nest)."""

    def __init__(self, units: int):
        self.units = units

    def __enter__(self) -> None:
        meter = _meter
        self.outer = meter.ceiling, meter.tripped
        meter.ceiling, meter.tripped = min(meter.ceiling, meter.spent + self.units), False

    def __exit__(self, *exc: object) -> None:
        _meter.ceiling, _meter.tripped = self.outer


class counted(budget):  # noqa: N801
    """A budget of `calls` units in which each Python function call spends one.

    For sympy's algorithms only: counting costs about twice the time of the
    calls counted. The count is the same on any machine; sympy's caches make it
    differ by a few percent between processes with different histories.
    """

    def __enter__(self) -> None:
        self.previous = sys.getprofile()
        super().__enter__()
        sys.setprofile(_count)

    def __exit__(self, *exc: object) -> None:
        super().__exit__()
        # Last, and also when nested: Python removes a profile function that raised.
        sys.setprofile(self.previous)


_OURS = frozenset(f.__code__ for f in (budget.__exit__, counted.__exit__, budget.__enter__, counted.__enter__,
                                       spend, _trip))


def _count(frame, event, arg, meter=_meter):  # noqa: ARG001 - the profile function's signature
    if event == "call" and frame.f_code not in _OURS:
        meter.spent += 1
        if meter.spent > meter.ceiling:
            _trip()


# ------------------------------------------------------------ the outer guard

_cpu_ends: list[float] = []  # the main thread's guards, innermost last, in process CPU seconds


def _on_timer(signum, frame):  # noqa: ARG001 - signal handler signature
    raise OutOfTime()


def _main_thread() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise OutOfTime once the body has used `seconds` of CPU time (guards nest).

    On the main thread a profiling timer interrupts long Python-level work,
    sympy's included; elsewhere `spend` looks at the thread's CPU clock. Code
    stuck in C is reached by neither: only a worker process's kernel limit
    stops it.
    """
    if not _main_thread():
        meter = _meter
        outer = meter.cpu_end, meter.tripped
        meter.cpu_end, meter.tripped = min(outer[0], time.thread_time() + max(seconds, 0.0)), False
        try:
            yield
        finally:
            meter.cpu_end, meter.tripped = outer
        return
    end = time.process_time() + max(seconds, 0.0)
    if _cpu_ends:
        end = min(end, _cpu_ends[-1])
    _cpu_ends.append(end)
    previous = signal.signal(signal.SIGPROF, _on_timer)
    signal.setitimer(signal.ITIMER_PROF, max(end - time.process_time(), 1e-4))
    try:
        yield
    finally:
        _cpu_ends.pop()
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if _cpu_ends:  # re-arm the enclosing guard's timer
            signal.setitimer(signal.ITIMER_PROF, max(_cpu_ends[-1] - time.process_time(), 1e-4))
