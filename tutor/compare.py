"""Deciding whether an answer equals the expected one, and saying why not.

Every shape (number, vector, points, equation, label) has its comparison here;
each returns an Outcome with a machine-readable note. Whether two expressions
are equal is decided by tutor.equality (proved, or shown at points with
rigorous error bounds; never "correct" on a guess); this module turns its
judgement into a sentence that names a point and both values, with digits
enough to see the difference, and echoes numbers as the student typed them.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, TypeAlias, cast

import mpmath
import sympy
from sympy import Expr

from .budget import OutOfTime, budget, remaining
from .equality import (
    JUMPS,
    At,
    Decision,
    Status,
    around_roots,
    axes,
    decide,
    decided_by_real_roots,
    differs_at_exact,
    far_points,
    has_value,
    judge,
    kink_points,
    line_roots,
    lines,
    real_roots,
    real_solution_set,
    same_real_solutions,
    sample_points,
    zero_at,
)
from .equation_maps import (
    MOST_OPERATIONS,
    continuous,
    maps_undone,
    signed,
    times_a_factor_never_zero,
    times_a_polynomial_factor,
    without_signed_factors,
    zero_set,
    zero_with_its_argument,
)
from .evaluate import (
    MOST_MULTIPLIED_OUT,
    PRECISION,
    Compiled,
    Undefined,
    Unsupported,
    Value,
    compile_expression,
    degree_at_most,
    to_mpf,
)
from .functions import Interval, as_fraction, lower, upper
from .limits import LIMITS, Limits
from .parse import (
    Answer,
    Equation,
    InputError,
    Link,
    Meet,
    Point,
    Points,
    Shape,
    Spellings,
    component_texts,
    decimal_places,
    divided_by,
    fraction,
    minus,
    symbol,
    to_sympy,
    valued_in_part,
)
from .show import as_decimal, one_exponent, show, show_each, terminating_places, typed_notation
from .sign_change import (
    Bracket,
    multiple_of_pi,
    narrowed,
    nowhere_zero,
    searchable,
    valued_all_along,
    valueless,
    zeros,
)
from .words import TextEnum, and_list, counted, first_of

__all__ = ["COMPARISONS", "Context", "Outcome", "Tolerance", "compare", "compare_equations", "compare_expressions",
           "compare_numbers", "compare_points", "compare_vectors", "format_point", "format_value", "sample_points"]

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


# A tolerance's bounds: a relative error of more than a half accepts answers of another size (0 for 1 at
# a relative error of 1), and a double carries about 15 decimal places, so more are no tolerance at all.
MAX_RELATIVE = 0.5
MAX_PLACES = 15
TOLERANCE_WORDS = (f"a relative error from 0 to {MAX_RELATIVE:g}, like 1e-3, or decimal places from 0 to "
                   f"{MAX_PLACES}, like dp:4")
# A tolerance written as text, as the loader and the JSON Schema of packs both check it: decimal places up
# to MAX_PLACES, or a relative error up to MAX_RELATIVE written as a decimal (0.001, .25, 0.5) or in
# scientific notation with one digit before the point (1e-3, 2.5e-4, 5e-1): never Python's 'inf', 'nan'
# or '1_0', which float() takes, nor a number too large, which the schema could not tell from its text.
_PLACES_TEXT = r"dp\s*:\s*0*(?:[0-9]|1[0-5])"
_RELATIVE_TEXT = (r"0+(?:\.(?:[0-4][0-9]*|50*)?)?|\.(?:[0-4][0-9]*|50*)"  # 0 to 0.5 as a decimal
                  r"|[1-9](?:\.[0-9]*)?[eE]-0*(?:[2-9]|[1-9][0-9]+)"  # 1e-2 and smaller
                  r"|(?:[1-4](?:\.[0-9]*)?|5(?:\.0*)?)[eE]-0*1"  # 1e-1 to 5e-1
                  r"|0+(?:\.0*)?[eE][+-]?[0-9]+")  # 0e5
TOLERANCE_PATTERN = rf"^\s*(?:{_PLACES_TEXT}|{_RELATIVE_TEXT})\s*$"


@dataclass(frozen=True)
class Tolerance:
    """How close a decimal must be: relative (`1e-3`) or to decimal places (`dp:4`)."""

    relative: float | None = None
    places: int | None = None

    @classmethod
    def parse(cls, text: str | float | Tolerance | None) -> Tolerance | None:
        """The one reader of a tolerance, wherever it is written (--tol, a pack's tolerance:, a batch line's
        tol): an infinite, NaN, negative or too large one would accept any answer, so each is refused."""
        if text is None or isinstance(text, Tolerance):
            return text
        refused = InputError(f"a tolerance must be {TOLERANCE_WORDS}, not {_written(text)}")
        if isinstance(text, bool) or not isinstance(text, (str, int, float)):
            raise refused
        if isinstance(text, str):
            if not re.fullmatch(TOLERANCE_PATTERN, text):
                raise refused
            match = re.fullmatch(r"\s*dp\s*:\s*(\d+)\s*", text)
            if match:
                return cls(places=int(match.group(1)))
        try:
            value = float(text)  # a numeral too long for a double is inf, refused below
        except OverflowError:  # a whole number too large for a double, from JSON
            raise refused from None
        if not 0 <= value <= MAX_RELATIVE:  # nan compares false
            raise refused
        return cls(relative=value)

    def accepts(self, answer: Measured, expected: Measured) -> bool:
        """Whether the answer is certainly within the tolerance of the expected value, judged in exact
        rationals: in doubles, or in mpmath at its 53 bits, 10^20·π + 54 is 10^20·π. An enclosure is within
        only when all of it is, give or take 10^-9 of the tolerance, as is a float or mpf: 0.5113 is right to 4
        places for a value exactly half a unit away (0.51125), which no enclosure of it can show."""
        if type(answer) is float and type(expected) is float:
            clear = self._clearly(answer, expected)
            if clear is not None:
                return clear
        try:
            low, high = _difference(answer, expected)
        except ValueError:
            return False
        exact = isinstance(answer, Fraction) and isinstance(expected, Fraction)
        margin = 1 if exact else 1 + Fraction(1, 10**9)
        if self.places is not None:
            allowed = Fraction(1, 2 * 10**self.places) * margin
        else:
            if low == high == 0:
                return True
            allowed = _exact_relative(self.relative or 0.0) * _least_size(expected) * margin
        return max(-low, high) <= allowed

    def _clearly(self, answer: float, expected: float) -> bool | None:
        """`accepts` for two doubles, judged in doubles where the gap is more than a part in 10⁶ of the
        allowance away from it (their rounding errors are parts in 2⁵²): the verdict the exact rationals give,
        at a tenth of their cost. None near the edge, or where the allowance is too small for a double."""
        gap = abs(answer - expected)
        allowed = 0.5 * 10.0 ** -self.places if self.places is not None else (self.relative or 0.0) * abs(expected)
        if not (math.isfinite(gap) and math.isfinite(allowed)) or 0 < allowed < 1e-290:
            return None
        if gap > allowed * (1 + 1e-6):
            return False
        return True if gap < allowed * (1 - 1e-6) else None

    def near(self, answer: Measured, expected: Measured) -> bool:
        """Within ten units of the last place asked for (ten times the relative error allowed): a
        slip in the last digits, not another value."""
        try:
            low, high = _difference(answer, expected)
        except ValueError:
            return False
        middle = (low + high) / 2
        if self.places is not None:
            return abs(middle) <= Fraction(10, 10**self.places) * (1 + Fraction(1, 10**9))
        return abs(middle) <= 10 * _exact_relative(self.relative or 0.0) * abs(_ends(expected)[0]) \
            * (1 + Fraction(1, 10**12))

    def __str__(self) -> str:
        if self.places is not None:
            return f"dp:{self.places}"
        return f"{self.relative:g}"

    def describe(self) -> str:
        if self.places is not None:
            return f"to {counted(self.places, 'decimal place')}"
        return f"within a relative error of {self.relative:g}"


Measured: TypeAlias = float | mpmath.mpf | Fraction | Interval  # a value a tolerance is checked on, or its enclosure


def _ends(value: Measured) -> tuple[Fraction, Fraction]:
    """The least and greatest a value may be, exactly: a float or mpf is the binary number it is.
    ValueError for an end that is not finite (no number is within a tolerance of it)."""
    if isinstance(value, Fraction):
        return value, value
    ends = (value, value) if isinstance(value, (float, mpmath.mpf)) else (lower(value), upper(value))
    if not all(mpmath.isfinite(end) for end in ends):
        raise ValueError("an infinite value")
    low, high = (Fraction(end) if isinstance(end, float) else as_fraction(end) for end in ends)
    return low, high


def _difference(answer: Measured, expected: Measured) -> tuple[Fraction, Fraction]:
    (a_low, a_high), (e_low, e_high) = _ends(answer), _ends(expected)
    return a_low - e_high, a_high - e_low


def _least_size(value: Measured) -> Fraction:
    low, high = _ends(value)
    return Fraction(0) if low <= 0 <= high else min(abs(low), abs(high))


def _exact_relative(relative: float) -> Fraction:
    """A relative tolerance as written (1e-20 is 10^-20, not the double nearest it)."""
    return Fraction(repr(relative))


def _written(value: object) -> str:
    """A refused tolerance as it was written: JSON's true as true, text in quotes."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"'{value}'"
    written = repr(value)
    return written if len(written) <= 20 else f"{written[:12]}…"  # a JSON whole number of 400 digits


class Note(TextEnum):
    """The machine-readable reason a verdict gives (STACK's "answer notes"); reports count them.

    A family (PARSE_ERROR, MISCONCEPTION, MISTAKE) is written with its detail after a colon:
    `Note.PARSE_ERROR.of("unbalanced")` is "parse_error:unbalanced".
    """

    # right
    EQUAL = "equal"
    NUMERIC = "numeric"  # no proof, but the difference is certainly negligible at every point (equality.py)
    WITHIN_TOLERANCE = "within_tolerance"
    # wrong
    DIFFERS_AT = "differs_at"
    UNDEFINED = "undefined"
    NOT_EQUAL = "not_equal"
    UNDECIDED = "undecided"  # neither proven equal nor shown different: never correct, flagged for a person
    WRONG_VALUE = "wrong_value"
    INEXACT = "inexact"
    DECIMAL_FOR_EXACT = "decimal_for_exact"  # a typed decimal that is the exact rational rounded
    TOO_FEW_PLACES = "too_few_places"  # a typed decimal that is the value rounded, to fewer places than asked
    WRONG_LENGTH = "wrong_length"
    COMPONENT_DIFFERS = "component_differs"
    WRONG_DIMENSION = "wrong_dimension"
    EXTRA_POINT = "extra_point"
    MISSING_POINT = "missing_point"
    NOT_EQUIVALENT = "not_equivalent"
    WRONG_WORKING = "wrong_working"  # a link of a chain of working (A = B = V) that is not equal to the next
    NOT_MULTIPLIED_OUT = "not_multiplied_out"  # the value asked for, but a power or product of sums left where
    # the question asks to multiply out
    WRONG_LABEL = "wrong_label"
    MISCONCEPTION = "misconception"  # family: misconception:<catalogue id>
    MISTAKE = "mistake"  # family: mistake:author, a pack author's own `mistakes:`
    # not read, or not checked
    PARSE_ERROR = "parse_error"  # family: parse_error:<the reader's reason>
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    BROKEN_VARIANT = "broken_variant"  # the student's parameter draw gives an exercise that can't be set
    NO_ANSWER = "no_answer"
    UNUSABLE = "unusable"  # an answer given in a submissions file that could not use it (a list, a broken row)

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
    cut_off: bool = False  # a decimal whose digits are right, the last not rounded: a vector says it of each

    @classmethod
    def right(cls, note: Note = Note.EQUAL, message: str = "Correct.") -> Outcome:
        return cls(True, note, message, 1.0)


@dataclass(frozen=True)
class Context:
    variables: tuple[str, ...]
    tolerance: Tolerance | None
    limits: Limits
    spellings: Spellings = ()  # the decimals the student typed, to echo them as typed
    # decimals were typed, in the answer or the expected one, or a whole number in the answer where there is a
    # tolerance (_stands_whole): the tolerance applies
    decimals: bool = False
    components: tuple[str, ...] = ()  # the names of a vector's components (m, b), for messages
    wholes: tuple[Fraction, ...] = ()  # the whole numbers the student typed as digits (-19, 25, 3)

    given: Spellings = ()  # the decimals typed in the expected answer
    # numbers worked out from typed whole numbers, each as typed as they (1000x = 368z as x = 0.368z: its 0.368)
    derived: tuple[Fraction, ...] = ()
    # what the question is about (the function a derivative is of): an answer must have a value on enough of
    # where it has one (tutor.equality.judge's `within`)
    domain: tuple[Expr, ...] = ()
    # whether the equation as typed holds an exact number other than a rational (_exact_constants), where it is
    # compared with a map taken off (x^5 = 0.22 as x = 0.22^(1/5), whose root is no number typed); None: as it is
    exact_typed: bool | None = None

    def reading(self, answer: Answer, expected: Answer | None = None) -> Context:
        """This context for comparing `answer`: its decimals as typed, and whether the tolerance applies."""
        typed = bool(answer.spellings or (expected is not None and expected.spellings))
        whole = self.tolerance is not None and _stands_whole(answer.value, answer.wholes)
        return replace(self, spellings=answer.spellings, decimals=typed or whole, wholes=answer.wholes,
                       given=expected.spellings if expected is not None else ())

    def tolerant(self, answer: Expr, expected: Expr) -> bool:
        """Whether the tolerance applies to this number (a vector's component, a point's coordinate): where it is
        a decimal or a whole number typed (or worked out from such), or a decimal was typed in the expected one.
        Not where one is worked into it by a function or beside an exact number: W(1.0001), W(1) + 0.00004 and
        1 - W(0.66733) were right to 4 places for W(1) (outside check h62, F1). What is typed beside it does not
        count either: in (1001/3, 1) the 1 is a decimal with no places, the 1001/3 stays exact."""
        if self.tolerance is None:
            return False
        # a place compared with one the student typed, either way round (a diagnosis's candidate with 3.46)
        typed = expected.is_Rational and abs(fraction(expected)) in {
            abs(number) for number, _ in self.spellings}
        return ((answer.is_Rational and self.typed(fraction(answer))) or typed or expected.has(sympy.Float)
                or _typed_in(expected, self.given))

    def typed(self, number: Fraction) -> bool:
        """Whether the answer's `number` was typed as a decimal or a whole number, or worked out from such
        numbers: a coefficient the tolerance applies to (1001/3 in y = 1001/3 x + 1 is exact)."""
        size = abs(number)
        return any(size == abs(n) for n, _ in self.spellings) or size in self.derived or size in self.wholes


def _typed_in(value: Expr, spellings: Spellings) -> bool:
    """Whether a decimal typed (one of `spellings`) is a number of `value`: 1.5333, e^0.47; not 17/30 + 10^-5,
    whose sum of exact numbers was typed as none."""
    typed = {abs(number) for number, _ in spellings}
    return any(abs(fraction(r)) in typed for r in value.atoms(sympy.Rational))


def _stands_whole(value: object, wholes: tuple[Fraction, ...]) -> bool:
    """Whether a whole number typed as digits is a number of the answer: 333, the 2 and 3 of 2x + 3, the 11
    of (11, 2); not the 2 of x², nor the 1000 of 1000/3, which is exact. Under a tolerance such a number is
    a decimal with no places (333 as 333.0): 333 for 1000/3 is right to 0 decimal places, as 333.0 is."""
    if isinstance(value, Equation):
        return _stands_whole(value.lhs, wholes) or _stands_whole(value.rhs, wholes)
    if isinstance(value, tuple):
        return any(_stands_whole(v, wholes) for v in value)
    if not isinstance(value, sympy.Basic):
        return False  # a label
    if value.is_Integer:
        return abs(Fraction(int(value))) in wholes
    if isinstance(value, sympy.Mul):  # its -1 is a sign (-ln 5 for ln(1/5)), no number typed
        return any(_stands_whole(arg, wholes) for arg in value.args if arg != -1)
    return isinstance(value, sympy.Add) and any(_stands_whole(arg, wholes) for arg in value.args)


# ------------------------------------------------------------------------ values


def _text(value: Fraction | Interval | mpmath.mpf, digits: int, spellings: Spellings = (),
          fractions: bool = False, decimals: bool = False) -> str:
    """A value for a sentence: as typed; exact when short (12, 3/4, 0.5057, or 19/10 where `fractions`;
    6.65, not 133/20, where `decimals`); else `digits` significant digits."""
    if isinstance(value, Fraction):
        for number, typed in spellings:
            if value == number or value == -number:
                return typed if value == number else f"-{typed}"
        if max(value.numerator.bit_length(), value.denominator.bit_length()) <= 40:
            if value.denominator == 1:
                return str(value.numerator)
            decimal = None if fractions else as_decimal(value, always=decimals)
            if decimal is not None:
                return decimal
            if len(str(value)) <= 12 and not decimals:  # 1/0.9999 as 1.0001, not 10000/9999
                return str(value)
        decimal = as_decimal(value, most_places=digits)  # a decimal the student typed, perhaps long
        if decimal is not None and len(decimal.lstrip("-0.")) <= digits:
            return decimal
    if not isinstance(value, (Fraction, mpmath.mpf)) and lower(value) <= 0 <= upper(value):
        return "0"  # sin(π) as 0: the middle of the bounds around it is rounding noise (-3.99443e-39)
    with mpmath.workprec(max(PRECISION, 4 * digits)):
        text = mpmath.nstr(_middle(value), digits)
    return one_exponent(str(text).removesuffix(".0"))  # 1e309, as tables write floats, not mpmath's 1.0e+309


def _middle(value: Fraction | Interval | mpmath.mpf) -> mpmath.mpf:
    if isinstance(value, Fraction):
        return to_mpf(value)
    if isinstance(value, mpmath.mpf):
        return value
    return (lower(value) + upper(value)) / 2


def format_value(value: Fraction | Interval | mpmath.mpf, spellings: Spellings = (), fractions: bool = False) -> str:
    """A value for a sentence: as typed; exact when short (12, 3/4, 0.5057, or 19/10 where `fractions`: a
    number the student typed without decimals); else 6 significant digits."""
    return _text(value, 6, spellings, fractions)


_MOST_DIGITS = 20  # beyond this a sentence gives the difference instead of the digits


def format_pair(got: Fraction | Interval, want: Fraction | Interval, decimals: bool = False) -> tuple[str, str] | None:
    """The two values with enough digits to see that they differ (None if 20 digits are not enough);
    decimals: the answer's value as a decimal where it has one (the student typed decimals)."""
    a, b = _text(got, 6, decimals=decimals), _text(want, 6)
    # texts that differ, but not values rounded alike: 1.23457e6 is 86419707/70 to 6 digits too
    if a != b and _digits(got, 6) != _digits(want, 6):
        return a, b
    exact = isinstance(got, Fraction) and isinstance(want, Fraction)
    for digits in range(7, _MOST_DIGITS + 1):  # the same number of digits for both: 0.8414711, 0.8414710
        if exact:
            a, b = _text(got, digits, decimals=decimals), _text(want, digits)
        else:
            a, b = _digits(got, digits), _digits(want, digits)
        if a != b and _digits(got, digits) != _digits(want, digits):
            return a, b
    return None


def _digits(value: Fraction | Interval, digits: int) -> str:
    with mpmath.workprec(max(PRECISION, 4 * digits)):
        return one_exponent(str(mpmath.nstr(_middle(value), digits, strip_zeros=False)))  # 1.0000000e309, not e+309


def _differs_message(where: str, what: str, got: Fraction | Interval, want: Fraction | Interval,
                     decimals: bool = False) -> str:
    """'At x = 1 your answer is 24, but the correct value is 48.' with digits enough to see the difference;
    decimals: the answer's value as a decimal (2.718 for z = 2.718x at x = 1, not 1359/500)."""
    pair = format_pair(got, want, decimals)
    if pair is not None:
        return f"{where}your {what} is {pair[0]}, but the correct value is {pair[1]}."
    return f"{where}your {what} is {_gap(got, want)} than the correct value, {_text(want, _MOST_DIGITS)}."


def _gap(got: Fraction | Interval, want: Fraction | Interval) -> str:
    """How far `got` is from `want`, for a sentence: '6.94e-41 less' (the bounds tell it: see
    tutor.equality.decide)."""
    gap = _exact_middle(got) - _exact_middle(want)  # tiny beside the values: no rounding
    side = "more" if gap > 0 else "less"
    with mpmath.workprec(64):
        size = one_exponent(str(mpmath.nstr(mpmath.mpf(abs(gap.numerator)) / gap.denominator, 3)))
    return f"{size} {side}"


def _exact_middle(value: Fraction | Interval) -> Fraction:
    """The middle of an interval exactly (its ends are binary fractions), or the rational itself."""
    if isinstance(value, Fraction):
        return value
    low, high = (as_fraction(end) for end in (lower(value), upper(value)))
    return (low + high) / 2


def format_point(names: Sequence[str], point: Sequence[Fraction | Interval], spellings: Spellings = ()) -> str:
    """x = 1/2, y = 3 as a sentence names a point: each coordinate exact, or where 6 digits would round it, to 20
    (x = 1000000000000.1428571, not 1e12, where the two answers are equal)."""
    return ", ".join(f"{n} = {_coordinate(v, spellings)}" for n, v in zip(names, point))


