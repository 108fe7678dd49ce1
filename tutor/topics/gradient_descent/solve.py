"""`tutor solve gradient_descent` (or `descent`): gradient descent, one row per iteration."""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence

from ... import calculus
from ...calculus import DescentRow, rates
from ...calculus.common import SolveError, exact
from ...calculus.descent import nearest_critical
from ...check import names
from ...show import latex_text, show, show_apart, show_float, show_floats, show_given, show_point_apart
from ...words import capitalized, counted
from ..base import Command
from ..solution import Solution, columns, function_argument, header, read_function

SHOWN_ROWS = 40  # a longer descent table shows its first and last rows only


def solve(function: str | None, start: str, rate: str, iterations: int | None = None,
          tolerance: float | None = None, max_iterations: int = 10_000, variables: Sequence[str] | None = None,
          points: str | None = None, explain: bool = False) -> Solution:
    from ...steps import render_text
    from .steps import ANOTHER_RATE, OVERSHOOT, descent_steps, diverged_advice, no_minimum, rose, zeroed_steps
    names: tuple[str, ...]
    if function is not None and points is None:
        f, names = read_function(function, variables)
        name = "f"
    elif points is not None and function is None:
        f, names = calculus.fit_line(calculus.points_from_text(points)).cost_function, ("m", "b")
        name = "E"  # the least-squares cost, named as the lesson, `cost` and `lstsq` name it (outside check h51, N11)
    else:
        raise SolveError("give a function, or --points for the least-squares cost E(m, b)")
    at = calculus.parse_point(start, names)
    within_bound(iterations, max_iterations)
    result = calculus.descend(f, names, tuple(at.values()), rate, iterations, tolerance,
                              max_iterations)
    slope_text = f"{name}′({names[0]}) = {show(result.gradient[0], names)}" if len(names) == 1 \
        else f"∇{name} = {show(result.gradient, names)}"
    alpha = result.rate_text if result.rate_fraction else show_given([exact(rate)])  # 1/4 as typed, 0.25 as typed
    head = [header(f, names, name=name), slope_text,
            f"start {show_given(list(at.values()))}, learning rate α = {alpha}"]
    slope = [f"{name}′"] if len(names) == 1 else [f"∂{name}/∂{n}" for n in names]
    table = [["k", *names, *slope, name]]
    rows: tuple[DescentRow | None, ...] = result.rows
    if len(rows) > SHOWN_ROWS:
        rows = rows[:SHOWN_ROWS // 2] + (None,) + rows[-SHOWN_ROWS // 2:]
    for row in rows:
        table.append(["…"] * len(table[0]) if row is None else
                     [str(row.k), *map(show_float, row.point), *map(show_float, row.gradient),
                      show_float(row.value)])
    final = result.rows[-1]
    capped = iterations is None  # the tutor's bound, not the count asked
    trial = rates.fell_short(result)
    if result.landed is not None:  # on a minimum where ∇f has none: the best a step can do, not too far
        ending = f"stopped at iteration {result.diverged_at}: {result.note}"
    elif result.at_kink:  # on a kink, where no slope says where to go next: not too far, nor too short
        ending = f"stopped at iteration {result.diverged_at}: {result.note}, so descent cannot go on; {ANOTHER_RATE}"
    elif result.escaped:  # not "diverged": nothing grew, the step jumped out of f's domain
        ending = (f"stopped at iteration {result.diverged_at}: {result.note}; the learning rate is too large: "
                  "try a smaller one")
    elif result.diverged_at is not None:
        ending = f"diverged at iteration {result.diverged_at}: {result.note}; {diverged_advice(result)}"
    else:
        slope_size = f"|{name}′|" if len(names) == 1 else "the gradient"
        if result.converged:
            ending = f"converged after {counted(final.k, 'iteration')}: {slope_size} is smaller than the tolerance"
        elif trial is not None and result.tolerance is not None:  # never reached: say so, and what it did instead
            within = (f"within {counted(final.k, 'iteration')}, the most the tutor runs (--max-iterations)"
                      if capped else f"within the {counted(final.k, 'iteration')} asked")
            length = math.hypot(*final.gradient)
            ending = (f"did not converge {within}: {f'|{name}′|' if len(names) == 1 else f'|∇{name}|'} = "
                      f"{show_apart(length, result.tolerance)} {rates.not_below(length, result.tolerance)} the "
                      f"tolerance {show_float(result.tolerance)}; {rates.short_of(trial)}")
        else:
            ending = f"stopped after {counted(final.k, 'iteration')}"
        first = result.rows[0]
        coordinates = show_point_apart(final.point, first.point)
        reached = coordinates[0] if len(coordinates) == 1 else f"({', '.join(coordinates)})"
        ending += f"; the point is {reached}, where {name} = {show_apart(final.value, first.value)}"
        if result.converged and (nearest := nearest_critical(result)) is not None and nearest.not_minimum:
            # as its last step and `rates` say it: "converged" alone was read as a minimum found (h58, F2)
            ending += f"; {render_text(no_minimum(nearest, names))}"
        if rose(result):
            ending += f": {name} went up from {show_apart(first.value, final.value)} at the start, so {OVERSHOOT}"
        elif result.tolerance is None and (how := rates.bounced(result)):
            ending += f": {how}, so {OVERSHOOT}"
    # the same sentences as the steps' (a coordinate taken as 0), so the table and the steps agree
    zeroed = [render_text(step) for step in zeroed_steps(result)]
    lines = [*head, "", *columns(table, right=0), "", *zeroed, ending]
    k, end, value = result.end
    latex = [header(f, names, True, name), rf"x_{{{k}}} = {show_floats(end)},\quad {name} = {show_float(value)}"]
    data = {"kind": "descent", "function": show(f, names), "variables": list(names),
            "rate": result.rate, "tolerance": result.tolerance, "converged": result.converged,
            # a step that landed on a minimum where ∇f has no value did not diverge: it reached the minimum
            "diverged_at": None if result.landed is not None else result.diverged_at,
            "reached_minimum_at": result.diverged_at if result.landed is not None else None, "note": result.note,
            "behaviour": None if trial is None else str(trial.behaviour), "ending": ending,
            "zeroed": dict(result.zeroed),
            "rows": [{"k": r.k, "point": list(r.point), "gradient": list(r.gradient), "value": r.value}
                     for r in result.rows]}
    derivation = descent_steps(f, names, None, None, result=result, capped=capped, name=name) \
        if explain else None
    # how it ended, in words after the maths: the point alone read as a minimum found (outside check h61, N5)
    return Solution(tuple(lines), tuple(latex), data, derivation, latex_words=(latex_text(f"{capitalized(ending)}."),))


def within_bound(iterations: int | None, max_iterations: int) -> None:
    """--iterations past --max-iterations is refused, naming both: cut to the bound, the run's ending
    ("stopped after 10000 iterations") read as if that were the count asked."""
    if iterations is not None and iterations > max_iterations:
        raise SolveError(f"--iterations {iterations} is more than the most the tutor runs, --max-iterations "
                         f"{max_iterations}: ask for fewer, or raise --max-iterations")


def descent_arguments(parser: argparse.ArgumentParser) -> None:
    """The function (or --points, for the least-squares cost), the start, the rate and when to stop."""
    function_argument(parser, "e^x - ln x", optional=True)
    parser.add_argument("--start", required=True, help="the start point, like 0.5,0.6")
    parser.add_argument("--rate", required=True, help="the learning rate α, like 0.05")
    parser.add_argument("--iterations", type=int, help="how many steps (default: until the gradient is small)")
    parser.add_argument("--tolerance", type=float, help="stop when the gradient is shorter than this")
    parser.add_argument("--max-iterations", type=int, default=10_000, help="at most this many steps")


def _arguments(parser: argparse.ArgumentParser) -> None:
    descent_arguments(parser)
    parser.add_argument("--points", help='data points, like "(1,2), (2,5), (3,3)"')


SOLVE = Command("gradient_descent", "gradient descent, one row per iteration", _arguments,
                lambda a: solve(a.function, a.start, a.rate, a.iterations, a.tolerance, a.max_iterations,
                                names(a.vars), a.points, a.steps),
                aliases=("descent",))
