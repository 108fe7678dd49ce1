"""Misconceptions about gradients: the partial derivatives put together wrongly, or one of them
differentiated wrongly.

A gradient is judged one component at a time (a Componentwise candidate): each
component may be right, or what a derivative misconception (or two) makes of
that partial, so "Your ∂f/∂y: it looks like you …" names a mistake made in one
partial only, and the same mistake in every partial is named once. The
gradient's own mistakes come on top: components swapped, the vector negated,
a component left out, the partials added into one number, one partial for the
whole vector, the length or f's value given, the point not put in, or the point itself given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import combinations

import sympy
from sympy import Expr

from ...calculus.partials import diff
from ...misconceptions import (
    Componentwise,
    Misconception,
    Option,
    Said,
    Tiered,
    WrongAnswer,
    at_point,
    in_places,
    register,
)
from ...misconceptions.derivatives import MISCONCEPTIONS as DERIVATIVES
from ...misconceptions.derivatives import derivative_tiers, wrong_gradients
from ...misconceptions.points import MISCONCEPTIONS as POINTS
from ...misconceptions.points import evaluation_slips, point_words
from ...parse import Answer, Shape, symbol, written_after
from ...show import show
from ...words import and_list
from .exercise import Gradient

MISCONCEPTIONS = register(
    Misconception(
        "components-swapped", "gradient components in the wrong order",
        "It looks like you swapped the components. ∇{f} lists the partial derivatives in the order of the "
        "variables: ({partials})."),
    Misconception(
        "only-one-component", "gave one partial derivative for the whole gradient",
        "It looks like you gave only ∂{f}/∂{v}. The gradient is a vector, one component for each variable: "
        "({partials})."),
    Misconception(
        "missing-component", "left a component out of the gradient",
        "It looks like you left out ∂{f}/∂{v}. The gradient is a vector, one component for each variable: "
        "({partials})."),
    Misconception(
        "gradient-summed", "added the partial derivatives into one",
        "It looks like you added the partial derivatives together. The gradient is a vector, one "
        "component for each variable: ({partials})."),
    Misconception(
        "gradient-negated", "gave −∇f for ∇f",
        "It looks like you gave {given}. {reason}"),
    Misconception(
        "parallel-vector", "gave another vector in the right direction for the vector asked for",
        "It looks like you gave another vector in the direction of {asked}: yours is {yours}, which points "
        "the right way, but the question asks for the vector {asked} itself."),
    Misconception(
        "gave-gradient-length", "gave the gradient's length for the gradient",
        "It looks like you gave the length of the gradient, |∇{f}|. The answer is the vector itself: "
        "({partials})."),
)


def partials_text(name: str, variables: Sequence[str]) -> str:
    return ", ".join(f"∂{name}/∂{v}" for v in variables)


def swapped(items: Sequence) -> tuple:
    """The first two swapped, the usual slip; with more than two, that is one of several orders."""
    return transposed(items, 0, 1)


def transposed(items: Sequence, i: int, j: int) -> tuple:
    """Items i and j swapped."""
    turned = list(items)
    turned[i], turned[j] = items[j], items[i]
    return tuple(turned)


def candidates(problem: Gradient) -> Tiered:
    """The gradient judged part by part, then the vector's own slips. Where a part's options hold two
    derivative misconceptions at once, the first tier has each part's single ones and names one mistake
    in all; the pairs' tier has every option, and names one or two, as the first would have with them."""
    f, variables, name, point = problem.function, problem.variables, problem.name, problem.at
    right = problem.solution.components
    partials = partials_text(name, variables)

    def value(components: Sequence[Expr]) -> tuple[Expr, ...] | None:
        if point is None:
            return tuple(components)
        values = tuple(at_point(c, variables, point) for c in components)
        return None if None in values else values

    singles, every = component_tiers(f, variables, name, point, problem.decimals)
    found: list[WrongAnswer | Componentwise] = [*_by_parts(problem, singles, 2 if every is None else 1)]
    exact = value(right)
    if point is not None and tuple(reversed(point)) != tuple(point):
        at_swapped = tuple(at_point(c, variables, tuple(reversed(point))) for c in right)
        if None not in at_swapped:
            swapped_point = POINTS["evaluated-at-swapped-point"].fill(**point_words(variables, point, problem.decimals))
            found.append(WrongAnswer.of([swapped_point], Answer(Shape.VECTOR, at_swapped)))
    found += _scalars(problem, exact, partials)
    if point is not None and len(variables) > 1 and (at := at_point(f, variables, point)) is not None:
        # f(2, 3) worked out first, then "differentiated": every component 0 (dropped where that is right)
        found.append(WrongAnswer.of([POINTS["point-put-in-first"].fill(
            f=name, point=problem.point_text(point), value=show(at), asked=f"∇{name}", partials=partials)],
            Answer(Shape.VECTOR, tuple(sympy.Integer(0) for _ in variables))))
    if point is not None and len(variables) > 1 and exact is not None and tuple(point) != exact:
        shown = problem.point_text(point)
        found.append(WrongAnswer.of([POINTS["gave-the-point"].fill(
            point=shown, asked=f"∇{name}{shown}", what="the vector of the partial derivatives", partials=partials)],
            Answer(Shape.VECTOR, tuple(point))))
    return Tiered(found, list if every is None else lambda: _by_parts(problem, every(), 2))


