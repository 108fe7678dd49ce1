"""The step model: a derivation is a tree of immutable steps.

A step names its rule (never its sentence), what it started from and what it
gave; `context` holds the values a rule's sentence needs (the constant
coefficient, the substitution letter ...). The wording is a template per rule,
kept as data beside the rule's enum: the shared rules' in tutor.steps.render, a
kind's own rules' in its folder (tutor/topics/<kind>/steps.py); one renderer
fills them all in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sympy import Expr

from ..parse import Equation


class StepRule(StrEnum):
    """The base of every enum of rules. `templates` gives the wording of the enum's rules."""

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        raise NotImplementedError

    @property
    def template(self) -> str:
        return self.templates()[self]


class Rule(StepRule):
    """The rules several kinds share: differentiating, and finding and classifying critical points."""

    @classmethod
    def templates(cls) -> Mapping[StepRule, str]:
        from .render import TEMPLATES  # the wording lives with the renderer, which imports this module

        return TEMPLATES

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
    VARIABLE_POWER = "variable_power"  # xˣ: base and exponent both vary
    LOG = "log"
    SIN = "sin"
    COS = "cos"
    TAN = "tan"
    ABS = "abs"  # |x|: its derivative is sign(x) only where x ≠ 0
    FALLBACK = "fallback"
    SIMPLIFY = "simplify"
    # critical points
    CRITICAL_POINTS = "critical_points"
    CRITICAL_POINTS_STRETCHES = "critical_points_stretches"
    CRITICAL_STRETCHES = "critical_stretches"
    CRITICAL_EVERYWHERE = "critical_everywhere"
    SET_TO_ZERO = "set_to_zero"
    FACTOR = "factor"
    ZERO_PRODUCT = "zero_product"
    ZERO_FRACTION = "zero_fraction"
    NEVER_ZERO = "never_zero"
    NEVER_ZERO_BUT_ENDS = "never_zero_but_ends"
    DOMAIN_END = "domain_end"
    CASES = "cases"
    ONE_CASE = "one_case"
    CASE_POINT = "case_point"
    CASE_POINTS = "case_points"
    CASE_SUBSTITUTE = "case_substitute"  # y = x³ put into x = y³: one equation in x alone
    CASE_IN_A_ROOT = "case_in_a_root"  # 4x^(3/2) − 8√x + 1 = 0 as 4u³ − 8u + 1 = 0, u = √x ≥ 0
    CASE_IN_A_ROOT_DROPPED = "case_in_a_root_dropped"  # the same, a negative u dropped
    CASE_FAMILY = "case_family"
    CASE_WINDOW = "case_window"  # sin x = 0 and sin x + sin y = 0: the points of the windows, solved in turn
    CASE_POINT_ON_SET = "case_point_on_set"
    CASE_SET = "case_set"
    CASE_UNSOLVED = "case_unsolved"
    CASE_UNDEFINED = "case_undefined"
    CASE_OUTSIDE = "case_outside"
    CASE_NO_REAL = "case_no_real"  # x² + x = -1: solved exactly, no real solution
    NO_GRADIENT = "no_gradient"
    NO_GRADIENT_EXTREMUM = "no_gradient_extremum"
    NO_GRADIENT_ZERO = "no_gradient_zero"
    NO_GRADIENT_NOT = "no_gradient_not"
    NO_GRADIENT_UNDECIDED = "no_gradient_undecided"
    PIECEWISE = "piecewise"
    STRETCH_FLAT = "piece_flat"  # the minimize kind's own stretch rules (for its minima) are named stretch_*
    STRETCH_ZEROS = "piece_zeros"
    STRETCH_NONE = "piece_none"
    KINK_LEVEL = "kink_level"
    SIDES = "sides"
    SIDES_ROOTS = "sides_roots"
    SIDE_ENDLESS = "side_endless"
    SIGNS = "signs"  # a periodic f with kinks (|sin x|): solved in one period, for each sign of each inside
    SIGNS_IN = "signs_in"  # the same, within a region's bounds
    SIGN_KINKS = "sign_kinks"
    SIGN_NEVER = "sign_never"  # a choice of signs that no x of the window has (sin x < 0 on 0 ≤ x < π)
    SIGNS_SLOPE = "signs_slope"  # f′ repeats, and its kinks, though f does not (|sin x| + x/10)
    SIGN_NO_KINK = "sign_no_kink"
    KINK_LINES = "kink_lines"
    KINK_LINES_ROOTS = "kink_lines_roots"
    KINK_OFF = "kink_off"
    KINK_OFF_NONE = "kink_off_none"
    KINK_OFF_SETS = "kink_off_sets"  # y = 0 of y²|x|: a whole line of critical points off the kink line x = 0
    KINK_ALONG = "kink_along"
    SEPARATE = "separate"  # f = g(x) + h(y): the critical points of each part, paired
    SEPARATE_PART = "separate_part"
    SEPARATE_PART_NONE = "separate_part_none"
    KINK_ALONG_NONE = "kink_along_none"
    KINK_ALONG_LEVEL = "kink_along_level"  # f constant along the line: its points decided by the pieces beside it
    KINK_ALONG_ACROSS = "kink_along_across"  # f constant along the line, rising (or falling) right through it
    KINK_CORNER = "kink_corner"
    KINK_NOT_CORNER = "kink_not_corner"
    KINK_CUSP = "kink_cusp"
    KINK_SMOOTH = "kink_smooth"
    KINK_NOT_CUSP = "kink_not_cusp"
    STRETCHES = "stretches"
    CONCAVE_BETWEEN = "concave_between"
    CANDIDATES = "candidates"
    KINK_CANDIDATES = "kink_candidates"
    REGION = "region"
    INSIDE = "inside"
    OUTSIDE = "outside"
    SET_INSIDE = "set_inside"
    SET_OUTSIDE = "set_outside"
    CLASSIFY = "classify"
    CLASSIFY_OTHERWISE = "classify_otherwise"
    SECOND_DERIVATIVES = "second_derivatives"  # f″ as a formula, and what its sign says
    SECOND_PARTIALS = "second_partials"  # f_xx, f_yy, f_xy as formulas, and what D and the signs say
    SECOND_PARTIALS_MANY = "second_partials_many"  # three variables and more: the Hessian's entries
    SECOND_DERIVATIVE_TEST = "second_derivative_test"
    NO_TEST = "no_test"
    HESSIAN_TEST = "hessian_test"
    HESSIAN_MINORS = "hessian_minors"
    HESSIAN_INDEFINITE = "hessian_indefinite"
    CRITICAL_SET = "critical_set"
    SET_PIECE = "set_piece"
    BY_VALUES = "by_values"
    ONLY_BY_VALUES = "only_by_values"
    VALUES_UNDECIDED = "values_undecided"
    NOR_BY_VALUES = "nor_by_values"
    VALUES_RULE_OUT = "values_rule_out"  # undecided, but f's values show it is no minimum (or no maximum)
    CRITICAL_POINTS_IN = "critical_points_in"
    CONCLUSION_IN = "conclusion_in"
    CLASSIFICATION = "classification"
    CLASSIFICATION_BY_VALUES = "classification_by_values"
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"  # why every critical point is found where the equations are not all polynomials


