"""What misconception diagnosis adds to the time of checking an incorrect answer, measured in one run.

For every wrong answer of a labelled corpus (tests/data/diagnose_wrong.csv, ours: the lesson
pack and the drills; or with --corpus blind, tests/data/diagnose_blind.csv, written blind, its
two-mistake answers included, which the pair search names), the same exercise variant checks it twice:
without diagnosis (the kind's own check, what `Exercise.check` did before) and
with it (`Exercise.check`, its candidates already built: they are cached per
variant). Each is timed as the fastest of several runs, the two interleaved; the
ratio of the sums is the figure to keep at or under 2. Building the candidates (once per variant) is
timed separately, with the cache emptied.

    python benchmarks/bench_diagnose.py              # 7 runs of each answer
    python benchmarks/bench_diagnose.py --repeat 3 --corpus blind
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tutor import diagnose, packs  # noqa: E402
from tutor.feedback import respond  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPORA = {"ours": DATA / "diagnose_wrong.csv", "blind": DATA / "diagnose_blind.csv"}


def _seconds(action, repeat: int) -> float:
    """The fastest of `repeat` runs: what the code costs, without the noise of other processes."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each check (the fastest counts)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="ours", help="whose wrong answers")
    args = parser.parse_args()

    loaded = {**{name: packs.load(name) for name in packs.BUILT_IN}, "more": packs.load(DATA / "diagnose_more.yaml")}
    rows = [row for row in csv.DictReader(CORPORA[args.corpus].open(encoding="utf-8"))
            if row.get("category", "misconception") != "correct"]
    cases = []
    for row in rows:
        exercise = loaded[row["pack"]].exercise(row["exercise"]).variant(row["student"] or None)
        cases.append((exercise, row["answer"]))

    variants = {(e.spec.pack, e.id, e.seed): e for e, _ in cases}.values()
    diagnose._table.cache_clear()
    builds = []
    for exercise in variants:
        start = time.perf_counter()
        diagnose._table_for(exercise.problem, exercise.spec.tolerance, exercise.spec.mistakes).pairs()  # all tiers
        builds.append(time.perf_counter() - start)

    plain, diagnosed, named = [], [], []
    for exercise, answer in cases:
        respond(exercise, answer, isolated=False)  # warm: the candidates are built, sympy's caches filled
        without = _seconds(lambda: exercise.problem.check(answer, exercise.spec.tolerance), args.repeat)
        with_ = _seconds(lambda: respond(exercise, answer, isolated=False), args.repeat)
        plain.append(without)
        diagnosed.append(with_)
        named.append(respond(exercise, answer, isolated=False).note.startswith(("misconception:", "mistake:")))

    ratio = sum(diagnosed) / sum(plain)
    per_answer = sorted(d / p for d, p in zip(diagnosed, plain))
    print(f"{len(cases)} wrong answers over {len(variants)} exercise variants; {sum(named)} diagnosed")
    print(f"check without diagnosis: {sum(plain) / len(plain) * 1e3:.3f} ms mean, "
          f"median {statistics.median(plain) * 1e3:.3f} ms")
    print(f"check with diagnosis:    {sum(diagnosed) / len(diagnosed) * 1e3:.3f} ms mean, "
          f"median {statistics.median(diagnosed) * 1e3:.3f} ms")
    print(f"ratio (sum with / sum without): {ratio:.2f}x (target <= 2x)")
    for label, wanted in (("named", True), ("not named", False)):
        subset = [(d, p) for d, p, n in zip(diagnosed, plain, named) if n == wanted]
        if subset:
            print(f"  answers whose mistake is {label} ({len(subset)}): "
                  f"{sum(d for d, _ in subset) / sum(p for _, p in subset):.2f}x")
    print(f"per answer: median {statistics.median(per_answer):.2f}x, "
          f"90th percentile {per_answer[int(0.9 * (len(per_answer) - 1))]:.2f}x, max {per_answer[-1]:.2f}x")
    print(f"building the candidates, once per variant: median {statistics.median(builds) * 1e3:.1f} ms, "
          f"max {max(builds) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
