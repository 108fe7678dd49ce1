"""Building a variant does less work than it did, and gives what it gave: each shortcut taken in
building (a derivative's terms remembered, ...) is checked here against the computation it replaces,
written out as it was, on random functions and on the drills pack's own draws."""

from __future__ import annotations

import contextlib
import importlib
import itertools
import math
from unittest import mock

import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.calculus import critical, critical_points, factor_cases, minimize, partials, roots
from tutor.calculus.cost import line_cost, mean_cost_step
from tutor.calculus.factor_cases import as_equation
from tutor.calculus.least_squares import NormalEquations, fit_line
from tutor.calculus.partials import derivative
from tutor.calculus.roots import rational_polynomial
from tutor.errors import TutorError
from tutor.evaluate import compile_expression
from tutor.parse import Answer, Shape, symbol
from tutor.show import show
from tutor.topics.base import typeable
from tutor.topics.local_minima.exercise import Ask

SETTINGS = {"derandomize": True, "deadline": None, "suppress_health_check": [HealthCheck.too_slow],
            "max_examples": 60}

minimize_module = importlib.import_module("tutor.calculus.minimize")  # the package exports its function

x, y, a = symbol("x"), symbol("y"), symbol("a")  # the tutor's symbols: real
_ATOMS = [x, y, x * y, x - a, y + 2, sympy.exp(2 * x), sympy.log(x), sympy.sin(3 * x), sympy.cos(y), x / (x + 1)]


def terms():
    return st.tuples(st.integers(-6, 6), st.sampled_from(_ATOMS), st.integers(1, 4), st.integers(0, 3)).map(
        lambda t: t[0] * t[1] ** t[2] * x ** t[3])


def functions():
    return st.lists(terms(), min_size=1, max_size=5).map(lambda ts: sympy.Add(*ts).xreplace({a: 3}))


def derivative_as_it_was(f: sympy.Expr, wrt: str) -> sympy.Expr:
    """partials.derivative before its terms' derivatives were remembered."""
    v = symbol(wrt)
    return sympy.Add(*(partials._tidy(sympy.diff(term, v)) for term in sympy.Add.make_args(f)))


@settings(**SETTINGS)
@given(functions(), st.sampled_from(["x", "y"]))
def test_a_derivative_is_the_one_computed_afresh(f: sympy.Expr, wrt: str) -> None:
    first, again = derivative(f, wrt), derivative(f, wrt)  # computed, then remembered
    expected = derivative_as_it_was(f, wrt)
    assert first == again == expected
    assert show(first) == show(again) == show(expected)


def test_second_derivatives_are_those_of_the_first() -> None:
    f = x**2 * y**3 + 4 * x * y - sympy.exp(x * y)
    fx = derivative(f, "x")
    assert derivative(fx, "y") == derivative_as_it_was(derivative_as_it_was(f, "x"), "y")


def rational_polynomial_as_it_was(expr: sympy.Expr, gens: list[sympy.Symbol]) -> sympy.Poly | None:
    """roots.rational_polynomial before the Poly was remembered."""
    try:
        poly = sympy.Poly(expr, *gens)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    return poly.retract() if poly.domain != sympy.QQ else poly


@settings(**SETTINGS)
@given(functions(), st.sampled_from([[x], [x, y], [y, x]]))
def test_a_polynomial_is_the_one_made_afresh(f: sympy.Expr, gens: list[sympy.Symbol]) -> None:
    for expr in (f, sympy.expand(f)):
        first, again = rational_polynomial(expr, gens), rational_polynomial(expr, tuple(gens))
        expected = rational_polynomial_as_it_was(expr, gens)
        assert first == again == expected
        if expected is not None:
            assert first.domain == expected.domain and first.gens == expected.gens


