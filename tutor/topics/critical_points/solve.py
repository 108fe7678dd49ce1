"""`tutor solve critical_points` (or `critical`): every critical point and critical line, classified,
with what lies in a window (`--region`) apart from what lies outside it, and the steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import CriticalPoint, CriticalSet, Found, Nature, Piece
from ...calculus.kinks import Stretch, between_text
from ...calculus.region import interval_text
from ...check import names
from ...show import show
from ...words import and_list
from ..base import Command
from ..solution import Solution, approx, columns, function_argument, header, read_function

PLURALS = {Nature.MINIMUM: "minima", Nature.MAXIMUM: "maxima", Nature.SADDLE: "saddle points",
           Nature.NEITHER: "neither minima nor maxima", Nature.UNDECIDED: "undecided",
           Nature.INCONCLUSIVE: "undecided"}


def solve(function: str, region: str | None = None, variables: Sequence[str] | None = None,
          explain: bool = False) -> Solution:
    from ... import steps
    f, names = read_function(function, variables)
    result = calculus.critical_points(f, names, region)
    stretches = result.level.stretches if result.level is not None else None  # min(x², 1): x < -1 and x > 1
    lines, latex = [header(f, names)], [header(f, names, True)]
    shown = [] if not stretches else _stretch_lines(stretches, names[0], result.region)
    if result.region is None:
        lines += found_lines(result.inside, names, "critical points:",
                             "critical sets (every point on them is critical):", inside=None)
        lines += [line for line, inside in shown]
        if not result.points and not result.sets and not shown:  # "never" only where every case was solved
            slope = "f′" if len(names) == 1 else "∇f"
            holes = [f"{names[0]} = {show(p[0])}" if len(p) == 1 else show(p) for p in result.holes]
            # x(x² + y²)/x: ∇f's formula is 0 at (0, 0), where f has no value
            never = f"is 0 only where f has no value: at {and_list(holes)}" if holes else "is never 0"
            lines.append(f"no critical points: {slope} {never}" if result.complete else "no critical points found")
    else:
        lines.append(f"region: {result.region.show()}")
        inside, outside = result.inside, result.outside
        lines += found_lines(inside, names, "critical points in the region:",
                             "critical sets in the region (every point on them is critical):", inside=True)
        if any(inside for _, inside in shown):
            lines += [STRETCHES.replace(":", " in the region:")] + [line for line, inside in shown if inside]
        if not inside.points and not inside.sets and not any(inside for _, inside in shown):
            lines.append("no critical points in the region")
        if outside.points or outside.sets:
            lines += found_lines(outside, names, "outside the region:", "critical sets outside the region:",
                                 inside=False)
        if any(not inside for _, inside in shown):
            lines += [STRETCHES.replace(":", " outside the region:")] + [line for line, inside in shown
                                                                        if not inside]
    if result.note:
        lines.append(f"note: {result.note}")
    # a set that needs several equations (x = 0, y = 0 of xyz) is written with all of them, as a set of its own
    answer = tuple(p.point for p in result.inside.points) + tuple(s.equations if s.also else s.equation
                                                                  for s in result.inside.sets)
    latex.append(r"\text{critical points: } " + show(answer, names, latex=True))
    data: dict[str, Any] = {
        "kind": "critical", "function": show(f, names), "variables": list(names),
        "region": result.region.show() if result.region else None,
        "points": [{"point": [show(c) for c in p.point], "inside": p.inside, "nature": p.nature,
                    "label": p.classification.label, "D": _number(p.classification.D),
                    "fxx": _number(p.classification.fxx), "reason": reason(p)}
                   for p in result.points],
        "sets": [{"equations": [show(e, names) for e in s.equations], "inside": s.inside, "nature": s.nature,
                  "value": None if s.value is None else show(s.value), "description": s.description,
                  "pieces": [{"where": piece.show(), "nature": piece.nature, "reason": piece.reason}
                             for piece in _pieces(s)]} for s in result.sets],
        "complete": result.complete, "note": result.note,
    }
    if stretches:  # each open stretch where f is constant: f′ = 0 all along it
        data["stretches"] = [{"where": between_text(s.low, s.high, names[0]), "value": show(s.polynomial),
                              "nature": "minimum and maximum"} for s in stretches]
    derivation = steps.critical_steps(f, names, region, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _number(value: Expr) -> str | None:
    """A second derivative's value; None where the point has none (a kink, or f″ infinite there)."""
    return None if value is sympy.nan else show(value)


STRETCHES = "critical stretches (f′ = 0 all along each):"


def _stretch_lines(stretches: Sequence[Stretch], x: str, region: calculus.Region | None) -> list[tuple[str, bool]]:
    """Each stretch, the part in the region where there is one, and whether it is in it: f is constant
    near each of its points, so each is a local minimum and a local maximum (neither strict)."""
    lines = [] if region is not None else [(STRETCHES, True)]
    for s in stretches:
        part: sympy.Set = sympy.Interval.open(s.low, s.high)
        if region is not None:
            part = part.intersect(region.extent(())[1] or sympy.S.Reals)
        whole = part.is_empty or part == sympy.Interval.open(s.low, s.high)
        where = between_text(s.low, s.high, x) if whole else interval_text(part, x)
        lines.append((f"  {where}: f = {show(s.polynomial)} all along it; each point both a local minimum and "
                      "a local maximum, since f is constant near it", not part.is_empty))
    return lines


def found_lines(found: Found, names: Sequence[str], points_title: str, sets_title: str,
                inside: bool | None) -> list[str]:
    """The points, each with its class and why, then the sets, each with the class of its points."""
    lines = []
    if found.points:
        lines.append(points_title)
        table = [[_point(p.point, names), f"{p.nature} ({reason(p)})"] for p in found.points]
        lines += ["  " + row for row in columns(table)]
    if found.sets:
        lines.append(sets_title if found.points or inside is None else points_title)
    for s in found.sets:
        lines.append(f"  {', '.join(show(e, names) for e in s.equations)}{s.except_holes}: {_set_text(s, inside)}")
    return lines


def _set_text(s: CriticalSet, inside: bool | None) -> str:
    pieces = s.pieces_inside if inside else s.pieces
    if inside is False or not pieces:  # the equations are said before it
        return s.detail or s.description
    value = f"f = {show(s.value)} all along it; " if s.value is not None else ""
    natures = "; ".join(f"{PLURALS[p.nature]} {where(p)}" for p in pieces)
    return value + natures


def where(piece: Piece) -> str:
    """'where 0 ≤ y ≤ 5', or 'all along it'."""
    text = piece.show()
    return "all along it" if piece.along is None or text.startswith("every ") else f"where {text}"


def _pieces(s: CriticalSet) -> tuple:
    return s.pieces_inside if s.inside is not None else s.pieces


def reason(p: CriticalPoint) -> str:
    """Why the point is what it is: the test, or where it can't decide, f's values."""
    return p.by_values.reason if p.by_values is not None and p.classification.label == Nature.INCONCLUSIVE \
        else p.classification.reason


def _point(point: Sequence[Expr], names: Sequence[str]) -> str:
    if len(point) == 1:
        return f"{names[0]} = {show(point[0])}{approx(point[0])}"
    return show(tuple(point))


def region_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", help='a window, like "0 <= x <= 5, 0 <= y <= 5": what lies outside it is '
                                         "reported apart")


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser)
    region_argument(parser)


SOLVE = Command("critical_points", "critical points and lines, classified, with an optional window (--region)",
                _arguments, lambda a: solve(a.function, a.region, names(a.vars), a.steps), aliases=("critical",))
