"""Equivalence that cannot be fooled: property tests on right answers from the lesson's kinds.

Every adversarial family of tests/adversarial.py, added to a random right answer,
is judged not correct (incorrect, or `undecided`, never correct); every equal
rewrite is judged correct. benchmarks/bench_adversarial.py gives the rates on
150 answers per family.
"""

from __future__ import annotations

import random
import re

import mpmath
import pytest
import sympy
from adversarial import FAMILIES, REWRITES, VARIABLES, Family, X, Y, right_answer, text
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tutor import check, packs
from tutor.feedback import respond

MAGIC = "sqrt(10^90+1)-10^45"

_SETTINGS = settings(max_examples=6, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow])


def _undefined_at_origin(expected: str) -> bool:
    value = sympy.sympify(expected, locals={"x": X, "y": Y}).subs({X: 0, Y: 0})  # the test's own text
    return value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def _pair(family: Family, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    expected = text(right_answer(rng))
    return family.change(expected, rng), expected


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name[:40])
@_SETTINGS
@given(seed=st.integers(0, 10**9))
def test_an_adversarial_answer_is_never_correct(family, seed):
    answer, expected = _pair(family, seed)
    # 1 − sign(x² + y²) differs from 0 at the origin alone: added to a right answer with no value there
    # (3eˣ − 3/x), the two are equal wherever both have a value, which is what equivalence.md promises
    assume(not (family.name.startswith("1 − sign") and _undefined_at_origin(expected)))
    verdict = check(answer, expected, variables=VARIABLES)
    assert not verdict.correct, f"{answer!r} was accepted for {expected!r}"
    # refused as too large to read (a root of 5 + 2√(6 + 10^-5000)) is not accepted either; never timed out
    assert verdict.verdict == "incorrect" or verdict.note == "too_large", verdict
    assert verdict.note != "timeout", verdict


@pytest.mark.parametrize("family", REWRITES, ids=lambda f: f.name[:40])
@_SETTINGS
@given(seed=st.integers(0, 10**9))
def test_an_equal_rewrite_is_correct(family, seed):
    answer, expected = _pair(family, seed)
    verdict = check(answer, expected, variables=VARIABLES)
    assert verdict.correct, f"{answer!r} ~ {expected!r}: {verdict}"


def test_the_magic_answer_of_issue_11_is_wrong():
    verdict = check(MAGIC, "2*x")
    assert (verdict.verdict, verdict.note) == ("incorrect", "differs_at")
    assert verdict.message.startswith("At x = 1 your answer is 5e-46, but the correct value is 2.")


def test_no_exercise_of_the_lesson_accepts_the_magic_answer():
    lesson = packs.load("gradients")
    for spec in lesson.exercises:
        exercise = spec.variant()
        for answer in (MAGIC, f"({MAGIC}, {MAGIC})", f"{{({MAGIC}, {MAGIC})}}", f"z = {MAGIC}"):
            assert not respond(exercise, answer).correct, (spec.id, answer)


@pytest.mark.parametrize("answer, expected", [
    ("abs(x+10)-10", "abs(x+11)-11"),  # the external suites' blind spot: the kink at -10
    ("abs(x+1000)-1000", "abs(x+1001)-1001"),
    ("x + 10^-1000", "x"),
    ("x + 10^-300 sin(x)", "x"),
    ("sin(x) + exp(-5000)", "sin(x)"),  # 2^-7213: within the precision the point may use
    ("2x + tanh(100) - 1", "2x"),  # 2.8·10^-87, hidden in a value of about 1 (the blind corpus's case)
    ("2x + coth(300) - 1", "2x"),
    ("2x + cos(exp(-1000)) - 1", "2x"),  # a tiny argument of a function level at 0
    ("2x + 2^(exp(-1000)) - 1", "2x"),  # a tiny exponent
    ("2x + atan(exp(1000)) - pi/2", "2x"),  # π/2 − atan t ≈ 1/t
])
def test_tiny_or_hidden_differences_are_differences(answer, expected):
    verdict = check(answer, expected, variables=["x"])
    assert (verdict.verdict, verdict.note) == ("incorrect", "differs_at"), verdict


# exp(-100000) is refused as e^-100000 is, its exponent past the limit: sin(x)/cosh(10^5) is as small
@pytest.mark.parametrize("answer", ["x + sin(x)/cosh(10^5)", "x + tanh(10^5) - 1"])
def test_a_difference_beyond_any_precision_is_undecided_and_flagged(answer):
    verdict = check(answer, "x", variables=["x"])
    assert (verdict.verdict, verdict.note) == ("incorrect", "undecided")
    assert verdict.message == ("Your answer could not be checked with certainty, so it is not marked correct; "
                               "it is flagged for your teacher to look at.")


@pytest.mark.parametrize("answer, expected, variables", [
    ("ln(x y)", "ln x + ln y", "xy"),  # equal where both are defined (x, y > 0)
    ("sqrt(k/m) sqrt(m/k)", "1", "km"),
    ("asinh(x)", "ln(x + sqrt(x^2 + 1))", "x"),
    ("1/(1+exp(-2x))", "tanh(x)/2 + 1/2", "x"),
])
def test_identities_sympy_cannot_prove_are_shown_with_rigorous_bounds(answer, expected, variables):
    verdict = check(answer, expected, variables=list(variables))
    assert verdict.correct and verdict.note in {"equal", "numeric"}, verdict