def polynomials():
    """Rational polynomials as packs write them: sums of products of powers of sums, not multiplied out."""
    number = st.builds(sympy.Rational, st.integers(-9, 9), st.integers(1, 4))
    linear = st.builds(lambda c, d, e: c + d * x + e * y, number, number, number)
    factor = st.builds(lambda base, k: base**k, st.one_of(linear, st.sampled_from([x, y, x * y])), st.integers(0, 5))
    term = st.builds(lambda c, fs: c * sympy.Mul(*fs), number, st.lists(factor, max_size=3))
    return st.lists(term, min_size=1, max_size=4).map(lambda ts: sympy.Add(*ts))


def same_polynomial(expr: sympy.Expr, gens: list[sympy.Symbol]) -> None:
    made, expected = rational_polynomial(expr, gens), rational_polynomial_as_it_was(expr, gens)
    assert (made is None) == (expected is None)
    if expected is not None:
        assert (made.rep, made.gens, made.domain) == (expected.rep, expected.gens, expected.domain)


@settings(**SETTINGS)
@given(polynomials(), st.sampled_from([[x], [x, y], [y, x], [y]]))
def test_a_polynomial_multiplied_out_is_the_poly_sympy_makes(f: sympy.Expr, gens: list[sympy.Symbol]) -> None:
    """From its terms, without sympy's expanding: the same coefficients, generators and domain."""
    same_polynomial(f, gens)
    same_polynomial(f * sympy.exp(x), gens)  # not a polynomial: sympy decides, as before
    same_polynomial(f + sympy.Float(0.5) * x, gens)


def test_the_drills_functions_are_the_polys_sympy_makes() -> None:
    """Each function of the drills pack's draws, and its partial derivatives, in its variables."""
    pack = packs.load("drills")
    for spec in pack.exercises:
        for params in dict.fromkeys(spec.drawn_values(key) for key in range(40)):
            try:
                problem = spec.with_values(params).problem
            except TutorError:
                continue
            f = getattr(problem, "function", None)
            if not isinstance(f, sympy.Expr):
                continue
            syms = [symbol(v) for v in problem.variables]
            for expr in (f, *(sympy.diff(f, v) for v in syms)):
                for gens in (syms, syms[:1]):
                    same_polynomial(expr, gens)


# ------------------------------------------------------------ costs multiplied out without sympy.expand

M, B = symbol("m"), symbol("b")


def rationals():
    return st.fractions(min_value=-20, max_value=20, max_denominator=12).map(sympy.Rational)


def data_points():
    return st.lists(st.tuples(rationals(), rationals()), min_size=1, max_size=6)


def line_cost_gradient_as_it_was(points) -> tuple[sympy.Expr, sympy.Expr]:
    data = [(sympy.Rational(x), sympy.Rational(y)) for x, y in points]
    slots = [sum((x**2 for x, _ in data), sympy.Integer(0)) * M**2, len(data) * B**2,
             sum((y**2 for _, y in data), sympy.Integer(0)),
             2 * sum((x for x, _ in data), sympy.Integer(0)) * M * B,
             -2 * sum((x * y for x, y in data), sympy.Integer(0)) * M,
             -2 * sum((y for _, y in data), sympy.Integer(0)) * B]
    E = sympy.Add(*(term for term in slots if term != 0))
    return sympy.expand(sympy.diff(E, M)), sympy.expand(sympy.diff(E, B))


def mean_cost_as_it_was(points, average: bool) -> tuple[sympy.Expr, tuple[sympy.Expr, sympy.Expr]]:
    data = [(sympy.Rational(x), sympy.Rational(y)) for x, y in points]
    n = len(data)
    L = sympy.expand(sympy.Add(*((M * x + B - y) ** 2 for x, y in data)) / (2 * n if average else 1))
    return L, (sympy.expand(sympy.diff(L, M)), sympy.expand(sympy.diff(L, B)))


def same(a: sympy.Expr, b: sympy.Expr) -> bool:
    return a == b and sympy.srepr(a) == sympy.srepr(b) and show(a) == show(b)


