"""How fast and how right `tutor.check` is, against the naive baseline, in one run.

The corpus (over 2,000 answer/expected pairs) comes from the lesson's kinds of
exercise: partial derivatives (the lesson's own and a family of a·xᵖyᵠ), the
sauna and least-squares partials, eˣ - ln x, gradients (also at a point), the
least-squares solution, descent iterates with a tolerance, tangent planes and
critical points. Each pair carries the truth, fixed when the corpus is built.

The baseline is what many graders do: sympy's `parse_expr` with implicit
multiplication and `^` as power, then `simplify(a - b) == 0`. `tutor.check` runs
as the faces run it, in a worker process: the whole corpus as `tutor check --batch`
sends a file (BATCH lines to the worker at a time: the throughput), and one check
at a time as the REPL and `tutor check` do (the latency, p99); the same checks in
this process (`isolated=False`) show what the worker's messages cost.

    python benchmarks/bench_check.py            # whole corpus, baseline on all of it
    python benchmarks/bench_check.py --sample 400   # baseline on a sample only
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy  # noqa: E402
from sympy.parsing.sympy_parser import (  # noqa: E402
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

from tutor import check  # noqa: E402
from tutor.check import BATCH, check_lines  # noqa: E402


@dataclass(frozen=True)
class Case:
    answer: str
    expected: str
    variables: tuple[str, ...]
    right: bool  # the truth
    shape: str | None = None
    tolerance: str | None = None


XY = ("x", "y")


def _fixed_cases() -> list[Case]:
    """The lesson's worked examples, each in right forms and typical wrong ones."""
    table = [
        # (expected, variables, shape, tolerance, right forms, wrong forms)
        ("2*x", XY, None, None,
         ["2x", "2*x", "x+x", "2 x", "2·x", "x*2", "2x + 0", "2x+0y"],
         ["2x + 2y", "x^2", "2", "2y", "x", "2x+y^2", "2x^2", "2x + y²"]),
        ("2*y", XY, None, None,
         ["2y", "2*y", "y+y", "2 y", "y·2"], ["2x + 2y", "y^2", "2", "2x", "2y + x^2"]),
        ("6*x*y**3", XY, None, None,
         ["6xy^3", "6 x y³", "6·x·y³", "6*x*y**3", "3(2x)y^3", "3*2*x*y^3", "6y^3x", "y³·6x",
          "6xy*y^2", "6x y y y", "(6x)(y^3)", "6 * x * y ^ 3"],
         ["9x^2y^2", "6x", "3x^2y^3", "6xy^3 + 9x^2y^2", "2xy^3", "6x^2y^3", "3x^2 * 3y^2",
          "6xy^2", "18xy^2", "6x+y^3", "6xy^3+3x^2y^3"]),
        ("9*x**2*y**2", XY, None, None,
         ["9x^2y^2", "9 x² y²", "3x^2(3y^2)", "9(xy)^2", "9·x²·y²", "(3xy)^2"],
         ["6xy^3", "3x^2y^2", "9xy^2", "9x^2y^3", "27x^2y^2", "9x^2 + y^2", "9x^2y^2 + 6xy^3"]),
        ("-x*(3*x - 12)*y**2*(y - 6)/90", XY, None, None,
         ["-1/90 x(3x-12)y^2(y-6)", "-(3x^2-12x)y^2(y-6)/90", "x(12-3x)y^2(y-6)/90",
          "-x(x-4)y^2(y-6)/30", "(4x - x^2)(y^3 - 6y^2)/30", "−x(3x − 12)y²(y − 6)/90"],
         ["1/90 x(3x-12)y^2(y-6)", "-1/90 x(3x-12)y(3y-12)", "-x(3x-12)y^2(y-6)",
          "-1/90 x^2(x-6)y(3y-12)", "-1/90 (3x^2-12x)", "-x(3x-12)y^2(y-6)/30"]),
        ("-x**2*(x - 6)*y*(3*y - 12)/90", XY, None, None,
         ["-1/90 x^2(x-6)y(3y-12)", "-x^2(x-6)(3y^2-12y)/90", "x^2(6-x)y(y-4)/30"],
         ["-1/90 x(3x-12)y^2(y-6)", "1/90 x^2(x-6)y(3y-12)", "-x^2(x-6)y(3y-12)/30"]),
        ("28*m + 12*b - 42", ("m", "b"), None, None,
         ["28m + 12b - 42", "12b + 28m - 42", "2(14m + 6b - 21)", "28m+12b-42", "-42 + 28 m + 12 b"],
         ["28m + 12b", "14m + 6b - 21", "28m - 12b - 42", "6b + 12m - 20", "28m + 12mb - 42"]),
        ("6*b + 12*m - 20", ("m", "b"), None, None,
         ["6b + 12m - 20", "12m + 6b - 20", "2(3b + 6m - 10)"],
         ["6b + 12m", "3b + 6m - 10", "28m + 12b - 42", "6b - 12m - 20"]),
        ("exp(x) - 1/x", ("x",), None, None,
         ["e^x - 1/x", "exp(x) - x^-1", "eˣ − 1/x", "(x e^x - 1)/x", "e^x - x^(-1)", "-1/x + e^x"],
         ["e^x - ln x", "e^x + 1/x", "xe^(x-1) - 1/x", "e^x - 1/x^2", "e^x", "e^x - x"]),
        ("(2*x, 2*y)", XY, None, None,
         ["(2x, 2y)", "[2x, 2y]", "⟨2x, 2y⟩", "2x, 2y", "(x+x, y+y)"],
         ["(2y, 2x)", "(2x, 2x)", "(x^2, y^2)", "(2, 2)", "(2x, 2y, 0)"]),
        ("(4, 6)", XY, None, None,
         ["(4, 6)", "[4, 6]", "(2*2, 2*3)", "⟨4, 6⟩", "4, 6", "(4.0, 6.0)"],
         ["(6, 4)", "(4, 4)", "(2, 3)", "(4, 6, 0)", "(4, 7)"]),
        ("(1/2, 7/3)", (), "vector", None,
         ["(1/2, 7/3)", "(0.5, 7/3)", "(2/4, 14/6)"],
         ["(7/3, 1/2)", "(0.5, 2.33)", "(1/2, 7/2)", "(0.5, 2.3333)"]),
        ("25/6", (), "number", None, ["25/6", "4 + 1/6", "50/12"], ["4.167", "4.16", "25/3", "6/25"]),
        ("25/6", (), "number", "dp:3", ["4.167", "25/6", "4.1667"], ["4.16", "4.17", "4.2"]),
        ("0.144736", (), "number", "dp:4", ["0.1447", "0.14474", "0.144736"], ["0.1448", "0.05", "0.1735"]),
        ("(0.50567, 0.60468)", (), "vector", "dp:4", ["(0.5057, 0.6047)", "(0.50567, 0.60468)"],
         ["(0.4943, 0.5953)", "(0.5047, 0.6047)", "(0.6047, 0.5057)"]),
        ("z = 4*x + 8*y - 20", ("x", "y", "z"), None, None,
         ["z = 4x + 8y - 20", "z = 20 + 4(x-2) + 8(y-4)", "4x + 8y - z = 20", "z - 4x - 8y = -20",
          "2z = 8x + 16y - 40"],
         ["z = 4x + 8y", "z = 4(x-2) + 8(y-4)", "z = 8x + 4y - 20", "z = 4x + 8y + 20", "z = 2x + 2y"]),
        ("{(0, 0), (4, 4)}", XY, "points", None,
         ["{(0,0), (4,4)}", "(4,4), (0,0)", "[(0, 0), (4, 4)]", "(0, 0), (4.0, 4.0)"],
         ["(4, 4)", "(0,0), (4,4), (6,6)", "(0, 0), (4, 6)", "none"]),
    ]
    cases = []
    for expected, variables, shape, tolerance, rights, wrongs in table:
        cases += [Case(a, expected, variables, True, shape, tolerance) for a in rights]
        cases += [Case(a, expected, variables, False, shape, tolerance) for a in wrongs]
    return cases


