"""The tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...check import Judgement, Verdict, check
from ...compare import Note, Tolerance, format_pair, format_value, solved_for
from ...equation_maps import maps_undone, without_signed_factors
from ...evaluate import Undefined, Unsupported, compile_expression, degree_at_most
from ...limits import LIMITS, Limits
from ...parse import Answer, Equation, InputError, Shape, divided_by, minus, read, symbol
from ...words import and_list
from ..base import Field, FieldError, FunctionProblem, point_from
from ..named import DependentName

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


_REPEATED = 40  # a longer plane is not repeated in the advice, which stays one short sentence


_SHIFTED = re.compile(r"\(\s*[^\W\d]\w*\s*[-+−]")  # a shift typed, as the lesson writes the plane: (x - 2)


@dataclass(frozen=True)
class TangentPlane(FunctionProblem):
    at: tuple[Expr, ...] = ()

    KIND: ClassVar[str] = "tangent_plane"
    SHAPE: ClassVar[Shape] = Shape.EQUATION
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "the point of tangency, like [2, 4]", required=True),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> TangentPlane:
        common = cls.function_data(data)
        if len(common["variables"]) != 2 or "z" in common["variables"]:
            raise FieldError("function", "a tangent plane needs a function of two variables other than z")
        return cls(at=point_from(data["at"], common["variables"], "at"), **common)

    @property
    def answer_variables(self) -> tuple[str, ...]:
        return (*self.variables, "z")

    @cached_property
    def _named(self) -> DependentName:
        """The plane written after a name for its height, as the linearization often is: L(x, y) = …,
        L = …, z(x, y) = …, read as z = … (z(x, y) not as z times a pair). The function's own name is one
        too (f = …, as f(x, y) = …): the prompt writes the surface z = f and asks for the plane z = …."""
        return DependentName("z", self.variables, "plane")

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        plane = self._named.blanked(text, parameters) or text
        try:
            return super().read(plane, limits, parameters)
        except InputError as error:
            raise self._in_usual_names(plane, error, limits, parameters) from None

    def _in_usual_names(self, plane: str, error: InputError, limits: Limits, parameters: Sequence[str]) -> InputError:
        """What a plane written in x and y (the usual names) is told where the function's are others (u and
        v): which names to use, with the plane in them where renaming gives it ("write the plane in u, v and
        z, the function's variables: z = 2u + 4v - 5"); "Unknown name 'x'" left the way to it unsaid."""
        usual = ("x", "y")
        if error.note != "unknown_name" or self.variables == usual:
            return error
        try:
            read(plane, Shape.EQUATION, (*usual, "z"), limits=limits, constants=parameters)
        except InputError:  # not a plane in x and y either: the grammar's word on it stands
            return error
        where = f"write the plane in {and_list(self.answer_variables)}, the function's variables"
        names = dict(zip(usual, self.variables))
        renamed = re.sub(r"(?<![^\W\d])[xy](?![^\W\d])", lambda found: names[found.group()], " ".join(plane.split()))
        try:
            read(renamed, Shape.EQUATION, self.answer_variables, limits=limits, constants=parameters)
        except InputError:  # xy written together, or names of both kinds: no equation to repeat
            return InputError(where, error.column, error.note)
        shown = f": {renamed}" if len(renamed) <= _REPEATED else ""
        return InputError(where + shown, error.column, error.note)

    def read_as(self, text: str, shape: Shape, variables: Sequence[str], components: Sequence[str] = (),
                limits: Limits = LIMITS) -> Answer:
        plane = self._named.blanked(text) if shape == Shape.EQUATION else None
        return super().read_as(plane or text, shape, variables, components, limits)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        verdict = super().check(text, tolerance, expected)
        if expected is not None or verdict.verdict != Judgement.INCORRECT:
            return verdict
        return self._by_lesson_numbers(text, tolerance or self.default_tolerance(), verdict) or verdict

    def _by_lesson_numbers(self, text: str, tolerance: Tolerance | None, verdict: Verdict) -> Verdict | None:
        """A plane judged by its three numbers as the lesson computes them, its height at the point and its slopes
        along x and y, each to the tolerance: right where all are (z = 1.7918 + 0.5(x - 2) + 0.3333(y - 3), the
        lesson's own form for ln(xy) at (2, 3), has ln 6, 1/2 and 1/3 to 4 places, where its constant multiplied
        out, -0.2081, is 3·0.3333's rounding off -0.20824: outside check h67, F2; F1: y - 1.6487 = √e(x - 0.5));
        where one is not, the message names it, not a constant of the plane multiplied out that was never typed
        (h68, F9). Only for decimals typed, to which a tolerance applies; None for anything but a plane."""
        numbers = self._lesson_numbers(text) if tolerance is not None else None
        if numbers is None or tolerance is None:
            return None
        try:
            valued = [(compile_expression(got, ())(()).value, compile_expression(want, ())(()).value, what, named)
                      for got, want, what, named in numbers]
        except (Unsupported, Undefined):
            return None
        wrong = [(got, want, what, named) for got, want, what, named in valued if not tolerance.accepts(got, want)]
        if not wrong:
            return Verdict(Judgement.CORRECT, Note.WITHIN_TOLERANCE, f"Correct ({tolerance.describe()}).",
                           reading=verdict.reading)
        if not _SHIFTED.search(text):  # z = 0.5x + 0.3333y - 0.2086, z = 2.72x: the check's message names the
            return None  # numbers typed; typed as the lesson does, with the point's shifts, its numbers are named
        shown = [(what, named, format_pair(got, want, decimals=True) or (format_value(got), format_value(want)))
                 for got, want, what, named in wrong]
        return replace(verdict, message=" ".join(f"Your plane's {what} is {got}, not {named} = {want} "
                                                 f"{tolerance.describe()}." for what, named, (got, want) in shown))

    def _lesson_numbers(self, text: str) -> list[tuple[Expr, Expr, str, str]] | None:
        """The plane's height at the point and its slopes, each beside the lesson's number, what it is and how the
        lesson names that; None where the answer is no plane in z (with a map off both sides, or a factor never 0,
        taken off, as equivalence does: e^z = e^(…), (z - …)(x² + 1) = 0, outside check h68, F7) or has a divisor
        (+ 0/(x - 2) has no value on a line of the plane: h68, F3)."""
        try:
            answer = self.read(text)
        except InputError:
            return None
        if not answer.spellings or not isinstance(answer.value, Equation) \
                or divided_by(answer.value.lhs) or divided_by(answer.value.rhs):
            return None
        syms = [symbol(v) for v in self.variables]
        solved = solved_for(minus(answer.value.lhs, answer.value.rhs), symbol("z"))
        if solved is None:  # e^z = e^(…), (z - …)(x² + 1) = 0: taken off, as equivalence does
            plane = maps_undone(answer.value, LIMITS.symbolic_work)
            plane = without_signed_factors(plane) or plane
            solved = solved_for(minus(plane.lhs, plane.rhs), symbol("z"))
        if solved is None or degree_at_most(solved[0], *syms) > 1 or not solved[0].is_polynomial(*syms):
            return None
        polynomial = sympy.Poly(solved[0], *syms)
        at = self.point_text(self.at)
        return [(solved[0].subs(dict(zip(syms, self.at))), self.solution.value, f"height at {at}", f"f{at}"),
                *((polynomial.coeff_monomial(s), want, f"slope along {v}", f"f_{v}{at}")
                  for s, v, want in zip(syms, self.variables, self.solution.partials))]

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        # Read by this kind (the name before the plane), where the default reads by the grammar alone.
        return check(text, expected, variables=self.answer_variables, shape=self.shape,
                     tolerance=tolerance or self.default_tolerance(), isolated=False,
                     reader=self.read)

    @cached_property
    def solution(self) -> calculus.TangentPlane:
        return calculus.tangent_plane(self.function, self.variables, self.at_mapping(self.at))

    def prompt(self, latex: bool = False) -> str:
        if latex:
            return (rf"\text{{Tangent plane to }} z = {self.show_function(True)} \text{{ at }} "
                    rf"{self.point_text(self.at, True)}")
        tolerance = self.tolerance or self.default_tolerance()  # said, as every kind's prompt says it (h64, F14)
        places = f", {tolerance.describe()}" if tolerance else ""
        return f"Find the tangent plane to z = {self.show_function()} at {self.point_text(self.at)} " \
               f"(an equation in {and_list(self.answer_variables)}{places})."

    def expected(self) -> Answer:
        return Answer(Shape.EQUATION, self.solution.equation)

    def steps(self) -> Step:
        from .steps import tangent_steps
        return tangent_steps(self.function, self.variables, self.at_mapping(self.at), result=self.solution)

    def hints(self) -> tuple[str, ...]:
        plane = self.solution
        a = self.point_text(self.at)
        u, v = self.variables  # in the function's own variables: f_u, not f_x, where they are u and v
        return (
            f"The tangent plane is z = f(a, b) + f_{u}(a, b)({u} − a) + f_{v}(a, b)({v} − b).",
            f"Compute f, f_{u} and f_{v} at {a}.",
            f"f{a} = {self.show(plane.value)}, f_{u} = {self.show(plane.partials[0])}, "
            f"f_{v} = {self.show(plane.partials[1])} there.",
        )

    def figure(self) -> Figure:
        """The surface with the tangent plane at the point and both slices through it."""
        from ...plot import surface_figure
        return surface_figure(self.function, self.variables, self.at, slices=True, name=self.name)
