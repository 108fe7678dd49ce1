"""Misconceptions about critical points: ∇f = 0 differentiated, solved or read wrongly.

Three layers, which compose:
- the gradient differentiated wrongly (every derivative misconception), then
  solved exactly: the points a student with that mistake finds;
- the equations solved wrongly: a root's sign read the wrong way from (x − a),
  the coordinates written the wrong way round, only the positive square root
  (or none), a·x = b solved as x = a/b, f = 0 solved instead of ∇f = 0, one
  partial solved alone, saddle points left out;
- the answer's set compared with the right one: points missing, extra points
  where only some partials are zero, points outside the region, whole lines left
  out (patterns, since many answers show each).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import partial
from itertools import combinations
from typing import cast

import sympy
from sympy import Expr

from ...calculus.classified import Nature
from ...calculus.factor_cases import lies_on
from ...calculus.kinks import with_abs
from ...calculus.partials import one_sided_slopes, slope_where_formula_fails
from ...calculus.region import Region
from ...calculus.roots import rational_polynomial, rational_terms
from ...compare import Context, Tolerance, compare_numbers, line_example, meet_point, same_locus, zero_along
from ...misconceptions import Misconception, Pattern, Said, Tiered, WrongAnswer, at_point, register
from ...misconceptions.derivatives import WrongGradient, differ, gradient_tiers
from ...misconceptions.solving import MISCONCEPTIONS as SOLVING
from ...parse import Answer, Equation, Meet, Point, Shape, symbol, to_sympy, written_after
from ...show import show
from ...words import and_list, capitalized
from ..base import Problem
from .exercise import CriticalPoints
from .zeros import common_zeros

MISCONCEPTIONS = register(
    Misconception(
        "missed-critical-points", "left out some critical points",
        "It looks like you missed {missing}. A product is zero when any one of its factors is: solve "
        "{equations} for every combination of factors.", in_turn=True),
    Misconception(
        "missed-corner", "left out a point where f′ has no value",
        "It looks like you missed {missing}: {why}, and that makes it a critical point too.",
        beside="At {missing}, {why}, and that makes it a critical point too.",
        in_turn=True),
    Misconception(
        "missed-zero-of-derivative", "left out a point where f′ = 0 (f′ no product with a factor dropped)",
        "It looks like you missed {missing}: {why} {where}, and that makes {it} a critical point too.",
        beside="At {missing}, {why}, and that makes {it} a critical point too.",
        in_turn=True),
    Misconception(
        "not-critical", "included a point where f′ is not 0 and does not change sign",
        "It looks like you included {extra}, which {verb}: {why}.",
        beside="{beside}."),
    Misconception(
        "extra-critical-points", "included points where only some partials are zero",
        "It looks like you included {extra}. At a critical point every partial derivative is zero at once."),
    Misconception(
        "outside-region", "included critical points outside the region",
        "It looks like you included {extra}, which {verb} outside the region {region}. Keep only the "
        "critical points inside it.",
        # beside another mistake's reason, "it" would be the nearest noun there (a line, a factor)
        beside="Keep only the critical points inside the region."),
    Misconception(
        "ignored-critical-lines", "left out whole lines of critical points",
        "It looks like you left out {lines}: every point on {it} is a critical point, not just isolated "
        "points. Write a whole line as {how}.",
        beside="Every point on {lines} is a critical point, not just isolated points. Write a whole line as "
               "{how}."),
    Misconception(
        "critical-point-sign", "read the root of x − a = 0 as −a",
        "It looks like you took the sign of {name} the wrong way round: {factor} is zero at {name} = "
        "{root}, not at {name} = {wrong}."),
    Misconception(
        "critical-point-coordinates-swapped", "wrote a point's coordinates the wrong way round",
        "It looks like you wrote the coordinates the wrong way round: a point is ({names}), so {right} "
        "rather than {wrong}."),
    Misconception(
        "positive-root-only", "took only the positive square root",
        "It looks like you took only the positive root. {equation} has two solutions, {name} = ±{root}, "
        "and each gives a critical point."),
    Misconception(
        "negative-root-only", "took only the negative square root",
        "It looks like you took only the negative root. {equation} has two solutions, {name} = ±{root}, "
        "and each gives a critical point."),
    Misconception(
        "square-root-not-taken", "forgot to take the square root",
        "It looks like you forgot to take the square root: {equation} gives {name} = ±{root}, not "
        "±{square}."),
    Misconception(
        "solved-one-partial", "solved only one of the equations ∇f = 0",
        "It looks like you solved only {partial} = 0. At a critical point every partial derivative is zero "
        "at once: solve {equations} together."),
    Misconception(
        "saddle-not-critical", "left out saddle points",
        "It looks like you left out {points}, {which}. A saddle point is a critical point too: "
        "every partial derivative is zero there."),
)

# the items extra-critical-points names that have the same partials zero: its {extra} lists one such per set
_WHERE_ONLY = "{items}, where only {partials} {verb} zero"
# what extra-critical-points says where the extra points are factors of one partial solved together, in place of
# the critical point missed (the sauna's (4, 6) and (6, 4) for (4, 4))
_PAIRED_IN_ONE = ("It looks like you set factors of the same partial derivative to zero together: that gives {given}, "
                  "in place of {missing}. At a critical point every partial derivative is zero at once: set one "
                  "factor of each of {partials} to zero, and solve them together.")

_Set = tuple[tuple[tuple[Expr, ...], ...], tuple[Equation | Meet, ...]]  # points, lines
_MAX_DEGREE = 4  # of f, for its wrong gradients to be solved (each partial then has degree 3 at most)


# ------------------------------------------------------------------ point sets


def _same(p: tuple, q: tuple, ctx: Context) -> bool:
    return len(p) == len(q) and all(compare_numbers(a, b, ctx).correct for a, b in zip(p, q))


def _on(point: tuple, line: Equation | Meet, variables: Sequence[str]) -> bool:
    if isinstance(line, Meet):
        return all(_on(point, equation, variables) for equation in line.equations)
    value = at_point(line.lhs - line.rhs, variables, point)
    return value is not None and value == 0


def _among(point: tuple, points: Sequence[tuple], ctx: Context) -> bool:
    return any(_same(point, q, ctx) for q in points)


def _list(items: Sequence, variables: Sequence[str], spellings: tuple = ()) -> str:
    """Points and lines as a sentence lists them; the student's own with their decimals as typed; in one
    variable each point as the place it is, x = 1 (as the answer is written), not (1)."""
    one = len(variables) == 1
    return and_list([show((i,) if one and isinstance(i, tuple) else i, variables, spellings=spellings)
                     for i in items])


def _differences(problem: CriticalPoints) -> Pattern:
    """Mistakes recognised by how the answer's set differs from the right one: each point or line
    missing or extra explained by one misconception (lines left out, points missed, points outside
    the region, points or lines where only some partials are zero), one or two of them in all."""
    variables, name = problem.variables, problem.name
    points, lines = problem.points_and_lines()
    solution = problem.solution
    outside = [p.point for p in solution.points if p.inside is False]
    saddles = _saddles(problem)
    partials = solution.gradient
    region = problem.region_text
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    equations = " and ".join(f"∂{name}/∂{v} = 0" for v in variables) if len(variables) > 1 \
        else f"{name}′({variables[0]}) = 0"

    def test(got: Answer, ctx: Context) -> tuple[Said, ...] | None:
        items = cast(tuple, got.value)  # read in the points shape
        # a system with one solution ({x = 1, y = 0, z = 0}) is that point, as the check reads it
        met = [meet_point(p, ctx.variables) if isinstance(p, Meet) else p for p in items]
        got_points = list(dict.fromkeys(p for p in met if isinstance(p, tuple)))  # a point typed twice named once
        got_lines = [p for p in met if isinstance(p, (Equation, Meet))]
        missing_lines = [w for w in lines if not any(same_locus(a, w, ctx) for a in got_lines)]
        missing: list[Point | Equation | Meet] = [
            p for p in points if not _among(p, got_points, ctx) and not any(_on(p, a, variables) for a in got_lines)]
        extra = [p for p in got_points if not _among(p, points, ctx) and not any(_on(p, w, variables) for w in lines)]
        extra_lines = [a for a in got_lines if not any(same_locus(a, w, ctx) for w in lines)]
        said: list[Said] = []
        if missing_lines and got_lines:  # lines written, but not all of them: missed like points
            missing = [*missing_lines, *missing]
        elif missing_lines:
            said.append(say["ignored-critical-lines"](
                lines=("the line " if len(missing_lines) == 1 else "the lines ") + _list(missing_lines, variables),
                it="it" if len(missing_lines) == 1 else "them",
                how=line_example([w for w in missing_lines if isinstance(w, Meet)])))
        # x = 0 of |x|: critical because f′ has no value there, which no factor of f′ being zero explains
        corners = {p: why for p in missing if (why := _corner(problem, p))}
        said.extend(say["missed-corner"](missing=_list([p], variables), why=why) for p, why in corners.items())
        missing = [p for p in missing if p not in corners]
        if missing and len(variables) == 1 and not _factor_dropped(problem, missing, got_points, ctx):
            # cos x, x^(2/3) - x: f′ is no product, so "a product is zero when any one of its factors is" is
            # no reason; f′ = 0 there is (findings 182, 185)
            said.append(say["missed-zero-of-derivative"](
                missing=_list(missing, variables), it="it" if len(missing) == 1 else "each", why=f"{name}′ = 0",
                where="there" if len(missing) == 1 else "at each"))
        elif missing and set(missing) == set(saddles):
            # the saddle points left out, and only they: said as that, as the slip of leaving them out says it,
            # not again as points missed for another reason
            said.append(_saddles_said(saddles, variables))
        elif missing:
            said.append(say["missed-critical-points"](missing=_list(missing, variables), equations=equations))
        # a point of a critical line beyond the region ((0, 6) on the sauna's wall x = 0) is outside it as (6, 6)
        # is, and told with it: named alone, (6, 6) taken out still left the answer wrong (finding 420)
        outside_extra = [p for p in got_points if (p in extra and _among(p, outside, ctx)) or (
            not _in_region(solution.region, p) and any(_on(p, w, variables) for w in lines))]
        if outside_extra:
            said.append(say["outside-region"](extra=_list(outside_extra, variables, ctx.spellings), region=region,
                                              verb="lies" if len(outside_extra) == 1 else "lie"))
        others = [p for p in extra if not _among(p, outside, ctx)] + extra_lines
        # "x = 0 does not belong" gave no reason (finding 140); where f′ repeats, a point a period on is told as
        # outside the window asked (the kind's check), not as no critical point. Beside a point missed, only
        # points where f′ has no value are told (0 for the -√3/9 of |x| + x^(1/3)): taking those for critical is
        # a mistake of its own, where another x for the one missed is a slip in solving (below)
        if len(variables) == 1 and others and not solution.windows \
                and (not missing or all(_slopes_beside(problem, p) for p in others)):
            whys = [_not_critical(problem, p) for p in others]
            if not all(whys):
                return None
            why = whys[0] if len(whys) == 1 else "; ".join(
                w if w.startswith(f"{name}′(") else f"at {_list([p], variables, ctx.spellings)}, {w}"
                for p, w in zip(others, whys))
            given = _list(others, variables, ctx.spellings)
            one = len(others) == 1
            said.append(say["not-critical"](extra=given, why=why,
                                            beside=f"At {given}, {why}" if one else capitalized(why),
                                            verb="is not a critical point" if one else "are not critical points"))
            return tuple(said) if len(said) <= 2 else None
        if any(_without_gradient(problem, p) for p in others):
            return None  # a corner or cusp that is not critical: no partial is zero there, one has no value
        if others:
            zero = [tuple(v for v, g in zip(variables, partials) if _zero_on(g, item, variables)) for item in others]
            if any(len(z) in (0, len(variables)) for z in zero):
                return None  # a point where no partial is zero is some other mistake
            # each item told with the partials zero there, not all with the first's: (0, 0) of x² + y² − 2x beside
            # (1, 1) was "where only ∂f/∂x is zero", where ∂f/∂x = -2 (finding 689)
            groups: dict[tuple[str, ...], list] = {}
            for item, z in zip(others, zero):
                groups.setdefault(z, []).append(item)
            if all(isinstance(item, Equation) for item in others) and len(groups) == 1 and len(zero[0]) == 1 \
                    and not missing and not _line_left_out(partials[variables.index(zero[0][0])], got_points,
                                                           got_lines, variables, ctx):
                # whole lines where one partial is zero, none missing and no point given in place of a line of that
                # partial (solving it alone gives each such line whole): that partial solved alone, said once as that
                said.append(say["solved-one-partial"](partial=f"∂{name}/∂{zero[0][0]}", equations=equations))
            elif said and said[-1].misconception == "missed-critical-points" and all(
                    isinstance(p, tuple) for p in missing) and all(
                    isinstance(p, tuple) and _one_partial_solved(partials, p, variables) for p in others):
                # the sauna's (4, 6), (6, 4) for (4, 4): 3x − 12 = 0 and y − 6 = 0 both from ∂T/∂x, one mistake that
                # gives the points given and loses the one missed (finding 804), not a slip in solving for it
                said[-1] = Said.of("extra-critical-points", _PAIRED_IN_ONE.format(
                    given=_where_only(groups, name, variables, ctx.spellings), missing=_list(missing, variables),
                    partials=and_list([f"∂{name}/∂{v}" for v in variables])))
            else:
                said.append(say["extra-critical-points"](extra=_where_only(groups, name, variables, ctx.spellings)))
        if len(said) == 2 and missing and others and not all(isinstance(i, Equation) for i in (*missing, *others)):
            return None  # a point replaced by another: a slip in solving, or some other mistake
        # (a line for a line is said: that only some partials are zero on the line given is why it is wrong)
        return tuple(said) if 1 <= len(said) <= 2 else None

    # points all on the critical lines, the lines left out: the lesson's sauna mistake, said first, even
    # where a slip in the derivatives happens to give the same points ((0, 0) of x²y²)
    return Pattern("missed-critical-points", Shape.POINTS, test, leading=frozenset({"ignored-critical-lines"}))


def _one_partial_solved(partials: Sequence[Expr], point: tuple, variables: Sequence[str]) -> bool:
    """Whether some partial is zero all along each line through the point parallel to an axis: the point is
    where factors of that one partial, one for each coordinate, are zero together ((4, 6) of the sauna's ∂T/∂x,
    whose 3x − 12 and y − 6 are zero there)."""
    lines = _lines_through(point, variables)
    return any(g.free_symbols >= {symbol(v) for v in variables} and all(_zero_on(g, line, variables) for line in lines)
               for g in partials)


def _lines_through(point: tuple, variables: Sequence[str]) -> list[Equation]:
    """The lines v = c through a point, one for each coordinate, parallel to the axes."""
    return [Equation(symbol(v), c) for v, c in zip(variables, point)]


def _line_left_out(partial: Expr, points: Sequence[tuple], lines: Sequence[Equation | Meet],
                   variables: Sequence[str], ctx: Context) -> bool:
    """Whether a point given lies on a line v = c where `partial` is zero all along, a line the answer leaves
    out: that partial solved alone gives the line, not the point (the sauna's (4, 4) on x = 4, where ∂T/∂x is
    zero: given with y = 6, it was told "you solved only ∂T/∂x = 0", outside check h78, N2)."""
    return any(_zero_on(partial, line, variables) and not any(same_locus(given, line, ctx) for given in lines)
               for point in points for line in _lines_through(point, variables))


def _where_only(groups: dict[tuple[str, ...], list], name: str, variables: Sequence[str], spellings: tuple) -> str:
    """Extra items, each set with the partials zero at it: "(1, 1), where only ∂f/∂x is zero, and (0, 0), where
    only ∂f/∂y is zero" (a comma closes each "where" before the next set)."""
    told = [_WHERE_ONLY.format(items=_list(items, variables, spellings), verb="is" if len(zero) == 1 else "are",
                               partials=and_list([f"∂{name}/∂{v}" for v in zero]))
            for zero, items in groups.items()]
    return told[0] if len(told) == 1 else ", ".join(told[:-1]) + ", and " + told[-1]


