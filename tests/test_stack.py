"""Deep work called through tutor.stack.with_room takes no memory from the system at each call."""

import resource
import sys
import threading
from collections.abc import Callable

from tutor.stack import with_room


def _down(depth: int) -> int:
    return 0 if depth == 0 else _down(depth - 1) + 1


def _deep_loop() -> int:
    # 400 frames are more than one of CPython 3.11's 16 KiB chunks of frames: each time the recursion goes down
    # and back, a chunk is made and given back, unless there is room for them all (see tutor.stack)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(2_000):
        _down(400)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults


def test_with_room_calls_fn_with_its_arguments_and_gives_its_value():
    assert with_room(lambda a, b=0: (a, b), 1, b=2) == (1, 2)


def _in_a_new_thread(fn: Callable[[], int]) -> int:
    """fn's value, from a thread of its own: its stack of frames starts empty (a test runs with room: conftest)."""
    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(fn()))
    thread.start()
    thread.join(60)
    return found[0]


def test_deep_recursion_with_room_maps_no_memory_at_each_call():
    if sys.version_info < (3, 13):  # later 3.13 and 3.14 releases keep a chunk: then no room is needed
        assert _in_a_new_thread(_deep_loop) >= 2_000  # without room, a fault at least each time down and back
    assert _in_a_new_thread(lambda: with_room(_deep_loop)) < 200
