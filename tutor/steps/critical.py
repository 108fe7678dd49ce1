"""The derivation of critical points, as the lesson does it for the sauna.

Partials; set them to 0; factor; a product is 0 when a factor is; combine one
condition from each equation; candidates; the region; the second-derivative test.
"""

from __future__ import annotations

from typing import Sequence

import sympy
from sympy import Expr

from ..calculus import CriticalPoint, CriticalPoints, Region, classify, critical_points
from ..calculus.common import function_of
from ..calculus.critical import as_equation, lies_on
from ..parse import Equation, symbol
from .derivative import derivative_steps
from .model import Rule, Step, step


def critical_steps(f: str | Expr, variables: Sequence[str] | None = None,
                   region: str | Region | None = None, *, result: CriticalPoints | None = None) -> Step:
    c = result or critical_points(f, variables, region)
    syms = [symbol(v) for v in c.variables]
    substeps = [derivative_steps(c.function, v, c.variables) for v in c.variables]
    nonzero = [(v, g) for v, g in zip(c.variables, c.gradient) if g != 0]
    substeps.append(step(Rule.SET_TO_ZERO, c.gradient, tuple(Equation(g, sympy.Integer(0)) for _, g in nonzero)))
    for (v, g), factors in zip(nonzero, c.factors):
        factored = sympy.factor(g)
        if factored != g:
            substeps.append(step(Rule.FACTOR, g, factored, wrt=v))
        substeps.append(step(Rule.ZERO_PRODUCT, factored, tuple(as_equation(f, syms) for f in factors), wrt=v))
    if c.cases or c.factors:
        substeps.append(_cases(c))
    if len(syms) == 1:  # in one variable a point is x = 2, as the lesson writes it
        answer = tuple(Equation(syms[0], p.point[0]) for p in c.points)
    else:
        answer = tuple(p.point for p in c.points)
    answer += tuple(s.equation for s in c.sets)
    substeps.append(step(Rule.CANDIDATES, None, answer))
    if c.region is not None:
        substeps.append(_region(c))
    if c.points:
        substeps.append(step(Rule.CLASSIFY, None, None, [_test(c.variables, p) for p in c.points]))
    substeps += [step(Rule.CRITICAL_SET, s.equations, s.value, description=s.description) for s in c.sets]
    if not c.complete:
        substeps.append(step(Rule.INCOMPLETE, note=c.note))
    return step(Rule.CRITICAL_POINTS, c.function, answer, substeps, variables=c.variables)


def classify_steps(f: str | Expr, variables: Sequence[str], point: Sequence[Expr]) -> Step:
    """The partials, then the second-derivative test at one critical point."""
    k = classify(f, variables, point)
    function = function_of(f)
    substeps = [derivative_steps(function, v, variables) for v in variables]
    substeps.append(step(Rule.CLASSIFY, None, None, [_test(variables, CriticalPoint(tuple(point), None, k))]))
    return step(Rule.CRITICAL_POINTS, function, (tuple(point),), substeps, variables=tuple(variables))


def _cases(c: CriticalPoints) -> Step:
    syms = [symbol(v) for v in c.variables]
    cases = []
    for case in c.cases:
        if not case.solved:
            cases.append(step(Rule.CASE_UNSOLVED, case.conditions))
        if case.set is not None:
            cases.append(step(Rule.CASE_SET, case.conditions, case.set.equations, kind=case.set.kind))
        for point in case.points:
            on = next((s.equations for s in c.sets if lies_on(point, s.equations, syms)), None)
            if on is None:
                cases.append(step(Rule.CASE_POINT, case.conditions, point))
            else:
                cases.append(step(Rule.CASE_POINT_ON_SET, case.conditions, point, on=on))
    combinations = 1
    for factors in c.factors:
        combinations *= len(factors)
    return step(Rule.CASES, None, None, cases, contradictory=combinations - len(c.cases))


def _region(c: CriticalPoints) -> Step:
    checks = []
    seen = []
    for point in (p for case in c.cases for p in case.points):
        if point in seen:
            continue
        seen.append(point)
        failing = c.region.failing(point)
        checks.append(step(Rule.INSIDE, point, True) if failing is None
                      else step(Rule.OUTSIDE, point, False, failing=failing))
    for s in c.sets:
        checks.append(step(Rule.SET_INSIDE, s.equations, True, where=s.where) if s.inside and s.where
                      else step(Rule.SET_OUTSIDE, s.equations, False) if s.inside is False else None)
    return step(Rule.REGION, None, None, [s for s in checks if s is not None], region=c.region)


def _test(variables: Sequence[str], point) -> Step:
    k = point.classification
    label = k.label
    if len(variables) == 1:
        return step(Rule.SECOND_DERIVATIVE_TEST, point.point, label, D=k.D)
    if len(variables) == 2:
        a, b = (symbol(f"f_{v}{w}") for v, w in ((variables[0], variables[0]), (variables[1], variables[1])))
        ab = symbol(f"f_{variables[0]}{variables[1]}")
        h = k.hessian
        entries = (Equation(a, h[0][0]), Equation(b, h[1][1]), Equation(ab, h[0][1]))
        return step(Rule.HESSIAN_TEST, point.point, label, entries=entries, formula=a * b - ab**2, D=k.D)
    return step(Rule.HESSIAN_MINORS, point.point, label, minors=k.minors)
