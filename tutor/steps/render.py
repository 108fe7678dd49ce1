"""Wording for steps: one template per rule, filled in as plain text, LaTeX or JSON.

TEMPLATES words the shared rules (tutor.steps.Rule); a kind's own rules are
worded in its folder, beside their enum (tutor/topics/gradient_descent/steps.py),
and this one renderer fills in both: a step's rule knows its template.

A template is a sentence with fields: `{before}`, `{after}`, `{d}` (the
derivative operator applied to `before`, ∂/∂x[…] or d/dx[…]), `{df}` (∂f/∂x),
`{f}` (the function's name: f, or the exercise's T), `{grad}` (∇f), `{slope_of_f}` (f′ for one variable,
∇f for more), `{alpha}` (α), `{wrt}`, and the step's context values by name;
`{d_rest}` is the operator applied to the context value `rest`. Format specs:
`{names:a constant|constants}` picks by count (a collection's length, a whole
number itself, or a bool's truth),
`{value:sign}` adds "> 0", "< 0" or "= 0", `{point:args}` always brackets,
`{value:factor}` brackets a negative number, `{items:and}` and `{items:or}`
join, `{items:list}` lists (a, b and c), `{label:verdict}` words a classification.
A step whose context says `fractions` (a fit to data with no decimal point) is written, with
everything under it, as `Notation.FRACTIONS` writes numbers: 9/10, not 0.9.

The LaTeX renderer writes each step as a line of text with $…$ maths (ready
for a LaTeX document or a Markdown cell); template text is escaped for it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence, Sized
from contextlib import AbstractContextManager, nullcontext
from typing import cast

from sympy import Expr, Symbol

from ..calculus.common import sign
from ..calculus.partials import DifferenceLimit
from ..calculus.region import Condition, Region
from ..parse import Equation, Spellings, symbol
from ..show import Notation, alike_notation, latex_text, numbers_written, show, show_float, terms_text
from ..words import and_list
from .model import Filled, PowerForm, Rule, Step, StepRule, Terms, Together

TEMPLATES: dict[StepRule, str] = {
    Rule.DIFFERENTIATE: "{d} = {after}",
    Rule.TREAT_AS_CONSTANT: ("Treat {constants} as {constants:a constant|constants}: only {wrt} varies, "
                             "so {constants} {constants:acts like a fixed number|act like fixed numbers}."),
    Rule.CONSTANT: "Constant: {before} does not change with {wrt}, so {d} = 0.",
    Rule.IDENTITY: "The derivative of {wrt} with respect to itself is 1: {d} = 1.",
    Rule.CONSTANT_MULTIPLE: ("Constant multiple: {coefficient} is a constant coefficient, "
                             "so {d} = {coefficient:factor} · {d_rest} = {after}."),
    Rule.POWER: "Power rule: bring the exponent {exponent} down and lower it by 1: {d} = {after}.",
    Rule.ROOT: "A root is a power: {before} = {power}, so the power rule applies.",
    Rule.SUM: "Sum/difference rule: differentiate term by term: {d} = {after}.",
    Rule.PRODUCT: "Product rule: differentiate one factor at a time, keeping the others: {d} = {after}.",
    Rule.QUOTIENT: ("Quotient rule (u′v − uv′)/v² with u = {u} and v = {v}, so u′ = {du} and v′ = {dv}: "
                    "{d} = ({du:factor}·{v:factor} − {u:factor}·{dv:factor})/{square} = {after}."),
    Rule.CHAIN: ("Chain rule: {before} is {outer} with {letter} = {inner}, "
                 "so {d} = {outer_derivative:factor} · {d_inner} = {after}."),
    Rule.EXP: "The exponential is its own derivative: {d} = {after}.",
    Rule.EXPONENTIAL: "Exponential with base {base}: {d} = {before} · ln {base} = {after}.",
    Rule.VARIABLE_POWER: ("Both the base and the exponent vary, so write {before} = {as_exponential}, as {base} = "
                          "{base_exponential}: by the chain rule, {d} = {before} · {d_exponent_log} = {after}."),
    Rule.LOG: "The derivative of ln {wrt} is 1/{wrt}: {d} = {after}.",
    Rule.SIN: "The derivative of sine is cosine: {d} = {after}.",
    Rule.COS: "The derivative of cosine is minus sine: {d} = {after}.",
    Rule.TAN: "The derivative of tangent is 1 + tan²: {d} = {after}.",
    Rule.ABS: ("The lesson has no rule for {before}: it is {wrt} where {wrt} > 0 and its negative where {wrt} < 0, so "
               "{d} = {after} where {wrt} ≠ 0; at {wrt} = 0 it has a corner, and no derivative."),
    Rule.FALLBACK: "The lesson has no rule for {before}; its derivative is {d} = {after}.",
    Rule.SIMPLIFY: "Simplify: {before} = {after}.",

    Rule.CRITICAL_POINTS: "The critical points of {f} = {before}: {after}",
    Rule.CRITICAL_POINTS_STRETCHES: ("The critical points of {f} = {before}: {after}, and every point of "
                                     "{stretches:and}"),
    Rule.CRITICAL_STRETCHES: "The critical points of {f} = {before}: every point of {stretches:and}",
    Rule.CRITICAL_EVERYWHERE: ("The critical points of {f} = {before}: every point. {f} is constant, so "
                               "{variables:its derivative is|every partial derivative is} 0 everywhere, and each point "
                               "is both a local minimum and a local maximum, neither strict."),
    Rule.SET_TO_ZERO: ("At a critical point {variables:the derivative is|every partial derivative is} 0: "
                       "{after:and}."),
    Rule.FACTOR: "Factor {df}: {before} = {after}.",
    Rule.ZERO_PRODUCT: "A product is 0 when one of its factors is: {df} = {before} = 0 when {after:or}.",
    Rule.ZERO_FRACTION: ("A fraction is 0 where its numerator is 0 and its denominator is not: {df} = {before} = 0 "
                         "when {after:or}."),
    Rule.NEVER_ZERO: "{df} = {before} is {why}: no point is critical.",
    Rule.NEVER_ZERO_BUT_ENDS: "{df} = {before} is {why}: no point where it has a value is critical.",
    Rule.DOMAIN_END: ("{before}, an end of f's domain: {why}, so f′ has no value there, and f has a local {after} "
                      "there: a critical point."),
    Rule.CASES: "{variables:Solve each case:|Take one condition from each equation and solve them together:}",
    Rule.ONE_CASE: "{variables:Solve the equation:|Solve the equations together:}",
    Rule.CASE_POINT: "{before:and}: the point {after}.",
    Rule.CASE_POINTS: "{before:and}: the points {after:list}.",
    Rule.CASE_SUBSTITUTE: ("Put {put} into {into}: {after}, one equation in {wrt} alone, whose real solutions are "
                           "{values:list}; {put} then gives each point's {other}."),
    Rule.CASE_IN_A_ROOT: ("Put {u} = {root}, so that {variable} = {power}: {after} = 0, a polynomial in {u}, whose "
                          "real {roots:root is|roots are} {u} = {roots:list}, and so {variable} = {power} = "
                          "{values:list}."),
    Rule.CASE_IN_A_ROOT_DROPPED: ("Put {u} = {root}, so that {variable} = {power}: {after} = 0, a polynomial in {u}, "
                                  "whose real {roots:root is|roots are} {u} = {roots:list}. {u} = {root} is never "
                                  "negative, so only {kept:list} {kept:gives|give} a solution: {variable} = {power} = "
                                  "{values:list}."),
    Rule.CASE_FAMILY: ("{before:and}: {families}; {after:the one|those} with {within} "
                       "{after:is the point|are the points} {after:list}."),
    Rule.CASE_WINDOW: ("{before:and}: {after:the one|those} with {within} {after:is the point|are the points} "
                       "{after:list}."),
    Rule.CASE_POINT_ON_SET: "{before:and}: the point {after}, which lies on {on}.",
    Rule.CASE_SET: "{before:and}: every point of {after} is critical, a whole {kind}.",
    Rule.CASE_UNSOLVED: "{before:and}: the tutor cannot solve this case exactly.",
    Rule.CASE_UNDEFINED: ("{before:and}: {after:the point|the points} {after:list}, but {slope_of_f} has no value "
                          "there."),
    Rule.CASE_OUTSIDE: "{before:and}: {after:the point|the points} {after:list}, but {f} has no real value there.",
    Rule.CASE_NO_REAL: "{before:and}: no real solution{why}.",
    Rule.NO_GRADIENT: ("Where {slope_of_f} has no value but {f} has one, a point is critical where {f} has a local "
                       "minimum or maximum, or where {f}'s slopes from either side are 0 after all:"),
    Rule.NO_GRADIENT_EXTREMUM: "At {before}: {why}, and {f} has {after:verdict} there, so it is a critical point.",
    Rule.NO_GRADIENT_ZERO: ("At {before}: {f}'s slopes from either side along each axis are 0, so {slope_of_f} = 0 "
                            "there after all: it is a critical point."),
    Rule.NO_GRADIENT_NOT: "At {before}: {why}, so it is not a critical point.",
    Rule.NO_GRADIENT_UNDECIDED: ("At {before}: {why}, and the tutor could not decide whether {f} has a local "
                                 "minimum or maximum there: it may be a critical point."),
    Rule.PIECEWISE: ("{kinks:On each side of its kink|Between its kinks} {kinks:and}, {f} is one polynomial on each "
                     "stretch: solve "
                     "{f}′ = 0 on each, and look at each kink from both sides:"),
    Rule.STRETCH_FLAT: "For {where}: {f} = {after} is constant, so {f}′ = 0 all along it.",
    Rule.STRETCH_ZEROS: "For {where}: {f} = {before}, and {f}′ = {slope} is 0 at {after:and}.",
    Rule.STRETCH_NONE: "For {where}: {f} = {before}, and {f}′ = {slope} is not 0 there.",
    Rule.SIDES: ("{kinks:On each side of its kink|Between its kinks} {kinks:and}, {f} has no absolute value: solve "
                 "{f}′ = 0 on each side, and look at each kink from both sides:"),
    Rule.SIDES_ROOTS: ("At {kinks:and} a root's base (or an absolute value's inside) is 0; on each side of "
                       "{kinks:it|them}, {f} is one smooth expression, an odd root of a negative number being minus "
                       "the root of its opposite (∛(-8) = -∛8 = -2): solve {f}′ = 0 on each side, and look at each "
                       "of those points from both sides:"),
    Rule.SIDE_ENDLESS: ("For {where}: {f} = {before}, and {f}′ = {slope} is 0 at infinitely many points; those "
                        "listed: {after:and}."),
    Rule.SIGNS: ("{f} repeats every {period}, kinks and all, so look within one period, {within}. Where each "
                 "absolute value's inside keeps one sign, {f} has no absolute value: solve {f}′ = 0 for each choice of "
                 "signs, and look at each kink, where an inside is 0, from both sides:"),
    Rule.SIGNS_IN: ("Look within the region's bounds, {within}. Where each absolute value's inside keeps one sign, "
                    "{f} has no absolute value: solve {f}′ = 0 for each choice of signs, and look at each kink, where "
                    "an inside is 0, from both sides:"),
    Rule.SIGN_KINKS: "For {before:or}, {within}: {f} has {after:a kink|kinks} at {after:list}.",
    Rule.SIGN_NEVER: "For {where}: no {variable} with {within} has these signs, so there is nothing to solve.",
    Rule.SIGNS_SLOPE: ("{f}′ repeats every {period}, and so do {f}'s kinks, so look within one period, {within}. Where "
                       "each absolute value's inside keeps one sign, {f} has no absolute value: solve {f}′ = 0 for "
                       "each choice of signs, and look at each kink, where an inside is 0, from both sides:"),
    Rule.SIGN_NO_KINK: "For {before:or}: nowhere here, so {f} has no kink.",
    Rule.KINK_LINES: ("On {kinks:the line|the lines} {kinks:and} an absolute value's inside is 0, where {f} may have "
                      "a kink and a derivative no value: solve ∇{f} = 0 off {kinks:that line|those lines}, where {f} "
                      "has no absolute value, and find the critical points of {f} along {kinks:it|each line}:"),
    Rule.KINK_LINES_ROOTS: ("On {kinks:the line|the lines} {kinks:and} a root's base (or an absolute value's inside) "
                            "is 0, where {f} may have a cusp and a derivative no value: solve ∇{f} = 0 off "
                            "{kinks:that line|those lines}, where {f} is smooth, and find the critical points of {f} "
                            "along {kinks:it|each line}:"),
    Rule.KINK_OFF: "Off {kinks:that line|those lines}: ∇{f} = 0 at {after:list}.",
    Rule.KINK_OFF_NONE: "Off {kinks:that line|those lines}: ∇{f} is never 0.",
    Rule.KINK_OFF_SETS: "Off {kinks:that line|those lines}: ∇{f} = 0 all along {after:and}.",
    Rule.SEPARATE: ("{f} is a sum of parts in one variable each, {parts:and}: ∂{f}/∂{x} is the derivative of the "
                    "first alone and ∂{f}/∂{y} of the second, so the critical points of {f} pair one of the first's "
                    "with one of the second's, each found in its one variable, where a corner or cusp is found "
                    "too (a pair where ∇{f} has no value is critical only where {f} is least or greatest):"),
    Rule.SEPARATE_PART: "{before}: critical at {after:list}.",
    Rule.SEPARATE_PART_NONE: "{before}: no critical point.",
    Rule.KINK_ALONG: "On the line {before}: {f} = {along}, critical at {after:list}.",
    Rule.KINK_ALONG_NONE: "On the line {before}: {f} = {along}, which has no critical point.",
    Rule.KINK_ALONG_LEVEL: ("On the line {before}: {f} = {along}, the same all along it, and the pieces of {f} on its "
                            "two sides rise away from it on both or fall on both, so every point of it is critical, "
                            "decided below."),
    Rule.KINK_ALONG_ACROSS: ("On the line {before}: {f} = {along}, the same all along it, but the pieces of {f} on its "
                             "two sides slope the same way across it, so none of its points is critical."),
    Rule.KINK_CORNER: ("At {before}: the pieces of {f} that meet there have the gradients {gradients:list}, and 0 "
                       "lies {two:between them|in the polygon they span}, so it is a critical point."),
    Rule.KINK_CUSP: ("At {before}: a piece of {f} that meets there has an infinite slope, and {f} has "
                     "{after:verdict} there, so it is a critical point."),
    Rule.KINK_SMOOTH: ("At {before}: the pieces of {f} that meet there have the same gradient, so ∇{f} = "
                       "{gradient} there: {after:a critical point|not 0, so not a critical point}."),
    Rule.KINK_NOT_CUSP: ("At {before}: a piece of {f} that meets there has an infinite slope, and {f} has no local "
                         "minimum or maximum there, so it is not a critical point."),
    Rule.KINK_NOT_CORNER: ("At {before}: the pieces of {f} that meet there have the gradients {gradients:list}, and "
                           "0 does not lie {two:between them|in the polygon they span}, so it is not a critical "
                           "point."),
    Rule.KINK_LEVEL: "At the kink {before}: {f}′ = 0 from both sides, so it is a critical point.",
    Rule.STRETCHES: "Critical all along: every point of {after:and}.",
    Rule.CONCAVE_BETWEEN: ("{f} has {kinks:a kink at|kinks at} {kinks:and}, and again every {period}. Between "
                          "kinks {f}″ < 0, so {f}′ only falls there: a solution of {f}′ = 0 between them is a "
                          "local maximum, never a minimum, and is not looked for; every local minimum is at a "
                          "kink."),
    Rule.CANDIDATES: "The critical points: {after}.",
    Rule.KINK_CANDIDATES: "The kinks, where the local minima are looked for: {after}.",
    Rule.REGION: "Keep what lies in the region {region}:",
    Rule.INSIDE: "{before} is inside.",
    Rule.OUTSIDE: "{before} is outside: it breaks {failing}.",
    Rule.SET_INSIDE: "{before} meets the region where {where}.",
    Rule.SET_OUTSIDE: "{before} lies outside the region.",
    Rule.CLASSIFY: "{one:Classify the point|Classify each point} with the second-derivative test:",
    Rule.CLASSIFY_OTHERWISE: "{one:Classify the point|Classify each point}:",
    Rule.SECOND_DERIVATIVES: ("Differentiate {f}′ again: {f}″ = {d_first} = {after}. Where {f}′ = 0, {f}″ > 0 means "
                              "{f} curves up (a local minimum), {f}″ < 0 that it curves down (a local maximum); "
                              "{f}″ = 0 does not decide."),
    Rule.SECOND_PARTIALS: ("Differentiate each partial derivative again: {f}_{x}{x} = ∂/∂{x}[{first}] = {xx}, "
                           "{f}_{y}{y} = ∂/∂{y}[{second}] = {yy}, and the mixed one {f}_{x}{y} = ∂/∂{y}[{first}] = "
                           "{xy}. Where {grad} = 0, D = {f}_{x}{x}·{f}_{y}{y} − {f}_{x}{y}² > 0 means {f} curves the "
                           "same way in every direction: a local minimum if {f}_{x}{x} > 0, a local maximum if "
                           "{f}_{x}{x} < 0; D < 0 means it curves up one way and down another (a saddle point); D = 0 "
                           "does not decide."),
    Rule.SECOND_PARTIALS_MANY: ("Differentiate each partial derivative again: {entries:list}. Where {grad} = 0, the "
                                "Hessian (the square array of these) decides by its leading principal minors, the "
                                "determinants of its top-left {blocks} blocks: all positive means {f} curves up in "
                                "every direction (a local minimum); alternating in sign, the first negative, that it "
                                "curves down in every direction (a local maximum); any other signs, the last not 0, "
                                "that it curves up one way and down another (a saddle point); a last minor of 0 does "
                                "not decide by itself."),
    Rule.SECOND_DERIVATIVE_TEST: "At {before}: {f}″ = {D:sign}, so this is {after:verdict}.",
    Rule.NO_TEST: "At {before}: {why}.",
    Rule.HESSIAN_TEST: "At {before}: {entries}, so D = {formula} = {D:sign}: {after:verdict}.",
    Rule.HESSIAN_MINORS: ("At {before}: {entries:list}, so the leading principal minors of the Hessian are "
                          "{minors:and}: {after:verdict}."),
    Rule.HESSIAN_INDEFINITE: ("At {before}: the leading principal minors of the Hessian are {minors:and}; "
                              "the last is 0, but {indefinite}, so the Hessian is indefinite ({f} curves up "
                              "along one direction and down along another): {after:verdict}."),
    Rule.CRITICAL_SET: "{description}.",
    Rule.SET_PIECE: "{where}: every point of it is {after:verdict}, since {reason}.",
    Rule.BY_VALUES: "The test cannot decide at {before}, but {f}'s values can: it is {after:verdict}, since {reason}.",
    Rule.ONLY_BY_VALUES: "So {f}'s values decide at {before}: it is {after:verdict}, since {reason}.",
    Rule.VALUES_UNDECIDED: ("The test cannot decide at {before}, and the tutor could not decide it from {f}'s values "
                            "near it either: it is left undecided."),
    Rule.NOR_BY_VALUES: "Nor could the tutor decide it from {f}'s values near {before}: it is left undecided.",
    Rule.VALUES_RULE_OUT: "{f}'s values near {before} do not decide it either, but they show it is {reason}.",
    Rule.CRITICAL_POINTS_IN: "The critical points of {f} = {before} in the region {region}: {after}",
    Rule.CONCLUSION_IN: "So the critical points in the region are {after}.",
    Rule.CLASSIFICATION: "The critical point {point} of {f} = {before}: {after:verdict}",
    Rule.CLASSIFICATION_BY_VALUES: "The critical point {point} of {f} = {before}: {after:verdict}; {f}'s values show "
                                   "{values:verdict}",
    Rule.INCOMPLETE: "Note: {note}.",
    Rule.COMPLETE: "None is missing: {note}.",
}

VERDICTS = {
    "minimum": "a local minimum",
    "maximum": "a local maximum",
    "saddle": "a saddle point",
    "inconclusive": "not decided by the test",
    "neither": "neither a minimum nor a maximum",
    "undecided": "not decided by the test nor by {f}'s values",
}
PLURAL_VERDICTS = {  # of the points of a line of critical points, stretch by stretch
    "minimum": "local minima",
    "maximum": "local maxima",
    "saddle": "saddle points",
    "inconclusive": "not decided by the test",
    "neither": "neither minima nor maxima",
    "undecided": "not decided by the test nor by {f}'s values",
}


class _Text:
    """Plain Unicode. `raw` is maths without delimiters; `math` is ready to put in a sentence."""

    latex = False

    def __init__(self, variables: Sequence[str], decimals: bool = False, fractions: bool = False,
                 spellings: Spellings = ()):
        self.variables = tuple(variables)
        self.decimals = decimals  # the data was given as decimals (230.1): show terminating fractions so
        self.fractions = fractions  # this step's values are all fractions (3/4 beside 25/24, not 0.75)
        self.spellings = spellings  # decimals kept among those fractions: the data's 1.4 beside b = 1/4

    def math(self, value: object) -> str:
        return self.escape(value) if isinstance(value, str) else self.wrap(self.raw(value))

    def raw(self, value: object) -> str:
        if value is None:
            return "none"
        if isinstance(value, float):
            return show_float(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, Terms):
            return terms_text(value.terms, self.variables, self.latex, self.decimals, self.fractions)
        if isinstance(value, Filled):
            def factor(number: Expr) -> str:
                return self.brackets(self.raw(number)) if _negative_or_sum(number) else self.raw(number)
            return " + ".join([self.raw(value.value), *(
                factor(slope) + self.brackets(f"{name} - {factor(at)}")
                for name, slope, at in zip(value.variables, value.slopes, value.point))])
        if isinstance(value, Equation) and (isinstance(value.lhs, Terms) or isinstance(value.rhs, Terms)):
            return f"{self.raw(value.lhs)} = {self.raw(value.rhs)}"
        if isinstance(value, PowerForm):
            base = show(value.base, self.variables, latex=self.latex)
            if not (value.base.is_Symbol or value.base.is_Number):
                base = self.brackets(base)
            exponent = show(value.exponent, latex=self.latex)
            return f"{base}^{{{exponent}}}" if self.latex else f"{base}^({exponent})"
        if isinstance(value, Together):  # as an answer writes it, in braces: "x = 0 and z = 0, y = 0 and …" is hard
            # to read as two lines, and no answer may be typed so (finding 730's round, fix-crit5)
            inner = ", ".join(self.raw(e) for e in value.equations)
            return rf"\{{{inner}\}}" if self.latex else f"{{{inner}}}"
        if isinstance(value, DifferenceLimit):  # lim h→0 (f(h, 0) − f(0, 0))/h, maths in LaTeX too
            return value.show(latex=self.latex)
        if isinstance(value, (Region, Condition)):
            return value.show(latex=self.latex) if isinstance(value, Region) else \
                value.show(self.variables, latex=self.latex)
        if isinstance(value, tuple):
            if len(value) == 1 and not isinstance(value[0], (tuple, Equation)):
                return self.raw(value[0])
            if value and all(isinstance(v, float) for v in value):
                return self.brackets(", ".join(map(show_float, value)))
            if value and all(isinstance(v, Equation) for v in value) or any(isinstance(v, Together) for v in value):
                return ", ".join(self.raw(v) for v in value)
        return show(value, self.variables, latex=self.latex, decimals=self.decimals, fractions=self.fractions,
                    spellings=self.spellings)

    def alike(self, value: object) -> _Text:
        """This form, writing the numbers of `value` alike: all as fractions (3/4 beside 25/24, not 0.75),
        or all as decimals (1.1 beside 0.35, not 7/20)."""
        return type(self)(self.variables, *alike_notation(value.terms if isinstance(value, Terms) else value,
                                                          self.decimals))

    def wrap(self, text: str) -> str:
        return text

    def brackets(self, inner: str) -> str:
        return rf"\left({inner}\right)" if self.latex else f"({inner})"

    def applied(self, wrt: str, partial: bool, expr: Expr) -> str:
        operator = f"∂/∂{wrt}" if partial else f"d/d{wrt}"
        return f"{operator}[{self.raw(expr)}]"

    def df(self, function: str, wrt: str, partial: bool) -> str:
        return f"∂{function}/∂{wrt}" if partial else f"{function}′"

    def symbol(self, name: str, function: str) -> str:
        return {"grad": f"∇{function}", "alpha": "α"}[name]

    def tangent_form(self, function: str, variables: Sequence[str], height: object) -> str:
        """The lesson's tangent plane before the numbers go in, z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b);
        a tangent line's in one variable, y = f(a) + f′(a)(x − a). One formula: in LaTeX, maths throughout."""
        minus, prime = ("-", "'") if self.latex else ("−", "′")
        places = "ab"[:len(variables)]
        at = ", ".join(places)
        if len(variables) == 1:
            slopes = f"{function}{prime}(a)({variables[0]} {minus} a)"
        else:
            slopes = " + ".join(f"{function}_{{{v}}}({at})({v} {minus} {p})" if self.latex else
                                f"{function}_{v}({at})({v} {minus} {p})" for v, p in zip(variables, places))
        return f"{self.raw(height)} = {function}({at}) + {slopes}"

    def escape(self, text: str) -> str:
        return text

    def finished(self, sentence: str) -> str:
        return sentence


