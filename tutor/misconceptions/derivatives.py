"""Misconceptions about differentiating: ∂f/∂x (and d/dx) done wrong in the ways students do.

Each is a slip in one rule of the derivation (tutor.misconceptions.differentiate):
y differentiated although it is held constant, the constant coefficient dropped,
a slip in the power, product, chain or log rule, a lost minus sign, a term kept
or left undifferentiated. A slip applies wherever its rule is used, or at one
place only; two slips together give the answer of a student with both
mistakes. The partial derivative, derivative, gradient, tangent-plane,
critical-point, minimisation and descent kinds all build their wrong answers
on `wrong_derivatives` (one derivative) or `wrong_gradients` (all the partials,
each slip applied in every partial where its rule is used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from itertools import combinations
from typing import NamedTuple

import mpmath
import sympy
from sympy import Expr

from ..budget import metered_cache
from ..equality import sample_points
from ..evaluate import Evaluation, Unsupported, values_at
from ..parse import Answer, Shape, symbol
from ..show import show
from ..words import and_list
from . import differentiate as d
from .base import Known, Misconception, Said, WrongAnswer, in_places, register, told
from .differentiate import Site, Slip, Slips

MISCONCEPTIONS = register(
    Misconception(
        "differentiated-constant-factor", "differentiated a factor that is held constant",
        "It looks like you differentiated {piece} as well. In ∂/∂{v}, {held}, so {piece} is only a "
        "coefficient."),
    Misconception(
        "differentiated-constant-term", "differentiated a term that is held constant",
        "It looks like you differentiated {piece} as well. In ∂/∂{v}, {held}, so {piece} is a constant "
        "term and its derivative is 0."),
    Misconception(
        "dropped-constant-factor", "dropped a factor that is held constant",
        "It looks like you dropped {piece}. In ∂/∂{v}, {held}, so {piece} is a constant coefficient and "
        "stays in the derivative."),
    Misconception(
        "held-power-lowered", "lowered the power of a variable held constant",
        "It looks like you lowered the power of {piece} too. In ∂/∂{v}, {held}, so {piece} is a constant "
        "coefficient and stays as it is."),
    Misconception(
        "dropped-constant-coefficient", "dropped the constant coefficient",
        "It looks like you dropped {dropped}. A constant coefficient stays: "
        "the derivative of {term} is {coefficient} times the derivative of {rest}."),
    Misconception(
        "power-rule-exponent-kept", "power rule without lowering the exponent",
        "It looks like you multiplied by the exponent but did not lower it. The power rule lowers the "
        "exponent by one: the derivative of {site}{by} is {right}, not {wrong}."),
    Misconception(
        "power-rule-not-multiplied", "exponent lowered but not multiplied",
        "It looks like you lowered the exponent but did not multiply by it. The derivative of {site}{by} is "
        "{right}, not {wrong}."),
    Misconception(
        "power-rule-gave-exponent", "wrote the exponent alone as the derivative",
        "It looks like you wrote just the exponent as the derivative. The power rule multiplies by the "
        "exponent and lowers it by one: the derivative of {site}{by} is {right}, not {wrong}."),
    Misconception(
        "power-rule-new-exponent", "multiplied by the lowered exponent",
        "It looks like you multiplied by the lowered exponent. The power rule multiplies by the exponent "
        "before lowering it: the derivative of {site}{by} is {right}, not {wrong}."),
    Misconception(
        "power-rule-exponent-dropped", "dropped the power after multiplying by the exponent",
        "It looks like you multiplied by the exponent and then dropped the power. The power rule lowers "
        "the exponent by one: the derivative of {site}{by} is {right}, not {wrong}."),
    Misconception(
        "power-of-sum-split", "took a power of a sum as the sum of the powers",
        "It looks like you took {site} as {split}. A power of a sum is not the sum of the powers: by the "
        "chain rule the derivative of {site}{by} is {right}."),
    Misconception(
        "power-rule-on-exp", "used the power rule on an exponential",
        "It looks like you used the power rule on {site}. The variable is in the exponent, so the power "
        "rule does not apply: the derivative of {site}{by} is {right}."),
    Misconception(
        "wrong-ln-derivative", "differentiated ln x as something other than 1/x",
        "It looks like you differentiated {site} as {wrong}. Its derivative is {right}{rule}.",
        subject="{site}"),
    Misconception(
        "log-of-sum-split", "took the log of a sum as the sum of the logs",
        "It looks like you split {site} into {split}. The logarithm of a sum is not the sum of the "
        "logarithms: by the chain rule the derivative of {site}{by} is {right}."),
    Misconception(
        "trig-derivative-sign", "the sign of sin's or cos's derivative wrong",
        "It looks like you took the wrong sign for the derivative of {function}. The derivative of "
        "{site} is {right} (sin′ = cos, cos′ = −sin)."),
    Misconception(
        "trig-function-kept", "differentiated sin u as −sin u",
        "It looks like you differentiated {site} as {wrong}. The derivative of sin is cos: the "
        "derivative of {site}{by} is {right}."),
    Misconception(
        "missing-inner-derivative", "chain rule without the inner derivative",
        "It looks like you left out the inner derivative. By the chain rule the derivative of {site}{by} is "
        "{right}: multiply by the derivative of the inside, {inner}."),
    Misconception(
        "wrong-inner-derivative", "chain rule with the inside instead of its derivative",
        "It looks like you multiplied by the inside, {inside}, instead of by its derivative. By the chain "
        "rule the derivative of {site}{by} is {right}: multiply by {inner}."),
    Misconception(
        "inner-function-lost", "chain rule with the inside lost from the outer derivative",
        "It looks like you differentiated {site} as {wrong}, losing the inside {inside}. By the chain rule "
        "the derivative of {site}{by} is {right}."),
    Misconception(
        "product-rule-skipped", "differentiated one factor of a product only",
        "It looks like you differentiated only {first} in the product {site}, as if {second} were a "
        "constant. By the product rule (uv)′ = u′v + uv′, the derivative of {site}{by} is {right}."),
    Misconception(
        "product-rule-as-product", "product rule as the product of the derivatives",
        "It looks like you multiplied the derivatives of the factors of {site}. The product rule is "
        "(uv)′ = u′v + uv′, not u′v′: the derivative of {site}{by} is {right}."),
    Misconception(
        "product-rule-sign", "product rule with a minus sign",
        "It looks like you subtracted in the product rule. It is (uv)′ = u′v + uv′, with a plus: the "
        "derivative of {site}{by} is {right}.", subject="The product rule"),
    Misconception(
        "quotient-rule-sign", "quotient rule with a plus",
        "It looks like you added in the quotient rule. It is (u/v)′ = (u′v − uv′)/v², with a minus: the "
        "derivative of {site}{by} is {right}.", subject="The quotient rule"),
    Misconception(
        "quotient-rule-square-missing", "quotient rule without the square of the denominator",
        "It looks like you divided by {denominator} instead of its square. The quotient rule is "
        "(u/v)′ = (u′v − uv′)/v²: the derivative of {site}{by} is {right}."),
    Misconception(
        "answered-other-partial", "answered the other partial derivative",
        "It looks like you differentiated with respect to {other} instead of {v}. For ∂{f}/∂{v}, {held}; "
        "only {v} varies."),
    Misconception(
        "sign-slip", "lost a minus sign in a difference",
        "It looks like you lost a minus sign. The derivative of a difference is the difference of the "
        "derivatives: the term {term} gives {right}."),
    Misconception(
        "kept-constant-term", "kept a constant term instead of its derivative 0",
        # signed as the student kept it (h17: "kept the term 5y³" where f has -5y³)
        "It looks like you kept the term {site}. {site} does not change when {v} changes, so its "
        "derivative is 0."),
    Misconception(
        "number-differentiated", "differentiated a constant as 1",
        "It looks like you differentiated the constant {piece} as 1. A constant does not change, so its "
        "derivative is 0."),
    Misconception(
        "term-treated-as-constant", "treated a term with the variable as a constant",
        # "the term", signed as in f: "you treated y as a constant. It changes with y" read as the variable frozen
        "It looks like you treated the term {site} as a constant. It changes with {v}: the derivative of {site}{by} "
        "is {right}, not 0.", subject="The term {site}"),
    Misconception(
        "term-not-differentiated", "left a term as it was instead of differentiating it",
        "It looks like you left {piece} as it is instead of differentiating it. The derivative of {site}{by} "
        "is {right}."),
    Misconception(
        "integrated-instead", "integrated instead of differentiating",
        "It looks like you integrated instead of differentiating: {antiderivative} is an antiderivative "
        "of {function}{by}. The derivative of {function}{by} is {right}."),
    Misconception(
        "gave-whole-gradient", "gave the whole gradient for one partial derivative",
        "It looks like you gave the whole gradient. ∂{f}/∂{v} is one of its components, a single "
        "expression."),
    Misconception(
        "added-constant-of-integration", "added a constant of integration to a derivative",
        "It looks like you added a constant of integration. A derivative has none: + C belongs to an "
        "antiderivative."),
)

# A slip that is another form of a catalogued mistake says what it did in its own words, under the
# mistake's id: "differentiated y³ as well" is true of 6xy³ + 9x²y² but not of 18xy² or of 4x for 4xy.
_HELD_FACTOR = MISCONCEPTIONS["differentiated-constant-factor"]
_OWN_WORDS = {
    # ln x "differentiated as ln x" is ln x left as it is, as a power's is said
    Slip.LN_KEPT: replace(MISCONCEPTIONS["wrong-ln-derivative"], sentence=(
        "It looks like you left {site} as it is instead of differentiating it. Its derivative is {right}{rule}.")),
    Slip.HELD_MULTIPLIED: replace(_HELD_FACTOR, sentence=(
        "It looks like you differentiated {piece} as well and multiplied the derivatives of {varying} and "
        "{piece}. In ∂/∂{v}, {held}, so {piece} is only a coefficient.")),
    Slip.HELD_ONLY: replace(_HELD_FACTOR, sentence=(
        "It looks like you differentiated {piece} in {term} instead of {varying}. In ∂/∂{v}, {held}, so "
        "{piece} is only a coefficient.")),
}

_MAX_SITES = 4  # places a slip is tried at alone, besides everywhere
_MAX_PAIRS = 240  # two slips at once, for one derivative: the simplest pairs first


@dataclass(frozen=True)
class WrongDerivative:
    misconception: str  # an id, or two joined by "+"
    derivative: Expr
    said: tuple[Said, ...]
    variant: tuple[tuple[Slip, Expr | None], ...] = ()  # the slips and where: () for other mistakes
    known: Known | None = None  # its values at a diagnosis table's points, from its terms' (_fingerprint)

    @property
    def message(self) -> str:
        return told([(None, s) for s in self.said])

    def as_answer(self) -> WrongAnswer:
        """The wrong answer to the derivative asked itself, its values known."""
        return WrongAnswer.of(self.said, Answer(Shape.EXPRESSION, self.derivative), known=self.known)


class _Wording:
    """What the sentences say about one exercise: its variables, the one that varies, f's name."""

    def __init__(self, variables: Sequence[str], wrt: str, name: str):
        self.variables = tuple(variables)
        self.v = wrt
        self.name = name
        held = and_list([u for u in self.variables if u != wrt])
        self.held = f"{held} {'is a constant' if ' and ' not in held else 'are constants'}"

    def show(self, value: Expr) -> str:
        return show(value, self.variables)

    def fill(self, misconception: str, **fields: str) -> Said:
        return MISCONCEPTIONS[misconception].fill(v=self.v, held=self.held, f=self.name, **fields)

    def say(self, misconception: str, **fields: str) -> str:
        return self.fill(misconception, **fields).sentence

    def said_slip(self, slip: Slip, fields: Callable[[], dict[str, str]]) -> Said:
        """The sentence of a slip, its fields made when first read: its own words where it has them, else
        its misconception's."""
        # Made for every pair of slips a variant tries, and read for the one a student is told: no more work
        # here than the lookup (the subject's fields are made again where both are read, a joined message)
        template = _OWN_WORDS.get(slip) or MISCONCEPTIONS[slip.misconception]
        subject = template.subject
        return Said(slip.misconception, lambda: template.say(v=self.v, held=self.held, f=self.name, **fields()),
                    None if subject is None else
                    lambda: subject.format(v=self.v, held=self.held, f=self.name, **fields()))


