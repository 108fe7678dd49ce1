"""Differentiating with rules done wrong, wherever the rule is used.

A misconception about a rule is the right rule with one slip: the power rule
that keeps the exponent, the chain rule without the inner derivative, ln x
differentiated as ln x, a factor held constant differentiated anyway. `derive`
applies the rules recursively with the slips it is given, at every place their
rule is used (a student who believes the wrong rule uses it every time) or at
one place only (`Slips.only`), and records where a slip changed something, so
the feedback can name the piece: "the derivative of x² is 2x".

Slips compose: two of them in one derivation give the answer of a student
with both mistakes. A slip about a rule applies wherever the rule is used, so
the same slips serve a partial derivative, each component of a gradient, the
gradient in a descent step, a tangent plane's slopes and f′ = 0 in a
minimisation.

A catalogue derives f hundreds of times, each with one or two slips, and a slip
changes only the pieces whose rules it is about: each piece is derived once for
the slips that can change it (`_may_use`), and a term none of them can change
takes its derivative as f was read (`_read`). A sum's derivative is its terms': the derivative of
a student with two slips takes each term only one of them reaches (`reaches`) from that slip's own
derivation of its terms (`termwise`), and derives with both only the terms both reach.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum
from functools import cached_property, lru_cache
from typing import NamedTuple

import sympy
from sympy import Expr, Integer

from ..budget import metered_cache
from ..show import ordered_terms


class Slip(Enum):
    """One rule done wrong; `.value` is the catalogue id of the misconception it shows."""

    # the power rule, on uⁿ
    EXPONENT_KEPT = "power-rule-exponent-kept"  # n·uⁿ
    NOT_MULTIPLIED = "power-rule-not-multiplied"  # uⁿ⁻¹
    GAVE_EXPONENT = "power-rule-gave-exponent"  # n
    NEW_EXPONENT = "power-rule-new-exponent"  # (n − 1)·uⁿ⁻¹
    EXPONENT_DROPPED = "power-rule-exponent-dropped"  # n·u
    POWER_OF_SUM = "power-of-sum-split"  # (a + b)ⁿ taken as aⁿ + bⁿ
    # exponentials, logarithms, trigonometry
    POWER_ON_EXP = "power-rule-on-exp"  # eᵘ -> u·eᵘ⁻¹
    LN_KEPT = "wrong-ln-derivative"  # ln u -> ln u
    LN_SQUARED = "wrong-ln-derivative#squared"  # ln u -> 1/u²
    LN_ONE = "wrong-ln-derivative#one"  # ln u -> 1 (as if it were u)
    LN_COEFFICIENT = "wrong-ln-derivative#coefficient"  # c·ln u -> 1/(c·u)
    LOG_OF_SUM = "log-of-sum-split"  # ln(a + b) taken as ln a + ln b
    SIN_SIGN = "trig-derivative-sign"  # sin u -> −cos u
    COS_SIGN = "trig-derivative-sign#cos"  # cos u -> sin u
    SIN_KEPT = "trig-function-kept"  # sin u -> −sin u
    # the chain rule, on f(u)
    NO_INNER = "missing-inner-derivative"  # f′(u)
    INNER_NOT_DERIVED = "wrong-inner-derivative"  # f′(u)·u
    INNER_LOST = "inner-function-lost"  # f′(x)·u′
    INNER_HELD_TERM = "differentiated-constant-term#inner"  # e^(2x + 3y) -> 5e^(2x + 3y) in ∂/∂x: u′ in every variable
    # the product rule, on u·v (both varying)
    PRODUCT_SKIPPED = "product-rule-skipped"  # u′v
    PRODUCT_OTHER_SKIPPED = "product-rule-skipped#other"  # uv′: the other factor differentiated only
    PRODUCT_OF_DERIVATIVES = "product-rule-as-product"  # u′v′
    PRODUCT_SIGN = "product-rule-sign"  # u′v − uv′
    # the quotient rule, on u/v (both varying)
    QUOTIENT_SIGN = "quotient-rule-sign"  # (u′v + uv′)/v²
    QUOTIENT_SQUARE = "quotient-rule-square-missing"  # (u′v − uv′)/v
    # constant coefficients and terms
    COEFFICIENT_DROPPED = "dropped-constant-coefficient"  # 3x² -> 2x
    KEPT_CONSTANT = "kept-constant-term"  # y² kept in ∂/∂x
    KEPT_NUMBER = "kept-constant-term#number"  # only the numbers kept
    NUMBER_DIFFERENTIATED = "number-differentiated"  # 16 -> 1
    TERM_AS_CONSTANT = "term-treated-as-constant"  # 6xy -> 0 in ∂/∂x
    TERM_NOT_DIFFERENTIATED = "term-not-differentiated"  # 6xy -> 6xy
    SIGN = "sign-slip"  # the derivative of a subtracted term added
    # variables held constant (partial derivatives)
    HELD_DIFFERENTIATED = "differentiated-constant-factor"  # 3x²y³ -> 6xy³ + 9x²y²
    HELD_MULTIPLIED = "differentiated-constant-factor#multiplied"  # 3x²y³ -> 18xy²
    HELD_ONLY = "differentiated-constant-factor#only"  # 4x²y -> 8xy in ∂/∂y
    HELD_DROPPED = "dropped-constant-factor"  # 3x²y³ -> 6x
    HELD_POWER_LOWERED = "held-power-lowered"  # 3x²y³ -> 6xy²
    HELD_TERM = "differentiated-constant-term"  # y² -> 2y in ∂/∂x

    # cached: asked of every site of every derivation, and of every pair of slips
    @cached_property
    def misconception(self) -> str:
        return self.value.split("#")[0]

    @cached_property
    def rule(self) -> str:
        """The rule this slip is a wrong version of: two slips of one rule are two beliefs about the
        same thing, so a student is not thought to hold both."""
        return _RULES.get(self, self.misconception)


_RULES = {
    **dict.fromkeys((Slip.EXPONENT_KEPT, Slip.NOT_MULTIPLIED, Slip.GAVE_EXPONENT, Slip.NEW_EXPONENT,
                     Slip.EXPONENT_DROPPED), "power"),
    **dict.fromkeys((Slip.KEPT_CONSTANT, Slip.KEPT_NUMBER, Slip.NUMBER_DIFFERENTIATED, Slip.HELD_TERM),
                    "constant term"),
    **dict.fromkeys((Slip.HELD_DIFFERENTIATED, Slip.HELD_MULTIPLIED, Slip.HELD_ONLY, Slip.HELD_DROPPED,
                     Slip.HELD_POWER_LOWERED), "held factor"),
    **dict.fromkeys((Slip.LN_KEPT, Slip.LN_SQUARED, Slip.LN_ONE, Slip.LN_COEFFICIENT), "log"),
    **dict.fromkeys((Slip.SIN_SIGN, Slip.COS_SIGN, Slip.SIN_KEPT), "trig"),
    **dict.fromkeys((Slip.NO_INNER, Slip.INNER_NOT_DERIVED, Slip.INNER_LOST, Slip.INNER_HELD_TERM), "chain"),
    **dict.fromkeys((Slip.PRODUCT_SKIPPED, Slip.PRODUCT_OTHER_SKIPPED, Slip.PRODUCT_OF_DERIVATIVES, Slip.PRODUCT_SIGN),
                    "product"),
    **dict.fromkeys((Slip.QUOTIENT_SIGN, Slip.QUOTIENT_SQUARE), "quotient"),
    **dict.fromkeys((Slip.TERM_AS_CONSTANT, Slip.TERM_NOT_DIFFERENTIATED), "term"),
}


def rule_of(misconception: str) -> str:
    """The rule a catalogue id is a wrong version of (power for power-rule-not-multiplied), else the id itself:
    two readings of one answer by one rule are one explanation twice."""
    return _RULE_OF.get(misconception, misconception)


_RULE_OF: dict[str, str] = {}
for _slip in reversed(Slip):  # an id several slips share takes its first slip's rule
    _RULE_OF[_slip.misconception] = _slip.rule


@dataclass(frozen=True)
class Site:
    """Where a slip changed the derivation: the piece, its derivative, and the slip's version."""

    slip: Slip
    key: Expr  # what Slips.only names to apply the slip here alone
    piece: Expr  # what a sentence names: y³ in 3x²y³, x² in x²(x − 6)
    right: Expr
    wrong: Expr
    extra: Expr | None = None  # the inside (chain rule), the split (a power of a sum), the varying factor,
    # or every coefficient one slip dropped (derivatives._terms_together)


