"""Local minima: every one of a function of one or two variables, the global one, and where gradient
descent from a start ends up (the valley it starts in, not necessarily the
lowest, unless a step is large enough to jump a hill into another)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sympy import Expr

from ... import calculus
from ...calculus import Nature, SolveError
from ...calculus.classified import shapes
from ...calculus.minimize import nearest_repeat
from ...check import Judgement, Verdict, check
from ...compare import ORDINALS, Context, Note, Tolerance, compare_numbers, once
from ...limits import LIMITS, Limits
from ...parse import SPACED_VALUES, Answer, Equation, InputError, Shape, read
from ...show import show, show_floats
from ...words import and_list
from ..base import (
    DEFAULT_PLACES,
    Field,
    FieldError,
    FunctionProblem,
    Unkeyable,
    choice_from,
    flat_refusal,
    keys_for_ask,
    point_from,
    telling_places,
    typeable,
)
from ..several import (
    Graph,
    any_one_of,
    every_lowest,
    graph_points,
    in_words,
    read_several,
    right_as_list,
    separated,
    unnamed,
)
from ..windows import outside, within

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step

TOLERANCE = 1e-8  # the descent runs until |∇f| is this small
BOUND = 10_000


class Ask(StrEnum):
    ALL = "all"  # every local minimum
    GLOBAL = "global"  # the least of them, when it is the global minimum
    END = "end"  # the local minimum gradient descent from `start` ends at


@dataclass(frozen=True)
class LocalMinima(FunctionProblem):
    ask: Ask = Ask.ALL
    start: tuple[Expr, ...] | None = None
    rate: Expr | None = None

    KIND: ClassVar[str] = "local_minima"
    STARRED_PLACE: ClassVar[bool] = True  # x* = …, (x*, y*) = …
    SHAPE: ClassVar[Shape] = Shape.POINTS
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "ask": Field("name", "what the student gives: all, every local minimum (the default); global, the global "
                             "minimum; end, where gradient descent from 'start' at 'rate' ends",
                     choices=tuple(Ask)),
        "start": Field("point", "for ask: end, the starting point, like 0.5 or [0.5, 1]"),
        "rate": Field("number", "for ask: end, the learning rate α, like 0.1"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> LocalMinima:
        common = cls.function_data(data)
        variables = common["variables"]
        if not 1 <= len(variables) <= 2:
            raise FieldError("function", "local minima are asked for functions of one or two variables")
        ask = choice_from(data, "ask", Ask)
        keys_for_ask(data, ask, {Ask.END: ("start", "rate")})
        start = point_from(data["start"], variables, "start") if "start" in data else None
        if data.get("rate") is not None and not data["rate"] > 0:
            raise FieldError("rate", "the learning rate must be positive")
        problem = cls(ask=ask, start=start, rate=data.get("rate"), **common)
        try:
            minima = problem.minima
            end = problem.end
        except SolveError as error:
            raise FieldError("start" if ask == Ask.END else "function", error.message) from None
        if not minima.complete:
            raise Unkeyable("function", "its critical points can't all be found exactly: " + minima.note)
        if minima.flat:  # min(x², 1): the key held 0 alone, the steps every x < -1 and x > 1 too
            raise flat_refusal(problem, minima.flat, "its local minima can't be listed as numbers")
        if minima.undecided:  # it may be a minimum: the answer would not be known to be every one
            shown = ", ".join(problem.show(p.point) for p in minima.undecided)
            raise Unkeyable("function", f"the second-derivative test does not decide at {shown}, nor do f's "
                                        "values as the tutor reads them, so its local minima are not all known")
        if minima.sets:
            raise Unkeyable("function", "it has whole lines of minima; ask for its critical points instead")
        if minima.unsettled:
            raise Unkeyable("function", "it has whole sets of critical points the tutor does not classify, "
                                        "so its local minima are not all known")
        if not minima.points:
            raise Unkeyable("function", _none_found(problem))
        if ask == Ask.GLOBAL and minima.no_least:
            raise Unkeyable("ask", f"f has no global minimum: {minima.no_least}")
        if ask == Ask.GLOBAL and minima.is_global is False:  # known not to be: said so (outside check h48, N8)
            raise Unkeyable("ask", "f has no global minimum" + (f": {minima.note}" if minima.note else ""))
        if ask == Ask.GLOBAL and not minima.is_global:
            raise Unkeyable("ask", "its least local minimum is not known to be the global minimum"
                            + (f" ({minima.note})" if minima.note else ""))
        if end is not None and end.reached is None:
            # "does not settle" alone left the author to guess why: x⁴ − 2x² from its maximum 0 (outside check h49,
            # N3); (x² − 1)² + y² from (0, 0.5), down the y-axis onto the saddle (0, 0) (h50, N7)
            if not any(end.descent.rows[0].gradient):
                raise FieldError("start", "the gradient is 0 at the start, a critical point that is no local minimum, "
                                          "so descent never moves from it; start elsewhere")
            if end.descent.converged:
                near = show_floats([round(c, 4) + 0.0 for c in end.descent.rows[-1].point])  # + 0.0: no -0
                raise FieldError("start", f"gradient descent from this start settles near {near}, a critical point "
                                          "that is no local minimum; start elsewhere")
            raise FieldError("rate", "gradient descent from this start does not settle at a local minimum"
                             + (f": it diverges at iteration {end.descent.diverged_at}"
                                if end.descent.diverged_at is not None else ""))
        return problem

    @cached_property
    def minima(self) -> calculus.LocalMinima:
        return calculus.local_minima(self.function, self.variables)

    @cached_property
    def end(self) -> calculus.DescentEnd | None:
        if self.start is None or self.rate is None:
            return None
        return calculus.descent_end(self.function, self.variables, self.start, self.rate, tolerance=TOLERANCE,
                                    max_iterations=BOUND, minima=self.minima)

    @property
    def jump(self) -> calculus.Jump | None:
        """The last step of the descent that jumps over a hill into another valley, where one does; else None."""
        return self.end.jumps[-1] if self.end is not None and self.end.jumps else None

    def jumped(self) -> str:
        """How the last jump goes: "iteration 1 jumps from 2 over the hill top at 0.169938 to -0.1"."""
        jump = self.jump
        if jump is None:
            return ""
        several = len(jump.tops) > 1  # a step over two hills at once: both named, the valley past them is the end's
        over = ("the hill tops" if self.one else "ridges") if several else "the hill top" if self.one else "a ridge"
        return (f"iteration {jump.k} jumps from {show_floats(jump.before)} over {over} at "
                f"{and_list([show_floats(top) for top in jump.tops])} to {show_floats(jump.after)}")

    @property
    def one(self) -> bool:
        return len(self.variables) == 1

    @property
    def shape(self) -> Shape:
        if self.ask == Ask.ALL:
            return Shape.VECTOR if self.one else Shape.POINTS
        return Shape.NUMBER if self.one else Shape.VECTOR

    @property
    def graph(self) -> Graph:
        return Graph(self.function, self.name)

    @property
    def several(self) -> bool:
        return self.ask == Ask.ALL and self.one

    @property
    def place_asked(self) -> str:
        place = self.variables[0] if self.one else "point"
        if self.ask == Ask.END:
            return f"the {place} where gradient descent ends"
        if self.ask == Ask.GLOBAL:
            return f"{'one' if self.minima.tied or self.repeats else 'the'} {place} where {self.name} is least"
        return f"each {place} where {self.name} has a local minimum"

    @property
    def components(self) -> tuple[str, ...]:
        """One point in two variables may be given by name (x = 0.9601, y = 0), as descent's step may."""
        return self.variables if self.shape == Shape.VECTOR else ()

    def default_tolerance(self) -> Tolerance:
        # where descent ends, as a descent step's point: to enough places to tell it from 0 and the start
        if self.ask == Ask.END and self.start is not None:
            return self.tolerance or Tolerance(places=telling_places(self.typed_minima[self._target()], self.start))
        return self.tolerance or Tolerance(places=DEFAULT_PLACES)

    def _target(self) -> int:
        """Which of the minima the answer is, when it is one."""
        if self.ask == Ask.END and self.end is not None and self.end.reached is not None:
            return self.end.reached
        return self.minima.lowest or 0

    @property
    def repeats(self) -> bool:
        """Whether ∇f repeats and the minima listed are one period's: each recurs a period on."""
        return bool(self.minima.periods)

    def prompt(self, latex: bool = False) -> str:
        # ∇f repeats (sin x, cos x + y²): the key holds one period's minima, so the question asks for those
        window = within(self.minima.windows) if self.ask == Ask.ALL else ""
        if latex:
            what = {Ask.ALL: "every local minimum", Ask.GLOBAL: "a global minimum" if self.repeats
                    else "the global minimum", Ask.END: "where gradient descent ends"}[self.ask]
            return rf"\text{{{what} of }} {self.signature(True)}" + (rf"\text{{{window}}}" if window else "")
        if self.ask == Ask.END and self.start is not None and self.rate is not None:
            start = self.point_text(self.start)
            return (f"Gradient descent on {self.signature()} starts at {start} with learning rate "
                    f"α = {self.show(self.rate)} and runs until its points settle. Where does it end?"
                    + self.precision())
        if self.ask == Ask.GLOBAL and self.repeats:  # every repeat of the lowest is as low: any is right
            every = " and ".join(f"every {self.show(w.period)}" + ("" if self.one else f" in {w.variable}")
                                 for w in self.minima.periods)
            places = self.variables[0] if self.one else "points"
            return (f"Where is a global minimum of {self.signature()}? {self.name} repeats {every}, so it is least "
                    f"at infinitely many {places}: give one{self.precision()}.")
        if self.ask == Ask.GLOBAL and self.minima.tied:  # any of the lowest is right
            return (f"Where is a global minimum of {self.signature()}? {self.name} is least at "
                    f"{len(self.minima.tied) + 1} points: give one{self.precision()}.")
        if self.ask == Ask.GLOBAL:
            return f"Where is the global minimum of {self.signature()}?" + self.precision()
        how = ", from left to right" if self.one else ""
        return f"Find every local minimum of {self.signature()}{window}{how}{self.precision()}."

    @cached_property
    def typed_minima(self) -> tuple[tuple[Expr, ...], ...]:
        """Each local minimum's coordinates as a student can type them: worked out once (a root with
        no radical form is evaluated to 15 digits), not for every answer checked."""
        return tuple(tuple(typeable(c) for c in p.point) for p in self.minima.points)

    def expected(self) -> Answer:
        points = self.typed_minima
        if self.ask == Ask.ALL:
            if self.one:
                return Answer(Shape.VECTOR, tuple(p[0] for p in points))
            return Answer(Shape.POINTS, tuple(points))
        point = points[self._target()]
        return Answer(Shape.NUMBER, point[0]) if self.one else Answer(Shape.VECTOR, point)

    def also_right(self) -> tuple[Answer, ...]:
        if self.ask != Ask.GLOBAL:
            return ()
        points = [self.typed_minima[i] for i in self.minima.tied]
        return tuple(Answer(Shape.NUMBER, p[0]) if self.one else Answer(Shape.VECTOR, p) for p in points)

    def show(self, value: object, latex: bool = False, alike: bool = False) -> str:
        """As every kind's; every local minimum of f(x), a list of numbers, as the lesson lists the values of
        one variable (x = -1, x = 1), as critical points in one variable are: not as a point in the plane."""
        return super().show(_places(value) if self.several else value, latex, alike)

    def shown(self, answer: Answer) -> str:
        if not self.several:
            return super().shown(answer)
        return show(replace(answer, value=_places(answer.value)), self.variables, typed=True)

    def _echoed(self, verdict: Verdict, text: str) -> Verdict:
        """The verdict, with the answer as read written as this exercise writes it (`shown`)."""
        if not (self.several and verdict.reading):
            return verdict
        try:
            return replace(verdict, reading=self.shown(self.read(text)))
        except InputError:  # read by another reader (a number where one minimum is all): as that wrote it
            return verdict

    def _unnamed(self, text: str) -> str:
        """x = -1.3008, x = 1.1309, as `tutor solve minimize` lists minima, as the list -1.3008, 1.1309 (the
        names blanked out, so that a position in what is left is one in what was typed); else the text."""
        if not (self.ask == Ask.ALL and self.one):
            return text
        return unnamed(text, self.variables[0])

    def _lone_number(self, text: str, limits: Limits, parameters: Sequence[str] = ()) -> Answer | None:
        """`text` as a single number, where the minima of a function of one variable are asked for and a
        single number is a list of one ((1) is a bracketed number, not a vector); else None."""
        if not (self.ask == Ask.ALL and self.one):
            return None
        try:
            read(text, self.shape, self.answer_variables, limits=limits, constants=parameters, several=self.several)
            return None
        except InputError as error:
            if error.note == SPACED_VALUES:  # -1 1: a list without its comma, no product of two numbers
                return None
        try:
            return read(text, Shape.NUMBER, self.answer_variables, limits=limits, constants=parameters)
        except InputError:
            return None

    def _in_braces(self, text: str, limits: Limits, parameters: Sequence[str] = ()) -> Answer | None:
        """The minima of a function of one variable written as a set, {1.1309, -1.3008}: the list inside
        the braces from left to right (a set has no order to be wrong, and a set of numbers is no shape of
        its own); else None."""
        inside = text.strip()
        if not (self.ask == Ask.ALL and self.one and inside.startswith("{") and inside.endswith("}")):
            return None
        try:  # "{1} + {2}" is no set: its inside does not read, and the text keeps its own error
            listed = self.read(inside[1:-1], limits, parameters)
        except InputError:
            return None
        numbers = listed.value
        if not (isinstance(numbers, tuple) and all(isinstance(n, Expr) and n.is_comparable for n in numbers)):
            return listed
        return replace(listed, value=tuple(sorted(numbers, key=float)))

    def _again(self, text: str) -> bool:
        """Whether `text` is a list of one place given more than once (1, 1)."""
        listed = self._several(text, LIMITS)
        return listed is not None and self._one_place(listed) is not None

    def _one_place(self, listed: Answer) -> tuple[Expr, ...] | None:
        """The one place a list of several names, given again and again (π, π); None where it names more."""
        places = cast(tuple[tuple[Expr, ...], ...], listed.value)
        ctx = Context(self.answer_variables, self.default_tolerance(), LIMITS).reading(listed)
        return places[0] if len(once(places, ctx)[0]) == 1 else None

    def _several(self, text: str, limits: Limits, parameters: Sequence[str] = ()) -> Answer | None:
        """Where one place is asked for (the global minimum, where descent ends): `text` as a list of several
        (points, numbers in one variable), each a point, else None."""
        if self.ask == Ask.ALL:
            return None
        return read_several(text, self.one, self.answer_variables, limits, parameters)

    def _one_asked(self) -> str:
        """What a list is told where one place is asked for: which one ("Each component must be a single
        expression" said nothing of it)."""
        what = "One number" if self.one else "One point"
        if self.ask == Ask.END and self.start is not None:
            return f"{what} is asked for here: where gradient descent from {self.point_text(self.start)} ends."
        if self.minima.tied:
            return any_one_of(self.one, len(self.minima.tied) + 1, self.name)
        return f"{what} is asked for here: where {self.name} is least."

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        names = [*self.variables, *parameters]
        if self.one:  # (1, -1): the point (x, f(x)) where f is least, not two x's
            graph_points(separated(text, names), self.answer_variables, self.graph, limits, parameters)
        try:  # x = -1.3008 and x = 1.1309
            return self._read(self._unnamed(separated(text, names)), limits, parameters)
        except InputError as error:
            raise in_words(error, text, names) from None

    def _read(self, text: str, limits: Limits, parameters: Sequence[str]) -> Answer:
        """As `read`, of the text with its joining words read as commas and its names blanked."""
        number = self._lone_number(text, limits, parameters)
        if number is not None:
            return Answer(Shape.VECTOR, (number.value,), number.ambiguities, number.spellings)
        listed = self._in_braces(text, limits, parameters)
        if listed is not None:
            return listed
        try:
            return super().read(text, limits, parameters)
        except InputError as error:
            listed = self._several(text, limits, parameters)
            if listed is None:
                raise
            # one place given again and again (π, π) is that place, as minimize reads 1, 1 and a list of minima
            # a minimum given twice
            if (place := self._one_place(listed)) is not None:
                return replace(listed, shape=self.shape, value=place[0] if self.one else place)
            column = error.column if error.column is not None else _second_item(text)
            raise InputError(self._one_asked(), column, error.note) from None

    @staticmethod
    def _read_points(read: Callable[[str, Limits], Answer], text: str, limits: Limits = LIMITS) -> Answer:
        """A list of minima in one variable as the set of its points, to compare whatever their order."""
        listed = read(text, limits)
        return Answer(Shape.POINTS, tuple((v,) for v in _numbers(listed)), listed.ambiguities, listed.spellings)

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        # read as this kind reads (`read`: "and" and "or" between minima, names before them) whatever is asked
        return check(text, expected, variables=self.answer_variables, shape=self.shape, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def _every_lowest(self, text: str, tolerance: Tolerance) -> Verdict | None:
        """Where the global minimum is asked for: a list of exactly the points where f is least is right (each
        is one, none is missing), and a list of one of them and another is told what does not belong (1, 2
        for x² − 2x: x = 2), as minimize's; anything else, None, as where f repeats with one lowest point in
        a period, whose repeats a period on are as right."""
        if self.ask != Ask.GLOBAL or not self.minima.tied and self.repeats:  # 3π of cos x is as right as π
            return None
        lowest = tuple(self.typed_minima[i] for i in sorted([self.minima.lowest or 0, *self.minima.tied]))
        if len(lowest) == 1 and self._again(text):  # 3, 3 is 3, judged as one place (`_read`)
            return None
        return every_lowest(text, lowest, self.one, self.answer_variables, tolerance,
                            self.graph if self.one else None)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        # a pair that is a point of f's graph and a right list of x's (-1, 1 of x⁴ − 2x² + 2) is right
        return right_as_list(lambda: self._judged(text, tolerance, expected))

    def _judged(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """As `check`, with each pair that is a point of the graph refused as one."""
        verdict = self._check(text, tolerance, expected)
        if expected is None and verdict.verdict == Judgement.INCORRECT and not self.one \
                and (lines := self._coordinates_alone(text, tolerance or self.default_tolerance())):
            return Verdict(Judgement.INVALID, Note.PARSE_ERROR.of("coordinates_as_lines"), lines, verdict.reading)
        if expected is not None or verdict.verdict != Judgement.INCORRECT or not self.minima.windows:
            return verdict
        tolerance = tolerance or self.default_tolerance()
        if self.ask == Ask.GLOBAL and self.repeats:
            return self._repeated(text, tolerance) or verdict
        beyond = self._outside_window(text, tolerance) if self.ask == Ask.ALL else None
        return replace(verdict, message=beyond) if beyond else verdict

    def _coordinates_alone(self, text: str, tolerance: Tolerance) -> str | None:
        """`x = -1.0356, x = 0.9601` for minima at (-1.0356, 0) and (0.9601, 0): whole lines in this answer's
        grammar, though the student plainly gave the right x of each and left out the rest. Said how to write
        them, and counted as no attempt, as the critical points' `x = 2, y = -4` is; None for anything else."""
        try:
            given = self.read(text).value
        except InputError:
            return None
        if not isinstance(given, tuple) or len(given) != len(self.typed_minima) \
                or not all(isinstance(e, Equation) and e.lhs.is_Symbol and e.lhs.name in self.variables
                           and not e.rhs.free_symbols for e in given):
            return None
        names = {e.lhs.name for e in given}
        if len(names) != 1:
            return None
        at = self.variables.index(names.pop())
        ctx = Context(self.answer_variables, tolerance, LIMITS, decimals=True)
        if not all(any(compare_numbers(e.rhs, m[at], ctx).correct for m in self.typed_minima) for e in given):
            return None
        lines = and_list([f"{e.lhs} = {self.show(e.rhs)}" for e in given])
        point = f"({', '.join(self.variables)})"
        if len(given) == 1:
            return f"{lines} is a whole line of points here: give the local minimum as a point {point}."
        return f"{lines} are whole lines of points here: give each local minimum as a point {point}."

    def _outside_window(self, text: str, tolerance: Tolerance) -> str | None:
        """Where ∇f repeats and the answer gives a local minimum a period on, outside the window the question
        asks in (-π/2 of sin x with 0 ≤ x < 2π): that it lies outside, not that it is no minimum."""
        try:
            listed = self.read(text)
        except InputError:
            return None
        given = tuple((v,) for v in _numbers(listed)) if self.one else listed.value
        if not isinstance(given, tuple) or not all(isinstance(p, tuple) for p in given):
            return None
        ctx = Context(self.answer_variables, tolerance, LIMITS, decimals=True)
        return outside(given, self.typed_minima, self.minima.windows, ctx, ("local minimum", "local minima"),
                       [show((p,) if self.one else p, self.variables) for p in given])

    def _repeated(self, text: str, tolerance: Tolerance) -> Verdict | None:
        """Where f repeats, the verdict on a global minimum asked for: against the lowest point nearest the
        answer, each of its coordinates a whole number of periods on (`nearest_repeat`, as minimize's), so
        that every global minimiser is right; None where the answer is no point of numbers."""
        try:
            value = self.read(text).value
        except InputError:
            return None
        point = (value,) if self.one else value
        if not (isinstance(point, tuple) and len(point) == len(self.variables)
                and all(isinstance(c, Expr) for c in point)):
            return None
        periods = {w.variable: w.period for w in self.minima.periods}
        nearest = []
        for i in sorted([self.minima.lowest or 0, *self.minima.tied]):
            moved = tuple(nearest_repeat(c, (m,), periods[v]) if v in periods else m
                          for v, c, m in zip(self.variables, point, self.typed_minima[i]))
            if any(c is None for c in moved):
                return None
            nearest.append(cast(tuple[Expr, ...], moved))
        closest = min(nearest, key=lambda m: sum(abs(float(a) - float(b)) for a, b in zip(m, point)))
        right = Answer(Shape.NUMBER, closest[0]) if self.one else Answer(Shape.VECTOR, closest)
        return self._echoed(self._check_against(text, right, tolerance), text)

    def _check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """As `check`, the answer against the points listed (those of one period, where ∇f repeats)."""
        if expected is None and (every := self._every_lowest(text, tolerance or self.default_tolerance())):
            return every
        if expected is None and len(self.typed_minima) == 1 and self._lone_number(text, LIMITS) is not None:
            # the one minimum, typed as a number: a function with a single local minimum has an answer too
            one = check(text, Answer(Shape.NUMBER, self.typed_minima[0][0]), variables=self.answer_variables,
                        shape=Shape.NUMBER, tolerance=tolerance or self.default_tolerance(), isolated=False)
            return self._echoed(one, text)
        if expected is None and self.ask == Ask.ALL and self.one:
            return self._echoed(self._check_list(text, tolerance or self.default_tolerance()), text)
        return self._echoed(super().check(text, tolerance, expected), text)

    def _check_list(self, text: str, tolerance: Tolerance) -> Verdict:
        """The minima of a function of one variable, in order: where they are wrong, whether they are
        the right ones in another order, or too few or too many, is said in the lesson's words."""
        # "your second minimum", not "your second component": a list of minima is no vector to a student
        labels = tuple(f"{ORDINALS[i]} minimum" for i in range(min(len(self.typed_minima), len(ORDINALS))))

        def against(expected: Answer, reader: Callable[[str, Limits], Answer]) -> Verdict:
            return check(text, expected, variables=self.answer_variables, shape=expected.shape, tolerance=tolerance,
                         reader=reader, isolated=False, labels=labels)

        read, again, typed = self._once(text, tolerance)
        verdict = self._listed(text, tolerance, against, read)
        if typed is None:
            return verdict
        return replace(verdict, reading=typed, message=verdict.message if verdict.correct
                       else f"{again} {verdict.message}")

    def _once(self, text: str, tolerance: Tolerance) -> tuple[Callable[[str, Limits], Answer], str, str | None]:
        """How a list of minima is read to be judged, each number once (compare.once: a minimum given again is
        the same one, so -1.3008, 1.1309, 1.1309 is in order), the sentence naming a number given again, and
        the list as typed, for "read as"; this kind's own reading, '' and None where none is given again."""
        try:
            listed = self.read(text)
        except InputError:
            return self.read, "", None
        ctx = Context(self.answer_variables, tolerance, LIMITS).reading(listed)
        again = once([(v,) for v in _numbers(listed)], ctx)[1]
        if not again:
            return self.read, "", None

        def each_once(typed: str, limits: Limits) -> Answer:
            got = self.read(typed, limits)
            return replace(got, value=tuple(p[0] for p in once([(v,) for v in _numbers(got)], ctx)[0]))
        return each_once, again, show(listed, self.answer_variables, typed=True)

    def _listed(self, text: str, tolerance: Tolerance,
                against: Callable[[Answer, Callable[[str, Limits], Answer]], Verdict],
                read: Callable[[str, Limits], Answer]) -> Verdict:
        """The verdict on a list of minima read by `read`: in order, in another order, too few or too many."""
        verdict = against(self.expected(), read)
        if verdict.verdict != Judgement.INCORRECT or verdict.note == Note.TOO_FEW_PLACES:  # in order, rounded
            return verdict
        listed = read(text, LIMITS) if verdict.note == Note.WRONG_LENGTH else None  # read, so it reads again
        given = None if listed is None else len(_numbers(listed))
        as_set = against(Answer(Shape.POINTS, self.typed_minima),
                         lambda typed, limits: self._read_points(read, typed, limits))
        count = len(self.typed_minima)
        if as_set.correct:  # the prompt asks for them from left to right: a list in another order is not that
            return replace(verdict, message=f"Those are the local minima of {self.name}, but not from left to "
                                            "right: write the least first.")
        if as_set.note == Note.TOO_FEW_PLACES:  # 1.13, -1.30: each a minimum rounded, none "not right"
            return replace(verdict, message=f"Those are the local minima of {self.name} rounded to fewer decimal "
                                            f"places than asked, and not from left to right: write the least "
                                            f"first, {tolerance.describe()}.")
        if given is not None:  # "Your answer has 1 components" says nothing of minima
            if as_set.note == Note.MISSING_POINT:  # each number given is a minimum
                message = (f"Your answer gives {given} of the {count} local minima of {self.name}{self._in}; give "
                           "every one, from left to right.")
            elif given == 1 and listed is not None:  # "f has 2 local minima, but your answer gives 1" counted it
                message = self._lone_wrong(self.shown(listed), as_set.note == Note.WRONG_VALUE, tolerance)
            else:
                minima = "local minimum" if count == 1 else "local minima"
                message = f"{self.name} has {count} {minima}{self._in}, but your answer gives {given}."
            return replace(verdict, message=message)
        return verdict

    def _lone_wrong(self, shown: str, close: bool, tolerance: Tolerance) -> str:
        """What a single number that is none of several minima is: near one of them, or no minimum."""
        count = len(self.typed_minima)
        if close:
            return (f"{shown} is close to one of the {count} local minima of {self.name}{self._in}, but not right "
                    f"{tolerance.describe()}; give every one, from left to right.")
        return (f"{shown} is not a local minimum of {self.name}, which has {count}{self._in}: give every one, "
                "from left to right.")

    @property
    def _in(self) -> str:
        """" in 0 ≤ x < 2π", where ∇f repeats and the minima counted are that period's; else ""."""
        return within(self.minima.windows).replace(" with ", " in ", 1)

    def steps(self) -> Step:
        from .steps import all_minima_steps, descent_end_steps, global_steps
        if self.ask == Ask.END and self.end is not None:
            return descent_end_steps(self.end)
        return global_steps(self.minima) if self.ask == Ask.GLOBAL else all_minima_steps(self.minima)

    def hints(self) -> tuple[str, ...]:
        gradient = " and ".join(f"∂{self.name}/∂{v} = 0" for v in self.variables) if not self.one \
            else f"{self.name}′({self.variables[0]}) = 0"
        count = len(self.minima.points)
        window = self._in  # where ∇f repeats, the count is of one period's: each recurs a period on
        # a minimum where f′ (∂f/∂x) has no value (x^(2/3) − x + y² at (0, 0)) solves no equation: looked for too
        partials = f"{self.name}′({self.variables[0]})" if self.one else \
            " or ".join(f"∂{self.name}/∂{v}" for v in self.variables)
        also = f", and find where {partials} has no value" if self._shape else ""
        first = f"The local minima are among the critical points: solve {gradient}{also}, then classify each one."
        if self.ask == Ask.END and self.jump is not None:  # a step crosses a hill: the start's valley is not the end's
            return (first, "Descent goes downhill, but a step can be so large that it jumps over a hill into another "
                           "valley: follow the iterations to see which valley it ends in.",
                    f"Of the {count} local minima, it ends at the one in the valley its last jump lands in: "
                    f"{self.jumped()}.")
        if self.ask == Ask.END:
            return (first, "Descent only goes downhill: it ends at the bottom of the valley it starts in, which "
                           "need not be the lowest one.",
                    f"Of the {count} local minima, it ends at the one in the same valley as the start.")
        if self.ask == Ask.GLOBAL:
            return (first, f"There {'is' if count == 1 else 'are'} {count} local minim{'um' if count == 1 else 'a'}"
                           f"{window}; compare {self.name}'s values at {'it' if count == 1 else 'them'}.",
                    "The lowest local minimum is the global one when the function grows without bound in every "
                    "direction.")
        return (first, "A critical point is a local minimum where the second-derivative test says so "
                       f"({self._test_for_minimum()}){self.other_rule}.",
                f"There {'is' if count == 1 else 'are'} {count} local minim{'um' if count == 1 else 'a'}{window}.")

    @property
    def other_rule(self) -> str:
        """The rule that keys a minimum the second-derivative test does not decide, in one variable: at |sin x|'s
        corner at 0 f″ has no value, and x⁴'s f″(0) = 0, so the test says nothing there; "" where it decides
        every minimum (then its rule alone is the whole of it)."""
        if self._shape and not self.one:
            return (f"; where ∇{self.name} has no value ({self._shape}), the test does not apply, and {self.name}'s "
                    "values near the point decide")
        if not self.one:
            return ""
        points = self.minima.points
        if self._shape:
            return (f", or, at {self._shape} where {self.name}′ has no value, where {self.name}′ changes from − "
                    "to +")
        if any(p.classification.untested for p in points):
            return f", or, at a corner where {self.name}″ has no value, where {self.name}′ changes from − to +"
        if any(p.classification.label == Nature.INCONCLUSIVE for p in points):
            return f", or, where {self.name}″ = 0, where {self.name}′ changes from − to +"
        return ""

    @property
    def sorting_rule(self) -> str:
        """The rule beside the second-derivative test's that sorts the critical points into minima and others, as
        a clause of one sentence ("…, or, at a cusp where f′ has no value, where f′ changes from − to +"); ""."""
        if self.one or not self._shape:
            return self.other_rule
        return f", or, where ∇{self.name} has no value ({self._shape}), where {self.name}'s values near it show one"

    @property
    def _shape(self) -> str:
        """What the minima where f′ (∇f) has no value are ("a cusp", "a corner"); "" where there is none."""
        return shapes(self.minima.points)

    def _test_for_minimum(self) -> str:
        """What the second-derivative test asks of a local minimum, for this many variables."""
        v = self.variables
        if self.one:
            return f"{self.name}″ > 0"
        if len(v) == 2:
            return f"D > 0 and {self.name}_{v[0] * 2} > 0"
        return "every leading principal minor of the Hessian > 0"

    def question_figure(self) -> Figure:
        """Where descent ends: f around the start and every local minimum, any of which it may end at (framed on
        the path, only the valley it ends in would show)."""
        from ...plot import descent_question
        if self.ask == Ask.END and self.start is not None:
            around = [tuple(float(c) for c in p.point) for p in self.minima.points]
            return descent_question(self.function, self.start, self.drawn_variables(), self.name, around=around)
        return super().question_figure()

    def figure(self) -> Figure:
        """Where descent ends: its path; otherwise the function with its critical points by class."""
        from ...plot import contour_figure, critical_curve_figure, descent_figure
        names = self.drawn_variables()
        if self.ask == Ask.END and self.start is not None and self.rate is not None:
            return descent_figure(self.function, self.start, self.rate, tolerance=TOLERANCE, max_iterations=BOUND,
                                  variables=names, name=self.name)
        if self.one:
            return critical_curve_figure(self.function, names, name=self.name)
        return contour_figure(self.function, names, critical=True, name=self.name)


def _none_found(problem: LocalMinima) -> str:
    """Why an exercise with no local minimum to list is refused: that f has none, where the tutor knows it; where
    f′ (∇f) has no value though f has one (√x at 0), what it can't decide there, not that there is none."""
    gaps = calculus.without_slope(problem.function, problem.variables)
    if gaps == ():
        return "it has no local minimum"
    slope = f"{problem.name}′" if problem.one else f"∇{problem.name}"
    if not gaps:
        return (f"the tutor finds no local minimum where {slope} = 0, and can't tell whether {problem.name} has one "
                f"where {slope} has no value")
    where = and_list([f"{problem.variables[0]} = {problem.show(g)}" for g in gaps], "or")
    return (f"the tutor finds no local minimum where {slope} = 0, and can't tell whether {problem.name} has one at "
            f"{where}, where {slope} has no value")


def _second_item(text: str) -> int | None:
    """Where the second item of a top-level list (or of a set in braces) starts, for the caret; or None."""
    inside = text.strip()
    outer = int(inside.startswith("{") and inside.endswith("}"))
    depth = 0
    for i, c in enumerate(text):
        depth += (c in "([{") - (c in ")]}")
        if c == "," and depth == outer:
            rest = text[i + 1:]
            return i + 1 + len(rest) - len(rest.lstrip())
    return None


def _places(value: object) -> object:
    """A list of numbers (a function of one variable's minima) as the places on the line they are, which
    `show` writes as the lesson lists them (x = -1, x = 1); anything else as it is."""
    if isinstance(value, tuple) and value and all(isinstance(v, Expr) for v in value):
        return tuple((v,) for v in value)
    return value


def _numbers(listed: Answer) -> tuple[Expr, ...]:
    """The numbers of a list of minima in one variable, as LocalMinima.read gives it (a vector)."""
    return cast(tuple[Expr, ...], listed.value)
