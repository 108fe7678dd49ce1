"""∂/∂x of a function of several variables, optionally at a point."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from sympy import Expr

from ... import calculus
from ...calculus.tangent import height
from ...parse import ONLY_THE_EXPRESSION, Answer, InputError, Labelled, Shape
from ...words import and_list
from ..base import Field, FieldError, FunctionProblem, point_from

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


@dataclass(frozen=True)
class PartialDerivative(FunctionProblem):
    wrt: str = "x"
    at: tuple[Expr, ...] | None = None

    KIND: ClassVar[str] = "partial_derivative"
    SHAPE: ClassVar[Shape] = Shape.EXPRESSION
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "wrt": Field("name", "the variable to differentiate with respect to, like x", required=True),
        "at": Field("point", "a point to evaluate at, like [2, 3] or {x: 2, y: 3}"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> PartialDerivative:
        common = cls.function_data(data)
        wrt = data["wrt"]
        if wrt not in common["variables"]:
            raise FieldError("wrt", f"'{wrt}' is not a variable of the function "
                                    f"({', '.join(common['variables'])})")
        at = point_from(data["at"], common["variables"], "at") if "at" in data else None
        return cls(wrt=wrt, at=at, **common)

    @property
    def shape(self) -> Shape:
        return Shape.NUMBER if self.at is not None else Shape.EXPRESSION

    @property
    def answer_names(self) -> tuple[str, ...]:
        """∂f/∂x as the prompt writes it, or f_x: with the point asked for after it (∂f/∂y(2, 3)), or, for the
        derivative itself, alone or with the function's variables (f_x(x, y))."""
        names = (f"∂{self.name}/∂{self.wrt}", f"{self.name}_{self.wrt}")
        return self.names_at(names, self.at)

    def labelled(self, error: Labelled) -> InputError:
        """z = 4x + 8y - 20 typed for ∂f/∂x (y = 2x + 3 for f′): the graph's height is f's, never its derivative's,
        so this is an equation (a tangent plane or line pasted), not the answer named; "write just 4x + 8y - 20"
        would have the student submit the plane (finding 808)."""
        if self.at is None and error.label == height(self.variables) and error.label not in self.variables:
            return InputError(ONLY_THE_EXPRESSION, error.column, "shape")
        label = error.label.replace(" ", "")
        other = next((v for v in self.variables if v != self.wrt and label in {
            name.replace(" ", "") for name in self.names_at((f"∂{self.name}/∂{v}", f"{self.name}_{v}"), self.at)
        }), None)
        if other is not None:  # ∂f/∂x = 2y for ∂f/∂y: "write just 2y" alone passed over the mix-up (outside check h20)
            asked = f"∂{self.name}/∂{self.wrt}"
            return InputError(f"'{error.label}' names the partial derivative with respect to {other}, and the question "
                              f"asks for {asked}. If {error.value} is {asked}, write just {error.value}",
                              error.column, error.note)
        return error

    @cached_property
    def solution(self) -> calculus.Partial:
        return calculus.partial(self.function, self.wrt, self.at_mapping(self.at))

    def prompt(self, latex: bool = False) -> str:
        if latex:
            at = rf"\Big|_{{{self.point_text(self.at, True)}}}" if self.at is not None else ""
            return (rf"\frac{{\partial {self.name}}}{{\partial {self.wrt}}}{at} \text{{ for }} "
                    rf"{self.signature(True)}")
        if self.at is not None:
            return f"∂{self.name}/∂{self.wrt} at {self.point_text(self.at)} for {self.signature()}{self.precision()}"
        return f"∂/∂{self.wrt} of {self.signature()}"

    def expected(self) -> Answer:
        result = self.solution
        if self.at is not None:
            return Answer(Shape.NUMBER, result.value)
        return Answer(Shape.EXPRESSION, result.derivative)

    def steps(self) -> Step:
        from ...steps import derivative_steps
        from .steps import partial_at_steps
        if self.at is not None and self.solution.value is not None:
            return partial_at_steps(self.function, self.wrt, self.variables, self.at, self.solution.value,
                                    self.solution.definition)
        return derivative_steps(self.function, self.wrt, self.variables)

    def hints(self) -> tuple[str, ...]:
        derivative = self.solution.derivative
        held = and_list([v for v in self.variables if v != self.wrt])
        last = (f"∂{self.name}/∂{self.wrt} = {self.show(derivative)}; now put in "
                f"{self.point_text(self.at)}." if self.at is not None else self.value_hint(derivative))
        return (
            f"Treat {held} as {'a constant' if ' ' not in held else 'constants'}; only {self.wrt} varies.",
            f"A factor without {self.wrt} is a constant coefficient and stays; a term without {self.wrt} "
            f"has derivative 0. {self._rules()}",
            last,
        )

    def _rules(self) -> str:
        """The second hint's last sentence: the rules the derivation uses on what varies, "Then use the product
        rule and the power rule on x." for the sauna's x²(x − 6), never the power rule alone where it is not
        enough; with the functions whose derivatives it uses, "… and the derivative of eᵘ." (e^(3y))."""
        from ...steps import Rule, derivative_steps
        used = {s.rule for s in derivative_steps(self.function, self.wrt, self.variables).walk()}
        rules = [name for rule, name in ((Rule.PRODUCT, "the product rule"), (Rule.QUOTIENT, "the quotient rule"),
                                         (Rule.CHAIN, "the chain rule")) if rule in used]
        if used & {Rule.POWER, Rule.ROOT, Rule.IDENTITY}:
            rules.append("the power rule")
        known = [name for found, name in (({Rule.EXP, Rule.EXPONENTIAL}, "eᵘ"), ({Rule.LOG}, "ln u"),
                                          ({Rule.SIN}, "sin u"), ({Rule.COS}, "cos u"), ({Rule.TAN}, "tan u"))
                 if used & found]
        if known:
            return f"Then use {and_list([*rules, f'the derivative of {and_list(known)}'])}."
        return f"Then use {and_list(rules)} on {self.wrt}." if rules else \
            f"Then differentiate each term with {self.wrt} in it by the rule its form needs."

    def figure(self) -> Figure:
        """The curve and its tangent line (one variable), or the surface with the slices at the point."""
        from ...plot import curve_figure, surface_figure
        names = self.drawn_variables()
        if len(names) == 1:
            return curve_figure(self.function, names, self.at[0] if self.at is not None else None, name=self.name)
        return surface_figure(self.function, names, self.at, slices=self.at is not None, name=self.name)

