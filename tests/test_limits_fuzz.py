"""Fuzzing the parser and the checker with what an attacker would type.

Every text gets a verdict (never an exception), the same verdict twice, and nothing it contains
ever runs: an audit hook fails the test on any exec, compile, os, subprocess, ctypes, socket or
file-opening event while student text is being read and checked.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import mpmath
import sympy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import tutor
from tutor import packs
from tutor.calculus.common import SolveError, function_of
from tutor.check import Verdict, check
from tutor.parse import InputError, read
from tutor.plot import sample

FORBIDDEN = ("exec", "compile", "open", "os.", "subprocess.", "ctypes.", "socket.", "shutil.", "import",
             "builtins.input", "code.", "pty.", "webbrowser.")
# Loading a library module on first use (sympy imports lazily) is not running student text:
# a module of sympy, mpmath, the standard library or the tutor, read from its own file.
LIBRARIES = tuple(str(Path(module.__file__).resolve().parent) for module in (sympy, mpmath, os, tutor))
# sympy writes its polynomial rings' monomial arithmetic as code for the number of generators and
# runs it (MonomialOps._build, again whenever sympy's cache was emptied): made from a count, never from text.
MONOMIAL_CODE = (str(Path(sympy.polys.monomials.__file__).resolve()), "_build")
_armed: list[list[str]] = []  # while a check runs: where to note forbidden events


def _library_load(event: str, args: tuple) -> bool:
    if event == "import":
        return str(args[0]).split(".")[0] in ("sympy", "mpmath", "tutor") or str(args[0]) in sys.stdlib_module_names
    if event in ("open", "os.listdir"):
        return args[0] is not None and str(Path(str(args[0])).resolve()).startswith(LIBRARIES) and \
            (event == "os.listdir" or "w" not in str(args[1] or "") and "a" not in str(args[1] or ""))
    if event == "exec":
        code = args[0]
        return (getattr(code, "co_name", "") == "<module>"
                and str(Path(code.co_filename).resolve()).startswith(LIBRARIES))
    return False


def _audit(event: str, args: tuple) -> None:
    if _armed and event.startswith(FORBIDDEN) and not _library_load(event, args) and not _monomial_code(event):
        _armed[-1].append(f"{event} {args!r:.80}")


def _monomial_code(event: str) -> bool:
    caller = sys._getframe(2).f_code  # the hook's caller's caller: who called compile or exec
    return event in ("compile", "exec") and (str(Path(caller.co_filename).resolve()), caller.co_name) == MONOMIAL_CODE


sys.addaudithook(_audit)  # for good: hooks can't be removed; idle, it looks at one list


def guarded_check(text: str, expected: str = "x^2 y + 2x", **options) -> Verdict:
    events: list[str] = []
    _armed.append(events)
    try:
        verdict = check(text, expected, variables=("x", "y"), isolated=False, **options)
    finally:
        _armed.pop()
    assert events == [], f"{text!r} caused {events}"
    return verdict


for _text, _expected in (("2xy + 2", "2xy + 2"), ("sin(x)^2 + cos(x)^2", "1"), ("binomial(7, 3)", "35")):
    check(_text, _expected, isolated=False)  # warm up, unarmed
importlib.import_module("sympy.physics.units")  # sympy.simplify imports it on first use; its module code sympifies unit names

TOKENS = ["x", "y", "z", "e", "pi", "π", "2", "0", "1", "10", "9", "0.5", "1e400", "1e-400", "+", "-", "−", "*",
          "/", "^", "**", "!", "(", ")", "[", "]", "{", "}", "|", ",", "=", "√", "²", "⁻¹", " ", "sin", "ln",
          "exp", "sqrt", "log", "root", "factorial", "binomial", "abs", "sinh", "W", "__import__", "os",
          "system", "eval", "'", '"', ".", "_", "lambda", ";", "\\", "#", "\n", "\x00", "ℯ", "×", "·"]


def _power_tower(parts: list[int]) -> str:
    return "^".join(str(p) for p in parts)


ATTACKS = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
    st.text(max_size=60),
    st.lists(st.integers(2, 99), min_size=2, max_size=6).map(_power_tower),  # 9^9^9^9
    st.builds(lambda n, bangs: f"{n}" + "!" * bangs, st.integers(0, 10**40), st.integers(1, 4)),
    st.builds(lambda a, b: f"{a}^({b}/2)", st.integers(2, 10**6), st.integers(1, 10**5)),
    st.builds(lambda f, depth: f + "(" * depth + "x" + ")" * depth, st.sampled_from(["exp", "sinh", "sqrt", "ln"]),
              st.integers(1, 70)),
    st.builds(lambda a, b: f"binomial({a}, {b})", st.integers(-10**9, 10**999), st.integers(-5, 10**4)),
    st.builds(lambda d, k: f"2x + 0(√(7e-{d}))^-{k}", st.integers(1, 999), st.integers(1, 9999)),
    st.builds(lambda inner: f"y^sqrt({inner}!!)", st.sampled_from(["sinh(exp(pi))", "exp(exp(3))", "10^999"])),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ATTACKS)
@example("sinhsinhsinh10")  # found by hypothesis: undecided, it reaches sympy's simplify and a new polynomial ring
def test_any_text_gets_a_verdict_runs_nothing_and_gets_it_again(text):
    verdict = guarded_check(text)
    assert verdict.verdict in ("correct", "incorrect", "invalid")
    assert guarded_check(text) == verdict


@settings(max_examples=200, deadline=None)
@given(ATTACKS, st.sampled_from(["expression", "number", "vector", "points", "equation", "label"]))
def test_reading_raises_nothing_but_input_errors(text, shape):
    events: list[str] = []
    _armed.append(events)
    try:
        read(text, shape, ("x", "y"))
    except InputError:
        pass
    finally:
        _armed.pop()
    assert events == []


@settings(max_examples=100, deadline=None)
# an equation in the variables checked with (one in z is the teacher's error, told as such: UnreadableExpected)
@given(ATTACKS, st.sampled_from(["(x, y)", "{(0, 0), (1, 1)}", "y = 2x + 1", "minimum", "1e400", "171!"]))
def test_every_shape_of_expected_answer_gets_a_verdict(text, expected):
    assert guarded_check(text, expected).verdict in ("correct", "incorrect", "invalid")


def test_the_hook_sees_what_running_student_text_would_do():
    events: list[str] = []
    _armed.append(events)
    try:
        eval(compile("6*x*y**3", "<student>", "eval"), {"x": 1, "y": 2})  # what the tutor never does
        sympy.sympify("6*x*y**3")  # nor this: it evaluates the string
    finally:
        _armed.pop()
    assert [event.split()[0] for event in events][:2] == ["compile", "exec"]
    assert any(event.startswith("compile") for event in events[2:])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ATTACKS)
def test_a_picture_of_any_function_samples_floats_or_says_why_not(text):
    """`tutor plot` reads the function a person typed, then samples it in floats: every sample is a
    float (NaN where there is no real value), or the picture is refused with a sentence."""
    try:
        f = function_of(text)
        values = sample.field(f, ("x", "y"), ((-2.0, 2.0), (-2.0, 2.0)), count=7)
    except SolveError:
        return
    assert all(isinstance(v, float) for row in values.values for v in row)


LOCAL_MINIMA = packs.load("gradients").exercise("local-minima-1d").variant()  # its own reader: braces, x = …
MINIMA_PIECES = st.lists(st.sampled_from(["x = ", "x=", "y = ", "{", "}", "-1.3008", "1.1309", "0.1699", ",", " ",
                                          "=", "x", "(", ")"]), max_size=14).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(ATTACKS, MINIMA_PIECES))
@example("x = , x = 1.1309")
def test_any_list_of_local_minima_gets_a_verdict(text):
    verdict = LOCAL_MINIMA.problem.check(text, LOCAL_MINIMA.tolerance)
    assert verdict.verdict in ("correct", "incorrect", "invalid")
    assert LOCAL_MINIMA.problem.check(text, LOCAL_MINIMA.tolerance) == verdict