@dataclass
class Slips:
    """The slips of one derivation, and where they apply: `only[slip]` are the pieces a slip
    applies to (every piece where its rule is used when absent). Collects the sites it changed."""

    active: frozenset[Slip] = frozenset()
    only: dict[Slip, frozenset[Expr]] = field(default_factory=dict)
    held: tuple[sympy.Symbol, ...] = ()
    sites: list[Site] = field(default_factory=list)

    def use(self, slip: Slip, piece: Expr) -> bool:
        if slip not in self.active:
            return False
        return slip not in self.only or piece in self.only[slip]

    def record(self, slip: Slip, key: Expr, right: Expr, wrong: Expr, piece: Expr | None = None,
               extra: Expr | None = None) -> None:
        if right != wrong:  # a form equal to the right one is caught where the whole answer is compared
            self.sites.append(Site(slip, key, key if piece is None else piece, right, wrong, extra))


NONE = Slips()


def rebuild(e: Expr) -> Expr:
    """e with every node evaluated again: the reader may keep Mul(-1, 1/90, x) unevaluated,
    and a catalogue wants -x/90 with one coefficient."""
    if not e.args:
        return e
    return e.func(*(rebuild(a) for a in e.args))


# ------------------------------------------------------------------ terms


def differentiate(f: Expr, v: sympy.Symbol, slips: Slips = NONE, variables: Sequence[str] = ()) -> Expr:
    """∂f/∂v term by term (the way a student reads f), with the slips about terms and rules."""
    return sympy.Add(*(derivative for derivative, _ in termwise(f, v, slips, variables)))


