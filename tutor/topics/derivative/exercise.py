"""d/dx of a function of one variable, optionally at a point: the one-variable partial derivative."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import sympy

from ...parse import symbol
from ...words import and_list
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
        return self._first_step(), self._rules(), last

    def _rules(self) -> str:
        """The rules f needs, named: "the power rule …, and a constant's derivative, 0" for x² + 16, whose hint
        listed eˣ, ln x and the chain rule too, the first hint of the lesson's pack (outside check h65, F8)."""
        x, f = symbol(self.wrt), self.function
        d = f"d/d{self.wrt}"
        needed = []
        if any(isinstance(p, sympy.Pow) and p.base.has(x) for p in sympy.preorder_traversal(f)) or \
                any(term.has(x) and term.as_independent(x)[1] == x for term in sympy.Add.make_args(f)):
            needed.append(f"the power rule {d} {self.wrt}ⁿ = n{self.wrt}ⁿ⁻¹")
        if f.has(sympy.exp):
            exponential = self.show(sympy.exp(x))
            needed.append(f"{d} {exponential} = {exponential}")
        if f.has(sympy.log):
            needed.append(f"{d} ln({self.wrt}) = 1/{self.wrt}")
        if f.has(sympy.sin, sympy.cos):
            needed += [f"{d} sin {self.wrt} = cos {self.wrt}", f"{d} cos {self.wrt} = −sin {self.wrt}"]
        if any(not term.has(x) for term in sympy.Add.make_args(f)):
            needed.append("a constant's derivative, 0")
        if any((inner := _inside(g)) is not None and inner != x and inner.has(x) for g in sympy.preorder_traversal(f)
               if isinstance(g, sympy.Expr)):
            needed.append("the chain rule for a function inside another")
        if not needed:
            return ("Use the rules you know: the power rule d/dx xⁿ = nxⁿ⁻¹, d/dx eˣ = eˣ, d/dx ln(x) = 1/x, "
                    "and the chain rule for a function inside another.")
        return f"Use {and_list(needed)}."

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
