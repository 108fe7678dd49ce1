"""How often an adversarial answer is accepted, family by family, and how often an equal rewrite is.

Each family of tests/adversarial.py is added to the same random right answers
from the lesson's kinds (150 by default, as in issue 11) and checked with
`tutor.check`; the table gives, per family, how many were judged correct, and
how the others were judged (incorrect, or the note `undecided`, or invalid).
For the adversarial families the right figure is 0 correct; for the rewrites it
is all of them.

    python benchmarks/bench_adversarial.py            # 150 right answers
    python benchmarks/bench_adversarial.py --count 30
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from adversarial import FAMILIES, REWRITES, VARIABLES, Family, right_answer, text

from tutor import check


def outcome(answer: str, expected: str) -> str:
    verdict = check(answer, expected, variables=VARIABLES)
    if verdict.correct:
        return "correct"
    return "undecided" if verdict.note == "undecided" else verdict.verdict


def run(families: tuple[Family, ...], count: int, title: str) -> None:
    print(f"\n{title}")
    print(f"| {'family':<72} | correct | incorrect | undecided | invalid |")
    print(f"|{'-' * 74}|---------|-----------|-----------|---------|")
    for family in families:
        rng = random.Random(11)
        counts: Counter[str] = Counter()
        for _ in range(count):
            expected = text(right_answer(rng))
            counts[outcome(family.change(expected, rng), expected)] += 1
        print(f"| {family.name:<72} | {counts['correct']:>3}/{count} | {counts['incorrect']:>9} "
              f"| {counts['undecided']:>9} | {counts['invalid']:>7} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=150, help="right answers per family")
    args = parser.parse_args()
    run(FAMILIES, args.count, "Adversarial answers (the right figure is 0 correct):")
    run(REWRITES, args.count, "Equal rewrites (the right figure is all correct):")


if __name__ == "__main__":
    main()