def _spell(coefficient: int, p: int, q: int, style: int) -> str:
    """a·xᵖyᵠ written the way different students write it."""
    def power(name: str, n: int, caret: str) -> str:
        if n == 0:
            return ""
        if n == 1:
            return name
        return f"{name}{caret}{n}" if caret != "sup" else name + "⁰¹²³⁴⁵⁶⁷⁸⁹"[n] if n < 10 else f"{name}^{n}"
    if style == 0:
        return f"{coefficient}{power('x', p, '^')}{power('y', q, '^')}" or "0"
    if style == 1:
        return f"{coefficient} {power('x', p, 'sup')} {power('y', q, 'sup')}".strip()
    if style == 2:
        parts = [str(coefficient)] + [p_ for p_ in (power("x", p, "**"), power("y", q, "**")) if p_]
        return "*".join(parts)
    return "·".join([str(coefficient)] + [p_ for p_ in (power("y", q, "^"), power("x", p, "^")) if p_])


def _family_cases() -> list[Case]:
    """∂/∂x and ∂/∂y of a·xᵖyᵠ: the right derivative in four spellings and the classic slips."""
    x, y = sympy.symbols("x y")
    cases = []
    for a in range(2, 10):
        for p in range(1, 5):
            for q in range(1, 5):
                for wrt in ("x", "y"):
                    n, m = (p, q) if wrt == "x" else (q, p)
                    right = (a * n, n - 1, m)
                    wrong = [
                        (a, n - 1, m),  # dropped the exponent's factor
                        (a * n, n, m),  # did not lower the exponent
                        (a, n, m),  # did nothing
                        (a * n, n - 1, max(m - 1, 0)),  # also differentiated the constant
                    ]
                    def as_pq(c, e1, e2):
                        return (c, e1, e2) if wrt == "x" else (c, e2, e1)
                    c, e1, e2 = as_pq(*right)
                    expected = f"{c}*x**{e1}*y**{e2}"
                    want = c * x**e1 * y**e2
                    for style in range(4):
                        cases.append(Case(_spell(c, e1, e2, style), expected, XY, True))
                    for slip in wrong:
                        c2, f1, f2 = as_pq(*slip)
                        truth = sympy.expand(c2 * x**f1 * y**f2 - want) == 0
                        cases.append(Case(_spell(c2, f1, f2, slip[0] % 4), expected, XY, truth))
    return cases


