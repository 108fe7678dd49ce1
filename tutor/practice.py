"""A practice session: which exercise comes next, what an answer or a command gets back.

No terminal here: `Session.handling(text)` gives Lines (text with a style), each
part as soon as it is known (`handle`: all of them), and the REPL (tutor/repl.py)
prints them. Every showing and every attempt is written
to the Store as it happens.

What comes next: an exercise due for review (missed, skipped, or solved with help); else more
practice of the weakest skill (tag) not yet mastered; else the next new
exercise in the pack's order; else the weakest skill. Never the exercise just
shown, unless it is the only one left. With a skill chosen (`:topic TAG`), each
of its exercises once, then a summary and a suggestion of what to practise next.

Which numbers: the first time a student is shown an exercise, the variant they
are graded on (the lesson's own numbers, for a lesson exercise); after that,
and on `:again`, numbers drawn for practice, never the ones just shown.
"""

from __future__ import annotations

import difflib
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import packs
from .budget import OutOfTime, budget, deadline
from .calculus import SolveError
from .check import Judgement
from .compare import Note
from .errors import TutorError
from .feedback import in_worker, respond
from .interrupts import uninterrupted
from .limits import LIMITS
from .packs import BUILT_IN, Exercise, ExerciseSpec, Pack
from .parse import FUNCTIONS, InputError
from .store import MASTERY_RULE, Store, Visit, default_home, mastery_bar, student_folder
from .variant_check import Unsettable, refusing, settable
from .words import and_list, counted

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from .steps import Step

GENERAL = "general"  # the skill of an exercise without tags
MASTERED = 0.5  # a skill's score from which new material comes before more practice
_FRESH_TRIES = 20  # draws tried for numbers unlike the ones just shown
SCREEN_LINES = 20  # what :steps may show: a screen of 24 lines, less the prompt and the toolbar

# In order of precedence: a command may be shortened to any beginning of it, and the first one
# here that begins so is meant (`:h` is :hint, `:he` :help, `:s` :steps, `:sk` :skip).
COMMANDS = {
    ":hint": "the next hint (up to three)",
    ":steps": "the worked solution, step by step (:steps all: every detail)",
    ":skip": "leave this exercise for later",
    ":again": "this exercise with new numbers",
    ":plot": "a picture of the exercise (:plot last: the one before, with its answer)",
    ":progress": "your mastery of each skill",
    ":topic": "practise one skill: :topic TAG (alone: the skills; :topic all: every skill)",
    ":pack": "switch pack: :pack gradients, :pack drills or :pack FILE",
    ":latex": "the exercise (or the last steps shown) in LaTeX",
    ":help": "this list",
    ":quit": "stop (Ctrl-D and :exit do too)",
}
WORDS = {"hint": ":hint", "help": ":help", "skip": ":skip", "quit": ":quit", "exit": ":quit"}  # never answers
ALL = "all"  # :topic all: every skill


@dataclass(frozen=True)
class Line:
    text: str
    style: str = ""  # correct, incorrect, close, invalid, exercise, hint, muted, heading


def command(text: str) -> tuple[str, str] | None:
    """The command a line means, and its argument (`:h` → :hint, `skip` → :skip); None for an answer.

    An unknown command comes back as typed, for the session to say so."""
    text = text.strip()
    if text.lower() in WORDS:
        return WORDS[text.lower()], ""
    if text == "?" or text.startswith("/") and text[1:2].isalpha():  # ? for help, /hint as a chat writes :hint
        text = ":help" if text == "?" else ":" + text[1:]
    if not text.startswith(":"):
        return None
    text = ":" + text[1:].lstrip()  # ': hint', a space after the colon, is :hint (outside check h65, F10)
    name, _, argument = text.partition(" ")
    name = name.lower()
    if name == ":exit":
        name = ":quit"
    meant = next((c for c in COMMANDS if c.startswith(name)), name) if len(name) > 1 else name
    return meant, argument.strip()


@dataclass
class _Current:
    """The exercise on the screen, and what the student has done with it."""

    spec: ExerciseSpec
    exercise: Exercise
    variant: str  # how its numbers were chosen: "-" (it has none), "graded" (the student's own), or a draw
    shown_id: int
    hints: int = 0
    misses: int = 0
    solved: bool = False
    steps_shown: bool = False
    skipped: bool = False
    typed: set[str] = field(default_factory=set)  # what was answered, for the history's suggestions
    last_shown: str = "prompt"  # what :latex shows: the prompt, or the steps

    @property
    def revealed(self) -> bool:
        """Whether its answer may be shown (in a picture): answered right, worked through, or skipped."""
        return self.solved or self.steps_shown or self.skipped


def _gives_answer(exercise: Exercise, message: str) -> bool:
    """Whether feedback states the exercise's whole answer: "E(1/2, 7/3) = 25/6", "the correct value is 85", "the
    descent took 11 iterations", "so the point is a minimum", "at the local minimum 1.1309…"; a list of words each
    in its turn ("… it diverges; … it oscillates; …"). Only after an '=' did it count (outside check h65, F1). An
    answer of one character is left out: 0 or 1 are in many a sentence."""
    shown = exercise.problem.show_answer(exercise.expected())
    if len(shown) < 2:
        return False
    words = shown.split(", ")
    parts = words if all(part.replace(" ", "").isalpha() for part in words) else [shown]
    at = 0
    for part in parts:
        found = re.compile(rf"(?<![\w./^]){re.escape(part)}(?![\w/^(]|[.,]\d)").search(message, at)
        if found is None:
            return False
        at = found.end()
    return True