def termwise(f: Expr, v: sympy.Symbol, slips: Slips = NONE, variables: Sequence[str] = (),
             at: int = -1) -> list[tuple[Expr, tuple[Site, ...]]]:
    """Each term's derivative in `differentiate`, with the sites its slips changed (slips.sites
    collects them too); only the terms whose bits are set in `at` (the i-th term for 1 << i), when
    given: a term's derivation reads the others only to decide which to flip, which is done alike."""
    every = _read(f, v, tuple(variables), slips.held)
    flipped = [t.expr for t in every if t.varies and t.negative and slips.use(Slip.SIGN, t.expr)]
    if flipped and len(flipped) == sum(t.varies for t in every):
        flipped = []  # the whole derivative negated is a lost leading minus, not a difference's sign
    one_term_constant = Slip.TERM_AS_CONSTANT in slips.only
    result = []
    for i, term in enumerate(every):
        if not at >> i & 1:
            continue
        start = len(slips.sites)
        derivative = _term_derivative(term, v, slips, flipped, one_term_constant)
        result.append((derivative, tuple(slips.sites[start:])))
    return result


def _term_derivative(term: _Term, v: sympy.Symbol, slips: Slips, flipped: list[Expr],
                     one_term_constant: bool) -> Expr:
    t = term.expr
    if not term.varies:
        return _constant_term(term, v, slips)
    if one_term_constant and slips.use(Slip.TERM_AS_CONSTANT, t):
        slips.record(Slip.TERM_AS_CONSTANT, t, derive(t, v), Integer(0))
        return Integer(0)
    if not term.kept_by_a_rule and slips.use(Slip.TERM_NOT_DIFFERENTIATED, t):
        slips.record(Slip.TERM_NOT_DIFFERENTIATED, t, derive(t, v), t)
        return t
    if t in flipped:
        right = derive(t, v, slips)
        slips.record(Slip.SIGN, t, right, -right)
        return -right
    if slips.active & term.may_use:
        return derive(t, v, slips)
    return term.right


# the slips differentiate asks of a term itself, besides those of the rules its derivative uses
_VARYING_TERM_SLIPS = frozenset({Slip.TERM_AS_CONSTANT, Slip.TERM_NOT_DIFFERENTIATED, Slip.SIGN})
_CONSTANT_TERM_SLIPS = frozenset({Slip.KEPT_CONSTANT, Slip.KEPT_NUMBER, Slip.NUMBER_DIFFERENTIATED, Slip.HELD_TERM})


class Reach(IntEnum):
    """How a slip (everywhere, or at one piece) bears on one term's derivative in `termwise`. More
    than it does is safe, less is not: a term no slip of a derivation reaches is derived as with none,
    a term a slip decides as with that slip alone."""

    NO = 0  # it changes nothing there, whatever slips are beside it
    BESIDE_HELD_TERM = 1  # a constant term: only beside HELD_TERM, whose derivative of it uses its rules
    YES = 2  # it may change it, alone or beside other slips
    DECIDES = 3  # its own derivative of the term, beside any slip of another rule: a term left as it is,
    # held constant, kept or differentiated as 1 is not derived further


