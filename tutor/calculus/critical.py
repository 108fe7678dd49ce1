"""Critical points: solve ∇f = 0 exactly, classify by the Hessian, keep whole critical sets.

The equations are solved case by case, one factor of each partial set to zero (tutor.calculus.factor_cases);
a case may give points, nothing, or a whole set (the line x = 0 when both partials have the factor x), and
points on such a set are not isolated and belong to it. Each point is classified by the second-derivative
test, and where that cannot decide (D = 0, and on every point of a critical line), by the function's values
(tutor.calculus.by_values).

Here too: f with absolute values, solved off and along its kink lines (two variables) or stretch by stretch
between its kinks (one variable); a ∇f that repeats, its critical points listed in one period (a window); the
points where f has a value and ∇f's formula none; and, where f′ = 0 of one variable went unsolved, the sign
changes of f′ found numerically. What all this finds is in tutor.calculus.classified.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

import sympy
from sympy import Expr, Poly

from ..budget import counted, deadline, metered_cache
from ..parse import Equation
from ..show import Notation, current_notation, show, show_float
from .by_values import (
    by_values,
    cut,
    domain_ends,
    higher_derivatives,
    judged,
    merged_pieces,
    one_sided,
    piece_of,
    ruled_out,
    samples_between,
    separated,
)
from .classified import (
    EVERYWHERE,
    GAVE_UP,
    SOLVE_SECONDS,
    ByValues,
    Classification,
    CriticalPoint,
    CriticalPoints,
    CriticalSet,
    Hull,
    KinkLine,
    KinkLines,
    Nature,
    Piece,
    Side,
    Split,
    Unsmooth,
    Window,
    no_test,
    unique,
)
from .common import (
    NoRealValue,
    SolveError,
    exact,
    function_of,
    real_at,
    real_powers,
    sign,
    sign_text,
    symbols,
    variables_of,
)
from .factor_cases import (
    ONE_VARIABLE_SOLVE_WORK,
    as_equation,
    constant_sign,
    contradictory,
    critical_set,
    defined_at,
    domain_of,
    every_zero,
    factors_of,
    has_real_curve,
    in_roots,
    largest_sets,
    lies_on,
    linear_zeros,
    numerator_of,
    one_zero_at_most,
    solve_case,
    solve_exactly,
    solved_in_one,
)
from .kinks import Corner, Level, _inside, even_inside, holds, level_critical, signed, signed_pieces, spanned, with_abs
from .leading import leading_order
from .partials import (
    Slope,
    definition_said,
    derivative,
    differentiable_at,
    kink_shape,
    second_from_definition,
    slope_at,
    slope_where_formula_fails,
    value_at,
)
from .region import Region, interval_text, region_of
from .roots import compare, rational_polynomial, real_roots, simple_near, sort_exactly


def classify(f: str | Expr, variables: Sequence[str] | None, point: Sequence[Expr]) -> Classification:
    """The second-derivative test at a critical point (Sylvester's criterion beyond two variables)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    point = tuple(exact(p) for p in point)
    if len(point) != len(variables):
        raise SolveError(f"the point needs {len(variables)} coordinates")
    def named(a: str, b: str) -> str:  # f″ for f of one variable, as the lesson writes it
        return f"f_{a}{b}" if len(variables) > 1 else "f″"
    seconds = _second_derivatives(f, tuple(variables))
    jump = _jump_at(seconds, variables, point, named)
    if jump:
        return no_test(jump)
    found = tuple(tuple(_second_at(f, variables, point, a, b, second, named(a, b)) for b, second in zip(variables, row))
                  for a, row in zip(variables, seconds))
    hessian = tuple(tuple(s.value for s in row) for row in found)
    definitions = tuple(f"{named(a, b)}{show(tuple(point))} = {show(s.value)}: {definition_said(s.definition, s.value)}"
                        for i, (a, row) in enumerate(zip(variables, found))
                        for j, (b, s) in enumerate(zip(variables, row))
                        if s.definition and (j >= i or s.value != found[j][i].value))  # f_yx: said where it is not f_xy
    minors = [sympy.Matrix(hessian)[:k, :k].det() if k > 1 else hessian[0][0]
              for k in range(1, len(variables) + 1)]
    minors = [_tidy(m) for m in minors]
    signs = [sign(m) for m in minors]
    D, fxx = minors[-1], hessian[0][0]
    label = _label(signs)
    indefinite = _indefinite(hessian, variables) if label == Nature.INCONCLUSIVE and None not in signs \
        and len(variables) > 2 else ""
    if indefinite:
        label = Nature.SADDLE
    reason = _reason(label, variables, D, fxx, minors, signs)
    if indefinite:
        reason = f"the Hessian's determinant is 0, but {indefinite}, so the Hessian is indefinite"
    if definitions:
        return _from_definitions(f, variables, point, Classification(label, D, fxx, reason, hessian, tuple(minors),
                                                                     indefinite), definitions)
    return Classification(label, D, fxx, reason, hessian, tuple(minors), indefinite)


_MOST_JUMPS = 4  # signs jumping at the point in one second partial, each side of each tried


def _jump_at(seconds: tuple[tuple[Expr, ...], ...], variables: Sequence[str], point: tuple[Expr, ...],
             named: Callable[[str, str], str]) -> str:
    """Why f is not twice differentiable at the point, where a second partial's formula holds sign(u) (from |u|,
    or an odd root's base) with u = 0 there and its value depends on u's side: sympy reads sign(0) as 0, so
    x² + y² − 3|xy| would have f_xy(0, 0) = 0 and D = 4, a minimum, where f(t, t) = −t² makes it a saddle.
    "" where every one has a value the sides agree on (|x|³'s f″ = 6|x| at 0)."""
    values = dict(zip(symbols(variables), point))
    for a, row in zip(variables, seconds):
        for b, second in zip(variables, row):
            jumping = sorted((s for s in second.atoms(sympy.sign) if s.args[0].xreplace(values) == 0
                              and not (s.args[0].is_nonnegative or s.args[0].is_nonpositive)),
                             key=sympy.default_sort_key)
            if not jumping or len(jumping) > _MOST_JUMPS:
                continue
            sides: dict[Expr, tuple[int, ...]] = {}  # each value a side gives, and the first signs that give it
            for choice in itertools.product((1, -1), repeat=len(jumping)):
                value = second.xreplace(dict(zip(jumping, map(sympy.Integer, choice)))).xreplace(values)
                value = _tidy(value)
                if not (value.is_number and value.is_finite):
                    return ""  # no value on a side to compare: its definition, or f's values, decide elsewhere
                sides.setdefault(value, choice)
            if len(sides) < 2:
                continue
            where = show(point) if len(point) > 1 else f"{variables[0]} = {show(point[0])}"
            if len(jumping) == 1:
                (u,) = (s.args[0] for s in jumping)
                side = {c[0]: v for v, c in sides.items()}
                said = f"{show(side[1])} where {show(u)} > 0 and {show(side[-1])} where {show(u)} < 0"
            else:
                signs = " and ".join(show(s.args[0]) for s in jumping)
                *some, last = (show(v) for v in sides)
                said = f"{', '.join(some)} or {last} by the signs of {signs}"
            return f"near {where}, {named(a, b)} is {said}: f is not twice differentiable there"
    return ""


def _second_at(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], a: str, b: str, second: Expr,
               what: str) -> Slope:
    """f_ab at the point: from its formula, or where that has no value there, from its definition."""
    try:
        return Slope(value_at(second, variables, point, what))
    except NoRealValue:
        return second_from_definition(f, derivative(f, a), variables, point, a, b, what)


def _from_definitions(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], test: Classification,
                      definitions: tuple[str, ...]) -> Classification:
    """The test where some second partials came from their definition at the point: it needs f twice
    differentiable there, which partials along the axes at one point don't show (√(x⁴ + y⁴) at the origin has
    f_xx = f_yy = 2 and f_xy = 0 from the definition), so its verdict stands only where f's values show the
    same; else the test does not apply, and f's values decide, as for an infinite second partial."""
    said = "; ".join(definitions)
    why = f"{said}; the second partials at the point come from their definition, which doesn't show f twice " \
        "differentiable there, as the test needs"
    if test.label in (Nature.MINIMUM, Nature.MAXIMUM, Nature.SADDLE):
        try:
            decided = by_values(real_powers(f), symbols(variables), point)
        except SolveError:
            decided = None
        if decided is not None and decided.nature == test.label:
            return replace(test, reason=f"{test.reason}, where {said}; f's values agree: {decided.reason}")
    return replace(no_test(why), hessian=test.hessian, minors=test.minors)


@metered_cache(256)  # every critical point of f is classified with the same ones
def _second_derivatives(f: Expr, variables: tuple[str, ...]) -> tuple[tuple[Expr, ...], ...]:
    """The Hessian of f as expressions: each first derivative taken once."""
    return tuple(tuple(derivative(first, b, again=True) for b in variables)
                 for first in (derivative(f, a) for a in variables))


def _tidy(value: Expr) -> Expr:
    """Simplified, except a value with CRootOf in it, which simplify can't improve (only slowly)."""
    return value if value.has(sympy.CRootOf) else sympy.simplify(value)


def _label(maybe_signs: list[int | None]) -> Nature:
    signs = [s for s in maybe_signs if s is not None]
    if len(signs) < len(maybe_signs):  # a sign not known
        return Nature.INCONCLUSIVE
    if all(s > 0 for s in signs):
        return Nature.MINIMUM
    if all(s * (-1) ** (k + 1) > 0 for k, s in enumerate(signs)):
        return Nature.MAXIMUM
    if signs[-1] == 0:
        return Nature.INCONCLUSIVE
    return Nature.SADDLE if len(signs) > 1 else Nature.INCONCLUSIVE


def _indefinite(hessian: tuple[tuple[Expr, ...], ...], variables: Sequence[str]) -> str:
    """Why a singular Hessian is indefinite (so the point is a saddle), or "" when it is not or
    can't be told. The leading minors only test for a definite Hessian; a semidefinite one has
    every principal minor ≥ 0 (or of sign (-1)^k, of order k), so a minor against both patterns
    shows values of f above and below f(P) along some directions: x² - y² + z⁴ at the origin."""
    matrix = sympy.Matrix(hessian)
    below = above = None  # a minor that no positive (negative) semidefinite matrix has
    for k in range(1, len(variables) + 1):
        for rows in itertools.combinations(range(len(variables)), k):
            minor = _tidy(matrix.extract(list(rows), list(rows)).det())
            s = sign(minor)
            if s is None:
                return ""
            names = [variables[r] for r in rows]
            text = f"f_{names[0]}{names[0]} = {show(minor)}" if k == 1 else \
                f"the principal minor in {', '.join(names)} is {show(minor)}"
            if s < 0 and k % 2 == 0:
                return f"{text} < 0"  # neither semidefinite pattern allows it
            if s < 0 and below is None:
                below = f"{text} < 0"
            if s > 0 and k % 2 and above is None:
                above = f"{text} > 0"
    return f"{below} and {above}" if below and above else ""


def _sized(value: Expr) -> str:
    """A number of the test, with its size where its form hides it: 2 - 2√2/(3 - √5)^(3/2) ≈ -2.23607 (outside
    check h46, N9); a fraction, or a root shown by its digits (-122.975…), as it is."""
    if not value.is_number or value.is_Rational or value.is_Float or value.has(sympy.CRootOf):
        return show(value)
    size = float(sympy.N(value, 30))
    return f"{show(value)} ≈ {show_float(size)}" if math.isfinite(size) else show(value)


