"""Misconceptions about the second-derivative test: a wrong label, named by the step that went wrong.

Each misconception is a wrong version of the test, run on this point's second
derivatives; the label it gives is the wrong answer it explains. So a sentence
always agrees with the student's own answer: "you went by f_yy alone" only for
the label the sign of f_yy gives, never for one that contradicts it.
"""

from __future__ import annotations

from typing import cast

from sympy import Expr

from ...calculus.classified import Nature
from ...calculus.common import symbols
from ...calculus.partials import diff
from ...misconceptions import Misconception, Said, WrongAnswer, at_point, register
from ...misconceptions.points import MISCONCEPTIONS as POINT_MISCONCEPTIONS
from ...parse import Answer, Shape, symbol
from ...show import show
from .exercise import ClassifyPoint

MISCONCEPTIONS = register(
    Misconception(
        "min-max-confused", "minimum and maximum confused (the sign of f_xx)",
        "It looks like you read the sign of {fxx} the wrong way round. {given}{fxx} > 0 means a "
        "minimum (the {graph} curves up) and {fxx} < 0 a maximum; here {fxx} = {value}."),
    Misconception(
        "saddle-missed", "went by one second derivative alone where D < 0",
        "It looks like you went by {second} alone. Here D = {D} < 0, so the point is a saddle point whatever "
        "the sign of {second}."),
    Misconception(
        "undecided-called-wrong-extremum", "where D = 0, called the point the extremum its values rule out",
        "It looks like you called it {label}, which f's values near the point rule out. Here {zero}, so the "
        "second-derivative test does not decide, but those values do: compare f with its value there, {value}."),
    Misconception(
        "inconclusive-called-saddle", "called a saddle point where D = 0",
        "It looks like you took D = 0 to mean a saddle point. The second-derivative test shows a saddle point "
        "only where D < 0; with D = 0 it is inconclusive."),
    Misconception(
        "extremum-called-saddle", "called a saddle point where D > 0",
        "It looks like you took D > 0 to mean a saddle point. Here D = {D} > 0: the point is a minimum or a "
        "maximum, not a saddle point."),
    Misconception(
        "discriminant-sign-reversed", "computed D as f_xy² − f_xx·f_yy",
        "It looks like you computed D with the sign reversed, as {reversed}. It is D = {formula}; here D = {D}.",
        subject="The discriminant"),
    Misconception(
        "called-inconclusive", "called the test inconclusive where D ≠ 0",
        "It looks like you {took}. Only D = 0 leaves it inconclusive; here D = {D}, so the point is {label}."),
)

SIGN_LOST = POINT_MISCONCEPTIONS["negative-coordinate-sign"]  # a point's minus sign lost as it is put in
_ARTICLE = {Nature.MINIMUM: "a minimum", Nature.MAXIMUM: "a maximum", Nature.SADDLE: "a saddle point"}


def _test(D: Expr, fxx: Expr) -> Nature:
    """The second-derivative test's label for a D and an f_xx."""
    if D > 0:
        return Nature.MINIMUM if fxx > 0 else Nature.MAXIMUM if fxx < 0 else Nature.INCONCLUSIVE
    return Nature.SADDLE if D < 0 else Nature.INCONCLUSIVE


def _by_sign(second: Expr) -> Nature | None:
    return Nature.MINIMUM if second > 0 else Nature.MAXIMUM if second < 0 else None


