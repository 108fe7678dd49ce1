"""Grading a class's answers to a pack, each against the student's own variant.

`grade(pack, submissions)` checks each distinct (exercise, variant, answer text)
once (many students type the same thing), in worker processes that are killed
when an answer outlives its time limit (tutor.workers), journals every result
as it comes (tutor.journal), and returns a Gradebook: one Result per student
and exercise in a fixed order, so the reports are the same for any --jobs.

An answer whose worker was killed from outside is checked again on a fresh
worker (tutor.workers); one that ends a fresh worker too is `crashed`, and is
never journaled: a resumed run checks it again, as an uninterrupted run would.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sympy import srepr

from . import __version__
from .budget import OutOfTime, deadline
from .check import STOPPED, TIMED_OUT, Judgement, Verdict
from .compare import Note
from .diagnose import PairsUnbuilt, pairs_built_elsewhere, worth_naming
from .feedback import prepared, respond
from .journal import Journal
from .limits import LIMITS
from .packs import Exercise, ExerciseSpec, Pack, built_in_path, variant_seed
from .submissions import Problem, Submissions, Submitted, Unread, clearly_meant, problems_of
from .topics import FieldError
from .topics.fields import Table
from .variant_check import Finding, Params, drawn, gradable, not_graded, not_graded_told, of_draw
from .workers import Finished, Pool, Stopped, preparing_again

if TYPE_CHECKING:
    from .roster import Roster

UNANSWERED = Verdict(Judgement.UNANSWERED, Note.NO_ANSWER, "No answer.")

Progress = Callable[[int, int], None]  # (answers checked so far, answers to check)


@dataclass(frozen=True)
class Graded:
    """What checking one answer text against one variant gave."""

    verdict: Verdict
    variant: str  # the variant's parameters, like "a = 3, p = 2" ("" when it has none)

    @property
    def crashed(self) -> bool:
        """The checker failed on the answer (twice, the second time in a fresh worker): no verdict on it."""
        return self.verdict.note == Note.CRASHED

    def to_json(self) -> str:
        return json.dumps({**self.verdict.to_dict(), "variant": self.variant}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Graded:
        data = json.loads(text)
        variant = data.pop("variant")
        return cls(Verdict(**{**data, "verdict": Judgement(data["verdict"])}), variant)


@dataclass(frozen=True, slots=True)  # a class of 20,000 on a roster has 880,000 of these
class Result:
    """One student's result on one exercise (answered or not)."""

    student: str
    exercise: str
    variant: str
    answer: str
    verdict: Judgement
    note: str
    feedback: str
    reading: str
    score: Fraction
    max: Fraction
    source: str = ""  # FILE:LINE of the answer
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Gradebook:
    pack: Pack
    students: tuple[str, ...]  # sorted
    results: tuple[Result, ...]  # student by student, each in the pack's order of exercises
    problems: tuple[Problem, ...]
    checked: int = 0  # distinct answers checked in this run (the rest: repeats, or from the journal)
    absent: Mapping[str, str] = field(default_factory=dict)  # student -> why they have no answer (a roster's)
    roster: Roster | None = None  # the class list, when one was given: its columns go in the outputs
    unread: Mapping[str, Unread] = field(default_factory=dict)  # student with answers -> what of theirs was not read

    @cached_property  # Fraction sums are slow, and every report needs these
    def max(self) -> Fraction:
        """The pack's points possible, less the exercises that could be graded for no student."""
        return points_sum(spec.points for spec in self.pack.exercises if spec.id not in self.left_out)

    @cached_property
    def left_out(self) -> frozenset[str]:
        """The exercises that could be graded for no student: one variant for all, and it can't be set.
        Counting their points as possible would grade the class on a test nobody sat."""
        return left_out(self.pack, self.results)

    @cached_property
    def totals(self) -> dict[str, Fraction]:
        return {student: points_sum(r.score for r in results) for student, results in self.rows()}

    @cached_property
    def possible(self) -> dict[str, Fraction]:
        """Each student's points possible: the pack's, less any exercise not graded for them."""
        return {student: points_sum(r.max for r in results) for student, results in self.rows()}

    def told(self, result: Result) -> str:
        """The feedback the student sees: for an exercise not graded for them, that it does not count, not
        the author's reason (which may say how to mend the pack)."""
        if result.verdict != Judgement.NOT_GRADED:
            return result.feedback
        return not_graded_told(result.exercise, None if result.exercise in self.left_out else result.variant)

    def rows(self) -> Iterator[tuple[str, tuple[Result, ...]]]:
        width = len(self.pack.exercises)
        for i, student in enumerate(self.students):
            yield student, self.results[i * width:(i + 1) * width]


