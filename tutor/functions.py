"""The maths functions of the tutor: one table that the parser, the evaluator and the printer read.

Each row says how a function is typed (`asin`, `arcsin`), which sympy class the
parser builds, how the evaluator computes it on the real numbers (a value at a
point, and a rigorous enclosure for intervals), how the printer writes it in
Unicode and LaTeX, and what `f^-1` means (`sin^-1 x` is asin x, `cot^-1 x` is
acot x). Adding a function is adding a row.

Real semantics: a value that is not a real number raises `Undefined`; one
too large to mean anything (e^(10^7)) raises `TooLarge`; an interval that
straddles the edge of a function's domain (or a pole, or the jump of `sign`)
raises `Uncertain`, because at that precision nobody can tell.

Enclosures: mpmath's interval arithmetic (`mpmath.iv`, outward rounding) where
it has the function (exp, log, sqrt, sin, cos, tan, gamma ...); otherwise the
function is monotone on its pieces and is evaluated at the interval's ends with
32 guard bits, then widened by 2^-prec·max(|value|, 1), far more than the few
units in the last place that mpmath's elementary functions are accurate to.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeAlias

import mpmath
import sympy
from mpmath import iv, mp
from mpmath.libmp import mpf_cos_sin
from sympy import Expr, Integer, Rational

Interval: TypeAlias = Any  # mpmath.iv's interval (ivmpf), endpoints exact binary numbers; mpmath is untyped
Exact = Fraction


class Undefined(ArithmeticError):
    """The expression has no real value at this point."""


class Uncertain(ArithmeticError):
    """At this precision it can't be told whether the point is in the domain (or which side of a jump it is)."""


class TooLarge(Undefined):
    """A value too large to mean anything (e to the 10⁷, sin of 10⁴⁰): none is computed, and none is
    claimed either, so a comparison can't be decided there."""


HUGE_ARGUMENT = 10**6  # exp, sinh ... of more than this are overflow
HUGE_ANGLE = 10**30  # sin, cos ... of more than this mean nothing


# ------------------------------------------------------------------ intervals


def lower(x: Interval) -> mpmath.mpf:
    return mp.make_mpf(x._mpi_[0])


def upper(x: Interval) -> mpmath.mpf:
    return mp.make_mpf(x._mpi_[1])


def as_fraction(number: mpmath.mpf) -> Fraction:
    """A finite binary number (an end of an interval) as the exact rational it is."""
    negative, mantissa, exponent, _ = number._mpf_  # mpmath's `man_exp` leaves the sign out: -π's ends are π's
    value = Fraction(mantissa) * Fraction(2) ** exponent
    return -value if negative else value


