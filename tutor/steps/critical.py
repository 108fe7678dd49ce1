"""The derivation of critical points, as the lesson does it for the sauna.

Partials; set them to 0; factor; a product is 0 when a factor is; combine one
condition from each equation; candidates; the region; the second-derivative test.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import sympy
from sympy import Expr
from sympy.core.mul import _keep_coeff

from ..calculus import (
    CriticalPoint,
    CriticalPoints,
    CriticalSet,
    Piece,
    Region,
    SolveError,
    classify,
    critical_points,
    eliminate,
)
from ..calculus.by_values import by_values
from ..calculus.classified import Family, KinkLines, Nature, Split, Unsmooth, Window
from ..calculus.common import function_of, real_powers, sign, symbols
from ..calculus.factor_cases import as_equation, constant_sign, in_roots, lies_on, root_power
from ..calculus.kinks import Level, Spanned, between, between_text, pieces
from ..calculus.partials import derivative
from ..calculus.roots import compare, real_roots, sort_exactly
from ..parse import Equation, symbol
from ..show import ordered_terms, show
from ..words import and_list
from .derivative import derivative_steps
from .elimination import elimination_steps
from .model import Rule, Step, Terms, Together, step


def critical_steps(f: str | Expr, variables: Sequence[str] | None = None,
                   region: str | Region | None = None, *, result: CriticalPoints | None = None,
                   window: Region | None = None) -> Step:
    c = result or critical_points(f, variables, region, window=window)
    syms = [symbol(v) for v in c.variables]
    substeps = [derivative_steps(c.function, v, c.variables) for v in c.variables]
    nonzero = [(v, g) for v, g in zip(c.variables, c.gradient) if g != 0]
    if not nonzero and c.region is None:  # f constant (5 in x and y): nothing to solve, and no list to give
        return step(Rule.CRITICAL_EVERYWHERE, c.function, None, substeps, variables=c.variables)
    substeps.append(step(Rule.SET_TO_ZERO, c.gradient, tuple(Equation(g, sympy.Integer(0)) for _, g in nonzero)))
    if c.level is not None:  # solved piece by piece, where sympy's cases may be left unsolved; factoring
        # f′ = x(1 − sign(x² − 1)) would only say in sympy's terms what the pieces say plainly
        substeps.append(_piecewise(c.function, syms[0], c.level))
    elif c.split is not None and c.split.unsolved is None:  # sin|x|: solved on each side of its kink, where
        # sympy's cases are left unsolved; where they are not solved between the kinks either, sympy's cases stand
        substeps.append(_sides(syms[0], c.split, c.function != real_powers(c.function)))
    elif c.lines is not None:  # |x| + y²: sympy's case sign(x) = 0 is the kink line x = 0, solved along it
        substeps.append(_kink_lines(c.lines, c.function != real_powers(c.function),
                                    tuple(s.equation for s in c.sets if s not in c.lines.level)))
    elif c.parts is not None:  # x^(2/3) − x + y²: each part solved in its one variable, where its cusp is found
        substeps.append(_separate(c.parts))
    elif c.minima_only and c.split is not None and c.windows:  # sin(x)^(2/3) + x/10: only minima asked for, and
        # none can be where f′ = 0 between the kinks, so the kinks alone are looked at
        substeps.append(step(Rule.CONCAVE_BETWEEN, None, None, kinks=tuple(Equation(syms[0], k)
                                                                           for k in c.split.kinks),
                             period=c.windows[0].period))
    else:
        substeps += _factored(c, nonzero, syms)
        if c.cases or all(c.factors):
            substeps.append(_cases(c))
    if c.unsmooth:  # the cone's vertex: ∇f has no value there, f has a minimum
        substeps.append(_unsmooth(c.unsmooth, c.variables))
    # √x at 0: f′ is ∞ there from the right, and f is least there
    substeps += [step(Rule.DOMAIN_END, Equation(syms[0], p.point[0]), p.nature, why=p.no_slope)
                 for p in c.points if p.edge]
    if c.points or not c.level or not c.level.stretches:
        substeps.append(step(Rule.KINK_CANDIDATES if c.minima_only else Rule.CANDIDATES, None,
                             _answer(c.points, c.sets, syms)))
    if c.level is not None and c.level.stretches:
        substeps.append(step(Rule.STRETCHES, None, tuple(between_text(s.low, s.high, syms[0].name)
                                                           for s in c.level.stretches)))
    if c.sure:  # eˣ − 2 = 0 solved, and eˣ − 2 is 0 once at most: the list is whole
        substeps.append(step(Rule.COMPLETE, note="; ".join(c.sure)))
    if not c.complete or (c.windows and c.note):  # beside the list it is about: may be incomplete, or recurs
        substeps.append(step(Rule.INCOMPLETE, note=c.note))
    found = c.inside  # everything, when there is no region
    if c.region is not None:
        substeps.append(_region(c, c.region))
    if found.points:
        substeps.append(_classify(c.variables, found.points, c.function))
    substeps += [_set(s, c.region is not None) for s in found.sets]
    answer = _answer(found.points, found.sets, syms)
    if c.region is None and c.level is not None and c.level.stretches:  # min(x², 1): x = 0, x < -1 and x > 1
        stretches = tuple(between_text(s.low, s.high, syms[0].name) for s in c.level.stretches)
        rule = Rule.CRITICAL_POINTS_STRETCHES if answer else Rule.CRITICAL_STRETCHES
        return step(rule, c.function, answer, substeps, variables=c.variables, stretches=stretches)
    if c.region is None:  # the list of critical points above is the answer: it is said once
        return step(Rule.CRITICAL_POINTS, c.function, answer, substeps, variables=c.variables)
    substeps.append(step(Rule.CONCLUSION_IN, None, answer))
    return step(Rule.CRITICAL_POINTS_IN, c.function, answer, substeps, variables=c.variables, region=c.region)


def _factored(c: CriticalPoints, nonzero: Sequence[tuple[str, Expr]], syms: Sequence[sympy.Symbol]) -> list[Step]:
    """Each partial factored, a product 0 where a factor is, and a partial that is never 0."""
    substeps = []
    for (v, g), factors in zip(nonzero, c.factors):
        factored = _sign_as_written(g, sympy.factor(g), c.variables)
        if factored != g:
            substeps.append(step(Rule.FACTOR, g, factored, wrt=v))
        if sum(1 for m in sympy.Mul.make_args(factored) if m.free_symbols) > 1:  # the lesson's rule is for a
            # product of factors; 0.1(40x³ − 40x + 3) is just the equation to solve
            # (xeˣ − 1)/x is a fraction, 0 where its numerator is, not a product of (xeˣ − 1) and 1/x
            divided = any(m.is_Pow and m.exp.is_negative and m.free_symbols for m in sympy.Mul.make_args(factored))
            substeps.append(step(Rule.ZERO_FRACTION if divided else Rule.ZERO_PRODUCT, factored,
                                 tuple(as_equation(f, syms) for f in factors), wrt=v))
    ends = [p for p in c.points if p.edge]
    for (v, g), factors in zip(nonzero, c.factors):
        if not factors:  # eˣ or 1: this equation alone has no solution
            rule = Rule.NEVER_ZERO_BUT_ENDS if ends else Rule.NEVER_ZERO  # √x: its end 0 is critical all the same
            substeps.append(step(rule, g, None, wrt=v, why=_never_zero(g, syms)))
    return substeps


def _sign_as_written(g: Expr, factored: Expr, variables: Sequence[str]) -> Expr:
    """sympy's factoring with the number taken out of the sign g starts with as shown: 3y² − 3x is
    3(y² − x), as the lesson writes it, where sympy gives −3(x − y²); −3y² + 3x is −3(y² − x); and
    2(−y + z) is no step, where sympy's −2(y − z) would be one that only pulls a minus out."""
    coefficient, rest = factored.as_coeff_Mul()
    factors = list(sympy.Mul.make_args(rest))
    flip = next((i for i, f in enumerate(factors) if f.is_Add), None)
    if flip is None or coefficient.is_negative == show(g, variables).startswith("-"):
        return factored
    factors[flip] = -factors[flip]
    return _keep_coeff(-coefficient, sympy.Mul(*factors))


