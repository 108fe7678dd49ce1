"""The sign of f - f(P) near a point of two variables from its lowest order in the distance from P.

Where f has a corner or a cusp at P and is no sum g(x) + h(y) ((x² + y²)^(1/3) - x, |x| + |y| - √(x² + y²)/2),
its derivatives say nothing there, but its values may: each term of f - f(P), written in the offsets from P, is
positively homogeneous (c(r·u) = r^α·c(u) for r > 0), so on the circle of radius r about P

    f(P + r·u) - f(P) = r^α₀·g(u) + Σ r^αᵢ·cᵢ(u),   α₀ < αᵢ, u a unit vector,

with each cᵢ bounded on the unit circle. Where g > 0 on the whole unit circle (its least value there m > 0),
f(P + r·u) - f(P) ≥ r^α₀·(m - Σ Mᵢ·r^(αᵢ - α₀)) > 0 for small r: a strict local minimum (g < 0: a maximum);
where g takes both signs, f does near P along the rays where g does: a saddle. g's sign on the circle is
decided exactly, through the circle's rational parametrization u = ((1 - s²)/(1 + s²), 2s/(1 + s²)) (and
u = (-1, 0)), which makes g a rational function of s on each interval between the zeros of its absolute values'
insides. Anything else (g 0 in some direction, g not rational on the circle) is left undecided: nothing is
claimed then.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import sympy
from sympy import Expr

from ..budget import OutOfTime, deadline
from ..show import show
from .common import SolveError, sign
from .kinks import _inside, with_abs
from .roots import real_roots

_SECONDS = 5.0  # sympy's work on g along the circle; past it, nothing is claimed
_GAVE_UP = (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError, SolveError,
            sympy.PolynomialError)


def leading_order(f: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr], value: Expr
                  ) -> tuple[int | None, str]:
    """1 where f has a strict local minimum at the point by its lowest order in the distance from it, -1 a
    strict maximum, 0 values above and below f(P) near it; (None, "") where that order does not decide."""
    if len(syms) != 2:
        return None, ""
    x, y = syms
    f = with_abs(f)  # 2max(|x|, |y|) as |x| + |y| + ||x| - |y||: absolute values, inside one another
    # an inside not 0 at the point keeps its sign near it: |x - 1| is 1 - x near (0, 0), innermost first
    at = dict(zip(syms, point))
    f = f.replace(lambda a: isinstance(a, sympy.Abs) and sign(a.args[0].xreplace(at)) in (1, -1),
                  lambda a: sign(a.args[0].xreplace(at)) * a.args[0])
    moved = sympy.expand(f.xreplace({v: v + c for v, c in zip(syms, point)}) - value)
    orders: dict[Expr, list[Expr]] = {}
    for term in sympy.Add.make_args(moved):
        alpha = _order(term, syms)
        if alpha is None or alpha <= 0 or not _bounded(term):
            return None, ""
        orders.setdefault(alpha, []).append(term)
    if not orders:
        return None, ""
    alpha = min(orders)
    g = sympy.Add(*orders[alpha])
    if not _continuous(g):
        return None, ""
    try:
        with deadline(_SECONDS):
            s, directions = _on_circle(g, x, y)
    except _GAVE_UP:
        return None, ""
    if s is None:
        return None, ""
    names = [v.name for v in syms]
    back = {v: v - c for v, c in zip(syms, point)}
    form = show(_odd_roots(g.xreplace(back)), names)
    order = show(sympy.Symbol("r", positive=True)**alpha, ["r"])
    if len(orders) == 1:  # f - f(P) is g: nothing else to outweigh
        said, rest = f"f - f(P) = {form} is of order {order} in the distance r from the point and", ""
    else:
        said = (f"f - f(P) = {form} + terms of higher order in the distance r from the point; {form} is of "
                f"order {order} and")
        rest = ", so near it it outweighs them"
    if s == 0:
        above, below = (_direction(u) for u in directions)
        return 0, f"{said} > 0 in the direction {above} but < 0 in the direction {below}{rest}"
    return s, f"{said} {'> 0' if s > 0 else '< 0'} in every direction from it{rest}"


def _order(term: Expr, syms: Sequence[sympy.Symbol]) -> Expr | None:
    """α where c(r·x, r·y) = r^α·c(x, y) for every r > 0, read from the term's shape; None where it has none
    (1 + x², a sum of parts of different orders) or a part is not one this reads (sin x)."""
    if term.is_Symbol:
        return sympy.Integer(1) if term in syms else None
    if not term.free_symbols & set(syms):
        return sympy.Integer(0) if term.is_number and term.is_extended_real else None
    if isinstance(term, (sympy.Abs, sympy.sign)):
        inside = _order(term.args[0], syms)
        return None if inside is None else (inside if isinstance(term, sympy.Abs) else sympy.Integer(0))
    if term.is_Pow:
        base = _order(term.base, syms)
        if base is None or not term.exp.is_Rational:
            return None
        # (r^β·b)^e = r^(βe)·b^e for r > 0 only where b ≥ 0 or e is an integer
        if not term.exp.is_Integer and not term.base.is_nonnegative:
            return None
        return base * term.exp
    if term.is_Mul or term.is_Add:
        parts = [_order(a, syms) for a in term.args]
        if None in parts:
            return None
        if term.is_Mul:
            return sympy.Add(*parts)
        present = {p for a, p in zip(term.args, parts) if a.free_symbols & set(syms)}
        return present.pop() if len(present) == 1 and all(p in present or p == 0 for p in parts) and \
            all(a.free_symbols & set(syms) for a in term.args) else None
    return None


def _bounded(term: Expr) -> bool:
    """Whether the term is bounded on the unit circle: built by + and · from |u|, sign(u) and powers with
    exponents above 0 (no division, which may blow up where its divisor is 0)."""
    return all(not node.is_Pow or node.exp.is_positive for node in sympy.preorder_traversal(term)) and \
        all(isinstance(node, (sympy.Abs, sympy.sign)) for node in term.atoms(sympy.Function))


def _continuous(g: Expr) -> bool:
    """Whether g is continuous on the plane, as its sign on the circle is read between the zeros of its
    absolute values' insides: bounded, and with no sign(u), which jumps, but where |u|^a (a > 0) goes with it:
    sign(u)·|u|^a is 0 where u is, as an odd root is ((xy)^(1/3) is sign(xy)·|xy|^(1/3))."""
    if not _bounded(g):
        return False
    tamed = g.replace(lambda e: e.is_Mul and any(isinstance(a, sympy.sign) and _odd_root_of(e, a.args[0])
                                                  for a in e.args),
                      lambda e: e.func(*(a for a in e.args if not isinstance(a, sympy.sign)
                                         or not _odd_root_of(e, a.args[0]))))
    return not tamed.has(sympy.sign)


def _odd_roots(g: Expr) -> Expr:
    """g with each sign(u)·|u|^(p/q), p and q odd, written u^(p/q) as the lesson reads an odd root ((xy)^(1/3),
    not |xy|^(1/3)sign(xy))."""
    def odd(e: Expr) -> bool:
        return e.is_Rational and e.p % 2 == 1 and e.q % 2 == 1

    def written(product: Expr) -> Expr:
        args = list(product.args)
        for s in [a for a in args if isinstance(a, sympy.sign)]:
            root = next((a for a in args if a.is_Pow and a.base == sympy.Abs(s.args[0]) and odd(a.exp)), None)
            if root is not None:
                args.remove(s)
                args.remove(root)
                args.append(sympy.Pow(s.args[0], root.exp, evaluate=False))
        return sympy.Mul(*args)

    return g.replace(lambda e: e.is_Mul and e.has(sympy.sign), written)


def _odd_root_of(product: Expr, inside: Expr) -> bool:
    """Whether the product has a factor |inside|^a with a > 0."""
    return any(a.is_Pow and a.base == sympy.Abs(inside) and a.exp.is_positive for a in product.args)


# directions tried first, as g's sign in them is the plainest witness (g is homogeneous: any length will do)
_PLAIN = tuple((sympy.Integer(a), sympy.Integer(b)) for a, b in
               ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)))


def _on_circle(g: Expr, x: sympy.Symbol, y: sympy.Symbol) -> tuple[int | None, tuple]:
    """g's sign on the unit circle: 1 (> 0 everywhere on it), -1, 0 (both signs, with a direction where it is
    > 0 and one where it is < 0), None (0 somewhere, or not decided)."""
    s = sympy.Dummy("s", real=True)
    along = g.xreplace({x: (1 - s**2) / (1 + s**2), y: 2 * s / (1 + s**2)})
    # a power of x² + y² is 1 on the circle: its base, made one fraction, cancels
    along = along.replace(lambda e: e.is_Pow and not e.exp.is_Integer, _over_circle)
    marks = _marks(along, s)
    if marks is None:
        return None, ()
    ends = [-sympy.oo, *marks, sympy.oo]
    seen: dict[int, tuple[Expr, Expr]] = {}  # a direction where g is > 0, and one where it is < 0: the plainest first
    for u in _PLAIN:
        here = sign(g.xreplace({x: u[0], y: u[1]}))
        if here is None:
            return None, ()
        if here:
            seen.setdefault(here, u)
    zero = sign(g.xreplace({x: -1, y: 0})) == 0  # the direction the parametrization leaves out, s = ±∞
    for low, high in pairwise(ends):
        sample = _inside(low, high)
        piece = _fixed(along, s, sample)
        if piece.has(sympy.Abs):
            return None, ()
        piece, dropped = _positive_roots(piece, s, low, high, sample)
        if piece is None:
            return None, ()
        zero = zero or dropped  # such a root may be 0 at an end: g is not claimed > 0 (or < 0) all round
        numerator, denominator = sympy.fraction(sympy.cancel(sympy.together(piece)))
        if _radicals(denominator):
            return None, ()
        if denominator.has(s) and any(_within(root, low, high) for root in real_roots(sympy.Poly(denominator, s))):
            return None, ()
        if numerator == 0:
            zero = True  # g is 0 all along this stretch
            continue
        # where a root is added to the rest (√(x⁴ + y⁴) + xy/10), g's zeros are among those of a polynomial
        # free of roots: each is checked by g's own value there
        eliminated = _eliminated(numerator, s)
        if eliminated is None:
            return None, ()
        inside = real_roots(sympy.Poly(eliminated, s)) if eliminated.has(s) else ()
        for root in (r for r in inside if _within(r, low, high)):
            # g is 0 in a direction, ends included: g is continuous, so its value there is the piece's; where
            # g's value there is not told from 0 fast (proving a root of a sum 0 is slow), it is taken to be 0,
            # which only keeps a strict extremum from being claimed
            zero = zero or not _radicals(numerator) or not _clearly_not_zero(numerator.xreplace({s: root}))
        # the sign between each two zeros of the piece, where g may change it
        cuts = [low, *(root for root in inside if _within(root, low, high, ends=False)), high]
        for start, end in pairwise(cuts):
            here = sign(piece.xreplace({s: (point := _inside(start, end))}))
            if here is None:
                return None, ()
            if here:
                seen.setdefault(here, ((1 - point**2) / (1 + point**2), 2 * point / (1 + point**2)))
    if 1 in seen and -1 in seen:
        return 0, (seen[1], seen[-1])
    if zero or len(seen) != 1:
        return None, ()
    return next(iter(seen)), ()


def _over_circle(power: Expr) -> Expr:
    """A root along the circle, its base one fraction: its denominator, a power of 1 + s² (> 0), taken out of the
    root, so that a sum of roots (√(x⁴ + y⁴) + xy/10) has none left below the fraction bar."""
    numerator, denominator = sympy.fraction(sympy.cancel(power.base))
    denominator = sympy.factor(denominator)
    if not denominator.is_positive:
        return sympy.Pow(numerator / denominator, power.exp)
    return sympy.Pow(numerator, power.exp) / sympy.Pow(denominator, power.exp)


def _positive_roots(piece: Expr, s: sympy.Symbol, low: Expr, high: Expr, sample: Expr) -> tuple[Expr | None, bool]:
    """The piece with each root b^e (e not whole) of a base b > 0 between the ends that is a factor of it
    written 1, which leaves its sign as it was ((xy)^(1/3)'s |xy|^(1/3), fixed as (s - s³)^(1/3) where
    s - s³ > 0), and whether one of those may be 0 at an end; None where a base may be 0 or negative between
    them. A root added to the rest is kept: 1 in its place would change the sum's sign (√(x⁴ + y⁴) - 21(x² +
    y²)/20 + 2xy/5 is < 0 all round, 1 - 21/20 + 2xy/5 is not)."""
    def positive(power: Expr) -> bool:
        if not power.exp.is_Rational or sign(power.base.xreplace({s: sample})) != 1:
            return False
        return not any(part.has(s) and any(_within(r, low, high, ends=False) for r in real_roots(sympy.Poly(part, s)))
                       for part in sympy.fraction(sympy.cancel(sympy.together(power.base))))

    if not all(positive(p) for p in _radicals(piece)):
        return None, False
    parts = sympy.Mul.make_args(sympy.factor_terms(piece))
    factors = [a for a in parts if a.is_Pow and not a.exp.is_Integer and positive(a)]
    dropped = any(a.base.has(s) and any(end.is_finite and sign(a.base.xreplace({s: end})) != 1 for end in (low, high))
                  for a in factors)
    return sympy.Mul(*(a for a in parts if a not in factors)), dropped


def _clearly_not_zero(value: Expr) -> bool:
    """Whether a number is told apart from 0 by an evaluation reaching its full precision."""
    try:
        approximation = value.evalf(30, strict=True)
    except (sympy.core.evalf.PrecisionExhausted, ValueError, TypeError, ZeroDivisionError):
        return False
    return bool(approximation.is_Number and approximation.is_finite and approximation != 0)


def _radicals(e: Expr) -> set[Expr]:
    """e's powers with exponents not whole."""
    return {p for p in e.atoms(sympy.Pow) if not p.exp.is_Integer}


