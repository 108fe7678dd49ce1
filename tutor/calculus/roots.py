"""Real roots and real solutions of polynomial equations, exactly, and exact comparison of real numbers.

A root is given exactly and in its simplest honest form: a rational number, a
square root (x² - 2 = 0 gives ±√2), or, when no real radical form exists (the
casus irreducibilis of 4x³ - 6x + 1 = 0), sympy's CRootOf: the k-th real root
of an irreducible polynomial, isolated in an interval with rational ends, so it
can be compared and evaluated to any precision. Nothing here converts a
possibly complex number with float().

Two equations p(x, y) = 0, q(x, y) = 0 without a common factor have finitely
many solutions. They are found by elimination: the resultant R(w) of p and q
with respect to x, where w = y + t·x, vanishes at w exactly when a solution lies
on the line y + t·x = w. For each irreducible factor r of R, the solutions on
those lines are the common roots of p and q in the field Q(w₀) (w₀ a root of r),
found by Euclid's algorithm in that field. When every such line holds at most
one solution (t "separates" them; t = 0, 1, -1, 2, … is tried in turn), the
solution is x₀ = h(w₀) for a polynomial h with rational coefficients, which is
exact; each coordinate is then written in its own simplest form.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

import sympy
from sympy import Expr, Poly
from sympy.polys.matrices import DomainMatrix

from ..budget import metered_cache
from ..parse import fraction, to_sympy
from .common import DIGITS, SolveError, is_algebraic, sign

_SHEARS = (0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 11, -11)  # t in w = y + t·x, tried in turn


# ------------------------------------------------------------------ comparing reals


def compare(a: Expr, b: Expr) -> int:
    """-1, 0 or 1 as a <, =, > b, for real constants; exact (never a rounded guess)."""
    if a == b:
        return 0
    if isinstance(a, sympy.CRootOf) and isinstance(b, sympy.CRootOf) and a.poly == b.poly \
            and a.is_real and b.is_real:
        return -1 if a.index < b.index else 1  # a polynomial's real roots are numbered in order
    s = sign(to_sympy(a) - to_sympy(b))
    if s is None:
        raise SolveError(f"can't compare {a} with {b} exactly")
    return s


def rational_between(a: Expr, b: Expr) -> Expr:
    """A rational number strictly between the reals a < b (a short one where possible)."""
    digits = DIGITS
    while digits <= 1000:
        for shorter in range(1, digits):  # the fewest decimals that fit: 0.5 rather than 0.4999…
            middle = sympy.Rational(str(((a.evalf(digits) + b.evalf(digits)) / 2).evalf(shorter)))
            if compare(a, middle) < 0 < compare(b, middle):
                return middle
        digits *= 2
    raise SolveError("two numbers are too close to tell apart")


def as_real(value: Expr) -> Expr | None:
    """value as an exact real number (a CRootOf for a real root written with i), or None if not real."""
    if value.is_extended_real:
        return value
    if value.is_extended_real is False or value.has(sympy.zoo, sympy.nan):
        return None
    imaginary = sign(sympy.im(value))
    if imaginary != 0:
        return None  # not real, or can't be told: either way not a point to report as exact
    if is_algebraic(value):
        return own_root(value, sympy.re(value))
    return sympy.re(value)


def own_root(value: Expr, near: Expr | None = None) -> Expr | None:
    """An algebraic number as the real root of its own minimal polynomial that it is (or that is nearest `near`):
    a rational, a radical, or a CRootOf; None where that polynomial has no real root."""
    t = sympy.Dummy("t")
    roots = real_roots(Poly(sympy.minimal_polynomial(value, t), t))
    return _nearest(roots, value if near is None else near) if roots else None


def simple_near(root: float) -> list[Expr]:
    """The fractions p/q and fractions of π pπ/q, q ≤ 12, within 10⁻⁹ of root: the candidates for it exactly."""
    near = []
    for unit in (sympy.Integer(1), sympy.pi):
        ratio = Fraction(root / float(unit)).limit_denominator(12)
        candidate = sympy.Rational(ratio.numerator, ratio.denominator) * unit
        if abs(float(candidate) - root) <= 1e-9 * max(1.0, abs(root)):
            near.append(candidate)
    return near


def sort_exactly(values: Iterable, key=lambda v: v) -> list:
    """Sorted by exact comparison; tuples (points) lexicographically."""
    def order(a, b) -> int:
        a, b = key(a), key(b)
        if isinstance(a, tuple):
            return next((c for c in (compare(p, q) for p, q in zip(a, b)) if c), 0)
        return compare(a, b)
    return sorted(values, key=functools.cmp_to_key(order))


# ------------------------------------------------------------------ one variable


def rational_polynomial(expr: Expr, gens: Sequence[sympy.Symbol]) -> Poly | None:
    """expr as a polynomial with rational coefficients in gens, or None if it is not one."""
    return _rational_polynomial(expr, tuple(gens))


# One variant's function is asked for as a polynomial several times (is it one? its minimum, its
# critical points' domain, is it bounded below?): a Poly is immutable, so it is made once.
@metered_cache(4096)
def _rational_polynomial(expr: Expr, gens: tuple[sympy.Symbol, ...]) -> Poly | None:
    terms = rational_terms(expr, gens) if gens else None
    if terms is not None:  # the Poly sympy would make, from its terms (without sympy's own expanding)
        if all(c.denominator == 1 for c in terms.values()):
            return Poly.from_dict({m: int(c) for m, c in terms.items()}, *gens, domain=sympy.ZZ)
        return Poly.from_dict({m: to_sympy(c) for m, c in terms.items()}, *gens,
                              domain=sympy.QQ)
    try:
        poly = Poly(expr, *gens)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    return poly.retract() if poly.domain != sympy.QQ else poly


Monomial = tuple[int, ...]  # a power of each generator
_MAX_POWER = 64  # a higher power is left to sympy (it decides how large a polynomial it expands)


def rational_terms(expr: Expr, gens: Sequence[sympy.Symbol]) -> dict[Monomial, Fraction] | None:
    """expr multiplied out, as its nonzero coefficients by monomial (a power of each of gens), where
    expr is built of gens and rational numbers with sums, products and whole powers up to
    _MAX_POWER; None otherwise. A tree whose terms cancel gives {}."""
    return _rational_terms(expr, {g: i for i, g in enumerate(gens)})


def _rational_terms(e: Expr, index: dict[sympy.Symbol, int]) -> dict[Monomial, Fraction] | None:
    if e.is_Rational:
        return {(0,) * len(index): fraction(e)} if e else {}
    if e.is_Symbol:
        if e not in index:
            return None
        return {tuple(int(i == index[e]) for i in range(len(index))): Fraction(1)}
    if e.is_Add or e.is_Mul:
        parts = [_rational_terms(a, index) for a in e.args]
        if any(p is None for p in parts):
            return None
        combine = _sum if e.is_Add else _product
        return functools.reduce(combine, parts)  # type: ignore[arg-type]
    if e.is_Pow and e.exp.is_Integer and 0 <= e.exp <= _MAX_POWER:
        base = _rational_terms(e.base, index)
        if base is None:
            return None
        power = {(0,) * len(index): Fraction(1)}
        for _ in range(int(e.exp)):
            power = _product(power, base)
        return power
    return None


def _sum(a: dict[Monomial, Fraction], b: dict[Monomial, Fraction]) -> dict[Monomial, Fraction]:
    total = dict(a)
    for monomial, c in b.items():
        total[monomial] = total.get(monomial, 0) + c
    return {m: c for m, c in total.items() if c}


def _product(a: dict[Monomial, Fraction], b: dict[Monomial, Fraction]) -> dict[Monomial, Fraction]:
    product: dict[Monomial, Fraction] = {}
    for m, c in a.items():
        for n, d in b.items():
            monomial = tuple(i + j for i, j in zip(m, n))
            product[monomial] = product.get(monomial, 0) + c * d
    return {m: c for m, c in product.items() if c}


def real_roots(poly: Expr | Poly, x: sympy.Symbol | None = None) -> tuple[Expr, ...]:
    """The distinct real roots of a nonzero polynomial with rational coefficients, ascending."""
    poly = poly if isinstance(poly, Poly) else Poly(poly, x)
    if poly.is_zero:
        raise SolveError("every number is a root of the zero polynomial")
    if poly.degree() <= 0:
        return ()
    # the distinct roots are the square-free part's, each once: (t² − 1)² isolated as t² − 1, where sympy's
    # refinement of a repeated root once ran for good in a test run (its root cache filled by the tests before);
    # and t² − 1's own are found without sympy's isolation, whose sort of the cached intervals (-1, -1) and another
    # ran for good too (a quick start's run of the suite, 2026-12-06)
    square_free = poly.sqf_part()
    rational = _rational_roots(square_free)
    return rational if rational is not None else tuple(square_free.real_roots())


def _rational_roots(poly: Poly) -> tuple[Expr, ...] | None:
    """The real roots of a line or a quadratic with rational coefficients when they are rational
    (or there are none), as sympy would give them, without its root isolation; None otherwise."""
    if poly.degree() > 2 or len(poly.gens) != 1 or poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    coefficients = [sympy.Rational(c) for c in poly.all_coeffs()]
    if len(coefficients) == 2:
        a, b = coefficients
        return (-b / a,)
    a, b, c = coefficients
    discriminant = b**2 - 4 * a * c
    if discriminant < 0:
        return ()
    root = _rational_sqrt(discriminant)
    if root is None:
        return None
    return tuple(sorted({(-b - root) / (2 * a), (-b + root) / (2 * a)}))


def _rational_sqrt(value: sympy.Rational) -> sympy.Rational | None:
    p, q = math.isqrt(value.p), math.isqrt(value.q)
    return sympy.Rational(p, q) if p * p == value.p and q * q == value.q else None


# sympy's factoring over the integers takes 0.1 s on 100x⁹⁹ - 1, seconds at degree 200, and hours at 1,000
MOST_DEGREE = 100


# ------------------------------------------------------------------ two variables


class TooHigh(SolveError):
    """Solving two polynomial equations would mean solving one in one variable past MOST_DEGREE."""


def real_solutions(p: Expr, q: Expr, x: sympy.Symbol, y: sympy.Symbol) -> tuple[tuple[Expr, Expr], ...]:
    """The real solutions of p = q = 0 (polynomials with rational coefficients, no common factor)."""
    coordinates = _Coordinates(p, q, x, y)
    for t in _SHEARS:
        found = _solutions_on_lines(p, q, x, y, t, coordinates)
        if found is not None:
            return tuple(sort_exactly(dict.fromkeys(found)))
    raise SolveError("the equations' solutions could not be separated; they may have a common factor")


class _Coordinates:
    """The real numbers a coordinate of a solution can be: the real roots of the resultant that
    eliminates the other variable (computed when first needed)."""

    def __init__(self, p: Expr, q: Expr, x: sympy.Symbol, y: sympy.Symbol):
        self.p, self.q, self.x, self.y = p, q, x, y
        self.found: dict[sympy.Symbol, tuple[Expr, ...]] = {}

    def of(self, variable: sympy.Symbol) -> tuple[Expr, ...]:
        if variable not in self.found:
            other = self.y if variable == self.x else self.x
            eliminated = Poly(sympy.resultant(self.p, self.q, other), variable)
            roots = [root for factor, _ in eliminated.factor_list()[1] for root in real_roots(factor)]
            self.found[variable] = tuple(roots)
        return self.found[variable]


def _solutions_on_lines(p: Expr, q: Expr, x: sympy.Symbol, y: sympy.Symbol, t: int,
                        coordinates: _Coordinates) -> list | None:
    """The solutions, through the lines y + t·x = w; None when t doesn't separate them."""
    w = sympy.Dummy("w")
    P = Poly(sympy.expand(p.xreplace({y: w - t * x})), x, w, domain=sympy.QQ)
    Q = Poly(sympy.expand(q.xreplace({y: w - t * x})), x, w, domain=sympy.QQ)
    if P.degree(x) < Q.degree(x):
        P, Q = Q, P
    if P.degree(x) <= 0:
        return None  # neither has x along these lines: another t brings it in
    eliminant = Poly(P.resultant(Q).as_expr(), w) if Q.degree(x) > 0 else Poly(Q.as_expr(), w)
    if eliminant.is_zero:
        raise SolveError("the equations have a common factor, so their solutions form a curve")
    if eliminant.degree() > MOST_DEGREE:  # 100x⁹⁹ = y, 100y⁹⁹ = x: 9,801, whose factoring never ends
        raise TooHigh(f"two polynomial equations of degree {Poly(p).total_degree()} and {Poly(q).total_degree()} "
                      f"together come to one in one variable of degree {eliminant.degree()}: the tutor solves those "
                      f"exactly up to degree {MOST_DEGREE}")
    first = _first_subresultant(P, Q, x, w)
    points = []
    for r, _ in eliminant.factor_list()[1]:
        # a factor's real roots isolated, not counted first: sympy's count of a degree-86 factor's, by Sturm's
        # sequence, ran for minutes (∇f of a degree-12 f, outside check h62, F4), where isolating them takes a second
        roots = real_roots(r) if r.degree() >= 1 else ()
        if not roots:
            continue
        if r.degree() == 1:
            points += _on_rational_line(P, Q, x, r, t)
            continue
        root_of = _single_common_root(P, Q, x, r, first)
        if root_of is None:
            return None
        for w0 in roots:
            x0 = root_of(w0)
            if x0 is None:
                continue
            if r.degree() == 2:
                x0 = sympy.radsimp(sympy.expand(x0))
                points.append((x0, sympy.radsimp(sympy.expand(w0 - t * x0))))
            else:
                y0 = w0 if t == 0 else _nearest(coordinates.of(y), w0 - t * x0)
                points.append((_nearest(coordinates.of(x), x0), y0))
    return points