def grade(pack: Pack, submissions: Submissions, *, jobs: int = 1, timeout: float = LIMITS.budget_seconds,
          journal: Journal | None = None, progress: Progress | None = None) -> Gradebook:
    """Every student's result on every exercise of `pack`."""
    keys: dict[tuple[str, str], str] = {}
    tasks: dict[str, tuple[str, str, str]] = {}  # key -> (exercise, student, text): the first of each
    for answer in submissions.answers:
        if answer.text:
            key = answer_key(pack.exercise(answer.exercise), answer)
            keys[answer.student, answer.exercise] = key
            tasks.setdefault(key, (answer.exercise, answer.student, answer.text))
    graded = {}
    if journal is not None:  # a crash is no verdict: checked again (a journal of an older tutor may hold one)
        graded = {key: result for key, record in journal.results().items()
                  if key in tasks and not (result := Graded.from_json(record)).crashed}
    todo = [(key, task) for key, task in tasks.items() if key not in graded]
    students, absent = submissions.students, dict(submissions.absent)
    unanswered = _Unanswered(_unanswered_draws(pack, students, absent, keys))
    for checked, outcome in _check_all(pack, todo, unanswered.variants(), jobs, timeout, progress):
        if isinstance(checked, _Draw):
            unanswered.unset[checked] = outcome
        elif outcome is not None:
            graded[checked] = outcome
            if journal is not None and not outcome.crashed:
                journal.add(checked, outcome.to_json())
    given = {(a.student, a.exercise): a for a in submissions.answers}
    unusable = _unusable(submissions.problems)
    results = tuple(
        _result(spec, student, given.get((student, spec.id)),
                graded.get(keys.get((student, spec.id), ""))
                or _told_unusable(unanswered(spec, student, absent.get(student)), unusable.get((student, spec.id))))
        for student in students for spec in pack.exercises)
    unset = left_out(pack, results)
    if unset:  # a student with nothing submitted was not checked against it: it is not graded for them either
        why = {r.exercise: r for r in results if r.exercise in unset and r.verdict == Judgement.NOT_GRADED}
        results = tuple(replace(r, verdict=why[r.exercise].verdict, note=why[r.exercise].note,
                                feedback=why[r.exercise].feedback, variant=why[r.exercise].variant, max=Fraction(0))
                        if r.exercise in unset and r.verdict != Judgement.NOT_GRADED else r for r in results)
    return Gradebook(pack, students, results, submissions.problems, len(todo), absent, submissions.roster,
                     _unread(submissions, students, absent))


def _unread(submissions: Submissions, students: Iterable[str], absent: Mapping[str, str]) -> dict[str, Unread]:
    """For each student with answers, the first problem in a file of theirs: a file that could not be read
    is part of their submission whatever else they sent, and they must be told to send it again."""
    roster = frozenset(submissions.roster.problems if submissions.roster else ())
    problems = [p for p in submissions.problems if p not in roster]
    theirs = problems_of(problems)
    meant = clearly_meant(problems)  # told beside another problem of theirs too
    told = {student: list(dict.fromkeys((*theirs(student)[:1], *meant.get(student, ()))))
            for student in students if student not in absent}
    return {student: Unread(tuple(found), tuple(theirs(student))) for student, found in told.items() if found}


def _unusable(problems: Iterable[Problem]) -> dict[tuple[str, str], Problem]:
    """(student, exercise) -> the first problem saying an answer of theirs to it was given but could not be used."""
    found: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        if problem.student and problem.exercise:
            found.setdefault((problem.student, problem.exercise), problem)
    return found


def _told_unusable(graded: Graded, problem: Problem | None) -> Graded:
    """An exercise without an answer, where one was given that could not be used: still no answer, and 0, but the
    student is told why rather than "No answer." (outside check h19, F1: they will dispute that)."""
    if problem is None or graded.verdict.verdict != Judgement.UNANSWERED:
        return graded
    return replace(graded, verdict=replace(graded.verdict, note=Note.UNUSABLE,
                                           message=f"Your answer could not be used ({problem})."))


