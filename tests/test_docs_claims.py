"""Claims of the docs that no other test showed."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

from tutor import packs
from tutor.misconceptions import CATALOGUE

REPO = Path(__file__).resolve().parents[1]
TUTOR = REPO / "tutor"


def test_nothing_in_tutor_runs_text():
    """docs/explanation/security.md: nothing in `tutor/` calls `eval`, `exec`, `sympify` or `parse_expr`."""
    forbidden = {"eval", "exec", "sympify", "parse_expr"}
    for source in sorted(TUTOR.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "name", None)
            assert name not in forbidden, f"{source.relative_to(REPO)}: {name}"


def test_the_catalogue_page_shows_real_feedback():
    """docs/explanation/misconceptions.md: each catalogue row's example (an exercise's prompt and a
    wrong answer) gets exactly the feedback shown, and every misconception has its row."""
    page = (REPO / "docs" / "explanation" / "misconceptions.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| [^|]+ \| (.+?): `([^`]+)` \| (.+) \|$", page, re.M)
    assert {row[0] for row in rows} == set(CATALOGUE)
    built_in = {name: packs.load(name) for name in packs.BUILT_IN}
    with (REPO / "tests" / "data" / "diagnose_wrong.csv").open(encoding="utf-8", newline="") as file:
        corpus = list(csv.DictReader(file))
    for misconception, prompt, answer, feedback in rows:
        exercises = [built_in[r["pack"]].exercise(r["exercise"]).variant(r["student"] or None)
                     for r in corpus if r["answer"] == answer and misconception in r["misconception"].split("|")]
        shown = [e.check(answer).message for e in exercises if e.prompt().startswith(prompt)]
        assert feedback in shown, f"{misconception}: {prompt}: {answer!r} gets {shown}"
