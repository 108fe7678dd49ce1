"""`tutor solve minimize`: every local minimum of a function of one or two variables and the least of
them, exact where possible; with a window (`--region`), what lies outside it is reported apart."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import Nature, Region, SolveError
from ...calculus.by_values import cut, domain_ends
from ...calculus.classified import Family
from ...calculus.common import real_powers, symbols
from ...calculus.kinks import Flat, between_text, evened, least_text, with_abs
from ...calculus.minimize import (
    AtEdge,
    NoMinimum,
    OnBoundary,
    falls_at_pole,
    falls_at_pole_line,
    held_minima,
    held_up,
    in_region,
    known_name,
    least_at_edge,
    least_on_boundary,
    lowest_in,
    outside_window,
    said_outside,
)
from ...calculus.partials import kink_shape, no_derivative
from ...calculus.region import interval_text
from ...calculus.roots import compare
from ...check import names
from ...parse import Equation, symbol
from ...show import latex_text, show, show_float
from ...words import and_list
from ..base import Command
from ..critical_points.solve import reason, region_argument
from ..solution import Solution, approx, exact_data, function_argument, header, read_function


def solve(function: str, variables: Sequence[str] | None = None, region: str | None = None,
          explain: bool = False) -> Solution:
    from ...steps.critical import families_text  # the steps load when a solution is asked for, not at start
    from .steps import minimize_steps, no_least_why, periodic_note
    f, names = read_function(function, variables)
    if len(names) > 2:  # calculus.minimize's own refusal speaks of one variable: the command takes two as well
        raise SolveError(f"minimize needs a function of one or two variables, and f has {len(names)}; "
                         "look for its critical points instead")
    window = calculus.region_of(region, names) if region else None
    if not f.free_symbols & {symbol(n) for n in names}:
        return _constant(f, names, window, explain)
    if len(names) == 2:
        return _two(f, names, window, explain)
    within = window.extent(())[1] if window is not None else None  # the values of x in the window
    try:
        result = calculus.minimize(f, names[0] if len(names) == 1 else None, within)
    except NoMinimum as none:  # an answer, as in two variables, with the steps that show it
        return _none(f, names, window, none, explain)
    x = result.variable
    at = show(result.point) if result.exact else show_float(result.approx)
    slope = f"f′({x}) = {show(result.derivative, names)} = 0 at "
    # max(x², 2x) as (x² + 2x + |x² - 2x|)/2, whose one-sided slopes at a corner are known
    corner = no_derivative(with_abs(real_powers(f)), x, result.point) if result.flat is None else ""
    # |x - 1| + |x + 1|: f′ = 0 all along -1 < x < 1; min(x², 1): at 0, and all along x < -1 and x > 1
    level = and_list([f"{x} = {show(z)}{approx(z)}" for z in result.zeros]
                     + [f"every {x} with {between_text(low, high, x)}" for low, high in result.level])
    if result.flat is not None or (result.level and not corner):
        slope += level
    elif corner:  # |x − 1/2| + x²: least where f′ jumps from − to +, not where it is 0
        kind = kink_shape(corner)
        slope = f"f′({x}) = {show(result.derivative, names)}; the minimum is at {kind}, not where f′ = 0 ({corner})"
        if result.level:  # min(|x|, 1): f′ = 0 all along x < -1 and x > 1 all the same
            slope += f"; f′ = 0 at {level}"
    elif end := _domain_end(f, x, result):  # √x: least at 0, where f′ is ∞, as f has no value left of it
        slope = f"f′({x}) = {show(result.derivative, names)}; the minimum is at an end of f's domain, not where " \
                f"f′ = 0 ({end})"
    elif len(result.zeros) > 1:  # every zero found, not the minimum's alone (x⁴ − 3x² + x has three)
        slope += and_list([f"{x} = {show(z)}{approx(z)}" + (f" ({known_name(z)})" if known_name(z) else "")
                           for z in result.zeros])
    elif not result.exact:  # the zeros of f′ are not known: the minimum's is one of maybe several (cos x + x²/10)
        exactly = and_list([f"{x} = {show(zero.point)}" for zero in result.verified if not zero.kink])
        slope = (f"f′({x}) = {show(result.derivative, names)}: "
                 + (f"f′ = 0 at {exactly} exactly, and no other exact solution was found, "
                    if exactly else "no exact solution of f′ = 0 was found, ")
                 + "so the " + ("minima are" if len(result.minima) > 1 else "minimum is") + " found numerically")
    else:
        slope += f"{x} = {at}{approx(result.point)}" + (f", {result.known_as}" if result.known_as else "")
    least = f"minimum: f({at}) = {show(result.value)}{approx(result.value)}"
    # x⁴ − 2x² on x ≥ 0: of the points as low, the one the region holds (x = 1, not x = -1)
    lowest = lowest_in(result, window) if window is not None else result.lowest
    if result.flat is not None:  # a whole stretch of equal least values
        # max(0, 1 - x²): least on x ≤ -1 and on x ≥ 1; a point as low is named too
        where = least_text(result.least_flats, tuple(m.point for m in result.tied), x)
        least = f"minimum: f = {show(result.value)} for every {x} with {where}"
    elif result.tied and len(lowest) == 1:
        least = f"minimum: f({_place(lowest[0])}) = {show(result.value)}{approx(result.value)}"
    elif result.tied:  # several points as low: none is the minimum (x⁴ − 2x² at x = -1 and x = 1)
        least = (f"minimum: f = {show(result.value)}{approx(result.value)} at "
                 + and_list([f"{x} = {_place(m)}" for m in lowest])
                 + (f", the same value {result.tie_by}" if result.tie_by else ""))
    local = bool(result.no_least)  # sin x + x/10: one of its local minima, which go on ever lower
    if not local and result.cycle is not None and all(m.exact for m in result.lowest):  # sin(x)^(2/3) + cos²x
        family = Family(x, _folded([m.point for m in result.lowest], result.cycle), result.cycle)
        least = (f"minimum: f = {show(result.value)} at {families_text([family])} (f repeats every "
                 f"{show(result.cycle)}), and maybe at places the tutor did not find")
    elif not local and result.cycle is not None:  # |sin x|^(2/3) + |cos x|: as low a period on, and at cusps the
        # grid missed
        least += (f" (not every place: f repeats every {show(result.cycle)}, so f = {show(result.value)} a whole "
                  f"number of periods from each, and maybe at places the tutor did not find)")
    lines = [header(f, names), slope, least]  # "a local " is put before `least` once, when all is known
    # cos|x| is solved as cos x: said, since f′ is then shown for cos x
    lines += [f"note: {show(e, names)} = {show(plain, names)} for every {x}, {_even_reason(e)}"
              for e, plain in evened(f)]
    note = result.note
    edge = None
    kept = None
    away = ""
    falls = False
    # x + 1/x on -1 ≤ x ≤ 1: f → -∞ as x → 0 from the left, in the region, whatever lies outside it (outside check
    # h48, N1: its local minimum x = 1 was the answer, f said to fall "outside the region")
    pole = falls_at_pole(real_powers(f), symbol(x), within) if within is not None else ""
    if pole:
        lines[2] = f"no least value in the region: {pole}"
    if window is not None:
        lines.append(f"region: {window.show()}")
        inside = [m for m in result.minima if window.contains((m.point,))]
        outside = [m for m in result.minima if not window.contains((m.point,))]
        # max(0, 1 - x²) on 0 ≤ x ≤ 3: its stretch of minima x ≥ 1 reaches into the region
        stretches = [(g, g.part_in(within)) for g in result.flats]
        listed = ", ".join([_places(inside, x)] * bool(inside)
                           + [f"every {x} with {interval_text(cut, x)}" for _, cut in stretches if cut is not None])
        lines.append(f"local minima in the region: {listed}" if listed else _NONE_IN_REGION)
        if outside or any(cut is None for _, cut in stretches):
            lines.append("outside the region: " + ", ".join(
                [_places(outside, x)] * bool(outside)
                + [f"every {x} with {_closed(g, x)}" for g, cut in stretches if cut is None]))
        values = [m.value for m in inside] + [g.value for g, cut in stretches if cut is not None]
        edge = least_at_edge(f, x, within, values, held_minima(result, within or sympy.S.Reals)) if not pole else None
        kept = outside_window(result, window) if not pole else None
        if kept is not None:  # the least of all is outside: the answer is the least in the region, that one after
            lines[2] = (f"minimum in the region: f({_place(kept[0])}) = {show(kept[0].value)}{approx(kept[0].value)}"
                        if len(kept) == 1 else
                        f"minimum in the region: f = {show(kept[0].value)}{approx(kept[0].value)} at "
                        + and_list([f"{x} = {_place(m)}" for m in kept])) if kept else \
                "no local minimum in the region" if result.complete else "no local minimum found in the region"
            lines.append(_least_outside_line(result, least))
            note = ""
        if edge is not None and edge.tied:  # x³ − 3x on -2 ≤ x ≤ 2: f(-2) = -2 = f(1), so f is least at both
            ties = (lowest if kept is None else kept)
            lines[2] = (f"minimum in the region: f = {show(edge.lowest[0].value)}{approx(edge.lowest[0].value)} at "
                        + and_list([f"{x} = {p}" for p in _tied_places(edge, ties)]))
            lines.append(edge_line(edge, x, result.complete, ties))
        elif edge is not None:  # x³ − 3x on -3 ≤ x ≤ 3: f(-3) = -18 at the edge, below the local minimum f(1) = -2
            lines.append(edge_line(edge, x, result.complete))
            if window.contains((lowest[0].point,)) or kept:  # the least local minimum is not the least in the region
                local = True
                note = f"this minimum is only local: f is lower {_where_lower(edge, x)}"
        if kept is not None and not note and result.lower and not _outside(f, result, window, within, True):
            note = f"in the region, {result.lower}"  # x³ − 3x on x ≤ -2: the fall is in it, not only outside
            falls = local = bool(kept)
        if kept is None and (edge is None or edge.tied or not window.contains((lowest[0].point,))):
            away = _outside(f, result, window, within)  # where f is lower than the minimum, outside the region
            note = away or note
        if pole:
            local, note = False, ""
        if lines[2].startswith("no local minimum") and _NONE_IN_REGION in lines:  # said once (h51, N13)
            lines.remove(_NONE_IN_REGION)
    elif result.repeats is not None:  # |sin x| − x/3: one period's minima, every other a whole number of periods on
        family = Family(x, tuple(m.point for m in result.minima), result.repeats)
        lines.append(f"local minima: {families_text([family])} (f′ repeats every {show(result.repeats)})")
    elif result.cycle is not None and result.minima and all(m.exact for m in result.minima):
        family = Family(x, _folded([m.point for m in result.minima], result.cycle), result.cycle)
        lines.append(f"local minima: {families_text([family])}, and maybe others the tutor did not find")
    elif len(result.minima) + len(result.flats) > 1:
        lines.append("local minima: " + ", ".join([f"{x} = {_place(m)}" for m in result.minima]
                                                  + [f"every {x} with {_closed(g, x)}" for g in result.flats])
                     + ("; the least is the global minimum" if result.is_global else ""))
    if local:  # said once, whether f has no least minimum or is lower at the region's edge, or both
        lines[2] = "a local " + lines[2]
    lines += [_verified(x, zero) for zero in result.verified]
    if note:
        lines.append(f"note: {note}")
    if result.no_least:
        lines.append(f"note: it is not the least local minimum: {no_least_why(result)}")
    if result.period is not None:  # sin x + sin 2x: the minima of one period, which recur
        lines.append(f"note: {periodic_note(result.period, x)}")
    if not result.exact and len(result.minima) > 1:  # cos²x + x²/100: its minima 20.2 to 29.5 fall between samples
        lines.append(f"note: the local minima are found from f's values on a grid spaced {GRID_SPACING}, "
                     "so a minimum in a narrower dip may be missing, between those listed too")
    if result.endless:  # sin(x²): -1 again at x² = 7π/2, 11π/2, …, which no list holds
        lines.append(f"note: f = {show(result.value)} at infinitely many {x}, not repeating with a period: the minima "
                     f"go on without end, and f′ = 0 has infinitely many solutions; those listed are only the ones "
                     "the tutor found")
    elif not result.complete and result.repeats is None:
        lines.append("note: f′ = 0 is not a polynomial equation, and the tutor may not have found all its solutions, "
                     "so there may be other local minima")
    latex = [header(f, names, True),
             *_minimum_latex(result, x, local or (result.is_global is False and not away), kept, window, lowest)]
    if pole:
        latex[1:] = [rf"\text{{{latex_text(f'no least value in the region: {pole}')}}}"]
    if edge is not None and edge.tied and window is not None:  # the least in the region, at every place it is
        ties = lowest if kept is None else kept
        latex[1:] = [least_latex(window, edge.lowest[0].value, [Equation(symbol(x), p) for p in
                                                                _tied_points(edge, ties)], True)]
    elif edge is not None and window is not None:
        latex.append(_edge_latex(window, edge, x))
    def place(m: calculus.LocalMinimum) -> dict[str, Any]:  # with a region, whether the point is in it
        data = exact_data(m.point) if m.exact else {"approx": m.approx}
        return data if window is None else {**data, "inside": window.contains((m.point,))}

    data = {"kind": "minimize", "function": show(f, names), "variable": x, "exact": result.exact,
            "region": window.show() if window is not None else None,
            "point": exact_data(result.point), "value": exact_data(result.value), "note": result.note,
            "known_as": result.known_as, "is_global": result.is_global,
            "period": None if result.period is None else exact_data(result.period),
            "minima": [place(m) for m in result.minima], "lowest": [place(m) for m in result.lowest],
            "edge_least": _edge_data(edge)}
    if kept is not None:  # the answer is the least in the region, as the text's first line says (finding 789);
        # the least of all, outside it, after it
        data |= {"point": place(kept[0]) if kept else None, "value": exact_data(kept[0].value) if kept else None,
                 "is_global": False, "lowest": [place(m) for m in kept],
                 "least_outside": {"point": place(result.lowest[0]), "value": exact_data(result.value),
                                   "is_global": result.is_global}}
    if pole:  # no answer in the region: its local minima, then why none is the least
        data |= {"point": None, "value": None, "is_global": False, "note": pole}
    derivation = minimize_steps(f, x, result, window, falls, pole) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _minimum_latex(result: calculus.Minimum, x: str, local: bool, kept: Sequence[calculus.LocalMinimum] | None,
                   window: Region | None, lowest: Sequence[calculus.LocalMinimum]) -> list[str]:
    """The minimum as the summary's first answer line says it: x* (the minimiser) only where it is the least f
    takes (in the region), as far as is known; else, where f is lower elsewhere (`local`), the local minimum as
    local (x³ − 3x: a local minimum f(1) = -2, as f falls without bound), or, where the least local minimum lies
    outside the region, the least in it, or that the region holds none."""
    if kept is not None:  # the least local minimum lies outside the region
        if not kept:
            return [r"\text{no local minimum in the region}" if result.complete
                    else r"\text{no local minimum found in the region}"]
        if not local and window is not None:  # the least in the region, as the summary's "minimum in the region"
            return [least_latex(window, kept[0].value, [Equation(symbol(x), m.point if m.exact else
                                                                 sympy.Float(m.approx, 6)) for m in kept], True)]
        return [r"\text{least local minimum in the region: } "
                + ", ".join(f"f({_place_latex(m)}) = {show(m.value, latex=True)}" for m in kept)]
    value = f"{show(result.value, latex=True)}{_approx_latex(result.value)}"
    at = _place_latex(lowest[0] if result.tied else result)
    if local:
        return [rf"\text{{a local minimum: }} f({at}) = {value}"]
    if len(lowest) > 1 and result.flat is None:  # x⁴ − 2x²: as low at -1 as at 1, so x* is either
        return [rf"{x}^* \in \{{{', '.join(_place_latex(m) for m in lowest)}\}}", f"f({x}^*) = {value}"]
    if result.tied and result.flat is None:  # x⁴ − 2x² on x ≥ 0: of the two, the one in the region
        return [f"{x}^* = {at}", f"f({x}^*) = {value}"]
    return [f"{x}^* = {at}{_approx_latex(result.point) if result.exact else ''}", f"f({x}^*) = {value}"]


def _place_latex(minimum: calculus.LocalMinimum | calculus.Minimum) -> str:
    if minimum.exact:
        return show(minimum.point, latex=True)
    return show_float(minimum.approx)


def _approx_latex(value: Expr) -> str:
    """approx's decimals in LaTeX: \\approx 4.16667, and nothing where the value is exact to them (1, 1/2)."""
    return approx(value).replace(" ≈ ", r" \approx ")


