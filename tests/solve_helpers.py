"""Small helpers the tests share: read maths as the lesson writes it, and show it back."""

from __future__ import annotations

import sympy

from tutor.parse import expression, symbol
from tutor.show import show
from tutor.steps import DERIVATIVE_RULES

x, y, m, b = (symbol(n) for n in "xymb")


def lesson(text: str) -> sympy.Expr:
    """Trusted maths from the lesson, read by tutor.parse (never sympify)."""
    return expression(text, (), infer=True)


def same(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Mathematically equal."""
    return sympy.simplify(a - b) == 0


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
