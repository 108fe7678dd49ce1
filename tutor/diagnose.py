"""Naming the mistake behind a wrong answer: misconception diagnosis.

When an answer is incorrect, it is compared with the wrong answers that named
misconceptions produce for this exercise variant (its kind's, listed by the
registry in tutor.topics), after the pack author's own `mistakes:`.

- One misconception that gives the answer names it. Where two different ones
  each give it (3x²y² from ∂/∂x of 3x²y³: the other partial, or the power of x
  dropped and y's lowered), both are said: "You get this answer if you … or if
  you …", with the note `misconception:a|b`.
- Failing one, two misconceptions at once ("you dropped … and you …"): the note
  is `misconception:a+b`. A single one always comes first, so the pairs (most of a
  variant's candidates) are built and compared only for an answer no single one
  explains (tutor.misconceptions.Tiered); the grader builds them then, before it
  checks the answer again (`pairs_built_elsewhere`).
- Failing those, a shape every more particular explanation has too (a plane with
  the right slopes at the wrong height): a Pattern said `last`.
- A vector is judged component by component where its kind says so (a
  gradient): "Your ∂f/∂y: it looks like you …".

Checking must stay cheap although a variant has hundreds of candidates (pairs
included), so they are built once per exercise variant (cached), and each is
evaluated once at the equivalence engine's first sample points and filed by its
first value. A student's answer is read as the check read it (tutor.parse.remembering:
the check's parse serves every reading whose names it spells alike) and evaluated at those
points once; only the candidates filed near its value are compared further, the
cheapest proof first: the candidate's own tree, then its values. A candidate that
agrees at every point is taken as a match without the engine's symbolic confirmation:
a match only chooses the feedback, never the grade, and the check itself has
already decided that the answer is wrong. Numbers, point sets, equations and
labels are confirmed by the engine itself, where they are not the candidate as typed.
Only the chosen candidate's message is made. A candidate that equals the right
answer is dropped when the cache is built, so a correct answer can never be
diagnosed.

The work is counted, not timed: at most _MAX_TRIES candidates are compared with
one answer, within a quarter of the check's work budget (tutor.budget.budget),
so the same answer gets the same diagnosis on any machine. The CPU deadline
stays only as the outer guard against a hostile answer.
"""

from __future__ import annotations

import contextlib
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache, partial
from types import MappingProxyType
from typing import Protocol, TypeVar, cast

import mpmath
from sympy import Add, E, Expr, Float, Function, Integer, S, pi, preorder_traversal
from sympy.polys.polyerrors import BasePolynomialError

from .budget import OutOfTime, budget, metered_cache, spent
from .check import Judgement, Verdict, noted
from .compare import Context, Note, Outcome, Tolerance, compare, compare_expressions, compare_numbers
from .evaluate import (
    MOST_MULTIPLIED_OUT,
    Compiled,
    Evaluation,
    Undefined,
    Unsupported,
    agree,
    compile_expression,
    degree_at_most,
    exact_values,
    to_float,
    to_mpf,
    values_at,
)
from .functions import BY_SYMPY
from .limits import LIMITS, Limits
from .misconceptions import (
    BOTH,
    EITHER,
    Candidate,
    Componentwise,
    Known,
    Option,
    Pattern,
    Said,
    Tiered,
    WrongAnswer,
    either,
    in_places,
    table_points,
    told,
)
from .misconceptions.differentiate import rule_of
from .parse import Answer, Equation, InputError, Shape, Spellings, minus, normalize, read, remembering, symbol
from .show import show
from .topics import Problem, candidate_tiers, topic_of

AUTHOR = "author"  # the misconception id of a pack author's own `mistakes:`
_ENOUGH = 3  # fewer defined points than this: leave the decision to the engine
_CACHE_SIZE = 1024  # exercise variants whose candidates are kept
_MAX_TRIES = 300  # candidates compared with one answer at most: the work budget of a diagnosis
_T = TypeVar("_T")
_NEAR = 1e-9  # how close (relative) a first value must be to file an exact candidate as near
_BUDGET_SHARE = 4  # a quarter of a check's work budget, for naming the mistake after the check
_ZERO = Evaluation(Fraction(0), mpmath.mpf(0))


class AuthorMistake(Protocol):
    """A pack author's anticipated wrong answer and what to tell a student who gives it."""

    @property
    def answer(self) -> str | Answer: ...  # as written, or read for one variant

    @property
    def feedback(self) -> str: ...


@dataclass(frozen=True)
class Diagnosis:
    misconception: str  # a catalogue id, two joined by "+" (both) or "|" (either), or AUTHOR
    message: str
    answer: Answer  # the student's answer, as read for the wrong answer it matched
    variables: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        return Note.MISTAKE.of(AUTHOR) if self.misconception == AUTHOR else Note.MISCONCEPTION.of(self.misconception)

    @property
    def reading(self) -> str:
        """The answer as understood, in Unicode maths (printed only when asked: it takes time)."""
        return show(self.answer, self.variables)


# ------------------------------------------------------------------ building


_Reading = tuple[Shape, tuple[str, ...], tuple[str, ...]]  # shape, variables, components


@dataclass(frozen=True)
class _Values:
    """One part of a candidate (the answer, a component, a line's coefficient) as numbers: its
    values at some points. A constant has one point, the empty one."""

    points: tuple[tuple, ...]
    values: tuple  # Evaluation | None (no real value there), one for each point

    @property
    def constant(self) -> bool:
        return self.points is _NO_POINT

    @property
    def first(self) -> float | None:
        """Its value at the first point, as a float: where the index files it."""
        value = self.values[0]
        return None if value is None else to_float(value.value)


@dataclass(frozen=True)
class _Entry:
    """A candidate ready to match: how to read the student's text for it, and its values."""

    candidate: WrongAnswer | Pattern | Componentwise
    reading: _Reading
    parts: tuple[_Values | None, ...]  # per part of the answer; None: leave it to the engine
    rank: int  # see _rank: 0 the author's, 1 one misconception, 2 a pattern, 3 two at once, 4 a pattern said last
    order: int
    affine: int | None = None  # for an equation `v = rhs` with rhs affine: the index of v
    key: frozenset | str | None = None  # a point set or a label, looked up as it is
    options: tuple[_Options, ...] = ()  # a Componentwise candidate's options, per component


@dataclass(frozen=True)
class _File:
    """Entries whose first part is evaluated at the same points, sorted by its first value."""

    keys: tuple[float, ...]
    entries: tuple[_Entry, ...]


@dataclass(frozen=True)
class _Index:
    """The entries of one reading: filed by their first value, or looked up by their point set or
    label, where they have one; else to scan."""

    files: tuple[_File, ...]
    keyed: dict
    scan: tuple[_Entry, ...]


@dataclass(frozen=True)
class _Options:
    """One component's options, filed by their first value like the entries of a reading."""

    files: tuple[tuple[tuple[float, ...], tuple[tuple[Option, _Values], ...]], ...]
    scan: tuple[tuple[Option, _Values | None], ...]


def _file_options(options: Sequence[Option], names: Sequence[str]) -> _Options:
    by_points: dict[int, list[tuple[float, Option, _Values]]] = {}
    scan: list[tuple[Option, _Values | None]] = []
    for option in options:
        values = _known_values(option.known, names) or _scalar(option.value, names)
        first = None if values is None else values.first
        if values is None or first is None:
            scan.append((option, values))
        else:
            by_points.setdefault(id(values.points), []).append((first, option, values))
    files = []
    for items in by_points.values():
        items.sort(key=lambda item: item[0])
        files.append((tuple(first for first, _, _ in items), tuple((option, values) for _, option, values in items)))
    return _Options(tuple(files), tuple(scan))


@dataclass(frozen=True)
class _Table:
    entries: tuple[_Entry, ...]
    tolerance: Tolerance | None
    indexes: tuple[tuple[_Reading, _Index], ...]


