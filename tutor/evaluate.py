"""Evaluating expressions at points, with real-number semantics.

Expressions are compiled once into closures and then evaluated at many points.
Exact rationals stay exact (`fractions.Fraction`); anything transcendental is
computed with mpmath at `PRECISION` bits. A value that is not a real number
(√ of a negative, ln 0, 0⁻¹, a negative base to a fractional power ...) raises
`Undefined`, so the caller can skip that point. Arguments so large that the
result means nothing (sin of 10⁴⁰, e to the 10⁷, a power whose result has more
than 2²⁴ binary digits before the point) raise `TooLarge`, a kind of Undefined:
the bounds are decided before the work, so hostile input can't run for long or
fill memory, and the outcome never depends on the machine. Each evaluation
spends work units (tutor.budget) in proportion to the size of the expression.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Callable, Sequence

import mpmath
import sympy
from sympy import Expr

from .budget import spend

PRECISION = 200  # bits, about 60 decimal digits
TOLERANCE = mpmath.mpf(2) ** -130  # relative agreement that counts as equal (about 1e-39)
_MAX_EXACT_BITS = 200_000  # beyond this a rational result is computed in floating point
_MAX_MAGNITUDE_BITS = 1 << 24  # |log2| of a value beyond this is too large (about 10^5,000,000)
_HUGE_ARGUMENT = 10**6  # exp, sinh ... of more than this are overflow
_HUGE_ANGLE = 10**30  # sin, cos ... of more than this mean nothing

Value = Fraction | mpmath.mpf


class Undefined(ArithmeticError):
    """The expression has no real value at this point."""


class TooLarge(Undefined):
    """A value (or an argument) too large to compute with; decided before computing it."""


class Unsupported(ValueError):
    """The expression uses something this evaluator does not know."""


class Evaluation:
    """The result of one evaluation: its value and the largest magnitude summed on the way.

    The magnitude bounds the rounding error of a floating-point result, so two
    results are compared relative to it rather than to their (maybe tiny) values.
    """

    __slots__ = ("value", "scale")

    def __init__(self, value: Value, scale: mpmath.mpf):
        self.value = value
        self.scale = scale

    @property
    def exact(self) -> bool:
        return isinstance(self.value, Fraction)


Compiled = Callable[[Sequence[Value], list], Value]


def compile_expression(expr: Expr, variables: Sequence[sympy.Symbol]) -> Callable[[Sequence[Value]], Evaluation]:
    """A function of a point (values in the order of `variables`) returning an Evaluation."""
    index = {v: i for i, v in enumerate(variables)}
    body = _compile(expr, index)
    size = _size(expr)

    def evaluate(point: Sequence[Value]) -> Evaluation:
        spend(size)
        scale = [mpmath.mpf(0)]
        with mpmath.workprec(PRECISION):
            try:
                value = body(point, scale)
            except (ZeroDivisionError, OverflowError, ValueError) as error:
                raise Undefined(str(error)) from error
            if not isinstance(value, Fraction):
                if not mpmath.isfinite(value):
                    raise Undefined("not finite")
                value = +value
            return Evaluation(value, max(scale[0], abs(to_mpf(value))))

    return evaluate


def agree(a: Evaluation, b: Evaluation) -> bool:
    """Whether two evaluations are the same number: exactly, or to working precision."""
    if a.exact and b.exact:
        return a.value == b.value
    with mpmath.workprec(PRECISION):
        difference = abs(to_mpf(a.value) - to_mpf(b.value))
        return difference <= TOLERANCE * max(a.scale, b.scale)


def to_mpf(value: Value) -> mpmath.mpf:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return value


def _is_integer(value: Value) -> bool:
    if isinstance(value, Fraction):
        return value.denominator == 1
    return mpmath.isint(value)


def _size(e: Expr) -> int:
    """Nodes in the expression tree: the work units of one evaluation."""
    return 1 + sum(_size(a) for a in e.args)


def _bits(value: Fraction) -> int:
    return max(value.numerator.bit_length(), value.denominator.bit_length())


def _exact(values: Sequence[Value]) -> bool:
    """Whether exact arithmetic on these values stays within the size bound."""
    return all(isinstance(v, Fraction) for v in values) and sum(_bits(v) for v in values) <= _MAX_EXACT_BITS


def _magnitude(value: Value) -> int:
    """About log2 |value| (within one), from the sizes of its parts: cheap even when it is huge."""
    if isinstance(value, Fraction):
        return value.numerator.bit_length() - value.denominator.bit_length() if value else 0
    return int(mpmath.mag(value)) if value else 0


def _check_power(base: Value, exponent: Value) -> None:
    """Refuse base^exponent when |log2| of it would exceed the bound: decided from sizes first, and
    with logarithms only when the sizes alone can't tell (a base near 1)."""
    rough = (abs(_magnitude(base)) + 1) * (abs(to_mpf(exponent)) if not isinstance(exponent, Fraction)
                                           else abs(exponent))
    if rough <= _MAX_MAGNITUDE_BITS:
        return
    with mpmath.workprec(64):
        if abs(to_mpf(exponent) * mpmath.log(abs(to_mpf(base)), 2)) > _MAX_MAGNITUDE_BITS:
            raise TooLarge("too large to compute")


