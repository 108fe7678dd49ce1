"""Deciding a critical point by the function's values, where the second-derivative test cannot.

f - f(P) is factored, and its sign near P read off the factors (an even power never changes sign; an odd power
of a factor that crosses P does). On the sauna's walls f - 85 = -x²y²(x - 6)(y - 6)/90 is ≤ 0 near every point
of x = 0 with y < 6, so each is a maximum. Where the factors can't tell (x² + y³ is one factor, with a cusp at
the origin), a line or parabola through P on which f - f(P) changes sign shows a saddle point: on x = 0,
x² + y³ is y³. Last, the lowest-degree terms of f - f(P) decide where they are definite (x⁴ + x³y + y⁴, > 0
in every direction: a strict minimum) or take both signs (a saddle), never where they are 0 along some line
((x² − y²)²). The same reading classifies the points of a critical set stretch by stretch.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from itertools import pairwise
from typing import cast

import sympy
from sympy import Expr, Poly
from sympy.calculus.util import continuous_domain

from ..budget import OutOfTime, deadline, metered_cache
from ..parse import Equation
from ..show import show
from .classified import SOLVE_SECONDS, ByValues, CriticalPoint, Nature, Piece, no_test, unique
from .common import sign, sign_text
from .leading import leading_order
from .partials import continuous_signs, diff
from .region import Region, interval_text
from .roots import rational_between, rational_polynomial, real_roots, sort_exactly


def ruled_out(s: int, along: str) -> ByValues:
    """Undecided, but no minimum where f is lower on both sides of the point along a line (s = -1), no maximum
    where higher (s = 1): `along` says where, f - f(P) there."""
    ruled, other = (Nature.MINIMUM, "maximum") if s < 0 else (Nature.MAXIMUM, "minimum")
    return ByValues(Nature.UNDECIDED, f"no local {ruled.value}, since f - f(P) = {along}; whether it is a local "
                                      f"{other} is not decided", ruled, along)


def samples_between(marks: Sequence[Expr]) -> list[Expr]:
    """A rational number in each gap between sorted reals, and one beyond each end (0 if none)."""
    if not marks:
        return [sympy.Integer(0)]
    samples = [sympy.floor(marks[0]) - 1]
    samples += [rational_between(a, b) for a, b in pairwise(marks)]
    return samples + [sympy.ceiling(marks[-1]) + 1]


def rational_ratio(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, Expr] | None:
    """f as a numerator and denominator, both polynomials with rational coefficients; None where f is no such
    ratio."""
    numerator, denominator = sympy.fraction(sympy.together(f))
    if rational_polynomial(numerator, syms) is None or rational_polynomial(denominator, syms) is None:
        return None
    return numerator, denominator


def by_values(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, leading: bool = True) -> ByValues:
    """What f's values near a critical point say, where the second-derivative test can't decide; with
    `leading`, at last from f - f(P)'s lowest order in the distance from P (a corner or cusp of f not a sum
    g(x) + h(y): (x² + y²)^(1/3) - x at the origin)."""
    value = f.xreplace(dict(zip(syms, point)))
    one_way: tuple[int, str] | None = None  # a strict extremum along one axis, where nothing else decides
    if len(syms) == 1:
        s, why = at_edge(f, syms[0], point[0])
        if s is None:
            s, why = higher_derivatives(f, syms[0], point[0])
        if s is None:  # sin|x| at 0: a corner, where f″ is no number, but f′ has a sign on each side
            s, why = one_sided(f, syms[0], point[0])
        if s is None:  # |x|^(3/2) at 0: f′ → 0 from both sides, f″ → ∞
            s, why = _by_terms(f, syms, point, value)
        if s is None:  # |x|^(3/2) - x² at 0: its lowest power, |x|^(3/2), outweighs x² near 0
            s, why = lowest_power(f, syms[0], point[0], value)
    elif rational_polynomial(f, syms) is not None and all(c.is_Rational for c in point):
        g = sympy.expand(f - value)
        s = _definite(g, syms, point)  # the reason given is the one that decided: no factors are needed here
        if s in (1, -1):
            shifted = sum(c * sympy.Mul(*((v - a)**e for v, a, e in zip(syms, point, monomial)))
                          for monomial, c in _shifted(g, syms, point).terms())
            why = (f"f - f(P) = {show(shifted)} is a sum of even powers with "
                   f"{'positive' if s > 0 else 'negative'} coefficients")
        else:
            where = show(point[0]) if len(point) == 1 else "(" + ", ".join(show(c) for c in point) + ")"
            s = _sign_by_factors(g, syms, point)
            # factored for the sentence only where the sign came from the factors: a degree past _MOST_FACTORED
            # is never factored (x^1000 + y^2 ran for minutes)
            why = f"from the factors of f - f(P) = {show(sympy.factor(g))}, P being {where}" if s is not None else ""
            if s is None:  # a factor with a cusp at the point (x² + y³): a path through it may still show both signs
                s, why = _sign_along_paths(g, syms, point)
            if s is None:  # D = 0 with one square in the quadratic part: (x - y²)² + y⁴
                s, why = _completed_square(g, syms, point)
            if s is None:  # the lowest-degree terms alone: x⁴ + x³y + y⁴, > 0 in every direction
                s, why = _lowest_terms(g, syms, point)
            if s is None:  # terms as written, each never negative: x² + (y + z)² + y⁴ + z⁴ (outside check h16, F2)
                s, why = _by_terms(f, syms, point, value)
    else:
        s, why = _by_terms(f, syms, point, value)
        if s is None:  # cos(x) + y⁴ at the origin: a maximum along x, a minimum along y
            s, why, one_way = _along_lines(f, syms, point, value)
    if s is None and len(syms) == 2:  # |x| + x/2 + y²: each part decided in its own variable
        s, why = _by_parts(f, syms, point)
    if s is None and leading and len(syms) == 2:
        s, why = leading_order(f, syms, point, value)
    if s is None and one_way is not None:  # lower on both sides along a line: whatever else, no minimum there
        return ruled_out(*one_way)
    return judged(s, show(value), "point", len(syms), why)


def separated(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, Expr] | None:
    """f as g(x) + h(y), each part depending on its variable alone (a constant goes with g), from f's terms as
    written; None where a term has both variables or a part is constant: f is then not a sum of such parts."""
    x, y = syms
    terms = sympy.Add.make_args(f)
    if any({x, y} <= t.free_symbols for t in terms):
        return None
    g = sympy.Add(*(t for t in terms if y not in t.free_symbols))
    h = sympy.Add(*(t for t in terms if y in t.free_symbols))
    if x not in g.free_symbols or y not in h.free_symbols or sympy.expand(f - g - h) != 0:
        return None
    return g, h


# a part's nature at its point is local: x² + |x − 1|^(2/3) has a minimum at 1, but is least at 0.3939
_ONE_WORD = {Nature.MINIMUM: "a local minimum", Nature.MAXIMUM: "a local maximum"}


def _by_parts(f: Expr, syms: Sequence[sympy.Symbol], point: tuple) -> tuple[int | None, str]:
    """f = g(x) + h(y) at (a, b) from what g's values say at a and h's at b, each in one variable, where a
    corner or cusp is told from f′'s signs on each side: both least there, f is least (and greatest where both
    are greatest); one least and one greatest, or one neither (x³ at 0), f takes values above and below."""
    parts = separated(f, syms)
    if parts is None:
        return None, ""
    natures = [by_values(part, (v,), (a,)).nature for part, v, a in zip(parts, syms, point)]
    said = [f"{show(part)}, with {_ONE_WORD.get(n, 'neither a minimum nor a maximum')} at {v.name} = {show(a)}"
            for part, v, a, n in zip(parts, syms, point, natures)]
    why = f"f is the sum of {said[0]}, and {said[1]}"
    if Nature.NEITHER in natures:
        return 0, why
    if set(natures) <= set(_ONE_WORD) and natures[0] == natures[1]:
        return (1 if natures[0] == Nature.MINIMUM else -1), why
    if set(natures) == set(_ONE_WORD):
        return 0, why
    return None, ""


def _by_terms(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr) -> tuple[int | None, str]:
    """1 (or -1) where f is a sum of terms each at its least (greatest) at P: |x|^(3/2) + y² at the origin,
    where a second derivative is infinite, each term 0 there and never negative; cos(x) + y⁴ at (π, 0),
    where cos(x) is -1, its least. (None, "") otherwise."""
    at = dict(zip(syms, point))
    at_point = show(point[0]) if len(point) == 1 else ", ".join(show(c) for c in point)
    shifted = _shifted_terms(f, syms, point, value)
    # the terms as written first: |x + y| + (x - y)² is two terms never negative, expanded it has -2xy
    for terms in unique((sympy.Add.make_args(f), sympy.Add.make_args(sympy.expand(f)))):
        terms = [t for t in terms if t.free_symbols & set(syms)]
        if not terms:
            continue
        for s, never, least in ((1, "negative", "least"), (-1, "positive", "greatest")):
            if shifted and all(_never_below(s * t) for t in shifted):  # |x - 1|^(3/2) + (y + 2)² at (1, -2)
                return s, _never(at_point, sympy.Add(*shifted), len(shifted), never)
            found = [_least(s * t, syms) for t in terms]
            bounds = [b for b in found if b is not None]
            if len(bounds) < len(terms) or any(sign(s * t.xreplace(at) - b) != 0 for t, b in zip(terms, bounds)):
                continue
            if all(b == 0 for b in bounds):
                return s, _never(at_point, f - value, len(terms), never)
            said = ", ".join(f"{show(t)} {'≥' if s > 0 else '≤'} {show(s * b)}" for t, b in zip(terms, bounds))
            return s, f"each term of f is at its {least} there: {said}"
    return None, ""


def _never(at_point: str, difference: Expr, terms: int, never: str) -> str:
    """'f - f(0, 0) = y² + |x|^(3/2) is a sum of terms that are never negative'."""
    what = "is a sum of terms that are never" if terms > 1 else "is never"
    return f"f - f({at_point}) = {show(difference)} {what} {never}"


def _shifted_terms(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr) -> tuple[Expr, ...]:
    """The terms of f - f(P) in powers of x - a, y - b, each written back in x and y: (y + 2)² and
    |x - 1|^(3/2) for |x - 1|^(3/2) + (y + 2)² at (1, -2), which expanded in x and y has terms of both signs
    (4y). Empty at the origin (the terms of f are these) or where f - f(P) has a constant term left."""
    if all(c == 0 for c in point):
        return ()
    moved = sympy.expand(f.xreplace({v: v + c for v, c in zip(syms, point)}) - value)
    terms = sympy.Add.make_args(moved)
    if any(not t.free_symbols & set(syms) for t in terms):
        return ()
    return tuple(t.xreplace({v: v - c for v, c in zip(syms, point)}) for t in terms)


def _least(term: Expr, syms: Sequence[sympy.Symbol]) -> Expr | None:
    """The least value of a term at real points, where it is plain: 0 for a term never negative, -|c| for
    c·sin(u) or c·cos(u) with u a polynomial (real wherever the variables are). None otherwise."""
    if _never_below(term):
        return sympy.Integer(0)
    coefficient, rest = term.as_coeff_Mul()
    if isinstance(rest, (sympy.sin, sympy.cos)) and rest.args[0].is_polynomial(*syms):
        return -abs(coefficient)
    return None


def _along_lines(f: Expr, syms: Sequence[sympy.Symbol], point: tuple, value: Expr
                 ) -> tuple[int | None, str, tuple[int, str] | None]:
    """0 where f takes values above and below f(P) on the lines through P (f not a polynomial: f's derivatives
    along each line, evaluated exactly, decide it as in one variable): on an axis one f crosses f(P), or one
    shows a strict maximum and the other a strict minimum (cos(x) + y⁴ at the origin); on the other lines of
    `_paths`, f crosses f(P) (sin x + sin y + sin(x + y) is f(P) all along both axes through (π, π), and
    2 sin x + sin 2x, which changes sign there, along y = x). Lines alone never show a minimum: (None, "")
    unless they show both signs. The third: where the axes show one sign only, it and the axis (f lower on
    both sides along it is no minimum, whatever the other shows), else None."""
    seen: dict[int, str] = {}
    for (u, a), values in _paths(syms, point, parabolas=False):
        along = f.xreplace(values)
        s, _ = higher_derivatives(along, u, a)
        if s is None:  # |x| + cos(y) at the origin: a corner along x, where f′'s signs on each side decide
            s, _ = one_sided(along, u, a)
        where = "on the line " + " and ".join(show(Equation(v, c)) for v, c in values.items())
        shown = show(along - value)
        if s == 0:
            return 0, f"{where}, f - f(P) = {shown}, which changes sign at {u.name} = {show(a)}", None
        if s is None or any(e.has(u) for e in values.values()):
            continue  # beyond the axes, only a line where f crosses f(P) is taken: it shows both signs alone
        here = f"{shown} {'>' if s > 0 else '<'} 0 near it {where}"
        if -s in seen:
            above, below = (here, seen[-s]) if s > 0 else (seen[-s], here)
            return 0, f"f - f(P) = {above}, but {below}", None
        seen[s] = here
    return None, "", next(iter(seen.items()), None)


def lowest_power(f: Expr, x: sympy.Symbol, a: Expr, value: Expr) -> tuple[int | None, str]:
    """The sign of f - f(a) on each side of a from its lowest power of |x - a| there: on the right f(a + t) - f(a)
    is a sum of powers c·tʳ of t > 0 (|x|^(3/2) - x² is t^(3/2) - t²), and near a the lowest one outweighs the
    rest, so its coefficient's sign is that of f - f(a); the same on the left, with f(a - t). 1 or -1 where both
    sides agree, 0 where they differ; (None, "") where a side is no such sum (|x| inside a function, sin(|x|))."""
    t = sympy.Dummy("t", positive=True)
    lowest = []
    for turn in (-1, 1):
        powers: dict[Expr, Expr] = {}
        for term in sympy.Add.make_args(sympy.expand(f.xreplace({x: a + turn * t}) - value)):
            coefficient, power = term.as_coeff_exponent(t)
            if coefficient.has(t) or not power.is_Rational or power <= 0:
                return None, ""
            powers[power] = powers.get(power, sympy.Integer(0)) + coefficient
        powers = {r: c for r, c in powers.items() if c != 0}
        if not powers:
            return None, ""
        r = min(powers)
        s = sign(powers[r])
        if not s:
            return None, ""
        lowest.append((s, powers[r] * sympy.Abs(x - a)**r))
    (left, on_left), (right, on_right) = lowest
    gap = show(sympy.Abs(x - a))
    def near(term: Expr) -> str:
        return f"{show(term)} + higher powers of {gap}"
    shown = f"f - f({show(a)})"
    if on_left == on_right:
        return left, f"{shown} = {near(on_left)} on both sides"
    said = f"{shown} = {near(on_left)} just left of it and {near(on_right)} just right of it"
    return (left if left == right else 0), said


def nowhere_below(f: Expr, syms: Sequence[sympy.Symbol], point: tuple) -> str:
    """Why f ≥ f(P) at every real point, where it is a sum of terms each 0 at P and never negative
    (|x|^(3/2) + y² at the origin): then P is a global minimum, whatever other critical points f has. ""
    where that is not shown."""
    s, why = _by_terms(f, syms, point, f.xreplace(dict(zip(syms, point))))
    return why if s == 1 else ""


def nowhere_below_value(f: Expr, syms: Sequence[sympy.Symbol], value: Expr) -> str:
    """Why f ≥ value at every real point, where f is value plus terms each never negative, as written:
    (x - y)² + 3 ≥ 3, all along its line of minima x = y. "" where that is not shown."""
    terms = sympy.Add.make_args(f)
    varying = [t for t in terms if t.free_symbols & set(syms)]
    rest = sympy.Add(*(t for t in terms if not t.free_symbols & set(syms))) - value
    if not varying or rest.is_zero is not True or not all(_never_below(t) for t in varying):
        return _over_never_below(f, value)
    shown = f"f = {show(f)}" if value == 0 else f"{f_less(show(value))} = {show(sympy.Add(*varying))}"
    return f"{shown} {'is a sum of terms that are never' if len(varying) > 1 else 'is never'} negative"


def _over_never_below(f: Expr, value: Expr) -> str:
    """Why f ≥ value where f − value is one fraction of factors never negative: x² + y² + 1/(x² + y²) − 2 is
    (x² + y² − 1)²/(x² + y²), all along its circle of minima (outside check h32, F4). "" where it is not."""
    try:
        with deadline(SOLVE_SECONDS):
            difference = sympy.factor(sympy.together(f - value))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, sympy.PolynomialError):
        return ""
    top, bottom = sympy.fraction(difference)
    if bottom == 1 or not all(_never_below(factor) for part in (top, bottom) for factor in sympy.Mul.make_args(part)):
        return ""
    return f"{f_less(show(value))} = {show(difference)} is never negative"


def _never_below(term: Expr) -> bool:
    """Whether a term is ≥ 0 for every real value of its variables: |x|^(3/2), y², and x^(4/3) (the real
    cube root of x, to the 4th power)."""
    if term.is_nonnegative:
        return True
    coefficient, rest = term.as_coeff_Mul()
    return bool(coefficient > 0 and isinstance(rest, sympy.Pow) and rest.exp.is_Rational
                and rest.exp.p % 2 == 0 and rest.exp.q % 2 == 1 and rest.base.is_real)


def judged(s: int | None, value: str, what: str, dimension: int, why: str) -> ByValues:
    if s is None:
        return ByValues(Nature.UNDECIDED, f"neither the test nor f's values simply decide at this {what}")
    if s == 0:
        nature = Nature.SADDLE if what == "point" and dimension > 1 else Nature.NEITHER
        return ByValues(nature, f"f takes values above and below {value} near {_near(what)} ({why})")
    nature = Nature.MINIMUM if s > 0 else Nature.MAXIMUM
    return ByValues(nature, f"f = {value} {'there' if what == 'point' else 'all along it'} and "
                            f"f {'≥' if s > 0 else '≤'} {value} near {_near(what)} ({why})")


def _near(what: str) -> str:
    return "it" if what == "point" else "each of its points"


_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # f⁽⁴⁾, the order as a superscript, not f⁽4⁾


def higher_derivatives(f: Expr, x: sympy.Symbol, a: Expr, most: int = 12) -> tuple[int | None, str]:
    """The first derivative that is not 0 at a: an even one decides by its sign, an odd one means
    f crosses f(a) there (an inflection)."""
    d = diff(f, x)
    for order in range(2, most + 1):
        d = diff(d, x)
        s = sign(d.xreplace({x: a}))
        if s is None:
            return None, ""
        if s != 0:
            nth = f"the derivatives up to order {order - 1} are 0 there and f⁽{str(order).translate(_RAISED)}⁾ " \
                  f"{sign_text(s)}"
            return (s if order % 2 == 0 else 0), nth
    return None, ""


def one_sided(f: Expr, x: sympy.Symbol, a: Expr) -> tuple[int | None, str]:
    """What the signs of f′ on each side of a say: − then + (f ≥ f(a) nearby, 1), + then − (-1), one sign on
    both (f crosses f(a), 0); None where a side's limit of f′ is 0 or not known (then its sign says nothing
    simply). For a corner, where f′ has no value and no higher derivative does: sin|x| at 0 is a minimum."""
    slope = continuous_signs(diff(_as_near(f, x, a), x))
    try:
        with deadline(SOLVE_SECONDS):
            left, right = (sympy.limit(slope, x, a, side) for side in ("-", "+"))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return None, ""
    # extended: f′ → ∞ is positive (|x|^(2/3) at 0: -∞ then ∞, a cusp; x^(1/3): ∞ on both sides, no extremum)
    signs = [1 if v.is_extended_positive else -1 if v.is_extended_negative else None for v in (left, right)]
    if signs.count(None) == 1 and sympy.S.Zero in (left, right):
        # f′ → 0 on one side only, so it has no value at a: its sign beside a decides (|x| + |sin x| at π: 1 + cos x
        # from the left, 0 at π but positive before it, and 2 from the right, so f rises through π)
        side = signs.index(None)
        signs[side] = sign_beside(slope, x, a, -1 if side == 0 else 1)
    if None in signs:
        return None, ""
    why = f"f′ is {show(left)} from the left and {show(right)} from the right"
    return (signs[1] if signs[0] != signs[1] else 0), why


# functions that jump: an argument holding one may not be continuous at a, so no branch is decided from its value
_JUMPS = (sympy.sign, sympy.Heaviside, sympy.DiracDelta, sympy.floor, sympy.ceiling, sympy.frac, sympy.Piecewise)


def _as_near(f: Expr, x: sympy.Symbol, a: Expr) -> Expr:
    """f as it is on both sides of x = a: each |u|, max and min decided at a (u ≠ 0 there, one argument
    strictly above or below the others), with arguments continuous at a, replaced by the branch it takes
    there. 2·max(1, |y|) - 1 is 1 beside y = 0, and its slope's limit there is 0 at once, where sympy's
    limit of 2·sign(y)·θ(|y| - 1) ran for ten seconds before giving up."""
    if not f.has(sympy.Abs, sympy.Max, sympy.Min):
        return f

    def at_a(u: Expr) -> Expr | None:
        if u.has(*_JUMPS):
            return None
        value = u.xreplace({x: a})
        return value if value.is_extended_real and value.is_finite else None

    def settled(e: Expr) -> Expr:
        if e.is_Atom or not e.has(sympy.Abs, sympy.Max, sympy.Min):
            return e
        args = tuple(settled(arg) for arg in e.args)
        if args != e.args:
            e = e.func(*args)
        if isinstance(e, sympy.Abs):
            value = at_a(e.args[0])
            s = None if value is None else sign(value)
            return s * e.args[0] if s else e
        if isinstance(e, (sympy.Max, sympy.Min)):
            found = [at_a(arg) for arg in e.args]
            if None in found:
                return e
            values = cast(list[Expr], found)
            pick = 1 if isinstance(e, sympy.Max) else -1
            for arg, value in zip(e.args, values):
                if all(other is arg or sign(pick * (value - v)) == 1 for other, v in zip(e.args, values)):
                    return arg
        return e

    return settled(f)


@metered_cache(1024)  # asked for again of one f, by a minimum's search for the ends and for what lies beyond them
def real_domain(f: Expr, x: sympy.Symbol) -> sympy.Set:
    """Where f(x) has a value, and is continuous, as sympy's continuous_domain finds it, with sign(u) read as 1:
    real_powers writes an odd root so (∛x = sign(x)∛|x|), which has a value everywhere, and sympy raises
    NotImplementedError for sign (√x + ∛(x + 8) had no end of its domain: outside check h50, N2). A polynomial's
    is every x, without sympy's search (a millisecond of each quadratic's minimum)."""
    if f.is_polynomial(x):
        return sympy.S.Reals
    return continuous_domain(f.replace(lambda e: isinstance(e, sympy.sign), lambda e: sympy.Integer(1)), x,
                             sympy.S.Reals)


def domain_ends(f: Expr, x: sympy.Symbol, region: Region | None, any_slope: bool = False) -> list[CriticalPoint]:
    """The ends of f's domain where f has a value and f′ none, infinite from the side f has values on (√x at 0),
    and f's values there show a local minimum or maximum: critical, as a cusp is. With any_slope, the ends where
    f′ from that side is a number other than 0 too (x^(3/2) + x at 0, where it is 1): no critical point, but where
    f is least nearby a local minimum all the same, as minimize asks for (outside check h46, N4: "no local
    minimum" for x^(3/2) + x, least at 0)."""
    try:
        with deadline(SOLVE_SECONDS):
            domain = real_domain(f, x)
            if domain == sympy.S.Reals:
                return []  # no end: sympy's sets would take longer to say so than f took to be solved
            ends = domain.boundary.intersect(domain)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return []
    if not isinstance(ends, sympy.FiniteSet):
        return []
    found = []
    for at in ends:
        s, why = at_edge(f, x, at)
        # at_edge says f′'s limit there "from the right" where it is not 0 (where it is, the end is a zero of f′)
        if s not in (1, -1) or "∞" not in why and not (any_slope and " from the " in why):
            continue
        decided = judged(s, show(f.xreplace({x: at})), "point", 1, why)
        point = (at,)
        found.append(CriticalPoint(point, region.contains(point) if region else None,
                                   no_test(why, f"an end of f's domain: {why}"), decided, why, edge=True))
    return found


def at_edge(f: Expr, x: sympy.Symbol, a: Expr) -> tuple[int | None, str]:
    """Where a is an edge of f's domain (x^(3/2) at 0: f has no value for x < 0), the sign of f - f(a) on the
    side f has values, from f′'s sign just beside a there: 1 where f rises from a (f ≥ f(a) at every point near
    it where f has a value), -1 where it falls; (None, "") where a is no edge or f′'s sign there is not found."""
    try:
        with deadline(SOLVE_SECONDS):
            domain = real_domain(f, x)
            below = domain.intersect(sympy.Interval.open(-sympy.oo, a))
            above = domain.intersect(sympy.Interval.open(a, sympy.oo))
            gap_below = below.is_empty or bool(below.sup < a)
            gap_above = above.is_empty or bool(above.inf > a)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return None, ""
    if gap_below == gap_above:  # f has values on both sides of a, or on neither (no point of f's near a)
        return None, ""
    side = 1 if gap_below else -1
    slope = continuous_signs(diff(f, x))
    try:
        with deadline(SOLVE_SECONDS):
            limit = sympy.limit(slope, x, a, "+" if side > 0 else "-")
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return None, ""
    rises = 1 if limit.is_extended_positive else -1 if limit.is_extended_negative else \
        sign_beside(slope, x, a, side) if limit == 0 else None
    if rises is None:
        return None, ""
    s = rises * side  # rising to the right of a, or falling to its left, leaves f above f(a)
    # the stretch beside a with no value of f: x < 0 for √x, -1 < x < 1 for √(x² - 1) at either end
    gap = sympy.Interval.open(-sympy.oo if below.is_empty else below.sup, a) if side > 0 else \
        sympy.Interval.open(a, sympy.oo if above.is_empty else above.inf)
    where = interval_text(gap, x.name) if gap.measure.is_finite else f"{x.name} {'<' if side > 0 else '>'} {show(a)}"
    beside = f"{x.name} just {'above' if side > 0 else 'below'} {show(a)}"
    slope_there = f"f′ is {'positive' if rises > 0 else 'negative'} for {beside}" if limit == 0 else \
        f"f′ is {show(limit)} from the {'right' if side > 0 else 'left'}"
    return s, f"f has no value for {where}, and {slope_there}"


def sign_beside(slope: Expr, x: sympy.Symbol, a: Expr, side: int, limit_first: bool = False) -> int | None:
    """The sign of f′ just beside a, on the side (-1 left, 1 right): that of the first of f′/(x − a)ⁿ, n = 1, 2, 3
    (from n = 0, f′ itself, with limit_first: 2x + 2/x is -∞ left of 0) with a limit other than 0 there, times
    the sign of (x − a)ⁿ on that side."""
    for n in range(0 if limit_first else 1, 4):
        try:
            with deadline(SOLVE_SECONDS):
                limit = sympy.limit(slope / (x - a)**n, x, a, "-" if side < 0 else "+")
        except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError, ZeroDivisionError):
            return None
        if limit.is_extended_positive or limit.is_extended_negative:
            return (1 if limit.is_extended_positive else -1) * side**n
        if limit != 0:
            return None
    return None