def _corner(problem: CriticalPoints, point: Point | Equation | Meet) -> str:
    """Where f has no derivative at a critical point (a corner of |x|): why it is critical, from its slopes on
    either side ("f′ is -1 from the left and 1 from the right, so f′ has no value there"); in two variables,
    from the gradients of the pieces meeting there, or f's minimum where ∇f has no value; else ""."""
    if not isinstance(point, tuple):
        return ""
    if len(problem.variables) > 1:
        return _critical_without_gradient(problem, point)
    end = next((p for p in problem.solution.points if p.point == point and p.edge), None)
    if end is not None:  # √x at 0: no slope from the left to change sign from, and f's values decide
        return f"{end.no_slope}, so {problem.name}′ has no value there, but {problem.name} has a local {end.nature} " \
               "at this end of its domain"
    # max(x², 2x) as (x² + 2x + |x² - 2x|)/2, whose one-sided slopes at a corner are known
    # what keys it is that f′ changes sign there (the prompt's rule), not that f′ has no value (x^(1/3) at 0)
    said = one_sided_slopes(with_abs(problem.function), problem.variables[0], point[0])
    # a cusp (x^(2/3)(x + 5) at 0: f′ -∞ then ∞) is named one; a corner stays "this point", as the prompt's
    # "a corner where f′ changes sign" already names it
    cusp = any(p.point == point and p.shape == "a cusp" for p in problem.solution.points)
    here = "this cusp" if cusp else "this point"
    return f"{said}, so {problem.name}′ changes sign at {here}, where it has no value" if said else ""


