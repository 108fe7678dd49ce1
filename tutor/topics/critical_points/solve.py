"""`tutor solve critical_points` (or `critical`): every critical point, classified, with its steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sympy import Expr

from ... import calculus, steps
from ...check import names
from ...show import show
from ..base import Command
from ..solution import Solution, approx, columns, function_argument, header, read_function


def solve(function: str, region: str | None = None, variables: Sequence[str] | None = None,
          explain: bool = False) -> Solution:
    f, names = read_function(function, variables)
    result = calculus.critical_points(f, names, region)
    lines, latex = [header(f, names)], [header(f, names, True)]
    if result.region is not None:
        lines.append(f"region: {result.region.show()}")
    where = {True: "inside", False: "outside", None: None}
    if result.points:
        lines.append("critical points:")
        table = [[_point(p.point, names), where[p.inside],
                  f"{p.classification.label} ({p.classification.reason})"] for p in result.points]
        lines += ["  " + row for row in columns([[c for c in row if c is not None] for row in table])]
    if result.sets:
        lines.append("critical sets (every point on them is critical):")
    for s in result.sets:
        lines.append(f"  {', '.join(show(e, names) for e in s.equations)}: {s.description}")
    if not result.points and not result.sets:
        lines.append("no critical points: ∇f is never 0")
    if result.note:
        lines.append(f"note: {result.note}")
    answer = tuple(p.point for p in result.points) + tuple(e for s in result.sets for e in s.equations)
    latex.append(r"\text{critical points: } " + show(answer, names, latex=True))
    data = {
        "kind": "critical", "function": show(f, names), "variables": list(names),
        "region": result.region.show() if result.region else None,
        "points": [{"point": [show(c) for c in p.point], "inside": p.inside,
                    "label": p.classification.label, "D": show(p.classification.D),
                    "fxx": show(p.classification.fxx), "reason": p.classification.reason}
                   for p in result.points],
        "sets": [{"equations": [show(e, names) for e in s.equations], "inside": s.inside,
                  "description": s.description} for s in result.sets],
        "complete": result.complete, "note": result.note,
    }
    derivation = steps.critical_steps(f, names, region, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _point(point: Sequence[Expr], names: Sequence[str]) -> str:
    if len(point) == 1:
        return f"{names[0]} = {show(point[0])}{approx(point[0])}"
    return show(tuple(point))


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser)
    parser.add_argument("--region", help='a region, like "0 <= x <= 5, 0 <= y <= 5"')


SOLVE = Command("critical_points", "critical points, with an optional region and the second-derivative test",
                _arguments, lambda a: solve(a.function, a.region, names(a.vars), a.steps), aliases=("critical",))
