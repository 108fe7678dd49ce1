"""Misconceptions about differentiating: ∂f/∂x (and d/dx) done wrong in the ways students do.

Each one turns the right derivation into a wrong derivative: y differentiated
although it is held constant, the constant coefficient dropped, a slip in the
power, chain or log rule, a lost minus sign, a constant term kept. The partial
derivative, derivative, gradient, tangent-plane and minimisation kinds all
build their wrong answers on `wrong_derivatives` (and, for a vector of
partials, `faulty_partials`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..calculus import derivative
from ..parse import symbol
from ..show import ordered_terms, show
from ..words import and_list
from . import differentiate as d
from .base import Misconception, register

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
        "dropped-constant-coefficient", "dropped the constant coefficient",
        "It looks like you dropped the constant coefficient {coefficient}. A constant coefficient stays: "
        "the derivative of {term} is {coefficient} times the derivative of {rest}."),
    Misconception(
        "power-rule-exponent-kept", "power rule without lowering the exponent",
        "It looks like you multiplied by the exponent but did not lower it. The power rule lowers the "
        "exponent by one: the derivative of {site} is {right}, not {wrong}."),
    Misconception(
        "power-rule-not-multiplied", "exponent lowered but not multiplied",
        "It looks like you lowered the exponent but did not multiply by it. The derivative of {site} is "
        "{right}, not {wrong}."),
    Misconception(
        "answered-other-partial", "answered the other partial derivative",
        "It looks like you differentiated with respect to {other} instead of {v}. For ∂{f}/∂{v}, {held}; "
        "only {v} varies."),
    Misconception(
        "sign-slip", "lost a minus sign in a difference",
        "It looks like a minus sign went missing. The derivative of a difference is the difference of the "
        "derivatives: the term {term} gives {right}."),
    Misconception(
        "missing-inner-derivative", "chain rule without the inner derivative",
        "It looks like you left out the inner derivative. By the chain rule the derivative of {site} is "
        "{right}: multiply by the derivative of the inside, {inner}."),
    Misconception(
        "wrong-ln-derivative", "differentiated ln x as ln x or as 1/x²",
        "It looks like you differentiated {site} as {wrong}; its derivative is {right}{rule}."),
    Misconception(
        "trig-derivative-sign", "differentiated cos x as sin x",
        "It looks like the minus sign of the cosine's derivative went missing: the derivative of {site} is "
        "{right}{rule}."),
    Misconception(
        "evaluated-at-swapped-point", "put in the point's coordinates the wrong way round",
        "It looks like you evaluated at {swapped} instead of {point}: here {assignment}."),
    Misconception(
        "gave-function-value", "gave the function's value instead of the derivative's",
        "It looks like you gave the value of {f} itself at {point}. Differentiate first, then put in the "
        "point."),
    Misconception(
        "kept-constant-term", "kept a constant term instead of its derivative 0",
        "It looks like you kept the term {piece}. It does not change when {v} changes, so its derivative "
        "is 0."),
)


@dataclass(frozen=True)
class WrongDerivative:
    misconception: str
    derivative: Expr
    message: str


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

    def say(self, misconception: str, **fields: str) -> str:
        return MISCONCEPTIONS[misconception].say(v=self.v, held=self.held, f=self.name, **fields)


def wrong_derivatives(f: Expr, wrt: str, variables: Sequence[str], name: str = "f") -> list[WrongDerivative]:
    """The derivatives ∂f/∂wrt that the catalogue's misconceptions produce, most telling first.

    Some may equal the right derivative for this f (no coefficient to drop); the
    caller discards those.
    """
    f = d.rebuild(f)
    v = symbol(wrt)
    held = [symbol(u) for u in variables if u != wrt]
    words = _Wording(variables, wrt, name)
    terms = tuple(ordered_terms(f, variables))  # the order the student reads them in
    found: list[WrongDerivative] = []
    if held:
        found += _held_variable(terms, v, held, words)
    found += _coefficient(terms, v, words)
    found += _rule_slips(f, v, words)
    found += _signs(terms, v, words)
    found += _kept_constants(terms, v, words)
    if held:
        found += [WrongDerivative("answered-other-partial", d.derive(f, u),
                                  words.say("answered-other-partial", other=u.name)) for u in held]
    return found


# ------------------------------------------------------------- held variables


def _piece(term: Expr, v: sympy.Symbol, held: list) -> Expr | None:
    """The part of a term made of held variables (y³ in 3x²y³), if it has one."""
    constant, _ = term.as_independent(v, as_Add=False)
    piece = constant.as_coeff_Mul()[1]
    return piece if piece.free_symbols & set(held) else None


def _varying(e: Expr, varying: list) -> Expr:
    """e's derivative when every variable in `varying` moves with x (dy/dx = 1)."""
    return sympy.Add(*(d.derive(e, u) for u in varying))


