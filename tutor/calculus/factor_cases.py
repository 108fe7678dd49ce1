"""Solving ∇f = 0 case by case, the way the lesson does it: factor each partial derivative, take one factor
from each (a product is zero when a factor is), and solve each such case. A case may give points, nothing,
or a whole set (the line x = 0 when both partials have the factor x).

Polynomial equations with rational coefficients in one or two variables are solved completely and exactly
(tutor.calculus.roots: real roots isolated, never a float of a complex number); other equations go to
sympy's solve, and the result says when it may be incomplete.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from itertools import pairwise
from typing import cast

import sympy
from sympy import Expr, Poly
from sympy.calculus.util import continuous_domain

from ..budget import OutOfTime, counted, deadline, metered_cache
from ..equality import afresh
from ..parse import Equation
from ..show import show
from .by_values import (
    cut,
    judged,
    merged_pieces,
    nowhere_below_value,
    piece_of,
    pieces_along,
    rational_ratio,
    samples_between,
)
from .classified import GAVE_UP, SOLVE_SECONDS, Case, CriticalSet, Family, Nature, Piece, Window, and_points, unique
from .common import SolveError, no_closed_form, real_at, sign, symbols
from .kinks import holds, signed_pieces
from .level import Through, through
from .region import Region, curve_meets_box, interval_text
from .roots import (
    MOST_DEGREE,
    TooHigh,
    as_real,
    own_root,
    rational_between,
    rational_polynomial,
    real_roots,
    real_solutions,
    sort_exactly,
)


def polynomial_zeros(equations: Sequence[Expr], variables: Sequence[str],
                     max_degree: int = 3) -> tuple[tuple[tuple[Expr, ...], ...], tuple[Equation, ...]] | None:
    """Where every one of `equations` is zero: isolated points and whole lines, exactly, the way
    the lesson solves ∇f = 0 (one factor of each equation, each case solved, a factor in one
    variable first). Only for polynomials with rational coefficients in one or two variables, each
    of total degree at most `max_degree`, and only cases that one-variable factors or linear
    equations settle: the work is bounded by the equations themselves. None for any other system."""
    syms = symbols(variables)
    if not 1 <= len(syms) <= 2:
        return None
    numerators = []
    for equation in equations:
        numerator, degree = _rational_numerator(equation, syms)
        if numerator == 0:
            continue
        if degree is None or degree > max_degree:
            return None
        numerators.append(numerator)
    if not numerators:
        return None
    points: list[tuple[Expr, ...]] = []
    lines: list[Equation] = []
    for combination in itertools.product(*(factors_of(n, syms) for n in numerators)):
        distinct = tuple(dict.fromkeys(combination))
        if not distinct or contradictory(distinct):
            continue
        if len(syms) == 2 and len(distinct) == 1:  # one factor of every equation: a whole curve
            if _degree(distinct[0], syms) == 1:
                lines.append(as_equation(distinct[0], syms))
            continue
        found = _settled(distinct, syms)
        if found is None:
            return None
        points += [p for p in found if p not in points]
    lines = unique(lines)
    points = [p for p in points if not any(lies_on(p, (line,), syms) for line in lines)]
    return tuple(sorted(points, key=sympy.default_sort_key)), tuple(lines)  # a set: any fixed order


@metered_cache(4096)  # an equation's numerator comes again in many wrong gradients (2x + 3 beside each slip in ∂f/∂y)
def _rational_numerator(equation: Expr, syms: tuple[sympy.Symbol, ...]) -> tuple[Expr, int | None]:
    """The numerator of `equation` and, where it is a polynomial with rational coefficients in
    syms, its total degree (None where it is not one)."""
    numerator = equation if equation.is_polynomial(*syms) else numerator_of(equation)
    if numerator == 0:
        return numerator, None
    poly = _polynomial(numerator)  # its factors are taken next: the same Poly
    if poly is None or not set(poly.gens) <= set(syms):
        poly = rational_polynomial(numerator, syms)
    return numerator, None if poly is None else poly.total_degree()


@metered_cache(4096)  # a factor's degree, then (when it is a line) its coefficients: one Poly
def _poly_in(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> Poly:
    return Poly(factor, *syms)


def _degree(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> int:
    return _poly_in(factor, syms).total_degree()


@metered_cache(4096)  # the same factors meet in many systems: a right partial beside each wrong one
def _settled(factors: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]) -> tuple[tuple[Expr, ...], ...] | None:
    """The common real zeros of factors that a factor in one variable, or linearity, settles; None else."""
    if all(_degree(f, syms) == 1 for f in factors):
        return linear_zeros(factors, syms)
    single = next((f for f in factors if len(f.free_symbols & set(syms)) == 1), None)
    if single is None:
        return None
    (s,) = single.free_symbols & set(syms)
    i = syms.index(s)
    others = [f for f in factors if f != single]
    found: list[tuple[Expr, ...]] = []
    roots = _zeros_in(single, s)
    if roots is None:
        return None
    for root in sorted(roots, key=sympy.default_sort_key):
        rest = [sympy.expand(f.xreplace({s: root})) for f in others]
        if any(r.is_number and r != 0 for r in rest):
            continue
        rest = [r for r in rest if r != 0]
        if len(syms) == 1:
            found.append((root,))
            continue
        other = syms[1 - i]
        if not rest:
            return None  # the whole line s = root: a case of lines, not of points
        values = [_zeros_in(r, other) for r in rest]
        common = None if None in values else frozenset.intersection(*(v for v in values if v is not None))
        if common is None:
            return None
        for value in sorted(common, key=sympy.default_sort_key):
            found.append((root, value) if i == 0 else (value, root))
    return tuple(found)


def linear_zeros(factors: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]) -> tuple[tuple[Expr, ...], ...]:
    """The one common zero of linear factors, where they have exactly one."""
    if len(factors) == len(syms) == 1:
        a, b = _poly_in(factors[0], syms).all_coeffs()
        if a.is_Rational and b.is_Rational:
            return ((-b / a,),)
    if len(factors) == len(syms) == 2:  # two lines, as most drills have: Cramer's rule, exactly
        (a, b, c), (d, e, g) = ([p.coeff_monomial(m) for m in ((1, 0), (0, 1), (0, 0))]
                                for p in (_poly_in(f, syms) for f in factors))
        if all(v.is_Rational for v in (a, b, c, d, e, g)):
            determinant = a * e - b * d
            if determinant == 0:
                return ()  # parallel lines, or one line twice: no single common zero
            return (((b * g - c * e) / determinant, (c * d - a * g) / determinant),)
    solution = sympy.linsolve(list(factors), list(syms))
    return tuple(tuple(p) for p in solution if not any(c.free_symbols for c in p))


@metered_cache(4096)
def _zeros_in(expr: Expr, s: sympy.Symbol) -> frozenset[Expr] | None:
    """The real zeros of a polynomial in s alone: exactly when it has rational coefficients or is
    linear (2√3 − x after a root was put in); None otherwise."""
    poly = Poly(expr, s)
    if poly.degree() == 1:
        a, b = poly.all_coeffs()
        root = -b / a
        return frozenset({root if root.is_Rational else sympy.simplify(root)})
    if poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    return frozenset(real_roots(poly))


@metered_cache(1024)
def factors_of(numerator: Expr, syms: Sequence[sympy.Symbol]) -> tuple[Expr, ...]:
    """The distinct factors of a numerator that contain a variable (constants are never 0),
    in the lesson's order: those in x first, simplest first."""
    pairs = _rational_factors(numerator)
    if pairs is None:
        # (1 - 2x²e^(-x² - y²)e^(x² + y²))e^(-x² - y²), as together leaves it: the powers joined, 1 - 2x² is left
        # beside a factor that is never 0, which is no condition and goes first (factor_list would read
        # e^(-x² - y²) as 1/e^(x² + y²) and keep it in one factor with 1 - 2x²)
        numerator = sympy.Mul(*(m for m in sympy.Mul.make_args(sympy.powsimp(numerator))
                                if m.is_polynomial(*syms) or constant_sign(m, syms) is None))
        try:
            pairs = sympy.factor_list(numerator)[1]
        except (sympy.PolynomialError, NotImplementedError, TypeError):  # x^x: sympy can't order its factors
            pairs = _product_factors(numerator)
    if not numerator.free_symbols & set(syms):
        return ()  # a nonzero constant: this partial is never 0
    if not pairs:
        return ()  # a product of factors that are never 0, like e^(-x²)
    found = [p for p, _ in pairs if p.free_symbols & set(syms)] or [numerator]
    # eˣ, or eˣ + e^y: of one sign at every real point, so never 0 (a polynomial's factors are solved exactly)
    found = [p for p in found if p.is_polynomial(*syms) or constant_sign(p, syms) is None]
    first = lambda p: min(syms.index(s) for s in p.free_symbols & set(syms))  # noqa: E731
    return tuple(sorted(dict.fromkeys(found), key=lambda p: (first(p), sympy.default_sort_key(p))))


