"""Critical points: solve ∇f = 0 exactly, classify by the Hessian, keep whole critical sets.

The equations are solved the way the lesson does it: factor each partial
derivative, take one factor from each (a product is zero when a factor is), and
solve each such case. A case may give points, nothing, or a whole set (the line
x = 0 when both partials have the factor x); points on such a set are not
isolated and belong to it. Only polynomial equations are solved completely;
otherwise the result says it may be incomplete.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Sequence

import sympy
from sympy import Expr

from ..budget import OutOfTime, deadline
from ..parse import Equation
from ..show import show
from .common import SolveError, exact, function_of, sign, symbols, variables_of
from .partials import derivative, value_at
from .region import Region, parse_region

SOLVE_SECONDS = 10.0  # for each case; sympy can take very long on hard systems


@dataclass(frozen=True)
class Classification:
    label: str  # minimum | maximum | saddle | inconclusive
    D: Expr  # the Hessian's determinant (f'' in one variable)
    fxx: Expr  # the first second derivative
    reason: str
    hessian: tuple[tuple[Expr, ...], ...] = ()
    minors: tuple[Expr, ...] = ()  # the leading principal minors; the last is D


@dataclass(frozen=True)
class CriticalPoint:
    point: tuple[Expr, ...]
    inside: bool | None  # None when there is no region
    classification: Classification


@dataclass(frozen=True)
class CriticalSet:
    """A set of critical points that are not isolated, like the whole line x = 0."""

    equation: Equation
    inside: bool | None  # whether it reaches into the region
    description: str
    also: tuple[Equation, ...] = ()  # further equations, for sets that need several
    value: Expr | None = None  # f all along the set, when it is constant there
    where: str = ""  # the part inside the region, like 0 ≤ y ≤ 5
    kind: str = "set"  # line, plane, curve, surface

    @property
    def equations(self) -> tuple[Equation, ...]:
        return (self.equation, *self.also)


@dataclass(frozen=True)
class Case:
    """One factor of each partial set to zero, and what that gives."""

    conditions: tuple[Equation, ...]
    points: tuple[tuple[Expr, ...], ...] = ()
    set: CriticalSet | None = None
    solved: bool = True  # False when sympy could not solve this case


@dataclass(frozen=True)
class CriticalPoints:
    points: tuple[CriticalPoint, ...]
    sets: tuple[CriticalSet, ...]
    complete: bool
    note: str
    function: Expr = sympy.Integer(0)
    variables: tuple[str, ...] = ()
    gradient: tuple[Expr, ...] = ()
    factors: tuple[tuple[Expr, ...], ...] = ()  # the factors of each nonzero partial
    cases: tuple[Case, ...] = ()
    region: Region | None = None


# ------------------------------------------------------------------ classification


def classify(f: str | Expr, variables: Sequence[str] | None, point: Sequence[Expr]) -> Classification:
    """The second-derivative test at a critical point (Sylvester's criterion beyond two variables)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    point = tuple(exact(p) for p in point)
    if len(point) != len(variables):
        raise SolveError(f"the point needs {len(variables)} coordinates")
    hessian = tuple(
        tuple(value_at(derivative(derivative(f, a), b), variables, point, f"f_{a}{b}") for b in variables)
        for a in variables)
    minors = [sympy.Matrix(hessian)[:k, :k].det() if k > 1 else hessian[0][0]
              for k in range(1, len(variables) + 1)]
    minors = [sympy.simplify(m) for m in minors]
    signs = [sign(m) for m in minors]
    D, fxx = minors[-1], hessian[0][0]
    label = _label(signs)
    return Classification(label, D, fxx, _reason(label, variables, D, fxx, minors, signs), hessian,
                          tuple(minors))


def _label(signs: list[int | None]) -> str:
    if None in signs:
        return "inconclusive"
    if all(s > 0 for s in signs):
        return "minimum"
    if all(s * (-1) ** (k + 1) > 0 for k, s in enumerate(signs)):
        return "maximum"
    if signs[-1] == 0:
        return "inconclusive"
    return "saddle" if len(signs) > 1 else "inconclusive"


def _compare(s: int) -> str:
    return {1: "> 0", -1: "< 0", 0: "= 0"}[s]


def _reason(label: str, variables: Sequence[str], D: Expr, fxx: Expr, minors: list, signs: list) -> str:
    if None in signs:
        return "the sign of the second derivatives can't be decided exactly"
    a = variables[0]
    if len(variables) == 1:
        text = f"f'' = {show(D)} {_compare(signs[0])}"
        return text + ("" if label != "inconclusive" else ", so the second-derivative test cannot decide")
    if len(variables) == 2:
        text = f"D = {show(D)} {_compare(signs[-1])}"
        if label in ("minimum", "maximum"):
            text += f" and f_{a}{a} = {show(fxx)} {_compare(signs[0])}"
        if label == "inconclusive":
            text += ", so the second-derivative test cannot decide"
        return text
    shown = ", ".join(show(m) for m in minors)
    return {
        "minimum": f"the leading principal minors {shown} are all positive",
        "maximum": f"the leading principal minors {shown} alternate in sign, starting negative",
        "saddle": f"the leading principal minors {shown} are neither all positive nor alternating",
        "inconclusive": f"the Hessian's determinant is 0 (minors {shown}), so the test cannot decide",
    }[label]


# ------------------------------------------------------------------- solving ∇f = 0


def critical_points(f: str | Expr, variables: Sequence[str] | None = None,
                    region: str | Region | None = None) -> CriticalPoints:
    f = function_of(f)
    variables = variables_of(f, variables)
    if not variables:
        raise SolveError("f has no variables, so it has no critical points")
    if isinstance(region, str):
        region = parse_region(region, variables)
    syms = symbols(variables)
    gradient = tuple(derivative(f, v) for v in variables)
    equations = [g for g in gradient if g != 0]
    if not equations:
        everything = CriticalSet(Equation(sympy.Integer(0), sympy.Integer(0)), True if region else None,
                                 "f is constant, so every point is critical", value=f, kind="space")
        return CriticalPoints((), (everything,), True, "", f, variables, gradient, (), (), region)

    numerators = [sympy.fraction(sympy.together(g))[0] for g in equations]
    factors = tuple(_factors(n, syms) for n in numerators)
    complete = all(n.is_polynomial(*syms) for n in numerators)
    note = "" if complete else ("the equations are not polynomial, so sympy's solutions "
                                "may not be all the critical points")
    cases = []
    for combination in itertools.product(*factors):
        case = _solve_case(combination, syms, f, gradient, region)
        if case is not None:
            cases.append(case)
            if not case.solved:
                complete = False
                note = "sympy could not solve every case of ∇f = 0 exactly, so some critical points may be missing"
    sets = _largest(_unique(c.set for c in cases if c.set is not None))
    on_sets = [p for c in cases for p in c.points if any(lies_on(p, s.equations, syms) for s in sets)]
    isolated = _unique(p for c in cases for p in c.points if p not in on_sets)
    points = tuple(
        CriticalPoint(p, region.contains(p) if region else None, classify(f, variables, p))
        for p in sorted(isolated, key=_order))
    return CriticalPoints(points, tuple(sets), complete, note, f, variables, gradient, factors,
                          tuple(cases), region)


def _factors(numerator: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, ...]:
    """The distinct factors of a numerator that contain a variable (constants are never 0),
    in the lesson's order: those in x first, simplest first."""
    try:
        _, pairs = sympy.factor_list(numerator)
    except (sympy.PolynomialError, NotImplementedError):
        pairs = [(numerator, 1)]
    if not numerator.free_symbols & set(syms):
        return ()  # a nonzero constant: this partial is never 0
    found = [p for p, _ in pairs if p.free_symbols & set(syms)] or [numerator]
    first = lambda p: min(syms.index(s) for s in p.free_symbols & set(syms))  # noqa: E731
    return tuple(sorted(dict.fromkeys(found), key=lambda p: (first(p), sympy.default_sort_key(p))))


def _solve_case(combination: Sequence[Expr], syms: Sequence[sympy.Symbol], f: Expr,
                gradient: Sequence[Expr], region: Region | None) -> Case | None:
    distinct = tuple(dict.fromkeys(combination))
    conditions = tuple(as_equation(c, syms) for c in combination)
    if _contradictory(distinct):
        return None
    try:
        with deadline(SOLVE_SECONDS):
            solutions = sympy.solve(list(distinct), list(syms), dict=True)
    except (NotImplementedError, OutOfTime):
        return Case(conditions, solved=False)
    if not solutions:
        return None
    points, curve = [], None
    for solution in solutions:
        if all(s in solution for s in syms) and not any(v.free_symbols & set(syms)
                                                        for v in solution.values()):
            point = tuple(solution[s] for s in syms)
            if _defined(point, syms, f, gradient):
                points.append(point)
        elif curve is None:
            ordered = sorted(distinct, key=sympy.default_sort_key)
            curve = _critical_set(tuple(as_equation(c, syms) for c in ordered), syms, f, region)
    if not points and curve is None:
        return None
    return Case(conditions, tuple(points), curve)


def _contradictory(factors: Sequence[Expr]) -> bool:
    """Two different irreducible factors in the same single variable have no common zero."""
    single = {}
    for factor in factors:
        if len(factor.free_symbols) == 1 and factor.is_polynomial():
            (s,) = factor.free_symbols
            if s in single:
                return True
            single[s] = factor
    return False


def _defined(point: tuple, syms: Sequence[sympy.Symbol], f: Expr, gradient: Sequence[Expr]) -> bool:
    values = dict(zip(syms, point))
    for expr in (f, *gradient):
        value = expr.xreplace(values)
        if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or value.is_extended_real is False:
            return False
    return all(v.is_extended_real is not False for v in point)


def as_equation(factor: Expr, syms: Sequence[sympy.Symbol]) -> Equation:
    """factor = 0 as the lesson writes it: x - 4 = 0 as x = 4, x - y = 0 as x = y."""
    for s in syms:
        if factor.is_polynomial(s) and sympy.degree(factor, s) == 1:
            coefficient = factor.coeff(s)
            if not coefficient.free_symbols:
                return Equation(s, sympy.expand(s - factor / coefficient))
    constant = factor.as_independent(*syms, as_Add=True)[0]
    return Equation(factor - constant, -constant)


def _critical_set(equations: tuple[Equation, ...], syms: Sequence[sympy.Symbol], f: Expr,
                  region: Region | None) -> CriticalSet:
    value = _value_along(f, equations, syms)
    inside, where = region.meets(equations) if region else (None, "")
    kind = _kind(equations, syms)
    text = f"Every point of the {kind} {' and '.join(_show(e, syms) for e in equations)} is critical"
    if value is not None:
        text += f"; f = {show(value)} all along it"
    if inside is not None:
        text += f"; it meets the region where {where}" if inside and where else \
            ("; it lies inside the region" if inside else "; it lies outside the region")
    return CriticalSet(equations[0], inside, text, equations[1:], value, where, kind)


def _value_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> Expr | None:
    """f on the set, when it is the same constant on every branch of it (85 on x = 0)."""
    solved = {e.lhs: e.rhs for e in equations if isinstance(e.lhs, sympy.Symbol)}
    try:
        with deadline(SOLVE_SECONDS):
            branches = [solved] if len(solved) == len(equations) else \
                sympy.solve([e.lhs - e.rhs for e in equations], list(syms), dict=True)
            values = {sympy.simplify(f.subs(branch)) for branch in branches}
    except (NotImplementedError, OutOfTime):
        return None
    if len(values) == 1 and not next(iter(values)).free_symbols:
        return values.pop()
    return None


def _kind(equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> str:
    linear = all(sympy.Poly(e.lhs - e.rhs, *syms).total_degree() <= 1
                 if (e.lhs - e.rhs).is_polynomial(*syms) else False for e in equations)
    dimension = len(syms) - len(equations)
    names = {1: "line", 2: "plane"} if linear else {1: "curve", 2: "surface"}
    return names.get(dimension, "set")


def _show(e: Equation, syms: Sequence[sympy.Symbol]) -> str:
    return show(e, [s.name for s in syms])


def lies_on(point: Sequence[Expr], equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> bool:
    values = dict(zip(syms, point))
    return all(sympy.simplify((e.lhs - e.rhs).xreplace(values)) == 0 for e in equations)


def _largest(sets: list[CriticalSet]) -> list[CriticalSet]:
    """Drop a set that lies in another one (the line x = y = 0 in the plane x = 0)."""
    return [s for s in sets
            if not any(t is not s and set(t.equations) < set(s.equations) for t in sets)]


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _order(point: tuple) -> tuple:
    return tuple(float(sympy.N(c)) for c in point)