def _coordinate(value: Fraction | Interval, spellings: Spellings) -> str:
    shown = format_value(value, spellings)
    if not isinstance(value, Fraction) or _as_is(shown, value):
        return shown
    return _text(value, _MOST_DIGITS, fractions=True)


def _as_is(shown: str, value: Fraction) -> bool:
    """Whether `shown` says `value` as it is: its exact digits or fraction, or words rather than a number
    (nothing then to give more digits of)."""
    try:
        return Fraction(shown) == value
    except (ValueError, ZeroDivisionError):
        return True


# ------------------------------------------------------------------- expressions

UNDECIDED_MESSAGE = ("Your {what} could not be checked with certainty, so it is not marked correct; "
                     "it is flagged for your teacher to look at.")


def compare_expressions(answer: Expr, expected: Expr, ctx: Context, what: str = "answer") -> Outcome:
    return _compared_expressions(answer, expected, ctx, what)[0]


def _compared_expressions(answer: Expr, expected: Expr, ctx: Context, what: str) -> tuple[Outcome, Decision]:
    """compare_expressions's outcome, and the judgement it rests on."""
    names = _names(ctx, answer, expected)
    judgement = judge(answer, expected, names, ctx.limits.symbolic_work, within=ctx.domain)
    if judgement.status is Status.DIFFERENT and ctx.decimals and ctx.tolerance is not None:
        # decimals (or whole numbers) where the exercise takes them: each coefficient to the tolerance, as
        # m = 0.0612 is; 2x + 3 for 2.04x + 3 to 1 place as 2.0x + 3
        off = _coefficients_off(answer, expected, names, ctx)
        if off is not None:
            return _coefficients_outcome(off, what, ctx.tolerance), judgement
    elif judgement.status in (Status.DIFFERENT, Status.NOT_EQUAL, Status.UNDECIDED):
        close = _close_coefficient(answer, expected, names, ctx.spellings)
        if close is not None and close[1] is Note.DECIMAL_FOR_EXACT:
            return Outcome(False, Note.DECIMAL_FOR_EXACT, f"The {close[0]} in your {what} is close: the exact "
                                                          "value is wanted; write it as a fraction."), judgement
        if close is not None:
            return Outcome(False, Note.INEXACT, f"The {close[0]} in your {what} is close, but an exact value is "
                                                "expected."), judgement
    # the answer's value as its numbers are echoed: decimals where it was typed in them (typed_notation)
    return _outcome(judgement, names, what, decimals=typed_notation(answer, ctx.spellings)[0]), judgement


@dataclass(frozen=True)
class _Off:
    """The coefficients of an answer not within the tolerance, as typed: those simply wrong, and those
    that are the right one rounded to fewer places than asked (with the places typed)."""

    wrong: tuple[str, ...]
    short: tuple[tuple[str, int], ...]
    exact: bool = False  # a wrong one was typed exact (1001/3): not right, whatever the tolerance
    sign: bool = False  # the one wrong one is right but for its sign, to the tolerance
    higher: str = ""  # a power the right one has no term in, of a higher degree (x⁹⁹⁹⁹ beside 2x): no rounding


def _coefficients_off(answer: Expr, expected: Expr, names: Sequence[str], ctx: Context) -> _Off | None:
    """For two polynomials with the same terms: the coefficients of the answer not within the tolerance
    of the expected ones, in the order typed (none where it is right), each typed exact (1001/3) compared
    exactly. None for anything else."""
    paired = _paired_coefficients(answer, expected, names, irrational=True, extra=True, exact=True)
    # a typed decimal where the right one has no such term is judged against 0 (z = 4x + 8y + 0.04 for
    # z = 4x + 8y, to 1 place), and a term left out where the right one's is 0 to the places asked (y = 0.06x
    # for y = 0.0612x + 0.0031, to 2); any other term one lacks, as before: the check finds where they differ
    if paired is None or ctx.tolerance is None:
        return None
    if any(want == 0 and not ctx.typed(got) or got == 0 and not ctx.tolerance.accepts(Fraction(0), want)
           for got, want in paired.values()):
        return None
    higher = _higher_term(paired)
    if higher is not None:
        syms = [symbol(n) for n in names]
        return _Off((), (), higher=show(sympy.Mul(*(s**k for s, k in zip(syms, higher))), names))
    tolerance, spellings, wholes = ctx.tolerance, ctx.spellings, ctx.wholes
    floats = expected.has(sympy.Float)
    given = {abs(number) for number, _ in ctx.given}
    typed = [number for number, _ in spellings]  # in the order the student wrote them, as they read them
    # the decimals in the order typed, then the terms of higher degree first, as a line or a plane is written
    pairs = [pair for _, pair in sorted(paired.items(), key=lambda item: (
        typed.index(abs(item[1][0])) if abs(item[1][0]) in typed else len(typed), -sum(item[0])))]
    wrong: list[str] = []
    short: list[tuple[str, int]] = []
    exact: list[bool] = []
    signs: list[bool] = []
    for got, want in pairs:
        given_decimal = floats or (isinstance(want, Fraction) and abs(want) in given)
        if not isinstance(got, Fraction):  # an exact constant typed (√e, e^0.50002): the right one or wrong,
            # but for a decimal typed in the expected one, which it is to the tolerance (ln 2 for 0.6931, to 4
            # places, as the number ln(2) is: outside check h69, F4)
            if not (_same_constant(got, want) or given_decimal and tolerance.accepts(got, want)):
                wrong.append(_text(got, 6, spellings))
                exact.append(not given_decimal)
                signs.append(False)
            continue
        decimal = ctx.typed(got) or given_decimal or _worked_out(got, ctx)
        if got == want or (decimal and tolerance.accepts(got, want)):
            continue
        places = _short_places(got, want, tolerance, spellings, wholes)
        # 2y = 40.16x: 20.08, not 502/25; 2x + 4e-5x's 2.00004, worked out from decimals, not 50001/25000
        shown = _text(got, 6, spellings, fractions=not (decimal or spellings), decimals=decimal)
        if places is None:
            wrong.append(shown)
            exact.append(not decimal)
            signs.append(decimal and tolerance.accepts(-got, want))
        else:
            short.append((shown, places))
    return _Off(tuple(wrong), tuple(short), any(exact), sign=len(signs) == 1 and signs[0])


def _same_constant(got: Value, want: Value) -> bool:
    """Whether an exact constant of the answer's (√e) is the expected coefficient, whose value is known to about
    60 digits: they agree to 50. `z = sqrt(e)x + sqrt(e)y - 0.8244` was compared as a whole, exactly, and was not
    right for z = √e·x + √e·y − √e/2 to 4 places, where `1.6487x + 1.6487y - 0.8244` was (outside check h64, F4)."""
    mine, theirs = _middle(got), _middle(want)
    return bool(abs(mine - theirs) <= mpmath.mpf(10) ** -50 * max(1, abs(theirs)))


def _worked_out(coefficient: Fraction, ctx: Context) -> bool:
    """Whether a coefficient nobody typed was worked out from decimals typed, and is a decimal the tolerance
    applies to, as they are: 0.82435 of y - 1.6487 = 1.6487(x - 0.5), which is y = 1.6487x + 0.82435. Where decimals
    were typed, any coefficient but a fraction typed, one whole number typed over another (1001/3, 8/10, y/20), which
    stays exact."""
    if not ctx.spellings:
        return False
    wholes = {abs(whole) for whole in ctx.wholes} | {Fraction(1)}  # y/20 is 1/20 y
    return not any(over and abs(coefficient) == whole / over for whole in wholes for over in wholes)


def _coefficients_outcome(off: _Off, what: str, tolerance: Tolerance) -> Outcome:
    """The verdict on a polynomial or a line whose coefficients are each judged to the tolerance
    (y = 0.0612x + 7.98 as m = 0.0612, b = 7.98 is): the wrong coefficients named, and those right
    to fewer places than asked said so; right but for rounding where none is wrong (too_few_places)."""
    if off.higher:
        return Outcome(False, Note.WRONG_VALUE,
                       f"Your {what} has a term in {off.higher}, which the correct one has not.")
    if not off.wrong and not off.short:
        return Outcome.right(Note.WITHIN_TOLERANCE, f"Correct ({tolerance.describe()}).")
    # "in your y" once: in the sentence on the wrong one where there is one, else in this one
    where = "" if off.wrong else f" in your {what}"
    shown = [typed for typed, _ in off.short]
    if len(shown) > 1:
        short = "The " + _fewer_places(shown[:-1] + [shown[-1] + where], tolerance)
    elif shown:
        places = off.short[0][1]
        short = f"The {shown[0]}{where} is {_right_to(places, tolerance)}"
    else:
        short = ""
    if not off.wrong:
        return Outcome(False, Note.TOO_FEW_PLACES, short)
    verb = "is" if len(off.wrong) == 1 else "are"
    how = "" if off.exact else f" {tolerance.describe()}"
    said = (f"The {off.wrong[0]} in your {what} {_sign_only(tolerance)}" if off.sign else
            f"The {and_list(off.wrong)} in your {what} {verb} not right{how}.")
    return Outcome(False, Note.WRONG_VALUE, f"{said} {short}" if short else said)


def _close_coefficient(answer: Expr, expected: Expr, names: Sequence[str],
                       spellings: Spellings) -> tuple[str, Note] | None:
    """(the first coefficient, as typed, that is not the expected one, and the note) where each such one is
    close, as a number is (compare_numbers): a typed decimal that is a rational coefficient rounded (y = 0.5x +
    2.3333 for y = x/2 + 7/3: decimal_for_exact, as m = 0.5, b = 2.3333 is), or a rational near an irrational
    one (3.14159x for πx: inexact, however many digits it has). None where the two are not polynomials with the
    same terms, or a coefficient is simply wrong."""
    differing = [(got, want) for got, want in _coefficients(answer, expected, names, irrational=True) or ()
                 if not (isinstance(want, Fraction) and got == want)]
    inexact = [got for got, want in differing if not isinstance(want, Fraction) and _close_number(got, want)]
    rounded = [got for got, want in differing if isinstance(want, Fraction) and _rounds_to(got, want, spellings)]
    if not differing or len(inexact) + len(rounded) < len(differing):
        return None
    if inexact:
        return format_value(inexact[0], spellings), Note.INEXACT
    return format_value(rounded[0], spellings), Note.DECIMAL_FOR_EXACT


def _close_number(got: Value, want: Value) -> bool:
    """Within a thousandth (relative, or absolute below 1): close enough to be a value of the other rounded."""
    mine, theirs = _middle(got), _middle(want)  # not floats: 1e400 is a number too
    return bool(abs(mine - theirs) <= 1e-3 * max(1, abs(theirs)))


def _coefficients(answer: Expr, expected: Expr, names: Sequence[str],
                  irrational: bool = False, extra: bool = False) -> list[tuple[Fraction, Value]] | None:
    """(the answer's coefficient, the expected one) for each term, where both are polynomials with the
    same terms (the answer as written); else None. irrational: the expected coefficients may be any real
    constants (e, √2, ln 256), to about 60 digits, as a tolerance judges them; else rationals only. extra:
    either may have terms the other has not, each paired with 0."""
    paired = _paired_coefficients(answer, expected, names, irrational, extra)
    return None if paired is None else list(paired.values())


def _paired_coefficients(answer: Expr, expected: Expr, names: Sequence[str], irrational: bool = False,
                         extra: bool = False, exact: bool = False) -> dict[tuple[int, ...], tuple[Value, Value]] | None:
    """`_coefficients`, by the monomial each pair is the coefficient of (its exponents); with `extra`, a term
    either has that the other lacks is paired with 0; with `exact`, the answer's coefficients may be real
    constants too (√e, a value), else rationals only."""
    syms = [symbol(n) for n in names]
    mine = _monomials(answer, syms, constants=exact)
    if mine is None and exact:  # √e(x + y) - 0.8244 as √e·x + √e·y - 0.8244 (outside check h66, F4)
        mine = _monomials(_distributed(answer), syms, constants=exact)
    if mine is None:  # first: expanding the expected one, (x - a)^5999, takes seconds no budget counts
        return None
    theirs = _monomials(sympy.expand(expected), syms, constants=irrational)
    if theirs is None or not (extra or theirs.keys() == mine.keys()):
        return None
    return {monomial: (mine.get(monomial, Fraction(0)), theirs.get(monomial, Fraction(0)))
            for monomial in {**mine, **theirs}}


def _higher_term(paired: dict[tuple[int, ...], tuple[Fraction, Value]]) -> tuple[int, ...] | None:
    """The exponents of a term of the answer's that the expected polynomial has not (paired with 0), of a higher
    degree than any it has, or 1: no rounding of a coefficient makes such a term (0.00004x⁹⁹⁹⁹ beside 2x, 0.04z²
    in a plane), however small its coefficient. None where there is none."""
    highest = max(1, max((sum(m) for m, (_, want) in paired.items() if want != 0), default=0))
    return next((m for m, (_, want) in paired.items() if want == 0 and sum(m) > highest), None)


_MOST_DISTRIBUTED = 64  # terms a product of sums may make, multiplied out: (x + 1)(x + 2)… doubles them each time


def _distributed(expr: Expr) -> Expr:
    """`expr` with each product of sums multiplied out, powers left as they are, where that makes few terms."""
    made = sum(math.prod(len(sympy.Add.make_args(factor)) for factor in sympy.Mul.make_args(term))
               for term in sympy.Add.make_args(expr))
    return sympy.expand_mul(expr) if made <= _MOST_DISTRIBUTED else expr


def _monomials(expr: Expr, syms: Sequence[sympy.Symbol],
               constants: bool = False) -> dict[tuple[int, ...], Value] | None:
    """A sum of rational multiples of powers of syms, as it is written, by monomial; None for anything
    else (nothing multiplied out: an answer is untrusted, and (x + 1)^1000 is short to type). constants:
    real constants may multiply them too (only for a trusted expected answer, whose constants are
    evaluated), each coefficient then a rational or a value to about 60 digits."""
    terms: dict[tuple[int, ...], Expr] = {}
    for term in sympy.Add.make_args(expr):
        coefficient, rest = term.as_coeff_Mul()
        if not coefficient.is_Rational:
            return None
        powers = [0] * len(syms)
        for factor in sympy.Mul.make_args(rest):
            base, exponent = factor.as_base_exp()
            if factor == 1:
                continue
            if constants and not factor.free_symbols:  # e, √2, ln 256: part of the coefficient
                coefficient *= factor
                continue
            if base not in syms or not (exponent.is_Integer and exponent > 0):
                return None
            powers[syms.index(base)] += int(exponent)
        key = tuple(powers)
        terms[key] = terms.get(key, sympy.Integer(0)) + coefficient
    values = {key: _constant(value) for key, value in terms.items()}
    if any(value is None for value in values.values()):
        return None
    return {key: value for key, value in values.items() if value}


def _constant(value: Expr) -> Value | None:
    """A coefficient's value: the rational itself, or a real constant to about 60 digits; None where it
    has none (not real, not defined)."""
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    try:
        found = compile_expression(value, ())(())
    except (Unsupported, Undefined):
        return None
    return found.value


def _outcome(judgement: Decision, names: Sequence[str], what: str, decimals: bool = False) -> Outcome:
    status = judgement.status
    if status is Status.EQUAL:
        return Outcome.right()
    if status is Status.NUMERIC:
        return Outcome.right(Note.NUMERIC)
    point = judgement.point or ()
    if status is Status.DIFFERENT:
        where = f"At {format_point(names, point)} " if names else ""
        message = _differs_message(where, what, judgement.got, judgement.want, decimals)
        return Outcome(False, Note.DIFFERS_AT, message[0].upper() + message[1:])
    if status is Status.UNDEFINED:
        where = f" at {format_point(names, point)}" if names else ""
        return Outcome(False, Note.UNDEFINED, f"Your {what} is not defined{where}, where the correct value is "
                                           f"{format_value(judgement.want)}.")
    if status is Status.UNDECIDED:
        return Outcome(False, Note.UNDECIDED, UNDECIDED_MESSAGE.format(what=what))
    return Outcome(False, Note.NOT_EQUAL, f"Your {what} is not equal to the correct one.")


def _names(ctx: Context, *exprs: Expr) -> list[str]:
    """The exercise's variables, plus any other symbol the expressions use."""
    present = {s.name for e in exprs for s in e.free_symbols}
    return [n for n in ctx.variables if n in present] + sorted(present - set(ctx.variables))


_SIMPLE_FACTOR = 1000  # a factor a student's slip gives: 90 of T's 1/90, -1 of a minus lost; not 4817/3


def compare_expression_answers(answer: Expr, expected: Expr, ctx: Context, what: str = "answer") -> Outcome:
    """compare_expressions, telling where an answer differs everywhere by a simple constant factor: only the
    sign wrong, or a constant coefficient lost. Here alone, for an answer: naming a mistake compares many
    candidates with compare_expressions, which need no sentence."""
    outcome, judgement = _compared_expressions(answer, expected, ctx, what)
    if outcome.note is not Note.DIFFERS_AT or not expected.free_symbols:
        return outcome
    names = _names(ctx, answer, expected)
    factor = _simple_factor(judgement.got, judgement.want)
    if factor is None:
        return outcome
    if not judge(answer, to_sympy(factor) * expected, names, ctx.limits.symbolic_work, within=ctx.domain).status.equal:
        return outcome
    told = "only its sign is wrong" if factor == -1 else f"it is the correct one times {show(to_sympy(factor))}"
    return replace(outcome, message=f"{outcome.message} Everywhere, {told}.")


def _simple_factor(got: Fraction | Interval | None, want: Fraction | Interval | None) -> Fraction | None:
    """got/want at one point where it is −1, a whole number or its reciprocal, with either sign: a sign or a
    coefficient lost or applied twice (7xy³ for 6xy³, times 7/6, is a coefficient wrong, not a factor); else
    None. Only a guess where a value is not rational (1/x − eˣ for eˣ − 1/x at x = 1): the caller proves it."""
    if got is None or want is None:
        return None
    if isinstance(got, Fraction) and isinstance(want, Fraction):
        if 0 in (got, want):
            return None
        factor = got / want
    else:
        mine, theirs = _middle(got), _middle(want)
        if not (mine and theirs):
            return None
        ratio = mine / theirs
        whole = ratio if abs(ratio) >= 1 else 1 / ratio
        if abs(whole) > _SIMPLE_FACTOR + 1:
            return None
        nearest = int(mpmath.nint(whole))
        if abs(whole - nearest) > _NEAR_FACTOR:
            return None
        factor = Fraction(nearest) if abs(ratio) >= 1 else Fraction(1, nearest)
    small, large = sorted((abs(factor.numerator), factor.denominator))
    if factor == 1 or small != 1 or large > _SIMPLE_FACTOR:
        return None
    return factor


_NEAR_FACTOR = 1e-9  # a ratio this near a whole number is worth a proof (the values are enclosed far closer)


# ----------------------------------------------------------------------- numbers