def constant_sign(expr: Expr, syms: Sequence[sympy.Symbol]) -> int | None:
    """1 or -1 where expr is shown to have that sign wherever it is defined on the reals (eˣ, eˣ + e^y,
    a nonzero number), so that it is never 0; None where that is not shown."""
    real = expr.xreplace({s: sympy.Dummy(s.name, real=True) for s in syms})
    return 1 if real.is_positive else (-1 if real.is_negative else None)


def one_zero_at_most(factor: Expr, syms: Sequence[sympy.Symbol], f: Expr | None = None) -> str:
    """Why a factor in one variable is 0 at one point at most, where it is strictly monotone on its domain (eˣ − 2:
    increasing, as its derivative eˣ is positive; ln x − 1 on x > 0), or on f's, where f is of that variable alone
    (xeˣ − 1 of eˣ − ln x, on x > 0, where f has values): "" where that is not shown. sympy then lists that one
    zero, or none, as it does a polynomial's."""
    own = factor.free_symbols & set(syms)
    if len(own) != 1 or factor.is_polynomial(*own):
        return ""
    (s,) = own
    try:
        with deadline(SOLVE_SECONDS):
            own_domain = domain = continuous_domain(factor, s, sympy.S.Reals)
            # infinitely many holes (tan's, at π/2 + kπ): not one interval, nor what f's domain leaves of it unless
            # that misses every hole (not looked for: sympy's intersecting the two took from half a second to past
            # the guard, by the order it met the holes in, the numbers of its Dummy symbols, which a process's
            # earlier work moves)
            if own_domain.has(sympy.ImageSet):
                return ""
            if f is not None and f.free_symbols == {s}:  # a critical point lies where f has a value
                domain = continuous_domain(f, s, domain)
            # the domain one interval, unbounded at least on one side, so that one assumption on s covers it
            place = {sympy.S.Reals: dict(real=True), sympy.Interval.open(0, sympy.oo): dict(positive=True),
                     sympy.Interval.open(-sympy.oo, 0): dict(negative=True)}.get(domain)
            if place is None:
                return ""
            slope = sympy.diff(factor, s)
            t = sympy.Dummy(s.name, **place)
            rising = slope.xreplace({s: t})
            direction = "increasing" if rising.is_positive else ("decreasing" if rising.is_negative else "")
            sign_word = "positive" if direction == "increasing" else "negative"
    except GAVE_UP:
        return ""
    if not direction:
        return ""
    where = "" if domain == sympy.S.Reals else f" on {interval_text(domain, s.name)}" + (
        ", where f has values" if domain != own_domain else "")
    return (f"{show(factor)} is {direction}{where}, its derivative {show(slope)} being {sign_word}, so it is 0 at one "
            f"{s.name} at most")


def _product_factors(numerator: Expr) -> list[tuple[Expr, int]]:
    """The factors of a product sympy can't factor as a whole (2x(1 - x² - y²)e^(-x² - y²)): each
    factor of it on its own, a polynomial one factored further, one that is never 0 (e^u) left
    out. Taken whole, the product's zero set is that of all its factors at once: solved together
    with the other partial it gave the set where ∂f/∂x = 0 as if it were critical."""
    pairs: list[tuple[Expr, int]] = []
    for part in sympy.Mul.make_args(numerator):
        base, power = part.as_base_exp()
        if not (power.is_Integer and power > 0):
            base, power = part, sympy.Integer(1)
        if not base.free_symbols or base.is_zero is False:
            continue
        try:
            pairs += [(p, int(power) * k) for p, k in sympy.factor_list(base)[1]] if base.is_polynomial() \
                else [(base, int(power))]
        except (sympy.PolynomialError, NotImplementedError):
            pairs.append((base, int(power)))
    return pairs


@metered_cache(4096)
def _polynomial(expr: Expr) -> Poly | None:
    """expr as a polynomial with rational coefficients in its own variables, in sympy's order of
    them (as sympy.factor_list takes it), or None when it is not one as written ((x³ - x)/x is
    not, though Poly would cancel x)."""
    if not expr.is_polynomial():
        return None
    try:
        poly = Poly(expr)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if poly.domain not in (sympy.ZZ, sympy.QQ) or not all(g.is_Symbol for g in poly.gens):
        return None
    return poly


