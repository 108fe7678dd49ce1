"""Deciding whether an answer equals the expected one, and saying why not.

Expressions are compared in three steps: the same canonical sympy form; then
values at a fixed sequence of points (simple points first, so that feedback can
name one: "at x = 1, y = 2 your answer is 12, but the correct value is 48"),
skipping points where either side has no real value; then, if every point
agreed, a symbolic confirmation within a small budget of work (sympy's function
calls, counted: tutor.budget). If that budget runs out the answer is still
correct, with the note `numeric`.

Every shape (number, vector, points, equation, label) has its comparison here;
each returns an Outcome with a machine-readable note.
"""

from __future__ import annotations

import functools
import math
import pickle
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
import sympy
from sympy import Expr
from sympy.core.cache import clear_cache

from .budget import OutOfTime, counted
from .evaluate import (
    PRECISION,
    Evaluation,
    Undefined,
    Unsupported,
    agree,
    compile_expression,
    to_mpf,
)
from .limits import LIMITS, Limits
from .parse import Answer, Equation, InputError, Shape, symbol
from .show import as_decimal, show
from .words import TextEnum

_POINTS_WANTED = 8  # agreeing points before an expression counts as equal
_CANDIDATES = 40  # points tried at most

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


@dataclass(frozen=True)
class Tolerance:
    """How close a decimal must be: relative (`1e-3`) or to decimal places (`dp:4`)."""

    relative: float | None = None
    places: int | None = None

    @classmethod
    def parse(cls, text: str | float | Tolerance | None) -> Tolerance | None:
        if text is None or isinstance(text, Tolerance):
            return text
        if isinstance(text, (int, float)):
            return cls(relative=float(text))
        if not isinstance(text, str):
            raise InputError(f"a tolerance is a number like 1e-3 or decimal places like dp:4, not {text!r}")
        match = re.fullmatch(r"\s*dp\s*:\s*(\d+)\s*", text)
        if match:
            return cls(places=int(match.group(1)))
        try:
            value = float(text)
        except ValueError:
            raise InputError(f"a tolerance is a number like 1e-3 or decimal places like dp:4, not {text!r}") from None
        if not value >= 0:
            raise InputError("a tolerance can't be negative")
        return cls(relative=value)

    def accepts(self, answer: float | mpmath.mpf, expected: float | mpmath.mpf) -> bool:
        if self.places is not None:
            return abs(answer - expected) <= 0.5 * 10.0**-self.places * (1 + 1e-9)
        return abs(answer - expected) <= self.relative * abs(expected) * (1 + 1e-12) or answer == expected

    def __str__(self) -> str:
        if self.places is not None:
            return f"dp:{self.places}"
        return f"{self.relative:g}"

    def describe(self) -> str:
        if self.places is not None:
            return f"to {self.places} decimal place{'s' if self.places != 1 else ''}"
        return f"within a relative error of {self.relative:g}"


class Note(TextEnum):
    """The machine-readable reason a verdict gives (STACK's "answer notes"); reports count them.

    A family (PARSE_ERROR, MISCONCEPTION, MISTAKE) is written with its detail after a colon:
    `Note.PARSE_ERROR.of("unbalanced")` is "parse_error:unbalanced".
    """

    # right
    EQUAL = "equal"
    NUMERIC = "numeric"  # equal at every sample point, confirmed numerically
    WITHIN_TOLERANCE = "within_tolerance"
    # wrong
    DIFFERS_AT = "differs_at"
    UNDEFINED = "undefined"
    NOT_EQUAL = "not_equal"
    WRONG_VALUE = "wrong_value"
    INEXACT = "inexact"
    WRONG_LENGTH = "wrong_length"
    COMPONENT_DIFFERS = "component_differs"
    WRONG_DIMENSION = "wrong_dimension"
    EXTRA_POINT = "extra_point"
    MISSING_POINT = "missing_point"
    NOT_EQUIVALENT = "not_equivalent"
    WRONG_LABEL = "wrong_label"
    MISCONCEPTION = "misconception"  # family: misconception:<catalogue id>
    MISTAKE = "mistake"  # family: mistake:author, a pack author's own `mistakes:`
    # not read, or not checked
    PARSE_ERROR = "parse_error"  # family: parse_error:<the reader's reason>
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    NO_ANSWER = "no_answer"

    def of(self, detail: str) -> str:
        """A note of this family: `misconception:sign-slip`."""
        return f"{self.value}:{detail}"


