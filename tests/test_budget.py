"""Budgets count work, not time: the same answer spends the same units on any machine."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import mpmath
import pytest
import sympy

from tutor import budget
from tutor.budget import OutOfTime, counted, deadline, spend, spent
from tutor.check import Judgement, check
from tutor.limits import Limits


def _calls(n: int) -> None:
    for _ in range(n):
        _noop()


def _noop() -> None:
    pass


def test_a_budget_raises_once_its_units_are_spent():
    with budget.budget(10):
        spend(10)
        with pytest.raises(OutOfTime):
            spend(1)


def test_budgets_nest_and_the_inner_never_outlives_the_outer():
    with budget.budget(10), budget.budget(100), pytest.raises(OutOfTime):
        spend(11)


def test_counted_charges_each_python_call():
    with counted(1_000):
        _calls(900)
    with pytest.raises(OutOfTime), counted(1_000):
        _calls(1_100)


def test_counting_survives_an_inner_budget_that_ran_out():
    """Python drops a profile function that raised; the outer region must go on counting."""
    with pytest.raises(OutOfTime), counted(5_000):
        try:
            with counted(100):
                _calls(200)
        except OutOfTime:
            pass
        _calls(6_000)


def test_out_of_time_is_not_swallowed_by_except_exception():
    def careless():
        try:
            _calls(10_000)
        except Exception:  # noqa: BLE001 - what some library code does
            return "swallowed"
        return "done"

    with pytest.raises(OutOfTime), counted(100):
        careless()


def _spends_when_closed():
    try:
        yield
    finally:
        spend(10)


def test_a_budget_that_runs_out_in_a_finaliser_still_stops_the_work(capsys):
    # Python swallows what a finaliser raises: the budget must not stay spent-but-silent.
    with pytest.raises(OutOfTime), budget.budget(5):
        dropped = _spends_when_closed()
        next(dropped)
        del dropped  # closed here, and its finally spends past the budget
        spend(1)
    assert "Exception ignored" not in capsys.readouterr().err


class _CallsWhenDropped:
    def __del__(self) -> None:
        _calls(5)


def _drop_past_the_ceiling() -> None:
    """Counted calls up to just under the ceiling, then a finaliser whose calls go past it."""
    while budget.spent() < budget._meter.ceiling - 4:
        pass
    _CallsWhenDropped()  # dropped at once: its __del__ and the calls in it spend the last units and one more


def test_a_counted_budget_that_runs_out_in_a_finaliser_stops_the_work_at_the_next_call(capsys):
    # Python swallows the OutOfTime, and drops the profile function that raised it: the calls after
    # must still be counted, or the work runs on to a result that depends on where the collector ran.
    went_on = []
    with pytest.raises(OutOfTime), counted(1_000):
        _drop_past_the_ceiling()
        for _ in range(10_000):
            _noop()
            went_on.append(1)
    assert went_on == []
    assert "Exception ignored" not in capsys.readouterr().err


def test_a_counted_budget_whose_out_of_time_was_swallowed_still_ends_out_of_time():
    def careless():
        try:
            _calls(10_000)
        except BaseException:  # noqa: BLE001 - what a bare `except:` in library code does
            return "swallowed"
        return "done"

    # the calls after the swallowed one went uncounted: what they found is past the budget
    with pytest.raises(OutOfTime), counted(100):
        assert careless() == "swallowed"


LN_ANSWER, LN_EXPECTED = "ln(x) + ln(x - 1) = 0", "x^2 - x - 1 = 0"  # solving ln x + ln(x - 1) = 0 uses up its work


def test_an_answer_gets_the_same_verdict_in_a_fresh_process_and_after_other_checks():
    done = subprocess.run([sys.executable, "-m", "tutor", "check", LN_ANSWER, "--expected", LN_EXPECTED,
                           "--vars", "x", "--json"], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).parent.parent)
    fresh = json.loads(done.stdout)  # its exit status says incorrect
    for answer, expected in (("x^2 = 1", "x = 1"), ("e^x = 3", "x = ln 2"), ("x sqrt(x-1) = 0", "x(x-1) = 0"),
                             ("2w + 50/w = 25", "w(12.5 - w) = 25"), (LN_ANSWER, LN_EXPECTED)):
        check(answer, expected)
    for isolated in (True, False):
        verdict = check(LN_ANSWER, LN_EXPECTED, variables=("x",), isolated=isolated)
        assert (verdict.verdict, verdict.note, verdict.message) == (fresh["verdict"], fresh["note"], fresh["message"])
    assert fresh["message"] == ("The correct equation holds somewhere between x = -0.62 and x = -0.61, but yours "
                                "does not: your left side has no value there.")


def test_the_same_check_spends_the_same_units_every_time():
    def units(text: str) -> int:
        before = budget._meter.spent
        check(text, "6*x*y**3", variables=("x", "y"))
        return budget._meter.spent - before

    first = [units(t) for t in ("6xy^3", "6xy^2", "3(2x)y^3", "x(6y^3)")]
    check("sin(x)^2 + cos(x)^2", "1", variables=("x",))  # other work in between
    assert [units(t) for t in ("6xy^3", "6xy^2", "3(2x)y^3", "x(6y^3)")] == first


def test_the_cpu_guard_stops_python_work_on_the_main_thread():
    with pytest.raises(OutOfTime), deadline(0.05):
        while True:
            sum(range(1000))


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        sum(range(100))


def test_a_work_budget_that_runs_out_in_a_finaliser_leaves_the_cpu_guard_alone():
    """Which call a count runs out at differs a little between processes (sympy's caches): where it was in a
    finaliser, the CPU guard used to go off at once, so one process timed out where a fresh one gave a verdict."""
    with deadline(30):
        with pytest.raises(OutOfTime), counted(50):
            dropped = _spends_when_closed()
            next(dropped)
            with budget.budget(5):  # the finaliser's spending runs out of this one
                del dropped
            _calls(100)
        _burn(0.2)  # work after it, well within the guard's 30 s


def test_an_expired_cpu_guard_stops_the_work_though_a_handler_caught_its_first_out_of_time():
    # the handler meant its own small budget, and went on to a fallback; unstopped, the second burn would end
    # without an OutOfTime
    with pytest.raises(OutOfTime), deadline(0.05):
        with contextlib.suppress(OutOfTime):
            _burn(10)
        _burn(10)


def test_a_cpu_guard_whose_timer_goes_off_as_it_ends_leaves_nothing_behind(monkeypatch):
    restore = budget._restore

    def timer_goes_off(settings):  # as the guard puts back the settings, on its way out
        os.kill(os.getpid(), signal.SIGPROF)
        restore(settings)

    monkeypatch.setattr(budget, "_restore", timer_goes_off)
    with deadline(30):
        pass
    monkeypatch.undo()
    assert budget._cpu_ends == []
    with deadline(30):
        _burn(0.2)


def test_a_cpu_guard_whose_timer_goes_off_as_a_budget_ends_leaves_that_budget_behind_it(monkeypatch):
    """Outside check h40, F1: the timer went off in a budget's exit, before it put the meter's ceiling back; that
    ceiling stayed, and with --jobs 1 every answer the worker checked after it "took too long"."""
    exits = []
    restore = budget._restore

    def caught_in_exit(settings):  # the frame calling it is budget.__exit__
        exits.append(sys._getframe(1))
        restore(settings)

    monkeypatch.setattr(budget, "_restore", caught_in_exit)
    with deadline(30):
        with budget.budget(10):
            pass
        assert budget._in_bookkeeping(exits[0])  # the timer goes off there again 10 ms later, not in it
    monkeypatch.undo()
    # and at random: short guards, each of which ends in the middle of budgets begun and ended, none left behind
    for _ in range(30):
        with contextlib.suppress(OutOfTime), deadline(0.002):
            while True:
                with budget.budget(10**9):
                    pass
        assert budget._meter.ceiling == float("inf") and not budget._meter.tripped


def test_the_cpu_guard_and_work_budgets_hold_in_another_thread():
    outcomes = []

    def run():
        try:
            with deadline(0.05):
                while True:
                    spend(1)
        except OutOfTime:
            outcomes.append("cpu")
        try:
            with counted(1_000):
                _calls(5_000)
        except OutOfTime:
            outcomes.append("calls")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert outcomes == ["cpu", "calls"]


def test_threads_counting_at_once_each_spend_their_own_calls():
    """Each thread's counted region spends its own calls, and no thread's on another's meter."""
    barrier = threading.Barrier(2)
    counts: dict[int, int] = {}

    def run(calls: int) -> None:
        barrier.wait()
        before = spent()
        with counted(10**9):
            _calls(calls)
        counts[calls] = spent() - before

    threads = [threading.Thread(target=run, args=(calls,)) for calls in (3_000, 7_000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert counts == {3_000: 3_001, 7_000: 7_001}  # its calls, and _calls itself


def test_a_process_forked_inside_a_guard_checks_as_a_fresh_one():
    """A worker started while a check runs (a pool begun mid-check) gets its own verdicts: the
    parent's small budget and CPU guard are not its own, and no timer of theirs is left armed."""
    with deadline(60), budget.budget(5):
        child = os.fork()
        if child == 0:  # the child reports by its exit status
            verdict = check("2x", "2*x", variables=("x",), isolated=False)
            os._exit(0 if verdict.verdict == Judgement.CORRECT and signal.getitimer(signal.ITIMER_PROF)[0] == 0
                     else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_check_in_a_thread_gets_its_verdict():
    verdicts = []
    thread = threading.Thread(target=lambda: verdicts.append(
        check("sin(x)^2 + cos(x)^2", "1", variables=("x",), limits=Limits(work=2_000))))
    thread.start()
    thread.join(10)
    assert [v.note for v in verdicts] == ["timeout"]


def test_a_counted_confirmation_costs_the_same_in_any_process_whatever_it_did_before():
    """With the hashes fixed, as the `tutor` command fixes them (tutor.start), a proof's count no longer depends
    on what the process did before: the first counted region of a process cost 5% more than any after it (the
    warm-up emptied the caches the rebuilt expression had filled), and sympy's assumptions shuffled their rules
    with a generator never seeded. What is left is the garbage collector's: a few calls in ten thousand."""
    script = ("import sys; from tutor import budget; from tutor.equality import prove; from tutor.parse import read;"
              "[prove(read(t, 'expression', ('x', 'y')).value, 10**9) for t in sys.argv[1:]];"
              "e = read('sqrt(x^2) sqrt(y^2) - |x y|', 'expression', ('x', 'y')).value; b = budget._meter.spent;"
              "prove(e, 10**9); print(budget._meter.spent - b)")
    histories = [[], ["tan(x) - sin(x)/cos(x)", "ln(x y) - ln x - ln y"], ["(x+1)^5 - (x+1)^5", "e^(2x) - (e^x)^2"],
                 ["sqrt(x^2) sqrt(y^2) - |x y|"]]
    counts = [int(subprocess.run([sys.executable, "-c", script, *history], capture_output=True, text=True,
                                 env={**os.environ, "PYTHONHASHSEED": "0"}).stdout)
              for history in histories]
    assert max(counts) - min(counts) <= 0.001 * min(counts), counts


def test_sympy_numbers_its_dummies_and_shuffles_its_rules_alike_in_every_process():
    """sympy drew the first number of its Dummy symbols (part of their hashes, so of the order sympy meets a set's
    parts in) and the seed of its assumptions' shuffle from the system's entropy: the same `tutor solve minimize
    tan(x)` took 2 s of CPU in one process and 21 s in the next."""
    script = ("import sympy, tutor.parse; from sympy.core import random; "
              "print(sympy.Dummy().dummy_index, random._assumptions_rng.random(), random.rng.random())")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": "0"}).stdout for _ in range(3)}
    assert len(runs) == 1, runs


def test_sympys_assumptions_spend_no_counted_call_on_shuffling_their_rules():
    """sympy's assumptions shuffled the rules they try next with Python's random, whose calls a counted region
    counts: about 4% of the units of solving and simplifying, for no mathematics. Now one order, the same facts."""
    called: set[str] = set()

    def watch(frame, event, arg):  # noqa: ARG001
        if event == "call":
            called.add(frame.f_code.co_filename)

    x = sympy.Symbol("x", real=True)
    sympy.core.cache.clear_cache()
    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        facts = [(x**2 + 1).is_positive, (x**2 - 1).is_positive, (sympy.exp(x) - x).is_zero, (x / (x**2 + 2)).is_finite]
    finally:
        sys.setprofile(previous)
    assert facts == [True, None, None, True]
    assert any("sympy" in name for name in called)
    assert not [name for name in called if Path(name).name == "random.py"]


def test_whether_tans_slope_has_one_zero_costs_little_whatever_the_dummies_numbers():
    """tan's domain has a hole at each π/2 + kπ; intersecting it with f's took sympy from half a second to past
    the 10-second guard, by the numbers of its Dummy symbols, which a process's earlier work moves (the REPL's,
    a grading worker's): no such domain is one interval, and that is said at once."""
    from tutor.calculus.factor_cases import one_zero_at_most
    from tutor.parse import symbol

    x, first = symbol("x"), sympy.Dummy._base_dummy_index
    try:
        for shift in range(8):  # numbers far from any a live Dummy has (sympy's drawn ones, the tutor's 10¹⁰ on)
            sympy.Dummy._base_dummy_index = 10**12 + shift - sympy.Dummy._count
            with counted(1_000_000):
                assert one_zero_at_most(sympy.tan(x) ** 2 + 1, (x,), sympy.tan(x)) == ""
    finally:
        sympy.Dummy._base_dummy_index = first


def test_an_equation_gets_the_same_verdict_first_in_a_process_and_after():
    """solveset's first use in a process cost 14,000 calls more than later ones: the solutions of
    (x - 2)(x - 3) = π/10⁵, 98,000 calls of the 100,000 a check may spend, were found after another answer's
    and not first, and the message changed with them. The warm-up solves too."""
    script = ("from tutor.check import check; print([check('(x-2)(x-3) = pi/10^5', '(x-2)(x-3) = 0', tolerance='dp:3',"
              " isolated=False).message for _ in range(2)])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    assert out.strip() == str(["Your equation holds at x = 1.99997, but the correct one does not."] * 2)


def test_the_tutor_command_runs_with_the_same_hashes_in_every_process():
    script = "import sys; from tutor.start import main; code = main(); print(hash('tutor')); sys.exit(code)"
    fixed = subprocess.run([sys.executable, "-c", "print(hash('tutor'))"], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    for seed in ("1", "random"):
        run = subprocess.run([sys.executable, "-c", script, "check", "6xy^3", "-e", "6*x*y**3"], capture_output=True,
                             text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.stdout.splitlines()[0] == "correct" and run.stdout.splitlines()[-1] == fixed.strip()


def test_a_remembered_result_costs_what_computing_it_cost():
    # Otherwise a worker that met an answer before could get further within the same budget.
    @budget.metered_cache(8)
    def evaluated(n: int) -> int:
        spend(n)
        return n * n

    def units(n: int) -> int:
        before = budget._meter.spent
        assert evaluated(n) == n * n
        return budget._meter.spent - before

    assert units(5) == units(5) == 5
    with budget.budget(4), pytest.raises(OutOfTime):
        evaluated(5)  # remembered, and still more than the budget allows


def test_a_budget_that_runs_out_as_sympy_puts_mpmath_s_precision_back_changes_no_later_verdict():
    """sympy's evalf to 3 digits works at 17 bits in mpmath's `workprec`, whose exit sets the precision back
    with a call: a budget that ran out on that call left a worker at 17 bits for every answer after it."""
    value = sympy.sinh(sympy.Rational(1, 3))
    value.evalf(3)  # uncounted once: sympy's caches then make the counted calls the same each time
    try:
        for units in range(1, 400):  # one of these runs out on that call
            try:
                with counted(units):
                    value.evalf(3)
            except OutOfTime:
                pass
            if mpmath.mp.prec != 53:
                break
        assert check("x = 1.414", "x^2 = 2", tolerance="dp:3", isolated=False).message == (
            "The correct equation holds at x = -1.41421, but yours does not.")
        assert check("0.9601", "0.960149612", tolerance="dp:4", isolated=False).verdict == Judgement.CORRECT
        assert (mpmath.mp.prec, mpmath.iv.prec) == (53, 53)
    finally:
        mpmath.mp.prec = mpmath.iv.prec = 53  # for the tests after this one, where it fails


def test_a_budget_that_runs_out_as_sympy_turns_evaluation_back_on_leaves_it_on():
    """sympy's `evaluate(False)` turns evaluation back on with a call as its block ends (which empties
    sympy's cache, more calls): a budget that ran out there left the process working nothing out."""
    x = sympy.Symbol("x")

    def unevaluated() -> None:
        with sympy.evaluate(False):
            x + x  # noqa: B018 - the block is the point

    unevaluated()
    try:
        for units in range(1, 2000):  # one of these runs out in that call
            try:
                with counted(units):
                    unevaluated()
            except OutOfTime:
                pass
            assert sympy.core.parameters.global_parameters.evaluate, units
        assert x + x == 2 * x
        assert check("2x", "x + x", isolated=False).verdict == Judgement.CORRECT
    finally:
        sympy.core.parameters.global_parameters.evaluate = True  # for the tests after this one, where it fails