def _rational_factors(numerator: Expr) -> list[tuple[Expr, int]] | None:
    """What sympy.factor_list(numerator) gives as factors, for a polynomial with rational
    coefficients, without its work on expressions (together, each product's factor apart): the
    irreducible factors over the integers, primitive, leading coefficient positive in the same
    order of the variables. None for any other numerator."""
    poly = _polynomial(numerator)
    if poly is None:
        return None
    # x⁹⁹⁹⁸ is x = 0, however high its power: the square-free part's degree, asked only past the bound
    degree = poly.total_degree() if poly.total_degree() <= MOST_DEGREE else poly.sqf_part().total_degree()
    if degree > MOST_DEGREE:
        raise SolveError(f"{show(numerator)} = 0 is a polynomial equation of degree {degree}: the tutor solves those "
                         f"exactly up to degree {MOST_DEGREE}")
    if poly.total_degree() == 1:  # irreducible already: only its content and sign taken out
        line = poly.clear_denoms()[1].primitive()[1]
        return [((-line if line.LC() < 0 else line).as_expr(), 1)]
    return [(factor.as_expr(), power) for factor, power in poly.factor_list()[1]]


def zeros_alike(factor: Expr) -> Expr:
    """A factor with the same real zeros, as simple as they allow: |u| and sign(u), to any power, are 0 exactly
    where u is, and u·sign(u) is |u|, so x sign(x) + 2|x| (of x²|x|'s derivative) is 3|x|, 0 where x is. sympy
    can't solve sign(x) = 0 with |x| = 0, which is x = 0, and solves x sign(x) + 2|x| = 0 with |x| = 0 as a set
    of its own beside x = 0."""
    def merged(product: Expr) -> Expr:
        args = list(product.args)
        for a in product.args:
            if isinstance(a, sympy.sign) and a in args and a.args[0] in args:
                args.remove(a)
                args.remove(a.args[0])
                args.append(sympy.Abs(a.args[0]))
        return sympy.Mul(*args)

    if not factor.has(sympy.Abs, sympy.sign):
        return factor
    core = factor.replace(lambda n: n.is_Mul and any(isinstance(a, sympy.sign) and a.args[0] in n.args
                                                     for a in n.args), merged).as_coeff_Mul()[1]
    kinked = (sympy.Abs, sympy.sign)
    while isinstance(core, kinked) or core.is_Pow and core.exp.is_positive and isinstance(core.base, kinked):
        core = core.base if core.is_Pow else core.args[0]
    return core if core.free_symbols else factor


def solve_case(combination: Sequence[Expr], syms: Sequence[sympy.Symbol], f: Expr,
                gradient: Sequence[Expr], region: Region | None, exactly: bool,
                windows: Sequence[Window] = ()) -> Case | None:
    distinct = tuple(dict.fromkeys(zeros_alike(c) for c in combination))
    conditions = tuple(as_equation(c, syms) for c in combination)
    if contradictory(distinct):
        return None
    apart = _solve_apart(distinct, syms, windows) if windows else None
    in_turn = _solve_in_turn(distinct, syms, windows) if windows and apart is None else None
    if in_turn is not None:  # sin x = 0 and sin x + sin y = 0: x = 0 or π, then y in its window for each
        apart = in_turn, ()
    if apart is not None:  # sin x = 0 and y = 0: every x = kπ, those in the window listed
        found_apart, families = apart
        return Case(conditions, tuple(p for p in found_apart if defined_at(p, syms, f, gradient)),
                    families=families, every=True)
    rooted = None  # solved as polynomials in even roots of the variables: every solution found, as `exactly`
    if exactly:
        try:
            found, whole = solve_exactly(distinct, syms)
        except TooHigh:  # the other cases may still be solved: (0, 0) of x⁹⁷y³ − xy
            return Case(conditions, solved=False)
    else:
        try:
            eliminated = _eliminated(distinct, syms)
            rooted = _in_roots(distinct, syms) if eliminated is None else None
            found, whole = (eliminated, False) if eliminated is not None else \
                (rooted or _pinned(distinct, syms) or _by_last_variable(distinct, syms)
                 or _solve_with_sympy(distinct, syms))
        except (NotImplementedError, OutOfTime, sympy.PolynomialError, ValueError, TypeError,
                ZeroDivisionError, RecursionError):  # sympy gave up: said so in the result, never raised
            return Case(conditions, solved=False)
        found = _moved_into(found, syms, windows)
    points = [p for p in found if defined_at(p, syms, f, gradient)]
    undefined = tuple(p for p in found if p not in points)
    curve = None
    if whole:
        ordered = _independent(sorted(distinct, key=sympy.default_sort_key), syms)
        curve = critical_set(tuple(as_equation(c, syms) for c in ordered), syms, f, region)
    if not points and curve is None and not undefined:
        # solved exactly, with no real solution (x² + x + 1 = 0): a case of its own, so that the steps say why
        # it gives no point (3√x + 2 = 0 too); what sympy merely did not find stays no case at all
        return Case(conditions) if exactly or rooted is not None else None
    return Case(conditions, tuple(points), curve, undefined=undefined)


def _independent(factors: list[Expr], syms: Sequence[sympy.Symbol]) -> list[Expr]:
    """Linear factors without those that follow from the ones before (x - 2y + z = 0 from x = y and y = z), so
    that a line is written with two equations; other factors as they are."""
    if not all(f.is_polynomial(*syms) and Poly(f, *syms).total_degree() == 1 for f in factors):
        return factors
    kept: list[Expr] = []
    rows: list[list[Expr]] = []
    for factor in factors:
        row = [factor.coeff(s) for s in syms] + [factor.as_independent(*syms, as_Add=True)[0]]
        if sympy.Matrix([*rows, row]).rank() > len(rows):
            kept.append(factor)
            rows.append(row)
    return kept


def _solve_apart(factors: Sequence[Expr], syms: Sequence[sympy.Symbol], windows: Sequence[Window]
                 ) -> tuple[list[tuple[Expr, ...]], tuple[Family, ...]] | None:
    """A case whose conditions are each in a variable of its own (sin x = 0 and y = 0), solved one by one
    with solveset: a periodic variable's solutions in its window, the others' all of them; the points are
    every combination. None where that does not apply or solveset can't list them."""
    spans = {w.variable: w for w in windows}
    per_variable: dict[sympy.Symbol, list[Expr]] = {}
    for factor in factors:
        own = factor.free_symbols & set(syms)
        if len(own) != 1:
            return None
        per_variable.setdefault(own.pop(), []).append(factor)
    values: list[list[Expr]] = [[] for _ in syms]
    families: list[Family] = []
    try:
        with deadline(SOLVE_SECONDS):
            for s in sorted(per_variable, key=lambda v: -len(per_variable[v])):  # sin x = 0 = cos x first: never
                window = spans.get(s.name)
                if window is not None and not all(_repeats(c, s, window.period) for c in per_variable[s]):
                    return None
                found = _common(per_variable[s], s, window.span if window else sympy.S.Reals)
                if found is None:
                    return None
                if window is not None:
                    first = _common(per_variable[s], s, sympy.Interval.Ropen(0, window.period))
                    if first is None:
                        return None
                    if first:
                        families.append(_family(s.name, first, window.period))
                if not found:
                    return [], ()  # sin x = 0 and cos x = 0 together: never
                values[syms.index(s)] = found
    except GAVE_UP:
        return None
    if len(per_variable) < len(syms):
        return None  # y free, with x = c: a whole line, as sympy's solve finds it
    families.sort(key=lambda family: [s.name for s in syms].index(family.variable))
    return [tuple(p) for p in itertools.product(*values)], tuple(families)