@settings(**SETTINGS)
@given(data_points())
def test_the_cost_of_a_line_is_the_one_sympy_multiplied_out(points) -> None:
    cost = line_cost(points)
    assert all(same(a, b) for a, b in zip(cost.gradient, line_cost_gradient_as_it_was(points)))


@settings(**SETTINGS)
@given(data_points(), st.booleans(), rationals())
def test_the_mean_cost_step_is_the_one_sympy_multiplied_out(points, average: bool, rate) -> None:
    step = mean_cost_step(points, (0, 1), abs(rate) + 1, average)
    L, gradient = mean_cost_as_it_was(points, average)
    assert same(step.cost, L)
    assert all(same(a, b) for a, b in zip(step.gradient, gradient))


def normal_cost_as_it_was(system: NormalEquations) -> sympy.Expr:
    theta = [symbol(p) for p in system.parameters]
    k = len(theta)
    quadratic = sum(system.matrix[i][j] * theta[i] * theta[j] for i in range(k) for j in range(k))
    return sympy.expand(quadratic - 2 * sum(c * t for c, t in zip(system.rhs, theta)) + system.sum_y2)


@settings(**SETTINGS)
@given(st.integers(1, 3).flatmap(lambda k: st.tuples(
    st.lists(st.lists(rationals(), min_size=k, max_size=k), min_size=k, max_size=k),
    st.lists(rationals(), min_size=k, max_size=k), rationals())))
def test_the_least_squares_cost_is_the_one_sympy_multiplied_out(numbers) -> None:
    matrix, rhs, yy = numbers
    names = ("m", "b")[: len(rhs)] if len(rhs) <= 2 else tuple(f"w_{i + 1}" for i in range(len(rhs) - 1)) + ("b",)
    for A in (matrix, [[matrix[min(i, j)][max(i, j)] for j in range(len(rhs))] for i in range(len(rhs))]):
        system = NormalEquations(names, tuple(map(tuple, A)), tuple(rhs), yy, 5)  # any A, and a symmetric one
        assert same(system.cost_function, normal_cost_as_it_was(system))


def test_the_drills_least_squares_and_costs_are_those_of_before() -> None:
    """Every draw of the drills pack's cost and least-squares exercises that a small space allows."""
    for points in itertools.product(*[[(x, y) for y in range(0, 10, 3)] for x in (1, 2, 3)]):
        fit = fit_line(points)
        assert same(fit.cost_function, normal_cost_as_it_was(fit.system))
        assert all(same(a, b) for a, b in zip(line_cost(points).gradient, line_cost_gradient_as_it_was(points)))
        step = mean_cost_step(points, (0, 0), sympy.Rational(1, 10))
        assert same(step.cost, mean_cost_as_it_was(points, True)[0])


# ------------------------------------------------------------ critical points: a variant's partials and factors


@settings(**SETTINGS)
@given(functions(), st.sampled_from([[x], [x, y], [y, x]]))
def test_a_factor_set_to_zero_is_the_equation_written_afresh(f: sympy.Expr, syms) -> None:
    for factor in (f, sympy.expand(f)):
        first, again = as_equation(factor, syms), as_equation(factor, tuple(syms))
        expected = factor_cases._as_equation.__wrapped__(factor, tuple(syms))  # computed afresh
        assert first == again == expected
        assert (show(first.lhs), show(first.rhs)) == (show(expected.lhs), show(expected.rhs))


