"""Misconceptions about local minima: descent thought to find the lowest minimum wherever it starts, or
to end in another valley than the one it starts in, the global minimum given for all of them, maxima or
saddles counted as minima (every critical point listed, or one of them given where a minimum is asked), a
local minimum taken for the global one, the
minimum value given for its place, the points' coordinates written the wrong way round."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from sympy import Expr, Float

from ...calculus.minimize import minima_points
from ...misconceptions import Misconception, Said, WrongAnswer, register
from ...parse import Answer, Shape
from ...show import show, show_floats
from ...words import and_list, counted
from ..base import typeable
from ..critical_points.misconceptions import point_swapped
from ..gradient.misconceptions import swapped
from ..minimize.misconceptions import MISCONCEPTIONS as ABOUT_MINIMA
from ..minimize.misconceptions import not_minima
from ..solution import approx
from .exercise import Ask, LocalMinima

MINIMUM_VALUE = ABOUT_MINIMA["gave-minimum-value"]  # the minimize kind's, named the same way here
MINIMUM_VALUES = replace(MINIMUM_VALUE, sentence=(  # in one variable, for every local minimum at once
    "It looks like you gave the minimum values {values} of {f}, not the {x} where each is reached."))
EVERY_CRITICAL_POINT = replace(ABOUT_MINIMA["maxima-counted-as-minima"], sentence=(  # the minimize kind's, for a list
    "It looks like you listed every critical point. Only those where the second-derivative test says minimum{rule} "
    "are local minima; the others are {others}."))

MISCONCEPTIONS = register(
    Misconception(
        "descent-finds-global", "thought gradient descent always finds the lowest minimum",
        "It looks like you gave the global minimum. Gradient descent only goes downhill from where it starts: "
        "from {start} it ends in the valley of the local minimum it starts above, which is not always the "
        "lowest one."),
    Misconception(
        "descent-jump-missed", "thought descent stays in the valley it starts in, though a step jumps a hill",
        "It looks like you gave a local minimum the descent does not end at. A step can be so large that it jumps "
        "over a hill: {jumped}, and descent ends at the bottom of the valley it lands in."),
    Misconception(
        "descent-stopped-early", "gave a point descent passes through on its way, not where it ends",
        "It looks like you stopped after {steps}, at {point}, where {slope} is still {value}. Descent goes on "
        "while the slope is not yet close to 0: its points keep moving, and settle at the local minimum {end}."),
    Misconception(
        "descent-gave-start", "gave the start, where descent begins, not where it ends",
        "It looks like you gave the start {start}. Descent takes steps from there, downhill against the slope, "
        "until its points settle: at the local minimum {end}."),
    Misconception(
        "descent-other-valley", "gave a local minimum in another valley than the one descent starts in",
        "It looks like you gave the local minimum of another valley. Gradient descent only goes downhill from "
        "where it starts: from {start} it ends at the bottom of the valley it starts in."),
    Misconception(
        "only-global-minimum", "gave only the global minimum, not every local one",
        "It looks like you gave only the lowest minimum. A local minimum is lower than every point near it, "
        "not than every point: this function has {count} of them."),
)

# x⁴ − 4x² from 2.5 ends at √2, and -√2 is as low: the global minimum taken for descent's end, where descent ends
# at a global minimum too, so the other one given is told as the other valley's, not as "the global minimum"
OTHER_TIED = replace(MISCONCEPTIONS["descent-finds-global"], sentence=(
    "It looks like you gave {other}, which is as low as the minimum descent ends at ({f} = {value} at both), but in "
    "another valley. Gradient descent only goes downhill from where it starts: from {start} it ends in the valley of "
    "the local minimum it starts above."))

# two minima as low, descent ending at a third, higher one: the one given is a global minimum, not "the" one
A_GLOBAL_MINIMUM = replace(MISCONCEPTIONS["descent-finds-global"], sentence=(
    "It looks like you gave one of the {count} equally low global minima. Gradient descent only goes downhill from "
    "where it starts: from {start} it ends in the valley of the local minimum it starts above, which is not always "
    "a lowest one."))

# x⁴ − 2x² at x = -1 and x = 1: the one given is as low as another, so it is not "the lowest minimum"
ONE_OF_THE_LOWEST = replace(MISCONCEPTIONS["only-global-minimum"], sentence=(
    "It looks like you gave only one of the {lowest} equally low minima. A local minimum is lower than every point "
    "near it, not than every point: this function has {count} of them."))


def _answer(points: Sequence[tuple[Expr, ...]], one: bool, listed: bool) -> Answer:
    """As the exercise asks: one point (a number in one variable), or a list of them (a single number
    stays a number: a student who gives one minimum types one)."""
    points = [tuple(typeable(c) for c in p) for p in points]
    if listed and not (one and len(points) == 1):
        return Answer(Shape.VECTOR, tuple(p[0] for p in points)) if one else Answer(Shape.POINTS, tuple(points))
    (point,) = points
    return Answer(Shape.NUMBER, point[0]) if one else Answer(Shape.VECTOR, point)


def _in_place_of(said: Said, minimum: str) -> Said:
    """The wrong kind of point given, and the minimum it stands in the place of, which the list lacks."""
    return Said(said.misconception, lambda: f"{said.sentence} The local minimum {minimum} is missing.", said.subject)


def _for_all_of(said: Said, count: int, f: str) -> Said:
    """The wrong kind of point given alone, where there are several minima: none of them is given."""
    return Said(said.misconception, lambda: f"{said.sentence} Your answer gives none of the {count} local minima "
                                            f"of {f}.", said.subject)


def candidates(problem: LocalMinima) -> list[WrongAnswer]:
    minima, one = problem.minima, problem.one
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    points = [p.point for p in minima.points]
    lowest = minima.lowest or 0
    # the critical points the key was chosen from: where f″ < 0 between kinks (sin(x)^(2/3) + x/10), the kinks
    # alone, as solving f′ = 0 between them takes sympy until its deadline
    critical = minima_points(problem.function, problem.variables)
    wrong_kind = not_minima(problem, critical)
    found: list[tuple[str, str, Answer]] = []
    named: list[tuple[Said, Answer]] = []  # a critical point of the wrong kind given for a minimum
    if problem.ask == Ask.ALL:
        alone = ONE_OF_THE_LOWEST.say(count=str(len(points)), lowest=str(1 + len(minima.tied))) if minima.tied \
            else say["only-global-minimum"](count=str(len(points)))
        found.append(("only-global-minimum", alone, _answer([points[lowest]], one, listed=True)))
        every = [p.point for p in critical.points]
        others = "not" if one else "maxima or saddle points"  # a function of one variable has no saddle points
        found.append(("maxima-counted-as-minima", EVERY_CRITICAL_POINT.say(
            others=others, rule=f"{problem.sorting_rule}," if problem.sorting_rule else ""),
                      _answer(every, one, listed=True)))
        for point, said in wrong_kind:  # in the place of one minimum, the others kept: in order, from left to right
            for instead in points:
                chosen = [p for p in every if p == point or (p in points and p != instead)]
                missing = problem.point_text(instead) + (approx(instead[0]) if one else "")
                named.append((_in_place_of(said, missing), _answer(chosen, one, listed=True)))
            if len(points) > 1:  # alone: with one minimum, the loop above has it as the point in its place
                named.append((_for_all_of(said, len(points), problem.name), _answer([point], one, listed=True)))
        if one and len(points) > 1:  # f at each minimum, in their order, for where each is
            found.append(("gave-minimum-value", MINIMUM_VALUES.say(
                values=and_list([show(v) for v in minima.values]), f=problem.name, x=problem.variables[0]),
                Answer(Shape.VECTOR, tuple(typeable(v) for v in minima.values))))
    else:  # one point asked for: the lowest, or where descent ends
        named += [(said, _answer([point], one, listed=False)) for point, said in wrong_kind]
    if problem.ask == Ask.GLOBAL:
        for i, point in enumerate(points):
            if i != lowest:
                found.append(("local-taken-for-global", ABOUT_MINIMA["local-taken-for-global"].say(
                    name=problem.name, higher=show(minima.values[i]), lowest=show(minima.values[lowest])),
                    _answer([point], one, listed=False)))
        if one:
            found.append(("gave-minimum-value", MINIMUM_VALUE.say(
                value=show(minima.values[lowest]), f=problem.name, x=problem.variables[0]),
                Answer(Shape.NUMBER, typeable(minima.values[lowest]))))
    elif problem.ask == Ask.END and problem.end is not None and problem.end.reached is not None \
            and problem.jump is not None:  # the valley it starts in is not where it ends: every other minimum
        found += [("descent-jump-missed", say["descent-jump-missed"](jumped=problem.jumped()),
                   _answer([point], one, listed=False))
                  for i, point in enumerate(points) if i != problem.end.reached]
    elif problem.ask == Ask.END and problem.end is not None and problem.end.reached is not None \
            and problem.start is not None:
        reached, start = problem.end.reached, problem.point_text(problem.start)
        # every global minimum other than descent's end is a likely wrong answer, said as a tie where there is one
        tied = sorted((lowest, *minima.tied)) if not minima.least_sets else [lowest]
        for i in tied:
            if i == reached:
                continue
            if reached in tied:
                found.append(("descent-finds-global", OTHER_TIED.say(
                    other=problem.point_text(points[i]), f=problem.name, value=show(minima.values[i]), start=start),
                    _answer([points[i]], one, listed=False)))
            else:
                message = A_GLOBAL_MINIMUM.say(count=str(len(tied)), start=start) if len(tied) > 1 \
                    else say["descent-finds-global"](start=start)
                found.append(("descent-finds-global", message, _answer([points[i]], one, listed=False)))
        # a higher minimum, in a valley descent does not start in: "not right to 4 decimal places" said rounding
        other_valley = say["descent-other-valley"](start=start)
        found += [("descent-other-valley", other_valley, _answer([point], one, listed=False))
                  for i, point in enumerate(points) if i != reached and i not in tied]
    if problem.ask == Ask.END and one and problem.end is not None and problem.end.reached is not None:
        value = minima.values[problem.end.reached]  # the height of the valley descent ends in, for where it is
        told = MINIMUM_VALUE.say(value=show(value), f=problem.name, x=problem.variables[0])
        found.append(("gave-minimum-value", told, Answer(Shape.NUMBER, typeable(value))))
    if problem.ask == Ask.END and problem.end is not None and problem.end.reached is not None \
            and problem.start is not None:
        end = points[problem.end.reached]
        found += _stopped_early(problem, end, one)
        # copied from the prompt (outside check h49, N6: "not right to 4 decimal places" was all it got)
        found.append(("descent-gave-start", say["descent-gave-start"](
            start=problem.point_text(problem.start), end=problem.point_text(end) + (approx(end[0]) if one else "")),
            _answer([problem.start], one, listed=False)))
    if not one:  # the right point or points written the wrong way round
        named += _swapped(problem)
    return [*(WrongAnswer(m, message, answer) for m, message, answer in found),
            *(WrongAnswer.of([said], answer) for said, answer in named)]


_EARLY = 10  # the steps a student works by hand before stopping too soon, if they do


def _stopped_early(problem: LocalMinima, end: tuple[Expr, ...], one: bool) -> list[tuple[str, str, Answer]]:
    """The points descent passes through in its first steps, given for where it ends (those already at the
    end to the places asked are the right answer, and diagnosis drops them)."""
    assert problem.end is not None
    rows = problem.end.descent.rows
    say = MISCONCEPTIONS["descent-stopped-early"].say
    slope = f"{problem.name}′" if one else f"∇{problem.name}"
    return [("descent-stopped-early",
             say(steps=counted(row.k, "step"), point=show_floats(row.point), slope=slope,
                 value=show_floats(row.gradient), end=problem.point_text(end) + (approx(end[0]) if one else "")),
             _answer([tuple(Float(c, 15) for c in row.point)], one, listed=False))
            for row in rows[1:_EARLY + 1] if row is not rows[-1]]


def _swapped(problem: LocalMinima) -> list[tuple[Said, Answer]]:
    """The answer with each point's first two coordinates swapped, told with a point it turns."""
    right = problem.expected()
    points = right.value if right.shape == Shape.POINTS else (right.value,)
    turned = [swapped(p) for p in cast(tuple, points)]
    example = next(((p, q) for p, q in zip(cast(tuple, points), turned) if p != q), None)
    if example is None:
        return []
    said = point_swapped(problem, *example)
    return [(said, Answer(right.shape, tuple(turned) if right.shape == Shape.POINTS else turned[0]))]