def reaches(f: Expr, v: sympy.Symbol, variables: Sequence[str], held: tuple[sympy.Symbol, ...], slip: Slip,
            piece: Expr | None) -> tuple[Reach, ...]:
    """For each term of f, how `slip` (everywhere, or at `piece` only) bears on its derivative."""
    return tuple(_reach(term, slip, piece) for term in _read(f, v, tuple(variables), held))


def _reach(term: _Term, slip: Slip, piece: Expr | None) -> Reach:
    here = piece is None or piece == term.expr
    if not term.varies:  # _constant_term: one slip about constant terms, and HELD_TERM's derivative
        if slip in _CONSTANT_TERM_SLIPS:
            return Reach.NO if not here else Reach.YES if slip == Slip.HELD_TERM else Reach.DECIDES
        return Reach.BESIDE_HELD_TERM if slip in term.may_use else Reach.NO
    if here and (slip == Slip.TERM_AS_CONSTANT and piece is not None  # it applies at one term only
                 or slip == Slip.TERM_NOT_DIFFERENTIATED and not term.kept_by_a_rule):
        return Reach.DECIDES  # _term_derivative returns before any other slip is asked
    return Reach.YES if slip in term.may_use or (slip in _VARYING_TERM_SLIPS and here) else Reach.NO


@dataclass(frozen=True)
class _Term:
    """A term of f, and what the slips about terms ask of it (asked once per f, not per derivation)."""

    expr: Expr
    varies: bool
    negative: bool  # written with a minus: what a lost minus sign changes
    number: bool
    kept_by_a_rule: bool
    may_use: frozenset[Slip]  # the slips of the rules its derivative uses
    right: Expr  # its derivative when none of them is at work


@metered_cache(256)
def _read(f: Expr, v: sympy.Symbol, variables: tuple[str, ...], held: tuple[sympy.Symbol, ...]) -> tuple[_Term, ...]:
    """f's terms as differentiate reads them."""
    return tuple(_Term(t, t.has(v), t.could_extract_minus_sign(), t.is_number, t.has(v) and _a_rule_keeps(t, v),
                       _may_use(t), derive(t, v, Slips(held=held)) if t.has(v) else Integer(0))
                 for t in terms(f, variables))


def _a_rule_keeps(term: Expr, v: sympy.Symbol) -> bool:
    """Whether a slip in a rule leaves this term as it is: c·eᵘ (the chain rule without the inner
    derivative) or c·ln x (ln x differentiated as ln x). Then that slip names it, not a second
    misconception saying the same in other words ("left ln(x) as it is")."""
    varying = term.as_independent(v)[1]
    return isinstance(varying, sympy.exp) or isinstance(varying, sympy.log) and varying.args[0] == v


# slips that apply to one term at a time, never everywhere: every term held constant is no
# derivative at all, not a slip in one term
ONE_AT_A_TIME = frozenset({Slip.TERM_AS_CONSTANT})


@metered_cache(256)
def terms(f: Expr, variables: tuple[str, ...]) -> tuple[Expr, ...]:
    """f's terms in the order a student reads them (the order `show` writes them)."""
    return tuple(ordered_terms(f, variables))


def _constant_term(term: _Term, v: sympy.Symbol, slips: Slips) -> Expr:
    """A term without v: its derivative is 0, unless a slip keeps or differentiates it."""
    t = term.expr
    if slips.use(Slip.KEPT_CONSTANT, t) or (term.number and slips.use(Slip.KEPT_NUMBER, t)):
        slips.record(Slip.KEPT_CONSTANT if slips.use(Slip.KEPT_CONSTANT, t) else Slip.KEPT_NUMBER, t, Integer(0), t)
        return t
    if term.number and slips.use(Slip.NUMBER_DIFFERENTIATED, t) and abs(t) != 1:  # ±1 "as 1" is ±1 kept
        wrong = Integer(-1) if term.negative else Integer(1)
        slips.record(Slip.NUMBER_DIFFERENTIATED, t, Integer(0), wrong)
        return wrong
    held = [u for u in slips.held if t.has(u)] if slips.use(Slip.HELD_TERM, t) else []
    if held:
        wrong = sympy.Add(*(derive(t, u, slips) for u in held))
        slips.record(Slip.HELD_TERM, t, Integer(0), wrong)
        return wrong
    return Integer(0)