_MATHS_APART = re.compile(r"(?<!\\)\$([^$]+)(?<!\\)\$(\s*=?\s*)\$([^$]+)(?<!\\)\$")  # $a$ = $b$, $y$ $\cdot$
def _between(left: str, right: str) -> str:
    """What joins two math spans that touch: a space after a command before a letter (\\cdot f), else nothing (f')."""
    return " " if re.search(r"\\[A-Za-z]+$", left) and right[:1].isalpha() else ""


_SUBSCRIPTED = re.compile(r"(?<!\\)\$([^$]+)(?<!\\)\$\\_((?:\$[A-Za-z0-9]\$)+)")  # $f$\_$x$$x$: f_xx
_NUMBER_AFTER = re.compile(r"(?<!\\)\$([^$]+)(?<!\\)\$ = (-?\d+(?:\.\d+)?)(?![\w$/^])")  # $a$ = 0.


class _Latex(_Text):
    """Text with $…$ maths; template text is escaped."""

    latex = True

    def wrap(self, text: str) -> str:
        return f"${text}$"

    def applied(self, wrt: str, partial: bool, expr: Expr) -> str:
        operator = rf"\frac{{\partial}}{{\partial {wrt}}}" if partial else rf"\frac{{d}}{{d{wrt}}}"
        return rf"{operator}\left[{self.raw(expr)}\right]"

    def df(self, function: str, wrt: str, partial: bool) -> str:
        return rf"\frac{{\partial {function}}}{{\partial {wrt}}}" if partial else f"{function}'"

    def symbol(self, name: str, function: str) -> str:
        return {"grad": rf"\nabla {function}", "alpha": r"\alpha"}[name]

    def escape(self, text: str) -> str:
        return latex_text(text)

    def finished(self, sentence: str) -> str:
        """Maths that runs on from one field to the next in one math span: `$a = b$`, `$y \\cdot \\frac…$`, and a
        number after '=' in it too, not `$a$ = $b$` nor `$a$ = 0` (outside check h54, N6)."""
        sentence = _SUBSCRIPTED.sub(lambda m: f"${m[1]}_{{{''.join(re.findall(r'[^$]', m[2]))}}}$", sentence)
        while True:  # a space where two spans touch: `$\cdot$$f$` is \cdot f, never the command \cdotf (h55, N1)
            joined = _MATHS_APART.sub(lambda m: f"${m[1]}{m[2] or _between(m[1], m[3])}{m[3]}$", sentence)
            joined = _NUMBER_AFTER.sub(r"$\1 = \2$", joined)
            if joined == sentence:
                return sentence
            sentence = joined


