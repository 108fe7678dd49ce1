"""The one table of maths functions: every name reads, evaluates and prints, and every enclosure encloses."""

from __future__ import annotations

import contextlib
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import iv, mp

from tutor import read, show
from tutor.evaluate import compile_expression
from tutor.functions import (
    BY_NAME,
    BY_SYMPY,
    FUNCTIONS,
    TooLarge,
    Uncertain,
    Undefined,
    interval,
    lower,
    upper,
)
from tutor.parse import InputError, symbol

X = symbol("x")
ONE_ARGUMENT = [f for f in FUNCTIONS if f.arity == (1,)]
COMPUTED = [f for f in ONE_ARGUMENT if f.real is not None]


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_every_name_in_the_table_reads_evaluates_and_prints(name):
    row = BY_NAME[name]
    text = f"{name}(x)" if 1 in row.arity else f"{name}(x, 2)"
    value = read(text, variables=("x",)).value
    compile_expression(value, [X])  # the evaluator knows everything the parser builds
    shown = show(value, ("x",))
    assert read(shown, variables=("x",)).value == value, f"{shown!r} reads back"


@pytest.mark.parametrize("function", COMPUTED, ids=lambda f: f.name)
def test_each_computed_function_is_printed_and_evaluated_through_its_own_row(function):
    value = read(f"{function.name}(x)", variables=("x",)).value
    assert BY_SYMPY[type(value)] is function or value.func is not function.sympy


@pytest.mark.parametrize("function", COMPUTED, ids=lambda f: f.name)
@settings(max_examples=40, deadline=None, derandomize=True)
@given(numerator=st.integers(-2000, 2000), denominator=st.integers(1, 200), prec=st.sampled_from([53, 128, 300]))
def test_an_enclosure_holds_the_true_value(function, numerator, denominator, prec):
    """At a rational point, the interval at `prec` bits holds the value computed with 600 bits."""
    x = Fraction(numerator, denominator)
    exact = None
    with contextlib.suppress(Undefined):
        exact = function.exact(x)
    try:
        with mp.workprec(600):
            truth = function.real(mpmath.mpf(x.numerator) / x.denominator)
    except Undefined:
        truth = None
    saved, iv.prec = iv.prec, prec
    try:
        enclosure = function.enclose(interval(x))
    except (Undefined, Uncertain, TooLarge) as refused:
        assert truth is None or isinstance(refused, (Uncertain, TooLarge)), f"{function.name}({x}) = {truth}"
        return
    finally:
        iv.prec = saved
    assert truth is not None, f"{function.name}({x}) has no real value, but was enclosed in {enclosure}"
    with mp.workprec(600):
        if isinstance(enclosure, Fraction) or exact is not None:
            value = enclosure if isinstance(enclosure, Fraction) else exact
            assert abs(mpmath.mpf(value.numerator) / value.denominator - truth) <= abs(truth) * mpmath.mpf(2) ** -500
            return
    assert lower(enclosure) <= truth <= upper(enclosure), f"{function.name}({x}): {truth} not in {enclosure}"


def test_the_inverse_of_each_function_is_in_the_table():
    for function in FUNCTIONS:
        if function.inverse:
            assert BY_NAME[function.inverse].inverse is None


@pytest.mark.parametrize("typed, unicode, latex", [
    ("arcsec x", "asec(x)", r"\operatorname{arcsec}\left(x\right)"),
    ("acot x", "acot(x)", r"\operatorname{arccot}\left(x\right)"),
    ("arcsin x", "asin(x)", r"\arcsin\left(x\right)"),
    ("log x", "ln(x)", r"\ln\left(x\right)"),
    ("lambertw(x)", "W(x)", r"\operatorname{W}\left(x\right)"),
    ("max(x, 2, y)", "max(2, x, y)", r"\max\left(2, x, y\right)"),
    ("min(x, y)", "min(x, y)", r"\min\left(x, y\right)"),
    ("floor(x/2)", "floor(x/2)", r"\left\lfloor \frac{x}{2}\right\rfloor"),
    ("ceiling(x)", "ceil(x)", r"\left\lceil x\right\rceil"),
    ("nthroot(x, 3)", "x^(1/3)", r"x^{\frac{1}{3}}"),
])
def test_names_in_unicode_and_latex(typed, unicode, latex):
    value = read(typed, variables=("x", "y")).value
    assert (show(value, ("x", "y")), show(value, ("x", "y"), latex=True)) == (unicode, latex)
    assert read(show(value, ("x", "y")), variables=("x", "y")).value == value


