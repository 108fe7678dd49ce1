"""Functions of one variable built from polynomials and absolute values (|x − 1/2| + x², |x − 1| + |x + 1|),
solved exactly: between the zeros of the absolute values' insides (the kinks) f is one polynomial, so
its critical points there are a polynomial's roots, its corners are the kinks, and a stretch where f′ = 0
all along is a flat stretch of equal values.

sympy's f′ of such an f is sign(x − 1/2) + 2x, which solve can't settle (and which is 0 at a kink, where
f′ has no value); on each stretch the signs are fixed numbers and everything is a polynomial.
max(a, b) and min(a, b) are (a + b ± |a − b|)/2, so max(0, x² − 1) and max(|x|, 1) are solved the same way
(an absolute value inside another has its kinks found on the stretches where the inner one is fixed).

A periodic f whose kinks go on without end (|sin x|, a kink at every kπ) is no polynomial, but in one period it
has finitely many kinks, and with each inside's sign fixed no absolute value: `spanned` lists them, and the
zeros of f′ there, for the critical points and the minimum alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, product

import sympy
from sympy import Expr

from ..show import show
from .common import sign
from .roots import as_real, compare, rational_between, rational_polynomial, real_roots, sort_exactly


@dataclass(frozen=True)
class Stretch:
    """An open interval between kinks (or beyond the last one), and f there, a polynomial."""

    low: Expr  # -oo for the first
    high: Expr  # oo for the last
    polynomial: Expr

    @property
    def flat(self) -> bool:
        return not self.polynomial.free_symbols


@dataclass(frozen=True)
class Pieces:
    kinks: tuple[Expr, ...]  # ascending
    stretches: tuple[Stretch, ...]  # one more than the kinks, left to right
    switches: bool = False  # whether f has max or min in it (max(0, x² − 1)), not absolute values alone


def with_abs(f: Expr) -> Expr:
    """f with every max(a, b) written (a + b + |a − b|)/2 and every min(a, b) (a + b − |a − b|)/2."""
    def fold(e: Expr) -> Expr:
        turn = 1 if isinstance(e, sympy.Max) else -1
        total = e.args[0]
        for b in e.args[1:]:
            total = (total + b + turn * sympy.Abs(total - b)) / 2
        return total
    return f.replace(lambda e: isinstance(e, (sympy.Max, sympy.Min)), fold)


def signed_pieces(f: Expr, absolutes: Sequence[sympy.Abs]) -> Iterator[tuple[tuple[int, ...], Expr]]:
    """f with each |u| written u or -u, for every choice of signs: f where each u has that sign (|x| + y²
    is x + y² where x > 0, -x + y² where x < 0)."""
    for signs in product((1, -1), repeat=len(absolutes)):
        yield signs, signed(f, absolutes, signs)


def signed(f: Expr, absolutes: Sequence[sympy.Abs], signs: Sequence[int]) -> Expr:
    """f where each absolute value's inside u has its sign: |u| written ±u, and sign(u) ±1 (x^(1/3), read as
    the real root sign(x)|x|^(1/3), is -(-x)^(1/3) where x < 0)."""
    return f.xreplace({k: v for a, s in zip(absolutes, signs)
                       for k, v in ((a, s * a.args[0]), (sympy.sign(a.args[0]), sympy.Integer(s)))})


def holds(absolutes: Sequence[sympy.Abs], signs: Sequence[int], at: Mapping[sympy.Symbol, Expr]) -> bool:
    """Whether each absolute value's inside has its sign at the point: a zero of a piece is f's only there."""
    return all(sign(a.args[0].xreplace(at)) == s for a, s in zip(absolutes, signs))


def even_inside(f: Expr) -> Expr:
    """f with g(|u|) written g(u) wherever g is even, so that g(|u|) = g(u) for every u: cos|x| is cos x,
    cosh|x| is cosh x. Those are smooth, with no corner at u = 0 to decide and, for cos, a period."""
    return f.replace(_even, _unsigned)


def evened(f: Expr) -> tuple[tuple[Expr, Expr], ...]:
    """Each g(|u|) in f that `even_inside` writes g(u), with what it writes: (cos|x|, cos x)."""
    return tuple((e, _unsigned(e)) for e in sympy.preorder_traversal(f) if _even(e))


def _even(e: Expr) -> bool:
    if isinstance(e, sympy.Abs) or not isinstance(e, Expr) or not any(isinstance(a, sympy.Abs) for a in e.args):
        return False
    absolute = next(a for a in e.args if isinstance(a, sympy.Abs))
    t = sympy.Dummy(real=True)
    g = e.xreplace({absolute: t})
    return bool(g.xreplace({t: -t}) == g)  # as sympy builds it: cos(-t) is cos(t), sin(-t) is -sin(t)


def _unsigned(e: Expr) -> Expr:
    absolute = next(a for a in e.args if isinstance(a, sympy.Abs))
    return e.xreplace({absolute: absolute.args[0]})


def pieces(f: Expr, x: sympy.Symbol) -> Pieces | None:
    """f as polynomials between its kinks; None unless f is a polynomial with rational coefficients in x
    and in absolute values of such polynomials (absolute values inside others too: max(|x|, 1)), with at
    least one of them. max(a, b) and min(a, b) are first written with absolute values."""
    switches = f.has(sympy.Max, sympy.Min)
    f = with_abs(f) if switches else f
    absolutes = list(f.atoms(sympy.Abs))
    if not absolutes or len(absolutes) > 12:
        return None
    stand_ins = {a: sympy.Dummy() for a in absolutes}
    unknowns = [x, *stand_ins.values()]
    if any(rational_polynomial(a.args[0].xreplace(stand_ins), unknowns) is None for a in absolutes) or \
            rational_polynomial(f.xreplace(stand_ins), unknowns) is None:
        return None
    # by depth: an absolute value's kinks are found on the stretches where those inside it are fixed
    depth: dict[Expr, int] = {}
    for a in sorted(absolutes, key=sympy.count_ops):
        depth[a] = 1 + max((depth[b] for b in a.args[0].atoms(sympy.Abs)), default=-1)
    kinks: list[Expr] = []
    for level in range(max(depth.values()) + 1):
        found = list(kinks)
        bounds = (-sympy.oo, *kinks, sympy.oo)
        for low, high in pairwise(bounds):
            inside = _inside(low, high)
            for a in (a for a in absolutes if depth[a] == level):
                u = sympy.expand(_fixed(a.args[0], x, inside))
                if u.free_symbols:
                    found += [r for r in real_roots(u, x) if between(r, low, high)]
        kinks = sort_exactly(dict.fromkeys(found))
    bounds = (-sympy.oo, *kinks, sympy.oo)
    stretches = [Stretch(low, high, sympy.expand(_fixed(f, x, _inside(low, high)))) for low, high in pairwise(bounds)]
    # a point where f is one polynomial on both sides is no kink (0 for max(|x|, 1), where f = 1 both sides)
    joined = [stretches[0]]
    for s in stretches[1:]:
        if sympy.expand(s.polynomial - joined[-1].polynomial) == 0:
            joined[-1] = Stretch(joined[-1].low, s.high, s.polynomial)
        else:
            joined.append(s)
    return Pieces(tuple(s.low for s in joined[1:]), tuple(joined), switches)


def _fixed(e: Expr, x: sympy.Symbol, inside: Expr) -> Expr:
    """e with each absolute value |u| written u or -u, as u's sign is at `inside` (innermost first)."""
    return e.replace(lambda a: isinstance(a, sympy.Abs),
                     lambda a: (sign(a.args[0].xreplace({x: inside})) or 0) * a.args[0])


