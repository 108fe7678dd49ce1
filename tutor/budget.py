"""Wall-clock budgets for work on untrusted input.

Two mechanisms back each other up: code of ours calls `check_deadline()` in its
loops, and in the main thread a POSIX interval timer interrupts long sympy calls.
A computation stuck in C cannot be interrupted from inside the process; the
grader therefore also runs answers in worker processes it can kill.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class OutOfTime(Exception):
    """The budget of the innermost `deadline` ran out."""


_deadlines: list[float] = []


def _can_use_timer() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise OutOfTime()


def check_deadline() -> None:
    if _deadlines and time.monotonic() > _deadlines[-1]:
        raise OutOfTime()


def remaining() -> float:
    """Seconds left in the innermost budget (infinite when there is none)."""
    return _deadlines[-1] - time.monotonic() if _deadlines else float("inf")


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise OutOfTime in the body once `seconds` have passed.

    Budgets nest: an inner budget never outlives the outer one.
    """
    end = time.monotonic() + max(seconds, 0.0)
    if _deadlines:
        end = min(end, _deadlines[-1])
    _deadlines.append(end)
    use_timer = _can_use_timer()
    previous = None
    if use_timer:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(end - time.monotonic(), 1e-4))
    try:
        yield
    finally:
        _deadlines.pop()
        if use_timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if _deadlines:  # re-arm the enclosing budget's timer
                signal.setitimer(
                    signal.ITIMER_REAL, max(_deadlines[-1] - time.monotonic(), 1e-4)
                )
