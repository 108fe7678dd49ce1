"""How fast `tutor grade` grades a class, against the naive baseline, in one run.

Three synthetic classes. The lesson class answers the lesson pack (`gradients`, 44
exercises): each student answers 20 of the 29 listed in ANSWERS below, with
right answers in varied spellings (6xy^3, 6 x y³, 6*x*y**3 ...), the lesson's
typical mistakes, garbage, and a few hostile answers (9^9^9^9, 5,000 characters, nesting 500 deep, a
spreadsheet formula). The parameterised class answers the `drills` pack (45
exercises, new numbers for every student): each student answers 10 of them,
each against their own variant, with its right answer (as the tutor prints it,
respaced), a wrong answer (what one of the kind's misconceptions gives for that
variant, or two at once, or a digit slipped, as often as the blind corpora's
wrong answers are each: WRONG_MIX), garbage and hostile answers; there most answers are checked against a
variant few others have (students who draw the same values share it, and a text
several of them type is checked once), so building variants and, for the third
of the answers whose mistake may be named, their candidate mistakes is most of
the work (about three quarters of it the candidates). The homework class answers
benchmarks/homework.yaml the same way (10 of its 12 exercises each): a weekly homework
an instructor wrote from the docs alone, whose wide parameter ranges give nearly every
student variants of their own, as the issue's "2,000 students × 10 answers of a
parameterised pack" had.

Each class is graded end to end (reading the CSV, the journal, writing every
report) with --jobs 1 and with --jobs 2, and the two sets of files are compared
byte for byte. Besides answers per second, each run says how much CPU time an
answer took (this process and its workers): on a shared machine that figure
moves much less with the load than the wall clock does. The baseline is what
many graders do per answer: sympy's parse_expr, then simplify(a - b) == 0 (from
bench_check.py), on a sample that leaves out the hostile answers: 9^9^9^9 alone
would never return.

    python benchmarks/bench_grade.py                 # the three classes of 1,000 students, baseline on 400 answers
    python benchmarks/bench_grade.py --students 200 --sample 100 --classes parameterised
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import Case, baseline_correct  # noqa: E402

from tutor import packs  # noqa: E402
from tutor.grade import grade, open_journal  # noqa: E402
from tutor.misconceptions import BOTH, WrongAnswer  # noqa: E402
from tutor.reports import FILES, write_reports  # noqa: E402
from tutor.show import show  # noqa: E402
from tutor.submissions import read_submissions  # noqa: E402
from tutor.topics import Problem, candidates  # noqa: E402

PACK = "gradients"
ANSWERED = 20  # exercises each student answers, of the 29 in ANSWERS
PARAMETERISED = "drills"
PARAMETERISED_ANSWERED = 10  # exercises each student answers, of 45, each in the student's own variant
HOMEWORK = str(Path(__file__).resolve().parent / "homework.yaml")  # 12 exercises, written by an instructor
HOMEWORK_ANSWERED = 10  # of its 12
# the wrong answers of the parameterised classes, as the blind and held-out corpora's (tests/data, written by
# people who had not read the code) are labelled: one misconception, two at once, a slip of arithmetic
WRONG_MIX = {"one": 605, "two": 103, "slip": 119}

# exercise id: (right answers in several spellings, typical wrong answers)
ANSWERS: dict[str, tuple[list[str], list[str]]] = {
    "tangent-line-fix-y": (["2x", "2*x", "2 x", "x + x"], ["2x + 16", "x^2", "2", "2x + 8"]),
    "tangent-line-fix-x": (["2y", "2*y", "y+y"], ["2y + 4", "y^2", "4", "2x"]),
    "tangent-plane-x2y2": (["z = 20 + 4(x - 2) + 8(y - 4)", "z = 4x + 8y - 20", "4x + 8y - z = 20"],
                           ["z = 4x + 8y", "z = 4(x - 2) + 8(y - 4)", "z = 8x + 4y - 20", "z = 2x + 2y"]),
    "partial-x-x2y2": (["2x", "2*x", "2 x", "x·2"], ["2x + 2y", "2x + y^2", "x^2", "2"]),
    "partial-y-x2y2": (["2y", "2*y", "2 y"], ["2x + 2y", "x^2 + 2y", "y^2", "2"]),
    "partial-x-3x2y3": (["6xy^3", "6 x y³", "6*x*y**3", "6·x·y³", "3(2x)y^3", "6y^3x"],
                        ["9x^2y^2", "6x", "6xy^2", "3x^2y^3", "6x + 3y^3", "2xy^3"]),
    "partial-y-3x2y3": (["9x^2y^2", "9 x² y²", "9*x**2*y**2", "(3xy)^2", "3x^2(3y^2)"],
                        ["6xy^3", "9x^2y", "3x^2y^2", "9xy^2", "27x^2y^2"]),
    "gradient-x2y2": (["(2x, 2y)", "[2x, 2y]", "⟨2x, 2y⟩", "2x, 2y"], ["(2y, 2x)", "(x^2, y^2)", "(2, 2)", "2x + 2y"]),
    "gradient-x2y2-at-2-3": (["(4, 6)", "[4, 6]", "(4.0, 6.0)", "4, 6"], ["(6, 4)", "(2, 3)", "(4, 9)", "13"]),
    "minimum-x2": (["0", "0.0", "x = 0"], ["1", "2x", "-1", "x^2"]),
    "critical-x2y2": (["{(0, 0)}", "(0, 0)", "(0,0)"], ["none", "(1, 1)", "(0, 0), (1, 1)", "(2, 2)"]),
    "classify-x2y2-origin": (["minimum", "min", "local minimum", "Minimum"], ["maximum", "saddle", "max"]),
    "sauna-partial-x": (["-1/90 x(3x - 12)y^2(y - 6)", "-x(x-4)y^2(y-6)/30", "(4x - x^2)(y^3 - 6y^2)/30"],
                        ["1/90 x(3x-12)y^2(y-6)", "-x(3x-12)y^2(y-6)", "-1/90 x^2(x-6)y(3y-12)"]),
    "sauna-partial-y": (["-1/90 x^2(x - 6)y(3y - 12)", "-x^2(x-6)(3y^2-12y)/90", "x^2(6-x)y(y-4)/30"],
                        ["-1/90 x(3x-12)y^2(y-6)", "1/90 x^2(x-6)y(3y-12)", "-x^2(x-6)y(3y-12)/30"]),
    "sauna-critical-points": (["(4, 4), x = 0, y = 0", "x = 0, y = 0, (4, 4)", "{(4,4), x=0, y=0}"],
                              ["(4, 4)", "(0, 0), (4, 4)", "(4, 4), (6, 6), x = 0, y = 0", "(4, 4), x = 0"]),
    "sauna-classify-4-4": (["minimum", "min", "a minimum"], ["maximum", "saddle point", "max"]),
    "power-lines-dE-dm": (["28m + 12b - 42", "12b + 28m - 42", "2(14m + 6b - 21)"],
                          ["28m + 12b", "14m + 6b - 21", "28m - 12b - 42", "6b + 12m - 20"]),
    "power-lines-dE-db": (["6b + 12m - 20", "12m + 6b - 20", "2(3b + 6m - 10)"],
                          ["6b + 12m", "3b + 6m - 10", "28m + 12b - 42", "6b - 12m - 20"]),
    "power-lines-fit": (["m = 1/2, b = 7/3", "(1/2, 7/3)", "y = x/2 + 7/3", "m = 0.5, b = 7/3"],
                        ["m = 1/2, b = 2", "(7/3, 1/2)", "m = 1, b = 2", "y = 2x + 1/2"]),
    "power-lines-cost": (["25/6", "4.1667", "4.167", "50/12"], ["4.16", "38", "25/3", "4"]),
    "hard-to-optimize-derivative": (["e^x - 1/x", "exp(x) - x^-1", "eˣ − 1/x", "(x e^x - 1)/x"],
                                    ["e^x - ln x", "e^x + 1/x", "xe^(x-1) - 1/x", "e^x"]),
    "hard-to-optimize-minimum": (["0.5671", "0.56714", "0.567143"], ["0.5", "0.57", "1", "0.56"]),
    "descent-1d-slope": (["-18.9487", "e^(1/20) - 20", "-18.94873"], ["18.9487", "-20", "-18.95", "1.0513"]),
    "descent-1d-step-1": (["0.1447", "0.14474", "0.144744"], ["0.05", "0.1735", "0.1448", "-0.0447"]),
    "descent-1d-step-2": (["0.1735", "0.17351", "0.173509"], ["0.1447", "0.2", "0.1736", "0.05"]),
    "descent-heat-gradient": (["(-0.1134, -0.0935)", "(-0.11340, -0.09350)", "[-0.1134, -0.0935]"],
                              ["(0.1134, 0.0935)", "(-0.0935, -0.1134)", "(-0.113, -0.094)"]),
    "descent-heat-step-1": (["(0.5057, 0.6047)", "(0.50567, 0.604675)", "0.5057, 0.6047"],
                            ["(0.4943, 0.5953)", "(0.5, 0.6)", "(0.6047, 0.5057)"]),
    "descent-heat-step-2": (["(0.5115, 0.6095)", "(0.51148, 0.60948)"],
                            ["(0.5057, 0.6047)", "(0.4885, 0.5905)", "(0.6095, 0.5115)"]),
    "descent-power-lines": (["(0.6984, 0.3376)", "m = 0.6984, b = 0.3376", "(0.69840, 0.33760)"],
                            ["(0.42, 0.2)", "(0.3376, 0.6984)", "(0, 0)", "(0.7, 0.34)"]),
}
GARBAGE = ["idk", "6xy^", "(x+1", "x**", "1/0", "?", "see attached", "asdf", "2x +", "", "n/a", "x = "]
HOSTILE = ["9^9^9^9", "x" * 5000, "=cmd|' /C calc'!A0", "(" * 500 + "x" + ")" * 500,
           "__import__('os').system('ls')", "10^5000", "x^(10^100)", "@SUM(1+1)*cmd|' /C calc'!A0"]


def _respell(text: str, rng: random.Random) -> str:
    """The same answer as another student types it: spaces left out, or added next to an operator."""
    choice = rng.random()
    if choice < 0.15:
        return text.replace(" ", "")
    operators = [i for i, c in enumerate(text) if c in "+-*/^(),="]
    if choice < 0.6 and operators:
        for _ in range(rng.randint(1, 3)):  # a space before or after an operator never changes the value
            i = rng.choice(operators) + rng.randint(0, 1)
            text = text[:i] + " " + text[i:]
            operators = [j + (j >= i) for j in operators]
    return text


def synthetic_class(students: int, seed: int = 1) -> list[tuple[str, str, str, str]]:
    """(student, exercise, answer, kind) rows; kind is right, wrong, garbage or hostile."""
    rng = random.Random(seed)
    ids = list(ANSWERS)
    rows = []
    for n in range(students):
        for exercise in rng.sample(ids, ANSWERED):
            rights, wrongs = ANSWERS[exercise]
            roll = rng.random()
            if roll < 0.60:
                rows.append((exercise, _respell(rng.choice(rights), rng), "right"))
            elif roll < 0.88:
                rows.append((exercise, _respell(rng.choice(wrongs), rng), "wrong"))
            elif roll < 0.985:
                rows.append((exercise, rng.choice(GARBAGE), "garbage"))
            else:
                rows.append((exercise, rng.choice(HOSTILE), "hostile"))
            rows[-1] = (f"s{n:04d}", *rows[-1])
    return rows


def parameterised_class(students: int, seed: int = 1, pack: str = PARAMETERISED,
                        answered: int = PARAMETERISED_ANSWERED) -> list[tuple[str, str, str, str]]:
    """(student, exercise, answer, kind) rows of a pack whose exercises draw numbers per student (the drills
    pack, or the homework pack), each answer for the student's variant, `answered` exercises each.

    Made in a process of its own, so that the variants it builds are not already built (and
    inherited by the workers) when the class is graded."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_parameterised_rows, students, seed, pack, answered).result()