def compare_numbers(answer: Expr, expected: Expr, ctx: Context, what: str = "answer") -> Outcome:
    judgement = judge(answer, expected, (), ctx.limits.symbolic_work)
    status = judgement.status
    if status is Status.UNDEFINED:
        return Outcome(False, Note.UNDEFINED, f"Your {what} is not a real number.")
    if status is not Status.DIFFERENT:
        return _outcome(judgement, (), what)
    got, want = judgement.got, judgement.want
    # 19/10 as typed; worked out from decimals typed (2*1.4), in decimals (2.8, not 14/5)
    typed = _text(got, 6, ctx.spellings, fractions=answer.is_Number and not ctx.spellings, decimals=bool(ctx.spellings))
    if not answer.is_Number:  # ln(1/5), e^3: said as the student wrote it, with the value that was checked
        typed = f"{show(answer, ctx.variables, decimals=bool(ctx.spellings))} ≈ {typed}"
    elif isinstance(got, Fraction):
        apart = _apart(got, want, typed, ctx.tolerance)
        if apart is None:  # 1 - 10^-30 for 1: past 20 digits, the difference
            message = _differs_message("", what, got, want)
            return Outcome(False, Note.WRONG_VALUE, message[0].upper() + message[1:])
        typed = apart
    places = None if ctx.tolerance is None else _short_places(got, want, ctx.tolerance, ctx.spellings, ctx.wholes)
    if ctx.tolerance is not None and ctx.tolerant(answer, expected):
        if ctx.tolerance.accepts(got, want):
            return Outcome.right(Note.WITHIN_TOLERANCE, f"Correct ({ctx.tolerance.describe()}).")
        # every digit right: "not right to 4 places" would send them to those
        if got is not None and ctx.tolerance.accepts(-got, want):
            return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} {_sign_only(ctx.tolerance)}")
        if places is not None:  # 0.567 for W(1) = 0.567143…, dp:4
            return Outcome(False, Note.TOO_FEW_PLACES, f"Your {what} {typed} is {_right_to(places, ctx.tolerance)}")
        cut = _cut_off(got, want, ctx.spellings)
        if cut is not None:  # 0.1734 for 0.173509…: the digits right, the last one not rounded
            close = ("round it instead (the next digit decides the last)." if ctx.tolerance.places in (None, cut)
                     else f"give it rounded, {ctx.tolerance.describe()}.")
            return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} is the correct value cut off after "
                                                    f"{counted(cut, 'decimal place')}: {close}", cut_off=True)
        return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} is not right {ctx.tolerance.describe()}.")
    if ctx.tolerance is not None and places is not None:  # -19 for -18.9487…, dp:1: typed without decimals
        return Outcome(False, Note.TOO_FEW_PLACES, f"Your {what} {typed} is {_right_to(places, ctx.tolerance)}")
    if what == "answer" and ctx.tolerance is not None and ctx.spellings and got is not None \
            and ctx.tolerance.accepts(got, want):
        # 2*1.4142 for 2√2: the tolerance is for a decimal typed, and this one is worked out (an outside check found
        # "an exact value is expected" beside 2.8284 typed being right); said of a whole answer only, whose decimals
        # are all in this number (in (1.5333, 17/30 + 10^-5) none is in the second)
        return Outcome(False, Note.INEXACT, f"Your {what} {typed} is right {ctx.tolerance.describe()}, but it is "
                                            "worked out from decimals, and such arithmetic is read as the exact "
                                            "number it makes: type the value itself.")
    if isinstance(got, Fraction) and isinstance(want, Fraction) and got == -want:
        return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} has the wrong sign.")
    if ctx.tolerance is not None and not ctx.spellings and got is not None and answer.is_Rational \
            and not answer.is_Integer and not (isinstance(want, Fraction) and _decimal_fraction(got, want) is None):
        # 5671/10000 for W(1), dp:4: a fraction is exact, and "an exact value is expected" was false where the value
        # has none and a rounded one is asked (outside check h31, F1); 4167/1000 for 25/6, dp:3, a decimal written
        # as a fraction, alike (h33, N8)
        if ctx.tolerance.accepts(got, want):
            return Outcome(False, Note.INEXACT, f"Your {what} {typed} is right {ctx.tolerance.describe()}, but a "
                                                "fraction is read as the exact number it is, and this one is not the "
                                                "answer: type the value as a decimal.")
        return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} is not right {ctx.tolerance.describe()}.")
    if isinstance(got, Fraction) and isinstance(want, Fraction) and _rounds_to(got, want, ctx.spellings):
        return Outcome(False, Note.DECIMAL_FOR_EXACT,
                       f"Your {what} {typed} is close: the exact value is wanted; write it as a fraction.")
    if isinstance(got, Fraction) and isinstance(want, Fraction) and (places := _decimal_fraction(got, want)):
        # 4167/1000 for 25/6: a decimal, rounded, written as a fraction; "not right" said nothing (h33, N8)
        return Outcome(False, Note.DECIMAL_FOR_EXACT, f"Your {what} {typed} is the correct value to "
                                                      f"{counted(places, 'decimal place')}, written as a fraction: "
                                                      "the exact value is wanted.")
    if ctx.tolerance is not None and got is not None and ctx.tolerance.accepts(got, want) and (
            not isinstance(got, Fraction) or not isinstance(want, Fraction) and _close_number(got, want)):
        # worked out, not typed (a component 1.6487·0.5, e^0.50002 for √e), where some places are asked: within
        # them, and exact, as W(1.0001) is; not "an exact value is expected", nor "not right" alone (h64, F6, F7)
        return Outcome(False, Note.INEXACT, f"Your {what} {typed} is right {ctx.tolerance.describe()}, but it is "
                                            "worked out, and such a number is read as the exact number it is: type "
                                            "the value itself.")
    if _close_number(got, want) and not isinstance(want, Fraction) and isinstance(got, Fraction):
        if ctx.tolerance is not None:  # 0.5671 + 0.0001 for W(1), dp:4: not right to those places (h64, F6)
            return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} is not right {ctx.tolerance.describe()}.")
        return Outcome(False, Note.INEXACT, f"Your {what} {typed} is close, but an exact value is expected.")
    return Outcome(False, Note.WRONG_VALUE, f"Your {what} {typed} is not right.")


def _apart(got: Fraction, want: Fraction | Interval, shown: str, tolerance: Tolerance | None) -> str | None:
    """The answer's exact value as a sentence shows it, where `shown` is rounded: with the digits that tell it
    from the correct value (1.000000000001, not 1, for 1 + 10^-12), as the fraction it is where those digits
    would be right to the tolerance (570809/30000000, not 0.019027 for 0.0190266 to 6 places), None where 20
    digits are not enough; `shown` itself where it is exact (as typed, 19/10, 0.5)."""
    if _as_is(shown, got):
        return shown
    pair = format_pair(got, want)
    if pair is None:
        return None
    text = pair[0]
    try:
        rounded = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return text
    if tolerance is not None and tolerance.accepts(to_mpf(rounded), _middle(want)) and len(str(got)) <= 24:
        return str(got)
    return text


def _typed_decimal(value: Fraction | Interval, spellings: Spellings) -> str | None:
    """The decimal the student typed for this number (lower case), where it has two significant digits
    or more (0.7 is as likely a guess as a rounding); else None."""
    typed = next((typed.lower() for number, typed in spellings if isinstance(value, Fraction) and abs(value) == number),
                 None)
    if typed is None or _significant_digits(typed) < 2:
        return None
    return typed


def _significant_digits(typed: str) -> int:
    """The significant digits of a number as typed: 2.0 two, 0.184 three, 2.7182… five, 5.67e-1 three."""
    return len(typed.lower().rstrip("…").partition("e")[0].lstrip("+-").replace(".", "").lstrip("0"))


def _places(typed: str) -> int:
    """The decimal places a typed decimal gives its number: 2.33 two, 2.33e-1 three."""
    mantissa, _, exponent = typed.rstrip("…").partition("e")  # 2.7182…: four, cut
    return len(mantissa.partition(".")[2]) - int(exponent or 0)


def _typed_places(value: Fraction | Interval, spellings: Spellings, wholes: tuple[Fraction, ...] = ()) -> int | None:
    """How many decimal places the student typed this number with (0.567: 3; -19, a whole number in
    `wholes`: 0), where it is a plain decimal (not 5.67e-1) of two significant digits or more; else None."""
    typed = _typed_decimal(value, spellings)
    if typed is None:
        whole = isinstance(value, Fraction) and value.denominator == 1 and abs(value) in wholes
        return 0 if whole and abs(value) >= 10 else None
    return None if "e" in typed else _places(typed)


def _short_places(got: Fraction | Interval, want: Fraction | Interval, tolerance: Tolerance,
                  spellings: Spellings, wholes: tuple[Fraction, ...] = ()) -> int | None:
    """The decimal places the student typed `got` with, where it is `want` rounded to fewer places than
    the tolerance asks (0.567 for 0.567143… where 4 are asked: 3; -19 for -18.9487… where 1 is: 0); else
    None. Only for numbers of two significant digits or more (_typed_places): 0.6 or 4 is as likely a guess
    as a rounding."""
    places = _typed_places(got, spellings, wholes)
    if places is None or tolerance.places is None or places >= tolerance.places:
        return None
    return places if Tolerance(places=places).accepts(got, want) else None


def _cut_off(got: Fraction | Interval, want: Fraction | Interval, spellings: Spellings) -> int | None:
    """The decimal places of a decimal typed, of two significant digits or more, that is `want` cut off there
    where rounding gives another last digit (0.1734 for 0.173509…, 4.16 for 25/6 = 4.1666…); else None. Certain
    for an enclosure too: both its ends cut to the same digits, and round to the same other ones."""
    typed = _typed_decimal(got, spellings)
    if typed is None or typed.endswith("…") or "e" in typed or _places(typed) < 1:
        return None
    places = _places(typed)
    scale = Fraction(10) ** places
    ends = [want] if isinstance(want, Fraction) else [as_fraction(lower(want)), as_fraction(upper(want))]
    if any(end * got <= 0 for end in ends):  # a sign apart is said as such
        return None
    cuts = {math.floor(abs(end) * scale) for end in ends}
    rounded = {math.floor(abs(end) * scale + Fraction(1, 2)) for end in ends}
    if len(cuts) != 1 or len(rounded) != 1 or cuts == rounded or {abs(got) * scale} != cuts:
        return None
    return places


def _sign_only(tolerance: Tolerance) -> str:
    """What is true of a value or a coefficient right to the tolerance but for its sign."""
    return f"has the wrong sign: its size is right {tolerance.describe()}."


def _right_to(places: int, tolerance: Tolerance) -> str:
    """What is true of one value right to fewer places than asked: 'right to 3 decimal places; give it to 4
    decimal places.'; 'right to the nearest whole number; give it to 1 decimal place.'"""
    rounded = "the nearest whole number" if places == 0 else counted(places, "decimal place")
    return f"right to {rounded}; give it {tolerance.describe()}."


def _fewer_places(said: Sequence[str], tolerance: Tolerance) -> str:
    """What is true of several values each right to fewer places than asked: 'm and b are right to
    fewer decimal places than asked; give them to 4 decimal places.' (`said` names them)."""
    return f"{and_list(said)} are right to fewer decimal places than asked; give them {tolerance.describe()}."


def _rounds_to(got: Fraction, want: Fraction, spellings: Spellings) -> bool:
    """Whether `got` is a decimal the student typed, with two significant digits or more, that is
    `want` rounded or cut to the places typed (2.3333 or 2.33 for 7/3; not 2.4), or a printout of a
    program or a calculator, of many digits, off by its last ones (Python's 2.3333333333333335 for 7/3,
    a calculator's 2.99999999 for 3): closer than the roundings, it is not told "not right"."""
    typed = _typed_decimal(got, spellings)
    if typed is None:
        return False
    if typed.endswith("…"):  # 2.333…: its digits go on, and are 7/3's first ones
        return _begins(got, want, spellings)
    places = _places(typed)
    scaled = want * Fraction(10) ** places
    cut = Fraction(int(scaled))  # toward zero
    rounded = Fraction(math.floor(abs(scaled) + Fraction(1, 2))) * (1 if scaled >= 0 else -1)
    printout = _significant_digits(typed) >= _PRINTOUT_DIGITS and abs(got * Fraction(10) ** places - scaled) <= 2
    return got * Fraction(10) ** places in (cut, rounded) or printout


def _decimal_fraction(got: Fraction, want: Fraction) -> int | None:
    """The places of the decimal that `got` is, where it is `want` rounded or cut to them and has two significant
    digits or more (4167/1000 for 25/6: 3); None otherwise."""
    terminating = terminating_places(got)
    if terminating is None:
        return None
    places = terminating[0]
    digits = got.numerator * 10**places // got.denominator
    scaled = want * 10**places
    rounded = math.floor(abs(scaled) + Fraction(1, 2)) * (1 if scaled >= 0 else -1)
    return places if places and len(str(abs(digits))) >= 2 and digits in (int(scaled), rounded) else None


def _begins(got: Fraction, want: Fraction | Interval, spellings: Spellings) -> bool:
    """Whether `got` is a decimal typed cut short (2.333…: its digits go on) whose digits are `want`'s first ones
    (7/3 = 2.3333…): `want` is then among the numbers it stands for, 2.333 up to 2.334, whatever the middle
    of them it is read as. The top end is one of them: 1 = 0.999…, whose digits 0.999 begin."""
    typed = next((typed for number, typed in spellings if number == abs(got) and typed.endswith("…")), None)
    if typed is None:
        return False
    unit = Fraction(1, 10 ** _places(typed))
    digits = abs(got) - unit / 2
    ends = (want, want) if isinstance(want, Fraction) else (as_fraction(lower(want)), as_fraction(upper(want)))
    return all(digits <= end * (1 if got > 0 else -1) <= digits + unit for end in ends)


_PRINTOUT_DIGITS = 8  # a calculator's display or a float printed in full; fewer is a rounding the student chose


def _compare_scalar(answer: Expr, expected: Expr, ctx: Context, what: str, told: bool = False) -> Outcome:
    """One number or formula of an answer; told: a formula that is the right one times a simple factor
    everywhere is told so, as a whole answer is (a gradient's component with its sign lost)."""
    if not expected.free_symbols and not answer.free_symbols:
        return compare_numbers(answer, expected, ctx, what)
    if not expected.free_symbols:  # compared at sample points, a formula would be told "at x = 1 it is 2, not 6"
        names = and_list(sorted(s.name for s in answer.free_symbols))
        return Outcome(False, Note.NOT_EQUAL, f"Your {what} {show(answer)} still has {names} in it, but the right "
                                              "one is a number.")
    return (compare_expression_answers if told else compare_expressions)(answer, expected, ctx, what)


def not_multiplied_out(value: Expr) -> Expr | None:
    """The first term of `value` that is not a number times powers of variables, where an answer the question
    asks to multiply out (14m² + 12mb - 42m + 38) still has a power or product of sums ((m + b - 2)², m(14m +
    12b)); None where it has none. The answer as read, never expanded: it is untrusted."""
    def term_alone(term: Expr) -> bool:
        return all(factor.is_number or factor.is_Symbol
                   or (factor.is_Pow and factor.base.is_Symbol and factor.exp.is_Integer and factor.exp > 0)
                   for factor in sympy.Mul.make_args(term))
    return next((term for term in sympy.Add.make_args(value) if not term_alone(term)), None)


# ----------------------------------------------------------------------- vectors


def compare_vectors(answer: tuple[Expr, ...], expected: tuple[Expr, ...], ctx: Context) -> Outcome:
    if len(answer) != len(expected):
        return Outcome(False, Note.WRONG_LENGTH,
                       f"Your answer has {len(answer)} components, but {len(expected)} "
                       f"{'is' if len(expected) == 1 else 'are'} expected.")
    outcomes = _rounded_alike([_compare_scalar(a, e, ctx, _component(i, ctx.components), told=True)
                               for i, (a, e) in enumerate(zip(answer, expected))], answer, expected, ctx)
    right = sum(o.correct for o in outcomes)
    if right == len(outcomes):
        notes = {o.note for o in outcomes}
        note = next((n for n in (Note.NUMERIC, Note.WITHIN_TOLERANCE) if n in notes), Note.EQUAL)
        # (4, 2) for (4, 5/3) to 0 places: the tolerance said, though the first component is exact
        said = next(o.message for o in outcomes if o.note == note) if note == Note.WITHIN_TOLERANCE else "Correct."
        return Outcome.right(note, said)
    wrong = [o for o in outcomes if not o.correct]
    if all(o.note == Note.UNDECIDED for o in wrong):
        return Outcome(False, Note.UNDECIDED, wrong[0].message, right / len(outcomes))
    if all(o.note == Note.DECIMAL_FOR_EXACT for o in wrong):  # m = 0.5, b = 2.3333 for (1/2, 7/3): close
        return Outcome(False, Note.DECIMAL_FOR_EXACT, wrong[0].message, right / len(outcomes))
    if all(o.note in (Note.INEXACT, Note.DECIMAL_FOR_EXACT) for o in wrong):  # (1.4142, 1) for (√2, 1): close
        return Outcome(False, Note.INEXACT, next(o for o in wrong if o.note == Note.INEXACT).message,
                       right / len(outcomes))
    # a component right to fewer places than asked is said so, never "not right": with the others right,
    # the answer is right but for rounding (too_few_places: not a wrong attempt), as a single number is
    short = [i for i, o in enumerate(outcomes) if o.note == Note.TOO_FEW_PLACES]
    if len(short) > 1 and ctx.tolerance is not None:
        said_short = "Your " + _fewer_places([_component(i, ctx.components) for i in short], ctx.tolerance)
    else:
        said_short = outcomes[short[0]].message if short else ""
    if len(short) == len(wrong):
        return Outcome(False, Note.TOO_FEW_PLACES, said_short, right / len(outcomes))
    rest = [i for i, o in enumerate(outcomes) if not o.correct and i not in short]
    factor = _common_factor([answer[i] for i in rest], [expected[i] for i in rest], ctx) if not short else None
    if factor is not None:  # (8, 12) for (4, 6): one slip made in each, said once
        times = show(to_sympy(factor))
        told = "each have the wrong sign" if factor == -1 else f"are each the correct one times {times}"
        return Outcome(False, Note.COMPONENT_DIFFERS, f"Your {_components_named(rest, ctx.components)} {told}.",
                       right / len(outcomes))
    # the first wrong component said in full, the others named: (8, 13) for (4, 6) has both wrong
    first = next((i for i in rest if outcomes[i].note != Note.UNDECIDED), rest[0])
    # a component cut off is said so, never "not right": its digits are right (outside check h18)
    cut = [_component(i, ctx.components) for i in rest if i != first and outcomes[i].cut_off]
    others = [_component(i, ctx.components) for i in rest if i != first and not outcomes[i].cut_off]
    also = outcomes[first].cut_off
    cut_said = f"{'cut off too' if also else 'the correct value cut off'}: round {'it' if len(cut) == 1 else 'them'}" \
        f"{' as well' if also else ''}"
    either = "".join(f" Your {and_list(named)} {'is' if len(named) == 1 else 'are'} {said}." for named, said in
                     ((cut, cut_said), (others, "not right either")) if named)
    note = Note.UNDECIDED if outcomes[first].note == Note.UNDECIDED else Note.COMPONENT_DIFFERS
    sentences = [outcomes[first].message + either, said_short]
    if short and short[0] < first:  # in the order of the components: ∂T/∂x's before ∂T/∂y's
        sentences.reverse()
    return Outcome(False, note, " ".join(filter(None, sentences)), right / len(outcomes))


def _rounded_alike(outcomes: list[Outcome], answer: tuple[Expr, ...], expected: tuple[Expr, ...],
                   ctx: Context) -> list[Outcome]:
    """The outcomes, a component of one significant digit (as likely a guess alone: 0.7) said right to the places
    it was typed to where it is, and another component typed to as many is too: (-0.11, -0.09) for ∇T = (-0.1134,
    -0.0935) at 4 places, both rounded to 2; the -0.09 was 'not right' (outside check h65, F11)."""
    tolerance = ctx.tolerance
    if tolerance is None or tolerance.places is None:
        return outcomes
    typed = {abs(number): text for number, text in ctx.spellings}

    def places(value: Expr) -> int | None:
        text = typed.get(abs(fraction(value))) if value.is_Rational else None
        return None if text is None or "e" in text.lower() else _places(text)

    short = {places(answer[i]) for i, o in enumerate(outcomes) if o.note == Note.TOO_FEW_PLACES} - {None}
    alike = list(outcomes)
    for i, outcome in enumerate(outcomes):
        typed_places = places(answer[i])
        if outcome.note != Note.WRONG_VALUE or typed_places not in short:
            continue
        judgement = judge(answer[i], expected[i], (), ctx.limits.symbolic_work)
        if judgement.status is Status.DIFFERENT and Tolerance(places=typed_places).accepts(judgement.got,
                                                                                           judgement.want):
            shown = _text(judgement.got, 6, ctx.spellings, decimals=True)
            alike[i] = Outcome(False, Note.TOO_FEW_PLACES, f"Your {_component(i, ctx.components)} {shown} is "
                                                           f"{_right_to(cast(int, typed_places), tolerance)}")
    return alike


def _common_factor(answers: Sequence[Expr], expected: Sequence[Expr], ctx: Context) -> Fraction | None:
    """The simple factor (−1, a whole number or its reciprocal: _simple_factor) each of two or more wrong
    components is the right one times: proved of each, or, for a decimal under the exercise's tolerance, true
    of it to that tolerance (−0.0935 for 0.0935…, dp:4); None where there is none. Within half the work the
    check has left: a sentence added, never the reason a check runs out."""
    if len(answers) < 2:
        return None
    try:
        with budget(remaining() / 2):
            return _factor_of_each(answers, expected, ctx)
    except OutOfTime:
        return None


def _factor_of_each(answers: Sequence[Expr], expected: Sequence[Expr], ctx: Context) -> Fraction | None:
    names = _names(ctx, *answers, *expected)
    work = ctx.limits.symbolic_work
    first = judge(answers[0], expected[0], names, work, within=ctx.domain)
    factor = _simple_factor(first.got, first.want) if first.status is Status.DIFFERENT else None
    if factor is None:
        return None

    def times(answer: Expr, right: Expr) -> bool:
        if ctx.tolerance is not None and not (answer.free_symbols or right.free_symbols) \
                and ctx.tolerant(answer, right):
            judgement = judge(answer, right, (), work)
            return isinstance(judgement.got, Fraction) and judgement.want is not None \
                and ctx.tolerance.accepts(judgement.got / factor, judgement.want)
        return judge(answer, to_sympy(factor) * right, names, work, within=ctx.domain).status.equal

    return factor if all(times(a, e) for a, e in zip(answers, expected)) else None


def _components_named(indexes: Sequence[int], names: Sequence[str]) -> str:
    """Several components, as `_component` calls each: "∂f/∂x and ∂f/∂y", "first and second components"."""
    if all(len(names) <= i < len(ORDINALS) for i in indexes):
        return f"{and_list([ORDINALS[i] for i in indexes])} components"
    return and_list([_component(i, names) for i in indexes])


def _component(i: int, names: Sequence[str]) -> str:
    """How a message calls the i-th component: by its name where it has one (m, b), else by its place."""
    if i < len(names):
        return names[i]
    return f"{ORDINALS[i] if i < len(ORDINALS) else f'#{i + 1}'} component"


# ------------------------------------------------------------------------ points


