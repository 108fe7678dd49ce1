"""d/dx of a function of one variable, optionally at a point: the one-variable partial derivative."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import sympy

from ...parse import symbol
from ..base import Field, FieldError, FunctionProblem, point_from
from ..partial_derivative.exercise import PartialDerivative


@dataclass(frozen=True)
class Derivative(PartialDerivative):
    KIND: ClassVar[str] = "derivative"
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "a value of the variable to evaluate the derivative at"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Derivative:
        common = cls.function_data(data)
        if len(common["variables"]) != 1:
            raise FieldError("function", "a derivative needs a function of one variable; "
                                         "use partial_derivative for more")
        at = point_from(data["at"], common["variables"], "at") if "at" in data else None
        return cls(wrt=common["variables"][0], at=at, **common)

    def prompt(self, latex: bool = False) -> str:
        if latex:
            at = rf"\Big|_{{{self.wrt} = {self.show(self.at[0], True)}}}" if self.at is not None else ""
            return rf"\frac{{d}}{{d{self.wrt}}} \left({self.show_function(True)}\right){at}"
        if self.at is not None:
            return f"{self.name}′({self.show(self.at[0])}) for {self.signature()}{self.precision()}"
        return f"d/d{self.wrt} of {self.signature()}"

    @property
    def answer_names(self) -> tuple[str, ...]:
        """f′ as the prompt writes it (f' as typed), or df/dx: at the point asked for (f′(3)), or alone
        or with the variable for the derivative itself (g′(x) = 2x)."""
        return self.names_at((f"{self.name}′", f"d{self.name}/d{self.wrt}"), self.at)

    def hints(self) -> tuple[str, ...]:
        derivative = self.solution.derivative
        if self.at is not None:
            last = f"{self.name}′({self.wrt}) = {self.show(derivative)}; now put {self.wrt} = {self.show(self.at[0])}."
        else:
            last = self.value_hint(derivative)
        return (
            self._first_step(),
            "Use the rules you know: the power rule d/dx xⁿ = nxⁿ⁻¹, d/dx eˣ = eˣ, d/dx ln(x) = 1/x, "
            "and the chain rule for a function inside another.",
            last,
        )

    def _first_step(self) -> str:
        """The first hint, for f's own shape: "term by term" for a sum, and for x³e²ˣ, a single product, the
        product rule (an outside check: "term by term" on exactly the skill being practised)."""
        x, f = symbol(self.wrt), self.function
        if len(sympy.Add.make_args(f)) == 1:
            varying = [g for g in sympy.Mul.make_args(f) if g.has(x)]
            if len(varying) > 1:
                return f"{self.name} is a product: use the product rule, (uv)′ = u′v + uv′."
            if len(varying) == 1 and (inner := _inside(varying[0])) is not None and inner != x and inner.has(x):
                return f"{self.name} is one function inside another: use the chain rule."
            return f"{self.name} is a single term: differentiate it by the rule its form needs."
        return f"Differentiate term by term with respect to {self.wrt}."


def _inside(g: sympy.Expr) -> sympy.Expr | None:
    """What a function or a power is of (x² + 1 of sin(x² + 1) and of (x² + 1)³); None for anything else."""
    if g.is_Pow:
        return g.base if g.exp.is_number else None
    return g.args[0] if isinstance(g, sympy.Function) and len(g.args) == 1 else None
