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
from pathlib import Path

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


def test_wrong_answers_name_their_misconception(capsys):
    rows = _rows("diagnose_wrong.csv")
    labelled = [r for r in rows if r["misconception"] != "-"]
    unlabelled = [r for r in rows if r["misconception"] == "-"]
    assert len(labelled) >= 200
    missed, misnamed = [], []
    for row in labelled:
        verdict = respond(_exercise(row), row["answer"])
        assert not verdict.correct, f"{row['exercise']}: {row['answer']!r} is not wrong"
        if not _named(verdict.note) & set(row["misconception"].split("|")):
            missed.append(f"{row['exercise']} {row['student']} {row['answer']!r}: "
                          f"{row['misconception']} -> {verdict.note}")
    for row in unlabelled:
        verdict = respond(_exercise(row), row["answer"])
        assert not verdict.correct, f"{row['exercise']}: {row['answer']!r} is not wrong"
        if _named(verdict.note):
            misnamed.append(f"{row['exercise']} {row['answer']!r} -> {verdict.note}")
    rate = 1 - len(missed) / len(labelled)
    with capsys.disabled():
        print(f"\nour own corpus (written with the catalogue, not blind): {len(labelled) - len(missed)}/{len(labelled)} wrong answers named right "
              f"({rate:.1%}); {len(misnamed)}/{len(unlabelled)} answers with no catalogued mistake given a name")
    assert rate >= 0.9, "\n".join(missed)
    assert not misnamed, "\n".join(misnamed)


def test_correct_answers_are_never_diagnosed(capsys):
    rows = _rows("diagnose_correct.csv")
    assert len(rows) >= 200
    wrong = []
    for row in rows:
        verdict = respond(_exercise(row), row["answer"])
        if not verdict.correct or _named(verdict.note):
            wrong.append(f"{row['exercise']} {row['student']} {row['answer']!r}: {verdict.note}")
    with capsys.disabled():
        print(f"\ndiagnosis: {len(rows) - len(wrong)}/{len(rows)} correct answers graded correct "
              f"with no misconception named")
    assert not wrong, "\n".join(wrong)


def test_the_corpus_covers_the_catalogue():
    labels = {label for row in _rows("diagnose_wrong.csv") for label in row["misconception"].split("|")}
    assert labels - {"-"} <= set(CATALOGUE)
    assert set(CATALOGUE) - labels == set()