def _same_point(a: Point, b: Point, ctx: Context, undecided: list[Point]) -> bool:
    """Whether a and b are one point; `undecided` gets a where no coordinate differs for sure but some are
    undecided. A coordinate that differs for sure decides it: the others are not compared (most pairs of
    points in an answer and a right one differ in their first)."""
    if len(a) != len(b):
        return False
    unsure, right = False, True
    for x, y in zip(a, b):
        if x.is_Rational and y.is_Rational and (x == y or ctx.tolerance is None):
            # two exact numbers: what the engine would decide, without it (a set of 4 points is 16 pairs of points)
            if x != y:
                return False
            continue
        outcome = _compare_scalar(x, y, ctx, "coordinate")
        if outcome.note == Note.UNDECIDED:
            unsure = True
        elif not outcome.correct:
            return False
        right = right and outcome.correct
    if unsure:
        undecided.append(a)
    return right


def _on_locus(point: Point, locus: Equation | Meet, ctx: Context) -> bool:
    if isinstance(locus, Meet):
        return all(_on_locus(point, equation, ctx) for equation in locus.equations)
    names = list(ctx.variables)[: len(point)]
    substitution = {symbol(n): v for n, v in zip(names, point)}
    difference = minus(locus.lhs, locus.rhs).subs(substitution)
    if difference.free_symbols:
        return False
    return judge(difference, sympy.Integer(0), (), ctx.limits.symbolic_work).status.equal


_MOST_FACTORED_DEGREE = 12  # a locus of higher degree is compared whole: factoring it costs too much


def _zero_set_polynomial(expr: Expr, syms: Sequence[sympy.Symbol]) -> Expr | None:
    """A polynomial 0 exactly where `expr` is (|x + y|, √(x + y), (x + y)³·|x|, atan(x)·y: their bases
    multiplied), over the reals; None where `expr` is built otherwise. A power with a positive exponent, an
    absolute value, and atan, sinh, asinh and tanh are 0 exactly where their base is; a factor with a value and one
    sign everywhere (1 + sin x cos x, eˣ) nowhere."""
    if expr.is_polynomial(*syms):
        return expr
    if expr.free_symbols and signed(expr):  # 1 + sin x cos x, eˣ: never 0, so no zero to add
        return sympy.Integer(1)
    if isinstance(expr, sympy.Abs):
        return _zero_set_polynomial(expr.args[0], syms)
    if expr.is_Pow and expr.exp.is_Rational and expr.exp > 0:
        return _zero_set_polynomial(expr.base, syms)
    if expr.is_Mul:
        # 0 where a factor is, and every factor has a value: √x·y = 0 is not the line y = 0 where x < 0
        if sum(1 for factor in expr.args if factor.free_symbols) > 1 and not all(map(continuous, expr.args)):
            return None
        bases = [_zero_set_polynomial(factor, syms) for factor in expr.args]
        return None if any(b is None for b in bases) else sympy.Mul(*bases)
    if zero_with_its_argument(expr):
        return _zero_set_polynomial(expr.args[0], syms)
    return None


def _locus_polynomial(locus: Equation, syms: Sequence[sympy.Symbol]) -> Expr | None:
    """A polynomial whose real zeros are exactly the points of `locus` (√(x² + y²) = 1: x² + y² - 1,
    |x + y| = 2: (x + y)² - 4, (x + y)²·|x| = 0: (x + y)²·x), or None where none is found this way."""
    for side, other in ((locus.lhs, locus.rhs), (locus.rhs, locus.lhs)):
        if not (other.is_Rational and other > 0):
            continue
        if isinstance(side, sympy.Abs) and side.args[0].is_polynomial(*syms):
            return side.args[0] ** 2 - other ** 2
        if side.is_Pow and side.exp == sympy.Rational(1, 2) and side.base.is_polynomial(*syms):
            return side.base - other ** 2  # the root of a number is never negative: no point is added
    return _zero_set_polynomial(minus(locus.lhs, locus.rhs), syms)


def _factor_loci(locus: Equation, want_loci: Sequence[Equation], ctx: Context) -> list[Point | Equation]:
    """A locus as the point set it describes, in the parts an answer writes: a product set to 0 (xy = 0,
    x·y² = 0) as the loci of its factors (x = 0, y = 0), as a product is 0 where a factor is; a power,
    a root or an absolute value ((x + y)² = 0, |x + y| = 0, √(x² + y²) = 1) as its base; a factor with
    no real zero (x² + 1) left out, one that is 0 at one point alone (x² + y², (x - 4)² + (y - 4)²) as that
    point, the zeros found as the equation check finds them (tutor.equation_maps.zero_set). Each part
    is then compared with the lines and points wanted, as if the student had written them one by one:
    an answer is right or wrong by its points, never by how it writes them. A locus wanted as it is
    stays whole (asked only of a product: compare_points compares every locus with those wanted
    anyway), and so does a locus of one part not wanted, to be named as the student wrote it."""
    syms = [symbol(n) for n in ctx.variables]
    # |x - 4| + |y - 4| = 0 and e^(x² + y²) = 1 as the equation check reads them: (x - 4)² + (y - 4)² = 0, x² + y² = 0
    undone = maps_undone(locus, ctx.limits.symbolic_work)
    polynomial_form = _locus_polynomial(undone, syms) if syms else None
    if polynomial_form is None or degree_at_most(polynomial_form, *syms) > MOST_MULTIPLIED_OUT:
        return [locus]  # y = (x + 1)¹⁰⁰⁰(x − 1)¹⁰⁰⁰, which Poly would multiply out (outside check h41, N1)
    polynomial = sympy.Poly(polynomial_form, *syms)
    if polynomial.total_degree() > _MOST_FACTORED_DEGREE:
        return [locus]
    parts: list[Point | Equation] = []
    for factor, _ in polynomial.factor_list()[1]:
        zeros = zero_set(factor, syms)
        if zeros == []:  # x² + 1: no real zero
            continue
        # x² + y² and (x - 4)² + (y - 4)²: 0 at one point alone, as the equation check finds it (0 at (4, 4) alone)
        if zeros is not None and len(zeros) == 1 and set(zeros[0]) == set(syms) \
                and not any(v.free_symbols for v in zeros[0].values()):
            parts.append(tuple(zeros[0][s] for s in syms))
        else:
            parts.append(Equation(factor.as_expr(), sympy.Integer(0)))
    if not parts or any(compare_equations(locus, w, ctx).correct for w in want_loci):
        return [locus]
    if len(parts) == 1 and isinstance(parts[0], Equation) \
            and not any(compare_equations(parts[0], w, ctx).correct for w in want_loci):
        return [locus]
    return parts


def _linear_rows(meet: Meet, syms: Sequence[sympy.Symbol]) -> sympy.Matrix | None:
    """The equations as the rows of their coefficients and constant, reduced (rref), zero rows left out: two
    systems with the same rows have the same points. None where one is not linear with rational coefficients."""
    rows = []
    for equation in meet.equations:
        difference = minus(equation.lhs, equation.rhs)
        if difference.free_symbols - set(syms) or not difference.is_polynomial(*syms) \
                or degree_at_most(difference, *syms) > MOST_MULTIPLIED_OUT:
            return None
        polynomial = sympy.Poly(difference, *syms)
        if polynomial.total_degree() > 1 or not all(c.is_Rational for c in polynomial.coeffs()):
            return None
        rows.append([polynomial.coeff_monomial(s) for s in syms] + [polynomial.coeff_monomial(1)])
    reduced = sympy.Matrix(rows).rref()[0]
    return sympy.Matrix([list(reduced.row(i)) for i in range(reduced.rows) if any(reduced.row(i))])


def _same_meet(answer: Meet, expected: Meet, ctx: Context) -> bool:
    """Whether two systems of equations hold at the same points: linear ones by their reduced rows (x = y = z is
    x = y, y = z), others equation by equation, each one of the other's up to rearrangement."""
    syms = [symbol(n) for n in ctx.variables]
    mine, theirs = _linear_rows(answer, syms), _linear_rows(expected, syms)
    if mine is not None and theirs is not None:
        return bool(mine == theirs)
    return len(answer.equations) == len(expected.equations) and all(
        any(compare_equations(a, w, ctx).correct for w in expected.equations) for a in answer.equations) and all(
        any(compare_equations(a, w, ctx).correct for a in answer.equations) for w in expected.equations)


def same_locus(answer: Equation | Meet, expected: Equation | Meet, ctx: Context) -> bool:
    """Whether a line (or plane) given is the one wanted: an equation as an equation, several that hold at once
    as such; a plane is never a line."""
    if isinstance(answer, Meet) and isinstance(expected, Meet):
        return _same_meet(answer, expected, ctx)
    if isinstance(answer, Equation) and isinstance(expected, Equation):
        return compare_equations(answer, expected, ctx).correct
    return False


def zero_along(expr: Expr, meet: Meet, variables: Sequence[str]) -> bool:
    """Whether `expr` is 0 at every point of a linear system's solutions (a partial all along a line in three
    variables); False where the system is not linear or has no solution."""
    syms = [symbol(n) for n in variables]
    if _linear_rows(meet, syms) is None:
        return False
    solutions = list(sympy.linsolve([minus(e.lhs, e.rhs) for e in meet.equations], syms))
    return len(solutions) == 1 and sympy.expand(expr.xreplace(dict(zip(syms, solutions[0])))) == 0


def linear_part(meet: Meet, variables: Sequence[str]) -> Meet:
    """The system as its linear equations alone, where every other holds all along them (y = 0, z = 0 for
    y = 0, z = 0, y² + z² = 0, as the solver finds the line of x²(y² + z²)); else the system as it is."""
    syms = [symbol(n) for n in variables]
    linear = tuple(e for e in meet.equations if _linear_rows(Meet((e,)), syms) is not None)
    if not linear or len(linear) == len(meet.equations):
        return meet
    kept = Meet(linear)
    others = [e for e in meet.equations if e not in linear]
    return kept if all(zero_along(minus(e.lhs, e.rhs), kept, variables) for e in others) else meet


def meet_point(meet: Meet, variables: Sequence[str]) -> Point | Meet:
    """A linear system with one solution as that point ({x = 4, y = 4} in two variables is (4, 4)); else itself."""
    syms = [symbol(n) for n in variables]
    rows = _linear_rows(meet, syms)
    if rows is None or rows.rows != len(syms) or rows[:, : len(syms)] != sympy.eye(len(syms)):
        return meet
    return tuple(-rows[i, len(syms)] for i in range(len(syms)))


def compare_points(answer: Points, expected: Points, ctx: Context) -> Outcome:
    want_points = [p for p in expected if isinstance(p, tuple)]
    want_loci = [p for p in expected if isinstance(p, Equation)]
    # a line in three variables is a system of equations that hold at once, and only such a system is it: x = 0,
    # y = 0 are planes there
    want_meets = [p for p in expected if isinstance(p, Meet)]
    want_lines: list[Equation | Meet] = [*want_loci, *want_meets]
    met = [meet_point(p, ctx.variables) for p in answer if isinstance(p, Meet)]
    meets = [m for m in met if isinstance(m, Meet)]
    parts = [part for p in answer if isinstance(p, Equation) for part in _factor_loci(p, want_loci, ctx)]
    points = [p for p in answer if isinstance(p, tuple)] + [p for p in met if isinstance(p, tuple)] \
        + [p for p in parts if isinstance(p, tuple)]
    loci = [p for p in parts if isinstance(p, Equation)]
    # no right point and no variables named (the empty set {}): no size a point must have
    dimension = len(want_points[0]) if want_points else len(ctx.variables) or None
    if dimension is not None and any(len(p) != dimension for p in points):
        return Outcome(False, Note.WRONG_DIMENSION, f"Each point needs {dimension} coordinates.")
    undecided: list[Point] = []
    unique, again = once(points, ctx, undecided)
    known: dict[tuple[int, int], bool] = {}  # each given point against each right one, compared once

    def same(i: int, j: int) -> bool:
        if (i, j) not in known:
            known[i, j] = _same_point(unique[i], want_points[j], ctx, undecided)
        return known[i, j]

    found = [w for j, w in enumerate(want_points) if any(same(i, j) for i in range(len(unique)))]
    # two places typed different, each within the tolerance of one right place (-1.3008 and -1.30079 to 4
    # places): they claim two, where there is one
    doubled = [(unique[matching[0]], unique[i]) for j in range(len(want_points)) if ctx.tolerance is not None
               for matching in [[i for i in range(len(unique)) if same(i, j)]] for i in matching[1:]]
    extra = [p for i, p in enumerate(unique)
             if not any(same(i, j) for j in range(len(want_points)))
             and not any(_on_locus(p, line, ctx) for line in want_lines)]
    nearby = _close(extra, [w for w in want_points if w not in found], ctx)
    extra = [p for p in extra if p not in nearby]
    # (1.4142, 1) for (√2, 1), (0.33, 1) for (1/3, 1): a right point written with decimals, close as a
    # vector's component is, not a point that does not belong and one missing
    rounded_exact = _rounded_exact(extra, [w for w in want_points if w not in found and
                                           not any(n.want == w for n in nearby.values())], ctx)
    extra = [p for p in extra if p not in rounded_exact]
    close = {p: n.off for p, n in nearby.items() if n.places is None}
    rounded = {p: n.places for p, n in nearby.items() if n.places is not None}
    given: list[Equation | Meet] = [*loci, *meets]
    found_lines = [w for w in want_lines if any(same_locus(a, w, ctx) for a in given)]
    extra_lines = [a for a in given if not any(same_locus(a, w, ctx) for w in want_lines)]
    lines = len(want_lines) - len(found_lines)
    missing = len(want_points) - len(found) - len(nearby) - len(rounded_exact) + lines
    wrong: list[Point | Equation | Meet] = [*extra, *extra_lines]
    if not missing and not wrong and not nearby and not rounded_exact and not doubled:
        if ctx.tolerance is not None and not all(w in unique for w in found):  # (1.4142, 1) for (√2, 1), as a vector
            return Outcome.right(Note.WITHIN_TOLERANCE, f"Correct ({ctx.tolerance.describe()}).")
        return Outcome.right()
    total = max(len(want_points) + len(want_lines), 1)
    credit = max(0.0, (len(found) + len(found_lines) - len(wrong) - len(doubled)) / total)
    if undecided:
        return Outcome(False, Note.UNDECIDED, UNDECIDED_MESSAGE.format(what="answer"), credit)
    one, many = _called(ctx)
    sentences = [again] if again else []
    sentences += [f"{show(_place(a, ctx), ctx.variables, spellings=ctx.spellings, typed=True)} and "
                  f"{show(_place(b, ctx), ctx.variables, spellings=ctx.spellings, typed=True)} are one {one} "
                  f"{ctx.tolerance.describe() if ctx.tolerance else ''}: give it once." for a, b in doubled]
    sentences += [_rounded_points(rounded, len(want_points), ctx)] if rounded else []
    if rounded_exact:
        sentences.append(_exact_wanted(rounded_exact, len(want_points), ctx))
    near = f"the right {one}" if len(want_points) == 1 else f"one of the right {many}"
    sentences += [f"{show(_place(p, ctx), ctx.variables, spellings=ctx.spellings, typed=True)} is close to {near}, but "
                  f"{'it is' if len(p) == 1 and one != 'point' else 'its ' + _coordinates(coordinates, ctx)} not right "
                  f"{ctx.tolerance.describe() if ctx.tolerance else ''}." for p, coordinates in close.items()]
    if wrong:
        shown = first_of([show(_place(p, ctx), ctx.variables, spellings=ctx.spellings, typed=True) for p in wrong])
        verb = "does" if len(wrong) == 1 else "do"
        sentences.append(f"{shown} {verb} not belong in the answer.")
    if missing:
        # lines written already (x² + y² = 0 is the point (0, 0), but written as one): how to write one is not
        # what is wrong
        if lines and any(isinstance(p, (Equation, Meet)) for p in answer):
            sentences.append("A line is missing." if lines == 1 else f"{lines} lines are missing.")
        elif lines:
            sentences.append(f"Some of the points form a whole line; write it as {line_example(want_meets)}.")
        else:
            sentences.append(f"{missing} {many if missing > 1 else one} {'are' if missing > 1 else 'is'} missing.")
    # every point given right, some only to fewer places than asked, and none missing: right but for
    # rounding (not a wrong attempt in practice), as a single number is
    # and every point given right but some written with decimals for exact values: close, as a vector
    # is (inexact, or decimal_for_exact: not a wrong attempt in practice)
    note = Note.EXTRA_POINT if wrong or doubled else Note.WRONG_VALUE if close else Note.MISSING_POINT if missing \
        else _exact_note(rounded_exact) if rounded_exact and not rounded else Note.TOO_FEW_PLACES
    return Outcome(False, note, " ".join(sentences), credit)


def line_example(meets: Sequence[Meet]) -> str:
    """How to write a line: an equation, or in three variables (a line wanted as `meets`) the equations it needs."""
    if meets:
        return "the equations it needs, in braces, like {x = 0, z = 0}"
    return "an equation, like x = 0"


def _called(ctx: Context) -> tuple[str, str]:
    """What the answer's items are called, one and many: points, or in one variable values of x, as the
    answer lists them (x = -1, x = 1): "2 points are missing" of a list of numbers sent the student to the plane."""
    if len(ctx.variables) == 1:
        return f"value of {ctx.variables[0]}", f"values of {ctx.variables[0]}"
    return "point", "points"


def once(places: Sequence[Point], ctx: Context, undecided: list[Point] | None = None) -> tuple[list[Point], str]:
    """A list's places each once, in the order given, and the sentence naming those given more than once
    ("x = 1 is given twice."; '' where none is). The one rule for a repeat, wherever places are judged: a
    place given again is the same place, so a list is judged by the places it names; where it is wrong, the
    repeat is named first, as a slip that may have left out the place meant (1, 1 for -1, 1). Given again is
    equal, whatever the tolerance: 1.1309 and 1.13094 are two numbers typed, two answers."""
    unique: list[Point] = []
    times: dict[int, int] = {}  # index in unique -> how often given
    exact = replace(ctx, tolerance=None)
    for p in places:
        same = next((i for i, q in enumerate(unique) if _same_point(p, q, exact, [] if undecided is None
                                                                     else undecided)), None)
        if same is None:
            unique.append(p)
        else:
            times[same] = times.get(same, 1) + 1
    said = [f"{show(_place(unique[i], ctx), ctx.variables, spellings=ctx.spellings, typed=True)} is given "
            f"{'twice' if n == 2 else f'{n} times'}." for i, n in sorted(times.items())]
    return unique, " ".join(said)


def _place(point: Point | Equation | Meet, ctx: Context) -> object:
    """A point as a sentence writes it: in one variable, a place on the line, x = 0 (as a list of them is
    written), not (0)."""
    return (point,) if isinstance(point, tuple) and len(point) == 1 and len(ctx.variables) == 1 else point


def _rounded_exact(extra: Sequence[Point], unmatched: Sequence[Point], ctx: Context) -> dict[Point, tuple[Note, ...]]:
    """The points of `extra` each a right point no other point of the answer matched, with some
    coordinates written as decimals close to exact values (1.4142 for √2, 0.33 for 1/3), each judged as
    a vector's component is (compare_numbers: inexact, decimal_for_exact), and the others right; with
    the notes of those coordinates."""
    found: dict[Point, tuple[Note, ...]] = {}
    left = list(unmatched)
    for point in extra:
        for want in left:
            if len(point) != len(want):
                continue
            outcomes = [_compare_scalar(mine, theirs, ctx, "coordinate") for mine, theirs in zip(point, want)]
            notes = tuple(o.note for o in outcomes if not o.correct)
            if notes and all(note in (Note.INEXACT, Note.DECIMAL_FOR_EXACT) for note in notes):
                found[point] = notes
                left.remove(want)
                break
    return found


def _exact_note(rounded: dict[Point, tuple[Note, ...]]) -> Note:
    """inexact where a decimal stands for an irrational value, else decimal_for_exact."""
    return Note.INEXACT if any(Note.INEXACT in notes for notes in rounded.values()) else Note.DECIMAL_FOR_EXACT


def _exact_wanted(rounded: dict[Point, tuple[Note, ...]], wanted: int, ctx: Context) -> str:
    """'(1.4142, 1) and (-1.4142, 1) are close to 2 of the right points, but exact values are expected.',
    as for a vector's component, or, where each decimal is an exact fraction rounded, '(0.33, 1) is close
    to the right point: the exact value is wanted; write it as a fraction.'"""
    written = tuple(_place(p, ctx) for p in rounded)  # in one variable x = 1.41, not (1.41)
    shown = and_list(show_each(written, ctx.variables, spellings=ctx.spellings, typed=True))
    one, many = _called(ctx)
    if len(rounded) == 1:
        which = f"the right {one}" if wanted == 1 else f"one of the right {many}"
    else:
        which = f"the right {many}" if len(rounded) == wanted else f"{len(rounded)} of the right {many}"
    said = f"{shown} {'is' if len(rounded) == 1 else 'are'} close to {which}"
    decimals = sum(len(notes) for notes in rounded.values())
    if _exact_note(rounded) == Note.INEXACT and ctx.tolerance is not None:  # asked to some places (h64, F6)
        return (f"{said}, but {'its value is' if decimals == 1 else 'their values are'} worked out, and read as the "
                "exact numbers they are: type each value itself.")
    if _exact_note(rounded) == Note.INEXACT:
        return f"{said}, but {'an exact value is' if decimals == 1 else 'exact values are'} expected."
    if decimals == 1:
        return f"{said}: the exact value is wanted; write it as a fraction."
    return f"{said}: the exact values are wanted; write them as fractions."