def _reason(label: str, variables: Sequence[str], D: Expr, fxx: Expr, minors: list, signs: list) -> str:
    if None in signs:
        return "the sign of the second derivatives can't be decided exactly"
    a = variables[0]
    if len(variables) == 1:
        text = f"f″ = {_sized(D)} {sign_text(signs[0])}"
        return text + ("" if label != "inconclusive" else ", so the second-derivative test cannot decide")
    if len(variables) == 2:
        text = f"D = {_sized(D)} {sign_text(signs[-1])}"
        if label in ("minimum", "maximum"):
            text += f" and f_{a}{a} = {_sized(fxx)} {sign_text(signs[0])}"
        if label == "inconclusive":
            text += ", so the second-derivative test cannot decide"
        return text
    listed = ", ".join(show(m) for m in minors)
    return {
        "minimum": f"the leading principal minors {listed} are all positive",
        "maximum": f"the leading principal minors {listed} alternate in sign, starting negative",
        # a Hessian neither positive nor negative definite is indefinite where its determinant is not 0
        "saddle": f"the leading principal minors {listed} are neither all positive nor alternating, and the "
                  f"last, the Hessian's determinant, is not 0",
        "inconclusive": f"the Hessian's determinant is 0 (minors {listed}), so the test cannot decide",
    }[label]


# ------------------------------------------------------------------- solving ∇f = 0


_MOST_PARTS_AS_ABS = 3  # a max or min of more parts is not written with |u|: each part doubles its size


def critical_points(f: str | Expr, variables: Sequence[str] | None = None,
                    region: str | Region | None = None, *, window: Region | None = None,
                    piece: bool = False, minima: bool = False) -> CriticalPoints:
    """`window`: a region whose bounds only set where a periodic ∇f's critical points are listed, as
    `region`'s do, with nothing marked or cut by it: local minima split by the region themselves.
    `piece`: f is a piece of a function where each odd root's base has one sign (x^(2/3) of |x|^(2/3) where
    x > 0), solved as written; any other f is solved with real roots (`real_powers`).
    `minima`: only the local minima are wanted; where f′ repeats and f″ < 0 between f's kinks (`concave_between`),
    f′ = 0 is then not solved, any zero of it there being a maximum, and only the kinks of one period are decided
    (the result says f′ = 0 went unsolved, as `_endless_kinks`'s does)."""
    f = function_of(f)
    variables = variables_of(f, variables)
    if not variables:
        raise SolveError("f has no variables, so it has no critical points")
    if isinstance(region, str):
        region = region_of(region, variables)
    return _critical_points(f, variables, region, window, piece, minima, current_notation())


# A pack asks for the critical points, the local minima and the least value of one f, and each solves ∇f = 0;
# the notation is in the key because the reasons and notes hold numbers written in it (D = 1/2, or D = 0.5)
@metered_cache(64)
def _critical_points(f: Expr, variables: tuple[str, ...], region: Region | None, window: Region | None,
                     piece: bool, minima: bool, notation: Notation) -> CriticalPoints:
    written = f
    # solved as answers and values read it, x^(2/3) as |x|^(2/3): sympy's has no value for x < 0
    f = f if piece else real_powers(f)
    if len(variables) == 1:
        f = even_inside(f)  # cos|x| is cos x, smooth at 0: the test decides there
    else:  # max(x, y) as (x + y + |x − y|)/2: its kink x = y is then solved along as any |u|'s is (a max of
        # corners, max(|x|, |y|), is left to the rules for nested corners, and so is one of more than three
        # parts, whose nested |u|s double with each part: max of ten took sympy's factoring minutes)
        f = f.replace(lambda e: isinstance(e, (sympy.Max, sympy.Min)) and len(e.args) <= _MOST_PARTS_AS_ABS
                      and not any(a.has(sympy.Abs, sympy.Max, sympy.Min) for a in e.args), with_abs)
    syms = symbols(variables)
    gradient = tuple(derivative(f, v) for v in variables)
    equations = [g for g in gradient if g != 0]
    if not equations:
        everything = CriticalSet(Equation(sympy.Integer(0), sympy.Integer(0)), True if region else None,
                                 f"f = {show(f)} everywhere: every point is critical, and each is both a local "
                                 "minimum and a local maximum, neither strict", value=f, kind=EVERYWHERE)
        return CriticalPoints((), (everything,), True, "", f, variables, gradient, (), (), region)

    numerators = [numerator_of(g) for g in equations]
    factors = tuple(factors_of(n, syms) for n in numerators)
    # the factors, not the numerators: e^(-x²) is never 0, and what is left may be polynomials
    exactly = len(syms) <= 2 and all(rational_polynomial(p, syms) is not None for fs in factors for p in fs)
    # a partial with no factor that can be 0 (eˣ, or 1) settles it: no point is critical, for sure
    # eˣ − 2 is 0 at one x at most, solved by sympy as a polynomial is: every solution found
    monotone = {p: one_zero_at_most(p, syms, f) for fs in factors for p in fs if not p.is_polynomial(*syms)}
    # or, in one variable, each factor a polynomial in √x (or another even root), solved whole in it (in_roots)
    complete = all(monotone.values()) or not all(factors) or \
        len(syms) == 1 and all(in_roots((p,), syms) is not None for fs in factors for p in fs)
    # e^(-x² - y²) of x e^(-x² - y²)'s partials: set aside as never 0, which is why the rest is every condition
    never = [m for n in numerators for m in sympy.Mul.make_args(sympy.powsimp(n))
             if m.free_symbols & set(syms) and not m.is_polynomial(*syms) and constant_sign(m, syms) is not None]
    sure = (*(f"{show(m)} is {'positive' if constant_sign(m, syms) == 1 else 'negative'} everywhere, so never 0"
              for m in dict.fromkeys(never)),
            *(why for why in monotone.values() if why)) if complete and all(factors) else ()
    note = "" if complete else ("the equations are not polynomial, so the solutions found "
                                "may not be all the critical points")
    # sin(x)^(2/3) + x/10: sympy's solve of f′ = 0, and solveset's on each side of its kinks, search until their
    # deadlines, for zeros that can only be maxima
    concave = _concave_kinks(with_abs(f), syms[0], region or window) if minima and len(syms) == 1 and not complete \
        else None
    if minima and concave is None:  # every critical point wanted after all: found once, for those asking for all
        return _critical_points(written, variables, region, window, piece, False, notation)
    # e⁻ˣ(cos x − sin x) does not repeat, and its factor cos x − sin x, the one that can be 0, does
    windows = () if complete or exactly or concave else \
        _windows([sympy.Mul(*fs) for fs in factors if fs], syms, region or window)
    cases, every = [], bool(windows)
    empty = []  # the cases solved exactly with no real solution
    for combination in () if concave else itertools.product(*factors):
        case = solve_case(combination, syms, f, gradient, region, exactly, windows)
        every = every and (case.every if case is not None else contradictory(tuple(dict.fromkeys(combination))))
        if case is None:
            continue
        if case.points or case.set is not None or not case.solved or case.undefined:
            cases.append(case)
            if not case.solved:
                complete = False
                equation = "f′ = 0" if len(syms) == 1 else "∇f = 0"
                note = (f"the tutor could not solve every case of {equation} exactly, so some critical points may "
                        "be missing")
        elif exactly or complete:  # every solution is found: 3√x + 2 = 0 has none, said so
            empty.append(case.conditions)
    if every:  # each case's solutions are families, listed whole in one period or the region's window; where
        # there are none (eˣ cos y), there is no period of them to speak of (outside check h32, F5)
        zeros = _windows(equations, syms, region or window) != windows
        complete, note = True, repeats_note(windows, len(syms), zeros=zeros) if cases else ""
    if len(syms) == 1 and not complete and not windows and not concave and all(c.solved for c in cases) \
            and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # x + √(1 − x²): sympy's solve found f′'s zero √2/2, but its list may be short; solveset's finite set is every
        # one, as minimize takes it (outside check h48, N7: critical hedged where minimize called -1 global)
        all_zeros, whole = every_zero(gradient[0], syms[0], sympy.S.Reals)
        listed = [p[0] for c in cases for p in c.points]
        if whole and all(any(compare(z, p) == 0 for p in listed) for z in all_zeros or ()):
            complete, note = True, ""
    if len(syms) == 1 and not concave and any(not c.solved for c in cases) \
            and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # x cos x + sin x = 0, which sympy can't solve: f′'s sign changes on a grid hold critical points for sure,
        # x = 0 exactly (as minimize finds it), the others near numbers; still not every one
        bounds = region or window
        looked = bounds.span(syms[0].name) if bounds is not None else sympy.S.Reals
        near = []
        for i, case in enumerate(cases):
            if not case.solved:  # its one condition, factor = 0, where the factor changes sign
                factor = case.conditions[0].lhs - case.conditions[0].rhs
                exact_zeros, numeric = sign_changes(factor, syms[0], looked)
                cases[i] = replace(case, points=tuple((z,) for z in exact_zeros if defined_at((z,), syms, f, gradient)))
                near += [z for z in numeric if z not in near]
        if near:
            within = interval_text(sympy.Interval(max(looked.inf, -NUMERIC_SPAN), min(looked.sup, NUMERIC_SPAN)),
                                   syms[0].name)
            places = " and ".join(f"{syms[0].name} ≈ {show_float(z)}" for z in sorted(near))
            note += (f"; f′ changes sign near {places}, so there are critical points there too (looked for "
                     f"numerically with {within})")
    mirrored: list[tuple[Expr, ...]] = []
    if len(syms) == 2 and not complete and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # sympy's solve ran out of work on x^y + y^x, or listed only (0, 0) of cos x + cos y - cos(x + y): on a
        # mirror line y = x, ∂f/∂x(t, t) = 0 is one variable's equation, its zeros critical points for sure; the
        # points off that line and the grid still unknown
        mirrored, near_points, lines_looked = on_mirror_lines(f, syms, windows, region or window)
        # a number on a set already found critical is no news (the circles cos(x² + y²) = 0 cross y = x again and again)
        known = [c.set for c in cases if c.set is not None]
        near_points = [p for p in near_points if not any(_nearly_on(p, s.equations, syms) for s in known)]
        mirrored = [p for p in unique([*mirrored, *simple_points(gradient, syms, windows)])
                    if defined_at(p, syms, f, gradient)]
        if near_points:
            places = " and ".join(f"({', '.join(show_float(c) for c in p)})" for p in near_points)
            x_name = syms[0].name
            within = interval_text(_line_span(x_name, syms[1].name, False, {w.variable: w for w in windows},
                                              region or window) if windows or region or window else
                                   sympy.Interval(-NUMERIC_SPAN, NUMERIC_SPAN), x_name)
            along = f"the lines {' and '.join(lines_looked)}" if len(lines_looked) > 1 else \
                f"the line {lines_looked[0]}"
            note += f"; ∇f is 0 near {places} too (looked for numerically on {along}, which f is symmetric about, " \
                    f"with {within})"
        repeats = repeats_note(windows, 2, "critical points found")
        if repeats:
            note = f"{repeats}; {note}"
    sets = largest_sets(unique(c.set for c in cases if c.set is not None))
    on_sets = [p for c in cases for p in c.points if any(lies_on(p, s.equations, syms) for s in sets)]
    isolated = unique([*(p for c in cases for p in c.points if p not in on_sets),
                       *(p for p in mirrored if not any(lies_on(p, s.equations, syms) for s in sets))])
    # where sympy left f′ = 0 unsolved, or may have missed solutions, the pieces settle it all (|x − 1| + x²)
    level = _level(f, syms[0], not complete) if len(syms) == 1 and not sets else None
    if level is not None:  # every solution of f′ = 0, exactly: sympy's may miss some, or find a corner as smooth
        isolated, complete, note = [(z,) for z in level.zeros], True, ""
    kinked = len(syms) == 1 and level is None and not complete and f.has(sympy.Abs, sympy.Max, sympy.Min)
    # max(sin x, 0) + x/10 as (sin x + |sin x|)/2 + x/10: its period, kinks and one-sided slopes found as for |sin x|
    cornered = with_abs(f) if kinked else f
    split = (concave or _split_at_kinks(cornered, syms[0], region or window)) if kinked else None
    if split is None and kinked:  # |sin x| + x²: f′ = 0 unsolved between its kinks, the kinks looked at alone
        split = _endless_kinks(cornered, syms[0], region or window)
    kinks: list[CriticalPoint] = []
    if split is not None:  # sin|x|: f′ = 0 solved on each side of its kink at 0, and the kink decided apart
        solved = [(z,) for z in split.zeros if defined_at((z,), syms, f, gradient)]
        # with f′ = 0 unsolved between the kinks, what sympy did solve stands, off the kinks
        isolated = solved if split.unsolved is None else \
            [p for p in isolated if p[0] not in split.kinks and split.unsolved.contains(p[0]) == sympy.true]
        kinks = [k for k in (_kink(cornered, syms[0], c, region) for c in split.kinks) if k is not None]
        isolated += [k.point for k in kinks if k.classification.label != Nature.INCONCLUSIVE
                     or not k.classification.untested]  # a kink where f′ → 0 from both sides: f′ = 0 there
        kinks = [k for k in kinks if k.point not in isolated]
        complete, note = split.window is None and split.unsolved is None, ""
        if split.repeats is not None:  # |sin x|: its kinks recur with f, so those of one period are every one, in turn
            windows = (split.repeats,)
            note = repeats_note(windows, 1)
        elif split.window is not None:
            x = syms[0].name
            # a periodic f with a corner has one a period on: with finitely many, f does not repeat
            corners = " and ".join(f"{x} = {show(k.point[0])}" for k in kinks)
            only = "corners are" if len(kinks) > 1 else "corner is"
            shape = f", and f does not repeat with a period (its only {only} at {corners})" if kinks else ""
            note = (f"f′ = 0 has infinitely many solutions, going on without end{shape}: those listed are only the "
                    f"ones with {interval_text(split.window, x)}")
        if split.unsolved is not None:  # kinks without end, f′ = 0 between them not solved: the list may be short
            looked = interval_text(split.unsolved, syms[0].name)
            within = note or f"f has kinks without end, and only those with {looked} were looked at"
            note = ("the tutor could not solve every case of f′ = 0 exactly, so some critical points may be missing; "
                    f"{within}")
            if split is concave:  # the minima asked for: what is missing can't be one (`minima_only` says so)
                note = repeats_note(windows, 1, "kinks")
    # sets on kink lines only (x = 0 of y|x|, solved as sign(x) = 0 and |x| = 0): f's pieces decide them, and
    # a set off the lines (y = 0 of y²|x|) stays beside them
    off_kinks = [s for s in sets if not _a_kink_line(s, f, syms)]
    lines = _on_kink_lines(f, syms, variables, region) if len(syms) == 2 and not complete and f.has(sympy.Abs) \
        and (not sets or len(off_kinks) < len(sets)) else None
    if lines is not None:  # |x + y|: every point of the kink line x = -y critical, a whole line kept as a set
        sets = [*lines.level, *off_kinks]
    if lines is not None and lines.whole:  # |x| + y²: ∇f = 0 off the kink line x = 0, and f along it, each solved
        isolated, complete, note = list(lines.points), True, ""  # exactly
    elif lines is not None:  # a piece critical along a whole line: the kinks' points found, the list still short
        # (|x + y| + |x - y| - x²: the corner (0, 0) added to sympy's (1, 0)); on a kink line only the lines' own
        kept = (*(k.line for k in lines.lines), *(s.equation for s in sets))
        isolated = unique([*(p for p in isolated if not any(lies_on(p, (k,), syms) for k in kept)), *lines.points])
    points = []
    for p in sort_exactly(isolated):
        if lines is not None and any(lies_on(p, (k.line,), syms) for k in lines.lines):
            points.append(_on_kink(f, syms, p, region, lines.lines))
            continue
        test = tested(f, variables, p)
        decided = by_values(f, syms, p) if test.label == Nature.INCONCLUSIVE else None
        points.append(CriticalPoint(p, region.contains(p) if region else None, test, decided))
    if kinks:
        points = sort_exactly([*points, *kinks], key=lambda p: p.point)
    if level is not None:
        points += [_corner(f, syms[0], c, region) for c in level.corners]
        # a corner where f′ changes sign (|x| at 0) is an extremum, as the split at kinks finds it for sin|x|
        flat = {c.point for c in level.corners}
        points += [k for k in (_kink(f, syms[0], at, region) for at in level.kinks if at not in flat)
                   if k is not None and k.classification.untested]
        points.sort(key=lambda p: sympy.N(p.point[0]))
    if len(syms) == 1 and level is None and split is None and not f.has(sympy.Abs, sympy.Max, sympy.Min):
        # √x at 0: f′ is ∞ there from the one side f has values on, so has none, and f is least there
        points = sort_exactly([*points, *(e for e in domain_ends(f, syms[0], region)
                                          if all(e.point != p.point for p in points))], key=lambda p: p.point)
    if len(syms) == 2 and lines is None and not complete and not sets and \
            (f.has(sympy.Max, sympy.Min) or any(a.args[0].has(sympy.Abs) for a in f.atoms(sympy.Abs))):
        # 2max(|x|, |y|) - x²: sympy solves ∇f = 0 in no case, and its corner (0, 0) is no kink line's
        points = sort_exactly([*points, *(c for c in _kink_corners(f, syms, region)
                                          if all(c.point != p.point for p in points))], key=lambda p: p.point)
    # a piece (√x + y² of √|x| + y², where x > 0) is f only on its side of such lines: they are its whole's
    unsmooth, curves = _unsmooth(f, syms, gradient, sets, lines, factors, not piece) if len(syms) >= 2 \
        else ((), ())
    voids = tuple(c for c in curves if _nowhere_on(f, c, syms))
    if voids:  # x + y + 1/(xy) on the axes: ∇f's formula fails there as f's does, at no point of f
        curves = tuple(c for c in curves if c not in voids)
        where = " or ".join(f"{show(c, variables)} = 0" for c in voids)
        sure += (f"∇f has no value where {where}, but f has none there either, so no point there is critical",)
    # a partial with a value everywhere and never 0 (1 of x^(1/3) + y) leaves no point critical, cusps or not;
    # critical sets ((xy)^(2/5): the axes) are those curves' points, looked at, but y = 0 of y²√(1 − x²) is none
    # of the edges x = ±1, each point of which is a minimum (outside check h48, N3)
    if any(not _covered(c, sets, syms) for c in curves) and not any(not fs and g != 0 and not d.free_symbols
                          for fs, g, (_, d, _) in zip(factors, equations,
                                                      domain_of(f, tuple(equations), tuple(syms))[1:])):
        complete = False
        seen = [u.point for u in unsmooth]
        where = " or ".join(f"{show(c, variables)} = 0" for c in curves)
        only = (f"only {' and '.join(show(p) for p in seen)} there {'was' if len(seen) == 1 else 'were'} "
                "looked at") if seen else "those points were not looked at"
        note = f"∇f has no value where {where}, and {only}" + (f"; {note}" if note else
                                                                  ", so some critical points may be missing")
    if unsmooth:  # the cone's vertex: f least there, where ∇f has no value
        points = sort_exactly([*points, *(_no_gradient_point(f, variables, u, region) for u in unsmooth
                                          if u.critical)],
                              key=lambda p: p.point)
        undecided = [u for u in unsmooth if u.critical is None]
        if undecided:
            complete = False
            at = " and ".join(show(u.point) for u in undecided)
            note = (f"∇f has no value at {at}, and the tutor could not decide whether f has a local minimum or "
                    f"maximum there, so it may be a critical point too") + (f"; {note}" if note else "")
    unsure = any(p.nature in (Nature.INCONCLUSIVE, Nature.UNDECIDED) for p in points)
    parts = separated(written, syms) if len(syms) == 2 and not piece and not sets and (not complete or unsure) \
        else None
    if written != f and written != real_powers(written):
        # shown as written: x^(2/3)'s f′ = 2/(3x^(1/3)) holds for x < 0 too, read with real roots
        f, gradient = written, tuple(derivative(written, v) for v in variables)
    found = CriticalPoints(tuple(points), tuple(sets), complete, note, f, variables, gradient, factors,
                           tuple(cases), region, level, split, lines, windows, unsmooth,
                           minima_only=concave is not None and split is concave, sure=sure if complete else (),
                           empty=tuple(empty))
    paired = _paired(found, parts, region) if parts is not None else None
    return found if paired is None else paired