_LN_RULE = " (the derivative of ln x is 1/x)"


def said_of(site: Site, words: _Wording) -> Said:
    """The sentence of the slip at `site`, filled with its pieces (when first read)."""
    return words.said_slip(site.slip, lambda: _fields(site, words))


def _fields(site: Site, words: _Wording) -> dict[str, str]:
    s = words.show
    slip, piece = site.slip, site.piece
    fields = {"site": s(piece), "right": s(site.right), "wrong": s(site.wrong), "piece": s(_unsigned(piece)),
              # "the derivative of yeˣ" is eˣ or yeˣ: a piece with a held variable says which one varies
              "by": f" with respect to {words.v}" if piece.free_symbols - {symbol(words.v)} else ""}
    if slip in (Slip.NO_INNER, Slip.INNER_NOT_DERIVED, Slip.INNER_LOST):
        inside = site.extra
        fields |= {"inner": s(d.derive(inside, symbol(words.v))), "inside": s(inside)}
    elif slip in (Slip.POWER_OF_SUM, Slip.LOG_OF_SUM):
        fields["split"] = s(site.extra)
    elif slip in (Slip.LN_KEPT, Slip.LN_SQUARED, Slip.LN_ONE, Slip.LN_COEFFICIENT):
        plain = isinstance(piece, sympy.log) and piece.args[0] == symbol(words.v)
        fields["rule"] = "" if plain or slip == Slip.LN_COEFFICIENT else _LN_RULE
    elif slip in (Slip.SIN_SIGN, Slip.COS_SIGN):
        fields["function"] = "sin" if slip == Slip.SIN_SIGN else "cos"
    elif slip in (Slip.PRODUCT_SKIPPED, Slip.PRODUCT_OTHER_SKIPPED):
        v = symbol(words.v)
        factors = sorted((f for f in sympy.Mul.make_args(piece) if f.has(v)), key=lambda f: d._factor_order(f, v))
        first, second = factors[0], sympy.Mul(*factors[1:])  # u and v of (uv)′, as the product rule splits it
        if slip == Slip.PRODUCT_OTHER_SKIPPED:  # the sentence names the factor the student differentiated
            first, second = second, first
        fields |= {"first": s(first), "second": s(second)}
    elif slip in (Slip.QUOTIENT_SIGN, Slip.QUOTIENT_SQUARE):
        fields["denominator"] = s(site.extra)
    elif slip == Slip.COEFFICIENT_DROPPED:
        coefficient, rest = piece.as_coeff_Mul()
        # every coefficient the slip dropped (_terms_together): 2x² + 8x as 2x + 1 drops 2 and 8, and 2 alone gives
        # another answer (h18)
        dropped = list(dict.fromkeys(abs(c) for c in site.extra.args)) if isinstance(site.extra, sympy.Tuple) \
            else [abs(coefficient)]
        plural = "s" if len(dropped) > 1 else ""
        fields |= {"coefficient": s(abs(coefficient)), "term": s(_unsigned(piece)), "rest": s(rest),
                   "dropped": f"the constant coefficient{plural} {and_list([s(c) for c in dropped])}"}
    elif slip == Slip.SIGN:
        fields |= {"term": s(piece)}
    elif slip in (Slip.HELD_MULTIPLIED, Slip.HELD_ONLY):
        fields |= {"varying": s(site.extra), "term": s(_unsigned(site.key))}
    return fields


