"""All critical points of a function (∇f = 0), optionally within a region."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sympy import Expr

from ... import calculus
from ...calculus import SolveError
from ...calculus.classified import shapes
from ...calculus.factor_cases import lies_on
from ...check import Judgement, Verdict, check
from ...compare import Context, Note, Tolerance, compare_numbers, linear_part, meet_point, same_locus
from ...limits import LIMITS, Limits
from ...parse import Answer, Equation, InputError, Labelled, Meet, Reading, Shape, Spellings, symbol
from ...show import show
from ...words import and_list, counted, first_of
from ..base import Field, FieldError, FunctionProblem, Unkeyable, flat_refusal, typeable
from ..several import Graph, in_words, right_as_list, separated, values
from ..windows import outside

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


def _crossing(items: Sequence[object], variables: Sequence[str],
              most: int) -> tuple[list[tuple[str, Expr]], list[tuple[Expr, ...]]] | None:
    """The lines `x = a, y = b` (a number for each variable, in any order) the items are, and the points where they
    cross: one point, or where a variable is given several numbers (`x = ±1, y = 0`), each point they make, in the
    order given, no more than `most`; None for any other items."""
    lines: list[tuple[str, Expr]] = []
    for item in items:
        if not (isinstance(item, Equation) and item.lhs.is_Symbol and item.rhs.is_number):
            return None
        lines.append((str(item.lhs), item.rhs))
    given = {v: list(dict.fromkeys(c for name, c in lines if name == v)) for v in variables}
    if not lines or {name for name, _ in lines} != set(variables) or math.prod(map(len, given.values())) > most:
        return None
    return lines, list(itertools.product(*given.values()))


@dataclass(frozen=True)
class CriticalPoints(FunctionProblem):
    region: str | None = None

    KIND: ClassVar[str] = "critical_points"
    STARRED_PLACE: ClassVar[bool] = True  # x* = …, (x*, y*) = …
    SHAPE: ClassVar[Shape] = Shape.POINTS
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "region": Field("text", "where the points must lie, like 0 <= x <= 5, 0 <= y <= 5"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> CriticalPoints:
        common = cls.function_data(data)
        region = data.get("region")
        if region is not None:
            parameters = data.get("parameters") or {}
            try:  # the bounds may use the parameters, like the function: 0 <= x <= a
                parsed = calculus.parse_region(region, (*common["variables"], *(p.name for p in parameters)))
                given = parsed.with_values(parameters) if parameters else parsed
                region = given.text if parameters else region
            except (SolveError, InputError) as error:  # InputError: numbers too large for these values
                raise FieldError("region", f"the region can't be read: {error.message}") from None
            empty = given.no_points()
            if empty is not None:  # every answer of "none" would be right, and the question nonsense
                raise FieldError("region", empty)
        problem = cls(region=region, **common)
        if not problem.solution.complete:
            raise Unkeyable("function", "the critical points can't be found exactly: " + problem.solution.note)
        if problem.one and (problem.solution.sets or problem.solution.flat):  # no list of numbers is every x of one
            raise flat_refusal(problem, problem.solution.flat, "its critical points can't be listed as numbers")
        return problem

    @property
    def one(self) -> bool:
        """A function of one variable: its critical points are numbers, listed as the lesson lists them
        (x = -1, x = 1, or -1, 1), not points in brackets."""
        return len(self.variables) == 1

    @cached_property
    def solution(self) -> calculus.CriticalPoints:
        return calculus.critical_points(self.function, self.variables, self.region)

    def prompt(self, latex: bool = False) -> str:
        where = ""
        if self.region:
            where = f" in the region {self.region_text}"
        # ∇f repeats (sin x, |sin x|): the key holds one period's, so the question asks for those
        period = " and ".join(w.text() for w in self.solution.windows if not w.bounded)
        period = f" with {period}" if period else ""
        lines = " (write a whole line of critical points as an equation, like x = 0)" if \
            self.solution.sets else ""
        if any(s.also for s in self.solution.sets):  # in three variables an equation is a plane
            lines = " (write a whole line of critical points as the equations it needs, in braces, like " \
                    "{x = 0, z = 0})"
        if self.one:  # "the region 0 ≤ x ≤ 5" is an interval on a line; the answer is values of x
            x = self.variables[0]
            where = f" with {self.region_text}" if self.region else period
            if latex:
                return rf"\text{{Critical points of }} {self.signature(True)}\text{{{where}}}"
            return f"Find all critical points of {self.signature()}{where}: each {x} where {self.name}′({x}) = 0" \
                   f"{self._corners}{self.precision()}."
        if latex:
            return rf"\text{{Critical points of }} {self.signature(True)}\text{{{where}{period}}}"
        # what the key holds, where f has points with no gradient: as in one variable, not every such point
        cornered, cusps = self._kinks()
        rule = and_list([text for text, shown in (
            (f"a corner where 0 lies between the gradients of the pieces of {self.name} that meet there", cornered),
            (f"a point where ∇{self.name} has no value and {self.name} has a local minimum or maximum",
             cusps or bool(self.solution.unsmooth))) if shown])
        said = f": each point where ∇{self.name} = 0, or {rule}" if rule else ""
        # a pack's tolerance said, as every kind's prompt says it (outside check h64, F14)
        return f"Find all critical points of {self.signature()}{where}{period}{said}{lines}{self.precision()}."

    def _kinks(self) -> tuple[bool, bool]:
        """Whether f has kink lines whose critical points are corners, told by the gradients of the pieces meeting
        there (|x| + y²); and whether it has one where a piece's slope is infinite (√|x| + y² at (0, 0)), a cusp
        with no gradients to lie between, told by f's values as where ∇f's formula has none."""
        lines = self.solution.lines
        if lines is None:  # a cusp found otherwise (x^(2/3) − x + y² at (0, 0), its terms' critical points paired)
            return False, any(p.no_slope for p in self._listed)
        cusps = [h for h in lines.hulls if not h.gradients]
        return not (cusps and len(cusps) == len(lines.hulls)), bool(cusps)

    @property
    def place_asked(self) -> str:
        return f"each critical point of {self.name}"

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """As every kind's, "and" and "or" separating the points as a comma does, as local_minima reads its
        own; in one variable, a list of numbers, as local_minima and minimize read one."""
        if self.one:
            try:
                return values(text, self.answer_variables, limits, parameters, Graph(self.function, self.name))
            except Labelled as error:
                raise self.labelled(error) from None
        names = [*self.answer_variables, *parameters]
        try:
            answer = super().read(separated(text, names), limits, parameters)
        except InputError as error:
            raise in_words(error, text, names) from None
        return self._as_points(self._as_line(answer))

    def _as_points(self, answer: Answer) -> Answer:
        """`x = 2, y = -4`, one number for each variable (or several: `x = ±1, y = 0`), as the point (the points)
        where those lines cross, where no critical set is a line or a plane: there it can mean nothing else that
        could be right, and it is how a system's solution is written (a teacher would read it so, and three people
        who never saw the code expected it: the held-out corpus, outside checks h20 and h22). Said how it was read."""
        items = answer.value if isinstance(answer.value, tuple) else ()
        points, lines = self.points_and_lines()
        crossing = None if lines else _crossing(items, self.variables, max(len(points), 1))
        if crossing is None:
            return answer
        coordinates, _, cross = self._crossing_words(crossing[0], answer.spellings)
        points_read = crossing[1]
        # 1.414 as typed, not 707/500 (outside check h64, F13)
        written = ", ".join(show(p, self.variables, spellings=answer.spellings, typed=True) for p in points_read)
        said = f"read as the point{'' if len(points_read) == 1 else 's'} where {coordinates} {cross}: {written}"
        return replace(answer, value=tuple(points_read), ambiguities=(*answer.ambiguities, Reading(said)))

    def _crossing_words(self, lines: Sequence[tuple[str, Expr]], spellings: Spellings = ()) -> tuple[str, str, str]:
        """How lines and where they cross are named: "x = 2 and y = -4", "lines", "cross" (in three variables x = 1
        is a plane, and three planes meet); each number as the answer typed it, where `spellings` are given."""
        numbers = [show(c, self.variables, spellings=spellings, typed=True) if spellings else self.show(c)
                   for _, c in lines]
        coordinates = and_list([f"{v} = {number}" for (v, _), number in zip(lines, numbers)])
        whole, cross = ("lines", "cross") if len(self.variables) == 2 else ("planes", "meet")
        return coordinates, whole, cross

    def _as_line(self, answer: Answer) -> Answer:
        """`x = y, y = z`, equations alone and none grouped, as the one line where they all hold, where the
        critical sets asked are lines of three variables and none is a plane: there the list can mean nothing
        else that could be right. Elsewhere each equation is its own set, a plane (x = 0 of x² in x, y, z)."""
        items = answer.value if isinstance(answer.value, tuple) else ()
        lines = self.points_and_lines()[1]
        if len(items) < 2 or not all(isinstance(i, Equation) for i in items) \
                or not lines or not all(isinstance(line, Meet) for line in lines):
            return answer
        return replace(answer, value=(Meet(cast(tuple[Equation, ...], items)),))

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        return check(text, expected, variables=self.answer_variables, shape=Shape.POINTS, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def points_and_lines(self) -> tuple[list[tuple[Expr, ...]], list[Equation | Meet]]:
        """The answer's isolated points and its whole lines of critical points (in the region): a set that
        needs several equations (a line in three variables) with all of them, where they hold at once."""
        result = self.solution
        lines = [linear_part(Meet(s.equations), self.variables) if s.also else s.equation
                 for s in result.sets if s.inside is not False]
        points = [p.point for p in result.points
                  if p.inside is not False and not any(_on(p.point, line, self.variables) for line in lines)]
        return points, lines

    def expected(self) -> Answer:
        """Every critical point and line, a root with no radical form as a decimal a student can type (as local_minima's
        are): shown as 0.015876…, which no answer can hold, the key of a critical point of x⁴ − 3x² + x or
        √x + (x − 2)² did not grade as correct, and the exercise could not be set (outside check h46, N1)."""
        points, lines = self.points_and_lines()
        return Answer(Shape.POINTS, (*(tuple(typeable(c) for c in p) for p in points), *lines))

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        # a pair that is a point of f's graph and the right list of x's (-1, 1 of x³ − 3x − 1) is right
        return right_as_list(lambda: self._judged(text, tolerance, expected))

    def _judged(self, text: str, tolerance: Tolerance | None, expected: object) -> Verdict:
        """As `check`, with each pair that is a point of the graph refused as one."""
        verdict = super().check(text, tolerance, expected)
        if expected is not None:
            return verdict
        if verdict.correct:
            return self._at_hole(text, self._outside_region(text, verdict))
        if verdict.verdict == Judgement.INCORRECT and (beyond := self._outside_window(text, tolerance)):
            return replace(verdict, message=beyond)
        if verdict.verdict != Judgement.INCORRECT or self.one:  # in one variable, x = 2 is the number 2
            return verdict
        replaced = self._not_critical(text, tolerance) if verdict.note == Note.EXTRA_POINT else None
        if replaced is not None:
            return replace(verdict, message=replaced)
        crossing = self._coordinates(text)
        if crossing is None or not all(point in self.points_and_lines()[0] for point in crossing[1]):
            return verdict
        # `x = 2, y = -4` beside critical lines (the sauna's walls are x = 0 and y = 0) is two whole lines, though
        # the student may mean the point where they cross: say how to write it, and count nothing, as for any answer
        # the tutor could not read as meant; so for `x = ±1, y = 0`, the lines x = -1, x = 1 and y = 0, and the
        # points where they cross. Where no line is critical, `read` reads them as the points (`_as_points`).
        lines, points = crossing
        coordinates, whole, cross = self._crossing_words(lines)
        where = f"the point{'' if len(points) == 1 else 's'} where they {cross}"
        return Verdict(Judgement.INVALID, Note.PARSE_ERROR.of("coordinates_as_lines"),
                       f"{coordinates} are whole {whole} of points here. For {where}, "
                       f"write {', '.join(self.show(p) for p in points)}.", verdict.reading)

    def _not_critical(self, text: str, tolerance: Tolerance | None) -> str | None:
        """Where the answer lists as many points as there are critical points, and some are none: each said to be
        no critical point, with the partials not zero there ("(3/2, 5/2) is not a critical point: ∂f/∂y = -2y - 5
        is -10 there, not 0."). "(3/2, 5/2) does not belong in the answer. 1 point is missing." sent a student who
        gave the one critical point a little wrong to look for a second (finding 433). So beside the whole lines of
        critical points, each given (the sauna's (1/4, 1/4), x = 0, y = 0: finding 747). None where the answer is
        otherwise wrong, where a partial's value there is not all there is to say (a kink, f undefined), or where
        the comparison says more: a point close to a right one within a tolerance, or one's decimals for its exact
        values (0.33 for 1/3)."""
        points, lines = self.points_and_lines()
        try:
            answer = self.read(text)
        except InputError:
            return None
        given = answer.value if isinstance(answer.value, tuple) else ()
        items = [p for p in given if isinstance(p, tuple)]
        if not items or len(set(items)) != len(items) or len(items) != len(points) \
                or tolerance or self.default_tolerance():
            return None
        ctx = Context(self.answer_variables, None, LIMITS).reading(answer)
        loci = [p for p in given if not isinstance(p, tuple)]
        if len(loci) != len(lines) or not all(any(same_locus(a, w, ctx) for a in loci) for w in lines):
            return None

        def near(p: tuple, q: tuple) -> bool:
            return len(p) == len(q) and all(
                o.correct or o.note in (Note.INEXACT, Note.DECIMAL_FOR_EXACT)
                for o in (compare_numbers(a, b, ctx) for a, b in zip(p, q)))
        wrong = [p for p in items if not any(
            len(p) == len(q) and all(compare_numbers(a, b, ctx).correct for a, b in zip(p, q)) for q in points)]
        if not wrong or any(near(p, q) for p in wrong for q in points):
            return None
        said = [self._why_not_critical(p, ctx) for p in wrong]
        return " ".join(said) if all(said) else None

    def _why_not_critical(self, point: tuple, ctx: Context) -> str:
        """'(1, 0) is not a critical point: ∂f/∂x = 2x is 2 there, not 0.', from the partials not zero there; ""
        where one has no value there, or none is non-zero (a critical point all the same: outside the region)."""
        solution, syms = self.solution, [symbol(v) for v in self.variables]
        kinks = solution.lines.lines if solution.lines else ()
        if len(point) != len(syms) or any(lies_on(point, (k.line,), syms) for k in kinks) \
                or any(u.point == point for u in solution.unsmooth):
            return ""  # where ∇f has no value, its formula's value there is no slope
        values = [g.xreplace(dict(zip(syms, point))) for g in solution.gradient]
        if any(not (v.is_number and v.is_extended_real and v.is_finite) for v in values):
            return ""
        # a point typed with decimals is told its partials' values in decimals (5.9787, not 59787/10000)
        nonzero = [f"∂{self.name}/∂{x} = {show(g, self.variables)} is {show(v, decimals=ctx.decimals)}"
                   for x, g, v in zip(self.variables, solution.gradient, values) if v != 0]
        if not nonzero:
            return ""
        shown = show(point, self.variables, spellings=ctx.spellings, typed=True)  # its decimals as typed
        return f"{shown} is not a critical point: {and_list(nonzero)} there, not 0."

    def _outside_region(self, text: str, verdict: Verdict) -> Verdict:
        """The verdict, unless the answer lists a point outside the region: on a whole line of critical
        points, the comparison of point sets takes it (the line's equation holds there), but the
        question asks for the points in the region, as (6, 6) off every line already shows."""
        if not self.region:
            return verdict
        try:
            region = calculus.parse_region(self.region, self.variables)
            outside = [p for p in self._items(text) or () if isinstance(p, tuple) and not region.contains(p)]
        except SolveError:
            return verdict
        if not outside:
            return verdict
        return self._not_belonging(outside, f"{'it lies' if len(outside) == 1 else 'they lie'} outside the region "
                                            f"{region.show()}", verdict)

    def _at_hole(self, text: str, verdict: Verdict) -> Verdict:
        """The verdict, unless the answer lists a point of a critical line where f has no value ((0, 0) of x/y +
        y/x on x = y): the comparison of point sets takes it, as the line's equation holds there, but it is no
        critical point, nor a point of f at all."""
        if not verdict.correct:
            return verdict
        holes = {h for s in self.solution.sets if s.inside is not False for h in s.holes}
        listed = [p for p in self._items(text) or () if isinstance(p, tuple) and p in holes]
        if not listed:
            return verdict
        return self._not_belonging(listed, f"{self.name} has no value there", verdict)

    def _not_belonging(self, listed: Sequence[tuple], why: str, verdict: Verdict) -> Verdict:
        """Incorrect for points listed that are none of the answer's, and why; credit for the share of the
        points and lines asked for that the extra ones leave."""
        points, lines = self.points_and_lines()
        wanted = max(len(points) + len(lines), 1)
        shown = first_of([self.show(p) for p in listed])
        return Verdict(Judgement.INCORRECT, Note.EXTRA_POINT,
                       f"{shown} {'does' if len(listed) == 1 else 'do'} not belong in the answer: {why}.",
                       verdict.reading, credit=max(0.0, (wanted - len(listed)) / wanted))

    def _outside_window(self, text: str, tolerance: Tolerance | None) -> str | None:
        """Where ∇f repeats and the answer gives a critical point a period on, outside the window asked (π of
        |sin x| with 0 ≤ x < π): that it lies outside, not that it "does not belong", as if no critical point."""
        items = self._items(text)
        points, lines = self.points_and_lines()
        if not items or lines or not all(isinstance(p, tuple) for p in items):
            return None
        ctx = Context(self.answer_variables, tolerance or self.default_tolerance(), LIMITS, decimals=True)
        where = f"the region {self.region_text}" if self.region else ""
        return outside(items, points, self.solution.windows, ctx, ("critical point", "critical points"),
                       [show((p,) if self.one else p, self.variables) for p in items], where)

    @property
    def region_text(self) -> str:
        """The author's region as the tutor writes it (0 ≤ x < 2π, not 2*pi)."""
        if not self.region:
            return ""
        try:
            return calculus.parse_region(self.region, self.variables).show()
        except SolveError:
            return self.region.replace("<=", "≤").replace(">=", "≥")

    def _items(self, text: str) -> tuple | None:
        """The points and lines the text lists (() for `none`); None where it can't be read. A system of
        equations with one solution is that point, as the check reads it ({x = 0, y = 7}: (0, 7))."""
        try:
            value = self.read(text).value
        except InputError:
            return None
        items = value if isinstance(value, tuple) else ()
        return tuple(meet_point(i, self.answer_variables) if isinstance(i, Meet) else i for i in items)

    def _coordinates(self, text: str) -> tuple[list[tuple[str, Expr]], list[tuple[Expr, ...]]] | None:
        """The lines `x = a, y = b` the text is, and the points where they cross (`_crossing`); None for any
        other text."""
        items = self._items(text)
        return None if items is None else _crossing(items, self.variables, max(len(self.points_and_lines()[0]), 1))

    def steps(self) -> Step:
        from ...steps import critical_steps
        return critical_steps(self.function, self.variables, self.region, result=self.solution)

    @property
    def _listed(self) -> list[calculus.CriticalPoint]:
        """The critical points the answer lists (in the region)."""
        return [p for p in self.solution.points if p.inside is not False]

    @property
    def _corners(self) -> str:
        """What the key holds besides the zeros of f′, in one variable, where f has absolute values (max, min) or
        an odd root: the corners where f′ changes sign; not every point where f′ has no value (x^(1/3) at 0). A
        cusp (x^(2/3) at 0, f′ infinite on either side) is named a cusp, where f′ has no value."""
        solution = self.solution
        shape = shapes(self._listed)
        if solution.level is None and solution.split is None:
            # √x at 0: f′ has no value there, and the key holds it (outside check h46, N2: the prompt said only
            # "each x where f′(x) = 0", so that "none" for x² − 2x + 3√x, whose one critical point it is, was wrong)
            return f", or an end of {self.name}'s domain where {self.name} has a local minimum or maximum" \
                if shape == "an end of the domain" else ""
        if shape in ("", "a corner"):
            return f", or a corner where {self.name}′ changes sign"
        return f", or {shape} where {self.name}′ has no value and changes sign"

    def _no_slope_hint(self) -> str:
        """Where the key holds a point where f′ (a partial) has no value: that it is found by looking there too,
        and told by f's values near it, as no product's factor being zero finds it; else ""."""
        lines = self.solution.lines
        # in two variables, a corner between pieces' gradients is told by them, as hint 1 says
        cornered = {h.point for h in lines.hulls if h.gradients} if lines is not None and not self.one else set()
        shape = shapes([p for p in self._listed if p.point not in cornered])
        if not shape:
            return ""
        if self.one and shape == "an end of the domain":  # √x at 0: no slope from the left to compare
            x = self.variables[0]
            return f" Look too where {self.name}′({x}) has no value ({shape}): there {self.name}'s values on the " \
                "side where it has them tell whether it is a local minimum or maximum."
        if self.one:
            x = self.variables[0]
            return f" Look too where {self.name}′({x}) has no value ({shape}): there its slopes from the left and " \
                f"the right tell whether {self.name}′ changes sign."
        partials = " or ".join(f"∂{self.name}/∂{v}" for v in self.variables)
        return f" Look too where {partials} has no value ({shape}): there {self.name}'s values near the point " \
            "tell whether it is a local minimum or maximum."

    def hints(self) -> tuple[str, ...]:
        if self.one:
            x, name = self.variables[0], self.name
            count = len(self.points_and_lines()[0])
            return (
                f"A critical point is an {x} where {name}′({x}) = 0{self._corners}.",
                f"Factor {name}′({x}); a product is zero when one of its factors is." + self._no_slope_hint()
                + (" Keep only the points in the interval." if self.region else ""),
                f"There {'is' if count == 1 else 'are'} {counted(count, 'critical point')}.",
            )
        result = self.solution
        partials = " and ".join(f"∂{self.name}/∂{v} = 0" for v in self.variables)
        points, lines = self.points_and_lines()
        count = len(points) + len(lines)
        kinked, cusps = self._kinks()
        corners = " On a line where an absolute value's inside is 0, a point is critical where 0 lies between the " \
            f"gradients of the pieces of {self.name} that meet there." if kinked else ""
        unsmooth = f" Where ∇{self.name} has no value but {self.name} has one, a point is critical where " \
            f"{self.name} has a local minimum or maximum." if result.unsmooth or cusps else ""
        return (
            f"A critical point is where every partial derivative is zero: solve {partials}.{corners}{unsmooth}",
            "Factor each partial derivative; a product is zero when one of its factors is. "
            "Combine the cases of both equations." + self._no_slope_hint()
            + (" Keep only points inside the region." if self.region else ""),
            f"There {'is' if count == 1 else 'are'} {counted(count, 'item')} in the answer"
            + (", including whole lines." if result.sets else "."),
        )

    def figure(self) -> Figure:
        """The contour map with the critical points by class and the region (in one variable: the curve)."""
        from ...plot import contour_figure, critical_curve_figure
        names = self.drawn_variables()
        if len(names) == 1:
            return critical_curve_figure(self.function, names, name=self.name)
        return contour_figure(self.function, names, critical=True, region=self.region, name=self.name)


def _on(point: tuple[Expr, ...], line: Equation | Meet, variables: tuple[str, ...]) -> bool:
    values = {symbol(v): c for v, c in zip(variables, point)}
    return all((e.lhs - e.rhs).xreplace(values) == 0 for e in (line.equations if isinstance(line, Meet) else (line,)))

