"""Room on the interpreter's stack of frames, so that deep work does not map memory at each call.

CPython 3.11 keeps the frames of Python calls in chunks of 16 KiB and gives a chunk back to the
system as soon as the call that needed it returns (CPython issue gh-142183; releases of 3.13 and
3.14 from 2026 keep one). Work that calls back and forth across the end of a chunk maps and unmaps
memory on each such call, and sympy's recursion does it all the time: one `tutor solve minimize
"max(sin(x), 0) + x/10"` made 242,000 such pairs of system calls, a quarter of its time (10.0 s
without room, 7.3 s with).

`with_room(fn, ...)` calls fn from a frame that declares half a megabyte of room it never uses:
the chunk made for that frame holds the frames below it too, thousands of them, so the work of fn
meets the end of a chunk only in a recursion deeper than that. The tutor's two entry points call
through it: the command line and a worker's loop (and the test suite each test: tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from types import FunctionType
from typing import Any, TypeVar

T = TypeVar("T")

_ROOM = 64 * 1024  # slots of 8 bytes: the chunk made for the frame is 1 MiB, half of it left for the frames below


def _call(fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> Any:
    return fn(*args, **kwargs)


# _call with a frame that asks for _ROOM more slots of its value stack than it uses: the memory it
# reserves is never touched, so it costs the system nothing
_roomy = FunctionType(_call.__code__.replace(co_stacksize=_call.__code__.co_stacksize + _ROOM), globals())


def with_room(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """fn(*args, **kwargs), from a frame that leaves room on the stack for all the frames below it."""
    return _roomy(fn, args, kwargs)
