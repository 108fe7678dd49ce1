"""Naming the mistake behind a wrong answer: misconception diagnosis.

When an answer is incorrect, it is compared with the wrong answers that named
misconceptions produce for this exercise variant (its kind's, listed by the
registry in tutor.topics), after the pack author's own `mistakes:`; the first
that it equals names the mistake.
The verdict then carries the note `misconception:<id>` (`mistake:author` for
an author's) and the misconception's sentence as its message.

Checking must stay cheap, so the candidates are built once per exercise
variant (cached), and each expression among them is evaluated once at the
equivalence engine's first sample points. A student's answer is evaluated at
those points once too; most candidates are then ruled out by comparing a few
numbers, and one that agrees at all of them is taken as a match without the
engine's symbolic confirmation: a match only chooses the feedback, never the
grade, and the check itself has already decided that the answer is wrong.
Numbers, point sets, equations and labels are confirmed by the engine itself.
A candidate that equals the right answer is dropped when the cache is built,
so a correct answer can never be diagnosed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Protocol

import mpmath
from sympy import Expr
from sympy.polys.polyerrors import BasePolynomialError

from .budget import OutOfTime, budget
from .check import Judgement, Verdict, expected_answer
from .compare import Context, Note, Tolerance, compare, compare_expressions, compare_numbers, sample_points
from .evaluate import Evaluation, Undefined, Unsupported, agree, compile_expression, to_mpf
from .limits import LIMITS, Limits
from .misconceptions import Pattern, WrongAnswer
from .parse import Answer, Equation, InputError, Shape, read, symbol
from .show import show
from .topics import Problem, candidates

AUTHOR = "author"  # the misconception id of a pack author's own `mistakes:`
_POINTS = 4  # sample points an expression must agree at to match a candidate
_ENOUGH = 3  # fewer defined points than this: leave the decision to the engine
_CACHE_SIZE = 1024  # exercise variants whose candidates are kept
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
    misconception: str  # a catalogue id, or AUTHOR
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
    """One part of a candidate (the answer, a component, an equation) as numbers: its values at
    some points. A constant has one point, the empty one."""

    points: tuple[tuple, ...]
    values: tuple  # Evaluation | None (no real value there), one for each point

    @property
    def constant(self) -> bool:
        return self.points is _NO_POINT


@dataclass(frozen=True)
class _Entry:
    """A candidate ready to match: how to read the student's text for it, and its values."""

    candidate: WrongAnswer | Pattern
    reading: _Reading
    parts: tuple[_Values | None, ...]  # per part of the answer; None: leave it to the engine


@dataclass(frozen=True)
class _Table:
    entries: tuple[_Entry, ...]
    tolerance: Tolerance | None


def _reading(problem: Problem, candidate: WrongAnswer | Pattern) -> _Reading:
    shape = candidate.answer.shape if isinstance(candidate, WrongAnswer) else candidate.shape
    variables = problem.answer_variables if candidate.variables is None else candidate.variables
    components = problem.components if candidate.components is None else candidate.components
    return shape, tuple(variables), tuple(components)


def _values_at(expr: Expr, names: Sequence[str], points: Sequence[tuple]) -> tuple | None:
    try:
        f = compile_expression(expr, [symbol(n) for n in names])
    except Unsupported:
        return None
    values = []
    for point in points:
        try:
            values.append(f(point))
        except Undefined:
            values.append(None)
    return tuple(values)


_NO_POINT = ((),)  # where a constant is evaluated


@lru_cache(maxsize=None)
def _samples(count: int) -> tuple[tuple, ...]:
    """The engine's first sample points in `count` variables, as one shared tuple."""
    return tuple(sample_points(count)[:_POINTS])


def _scalar(expr: Expr, names: Sequence[str]) -> _Values | None:
    """A number's value, or an expression's values at the engine's first sample points."""
    points = _samples(len(names)) if expr.free_symbols else _NO_POINT
    values = _values_at(expr, names if expr.free_symbols else (), points)
    return None if values is None else _Values(points, values)


def _plane_points(equation: Equation, names: Sequence[str]) -> tuple[_Values | None, ...]:
    """For z = g(x, y): sample points moved onto that plane (z = g there), where a student's
    equivalent equation holds too (its two sides differ by zero), and one point one unit above
    it, where it must not (0 = 0 holds everywhere). (None,) when the equation is not of that form."""
    lhs, rhs = equation.lhs, equation.rhs
    if not (lhs.is_Symbol and lhs.name in names and lhs not in rhs.free_symbols):
        return (None,)
    index = list(names).index(lhs.name)
    candidates = _samples(len(names))
    heights = _values_at(rhs, names, candidates) or ()
    points = tuple(p[:index] + (h.value,) + p[index + 1:] for p, h in zip(candidates, heights) if h is not None)
    if not points:
        return (None,)
    above = (points[0][:index] + (points[0][index] + 1,) + points[0][index + 1:],)
    return _Values(points, (_ZERO,) * len(points)), _Values(above, (_ZERO,))