def _edge_latex(window: Region, edge: AtEdge, x: str) -> str:
    """least_latex of where f is least at the region's edge (x = -3 of x³ − 3x on -3 ≤ x ≤ 3)."""
    at = [Equation(symbol(x), e.point) for e in edge.lowest if e.point.is_finite]
    return least_latex(window, edge.lowest[0].value, at, edge.held)


def least_latex(window: Region, value: Expr, at: Sequence[Equation | tuple[Expr, ...]], held: bool) -> str:
    """Where f is least in a region on its boundary, below every local minimum in it, as the summary's line says:
    the least in the region and where (x³ − 3x on -3 ≤ x ≤ 3: -18, at x = -3), or, where the region leaves that
    place out, the value f comes as close as you like to, never reaching it."""
    region = window.show(latex=True)
    where = ", ".join(show(p, latex=True) for p in at)
    if not held:
        return (rf"\inf_{{{region}}} f = {show(value, latex=True)}{_approx_latex(value)}"
                rf" \text{{ (no least value: the region leaves }} {where} \text{{ out)}}")
    return rf"\min_{{{region}}} f = {show(value, latex=True)}{_approx_latex(value)} \text{{ at }} {where}"


def _least_outside_line(result: calculus.Minimum, least: str) -> str:
    """The least local minimum, where it lies outside the region, in one line after the region's own, as in two
    variables: 'the least local minimum, outside the region: f(-1.30083…) = -3.5139…; it is the global minimum'."""
    from ..local_minima.steps import globally
    verdict = globally(result.is_global, len(result.minima), result.complete)
    return (f"the least local minimum, outside the region: {least.removeprefix('minimum: ')}; {verdict}"
            + (f" ({result.lower or result.note})" if result.note else ""))


