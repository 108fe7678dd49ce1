"""What counting work costs: sympy's algorithms inside `counted(...)` against the same work uncounted, in one run.

tutor.budget counts every Python call in a counted region (sympy's solve, simplify, factor on what a person
typed, and the one-variable solving of tutor.calculus.factor_cases), so that a budget runs out at the same
point on any machine. The count is a profile function that Python calls on every call and return: this
prints how many times longer the same work takes counted. Each run empties sympy's cache first, so that
every run does the same work; times are the best of --repeat runs.

    python benchmarks/bench_counting.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import sympy
from sympy.core.cache import clear_cache

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.budget import counted  # noqa: E402

x, y = sympy.symbols("x y", real=True)
WORK = [  # what counted regions run: solving in one variable, factoring, simplifying
    lambda: sympy.solve(x**4 - 5 * x**2 + 4, x),
    lambda: sympy.solve(sympy.exp(x) - 3 * x, x),
    lambda: sympy.factor(sympy.expand((x + 2 * y - 3) ** 6 - (x - y) ** 4)),
    lambda: sympy.simplify(sympy.sin(x) ** 4 - sympy.cos(x) ** 4 + sympy.cos(2 * x)),
]


def run(count: bool) -> float:
    clear_cache()
    start = time.process_time()
    for work in WORK:
        if count:
            with counted(10**12):
                work()
        else:
            work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    run(False)  # sympy's lazy imports and tables, once
    bare = min(run(False) for _ in range(args.repeat))
    timed = min(run(True) for _ in range(args.repeat))
    print(f"the same sympy work: uncounted {bare * 1000:.0f} ms, counted {timed * 1000:.0f} ms of CPU"
          f" (best of {args.repeat})")
    print(f"ratio counted / uncounted: {timed / bare:.2f}")


if __name__ == "__main__":
    main()
