"""The derivation of a choice of learning rate: the same descent with each rate, side by side, then
what each rate did, and the best of them (the lesson: there is no rule that gives the best rate)."""

from __future__ import annotations

from collections.abc import Mapping

from ...calculus import Behaviour, LearningRates, RateTrial
from ...show import show_float, show_floats
from ...steps import Step, StepRule, render_text, step
from ...words import and_list
from ..gradient_descent.steps import DescentRule, no_minimum

SHOWN_ROWS = 4  # rows of the side-by-side table at the start; the last row is always shown


class RateRule(StepRule):
    LEARNING_RATES = "learning_rates"
    TABLE = "table"
    HEADER = "header"
    ROW = "row"
    GAP = "gap"
    VERDICT = "verdict"
    APART = "apart"
    BEST = "best"
    TIED = "tied"
    NO_BEST = "no_best"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    # the answer named as one ("…with each learning rate: 0.05" read as if every rate were 0.05, and "…from 0.05:
    # 0.05" as a second start; outside checks h35, F1, and h37)
    RateRule.LEARNING_RATES: ("The learning rates compared over {steps} steps of gradient descent on {f} = {before} "
                              "from {start}, and the answer: {after}"),
    RateRule.TABLE: ("The descents side by side, one column per rate: the point after k steps, and "
                     "|{slope_of_f}| there in brackets:"),
    RateRule.HEADER: "{cells}",
    RateRule.ROW: "{cells}",
    RateRule.GAP: "…",
    RateRule.VERDICT: "{alpha} = {rate} {behaviour}: {reason}.",
    RateRule.APART: ("The rates that converge do not end in the same minimum: {ends}. How fast a rate converges says "
                     "nothing of which minimum it ends in."),
    RateRule.BEST: ("The best rate is {alpha} = {rate}: it converges in the fewest steps ({k}). No rule gives the "
                    "best rate in advance: you try several and compare."),
    RateRule.TIED: ("The best rates are {alpha} = {rates:list}, tied: each converges in the fewest steps ({k}). No "
                    "rule gives the best rate in advance: you try several and compare."),
    RateRule.NO_BEST: ("None of the rates converges {stalls:to a minimum within|within} {steps} steps, so none is "
                       "best here."),
}

WHAT = {Behaviour.CONVERGES: "converges", Behaviour.OSCILLATES: "oscillates", Behaviour.DIVERGES: "diverges",
        Behaviour.TOO_SLOW: "is too slow"}
ENDED = {Behaviour.CONVERGES: "converged", Behaviour.DIVERGES: "diverged", Behaviour.OSCILLATES: "",
         Behaviour.TOO_SLOW: ""}  # what a run's cells say after it has stopped
_K = 8  # the row's label, k = 12: (wider where the last k is longer, so a cell never runs into it)


def reason(trial: RateTrial, variables: tuple[str, ...]) -> str:
    """Why the rate is judged so; where it converges to no minimum, what it converges to, as descent says it."""
    if trial.stalls and trial.nearest is not None:
        return f"{trial.reason}; {render_text(no_minimum(trial.nearest, variables))}"
    return trial.reason


def apart_ends(result: LearningRates) -> str:
    """Where each rate that converges ends, where they do not end in the same minimum: 'α = 0.05 at 1.13089
    (f = -1.07023) and α = 0.1 at -1.300845 (f = -3.51391)'."""
    return and_list([f"α = {t.descent.rate_text} at {show_floats(t.descent.end[1])} "
                     f"(f = {show_float(t.descent.end[2])})"
                     for t in result.trials if t.behaviour == Behaviour.CONVERGES and not t.stalls])


def table_steps(result: LearningRates) -> Step:
    """One row per iteration: each rate's point and |∇f| there, until the run stopped; each column as wide as
    its widest cell, so that a rate is read down its column (outside check h51, N10)."""
    trials = result.trials
    last = max(len(t.descent.rows) for t in trials) - 1
    label = max(_K, len(f"k = {last}: "))
    header = [f"α = {t.descent.rate_text}" for t in trials]
    shown = {k: [_cell(t, k) for t in trials] for k in range(last + 1) if not SHOWN_ROWS <= k < last}
    widths = [max(len(cells[i]) for cells in (header, *shown.values())) for i in range(len(trials))]

    def line(start: str, cells: list[str]) -> str:
        return (start.ljust(label) + " ".join(c.ljust(w) for c, w in zip(cells, widths))).rstrip()

    rows = [step(RateRule.HEADER, cells=line("", header))]
    for k, cells in shown.items():
        if k == last > SHOWN_ROWS:  # the rows left out, before the last
            rows.append(step(RateRule.GAP))
        rows.append(step(RateRule.ROW, k=k, cells=line(f"k = {k}:", cells)))
    return step(RateRule.TABLE, None, None, rows)


def _cell(trial: RateTrial, k: int) -> str:
    """A rate's point after k steps and |∇f| there; after its run stopped, what it did."""
    run = trial.descent.rows
    if k >= len(run):
        return ENDED[trial.behaviour]
    return f"{show_floats(run[k].point)} ({show_float(sum(g * g for g in run[k].gradient) ** 0.5)})"


def rates_steps(result: LearningRates, answer: object) -> Step:
    """The slope, the update rule, the table, each rate's verdict, the best; `answer` is the root's after."""
    run = result.trials[0].descent
    substeps = [step(DescentRule.SLOPE, None, run.gradient),
                step(DescentRule.UPDATE_RULE), table_steps(result)]
    substeps += [step(RateRule.VERDICT, rate=t.descent.rate_text, behaviour=WHAT[t.behaviour],  # 1/2 as typed
                      reason=reason(t, result.variables)) for t in result.trials]
    if result.apart:
        substeps.append(step(RateRule.APART, ends=apart_ends(result)))
    if result.best is None:
        substeps.append(step(RateRule.NO_BEST, steps=result.steps, stalls=any(t.stalls for t in result.trials)))
    elif result.tied:
        substeps.append(step(RateRule.TIED, rates=tuple(result.trials[i].descent.rate_text for i in result.best_rates),
                             k=result.trials[result.best].iterations))
    else:
        best = result.trials[result.best]
        substeps.append(step(RateRule.BEST, rate=best.descent.rate_text, k=best.iterations))
    start = result.start[0] if len(result.start) == 1 else result.start
    return step(RateRule.LEARNING_RATES, result.function, answer, substeps, variables=result.variables,
                start=start, steps=result.steps)