def _paired(found: CriticalPoints, parts: tuple[Expr, Expr], region: Region | None) -> CriticalPoints | None:
    """f = g(x) + h(y), where ∇f = 0 solved in two variables leaves points missing or undecided (x^(2/3) − x + y²:
    the cusp at x = 0): ∂f/∂x is g′ and ∂f/∂y is h′, so f's critical points are the pairs of g's and h's, each
    solved in one variable, where cusps and corners are found; each pair classified by the test where it applies,
    else by g's and h's values. A pair where ∇f has no value is critical only where f is least or greatest there
    (|x| − y² at (0, 0) is not). None where g's or h's critical points are not all found, or not only points."""
    syms = symbols(found.variables)
    alone = []
    for part, v in zip(parts, found.variables):
        one = critical_points(part, [v])
        if one.sets or one.flat:
            return None
        alone.append(one)
    f = real_powers(found.function)
    points, unsure = [], []
    for a, b in itertools.product(alone[0].points, alone[1].points):
        point = (a.point[0], b.point[0])
        both = [c.classification for c in (a, b) if c.classification.label != Nature.INCONCLUSIVE]
        missing = [] if len(both) == 2 else \
            [v for v in found.variables if not _has_slope(f, found.variables, point, v)]
        if len(both) == 2:  # f″ of each at its point, g″(a) and h″(b), are the Hessian's diagonal
            test = _diagonal(both[0].D, both[1].D, found.variables)
        elif missing:
            test = no_test(f"{' and '.join(f'∂f/∂{v}' for v in missing)} {'has' if len(missing) == 1 else 'have'} "
                            "no value there")
        else:
            test = tested(f, found.variables, point)
        decided = by_values(f, syms, point) if test.label == Nature.INCONCLUSIVE else None
        why = (slope_where_formula_fails(f, found.variables, point, missing[0])[1]
               or f"∂f/∂{missing[0]} has no value there") if missing else ""
        critical = CriticalPoint(point, region.contains(point) if region else None, test, decided, why)
        if missing and critical.nature == Nature.UNDECIDED:
            unsure.append(point)
        elif not missing or critical.nature in (Nature.MINIMUM, Nature.MAXIMUM):
            points.append(critical)
    notes = []
    if unsure:
        at = " and ".join(show(p) for p in unsure)
        notes.append(f"∇f has no value at {at}, and the tutor could not decide whether f has a local minimum or "
                     "maximum there, so it may be a critical point too")
    # a part's own critical points, where they repeat (|sin x|) or may be missing (|sin x| + x²), are f's in turn
    windows = tuple(w for one in alone for w in one.windows)
    complete = not unsure and all(one.complete for one in alone)
    if not all(one.complete for one in alone):
        notes.append("the tutor could not solve every case of ∇f = 0 exactly, so some critical points may be missing")
        notes += [f"the kinks in {one.variables[0]}, without end, were looked at only where "
                  f"{interval_text(one.split.unsolved, one.variables[0])}" for one in alone
                  if one.split is not None and one.split.unsolved is not None and not one.windows]
    if windows:
        notes.append(repeats_note(windows, 2))
    return replace(found, points=tuple(sort_exactly(points, key=lambda p: p.point)), complete=complete,
                   note="; ".join(n for n in notes if n), sets=(), cases=(), level=None, split=None, lines=None,
                   windows=windows, unsmooth=(), parts=(alone[0], alone[1]))


