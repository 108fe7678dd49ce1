"""Exact least squares against a naive sympy formulation and against numpy, in one run.

    python3 benchmarks/bench_solve.py [--points 100000] [--repeat 3]

tutor.calculus.fit_line reads decimals exactly, scales each column to Python
ints over a common denominator and solves the normal equations over the
rationals. The naive formulation builds the sum of squares with sympy symbols,
expands it and calls solve; it is run on the sizes where it finishes in
reasonable time. numpy.linalg.lstsq (floating point) is the yardstick for
scale. Times are the best of --repeat runs; ratios are relative to tutor.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import sys
import tempfile
import time
from decimal import Decimal

import sympy

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tutor import calculus, packs  # noqa: E402
from tutor.calculus import fit_line, points_from_csv  # noqa: E402
from tutor.parse import symbol

NAIVE_SIZES = (10, 30, 100, 300, 1000)
NAIVE_BUDGET = 30.0  # seconds: bigger sizes are skipped once one run takes longer


def data(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Decimal text as a CSV would hold it: x with one decimal, y with two."""
    rng = random.Random(seed)
    points = []
    for _ in range(n):
        x = rng.randint(0, 3000) / 10
        points.append((f"{x:.1f}", f"{0.05 * x + 7 + rng.gauss(0, 3):.2f}"))
    return points


def best(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def naive_sympy(points: list[tuple[str, str]]) -> tuple[sympy.Expr, sympy.Expr]:
    m, b = sympy.symbols("m b", real=True)
    exact = [tuple(sympy.Rational(*Decimal(v).as_integer_ratio()) for v in p) for p in points]
    E = sympy.expand(sum((m * x + b - y) ** 2 for x, y in exact))
    solution = sympy.solve([sympy.diff(E, m), sympy.diff(E, b)], [m, b], dict=True)[0]
    return solution[m], solution[b]


def numpy_lstsq(np, points: list[tuple[str, str]]):
    xs = np.array([float(p[0]) for p in points])
    ys = np.array([float(p[1]) for p in points])
    A = np.column_stack([xs, np.ones_like(xs)])
    return np.linalg.lstsq(A, ys, rcond=None)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        import numpy as np
    except ImportError:
        np = None
        print("numpy is not installed (pip install '.[bench]'); its column is skipped")

    print(f"{'points':>8}  {'tutor exact':>12}  {'naive sympy':>12}  {'ratio':>8}  {'numpy lstsq':>12}  {'ratio':>7}")
    sizes = sorted(set(NAIVE_SIZES) | {args.points})
    naive_allowed = True
    for n in sizes:
        points = data(n)
        ours_time, fit = best(lambda: fit_line(points), args.repeat)
        naive_cell = ratio_naive = "-"
        if naive_allowed and n in NAIVE_SIZES:
            naive_time, (m, b) = best(lambda: naive_sympy(points), 1)
            assert (m, b) == (fit.slope, fit.intercept), "the naive formulation disagrees"
            naive_cell, ratio_naive = f"{naive_time:10.4f} s", f"{naive_time / ours_time:7.0f}x"
            naive_allowed = naive_time < NAIVE_BUDGET / 10
        numpy_cell = ratio_numpy = "-"
        if np is not None:
            numpy_time, (m_np, b_np) = best(lambda: numpy_lstsq(np, points), args.repeat)
            assert abs(m_np - float(fit.slope)) < 1e-6 * (1 + abs(m_np)), "numpy disagrees"
            numpy_cell, ratio_numpy = f"{numpy_time:10.4f} s", f"{ours_time / numpy_time:6.1f}x"
        print(f"{n:>8}  {ours_time:10.4f} s  {naive_cell:>12}  {ratio_naive:>8}  {numpy_cell:>12}  {ratio_numpy:>7}")

    points = data(args.points)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.csv")
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["x", "y"])
            writer.writerows(points)
        csv_time, fit = best(lambda: fit_line(points_from_csv(path, "x", "y")), args.repeat)
    print(f"\nCSV file to exact fit, {args.points} points: {csv_time:.3f} s "
          f"({'within' if csv_time < 2 else 'OVER'} the 2 s target)")
    print(f"m = {float(fit.slope):.6f}, b = {float(fit.intercept):.6f}, E = {float(fit.cost):.6g} "
          f"(exact: {len(str(fit.slope.q))}-digit denominators)")
    print("ratios: naive sympy time / tutor time; tutor time / numpy time")
    time_pack_exercises()
    time_lesson_solvers()
    time_long_descents()


