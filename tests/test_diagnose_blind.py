"""Diagnosis measured on a corpus written blind: the figures of issue 14, per exercise kind.

tests/data/diagnose_blind.csv (described in diagnose_blind.md) was written by someone who never saw
the tutor's code, from the lesson and the exercises' prompts only: 664 answers to the lesson pack and
the drills (variant s01), each labelled `misconception`, `two_misconceptions` (two labels joined by
" ; "), `slip` or `correct`, the mistake said in plain words. Its labels are kept as written.

tests/data/diagnose_blind_labels.csv says, for each plain-words label, which catalogue ids express it
(`a|b` where either does, `-` where none can: a mistake no rule describes). It was written before the
catalogue was extended for issue 14, from the labels alone.

Every answer goes through `tutor.feedback.respond`, the path the REPL and the grader take.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from tutor import packs
from tutor.feedback import respond
from tutor.topics import CATALOGUE

DATA = Path(__file__).parent / "data"
NOTE = "misconception:"
KINDS = ("derivative", "partial_derivative", "gradient", "tangent_plane", "critical_points", "classify_point",
         "minimize", "least_squares", "gradient_descent", "expression")


def _csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _labels(corpus: str = "blind") -> dict[str, frozenset[str]]:
    return {row["label"]: frozenset() if row["misconceptions"] == "-" else frozenset(row["misconceptions"].split("|"))
            for row in _csv(f"diagnose_{corpus}_labels.csv")}


def named(note: str) -> frozenset[str]:
    """The catalogue ids a verdict's note names: `misconception:a`, both of a pair `a+b`, either of `a|b`."""
    if not note.startswith(NOTE):
        return frozenset()
    return frozenset(note[len(NOTE):].replace("+", "|").split("|"))


@dataclass
class Tally:
    rows: Counter = field(default_factory=Counter)  # by category
    verdicts: int = 0  # graded right or wrong as the category says
    named: int = 0  # single mistakes given any name
    rightly: int = 0  # single mistakes given the right name
    pair_one: int = 0  # two-mistake answers with at least one of them named
    pair_both: int = 0  # ... with both named
    slips_named: int = 0
    correct_named: int = 0
    misses: list[str] = field(default_factory=list)


@cache
def measure(corpus: str = "blind") -> dict[str, Tally]:
    loaded = {name: packs.load(name) for name in packs.BUILT_IN}
    labels = _labels(corpus)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in _csv(f"diagnose_{corpus}.csv"):
        exercise = loaded[row["pack"]].exercise(row["exercise"]).variant(row["student"] or None)
        verdict = respond(exercise, row["answer"])
        tally = tallies[exercise.problem.KIND]
        category = row["category"]
        tally.rows[category] += 1
        tally.verdicts += verdict.correct == (category == "correct")
        ids = named(verdict.note)
        where = f"{row['exercise']} {row['answer']!r}: {row['label']} -> {verdict.note}"
        if category == "misconception":
            tally.named += bool(ids)
            right = bool(ids & labels[row["label"]])
            tally.rightly += right
            if not right:
                tally.misses.append(where)
        elif category == "two_misconceptions":
            first, second = (labels[part.strip()] for part in row["label"].split(" ; "))
            tally.pair_one += bool(ids & (first | second))
            both = bool(ids & first) and bool(ids & second) and len(ids & (first | second)) >= 2
            tally.pair_both += both
            if not both:
                tally.misses.append(where)
        elif category == "slip":
            tally.slips_named += bool(ids)
            if ids:
                tally.misses.append(where)
        else:
            tally.correct_named += bool(ids)
    return dict(tallies)