@dataclass(frozen=True)
class Outcome:
    """What a comparison found, before it becomes a Verdict."""

    correct: bool
    note: Note
    message: str
    credit: float = 0.0  # share of the marks, for shapes that allow partial credit

    @classmethod
    def right(cls, note: Note = Note.EQUAL, message: str = "Correct.") -> Outcome:
        return cls(True, note, message, 1.0)


@dataclass(frozen=True)
class Context:
    variables: tuple[str, ...]
    tolerance: Tolerance | None
    limits: Limits


# ------------------------------------------------------------------------ points


def _sample_points(count: int, seed: int) -> list[tuple[Fraction, ...]]:
    """Points to probe at: simple ones first (feedback names the first that differs),
    then a few chosen to expose sign and domain slips, then varied rationals.

    Odd denominators avoid coincidences at multiples of π/2 and at integers; the
    sequence is fixed, so a verdict never depends on luck or on the run.
    """
    simple = [(1, 2, 3, 4), (2, -1, 3, -2), (-1, 3, 2, 5), (3, 1, -2, 2),
              (Fraction(1, 2), Fraction(-3, 2), Fraction(5, 2), Fraction(-1, 2)),
              (Fraction(-3, 2), Fraction(1, 3), Fraction(-1, 2), Fraction(5, 2)),
              (-2, 2, Fraction(1, 2), 3)]  # a negative, an even power, a square root: (a²)^½ ≠ a
    points = [tuple(Fraction(v) for v in (row * (count // 4 + 1))[:count]) for row in simple]
    generator = random.Random(seed)
    denominators = (1, 2, 3, 5, 7, 11, 13)
    while len(points) < _CANDIDATES:
        coords = []
        for _ in range(count):
            q = generator.choice(denominators)
            span = generator.choice((2, 4, 10))
            coords.append(Fraction(generator.randint(-span * q, span * q), q))
        points.append(tuple(coords))
    return points


@functools.cache
def sample_points(count: int) -> list[tuple[Fraction, ...]]:
    return _sample_points(count, seed=20261127 + count)


def format_value(value) -> str:
    """A value for a sentence: exact when short (12, 3/4, 0.5057), else 6 significant digits."""
    if isinstance(value, Fraction) and max(value.numerator.bit_length(), value.denominator.bit_length()) <= 40:
        if value.denominator == 1:
            return str(value.numerator)
        decimal = as_decimal(value)
        if decimal is not None:
            return decimal
        if len(str(value)) <= 12:
            return str(value)
    with mpmath.workprec(PRECISION):
        text = mpmath.nstr(to_mpf(value), 6)
    return text[:-2] if text.endswith(".0") else text


def format_point(names: Sequence[str], point: Sequence) -> str:
    return ", ".join(f"{n} = {format_value(v)}" for n, v in zip(names, point))


# ------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class _Probe:
    """How two expressions behaved at the sample points."""

    agreed: int
    differs_at: tuple | None = None  # (point, answer value, expected value)
    undefined_at: tuple | None = None  # (point, expected value) where only the answer is undefined
    unsupported: bool = False


def _probe(answer: Expr, expected: Expr, names: Sequence[str], wanted: int) -> _Probe:
    symbols = [symbol(n) for n in names]
    try:
        f = compile_expression(answer, symbols)
        g = compile_expression(expected, symbols)
    except Unsupported:
        return _Probe(0, unsupported=True)
    agreed, undefined_at = 0, None
    for point in sample_points(len(symbols)):
        try:
            want = g(point)
        except Undefined:
            continue
        try:
            got = f(point)
        except Undefined:
            undefined_at = undefined_at or (point, want.value)
            continue
        if not agree(got, want):
            return _Probe(agreed, differs_at=(point, got.value, want.value))
        agreed += 1
        if agreed >= wanted:
            break
    return _Probe(agreed, undefined_at=undefined_at)


def afresh(value: object) -> object:
    """`value` rebuilt with sympy's caches emptied, so that the work counted on it next is the same
    whatever this process computed before (tutor.budget.counted)."""
    clear_cache()
    return pickle.loads(pickle.dumps(value))


def _warm_up() -> None:
    """What sympy does once per process on the way to confirming (lazy imports, tables)."""
    x = symbol("x")
    for difference in (sympy.sin(x) ** 2 + sympy.cos(x) ** 2 - 1, sympy.log(2 * x) - sympy.log(x) - sympy.log(2),
                       sympy.exp(2 * x) - sympy.exp(x) ** 2, sympy.sqrt(x**2) - sympy.Abs(x),
                       (x + 1) ** 2 - x**2 - 2 * x - 1, 1 / (x + 1) - 1 / (x**2 - 1) * (x - 1)):
        sympy.simplify(afresh(difference))
        sympy.cancel(sympy.expand(difference))


_SMALL_TERMS, _SMALL_DEGREE = 400, 60  # multiplied out: sympy's cancel settles such a difference in milliseconds


def _small(e: Expr) -> bool:
    terms, degree = _extent(e)
    return terms <= _SMALL_TERMS and degree <= _SMALL_DEGREE


def _extent(e: Expr) -> tuple[int, int]:
    """Upper bounds on the terms and the degree of `e` multiplied out (capped), from its tree alone;
    a function of something counts as one more variable."""
    cap = (_SMALL_TERMS + 1, _SMALL_DEGREE + 1)
    if e.is_Add or e.is_Mul:
        parts = [_extent(a) for a in e.args]
        if e.is_Add:
            terms, degree = sum(t for t, _ in parts), max(d for _, d in parts)
        else:
            terms, degree = math.prod(t for t, _ in parts), sum(d for _, d in parts)
        return min(terms, cap[0]), min(degree, cap[1])
    if e.is_Pow and e.exp.is_Integer:
        (terms, degree), n = _extent(e.base), abs(int(e.exp))
        if n > _SMALL_DEGREE:
            return cap if degree else (1, 0)
        return (1 if terms == 1 else min(math.comb(terms + n - 1, n), cap[0])), min(degree * n, cap[1])
    return (1, 0) if e.is_number else (1, 1)


def _confirm(difference: Expr, work: int, expand: bool = False) -> bool:
    """Whether sympy can show `difference` (expanded first if asked) is zero within `work` function calls.

    A small difference is settled by cancel first, uncounted: cancel's answer does not depend on the
    time or the work it takes, and for a rational function it is final (cancel is canonical for them).
    """
    if difference == 0:
        return True
    if _small(difference):
        try:
            if sympy.cancel(sympy.expand(difference) if expand else difference) == 0:
                return True
            if difference.is_rational_function():
                return False
        except (TypeError, ValueError, ArithmeticError, sympy.PolynomialError):
            pass
    difference = afresh(difference)
    try:
        with counted(work, warm_up=_warm_up):
            if expand:
                difference = sympy.expand(difference)
            if difference.is_polynomial() or difference.is_rational_function():
                return sympy.cancel(difference) == 0
            return sympy.simplify(difference) == 0
    except OutOfTime:
        return False
    except (TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
        return False


def compare_expressions(answer: Expr, expected: Expr, ctx: Context, what: str = "answer") -> Outcome:
    if answer == expected:
        return Outcome.right()
    names = _names(ctx, answer, expected)
    probe = _probe(answer, expected, names, _POINTS_WANTED)
    if probe.agreed and not probe.differs_at:
        if _confirm(answer - expected, ctx.limits.symbolic_work):
            return Outcome.right()
        probe = _probe(answer, expected, names, _CANDIDATES)  # no proof: look harder
    if probe.differs_at is not None:
        point, got, want = probe.differs_at
        if names:
            where = f"At {format_point(names, point)} your {what} is {format_value(got)}"
        else:
            where = f"Your {what} is {format_value(got)}"
        return Outcome(False, Note.DIFFERS_AT, f"{where}, but the correct value is {format_value(want)}.")
    if probe.agreed == 0 and probe.undefined_at is not None:
        point, want = probe.undefined_at
        where = f" at {format_point(names, point)}" if names else ""
        return Outcome(False, Note.UNDEFINED,
                       f"Your {what} is not defined{where}, where the correct value is {format_value(want)}.")
    if probe.agreed == 0:  # nothing to go on numerically: only sympy can say
        if _confirm(answer - expected, 2 * ctx.limits.symbolic_work, expand=True):
            return Outcome.right()
        return Outcome(False, Note.NOT_EQUAL, f"Your {what} is not equal to the correct one.")
    return Outcome.right(Note.NUMERIC)


def _names(ctx: Context, *exprs: Expr) -> list[str]:
    """The exercise's variables, plus any other symbol the expressions use."""
    names = list(ctx.variables)
    extra = sorted({s.name for e in exprs for s in e.free_symbols} - set(names))
    return [n for n in names if any(symbol(n) in e.free_symbols for e in exprs)] + extra


# ----------------------------------------------------------------------- numbers


def _value(expr: Expr) -> Evaluation | None:
    try:
        return compile_expression(expr, [])(())
    except (Undefined, Unsupported):
        return None


def compare_numbers(answer: Expr, expected: Expr, ctx: Context, what: str = "answer") -> Outcome:
    got, want = _value(answer), _value(expected)
    if want is None:
        return compare_expressions(answer, expected, ctx, what)
    if got is None:
        return Outcome(False, Note.UNDEFINED, f"Your {what} is not a real number.")
    if agree(got, want):
        return Outcome.right()
    tolerance = ctx.tolerance
    mine, theirs = to_mpf(got.value), to_mpf(want.value)  # not floats: 1e400 is a number too
    if tolerance is not None:
        if tolerance.accepts(mine, theirs):
            return Outcome.right(Note.WITHIN_TOLERANCE, f"Correct ({tolerance.describe()}).")
        return Outcome(False, Note.WRONG_VALUE,
                       f"Your {what} {format_value(got.value)} is not right {tolerance.describe()}.")
    close = abs(mine - theirs) <= 1e-3 * max(1, abs(theirs))
    if close and not want.exact and got.exact:
        return Outcome(False, Note.INEXACT,
                       f"Your {what} {format_value(got.value)} is close, but an exact value is expected.")
    return Outcome(False, Note.WRONG_VALUE, f"Your {what} {format_value(got.value)} is not right.")


def _compare_scalar(answer: Expr, expected: Expr, ctx: Context, what: str) -> Outcome:
    if not expected.free_symbols and not answer.free_symbols:
        return compare_numbers(answer, expected, ctx, what)
    return compare_expressions(answer, expected, ctx, what)


# ----------------------------------------------------------------------- vectors


def compare_vectors(answer: tuple, expected: tuple, ctx: Context) -> Outcome:
    if len(answer) != len(expected):
        return Outcome(False, Note.WRONG_LENGTH,
                       f"Your answer has {len(answer)} components, but {len(expected)} are expected.")
    outcomes = [
        _compare_scalar(a, e, ctx, f"{ORDINALS[i] if i < len(ORDINALS) else f'#{i + 1}'} component")
        for i, (a, e) in enumerate(zip(answer, expected))
    ]
    right = sum(o.correct for o in outcomes)
    if right == len(outcomes):
        notes = {o.note for o in outcomes}
        note = Note.NUMERIC if Note.NUMERIC in notes else (
            Note.WITHIN_TOLERANCE if Note.WITHIN_TOLERANCE in notes else Note.EQUAL)
        return Outcome.right(note, outcomes[0].message if note == Note.WITHIN_TOLERANCE else "Correct.")
    first_wrong = next(o for o in outcomes if not o.correct)
    return Outcome(False, Note.COMPONENT_DIFFERS, first_wrong.message, right / len(outcomes))


# ------------------------------------------------------------------------ points


def _same_point(a: tuple, b: tuple, ctx: Context) -> bool:
    return len(a) == len(b) and all(_compare_scalar(x, y, ctx, "coordinate").correct for x, y in zip(a, b))


def _on_locus(point: tuple, locus: Equation, ctx: Context) -> bool:
    names = list(ctx.variables)[: len(point)]
    substitution = {symbol(n): v for n, v in zip(names, point)}
    difference = (locus.lhs - locus.rhs).subs(substitution)
    value = _value(difference)
    return value is not None and value.value == 0


def compare_points(answer: tuple, expected: tuple, ctx: Context) -> Outcome:
    points = [p for p in answer if isinstance(p, tuple)]
    loci = [p for p in answer if isinstance(p, Equation)]
    want_points = [p for p in expected if isinstance(p, tuple)]
    want_loci = [p for p in expected if isinstance(p, Equation)]
    dimension = len(want_points[0]) if want_points else len(ctx.variables)
    if any(len(p) != dimension for p in points):
        return Outcome(False, Note.WRONG_DIMENSION, f"Each point needs {dimension} coordinates.")
    unique: list[tuple] = []
    for p in points:
        if not any(_same_point(p, q, ctx) for q in unique):
            unique.append(p)
    found = [w for w in want_points if any(_same_point(p, w, ctx) for p in unique)]
    extra = [p for p in unique
             if not any(_same_point(p, w, ctx) for w in want_points)
             and not any(_on_locus(p, line, ctx) for line in want_loci)]
    found_loci = [w for w in want_loci if any(compare_equations(a, w, ctx).correct for a in loci)]
    extra_loci = [a for a in loci if not any(compare_equations(a, w, ctx).correct for w in want_loci)]
    missing = len(want_points) - len(found) + len(want_loci) - len(found_loci)
    wrong = extra + extra_loci
    if not missing and not wrong:
        return Outcome.right()
    total = max(len(want_points) + len(want_loci), 1)
    credit = max(0.0, (len(found) + len(found_loci) - len(wrong)) / total)
    sentences = []
    if wrong:
        shown = ", ".join(show(p, ctx.variables) for p in wrong[:3])
        verb = "is" if len(wrong) == 1 else "are"
        sentences.append(f"{shown} {verb} not in the answer.")
    if missing:
        if len(want_loci) > len(found_loci):
            sentences.append("Some of the points form a whole line; write it as an equation, like x = 0.")
        else:
            sentences.append(f"{missing} point{'s are' if missing > 1 else ' is'} missing.")
    note = Note.EXTRA_POINT if wrong else Note.MISSING_POINT
    return Outcome(False, note, " ".join(sentences), credit)


# --------------------------------------------------------------------- equations


def compare_equations(answer: Equation, expected: Equation, ctx: Context) -> Outcome:
    """Equal when one equation is a nonzero multiple of the other (z = 2x + 3 ~ 2x - z + 3 = 0)."""
    for side in ("lhs", "rhs"):  # same explicit variable on one side: compare the other sides
        mine, theirs = getattr(answer, side), getattr(expected, side)
        if mine.is_Symbol and mine == theirs:
            other = "rhs" if side == "lhs" else "lhs"
            outcome = compare_expressions(getattr(answer, other), getattr(expected, other), ctx,
                                          what=f"{mine.name}")
            if outcome.correct or outcome.note != Note.DIFFERS_AT:
                return outcome
            return Outcome(False, Note.DIFFERS_AT, outcome.message.replace("correct value", f"correct {mine.name}"))
    a = answer.lhs - answer.rhs
    e = expected.lhs - expected.rhs
    if not a.free_symbols:
        return Outcome(False, Note.NOT_EQUIVALENT, "Your equation has no variables in it.")
    names = _names(ctx, a, e)
    symbols = [symbol(n) for n in names]
    try:
        f, g = compile_expression(a, symbols), compile_expression(e, symbols)
    except Unsupported:
        return Outcome(False, Note.NOT_EQUIVALENT, "Your equation is not equivalent to the correct one.")
    reference = None  # (a, e) at a point where e is not zero
    checked = 0
    for point in sample_points(len(symbols)):
        try:
            got, want = f(point), g(point)
        except Undefined:
            continue
        if reference is None:
            if want.value == 0:
                continue
            if got.value == 0:
                return _not_equivalent(names, point)
            reference = (got, want)
        # a = c·e for one constant c: a(p)·e(q) = e(p)·a(q) for the reference point q
        if not agree(_times(got, reference[1]), _times(want, reference[0])):
            return _not_equivalent(names, point)
        checked += 1
        if checked >= _POINTS_WANTED:
            break
    if reference is None:
        return Outcome(False, Note.NOT_EQUIVALENT, "Your equation is not equivalent to the correct one.")
    return Outcome.right()


def _times(a: Evaluation, b: Evaluation) -> Evaluation:
    if a.exact and b.exact:
        return Evaluation(a.value * b.value, a.scale * b.scale)
    with mpmath.workprec(PRECISION):
        return Evaluation(to_mpf(a.value) * to_mpf(b.value), a.scale * b.scale)


def _not_equivalent(names: Sequence[str], point: tuple) -> Outcome:
    return Outcome(False, Note.NOT_EQUIVALENT,
                   f"Your equation is not equivalent to the correct one (compare them at {format_point(names, point)}).")


# ------------------------------------------------------------------------ labels


def compare_labels(answer: str, expected: str, ctx: Context) -> Outcome:  # noqa: ARG001
    if answer == expected:
        return Outcome.right()
    return Outcome(False, Note.WRONG_LABEL, f"It is not {'an' if answer[0] in 'aeiou' else 'a'} {answer}.")


COMPARISONS: dict[Shape, Callable[[Any, Any, Context], Outcome]] = {
    Shape.EXPRESSION: compare_expressions,
    Shape.NUMBER: compare_numbers,
    Shape.VECTOR: compare_vectors,
    Shape.POINTS: compare_points,
    Shape.EQUATION: compare_equations,
    Shape.LABEL: compare_labels,
}


def compare(answer: Answer, expected: Answer, ctx: Context = Context((), None, LIMITS)) -> Outcome:
    return COMPARISONS[expected.shape](answer.value, expected.value, ctx)