def _factor_dropped(problem: CriticalPoints, missing: Sequence[Point | Equation | Meet], given: Sequence[tuple],
                    ctx: Context) -> bool:
    """Whether f′ (of one variable) is a product and each point missed is a zero of a factor none of whose
    zeros the answer gives: then the factor was dropped, which "a product is zero when any one of its factors
    is" explains; not where f′ is no product (cos x, x^(2/3) - x)."""
    factors = [f for f in (problem.solution.factors or ((),))[0] if f.free_symbols]
    if len(factors) < 2:
        return False
    points, _ = problem.points_and_lines()
    variables = problem.variables

    def zeros(factor: Expr) -> list[tuple]:
        return [p for p in points if (value := at_point(factor, variables, p)) is not None and value == 0]

    dropped = [z for z in map(zeros, factors) if not any(_among(p, given, ctx) for p in z)]
    return all(isinstance(p, tuple) and any(p in z for z in dropped) for p in missing)


def _not_critical(problem: CriticalPoints, item: Point | Equation | Meet) -> str:
    """Why a point given is no critical point of f of one variable: f′ is not 0 there ("f′(0) = -3, not 0"), or,
    where f′ has no value, the one-sided slopes, which keep their sign ("f′ is -4 from the left and -2 from the
    right, so it does not change sign there"); "" where neither is known."""
    if not isinstance(item, tuple) or len(item) != 1:
        return ""
    name = problem.name
    said = _slopes_beside(problem, item)
    if said:
        return f"{said}, so {name}′ does not change sign there"
    slope = at_point(problem.solution.gradient[0], problem.variables, item)
    if slope is None or slope == 0 or not slope.is_number:
        return ""
    return f"{name}′({show(item[0])}) = {show(sympy.nsimplify(slope) if slope.is_Float else slope)}, not 0"


