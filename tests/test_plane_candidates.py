"""The tangent-plane kind makes its wrong planes from numbers and polynomial terms (tutor/topics/
tangent_plane/misconceptions._Planes), not by sympy's expanding: every plane must be the very
tree sympy's expanding gives, since diagnosis prints candidates and compares them by their trees."""

from __future__ import annotations

import os
import subprocess
import sys

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.parse import Equation, symbol
from tutor.topics.tangent_plane.misconceptions import _Planes

X, Y, Z = symbol("x"), symbol("y"), symbol("z")

RATIONALS = st.fractions(min_value=-30, max_value=30, max_denominator=6).map(sympy.Rational)
POLYNOMIALS = st.lists(st.tuples(RATIONALS, st.integers(0, 3), st.integers(0, 3)), max_size=3).map(
    lambda terms: sympy.Add(*(c * X**i * Y**j for c, i, j in terms)))
OTHERS = st.sampled_from([sympy.sqrt(2), sympy.pi, sympy.exp(X * Y), Y * sympy.cos(X), X / (Y + 1), sympy.Float(0.5)])
SLOPES = st.one_of(RATIONALS, POLYNOMIALS, OTHERS)
FORMS = st.sampled_from(["plane", "normal", "x-only", "y-only"])


def _by_sympy(value, slopes, offsets, form):
    """The plane as the kind made it before: value ± Σ slopeᵢ·(vᵢ + offsetᵢ), multiplied out by sympy."""
    terms = [s * (v + o) for s, v, o in zip(slopes, (X, Y), offsets)]
    terms = terms[:1] if form == "x-only" else terms[1:] if form == "y-only" else terms
    rest = sympy.Add(*terms)
    return Equation(Z, sympy.expand(value - rest if form == "normal" else value + rest))


@settings(max_examples=300, deadline=None)
@given(st.one_of(RATIONALS, OTHERS), st.tuples(SLOPES, SLOPES), st.tuples(st.one_of(RATIONALS, OTHERS), RATIONALS),
       FORMS)
def test_a_plane_is_the_tree_sympys_expanding_gives(value, slopes, offsets, form):
    planes = _Planes((X, Y))
    made = planes.plane(value, slopes, offsets, form)
    assert sympy.srepr(made.rhs) == sympy.srepr(_by_sympy(value, slopes, offsets, form).rhs)
    assert planes.plane(value, slopes, offsets, form) == made  # made again from the same pieces: the same


def test_the_same_plane_from_other_pieces_is_one_object():
    """z = 4x + 2y − 9 from the value 3 with slopes 4, 2 at (2, 1), and from the value 1 at (2, 0)."""
    planes = _Planes((X, Y))
    four, two = sympy.Integer(4), sympy.Integer(2)
    first = planes.plane(sympy.Integer(1), (four, two), (sympy.Integer(-2), sympy.Integer(-1)), "plane")
    second = planes.plane(sympy.Integer(-1), (four, two), (sympy.Integer(-2), sympy.Integer(0)), "plane")
    assert first is second
    assert first == Equation(Z, 4 * X + 2 * Y - 9)


def test_the_power_a_negative_base_slip_names_does_not_depend_on_string_hashing():
    """2x² + 3y² at (−1, −3): both squares are of negative numbers; the sentence names x², in any process."""
    code = ("import sympy; from tutor.misconceptions.points import evaluation_slips; from tutor.parse import symbol; "
            "x, y = symbol('x'), symbol('y'); "
            "print([s.sentence for s, _ in evaluation_slips(2*x**2 + 3*y**2, ('x', 'y'), "
            "(sympy.Integer(-1), sympy.Integer(-3)))][0])")
    said = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(6)}
    assert said == {"It looks like you took x² at x = -1 and y = -3 as -1. A negative number to an even power "
                    "is positive: (-1)² = 1.\n"}