def _rounded_points(rounded: dict[Point, int], wanted: int, ctx: Context) -> str:
    """'(-1.05, 0) and (0.95, 0) are the right points rounded to 2 decimal places; give them to 4 decimal
    places.': where they stand, not "do not belong" and "are missing", which would be false."""
    written = tuple(_place(p, ctx) for p in rounded)  # in one variable x = 1.41, not (1.41)
    shown = and_list(show_each(written, ctx.variables, spellings=ctx.spellings, typed=True))
    places = set(rounded.values())
    to = f"to {counted(min(places), 'decimal place')}" if len(places) == 1 else "to fewer decimal places than asked"
    asked = ctx.tolerance.describe() if ctx.tolerance else ""
    one, many = _called(ctx)
    if len(rounded) == 1:
        which = f"the right {one}" if wanted == 1 else f"one of the right {many}"
        return f"{shown} is {which} rounded {to}; give it {asked}."
    which = f"the right {many}" if len(rounded) == wanted else f"{len(rounded)} of the right {many}"
    return f"{shown} are {which} rounded {to}; give them {asked}."


def _coordinates(indices: Sequence[int], ctx: Context) -> str:
    """'x is', 'x and y are', 'first coordinate is', 'first and second coordinates are'."""
    verb = "is" if len(indices) == 1 else "are"
    if len(ctx.variables) > max(indices):
        return f"{and_list([ctx.variables[i] for i in indices])} {verb}"
    places = and_list([ORDINALS[i] if i < len(ORDINALS) else f"#{i + 1}" for i in indices])
    return f"{places} coordinate{'' if len(indices) == 1 else 's'} {verb}"


@dataclass(frozen=True)
class _Nearby:
    """How a point of the answer stands to the right point it is taken for: the coordinates not right
    within the tolerance and, where each of them is the right one rounded to fewer places than asked,
    the fewest places typed among them (the point is right to that many); None where one is a slip."""

    off: tuple[int, ...]
    places: int | None = None
    want: Point = ()  # the right point it is taken for


def _close(extra: Sequence[Point], unmatched: Sequence[Point], ctx: Context) -> dict[Point, _Nearby]:
    """The points of `extra` each near a right point no other point of the answer matched, or that
    point rounded to fewer places than asked: a slip in the last digits, or a rounding, of a point
    found, which "does not belong" and "a point is missing" would hide. Only where a tolerance applies."""
    close: dict[Point, _Nearby] = {}
    left = list(unmatched)
    for point in extra:
        for want in left:
            nearby = _near(point, want, ctx)
            if nearby is not None:
                close[point] = replace(nearby, want=want)
                left.remove(want)
                break
    return close


def _near(point: Point, want: Point, ctx: Context) -> _Nearby | None:
    """Which coordinates of `point` are not right within the tolerance, where each of them is near
    `want`'s (Tolerance.near) or is `want`'s rounded to fewer places than asked (typed with two
    significant digits or more, as for a single number); None where a coordinate is farther, or is not
    a number."""
    tolerance = ctx.tolerance
    if tolerance is None or len(point) != len(want) or not (ctx.decimals or any(c.has(sympy.Float) for c in want)):
        return None
    wrong: list[int] = []
    short: list[int] = []
    for i, (mine, theirs) in enumerate(zip(point, want)):
        if mine.free_symbols or theirs.free_symbols:
            return None
        judgement = judge(mine, theirs, (), ctx.limits.symbolic_work)
        if judgement.status.equal:
            continue
        if judgement.status is not Status.DIFFERENT:
            return None
        if not ctx.tolerant(mine, theirs):  # an exact coordinate that differs: not a slip in the last digits
            return None
        got, right = _middle(judgement.got), _middle(judgement.want)
        if tolerance.accepts(judgement.got, judgement.want):
            continue
        places = _short_places(judgement.got, judgement.want, tolerance, ctx.spellings, ctx.wholes)
        if places is not None:
            short.append(places)
        elif not tolerance.near(got, right):
            return None
        wrong.append(i)
    if not wrong:
        return None
    return _Nearby(tuple(wrong), min(short) if len(short) == len(wrong) else None)


# --------------------------------------------------------------------- equations


def compare_equations(answer: Equation, expected: Equation, ctx: Context) -> Outcome:
    """Equal when one equation is a nonzero multiple of the other (z = 2x + 3 ~ 2x - z + 3 = 0), or the other with
    a one-to-one map on both sides (eʸ = e²ˣ ~ y = 2x), or, in one variable, when both have the same real
    solutions (2w + 50/w = 25 ~ w(25/2 - w) = 25: w = 5/2 or 10)."""
    for side in ("lhs", "rhs"):  # same explicit variable on one side: compare the other sides
        mine, theirs = getattr(answer, side), getattr(expected, side)
        other = "rhs" if side == "lhs" else "lhs"
        # x = √x + 2 is no formula for x: the sides are compared only when the other sides are free of x
        if mine.is_Symbol and mine == theirs and not any(getattr(eq, other).has(mine) for eq in (answer, expected)):
            outcome = compare_expressions(getattr(answer, other), getattr(expected, other), ctx,
                                          what=f"{mine.name}")
            if outcome.correct:  # equal where both have a value: an equation must hold where the right one does
                names = _names(ctx, answer.lhs, answer.rhs, expected.lhs, expected.rhs)
                return _formula_without_value(mine, getattr(answer, other), getattr(expected, other), other,
                                              names) \
                    or _without_value_where_right_holds(answer, expected, names, ctx.spellings) or outcome
            if outcome.note != Note.DIFFERS_AT:
                return outcome
            return Outcome(False, Note.DIFFERS_AT, outcome.message.replace("correct value", f"correct {mine.name}"))
    a = minus(answer.lhs, answer.rhs)
    e = minus(expected.lhs, expected.rhs)
    if not (answer.lhs.free_symbols or answer.rhs.free_symbols):
        return Outcome(False, Note.NOT_EQUIVALENT, "Your equation has no variables in it.")
    sides = _names(ctx, answer.lhs, answer.rhs, expected.lhs, expected.rhs)

    def right(note: Note = Note.EQUAL) -> Outcome:
        # both hold wherever both sides of both have a value: not yet where one of them has none, at a point
        # the search meets or at a solution of one (x = √2 for (x² - 2)/(x - √2) = 2√2 and x = √2)
        if len(sides) != 1:
            return _without_value_where_right_holds(answer, expected, names, ctx.spellings) or \
                _no_value_where_right_holds(answer, expected, e, names, ctx) or Outcome.right(note)
        missing = _where_one_has_no_value(answer, expected, sides) or \
            _at_a_divisor(answer, expected, symbol(sides[0]), ctx.limits.symbolic_work)
        if missing is not None:
            return missing
        found = solution_sets() if len(names) == 1 else None
        if found is not None and found[0] != found[1]:
            return _not_equivalent(names, lambda: None, found, ctx)
        if found is None and valued_in_part(answer.lhs, answer.rhs, expected.lhs, expected.rhs):
            # an irrational solution of one where the other has no value: 2 ln x = x - 3 lacks ln(x²) = x - 3's
            # -0.2017, and e^x = 1/x + 0·√(x - 0.6) holds nowhere (outside check h69, F1)
            missing = _held_between(answer, expected, names, ctx)
            if missing is not None:
                return missing
        return _no_value_where_right_holds(answer, expected, e, names, ctx) or Outcome.right(note)

    tolerant = ctx.decimals and ctx.tolerance is not None
    plain, formulas = answer, _as_formulas(answer, expected) if tolerant else None
    if tolerant and formulas is None and (stripped := without_signed_factors(answer)) is not None:
        plain, formulas = stripped, _as_formulas(stripped, expected)
    if formulas is not None:  # 0.0612x - y + 7.9819 = 0 for y = …: judged as y = 0.0612x + 7.9819
        mine, theirs = formulas
        outcome = compare_equations(mine, theirs, replace(ctx, derived=_divided(plain, mine.lhs, ctx)))
        if outcome.correct and _divides_by_itself(answer, mine):
            return Outcome(False, Note.NOT_EQUIVALENT, "Your equation holds nowhere: you divide by what is 0 "
                                                       "wherever it would hold.")
        if outcome.correct:  # z = … + 0/(x - 2) lacks the line x = 2 of the plane (outside check h68, F3)
            names = _names(ctx, answer.lhs, answer.rhs, expected.lhs, expected.rhs)
            return _without_value_where_right_holds(answer, expected, names, ctx.spellings, values_only=True) \
                or outcome
        if (answer.lhs, answer.rhs) == (mine.lhs, mine.rhs):
            return outcome
        # the numbers a message names are the formula's, worked out from those typed: it says what they are
        return replace(outcome, message=f"Written for {mine.lhs}, your equation is {_in_decimals(mine)}. "
                                        f"{outcome.message}")
    names = _names(ctx, a, e)
    # the search for a point where one holds and the other not, made once, if at all: steps below may ask;
    # and so the solution sets
    # in one variable, the tolerance the solutions are judged to, if one applies to them
    reach = _solutions_tolerance(answer, expected, names, ctx)
    witness = functools.cache(functools.partial(_witness, answer, expected, names, ctx.spellings, reach=reach))
    # each equation's real solutions, found once: the steps below ask for both, or for either alone
    solved = functools.cache(functools.partial(_real_solutions, names, ctx.limits.symbolic_work))
    found_sets = functools.cache(functools.partial(_found_sets, answer, expected, solved))
    solution_sets = functools.cache(functools.partial(_solution_sets, answer, expected, names, found_sets, witness))

    def undecided() -> Outcome:
        # in one variable, a solution of one that the other certainly lacks, found between two decimals, decides
        # (the 0 of 2 sin x = x, which x = 1.8955 lacks: outside check h68, F5)
        return (_held_between(answer, expected, names, ctx) if len(names) == 1 else None) or \
            Outcome(False, Note.UNDECIDED, UNDECIDED_MESSAGE.format(what="equation"))

    same = judge(a, e, names, ctx.limits.symbolic_work)  # the same equation, sides perhaps swapped
    if same.status.equal:
        return right(Note.NUMERIC if same.status is Status.NUMERIC else Note.EQUAL)
    if same.status is Status.UNDEFINED and len(sides) == 1:  # the same where both have a value, hardly anywhere
        missing = _where_one_has_no_value(answer, expected, sides)
        if missing is not None:
            return missing
    if a == 0:  # 1/(x - 1) = 1/(x - 1) holds wherever it has a value: 0 is no multiple to compare by
        return _where_one_has_no_value(answer, expected, sides) or _not_equivalent(names, lambda: None)
    reference = _reference(a, e, names)
    if reference is None:  # x/x = 1: 0 wherever it has a value; where it has none, the correct one may hold
        missing = _where_one_has_no_value(answer, expected, sides) if len(sides) == 1 else None
        return missing or _not_equivalent(names, witness)
    a_there, e_there = reference
    # a = c·e for one constant c: a·e(q) = e·a(q) everywhere, for the reference point q
    judgement = judge(a * e_there, e * a_there, names, ctx.limits.symbolic_work)
    if judgement.status.equal:
        return right(Note.NUMERIC if judgement.status is Status.NUMERIC else Note.EQUAL)
    if len(names) == 1 and judgement.status is not Status.UNDECIDED and same_real_solutions(
            a, e, symbol(names[0]), ctx.limits.symbolic_work):
        return right()
    solutions = solution_sets() if len(names) == 1 else None
    # eˣ = 2 and x = ln 2; not two equations with no real solution (eˣ = 0 and eˣ + 10⁻⁷ = 0), which the
    # student found none of: those are compared as written
    if solutions is not None and solutions[0] == solutions[1] and solutions[0]:
        return right()
    if reach is not None:
        close = _close_solutions(found_sets(), reach, ctx.limits.symbolic_work, _fractions_typed(answer, ctx))
        if close:  # eˣ = 2 and x = 0.693 to 3 decimal places: the tolerance applies to the solutions
            return Outcome.right(Note.WITHIN_TOLERANCE, f"Correct ({reach.describe()}).")
    undone = maps_undone(answer, ctx.limits.symbolic_work), maps_undone(expected, ctx.limits.symbolic_work)
    if undone != (answer, expected):  # eʸ = e²ˣ, y³ = 8x³ and (y - 2x)² = 0 are y = 2x: compared so
        outcome = compare_equations(*undone, replace(ctx, exact_typed=_exact_typed(answer, ctx)))
        if outcome.correct or solutions is None or solutions[0] == solutions[1]:
            return outcome
        # in one variable, a solution found of the equation as written names the difference exactly: eˣ = 3
        # holds at x = ln(3), rather than "your x is 1.09861" of x = ln 3
        return _not_equivalent(names, witness, solutions, ctx)
    if judgement.status is Status.UNDECIDED:
        return undecided()
    if _same_once_cleared(a, e, names, ctx, (answer.lhs, answer.rhs, expected.lhs, expected.rhs)) \
            or _same_in_one_function(a, e, names, ctx) \
            or _same_in_half_angle(a, e, names, ctx):
        return right()
    never_zero = times_a_factor_never_zero(a, e, names)
    if never_zero:
        return right()
    if never_zero is None:  # the same real solutions, if any: none found to say so
        return undecided()
    # (y - 2x)(x² + y²) = 0 and y = 2x: a factor 0 only at (0, 0), where y = 2x holds too
    factor_zeros = times_a_polynomial_factor(a, e, names)
    if factor_zeros is not None and factor_zeros.same:
        return right()
    if factor_zeros is not None and factor_zeros.point is not None:  # the search's point first, as before
        sentence = HOLDS_ONLY_IN_YOURS if factor_zeros.in_answer else HOLDS_ONLY_IN_RIGHT
        return witness() or Outcome(False, Note.NOT_EQUIVALENT, sentence.format(
            ", ".join(f"{n} = {show(v)}" for n, v in zip(names, factor_zeros.point))))
    if solutions is None and len(names) == 1 and ctx.tolerance is not None and ctx.decimals:
        solutions = _certain(found_sets(), answer, expected, names)  # to name the solution missing, not the near one
    if solutions is None and len(names) == 1 and witness() is None and \
            (decided_by_real_roots(a) or decided_by_real_roots(e)):
        # ∛x = ⁵√x is no multiple of x³ = x, yet has its solutions: without both sets, only a solution of one
        # that certainly fails the other is a difference
        return _solution_outside(answer, expected, names, solved) or undecided()
    if factor_zeros is not None and solutions is None and witness() is None:
        # one is the other times a factor whose zeros were not all found: no point is known to tell them apart
        return undecided()
    if solutions is None and witness() is None and (_in_pieces(a) or _in_pieces(e)):
        # max(z, u) = min(z, u) and sign(u) = 0 are u = 0: the proofs above are algebra's, which a function made of
        # pieces escapes, and no point found tells the two apart (outside check h62, F2)
        return undecided()
    held = _solutions_held(answer, expected, names, solved, ctx) if solutions is None and len(names) == 1 else None
    if held is not None and not held[1]:
        # x = W(1) and x = 0.5671 for eˣ = 1/x, whose solutions solveset does not list: each of the answer's is one
        # (to the places asked), and no more is known (outside check h66, F5)
        return undecided()
    if held is not None and held[0]:  # (x - 0.5671)(x - 2) = 0: its 2 named, not its root (outside check h67, F7)
        value = min(held[1], key=lambda v: (sympy.count_ops(v), str(v)))
        return Outcome(False, Note.NOT_EQUIVALENT, HOLDS_ONLY_IN_YOURS.format(f"{names[0]} = {show(value)}"))
    if solutions is None and len(names) == 1:
        # x + ln x = 0 and eˣ = 1/x, no multiples, have the same solution, which no solver lists: a difference is
        # one found, not that no rule above shows them the same (outside check h68, F8)
        return witness() or undecided()
    return _not_equivalent(names, witness, solutions, ctx)


def _at_a_divisor(answer: Equation, expected: Equation, x: sympy.Symbol, work: int) -> Outcome | None:
    """At the irrational zero of a linear divisor the answer is written with and the correct one is not, which no
    search meets (e^x = 1/x + 0/(x - W(1)) for e^x = 1/x: outside checks h68 and h69, F2): where the correct one
    certainly holds there, that; where it does to every digit computed, which no proof here shows, undecided."""
    difference = minus(expected.lhs, expected.rhs)
    theirs = divided_by(expected.lhs) | divided_by(expected.rhs)
    for name, side in (("left", answer.lhs), ("right", answer.rhs)):
        for divisor in sorted(divided_by(side) - theirs, key=str):
            solved = solved_for(divisor, x)  # as written: x - W(1), not multiplied out
            if solved is None or solved[0].free_symbols or solved[0].is_Rational:
                continue  # a rational one is a search point already
            at = solved[0]
            if _holds_at(expected, x, at):
                return Outcome(False, Note.NOT_EQUIVALENT, NO_VALUE_IN_YOURS.format(f"{x} = {show(at)}", name))
            if judge(difference.subs(x, at), sympy.S.Zero, (), work).status.equal:
                return Outcome(False, Note.UNDECIDED, UNDECIDED_MESSAGE.format(what="equation"))
    return None


def _formula_without_value(variable: Expr, mine: Expr, theirs: Expr, side: str, names: Sequence[str]
                           ) -> Outcome | None:
    """For two formulas for `variable` equal wherever both have a value: a point of the other variables where the
    correct one has a value and the answer none, as its domain lost it (y = 2 ln x for y = ln(x²) at x = -1;
    z = ln x + ln y for z = ln(xy) at x = y = -1: outside check h69, F1), sought around the edges of its parts'
    domains and at a few simple numbers each."""
    others = [n for n in names if n != variable.name]
    if not others or len(others) > _MOST_FORMULA_VARIABLES or not valued_in_part(mine):
        return None
    symbols = [symbol(n) for n in others]
    try:
        compiled = [compile_expression(e, symbols) for e in (mine, theirs)]
    except Unsupported:
        return None
    # around the edges of the parts' domains too: y = 2 ln(x + 5) lacks x < -5 (outside check h70, F2)
    kinks = kink_points(others, mine, theirs)
    near = [{Fraction(whole) for point in kinks for whole in (math.floor(point[i]), math.ceil(point[i]))}
            for i in range(len(others))]  # whole numbers beside them, simpler to name: x = -6, not -20/3
    values = [[*_SIMPLE_NUMBERS, *sorted(({point[i] for point in kinks} | near[i]) - set(_SIMPLE_NUMBERS),
                                         key=lambda v: (v.denominator, abs(v), v))][:_MOST_FORMULA_VALUES]
              for i in range(len(others))]
    for point in itertools.product(*values):
        if has_value(compiled[1], point) is True and has_value(compiled[0], point) is False:
            at = dict(zip(symbols, (sympy.Rational(c.numerator, c.denominator) for c in point)))
            where = ", ".join([*(f"{n} = {show(v)}" for n, v in zip(others, at.values())),
                               f"{variable} = {show(theirs.subs(at))}"])
            return Outcome(False, Note.NOT_EQUIVALENT, NO_VALUE_IN_YOURS.format(where, "left" if side == "lhs"
                                                                                 else "right"))
    return None


_MOST_FORMULA_VARIABLES = 2
_MOST_FORMULA_VALUES = 14  # of each variable: 14² points at most
_SIMPLE_NUMBERS = tuple(Fraction(n) for n in (1, -1, 2, -2, 3, -3)) + (Fraction(1, 2), Fraction(-1, 2))


def _solutions_held(answer: Equation, expected: Equation, names: Sequence[str],
                    solved: Callable[[Equation], frozenset[Expr] | None], ctx: Context
                    ) -> tuple[list[Expr], list[Expr]] | None:
    """Where the correct equation's real solutions are not found and the answer's are: those of the answer's that
    are solutions of the correct one (exactly, or under a tolerance a root of it within the tolerance:
    `_root_near`), and those that are not; None otherwise. All held is not that the two are the same: the
    correct one may have more."""
    if solved(expected) is not None:
        return None
    mine = solved(answer)
    if not mine:
        return None
    variable = symbol(names[0])
    difference = real_roots(minus(expected.lhs, expected.rhs))
    tolerance = ctx.tolerance if ctx.decimals else None
    held: tuple[list[Expr], list[Expr]] = ([], [])
    for value in sorted(mine, key=str):
        if judge(difference.subs(variable, value), sympy.S.Zero, (), ctx.limits.symbolic_work).status.equal:
            held[0].append(value)  # W(1)·e^W(1) - 1, not told from 0: undecided is all it decides
        elif tolerance is not None and (value.is_Rational or not _exact_typed(answer, ctx)) \
                and _root_near(difference, variable, value, tolerance):
            held[0].append(value)  # √3.5928 of x³ = 3.5928x for 2 sin x = x, to 4 places (outside check h69, F3)
        else:
            held[1].append(value)
    return held