def interval(value: Fraction | Interval) -> Interval:
    """An exact rational as an interval at the current `iv.prec` (outward rounded)."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return iv.mpf(value.numerator)
        return iv.mpf(value.numerator) / iv.mpf(value.denominator)
    return value


def _mpf(value: Fraction | None) -> mpmath.mpf | None:
    return None if value is None else mpmath.mpf(value.numerator) / value.denominator


def _span(lo: mpmath.mpf, hi: mpmath.mpf) -> Interval:
    """[lo, hi] computed with 32 guard bits, widened to stay an enclosure at iv.prec."""
    with mp.workprec(iv.prec + 32):
        slack = mpmath.ldexp(max(abs(lo), abs(hi), mpmath.mpf(1)), -iv.prec)
        return iv.mpf([lo - slack, hi + slack])


def _finite(x: Interval) -> Interval:
    if not (mpmath.isfinite(lower(x)) and mpmath.isfinite(upper(x))):
        raise Uncertain("a pole")
    return x


# ------------------------------------------------------------------ domains


@dataclass(frozen=True)
class Domain:
    """Where a function of one argument is real: from `low` to `high` (None: unbounded)."""

    low: Fraction | None = None
    high: Fraction | None = None
    low_open: bool = False
    high_open: bool = False
    low_edge: Callable[[Any], Any] | None = None  # an irrational lower edge, from a context (mp or iv)

    def holds(self, x: mpmath.mpf) -> bool:
        low = self.low_edge(mp) if self.low_edge is not None else _mpf(self.low)
        if low is not None and (x < low or (self.low_open and x == low)):
            return False
        high = _mpf(self.high)
        return high is None or not (x > high or (self.high_open and x == high))

    def check(self, x: Interval) -> None:
        """Undefined if the interval lies outside, Uncertain if it straddles an edge."""
        if self.low_edge is not None or self.low is not None:
            edge = self.low_edge(iv) if self.low_edge is not None else interval(self.low)
            self._edge(x, edge, self.low_open, below=True)
        if self.high is not None:
            self._edge(x, interval(self.high), self.high_open, below=False)

    @staticmethod
    def _edge(x: Interval, edge: Interval, open_: bool, below: bool) -> None:
        inside = lower(x) > upper(edge) if below else upper(x) < lower(edge)
        outside = upper(x) < lower(edge) if below else lower(x) > upper(edge)
        if inside:
            return
        if outside:
            raise Undefined("outside the domain")
        if lower(edge) == upper(edge) and lower(x) == upper(x) == lower(edge):  # exactly on the edge
            if open_:
                raise Undefined("outside the domain")
            return
        raise Uncertain("at the edge of the domain")

    @property
    def edges(self) -> tuple[Fraction, ...]:
        return tuple(edge for edge in (self.low, self.high) if edge is not None)


EVERYWHERE = Domain()


# ------------------------------------------------------------------ kernels


def _real(f: Callable[[mpmath.mpf], mpmath.mpf], domain: Domain, limit: float | None
          ) -> Callable[[mpmath.mpf], mpmath.mpf]:
    """The value at a point, at the current mp precision."""
    bound = None if limit is None else mpmath.mpf(limit, prec=0)  # exactly the limit, made once, not per call
    def apply(x: mpmath.mpf) -> mpmath.mpf:
        if bound is not None and abs(x) > bound:
            raise TooLarge("argument too large")
        if not domain.holds(x):
            raise Undefined("outside the domain")
        try:
            result = f(x)
        except ZeroDivisionError as error:  # csc 0, coth 0
            raise Undefined("a pole") from error
        if isinstance(result, mpmath.mpc) or not mpmath.isfinite(result):
            raise Undefined("not real")
        return result
    return apply


_HUGE_ANGLE = mpmath.mpf(HUGE_ANGLE, prec=0)


def cos_sin(x: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(cos x, sin x) at the current mp precision, each the number the table's cos and sin give (mpmath
    computes both to give either): a function and its gradient at one point often need both (sin x cos y
    and its partials need cos x, sin x, cos y and sin y), and then they cost one."""
    if abs(x) > _HUGE_ANGLE:
        raise TooLarge("argument too large")
    prec, rounding = mp._prec_rounding
    c, s = (mp.make_mpf(v) for v in mpf_cos_sin(x._mpf_, prec, rounding))
    if not (mpmath.isfinite(c) and mpmath.isfinite(s)):
        raise Undefined("not real")
    return c, s


def _limited(limit: float | None, f: Callable[[Interval], Interval]) -> Callable[[Interval], Interval]:
    if limit is None:
        return f
    def apply(x: Interval) -> Interval:
        if lower(x) > limit or upper(x) < -limit:
            raise TooLarge("argument too large")
        if upper(x) > limit or lower(x) < -limit:
            raise Uncertain("argument near the limit")
        return f(x)
    return apply


def _monotone(f: Callable[[mpmath.mpf], mpmath.mpf], increasing: bool = True) -> Callable[[Interval], Interval]:
    def apply(x: Interval) -> Interval:
        with mp.workprec(iv.prec + 32):
            a, b = f(lower(x)), f(upper(x))
        return _span(a, b) if increasing else _span(b, a)
    return apply


