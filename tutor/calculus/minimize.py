"""Minimising a function of one variable: exactly where sympy can solve f'(x) = 0.

eˣ - ln x has f'(x) = eˣ - 1/x, which sympy solves as x = W(1) (the omega
constant, 0.5671...). Where no exact solution exists the minimum is found
numerically and marked inexact. Minima are local; the result says when f is
seen to take smaller values elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy
from sympy import Expr

from ..budget import OutOfTime, deadline
from ..evaluate import Undefined, compile_expression
from ..parse import symbol
from ..show import show
from .common import SolveError, function_of, sign, variables_of
from .partials import derivative

SOLVE_SECONDS = 10.0
# where to look for smaller values and, failing sympy, for a minimum: dense near 0, out to ±10⁴
_GRID = sorted({s * m * 10.0**k for s in (-1, 1) for k in range(-3, 3) for m in range(1, 100)} | {0.0})


@dataclass(frozen=True)
class Minimum:
    point: Expr  # exact when `exact`, else a Float
    approx: float
    value: Expr  # f at the point
    exact: bool
    note: str = ""  # e.g. that this minimum is only local
    variable: str = "x"
    derivative: Expr = sympy.Integer(0)  # f'(x), whose zero the point is


def minimize(f: str | Expr, variable: str | None = None) -> Minimum:
    f = function_of(f)
    variables = variables_of(f, [variable] if variable else None)
    if len(variables) != 1:
        raise SolveError(f"minimize needs a function of one variable, and f has {len(variables)}; "
                         "look for its critical points instead")
    (name,) = variables
    x = symbol(name)
    slope = derivative(f, name)
    evaluate = _evaluator(f, x)
    samples = [(p, v) for p, v in ((p, evaluate(p)) for p in _GRID) if v is not None]
    exact = True
    candidates = _exact_zeros(slope, x)
    if candidates is None:
        exact, candidates = False, _numeric_zeros(slope, x, samples)
    minima = [c for c in candidates if _is_minimum(f, x, c, evaluate)]
    if not minima and exact:
        exact, minima = False, [c for c in _numeric_zeros(slope, x, samples)
                                if _is_minimum(f, x, c, evaluate)]
    if not minima:
        raise SolveError(f"f has no minimum: f′({name}) = {show(slope, variables)} "
                         "never changes from negative to positive")
    best = min(minima, key=lambda c: evaluate(c))
    value = _simplify(f.xreplace({x: best}))
    lowest, least = min(samples, key=lambda sample: sample[1], default=(None, None))
    note = ""
    if lowest is not None and least < evaluate(best) - 1e-9 * (1 + abs(evaluate(best))):
        note = (f"this minimum is only local: f is smaller elsewhere, "
                f"for example f({show(sympy.Float(lowest))}) ≈ {show(sympy.Float(least))}")
    return Minimum(best, float(sympy.N(best)), value, exact, note, name, slope)


def _evaluator(f: Expr, x: sympy.Symbol):
    compiled = compile_expression(f, [x])

    def evaluate(at) -> float | None:
        try:
            return float(compiled([mpmath.mpf(float(sympy.N(at)) if isinstance(at, Expr) else at)]).value)
        except (Undefined, OverflowError, TypeError):
            return None
    return evaluate


def _exact_zeros(slope: Expr, x: sympy.Symbol) -> list[Expr] | None:
    try:
        with deadline(SOLVE_SECONDS):
            zeros = sympy.solve(slope, x)
    except (NotImplementedError, OutOfTime):
        return None
    real = [z for z in zeros if z.is_extended_real is not False and not z.has(sympy.I)]
    return real if zeros else None


def _numeric_zeros(slope: Expr, x: sympy.Symbol, samples: list[tuple[float, float]]) -> list[Expr]:
    """Local minima of f among (x, f(x)) samples, polished with a root-finder on f'."""
    compiled = compile_expression(slope, [x])
    found = []
    for (a, fa), (b, fb), (c, fc) in zip(samples, samples[1:], samples[2:]):
        if fb <= fa and fb <= fc:
            try:
                root = mpmath.findroot(lambda t: compiled([t]).value, (a, c), solver="anderson")
            except (ValueError, ZeroDivisionError, Undefined):
                root = b
            root = float(root)
            found.append(sympy.Float(0.0 if abs(root) < 1e-15 else root))  # rounding noise around 0
    return found


def _is_minimum(f: Expr, x: sympy.Symbol, at: Expr, evaluate) -> bool:
    """The second-derivative test, or if it says nothing, f just around the point."""
    if evaluate(at) is None:
        return False
    curvature = sign(sympy.diff(f, x, 2).xreplace({x: at}))
    if curvature:
        return curvature > 0
    centre = float(sympy.N(at))
    around = [evaluate(centre + h) for h in (-1e-4, 1e-4)]
    return all(v is not None and v >= evaluate(at) for v in around)


def _simplify(value: Expr) -> Expr:
    """Use W(a)·e^W(a) = a, which sympy does not: e^W(1) - ln W(1) = W(1) + 1/W(1)."""
    def positive_w(e: Expr) -> bool:
        return isinstance(e, sympy.LambertW) and len(e.args) == 1 and e.args[0].is_positive

    value = value.replace(lambda e: isinstance(e, sympy.exp) and positive_w(e.args[0]),
                          lambda e: e.args[0].args[0] / e.args[0])
    value = value.replace(lambda e: isinstance(e, sympy.log) and positive_w(e.args[0]),
                          lambda e: sympy.log(e.args[0].args[0]) - e.args[0])
    return sympy.simplify(value)