def _never_zero(g: Expr, syms: Sequence[sympy.Symbol]) -> str:
    """Why a partial with no factor that can be 0 is never 0."""
    s = constant_sign(g, syms)
    return "never 0" if s is None else f"{'positive' if s > 0 else 'negative'} everywhere, so never 0"


def _answer(points: Sequence[CriticalPoint], sets: Sequence[CriticalSet], syms: Sequence[sympy.Symbol]) -> tuple:
    """The points (in one variable written x = 2, as the lesson does) and the whole sets, each with all its
    equations (x = 0 and y = 0 of xyz: a line; x = 0 alone would be a plane, most of it not critical)."""
    if len(syms) == 1:
        found: tuple = tuple(Equation(syms[0], p.point[0]) for p in points)
    else:
        found = tuple(p.point for p in points)
    return found + tuple(Together(s.equations) if s.also else s.equation for s in sets)


def _set(s: CriticalSet, in_region: bool) -> Step:
    """A whole set of critical points, and what f's values say of its points, piece by piece."""
    pieces = s.pieces_inside if in_region else s.pieces
    return step(Rule.CRITICAL_SET, s.equations, s.value,
                [step(Rule.SET_PIECE, s.equations, piece.nature, where=_where(piece), reason=piece.reason)
                 for piece in pieces],
                description=s.description)


