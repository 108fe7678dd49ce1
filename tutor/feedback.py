"""The verdict a student gets: the answer checked, then the mistake named where diagnosis finds one.

The faces (the REPL, the grader, `tutor check --exercise`) call `respond`. The
pack loader only checks (an exercise's own answer must grade as correct), so
packs know nothing of diagnosis; an exercise variant from a pack (a
tutor.packs.Exercise) is what `respond` takes.

`respond` runs in a worker process (tutor.workers), where the memory and CPU
limits hold: the worker rebuilds the variant from its pack entry and parameters
and builds what diagnosing needs, once, before an answer's limits start.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar, cast

from sympy import Expr

from . import workers
from .check import STOPPED, Verdict
from .compare import Note, Tolerance
from .diagnose import AuthorMistake, explain, prepare
from .parse import remembering
from .topics import Problem


class Gradable(Protocol):
    """One exercise variant with what its pack says about checking it (a tutor.packs.Exercise)."""

    @property
    def problem(self) -> Problem: ...

    @property
    def tolerance(self) -> Tolerance | None: ...

    @property
    def mistakes(self) -> Sequence[AuthorMistake]: ...

    @property
    def spec(self) -> _Rebuildable: ...

    @property
    def params(self) -> tuple[tuple[str, Expr], ...]: ...

    def expected(self) -> object: ...


G = TypeVar("G", bound=Gradable)


class _Rebuildable(Protocol):
    """What a variant is made from (a tutor.packs.ExerciseSpec): sent to a worker, it rebuilds it."""

    def with_values(self, params: tuple[tuple[str, Expr], ...], seed: int | None = None) -> Gradable: ...


def respond(exercise: Gradable, text: str, isolated: bool = True) -> Verdict:
    """The verdict on a student's answer; a wrong one names its mistake where diagnosis finds it
    (the pack author's `mistakes:` first, then the kind's misconceptions).

    isolated: in a worker process, where the memory and CPU limits hold; False here, for trusted
    text only (or when already in a worker)."""
    if isolated and not workers.IN_WORKER:
        outcome = in_worker(exercise, _respond, text)
        return STOPPED[outcome.reason] if isinstance(outcome, workers.Stopped) else cast(Verdict, outcome)
    # the diagnosis reads the text the check has just read; both write numbers as the pack does (acos(-1/10))
    with remembering(), exercise.problem.numbers_written():
        verdict = exercise.problem.check(text, exercise.tolerance)
        if verdict.note == Note.WRONG_WORKING:  # the wrong link is the mistake to name, not what the value may show
            return verdict
        return explain(verdict, exercise.problem, text, exercise.tolerance, tuple(exercise.mistakes))


def prepared(exercise: G, pairs: bool = True) -> G:
    """The variant with what checking an answer needs built first (its expected answer, the wrong
    answers diagnosis compares with, those of two misconceptions at once where `pairs`): trusted work,
    done before an answer's limits start."""
    exercise.expected()
    with exercise.problem.numbers_written():  # the wrong answers' messages, written as the check's are
        prepare(exercise.problem, exercise.tolerance, tuple(exercise.mistakes), pairs)
    return exercise


def in_worker(exercise: Gradable, fn: Callable[..., object], *args: object) -> object:
    """`fn(the variant, *args)` in a worker process: its value, or workers.Stopped."""
    return workers.isolated(fn, exercise.spec, exercise.params, *args, prepare=_rebuilt)


def _respond(exercise: Gradable, text: str) -> Verdict:
    return respond(exercise, text, isolated=False)


_variants: dict[bytes, Gradable] = {}  # in a worker: the variants sent to it, by pack entry and parameters
_MAX_VARIANTS = 256


def _rebuilt(spec: _Rebuildable, params: tuple, *rest: object) -> tuple:
    """(the variant, *rest), built and prepared once per worker."""
    key = pickle.dumps((spec, params))
    if key not in _variants:
        if len(_variants) >= _MAX_VARIANTS:
            _variants.clear()
        _variants[key] = prepared(spec.with_values(params))
    return (_variants[key], *rest)