def _parts(answer: Answer, names: Sequence[str]) -> tuple[_Values | None, ...]:
    if answer.shape in (Shape.EXPRESSION, Shape.NUMBER):
        return (_scalar(answer.value, names),)
    if answer.shape == Shape.VECTOR:
        return tuple(_scalar(c, names) for c in answer.value)
    if answer.shape == Shape.EQUATION:
        return _plane_points(answer.value, names)
    return ()


def _author_mistakes(problem: Problem, mistakes: Sequence[AuthorMistake]) -> list[WrongAnswer]:
    found = []
    for mistake in mistakes:
        try:
            answer = expected_answer(mistake.answer, problem.shape, problem.answer_variables)
        except InputError:
            continue  # pack validation reports it; a student can't be told about it
        found.append(WrongAnswer(AUTHOR, mistake.feedback, answer))
    return found


def _equals_right_answer(problem: Problem, candidate: WrongAnswer | Pattern, tolerance: Tolerance | None) -> bool:
    """Whether a student who typed this candidate would be right: then it names no mistake
    ("dropped the coefficient" where the coefficient is 1). Decided by the exercise's own check,
    on the candidate as the tutor prints it, exactly as a student's answer is checked."""
    if isinstance(candidate, Pattern):
        return False  # a pattern always needs points missing or extra
    try:
        return problem.check(show(candidate.answer.value, problem.variables), tolerance).correct
    except (InputError, ValueError, TypeError):  # ours, or sympy's on a strange candidate
        return False


# Building runs sympy on the exercise; where it fails (a function the solvers barely handle), that
# exercise gets no diagnosis, and its answers are still checked.
_BUILD_ERRORS = (ValueError, TypeError, ArithmeticError, NotImplementedError, RecursionError, OutOfTime,
                 BasePolynomialError)


def _table_for(problem: Problem, tolerance: Tolerance | None, mistakes: tuple) -> _Table:
    try:
        hash((problem, tolerance, mistakes))
    except TypeError:  # a kind holding a list can't be a cache key: build every time rather than fail
        return _build(problem, tolerance, mistakes)
    return _table(problem, tolerance, mistakes)


def _build(problem: Problem, tolerance: Tolerance | None, mistakes: tuple) -> _Table:
    try:
        catalogue = candidates(problem)
    except _BUILD_ERRORS:
        catalogue = []  # the author's mistakes still apply
    entries = []
    for candidate in [*_author_mistakes(problem, mistakes), *catalogue]:
        if _equals_right_answer(problem, candidate, tolerance):
            continue
        reading = _reading(problem, candidate)
        parts = _parts(candidate.answer, reading[1]) if isinstance(candidate, WrongAnswer) else ()
        entries.append(_Entry(candidate, reading, parts))
    return _Table(tuple(entries), tolerance or problem.default_tolerance())


_table = lru_cache(maxsize=_CACHE_SIZE)(_build)  # once per exercise variant (and tolerance, mistakes)


def prepare(problem: Problem, tolerance: Tolerance | None = None, mistakes: tuple = ()) -> None:
    """Build this variant's candidates now (cached): trusted work, done before an answer's limits start,
    so that diagnosing it spends only the answer's own budget."""
    with contextlib.suppress(*_BUILD_ERRORS):  # diagnose meets the same failure and names nothing
        _table_for(problem, tolerance, tuple(mistakes))


def offered(problem: Problem, tolerance: Tolerance | None = None, mistakes: tuple = ()) -> tuple:
    """The wrong answers and patterns diagnosis compares an answer with, for this exercise
    variant, in order: the author's mistakes, then the catalogue's, none equal to the right answer."""
    return tuple(entry.candidate for entry in _table_for(problem, tolerance, tuple(mistakes)).entries)


# ------------------------------------------------------------------ matching


class _Student:
    """The student's text, read once for each way candidates need it, and evaluated lazily:
    each part compiled once, each value computed once. Read in the exercise's own shape, it is
    read as the exercise reads it (a kind may read its answers its own way)."""

    def __init__(self, text: str, limits: Limits, problem: Problem):
        self.text = text
        self.limits = limits
        self.problem = problem
        self.own: _Reading = (problem.shape, tuple(problem.answer_variables), tuple(problem.components))
        self.readings: dict[_Reading, Answer | None] = {}
        self.functions: dict[tuple, object] = {}
        self.values: dict[tuple, Evaluation | None] = {}

    def read(self, reading: _Reading) -> Answer | None:
        if reading not in self.readings:
            shape, variables, components = reading
            try:
                if reading == self.own:
                    own = self.problem.read(self.text, self.limits)
                    self.readings[reading] = own if own.shape == shape else None  # or another shape: y = mx + b
                else:
                    self.readings[reading] = read(self.text, shape, variables, components=components,
                                                  limits=self.limits)
            except InputError:
                self.readings[reading] = None
        return self.readings[reading]

    def value(self, part: tuple, expr: Expr, names: Sequence[str], points: tuple, index: int) -> Evaluation | None:
        """`expr` (the part of a reading named by `part`) at points[index]; None where it has no value."""
        if part not in self.functions:
            try:
                self.functions[part] = compile_expression(expr, [symbol(n) for n in names])
            except Unsupported:
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
        return self.values[key]


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