def _held_variable(terms: tuple, v: sympy.Symbol, held: list, words: _Wording) -> list[WrongDerivative]:
    pieces = [p for p in (_piece(t, v, held) for t in terms if t.has(v)) if p is not None]
    constant_terms = [t for t in terms if not t.has(v) and t.free_symbols & set(held)]
    everything = [v, *held]
    right = [d.derive(t, v) for t in terms]

    def with_factors(wrong) -> Expr:  # terms with a held factor done wrong, the others right
        return sympy.Add(*(wrong(t) if t.has(v) and _piece(t, v, held) is not None else r
                           for t, r in zip(terms, right)))

    found = []
    if pieces:
        piece = words.show(pieces[0])
        differentiated = words.say("differentiated-constant-factor", piece=piece)
        # the product rule with y varying too: 3x²y³ -> 6xy³ + 9x²y²
        found.append(WrongDerivative("differentiated-constant-factor",
                                     with_factors(lambda t: _varying(t, everything)), differentiated))
        # y³ left out as if it were a constant term: 3x²y³ -> 6x
        dropped = with_factors(lambda t: d.derive(t.as_coeff_Mul()[0] * t.as_independent(v, as_Add=False)[1], v))
        found.append(WrongDerivative("dropped-constant-factor", dropped,
                                     words.say("dropped-constant-factor", piece=piece)))
        # each factor differentiated on its own and the derivatives multiplied: 3x²y³ -> 18xy²;
        # for a factor like y, whose derivative is 1, that is the same as dropping it, the likelier reading
        multiplied = with_factors(lambda t: _product_of_derivatives(t, everything))
        if sympy.expand(multiplied - dropped) != 0:
            found.append(WrongDerivative("differentiated-constant-factor", multiplied, differentiated))
    if constant_terms:
        message = words.say("differentiated-constant-term", piece=words.show(_unsigned(constant_terms[0])))
        wrong = [_varying(t, held) if t in constant_terms else r for t, r in zip(terms, right)]
        found.append(WrongDerivative("differentiated-constant-term", sympy.Add(*wrong), message))
        if pieces:  # y varying everywhere: the sum of all the partial derivatives
            found.append(WrongDerivative("differentiated-constant-factor",
                                         _varying(sympy.Add(*terms), everything), differentiated))
    return found


def _product_of_derivatives(term: Expr, varying: list) -> Expr:
    coefficient, rest = term.as_coeff_Mul()
    factors = sympy.Mul.make_args(rest)
    return coefficient * sympy.Mul(*(_varying(f, varying) if f.free_symbols & set(varying) else f
                                     for f in factors))


def _unsigned(term: Expr) -> Expr:
    return -term if term.could_extract_minus_sign() else term


# --------------------------------------------------------------- coefficients


def _coefficient(terms: tuple, v: sympy.Symbol, words: _Wording) -> list[WrongDerivative]:
    """3x² -> 2x: the numeric coefficient left out (its sign kept: that is another slip)."""
    dropped, first = [], None
    for t in terms:
        coefficient, rest = t.as_coeff_Mul()
        if t.has(v) and coefficient.is_Rational and abs(coefficient) != 1:
            first = first or (abs(coefficient), _unsigned(t), rest)
            dropped.append(sympy.sign(coefficient) * d.derive(rest, v))
        else:
            dropped.append(d.derive(t, v))
    if first is None:
        return []
    coefficient, term, rest = first
    return [WrongDerivative("dropped-constant-coefficient", sympy.Add(*dropped), words.say(
        "dropped-constant-coefficient", coefficient=words.show(coefficient), term=words.show(term),
        rest=words.show(rest)))]


# ---------------------------------------------------------------- rule slips

_SLIP_MISCONCEPTION = {
    d.EXPONENT_KEPT: "power-rule-exponent-kept",
    d.NOT_MULTIPLIED: "power-rule-not-multiplied",
    d.NO_INNER: "missing-inner-derivative",
    d.LN_KEPT: "wrong-ln-derivative",
    d.LN_SQUARED: "wrong-ln-derivative",
    d.TRIG_SIGN: "trig-derivative-sign",
}


