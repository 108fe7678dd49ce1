"""Memory and CPU under attack: the worst answers, hostile 1 MB packs, a class with hostile answers.

Each scenario runs in a process of its own and reports its peak memory (resident set) and time
against the limits:

- answers: the fuzzing families of issue 12 (towers, factorials, roots and powers of huge numbers,
  the answer that once took about the whole budget, nesting, long text), each checked the way every
  face checks one, in a worker process; the slowest check's CPU time against the 2 s CPU guard, the
  worker's peak memory against its 1 GiB address space;
- packs: hostile files of about 1 MB given to `tutor pack validate` (an alias bomb, nesting, a flat
  list of 100,000+ values, a huge parameter range, too many exercises, one long string); time and
  memory against 2 s and 300 MiB;
- class: `tutor grade --jobs 2` on 1,000 students of whom one answer in ten is hostile; time, and
  the grader's and its largest worker's peak memory against 1 GiB.

    python benchmarks/bench_limits.py
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FAMILIES: dict[str, list[str]] = {
    "power towers": ["9^9^9^9", "2^2^2^2^2^2", "x^(x^(x^(x^x)))", "(2^(2^(2^x)))^(2^(2^(2^y)))", "99^99^99",
                     "exp(exp(exp(exp(x))))", "e^e^e^e^e"],
    "factorials": ["1" * 400 + "!", "(10^400)!", "1e308!", "171!", "450!!", "y^sqrt(sinh(exp(pi))!!)",
                   "(x^x^x)!", "factorial(factorial(20))", "(10^6)!"],
    "huge numbers": ["1e400", "10^400", "10^999*10^999", "(10^999+7)^(1/2)", "sqrt(10^999+7)", "4^(19999/2)",
                     "root(4, 2/19999)", "binomial(10^999, 5)", "binomial(10^6, 5000)", "(3/2)^9000",
                     "1/(7^800-1) + 1/(6^800-1) + 1/(5^800-1) + 1/(3^1800-1)", "sqrt(2)^5000"],
    "near the old budget": ["2x + 0(√(7e-647))^-9999", "2x + 0(√(7e-299))^-3", "2x + 0·sqrt(10^299+7)",
                            "2x + 0·(10^299+7)^(1/3)", "2x + sin(x)^2 + cos(x)^2 - 1",
                            "2x + (x+y)^20 - (x+y)^20", "2x + ((x+1)^30 - (x+1)^30)"],
    "nesting and length": ["(" * 59 + "x" + ")" * 59, "(" * 500 + "x" + ")" * 500, "x" * 1000, "x+" * 499 + "x",
                           "sin(" * 59 + "x" + ")" * 59, "|" * 60 + "x" + "|" * 60, "-" * 999 + "x"],
}


# ------------------------------------------------------------------ scenarios, each in its own process

def answers() -> dict:
    from tutor.check import check
    from tutor.workers import Pool

    rows = {}
    with Pool() as pool:
        for family, texts in FAMILIES.items():
            measured = [pool.call(_timed_check, text) for text in texts]
            rows[family] = {"answers": len(texts), "max_cpu": max(m[1] for m in measured),
                            "notes": sorted({m[0] for m in measured})}
    check("2x", "2x")  # the shared pool too, as the faces use it
    return {"families": rows, "worker_peak_mib": _children_mib()}


def _timed_check(text: str) -> tuple[str, float]:
    from tutor.check import check

    before = time.process_time()
    verdict = check(text, "2x", variables=("x", "y"))
    return verdict.note, time.process_time() - before


def pack(path: str) -> dict:
    import io

    from tutor.cli import main

    started = time.perf_counter()
    said = io.StringIO()
    stdout, stderr, sys.stdout, sys.stderr = sys.stdout, sys.stderr, said, said
    try:
        status = main(["pack", "validate", path])
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    first = said.getvalue().splitlines()[0] if said.getvalue() else ""
    return {"status": status, "seconds": time.perf_counter() - started, "said": first.split(": ", 1)[-1][:60]}


def grade(pack_name: str, submissions: str, out: str) -> dict:
    from tutor.cli import main

    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        stdout, stderr, sys.stdout, sys.stderr = sys.stdout, sys.stderr, quiet, quiet
        try:
            status = main(["grade", pack_name, submissions, "--out", out, "--jobs", "2"])
        finally:
            sys.stdout, sys.stderr = stdout, stderr
    return {"status": status, "seconds": time.perf_counter() - started, "worker_peak_mib": _children_mib()}


def _children_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# ------------------------------------------------------------------ hostile packs of about 1 MB

def alias_bomb(size: int) -> str:
    lines = ['a0: &a0 ["lol"]']
    level, length = 0, len(lines[0])
    while length < size - 200:  # levels of 120 aliases each: a 1 MB file stands for 120^8000 values
        line = f"a{level + 1}: &a{level + 1} [" + ", ".join([f"*a{level}"] * 120) + "]"
        lines.append(line)
        level, length = level + 1, length + len(line) + 1
    return "\n".join(lines) + f"\npack: bomb\nexercises: [*a{level}]\n"


def hostile_packs(folder: Path) -> dict[str, Path]:
    mib = (1 << 20) - 2000  # just under the 1 MiB a pack may have: each is refused for what is in it
    exercise = "  - {{id: e{n}, kind: partial_derivative, function: {f}, wrt: x}}\n"
    texts = {
        "alias bomb (1 MB)": alias_bomb(mib),
        "nesting (1 MB of '[')": "pack: p\nexercises: " + "[" * (mib // 2) + "]" * (mib // 2) + "\n",
        "flat list of 300,000 values (1 MB)": "pack: p\nexercises: [" + ", ".join(["1"] * 300_000) + "]\n",
        "int: [1, 10^12]": "pack: p\nexercises:\n" + exercise.format(n=0, f="a x^2").replace(
            "wrt: x}", "wrt: x, params: {a: {int: [1, 1000000000000]}}}"),
        "int: [1, 10^6] (drawn, not listed)": "pack: p\nexercises:\n" + exercise.format(n=0, f="a x^2").replace(
            "wrt: x}", "wrt: x, params: {a: {int: [1, 1000000]}}}"),
        "600 exercises": "pack: p\nexercises:\n" + "".join(exercise.format(n=n, f="x^2 y") for n in range(600)),
        "one 1 MB string": "pack: p\ntitle: '" + "x" * (mib - 100) + "'\nexercises: []\n",
        "huge numbers in fields": "pack: p\nexercises:\n" + exercise.format(n=0, f="x^2").replace(
            "wrt: x}", "wrt: x, points: 1e999999999}") + exercise.format(n=1, f="x^(10^100)"),
    }
    paths = {}
    for n, (name, text) in enumerate(texts.items()):
        paths[name] = folder / f"pack{n}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def hostile_class(path: Path, students: int = 1000) -> int:
    from bench_grade import synthetic_class, write_class

    rng = random.Random(3)
    hostile = [text for texts in FAMILIES.values() for text in texts]
    rows = [(student, exercise, rng.choice(hostile) if rng.random() < 0.1 else answer, kind)
            for student, exercise, answer, kind in synthetic_class(students)]
    write_class(rows, path)
    return len(rows)


# ------------------------------------------------------------------ the driver

def run(scenario: str, *args: str) -> tuple[dict, float, float, float]:
    """A scenario in a process of its own: what it reports, its peak RSS (MiB), its CPU seconds and
    its wall-clock seconds from start to end (Python's start and the tutor's imports included)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--scenario", scenario, *args], stdout=subprocess.PIPE)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = status
    return json.loads(output), usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, time.perf_counter() - started