def _folded(points: Sequence[Expr], period: Expr) -> tuple[Expr, ...]:
    """The points moved into 0 ≤ x < period by whole periods, each once, left to right: 3π/2 is π/2 a period of
    π on, so it says nothing π/2 + kπ does not."""
    folded: list[Expr] = []
    for p in points:
        first = sympy.simplify(p - sympy.floor(p / period) * period)
        if all(sympy.simplify(first - q) != 0 for q in folded):
            folded.append(first)
    return tuple(sorted(folded, key=lambda q: sympy.N(q, 30)))


def _constant(f: Expr, names: tuple[str, ...], window: Region | None, explain: bool) -> Solution:
    """f constant (5 in x): every point a local minimum and a local maximum, neither strict, and f's one value the
    least (it was "no local minimum", and in two variables "0 = 0 is a set the tutor does not classify")."""
    from ...steps.critical import critical_steps
    said = (f"f = {show(f)} everywhere: every point is both a local minimum and a local maximum, neither strict, "
            f"and {show(f)} is the least value")
    lines = [header(f, names)] + ([f"region: {window.show()}"] if window is not None else []) + [said]
    data = {"kind": "minimize", "function": show(f, names), "variables": list(names), "exact": True, "point": None,
            "value": show(f), "note": said, "known_as": "", "is_global": True, "period": None, "minima": [],
            "lowest": []}
    latex = [header(f, names, True), rf"\text{{{said}}}"]
    return Solution(tuple(lines), tuple(latex), data, critical_steps(f, names) if explain else None)