def _by_parts(problem: Gradient, options: tuple[tuple[Option, ...], ...], most: int) -> list[Componentwise]:
    """The gradient part by part: as it is, two parts swapped, negated, one part left out; naming at most
    `most` mistakes."""
    f, variables, name = problem.function, problem.variables, problem.name
    partials = partials_text(name, variables)
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    names = tuple(f"∂{name}/∂{v}" for v in variables)
    found = [Componentwise(options, names, most=most)]
    # parts written after their names (∂f/∂x = 2y, ∂f/∂y = 2x) are in the order the names give: not swapped,
    # but each partial taken in the other variable
    crossed = replace(say["components-swapped"](f=name, partials=partials),
                      refuted_by=(written_after([n for part in problem.part_names for n in part]),))
    # any two components swapped: with three, ∂f/∂y and ∂f/∂z as well as the first two (finding 807)
    for pair in combinations(range(len(variables)), 2):
        found.append(Componentwise(transposed(options, *pair), names, (crossed,),
                                   by_value=_other_partials(f, variables, name, pair), most=most))
    negated = tuple(tuple(-o for o in column) for column in options)
    found.append(Componentwise(negated, names, (say["gradient-negated"](
        given=f"−∇{name}, the direction of steepest descent", reason=f"∇{name} itself points uphill: ({partials})."),),
        most=most))
    for i, v in enumerate(variables):
        if len(variables) > 2:  # a vector one short: which one is missing is the mistake
            kept = options[:i] + options[i + 1:]
            found.append(Componentwise(kept, names[:i] + names[i + 1:],
                                       (say["missing-component"](f=name, v=v, partials=partials),), most=most))
    return found


def _other_partials(f: Expr, variables: Sequence[str], name: str, pair: tuple[int, int]) -> tuple[Said, ...]:
    """The two partials of `pair` each taken in the other's variable, as the components swapped give them: said
    of the parts written after their names."""
    first, second = (variables[i] for i in pair)
    held = " is a constant" if len(variables) == 2 else " are constants"
    places = [(f"∂{name}/∂{v}", DERIVATIVES["answered-other-partial"].fill(
        other=u, v=v, f=name, held=and_list([w for w in variables if w != v]) + held))
        for v, u in ((first, second), (second, first))]
    return (in_places("answered-other-partial", places),)


Columns = tuple[tuple[Option, ...], ...]


