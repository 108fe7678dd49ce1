"""The least-squares line y = mx + b through data points (given, or from a CSV file)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import SolveError
from ...check import Judgement, Verdict, check
from ...compare import Note, Tolerance
from ...evaluate import MOST_MULTIPLIED_OUT, degree_at_most
from ...limits import LIMITS, Limits
from ...parse import Answer, Equation, InputError, Shape, as_exact, labelled, read, symbol
from ...show import Notation, numbers_written
from ..base import Field, FieldError, Form, Problem
from ..named import DependentName
from ..solution import approx

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step

DATA_FIELDS: dict[str, Field] = {
    "data": Field("points", "the data points, like [[1, 2], [2, 5], [3, 3]]", formerly="points"),
    "csv": Field("csv", "or a CSV file beside the pack: {file: data.csv, x: COLUMN, y: COLUMN}"),
}


# A line written after a name for it, as a fitted line often is: ŷ = …, y_hat = …, f(x) = …, y(x) = … (not y·x),
# L = …; never after a name the lesson gives something else: m, b and the cost E, which the advice names,
# as it names x.
_NOT_THE_LINE = {"m": "the slope", "b": "the intercept", "E": "the cost E(m, b)", "x": "the variable"}
_LINE = DependentName("y", ("x",), "line", aliases=("y\u0302", "ŷ", "y_hat", "yhat", "Y"), taken=("m", "b", "E"))


def line_data(data: Mapping[str, Any]) -> tuple[tuple[tuple[Expr, Expr], ...], str, bool]:
    """The (x, y) points of a pack's `data` or `csv`, where they came from (for the prompt), and
    whether they are decimals (to show them so)."""
    if ("data" in data) == ("csv" in data):
        raise FieldError("data", "give the data either as 'data' or as 'csv'")
    if "csv" in data:
        table = data["csv"]
        if len(table.features) != 1:
            raise FieldError("csv", "a line y = mx + b needs exactly one x column")
        points = tuple((row[0], y) for row, y in zip(table.rows, table.targets))
        source = f"in {table.file} ({table.target} against {table.features[0]})"
    else:
        points = data["data"]
        if any(len(p) != 2 for p in points):
            raise FieldError("data", "each point is a pair [x, y]")
        source = ""
    decimals = data.get("decimals", False) or any(not c.is_Integer for p in points for c in p)
    return points, source, decimals


def points_text(points: Sequence[tuple[Expr, Expr]], shown: Callable[[tuple[Expr, Expr]], str]) -> str:
    """(1, 2), (2, 5), (3, 3); beyond eight points, the first and how many there are."""
    if len(points) > 8:
        return f"{shown(points[0])}, … ({len(points)} points)"
    return ", ".join(shown(p) for p in points)


@dataclass(frozen=True)
class LeastSquares(Problem):
    points: tuple[tuple[Expr, Expr], ...] = ()  # the data
    source: str = ""  # where the data came from, for the prompt
    variables: tuple[str, ...] = ("m", "b")
    decimals: bool = False
    tolerance: Tolerance | None = None  # the pack's, which the prompt states
    fractions: bool = False  # data with no decimal point: the fit written as fractions, tenths too (2/5, 9/10)

    KIND: ClassVar[str] = "least_squares"
    SHAPE: ClassVar[Shape] = Shape.VECTOR
    FIELDS: ClassVar[dict[str, Field]] = dict(DATA_FIELDS)

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> LeastSquares:
        points, source, decimals = line_data(data)
        # data with no decimal point have an exact fit, written as `tutor solve` writes it: (2/5, 9/10)
        problem = cls(points=points, source=source, decimals=decimals, tolerance=data.get("tolerance"),
                      fractions=not decimals)
        try:
            _ = problem.solution  # solved once here, so that a pack with no solution says so
        except SolveError as error:
            raise FieldError("csv" if "csv" in data else "data", error.message) from None
        return problem

    def show(self, value: object, latex: bool = False, alike: bool = False) -> str:
        if self.fractions:
            with numbers_written(Notation.FRACTIONS):
                return super().show(value, latex, alike)
        return super().show(value, latex, alike)

    @cached_property
    def solution(self) -> calculus.LineFit:
        return calculus.fit_line(self.points)

    @property
    def components(self) -> tuple[str, ...]:
        return ("m", "b")

    @property
    def answer_variables(self) -> tuple[str, ...]:
        return ()

    def prompt(self, latex: bool = False) -> str:
        data = points_text(self.points, lambda p: self.show(p, latex))
        if latex:
            return rf"\text{{Least-squares line }} y = mx + b \text{{ through }} {data}"
        where = f" {self.source}" if self.source else ""
        return (f"Fit the line y = mx + b to the points {data}{where} by least squares. "
                f"Give m and b (like m = 1, b = 2), or the line's equation{self.precision()}.")

    def expected(self) -> Answer:
        fit = self.solution
        return Answer(Shape.VECTOR, (fit.slope, fit.intercept))

    @staticmethod
    def _as_line(text: str, parameters: Sequence[str] = ()) -> str | None:
        """`y = x/2 + 7/3` rather than `m = 1/2, b = 7/3`, its name read as y (`f(x) = x/2 + 7/3`: `y    =
        x/2 + 7/3`); None for m and b. Raises InputError for a name in other variables (`g(t) = t/2`)."""
        named = _LINE.blanked(text, parameters)
        if named is not None:
            return named
        return text if _is_equation(text) else None

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        line = self._as_line(text, parameters)
        if line is None:
            return self._read_parts(text, limits, parameters)
        try:
            return read(line, Shape.EQUATION, ("x", "y"), limits=limits, constants=parameters)
        except InputError as error:
            raise self._parts_after_a_name(text, error, limits, parameters) from None

    def _parts_after_a_name(self, text: str, error: InputError, limits: Limits,
                            parameters: Sequence[str]) -> InputError:
        """'write just (1/2, 7/3), without 'L ='': for m and b after a name for the line (L = (1/2, 7/3)),
        which is no line; `error`, the line's, where what follows the name is not m and b either."""
        found = _LINE.find(text, parameters)
        if found is None:
            return error
        try:
            self._read_parts(" " * found.end() + text[found.end():], limits, parameters)
        except InputError:
            return error
        return labelled(text, found.end() - 1, error.note)

    def read_as(self, text: str, shape: Shape, variables: Sequence[str], components: Sequence[str] = (),
                limits: Limits = LIMITS) -> Answer:
        line = self._as_line(text) if shape == Shape.EQUATION else None
        return super().read_as(line or text, shape, variables, components, limits)

    def _read_parts(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """m and b; a line's right side alone (x/2 + 7/3) is told to be written as the line's equation, and
        so is one after a name that is not the line's (E = x/2 + 7/3: E is the cost)."""
        try:
            return super().read(text, limits, parameters)
        except InputError as error:
            if error.note != "unknown_name" or "=" in text:
                raise self._named_otherwise(text, error, limits, parameters) from None
            if _line_in_x(text, limits, parameters) is None:
                raise
            written = " ".join(text.split())
            line = f"y = {written}" if len(written) <= 40 else "y = mx + b"
            raise InputError(f"write the line as an equation, like {line}, or give m and b",
                             len(text) - len(text.lstrip()), "shape") from None

    def _named_otherwise(self, text: str, error: InputError, limits: Limits,
                         parameters: Sequence[str]) -> InputError:
        """What to say of `text` that `error` refuses, where it is an answer after a name that is not the
        line's: the grammar's advice would drop the name (`write just x/2 + 7/3`) and the advice followed
        would be refused again, so the student is told, in one step that works, to write the line as y = …
        (`E is the cost E(m, b), not the line: write y = x/2 + 7/3, or give m and b.`), or, for a right side
        that is neither a line nor m and b (`E = 25/6`), to give the line. `error` itself elsewhere."""
        found = _AFTER_A_NAME.fullmatch(text)
        if found is None:
            return error
        name, rhs = found.group("name").strip(), found.group("rhs")
        meaning = _NOT_THE_LINE.get(name)
        column = found.start("name")
        line = _line_in_x(rhs, limits, parameters)
        if line is not None and not line.is_number:  # a number is the cost's value or a part, not a line
            written = " ".join(rhs.split())
            if len(written) > 40:  # too long to repeat in a sentence: what to change in it, which works as well
                advice = f"write 'y =' in place of '{name} ='"
            else:
                advice = f"write y = {written}" if meaning else f"write the line as y = {written}"
            said = f"{name} is {meaning}, not the line: {advice}" if meaning else advice
            return InputError(f"{said}, or give m and b", column, "shape")
        if error.column is None or error.column >= found.start("rhs") or not rhs.strip():
            return error  # not the name refused, but what follows it (m = 1/2 + q): said as it is
        try:
            self._read_parts(" " * found.start("rhs") + rhs, limits, parameters)
        except InputError:  # the right side alone is refused too (E = 25/6: a cost, not m and b)
            give = "give m and b (like m = 1, b = 2), or the line's equation"
            return InputError(f"{name} is {meaning}, not the line: {give}" if meaning else give, column, "shape")
        return error  # the advice to drop the name works: (m, b) = (1/2, 7/3)

    def written_forms(self, answer: Answer) -> tuple[Form, ...]:
        """m and b, or the line y = mx + b they make: an author's mistake written either way is recognised
        in both, as the kind's own misconceptions are."""
        x, y = symbol("x"), symbol("y")
        value = answer.value
        if isinstance(value, tuple) and len(value) == 2:
            m, b = value
        elif isinstance(value, Equation) and value.lhs == y and _is_line(value.rhs):
            rhs = sympy.expand(value.rhs)
            m, b = rhs.coeff(x, 1), rhs.coeff(x, 0)
        elif isinstance(value, Equation):
            return ((answer, ("x", "y"), ()),)
        else:
            return super().written_forms(answer)
        return ((Answer(Shape.VECTOR, (m, b)), (), ("m", "b")),
                (Answer(Shape.EQUATION, Equation(y, m * x + b)), ("x", "y"), ()))

    def line(self) -> Equation:
        """The fitted line, y = mx + b."""
        fit = self.solution
        return Equation(symbol("y"), fit.slope * symbol("x") + fit.intercept)

    def expected_in(self, shape: Shape) -> Answer | None:
        return Answer(Shape.EQUATION, self.line()) if shape == Shape.EQUATION else super().expected_in(shape)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        if (_LINE.find(text) is not None or _is_equation(text)) and expected is None:
            verdict = check(text, self.line(), variables=("x", "y"), shape=Shape.EQUATION, tolerance=tolerance,
                            isolated=False, reader=self.read)
            if verdict.verdict != Judgement.INCORRECT:
                return verdict
            # a line is m and b written another way: the credit of m = …, b = …, and where the line's own message
            # only names a point where it differs, theirs (its others say which number is off, by how much)
            parts = self._check_with(text, self.expected(), tolerance, self._line_parts)
            if parts.verdict != Judgement.INCORRECT:
                return verdict
            if verdict.note in (Note.DIFFERS_AT, Note.NOT_EQUIVALENT):
                return replace(parts, reading=verdict.reading)
            return replace(verdict, credit=parts.credit)
        return super().check(text, tolerance, expected)

    def _line_parts(self, text: str, limits: Limits = LIMITS) -> Answer:
        """m and b of a line, however it is written (y = mx + b, 2y = x + 4, x - 2y + 4 = 0); InputError for
        an equation that is no line y = mx + b."""
        read = self.read(text, limits)
        line = read.value
        x, y = symbol("x"), symbol("y")
        if not isinstance(line, Equation):
            raise InputError("not a line y = mx + b")
        difference = line.lhs - line.rhs  # a·x + c·y + d, c ≠ 0: y = -(a·x + d)/c
        if not (difference.free_symbols <= {x, y} and difference.is_polynomial(x, y)
                and degree_at_most(difference, x, y) <= MOST_MULTIPLIED_OUT):  # y = (x + 1)¹⁰⁰⁰ is no line
            raise InputError("not a line y = mx + b")
        terms = sympy.Poly(difference, x, y)
        a, c, d = (terms.coeff_monomial(m) for m in (x, y, 1))
        if terms.total_degree() > 1 or c == 0:
            raise InputError("not a line y = mx + b")
        # its decimals as typed, for m and b to be echoed so (2.334, not 1167/500)
        return Answer(Shape.VECTOR, (-a / c, -d / c), spellings=read.spellings, wholes=read.wholes)

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        return self._check_with(text, expected, tolerance, self._read_parts)

    def _check_with(self, text: str, expected: object, tolerance: Tolerance | None,
                    reader: Callable[..., Answer]) -> Verdict:
        return check(text, expected, variables=self.answer_variables, shape=self.shape,
                     tolerance=tolerance or self.default_tolerance(), components=self.components,
                     labels=self.component_labels, isolated=False, reader=reader)

    def steps(self) -> Step:
        from .steps import least_squares_steps
        return least_squares_steps(self.points, result=self.solution, decimals=self.decimals, fractions=self.fractions)

    def hints(self) -> tuple[str, ...]:
        fit = self.solution
        return (
            "Write the cost E(m, b) as the sum of the squared errors (mx + b − y)² over the points.",
            f"E(m, b) = {self.show(fit.cost_function)}. Set ∂E/∂m = 0 and ∂E/∂b = 0.",
            f"Solve the two linear equations; the cost at the optimum is {self.show(fit.cost)}{approx(fit.cost)}.",
        )

    def figure(self) -> Figure:
        """The fit: the points, the line, the residuals and the cost."""
        from ...plot import fit_figure
        return fit_figure(self.points)

    def question_figure(self) -> Figure:
        """The points only: the figure's title names the line."""
        from ...plot import question_only
        return question_only(self.figure(), title=f"least squares: the line nearest {len(self.points)} points")


# NAME = RHS, one '=': an answer written after a name (E = x/2 + 7/3, line = …, m = x/2 + 7/3)
_AFTER_A_NAME = re.compile(r"\s*(?P<name>[^\W\d]\w*(?:\s*\([^()=]*\))?)\s*=(?P<rhs>[^=]*)")


def _line_in_x(text: str, limits: Limits, parameters: Sequence[str]) -> Expr | None:
    """`text` as mx + b in x (x/2 + 7/3, also 25/6); None where it is not one."""
    try:
        value = read(text, Shape.EXPRESSION, ("x",), limits=limits, constants=parameters).value
    except InputError:
        return None
    return value if isinstance(value, Expr) and _is_line(value) else None


def _is_equation(text: str) -> bool:
    """Whether `text` is a line's equation (y = …, 2y = x + 1, y ≈ 0.0612x + 7.982) rather than m and b."""
    return "y" in text and "=" in as_exact(text)


def _is_line(value: Expr) -> bool:
    """Whether `value` is mx + b in x, with numbers for m and b. Multiplied out only where its degree may be
    small: terms of a high degree that all cancel but for a line are no answer a student writes."""
    x = symbol("x")
    if not (value.free_symbols <= {x} and value.is_polynomial(x)):
        return False
    most = degree_at_most(value, x)
    return most <= 1 or most <= MOST_MULTIPLIED_OUT and sympy.degree(value, x) <= 1