def _unsigned(term: Expr) -> Expr:
    return -term if term.could_extract_minus_sign() else term


# ------------------------------------------------------------------ one derivative


Variant = tuple[tuple[Slip, Expr | None], ...]  # slips, each everywhere (None) or at one piece


def _run(f: Expr, v: sympy.Symbol, variant: Variant, held: tuple,
         variables: Sequence[str]) -> tuple[Expr, tuple[Site, ...]]:
    return _derivation(f, v, variant, held, tuple(variables))


@metered_cache(4096)
def _derivation(f: Expr, v: sympy.Symbol, variant: Variant, held: tuple,
                variables: tuple[str, ...]) -> tuple[Expr, tuple[Site, ...]]:
    return _joined(_termwise(f, v, variant, held, variables))


def _joined(terms: Sequence[tuple[Expr, tuple[Site, ...]]]) -> tuple[Expr, tuple[Site, ...]]:
    """A derivation term by term as one: the derivative (their sum) and every site, in order."""
    return sympy.Add(*(derivative for derivative, _ in terms)), tuple(site for _, sites in terms for site in sites)


# Cached: finding where a slip applies runs it everywhere, as its candidate does, a pair of slips takes
# its terms from each slip's own derivation, and a gradient's kinds run the same slips on each partial
# alone and on all of them.
@metered_cache(4096)
def _termwise(f: Expr, v: sympy.Symbol, variant: Variant, held: tuple, variables: tuple[str, ...],
              at: int = -1) -> tuple[tuple[Expr, tuple[Site, ...]], ...]:
    only: dict[Slip, frozenset[Expr]] = {}
    for slip, piece in variant:
        if piece is not None:
            only[slip] = only.get(slip, frozenset()) | {piece}
    slips = Slips(frozenset(s for s, _ in variant), only, held)
    return tuple(d.termwise(f, v, slips, variables, at))