def test_the_drills_critical_points_and_minima_are_those_computed_afresh(monkeypatch) -> None:
    """What building remembers (a term's derivative, a Poly, a partial's numerator, a factor's
    equation) is what computing afresh gives: the drills' critical points and minima, built with what
    other variants left behind, then again with nothing remembered, are the same."""
    draws = [(a, b) for a in range(-6, 7, 3) for b in range(-6, 7, 4)]
    two = [x**2 - y**2 + a_ * x + b_ * y for a_, b_ in draws] + [(x - a_)**2 + (y - b_)**2 for a_, b_ in draws]
    one = [a_ * x**2 - b_ * x + c for a_, b_ in draws if a_ > 0 for c in (0, 7)]

    def seen() -> list:
        found = []
        for f in two:
            points = critical_points(f, ["x", "y"])
            found.append((points, [(show(p.point), p.nature, p.classification.reason) for p in points.points]))
        for f in one:
            least = minimize(f, "x")
            found.append((least, show(least.point), show(least.derivative), least.note))
        return found

    remembered = seen()
    for module, name in ((partials, "_term_derivative"), (roots, "_rational_polynomial"),
                         (factor_cases, "numerator_of"), (critical, "numerator_of"), (factor_cases, "_as_equation")):
        monkeypatch.setattr(module, name, getattr(module, name).__wrapped__)  # each computed afresh
    assert seen() == remembered


def tidy_as_it_was(term: sympy.Expr) -> sympy.Expr:
    numerator, denominator = sympy.fraction(sympy.together(term))
    if denominator.free_symbols:
        return sympy.factor_terms(sympy.expand(numerator)) / denominator
    return sympy.factor_terms(term)


@settings(**SETTINGS)
@given(functions(), st.sampled_from([x, y]))
def test_a_derivative_is_tidied_as_before(f: sympy.Expr, v: sympy.Symbol) -> None:
    """A polynomial term skips together: it would have found no variable in a denominator."""
    for term in (*sympy.Add.make_args(f), *sympy.Add.make_args(sympy.diff(f, v)), sympy.diff(f, v) / 6):
        assert same(partials._tidy(term), tidy_as_it_was(term))


# ------------------------------------------------------------ minimize: is the least minimum global?

_ONE_VARIABLE = [x, x**2, x**3, sympy.exp(x), sympy.exp(-x / 2), sympy.exp(x**2), sympy.log(x), x * sympy.log(x),
                 sympy.sin(3 * x), sympy.cos(x), sympy.sqrt(x), sympy.cbrt(x), x ** sympy.Rational(2, 3),
                 1 / (x + 1), 1 / x**2, sympy.Abs(x - 2)]


def functions_of_x():
    """Sums of a few of f's usual pieces, with their poles, domains' edges and overflows."""
    term = st.tuples(st.integers(-9, 9), st.integers(1, 4), st.sampled_from(_ONE_VARIABLE)).map(
        lambda t: sympy.Rational(t[0], t[1]) * t[2])
    return st.lists(term, min_size=1, max_size=4).map(lambda ts: sympy.Add(*ts)).filter(lambda f: f.has(x))


def globally_as_it_was(f: sympy.Expr, least: minimize_module.LocalMinimum) -> tuple[bool | None, str]:
    """minimize._globally before the grid was enclosed in runs: f at every point of the grid."""
    bounded = minimize_module.bounded_below(f, [x])
    if bounded is False:
        return False, "this minimum is only local: f decreases without bound"
    if bounded:
        return True, ""
    if minimize_module._falls(f, x):  # an exact limit, before any grid (finding 180): not what the grid decides
        return False, "this minimum is only local: f decreases without bound"
    evaluate = minimize_module._evaluator(compile_expression(f, [x]))
    lowest, value = min(minimize_module._samples(evaluate), key=lambda sample: sample[1], default=(None, None))
    here = evaluate(least.point)
    if lowest is not None and here is not None and value < here - 1e-9 * (1 + abs(here)):
        return False, (f"this minimum is only local: f is smaller elsewhere, "
                       f"for example f({show(sympy.Float(lowest))}) ≈ {show(sympy.Float(value))}")
    # a pole where f falls to -∞, by an exact one-sided limit, where the grid shows nothing lower (finding 326)
    pole = minimize_module.falls_at_pole(f, x)
    return (False, f"this minimum is only local: {pole}") if pole else (None, "")


def at(point: sympy.Expr) -> minimize_module.LocalMinimum:
    """A least minimum at `point`, as _globally reads it (only the point)."""
    return minimize_module.LocalMinimum(point, float(point), sympy.Integer(0), True)


