"""docs/explanation/lesson-map.md: every slide that teaches something, with the exercises that practise it.

Every exercise it names is in the built-in lesson pack, every exercise of the pack is named, every
kind of exercise the lesson needs appears, and the slides are numbered in order."""

from __future__ import annotations

import re
from pathlib import Path

from tutor import packs
from tutor.topics import KINDS

PAGE = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "lesson-map.md"
ROW = re.compile(r"^\| (\d+) \| (.+?) \| (.+?) \| (.+?) \|$", re.M)


def _rows() -> list[tuple[int, str, list[str]]]:
    return [(int(n), slide, re.findall(r"`([^`]+)`", exercises))
            for n, slide, _, exercises in ROW.findall(PAGE.read_text(encoding="utf-8"))]


def test_every_exercise_named_is_in_the_lesson_pack_and_every_one_is_named():
    pack = {spec.id: spec for spec in packs.load("gradients").exercises}
    named = {name for _, _, names in _rows() for name in names}
    assert named - set(pack) == set(), "named on the page but not in the pack"
    assert set(pack) - named == set(), "in the pack but on no slide"


def test_every_slide_has_an_exercise_and_they_are_in_order():
    rows = _rows()
    assert [n for n, _, _ in rows] == list(range(1, len(rows) + 1))
    assert len(rows) >= 40
    assert all(names for _, _, names in rows)


def test_every_kind_appears():
    """Each kind has a slide it practises; `expression` is an author's own question, not a slide's."""
    pack = {spec.id: spec.kind for spec in packs.load("gradients").exercises}
    kinds = {pack[name] for _, _, names in _rows() for name in names}
    assert kinds == set(KINDS) - {"expression"}


def test_the_slides_without_an_exercise_say_why():
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("## Slides with no exercise", 1)[1]
    assert "Method 1: Try Both Directions" in section and "pictures only" in section