def _iv(f: Callable[[Interval], Interval]) -> Callable[[Interval], Interval]:
    return lambda x: _finite(f(x))


def _reciprocal(f: Callable[[Interval], Interval]) -> Callable[[Interval], Interval]:
    def apply(x: Interval) -> Interval:
        value = f(x)
        if lower(value) <= 0 <= upper(value):
            raise Uncertain("a pole")
        return 1 / value
    return apply


def _of_reciprocal(f: Callable[[Interval], Interval]) -> Callable[[Interval], Interval]:
    """f(1/x), for asec = acos(1/x) and its kin."""
    def apply(x: Interval) -> Interval:
        if lower(x) <= 0 <= upper(x):
            raise Uncertain("near 0")
        return f(1 / x)
    return apply


def _cosh_interval(x: Interval) -> Interval:
    a, b = lower(x), upper(x)
    with mp.workprec(iv.prec + 32):
        if a >= 0:
            return _span(mpmath.cosh(a), mpmath.cosh(b))
        if b <= 0:
            return _span(mpmath.cosh(b), mpmath.cosh(a))
        return _span(mpmath.mpf(1), mpmath.cosh(max(-a, b)))


def _acot(x: Interval) -> Interval:  # atan(1/x) for x != 0, π/2 at 0 (sympy's convention)
    if lower(x) <= 0 <= upper(x):
        raise Uncertain("the jump of acot at 0")
    return _monotone(mpmath.acot, increasing=False)(x)


def _abs(x: Interval) -> Interval:
    a, b = lower(x), upper(x)
    if a >= 0:
        return x
    if b <= 0:
        return -x
    return iv.mpf([0, max(-a, b)])


def _sign(x: Interval) -> Fraction:
    if lower(x) > 0:
        return Fraction(1)
    if upper(x) < 0:
        return Fraction(-1)
    raise Uncertain("the sign of a number too close to 0")


def _exact_sign(x: Fraction) -> Fraction:
    return Fraction((x > 0) - (x < 0))


def _whole(round_: Callable[[Fraction], int]) -> Callable[[Interval], Fraction]:
    """floor or ceil of an interval: the whole number, when both ends round to it. The ends are rounded as
    the exact rationals they are: mpmath's floor rounds its result to the working precision, 53 bits,
    which past 2^53 is another whole number (floor(e^100) ended in ...686976)."""
    def apply(x: Interval) -> Fraction:
        if not (mpmath.isfinite(lower(x)) and mpmath.isfinite(upper(x))):
            raise Uncertain("a number too large to round")
        low, high = round_(as_fraction(lower(x))), round_(as_fraction(upper(x)))
        if low != high:
            raise Uncertain("a number too close to a whole number to round")
        return Fraction(low)
    return apply


def _extreme(pick: Callable[..., Any]) -> Callable[..., Interval]:
    """max or min of intervals: the larger (smaller) of the lower ends to that of the upper ends."""
    return lambda *xs: iv.mpf([pick(lower(x) for x in xs), pick(upper(x) for x in xs)])


def _approaches(bits_per_unit: float | None) -> Callable[[Interval], int | None]:
    """For a function that comes ever closer to a value far out (tanh x to ±1, atan x to ±π/2): log₂ of
    how close it may be at this argument, a difference its value hides (tanh(100) is 1 − 2.8·10⁻⁸⁷).
    bits_per_unit: the closeness falls by that many bits per unit of |x| (tanh: 2·log₂ e); None: it
    falls as 1/|x| (atan)."""
    def hides(x: Interval) -> int | None:
        reach = max(abs(lower(x)), abs(upper(x)))
        if reach <= 1:
            return None
        if bits_per_unit is None:
            return -int(mpmath.mag(reach))
        return 1 - math.ceil(bits_per_unit * float(reach))
    return hides


_EXPONENTIALLY = _approaches(2 * math.log2(math.e))  # 1 − |tanh x| = 2/(e^(2|x|) + 1)
_INTEGERS_NEAR_0 = tuple(Fraction(k) for k in range(-2, 4))  # where floor and ceil are sampled: they jump at each
_MOST_ARGUMENTS = 10
_SQUARE = Integer(2)  # the degree of root(x)