def _root_near(difference: Expr, variable: sympy.Symbol, value: Expr, tolerance: Tolerance) -> bool:
    """Whether `difference` changes sign across the window of the tolerance around `value`, with no pole in it:
    its denominator, tan and sec written with cos, keeping one sign there (x = 0 for eˣ = 1/x, or 1.5708 for
    tan x = x, is a pole of it, not a root: outside check h67, F3)."""
    if tolerance.places is not None:
        half = sympy.Rational(1, 2) * sympy.Rational(10) ** -tolerance.places
    else:
        half = sympy.Rational(str(tolerance.relative)) * abs(value)
    window = (value - half, value, value + half)
    denominator = sympy.fraction(sympy.together(difference.rewrite(sympy.cos)))[1]
    values, poles = ([expr.subs(variable, point).evalf(30) for point in window] for expr in (difference, denominator))
    if not all(v.is_extended_real and v.is_finite for v in (*values, *poles)):
        return False
    return (all(p > 0 for p in poles) or all(p < 0 for p in poles)) and bool((values[0] > 0) != (values[2] > 0))


def _no_value_where_right_holds(answer: Equation, expected: Equation, e: Expr, names: Sequence[str],
                                ctx: Context) -> Outcome | None:
    """Where no point is found that tells them apart: a divisor of the answer as written that is the correct
    equation's difference `e` times a number, so that the answer has no value wherever the correct one holds
    ((xeˣ - 1)²/(xeˣ - 1) = 0 for xeˣ = 1, whose solution W(1) no search meets: outside check h68, F2); not where
    the correct one is divided by it too."""
    def divisors(equation: Equation) -> set[Expr]:
        return divided_by(equation.lhs) | divided_by(equation.rhs)

    def times_e(divisor: Expr) -> bool:
        reference = _reference(divisor, e, names)
        return reference is not None and judge(divisor * reference[1], e * reference[0], names,
                                               ctx.limits.symbolic_work).status.equal

    if any(times_e(d) for d in divisors(answer)) and not any(times_e(d) for d in divisors(expected)):
        return Outcome(False, Note.NOT_EQUIVALENT, "Your equation has no value wherever the correct one holds: "
                                                   "you divide by what is 0 there.")
    return None


def _held_between(answer: Equation, expected: Equation, names: Sequence[str], ctx: Context) -> Outcome | None:
    """In one variable, a solution of one equation found between two decimals (tutor.sign_change), where the
    other certainly does not hold, nor within the tolerance's reach, where one applies to the solutions: x = 2e⁻ˣ
    holds between 0.85 and 0.86, where xeˣ = 1 does not; or exactly, a multiple of π found there (sin x = 0 at π,
    where sin(x)/(1 + cos x) has no value), or a tenth where it is 0 (floor(x) = 1 at 11/10, for x = 1)."""
    x = symbol(names[0])
    equations = (answer, expected)
    differences = [minus(eq.lhs, eq.rhs) for eq in equations]
    try:
        compiled = [compile_expression(d, [x]) for d in differences]
        sides = [[compile_expression(side, [x]) for side in (eq.lhs, eq.rhs)] for eq in equations]
    except Unsupported:
        return None
    tolerance = _solutions_tolerance(answer, expected, names, ctx)
    try:
        with budget(remaining() / 2):  # half of what is left: a search that finds nothing leaves the verdict undecided
            return _solution_between(equations, differences, compiled, sides, names, tolerance, ctx)
    except OutOfTime:
        return None


def _solution_between(equations: tuple[Equation, Equation], differences: list[Expr], compiled: list[Compiled],
                      sides: list[list[Compiled]], names: Sequence[str], tolerance: Tolerance | None, ctx: Context
                      ) -> Outcome | None:
    """`_held_between`'s search, both ways: a solution of the answer, then one of the correct equation."""
    x = symbol(names[0])
    for mine, theirs, (holds, no_value) in ((0, 1, (HOLDS_ONLY_IN_YOURS, NO_VALUE_IN_RIGHT)),
                                            (1, 0, (HOLDS_ONLY_IN_RIGHT, NO_VALUE_IN_YOURS))):
        for bracket in zeros(compiled[mine], searchable(differences[mine]), _linear_roots(differences[mine], x)):
            if not all(valued_all_along(side, bracket.low, bracket.high) for side in sides[mine]):
                continue  # a divisor its sides' difference lost may have its zero there: 1/x + 0/(x - W(1))
            narrows = (n for n in narrowed(compiled[mine], bracket) if n.high - n.low <= _WIDEST_BETWEEN)
            for k, narrow in enumerate(narrows):
                exact = multiple_of_pi(narrow.low, narrow.high) if k == 0 and tolerance is None else None
                if exact is not None and differences[mine].subs(x, exact) == 0:  # sin(-π/6)² - 1/4, exactly
                    failed = _fails_at(equations[theirs], differences[theirs], x, exact, ctx)
                    if failed is not None:
                        where = f"{x} = {show(exact)}"
                        return Outcome(False, Note.NOT_EQUIVALENT, no_value.format(where, failed) if failed else
                                       holds.format(where))
                low, high = (narrow.low, narrow.high) if tolerance is None else \
                    _window(tolerance, narrow.low, narrow.high)
                where = f"{x} = {_decimal(narrow.low)}" + ("" if narrow.low == narrow.high else
                                                         f" and {x} = {_decimal(narrow.high)}")
                if nowhere_zero(compiled[theirs], low, high):
                    return Outcome(False, Note.NOT_EQUIVALENT, _between(holds, where, narrow))
                for name, side in zip(("left", "right"), sides[theirs]):
                    if valueless(side, low, high):
                        return Outcome(False, Note.NOT_EQUIVALENT, _between(no_value, where, narrow).replace(
                            "{}", name))
    return None


def _linear_roots(difference: Expr, x: sympy.Symbol) -> list[Fraction]:
    """The rational zeros of the factors of `difference` of the first degree in x ((x - 0.74)(cos x - x): 0.74,
    in a tenth with cos x = x's own root, where no change of sign shows it: outside check h69, F6)."""
    found = []
    for factor in sympy.Mul.make_args(difference):
        solved = solved_for(factor, x) if factor.is_Add else None
        if solved is not None and solved[0].is_Rational:
            found.append(fraction(solved[0]))
    return found


def _between(sentence: str, where: str, narrow: Bracket) -> str:
    """A sentence saying where an equation holds: at a point, or somewhere between two."""
    return sentence.replace("at {}", f"at {where}" if narrow.low == narrow.high else f"somewhere between {where}", 1)


def _fails_at(equation: Equation, difference: Expr, x: sympy.Symbol, value: Expr, ctx: Context) -> str | None:
    """At an exact point: "" where the equation certainly does not hold there, the side ("left") where that has
    no value; None where it can't tell."""
    for name, side in (("left", equation.lhs), ("right", equation.rhs)):
        if side.subs(x, value).has(sympy.zoo, sympy.nan):  # sin(π)/(1 + cos(π)): sympy's exact 0/0
            return name
    if differs_at_exact(difference, sympy.S.Zero, {x: value}, ctx.limits.symbolic_work) is At.DIFFERENT:
        return ""
    return None


def _solutions_tolerance(answer: Equation, expected: Equation, names: Sequence[str], ctx: Context
                         ) -> Tolerance | None:
    """In one variable, the tolerance the equations' solutions are judged to: where decimals were typed (or the
    correct one has some), and no exact number other than a rational in the answer (`_exact_typed`)."""
    if len(names) != 1 or ctx.tolerance is None or _exact_typed(answer, ctx):
        return None
    return ctx.tolerance if ctx.decimals or expected.lhs.has(sympy.Float) or expected.rhs.has(sympy.Float) else None


def _window(tolerance: Tolerance, low: Fraction, high: Fraction | None = None) -> tuple[Fraction, Fraction]:
    """[low, high] widened by how far from a solution in it another within the tolerance may be."""
    high = low if high is None else high
    if tolerance.places is not None:
        reach = Fraction(1, 2 * 10**tolerance.places)
    else:
        reach = Fraction(str(tolerance.relative)) * max(abs(low), abs(high))
    return low - reach, high + reach


_WIDEST_BETWEEN = Fraction(1, 100)  # the widest interval a solution is said to be in: two decimals at least


def _decimal(value: Fraction) -> str:
    """A point the search meets, in its digits (0.8525, 17), or as a fraction where it has none (1/3)."""
    return as_decimal(value, always=True, most_places=_MOST_PLACES) or str(value)


_MOST_PLACES = 24  # a tenth narrowed by 12 digits, and more


def _in_pieces(expr: Expr) -> bool:
    """Whether `expr` holds a function defined piece by piece: sign, floor, ceil, max, min, or 0 to a power."""
    return any(isinstance(node, _PIECES) or (node.is_Pow and node.base == 0) for node in sympy.preorder_traversal(expr))


_PIECES = (*JUMPS, sympy.Max, sympy.Min)


Solutions = tuple[frozenset[Expr], frozenset[Expr]]


def _real_solutions(names: Sequence[str], work: int, equation: Equation) -> frozenset[Expr] | None:
    """The equation's real solutions, found exactly (tutor.equality.real_solution_set); None where they are not."""
    return real_solution_set(minus(equation.lhs, equation.rhs), symbol(names[0]), work, (equation.lhs, equation.rhs))


def _found_sets(answer: Equation, expected: Equation,
                solved: Callable[[Equation], frozenset[Expr] | None]) -> Solutions | None:
    """The real solutions of each equation, where both are found exactly."""
    mine = solved(answer)
    theirs = solved(expected) if mine is not None else None
    return None if mine is None or theirs is None else (mine, theirs)


def _solution_sets(answer: Equation, expected: Equation, names: Sequence[str],
                   found_sets: Callable[[], Solutions | None], witness: Callable[[], Outcome | None]
                   ) -> Solutions | None:
    """Both equations' real solutions (`found_sets`), where no point the search finds holds one and not the
    other, and each solution of one that the other lacks is certainly not a solution of the other (checks on
    solveset's completeness)."""
    return None if witness() is not None else _certain(found_sets(), answer, expected, names)


def _certain(found: Solutions | None, answer: Equation, expected: Equation, names: Sequence[str]) -> Solutions | None:
    """Both equations' real solutions, where each solution of one that the other lacks is certainly not a
    solution of the other."""
    if found is None:
        return None
    mine, theirs = found
    variable = symbol(names[0])
    a, e = minus(answer.lhs, answer.rhs), minus(expected.lhs, expected.rhs)
    if not all(_not_solution(value, e, variable) for value in mine - theirs) or \
            not all(_not_solution(value, a, variable) for value in theirs - mine):
        return None
    return mine, theirs


# where one equation holds and the other does not, said of the answer's (yours) and the right one
HOLDS_ONLY_IN_YOURS = "Your equation holds at {}, but the correct one does not."
HOLDS_ONLY_IN_RIGHT = "The correct equation holds at {}, but yours does not."
NO_VALUE_IN_RIGHT = "Your equation holds at {}, but the correct one does not: its {} side has no value there."
NO_VALUE_IN_YOURS = "The correct equation holds at {}, but yours does not: your {} side has no value there."


def _solution_outside(answer: Equation, expected: Equation, names: Sequence[str],
                      solved: Callable[[Equation], frozenset[Expr] | None]) -> Outcome | None:
    """A real solution of one equation, found exactly (`solved`), at which the other certainly does not hold,
    named (the simplest first); None where there is none such."""
    variable = symbol(names[0])
    for mine, theirs, sentence in ((answer, expected, HOLDS_ONLY_IN_YOURS), (expected, answer, HOLDS_ONLY_IN_RIGHT)):
        for value in sorted(solved(mine) or (), key=lambda v: (sympy.count_ops(v), str(v))):
            if _not_solution(value, minus(theirs.lhs, theirs.rhs), variable):
                return Outcome(False, Note.NOT_EQUIVALENT, sentence.format(f"{names[0]} = {show(value)}"))
    return None


def _not_solution(value: Expr, difference: Expr, variable: sympy.Symbol) -> bool:
    """Whether difference = 0 certainly fails at `value`: a part of it has no real value there, or it is
    shown nonzero (x^(2/3) = 4 holds at x = -8, the real root's reading: it is not taken for a difference)."""
    read = real_roots(difference)
    if any(part.subs(variable, value).is_extended_real is False
           for part in sympy.preorder_traversal(read) if part.free_symbols):
        return True
    return read.subs(variable, value).is_zero is False


def _close_solutions(found: Solutions | None, tolerance: Tolerance, work: int,
                     exact: frozenset[Fraction] = frozenset()) -> bool:
    """Whether both equations have real solutions found exactly, as many of one as of the other, each within
    the tolerance of one of the other's: a solution missing or extra is a difference, however close the
    others are. A solution that is one of the fractions typed in `exact` ((x - 1001/3)(x - 1) = 0) is exact:
    it must be one of the other's."""
    if found is None or not found[0] or len(found[0]) != len(found[1]):
        return False
    typed = [value.is_Rational and abs(fraction(value)) in exact for value in found[0]]
    near = [[value == other if fraction else _within(value, other, tolerance, work) for other in found[1]]
            for value, fraction in zip(found[0], typed)]
    return all(any(row) for row in near) and all(any(column) for column in zip(*near))


def _within(value: Expr, other: Expr, tolerance: Tolerance, work: int) -> bool:
    """Whether two exact numbers (solutions of equations) are within the tolerance, judged as two numbers
    typed are: exactly, or on enclosures certain to hold them; not in mpmath's 53 bits, where 2⁵³ + 1 is 2⁵³.
    Numbers not told apart (judge) are within any tolerance; numbers whose values can't be settled, in none."""
    judgement = judge(value, other, (), work)
    if judgement.status.equal:
        return True
    return judgement.status is Status.DIFFERENT and tolerance.accepts(judgement.got, judgement.want)


def _exact_typed(answer: Equation, ctx: Context) -> bool:
    """`_exact_constants` of the equation as typed (the context's, where it is compared with a map taken off); never
    against a correct one with decimals typed in it, which no number is held to exactly (x ln(2) = 1 for
    x = 1.4427, to 4 places: outside check h70, F3)."""
    if ctx.given:
        return False
    return _exact_constants(answer) if ctx.exact_typed is None else ctx.exact_typed


def _exact_constants(answer: Equation) -> bool:
    """Whether an exact number other than a rational is typed in the equation (π, √2, ln 2, ln(2.0001)): its
    solutions are then worked out from it, and exact, as the number `W(1) + 0.00004` is. `x^2 = 2 + pi/10^4` and
    `x = ln(2) + 0.00001` were right to 3 places for x² = 2 and eˣ = 2 (outside check h64, F1 and F2), where
    `x^2 = 1.999`, whose numbers are all typed, is right to 2."""
    return any(not node.free_symbols and not node.is_Rational and not node.is_Float
               for side in (answer.lhs, answer.rhs) for node in sympy.preorder_traversal(side)
               if isinstance(node, Expr))


def _fractions_typed(answer: Equation, ctx: Context) -> frozenset[Fraction]:
    """The fractions typed in `answer` not as decimals (1001/3, 17/30 + 10^-5 as one): a solution that is one
    of them stays exact under a tolerance."""
    return frozenset(abs(fraction(r)) for side in (answer.lhs, answer.rhs)
                     for r in side.atoms(sympy.Rational) if r.q != 1 and not ctx.typed(fraction(r)))


def _as_formulas(answer: Equation, expected: Equation) -> tuple[Equation, Equation] | None:
    """Both equations as formulas for the variable the correct one is a formula for (y = 0.0612x + 7.9819: y),
    where the answer is that variable times a number plus terms without it: the tolerance judges the numbers the
    question asks for, in the question's form, whatever form the answer has. In another form the places would be
    of other numbers: 0.0001y = 0.0008 is within 4 places of 0.0001 times y = 0.0612x + 7.9819, and 0.2z = x + 2y
    - 5, which is z = 5x + 10y - 25, has its 0.2 within a place of x = z/4 - 2y + 5's 1/4 (outside check h66, F1
    and F3). Where the correct one is a formula for no variable (2x + 3y = 6), the variable the answer has alone
    (y = 2 - 0.67x). None where there is no such pair: an answer without the variable (40x + 40y - 40 = 0 for
    z = 40x + 40y - 40) is then compared exactly."""
    e = minus(expected.lhs, expected.rhs)
    difference = minus(answer.lhs, answer.rhs)
    asked = expected.lhs.is_Symbol and not expected.rhs.has(expected.lhs)
    for variable in [expected.lhs] if asked else sorted(e.free_symbols, key=lambda s: s.name):
        solved = solved_for(difference, variable)
        theirs = _formula_for(e, variable)
        if solved is not None and theirs is not None and not theirs.has(variable) and (asked or abs(solved[1]) == 1):
            return Equation(variable, solved[0]), Equation(variable, theirs)
    return None


def _divides_by_itself(answer: Equation, formula: Equation) -> bool:
    """Whether a divisor of the answer as written is 0 wherever the answer's formula holds, so that the answer holds
    nowhere: x + 0/(x - 1.41) = 1.41 is x = 1.41 but for its divisor, and was right for x = √2 to 2 places (outside
    check h68, F2). The formula is the answer's sides' difference solved, which loses such a term."""
    divisors = {divisor for side in (answer.lhs, answer.rhs) for divisor in divided_by(side)
                if divisor.has(formula.lhs)}
    return any(sympy.count_ops(divisor) <= MOST_OPERATIONS
               and sympy.expand(divisor.xreplace({formula.lhs: formula.rhs})) == 0 for divisor in divisors)


def _in_decimals(equation: Equation) -> str:
    """The equation with each coefficient a fraction as a decimal of 6 significant digits: z = 2.71739x, not
    125x/46; other numbers as they are (√e)."""
    def rounded(side: Expr) -> Expr:
        return sympy.Add(*(sympy.Float(c, 6) * rest if c.is_Rational and c.q != 1 else c * rest
                           for c, rest in (term.as_coeff_Mul() for term in sympy.Add.make_args(side))))
    return show(Equation(rounded(equation.lhs), rounded(equation.rhs)), decimals=True)


def _divided(answer: Equation, variable: Expr, ctx: Context) -> tuple[Fraction, ...]:
    """The coefficients of `answer` solved for `variable`, each divided by the variable's, that were worked out
    from typed numbers (1000x = 368z: 0.368, from 368 and 1000): the tolerance applies to them as to those;
    not from exact ones only (3y = x + 1001/3: 1001/9)."""
    difference = minus(answer.lhs, answer.rhs)
    solved = solved_for(difference, variable)
    terms = _monomials(difference, sorted(difference.free_symbols, key=str))
    if solved is None or terms is None or not solved[1].is_Rational:
        return ()
    slope = fraction(solved[1])
    return tuple(abs(Fraction(c) / slope) for c in terms.values()
                 if isinstance(c, Fraction) and (ctx.typed(c) or ctx.typed(slope)))


def _formula_for(difference: Expr, variable: sympy.Symbol) -> Expr | None:
    """The expected `difference = 0` solved for `variable`, where it is linear in it with a constant slope
    (z - ex = 0 for x: z/e). The expected answer is trusted: it may be multiplied out."""
    slope = sympy.diff(difference, variable)
    if slope == 0 or slope.free_symbols:
        return None
    return sympy.expand(variable - difference / slope)


def solved_for(difference: Expr, variable: Expr) -> tuple[Expr, Expr] | None:
    """`difference = 0` solved for `variable`, and the number it was times there, where it is that number times
    the variable plus terms without it (a line or a plane written another way); None otherwise. Nothing is
    multiplied out: the answer is untrusted."""
    if not variable.is_Symbol:
        return None
    rest, dependent = difference.as_independent(variable, as_Add=True)
    slope, alone = dependent.as_independent(variable, as_Add=False)  # √2·y too: a number, if not a rational
    return (-rest / slope, slope) if alone == variable and slope != 0 and not slope.free_symbols else None


_MOST_CLEARED_DEGREE = 6  # past it, clearing denominators and solving for their zeros may cost too much


def _same_once_cleared(a: Expr, e: Expr, names: Sequence[str], ctx: Context, written: Sequence[Expr] = ()) -> bool:
    """y = 1/x and xy = 1: a multiple of one another once their denominators are cleared, where no
    point of either has a denominator 0 (x = 0 is on no point of xy = 1), so that clearing them
    added no solution and lost none. Polynomials of low degree; in one variable, any numerators over
    such denominators, each numerator not 0 at a real zero of its denominator (xeˣ = 1 and eˣ = 1/x, whose
    xeˣ - 1 is -1 at 0: the lesson's f′(x) = 0, outside check h67, F6), nor at a zero of a divisor `written` in
    the equations' sides (0/(x - W(1)), which a - e has lost). Anything else stays unequal."""
    if any(sympy.count_ops(side) > MOST_OPERATIONS for side in (a, e)):
        return False  # `together` multiplies out every denominator of a long sum
    syms = [symbol(n) for n in names]
    sides = [sympy.fraction(sympy.together(side)) for side in (a, e)]
    if not any(denominator.free_symbols for _, denominator in sides):
        return False  # the multiple test has already said no

    def small(part: Expr) -> bool:
        return part.is_polynomial(*syms) and degree_at_most(part, *syms) <= MOST_MULTIPLIED_OUT \
            and sympy.Poly(part, *syms).total_degree() <= _MOST_CLEARED_DEGREE

    polynomials = all(small(numerator) and small(denominator) for numerator, denominator in sides)
    # in one variable a denominator with a value and one sign everywhere (eˣ of x - e⁻ˣ) has no zero to lose:
    # x = e^(-x) is xeˣ = 1 cleared so, as eˣ = 1/x is (outside check h69, F7)
    if not (polynomials or len(syms) == 1 and all(small(denominator) or signed(denominator)
                                                   for _, denominator in sides)):
        return False
    (mine, _), (theirs, _) = sides
    reference = _reference(mine, theirs, names)
    if reference is None or not judge(mine * reference[1], theirs * reference[0], names,
                                      ctx.limits.symbolic_work).status.equal:
        return False
    if polynomials:
        return all(sympy.groebner([numerator, denominator], *syms).exprs == [1]  # no common zero, even complex
                   for numerator, denominator in sides if denominator.free_symbols)
    x = syms[0]
    # every divisor as written, not only what `together` leaves: 0/(x - W(1)) has none at W(1) (outside check h68, F2)
    divisors = {divisor for side in (a, e, *written) for divisor in divided_by(side) if divisor.has(x)}
    if not all(small(divisor) for divisor in divisors):
        return False
    try:
        zeros = [zero for divisor in divisors for zero in sympy.Poly(divisor, x).real_roots()]
    except (NotImplementedError, sympy.PolynomialError):  # a divisor x - π: its zeros not listed (h68, F4)
        return False
    return all(judge(numerator.subs(x, zero), sympy.S.Zero, (), ctx.limits.symbolic_work).status is Status.DIFFERENT
               for zero in zeros for numerator, _ in sides)


