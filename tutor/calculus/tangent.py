"""The tangent plane z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b) (any number of variables), and
for one variable the tangent line y = f(a) + f′(a)(x - a)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..parse import Equation, symbol
from .common import Number, SolveError, function_of, point_of, symbols, variables_of
from .partials import DifferenceLimit, Remainder, differentiable_at, differentiable_from_partials, found_slope, value_at


@dataclass(frozen=True)
class TangentPlane:
    point: tuple[Expr, ...]
    value: Expr  # f at the point
    partials: tuple[Expr, ...]  # each partial derivative at the point
    equation: Equation  # z = ... (y = ... for a line), expanded
    variables: tuple[str, ...] = ()
    function: Expr | None = None
    # for each partial, the limit that gave it where its formula has no value
    definitions: tuple[DifferenceLimit | None, ...] = ()
    # where a partial came from its definition: what is left of f beside the plane, which shows the plane exists
    remainder: Remainder | None = None

    @property
    def line(self) -> bool:
        """Whether this is the tangent line of a function of one variable."""
        return len(self.variables) == 1

    @property
    def terms(self) -> tuple[Expr, ...]:
        """The right-hand side as the lesson writes it, unexpanded and in its order, f(a, b) first and the
        terms that are 0 left out: (20, 4(x - 2), 8(y - 4)); (x,) for sin(x)cos(y) at (0, 0)."""
        slopes = tuple(sympy.Mul(*sympy.Mul.make_args(d), s - p, evaluate=False)  # -√2(x - 1), not (-√2)(x - 1)
                       for d, s, p in zip(self.partials, symbols(self.variables), self.point) if d != 0)
        if self.value != 0 or not slopes:
            return (self.value, *slopes)
        if len(slopes) == 1 and slopes[0].args[0] == 1:  # z = x - 1 alone, not z = (x - 1)
            return (slopes[0].args[1],)
        return slopes


def tangent_plane(f: str | Expr, variables: Sequence[str] | None, at: Mapping[str, Number]) -> TangentPlane:
    f = function_of(f)
    variables = variables_of(f, variables)
    if "z" in variables and len(variables) > 1:
        raise SolveError("z names the plane's height here, so f can't use z as a variable")
    point = point_of(at, variables)
    value = value_at(f, variables, point)
    for v in variables:
        differentiable_at(f, variables, point, v)
    slopes = tuple(found_slope(f, variables, point, v) for v in variables)
    remainder = differentiable_from_partials(f, variables, point, slopes)
    partials = tuple(s.value for s in slopes)
    rhs = sympy.expand(value + sum(d * (s - p) for d, s, p in zip(partials, symbols(variables), point)))
    return TangentPlane(point, value, partials, Equation(symbol(height(variables)), rhs), variables, f,
                        tuple(s.definition for s in slopes), remainder)


def height(variables: Sequence[str]) -> str:
    """What the height is called: z over a plane, y over the x-axis (z where the one variable is y)."""
    return "y" if len(variables) == 1 and variables[0] != "y" else "z"
