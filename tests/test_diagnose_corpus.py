"""The measured rates on our own corpus: labelled wrong answers, and correct answers in varied forms.

This corpus was written by the people who wrote the catalogue, so it can only show that each
misconception is recognised as we meant it; tests/test_diagnose_blind.py measures on a corpus
written blind. tests/data/diagnose_wrong.csv holds wrong answers to the lesson pack and the
drills, written by hand from each misconception's meaning, as students type
them (`6xy^3`, `6 x y³`, `6*x*y**3`, Unicode ...). Each row names the
misconception it shows; `a|b` where the answer is what both mistakes give for
that exercise, `-` for a wrong answer that shows none of them. Drills fix their
variant by the student id in the row. tests/data/diagnose_correct.csv holds
correct answers in varied forms.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from test_diagnose_blind import KINDS

from tutor import packs
from tutor.feedback import respond
from tutor.topics import CATALOGUE

DATA = Path(__file__).parent / "data"
NOTE = "misconception:"
# the built-in packs, and an exercise for the one misconception none of them can show (ln of a sum)
_PACKS = {**{name: packs.load(name) for name in packs.BUILT_IN}, "more": packs.load(DATA / "diagnose_more.yaml")}


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _exercise(row: dict) -> packs.Exercise:
    return _PACKS[row["pack"]].exercise(row["exercise"]).variant(row["student"] or None)


def _named(note: str) -> set[str]:
    """The ids a note names: one, both of a pair (a+b), or either of two (a|b)."""
    return set(note[len(NOTE):].replace("+", "|").split("|")) if note.startswith(NOTE) else set()


@dataclass
class Tally:
    labelled: int = 0
    rightly: int = 0  # labelled wrong answers given (one of) their label's names
    unlabelled: int = 0
    unlabelled_named: int = 0  # wrong answers no catalogued mistake describes, given a name anyway
    correct: int = 0
    correct_named: int = 0  # right answers graded wrong or given a name
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("labelled", "rightly", "unlabelled", "unlabelled_named", "correct", "correct_named"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


@cache
def measure() -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in _rows("diagnose_wrong.csv"):
        exercise = _exercise(row)
        verdict = respond(exercise, row["answer"])
        tally = tallies[exercise.problem.KIND]
        where = f"{row['exercise']} {row['student']} {row['answer']!r}: {row['misconception']} -> {verdict.note}"
        if verdict.correct:
            tally.misses.append(f"not wrong: {where}")
        if row["misconception"] == "-":
            tally.unlabelled += 1
            tally.unlabelled_named += bool(_named(verdict.note))
            if _named(verdict.note):
                tally.misses.append(where)
        else:
            tally.labelled += 1
            right = bool(_named(verdict.note) & set(row["misconception"].split("|")))
            tally.rightly += right
            if not right:
                tally.misses.append(where)
    for row in _rows("diagnose_correct.csv"):
        exercise = _exercise(row)
        verdict = respond(exercise, row["answer"])
        tally = tallies[exercise.problem.KIND]
        tally.correct += 1
        if not verdict.correct or _named(verdict.note):
            tally.correct_named += 1
            tally.misses.append(f"right answer: {row['exercise']} {row['student']} {row['answer']!r}: {verdict.note}")
    return dict(tallies)


def table(tallies: dict[str, Tally]) -> str:
    """The figures per kind, as docs/explanation/misconceptions.md shows them."""
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    lines = ["| kind | labelled wrong answers named rightly | unlabelled wrong answers named | "
             "right answers named or graded wrong |", "|---|---|---|---|"]
    kinds = [k for k in [*KINDS, *sorted(set(tallies) - set(KINDS))] if k in tallies]
    for kind, t in [*((k, tallies[k]) for k in kinds), ("all", total)]:
        lines.append(f"| {kind} | {t.rightly}/{t.labelled} | {t.unlabelled_named}/{t.unlabelled} | "
                     f"{t.correct_named}/{t.correct} |")
    return "\n".join(lines)


def test_wrong_answers_name_their_misconception(capsys):
    tallies = measure()
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    with capsys.disabled():
        print("\nour own corpus (written with the catalogue, not blind), per kind:\n" + table(tallies))
    misses = "\n".join(total.misses)
    assert total.labelled >= 200 and total.correct >= 200
    assert not any(m.startswith("not wrong") for m in total.misses), misses
    assert total.rightly >= 0.9 * total.labelled, misses
    assert total.unlabelled_named == 0, misses
    assert total.correct_named == 0, misses


def test_the_docs_show_these_figures():
    """docs/explanation/misconceptions.md shows the figures measured here, per kind."""
    page = (Path(__file__).parents[1] / "docs" / "explanation" / "misconceptions.md").read_text(encoding="utf-8")
    assert table(measure()) in page


def test_the_corpus_covers_the_catalogue():
    labels = {label for row in _rows("diagnose_wrong.csv") for label in row["misconception"].split("|")}
    assert labels - {"-"} <= set(CATALOGUE)
    assert set(CATALOGUE) - labels == set()
