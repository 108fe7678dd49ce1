"""Misconceptions about fixing a variable: the value put in the wrong place, the fixed part
dropped as if it were 0, the variable left in; and for the slice's derivative, the slice itself
given, the derivative taken with respect to the fixed variable, or a derivative slip (the shared
catalogue, on the slice)."""

from __future__ import annotations

import sympy

from ...calculus.partials import diff
from ...misconceptions import Misconception, Said, Tiered, WrongAnswer, register
from ...misconceptions.derivatives import derivative_tiers
from ...misconceptions.differentiate import Slip, Slips, differentiate, rebuild
from ...misconceptions.points import squares_doubled
from ...parse import Answer, Shape, symbol
from ...show import show
from ...words import and_list
from .exercise import Ask, FixVariable

MISCONCEPTIONS = register(
    Misconception(
        "fixed-the-other-variable", "put the value in place of the wrong variable",
        "It looks like you put {value} in place of {wrong} instead of {right}. Fixing {right} = {value} "
        "changes only {right}; {wrong} stays a variable."),
    Misconception(
        "fixed-part-dropped", "dropped the fixed variable's part as if it were 0",
        "It looks like you dropped the part with {held}. A fixed variable is a number, not 0: "
        "its part becomes a constant ({part} here) and stays in {call}."),
    Misconception(
        "fixed-variable-kept", "left the fixed variable in",
        "It looks like you left {held} in your answer. Fixing {values} means putting "
        "{those} in its place: {call} has only {free} left."),
    Misconception(
        "value-put-for-power", "put the value in place of a power of the variable",
        "It looks like you put {value} in place of {power} rather than in place of {right}: "
        "{power} becomes {powered}."),
    Misconception(
        "differentiated-fixed-variable", "differentiated the fixed variable too, then put its value in",
        "It looks like you differentiated {held} as well and then put in {values}. Once {held} is fixed, its "
        "part of {call} is a constant, and the derivative of a constant is 0."),
    Misconception(
        "slope-in-fixed-variable", "differentiated with respect to the fixed variable",
        "It looks like you differentiated with respect to {held}, the variable that is fixed. The slope of the "
        "tangent line to {call} is its derivative with respect to {x}: put {values} in, then differentiate."),
    Misconception(
        "gave-slice-not-slope", "gave the slice instead of its derivative",
        "It looks like you gave {call} itself. The slope of its tangent line is its derivative: "
        "differentiate {call} with respect to {x}."),
    Misconception(
        "gave-slope-not-slice", "gave the slice's derivative instead of the slice",
        "It looks like you differentiated {call}. The question asks for {call} itself: put {values} into f and "
        "simplify, without differentiating."),
)


def candidates(problem: FixVariable) -> list[WrongAnswer] | Tiered:
    s = problem.solution
    f, values = problem.function, {symbol(v): c for v, c in problem.fixed}
    call = problem.call()
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    held = and_list([v for v, _ in problem.fixed])
    shown = " and ".join(f"{v} = {show(c)}" for v, c in problem.fixed)
    slices: list[tuple[Said, sympy.Expr]] = []
    if len(problem.variables) == 2 and len(problem.fixed) == 1:
        ((right, value),) = problem.fixed
        (wrong,) = s.remaining
        swapped = sympy.expand(f.xreplace({symbol(wrong): value}))
        slices.append((say["fixed-the-other-variable"](value=show(value), wrong=wrong, right=right), swapped))
        for power in sorted({p for p in f.atoms(sympy.Pow) if p.base == symbol(right) and p.exp.is_Integer},
                            key=sympy.default_sort_key):
            slices.append((say["value-put-for-power"](
                value=show(value), power=show(power), right=right,
                powered=show(power.xreplace({symbol(right): value}))),
                sympy.expand(f.xreplace({power: value}).xreplace({symbol(right): value}))))
    doubled = squares_doubled(f, [v for v, _ in problem.fixed], [c for _, c in problem.fixed])
    if doubled is not None:  # 4² put in as 8: the slip of putting a value in, named where the cost's value is too
        said, wrong_f = doubled
        wrong_slice = sympy.expand(wrong_f.xreplace(values))
        if wrong_slice != sympy.expand(s.slice):  # 2² as 4 is no slip
            slices.append((said, wrong_slice))
    # the terms in the fixed variables alone dropped, the value put in the rest: 2x² for x²y + y³ at y = 2, where
    # putting y = 0 everywhere drops x²y too (outside check h47, F1: the class's most common wrong answer)
    own = sympy.Add(*(t for t in sympy.Add.make_args(sympy.expand(f))
                      if t.free_symbols and t.free_symbols <= set(values)))
    part = sympy.expand(own.xreplace(values))
    if part != 0:
        slices.append((say["fixed-part-dropped"](held=held, part=show(part), call=call), sympy.expand(s.slice - part)))
    slices.append((say["fixed-variable-kept"](
        held=held, values=shown, those="the value" if len(problem.fixed) == 1 else "the values", call=call,
        free=and_list(list(s.remaining))), f))
    if problem.ask == Ask.SLICE:
        # the slope the lesson's next step asks for, given for the slice (outside check h60, W1: the other way round
        # was named, this way not); not a constant slice's 0, which says no more than a wrong number (T(0, y) = 85)
        if len(s.remaining) == 1 and (slope := diff(s.slice, symbol(s.remaining[0]))) != 0:
            slices.append((say["gave-slope-not-slice"](call=call, values=shown), slope))
        return [WrongAnswer.of([said], Answer(Shape.EXPRESSION, value)) for said, value in slices]
    (x,) = s.remaining
    found = [WrongAnswer.of([say["gave-slice-not-slope"](call=call, x=x)], Answer(Shape.EXPRESSION, s.slice))]
    singles, pairs = derivative_tiers(s.slice, x, (x,), call)
    found += [w.as_answer() for w in singles]
    # the fixed variable differentiated too, then its value put in: its own part only (y³ as 3y², the lesson's
    # y² as 2y = 8 beside 2x), or every y, as if y varied with x (∂f/∂x + ∂f/∂y: 3x²y as 6xy + 3x² too)
    own_part = differentiate(rebuild(f), symbol(x), Slips(frozenset({Slip.HELD_TERM}), held=tuple(values)),
                             problem.variables)
    every = sum((diff(f, symbol(v)) for v in problem.variables), sympy.Integer(0))
    fixed_too = say["differentiated-fixed-variable"](held=held, values=shown, call=call)
    found += [WrongAnswer.of([fixed_too], Answer(Shape.EXPRESSION, wrong))
              for wrong in dict.fromkeys(sympy.expand(form.xreplace(values)) for form in (own_part, every))]
    # the lesson's next slide differentiates in the other variable (∂f/∂y = 2y): taken for the slope along the
    # slice, with the fixed value put in or not
    for v, _ in problem.fixed:
        partial = diff(f, symbol(v))
        in_variable = say["slope-in-fixed-variable"](held=v, call=call, x=x, values=shown)
        found += [WrongAnswer.of([in_variable], Answer(Shape.EXPRESSION, wrong))
                  for wrong in dict.fromkeys((partial, sympy.expand(partial.xreplace(values))))]
    # the slice got wrong first, then differentiated correctly: the slice's mistake is the one to name
    for said, value in slices:
        if said.misconception != "fixed-part-dropped":  # the wrong slice's variable is the one the student kept
            kept = x if said.misconception != "fixed-the-other-variable" else problem.fixed[0][0]
            found.append(WrongAnswer.of([said], Answer(Shape.EXPRESSION, diff(value, symbol(kept)))))
    return Tiered(found, lambda: [w.as_answer() for w in pairs()])