def _none(f: Expr, names: tuple[str, ...], window: Region | None, none: NoMinimum, explain: bool) -> Solution:
    """f(x) with no local minimum (x³, eˣ): said as the answer, and with --steps, its critical points
    classified and why none is a minimum."""
    from .steps import no_minimum_steps
    x = none.variable
    lines = [header(f, names)] + ([f"region: {window.show()}"] if window is not None else []) + [
        f"no local minimum: f′({x}) = {show(none.slope, names)} {none.why}"]
    # x³ on -1 ≤ x ≤ 1: no local minimum, but a least value in the region, at its edge
    edge = least_at_edge(f, x, window.extent(())[1], ()) if window is not None else None
    if edge is not None:
        lines.append(edge_line(edge, x, True))
    data = {"kind": "minimize", "function": show(f, names), "variable": x, "exact": True, "point": None,
            "value": None, "note": "", "known_as": "", "is_global": None, "period": None, "minima": [],
            "lowest": []}
    derivation = no_minimum_steps(f, x, none.slope, none.why, window) if explain else None
    latex = [header(f, names, True), r"\text{no local minimum}"]
    if edge is not None and window is not None:  # x³ on -1 ≤ x ≤ 1: least at -1, as the summary says
        latex.append(_edge_latex(window, edge, x))
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _even_reason(e: Expr) -> str:
    """Why g(|u|) = g(u): cos is even."""
    return f"since {type(e).__name__} is even" if isinstance(e, sympy.Function) else "the sign of the inside aside"


_NONE_IN_REGION = "local minima in the region: none"
GRID_SPACING = "0.1 up to |x| = 10, 1 up to 100, 10 up to 1000 and 100 up to 10⁴"  # calculus.minimize's _GRID

VERDICTS = {Nature.MINIMUM: "a local minimum", Nature.MAXIMUM: "a local maximum",
            Nature.NEITHER: "neither a minimum nor a maximum", Nature.INCONCLUSIVE: "not decided",
            Nature.UNDECIDED: "not decided"}


def _verified(x: str, zero: calculus.ExactZero) -> str:
    """A zero of f′ shown exactly, beside the numerical minima: x = 0: a local maximum, f(0) = 1 (f″ = -4/5 < 0)."""
    z, value = show(zero.point), zero.value
    return f"{x} = {z}: {VERDICTS[zero.nature]}, f({z}) = {show(value)}{approx(value)} ({reason(zero.critical)})"


