"""The systems a wrong gradient gives (issue 17), solved from their coefficients where those
settle them, in exact rational arithmetic and without factoring: most wrong gradients of a quadratic
are lines, equations in one variable, or curves that polynomial_zeros (which factors every equation
first) would not solve. Every answer is the very tree polynomial_zeros gives; any other system is
left to it."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import cast

import sympy
from sympy import Expr

from ...budget import metered_cache
from ...calculus.factor_cases import polynomial_zeros
from ...calculus.roots import rational_terms
from ...parse import Equation, symbol, to_sympy

_Set = tuple[tuple[tuple[Expr, ...], ...], tuple[Equation, ...]]  # points, lines, as polynomial_zeros gives them


def common_zeros(equations: Sequence[Expr], variables: Sequence[str]) -> _Set | None:
    """polynomial_zeros(equations, variables), the same trees, for the systems most wrong gradients
    of a quadratic give settled from their coefficients, exactly and without factoring: a nonzero
    constant among them (no zero), an equation of a degree polynomial_zeros does not solve (None),
    lines (their common point, the line where both are one, or nothing for parallel ones), an
    equation in one variable with the other's roots beside each of its roots, and irreducible
    curves that no factor in one variable or linearity settles (None; nothing for one curve twice).
    Any other system goes to polynomial_zeros."""
    syms = [symbol(v) for v in variables]
    terms = [_terms(e, tuple(syms)) for e in equations if e != 0]  # polynomial_zeros leaves out a 0
    if not 1 <= len(syms) <= 2 or not terms or None in terms:
        return polynomial_zeros(equations, variables)
    polynomials = cast(list[_Terms], terms)
    degrees = [max(map(sum, p)) for p in polynomials]
    if max(degrees) > _SOLVED_DEGREE:
        return None
    if 0 in degrees:
        return (), ()  # a nonzero constant (a tree whose terms cancel to 0 is not read)
    if len(polynomials) != len(syms):
        return polynomial_zeros(equations, variables)  # one equation in two variables: a curve
    if max(degrees) == 1:
        point = _linear_zero(polynomials)
        if point is not None:
            return (point,), ()
        if _proportional(*polynomials):  # one line twice: that line, as polynomial_zeros writes it
            return (), (_line(polynomials[0], syms),)
        return (), ()  # parallel lines
    elif len(syms) == 2:
        points = _triangular_zeros(polynomials)
        if points is not None:
            return tuple(sorted(points, key=sympy.default_sort_key)), ()
        if all(map(_irreducible_curve, polynomials)):
            # one irreducible curve (not a line) twice: no point, no line; two: polynomial_zeros
            # settles no such case
            return ((), ()) if _proportional(*polynomials) else None
    return polynomial_zeros(equations, variables)


_Terms = Mapping[tuple[int, ...], Fraction]  # a polynomial: each monomial's exponents, its coefficient (read-only)
_SOLVED_DEGREE = 3  # polynomial_zeros's max_degree: it solves no system with an equation of higher degree
_READ_DEGREE = 8  # a system of a higher degree is left to polynomial_zeros


@metered_cache(4096)  # one partial comes again in many wrong gradients (2x + 3 beside each slip in ∂f/∂y)
def _terms(expr: Expr, syms: tuple[sympy.Symbol, ...]) -> _Terms | None:
    """expr multiplied out as a polynomial in syms with rational coefficients, as written (no
    division, no other symbol); None for anything else, and for a tree whose terms cancel to 0.
    Read-only: one remembered value is shared."""
    terms = rational_terms(expr, syms)
    return MappingProxyType(terms) if terms and max(map(sum, terms)) <= _READ_DEGREE else None


def _linear_zero(polynomials: Sequence[_Terms]) -> tuple[Expr, ...] | None:
    """The one common zero of n linear equations in n ≤ 2 variables, exactly; None where there is
    no single one (two parallel lines, or one twice)."""
    n = len(polynomials)
    monomials = [tuple(int(i == j) for i in range(n)) for j in range(n)] + [(0,) * n]  # x, y, then 1
    rows = [[p.get(m, Fraction(0)) for m in monomials] for p in polynomials]
    if n == 1:
        ((a, c),) = rows
        return (to_sympy(-c / a),)
    (a, b, c), (d, e, g) = rows
    determinant = a * e - b * d
    if not determinant:
        return None
    return to_sympy((b * g - c * e) / determinant), to_sympy((c * d - a * g) / determinant)


def _triangular_zeros(polynomials: Sequence[_Terms]) -> list[tuple[Expr, ...]] | None:
    """The common zeros of two equations in x and y where each is in a single variable of its own, of degree at
    most 3 (each root of one beside each of the other's), or where one is in a single variable of degree at
    most 2 with rational roots and the other, is at each of them a nonzero polynomial of
    degree at most 2 in the other variable with rational roots (or a nonzero constant). None for
    any other system."""
    for k, first in enumerate(polynomials):
        used = [i for i in (0, 1) if any(m[i] for m in first)]
        if len(used) != 1:
            continue
        (i,) = used
        other = polynomials[1 - k]
        if not any(m[i] for m in other):  # one equation in each variable: each one's roots, beside each other's
            roots, others = _zeros_in_one(first, i), _zeros_in_one(other, 1 - i)
            pairs = None if roots is None or others is None else [(r, o) for r in roots for o in others]
        else:
            roots = _roots({m[i]: c for m, c in first.items()})
            if roots is None or not all(isinstance(r, Fraction) for r in roots):
                continue
            pairs = _at_each_root(cast(list[Fraction], roots), other, i)
        if pairs is None:
            return None
        return [tuple(_value(v) for v in ((r, o) if i == 0 else (o, r))) for r, o in pairs]
    return None


def _zeros_in_one(polynomial: _Terms, i: int) -> list[Fraction | Expr] | None:
    """The distinct real roots of a polynomial in variable i alone: of degree at most 2 from its coefficients
    (`_roots`); a cubic as polynomial_zeros solves it alone, remembered (a wrong ∂f/∂x comes beside every wrong
    ∂f/∂y of a variant), which are the trees it gives for the system, whose cases are each one's roots."""
    by_power = {m[i]: c for m, c in polynomial.items()}
    roots = _roots(by_power)
    if roots is not None or max(by_power) > _SOLVED_DEGREE:
        return roots
    return _cubic_roots(tuple(sorted(by_power.items())))


@metered_cache(1024)
def _cubic_roots(by_power: tuple[tuple[int, Fraction], ...]) -> list[Fraction | Expr] | None:
    x = symbol("x")
    found = polynomial_zeros([sympy.Add(*(to_sympy(c) * x**k for k, c in by_power))], ["x"])
    return None if found is None or found[1] else [point[0] for point in found[0]]


def _at_each_root(roots: Sequence[Fraction], other: _Terms, i: int) -> list[tuple[Fraction, Fraction]] | None:
    """The rational zeros of `other` with variable i at each root; None where they are not all
    rational, or `other` is 0 all along a root's line (polynomial_zeros says that line)."""
    pairs = []
    for root in roots:
        rest: dict[int, Fraction] = {}
        for m, c in other.items():
            rest[m[1 - i]] = rest.get(m[1 - i], Fraction(0)) + c * root ** m[i]
        rest = {d: c for d, c in rest.items() if c}
        others = _roots(rest) if rest else None
        if others is None or not all(isinstance(o, Fraction) for o in others):
            return None
        pairs += [(root, cast(Fraction, o)) for o in others]
    return pairs


def _roots(polynomial: dict[int, Fraction]) -> list[Fraction | Expr] | None:
    """The distinct real roots of a nonzero polynomial in one variable (its coefficients by power)
    of degree at most 2: each rational one a Fraction, an irrational pair as the tree polynomial_zeros
    gives it (−b/2a ∓ √D/2a); None for a higher degree."""
    degree = max(polynomial)
    c, b, a = (polynomial.get(d, Fraction(0)) for d in (0, 1, 2))
    if degree == 0:
        return []
    if degree == 1:
        return [-c / b]
    if degree > 2:
        return None
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        return []
    p, q = math.isqrt(discriminant.numerator), math.isqrt(discriminant.denominator)
    if p * p == discriminant.numerator and q * q == discriminant.denominator:
        root = Fraction(p, q)
        return list(dict.fromkeys(((-b - root) / (2 * a), (-b + root) / (2 * a))))
    middle, half = to_sympy(-b / (2 * a)), sympy.sqrt(to_sympy(discriminant)) / to_sympy(2 * a)
    return [middle - half, middle + half]


def _line(polynomial: _Terms, syms: Sequence[sympy.Symbol]) -> Equation:
    """The line a·x + b·y + c = 0 as as_equation writes it, solved for the first variable it has: its
    terms' trees made from the coefficients (−b/a·y − c/a for x), without sympy's expanding."""
    for k, s in enumerate(syms):
        unit = tuple(int(i == k) for i in range(len(syms)))
        coefficient = polynomial.get(unit)
        if coefficient:
            return Equation(s, sympy.Add(*(to_sympy(-c / coefficient) * sympy.Mul(*(t**e for t, e in zip(syms, m)))
                                           for m, c in polynomial.items() if m != unit)))
    raise ValueError("not a line")  # common_zeros asks only of a polynomial of degree 1


def _value(v: Fraction | Expr) -> Expr:
    return to_sympy(v) if isinstance(v, Fraction) else v


def _irreducible_curve(polynomial: _Terms) -> bool:
    """Whether a polynomial in x and y has no factor but itself over the rationals and has both
    variables: where one of them is only a constant times it (2y + (x − 4)²: a factor would divide
    that constant), or it is a quadratic whose conic is not degenerate (a product of two lines is)
    or whose quadratic part has no real factor (x² + y², so no pair of real lines)."""
    if not all(any(m[i] for m in polynomial) for i in (0, 1)):
        return False
    if any(max(m[i] for m in polynomial) == 1 and all(m[1 - i] == 0 for m in polynomial if m[i]) for i in (0, 1)):
        return True
    if max(map(sum, polynomial)) != 2:
        return False
    get = lambda m: polynomial.get(m, Fraction(0))  # noqa: E731
    a, b, c, d, e, f = get((2, 0)), get((1, 1)) / 2, get((0, 2)), get((1, 0)) / 2, get((0, 1)) / 2, get((0, 0))
    return a * (c * f - e * e) - b * (b * f - e * d) + d * (b * e - c * d) != 0 or b * b < a * c


def _proportional(p: _Terms, q: _Terms) -> bool:
    if p.keys() != q.keys():
        return False
    m = next(iter(p))
    return all(p[k] * q[m] == q[k] * p[m] for k in p)