def _reading(problem: Problem, candidate: WrongAnswer | Pattern | Componentwise) -> _Reading:
    shape = candidate.answer.shape if isinstance(candidate, WrongAnswer) else candidate.shape
    variables = problem.answer_variables if candidate.variables is None else candidate.variables
    components = problem.components if candidate.components is None else candidate.components
    return shape, tuple(variables), tuple(components)


def _values_at(expr: Expr, names: Sequence[str], points: Sequence[tuple]) -> tuple | None:
    try:
        return values_at(expr, [symbol(n) for n in names], points)
    except (Unsupported, KeyError, TypeError):  # TypeError: a function the evaluator knows with one argument (W(x, k))
        return None


_NO_POINT = ((),)  # where a constant is evaluated


def _samples(count: int) -> tuple[tuple, ...]:
    """The sample points an expression in `count` variables must agree at to match a candidate: the
    engine's first few (misconceptions.table_points, where candidates that know their values have them)."""
    return table_points(count) if count else _NO_POINT


def _known_values(known: Known | None, names: Sequence[str]) -> _Values | None:
    """The values a candidate was built with (tutor.misconceptions.Known), where they are at these points."""
    if known is None or known.names != tuple(names) or known.points != _samples(len(names)):
        return None
    return _Values(_samples(len(names)), known.values)


def _scalar(expr: Expr, names: Sequence[str]) -> _Values | None:
    """A number's value, or an expression's values at the engine's first sample points."""
    return _scalar_values(expr, tuple(names))


@metered_cache(8192)  # a part comes again in many candidates: the right component beside a wrong one
def _scalar_values(expr: Expr, names: tuple[str, ...]) -> _Values | None:
    free = _has_free_symbols(expr)
    points = _samples(len(names)) if free else _NO_POINT
    values = _values_at(expr, names if free else (), points)
    return None if values is None else _Values(points, values)


def _has_free_symbols(expr: Expr) -> bool:
    """bool(expr.free_symbols), from the first symbol met (sympy's builds the set of the whole tree).
    A symbol reached through sums, products, powers and the evaluator's functions is free in expr; a
    node of another kind may bind one (an integral's variable): then sympy's set decides."""
    stack = [expr]
    while stack:
        node = stack.pop()
        if node.is_Atom:
            if node.is_Symbol or not node.is_Number and node.free_symbols:
                return True
            continue
        if not (node.is_Add or node.is_Mul or node.is_Pow or type(node) in BY_SYMPY):
            return bool(expr.free_symbols)
        stack.extend(node.args)
    return False


def _affine(equation: Equation, names: Sequence[str]) -> tuple[int, tuple[_Values, ...]] | None:
    """For `v = rhs` with rhs affine in the other variables (a plane, a line): v's index and rhs's
    coefficients (constant first, then one per other variable) as numbers. None otherwise."""
    return _affine_values(equation, tuple(names))


@metered_cache(2048)  # one plane comes from several mistakes
def _affine_values(equation: Equation, names: tuple[str, ...]) -> tuple[int, tuple[_Values, ...]] | None:
    lhs, rhs = equation.lhs, equation.rhs
    if not (lhs.is_Symbol and lhs.name in names):
        return None
    index = list(names).index(lhs.name)
    syms = tuple(symbol(n) for n in names if n != lhs.name)
    plain = _plain_terms(rhs, syms)
    numbers = plain is not None and all(c.is_Number for cs in plain.values() for c in cs)  # these hold no lhs:
    if not numbers and (lhs in rhs.free_symbols  # only other trees' free symbols are asked (sympy walks them)
                        or not (plain is not None or _affine_polynomial(rhs, syms))):
        return None
    coefficients = _affine_coefficients(rhs, syms)
    maybe_values = [_scalar(c, ()) for c in coefficients]
    values = tuple(v for v in maybe_values if v is not None)
    if len(values) < len(maybe_values) or any(c.free_symbols for c in coefficients):
        return None
    return index, values


def _affine_polynomial(rhs: Expr, syms: Sequence[Expr]) -> bool:
    """Whether rhs is a polynomial in syms with all its second derivatives 0 (sympy's diff is slow:
    asked only where the values can't show it curved)."""
    return rhs.is_polynomial(*syms) and not _curved(rhs, syms) \
        and not any(rhs.diff(a).diff(b) != 0 for a in syms for b in syms)


def _curved(rhs: Expr, syms: Sequence[Expr]) -> bool:
    """Whether rhs, a polynomial in syms, is certainly not affine: one of its second differences at a
    point (f(p + eᵢ + eⱼ) − f(p + eᵢ) − f(p + eⱼ) + f(p)), computed exactly, is not 0, where an affine
    function's all are. Then one of its second derivatives is not 0 either, as sympy's diff says
    too, in a small part of the time. False where that is not certain: the derivatives decide."""
    n = len(syms)
    base = tuple(Fraction(k + 1, 2 * k + 3) for k in range(n))  # not 0: fewer differences 0 by chance
    pairs = [(i, j) for i in range(n) for j in range(i, n)]
    points = [base, *(_moved(base, (i,)) for i in range(n)), *(_moved(base, pair) for pair in pairs)]
    values = exact_values(rhs, syms, points)
    if values is None or None in values:
        return False
    at, once, twice = values[0], values[1:n + 1], values[n + 1:]
    return any(f - once[i] - once[j] + at != 0 for (i, j), f in zip(pairs, twice))  # type: ignore[operator]


def _moved(point: tuple[Fraction, ...], steps: tuple[int, ...]) -> tuple[Fraction, ...]:
    """point moved one unit along each coordinate named in steps (twice along one named twice)."""
    return tuple(c + steps.count(i) for i, c in enumerate(point))


@metered_cache(16)  # asked twice of a candidate's plane: is it affine, then its coefficients
def _plain_terms(expr: Expr, syms: tuple[Expr, ...]) -> Mapping[Expr, tuple[Expr, ...]] | None:
    """{1 or one of syms: the coefficients of its terms} where each term of expr is a constant or a
    constant times one of syms; None otherwise. Read-only: one remembered value is shared."""
    if not syms:
        return None
    terms: dict[Expr, tuple[Expr, ...]] = {}
    for term in Add.make_args(expr):
        coefficient, dependent = _split(term, syms)
        if dependent != 1 and dependent not in syms:
            return None
        terms[dependent] = (*terms.get(dependent, ()), coefficient)
    return MappingProxyType(terms)


def _split(term: Expr, syms: tuple[Expr, ...]) -> tuple[Expr, Expr]:
    """term.as_independent(*syms, as_Add=False), read off directly for the terms of a plane (a number,
    a variable, a number times a variable): sympy's takes as long as building the plane did."""
    if term.is_Number and term is not S.Zero:  # as_independent gives (0, 0) for 0
        return term, S.One
    if term.is_Symbol and term in syms:
        return S.One, term
    if term.is_Mul and len(term.args) == 2 and term.args[0].is_Number and term.args[1].is_Symbol \
            and term.args[1] in syms:
        return term.args[0], term.args[1]
    return term.as_independent(*syms, as_Add=False)


def _parts(answer: Answer, names: Sequence[str]) -> tuple[tuple[_Values | None, ...], int | None]:
    if answer.shape in (Shape.EXPRESSION, Shape.NUMBER):
        return (_scalar(answer.value, names),), None
    if answer.shape == Shape.VECTOR:
        return tuple(_scalar(c, names) for c in _vector(answer)), None
    if answer.shape == Shape.EQUATION:
        affine = _affine(_equation(answer), names)
        if affine is not None:
            return affine[1], affine[0]
        return _plane_points(_equation(answer), names), None
    return (), None


# an Answer's value is of its shape (see parse.Answer); these say so to the type checker
def _vector(answer: Answer) -> tuple[Expr, ...]:
    return cast(tuple[Expr, ...], answer.value)