def _diagonal(gxx: Expr, hyy: Expr, variables: Sequence[str]) -> Classification:
    """The second-derivative test for g(x) + h(y), whose Hessian is diagonal: D = g″·h″, each known with its
    sign in one variable, so nothing in two variables is simplified again (roots of a quartic take minutes)."""
    D = gxx * hyy
    first, second = sign(gxx), sign(hyy)
    signs = [first, None if first is None or second is None else first * second]
    label = _label(signs)
    hessian = ((gxx, sympy.Integer(0)), (sympy.Integer(0), hyy))
    return Classification(label, D, gxx, _reason(label, variables, D, gxx, [gxx, D], signs), hessian, (gxx, D))


def _has_slope(f: Expr, variables: Sequence[str], point: tuple[Expr, ...], v: str) -> bool:
    """Whether ∂f/∂v has a value at the point: not at a corner (|x| at 0) or a cusp (x^(2/3) at 0)."""
    try:
        differentiable_at(f, variables, point, v)
        slope_at(f, variables, point, v)
    except SolveError:
        return False
    return True


def _unsmooth(f: Expr, syms: Sequence[sympy.Symbol], gradient: Sequence[Expr], sets: Sequence[CriticalSet],
              lines: KinkLines | None, factors: Sequence[Sequence[Expr]], crossed: bool
              ) -> tuple[tuple[Unsmooth, ...], tuple[Expr, ...]]:
    """The points where f has a value and the formula of a partial derivative has none, where they are a few
    found exactly: the real zeros of the partials' denominators (√(x² + y²) at (0, 0)), each polynomial with
    rational coefficients (or its absolute value) and zero at finitely many real points. Where a denominator is
    zero along whole lines ((xy)^(1/3)'s |xy|^(2/3), on the axes), only the points where they cross each other
    or a line where a partial's numerator is 0 are looked at (a partial there from the definition): those
    curves come back too, their other points not looked at, and where a denominator is no such polynomial,
    nothing is looked at; nor where not `crossed`. Points on a critical set or a kink line are left to them."""
    candidates: list[tuple[Expr, ...]] = []
    curves: list[Expr] = []
    for _, denominator, polynomial in domain_of(f, tuple(gradient), tuple(syms))[1:]:
        if polynomial:
            continue
        for factor in sympy.Mul.make_args(denominator):
            base, power = factor.as_base_exp()
            if not base.free_symbols & set(syms) or not power.is_positive:
                continue
            inside = base.args[0] if isinstance(base, sympy.Abs) else base  # |u| is 0 where u is
            zeros = _isolated_zeros(inside, syms)
            if zeros is None:
                if lines is not None or not crossed or len(syms) > 2:  # a zero set's curves: in two variables
                    return (), ()  # its kink lines' own points are found apart
                if rational_polynomial(inside, syms) is None:
                    return (), (inside,)
                curves += [inside] if inside not in curves else []
                continue
            candidates += [p for p in zeros if p not in candidates]
    candidates += [p for p in _crossings(curves, syms, factors) if p not in candidates]
    found = []
    for point in sort_exactly(candidates):
        if any(lies_on(point, s.equations, syms) for s in sets) or \
                (lines is not None and any(lies_on(point, (k.line,), syms) for k in lines.lines)):
            continue
        value = f.xreplace(dict(zip(syms, point)))
        if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or sign(value) is None:
            continue  # f has no value there either: no point of f
        found.append(_decide_unsmooth(f, syms, gradient, point))
    return tuple(found), tuple(curves)


def _covered(curve: Expr, sets: Sequence[CriticalSet], syms: Sequence[sympy.Symbol]) -> bool:
    """Whether every point of curve = 0 is on a critical set: each factor of the curve's polynomial divides
    a set's (x of xy = 0, the set of (xy)^(2/5))."""
    polynomials = [e.lhs - e.rhs for s in sets if len(s.equations) == 1 for e in s.equations]
    try:
        factors = [p for p, _ in sympy.factor_list(curve, *syms)[1]]
        return all(any(sympy.rem(q, p, *syms) == 0 for q in polynomials) for p in factors)
    except (sympy.PolynomialError, NotImplementedError):
        return False


def _nowhere_on(f: Expr, curve: Expr, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether f has no value at any point of curve = 0, each factor of it dividing f's denominator (x + y + 1/(xy)
    on y = 0): no point there is f's, so none is critical."""
    try:
        with deadline(SOLVE_SECONDS):
            below = sympy.fraction(sympy.cancel(sympy.together(f)))[1]
            poly, lines = rational_polynomial(below, syms), rational_polynomial(curve, syms)
            if poly is not None and lines is not None and all(poly.rem(p) == 0 for p, _ in lines.factor_list()[1]):
                return True
            return lines is not None and all(_outside_along(f, p.as_expr(), syms) for p, _ in lines.factor_list()[1])
    except GAVE_UP:
        return False


def _outside_along(f: Expr, line: Expr, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether some part of f has no real value at any point of the line = 0 (ln(xy) on x = 0: ln 0)."""
    moving = [v for v in syms if sympy.degree(line, v) == 1]
    if not moving or sympy.Poly(line, *syms).total_degree() != 1:
        return False
    v = moving[0]
    a = line.coeff(v)
    return real_at(real_powers(f), {v: -(line - a * v) / a}) is None


def _crossings(curves: Sequence[Expr], syms: Sequence[sympy.Symbol], factors: Sequence[Sequence[Expr]]
               ) -> list[tuple[Expr, ...]]:
    """Where the lines making up the curves (xy = 0: the axes) cross each other, or cross a line where a factor
    of a partial's numerator is 0 (x^(1/3)·y's x = 0 and y = 0): finitely many points, each decided apart.
    Each curve is a polynomial with rational coefficients."""
    own: list[Expr] = []
    for curve in curves:
        poly = rational_polynomial(curve, syms)
        if poly is None:
            continue
        own += [p.as_expr() for p, _ in poly.factor_list()[1] if p.total_degree() == 1 and p.as_expr() not in own]
    others = [p for fs in factors for p in fs
              if p.is_polynomial(*syms) and sympy.Poly(p, *syms).total_degree() == 1 and p not in own]
    return _crossing_points([(a, b) for i, a in enumerate(own) for b in [*own[i + 1:], *others]], syms)


def _crossing_points(pairs: Sequence[tuple[Expr, Expr]], syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]]:
    """Where each two lines a = 0 and b = 0 cross (parallel ones never do), each point once."""
    points: list[tuple[Expr, ...]] = []
    for a, b in pairs:
        points += [p for p in linear_zeros((a, b), tuple(syms)) if p not in points]
    return points


def _isolated_zeros(base: Expr, syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]] | None:
    """The real zeros of a polynomial with rational coefficients in x and y, where they are finitely many
    (x² + y²: only (0, 0)); None where it is no such polynomial or is zero along a curve. In more variables,
    only a quadratic that is never negative and 0 at one point (x² + y² + z², the cone's vertex) has them."""
    poly = rational_polynomial(base, syms)
    if poly is None:
        return None
    if len(syms) != 2:
        return _definite_quadratic_zero(poly, syms)
    x, y = syms
    zeros: list[tuple[Expr, ...]] = []
    try:
        with deadline(SOLVE_SECONDS):
            for factor, _ in poly.factor_list()[1]:
                expr = factor.as_expr()
                if has_real_curve(expr, x, y):
                    return None
                found, whole = solve_exactly((expr,), syms)
                if whole:
                    return None
                zeros += [p for p in found if p not in zeros]
    except GAVE_UP:
        return None
    return zeros


def _definite_quadratic_zero(poly: sympy.Poly, syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]] | None:
    """The one real zero of a quadratic q with a positive definite Hessian whose least value is 0 ((x - 1)² + y² + z²
    at (1, 0, 0)): where ∇q = 0, a linear system; [] where its least value is above 0; None for any other q."""
    if poly.total_degree() != 2:
        return None
    q = poly.as_expr()
    hessian = sympy.hessian(q, syms)
    if not all(minor > 0 for minor in (hessian[:k, :k].det() for k in range(1, len(syms) + 1))):
        return None
    point = tuple(linear_zeros(tuple(sympy.diff(q, v) for v in syms), tuple(syms))[0])
    least = q.xreplace(dict(zip(syms, point)))
    return [point] if least == 0 else [] if least > 0 else None


def _decide_unsmooth(f: Expr, syms: Sequence[sympy.Symbol], gradient: Sequence[Expr], point: tuple[Expr, ...]
                     ) -> Unsmooth:
    """Whether a point where ∇f's formula has no value is critical: where f's values show a local minimum or
    maximum (then ∇f has no value there, or is 0), or where f's difference quotients give every partial as 0;
    not where one gives a partial other than 0, or shows it has none at a point that is no extremum."""
    names = [s.name for s in syms]
    values = by_values(f, syms, point)
    slopes: list[Expr | None] = []
    missing, why = [], ""
    for v, g in zip(names, gradient):
        try:
            slopes.append(value_at(g, names, point, f"∂f/∂{v}"))
            continue
        except NoRealValue:
            pass
        slope, said = slope_where_formula_fails(f, names, point, v)
        slopes.append(slope)
        if slope is None:
            missing.append(v)
            why = why or said
    critical: bool | None
    if values.nature in (Nature.MINIMUM, Nature.MAXIMUM):
        critical = True
    elif any(s is not None and sign(s) != 0 for s in slopes):
        critical = False  # a slope other than 0: ∇f ≠ 0 there, or has no value, at a point no extremum
    elif all(s is not None for s in slopes):
        critical = True  # every slope 0: ∇f = 0 there, though its formula has no value
    else:
        critical = False if why and values.nature in (Nature.SADDLE, Nature.NEITHER) else None
    return Unsmooth(point, values, tuple(missing), why, critical)


def _no_gradient_point(f: Expr, variables: Sequence[str], unsmooth: Unsmooth, region: Region | None
                       ) -> CriticalPoint:
    """A critical point where ∇f's formula has no value: where a partial has none, no second-derivative test
    there, f's values decide; where f's slopes give ∇f = 0 after all, the test where it applies."""
    point = unsmooth.point
    names = [f"∂f/∂{v}" for v in unsmooth.missing]
    if names:
        test = no_test(f"{' and '.join(names)} {'has' if len(names) == 1 else 'have'} no value there")
    else:
        test = tested(f, variables, point)
    decided = unsmooth.values if test.label == Nature.INCONCLUSIVE else None
    why = (unsmooth.why or f"{names[0]} has no value there") if names else ""
    return CriticalPoint(point, region.contains(point) if region else None, test, decided, why)


_MOST_LINES = 3  # absolute values in f: each sign of each solved apart