def _same_scalar(student: _Student, part: tuple, mine: Expr, theirs: Expr, want: _Values | None,
                 ctx: Context) -> bool:
    constant = want.constant if want is not None else not theirs.free_symbols
    if want is not None and not (constant and mine.free_symbols):
        decided = _agrees(student, part, mine, () if constant else ctx.variables, want, ctx.tolerance)
        if decided is False or (decided and not constant):
            return decided  # an expression that agrees at every point is taken as equal, as the engine would
    if constant and not mine.free_symbols:
        return compare_numbers(mine, theirs, ctx).correct
    return compare_expressions(mine, theirs, ctx).correct


def _matches(entry: _Entry, got: Answer, student: _Student, ctx: Context) -> bool:
    wrong = entry.candidate.answer
    if wrong.shape in (Shape.EXPRESSION, Shape.NUMBER):
        return _same_scalar(student, (entry.reading,), got.value, wrong.value, entry.parts[0], ctx)
    if wrong.shape == Shape.VECTOR:
        return len(got.value) == len(wrong.value) and all(
            _same_scalar(student, (entry.reading, i), mine, theirs, want, ctx)
            for i, (mine, theirs, want) in enumerate(zip(got.value, wrong.value, entry.parts)))
    if wrong.shape == Shape.EQUATION and entry.parts[0] is not None:
        on_plane, above = entry.parts
        difference = got.value.lhs - got.value.rhs
        holds = _agrees(student, (entry.reading,), difference, ctx.variables, on_plane)
        if holds is False:
            return False
        if holds and _agrees(student, (entry.reading,), difference, ctx.variables, above) is False:
            return True  # it holds on the candidate's plane and nowhere else we looked: the same plane
    return compare(got, wrong, ctx).correct


def diagnose(problem: Problem, text: str, tolerance: Tolerance | None = None, mistakes: tuple = (), *,
             shape_only: bool = False, limits: Limits = LIMITS) -> Diagnosis | None:
    """The first misconception (or author's mistake) whose wrong answer `text` equals, if any.

    problem: a tutor.topics Problem (one exercise variant). shape_only: the answer
    could not be read in the exercise's shape, so only candidates of another
    shape apply (one partial derivative where the gradient was asked for).
    """
    try:
        table = _table_for(problem, tolerance, tuple(mistakes))
    except _BUILD_ERRORS:
        return None
    student = _Student(text, limits, problem)
    try:
        with budget(limits.work // _BUDGET_SHARE):
            for entry in table.entries:
                if shape_only and entry.reading[0] == problem.shape:
                    continue
                got = student.read(entry.reading)
                if got is None:
                    continue
                ctx = Context(entry.reading[1], table.tolerance, limits).reading(got)
                candidate = entry.candidate
                if isinstance(candidate, Pattern):
                    message = candidate.test(got, ctx)
                elif _matches(entry, got, student, ctx):
                    message = candidate.message
                else:
                    message = None
                if message:
                    return Diagnosis(candidate.misconception, message + _notes(got), got, entry.reading[1])
    except (OutOfTime, RecursionError, MemoryError, ArithmeticError):
        return None  # no name for the mistake; the verdict stands as it is
    return None


def _notes(got: Answer) -> str:
    """How an ambiguous input was read, as the check itself reports it."""
    if not got.ambiguities:
        return ""
    return " Note: " + " ".join(a[0].upper() + a[1:] + ("" if a.endswith(".") else ".") for a in got.ambiguities)


def diagnosable(verdict: Verdict) -> bool:
    """Whether `explain` may name a mistake behind this verdict: an incorrect answer (not an
    undecided one, which may be right), or one not read in the exercise's shape."""
    if verdict.verdict == Judgement.INVALID:
        return verdict.note == Note.PARSE_ERROR.of("shape")
    return verdict.verdict == Judgement.INCORRECT and verdict.note != Note.UNDECIDED


def explain(verdict: Verdict, problem: Problem, text: str, tolerance: Tolerance | None = None,
            mistakes: tuple = (), limits: Limits = LIMITS) -> Verdict:
    """`verdict` with the mistake named, where diagnosis finds one.

    Only an incorrect answer is diagnosed, or one that could not be read in the
    exercise's shape but reads as a catalogued wrong answer of another shape
    (then it is incorrect, not invalid). A correct answer, or text that can't be
    read at all, keeps its verdict.
    """
    if not diagnosable(verdict):
        return verdict
    shape_only = verdict.verdict == Judgement.INVALID
    found = diagnose(problem, text, tolerance, mistakes, shape_only=shape_only, limits=limits)
    if found is None:
        return verdict
    return replace(verdict, verdict=Judgement.INCORRECT, note=found.note, message=found.message,
                   reading=verdict.reading or found.reading, column=None)