def _where(piece: Piece) -> str:
    text = piece.show()
    return "All along it" if piece.along is None or text.startswith("every ") else f"Where {text}"


def classify_steps(f: str | Expr, variables: Sequence[str], point: Sequence[Expr]) -> Step:
    """The partials, then the second-derivative test at one critical point."""
    k = classify(f, variables, point)
    function = function_of(f)
    substeps = [derivative_steps(function, v, variables) for v in variables]
    decided = by_values(function, symbols(variables), tuple(point)) if k.label == Nature.INCONCLUSIVE else None
    at = CriticalPoint(tuple(point), None, k, decided)
    substeps.append(_classify(variables, (at,), function))
    if decided is not None and decided.nature != Nature.UNDECIDED:  # the headline says what f's values show
        return step(Rule.CLASSIFICATION_BY_VALUES, function, k.label, substeps, variables=tuple(variables),
                    point=tuple(point), values=decided.nature)
    return step(Rule.CLASSIFICATION, function, k.label, substeps, variables=tuple(variables), point=tuple(point))


def _piecewise(f: Expr, x: sympy.Symbol, level: Level) -> Step:
    """f′ = 0 solved on each stretch between f's kinks, and at each kink where f′ is 0 from both sides."""
    found = pieces(f, x)
    assert found is not None  # level came from these pieces
    parts = []
    for s in found.stretches:
        where = between_text(s.low, s.high, x.name)
        slope = sympy.diff(s.polynomial, x)
        zeros = tuple(Equation(x, z) for z in level.zeros if between(z, s.low, s.high))
        parts.append(step(Rule.STRETCH_FLAT, None, s.polynomial, where=where) if s.flat
                     else _stretch(s.polynomial, zeros, where, sympy.factor(slope)))
    parts += [step(Rule.KINK_LEVEL, Equation(x, c.point), None) for c in level.corners]
    return step(Rule.PIECEWISE, None, None, parts, kinks=tuple(Equation(x, k) for k in found.kinks))


def _sides(x: sympy.Symbol, split: Split, roots: bool = False) -> Step:
    """f′ = 0 solved on each side of f's kinks, where f has no absolute value; the kinks are classified below.
    `roots`: f has an odd root of a base that changes sign (x^(2/3)), split where that base is 0 too."""
    if split.signed is not None and split.repeats is not None:
        return _signed(x, split.signed, split.repeats, split.slope_only)
    parts = []
    for side in split.sides:
        where = between_text(side.low, side.high, x.name)
        zeros = tuple(Equation(x, z) for z in side.zeros)
        parts.append(step(Rule.SIDE_ENDLESS, side.smooth, zeros, where=where, slope=side.slope) if side.endless
                     else _stretch(side.smooth, zeros, where, side.slope))
    return step(Rule.SIDES_ROOTS if roots else Rule.SIDES, None, None, parts,
                kinks=tuple(Equation(x, k) for k in split.kinks))


def _signed(x: sympy.Symbol, found: Spanned, window: Window, slope_only: bool = False) -> Step:
    """A periodic f with kinks (|sin x|), within one period or a region's bounds: f′ = 0 for each sign of each
    absolute value's inside, where f has none, and where an inside is 0, its kinks; classified below. Each case
    is said within the window, where its zeros were looked for: sin x < 0 has -cos x = 0 at 3π/2, but no x of
    0 ≤ x < π has sin x < 0."""
    names = [x.name]
    parts = []
    within = window.text()
    occurring = _sign_choices(x, found)
    for s in found.signed:
        where = " and ".join(f"{show(a.args[0], names)} {'>' if sign > 0 else '<'} 0"
                             for a, sign in zip(found.absolutes, s.signs))
        if occurring is not None and s.signs not in occurring:
            parts.append(step(Rule.SIGN_NEVER, None, None, where=where, variable=x, within=within))
            continue
        parts.append(_stretch(s.smooth, tuple(Equation(x, z) for z in s.zeros), f"{where}, {within}", s.slope))
    insides = tuple(Equation(a.args[0], sympy.Integer(0)) for a in found.absolutes)
    kinks = tuple(Equation(x, k) for k in found.kinks)
    parts.append(step(Rule.SIGN_KINKS, insides, kinks, within=within) if kinks
                 else step(Rule.SIGN_NO_KINK, insides, None))
    rule = Rule.SIGNS_IN if window.bounded else Rule.SIGNS_SLOPE if slope_only else Rule.SIGNS
    return step(rule, None, None, parts, period=window.period, within=window.text())


