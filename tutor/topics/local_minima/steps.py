"""The derivation of local minima: the critical points and their classes, the minima with their
values, the least of them and whether it is global; and where a descent from a start ends."""

from __future__ import annotations

from collections.abc import Mapping

from ...calculus import DescentEnd, LocalMinima
from ...parse import symbol
from ...steps import Step, StepRule, critical_steps, step
from ..gradient_descent.steps import descent_steps
from ..solution import approx


class MinimaRule(StepRule):
    ALL_MINIMA = "all_minima"
    GLOBAL_MINIMUM = "global_minimum"
    A_GLOBAL_MINIMUM = "a_global_minimum"
    DESCENT_ENDS = "descent_ends"
    MINIMA = "minima"
    LEAST = "least"
    LEAST_TIED = "least_of_several"
    LEAST_SET = "least_set"
    REACHED = "reached"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    MinimaRule.ALL_MINIMA: "The local minima of {f} = {before}: {after}",
    MinimaRule.GLOBAL_MINIMUM: "The global minimum of {f} = {before}: {after}",
    MinimaRule.A_GLOBAL_MINIMUM: "A global minimum of {f} = {before} (one of those where it is least): {after}",
    MinimaRule.DESCENT_ENDS: "Gradient descent on {f} = {before} from {start} with {alpha} = {rate} ends at {after}",
    MinimaRule.MINIMA: "The critical points that are local minima: {after:and}, where {f} = {values:and}.",
    MinimaRule.LEAST: "The least of these values is {f}{point:args} = {value}{approx}: {verdict}.",
    MinimaRule.LEAST_TIED: "The least of these values, {f} = {value}{approx}, is at {points:and}: {verdict}.",
    MinimaRule.LEAST_SET: "The least value of {f} at a local minimum is {value}{approx}, for every {point} with "
                          "{on:or}: {verdict}.",
    MinimaRule.REACHED: ("Descent only goes downhill from where it starts: it ends in the valley of the local "
                         "minimum {after}, where {f} = {value}{approx}; {verdict}."),
}

GLOBAL = {True: "it is the global minimum", False: "it is not the global minimum",
          None: "whether it is the global minimum is not known for sure"}


def globally(is_global: bool | None, count: int, known_all: bool) -> str:
    """What is known of the least local minimum: global or not; the only one, when that is all we
    know and every local minimum is known to be found (not where a critical point is undecided, or
    sympy's solutions of ∇f = 0 may be incomplete)."""
    return "it is the only local minimum" if is_global is None and count == 1 and known_all else GLOBAL[is_global]


def minima_steps(minima: LocalMinima) -> list[Step]:
    """The critical points with their classes, then the minima with their values."""
    found = critical_steps(minima.function, minima.variables)
    points = tuple(_point(p.point) for p in minima.points)
    named = [step(MinimaRule.MINIMA, None, points, values=minima.values)] if points else []
    return [*found.substeps, *named]


def least_step(minima: LocalMinima) -> Step:
    sets = minima.least_sets
    why = sets[0].beyond if sets and sets[0].beyond else "f grows without bound in every direction"
    verdict = globally(minima.is_global, len(minima.points) + len(minima.sets), minima.known_all) + (
        f", since {minima.below_nowhere}" if minima.below_nowhere else f" ({minima.note})" if minima.note
        else (f", since {why}" if minima.is_global else ""))
    if sets:  # whole curves of minima, below every isolated one
        value = sets[0].value
        return step(MinimaRule.LEAST_SET, None, None, point=tuple(symbol(v) for v in minima.variables),
                    on=tuple(s.equation for s in sets), value=value, approx=approx(value),
                    verdict=verdict)
    i = minima.lowest if minima.lowest is not None else 0
    value = minima.values[i]
    if minima.tied:  # f is least at several points: none of them is the global minimum alone
        points = tuple(_point(minima.points[j].point) for j in sorted((i, *minima.tied)))
        return step(MinimaRule.LEAST_TIED, None, None, points=points, value=value, approx=approx(value),
                    verdict=verdict)
    return step(MinimaRule.LEAST, None, None, point=minima.points[i].point, value=value, approx=approx(value),
                verdict=verdict)


def all_minima_steps(minima: LocalMinima) -> Step:
    found = tuple(_point(p.point) for p in minima.points) + tuple(s.equation for s in minima.sets)
    return step(MinimaRule.ALL_MINIMA, minima.function, found, [*minima_steps(minima), least_step(minima)],
                variables=minima.variables)


def global_steps(minima: LocalMinima) -> Step:
    i = minima.lowest if minima.lowest is not None else 0
    rule = MinimaRule.A_GLOBAL_MINIMUM if minima.tied else MinimaRule.GLOBAL_MINIMUM
    return step(rule, minima.function, _point(minima.points[i].point),
                [*minima_steps(minima), least_step(minima)], variables=minima.variables)


def descent_end_steps(end: DescentEnd) -> Step:
    minima = end.minima
    run = descend_summary(end)
    i = end.reached if end.reached is not None else 0
    point = _point(minima.points[i].point)
    is_global = minima.is_global if i == minima.lowest and not minima.least_sets else False
    value = minima.values[i]
    substeps = [*minima_steps(minima), run,
                step(MinimaRule.REACHED, None, point, value=value, approx=approx(value), verdict=GLOBAL[is_global])]
    return step(MinimaRule.DESCENT_ENDS, minima.function, point, substeps, variables=minima.variables,
                start=run.get("start"), rate=run.get("rate"))


def descend_summary(end: DescentEnd) -> Step:
    return descent_steps(end.minima.function, end.minima.variables, None, None, result=end.descent)


def _point(point: tuple) -> object:
    return point[0] if len(point) == 1 else point
