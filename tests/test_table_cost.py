"""Shortcuts in building a variant's table of candidates (tutor.diagnose, tutor.evaluate, the kinds'
candidates) that must give exactly what the long way gives: the same numbers, so the same entries,
verdicts and messages."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import mpmath
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.cache import clear_cache

from tutor import evaluate, packs
from tutor.budget import spent
from tutor.calculus.cost import B, M
from tutor.compare import sample_points
from tutor.diagnose import _affine_coefficients, _curved, _has_free_symbols, _split
from tutor.evaluate import (
    PRECISION,
    TOLERANCE,
    Evaluation,
    Undefined,
    Unsupported,
    _polynomial_values,
    agree,
    compile_expression,
    to_mpf,
    values_at,
)
from tutor.parse import symbol
from tutor.topics import candidates
from tutor.topics.cost.misconceptions import _rational_slope, slope_at

X, Y = symbol("x"), symbol("y")

RATIONALS = st.fractions(min_value=-20, max_value=20, max_denominator=12).map(sympy.Rational)
NUMBERS = st.one_of(RATIONALS, st.floats(-20, 20, allow_nan=False).map(lambda v: sympy.Float(round(v, 3))))
MONOMIALS = st.tuples(NUMBERS, st.integers(0, 3), st.integers(0, 3)).map(lambda t: t[0] * M ** t[1] * B ** t[2])


def the_long_way(cost: sympy.Expr, at: tuple) -> tuple:
    return tuple(sympy.diff(cost, v).xreplace({M: at[0], B: at[1]}) for v in (M, B))


def same_trees(a: tuple, b: tuple) -> bool:
    return a == b and all(sympy.srepr(p) == sympy.srepr(q) for p, q in zip(a, b))


@settings(max_examples=120, deadline=None)
@given(st.lists(MONOMIALS, min_size=1, max_size=8), st.sampled_from([1, 2, 6, 10]),
       st.booleans(), st.tuples(NUMBERS, NUMBERS))
def test_a_wrong_costs_slope_is_sympys(terms, scale, squared, at):
    """A wrong cost's gradient at the step's start, read off its terms, is the very tree sympy's diff
    gives: for sums of c·mⁱbʲ with rational numbers (the shortcut) and otherwise (floats, an
    unexpanded square: the long way)."""
    cost = sympy.Add(*terms)
    cost = (cost**2 if squared else cost) / scale
    assert same_trees(slope_at(cost, at), the_long_way(cost, at))


def test_every_step_candidates_slope_is_sympys():
    """The built-in packs' cost steps: each wrong cost's slope the same tree as sympy's, most by the shortcut."""
    compared = 0
    for spec in packs.load("drills").exercises:
        if not spec.id.startswith("cost-"):
            continue
        for student in ("s0001", "s0002", "s0003"):
            problem = spec.variant(student).problem
            step = getattr(problem, "step", None)
            if step is None:
                continue
            for cost in (problem.cost.function, sympy.expand(problem.cost.function) / 3):
                assert same_trees(slope_at(cost, step.start), the_long_way(cost, step.start))
                compared += 1
            assert _rational_slope(sympy.expand(problem.cost.function) / 3, step.start) is not None  # the shortcut
    assert compared >= 2


SMALL = st.fractions(min_value=-3, max_value=3, max_denominator=8)
EXPRESSIONS = [X**2 * Y - 3 * X + sympy.Rational(1, 2), sympy.sqrt(X - 1) + Y, 1 / X + sympy.log(Y),
               sympy.sin(X) * sympy.exp(Y) + sympy.pi, X ** sympy.Rational(2, 3) - Y**3, sympy.Abs(X - Y) / (X + 2)]


@settings(max_examples=80, deadline=None)
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


LEAVES = st.one_of(st.sampled_from([X, Y, sympy.Integer(0), sympy.Integer(1), sympy.Integer(-3), sympy.pi,
                                    sympy.Float("0.5")]),
                   st.fractions(min_value=-50, max_value=50, max_denominator=30).map(sympy.Rational))