class _NoneOfTheSkill(Exception):
    """None of the exercises of the skill just chosen can be set."""


class NothingToSet(TutorError):
    """No exercise of the pack can be set (each one's answer can't be computed or typed): nothing to practise."""


@dataclass
class Session:
    pack: Pack
    store: Store
    student: str
    seed: int = field(default_factory=lambda: secrets.randbelow(10**6))
    topic: str | None = None
    pictures: Path | None = None  # where :plot writes (default: the pictures folder of the tutor's home)
    finished: bool = False
    solved_ids: set[str] = field(default_factory=set)  # the exercises solved in this session, each once
    attempts: int = 0  # answers checked (not the unreadable ones, nor decimals for exact values)
    streak: int = 0

    def __post_init__(self) -> None:
        self.student_id = self.store.student(self.student)
        self.visit: Visit | None = self.store.last_visit(self.student_id)  # before this session shows anything
        self.session_id = self.store.start_session(self.student_id, self.pack.id, self.seed, self.topic)
        self.sitting = self.session_id  # this run's first session, which a switch of pack continues
        self.draws = 0  # numbers drawn for practice so far
        self.showings = 0
        self.shown: dict[str, int] = {}  # exercise id -> the showing it was last shown at, this session
        self.seen = self.store.seen(self.student_id, self.pack.id)  # ever shown: not given the graded numbers again
        self.last_values: dict[str, tuple] = {}  # exercise id -> the numbers it was last shown with
        self.round: set[str] = set()  # solved since the skill was chosen
        self.round_first: set[str] = set()  # of those, solved at the first answer without help
        self.round_answers = 0  # answers since the skill was chosen
        self.current: _Current | None = None
        self.previous: _Current | None = None
        self.unsettable: dict[str, str] = {}  # exercise id -> why it can't be set (skipped, as the grader does)
        self.checked: set[str] = set()  # the exercises checked as loading checks them (`as_loading`), each once
        self.unshown: list[Line] = []  # the verdict of an answer counted, until it is shown (Ctrl-C may come between)
        # each student's own: one student's picture with the answer is not under the name of another's question
        self.picture_folder: Path = self.pictures or default_home() / "pictures" / student_folder(self.student)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> list[Line]:
        visit = self.visit
        hello = "Welcome back" if visit else "Welcome to the calculus tutor"
        lines = [Line(f"{hello}, {self.student}. Type your answer after the prompt; :help lists the commands.",
                      "heading")]
        resumed = self.resumed(visit)
        first = self.show_exercise(*resumed) if resumed else self.next_exercise()
        if resumed and visit and (visit.hints or visit.steps):  # as if the session had not ended: they count
            self.on_screen.hints, self.on_screen.steps_shown = visit.hints, visit.steps
            self.kept_help()
        if visit:
            lines += self.left_off(visit)
        lines.append(Line(f"Pack: {self.pack.title} ({counted(len(self.pack.exercises), 'exercise')})"
                          + (f"; practising {self.topic}." if self.topic else "."), "muted"))
        return self.noticed(lines + first)

    def left_off(self, visit: Visit) -> list[Line]:
        """Where the last session stopped, and what is due now."""
        where = f"Last time: {visit.pack}" + (f", practising {visit.topic}" if visit.topic else "")
        if visit.pack == self.pack.id and visit.exercise in self.ids():
            spec = self.pack.exercise(visit.exercise)
            title = spec.title
            if self.current is not None and self.current.spec.id == spec.id:  # resumed: with its numbers
                title = self.current.exercise.title
            where += f", exercise {self.number(spec)}" + (f" ({title})" if title and "{" not in title else "")
            where += ", solved." if visit.solved else ", not solved yet."
        elif visit.pack != self.pack.id and not visit.solved:  # another pack: said how to go back to it
            back = f"tutor --pack {visit.pack}" if visit.pack in BUILT_IN else "its pack file, given with --pack,"
            where += f", with an exercise not solved yet ({back} goes back to it)."
        else:
            where += "."
        lines = [Line(where, "muted")]
        reviews = {e: wait for e, wait in self.store.reviews(self.student_id, self.pack.id).items() if e in self.ids()}
        for what, chosen in (("now", [e for e, wait in reviews.items() if wait == 0]),
                             ("in a few answers", [e for e, wait in reviews.items() if wait > 0])):
            if chosen:  # in their order, the first five, and how many more (outside check h35, F7)
                ordered = sorted(self.number(self.pack.exercise(e)) for e in chosen)
                more = [f"{len(ordered) - 5} more"] if len(ordered) > 5 else []
                numbers = and_list([*map(str, ordered[:5]), *more])
                # what store._schedule brings back: a miss, a skip, and a right answer after a hint or the steps,
                # which is not yet remembered (outside check h45, F1: it was called missed or skipped)
                lines.append(Line(f"Due for another try {what}: exercise{'s' if len(chosen) > 1 else ''} {numbers} "
                                  "(missed, skipped, or solved after a hint or the steps).", "muted"))
        return lines

    def resumed(self, visit: Visit | None) -> tuple[ExerciseSpec, str] | None:
        """The exercise the last session left unsolved, with the same numbers, if it is in this pool."""
        if visit is None or visit.solved or visit.pack != self.pack.id:
            return None
        spec = next((s for s in self.pool() if s.id == visit.exercise), None)
        return (spec, visit.variant) if spec is not None else None

    @property
    def on_screen(self) -> _Current:
        """The exercise on the screen: there is one from start() on."""
        assert self.current is not None, "start() shows the first exercise"
        return self.current

    def noticed(self, lines: list[Line]) -> list[Line]:
        """`lines` and, after them, what the progress store has to say (progress kept, saved again ...)."""
        return lines + [Line(f"Note: {notice}.", "invalid") for notice in self.store.take_notices()]

    def close(self) -> None:
        self.store.end_session(self.session_id)

    def interrupted(self) -> list[Line]:
        """What Ctrl-C while an answer or a command is worked on says: that work is stopped and the session
        goes on (what was saved stays saved). An answer counted before the stop is never asked for again: its
        verdict is shown, where it was not yet, and a right one's exercise stays on the screen until :skip."""
        lines, self.unshown = self.unshown, []
        if lines or (self.current is not None and self.current.solved):
            lines = [*lines, Line("Stopped. Your answer was counted; "
                                  + (":skip moves on to the next exercise" if self.on_screen.solved else
                                     "type another, or a command") + "; Ctrl-D quits.", "muted")]
        else:
            lines = [Line("Stopped. Type the answer or the command again, or another; Ctrl-D quits.", "muted")]
        if self.current is None:  # stopped while a new pack was being set: its first exercise
            lines += self.next_exercise()
        return self.noticed(lines)

    def save_kept(self) -> list[Line]:
        """Another try at the writes kept while the database was locked, without waiting for it (a
        prompt comes next); what the store says of it."""
        self.store.retry()
        return self.noticed([])

    # ------------------------------------------------------------ choosing exercises
    def ids(self) -> list[str]:
        return [s.id for s in self.pack.exercises]

    def number(self, spec: ExerciseSpec) -> int:
        return self.ids().index(spec.id) + 1

    def pool(self) -> list[ExerciseSpec]:
        """The exercises of the chosen skill (or every one) that can be set."""
        return [s for s in self.pack.exercises
                if (self.topic is None or self.topic in s.tags) and s.id not in self.unsettable]

    def last_id(self) -> str | None:
        """The exercise shown last, in this session or, at its start, at the end of the last one."""
        if self.current is not None:
            return self.current.spec.id
        return self.visit.exercise if self.visit and self.visit.pack == self.pack.id else None

    def choose(self) -> ExerciseSpec:
        """With a skill chosen: one of its exercises not yet solved since. Otherwise a due review; else
        more of a weak skill; else the next new exercise; else the weakest skill. Never the one just
        shown, unless it is the only one left."""
        pool = self.pool()
        if self.topic is not None:
            pool = [s for s in pool if s.id not in self.round] or pool
        last = self.last_id()
        others = [s for s in pool if s.id != last] or pool
        by_id = {s.id: s for s in others}
        due = [e for e in self.store.due(self.student_id, self.pack.id) if e in by_id]
        if due:
            return by_id[due[0]]
        skills = self.store.skills(self.student_id)
        solved = self.store.solved(self.student_id, self.pack.id)
        seen = self.store.last_seen(self.student_id, self.pack.id)

        def staleness(spec: ExerciseSpec) -> tuple:
            """Not shown in this session first, then shown longest ago, then answered longest ago."""
            return (spec.id in self.shown, self.shown.get(spec.id, 0), seen.get(spec.id, 0))

        if self.topic is not None:  # each exercise of the skill once: the unsolved first, in the pack's order
            unsolved = [s for s in others if s.id not in solved and s.id not in self.shown]
            return unsolved[0] if unsolved else min(others, key=staleness)

        def practise(tag: str) -> ExerciseSpec | None:
            """An exercise of this skill worth doing again: unsolved, or with new numbers each time."""
            fitting = [s for s in others if tag in (s.tags or (GENERAL,))]
            fresh = [s for s in fitting if s.id not in solved] or [s for s in fitting if s.parameterised]
            return min(fresh, key=staleness) if fresh else None

        for tag in sorted((t for t in skills if skills[t].score < MASTERED), key=lambda t: skills[t].score):
            choice = practise(tag)
            if choice is not None:
                return choice
        new = [s for s in others if s.id not in seen and s.id not in self.shown]  # skipped ones are not new
        if new:
            return new[0]
        # the skills in the pack's order, then the weakest first: equal scores keep that order (a set's
        # order would change from run to run with the hash seed)
        tags = sorted(dict.fromkeys(t for s in others for t in (s.tags or (GENERAL,))),
                      key=lambda t: skills[t].score if t in skills else 0.0)
        for tag in tags:
            choice = practise(tag)
            if choice is not None:
                return choice
        return min(others, key=staleness)

    def next_exercise(self, before: Callable[[], list[Line]] = list, chosen: bool = False) -> list[Line]:
        """The next exercise shown; `before`, what to say just before it, once those that can't be set on the
        way are left out. `chosen`: the skill has just been chosen (:topic TAG), so that where none of its
        exercises can be set the exercise on the screen stays (_NoneOfTheSkill), where at the start (--topic)
        the session goes on with every skill."""
        lines: list[Line] = []
        if not self.pool() and self.topic is not None:  # every exercise of the skill can't be set
            if chosen:
                raise _NoneOfTheSkill
            self.topic = None
            self.new_round()
            self.store.set_topic(self.session_id, None)
            lines.append(Line("Practising every skill.", "muted"))
        if not self.pool():
            raise NothingToSet(f"no exercise of {self.pack.title} can be set: "
                             + "; ".join(f"'{e}': {why}" for e, why in self.unsettable.items()))
        if self.topic is not None and {s.id for s in self.pool()} <= self.round:
            lines = self.topic_done()
        return self.show_exercise(self.choose(), before=lambda: [*before(), *lines], chosen=chosen)

    # ------------------------------------------------------------ showing exercises
    def variant_for(self, spec: ExerciseSpec) -> str:
        """The student's graded numbers the first time; new ones after that."""
        if not spec.parameterised:
            return "-"
        if spec.id not in self.seen:
            return "graded"
        return self.fresh(spec)

    def fresh(self, spec: ExerciseSpec) -> str:
        """A draw whose numbers differ from the graded ones and from those shown last, where other
        numbers are to be had."""
        avoid = {spec.values(self.student), self.last_values.get(spec.id)}
        key = ""
        for _ in range(_FRESH_TRIES):
            self.draws += 1
            key = f"{self.seed}:{self.draws}"
            try:
                if spec.drawn_values(key) not in avoid:
                    return key
            except TutorError:  # no parameters meet `require` in this draw: another one
                continue
        return key

    def build(self, spec: ExerciseSpec, variant: str) -> Exercise:
        """The variant, its answer computed; Unsettable (naming the draw) where it can't be set."""
        if variant == "-":
            return settable(spec)
        return settable(spec, self.student) if variant == "graded" else settable(spec, seed=variant)

    def shown_variant(self, spec: ExerciseSpec, variant: str) -> tuple[Exercise, str, str]:
        """(the exercise to show, its variant, why the student's own numbers can't be set or ""):
        numbers the kind refuses give way to the student's own, and those, where they can't be set
        either (the grader does not grade them), to new ones."""
        refused = ""
        for _ in range(_FRESH_TRIES):
            try:
                return self.build(spec, variant), variant, refused
            except TutorError as error:
                if variant == "graded":
                    refused = getattr(error, "why", error.message)
                variant = "graded" if not refused and spec.parameterised else self.fresh(spec)
        return self.build(spec, variant), variant, refused

    def show_exercise(self, spec: ExerciseSpec, variant: str | None = None,
                      before: Callable[[], list[Line]] = list, chosen: bool = False) -> list[Line]:
        try:
            if spec.id not in self.checked:
                as_loading(spec, self.pack)
                self.checked.add(spec.id)
            exercise, variant, refused = self.shown_variant(spec, variant or self.variant_for(spec))
        except TutorError as error:  # no numbers of it can be set: skipped, as the grader and `pack show` do
            self.unsettable[spec.id] = getattr(error, "why", error.message)
            return [self.left_out(spec), *self.next_exercise(before, chosen)]
        said = before()
        self.showings += 1
        self.shown[spec.id] = self.showings
        self.seen.add(spec.id)
        self.last_values[spec.id] = exercise.params
        shown_id = self.store.show(self.session_id, self.student_id, self.pack.id, spec.id, variant)
        if self.current is not None and self.current.spec.id != spec.id:
            self.previous = self.current
        self.current = _Current(spec, exercise, variant, shown_id)
        tags = f"  [{', '.join(spec.tags)}]" if spec.tags else ""
        title = f" · {exercise.title}" if exercise.title else ""
        return [
            *said,
            Line(""),
            Line(f"Exercise {self.number(spec)} of {len(self.pack.exercises)}{title}{tags}", "muted"),
            *([Line(f"Note: this exercise can't be set with your own numbers ({refused}), so it is not graded "
                    "for you; practise it with these.", "invalid")] if refused else []),
            Line(exercise.prompt(), "exercise"),
        ]

    def left_out(self, spec: ExerciseSpec) -> Line:
        """The note on an exercise that can't be set."""
        return Line(f"Note: exercise {self.number(spec)} ({spec.id}) can't be set, so it is left out: "
                    f"{self.unsettable[spec.id]}", "invalid")

    # ---------------------------------------------------------------------- input
    def handle(self, text: str) -> list[Line]:
        """What a line typed gets back, whole."""
        return [line for part in self.handling(text) for line in part]

    def handling(self, text: str) -> Iterator[list[Line]]:
        """What a line typed gets back, in parts, each as soon as it is known: the shell prints each as it comes,
        so that an answer's verdict is not held back while the next exercise is set (the check of a pack file's
        exercise may take seconds: finding 801)."""
        meant = None
        # measured before stripping: a line the shell cut one past the limit is refused even where the last
        # character kept is a space, never graded as its beginning (the rest of the paste is not there)
        if len(text) <= LIMITS.max_length:
            text = text.strip()
            if not text:
                return
            meant = command(text)
        if meant is None:
            yield from self.answer(text)
            yield self.noticed([])
            return
        name, argument = meant
        handler = getattr(self, "do_" + name[1:], None) if name in COMMANDS else None
        if handler is None:
            close = difflib.get_close_matches(name, COMMANDS, n=1)
            hint = f"did you mean {close[0]}?" if close else ":help lists the commands."
            yield [Line(f"Unknown command '{text.partition(' ')[0]}'; {hint}", "invalid")]
            return
        yield self.noticed(handler(argument))

    def answer(self, text: str) -> Iterator[list[Line]]:
        """The verdict, then, for a right answer, the next exercise."""
        current = self.on_screen
        if current.solved:  # left on the screen by a Ctrl-C before the next one was set: counted once already
            yield [Line("You have solved this exercise already, and your answer was counted; :skip moves on to the "
                        "next one.", "muted")]
            return
        verdict = respond(current.exercise, text)
        current.typed.add(text)  # never suggested again here, unreadable ones too (outside check h45, F2)
        if verdict.verdict == Judgement.INVALID:  # unreadable: say where, count nothing
            yield [Line(verdict.pointer(text), "invalid")]
            return
        # right but for rounding (0.33 for 1/3, 1.4142 for √2, 0.567 to 3 places of 4), or but for the form
        # asked (E(m, b) not multiplied out yet): not a wrong attempt
        if verdict.note in (Note.DECIMAL_FOR_EXACT, Note.INEXACT, Note.TOO_FEW_PLACES, Note.NOT_MULTIPLIED_OUT):
            yield [Line(f"≈ {verdict.message}", "close")]
            return
        if verdict.note == Note.UNDECIDED:  # the tutor's doubt, not the student's mistake: no teacher here to ask, and
            # no mastery lost for it (outside check h54, N4)
            yield [Line("? Your answer could not be checked with certainty, so it is not counted either way: write it "
                        "more simply and try again.", "close")]
            return
        unsolved = set(self.ids()) - self.store.solved(self.student_id, self.pack.id)
        if verdict.correct:
            lines = [Line(f"✓ {verdict.message}", "correct")]
        else:
            lines = [Line(f"✗ {verdict.message}", "incorrect"),
                     Line(f"  (your answer, as read: {verdict.reading})", "muted")]
            if not current.steps_shown and _gives_answer(current.exercise, verdict.message):
                # the feedback worked it out (E(1/2, 7/3) = 25/6): as the steps do, it leaves no mastery to earn
                # here, where the answer typed next had filled it (outside check h54, N2)
                current.steps_shown, current.hints = True, max(current.hints, 3)
                self.kept_help()
                lines.append(Line("  (That gives the answer: solving it now counts, but not towards mastery.)",
                                  "muted"))
            elif current.misses == 1:
                lines.append(Line("Stuck? :hint gives a hint, :steps the worked solution, :skip moves on.", "muted"))
        with uninterrupted():  # saved and counted together: a Ctrl-C while the record waits for a lock comes after
            self.store.record(self.session_id, self.student_id, self.pack.id, current.spec.id, current.variant,
                              text, verdict.verdict, verdict.note, current.hints, current.spec.tags or (GENERAL,),
                              current.shown_id)
            self.counted(current, verdict.correct)
            self.unshown = lines
        yield lines
        self.unshown = []
        if verdict.correct:
            def done() -> list[Line]:  # once those that can't be set, never to be solved, are left out
                last = current.spec.id in unsolved and unsolved <= {current.spec.id, *self.unsettable}
                return self.pack_done() if last else []
            yield self.next_exercise(done)

    def counted(self, current: _Current, correct: bool) -> None:
        """An answer recorded, in this session's counts."""
        self.attempts += 1
        self.round_answers += 1
        if not correct:
            self.streak = 0
            current.misses += 1
            return
        if current.misses == 0 and current.hints == 0:
            self.round_first.add(current.spec.id)
        self.solved_ids.add(current.spec.id)  # a review of an exercise solved before is not another one
        current.solved = True
        self.round.add(current.spec.id)
        if current.hints == 0 and not current.steps_shown:  # one after a hint adds nothing, as to mastery (h35, F8)
            self.streak += 1

    # ------------------------------------------------------------ the end of a round
    def topic_done(self) -> list[Line]:
        """Every exercise of the chosen skill solved: a summary, what to practise next, and every skill again."""
        topic, pool = self.topic or "", self.pool()
        first_time, answers = len(self.round_first), self.round_answers
        skill = self.store.skills(self.student_id).get(topic)
        lines = [Line(""), Line(f"You have done every exercise of {topic}: {counted(len(pool), 'exercise')} "
                                f"in {counted(answers, 'answer')}, "
                                f"{first_time} right the first time without help.", "heading")]
        if skill is not None:
            lines.append(Line(f"{topic:<22} {mastery_bar(skill.score)} {skill.correct:>3}/{skill.attempts}"))
        lines.append(Line(self.suggestion(topic), "muted"))
        self.topic = None
        self.new_round()
        self.store.set_topic(self.session_id, None)
        return lines + [Line("Practising every skill.", "muted")]

    def suggestion(self, after: str) -> str:
        """What to practise next: the weakest skill not mastered, else the next one in the pack's order."""
        skills = self.store.skills(self.student_id)
        tags = [t for t in self.pack.tags_in_order() if t != after]
        weak = sorted((t for t in tags if t in skills and skills[t].score < MASTERED), key=lambda t: skills[t].score)
        if weak:
            return f"Next: {weak[0]}, your weakest skill (:topic {weak[0]}); or :topic for every skill."
        order = self.pack.tags_in_order()
        later = [t for t in order[order.index(after) + 1:] if t not in skills] if after in order else []
        fresh = later or [t for t in tags if t not in skills]
        if fresh:
            return f"Next: {fresh[0]}, the next skill in the lesson (:topic {fresh[0]}); or :topic for every skill."
        others = [p for p in packs.BUILT_IN if p != self.pack.id]
        more = f" or :pack {others[0]} for more practice" if others else ""
        return f"Next: every skill is past half mastery; :again gives any exercise new numbers{more}."

    def new_round(self) -> None:
        self.round, self.round_first, self.round_answers = set(), set(), 0

    def pack_done(self) -> list[Line]:
        """The last unsolved exercise of the pack solved: said once, with what next."""
        others = [p for p in packs.BUILT_IN if p != self.pack.id]
        more = f"; :pack {others[0]} has more practice" if others else ""
        settable = " that can be set" if self.unsettable else ""
        return [Line(""), Line(f"You have solved every exercise of {self.pack.title}{settable}. From now on they come "
                               f"with new numbers where they have parameters{more}.", "heading")]

    # ------------------------------------------------------------------- commands
    def do_hint(self, _: str) -> list[Line]:
        current = self.on_screen
        hints = current.exercise.hints()
        if current.hints >= len(hints):
            # an `expression` exercise may have neither: promise only what there is
            steps = "; :steps shows the worked solution." if current.exercise.steps() is not None else \
                " and no worked solution."
            return [Line(f"{'No more hints' if hints else 'This exercise has no hints'}{steps}", "muted")]
        current.hints += 1
        self.kept_help()
        return [Line(f"Hint {current.hints} of {len(hints)}: {hints[current.hints - 1]}", "hint")]

    def do_steps(self, detail: str) -> list[Line]:
        from .steps import render_text
        if detail not in ("", ALL):
            return [Line(f"':steps {detail}' is not known: :steps shows the steps, :steps all every detail.",
                         "invalid")]
        current = self.on_screen
        steps = current.exercise.steps()
        if steps is None:
            return [Line("There is no worked solution for this exercise.", "muted")]
        current.last_shown = "steps"
        current.steps_shown = True
        current.hints = max(current.hints, 3)  # seen the solution: no mastery credit now
        self.kept_help()
        if detail == ALL:
            return [Line(render_text(steps))]
        text, hidden = lesson_steps(steps)
        more = [Line("(:steps all shows every detail.)", "muted")] if hidden else []
        return [Line(text), *more]

    def kept_help(self) -> None:
        """The hints and steps seen on the exercise on the screen, saved with its showing as they are seen."""
        self.store.helped(self.on_screen.shown_id, self.on_screen.hints, self.on_screen.steps_shown)

    def do_skip(self, _: str) -> list[Line]:
        if self.on_screen.solved:  # left on the screen by a Ctrl-C before the next one was set: not due again
            return self.next_exercise()
        self.store.review_later(self.student_id, self.pack.id, self.on_screen.spec.id)
        self.on_screen.skipped = True
        self.streak = 0
        return [Line("Skipped; it will come back later.", "muted")] + self.next_exercise()

    def do_again(self, _: str) -> list[Line]:
        current = self.on_screen
        spec = current.spec
        if not spec.parameterised:
            return [Line("This exercise has no other numbers; :skip moves on to another.", "muted")]
        variant = self.fresh(spec)
        if spec.drawn_values(variant) == current.exercise.params:
            return [Line("This exercise has no other numbers; :skip moves on to another.", "muted")]
        if current.variant == "graded" and spec.per_student:
            said = "New numbers, for practice: your own variant, the one graded, is the one before."
        elif current.variant == "graded" and spec.lesson is not None:
            said = "New numbers; the lesson's own were the ones before."
        else:
            said = "New numbers."
        return [Line(said, "muted"), *self.show_exercise(spec, variant)]

    def do_topic(self, tag: str) -> list[Line]:
        tags = self.pack.tags_in_order()
        if not tag:
            return self.skills_table(tags)
        if tag == ALL:
            self.topic = None
            self.new_round()
            self.store.set_topic(self.session_id, None)
            return [Line("Practising every skill.", "muted")] + self.next_exercise()
        if tag not in tags:
            close = difflib.get_close_matches(tag, tags, n=1)
            hint = f"; did you mean {close[0]}?" if close else "; :topic lists them."
            return [Line(f"No skill '{tag}' in this pack{hint}", "invalid")]
        before = self.topic, self.round, self.round_first, self.round_answers
        known = set(self.unsettable)  # left out before
        self.topic = tag
        self.new_round()
        self.store.set_topic(self.session_id, tag)
        try:  # said once those of the skill that can't be set on the way are left out
            return self.next_exercise(lambda: [Line(f"Practising {tag}: {_each_once(len(self.pool()))}", "muted")],
                                      chosen=True)
        except _NoneOfTheSkill:  # the exercise on the screen stays, and the skill practised before
            self.topic, self.round, self.round_first, self.round_answers = before
            self.store.set_topic(self.session_id, self.topic)
            notes = [self.left_out(self.pack.exercise(e)) for e in self.unsettable if e not in known]
            return [*notes, Line(f"No exercise of {tag} can be set, so you go on with exercise "
                                 f"{self.number(self.on_screen.spec)}; :topic lists the skills.", "invalid")]

    def skills_table(self, tags: list[str]) -> list[Line]:
        skills = self.store.skills(self.student_id)
        solved = self.store.solved(self.student_id, self.pack.id)
        lines = [Line("The skills of this pack (:topic TAG practises one, :topic all every skill; Tab completes):",
                      "heading")]
        for tag in tags:
            specs = [s for s in self.pack.exercises if tag in s.tags]
            score = skills[tag].score if tag in skills else 0.0
            now = "  ← now" if tag == self.topic else ""
            unsettable = sum(s.id in self.unsettable for s in specs)
            refused = f", {unsettable} can't be set" if unsettable else ""
            lines.append(Line(f"  {tag:<22} {mastery_bar(score)}  {sum(s.id in solved for s in specs):>2} of "
                              f"{len(specs):<2} solved{refused}{now}"))
        return lines

    def do_pack(self, name: str) -> list[Line]:
        if not name:
            return [Line(f"Packs: {', '.join(packs.BUILT_IN)}, or a pack file: :pack FILE.", "muted")]
        try:
            pack = packs.load(name, when_set=True)
        except packs.PackError as error:
            return [Line(error.problems[0] if len(error.problems) == 1 else
                         f"{name} has {len(error.problems)} problems; run: tutor pack validate {name}",
                         "invalid")]
        if not any(_can_set(spec, pack) for spec in pack.exercises):  # this session goes on with the pack it has
            return [Line(f"No exercise of {pack.title} can be set; run: tutor pack validate {name}", "invalid")]
        self.close()
        self.pack, self.topic, self.current, self.previous = pack, None, None, None
        self.unsettable, self.checked = {}, set()  # another pack's exercise of the same id may be another's
        self.new_round()
        self.seen = self.store.seen(self.student_id, pack.id)
        self.session_id = self.store.start_session(self.student_id, pack.id, self.seed, sitting=self.sitting)
        heading = Line(f"Pack: {pack.title} ({counted(len(pack.exercises), 'exercise')}).", "heading")
        return [heading, *self.next_exercise()]

    def do_progress(self, _: str) -> list[Line]:
        skills = self.store.skills(self.student_id)
        if not skills:
            return [Line("No answers yet: mastery shows once you have answered something.", "muted")]
        lines = [Line(f"{'skill':<22} {'mastery':>8} {'right':>7}", "heading")]
        for skill in sorted(skills.values(), key=lambda s: s.score):
            lines.append(Line(f"{skill.name:<22} {mastery_bar(skill.score)} "
                              f"{skill.correct:>3}/{skill.attempts:<3}"))
        return [*lines, Line(MASTERY_RULE, "muted")]

    def do_latex(self, _: str) -> list[Line]:
        from .steps import render_latex
        current = self.on_screen
        steps = current.exercise.steps() if current.last_shown == "steps" else None
        if steps is not None:
            return [Line(render_latex(steps))]
        return [Line(current.exercise.prompt(latex=True))]

    def do_plot(self, which: str) -> list[Line]:
        from .plot import NoMatplotlib, picture_for, shows_answer
        if which not in ("", "last"):
            return [Line(f"':plot {which}' is not known: :plot draws this exercise, :plot last the one before.",
                         "invalid")]
        shown = self.current if not which else self.previous
        if shown is None:
            return [Line("There is no exercise before this one yet.", "muted")]
        whole = shown.revealed
        path = self.picture_folder / f"{shown.spec.id}{'' if whole else '-question'}.png"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            picture_for(shown.exercise, path, answer=whole)
        except SolveError as error:  # this kind of exercise has no picture
            return [Line(error.message, "muted")]
        except (NoMatplotlib, OSError) as error:
            return [Line(f"The picture could not be drawn: {error}", "invalid")]
        if not shows_answer(shown.exercise.problem.figure()):  # the question is all it draws, solved or not
            return [Line(f"Saved the picture as {path}", "muted")]
        what = "with its answer" if whole else "the question only: its answer is drawn once you have solved it"
        return [Line(f"Saved the picture ({what}) as {path}", "muted")]

    def do_help(self, _: str) -> list[Line]:
        return [Line("Type an answer, or a command:", "heading")] + [
            Line(f"  {name:<10} {what}") for name, what in COMMANDS.items()
        ] + [Line("A command may be shortened (:h is :hint, :s :steps, :sk :skip); hint, help, skip, quit and "
                  "exit alone do the same as :hint, :help, :skip and :quit; so do /hint for :hint, and ? for :help.",
                  "muted"),
             Line("Ctrl-C clears the line, or stops the work on an answer or a command; Ctrl-D quits. "
                  "Answers are read as you type: 6xy^3, 6 x y³ and 6*x*y**3 are the same.", "muted")]

    def do_quit(self, _: str) -> list[Line]:
        self.finished = True
        return [Line(f"Bye. This session: {self.score_text()}.", "muted")]

    @property
    def solved(self) -> int:
        """How many different exercises were solved in this session (new numbers for one count once)."""
        return len(self.solved_ids)

    def score_text(self) -> str:
        return f"{counted(self.solved, 'exercise')} solved, {counted(self.attempts, 'attempt')}"

    # --------------------------------------------------------- what the shell shows
    def status(self) -> str:
        if self.current is None:
            return ""
        topic = f" · {self.topic}" if self.topic else ""
        return (f" {self.pack.id}{topic} · exercise {self.number(self.current.spec)} of {len(self.pack.exercises)}"
                f" · solved {self.solved} · attempts {self.attempts} · streak {self.streak}")

    def preview(self, text: str) -> str:
        """How the text typed so far reads ("read as: 6xy³"), or why it doesn't."""
        if self.current is None:
            return ""
        if len(text) <= LIMITS.max_length:  # a longer line is too long, whatever its spaces (as in handle)
            text = text.strip()
            if not text or command(text) is not None:
                return ""
        found = in_worker(self.current.exercise, reading, text)
        return found if isinstance(found, str) else "can't read yet: it is too large to read"

    def names(self) -> list[str]:
        """What tab completion offers in an answer: the exercise's variables and function names."""
        variables = list(self.current.exercise.problem.answer_variables) if self.current else []
        return variables + sorted(n for n in FUNCTIONS if n.islower() and len(n) > 1)

    def skills(self) -> list[str]:
        """What tab completion offers after :topic."""
        return [*self.pack.tags_in_order(), ALL]

    def given_answers(self) -> set[str]:
        """Every answer given to the exercise on the screen, whatever its numbers, by this student or any
        other of the progress file: the history never suggests these (a history kept from before each
        student had their own holds others' answers)."""
        if self.current is None:
            return set()
        return self.current.typed | self.store.answers_by_anyone(self.pack.id, self.current.spec.id)


