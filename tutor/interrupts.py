"""Ctrl-C held back over work that must not be cut off half-way."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C held back until the block is done, then raised as KeyboardInterrupt: a write cut off between
    its commit and its bookkeeping would be done twice, and a library cut off half-way through its import
    stays half there (the next picture of the session failed inside matplotlib). Where signals can't be
    held back (another thread, another system), the block runs as it is."""
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