TREES = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, min_size=2, max_size=4).map(lambda args: sympy.Add(*args)),
    st.lists(inner, min_size=2, max_size=3).map(lambda args: sympy.Mul(*args)),
    st.tuples(inner, st.integers(-3, 5)).map(lambda t: sympy.Pow(t[0], t[1])),
    inner.map(sympy.sin)), max_leaves=12)
POINTS = st.lists(st.tuples(st.fractions(min_value=-4, max_value=4, max_denominator=5),
                            st.fractions(min_value=-4, max_value=4, max_denominator=5)), min_size=1, max_size=5)


def outcome(values: Callable[[], tuple]) -> tuple[object, int]:
    """The values (each with its type and scale) or the error, and the work units spent."""
    before = spent()
    try:
        found: object = [None if v is None else (v.value, type(v.value), v.scale) for v in values()]
    except (Unsupported, TypeError) as error:
        found = type(error)
    return found, spent() - before


@settings(max_examples=150, deadline=None)
@given(TREES, st.one_of(POINTS, st.just(list(sample_points(2)[:4]))))
def test_a_polynomials_values_are_the_compiled_ones(expr, points):
    """values_at (a polynomial with rational coefficients evaluated in one walk of its tree) gives the
    very Evaluations, None where there is no value (0⁻¹), and spends the very work units that the
    compiled expression gives at each point; trees with π, decimals or sin go the compiled way."""
    assert outcome(lambda: values_at(expr, [X, Y], points)) == \
        outcome(lambda: compile_expression(expr, [X, Y]).values(points))


SHARED = [sympy.sin(3 * X), 2 * sympy.exp(Y), sympy.sqrt(X**2 + 1), sympy.cos(X) - sympy.pi * sympy.sin(X),
          sympy.log(Y) * X, X ** sympy.Rational(1, 3), sympy.exp(X) + sympy.exp(-X), sympy.Float("0.5") * sympy.sin(X)]
SHARING = st.recursive(st.one_of(LEAVES, st.sampled_from(SHARED)), lambda inner: st.one_of(
    st.lists(inner, min_size=2, max_size=4).map(lambda args: sympy.Add(*args)),
    st.lists(inner, min_size=2, max_size=3).map(lambda args: sympy.Mul(*args)),
    st.tuples(inner, st.integers(-2, 3)).map(lambda t: sympy.Pow(t[0], t[1])),
    inner.map(sympy.cos)), max_leaves=8)


@settings(max_examples=120, deadline=None)
@given(st.lists(SHARING, min_size=2, max_size=6), st.one_of(POINTS, POINTS.map(tuple),
                                                             st.just(tuple(sample_points(2)[:4]))),
       st.sampled_from([3, evaluate._MAX_SHARED]))
def test_shared_subtrees_give_the_compiled_values(exprs, points, kept):
    """values_at computes a transcendental subtree once at each point for every tree that holds it
    (sin(3x) in many wrong answers), and walks a polynomial subtree once at a shared tuple of points
    (a term of many wrong answers): each tree's Evaluations (values, types, scales: the largest
    inexact sum met inside a shared subtree counts) and work units are those the unshared compiled
    expression gives, whether its subtrees' values are computed, remembered, or forgotten (when few
    are kept) on the way."""
    saved = evaluate._MAX_SHARED, evaluate._MAX_WALKED
    evaluate._MAX_SHARED = evaluate._MAX_WALKED = kept
    try:
        for expr in [*exprs, *exprs]:
            assert outcome(lambda e=expr: values_at(e, [X, Y], points)) == \
                outcome(lambda e=expr: compile_expression(e, [X, Y]).values(points))
            assert outcome(lambda e=expr: values_at(e, [Y, X], points)) == \
                outcome(lambda e=expr: compile_expression(e, [Y, X]).values(points))  # the other order
    finally:
        evaluate._MAX_SHARED, evaluate._MAX_WALKED = saved