def as_loading(spec: ExerciseSpec, pack: Pack) -> None:
    """Unsettable where loading the pack file would have refused the exercise (its first variant's data makes
    no sense, or its answer does not compute: `refusing`), with the sentence loading gave. A session checks
    each exercise so as it first sets it, not all of them before the first prompt (40 descents took 5 s);
    a built-in pack's exercises are checked by the tests."""
    if pack.built_in:
        return
    found = refusing(spec)
    if found:
        raise Unsettable(spec.id, "; ".join(finding.message for finding in found))


def _can_set(spec: ExerciseSpec, pack: Pack) -> bool:
    """Whether the exercise can be set with the lesson's numbers or a student's (`tutor pack show`'s test)."""
    try:
        as_loading(spec, pack)
        settable(spec)
    except TutorError:
        return False
    return True


def lesson_steps(steps: Step) -> tuple[str, bool]:
    """The steps at the lesson's level, and whether any detail was left out: the top three levels where they fit
    on a screen (the chain rule of 2 sin(5x) is at the third; outside check h35, F3), else the top two, else the
    top one."""
    from .steps import render_text
    full = render_text(steps)
    for depth in (3, 2, 1):
        short = render_text(steps, depth=depth)
        if len(short.splitlines()) <= SCREEN_LINES:
            break
    return short, short != full


def reading(exercise: Exercise, text: str) -> str:
    """How the text typed so far reads ("read as: 6xy³"), or why it doesn't, within the limits."""
    problem = exercise.problem
    try:
        with deadline(LIMITS.budget_seconds), budget(LIMITS.work):
            return f"read as: {problem.shown(problem.read(text))}"
    except InputError as error:
        return f"can't read yet: {error.message}"
    except (OutOfTime, RecursionError, MemoryError, OverflowError):
        return "can't read yet: it is too large to read"


def _each_once(count: int) -> str:
    """How a round goes through a skill's exercises: "each of its 3 exercises once.", "its one exercise." (outside
    check h35, F10: "each of its 1 exercise once")."""
    return f"each of its {counted(count, 'exercise')} once." if count > 1 else "its one exercise."
