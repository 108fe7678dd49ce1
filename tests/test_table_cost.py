"""Shortcuts in building a variant's table of candidates (tutor.diagnose, tutor.evaluate, the kinds'
candidates) that must give exactly what the long way gives: the same numbers, so the same entries,
verdicts and messages."""

from __future__ import annotations

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.cache import clear_cache

from tutor.evaluate import Undefined, compile_expression
from tutor.parse import symbol

X, Y = symbol("x"), symbol("y")

SMALL = st.fractions(min_value=-3, max_value=3, max_denominator=8)
EXPRESSIONS = [X**2 * Y - 3 * X + sympy.Rational(1, 2), sympy.sqrt(X - 1) + Y, 1 / X + sympy.log(Y),
               sympy.sin(X) * sympy.exp(Y) + sympy.pi, X ** sympy.Rational(2, 3) - Y**3, sympy.Abs(X - Y) / (X + 2)]


@settings(max_examples=200, deadline=2000)
@given(st.sampled_from(EXPRESSIONS), st.lists(st.tuples(SMALL, SMALL), min_size=1, max_size=5))
def test_values_at_several_points_are_each_points_value(expr, points):
    """Compiled.values (one precision setting for all the points, used by the diagnosis table) gives
    at each point what calling it there gives, None where that is Undefined; compiled with symbols
    other than the tree's own (equal, not the same objects), the values are the same."""
    f = compile_expression(expr, [X, Y])
    expected = []
    for point in points:
        try:
            value = f(point)
            expected.append((value.value, value.scale))
        except Undefined:
            expected.append(None)
    got = [None if v is None else (v.value, v.scale) for v in f.values(points)]
    assert got == expected
    clear_cache()  # sympy's Symbol is cached: emptied, the same names give other objects
    twins = [sympy.Symbol("x", real=True), sympy.Symbol("y", real=True)]
    assert twins == [X, Y] and twins[0] is not X
    again = [None if v is None else (v.value, v.scale) for v in compile_expression(expr, twins).values(points)]
    assert again == expected
