"""Two linear equations in two unknowns solved step by step, as the lesson solves the power lines' normal
equations: the least-squares fit's and the critical points' of a quadratic alike (tutor.calculus.eliminate
finds the moves; this says them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sympy
from sympy import Expr

from ..calculus import Elimination, Move
from ..parse import Equation, Spellings, fraction, symbol
from ..show import as_decimal, show
from .model import Step, StepRule, Terms, step


class EliminationRule(StepRule):
    ELIMINATE = "eliminate"
    SCALE = "scale"
    SCALE_ACROSS = "scale_across"
    SUBTRACT = "subtract"
    ADD = "add"
    SOLVE_FOR = "solve_for"
    SOLVED = "solved"
    SUBSTITUTE = "substitute"
    MULTIPLY_OUT = "multiply_out"
    COLLECT_NUMBERS = "collect_numbers"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    EliminationRule.ELIMINATE: "Solve them by elimination: {after:and}{approx}.",
    EliminationRule.SCALE: "Multiply the {which} equation by {factor}: {after}.",
    EliminationRule.SCALE_ACROSS: ("Multiply the {which} equation by {factor}, the {other} equation's coefficient of "
                                   "{unknown}: {after}."),
    EliminationRule.SUBTRACT: "Subtract the second equation from the first: {unknown} cancels, leaving {after}.",
    EliminationRule.ADD: "Add the two equations: {unknown} cancels, leaving {after}.",
    EliminationRule.SOLVE_FOR: "So {unknown} = {ratio} = {after}{approx}.",
    # the fraction as it stands is the value (7/6 from 6b - 7 = 0)
    EliminationRule.SOLVED: "So {unknown} = {after}{approx}.",
    EliminationRule.SUBSTITUTE: "Put {value} into the {which} equation: {after}.",
    EliminationRule.MULTIPLY_OUT: "Multiply out: {after}.",
    EliminationRule.COLLECT_NUMBERS: "Collect the numbers: {after}.",
}

WHICH = ("first", "second")


def elimination_steps(partials: Sequence[Terms], result: Elimination, decimals: bool = False,
                      fractions: bool = False, approx: Callable[[Expr], str] | None = None) -> Step:
    """The lesson's elimination, each equation written in the order of the one it came from; `decimals`:
    the numbers are written as decimals (to tell a division the value shows already: 7/6 = 7/6);
    `fractions`: the unknowns' values are written as fractions where they are found and put in, as the
    answer writes them beside one with no short decimal (b = 3/4 beside m = 19/28, not 0.75 in one step
    and 3/4 in the next); `approx`: the decimals of a value that is an ugly fraction (" ≈ 0.0612"), said
    where it is found and in the answer."""
    def rough(value: Expr) -> str:
        return approx(value) if approx is not None and "/" in show(value, decimals=decimals) else ""

    alike: dict[str, Any] = {"as_fractions": ("after", "value")} if fractions else {}
    equations = [tuple(p.terms) for p in partials]
    found = []
    order: tuple[Expr, ...] = equations[0]
    for move in result.steps:
        lhs = move.equation.lhs
        if move.move == Move.SCALE and move.of is not None:
            order = equations[move.of]
            # 6, the second equation's coefficient of b: the multiplier's reason, where it is not the lesson's 2
            across = {"other": WHICH[1 - move.of], "unknown": symbol(move.unknown)} if move.across else {}
            found.append(step(EliminationRule.SCALE_ACROSS if move.across else EliminationRule.SCALE, None,
                              _equation(lhs, order), which=WHICH[move.of], factor=move.factor, **across))
        elif move.move in (Move.SUBTRACT, Move.ADD):
            rule = EliminationRule.SUBTRACT if move.move == Move.SUBTRACT else EliminationRule.ADD
            found.append(step(rule, None, _equation(lhs, equations[0]), unknown=symbol(move.unknown)))
        elif move.move == Move.SOLVE and move.ratio is not None:
            top, bottom = move.ratio
            if bottom.is_negative:  # -3/(-4) is 3/4: the signs cancel before the division is shown (finding 467)
                top, bottom = -top, -bottom
            if top.is_Rational and not top.is_Integer and "/" in show(top, decimals=decimals):  # 4/40, not 4/(5·8)
                top, bottom = sympy.Integer(fraction(top).numerator), fraction(top).denominator * bottom
            ratio = sympy.Mul(top, sympy.Pow(bottom, -1, evaluate=False), evaluate=False)
            value = move.equation.rhs
            # 7/6 is 7/6 and -1/1 is -1: the division is the value, said once
            if bottom == 1 or show(ratio, decimals=decimals) == show(value, decimals=decimals and not fractions,
                                                                              fractions=fractions):
                found.append(step(EliminationRule.SOLVED, None, value, unknown=symbol(move.unknown),
                                  approx=rough(value), **alike))
            else:  # the division, then its value: 14/6 = 7/3, 22/20 = 1.1, 9.5/14 = 19/28 ≈ 0.678571
                found.append(step(EliminationRule.SOLVE_FOR, None, value, unknown=symbol(move.unknown),
                                  ratio=ratio, approx=rough(value), **alike))
        elif move.move == Move.SUBSTITUTE and move.of is not None:
            order = equations[move.of]
            known = next(s for s in reversed(found) if s.rule in (EliminationRule.SOLVE_FOR, EliminationRule.SOLVED))
            # the value as the answer writes it, put into the equation as it was written: 1.4(1/4), not 7(1/4)/5
            kept: dict[str, Any] = {"decimals_kept": _decimals(lhs, known.after)} if fractions and decimals else {}
            found.append(step(EliminationRule.SUBSTITUTE, None, Equation(lhs, move.equation.rhs), which=WHICH[move.of],
                              value=Equation(known.get("unknown"), known.after), **alike, **kept))
        elif move.move == Move.MULTIPLY_OUT:
            found.append(step(EliminationRule.MULTIPLY_OUT, None, Equation(Terms(lhs.args), move.equation.rhs)))
        elif move.move == Move.COLLECT:
            found.append(step(EliminationRule.COLLECT_NUMBERS, None, _equation(lhs, order)))
    answers = tuple(Equation(symbol(u), v) for u, v in zip(result.unknowns, result.solution))
    roughly = [(u, rough(v)) for u, v in zip(result.unknowns, result.solution)]
    # m = 492667/8051906 and b = 321349067/40259530 (m ≈ 0.0612, b ≈ 7.9819): the answer's decimals too
    said = ", ".join(f"{show(symbol(u))}{text}" for u, text in roughly if text)
    return step(EliminationRule.ELIMINATE, None, answers, found, approx=f" ({said})" if said else "")


def _decimals(lhs: Expr, value: Expr) -> Spellings:
    """The decimals of an equation's own numbers (0.42, 1.4, 0.74), to be written so beside the value put in,
    which is written as a fraction."""
    numbers = {abs(fraction(n)) for n in lhs.atoms(sympy.Rational) if not n.is_Integer} - {abs(fraction(value))}
    written = ((n, as_decimal(n, always=True)) for n in sorted(numbers))
    return tuple((n, text) for n, text in written if text is not None)


def _equation(lhs: Expr, order: Sequence[Expr]) -> Equation:
    """lhs = 0, its terms in the order of the equation it came from (by their variables)."""
    def place(term: Expr) -> int:
        kinds = [t.free_symbols for t in order]
        return kinds.index(term.free_symbols) if term.free_symbols in kinds else len(order)
    return Equation(Terms(tuple(sorted(sympy.Add.make_args(lhs), key=place))), sympy.Integer(0))