# ------------------------------------------------------------------ rules


def derive(e: Expr, v: sympy.Symbol, slips: Slips = NONE) -> Expr:
    """d e / d v, with the slips in their rules; slips.sites collects where they changed something."""
    if slips is NONE:
        return _right(e, v)
    at_work = _at_work(e, slips)
    if at_work is None:
        return _right(e, v)
    result, sites = _derived(e, v, at_work)
    slips.sites.extend(sites)
    return result


class _AtWork(NamedTuple):  # a tuple: made and hashed for every piece of every derivation
    """What decides a piece's derivation: the slips its rules may use, where each applies, and the
    variables held constant. Derivations that differ only in slips elsewhere share it."""

    active: frozenset[Slip]
    only: frozenset[tuple[Slip, frozenset[Expr]]]
    held: tuple[sympy.Symbol, ...]


def _at_work(e: Expr, slips: Slips) -> _AtWork | None:
    """The part of `slips` that can change e's derivation; None when it is the right one."""
    active = slips.active & _may_use(e)
    if not active and not slips.held:
        return None  # the derivation with no slips at all: _right's
    only = frozenset((slip, pieces) for slip, pieces in slips.only.items() if slip in active)
    return _AtWork(active, only, slips.held)


# Cached: a variant of f changes one rule at one place or everywhere, and every other piece of f is
# derived as in the variants before it (a gradient's kinds also derive the same variants again).
@metered_cache(8192)
def _derived(e: Expr, v: sympy.Symbol, at_work: _AtWork) -> tuple[Expr, tuple[Site, ...]]:
    slips = Slips(at_work.active, dict(at_work.only), at_work.held)
    return _derive(e, v, slips), tuple(slips.sites)


@metered_cache(4096)  # without slips: the same pieces are derived right in every wrong version of f
def _right(e: Expr, v: sympy.Symbol) -> Expr:
    return _derive(e, v, NONE)


def _derive(e: Expr, v: sympy.Symbol, slips: Slips) -> Expr:
    if not e.has(v):
        return Integer(0)
    if e == v:
        return Integer(1)
    if e.is_Add:
        return sympy.Add(*(derive(a, v, slips) for a in e.args))
    if e.is_Mul:
        return _product(e, v, slips)
    if e.is_Pow and not e.exp.has(v):
        return _power(e, v, slips)
    if isinstance(e, sympy.Function) and len(e.args) == 1:
        return _function(e, v, slips)
    return sympy.diff(e, v)  # x^x and the like: no rule of ours, so no slip either


def _factor_order(factor: Expr, v: sympy.Symbol) -> tuple:
    """Powers of v first (x² before (x − 6)), as the lesson writes a product."""
    base = factor.base if factor.is_Pow else factor
    return (base != v, sympy.default_sort_key(factor))


@metered_cache(4096)
def _factors(e: Expr, v: sympy.Symbol) -> tuple[Expr, tuple[Expr, ...], Expr]:
    """A product's coefficient, its factors with v (in the lesson's order), and the rest: the same in
    every derivation of it."""
    coefficient, factors = e.as_coeff_mul()
    varying = tuple(sorted((f for f in factors if f.has(v)), key=lambda f: _factor_order(f, v)))
    return coefficient, varying, sympy.Mul(*(f for f in factors if not f.has(v)))


def _droppable(coefficient: Expr) -> bool:
    """Whether a student may leave this coefficient out: a whole number (3 of 3x²) or one over a whole
    number (1/90 of the sauna's T, which the lesson's own numbers drop most often), never 1 or -1."""
    if not coefficient.is_Rational or abs(coefficient) == 1:
        return False
    return coefficient.is_Integer or abs(coefficient.p) == 1