def main() -> None:
    print("answers, each checked in a worker (limits: 5 s CPU each, 1 GiB address space)")
    found, main_mib, _, _ = run("answers")
    for family, row in found["families"].items():
        print(f"  {family:<22} {row['answers']:>3} answers   slowest {row['max_cpu'] * 1000:7.1f} ms CPU   "
              f"notes: {', '.join(row['notes'])}")
    print(f"  peak memory: worker {found['worker_peak_mib']:.0f} MiB, main {main_mib:.0f} MiB")
    with tempfile.TemporaryDirectory() as folder:
        print("\nhostile packs, `tutor pack validate` (limits: 2 s, 300 MiB)")
        for name, path in hostile_packs(Path(folder)).items():
            found, mib, cpu, wall = run("pack", str(path))
            size = path.stat().st_size / 1024
            print(f"  {name:<34} {size:5.0f} KiB  {wall:5.2f} s in all, {found['seconds']:5.2f} s reading it  "
                  f"{mib:4.0f} MiB  exit {found['status']}: {found['said']}")
        print("\na class with hostile answers, `tutor grade --jobs 2` (limits: 5 s CPU an answer, 1 GiB a worker)")
        submissions = Path(folder) / "class.csv"
        rows = hostile_class(submissions)
        found, mib, cpu, _ = run("grade", "gradients", str(submissions), str(Path(folder) / "out"))
        print(f"  {rows} answers, one in ten hostile: {found['seconds']:.1f} s ({cpu:.1f} s CPU in all), "
              f"exit {found['status']}")
        print(f"  peak memory: grader {mib:.0f} MiB, largest worker {found['worker_peak_mib']:.0f} MiB")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--scenario":
        print(json.dumps({"answers": answers, "pack": pack, "grade": grade}[sys.argv[2]](*sys.argv[3:])))
    else:
        main()
