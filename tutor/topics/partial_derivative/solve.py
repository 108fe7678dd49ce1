"""`tutor solve partial_derivative` (or `partial`): ∂f/∂x, optionally at a point, with its steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ... import calculus
from ...calculus.common import SolveError, describe, order_variables
from ...calculus.partials import corners, definition_said
from ...check import names
from ...show import show
from ..base import Command
from ..solution import (
    Solution,
    approx,
    args,
    exact_data,
    function_argument,
    header,
    off_corners,
    read_function,
    read_point,
)


def solve(function: str, wrt: str | None = None, at: str | None = None,
          variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    from ... import steps
    f, names = read_function(function, variables)
    if wrt is None:
        if len(names) != 1:
            raise SolveError(f"say which variable to differentiate by, with --wrt ({describe(names)})")
        wrt = names[0]
    if wrt not in names:  # x of y³: f is a function of x too, its variables in the lesson's order, x first
        if not (len(wrt) == 1 and wrt.isalpha() and wrt != "e") and wrt not in (variables or ()):
            # `--wrt xy`, `--wrt sin`, `--wrt 2` took f as a function of a new "variable" and said 0
            why = ": e is Euler's number" if wrt == "e" else \
                "; a name of several letters is one only where --vars names it" if wrt.isalpha() else ""
            raise SolveError(f"--wrt {wrt!r} is not a variable of f ({describe(names)}){why}")
        names = (*names, wrt) if variables else order_variables((*names, wrt))
    point = read_point(at, names) if at else None
    result = calculus.partial(f, wrt, point, names)
    insides = corners([result.derivative])
    lines = [header(f, names), f"{_d(names, wrt)} = {show(result.derivative, names)}{off_corners(insides, names)}"]
    latex = [header(f, names, True), f"{_d(names, wrt, True)} = {show(result.derivative, names, latex=True)}"
                                     f"{off_corners(insides, names, True)}"]
    data: dict[str, Any] = {"kind": "partial", "function": show(f, names), "variables": list(names), "wrt": wrt,
                            "derivative": show(result.derivative, names),
                            "derivative_latex": show(result.derivative, names, latex=True),
                            "holds_where": [f"{show(u, names)} ≠ 0" for u in insides]}
    if result.at is not None:
        at_point = tuple(result.at.values())
        lines.append(f"{_d(names, wrt)}{args(at_point)} = {show(result.value)}{approx(result.value)}"
                     + (f": {definition_said(result.definition, result.value)}" if result.definition else ""))
        latex.append(f"{_d(names, wrt, True)}{args(at_point, True)} = {show(result.value, latex=True)}")
        data["at"] = {k: show(v) for k, v in result.at.items()}
        data["value"] = exact_data(result.value)
        if result.definition:
            data["from_definition"] = f"{result.definition} = {show(result.value)}"
    derivation = None
    if explain and result.at is not None and result.value is not None:
        from .steps import partial_at_steps
        derivation = partial_at_steps(f, wrt, names, tuple(result.at.values()), result.value, result.definition)
    elif explain:
        derivation = steps.derivative_steps(f, wrt, names)
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _d(variables: Sequence[str], wrt: str, latex: bool = False) -> str:
    if latex:
        return rf"\frac{{\partial f}}{{\partial {wrt}}}" if len(variables) > 1 else rf"\frac{{df}}{{d{wrt}}}"
    return f"∂f/∂{wrt}" if len(variables) > 1 else f"df/d{wrt}"


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser)
    parser.add_argument("--wrt", help="the variable to differentiate by")
    parser.add_argument("--at", help="a point, like x=2,y=3")


SOLVE = Command("partial_derivative", "a partial derivative, optionally at a point", _arguments,
                lambda a: solve(a.function, a.wrt, a.at, names(a.vars), a.steps), aliases=("partial",))