def _inside(low: Expr, high: Expr) -> Expr:
    """A rational number strictly inside the interval."""
    if low == -sympy.oo and high == sympy.oo:
        return sympy.Integer(0)
    if low == -sympy.oo:
        return sympy.floor(high) - 1
    if high == sympy.oo:
        return sympy.ceiling(low) + 1
    return rational_between(low, high)


def side(polynomial: Expr, x: sympy.Symbol, at: Expr, right: bool) -> int:
    """The sign of p(x) − p(at) for x just to the right (or left) of `at`: that of the first derivative
    not 0 there, turned for odd orders on the left; 0 where p is constant."""
    d = sympy.expand(polynomial)
    order = 0
    while True:
        d = sympy.diff(d, x)
        order += 1
        if d == 0:
            return 0
        s = compare(d.xreplace({x: at}), sympy.Integer(0))  # exact, or SolveError
        if s:
            return s if right or order % 2 == 0 else -s


@dataclass(frozen=True)
class Flat:
    """A closed stretch on which f is constant and no less than nearby: every point of it is a minimum."""

    low: Expr
    high: Expr
    value: Expr

    def part_in(self, within: sympy.Set) -> sympy.Set | None:
        """The part of the stretch in `within` (a region's values of x), or None where it has none."""
        part = sympy.Interval(self.low, self.high).intersect(within)
        return None if part.is_empty else part


