"""Misconceptions about minimising f(x): f′ = 0 set up or solved wrongly, or the wrong thing given.

- f′ = 0 solved with a wrong derivative (every derivative misconception, carried through to x);
- f′ = 0 solved wrongly: eˣ = c as x = c, x = eᶜ or with log base 10; a·x = b as x = a/b; ln x = 0
  for f′ = 0; f = 0 for f′ = 0;
- the wrong thing given: the minimum value, f′ itself, f″, a critical point that is a local maximum
  (or, in two variables, a saddle point), another local minimum above the least one, which `local_minima`
  names too.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import sympy
from sympy import Expr

from ...calculus import CriticalPoint, CriticalPoints, Nature, SolveError, classify, critical_points
from ...calculus.partials import diff
from ...calculus.roots import compare, rational_polynomial, real_roots
from ...misconceptions import Misconception, Said, WrongAnswer, at_point, register
from ...misconceptions.derivatives import wrong_derivatives
from ...misconceptions.solving import MISCONCEPTIONS as SOLVING
from ...parse import Answer, Shape, symbol
from ...show import show
from ..base import FunctionProblem, typeable
from ..solution import approx
from .exercise import Minimize

MISCONCEPTIONS = register(
    Misconception(
        "gave-minimum-value", "gave the minimum value instead of where it is",
        "It looks like you gave the minimum value {value} of {f}, not the {x} where it is reached."),
    Misconception(
        "gave-second-derivative", "gave f″ instead of where f′ is zero",
        "It looks like you gave the second derivative, {second}. The minimum is at the {x} where "
        "{f}′({x}) = 0."),
    Misconception(
        "exp-equation-wrong", "solved eᵘ = c wrongly",
        "It looks like you solved {equation} as {x} = {wrong}. Take the natural logarithm of both sides: "
        "{x} = {right}."),
    Misconception(
        "log-term-set-zero", "set ln x = 0 instead of f′ = 0",
        "It looks like you set {log} = 0. The minimum is where the slope is zero: solve {f}′({x}) = 0."),
    Misconception(  # local_minima names it too, and of a list of every critical point in its own words
        "maxima-counted-as-minima", "counted a maximum or saddle point as a minimum",
        "It looks like you gave a critical point that is {nature}: {test}. A local minimum has {wanted}."),
    Misconception(  # local_minima names it too
        "local-taken-for-global", "took a local minimum for the global one",
        "It looks like you gave a local minimum that is not the lowest: {name} is {higher} there but only "
        "{lowest} at the global minimum. Compare the values at every local minimum."),
)

NOT_MINIMA = {Nature.MAXIMUM: "a local maximum", Nature.SADDLE: "a saddle point"}

_MAX_ROOTS = 3


def candidates(problem: Minimize) -> list[WrongAnswer]:
    (x,) = problem.variables
    f, name = problem.function, problem.name
    v = symbol(x)
    result = problem.solution
    place = result.point if result.exact else sympy.Float(result.approx, 15)
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    slope = diff(f, v)
    equation = f"{name}′({x}) = 0"
    found: list[WrongAnswer] = []

    def add(said: Said, value: Expr | None) -> None:
        if value is not None:
            found.append(WrongAnswer.of([said], Answer(Shape.NUMBER, value)))

    value = at_point(f, (x,), (place,))
    if value is not None:
        shown = show(value) if value.is_Rational else show(sympy.Float(value.evalf(10), 6))
        # a root with no radical form under a root (√ of a CRootOf, √x + (x − 2)²'s) has no value the diagnosis table
        # can work out: typed as 15 digits, as the key's x is (outside check h46, N7: 1.3814 went unnamed)
        add(say["gave-minimum-value"](value=shown, f=name, x=x), typeable(value))
    linear = sympy.Poly(slope, v) if slope.is_polynomial(v) else None
    if linear is not None and linear.degree() == 1 and linear.TC() != 0 and place.is_Rational:
        # 2x + 4 = 0 solved as x = 2: the slip of a student solving f′ = 0, said before f″ = 2, which it may equal
        add(SOLVING["solved-with-sign-lost"].fill(equation=f"{show(slope, (x,))} = 0",
                                                 values=f"{x} = {show(place)}, not {show(-place)}"), -place)
    if result.exact and place.is_Rational and place not in (0, 1, -1):
        # f′ = 0 solved with the division the wrong way round, as soon: 1 − 4/x = 0 as x = 1/4 was said after f″ at
        # the minimum (4/x² there) and a wrong derivative of -4 ln x, and went unsaid (outside check h18, F2)
        add(SOLVING["divided-wrong-way"].fill(solved=equation, values=f"{x} = {show(place)}, not {show(1 / place)}"),
            1 / place)
    curvature = sympy.diff(f, v, 2)
    second = at_point(curvature, (x,), (place,))
    if second is not None:
        # the answer is f″ at the minimum: f″ = 12 where f″ is a number, else f″ itself and its value there
        quoted = (f"{name}″ = {show(second)}" if not curvature.has(v) else
                  f"{name}″({x}) = {show(curvature, (x,))}, which is {show(second)} at the minimum")
        add(say["gave-second-derivative"](f=name, second=quoted, x=x), second)
    # a polynomial's critical points are all found exactly, with no time limit (as minimize finds its minima);
    # another function's are the zeros of f′ its minimum was found among, where they are every one
    if rational_polynomial(f, [v]) is not None:
        for point, said in not_minima(problem, critical_points(f, [x])):
            add(said, typeable(point[0]))
    elif result.pieces is not None:  # max(0, 1 - x²): stretch by stretch (0, where f has its local maximum 1); where
        # f is flat, a minimum has f″ = 0, not f″ > 0
        for point, said in not_minima(problem, _classified(f, x, result.zeros), flat=bool(result.level)):
            add(said, typeable(point[0]))
    elif result.complete:  # every zero of f′ solved, as the minimum was: √x + (x − 2)²'s maximum 0.015876…, and
        # x^(5/3) − 5x^(2/3)'s cusp maximum 0, where f′ has no value (outside check h48, N6)
        for point, said in not_minima(problem, _every_critical(f, x, result.zeros)):
            add(said, typeable(point[0]))
    elif result.verified:  # minima found numerically: the zeros of f′ shown exactly (0 for cos x + x²/10),
        # classified; the few nearest the minimum (|sin x| has one every π/2)
        nearest = sorted(result.verified, key=lambda z: abs(float(z.point) - result.approx))[:_MAX_ROOTS]
        classified = CriticalPoints(tuple(z.critical for z in nearest), (), False, "")
        for point, said in not_minima(problem, classified):
            add(said, typeable(point[0]))
    if result.is_global and result.exact:  # another local minimum, higher: found first, and taken for the least
        for other in result.minima:
            if other.exact and other.point != place and _above(other.value, result.value):
                add(say["local-taken-for-global"](name=name, higher=show(other.value), lowest=show(result.value)),
                    typeable(other.point))
    for wrong in wrong_derivatives(f, x, (x,), name, pairs=False):
        for root in _real_roots(wrong.derivative, x):
            found.append(WrongAnswer.of(wrong.said, Answer(Shape.NUMBER, root)))
    if result.exact:
        found += _solved_wrongly(problem, place, slope)
    for root in _real_roots(f, x):
        add(SOLVING["solved-function-zero"].fill(f=f"{name}({x})", equation=equation), root)
    found.append(WrongAnswer.of([SOLVING["derivative-not-solved"].fill(derivative=f"{name}′({x})", equation=equation)],
                                Answer(Shape.EXPRESSION, slope), variables=(x,)))
    return found


def not_minima(problem: FunctionProblem, found: CriticalPoints, flat: bool = False
               ) -> list[tuple[tuple[Expr, ...], Said]]:
    """The critical points of f (one or two variables) that are local maxima or saddle points, each with
    what a student who gives it for a local minimum is told: the second-derivative test's numbers there
    or, where the test can't decide, what f's values say (tutor.calculus's classification, not redone).
    `flat`: f is constant on a stretch, whose minima have f″ = 0, so what a minimum has is said by values."""
    name, variables = problem.name, problem.variables
    if len(variables) > 2:  # the sentences speak of f″, or of D and f_xx
        return []
    second = f"{name}_{variables[0] * 2}"
    named = []
    for p in found.points:
        nature, test = p.nature, p.classification
        if nature not in NOT_MINIMA:
            continue
        where = problem.point_text(p.point) + (approx(p.point[0]) if len(p.point) == 1 else "")
        if test.label != nature and p.by_values is not None:  # the test is inconclusive; the values decide
            why = (f"at {where} the second-derivative test does not decide, but the values of {name} do: "
                   f"{p.by_values.reason}")
            wanted = "no smaller values near it"
        elif len(variables) == 1:
            why, wanted = f"at {where}, {name}″ = {_shown(problem, test.D)} < 0", f"{name}″ > 0"
            if flat:
                wanted = f"no smaller values of {name} near it"
        else:
            why = f"at {where}, D = {_shown(problem, test.D)} " + (
                "< 0" if nature == Nature.SADDLE else f"> 0 and {second} = {_shown(problem, test.fxx)} < 0")
            wanted = f"D > 0 and {second} > 0"
        named.append((p.point, MISCONCEPTIONS["maxima-counted-as-minima"].fill(
            nature=NOT_MINIMA[nature], test=why, wanted=wanted)))
    return named


def _every_critical(f: Expr, x: str, zeros: tuple[Expr, ...]) -> CriticalPoints:
    """f's critical points, where every one is found, cusps and corners too; else the zeros of f′, classified."""
    try:
        found = critical_points(f, [x])
    except SolveError:
        found = None
    return found if found is not None and found.complete else _classified(f, x, zeros)


def _classified(f: Expr, x: str, zeros: tuple[Expr, ...]) -> CriticalPoints:
    """Zeros of f′, each with the second-derivative test, those where it can't be made (f″ has no value) left out."""
    tested = []
    for zero in zeros:
        with contextlib.suppress(SolveError):
            tested.append(CriticalPoint((zero,), None, classify(f, [x], (zero,))))
    return CriticalPoints(tuple(tested), (), True, "")


def _above(value: Expr, least: Expr) -> bool:
    """Whether a minimum's value is above the least one, shown exactly (not where they tie)."""
    try:
        return compare(value, least) > 0
    except SolveError:
        return False


def _shown(problem: FunctionProblem, value: Expr) -> str:
    """A number of the test, exact and, where that does not show its size at once (6 - 6√3), roughly."""
    return problem.show(value) + approx(value)


def _solved_wrongly(problem: Minimize, place: Expr, slope: Expr) -> list[WrongAnswer]:
    """The right f′ = 0, solved with a slip: the logarithm of eᵘ = c, ln x = 0 (a division the wrong way round is
    `candidates`' own, said sooner)."""
    (x,) = problem.variables
    name = problem.name
    v = symbol(x)
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    found = []
    for step in _one_atom_steps(slope, x):
        # from the c of eᵘ = c itself, not from the answer's simplified ln c: for eˣ = 9 the slip is e⁹,
        # where 2 ln(3) would give 2e³, which no student writes
        if not isinstance(step.atom, sympy.exp) or sympy.exp(sympy.expand(step.a * place + step.b)) != step.value:
            continue
        equation = f"{show(step.atom)} = {show(step.value)}" if step.atom.args[0] == v else f"{name}′({x}) = 0"
        c = step.value
        for inside in (c, sympy.exp(c), sympy.log(c) / sympy.log(10)):
            wrong = step.solved(inside)
            said = say["exp-equation-wrong"](equation=equation, wrong=show(wrong), right=show(step.root), x=x)
            found.append(WrongAnswer.of([said], Answer(Shape.NUMBER, wrong)))
    for log in problem.function.atoms(sympy.log):
        for root in _real_roots(log.args[0] - 1, x):
            found.append(WrongAnswer.of([say["log-term-set-zero"](log=show(log, (x,)), f=name, x=x)],
                                        Answer(Shape.NUMBER, root)))
    return found


@dataclass(frozen=True)
class _AtomStep:
    """One step of solving an equation in one eᵘ or ln u by hand, u = a·x + b: the atom equals `value`
    (eˣ − 3 = 0: eˣ = 3)."""

    atom: Expr
    value: Expr
    a: Expr
    b: Expr

    def solved(self, inside: Expr) -> Expr:
        """x where u = inside."""
        return (inside - self.b) / self.a

    @property
    def root(self) -> Expr:
        """x, the atom undone the right way: u = ln(value) for eᵘ, u = e^value for ln u."""
        return self.solved(sympy.log(self.value) if isinstance(self.atom, sympy.exp) else sympy.exp(self.value))


def _real_roots(expr: Expr, x: str) -> list[Expr]:
    """Where expr is zero, exactly, by the steps a student takes by hand: a rational polynomial's
    real roots, or a polynomial in one eᵘ or ln u with u linear (eˣ − 3 = 0: eˣ = 3, x = ln 3);
    else nothing. Bounded by the equation's own degree, never by time, so that an exercise gets the
    same candidates on a loaded machine as on an idle one."""
    v = symbol(x)
    if not expr.has(v):
        return []
    if expr.is_polynomial(v):  # most wrong derivatives: the roots without putting it over one denominator
        poly = rational_polynomial(expr, [v])
        if poly is not None:
            return list(real_roots(poly))[:_MAX_ROOTS]
    numerator = sympy.fraction(sympy.together(expr))[0]
    if rational_polynomial(numerator, [v]) is not None:
        return list(real_roots(numerator, v))[:_MAX_ROOTS]
    return [step.root for step in _one_atom_steps(numerator, x)]


def _one_atom_steps(expr: Expr, x: str) -> list[_AtomStep]:
    """expr = 0 as a polynomial in one eᵘ or ln u with u linear, solved for that atom: one step per
    real value it may take (eᵘ never one ≤ 0); [] where expr is not of that form."""
    v = symbol(x)
    numerator = sympy.fraction(sympy.together(expr))[0]
    atoms = [a for a in numerator.atoms(sympy.exp, sympy.log) if a.has(v)]
    if len(atoms) != 1 or not atoms[0].args[0].is_polynomial(v):
        return []
    (atom,) = atoms
    inside = sympy.Poly(atom.args[0], v)
    u = sympy.Dummy("u")
    in_u = numerator.xreplace({atom: u})
    if in_u.has(v) or inside.degree() != 1 or rational_polynomial(in_u, [u]) is None:
        return []
    a, b = inside.all_coeffs()
    steps = [_AtomStep(atom, value, a, b) for value in real_roots(in_u, u)
             if not isinstance(atom, sympy.exp) or value.is_positive]  # eᵘ is never zero or negative
    return steps[:_MAX_ROOTS]
