"""Right answers from the lesson's kinds, and what an adversarial student adds to them.

Shared by the property tests (tests/test_equivalence_properties.py) and by
`benchmarks/bench_adversarial.py`, which prints how often each family is accepted.
A *family* turns a right answer E (text) into an answer that is NOT equal to it
but hides the difference from a careless checker: a cancellation among huge
terms, a term that is zero except past a far or tiny kink, a difference below
the working precision, a term that vanishes on integers ... A *rewrite* turns
E into an answer that IS equal to it, written another way.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import sympy

X, Y = sympy.symbols("x y", real=True)
VARIABLES = ("x", "y")


def right_answer(rng: random.Random) -> sympy.Expr:
    """A right answer to an exercise of the lesson: a partial derivative, a gradient
    component, a slope of eˣ - ln x, a least-squares partial, a tangent plane's right side."""
    kind = rng.randrange(6)
    a, b = rng.randint(2, 9), rng.randint(1, 9)
    p, q = rng.randint(1, 4), rng.randint(1, 4)
    if kind == 0:  # ∂/∂x of a xᵖ yᵠ + b x y
        return sympy.diff(a * X**p * Y**q + b * X * Y, X)
    if kind == 1:  # the sauna's ∂T/∂x, with other numbers
        c, d = rng.randint(2, 8), rng.randint(2, 8)
        return sympy.diff(85 - sympy.Rational(1, 90) * X**2 * (X - c) * Y**2 * (Y - d), X)
    if kind == 2:  # f'(x) for f = a eˣ - b ln x
        return a * sympy.exp(X) - b / X
    if kind == 3:  # ∂E/∂m of a least-squares cost, in x and y
        return 2 * a * X + 2 * b * Y - 2 * (a + b)
    if kind == 4:  # a tangent plane's right side at (p, q)
        return a * (X - p) + b * (Y - q) + a * p + b
    return sympy.diff(sympy.sin(a * X) * Y**q + sympy.log(X**2 + b), X)  # a chain rule


def text(expr: sympy.Expr) -> str:
    """An expected answer as text the tutor reads (sympy's own spelling: ** and exp, log)."""
    return str(expr)


@dataclass(frozen=True)
class Family:
    name: str  # as the docs' table shows it
    change: Callable[[str, random.Random], str]  # E's text -> the adversarial answer


def _added(term: Callable[[random.Random], str]) -> Callable[[str, random.Random], str]:
    return lambda e, rng: f"({e}) + {term(rng)}"


def _tiny(rng: random.Random) -> int:
    return rng.choice([20, 45, 50, 100, 300, 999])


def _far(rng: random.Random) -> str:
    return rng.choice(["15", "20", "1000", "10^6", "10^7", "-30", "123/7"])


