"""The derivation of local minima: the critical points and their classes, the minima with their
values, the least of them and whether it is global; and where a descent from a start ends."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ...calculus import CriticalSet, DescentEnd, LocalMinima, Region
from ...calculus.by_values import cut
from ...calculus.classified import Nature, Piece
from ...calculus.minimize import OnBoundary, in_region, minima_points
from ...calculus.region import interval_text
from ...parse import symbol
from ...show import show
from ...steps import Step, StepRule, critical_steps, step
from ...steps.critical import region_step, set_steps
from ..gradient_descent.steps import DescentRule, descent_steps
from ..solution import approx


class MinimaRule(StepRule):
    ALL_MINIMA = "all_minima"
    ALL_MINIMA_IN = "all_minima_in"
    ALL_MINIMA_WITHIN = "all_minima_within"
    GLOBAL_MINIMUM = "global_minimum"
    A_GLOBAL_MINIMUM = "a_global_minimum"
    DESCENT_ENDS = "descent_ends"
    MINIMA = "minima"
    MINIMA_ALONG = "minima_along"  # the sauna's x = 0 where 6 < y: a stretch of a line of critical points
    ALONG_INSIDE = "along_inside"
    ALONG_OUTSIDE = "along_outside"
    LEAST = "least"
    LEAST_TIED = "least_of_several"
    LEAST_SET = "least_set"
    NO_LEAST = "no_least_minimum"  # a JSON step is named by it: not minimize's "no_least"
    REACHED = "reached"
    JUMP = "jump"
    JUMP_HILLS = "jump_hills"
    REACHED_AFTER_JUMP = "reached_after_jump"
    REACHED_TIED = "reached_tied"
    REACHED_AFTER_JUMP_TIED = "reached_after_jump_tied"
    MINIMA_IN = "minima_in"
    NONE_IN = "none_in"
    LEAST_IN = "least_in"
    LEAST_IN_TIED = "least_in_tied"
    LEAST_IN_WHOLE = "least_in_whole"
    LEAST_IN_WHOLE_TIED = "least_in_whole_tied"
    LEAST_OUTSIDE = "least_outside"
    LEAST_OUTSIDE_TIED = "least_outside_tied"
    LEAST_SET_OUTSIDE = "least_set_outside"
    NONE = "no_minimum"
    NONE_FOUND = "no_minimum_found"
    NONE_IN_REGION = "no_minimum_in"
    NO_CRITICAL = "no_critical_point"
    NO_CRITICAL_FOUND = "no_critical_point_found"
    NOT_MINIMA = "not_minima"
    NOT_MINIMA_FOUND = "not_minima_found"
    NOT_MINIMA_IN = "not_minima_in"
    MAY_BE_MINIMA = "may_be_minima"
    BOUNDARY_LEAST = "boundary_least"
    BOUNDARY_OPEN = "boundary_open"
    BOUNDARY_TIED = "boundary_tied"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    MinimaRule.ALL_MINIMA: "The local minima of {f} = {before}: {after:places}",
    MinimaRule.ALL_MINIMA_IN: "The local minima of {f} = {before} in the region {region}: {after:places}",
    MinimaRule.ALL_MINIMA_WITHIN: "The local minima of {f} = {before} with {window}: {after:places}",
    MinimaRule.GLOBAL_MINIMUM: "The global minimum of {f} = {before}: {after}",
    MinimaRule.A_GLOBAL_MINIMUM: "A global minimum of {f} = {before} (one of those where it is least): {after}",
    MinimaRule.DESCENT_ENDS: "Gradient descent on {f} = {before} from {start} with {alpha} = {rate} ends at {after}",
    MinimaRule.MINIMA: "The critical points that are local minima: {after:and}, where {f} = {values:and}.",
    MinimaRule.MINIMA_ALONG: "Every point of {along} is a local minimum too, where {f} = {value}.",
    MinimaRule.ALONG_INSIDE: "{along} meets the region where {where}.",
    MinimaRule.ALONG_OUTSIDE: "{along} lies outside the region.",
    MinimaRule.LEAST: "The least of these values is {f}{point:args} = {value}{approx}: {verdict}.",
    MinimaRule.LEAST_TIED: "The least of these values, {f} = {value}{approx}, is at {points:and}: {verdict}.",
    MinimaRule.LEAST_SET: "The least value of {f} at a local minimum is {value}{approx}, for every {point} with "
                          "{on:or}: {verdict}.",
    MinimaRule.NO_LEAST: "None of these is the least local minimum: {why}, and so no global minimum.",
    MinimaRule.REACHED: ("Descent only goes downhill from where it starts: it ends in the valley of the local "
                         "minimum {after}, where {f} = {value}{approx}; {verdict}."),
    MinimaRule.JUMP: ("Iteration {k} steps so far that it jumps from {before} over {one:the hill top|a ridge} at "
                      "{tops:list} to {after}, into another valley."),
    MinimaRule.JUMP_HILLS: ("Iteration {k} steps so far that it jumps from {before} over {one:the hill tops|ridges} at "
                            "{tops:list} to {after}, over {count} hills at once, into another valley."),
    MinimaRule.REACHED_AFTER_JUMP: ("Descent goes downhill within a valley, but a step can jump over a hill: it ends "
                                    "in the valley its last jump lands in, at the local minimum {after}, where "
                                    "{f} = {value}{approx}; {verdict}."),
    MinimaRule.REACHED_TIED: ("Descent only goes downhill from where it starts: it ends in the valley of the local "
                              "minimum {after}, where {f} = {value}{approx}; it is a global minimum, and so "
                              "{tied:is|are} {tied:list}, where {f} is as low."),
    MinimaRule.REACHED_AFTER_JUMP_TIED: ("Descent goes downhill within a valley, but a step can jump over a hill: it "
                                         "ends in the valley its last jump lands in, at the local minimum {after}, "
                                         "where {f} = {value}{approx}; it is a global minimum, and so {tied:is|are} "
                                         "{tied:list}, where {f} is as low."),
    MinimaRule.BOUNDARY_LEAST: ("On the region's boundary {f} is a polynomial of one variable along each side, least "
                                "at a corner or where its derivative is 0: it is lowest at {after:list} (on {edges}), "
                                "where {f} = {value}{approx}, {than}, so {f} is least in the region there."),
    MinimaRule.BOUNDARY_OPEN: ("On the region's boundary {f} is a polynomial of one variable along each side, least "
                               "at a corner or where its derivative is 0: it is lowest at {after:list} (on {edges}), "
                               "where {f} = {value}{approx}, {than}, but the region leaves {after:it|them} out, so "
                               "{f} has no least value in it."),
    MinimaRule.BOUNDARY_TIED: ("On the region's boundary {f} is a polynomial of one variable along each side, least "
                               "at a corner or where its derivative is 0: it is lowest at {after:list} (on {edges}), "
                               "where {f} = {value}{approx}, as low as {ties:and}, so {f} is least in the region at "
                               "both."),
    MinimaRule.MINIMA_IN: "So the local {one:minimum|minima} in the region {one:is|are} {after:and}.",
    MinimaRule.NONE_IN: "So no local minimum {found} in the region.",
    MinimaRule.LEAST_IN: "The least local minimum in the region is {f}{point:args} = {value}{approx}{verdict}.",
    MinimaRule.LEAST_IN_TIED: ("The least local minima in the region, {f} = {value}{approx}, are at "
                               "{points:and}{verdict}."),
    MinimaRule.LEAST_IN_WHOLE: ("The minimum in the region is {f}{point:args} = {value}{approx} ({f} is no lower on "
                                "its boundary){verdict}."),
    MinimaRule.LEAST_IN_WHOLE_TIED: ("The minimum in the region, {f} = {value}{approx}, is at {points:and} ({f} is no "
                                     "lower on its boundary){verdict}."),
    MinimaRule.LEAST_OUTSIDE: "The least local minimum, outside the region, is {f}{point:args} = {value}{approx}: "
                              "{verdict}.",
    MinimaRule.NONE: "{f} = {before} has no local minimum",
    MinimaRule.NONE_FOUND: "No local minimum of {f} = {before} was found",
    MinimaRule.NONE_IN_REGION: "No local minimum of {f} = {before} lies in the region {region}",
    MinimaRule.NO_CRITICAL: "With no critical point, {f} has no local minimum{why}.",
    MinimaRule.NO_CRITICAL_FOUND: "No critical point was found, so no local minimum was found{why}.",
    MinimaRule.NOT_MINIMA: ("{one:The critical point is not|None of the critical points is} a local minimum, "
                            "so {f} has no local minimum{why}."),
    MinimaRule.NOT_MINIMA_FOUND: ("{one:The critical point found is not|None of the critical points found is} a "
                                  "local minimum, so no local minimum was found{why}."),
    MinimaRule.NOT_MINIMA_IN: "No critical point in the region may be a local minimum, so {f} has no local "
                              "minimum in the region{why}.",
    MinimaRule.MAY_BE_MINIMA: ("No critical point is shown to be a local minimum, but {after:and} "
                               "{one:is|are} not decided: {one:it|each} may be one{why}."),
    MinimaRule.LEAST_SET_OUTSIDE: ("The least local minimum, outside the region, is {f} = {value}{approx} for every "
                                   "{point} with {on:or}: {verdict}."),
    MinimaRule.LEAST_OUTSIDE_TIED: ("The least local minima, outside the region, {f} = {value}{approx}, are at "
                                    "{points:and}: {verdict}."),
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
    found = critical_steps(minima.function, minima.variables, window=minima.window,
                           result=minima_points(minima.function, minima.variables, minima.window))
    points = tuple(_point(p.point) for p in minima.points)
    named = [step(MinimaRule.MINIMA, None, points, values=minima.values)] if points else []
    # the stretches of lines of critical points that are minima, as the summary lists them: never called
    # minima in the classification above and then left out here
    named += [step(MinimaRule.MINIMA_ALONG, along=_along_text(s, p), value=s.value)
              for s, p in _minima_along(minima) if s.value is not None]
    return [*found.substeps, *named]


def _minima_along(minima: LocalMinima) -> list[tuple[CriticalSet, Piece]]:
    """The stretches of minima along sets of critical points that are not all minima (the sauna's line x = 0:
    maxima where y < 6, minima where 6 < y), each with its set."""
    return [(s, p) for s in minima.unsettled for p in s.pieces if p.nature == Nature.MINIMUM]


def _along_text(s: CriticalSet, piece: Piece) -> str:
    """'x = 0 where 6 < y'."""
    return " and ".join(show(e) for e in s.equations) + ("" if piece.along is None else f" where {piece.show()}")


def _along_in(minima: LocalMinima, region: Region) -> tuple[list[Step], tuple[str, ...]]:
    """What the region keeps of each stretch of minima along a set of critical points: the part in it, or
    that it misses it (the sauna's x = 0 where 6 < y, outside the room 0 ≤ y ≤ 5); and the parts it keeps, as
    the list of minima in it names them ('every point of x = 0 where 6 < y ≤ 8')."""
    said, kept = [], []
    for s, p in _minima_along(minima):
        inside, extent, variable = region.extent(s.equations)
        if inside is None:
            continue
        part = cut((p,), extent, variable) if inside else ()
        if not part:
            said.append(step(MinimaRule.ALONG_OUTSIDE, along=_along_text(s, p)))
            continue
        if part[0].along is not None and part[0].along != p.along:
            said.append(step(MinimaRule.ALONG_INSIDE, along=_along_text(s, p),
                             where=interval_text(part[0].along, part[0].variable)))
        kept.append(f"every point of {_along_text(s, part[0])}")
    return said, tuple(kept)


def _verdict(minima: LocalMinima, note: str | None = None) -> str:
    """Whether the least local minimum is global, and why; `note`: the summary's note, where a region
    makes it another than f's (outside the region, f decreases without bound)."""
    sets = minima.least_sets
    why = sets[0].beyond if sets and sets[0].beyond else "f grows without bound in every direction"
    note = minima.note if note is None else note
    return globally(minima.is_global, len(minima.points) + len(minima.sets), minima.known_all) + (
        f", since {minima.below_nowhere}" if minima.below_nowhere else f" ({note})" if note
        else (f", since {why}" if minima.is_global else ""))


def least_step(minima: LocalMinima, region: Region | None = None) -> Step:
    """The least local minimum and whether it is global; with a region, of the least curves of minima those
    that reach into it (x²y² on -1 ≤ x ≤ 2, 1 ≤ y ≤ 2: x = 0, not y = 0)."""
    if minima.no_least:  # sin x + x/10 + y²: each minimum recurs 2π to the left, lower
        return step(MinimaRule.NO_LEAST, None, None, why=minima.no_least)
    sets = minima.least_sets
    if region is not None:
        sets = tuple(s for s in sets if s.inside is not False) or sets
    verdict = _verdict(minima)
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
    if not minima.points and not minima.least_sets:  # no least: why there is none, or what may be one
        return no_least_steps(minima)
    substeps = [*minima_steps(minima), least_step(minima)]
    if minima.periods:  # ∇f repeats: the minima listed are one period's, as the question asks for them
        window = " and ".join(w.text() for w in minima.periods)
        return step(MinimaRule.ALL_MINIMA_WITHIN, minima.function, found, substeps, variables=minima.variables,
                    window=window)
    return step(MinimaRule.ALL_MINIMA, minima.function, found, substeps, variables=minima.variables)


def boundary_step(boundary: OnBoundary, minima: bool, ties: tuple[str, ...] = ()) -> Step:
    """Where f is least on a box's boundary, below every local minimum in it (`minima`: some lie in it), or as
    low as the least of them (`ties`: 'the local minimum (1, 0)'), and so least at both."""
    if boundary.tied:
        return step(MinimaRule.BOUNDARY_TIED, None, tuple(_point(p) for p in boundary.points), value=boundary.value,
                    approx=approx(boundary.value), edges=" and ".join(boundary.edges), ties=ties)
    return step(MinimaRule.BOUNDARY_LEAST if boundary.held else MinimaRule.BOUNDARY_OPEN, None,
                tuple(_point(p) for p in boundary.points), value=boundary.value, approx=approx(boundary.value),
                edges=" and ".join(boundary.edges),
                than="below every local minimum in the region" if minima else "and no local minimum lies in it")


def minima_in_steps(minima: LocalMinima, region: Region, unsure: bool = False,
                    boundary: OnBoundary | None = None, ties: tuple[str, ...] = (), whole: bool = False,
                    least: bool = True) -> Step:
    """As all_minima_steps, then which minima lie in the region, and the least of them as the summary of
    `tutor solve minimize --region` says it: a lower one outside is named as outside. `unsure`: a set or a
    point in the region may hold a minimum, so "no local minimum in the region" is not said. `whole`: the
    region's boundary was looked at and f is no lower on it, so the least in it is the minimum in the region
    (the lesson's sauna, though f falls without bound outside the room). Not `least`: f has no least value in
    the region, which the caller says: the steps end with the minima in it."""
    cuts = set_steps(minima.sets)  # (x + y)² on 1 ≤ x ≤ 2, 1 ≤ y ≤ 2: its line of minima misses the region
    split = in_region(minima, region)
    inside = tuple(_point(minima.points[i].point) for i in split.inside)
    found = inside + tuple(s.equation for s in minima.sets if s.inside is not False)
    along, along_kept = _along_in(minima, region)
    kept = region_step([p.point for p in minima.points], region, [*cuts, *along])
    # curves of minima the least of all, reaching into the region: the least all along them
    away = all(s.inside is False for s in minima.least_sets)
    if minima.least_sets and not away:
        if not cuts:  # the region holds them whole, as the summary says it
            return all_minima_steps(minima)
        return step(MinimaRule.ALL_MINIMA_IN, minima.function, found, [*minima_steps(minima), kept,
                    least_step(minima, region)], variables=minima.variables, region=region)
    substeps = [*minima_steps(minima), kept]
    if inside or along_kept:
        substeps.append(step(MinimaRule.MINIMA_IN, None, inside + along_kept, one=len(inside + along_kept) == 1))
    elif not unsure:
        substeps.append(step(MinimaRule.NONE_IN, None, None, found="lies" if minima.complete else "was found"))
    if not least:
        return step(MinimaRule.ALL_MINIMA_IN, minima.function, found, substeps, variables=minima.variables,
                    region=region)
    verdict = _verdict(minima, split.note)
    held = split.held and not minima.least_sets  # curves of minima outside the region are lower still
    if split.least:
        substeps.append(_least(minima, split.least, f": {verdict}" if held else "", outside=False,
                               whole=whole and not minima.is_global))
    if minima.least_sets:
        value = minima.least_sets[0].value
        substeps.append(step(MinimaRule.LEAST_SET_OUTSIDE, None, None, point=tuple(symbol(v) for v in minima.variables),
                             on=tuple(s.equation for s in minima.least_sets), value=value, approx=approx(value),
                             verdict=verdict))
    elif not held and split.lowest:
        substeps.append(_least(minima, split.lowest, verdict, outside=True))
    if boundary is not None:  # x³ − 3x + y² on -3 ≤ x ≤ 3, -1 ≤ y ≤ 1: f(-3, 0) = -18, below f(1, 0) = -2
        substeps.append(boundary_step(boundary, bool(inside), ties))
    return step(MinimaRule.ALL_MINIMA_IN, minima.function, found, substeps, variables=minima.variables,
                region=region)


def no_least_steps(minima: LocalMinima, region: Region | None = None, boundary: OnBoundary | None = None) -> Step:
    """Where f has no isolated local minimum (x² − y², whose one critical point is a saddle): the critical
    points, each classified, then that none is a local minimum, or which may be, the test not deciding them,
    as the summary of `tutor solve minimize` lists them (in the region, where there is one); with why no
    minimum is global where the summary's note says it."""
    found = critical_steps(minima.function, minima.variables, window=minima.window,
                           result=minima_points(minima.function, minima.variables, minima.window))
    substeps = list(found.substeps)
    note = in_region(minima, region).note if region is not None else minima.note
    why = f"; {note}" if minima.lower else ""
    if minima.sets:  # curves of minima whose value is not known: what the summary lists, and no least
        listed = tuple(s.equation for s in minima.sets)
        return step(MinimaRule.ALL_MINIMA, minima.function, listed, substeps, variables=minima.variables)
    maybe = tuple(_point(p.point) for p in minima.undecided if region is None or region.contains(p.point)) + tuple(
        s.equation for s in minima.unsettled if region is None or s.inside is not False)
    elsewhere = len(maybe) < len(minima.undecided) + len(minima.unsettled)  # what may be a minimum lies outside
    # or the listing stopped at the region's bounds (x² + cos(y) on -1 ≤ y ≤ 1): f has minima beyond them
    elsewhere = elsewhere or (region is not None and minima.windowed)
    if region is not None and minima.undecided:
        substeps.append(region_step([p.point for p in minima.undecided], region))
    count = len(found.after) if isinstance(found.after, tuple) else 0
    if maybe:
        substeps.append(step(MinimaRule.MAY_BE_MINIMA, None, maybe, one=len(maybe) == 1, why=why))
    elif elsewhere:
        substeps.append(step(MinimaRule.NOT_MINIMA_IN, None, None, why=why))
    elif not count:
        substeps.append(step(MinimaRule.NO_CRITICAL if minima.complete else MinimaRule.NO_CRITICAL_FOUND,
                             None, None, why=why))
    else:
        substeps.append(step(MinimaRule.NOT_MINIMA if minima.complete else MinimaRule.NOT_MINIMA_FOUND,
                             None, None, one=count == 1, why=why))
    if boundary is not None:  # x·y on -1 ≤ x ≤ 1, -1 ≤ y ≤ 1: no local minimum, but -1 at two corners
        substeps.append(boundary_step(boundary, False))
    if elsewhere and not maybe:
        return step(MinimaRule.NONE_IN_REGION, minima.function, (), substeps, variables=minima.variables,
                    region=region)
    rule = MinimaRule.NONE if minima.complete and not maybe else MinimaRule.NONE_FOUND
    return step(rule, minima.function, (), substeps, variables=minima.variables)


def _least(minima: LocalMinima, chosen: tuple[int, ...], verdict: str, outside: bool, whole: bool = False) -> Step:
    """The least of the chosen minima (all as low), in the region or outside it; `whole`: the minimum in the
    region, f being no lower on its boundary."""
    value = minima.values[chosen[0]]
    if len(chosen) > 1:
        points = tuple(_point(minima.points[i].point) for i in chosen)
        rule = (MinimaRule.LEAST_OUTSIDE_TIED if outside else
                MinimaRule.LEAST_IN_WHOLE_TIED if whole else MinimaRule.LEAST_IN_TIED)
        return step(rule, None, None, points=points, value=value, approx=approx(value), verdict=verdict)
    rule = (MinimaRule.LEAST_OUTSIDE if outside else MinimaRule.LEAST_IN_WHOLE if whole else
            MinimaRule.LEAST_IN)
    return step(rule, None, None, point=minima.points[chosen[0]].point, value=value, approx=approx(value),
                verdict=verdict)


def global_steps(minima: LocalMinima) -> Step:
    i = minima.lowest if minima.lowest is not None else 0
    # f repeats: its least value recurs a period on, so the point named is one of many
    rule = MinimaRule.A_GLOBAL_MINIMUM if minima.tied or minima.periods else MinimaRule.GLOBAL_MINIMUM
    return step(rule, minima.function, _point(minima.points[i].point),
                [*minima_steps(minima), least_step(minima)], variables=minima.variables)


def descent_end_steps(end: DescentEnd) -> Step:
    minima = end.minima
    run = descend_summary(end)
    i = end.reached if end.reached is not None else 0
    point = _point(minima.points[i].point)
    # x⁴ − 4x² from 2.5 ends at √2, as low as -√2: a global minimum, not "the" one, nor "not the global minimum"
    lowest = () if minima.lowest is None or minima.least_sets else (minima.lowest, *minima.tied)
    is_global = minima.is_global if i in lowest else False
    value = minima.values[i]
    # where a step jumps a hill (computed along each step), the valley it starts in is not the reason it ends here
    # a step can cross several hills at once (x⁶ − 8x⁴ + 16x² + x from 2.4 at α = 0.0325): each is named
    jumps = [step(MinimaRule.JUMP_HILLS if len(j.tops) > 1 else MinimaRule.JUMP, j.before, j.after, k=j.k,
                  tops=j.tops, one=len(j.before) == 1, count=len(j.tops)) for j in end.jumps]
    tied = tuple(_point(minima.points[j].point) for j in sorted(lowest) if j != i) if i in lowest else ()
    if tied and minima.is_global:
        rule = MinimaRule.REACHED_AFTER_JUMP_TIED if jumps else MinimaRule.REACHED_TIED
        last = step(rule, None, point, value=value, approx=approx(value), tied=tied)
    else:
        rule = MinimaRule.REACHED_AFTER_JUMP if jumps else MinimaRule.REACHED
        last = step(rule, None, point, value=value, approx=approx(value), verdict=GLOBAL[is_global])
    substeps = [*minima_steps(minima), run, *jumps, last]
    return step(MinimaRule.DESCENT_ENDS, minima.function, point, substeps, variables=minima.variables,
                start=run.get("start"), rate=run.get("rate"))


def descend_summary(end: DescentEnd) -> Step:
    ran = descent_steps(end.minima.function, end.minima.variables, None, None, result=end.descent)
    return replace(ran, rule=DescentRule.DESCENT_WITHIN)  # a step of the valley's, not a title: a full stop


def _point(point: tuple) -> object:
    return point[0] if len(point) == 1 else point
