"""The verdict a student gets: the answer checked, then the mistake named where diagnosis finds one.

The faces (the REPL, the grader, `tutor check --exercise`) call `respond`. The
pack loader only checks (an exercise's own answer must grade as correct), so
packs know nothing of diagnosis; an exercise variant from a pack (a
tutor.packs.Exercise) is what `respond` takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .check import Verdict
from .compare import Tolerance
from .diagnose import AuthorMistake, explain
from .topics import Problem


class Gradable(Protocol):
    """One exercise variant with what its pack says about checking it (a tutor.packs.Exercise)."""

    @property
    def problem(self) -> Problem: ...

    @property
    def tolerance(self) -> Tolerance | None: ...

    @property
    def mistakes(self) -> Sequence[AuthorMistake]: ...


def respond(exercise: Gradable, text: str) -> Verdict:
    """The verdict on a student's answer; a wrong one names its mistake where diagnosis finds it
    (the pack author's `mistakes:` first, then the kind's misconceptions)."""
    verdict = exercise.problem.check(text, exercise.tolerance)
    return explain(verdict, exercise.problem, text, exercise.tolerance, tuple(exercise.mistakes))
