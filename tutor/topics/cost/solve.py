"""`tutor solve cost`: the cost of a line on data, built square by square; its value at (m, b); one
descent step on it. --mean takes the mean cost L = E/(2n) of several observations."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ... import calculus
from ...calculus.common import SolveError
from ...show import alike_notation, show
from ..base import Command
from ..least_squares.solve import data_arguments, line_points
from ..solution import Solution, approx, args, exact_data

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...steps import Step

NAMES = ("m", "b")


def solve(points: str | None = None, csv: str | None = None, x_column: str | None = None,
          y_column: str | None = None, mean: bool = False, at: str | None = None, start: str | None = None,
          rate: str | None = None, explain: bool = False) -> Solution:
    from ...steps import terms_text
    from .steps import (
        cost_change,
        descent_step_steps,
        function_steps,
        mean_terms,
        partial_written,
        typed_decimals,
        value_steps,
    )
    data, legend, decimals = line_points(points, csv, x_column, y_column)  # data like 230.1 is shown so
    if (start is None) != (rate is None):
        raise SolveError("a descent step needs both --start and --rate")
    cost = calculus.line_cost(data)
    n = len(data)

    def shown(value: object, latex: bool = False, alike: bool = False) -> str:
        return show(value, NAMES, latex=latex, decimals=decimals, alike=alike)

    def terms(values: list) -> str:
        return terms_text(values, NAMES, decimals=decimals)

    name = "L" if mean else "E"
    lines = [f"E(m, b) = Σ(mxᵢ + b − yᵢ)² on {n} points" + (f" ({legend})" if legend else "")]
    if n <= 6:
        lines += [f"({shown(t.residual)})² = {terms(list(t.terms))}" for t in cost.terms]
    lines.append(f"E(m, b) = {terms(list(cost.collected))}")
    function = cost.function / (2 * n) if mean else cost.function
    if mean:  # as the steps write it: decimal data's coefficients that do not end to 6 digits after ≈
        written, roughly = mean_terms(cost, decimals)
        lines.append(f"L(m, b) = E(m, b)/{2 * n} {'≈' if roughly else '='} {terms(list(written))}")
    # exact, its numbers alike: 7m²/200 beside 7/60, not 0.035m²
    latex = [f"{name}(m, b) = {shown(function, latex=True, alike=True)}"]
    data_out: dict[str, Any] = {"kind": "cost", "n": n, "form": "mean" if mean else "sum",
                                "cost": shown(function, alike=True)}
    derivation: Step | None = None
    if at is not None:
        point = tuple(calculus.parse_point(at, NAMES).values())
        value = cost.at(*point) / (2 * n if mean else 1)
        lines.append(f"{name}{args(point)} = {shown(value)}{approx(value)}")
        latex.append(f"{name}{args(point, True)} = {shown(value, latex=True)}")
        data_out["at"], data_out["value"] = [show(c) for c in point], exact_data(value)
        derivation = value_steps(cost, mean, point, decimals)
    if start is not None and rate is not None:
        step = calculus.mean_cost_step(data, tuple(calculus.parse_point(start, NAMES).values()), rate, average=mean)
        # a rate typed as a decimal (0.05) is data given so: echoed as typed, not 1/20, and the point it
        # leads to in decimals where they terminate, whatever the rate's denominator (2.1 and 4.2 alike); one
        # typed as a fraction (1/10) is echoed so, not 0.1, and the point in fractions (finding 788)
        stepped = decimals or "." in rate
        partials = [partial_written(d, typed_decimals(cost.points, decimals)) for d in step.gradient]
        lines += [", ".join(f"∂{name}/∂{v} {'≈' if roughly else '='} {shown(d)}"
                            for v, (d, roughly) in zip(NAMES, partials)),
                  f"∇{name}{args(step.start)} = {shown(step.slope, alike=True)}",  # as the point after it
                  f"(m₁, b₁) = {args(step.start)} − {show(step.rate, NAMES, decimals=stepped, fractions=not stepped)}·"
                  f"∇{name}{args(step.start)} = "
                  # (11/10, 11/30), not (1.1, 11/30); a rate typed as a fraction (1/20), fractions (21/10, not 2.1)
                  f"{show(step.after, NAMES, decimals=stepped, fractions=not stepped, alike=True)}",
                  cost_change(step)]
        shown_after = show(step.after, latex=True, decimals=stepped, fractions=not stepped, alike=True)
        latex.append(f"(m_1, b_1) = {shown_after}")
        # the notation of the line that shows them together
        after = alike_notation(step.after, stepped) if stepped else (False, True)
        data_out["step"] = {"start": [show(c) for c in step.start],
                            "rate": show(step.rate, decimals=stepped, fractions=not stepped),
                            "gradient": [show(g) for g in step.slope],
                            "after": [show(c, decimals=after[0], fractions=after[1]) for c in step.after],
                            # the cost at both points, in decimals where they end as the answer's last line writes
                            # them (181.36, not 4534/25 beside it: h52, N8), and that line (outside check h51, N5)
                            "cost_before": exact_data(step.cost_before, decimals=True),
                            "cost_after": exact_data(step.cost_after, decimals=True),
                            "change": lines[-1]}
        derivation = descent_step_steps(cost, step, decimals, stepped)
    if derivation is None:
        derivation = function_steps(cost, mean, decimals)
    return Solution(tuple(lines), tuple(latex), data_out, derivation if explain else None)


def _arguments(parser: argparse.ArgumentParser) -> None:
    data_arguments(parser, several=False)
    parser.add_argument("--mean", action="store_true", help="the mean cost L = E/(2n), for several observations")
    parser.add_argument("--at", help="the cost's value at m and b, like m=1/2,b=7/3")
    parser.add_argument("--start", help="one descent step on the cost from m and b, like 0,0")
    parser.add_argument("--rate", help="the learning rate α of the step, like 0.01")


SOLVE = Command("cost", "the cost of a line on data, its value at (m, b), one descent step on it", _arguments,
                lambda a: solve(a.points, a.csv, a.x, a.y, a.mean, a.at, a.start, a.rate, a.steps))