def _equation(answer: Answer) -> Equation:
    return cast(Equation, answer.value)


def _label(answer: Answer) -> str:
    return cast(str, answer.value)


def _plane_points(equation: Equation, names: Sequence[str]) -> tuple[_Values | None, ...]:
    """For z = g(x, y) not affine: sample points moved onto that surface (z = g there), where a
    student's equivalent equation holds too (its two sides differ by zero), and one point one unit
    above it, where it must not (0 = 0 holds everywhere). (None,) when the equation is not of that form."""
    lhs, rhs = equation.lhs, equation.rhs
    if not (lhs.is_Symbol and lhs.name in names and lhs not in rhs.free_symbols):
        return (None,)
    index = list(names).index(lhs.name)
    heights = _values_at(rhs, names, _samples(len(names))) or ()
    points = tuple(p[:index] + (h.value,) + p[index + 1:] for p, h in zip(_samples(len(names)), heights)
                   if h is not None)
    if not points:
        return (None,)
    above = (points[0][:index] + (points[0][index] + 1,) + points[0][index + 1:],)
    return _Values(points, (_ZERO,) * len(points)), _Values(above, (_ZERO,))


def _author_mistakes(problem: Problem, mistakes: Sequence[AuthorMistake]) -> list[WrongAnswer]:
    found = []
    for mistake in mistakes:
        try:  # read as a student's answer is (a variant's, with parameters, is read already)
            answer = mistake.answer if isinstance(mistake.answer, Answer) else problem.read(mistake.answer)
        except InputError:
            continue  # pack validation reports it; a student can't be told about it
        found += [WrongAnswer(AUTHOR, mistake.feedback, form, variables, components)
                  for form, variables, components in problem.written_forms(answer)]
    return found


def _equals_right_answer(problem: Problem, candidate: WrongAnswer, tolerance: Tolerance | None) -> bool:
    """Whether a student who typed this candidate would be right: then it names no mistake
    ("dropped the coefficient" where the coefficient is 1). Decided by the exercise's own check,
    on the candidate as the tutor prints it, exactly as a student's answer is checked."""
    try:
        return problem.check(show(candidate.answer.value, problem.variables), tolerance).correct
    except (InputError, ValueError, TypeError):  # ours, or sympy's on a strange candidate
        return False


def _refuses_scalars(problem: Problem) -> bool:
    """Whether the exercise's check refuses the text of any scalar `_printed_plainly` (read as one
    expression, or not at all) before comparing it: where the kind checks as Problem.check does,
    reading the text in the right answer's shape, and the right answer is a vector. A vector is read
    from two parts or more (parse._as_vector), so a text of one expression is refused whatever it
    says, also for a vector of one component (a gradient's single partial). A kind with its own
    check (least squares reads a line too) is left to that check."""
    return type(problem).check is Problem.check and problem.expected().shape == Shape.VECTOR


def _printed_plainly(value: object) -> bool:
    """Whether `show` prints `value` with no ',', '=', '[', '{' or '⟨': an expression made of sums,
    products and powers of numbers, plainly named symbols, π, e and functions of one argument. show
    writes those nodes from digits, names, operators and round brackets only (a comma only between
    a function's arguments; anything else it prints with str(), which might hold anything), and
    parse.normalize maps none of those characters to another. The parser makes a list only at a
    comma, or at an opening '{' or '⟨', or '(' or '[' with a comma directly inside, and an
    assignment only at '=': such a text is read as one expression, or refused."""
    if not isinstance(value, Expr):
        return False
    for node in preorder_traversal(value):
        if node.is_Symbol:
            if not node.name.isidentifier():
                return False
        elif not (node.is_Add or node.is_Mul or node.is_Pow or node.is_Number or node is pi or node is E
                  or (isinstance(node, Function) or type(node) in BY_SYMPY) and len(node.args) == 1):
            return False
    return True


class _RightAnswers:
    """`_equals_right_answer` for the candidates of one variant, asked once for each wrong answer:
    several mistakes give the same one (the check of its printed text is a tenth of a table's work);
    never printed where the check would refuse it unread (a single partial for a gradient)."""

    def __init__(self, problem: Problem, tolerance: Tolerance | None):
        self.problem = problem
        self.tolerance = tolerance
        self.known: dict[object, bool] = {}
        self.refuses_scalars = _refuses_scalars(problem)

    def __call__(self, candidate: WrongAnswer) -> bool:
        if self.refuses_scalars and _printed_plainly(candidate.answer.value):
            return False
        try:
            return self.known[candidate.answer.value]
        except KeyError:
            right = self.known[candidate.answer.value] = _equals_right_answer(self.problem, candidate, self.tolerance)
            return right
        except TypeError:  # a value sympy can't hash: checked each time
            return _equals_right_answer(self.problem, candidate, self.tolerance)


def _differs(parts: Sequence[_Values | None], right: Sequence[_Values | None], tolerance: Tolerance | None,
             keys: tuple = (None, None)) -> bool:
    """Whether values computed the same way show a candidate is not the right answer (cheaply:
    only a candidate that agrees everywhere goes through the exercise's own check). Point sets and
    labels by their keys: different keys, different answers."""
    if keys[0] is not None and keys[1] is not None:
        return keys[0] != keys[1]
    if not right:
        return False  # nothing to compare with in this shape (a line y = mx + b for (m, b)): the check decides
    if len(parts) != len(right):
        return True
    for mine, theirs in zip(parts, right):
        if mine is None or theirs is None:
            return False
        pairs = _paired(mine, theirs)
        if pairs is None:
            return False
        within = tolerance if mine.constant and theirs.constant else None  # the check's, for numbers only
        for a, b in pairs:
            if a is None or b is None:
                continue
            if agree(a, b) or (within is not None and within.accepts(to_float(a.value), to_float(b.value))):
                continue
            return True
    return False


def _paired(mine: _Values, theirs: _Values) -> Iterable[tuple] | None:
    """Two parts' values at the same points, to compare: a constant's one value is its value at every
    point (the other part has variables then, and the check compares the two as expressions, with no
    tolerance). None where they were evaluated at different points."""
    if mine.points is theirs.points:
        return zip(mine.values, theirs.values)
    if mine.constant:
        return ((mine.values[0], b) for b in theirs.values)
    if theirs.constant:
        return ((a, theirs.values[0]) for a in mine.values)
    return None


# Building runs sympy on the exercise; where it fails (a function the solvers barely handle), that
# exercise gets no diagnosis, and its answers are still checked.
_BUILD_ERRORS = (ValueError, TypeError, ArithmeticError, NotImplementedError, RecursionError, OutOfTime,
                 BasePolynomialError)


def _table_for(problem: Problem, tolerance: Tolerance | None, mistakes: tuple) -> _Tables:
    try:
        hash((problem, tolerance, mistakes))
    except TypeError:  # a kind holding a list can't be a cache key: build every time rather than fail
        return _build(problem, tolerance, mistakes)
    return _table(problem, tolerance, mistakes)


def _rank(candidate: WrongAnswer | Pattern | Componentwise) -> int:
    """The author's mistakes first, then one misconception giving this very answer, then one
    recognised by a pattern, then two at once, then a pattern said only where nothing else is (`last`)."""
    if isinstance(candidate, WrongAnswer) and candidate.misconception == AUTHOR:
        return 0
    if BOTH in candidate.misconception:
        return 3
    if isinstance(candidate, Pattern):
        return 4 if candidate.last else 2
    return 1


def _set_key(items: object) -> frozenset | None:
    """A point set (points and lines) as numbers, to look candidates up by: None when it can't be."""
    if not isinstance(items, tuple):
        return None
    key: list[tuple[object, ...]] = []
    try:
        for item in items:
            if isinstance(item, Equation):
                if not (item.lhs.is_Symbol and not item.rhs.free_symbols):
                    return None
                key.append((item.lhs.name, _rounded(item.rhs)))
            else:
                key.append(tuple(_rounded(c) for c in item))
    except (TypeError, ValueError):
        return None
    return frozenset(key)