def test_a_polynomial_with_huge_numbers_goes_the_compiled_way():
    """Where a value may grow past the size the compiled arithmetic keeps exact, the walk is not taken:
    (x + 10⁵⁰⁰⁰)¹⁰⁰ at x = 1 is computed as the compiled expression computes it."""
    expr = (X + sympy.Integer(10) ** 5000) ** 100 * Y
    points = [(Fraction(1), Fraction(2))]
    assert _polynomial_values(expr, {X: 0, Y: 1}, points) is None
    assert _polynomial_values(X ** (10**9), {X: 0, Y: 1}, [(Fraction(3), Fraction(2))]) is None  # not 3^(10⁹)…
    assert _polynomial_values(X ** 3 + Y, {X: 0, Y: 1}, [(Fraction(2) ** 200_000, Fraction(1))]) is None  # …or x³
    assert outcome(lambda: values_at(expr, [X, Y], points)) == \
        outcome(lambda: compile_expression(expr, [X, Y]).values(points))


def test_the_walk_is_taken_for_most_of_a_tables_parts():
    """The built-in drills' gradient and partial-derivative candidates: most are polynomials, walked."""
    walked = total = 0
    for spec in packs.load("drills").exercises:
        if not spec.id.startswith(("g-quadratic", "pd-quadratic")):
            continue
        problem = spec.variant("s0001").problem
        for candidate in candidates(problem):
            value = getattr(getattr(candidate, "answer", None), "value", None)
            if isinstance(value, sympy.Expr):
                total += 1
                names = {symbol(n): i for i, n in enumerate(problem.answer_variables)}
                walked += _polynomial_values(value, names, sample_points(len(names))[:4]) is not None
    assert total >= 20 and walked >= total * 0.8


def test_no_value_where_a_polynomials_denominator_is_zero():
    """(x − 1)⁻² · y/3 + 1/2 walked: no value at x = 1, as the compiled expression has none; the
    others exact, reduced as the compiled ones are."""
    expr = (X - 1) ** -2 * Y / 3 + sympy.Rational(1, 2)
    points = [(Fraction(1), Fraction(2)), (Fraction(3), Fraction(-1, 2)), (Fraction(-1, 3), Fraction(6))]
    assert _polynomial_values(expr, {X: 0, Y: 1}, points) is not None
    assert [None if v is None else v.value for v in values_at(expr, [X, Y], points)] == \
        [None, Fraction(11, 24), Fraction(13, 8)]
    assert outcome(lambda: values_at(expr, [X, Y], points)) == \
        outcome(lambda: compile_expression(expr, [X, Y]).values(points))


@given(st.one_of(RATIONALS, st.sampled_from([sympy.Integer(0), sympy.Integer(-2)])), st.integers(0, 3))
def test_a_constant_planes_coefficients_are_sympys(constant, count):
    """z = c: its coefficients are the trees substituting 0 and differentiating give (c, 0, 0)."""
    syms = (X, Y, symbol("t"))[:count]
    long_way = (constant.xreplace({s: sympy.Integer(0) for s in syms}), *(constant.diff(s) for s in syms))
    assert same_trees(_affine_coefficients(constant, syms), long_way)


Z = symbol("z")
TERMS = st.one_of(TREES, st.tuples(NUMBERS, st.sampled_from([X, Y, Z])).map(lambda t: t[0] * t[1]),
                  st.sampled_from([X, Y, Z, sympy.Integer(0), sympy.Float("0.0"), -X, sympy.pi * Y]))


