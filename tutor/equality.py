"""Whether two real expressions are equal, decided so that no answer can fool it.

`judge(answer, expected, names)` gives a Decision:

- EQUAL: sympy proves the difference zero (canonical form, `cancel` for rational
  functions, `cancel` with sin, cos ... written as exponentials, `simplify`, within
  the symbolic budget);
- DIFFERENT: at some point the difference is certainly not zero; the point and
  both values are kept, for the feedback;
- NUMERIC: no proof, but at every point tried (simple ones, points at several
  scales, points at and on both sides of every kink, random ones) the difference
  is certainly smaller than the resolution the values call for (below);
- UNDEFINED: the answer has no real value where the correct one has;
- NOT_EQUAL: no point shows a difference, but the two cannot be the same
  function (a rational function that does not cancel to 0, or no common domain
  to compare on beyond a lattice of integers);
- UNDECIDED: none of the above could be settled: never "correct".

At a point, both sides are evaluated with interval arithmetic (tutor.evaluate's
enclosures), raising the precision until the sign of the difference is certain.
"Certainly zero" is not something intervals can show; instead the difference
must lie in an interval narrower than 2^-64 times the expected value and times
the smallest term summed on the way or hidden in a value (tanh(100) is 1 less
2.8·10^-87, cos of a tiny t is 1 less t²/2: tutor.evaluate records both), and narrower again by the spread of the
magnitudes met (largest / smallest) to the power 2 + the number of radicals:
a difference built from the terms a student typed (10^-50·sin x, the 5 left
by √(10^90 + x²) − 10^45 + 5, (1 + 10^-45)·E) is larger than that and shows.
A point that would need more than MAX_PRECISION bits is uncertain; if that
happens at any point but the very large or very small ones, the verdict is
UNDECIDED. The points and precisions are fixed by the inputs, and sympy's
proof by a count of its work (tutor.budget), not a clock: when it runs out the
points decide, the same way on any machine.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import itertools
import math
import pickle
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import cast, overload

import mpmath
import sympy
from mpmath import iv
from sympy import Expr
from sympy.core.cache import clear_cache

from .budget import OutOfTime, budget, counted, metered_cache, warm
from .evaluate import (
    MOST_MULTIPLIED_OUT,
    Compiled,
    Enclosure,
    TooLarge,
    Uncertain,
    Undefined,
    Unsupported,
    compile_expression,
    degree_at_most,
)
from .functions import BY_SYMPY, Interval, as_fraction, interval, lower, upper
from .limits import LIMITS
from .parse import fraction, symbol, to_sympy

MARGIN = 64  # bits: how much smaller than the smallest term a difference may be and still be seen
BASE_PRECISION = 128  # bits of the first evaluation at a point
MAX_PRECISION = 16384  # bits (about 4900 digits): beyond this a point is uncertain
SCALE_PRECISION = 2048  # bits spent at a point of huge or tiny coordinates, where uncertainty is allowed
DOMAIN_PRECISION = 1024  # bits spent telling which side of a domain edge a point is on, before skipping it
_GAP_BITS = 16  # a certain difference is narrowed until its ends agree to this many bits (3 digits and more)
POINTS_WANTED = 8  # agreeing points before the symbolic proof is tried
GENERIC_WANTED = 3  # agreeing points with a coordinate that is not an integer, for NUMERIC
MAX_KINK_POINTS = 40


class Status(enum.StrEnum):
    EQUAL = "equal"
    NUMERIC = "numeric"
    DIFFERENT = "different"
    UNDEFINED = "undefined"
    NOT_EQUAL = "not_equal"
    UNDECIDED = "undecided"

    @property
    def equal(self) -> bool:
        return self in (Status.EQUAL, Status.NUMERIC)


@dataclass(frozen=True)
class Decision:
    status: Status
    point: tuple[Fraction, ...] | None = None  # where they differ, or where only the answer is undefined
    got: Fraction | Interval | None = None  # the answer's value there
    want: Fraction | Interval | None = None  # the correct value there


# ------------------------------------------------------------------------ points


class Role(enum.Enum):
    SIMPLE = "simple"  # small integers and halves, first: feedback names the first that differs
    SCALE = "scale"  # very small and very large coordinates
    KINK = "kink"  # at and on both sides of a kink or switch
    CORNER = "corner"  # at and around a point where kinks meet: coordinates may be extreme, like SCALE's
    RANDOM = "random"  # varied rationals


_SIMPLE = [(1, 2, 3, 4), (2, -1, 3, -2), (-1, 3, 2, 5), (3, 1, -2, 2),
           (Fraction(1, 2), Fraction(-3, 2), Fraction(5, 2), Fraction(-1, 2)),
           (Fraction(-3, 2), Fraction(1, 3), Fraction(-1, 2), Fraction(5, 2)),
           (-2, 2, Fraction(1, 2), 3)]  # a negative, an even power, a square root: (a²)^½ ≠ a
_SCALES = (Fraction(1, 1000), Fraction(1, 10**6), 1000, 10**6, 10**9)
_CANDIDATES = 40  # simple and random points in the fixed sequence


def _row(values: Sequence, count: int) -> tuple[Fraction, ...]:
    return tuple(Fraction(v) for v in (list(values) * (count // len(values) + 1))[:count])


def _random_points(count: int, generator: random.Random, number: int,
                   denominators: Sequence[int] = (1, 2, 3, 5, 7, 11, 13)) -> list[tuple[Fraction, ...]]:
    points = []
    for _ in range(number):
        coords = []
        for _ in range(count):
            q = generator.choice(denominators)
            span = generator.choice((2, 4, 10))
            coords.append(Fraction(generator.randint(-span * q, span * q), q))
        points.append(tuple(coords))
    return points


@functools.cache
def sample_points(count: int) -> list[tuple[Fraction, ...]]:
    """The fixed points to probe at, simple ones first, then varied rationals.

    Odd denominators avoid coincidences at multiples of π/2 and at integers.
    """
    simple = [_row(row, count) for row in _SIMPLE]
    return simple + _random_points(count, random.Random(20261127 + count), _CANDIDATES - len(simple))


@functools.cache
def scale_points(count: int) -> list[tuple[Fraction, ...]]:
    """Points with every coordinate tiny or huge (all positive, all negative, alternating), and mixed ones."""
    shape = [Fraction(i + 1) for i in range(count)]  # distinct coordinates: x = y is special for |x - y|
    points = []
    for scale in _SCALES:
        points.append(tuple(scale * c for c in shape))
        points.append(tuple(-scale * c * (-1) ** i for i, c in enumerate(shape)))
        if count > 1:
            points.append(tuple(-scale * c for c in shape))
    if count > 1:
        points.append(tuple((Fraction(1, 1000) if i % 2 else Fraction(10**6)) * c for i, c in enumerate(shape)))
        points.append(tuple((Fraction(10**6) if i % 2 else Fraction(1, 1000)) * c for i, c in enumerate(shape)))
    return points


def _drawn(exprs: Sequence[Expr], salt: bytes = b"") -> random.Random:
    """A generator seeded by the expressions themselves: no fixed list to aim a trap at."""
    digest = hashlib.sha256(salt + "\n".join(sympy.srepr(e) for e in exprs).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def extra_points(count: int, *exprs: Expr) -> list[tuple[Fraction, ...]]:
    """More random points, drawn from the expressions themselves."""
    return _random_points(count, _drawn(exprs), 16, denominators=(17, 19, 23, 29, 31, 37, 41, 43, 47, 97))


FAR = 10**6  # a point with a coordinate this large or larger is far: beyond any stretch a trap keeps around 0


def far_points(count: int, *exprs: Expr) -> list[tuple[Fraction, ...]]:
    """Points with a coordinate from 10⁶ to 10⁹ in size: the scale points that far out, and 8 drawn from the
    expressions, each coordinate of either sign and as far, so that a value only near the fixed ones is seen."""
    generator = _drawn(exprs, b"far")
    drawn = [tuple(generator.choice((-1, 1)) * 10 ** generator.randint(6, 8)
                   * Fraction(generator.randint(q, 10 * q), q)
                   for q in generator.choices((3, 7, 11, 13, 17), k=count)) for _ in range(8)]
    return [p for p in scale_points(count) if max(abs(c) for c in p) >= FAR] + drawn


# ------------------------------------------------------------------------ kinks


def switch_arguments(expr: Expr) -> set[Expr]:
    """Expressions whose zeros are where `expr` bends, jumps, or stops being real:
    arguments of |x| and sign x, minus the edges of a function's domain (ln x at 0,
    asin x at ±1) or the whole numbers where floor and ceil jump, differences of the
    arguments of max and min, denominators, and bases of fractional powers."""
    found: set[Expr] = set()
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and node.base.is_zero and node.exp.free_symbols:
            found.add(node.exp)  # 0^u switches from 0 to 1 where u = 0
        elif node.is_Pow and node.base.free_symbols:
            exponent = node.exp
            if not (exponent.is_Integer and exponent > 0):
                found.add(node.base)
        elif node.args and (row := BY_SYMPY.get(type(node))) is not None:
            found.update(k for k in row.kinks(node.args) if k.free_symbols)
    return found


def piece_arguments(expr: Expr, only: tuple[type, ...] = ()) -> set[Expr]:
    """The arguments whose zeros are where a function made of pieces switches (|u|, sign u, max, floor ...;
    `only` these functions where given), and the exponent u of 0^u: 0 where u > 0, 1 where u = 0."""
    found: set[Expr] = set()
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and node.base.is_zero and node.exp.free_symbols:
            found.add(node.exp)
        elif node.args and (not only or isinstance(node, only)) and (row := BY_SYMPY.get(type(node))) is not None \
                and row.pieces:
            found.update(k for k in row.kinks(node.args) if k.free_symbols)
    return found


def hidden_switches(names: Sequence[str], *exprs: Expr) -> bool:
    """Whether `exprs` may switch between pieces where no point is sure to look: a function made of
    pieces (|u|, max, floor ...) switching at the zeros of something the line search can't place
    (min(0, cos x + 0.99)). A difference may then vanish everywhere but on bands no point meets."""
    return not all(_placeable(u) for expr in exprs for u in piece_arguments(expr))


def _placeable(u: Expr) -> bool:
    """Whether the search can place u's zeros: those of a rational function (pieces of one, like
    |x| − 3, taken as the same), of each factor of a product, of the base of a positive power."""
    if not u.free_symbols:
        return True
    if u.is_Pow and u.exp.is_Rational:
        return u.exp < 0 or _placeable(u.base)  # a negative power has poles, no zeros
    if u.is_Mul or isinstance(u, sympy.Abs):
        return all(_placeable(a) for a in u.args)
    return not any((node.is_Pow and not node.exp.is_Integer and node.free_symbols)
                   or (isinstance(node, sympy.Function) and node.free_symbols
                       and not getattr(BY_SYMPY.get(type(node)), "pieces", False))
                   for node in sympy.preorder_traversal(u))


def kink_points(names: Sequence[str], *exprs: Expr) -> list[tuple[Fraction, ...]]:
    """Points at, between and beyond the kinks of `exprs`, along lines through the first simple points."""
    arguments = set().union(*(switch_arguments(e) for e in exprs))
    if not arguments or not names:
        return []
    points: list[tuple[Fraction, ...]] = []
    for base, i in lines(len(names)):
        roots = set().union(*(line_roots(argument, names, base, i) for argument in arguments))
        points += [base[:i] + (value,) + base[i + 1:] for value in around_roots(sorted(roots))]
    return _unique(points)[:MAX_KINK_POINTS]


def corner_points(names: Sequence[str], *exprs: Expr, work: int) -> list[tuple[Fraction, ...]]:
    """Points at and around the points where kinks meet, or where a kink is a single point (within `work`)."""
    arguments = set().union(*(switch_arguments(e) for e in exprs))
    corners = [c for p in meeting_points(arguments, names, work) for c in _corners(p)]
    return _unique(corners)[:MAX_KINK_POINTS]


MAX_SYSTEMS = 12  # systems of kinks solved for where they meet


def meeting_points(arguments: Iterable[Expr], names: Sequence[str], work: int) -> list[tuple[Fraction, ...]]:
    """In two variables or more, the real points where two kinks cross (x = -10⁹ and y = -10⁹ for
    max(x, y, -10⁹)), and where one kink is a single point: sign(x² + y²) switches only at the origin,
    which no line through other points meets. Polynomial kinks only, each system solved by sympy within
    `work` of its function calls; irrational points to 40 bits."""
    if len(names) < 2 or work <= 0:
        return []
    symbols = [symbol(n) for n in names]
    polynomials = []
    for argument in sorted(arguments, key=sympy.default_sort_key):
        numerator = sympy.numer(sympy.together(argument))
        if numerator.free_symbols and numerator.free_symbols <= set(symbols) and numerator.is_polynomial(*symbols):
            polynomials.append(sympy.expand(numerator))
    systems = [[u, *(sympy.diff(u, s) for s in symbols)] for u in polynomials if len(u.free_symbols) > 1]
    systems += [[u, v] for u, v in itertools.combinations(polynomials, 2)]
    found: list[tuple[Fraction, ...]] = []
    for system in systems[:MAX_SYSTEMS]:
        found += _solutions(system, symbols, work) or []
    return found


MAX_EXTREMES = 8  # switching curves whose argument's critical points are solved for


@dataclass(frozen=True)
class Extremes:
    """Where the arguments of pieces switching on curves are largest or smallest, and whether each was found."""

    points: tuple[tuple[Fraction, ...], ...] = ()
    missed: bool = False  # a curve whose critical points are not all placed: a piece may switch unseen


def extreme_points(arguments: Iterable[Expr], names: Sequence[str], work: int) -> Extremes:
    """In two variables or more, the critical points (∇g = 0) of each polynomial g, not linear, whose zeros are
    where a piece switches: a bounded region where g > 0 (or g < 0), like the disc of max(0, r² − (x − a)² −
    (y − b)²), holds a point where g is largest (smallest) there, so sampling them meets every such bump. Where
    they can't be found within `work` (infinitely many, as on the ring of ((x² + y² − 1)²), or too hard),
    `missed` says so."""
    if len(names) < 2:
        return Extremes()
    symbols = [symbol(n) for n in names]
    systems: dict[tuple[Expr, ...], None] = {}
    missed = False
    for argument in sorted(arguments, key=sympy.default_sort_key):
        numerator = sympy.numer(sympy.together(argument))
        if len(numerator.free_symbols) < 2:
            continue  # on a line through the sampled points, its zeros are placed (kink_points)
        if not (numerator.free_symbols <= set(symbols) and numerator.is_polynomial(*symbols)):
            continue  # hidden_switches judges it
        u = sympy.expand(numerator)
        if sympy.Poly(u, *symbols).total_degree() > 1:  # a line, found on the sampled lines, has no bump
            systems[tuple(sympy.diff(u, s) for s in symbols)] = None
    found: list[tuple[Fraction, ...]] = []
    for i, system in enumerate(systems):
        solved = _solutions(list(system), symbols, work, strict=True) if i < MAX_EXTREMES else None
        if solved is None:
            missed = True
        else:
            found += solved.points
            missed = missed or solved.missed
    return Extremes(tuple(found), missed)


@overload
def _solutions(system: list[Expr], symbols: list[sympy.Symbol], work: int) -> list[tuple[Fraction, ...]]: ...


@overload
def _solutions(system: list[Expr], symbols: list[sympy.Symbol], work: int, strict: bool) -> Extremes | None: ...


def _solutions(system: list[Expr], symbols: list[sympy.Symbol], work: int,
               strict: bool = False) -> list[tuple[Fraction, ...]] | Extremes | None:
    """The real solutions of a polynomial system with finitely many, exactly when rational; [] where they can't
    be found. Where `strict`: None where they can't, and Extremes, missed where one is irrational (sampled to
    40 bits or so, a bump narrower than that beside it is not met)."""
    failed: list[tuple[Fraction, ...]] | None = None if strict else []
    try:
        with counted(work, warm_up=_warm_up):
            solutions = sympy.solve_poly_system(afresh(system), *symbols) or []
    except OutOfTime:
        return failed
    except (NotImplementedError, TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
        return failed
    points = []
    for solution in solutions:
        if any(c.is_real is False for c in solution):
            continue
        try:
            points.append(tuple(_rational(c) for c in solution))
        except Undefined:
            continue  # not real
        except (Uncertain, TooLarge, Unsupported):
            if strict:
                return None
    if strict:
        irrational = any(not c.is_Rational for solution in solutions for c in solution if c.is_real is not False)
        return Extremes(tuple(points), irrational)
    return points


def _rational(value: Expr) -> Fraction:
    """An exact rational, or a real number to 40 bits."""
    if value.is_Rational:
        return fraction(value)
    enclosure = compile_expression(value, []).enclose((), 64).value
    if isinstance(enclosure, Fraction):
        return enclosure
    middle = (as_fraction(lower(enclosure)) + as_fraction(upper(enclosure))) / 2
    return middle.limit_denominator(2**40) if abs(middle) < 2**40 else Fraction(round(middle))


def _corners(point: tuple[Fraction, ...]) -> list[tuple[Fraction, ...]]:
    """The point, and points a little, some and far away from it on every diagonal."""
    reach = max(max(abs(c) for c in point), Fraction(1))
    corners = [point]
    for step in (reach / 10**6, Fraction(1, 7), reach / 3):
        for signs in itertools.product((-1, 1), repeat=len(point)):
            corners.append(tuple(c + sign * step for c, sign in zip(point, signs)))
    return corners


def lines(count: int) -> list[tuple[tuple[Fraction, ...], int]]:
    """Lines to search along: through the first simple points, parallel to each axis (base point, axis)."""
    bases = [_row(_SIMPLE[0], count), _row(_SIMPLE[4], count)][: 1 if count == 1 else 2]
    return [(base, i) for base in bases for i in range(count)]


def axes(count: int) -> list[tuple[tuple[Fraction, ...], int]]:
    """The axes themselves, as lines to search along: a textbook's curves meet them at whole numbers mostly
    (x² + y² = 4 at (0, ±2)), where the lines through the simple points meet them at irrational roots."""
    origin = (Fraction(0),) * count
    return [(origin, i) for i in range(count)]


def line_roots(expr: Expr, names: Sequence[str], base: tuple[Fraction, ...], axis: int) -> frozenset[Fraction]:
    """Where `expr` is zero on the line through `base` along variable `axis`: exactly when rational, else to 40 bits."""
    return _line_roots(expr, tuple(names), base, axis)


# Remembered: naming a mistake compares one answer's equation with each candidate's, and the engine looks for
# a point where one holds and the other does not on the same lines each time.
@metered_cache(1024)
def _line_roots(expr: Expr, names: tuple[str, ...], base: tuple[Fraction, ...], axis: int) -> frozenset[Fraction]:
    symbols = [symbol(n) for n in names]
    moving = symbols[axis]
    if moving not in expr.free_symbols:
        return frozenset()
    t = sympy.Dummy("t", real=True)
    fixed = {s: to_sympy(v) for s, v in zip(symbols, base) if s != moving}
    return frozenset(root for branch in _branches(expr.subs(fixed).subs(moving, t)) for root in _real_roots(branch, t))


_MOST_BRANCHES = 16  # ways of taking the pieces of |u|, max and min in one argument whose zeros are placed


def _branches(h: Expr) -> list[Expr]:
    """h with each |u|, max and min taken as one of its pieces (|u| as u and as −u), every way up to
    _MOST_BRANCHES: wherever h is 0, one of them is, so their zeros hold h's (|x| − 10¹⁰ is 0 at ±10¹⁰, which
    no far point reaches, and a rational function's roots alone left it unplaced). sign(u) is taken as 1 and as
    −1, and u itself is one more: where sign(u) is 0, u is (u·sign(x) = 0 holds on x = 0 too)."""
    piece = next((node for node in sympy.preorder_traversal(h) if isinstance(node, (*_KINKS, sympy.sign))), None)
    if piece is None:
        return [h]
    found: list[Expr] = []
    if isinstance(piece, sympy.sign):
        found, ways = [piece.args[0]], (sympy.S.One, sympy.S.NegativeOne)
    else:
        ways = (piece.args[0], -piece.args[0]) if isinstance(piece, sympy.Abs) else piece.args
    for way in ways:
        found += _branches(h.xreplace({piece: way}))
        if len(found) >= _MOST_BRANCHES:
            break
    return found[:_MOST_BRANCHES]


def around_roots(roots: list[Fraction]) -> list[Fraction]:
    """Each root, two points in each gap between roots, and points beyond the first and last."""
    if not roots:
        return []
    values = list(roots)
    for a, b in itertools.pairwise(roots):
        values += [a + (b - a) / 3, a + 2 * (b - a) / 3]
    reach = max(abs(roots[0]), abs(roots[-1]), Fraction(1))
    values += [roots[0] - reach / 3, roots[0] - Fraction(1, 7), roots[-1] + Fraction(1, 7), roots[-1] + reach / 3]
    if len(roots) == 1:
        small = max(abs(roots[0]), Fraction(1)) / 10**6
        values += [roots[0] - small, roots[0] + small]
    return values


def _real_roots(h: Expr, t: sympy.Dummy, max_degree: int = 12) -> set[Fraction]:
    """The real roots of h(t) (exactly when rational, else to 40 bits), if h is a rational function of t."""
    try:
        numerator = sympy.numer(sympy.together(h))
        if not numerator.free_symbols <= {t} or not numerator.free_symbols \
                or degree_at_most(numerator, t) > MOST_MULTIPLIED_OUT:  # Poly would multiply (t + 1)¹⁰⁰⁰ out
            return set()
        poly = sympy.Poly(numerator, t)
    except (sympy.polys.polyerrors.BasePolynomialError, TypeError, ValueError):
        return set()
    if poly.degree() > max_degree or poly.degree() < 1:
        return set()
    roots: set[Fraction] = set()
    if poly.domain.is_QQ or poly.domain.is_ZZ:
        for factor, _ in poly.factor_list()[1]:
            if factor.degree() == 1:
                a, b = factor.all_coeffs()
                root = -b / a
                roots.add(fraction(root))
            else:
                for (low, high), _ in factor.intervals(eps=sympy.Rational(1, 2**40)):
                    middle = (low + high) / 2
                    roots.add(fraction(middle))
        return roots
    try:  # irrational coefficients (100000π): numerically, at a precision that keeps their digits (made at
        # mpmath's 53 bits, 10¹⁶π² − 1 was 10¹⁶π², and the roots of (t − 10⁸π)² − 1 were 3 away from 10⁸π ± 1)
        with mpmath.workdps(40):
            coefficients = [mpmath.mpf(sympy.N(c, 40)) for c in poly.all_coeffs()]
            for r in mpmath.polyroots(coefficients, maxsteps=60, extraprec=60):
                if abs(mpmath.im(r)) < 1e-20:
                    roots.add(Fraction(str(mpmath.nstr(mpmath.re(r), 20))))
    except (mpmath.libmp.NoConvergence, TypeError, ValueError, ZeroDivisionError):
        pass
    return roots


JUMPS = (sympy.sign, sympy.floor, sympy.ceiling)  # pieces that jump: a difference may be at one point only
_KINKS = (sympy.Abs, sympy.Max, sympy.Min)  # a difference at a kink spans an interval, maybe a tiny one
MAX_EXACT_SWITCHES = 8  # irrational switch points looked at exactly


def exact_switch_points(names: Sequence[str], work: int, *exprs: Expr) -> tuple[list[dict], bool]:
    """The points, on the sampled lines, where a jump switches at an irrational number (x = √2, x = π/10), as
    exact values to substitute: the rational points near them (line_roots) can't see a difference at the one
    point. And whether some could not be found within `work`. Then, as many again, where a kink is at an
    irrational number: a spike max(0, 1 − 10¹⁶|x − π|) is narrower than the distance from π of any rational
    point near it. A kink's point not found is no reason to doubt: the points around it see a wider spike."""
    jumps, missed = _exact_points(names, work, JUMPS, *exprs)
    kinks, _ = _exact_points(names, work, _KINKS, *exprs)
    return jumps + [point for point in kinks if point not in jumps][:MAX_EXACT_SWITCHES], missed


