"""Two linear equations in two unknowns, solved by elimination the way the lesson solves the
normal equations of the power lines:

    28m + 12b - 42 = 0,  6b + 12m - 20 = 0
    multiply the second by 2:   12b + 24m - 40 = 0
    subtract it from the first: 4m - 2 = 0, so m = 2/4 = 0.5
    put m into the second:      6b + 12(0.5) - 20 = 0 → 6b + 6 - 20 = 0 → 6b - 14 = 0
    so b = 14/6 = 7/3

The unknown eliminated is the one whose coefficients need the smaller multipliers
to match (b here: 12 and 6, so the second equation times 2); the value found is
put into the original equation with the smaller coefficient of the other unknown.

Coefficients that are decimals (583.6 and 6, from the TV budgets) would need multipliers no
student sees (15 and 1459); there each equation is multiplied by the other's coefficient
(6 and 583.6), and where the value found has no short decimal to put into an equation
(492667/8051906) the other unknown is eliminated the same way, so every number stays exact
and decimal until the last division.
Each move is a value the step builder can narrate; nothing here is worded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import sympy
from sympy import Expr

from ..parse import Equation, symbol
from .common import SolveError, function_of

ZERO = sympy.Integer(0)


class Move(StrEnum):
    SCALE = "scale"  # multiply an equation by a number
    SUBTRACT = "subtract"  # subtract the (scaled) equations: one unknown is gone
    ADD = "add"  # add them, when its coefficients have opposite signs
    SOLVE = "solve"  # a·u = c, so u = c/a
    SUBSTITUTE = "substitute"  # put the value found into an original equation
    MULTIPLY_OUT = "multiply_out"  # work out the product that gave: 12(0.5) → 6
    COLLECT = "collect"  # add up the numbers: 6 - 20 → -14


@dataclass(frozen=True)
class EliminationStep:
    move: Move
    equation: Equation  # what this move gives
    of: int | None = None  # SCALE, SUBSTITUTE: which equation (0: the first, 1: the second)
    factor: Expr | None = None  # SCALE: the multiplier
    across: bool = False  # SCALE: the multiplier is the other equation's coefficient of `unknown`
    unknown: str = ""  # SOLVE: the unknown found; SUBTRACT/ADD: the one eliminated
    ratio: tuple[Expr, Expr] | None = None  # SOLVE: the fraction as it stands, (2, 4) for m = 2/4


@dataclass(frozen=True)
class Elimination:
    unknowns: tuple[str, str]
    equations: tuple[Equation, Equation]  # as given, each = 0
    steps: tuple[EliminationStep, ...]
    solution: tuple[Expr, Expr]  # the value of each unknown, in order


def eliminate(first: str | Expr, second: str | Expr, unknowns: Sequence[str] = ("m", "b")) -> Elimination:
    """Solve first = 0 and second = 0 (linear in the two unknowns) by elimination."""
    names = tuple(unknowns)
    if len(names) != 2:
        raise SolveError("elimination here is for two equations in two unknowns")
    u = tuple(symbol(n) for n in names)
    lhs = tuple(sympy.expand(function_of(e)) for e in (first, second))
    rows = [_coefficients(e, u) for e in lhs]
    (a1, b1, _), (a2, b2, _) = rows
    if a1 * b2 - a2 * b1 == 0:
        raise SolveError("the equations have no single solution (one is a multiple of the other)")
    equations = (Equation(lhs[0], ZERO), Equation(lhs[1], ZERO))
    steps: list[EliminationStep] = []
    gone = _to_eliminate(rows)  # index of the unknown to eliminate
    kept = 1 - gone
    across = _across(rows, gone)
    left = _eliminated(lhs, rows, gone, names, across, steps)
    value, step = _solve(left, u[kept], names[kept])
    steps.append(step)
    if across and not _short(value):  # 492667/8051906 put into 583.6m: eliminate the other unknown too
        other, step = _solve(_eliminated(lhs, rows, kept, names, True, steps), u[gone], names[gone])
        steps.append(step)
        solution = [ZERO, ZERO]
        solution[kept], solution[gone] = value, other
        return Elimination(names, equations, tuple(steps), (solution[0], solution[1]))
    into = min((0, 1), key=lambda i: (rows[i][gone] == 0, abs(rows[i][gone]), i))
    a, c = rows[into][gone], rows[into][2]
    known = rows[into][kept]
    product = sympy.Mul(known, value, evaluate=False) if known not in (0, 1) else known * value
    steps.append(EliminationStep(Move.SUBSTITUTE, Equation(sympy.Add(a * u[gone], product, c, evaluate=False), ZERO),
                                 of=into))
    if known not in (0, 1) and not value.is_Integer:
        steps.append(EliminationStep(Move.MULTIPLY_OUT,
                                     Equation(sympy.Add(a * u[gone], known * value, c, evaluate=False), ZERO)))
    collected = a * u[gone] + known * value + c
    steps.append(EliminationStep(Move.COLLECT, Equation(collected, ZERO)))
    other, step = _solve(collected, u[gone], names[gone])
    steps.append(step)
    solution = [ZERO, ZERO]
    solution[kept], solution[gone] = value, other
    return Elimination(names, equations, tuple(steps), (solution[0], solution[1]))


def _eliminated(lhs: Sequence[Expr], rows: Sequence[tuple[Expr, Expr, Expr]], gone: int, names: Sequence[str],
                across: bool, steps: list[EliminationStep]) -> Expr:
    """The equation left when the unknown `gone` is eliminated, its moves added to `steps`."""
    coefficient = [row[gone] for row in rows]
    if 0 in coefficient:  # one equation has only the kept unknown already
        return lhs[coefficient.index(0)]
    g = 1 if across else sympy.gcd(abs(coefficient[0]), abs(coefficient[1]))
    factors = (abs(coefficient[1]) / g, abs(coefficient[0]) / g)
    scaled = []
    for i, k in enumerate(factors):
        if k != 1:
            steps.append(EliminationStep(Move.SCALE, Equation(sympy.expand(k * lhs[i]), ZERO), of=i, factor=k,
                                         unknown=names[gone], across=across))
        scaled.append(sympy.expand(k * lhs[i]))
    same_sign = (coefficient[0] > 0) == (coefficient[1] > 0)
    left = sympy.expand(scaled[0] - scaled[1] if same_sign else scaled[0] + scaled[1])
    steps.append(EliminationStep(Move.SUBTRACT if same_sign else Move.ADD, Equation(left, ZERO), unknown=names[gone]))
    return left


SMALL = 10  # a multiplier a student finds at a glance (the lesson's 2)


def _across(rows: Sequence[tuple[Expr, Expr, Expr]], gone: int) -> bool:
    """Whether to multiply each equation by the other's coefficient: where they are not whole and the
    smallest multipliers that match them are not small (583.6 and 6 match with 15 and 1459)."""
    coefficients = [row[i] for row in rows for i in (0, 1)]
    if all(c.is_Integer for c in coefficients):
        return False
    a, b = (abs(row[gone]) for row in rows)
    if a == 0 or b == 0:
        return False
    g = sympy.gcd(a, b)
    return not all((k / g).is_Integer and k / g <= SMALL for k in (a, b))


def _short(value: Expr) -> bool:
    """A value with a short decimal (0.75, 2.5), which a student puts into an equation as it is."""
    q = int(sympy.fraction(value)[1])
    while q % 2 == 0:
        q //= 2
    while q % 5 == 0:
        q //= 5
    return q == 1


def _coefficients(e: Expr, u: Sequence[sympy.Symbol]) -> tuple[Expr, Expr, Expr]:
    """(a, b, c) for a·u₀ + b·u₁ + c; an error unless that is all e is."""
    try:
        poly = sympy.Poly(e, *u)
    except sympy.PolynomialError:
        poly = None
    if poly is None or poly.total_degree() > 1 or any(c.free_symbols for c in poly.coeffs()):
        raise SolveError(f"elimination needs linear equations in {u[0]} and {u[1]}")
    return poly.coeff_monomial(u[0]), poly.coeff_monomial(u[1]), poly.coeff_monomial(1)


def _to_eliminate(rows: Sequence[tuple[Expr, Expr, Expr]]) -> int:
    """The unknown whose coefficients match with the smaller multipliers (the second on a tie)."""
    def cost(i: int) -> tuple:
        a, b = rows[0][i], rows[1][i]
        if a == 0 or b == 0:
            return (0,)
        g = sympy.gcd(abs(a), abs(b))
        return (max(abs(a), abs(b)) / g,)
    return min((1, 0), key=cost)


def _solve(e: Expr, u: sympy.Symbol, name: str) -> tuple[Expr, EliminationStep]:
    a, c = e.coeff(u, 1), e.coeff(u, 0)
    return -c / a, EliminationStep(Move.SOLVE, Equation(u, -c / a), unknown=name, ratio=(-c, a))