class _Fields:
    """Fills one template for one step."""

    def __init__(self, form: _Text, step: Step, state: dict):
        self.form, self.step, self.state = form, step, state

    def render(self, template: str) -> str:
        out = []
        for literal, name, spec, _ in string.Formatter().parse(template):
            out.append(self.form.escape(literal))
            if name is not None:
                out.append(self.field(name, spec or ""))
        return self.form.finished("".join(out))

    def value(self, name: str) -> object:
        if name == "before":
            return self.step.before
        if name == "after":
            return self.step.after
        for key, value in self.step.context:
            if key == name:
                return value
        if name in self.state:
            return self.state[name]
        raise KeyError(f"the template for {self.step.rule.value} needs '{name}'")

    def field(self, name: str, spec: str) -> str:
        # a field's name and spec say what its value is (wrt a name, a count's value a collection, a
        # verdict a key of VERDICTS): the casts below state that, as the step templates are written
        form, state = self.form, self.state
        if name in _alike_fields(self.step):  # m = 3/4 and b = 25/24, not m = 0.75 beside 25/24
            form = form.alike(self.value(name))
        if name in self.step.get("as_fractions", ()):  # b = 3/4 where the answer writes it so, beside 19/28
            form = type(form)(form.variables, False, True, self.step.get("decimals_kept", ()))
        if name == "d" or name.startswith("d_"):
            expr = self.step.before if name == "d" else self.value(name[2:])
            return form.wrap(form.applied(state["wrt"], state["partial"], expr))
        if name == "df":
            return form.wrap(form.df(state["function"], cast(str, self.value("wrt")), state["partial"]))
        if name == "f":
            return form.wrap(state["function"])
        if name in ("grad", "alpha"):
            return form.wrap(form.symbol(name, state["function"]))
        if name == "tangent_form":
            return form.wrap(form.tangent_form(state["function"], state["variables"], self.value("height")))
        if name == "slope_of_f":
            function = state["function"]
            several = len(state["variables"]) > 1
            return form.wrap(form.symbol("grad", function) if several else form.df(function, "", False))
        value = self.value(name)
        if "|" in spec:
            one, many = spec.split("|", 1)
            single = value if isinstance(value, bool) else value == 1 if isinstance(value, int) \
                else len(cast(Sized, value)) == 1
            return form.escape(one if single else many)
        if spec == "sign":  # 4096/225 > 0; a 0 is just 0
            return form.wrap(form.raw(value) if value == 0 else f"{form.raw(value)} {_comparison(value, form.latex)}")
        if spec == "args":
            items = value if isinstance(value, tuple) else (value,)
            return form.wrap(form.brackets(", ".join(form.raw(v) for v in items)))
        if spec == "factor":
            text = form.raw(value)
            return form.wrap(form.brackets(text) if _negative_or_sum(value) else text)
        if spec in ("and", "or"):
            items = value if isinstance(value, tuple) else (value,)
            return and_list([form.math(v) for v in items], spec)  # x = 1, y = 0 and z = 1 (outside check h58)
        if spec == "places":  # values of one variable as the lesson lists them, x = -1, x = 1: not a point (-1, 1)
            items = value if isinstance(value, tuple) else (value,)
            if len(state["variables"]) == 1 and items and not any(isinstance(v, (tuple, Equation)) for v in items):
                return form.math(tuple((v,) for v in items))
            return form.math(value)
        if spec == "list":  # a, b and c
            return and_list([form.math(v) for v in cast(tuple, value)])
        if spec == "verdict":
            return self.render(VERDICTS[cast(str, value)])
        if spec == "verdicts":
            return self.render(PLURAL_VERDICTS[cast(str, value)])
        if name in ("constants", "variables", "parameters", "wrt", "coordinate"):
            names = (value,) if isinstance(value, str) else cast(Sequence[str], value)
            return and_list([form.math(symbol(n)) for n in names])
        if state["function"] != "f":
            # a reason the calculus wrote calls the function f ("f = 85 all along it"), and its second partials
            # f_xx: say its name, T_xx (outside check h35, F5: the feedback said T_xx, the steps f_xx)
            value = _renamed(value, state["function"])
        return form.math(value)


