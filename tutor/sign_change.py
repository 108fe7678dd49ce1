"""Where a function of one variable certainly has a zero: a change of sign across an interval on which it has a
value and is continuous (the intermediate value theorem), narrowed a decimal digit at a time.

An equation whose solutions no solver lists (x = 2e⁻ˣ, x + ln x = 0) still has them found here, each between two
decimals; where the other equation's difference is certainly not 0 anywhere between them, the two equations differ
there. Only enclosures decide: interval arithmetic at the ends, and over the whole interval for its continuity (an
enclosure over it that is finite: no pole, no edge of a domain inside). Where a function jumps (floor, ceil, sign,
0ᵘ), or is gamma's kin, whose poles the enclosures are not trusted to see, only its exact zeros are found.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

import sympy
from mpmath import iv
from sympy import Expr

from .equality import JUMPS
from .evaluate import Compiled
from .functions import Interval, Uncertain, Undefined, interval, lower, upper

_GRID = tuple(Fraction(k, 10) for k in range(-160, 161))  # where a change of sign is looked for: [-16, 16] by tenths
_MOST_DIGITS = 12  # decimal digits an interval is narrowed by, at most
_PRECISIONS = (128, 512)  # bits of the enclosures tried, the first that tells
_EDGE_DIGITS = 4  # how near a pole or an edge of its domain a function's zero is sought: 10⁻⁵ of the way
_UNSEARCHED = (*JUMPS, sympy.factorial, sympy.binomial, sympy.gamma)  # gamma's kin: poles unseen


@dataclass(frozen=True)
class Bracket:
    """An interval [low, high] that holds a zero of the function; low == high: an exact zero there."""

    low: Fraction
    high: Fraction


def searchable(expr: Expr) -> bool:
    """Whether `expr` is continuous wherever an enclosure finds it has a value: none of the functions that jump."""
    return not any(isinstance(node, _UNSEARCHED) or (node.is_Pow and node.base == 0)
                   for node in sympy.preorder_traversal(expr))


def zeros(f: Compiled, continuous: bool, also: Iterable[Fraction] = ()) -> list[Bracket]:
    """The grid's points, and those `also` given, where f is exactly 0, then, where f is `continuous`
    (`searchable`), the grid's intervals each certainly holding a zero of f, nearest 0 first, the positive before
    the negative (the simplest to name). Floats choose where to look (a quarter of the work), enclosures decide."""
    signs = [_float_sign(f, point) for point in _GRID]
    exact = [Bracket(point, point) for point, sign in zip(_GRID, signs) if sign == 0 and _sign(f, point) == 0]
    exact += [Bracket(point, point) for point in sorted(set(also) - set(_GRID)) if _sign(f, point) == 0]
    changes = _changes(f, signs) if continuous else []
    return sorted(exact, key=lambda b: (abs(b.low), b.low < 0)) + \
        sorted(changes, key=lambda b: (abs(b.low + b.high), b.low < 0))


def _changes(f: Compiled, signs: list[int | None]) -> list[Bracket]:
    """The grid's intervals across which f's sign certainly changes, and beside a point of it where f has no value,
    those found nearer that point (`_toward_edge`)."""
    found: list[Bracket | None] = []
    for low, high, low_sign, high_sign in zip(_GRID, _GRID[1:], signs, signs[1:]):
        if low_sign and high_sign == -low_sign:
            found.append(_certain(f, low, high))
        elif low_sign and high_sign is None:
            found += _toward_edge(f, low, high, _EDGE_DIGITS)
        elif high_sign and low_sign is None:
            found += _toward_edge(f, high, low, _EDGE_DIGITS)
    return [bracket for bracket in found if bracket is not None]


def _certain(f: Compiled, low: Fraction, high: Fraction) -> Bracket | None:
    """[low, high] where f's signs at its ends are certainly opposite and it has a value all along."""
    low_sign = _sign(f, low)
    return Bracket(low, high) if low_sign and _sign(f, high) == -low_sign and valued_all_along(f, low, high) else None