def _garbage_cases() -> list[Case]:
    junk = ["6xy^", "x**", "1/0", "z + 1", "(x+1", "__import__('os')", "sin", "6xy^3)", "",
            "10^5000", "x^(10^100)"]
    return [Case(text, "6*x*y**3", XY, False) for text in junk]


# The baseline never returns on this one (Python computes 9^387420489 in C, where no
# alarm can stop it), so it is checked by us only and counted as a baseline failure.
HANGS_THE_BASELINE = Case("9^9^9^9", "6*x*y**3", XY, False)


def corpus() -> list[Case]:
    return _fixed_cases() + _family_cases() + _garbage_cases() + [HANGS_THE_BASELINE]


# ----------------------------------------------------------------------- baseline

_TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)


def baseline_correct(case: Case) -> bool:
    """The naive grader: parse_expr with implicit multiplication, then simplify(a - b) == 0."""
    try:
        names = {v: sympy.Symbol(v) for v in case.variables}
        a_text, e_text = case.answer, case.expected
        if "=" in e_text:  # an equation: compare lhs - rhs
            a_text = "({})-({})".format(*a_text.split("=", 1)) if "=" in a_text else a_text
            e_text = "({})-({})".format(*e_text.split("=", 1))
        a = parse_expr(a_text, local_dict=names, transformations=_TRANSFORMS)
        e = parse_expr(e_text, local_dict=names, transformations=_TRANSFORMS)
        if isinstance(e, (sympy.Tuple, tuple, sympy.FiniteSet)):
            a_items, e_items = list(a), list(e)
            return len(a_items) == len(e_items) and all(
                sympy.simplify(p - q) == 0 for p, q in zip(a_items, e_items))
        return sympy.simplify(a - e) == 0
    except Exception:  # noqa: BLE001 - the baseline fails on anything it can't read
        return False


def ours_correct(case: Case) -> bool:
    """As every face checks: in a worker process, where the memory and CPU limits hold."""
    return check(case.answer, case.expected, variables=case.variables, shape=case.shape,
                 tolerance=case.tolerance).correct


def ours_here(case: Case) -> bool:
    """In this process, as trusted callers may (isolated=False): the engine without the worker's message."""
    return check(case.answer, case.expected, variables=case.variables, shape=case.shape,
                 tolerance=case.tolerance, isolated=False).correct


def ours_batch(cases: list[Case]) -> tuple[list[bool], float]:
    """As `tutor check --batch` checks a file: the lines go to the worker BATCH at a time. The verdicts, and
    the seconds for all of them."""
    lines = [json.dumps({"answer": c.answer, "expected": c.expected, "vars": list(c.variables), "shape": c.shape,
                         "tol": c.tolerance}) for c in cases]
    started = time.perf_counter()
    results = list(check_lines(io.BytesIO("\n".join(lines).encode())))
    seconds = time.perf_counter() - started
    return [r.get("verdict") == "correct" for r in results], seconds