def left_out(pack: Pack, results: Iterable[Result]) -> frozenset[str]:
    """The exercises without numbers of each student's own whose one variant was not graded: it can't be set."""
    shared = {spec.id for spec in pack.exercises if not spec.per_student}
    return frozenset(r.exercise for r in results if r.exercise in shared and r.verdict == Judgement.NOT_GRADED)


def answer_key(spec: ExerciseSpec, answer: Submitted) -> str:
    """What a result depends on: the exercise, the student's variant (by seed) and the text."""
    seed = variant_seed(spec.pack, spec.id, answer.student) if spec.per_student else None
    return json.dumps([spec.id, seed, answer.text], ensure_ascii=False)


def points_sum(points: Iterable[Fraction]) -> Fraction:
    """The exact sum of scores or points: the numerators summed per denominator, as integers (most
    are whole), then the few fractions. Adding Fractions one by one took most of a 20,000-student
    roster's minute."""
    by_denominator: dict[int, int] = {}
    for value in points:
        by_denominator[value.denominator] = by_denominator.get(value.denominator, 0) + value.numerator
    return sum((Fraction(n, d) for d, n in sorted(by_denominator.items())), Fraction(0))


def score(spec: ExerciseSpec, verdict: Verdict) -> Fraction:
    """The points a verdict earns: all for correct; a share for partly right, where allowed."""
    if verdict.verdict == Judgement.CORRECT:
        return spec.points
    if verdict.verdict == Judgement.INCORRECT and spec.partial:
        return spec.points * Fraction(verdict.credit).limit_denominator(1000)  # 0.333… is 1/3
    return Fraction(0)


def open_journal(folder: Path, pack: Pack, timeout: float, resume: bool) -> Journal:
    """The journal in `folder` for this pack and time limit (JournalError if it can't resume)."""
    source = (built_in_path(pack.source.removeprefix("built-in:")) if pack.source.startswith("built-in:")
              else Path(pack.source))
    digest = hashlib.sha256(source.read_bytes() if source.is_file() else pack.source.encode())
    for spec in pack.exercises:  # the CSV files it read: their data decides verdicts as much as the pack
        for table in (value for value in spec.data.values() if isinstance(value, Table)):
            digest.update(srepr((table.file, table.features, table.target, table.rows, table.targets)).encode())
    settings = {"the tutor's version": __version__, "--timeout": f"{timeout:g}"}
    return Journal(folder, digest.hexdigest(), settings, resume)


def _result(spec: ExerciseSpec, student: str, answer: Submitted | None, graded: Graded) -> Result:
    verdict, variant = graded.verdict, graded.variant
    counts = verdict.verdict != Judgement.NOT_GRADED
    return Result(student, spec.id, variant, answer.text if answer else "", verdict.verdict, verdict.note,
                  verdict.message, verdict.reading, score(spec, verdict), spec.points if counts else Fraction(0),
                  answer.source if answer else "", answer.metadata if answer else ())


def _unanswered_draws(pack: Pack, students: Iterable[str], absent: Mapping[str, str],
                      keys: Mapping[tuple[str, str], str]) -> dict[tuple[str, str], _Draw | Graded]:
    """(student, exercise) -> the student's variant, for each exercise with numbers of each student's own
    that a student who sent answers did not answer (whether it can be set is checked as the answers are);
    or, where no draw meets `require`, not graded."""
    draws: dict[tuple[str, str], _Draw | Graded] = {}
    for student in students:
        if student in absent:
            continue
        for spec in pack.exercises:
            if spec.per_student and (student, spec.id) not in keys:
                try:
                    draws[student, spec.id] = _Draw(spec.id, spec.values(student))
                except FieldError as error:
                    draws[student, spec.id] = Graded(not_graded(spec, error.message), "")
    return draws


