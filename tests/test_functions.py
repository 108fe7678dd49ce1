"""The one table of maths functions: every name reads, evaluates and prints, and every enclosure encloses."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
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
from tutor.parse import symbol

X = symbol("x")
ONE_ARGUMENT = [f for f in FUNCTIONS if f.arity == (1,)]
COMPUTED = [f for f in ONE_ARGUMENT if f.real is not None]


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_every_name_in_the_table_reads_evaluates_and_prints(name):
    row = BY_NAME[name]
    text = f"{name}(x, 2)" if row.arity == (2,) else f"{name}(x)"
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
    try:
        exact = function.exact(x)
    except Undefined:
        pass
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
])
def test_names_in_unicode_and_latex(typed, unicode, latex):
    value = read(typed, variables=("x",)).value
    assert (show(value, ("x",)), show(value, ("x",), latex=True)) == (unicode, latex)
