"""The mistakes the tutor names, held to a corpus an outside checker wrote and judged blind.

tests/data/blind_naming/README.md says how the 532 answers were written and judged. Every answer goes
through `tutor.feedback.respond`, the path `tutor check`, the REPL and the grader take.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

from tests.test_diagnose_blind import named
from tutor import packs
from tutor.feedback import respond

CASES = Path(__file__).parent / "data" / "blind_naming" / "cases.jsonl"

# The `no` rows: the checker's words, and the catalogue id they describe (our reading of its words).
RIGHT_READING = {
    57: ("exponent only; one mistake, exponent alone, explains both", "power-rule-gave-exponent"),
    61: ("differentiated constant term both; one mistake in both partials explains it", "differentiated-constant-term"),
    120: ("sign slip in y", "critical-point-sign"),
    454: ("exponent only in both; exponent alone in both explains it", "power-rule-gave-exponent"),
    510: ("sign slip solving -2y-2=0", "critical-point-sign"),
}


@cache
def cases() -> tuple[tuple[dict, str], ...]:
    """Each row of the corpus with the note the tutor gives its answer now."""
    loaded = {name: packs.load(name) for name in packs.BUILT_IN}
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        exercise = loaded[row["pack"]].exercise(row["exercise"]).variant(row["student"])
        rows.append((row, respond(exercise, row["answer"]).note))
    return tuple(rows)


def _judged(row: dict) -> str:
    return row["judged"].split()[0].rstrip(":")


def test_the_corpus_is_the_checkers_table():
    assert Counter(_judged(row) for row, _ in cases()) == {
        "yes": 350, "none": 115, "n/a": 44, "exploratory": 15, "no": 5, "partly": 3}


# answers judged rightly named where a catalogue mistake added since is the checker's own words, said first
# beside one of the two named before (either of two is said, not three)
SAID_FIRST = {456: ("sign of (-1)^3 lost", "negative-base-odd-power")}


def test_every_mistake_the_checker_judged_rightly_named_is_still_named():
    lost = [f"{row['id']} {row['exercise']} {row['answer']!r}: {row['note']} -> {now}"
            for row, now in cases() if _judged(row) == "yes" and not named(row["note"]) <= named(now)
            and not (row["id"] in SAID_FIRST and SAID_FIRST[row["id"]][0] == row["intended"]
                     and SAID_FIRST[row["id"]][1] in named(now) and named(row["note"]) & named(now))]
    assert lost == []


def test_right_answers_and_rightly_refused_ones_keep_their_verdict():
    # right answers stay right: a set of points right to the tolerance only says so since an outside check (h15, F10)
    # found it noted `equal` (row 361, the local minima to 4 places); a point written as two equations, where no line
    # is critical, is the point since the held-out corpus and outside checks h20 and h22 expected it (rows 93 and
    # 118, "right point written as two equations", were refused, as two lines); a descent's point, its steps taken
    # in rationals since outside check h32, is found equal to the key, not only numerically (row 294)
    allowed = {("equal", "within_tolerance"), ("parse_error:coordinates_as_lines", "equal"), ("numeric", "equal")}
    moved = [f"{row['id']} {row['answer']!r}: {row['note']} -> {now}"
             for row, now in cases() if _judged(row) == "n/a" and now != row["note"] and (row["note"], now) not in allowed]
    assert moved == []


def test_each_misnamed_answer_now_names_the_reading_the_checker_gave():
    rows = {row["id"]: (row, now) for row, now in cases() if _judged(row) == "no"}
    assert set(rows) == set(RIGHT_READING)
    for id_, (_, right) in RIGHT_READING.items():
        assert right in named(rows[id_][1]), rows[id_]


def test_how_many_unnamed_answers_now_get_a_name(capsys):
    """Measured, not judged: no one outside has said whether these new names are right."""
    unnamed = [(row, now) for row, now in cases() if _judged(row) == "none"]
    now_named = [f"{row['id']} {row['answer']!r} ({row['intended']}): {now}" for row, now in unnamed if named(now)]
    with capsys.disabled():
        print(f"\nblind naming corpus: {len(now_named)} of {len(unnamed)} answers the checker found unnamed now get a name")
    # 26 since finding 807: row 498, (xy, xz, yz + 4x) for ∇(xyz + 2x²), is ∂f/∂x and ∂f/∂z swapped; 30 since finding
    # 803 and 804: rows 69, 390 and 403, T's 1/90 left out (∇T(0.5, 0.6), ∂T/∂x, ∂T/∂y), are dropped-constant-coefficient,
    # and row 110, the sauna's (4, 6), (6, 4) for (4, 4), factors of one partial set to zero together; 32 since a step's
    # slope summed without dividing by n is slope-not-averaged: rows 242 and 253, "sum (E) gradient without 1/n"; 36
    # since the cost's partial slips are named: rows 219 and 257 (signs flipped, error-sign-flipped), 220 (only mb
    # not doubled, some-products-not-doubled) and 222 (constant dropped, squares-constant-dropped); 38 since a ½ put on
    # the sum E is sum-halved: row 230, 25/12 for E = 25/6 ("divided by 2n"), and row 247, 2, whose label is absolute
    # errors added up (a number the two readings share: outside check h18's F7 asked for the ½), now told as either,
    # with absolute-errors; 39 since one coordinate moved uphill is named: row 280, (0.4943, 0.6047), "lesson's slide
    # gradient sign (0.1134) used"; 41 since the start given for where descent ends is named: rows 356 and 365,
    # labelled "the start" and "start" (outside check h49, N6); 42 since a slice given as its derivative is named: row 6,
    # 2x for f(x, 4), labelled "gave slope not slice" (outside check h60, W1)
    assert len(now_named) == 42, now_named