class _Alone(NamedTuple):
    """One slip's derivation term by term, and how it bears on each term (differentiate.Reach): the
    terms it reaches, decides, or reaches only beside HELD_TERM (a bit each, in order)."""

    terms: tuple[tuple[Expr, tuple[Site, ...]], ...]
    reached: int
    decides: int
    beside: int


def _alone(f: Expr, v: sympy.Symbol, variant: Variant, held: tuple, variables: tuple[str, ...]) -> _Alone:
    ((slip, piece),) = variant
    reach = d.reaches(f, v, variables, held, slip, piece)

    def bits(*kinds: d.Reach) -> int:
        return sum(1 << i for i, r in enumerate(reach) if r in kinds)

    return _Alone(_termwise(f, v, variant, held, variables), bits(*_REACHING),
                  bits(d.Reach.DECIDES), bits(d.Reach.BESIDE_HELD_TERM))


_REACHING = tuple(r for r in d.Reach if r != d.Reach.NO)  # iterating an enum is slow: once, not per slip


def _paired(f: Expr, v: sympy.Symbol, held: tuple, variables: tuple[str, ...], first: Variant, second: Variant,
            own: Callable[[Variant], _Alone]) -> list[tuple[Expr, tuple[Site, ...]]]:
    """Two slips' derivation term by term (a sum's derivative is its terms'), for slips of different
    rules: a term one slip decides, or only one reaches, as that slip derives it alone (`own`); a
    term neither reaches as either does. Only the terms both reach (and neither decides, and not
    both only beside HELD_TERM) are derived with both."""
    a, b = own(first), own(second)
    both = a.reached & b.reached & ~(a.decides | b.decides) & ~(a.beside & b.beside)
    from_b = b.decides | b.reached & ~b.beside & ~a.decides
    joint = iter(_termwise(f, v, first + second, held, variables, both) if both else ())
    return [next(joint) if both >> i & 1 else b_term if from_b >> i & 1 else a_term
            for i, (a_term, b_term) in enumerate(zip(a.terms, b.terms))]


