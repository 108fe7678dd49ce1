"""Step-by-step derivatives with the lesson's rules.

The rules are tried in the order a student would: constant, the variable itself,
sum, constant multiple, quotient, product, powers and roots, the chain rule, and
the derivatives of exp, ln, sin, cos and tan. Anything else falls back to
sympy's own derivative, marked as such, so no input produces nothing. Every
step's `after` is the derivative of its `before`; a last step simplifies to the
form `tutor.calculus.derivative` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import sympy
from sympy import Expr

from ..calculus.common import function_of, variables_of
from ..calculus.partials import derivative, in_signs, written_at
from ..parse import symbol
from ..show import ordered_terms, show
from .model import PowerForm, Rule, Step, step

# a derivative with the point put in is written out (2·1·2 cos(1·2²)) up to this many characters; a longer one
# would bury the values under the working, so it gets "put x = …, y = … in" and the values
WRITTEN_LIMIT = 48
LETTERS = ("u", "v", "w", "t", "s", "r", "p", "q")  # for the chain rule's inner function

_KNOWN: dict[type, tuple[Rule, Callable[[Expr], Expr]]] = {
    sympy.exp: (Rule.EXP, lambda u: sympy.exp(u)),
    sympy.log: (Rule.LOG, lambda u: 1 / u),
    sympy.sin: (Rule.SIN, lambda u: sympy.cos(u)),
    sympy.cos: (Rule.COS, lambda u: -sympy.sin(u)),
    sympy.tan: (Rule.TAN, lambda u: sympy.tan(u) ** 2 + 1),
}


def derivative_steps(f: str | Expr, wrt: str, variables: Sequence[str] | None = None) -> Step:
    """The derivation of ∂f/∂wrt (d/dwrt when f has one variable)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    if wrt not in variables:
        variables = (*variables, wrt)
    held = tuple(v for v in variables if v != wrt) + tuple(
        sorted(s.name for s in f.free_symbols if s.name not in variables))
    taken = set(variables) | {s.name for s in f.free_symbols}
    body = _Differentiator(symbol(wrt), taken, variables).step(f)
    result = derivative(f, wrt)
    substeps = []
    if held:
        substeps.append(step(Rule.TREAT_AS_CONSTANT, f, f, constants=held, wrt=wrt))
    substeps.append(body)
    if body.after != result:
        substeps.append(step(Rule.SIMPLIFY, body.after, result))
    return step(Rule.DIFFERENTIATE, f, result, substeps, wrt=wrt, variables=variables,
                partial=len(variables) > 1)


def written_if_short(e: Expr, at: Mapping[str, Expr], value: object) -> Expr | None:
    """e with the point's values written in its variables' places, where that is short enough to read and
    says more than the value itself (not 2 = 2 for a constant)."""
    written = written_at(e, at)
    text = show(written)
    if len(text) > WRITTEN_LIMIT or text == show(value):
        return None
    return written


