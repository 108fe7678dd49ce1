"""Misconceptions about the second-derivative test: a wrong label, named by the step that went wrong."""

from __future__ import annotations

from ...misconceptions import Misconception, WrongAnswer, register
from ...parse import Answer, Shape
from ...show import show
from .exercise import ClassifyPoint

MISCONCEPTIONS = register(
    Misconception(
        "min-max-confused", "minimum and maximum confused (the sign of f_xx)",
        "It looks like you read the sign of {fxx} the wrong way round. With D > 0, {fxx} > 0 means a "
        "minimum (the surface curves up) and {fxx} < 0 a maximum; here {fxx} = {value}."),
    Misconception(
        "saddle-missed", "missed a saddle point (D < 0)",
        "It looks like you went by {fxx} alone. Here D = {D} < 0, so the point is a saddle point whatever "
        "the sign of {fxx}."),
    Misconception(
        "inconclusive-called-extremum", "called an inconclusive test a minimum or maximum",
        "It looks like you decided where the test cannot: here D = 0, so the second-derivative test is "
        "inconclusive."),
    Misconception(
        "extremum-called-saddle", "called a saddle point where D > 0",
        "It looks like you called it a saddle point, but D = {D} > 0: a saddle point needs D < 0."),
)


def candidates(problem: ClassifyPoint) -> list[WrongAnswer]:
    variables, name = problem.variables, problem.name
    if len(variables) != 2:  # the sentences speak of D and f_xx, the two-variable test
        return []
    result = problem.solution
    fxx = f"{name}_{variables[0]}{variables[0]}"
    say = {m: MISCONCEPTIONS[m].say for m in MISCONCEPTIONS}
    d, value = show(result.D), show(result.fxx)
    wrong: list[tuple[str, str, str]] = []
    if result.label in ("minimum", "maximum"):
        other = "maximum" if result.label == "minimum" else "minimum"
        wrong.append(("min-max-confused", other, say["min-max-confused"](fxx=fxx, value=value)))
        wrong.append(("extremum-called-saddle", "saddle", say["extremum-called-saddle"](D=d)))
    elif result.label == "saddle":
        wrong += [("saddle-missed", label, say["saddle-missed"](fxx=fxx, D=d)) for label in ("minimum", "maximum")]
    elif result.label == "inconclusive" and result.D == 0:
        wrong += [("inconclusive-called-extremum", label, say["inconclusive-called-extremum"]())
                  for label in ("minimum", "maximum")]
    return [WrongAnswer(m, message, Answer(Shape.LABEL, label)) for m, label, message in wrong]