def _sign_choices(x: sympy.Symbol, found: Spanned) -> set[tuple[int, ...]] | None:
    """The choices of the insides' signs some x of the span has: each stretch between the kinks keeps one, read at
    its middle (the insides are continuous there, sin x and cos x); None where the span can't be cut so."""
    span = found.span
    if not isinstance(span, sympy.Interval) or not (span.inf.is_finite and span.sup.is_finite):
        return None
    marks = sort_exactly(dict.fromkeys([span.inf, *found.kinks, span.sup]))
    choices: set[tuple[int, ...]] = set()
    for low, high in pairwise(marks):
        if compare(low, high) >= 0:
            continue
        middle = (low + high) / 2
        signs = [sign(a.args[0].xreplace({x: middle})) for a in found.absolutes]
        if None in signs or 0 in signs:
            return None
        choices.add(tuple(s for s in signs if s is not None))
    return choices


def _stretch(there: Expr, zeros: tuple[Equation, ...], where: str, slope: Expr) -> Step:
    """f′ = 0 on one stretch between kinks, where f is `there`: its zeros, or that it has none."""
    if zeros:
        return step(Rule.STRETCH_ZEROS, there, zeros, where=where, slope=slope)
    return step(Rule.STRETCH_NONE, there, None, where=where, slope=slope)


def _kink_lines(lines: KinkLines, roots: bool = False, off: tuple[Equation, ...] = ()) -> Step:
    """∇f = 0 off f's kink lines, and f's critical points along each line; the points are classified below.
    `roots`: f has an odd root of a base that changes sign (x^(2/3) + y²), whose lines are where it is 0.
    `off`: the critical sets off the lines (y = 0 of y²|x|)."""
    kinks = tuple(k.line for k in lines.lines)
    parts = [*([step(Rule.KINK_OFF, None, lines.off, kinks=kinks)] if lines.off else []),
             *([step(Rule.KINK_OFF_SETS, None, off, kinks=kinks)] if off else [])] \
        or [step(Rule.KINK_OFF_NONE, None, None, kinks=kinks)]
    for k in lines.lines:
        if k.level is not None:  # |x + y|: f = 0 all along x = -y, a line of critical points, or none
            parts.append(step(Rule.KINK_ALONG_LEVEL if k.level else Rule.KINK_ALONG_ACROSS, k.line, None,
                              along=k.along))
        elif k.points:
            parts.append(step(Rule.KINK_ALONG, k.line, k.points, along=k.along))
        else:
            parts.append(step(Rule.KINK_ALONG_NONE, k.line, None, along=k.along))
    for h in lines.hulls:
        if h.values is not None:  # √|x| + y²: a piece's slope is infinite, f's values decide
            parts.append(step(Rule.KINK_CUSP if h.critical else Rule.KINK_NOT_CUSP, h.point, h.values.nature))
        elif len(h.gradients) == 1:  # |x|^(3/2) + y²: the pieces' gradients agree, ∇f has a value there
            parts.append(step(Rule.KINK_SMOOTH, h.point, h.critical, gradient=h.gradients[0]))
        else:
            parts.append(step(Rule.KINK_CORNER if h.critical else Rule.KINK_NOT_CORNER, h.point, h.critical,
                              gradients=h.gradients, two=len(h.gradients) == 2))
    return step(Rule.KINK_LINES_ROOTS if roots else Rule.KINK_LINES, None, None, parts, kinks=kinks)


def _separate(parts: tuple[CriticalPoints, CriticalPoints]) -> Step:
    """f = g(x) + h(y): the critical points of each part in its one variable, which f's pair."""
    found = []
    for part in parts:
        v = symbol(part.variables[0])
        points = tuple(Equation(v, p.point[0]) for p in part.points)
        found.append(step(Rule.SEPARATE_PART, part.function, points) if points
                     else step(Rule.SEPARATE_PART_NONE, part.function, None))
    return step(Rule.SEPARATE, None, None, found, parts=tuple(p.function for p in parts),
                x=symbol(parts[0].variables[0]), y=symbol(parts[1].variables[0]))