@lru_cache(maxsize=4096)  # a critical point is in many candidate sets, and √3/3 takes sympy's evalf a while
def _rounded(number: Expr) -> float:
    return round(float(number), 9)


class _Builder:
    """Makes a variant's candidates into table entries, numbered on from one table to the next."""

    def __init__(self, problem: Problem, tolerance: Tolerance | None):
        self.problem = problem
        self.tolerance = tolerance or problem.default_tolerance()
        self.right = problem.expected()
        self.made = 0  # entries made so far, in every table
        self.seen: set = set()
        self.rights: dict[_Reading, tuple[tuple[_Values | None, ...], int | None]] = {}
        self.right_answers = _RightAnswers(problem, self.tolerance)
        # a column of options comes again in other candidates (the components swapped, one left out): filed once
        self.filed: dict[tuple[int, tuple[str, ...]], _Options] = {}

    def table(self, candidates: Iterable[Candidate]) -> _Table:
        entries: list[_Entry] = []
        for candidate in candidates:
            entry = self.entry(candidate, self.made + len(entries))
            if entry is not None:
                entries.append(entry)
        self.made += len(entries)
        return _Table(tuple(entries), self.tolerance, _indexes(entries))

    def entry(self, candidate: Candidate, order: int) -> _Entry | None:
        """The candidate ready to match; None where it is the right answer, or one met before."""
        problem, right = self.problem, self.right
        reading = _reading(problem, candidate)
        if isinstance(candidate, Componentwise):
            for options in candidate.options:  # the catalogue holds each column until the table is built
                if (id(options), reading[1]) not in self.filed:
                    self.filed[id(options), reading[1]] = _file_options(options, reading[1])
            files = tuple(self.filed[id(options), reading[1]] for options in candidate.options)
            return _Entry(candidate, reading, (), _rank(candidate), order, options=files)
        if not isinstance(candidate, WrongAnswer):
            return _Entry(candidate, reading, (), _rank(candidate), order)
        shape = candidate.answer.shape
        known = _known_values(candidate.known, reading[1]) if shape == Shape.EXPRESSION else None
        parts, affine = ((known,), None) if known is not None else _parts(candidate.answer, reading[1])
        lookup = (_set_key(candidate.answer.value) if shape == Shape.POINTS
                  else _label(candidate.answer) if shape == Shape.LABEL else None)
        if reading not in self.rights:
            self.rights[reading] = _right_parts(problem, right, shape, reading[1])
        rank = _rank(candidate)
        key = (reading, rank, candidate.misconception, _fingerprint(parts), lookup)
        if key[3] is not None and key in self.seen:
            return None  # the same wrong answer for the same mistake, built another way
        self.seen.add(key)
        if shape in (Shape.EXPRESSION, Shape.NUMBER, Shape.VECTOR) and None in parts and rank:
            return None  # a value the evaluator can't compute (W(x, k)): nothing to compare an answer with
        right_key = (_set_key(right.value) if right.shape == Shape.POINTS
                     else right.value if right.shape == Shape.LABEL else None)
        right_parts, solved_for = self.rights[reading]
        if solved_for is not None and affine != solved_for:
            right_parts = ()  # x = … against y = …: the same line, maybe, with other coefficients
        if not _differs(parts, right_parts, self.tolerance, (lookup, right_key if right.shape == shape else None)) \
                and self.right_answers(candidate):
            return None
        return _Entry(candidate, reading, parts, rank, order, affine, lookup if rank else None)


class _Tables:
    """A variant's tables: the first (the author's mistakes, single misconceptions, patterns) built at once,
    the pairs of misconceptions when first asked for (most answers are explained without them)."""

    def __init__(self, builder: _Builder, first: _Table, pairs: Callable[[], Sequence[Candidate]]):
        self.first = first
        self._builder: _Builder | None = builder
        self._pairs: Callable[[], Sequence[Candidate]] | None = pairs
        self._pair_table: _Table | None = None

    @property
    def pairs_built(self) -> bool:
        return self._pair_table is not None

    def pairs(self) -> _Table:
        """The pairs' table, built now if it is not yet."""
        if self._pair_table is None:
            builder, make = cast(_Builder, self._builder), cast(Callable[[], Sequence[Candidate]], self._pairs)
            try:
                made = make()
            except OutOfTime:
                raise  # an outer guard's, not the pairs' own failure: built again when next asked for
            except _BUILD_ERRORS:
                made = []  # as for the first tier's: the singles still name what they explain
            self._pair_table = builder.table(made)
            self._builder = self._pairs = None  # what building them held is done with
        return self._pair_table


class PairsUnbuilt(Exception):
    """An answer no single misconception explains needs its variant's pairs, not built yet where the
    caller builds them itself, before the answer's limits start (`pairs_built_elsewhere`)."""


_PAIRS_HERE: ContextVar[bool] = ContextVar("pairs_here", default=True)


@contextlib.contextmanager
def pairs_built_elsewhere() -> Iterator[None]:
    """Within: where an answer needs its variant's pairs of misconceptions and they are not built yet,
    PairsUnbuilt is raised rather than building them under the answer's limits (the grader then builds
    them, trusted work, and checks the answer again: with the same result, as they are compared last)."""
    token = _PAIRS_HERE.set(False)
    try:
        yield
    finally:
        _PAIRS_HERE.reset(token)


def _build(problem: Problem, tolerance: Tolerance | None, mistakes: tuple) -> _Tables:
    try:
        tiers = candidate_tiers(problem)
    except _BUILD_ERRORS:
        tiers = Tiered([], tuple)  # the author's mistakes still apply
    builder = _Builder(problem, tolerance)
    return _Tables(builder, builder.table([*_author_mistakes(problem, mistakes), *tiers.first]), tiers.pairs)


def _right_parts(problem: Problem, right: Answer, shape: Shape,
                 names: tuple[str, ...]) -> tuple[tuple[_Values | None, ...], int | None]:
    """The right answer's parts in a candidate's shape, to tell the candidate from it by values: in
    another shape (a line y = mx + b where m and b are asked) with the variable it is solved for. ()
    where the kind has it in no such shape: then the exercise's own check decides."""
    if right.shape == shape:
        return _parts(right, names)[0], None
    other = problem.expected_in(shape)
    if other is None:
        return (), None
    parts, solved_for = _parts(other, names)
    return (parts, solved_for) if solved_for is not None else ((), None)


def _fingerprint(parts: Sequence[_Values | None]) -> tuple | None:
    known = [p for p in parts if p is not None]
    if len(known) < len(parts):
        return None
    return tuple(tuple(None if v is None else v.value for v in p.values) for p in known)


def _indexes(entries: Sequence[_Entry]) -> tuple[tuple[_Reading, _Index], ...]:
    by_reading: dict[_Reading, list[_Entry]] = {}
    for entry in entries:
        by_reading.setdefault(entry.reading, []).append(entry)
    indexes = []
    for reading, group in by_reading.items():
        by_points: dict[int, list[tuple[float, _Entry]]] = {}
        for entry in group:
            want = entry.parts[0] if _filable(entry) else None
            if want is not None and want.first is not None:  # both, for a filable entry
                by_points.setdefault(id(want.points), []).append((want.first, entry))
        files = []
        for filed in by_points.values():
            filed.sort(key=lambda item: item[0])
            files.append(_File(tuple(first for first, _ in filed), tuple(e for _, e in filed)))
        keyed: dict = {}
        for entry in group:
            if entry.key is not None and not _filable(entry):
                keyed.setdefault(entry.key, []).append(entry)
        scan = tuple(e for e in group if not _filable(e) and e.key is None)
        indexes.append((reading, _Index(tuple(files), keyed, scan)))
    return tuple(indexes)