def _exact_points(names: Sequence[str], work: int, pieces: tuple[type, ...], *exprs: Expr) -> tuple[list[dict], bool]:
    arguments = set().union(*(piece_arguments(e, only=pieces) for e in exprs))  # where each switches
    if not arguments or not names:
        return [], False
    symbols = [symbol(n) for n in names]
    t = sympy.Dummy("t", real=True)
    points: list[dict] = []
    missed = False
    for base, axis in lines(len(names)):
        fixed = {s: to_sympy(v) for s, v in zip(symbols, base) if s != symbols[axis]}
        for argument in sorted(arguments, key=sympy.default_sort_key):
            if symbols[axis] not in argument.free_symbols:
                continue
            try:
                with counted(work, warm_up=_warm_up):
                    h = sympy.numer(sympy.together(argument.subs(fixed).subs(symbols[axis], t)))
                    if not h.free_symbols <= {t} or not h.free_symbols:
                        continue
                    poly = sympy.Poly(h, t)
                    if poly.domain.is_QQ or poly.domain.is_ZZ:
                        factors = [f for f, _ in poly.factor_list()[1] if f.degree() > 1]
                    else:
                        factors = [poly]
                    roots = [r for f in factors for r in sympy.roots(f, filter="R", multiple=True)
                             if not r.is_Rational]
                    if any(f.degree() > 4 for f in factors):
                        missed = True  # its roots may have no closed form
            except OutOfTime:
                missed = True
                continue
            except (sympy.polys.polyerrors.BasePolynomialError, NotImplementedError, TypeError, ValueError,
                    ArithmeticError, RecursionError):
                missed = True
                continue
            points += [{**fixed, symbols[axis]: r} for r in roots]
    if len(points) > MAX_EXACT_SWITCHES:
        return points[:MAX_EXACT_SWITCHES], True
    return points, missed