def _slopes_beside(problem: CriticalPoints, item: Point | Equation | Meet) -> str:
    """Where f of one variable has no derivative at the point given: its one-sided slopes ("f′ is ∞ on both
    sides, a vertical tangent"); else ""."""
    if not isinstance(item, tuple) or len(item) != 1:
        return ""
    return one_sided_slopes(with_abs(problem.function), problem.variables[0], item[0])


def _critical_without_gradient(problem: CriticalPoints, point: Point) -> str:
    """Why a critical point of f of two variables where ∇f has no value is critical: 0 lies among the gradients
    of the pieces meeting at a corner, or f has a local minimum or maximum where ∇f's formula has none; "" where
    it is no such point."""
    name, solution = problem.name, problem.solution
    hull = next((h for h in solution.lines.hulls if h.point == point), None) if solution.lines else None
    if hull is not None and hull.critical and len(hull.gradients) > 1:
        gradients = and_list([show(g) for g in hull.gradients])
        among = "between" if len(hull.gradients) == 2 else "in the polygon spanned by"
        return f"∇{name} has no value at this corner, but 0 lies {among} the gradients of the pieces of {name} " \
               f"that meet there, {gradients}"
    if hull is not None and hull.critical and not hull.gradients and hull.values is not None \
            and hull.values.nature in (Nature.MINIMUM, Nature.MAXIMUM):
        # a cusp on a kink line (√|x| + y² at (0, 0)): its pieces have no gradient there to lie between, and f's
        # values decide, as at the cone's vertex
        extremum = "minimum" if hull.values.nature == Nature.MINIMUM else "maximum"
        whys = [why for v in problem.variables
                if (why := slope_where_formula_fails(problem.function, problem.variables, point, v)[1])]
        slopes = f"{whys[0]}, so " if whys else ""
        return f"{slopes}∇{name} has no value there, but {name} has a local {extremum} at it"
    unsmooth = next((u for u in solution.unsmooth if u.point == point and u.critical and u.missing), None)
    if unsmooth is not None and unsmooth.values.nature in (Nature.MINIMUM, Nature.MAXIMUM):
        extremum = "minimum" if unsmooth.values.nature == Nature.MINIMUM else "maximum"
        slopes = f"{unsmooth.why}, so " if unsmooth.why else ""
        return f"{slopes}∇{name} has no value there, but {name} has a local {extremum} at it"
    # a cusp found otherwise (x^(2/3) − x + y² at (0, 0), its terms' critical points paired): no factor of a
    # partial is zero there; the partial has no value, and f's values make it critical
    found = next((p for p in solution.points if p.point == point and p.no_slope
                  and p.nature in (Nature.MINIMUM, Nature.MAXIMUM)), None)
    if found is not None:
        return f"{found.no_slope}, so ∇{name} has no value at this {found.shape.split()[-1]}, but {name} has a " \
               f"local {found.nature} at it"
    return ""


def _without_gradient(problem: CriticalPoints, item: Point | Equation | Meet) -> bool:
    """Whether a point is one where ∇f has no value, on a kink line or where its formula has none (f of two
    variables): a partial derivative there is not zero, nor anything else (sympy's sign(0) = 0 is no slope)."""
    solution = problem.solution
    if not isinstance(item, tuple) or len(problem.variables) < 2:
        return False
    syms = [symbol(v) for v in problem.variables]
    return any(lies_on(item, (k.line,), syms) for k in (solution.lines.lines if solution.lines else ())) or \
        any(u.point == item for u in solution.unsmooth)


