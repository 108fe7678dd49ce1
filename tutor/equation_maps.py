"""One equation as another with the same real solutions, rewritten: a map that is one-to-one on the reals taken
off both sides (eᵘ = eᵛ is u = v), or a factor that is never 0 (y(x² + 1) = 2x(x² + 1) is y = 2x). The
equation check (tutor.compare) asks these before it calls two equations different."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import sympy
from sympy import Expr

from .equality import line_roots, lines
from .parse import Equation, symbol, to_sympy

MOST_OPERATIONS = 40  # past it, `cancel` multiplies out what it divides: not tried


def times_a_factor_never_zero(a: Expr, e: Expr, names: Sequence[str]) -> bool | None:
    """y(x² + 1) = 2x(x² + 1) and y = 2x, y·e⁻ˣ = 1 and y = eˣ: one is the other times a factor that has a value
    and a sign at every real point (x² + 1, e⁻ˣ, as sympy can tell), so that they hold at the same points, in
    any number of variables: True where the correct one holds somewhere (a root on a search line, or a change
    of sign along one), None where none is found, as for two equations with no real solution (eˣ = -1 and
    x² = -1), which are compared as written no more than called the same. A factor that is 0 somewhere
    (x - 1, y² + 2xy + 4x² at the origin) decides nothing: False."""
    if any(sympy.count_ops(side) > MOST_OPERATIONS for side in (a, e)):
        return False  # `cancel` multiplies out what it divides
    factor = sympy.cancel(a / e)
    if not (factor.free_symbols and factor.free_symbols <= {symbol(n) for n in names}
            and (factor.is_positive or factor.is_negative)):
        return False
    if any(line_roots(e, names, base, axis) for base, axis in lines(len(names))) or _changes_sign(e, names):
        return True
    return None


# along each search line, from the base point: where a continuous side has both signs, it is 0 in between
_SIGN_STEPS = tuple(Fraction(t) for t in (-8, -2, -1, 0, "1/2", 1, 2, 8))
_CONTINUOUS = (sympy.Add, sympy.Mul, sympy.exp, sympy.sin, sympy.cos, sympy.atan, sympy.sinh, sympy.cosh,
               sympy.tanh, sympy.Abs)


def _changes_sign(expr: Expr, names: Sequence[str]) -> bool:
    """Whether `expr` is certainly positive at one point and negative at another of a search line, where it is
    continuous everywhere (x·eˣ - 1: -1 at x = 0, e - 1 at x = 1), so that it is 0 between them."""
    if not _continuous(expr):
        return False
    symbols = [symbol(n) for n in names]
    for base, axis in lines(len(names)):
        signs = set()
        for step in _SIGN_STEPS:
            point = {s: to_sympy(step if i == axis else v) for i, (s, v) in enumerate(zip(symbols, base))}
            there = expr.subs(point)
            signs.add(1 if there.is_positive else -1 if there.is_negative else 0)
        if {1, -1} <= signs:
            return True
    return False


def _continuous(expr: Expr) -> bool:
    """Whether every part of `expr` has a value at every real point and moves continuously: sums, products, whole
    powers, odd roots, a positive number to any such power, and exp, sin, cos, atan, sinh, cosh, tanh, |·|."""
    if expr.is_Atom:
        return bool(expr.is_Symbol or expr.is_extended_real)
    if expr.is_Pow:
        power = expr.exp
        whole = power.is_Integer and power.is_nonnegative
        odd_root = power.is_Rational and power.is_positive and power.q % 2
        positive_base = not expr.base.free_symbols and expr.base.is_positive
        return bool(whole or odd_root or positive_base) and all(_continuous(arg) for arg in expr.args)
    return isinstance(expr, _CONTINUOUS) and all(_continuous(arg) for arg in expr.args)


_MOST_PEELED = 4  # e^(y³) = e^(8x³): a map inside a map; a few at most, each a step of the tree down


def one_to_one_undone(equation: Equation) -> Equation:
    """`equation` with a map that is one-to-one on the reals taken off both sides, as often as one is there:
    eᵘ = eᵛ and 2ᵘ = 2ᵛ are u = v, u³ = 8v³ is u = 2v, ∛u = ∛(2v) is u = 2v (odd powers and odd roots are
    real). Each is the same equation: it holds at the same points, and where u or v has no value the other
    side has none either. Not ln u = ln v, which is u = v only where u > 0, nor u² = v², which holds at u = -v too."""
    for _ in range(_MOST_PEELED):
        undone = _logarithms_of(equation) or _odd_roots_of(equation)
        if undone is None:
            break
        equation = undone
    return equation


def _exponent(side: Expr) -> Expr | None:
    """u for eᵘ, u·ln a for aᵘ (a a number above 0 other than 1); None for anything else."""
    if isinstance(side, sympy.exp):
        return side.args[0]
    if side.is_Pow and not side.base.free_symbols and side.exp.free_symbols and side.base.is_positive \
            and side.base != 1:
        return sympy.Mul(side.exp, sympy.log(side.base), evaluate=False)  # x²/x kept as written, as in eᵘ
    return None


def _logarithms_of(equation: Equation) -> Equation | None:
    mine, theirs = _exponent(equation.lhs), _exponent(equation.rhs)
    return None if mine is None or theirs is None else Equation(mine, theirs)


def _odd_roots_of(equation: Equation) -> Equation | None:
    """u = 2v for u³ = 8v³, u = 2v for ∛u = ∛2·∛v: both sides' real n-th roots, for a power n = p/q > 0 with p
    and q odd that a side is, or is a factor of, where each root can be written exactly."""
    exponents = {factor.exp for side in (equation.lhs, equation.rhs) for factor in sympy.Mul.make_args(side)
                 if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_positive and factor.exp.p % 2}
    # u^(3/2) = v^(3/2) is √u = √v: the cube of t ≥ 0
    powers = {n for k in exponents for n in (k, sympy.Integer(k.p)) if n != 1 and n.q % 2}
    for n in sorted(powers, key=str):
        mine, theirs = _odd_root(equation.lhs, n), _odd_root(equation.rhs, n)
        if mine is not None and theirs is not None:
            return Equation(mine, theirs)
    return None


def _odd_root(side: Expr, n: sympy.Rational) -> Expr | None:
    """The real r with r^n = side, written exactly, for n = p/q > 0, p and q odd (so t ↦ t^n is one-to-one
    and has a value for every real t); None where it can't be read off the factors."""
    roots = []
    for factor in sympy.Mul.make_args(side):
        if factor.is_Pow and factor.exp.is_Rational:
            # a power of the same sign, its denominator even where the factor's is: defined where the factor is
            # (b⁻³ and b⁻¹ at b ≠ 0, b^(3/2) and b^(1/2) at b ≥ 0); (-3)^(1/3) is the real root, as read
            if factor.exp.q % 2 != (factor.exp / n).q % 2:
                return None
            roots.append(factor.base ** (factor.exp / n))
        elif factor.is_Mul:
            inner = _odd_root(factor, n)
            if inner is None:
                return None
            roots.append(inner)
        elif not factor.free_symbols:
            if factor.is_extended_real is not True:
                return None
            roots.append(sympy.sign(factor) * sympy.Abs(factor) ** (1 / n))
        elif isinstance(factor, sympy.exp):
            roots.append(sympy.exp(factor.args[0] / n))
        else:
            return None
    root = sympy.Mul(*roots)
    # x³/x and √x·√x, kept as written, have no value at 0 and for x < 0: x·x^(-1/3) and x^(1/6)·x^(1/6) would be
    # multiplied into x^(2/3) and x^(1/3), which have one
    return root if _without_value(side) <= _without_value(root) else None


def _without_value(expr: Expr) -> set[tuple[Expr, bool]]:
    """The bases of the powers in expr that have no value where the base is 0 (a negative power: True) or
    negative (an even root: False)."""
    return {(node.base, bool(node.exp.is_negative)) for node in sympy.preorder_traversal(expr)
            if node.is_Pow and node.base.free_symbols and node.exp.is_Rational
            and (node.exp.is_negative or node.exp.q % 2 == 0)}
