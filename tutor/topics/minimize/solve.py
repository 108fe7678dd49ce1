"""`tutor solve minimize`: every local minimum of a function of one or two variables and the least of
them, exact where possible; with a window (`--region`), what lies outside it is reported apart."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from sympy import Expr

from ... import calculus
from ...calculus import Region
from ...check import names
from ...show import show, show_float
from ..base import Command
from ..critical_points.solve import region_argument
from ..solution import Solution, approx, exact_data, function_argument, header, read_function


def solve(function: str, variables: Sequence[str] | None = None, region: str | None = None,
          explain: bool = False) -> Solution:
    from .steps import minimize_steps
    f, names = read_function(function, variables)
    window = calculus.parse_region(region, names) if region else None
    if len(names) == 2:
        return _two(f, names, window, explain)
    result = calculus.minimize(f, names[0] if len(names) == 1 else None)
    x = result.variable
    at = show(result.point) if result.exact else show_float(result.approx)
    lines = [header(f, names), f"f′({x}) = {show(result.derivative, names)} = 0 at {x} = {at}"
             + (approx(result.point) if result.exact else " (numerically; sympy found no exact solution)")
             + (f", {result.known_as}" if result.known_as else ""),
             f"minimum: f({at}) = {show(result.value)}{approx(result.value)}"]
    if window is not None:
        lines.append(f"region: {window.show()}")
        inside = [m for m in result.minima if window.contains((m.point,))]
        outside = [m for m in result.minima if not window.contains((m.point,))]
        lines.append("local minima in the region: " + (_places(inside, x) or "none"))
        if outside:
            lines.append("outside the region: " + _places(outside, x))
    elif len(result.minima) > 1:
        lines.append("local minima: " + _places(result.minima, x)
                     + ("; the least is the global minimum" if result.is_global else ""))
    if result.note:
        lines.append(f"note: {result.note}")
    latex = [header(f, names, True),
             f"{x}^* = {show(result.point, latex=True)} \\approx {show_float(result.approx)}",
             f"f({x}^*) = {show(result.value, latex=True)}"]
    data = {"kind": "minimize", "function": show(f, names), "variable": x, "exact": result.exact,
            "point": exact_data(result.point), "value": exact_data(result.value), "note": result.note,
            "known_as": result.known_as, "is_global": result.is_global,
            "minima": [exact_data(m.point) if m.exact else {"approx": m.approx} for m in result.minima]}
    derivation = minimize_steps(f, x, result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _places(minima: Sequence[calculus.LocalMinimum], x: str) -> str:
    return ", ".join(f"{x} = {show(m.point) if m.exact else show_float(m.approx)}" for m in minima)


def _two(f: Expr, names: tuple[str, ...], window: Region | None, explain: bool) -> Solution:
    """Every local minimum of f(x, y), with its value; the least of them, and whether it is global."""
    from ..local_minima.steps import all_minima_steps, globally
    result = calculus.local_minima(f, names)
    lines = [header(f, names)]
    rows = [(p.point, value, window is None or window.contains(p.point))
            for p, value in zip(result.points, result.values)]
    if window is not None:
        lines.append(f"region: {window.show()}")
    for title, keep in (("local minima" + (" in the region" if window else "") + ":", True),
                        ("outside the region:", False)):
        chosen = [(point, value) for point, value, inside in rows if inside == keep]
        if chosen:
            lines.append(title)
            lines += [f"  {show(point)}: f = {show(value)}{approx(value)}" for point, value in chosen]
    if not result.points:
        lines.append("no local minimum" + (": " + result.note if result.note else ""))
    else:
        lowest = result.lowest or 0
        lines.append(f"the least: f{show(result.points[lowest].point)} = {show(result.values[lowest])}"
                     f"{approx(result.values[lowest])}; {globally(result.is_global, len(result.points))}")
        if result.note:
            lines.append(f"note: {result.note}")
    data: dict[str, Any] = {
        "kind": "minimize", "function": show(f, names), "variables": list(names),
        "region": window.show() if window else None,
        "minima": [{"point": [show(c) for c in p.point], "value": exact_data(value), "inside": inside}
                   for (p, value), (_, _, inside) in zip(zip(result.points, result.values), rows)],
        "lowest": result.lowest, "is_global": result.is_global, "note": result.note}
    latex = [header(f, names, True)] + [f"{show(p.point, latex=True)}: f = {show(v, latex=True)}"
                                        for p, v in zip(result.points, result.values)]
    derivation = all_minima_steps(result) if explain and result.points else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "e^x - ln x")
    region_argument(parser)


SOLVE = Command("minimize", "every local minimum of a function of one or two variables, and the least",
                _arguments, lambda a: solve(a.function, names(a.vars), a.region, a.steps))
