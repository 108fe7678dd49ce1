"""Item analysis: how each exercise of a pack worked for the class.

Per exercise, over every student in the gradebook (an exercise not answered counts 0):

- facility: the mean share of the exercise's points the class earned, from 0 (nobody earned
  anything) to 1 (everyone earned full marks);
- discrimination: the corrected item-total correlation, Pearson's r between the students'
  scores on the exercise and their totals on the rest of the pack (the total without this
  exercise, so that the exercise is not correlated with itself). It is not defined with fewer
  than 3 students, or when everyone scored the same on the exercise, or on the rest;
- the most common wrong answers as read, and the misconception the diagnosis named for them.

Everything is computed from exact fractions; the one square root is taken of an exact ratio, so
the figures are the same on every machine.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .check import Judgement
from .compare import Note
from .diagnose import AUTHOR
from .grade import Gradebook, Result, points_sum
from .markup import markdown_text, number
from .misconceptions import BOTH, EITHER
from .packs import ExerciseSpec
from .templates import matcher, outline
from .topics import CATALOGUE
from .variant_check import why_not_graded
from .words import counted

COMMON_WRONG = 3  # most common wrong answers listed per exercise
MIN_STUDENTS = 3  # for a correlation: with 2 students it is always -1 or 1
SMALL_CLASS = 30  # below this, one student moves the discrimination a lot: the summary says so
HARD, EASY = Fraction(3, 10), Fraction(9, 10)  # facility below or above: worth a look
WEAK = 0.2  # discrimination below: worth a look (0.2 is the usual rule of thumb)
UNCHECKED = frozenset({Note.TIMEOUT, Note.CRASHED})  # invalid, but read: its check ran out of time, or failed


@dataclass(frozen=True)
class WrongAnswer:
    reading: str  # the answer as the tutor read it
    count: int
    misconception: str  # what the diagnosis named for most of them: a catalogue id, or "author: ..."; "" if nothing
    variant: str = ""  # the numbers it was given for ("a = 3, p = 2"): "" where everyone has the same


@dataclass(frozen=True)
class Mistake:
    """The wrong answers one misconception explains, over every variant of the exercise."""

    misconception: str  # a catalogue id, or "author: ..." (its feedback as written, for every variant); "" if nothing
    count: int
    examples: tuple[WrongAnswer, ...]  # its most common answers, each with its numbers
    note: str = ""  # where none is named, the verdicts' note they share (not_multiplied_out: told something else)


@dataclass(frozen=True)
class ExerciseSummary:
    exercise: str
    title: str  # as its author wrote it, each {a} shown by its parameter's name
    points: Fraction
    students: int  # those it was graded for
    answered: int
    correct: int
    mean: Fraction  # mean score over the students it was graded for, unanswered as 0
    facility: Fraction | None  # mean / points (None for an exercise worth nothing)
    discrimination: float | None  # the corrected item-total correlation, to 4 places
    undefined: str  # why there is no discrimination ("" when there is one)
    wrong: tuple[WrongAnswer, ...]  # the most common wrong answers, most common first
    mistakes: tuple[Mistake, ...] = ()  # the wrong answers by the mistake named, most common first
    per_student: bool = False  # each student has numbers of their own: answers compare only within a variant
    not_graded: tuple[tuple[str, int], ...] = ()  # (why, how many students): variants that could not be set
    parameterised: bool = False  # where it is not graded, a draw may be at fault; else the exercise itself is
    left_out: bool = False  # it could be graded for no student: not counted in anyone's points possible
    unreadable: tuple[tuple[str, int], ...] = ()  # (note, how many): the answers that could not be read or checked

    @property
    def flags(self) -> list[str]:
        """What makes this exercise worth a look, in words."""
        found = []
        if self.not_graded:
            found.append("not graded for some: mend its parameters" if self.parameterised else
                         "not graded: mend the exercise")
        if self.facility is not None and self.facility < HARD:
            found.append("hard")
        if self.facility is not None and self.facility > EASY:
            found.append("easy")
        if self.discrimination is not None and self.discrimination < 0:
            found.append("negative discrimination: check the expected answer")
        elif self.discrimination is not None and self.discrimination < WEAK:
            found.append("weak discrimination")
        return found


def exercise_summaries(book: Gradebook) -> list[ExerciseSummary]:
    """The item analysis of each exercise, in the pack's order. A student for whom an exercise was
    not graded (their variant could not be set) is left out of that exercise's figures."""
    found = []
    for spec, everyone in zip(book.pack.exercises, by_exercise(book).values()):
        results = [r for r in everyone if r.verdict != Judgement.NOT_GRADED]
        scores = [r.score for r in results]
        mean = points_sum(scores) / len(scores) if scores else Fraction(0)
        discrimination, undefined = corrected_item_total(scores, [book.totals[r.student] for r in results])
        if everyone and not results:  # the class is there, its figures are not: "fewer than 3" would blame its size
            undefined = "not defined: it was graded for no one"
        if undefined and len(book.pack.exercises) == 1 and len(scores) >= MIN_STUDENTS:
            undefined = "it is the pack's only exercise, so there is no rest to compare with"
        wrong = [(r, misconception_of(r, spec) or "") for r in results if r.verdict == Judgement.INCORRECT]
        why = Counter(why_not_graded(r.feedback) for r in everyone if r.verdict == Judgement.NOT_GRADED)
        unreadable = Counter(r.note for r in results if r.verdict == Judgement.INVALID)
        found.append(ExerciseSummary(
            spec.id, outline(spec.title, [p.name for p in spec.params]), spec.points, len(results),
            sum(bool(r.answer) for r in results), sum(r.verdict == Judgement.CORRECT for r in results), mean,
            mean / spec.points if spec.points and results else None, discrimination, undefined,
            _most_common_wrong(wrong)[:COMMON_WRONG], _mistakes(wrong), spec.per_student,
            tuple(most_common(why)), spec.parameterised, spec.id in book.left_out, tuple(most_common(unreadable))))
    return found