def _parameterised_rows(students: int, seed: int, pack_name: str, answered: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    pack = packs.load(pack_name)
    rows = []
    for n in range(students):
        student = f"s{n:04d}"
        for spec in rng.sample(pack.exercises, answered):
            problem = spec.variant(student).problem
            right = show(problem.expected().value, problem.variables)
            roll = rng.random()
            if roll < 0.60:
                rows.append((student, spec.id, _respell(right, rng), "right"))
            elif roll < 0.88:
                rows.append((student, spec.id, _respell(_wrong(problem, right, rng), rng), "wrong"))
            elif roll < 0.985:
                rows.append((student, spec.id, rng.choice(GARBAGE), "garbage"))
            else:
                rows.append((student, spec.id, rng.choice(HOSTILE), "hostile"))
    return rows


def _wrong(problem: Problem, right: str, rng: random.Random) -> str:
    """A wrong answer to the variant, of a kind WRONG_MIX draws: what one of the kind's misconceptions gives,
    or two at once, or the right answer with a digit slipped (also where the kind has none of the first two).
    The kind's wrong answers are drawn in an order of their own, not the catalogue's: the same class, whatever
    order the kinds list them in."""
    kind = rng.choices(list(WRONG_MIX), weights=list(WRONG_MIX.values()))[0]
    if kind != "slip":
        made = sorted(show(w.answer.value, problem.variables) for w in candidates(problem)
                      if isinstance(w, WrongAnswer) and (BOTH in w.misconception) == (kind == "two"))
        if made:
            return rng.choice(made)
    digits = [i for i, c in enumerate(right) if c.isdigit()]
    if not digits:
        return right + " + 1"
    i = rng.choice(digits)
    return right[:i] + rng.choice([d for d in "0123456789" if d != right[i]]) + right[i + 1:]


def write_class(rows: list[tuple[str, str, str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(["student", "exercise", "answer", "email"])
        out.writerows([student, exercise, answer, f"{student}@example.edu"] for student, exercise, answer, _ in rows)


def _cpu_seconds() -> float:
    """CPU time used so far by this process and its finished workers: what a run costs, whatever the
    machine's load (wall-clock seconds on a shared machine measure the neighbours too)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def run_grader(pack: packs.Pack, submissions: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """The same steps as `tutor grade`, timed: (seconds, CPU seconds, distinct answers checked)."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    given = read_submissions([submissions], pack)
    with open_journal(out, pack, 2.0, resume=False) as journal:
        book = grade(pack, given, jobs=jobs, timeout=2.0, journal=journal)
    write_reports(book, out)
    return time.perf_counter() - started, _cpu_seconds() - cpu, book.checked


def run_baseline(pack: packs.Pack, sample: list[tuple[str, str, str, str]]) -> float:
    """Seconds for the naive grader on `sample`, against each exercise's expected answer as sympy prints it."""
    cases = []
    for student, exercise_id, answer, _ in sample:
        spec = pack.exercise(exercise_id)
        exercise = spec.variant(student if spec.parameterised else None)
        value = exercise.expected().value
        expected = (f"({', '.join(map(str, value))})" if isinstance(value, tuple) else
                    f"{value.lhs} = {value.rhs}" if hasattr(value, "lhs") else str(value))
        cases.append(Case(answer, expected, exercise.problem.answer_variables, True))
    started = time.perf_counter()
    for case in cases:
        baseline_correct(case)
    return time.perf_counter() - started


def bench_class(name: str, pack: packs.Pack, rows: list[tuple[str, str, str, str]], sample_size: int) -> None:
    """Grade the class with --jobs 1 and 2, compare the files, and time the baseline on a sample."""
    answered = [r for r in rows if r[2].strip()]
    kinds = {kind: sum(r[3] == kind for r in rows) for kind in ("right", "wrong", "garbage", "hostile")}
    students = len({r[0] for r in rows})
    with tempfile.TemporaryDirectory() as folder:
        submissions = Path(folder) / "class.csv"
        write_class(rows, submissions)
        print(f"{name} class ({pack.id}): {students} students, {len(rows)} rows, {len(answered)} answers "
              f"({', '.join(f'{n} {kind}' for kind, n in kinds.items())}), "
              f"{len({(pack.exercise(r[1]).values(r[0]), r[1], r[2].strip()) for r in answered})} "
              "distinct (variant, answer) pairs")
        timings = {}
        for jobs in (1, 2):
            seconds, cpu, checked = run_grader(pack, submissions, Path(folder) / f"jobs{jobs}", jobs)
            timings[jobs] = seconds
            print(f"tutor grade --jobs {jobs}: {seconds:6.2f} s  {len(answered) / seconds:8.0f} answers/s  "
                  f"({checked} distinct answers checked; {cpu / len(answered) * 1e3:.1f} ms of CPU per answer)")
        same = all((Path(folder) / "jobs1" / name).read_bytes() == (Path(folder) / "jobs2" / name).read_bytes()
                   for name in FILES)
        print(f"files identical for --jobs 1 and --jobs 2: {'yes' if same else 'NO'}")
    candidates = [r for r in answered if r[3] != "hostile"]
    sample = random.Random(2).sample(candidates, min(sample_size, len(candidates)))
    baseline_seconds = run_baseline(pack, sample)
    baseline_rate = len(sample) / baseline_seconds
    ours_rate = len(answered) / timings[2]
    print(f"baseline (parse_expr + simplify): {baseline_rate:8.0f} answers/s on a sample of {len(sample)} "
          f"(hostile answers left out: 9^9^9^9 never returns)")
    print(f"ratio (tutor grade --jobs 2 / baseline): {ours_rate / baseline_rate:.1f}x   (target ≥ 10x)")
    print(f"--jobs 2 / --jobs 1: {timings[1] / timings[2]:.2f}x faster")
    target = "target < 30 s" if name == "lesson" else "target: 10,000 in < 5 s"
    print(f"{len(answered)} answers with --jobs 2 in {timings[2]:.1f} s   ({target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=400, help="answers for the baseline")
    parser.add_argument("--classes", nargs="+", choices=("lesson", "parameterised", "homework"),
                        default=["lesson", "parameterised", "homework"])
    args = parser.parse_args()
    if "lesson" in args.classes:
        bench_class("lesson", packs.load(PACK), synthetic_class(args.students), args.sample)
    if "parameterised" in args.classes:
        rows = parameterised_class(args.students)
        bench_class("parameterised", packs.load(PARAMETERISED), rows, args.sample)
    if "homework" in args.classes:
        rows = parameterised_class(args.students, pack=HOMEWORK, answered=HOMEWORK_ANSWERED)
        bench_class("homework", packs.load(HOMEWORK), rows, args.sample)
    main_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main process {main_mib:.0f} MiB, largest worker {worker_mib:.0f} MiB; "
          f"at most {main_mib + 2 * worker_mib:.0f} MiB for --jobs 2   (target < 1 GiB)")


if __name__ == "__main__":
    main()