def _solve_in_turn(factors: Sequence[Expr], syms: Sequence[sympy.Symbol], windows: Sequence[Window]
                   ) -> list[tuple[Expr, ...]] | None:
    """Two conditions, one of them in one variable alone (sin x = 0 beside sin x + sin y = 0): its zeros in that
    variable's window, each put into the other condition, whose zeros in the other variable's window complete the
    points. sympy's solve lists some solutions of periodic equations only ((0, 0) and (π, π), not (0, π)), and
    not within the windows; solved in turn, every one in them is. None where no condition is in one variable
    alone, solveset can't list finitely many zeros (in a window, or on every real), or a whole line solves it."""
    if len(factors) != 2 or len(syms) != 2:
        return None
    spans = {w.variable: w.span for w in windows}
    for first, other in (factors, factors[::-1]):
        own = first.free_symbols & set(syms)
        if len(own) != 1:
            continue
        (s,), (t,) = own, set(syms) - own
        points: list[tuple[Expr, ...]] = []
        try:
            with deadline(SOLVE_SECONDS):
                firsts = _listed(sympy.solveset(first, s, spans.get(s.name, sympy.S.Reals)))
                for a in firsts if firsts is not None else ():
                    rest = other.xreplace({s: a})
                    if t not in rest.free_symbols:
                        if sign(rest) != 0 and sign(rest) is not None:
                            continue  # the other condition fails for this value: no point
                        return None  # holds for every t: a whole line, as sympy's solve finds it
                    seconds = _listed(sympy.solveset(rest, t, spans.get(t.name, sympy.S.Reals)))
                    if seconds is None:
                        return None
                    points += [(a, b) if s == syms[0] else (b, a) for b in seconds]
        except GAVE_UP:
            return None
        return points if firsts is not None else None
    return None


LINE_WORK = 400_000  # sympy's solve of 2x + e^(2x) = 0 (x = -W(1)/2) takes 320 000 calls


def solved_in_one(g: Expr, x: sympy.Symbol) -> list[Expr] | None:
    """sympy's real solutions of g = 0 within its work budget (None where it can't): W(1) of 2x + e^(2x)."""
    if no_closed_form([g], x):
        return None
    try:
        with deadline(SOLVE_SECONDS), counted(LINE_WORK):
            found = sympy.solve(afresh(g), x)
    except (*GAVE_UP, ZeroDivisionError, RecursionError):
        return None
    if not isinstance(found, list):
        return None
    real = [as_real(z) for z in found]
    return [z for z in real if z is not None]


