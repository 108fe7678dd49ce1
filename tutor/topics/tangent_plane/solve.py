"""`tutor solve tangent_plane` (or `tangent`): the tangent plane at a point, with its steps; for a function
of one variable, the tangent line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ... import calculus
from ...check import names
from ...show import show, terms_text
from ..base import Command
from ..solution import Solution, args, function_argument, header, read_function, read_point


def solve(function: str, at: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    from .steps import tangent_steps
    f, names = read_function(function, variables)
    if not names:  # a constant's graph is a flat line, its own tangent: there is no point to ask for
        raise calculus.SolveError(f"f = {show(f)} has no variable: its graph is the line y = {show(f)}, which is its "
                                  "own tangent line at every point")
    result = calculus.tangent_plane(f, names, read_point(at, names))
    # the lesson's form, f(a, b) first: z = 20 + 4(x - 2) + 8(y - 4); y = 8 + 12(x - 2) for a line
    lesson_form = f"{show(result.equation.lhs)} = {terms_text(result.terms, names)}"
    what = f"tangent line at {names[0]} = {show(result.point[0])}" if result.line else \
        f"tangent plane at {args(result.point)}"
    simplified = show(result.equation, names)
    # z = 1 at (0, 0) of e^(xy) is said once, not again as what it simplifies to (outside check h51, N13)
    lines = [header(f, names), f"{what}: {lesson_form}"]
    if simplified != lesson_form:
        lines.append(simplified)
    latex = [header(f, names, True), show(result.equation, names, latex=True)]
    shape = "line" if result.line else "plane"
    data = {"kind": "tangent", "function": show(f, names), "variables": list(names),
            "point": [show(p) for p in result.point], "value": show(result.value),
            "partials": [show(p) for p in result.partials], shape: simplified, "through_point": lesson_form,
            f"{shape}_latex": show(result.equation, names, latex=True)}
    derivation = tangent_steps(f, names, None, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--at", required=True, help="the point, like x=2,y=4")


SOLVE = Command("tangent_plane", "the tangent plane at a point (the tangent line, for one variable)", _arguments,
                lambda a: solve(a.function, a.at, names(a.vars), a.steps), aliases=("tangent",))