def _zero_on(partial: Expr, item: tuple | Equation | Meet, variables: Sequence[str]) -> bool:
    """Whether a partial derivative is zero at a point, or all along a line v = c, or a line of three variables."""
    if isinstance(item, Meet):
        return zero_along(partial, item, variables)
    if isinstance(item, tuple):
        value = at_point(partial, variables, item)
        return value is not None and value == 0
    if item.lhs.is_Symbol and not item.rhs.free_symbols:
        return sympy.expand(partial.xreplace({item.lhs: item.rhs})) == 0
    return False


# ------------------------------------------------------------ solving wrongly


@dataclass(frozen=True)
class _Transform:
    """A slip in solving, as what it does to a set of solutions, and what is said of it: for the right
    set, or (`told`, where the sentence quotes the set's points) for the set it is applied to. Applied
    after another slip, `told` words a point or value it quotes that no right point has as that slip's ("the
    first mistake gives y = 1/2, which …"): quoted as for the right set, "y = 1/2, not 2" read as the answer
    (finding 805)."""

    said: Said
    apply: Callable[[_Set], _Set | None]
    told: Callable[[_Set], Said | None] | None = None
    # the set with every point the slip moved kept, also beyond the region, where `apply` gives none there
    unchecked: Callable[[_Set], _Set | None] | None = None
    paired: bool = True  # also with another slip, or after a slip in the derivatives

    def said_of(self, s: _Set) -> Said:
        """The sentence for applying it to `s`, the set another slip gave: its own points quoted."""
        return (self.told(s) if self.told else None) or self.said


def _transforms(problem: CriticalPoints) -> list[_Transform]:
    """The slips in solving ∇f = 0, each as what it does to a set of solutions."""
    variables, f = problem.variables, problem.function
    right_points, _ = problem.points_and_lines()
    found: list[_Transform] = []
    if len(variables) == 2:
        region = problem.solution.region

        def turned(s: _Set) -> tuple[tuple, tuple] | None:
            """A point of s and the point it turns into, one the answer then shows that s lacks: a swapped point
            outside the region is dropped from the answer, and one in s anyway shows no swap (with y ≥ 0, (-1, 1)
            turns into (1, -1), which the region drops: (1, 1) alone, for (1, 1) and (-1, 1), swapped nothing)."""
            return next(((p, q) for p in s[0] if (q := (p[1], p[0])) != p and q not in s[0]
                         and _in_region(region, q)), None)

        def swap(s: _Set) -> _Set | None:
            return (tuple((p[1], p[0]) for p in s[0]), s[1]) if turned(s) else None

        def swapped(s: _Set) -> Said | None:
            example = turned(s)
            if example and example[0] not in right_points:  # another slip's point: not the one to write
                return Said.of("critical-point-coordinates-swapped", "It looks like you wrote the coordinates the "
                               f"wrong way round: a point is ({', '.join(variables)}): the first mistake gives "
                               f"{show(example[0])}, which written the wrong way round is {show(example[1])}.")
            return example and coordinates_swapped(variables, show(example[0]), show(example[1]))
        told = swapped((tuple(right_points), ()))
        if told:
            found.append(_Transform(told, swap, swapped))
    found += _sign_flips(problem)
    found += _undivided(problem)
    found += _roots(problem)
    inverses: dict[Expr, Expr] = {}  # the same coordinates come again in many sets

    def inverse(c: Expr) -> Expr:
        if c not in inverses:
            inverses[c] = 1 / c
        return inverses[c]

    # in each coordinate alone, then in every one at once (the sauna's 3x − 12 = 0 and 3y − 12 = 0 both solved
    # as 3/12: (1/4, 1/4)), named for each, as one slip made twice
    for inverted in _alone_and_together(range(len(variables))):
        def reciprocal(s: _Set, inverted: tuple[int, ...] = inverted) -> _Set | None:
            points = tuple(tuple(inverse(c) if i in inverted and c not in (0, 1, -1) else c for i, c in enumerate(p))
                           for p in s[0])
            return (points, s[1]) if points != s[0] else None

        def divided(s: _Set, inverted: tuple[int, ...] = inverted) -> Said | None:
            examples = [(i, c) for i in inverted
                        if (c := next((p[i] for p in s[0] if p[i] not in (0, 1, -1)), None)) is not None]
            if len(examples) < len(inverted):
                return None  # a coordinate the slip leaves as it is: the slip in the others alone says it
            solved = f"for {and_list([variables[i] for i, _ in examples])}"
            # a value another slip gave, that no right point has, is quoted as that slip's
            if any(all(p[i] != c for p in right_points) for i, c in examples):
                gave = and_list([f"{variables[i]} = {show(c)}" for i, c in examples])
                values = (f"the first mistake gives {gave}, which dividing the wrong way round turns into "
                          f"{and_list([show(1 / c) for _, c in examples])}")
            else:
                values = "; ".join(f"{variables[i]} = {show(c)}, not {show(1 / c)}" for i, c in examples)
            return SOLVING["divided-wrong-way"].fill(solved=solved, values=values)
        told = divided((tuple(right_points), ()))
        if told is not None:  # made in every coordinate, it is alone: another slip on top is a third
            found.append(_Transform(told, reciprocal, divided, paired=len(inverted) == 1))
    saddles = _saddles(problem)
    if saddles:
        def without_saddles(s: _Set) -> _Set | None:
            points = tuple(p for p in s[0] if p not in saddles)
            return (points, s[1]) if len(points) != len(s[0]) else None

        def left_out(s: _Set) -> Said | None:  # those the set solved has: the others no one left out
            kept = [p for p in saddles if p in s[0]]
            return _saddles_said(kept, variables) if kept else None
        found.append(_Transform(_saddles_said(saddles, variables), without_saddles, left_out))
    del f
    return found


def coordinates_swapped(variables: Sequence[str], right: str, wrong: str) -> Said:
    """A point written the wrong way round, `wrong` for `right`: a critical point, or any other answer that is a
    point (where descent ends, a local minimum)."""
    return MISCONCEPTIONS["critical-point-coordinates-swapped"].fill(names=", ".join(variables), right=right,
                                                                    wrong=wrong)


