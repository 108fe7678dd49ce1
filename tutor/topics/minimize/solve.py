"""`tutor solve minimize`: the minimum of a function of one variable, exact where possible."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ... import calculus, steps
from ...check import names
from ...show import show, show_float
from ..base import Command
from ..solution import Solution, approx, exact_data, function_argument, header, read_function


def solve(function: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    f, names = read_function(function, variables)
    result = calculus.minimize(f, names[0] if len(names) == 1 else None)
    x = result.variable
    at = show(result.point) if result.exact else show_float(result.approx)
    lines = [header(f, names), f"f′({x}) = {show(result.derivative, names)} = 0 at {x} = {at}"
             + (approx(result.point) if result.exact else " (numerically; sympy found no exact solution)")
             + (f", {result.known_as}" if result.known_as else ""),
             f"minimum: f({at}) = {show(result.value)}{approx(result.value)}"]
    if len(result.minima) > 1:
        lines.append("local minima: " + ", ".join(
            f"{x} = {show(m.point) if m.exact else show_float(m.approx)}" for m in result.minima)
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
    derivation = steps.critical_steps(f, (x,)) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "e^x - ln x")


SOLVE = Command("minimize", "the minimum of a function of one variable, exact where possible", _arguments,
                lambda a: solve(a.function, names(a.vars), a.steps))
