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

import functools
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from importlib import import_module
from types import FrameType
from typing import Any, TypeVar

from mpmath import iv, mp
from sympy import Dummy
from sympy.core import random as sympy_random
from sympy.core.parameters import global_parameters

# sympy draws two things afresh in each process from the system's entropy: the first number of its Dummy
# symbols, and the generators its assumptions shuffle their rules with. A Dummy's number is part of its hash,
# so the order in which sympy meets the parts of a set, and the work that follows, changed from one process to
# the next: the same `tutor solve minimize tan(x)` took 2 s of CPU in one process and 21 s in another, where
# the domain of tan on the domain of tan² + 1 ran into two 10-second guards. Both fixed here, before any
# of the tutor's work. The numbers start above the range sympy draws from (10⁶ to 9·10⁶, plus the few
# made while sympy is imported), so no Dummy made before gets a number again.
Dummy._base_dummy_index = 10**10
sympy_random.seed(0)
# Its assumptions shuffle the rules they try next (to bring out handlers that disagree, in sympy's own
# tests), with Python calls a counted region counts: about 4% of the units of solving and simplifying, spent
# on no mathematics. Any order gives the same facts; sorted, it is one order, and costs no call.
import_module("sympy.core.assumptions").shuffle = list.sort  # type: ignore[attr-defined]


class OutOfTime(BaseException):
    """A budget ran out: its work units, or the outer guard's CPU time."""


class _Meter(threading.local):
    """This thread's units spent, and the lowest ceiling among the budgets it is in."""

    def __init__(self) -> None:
        self.spent = 0
        self.ceiling = math.inf
        self.tripped = False  # OutOfTime raised for this ceiling: the body is unwinding
        self.cpu_end = math.inf  # thread CPU time at which the outer guard runs out, where polled
        self.counting = 0  # counted regions this thread is in
        self.count = _counter(self.__dict__)  # the profile function of this thread's counted regions


_OURS: set[int] = set()  # the code of the budgets' own bookkeeping, which spends no unit (by id: see _counter)


def _counter(meter: dict[str, Any]) -> Callable[[FrameType, str, object], None]:
    """The profile function that spends a unit for each Python call, on a thread's meter (its attributes).

    Python calls it for every call and return, C functions' too, so each instruction in it counts: it reads the
    meter's own dictionary (an attribute of a thread-local object looks up the thread's first) and knows our
    code by its id (hashing a code object hashes its fields, each time): a third less overhead than through both."""
    ours, identity = _OURS, id

    def count(frame: FrameType, event: str, arg: object) -> None:  # noqa: ARG001
        if event == "call" and identity(frame.f_code) not in ours:
            spent = meter["spent"] + 1
            meter["spent"] = spent
            if spent > meter["ceiling"]:
                _trip()

    return count


_meter = _Meter()
_warmed: set[Callable[[], object]] = set()  # warm-ups done in this process


def _trip() -> None:
    # Once per ceiling: cleanup code on the way out (finally blocks, __exit__) spends too.
    if not _meter.tripped:
        _meter.tripped = True
        raise OutOfTime()


def _unraisable(report: sys.UnraisableHookArgs) -> None:
    # A finaliser that spends (a generator dropped half-way, closed by the garbage collector) can
    # be where a budget runs out, and Python swallows what a finaliser raises. Untripped again, the
    # budget stops the work at its next unit instead of letting it run on to the outer guard.
    if isinstance(report.exc_value, OutOfTime):
        _meter.tripped = False
        # Where the unit was a call counted in a finaliser, Python also dropped the profile function
        # that raised: without it the rest of the work would go uncounted, to a result or not
        # depending on where the garbage collector happened to run.
        if _meter.counting and sys.getprofile() is None:
            sys.setprofile(_meter.count)
        return
    _default_unraisable(report)


_default_unraisable = sys.unraisablehook
sys.unraisablehook = _unraisable


def spend(units: int = 1) -> None:
    """Charge `units` of work to every budget this thread is in."""
    meter = _meter
    meter.spent += units
    if meter.spent > meter.ceiling:
        _trip()
    if meter.cpu_end != math.inf and time.thread_time() > meter.cpu_end:
        _trip()


def spent() -> int:
    """The units this thread has spent so far: what a piece of work cost is the difference."""
    return _meter.spent


def remaining() -> float:
    """The units this thread may still spend before the innermost budget it is in runs out (inf outside any)."""
    return _meter.ceiling - _meter.spent


F = TypeVar("F", bound=Callable[..., Any])