def point_swapped(problem: Problem, right: tuple[Expr, ...], turned: tuple[Expr, ...]) -> Said:
    """coordinates_swapped for a point of decimals, each quoted to the places asked, as a student types it: (0.5057,
    0.6047), not the (0.50567, 0.604675) no one typed to 4 places (finding 807, outside check h18); m = …, b = …, each
    value named, is never told it is in the wrong order (the parts' names refute it)."""
    places = (problem.tolerance or problem.default_tolerance() or Tolerance()).places

    def decimal(c: Expr) -> Expr:
        return c if places is None or c.is_Integer else sympy.Float(round(float(c), places), 15)
    quoted = [problem.show_answer(Answer(Shape.VECTOR, tuple(map(decimal, p)))) for p in (right, turned)]
    return replace(coordinates_swapped(problem.variables, *quoted), refuted_by=(written_after(problem.variables),))


def _saddles(problem: CriticalPoints) -> list[Point]:
    """The saddle points among the critical points (in the region), where the partials are zero."""
    # a corner saddle (|x| - |y| at (0, 0)), where no partial derivative is zero, is a missed corner (_differences)
    return [p.point for p in problem.solution.points if p.nature == Nature.SADDLE and p.inside is not False
            and not _corner(problem, p.point)]


def _saddles_said(saddles: Sequence[Point], variables: Sequence[str]) -> Said:
    which = "a saddle point" if len(saddles) == 1 else "each a saddle point"
    return MISCONCEPTIONS["saddle-not-critical"].fill(points=_list(saddles, variables), which=which)


def _sign_flips(problem: CriticalPoints) -> list[_Transform]:
    """x − a = 0 read as x = −a, for the factors (x − a) f is written with, and then those of its partials
    (−2y − 2 of x² − y² − 2y, whose factors hold both variables: there the sign is lost in solving ∂f/∂y = 0)."""
    variables = problem.variables
    syms = [symbol(v) for v in variables]
    roots: dict[int, dict[Expr, Expr]] = {}
    for written, factors in ((True, problem.function.atoms(sympy.Add)), (False, _partials_factors(problem))):
        for i, factor in _one_variable_factors(factors, syms):
            root = _linear_root(factor, syms[i])
            if root is not None and root != 0 and (written or root not in roots.get(i, {})):
                roots.setdefault(i, {})[root] = factor  # a root f is written with is told with f's factor
    found: list[_Transform] = []
    right_points, _ = problem.points_and_lines()
    region = problem.solution.region

    def said(flipped: tuple[int, ...], both: bool = False) -> Said:
        """Each sign flipped named, with its factor's root ("±2" where both signs are kept)."""
        parts = []
        for i in flipped:
            root = _right_root(roots[i], i, right_points)  # the sauna's 3x − 12 and x − 6: (4, 4) is 4's
            factor = roots[i][root]
            parts.append(dict(name=variables[i], factor=show(factor, variables), root=show(root),
                              wrong=f"±{show(abs(root))}" if both else show(-root)))
        if len(parts) == 1:
            return MISCONCEPTIONS["critical-point-sign"].fill(**parts[0])
        # the same slip in every coordinate: named for each, not for x alone
        names = and_list([variables[i] for i in flipped])
        zeros = "; ".join("{factor} is zero at {name} = {root}, not at {name} = {wrong}".format(**p) for p in parts)
        return Said.of("critical-point-sign", f"It looks like you took the signs of {names} the wrong way round: "
                                              f"{zeros}.")

    for flipped in _alone_and_together(sorted(roots)):
        def flip(s: _Set, flipped: tuple = flipped, checked: bool = True) -> _Set | None:
            points = tuple(tuple(-c if i in flipped and c in roots[i] else c for i, c in enumerate(p)) for p in s[0])
            return _moved_in_region(s, points, region, checked)
        found.append(_Transform(said(flipped), flip, unchecked=partial(flip, checked=False)))
        if len(flipped) > 1:
            def add_flipped(s: _Set, flip=flip) -> _Set | None:
                other = flip(s)
                return None if other is None else (tuple(dict.fromkeys(s[0] + other[0])), s[1])
            found.append(_Transform(said(flipped, both=True), add_flipped))
    return found


def _undivided(problem: CriticalPoints) -> list[_Transform]:
    """a·x + b = 0 solved as x = −b, the division by a left out (outside check h60, W14: 2x + 5 = 0 as x = −5), for
    the partials' factors of degree 1 in one variable whose coefficient is no ±1; in each coordinate alone, and in
    every one at once."""
    variables = problem.variables
    syms = [symbol(v) for v in variables]
    slips: dict[int, dict[Expr, tuple[Expr, Expr]]] = {}  # coordinate -> root -> (the slip's value, its factor)
    for i, factor in _one_variable_factors(_partials_factors(problem), syms):
        terms = rational_terms(factor, [syms[i]])
        if terms is None or max(terms, default=(0,)) != (1,) or abs(terms[(1,)]) == 1 or (0,) not in terms:
            continue
        size = to_sympy(abs(terms[(1,)]))
        root = to_sympy(-terms[(0,)] / terms[(1,)])  # 2x + 5: -5/2, and the slip's -5; -2y - 4: -2, and -4
        slips.setdefault(i, {}).setdefault(root, (root * size, factor))
    right_points, _ = problem.points_and_lines()
    region = problem.solution.region

    def said(coordinates: tuple[int, ...]) -> Said:
        slipped = []
        for i in coordinates:
            root = _right_root(slips[i], i, right_points)
            slipped.append((i, root, *slips[i][root]))
        return SOLVING["coefficient-not-divided"].fill(
            equations=and_list([f"{show(factor, variables)} = 0" for *_, factor in slipped]),
            values="; ".join(f"{variables[i]} = {show(root)}, not {show(wrong)}" for i, root, wrong, _ in slipped))

    found = []
    for coordinates in _alone_and_together(sorted(slips)):
        def undivided(s: _Set, coordinates: tuple[int, ...] = coordinates) -> _Set | None:
            points = tuple(tuple(slips[i][c][0] if i in coordinates and c in slips[i] else c for i, c in enumerate(p))
                           for p in s[0])
            return _moved_in_region(s, points, region)
        found.append(_Transform(said(coordinates), undivided))
    return found


