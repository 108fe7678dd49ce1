"""Regions such as `0 <= x <= 5, 0 <= y <= 5`: which points, and which parts of a set, lie in them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..parse import Equation, InputError, read, substituted
from ..show import show
from .common import SolveError, exact, sign, symbols
from .roots import compare, rational_polynomial, real_roots

_OPERATORS = {"<=": "≤", "≤": "≤", ">=": "≥", "≥": "≥", "<": "<", ">": ">", "=<": "≤", "=>": "≥"}
_SPLIT = re.compile(r"(<=|>=|=<|=>|≤|≥|<|>)")
_HOLDS = {"≤": lambda s: s >= 0, "<": lambda s: s > 0, "≥": lambda s: s <= 0, ">": lambda s: s < 0}
_LATEX = {"≤": r"\le", "≥": r"\ge", "<": "<", ">": ">"}


@dataclass(frozen=True)
class Condition:
    """lhs op rhs, one link of a chain like 0 <= x <= 5."""

    lhs: Expr
    op: str  # one of ≤ < ≥ >
    rhs: Expr
    joined: bool = False  # typed as the next link of the condition before it (0 <= x <= 5), shown so again

    def holds(self, values: Mapping[sympy.Symbol, Expr]) -> bool:
        difference = (self.rhs - self.lhs).xreplace(values)
        s = sign(difference)
        if s is None:
            raise SolveError(f"can't decide whether {self.show()} holds there")
        return _HOLDS[self.op](s)

    def show(self, variables: Sequence[str] = (), latex: bool = False) -> str:
        op = _LATEX[self.op] if latex else self.op
        return f"{show(self.lhs, variables, latex=latex)} {op} {show(self.rhs, variables, latex=latex)}"


@dataclass(frozen=True)
class Region:
    text: str
    variables: tuple[str, ...]
    conditions: tuple[Condition, ...]

    def contains(self, point: Sequence[Expr] | Mapping[str, Expr]) -> bool:
        return self.failing(point) is None

    def failing(self, point: Sequence[Expr] | Mapping[str, Expr]) -> Condition | None:
        """The first condition the point breaks, or None if it is inside."""
        values = self._values(point)
        return next((c for c in self.conditions if not c.holds(values)), None)

    def meets(self, equations: Sequence[Equation]) -> tuple[bool | None, str]:
        """Whether a set given by `x = expression` equations reaches into the region, and where.

        Answers None when that can't be decided simply (a curve, or several free variables).
        """
        inside, extent, variable = self.extent(equations)
        if not inside or extent is None or variable is None:
            return inside, ""
        return True, interval_text(extent, variable.name)

    def extent(self, equations: Sequence[Equation]) -> tuple[bool | None, sympy.Set | None, sympy.Symbol | None]:
        """Whether a set given by `x = expression` equations reaches into the region, and the values
        its one free variable takes there (None when every value does, or when it can't be told)."""
        solved = _solved(equations)
        if solved is None:
            return None, None, None
        remaining: list[Condition] = []
        for c in self.conditions:
            lhs, rhs = c.lhs.xreplace(solved), c.rhs.xreplace(solved)
            if (rhs - lhs).free_symbols:
                remaining.append(Condition(lhs, c.op, rhs))
            elif not Condition(lhs, c.op, rhs).holds({}):
                return False, None, None
        free = set().union(*((c.rhs - c.lhs).free_symbols for c in remaining))
        if not free:
            return True, None, None
        if len(free) > 1:
            return None, None, None
        (variable,) = free
        where = sympy.S.Reals
        for c in remaining:
            where = where.intersect(_solve_condition(c, variable))
        if where.is_empty:
            return False, None, None
        return True, where, variable

    def bounded(self) -> bool:
        """Whether every variable lies between two numbers by the conditions on it alone (0 ≤ x ≤ 3,
        -1 ≤ y ≤ 1); False where that is not shown (x ≥ 0, or only x² + y² ≤ 1)."""
        for name in self.variables:
            where = self.span(name)
            if not (where.is_empty or (where.inf.is_finite and where.sup.is_finite)):
                return False
        return True

    def span(self, name: str) -> sympy.Set:
        """The values of one variable that the conditions on it alone allow (-4 ≤ x ≤ 4: [-4, 4])."""
        (variable,) = symbols([name])
        where: sympy.Set = sympy.S.Reals
        for c in self.conditions:
            if (c.rhs - c.lhs).free_symbols == {variable}:
                where = where.intersect(_solve_condition(c, variable))
        return where

    def emptiness(self) -> str | None:
        """Why no point lies in the region (bounds that cross, 5 <= x <= 3; x + y <= 0, x + y >= 1: an
        author's slip, or a draw's), or None. The conditions linear in the variables are weighed
        together, exactly; a region empty only through curved ones (x² + y² ≤ -1) is not told."""
        for c in self.conditions:
            if not (c.rhs - c.lhs).free_symbols and sign(c.rhs - c.lhs) is not None and not c.holds({}):
                return f"{c.show(self.variables)} is false"
        syms = symbols(self.variables)
        linear = [form for place, c in enumerate(self.conditions) if (form := _Linear.of(c, syms, place)) is not None]
        crossing = _contradiction(linear, syms)
        if crossing is None:
            return None
        own = tuple(self.conditions[place] for place in sorted(crossing))
        on = set().union(*((c.rhs - c.lhs).free_symbols for c in own))
        where = f"no {next(iter(on)).name}" if len(on) == 1 else "no point"
        return f"there is {where} with {Region('', self.variables, own).show()}"

    def with_values(self, values: Mapping[sympy.Symbol, Expr]) -> Region:
        """The region with parameters replaced by their values (0 ≤ x ≤ a with a = 5: 0 ≤ x ≤ 5); a SolveError
        naming a bound they leave without a real value, as written (0 ≤ x ≤ √a with a = -1 was read back as
        "unknown name 'I'": outside check h64, F8)."""
        conditions = tuple(Condition(substituted(c.lhs, values), c.op, substituted(c.rhs, values), c.joined)
                           for c in self.conditions)
        for written, given in zip(self.conditions, conditions):
            for bound, value in ((written.lhs, given.lhs), (written.rhs, given.rhs)):
                if value.has(sympy.zoo, sympy.nan, sympy.I):
                    raise SolveError(f"{show(bound, self.variables)} has no real value")
        region = Region("", self.variables, conditions)
        return Region(region.show(), self.variables, conditions)

    def show(self, latex: bool = False) -> str:
        """The conditions as chains again, as they were typed: 0 ≤ x ≤ 5, 0 ≤ y ≤ 5 (and 0 ≤ x ≤ 1, 1 ≤ y ≤ 2,
        never the one chain 0 ≤ x ≤ 1 ≤ y ≤ 2, which reads as relating x and y)."""
        text = ""
        for c in self.conditions:
            if c.joined and text:
                op = _LATEX[c.op] if latex else c.op
                text += f" {op} {show(c.rhs, self.variables, latex=latex)}"
            else:
                text += (", " if text else "") + c.show(self.variables, latex)
        return text

    def no_points(self) -> str | None:
        """Why the region holds no point, as a sentence naming it ("the region 3 ≤ x ≤ -3 has no points: ..."),
        or None."""
        empty = self.emptiness()
        if empty is None:
            return None
        shown = self.show()
        return f"the region {shown} has no points" + ("" if empty.endswith(f" {shown}") else f": {empty}")

    def _values(self, point: Sequence[Expr] | Mapping[str, Expr]) -> dict:
        if isinstance(point, Mapping):
            point = [point[name] for name in self.variables]
        if len(point) != len(self.variables):
            raise SolveError(f"a point here has {len(self.variables)} coordinates")
        return dict(zip(symbols(self.variables), (exact(p) for p in point)))


@dataclass(frozen=True)
class _Linear:
    """A linear condition as Σ coefficient·variable + constant ≥ 0 (> 0 when strict), and which of the
    region's conditions (their places) it was made from."""

    coefficients: tuple[Expr, ...]
    constant: Expr
    strict: bool
    made_from: frozenset[int]

    @classmethod
    def of(cls, c: Condition, variables: tuple[sympy.Symbol, ...], place: int) -> _Linear | None:
        """The condition (the region's `place`-th) in this form, where it is linear with coefficients of
        known sign; else None."""
        difference = sympy.expand(c.rhs - c.lhs)  # lhs ≤ rhs: difference ≥ 0
        if c.op in ("≥", ">"):
            difference = -difference
        if not difference.free_symbols <= set(variables) or not difference.is_polynomial(*variables):
            return None
        coefficients = tuple(difference.coeff(v, 1) for v in variables)
        constant = difference.subs({v: 0 for v in variables})
        if sympy.expand(difference - sum(a * v for a, v in zip(coefficients, variables)) - constant) != 0 \
                or any(sign(n) is None for n in (*coefficients, constant)):
            return None
        return cls(coefficients, constant, c.op in ("<", ">"), frozenset({place}))


def _contradiction(forms: Sequence[_Linear], variables: tuple[sympy.Symbol, ...],
                   most: int = 400) -> frozenset[int] | None:
    """The places of linear conditions that no point meets together, or None where some point meets
    them all (or the elimination grows past `most` conditions: then nothing is claimed). Fourier-Motzkin
    elimination, exact: each variable in turn, every lower bound on it against every upper bound."""
    current = list(forms)
    for i in range(len(variables)):
        rising = [f for f in current if sign(f.coefficients[i]) == 1]
        falling = [f for f in current if sign(f.coefficients[i]) == -1]
        current = [f for f in current if sign(f.coefficients[i]) == 0]
        for up in rising:
            for down in falling:
                a, b = -down.coefficients[i], up.coefficients[i]  # a·up + b·down has no variable i
                current.append(_Linear(tuple(sympy.expand(a * p + b * q)
                                             for p, q in zip(up.coefficients, down.coefficients)),
                                       sympy.expand(a * up.constant + b * down.constant),
                                       up.strict or down.strict, up.made_from | down.made_from))
        if len(current) > most:
            return None
    for form in sorted(current, key=lambda f: (len(f.made_from), sorted(f.made_from))):
        s = sign(form.constant)
        if s == -1 or (s == 0 and form.strict):
            return form.made_from
    return None


def _solved(equations: Sequence[Equation]) -> dict[sympy.Symbol, Expr] | None:
    """The set's equations as each named variable in terms of the free ones alone, or None where they are not
    `x = expression` equations that give it. A line in three variables may be written through another named
    variable (x = y and y = z: x = z, y = z) or name one twice (x = y and x = z: x = z, y = z); read as typed,
    its conditions would keep two variables and the region could never be weighed against it."""
    if not all(isinstance(e.lhs, sympy.Symbol) for e in equations):
        return None
    named = {e.lhs for e in equations}
    if len(named) < len(equations):  # one variable named twice: linear equations solved together, exactly
        differences = [e.lhs - e.rhs for e in equations]
        variables = sorted(set().union(*(d.free_symbols for d in differences)), key=lambda v: v.name)
        if not all(d.is_polynomial(*variables) and sympy.Poly(d, *variables).total_degree() <= 1
                   for d in differences):
            return None
        answers = sympy.solve(differences, variables, dict=True)
        return answers[0] if len(answers) == 1 and len(answers[0]) == len(equations) else None
    solved = {e.lhs: e.rhs for e in equations}
    for _ in range(len(equations) + 1):  # each pass puts the free variables for one more link of a chain
        if not any(r.free_symbols & named for r in solved.values()):
            return solved
        solved = {v: sympy.expand(r.xreplace(solved)) for v, r in solved.items()}
    return None  # x = y and y = x: a cycle that names no free variable


def _solve_condition(c: Condition, variable: sympy.Symbol) -> sympy.Set:
    """The values of the variable where lhs op rhs holds: directly when it is linear in it."""
    difference = sympy.expand(c.rhs - c.lhs)  # the condition says: difference ≥ 0 (or > 0 ...)
    slope = difference.coeff(variable, 1)
    rising = sign(slope) if difference.is_polynomial(variable) and sympy.degree(difference, variable) == 1 else None
    if rising:
        bound = -(difference - slope * variable) / slope
        strict = c.op in ("<", ">")
        if (rising > 0) == (c.op in ("≤", "<")):  # the variable is at least the bound
            return sympy.Interval(bound, sympy.oo, left_open=strict)
        return sympy.Interval(-sympy.oo, bound, right_open=strict)
    relation = {"≤": sympy.Le, "<": sympy.Lt, "≥": sympy.Ge, ">": sympy.Gt}[c.op](c.lhs, c.rhs)
    return sympy.solveset(relation, variable, sympy.S.Reals)


def interval_text(where: sympy.Set, name: str) -> str:
    if where == sympy.S.Reals:
        return f"every {name}"
    if isinstance(where, sympy.Interval):
        parts = []
        if where.start.is_finite:
            parts.append(f"{show(where.start)} {'<' if where.left_open else '≤'} ")
        parts.append(name)
        if where.end.is_finite:
            parts.append(f" {'<' if where.right_open else '≤'} {show(where.end)}")
        return "".join(parts)
    if isinstance(where, sympy.FiniteSet):
        return " or ".join(f"{name} = {show(v)}" for v in where)
    return f"{name} in {where}"


def parse_region(text: str, variables: Sequence[str]) -> Region:
    """Read `0 <= x <= 5, 0 <= y <= 5` (also <, >, ≤, ≥, and `and`); bounds go through tutor.parse."""
    variables = tuple(variables)
    conditions: list[Condition] = []
    for chain in _split_commas(text):
        pieces = _SPLIT.split(chain)
        if len(pieces) < 3:
            raise SolveError(f"'{chain.strip()}' is not a condition like 0 <= x <= 5")
        sides = [_side(p, variables) for p in pieces[0::2]]
        ops = [_OPERATORS[p] for p in pieces[1::2]]
        conditions.extend(Condition(a, op, b, link > 0) for link, (a, op, b) in enumerate(zip(sides, ops, sides[1:])))
    if not conditions:
        raise SolveError("the region is empty; write it like 0 <= x <= 5, 0 <= y <= 5")
    return Region(text.strip(), variables, tuple(conditions))


def region_of(text: str, variables: Sequence[str]) -> Region:
    """A region typed for a command, refused where it holds no point (3 <= x <= -3, bounds typed the wrong way
    round): every answer would be about a window with nothing in it."""
    region = parse_region(text, variables)
    why = region.no_points()
    if why is not None:
        raise SolveError(why)
    return region


def _side(text: str, variables: Sequence[str]) -> Expr:
    if not text.strip():
        raise SolveError("each side of a comparison needs a value")
    try:
        return read(text, "expression", variables).value
    except InputError as error:
        raise SolveError(f"can't read the region: {error.message}") from None


def _split_commas(text: str) -> list[str]:
    """The chains of a region, split at commas outside brackets (log(x, 2) stays whole)."""
    chains, depth, current = [], 0, ""
    for c in text:
        depth += c in "([{"
        depth -= c in ")]}"
        if c in ",;" and depth == 0:
            chains.append(current)
            current = ""
        else:
            current += c
    chains.append(current)
    return [part for chain in chains for part in re.split(r"\s+and\s+", chain) if part.strip()]


def box_sides(region: Region) -> tuple[tuple[int, Expr, sympy.Interval], ...] | None:
    """A box's four sides, each as (which variable is fixed, at what, the other's interval); None where the
    region is not a box with rational corners (x + y ≤ 1, x² + y² ≤ 1, x ≥ 0, 0 ≤ x ≤ π)."""
    if len(region.variables) != 2 or not region.bounded() \
            or any(len((c.rhs - c.lhs).free_symbols) != 1 for c in region.conditions):
        return None
    spans = [region.span(name) for name in region.variables]
    if not all(isinstance(w, sympy.Interval) and w.start.is_rational and w.end.is_rational for w in spans):
        return None
    return tuple((i, bound, sympy.Interval(spans[1 - i].start, spans[1 - i].end))
                 for i in (0, 1) for bound in (spans[i].start, spans[i].end))


def curve_meets_box(curve: Equation, syms: Sequence[sympy.Symbol], region: Region) -> tuple[bool | None, bool]:
    """Whether the curve g = 0 reaches into a box: where it crosses a side, or, crossing none, where a loop of
    it lies within, whose rightmost point has g = 0 and ∂g/∂y = 0 (x² + y² = 1 misses 2 ≤ x ≤ 3, 2 ≤ y ≤ 3:
    those points are (-1, 0) and (1, 0)). None where g is not a polynomial, the region not a box, or the curve
    meets only sides the region leaves out. Beside it, whether the box is shown to hold the whole curve: it meets
    no side, and every such leftmost or rightmost point of it lies within (x² + y² = 1 in -2 ≤ x ≤ 2, -2 ≤ y ≤ 2)."""
    sides = box_sides(region)
    g = sympy.expand(curve.lhs - curve.rhs)
    poly = rational_polynomial(g, syms)
    if sides is None or poly is None or poly.total_degree() < 1:
        return None, False
    try:
        met: list[tuple[Expr, ...]] = []
        for fixed, bound, span in sides:
            free = syms[1 - fixed]
            along = sympy.expand(g.xreplace({syms[fixed]: bound}))
            # a side lying on the curve: its middle stands for it
            places = [(span.start + span.end) / 2] if along.is_zero else [
                r for r in real_roots(along, free) if compare(r, span.start) >= 0 and compare(r, span.end) <= 0]
            met += [(bound, t) if fixed == 0 else (t, bound) for t in places]
        if met:  # on a side the region leaves out (x < 2), the curve may or may not go on into it
            return (True if any(region.contains(p) for p in met) else None), False
        turning = sympy.solve([g, sympy.diff(g, syms[1])], list(syms), dict=True)
        if any(len(t) < len(syms) or any(v.free_symbols for v in t.values()) for t in turning):
            return None, False  # a whole stretch of such points: not listed one by one
        points = [p for p in (tuple(t[s] for s in syms) for t in turning) if all(v.is_real for v in p)]
        within = [region.contains(p) for p in points]
        return any(within), bool(within) and all(within)
    except (SolveError, NotImplementedError, ValueError, TypeError, sympy.PolynomialError):
        return None, False