# the rules whose `after` is the derivative of their `before`
DERIVATIVE_RULES = frozenset({
    Rule.DIFFERENTIATE, Rule.CONSTANT, Rule.IDENTITY, Rule.CONSTANT_MULTIPLE, Rule.POWER, Rule.ROOT,
    Rule.SUM, Rule.PRODUCT, Rule.QUOTIENT, Rule.CHAIN, Rule.EXP, Rule.EXPONENTIAL, Rule.VARIABLE_POWER, Rule.LOG,
    Rule.SIN, Rule.COS, Rule.TAN, Rule.ABS, Rule.FALLBACK,
})


@dataclass(frozen=True)
class Step:
    rule: StepRule
    before: Any = None
    after: Any = None
    substeps: tuple[Step, ...] = ()
    context: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: object = None) -> Any:
        return next((value for name, value in self.context if name == key), default)

    def walk(self) -> Iterator[Step]:
        """This step and all below it, depth first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()


def step(rule: StepRule, before: object = None, after: object = None, substeps: tuple[Step, ...] | list[Step] = (),
         **context: Any) -> Step:
    return Step(rule, before, after, tuple(substeps), tuple(context.items()))


@dataclass(frozen=True)
class PowerForm:
    """A root written as a power, x^(1/2), which sympy itself would print as √x."""

    base: Expr
    exponent: Expr


@dataclass(frozen=True)
class Together:
    """Equations that hold at once, written as one item of a list: a set of critical points that needs
    several, like the line x = y and y = z in three variables (its first equation alone is a plane)."""

    equations: tuple[Equation, ...]


@dataclass(frozen=True)
class Filled:
    """A tangent's formula with the numbers put in as they are, a slope of 0 and a coordinate of 0 too:
    9 + 0(x - 0) + 6(y - 3), the bridge to the plane's terms, where sympy would drop them."""

    value: Expr
    slopes: tuple[Expr, ...]
    point: tuple[Expr, ...]
    variables: tuple[str, ...]

    @property
    def drops(self) -> bool:
        """Whether the lesson's terms leave anything of it out (a 0, or an x - 0 written x)."""
        return self.value == 0 or any(n == 0 for n in (*self.slopes, *self.point))


@dataclass(frozen=True)
class Terms:
    """A sum written term by term in the order given, as the lesson writes E(m, b) =
    14m² + 3b² + 38 + 12mb - 42m - 20b (sympy would put its own order on it)."""

    terms: tuple[Expr, ...]
