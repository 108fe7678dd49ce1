"""Two linear equations in two unknowns solved step by step, as the lesson solves the power lines' normal
equations: the least-squares fit's and the critical points' of a quadratic alike (tutor.calculus.eliminate
finds the moves; this says them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Expr

from ..calculus import Elimination, Move
from ..parse import Equation, fraction, symbol
from ..show import show
from .model import Step, StepRule, Terms, step


class EliminationRule(StepRule):
    ELIMINATE = "eliminate"
    SCALE = "scale"
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
    EliminationRule.ELIMINATE: "Solve them by elimination: {after:and}.",
    EliminationRule.SCALE: "Multiply the {which} equation by {factor}: {after}.",
    EliminationRule.SUBTRACT: "Subtract the second equation from the first: {unknown} cancels, leaving {after}.",
    EliminationRule.ADD: "Add the two equations: {unknown} cancels, leaving {after}.",
    EliminationRule.SOLVE_FOR: "So {unknown} = {ratio} = {after}.",
    EliminationRule.SOLVED: "So {unknown} = {after}.",  # the fraction as it stands is the value (7/6 from 6b - 7 = 0)
    EliminationRule.SUBSTITUTE: "Put {value} into the {which} equation: {after}.",
    EliminationRule.MULTIPLY_OUT: "Multiply out: {after}.",
    EliminationRule.COLLECT_NUMBERS: "Collect the numbers: {after}.",
}

WHICH = ("first", "second")


def elimination_steps(partials: Sequence[Terms], result: Elimination, decimals: bool = False) -> Step:
    """The lesson's elimination, each equation written in the order of the one it came from; `decimals`:
    the numbers are written as decimals (to tell a division the value shows already: 7/6 = 7/6)."""
    equations = [tuple(p.terms) for p in partials]
    found = []
    order: tuple[Expr, ...] = equations[0]
    for move in result.steps:
        lhs = move.equation.lhs
        if move.move == Move.SCALE and move.of is not None:
            order = equations[move.of]
            found.append(step(EliminationRule.SCALE, None, _equation(lhs, order), which=WHICH[move.of],
                              factor=move.factor))
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
            # 7/6 is 7/6 and -1/1 is -1: the division is the value, said once
            if bottom == 1 or show(ratio, decimals=decimals) == show(move.equation.rhs, decimals=decimals):
                found.append(step(EliminationRule.SOLVED, None, move.equation.rhs, unknown=symbol(move.unknown)))
            else:  # the division, then its value: 14/6 = 7/3, 22/20 = 1.1
                found.append(step(EliminationRule.SOLVE_FOR, None, move.equation.rhs, unknown=symbol(move.unknown),
                                  ratio=ratio))
        elif move.move == Move.SUBSTITUTE and move.of is not None:
            order = equations[move.of]
            known = next(s for s in reversed(found) if s.rule in (EliminationRule.SOLVE_FOR, EliminationRule.SOLVED))
            found.append(step(EliminationRule.SUBSTITUTE, None, Equation(lhs, move.equation.rhs), which=WHICH[move.of],
                              value=Equation(known.get("unknown"), known.after)))
        elif move.move == Move.MULTIPLY_OUT:
            found.append(step(EliminationRule.MULTIPLY_OUT, None, Equation(Terms(lhs.args), move.equation.rhs)))
        elif move.move == Move.COLLECT:
            found.append(step(EliminationRule.COLLECT_NUMBERS, None, _equation(lhs, order)))
    answers = tuple(Equation(symbol(u), v) for u, v in zip(result.unknowns, result.solution))
    return step(EliminationRule.ELIMINATE, None, answers, found)


def _equation(lhs: Expr, order: Sequence[Expr]) -> Equation:
    """lhs = 0, its terms in the order of the equation it came from (by their variables)."""
    def place(term: Expr) -> int:
        kinds = [t.free_symbols for t in order]
        return kinds.index(term.free_symbols) if term.free_symbols in kinds else len(order)
    return Equation(Terms(tuple(sorted(sympy.Add.make_args(lhs), key=place))), sympy.Integer(0))