def _outside(f: Expr, result: calculus.Minimum, window: Region, within: sympy.Set | None, away: bool = False) -> str:
    """Where the least local minimum lies in the region (or outside it, `away`) and f is smaller only outside it,
    that said as outside (x³ − 3x on 0 ≤ x ≤ 3 falls without bound as x → -∞, not in the region, nor on x ≥ 1/2,
    where f → ∞ as x → ∞); "" otherwise."""
    if not away and not window.contains((result.point,)):
        return ""
    # only where f falls without bound and the region is open on one side: its limit there is looked for
    up = bool(result.lower) and result.lower_at is None and not window.bounded() and held_up(f, result.variable,
                                                                                                within)
    return said_outside(result.lower, None if result.lower_at is None else (result.lower_at,), window, up)


def edge_line(edge: AtEdge, x: str, complete: bool, ties: Sequence[calculus.LocalMinimum] = ()) -> str:
    """Where f is least in a bounded region, at its edge and not at a local minimum: 'least in the region:
    f(-3) = -18, at its edge x = -3'; or, where the region leaves that edge out, that f has no least value in it;
    or, where the edge is as low as the least local minima in it (`ties`), at both."""
    value = edge.lowest[0].value
    if edge.tied:  # x³ − 3x on -2 ≤ x ≤ 2: f(-2) = -2 = f(1)
        minima = f"the local minim{'a' if len(ties) > 1 else 'um'} {and_list([f'{x} = {_place(m)}' for m in ties])}"
        found = "" if complete else " (of the local minima found)"
        return (f"least in the region: f = {show(value)}{approx(value)} at its edge{'s' * (len(edge.lowest) > 1)} "
                f"{_edges(edge, x)} and at {minima}{found}")
    found = "" if complete else " (below every local minimum found)"
    far = [e.point for e in edge.lowest if not e.point.is_finite]
    if far and not edge.held:  # 1/(x² + 1) on x ≥ 0: lower far out than anywhere in the region, never reached
        return (f"no least value in the region: f comes as close as you like to {show(value)}{approx(value)} "
                f"as {x} → {show(far[0])}{found}")
    if edge.unsure is not None:  # the edge is below every local minimum, but f's other side is not known
        found += f" (unless f is lower still as {x} → {show(edge.unsure)}: its limit there was not found)"
    if not edge.held:  # 0 < x ≤ 3 leaves 0 out: f comes as close as you like to its value there, never to it
        return (f"no least value in the region: f comes as close as you like to {show(value)}{approx(value)} "
                f"near its edge {_edges(edge, x)}, which the region leaves out{found}")
    if sum(e.point.is_finite for e in edge.lowest) > 1:  # x e⁻ˣ on x ≥ 0 is as low far out, never there
        return f"least in the region: f = {show(value)}{approx(value)} at its edges {_edges(edge, x)}{found}"
    return f"least in the region: f({show(edge.lowest[0].point)}) = {show(value)}{approx(value)}, at its edge " \
           f"{_edges(edge, x)}{found}"


def _edge_data(edge: AtEdge | None) -> dict[str, Any] | None:
    """Where f is least in a bounded region at its edges, below every local minimum in it, or as low as the least
    of them (`tied`: then f is least at both); None elsewhere."""
    if edge is None:
        return None
    return {"points": [exact_data(e.point) for e in edge.lowest if e.point.is_finite],
            "value": exact_data(edge.lowest[0].value), "attained": edge.held, "tied": edge.tied}


def _tied_points(edge: AtEdge, ties: Sequence[calculus.LocalMinimum]) -> list[Expr]:
    """Every place where f is least in the region, where its edge is as low as the least local minima in it
    (`ties`), left to right: x = -2 and x = 1 for x³ − 3x on -2 ≤ x ≤ 2."""
    points = [e.point for e in edge.lowest] + [m.point for m in ties]
    return sorted(points, key=lambda p: sympy.N(p, 30))


def _tied_places(edge: AtEdge, ties: Sequence[calculus.LocalMinimum]) -> list[str]:
    return [show(p) for p in _tied_points(edge, ties)]


def _edges(edge: AtEdge, x: str) -> str:
    return and_list([f"{x} = {show(e.point)}" for e in edge.lowest if e.point.is_finite])


def _where_lower(edge: AtEdge, x: str) -> str:
    """Where f is below the least local minimum: at or near the region's edge, or far out on its open side."""
    far = [e.point for e in edge.lowest if not e.point.is_finite]
    if far and not edge.held:
        return f"far out in the region, as {x} → {show(far[0])}"
    return f"{'at' if edge.held else 'near'} the region's edge {_edges(edge, x)}"


def _closed(flat: Flat, x: str) -> str:
    return between_text(flat.low, flat.high, x, closed=True)


def _places(minima: Sequence[calculus.LocalMinimum], x: str) -> str:
    return ", ".join(f"{x} = {_place(m)}" for m in minima)


def _place(minimum: calculus.LocalMinimum) -> str:
    return show(minimum.point) if minimum.exact else show_float(minimum.approx)