def _eliminated(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> list[tuple[Expr, ...]] | None:
    """Two conditions whose parts that are no polynomial are multiples of one another (2x + e^(x - y) = 0 and
    4y - e^(x - y) = 0): the sum of them that cancels those parts is a polynomial equation (2x + 4y = 0); where it
    gives one variable (x = -2y), put into the second condition it leaves an equation in the other alone
    (4y - e^(-3y) = 0), which sympy solves within its work budget (y = W(3/4)/3). Each point found so holds both
    conditions. None where that does not apply; sympy's solve of both at once is then asked."""
    if len(factors) != 2 or len(syms) != 2:
        return None
    parts = []
    for factor in factors:
        polynomial = sympy.Add(*(t for t in sympy.Add.make_args(sympy.expand(factor)) if t.is_polynomial(*syms)))
        parts.append((polynomial, sympy.expand(factor - polynomial)))
    (p, g), (q, h) = parts
    if g == 0 or h == 0:
        return None
    ratio = sympy.cancel(sympy.powsimp(g / h))
    if ratio.free_symbols & set(syms) or not ratio.is_nonzero:
        return None
    combined = sympy.expand(p - ratio * q)  # the first condition less ratio times the second: g - ratio·h = 0
    for v in syms:
        if combined.is_polynomial(v) and sympy.degree(combined, v) == 1 and \
                not (c := combined.coeff(v)).free_symbols & set(syms):
            value = sympy.expand(v - combined / c)
            (u,) = set(syms) - {v}
            rest = factors[1].xreplace({v: value})
            zeros = solved_in_one(rest, u)
            if zeros is None:
                return None
            return [(value.xreplace({u: z}), z) if v == syms[0] else (z, value.xreplace({u: z})) for z in zeros]
    return None


def _moved_into(found: Sequence[tuple[Expr, ...]], syms: Sequence[sympy.Symbol], windows: Sequence[Window]
                ) -> list[tuple[Expr, ...]]:
    """sympy's points moved by whole periods into the windows of the variables that have one, each once: its -π/2
    beside 3π/2, a period of 2π on, is one point. Where the points moved can't be put in order exactly (π -
    asin(1/10) + acos(-1/10) beside 2π + asin(1/10) - acos(-1/10), both 3π/2 though sympy can't tell), sympy's
    points as it gave them."""
    spans = {w.variable: w for w in windows}
    kept: list[tuple[Expr, ...]] = []
    for point in found:
        moved = tuple(spans[s.name].into(c) if s.name in spans else c for s, c in zip(syms, point))
        if not any(all(sign(a - b) == 0 for a, b in zip(moved, other)) for other in kept):
            kept.append(moved)
    try:
        sort_exactly(kept)
    except SolveError:
        return list(found)
    return kept


def _common(factors: Sequence[Expr], s: sympy.Symbol, span: sympy.Set) -> list[Expr] | None:
    """Where every factor is 0 in the span, by solveset; None where it can't list them."""
    found = [_listed(sympy.solveset(c, s, span)) for c in factors]
    if any(f is None for f in found):
        return None
    first, *others = found
    return [z for z in first or () if all(any(sympy.simplify(z - w) == 0 for w in o or ()) for o in others)]


def _listed(found: sympy.Set) -> list[Expr] | None:
    """solveset's finitely many real solutions, in order; None where it gives no such list."""
    if found == sympy.S.EmptySet:
        return []
    if not isinstance(found, sympy.FiniteSet) or not all(z.is_real and z.is_comparable for z in found):
        return None
    return sort_exactly(list(found))


def _repeats(factor: Expr, s: sympy.Symbol, period: Expr) -> bool:
    """Whether the factor's zeros repeat every period: it does, or changes sign (sin(x/2) a period of 2π on)."""
    moved = factor.xreplace({s: s + period})
    return moved == factor or sympy.simplify(moved - factor) == 0 or sympy.simplify(moved + factor) == 0


def _family(variable: str, first: Sequence[Expr], period: Expr) -> Family:
    """The solutions with 0 ≤ x < period, as every solution: evenly spaced ones as one family (0 and π
    of sin x = 0 as x = kπ), else each a period apart."""
    gap = period / len(first)
    spaced = all(sympy.simplify(b - a - gap) == 0 for a, b in pairwise(first))
    return Family(variable, (first[0],), gap) if spaced else Family(variable, tuple(first), period)


def solve_exactly(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool]:
    """Polynomials with rational coefficients in one or two variables, set to 0 together:
    their real common points, and whether they have a whole curve of them in common."""
    if len(syms) == 1:
        (factor,) = factors
        return [(r,) for r in real_roots(factor, syms[0])], False
    x, y = syms
    if len(factors) == 2:
        p, q = factors
        return list(real_solutions(p, q, x, y)), False
    (factor,) = factors
    if has_real_curve(factor, x, y):
        return [], True
    gradient = [sympy.diff(factor, v) for v in syms]  # the curve's only real points are singular ones
    along = gradient[1] if gradient[1] != 0 else gradient[0]
    candidates = real_solutions(factor, along, x, y)
    return [p for p in candidates if all(sign(g.xreplace(dict(zip(syms, p)))) == 0 for g in gradient)], False


def has_real_curve(curve: Expr, x: sympy.Symbol, y: sympy.Symbol) -> bool:
    """Whether the irreducible curve = 0 has a whole arc of real points (x² + y² + 1 = 0 has none,
    x² + y² = 0 only the point (0, 0)).

    Between the x where the curve has a vertical tangent, a singular point or an asymptote, the
    number of real y on it stays the same, so one x in each gap (and beyond) tells.
    """
    poly = Poly(curve, x, y)
    if poly.degree(y) <= 0 or poly.degree(x) <= 0:
        return bool(real_roots(curve, x if poly.degree(y) <= 0 else y))
    lead = poly.as_expr().coeff(y, poly.degree(y))
    marks = Poly(sympy.resultant(curve, sympy.diff(curve, y), y) * lead, x)
    places = list(real_roots(marks)) if marks.degree() > 0 else []
    return any(real_roots(Poly(curve.xreplace({x: a}), y)) for a in samples_between(places))


def _pinned(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool] | None:
    """Where one factor pins a variable (x = 0), the other factor's zeros in the variable left, listed by solveset on
    each side of its kinks: sympy's solve of x = 0 and 6y|x² − y|^(2/3) + 1 = 0 checks its answers until its
    deadline, where solveset lists y = -6^(-3/5) (y < 0) at once. None where no factor pins one, or a zero is at a
    kink (the factor may have no value there: left to sympy's solve)."""
    if len(factors) != 2 or len(syms) != 2:
        return None
    for pin, other in (factors, factors[::-1]):
        names = pin.free_symbols & set(syms)
        if len(names) != 1 or not pin.is_polynomial(*names) or sympy.degree(pin, *names) != 1:
            continue
        (s,), (t,) = names, set(syms) - names
        slope, intercept = Poly(pin, s).all_coeffs()
        at = -intercept / slope
        rest = other.xreplace({s: at})
        if rest.free_symbols != {t}:
            return None  # with x = c, the other factor constant: no point, or a whole line, as sympy's solve says
        absolutes = sorted(rest.atoms(sympy.Abs), key=sympy.default_sort_key)
        found = []
        with deadline(SOLVE_SECONDS):
            for signs, piece in signed_pieces(rest, absolutes):
                zeros = _listed(sympy.solveset(piece, t, sympy.S.Reals))
                if zeros is None:
                    return None
                for z in zeros:
                    if any(sign(a.args[0].xreplace({t: z})) in (0, None) for a in absolutes):
                        return None
                    if holds(absolutes, signs, {t: z}):
                        found.append((at, z) if syms[0] == s else (z, at))
        return sort_exactly(list(dict.fromkeys(found))), False
    return None


# sympy's solve of two equations in two variables, in calls: 2x + cos(x + y) = 0 = cos(x + y) takes 270 000
# (half a second), a corner's pieces of |x| + |y| - √(x² + y²)/2 up to about a million; sin x + sin(x + y) = 0 =
# sin y + sin(x + y) was 20 s of work before it gave some points
SOLVE_WORK = 1_200_000
# and of one equation in one variable (a kink's side too), counted as well, so that what sympy finds is the same on
# any machine: most take under 400 000 calls, cos(√(x² + 1))·x/√(x² + 1) = 0 1.5 million (2 s) to give its
# solutions; 1/(3(x + 8)^(2/3)) + 1/(2√x) = 0, which has none, ran to the 10 s guard twice before it was counted
ONE_VARIABLE_SOLVE_WORK = 2_500_000


def _by_last_variable(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool] | None:
    """Polynomials with rational coefficients in three variables, with finitely many common zeros: the real
    roots of their eliminant in the last variable (the last polynomial of their lex Gröbner basis), then, at
    each, the two-variable system solved exactly (x = y = z = 0 for (x + y + z)² + x⁴ + y⁴ + z⁴, whose complex
    solutions kept sympy's solve past its budget: h16, F2). None where an eliminant's real root is not rational,
    or the system at one is not two polynomials with finitely many common zeros (left to sympy's solve)."""
    if len(syms) != 3 or any(rational_polynomial(f, syms) is None for f in factors):
        return None
    *pair, last = syms
    with deadline(SOLVE_SECONDS), counted(SOLVE_WORK):
        basis = sympy.groebner(afresh(list(factors)), *syms, order="lex").exprs
    eliminants = [g for g in basis if g.free_symbols == {last}]
    if len(eliminants) != 1:
        return None  # no polynomial of the last variable alone: a curve of common zeros, or none at all
    roots = real_roots(eliminants[0], last)
    if not all(r.is_Rational for r in roots):
        return None
    points = []
    for r in roots:
        here = [h for f in factors if (h := sympy.expand(f.xreplace({last: r}))) != 0]
        finite = next(((p, q) for p, q in itertools.combinations(here, 2)
                       if not sympy.gcd(p, q).free_symbols), None)  # no common factor: finitely many zeros
        if finite is None:
            return None
        try:
            found = real_solutions(*finite, *pair)
        except SolveError:  # past the degree the tutor solves exactly: left to sympy's solve
            return None
        for point in found:
            values = {**dict(zip(pair, point)), last: r}
            if all(sign(h.xreplace(values)) == 0 for h in here):
                points.append((*point, r))
    return points, False


def _in_roots(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool] | None:
    """Equations that are polynomials in even roots of the variables (4x^(3/2) − 8√x + 1 = 0 of √x + (x − 2)²'s f′,
    a cubic in u = √x) solved in those roots exactly, as polynomials are, each x = uⁿ for u ≥ 0: sympy's solve writes
    such roots with complex radicals (the casus irreducibilis), whose imaginary parts' sign the evaluation got
    wrong, so that they were lost. None where the equations are of another form, or share a whole curve."""
    rooted = in_roots(factors, syms)
    if rooted is None:
        return None
    polynomials, unknowns, roots = rooted
    try:
        found, whole = solve_exactly(polynomials, unknowns)
    except TooHigh:
        return None
    if whole:
        return None
    return [tuple(root_power(v, roots[s]) if s in roots else v for v, s in zip(point, syms)) for point in found
            if not any(s in roots and sign(v) == -1 for v, s in zip(point, syms))], False


def in_roots(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]
             ) -> tuple[list[Expr], list[sympy.Symbol], dict[sympy.Symbol, int]] | None:
    """(the polynomials, in u for each variable x with an even root in them, u = ⁿ√x ≥ 0, n by x) where the equations
    (one in one variable, one or two in two) are polynomials in those roots; None where they are not (no root of a
    variable, an odd one, which is real for x < 0 too, or any other function of one)."""
    if not (len(syms) <= 2 and 1 <= len(factors) <= len(syms)):
        return None
    roots: dict[sympy.Symbol, int] = {}
    for s in syms:
        powers = [p.exp for f in factors for p in f.atoms(sympy.Pow) if p.base == s]
        if not all(e.is_Rational for e in powers):
            return None
        n = math.lcm(*(int(e.q) for e in powers)) if powers else 1
        if n % 2 and n > 1:
            return None
        if n > 1:
            roots[s] = n
    if not roots:
        return None
    unknowns = [sympy.Dummy(s.name, nonnegative=True) if s in roots else s for s in syms]
    put = {s: u ** roots[s] for s, u in zip(syms, unknowns) if s in roots}
    polynomials = []
    for factor in factors:
        poly = rational_polynomial(sympy.expand(factor.xreplace(put)), tuple(unknowns))
        if poly is None or poly.is_zero or poly.total_degree() > MOST_DEGREE:
            return None
        polynomials.append(poly.as_expr())
    return polynomials, unknowns, roots


