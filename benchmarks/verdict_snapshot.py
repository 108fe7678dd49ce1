"""Every verdict, note, message and reading the tutor gives on a fixed set of answers, as one text file.

A guard for work on speed: run it before a change and after, and compare the two files
(`cmp` or `diff`); a change that only makes grading faster leaves them byte-identical.
The answers are those of the diagnosis corpora in tests/data (ours, the holdout, the blind
one, the right answers), each through `tutor.feedback.respond` as the REPL and the grader
call it, and a parameterised class of the drills pack (as bench_grade.py makes it) graded
end to end with `tutor.grade.grade`.

    python benchmarks/verdict_snapshot.py before.txt
    python benchmarks/verdict_snapshot.py after.txt && cmp before.txt after.txt
    python benchmarks/verdict_snapshot.py out.txt --students 20 --parts corpora
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_grade import PARAMETERISED, parameterised_class, write_class  # noqa: E402

from tutor import packs  # noqa: E402
from tutor.feedback import respond  # noqa: E402
from tutor.grade import grade  # noqa: E402
from tutor.submissions import read_submissions  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPORA = ("diagnose_wrong.csv", "diagnose_holdout.csv", "diagnose_blind.csv", "diagnose_correct.csv")


def corpora_lines() -> list[str]:
    loaded = {**{name: packs.load(name) for name in packs.BUILT_IN}, "more": packs.load(DATA / "diagnose_more.yaml")}
    lines = []
    for name in CORPORA:
        with (DATA / name).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                exercise = loaded[row["pack"]].exercise(row["exercise"]).variant(row["student"] or None)
                verdict = respond(exercise, row["answer"], isolated=False)
                lines.append(json.dumps([name, row["pack"], row["exercise"], row["student"], row["answer"],
                                         verdict.to_dict()], ensure_ascii=False))
    return lines


def class_lines(students: int) -> list[str]:
    pack = packs.load(PARAMETERISED)
    with tempfile.TemporaryDirectory() as folder:
        submissions = Path(folder) / "class.csv"
        write_class(parameterised_class(students), submissions)
        book = grade(pack, read_submissions([submissions], pack), jobs=1, timeout=10.0)
    return [json.dumps(["class", r.student, r.exercise, r.variant, r.answer, r.verdict.value, r.note, r.feedback,
                        r.reading, str(r.score)], ensure_ascii=False) for r in book.results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--students", type=int, default=60, help="students in the parameterised class")
    parser.add_argument("--parts", nargs="+", choices=("corpora", "class"), default=["corpora", "class"])
    args = parser.parse_args()
    lines = (corpora_lines() if "corpora" in args.parts else []) + \
        (class_lines(args.students) if "class" in args.parts else [])
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} verdicts written to {args.output}")


if __name__ == "__main__":
    main()
