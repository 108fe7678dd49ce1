"""Naming a mistake depends on the answer only, never on the machine's speed or load.

Diagnosis counts its work (candidates compared with an answer), it is not timed: a class graded
with --jobs 1 at full speed and with --jobs 2 in workers slowed down at every comparison gets the
same files, byte for byte, mistakes named, pairs and either-ors included. Under the former
wall-clock share of the budget (a quarter of the check's two seconds), the slowed run would have
named fewer mistakes.
"""

from __future__ import annotations

import time

from tutor import diagnose
from tutor.cli import main
from tutor.reports import FILES

# answers to the lesson pack showing one mistake, either of two, two at once, one in a component,
# a pattern in a set of points, and answers with no name
ANSWERS = """student,exercise,answer
ann,partial-x-3x2y3,6xy^3 + 9x^2y^2
ann,partial-y-3x2y3,3x^2y^2
ann,partial-x-x2y2,x + y^2
ann,gradient-x2y2-at-2-3,"(3, 2)"
ann,gradient-x2y2,"(2x, y)"
ann,tangent-plane-x2y2,z = 4x + 8y
ann,sauna-critical-points,"(4, 4), (6, 6)"
ann,power-lines-fit,"m = 1/24, b = 10/3"
ann,descent-1d-step-2,0.2395
ann,descent-heat-step-1,"(0.4953, 0.5943)"
ann,classify-x2y2-origin,saddle
ben,partial-x-3x2y3,7xy^3
ben,power-lines-fit,"m = 0.5, b = 2.1"
ben,descent-1d-step-1,0.1447
ben,minimum-x2,2x
"""


def _grade(tmp_path, name: str, jobs: str) -> dict[str, bytes]:
    out = tmp_path / name
    assert main(["grade", "gradients", str(tmp_path / "answers.csv"), "--out", str(out), "--jobs", jobs]) == 0
    return {file: (out / file).read_bytes() for file in FILES}


def test_slowed_workers_name_the_same_mistakes_byte_for_byte(tmp_path, monkeypatch):
    (tmp_path / "answers.csv").write_text(ANSWERS, encoding="utf-8")
    diagnose._table.cache_clear()
    fast = _grade(tmp_path, "fast", "1")

    match = diagnose._Search.match

    def slowly(self, entry, got, ctx):
        time.sleep(0.03)  # every comparison of an answer with a candidate, as on a loaded machine
        return match(self, entry, got, ctx)

    monkeypatch.setattr(diagnose._Search, "match", slowly)  # the forked workers inherit it
    diagnose._table.cache_clear()
    slow = _grade(tmp_path, "slow", "2")
    assert slow == fast
    notes = fast["answers.csv"].decode("utf-8")
    for note in ("misconception:differentiated-constant-factor",
                 "misconception:power-rule-not-multiplied|dropped-constant-coefficient",
                 "misconception:power-rule-not-multiplied+kept-constant-term",
                 "misconception:components-swapped+power-rule-not-multiplied",
                 "misconception:ignored-critical-lines+outside-region",
                 "misconception:first-gradient-reused"):
        assert note in notes
