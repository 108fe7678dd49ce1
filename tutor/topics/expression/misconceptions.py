"""Misconceptions about a question written by hand, where its author says what it is about.

An `expression` exercise's answer is written by its author, so the tutor does not know how it is
derived, unless the author gives the function, the point (and a learning rate) the question is
about. Then the expected answer is recognised as one of the lesson's quantities of that function at
that point, and the mistakes of the kind that asks for it apply, composed the same way:

- its value f(a, b): a slip in putting the point in, the constant left out at the origin, a
  partial derivative or the gradient given instead;
- its gradient ∇f(a, b), or −∇f(a, b), the direction of steepest descent: the sign the wrong way
  round, the components swapped, any derivative misconception in one partial, the point not put
  in, the point itself given, f's value given, another vector in its direction (the unit vector, or
  any positive multiple: the question asks for the vector, and the student is told that theirs points
  the right way);
- one descent step from it at the rate: every gradient-descent misconception (tutor/topics/
  gradient_descent).

An answer that is none of these names no catalogued mistake; the author's `mistakes:` still apply.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from functools import partial

import sympy
from sympy import Expr

from ...calculus.partials import diff
from ...compare import Context, compare
from ...evaluate import TooLarge, Uncertain, Undefined, Unsupported, compile_expression, to_float
from ...misconceptions import Candidate, Componentwise, Option, Pattern, Tiered, WrongAnswer, at_point
from ...misconceptions.derivatives import MISCONCEPTIONS as DERIVATIVES
from ...misconceptions.points import MISCONCEPTIONS as POINTS
from ...misconceptions.points import place_words, value_slips
from ...parse import Answer, Shape, Spellings, symbol
from ...show import show, show_float
from ..gradient.misconceptions import MISCONCEPTIONS as GRADIENT
from ..gradient.misconceptions import component_options, partials_text, swapped
from ..gradient_descent.exercise import GradientDescent
from ..gradient_descent.misconceptions import candidates as descent_candidates
from .asked import Asked, asked
from .exercise import About, Expression


def candidate_names(problem: Expression) -> tuple[str, ...]:
    """The names its candidates may read an answer with beyond the exercise's own: the variables of the
    function the question is about (∇f not evaluated at the point)."""
    return () if problem.about is None else tuple(problem.about.variables)


def candidates(problem: Expression) -> list[Candidate] | Tiered:
    about = problem.about
    what = asked(problem)
    if about is None or what is None:
        return []
    if what == Asked.VALUE:
        return _value(about)
    if what == Asked.STEP and about.rate is not None:
        descent = GradientDescent(function=about.function, variables=about.variables, name=about.name,
                                  start=about.at, rate=about.rate, iterations=1)
        tiers = descent_candidates(descent)
        return Tiered(tiers.first, lambda: [c for c in tiers.pairs() if not _two_sizes(c, len(about.variables))])
    return _gradient(about, downhill=what == Asked.DOWNHILL)


# the mistakes that only change how far one step in one variable goes: in f′(x₀), in α, in the count
_SIZE = frozenset({*DERIVATIVES, "function-for-derivative", "rate-applied-twice", "rate-not-applied", "rate-divided",
                   "iterations-off-by-one"})


def _two_sizes(candidate: Candidate, variables: int) -> bool:
    """Two mistakes that each only change how far one step in one variable goes. Together they are just
    another distance, which with the round numbers of a question written by hand is as likely a slip in
    the arithmetic (3 − 0.6 as 2.6): such a pair is not named. One of them with a step uphill, or with
    the step or the slope given for the point, still is."""
    ids = {s.misconception for s in getattr(candidate, "said", ())}
    return variables == 1 and len(ids) == 2 and ids <= _SIZE


def _value(about: About) -> list[Candidate]:
    f, variables, point, name = about.function, about.variables, about.at, about.name
    right = at_point(f, variables, point)
    found: list[Candidate] = [WrongAnswer.of([slip], Answer(Shape.NUMBER, wrong))
                              for slip, wrong in value_slips(f, variables, point, name)]
    slopes = [(f"∂{name}/∂{v}" if len(variables) > 1 else f"{name}′", at_point(diff(f, symbol(v)), variables,
                                                                               point)) for v in variables]
    words = {"f": name, "right": show(right), **place_words(point)}
    found += [WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=what, **words)], Answer(Shape.NUMBER, slope))
              for what, slope in slopes if slope is not None]
    if len(variables) > 1 and all(slope is not None for _, slope in slopes):
        found.append(WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=f"∇{name}", **words)],
                                    Answer(Shape.VECTOR, tuple(s for _, s in slopes if s is not None)), variables=()))
    return found


def _gradient(about: About, downhill: bool) -> list[Candidate]:
    """∇f or −∇f at the point, one component at a time: each right or what a derivative
    misconception makes of it; then the mistakes about the whole vector."""
    f, variables, point, name = about.function, about.variables, about.at, about.name
    sign = -1 if downhill else 1
    grad = f"∇{name}" if len(variables) > 1 else f"{name}′"
    partials = partials_text(name, variables)
    args = place_words(point)["args"]
    options = tuple(tuple(Option(sign * o.value, o.said) for o in column)
                    for column in component_options(f, variables, name, point))
    right = tuple(column[0].value for column in options)
    if downhill:
        names = tuple(f"−∂{name}/∂{v}" for v in variables)
        opposite = GRADIENT["gradient-negated"].fill(
            given=f"{grad}{args}, which points uphill",
            reason=f"The direction of steepest descent is the other way: −{grad}{args}, each component's sign "
                   "changed.")  # not its value: the first miss does not give the answer away
    else:
        names = tuple(f"∂{name}/∂{v}" for v in variables)
        opposite = GRADIENT["gradient-negated"].fill(given=f"−{grad}, the direction of steepest descent",
                                                     reason=f"{grad} itself points uphill: ({partials}).")
    negated = tuple(tuple(Option(-o.value, o.said) for o in column) for column in options)
    found: list[Candidate] = []
    if len(variables) > 1:
        found += [Componentwise(options, names), Componentwise(negated, names, (opposite,))]
        crossed = GRADIENT["components-swapped"].fill(f=name, partials=partials)
        found += [Componentwise(swapped(options), names, (crossed,)),
                  Componentwise(swapped(negated), names, (opposite, crossed))]
    else:
        found += [WrongAnswer.of(o.said, Answer(Shape.NUMBER, o.value)) for o in options[0][1:]]
        found.append(WrongAnswer.of([opposite], Answer(Shape.NUMBER, -right[0])))
    unevaluated = tuple(sign * diff(f, symbol(v)) for v in variables)
    found.append(WrongAnswer.of([POINTS["not-evaluated"].fill(what=("−" if downhill else "") + grad,
                                                               point=place_words(point)["point"],
                                                               value="vector" if len(variables) > 1 else "number")],
                                Answer(Shape.VECTOR if len(variables) > 1 else Shape.EXPRESSION,
                                       _shown(unevaluated)), variables=tuple(variables)))
    if len(variables) > 1:
        found.append(Pattern("parallel-vector", Shape.VECTOR, partial(_parallel, right, f"{'−' * downhill}{grad}{args}",
                                                                      f"|{grad}{args}|"), variables=()))
    if len(variables) > 1 and tuple(point) != right:
        shown = place_words(point)["point"]
        found.append(WrongAnswer.of([POINTS["gave-the-point"].fill(
            point=shown, asked=f"{'−' * downhill}{grad}{args}",
            what=f"{'minus ' * downhill}the vector of the partial derivatives", partials=", ".join(names))],
            Answer(Shape.VECTOR, tuple(point)), variables=()))
    value = at_point(f, variables, point)
    if value is not None:
        found.append(WrongAnswer.of([POINTS["gave-function-value"].fill(f=name, point=place_words(point)["point"])],
                                    Answer(Shape.NUMBER, sign * value), variables=()))
    return found


def _parallel(right: tuple[Expr, ...], asked: str, length: str, got: Answer, ctx: Context) -> str | None:
    """For an answer that is the vector asked for times a positive number other than 1 (the unit vector
    in its direction, or a shorter or longer one): that it points the right way, and what was asked."""
    value = got.value
    if not isinstance(value, tuple) or len(value) != len(right) or any(c.free_symbols for c in value):
        return None
    k = next((i for i, r in enumerate(right) if r != 0), None)
    if k is None:
        return None
    scale = value[k] / right[k]
    try:
        if not to_float(compile_expression(scale, ())(()).value) > 0:
            return None
    except (Undefined, Unsupported, TooLarge, Uncertain, ArithmeticError):
        return None
    if got.spellings:  # decimals: the right direction (and length) rounded to the places typed
        halves = _half_places(value, got.spellings)
        if halves is None:
            return None
        mine, wanted = [float(c) for c in value], [float(r) for r in right]
        width = math.hypot(*wanted)
        scales = _scales(mine, wanted, halves)
        if scales is None:
            return None
        unit = all(abs(a - r / width) <= half * (1 + 1e-9) for a, r, half in zip(mine, wanted, halves))
        times = f"about {show_float(round(sum(scales) / 2, 4))}" if scales[0] != scales[1] else show_float(scales[0])
    else:
        if not compare(got, Answer(Shape.VECTOR, tuple(scale * r for r in right)), ctx).correct:
            return None  # not in the same direction
        unit = compare(Answer(Shape.NUMBER, scale), Answer(Shape.NUMBER, 1 / sympy.sqrt(sum(r**2 for r in right))),
                       ctx).correct
        times = show(scale)
    yours = f"the unit vector {asked}/{length}" if unit else f"{asked} times {times}"
    return GRADIENT["parallel-vector"].say(asked=asked, yours=yours)


def _half_places(value: Sequence[Expr], spellings: Spellings) -> list[float] | None:
    """How far each component may be from what it rounds: half its last place where it was typed as a
    decimal, 0 where exact; None where a component is not a plain number."""
    typed = dict(spellings)
    halves = []
    for c in value:
        if not c.is_Rational:
            return None
        text = typed.get(abs(Fraction(int(c.p), int(c.q))))
        halves.append(0.5 * 10.0 ** -len(text.partition(".")[2]) if text else 0.0)
    return halves


def _scales(mine: Sequence[float], wanted: Sequence[float], halves: Sequence[float]) -> tuple[float, float] | None:
    """The s > 0 that put s·wanted within the rounding of every component of mine, (lowest, highest);
    None where there are none."""
    low, high = 0.0, math.inf
    for a, r, half in zip(mine, wanted, halves):
        slack = half * (1 + 1e-9) + 1e-12 * abs(a)
        if r == 0:
            if abs(a) > slack:
                return None
            continue
        ends = sorted(((a - slack) / r, (a + slack) / r))
        low, high = max(low, ends[0]), min(high, ends[1])
    return (low, high) if low < high or (low == high and low > 0) else None


def _shown(values: Sequence[Expr]) -> Expr | tuple[Expr, ...]:
    return values[0] if len(values) == 1 else tuple(values)