@dataclass(frozen=True)
class KinkMinima:
    points: tuple[Expr, ...]  # isolated local minima, ascending (kinks among them are corners)
    flats: tuple[Flat, ...]  # stretches of minima
    zeros: tuple[Expr, ...]  # the isolated zeros of f′ off the kinks, ascending
    bounded: bool  # whether f is bounded below (then its least local minimum is the global one)
    level: tuple[tuple[Expr, Expr], ...] = ()  # every stretch where f′ = 0 all along, minima or not


def kink_minima(f: Expr, x: sympy.Symbol, found: Pieces) -> KinkMinima:
    points: list[Expr] = []
    flats: list[Flat] = []
    zeros: list[Expr] = []
    stretches = found.stretches
    for i, stretch in enumerate(stretches):
        p = stretch.polynomial
        if stretch.flat:
            holds = (i == 0 or side(stretches[i - 1].polynomial, x, stretch.low, right=False) >= 0) and \
                (i == len(stretches) - 1 or side(stretches[i + 1].polynomial, x, stretch.high, right=True) >= 0)
            if holds:
                flats.append(Flat(stretch.low, stretch.high, p))
            continue
        for r in real_roots(sympy.diff(p, x), x):
            if between(r, stretch.low, stretch.high):
                zeros.append(r)
                if side(p, x, r, right=True) > 0 and side(p, x, r, right=False) > 0:
                    points.append(r)
    for k, (left, right) in zip(found.kinks, pairwise(stretches)):
        if left.flat and right.flat:
            continue
        ends = (side(left.polynomial, x, k, right=False), side(right.polynomial, x, k, right=True))
        if min(ends) > 0:
            points.append(k)
    first, last = stretches[0].polynomial, stretches[-1].polynomial
    bounded = _rises(first, x, -1) and _rises(last, x, 1)
    level = tuple((s.low, s.high) for s in stretches if s.flat)
    return KinkMinima(tuple(sort_exactly(points)), _joined(flats), tuple(sort_exactly(zeros)),
                      bounded, level)


def between(r: Expr, low: Expr, high: Expr) -> bool:
    """Whether r lies strictly inside (low, high), told exactly; an infinite end bounds nothing."""
    return (low == -sympy.oo or compare(r, low) > 0) and (high == sympy.oo or compare(high, r) > 0)


def _rises(p: Expr, x: sympy.Symbol, direction: int) -> bool:
    """Whether p stays bounded below as x goes to ∞ in `direction` (1 or -1)."""
    poly = sympy.Poly(p, x)
    return poly.degree() <= 0 or sign(poly.LC()) * direction ** poly.degree() > 0


def _joined(flats: list[Flat]) -> tuple[Flat, ...]:
    """Flat stretches that meet at a kink, at the same value, as one."""
    ordered = sorted(flats, key=lambda g: (g.low != -sympy.oo, sympy.N(g.low) if g.low != -sympy.oo else 0))
    joined: list[Flat] = []
    for g in ordered:
        if joined and joined[-1].high == g.low and joined[-1].value == g.value:
            joined[-1] = Flat(joined[-1].low, g.high, g.value)
        else:
            joined.append(g)
    return tuple(joined)