def _eliminated(numerator: Expr, s: sympy.Symbol) -> Expr | None:
    """A polynomial in s, not 0, that is 0 wherever the numerator is (its roots b^(m/q), each b > 0, taken out by
    resultants with w^q·d^m - n^m, b = n/d); the numerator itself where it has no roots; None where a root's
    base holds a root itself, or an exponent is not rational."""
    result = numerator
    for power in sorted(_radicals(numerator), key=sympy.default_sort_key):
        if not power.exp.is_Rational or _radicals(power.base):
            return None
        w = sympy.Dummy("w")
        n, d = sympy.fraction(sympy.cancel(sympy.together(power.base)))
        m, q = power.exp.p, power.exp.q
        if m < 0:
            n, d, m = d, n, -m
        relation = sympy.Poly(w**q * d**m - n**m, w)
        here = sympy.Poly(result.xreplace({power: w}), w)
        result = sympy.expand(sympy.resultant(here.as_expr(), relation.as_expr(), w))
        if result.has(w) or result == 0:
            return None
    if _radicals(result) or not result.is_polynomial(s):
        return None
    return result


def _marks(along: Expr, s: sympy.Symbol) -> list[Expr] | None:
    """Where an absolute value's inside is 0 or has a pole on the circle, ascending; an inside holding absolute
    values itself (||x| - |y|| of 2max(|x|, |y|)) has its zeros found on each stretch where those are fixed,
    innermost first, as it is a rational function there. None where they can't be ordered."""
    # sign(u) of an odd root changes where |u|'s inside is 0: its own inside is marked alike
    absolutes = along.atoms(sympy.Abs) | {sympy.Abs(a.args[0]) for a in along.atoms(sympy.sign)}
    depth: dict[Expr, int] = {}
    for a in sorted(absolutes, key=sympy.count_ops):
        depth[a] = 1 + max((depth[b] for b in a.args[0].atoms(sympy.Abs)), default=-1)
    marks: list[Expr] = []
    for level in range(max(depth.values(), default=-1) + 1):
        found = list(marks)
        for low, high in pairwise([-sympy.oo, *marks, sympy.oo]):
            sample = _inside(low, high)
            for a in (a for a in absolutes if depth[a] == level):
                numerator, denominator = sympy.fraction(sympy.cancel(_fixed(a.args[0], s, sample)))
                for part in (numerator, denominator):
                    if part.has(s):
                        found += [r for r in real_roots(sympy.Poly(part, s)) if _within(r, low, high)]
        marks = sorted(set(found), key=lambda m: sympy.N(m, 30))
        if any(sign(b - a) != 1 for a, b in pairwise(marks)):
            return None
    return marks