def _on_kink_lines(f: Expr, syms: Sequence[sympy.Symbol], variables: Sequence[str],
                   region: Region | None = None) -> KinkLines | None:
    """∇f = 0 on each side of f's kink lines, where each |u| is u or -u, and the critical points of f along
    each line (so a corner where another line crosses it too: |x| + |y| at (0, 0)), each kept where 0 lies among
    the gradients of the pieces meeting there (`Hull`). None where an inside is not linear with rational
    coefficients, there are more than _MOST_LINES, or a part is not solved exactly and completely as points (f
    constant along a line with f's pieces rising on one side and falling on the other, whose points are not all
    critical), or a piece's gradient at such a point has no value (√|x| + y²: the pieces' slopes are infinite
    there). A line along which f is constant, its pieces rising (or falling) away from it, is a whole line of
    critical points (`_level_kink`): kept as a set, and the points found along other lines that lie on it are
    its own."""
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.default_sort_key)
    if not absolutes or len(absolutes) > _MOST_LINES or f.has(sympy.Max, sympy.Min):
        return None
    insides = [rational_polynomial(a.args[0], syms) for a in absolutes]
    if any(u is None or u.total_degree() != 1 for u in insides):
        return None
    x, y = syms
    off: list[tuple[Expr, ...]] = []
    whole = True
    for signs, smooth in signed_pieces(f, absolutes):
        found = critical_points(smooth, variables, piece=True) if smooth.free_symbols else None
        if found is None or not found.complete:
            return None
        whole = whole and not found.sets
        off += [p.point for p in found.points if holds(absolutes, signs, dict(zip(syms, p.point)))]
        # 2x - x² (|x + y| + |x - y| - x² where x > |y|) is critical all along x = 1, but f is that piece only
        # for -1 < y < 1: the segment's midpoint stands for it, one on each piece (x = -1 too, for -2x - x²)
        off += [m for c in found.sets if (m := _segment_middle(c, absolutes, signs, syms)) is not None]
    lines: list[KinkLine] = []
    level: list[CriticalSet] = []
    for a in absolutes:
        line = as_equation(a.args[0], syms)
        if any(_same_line(k.line, line, syms) for k in lines):  # |x - y| and |2y - 2x|: one line
            continue
        runs = y if line.lhs == x else x
        along = f.xreplace({line.lhs: line.rhs})
        if not along.has(runs):  # f constant along the line: a whole line of critical points, or not all critical
            value = sympy.simplify(along)
            held = _level_kink(f, syms, absolutes, line, value, region)
            if held is None:
                return None
            level += held
            lines.append(KinkLine(line, value, (), bool(held)))
            continue
        found = critical_points(along, [runs.name])
        if not found.complete or found.sets or (found.level is not None and found.level.stretches):
            return None
        points = tuple((p.point[0], line.rhs.xreplace({runs: p.point[0]})) if runs == x else
                       (line.rhs.xreplace({runs: p.point[0]}), p.point[0]) for p in found.points)
        lines.append(KinkLine(line, along, points))
    def on_level(point: tuple[Expr, ...]) -> bool:
        return any(lies_on(point, (s.equation,), syms) for s in level)

    hulls = []
    for point in sort_exactly(unique(p for k in lines for p in k.points if not on_level(p))):
        hull = _hull(f, syms, absolutes, point)
        if hull is None:
            return None
        hulls.append(hull)
    off = [p for p in off if not on_level(p)]
    everything = unique([*off, *(h.point for h in hulls if h.critical)])
    return KinkLines(tuple(lines), tuple(sort_exactly(off)), tuple(sort_exactly(everything)), tuple(hulls), whole,
                     tuple(level))


def _level_kink(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], line: Equation,
                value: Expr, region: Region | None) -> tuple[CriticalSet, ...] | None:
    """A kink line along which f = value: near a point of it f is one polynomial piece on each side, which is
    value there, so each piece minus value is u^k·h, u = 0 being the line; its sign beside the point is the
    side's sign of u to the k, times h's sign on the line. Both ≥ 0 (one > 0): f ≥ value near the point, a
    minimum (|x + y|, |x + y|(1 + y²)); both ≤ 0 a maximum. The line is cut where another kink line crosses it or
    an h is 0, and each such point is decided by f's values (or left undecided): the line, as a set of critical
    points. () where f rises through the whole line, uncut, with a first slope on each side (|x + y| + 2(x + y):
    the pieces' gradients (3, 3) and (1, 1), 0 not between them), so that none of its points is critical. None
    where only some stretch is so, f is value on a side, or a piece is no polynomial."""
    runs = next(v for v in syms if v != line.lhs)
    u = line.lhs - line.rhs
    on = {line.lhs: line.rhs}
    through = [a for a in absolutes if sympy.expand(a.args[0].xreplace(on)) == 0]
    others = [a for a in absolutes if a not in through]
    # |2x + 2y| is 2|u| where u = x + y: with u of sign σ, |a's inside| is σ·(the sign of its multiple of u)·inside
    multiples: list[int] = []
    for a in through:
        if (multiple := sign(sympy.cancel(a.args[0] / u))) is None:
            return None
        multiples.append(multiple)
    marks: list[Expr] = []
    for a in others:
        inside = Poly(sympy.expand(a.args[0].xreplace(on)), runs)
        marks += real_roots(inside) if inside.degree() > 0 else []
    sides: dict[tuple[int, tuple[int | None, ...]], tuple[int, Poly]] = {}
    for side in (1, -1):
        for signs in itertools.product((1, -1), repeat=len(others)):
            fixed = {**{a: side * m * a.args[0] for a, m in zip(through, multiples)},
                     **{a: s * a.args[0] for a, s in zip(others, signs)}}
            g = rational_polynomial(sympy.expand(f.xreplace(fixed) - value), syms)
            if g is None:
                return None
            power, line_poly = 0, Poly(u, *syms)
            while not g.is_zero:
                quotient, remainder = sympy.div(g, line_poly)
                if not remainder.is_zero:
                    break
                g, power = quotient, power + 1
            if g.is_zero:  # f is value on that side: a flat piece, whose points are critical too, not listed
                return None
            h = Poly(sympy.expand(g.as_expr().xreplace(on)), runs)
            marks += real_roots(h) if h.degree() > 0 else []
            sides[(side, signs)] = (power, h)
    marks = sort_exactly(unique(marks))
    shown_value = show(value)
    why = (f"from the pieces of f on either side of it, f - {shown_value} being a power of {show(u)} times a factor "
           "of one sign there")
    pieces: list[Piece] = []
    bounds = [-sympy.oo, *marks, sympy.oo]
    for middle, (low, high) in zip(samples_between(marks), pairwise(bounds)):
        at = {runs: middle, line.lhs: line.rhs.xreplace({runs: middle})}
        here = tuple(sign(a.args[0].xreplace(at)) for a in others)
        beside = set()
        for side in (1, -1):
            power, h = sides[(side, here)]
            if (on_line := sign(h.as_expr().xreplace({runs: middle}))) is None:
                return None
            beside.add(side**power * on_line)
        if beside not in ({1}, {-1}):
            through_all = not marks and all(power == 1 for power, _ in sides.values())
            return () if through_all else None
        pieces.append(piece_of(runs.name, sympy.Interval.open(low, high), beside.pop(), shown_value, why))
        if high != sympy.oo:
            point = tuple(high if v == runs else line.rhs.xreplace({runs: high}) for v in syms)
            way = _level_corner(f, syms, absolutes, point, u, value)
            decided = by_values(f, syms, point) if way is None else judged(
                way, shown_value, "point", 2, "from the pieces of f around it, each of one sign minus "
                f"{shown_value} near it: a power of {show(u)} times a factor of one sign, or sloping "
                f"{'up' if way > 0 else 'down'} along both edges of its sector")
            pieces.append(Piece(runs.name, sympy.FiniteSet(high), decided.nature, decided.reason))
    found = critical_set((line,), syms, f, region)
    inside, extent, variable = region.extent((line,)) if region else (None, None, None)
    merged = merged_pieces(pieces)
    return (replace(found, value=value, pieces=merged, pieces_inside=cut(merged, extent, variable) if inside else ()),)


_MOST_NESTED = 6  # absolute values in f, inside one another: the kink lines are found for each sign of the inner


def _kink_corners(f: Expr, syms: Sequence[sympy.Symbol], region: Region | None) -> list[CriticalPoint]:
    """The points where two kink lines of f cross, where f's lowest order in the distance from the point shows a
    strict local minimum or maximum (2max(|x|, |y|) - x² at (0, 0), a minimum): critical there, ∇f having no
    value. With absolute values inside others (max(a, b) is (a + b + |a - b|)/2), an inside is linear on each
    stretch where those within it are fixed, ||x| - |y|| kinked along x = y and x = -y. Nothing where an inside is
    not so, and no claim where the lowest order does not decide (a corner with values above and below f(P) need
    not be critical)."""
    f = with_abs(f)
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.count_ops)
    if len(absolutes) > _MOST_NESTED:
        return []
    lines: list[Equation] = []
    for a in absolutes:
        inner = sorted(a.args[0].atoms(sympy.Abs), key=sympy.count_ops, reverse=True)  # outermost first
        for signs in itertools.product((1, -1), repeat=len(inner)):
            # outermost first, so that its inside, still holding the inner ones, is fixed as written
            inside = a.args[0]
            for b, s in zip(inner, signs):
                inside = inside.xreplace({b: s * b.args[0]})
            poly = rational_polynomial(sympy.expand(inside), syms)
            if poly is None or inside.has(sympy.Abs) or poly.total_degree() > 1:
                return []
            if poly.total_degree() == 1:
                line = as_equation(poly.as_expr(), syms)
                if not any(_same_line(k, line, syms) for k in lines):
                    lines.append(line)
    points = _crossing_points([(a.lhs - a.rhs, b.lhs - b.rhs) for a, b in itertools.combinations(lines, 2)], syms)
    corners = []
    for point in sort_exactly(points):
        value = f.xreplace(dict(zip(syms, point)))
        way, said = leading_order(f, syms, point, value)
        if way in (1, -1):
            test = no_test("f has a kink there, where an absolute value's inside is 0")
            corners.append(CriticalPoint(point, region.contains(point) if region else None, test,
                                         judged(way, show(value), "point", 2, said)))
    return corners


def _level_corner(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], point: tuple[Expr, ...],
                  u: Expr, value: Expr) -> int | None:
    """1 where f ≥ value near a point of the kink line u = 0 along which f = value, each piece of f meeting there
    being ≥ value in its sector near the point; -1 where each is ≤ value; None where not shown. A piece beside the
    line is value + u^k·h there, of the sign of u^k·h(P) where h(P) ≠ 0 (None with no other line through the
    point, which is then where an h is 0); one between two other lines (|x + y| +
    |x - y|/2 - |x| at (0, 0), between x = 0 and x = y) has f(P) = value and must slope the same way, not 0, along
    both edges of its sector, as at `_rising`'s corners."""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    across = tuple(sympy.diff(u, v) for v in syms)
    rays = _rays(normals)
    if len(rays) < 4:  # the line alone through the point, where a factor h is 0: f's values decide
        return None
    line_poly = Poly(u, *syms)
    ways = set()
    for first, second in zip(rays, [*rays[1:], rays[0]]):
        d = (first[0] + second[0], first[1] + second[1])
        cut = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: c * a.args[0] for a, c in zip(through, cut)}})
        g = rational_polynomial(sympy.expand(piece - value), syms)
        if g is None or g.is_zero:
            return None
        if any(r[0] * across[0] + r[1] * across[1] == 0 for r in (first, second)):  # beside the line u = 0
            power = 0
            while True:
                quotient, remainder = sympy.div(g, line_poly)
                if not remainder.is_zero:
                    break
                g, power = quotient, power + 1
            side, beside = sign(across[0] * d[0] + across[1] * d[1]), sign(g.as_expr().xreplace(at))
            if side is None or beside is None:
                return None
            ways.add(side**power * beside)
        else:
            gradient = [sympy.diff(g.as_expr(), v).xreplace(at) for v in syms]
            ways |= {sign(gradient[0] * e[0] + gradient[1] * e[1]) for e in (first, second)}
    return ways.pop() if ways in ({1}, {-1}) else None