def differs_at_exact(answer: Expr, expected: Expr, point: dict, work: int) -> At:
    """Whether the two differ at a point of irrational coordinates, substituted exactly."""
    try:
        with counted(work, warm_up=_warm_up):
            mine, theirs = answer.subs(point), expected.subs(point)
        f, g = compile_expression(mine, []), compile_expression(theirs, [])
    except (OutOfTime, Unsupported, Undefined, TooLarge, Uncertain, TypeError, ValueError, ArithmeticError,
            RecursionError):
        return At.UNCERTAIN
    result = decide(f, g, (), radicals(mine) + radicals(expected), SCALE_PRECISION)
    return result.at


def _unique(points: Iterable[tuple]) -> list[tuple]:
    seen: set[tuple] = set()
    out = []
    for p in points:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


# --------------------------------------------------------------- one point


class At(enum.Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNCERTAIN = "uncertain"  # even MAX_PRECISION bits can't tell
    SKIPPED = "skipped"  # the correct answer has no real value here, or which side of an edge is unknown
    ANSWER_UNDEFINED = "answer_undefined"


@dataclass(frozen=True)
class PointResult:
    at: At
    got: Fraction | Interval | None = None
    want: Fraction | Interval | None = None


def _magnitude(value: Fraction | Interval) -> int | None:
    """log₂ of |value| (None for 0, or for an interval around 0)."""
    if isinstance(value, Fraction):
        return None if value == 0 else value.numerator.bit_length() - value.denominator.bit_length()
    low, high = lower(value), upper(value)
    if low <= 0 <= high:
        return None
    return mpmath.mag(min(abs(low), abs(high))) - 1


def decide(f: Compiled, g: Compiled, point: Sequence[Fraction], radicals: int = 0,
           most: int = MAX_PRECISION) -> PointResult:
    """Whether f and g are certainly equal (to the resolution), certainly different, or neither, at `point`."""
    prec = BASE_PRECISION
    while True:
        try:
            want = g.enclose(point, prec)
        except TooLarge:  # not a gap in the domain: a value nobody can compute
            return PointResult(At.UNCERTAIN)
        except Undefined:
            return PointResult(At.SKIPPED)
        except Uncertain:
            if prec >= DOMAIN_PRECISION:
                return PointResult(At.SKIPPED)
            prec *= 4
            continue
        try:
            got = f.enclose(point, prec)
        except TooLarge:
            return PointResult(At.UNCERTAIN, want=want.value)
        except Undefined:
            return PointResult(At.ANSWER_UNDEFINED, want=want.value)
        except Uncertain:
            if prec >= DOMAIN_PRECISION:
                return PointResult(At.SKIPPED)
            prec *= 4
            continue
        if got.exact and want.exact:
            return PointResult(At.SAME if got.value == want.value else At.DIFFERENT, got.value, want.value)
        saved, iv.prec = iv.prec, prec
        try:
            difference = interval(got.value) - interval(want.value)
            width = upper(difference) - lower(difference)
        finally:
            iv.prec = saved
        if lower(difference) > 0 or upper(difference) < 0:
            more = _more_bits(difference)
            if more and prec < most:  # barely seen: its size too, for a message that gives it
                prec = min(most, prec + more)
                continue
            return PointResult(At.DIFFERENT, got.value, want.value)
        largest, smallest = _extremes(got, want)
        resolution = smallest - MARGIN - (2 + min(radicals, 6)) * (largest - smallest)
        if width == 0 or mpmath.mag(width) <= resolution:
            return PointResult(At.SAME, got.value, want.value)
        needed = largest - resolution + 16  # to narrow the difference below the resolution
        visible = largest - smallest + MARGIN  # to see a difference the size of the smallest term
        target = needed if needed <= most else visible
        if prec >= most or target > most:
            return PointResult(At.UNCERTAIN, got.value, want.value)
        prec = min(most, max(2 * prec, target))


def _more_bits(difference: Interval) -> int:
    """How many more bits of precision tell the size of a difference whose sign is certain to _GAP_BITS bits,
    0 where they are told, -1 where not even its sign is: a message may give the difference (x² = 2 and 20
    digits of 2: a solution 3.54e-20 more than √2), and the middles of bounds barely apart from each other would
    give a size they do not know."""
    if lower(difference) <= 0 <= upper(difference):  # its sign not yet told: as many bits again
        return -1
    gap = min(abs(lower(difference)), abs(upper(difference)))
    short = mpmath.mag(upper(difference) - lower(difference)) - mpmath.mag(gap) + _GAP_BITS
    return int(short) + _GAP_BITS if short > 0 else 0


def _apart(f: Compiled, g: Compiled) -> Decision:
    """Two numbers known to differ (a rational and an irrational one), with bounds that tell the size of
    the difference, as far as MAX_PRECISION goes."""
    prec = BASE_PRECISION
    while True:
        got, want = f.enclose((), prec).value, g.enclose((), prec).value
        saved, iv.prec = iv.prec, prec
        try:
            more = _more_bits(interval(got) - interval(want))
        finally:
            iv.prec = saved
        if not more or prec >= MAX_PRECISION:
            return Decision(Status.DIFFERENT, (), got, want)
        prec = min(MAX_PRECISION, 2 * prec if more < 0 else prec + more)


_ZERO = compile_expression(sympy.Integer(0), ())


def zero_at(f: Compiled, point: Sequence[Fraction], exactly: bool = False) -> bool | None:
    """Whether f is 0 at the point: True, False (certainly not), or None (undefined there, or undecided).

    exactly: True only for an exact zero (an exact rational computation), not one to the resolution."""
    result = decide(f, _ZERO, point)
    if result.at is At.DIFFERENT:
        return False
    if result.at is At.SAME and (not exactly or isinstance(result.got, Fraction)):
        return True
    return None


def _enclosed(f: Compiled, point: Sequence[Fraction]) -> Enclosure | None:
    """f enclosed at the point, from BASE_PRECISION up to DOMAIN_PRECISION until it is told whether it has a value
    there; None where it is not. Raises Undefined where it has none (TooLarge: one too large to compute)."""
    prec = BASE_PRECISION
    while True:
        try:
            return f.enclose(point, prec)
        except Uncertain:
            if prec >= DOMAIN_PRECISION:
                return None
            prec *= 4


def _value(f: Compiled, point: Sequence[Fraction]) -> Fraction | Interval | None:
    """f's value at the point (_enclosed); None where it has none, or it can't be told or computed."""
    try:
        enclosed = _enclosed(f, point)
    except Undefined:  # TooLarge too
        return None
    return None if enclosed is None else enclosed.value


def has_value(f: Compiled, point: Sequence[Fraction]) -> bool | None:
    """Whether f has a real value at the point: True, False (certainly none), or None (can't tell)."""
    try:
        return None if _enclosed(f, point) is None else True
    except TooLarge:  # a kind of Undefined, so asked first
        return True  # a value, too large to compute
    except Undefined:
        return False


def _extremes(got: Enclosure, want: Enclosure) -> tuple[int, int]:
    """log₂ of the largest and of the smallest magnitude that matter at this point (one of the two inexact).

    An exact value meets the inexact one in their difference, and brings its size, as an exact number
    does that meets an inexact one in a sum (tutor.evaluate's leaf): a decimal of 100 digits for π, all
    of an answer's value at x = 1 (its x times the decimal), is 10⁻¹⁰⁰ from it, far below a resolution
    of their magnitudes alone."""
    tops = [m for m in (got.largest, want.largest) if m is not None]
    bottoms = [m for m in (got.smallest, want.smallest, _magnitude(want.value)) if m is not None]
    for exact in (side.value for side in (got, want) if isinstance(side.value, Fraction) and side.value):
        tops.append(exact.numerator.bit_length())
        bottoms.append(-exact.denominator.bit_length())
    largest = max(tops, default=0)
    smallest = min(bottoms, default=-MARGIN)
    return max(largest, smallest), smallest


def radicals(expr: Expr) -> int:
    """How many roots (non-integer powers) an expression takes: each deepens the cancellations it can hide."""
    return sum(1 for node in sympy.preorder_traversal(expr) if node.is_Pow and not node.exp.is_Integer)


# --------------------------------------------------------------- symbolic


def prove(difference: Expr, work: int) -> bool | None:
    """True if sympy shows `difference` is 0; False if it is a nonzero rational function
    with rational coefficients (then it is nonzero almost everywhere); None if neither.

    `cancel` (e^x, sin x ... as generators: sound, and quick) settles a small difference
    uncounted: its answer does not depend on the time or the work it takes. Anything else is
    counted, `work` of sympy's function calls at most, afresh (tutor.budget.counted), so the
    answer is the same on any machine."""
    if difference == 0:
        return True
    if difference.is_Float:  # cancel and simplify give a float back as it is: neither can show it is 0
        return None
    if zero_powers(difference):  # sympy's simplify takes 0^(1 − cos x) for 0, though it is 1 where cos x = 1
        return None
    difference = _negated_min_max(real_roots(difference))
    if difference == 0:
        return True
    if _small(difference):
        try:
            cancelled = sympy.cancel(difference)
        except (TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
            cancelled = None
        if cancelled == 0:
            return True
        if cancelled is not None and _plain_rational(difference):
            return False
    difference = afresh(difference)
    try:
        with counted(work, warm_up=_warm_up):
            cancelled = sympy.cancel(difference)
            if _plain_rational(difference):
                return cancelled == 0
            if cancelled == 0 or _cancels_as_exponentials(difference, work // 2):
                return True
            return True if sympy.simplify(difference) == 0 else None
    except OutOfTime:
        return None
    except (TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
        return None


def _negated_min_max(expr: Expr) -> Expr:
    """min(-a, -b, …) as -max(a, b, …), and a max of negatives so, each in one form: the max of ten sines less
    minus the min of their negatives, which is 0, spent simplify's whole budget, 6 s of CPU on sympy's assumptions,
    and met the outer guard or not, a verdict that changed from run to run (outside check h62, F3)."""
    def flipped(e: Expr) -> Expr:
        if not all(arg.could_extract_minus_sign() for arg in e.args):
            return e
        return -(sympy.Max if isinstance(e, sympy.Min) else sympy.Min)(*(-arg for arg in e.args))
    if not expr.has(sympy.Min, sympy.Max):
        return expr
    return expr.replace(lambda e: isinstance(e, (sympy.Min, sympy.Max)), flipped)


def zero_powers(expr: Expr) -> list[Expr]:
    """0 to a power that varies (0ʸ): 1 where the power is 0, 0 where it is positive, no value elsewhere; a
    switch sympy does not keep (its simplify takes 0^(1 − cos x) for 0, its derivative is nan)."""
    return [p for p in expr.atoms(sympy.Pow) if p.base.is_zero and p.exp.free_symbols]


_CIRCULAR = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc,
             sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)


def _cancels_as_exponentials(difference: Expr, work: int) -> bool:
    """Whether `difference` is 0 as a rational function of exponentials once each trigonometric and hyperbolic
    function is written with them (sin x = (e^(ix) − e^(−ix))/2i): the identities students use (sin² x + cos² x = 1,
    sin 3x = 3 sin x − 4 sin³ x, the angle sums) shown in a quarter of simplify's work. Within `work`, so that a
    difference whose exponentials multiply out to a great many terms leaves simplify the rest of the budget."""
    if not difference.has(*_CIRCULAR):
        return False
    try:
        with budget(work):
            return sympy.cancel(sympy.expand(difference.rewrite(_CIRCULAR, sympy.exp))) == 0
    except OutOfTime:  # an enclosing budget spent too raises again at the next call
        return False


def _odd_root_of_any_sign(node: Expr) -> bool:
    exponent = node.exp if node.is_Pow else None
    return bool(exponent is not None and exponent.is_Rational and not exponent.is_Integer and exponent.q % 2
                and node.base.is_nonnegative is not True)


def real_roots(expr: Expr) -> Expr:
    """`expr` with each odd root of a base that may be negative written as the real root, sign(b)^p·|b|^(p/q),
    so that sympy, whose x^(1/3) is the principal (complex) root for x < 0, proves only what holds for the
    real one (tutor.evaluate reads x^(p/q) so)."""
    if not any(_odd_root_of_any_sign(node) for node in sympy.preorder_traversal(expr)):
        return expr
    return expr.replace(_odd_root_of_any_sign,
                        lambda node: sympy.sign(node.base) ** (node.exp.p % 2) * sympy.Abs(node.base) ** node.exp)


def same_real_solutions(a: Expr, e: Expr, variable: sympy.Symbol, work: int) -> bool:
    """Whether a = 0 and e = 0 have the same real solutions, for rational functions of one variable with
    rational coefficients (2w + 50/w - 25 and w(25/2 - w) - 25: w = 5/2 or 10, though neither is a constant
    times the other). Decided exactly, within `work` of sympy's function calls: a solution of a = 0 is a real
    root of an irreducible factor of its numerator that no denominator of `a` shares (else a is undefined
    there), so the two sets agree when those factors do."""
    if not (_plain_rational(a) and _plain_rational(e) and _small(a) and _small(e)):
        return False
    try:
        with counted(work, warm_up=_warm_up):
            mine, theirs = _solution_factors(afresh(a), variable), _solution_factors(afresh(e), variable)
    except OutOfTime:
        return False
    except (TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
        return False
    return mine is not None and mine == theirs


def factored(expr: Expr, work: int) -> Expr | None:
    """`expr` factored, sin and cos first rewritten by the identities sympy's trigsimp knows (1 - cos²x is
    sin²x, y² - 2y·sin x + sin²x is (y - sin x)²), within `work` of sympy's function calls; None where that
    runs out or fails."""
    if not _small(expr):
        return None
    try:
        with counted(work, warm_up=_warm_up):
            fresh = cast(Expr, afresh(expr))
            return sympy.factor(sympy.trigsimp(fresh) if fresh.has(sympy.sin, sympy.cos) else fresh)
    except OutOfTime:
        return None
    except (TypeError, ValueError, ArithmeticError, RecursionError, sympy.PolynomialError):
        return None


def _solution_factors(expr: Expr, variable: sympy.Symbol) -> frozenset[Expr] | None:
    """The monic irreducible factors whose real roots are the solutions of expr = 0 (None: every number is)."""
    numerator = sympy.Poly(sympy.numer(sympy.together(expr)), variable, domain=sympy.QQ)
    if numerator.is_zero:
        return None
    poles = [sympy.Poly(node.base, variable, domain=sympy.QQ) for node in sympy.preorder_traversal(expr)
             if node.is_Pow and node.exp.is_negative]
    return frozenset(factor.monic().as_expr() for factor, _ in numerator.factor_list()[1]
                     if factor.count_roots() and not any(pole.rem(factor).is_zero for pole in poles))


def real_solution_set(expr: Expr, variable: sympy.Symbol, work: int, sides: Sequence[Expr] = ()
                      ) -> frozenset[Expr] | None:
    """The real solutions of expr = 0 in one variable, when sympy's solveset finds finitely many within
    `work` of its function calls, each checked: a real number at which every part of `expr` (and of the
    equation's `sides`, which expr = lhs - rhs may have simplified away) is real and `expr` is 0. One where
    a part has no real value is none (solveset gives 0 for x√(x - 1) = 0, where √(x - 1) is √-1, and
    (1 - √5)/2 for ln x + ln(x - 1) = 0, where ln x has none). None when they can't be found so (sin x = 0,
    x = e^(-x), a decimal, a check that can't be made)."""
    if expr.has(sympy.Float) or not _small(expr) or expr.free_symbols != {variable}:
        return None
    try:
        with counted(work, warm_up=_warm_up):
            read = real_roots(expr)
            fresh = cast(Expr, afresh(read))
            found = _solved(fresh, variable)
            if found is None:
                return None
            # parts as written too: the copy solved lost cos(acos x) and √x·√x, which sympy builds as x
            parts = {part for e in (fresh, read, *(real_roots(side) for side in sides))
                     for part in sympy.preorder_traversal(e) if part.free_symbols}
            kept = []
            for value in found:
                if value.free_symbols or value.is_real is not True:
                    return None
                # each part of expr at the value, not what sympy leaves of expr there: x√(x - 1) at 0 is 0·i, made 0
                real = {part.subs(variable, value).is_extended_real for part in parts}
                if False in real:
                    continue
                if None in real:
                    return None
                there = fresh.subs(variable, value)
                # ln 4 - 2 ln 2 is 0 with each logarithm of a rational written by its primes: quicker than
                # simplify, which may not finish within the work left
                if there != 0 and sympy.cancel(there.replace(_log_of_rational, _by_primes)) != 0 \
                        and sympy.simplify(there) != 0:
                    return None
                kept.append(value)
            # ((1 + √5)/2)³, checked as written (its cube root is plain), is 2 + √5 as solveset lists it
            by_powers = _common_root_base(fresh, variable) is not None
            return frozenset(sympy.expand(value) if by_powers else value for value in kept)
    except OutOfTime:
        return None
    except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError, sympy.PolynomialError):
        return None


def _log_of_rational(node: Expr) -> bool:
    # small enough to factor at once
    return (isinstance(node, sympy.log) and node.args[0].is_Rational and node.args[0].is_positive
            and max(node.args[0].p, node.args[0].q) < 2**40)


def _by_primes(node: Expr) -> Expr:
    """ln(12) as 2 ln 2 + ln 3, ln(3/4) as ln 3 - 2 ln 2 (a positive rational's logarithm)."""
    number = node.args[0]
    return sympy.Add(*(k * sympy.log(p) for p, k in sympy.factorrat(number).items()))


def _solved(expr: Expr, variable: sympy.Symbol) -> Iterable[Expr] | None:
    """Candidates for the real solutions of expr = 0, all of them (to be checked), by solveset; None where it
    gives no finite list. A constant denominator is dropped (log(x, 2) is ln x/ln 2), and where |u| or sign(u)
    of polynomials u appear, the line is cut at their zeros and each piece solved without them: solveset's own
    way with |2x - 1| = |x + 2| or |x|^(2/3) = 4 costs past the budget, or finds none."""
    numerator, denominator = sympy.fraction(sympy.together(expr))
    if not denominator.free_symbols and denominator.is_zero is False:
        expr = numerator
    base = _common_root_base(expr, variable)
    if base is not None:
        return _solved_by_powers(expr, variable, base)
    switching = {node for node in sympy.preorder_traversal(expr) if isinstance(node, (sympy.Abs, sympy.sign))}
    insides = {node.args[0] for node in switching}
    if not switching or not all(u.is_polynomial(variable) and not u.has(sympy.Abs, sympy.sign) for u in insides):
        return _listed(sympy.solveset(expr, variable, sympy.S.Reals))
    edges = sorted(set().union(*(sympy.Poly(u, variable).real_roots() for u in insides)),
                   key=lambda r: sympy.N(r, 30))
    candidates = {edge for edge in edges if expr.subs(variable, edge).is_zero is not False}
    ends = [sympy.S.NegativeInfinity, *edges, sympy.S.Infinity]
    for low, high in itertools.pairwise(ends):
        inside = (high - 1 if low.is_infinite else low + 1 if high.is_infinite else (low + high) / 2) \
            if not (low.is_infinite and high.is_infinite) else sympy.S.Zero
        signs = {u: sympy.sign(u.subs(variable, inside)) for u in insides}
        piece = expr.xreplace({node: signs[node.args[0]] * (node.args[0] if isinstance(node, sympy.Abs) else 1)
                               for node in switching})
        listed = _listed(sympy.solveset(piece, variable, sympy.Interval.open(low, high)))
        if listed is None:
            return None
        candidates |= set(listed)
    return candidates


def _fractional_powers(expr: Expr) -> set[Expr]:
    """The roots of variables in expr (x^(2/3), √(x + 1); not ∛2)."""
    return {node for node in sympy.preorder_traversal(expr)
            if node.is_Pow and node.exp.is_Rational and not node.exp.is_Integer and node.base.free_symbols}


def decided_by_real_roots(expr: Expr) -> bool:
    """Whether expr has roots of more than one order (x^(1/3) and √x), or an odd root of a base that may be
    negative (x^(2/3) - 5x^(1/3) + 6, read with real roots): equations with them are decided by their real
    solutions, which may not be found (real_solution_set), and no multiple of another says they differ."""
    powers = _fractional_powers(expr)
    return len({node.exp.q for node in powers}) > 1 or any(_odd_root_of_any_sign(node) for node in powers)


def _inside(node: Expr) -> Expr:
    return node.args[0] if isinstance(node, sympy.Abs) else node


def _common_root_base(expr: Expr, variable: sympy.Symbol) -> Expr | None:
    """The one base u, linear in `variable`, of roots of more than one order in expr (x^(1/3) and x^(1/5),
    read by real_roots as sign(x)·|x|^(1/3) and sign(x)·|x|^(1/5)), where every |·| and sign(·) in expr is
    of u or of -u (sign(2 - x) beside |x - 2|^(1/3)): solveset finds none of such equations' solutions, nor
    of those with odd roots of one order, x^(2/3) - 5x^(1/3) + 6 = 0 read as |x|^(2/3) - 5 sign(x)|x|^(1/3)
    + 6 = 0, which u = ±t^L, L the least common multiple of the orders, makes roots of polynomials in t.
    None for anything else."""
    powers = _fractional_powers(expr)
    bases = {_inside(node.base) for node in powers}
    switching = {node.args[0] for node in sympy.preorder_traversal(expr) if isinstance(node, (sympy.Abs, sympy.sign))}
    several = len({node.exp.q for node in powers}) > 1
    if len(bases) != 1 or not (several or switching) or not switching <= bases | {-b for b in bases}:
        return None
    (base,) = bases
    return base if base.is_polynomial(variable) and sympy.degree(base, variable) == 1 else None


def _solved_by_powers(expr: Expr, variable: sympy.Symbol, base: Expr) -> Iterable[Expr] | None:
    """Candidates for the real solutions of expr = 0, whose roots all have the linear `base` u
    (_common_root_base): u = 0, and u = t^L or u = -t^L for t > 0, each a rational equation in t. An even
    root of u has no real value where u < 0, so that side has no solution where one appears bare."""
    powers = _fractional_powers(expr)
    order = math.lcm(*(int(node.exp.q) for node in powers))
    t = sympy.Dummy("t", positive=True)
    slope, shift = base.coeff(variable), base.subs(variable, 0)
    zero = -shift / slope
    candidates = {zero} if expr.subs(variable, zero).is_zero is not False else set()
    switching = {node for node in sympy.preorder_traversal(expr) if isinstance(node, (sympy.Abs, sympy.sign))}
    for side in (1, -1):
        if side < 0 and any(not isinstance(node.base, sympy.Abs) for node in powers):
            continue
        u = side * t ** order
        # sign(-u) is -sign(u)
        piece = expr.xreplace({**{node: t ** (order * node.exp) for node in powers},
                               **{node: t ** order if isinstance(node, sympy.Abs)
                                  else sympy.Integer(side if node.args[0] == base else -side)
                                  for node in switching}})
        at = (u - shift) / slope
        listed = _positive_roots(piece.xreplace({variable: at}), t)
        if listed is None:
            return None
        candidates |= {at.xreplace({t: root}) for root in listed}
    return candidates


def _positive_roots(expr: Expr, t: sympy.Dummy) -> Iterable[Expr] | None:
    """The t > 0 where expr's numerator is 0 (all solutions of expr = 0, perhaps more): by its factors
    where it is a polynomial with rational coefficients (solveset's way with t⁵ + t³ - 2 lists none),
    else by solveset."""
    numerator = sympy.numer(sympy.together(expr))
    if numerator.is_polynomial(t):
        poly = sympy.Poly(numerator, t)
        if poly.is_zero:
            return None
        if poly.domain.is_ZZ or poly.domain.is_QQ:
            return [root for factor, _ in poly.factor_list()[1] if factor.count_roots(0, None)
                    for root in factor.real_roots() if root.is_positive]
    return _listed(sympy.solveset(expr, t, sympy.Interval.open(0, sympy.oo)))


def _listed(found: sympy.Set) -> Iterable[Expr] | None:
    if found is sympy.S.EmptySet:
        return ()
    return found if isinstance(found, sympy.FiniteSet) else None


def afresh(value: object) -> object:
    """`value` rebuilt with sympy's caches emptied, so that the work counted on it next is the same
    whatever this process computed before (tutor.budget.counted). The warm-up comes first: it empties
    the caches too, and run later, by the first counted region, it left that region without the
    entries rebuilding `value` makes, 5% more work there than in any region after it."""
    warm(_warm_up)
    clear_cache()
    return pickle.loads(pickle.dumps(value))


def _warm_up() -> None:
    """What sympy does once per process on the way to a proof (lazy imports, tables): not counted."""
    x = symbol("x")
    for difference in (sympy.sin(x) ** 2 + sympy.cos(x) ** 2 - 1, sympy.log(2 * x) - sympy.log(x) - sympy.log(2),
                       sympy.exp(2 * x) - sympy.exp(x) ** 2, sympy.sqrt(x**2) - sympy.Abs(x),
                       (x + 1) ** 2 - x**2 - 2 * x - 1, 1 / (x + 1) - 1 / (x**2 - 1) * (x - 1)):
        sympy.simplify(afresh(difference))
        sympy.cancel(sympy.expand(difference))
        _cancels_as_exponentials(difference, LIMITS.symbolic_work)
    # solveset's first use imports and builds what later ones reuse: 14,000 calls of a quadratic's 112,000, past
    # the budget the first time in a process alone, so that one answer's solutions were found or not by its history
    for equation in ((x - 2) * (x - 3) - sympy.pi / 10**5, sympy.exp(x) - 2):
        _solved(afresh(equation), x)


_SMALL_TERMS, _SMALL_DEGREE = 400, 60  # multiplied out: cancel settles such a difference in milliseconds


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


def _plain_rational(expr: Expr) -> bool:
    """Built from symbols and rationals by +, × and integer powers only."""
    for node in sympy.preorder_traversal(expr):
        if node.is_Symbol or node.is_Rational or node.is_Add or node.is_Mul:
            continue
        if node.is_Pow and node.exp.is_Integer:
            continue
        return False
    return True


# ------------------------------------------------------------------ judging


@dataclass
class _Tally:
    same: int = 0
    generic: int = 0  # agreeing points with a coordinate that is not an integer
    uncertain: list = field(default_factory=list)
    undefined_at: tuple | None = None  # (point, correct value) where only the answer is undefined
    missed_curve: bool = False  # a piece switching on a curve, or a jump at an irrational point, not all seen
    # the spread points (simple and random: placed by neither expression) where the correct one has a value:
    # (point, correct value, whether the answer has one too)
    spread: list = field(default_factory=list)


VALUED_SHARE = Fraction(1, 8)  # of the spread points where the correct answer has a value, the answer must have
# one at this share at least: ln x + ln y + ln z, a quarter of where ln(xyz) has one, is compared where both have


def _far_spread(f: Compiled, g: Compiled, within: Sequence[Compiled], points: Sequence[tuple[Fraction, ...]]
                ) -> list[tuple[tuple[Fraction, ...], Fraction | Interval, bool]]:
    """(point, correct value, whether the answer has one) at each of the far `points` where the correct one and
    each of `within` have a value (one too large to compute names no point, and is left out)."""
    spread = []
    for point in points:
        want = _value(g, point)
        if want is not None and all(has_value(w, point) for w in within):
            spread.append((point, want, has_value(f, point) is not False))
    return spread


def _hardly_valued(tally: _Tally, within: Sequence[Compiled],
                   far: Sequence[tuple[tuple[Fraction, ...], Fraction | Interval, bool]]) -> tuple | None:
    """(point, correct value) where the answer has no value, if it has one at fewer than VALUED_SHARE of the
    spread points where the correct one has one, and each of `within` (the exercise's function: e^x + (√−x)²/x²
    agrees with e^x − 1/x only where e^x − ln x has no value), or at fewer than that share of the `far` ones (a
    value on [−1, 1] alone is on a fair share of the points near 0, on none of those far out, where 2x has one);
    None where it has enough, or the answer has a value at every point. A proof that the two are equal holds
    only where both have a value: (√u)² is u, and √u − √u is 0, but not where u < 0."""
    if all(valued for _, _, valued in [*tally.spread, *far]):
        return None
    near = [(point, want, valued) for point, want, valued in tally.spread
            if all(has_value(w, point) for w in within)]
    if all(sum(valued for _, _, valued in spread) >= VALUED_SHARE * len(spread) for spread in (near, far)):
        return None
    return next((point, want) for point, want, valued in [*near, *far] if not valued)


def _bounded(f: Compiled, g: Compiled, within: Sequence[Compiled], names: Sequence[str],
             answer: Expr) -> tuple | None:
    """(point, correct value) beyond the answer's farthest domain edge on a search line, where the answer has no
    value on either side past its edges and the correct one has: a value on a bounded stretch only, whose edges
    lie past the far points (√(10¹⁰ − |x|)² − 10¹⁰ + |x| is 0 for |x| ≤ 10¹⁰ alone). None where there is no such
    line."""
    arguments = switch_arguments(answer)
    for base, i in lines(len(names)) if arguments else ():
        roots = sorted(set().union(*(line_roots(argument, names, base, i) for argument in arguments)))
        if not roots or max(-roots[0], roots[-1]) < FAR:
            continue  # edges the far points reach past
        reach = max(-roots[0], roots[-1])
        beyond = [base[:i] + (value,) + base[i + 1:] for value in (roots[0] - reach / 3, roots[-1] + reach / 3)]
        valued = [(point, _value(g, point)) for point in beyond if all(has_value(w, point) for w in within)]
        if len(valued) == 2 and all(want is not None and has_value(f, point) is False for point, want in valued):
            return valued[1]
    return None


def _points(names: Sequence[str], answer: Expr, expected: Expr, work: int, tally: _Tally
            ) -> Iterator[tuple[Role, tuple[Fraction, ...]]]:
    """The points to look harder at, after the first ones: kinks, scales, the rest, and drawn ones."""
    count = len(names)
    for p in kink_points(names, answer, expected):
        yield Role.KINK, p
    for p in corner_points(names, answer, expected, work=work):
        yield Role.CORNER, p
    extremes = extreme_points(piece_arguments(answer) | piece_arguments(expected), names, work)
    tally.missed_curve = extremes.missed
    for p in _unique([c for e in extremes.points for c in _corners(e)])[:MAX_KINK_POINTS]:
        yield Role.CORNER, p
    for p in scale_points(count) if count else ():
        yield Role.SCALE, p
    for p in sample_points(count)[len(_SIMPLE):] if count else ():
        yield Role.RANDOM, p
    for p in extra_points(count, answer, expected) if count else ():
        yield Role.RANDOM, p


def _compiled_within(within: Sequence[Expr], symbols: Sequence[sympy.Symbol]) -> list[Compiled]:
    """`within` compiled in `symbols`; one of other variables, or that can't be evaluated, is left out."""
    compiled = []
    for w in within:
        if w.free_symbols <= set(symbols):
            try:
                compiled.append(compile_expression(w, symbols))
            except Unsupported:
                continue
    return compiled


def judge(answer: Expr, expected: Expr, names: Sequence[str], symbolic_work: int,
          within: Sequence[Expr] = ()) -> Decision:
    """Whether `answer` equals `expected` as real functions of the variables `names`; `within`: expressions
    the question is about (the function a derivative is of), on whose domain the answer must have a value."""
    if answer == expected:
        return Decision(Status.EQUAL)
    symbols = [symbol(n) for n in names]
    try:
        f, g = compile_expression(answer, symbols), compile_expression(expected, symbols)
    except Unsupported:
        return Decision(Status.EQUAL if prove(answer - expected, symbolic_work) else Status.UNDECIDED)
    domain = _compiled_within(within, symbols)
    if not symbols and answer.is_Rational and expected.is_irrational:
        # a rational number is never an irrational one, however many of its digits agree (a decimal of 40
        # digits for π): no resolution decides that
        try:
            return _apart(f, g)
        except (Undefined, Uncertain, TooLarge):
            pass  # compared as any two numbers
    roots = radicals(answer) + radicals(expected)
    tally = _Tally()
    seen: set[tuple[Fraction, ...]] = set()

    def look(point: tuple[Fraction, ...], role: Role) -> Decision | None:
        if point in seen:
            return None
        seen.add(point)
        extreme = role in (Role.SCALE, Role.CORNER)  # where a value may be beyond any precision
        result = decide(f, g, point, roots, SCALE_PRECISION if extreme else MAX_PRECISION)
        if result.at is At.DIFFERENT:
            return Decision(Status.DIFFERENT, point, result.got, result.want)
        if result.at is At.SAME:
            tally.same += 1
            tally.generic += any(c.denominator != 1 for c in point)
        elif result.at is At.UNCERTAIN and not extreme:
            tally.uncertain.append(point)
        elif result.at is At.ANSWER_UNDEFINED and tally.undefined_at is None:
            tally.undefined_at = (point, result.want)
        if role in (Role.SIMPLE, Role.RANDOM) and result.at in (At.SAME, At.UNCERTAIN, At.ANSWER_UNDEFINED):
            tally.spread.append((point, result.want, result.at is not At.ANSWER_UNDEFINED))
        return None

    first = sample_points(len(symbols)) if symbols else [()]
    for point in first:
        found = look(point, Role.SIMPLE)
        if found:
            return found
        if tally.same >= POINTS_WANTED or not symbols:
            break
    proof = prove(answer - expected, symbolic_work)
    # where the answer has a value far out, asked only where it is proved equal or agrees wherever looked, and
    # only of a function of the variables (the correct one, or the exercise's): a number is the same wherever
    # the answer has a value (asin x + acos x is π/2), a function must be given where it has one
    function = expected.free_symbols or any(w.free_symbols for w in within)
    far_out = far_points(len(symbols), answer, expected) if symbols and function else []
    reach = functools.partial(_far_spread, f, g, domain, far_out)
    # a polynomial has a value at every far point: those can't find it hardly valued
    far = reach() if proof and not answer.is_polynomial(*symbols) else []
    if proof and (tally.undefined_at is not None or not all(valued for _, _, valued in far)):
        # equal where both have a value: is that enough of where the correct one has one?
        for point in [*first, *extra_points(len(symbols), answer, expected)]:
            found = look(point, Role.RANDOM)
            if found:
                return found
        hardly = _hardly_valued(tally, domain, far)
        if hardly is not None:
            return Decision(Status.UNDEFINED, hardly[0], None, hardly[1])
    if proof and far_out and not answer.is_polynomial(*symbols):
        bounded = _bounded(f, g, domain, names, answer)
        if bounded is not None:
            return Decision(Status.UNDEFINED, bounded[0], None, bounded[1])
    if proof:
        return Decision(Status.EQUAL)
    for role, point in _points(names, answer, expected, symbolic_work // 10, tally):
        found = look(point, role)
        if found:
            return found
    if proof is False:
        return Decision(Status.NOT_EQUAL)
    switches, missed = exact_switch_points(names, symbolic_work // 10, answer, expected)
    for exact in switches:
        at = differs_at_exact(answer, expected, exact, symbolic_work // 10)
        if at is At.DIFFERENT:  # certainly, at a point no rational names
            return Decision(Status.NOT_EQUAL)
        missed = missed or at is not At.SAME
    tally.missed_curve = tally.missed_curve or missed
    hardly = _hardly_valued(tally, domain, reach())
    if hardly is not None:
        return Decision(Status.UNDEFINED, hardly[0], None, hardly[1])
    enough = tally.same and (not symbols or (tally.generic >= GENERIC_WANTED and tally.same >= POINTS_WANTED))
    if enough and not tally.uncertain:
        # agreeing everywhere looked is evidence only where every switch was looked at
        hidden = tally.missed_curve or hidden_switches(names, answer, expected)
        return Decision(Status.UNDECIDED if hidden else Status.NUMERIC)
    if not enough and tally.undefined_at is not None:  # hardly a common domain to compare on
        point, want = tally.undefined_at
        return Decision(Status.UNDEFINED, point, None, want)
    if tally.uncertain:
        return Decision(Status.UNDECIDED, tally.uncertain[0])
    return Decision(Status.NOT_EQUAL)