@settings(**{**SETTINGS, "max_examples": 25})  # each example evaluates f at every point of the grid
@given(functions_of_x(), st.integers(0, len(minimize_module._GRID) - 1), st.integers(-1, 1))
def test_below_the_grid_is_told_as_every_point_of_it_tells(f: sympy.Expr, index: int, step: int) -> None:
    """At the edge of the decision: below exactly a sample's value, one unit in the last place
    above or below it, and a wide margin away."""
    compiled = compile_expression(f, [x])
    evaluate = minimize_module._evaluator(compiled)
    values = [v for _, v in minimize_module._samples(evaluate)]
    near = values[index % len(values)] if values else 0.0
    for below in (math.nextafter(near, step * math.inf) if step else near, near - 1, near + 1, -1e300, 1e300):
        assert minimize_module._may_be_below(compiled, evaluate, below) == any(v < below for v in values)


def _as_it_was(judged: tuple) -> tuple:
    """`_globally`'s verdict and reason as the note it used to give: "this minimum is only local: " + why."""
    is_global, lower, _ = judged
    return is_global, minimize_module.ONLY_LOCAL + lower if lower else ""


@settings(**{**SETTINGS, "max_examples": 6})  # about 4 s an example: the judgement searches each function's grid
@given(functions_of_x(), st.integers(0, len(minimize_module._GRID) - 1), st.integers(-2, 2))
def test_whether_a_minimum_is_global_is_judged_as_before(f: sympy.Expr, index: int, step: int) -> None:
    """The least minimum at the grid's lowest point (where f at it is no lower than there), at a
    point of the grid near it, and anywhere on the grid."""
    evaluate = minimize_module._evaluator(compile_expression(f, [x]))
    samples = minimize_module._samples(evaluate)
    lowest = min(range(len(samples)), key=lambda i: samples[i][1], default=None)
    places = [index] if lowest is None else [index, lowest, min(max(lowest + step, 0), len(samples) - 1)]
    for i in places:
        point = sympy.Rational(samples[i][0] if i < len(samples) else minimize_module._GRID[i])
        assert _as_it_was(minimize_module._globally(f, x, at(point))) == globally_as_it_was(f, at(point))


def test_the_packs_minima_are_judged_global_as_before() -> None:
    """Every draw of the built-in packs' minimize exercises that is not a polynomial's (those are
    told from their leading terms), by `_globally` as before; the solution also calls global a minimum
    of a function whose f″ is positive on all of its domain."""
    checked = 0
    for pack in packs.iter_built_in():
        for spec in pack.exercises:
            if spec.kind != "minimize":
                continue
            for params in dict.fromkeys([*(spec.drawn_values(key) for key in range(40)), spec.values(None)]):
                problem = spec.with_values(params).problem
                least = problem.solution.least
                old = globally_as_it_was(problem.function, least)
                assert _as_it_was(minimize_module._globally(problem.function, x, least)) == old
                judged = (problem.solution.is_global, problem.solution.note)
                # where f″ > 0 on all of f's domain (e^x − a ln x) the one minimum is now called global: never
                # where it was shown not to be
                assert judged == old or (judged[0] is True and old[0] is not False
                                         and judged[1].endswith("> 0 wherever f is defined"))
                checked += rational_polynomial(problem.function, [x]) is None
    assert checked >= 16  # e^x - a x, x - a ln x, e^x - a ln x: each draw of a


# ------------------------------------------------------------ local minima: the expected answer


def local_minima_expected_as_it_was(problem) -> Answer:
    """LocalMinima.expected before its points were worked out once: each coordinate made typeable afresh."""
    points = [tuple(typeable(c) for c in p.point) for p in problem.minima.points]
    if problem.ask == Ask.ALL:
        return Answer(Shape.VECTOR, tuple(p[0] for p in points)) if problem.one else Answer(Shape.POINTS, tuple(points))
    point = points[problem._target()]
    return Answer(Shape.NUMBER, point[0]) if problem.one else Answer(Shape.VECTOR, point)


