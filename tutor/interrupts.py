"""Ctrl-C held back over work that must not be cut off half-way."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C held back until the block is done, then handed to the handler it would have met: a write cut off
    between its commit and its bookkeeping would be done twice, and a library cut off half-way through its
    import stays half there (the next picture of the session failed inside matplotlib). The handler is
    replaced for the block, not the signal blocked: a process-directed SIGINT may reach any thread of the
    process (a thread the signal was not blocked in, as pytest-xdist's), while Python runs every handler in
    the main thread. Where handlers can't be set (another thread), the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []  # SIGINT, or SIGTERM passed on by stop_as_ctrl_c
    try:
        before = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
        if signal.SIGTERM in caught and not callable(before):
            raise KeyboardInterrupt  # a stop requested where Ctrl-C is ignored: see stop_as_ctrl_c
        if caught:
            signal.raise_signal(signal.SIGINT)  # to the handler restored: KeyboardInterrupt, by default


@contextlib.contextmanager
def stop_as_ctrl_c() -> Iterator[None]:
    """A request to stop (SIGTERM: `kill`, a scheduler's time limit, `docker stop`) taken as Ctrl-C while the
    block runs, where by default it ends the process without a word: the work stops where Ctrl-C stops it
    (after a write `uninterrupted` holds back) and says what was kept. Passed on to the SIGINT handler in
    place, which then decides; where SIGINT is ignored, as in a job a script starts in the background (`cmd &`,
    `nohup cmd &`), raised as Ctrl-C all the same: only the terminal's Ctrl-C is meant to pass such a job by.
    Where handlers can't be set (another thread), the block runs as it is. A process forked in the block (a
    worker) gets SIGTERM's default back itself (tutor.workers): else it would outlive a request to end it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return
    before = signal.signal(signal.SIGTERM, _stop_requested)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _stop_requested(signum: int, frame: FrameType | None) -> None:
    handler = signal.getsignal(signal.SIGINT)
    if not callable(handler):  # ignored (SIG_IGN), or not Python's to call
        raise KeyboardInterrupt
    handler(signum, frame)  # Ctrl-C's (KeyboardInterrupt), or uninterrupted's, which holds it back
