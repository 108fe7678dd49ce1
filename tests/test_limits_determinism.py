"""The same class gives the same bytes: graded alone with --jobs 1, beside busy processes with
--jobs 2, and killed with -9 halfway then resumed. No clock decides a verdict: the work budgets
count, and the answers that once took about the whole time budget are refused by size first."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_grade_robustness import _journaled

from tutor.cli import main
from tutor.journal import FILE_NAME
from tutor.reports import FILES

TESTS = Path(__file__).parent

ANSWERS = {  # the lesson's exercises, answered right, wrong, as a confirmation needs, and hostilely
    "partial-x-3x2y3": ["6xy^3", "6 x y³", "3(2x)y^3", "2xy^3 + 4xy^3", "9x^2y^2", "6xy^2", "18xy^2",
                        "2x + 0(√(7e-647))^-9999", "9^9^9^9", "y^sqrt(sinh(exp(pi))!!)", "sqrt(10^999+7)",
                        "(x+y)^1000 - (x+y)^1000 + 6xy^3", "x" * 1500, "(" * 80 + "x" + ")" * 80,
                        "sin(x)^2 y^3 + cos(x)^2 y^3 + 6xy^3 - y^3", "171!", "1e400", "4^(19999/2)"],
    "sauna-partial-x": ["-x(3x - 12)y²(y - 6)/90", "x(12-3x)y^2(y-6)/90", "-(3x^2-12x)(y^3-6y^2)/90",
                        "-1/90 x(3x-12)y^2(y-6)", "-x(x-4)y^2(y-6)/30", "1/90 x(3x-12)y^2(y-6)",
                        "(4x - x^2)(y^3 - 6y^2)/30 + 0·(10^999)!", "-x^2(x-6)y(3y-12)/90"],
    "power-lines-fit": ["m = 1/2, b = 7/3", "(1/2, 7/3)", "y = x/2 + 7/3", "m = 7/3, b = 1/2", "(0.5, 2.333)",
                        "(1/2, 2)", "(1e400, 7/3)",
                        # once multiplied out to see if each was a line: 'timeout', alone (h40, F1 and h41, N1)
                        "(x+1)^1000*(x-1)^1000", "y = (x+1)^1000*(x-1)^1000"],
    "sauna-critical-points": ["(4, 4), x = 0, y = 0", "{(4, 4)}", "(0, 0), (4, 4)", "none",
                              "y = (x+1)^1000*(x-1)^1000"],
    "descent-1d-step-1": ["0.1447", "0.14474", "0.05", "1447/10000"],
}


def class_file(folder: Path) -> Path:
    rows = ["student,exercise,answer"]
    for exercise, answers in ANSWERS.items():
        for n, answer in enumerate(answers):
            for copy in range(2):  # two students give each answer
                quoted = '"' + answer.replace('"', '""') + '"'
                rows.append(f"s{n:02}{copy},{exercise},{quoted}")
    path = folder / "class.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def test_the_grader_writes_the_same_bytes_alone_and_beside_busy_processes(tmp_path):
    submissions = class_file(tmp_path)
    alone = tmp_path / "alone"
    assert main(["grade", "gradients", str(submissions), "--out", str(alone), "--jobs", "1"]) == 0
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(3)]
    try:
        loaded = tmp_path / "loaded"
        assert main(["grade", "gradients", str(submissions), "--out", str(loaded), "--jobs", "2"]) == 0
    finally:
        for process in busy:
            process.kill()
            process.wait()
    assert files(loaded) == files(alone)
    with (alone / "answers.csv").open(encoding="utf-8", newline="") as stream:
        notes = {(row["answer"], row["note"]) for row in csv.DictReader(stream)}
    assert ("2x + 0(√(7e-647))^-9999", "too_large") in notes  # once 'correct' idle and 'timeout' loaded
    assert not {note for _, note in notes} & {"timeout", "crashed"}


def test_killed_with_minus_9_and_resumed_it_writes_the_same_bytes(tmp_path):
    submissions = class_file(tmp_path)
    args = ["grade", "gradients", str(submissions), "--jobs", "2"]
    whole = tmp_path / "whole"
    assert main([*args, "--out", str(whole)]) == 0
    for attempt in range(3):
        killed = tmp_path / f"killed{attempt}"
        env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
        slowly = [sys.executable, str(TESTS / "grade_slowly.py"), "0.02", *args, "--out", str(killed)]
        process = subprocess.Popen(slowly, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            give_up = time.monotonic() + 60
            while _journaled(killed / FILE_NAME) < 10 * (attempt + 1) and time.monotonic() < give_up:
                time.sleep(0.01)
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait()
        assert main([*args, "--out", str(killed), "--resume"]) == 0
        assert files(killed) == files(whole)