def _factorial_exact(x: Fraction) -> Fraction | None:
    if x.denominator != 1:
        return None
    if x < 0:
        raise Undefined("factorial of a negative integer")
    return Fraction(math.factorial(int(x))) if x <= 2000 else None


def _factorial_real(x: mpmath.mpf) -> mpmath.mpf:
    if x > 10**5:
        raise TooLarge("argument too large")
    if mpmath.isint(x) and x < 0:
        raise Undefined("factorial of a negative integer")
    return mpmath.gamma(x + 1)


def _factorial_interval(x: Interval) -> Interval:
    if upper(x) > 10**5:
        raise TooLarge("argument too large")
    if lower(x) < -_NEGATIVE_GAMMA:  # mpmath's interval gamma recurses once per unit below 0
        raise TooLarge("argument too far below 0")
    return _finite(iv.gamma(x + 1))


_NEGATIVE_GAMMA = 200  # a recursion of this depth holds in any stack; so the answer does not depend on it


def _at_zero(value: int | None) -> Callable[[Fraction], Fraction | None]:
    """An exact value at 0 (sin 0 = 0, cos 0 = 1); None: irrational elsewhere. Undefined if value is None."""
    def exact(x: Fraction) -> Fraction | None:
        if x != 0:
            return None
        if value is None:
            raise Undefined("a pole")
        return Fraction(value)
    return exact


def _at_one(value: int) -> Callable[[Fraction], Fraction | None]:
    return lambda x: Fraction(value) if x == 1 else None


def _no_exact(x: Fraction) -> Fraction | None:
    return None


# ------------------------------------------------------------------ the table


@dataclass(frozen=True)
class MathFunction:
    """One function: how it is typed, built, computed and written."""

    name: str  # as typed, and as the Unicode printer writes it (asin, ln, W)
    sympy: Any  # the sympy class the parser builds (the evaluator and printer look rows up by it)
    spellings: tuple[str, ...] = ()  # other names a student may type (arcsin, cosec)
    latex: str = ""  # the LaTeX head: \sin, or \operatorname{...} when empty
    inverse: str | None = None  # the function f^-1 means (sin^-1 x is asin x)
    real: Callable[..., mpmath.mpf] | None = None  # the value at a point, at mp's precision
    enclose: Callable[..., Interval | Fraction] | None = None  # a rigorous enclosure at iv's precision
    exact: Callable[..., Fraction | None] = _no_exact  # the exact value at rational arguments, if rational
    arity: tuple[int, ...] = (1,)
    build: Callable[..., Expr] | None = None  # how the parser builds it, when not sympy(*args)
    switches: tuple[Fraction, ...] = ()  # arguments where it jumps, bends or stops being real
    pairwise: bool = False  # it switches where two of its arguments are equal (max, min)
    pieces: bool = False  # made of pieces (flat, or joined at a kink): a difference may vanish on whole intervals
    partial: bool = False  # real only on part of the line (ln, acos): no expression holding it has a value elsewhere
    hides: Callable[[Interval], int | None] | None = None  # see _approaches
    latex_brackets: tuple[str, str] | None = None  # LaTeX that encloses the argument, instead of a head

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.spellings)

    def kinks(self, args: Sequence[Expr]) -> list[Expr]:
        """Expressions of the arguments whose zeros are where this function jumps, bends or stops being real."""
        if self.pairwise:
            return [a - b for a, b in itertools.combinations(args, 2)]
        return [args[0] - Rational(edge.numerator, edge.denominator) for edge in self.switches]

    @property
    def latex_head(self) -> str:
        return self.latex or rf"\operatorname{{{self.name}}}"

    def make(self, *args: Expr) -> Expr:
        return (self.build or self.sympy)(*args)


