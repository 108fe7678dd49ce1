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
    along = along.replace(lambda e: e.is_Pow and not e.exp.is_Integer,
                          lambda e: sympy.Pow(sympy.cancel(e.base), e.exp))
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
        if piece is None or any(not p.exp.is_Integer for p in piece.atoms(sympy.Pow)):
            return None, ()
        zero = zero or dropped  # such a root may be 0 at an end: g is not claimed > 0 (or < 0) all round
        numerator, denominator = sympy.fraction(sympy.cancel(sympy.together(piece)))
        if denominator.has(s) and any(_within(root, low, high) for root in real_roots(sympy.Poly(denominator, s))):
            return None, ()
        inside = real_roots(sympy.Poly(numerator, s)) if numerator.has(s) else ()
        if numerator == 0 or any(_within(root, low, high) for root in inside):
            zero = True  # g is 0 in a direction, ends included: g is continuous, so its value there is the piece's
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


def _positive_roots(piece: Expr, s: sympy.Symbol, low: Expr, high: Expr, sample: Expr) -> tuple[Expr | None, bool]:
    """The piece with each root b^e (e not whole) of a base b > 0 between the ends written 1, which leaves its
    sign as it was ((xy)^(1/3)'s |xy|^(1/3), fixed as (s - s³)^(1/3) where s - s³ > 0), and whether one of s was;
    None where a base may be 0 or negative between them."""
    dropped = False
    for power in piece.atoms(sympy.Pow):
        if power.exp.is_Integer:
            continue
        if not power.exp.is_Rational or sign(power.base.xreplace({s: sample})) != 1:
            return None, False
        if power.base.has(s):
            for part in sympy.fraction(sympy.cancel(sympy.together(power.base))):
                if part.has(s) and any(_within(r, low, high, ends=False) for r in real_roots(sympy.Poly(part, s))):
                    return None, False
            dropped = True
        piece = piece.xreplace({power: sympy.Integer(1)})
    return piece, dropped


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