def _keys(f: Expr, v: sympy.Symbol, slip: Slip, held: tuple, variables: Sequence[str]) -> list[Expr]:
    """The places where `slip` changes ∂f/∂v, in order."""
    if slip in d.ONE_AT_A_TIME:
        varying = [t for t in d.terms(f, tuple(variables)) if t.has(v)]
        return varying if len(varying) > 1 else []
    if all(reach < d.Reach.YES for reach in d.reaches(f, v, tuple(variables), held, slip, None)):
        return []  # alone, it changes no term: most slips, for one f
    _, sites = _run(f, v, ((slip, None),), held, variables)
    return [key for key in dict.fromkeys(site.key for site in sites if site.slip == slip) if offered_alone(slip, key)]


def offered_alone(slip: Slip, key: Expr) -> bool:
    """Whether `slip` at this one place is a candidate of its own: on a square, (n − 1)·uⁿ⁻¹ is uⁿ⁻¹, the
    exponent not multiplied, said as that (the slip is tried on a square only everywhere)."""
    return not (slip == Slip.NEW_EXPONENT and key.is_Pow and key.exp == 2)


def slip_variants(f: Expr, v: sympy.Symbol, held: tuple,
                  variables: Sequence[str]) -> tuple[list[Variant], list[Variant]]:
    """Each slip that changes ∂f/∂v, everywhere its rule is used; then the slips at one place
    each (where the rule is used at several, as singles; every one, for pairs)."""
    everywhere: list[Variant] = []
    alone: list[Variant] = []
    for slip in Slip:
        keys = _keys(f, v, slip, held, variables)
        if keys and slip not in d.ONE_AT_A_TIME:
            everywhere.append(((slip, None),))
        alone += [((slip, key),) for key in keys[:_MAX_SITES]]
    return everywhere, alone


def _said(sites: Sequence[Site], words: _Wording) -> tuple[Said, ...]:
    """One sentence per misconception among the sites, for the first place each changed."""
    first: dict[str, Site] = {}
    for site in _terms_together(sites):
        first.setdefault(site.slip.misconception, site)
    return tuple(said_of(site, words) for site in first.values())


_TOGETHER = (Slip.TERM_NOT_DIFFERENTIATED, Slip.HELD_TERM)  # slips whose every term a sentence names


def _terms_together(sites: Sequence[Site]) -> list[Site]:
    """The sites of one derivative, the terms one slip of _TOGETHER changed made one: its sentence names every
    such term ("you left x² + 3x as it is", often f itself; "you differentiated 3b² - 20b as well"), where naming
    the first alone ("you left x² as it is") gives another answer."""
    found = list(sites)
    for slip in _TOGETHER:
        same = [site for site in found if site.slip == slip]
        if len(same) < 2:
            continue
        together = replace(same[0], piece=sympy.Add(*(site.piece for site in same)),
                           right=sympy.Add(*(site.right for site in same)),
                           wrong=sympy.Add(*(site.wrong for site in same)))
        found = [together if site is same[0] else site for site in found if site not in same[1:]]
    dropped = [site for site in found if site.slip == Slip.COEFFICIENT_DROPPED]
    if len(dropped) > 1:  # its sentence names every coefficient, its reason the first term's
        together = replace(dropped[0], extra=sympy.Tuple(*(site.piece.as_coeff_Mul()[0] for site in dropped)))
        found = [together if site is dropped[0] else site for site in found if site not in dropped[1:]]
    return found