def same_answer(problem) -> None:
    first, again, expected = problem.expected(), problem.expected(), local_minima_expected_as_it_was(problem)
    assert first == again == expected
    assert show(first.value) == show(expected.value) and sympy.srepr(first.value) == sympy.srepr(expected.value)


@settings(**{**SETTINGS, "max_examples": 8})  # each draw is built afresh: its minima, its descent
@given(st.sampled_from(["lm-valleys", "lm-quartic"]), st.integers(-6, 9), st.integers(-9, 9), st.integers(1, 10))
def test_the_local_minima_are_the_answer_as_before(exercise: str, a_: int, b_: int, d: int) -> None:
    spec = packs.load("drills").exercise(exercise)
    values = {"a": sympy.Integer(a_), "b": sympy.Rational(b_, d)}
    try:
        built = spec.with_values(tuple((p.name, values[p.name]) for p in spec.params))
    except (TutorError, ArithmeticError, ValueError):
        assume(False)  # a draw that has no isolated minimum (or none descent reaches)
    same_answer(built.problem)


def test_the_packs_local_minima_are_the_answer_as_before() -> None:
    checked = 0
    for pack in packs.iter_built_in():
        for spec in pack.exercises:
            if spec.kind == "local_minima":
                for params in dict.fromkeys([*(spec.drawn_values(key) for key in range(40)), spec.values(None)]):
                    same_answer(spec.with_values(params).problem)
                    checked += 1
    assert checked >= 12


_DESCENT_FUNCTIONS = ["x^2", "x^4 - 3x^2 + x", "sqrt(1 + x^2)", "(x - 1)^2", "e^x - ln(x)", "x^2 + 10y^2",
                      "x y", "x + y", "x^2 - y^2", "ln(x)"]


@settings(**SETTINGS)
@given(st.sampled_from(_DESCENT_FUNCTIONS), st.sampled_from([0.001, 0.05, 0.3, 0.9, 1.0, 1.1, 1.5, 2.5]),
       st.integers(-3, 3), st.integers(1, 30))
def test_a_diverging_descent_is_told_as_judging_its_rate_tells_it(f: str, rate: float, start: int, steps: int) -> None:
    """A descent exercise's variant is refused by `rates.diverges`, not by judging the whole run (which, for a run
    too slow, solves ∇f = 0 to say why): the two agree on whether, and why, it diverges."""
    from tutor.calculus import rates
    from tutor.calculus.descent import descend
    variables = ["x", "y"] if "y" in f else ["x"]
    try:
        run = descend(f, variables, [start / 2 + 1] * len(variables), rate, iterations=steps)
    except TutorError:
        assume(False)
    trial = rates.judged(run, rates.DEFAULT_TOLERANCE)
    assert rates.diverges(run) == (trial.reason if trial.behaviour == rates.Behaviour.DIVERGES else "")


def test_building_a_descent_variant_solves_no_critical_points(monkeypatch) -> None:
    """Each student's variant of a descent exercise is built, and the lesson's pack validated, without solving
    ∇f = 0: the reason a run is too slow is no part of whether it can be set (a fifth of validating that pack)."""
    from tutor.calculus import descent
    spec = packs.load("drills").exercise("gd-bowl")  # loading it checks the learning-rate exercises too, which solve

    def solved(*args: object) -> None:
        raise AssertionError("∇f = 0 solved")
    monkeypatch.setattr(descent, "critical_points", solved)
    for key in range(20):
        exercise = spec.variant(key)
        assert exercise.expected().shape == Shape.VECTOR
        assert exercise.problem.solution.rows[-1].gradient != (0, 0)


_RATIONALS = st.fractions(min_value=-20, max_value=20, max_denominator=12).map(sympy.Rational)


@settings(**SETTINGS)
@given(st.lists(_RATIONALS, min_size=2, max_size=2), st.lists(_RATIONALS, min_size=2, max_size=2),
       st.sampled_from([None, "dp:2", 1e-3]))
