"""`tutor solve tangent_plane` (or `tangent`): the tangent plane at a point, with its steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ... import calculus
from ...check import names
from ...show import show
from ..base import Command
from ..solution import Solution, args, function_argument, header, read_function


def solve(function: str, at: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    from .steps import tangent_steps
    f, names = read_function(function, variables)
    result = calculus.tangent_plane(f, names, calculus.parse_point(at, names))
    lines = [header(f, names),
             f"tangent plane at {args(result.point)}: z = {show(result.linearization, names)}",
             show(result.equation, names)]
    latex = [header(f, names, True), show(result.equation, names, latex=True)]
    data = {"kind": "tangent", "function": show(f, names), "variables": list(names),
            "point": [show(p) for p in result.point], "value": show(result.value),
            "partials": [show(p) for p in result.partials], "plane": show(result.equation, names),
            "plane_latex": show(result.equation, names, latex=True)}
    derivation = tangent_steps(f, names, None, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--at", required=True, help="the point, like x=2,y=4")


SOLVE = Command("tangent_plane", "the tangent plane at a point", _arguments,
                lambda a: solve(a.function, a.at, names(a.vars), a.steps), aliases=("tangent",))