def _product(e: Expr, v: sympy.Symbol, slips: Slips) -> Expr:
    coefficient, varying, rest = _factors(e, v)
    if (len(varying) == 1 and isinstance(varying[0], sympy.log) and coefficient.is_Integer
            and abs(coefficient) > 1 and rest == 1 and slips.use(Slip.LN_COEFFICIENT, e)):
        u = varying[0].args[0]
        right = derive(e, v)
        wrong = sympy.sign(coefficient) * derive(u, v) / (abs(coefficient) * u)
        slips.record(Slip.LN_COEFFICIENT, e, right, wrong)
        return wrong
    if _droppable(coefficient) and slips.use(Slip.COEFFICIENT_DROPPED, e):
        right = coefficient * rest * _product_rule(varying, v, NONE)
        coefficient = sympy.sign(coefficient)
        slips.record(Slip.COEFFICIENT_DROPPED, e, right, coefficient * rest * _product_rule(varying, v, NONE))
    d_varying = _quotient_rule(varying, v, slips)
    if d_varying is None:
        d_varying = _product_rule(varying, v, slips)
    held = [u for u in slips.held if rest.has(u)]
    if held:
        return coefficient * _held(e, rest, sympy.Mul(*varying), d_varying, held, v, slips)
    return coefficient * rest * d_varying


def _held(e: Expr, rest: Expr, varying: Expr, d_varying: Expr, held: list, v: sympy.Symbol,
          slips: Slips) -> Expr:
    """rest·varying, with rest made of variables held constant: the slips about them."""
    right = rest * d_varying
    if slips.use(Slip.HELD_DROPPED, e):
        slips.record(Slip.HELD_DROPPED, e, right, d_varying, rest)
        return d_varying
    if slips.use(Slip.HELD_POWER_LOWERED, e):
        lowered = rest.replace(lambda p: p.is_Pow and p.base in held and p.exp.is_Integer and p.exp > 1,
                               lambda p: p.base ** (p.exp - 1))
        slips.record(Slip.HELD_POWER_LOWERED, e, right, lowered * d_varying, rest)
        return lowered * d_varying
    for slip in (Slip.HELD_DIFFERENTIATED, Slip.HELD_MULTIPLIED, Slip.HELD_ONLY):
        if slips.use(slip, e):
            d_rest = sympy.Add(*(derive(rest, u) for u in held))
            if slip == Slip.HELD_MULTIPLIED and d_rest == 1:
                continue  # 12mb -> 12: the same as dropping b, the likelier reading
            wrong = {Slip.HELD_DIFFERENTIATED: right + d_rest * varying,
                     Slip.HELD_MULTIPLIED: d_rest * d_varying,
                     Slip.HELD_ONLY: d_rest * varying}[slip]
            slips.record(slip, e, right, wrong, rest, extra=varying)  # its sentence names both factors
            return wrong
    return right


def _product_rule(factors: Sequence[Expr], v: sympy.Symbol, slips: Slips) -> Expr:
    if not factors:
        return Integer(0)
    if len(factors) == 1:
        return derive(factors[0], v, slips)
    u, w = factors[0], sympy.Mul(*factors[1:])
    du, dw = derive(u, v, slips), _product_rule(factors[1:], v, slips)
    right = du * w + u * dw
    whole = u * w
    if _denominators(factors):
        return right  # a quotient: its slips are the quotient rule's (a sign slip here is the same one)
    for slip, wrong in ((Slip.PRODUCT_SKIPPED, du * w), (Slip.PRODUCT_OTHER_SKIPPED, u * dw),
                        (Slip.PRODUCT_OF_DERIVATIVES, du * dw), (Slip.PRODUCT_SIGN, du * w - u * dw)):
        if slips.use(slip, whole):
            slips.record(slip, whole, right, wrong)
            return wrong
    return right


def _denominators(factors: Sequence[Expr]) -> list[Expr]:
    """The factors of a varying product that divide: w⁻ⁿ, when something varying is left above them."""
    below = [f for f in factors if f.is_Pow and f.exp.is_Integer and f.exp.is_negative]
    return below if len(below) < len(factors) else []


def _quotient_rule(factors: Sequence[Expr], v: sympy.Symbol, slips: Slips) -> Expr | None:
    """(u/w)′ = (u′w − uw′)/w² where a quotient slip is at work on u/w, both varying; else None (the
    product rule, with w⁻¹ by the power rule, gives the right derivative)."""
    below = _denominators(factors)
    above = [f for f in factors if f not in below]
    if not (below and above) or not any(slips.use(s, sympy.Mul(*factors)) for s in (Slip.QUOTIENT_SIGN,
                                                                                    Slip.QUOTIENT_SQUARE)):
        return None
    u, w = sympy.Mul(*above), sympy.Mul(*(f.base ** -f.exp for f in below))
    du, dw = derive(u, v, slips), derive(w, v, slips)
    right = (du * w - u * dw) / w**2
    whole = u / w
    for slip, wrong in ((Slip.QUOTIENT_SIGN, (du * w + u * dw) / w**2), (Slip.QUOTIENT_SQUARE, (du * w - u * dw) / w)):
        if slips.use(slip, whole):
            slips.record(slip, whole, right, wrong, extra=w)
            return wrong
    return None


