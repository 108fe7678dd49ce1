"""Where the CPU of grading a parameterised class goes, phase by phase, in one process.

The drills class of bench_grade.py (the same students, answers and seed), each distinct (variant,
answer) checked as a worker checks it, with every phase timed in CPU seconds (not wall-clock: the
figures hold on a busy machine):

- variants: each variant built, its expected answer computed and its own answer checked;
- first round: each answer checked;
- candidate tables: the wrong answers of each variant that needs them, built (the mistakes to name);
- second round: each answer whose mistake may be named, checked again and its mistake named.

The share of the candidate tables says what naming mistakes costs a class where each student has a
variant of their own; the rest is what grading would cost without it.

    python benchmarks/grade_phases.py                 # 1,000 students
    python benchmarks/grade_phases.py --students 200
    python benchmarks/grade_phases.py --class homework  # bench_grade.py's homework class instead
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_grade  # noqa: E402

from tutor import packs, workers  # noqa: E402
from tutor.diagnose import worth_naming  # noqa: E402
from tutor.feedback import prepared, respond  # noqa: E402
from tutor.grade import Graded, _built, _Task, check  # noqa: E402

T = TypeVar("T")


class _Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def timed(self, phase: str, action: Callable[..., T], *args: object) -> T:
        start = time.process_time()
        try:
            return action(*args)
        finally:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--class", dest="kind", choices=("drills", "homework"), default="drills")
    args = parser.parse_args()
    source, answered = ((bench_grade.HOMEWORK, bench_grade.HOMEWORK_ANSWERED) if args.kind == "homework"
                        else (bench_grade.PARAMETERISED, bench_grade.PARAMETERISED_ANSWERED))
    rows = bench_grade.parameterised_class(args.students, pack=source, answered=answered)
    pack = packs.load(source)
    workers.IN_WORKER = True  # each check here, in this process, as a worker makes it
    tasks: dict[tuple, _Task] = {}
    for student, exercise, text, _ in rows:
        if text.strip():
            task = _Task(exercise, pack.exercise(exercise).values(student), text)
            tasks.setdefault(task.identity(), task)
    ordered = sorted(tasks.values(), key=lambda task: str(task.variant()))  # a variant's answers together
    clock = _Clock()
    to_name = []
    for task in ordered:
        spec = pack.exercise(task.exercise)
        exercise = clock.timed("variants", _built, spec, task.params)
        if isinstance(exercise, Graded):
            continue
        verdict = clock.timed("first round", check, exercise, task.text)
        if worth_naming(verdict, exercise.problem, task.text):
            to_name.append((task, exercise))
    tables = {task.variant() for task, _ in to_name}
    for task, exercise in to_name:
        clock.timed("candidate tables", prepared, exercise)
        clock.timed("second round", respond, exercise, task.text)
    total = sum(clock.seconds.values())
    print(f"{args.kind} class: {args.students} students, {len(ordered)} distinct (variant, answer) pairs, "
          f"{len(to_name)} answers whose mistake may be named, in {len(tables)} variants")
    for phase, seconds in clock.seconds.items():
        print(f"  {phase:17s} {seconds:6.2f} s of CPU  {100 * seconds / total:4.0f}%")
    print(f"  {'total':17s} {total:6.2f} s of CPU; without the candidate tables "
          f"{total - clock.seconds.get('candidate tables', 0.0):.2f} s")


if __name__ == "__main__":
    main()