def time_pack_exercises(variants: int = 5) -> None:
    """Every solver on every exercise of the built-in packs: the answer and its steps, each under 1 s."""
    times = []
    for name in packs.BUILT_IN:
        pack = packs.load(name, verify=False)  # verifying would build (and cache) the first variants untimed
        for spec in pack.exercises:
            # the lesson's numbers where it has them, then numbers drawn as practice and grading draw them
            keys: list[object] = ["lesson"] if spec.lesson is not None else []
            keys += list(range(variants)) if spec.parameterised else [None]
            built = set()
            for key in keys:
                values = spec.lesson if key == "lesson" else spec.drawn_values(key)
                if values in built:  # built already: it would be timed from the cache
                    continue
                built.add(values)
                started = time.perf_counter()
                exercise = spec.with_values(values)  # computes the solution
                exercise.expected()
                exercise.steps()
                times.append((time.perf_counter() - started, f"{pack.id}/{spec.id} {dict(values) or ''} ({spec.kind})"))
    times.sort(reverse=True)
    slow = [name for seconds, name in times if seconds >= 1]
    print(f"\nsolving every built-in exercise ({len(times)} variants): slowest {times[0][0]:.3f} s "
          f"({times[0][1]}), median {times[len(times) // 2][0] * 1000:.1f} ms; "
          + (f"OVER 1 s: {', '.join(slow)}" if slow else "all under the 1 s target"))


SAUNA = "85 - 1/90 x^2 (x-6) y^2 (y-6)"
POWER_LINES = [(1, 2), (2, 5), (3, 3)]
LESSON_CASES = {
    "critical x^4 - 3x^2 + x (casus irreducibilis)": lambda: calculus.critical_points("x^4 - 3x^2 + x"),
    "critical (x^2-1)^2 + y^2 + 0.3x": lambda: calculus.critical_points("(x^2-1)^2 + y^2 + 0.3x"),
    "critical sauna in the room, walls by values": lambda: calculus.critical_points(SAUNA, None, "0<=x<=5, 0<=y<=5"),
    "minimize x^4 - 3x^2 + x (all local minima)": lambda: calculus.minimize("x^4 - 3x^2 + x"),
    "minimize e^x - ln x (Omega)": lambda: calculus.minimize("e^x - ln x"),
    "local_minima (x^2-1)^2 + y^2 + 0.3x": lambda: calculus.local_minima("(x^2-1)^2 + y^2 + 0.3x"),
    "descent_end from (0.5, 1)": lambda: calculus.descent_end("(x^2-1)^2 + y^2 + 0.3x", None, (0.5, 1), 0.1),
    "compare_rates x^2, five rates, 20 steps": lambda: calculus.compare_rates("x^2", None, 1,
                                                                             [1.1, 0.001, 0.5, 0.9, 0.25], 20),
    "iterations_until e^x - ln x": lambda: calculus.iterations_until("e^x - ln x", None, 0.05, 0.005, 1e-3),
    "fix_variable x^2 + y^2, y = 4": lambda: calculus.fix_variable("x^2 + y^2", {"y": 4}),
    "line_cost power lines": lambda: calculus.line_cost(POWER_LINES).at("1/2", "7/3"),
    "mean_cost_step TV data": lambda: calculus.mean_cost_step(
        [("230.1", "22.1"), ("44.5", "10.4"), ("17.2", "9.3")], (0, 0), "0.00001"),
    "eliminate the normal equations": lambda: calculus.eliminate("28m + 12b - 42", "6b + 12m - 20"),
}
STRESS_CASES = {  # beyond the lesson: every monomial up to degree 6, no factor to help (no 1 s target)
    "critical, dense random degree 6 in x, y": lambda: calculus.critical_points(_dense(6)),
    # outside check h62, F4: its eliminant has a factor of degree 86, whose roots sympy counted for minutes
    "critical, x^7 y^5 - x^3 y + y^9 - x^2 + 3xy^4 + x^8 + y^10": lambda: calculus.critical_points(
        "x^7*y^5 - x^3*y + y^9 - x^2 + 3x*y^4 + x^8 + y^10"),
}