def _unsmooth(points: Sequence[Unsmooth], variables: Sequence[str]) -> Step:
    """The points where ∇f's formula has no value but f has one, each critical or not, and why."""
    parts = []
    for u in points:
        missing = " and ".join(f"∂f/∂{v}" for v in u.missing)
        why = u.why or (f"{missing} {'has' if len(u.missing) == 1 else 'have'} no value there" if missing
                        else "the formula of ∇f has no value there")
        if u.critical is None:
            parts.append(step(Rule.NO_GRADIENT_UNDECIDED, u.point, None, why=why))
        elif u.critical and u.values.nature in (Nature.MINIMUM, Nature.MAXIMUM):
            parts.append(step(Rule.NO_GRADIENT_EXTREMUM, u.point, u.values.nature, why=why))
        elif u.critical:
            parts.append(step(Rule.NO_GRADIENT_ZERO, u.point, True))
        elif u.missing:
            parts.append(step(Rule.NO_GRADIENT_NOT, u.point, False, why=f"{why}, and {u.values.reason}"))
        else:
            parts.append(step(Rule.NO_GRADIENT_NOT, u.point, False,
                              why="f's slopes on either side give a partial derivative other than 0 there"))
    return step(Rule.NO_GRADIENT, None, None, parts, variables=tuple(variables))


def _cases(c: CriticalPoints) -> Step:
    syms = [symbol(v) for v in c.variables]
    cases = []
    for case in c.cases:
        if not case.solved:
            cases.append(step(Rule.CASE_UNSOLVED, case.conditions))
        if case.families:  # sin x = 0: every x = kπ, and those in the window listed, never "the points 0 and π"
            windows = {w.variable: w for w in c.windows}
            within = " and ".join(windows[f.variable].text() for f in case.families)
            cases.append(step(Rule.CASE_FAMILY, case.conditions, case.points,
                              families=families_text(case.families), within=within))
            continue
        if case.every and case.points:  # sin x = 0 and sin x + sin y = 0, solved in turn within the windows
            within = " and ".join(w.text() for w in c.windows)
            cases.append(step(Rule.CASE_WINDOW, case.conditions, case.points, within=within))
            continue
        if case.set is not None:
            cases.append(step(Rule.CASE_SET, case.conditions, case.set.equations, kind=case.set.kind))
        alone = []  # the case's points on no set: said together, as the roots of one equation
        for point in case.points:
            on = next((s.equations for s in c.sets if lies_on(point, s.equations, syms)), None)
            if on is None:
                alone.append(point)
            else:
                cases.append(step(Rule.CASE_POINT_ON_SET, case.conditions, point, on=on))
        if len(alone) == 1:
            eliminated = _worked(c, alone[0])
            # the equations as the elimination under it takes them (3 - 2x + y = 0, not x = y/2 + 3/2, which its
            # "multiply the first equation by 2" would not fit: outside check h24)
            conditions = tuple(Equation(p, sympy.Integer(0)) for p in _partials(c)) if eliminated \
                else case.conditions
            worked = eliminated or _substituted(case.conditions, alone, c.variables) \
                or _in_a_root(case.conditions, alone, c.variables)
            cases.append(step(Rule.CASE_POINT, conditions, alone[0], worked))
        elif alone:
            cases.append(step(Rule.CASE_POINTS, case.conditions, tuple(alone),
                              _substituted(case.conditions, alone, c.variables)
                              or _in_a_root(case.conditions, alone, c.variables)))
        # the cone's vertex solves x = 0 and y = 0, but ∇f = 0 has no value to hold there; where f itself has
        # none (ln(xy) where xy < 0), that is what rules the point out, though ∇f's formula may be 0 there
        outside = c.no_value(case)
        if outside:
            cases.append(step(Rule.CASE_OUTSIDE, case.conditions, outside))
        no_gradient = tuple(p for p in case.undefined if p not in outside)
        if no_gradient:
            cases.append(step(Rule.CASE_UNDEFINED, case.conditions, no_gradient))
    # x² + x = -1 gives no point: said, never dropped without a word
    cases += [step(Rule.CASE_NO_REAL, conditions, why=_no_real_why(conditions)) for conditions in c.empty]
    combinations = 1
    for factors in c.factors:
        combinations *= len(factors)
    solved = len(c.cases) + len(c.empty)
    rule = Rule.ONE_CASE if combinations == 1 and solved == 1 else Rule.CASES  # no "each" of one
    return step(rule, None, None, cases, contradictory=combinations - solved)


