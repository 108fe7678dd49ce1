"""The minimum of a function of one variable: the x where f'(x) = 0 (exact when possible)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, cast

import sympy

from ... import calculus
from ...calculus import SolveError
from ...calculus.common import real_powers
from ...calculus.kinks import Flat
from ...calculus.minimize import Repeating, repeating
from ...calculus.partials import kink_shape, no_derivative
from ...check import Judgement, Verdict, check
from ...compare import Context, Tolerance, once
from ...evaluate import Compiled, TooLarge, Uncertain, Undefined, Unsupported
from ...limits import LIMITS, Limits
from ...parse import NOT_A_LIST, Answer, InputError, Shape, symbol
from ...show import show
from ..base import Field, FieldError, FunctionProblem, Unkeyable, typeable
from ..several import Graph, any_one_of, every_lowest, graph_points, read_several, right_as_list, separated

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


@dataclass(frozen=True)
class Minimize(FunctionProblem):
    KIND: ClassVar[str] = "minimize"
    STARRED_PLACE: ClassVar[bool] = True  # x* = …, (x*, y*) = …
    SHAPE: ClassVar[Shape] = Shape.NUMBER
    FIELDS: ClassVar[dict[str, Field]] = dict(FunctionProblem.COMMON_FIELDS)

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Minimize:
        common = cls.function_data(data)
        if len(common["variables"]) != 1:
            raise FieldError("function", "minimize needs a function of one variable")
        problem = cls(**common)
        try:
            solution = problem.solution  # solved once here, so that a pack with no solution says so
        except SolveError as error:  # f has no minimum (eˣ), or none the tutor can find
            raise Unkeyable("function", error.message) from None
        if solution.is_global is False and not solution.complete:
            # sin x + x/10, x sin x: lower elsewhere, with local minima the tutor can't list; they may be
            # infinitely many with no least one, and the one found is where its search stopped
            name = problem.name
            # where f drifts by a period (|cos x| − x/3), its minima are all known, and the shift is why none is least
            why = solution.drift.said(problem.variables[0]) if solution.drift is not None else \
                f"{name} is lower elsewhere and its local minima can't all be found: {name} may have infinitely " \
                "many local minima and no least one (as sin(x) + x/10 and x sin(x) do)"
            raise Unkeyable("function", f"the question has no one answer: {why}. Ask for its critical points in a "
                                        "window (a critical_points exercise with a region), or use another function")
        if solution.ties_computed and not solution.complete and problem.repeating is None:
            # sin|x|: as low at many minima, found numerically within the search's reach; more lie beyond it,
            # which no key can list (67π/2 was marked wrong)
            raise Unkeyable("function", f"{problem.name} is as low at several minima found numerically, and "
                                        "there may be more beyond those found, so no key can list them all: "
                                        "ask in a window (a critical_points exercise with a region), or use "
                                        "another function")
        if solution.cycle is not None and problem.repeating is None:
            # |sin x|^(2/3) + |cos x|: least at ±π/2 as found, but also at the cusps kπ, which the search missed:
            # a key of those found would mark 0 wrong
            raise Unkeyable("function", f"{problem.name} repeats, and the tutor can't find every place where it is "
                                        "least in a period, so no key can list them all: ask in a window (a "
                                        "critical_points exercise with a region), or use another function")
        if solution.endless and problem.repeating is None:
            # sin(x²) = -1 at every x with x² = 3π/2 + 2kπ: the key held the first pair, and √(7π/2) was marked
            # wrong; far out they crowd (a gap of about π/x), so a decimal can't say which one it means
            raise Unkeyable("function", f"{problem.name} = {problem.show(solution.value)} at infinitely many x, "
                                        "which do not repeat with a period, so no key can list them all: ask "
                                        "in a window (a critical_points exercise with a region), or use "
                                        "another function")
        return problem

    def default_tolerance(self) -> Tolerance | None:
        return None if self.solution.exact else Tolerance(places=4)

    @cached_property
    def solution(self) -> calculus.Minimum:
        return calculus.minimize(self.function, self.variables[0])

    @cached_property
    def repeating(self) -> Repeating | None:
        """Where f is periodic and its least value is known exactly (sin x, |sin x|, 1 − cos 2x): that value
        and every x in one period where f takes it; every such x plus a multiple of the period minimises f."""
        solution = self.solution
        if solution.period is not None:  # its minima over one period, found exactly (sin x + sin 2x)
            return Repeating(solution.period, solution.value, tuple(m.point for m in solution.lowest))
        if solution.complete:
            return None
        return repeating(self.function, symbol(self.variables[0]))

    def _asked(self) -> tuple[str, str | None]:
        """The article the question's x takes, and where f is lower elsewhere, which minimum it is at."""
        # several x as low, or infinitely many (a periodic f): any is right
        article = "an" if self.solution.tied or self.solution.flat or self.repeating else "the"
        # f is lower elsewhere (x³ − 3x falls without bound): no x minimises
        if self.solution.is_global is False and not self.repeating:
            # f, and the answer is where its (least) local minimum is, which the question says
            return article, "its least local minimum" if len(self.solution.minima) + len(self.solution.flats) > 1 \
                else "its local minimum"
        return article, None

    @property
    def place_asked(self) -> str:
        article, which = self._asked()
        where = f"has {which}" if which else "is least"
        return f"{article} {self.variables[0]} where {self.name} {where}"

    def prompt(self, latex: bool = False) -> str:
        x = self.variables[0]
        article, which = self._asked()
        if which is not None:
            if latex:
                return rf"\text{{Find {article} }} {x} \text{{ where }} {self.signature(True)} \text{{ has {which}}}"
            return f"Find {article} {x} where {self.signature()} has {which}{self.precision()}."
        if latex:
            return rf"\text{{Find {article} }} {x} \text{{ that minimises }} {self.signature(True)}"
        return f"Find {article} {x} that minimises {self.signature()}{self.precision()}."

    def expected(self) -> Answer:
        repeats = self.repeating
        if repeats is not None and not repeats.minimises(self.solution.least):  # a local minimum only
            return Answer(Shape.NUMBER, typeable(repeats.points[0]))
        return _typed(self.solution.least)

    def also_right(self) -> tuple[Answer, ...]:
        if self.repeating is not None:  # the others in one period (the rest: `check`, by the period)
            key = self.expected().value
            return tuple(Answer(Shape.NUMBER, typeable(p)) for p in self.repeating.points if p != key)
        return tuple(_typed(m) for m in self.solution.tied)

    @property
    def _lowest(self) -> tuple[tuple[sympy.Expr], ...]:
        """Every x where f is least, as a student can type it, where there are several and not infinitely
        many (a periodic f's can't all be listed); else ()."""
        if not self.solution.tied or self.repeating is not None:
            return ()
        return tuple((_typed(m).value,) for m in self.solution.lowest)

    @property
    def _listable(self) -> tuple[tuple[sympy.Expr], ...]:
        """The x a list is judged against: every x where f is least, or the one, so that a list of the right x
        and a wrong one (1, 2 for x² − 2x) is told what does not belong (x = 2), as a list is where f is least
        at several x: it names a right x, and 1, 1 is right. () where f is least on a stretch or repeats."""
        if self._lowest or self.repeating is not None or self.solution.least_flats:
            return self._lowest
        return ((_typed(self.solution.least).value,),)

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """As every kind's; a point (x, f(x)) is told that x is asked for; a list, that one number is, and where
        f is least at several x, any one of them ("A single number is expected here, not a list" was false
        there, where a list of them is right); one x given again and again is that x (1, 1), as in a list."""
        try:
            return super().read(text, limits, parameters)
        except InputError as error:
            # (a pair is never one number: asked only here, not of every answer read)
            graph_points(separated(text, [*self.variables, *parameters]), self.answer_variables,
                         Graph(self.function, self.name), limits, parameters)
            listed = read_several(text, True, self.answer_variables, limits, parameters)
            if listed is None:
                raise
            places = cast(tuple[tuple[sympy.Expr], ...], listed.value)
            if len(once(places, self._context(listed))[0]) == 1:
                return replace(listed, shape=Shape.NUMBER, value=places[0][0])
            # |cos x| at π/2 and 3π/2: both right, but one is asked for (a ± the reader points at keeps its own
            # sentence)
            if self.repeating is not None and error.message.endswith(NOT_A_LIST):
                raise InputError(f"One number is asked for here: {self.place_asked}, any one of them.", error.column,
                                 error.note) from None
            if not self._lowest:  # the reader's own sentence: "not a list", or where ± gives two
                raise
            raise InputError(any_one_of(True, len(self._lowest), self.name), error.column, error.note) from None

    def _context(self, listed: Answer) -> Context:
        return Context(self.answer_variables, self.default_tolerance(), LIMITS).reading(listed)

    def _again(self, text: str) -> tuple[str, str] | None:
        """Of a list that names one x (1, 1): the sentence naming it as given more than once, and the list as
        typed; else None."""
        listed = read_several(text, True, self.answer_variables, LIMITS, graph=Graph(self.function, self.name))
        if listed is None:
            return None
        places = cast(tuple[tuple[sympy.Expr], ...], listed.value)
        unique, again = once(places, self._context(listed))
        return (again, show(listed, self.answer_variables, typed=True)) if len(unique) == 1 and again else None

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        if not self._lowest:
            return super()._check_against(text, expected, tolerance)
        return check(text, expected, variables=self.answer_variables, shape=self.shape, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """As every kind's; where f is least at several x (x⁴ − 2x² at -1 and 1), the list of exactly those
        is right, as for local_minima's global minimum; and where f is least all along a stretch
        (|x - 1| + |x + 1| on [-1, 1]), any number on it is right: too many to list in also_right, it is
        checked against itself; a pair that is a point of f's graph and a right list of x's is right."""
        return right_as_list(lambda: self._judged(text, tolerance, expected))

    def _judged(self, text: str, tolerance: Tolerance | None, expected: object) -> Verdict:
        """As `check`, with each pair that is a point of the graph refused as one."""
        # (one x given again, 1, 1 or 3, 3, where f is least at one x, is judged as that x: below)
        listable = self._listable if self._lowest or self._again(text) is None else ()
        if expected is None and listable and (every := every_lowest(
                text, listable, True, self.answer_variables, tolerance or self.default_tolerance(),
                Graph(self.function, self.name))):
            return every
        verdict = self._one(text, tolerance, expected)
        if verdict.verdict == Judgement.INCORRECT and (aside := self.aside(text)):
            verdict = replace(verdict, message=f"{verdict.message} {aside}")
        again = self._again(text) if expected is None else None
        if again is None:
            return verdict
        # 1, 1 is judged as 1, the x it names, with the list as typed and, where wrong, the repeat named first,
        # as in a list of minima (compare.once)
        said, reading = again
        return replace(verdict, reading=reading, message=verdict.message if verdict.verdict != Judgement.INCORRECT
                       else f"{said} {verdict.message}")

    def aside(self, text: str) -> str:
        """Where f has no value at the x given: no minimum can be there (outside check h39, F3)."""
        try:
            value = self.read(text).value
        except InputError:
            return ""
        compiled = self._compiled
        if compiled is None or not isinstance(value, sympy.Expr) or not value.is_number:
            return ""
        # -1/(2e) for x² ln x, the minimum value given for x (outside check h48, N8): an x that is no fraction is
        # judged at fractions just below and just above it, and said to be outside f's domain where both are
        places = [Fraction(int(value.p), int(value.q))] if isinstance(value, sympy.Rational) else _beside(value)
        if not places or not all(_undefined(compiled, at) for at in places):
            return ""
        return f"{self.name} has no value there, so it can't be where {self.name} is least."

    @cached_property
    def _compiled(self) -> Compiled | None:
        """f compiled once for `aside`, which a check and the naming of its mistake each ask (None where f is not of
        one variable, or uses a function the evaluator lacks)."""
        if len(self.variables) != 1:
            return None
        try:
            return Compiled(self.function, [symbol(self.variables[0])])
        except Unsupported:
            return None

    def _one(self, text: str, tolerance: Tolerance | None, expected: object) -> Verdict:
        """As `check`, of an answer read as one x."""
        verdict = super().check(text, tolerance, expected)
        if expected is None and self.repeating is not None and verdict.verdict == Judgement.INCORRECT:
            return self._repeated(text, tolerance) or verdict
        flats = self.solution.least_flats  # max(0, 1 - x²): x ≤ -1 and x ≥ 1, either
        if expected is not None or not flats or verdict.verdict != Judgement.INCORRECT:
            return verdict
        try:
            value = self.read(text).value
        except InputError:
            return verdict
        on = any(_on(value, flat) for flat in flats)
        return self._check_against(text, Answer(Shape.NUMBER, value), tolerance) if on else verdict

    def _repeated(self, text: str, tolerance: Tolerance | None) -> Verdict | None:
        """Where f is periodic: the verdict on an answer against the minimiser nearest it (x0 + kT, for the
        x0 of one period nearest it less a multiple of the period T), right exactly or within the tolerance,
        and "close" where it is (-1.5708 for sin x, exact expected); None where it is no real number."""
        repeats = self.repeating
        try:
            value = self.read(text).value
        except InputError:
            return None
        if repeats is None or not isinstance(value, sympy.Expr):
            return None
        nearest = repeats.nearest(value)
        if nearest is None:
            return None
        return self._check_against(text, Answer(Shape.NUMBER, typeable(nearest)), tolerance)

    def steps(self) -> Step:
        from .steps import minimize_steps
        return minimize_steps(self.function, self.variables[0], self.solution)

    def hints(self) -> tuple[str, ...]:
        x = self.variables[0]
        derivative = self.solution.derivative  # f′, which the minimum was found from
        shape = self._no_slope
        # a minimum where f′ has no value (√|x − 2| + x²/4 at 2) solves no f′ = 0: said where to look instead
        also = f" Where {self.name}′({x}) has no value, the second-derivative test does not apply: " \
            f"{self.name}'s values near the point tell whether it is a minimum." if shape else ""
        return (
            f"At a minimum the slope is zero, or has no value ({shape}): solve {self.name}′({x}) = 0, and find "
            f"where {self.name}′({x}) has no value." if shape else
            f"At a minimum the slope is zero: solve {self.name}′({x}) = 0.",
            f"{self.name}′({x}) = {self.show(derivative)}.",
            (f"{self.name} is a polynomial on each stretch between its corners: find the stretches where "
             f"{self.name}′ = 0 all along, and compare {self.name} there with its values at the corners."
             if self.solution.flats else
             f"Solve {self.show(derivative)} = 0 for {x}; at a minimum {self.name}″ > 0.{also}"
             if self.solution.exact else
             f"It has no closed form in elementary functions; it is near {self.solution.approx:.2f}."),
        )

    @property
    def _no_slope(self) -> str:
        """"a cusp" or "a corner" where f′ has no value at the minimum asked for, as the steps find it; ""."""
        result = self.solution
        if not result.exact or result.flats:
            return ""
        why = no_derivative(real_powers(self.function), self.variables[0], result.point)
        return kink_shape(why) if why else ""

    def figure(self) -> Figure:
        """The curve with its minimum marked."""
        from ...plot import minimum_figure
        return minimum_figure(self.function, self.drawn_variables(), name=self.name)


def _on(value: object, flat: Flat) -> bool:
    """Whether a number read from an answer lies on the stretch, exactly."""
    if not isinstance(value, sympy.Expr) or not value.is_number:
        return False
    try:
        return bool(flat.low <= value) and bool(value <= flat.high)
    except TypeError:  # a comparison sympy can't decide (a complex number)
        return False


def _typed(minimum: calculus.LocalMinimum) -> Answer:
    """A minimiser as a student can type it: exact, or a 15-digit decimal where it has no exact form."""
    return Answer(Shape.NUMBER, typeable(minimum.point) if minimum.exact else sympy.Float(minimum.approx, 15))


_NEAR = Fraction(1, 10**30)  # how far beside an x that is no fraction f is judged, on each side


def _beside(value: sympy.Expr) -> list[Fraction]:
    """Two fractions just below and just above a real number; [] where it is not one, or too large to say."""
    try:
        approx = sympy.N(value, 40)
    except (ValueError, TypeError, ArithmeticError):
        return []
    if not approx.is_Float or not approx.is_finite or abs(approx) > 10**12:
        return []
    middle = Fraction(str(approx))
    return [middle - _NEAR, middle + _NEAR]


def _undefined(compiled: Compiled, at: Fraction) -> bool:
    """Whether f has no value at x = at: not where it is too large to say, or the evaluator can't compute it."""
    try:
        compiled((at,))
    except Undefined as error:
        return not isinstance(error, TooLarge)
    except (Uncertain, Unsupported):
        return False
    return False
