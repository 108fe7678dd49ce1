"""Derivations for the gradient and the tangent plane: partials first, then what they build."""

from __future__ import annotations

from typing import Mapping, Sequence

from sympy import Expr

from ..calculus import Gradient, TangentPlane, gradient, tangent_plane
from ..calculus.common import Number
from ..parse import Equation
from .derivative import derivative_steps
from .model import Rule, Step, step


def gradient_steps(f: str | Expr, variables: Sequence[str] | None = None,
                   at: Mapping[str, Number] | None = None, *, result: Gradient | None = None) -> Step:
    """Each partial derivative, the vector they make, and its value at the point if one is given."""
    g = result or gradient(f, variables, at)
    substeps = [derivative_steps(g.function, v, g.variables) for v in g.variables]
    substeps.append(step(Rule.GRADIENT_VECTOR, None, g.components))
    if g.at is not None:
        substeps.append(step(Rule.GRADIENT_AT, g.components, g.values, point=tuple(g.at.values())))
    return step(Rule.GRADIENT, g.function, g.components, substeps, variables=g.variables)


def tangent_steps(f: str | Expr, variables: Sequence[str] | None, at: Mapping[str, Number], *,
                  result: TangentPlane | None = None) -> Step:
    """f and its partials at the point, then z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b)."""
    t = result or tangent_plane(f, variables, at)
    grad = gradient(t.function, t.variables)
    substeps = [step(Rule.VALUE_AT, t.function, t.value, point=t.point)]
    substeps += [step(Rule.PARTIAL_AT, component, value, point=t.point, wrt=v)
                 for v, component, value in zip(t.variables, grad.components, t.partials)]
    substeps.append(step(Rule.PLANE, None, Equation(t.equation.lhs, t.linearization)))
    if t.linearization != t.equation.rhs:
        substeps.append(step(Rule.SIMPLIFY, t.linearization, t.equation.rhs))
    return step(Rule.TANGENT_PLANE, t.function, t.equation, substeps, variables=t.variables, point=t.point)
