"""The derivation of a minimum of f(x): the critical points and their classes, the name the lesson
gives the point (eˣ − 1/x = 0 at x = W(1) ≈ 0.5671…, the Omega constant), and the least local minimum."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Expr

from ...calculus import Minimum
from ...parse import Equation
from ...steps import Rule, Step, StepRule, critical_steps, step
from ..local_minima.steps import globally
from ..solution import approx


class MinimizeRule(StepRule):
    MINIMUM = "minimum"
    KNOWN_AS = "known_as"
    LEAST_MINIMUM = "least_minimum"
    EVERY_ZERO = "every_zero"
    ONLY_ZERO = "only_zero"
    ALL_ZEROS = "all_zeros"
    NUMERICALLY = "numerically"

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        return TEMPLATES


TEMPLATES: dict[StepRule, str] = {
    MinimizeRule.MINIMUM: "The minimum of {f} = {before}: {variable} = {after}{approx}{known}",
    MinimizeRule.KNOWN_AS: "{after}{approx}, the solution of {equation}, is also known as {name}.",
    MinimizeRule.EVERY_ZERO: ("Every solution of {f}′ = 0{where}, all found, classified the "
                              "same way: the local minima are {after:and}."),
    MinimizeRule.LEAST_MINIMUM: "The least local minimum is {f}{point:args} = {value}{approx}: {verdict}.",
    MinimizeRule.ONLY_ZERO: ("{f}″({variable}) = {curving} > 0 wherever {f} is defined, so {f}′ is 0 at most once: "
                             "{after} is the only critical point."),
    MinimizeRule.ALL_ZEROS: ("Every solution of {f}′ = 0, all found: {after:list}; "
                             "{after:it is the only critical point|they are all the critical points}."),
    MinimizeRule.NUMERICALLY: ("Numerically, from {f}'s values on a grid and the zeros of {f}′ beside its lowest ones: "
                               "{after:the local minimum is|the local minima are} {after:list}."),
}


def minimize_steps(f: Expr, x: str, result: Minimum, within: str = "") -> Step:
    found = critical_steps(f, (x,))
    points = found.after
    if not result.exact:  # sympy solved no case: the minima found numerically, not "the critical points: ∅"
        points = tuple(Equation(sympy.Symbol(x), sympy.Float(m.approx, 15)) for m in result.minima)
    substeps = [_settled(_numerical(s, points) if not result.exact else s, result, x, points, within)
                for s in found.substeps]
    listed = [e.rhs for e in found.after if isinstance(e, Equation)] if isinstance(found.after, tuple) else []
    # the minimum as the critical points above write it (2 ln(3), where minimize's own solver says ln(9))
    point = (_among(result.point, listed) or result.point) if result.exact else sympy.Float(result.approx, 15)
    if result.known_as:
        substeps.append(step(MinimizeRule.KNOWN_AS, None, result.point, approx=approx(result.point),
                             equation=_equation(result.derivative), name=result.known_as))
    if result.complete and result.exact and any(_among(m.point, listed) is None for m in result.minima):
        # sympy's solve gave some solutions of f' = 0 (x = π of sin x = 0); solveset lists them all
        substeps.append(step(MinimizeRule.EVERY_ZERO, None, tuple(m.point for m in result.minima),
                             where=f" in {within}" if within else ""))
    verdict = globally(result.is_global, len(result.minima), result.complete) + (
        f" ({result.note})" if result.note else "")
    substeps.append(step(MinimizeRule.LEAST_MINIMUM, None, None, point=(point,), value=result.value,
                         approx=approx(result.value), verdict=verdict))
    known = f", {result.known_as}" if result.known_as else ""
    return step(MinimizeRule.MINIMUM, f, point, substeps, variables=(x,), variable=sympy.Symbol(x),
                approx=approx(point), known=known)


def _numerical(s: Step, points: tuple) -> Step:
    return step(MinimizeRule.NUMERICALLY, None, points) if s.rule is Rule.CANDIDATES and not s.after else s


def _settled(s: Step, result: Minimum, x: str, points: object, within: str) -> Step:
    """The note that the solutions of f′ = 0 found may not be all of them, where the minimum's solver
    shows they are: f″ > 0 on all of f's domain (f′ only rises, so it is 0 once at most), or sympy's
    solveset lists every solution of f′ = 0 and they are the ones found. A note it leaves (or a window's
    solutions, which the EVERY_ZERO step lists) stands."""
    if s.rule is not Rule.INCOMPLETE or not isinstance(points, tuple) \
            or not all(isinstance(p, Equation) for p in points):
        return s
    if result.curving is not None and len(points) == 1:
        return step(MinimizeRule.ONLY_ZERO, None, points[0], variable=sympy.Symbol(x), curving=result.curving)
    if result.complete and not within and result.zeros and _same_numbers([p.rhs for p in points], result.zeros):
        return step(MinimizeRule.ALL_ZEROS, None, points)
    return s


def _equation(slope: Expr) -> Equation:
    """f′ = 0 as the lesson writes it: eˣ - 1/x = 0 is eˣ = 1/x."""
    terms = sympy.Add.make_args(slope)
    if len(terms) == 2:
        return Equation(terms[0], -terms[1]) if not terms[0].could_extract_minus_sign() else \
            Equation(terms[1], -terms[0])
    return Equation(slope, sympy.Integer(0))


def _among(number: Expr, numbers: Sequence[Expr]) -> Expr | None:
    """The one of `numbers` that is `number`, as it is written there; None where none is."""
    return next((n for n in numbers if _same_numbers([number], [n])), None)


def _same_numbers(these: Sequence[Expr], those: Sequence[Expr]) -> bool:
    """Whether two lists of exact numbers hold the same ones, whatever form each is written in: 2 ln(3)
    from one solver is ln(9) from another (their first 30 digits told apart, with room for the last)."""
    def digits(numbers: Sequence[Expr]) -> list[Expr]:
        return sorted(sympy.N(n, 30) for n in numbers)
    return len(these) == len(those) and all(abs(a - b) <= 1e-25 * max(1, abs(a))
                                            for a, b in zip(digits(these), digits(those)))
