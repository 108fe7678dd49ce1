"""An unread answer that no candidate can read is graded without building the candidates
(tutor.diagnose.unmatchable): the verdict must be the one building them gives."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.builtin_packs import BUILT_IN
from tutor.check import Judgement
from tutor.diagnose import _UNREAD, _table_for, diagnosable, explain, names_read, unmatchable, worth_naming
from tutor.parse import InputError, read
from tutor.topics import FieldError

STUDENTS = ("s0000", "s0001")
UNREAD = ["idk", "asdf", "n/a", "see attached", "=A1*B2", "=SUM(A1:A9)", "=cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0", "dunno lol", "x + C", "y = 2x + 1", "(2x, 2y)", "m = 2, b = 1",
          "sin(t)", "log_2 x", "log_t x", "none", "minimun", "z", "2x + y", "θ"]


@cache
def variants() -> tuple:
    """Every exercise of every built-in pack, in the lesson's numbers and two students' variants."""
    found = []
    for name in BUILT_IN:
        for spec in packs.load(name).exercises:
            for student in STUDENTS if spec.per_student else STUDENTS[:1]:
                try:
                    found.append((spec.id, student, spec.variant(student)))
                except FieldError:
                    continue
    return tuple(found)


def table_readings(exercise) -> set:
    tables = _table_for(exercise.problem, exercise.tolerance, tuple(exercise.mistakes))
    return {entry.reading for table in (tables.first, tables.pairs()) for entry in table.entries}


def test_every_candidate_reads_with_names_its_kind_declares():
    """What makes the skip exact: no candidate reads an answer with a name outside names_read."""
    for exercise_id, student, exercise in variants():
        allowed = set(names_read(exercise.problem))
        for shape, variables, components in table_readings(exercise):
            assert {*variables, *components} <= allowed, (exercise_id, student, shape)


def test_unread_answers_keep_the_verdict_building_the_candidates_gives():
    skipped = 0
    for _, _, exercise in variants():
        problem = exercise.problem
        for text in UNREAD:
            verdict = problem.check(text, exercise.tolerance)
            if not diagnosable(verdict) or worth_naming(verdict, problem, text):
                continue
            skipped += 1
            assert verdict.verdict == Judgement.INVALID and verdict.note in _UNREAD
            assert explain(verdict, problem, text, exercise.tolerance, tuple(exercise.mistakes)) == verdict
    assert skipped > 100  # idk, asdf ... in every exercise


def test_an_answer_a_candidate_reads_is_not_skipped():
    drill = {exercise_id: exercise for exercise_id, _, exercise in variants()}
    assert not unmatchable(drill["pd-quadratic"].problem, "6x + C")  # + C: the derivative's own mistake
    assert not unmatchable(drill["ls-four-points"].problem, "y = 2x + 1")  # the line for its (m, b)
    assert not unmatchable(drill["cl-flat"].problem, "saddel")  # a label, with a slip
    assert unmatchable(drill["pd-quadratic"].problem, "see attached")
    assert unmatchable(drill["cost-mean-step"].problem, "y = 2x + 1")  # no candidate of a cost reads x or y


@cache
def one_of_each_kind() -> tuple:
    kinds: dict[str, object] = {}
    for _, _, exercise in variants():
        kinds.setdefault(exercise.problem.KIND, exercise)
    return tuple(kinds.values())


TYPED = st.text(alphabet="xyzmbCtdkiaesnlogp _2.0+-*/^()=,|'!:{}θ", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(text=TYPED)
def test_no_candidate_reads_what_is_skipped(text):
    """Where the skip says no candidate can read the text, no reading of any candidate does."""
    for exercise in one_of_each_kind():
        problem = exercise.problem
        if not unmatchable(problem, text):
            continue
        for shape, variables, components in table_readings(exercise):
            with pytest.raises(InputError):
                read(text, shape, variables, components=components)