def _two(f: Expr, names: tuple[str, ...], window: Region | None, explain: bool) -> Solution:
    """Every local minimum of f(x, y), with its value; the least of them, and whether it is global."""
    from ..local_minima.steps import all_minima_steps, globally, minima_in_steps, no_least_steps
    from .steps import falls_in_region_steps
    result = calculus.local_minima(f, names, window)
    lines = [header(f, names)]
    rows = [(p.point, value, window is None or window.contains(p.point))
            for p, value in zip(result.points, result.values)]
    if window is not None:
        lines.append(f"region: {window.show()}")
    # (x + y)² on 1 ≤ x ≤ 2, 1 ≤ y ≤ 2: its line of minima x = -y misses the region
    missing = [f"  {_minima_along(s, names)}" for s in result.sets if window is not None and s.inside is False]
    for title, keep in (("local minima" + (" in the region" if window else "") + ":", True),
                        ("outside the region:", False)):
        chosen = [(point, value) for point, value, inside in rows if inside == keep]
        if chosen or (missing and not keep):
            lines.append(title)
            lines += [f"  {show(point)}: f = {show(value)}{approx(value)}" for point, value in chosen]
            lines += missing * (not keep)
    others = _others(result, names, window)
    lines += others
    # x*y + 1/x + 1/y on -1 ≤ x ≤ 2, -1 ≤ y ≤ 2: f → -∞ beside x = 0, in the region (outside check h48, N2)
    pole = falls_at_pole_line(real_powers(f), symbols(names), window) if window is not None else ""
    boundary, unlooked = _on_boundary(f, names, window, result) if window is not None and not pole else (None, False)
    verdict = globally(result.is_global, len(result.points) + len(result.sets), result.known_all)
    # the boundary looked at and f no lower on it: the least in the region is its minimum
    whole = window is not None and window.bounded() and boundary is None and not unlooked and not pole
    # the least of all along curves that miss the region: the least in it is decided as for points outside
    away = window is not None and bool(result.least_sets) and all(s.inside is False for s in result.least_sets)
    if pole:  # the local minima listed, none of them the least in the region
        lines.append(f"no least value in the region: {pole}")
    elif result.no_least:  # sin x + x/10 + y²: each minimum recurs 2π to the left, lower, so none is the least
        lines.append(f"no least local minimum: {result.no_least}, and so no global minimum")
    elif result.least_sets and not away:  # whole curves of minima, below every isolated one
        lines.append(f"the least: {_least_sets(result, names)}; {verdict}")
    elif away and window is not None:
        lines += _least_outside(result, window, names, verdict, bool(others), boundary is not None)
    elif window is not None and result.points:  # the least in the window; a lower one said as outside
        lines += _least_in_window(result, window, verdict, bool(others), boundary is not None, whole)
    elif result.points and result.tied:  # several points as low: (x² − 1)² + y² at (-1, 0) and (1, 0)
        lowest = result.lowest or 0
        at = and_list([show(result.points[i].point) for i in sorted((lowest, *result.tied))])
        lines.append(f"the least: f = {show(result.values[lowest])}{approx(result.values[lowest])} at {at}; {verdict}")
    elif result.points:
        lowest = result.lowest or 0
        lines.append(f"the least: f{show(result.points[lowest].point)} = {show(result.values[lowest])}"
                     f"{approx(result.values[lowest])}; {verdict}")
    elif not others:  # "no local minimum" only where every critical point is found and decided
        # (in the region, where one that may be a minimum lies outside it)
        # (or where the listing stopped at the region's bounds: x² + cos(y) has minima beyond -1 ≤ y ≤ 1)
        held = " in the region" if result.undecided or result.unsettled or result.windowed else ""
        lines.append(f"no local minimum{held}" if result.complete else f"no local minimum found{held}")
    # x³ − 3x + y² on 0 ≤ x ≤ 3: f decreases without bound outside the region, which the note says
    # x + y² on 1 ≤ x ≤ 3: f falls without bound outside the box; on x ≥ 1, where is not looked at
    note = "" if pole else in_region(result, window).note if window is not None else result.note
    ties = _ties(result, window, names) if boundary is not None and boundary.tied and window is not None else []
    if boundary is not None:  # x³ − 3x + y² on -3 ≤ x ≤ 3, -1 ≤ y ≤ 1: f(-3, 0) = -18, below f(1, 0) = -2
        lines.append(boundary_line(boundary, [text for text, _ in ties]))
        if window is not None and in_region(result, window).held and not away and not boundary.tied:
            near = "on" if boundary.held else "near"
            edges = f"edge{'s' * (len(boundary.edges) > 1)} {and_list(list(boundary.edges))}"
            note = f"this minimum is only local: f is lower {near} the region's {edges}"
    if note:
        lines.append(f"note: {note}")
    split = in_region(result, window) if window is not None else None
    # f not a polynomial, or the region not a box: its least may be on the boundary, unsaid (not where the least in
    # it is the global minimum: nothing is lower)
    if unlooked and split is not None and not pole and not (split.held and result.is_global
                                                            and not result.least_sets):
        lines.append(unlooked_note(window, bool(split.inside or others)))
    data: dict[str, Any] = {
        "kind": "minimize", "function": show(f, names), "variables": list(names),
        "region": window.show() if window else None,
        "minima": [{"point": [show(c) for c in p.point], "value": exact_data(value), "inside": inside}
                   for (p, value), (_, _, inside) in zip(zip(result.points, result.values), rows)],
        # whole curves of minima; with a region, whether each reaches into it, and its part there where it is cut
        "sets": [{"equation": where(s, names), "value": None if s.value is None else exact_data(s.value),
                  "inside": s.inside, "where": s.where} for s in result.sets],
        "lowest": result.lowest, "is_global": result.is_global, "note": result.note,
        "edge_least": None if boundary is None else {
            "points": [[show(c) for c in p] for p in boundary.points], "value": exact_data(boundary.value),
            "attained": boundary.held, "tied": boundary.tied}}
    if pole:  # no least value in the region: its local minima, then why none is the least
        data |= {"lowest": None, "is_global": False, "note": pole}
    latex = [header(f, names, True)] + [f"{show(p.point, latex=True)}: f = {show(v, latex=True)}"
                                        for p, v in zip(result.points, result.values)]
    if pole:
        latex.append(rf"\text{{{latex_text(f'no least value in the region: {pole}')}}}")
    if boundary is not None and window is not None:  # below every local minimum listed, as the summary says
        # (or as low as the least of them: then f is least at both)
        latex.append(least_latex(window, boundary.value, [*boundary.points, *(p for _, p in ties if p)],
                                 boundary.held))
    derivation = None
    if explain and not (result.points or result.least_sets):  # why there is no minimum, or what may be one
        derivation = no_least_steps(result, window, boundary)
    elif explain:
        derivation = all_minima_steps(result) if window is None else minima_in_steps(
            result, window, bool(others), boundary, tuple(text for text, _ in ties), whole, least=not pole)
    if derivation is not None and pole and window is not None:
        derivation = falls_in_region_steps(f, names, derivation, pole, window)
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _least_in_window(result: calculus.LocalMinima, window: Region, verdict: str, others: bool,
                     edge: bool = False, whole: bool = False) -> list[str]:
    """The least of the minima in the window, named "the least"; a lower minimum outside it is said as outside,
    with whether it is global: x² + y² on 1 ≤ x ≤ 2, 0 ≤ y ≤ 1 has no minimum in it, and (0, 0) outside.
    Where f is lower on the window's boundary (`edge`), the least of the minima is named as that only; where
    the boundary was looked at and f is no lower on it (`whole`), it is the minimum in the region, as the
    lesson asks of the sauna ((4, 4), though f falls without bound outside the room)."""
    split = in_region(result, window)
    title = "the least local minimum in the region" if edge else \
        "the minimum in the region (f is no lower on its boundary)" if whole and split.least \
        and not result.is_global else "the least"
    if split.held:  # f is least of all in the window
        return [_least_line(result, split.least, verdict, title)]
    if split.least:  # the least in the window, then the lower one outside it, which the verdict is about
        first = _least_line(result, split.least, "", title)
    elif others:  # a set or a point in the window that may be a minimum: "no local minimum" is not known
        first = ""
    else:
        first = "no local minimum in the region" if result.complete else "no local minimum found in the region"
    outside = _least_line(result, split.lowest, verdict, "the least local minimum, outside the region")
    return [first] * bool(first) + [outside]


