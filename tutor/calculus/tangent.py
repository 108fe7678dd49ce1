"""The tangent plane z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b) (any number of variables)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..parse import Equation, symbol
from .common import Number, SolveError, function_of, point_of, symbols, variables_of
from .partials import derivative, differentiable_at, value_at


@dataclass(frozen=True)
class TangentPlane:
    point: tuple[Expr, ...]
    value: Expr  # f at the point
    partials: tuple[Expr, ...]  # each partial derivative at the point
    equation: Equation  # z = ..., expanded
    variables: tuple[str, ...] = ()
    function: Expr | None = None

    @property
    def linearization(self) -> Expr:
        """The right-hand side as the lesson writes it, unexpanded: 20 + 4(x - 2) + 8(y - 4)."""
        terms = [sympy.Mul(d, s - p, evaluate=False)
                 for d, s, p in zip(self.partials, symbols(self.variables), self.point) if d != 0]
        return sympy.Add(self.value, *terms, evaluate=False) if terms else self.value


def tangent_plane(f: str | Expr, variables: Sequence[str] | None, at: Mapping[str, Number]) -> TangentPlane:
    f = function_of(f)
    variables = variables_of(f, variables)
    if "z" in variables:
        raise SolveError("z names the plane's height here, so f can't use z as a variable")
    point = point_of(at, variables)
    value = value_at(f, variables, point)
    for v in variables:
        differentiable_at(f, variables, point, v)
    partials = tuple(value_at(derivative(f, v), variables, point, f"∂f/∂{v}") for v in variables)
    rhs = sympy.expand(value + sum(d * (s - p) for d, s, p in zip(partials, symbols(variables), point)))
    return TangentPlane(point, value, partials, Equation(symbol("z"), rhs), variables, f)