def _alone_and_together(coordinates: Iterable[int]) -> list[tuple[int, ...]]:
    """A slip in each coordinate alone, then in every one at once (one slip made in each, named for each)."""
    each = [(i,) for i in coordinates]
    return each + ([tuple(i for (i,) in each)] if len(each) > 1 else [])


def _partials_factors(problem: CriticalPoints) -> list[Expr]:
    """The sums in f's partial derivatives (2x + 5 of x² + 5x − y²), in a fixed order."""
    return sorted(set().union(*(g.atoms(sympy.Add) for g in problem.solution.gradient)), key=sympy.default_sort_key)


def _one_variable_factors(factors: Iterable[Expr], syms: Sequence[sympy.Symbol]) -> Iterator[tuple[int, Expr]]:
    """Each factor that holds one variable alone, with that variable's index: where solving it gives a coordinate."""
    for factor in factors:
        used = [i for i, s in enumerate(syms) if factor.has(s)]
        if len(used) == 1:
            yield used[0], factor


def _right_root(roots: Mapping[Expr, object], i: int, right_points: Sequence[Point]) -> Expr:
    """Of a coordinate's roots, the one a right point has, where one has (the slip named is the one the answer shows),
    else the first."""
    return next((r for r in roots if any(p[i] == r for p in right_points)), next(iter(roots)))


def _moved_in_region(s: _Set, points: tuple, region: Region | None, checked: bool = True) -> _Set | None:
    """s with its points moved by a slip, where some moved; not where every moved point leaves the region, which
    drops it from the answer, so that the answer shows no slip (the sauna's (-4, -4) would make "missed (4, 4)" a
    sign taken the wrong way round too)."""
    moved = [q for p, q in zip(s[0], points) if q != p]
    return (points, s[1]) if moved and (not checked or any(_in_region(region, q) for q in moved)) else None


def _linear_root(factor: Expr, s: sympy.Symbol) -> Expr | None:
    """The root of a factor of degree 1 in s, as sympy.solve gives it; read off its coefficients where
    they are rational (−c/a of a·s + c, the very number solve gives). None for any other factor."""
    terms = rational_terms(factor, [s])
    if terms is None:
        if factor.is_polynomial(s) and sympy.degree(factor, s) == 1:
            return sympy.solve(factor, s)[0]
        return None
    if max(terms, default=(0,)) != (1,):
        return None
    return to_sympy(-terms.get((0,), Fraction(0)) / terms[(1,)])


def _roots(problem: CriticalPoints) -> list[_Transform]:
    """±r pairs of a coordinate (from x² = r²) in whatever set is solved: only the positive root
    kept, or r² for r."""
    variables = problem.variables
    right_points, _ = problem.points_and_lines()
    found: list[_Transform] = []
    for i, v in enumerate(variables):
        pairs = _pairs_at(right_points, i)
        if not any(_from_a_square(problem, v, r) for r in pairs):
            continue  # ±π of cos x: no x² = π² was solved, and "x² = π² has two solutions" would be false

        def one_root(sign: int, i: int = i) -> Callable[[_Set], _Set | None]:
            """The set with only the root of each ±r pair of this sign kept (the other lost: (-3, 0) alone too, outside
            check h53)."""
            def kept(s: _Set) -> _Set | None:
                values = set(_pairs_at(s[0], i))
                left = tuple(p for p in s[0] if not ((-sign * p[i]).is_positive and -sign * p[i] in values))
                return (left, s[1]) if values and left != s[0] else None
            return kept

        def squared(s: _Set, i: int = i) -> _Set | None:
            values = set(_pairs_at(s[0], i))
            changed = tuple(_with(p, i, sympy.sign(p[i]) * p[i] ** 2) if abs(p[i]) in values else p for p in s[0])
            return (changed, s[1]) if values and changed != s[0] else None

        # told of the set solved: after a slip in f′ (x² − 3 = 0 for 3x² − 3 = 0) the equation the student
        # solved is x² = 3, not the right x² = 1, whose "x = ±1, not ±1" named what no one wrote (finding 432)
        def of_roots(misconception: str, i: int = i, v: str = v) -> Callable[[_Set], Said | None]:
            def said(s: _Set) -> Said | None:
                r = next(iter(_pairs_at(s[0], i)), None)
                return None if r is None else MISCONCEPTIONS[misconception].fill(
                    equation=f"{v}² = {show(r**2)}", name=v, root=show(r), square=show(r**2))
            return said

        right: _Set = (tuple(right_points), ())
        for transform, misconception in ((one_root(1), "positive-root-only"), (one_root(-1), "negative-root-only"),
                                         (squared, "square-root-not-taken")):
            told = of_roots(misconception)
            found.append(_Transform(cast(Said, told(right)), transform, told))
    return found


def _from_a_square(problem: CriticalPoints, v: str, r: Expr) -> bool:
    """Whether some partial derivative, or the inside of an absolute value of f (the corners of |x² − 1|), is a
    polynomial in v with the factor v² − r²: ±r came from solving v² = r²."""
    x = symbol(v)
    solved = [*problem.solution.gradient, *(a.args[0] for a in problem.function.atoms(sympy.Abs))]
    try:
        return any(g.is_polynomial(x) and g.has(x) and sympy.rem(g, x**2 - r**2, x).expand() == 0 for g in solved)
    except (sympy.PolynomialError, TypeError, ValueError):
        return False