def zeros_in_a_root(expr: Expr, x: sympy.Symbol) -> list[Expr] | None:
    """Every real zero of expr, a function of x alone, where each factor of its numerator is a polynomial in an even
    root of x (`in_roots`), exactly and in order, x where expr has no value left out; None where one is not."""
    found: list[Expr] = []
    for factor in factors_of(numerator_of(expr), (x,)):
        zeros = _in_roots((factor,), (x,))
        if zeros is None:
            return None
        found += [z for (z,) in zeros[0] if z not in found and defined_at((z,), (x,), expr, (expr,))]
    return sort_exactly(found)


@metered_cache(64)  # critical_points and minimize both ask of one f′
def every_zero(slope: Expr, x: sympy.Symbol, within: sympy.Set) -> tuple[list[Expr] | None, bool]:
    """Every real zero of f' in `within`, where sympy's solveset lists them as a finite set (the
    zeros of sin x in 0 ≤ x ≤ 20, or of 2x - 2 sign(x)); (None, False) where it can't. solve gives
    only some solutions of a periodic equation (x = π for sin x = 0), and x = 1 for 2x - 2 sign(x). A polynomial
    in √x is solved in √x (zeros_in_a_root): sympy writes its roots with complex radicals, which took
    its sign tests a minute to decide (√x + (x − 2)²)."""
    rooted = zeros_in_a_root(slope, x)
    if rooted is not None:
        return [z for z in rooted if within.contains(z) == sympy.true], True
    try:
        with deadline(SOLVE_SECONDS):
            zeros = sympy.solveset(slope, x, within)
    except (NotImplementedError, OutOfTime, ValueError, TypeError, sympy.PolynomialError):
        return None, False
    if not isinstance(zeros, sympy.FiniteSet):
        return None, False
    real = [as_real(z) for z in zeros]
    if any(r is None for r in real):
        return None, False
    return [r for r in real if r is not None] or None, True


def root_power(root: Expr, n: int) -> Expr:
    """rootⁿ exactly: multiplied out where root is a radical, else a root of its own polynomial (a CRootOf in x)."""
    if not root.has(sympy.CRootOf):
        return sympy.expand(root**n)
    return cast(Expr, own_root(root**n))


def _solve_with_sympy(factors: Sequence[Expr], syms: Sequence[sympy.Symbol]) -> tuple[list[tuple], bool]:
    """sympy's solve, within its time budget, keeping the real solutions."""
    if len(syms) > 1:
        # counted, not timed: sympy's solve of sin x + sin(x + y) = 0 = sin y + sin(x + y) runs 20 s and more, and
        # what a time allows depends on the machine's load
        with deadline(SOLVE_SECONDS), counted(SOLVE_WORK):
            solutions = sympy.solve(afresh(list(factors)), list(syms), dict=True)
    else:
        if no_closed_form(factors, syms[0]):
            raise NotImplementedError("no solution in closed form")
        with deadline(SOLVE_SECONDS), counted(ONE_VARIABLE_SOLVE_WORK):
            solutions = sympy.solve(list(factors), list(syms), dict=True)
    points, whole = [], False
    for solution in solutions:
        if all(s in solution for s in syms) and not any(v.free_symbols & set(syms) for v in solution.values()):
            point = tuple(as_real(solution[s]) for s in syms)
            if None not in point:
                points.append(point)
        else:
            whole = True
    return points, whole


def contradictory(factors: Sequence[Expr]) -> bool:
    """Two different irreducible factors in the same single variable have no common zero."""
    single = {}
    for factor in factors:
        if len(factor.free_symbols) == 1 and factor.is_polynomial():
            (s,) = factor.free_symbols
            if s in single:
                return True
            single[s] = factor
    return False


def defined_at(point: tuple, syms: Sequence[sympy.Symbol], f: Expr, gradient: Sequence[Expr]) -> bool:
    values = dict(zip(syms, point))
    for expr, denominator, polynomial in domain_of(f, tuple(gradient), tuple(syms)):
        if polynomial:
            continue  # real and finite at every real point
        if denominator.free_symbols and sign(denominator.xreplace(values)) == 0:
            return False
        if real_at(expr, values) is None:
            return False
    return True