def _power(e: Expr, v: sympy.Symbol, slips: Slips) -> Expr:
    base, n = e.args
    if base.is_Add and n.is_Integer and n > 1 and slips.use(Slip.POWER_OF_SUM, e):
        split = sympy.Add(*(t**n for t in base.args))
        wrong = derive(split, v, slips)
        shown = sympy.Add(*(sympy.Pow(t, n, evaluate=False) for t in base.args), evaluate=False)
        slips.record(Slip.POWER_OF_SUM, e, derive(e, v), wrong, extra=shown)
        return wrong
    right = n * base ** (n - 1)
    outer = right
    for slip, wrong in ((Slip.EXPONENT_KEPT, n * e), (Slip.NOT_MULTIPLIED, base ** (n - 1)),
                        (Slip.GAVE_EXPONENT, n), (Slip.NEW_EXPONENT, (n - 1) * base ** (n - 1)),
                        (Slip.EXPONENT_DROPPED, n * base)):
        if slips.use(slip, e) and wrong != right:  # x² by (n − 1)·xⁿ⁻¹ is x: a student who believes it writes that
            outer = wrong
            return _chain(e, base, right, outer, v, slips, slip)
    return _chain(e, base, right, outer, v, slips)


_FUNCTION_SLIPS = {  # the slips of f(u)'s own derivative: f′(u) -> the slip's version
    sympy.log: ((Slip.LN_KEPT, lambda u: sympy.log(u)), (Slip.LN_SQUARED, lambda u: 1 / u**2),
                (Slip.LN_ONE, lambda u: Integer(1))),
    sympy.sin: ((Slip.SIN_SIGN, lambda u: -sympy.cos(u)), (Slip.SIN_KEPT, lambda u: -sympy.sin(u))),
    sympy.cos: ((Slip.COS_SIGN, lambda u: sympy.sin(u)),),
}


def _function(e: Expr, v: sympy.Symbol, slips: Slips) -> Expr:
    (u,) = e.args
    if isinstance(e, sympy.exp):
        if slips.use(Slip.POWER_ON_EXP, e):
            wrong = u * sympy.exp(u - 1)  # the power rule, with the exponent u as n: no inner derivative
            slips.record(Slip.POWER_ON_EXP, e, derive(e, v), wrong)
            return wrong
        right = e
    elif isinstance(e, sympy.log):
        if u.is_Add and slips.use(Slip.LOG_OF_SUM, e):
            split = sympy.Add(*(sympy.log(t) for t in u.args))
            wrong = derive(split, v, slips)
            shown = sympy.Add(*(sympy.log(t, evaluate=False) for t in u.args), evaluate=False)
            slips.record(Slip.LOG_OF_SUM, e, derive(e, v), wrong, extra=shown)
            return wrong
        right = 1 / u
    else:
        right = _outer_derivative(e.func).xreplace({_T: u})
    for slip, wrong in _FUNCTION_SLIPS.get(e.func, ()):
        if slips.use(slip, e):
            return _chain(e, u, right, wrong(u), v, slips, slip)
    return _chain(e, u, right, right, v, slips)


_T = sympy.Dummy("t", real=True)  # as every variable is (parse.symbol): |t|′ is sign(t), not re and im

_CHAIN_SLIPS = frozenset({Slip.NO_INNER, Slip.INNER_NOT_DERIVED, Slip.INNER_LOST, Slip.INNER_HELD_TERM})
_POWER_SLIPS = frozenset({Slip.EXPONENT_KEPT, Slip.NOT_MULTIPLIED, Slip.GAVE_EXPONENT, Slip.NEW_EXPONENT,
                          Slip.EXPONENT_DROPPED})
_TWO_FACTOR_SLIPS = frozenset({Slip.QUOTIENT_SIGN, Slip.QUOTIENT_SQUARE, Slip.PRODUCT_SKIPPED,
                               Slip.PRODUCT_OTHER_SKIPPED, Slip.PRODUCT_OF_DERIVATIVES, Slip.PRODUCT_SIGN,
                               Slip.HELD_DROPPED, Slip.HELD_POWER_LOWERED, Slip.HELD_DIFFERENTIATED,
                               Slip.HELD_MULTIPLIED, Slip.HELD_ONLY})