@pytest.mark.parametrize("typed, value", [
    ("floor(e^100)", "26881171418161354484126255515800135873611118"),  # in doubles it would end in ...686976
    ("ceil(-pi)", "-3"),
    ("max(sin(1), 0.8)", "sin(1)"),
    ("min(sqrt(2), 7/5, pi)", "7/5"),
    ("max(sqrt(2), sqrt(2))", "sqrt(2)"),
])
def test_max_min_floor_ceil_of_numbers_are_settled_when_read(typed, value):
    assert read(typed).value == read(value).value


@pytest.mark.parametrize("typed, message", [
    ("floor(tanh(2000))", "The numbers are too close to tell which whole number this is; write it more simply"),
    ("max(1)", "'max' takes 2 to 10 argument(s)"),
    ("min(1,2,3,4,5,6,7,8,9,10,11)", "'min' takes 2 to 10 argument(s)"),
])
def test_max_min_floor_ceil_that_cannot_be_settled_are_refused_with_a_sentence(typed, message):
    with pytest.raises(InputError) as error:
        read(typed)
    assert error.value.message.rstrip(".").lower() == message.lower() and error.value.column == 0


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(1, 9)), min_size=2, max_size=4),
       st.sampled_from(["max", "min"]))
def test_an_enclosure_of_max_and_min_holds_the_true_value(fractions, name):
    row = BY_NAME[name]
    values = [Fraction(n, d) for n, d in fractions]
    saved, iv.prec = iv.prec, 53
    try:
        enclosure = row.enclose(*(interval(v) for v in values))
    finally:
        iv.prec = saved
    truth = (max if name == "max" else min)(values)
    assert lower(enclosure) <= mpmath.mpf(truth.numerator) / truth.denominator <= upper(enclosure)


Y = symbol("y")
DRAWN = [X**2 * Y - 3 * X + sympy.Rational(1, 7), sympy.sqrt(X) * Y, sympy.log(X * Y), sympy.exp(X) - 1 / X,
         (X - 1) ** sympy.Rational(1, 3), (X - 1) ** sympy.Rational(2, 3) * Y, sympy.sin(X) / Y,
         sympy.Abs(X - Y) ** sympy.Rational(3, 2), X**Y, sympy.atan(X) + sympy.cosh(Y), sympy.acos(X / 4),
         sympy.Max(X, Y) - sympy.floor(X * Y), 0.25 * X**3 - sympy.pi * Y, sympy.E**(X * Y) / (X**2 + Y**2)]
DYADIC = st.integers(-64, 64).map(lambda n: n / 8)  # floats that are exact: the two ways meet the same point


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(DRAWN), DYADIC, DYADIC)
def test_a_picture_samples_in_floats_what_the_exact_value_rounds_to(f, x, y):
    """Compiled.approximate (pictures) has the real semantics of the exact evaluation: no value where
    it has none, and otherwise its value to about 1e-12."""
    compiled = compile_expression(f, [X, Y])
    try:
        exact = float(compiled([Fraction(x), Fraction(y)]).value)
    except (Undefined, OverflowError):
        exact = None
    try:
        approximate = compiled.approximate([x, y])
    except Undefined:
        approximate = None
    if exact is None or approximate is None:
        assert exact == approximate, f"{f} at ({x}, {y})"
    else:
        assert approximate == pytest.approx(exact, rel=1e-12, abs=1e-12), f"{f} at ({x}, {y})"
