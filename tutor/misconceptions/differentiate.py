"""Differentiating with one rule done wrong.

A misconception about a differentiation rule is the right rule with one slip:
the power rule that keeps the exponent, the chain rule without the inner
derivative, ln x differentiated as ln x. `derive` applies the rules recursively
with the slip wherever its rule is used (a student who believes the wrong rule
uses it every time) and records where it changed something, so the feedback
can name the piece: "the derivative of x² is 2x".
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Integer

# the slips, each a wrong version of one rule
EXPONENT_KEPT = "exponent-kept"  # xⁿ -> n·xⁿ
NOT_MULTIPLIED = "not-multiplied"  # xⁿ -> xⁿ⁻¹
NO_INNER = "no-inner"  # f(g(x)) -> f'(g(x))
LN_KEPT = "ln-kept"  # ln u -> ln u
LN_SQUARED = "ln-squared"  # ln u -> 1/u²
TRIG_SIGN = "trig-sign"  # cos u -> sin u: the minus sign forgotten
SLIPS = (EXPONENT_KEPT, NOT_MULTIPLIED, NO_INNER, LN_KEPT, LN_SQUARED, TRIG_SIGN)


@dataclass(frozen=True)
class Site:
    """Where a slip changed the derivation: the piece, its derivative, and the slip's version."""

    expr: Expr
    right: Expr
    wrong: Expr


def rebuild(e: Expr) -> Expr:
    """e with every node evaluated again: the reader may keep Mul(-1, 1/90, x) unevaluated,
    and a catalogue wants -x/90 with one coefficient."""
    if not e.args:
        return e
    return e.func(*(rebuild(a) for a in e.args))


def derive(e: Expr, v: sympy.Symbol, slip: str | None = None, sites: list[Site] | None = None) -> Expr:
    """d e / d v, with `slip` in its rule wherever that rule applies; `sites` collects where."""
    sites = sites if sites is not None else []
    if not e.has(v):
        return Integer(0)
    if e == v:
        return Integer(1)
    if e.is_Add:
        return sympy.Add(*(derive(a, v, slip, sites) for a in e.args))
    if e.is_Mul:  # the product rule
        factors = e.args
        return sympy.Add(*(
            sympy.Mul(*factors[:i], *factors[i + 1:]) * derive(f, v, slip, sites)
            for i, f in enumerate(factors) if f.has(v)))
    if e.is_Pow and not e.exp.has(v):
        return _power(e, v, slip, sites)
    if isinstance(e, sympy.Function) and len(e.args) == 1:
        return _function(e, v, slip, sites)
    return sympy.diff(e, v)  # x^x and the like: no rule of ours, so no slip either


def _power(e: Expr, v: sympy.Symbol, slip: str | None, sites: list[Site]) -> Expr:
    base, n = e.args
    right = n * base ** (n - 1)
    outer = {EXPONENT_KEPT: n * e, NOT_MULTIPLIED: base ** (n - 1)}.get(slip, right)
    return _chain(e, base, right, outer, v, slip, sites)


def _function(e: Expr, v: sympy.Symbol, slip: str | None, sites: list[Site]) -> Expr:
    (u,) = e.args
    if isinstance(e, sympy.exp):
        right = e
    elif isinstance(e, sympy.log):
        right = 1 / u
    else:
        t = sympy.Dummy("t")
        right = sympy.diff(e.func(t), t).xreplace({t: u})
    outer = right
    if slip == LN_KEPT and isinstance(e, sympy.log):
        outer = e
    elif slip == LN_SQUARED and isinstance(e, sympy.log):
        outer = 1 / u**2
    elif slip == TRIG_SIGN and isinstance(e, sympy.cos):
        outer = -right
    return _chain(e, u, right, outer, v, slip, sites)


def _chain(e: Expr, inner: Expr, right: Expr, outer: Expr, v: sympy.Symbol, slip: str | None,
           sites: list[Site]) -> Expr:
    """outer(inner)·inner′ (the chain rule), or without inner′ for the NO_INNER slip."""
    inner_derivative = derive(inner, v, slip, sites)
    result = outer * inner_derivative
    if slip == NO_INNER and inner_derivative != 1:
        result = outer
    if result != right * inner_derivative:
        sites.append(Site(e, right * inner_derivative, result))
    return result