def test_exact_points_are_told_apart_as_the_engine_tells_their_coordinates(a, b, tolerance) -> None:
    """A set of points is compared point by point (4 right points and 4 typed: 16 pairs); two exact coordinates
    are decided without the engine where that is plain (equal, or different with no tolerance), as it decides them."""
    from tutor import compare
    from tutor.compare import Context, Tolerance, _compare_scalar, _same_point
    from tutor.limits import LIMITS
    ctx = Context(("x", "y"), None if tolerance is None else Tolerance.parse(tolerance), LIMITS)
    engine = all(_compare_scalar(x, y, ctx, "coordinate").correct for x, y in zip(a, b))
    plain = ctx.tolerance is None or a == b
    with mock.patch.object(compare, "judge", None) if plain else contextlib.nullcontext():  # None: not asked
        assert _same_point(tuple(a), tuple(b), ctx, []) == engine
    with mock.patch.object(compare, "judge", None):
        assert _same_point(tuple(a), tuple(a), ctx, [])


def test_sympys_solving_in_one_variable_is_counted_not_only_timed(monkeypatch) -> None:
    """What sympy's solve finds in one variable (f′ = 0, and each side of a kink) is decided by counted work, the
    same on any machine, with the CPU guard only behind it: 1/(3(x + 8)^(2/3)) + 1/(2√x) = 0 ran to that 10 s guard
    twice in `tutor solve minimize "sqrt(x) + (x+8)^(1/3)"`, and what a guard allows depends on the machine."""
    from tutor import budget
    room: list[float] = []

    def watched(solver):
        def solve(*args, **kwargs):
            room.append(budget.remaining())
            return solver(*args, **kwargs)
        return solve
    monkeypatch.setattr(factor_cases.sympy, "solve", watched(sympy.solve))
    monkeypatch.setattr(critical.sympy, "solveset", watched(sympy.solveset))
    factor_cases._solve_with_sympy([x**3 - 2 * x], [x])
    minimize_module._exact_zeros(sympy.exp(x) - 2, x)
    critical._split_at_kinks(abs(x - 1) + x**2, x)
    assert len(room) >= 3 and all(math.isfinite(r) for r in room)


@settings(**SETTINGS)
@given(st.lists(st.integers(-9, 9), min_size=1, max_size=6))
def test_a_polynomials_domain_is_every_x_as_sympy_finds_it(coefficients: list[int]) -> None:
    """Each quadratic's minimum asked for f's domain; a polynomial's is every x, as sympy's search finds it, now
    without the search (a millisecond of each variant of the drills' minimum of a quadratic)."""
    from sympy.calculus.util import continuous_domain

    from tutor.calculus import by_values
    f = sum((c * x**k for k, c in enumerate(coefficients)), sympy.Integer(0)) + y
    assert by_values.real_domain(f, x) == continuous_domain(f, x, sympy.S.Reals) == sympy.S.Reals
    with mock.patch.object(by_values, "continuous_domain", None):  # not asked
        assert by_values.real_domain(f, x) == sympy.S.Reals


def test_a_functions_domain_is_searched_for_once() -> None:
    """A minimum's search asks for f's domain more than once (its ends, what lies beyond them): x − a·ln x's took
    sympy 20 ms each time. The second answer is the first, not a second search."""
    from tutor.calculus import by_values
    f = x - 7919 * sympy.log(x) + sympy.Rational(104729, 13)  # an f no other test asks about: not remembered yet
    searches: list[sympy.Expr] = []

    def search(g, v, within):
        searches.append(g)
        return sympy.calculus.util.continuous_domain(g, v, within)
    with mock.patch.object(by_values, "continuous_domain", search):
        first, again = by_values.real_domain(f, x), by_values.real_domain(f, x)
    assert first == again == sympy.Interval.open(0, sympy.oo) and len(searches) == 1