def _on_rational_line(P: Poly, Q: Poly, x: sympy.Symbol, r: Poly, t: int) -> list:
    """The solutions on the line y + t·x = w₀ for a rational w₀ (the root of the linear r)."""
    (w0,) = real_roots(r)
    P0, Q0 = (Poly(F.as_expr().xreplace({r.gen: w0}), x) for F in (P, Q))
    common = P0.gcd(Q0)
    return [(x0, w0 - t * x0) for x0 in real_roots(common)] if not common.is_zero else []


def _first_subresultant(P: Poly, Q: Poly, x: sympy.Symbol, w: sympy.Symbol) -> tuple[Poly, Poly] | None:
    """S₁ = a(w)·x + b(w), the first subresultant of P and Q in x, as (a, b); None if deg Q < 1.

    Where a(w₀) ≠ 0 (and a leading coefficient of P or Q is not 0 there), P(x, w₀) and Q(x, w₀)
    have at most one common root, x = -b(w₀)/a(w₀).
    """
    m, n = P.degree(x), Q.degree(x)
    if n < 1:
        return None
    ring = sympy.QQ[w]
    if n == 1:
        return Poly(Q.as_expr().coeff(x, 1), w), Poly(Q.as_expr().coeff(x, 0), w)

    def coefficients(F: Poly, degree: int) -> list:
        row = [ring.zero] * (degree + 1)
        for (i, j), c in F.terms():
            row[degree - i] += ring.from_sympy(c * w**j)
        return row

    columns, size = m + n - 1, m + n - 2
    rows = [[ring.zero] * (columns - m - 1 - k) + coefficients(P, m) + [ring.zero] * k for k in range(n - 2, -1, -1)]
    rows += [[ring.zero] * (columns - n - 1 - k) + coefficients(Q, n) + [ring.zero] * k for k in range(m - 2, -1, -1)]
    a = DomainMatrix([row[:size] for row in rows], (size, size), ring).det()
    b = DomainMatrix([row[:size - 1] + [row[columns - 1]] for row in rows], (size, size), ring).det()
    return Poly(ring.to_sympy(a), w), Poly(ring.to_sympy(b), w)


