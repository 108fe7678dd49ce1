"""Misconceptions about learning rates: an oscillating rate called divergent (or the other way
round), a rate that is too slow for the steps allowed called converging, and for the best rate,
the largest one taken as the fastest or the smallest as the safest."""

from __future__ import annotations

from ...calculus import Behaviour
from ...calculus.rates import gradient_size
from ...compare import Context
from ...misconceptions import Misconception, Pattern, WrongAnswer, register
from ...parse import Answer, Shape
from ...show import show_float
from ...words import and_list
from .exercise import Ask, LearningRate
from .labels import behaviours_of

MISCONCEPTIONS = register(
    Misconception(
        "oscillation-called-divergence", "called an oscillating rate divergent",
        "It looks like you called {rates} divergent, but {it} {oscillates}: the steps jump back and forth across "
        "the minimum without running away. A rate diverges when the values grow without bound."),
    Misconception(
        "divergence-called-oscillation", "called a diverging rate oscillating",
        "It looks like you said {rates} {oscillates}, but {it} {diverges}: the steps do not just jump back and "
        "forth, they grow without bound."),
    Misconception(
        "slow-called-converging", "called a rate converging that is too slow for the steps allowed",
        "It looks like you said {rates} {converges}, but after {steps} steps {size} is still above {tolerance}: "
        "{it} {goes} downhill, too slowly for the steps allowed."),
    Misconception(
        "largest-rate-is-fastest", "took the largest rate as the best",
        "It looks like you took the largest rate, α = {rate}, as the fastest. A rate that large {does}: it "
        "overshoots the minimum. The best rate is large enough to be quick but small enough to settle."),
    Misconception(
        "smallest-rate-is-safest", "took the smallest rate as the best",
        "It looks like you took the smallest rate, α = {rate}, as the best. It never overshoots, but it is too "
        "slow: after {steps} steps it has not converged.", subject="α = {rate}"),
    Misconception(
        "slower-converging-rate", "chose a rate that converges, but not the fastest",
        "It looks like you chose α = {rate}, which converges too, but in {k} steps; another rate converges in "
        "fewer. Compare how many steps each one takes."),
)

_VERBS = {  # one rate, several rates
    "oscillates": ("oscillates", "oscillate"), "diverges": ("diverges", "diverge"),
    "converges": ("converges", "converge"), "goes": ("goes", "go"),
}


def _confusion(problem: LearningRate, misconception: str, said: Behaviour, was: Behaviour,
               **extra: str) -> Pattern:
    """The pattern of one confusion: every rate the answer gets wrong is a `was` called `said`."""
    rates = problem.shown_rates()
    true_of = [t.true_of for t in problem.solution.trials]  # a zigzag that converges also oscillates
    size = gradient_size(problem.variables)

    def test(got: Answer, ctx: Context) -> str | None:  # noqa: ARG001
        mine = behaviours_of(str(got.value))
        wrong = [i for i, (m, true) in enumerate(zip(mine, true_of)) if m not in true]
        if not wrong or any(mine[i] != said or was not in true_of[i] for i in wrong):
            return None
        many = len(wrong) > 1
        verbs = {key: forms[many] for key, forms in _VERBS.items()}
        return MISCONCEPTIONS[misconception].say(
            rates=and_list([f"α = {rates[i]}" for i in wrong]), it="they" if many else "it", size=size, **verbs,
            **extra)
    return Pattern(misconception, Shape.LABEL, test)


def candidates(problem: LearningRate) -> list[Pattern | WrongAnswer]:
    result = problem.solution
    if problem.ask == Ask.CLASSIFY:
        extra = {"steps": str(result.steps), "tolerance": show_float(result.tolerance)}
        return [
            _confusion(problem, "oscillation-called-divergence", Behaviour.DIVERGES, Behaviour.OSCILLATES),
            _confusion(problem, "divergence-called-oscillation", Behaviour.OSCILLATES, Behaviour.DIVERGES),
            _confusion(problem, "slow-called-converging", Behaviour.CONVERGES, Behaviour.TOO_SLOW, **extra),
        ]
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    trials = result.trials
    found: list[Pattern | WrongAnswer] = []
    largest = max(range(len(trials)), key=lambda i: float(problem.rates[i]))
    smallest = min(range(len(trials)), key=lambda i: float(problem.rates[i]))
    does = {Behaviour.OSCILLATES: "oscillates", Behaviour.DIVERGES: "diverges", Behaviour.TOO_SLOW: "crawls",
            Behaviour.CONVERGES: "converges, but slowly"}
    found.append(WrongAnswer("largest-rate-is-fastest", say["largest-rate-is-fastest"](
        rate=problem.shown_rates()[largest], does=does[trials[largest].behaviour]),
        Answer(Shape.NUMBER, problem.rates[largest])))
    if trials[smallest].behaviour == Behaviour.TOO_SLOW:
        found.append(WrongAnswer("smallest-rate-is-safest", say["smallest-rate-is-safest"](
            rate=problem.shown_rates()[smallest], steps=str(result.steps)),
            Answer(Shape.NUMBER, problem.rates[smallest])))
    for i, trial in enumerate(trials):
        if trial.behaviour == Behaviour.CONVERGES and not trial.stalls and i != result.best:
            found.append(WrongAnswer("slower-converging-rate", say["slower-converging-rate"](
                rate=problem.shown_rates()[i], k=str(trial.iterations)), Answer(Shape.NUMBER, problem.rates[i])))
    return found