def _row(name: str, cls: type, f: Callable, domain: Domain = EVERYWHERE, *, enclose: Callable | None = None,
         increasing: bool = True, limit: float | None = None, **fields) -> MathFunction:
    """A function of one real argument; its enclosure is mpmath.iv's, or from monotone pieces."""
    bounded = enclose if enclose is not None else _monotone(f, increasing)
    def enclosure(x: Interval) -> Interval:
        domain.check(x)
        return bounded(x)
    fields.setdefault("switches", domain.edges)
    fields.setdefault("partial", domain != EVERYWHERE)
    return MathFunction(name, cls, real=_real(f, domain, limit), enclose=_limited(limit, enclosure), **fields)


def _log(x: Expr, base: Expr | None = None) -> Expr:
    return sympy.log(x) if base is None else sympy.log(x) / sympy.log(base)


def _binomial_exact(n: Fraction, k: Fraction) -> Fraction | None:
    if n.denominator == 1 and k.denominator == 1 and 0 <= n <= 2000:
        return Fraction(math.comb(int(n), int(k)) if k >= 0 else 0)
    return None


def _binomial_real(n: mpmath.mpf, k: mpmath.mpf) -> mpmath.mpf:
    if abs(n) > 10**5 or abs(k) > 10**5:
        raise TooLarge("argument too large")
    value = mpmath.binomial(n, k)
    if isinstance(value, mpmath.mpc) or not mpmath.isfinite(value):
        raise Undefined("not real")
    return value


def _binomial_interval(n: Interval, k: Interval) -> Interval:
    if max(abs(lower(n)), abs(upper(n)), abs(lower(k)), abs(upper(k))) > 10**5:
        raise TooLarge("argument too large")
    return _finite(iv.gamma(n + 1) / (iv.gamma(k + 1) * iv.gamma(n - k + 1)))


def _lambertw(x: mpmath.mpf) -> mpmath.mpf:
    return mpmath.lambertw(x).real


_OPEN_POSITIVE = Domain(Fraction(0), low_open=True)
_UNIT = Domain(Fraction(-1), Fraction(1))
_OPEN_UNIT = Domain(Fraction(-1), Fraction(1), low_open=True, high_open=True)


def _through_reciprocal(name: str, cls: type, of: MathFunction, **fields) -> MathFunction:
    """asec x = acos(1/x), acsc, acot's hyperbolic kin: defined through the reciprocal."""
    real_of, enclose_of = of.real, of.enclose
    assert real_of is not None and enclose_of is not None
    def real(x: mpmath.mpf) -> mpmath.mpf:
        if x == 0:
            raise Undefined("division by zero")
        return real_of(1 / x)
    switches = tuple(sorted({Fraction(0), *(1 / edge for edge in of.switches if edge)}))
    return MathFunction(name, cls, real=real, enclose=_of_reciprocal(enclose_of), switches=switches,
                        partial=of.partial, **fields)


_asin = _row("asin", sympy.asin, mpmath.asin, _UNIT, spellings=("arcsin",), latex=r"\arcsin", exact=_at_zero(0))
_acos = _row("acos", sympy.acos, mpmath.acos, _UNIT, increasing=False, spellings=("arccos",), latex=r"\arccos",
             exact=_at_one(0))
_acosh = _row("acosh", sympy.acosh, mpmath.acosh, Domain(Fraction(1)), spellings=("arcosh", "arccosh"),
              latex=r"\operatorname{arcosh}", exact=_at_one(0))
_atanh = _row("atanh", sympy.atanh, mpmath.atanh, _OPEN_UNIT, spellings=("artanh", "arctanh"),
              latex=r"\operatorname{artanh}", exact=_at_zero(0))
_asinh = _row("asinh", sympy.asinh, mpmath.asinh, spellings=("arsinh", "arcsinh"), latex=r"\operatorname{arsinh}",
              exact=_at_zero(0))
_sinh = _row("sinh", sympy.sinh, mpmath.sinh, limit=HUGE_ARGUMENT, inverse="asinh", latex=r"\sinh",
             exact=_at_zero(0))