def _time(grader, cases: list[Case]) -> tuple[list[bool], list[float]]:
    verdicts, times = [], []
    for case in cases:
        started = time.perf_counter()
        verdicts.append(grader(case))
        times.append(time.perf_counter() - started)
    return verdicts, times


def _percentile(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, help="run the baseline on a random sample of this size")
    args = parser.parse_args()
    cases = corpus()
    runnable = [c for c in cases if c is not HANGS_THE_BASELINE]
    baseline_cases = random.Random(1).sample(runnable, args.sample) if args.sample else runnable
    for case in cases[:20]:  # warm up imports and caches for all three
        ours_correct(case)
        ours_here(case)
        baseline_correct(case)

    ours, batch_seconds = ours_batch(cases)
    singly, our_times = _time(ours_correct, cases)
    assert singly == ours, "a batch gives the verdicts single checks give"
    _, here_times = _time(ours_here, cases)
    theirs, their_times = _time(baseline_correct, baseline_cases)
    index = {id(c): i for i, c in enumerate(cases)}

    our_rate = len(cases) / batch_seconds
    their_rate = len(baseline_cases) / sum(their_times)
    our_wrong = [c for c, v in zip(cases, ours) if v != c.right]
    their_wrong = [c for c, v in zip(baseline_cases, theirs) if v != c.right]
    we_lose = [c for c, v in zip(baseline_cases, theirs) if v == c.right and ours[index[id(c)]] != c.right]
    differ = [c for c, v in zip(baseline_cases, theirs) if v != ours[index[id(c)]]]

    print(f"corpus: {len(cases)} pairs ({sum(c.right for c in cases)} right answers, "
          f"{sum(not c.right for c in cases)} wrong or unreadable); baseline on {len(baseline_cases)} "
          f"(not on {HANGS_THE_BASELINE.answer!r}, where it never returns)")
    print(f"tutor check --batch: {our_rate:8.1f} answers/s   wrong verdicts {len(our_wrong)}   "
          f"(in the worker, {BATCH} lines a call)")
    one_rate = len(cases) / sum(our_times)
    print(f"  one by one: {one_rate:8.1f} answers/s   p50 {1000 * statistics.median(our_times):6.2f} ms"
          f"   p99 {1000 * _percentile(our_times, 0.99):6.2f} ms   max {1000 * max(our_times):6.1f} ms"
          f"   (a check at a time through the worker, as the REPL and `tutor check` do)")
    here_p50 = 1000 * statistics.median(here_times)
    print(f"  in-process: {len(cases) / sum(here_times):8.1f} answers/s   p50 {here_p50:6.2f} ms"
          f"   p99 {1000 * _percentile(here_times, 0.99):6.2f} ms   (isolated=False: what the worker's message costs)")
    print(f"baseline    : {their_rate:8.1f} answers/s   p50 {1000 * statistics.median(their_times):6.2f} ms"
          f"   p99 {1000 * _percentile(their_times, 0.99):6.2f} ms   max {1000 * max(their_times):6.1f} ms"
          f"   wrong verdicts {len(their_wrong)}")
    print(f"throughput ratio (ours / baseline): {our_rate / their_rate:.1f}x   (target ≥ 10x)")
    print(f"p99 target < 50 ms: {'met' if _percentile(our_times, 0.99) < 0.05 else 'NOT met'}")
    print(f"verdicts that differ: {len(differ)}; where we are wrong and the baseline right: {len(we_lose)}")
    reasons: dict[str, int] = {}
    for c in differ:
        ours_right = ours[index[id(c)]] == c.right
        why = ("baseline can't read it" if not _readable_by_baseline(c) else "baseline misjudges it") \
            if ours_right else "we misjudge it"
        reasons[why] = reasons.get(why, 0) + 1
    for why, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  {count:5d}  {why}")
    for c in (our_wrong)[:10]:
        print(f"  we are wrong on: {c.answer!r} vs {c.expected!r} (truth: {'right' if c.right else 'wrong'})")


def _readable_by_baseline(case: Case) -> bool:
    try:
        parse_expr(case.answer.split("=")[-1], transformations=_TRANSFORMS)
        return True
    except Exception:  # noqa: BLE001
        return False


if __name__ == "__main__":
    main()