def scaled_total(book: Gradebook, student: str) -> Fraction:
    """The student's total on the pack's scale, for a system that knows one number of points possible:
    where an exercise was not graded for them (their variant could not be set), their total over the
    exercises graded, scaled up to the pack's points, so that their percent is the same."""
    possible = book.possible[student]
    return book.totals[student] * book.max / possible if possible else Fraction(0)


def corrected_item_total(item: Sequence[Fraction], totals: Sequence[Fraction]) -> tuple[float | None, str]:
    """Pearson's r between the item's scores and the totals without it, to 4 places, or (None, why not)."""
    n = len(item)
    if n < MIN_STUDENTS:
        return None, f"not defined for fewer than {MIN_STUDENTS} students"
    # In whole multiples of 1/scale: exact, and integer sums cost a fraction of Fraction sums (a
    # class of 500 spent seconds here). Scaling both series leaves r unchanged.
    scale = math.lcm(*{v.denominator for v in (*item, *totals)})
    xs = [x.numerator * (scale // x.denominator) for x in item]
    rest = [total.numerator * (scale // total.denominator) - x for x, total in zip(xs, totals)]
    sxx = n * sum(x * x for x in xs) - sum(xs) ** 2
    syy = n * sum(y * y for y in rest) - sum(rest) ** 2
    sxy = n * sum(x * y for x, y in zip(xs, rest)) - sum(xs) * sum(rest)
    if sxx == 0:
        return None, "not defined: everyone scored the same on it"
    if syy == 0:
        return None, "not defined: everyone scored the same on the rest of the pack"
    r = math.copysign(math.sqrt(Fraction(sxy * sxy, sxx * syy)), sxy)  # the square root of an exact ratio
    return round(r, 4) + 0.0, ""  # + 0.0: never -0.0


def by_exercise(book: Gradebook) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {spec.id: [] for spec in book.pack.exercises}
    for result in book.results:
        grouped[result.exercise].append(result)
    return grouped


def most_common(counts: Counter) -> list[tuple]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))  # ties by name, for the same bytes


def misconception_of(result: Result, spec: ExerciseSpec) -> str | None:
    """The mistake the diagnosis named for a wrong answer: a catalogue id, or `author: <its feedback>`,
    the feedback as the author wrote it (each {a} by its name), the same for every variant."""
    if result.note.startswith(Note.MISCONCEPTION.of("")):
        return result.note.removeprefix(Note.MISCONCEPTION.of(""))
    if result.note == Note.MISTAKE.of(AUTHOR):
        return f"author: {_author_feedback(spec, result.feedback)}"
    return None


def parts_of(misconception: str) -> list[str]:
    """The mistakes a named one is made of: a and b of a+b, made at once; an author's, whose feedback may hold a +
    of its own, is one (outside check h49, N1: `d/dx (x^2 + 3x)` was counted as three mistakes)."""
    return [misconception] if misconception.startswith("author: ") else misconception.split(BOTH)


def _author_feedback(spec: ExerciseSpec, feedback: str) -> str:
    """Which of the author's mistakes a variant's feedback is, as written for all of them."""
    names = [p.name for p in spec.params]
    if not names:
        return feedback
    for mistake in spec.mistakes:
        if matcher(mistake.feedback, names).fullmatch(feedback):
            return outline(mistake.feedback, names)
    return feedback


def describe(misconception: str) -> str:
    """A misconception in a few words: the catalogue's summary, or an author's own feedback."""
    if misconception.startswith("author: "):
        return misconception.removeprefix("author: ")
    for joiner, word in ((BOTH, " and "), (EITHER, " or ")):  # two mistakes at once; either of two
        if joiner in misconception:
            return word.join(describe(part) for part in misconception.split(joiner))
    known = CATALOGUE.get(misconception)
    return known.summary if known else misconception


def _most_common_wrong(wrong: list[tuple[Result, str]]) -> tuple[WrongAnswer, ...]:
    """Every wrong answer (with the mistake named for it, "" if none), the most common first. Where
    each student has numbers of their own, an answer is the same only for the same numbers: 2x is
    right for one student and wrong for another."""
    def answer(result: Result) -> tuple[str, str]:
        return result.variant, result.reading or result.answer

    named: defaultdict[tuple[str, str], Counter] = defaultdict(Counter)
    for result, misconception in wrong:
        if misconception:
            named[answer(result)][misconception] += 1
    return tuple(WrongAnswer(reading, count, most_common(named[variant, reading])[0][0]
                             if named[variant, reading] else "", variant)
                 for (variant, reading), count in most_common(Counter(answer(r) for r, _ in wrong)))


def _mistakes(wrong: list[tuple[Result, str]]) -> tuple[Mistake, ...]:
    """The wrong answers grouped by the mistake named (over every variant), the most common first,
    those with none named last, by their note: told "not multiplied out yet" is not told nothing."""
    def key(result: Result, misconception: str) -> tuple[str, str]:
        return misconception, "" if misconception else result.note
    ordered = sorted(most_common(Counter(key(r, m) for r, m in wrong)), key=lambda kv: kv[0][0] == "")
    return tuple(Mistake(name, count, _most_common_wrong([(r, m) for r, m in wrong
                                                          if key(r, m) == (name, note)])[:COMMON_WRONG], note)
                 for (name, note), count in ordered)


# ------------------------------------------------------------------ summary.md


def figure(value: Fraction | float) -> str:
    """A facility (exact) or a discrimination (to 4 places) as the summary shows it: to 2 places (trailing zeros
    kept, so a column lines up), or to as many
    more as it takes not to show 0, 1 or -1, the ends and the middle of the scale, nor a line a flag is drawn at,
    for a figure that is not that (one student in 300 right is 0.003, not 0; a discrimination of -0.0049 is
    -0.005, not -0.00; one of 0.1998, flagged weak, is 0.1998, not 0.20)."""
    places = 2
    while round(value, places) in (-1, 0, 1) and value not in (-1, 0, 1) or places < 4 and any(
            round(value, places) == line != value for line in (HARD, EASY, WEAK)):
        places += 1
    exact = round(value, places) if isinstance(value, Fraction) else value  # rounded half to even, exactly
    return f"{float(exact):.{places}f}"  # both to the same places, 0.70 beside 0.90 (outside check h19)


def summary_markdown(book: Gradebook) -> str:
    """The item analysis as a printable Markdown page."""
    summaries = exercise_summaries(book)
    n = len(book.students)
    lines = [f"# Item analysis: {markdown_text(book.pack.title)}", ""]
    if n:
        mean = points_sum(scaled_total(book, student) for student in book.students) / n
        worth, average = counted(book.max, "point", number(book.max)), counted(mean, "point", number(mean))
        unset = f" ({len(book.left_out)} could be graded for no one, and are not counted)" if book.left_out else ""
        # said where it is not the mean of grades.csv's totals (outside check h27, F5)
        scaled = " (each total on the pack's scale where an exercise was not graded for the student, as in the LMS " \
                 "exports)" if any(book.possible[student] != book.max for student in book.students) else ""
        lines.append(f"{counted(n, 'student')}, {counted(len(summaries), 'exercise')} worth {worth}{unset}; "
                     f"class mean {average}{scaled}.")
    else:
        lines.append("No students.")
    lines += ["", "| # | exercise | points | answered | correct | facility | discrimination | look at it |",
              "|--:|---|--:|--:|--:|--:|--:|---|"]
    for position, e in enumerate(summaries, start=1):
        facility = figure(e.facility) if e.facility is not None else "–"
        discrimination = figure(e.discrimination) if e.discrimination is not None else "–"
        points = "not counted" if e.left_out else number(e.points)  # as grades.csv leaves its points possible empty
        lines.append(f"| {position} | {markdown_text(e.exercise, cell=True)} | {points} | {e.answered} | "
                     f"{e.correct} | {facility} | {discrimination} | {'; '.join(e.flags)} |")
    lines += ["", "**Facility** is the mean share of an exercise's points the class earned (an exercise "
                  "not answered counts 0): 1 means everyone earned full marks. **Discrimination** is the "
                  "corrected item-total correlation: the correlation between the scores on the exercise "
                  "and the totals on the rest of the pack. Near 0 or below, the exercise does not tell "
                  "stronger students from weaker ones: look at its wording and its expected answer. "
                  f"It is not defined for fewer than {MIN_STUDENTS} students or when everyone scored "
                  "the same (–); it is marked `hard` below a facility of 0.3, `easy` above 0.9, and "
                  "weak below a discrimination of 0.2."]
    if any(e.per_student for e in summaries):
        lines += ["", "Where each student has numbers of their own, a title shows the parameters by name, and the "
                      "wrong answers, which only compare for the same numbers, are grouped by the mistake named "
                      "for them, each shown with its numbers."]
    if MIN_STUDENTS <= n < SMALL_CLASS:
        lines += ["", f"With {n} students, one student's answers move the discrimination a lot: read it "
                      "as a rough guide."]
    for position, e in enumerate(summaries, start=1):
        title = f": {markdown_text(e.title)}" if e.title else ""
        lines += ["", f"## {position}. {markdown_text(e.exercise)}{title}", ""]
        mend = "the exercise's parameters or `require`" if e.parameterised else "the exercise"
        for why, count in e.not_graded:
            lines += [f"Not graded for anyone, as it can't be set: {markdown_text(why)}. It is left out of the "
                      f"points possible, and of the figures above; mend {mend}." if e.left_out else
                      f"Not graded for {counted(count, 'student')}, whose variant could not be set: "
                      f"{markdown_text(why)}. It does not count towards their totals, nor in the figures "
                      f"above; mend {mend}.", ""]
        if e.not_graded and not e.students:  # the paragraph above says why it has no figures, nor answers read
            lines.pop()
            continue
        if e.undefined:
            lines += [f"Discrimination: {e.undefined}.", ""]
        if not e.mistakes:
            read = e.answered - sum(count for _, count in e.unreadable)  # and checked: right, as none is wrong
            said = ["No wrong answers."] if read > 0 else [] if e.unreadable else ["Nobody answered it."]
            lines += said + ([""] if said and e.unreadable else []) + ([_unreadable_words(e)] if e.unreadable else [])
            continue
        if e.per_student:
            lines += ["| mistake named | students | answers, as read, with their numbers |", "|---|--:|---|"]
            lines += [f"| {_mistake_words(m.misconception, m.note)} | {m.count} | "
                      f"{'; '.join(_with_numbers(w) for w in m.examples)} |" for m in e.mistakes]
        else:
            lines += ["| wrong answer, as read | students | mistake named |", "|---|--:|---|"]
            lines += [f"| {markdown_text(w.reading, cell=True)} | {w.count} | {_mistake_words(w.misconception)} |"
                      for w in e.wrong]
        if e.unreadable:
            lines += ["", _unreadable_words(e)]
    return "\n".join(lines) + "\n"


def _unreadable_words(e: ExerciseSummary) -> str:
    """How many answers could not be read or checked, and their commonest notes, as answers.csv gives them: many
    alike (every student writing f'(1) = 2) says the exercise invites that answer."""
    invalid = sum(count for _, count in e.unreadable)
    checked = sum(count for note, count in e.unreadable if note in UNCHECKED)
    verb = "checked" if checked == invalid else "read or checked" if checked else "read"
    said = f"None of the {invalid} answers could be {verb}" if invalid == e.answered and invalid > 1 else \
        f"{counted(invalid, 'answer')} could not be {verb}"
    notes = ", ".join(f"`{note}` ({count})" for note, count in e.unreadable[:COMMON_WRONG])
    return f"{said} (verdict invalid, scored 0); their notes in answers.csv: {notes}."


def _mistake_words(misconception: str, note: str = "") -> str:
    if misconception:
        return markdown_text(describe(misconception), cell=True)
    return f"none named (note `{note}`)" if note else "none named"


def _with_numbers(wrong: WrongAnswer) -> str:
    shown = f"{wrong.reading} with {wrong.variant}" if wrong.variant else wrong.reading
    return markdown_text(shown + (f" ({wrong.count} students)" if wrong.count > 1 else ""), cell=True)