def metered_cache(maxsize: int) -> Callable[[F], F]:
    """A bounded cache for work done under a budget: a result remembered costs the units that
    computing it cost, so what the budget allows never depends on what this process did before
    (in a worker, on which answers it happened to check first: --jobs 1 and 2 would differ).

    Full, it forgets its oldest entry. A hit moves nothing: keys are sympy trees, often equal to a
    remembered one without being the same object (sympy's own cache is smaller), and each lookup
    compares them node by node. Which entry goes first never changes a result, nor what it costs."""
    def decorate(fn: F) -> F:
        remembered: dict[tuple[Any, ...], tuple[Any, int]] = {}

        # The arguments themselves are the key: most calls are hits, which hash them once (a key that
        # kept its hash would cost a Python call for each lookup, more than hashing again on a miss).
        @functools.wraps(fn)
        def cached(*args: Any) -> Any:
            found = remembered.get(args)
            if found is not None:
                value, units = found
                if units:
                    spend(units)
                return value
            before = _meter.spent
            value = fn(*args)
            remembered[args] = value, _meter.spent - before
            if len(remembered) > maxsize:
                del remembered[next(iter(remembered))]
            return value

        return cached  # type: ignore[return-value]
    return decorate


_Settings = tuple[int, int, bool, bool, bool]


def _settings() -> _Settings:
    # mpmath's own fields, not its `prec` properties: reading those is a call, which a counted region
    # would count, and where a budget runs out would change (sympy's parameters are read without a call)
    return (mp._prec_rounding[0], iv._prec[0], global_parameters.evaluate, global_parameters.distribute,
            global_parameters.exp_is_pow)


def _restore(settings: _Settings) -> None:
    """The process-wide settings as they were where a guard began: mpmath's working precisions and sympy's
    global parameters. Each is put back by a call as a `with` block ends (mpmath's `workprec` in sympy's
    evalf, sympy's `evaluate(False)`), and OutOfTime can be raised in that very call: the precision then
    stays at the 17 bits of an evalf to 3 digits (every later number read to 5 digits: x = -1.41422 for
    -√2), or sympy stops working anything out (x + x stays x + x). A worker checks answers for its whole
    life: its verdicts would depend on what it checked before."""
    if _settings() != settings:
        mp.prec, iv.prec = settings[:2]
        # each set only where it changed: setting one empties sympy's cache
        for name, value in zip(("evaluate", "distribute", "exp_is_pow"), settings[2:]):
            if getattr(global_parameters, name) != value:
                setattr(global_parameters, name, value)


class budget:  # noqa: N801 - used like a function: `with budget(units):`
    """Raise OutOfTime in the body once it has spent more than `units` (budgets nest). The body leaves
    the process-wide settings (mpmath's precision, sympy's parameters) as it found them, however it ends
    (`_restore`)."""

    def __init__(self, units: float):  # inf: no budget of its own (`remaining` outside any)
        self.units = units

    def __enter__(self) -> None:
        meter = _meter
        self.outer = meter.ceiling, meter.tripped
        self.settings = _settings()
        meter.ceiling, meter.tripped = min(meter.ceiling, meter.spent + self.units), False

    def __exit__(self, *exc: object) -> None:
        _meter.ceiling, _meter.tripped = self.outer
        _restore(self.settings)  # last: where it spends past an outer budget, that one's exit restores


def warm(warm_up: Callable[[], object]) -> None:
    """Run `warm_up` (uncounted) unless this process has run it already: the one-time work (lazy imports,
    tables built on first use) that would otherwise be counted in the first counted region alone."""
    if warm_up not in _warmed:
        _warmed.add(warm_up)
        warm_up()


class counted(budget):  # noqa: N801
    """A budget of `calls` units in which each Python function call spends one.

    For sympy's algorithms only: counted, their work takes about three times
    as long (benchmarks/bench_counting.py). The count is the same on any machine. What a process did
    before would change it, so the caller starts the work afresh (sympy's caches
    emptied, the expression rebuilt: tutor.equality.afresh, which runs the warm-up first), `warm_up`
    (`warm`) does the one-time work, and sympy's random generators start from the same seed in each
    region: its assumptions try their rules in a shuffled order. What is left is the hash of each
    name, salted afresh in each process unless PYTHONHASHSEED is fixed, as the `tutor` command
    fixes it (tutor.start), and the garbage collector: with both, a count moves by a few calls in ten
    thousand.
    """

    def __init__(self, calls: int, warm_up: Callable[[], object] | None = None):
        super().__init__(calls)
        self.warm_up = warm_up

    def __enter__(self) -> None:
        if self.warm_up is not None:
            warm(self.warm_up)
        sympy_random.seed(0)
        self.previous = sys.getprofile()
        super().__enter__()
        _meter.counting += 1
        sys.setprofile(_meter.count)

    def __exit__(self, *exc: object) -> None:
        meter = _meter
        # Past the ceiling with nothing raised: the OutOfTime was swallowed (a bare `except:`, a finaliser
        # where no hook of ours runs) and the rest went uncounted. Whatever it found is past the budget.
        swallowed = exc[0] is None and meter.spent > meter.ceiling
        meter.counting -= 1
        super().__exit__()
        # Last, and also when nested: Python removes a profile function that raised.
        sys.setprofile(self.previous)
        if swallowed:
            raise OutOfTime()


