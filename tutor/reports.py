"""A Gradebook written out: the CSV files, report.json, and the summary table for the terminal.

The same gradebook always gives the same bytes: a fixed order, exact scores
rounded by one rule. A CSV cell that a spreadsheet would run as a formula
(=, +, -, @ first) is written with a leading apostrophe, but for an identifier an LMS matches exactly
where nothing in it could run (key_cell); a control character
(escape, tab, line break ...) as text, \x1b, so that printing a CSV can't act on the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from types import GeneratorType
from typing import TextIO

from .analysis import (
    WrongAnswer,
    by_exercise,
    exercise_summaries,
    figure,
    misconception_of,
    most_common,
    parts_of,
    scaled_total,
)
from .check import Judgement
from .grade import Gradebook, Result, points_sum
from .markup import number
from .outputs import ANSWERS_COLUMNS, Writer, write_together
from .packs import Pack
from .roster import Roster
from .submissions import Problem, shown
from .templates import outline
from .words import TextEnum, counted, printable

FILES = ("grades.csv", "answers.csv", "misconceptions.csv", "problems.csv", "report.json")
# The checker could not settle these (undecided), or failed on them twice, the second time in a fresh
# worker (crashed): a person should look at them.
REVIEW_NOTES = frozenset({"undecided", "crashed"})
_FORMULA = frozenset("=+-@")  # a tab or a carriage return, OWASP's other two, is escaped as text before
_AFTER_SEMICOLON = re.compile(r";(?=[=+\-@])")
_INERT = re.compile(r"[\w.@+-]+")  # what usernames, ID numbers and emails are made of: no call, no link, no ';'


def percent(total: Fraction, most: Fraction) -> Fraction | None:
    """None of 0 points: a pack worth nothing (a practice week), or nothing graded, is no share of anything."""
    return total / most * 100 if most else None


class Whose(TextEnum):
    """Who names a column of a file the grader writes."""

    OWN = "its own"
    ROSTER = "the roster's"
    EXERCISE = "an exercise's"
    GRADE = "the grade column"


@dataclass(frozen=True)
class Column:
    name: str
    whose: Whose
    remedy: str = ""  # how to name it otherwise, where the user can


def roster_columns(roster: Roster | None) -> list[Column]:
    return [Column(name, Whose.ROSTER, f"rename the roster's column {shown(name)}") for name in roster.columns] \
        if roster else []


def gradebook_columns(pack: Pack, roster: Roster | None, noted: bool = True) -> list[Column]:
    """grades.csv's header (`note` last, where `noted`)."""
    return [Column("student", Whose.OWN), *roster_columns(roster),
            *(Column(s.id, Whose.EXERCISE, f"rename the exercise {s.id!r} in the pack") for s in pack.exercises),
            *(Column(name, Whose.OWN) for name in ("total", "max", "percent", *(["note"] if noted else [])))]


def not_graded(book: Gradebook) -> list[Result]:
    """The exercises not graded for a student because their variant could not be set."""
    return [r for r in book.results if r.verdict == Judgement.NOT_GRADED]


def problems(book: Gradebook) -> list[Problem]:
    """What could not be used: the submissions' problems, then each exercise not graded for a student,
    at the student's answer (or, unanswered, at the exercise in the pack), naming the draw."""
    found = list(book.problems)
    for r in not_graded(book):
        file, _, line = r.source.rpartition(":")
        if not r.source:
            where = book.pack.exercise(r.exercise).position_of(None)
            file, line = where.file, str(where.line)
        found.append(Problem(file, int(line) if line.isdigit() else None, f"student '{r.student}': {r.feedback}",
                             r.student))
    return found


def score_cell(result: Result) -> Fraction | str:
    """A score as the gradebook shows it: empty for an exercise not graded for the student."""
    return "" if result.verdict == Judgement.NOT_GRADED else result.score


def cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs (OWASP's advice for CSV injection), and a terminal shows
    as text: a control character is escaped (\x1b) as on standard error and in the feedback pages."""
    if type(value) is str:  # most cells: isinstance with Fraction (an ABC's subclass) costs more
        text = value
    elif isinstance(value, Fraction):
        return number(value)
    else:
        text = str(value)
    text = printable(text)  # an escape sequence, a carriage return: they act on the terminal a CSV is shown on
    if ";" in text:  # a spreadsheet whose locale separates lists with ';' starts a cell after each one
        text = _AFTER_SEMICOLON.sub(";'", text)
    return "'" + text if text[:1] in _FORMULA else text


def key_cell(text: str) -> str:
    """A cell a system finds a student by (a username, an ID number, an email), which it matches exactly: as
    written where it holds only letters, digits, `_`, `.`, `@`, `+` and `-`, as a spreadsheet that took `-ben`
    for a formula finds nothing in it to run (no call, no link to a program or a file); anything else as cell()
    writes it, which the system then matches to no one."""
    return text if _INERT.fullmatch(text) else cell(text)


# --------------------------------------------------------------- the files


def write_reports(book: Gradebook, folder: Path, more: Mapping[str | Path, Writer] | None = None) -> list[Path]:
    """The five files in `folder`, and `more` (name or path -> writer), replacing any earlier ones
    together (tutor.outputs.OutputError if they can't be written; the earlier ones are then untouched)."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_together(folder, {
        FILES[0]: _csv(*_gradebook_table(book)),
        FILES[1]: _csv(list(ANSWERS_COLUMNS),
                       ([r.student, r.exercise, r.variant, r.answer, r.verdict, r.score, r.max, r.note, r.feedback]
                        for r in book.results)),
        FILES[2]: _csv(["exercise", "misconception", "count", "share"],
                       ([m["exercise"], m["misconception"], m["count"], m["share"]] for m in misconceptions(book))),
        FILES[3]: _csv(["file", "line", "message"], ([p.file, p.line or "", p.message] for p in problems(book))),
        FILES[4]: lambda stream: write_json(stream, report(book)),
        **(more or {}),
    })


def _gradebook_table(book: Gradebook) -> tuple[list[str], list[list]]:
    """grades.csv: a student a row, their score on each exercise, the total; first, the points possible.
    With a roster, its columns follow the id. A last column, with a roster or where an exercise was
    not graded for someone, says why a student has no answer, or which exercise was not graded."""
    specs, roster = book.pack.exercises, book.roster
    columns = list(roster.columns) if roster else []
    noted = bool(roster) or bool(book.absent) or bool(book.unread) or bool(not_graded(book))
    header = [c.name for c in gradebook_columns(book.pack, roster, noted)]
    possible = ["points possible", *[""] * len(columns), *("" if s.id in book.left_out else s.points for s in specs),
                book.max, book.max, _percent_cell(book.max, book.max), *([""] if noted else [])]
    rows = []
    for student, results in book.rows():
        enrolled = roster.get(student) if roster else None
        rows.append([student, *(value for _, value in (enrolled.fields if enrolled else ())),
                     *(score_cell(r) for r in results), book.totals[student], book.possible[student],
                     _percent_cell(book.totals[student], book.possible[student]),
                     *([note(book, student, results)] if noted else [])])
    return header, [possible, *rows]


def _percent_cell(total: Fraction, most: Fraction) -> Fraction | str:
    share = percent(total, most)
    return "" if share is None else share


def note(book: Gradebook, student: str, results: Iterable[Result]) -> str:
    """Why a student has no answer ("Nothing was submitted."), what of theirs could not be read, or what was not
    graded for them."""
    return " ".join([*([book.absent[student]] if student in book.absent else []),
                     *([book.unread[student].note] if student in book.unread else []),
                     *(book.told(r) for r in results if r.verdict == Judgement.NOT_GRADED)])


def write_json(stream: TextIO, data: Mapping[str, object]) -> None:
    """JSON with each top-level key, and each item of a top-level list, on a line of its own; a list
    may be a generator, written item by item as it is made (report.json's answers: a 20,000-student
    roster has 880,000, which as dicts and one string took gigabytes).

    Readable enough, and fast: json's C encoder only works without indentation.
    """
    stream.write("{")
    for n, (key, item) in enumerate(data.items()):
        stream.write(f"{',' if n else ''}\n {json.dumps(key)}: ")
        if not isinstance(item, (list, GeneratorType)):
            stream.write(json.dumps(item, ensure_ascii=False))
            continue
        written = 0
        for written, value in enumerate(item, start=1):
            stream.write(f"{',' if written > 1 else '['}\n  {json.dumps(value, ensure_ascii=False)}")
        stream.write("\n ]" if written else "[]")
    stream.write("\n}\n")


def json_text(data: Mapping[str, object]) -> str:
    text = io.StringIO()
    write_json(text, data)
    return text.getvalue()


def _csv(header: list[str], rows: Iterable[list]) -> Writer:
    def write(stream: TextIO) -> None:
        out = csv.writer(stream)
        out.writerow([cell(name) for name in header])  # a roster's column names are untrusted too
        out.writerows([cell(value) for value in row] for row in rows)
    return write


def json_number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else _rounded(value)