def _renamed(value: object, name: str) -> object:
    """`value` with the function called `name` where the calculus called it f: in a sentence, and in the names of
    its partials (f_xx)."""
    if isinstance(value, str):
        return re.sub(r"\bf(?=\b|_)", name, value)
    if isinstance(value, tuple):
        return tuple(_renamed(item, name) for item in value)
    if isinstance(value, Equation):
        return Equation(cast(Expr, _renamed(value.lhs, name)), cast(Expr, _renamed(value.rhs, name)))
    if isinstance(value, Expr):
        return value.xreplace({s: symbol(name + s.name[1:]) for s in value.free_symbols
                               if isinstance(s, Symbol) and s.name.startswith("f_")})
    return value


def _alike_fields(step: Step) -> tuple[str, ...]:
    """The fields of a step whose numbers are written alike (the step's context `alike`): values side by
    side, all as fractions where one has no terminating decimal, else all as decimals where one is."""
    return tuple(step.get("alike", ()))


def _comparison(value: Expr, latex: bool) -> str:
    if value == 0:
        return "= 0"
    if value.is_positive:
        return "> 0"
    if value.is_negative:
        return "< 0"
    # a root sympy can't place by its assumptions (f″ at 2.89162… of x⁴ − 2x² + 1/(x − 3)): decided exactly
    decided = sign(value) if not value.free_symbols else None
    if decided in (1, -1):
        return "> 0" if decided == 1 else "< 0"
    return r"\ne 0" if latex else "≠ 0"


