"""Start-up: the CPU time to the first prompt of `tutor`, as a ratio to `python -c "import sympy"`
measured in the same run (target: at most 2), and `tutor progress` and `tutor pack list`, which
import no sympy at all.

- pipe: `tutor --seed 1` with `:quit` on a pipe: the session starts, prompts, and ends at once;
- tmux: `tutor --seed 1` in a real terminal (tmux); its CPU time is read from /proc when the
  prompt is on the screen (skipped where tmux is not installed).

The commands are timed in rounds, each once per round, so that a change in the machine's load
between the baseline and the tutor touches both: a ratio is the median of the rounds' ratios (the
CPU seconds beside it, the median of the rounds' times, vary with the load more than the ratios do).
A piped session is timed to its end, the interpreter's exit included, as `/usr/bin/time` times it.
Bytecode caching is on (as in an installed tutor), and each command runs once before timing, so
both sides read compiled modules.

    python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0
_TMUX_SERVERS = itertools.count()


def _environment(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "TUTOR_HOME": home, "PYTHONPATH": str(ROOT)}


def _cpu_of(command: list[str], env: dict[str, str], stdin: str = "") -> float:
    """User + system CPU seconds of a child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, input=stdin, env=env, cwd=ROOT, text=True, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _tmux_cpu(env: dict[str, str]) -> float:
    """The CPU time of `tutor` in a tmux pane when its first prompt is on the screen."""
    # A server of its own each time: a new session on the name of one just killed may reach that
    # server while it exits ("server exited unexpectedly").
    name = f"bench-startup-{os.getpid()}-{next(_TMUX_SERVERS)}"
    tmux = ["tmux", "-L", name]
    subprocess.run([*tmux, "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
                    f"{sys.executable} -m tutor --seed 1 --student bench; sleep 30"], env=env, cwd=ROOT, check=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            screen = subprocess.run([*tmux, "capture-pane", "-t", name, "-p"], capture_output=True, text=True).stdout
            if "answer>" in screen:
                break
            time.sleep(0.02)
        else:
            raise RuntimeError("the first prompt never appeared in tmux")
        shell = subprocess.run([*tmux, "list-panes", "-t", name, "-F", "#{pane_pid}"], capture_output=True,
                               text=True, check=True).stdout.split()[0]
        tutor = Path(f"/proc/{shell}/task/{shell}/children").read_text().split() or [shell]
        fields = Path(f"/proc/{tutor[0]}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of timing (default 5)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        python = [sys.executable]
        measures: dict[str, Callable[[], float]] = {
            "import sympy (baseline)": lambda: _cpu_of([*python, "-c", "import sympy"], env),
            "tutor, pipe-driven, to :quit": lambda: _cpu_of(
                [*python, "-m", "tutor", "--seed", "1", "--student", "bench"], env, stdin=":quit\n"),
        }
        if shutil.which("tmux"):
            measures["tutor in tmux, at the first prompt"] = lambda: _tmux_cpu(env)
        light = {}
        for label, args in (("tutor progress", ["progress"]), ("tutor pack list", ["pack", "list"])):
            code = ("import sys, runpy; sys.argv = ['tutor', *sys.argv[1:]]\n"
                    "try:\n    runpy.run_module('tutor', run_name='__main__')\nexcept SystemExit:\n    pass\n"
                    "print('sympy' in sys.modules)")
            done = subprocess.run([*python, "-c", code, *args], env=env, cwd=ROOT, capture_output=True, text=True)
            light[label] = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "?"
            measures[label] = lambda a=args: _cpu_of([*python, "-m", "tutor", *a], env)
        for measure in measures.values():
            measure()  # compiles and caches the modules' bytecode
        times: dict[str, list[float]] = {label: [] for label in measures}
        for _ in range(runs):
            for label, measure in measures.items():
                times[label].append(measure())
    baseline = times["import sympy (baseline)"]
    print(f"{'':<40} {'CPU s':>7} {'x sympy':>8}")
    for label, seconds in times.items():
        ratio = statistics.median(t / b for t, b in zip(seconds, baseline))
        print(f"{label:<40} {statistics.median(seconds):7.3f} {ratio:8.2f}")
    print(f"target: the first prompt within {TARGET:.0f}x the CPU time of importing sympy")
    for label, imported in light.items():
        print(f"{label} imports sympy: {imported}")


if __name__ == "__main__":
    main()
