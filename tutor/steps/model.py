"""The step model: a derivation is a tree of immutable steps.

A step names its rule (never its sentence), what it started from and what it
gave; the wording lives in tutor.steps.render. `context` holds the values a
rule's sentence needs (the constant coefficient, the substitution letter ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sympy import Expr


class Rule(Enum):
    # differentiation
    DIFFERENTIATE = "differentiate"
    TREAT_AS_CONSTANT = "treat_as_constant"
    CONSTANT = "constant"
    IDENTITY = "identity"
    CONSTANT_MULTIPLE = "constant_multiple"
    POWER = "power"
    ROOT = "root"
    SUM = "sum"
    PRODUCT = "product"
    QUOTIENT = "quotient"
    CHAIN = "chain"
    EXP = "exp"
    EXPONENTIAL = "exponential"
    LOG = "log"
    SIN = "sin"
    COS = "cos"
    TAN = "tan"
    FALLBACK = "fallback"
    SIMPLIFY = "simplify"
    # gradient and tangent plane
    GRADIENT = "gradient"
    GRADIENT_VECTOR = "gradient_vector"
    GRADIENT_AT = "gradient_at"
    TANGENT_PLANE = "tangent_plane"
    VALUE_AT = "value_at"
    PARTIAL_AT = "partial_at"
    PLANE = "plane"
    # critical points
    CRITICAL_POINTS = "critical_points"
    SET_TO_ZERO = "set_to_zero"
    FACTOR = "factor"
    ZERO_PRODUCT = "zero_product"
    CASES = "cases"
    CASE_POINT = "case_point"
    CASE_POINT_ON_SET = "case_point_on_set"
    CASE_SET = "case_set"
    CASE_UNSOLVED = "case_unsolved"
    CANDIDATES = "candidates"
    REGION = "region"
    INSIDE = "inside"
    OUTSIDE = "outside"
    SET_INSIDE = "set_inside"
    SET_OUTSIDE = "set_outside"
    CLASSIFY = "classify"
    SECOND_DERIVATIVE_TEST = "second_derivative_test"
    HESSIAN_TEST = "hessian_test"
    HESSIAN_MINORS = "hessian_minors"
    CRITICAL_SET = "critical_set"
    INCOMPLETE = "incomplete"
    # least squares
    LEAST_SQUARES = "least_squares"
    COST = "cost"
    EXPAND = "expand"
    PARTIAL_DERIVATIVE = "partial_derivative"
    NORMAL_EQUATIONS = "normal_equations"
    SOLVE_SYSTEM = "solve_system"
    COST_AT_OPTIMUM = "cost_at_optimum"
    # gradient descent
    GRADIENT_DESCENT = "gradient_descent"
    SLOPE = "slope"
    UPDATE_RULE = "update_rule"
    ITERATION = "iteration"
    SKIPPED = "skipped"
    DIVERGED = "diverged"
    CONVERGED = "converged"
    STOPPED = "stopped"


# the rules whose `after` is the derivative of their `before`
DERIVATIVE_RULES = frozenset({
    Rule.DIFFERENTIATE, Rule.CONSTANT, Rule.IDENTITY, Rule.CONSTANT_MULTIPLE, Rule.POWER, Rule.ROOT,
    Rule.SUM, Rule.PRODUCT, Rule.QUOTIENT, Rule.CHAIN, Rule.EXP, Rule.EXPONENTIAL, Rule.LOG,
    Rule.SIN, Rule.COS, Rule.TAN, Rule.FALLBACK,
})


@dataclass(frozen=True)
class Step:
    rule: Rule
    before: object = None
    after: object = None
    substeps: tuple["Step", ...] = ()
    context: tuple[tuple[str, object], ...] = ()

    def get(self, key: str, default: object = None) -> object:
        return next((value for name, value in self.context if name == key), default)

    def walk(self):
        """This step and all below it, depth first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()


def step(rule: Rule, before: object = None, after: object = None, substeps=(), **context) -> Step:
    return Step(rule, before, after, tuple(substeps), tuple(context.items()))


@dataclass(frozen=True)
class PowerForm:
    """A root written as a power, x^(1/2), which sympy itself would print as √x."""

    base: Expr
    exponent: Expr