Rewriting = tuple[tuple[Any, Callable[[Expr], Expr]], ...]  # a function, and what to write for it of u
_RECIPROCALS: Rewriting = ((sympy.csc, lambda u: 1 / sympy.sin(u)), (sympy.sec, lambda u: 1 / sympy.cos(u)),
                           (sympy.cot, lambda u: 1 / sympy.tan(u)))
_STAND_IN = "τ"  # a name no answer's variable has: the function both equations are in, as a variable


def _same_in_one_function(a: Expr, e: Expr, names: Sequence[str], ctx: Context) -> bool:
    """1/sin(x) = 2 and sin(x) = 1/2: both rational in the same function of x (csc as 1/sin), and
    `_same_once_cleared` as equations in it, so that each holds for the same values of it, hence of x. Only
    ever a yes: sin(x) = 2 and sin(x) = 3 differ as equations in sin(x), not in x."""
    if len(names) != 1:
        return False
    x = symbol(names[0])
    sides = _rewritten((a, e), _RECIPROCALS)
    inner = _functions_of(sides, x)
    outer = {node for node in inner if not any(node != other and other.has(node) for other in inner)}
    if len(outer) != 1:
        return False
    stand_in = {outer.pop(): symbol(_STAND_IN)}
    mine, theirs = (side.xreplace(stand_in) for side in sides)
    return not (mine.has(x) or theirs.has(x)) and _same_once_cleared(mine, theirs, (_STAND_IN,), ctx)


_AS_SIN_COS: Rewriting = ((sympy.tan, lambda u: sympy.sin(u) / sympy.cos(u)),
                          (sympy.cot, lambda u: sympy.cos(u) / sympy.sin(u)), *_RECIPROCALS[:2])


def _functions_of(sides: Sequence[Expr], x: sympy.Symbol) -> set[Expr]:
    """Every function applied to something with x in it, in the sides (sin(sin(x)) and the sin(x) in it)."""
    return {node for side in sides for node in sympy.preorder_traversal(side)
            if isinstance(node, sympy.Function) and node.has(x)}


def _outermost_functions(sides: Sequence[Expr], x: sympy.Symbol) -> set[Expr]:
    """The functions applied to something with x in it that no other such function holds (sin(eˣ), not eˣ)."""
    found, stack = set(), list(sides)
    while stack:
        node = stack.pop()
        if isinstance(node, sympy.Function) and node.has(x):
            found.add(node)
        else:
            stack.extend(node.args)
    return found


def _rewritten(sides: Sequence[Expr], rewriting: Rewriting) -> list[Expr]:
    """Each side with every function in `rewriting` written as it says (csc(u) as 1/sin(u))."""
    found = []
    for side in sides:
        for function, written in rewriting:
            side = side.replace(function, written)
        found.append(side)
    return found


def _same_in_half_angle(a: Expr, e: Expr, names: Sequence[str], ctx: Context) -> bool:
    """cos(x) = sin(x) and tan(x) = 1: both rational in sin u and cos u of one argument u (tan, cot, sec, csc
    written by them), and `_same_once_cleared` in t = tan(u/2), by which sin u = 2t/(1 + t²) and cos u =
    (1 - t²)/(1 + t²) for every u but π (mod 2π), where both equations are then looked at themselves. Only ever
    a yes, as `_same_in_one_function`."""
    if len(names) != 1:
        return False
    x = symbol(names[0])
    sides = _rewritten((a, e), _AS_SIN_COS)
    functions = _outermost_functions(sides, x)
    arguments = {node.args[0] for node in functions}
    if not functions or len(arguments) != 1 or any(type(node) not in (sympy.sin, sympy.cos) for node in functions):
        return False
    (u,) = arguments
    t = symbol(_STAND_IN)
    half_angle = {sympy.sin(u): 2 * t / (1 + t**2), sympy.cos(u): (1 - t**2) / (1 + t**2)}
    mine, theirs = (side.xreplace(half_angle) for side in sides)
    if mine.has(x) or theirs.has(x) or not _same_once_cleared(mine, theirs, (_STAND_IN,), ctx):
        return False
    # u = π: no t; a solution of both there, or of neither. Both are functions of u alone: for an argument
    # other than a·x + b (tan(1/x) = 0 and sin(1/x) = 0) looked at with u itself π, as at every x where u is
    linear = _linear(u, x)
    if linear is not None:
        at, var, equations = (sympy.pi - linear[1]) / linear[0], x, (a, e)
    else:
        at, var, equations = sympy.pi, t, (a.xreplace({u: t}), e.xreplace({u: t}))
        if any(side.has(x) for side in equations):
            return False
    there = {_solved_by((side, sympy.S.Zero), var, at) for side in equations}
    return None not in there and len(there) == 1


def _solved_by(sides: Sequence[Expr], x: sympy.Symbol, at: Expr) -> bool | None:
    """Whether x = `at` solves left side = right side, decided by sympy: exactly 0 = 0, each part of each side
    real and finite there (sympy makes 1/(1/sin(x)) 0 and (√(x - 2))² x - 2 at x = π/2, where neither has a
    value); False where it fails or a part has no value; None where sympy can't tell."""
    parts = [node.xreplace({x: at}) for side in sides for node in sympy.preorder_traversal(side) if node.has(x)]
    if any(part.is_extended_real is False or part.is_finite is False for part in parts):
        return False
    if not all(part.is_extended_real and part.is_finite for part in parts):
        return None
    value = (sides[0] - sides[1]).xreplace({x: at})
    return True if value == 0 else False if value.is_zero is False else None


def _reference(a: Expr, e: Expr, names: Sequence[str]) -> tuple[Expr, Expr] | None:
    """a and e at a point where neither is zero (as exact sympy numbers): a multiple of the other is a nonzero one.
    Where a could be 0 there, x/x = 1, whose a is 0 wherever it has a value, was 0 times every equation: it was
    right for x = 5, and for the tangent plane (outside check h68, F1)."""
    symbols = [symbol(n) for n in names]
    try:
        f, g = compile_expression(a, symbols), compile_expression(e, symbols)
    except Unsupported:
        return None
    for point in sample_points(len(symbols)):
        if zero_at(g, point) is False and zero_at(f, point) is False:
            substitution = {s: to_sympy(v) for s, v in zip(symbols, point)}
            return a.subs(substitution), e.subs(substitution)
    return None


def _where_one_has_no_value(answer: Equation, expected: Equation, names: Sequence[str]) -> Outcome | None:
    """In one variable, a point where one equation holds and a side of the other has no value: x = 1 for
    (x² - 1)/(x - 1) = 2 and x = 1, a point only a denominator removes; x = 2 for cos(acos x) = 2 and x = 2.
    Sought at, between and around the kinks and edges of every side, and at each equation's rational solutions."""
    symbols = [symbol(n) for n in names]
    try:
        compiled = [(compile_expression(eq.lhs, symbols), compile_expression(eq.rhs, symbols))
                    for eq in (answer, expected)]
    except Unsupported:
        return None
    points = kink_points(names, answer.lhs, answer.rhs, expected.lhs, expected.rhs)
    for eq in (answer, expected):
        points += [(root,) for base, axis in lines(1)
                   for root in sorted(line_roots(minus(eq.lhs, eq.rhs), names, base, axis))]
    holes = _periodic_holes(answer, expected, symbols[0])
    points += [(fraction(hole.at),) for hole in holes if hole.at.is_Rational]  # sin(x)'s 0: as any point
    (my_left, my_right), (left, right) = compiled
    for point in dict.fromkeys(points):
        for holds, other, sentence in (((my_left, my_right), (left, right), NO_VALUE_IN_RIGHT),
                                       ((left, right), (my_left, my_right), NO_VALUE_IN_YOURS)):
            there = decide(*holds, point)
            if there.at is not At.SAME or not isinstance(there.got, Fraction):  # holds exactly, not to a resolution
                continue
            for name, side in zip(("left", "right"), other):
                if has_value(side, point) is False:
                    return Outcome(False, Note.NOT_EQUIVALENT, sentence.format(format_point(names, point), name))
    for hole in holes:  # cos(x)'s π/2: no point the evaluator takes, so sympy decides, exactly
        if not hole.at.is_Rational and _holds_at(expected if hole.mine else answer, symbols[0], hole.at):
            sentence = NO_VALUE_IN_YOURS if hole.mine else NO_VALUE_IN_RIGHT
            return Outcome(False, Note.NOT_EQUIVALENT, sentence.format(f"{names[0]} = {show(hole.at)}", hole.side))
    return None


_SOLUTION_LINES = 16  # spread points the lines through which a correct equation's solutions are sought on


def _without_value_where_right_holds(answer: Equation, expected: Equation, names: Sequence[str],
                                     spellings: Spellings, values_only: bool = False) -> Outcome | None:
    """In two variables or more, where the two are found the same wherever both sides of both have a value: a
    point where the correct one holds and a side of the answer has none, as in one variable
    (`_where_one_has_no_value`), the same real solutions being what makes two equations the same; not the other
    way round (y = 1 for y = x/x: the correct one's own form is no fault of the answer's). Sought by `_witness`
    (on the search lines, and where a denominator is 0: z = (4x² + 8xy − 20x)/x loses the plane's points with
    x = 0), and among the correct equation's solutions on more lines, along each axis through the first spread
    points and through the far points, where it is a polynomial one ((√x)² + y² = 0 holds at (0, 0) alone,
    x + y² = 0 on a parabola; (√x)² + (√y)² = 1 on a stretch of x + y = 1; a bounded stretch is seen far out).
    None where every side of both is a polynomial, which has a value everywhere, or no such point is found.
    values_only: not a point where the answer has a value and is not 0, for an answer a tolerance judged right."""
    symbols = [symbol(n) for n in names]
    sides = (answer.lhs, answer.rhs, expected.lhs, expected.rhs)
    if all(side.is_polynomial(*symbols) for side in sides):
        return None
    found = _witness(answer, expected, names, spellings, lost=True, values_only=values_only)
    if found is not None or all(side.is_polynomial(*symbols) for side in sides[:2]):
        return found
    difference = minus(expected.lhs, expected.rhs)
    if not difference.is_polynomial(*symbols):
        return None  # its solutions on a line far out may be beyond computing (y = eˣ at x = 10⁹)
    try:
        holds = compile_expression(difference, symbols)
        mine = [compile_expression(side, symbols) for side in (answer.lhs, answer.rhs)]
    except Unsupported:
        return None
    for bases in (sample_points(len(names))[:_SOLUTION_LINES], far_points(len(names), difference)):
        for point in dict.fromkeys(point for base in bases for axis in range(len(names))
                                   for point in _roots_along(difference, names, base, axis)):
            if zero_at(holds, point, exactly=True):
                for name, side in zip(("left", "right"), mine):
                    if has_value(side, point) is False:
                        return Outcome(False, Note.NOT_EQUIVALENT,
                                       NO_VALUE_IN_YOURS.format(format_point(names, point), name))
    return None


def _holds_at(equation: Equation, x: sympy.Symbol, at: Expr) -> bool:
    """Whether `equation` certainly holds at x = `at` (`_solved_by`), where its sides are small enough to ask."""
    sides = (equation.lhs, equation.rhs)
    return all(sympy.count_ops(side) <= MOST_OPERATIONS for side in sides) \
        and _solved_by(sides, x, at) is True


@dataclass(frozen=True)
class _Hole:
    """A point where a side of an equation has no value: of the student's (`mine`) or the correct one's."""
    at: Expr
    mine: bool
    side: str  # left or right


_MOST_PERIODIC_HOLES = 12  # per comparison: two for each divisor or pole below, the first six
# u/π where sin, cos, tan and cot of u are 0, and where tan, sec, cot and csc have no value, in one period
_ZEROS = {sympy.sin: (0, 1), sympy.cos: (sympy.S.Half, sympy.Rational(3, 2)),
          sympy.tan: (0, 1), sympy.cot: (sympy.S.Half, sympy.Rational(3, 2))}
_POLES = {sympy.tan: _ZEROS[sympy.cos], sympy.sec: _ZEROS[sympy.cos],
          sympy.cot: _ZEROS[sympy.sin], sympy.csc: _ZEROS[sympy.sin]}


def _periodic_holes(answer: Equation, expected: Equation, x: sympy.Symbol) -> list[_Hole]:
    """Where a side divides by sin, cos, tan or cot of a linear a·x + b (a and b exact), or by a polynomial in
    one of them (1 - cos(x), 2 sin(x) - 1), or takes tan, sec, cot or csc of one: zeros and poles infinitely
    many, which no search line meets (sin(x)²/sin(x) = 0 holds at none of sin(x) = 0's kπ). One period's,
    mapped back to x: sin(x)'s 0 and π, cos(x)'s π/2 and 3π/2, 2 sin(x) - 1's π/6 and 5π/6. Of an argument
    g other than a·x + b (x², 1/x, eˣ), a few where g is at one in [−π, π], solved exactly: sin(x²)'s 0, ±√π."""
    holes: list[_Hole] = []
    for eq, mine in ((answer, True), (expected, False)):
        for side, expr in (("left", eq.lhs), ("right", eq.rhs)):
            for node in sympy.preorder_traversal(expr):
                if node.is_Pow and node.exp.is_Number and node.exp.is_negative:  # sin(x)² of 1/(2sin(x)²)
                    found = [(f.base if f.is_Pow and f.exp.is_positive else f, _ZEROS, sympy.S.Zero)
                             for f in sympy.Mul.make_args(node.base)]
                else:
                    found = [(node, _POLES, sympy.zoo)]
                for function, table, value in found:
                    places = _where(function, table, value, x) if table is _POLES or type(function) in table \
                        else _zeros_in_one_function(function, x)
                    for at in places:
                        if _Hole(at, mine, side) not in holes:
                            holes.append(_Hole(at, mine, side))
    return holes[:_MOST_PERIODIC_HOLES]


def _where(function: Expr, table: dict[Any, tuple[Expr, ...]], value: Expr, x: sympy.Symbol) -> list[Expr]:
    """The x where `function` has an argument kπ that `table` gives, where it is certainly `value` (0, or zoo:
    none): of a linear a·x + b, one period's; of another argument g (x², 1/x, eˣ), those k shifted into
    [−1, 1] (sin: 0, π and −π), each solved for x by `_solved_argument`, the first few."""
    if type(function) not in table:
        return []
    argument, multiples = function.args[0], table[type(function)]
    if _linear(argument, x) is None:
        multiples = tuple(_within_one_half_turn(multiples))
    return _where_argument_is(argument, [k * sympy.pi for k in multiples], x,
                              lambda at: function.subs(x, at) == value)


def _where_argument_is(argument: Expr, values: Sequence[Expr], x: sympy.Symbol,
                       holds: Callable[[Expr], bool]) -> list[Expr]:
    """The x where `argument` is one of `values` and `holds` is true: (u − b)/a for a linear a·x + b; for another
    argument (x², eˣ), those `_solved_argument` finds, the first few."""
    linear = _linear(argument, x)
    if linear is not None:
        a, b = linear
        return [at for at in dict.fromkeys((u - b) / a for u in values) if holds(at)]
    found = dict.fromkeys(at for u in values for at in _solved_argument(argument, u, x))
    return [at for at in found if holds(at)][:_MOST_PER_ARGUMENT]


def _within_one_half_turn(multiples: tuple[Expr, ...]) -> list[Expr]:
    """The multiples k of π in [−1, 1] that k or k - 2 of one period's give, the smallest first: an argument g
    that is no a·x + b may reach none of one period's, as x² reaches no −π/2, yet reach the one 2π away."""
    found = {m for k in multiples for m in (sympy.S(k), sympy.S(k) - 2) if abs(m) <= 1}
    return sorted(found, key=lambda k: (abs(k), bool(k < 0)))


_MOST_PER_ARGUMENT = 4  # x where an argument g other than a·x + b is at a zero or pole: x² = 0, π give 0, ±√π
_MOST_ARGUMENT_DEGREE = 2  # a polynomial argument's x by the quadratic formula, exactly
_MOST_ARGUMENT_STEPS = 6  # functions and numbers undone to reach x: 1/(x² + 1) takes 4; each gⁿ may double the x


def _solved_argument(g: Expr, u: Expr, x: sympy.Symbol, steps: int = _MOST_ARGUMENT_STEPS) -> list[Expr]:
    """The real x where g = u, exactly, the positive first: g a polynomial in x of degree 2 at most, or one
    inside numbers added or multiplied, 1/g, gⁿ, √g, e^g, 2^g or ln g (x², x² + 1, 1/x, eˣ, ln x, √x, 1/(x + 1));
    none where g is other, has a decimal in it, takes more `steps` to undo, or sympy can't tell which side of 0 a
    value is (u > 0 for eˣ)."""
    if not g.has(x) or g.has(sympy.Float) or steps == 0:
        return []
    found: list[Expr] = []
    if g == x:
        found = [u]
    elif isinstance(g, sympy.exp):  # exp(u), or e**u as the parser keeps e^(ln x)
        found = _solved_argument(g.exp, sympy.log(u), x, steps - 1) if u.is_positive else []
    elif isinstance(g, sympy.log) and len(g.args) == 1:
        found = _solved_argument(g.args[0], sympy.exp(u), x, steps - 1)
    elif g.is_Pow and not g.base.has(x):  # 2ˣ
        positive = g.base.is_positive and (g.base - 1).is_zero is False and u.is_positive
        found = _solved_argument(g.exp, sympy.log(u) / sympy.log(g.base), x, steps - 1) if positive else []
    elif g.is_Pow and not g.exp.has(x) and g.exp.is_Rational:
        found = _solved_power(g.base, g.exp, u, x, steps)
    elif g.is_Add or g.is_Mul:
        number, rest = g.as_independent(x, as_Add=g.is_Add)
        if rest != g and not number.free_symbols:
            found = _solved_argument(rest, u - number if g.is_Add else u / number, x, steps - 1)
        elif g.is_polynomial(x) and degree_at_most(g, x) <= _MOST_ARGUMENT_DEGREE:  # (x + 1)¹⁰⁰⁰ not expanded
            poly = sympy.Poly(g - u, x)
            if 0 < poly.degree() <= _MOST_ARGUMENT_DEGREE:
                found = [root for root in sympy.roots(poly) if root.is_real]
    return sorted(dict.fromkeys(found), key=lambda at: (at.is_negative is not False, sympy.count_ops(at), str(at)))


def _solved_power(base: Expr, exponent: sympy.Rational, u: Expr, x: sympy.Symbol, steps: int) -> list[Expr]:
    """`_solved_argument` for base^exponent = u: 1/base, an integer power, or √base; none for other roots."""
    if exponent < 0:
        return [] if u.is_zero is not False else _solved_argument(base ** -exponent, 1 / u, x, steps - 1)
    if exponent == sympy.S.Half:
        return _solved_argument(base, u**2, x, steps - 1) if u.is_nonnegative else []
    if not exponent.is_Integer:
        return []
    if exponent.is_odd:
        return _solved_argument(base, sympy.real_root(u, exponent), x, steps - 1)
    if u.is_zero:
        return _solved_argument(base, u, x, steps - 1)
    root = u ** (1 / exponent)
    if not u.is_positive:
        return []
    return [*_solved_argument(base, root, x, steps - 1), *_solved_argument(base, -root, x, steps - 1)]


def _linear(u: Expr, x: sympy.Symbol) -> tuple[Expr, Expr] | None:
    """(a, b) where u is a·x + b, both exact numbers, a not 0."""
    if u.has(sympy.Float):
        return None
    a = sympy.diff(u, x)
    b = u.subs(x, 0)
    if a == 0 or a.free_symbols or b.free_symbols or sympy.expand(u - a * x - b) != 0:
        return None
    return a, b


_MOST_DEGREE_IN_ONE_FUNCTION = 4  # sympy.roots in radicals, quickly
# a value t of sin, cos, tan of u -> the u where it has it, in one period
_INVERSES: dict[type, Callable[[Expr], tuple[Expr, ...]]] = {
    sympy.sin: lambda t: (sympy.asin(t), sympy.pi - sympy.asin(t)),
    sympy.cos: lambda t: (sympy.acos(t), -sympy.acos(t)),
    sympy.tan: lambda t: (sympy.atan(t),)}


