"""The derivation of a minimum of f(x): the critical points and their classes, the name the lesson
gives the point (eˣ − 1/x = 0 at x = W(1) ≈ 0.5671…, the Omega constant), and the least local minimum."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

import sympy
from sympy import Expr

from ...calculus import Minimum, Region
from ...calculus.by_values import domain_ends
from ...calculus.classified import Nature
from ...calculus.common import real_powers
from ...calculus.kinks import between, between_text, least_text, side
from ...calculus.minimize import (
    AtEdge,
    Edge,
    LocalMinimum,
    among,
    bounded_below,
    ends_above,
    held_minima,
    least_at_edge,
    lowest_in,
    outside_window,
    same_numbers,
)
from ...calculus.partials import kink_shape, no_derivative
from ...calculus.region import interval_text
from ...parse import Equation, symbol
from ...show import show
from ...steps import Rule, Step, StepRule, critical_steps, derivative_steps, step
from ...steps.critical import by_the_test, decided_steps, region_step
from ...words import and_list
from ..local_minima.steps import MinimaRule, globally
from ..solution import approx


class MinimizeRule(StepRule):
    MINIMUM = "minimum"
    KNOWN_AS = "known_as"
    LEAST_MINIMUM = "least_minimum"
    EVERY_ZERO = "every_zero"
    ONLY_ZERO = "only_zero"
    ONLY_ZERO_ON = "only_zero_on"
    ALL_ZEROS = "all_zeros"
    NUMERICALLY = "numerically"
    EXACT_ZEROS = "exact_zeros"
    EXACT_KINKS = "exact_kinks"
    MINIMUM_TIED = "minimum_tied"
    LEAST_TIED = "least_tied"
    NO_DERIVATIVE = "no_derivative"
    END_MINIMUM = "end_minimum"
    NEVER_RISES = "never_rises"
    LOCAL_MINIMUM = "local_minimum"
    NO_LEAST = "no_least"
    NUMERICALLY_FOUND = "numerically_found"
    EDGE_LEAST = "edge_least"
    EDGE_ONLY = "edge_only"
    EDGE_OPEN = "edge_open"
    EDGE_TIED = "edge_tied"
    RAY_LEAST = "ray_least"
    RAY_OPEN = "ray_open"
    RAY_FAR = "ray_far"
    RAY_TIED = "ray_tied"
    EDGES_ABOVE = "edges_above"
    ENDS_ABOVE = "ends_above"  # a region open at an end, or with no bound on a side: f's limits there
    OMEGA_VALUE = "omega_value"
    LEAST_IN_REGION = "least_in_region"
    NO_LEAST_IN_REGION = "no_least_in_region"  # x + 1/x on -1 ≤ x ≤ 1, which falls without bound beside 0
    POLE_IN_REGION = "pole_in_region"
    LOCAL_IN_REGION = "local_in_region"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    MinimizeRule.MINIMUM: "The minimum of {f} = {before}: {variable} = {after}{approx}{known}",
    MinimizeRule.MINIMUM_TIED: "The minimum of {f} = {before}: {f} = {value}{approx} at {places:list}",
    MinimizeRule.LEAST_TIED: ("The least value of {f} at a local minimum is {value}{approx}, at {places:list}{why}: "
                              "{verdict}."),
    MinimizeRule.KNOWN_AS: "{after}{approx}, the solution of {equation}, is also known as {name}.",
    MinimizeRule.EVERY_ZERO: ("Every solution of {f}′ = 0{where}, all found, classified the "
                              "same way: the local minima are {after:and}."),
    MinimizeRule.NO_DERIVATIVE: ("{f}′ has no value at {after} ({why}), so it is no solution of {f}′ = 0; {f}′ "
                                 "changes from negative to positive across it, so {f} is least there nearby: "
                                 "a local minimum, at {kind}."),
    MinimizeRule.END_MINIMUM: ("At {after}, an end of {f}'s domain, {f}′ is not 0 ({why}), but {f} is least there "
                               "nearby: a local minimum."),
    MinimizeRule.NEVER_RISES: "{f}′({variable}) = {before} {why}, so {f} has no local minimum.",
    MinimizeRule.LEAST_MINIMUM: "The least local minimum is {f}{point:args} = {value}{approx}: {verdict}.",
    MinimizeRule.LOCAL_MINIMUM: "A local minimum of {f} = {before}: {variable} = {after}{approx}{known}",
    MinimizeRule.NO_LEAST: "A local minimum found is {f}{point:args} = {value}{approx}, but not the least: {why}.",
    MinimizeRule.EDGE_LEAST: ("At the region's edges, {f}({low}) = {low_value}{low_approx} and {f}({high}) = "
                              "{high_value}{high_approx}; {f} is lower at {after:list} than at every local "
                              "minimum{found} in the region, so {f} is least in the region there: {value}{approx}."),
    MinimizeRule.EDGE_ONLY: ("At the region's edges, {f}({low}) = {low_value}{low_approx} and {f}({high}) = "
                             "{high_value}{high_approx}; no local minimum{found} lies in the region, so {f} is "
                             "least in the region at an edge: at {after:list}, where {f} = {value}{approx}."),
    MinimizeRule.EDGE_OPEN: ("At the region's edges, {f}({low}) = {low_value}{low_approx} and {f}({high}) = "
                             "{high_value}{high_approx}; {f} is least near {after:list}{than}, but the region "
                             "leaves {after:it|them} out, so {f} has no least value in it: it comes as close as you "
                             "like to {value}{approx}."),
    # the closed-interval method's tie: an edge as low as the least local minimum (x³ − 3x on -2 ≤ x ≤ 2)
    MinimizeRule.EDGE_TIED: ("At the region's edges, {f}({low}) = {low_value}{low_approx} and {f}({high}) = "
                             "{high_value}{high_approx}; {f} is as low at {edges:list} as at the least local "
                             "minimum{found} in the region, so {f} is least in the region at {after:list}: "
                             "{value}{approx}."),
    # a region bounded on one side only (x ≥ -3): its one edge, and f's limit on its open side
    MinimizeRule.RAY_LEAST: ("At the region's edge {after:list}, {f} = {value}{approx}{than}, and {f} → {limit} as "
                             "{variable} → {far}{unsure}, so {f} is least in the region there."),
    MinimizeRule.RAY_OPEN: ("Near the region's edge {after:list}, which it leaves out, {f} comes as close as you like "
                            "to {value}{approx}{than}, and {f} → {limit} as {variable} → {far}{unsure}, so {f} has no "
                            "least value in the region."),
    MinimizeRule.RAY_TIED: ("At the region's edge {edges:list}, {f} = {value}{approx}, as at the least local "
                            "minimum{found} in the region, and {f} → {limit} as {variable} → {far}{unsure}, so {f} is "
                            "least in the region at {after:list}."),
    MinimizeRule.RAY_FAR: ("As {variable} → {far}, {f} → {value}{approx}, below {f}'s value {where}, so {f} has no "
                           "least value in the region: it comes as close as you like to {value}{approx}, never "
                           "reaching it."),
    # the least local minimum outside the region: the least in it is the answer, from what the region keeps
    MinimizeRule.LEAST_IN_REGION: "The least value of {f} = {before} in the region {region}: {f} = {value}{approx} at "
                                  "{after:list}",
    MinimizeRule.NO_LEAST_IN_REGION: "{f} = {before} has no least value in the region {region}",
    MinimizeRule.POLE_IN_REGION: ("But {why}, from within the region {region}: {f} takes values there below any "
                                  "number, so no value of {f} in the region is the least, the local minima's neither."),
    MinimizeRule.LOCAL_IN_REGION: ("The least local minimum of {f} = {before} in the region {region}: {f} = "
                                   "{value}{approx} at {after:list}"),
    MinimizeRule.OMEGA_VALUE: ("As {point}·{exp} = 1, {exp} = {inverse}, and so {log} = {negative}: {f}({point}) = "
                               "{before} = {after}."),
    MinimizeRule.EDGES_ABOVE: ("At the region's edges, {f}({low}) = {low_value}{low_approx} and {f}({high}) = "
                               "{high_value}{high_approx}, not below {value}{approx}, so {f} is least in the "
                               "region at {after:list}."),
    MinimizeRule.ENDS_ABOVE: ("At the region's ends, {ends}, not below {value}{approx}, so {f} is least in the region "
                              "at {after:list}."),
    MinimizeRule.NUMERICALLY_FOUND: ("Numerically, from {f}'s values on a grid and the zeros of {f}′ beside its lowest "
                                     "ones: {after:a local minimum found is|local minima found are} {after:list}."),
    MinimizeRule.ONLY_ZERO: ("{f}″({variable}) = {curving} > 0 wherever {f} is defined, so {f}′ is 0 at most once: "
                             "{after} is the only critical point."),
    MinimizeRule.ONLY_ZERO_ON: ("{f}″({variable}) = {curving} > 0 for every {domain}, so {f}′ is 0 at most once "
                                "there: "
                             "{after} is the only critical point."),
    MinimizeRule.ALL_ZEROS: ("Every solution of {f}′ = 0{where}, all found: {after:list}; "
                             "{after:it is the only critical point|they are all the critical points}."),
    MinimizeRule.NUMERICALLY: ("Numerically, from {f}'s values on a grid and the zeros of {f}′ beside its lowest ones: "
                               "{after:the local minimum is|the local minima are} {after:list}."),
    MinimizeRule.EXACT_ZEROS: ("{f}′ is 0 exactly at {after:list} (put {after:it|them} in to check), so "
                               "{after:it is a critical point|they are critical points}; "
                               "classify {after:it|them}{how}:"),
    MinimizeRule.EXACT_KINKS: ("{f} has a kink at {after:list}, where {f}′ has no value, so "
                               "{after:it is a critical point|they are critical points} too; "
                               "classify {after:it|them}{how}:"),
}


def minimize_steps(f: Expr, x: str, result: Minimum, window: Region | None = None, falls: bool = False,
                   pole: str = "") -> Step:
    """`falls`: f decreases without bound in the window, where the least local minimum lies outside it; `pole`: it
    does beside a point in the window where f has no value (x + 1/x on -1 ≤ x ≤ 1: "f → -∞ as x → 0 from the
    left"), so that f has no least value in it."""
    found = _minimum_steps(f, x, result, window, falls)
    return found if not pole or window is None else falls_in_region_steps(f, (x,), found, pole, window)


def falls_in_region_steps(f: Expr, variables: tuple[str, ...], found: Step, pole: str, window: Region) -> Step:
    """The steps that found f's local minima in the region, then why none is the least: f falls without bound
    beside a point or a line in it where f has no value."""
    return step(MinimizeRule.NO_LEAST_IN_REGION, f, None,
                [*found.substeps, step(MinimizeRule.POLE_IN_REGION, None, None, why=pole, region=window)],
                variables=variables, region=window)


def _minimum_steps(f: Expr, x: str, result: Minimum, window: Region | None, falls: bool) -> Step:
    within = window.show() if window is not None else ""
    # last, as the summary says them
    after, edge = _window_steps(f, result, x, window) if window is not None else ([], None)
    if result.pieces is not None:
        return kink_steps(f, x, result, after, window, falls, edge)
    found = critical_steps(f, (x,))
    points = found.after
    if not result.exact:  # sympy solved no case: the minima found numerically, not "the critical points: ∅"
        points = tuple(Equation(sympy.Symbol(x), sympy.Float(m.approx, 15)) for m in result.minima)
    # x = 0 of cos x + x²/10, found exactly beside f′'s unsolved case, is classified below with the minimum's other
    # exact zeros (EXACT_ZEROS), once
    substeps = [_settled(_numerical(s, points) if not result.exact else s, result, x, points, within)
                for s in found.substeps
                if result.exact or s.rule not in (Rule.CLASSIFY, Rule.CLASSIFY_OTHERWISE)]
    at = next((i + 1 for i, s in enumerate(substeps) if s.rule in (MinimizeRule.NUMERICALLY, Rule.CANDIDATES)),
              len(substeps))
    # beside the numerical minima: cos x + x²/10 has its maximum at 0, exactly; |sin x| − |x|/10 a kink there
    for rule, shown in ((MinimizeRule.EXACT_ZEROS, [z for z in result.verified if not z.kink]),
                        (MinimizeRule.EXACT_KINKS, [z for z in result.verified if z.kink])):
        if shown:
            exact = tuple(Equation(sympy.Symbol(x), zero.point) for zero in shown)
            how = " with the second-derivative test" if all(by_the_test(zero.critical) for zero in shown) else ""
            decided = [s for zero in shown for s in decided_steps((x,), zero.critical)]
            substeps.insert(at, step(rule, None, exact, decided, how=how))
            at += 1
    listed = [e.rhs for e in found.after if isinstance(e, Equation)] if isinstance(found.after, tuple) else []
    # the minimum as the critical points above write it (2 ln(3), where minimize's own solver says ln(9))
    point = (among(result.point, listed) or result.point) if result.exact else sympy.Float(result.approx, 15)
    if result.known_as:
        substeps.append(step(MinimizeRule.KNOWN_AS, None, result.point, approx=approx(result.point),
                             equation=_equation(result.derivative), name=result.known_as))
    # √|x| at 0: a minimum where f′ has no value, never a solution of f′ = 0
    corners = {m.point: no_derivative(real_powers(f), x, m.point) for m in result.minima if m.exact}
    for at, why in corners.items():
        if why:
            substeps.append(step(MinimizeRule.NO_DERIVATIVE, None, at, why=why,
                                 kind=kink_shape(why)))
    # x^(3/2) + x at 0: a minimum at an end of f's domain where f′ is a number, but not 0 (outside check h46, N4)
    sloped = {e.point[0]: e.no_slope for e in domain_ends(real_powers(f), symbol(x), None, any_slope=True)
              if "∞" not in e.no_slope}
    for at in [m.point for m in result.minima if m.exact and not corners.get(m.point) and m.point in sloped]:
        substeps.append(step(MinimizeRule.END_MINIMUM, None, at, why=sloped[at]))
    zeros = [m for m in result.minima if not (m.exact and (corners.get(m.point) or m.point in sloped))]
    if result.complete and result.exact and any(among(m.point, listed) is None for m in zeros):
        # sympy's solve gave some solutions of f' = 0 (x = π of sin x = 0); solveset lists them all
        substeps.append(step(MinimizeRule.EVERY_ZERO, None, tuple(m.point for m in zeros),
                             where=f" in {within}" if within else ""))
    why = result.note or (_outgrown(f, x) if result.is_global else "")
    verdict = globally(result.is_global, len(result.minima), result.complete) + (f" ({why})" if why else "") + (
        f" ({periodic_note(result.period, x)})" if result.period is not None else "")
    if result.no_least:  # sin x + x/10: its minima go on, ever lower; the one found is not the least
        substeps = [step(MinimizeRule.NUMERICALLY_FOUND, None, s.after) if s.rule is MinimizeRule.NUMERICALLY
                    else s for s in substeps]
        substeps.append(step(MinimizeRule.NO_LEAST, None, None, point=(point,), value=result.value,
                             approx=approx(result.value), why=no_least_why(result)))
        substeps += after
        return step(MinimizeRule.LOCAL_MINIMUM, f, point, substeps, variables=(x,), variable=sympy.Symbol(x),
                    approx=approx(point), known=f", {result.known_as}" if result.known_as else "")
    substeps += _omega_value(f, x, result)
    if window is not None and outside_window(result, window) is not None:
        return _away_steps(f, x, result, window, substeps, falls)
    if result.tied:  # f is least at several points: none of them is the minimum
        return _in_window(_tied(f, x, result, substeps, verdict, listed, after), x, window, edge, result.value)
    substeps.append(step(MinimizeRule.LEAST_MINIMUM, None, None, point=(point,), value=result.value,
                         approx=approx(result.value), verdict=verdict))
    substeps += after
    ends = _ends_step(f, x, result, window, point) if window is not None and edge is None else None
    if ends is not None:
        substeps.append(ends)
    known = f", {result.known_as}" if result.known_as else ""
    return _in_window(step(MinimizeRule.MINIMUM, f, point, substeps, variables=(x,), variable=sympy.Symbol(x),
                           approx=approx(point), known=known), x, window, edge, result.value, least=ends is not None)


def _outgrown(f: Expr, x: str) -> str:
    """Why the least local minimum is global, for a polynomial of even degree with a positive leading
    coefficient (bounded_below): its leading term outgrows the rest at both ends, so f is least at a critical
    point (h24, F4: "the least local minimum" is no reason alone). "" for any other f."""
    v = symbol(x)
    if not bounded_below(f, [v]):
        return ""
    poly = sympy.Poly(f, v)
    return f"f → ∞ as {x} → ±∞, its leading term {show(poly.LC() * v ** poly.degree(), [x])} outgrowing the rest"


def _ends_step(f: Expr, x: str, result: Minimum, window: Region, point: Expr) -> Step | None:
    """Where the least local minimum lies in the region and f is lower only outside it (x + 1/x on x > 0, which
    decreases without bound as x → -∞): f at the region's ends, or its limits there, none below it, which makes
    it the least value f takes in the region. None where f is least of all there anyway, or that is not shown."""
    if result.is_global or not (result.complete and result.exact) or result.flats:
        return None
    edges = ends_above(f, x, window.extent(())[1], result.value)
    if edges is None:
        return None
    low, high = edges
    at = (Equation(symbol(x), point),)
    if low.held and high.held:
        return step(MinimizeRule.EDGES_ABOVE, None, at, low=low.point, low_value=low.value,
                    low_approx=approx(low.value), high=high.point, high_value=high.value,
                    high_approx=approx(high.value), value=result.value, approx=approx(result.value))
    return step(MinimizeRule.ENDS_ABOVE, None, at, ends=and_list([_end_text(e, x, side) for e, side in
                                                                   ((low, "⁺"), (high, "⁻"))]),
                value=result.value, approx=approx(result.value))


def _end_text(end: Edge, x: str, side: str) -> str:
    """f at a region's end, "f(1/2) = -11/8", or, where the region leaves it out, f's limit there from inside:
    "f → ∞ as x → 0⁺", "f → ∞ as x → ∞"."""
    if end.held:
        return f"f({show(end.point)}) = {show(end.value)}"
    near = show(end.point) + (side if end.point.is_finite else "")
    return f"f → {show(end.value)} as {x} → {near}"


def _in_window(title: Step, x: str, window: Region | None, edge: AtEdge | None, value: Expr,
               least: bool = False) -> Step:
    """The derivation as the summary heads it where f at the region's edge is below every local minimum in it
    (x³ − 3x on -3 ≤ x ≤ 3: least at x = -3, f(-3) = -18, not at the local minimum x = 1); where the region leaves
    that edge out, f has no least value in it, and the least local minimum in it (where f = `value`) is what the
    title names; so too where the region's ends are shown not below it (`least`)."""
    if window is None:
        return title
    places = title.get("places") or (Equation(symbol(x), title.after),)  # the tied minima, or the one
    # x⁴ − 2x² on x ≥ 0: of the minima as low, x = 1 and not x = -1, which the region leaves out
    inside = tuple(p for p in places if window.contains((p.rhs,))) or places
    if edge is None:
        return title if inside == places and not least else _region_title(title.before, x, window, None, inside,
                                                                           value, list(title.substeps),
                                                                           local=False) or title
    return _region_title(title.before, x, window, edge, inside, value, list(title.substeps), local=True) or title


def _region_title(f: Expr, x: str, window: Region, edge: AtEdge | None, places: tuple[Equation, ...],
                  value: Expr | None, substeps: list[Step], local: bool) -> Step | None:
    """The title of a minimum in a region: where f is least in it at an edge, that edge; else the least minimum in
    it (`places`, where f = `value`), said to be only the least local one where `local` (f is lower near an edge
    left out, or falls without bound in the region); None where the region holds no minimum."""
    context = {"variables": (x,), "region": window}
    if edge is not None and edge.held and all(e.point.is_finite for e in edge.lowest):  # least at an edge
        at = tuple(Equation(symbol(x), e.point) for e in edge.lowest)
        if edge.tied:  # and as low at the least minima in it
            at = tuple(sorted(at + places, key=lambda e: sympy.N(e.rhs, 30)))
        return step(MinimizeRule.LEAST_IN_REGION, f, at, substeps, value=edge.lowest[0].value,
                    approx=approx(edge.lowest[0].value), **context)
    if not places:
        return None
    rule = MinimizeRule.LOCAL_IN_REGION if local else MinimizeRule.LEAST_IN_REGION
    return step(rule, f, places, substeps, value=value, approx=approx(value), **context)


def _omega_value(f: Expr, x: str, result: Minimum) -> list[Step]:
    """f at the Omega constant Ω = W(1) with eᵂ⁽¹⁾ and ln W(1) put as what Ω·e^Ω = 1 makes them (e^Ω = 1/Ω,
    ln Ω = -Ω), as the value W(1) + 1/W(1) of eˣ − ln x comes from them; nothing at any other point."""
    point = result.point if result.exact else None
    if not (isinstance(point, sympy.LambertW) and point.args == (1,)):
        return []
    with sympy.evaluate(False):  # e^W(1) and ln W(1) as written, before sympy puts them in terms of W(1)
        power, log = sympy.exp(point), sympy.log(point)
        put = f.xreplace({symbol(x): point})
    return [step(MinimizeRule.OMEGA_VALUE, put, result.value, point=point, exp=power,
                 inverse=1 / point, log=log, negative=-point)]


def no_least_why(result: Minimum) -> str:
    """Why no local minimum found is the least, as the summary and the pack's refusal say it: from the shift where
    f is periodic plus a line, which shows the minima recur ever lower; else what is known, that f is lower
    elsewhere and its minima are not all found."""
    if result.drift is not None:
        return f"{result.drift.said(result.variable)}, and so no global minimum"
    return (f"{result.lower}, so no minimum found is global, and the tutor could not find every local minimum: "
            "f may have infinitely many, ever lower, and no least one")


def no_minimum_steps(f: Expr, x: str, slope: Expr, why: str, window: Region | None = None) -> Step:
    """f(x) with no local minimum: its critical points, each classified (x³'s 0 is neither; eˣ has none,
    eˣ being never 0), then why none is a minimum, as the summary says it; in a bounded region, where f
    is least in it, at an edge (x³ on -1 ≤ x ≤ 1: f(-1) = -1)."""
    found = critical_steps(f, (x,))
    conclusion = step(MinimizeRule.NEVER_RISES, slope, None, variable=sympy.Symbol(x), why=why)
    edge = least_at_edge(f, x, window.extent(())[1], ()) if window is not None else None
    edges = [edge_step(edge, x, False)] if edge is not None else []
    return step(MinimaRule.NONE, f, (), [*found.substeps, conclusion, *edges], variables=(x,))


def edge_step(edge: AtEdge, x: str, minima: bool, complete: bool = True, ties: tuple[Equation, ...] = ()) -> Step:
    """f at a bounded region's edges, and that it is least in the region at one of them (below every local
    minimum in it, where `minima` lie in it, or as low as the least of them, `ties`, and so at both); or, where
    the region leaves that edge out, that f has no least value in it."""
    if len(edge.ends) != 2 or not all(e.point.is_finite for e in edge.ends):
        return _ray_step(edge, x, minima, complete, ties)
    low, high = edge.ends
    value = edge.lowest[0].value
    found = "" if complete else " found"
    if edge.tied:
        edges = tuple(Equation(symbol(x), e.point) for e in edge.lowest)
        return step(MinimizeRule.EDGE_TIED, None, tuple(sorted(edges + ties, key=lambda e: sympy.N(e.rhs, 30))),
                    edges=edges, low=low.point, low_value=low.value, low_approx=approx(low.value), high=high.point,
                    high_value=high.value, high_approx=approx(high.value), found=found, value=value,
                    approx=approx(value))
    rule = MinimizeRule.EDGE_OPEN if not edge.held else MinimizeRule.EDGE_LEAST if minima else MinimizeRule.EDGE_ONLY
    return step(rule, None, tuple(Equation(symbol(x), e.point) for e in edge.lowest), low=low.point,
                low_value=low.value, low_approx=approx(low.value), high=high.point, high_value=high.value,
                high_approx=approx(high.value), found=found, value=value, approx=approx(value),
                than=f", lower than at every local minimum{found} in the region" if minima else "")


def _ray_step(edge: AtEdge, x: str, minima: bool, complete: bool, ties: tuple[Equation, ...] = ()) -> Step:
    """edge_step on a region bounded on one side only (x ≥ -3): its edge's value beside f's limit on the
    open side (x³ − 3x → ∞ as x → ∞), or that limit, where it is below f's value everywhere in the region."""
    value = edge.lowest[0].value
    found = "" if complete else " found"
    than = f", lower than at every local minimum{found} in the region" if minima else ""
    v = sympy.Symbol(x)
    far = next((e for e in edge.lowest if not e.point.is_finite), None)
    if far is not None and not edge.held:  # 1/(x² + 1) on x ≥ 0: 0 far out, never reached
        where = and_list(["at the region's edge"] * bool(edge.ends) + [f"at every local minimum{found} in it"] * minima)
        return step(MinimizeRule.RAY_FAR, None, None, variable=v, far=show(far.point), value=value,
                    approx=approx(value), where=where or "anywhere in the region")
    ends = tuple(Equation(symbol(x), e.point) for e in edge.lowest if e.point.is_finite)
    assert edge.far is not None  # a window bounded on one side has its open side
    side, unsure = show(edge.far.point), ""
    limit: Expr | str = edge.far.value
    if edge.unsure is not None:  # the limit not found: said, not guessed
        limit, unsure = "?", " (this limit was not found, so f may be lower still far out)"
    if edge.tied:
        return step(MinimizeRule.RAY_TIED, None, tuple(sorted(ends + ties, key=lambda e: sympy.N(e.rhs, 30))),
                    edges=ends, variable=v, far=side, limit=limit, value=value, approx=approx(value), found=found,
                    unsure=unsure)
    rule = MinimizeRule.RAY_LEAST if edge.held else MinimizeRule.RAY_OPEN
    return step(rule, None, ends, variable=v, far=side, limit=limit, value=value, approx=approx(value),
                than=than, unsure=unsure)


def periodic_note(period: Expr, x: str) -> str:
    """That f repeats: the solutions of f′ = 0 and minima listed are those of one period, and recur."""
    return (f"f repeats every {show(period)}: these are the solutions and minima with 0 ≤ {x} < {show(period)}, "
            f"and each recurs at {x} + k·{show(period)} for every integer k")


def _window_steps(f: Expr, result: Minimum, x: str, window: Region,
                  edges: bool = True) -> tuple[list[Step], AtEdge | None]:
    """Which local minima lie in the window and which outside it, as the summary lists them: the points,
    and the stretches of minima (max(0, 1 − x²)'s x ≥ 1 reaches into 0 ≤ x ≤ 3); then, with `edges`, f at the
    window's edges where it is lower there."""
    within = window.extent(())[1] or sympy.S.Reals
    v = symbol(x)
    stretches = []
    inside: list[Equation | str] = [Equation(v, m.point) for m in result.minima if window.contains((m.point,))]
    for g in result.flats:
        part, where = g.part_in(within), between_text(g.low, g.high, x, closed=True)
        if part is None:
            stretches.append(step(Rule.SET_OUTSIDE, where, False))
        else:
            stretches.append(step(Rule.SET_INSIDE, where, True, where=interval_text(part, x)))
            inside.append(f"every {x} with {interval_text(part, x)}")
    region = region_step([(m.point,) for m in result.minima], window, stretches)
    # x³ − 3x on -3 ≤ x ≤ 3: f(-3) = -18 at the edge is below the local minimum f(1) = -2, as the summary says
    values = [m.value for m in result.minima if window.contains((m.point,))] + [
        g.value for g in result.flats if g.part_in(within) is not None]
    edge = least_at_edge(f, x, window.extent(())[1], values, held_minima(result, within)) if edges else None
    ties = tuple(Equation(v, _number(m)) for m in lowest_in(result, window))
    below = [] if edge is None else [edge_step(edge, x, bool(inside), result.complete, ties)]
    if inside:
        return [region, step(MinimaRule.MINIMA_IN, None, tuple(inside), one=len(inside) == 1 and not stretches),
                *below], edge
    return [region, step(MinimaRule.NONE_IN, None, None, found="lies" if result.complete else "was found"),
            *below], edge


def _away_steps(f: Expr, x: str, result: Minimum, window: Region, substeps: list[Step], falls: bool) -> Step:
    """Where the least local minimum lies outside the region, as the lesson does it: the points outside dropped
    first, the least of those left, the region's edges compared with it, and the least of all outside last
    (x⁴ − 3x² + x on 0 ≤ x ≤ 5: f(1.1309…) ≈ -1.07023, the edges f(0) = 0 and f(5) = 555 above it)."""
    kept = outside_window(result, window) or ()
    v = symbol(x)
    # why the least of all is only local, said of it alone: the summary's line for it says it so
    why = (result.lower or result.note) if result.note else _outgrown(f, x) if result.is_global else ""
    verdict = globally(result.is_global, len(result.minima), result.complete) + (f" ({why})" if why else "")
    tail, _ = _window_steps(f, result, x, window, edges=False)
    places = tuple(Equation(v, _number(m)) for m in kept)
    value = kept[0].value if kept else None
    if len(kept) == 1:
        tail.append(step(MinimaRule.LEAST_IN, None, None, point=(_number(kept[0]),), value=value, approx=approx(value),
                         verdict=""))
    elif kept:
        tail.append(step(MinimaRule.LEAST_IN_TIED, None, None, points=places, value=value, approx=approx(value),
                         verdict=""))
    within = window.extent(())[1]
    edge = least_at_edge(f, x, within, [m.value for m in kept], held_minima(result, within or sympy.S.Reals))
    ends = least_at_edge(f, x, within, ()) if edge is None and kept else None
    if edge is not None:
        tail.append(edge_step(edge, x, bool(kept), result.complete, places))
    elif ends is not None and len(ends.ends) == 2 and all(e.point.is_finite for e in ends.ends):
        low, high = ends.ends
        tail.append(step(MinimizeRule.EDGES_ABOVE, None, places, low=low.point, low_value=low.value,
                         low_approx=approx(low.value), high=high.point, high_value=high.value,
                         high_approx=approx(high.value), value=value, approx=approx(value)))
    lowest = tuple(Equation(v, _number(m)) for m in result.lowest)
    if len(lowest) > 1:
        tail.append(step(MinimaRule.LEAST_OUTSIDE_TIED, None, None, points=lowest, value=result.value,
                         approx=approx(result.value), verdict=verdict))
    else:
        tail.append(step(MinimaRule.LEAST_OUTSIDE, None, None, point=(lowest[0].rhs,), value=result.value,
                         approx=approx(result.value), verdict=verdict))
    # below the edges, or the only least value it can have where f is lower near an edge left out
    return _region_title(f, x, window, edge, places, value, [*substeps, *tail], local=edge is not None or falls) \
        or step(MinimaRule.NONE_IN_REGION, f, (), [*substeps, *tail], variables=(x,), region=window)


def _number(m: LocalMinimum) -> Expr:
    return m.point if m.exact else sympy.Float(m.approx, 15)


def _tied(f: Expr, x: str, result: Minimum, substeps: list[Step], verdict: str, listed: list[Expr],
          after: Sequence[Step] = ()) -> Step:
    """The last step and the whole where f is least at several points (x⁴ − 2x² at x = -1 and x = 1): the
    least value and every point it is reached at; the answer is the list of them, any one of which is right."""
    points = tuple((among(m.point, listed) or m.point) if m.exact else sympy.Float(m.approx, 15)
                   for m in result.lowest)
    v = symbol(x)
    places = tuple(Equation(v, p) for p in points)
    why = f", the same value {result.tie_by}" if result.tie_by else ""
    substeps.append(step(MinimizeRule.LEAST_TIED, None, None, places=places, value=result.value,
                         approx=approx(result.value), verdict=verdict, why=why))
    substeps += after
    return step(MinimizeRule.MINIMUM_TIED, f, points, substeps, variables=(x,), places=places,
                value=result.value, approx=approx(result.value))


def _numerical(s: Step, points: tuple) -> Step:
    return step(MinimizeRule.NUMERICALLY, None, points) if s.rule is Rule.CANDIDATES else s


def _settled(s: Step, result: Minimum, x: str, points: object, within: str) -> Step:
    """The note that the solutions of f′ = 0 found may not be all of them, where the minimum's solver
    shows they are: f″ > 0 on all of f's domain (f′ only rises, so it is 0 once at most), or sympy's
    solveset lists every solution of f′ = 0 and they are the ones found. A note it leaves (or a window's
    solutions, which the EVERY_ZERO step lists) stands; so does the critical points' own reason that none is missing
    (eˣ − 3 is 0 once at most, as its derivative eˣ is positive), which a bare "all found" would leave unsaid."""
    if s.rule not in (Rule.INCOMPLETE, Rule.COMPLETE) or not isinstance(points, tuple) \
            or not all(isinstance(p, Equation) for p in points):
        return s
    if result.curving is not None and len(points) == 1:
        if result.domain:  # xˣ = e^(x ln x): for every x > 0
            return step(MinimizeRule.ONLY_ZERO_ON, None, points[0], variable=sympy.Symbol(x),
                        curving=result.curving, domain=result.domain)
        return step(MinimizeRule.ONLY_ZERO, None, points[0], variable=sympy.Symbol(x), curving=result.curving)
    if s.rule is Rule.COMPLETE:
        return s
    if result.complete and not within and result.zeros and same_numbers([p.rhs for p in points], result.zeros):
        # a periodic f's (sin x + sin 2x): those of one period, which recur
        where = "" if result.period is None else f" with 0 ≤ {x} < {show(result.period)}"
        return step(MinimizeRule.ALL_ZEROS, None, points, where=where)
    return s


def _equation(slope: Expr) -> Equation:
    """f′ = 0 as the lesson writes it: eˣ - 1/x = 0 is eˣ = 1/x."""
    terms = sympy.Add.make_args(slope)
    if len(terms) == 2:
        return Equation(terms[0], -terms[1]) if not terms[0].could_extract_minus_sign() else \
            Equation(terms[1], -terms[0])
    return Equation(slope, sympy.Integer(0))


# ------------------------------------------------------------------ a polynomial between kinks


class KinkRule(StepRule):
    KINKS = "kinks"
    SWITCHES = "switches"
    STRETCH_ZEROS = "stretch_zeros"
    STRETCH_NONE = "stretch_none"
    STRETCH_FLAT = "stretch_flat"
    POINT = "kink_point"
    CORNER = "corner"
    FLAT_MINIMA = "flat_minima"
    LEAST_FLAT = "least_flat"
    CLASSIFY = "kink_classify"
    MINIMUM_FLAT = "minimum_flat"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return KINK_TEMPLATES


KINK_TEMPLATES: dict[StepRule, str] = {
    KinkRule.KINKS: ("An absolute value |u| has no derivative where u = 0, so {f}′ has none at {after:or}; "
                     "between these points every |u| is u or -u, and {f} is a polynomial:"),
    KinkRule.SWITCHES: ("max(a, b) and min(a, b) switch from one argument to the other where a = b, and an absolute "
                        "value |u| turns where u = 0; f′ may have no value at {after:or}, the points where {f} "
                        "changes from one polynomial to another, and between them {f} is one polynomial:"),
    KinkRule.STRETCH_ZEROS: "For {where}: {f} = {before}, and {f}′ = {slope} is 0 at {after:list}.",
    KinkRule.STRETCH_NONE: "For {where}: {f} = {before}, and {f}′ = {slope} is not 0 there.",
    KinkRule.STRETCH_FLAT: "For {where}: {f} = {before} is constant, so {f}′ = 0 all along it.",
    KinkRule.POINT: "At {before}: {f} is larger on both sides nearby, so this is {after:verdict}.",
    KinkRule.CORNER: ("At {before}: {f}′ is {left} from the left and {right} from the right, and {f} is "
                      "{sides}: {after:verdict}."),
    KinkRule.FLAT_MINIMA: ("{f} = {value} for every {variable} with {where}, and no less nearby: every point "
                           "of it is a local minimum."),
    KinkRule.CLASSIFY: "Classify {one:the point|each point}:",
    KinkRule.MINIMUM_FLAT: "The minimum of {f} = {before}: {f} = {value} for every {variable} with {where}",
    KinkRule.LEAST_FLAT: "The least value of {f} is {value}, for every {variable} with {where}: {verdict}.",
}


def kink_steps(f: Expr, x: str, result: Minimum, after: Sequence[Step] = (), window: Region | None = None,
               falls: bool = False, edge: AtEdge | None = None) -> Step:
    """The minima of a polynomial in x and absolute values: stretch by stretch, then the kinks, then the least."""
    found = result.pieces
    assert found is not None
    v = symbol(x)  # the parser's symbol, the one f is in
    stretches = []
    for s in found.stretches:
        where = between_text(s.low, s.high, x)
        slope = sympy.diff(s.polynomial, v)
        zeros = [z for z in result.zeros if between(z, s.low, s.high)]
        if s.flat:
            stretches.append(step(KinkRule.STRETCH_FLAT, s.polynomial, None, where=where))
        elif zeros:
            stretches.append(step(KinkRule.STRETCH_ZEROS, s.polynomial, tuple(zeros), where=where, slope=slope))
        else:
            stretches.append(step(KinkRule.STRETCH_NONE, s.polynomial, None, where=where, slope=slope))
    kinks = KinkRule.SWITCHES if found.switches else KinkRule.KINKS  # max(x, -x), or |x| alone
    substeps = [derivative_steps(f, x, (x,)), step(kinks, None, found.kinks, stretches)]
    checks = []
    for z in result.zeros:
        s = next(s for s in found.stretches if between(z, s.low, s.high))
        second = sympy.diff(s.polynomial, v, 2).xreplace({v: z})
        nature = Nature.MINIMUM if z in result.minima_points else \
            (Nature.MAXIMUM if side(s.polynomial, v, z, True) < 0 and side(s.polynomial, v, z, False) < 0
             else Nature.NEITHER)
        checks.append(step(Rule.SECOND_DERIVATIVE_TEST, (z,), nature, D=second) if second != 0
                      else step(KinkRule.POINT, (z,), nature))
    for k, (left, right) in zip(found.kinks, pairwise(found.stretches)):
        if left.flat or right.flat:
            continue
        ends = (side(left.polynomial, v, k, right=False), side(right.polynomial, v, k, right=True))
        nature = Nature.MINIMUM if min(ends) > 0 else (Nature.MAXIMUM if max(ends) < 0 else Nature.NEITHER)
        sides = {Nature.MINIMUM: "larger on both sides nearby", Nature.MAXIMUM: "smaller on both sides nearby"}
        checks.append(step(KinkRule.CORNER, (k,), nature,
                           left=sympy.diff(left.polynomial, v).xreplace({v: k}),
                           right=sympy.diff(right.polynomial, v).xreplace({v: k}),
                           sides=sides.get(nature, "larger on one side and smaller on the other")))
    if checks:
        substeps.append(step(KinkRule.CLASSIFY, None, None, checks, one=len(checks) == 1))
    for g in result.flats:
        substeps.append(step(KinkRule.FLAT_MINIMA, None, None, value=g.value, variable=v,
                             where=between_text(g.low, g.high, x, closed=True)))
    verdict = globally(result.is_global, len(result.minima) + len(result.flats), True) + (
        f" ({result.note})" if result.note else "")
    if result.flat is not None:
        g = result.flat
        where = least_text(result.least_flats, tuple(m.point for m in result.tied), x)  # x ≤ -1 or x ≥ 1
        substeps.append(step(KinkRule.LEAST_FLAT, None, None, value=g.value, variable=v, verdict=verdict, where=where))
        substeps += after
        return step(KinkRule.MINIMUM_FLAT, f, None, substeps, variables=(x,), variable=v, value=g.value, where=where)
    if window is not None and outside_window(result, window) is not None:
        return _away_steps(f, x, result, window, substeps, falls)
    if result.tied:
        return _in_window(_tied(f, x, result, substeps, verdict, [], after), x, window, edge, result.value)
    substeps.append(step(MinimizeRule.LEAST_MINIMUM, None, None, point=(result.point,), value=result.value,
                         approx=approx(result.value), verdict=verdict))
    substeps += after
    return _in_window(step(MinimizeRule.MINIMUM, f, result.point, substeps, variables=(x,), variable=v,
                           approx=approx(result.point), known=""), x, window, edge, result.value)