def _least_sets(result: calculus.LocalMinima, names: Sequence[str]) -> str:
    """'f = 0 for every (x, y) with x = -y', of the least curves of minima, the part in the region said where
    the region cuts them (x = -y where y = 1 on -1 ≤ x ≤ 2, 1 ≤ y ≤ 2)."""
    value = result.least_sets[0].value
    # x²y² on -1 ≤ x ≤ 2, 1 ≤ y ≤ 2: x = 0 reaches in, y = 0 is outside and said there
    near = [s for s in result.least_sets if s.inside is not False] or result.least_sets
    on = " or ".join(where(s, names) + _cut_to(s) for s in near)
    return f"f = {show(value)}{approx(value)} for every {show(tuple(symbol(n) for n in names))} with {on}"


def _least_outside(result: calculus.LocalMinima, window: Region, names: Sequence[str], verdict: str, others: bool,
                   edge: bool) -> list[str]:
    """The least local minimum in the window, where the least of all is along curves outside it, which are
    said as outside, with whether they are global: (x + y)² on 1 ≤ x ≤ 2, 1 ≤ y ≤ 2."""
    split = in_region(result, window)
    if split.least:
        title = "the least local minimum in the region" if edge else "the least"
        first = _least_line(result, split.least, "", title)
    elif others:  # a set in the window, or a point that may be a minimum: "no local minimum" is not known
        first = ""
    else:
        first = "no local minimum in the region" if result.complete else "no local minimum found in the region"
    outside = f"the least local minimum, outside the region: {_least_sets(result, names)}; {verdict}"
    return [first] * bool(first) + [outside]


def _minima_along(s: calculus.CriticalSet, names: Sequence[str]) -> str:
    """'minima all along x = -y, f = 0'; 'minima along x = y where 0 ≤ y ≤ 2, f = 0' where the region cuts it."""
    cut = _cut_to(s)
    along = f"minima along {where(s, names)}{cut}" if cut else f"minima all along {where(s, names)}"
    return along + (f", f = {show(s.value)}" if s.value is not None else "")


def _cut_to(s: calculus.CriticalSet) -> str:
    """' where 0 ≤ y ≤ 2': the part of a set in the region, where the region cuts it; nothing elsewhere."""
    return f" where {s.where}" if s.inside and s.where else ""


def _least_line(result: calculus.LocalMinima, chosen: Sequence[int], verdict: str, title: str = "the least") -> str:
    """'the least: f(0, 0) = 0; it is the global minimum', or f = 0 at each of several points as low."""
    value = result.values[chosen[0]]
    if len(chosen) > 1:
        at = and_list([show(result.points[i].point) for i in chosen])
        line = f"{title}: f = {show(value)}{approx(value)} at {at}"
    else:
        line = f"{title}: f{show(result.points[chosen[0]].point)} = {show(value)}{approx(value)}"
    return line + (f"; {verdict}" if verdict else "")


def _on_boundary(f: Expr, names: Sequence[str], window: Region,
                 result: calculus.LocalMinima) -> tuple[OnBoundary | None, bool]:
    """Where f is least on a bounded region's boundary, below every local minimum in it; and whether the
    boundary could not be looked at (then nothing is claimed of it, and a note says so)."""
    if not window.bounded():  # x + y² on x ≥ 1: least at (1, 0), on its edge, which no rule here looks at
        return None, True
    split = in_region(result, window)
    sets = [s for s in result.sets if s.inside is not False]
    for s in result.unsettled:  # minima along a stretch in it count; a stretch that may hold minima, unknown
        pieces = _pieces_in(s, window)
        if pieces is None and s.inside is not False:
            return None, True
        if any(p.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED) for p in pieces or ()):
            return None, True
        sets += [s] * any(p.nature == Nature.MINIMUM for p in pieces or ())
    if not result.complete or any(s.value is None for s in sets) or result.no_least or any(
            window.contains(p.point) for p in result.undecided):  # a minimum in it may be unknown, or its value
        return None, True
    try:
        return least_on_boundary(f, names, window, [result.values[i] for i in split.inside]
                                 + [s.value for s in sets if s.value is not None],
                                 [result.points[i].point for i in split.inside], sets), False
    except SolveError:
        return None, True


