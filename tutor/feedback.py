"""The verdict a student gets: the answer checked, then the mistake named where diagnosis finds one.

The faces (the REPL, the grader, `tutor check --exercise`) call `respond`. The
pack loader only checks (an exercise's own answer must grade as correct), so
packs know nothing of diagnosis; an exercise variant from a pack (a
tutor.packs.Exercise) is what `respond` takes.

`respond` runs in a worker process (tutor.workers), where the memory and CPU
limits hold: the worker rebuilds the variant from its pack entry and parameters,
once. What diagnosing needs (the wrong answers it compares with) is built there
too, once, when the first answer that may show a mistake comes: trusted work,
outside that answer's limits. A right answer never waits for it (a table can take
seconds: the mistakes of a minimum at a cusp, `abs(sin(x))^(2/3) + abs(cos(x))`,
took 20 s of sympy's solving, before `tutor check` could say "Correct.").
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar, cast

from sympy import Expr

from . import workers
from .check import STOPPED, Verdict
from .compare import Note, Tolerance
from .diagnose import AuthorMistake, explain, prepare, worth_naming
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
    return _responded(exercise, text, build_first=False)


def _responded(exercise: Gradable, text: str, build_first: bool) -> Verdict:
    """`respond`'s work where it runs; build_first: where the answer may show a mistake, the wrong answers to
    compare with are built first (once a variant), under the preparation's limit, not the answer's (in a worker
    that `respond` sent the answer to: the grader builds them itself)."""
    # the diagnosis reads the text the check has just read; both write numbers as the pack does (acos(-1/10))
    with remembering(), exercise.problem.numbers_written():
        verdict = exercise.problem.check(text, exercise.tolerance)
        if verdict.note == Note.WRONG_WORKING:  # the wrong link is the mistake to name, not what the value may show
            return verdict
        if build_first and worth_naming(verdict, exercise.problem, text):
            workers.preparing_again()
            prepared(exercise)
            workers.answering_again()
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
    return _responded(exercise, text, build_first=True)


_variants: dict[bytes, Gradable] = {}  # in a worker: the variants sent to it, by pack entry and parameters
_MAX_VARIANTS = 256


def _rebuilt(spec: _Rebuildable, params: tuple, *rest: object) -> tuple:
    """(the variant, *rest), built once per worker, its expected answer computed (what diagnosing needs is
    built when an answer first needs it: `respond`)."""
    key = pickle.dumps((spec, params))
    if key not in _variants:
        if len(_variants) >= _MAX_VARIANTS:
            _variants.clear()
        _variants[key] = spec.with_values(params)
        _variants[key].expected()
    return (_variants[key], *rest)
