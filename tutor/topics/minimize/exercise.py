"""The minimum of a function of one variable: the x where f'(x) = 0 (exact when possible)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy

from ... import calculus
from ...calculus import SolveError
from ...calculus.kinks import Flat
from ...check import Judgement, Verdict, check
from ...compare import Tolerance
from ...limits import LIMITS, Limits
from ...parse import Answer, InputError, Shape
from ..base import Field, FieldError, FunctionProblem, typeable
from ..local_minima.exercise import any_one_of, every_lowest, read_several

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


@dataclass(frozen=True)
class Minimize(FunctionProblem):
    KIND: ClassVar[str] = "minimize"
    SHAPE: ClassVar[Shape] = Shape.NUMBER
    FIELDS: ClassVar[dict[str, Field]] = dict(FunctionProblem.COMMON_FIELDS)

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Minimize:
        common = cls.function_data(data)
        if len(common["variables"]) != 1:
            raise FieldError("function", "minimize needs a function of one variable")
        problem = cls(**common)
        try:
            _ = problem.solution  # solved once here, so that a pack with no solution says so
        except SolveError as error:
            raise FieldError("function", error.message) from None
        return problem

    def default_tolerance(self) -> Tolerance | None:
        return None if self.solution.exact else Tolerance(places=4)

    @cached_property
    def solution(self) -> calculus.Minimum:
        return calculus.minimize(self.function, self.variables[0])

    def prompt(self, latex: bool = False) -> str:
        x = self.variables[0]
        article = "an" if self.solution.tied or self.solution.flat else "the"  # several x as low: any is right
        if self.solution.is_global is False:  # f is lower elsewhere (x³ − 3x falls without bound): no x minimises
            # f, and the answer is where its (least) local minimum is, which the question says
            which = "its least local minimum" if len(self.solution.minima) + len(self.solution.flats) > 1 \
                else "its local minimum"
            if latex:
                return rf"\text{{Find {article} }} {x} \text{{ where }} {self.signature(True)} \text{{ has {which}}}"
            return f"Find {article} {x} where {self.signature()} has {which}{self.precision()}."
        if latex:
            return rf"\text{{Find {article} }} {x} \text{{ that minimises }} {self.signature(True)}"
        return f"Find {article} {x} that minimises {self.signature()}{self.precision()}."

    def expected(self) -> Answer:
        return _typed(self.solution.least)

    def also_right(self) -> tuple[Answer, ...]:
        return tuple(_typed(m) for m in self.solution.tied)

    @property
    def _lowest(self) -> tuple[tuple[sympy.Expr], ...]:
        """Every x where f is least, as a student can type it, where there are several; else ()."""
        return tuple((_typed(m).value,) for m in self.solution.lowest) if self.solution.tied else ()

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """As every kind's; a list, where f is least at several x, is told that one of them is asked for."""
        try:
            return super().read(text, limits, parameters)
        except InputError as error:
            if not self._lowest or read_several(text, True, self.answer_variables, limits, parameters) is None:
                raise
            raise InputError(any_one_of(True, len(self._lowest), self.name), error.column, error.note) from None

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        if not self._lowest:
            return super()._check_against(text, expected, tolerance)
        return check(text, expected, variables=self.answer_variables, shape=self.shape, reader=self.read,
                     tolerance=tolerance or self.default_tolerance(), isolated=False)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """As every kind's; where f is least at several x (x⁴ − 2x² at -1 and 1), the list of exactly those
        is right, as for local_minima's global minimum; and where f is least all along a stretch
        (|x - 1| + |x + 1| on [-1, 1]), any number on it is right: too many to list in also_right, it is
        checked against itself."""
        if expected is None and self._lowest and (every := every_lowest(
                text, self._lowest, True, self.answer_variables, tolerance or self.default_tolerance())):
            return every
        verdict = super().check(text, tolerance, expected)
        flat = self.solution.flat
        if expected is not None or flat is None or verdict.verdict != Judgement.INCORRECT:
            return verdict
        try:
            value = self.read(text).value
        except InputError:
            return verdict
        return self._check_against(text, Answer(Shape.NUMBER, value), tolerance) if _on(value, flat) else verdict

    def steps(self) -> Step:
        from .steps import minimize_steps
        return minimize_steps(self.function, self.variables[0], self.solution)

    def hints(self) -> tuple[str, ...]:
        x = self.variables[0]
        derivative = self.solution.derivative  # f′, which the minimum was found from
        return (
            f"At a minimum the slope is zero: solve {self.name}′({x}) = 0.",
            f"{self.name}′({x}) = {self.show(derivative)}.",
            (f"Solve {self.show(derivative)} = 0 for {x}; at a minimum {self.name}″ > 0."
             if self.solution.exact else
             f"It has no closed form in elementary functions; it is near {self.solution.approx:.2f}."),
        )

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