_RULES = {d.LN_KEPT: "the derivative of ln x is 1/x", d.LN_SQUARED: "the derivative of ln x is 1/x",
          d.TRIG_SIGN: "the derivative of cos x is −sin x"}


def _rule_slips(f: Expr, v: sympy.Symbol, words: _Wording) -> list[WrongDerivative]:
    found = []
    for slip in d.SLIPS:
        sites: list[d.Site] = []
        wrong = d.derive(f, v, slip, sites)
        if not sites:
            continue
        site = sites[0]
        fields = {"site": words.show(site.expr), "right": words.show(site.right),
                  "wrong": words.show(site.wrong)}
        if slip == d.NO_INNER:
            inner = site.expr.base if site.expr.is_Pow else site.expr.args[0]
            fields["inner"] = words.show(d.derive(inner, v))
        if slip in _RULES:  # the rule itself, unless the piece is just ln x or cos x
            fields["rule"] = "" if site.expr.args[0] == v else f" ({_RULES[slip]})"
        found.append(WrongDerivative(_SLIP_MISCONCEPTION[slip], wrong, words.say(_SLIP_MISCONCEPTION[slip],
                                                                                 **fields)))
    return found


# ----------------------------------------------------------------- signs


def _signs(terms: tuple, v: sympy.Symbol, words: _Wording) -> list[WrongDerivative]:
    """e^x - ln x -> e^x + 1/x: the derivative of a subtracted term added (each one, then all)."""
    right = [d.derive(t, v) for t in terms]
    negative = [i for i, t in enumerate(terms) if t.has(v) and t.could_extract_minus_sign()]
    found = []
    choices = [[i] for i in negative] + ([negative] if len(negative) > 1 else [])
    for flipped in choices:
        first = terms[flipped[0]]
        wrong = sympy.Add(*(-r if i in flipped else r for i, r in enumerate(right)))
        found.append(WrongDerivative("sign-slip", wrong, words.say(
            "sign-slip", term=words.show(first), right=words.show(derivative(first, v.name)))))
    return found


def _kept_constants(terms: tuple, v: sympy.Symbol, words: _Wording) -> list[WrongDerivative]:
    """x² + y² -> 2x + y²: a term without x copied instead of differentiated to 0."""
    right = sympy.Add(*(d.derive(t, v) for t in terms))
    constants = [t for t in terms if not t.has(v)]
    numbers = [t for t in constants if t.is_number]
    found = []
    for kept in (constants, numbers):
        if kept and not (kept is numbers and numbers == constants):
            found.append(WrongDerivative("kept-constant-term", right + sympy.Add(*kept), words.say(
                "kept-constant-term", piece=words.show(_unsigned(kept[0])))))
    return found


# ------------------------------------------------------------ what kinds share


def point_words(variables: Sequence[str], point: Sequence[Expr]) -> dict[str, str]:
    """The fields of `evaluated-at-swapped-point`: (3, 2), (2, 3) and x = 2 and y = 3."""
    return {"swapped": show(tuple(reversed(point))), "point": show(tuple(point)),
            "assignment": " and ".join(f"{n} = {show(p)}" for n, p in zip(variables, point))}


# the misconceptions about one derivative that make no sense for a vector of them
_NOT_FOR_VECTORS = {"answered-other-partial", "evaluated-at-swapped-point", "gave-function-value"}


def faulty_partials(f: Expr, variables: Sequence[str], name: str) -> Iterator[tuple[str, str, tuple[Expr, ...]]]:
    """(misconception, message, all the partials) for each way a derivative misconception changes
    one or more of the partials; the others stay right."""
    right = [sympy.diff(f, symbol(v)) for v in variables]
    by_variable = [wrong_derivatives(f, v, variables, name) for v in variables]
    ids = list(dict.fromkeys(w.misconception for found in by_variable for w in found
                             if w.misconception not in _NOT_FOR_VECTORS))
    for misconception in ids:
        options = [[w for w in found if w.misconception == misconception] for found in by_variable]
        for j in range(max(len(o) for o in options)):
            picked = [o[min(j, len(o) - 1)] if o else None for o in options]
            message = next(w.message for w in picked if w is not None)
            yield misconception, message, tuple(w.derivative if w else r for w, r in zip(picked, right))
