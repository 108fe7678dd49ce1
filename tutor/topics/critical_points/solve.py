"""`tutor solve critical_points` (or `critical`): every critical point and critical line, classified,
with what lies in a window (`--region`) apart from what lies outside it, and the steps."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import CriticalPoint, CriticalSet, Found, Nature, Piece
from ...calculus.classified import EVERYWHERE
from ...calculus.kinks import Stretch, between_text
from ...calculus.region import interval_text
from ...check import names
from ...show import latex_text, show
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
    # the LaTeX says what the text says, line for line, from the same data: a bare set beside it dropped every
    # qualifier the text carries ("may be missing", stretches, a period, holes, the region; finding 780)
    lines = [header(f, names)] + answer_lines(result, stretches, names, _Form(names, latex=False))
    latex = answer_lines(result, stretches, names, _Form(names, latex=True))
    data: dict[str, Any] = {
        "kind": "critical", "function": show(f, names), "variables": list(names),
        "region": result.region.show() if result.region else None,
        "points": [{"point": [show(c) for c in p.point], "inside": p.inside, "nature": p.nature,
                    # the second-derivative test's label, which f's values may overrule in `nature`; D is f″ in one
                    # variable, given as fxx alone (outside check h48, N8)
                    "label": p.classification.label, "D": _number(p.classification.D) if len(names) > 1 else None,
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
    return Solution(tuple(lines), (header(f, names, True),), data, derivation, latex_words=tuple(latex))


@dataclass(frozen=True)
class _Form:
    """How the answer's lines write maths and words: Unicode, or LaTeX text with $…$ maths."""
    names: Sequence[str]
    latex: bool

    def math(self, value: object) -> str:
        return self.wrap(show(value, self.names, latex=self.latex))

    def words(self, text: str) -> str:
        return latex_text(text) if self.latex else text

    def wrap(self, maths: str) -> str:
        return f"${maths}$" if self.latex else maths

    def named(self, name: str, value: Expr) -> str:
        """'f = 85', as one piece of maths."""
        return self.wrap(f"{name} = {show(value, self.names, latex=self.latex)}")

    @property
    def indent(self) -> str:
        return r"\quad " if self.latex else "  "

    def rows(self, table: list[list[str]]) -> list[str]:
        """A table's rows, in columns in the text; LaTeX lines up nothing, it spaces."""
        return [self.indent + row for row in columns(table)] if not self.latex else \
            [self.indent + r" \quad ".join(row) for row in table]


def answer_lines(result: calculus.CriticalPoints, stretches: Sequence[Stretch] | None, names: Sequence[str],
                 form: _Form) -> list[str]:
    """The answer after f's line: what lies in the region and outside it, each point and set classified, the
    stretches where f is constant, and the note of what may be missing."""
    shown = [] if not stretches else _stretch_lines(stretches, names[0], result.region, form)
    stretches_title = form.words(STRETCHES)
    lines = []
    if result.region is None:
        lines += found_lines(result.inside, names, "critical points:",
                             "critical sets (every point on them is critical):", inside=None, form=form)
        lines += [line for line, inside in shown]
        if not result.points and not result.sets and not shown:  # "never" only where every case was solved
            slope = "f′" if len(names) == 1 else "∇f"
            holes = [f"{names[0]} = {show(p[0])}" if len(p) == 1 else show(p) for p in result.holes]
            # x(x² + y²)/x: ∇f's formula is 0 at (0, 0), where f has no value
            never = f"is 0 only where f has no value: at {and_list(holes)}" if holes else "is never 0"
            lines.append(form.words(f"no critical points: {slope} {never}" if result.complete
                                    else "no critical points found"))
    else:
        lines.append(f"region: {form.wrap(result.region.show(latex=form.latex))}")
        inside, outside = result.inside, result.outside
        lines += found_lines(inside, names, "critical points in the region:",
                             "critical sets in the region (every point on them is critical):", inside=True, form=form)
        if any(inside for _, inside in shown):
            lines += [stretches_title.replace(":", " in the region:")] + [line for line, inside in shown if inside]
        if not inside.points and not inside.sets and not any(inside for _, inside in shown):
            lines.append("no critical points in the region")
        if outside.points or outside.sets:
            lines += found_lines(outside, names, "outside the region:", "critical sets outside the region:",
                                 inside=False, form=form)
        if any(not inside for _, inside in shown):
            lines += [stretches_title.replace(":", " outside the region:")] + [line for line, inside in shown
                                                                              if not inside]
    if result.note:
        lines.append(form.words(f"note: {result.note}"))
    return lines


