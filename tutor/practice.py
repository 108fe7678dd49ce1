"""A practice session: which exercise comes next, what an answer or a command gets back.

No terminal here: `Session.handle(text)` returns Lines (text with a style), and
the REPL (tutor/repl.py) prints them. Every attempt is written to the Store as
it is made. The next exercise is a due review of a missed one if there is one;
else more practice of the weakest skill (tag) not yet mastered; else the next
new exercise in the pack's order; else the weakest skill. A parameterised
exercise gets a new variant each time it is drawn.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from . import packs
from .budget import OutOfTime, budget, deadline
from .calculus import SolveError
from .check import Judgement
from .feedback import in_worker, respond
from .limits import LIMITS
from .packs import Exercise, ExerciseSpec, Pack
from .parse import FUNCTIONS, InputError
from .plot import NoMatplotlib, picture_for
from .show import show
from .steps import render_latex, render_text
from .store import Store

GENERAL = "general"  # the skill of an exercise without tags
MASTERED = 0.5  # a skill's score from which new material comes before more practice

COMMANDS = {
    ":hint": "the next hint (up to three)",
    ":steps": "the full worked solution",
    ":skip": "leave this exercise for later",
    ":again": "the same exercise with new numbers",
    ":topic": "practise one skill: :topic TAG (alone: every skill)",
    ":pack": "switch pack: :pack gradients, :pack drills or :pack FILE",
    ":progress": "your mastery of each skill",
    ":latex": "the exercise (or the last steps shown) in LaTeX",
    ":plot": "a picture of the exercise, saved as a PNG",
    ":help": "this list",
    ":quit": "stop (Ctrl-D does too)",
}


@dataclass(frozen=True)
class Line:
    text: str
    style: str = ""  # correct, incorrect, invalid, exercise, hint, muted, heading


@dataclass
class _Current:
    spec: ExerciseSpec
    exercise: Exercise
    variant: str
    hints: int = 0
    misses: int = 0
    last_shown: str = "prompt"  # what :latex shows: the prompt, or the steps


@dataclass
class Session:
    pack: Pack
    store: Store
    student: str
    seed: int = field(default_factory=lambda: secrets.randbelow(10**6))
    topic: str | None = None
    finished: bool = False
    score: int = 0
    attempted: int = 0
    streak: int = 0

    def __post_init__(self) -> None:
        self.student_id = self.store.student(self.student)
        self.session_id = self.store.start_session(self.student_id, self.pack.id, self.seed)
        self.draws = 0
        self.shown: dict[str, int] = {}  # exercise id -> the draw it was last shown at
        self.current: _Current | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> list[Line]:
        lines = [
            Line(f"Welcome to the calculus tutor, {self.student}. Type your answer after the prompt; "
                 ":help lists the commands.", "heading"),
            Line(f"Pack: {self.pack.title} ({len(self.pack.exercises)} exercises).", "muted"),
        ]
        return self.noticed(lines + self.next_exercise())

    def noticed(self, lines: list[Line]) -> list[Line]:
        """`lines` and, after them, what the progress store has to say (progress kept, saved again ...)."""
        return lines + [Line(f"Note: {notice}.", "invalid") for notice in self.store.take_notices()]

    def close(self) -> None:
        self.store.end_session(self.session_id)

    # ------------------------------------------------------------ choosing exercises
    def pool(self) -> list[ExerciseSpec]:
        return [s for s in self.pack.exercises if self.topic is None or self.topic in s.tags]

    def choose(self) -> ExerciseSpec:
        """A due review; else more of a weak skill; else the next new exercise; else the weakest skill."""
        pool = self.pool()
        current = self.current.spec.id if self.current else None
        others = [s for s in pool if s.id != current] or pool
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
        tags = sorted({t for s in others for t in (s.tags or (GENERAL,))},
                      key=lambda t: skills[t].score if t in skills else 0.0)
        for tag in tags:
            choice = practise(tag)
            if choice is not None:
                return choice
        return min(others, key=staleness)

    def show_exercise(self, spec: ExerciseSpec) -> list[Line]:
        self.draws += 1
        self.shown[spec.id] = self.draws
        variant = f"{self.seed}:{self.draws}" if spec.parameterised else "-"
        exercise = spec.variant(variant if spec.parameterised else None)
        self.current = _Current(spec, exercise, variant)
        number = [s.id for s in self.pack.exercises].index(spec.id) + 1
        tags = f"  [{', '.join(spec.tags)}]" if spec.tags else ""
        title = f" · {spec.title}" if spec.title else ""
        return [
            Line(""),
            Line(f"Exercise {number} of {len(self.pack.exercises)}{title}{tags}", "muted"),
            Line(exercise.prompt(), "exercise"),
        ]

    def next_exercise(self) -> list[Line]:
        return self.show_exercise(self.choose())

    # ---------------------------------------------------------------------- input
    def handle(self, text: str) -> list[Line]:
        text = text.strip()
        if not text:
            return []
        if text.startswith(":"):
            name, _, argument = text.partition(" ")
            handler = getattr(self, "do_" + name[1:], None) if name in COMMANDS else None
            if handler is None:
                return [Line(f"Unknown command '{name}'; :help lists the commands.", "invalid")]
            return self.noticed(handler(argument.strip()))
        return self.noticed(self.answer(text))

    def answer(self, text: str) -> list[Line]:
        current = self.current
        verdict = respond(current.exercise, text)
        if verdict.verdict == Judgement.INVALID:  # unreadable: say where, count nothing
            return [Line(verdict.pointer(text), "invalid")]
        self.store.record(self.session_id, self.student_id, self.pack.id, current.spec.id, current.variant,
                          text, verdict.verdict, verdict.note, current.hints, current.spec.tags or (GENERAL,))
        self.attempted += 1
        if verdict.correct:
            self.score += 1
            self.streak += 1
            return [Line(f"✓ {verdict.message}", "correct")] + self.next_exercise()
        self.streak = 0
        current.misses += 1
        lines = [Line(f"✗ {verdict.message}", "incorrect"), Line(f"  (your answer, as read: {verdict.reading})", "muted")]
        if current.misses == 2:
            lines.append(Line("Stuck? :hint gives a hint, :steps the worked solution, :skip moves on.", "muted"))
        return lines

    # ------------------------------------------------------------------- commands
    def do_hint(self, _: str) -> list[Line]:
        hints = self.current.exercise.hints()
        if self.current.hints >= len(hints):
            return [Line("No more hints; :steps shows the worked solution.", "muted")]
        self.current.hints += 1
        return [Line(f"Hint {self.current.hints} of {len(hints)}: {hints[self.current.hints - 1]}", "hint")]

    def do_steps(self, _: str) -> list[Line]:
        steps = self.current.exercise.steps()
        if steps is None:
            return [Line("There is no worked solution for this exercise.", "muted")]
        self.current.last_shown = "steps"
        self.current.hints = max(self.current.hints, 3)  # seen the solution: no mastery credit now
        return [Line(render_text(steps))]

    def do_skip(self, _: str) -> list[Line]:
        self.store.review_later(self.student_id, self.pack.id, self.current.spec.id)
        self.streak = 0
        return [Line("Skipped; it will come back later.", "muted")] + self.next_exercise()

    def do_again(self, _: str) -> list[Line]:
        return self.show_exercise(self.current.spec)

    def do_topic(self, tag: str) -> list[Line]:
        tags = sorted({t for s in self.pack.exercises for t in s.tags})
        if not tag:
            self.topic = None
            return [Line("Practising every skill.", "muted")] + self.next_exercise()
        if tag not in tags:
            return [Line(f"No skill '{tag}' in this pack; try one of: {', '.join(tags)}.", "invalid")]
        self.topic = tag
        return [Line(f"Practising {tag}.", "muted")] + self.next_exercise()

    def do_pack(self, name: str) -> list[Line]:
        if not name:
            return [Line(f"Packs: {', '.join(packs.BUILT_IN)}, or a pack file: :pack FILE.", "muted")]
        try:
            pack = packs.load(name)
        except packs.PackError as error:
            return [Line(error.problems[0] if len(error.problems) == 1 else
                         f"{name} has {len(error.problems)} problems; run: tutor pack validate {name}",
                         "invalid")]
        self.close()
        self.pack, self.topic, self.current = pack, None, None
        self.session_id = self.store.start_session(self.student_id, pack.id, self.seed)
        return [Line(f"Pack: {pack.title} ({len(pack.exercises)} exercises).", "heading")] + self.next_exercise()

    def do_progress(self, _: str) -> list[Line]:
        skills = self.store.skills(self.student_id)
        if not skills:
            return [Line("No answers yet: mastery shows once you have answered something.", "muted")]
        lines = [Line(f"{'skill':<22} {'mastery':>8} {'right':>7}", "heading")]
        for skill in sorted(skills.values(), key=lambda s: s.score):
            bar = "█" * round(skill.score * 10) + "·" * (10 - round(skill.score * 10))
            lines.append(Line(f"{skill.name:<22} {bar} {skill.correct:>3}/{skill.attempts:<3}"))
        return lines

    def do_latex(self, _: str) -> list[Line]:
        steps = self.current.exercise.steps() if self.current.last_shown == "steps" else None
        if steps is not None:
            return [Line(render_latex(steps))]
        return [Line(self.current.exercise.prompt(latex=True))]

    def do_plot(self, _: str) -> list[Line]:
        try:
            path = picture_for(self.current.exercise, Path(f"{self.current.spec.id}.png"))
        except SolveError as error:  # this kind of exercise has no picture
            return [Line(error.message, "muted")]
        except (NoMatplotlib, OSError) as error:
            return [Line(f"The picture could not be drawn: {error}", "invalid")]
        return [Line(f"Saved the picture as {path}", "muted")]

    def do_help(self, _: str) -> list[Line]:
        return [Line("Type an answer, or a command:", "heading")] + [
            Line(f"  {name:<10} {what}") for name, what in COMMANDS.items()
        ] + [Line("Ctrl-C clears the line; Ctrl-D quits. Answers are read as you type: "
                  "6xy^3, 6 x y³ and 6*x*y**3 are the same.", "muted")]

    def do_quit(self, _: str) -> list[Line]:
        self.finished = True
        return [Line(f"Bye. This session: {self.score} of {self.attempted} right.", "muted")]

    # --------------------------------------------------------- what the shell shows
    def status(self) -> str:
        if self.current is None:
            return ""
        number = [s.id for s in self.pack.exercises].index(self.current.spec.id) + 1
        topic = f" · {self.topic}" if self.topic else ""
        return (f" {self.pack.id}{topic} · exercise {number} of {len(self.pack.exercises)} · "
                f"score {self.score}/{self.attempted} · streak {self.streak}")

    def preview(self, text: str) -> str:
        """How the text typed so far reads ("read as: 6xy³"), or why it doesn't."""
        text = text.strip()
        if not text or text.startswith(":") or self.current is None:
            return ""
        found = in_worker(self.current.exercise, reading, text)
        return found if isinstance(found, str) else "can't read yet: it is too large to read"

    def names(self) -> list[str]:
        """What tab completion offers in an answer: the exercise's variables and function names."""
        variables = list(self.current.exercise.problem.answer_variables) if self.current else []
        return variables + sorted(n for n in FUNCTIONS if n.islower() and len(n) > 1)


def reading(exercise: Exercise, text: str) -> str:
    """How the text typed so far reads ("read as: 6xy³"), or why it doesn't, within the limits."""
    problem = exercise.problem
    try:
        with deadline(LIMITS.budget_seconds), budget(LIMITS.work):
            return f"read as: {show(problem.read(text), problem.variables)}"
    except InputError as error:
        return f"can't read yet: {error.message}"
    except (OutOfTime, RecursionError, MemoryError, OverflowError):
        return "can't read yet: it is too large to read"