_PROBES = ((Fraction(7, 11), Fraction(-13, 17), Fraction(5, 3)), (Fraction(-19, 7), Fraction(3, 13), Fraction(-2, 9)))


def fingerprint(expr: Expr, names: Sequence[str]) -> tuple:
    """expr's values at two fixed points, to tell different derivatives apart without sympy's
    algebra (equal expressions have equal values; different ones almost never agree at both)."""
    return _fingerprint(expr, tuple(names))[:len(_PROBES)]


def differ(a: Expr, b: Expr, names: Sequence[str]) -> bool:
    """Whether two derivatives differ, exactly: told apart by their values at the probes where these are
    exact rationals (remembered: most are partials met before), else by sympy's algebra."""
    if a == b:
        return False
    values = fingerprint(a, names), fingerprint(b, names)
    if values[0] != values[1] and all(isinstance(v, Fraction) for v in (*values[0], *values[1])):
        return True
    return sympy.expand(a - b) != 0


@metered_cache(8192)  # the same partial comes again and again: in every candidate where it is right
def _fingerprint(expr: Expr, names: tuple[str, ...]) -> tuple:
    """fingerprint, then expr's values at a diagnosis table's points where all of them are exact, small
    rationals (a polynomial's): the table takes them from there (known)."""
    if expr.is_Add:  # most wrong derivatives share their terms with others: add the terms' values
        summed = _summed(expr.args, names)
        if summed is not None:
            return summed
    return _evaluated(expr, names)


def _evaluated(expr: Expr, names: tuple[str, ...]) -> tuple:
    """_fingerprint, by evaluating expr itself."""
    syms = [symbol(n) for n in names]
    try:
        found = values_at(expr, syms, [probe[:len(names)] for probe in _PROBES])
    except Unsupported:
        return ("expr", sympy.srepr(sympy.expand(expr)))
    probed = tuple(None if v is None else v.value if isinstance(v.value, Fraction) else mpmath.nstr(v.value, 30)
                   for v in found)
    if not all(isinstance(v, Fraction) for v in probed):
        return probed
    try:
        at_table = values_at(expr, syms, table_points(len(names)))
    except (Unsupported, KeyError, TypeError):
        return probed
    exact = tuple(v.value for v in at_table if v is not None and isinstance(v.value, Fraction))
    return probed + exact if len(exact) == len(at_table) else probed


_SMALL_BITS = 4096  # far below the evaluator's bound for exact sums (tutor.evaluate): its sum is exact too


def _summed(terms: Sequence[Expr], names: tuple[str, ...]) -> tuple | None:
    """_fingerprint of a sum, from its terms' (remembered): the values the sum's own evaluation gives,
    where every term's is an exact, small rational (at the table's points too where all have them there);
    None where one is not."""
    values = []
    for column in zip(*(_fingerprint(t, names) for t in terms)):
        numerator, denominator, bits = 0, 1, 0  # summed unreduced (Fraction's own sums reduce each time)
        for value in column:
            if not isinstance(value, Fraction):
                return None
            n, d = value.numerator, value.denominator
            bits += max(n.bit_length(), d.bit_length())
            numerator, denominator = (numerator + n, d) if d == denominator else \
                (numerator * d + n * denominator, denominator * d)
        if bits > _SMALL_BITS:
            return None
        values.append(Fraction(numerator) if denominator == 1 else Fraction(numerator, denominator))
    return tuple(values)


def _known(derivative: Expr, values: tuple, names: tuple[str, ...]) -> Known | None:
    """The values at the table's points in a derivative's _fingerprint, where it has them and is no number
    (a table evaluates a number once, at no point)."""
    at_table = values[len(_PROBES):]
    if not at_table or len(set(at_table)) == 1 and not derivative.free_symbols:
        return None
    return Known(names, table_points(len(names)), tuple(Evaluation(v) for v in at_table))


TABLE_POINTS = 4  # sample points an expression must agree at to match a candidate (a diagnosis table's)


@cache
def table_points(count: int) -> tuple[tuple[Fraction, ...], ...]:
    """The points a table evaluates an expression in `count` variables at, as one shared tuple."""
    return tuple(sample_points(count)[:TABLE_POINTS])


def wrong_derivatives(f: Expr, wrt: str, variables: Sequence[str], name: str = "f",
                      pairs: bool = True) -> list[WrongDerivative]:
    """The derivatives ∂f/∂wrt that one misconception produces, then two at once (when `pairs`)."""
    singles, paired = derivative_tiers(f, wrt, variables, name)
    return singles + paired() if pairs else singles