def _negative_or_sum(value: object) -> bool:
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, float):
        return value < 0
    return isinstance(value, Expr) and (value.is_Add or value.could_extract_minus_sign())


def _sentence(form: _Text, step: Step, state: dict) -> str:
    return _Fields(form, step, state).render(step.rule.template)


def _inherit(step: Step, state: dict) -> dict:
    """What substeps need from above: the variables, the variable of differentiation, the notation.

    Partial-derivative notation (∂/∂x) is used exactly when there are several variables.
    """
    updates = {key: value for key, value in step.context
               if key in ("wrt", "partial", "function", "variables", "decimals")}
    if "variables" in updates and "partial" not in updates:
        updates["partial"] = len(updates["variables"]) > 1
    return {**state, **updates} if updates else state


_START = {"wrt": "x", "partial": False, "function": "f", "variables": (), "decimals": False}


def _written(step: Step) -> AbstractContextManager[None]:
    """Where a step says so (`fractions` in its context: a fit to data with no decimal point), its numbers
    and those of every step under it are written as fractions, tenths too (2/5, 9/10, not 0.4, 0.9)."""
    return numbers_written(Notation.FRACTIONS) if step.get("fractions", False) else nullcontext()


def _lines(step: Step, form_of, state: dict, depth: int, label: str,
           detail: bool = False) -> list[tuple[int, str, str, bool]]:
    """Each step's line: its depth, its label, its sentence, and whether it is a detail (under a step whose
    substeps are `details`: a rule worked as it is elsewhere, which the lesson's level leaves out)."""
    state = _inherit(step, state)
    with _written(step):
        form = form_of(state["variables"], state["decimals"])
        out = [(depth, label, _sentence(form, step, state), detail)]
        for i, sub in enumerate(step.substeps, start=1):
            out.extend(_lines(sub, form_of, state, depth + 1, f"{label}{i}." if label else f"{i}.",
                              detail or bool(step.get("details"))))
    return out