def unlooked_note(window: Region | None, listed: bool) -> str:
    """That the region's boundary (and, where it is not bounded, its far reaches) are not looked at, where f's
    least value in it may be: lower than the minima listed, or the least of all where none is."""
    where = "on the region's boundary" if window is None or window.bounded() else \
        "on the region's boundary, and far out in it if it goes on without end,"
    return (f"note: f's values {where} are not looked at, and may be lower than these" if listed else
            f"note: f's values {where} are not looked at: f may have a least value in the region there")


def _ties(result: calculus.LocalMinima, window: Region, names: Sequence[str]) -> list[tuple[str, tuple | None]]:
    """The least local minima in the region, where its boundary is as low: 'the local minimum (1, 0)', or
    'along x = y', each with its point (None for a curve)."""
    split = in_region(result, window)
    value = result.values[split.least[0]] if split.least else None
    sets = [s for s in result.sets if s.inside is not False and s.value is not None
            and (value is None or compare(s.value, value) <= 0)]
    if sets:
        value = min((s.value for s in sets), key=functools.cmp_to_key(compare))
    points = [result.points[i].point for i in split.least
              if value is not None and compare(result.values[i], value) == 0]
    return [(f"the local minimum {show(p)}", p) for p in points] + [
        (f"along {where(s, names)}{_cut_to(s)}", None) for s in sets
        if value is not None and compare(s.value, value) == 0]


def boundary_line(boundary: OnBoundary, ties: Sequence[str] = ()) -> str:
    """'least in the region: f(-3, 0) = -18, on its edge x = -3', or, where the region leaves that edge
    out, that f has no least value in it; where the boundary is as low as the least local minima in the region
    (`ties`), at both."""
    value = show(boundary.value) + approx(boundary.value)
    edges = f"its edge{'s' * (len(boundary.edges) > 1)} {and_list(list(boundary.edges))}"
    at = and_list([show(p) for p in boundary.points])
    if boundary.tied:  # x³ − 3x + y² on -2 ≤ x ≤ 2, -1 ≤ y ≤ 1: f(-2, 0) = -2 = f(1, 0)
        return f"least in the region: f = {value} at {at}, on {edges}, and at {and_list(list(ties))}"
    if not boundary.held:
        return (f"no least value in the region: f comes as close as you like to {value} near {at}, on "
                f"{edges}, which the region leaves out")
    if len(boundary.points) > 1:
        return f"least in the region: f = {value} at {at}, on {edges}"
    return f"least in the region: f{at} = {value}, on {edges}"


def _domain_end(f: Expr, x: str, result: calculus.Minimum) -> str:
    """Why the minimum is at an end of f's domain where f′ has no value (√x at 0: f has no value for x < 0, and
    f′ is ∞ from the right); "" where it is not at one."""
    if not result.exact:
        return ""
    ends = {e.point[0]: e.no_slope for e in domain_ends(real_powers(f), symbol(x), None, any_slope=True)}
    lowest = [m.point for m in result.lowest] if result.tied else [result.point]
    # (x − 1)²√x, as low at 1, where f′ = 0, as at its end 0: said as for any tie
    return ends[lowest[0]] if all(p in ends for p in lowest) else ""


def where(s: calculus.CriticalSet, names: Sequence[str], stretch: bool = False) -> str:
    """The equations of a critical set: x² + y² = 1. Before a stretch of it (where 1 < x), without the part where
    f has a value (0 < x on y = 0 of y² ln x): the stretch lies in it."""
    return " and ".join(show(e, names) for e in s.equations) + ("" if stretch and s.defined else s.except_holes)


def _others(result: calculus.LocalMinima, names: tuple[str, ...], window: Region | None) -> list[str]:
    """The minima that are not isolated points, and the critical points and sets the tutor can't
    classify, which may be minima: never left out to say there is no minimum."""
    def near(s: calculus.CriticalSet) -> bool:
        return window is None or s.inside is not False

    lines = [_minima_along(s, names) for s in result.sets if near(s)]
    lines += [f"{show(p.point)} is a critical point the test does not decide: it may be a local minimum"
              for p in result.undecided if window is None or window.contains(p.point)]
    for s in result.unsettled:
        pieces = _pieces_in(s, window)
        if pieces is None:
            if near(s):
                lines.append(f"{where(s, names)} is a set of critical points the tutor does not classify: "
                             "it may hold minima")
            continue
        value = f", f = {show(s.value)}" if s.value is not None else ""
        lines += [f"minima along {where(s, names, p.along is not None)}{_stretch(p)}{value}" for p in pieces
                  if p.nature == Nature.MINIMUM]
        lines += [f"{where(s, names, p.along is not None)}{_stretch(p)}: critical points the tutor does not decide, "
                  "which may be minima"
                  for p in pieces if p.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED)]
    return lines


def _stretch(piece: calculus.Piece) -> str:
    """' where 6 < y', or nothing for a piece that is the whole set."""
    return "" if piece.along is None else f" where {piece.show()}"


def _pieces_in(s: calculus.CriticalSet, window: Region | None) -> tuple[calculus.Piece, ...] | None:
    """The set's stretches of one nature (in the window, if there is one); None where not known."""
    if not s.pieces:
        return None
    if window is None:
        return s.pieces
    inside, extent, variable = window.extent(s.equations)
    if inside is None:
        return None
    return cut(s.pieces, extent, variable) if inside else ()


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "e^x - ln x")
    region_argument(parser)


SOLVE = Command("minimize", "every local minimum of a function of one or two variables, and the least",
                _arguments, lambda a: solve(a.function, names(a.vars), a.region, a.steps))