def _total(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for tally in tallies.values():
        total.rows += tally.rows
        for name in ("verdicts", "named", "rightly", "pair_one", "pair_both", "slips_named", "correct_named"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    return total


def table(tallies: dict[str, Tally]) -> str:
    """The figures per kind, as docs/explanation/misconceptions.md shows them."""
    lines = ["| kind | answers | verdicts right | single mistakes named | named rightly | pairs: both named "
             "(one) | slips named | right answers named |", "|---|---|---|---|---|---|---|---|"]
    kinds = [k for k in [*KINDS, *sorted(set(tallies) - set(KINDS))] if k in tallies]
    for kind, tally in [*((k, tallies[k]) for k in kinds), ("all", _total(tallies))]:
        r = tally.rows
        lines.append(f"| {kind} | {sum(r.values())} | {tally.verdicts} | {tally.named}/{r['misconception']} | "
                     f"{tally.rightly}/{r['misconception']} | {tally.pair_both}/{r['two_misconceptions']} "
                     f"({tally.pair_one}) | {tally.slips_named}/{r['slip']} | {tally.correct_named}/{r['correct']} |")
    return "\n".join(lines)


@pytest.mark.parametrize("corpus", ["blind", "holdout", "variants"])
def test_the_docs_show_these_figures(corpus):
    """docs/explanation/misconceptions.md shows the figures measured here, per kind."""
    page = (Path(__file__).parents[1] / "docs" / "explanation" / "misconceptions.md").read_text(encoding="utf-8")
    assert table(measure(corpus)) in page


@pytest.mark.parametrize("corpus", ["blind", "holdout", "variants"])
def test_every_label_is_mapped_to_catalogue_ids(corpus):
    labels = _labels(corpus)
    for row in _csv(f"diagnose_{corpus}.csv"):
        for part in row["label"].split(" ; ") if row["category"].endswith("misconceptions") or \
                row["category"] == "misconception" else ():
            assert part.strip() in labels, part
    assert set().union(*labels.values()) <= set(CATALOGUE)


def _figures(corpus: str, capsys) -> tuple[Tally, str]:
    """A corpus's figures per kind, printed, and its total with its misses, to say beside a figure that fails."""
    tallies = measure(corpus)
    with capsys.disabled():
        print(f"\n{corpus} corpus (tests/data/diagnose_{corpus}.csv), per kind:\n" + table(tallies))
    return _total(tallies), "\n".join(m for t in tallies.values() for m in t.misses)


def test_blind_corpus_figures(capsys):
    total, misses = _figures("blind", capsys)
    rows = total.rows
    assert total.correct_named == 0
    # verdicts are the check's (issue 11): the few it misses are forms the reader refuses (x2 = 0.1735,
    # x ≈ 0.567) or b = 2.33 for an exact 7/3; this keeps them from growing ((±2, 0) is read since finding 112)
    assert total.verdicts >= 660, misses
    assert total.rightly >= 0.9 * rows["misconception"], misses
    # 10% (8/84) until a plane with the right slopes was told its wrong height whatever made it wrong (finding 745:
    # two planes of f(2, 4) miscalculated) and the sauna's (-4, -4) its signs (finding 747); 13 since T's 1/90 left out is
    # dropped-constant-coefficient (finding 803): rows 161 (∂T/∂y, "copying: dropped the /90") and 302 (∇T(0.5, 0.6),
    # "forgot to divide by 90 at the end"), labelled slips, are that catalogued mistake; 14 since f′ = 0 solved with a sign
    # lost is solved-with-sign-lost (an outside check's x = 2 for x² + 4x): mn-quadratic's 5/2, "sign slip moving 5
    # across the equals sign", labelled a slip, is told just that; 15 since α with a decimal place slipped is
    # rate-decimal-slipped (an outside check of practice): descent-1d-step-1's 0.9974, "copying: used α = 0.05
    # instead of 0.005", is told that; 16 since one coordinate moved uphill is named (outside check h20, F5):
    # descent-heat-step-1's (0.4943, 0.6047), "sign slip on the x-component of the gradient (+0.1134)", is told x moved
    # along ∂T/∂x
    assert total.slips_named <= 16, misses
    assert total.pair_both >= 0.5 * rows["two_misconceptions"], misses


def test_held_out_corpus_figures(capsys):
    """The second blind corpus, kept out of sight while diagnosis was extended and measured once at
    the end (tests/data/diagnose_holdout.md), then again after the next release's work (whose
    helper saw only these totals): its figures as they are, short of the targets (named rightly
    86%, slips named 26%), so that they can only improve."""
    total, misses = _figures("holdout", capsys)
    assert total.correct_named == 0
    assert total.verdicts >= 295, misses
    assert total.rightly >= 175, misses  # 174 until f′ = 0 divided the wrong way round was said first (h18)
    # 9 until z = 6 + 4(x - 2) + 8(y - 4) was told its wrong height (745); 11 since 0.9974, "Copied the learning rate
    # as 0.05 instead of 0.005", is told that (rate-decimal-slipped)
    assert total.slips_named <= 11, misses
    assert total.pair_both >= 19, misses


def test_variants_corpus_figures(capsys):
    """The third blind corpus (tests/data/diagnose_variants.md): 220 answers to eight students' own variants of the
    drills pack, each worked out for that student's numbers by someone who never saw the code, its labels mapped to
    catalogue ids from the labels and the catalogue page alone, and measured once: whether naming holds on numbers
    other than the lesson's and s01's. Its figures as they are, so that they can only improve; when first measured
    the verdicts were 218 of 220 (x* = 6 and x = ln(9) ≈ 2.1972, right answers, were refused: both read since)."""
    total, misses = _figures("variants", capsys)
    assert total.correct_named == 0
    assert total.verdicts >= 220, misses
    assert total.rightly >= 120, misses
    assert total.slips_named <= 4, misses
    assert total.pair_both >= 12, misses