# --------------------------------------------------------------------- compiling


def _compile(e: Expr, index: dict) -> Compiled:
    if e.is_Symbol:
        i = index[e]
        return lambda p, s: p[i]
    if e.is_Rational:
        constant = Fraction(int(e.p), int(e.q))
        return lambda p, s: constant
    if e.is_Float:
        text = str(e)
        return lambda p, s: mpmath.mpf(text)
    if e is sympy.pi:
        return lambda p, s: +mpmath.pi
    if e is sympy.E:
        return lambda p, s: mpmath.e()
    if e.is_Add:
        return _add([_compile(a, index) for a in e.args])
    if e.is_Mul:
        return _mul([_compile(a, index) for a in e.args])
    if e.is_Pow:
        return _pow(_compile(e.base, index), _compile(e.exp, index))
    function = _FUNCTIONS.get(type(e))
    if function is None:
        raise Unsupported(f"cannot evaluate {type(e).__name__}")
    args = [_compile(a, index) for a in e.args]
    if len(args) == 1:
        only = args[0]
        return lambda p, s: function(only(p, s))
    return lambda p, s: function(*(a(p, s) for a in args))


def _add(terms: list[Compiled]) -> Compiled:
    def add(p, s):
        values = [t(p, s) for t in terms]
        if _exact(values):
            return sum(values, Fraction(0))
        floats = [to_mpf(v) for v in values]
        s[0] = max(s[0], max(abs(v) for v in floats))
        return mpmath.fsum(floats)
    return add


def _mul(factors: list[Compiled]) -> Compiled:
    def mul(p, s):
        result: Value = Fraction(1)
        for f in factors:
            value = f(p, s)
            result = result * value if _exact((result, value)) else to_mpf(result) * to_mpf(value)
        return result
    return mul


def _pow(base_fn: Compiled, exponent_fn: Compiled) -> Compiled:
    def power(p, s):
        base, exponent = base_fn(p, s), exponent_fn(p, s)
        if base == 0:
            if exponent > 0:
                return Fraction(0)
            raise Undefined("0 to a power ≤ 0")
        _check_power(base, exponent)
        if _is_integer(exponent):
            n = int(exponent)
            if isinstance(base, Fraction) and _bits(base) * abs(n) <= _MAX_EXACT_BITS:
                return base**n
            return to_mpf(base) ** n
        if base < 0:
            raise Undefined("a negative number to a fractional power")
        if isinstance(base, Fraction) and isinstance(exponent, Fraction) and exponent.denominator <= 64:
            root = _exact_root(base, exponent.denominator)
            if root is not None:
                if _bits(root) * abs(exponent.numerator) <= _MAX_EXACT_BITS:
                    return root ** exponent.numerator
                return to_mpf(root) ** exponent.numerator
        return mpmath.power(to_mpf(base), to_mpf(exponent))
    return power


def _exact_root(value: Fraction, degree: int) -> Fraction | None:
    """The exact positive degree-th root of a rational, if it is rational."""
    numerator = _integer_root(value.numerator, degree)
    denominator = _integer_root(value.denominator, degree)
    if numerator is None or denominator is None:
        return None
    return Fraction(numerator, denominator)