FAMILIES: tuple[Family, ...] = (
    # the issue's own table
    Family("sqrt(10^90 + x²) − 10^45 + 5", _added(lambda rng: "(sqrt(10^90+x^2) - 10^45 + 5)")),
    Family("(|x − c| + x − c)/2, c far", _added(lambda rng: "((|x - {0}| + x - {0})/2)".format(_far(rng)))),
    Family("|x − h| + |x| − |2x − h|, h tiny",
           _added(lambda rng: "(|x - {0}| + |x| - |2x - {0}|)".format(rng.choice(["1/1000", "10^-12", "10^-40"])))),
    Family("sign(x − c) + 1", _added(lambda rng: f"(sign(x - {_far(rng)}) + 1)")),
    Family("10^−k·sin(x)", _added(lambda rng: f"10^-{_tiny(rng)}*sin(x)")),
    Family("E·(1 + 10^−k)", lambda e, rng: f"({e})*(1 + 10^-{_tiny(rng)})"),
    Family("control: + 1/1000", _added(lambda rng: "1/1000")),
    # more of our own
    Family("sin(πx), zero on the integers", _added(lambda rng: rng.choice(["sin(pi*x)", "sin(pi x) sin(pi y)"]))),
    Family("near-cancelling radicals: √(N² + 1) − N − 1/(2N)",
           _added(lambda rng: "(sqrt(10^{0}+1) - 10^{1} - 1/(2*10^{1}))".format(2 * rng.choice([10, 20, 40]),
                                                                               rng.choice([10, 20, 40])))),
    Family("nested radicals, nearly cancelling: √(5 + 2√(6 + δ)) − √2 − √3",
           _added(lambda rng: f"(sqrt(5 + 2*sqrt(6 + 10^-{_tiny(rng)})) - sqrt(2) - sqrt(3))")),
    Family("huge coefficients: 10^k(sin²x + cos²x) − 10^k + 10^−m",
           _added(lambda rng: "(10^{0}*(sin(x)^2 + cos(x)^2) - 10^{0} + 10^-{1})".format(
               rng.choice([30, 60, 200]), rng.choice([3, 10, 30])))),
    Family("sign step at a far square: sign(x² − c²) + 1",
           _added(lambda rng: "(sign(x^2 - ({})^2) + 1)".format(rng.choice(["30", "10^4", "10^7"])))),
    Family("a kink in a tiny interval far away: |x − c − h| + |x − c| − |2x − 2c − h|",
           _added(lambda rng: "(|x - {0} - {1}| + |x - {0}| - |2x - 2*{0} - {1}|)".format(
               rng.choice(["7", "-50", "10^5"]), rng.choice(["1/1000", "10^-9"])))),
    Family("defined at one point only: √(−(x − c)²)", _added(lambda rng: f"sqrt(-(x - {_far(rng)})^2)")),
    Family("a tiny exponential: e^−k", _added(lambda rng: f"exp(-{rng.choice([50, 500, 5000])})")),
    Family("zero at the first sample points: (x − 1)(x − 2)(x + 1)…(x + 2)",
           _added(lambda rng: "(x - 1)(x - 2)(x + 1)(x - 3)(2x - 1)(2x + 3)(x + 2)")),
    Family("a saturated function: tanh(c) − 1", _added(lambda rng: f"(tanh({rng.choice([100, 300, 2000])}) - 1)")),
    Family("a tiny argument: cos(e^−k) − 1", _added(lambda rng: f"(cos(exp(-{rng.choice([100, 1000])})) - 1)")),
    Family("a far asymptote: atan(e^k) − π/2", _added(lambda rng: f"(atan(exp({rng.choice([100, 1000])})) - pi/2)")),
    Family("max(0, x − c), zero left of c", _added(lambda rng: f"max(0, x - {_far(rng)})")),
    Family("floor(x/c), zero on [0, c)", _added(lambda rng: f"floor(x/{rng.choice(['1000', '10^6', '10^9'])})")),
    Family("1 − sign(x² + y²), not zero at the origin only", _added(lambda rng: "(1 - sign(x^2 + y^2))")),
    Family("a piece switching where cos, sin or exp is zero: min(0, cos x + 0.99)", _added(lambda rng: rng.choice(
        ["min(0, cos(x) + 0.99)", "max(0, sin(x) - 0.999)", "floor(2 exp(-(x - sqrt(53))^2))"]))),
)


REWRITES: tuple[Family, ...] = (
    Family("expanded", lambda e, rng: str(sympy.expand(sympy.sympify(e, locals={"x": X, "y": Y})))),
    Family("factored", lambda e, rng: str(sympy.factor(sympy.sympify(e, locals={"x": X, "y": Y})))),
    Family("+ sin²x + cos²x − 1", _added(lambda rng: "(sin(x)^2 + cos(x)^2 - 1)")),
    Family("+ 2 sin x cos x − sin 2x", _added(lambda rng: "(2 sin(x) cos(x) - sin(2x))")),
    Family("+ ln(eˣ) − x", _added(lambda rng: "(ln(e^x) - x)")),
    Family("+ (x² − 1)/(x − 1) − x − 1", _added(lambda rng: "((x^2 - 1)/(x - 1) - x - 1)")),
    Family("+ √(5 + 2√6) − √2 − √3 (nested radicals that cancel)",
           _added(lambda rng: "(sqrt(5 + 2 sqrt(6)) - sqrt(2) - sqrt(3))")),
    Family("+ |x|·|y| − |xy|", _added(lambda rng: "(|x| |y| - |x y|)")),
    Family("·(cosh²x − sinh²x)", lambda e, rng: f"({e})*(cosh(x)^2 - sinh(x)^2)"),
    Family("+ sign(x)·|x| − x", _added(lambda rng: "(sign(x) |x| - x)")),
    Family("+ ln(x²) − 2 ln|x|", _added(lambda rng: "(ln(x^2) - 2 ln|x|)")),
    Family("+ tan x cos x − sin x", _added(lambda rng: "(tan(x) cos(x) - sin(x))")),
    Family("+ (|x − 20| + x − 20)/2 − (x − 20)·(sign(x − 20) + 1)/2",
           _added(lambda rng: "((|x - 20| + x - 20)/2 - (x - 20)(sign(x - 20) + 1)/2)")),
    Family("+ log_2(8) − 3", _added(lambda rng: "(log_2(8) - 3)")),
    Family("+ max(x, y) + min(x, y) − x − y", _added(lambda rng: "(max(x, y) + min(x, y) - x - y)")),
    Family("+ floor(x) + ceil(−x)", _added(lambda rng: "(floor(x) + ceil(-x))")),
)