# maps one-to-one on the reals (eᵗ, 2ᵗ, t³, ∛t, t^(3/5)), and ln t, one-to-one only where t > 0
_ONE_TO_ONE = ("e^({})", "2^({})", "({})^3", "cbrt({})", "({})^(3/5)")
_EQUATION_FORMS = (*((form, form) for form in _ONE_TO_ONE), ("ln({})", "ln({})"),
                   ("({}) (x^2 + 1)", "({}) (x^2 + 1)"), ("({}) e^(-x)", "({}) e^(-x)"))


def _line(slope: int, intercept: int) -> str:
    return f"({slope})x + ({intercept})"


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(form=st.sampled_from(_EQUATION_FORMS), slope=st.integers(-4, 4), intercept=st.integers(-4, 4),
       change=st.tuples(st.integers(-2, 2), st.integers(-2, 2)))
def test_an_equation_that_differs_at_a_real_point_is_refused_under_any_map(form, slope, intercept, change):
    """y = ax + b and f(y) = f(a'x + b'), f one-to-one or times a factor with a sign, other line: they differ
    wherever the lines part. ln(y) = ln(ax + b), the same line, differs where ax + b ≤ 0 (a ≠ 0)."""
    left, right = form
    moved = _line(slope + change[0], intercept + change[1])
    if form[0].startswith("ln"):
        assume(slope != 0)
        moved = _line(slope, intercept)
    else:
        assume(change != (0, 0))
    answer = f"{left.format('y')} = {right.format(moved)}"
    verdict = check(answer, f"y = {_line(slope, intercept)}", variables=["x", "y"])
    assert not verdict.correct, f"{answer!r} was accepted for y = {_line(slope, intercept)}"


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(form=st.sampled_from(_ONE_TO_ONE), slope=st.integers(-4, 4), intercept=st.integers(-4, 4))
def test_an_equation_under_a_one_to_one_map_is_the_same(form, slope, intercept):
    answer = f"{form.format('y')} = {form.format(_line(slope, intercept))}"
    verdict = check(answer, f"y = {_line(slope, intercept)}", variables=["x", "y"])
    assert verdict.correct, f"{answer!r}: {verdict}"


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(k=st.integers(1, 5), change=st.integers(-2, 2))
def test_an_equation_in_one_variable_times_a_positive_factor_keeps_its_solution(k, change):
    # x eˣ = k holds at W(k) only; x = (k + d)e⁻ˣ at W(k + d)
    verdict = check(f"x = {k + change} e^(-x)", f"x e^x = {k}", variables=["x"])
    assert verdict.correct == (change == 0), verdict


_SIDES = ("e^x", "e^(-x)", "ln(x)", "sin(x)", "cos(x)", "x", "x^2", "1/x", "2", "1/2", "x + 1", "2 sin(x)", "x cos(x)")
_MP = {"e": sympy.E, "ln": sympy.log, "W": sympy.LambertW}


def _difference(equation: str) -> sympy.Expr:
    lhs, rhs = (sympy.sympify(side.strip().replace("^", "**").replace(" sin", "*sin").replace(" cos", "*cos"),
                              locals={"x": X, **_MP}) for side in equation.split("="))  # the test's own text
    return lhs - rhs


def _at(difference: sympy.Expr, value: mpmath.mpf) -> mpmath.mpf | None:
    with mpmath.workdps(50):
        found = difference.evalf(50, subs={X: sympy.Float(value, 50)})
    return mpmath.mpf(str(found)) if found.is_real and found.is_finite else None


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(sides=st.lists(st.sampled_from(_SIDES), min_size=4, max_size=4, unique=True))
def test_a_point_or_an_interval_named_between_two_equations_is_where_one_holds_and_the_other_not(sides):
    """Where a message names an interval (or a point) where one equation in one variable holds and the other does
    not, mpmath at 50 digits agrees: the one named changes sign across it, the other is not 0 inside it."""
    answer, expected = f"{sides[0]} = {sides[1]}", f"{sides[2]} = {sides[3]}"
    verdict = check(answer, expected, variables=["x"])
    found = re.fullmatch(r"(Your|The correct) equation holds (?:somewhere between x = (\S+) and x = (\S+)|at x = "
                         r"(-?[0-9/]+)), but (?:the correct one|yours) does not(: your (left|right) side has no value "
                         r"there|: its (left|right) side has no value there)?\.", verdict.message)
    assume(found is not None)
    holds, other = (answer, expected) if found[1] == "Your" else (expected, answer)
    mine, theirs = _difference(holds), _difference(other)
    if found[4] is not None:  # an exact point
        value = mpmath.mpf(sympy.Rational(found[4]))
        assert _at(mine, value) is not None and abs(_at(mine, value)) < mpmath.mpf(10) ** -40, verdict
        there = _at(theirs, value)
        assert there is None or abs(there) > mpmath.mpf(10) ** -20, verdict
        return
    low, high = mpmath.mpf(found[2]), mpmath.mpf(found[3])
    ends = _at(mine, low), _at(mine, high)
    assert None not in ends and ends[0] * ends[1] < 0, verdict
    inside = [_at(theirs, low + (high - low) * k / 40) for k in range(41)]
    valueless = all(v is None for v in inside)
    if found[5] is None:  # certainly not 0 there: one sign all along (or, as an equation a map was taken off, none)
        assert valueless or None not in inside and (all(v > 0 for v in inside) or all(v < 0 for v in inside)), verdict
    else:  # no value all along
        assert valueless, verdict
