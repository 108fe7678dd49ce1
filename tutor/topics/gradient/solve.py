"""`tutor solve gradient`: ∇f, optionally at a point, with its steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ... import calculus
from ...calculus.partials import corners, definition_said
from ...check import names
from ...show import show
from ..base import Command
from ..solution import (
    Solution,
    args,
    exact_data,
    function_argument,
    header,
    off_corners,
    read_function,
    read_point,
)


def solve(function: str, at: str | None = None, variables: Sequence[str] | None = None,
          explain: bool = False) -> Solution:
    from .steps import gradient_steps
    f, names = read_function(function, variables)
    point = read_point(at, names) if at else None
    result = calculus.gradient(f, names, point)
    insides = corners(result.components)
    lines = [header(f, names), f"∇f = {show(result.components, names)}{off_corners(insides, names)}"]
    latex = [header(f, names, True),
             rf"\nabla f = {show(result.components, names, latex=True)}{off_corners(insides, names, True)}"]
    data: dict[str, Any] = {"kind": "gradient", "function": show(f, names), "variables": list(names),
                            "gradient": [show(c, names) for c in result.components],
                            "holds_where": [f"{show(u, names)} ≠ 0" for u in insides]}
    if result.at is not None and result.values is not None:
        at_point = tuple(result.at.values())
        lines.append(f"∇f{args(at_point)} = {show(result.values)}")
        lines += [f"∂f/∂{v}{args(at_point)} = {show(value)}: {definition_said(definition, value)}"
                  for v, value, definition in zip(names, result.values, result.definitions) if definition]
        latex.append(rf"\nabla f{args(at_point, True)} = {show(result.values, latex=True)}")
        data["at"] = {k: show(v) for k, v in result.at.items()}
        data["values"] = [exact_data(v) for v in result.values]
        if any(result.definitions):
            data["from_definition"] = {v: f"{d} = {show(value)}" for v, value, d
                                       in zip(names, result.values, result.definitions) if d}
    derivation = gradient_steps(f, names, point, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser)
    parser.add_argument("--at", help="a point, like x=2,y=3")


SOLVE = Command("gradient", "the gradient, optionally at a point", _arguments,
                lambda a: solve(a.function, a.at, names(a.vars), a.steps))