def _segment_middle(found: CriticalSet, absolutes: Sequence[sympy.Abs], signs: Sequence[int],
                    syms: Sequence[sympy.Symbol]) -> tuple[Expr, ...] | None:
    """The middle of the part of a piece's critical line where each inside has the piece's sign (x = 1 of 2x - x²,
    where x - y > 0 and x + y > 0: -1 < y < 1, so (1, 0)); None where that part is not a bounded segment, or the
    set no line solved for one variable."""
    line = found.equation
    if found.also or line.lhs not in syms or line.rhs.free_symbols - set(syms) - {line.lhs} or line.rhs.has(line.lhs):
        return None
    runs = next(v for v in syms if v != line.lhs)
    if rational_polynomial(line.rhs, [runs]) is None or sympy.degree(line.rhs, runs) > 1:
        return None
    part: sympy.Set = sympy.S.Reals
    for a, s in zip(absolutes, signs):
        inside = sympy.expand(a.args[0].xreplace({line.lhs: line.rhs}))
        part = part.intersect(sympy.solveset(s * inside > 0, runs, sympy.S.Reals))
    if not isinstance(part, sympy.Interval) or not (part.start.is_finite and part.end.is_finite) or \
            part.measure == 0:
        return None
    middle = (part.start + part.end) / 2
    point = {runs: middle, line.lhs: line.rhs.xreplace({runs: middle})}
    return tuple(point[v] for v in syms)


def _hull(f: Expr, syms: Sequence[sympy.Symbol], absolutes: Sequence[sympy.Abs], point: tuple[Expr, ...]
          ) -> Hull | None:
    """The gradients at the point of the pieces of f that meet there, one for each side of the kink lines
    through it, and whether 0 lies among them; where one is infinite, whether f has a local minimum or maximum
    there; None where neither is decided."""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    gradients: list[tuple[Expr, ...]] = []
    for d in _directions(normals):  # one direction into each piece, around the point
        signs = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: s * a.args[0] for a, s in zip(through, signs)}})
        gradient = tuple(_piece_slope(sympy.diff(piece, v), syms, point, d) for v in syms)
        if None in gradient:  # an infinite slope (√|x| + y²): critical where f is least or greatest there
            values = by_values(f, syms, point)
            if values.nature == Nature.UNDECIDED:
                return None
            return Hull(point, (), values.nature in (Nature.MINIMUM, Nature.MAXIMUM), values)
        if gradient not in gradients:
            gradients.append(gradient)
    inside = zero_in_hull(gradients)
    return None if inside is None else Hull(point, tuple(gradients), inside)


def _piece_slope(slope: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], into: tuple[Expr, Expr]
                 ) -> Expr | None:
    """A piece's partial derivative at the point, as it nears it from inside the piece (along `into`): sympy's
    derivative of (-x)^(3/2) is 3(-x)^(3/2)/(2x), which has no value at 0 though its limit there is 0. None
    where it has no finite real value."""
    def usable(value: Expr) -> bool:
        return not value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I) and value.is_extended_real is True

    value = sympy.simplify(slope.xreplace(dict(zip(syms, point))))
    if usable(value):
        return value
    t = sympy.Dummy("t", positive=True)
    try:
        with deadline(SOLVE_SECONDS):
            value = sympy.limit(slope.xreplace({v: c + t * d for v, c, d in zip(syms, point, into)}), t, 0, "+")
    except GAVE_UP:
        return None
    return value if usable(value) else None


def _directions(normals: Sequence[tuple[Expr, ...]]) -> list[tuple[Expr, Expr]]:
    """A direction into each sector the lines through the point cut the plane into (normal vectors given):
    for one line the normal and its opposite; for more, between each two neighbouring directions of the
    lines, their sum, taken in the order of their angles (exactly: by half-plane, then cross products)."""
    along = _rays(normals)
    if len(along) == 2:  # one line: a side each, where u < 0 first (x < 0 for |x|)
        a, b = normals[0]
        return [(-a, -b), (a, b)]
    return [(s[0] + t[0], s[1] + t[1]) for s, t in zip(along, [*along[1:], along[0]])]


def _rays(normals: Sequence[tuple[Expr, ...]]) -> list[tuple[Expr, Expr]]:
    """The rays along the lines through the point (normal vectors given), in the order of their angles, as
    _directions goes round them: sector i lies between ray i and ray i + 1."""
    along: list[tuple[Expr, Expr]] = []
    for a, b in normals:
        for t in ((-b, a), (b, -a)):
            if not any(t[0] * u[1] - t[1] * u[0] == 0 and t[0] * u[0] + t[1] * u[1] > 0 for u in along):
                along.append(t)

    def upper(t: tuple[Expr, Expr]) -> bool:  # angle in [0, π)
        return bool(t[1] > 0 or (t[1] == 0 and t[0] > 0))

    def before(s: tuple[Expr, Expr], t: tuple[Expr, Expr]) -> int:
        if upper(s) != upper(t):
            return -1 if upper(s) else 1
        cross = s[0] * t[1] - s[1] * t[0]
        return -1 if cross > 0 else (1 if cross < 0 else 0)

    return sorted(along, key=functools.cmp_to_key(before))


def _rising(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...]) -> tuple[int | None, str]:
    """1 where two or more kink lines cross at the point and f rises away from it in every direction, each
    piece meeting there sloping up along both edges of its sector (|x + y| + |x - y| - x² at (0, 0): 2x - x²
    for x > |y|, with gradient (2, 0), and so round): f's one-sided slopes out of the point are then all above
    0, and f is least there; -1 where all fall. (None, "") where a sign is not known, or with one line through
    the point, whose two sectors are half-planes that first slopes alone never decide (|x| + y²)."""
    absolutes = sorted(f.atoms(sympy.Abs), key=sympy.default_sort_key)
    insides = [rational_polynomial(a.args[0], syms) for a in absolutes]
    if f.has(sympy.Max, sympy.Min) or any(u is None or u.total_degree() != 1 for u in insides):
        return None, ""
    at = dict(zip(syms, point))
    fixed = {a: s * a.args[0] for a in absolutes if (s := sign(a.args[0].xreplace(at)))}
    through = [a for a in absolutes if a not in fixed]
    normals = [tuple(sympy.diff(a.args[0], v) for v in syms) for a in through]
    rays = _rays(normals)
    if len(rays) < 4:
        return None, ""
    signs, pieces = set(), []
    for first, second in zip(rays, [*rays[1:], rays[0]]):
        d = (first[0] + second[0], first[1] + second[1])
        cut = [sign(n[0] * d[0] + n[1] * d[1]) for n in normals]
        piece = f.xreplace({**fixed, **{a: c * a.args[0] for a, c in zip(through, cut)}})
        gradient = [_piece_slope(sympy.diff(piece, v), syms, point, d) for v in syms]
        if None in gradient:
            return None, ""
        for edge in (first, second):
            signs.add(sign(gradient[0] * edge[0] + gradient[1] * edge[1]))
        pieces.append(show(sympy.expand(piece)))
    if signs not in ({1}, {-1}):
        return None, ""
    way = "up" if signs == {1} else "down"
    return (1 if signs == {1} else -1), (f"each piece of f meeting there slopes {way} away from it along both "
                                         f"edges of its sector: {', '.join(unique(pieces))}")


def zero_in_hull(vectors: Sequence[tuple[Expr, ...]]) -> bool | None:
    """Whether 0 lies in the convex hull of plane vectors, decided exactly (Carathéodory: then it lies in that
    of one, two or three of them): one is 0, two point opposite ways on a line, or three go round it, each
    cross product of neighbours of one sign. None where a sign can't be decided."""
    def signs(values: Sequence[Expr]) -> list[int] | None:
        found = [sign(v) for v in values]
        return None if None in found else found  # type: ignore[return-value]

    if any(all(sign(c) == 0 for c in v) for v in vectors):
        return True
    for a, b in itertools.combinations(vectors, 2):
        s = signs([a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]])
        if s is None:
            return None
        if s[0] == 0 and s[1] < 0:
            return True
    for a, b, c in itertools.combinations(vectors, 3):
        s = signs([u[0] * v[1] - u[1] * v[0] for u, v in ((a, b), (b, c), (c, a))])
        if s is None:
            return None
        if s in ([1, 1, 1], [-1, -1, -1]):
            return True
    return False


def _a_kink_line(found: CriticalSet, f: Expr, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether a critical set lies on a line where the inside of one of f's absolute values is 0 (x = 0 of y|x|;
    x = -y with (y + 1)sign(x + y) + |x + y| = 0 of (y + 1)|x + y|)."""
    def linear(e: Expr) -> bool:
        polynomial = rational_polynomial(e, syms)
        return polynomial is not None and polynomial.total_degree() == 1

    line = found.equation.lhs - found.equation.rhs
    return len(syms) == 2 and linear(line) and any(
        linear(a.args[0]) and _same_line(found.equation, as_equation(a.args[0], syms), syms)
        for a in f.atoms(sympy.Abs))


def _same_line(a: Equation, b: Equation, syms: Sequence[sympy.Symbol]) -> bool:
    """Whether two linear equations are the same line (x = y and 2x = 2y)."""
    p, q = (sympy.Poly(e.lhs - e.rhs, *syms) for e in (a, b))
    return sympy.Matrix([[p.coeff_monomial(m) for m in (syms[0], syms[1], 1)],
                         [q.coeff_monomial(m) for m in (syms[0], syms[1], 1)]]).rank() == 1


def _on_kink(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], region: Region | None,
             lines: Sequence[KinkLine] = ()) -> CriticalPoint:
    """A critical point on a kink line: a partial derivative, or a second one, has no value there, so
    no second-derivative test; f's values decide, along the kink lines through it too."""
    test = no_test("f has a kink there, where an absolute value's inside is 0")
    # why a partial has none there, where f's slopes on either side say it (|x| + y² at (0, 0)); "" where ∇f
    # is there after all, or the slopes can't be found
    why = next((why for s in syms if (why := slope_where_formula_fails(f, [v.name for v in syms], point,
                                                                         s.name)[1])), "")
    values = by_values(f, syms, point, leading=False)
    value = f.xreplace(dict(zip(syms, point)))
    if values.nature == Nature.UNDECIDED:  # a corner where kink lines cross: f's slopes out of it may decide
        s, said = _rising(f, syms, point)
        if s is None:  # |x - 2y| + |x + y|/10 - √(x² + y²)/3: the lowest order in the distance from it
            s, said = leading_order(f, syms, point, value)
        if s is not None:
            values = judged(s, show(value), "point", len(syms), said)
    if values.nature == Nature.UNDECIDED:
        values = _along_kinks(f, syms, point, lines, values)
    return CriticalPoint(point, region.contains(point) if region else None, test, values, why)


def _along_kinks(f: Expr, syms: Sequence[sympy.Symbol], point: tuple[Expr, ...], lines: Sequence[KinkLine],
                 values: ByValues) -> ByValues:
    """What f along the kink lines through an undecided point adds, the axes having been looked at: lower on
    both sides along one (2|x + y| + |x - y| - x² at (1, -1), 2x - x² along x + y = 0) is no minimum, and a
    saddle where another line showed f higher; higher on both sides, likewise no maximum."""
    value = f.xreplace(dict(zip(syms, point)))
    for k in lines:
        if not lies_on(point, (k.line,), syms):
            continue
        runs = next(iter(k.along.free_symbols & set(syms)))
        a = point[list(syms).index(runs)]
        s, _ = higher_derivatives(k.along, runs, a)
        if s is None:
            s, _ = one_sided(k.along, runs, a)
        if s not in (1, -1):
            continue
        here = f"{show(k.along - value)} {'>' if s > 0 else '<'} 0 near it on the kink line {show(k.line)}"
        ruled = ruled_out(s, here)
        if values.rules_out not in (None, ruled.rules_out):  # the other way along another line: above and below
            above, below = (here, values.one_way) if s > 0 else (values.one_way, here)
            return judged(0, show(value), "point", len(syms), f"f - f(P) = {above}, but {below}")
        if values.rules_out is None:
            values = ruled
    return values