def component_options(f: Expr, variables: Sequence[str], name: str, point: Sequence[Expr] | None,
                      decimals: bool = False) -> Columns:
    """For each partial: its right value first, then what one or two derivative misconceptions, or a
    slip in putting the point in, make of it. At a point, one misconception per component: two in one
    number are too easily a coincidence."""
    singles, every = component_tiers(f, variables, name, point, decimals)
    return singles if every is None else every()


def component_tiers(f: Expr, variables: Sequence[str], name: str, point: Sequence[Expr] | None,
                    decimals: bool = False) -> tuple[Columns, Callable[[], Columns] | None]:
    """`component_options` with each partial's single misconceptions only, and a function making them with
    the pairs too (None where there are none: at a point)."""
    columns = []
    made = []  # for each partial: its right value and single misconceptions' options, and its pairs'
    for v in variables:
        # the other partial in this slot is a copying slip here (and swapped components, when both are)
        singles, paired = derivative_tiers(f, v, variables, name)
        wrong = [w for w in singles if w.misconception != "answered-other-partial"]
        right = diff(f, symbol(v))
        if point is None:
            column = [Option(right)] + [Option(w.derivative, w.said, w.known) for w in wrong]
            made.append((column, paired))
        else:
            exact = at_point(right, variables, point)
            column = [Option(exact)] if exact is not None else []
            # the right partial with a slip in putting the point in, before a wrong partial giving the same
            column += [Option(value, (said,)) for said, value in evaluation_slips(right, variables, point)]
            column += [Option(value, w.said) for w in wrong
                       if (value := at_point(w.derivative, variables, point)) is not None]
            if right.free_symbols:  # the partial right, but the point not put in: (4, 2y) for ∇(x² + y²) at (2, 3)
                what = f"∂{name}/∂{v}" if len(variables) > 1 else f"{name}′"
                shown = show(tuple(point) if len(point) > 1 else point[0], decimals=decimals)
                column.append(Option(right, (POINTS["not-evaluated"].fill(what=what, point=shown, value="number"),)))
        columns.append(tuple(column))
    if point is not None:
        return tuple(columns), None

    @cache
    def every() -> Columns:
        return tuple((*column, *(Option(w.derivative, w.said, w.known) for w in paired()
                                 if w.misconception != "answered-other-partial")) for column, paired in made)
    return tuple(columns), every


def _scalars(problem: Gradient, exact: tuple[Expr, ...] | None, partials: str) -> list[WrongAnswer]:
    """One number (or expression) for the whole vector: one partial, their sum, the length, f."""
    f, variables, name, point = problem.function, problem.variables, problem.name, problem.at
    scalar = Shape.NUMBER if point is not None else Shape.EXPRESSION
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    found: list[WrongAnswer] = []
    if exact is None:
        return found
    for v, component in zip(variables, exact):
        found.append(WrongAnswer.of([say["only-one-component"](f=name, v=v, partials=partials)],
                                    Answer(scalar, component)))
    summed = say["gradient-summed"](f=name, partials=partials)
    found.append(WrongAnswer.of([summed], Answer(scalar, sympy.Add(*exact))))
    for said, wrong in wrong_gradients(f, variables, name):
        values = wrong if point is None else tuple(at_point(c, variables, point) for c in wrong)
        if None not in values and len(said) == 1:
            found.append(WrongAnswer.of([summed, *said], Answer(scalar, sympy.Add(*values))))
    if point is not None:
        found.append(WrongAnswer.of([say["gave-gradient-length"](f=name, partials=partials)],
                                    Answer(Shape.NUMBER, sympy.sqrt(sympy.Add(*(c**2 for c in exact))))))
        shown = problem.point_text(point)
        value = at_point(f, variables, point)
        if value is not None:
            found.append(WrongAnswer.of([POINTS["gave-function-value"].fill(f=name, point=shown)],
                                        Answer(Shape.NUMBER, value)))
        found.append(WrongAnswer.of([POINTS["not-evaluated"].fill(what=f"∇{name}", point=shown, value="vector")],
                                    Answer(Shape.VECTOR, problem.solution.components)))
    return found