def _zeros_in_one_function(factor: Expr, x: sympy.Symbol) -> list[Expr]:
    """The x in one period where `factor`, a polynomial in sin, cos or tan of one argument (1 - cos(x),
    2 sin(x) - 1), is certainly 0: of a linear a·x + b, all; of another (x², eˣ), the few that
    `_solved_argument` finds; none for anything else."""
    functions = {node for node in sympy.preorder_traversal(factor) if type(node) in _INVERSES and node.has(x)}
    if len(functions) != 1:
        return []
    (function,) = functions
    t = sympy.Dummy("t")
    polynomial = factor.xreplace({function: t})
    if polynomial.has(x) or not polynomial.is_polynomial(t) or degree_at_most(polynomial, t) > MOST_MULTIPLIED_OUT:
        return []
    poly = sympy.Poly(polynomial, t)
    if not 0 < poly.degree() <= _MOST_DEGREE_IN_ONE_FUNCTION:
        return []
    arguments = [u for value in sympy.roots(poly) if value.is_real
                 and (type(function) is sympy.tan or (abs(value) <= 1) == sympy.true)  # never a truth undecided
                 for u in _INVERSES[type(function)](value)]
    return _where_argument_is(function.args[0], arguments, x, lambda at: factor.subs(x, at) == 0)


def _not_equivalent(names: Sequence[str], witness: Callable[[], Outcome | None],
                    solutions: Solutions | None = None, ctx: Context | None = None) -> Outcome:
    """Name a point where one equation holds and the other does not: one found on the search lines, or else
    one of the exact real solutions of one equation that the other lacks. Under a tolerance the solutions come
    first, one that no solution of the other is near first: x = 1.414 for x² = 2 to 3 places is right as far as
    it goes, and the message names the -1.41421 it lacks."""
    tolerant = ctx is not None and ctx.tolerance is not None and ctx.decimals
    found = None if tolerant and solutions is not None else witness()
    if found is not None:
        return found
    if solutions is not None:
        mine, theirs = solutions
        extras = [(value, k, sentence) for k, (extra, sentence) in enumerate((
            (mine - theirs, HOLDS_ONLY_IN_YOURS), (theirs - mine, HOLDS_ONLY_IN_RIGHT))) for value in extra]
        if extras:  # then the simplest, the same each run
            value, k, sentence = min(extras, key=lambda item: (
                _near_one(item[0], theirs if item[1] == 0 else mine, ctx), item[1], sympy.count_ops(item[0]),
                str(item[0])))
            if len(mine) != len(theirs) and _near_one(value, theirs if k == 0 else mine, ctx):
                # (x - 0.693)(x - 0.6931) = 0 for eˣ = 2 to 3 places: each is ln 2, neither the mistake
                return Outcome(False, Note.NOT_EQUIVALENT, f"Your equation has {counted(len(mine), 'solution')}, "
                                                           f"but the correct one has {len(theirs)}.")
            shown = _solution(value, theirs if k == 0 else mine, ctx)
            if isinstance(shown, str):
                return Outcome(False, Note.NOT_EQUIVALENT, sentence.format(f"{names[0]} = {shown}"))
            # x² = 9.8696…(40 digits) for x² = π²: 20 digits do not tell the two solutions apart, so the gap is
            # given (the student's minus the correct one's)
            gap, right_one = (_gap(shown.got, shown.want), shown.other) if k == 0 else \
                (_gap(shown.want, shown.got), value)
            return Outcome(False, Note.NOT_EQUIVALENT, f"Your equation's solution {names[0]} is {gap} than the "
                                                       f"correct one's, {show(right_one)}.")
    return witness() or Outcome(False, Note.NOT_EQUIVALENT, "Your equation is not equivalent to the correct one: "
                                                            "it is not the correct one rearranged, or multiplied by "
                                                            "a number.")


def _near_one(value: Expr, others: frozenset[Expr], ctx: Context | None) -> bool:
    """Whether a tolerance applies and `value` is within it of one of `others`."""
    if ctx is None or ctx.tolerance is None or not ctx.decimals:
        return False
    return any(_within(value, other, ctx.tolerance, ctx.limits.symbolic_work) for other in others)


@dataclass(frozen=True)
class _Beside:
    """A solution 20 digits do not tell from `other`, a solution of the other equation: the values of both
    (got, want), which tell how far apart they are."""

    other: Expr
    got: Fraction | Interval
    want: Fraction | Interval


def _solution(value: Expr, others: frozenset[Expr], ctx: Context | None) -> str | _Beside:
    """A solution for a sentence: where decimals were typed, in decimals (0.5 as typed, not 1/2; 1.41386 for
    the root of x² = 1.999, not 0.01√19990), with digits enough to tell it from each solution of the other
    equation (`others`: 3.141592 for x² = 9.8696, beside π), _Beside where 20 are not; else exact."""
    if ctx is None or not ctx.decimals or (value.is_Rational and as_decimal(value) is None):
        return show(value)  # 1001/3 as typed, not 333.667
    if value.is_Rational:
        return _text(Fraction(int(value.p), int(value.q)), 6, ctx.spellings, decimals=True)
    shown = []
    for other in sorted(others, key=str):
        apart = judge(value, other, (), ctx.limits.symbolic_work)
        if apart.status is not Status.DIFFERENT:
            continue
        pair = format_pair(apart.got, apart.want)
        if pair is None:
            return _Beside(other, apart.got, apart.want)
        shown.append(pair[0])
    if shown:
        return max(shown, key=len)
    try:
        return _text(mpmath.mpf(sympy.N(value, 30)), 6)
    except (TypeError, ValueError):
        return show(value)


def _witness(answer: Equation, expected: Equation, names: Sequence[str], spellings: Spellings = (),
             lost: bool = False, values_only: bool = False, reach: Tolerance | None = None) -> Outcome | None:
    """A point where one equation holds exactly and the other does not: on the search lines, where it is false;
    or where a side of it has no value, which dividing by a variable loses (y = 2x - 5 holds at x = 0, y = -5,
    where (y + 5)/x = 2 has none): sought where that side's denominator is 0, then along each other axis.
    lost: only where the correct one holds and the answer does not. values_only: only where it has no value.
    reach: in one variable, a tolerance the solutions are judged to: the other must not hold within its reach
    either (x e^x = 1 for x = 0.5671 at dp:4 holds at W(1), 4.3·10⁻⁵ from it: outside check h69, F4)."""
    symbols = [symbol(n) for n in names]
    equations = (answer, expected)
    differences = tuple(minus(eq.lhs, eq.rhs) for eq in equations)
    try:
        compiled = [(compile_expression(difference, symbols),
                     tuple(compile_expression(side, symbols) for side in (eq.lhs, eq.rhs)))
                    for eq, difference in zip(equations, differences)]
    except Unsupported:
        return None
    directions = (((0, 1), (HOLDS_ONLY_IN_YOURS, NO_VALUE_IN_RIGHT)),
                  ((1, 0), (HOLDS_ONLY_IN_RIGHT, NO_VALUE_IN_YOURS)))[1 if lost else 0:]
    holding: dict[int, list[tuple[Fraction, ...]]] = {}  # where each holds exactly on the lines searched
    # one made of pieces may hold on a whole stretch between its roots (sign(x) = 1 for x > 0: outside check h67, F4)
    pieces = [_in_pieces(difference) for difference in differences]

    def false_along(search: list[tuple[tuple[Fraction, ...], int]]) -> Outcome | None:
        for (mine, theirs), (false, _) in directions:
            holding[mine] = []
            for base, axis in search:
                for point in _roots_along(differences[mine], names, base, axis, around=pieces[mine]):
                    # its sides with a value there: their difference may have lost a divisor (x + 0/(x - 0.7391)
                    # = 0.7391 holds nowhere: outside check h69, F5)
                    if zero_at(compiled[mine][0], point, exactly=True) and \
                            all(has_value(side, point) is not False for side in compiled[mine][1]):
                        holding[mine].append(point)
                        if not values_only and zero_at(compiled[theirs][0], point) is False and \
                                not _holds_as_shown(compiled[theirs][0], point, spellings) and \
                                (reach is None or nowhere_zero(compiled[theirs][0], *_window(reach, point[0]))):
                            return Outcome(False, Note.NOT_EQUIVALENT,
                                           false.format(format_point(names, point, spellings)))
        return None

    def without_value_at_holes() -> Outcome | None:  # where a side's denominator is 0
        for (mine, theirs), (_, no_value) in directions:
            for name, side, compiled_side in zip(("left", "right"), (equations[theirs].lhs, equations[theirs].rhs),
                                                 compiled[theirs][1]):
                denominator = side.as_numer_denom()[1]
                if not denominator.free_symbols:
                    continue
                for point in _holes(denominator, differences[mine], names):
                    if zero_at(compiled[mine][0], point, exactly=True) and has_value(compiled_side, point) is False:
                        return Outcome(False, Note.NOT_EQUIVALENT,
                                       no_value.format(format_point(names, point, spellings), name))
        return None

    def without_value_where_held() -> Outcome | None:
        # where a logarithm or an even root has none: ln(y) = ln(2x) at y = -3, x = -3/2, on y = 2x (in one
        # variable, the equations' solutions name a point first)
        for (mine, theirs), (_, no_value) in directions if len(names) > 1 else ():
            for point in holding[mine]:
                for name, compiled_side in zip(("left", "right"), compiled[theirs][1]):
                    if has_value(compiled_side, point) is False:
                        return Outcome(False, Note.NOT_EQUIVALENT,
                                       no_value.format(format_point(names, point, spellings), name))
        return None

    found = false_along(lines(len(names))) or without_value_at_holes() or without_value_where_held()
    if found is not None or lost or len(names) < 2:
        return found
    # last, the axes, where a textbook's curves meet them at whole numbers mostly, and the lines through the
    # search points at irrational roots: y = √(4 − x²) lacks (0, -2) of the circle. Not for a right answer's
    # lost points (lost), sought at every right equation
    return false_along(axes(len(names))) or without_value_where_held()


def _holds_as_shown(compiled: Compiled, point: tuple[Fraction, ...], spellings: Spellings) -> bool:
    """Whether an equation that fails at `point` holds at the point as a message would show it, rounded: then
    "the correct one does not hold at x = 4" would be false of the 4 it says (|x − 4| = 10⁻⁴⁰ holds at 4 ± 10⁻⁴⁰;
    outside check h21). Such a point is passed over, and the solutions, or their gap, are said instead."""
    try:
        shown = tuple(Fraction(_coordinate(c, spellings)) for c in point)
    except (ValueError, ZeroDivisionError):
        return False
    return shown != tuple(point) and zero_at(compiled, shown, exactly=True) is True


def _holes(denominator: Expr, difference: Expr, names: Sequence[str]) -> Iterator[tuple[Fraction, ...]]:
    """Points where the denominator is 0, on the way to where the other equation holds: from each search line's
    zero of the denominator along each other axis; then, where the line misses it, the two solved together."""
    for base, axis in lines(len(names)):
        for hole in _roots_along(denominator, names, base, axis):
            for other in (i for i in range(len(names)) if i != axis):
                yield from _roots_along(difference, names, hole, other)
    yield from _common_zeros(denominator, difference, [symbol(n) for n in names])


_MOST_SOLVED_DEGREE = 2  # two such polynomial equations, solved together: a few points, quickly


def _common_zeros(denominator: Expr, difference: Expr, symbols: Sequence[sympy.Symbol]) -> list[tuple[Fraction, ...]]:
    """The rational points where a denominator and the other equation are both 0, where the two are polynomials of
    low degree in two variables that meet at a few points: x - y = 0 and x + y - 3 = 0 at (3/2, 3/2), the point
    (x + y)/(x - y) = 3/(x - y) lost, which no search line from a search point meets."""
    if len(symbols) != 2 or not all(e.is_polynomial(*symbols) and degree_at_most(e, *symbols) <= MOST_MULTIPLIED_OUT
                                    and sympy.Poly(e, *symbols).total_degree() <= _MOST_SOLVED_DEGREE
                                    for e in (denominator, difference)):
        return []
    solutions = sympy.solve([denominator, difference], list(symbols), dict=True)
    return [tuple(fraction(found[s]) for s in symbols) for found in solutions
            if len(found) == len(symbols) and all(found[s].is_Rational for s in symbols)]


def _roots_along(expr: Expr, names: Sequence[str], base: tuple[Fraction, ...], axis: int,
                 around: bool = False) -> list[tuple[Fraction, ...]]:
    """The points where `expr` is 0 on the line through `base` along variable `axis`, in order; `around`, also
    points between and beyond them, and `base` itself: where a function made of pieces may be 0 all along."""
    roots = sorted(line_roots(expr, names, base, axis))
    # then the simplest first: a message names x = 1/7 rather than x = 0.000001
    others = sorted({*around_roots(roots), base[axis]} - set(roots), key=lambda v: (v.denominator, abs(v), v))
    places = [*roots, *others] if around else roots
    return [base[:axis] + (place,) + base[axis + 1:] for place in places]


# ------------------------------------------------------------------------ labels


def compare_labels(answer: str, expected: str, ctx: Context) -> Outcome:  # noqa: ARG001
    if answer == expected:
        return Outcome.right()
    return Outcome(False, Note.WRONG_LABEL, _not_label(answer))


def _not_label(label: str) -> str:
    """'It is not a maximum.', 'It is not a saddle point.', 'The test is not inconclusive here.'"""
    if label == "inconclusive":
        return "The second-derivative test is not inconclusive here: it decides."
    noun = "saddle point" if label == "saddle" else label
    return f"It is not {'an' if noun[0] in 'aeiou' else 'a'} {noun}."


COMPARISONS: dict[Shape, Callable[[Any, Any, Context], Outcome]] = {
    Shape.EXPRESSION: compare_expression_answers,
    Shape.NUMBER: compare_numbers,
    Shape.VECTOR: compare_vectors,
    Shape.POINTS: compare_points,
    Shape.EQUATION: compare_equations,
    Shape.LABEL: compare_labels,
}


def wrong_link(answer: Answer, ctx: Context, expected: Answer | None = None) -> Outcome | None:
    """The first link of a chain of working (`(2·2, 2·3) = (4, 7)`, `25/6 ≈ 4.16`) not equal to the next, as a
    teacher marks wrong working whatever the value it ends in: each '=' exactly, each '≈' within half a unit
    of the last decimal place the next link shows; then, against `expected`, a link rounded that is not right
    itself (`(3.6, 5.6) ≈ (4, 6)` for ∇f = (4, 6): a wrong value rounded to the right one, outside check h21).
    None where every link holds (or there is no chain)."""
    for k, (link, after) in enumerate(zip(answer.working, answer.working[1:])):
        if not _link_holds(link, after, ctx):
            sentence = _link_sentence(link, after, ctx)
            if len(sentence) > _LONGEST_SENTENCE:  # a sentence a student reads, not a page of digits
                sentence = f"Step {k + 1} of your working is not equal to the step after it."
            return Outcome(False, Note.WRONG_WORKING, sentence)
    if expected is None:
        return None
    for link in (link for link in answer.working[:-1] if link.rounded):
        alone = replace(answer, value=link.value, spellings=link.spellings, working=())
        if not compare(alone, expected, ctx).correct:
            sentence = f"{link.text} in your working is not right, whatever it rounds to."
            return Outcome(False, Note.WRONG_WORKING, sentence if len(sentence) <= _LONGEST_SENTENCE else
                           "A step of your working is not right, whatever it rounds to.")
    return None


_LONGEST_SENTENCE = 160


def _components(value: object) -> tuple[Expr, ...]:
    return value if isinstance(value, tuple) else (cast(Expr, value),)


def _link_holds(link: Link, after: Link, ctx: Context, rounded: bool | None = None) -> bool:
    """Whether `link` equals `after`: exactly, or (`rounded`, by default as the sign typed says) to the places
    `after` shows (`link.places`)."""
    rounded = link.rounded if rounded is None else rounded
    mine, theirs = _components(link.value), _components(after.value)
    if len(mine) != len(theirs):
        return False
    for a, b, places in zip(mine, theirs, _places_shown(after, len(theirs), link.places)):
        half = Fraction(1, 2 * 10**places) * (1 + Fraction(1, 10**9))
        judgement = judge(a, b, (), ctx.limits.symbolic_work)
        if judgement.status.equal or not rounded and _cut_begun(judgement, link, after):
            continue
        if not rounded or judgement.status is not Status.DIFFERENT or judgement.got is None or judgement.want is None:
            return False
        if abs(_exact_middle(judgement.got) - _exact_middle(judgement.want)) > half:
            return False
    return True


def _cut_begun(judgement: Decision, link: Link, after: Link) -> bool:
    """Whether one side of `link = after` is a decimal cut short whose digits the other begins with
    (25/6 = 4.1666…): as true as 25/6 = 4.1666…6… is."""
    got, want = judgement.got, judgement.want
    if got is None or want is None:
        return False
    return isinstance(want, Fraction) and _begins(want, got, after.spellings) \
        or isinstance(got, Fraction) and _begins(got, want, link.spellings)


def _link_sentence(link: Link, after: Link, ctx: Context) -> str:
    """'(2·2, 2·3) is (4, 6), not (4, 7).': the link's value, and what the next link says it is."""
    if link.rounded:
        if all(c.is_Integer for c in _components(link.value)):  # 5 ≈ 4.167: its decimals would add nothing
            return f"{link.text} is not about {after.text}."
        count = len(_components(after.value))
        shown = _places_shown(after, count, link.places)
        typed = _places_typed(link, count)
        if any(t is not None and t < p for t, p in zip(typed, shown)):  # 4.17 ≈ 4.167 (outside check h31, F2)
            return f"{link.text} can't be rounded to {after.text}: rounding takes decimal places away, never adds them."

        decimals, rounded = [], False
        for a, b, next_places, own, plain in zip(_components(link.value), _components(after.value), shown,
                                                 component_texts(link.text, count), typed):
            got = judge(a, b, (), ctx.limits.symbolic_work).got
            if got is None:
                decimals.append(show(a))
                continue
            rounded = rounded or plain is None or plain > next_places
            # one place more than the next link shows, which decides its rounding (25/6 is about 4.167, not 4.16);
            # where that is the number as typed (4.1664 ≈ 4.167), rounded as the next one is (about 4.166)
            about = _fixed(_exact_middle(got), next_places + 1)
            decimals.append(_fixed(_exact_middle(got), next_places) if about == own else about)
        if not rounded:  # 0.5056 ≈ 0.5057: decimals typed to no more places than the next shows round to themselves
            return f"{link.text} is not about {after.text}."
        said = decimals[0] if not isinstance(link.value, tuple) else f"({', '.join(decimals)})"
        return f"{link.text} is about {said}, not {after.text}."
    places = _cut_places(after)
    if places is not None:  # 25/6 = 4.1667…: its own digits, cut as far (4.1666…); no rounding to advise
        got = judge(cast(Expr, link.value), cast(Expr, after.value), (), ctx.limits.symbolic_work).got
        if got is not None:
            return f"{link.text} is {_fixed(_exact_middle(got), places, cut=True)}…, not {after.text}."
    said = show(link.value, ctx.variables)
    # a decimal cut short is read as the middle of the numbers it stands for (4.1666… as 4.16665): a value of
    # it, or of working with it, is one nobody wrote
    cut = any(typed.endswith("…") for _, typed in link.spellings)
    if cut or " ".join(said.split()) == link.text:
        sentence = f"{link.text} is not {after.text}."
    else:
        sentence = f"{link.text} is {said}, not {after.text}."
    if link.places and places is None and _link_holds(link, after, ctx, rounded=True):
        sentence += f" For a rounded value write ≈: {link.text} ≈ {after.text}."
    return sentence


def _cut_places(link: Link) -> int | None:
    """The decimal places of a link that is one decimal typed cut short (4.1666…: 4); else None."""
    value = link.value
    if isinstance(value, tuple) or not cast(Expr, value).is_Rational:
        return None
    number = abs(fraction(cast(Expr, value)))
    return next((_places(typed) for found, typed in link.spellings if found == number and typed.endswith("…")), None)


def _places_shown(link: Link, count: int, places: int) -> tuple[int, ...]:
    """The decimal places each of the `count` components of a link shows as typed ((0.5057, 0.605): 4 and 3, each
    rounded to its own); `places`, the most any shows, for each where the text does not split into them."""
    return tuple(places if text is None else decimal_places(text) for text in component_texts(link.text, count))


def _places_typed(link: Link, count: int) -> tuple[int | None, ...]:
    """The decimal places of each component of a link that is a decimal alone, as typed; None for one that is not
    (2·2, 25/6), or where the text does not split into them."""
    return tuple(len(found[1]) if text is not None and (found := _DECIMAL_PLACES.fullmatch(text)) else None
                 for text in component_texts(link.text, count))


_DECIMAL_PLACES = re.compile(r"[-−]?\d*\.(\d+)")  # a number that is one decimal, and its places as typed


def _fixed(value: Fraction, places: int, cut: bool = False) -> str:
    """value rounded (or `cut`) to `places` decimal places, all of them written (4.1667, or cut 4.1666)."""
    scaled = int(abs(value) * 10**places) if cut else round(abs(value) * 10**places)
    whole, part = divmod(scaled, 10**places)
    sign = "-" if value < 0 and scaled else ""
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def compare(answer: Answer, expected: Answer, ctx: Context = Context((), None, LIMITS)) -> Outcome:
    return COMPARISONS[expected.shape](answer.value, expected.value, ctx.reading(answer, expected))
