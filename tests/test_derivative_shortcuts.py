"""Shortcuts in building the derivative family's candidates that must give exactly what the long way
gives: two derivatives are told apart by their values exactly where sympy's algebra tells them apart,
a wrong derivative's values summed from its terms' (tutor.misconceptions.Known) are the very values a
diagnosis table's own evaluation gives it (and its fingerprint's values at the two probes are the
evaluated ones), and a slip that reaches no term has no places."""

from __future__ import annotations

from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.diagnose import _known_values, _scalar
from tutor.misconceptions import Componentwise, WrongAnswer
from tutor.misconceptions import differentiate as d
from tutor.misconceptions.derivatives import (
    _evaluated,
    _keys,
    _run,
    differ,
    fingerprint,
    offered_alone,
    wrong_derivatives,
)
from tutor.parse import symbol
from tutor.topics import candidates

X, Y = symbol("x"), symbol("y")
NAMES = ("x", "y")

COEFFICIENTS = st.one_of(st.integers(-9, 9), st.fractions(min_value=-5, max_value=5, max_denominator=6))
MONOMIALS = st.tuples(COEFFICIENTS, st.integers(0, 4), st.integers(0, 4)).map(
    lambda t: sympy.Rational(t[0]) * X ** t[1] * Y ** t[2])
OTHER_TERMS = st.sampled_from([sympy.exp(3 * Y) * X, sympy.log(X), (X - 2 * Y) ** 3, X / (Y + 1), sympy.sin(X * Y),
                               3 * (X**2 + Y) ** 2, sympy.Integer(7), X ** -2])


def table_values(expr: sympy.Expr, names: tuple[str, ...]) -> tuple | None:
    found = _scalar(expr, names)
    return None if found is None else (found.points, tuple(None if v is None else v.value for v in found.values))


def carried(known: object, names: tuple[str, ...]) -> tuple | None:
    found = _known_values(known, names)  # type: ignore[arg-type]
    return None if found is None else (found.points, tuple(v.value for v in found.values))


def assert_as_evaluated(wrong: list, names: tuple[str, ...]) -> int:
    """Each carried value is the evaluated one, at the same shared points; the number carried."""
    count = 0
    for w in wrong:
        assert fingerprint(w.derivative, names) == _evaluated(w.derivative, names)[:2]
        mine = carried(w.known, names)
        if mine is not None:
            assert mine == table_values(w.derivative, names), (w.misconception, w.derivative)
            assert mine[0] is table_values(w.derivative, names)[0]  # the table files by the points' identity
            assert all(type(v) is Fraction for v in mine[1])
            count += 1
    return count


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(MONOMIALS, MONOMIALS, OTHER_TERMS), min_size=1, max_size=4), st.sampled_from(NAMES))
def test_carried_values_are_the_evaluated_ones(terms, wrt):
    """For polynomials and for functions with exponentials, logs, quotients and powers of sums: where
    a wrong derivative carries values, they are the table's own (and a number carries none)."""
    f = sympy.Add(*terms)
    assert_as_evaluated(wrong_derivatives(f, wrt, NAMES), NAMES)


def test_a_number_carries_no_values():
    """A table evaluates a number once, at no point: a derivative that is a number carries none."""
    wrong = wrong_derivatives(3 * X + Y, "x", NAMES)
    numbers = [w for w in wrong if not w.derivative.free_symbols]
    assert numbers and all(w.known is None for w in numbers)


def test_the_drills_candidates_carry_the_evaluated_values():
    """Every carried value of the built-in drills' derivative, partial-derivative, gradient and fixed-variable
    candidates (Componentwise options included) is the evaluated one; most polynomials' carry them."""
    carried_count = total = 0
    for spec in packs.load("drills").exercises:
        if not spec.id.startswith(("d-", "pd-", "g-", "fix-")):
            continue
        for student in ("s0001", "s0002", "s0003", "s0004"):
            problem = spec.variant(student).problem
            names = tuple(problem.answer_variables)
            for candidate in candidates(problem):
                if isinstance(candidate, WrongAnswer):
                    pairs = [(candidate.known, candidate.answer.value, candidate.variables or names)]
                elif isinstance(candidate, Componentwise):
                    pairs = [(o.known, o.value, candidate.variables or names) for c in candidate.options for o in c]
                else:
                    continue
                for known, value, read in pairs:
                    if not isinstance(value, sympy.Expr):
                        continue
                    total += 1
                    mine = carried(known, tuple(read))
                    if mine is not None:
                        carried_count += 1
                        assert mine == table_values(value, tuple(read)), (spec.id, student, value)
    assert carried_count > total / 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(MONOMIALS, OTHER_TERMS, OTHER_TERMS), min_size=1, max_size=4), st.sampled_from(NAMES))
def test_a_slip_that_reaches_no_term_has_no_places(terms, wrt):
    """The places of each slip (everywhere) are those its own derivation records (each a candidate of its
    own), also where the derivation is skipped because differentiate.reaches says it reaches no term."""
    f = d.rebuild(sympy.Add(*terms))
    v, held = symbol(wrt), tuple(symbol(n) for n in NAMES if n != wrt)
    for slip in d.Slip:
        if slip not in d.ONE_AT_A_TIME:
            _, sites = _run(f, v, ((slip, None),), held, NAMES)
            assert _keys(f, v, slip, held, NAMES) == [key for key in dict.fromkeys(s.key for s in sites if s.slip == slip)
                                                      if offered_alone(slip, key)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(MONOMIALS, OTHER_TERMS), min_size=1, max_size=3),
       st.lists(st.one_of(MONOMIALS, OTHER_TERMS), min_size=1, max_size=3), st.booleans())
def test_derivatives_differ_exactly_when_sympys_algebra_says_so(first, second, rewritten):
    a = sympy.Add(*first)
    b = sympy.expand(a) if rewritten else sympy.Add(*second)  # the same function written otherwise, or another
    assert differ(a, b, NAMES) == (sympy.expand(a - b) != 0)