def derivative_tiers(f: Expr, wrt: str, variables: Sequence[str],
                     name: str = "f") -> tuple[list[WrongDerivative], Callable[[], list[WrongDerivative]]]:
    """The derivatives ∂f/∂wrt that one misconception produces, and a function making those of two at once.

    Some may equal the right derivative for this f (no coefficient to drop); the caller discards
    those. Each misconception comes once for each different derivative it gives; two different
    ones may give the same (then a student is told either); a pair comes only where no single
    misconception gives its derivative.
    """
    f = d.rebuild(f)
    v = symbol(wrt)
    held = tuple(symbol(u) for u in variables if u != wrt)
    words = _Wording(variables, wrt, name)
    names = tuple(variables)
    right = d.differentiate(f, v)
    found: list[WrongDerivative] = []
    seen: dict[tuple, set[str]] = {fingerprint(right, variables): {""}}
    others = {u.name: d.differentiate(f, u) for u in held}
    other_keys = {fingerprint(o, variables) for o in others.values()}

    def accepted(key: tuple, said: Sequence[str], variant: Variant) -> str | None:
        """The ids of what is said (its misconceptions, each once), for a derivative with this fingerprint
        that is new; None if it is not."""
        if not said:
            return None
        ids = "+".join(said)
        if key in seen and (len(said) > 1 or ids in seen[key] or "" in seen[key]):
            return None
        if variant and variant[0][0] == Slip.HELD_ONLY and key in other_keys:
            return None  # only the held factor differentiated, in a single term: that is the other partial
        seen.setdefault(key, set()).add(ids)
        return ids

    def add(derivative: Expr, said: tuple[Said, ...], variant: Variant = ()) -> None:
        values = _fingerprint(derivative, names)
        ids = accepted(values[:len(_PROBES)], [s.misconception for s in said], variant)
        if ids is not None:
            found.append(WrongDerivative(ids, derivative, said, variant, _known(derivative, values, names)))

    for u, other in others.items():
        add(other, (words.fill("answered-other-partial", other=u),))
    everywhere, alone = slip_variants(f, v, held, variables)
    singles = everywhere + [a for a in alone if sum(1 for b in alone if b[0][0] == a[0][0]) > 1]
    forms = [(f, singles)]
    expanded = _expand_varying(f, v)
    if expanded != f:  # a student may multiply out first, then slip on the terms
        # (n − 1)·uⁿ⁻¹ everywhere only: a belief about the rule's order shows at every power, x² -> x too
        # (x³ − 6x² as 2x² − 6x; 2x² − 12x is the product rule skipped in the form as written)
        forms.append((expanded, [variant for group in slip_variants(expanded, v, held, variables) for variant in group
                                 if variant[0][0].rule == "power"
                                 and not (variant[0][0] == Slip.NEW_EXPONENT and variant[0][1] is not None)]))
    for form, variants in forms:
        for variant in variants:
            derivative, sites = _run(form, v, variant, held, variables)
            add(derivative, _said(sites, words)[:1], variant)

    @cache  # made once: what it finds joins `seen`
    def paired() -> list[WrongDerivative]:
        pairs: list[WrongDerivative] = []
        own = cache(lambda variant: _alone(f, v, variant, held, names))  # each slip's own, for its pairs
        made: dict[tuple[Expr, ...], tuple] = {}  # the terms' derivatives of a pair: its fingerprint
        for first, second in _pairs(everywhere, alone):
            terms = _paired(f, v, held, names, first, second, own)
            derivatives = tuple(derivative for derivative, _ in terms)
            if made.get(derivatives) in seen:
                continue  # the very terms of a derivative found before (most pairs): `add` would refuse it
            # their sum's fingerprint from theirs, as _fingerprint sums its terms': the sum is made only if new
            values = _summed(derivatives, names) or _fingerprint(sympy.Add(*derivatives), names)
            made[derivatives] = values[:len(_PROBES)]
            both = [site for _, sites in terms for site in sites]
            # what _said would say, by its misconceptions: its sentences are made only for a pair kept
            said_ids = list(dict.fromkeys(site.slip.misconception for site in both))
            ids = accepted(made[derivatives], said_ids, first + second) if len(said_ids) == 2 else None
            if ids is not None:
                said = _said(both, words)
                derivative = sympy.Add(*derivatives)
                pairs.append(WrongDerivative(ids, derivative, said, first + second, _known(derivative, values, names)))
        return pairs
    return found, paired