def between_text(low: Expr, high: Expr, name: str, closed: bool = False) -> str:
    """-1 < x < 1 (open) or -1 ≤ x ≤ 1 (closed); x > 1 or x ≥ 1 for a ray; every x for the whole line."""
    less = "≤" if closed else "<"
    if low == -sympy.oo and high == sympy.oo:
        return f"every {name}"
    if low == -sympy.oo:
        return f"{name} {less} {show(high)}"
    if high == sympy.oo:
        return f"{name} {'≥' if closed else '>'} {show(low)}"
    return f"{show(low)} {less} {name} {less} {show(high)}"


def least_text(flats: tuple[Flat, ...], points: tuple[Expr, ...], name: str) -> str:
    """Where f is least, on stretches and maybe at points as low: x ≤ -1 or x ≥ 1 (max(0, 1 − x²))."""
    return " or ".join([between_text(g.low, g.high, name, closed=True) for g in flats]
                       + [f"{name} = {show(p)}" for p in points])


@dataclass(frozen=True)
class Corner:
    """A kink where f′ = 0 from both sides (max(0, x³) at 0): a critical point with no f″ there, decided by
    f's values on each side, each the sign of f − f(k) just beside k (0 where f is constant there)."""

    point: Expr
    left: Expr  # f just left of it, a polynomial
    right: Expr
    below: int  # the sign of f − f(k) on the left
    above: int  # on the right


@dataclass(frozen=True)
class Level:
    """f's critical points where it is a polynomial between kinks: the isolated zeros of f′ off the kinks,
    the kinks where f′ = 0 from both sides, and the open stretches where f is constant, so f′ = 0 all
    along (min(x², 1) on x < -1 and x > 1)."""

    zeros: tuple[Expr, ...]  # ascending
    stretches: tuple[Stretch, ...]  # left to right; each one's polynomial is f's value there
    corners: tuple[Corner, ...] = ()  # ascending
    kinks: tuple[Expr, ...] = ()  # every kink, ascending: a corner where f′ changes sign is critical too


def level_critical(f: Expr, x: sympy.Symbol, always: bool = False) -> Level | None:
    """Every solution of f′ = 0 of a polynomial in x and absolute values (max and min too), exactly, where
    f is constant on some stretch or f′ = 0 at a kink (max(0, x³) at 0), or `always` (sympy could not solve
    f′ = 0: sign(x − 1) + 2x = 0); None where none of these (sympy's solution of f′ = 0 serves there) or f
    is no such function."""
    found = pieces(f, x)
    if found is None:
        return None
    corners = []
    for k, (left, right) in zip(found.kinks, pairwise(found.stretches)):
        if all(sympy.diff(s.polynomial, x).xreplace({x: k}) == 0 for s in (left, right)):
            corners.append(Corner(k, left.polynomial, right.polynomial, side(left.polynomial, x, k, right=False),
                                  side(right.polynomial, x, k, right=True)))
    if not (always or corners or any(s.flat for s in found.stretches)):
        return None
    zeros = [r for s in found.stretches if not s.flat
             for r in real_roots(sympy.diff(s.polynomial, x), x) if between(r, s.low, s.high)]
    return Level(tuple(sort_exactly(zeros)), tuple(s for s in found.stretches if s.flat), tuple(corners),
                 tuple(found.kinks))


@dataclass(frozen=True)
class Signed:
    """f where each absolute value's inside has one sign, written without them (|sin x| is sin x where
    sin x > 0), and the zeros of its f′ in a span where the insides do have those signs."""

    signs: tuple[int, ...]  # one for each absolute value, in `Spanned.absolutes`' order
    smooth: Expr
    slope: Expr
    zeros: tuple[Expr, ...]  # ascending


@dataclass(frozen=True)
class Spanned:
    """A function's kinks and the zeros of its f′ off them, every one in a bounded span: one period of a
    periodic f, whose kinks go on without end (|sin x| on 0 ≤ x < π), or a region's bounds."""

    span: sympy.Set
    absolutes: tuple[sympy.Abs, ...]
    kinks: tuple[Expr, ...]  # ascending: where an absolute value's inside is 0
    signed: tuple[Signed, ...]  # each choice of signs for the insides

    @property
    def zeros(self) -> tuple[Expr, ...]:
        """Every zero of f′ off the kinks, ascending."""
        return tuple(sort_exactly(dict.fromkeys(z for s in self.signed for z in s.zeros)))