def _pairs_at(points: Sequence[tuple], i: int) -> list[Expr]:
    """The positive r for which points with coordinate i equal to r and to −r both appear."""
    return list(dict.fromkeys(p[i] for p in points if p[i].is_positive and any(
        q[i] == -p[i] and q[:i] + q[i + 1:] == p[:i] + p[i + 1:] for q in points)))


def _with(point: tuple, i: int, value: Expr) -> tuple:
    return point[:i] + (value,) + point[i + 1:]


# ------------------------------------------------------------ the candidates


_Solved = list[tuple[tuple[Said, ...], _Set]]


def _solved(problem: CriticalPoints) -> tuple[_Solved, Callable[[], _Solved]]:
    """The sets a student finds by solving a wrong system exactly: ∇f with a derivative
    misconception, f = 0 in place of a partial, one partial alone; and a function making those
    of ∇f with two misconceptions at once."""
    f, variables, name = problem.function, problem.variables, problem.name
    syms = [symbol(v) for v in variables]
    gradient = problem.solution.gradient
    equations = " and ".join(f"∂{name}/∂{v} = 0" for v in variables) if len(variables) > 1 \
        else f"{name}′({variables[0]}) = 0"
    found: _Solved = []
    polynomial = rational_polynomial(f, syms)
    if polynomial is None or polynomial.total_degree() > _MAX_DEGREE:
        return found, list  # systems a student solves by hand are small: beyond that, no wrong one is solved
    terms = sympy.Add.make_args(sympy.expand(f))
    parts = [sympy.Add(*(t for t in terms if t.has(s))) for s in syms]
    # each part = 0 is f = 0 solved piece by piece only where no term holds two variables: the parts of
    # (x + y)² share 2xy, and their one common zero (0, 0) is not what f = 0 (the line x = -y) gives
    separate = all(sum(t.has(s) for s in syms) <= 1 for t in terms)
    # the fewest partials changed first: where a slip in ∂f/∂y alone gives the same set as in every
    # partial, the simpler explanation is the one named
    singles, pairs = gradient_tiers(f, variables, name, pairs="everywhere")

    def zeros_of(wrongs: Sequence[WrongGradient]) -> _Solved:
        solved: _Solved = []
        for said, wrong in sorted(wrongs, key=lambda said_wrong: sum(differ(w, g, variables)
                                                                     for w, g in zip(said_wrong[1], gradient))):
            zeros = common_zeros(wrong, variables)
            if zeros is not None and (not separate or any(differ(w, p, variables) for w, p in zip(wrong, parts))):
                solved.append((said, zeros))  # (every term left as it was is f = 0 if f is separate: said below)
        return solved
    found += zeros_of(singles)
    zeros = common_zeros(parts, variables) if separate else None
    if zeros is not None:
        found.append(((SOLVING["solved-function-zero"].fill(f=name, equation=equations),), zeros))
    if len(variables) == 2:
        for v, s, g in zip(variables, syms, gradient):
            if g.free_symbols == {s}:
                zeros = common_zeros([g], [v])
                if zeros is not None and zeros[0]:
                    lines = tuple(Equation(s, p[0]) for p in zeros[0])
                    found.append(((MISCONCEPTIONS["solved-one-partial"].fill(partial=f"∂{name}/∂{v}",
                                                                               equations=equations),), ((), lines)))
    return found, lambda: zeros_of(pairs())


def _in_region(region: Region | None, point: tuple) -> bool:
    return region is None or region.contains(point) is not False


def _inside(problem: CriticalPoints, s: _Set) -> _Set:
    region = problem.solution.region
    if region is None:
        return s
    return tuple(p for p in s[0] if _in_region(region, p)), s[1]


def candidates(problem: CriticalPoints) -> Tiered:
    points, lines = problem.points_and_lines()
    right: _Set = (tuple(points), tuple(lines))
    transforms = _transforms(problem)
    solved, solved_pairs = _solved(problem)
    found: list[WrongAnswer | Pattern] = []

    def add(said: Sequence[Said], s: _Set | None, to: list[WrongAnswer | Pattern] = found) -> None:
        if s is not None:
            s = _inside(problem, s)
            to.append(WrongAnswer.of(said, Answer(Shape.POINTS, (*s[0], *s[1]))))

    for transform in transforms:
        add([transform.said], transform.apply(right))
        unchecked = (transform.unchecked or transform.apply)(right)
        if unchecked is not None and _inside(problem, unchecked) != unchecked:
            # the slip's points beyond the region listed as found (the sauna's (-4, -4), x = 0, y = 0): the slip is
            # what the answer shows, which "(-4, -4) does not belong … 1 point is missing" left unsaid (finding 747)
            found.append(WrongAnswer.of([transform.said], Answer(Shape.POINTS, (*unchecked[0], *unchecked[1]))))
    for saids, s in solved:
        add(saids, s)
    found.append(_differences(problem))
    gradient = problem.solution.gradient
    found.append(WrongAnswer.of([SOLVING["derivative-not-solved"].fill(
        derivative=f"∇{problem.name}", equation=" and ".join(f"∂{problem.name}/∂{v} = 0" for v in problem.variables))],
        Answer(Shape.VECTOR, tuple(gradient)), variables=tuple(problem.variables)))

    def pairs() -> list[WrongAnswer | Pattern]:
        made: list[WrongAnswer | Pattern] = []
        for saids, s in solved_pairs():
            add(saids, s, made)
        paired = [t for t in transforms if t.paired]
        for first, second in combinations(paired, 2):
            if first.said.misconception != second.said.misconception:
                once = first.apply(right)
                if once is not None:
                    add([first.said, second.said_of(once)], second.apply(once), made)
        for saids, s in solved:
            if len(saids) == 1:
                for transform in paired:
                    add([*saids, transform.said_of(s)], transform.apply(s), made)
        return made
    return Tiered(found, pairs)
