"""What every exercise kind provides, and the defaults they share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Mapping, Sequence

import sympy
from sympy import Expr

from ..calculus import order_variables
from ..check import Verdict, check
from ..compare import Tolerance
from ..parse import Answer, read, symbol
from ..show import show


class FieldError(ValueError):
    """A kind's data that doesn't make sense; `field` names the key it is about."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Field:
    reader: str  # a key of tutor.kinds.fields.FIELD_READERS
    help: str
    required: bool = False


def point_from(value: object, variables: Sequence[str], field: str) -> tuple[Expr, ...]:
    """A point given as a list [2, 3] or a mapping {x: 2, y: 3}, in the order of `variables`."""
    if isinstance(value, dict):
        unknown = set(value) - set(variables)
        if unknown:
            raise FieldError(field, f"'{sorted(unknown)[0]}' is not a variable of the function "
                                    f"({', '.join(variables)})")
        missing = [v for v in variables if v not in value]
        if missing:
            raise FieldError(field, f"'{field}' needs a value for {', '.join(missing)}")
        return tuple(value[v] for v in variables)
    point = tuple(value) if isinstance(value, tuple) else (value,)
    if len(point) != len(variables):
        raise FieldError(field, f"'{field}' needs {len(variables)} coordinate(s) "
                                f"({', '.join(variables)}), not {len(point)}")
    return point


class Problem:
    """One concrete exercise (parameters already drawn) of some kind.

    A subclass is a frozen dataclass declaring KIND, SHAPE, FIELDS (its YAML
    keys), `build` (from the read YAML values) and the student-facing parts.
    """

    KIND: ClassVar[str]
    SHAPE: ClassVar[str]
    FIELDS: ClassVar[dict[str, Field]]
    variables: tuple[str, ...]

    @classmethod
    def build(cls, data: Mapping[str, object]) -> "Problem":
        raise NotImplementedError

    # -- what the student sees
    def prompt(self, latex: bool = False) -> str:
        raise NotImplementedError

    def expected(self) -> Answer:
        raise NotImplementedError

    def steps(self):
        raise NotImplementedError

    def hints(self) -> tuple[str, ...]:
        raise NotImplementedError

    # -- reading and checking answers
    @property
    def shape(self) -> str:
        return self.SHAPE

    @property
    def answer_variables(self) -> tuple[str, ...]:
        """The names a student may use in an answer."""
        return self.variables

    def default_tolerance(self) -> Tolerance | None:
        """The tolerance for decimals when the pack gives none."""
        return None

    @property
    def components(self) -> tuple[str, ...]:
        """Names a vector answer's parts may be given by (m = 1/2, b = 7/3)."""
        return ()

    def read(self, text: str) -> Answer:
        """How this exercise reads an answer (the REPL's live preview shows it); raises InputError."""
        return read(text, self.shape, self.answer_variables, components=self.components)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """Grade `text` against the expected answer (or against `expected`, for a mistake)."""
        return check(text, self.expected() if expected is None else expected,
                     variables=self.answer_variables, shape=self.shape,
                     tolerance=tolerance or self.default_tolerance(), components=self.components,
                     isolated=False)  # an exercise's check runs where its caller put it (packs.Exercise)

    # -- shared helpers for the kinds
    decimals: bool = False  # the pack gave numbers as decimals: show them that way

    def show(self, value: object, latex: bool = False) -> str:
        return show(value, self.variables, latex=latex, decimals=self.decimals)

    def value_hint(self, expected: Expr, at: Sequence[int] = (1, 1, 1)) -> str:
        """'Check: at x = 1, y = 1 it comes out as 6': a way to check without the answer."""
        names = self.variables
        point = [sympy.Integer(v) for v in at[: len(names)]]
        value = expected.xreplace({symbol(n): p for n, p in zip(names, point)})
        if not value.is_number or value.has(sympy.zoo, sympy.nan):  # try a point off the axes
            point = [sympy.Rational(k + 2, 2) for k in range(len(names))]
            value = expected.xreplace({symbol(n): p for n, p in zip(names, point)})
        where = ", ".join(f"{n} = {show(p)}" for n, p in zip(names, point))
        return f"Check: at {where} the answer comes out as {show(sympy.nsimplify(value))}."


@dataclass(frozen=True)
class FunctionProblem(Problem):
    """A kind about one function: f(x, y) = ... with its variables and its name."""

    function: Expr
    variables: tuple[str, ...]
    name: str = "f"
    decimals: bool = False

    COMMON_FIELDS: ClassVar[dict[str, Field]] = {
        "function": Field("function", "the function, like 3x^2 y^3", required=True),
        "variables": Field("names", "its variables in order, like [x, y] (default: x, y, z, then a-z)"),
        "name": Field("name", "the function's name in the prompt (default f)"),
    }

    @classmethod
    def function_data(cls, data: Mapping[str, object]) -> dict:
        function = data["function"]
        variables = tuple(data.get("variables") or order_variables(s.name for s in function.free_symbols))
        unknown = {s.name for s in function.free_symbols} - set(variables)
        if unknown:
            raise FieldError("variables", f"the function also uses {', '.join(sorted(unknown))}")
        if not variables:
            raise FieldError("function", "the function has no variables")
        return {"function": function, "variables": variables, "name": data.get("name", "f"),
                "decimals": data.get("decimals", False)}

    def signature(self, latex: bool = False) -> str:
        """f(x, y) = 3x²y³"""
        return f"{self.name}({', '.join(self.show(symbol(v), latex) for v in self.variables)}) = " \
               f"{self.show(self.function, latex)}"

    def at_mapping(self, point: Sequence[Expr] | None) -> dict[str, Expr] | None:
        """A point as the solvers take it: {x: 2, y: 3}."""
        return None if point is None else dict(zip(self.variables, point))

    def point_text(self, point: Sequence[Expr], latex: bool = False) -> str:
        return self.show(tuple(point), latex) if len(point) > 1 else self.show(point[0], latex)
