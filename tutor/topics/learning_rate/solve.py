"""`tutor solve learning_rate` (or `rates`): the same descent with several learning rates, side by side,
what each one does, and the best."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ... import calculus
from ...calculus.common import SolveError
from ...calculus.rates import DEFAULT_TOLERANCE, gradient_size
from ...check import names
from ...show import latex_text, show, show_float, show_floats
from ...words import and_list, counted
from ..base import Command
from ..solution import Solution, columns, function_argument, header, read_function

SHOWN_ROWS = 12  # a longer table shows its first rows and its last


def solve(function: str, start: str, rates: str, iterations: int, tolerance: float = DEFAULT_TOLERANCE,
          variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    from .steps import WHAT, apart_ends, rates_steps, reason
    f, names = read_function(function, variables)
    at = tuple(calculus.parse_point(start, names).values())
    result = calculus.compare_rates(f, names, at, rates_given(rates), iterations, tolerance)
    size = gradient_size(names)
    table = [["k", *(f"α = {t.descent.rate_text}" for t in result.trials)]]
    last = max(len(t.descent.rows) for t in result.trials) - 1
    for k in range(last + 1):
        if SHOWN_ROWS - 1 <= k < last:
            if k == SHOWN_ROWS - 1:
                table.append(["…"] * len(table[0]))
            continue
        table.append([str(k), *(_cell(t, k) for t in result.trials)])
    lines = [header(f, names), f"start {show_floats(result.start)}, {counted(iterations, 'step')}; "
             f"converged means {size} < {show_float(tolerance)}; each cell: the point, and {size} there", "",
             *columns(table, right=0), ""]
    reasons = [reason(t, names) for t in result.trials]
    lines += [f"α = {t.descent.rate_text}: {'goes downhill' if t.nowhere else WHAT[t.behaviour]} ({why})"
              for t, why in zip(result.trials, reasons)]
    best = result.best_rate
    if result.apart:  # the fewest steps compared ends that are not the same answer: say where each one is
        lines.append(f"the rates that converge do not end in the same minimum: {apart_ends(result)}")
    lines.append(best_line(result))
    latex = [header(f, names, True)] + [rf"\alpha = {t.descent.rate_text}: \text{{{t.word}}}"
                                        for t in result.trials]
    data = {"kind": "learning_rate", "function": show(f, names), "steps": iterations, "tolerance": tolerance,
            "trials": [{"rate": t.rate, "behaviour": str(t.behaviour), "iterations": t.iterations, "reason": why,
                        "no_minimum": t.stalls} for t, why in zip(result.trials, reasons)], "best": best,
            "tied": [result.trials[i].rate for i in result.best_rates if i != result.best],
            "apart": result.apart}
    derivation = rates_steps(result, ", ".join(str(t.behaviour) for t in result.trials)) if explain else None
    best_said = best_line(result)  # "best: …" or "no rate …": after the maths too, where the LaTeX named none (h61)
    return Solution(tuple(lines), tuple(latex), data, derivation,
                    latex_words=(latex_text(f"{best_said[:1].upper()}{best_said[1:]}."),))


def rates_given(text: str) -> list[str]:
    """The rates of --rates, each as typed; an empty one (0.1,,0.5) refused, where it was dropped unsaid."""
    rates = [rate.strip() for rate in text.split(",")]
    if (empty := next((i for i, rate in enumerate(rates) if not rate), None)) is not None:
        raise SolveError(f"can't read the rates '{text.strip()}': rate {empty + 1} is empty; write them with one "
                         f"comma between each, like 0.1,0.5")
    return rates


def best_line(result: calculus.LearningRates) -> str:
    """'best: α = 0.4'; rates as fast said as a tie, never one of them as better than the others."""
    if result.best is None:
        if any(t.stalls for t in result.trials):
            return "no rate converges to a minimum within the steps"
        if all(t.descent.fell for t in result.trials):  # x³ from -1: no rate too large; f has no minimum that way
            return "no rate converges: f fell without bound at every step at each rate, so down this path f has no " \
                   "minimum to find"
        if all(t.nowhere or t.descent.fell for t in result.trials) and (why := next(
                (t.nowhere for t in result.trials if t.nowhere), "")):
            return f"no rate converges: {why}"
        return "no rate converges within the steps"
    rates = [f"α = {result.trials[i].descent.rate_text}" for i in result.best_rates]
    if len(rates) == 1:
        return f"best: {rates[0]}"
    k = result.trials[result.best].iterations
    return f"best: {and_list(rates)}, tied ({'both' if len(rates) == 2 else 'each'} converge in {k} steps)"


def _cell(trial: calculus.RateTrial, k: int) -> str:
    from .steps import ENDED
    rows = trial.descent.rows
    if k >= len(rows):
        return ENDED[trial.behaviour]
    row = rows[k]
    return f"{show_floats(row.point)} ({show_float(sum(g * g for g in row.gradient) ** 0.5)})"



def rates_arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2")
    parser.add_argument("--start", required=True, help="the start point, like 1 or 0.5,0.6")
    parser.add_argument("--rates", required=True, help="the learning rates to compare, like 1.1,0.001,0.5,0.9")
    parser.add_argument("--iterations", type=int, required=True, help="how many steps each descent may take")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE,
                        help=f"converged when the gradient is shorter than this (default {DEFAULT_TOLERANCE:g})")


SOLVE = Command("learning_rate", "the same descent with several learning rates, side by side, and the best",
                rates_arguments, lambda a: solve(a.function, a.start, a.rates, a.iterations, a.tolerance,
                                                 names(a.vars), a.steps), aliases=("rates",))