def _filable(entry: _Entry) -> bool:
    return (isinstance(entry.candidate, WrongAnswer) and entry.rank > 0 and bool(entry.parts)
            and entry.parts[0] is not None and entry.parts[0].first is not None
            and (entry.candidate.answer.shape != Shape.EQUATION or entry.affine is not None))


_table = lru_cache(maxsize=_CACHE_SIZE)(_build)  # once per exercise variant (and tolerance, mistakes)


def prepare(problem: Problem, tolerance: Tolerance | None = None, mistakes: tuple = (), pairs: bool = True) -> None:
    """Build this variant's candidates now (cached), those of two misconceptions at once too where `pairs`:
    trusted work, done before an answer's limits start, so that diagnosing it spends only the answer's own
    budget."""
    with contextlib.suppress(*_BUILD_ERRORS):  # diagnose meets the same failure and names nothing
        tables = _table_for(problem, tolerance, tuple(mistakes))
        if pairs:
            tables.pairs()


def offered(problem: Problem, tolerance: Tolerance | None = None, mistakes: tuple = ()) -> tuple:
    """The wrong answers and patterns diagnosis compares an answer with, for this exercise
    variant, in order: the author's mistakes, then the catalogue's, none equal to the right answer."""
    tables = _table_for(problem, tolerance, tuple(mistakes))
    return tuple(entry.candidate for table in (tables.first, tables.pairs()) for entry in table.entries)


# ------------------------------------------------------------------ matching


class _Student:
    """The student's text, read once for each way candidates need it, and evaluated lazily:
    each part compiled once, each value computed once. Read in the exercise's own shape, it is
    read as the exercise reads it (a kind may read its answers its own way)."""

    def __init__(self, text: str, limits: Limits, problem: Problem):
        self.text = text
        self.typed = "".join(normalize(text).split())  # as a sentence about its form sees it
        self.limits = limits
        self.problem = problem
        self.own: _Reading = (problem.shape, tuple(problem.answer_variables), tuple(problem.components))
        self.readings: dict[_Reading, Answer | None] = {}
        self.functions: dict[tuple, Compiled | None] = {}
        self.affines: dict[tuple, tuple[Expr, ...] | None] = {}
        self.values: dict[tuple, Evaluation | None] = {}
        self.judged: dict[tuple, bool] = {}

    def same(self, judge: Callable[..., Outcome], mine: object, theirs: object, ctx: Context) -> bool:
        """The engine's judgement that mine is theirs, made once: several candidates (different
        mistakes giving the same numbers) ask it of one answer."""
        key = (judge, mine, theirs, ctx)
        try:
            if key in self.judged:
                return self.judged[key]
        except TypeError:  # a part sympy can't hash: judged afresh each time
            return judge(mine, theirs, ctx).correct
        self.judged[key] = judged = judge(mine, theirs, ctx).correct
        return judged

    def read(self, reading: _Reading) -> Answer | None:
        if reading not in self.readings:
            shape, variables, components = reading
            try:
                if reading == self.own:
                    own = self.problem.read(self.text, self.limits)
                    self.readings[reading] = own if own.shape == shape else None  # or another shape: y = mx + b
                else:
                    self.readings[reading] = self.problem.read_as(self.text, shape, variables, components,
                                                                  self.limits)
            except InputError:
                self.readings[reading] = None
        return self.readings[reading]

    def value(self, part: tuple, expr: Expr, names: Sequence[str], points: tuple, index: int) -> Evaluation | None:
        """`expr` (the part of a reading named by `part`) at points[index]; None where it has no value."""
        if part not in self.functions:
            try:
                self.functions[part] = compile_expression(expr, [symbol(n) for n in names])
            except (Unsupported, KeyError):  # KeyError: a name the reading allows but these points lack
                self.functions[part] = None
        function = self.functions[part]
        if function is None:
            raise Unsupported("the answer can't be evaluated")
        key = (part, id(points), index)  # the same tuple of points serves every candidate: no hashing of them
        if key not in self.values:
            try:
                self.values[key] = function(points[index])
            except Undefined:
                self.values[key] = None
            except TypeError:  # a function the evaluator knows with one argument only
                raise Unsupported("the answer can't be evaluated") from None
        return self.values[key]

    def affine(self, reading: _Reading, got: Answer, index: int) -> tuple[Expr, ...] | None:
        """The student's equation as `v = rhs` with rhs affine, v the index-th variable: rhs's
        coefficients (constant first). None when it is not of that form."""
        key = (reading, index)
        if key not in self.affines:
            self.affines[key] = _solved_affine(_equation(got), reading[1], index)
        return self.affines[key]


def _solved_affine(equation: Equation, names: Sequence[str], index: int) -> tuple[Expr, ...] | None:
    """Coefficients of v = c0 + c1·u1 + … from any equation linear in all its variables."""
    syms = [symbol(n) for n in names]
    difference = minus(equation.lhs, equation.rhs)
    plain = _plain_terms(difference, tuple(syms))
    if plain is not None and all(c.is_Rational for cs in plain.values() for c in cs):
        terms = {monomial: Add(*cs) for monomial, cs in plain.items()}  # sympy keeps 2(x - 1) as 2x - 2
    else:  # not plainly so: as a polynomial (slower, and the same where both apply)
        if not difference.is_polynomial(*syms) or degree_at_most(difference, *syms) > MOST_MULTIPLIED_OUT:
            return None  # y = (x + 1)¹⁰⁰⁰(x − 1)¹⁰⁰⁰: no line, and Poly would multiply it out
        try:
            from sympy import Poly
            poly = Poly(difference, *syms)
        except BasePolynomialError:
            return None
        if poly.total_degree() != 1:
            return None
        terms = {monomial: poly.coeff_monomial(monomial) for monomial in (Integer(1), *syms)}
    coefficient = terms.get(syms[index], Integer(0))
    if coefficient == 0:
        return None
    others = [s for i, s in enumerate(syms) if i != index]
    return tuple(-terms.get(monomial, Integer(0)) / coefficient for monomial in (Integer(1), *others))


def _agrees(student: _Student, part: tuple, expr: Expr, names: Sequence[str], want: _Values,
            tolerance: Tolerance | None = None) -> bool | None:
    """Whether the student's `expr` has the wanted values: True, False, or None when too few
    points have a value on both sides to say (then the engine decides). A constant needs one
    point, and is close enough when the exercise's tolerance accepts it."""
    enough = 1 if want.constant else _ENOUGH
    agreed = 0
    try:
        for index, value in enumerate(want.values):
            got = None if value is None else student.value(part, expr, names, want.points, index)
            if got is None:
                continue
            if not (agree(got, value) or want.constant and tolerance is not None
                    and tolerance.accepts(to_mpf(got.value), to_mpf(value.value))):
                return False
            agreed += 1
    except Unsupported:
        return None
    return True if agreed >= enough else None


def _claimed(tolerance: Tolerance | None, spellings: Spellings) -> Tolerance | None:
    """The exercise's tolerance, narrowed to the places the student typed less one (for rounding on the way).

    The tolerance says how close a right answer must be; a mistake is named only where the student's
    own digits agree with it: -19.9487 is not the -19.98 of a mistake, though both round to -20.0."""
    typed = max((len(text.partition(".")[2]) for _, text in spellings if "e" not in text.lower()), default=0)
    if tolerance is None or tolerance.places is None or typed - 1 <= tolerance.places:
        return tolerance
    return Tolerance(places=typed - 1)