# living as long as the process, so no other code takes their ids
_OURS.update(id(f.__code__) for f in (budget.__exit__, counted.__exit__, budget.__enter__, counted.__enter__,
                                      spend, _trip, _settings, _restore))


# ------------------------------------------------------------ the outer guard

_cpu_ends: list[float] = []  # the main thread's guards, innermost last, in process CPU seconds

# An expired guard's timer goes off again every so often until its block ends: where the OutOfTime
# it raised was swallowed (in a finaliser, by a bare `except:`) or caught by a handler meant for an
# inner budget, the next one still stops the work.
_AGAIN = 0.01


def _on_timer(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001 - signal handler signature
    # Not while a guard is being set up or put away: raised there, it would leave _cpu_ends holding a
    # guard that has ended, to cut short all later guarded work in this process. It goes off again.
    if _cpu_ends and not _in_bookkeeping(frame):  # a guard is on: this is its timer, not a stale one
        raise OutOfTime()


def _in_bookkeeping(frame: FrameType | None) -> bool:
    # a budget's own entry and exit, where they set the meter: raised there, the meter would keep that budget's
    # ceiling after it ended, and every later check in the process would run out of it (outside check h40, F1:
    # with --jobs 1, each answer after one that timed out was "took too long")
    if frame is not None and frame.f_code in _METERING:
        return True
    while frame is not None:  # the whole stack: putting back a setting runs sympy's and mpmath's code too
        if frame.f_code in _BOOKKEEPING:
            return True
        frame = frame.f_back
    return False


def forget_guards() -> None:
    """No guard or budget: in a process forked inside one (a worker started mid-check), none of the
    parent's, whose ends are on the parent's clocks, and a copy left here would re-arm the CPU
    timer after the child's own first guard, to end some later, unrelated work with OutOfTime; and
    in a worker between tasks, none a task cut short left behind, to decide the next task's verdict."""
    _cpu_ends.clear()
    _meter.ceiling, _meter.tripped, _meter.cpu_end, _meter.counting = math.inf, False, math.inf, 0
    if sys.getprofile() is _meter.count:
        sys.setprofile(None)


if hasattr(os, "register_at_fork"):  # no fork on Windows
    os.register_at_fork(after_in_child=forget_guards)


class deadline:  # noqa: N801 - used like a function: `with deadline(seconds):`
    """Raise OutOfTime once the body has used `seconds` of CPU time (guards nest).

    On the main thread a profiling timer (SIGPROF) interrupts long Python-level
    work, sympy's included, and goes on doing so every `_AGAIN` seconds until the
    block ends; elsewhere `spend` looks at the thread's CPU clock.
    Code stuck in C is reached by neither: only a worker process's kernel limit
    stops it.
    """

    def __init__(self, seconds: float):
        self.seconds = max(seconds, 0.0)

    def __enter__(self) -> None:
        self.settings = _settings()  # the timer can go off as a setting is put back too (budget)
        self.main = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not self.main:
            meter = _meter
            self.outer = meter.cpu_end, meter.tripped
            meter.cpu_end, meter.tripped = min(meter.cpu_end, time.thread_time() + self.seconds), False
            return
        if signal.getsignal(signal.SIGPROF) is not _on_timer:
            signal.signal(signal.SIGPROF, _on_timer)  # once: it stays, and does nothing between guards
        end = time.process_time() + self.seconds
        if _cpu_ends:
            end = min(end, _cpu_ends[-1])
        _cpu_ends.append(end)
        signal.setitimer(signal.ITIMER_PROF, max(end - time.process_time(), 1e-4), _AGAIN)

    def __exit__(self, *exc: object) -> None:
        _restore(self.settings)
        if not self.main:
            _meter.cpu_end, _meter.tripped = self.outer
            return
        _cpu_ends.pop()
        if _cpu_ends:  # re-arm the enclosing guard's timer
            signal.setitimer(signal.ITIMER_PROF, max(_cpu_ends[-1] - time.process_time(), 1e-4), _AGAIN)
        else:
            signal.setitimer(signal.ITIMER_PROF, 0)


_BOOKKEEPING = frozenset(f.__code__ for f in (deadline.__enter__, deadline.__exit__, _restore, _settings))
# only where one of these is the frame running: counted.__enter__'s warm-up, which it calls, is work like any other
_METERING = frozenset(f.__code__ for f in (budget.__enter__, budget.__exit__, counted.__enter__, counted.__exit__))