def _no_real_why(conditions: Sequence[Equation]) -> str:
    """Why a case has no real solution, where one of its conditions is a quadratic in one variable whose
    discriminant is negative: " (x² + x + 1 = 0 has none: its discriminant 1² − 4·1·1 = -3 is negative)", or
    " (x² is never negative)" where it has no x term, " (u = √x would be -2/3, and √x is never negative)" where it
    is a polynomial in an even root of x; "" otherwise (the case is solved exactly all the same)."""
    for condition in conditions:
        rooted = _root_polynomial(condition)
        if rooted is not None:
            polynomial, unknown, x, n = rooted
            values, root = real_roots(polynomial, unknown), show(x ** sympy.Rational(1, n))
            if values and all(sign(v) == -1 for v in values):
                return f" ({root} would be {and_list([show(v) for v in values], 'or')}, and {root} is never negative)"
        difference = sympy.expand(condition.lhs - condition.rhs)
        if len(difference.free_symbols) != 1 or not difference.is_polynomial():
            continue
        (x,) = difference.free_symbols
        poly = sympy.Poly(difference, x)
        if poly.degree() != 2:
            continue
        a, b, c = (poly.coeff_monomial(x ** k) for k in (2, 1, 0))
        discriminant = b ** 2 - 4 * a * c
        if discriminant < 0 and b == 0:
            return f" ({show(x ** 2)} is never negative)"
        if discriminant < 0:
            return (f" ({show(difference)} = 0 has none: its discriminant {_factor(b)}² − 4·{_factor(a)}·{_factor(c)} "
                    f"= {show(discriminant)} is negative)")
    return ""


def _factor(n: Expr) -> str:
    """A coefficient as a factor of a product written out: 4, or (-2), (1/2)."""
    return show(n) if n.is_Integer and n >= 0 else f"({show(n)})"


def _worked(c: CriticalPoints, point: tuple[Expr, ...]) -> list[Step]:
    """Two linear equations, each unknown in one of them at least with the other, solved line by line the way
    the lesson solves the power lines' (and `solve lstsq` its normal equations): nothing where sympy's cases are
    more than the one system, or the equations are not linear."""
    if len(c.variables) != 2 or len(c.cases) != 1 or len(c.gradient) != 2:
        return []
    syms = symbols(c.variables)
    if not any(all(g.has(v) for v in syms) for g in c.gradient):
        return []  # 2x = 0 and -2y = 0: each gives its unknown at once
    try:
        solved = eliminate(c.gradient[0], c.gradient[1], c.variables)
    except SolveError:
        return []
    if tuple(solved.solution) != tuple(point):
        return []
    return list(elimination_steps(_partials(c), solved).substeps)


def _partials(c: CriticalPoints) -> list[Terms]:
    """∇f's parts, each term in the order the variables come, as the elimination writes its equations."""
    return [Terms(tuple(ordered_terms(g, c.variables))) for g in c.gradient]


def _substituted(conditions: Sequence[Equation], points: Sequence[tuple[Expr, ...]],
                 variables: Sequence[str]) -> list[Step]:
    """How two equations that are not linear are solved: the one that gives a variable (y = x³) put into the
    other (x = y³), which leaves an equation in one variable (x = x⁹) whose solutions the points list."""
    if len(conditions) != 2 or len(variables) != 2:
        return []
    for put, into in (conditions, conditions[::-1]):
        v = put.lhs
        if not (isinstance(v, sympy.Symbol) and v.name in variables and not put.rhs.has(v)
                and (into.lhs.has(v) or into.rhs.has(v))):
            continue
        left = Equation(into.lhs.xreplace({v: put.rhs}), into.rhs.xreplace({v: put.rhs}))
        rest = left.lhs.free_symbols | left.rhs.free_symbols
        if len(rest) != 1 or put.rhs.is_Number:
            continue
        (u,) = rest
        index = list(variables).index(u.name)
        values = tuple(Equation(u, x) for x in dict.fromkeys(p[index] for p in points))
        return [step(Rule.CASE_SUBSTITUTE, None, left, put=put, into=into, wrt=u.name, values=values, other=v)]
    return []


