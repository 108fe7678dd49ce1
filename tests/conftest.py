"""Shared by every test module."""

import signal

import pytest
from hypothesis import HealthCheck, settings

# A shell that starts the suite in the background (`pytest &` in a script, some CI runners) starts it with Ctrl-C
# ignored, and Python then never installs its KeyboardInterrupt: the tests of what Ctrl-C does would fail for
# the way they were started. Each test process, and through it each tutor a test starts, gets Python's own.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Hypothesis's defaults would time each example (a 200 ms deadline) and draw new examples on every run: a test
# that passed could fail on a loaded machine, or on the next run. Every property test runs the same examples
# on any machine, untimed; a test's own @settings changes only what it names.
settings.register_profile("tutor", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tutor")


def pytest_collection_finish(session: pytest.Session) -> None:
    """The tests run with the cyclic collector as the tutor's worker processes run it (tutor.workers): what is loaded
    by now (sympy, the tutor, every test module) left out of collections for good, and a collection fifty times less
    often than Python's default, which walks sympy's trees made by the hundred thousand for next to no cycles."""
    import gc

    from tutor.workers import _COLLECTING

    gc.collect()
    gc.freeze()
    gc.set_threshold(*_COLLECTING)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool:
    """Each test runs as the tutor's commands and workers run their work: from a frame with room for the frames
    of sympy's recursion (tutor.stack), which would otherwise take memory from the system and give it back at
    each call (the suite's system time on two workers fell from 3 min 39 s to 42 s)."""
    from tutor.stack import with_room

    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    with_room(pyfuncitem.obj, **arguments)
    return True


@pytest.fixture(autouse=True)
def _variants_built_afresh():
    """Each test builds the variants it uses: a process reads each built-in pack once (tutor.packs.load) and would
    share its variants between tests, and with them what one test's patches left on them."""
    # imported here, not with this file: pytest installs its hook for exceptions no one can catch after reading it,
    # and tutor.budget's own (which passes theirs on) must come after it
    from tutor import packs
    packs._VARIANTS.clear()
