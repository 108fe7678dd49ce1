"""The grader names a mistake as `respond` does everywhere, though it builds a variant's pairs of
misconceptions only for an answer no single one explains (and then checks the answer again)."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import diagnose, packs, workers
from tutor.feedback import prepared, respond
from tutor.grade import Graded, _check_task, _Task
from tutor.show import show
from tutor.topics import candidates

DRILLS = packs.load("drills")
# the kinds with pairs: derivatives, a slice's slope, a gradient, critical points, descent, a tangent plane
EXERCISES = ["pd-monomial-x", "pd-quadratic", "pd-at-point", "fix-slope", "g-quadratic", "g-three-variables",
             "cp-saddle", "gd-bowl", "tp-product", "ex-one-step"]


def _wrong_answers(exercise) -> list[str]:
    problem = exercise.problem
    return sorted(show(c.answer.value, problem.variables) for c in candidates(problem) if hasattr(c, "answer"))


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXERCISES), st.sampled_from(["s1", "s2", "s3"]), st.data())
def test_the_grader_names_what_respond_names(exercise_id, student, data):
    spec = DRILLS.exercise(exercise_id)
    exercise = spec.variant(student)
    right = show(exercise.problem.expected().value, exercise.problem.variables)
    text = data.draw(st.one_of(
        st.sampled_from(_wrong_answers(exercise)),  # one mistake or two
        st.integers(0, len(right) - 1).flatmap(  # a slip: a character of the right answer changed
            lambda i: st.sampled_from(string.digits + "xy+-").map(lambda c: right[:i] + c + right[i + 1:]))))
    diagnose._table.cache_clear()  # the variant's pairs unbuilt, as in a worker that has not needed them
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "IN_WORKER", True)  # in the worker: the grader's own path
        graded = _check_task(DRILLS, 5.0, _Task(exercise_id, spec.values(student), text, in_full=True),
                             lambda info: None)
    assert isinstance(graded, Graded)
    assert graded.verdict == respond(prepared(spec.variant(student)), text, isolated=False)