_OWN_SLIPS = {  # a function's own slips, where _function and _product look for them
    function: frozenset(slip for slip, _ in _FUNCTION_SLIPS.get(function, ())) | extra
    for function, extra in ((sympy.exp, {Slip.POWER_ON_EXP}), (sympy.log, {Slip.LOG_OF_SUM, Slip.LN_COEFFICIENT}),
                            (sympy.sin, set()), (sympy.cos, set()))
}


def _node_slips(node: Expr) -> frozenset[Slip]:
    """The slips whose rule may be used on this node, as _product, _power, _function and _chain ask."""
    if node.is_Mul:  # the product, quotient and held-factor rules need two factors with variables
        two = sum(1 for factor in node.args if factor.free_symbols) > 1
        return frozenset({Slip.COEFFICIENT_DROPPED}) | (_TWO_FACTOR_SLIPS if two else frozenset())
    if node.is_Pow:
        found = _POWER_SLIPS | ({Slip.POWER_OF_SUM} if node.base.is_Add else frozenset())
        return found | (_CHAIN_SLIPS if not node.base.is_Symbol else frozenset())
    if isinstance(node, sympy.Function):
        own = next((slips for function, slips in _OWN_SLIPS.items() if isinstance(node, function)), frozenset())
        return own | (_CHAIN_SLIPS if any(not a.is_Symbol for a in node.args) else frozenset())
    return frozenset()


@metered_cache(4096)
def _may_use(e: Expr) -> frozenset[Slip]:
    """The slips a derivation of e may use, with respect to any variable: those of the rules for its
    nodes. More than it uses is safe (a derivation shared less), fewer is not. The pieces a rule
    builds are covered by the nodes they come from: a power of a sum split ((2x + sin x)³ as
    8x³ + sin³x) by the sum's terms and the power's chain rule, a log of a sum split by the log's,
    a quotient's u and w by the product's factors and their powers."""
    found: frozenset[Slip] = frozenset()
    for node in sympy.preorder_traversal(e):
        found |= _node_slips(node)
    return found


@lru_cache(maxsize=64)
def _outer_derivative(function: type) -> Expr:
    """f′(t) for one function f (sin, exp, atan ...): sympy's derivative, once per function rather
    than once per use (a fresh symbol each time would miss sympy's cache)."""
    return sympy.diff(function(_T), _T)


_DROPS = frozenset({Slip.COEFFICIENT_DROPPED, Slip.HELD_DROPPED})


def _chain(e: Expr, inner: Expr, right: Expr, outer: Expr, v: sympy.Symbol, slips: Slips,
           slip: Slip | None = None) -> Expr:
    """outer(inner)·inner′ (the chain rule), or a slip of the chain rule itself."""
    linear = not derive(inner, v).has(v)  # 4x, xy in ∂/∂x: their factors besides v are the inner derivative,
    # so dropping one is missing-inner-derivative, not a second way to say the same
    d_inner = derive(inner, v, replace(slips, active=slips.active - _DROPS) if linear else slips)
    result = outer * d_inner
    # the inside differentiated in every variable: e^(2x + 3y); its terms looked at only where the slip is at work
    if slips.use(Slip.INNER_HELD_TERM, e) and inner.is_Add and \
            (held := [t for t in inner.args if not t.has(v) and any(t.has(u) for u in slips.held)]):
        wrong = outer * (d_inner + sympy.Add(*(_right(t, u) for t in held for u in slips.held if t.has(u))))
        slips.record(Slip.INNER_HELD_TERM, e, right * d_inner, wrong, piece=sympy.Add(*held), extra=inner)
        return wrong
    if d_inner != 1 and inner != v:
        for chain_slip, wrong in ((Slip.NO_INNER, outer), (Slip.INNER_NOT_DERIVED, outer * inner),
                                  (Slip.INNER_LOST, outer.xreplace({inner: v}) * d_inner)):
            if slips.use(chain_slip, e):
                slips.record(chain_slip, e, right * d_inner, wrong, extra=inner)
                return wrong
    if slip is not None:
        slips.record(slip, e, right * d_inner, result)
    return result