def _in_a_root(conditions: Sequence[Equation], points: Sequence[tuple[Expr, ...]], variables: Sequence[str]
               ) -> list[Step]:
    """How an equation that is a polynomial in an even root of the one variable (4x^(3/2) − 8√x + 1 = 0, a cubic in
    u = √x) is solved: in u, its negative roots dropped, as √x is never negative, then x = u² (outside check h46,
    N8: the steps went from the equation to its solutions)."""
    rooted = _root_polynomial(conditions[0]) if len(conditions) == 1 and len(variables) == 1 else None
    if rooted is None:
        return []
    polynomial, unknown, x, n = rooted
    if sympy.degree(polynomial, unknown) < 2:  # √x = 1 needs no u
        return []
    u = symbol("v" if x.name == "u" else "u")
    roots = real_roots(polynomial, unknown)
    kept = tuple(r for r in roots if sign(r) != -1)
    values = tuple(root_power(r, n) for r in kept)  # x = uⁿ, as the case's points were made
    if set(values) != {p[0] for p in points}:  # u = 0 where f′ has no value: said otherwise
        return []
    context = dict(u=u, root=x ** sympy.Rational(1, n), variable=x, power=u**n, roots=roots, values=values)
    if len(kept) == len(roots):
        return [step(Rule.CASE_IN_A_ROOT, None, polynomial.xreplace({unknown: u}), **context)]
    return [step(Rule.CASE_IN_A_ROOT_DROPPED, None, polynomial.xreplace({unknown: u}), kept=kept, **context)]


def _root_polynomial(condition: Equation) -> tuple[Expr, sympy.Symbol, sympy.Symbol, int] | None:
    """An equation in one variable x that is a polynomial in an even root of it, as (the polynomial, its unknown u,
    x, n), u = ⁿ√x ≥ 0 (4x^(3/2) − 8√x + 1 = 0: 4u³ − 8u + 1, u = √x); None where it is no such equation."""
    difference = condition.lhs - condition.rhs
    if len(difference.free_symbols) != 1:
        return None
    (x,) = difference.free_symbols
    rooted = in_roots((difference,), (x,))
    if rooted is None:
        return None
    ((polynomial,), (unknown,), powers) = rooted
    return polynomial, unknown, x, powers[x]


def families_text(families: Sequence[Family]) -> str:
    """x = kπ for every integer k; with two, an integer of its own for each: x = jπ and y = kπ for all integers
    j and k."""
    if len(families) == 1:
        return f"{_family_text(families[0], 'k')} for every integer k"
    letters = "jk" if len(families) == 2 else "ijk"
    listed = " and ".join(_family_text(f, n) for f, n in zip(families, letters))
    return f"{listed} for all integers {' and '.join(letters[:len(families)])}"


def _family_text(family: Family, k: str) -> str:
    """x = kπ, x = π/2 + kπ, or each first a period apart: x = a + 2kπ or x = b + 2kπ."""
    return " or ".join(f"{family.variable} = {_shifted(first, family.step, k)}" for first in family.firsts)


def _shifted(first: Expr, gap: Expr, k: str) -> str:
    """first + k·gap as the lesson writes it: kπ, 2kπ, kπ/2, π/2 + kπ."""
    ratio = sympy.simplify(gap / sympy.pi)
    if ratio.is_Rational:
        times = f"{'' if ratio.p == 1 else ratio.p}{k}π" + (f"/{ratio.q}" if ratio.q != 1 else "")
    else:
        times = f"{k}·{show(gap)}"
    return times if first == 0 else f"{show(first)} + {times}"


def _region(c: CriticalPoints, region: Region) -> Step:
    # solved on each side of f's kinks (sin|x|, |sin x|), the points listed are those, not sympy's cases'
    points = [p.point for p in c.points] if c.split is not None else \
        list(dict.fromkeys(p for case in c.cases for p in case.points))
    return region_step(points, region, set_steps(c.sets))


def set_steps(sets: Sequence[CriticalSet]) -> list[Step]:
    """What a region keeps of each set: the part where it cuts one, or that it misses one; nothing of a set
    it holds whole. The critical points' steps and the minima's (minimize --region) say it alike."""
    said = []
    for s in sets:
        if s.inside and s.where:
            said.append(step(Rule.SET_INSIDE, s.equations, True, where=s.where))
        elif s.inside is False:
            said.append(step(Rule.SET_OUTSIDE, s.equations, False))
    return said


def region_step(points: Sequence[tuple[Expr, ...]], region: Region, more: Sequence[Step] = ()) -> Step:
    """Which of the points lie in the region, and the condition each one outside breaks; `more` says the
    same of what is not a point (a line of critical points, a stretch of minima). The critical points'
    steps and the minima's (minimize --region) say it alike."""
    checks = []
    for point in points:
        failing = region.failing(point)
        checks.append(step(Rule.INSIDE, point, True) if failing is None
                      else step(Rule.OUTSIDE, point, False, failing=failing))
    return step(Rule.REGION, None, None, [*checks, *more], region=region)