def _integer_root(n: int, degree: int) -> int | None:
    if n.bit_length() > 4096:
        return None
    root, exact = sympy.integer_nthroot(n, degree)
    return int(root) if exact else None


# -------------------------------------------------------------------- functions


def _real(f: Callable[[mpmath.mpf], mpmath.mpf], domain: Callable[[mpmath.mpf], bool] = lambda x: True,
          limit: float | None = None) -> Callable[[Value], Value]:
    def apply(x: Value) -> Value:
        value = to_mpf(x)
        if limit is not None and abs(value) > limit:
            raise TooLarge("argument too large")
        if not domain(value):
            raise Undefined("outside the domain")
        result = f(value)
        if isinstance(result, mpmath.mpc):
            raise Undefined("not real")
        return result
    return apply


def _exp(x: Value) -> Value:
    if x == 0:
        return Fraction(1)
    return _real(mpmath.exp, limit=_HUGE_ARGUMENT)(x)


def _log(x: Value) -> Value:
    if x == 1:
        return Fraction(0)
    return _real(mpmath.log, lambda v: v > 0)(x)


def _abs(x: Value) -> Value:
    return abs(x)


def _sign(x: Value) -> Value:
    return Fraction((x > 0) - (x < 0))


def _factorial(x: Value) -> Value:
    if _is_integer(x):
        n = int(x)
        if n < 0:
            raise Undefined("factorial of a negative integer")
        if n <= 2000:
            return Fraction(math.factorial(n))
    if x > 10**5:
        raise TooLarge("argument too large")
    return _real(lambda v: mpmath.gamma(v + 1))(x)


def _binomial(n: Value, k: Value) -> Value:
    if _is_integer(n) and _is_integer(k) and 0 <= int(n) <= 2000:
        return Fraction(math.comb(int(n), int(k)) if int(k) >= 0 else 0)
    if abs(n) > 10**5 or abs(k) > 10**5:
        raise TooLarge("argument too large")
    return _real(lambda a: a)(mpmath.binomial(to_mpf(n), to_mpf(k)))


def _reciprocal(f: Callable) -> Callable:
    def apply(x):
        value = f(x)
        if value == 0:
            raise Undefined("division by zero")
        return 1 / value
    return apply


_sin = _real(mpmath.sin, limit=_HUGE_ANGLE)
_cos = _real(mpmath.cos, limit=_HUGE_ANGLE)
_tan = _real(mpmath.tan, limit=_HUGE_ANGLE)
_sinh = _real(mpmath.sinh, limit=_HUGE_ARGUMENT)
_cosh = _real(mpmath.cosh, limit=_HUGE_ARGUMENT)
_tanh = _real(mpmath.tanh, limit=_HUGE_ARGUMENT)

_FUNCTIONS: dict[type, Callable] = {
    sympy.exp: _exp,
    sympy.log: _log,
    sympy.sin: _sin,
    sympy.cos: _cos,
    sympy.tan: _tan,
    sympy.sec: _reciprocal(_cos),
    sympy.csc: _reciprocal(_sin),
    sympy.cot: _reciprocal(_tan),
    sympy.asin: _real(mpmath.asin, lambda v: -1 <= v <= 1),
    sympy.acos: _real(mpmath.acos, lambda v: -1 <= v <= 1),
    sympy.atan: _real(mpmath.atan),
    sympy.acot: _real(mpmath.acot),
    sympy.sinh: _sinh,
    sympy.cosh: _cosh,
    sympy.tanh: _tanh,
    sympy.sech: _reciprocal(_cosh),
    sympy.csch: _reciprocal(_sinh),
    sympy.coth: _reciprocal(_tanh),
    sympy.asinh: _real(mpmath.asinh),
    sympy.acosh: _real(mpmath.acosh, lambda v: v >= 1),
    sympy.atanh: _real(mpmath.atanh, lambda v: -1 < v < 1),
    sympy.Abs: _abs,
    sympy.sign: _sign,
    sympy.factorial: _factorial,
    sympy.binomial: _binomial,
    sympy.LambertW: _real(mpmath.lambertw, lambda v: v >= -1 / mpmath.e),
}
