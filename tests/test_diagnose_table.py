"""How a variant's table of candidates is built: shortcuts that must give exactly what the long way gives."""

from __future__ import annotations

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.diagnose import (
    _affine_coefficients,
    _differs,
    _equals_right_answer,
    _parts,
    _plain_terms,
    _reading,
    _right_parts,
)
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