def _test(variables: Sequence[str], point) -> Step:
    k = point.classification
    label = k.label
    if k.untested:  # a kink, or f″ infinite: no test
        return step(Rule.NO_TEST, point.point[0] if len(variables) == 1 else point.point, label, why=k.untested)
    if len(variables) == 1:
        return step(Rule.SECOND_DERIVATIVE_TEST, point.point, label, D=k.D)
    if len(variables) == 2:
        a, b = (symbol(f"f_{v}{w}") for v, w in ((variables[0], variables[0]), (variables[1], variables[1])))
        ab = symbol(f"f_{variables[0]}{variables[1]}")
        h = k.hessian
        entries = (Equation(a, h[0][0]), Equation(b, h[1][1]), Equation(ab, h[0][1]))
        return step(Rule.HESSIAN_TEST, point.point, label, entries=entries, formula=a * b - ab**2, D=k.D)
    if k.indefinite:
        return step(Rule.HESSIAN_INDEFINITE, point.point, label, minors=k.minors, indefinite=k.indefinite)
    return step(Rule.HESSIAN_MINORS, point.point, label, minors=k.minors,
                entries=_hessian_entries(variables, k.hessian))


def _hessian_entries(variables: Sequence[str], hessian: Sequence[Sequence[Expr]]) -> tuple[Equation, ...]:
    """f_xx = …, f_yy = …, then the mixed ones f_xy = …: one of each pair, as f_yx = f_xy."""
    n = len(variables)
    pairs = [(i, i) for i in range(n)] + [(i, j) for i in range(n) for j in range(i + 1, n)]
    return tuple(Equation(symbol(f"f_{variables[i]}{variables[j]}"), hessian[i][j]) for i, j in pairs)


def _classify(variables: Sequence[str], points: Sequence[CriticalPoint], function: Expr) -> Step:
    # the heading names the second-derivative test only where it decides every point: at a kink, or
    # where D = 0, f's values decide, and the heading would say a test was used that was not
    rule = Rule.CLASSIFY if all(by_the_test(p) for p in points) else Rule.CLASSIFY_OTHERWISE
    tested = any(not p.classification.untested for p in points)
    derived = []
    if tested:
        try:
            derived = [_second_derivatives(function, variables)]
        except SolveError:  # min(x², 1): f′ has jumps, so there is no one formula for f″; each point's value says it
            derived = []
    return step(rule, None, None, [*derived, *(s for p in points for s in decided_steps(variables, p))],
                one=len(points) == 1)


def _second_derivatives(function: Expr, variables: Sequence[str]) -> Step:
    """The second derivatives the test uses, as formulas before their values at the points: the lesson never
    shows the test, so where f_xx and D come from, and what their signs mean, is said once here."""
    first = [derivative(function, v) for v in variables]
    if len(variables) == 1:
        return step(Rule.SECOND_DERIVATIVES, None, derivative(first[0], variables[0]), first=first[0],
                    wrt=variables[0])
    if len(variables) > 2:
        n = len(variables)
        seconds = [[derivative(first[i], b) for b in variables] for i in range(n)]
        blocks = and_list([f"{k}×{k}" for k in range(1, n + 1)])
        return step(Rule.SECOND_PARTIALS_MANY, None, None, entries=_hessian_entries(variables, seconds), blocks=blocks)
    x, y = variables
    return step(Rule.SECOND_PARTIALS, None, None, x=symbol(x), y=symbol(y), first=first[0], second=first[1],
                xx=derivative(first[0], x), yy=derivative(first[1], y), xy=derivative(first[0], y))


def by_the_test(point: CriticalPoint) -> bool:
    """Whether the second-derivative test applies at the point and decides it."""
    return not point.classification.untested and point.classification.label != Nature.INCONCLUSIVE


def decided_steps(variables: Sequence[str], point: CriticalPoint) -> list[Step]:
    """The second-derivative test, and where it cannot decide, what f's values say: beside the test,
    not under it, so that the lesson's short view (two levels) shows what decided the point."""
    test = _test(variables, point)
    if point.by_values is None:
        return [test]
    where = point.point[0] if len(point.point) == 1 else point.point
    untested = bool(point.classification.untested)  # "the test does not apply" is said: not "cannot decide"
    if point.by_values.nature == Nature.UNDECIDED and point.by_values.rules_out is not None:
        return [test, step(Rule.VALUES_RULE_OUT, where, point.by_values.nature, reason=point.by_values.reason)]
    if point.by_values.nature == Nature.UNDECIDED:  # not "but f's values can": here they could not
        return [test, step(Rule.NOR_BY_VALUES if untested else Rule.VALUES_UNDECIDED, where, point.by_values.nature)]
    return [test, step(Rule.ONLY_BY_VALUES if untested else Rule.BY_VALUES, where, point.by_values.nature,
                       reason=point.by_values.reason)]