_MOST_FACTORED = 24  # the total degree of f - f(P) factored to decide a point by f's values


def _sign_near(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """The sign of g near the point where g = 0: 1 (g ≥ 0), -1 (g ≤ 0), 0 (both signs), None (unknown).

    g is factored; a factor that is not 0 at the point keeps its sign nearby, an even power is
    never negative, and an odd power of a factor whose zero set passes smoothly through the point
    changes sign across it. Factoring is tried only up to degree _MOST_FACTORED (sympy's multivariate
    factoring of x¹⁰⁰⁰ + y² runs for minutes); first, g may be definite as it stands.
    """
    definite = _definite(g, syms, point)
    return definite if definite is not None else _sign_by_factors(g, syms, point)


def _sign_by_factors(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """The sign of g near the point, from its factors (as _sign_near, without first trying g as it stands)."""
    if Poly(g, *syms).total_degree() > _MOST_FACTORED:
        return None
    constant, pairs = sympy.factor_list(g, *syms)
    values = dict(zip(syms, point))
    total, unknown = 1 if constant > 0 else -1, False  # a nonzero rational
    for factor, power in pairs:
        s = sign(factor.xreplace(values))
        if s is None:
            return None
        if s != 0:
            total *= s**power
        elif power % 2:
            if any(sign(sympy.diff(factor, v).xreplace(values)) != 0 for v in syms):
                return 0
            definite = _definite(factor, syms, point)
            if definite is None:
                unknown = True
            else:
                total *= definite
    return None if unknown else total


_MOST_ALONG = 48  # the total degree of f - f(P) restricted to lines and parabolas through a point


_SLOPES = (0, 1, -1, 2, -2, sympy.Rational(1, 2), -sympy.Rational(1, 2))


def _sign_along_paths(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """0 and the path that shows it, when g takes both signs arbitrarily near the point on some line or
    parabola through it; (None, "") when none of them shows it.

    On a path through the point g is a polynomial in one variable; its lowest power of (u - a) decides
    its sign near a: an odd power changes sign (on x = 0, x² + y³ is y³), and two paths whose lowest
    powers are even with coefficients of opposite signs show both signs too. Only a witness decides:
    paths alone never show a minimum (g can be ≥ 0 on every line and still < 0 between two parabolas).
    """
    if len(syms) < 2 or Poly(g, *syms).total_degree() > _MOST_ALONG:
        return None, ""
    names = [s.name for s in syms]
    seen: dict[int, str] = {}  # the sign of an even lowest power, and where it was seen
    for (u, a), values in _paths(syms, point):
        shifted = Poly(sympy.expand(g.xreplace(values).xreplace({u: u + a})), u)  # in powers of u - a
        if shifted.is_zero:
            continue  # g is 0 all along it: no sign here
        lowest = min(m for (m,) in shifted.monoms())
        term = shifted.coeff_monomial(u**lowest) * (u - a)**lowest
        shown = show(term, names) if len(shifted.terms()) == 1 else \
            f"{show(term, names)} + higher powers of {show(u - a, names) if a == 0 else f'({show(u - a, names)})'}"
        shape = "line" if all(sympy.degree(e, u) <= 1 for e in values.values()) else "parabola"
        where = f"on the {shape} {' and '.join(show(Equation(v, e), names) for v, e in values.items())}"
        if lowest % 2:
            return 0, f"{where}, f - f(P) = {shown}, which changes sign at {u.name} = {show(a)}"
        s = sign(shifted.coeff_monomial(u**lowest))
        if s is not None and -s in seen:
            here = f"{shown} {where}"
            above, below = (here, seen[-s]) if s > 0 else (seen[-s], here)
            return 0, f"f - f(P) = {above}, but {below}"
        if s is not None:
            seen.setdefault(s, f"{shown} {where}")
    return None, ""


_MOST_SQUARED = 12  # squares completed before a point is left undecided (each raises the next power of v)


def _completed_square(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """The sign of g near the point where its quadratic part is one square c·u² (D = 0, not all 0), by
    completing the square: u → w = u − p(v) until g = c·w² + a·vᵏ + terms of higher weight, where w
    counts as v^(k/2). Then c·w² + a·vᵏ outweighs those terms near the point, so that with k even and a
    of c's sign, g has that sign there (0 only at the point). With k odd, or a of the other sign, g takes
    both signs: on the curve w = 0 it is a·vᵏ + higher powers, on the line v = 0 c·u² + higher powers,
    a witness that needs no weights. Two variables only; (None, "") where the squares run out first
    (g = c·w² exactly: a whole curve at f(P), which this does not decide)."""
    if len(syms) != 2:
        return None, ""
    x, y = syms
    shifted = _shifted(g, syms, point)
    if shifted.total_degree() > _MOST_ALONG:
        return None, ""
    A, B, C = (shifted.coeff_monomial(m) for m in (x**2, x * y, y**2))
    if B**2 != 4 * A * C or (A == 0 and C == 0):
        return None, ""
    u, v = sympy.Dummy("u"), sympy.Dummy("v")
    # the quadratic part is c·u²: u = x + t·y, v = y where it has x² (A ≠ 0); else (B = 0) u = y, v = x
    (across, a), (runs, b) = zip(syms, point) if A != 0 else reversed(list(zip(syms, point)))
    t, c = (B / (2 * A), A) if A != 0 else (sympy.Integer(0), C)
    h = Poly(sympy.expand(shifted.as_expr().xreplace({across: u - t * v, runs: v})), u, v)
    lifted = sympy.Integer(0)  # p(v), with w = u − p(v)
    for _ in range(_MOST_SQUARED):
        along = {j: coefficient for (i, j), coefficient in h.terms() if i == 0}  # g on the curve w = 0
        linear = {j: coefficient for (i, j), coefficient in h.terms() if i == 1}
        k, first = min(along, default=None), min(linear, default=None)
        if k is not None and (first is None or 2 * first > k):
            # w and v in the point's own coordinates: x - a, y - b
            depth = runs - b
            w = (across - a) + t * depth - lifted.xreplace({v: depth})
            return _by_squares(c, w, along[k] * depth**k, len(h.terms()) > 2 or len(along) > 1, k,
                               (across, a), (runs, b), [s.name for s in syms])
        if first is None or h.total_degree() > _MOST_ALONG:
            return None, ""
        step = -linear[first] / (2 * c) * v**first  # c·u² + β·u·vʲ = c·(u + β·vʲ/(2c))² − β²·v²ʲ/(4c)
        lifted += step
        h = Poly(sympy.expand(h.as_expr().xreplace({u: u + step})), u, v)
    return None, ""


def _by_squares(c: Expr, w: Expr, leading: Expr, more: bool, k: int, across: tuple[sympy.Symbol, Expr],
                runs: tuple[sympy.Symbol, Expr], names: list[str]) -> tuple[int, str]:
    """`_completed_square`'s sign, and why: g = c·w² + leading (+ terms of higher weight, where `more`)."""
    (x, a), (y, b) = across, runs
    if k % 2 == 0 and sign(leading.xreplace({y: b + 1})) == sign(c):
        why = f"f - f(P) = {show(c * w**2 + leading, names)}" + (" + terms these outweigh near it" if more else "")
        return (1 if c > 0 else -1), why
    (curve,) = sympy.solve(w, x)  # w is x − a minus a polynomial in y
    degree = sympy.degree(curve, y)
    shape = "line" if degree <= 1 else "parabola" if degree == 2 else "curve"
    def higher(shift: Expr) -> str:
        return f"higher powers of {show(shift, names) if shift.is_Symbol else f'({show(shift, names)})'}"

    on_curve = f"{show(leading, names)} + {higher(y - b)}"
    where = f"the {shape} {show(Equation(x, curve), names)}"
    if k % 2:
        return 0, f"on {where}, f - f(P) = {on_curve}, which changes sign at {y.name} = {show(b)}"
    on_line = f"{show(c * (x - a)**2, names)} + {higher(x - a)} on the line {show(Equation(y, b), names)}"
    on = f"{on_curve} on {where}"
    above, below = (on_line, on) if c > 0 else (on, on_line)
    return 0, f"f - f(P) = {above}, but {below}"


def _lowest_terms(g: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> tuple[int | None, str]:
    """The sign of g near the point from its lowest-degree terms alone: q, of degree d in x − a and y − b.

    On a circle of radius r about the point q is rᵈ times its value on the unit circle, and the other
    terms are O(rᵈ⁺¹). So where q > 0 in every direction (definite), g > 0 near the point except at it: a
    strict minimum (q < 0: a maximum); where q takes both signs, g takes them near it on the lines where q
    does: a saddle. Where q is 0 in some direction and of one sign in the others (semidefinite: (x² − y²)²,
    or x² in x² + y⁴), the higher terms decide, which this does not: (None, "").

    On the line y − b = t(x − a), q is (x − a)ᵈ·q(1, t), and on x = a it is c·(y − b)ᵈ (c: q's coefficient
    of yᵈ), so q(1, t)'s real roots, its signs between them and c's tell q's sign in every direction,
    exactly. Two variables only."""
    if len(syms) != 2:
        return None, ""
    x, y = syms
    a, b = point
    shifted = _shifted(g, syms, point)
    if shifted.is_zero or shifted.total_degree() > _MOST_ALONG:
        return None, ""
    names = [s.name for s in syms]
    d = min(i + j for i, j in shifted.monoms())
    lowest = {j: c for (i, j), c in shifted.terms() if i + j == d}  # the coefficient of xᵈ⁻ʲyʲ
    t = sympy.Symbol(next(n for n in ("m", "k", "t", "s") if n not in names))  # the slope
    on_slope = Poly(sum(c * t**j for j, c in lowest.items()), t)  # q(1, t)
    steep = lowest.get(d, sympy.Integer(0))
    marks = list(real_roots(on_slope)) if on_slope.degree() > 0 else []
    u, v = x - a, y - b
    form = sum(c * u**(d - j) * v**j for j, c in lowest.items())
    # q along lines through the point, the simplest first: x = a, y = b, then one slope in each gap of q(1, t)'s roots
    lines = [(Equation(x, a), steep * v**d), *((Equation(y, b + s * u), on_slope.as_expr().xreplace({t: s}) * u**d)
                                                for s in dict.fromkeys([sympy.Integer(0), *samples_between(marks)]))]
    seen = {sign(along.xreplace({x: a + 1, y: b + 1})): (line, along) for line, along in reversed(lines)}
    whole = len(shifted.terms()) == len(lowest)  # g is q: nothing else to outweigh
    terms = f"f - f(P) = {show(form, names)}" if whole else \
        f"the lowest-degree terms of f - f(P), {show(form, names)},"
    is_ = "is" if whole else "are"
    outweigh = "" if whole else ", so near it they outweigh the rest"

    def on(line: Equation, along: Expr) -> str:
        return f"{show(along, names)} on the line {show(line, names)}"

    if d % 2 and (1 in seen or -1 in seen):  # q(-h, -k) = -q(h, k): where q is not 0 on a line, it changes sign
        line, along = seen.get(1) or seen[-1]
        return 0, f"{terms} {is_} {on(line, along)}, which changes sign at the point{outweigh}"
    if 1 in seen and -1 in seen:
        return 0, f"{terms} {is_} {on(*seen[1])} but {on(*seen[-1])}{outweigh}"
    s = sign(steep)
    if marks or not s:
        return None, ""  # 0 along some line: semidefinite
    slope = Equation(y, b + t * u)
    return s, (f"{terms} {is_} {'> 0' if s > 0 else '< 0'} in every direction from the point: "
               f"{show(on_slope.as_expr() * u**d, [*names, t.name])} on the line {show(slope, [t.name, *names])}, "
               f"where {show(on_slope.as_expr(), [t.name])} has no real root, and {on(*lines[0])}{outweigh}")


def _paths(syms: Sequence[sympy.Symbol], point: Sequence[Expr], parabolas: bool = True):
    """Lines and parabolas through the point, in a plane of two of the variables (the others fixed at
    the point's), simplest first: each as (the variable that runs along it, its value at the point)
    and the values of the others in terms of it. `parabolas`: else the lines only."""
    at = dict(zip(syms, point))
    pairs = list(itertools.combinations(syms, 2))
    axes = [(u, {v: at[v] for v in syms if v != u}) for u in syms]
    lines = [(u, {v: at[v] + c * (u - at[u])}) for u, v in pairs for c in _SLOPES if c != 0]
    curved = [(u, {v: at[v] + c * (u - at[u])**2}) for a, b in pairs for u, v in ((a, b), (b, a))
              for c in (1, -1)] if parabolas else []
    for u, moved in (*axes, *lines, *curved):
        fixed = {w: at[w] for w in syms if w != u and w not in moved}
        yield (u, at[u]), {**moved, **fixed}


def _definite(factor: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> int | None:
    """1 or -1 when the factor, written in powers of (x - a), (y - b), has only even powers and
    coefficients of one sign (x⁴ + y⁴ ≥ 0); None otherwise."""
    shifted = _shifted(factor, syms, point)
    signs = {sign(c) for monomial, c in shifted.terms() if all(e % 2 == 0 for e in monomial)}
    if len(signs) != 1 or any(any(e % 2 for e in monomial) for monomial, _ in shifted.terms()):
        return None
    return signs.pop()


def _shifted(factor: Expr, syms: Sequence[sympy.Symbol], point: Sequence[Expr]) -> Poly:
    """The factor in powers of x - a, y - b (the point's coordinates), as a polynomial in x, y."""
    return Poly(sympy.expand(factor.xreplace({v: v + c for v, c in zip(syms, point)})), *syms)


def pieces_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol],
            value: Expr | None, holes: Sequence[tuple[Expr, ...]] = ()) -> tuple[Piece, ...]:
    """The nature of the points of a critical line (or curve), stretch by stretch, from f's values: for f a
    ratio of polynomials, from the factors of f - value's numerator and denominator (x/y + y/x - 2 =
    (x - y)²/(xy), ≥ 0 near x = y but at its hole (0, 0), where f has no value and the line has no point)."""
    if len(syms) != 2 or len(equations) != 1 or value is None or not value.is_Rational:
        return ()
    polynomial = rational_polynomial(f, syms) is not None
    if not polynomial and (not holes or rational_ratio(f, syms) is None):
        return ()
    (equation,) = equations
    g = sympy.expand(f - value) if polynomial else sympy.cancel(sympy.together(f - value))
    top, bottom = sympy.fraction(g)
    constant, pairs = sympy.factor_list(top, *syms)
    if not polynomial:  # a factor below changes g's sign as one above does: 1/(xy) as xy
        below, lower = sympy.factor_list(bottom, *syms)
        constant, pairs = constant / below, pairs + lower
    curve = equation.lhs - equation.rhs
    own = sum(power for factor, power in pairs if sympy.rem(factor, curve, *syms) == 0
              and Poly(factor, *syms).total_degree() == Poly(curve, *syms).total_degree())
    shown_value = show(value)
    if own % 2:
        return (Piece("", None, Nature.NEITHER,
                      f"f takes values above and below {shown_value} on either side of it"),)
    line = isinstance(equation.lhs, sympy.Symbol) and Poly(curve, *syms).total_degree() == 1
    others = [(factor, power) for factor, power in pairs if sympy.rem(factor, curve, *syms) != 0]
    if not line:
        if others:
            return ()
        return (piece_of("", None, sign(constant), shown_value),)
    u = next(s for s in syms if s != equation.lhs)
    on_line = {equation.lhs: equation.rhs}
    along = [(Poly(sympy.expand(factor.xreplace(on_line)), u), power) for factor, power in others]
    marks = sort_exactly(dict.fromkeys(r for poly, _ in along if poly.degree() > 0 for r in real_roots(poly)))
    pieces: list[Piece] = []
    bounds = [-sympy.oo, *marks, sympy.oo]
    for k, (low, high) in enumerate(pairwise(bounds)):
        middle = samples_between(marks)[k]
        s = sign(constant)
        for poly, power in along:
            s *= sign(poly.as_expr().xreplace({u: middle}))**power
        pieces.append(piece_of(u.name, sympy.Interval.open(low, high), s, shown_value))
        if high != sympy.oo:
            point = tuple(high if v == u else equation.rhs.xreplace({u: high}) for v in syms)
            if point in holes:
                continue
            if not polynomial:  # a point of the line where the numerator's other factors are 0: not decided here
                pieces.append(piece_of(u.name, sympy.FiniteSet(high), None, shown_value))
                continue
            pieces.append(piece_of(u.name, sympy.FiniteSet(high), _sign_near(g, syms, point), shown_value))
    merged = merged_pieces(pieces)
    # its points but the holes, all of one nature: the whole line, as the holes are said apart
    gaps = sympy.FiniteSet(*(p[syms.index(u)] for p in holes))
    return tuple(Piece("", None, p.nature, p.reason) if holes and p.along == sympy.S.Reals - gaps else p
                 for p in merged)


def f_less(value: str) -> str:
    """f less a value written: f - 2, and f + 2 for -2, never f - -2."""
    return f"f + {value[1:]}" if value.startswith("-") else f"f - {value}"


def piece_of(variable: str, along: sympy.Set | None, s: int | None, value: str, why: str = "") -> Piece:
    judgement = judged(s, value, "set", 2, why or "from the factors of " + f_less(value))
    return Piece(variable, along, judgement.nature, judgement.reason)


def merged_pieces(pieces: list[Piece]) -> tuple[Piece, ...]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].nature == piece.nature:
            last = merged.pop()
            piece = Piece(piece.variable, sympy.Union(last.along, piece.along), piece.nature, piece.reason)
        merged.append(piece)
    return tuple(merged)


def cut(pieces: Sequence[Piece], extent: sympy.Set | None, variable: sympy.Symbol | None) -> tuple[Piece, ...]:
    """The pieces of a set, cut to the part of it in the region (extent: the free variable's values there)."""
    if extent is None or variable is None:
        return tuple(pieces)
    cut = []
    for piece in pieces:
        along = extent if piece.along is None else piece.along.intersect(extent)
        if not along.is_empty:
            cut.append(Piece(variable.name, along, piece.nature, piece.reason))
    return tuple(cut)