def spanned(f: Expr, x: sympy.Symbol, absolutes: Sequence[sympy.Abs], span: sympy.Set) -> Spanned | None:
    """f's kinks and the zeros of f′ off them in a bounded span, as sympy's solveset lists them. f′ is solved
    for each choice of signs alone, and its zeros kept where the insides have those signs (|sin x| on
    0 ≤ x < π: cos x = 0 at π/2, where sin x > 0; -cos x = 0 there too, but not where sin x < 0): the sign
    of an inside may change at a pole too (tan x at π/2), where no stretch between kinks would see it.
    None where solveset lists some of them as no finite set of real numbers (a piece constant all along);
    solveset's own errors, and the time it takes, are the caller's to bound."""
    kinks = kinks_in(absolutes, x, span)
    if kinks is None:
        return None
    signed = []
    for signs, smooth in signed_pieces(f, absolutes):
        slope = sympy.diff(smooth, x)
        found = _factor_zeros(slope, x, span)
        if found is None:
            return None
        held = [z for z in found if holds(absolutes, signs, {x: z})]
        signed.append(Signed(signs, smooth, slope, tuple(sort_exactly(held))))
    return Spanned(span, tuple(absolutes), tuple(sort_exactly(kinks)), tuple(signed))


def kinks_in(absolutes: Sequence[sympy.Abs], x: sympy.Symbol, span: sympy.Set) -> list[Expr] | None:
    """Where an absolute value's inside is 0 in a bounded span, ascending, as solveset lists them (quick: sin x = 0,
    not f′ = 0); None where it lists no finite set of real numbers."""
    kinks: list[Expr] = []
    for a in absolutes:
        found = _listed(a.args[0], x, span)
        if found is None:
            return None
        kinks += [k for k in found if k not in kinks]
    return sort_exactly(kinks)


def _factor_zeros(e: Expr, x: sympy.Symbol, span: sympy.Set) -> list[Expr] | None:
    """`_listed`'s zeros of e, each factor of e solved alone: solveset searches 2cos(x)/(3sin(x)^(1/3)) − 2sin(x)cos(x)
    whole until its deadline, and lists cos x = 0 and 3sin(x)^(4/3) = 1 at once. A zero of one factor is kept
    where each other factor is shown finite there, and each one divided by is shown not 0 (sin(x)^(-1/3) at 0, where
    e has no value); where that can't be shown, e is solved whole."""
    parts = [p.as_base_exp() for p in sympy.Mul.make_args(sympy.factor(e)) if p.has(x)]
    if len(parts) < 2 or not all(k.is_Rational for _, k in parts):  # (eˣ is e to the power x: solved whole)
        return _listed(e, x, span)
    zeros: list[Expr] = []
    for i, (base, power) in enumerate(parts):
        if not power.is_positive:
            continue
        found = _listed(base, x, span)
        if found is None:
            return _listed(e, x, span)
        for z in found:
            others = [(b.xreplace({x: z}), k) for j, (b, k) in enumerate(parts) if j != i]
            kept = [v.is_finite and (v.is_zero is False if k.is_negative else True) for v, k in others]
            if any(decided is None for decided in kept):
                return _listed(e, x, span)
            if all(kept) and z not in zeros:
                zeros.append(z)
    return zeros


def _listed(e: Expr, x: sympy.Symbol, span: sympy.Set) -> list[Expr] | None:
    """Every real zero of e in the span, as solveset lists them; None where it lists no finite set of them."""
    found = sympy.solveset(e, x, span)
    if found == sympy.S.EmptySet:
        return []
    if not isinstance(found, sympy.FiniteSet):
        return None
    real = [as_real(z) for z in found]
    return None if any(r is None for r in real) else [r for r in real if r is not None]