def candidates(problem: ClassifyPoint) -> list[WrongAnswer]:
    variables, name = problem.variables, problem.name
    if len(variables) == 1:
        return _one_variable(problem)
    if len(variables) != 2:  # the sentences speak of D and f_xx, the two-variable test
        return []
    result = problem.solution
    (fxx, fxy), (_, fyy) = result.hessian
    D, label = result.D, result.label
    x, y = variables
    # the second derivatives in the exercise's own names (T_xx for the sauna's T), as the sentences say them
    f_xx, f_yy, f_xy = f"{name}_{x}{x}", f"{name}_{y}{y}", f"{name}_{x}{y}"
    seconds = {f_xx: fxx, f_yy: fyy}
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    d = show(D)
    wrong: list[tuple[Nature, Said]] = []
    if label in (Nature.MINIMUM, Nature.MAXIMUM):
        other = Nature.MAXIMUM if label == Nature.MINIMUM else Nature.MINIMUM
        wrong.append((other, say["min-max-confused"](fxx=f_xx, value=show(fxx), given="With D > 0, ",
                                                     graph="surface")))
        wrong.append((Nature.SADDLE, say["extremum-called-saddle"](D=d)))
    elif label == Nature.SADDLE:
        for second, value in seconds.items():
            by_sign = _by_sign(value)
            if by_sign is not None:
                wrong.append((by_sign, say["saddle-missed"](second=second, D=d)))
    elif label == Nature.INCONCLUSIVE and D == 0 and problem.by_values is not None:
        # f's values decide what the test does not: that answer is right too, and the others are wrong.
        # Where they don't, a nature named may be the right one: the check grades it undecided, unnamed.
        wrong += _wrong_extrema(problem, "D = 0")
        if problem.by_values.nature != Nature.SADDLE:
            wrong.append((Nature.SADDLE, say["inconclusive-called-saddle"]()))
    if D != 0 and label in _ARTICLE:  # what the student saw that looked undecided: a zero, or D < 0
        zero = next((n for n, v in seconds.items() if v == 0), None) or ("D < 0" if D < 0 else None) \
            or (f_xy if fxy == 0 else None)
        # with nothing that looks undecided, no belief is guessed at: h17 read "you took the test to mean the test
        # cannot decide"
        took = "called the test inconclusive" if zero is None else \
            f"took {zero if zero == 'D < 0' else f'{zero} = 0'} to mean the test cannot decide"
        wrong.append((Nature.INCONCLUSIVE, say["called-inconclusive"](took=took, D=d, label=_ARTICLE[label])))
    # D as f_xx·f_yy + f_xy² is not a misconception of its own here: it changes the label only where
    # D < 0 < f_xx·f_yy + f_xy², and then it gives f_xx's label, as D reversed and f_xx alone do
    wrong.append((_test(-D, fxx), say["discriminant-sign-reversed"](
        D=d, formula=f"{f_xx}·{f_yy} − {f_xy}²", reversed=f"{f_xy}² − {f_xx}·{f_yy}")))
    wrong += _signs_lost(problem, (f_xx, f_xy, f_yy), label)  # last: a slip of arithmetic, not of the test
    return [WrongAnswer.of([said], Answer(Shape.LABEL, str(wrong_label))) for wrong_label, said in wrong
            if wrong_label != label]


def _signs_lost(problem: ClassifyPoint, names: tuple[str, str, str], label: Nature) -> list[tuple[Nature, Said]]:
    """The test run on the second derivatives put in at the point without its minus signs ((1, 0) for (-1, 0)), where
    that changes the label: said of the first second derivative it changes (h17: "minimum" for the saddle (-1, 0)
    of x³ − 3x + y², f_xx = 6x taken at x = 1)."""
    variables, point = problem.variables, problem.at
    if not any(p.is_negative for p in point):
        return []
    x, y = symbols(variables)
    formulas = [diff(diff(problem.function, a), b) for a, b in ((x, x), (x, y), (y, y))]
    found = [at_point(g, variables, point) for g in formulas], [at_point(g, variables, [abs(p) for p in point])
                                                                 for g in formulas]
    if any(v is None for values in found for v in values):
        return []
    right, wrong = cast(tuple[list[Expr], list[Expr]], found)
    slipped = _test(wrong[0] * wrong[2] - wrong[1] ** 2, wrong[0])
    changed = next((i for i in range(3) if wrong[i] != right[i]), None)
    if changed is None or slipped in (label, Nature.INCONCLUSIVE):
        return []
    formula = formulas[changed]
    lost = [(v, p) for v, p in zip(variables, point) if p.is_negative and formula.has(symbol(v))]
    return [(slipped, SIGN_LOST.fill(expr=f"{names[changed]} = {show(formula, variables)}", wrong=show(wrong[changed]),
                                     right=show(right[changed]),
                                     assignment=" and ".join(f"{v} = {show(p)}" for v, p in lost),
                                     wrong_assignment=" and ".join(f"{v} = {show(-p)}" for v, p in lost)))]


def _wrong_extrema(problem: ClassifyPoint, zero: str) -> list[tuple[Nature, Said]]:
    """Where the test does not decide and f's values do, each extremum they rule out, told so."""
    value = show(problem.function.xreplace(dict(zip(symbols(problem.variables), problem.at))))
    decided = problem.by_values
    assert decided is not None  # the callers ask only where f's values decide
    return [(extremum, MISCONCEPTIONS["undecided-called-wrong-extremum"].fill(
        label=_ARTICLE[extremum], value=value, zero=zero))
        for extremum in (Nature.MINIMUM, Nature.MAXIMUM) if extremum != decided.nature]


def _one_variable(problem: ClassifyPoint) -> list[WrongAnswer]:
    """The one-variable test, the sign of f″: read the wrong way round, or, where f″ = 0 and f's values
    decide, an extremum they rule out."""
    label, second = problem.solution.label, f"{problem.name}″"
    wrong: list[tuple[Nature, Said]] = []
    if label in (Nature.MINIMUM, Nature.MAXIMUM):
        other = Nature.MAXIMUM if label == Nature.MINIMUM else Nature.MINIMUM
        wrong.append((other, MISCONCEPTIONS["min-max-confused"].fill(
            fxx=second, value=show(problem.solution.fxx), given="", graph="graph")))
    elif label == Nature.INCONCLUSIVE and problem.by_values is not None:
        wrong += _wrong_extrema(problem, f"{second} = 0")
    return [WrongAnswer.of([said], Answer(Shape.LABEL, str(wrong_label))) for wrong_label, said in wrong]