def _expand_varying(f: Expr, v: sympy.Symbol) -> Expr:
    """f with the factors that vary multiplied out in each term: x²(x − 6)y² as (x³ − 6x²)y²."""
    terms = []
    for term in sympy.Add.make_args(f):
        coefficient, factors = term.as_coeff_mul()
        varying = sympy.Mul(*(g for g in factors if g.has(v)))
        rest = sympy.Mul(*(g for g in factors if not g.has(v)))
        terms.append(coefficient * rest * sympy.expand(varying) if varying.is_Mul else term)
    return sympy.Add(*terms)


def _pairs(everywhere: Sequence[Variant], alone: Sequence[Variant]) -> Iterable[tuple[Variant, Variant]]:
    """Two slips of different rules: both everywhere first, then one at one place, at most
    _MAX_PAIRS."""
    count = 0
    for group in (combinations(everywhere, 2), ((a, b) for a in everywhere for b in alone),
                  combinations(alone, 2)):
        for a, b in group:
            if a[0][0].rule == b[0][0].rule:
                continue
            yield a, b
            count += 1
            if count >= _MAX_PAIRS:
                return


# ------------------------------------------------------------ every partial


def _held_twice(sites: Sequence[tuple[str, Site]]) -> bool:
    """Whether two terms of one partial are each held constant: a sentence names one term held constant
    in a partial (ax in ∂f/∂x and by in ∂f/∂y is two sentences), and eˣ − 2x with both held has no
    derivative at all, not "you treated eˣ as a constant"."""
    held = [v_name for v_name, site in sites if site.slip in d.ONE_AT_A_TIME]
    return len(held) != len(set(held))


WrongGradient = tuple[tuple[Said, ...], tuple[Expr, ...]]  # what is said, and all the partials


def wrong_gradients(f: Expr, variables: Sequence[str], name: str = "f", pairs: str = "") -> list[WrongGradient]:
    """(what is said, all the partials) for each slip, then for two at once (`gradient_tiers`)."""
    singles, paired = gradient_tiers(f, variables, name, pairs)
    return singles + paired()


def gradient_tiers(f: Expr, variables: Sequence[str], name: str = "f",
                   pairs: str = "") -> tuple[list[WrongGradient], Callable[[], list[WrongGradient]]]:
    """(what is said, all the partials) for each slip applied in every partial where its rule is
    used, or at one piece of f wherever that piece appears, or at several such pieces (the cross
    terms, the linear terms); and a function making those of two slips at once: none (pairs=""),
    those applied everywhere ("everywhere"), or all ("all"). The other partials stay right."""
    f = d.rebuild(f)
    syms = [symbol(v) for v in variables]
    right = tuple(d.differentiate(f, s) for s in syms)
    helds = [tuple(u for u in syms if u != s) for s in syms]
    everywhere: list[Variant] = []
    alone: list[Variant] = []
    for slip in Slip:
        keys: list[Expr] = []
        for s, held in zip(syms, helds):
            keys += [k for k in _keys(f, s, slip, held, variables) if k not in keys]
        if keys and slip not in d.ONE_AT_A_TIME:
            everywhere.append(((slip, None),))
        if len(keys) > 1 or slip in d.ONE_AT_A_TIME:
            alone += [((slip, key),) for key in keys[:_MAX_SITES]]
    seen = {tuple(fingerprint(r, variables) for r in right)}

    def made(variants: Iterable[Variant]) -> list[WrongGradient]:
        found = []
        for variant in variants:
            partials, sites = [], []
            for s, held, v_name in zip(syms, helds, variables):
                derivative, here = _run(f, s, variant, held, variables)
                partials.append(derivative)
                sites += [(v_name, site) for site in _terms_together(here)]
            key = tuple(fingerprint(p, variables) for p in partials)
            if not sites or key in seen or _held_twice(sites):
                continue
            first: dict[str, dict[str, Said]] = {}  # misconception -> partial -> its first site's sentence
            for v_name, site in sites:
                first.setdefault(site.slip.misconception, {}).setdefault(
                    v_name, said_of(site, _Wording(variables, v_name, name)))
            if len(first) != len({slip.misconception for slip, _ in variant}):
                continue  # one of the slips changed nothing: the pair is a single, already found
            seen.add(key)
            found.append((tuple(in_places(m, [(f"∂{name}/∂{v}", said) for v, said in by_partial.items()])
                                for m, by_partial in first.items()), tuple(partials)))
        return found

    singles = made([*everywhere, *alone, *(a + b for a, b in combinations(alone, 2) if a[0][0] == b[0][0])])
    # (the last: one slip, at two places)

    @cache  # made once: what it finds joins `seen`
    def paired() -> list[WrongGradient]:
        return made([a + b for a, b in _pairs(everywhere, alone if pairs == "all" else ())] if pairs else [])
    return singles, paired