def _same_scalar(student: _Student, part: tuple, mine: Expr, theirs: Expr, want: _Values | None,
                 ctx: Context) -> bool:
    if mine == theirs:  # the cheapest proof: the same tree has the same values, and the engine says so too
        return True
    constant = want.constant if want is not None else not theirs.free_symbols
    # the tolerance applies where decimals were typed, or where the wrong answer is a decimal, as in the check
    tolerance = ctx.tolerance if ctx.decimals or theirs.has(Float) else None
    if want is not None and not (constant and mine.free_symbols):
        decided = _agrees(student, part, mine, () if constant else ctx.variables, want, tolerance)
        if decided is False or (decided and not constant):
            return decided  # an expression that agrees at every point is taken as equal, as the engine would
    if mine.is_Rational and theirs.is_Rational:  # what compare_numbers decides, without the engine
        return mine == theirs or tolerance is not None and tolerance.accepts(float(mine), float(theirs))
    if constant and not mine.free_symbols:
        return student.same(compare_numbers, mine, theirs, ctx)
    return student.same(compare_expressions, mine, theirs, ctx)


def _matches(entry: _Entry, wrong: Answer, got: Answer, student: _Student, ctx: Context) -> bool:
    """Whether the student's answer `got` is the candidate's wrong answer `wrong` (entry's)."""
    if wrong.shape in (Shape.EXPRESSION, Shape.NUMBER):
        return _same_scalar(student, (entry.reading,), got.value, wrong.value, entry.parts[0], ctx)
    if wrong.shape == Shape.VECTOR:
        mines, theirs = _vector(got), _vector(wrong)
        return len(mines) == len(theirs) and all(
            _same_scalar(student, (entry.reading, i), mine, their, want, ctx)
            for i, (mine, their, want) in enumerate(zip(mines, theirs, entry.parts)))
    if wrong.shape == Shape.EQUATION and entry.affine is not None:
        mine = student.affine(entry.reading, got, entry.affine)
        return mine is not None and all(
            _same_scalar(student, (entry.reading, "affine", i), m, c, want, ctx)
            for i, (m, c, want) in enumerate(zip(mine, _coefficients(_equation(wrong), entry), entry.parts)))
    # else (see _plane_points) the parts are points on the candidate's surface and one above it, or (None,)
    on_plane, above = entry.parts if len(entry.parts) == 2 else (None, None)
    if wrong.shape == Shape.EQUATION and on_plane is not None and above is not None:
        equation = _equation(got)
        difference = minus(equation.lhs, equation.rhs)
        holds = _agrees(student, (entry.reading,), difference, ctx.variables, on_plane)
        if holds is False:
            return False
        if holds and _agrees(student, (entry.reading,), difference, ctx.variables, above) is False:
            return True  # it holds on the candidate's surface and nowhere else we looked: the same surface
    return _same_tree(got, wrong) or student.same(compare, got, wrong, ctx)


def _same_tree(got: Answer, wrong: Answer) -> bool:
    """Whether the answer is the candidate as typed: the same label, or the same points in any order.
    Then the engine finds them equal; it is asked only where they differ. (Not for equations: it finds
    no equation without variables equal to anything, not even to itself.)"""
    if got.shape == Shape.LABEL:
        return got.value == wrong.value
    if got.shape != Shape.POINTS or not isinstance(got.value, tuple) or not isinstance(wrong.value, tuple):
        return False
    return all(isinstance(p, tuple) for p in got.value) and set(got.value) == set(wrong.value)


def _coefficients(equation: Equation, entry: _Entry) -> tuple[Expr, ...]:
    names = entry.reading[1]
    return _affine_coefficients(equation.rhs, tuple(symbol(n) for i, n in enumerate(names) if i != entry.affine))