def _dense(degree: int, seed: int = 3) -> sympy.Expr:
    """A polynomial with every monomial up to the degree, small random integer coefficients."""
    rng = random.Random(seed)
    x, y = symbol("x"), symbol("y")
    return sum(rng.randint(-9, 9) * x**i * y**j for i in range(degree + 1) for j in range(degree + 1 - i))


def time_lesson_solvers() -> None:
    """The solvers of the lesson's later slides on the lesson's own examples (target: each under 1 s)."""
    times = sorted(((best(case, 1)[0], name) for name, case in LESSON_CASES.items()), reverse=True)
    print(f"\nsolvers of the lesson's later slides ({len(times)} cases):")
    for seconds, name in times:
        print(f"  {seconds:8.3f} s  {name}{'  OVER 1 s' if seconds >= 1 else ''}")
    for name, case in STRESS_CASES.items():
        print(f"  {best(case, 1)[0]:8.3f} s  {name} (stress case, no target)")


# finding 573: the most iterations the tutor runs (10000) on a non-polynomial f; each against the same
# float iterations in plain Python, the gradient written out by hand (no target: a ratio to watch)
LONG_DESCENTS = {
    "descent e^(xy) + x^2 + y^2 from (1, 1), α = 0.01": (
        lambda: calculus.descend("e^(x y) + x^2 + y^2", None, (1, 1), sympy.Rational(1, 100), 10_000),
        lambda: _plain((1.0, 1.0), 0.01, 10_000, lambda x, y: (y * math.exp(x * y) + 2 * x,
                                                              x * math.exp(x * y) + 2 * y))),
    "descent sin x + y^2 from (1, 1), α = 0.01": (
        lambda: calculus.descend("sin(x) + y^2", None, (1, 1), sympy.Rational(1, 100), 10_000),
        lambda: _plain((1.0, 1.0), 0.01, 10_000, lambda x, y: (math.cos(x), 2 * y))),
    "rates sin x cos y from (1, 1), α = 0.1, 0.5, 1, 2": (
        lambda: calculus.compare_rates("sin(x) cos(y)", None, (1, 1), ["0.1", "0.5", "1", "2"], 10_000),
        lambda: [_plain((1.0, 1.0), rate, 10_000, lambda x, y: (math.cos(x) * math.cos(y),
                                                                 -math.sin(x) * math.sin(y)))
                 for rate in (0.1, 0.5, 1.0, 2.0)]),
}


def _plain(start: tuple[float, ...], rate: float, steps: int, gradient) -> tuple[float, ...]:
    point = start
    for _ in range(steps):
        point = tuple(p - rate * g for p, g in zip(point, gradient(*point)))
    return point


def time_long_descents() -> None:
    """10000 iterations as the tutor runs them (exact where rational, 200 bits elsewhere) against plain floats."""
    print("\nlong descents (finding 573), tutor time / plain Python floats time:")
    for name, (tutor, plain) in LONG_DESCENTS.items():
        ours, _ = best(tutor, 1)
        floats, _ = best(plain, 3)
        print(f"  {ours:8.3f} s  {ours / floats:7.0f}x  {name}")


if __name__ == "__main__":
    main()
