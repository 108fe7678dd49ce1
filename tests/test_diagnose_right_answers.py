"""A variant's table drops a candidate that equals the right answer, as the exercise's own check would
say; the shortcuts that spare that check must never keep one it would call right."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_table_cost import outcome
from tutor import packs
from tutor.check import check
from tutor.compare import sample_points
from tutor.diagnose import (
    _differs,
    _equals_right_answer,
    _parts,
    _printed_plainly,
    _reading,
    _right_parts,
    _RightAnswers,
    _scalar,
)
from tutor.evaluate import compile_expression, values_at
from tutor.misconceptions import WrongAnswer
from tutor.parse import InputError, Shape, read, symbol
from tutor.show import show
from tutor.topics import FieldError, candidates

X, Y, Z = symbol("x"), symbol("y"), symbol("z")
NUMBERS = st.sampled_from([sympy.Integer(0), sympy.Integer(1), sympy.Integer(-3), sympy.Integer(12),
                           sympy.Rational(5, 2), sympy.Rational(-1, 3), sympy.Float("0.25"), sympy.pi, sympy.E])
LEAVES = st.one_of(NUMBERS, st.sampled_from([X, Y, Z]))
ONE_ARGUMENT = [sympy.sin, sympy.cos, sympy.exp, sympy.log, sympy.sqrt, sympy.Abs, sympy.atan]


def _combined(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Add(*a)),
        st.lists(children, min_size=2, max_size=3).map(lambda a: sympy.Mul(*a)),
        st.tuples(children, st.sampled_from([2, 3, -1, -2, sympy.Rational(1, 2), X])).map(lambda a: a[0] ** a[1]),
        st.tuples(st.sampled_from(ONE_ARGUMENT), children).map(lambda a: a[0](a[1])),
        LEAVES.map(sympy.factorial),  # of a leaf only: sympy computes n! of a number drawn as 12^81 exactly, for ever
    )


SCALARS = st.recursive(LEAVES, _combined, max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(SCALARS, st.sampled_from([("x",), ("x", "y"), ("x", "y", "z")]), st.sampled_from([(), ("m", "b")]))
def test_a_scalar_printed_plainly_is_never_read_as_a_vector(expr, names, components):
    """What `_refuses_scalars` rests on: the text of any scalar `_printed_plainly` holds no comma, '=' or
    list bracket, and a vector read from it (of one component, or more, named or not) is refused."""
    if not _printed_plainly(expr):
        return
    text = show(expr, ("x", "y", "z"))
    assert not set(text) & set(",={[⟨"), text
    with pytest.raises(InputError):
        read(text, Shape.VECTOR, names, components=components)


def test_what_is_not_printed_plainly():
    assert not _printed_plainly(sympy.Max(X, Y))  # max(x, y): a comma
    assert not _printed_plainly(sympy.Integral(X, X))  # printed by str()
    assert not _printed_plainly(sympy.I * X)
    assert not _printed_plainly((X, Y))
    assert _printed_plainly(3 * X**2 * sympy.exp(-Y) + sympy.sqrt(X) - sympy.pi)


@settings(max_examples=300, deadline=None)
@given(NUMBERS, SCALARS, st.sampled_from([("x",), ("x", "y")]))
def test_a_constant_told_from_an_expression_by_its_values_is_called_wrong_by_the_check(constant, expr, names):
    """A constant compared with an expression's values at the sample points (either way round): where
    they show it differs, the check says so too."""
    if not expr.free_symbols or not {s.name for s in expr.free_symbols} <= set(names):
        return
    mine, theirs = _scalar(constant, names), _scalar(expr, names)
    if mine is None or theirs is None:
        return
    for answer, expected, parts, right in ((constant, expr, mine, theirs), (expr, constant, theirs, mine)):
        if _differs((parts,), (right,), None):
            verdict = check(show(answer, names), expected, variables=names, shape=Shape.EXPRESSION, isolated=False)
            assert not verdict.correct, (show(answer), show(expected))


def _variants(students: int) -> list:
    found = []
    for spec in packs.load("drills").exercises:
        for n in range(students):
            try:
                found.append(spec.variant(f"s{n:04d}").problem)
            except FieldError:
                continue
    return found


def test_the_drills_candidates_spared_the_check_are_ones_it_calls_wrong():
    """Every candidate of the drills pack's variants (three students) that the table no longer checks:
    a scalar offered where a vector is read, or one told from the right answer only by comparing a
    constant with an expression's values. The exercise's own check calls each of them wrong."""
    refused = told = 0
    for problem in _variants(3):
        tolerance = problem.default_tolerance()
        right = problem.expected()
        right_answers = _RightAnswers(problem, tolerance)
        for candidate in candidates(problem):
            if not isinstance(candidate, WrongAnswer):
                continue
            if right_answers.refuses_scalars and _printed_plainly(candidate.answer.value):
                refused += 1
                assert not right_answers(candidate)
                assert not _equals_right_answer(problem, candidate, tolerance), show(candidate.answer.value)
                continue
            names = _reading(problem, candidate)[1]
            parts, solved_for = _parts(candidate.answer, names)
            right_parts, right_solved_for = _right_parts(problem, right, candidate.answer.shape, names)
            if solved_for != right_solved_for or len(parts) != len(right_parts):
                continue
            mixed = any(m is not None and r is not None and m.points is not r.points
                        for m, r in zip(parts, right_parts))
            if mixed and _differs(parts, right_parts, tolerance):
                told += 1
                assert not _equals_right_answer(problem, candidate, tolerance), show(candidate.answer.value)
    assert refused > 200 and told > 50, (refused, told)  # 258 and 66 today


POINTS = st.lists(st.tuples(st.fractions(min_value=-4, max_value=4, max_denominator=5),
                            st.fractions(min_value=-4, max_value=4, max_denominator=5)), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(SCALARS, min_size=1, max_size=3), st.one_of(POINTS.map(tuple), st.just(tuple(sample_points(2)[:4]))))
def test_points_shared_by_many_evaluations_give_each_the_compiled_values(exprs, points):
    """values_at at one shared tuple of points (a table's sample points), again and again: each time
    the compiled expression's Evaluations and work units, the points' ratios taken once."""
    for expr in [*exprs, *exprs]:
        assert outcome(lambda e=expr: values_at(e, [X, Y], points)) == \
            outcome(lambda e=expr: compile_expression(e, [X, Y]).values(points))