def _single_common_root(P: Poly, Q: Poly, x: sympy.Symbol, r: Poly, first: tuple[Poly, Poly] | None):
    """w₀ ↦ the one common root of P(x, w₀) and Q(x, w₀), for the roots w₀ of r; None if there are more."""
    w = r.gen
    lead_P, lead_Q = (Poly(F.as_expr().coeff(x, F.degree(x)), w) for F in (P, Q))
    leads_vanish = lead_P.rem(r).is_zero and lead_Q.rem(r).is_zero
    if first is not None and not first[0].rem(r).is_zero and not leads_vanish:
        a, b = (c.as_expr() for c in first)
        return lambda w0: -b.xreplace({w: w0}) / a.xreplace({w: w0})
    field = _Field(r)  # the rare case of a root of higher multiplicity: Euclid in Q(w₀)
    common = field.gcd(field.lift(P, x), field.lift(Q, x))
    if len(common) <= 1:
        return lambda w0: None  # only the leading coefficients vanish there: no common root
    h = field.single_root(common)
    if h is None:
        return None
    return lambda w0: h.as_expr().xreplace({w: w0})


class _Field:
    """Q(w₀) for a root w₀ of the irreducible r: numbers are polynomials in w taken modulo r."""

    def __init__(self, r: Poly):
        self.r = r
        self.w = r.gen

    def reduce(self, a: Poly) -> Poly:
        return a.rem(self.r)

    def lift(self, poly: Poly, x: sympy.Symbol) -> list[Poly]:
        """A polynomial in x and w as its coefficients in x (highest first), each reduced mod r."""
        degree = poly.degree(x)
        coefficients = [Poly(0, self.w, domain=sympy.QQ)] * (degree + 1)
        for (i, j), c in poly.terms():
            coefficients[degree - i] = coefficients[degree - i] + Poly(c * self.w**j, self.w, domain=sympy.QQ)
        return self._trim([self.reduce(c) for c in coefficients])

    @staticmethod
    def _trim(a: list[Poly]) -> list[Poly]:
        while a and a[0].is_zero:
            a = a[1:]
        return a

    def _monic(self, a: list[Poly]) -> list[Poly]:
        inverse = a[0].invert(self.r)
        return [self.reduce(c * inverse) for c in a]

    def _remainder(self, a: list[Poly], b: list[Poly]) -> list[Poly]:
        b = self._monic(b)
        a = list(a)
        while len(a) >= len(b):
            lead = a[0]
            a = self._trim([self.reduce(c - lead * d) for c, d in zip(a, b + [Poly(0, self.w)] * (len(a) - len(b)))])
        return a

    def gcd(self, a: list[Poly], b: list[Poly]) -> list[Poly]:
        """The monic greatest common divisor (coefficients highest first); [] when both are 0."""
        while b:
            a, b = b, self._remainder(a, b)
        return self._monic(a) if a else a

    def single_root(self, common: list[Poly]) -> Poly | None:
        """x₀ when common = (x - x₀)^j, as a polynomial in w; None when it has several roots."""
        j = len(common) - 1
        root = self.reduce(-common[1] * Poly(sympy.Rational(1, j), self.w, domain=sympy.QQ))
        power = [Poly(1, self.w, domain=sympy.QQ)]
        for _ in range(j):  # (x - x₀)^j, coefficient by coefficient
            power = [self.reduce(a - root * b) for a, b in
                     zip(power + [Poly(0, self.w)], [Poly(0, self.w)] + power)]
        return root if all((a - b).is_zero for a, b in zip(power, common)) else None


def _nearest(candidates: Sequence[Expr], value: Expr) -> Expr:
    """The one candidate equal to value: told apart numerically, the precision raised until certain."""
    if len(candidates) == 1:
        return candidates[0]
    digits = DIGITS
    while digits <= 1000:
        target = value.evalf(digits)
        distances = sorted((abs(c.evalf(digits) - target), i) for i, c in enumerate(candidates))
        if distances[0][0] * 10**6 < distances[1][0]:
            return candidates[distances[0][1]]
        digits *= 2
    raise SolveError("can't tell two roots apart")