class _Differentiator:
    def __init__(self, x: sympy.Symbol, taken: set[str], variables: Sequence[str]):
        self.x = x
        self.taken = taken  # names a substitution letter must not use
        self.variables = tuple(variables)

    def step(self, e: Expr) -> Step:
        x = self.x
        if not e.has(x):
            return step(Rule.CONSTANT, e, sympy.Integer(0))
        if e == x:
            return step(Rule.IDENTITY, e, sympy.Integer(1))
        if e.is_Add:
            terms = [self.step(t) for t in ordered_terms(e, self.variables)]
            return step(Rule.SUM, e, sympy.Add(*(t.after for t in terms)), terms)
        if e.is_Mul:
            return self.product(e)
        if e.is_Pow:
            return self.power(e)
        if isinstance(e, sympy.Abs) and e.args[0] == x:  # said where it holds (outside check h58, F4)
            return step(Rule.ABS, e, sympy.sign(x))
        if type(e) in _KNOWN and len(e.args) == 1:
            rule, rule_derivative = _KNOWN[type(e)]
            if e.args[0] == x:
                return step(rule, e, rule_derivative(x))
            return self.chain(e, e.args[0], lambda u: type(e)(u))
        if isinstance(e, sympy.Function) and len(e.args) == 1 and e.args[0] != x:
            return self.chain(e, e.args[0], lambda u: type(e)(u))
        return step(Rule.FALLBACK, e, in_signs(sympy.diff(e, x)))

    def product(self, e: Expr) -> Step:
        constant, varying = e.as_independent(self.x, as_Add=False)
        if constant != 1:
            inner = self.step(varying)
            return step(Rule.CONSTANT_MULTIPLE, e, constant * inner.after, [inner],
                        coefficient=constant, rest=varying)
        factors = sympy.Mul.make_args(e)
        lower = [f.base ** -f.exp for f in factors if f.is_Pow and f.exp.is_Number and f.exp < 0]
        upper = [f for f in factors if not (f.is_Pow and f.exp.is_Number and f.exp < 0)]
        if lower and upper:
            u, v = sympy.Mul(*upper), sympy.Mul(*lower)
            # u and v name the quotient's parts: a chain rule inside them takes another letter (outside check h51, N9)
            named = _Differentiator(self.x, self.taken | {"u", "v"}, self.variables)
            du, dv = named.step(u), named.step(v)
            top = du.after * v - u * dv.after
            if top.is_polynomial(*(symbol(n) for n in self.variables)):
                top = sympy.expand(top)  # 2x(x + y) - x², sympy's order for the formula's, is x² + 2xy worked out
            return step(Rule.QUOTIENT, e, top / v**2, [du, dv], u=u, v=v, du=du.after, dv=dv.after,
                        square=sympy.Pow(v, 2, evaluate=False))
        parts = [self.step(f) for f in factors]
        terms = [p.after * sympy.Mul(*(g for j, g in enumerate(factors) if j != i))
                 for i, p in enumerate(parts)]
        return step(Rule.PRODUCT, e, sympy.Add(*terms), parts, factors=tuple(factors))

    def power(self, e: Expr) -> Step:
        base, exponent = e.base, e.exp
        if exponent in (sympy.Rational(1, 2), sympy.Rational(-1, 2)):
            inner = self.plain_power(e)
            return step(Rule.ROOT, e, inner.after, [inner], power=PowerForm(base, exponent))
        return self.plain_power(e)

    def plain_power(self, e: Expr) -> Step:
        base, exponent = e.base, e.exp
        x = self.x
        if not exponent.has(x):
            if base == x:
                return step(Rule.POWER, e, exponent * x ** (exponent - 1), exponent=exponent)
            return self.chain(e, base, lambda u: u**exponent)
        if not base.has(x):
            if exponent == x:
                return step(Rule.EXPONENTIAL, e, e * sympy.log(base), base=base)
            return self.chain(e, exponent, lambda u: base**u)
        # xˣ: the lesson's rules apply to e^(x ln x), as a textbook's logarithmic differentiation has it
        exponent_log = exponent * sympy.log(base)
        inner = self.step(exponent_log)
        return step(Rule.VARIABLE_POWER, e, e * inner.after, [inner], base=base, exponent_log=exponent_log,
                    as_exponential=sympy.exp(exponent_log, evaluate=False),
                    base_exponential=sympy.exp(sympy.log(base), evaluate=False))

    def chain(self, e: Expr, inner: Expr, outer_of: Callable[[Expr], Expr]) -> Step:
        letter = next((n for n in LETTERS if n not in self.taken),
                      next(f"u_{i}" for i in range(1, 100) if f"u_{i}" not in self.taken))
        u = symbol(letter)
        outer = outer_of(u)
        nested = self.taken | {letter}
        outer_rules = _Differentiator(u, nested, (letter,))
        # a root was already written as a power above the chain rule; don't say it twice
        outer_step = outer_rules.plain_power(outer) if outer.is_Pow else outer_rules.step(outer)
        outer_step = Step(outer_step.rule, outer_step.before, outer_step.after, outer_step.substeps,
                          outer_step.context + (("wrt", letter), ("partial", False)))
        inner_step = _Differentiator(self.x, nested, self.variables).step(inner)
        outer_derivative = outer_step.after.xreplace({u: inner})
        return step(Rule.CHAIN, e, outer_derivative * inner_step.after, [outer_step, inner_step],
                    letter=u, inner=inner, outer=outer, outer_derivative=outer_derivative)