@metered_cache(4096)  # a candidate's, asked again for every answer compared with it
def _affine_coefficients(rhs: Expr, syms: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """rhs's constant term, then its coefficient of each of syms (rhs affine in them)."""
    terms = _plain_terms(rhs, syms)
    if terms is not None:  # read off its terms: the sums that substituting 0 and differentiating give
        return tuple(Add(*terms.get(key, ())) for key in (Integer(1), *syms))
    return (rhs.xreplace({s: Integer(0) for s in syms}), *(rhs.diff(s) for s in syms))


def _first_value(student: _Student, entry: _Entry, got: Answer) -> float | None | bool:
    """The student's answer's value where the index files candidates like `entry`: a float, None
    (no value there: compare with them all), or False (no candidate of this file can match)."""
    want = entry.parts[0]
    if want is None:  # never, for a filed entry (_filable)
        return None
    expr: Expr  # the shape says which: the answer, its first component or its equation's constant
    part: tuple[object, ...]
    if got.shape in (Shape.EXPRESSION, Shape.NUMBER):
        expr, part = got.value, (entry.reading,)
    elif got.shape == Shape.VECTOR and got.value:
        expr, part = _vector(got)[0], (entry.reading, 0)
    elif got.shape == Shape.EQUATION and entry.affine is not None:
        mine = student.affine(entry.reading, got, entry.affine)
        if mine is None:
            return False
        expr, part = mine[0], (entry.reading, "affine", 0)
    else:
        return None
    if want.constant and expr.free_symbols:
        return False
    try:
        value = student.value(part, expr, () if want.constant else entry.reading[1], want.points, 0)
    except Unsupported:
        return None
    return None if value is None else to_float(value.value)


@dataclass(frozen=True)
class _Found:
    """A candidate the answer matched: what to name and say."""

    rank: int
    order: int
    misconception: str
    tell: Callable[[], str]  # the message, made for the one candidate chosen only (filling sentences takes time)
    said: tuple[Said, ...]
    got: Answer
    variables: tuple[str, ...]
    size: int = 1  # mistakes counted part by part (the same one in two components counts twice)
    fallback: bool = False  # said by value where the text refutes the candidate's own sentence: no rival to one
    # that is not refuted, which explains the answer as typed

    @property
    def message(self) -> str:
        return self.tell()


class _Search:
    """One answer against one variant's tables, within a count of comparisons."""

    def __init__(self, tolerance: Tolerance | None, student: _Student, limits: Limits):
        self.tolerance = tolerance
        self.student = student
        self.limits = limits
        self.tries = 0

    def tried(self) -> bool:
        """Count one comparison; False once the budget is spent."""
        self.tries += 1
        return self.tries <= _MAX_TRIES

    def near(self, index: _Index, got: Answer) -> list[_Entry]:
        """The filed entries whose first value is near the answer's."""
        near: list[_Entry] = []
        for file in index.files:
            value = _first_value(self.student, file.entries[0], got)
            if value is None:
                near += file.entries
            elif value is not False:
                width = _window(value, self.tolerance)
                near += file.entries[bisect_left(file.keys, value - width):bisect_right(file.keys, value + width)]
        return near

    def run(self, table: _Table, problem: Problem, unread: bool) -> list[_Found]:
        found: list[_Found] = []
        default = (problem.shape, tuple(problem.answer_variables), tuple(problem.components))
        for reading, index in table.indexes:
            if unread and reading == default:
                continue
            got = self.student.read(reading)
            if got is None:
                continue
            ctx = Context(reading[1], self.tolerance, self.limits).reading(got)
            ctx = replace(ctx, tolerance=_claimed(ctx.tolerance, ctx.spellings))  # every comparison below
            near = self.near(index, got)
            if index.keyed:
                key = _set_key(got.value) if got.shape == Shape.POINTS else got.value
                exact = key is not None and not (got.shape == Shape.POINTS and ctx.decimals)  # typed decimals
                near += index.keyed.get(key, []) if exact else \
                    [e for filed, group in index.keyed.items() if _may_match(key, filed, ctx.tolerance)
                     for e in group]  # match within the tolerance
            for entry in sorted([*near, *index.scan], key=lambda e: e.order):
                if not self.tried():
                    return found
                match = self.match(entry, got, ctx)
                if match is not None:
                    found.append(match)
        return found

    def match(self, entry: _Entry, got: Answer, ctx: Context) -> _Found | None:
        candidate = entry.candidate
        variables = entry.reading[1]
        if isinstance(candidate, Pattern):
            shown = candidate.test(got, ctx)
            if not shown:
                return None
            if isinstance(shown, str):
                return _Found(entry.rank, entry.order, candidate.misconception, partial(str, shown),
                              (Said.of(candidate.misconception, shown),), got, variables)
            if any(s.refuted(self.student.typed) for s in shown):
                return None  # its sentence is false of the answer as typed
            ids = BOTH.join(dict.fromkeys(s.misconception for s in shown))
            if ids in candidate.leading:  # before every single wrong answer, though it is filed after them
                return _Found(1, -1, ids, partial(told, [(None, s) for s in shown]), shown, got, variables)
            return _Found(3 if BOTH in ids else entry.rank, entry.order, ids, partial(told, [(None, s) for s in shown]),
                          shown, got, variables)
        if isinstance(candidate, Componentwise):
            return _componentwise(entry, candidate, got, self.student, ctx)
        if not _matches(entry, candidate.answer, got, self.student, ctx):
            return None
        if candidate.refuted(self.student.typed):  # its value, but not the form its sentence describes
            said = candidate.fallback(self.student.typed)
            return None if said is None else _Found(entry.rank, entry.order, said.misconception,
                                                    lambda: said.sentence, (said,), got, variables, fallback=True)
        return _Found(entry.rank, entry.order, candidate.misconception, lambda: candidate.sentence, candidate.said,
                      got, variables)


def _may_match(got: object, filed: object, tolerance: Tolerance | None) -> bool:
    """False only where a point set typed with decimals (`got`, as _set_key makes it) can't be a
    candidate's (`filed`) within the tolerance: a point of one is near no point of the other. The
    engine then need not compare them (a critical point's candidates are many, each comparison costly)."""
    if not (isinstance(got, frozenset) and isinstance(filed, frozenset)):
        return True
    points = [*got, *filed]
    if not all(isinstance(c, float) and math.isfinite(c) for point in points for c in point):
        return True  # a line x = c: the engine decides

    def near(a: tuple[float, ...], b: tuple[float, ...]) -> bool:  # b is the candidate's, the tolerance's measure
        # _set_key rounds both to 9 places: twice _NEAR covers that, with the tolerance's own width
        return len(a) == len(b) and all(abs(x - y) <= _window(y, tolerance) + _NEAR * max(1.0, abs(x))
                                        for x, y in zip(a, b))
    return (all(any(near(mine, theirs) for theirs in filed) for mine in got)
            and all(any(near(mine, theirs) for mine in got) for theirs in filed))


def _window(value: float, tolerance: Tolerance | None) -> float:
    """How far a candidate's first value may be from the answer's and still match it."""
    width = _NEAR * max(1.0, abs(value))
    if tolerance is not None:
        if tolerance.places is not None:
            width += 0.5 * 10.0**-tolerance.places * 1.000001
        elif tolerance.relative is not None:  # a tolerance is one or the other
            width += tolerance.relative * abs(value) * 1.000001
    return width


def _componentwise(entry: _Entry, candidate: Componentwise, got: Answer, student: _Student,
                   ctx: Context) -> _Found | None:
    """Each component the right value or one of its wrong options, at most two mistakes in all."""
    if not isinstance(got.value, tuple) or len(got.value) != len(candidate.options):
        return None
    whole = candidate.said_whole(student.typed)
    if whole is None:
        return None
    matchings: list[list[Option]] = []
    for i, (mine, files) in enumerate(zip(got.value, entry.options)):
        matching = [option for option, want in _near_options(files, student, (entry.reading, "c", i), mine, ctx)
                    if _same_scalar(student, (entry.reading, "c", i), mine, option.value, want, ctx)]
        if not matching:
            return None
        matchings.append(matching)
    picks = _fewest_mistakes(matchings, {s.misconception for s in whole}, candidate.most)
    if picks is None:
        return None
    chosen: list[tuple[str, tuple[Said, ...], Option | None]] = []  # name, what is said, a rival reading
    for name, best, matching in zip(candidate.names, picks, matchings):
        rival = _rival(best.said[0].misconception if len(best.said) == 1 else "",
                       [o for o in matching if o is not best and len(o.said) == len(best.said) == 1
                        and o.said[0].misconception != best.said[0].misconception], lambda o: o.said[0].misconception)
        chosen.append((name, best.said, rival))
    wrong = [(name, said, rival) for name, said, rival in chosen if said]
    by_id: dict[str, list[tuple[str, Said]]] = {}
    for name, said, _ in wrong:
        for s in said:
            by_id.setdefault(s.misconception, []).append((name, s))
    parts: list[tuple[str | None, Said]] = [(None, s) for s in whole]
    parts += [(None, in_places(i, where)) if len(where) > 1 else where[0] for i, where in by_id.items()
              if i not in {s.misconception for s in whole}]
    size = len(whole) + sum(len(said) for _, said, _ in wrong)
    if not parts or len(parts) > candidate.most:
        return None
    said = tuple(s for _, s in parts)
    ids = BOTH.join(s.misconception for s in said)
    if len(parts) == 2:
        return _Found(3, entry.order, ids, partial(told, parts), said, got, entry.reading[1], size)
    where, single = parts[0]
    rival = wrong[0][2] if len(wrong) == 1 and not whole else None
    if rival is not None:
        return _Found(1, entry.order, EITHER.join((single.misconception, rival.said[0].misconception)),
                      partial(either, single, rival.said[0], where), (), got, entry.reading[1], size)
    return _Found(1, entry.order, ids, partial(told, parts), said, got, entry.reading[1], size)


def _fewest_mistakes(matchings: Sequence[Sequence[Option]], whole: set[str],
                     most: int = 2) -> tuple[Option, ...] | None:
    """One matching option per component, read with the fewest different mistakes in all (at most two,
    with those of the whole vector), then the fewest counted part by part, then the catalogue's order:
    (2, 2) for ∇f(2, 3) of x² + y² is the exponent written alone in both partials, one mistake, though
    "lowered the exponent but did not multiply by it" gives ∂f/∂x's 2 too. None where every reading
    needs more than two."""
    best: tuple[tuple[int, int, tuple[int, ...]], tuple[Option, ...]] | None = None

    def visit(i: int, ids: frozenset[str], size: int, picked: tuple[Option, ...], places: tuple[int, ...]) -> None:
        nonlocal best
        if len(ids) > most:
            return  # a reading of more than two mistakes is never told: cut it off before the rest is tried
        if i == len(matchings):
            key = (len(ids), size, places)
            if best is None or key < best[0]:
                best = key, picked
            return
        for place, option in enumerate(matchings[i]):
            visit(i + 1, ids | {s.misconception for s in option.said}, size + len(option.said),
                  (*picked, option), (*places, place))

    visit(0, frozenset(whole), 0, (), ())
    return None if best is None else best[1]


def _near_options(files: _Options, student: _Student, part: tuple, mine: Expr,
                  ctx: Context) -> list[tuple[Option, _Values | None]]:
    """The options of one component whose first value is near the student's component's."""
    near = list(files.scan)
    for keys, items in files.files:
        want = items[0][1]
        if want.constant and mine.free_symbols:
            continue
        try:
            value = student.value(part, mine, () if want.constant else ctx.variables, want.points, 0)
        except Unsupported:
            value = None
        if value is None:
            near += items
            continue
        x = to_float(value.value)
        width = _window(x, ctx.tolerance)
        near += items[bisect_left(keys, x - width):bisect_right(keys, x + width)]
    return near


def _rival(best: str, others: Sequence[_T], misconception: Callable[[_T], str]) -> _T | None:
    """The other reading of an answer to tell beside the best one (`best`, its id): the first by another rule
    where there is one, "lowered the exponent but did not multiply by it, or dropped the constant coefficient 2",
    rather than two slips of the power rule (outside check h19, F3)."""
    return next((o for o in others if rule_of(misconception(o)) != rule_of(best)), others[0] if others else None)


def _best(found: Sequence[_Found]) -> _Found | None:
    """The simplest explanation: the author's, then one misconception (either of two, where two
    different ones give the answer), then two at once, then a shape said only where nothing else is."""
    if not found:
        return None
    ordered = sorted(found, key=lambda f: (f.rank, f.fallback, f.size, f.order))
    best = ordered[0]
    if best.rank == 3:
        pairs = [set(f.misconception.split(BOTH)) for f in ordered if f.rank == 3 and not f.fallback]
        if pairs and not set.intersection(*pairs):
            # pairs of mistakes with nothing in common give this answer: likely a coincidence, where the shape is not
            return next((f for f in ordered if f.rank == 4), None)
    if best.rank not in (1, 2) or len(best.said) != 1 or EITHER in best.misconception:
        return best
    rival = _rival(best.misconception, [f for f in ordered[1:] if f.rank in (1, 2) and len(f.said) == 1
                                        and not f.fallback and f.misconception != best.misconception
                                        and EITHER not in f.misconception], lambda f: f.misconception)
    if rival is None:
        return best
    return replace(best, misconception=EITHER.join((best.misconception, rival.misconception)),
                   tell=partial(either, best.said[0], rival.said[0]))


def diagnose(problem: Problem, text: str, tolerance: Tolerance | None = None, mistakes: tuple = (), *,
             shape_only: bool = False, limits: Limits = LIMITS) -> Diagnosis | None:
    """The misconception (or two, or either of two, or the author's mistake) that `text` shows, if any.

    problem: a tutor.topics Problem (one exercise variant). shape_only: the answer
    could not be read the exercise's way (in another shape, or with a name the exercise
    lacks, like + C), so only candidates read another way apply (one partial derivative
    where the gradient was asked for).
    """
    try:
        tables = _table_for(problem, tolerance, tuple(mistakes))
    except _BUILD_ERRORS:
        return None
    search = _Search(tables.first.tolerance, _Student(text, limits, problem), limits)
    allowed = limits.work // _BUDGET_SHARE
    try:
        # counted, as the check is: the same on any machine; the text is read as the check read it
        with remembering(), budget(allowed):
            start = spent()
            found = search.run(tables.first, problem, shape_only)
            allowed -= spent() - start
        one_digit = _one_digit(text, tables.first.tolerance)
        if one_digit:  # two mistakes at once are never the likeliest reading of it
            found = [f for f in found if f.rank < 3]
        best = _best(found)
        if _unexplained(best) and not one_digit:
            if not (tables.pairs_built or _PAIRS_HERE.get()):
                raise PairsUnbuilt()
            pairs = tables.pairs()  # trusted work, outside the answer's budget
            with remembering(), budget(allowed):
                found += search.run(pairs, problem, shape_only)
            best = _best(found)
        if best is None:
            return None
        message = best.message
    except (OutOfTime, RecursionError, MemoryError, ArithmeticError):
        return None  # no name for the mistake; the verdict stands as it is
    return Diagnosis(best.misconception, message + noted(best.got.ambiguities), best.got, best.variables)


_PLAIN_NUMBER = re.compile(r"\s*[-−]?(\d*)\.?(\d*)\s*")


def _one_digit(text: str, tolerance: Tolerance | None) -> bool:
    """A number of one significant digit typed where more decimal places are asked (0.1 where 0.1447 is right):
    a guess or a rounding as likely as a mistake (outside check h20, F1: it was told two mistakes)."""
    typed = _PLAIN_NUMBER.fullmatch(text)
    if typed is None or tolerance is None or tolerance.places is None:
        return False
    whole, places = typed.groups()
    return len((whole + places).strip("0")) <= 1 and len(places) < tolerance.places


def _unexplained(best: _Found | None) -> bool:
    """Whether a pair of misconceptions could be the better explanation: none found, or only two at once,
    or a pattern said where nothing else is (one misconception comes before any pair, in `_best`)."""
    return best is None or best.rank >= 3


# the unread answers diagnosis may still explain: read in another shape, or with a name the
# exercise lacks (+ C after a derivative)
_UNREAD = (Note.PARSE_ERROR.of("shape"), Note.PARSE_ERROR.of("unknown_name"))


def diagnosable(verdict: Verdict) -> bool:
    """Whether `explain` may name a mistake behind this verdict: an incorrect answer (not an
    undecided one, which may be right), or one not read in the exercise's shape."""
    if verdict.verdict == Judgement.INVALID:
        return verdict.note in _UNREAD
    # not multiplied out: the right value, which no mistake gives
    return verdict.verdict == Judgement.INCORRECT and verdict.note not in (Note.UNDECIDED, Note.NOT_MULTIPLIED_OUT)


# what only the tokenizer raises, before the parser starts: a run of letters that no split into the
# names known fits (or one that calls no function), or a character no answer may hold
_UNTOKENIZED = ("unknown_name", "unknown_function", "forbidden")


def unmatchable(problem: Problem, text: str, limits: Limits = LIMITS) -> bool:
    """Whether no candidate of this variant can read `text`, so that none can match it: decided
    without building them (idk, asdf, n/a, see attached), from the names any of them may read
    with, the variant's own and those its kind declares (Topic.candidate_names).

    Exact: read with all those names at once, the text fails in the tokenizer, which reads it whole
    before the parser starts; a run of letters that can't be split into known names with them can't
    be with fewer (a name is known with fewer only if it is with more), and a character no answer
    may hold is refused whatever the names. So every reading of a candidate, whose names are some of
    these, fails too. Not where the text is a label, or the empty set (read without the tokenizer),
    nor where it has a subscript (log_b x: whether the base follows depends on how the letters split)."""
    if "_" in normalize(text):
        return False
    for shape, names in ((Shape.LABEL, ()), (Shape.POINTS, names_read(problem))):
        try:
            read(text, shape, names, limits=limits)
        except InputError as error:
            if shape == Shape.POINTS and error.note not in _UNTOKENIZED:
                return False
        else:
            return False
    return True


def names_read(problem: Problem) -> tuple[str, ...]:
    """Every name a candidate of this variant may read an answer with (as a variable or a component)."""
    return tuple(dict.fromkeys((*problem.variables, *problem.answer_variables, *problem.components,
                                *topic_of(problem).candidate_names(problem))))


def worth_naming(verdict: Verdict, problem: Problem, text: str, limits: Limits = LIMITS) -> bool:
    """`diagnosable`, less the unread answers no candidate of this variant can read (`unmatchable`):
    for them `explain` would build the candidates only to keep the verdict as it is."""
    return diagnosable(verdict) and not (verdict.verdict == Judgement.INVALID and unmatchable(problem, text, limits))


def explain(verdict: Verdict, problem: Problem, text: str, tolerance: Tolerance | None = None,
            mistakes: tuple = (), limits: Limits = LIMITS) -> Verdict:
    """`verdict` with the mistake named, where diagnosis finds one.

    Only an incorrect answer is diagnosed, or one that could not be read the exercise's way but
    reads as a catalogued wrong answer of another shape or with another name (then it is
    incorrect, not invalid). A correct answer, or text that can't be read at all, keeps its verdict.
    """
    if not diagnosable(verdict):
        return verdict
    shape_only = verdict.verdict == Judgement.INVALID
    found = diagnose(problem, text, tolerance, mistakes, shape_only=shape_only, limits=limits)
    if found is None:
        return verdict
    aside = problem.aside(text)  # true whatever the mistake: the x where f has no value (outside check h39, F3)
    # a place given twice is named first, as the check names it (compare.once), before the mistake (h55, N3)
    repeats = _REPEATS.match(verdict.message)
    message = f"{repeats[0] if repeats else ''}{found.message}"
    return replace(verdict, verdict=Judgement.INCORRECT, note=found.note,
                   message=f"{message} {aside}" if aside else message,
                   reading=verdict.reading or found.reading, column=None)


_REPEATS = re.compile(r"(?:[^.]+? is given (?:twice|\d+ times)\. )+")