def render_text(step: Step, depth: int | None = None) -> str:
    """The derivation as numbered, indented lines of plain Unicode; with `depth`, only the steps
    that many levels deep or less (the lesson's level, without every rule inside them), and no detail."""
    every = _lines(step, _Text, _START, 0, "")
    lines = [(d, label, _cut_short(text) if depth is not None and d == depth and _has_more(every, i) else text)
             for i, (d, label, text, detail) in enumerate(every) if depth is None or d <= depth and not detail]
    return "\n".join(("   " * (d - 1) + f"{label} " if d else "") + text for d, label, text in lines)


def _has_more(lines: list[tuple[int, str, str, bool]], i: int) -> bool:
    """Whether the line at i has lines under it (the next one is deeper)."""
    return i + 1 < len(lines) and lines[i + 1][0] > lines[i][0]


def _cut_short(text: str) -> str:
    """A heading whose lines are left out ("Solve each case:") ends as a sentence: "Solve each case (…)."."""
    return text[:-1] + " (…)." if text.endswith(":") else text


def render_latex(step: Step) -> str:
    """The derivation as LaTeX: the first line, then nested enumerate environments."""
    lines = _lines(step, _Latex, _START, 0, "")
    out, depth_now = [lines[0][2]], 0
    for depth, _, text, _ in lines[1:]:
        while depth_now < depth:
            out.append("  " * depth_now + r"\begin{enumerate}")
            depth_now += 1
        while depth_now > depth:
            depth_now -= 1
            out.append("  " * depth_now + r"\end{enumerate}")
        out.append("  " * depth + r"\item " + text)
    while depth_now > 0:
        depth_now -= 1
        out.append("  " * depth_now + r"\end{enumerate}")
    return "\n".join(out)


def to_json(step: Step) -> dict:
    """The derivation as plain data: rule, sentences, before/after as Unicode maths, context, substeps."""
    return _json(step, _START)


def _json(step: Step, state: dict) -> dict:
    state = _inherit(step, state)
    with _written(step):
        return _json_here(step, state)


def _json_here(step: Step, state: dict) -> dict:
    text, latex = _Text(state["variables"], state["decimals"]), _Latex(state["variables"], state["decimals"])
    fields = _alike_fields(step)
    return {
        "rule": step.rule.value,
        "text": _sentence(text, step, state),
        "latex": _sentence(latex, step, state),
        "before": _plain(step.before, text.alike(step.before) if "before" in fields else text),
        "after": _plain(step.after, text.alike(step.after) if "after" in fields else text),
        "context": {key: _plain(value, text.alike(value) if key in fields else text) for key, value in step.context},
        "substeps": [_json(sub, state) for sub in step.substeps],
    }


def _plain(value: object, form: _Text) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return form.raw(value)