def repeats_note(windows: Sequence[Window], count: int, listed: str = "critical points", zeros: bool = False) -> str:
    """That ∇f repeats, so the critical points listed (or `listed`: the kinks) are those of one period, and recur:
    as one variable's minimum says it of f. Nothing where the region's bounds hold every one."""
    periodic = [w for w in windows if not w.bounded]
    if not periodic:
        return ""
    slope = "f′" if count == 1 else "∇f"
    if zeros:  # e⁻ˣ(cos x − sin x) does not repeat; where it is 0 does
        slope = f"where {slope} = 0"
    every = " and ".join(f"every {show(w.period)}" + (f" in {w.variable}" if count > 1 else "") for w in periodic)
    within = " and ".join(w.text() for w in periodic)
    if len(periodic) == 1:
        (w,) = periodic
        recurs = f"each recurs at {w.variable} + k·{show(w.period)} for every integer k"
    else:
        shifted = ", ".join(f"{w.variable} + {k}·{show(w.period)}" for w, k in zip(periodic, "jk"))
        recurs = f"each recurs at ({shifted}) for all integers j and k" if count == 2 else \
            f"each recurs a whole period on in each of {', '.join(w.variable for w in periodic)}"
    return f"{slope} repeats {every}: these are the {listed} with {within}, and {recurs}"


NUMERIC_SPAN = 10  # where f′ = 0 went unsolved on every x, its sign changes are looked for in -10 ≤ x ≤ 10


NUMERIC_SAMPLES = 400


def sign_changes(slope: Expr, x: sympy.Symbol, span: sympy.Set) -> tuple[list[Expr], list[float]]:
    """Where f′ = 0 went unsolved (x cos x + sin x): the places in span (its bounded part, else -10 ≤ x ≤ 10)
    where f′ changes sign on a grid, each narrowed down numerically; those that are a simple number at which f′ is
    0 exactly (`simple_near`: 0, 5π/4) apart, as exact zeros, the others as numbers. Some may be missed (where f′
    touches 0 without changing sign, or changes it twice between samples): it only ever adds."""

    low = span.inf if span.inf.is_finite else -NUMERIC_SPAN
    high = span.sup if span.sup.is_finite else NUMERIC_SPAN
    try:
        evaluate = sympy.lambdify(x, slope, "mpmath")
        step_size = (float(high) - float(low)) / NUMERIC_SAMPLES
        grid = [float(low) + k * step_size for k in range(NUMERIC_SAMPLES + 1)]
        values = [_real_value(evaluate, a) for a in grid]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return [], []
    exact: list[Expr] = []
    numeric: list[float] = []
    for (a, u), (b, v) in pairwise(zip(grid, values)):
        if u is None or v is None or u * v > 0 or (v == 0 and b != grid[-1]):
            continue  # a zero at a grid point is taken once, from the interval it ends on the left
        root = a if u == 0 else (b if v == 0 else _bisect(evaluate, a, b, u))
        if root is None:
            continue
        found = [c for c in simple_near(root) if span.contains(c) == sympy.true
                 and sign(slope.xreplace({x: c})) == 0]
        if found:
            exact += [c for c in found[:1] if c not in exact]
        elif span.contains(root) == sympy.true:
            numeric.append(root)
    return exact, numeric


def on_mirror_lines(f: Expr, syms: Sequence[sympy.Symbol], windows: Sequence[Window], bounds: Region | None
                    ) -> tuple[list[tuple[Expr, ...]], list[tuple[float, ...]], list[str]]:
    """Where ∇f = 0 went unsolved in two variables: critical points on a line f is mirrored in. Where f(x, y) =
    f(y, x), ∂f/∂y(t, t) = ∂f/∂x(t, t), so each zero of ∂f/∂x(t, t) is a critical point (t, t); where f(x, y) =
    f(-y, -x), each zero of ∂f/∂x(t, -t) is one (t, -t). Those zeros are sought as one variable's are: sympy's solve
    within its work budget, and sign changes (`sign_changes`), so each is sure; exact points, and the others as
    numbers, with the lines looked along. Only ever adds: the points off those lines are not looked for."""

    x, y = syms
    spans = {w.variable: w for w in windows}
    exact: list[tuple[Expr, ...]] = []
    near: list[tuple[float, ...]] = []
    lines: list[str] = []
    slope = sympy.diff(f, x)

    def into_y(value: Expr) -> Expr:
        return spans[y.name].into(value) if y.name in spans else value

    for mirror, along in (({x: y, y: x}, x), ({x: -y, y: -x}, -x)):
        if f.xreplace(mirror) != f:
            continue
        g = slope.xreplace({y: along})
        span = _line_span(x.name, y.name, along != x, spans, bounds)
        if span.is_empty:
            continue
        lines.append(f"{y.name} = {show(along)}")
        zeros, numeric = sign_changes(g, x, span)
        # a periodic slope: solve lists only some of its zeros, the sign changes in the window all; and where every
        # sign change was a simple number, solve is asked nothing (it only ever adds)
        if not spans and numeric:
            zeros += [z for z in (solved_in_one(g, x) or []) if z not in zeros and span.contains(z) == sympy.true]
        for z in zeros:
            point = (z, into_y(along.xreplace({x: z})))
            if point not in exact:
                exact.append(point)
        for z in numeric:
            # 2π at the end of [0, 2π): an exact zero outside the window, not a number near one inside it
            if any(sign(g.xreplace({x: c})) == 0 for c in simple_near(z)):
                continue
            if not any(abs(float(e[0]) - z) < 1e-9 * max(1.0, abs(z)) for e in exact):
                near.append((z, float(into_y(along.xreplace({x: sympy.Float(z)})))))
    return exact, near, lines