@metered_cache(256)  # the same for every point of every case
def domain_of(f: Expr, gradient: tuple[Expr, ...], syms: tuple[sympy.Symbol, ...]
              ) -> tuple[tuple[Expr, Expr, bool], ...]:
    """f and its gradient, each with its denominator and whether it is a polynomial with rational
    coefficients as written, so defined everywhere ((x³ - x)/x is not: sympy's Poly and together
    would cancel x)."""
    found = []
    for expr in (f, *gradient):
        polynomial = expr.is_polynomial(*syms) and rational_polynomial(expr, syms) is not None
        denominator = sympy.Integer(1) if polynomial else sympy.fraction(sympy.together(expr))[1]
        found.append((expr, denominator, polynomial))
    return tuple(found)


@metered_cache(4096)  # a partial comes again in many variants: 2ax - b for every c of ax² - bx + c
def numerator_of(partial: Expr) -> Expr:
    return sympy.fraction(sympy.together(partial))[0]


def as_equation(factor: Expr, syms: Sequence[sympy.Symbol]) -> Equation:
    """factor = 0 as the lesson writes it: x - 4 = 0 as x = 4, x - y = 0 as x = y."""
    return _as_equation(factor, tuple(syms))


@metered_cache(4096)  # so does a factor of one (x - a/2 for every b of x² - y² + ax + by)
def _as_equation(factor: Expr, syms: tuple[sympy.Symbol, ...]) -> Equation:
    for s in syms:
        if factor.is_polynomial(s) and sympy.degree(factor, s) == 1:
            coefficient = factor.coeff(s)
            if not coefficient.free_symbols:
                return Equation(s, sympy.expand(s - factor / coefficient))
    constant = factor.as_independent(*syms, as_Add=True)[0]
    return Equation(factor - constant, -constant)


def critical_set(equations: tuple[Equation, ...], syms: Sequence[sympy.Symbol], f: Expr,
                  region: Region | None) -> CriticalSet:
    value = _value_along(f, equations, syms)
    inside, extent, variable = region.extent(equations) if region else (None, None, None)
    where = interval_text(extent, variable.name) if inside and extent is not None and variable is not None else ""
    whole = True
    if region is not None and inside is None and len(equations) == 1:  # a curve, not x = a formula: a box's sides
        inside, whole = curve_meets_box(equations[0], syms, region)
        # x² + y² = 1 on 1/2 ≤ x ≤ 2, 0 ≤ y ≤ 2 crosses the sides: only its part in the box is meant
        where = region.show() if inside and not whole else ""
    kind = _kind(equations, syms)
    holes = _holes(f, equations, syms)
    defined = _defined_along(f, equations, syms) if not holes else None
    facts = []
    if value is not None:
        facts.append(f"f = {show(value)} all along it")
    if inside is not None:
        facts.append(f"it meets the region where {where}" if inside and where else
                     ("it lies inside the region" if inside else "it lies outside the region"))
    except_ = f", except {and_points(holes)}, where f has no value," if holes else ""
    if defined is not None:
        except_ = f" where {_where(*defined)} (f has no value elsewhere on it)"
    text = "; ".join((f"Every point of the {kind} {' and '.join(_show(e, syms) for e in equations)}{except_} "
                      "is critical", *facts))
    detail = "; ".join(facts) or "every point of it is critical"
    pieces = pieces_along(f, equations, syms, value, holes) if defined is None else \
        _pieces_by_factors(f, equations[0], syms, value, defined)
    level = through(f, equations[0], syms) if not pieces and len(syms) == 2 and len(equations) == 1 \
        and value is not None and defined is None else None
    if level is not None:  # not a polynomial, but a function of the quantity the curve is a level of
        pieces = (_level_piece(level, value, syms),)  # type: ignore[arg-type]
    if not pieces and value is not None and defined is None and (below := nowhere_below_value(f, syms, value)):
        # (x - y)² + (y - z)², a line in three variables: a sum of squares, 0 all along it
        judgement = judged(1, show(value), "set", len(syms), below)
        pieces = (Piece("", None, judgement.nature, judgement.reason),)
    if not pieces and value is not None and defined is None and (quadratic := _by_hessian(f, syms)) is not None:
        judgement = judged(quadratic[0], show(value), "set", len(syms), quadratic[1])
        pieces = (Piece("", None, judgement.nature, judgement.reason),)
    inner = cut(pieces, extent, variable) if inside else ()
    if not whole and any(p.along is not None for p in inner):  # which of them lie in the box is not known
        inner = ()
    beyond = level.beyond() if level is not None and level.everywhere else ""
    return CriticalSet(equations[0], inside, text, equations[1:], value, where, kind, pieces, inner, beyond, holes,
                       detail, _where(*defined) if defined is not None else "")


def _by_hessian(f: Expr, syms: Sequence[sympy.Symbol]) -> tuple[int, str] | None:
    """For f a polynomial of degree 2, whose Hessian H is the same everywhere: f − f(P) = ½·hᵀHh a step h from any
    critical point P, so the sign of H says what every point of a critical set is (x² + 2xy + y² + z²: minima all
    along x = −y, z = 0). 1, −1 or 0 (both signs), with why; None for any other f."""
    poly = _polynomial(f)
    if poly is None or poly.total_degree() != 2:
        return None
    hessian = sympy.hessian(f, syms)
    if hessian.is_positive_semidefinite:
        return 1, "f is quadratic, its Hessian H positive semidefinite, so f − f(P) = ½hᵀHh ≥ 0 a step h from P"
    if hessian.is_negative_semidefinite:
        return -1, "f is quadratic, its Hessian H negative semidefinite, so f − f(P) = ½hᵀHh ≤ 0 a step h from P"
    return 0, "f is quadratic, its Hessian H has eigenvalues of both signs, so f − f(P) = ½hᵀHh takes both signs"


def _where(domain: sympy.Set, u: sympy.Symbol) -> str:
    parts = domain.args if isinstance(domain, sympy.Union) else (domain,)
    return " or ".join(interval_text(part, u.name) for part in parts)


# the functions with a real value on part of the line only: logarithms, roots of negatives (powers), inverse functions
_PARTIAL = (sympy.log, sympy.Pow, sympy.asin, sympy.acos, sympy.atanh, sympy.acosh, sympy.asec, sympy.acsc, sympy.acoth,
            sympy.asech)