@lru_cache(maxsize=4096)  # for the few fractional scores and shares: hashing a Fraction is slow too
def _rounded(value: Fraction) -> float:
    return float(round(value, 4))


def report(book: Gradebook) -> dict:
    """Everything, for report.json: the pack, each student, each answer (these two as generators, made
    as they are written), the problems, the summary."""
    return {
        "pack": {"id": book.pack.id, "title": book.pack.title},
        "exercises": [{"id": s.id, "kind": s.kind, "title": outline(s.title, [p.name for p in s.params]),
                       "points": json_number(s.points),
                       "partial": s.partial, **({"left_out": True} if s.id in book.left_out else {})}
                      for s in book.pack.exercises],
        "students": ({"student": student, "scores": {r.exercise: _json_score(r) for r in results},
                      "total": json_number(book.totals[student]), "max": json_number(book.possible[student]),
                      "percent": _json_percent(percent(book.totals[student], book.possible[student])),
                      **_enrolled(book, student, results)}
                     for student, results in book.rows()),
        "answers": ({"student": r.student, "exercise": r.exercise, "variant": r.variant, "answer": r.answer,
                     "verdict": r.verdict, "score": json_number(r.score), "max": json_number(r.max),
                     "note": r.note, "feedback": r.feedback, "reading": r.reading, "source": r.source,
                     "metadata": dict(r.metadata)} for r in book.results),
        "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in problems(book)],
        "summary": summary(book),
        "misconceptions": [{**m, "share": json_number(m["share"])} for m in misconceptions(book)],
        "review": [{"student": r.student, "exercise": r.exercise, "answer": r.answer, "reading": r.reading,
                    "note": r.note, "source": r.source} for r in to_review(book)],
    }


def _json_percent(share: Fraction | None) -> int | float | None:
    return None if share is None else json_number(share)


def _json_score(result: Result) -> int | float | None:
    return None if result.verdict == Judgement.NOT_GRADED else json_number(result.score)


def _enrolled(book: Gradebook, student: str, results: Iterable[Result]) -> dict:
    """The student's roster columns, with a roster; and the note, where there is a roster or something to say."""
    enrolled = book.roster.get(student) if book.roster else None
    said = note(book, student, results)
    return {**({"roster": dict(enrolled.fields)} if enrolled else {}), **({"note": said} if enrolled or said else {})}


def to_review(book: Gradebook) -> list[Result]:
    """Answers the checker could not settle (note `undecided`) or failed on (`crashed`): scored 0 until a
    person looks at them."""
    return [r for r in book.results if r.note in REVIEW_NOTES]


def summary(book: Gradebook) -> dict:
    """Counts of verdicts and notes; per exercise: the mean score and the most common wrong answers."""
    verdicts = Counter(r.verdict for r in book.results)
    return {
        "students": len(book.students),
        "answers": sum(bool(r.answer) for r in book.results),
        "verdicts": {v: verdicts[v] for v in Judgement},
        "notes": dict(most_common(Counter(r.note for r in book.results))),
        "review": len(to_review(book)),
        "exercises": [{"exercise": e.exercise, "title": e.title, "points": json_number(e.points),
                       **({"left_out": True} if e.left_out else {}),  # as in report.json's exercises
                       "answered": e.answered, "correct": e.correct, "mean_score": json_number(e.mean),
                       "facility": None if e.facility is None else json_number(e.facility),
                       "discrimination": e.discrimination, "discrimination_undefined": e.undefined,
                       "most_common_wrong": [_wrong(w) for w in e.wrong],
                       **({"unreadable": [{"note": note, "count": count} for note, count in e.unreadable]}
                          if e.unreadable else {}),
                       **({"mistakes": [{"misconception": m.misconception, **({"note": m.note} if m.note else {}),
                                         "count": m.count,
                                         "answers": [{"answer": w.reading, "count": w.count, "variant": w.variant}
                                                     for w in m.examples]} for m in e.mistakes]}
                          if e.per_student else {}),
                       **({"not_graded": [{"why": why, "students": count} for why, count in e.not_graded]}
                          if e.not_graded else {})}
                      for e in exercise_summaries(book)],
    }


def _wrong(w: WrongAnswer) -> dict:
    """A wrong answer in report.json: with `variant`, its numbers, where each student has their own."""
    return {"answer": w.reading, "count": w.count, "misconception": w.misconception,
            **({"variant": w.variant} if w.variant else {})}


