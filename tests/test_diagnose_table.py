"""How a variant's table of candidates is built: shortcuts that must give exactly what the long way gives."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import LIMITS, packs
from tutor.compare import Context, Tolerance, compare_points
from tutor.diagnose import (
    _affine_coefficients,
    _differs,
    _equals_right_answer,
    _may_match,
    _parts,
    _plain_terms,
    _reading,
    _right_parts,
    _set_key,
)
from tutor.feedback import respond
from tutor.misconceptions import WrongAnswer
from tutor.parse import Equation, Shape, symbol
from tutor.show import show
from tutor.topics import FieldError, candidates

X, Y = symbol("x"), symbol("y")


def the_long_way(rhs: sympy.Expr, syms: tuple) -> tuple:
    return (rhs.xreplace({s: sympy.Integer(0) for s in syms}), *(rhs.diff(s) for s in syms))


def same_trees(a: tuple, b: tuple) -> bool:
    return a == b and all(sympy.srepr(p) == sympy.srepr(q) for p, q in zip(a, b))


def test_a_candidate_planes_coefficients_are_read_off_its_terms():
    """Every plane and line the built-in packs' candidates give: the coefficients read off its terms
    are the very trees substituting 0 and differentiating give (the student's are compared with them)."""
    compared = 0
    for name in ("drills", "gradients"):
        for spec in packs.load(name).exercises:
            try:
                problem = spec.variant("s0001").problem
            except FieldError:
                continue
            for candidate in candidates(problem):
                answer = getattr(candidate, "answer", None)
                if answer is None or answer.shape != Shape.EQUATION or not answer.value.lhs.is_Symbol:
                    continue
                syms = tuple(symbol(n) for n in _reading(problem, candidate)[1] if n != answer.value.lhs.name)
                if _plain_terms(answer.value.rhs, syms) is None:
                    continue
                compared += 1
                assert same_trees(_affine_coefficients(answer.value.rhs, syms), the_long_way(answer.value.rhs, syms))
    assert compared > 50


CONSTANTS = st.sampled_from([sympy.Integer(0), sympy.Integer(1), sympy.Integer(-3), sympy.Rational(5, 2),
                             sympy.sqrt(2), sympy.pi, -sympy.sqrt(3) / 2, sympy.E, sympy.Float("0.25")])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(CONSTANTS, st.sampled_from([1, X, Y])), min_size=1, max_size=6))
def test_coefficients_read_off_any_affine_sum(terms):
    rhs = sympy.Add(*(c * v for c, v in terms))
    if _plain_terms(rhs, (X, Y)) is None:
        return
    assert same_trees(_affine_coefficients(rhs, (X, Y)), the_long_way(rhs, (X, Y)))


def test_the_lessons_fit_as_a_line():
    """power-lines-fit: m = 1/2, b = 7/3, also written as the line y = x/2 + 7/3."""
    problem = packs.load("gradients").exercise("power-lines-fit").variant().problem
    assert problem.expected_in(Shape.EQUATION).value == Equation(Y, X / 2 + sympy.Rational(7, 3))
    assert problem.expected_in(Shape.VECTOR) == problem.expected()
    assert problem.expected_in(Shape.EXPRESSION) is None


def test_a_line_told_from_the_fit_by_its_coefficients_is_one_the_check_calls_wrong():
    """A least-squares candidate written as a line is compared with the fitted line's coefficients
    instead of being checked whole; wherever they say it differs, the check says so too."""
    drills, lesson = packs.load("drills"), packs.load("gradients")
    variants = [lesson.exercise("power-lines-fit").variant().problem]
    variants += [drills.exercise(e).variant(f"s{n:02d}").problem for e in ("ls-three-points", "ls-four-points",
                                                                          "ls-on-a-line") for n in range(4)]
    told = 0
    for problem in variants:
        tolerance = problem.default_tolerance()
        for candidate in candidates(problem):
            if not isinstance(candidate, WrongAnswer) or candidate.answer.shape != Shape.EQUATION:
                continue
            names = _reading(problem, candidate)[1]
            parts, solved_for = _parts(candidate.answer, names)
            right_parts, right_solved_for = _right_parts(problem, problem.expected(), Shape.EQUATION, names)
            if right_parts and solved_for == right_solved_for and _differs(parts, right_parts, tolerance):
                told += 1
                assert not _equals_right_answer(problem, candidate, tolerance), show(candidate.answer.value)
    assert told > 200  # the shortcut is taken (205 of the 245 line candidates here)


# ------------------------------------------------- point sets typed with decimals


def _critical_points(tmp_path, function: str, tolerance: str) -> packs.Exercise:
    path = tmp_path / "points.yaml"
    path.write_text(f"pack: points\ntitle: Points\nexercises:\n  - id: it\n    kind: critical_points\n"
                    f"    function: {function}\n    tolerance: {tolerance}\n", encoding="utf-8")
    return packs.load(path).exercise("it").variant()


@pytest.mark.parametrize("answer, note", [
    # x³ − 36x + y²: critical points (±2√3, 0). Typed with decimals, each candidate point set was compared
    # with the answer by the engine, and the diagnosis's work ran out before the mistake was reached
    ("(3.46, 0)", "misconception:positive-root-only|saddle-not-critical"),
    ("(6.00, 0), (-6.00, 0)", "misconception:power-rule-not-multiplied"),
    ("(6, 0), (-6, 0)", "misconception:power-rule-not-multiplied"),  # a whole number under a tolerance too
    ("(0, 3.46), (0, -3.46)", "misconception:critical-point-coordinates-swapped"),
    ("(3.46, 0), (-3.46, 0), (0, 0)", "misconception:extra-critical-points"),
    ("(3.47, 0)", "wrong_value"),  # not 2√3 to 2 places: no candidate is that
    ("(3.46, 0), (-3.46, 0)", "within_tolerance"),
])
def test_a_point_set_typed_with_decimals_is_looked_up_among_the_candidates(tmp_path, answer, note):
    assert respond(_critical_points(tmp_path, "x^3 - 36x + y^2", "dp:2"), answer).note == note


_COORDINATE = st.integers(-3000, 3000).map(lambda n: sympy.Rational(n, 100))
_POINT = st.tuples(_COORDINATE, _COORDINATE)


@settings(max_examples=400, deadline=None)
@given(st.lists(_POINT, min_size=1, max_size=3), st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
                                                           min_size=1, max_size=4),
       st.sampled_from([Tolerance(places=1), Tolerance(places=2), Tolerance(relative=0.01), None]),
       st.sampled_from([sympy.sqrt(2) / 100, sympy.Rational(1, 300), sympy.Integer(0)]))
def test_a_point_set_passed_over_is_one_the_engine_calls_different(typed, moves, tolerance, unit):
    """The lookup skips a candidate point set only where the engine would not find it the answer: the
    candidate is the typed points each moved a few units (maybe none, maybe by an irrational), some left
    out, the tolerance any."""
    candidate = tuple((x + a * unit, y + b * unit) for (x, y), (a, b) in zip(typed, moves))
    ctx = Context(("x", "y"), tolerance, LIMITS, decimals=True)
    if compare_points(tuple(typed), candidate, ctx).correct:
        assert _may_match(_set_key(tuple(typed)), _set_key(candidate), tolerance)