def _defined_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]
                   ) -> tuple[sympy.Set, sympy.Symbol] | None:
    """The part of a line v = g(u) in two variables where f has a value, as the values of u there, where that
    is not all of it: y = 0 of y² ln x only where 0 < x. From f's logarithms, roots (of negatives they have no
    real value), inverse functions (asin x only where -1 ≤ x ≤ 1) and divisions, each read on the line, as f
    itself can't be: y² ln x there is 0·ln x."""
    if len(syms) != 2 or len(equations) != 1 or not isinstance(equations[0].lhs, sympy.Symbol):
        return None
    (equation,) = equations
    u = next(s for s in syms if s != equation.lhs)
    if equation.rhs.free_symbols - {u}:
        return None
    domain: sympy.Set = sympy.S.Reals
    try:
        with deadline(SOLVE_SECONDS):
            for part in sympy.preorder_traversal(f):
                if not isinstance(part, _PARTIAL) or part.is_polynomial(*syms):
                    continue
                along = part.xreplace({equation.lhs: equation.rhs})
                if along.has(sympy.zoo, sympy.nan) or along.is_extended_real is False:
                    return sympy.S.EmptySet, u
                if along.free_symbols:
                    domain = domain.intersect(continuous_domain(along, u, sympy.S.Reals))
    except (NotImplementedError, OutOfTime, ValueError, TypeError, AttributeError):
        return None
    if domain == sympy.S.Reals or not all(isinstance(p, sympy.Interval)
                                          for p in (domain.args if isinstance(domain, sympy.Union) else (domain,))):
        return None
    return domain, u


def _pieces_by_factors(f: Expr, equation: Equation, syms: Sequence[sympy.Symbol], value: Expr | None,
                       defined: tuple[sympy.Set, sympy.Symbol]) -> tuple[Piece, ...]:
    """The nature of the points of a line v = g(u) on the part of it where f has a value, where f - value is
    (v - g(u))^k times a factor h(u) of u alone (y² ln x): with k even, f - value has h's sign off the line, so
    each point is a minimum where h ≥ 0 on both sides of it, a maximum where h ≤ 0, neither where h changes
    sign there; with k odd, f - value changes sign across the line everywhere."""
    domain, u = defined
    if value is None or not isinstance(domain, sympy.Interval):
        return ()
    curve = equation.lhs - equation.rhs
    own, h = 0, sympy.Integer(1)
    for factor in sympy.Mul.make_args(sympy.factor_terms(f - value)):
        base, power = factor.as_base_exp()
        if power.is_Integer and power > 0 and sympy.expand(base - curve) == 0:
            own += int(power)
        elif power.is_Integer and power > 0 and sympy.expand(base + curve) == 0:
            own, h = own + int(power), h * (-1) ** power
        elif factor.free_symbols <= {u}:
            h *= factor
        else:
            return ()
    shown_value = show(value)
    why = f"f - {shown_value} is {show(curve**own if own > 1 else curve)} times {show(h)}"
    if own == 0:
        return ()
    if own % 2:
        return (Piece("", None, Nature.NEITHER,
                      f"f takes values above and below {shown_value} on either side of it ({why})"),)
    try:
        with deadline(SOLVE_SECONDS):
            zeros = sympy.solveset(h, u, sympy.Interval.open(domain.start, domain.end))
    except (NotImplementedError, OutOfTime, ValueError, TypeError):
        return ()
    if not isinstance(zeros, (sympy.FiniteSet, sympy.sets.sets.EmptySet)) or not all(z.is_real for z in zeros):
        return ()
    marks = sort_exactly(zeros)
    bounds = [domain.start, *marks, domain.end]
    signs = []
    for low, high in pairwise(bounds):
        middle = rational_between(low, high) if low.is_finite and high.is_finite else \
            (high - 1 if high.is_finite else (low + 1 if low.is_finite else sympy.Integer(0)))
        signs.append(sign(h.xreplace({u: middle})))
    if None in signs or 0 in signs:
        return ()
    pieces = []
    for k, (low, high) in enumerate(pairwise(bounds)):
        if k == 0 and low.is_finite and low in domain:  # an end of the part where f has a value: one side only
            pieces.append(piece_of(u.name, sympy.FiniteSet(low), signs[0], shown_value, why))
        pieces.append(piece_of(u.name, sympy.Interval.open(low, high), signs[k], shown_value, why))
        if k + 1 < len(signs):
            s = signs[k] if signs[k] == signs[k + 1] else 0
            pieces.append(piece_of(u.name, sympy.FiniteSet(high), s, shown_value, why))
        elif high.is_finite and high in domain:
            pieces.append(piece_of(u.name, sympy.FiniteSet(high), signs[k], shown_value, why))
    return tuple(Piece("", None, p.nature, p.reason) if p.along == domain else p for p in merged_pieces(pieces))


def _holes(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> tuple[tuple[Expr, ...], ...]:
    """The points of a line v = (a polynomial in u) where f has no value: where f's denominator is 0 on it. Only
    for such lines in two variables, where those points are the real roots of one polynomial in u."""
    if len(syms) != 2 or len(equations) != 1 or not isinstance(equations[0].lhs, sympy.Symbol) \
            or (ratio := rational_ratio(f, syms)) is None:
        return ()
    (equation,) = equations
    u = next(s for s in syms if s != equation.lhs)
    if not equation.rhs.is_polynomial(u) or equation.rhs.free_symbols - {u}:
        return ()
    denominator = ratio[1]
    along = sympy.expand(denominator.xreplace({equation.lhs: equation.rhs}))
    if not along.free_symbols:
        return ()
    points = (tuple(r if v == u else equation.rhs.xreplace({u: r}) for v in syms)
              for r in sort_exactly(dict.fromkeys(real_roots(Poly(along, u)))))
    return tuple(p for p in points if not defined_at(p, syms, f, ()))


def _level_piece(level: Through, value: Expr, syms: Sequence[sympy.Symbol]) -> Piece:
    """Every point of the curve u = c, classified by g″(c) where f = g(u)."""
    names = [s.name for s in syms]
    if level.sign == 0:
        return Piece("", None, Nature.UNDECIDED, f"{level.why(names)}, which does not decide")
    judgement = judged(level.sign, show(value), "set", 2, level.why(names))
    return Piece("", None, judgement.nature, judgement.reason)


def _value_along(f: Expr, equations: Sequence[Equation], syms: Sequence[sympy.Symbol]) -> Expr | None:
    """f on the set, when it is the same constant on every branch of it (85 on x = 0)."""
    solved = {e.lhs: e.rhs for e in equations if isinstance(e.lhs, sympy.Symbol)}
    try:
        with deadline(SOLVE_SECONDS):
            branches = [solved] if len(solved) == len(equations) else \
                sympy.solve([e.lhs - e.rhs for e in equations], list(syms), dict=True)
            values = {sympy.simplify(f.subs(branch)) for branch in branches}
    except (NotImplementedError, OutOfTime, sympy.PolynomialError, ValueError, TypeError):
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
    return all(sign((e.lhs - e.rhs).xreplace(values)) == 0 for e in equations)


def largest_sets(sets: list[CriticalSet]) -> list[CriticalSet]:
    """Drop a set that lies in another one (the line x = y = 0 in the plane x = 0)."""
    return [s for s in sets
            if not any(t is not s and set(t.equations) < set(s.equations) for t in sets)]