def _fixed(e: Expr, s: sympy.Symbol, sample: Expr) -> Expr:
    """e with each |u| written u or -u, and each sign(u) 1 or -1, as u's sign is at the sample, innermost
    first (replace works bottom up, so an inside's own absolute values are fixed before its sign is read)."""
    def fixed(a: Expr) -> Expr:
        here = sign(a.args[0].xreplace({s: sample}))
        if here is None:
            raise SolveError("the sign is not known")  # given up on, as any failure on the circle
        return here * a.args[0] if isinstance(a, sympy.Abs) else sympy.Integer(here)

    return e.replace(lambda a: isinstance(a, (sympy.Abs, sympy.sign)), fixed)


def _within(root: Expr, low: Expr, high: Expr, ends: bool = True) -> bool:
    """Whether a real root lies in [low, high] (ends included where finite, unless not `ends`); True where it
    can't be told."""
    inside = (0, 1) if ends else (1,)
    above = low == -sympy.oo or sign(root - low) in inside
    below = high == sympy.oo or sign(high - root) in inside
    unknown = (low != -sympy.oo and sign(root - low) is None) or (high != sympy.oo and sign(high - root) is None)
    return unknown or (above and below)


def _direction(u: tuple[Expr, Expr]) -> str:
    """A direction as a vector of whole numbers: (3, 4) for (3/5, 4/5)."""
    scale = sympy.ilcm(*(sympy.fraction(c)[1] for c in u))
    a, b = (c * scale for c in u)
    divisor = sympy.igcd(a, b) or 1
    return f"({show(a / divisor)}, {show(b / divisor)})"