class _Unanswered:
    """What an exercise a student did not answer gives: no answer, where their variant can be set (it is not
    answered, and scores 0); else not graded, as for a student who answered it. Every such variant is checked
    with the answers (`draws`, then `unset`): whether a student is charged for an exercise must not depend on
    whether a classmate with the same numbers answered it."""

    def __init__(self, draws: dict[tuple[str, str], _Draw | Graded]) -> None:
        self.draws = draws
        self.unset: dict[_Draw, Graded | None] = {}  # each draw checked: not graded, or None where it can be set
        self.built: dict[ExerciseSpec, Graded | None] = {}  # an exercise with one variant for everyone
        self.absent: dict[str, Graded] = {}

    def variants(self) -> list[_Draw]:
        """The variants to check, each once."""
        return list(dict.fromkeys(d for d in self.draws.values() if isinstance(d, _Draw)))

    def __call__(self, spec: ExerciseSpec, student: str, absent: str | None) -> Graded:
        if absent:  # the same few sentences for many students and exercises: made once each
            if absent not in self.absent:
                self.absent[absent] = Graded(replace(UNANSWERED, message=absent), "")
            return self.absent[absent]
        if spec.per_student:  # with the numbers the student had, as answers.csv shows them for an answer
            draw = self.draws[student, spec.id]
            return draw if isinstance(draw, Graded) else self.unset.get(draw) or Graded(UNANSWERED,
                                                                                     _label(spec, draw.params))
        if spec not in self.built:  # one variant for all: built once, at little cost
            try:
                built = _built(spec, spec.values(student))
            except FieldError as error:
                built = Graded(not_graded(spec, error.message), "")
            self.built[spec] = built if isinstance(built, Graded) else None
        return self.built[spec] or _NO_ANSWER


_NO_ANSWER = Graded(UNANSWERED, "")


def _built(spec: ExerciseSpec, params: Params) -> Exercise | Graded:
    """The variant with these values, its expected answer computed (built once: ExerciseSpec keeps
    it); or, where it can't be set, not graded, with a sentence naming the draw."""
    built = gradable(spec, params)
    if isinstance(built, Finding):
        return Graded(not_graded(spec, of_draw(spec, params, built).message), _label(spec, params))
    return built


def _label(spec: ExerciseSpec, params: Params) -> str:
    """A variant's parameters as answers.csv shows them ("a = 3, p = 2", "r = 0.25" where the pack writes
    decimals, as the student's text shows them); "" for the lesson's own."""
    return "" if not params or params == spec.lesson else drawn(params, bool(spec.data.get("decimals")))


def _check_all(pack: Pack, todo: list[tuple[str, tuple[str, str, str]]], draws: list[_Draw], jobs: int,
               timeout: float, progress: Progress | None) -> Iterator[tuple[str | _Draw, Graded | None]]:
    """Each answer checked; those whose mistake may be named, then answered in full (`respond`), in a
    second round: a variant's candidate mistakes (most of the cost of a variant) are built only
    where an answer needs them (its pairs of mistakes, most of those, only where no single mistake
    explains the answer). The tasks of one variant go to one worker, which builds it once.
    Students whose parameters drew the same values have the same variant: the same text typed by
    several of them is checked once, and its result given to each. The variants of `draws` (exercises
    not answered) are checked there too, in the first round: whether each can be set, or None where
    it can (or its check was stopped: it is then taken as set, as an answer to it would be graded)."""
    if not todo and not draws:
        return
    done = 0
    tasks: list[tuple[str, _Task]] = []
    first: dict[tuple, str] = {}  # a task's identity -> the key of the first answer that is this task
    answers: dict[str, list[str]] = {}  # that key -> the keys of every answer that is this task
    for task_key, (exercise, student, text) in todo:
        spec = pack.exercise(exercise)
        try:
            task = _Task(exercise, spec.values(student), text)  # the lesson's numbers, where it has them
        except FieldError as error:  # no draw meets `require`: nothing to grade against
            done += 1
            yield task_key, _graded(Finished(Graded(not_graded(spec, error.message), "")), progress, done, len(todo))
            continue
        own = first.setdefault(task.identity(), task_key)
        if own == task_key:
            tasks.append((task_key, task))
        answers.setdefault(own, []).append(task_key)
    if not tasks and not draws:
        return
    if jobs > 1:  # trusted work done once here, not once in each worker: the forked workers inherit it
        firsts: dict[str, _Task] = {}
        for _, task in tasks:
            firsts.setdefault(task.exercise, task)
        for task in firsts.values():
            spec = pack.exercise(task.exercise)
            built = _built(spec, task.params)
            if not spec.per_student and not isinstance(built, Graded):  # everyone's variant is the same one:
                prepared(built)  # the lesson's numbers, or none; one that can't be set is not graded, in the task
    given = dict(tasks)
    # a variant an answer is checked against says whether it can be set: not built again for those who left it
    answered = {task.variant() for _, task in tasks}
    unset: dict[tuple, Graded] = {}  # those variants that can't be set, as their answers found
    first_round: list[tuple[str | _Draw, _Task | _Draw]] = [
        *tasks, *((draw, draw) for draw in draws if draw.variant() not in answered)]
    with Pool(partial(_check_task, pack, timeout), min(jobs, len(first_round)), timeout) as pool:
        to_name: list[tuple[str, _Task]] = []
        for key, outcome in pool.run(first_round, group=_variant):
            if isinstance(key, _Draw):
                yield key, cast(Graded | None, outcome.value) if isinstance(outcome, Finished) else None
                continue
            if isinstance(outcome, Finished) and isinstance(outcome.value, _Task):
                to_name.append((cast(str, key), outcome.value))
                continue
            if isinstance(outcome, Finished) and cast(Graded, outcome.value).verdict.verdict == Judgement.NOT_GRADED:
                unset[given[cast(str, key)].variant()] = cast(Graded, outcome.value)
            for same in answers[cast(str, key)]:
                done += 1
                yield same, _graded(outcome, progress, done, len(todo), pack, given[cast(str, key)])
        for draw in draws:
            if draw.variant() in answered:
                yield draw, unset.get(draw.variant())
        for key, outcome in pool.run(to_name, group=_variant):
            for same in answers[cast(str, key)]:
                done += 1
                yield same, _graded(outcome, progress, done, len(todo), pack, given[cast(str, key)])