_cosh = _row("cosh", sympy.cosh, mpmath.cosh, enclose=_cosh_interval, limit=HUGE_ARGUMENT, inverse="acosh",
             latex=r"\cosh", exact=_at_zero(1))
_tanh = _row("tanh", sympy.tanh, mpmath.tanh, limit=HUGE_ARGUMENT, inverse="atanh", latex=r"\tanh",
             exact=_at_zero(0), hides=_EXPONENTIALLY)


FUNCTIONS: tuple[MathFunction, ...] = (
    _row("sin", sympy.sin, mpmath.sin, enclose=_iv(iv.sin), limit=HUGE_ANGLE, inverse="asin", latex=r"\sin",
         exact=_at_zero(0)),
    _row("cos", sympy.cos, mpmath.cos, enclose=_iv(iv.cos), limit=HUGE_ANGLE, inverse="acos", latex=r"\cos",
         exact=_at_zero(1)),
    _row("tan", sympy.tan, mpmath.tan, enclose=_iv(iv.tan), limit=HUGE_ANGLE, inverse="atan", latex=r"\tan",
         exact=_at_zero(0)),
    _row("sec", sympy.sec, mpmath.sec, enclose=_reciprocal(iv.cos), limit=HUGE_ANGLE, inverse="asec",
         latex=r"\sec", exact=_at_zero(1)),
    _row("csc", sympy.csc, mpmath.csc, enclose=_reciprocal(iv.sin), limit=HUGE_ANGLE, inverse="acsc",
         spellings=("cosec",), latex=r"\csc", exact=_at_zero(None)),
    _row("cot", sympy.cot, mpmath.cot, enclose=_reciprocal(iv.tan), limit=HUGE_ANGLE, inverse="acot",
         latex=r"\cot", exact=_at_zero(None)),
    _asin,
    _acos,
    _row("atan", sympy.atan, mpmath.atan, spellings=("arctan",), latex=r"\arctan", exact=_at_zero(0),
         hides=_approaches(None)),
    _through_reciprocal("asec", sympy.asec, _acos, spellings=("arcsec",), latex=r"\operatorname{arcsec}",
                        hides=_approaches(None)),
    _through_reciprocal("acsc", sympy.acsc, _asin, spellings=("arccsc", "arccosec"),
                        latex=r"\operatorname{arccsc}"),
    _row("acot", sympy.acot, mpmath.acot, enclose=_acot, spellings=("arccot",), latex=r"\operatorname{arccot}",
         switches=(Fraction(0),)),
    _sinh,
    _cosh,
    _tanh,
    _row("sech", sympy.sech, mpmath.sech, enclose=_reciprocal(_cosh_interval), limit=HUGE_ARGUMENT, inverse="asech",
         latex=r"\operatorname{sech}", exact=_at_zero(1)),
    _row("csch", sympy.csch, mpmath.csch, enclose=_reciprocal(_monotone(mpmath.sinh)), limit=HUGE_ARGUMENT,
         inverse="acsch", spellings=("cosech",), latex=r"\operatorname{csch}", exact=_at_zero(None)),
    _row("coth", sympy.coth, mpmath.coth, enclose=_reciprocal(_monotone(mpmath.tanh)), limit=HUGE_ARGUMENT,
         inverse="acoth", latex=r"\coth", exact=_at_zero(None), hides=_EXPONENTIALLY),
    _asinh,
    _acosh,
    _atanh,
    _through_reciprocal("asech", sympy.asech, _acosh, spellings=("arsech", "arcsech"),
                        latex=r"\operatorname{arsech}"),
    _through_reciprocal("acsch", sympy.acsch, _asinh, spellings=("arcsch", "arccsch", "arcosech"),
                        latex=r"\operatorname{arcsch}"),
    _through_reciprocal("acoth", sympy.acoth, _atanh, spellings=("arcoth", "arccoth"),
                        latex=r"\operatorname{arcoth}"),
    _row("exp", sympy.exp, mpmath.exp, enclose=_iv(iv.exp), limit=HUGE_ARGUMENT, exact=_at_zero(1)),
    _row("ln", sympy.log, mpmath.log, _OPEN_POSITIVE, enclose=_iv(iv.log), latex=r"\ln", exact=_at_one(0)),
    MathFunction("log", sympy.log, arity=(1, 2), build=_log),  # log(x) is ln x; log(x, b) and log_b(x) base b
    MathFunction("sqrt", sympy.sqrt, build=sympy.sqrt),
    MathFunction("cbrt", sympy.cbrt, build=lambda x: sympy.Pow(x, Rational(1, 3))),
    MathFunction("root", sympy.root, spellings=("nthroot",), arity=(1, 2),
                 build=lambda x, n=_SQUARE: sympy.Pow(x, 1 / n)),  # root(x) is √x
    _row("abs", sympy.Abs, abs, enclose=_abs, exact=abs, switches=(Fraction(0),), pieces=True),
    MathFunction("sign", sympy.sign, spellings=("sgn",), real=lambda x: mpmath.mpf(mpmath.sign(x)),
                 enclose=_sign, exact=_exact_sign, switches=(Fraction(0),), pieces=True),
    MathFunction("floor", sympy.floor, real=mpmath.floor, enclose=_whole(math.floor),
                 exact=lambda x: Fraction(math.floor(x)), switches=_INTEGERS_NEAR_0, pieces=True,
                 latex_brackets=(r"\left\lfloor ", r"\right\rfloor")),
    MathFunction("ceil", sympy.ceiling, spellings=("ceiling",), real=mpmath.ceil, enclose=_whole(math.ceil),
                 exact=lambda x: Fraction(math.ceil(x)), switches=_INTEGERS_NEAR_0, pieces=True,
                 latex_brackets=(r"\left\lceil ", r"\right\rceil")),
    MathFunction("max", sympy.Max, arity=tuple(range(2, _MOST_ARGUMENTS + 1)), latex=r"\max", real=max,
                 enclose=_extreme(max), exact=max, pairwise=True, pieces=True),
    MathFunction("min", sympy.Min, arity=tuple(range(2, _MOST_ARGUMENTS + 1)), latex=r"\min", real=min,
                 enclose=_extreme(min), exact=min, pairwise=True, pieces=True),
    MathFunction("factorial", sympy.factorial, real=_factorial_real, enclose=_factorial_interval,
                 exact=_factorial_exact),
    MathFunction("binomial", sympy.binomial, arity=(2,), real=_binomial_real, enclose=_binomial_interval,
                 exact=_binomial_exact),
    _row("W", sympy.LambertW, _lambertw, Domain(low_edge=lambda ctx: -1 / ctx.e), spellings=("lambertw", "LambertW"),
         exact=_at_zero(0)),
)

BY_NAME: dict[str, MathFunction] = {name: row for row in FUNCTIONS for name in row.names}
"""Every typed name (and spelling) to its row."""

BY_SYMPY: dict[type, MathFunction] = {}
"""The sympy class to the row that computes and prints it (the first row naming it: ln, not log)."""
for _function in FUNCTIONS:
    if _function.real is not None:
        BY_SYMPY.setdefault(_function.sympy, _function)


def _level_at_0(function: MathFunction) -> bool:
    try:
        with mp.workprec(53):
            value = function.real(mpmath.mpf(0)) if function.real is not None and function.arity == (1,) else 0
    except (Undefined, ValueError, ZeroDivisionError):
        return False
    return bool(mpmath.isfinite(value) and value != 0)


LEVEL_AT_0: frozenset[MathFunction] = frozenset(f for f in FUNCTIONS if _level_at_0(f))
"""Functions whose value at 0 is a number other than 0 (cos, exp, sech, acos, factorial ...): at a tiny
argument a the value is that number moved by about a, or a², which the value hides (cos(e^-1000) - 1)."""