def _number(value: Expr) -> str | None:
    """A second derivative's value; None where the point has none (a kink, or f″ infinite there)."""
    return None if value is sympy.nan else show(value)


STRETCHES = "critical stretches (f′ = 0 all along each):"


def _stretch_lines(stretches: Sequence[Stretch], x: str, region: calculus.Region | None,
                   form: _Form) -> list[tuple[str, bool]]:
    """Each stretch, the part in the region where there is one, and whether it is in it: f is constant
    near each of its points, so each is a local minimum and a local maximum (neither strict)."""
    lines = [] if region is not None else [(form.words(STRETCHES), True)]
    for s in stretches:
        part: sympy.Set = sympy.Interval.open(s.low, s.high)
        if region is not None:
            part = part.intersect(region.extent(())[1] or sympy.S.Reals)
        whole = part.is_empty or part == sympy.Interval.open(s.low, s.high)
        where = between_text(s.low, s.high, x) if whole else interval_text(part, x)
        lines.append((f"{form.indent}{form.words(where)}: {form.named('f', s.polynomial)} all along it; each point "
                      "both a local minimum and a local maximum, since f is constant near it", not part.is_empty))
    return lines


def found_lines(found: Found, names: Sequence[str], points_title: str, sets_title: str,
                inside: bool | None, form: _Form) -> list[str]:
    """The points, each with its class and why, then the sets, each with the class of its points."""
    lines = []
    if found.points:
        lines.append(form.words(points_title))
        table = [[_point(p.point, names, form), form.words(f"{p.nature} ({reason(p)})")] for p in found.points]
        lines += form.rows(table)
    if found.sets:
        lines.append(form.words(sets_title))
    for s in found.sets:
        if s.kind == EVERYWHERE:  # f constant: its equation 0 = 0 says nothing to a student
            lines.append(f"{form.indent}{form.words(s.description)}")
            continue
        equations = ", ".join(form.math(e) for e in s.equations)
        # a curve the box cuts, its classes the same all along it: the part in the box (x² + y² = 1 where …)
        part = f" where {s.where}" if inside and s.where and s.pieces_inside and all(
            p.along is None for p in s.pieces_inside) else ""
        lines.append(f"{form.indent}{equations}{form.words(s.except_holes + part)}: {_set_text(s, inside, form)}")
    return lines


def _set_text(s: CriticalSet, inside: bool | None, form: _Form) -> str:
    pieces = s.pieces_inside if inside else s.pieces
    if inside is False or not pieces:  # the equations are said before it
        return form.words(s.detail or s.description)
    value = f"{form.named('f', s.value)} all along it; " if s.value is not None else ""
    natures = "; ".join(f"{PLURALS[p.nature]} {where(p)}" for p in pieces)
    return value + form.words(natures)


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


def _point(point: Sequence[Expr], names: Sequence[str], form: _Form) -> str:
    if len(point) == 1:
        return form.named(names[0], point[0]) + form.words(approx(point[0]))
    return form.math(tuple(point))


def region_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", help='a window, like "0 <= x <= 5, 0 <= y <= 5": what lies outside it is '
                                         "reported apart")


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser)
    region_argument(parser)


SOLVE = Command("critical_points", "critical points and lines, classified, with an optional window (--region)",
                _arguments, lambda a: solve(a.function, a.region, names(a.vars), a.steps), aliases=("critical",))