def _nearly_on(point: Sequence[float], equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> bool:
    """Whether a point found numerically (to about 10⁻⁹) satisfies every equation to within 10⁻⁶."""
    values = {s: sympy.Float(c, 30) for s, c in zip(syms, point)}
    try:
        return all(abs(complex((e.lhs - e.rhs).xreplace(values).evalf(30))) < 1e-6 for e in equations)
    except (TypeError, ValueError, ArithmeticError):
        return False


def simple_points(gradient: Sequence[Expr], syms: Sequence[sympy.Symbol], windows: Sequence[Window]
                  ) -> list[tuple[Expr, ...]]:
    """Where ∇f repeats in both variables and ∇f = 0 went unsolved: the points of the windows (one period, or the
    region's bounds) at whole twelfths of a period (0, π/6, …, 11π/6 for 2π) where ∇f is 0 exactly, each a
    critical point for sure ((0, π) and (π, 0) of cos x + cos y + cos(x + y)); the others are not looked for."""
    spans = {w.variable: w for w in windows}
    if len(spans) != 2:
        return []
    steps = []
    for w in (spans[s.name] for s in syms):
        twelfth = w.period / 12
        first, last = sympy.ceiling(w.span.inf / twelfth), sympy.floor(w.span.sup / twelfth)
        if not (first.is_Integer and last.is_Integer) or last - first > 48:  # a region's window many periods wide
            return []
        steps.append([k * twelfth for k in range(int(first), int(last) + 1) if w.span.contains(k * twelfth)])
    return [p for p in itertools.product(*steps)
            if all(sign(g.xreplace(dict(zip(syms, p)))) == 0 for g in gradient)]


def _line_span(x: str, y: str, opposite: bool, spans: dict[str, Window], bounds: Region | None) -> sympy.Set:
    """Where t is looked at on the line (t, t) or (t, -t): in x's window (or the region's bounds), and where y has
    no window of its own, in y's bounds too."""
    span = spans[x].span if x in spans else (bounds.span(x) if bounds is not None else sympy.S.Reals)
    if y in spans or bounds is None:
        return span
    other = bounds.span(y)
    if opposite:
        other = sympy.imageset(sympy.Lambda(_T, -_T), other)
    return sympy.Intersection(span, other)


_T = sympy.Symbol("t", real=True)


def _real_value(evaluate: Callable, at: float) -> float | None:
    try:
        value = complex(evaluate(at))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return value.real if value.imag == 0 and math.isfinite(value.real) else None


def _bisect(evaluate: Callable, a: float, b: float, at_a: float) -> float | None:
    """A zero of a continuous function whose sign changes from a to b; None where it jumps there instead (a pole)."""
    for _ in range(60):
        middle = (a + b) / 2
        value = _real_value(evaluate, middle)
        if value is None:
            return None
        if value == 0:
            return middle
        a, b, at_a = (middle, b, value) if value * at_a > 0 else (a, middle, at_a)
    ends = [_real_value(evaluate, a), _real_value(evaluate, b)]
    # a pole between them: f′ grows without bound, not to 0
    return (a + b) / 2 if all(e is not None and abs(e) < 1e-6 for e in ends) else None


def _windows(equations: Sequence[Expr], syms: Sequence[sympy.Symbol], region: Region | None) -> tuple[Window, ...]:
    """The variables every partial repeats in, each with its least common period (`least_period` of each
    partial), and where the solutions in it are listed: the region's bounds on it, or one period."""
    from .minimize import least_period  # minimize finds its critical points here: imported when first needed

    windows = []
    try:
        with deadline(SOLVE_SECONDS):
            for s in syms:
                found = [least_period(g, s) for g in equations if s in g.free_symbols]
                periods = [p for p in found if p is not None]
                if not periods or len(periods) < len(found):
                    continue
                period: Expr = periods[0]
                ratios = [sympy.simplify(other / period) for other in periods[1:]]
                if not all(r.is_Rational for r in ratios):
                    continue
                # the least common multiple: T and every (p/q)·T divide lcm(p, …)·T
                period *= math.lcm(*(int(r.p) for r in ratios))
                if not period.is_positive:
                    continue
                windows.append(_window(s.name, period, region))
    except GAVE_UP:
        return ()
    return tuple(windows)


def _window(name: str, period: Expr, region: Region | None) -> Window:
    """Where the critical points are listed in a variable they recur in every `period`: the region's bounds on
    it, where both are finite, else one period from 0."""
    span = region.span(name) if region is not None else sympy.S.Reals
    bounded = bool(span.is_finite_set is not True and span.inf.is_finite and span.sup.is_finite) \
        if not span.is_empty else False
    return Window(name, span if bounded else sympy.Interval.Ropen(0, period), period, bounded)


def _level(f: Expr, x: sympy.Symbol, always: bool) -> Level | None:
    try:
        return level_critical(f, x, always)
    except SolveError:  # a sign not told exactly: sympy's solution stands
        return None


def tested(f: Expr, variables: Sequence[str], point: tuple[Expr, ...]) -> Classification:
    """The second-derivative test, or where a second derivative has no value at the point (|x|^(3/2) at 0,
    where f″ is infinite), no test: f's values decide there."""
    try:
        return classify(f, variables, point)
    except NoRealValue:
        missing = "f″" if len(variables) == 1 else "a second derivative"
        return no_test(f"{missing} has no value there")


def _corner(f: Expr, x: sympy.Symbol, corner: Corner, region: Region | None) -> CriticalPoint:
    """A kink where f′ = 0 from both sides: no second-derivative test there (f″ jumps, or has no value),
    so f's values on each side decide."""
    shown = f"f is {show(sympy.factor(corner.left))} just left of it and {show(sympy.factor(corner.right))} just " \
        "right of it"
    signs = {corner.below, corner.above} - {0}
    s = signs.pop() if len(signs) == 1 else 0
    why = f"f′ = 0 from both sides, and {shown}"
    decided = judged(s, show(f.xreplace({x: corner.point})), "point", 1, why)
    test = no_test(shown, f"a kink: {shown}")
    point = (corner.point,)
    return CriticalPoint(point, region.contains(point) if region else None, test, decided)


_MOST_KINKED = 3  # absolute values in f, each side of each solved apart


def _cornered(f: Expr) -> tuple[Expr, list[sympy.Abs]]:
    """f with its corners written as absolute values, and those absolute values, in order; none where f has
    more than _MOST_KINKED of them, or one inside another, to split f at."""
    cornered = with_abs(f)
    absolutes = sorted(cornered.atoms(sympy.Abs), key=sympy.default_sort_key)
    if len(absolutes) > _MOST_KINKED or any(a.args[0].has(sympy.Abs) for a in absolutes):
        return cornered, []
    return cornered, absolutes


def _split_at_kinks(f: Expr, x: sympy.Symbol, region: Region | None = None) -> Split | None:
    """f′ = 0 on each stretch between kinks (sin|x|: -cos x = 0 for x < 0, cos x = 0 for x > 0), each side's
    solutions listed by sympy's solveset. Where a side's go on without end (an image of every integer, as
    for cos x = 0), those within one period of f′ beyond the outermost kinks are listed. Where the kinks go
    on without end, f must repeat (|sin x|: `_repeating`). None where a kink, a side's solutions or a period
    can't be found, or in time."""
    cornered, absolutes = _cornered(f)
    if not absolutes:
        return None
    try:
        with deadline(SOLVE_SECONDS), counted(ONE_VARIABLE_SOLVE_WORK):
            kinks: list[Expr] = []
            for a in absolutes:
                found = sympy.solveset(a.args[0], x, sympy.S.Reals)
                if _endless_set(found):  # sin x = 0 at every kπ
                    return _repeating(f, cornered, x, absolutes, region)
                if not isinstance(found, sympy.FiniteSet) or not all(k.is_comparable for k in found):
                    return None
                kinks += [k for k in found if k not in kinks]
            kinks = sort_exactly(kinks)
            sides: list[tuple[Expr, Expr, Expr, Expr, sympy.Set]] = []
            reach = sympy.Integer(0)
            for low, high in pairwise([-sympy.oo, *kinks, sympy.oo]):
                middle = _inside(low, high)
                found_signs = [sign(a.args[0].xreplace({x: middle})) for a in absolutes]
                signs = [s for s in found_signs if s]
                if len(signs) < len(absolutes):
                    return None
                smooth = signed(cornered, absolutes, signs)
                slope = sympy.diff(smooth, x)
                found = sympy.solveset(slope, x, sympy.Interval.open(low, high))
                sides.append((low, high, smooth, slope, found))
                if isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet:
                    continue
                period = sympy.periodicity(slope, x)
                if not _endless_set(found) or period is None or not period.is_positive:
                    return None
                reach = sympy.Max(reach, period)
            window = None if reach == 0 else \
                sympy.Interval.open((kinks[0] if kinks else 0) - reach, (kinks[-1] if kinks else 0) + reach)
            listed = []
            for low, high, smooth, slope, found in sides:
                endless = not (isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet)
                if endless:
                    found = found.intersect(window)
                if not (isinstance(found, sympy.FiniteSet) or found == sympy.S.EmptySet) \
                        or not all(z.is_comparable for z in found):
                    return None
                listed.append(Side(low, high, smooth, slope, tuple(sort_exactly(found)), endless))
    except GAVE_UP:
        return None
    zeros = sort_exactly(dict.fromkeys(z for side in listed for z in side.zeros))
    return Split(tuple(zeros), tuple(kinks), window, tuple(listed))


def _repeating(f: Expr, cornered: Expr, x: sympy.Symbol, absolutes: Sequence[sympy.Abs],
               region: Region | None) -> Split | None:
    """f′ = 0 and the kinks of an f that repeats, kinks and all (|sin x|, least period π), within one period,
    0 ≤ x < π, or the region's bounds: a period on, f and so each kink and zero are as they were. f plus a line
    (|sin x| + x/10) does too, its f′ repeating. Solved as the minimum of a periodic f is (`spanned`). None where
    neither has a period sympy finds (|sin x| + x², whose kinks go on without end) or solveset can't list them."""
    from .minimize import drift, least_period  # minimize finds its critical points here: imported when first needed

    period = least_period(f, x)
    shifted = drift(f, x) if period is None else None  # |sin x| + x/10 does not repeat, but f′ does, kinks too
    if shifted is not None:
        period = shifted.period
    if period is None or not period.is_comparable:
        return None
    window = _window(x.name, period, region)
    found = spanned(cornered, x, absolutes, window.span)
    if found is None or not all(z.is_comparable for z in (*found.kinks, *found.zeros)):
        return None
    return Split(found.zeros, found.kinks, repeats=window, signed=found, slope_only=shifted is not None)


def _endless_kinks(f: Expr, x: sympy.Symbol, region: Region | None) -> Split | None:
    """The kinks of an f whose kinks go on without end (|sin x| + x²: at every kπ), where f′ = 0 between them is
    not solved (±cos x + 2x = 0): each kink is a corner or cusp to decide from both sides, as any other is. Those
    of one period where f or f′ repeats (sin(x)^(2/3) + x/10), else those within the region's bounds, else
    within one period of the inside each side of 0 (sin x: -2π ≤ x ≤ 2π). None where f has no such kinks, or
    they can't be listed in time; the result says f′ = 0 went unsolved, so nothing is claimed complete."""
    from .minimize import drift, least_period  # minimize finds its critical points here: imported when first needed

    absolutes = _cornered(f)[1]
    if not absolutes:
        return None
    try:
        with deadline(SOLVE_SECONDS):
            insides = [a.args[0] for a in absolutes
                       if _endless_set(sympy.solveset(a.args[0], x, sympy.S.Reals))]
            if not insides:
                return None
            period = least_period(f, x)
            shifted = drift(f, x) if period is None else None
            period = shifted.period if shifted is not None else period
            repeats = _window(x.name, period, region) if period is not None and period.is_comparable else None
            span = repeats.span if repeats is not None else _window(x.name, sympy.oo, region).span
            if repeats is None and not span.sup.is_finite:  # no bounds of the region's: a period of each inside
                periods = [sympy.periodicity(u, x) for u in insides]
                if any(p is None or not p.is_positive for p in periods):
                    return None
                reach = sympy.Max(*periods)
                span = sympy.Interval(-reach, reach)
            kinks: list[Expr] = []
            for a in absolutes:
                found = sympy.solveset(a.args[0], x, span)
                if not isinstance(found, sympy.FiniteSet) or not all(k.is_comparable for k in found):
                    return None
                kinks += [k for k in found if k not in kinks]
    except GAVE_UP:
        return None
    return Split((), tuple(sort_exactly(kinks)), repeats=repeats, slope_only=shifted is not None, unsolved=span)


def _concave_kinks(f: Expr, x: sympy.Symbol, region: Region | None) -> Split | None:
    """The kinks of one period (`_endless_kinks`) where f or f′ repeats with them and f″ < 0 between them
    (`concave_between`): they hold every local minimum. None otherwise."""
    if not f.has(sympy.Abs):
        return None
    split = _endless_kinks(f, x, region)
    if split is None or split.repeats is None or split.repeats.bounded:
        return None
    return split if concave_between(f, x, split.kinks, split.repeats.period) else None


def concave_between(f: Expr, x: sympy.Symbol, kinks: Sequence[Expr], period: Expr) -> bool:
    """Whether f″ < 0 on every stretch between the kinks of one period (sin(x)^(2/3) + x/10 on 0 < x < π,
    |sin x| + |cos(x/3)| + x/100 on each stretch of 0 < x < 3π), shown exactly: on a stretch each inside keeps
    its sign, so it is written as that sign times a positive number, and every term of the piece's f″ is then
    ≤ 0 by sympy's assumptions, one < 0. f′ only falls there, so a zero of f′ between kinks, found or not, is a
    maximum, never a minimum: the kinks hold every local minimum. False where that can't be shown (an inside
    with a pole, where its sign may change off a kink: tan x)."""
    cornered, absolutes = _cornered(f)
    insides = [a.args[0] for a in absolutes]
    if not kinks or not absolutes or not all(_smooth_everywhere(u) for u in insides):
        return False
    positive = sympy.symbols(f"q0:{len(insides)}", positive=True)
    marks = sort_exactly(list(kinks))
    for low, high in pairwise([*marks, marks[0] + period]):
        middle = _inside(low, high)
        signs = [s for s in (sign(u.xreplace({x: middle})) for u in insides) if s]
        if len(signs) < len(insides):
            return False
        bent = sympy.diff(signed(cornered, absolutes, signs), x, 2)
        bent = bent.xreplace({u: s * q for u, s, q in zip(insides, signs, positive)})
        terms = sympy.Add.make_args(sympy.expand(bent))
        if not all(t.is_nonpositive for t in terms) or not any(t.is_negative for t in terms):
            return False
    return True


def _smooth_everywhere(inside: Expr) -> bool:
    """Whether an inside is a sum of products of sines and cosines, polynomial in them: no pole, where its sign
    could change off its zeros."""
    functions = inside.atoms(sympy.Function)
    return all(isinstance(g, (sympy.sin, sympy.cos)) for g in functions) and \
        all(p.exp.is_Integer and p.exp >= 0 for p in inside.atoms(sympy.Pow))


def _endless_set(found: sympy.Set) -> bool:
    """Whether solveset's set is an image of every integer, or such images cut to an interval, or a union of
    those: infinitely many solutions, cos x = 0's π/2 + kπ."""
    if isinstance(found, sympy.Union):
        return all(_endless_set(part) for part in found.args)
    if isinstance(found, sympy.Intersection):
        return any(_endless_set(part) for part in found.args) and \
            all(isinstance(part, sympy.Interval) or _endless_set(part) for part in found.args)
    return isinstance(found, sympy.ImageSet) and found.base_set == sympy.S.Integers


def _kink(f: Expr, x: sympy.Symbol, at: Expr, region: Region | None) -> CriticalPoint | None:
    """A kink where f′'s sign changes (a corner: sin|x| at 0, f′ -1 from the left and 1 from the right),
    decided by those signs; one where f′ → 0 from both sides, as a zero of f′; None where f′ keeps one sign
    across it (no extremum, and f′ is not 0 there)."""
    value = f.xreplace({x: at})
    if value.has(sympy.zoo, sympy.nan) or value.is_finite is False or value.is_extended_real is False:
        return None  # ln|x| or 1/|x| at 0: f has no value there, so no point of f's is critical there
    s, why = one_sided(f, x, at)
    point = (at,)
    inside = region.contains(point) if region else None
    if s is None:  # f′ → 0 on a side: f′ = 0 there, as at any other zero (decided as one, below)
        return CriticalPoint(point, inside, Classification(Nature.INCONCLUSIVE, sympy.nan, sympy.nan, ""))
    if s == 0:
        return None
    kind = kink_shape(why)  # |x|^(2/3): f′ is -∞ from the left and ∞ from the right
    decided = judged(s, show(f.xreplace({x: at})), "point", 1, f"{kind}, where {why}")
    test = no_test(why, f"{kind}: {why}")
    return CriticalPoint(point, inside, test, decided, why)