def misconceptions(book: Gradebook) -> list[dict]:
    """Per exercise, how often each diagnosed misconception (or author's mistake) explains a wrong answer.

    From the verdicts' notes: `misconception:<id>`, and `mistake:author` (named by its feedback,
    which tells one anticipated mistake from another). An answer with two mistakes at once
    (`misconception:a+b`) counts for each; one that either of two explains (`a|b`) counts as `a|b`,
    since the answer can't tell them apart. `share` is of the exercise's wrong answers.
    """
    found = []
    for exercise, results in by_exercise(book).items():
        wrong = [r for r in results if r.verdict == Judgement.INCORRECT]
        spec = book.pack.exercise(exercise)
        named = Counter(part for r in wrong if (name := misconception_of(r, spec)) for part in parts_of(name))
        found += [{"exercise": exercise, "misconception": name, "count": count,
                   "share": Fraction(count, len(wrong))} for name, count in most_common(named)]
    return found


# ------------------------------------------------------------ the terminal


def summary_table(book: Gradebook) -> str:
    """The run at a glance: verdicts, and per exercise the results and the most common wrong answer."""
    counts = Counter(r.verdict for r in book.results)
    skipped = not_graded(book)
    answered = sum(bool(r.answer) for r in book.results)
    unsettable = sum(bool(r.answer) for r in skipped)
    lines = [f"{book.pack.id}: {counted(len(book.students), 'student')}, {counted(answered, 'answer')} "
             f"({counts[Judgement.CORRECT]} correct, "
             f"{counts[Judgement.INCORRECT]} incorrect, {counts[Judgement.INVALID]} invalid"
             f"{f', {unsettable} not graded' if unsettable else ''}), {counts[Judgement.UNANSWERED]} not answered"]
    summaries = exercise_summaries(book)
    shown = [e for e in summaries if e.answered]
    width = max([len("exercise")] + [len(e.exercise) for e in shown])
    # the facility, as the summary's: a mean in points beside 2-point exercises read as the easiest (outside check h53)
    lines.append(f"{'exercise':<{width}}  points  answered  correct  facility  most common wrong answer")
    for e in shown:
        first = e.wrong[0] if e.wrong else None
        common = f"{first.reading}{f' with {first.variant}' if first.variant else ''} ({first.count})" if first else ""
        lines.append(f"{e.exercise:<{width}}  {number(e.points):>6}  {e.answered:>8}  {e.correct:>7}  "
                     f"{figure(e.facility) if e.facility is not None else '–':>8}  {common}")
    unanswered = [e for e in summaries if not e.answered and not e.not_graded]  # not graded: said below
    if unanswered:
        lines.append(f"({counted(len(unanswered), 'exercise')} answered by no one)")
    for e in summaries:  # at the exercise in the pack, as `tutor pack validate` says it
        mend = "its parameters or 'require'" if e.parameterised else "the exercise"
        where = book.pack.exercise(e.exercise).position_of(None)
        lines += [f"{where}: exercise '{e.exercise}' not graded for anyone: {why}; it is left out of the points "
                  f"possible: mend {mend}" if e.left_out else
                  f"{where}: exercise '{e.exercise}' not graded for {counted(count, 'student')}: {why}; it does not "
                  f"count towards their totals (problems.csv names them): mend {mend}" for why, count in e.not_graded]
    review = Counter(r.note for r in to_review(book))
    if review["undecided"]:
        lines.append(f"{counted(review['undecided'], 'answer')} could not be checked with certainty and score 0 for "
                     "now: look at them (note 'undecided' in answers.csv, 'review' in report.json)")
    if review["crashed"]:
        lines.append(f"{counted(review['crashed'], 'answer')} could not be checked: the checker failed on each twice, "
                     "the second time in a fresh worker; they score 0 for now: look at them, and please report it "
                     "(note 'crashed' in answers.csv, 'review' in report.json)")
    if not book.students:  # an empty folder, or every file passed over (outside check h72, G14)
        lines.append("class mean: none, as there are no students")
    elif not any(book.possible.values()):  # grades.csv: every total 0 of 0 points, not of the pack's
        if len(skipped) == len(book.results):
            why = "no exercise was graded for any student"
        else:  # a practice week: every answer checked, for feedback and the item analysis, but worth nothing
            why = "the exercises graded are worth 0 points" if skipped else "the pack is worth 0 points"
        lines.append(f"class mean: none, as {why} (each total is 0 of 0 points)")
    else:  # the mean of grades.csv's percents, on the pack's points
        # book.max is not 0: a student's points possible are some of it
        mean = points_sum(scaled_total(book, s) for s in book.students) / len(book.students) / book.max * 100
        lines.append(f"class mean: {number(mean, 1)}% of {counted(book.max, 'point', number(book.max))}")
    return "\n".join(lines)
