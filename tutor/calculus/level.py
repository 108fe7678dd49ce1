"""A curve of critical points that is a level set u = c of the one quantity f depends on.

(x² + y²)e^(-x² - y²) is g(u) = ue⁻ᵘ with u = x² + y², and its critical circle is u = 1.
Near any point of the circle u stays near 1, so f = g(u) stays on one side of g(1)
when g does near 1: g′(1) = 0 and g″(1) < 0 make every point of the circle a
maximum, g″(1) > 0 a minimum. When g″(c) = 0 nothing is claimed. Where g′ is 0 at
c alone, over every real number, and g is defined and smooth on all of them, g(c)
is the least (or greatest) value g takes anywhere: f never goes below (above) it.

Everything is exact: g is found by putting a letter for u into f, and taken only
when putting u back gives f again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr
from sympy.calculus.util import continuous_domain

from ..budget import OutOfTime, deadline
from ..parse import Equation, symbol
from ..show import show
from .common import sign, sign_text

SOLVE_SECONDS = 10.0
LETTERS = ("u", "v", "w", "t", "s", "r")  # the name of the quantity f depends on, never one of f's variables


@dataclass(frozen=True)
class Through:
    """f = g(u) on and near the curve u = c, and what g says of the curve's points."""

    u: Expr  # x² + y²
    c: Expr  # u on the curve
    letter: sympy.Symbol  # the name u is given in g
    g: Expr  # g(letter)
    second: Expr  # g″(c)
    sign: int  # of g″(c): 1 minima, -1 maxima, 0 not decided
    everywhere: bool  # g′ = 0 at c alone on all the reals: g(c) is g's least (greatest) value anywhere

    def why(self, names: Sequence[str]) -> str:
        """Why the curve's points are what they are, in the steps' words."""
        t, c = self.letter, self.c
        second = f"g″({show(c)}) = " + ("0" if self.sign == 0 else f"{show(self.second)} {sign_text(self.sign)}")
        return (f"f depends on {' and '.join(names)} only through {t} = {show(self.u, list(names))}: "
                f"f = g({t}) with g({t}) = {show(self.g, [t.name])}, g′({show(c)}) = 0 and {second}")

    def beyond(self) -> str:
        """Why g(c) is the least (greatest) value f takes, where `everywhere`."""
        t, c = self.letter.name, show(self.c)
        return f"g′({t}) = 0 only at {t} = {c}, so g({t}) {'≥' if self.sign > 0 else '≤'} g({c}) for every {t}"


def through(f: Expr, equation: Equation, syms: Sequence[sympy.Symbol]) -> Through | None:
    """f as g(u) for the curve u = c, with the sign of g″(c); None where f is not seen to be one."""
    if equation.rhs.free_symbols & set(syms):
        u, c = sympy.expand(equation.lhs - equation.rhs), sympy.Integer(0)
    else:
        u, c = equation.lhs, equation.rhs
    if not u.free_symbols & set(syms):
        return None
    taken = {s.name for s in f.free_symbols}
    letter = symbol(next((n for n in LETTERS if n not in taken), "u"))
    if letter.name in taken:
        return None
    try:
        with deadline(SOLVE_SECONDS):
            g = f.subs(u, letter)
            if g.free_symbols & set(syms) or sympy.simplify(g.xreplace({letter: u}) - f) != 0:
                return None  # putting u back must give f again: then f = g(u) wherever f is defined
            first = sympy.diff(g, letter)
            second = sympy.simplify(sympy.diff(first, letter).xreplace({letter: c}))
            if not _finite(second) or sign(first.xreplace({letter: c})) != 0:
                return None
            s = sign(second)
            if s is None:
                return None
            return Through(u, c, letter, g, second, s, s != 0 and _only_zero(g, first, letter, c))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, sympy.PolynomialError):
        return None


def _only_zero(g: Expr, first: Expr, t: sympy.Symbol, c: Expr) -> bool:
    """Whether g and g′ are defined and continuous at every real number and g′ is 0 at c alone: then g′
    keeps one sign on each side of c, and g(c) is g's least (or greatest) value."""
    reals = sympy.S.Reals
    if continuous_domain(g, t, reals) != reals or continuous_domain(first, t, reals) != reals:
        return False
    zeros = sympy.solveset(first, t, reals)
    return isinstance(zeros, sympy.FiniteSet) and len(zeros) == 1 and sign(next(iter(zeros)) - c) == 0


def _finite(value: Expr) -> bool:
    return not value.free_symbols and not value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def _compare(s: int) -> str:
    return "> 0" if s > 0 else "< 0"