@settings(max_examples=150, deadline=None)
@given(TERMS)
def test_a_planes_terms_are_split_as_sympy_splits_them(term):
    """diagnose._split (a number, a variable, a number times a variable read off directly) gives
    sympy's as_independent: the same coefficient and the same dependent part, of the same types."""
    mine, theirs = _split(term, (X, Y)), term.as_independent(X, Y, as_Add=False)
    assert mine == theirs and [type(p) for p in mine] == [type(p) for p in theirs]


SURFACES = st.lists(st.tuples(RATIONALS, st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=5).map(
    lambda terms: sympy.Add(*(c * X**i * Y**j for c, i, j in terms)))


@settings(max_examples=150, deadline=None)
@given(st.one_of(SURFACES, SURFACES.map(sympy.factor), TREES))
def test_a_curved_surface_is_told_as_the_second_derivatives_tell_it(rhs):
    """diagnose._curved, which says a polynomial is not affine from exact second differences of its
    values, never says so of one whose second derivatives are all 0 (sympy's diff, which decides
    where it can't tell): a plane z = rhs is read as before."""
    if not rhs.is_polynomial(X, Y):
        return
    if _curved(rhs, (X, Y)):
        assert any(rhs.diff(a).diff(b) != 0 for a in (X, Y) for b in (X, Y))


def test_curved_surfaces_are_told_without_derivatives():
    """A quadratic or a product is told curved by its values; an affine plane, unexpanded, is not."""
    assert _curved(X**2 + Y, (X, Y)) and _curved(3 * X * Y - 2, (X, Y)) and _curved((X - 1) * (Y + 2), (X, Y))
    assert not _curved(2 * (X - 1) + sympy.Rational(1, 2) * (Y + 3) - 5, (X, Y))
    assert not _curved(sympy.sqrt(2) * X**2, (X, Y))  # not rational: left to the derivatives


def precisely_agree(a: Evaluation, b: Evaluation) -> bool:
    """agree's decision at PRECISION, with no shortcut."""
    with mpmath.workprec(PRECISION):
        return bool(abs(to_mpf(a.value) - to_mpf(b.value)) <= TOLERANCE * max(a.scale, b.scale))


def an_evaluation(value: Fraction, inexact: bool, scale: int | None) -> Evaluation:
    with mpmath.workprec(PRECISION):
        number = to_mpf(value) if inexact else value
        return Evaluation(number, None if scale is None else max(abs(to_mpf(value)), mpmath.mpf(2) ** scale))


EVALUATIONS = st.builds(an_evaluation, st.fractions(max_denominator=10**6).filter(lambda v: abs(v) < 10**12)
                        | st.sampled_from([Fraction(0), Fraction(10**400), Fraction(1, 10**400)]),
                        st.booleans(), st.none() | st.integers(-1200, 1200))


@settings(max_examples=250, deadline=None)
@given(EVALUATIONS, EVALUATIONS, st.sampled_from([0, 1, -1, 2**-40, 2**-60, 2**-125, 2**-135, 2**-300]))
def test_far_apart_values_never_agree(a, b, nudge):
    """evaluate.agree says two inexact values differ from their floats where they are far apart, and
    decides as computing at PRECISION decides, whatever their sizes and scales: also a hair apart
    (b moved by a tiny part of itself, where only the precise computation can tell)."""
    if nudge:
        with mpmath.workprec(PRECISION):
            b = Evaluation(to_mpf(a.value) * (1 + mpmath.mpf(nudge)), b._scale)
    assert agree(a, b) == precisely_agree(a, b) or a.exact and b.exact


@settings(max_examples=120, deadline=None)
@given(st.one_of(TREES, SHARING, TREES.map(lambda e: sympy.Integral(e, (X, 0, 1))),
                 TREES.map(lambda e: sympy.Subs(e, X, 2) + 1)))
def test_free_symbols_are_told_as_sympy_tells_them(expr):
    """diagnose._has_free_symbols, which stops at the first symbol, says what sympy's free_symbols says,
    also where a node binds a symbol (an integral's variable)."""
    assert _has_free_symbols(expr) == bool(expr.free_symbols)