def _graded(outcome: Finished | Stopped, progress: Progress | None, done: int, total: int,
            pack: Pack | None = None, task: _Task | None = None) -> Graded:
    """The answer's result: for one stopped, with its variant named here, wherever its worker was stopped
    (even while building the variant, before the worker said which)."""
    if progress is not None:
        progress(done, total)
    if isinstance(outcome, Finished):
        return cast(Graded, outcome.value)
    label = _label(pack.exercise(task.exercise), task.params) if pack is not None and task is not None else ""
    return Graded(STOPPED[outcome.reason], label)


# ------------------------------------------------------------ in the workers


@dataclass(frozen=True)
class _Task:
    """One answer to check against one variant (the exercise and its parameter values)."""

    exercise: str
    params: Params
    text: str
    in_full: bool = False  # the second round: the mistake named too

    def variant(self) -> tuple:
        return self.exercise, self.params

    def identity(self) -> tuple:
        """What the result depends on, parameter values exactly as drawn (sympy's 1/2 and 0.5 differ)."""
        return self.exercise, tuple((name, srepr(value)) for name, value in self.params), self.text


@dataclass(frozen=True)
class _Draw:
    """A variant nobody answered in this task: whether it can be set (a student who did not answer the
    exercise is not charged for one that can't)."""

    exercise: str
    params: Params

    def variant(self) -> tuple:
        return self.exercise, self.params


def _variant(task: _Task | _Draw) -> tuple:
    return task.variant()


def check(exercise: Exercise, text: str) -> Verdict:
    """The first round's verdict: the answer checked, no mistake named."""
    return exercise.problem.check(text, exercise.tolerance)


def _check_task(pack: Pack, timeout: float, task: _Task | _Draw, started: Callable) -> Graded | _Task | None:
    """The task's verdict; or, where the check says a mistake may be named, the task again for the
    second round, where the candidates are built (trusted work) before the answer's limits start
    and the answer is checked afresh, exactly as `respond` does everywhere. The pairs of mistakes,
    most of the candidates, are built only for an answer no single one explains, and then it is
    checked afresh once more. For a variant nobody answered: not graded where it can't be set, else None."""
    spec = pack.exercise(task.exercise)
    exercise = _built(spec, task.params)
    if isinstance(exercise, Graded):
        return exercise
    if isinstance(task, _Draw):
        return None
    label = _label(spec, task.params)
    if not task.in_full:
        started(label)
        try:
            with deadline(timeout):
                verdict = check(exercise, task.text)
                if worth_naming(verdict, exercise.problem, task.text):
                    return replace(task, in_full=True)
        except OutOfTime:
            verdict = TIMED_OUT
        return Graded(verdict, label)
    prepared(exercise, pairs=False)
    started(label)
    try:
        with pairs_built_elsewhere():
            return Graded(_responded(exercise, task.text, timeout), label)
    except PairsUnbuilt:
        preparing_again()
        prepared(exercise)
        started(label)
        return Graded(_responded(exercise, task.text, timeout), label)


def _responded(exercise: Exercise, text: str, timeout: float) -> Verdict:
    try:
        with deadline(timeout):
            return respond(exercise, text)
    except OutOfTime:
        return TIMED_OUT