def _toward_edge(f: Compiled, valued: Fraction, edge: Fraction, digits: int) -> list[Bracket | None]:
    """Between a point where f has a sign and one where it has no value (a pole, an edge of its domain), the
    changes of sign at tenths of the way, and nearer the edge a digit at a time: 2 ln x = x - 5's root -0.0789 lies
    between the tenth -0.1 and ln's edge at 0 (outside check h70, F1)."""
    step = (edge - valued) / 10
    points = [valued + k * step for k in range(10)]
    signs = [_float_sign(f, point) for point in points]
    found = [_certain(f, min(a, b), max(a, b)) for a, b, sa, sb in zip(points, points[1:], signs, signs[1:])
             if sa and sb == -sa]
    last = max((k for k, sign in enumerate(signs) if sign), default=None)
    if found or digits <= 1 or last is None:
        return found
    return _toward_edge(f, points[last], points[last] + step, digits - 1)


def narrowed(f: Compiled, bracket: Bracket) -> Iterator[Bracket]:
    """The bracket, then one a tenth as wide inside it, and so on for `_MOST_DIGITS` digits (or until an exact zero is
    met): each holding a zero of f. Its ends are decimals, as a message shows them."""
    yield bracket
    low, high = bracket.low, bracket.high
    low_sign = _sign(f, low)
    for _ in range(_MOST_DIGITS if low != high else 0):
        step = (high - low) / 10
        for k in range(1, 11):
            point = low + k * step
            sign = _sign(f, point) if k < 10 else -low_sign if low_sign else None
            if sign == 0:
                yield Bracket(point, point)
                return
            if sign is None:  # a digit past what the enclosures tell: no narrower
                return
            if sign != low_sign:
                low, high = point - step, point
                break
        yield Bracket(low, high)


def nowhere_zero(f: Compiled, low: Fraction, high: Fraction) -> bool:
    """Whether f certainly has a value all along [low, high], and it is not 0 anywhere there."""
    enclosure = _over(f, low, high)
    if isinstance(enclosure, Fraction):
        return enclosure != 0
    return enclosure is not None and (lower(enclosure) > 0 or upper(enclosure) < 0)


def valueless(f: Compiled, low: Fraction, high: Fraction) -> bool:
    """Whether f certainly has no value anywhere in [low, high] (ln x for x < 0)."""
    for prec in _PRECISIONS:
        try:
            f.enclose((_whole(low, high, prec),), prec)
        except Undefined:
            return True
        except Uncertain:
            continue
        return False
    return False


def multiple_of_pi(low: Fraction, high: Fraction) -> Expr | None:
    """A multiple of π by a whole number of twelfths in [low, high], where sympy knows sin and cos exactly: where
    sin x = 0 or tan x = 1 holds."""
    twelfths = math.ceil(low * 12 / math.pi - 1)
    for k in range(twelfths, twelfths + 3):
        value = k * sympy.pi / 12
        if low <= value <= high:
            return value
    return None


def _sign(f: Compiled, point: Fraction) -> int | None:
    """f's sign at the point, certainly: 1, -1, or 0 (exactly 0); None where it has no value or it can't tell."""
    for prec in _PRECISIONS:
        try:
            value = f.enclose((point,), prec).value
        except Uncertain:
            continue
        except Undefined:
            return None
        if isinstance(value, Fraction):
            return (value > 0) - (value < 0)
        if lower(value) > 0 or upper(value) < 0:
            return 1 if lower(value) > 0 else -1
    return None


def _float_sign(f: Compiled, point: Fraction) -> int | None:
    """f's sign at the point, as floats compute it: only where to look."""
    try:
        value = f.approximate((float(point),))
    except (Undefined, Uncertain, ArithmeticError, ValueError):
        return None
    return (value > 0) - (value < 0)


def valued_all_along(f: Compiled, low: Fraction, high: Fraction) -> bool:
    """Whether f certainly has a value all along [low, high] (an enclosure over it that is finite)."""
    return _over(f, low, high) is not None


def _over(f: Compiled, low: Fraction, high: Fraction) -> Interval | Fraction | None:
    """An enclosure of f's values all along [low, high]; None where it has none there, or none finite is found."""
    for prec in _PRECISIONS:
        try:
            return f.enclose((_whole(low, high, prec),), prec).value
        except Uncertain:
            continue
        except Undefined:
            return None
    return None


def _whole(low: Fraction, high: Fraction, prec: int) -> Fraction | Interval:
    """[low, high] as an interval, its ends rounded outward at `prec` bits, as the enclosure computes: at 53 they
    would be 2⁵³ for 2⁵³ + 1 − 1/200, and x³ − (2⁵³)³ would seem 0 there."""
    if low == high:
        return low
    saved = iv.prec
    iv.prec = prec
    try:
        return iv.mpf([lower(interval(low)), upper(interval(high))])
    finally:
        iv.prec = saved
