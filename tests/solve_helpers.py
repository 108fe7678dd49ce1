"""Small helpers the tests share: read maths as the lesson writes it, and show it back."""

from __future__ import annotations

import random
from fractions import Fraction

import sympy

from tutor.evaluate import Undefined, agree, compile_expression
from tutor.parse import expression, symbol
from tutor.show import show
from tutor.steps import DERIVATIVE_RULES

x, y, m, b = (symbol(n) for n in "xymb")


def lesson(text: str) -> sympy.Expr:
    """Trusted maths from the lesson, read by tutor.parse (never sympify)."""
    return expression(text, (), infer=True)


def same(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Mathematically equal where the lesson's functions are real: a step may write √(x(y² + 1)/y) as
    √(x/y)·√(y² + 1), true where either is real but not for every complex x and y, which simplify weighs."""
    return sympy.simplify(a - b) == 0 or numerically_equal(a, b)


def numerically_equal(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Equal at five points with positive rational coordinates where both are defined (simplify's verdict
    where there are none)."""
    variables = sorted(a.free_symbols | b.free_symbols | {x, y, symbol("u")}, key=lambda s: s.name)
    fa, fb = compile_expression(a, variables), compile_expression(b, variables)
    rng = random.Random(1)
    compared = 0
    for _ in range(30):
        point = [Fraction(rng.randint(1, 90), rng.randint(10, 40)) for _ in variables]
        try:
            va, vb = fa(point), fb(point)
        except Undefined:
            continue
        if not agree(va, vb):
            return False
        compared += 1
        if compared == 5:
            break
    return compared > 0 or sympy.simplify(a - b) == 0


def shown(value, variables=("x", "y")) -> str:
    return show(value, variables)


def agrees(value: float, printed: str) -> bool:
    """value rounds to `printed` at its number of decimals (ties either way, as printers differ)."""
    decimals = len(printed.partition(".")[2])
    return abs(value - float(printed)) <= 0.5 * 10.0**-decimals + 1e-12


def check_derivation(derivation, wrt: str) -> None:
    """Every derivative step's `after` is the derivative of its `before` (by its own variable)."""
    def walk(s, variable):
        variable = s.get("wrt", variable)
        if s.rule in DERIVATIVE_RULES:
            assert same(s.after, sympy.diff(s.before, symbol(variable))), (s.rule, s.before, s.after)
        for sub in s.substeps:
            walk(sub, variable)
    walk(derivation, wrt)
