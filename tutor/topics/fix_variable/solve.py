"""`tutor solve fix_variable` (or `fix`): f with some variables fixed, and the slice's derivative."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ... import calculus
from ...check import names
from ...parse import symbol
from ...show import show
from ..base import Command
from ..solution import Solution, function_argument, header, read_function, read_point


def solve(function: str, fix: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    from .steps import fix_steps
    f, names = read_function(function, variables)
    fixed = calculus.fix_variable(f, read_point(fix, names, partial=True), names)
    values = {symbol(n): v for n, v in fixed.fixed.items()}
    call = "f(" + ", ".join(show(values.get(symbol(n), symbol(n))) for n in names) + ")"
    held = ", ".join(f"{n} = {show(v)}" for n, v in fixed.fixed.items())
    worked = f" = {show(fixed.slice, names)}" if fixed.worked_out else ""
    lines = [header(f, names), f"fix {held}: {call} = {show(fixed.written, names)}{worked}"]
    latex = [header(f, names, True), f"{call} = {show(fixed.slice, names, latex=True)}"]
    data: dict[str, Any] = {"kind": "fix_variable", "function": show(f, names), "variables": list(names),
                            "fixed": {n: show(v) for n, v in fixed.fixed.items()}, "written": show(fixed.written),
                            "slice": show(fixed.slice, names)}
    if fixed.derivative is not None:
        (x,) = fixed.remaining
        where = " and ".join(show(w, names) for w in fixed.where)  # 0ʸ: 0 where y > 0, no value elsewhere
        lines.append(f"d/d{x} {call} = {show(fixed.derivative, names)}{' where ' + where if where else ''}: "
                     f"the slope of the tangent line along {x}")
        latex.append(rf"\frac{{d}}{{d{x}}} {call} = {show(fixed.derivative, names, latex=True)}"
                     + "".join(rf" \text{{ where }} {show(w, names, latex=True)}" for w in fixed.where))
        data["derivative"] = show(fixed.derivative, names)
        if where:
            data["where"] = where
    derivation = fix_steps(fixed, call, derivative=fixed.derivative is not None) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--fix", required=True, help="the variables to fix, like y=4")


SOLVE = Command("fix_variable", "f with variables fixed (a slice), and the slice's derivative", _arguments,
                lambda a: solve(a.function, a.fix, names(a.vars), a.steps), aliases=("fix",))
