"""A Gradebook written out: the CSV files, report.json, Gradescope's results.json,
and the summary table for the terminal.

The same gradebook always gives the same bytes: a fixed order, exact scores
rounded by one rule. A CSV cell that a spreadsheet would run as a formula
(=, +, -, @, tab, carriage return first) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from fractions import Fraction
from pathlib import Path
from typing import Iterable, TextIO

from .check import Judgement
from .compare import Note
from .diagnose import AUTHOR
from .misconceptions import BOTH
from .grade import Gradebook, Result
from .outputs import Writer, write_together

FILES = ("grades.csv", "answers.csv", "misconceptions.csv", "problems.csv", "report.json")
COMMON_WRONG = 3  # most common wrong answers listed per exercise
REVIEW_NOTES = frozenset({"undecided"})  # the checker could not settle these: a person should look at them
_FORMULA = frozenset("=+-@\t\r")


@lru_cache(maxsize=4096)  # a class has few distinct scores, and Fraction arithmetic is slow
def number(value: Fraction, places: int = 4) -> str:
    """0.5, 1, 0.3333: rounded half to even, exactly, without trailing zeros."""
    text = f"{float(round(value, places)):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(total: Fraction, most: Fraction) -> Fraction:
    return total / most * 100 if most else Fraction(0)


def cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs (OWASP's advice for CSV injection)."""
    if isinstance(value, Fraction):
        return number(value)
    text = str(value)
    return "'" + text if text[:1] in _FORMULA else text


# --------------------------------------------------------------- the files


def write_reports(book: Gradebook, folder: Path) -> list[Path]:
    """The five files in `folder`, replacing any earlier ones together (tutor.outputs.OutputError
    if they can't be written; the earlier ones are then untouched)."""
    folder.mkdir(parents=True, exist_ok=True)
    specs = book.pack.exercises
    return write_together(folder, {
        FILES[0]: _csv(["student", *(s.id for s in specs), "total", "max", "percent"], [
            ["points possible", *(s.points for s in specs), book.max, book.max, Fraction(100)],
            *([student, *(r.score for r in results), book.totals[student], book.max,
               percent(book.totals[student], book.max)] for student, results in book.rows())]),
        FILES[1]: _csv(["student", "exercise", "variant", "answer", "verdict", "score", "max", "note", "feedback"],
                       ([r.student, r.exercise, r.variant, r.answer, r.verdict, r.score, r.max, r.note, r.feedback]
                        for r in book.results)),
        FILES[2]: _csv(["exercise", "misconception", "count", "share"],
                       ([m["exercise"], m["misconception"], m["count"], m["share"]] for m in misconceptions(book))),
        FILES[3]: _csv(["file", "line", "message"], ([p.file, p.line or "", p.message] for p in book.problems)),
        FILES[4]: lambda stream: stream.write(_json_text(report(book))),
    })


def _json_text(data: dict) -> str:
    """JSON with each top-level key, and each item of a top-level list, on a line of its own.

    Readable enough, and fast: json's C encoder only works without indentation.
    """
    def value(item: object) -> str:
        if isinstance(item, list) and item:
            return "[\n  " + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in item) + "\n ]"
        return json.dumps(item, ensure_ascii=False)
    return "{\n" + ",\n".join(f" {json.dumps(key)}: {value(item)}" for key, item in data.items()) + "\n}\n"


def _csv(header: list[str], rows: Iterable[list]) -> Writer:
    def write(stream: TextIO) -> None:
        out = csv.writer(stream)
        out.writerow(header)
        out.writerows([cell(value) for value in row] for row in rows)
    return write


@lru_cache(maxsize=4096)
def _json_number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(round(value, 4))


def report(book: Gradebook) -> dict:
    """Everything, for report.json: the pack, each student, each answer, the problems, the summary."""
    return {
        "pack": {"id": book.pack.id, "title": book.pack.title},
        "exercises": [{"id": s.id, "kind": s.kind, "title": s.title, "points": _json_number(s.points),
                       "partial": s.partial} for s in book.pack.exercises],
        "students": [{"student": student, "scores": {r.exercise: _json_number(r.score) for r in results},
                      "total": _json_number(book.totals[student]), "max": _json_number(book.max),
                      "percent": _json_number(percent(book.totals[student], book.max))}
                     for student, results in book.rows()],
        "answers": [{"student": r.student, "exercise": r.exercise, "variant": r.variant, "answer": r.answer,
                     "verdict": r.verdict, "score": _json_number(r.score), "max": _json_number(r.max),
                     "note": r.note, "feedback": r.feedback, "reading": r.reading, "source": r.source,
                     "metadata": dict(r.metadata)} for r in book.results],
        "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in book.problems],
        "summary": summary(book),
        "misconceptions": [{**m, "share": _json_number(m["share"])} for m in misconceptions(book)],
        "review": [{"student": r.student, "exercise": r.exercise, "answer": r.answer, "reading": r.reading,
                    "note": r.note, "source": r.source} for r in to_review(book)],
    }


def to_review(book: Gradebook) -> list[Result]:
    """Answers the checker could not settle (note `undecided`): scored 0 until a person looks at them."""
    return [r for r in book.results if r.note in REVIEW_NOTES]


@dataclass(frozen=True)
class ExerciseSummary:
    exercise: str
    points: Fraction
    answered: int
    correct: int
    mean: Fraction  # mean score over all students, unanswered as 0
    wrong: tuple[tuple[str, int], ...]  # the most common wrong answers (as read) and their counts


def exercise_summaries(book: Gradebook) -> list[ExerciseSummary]:
    found = []
    for spec, results in zip(book.pack.exercises, _by_exercise(book).values()):
        wrong = Counter(r.reading or r.answer for r in results if r.verdict == Judgement.INCORRECT)
        found.append(ExerciseSummary(
            spec.id, spec.points, sum(r.verdict != Judgement.UNANSWERED for r in results),
            sum(r.verdict == Judgement.CORRECT for r in results),
            sum((r.score for r in results), Fraction(0)) / len(results) if results else Fraction(0),
            tuple(_most_common(wrong)[:COMMON_WRONG])))
    return found


def _by_exercise(book: Gradebook) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {spec.id: [] for spec in book.pack.exercises}
    for result in book.results:
        grouped[result.exercise].append(result)
    return grouped


def summary(book: Gradebook) -> dict:
    """Counts of verdicts and notes; per exercise: the mean score and the most common wrong answers."""
    verdicts = Counter(r.verdict for r in book.results)
    return {
        "students": len(book.students),
        "answers": sum(r.verdict != Judgement.UNANSWERED for r in book.results),
        "verdicts": {v: verdicts[v] for v in Judgement},
        "notes": dict(_most_common(Counter(r.note for r in book.results))),
        "review": len(to_review(book)),
        "exercises": [{"exercise": e.exercise, "points": _json_number(e.points), "answered": e.answered,
                       "correct": e.correct, "mean_score": _json_number(e.mean),
                       "most_common_wrong": [{"answer": a, "count": n} for a, n in e.wrong]}
                      for e in exercise_summaries(book)],
    }


def _most_common(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))  # ties by name, for the same bytes


def misconceptions(book: Gradebook) -> list[dict]:
    """Per exercise, how often each diagnosed misconception (or author's mistake) explains a wrong answer.

    From the verdicts' notes: `misconception:<id>`, and `mistake:author` (named by its feedback,
    which tells one anticipated mistake from another). An answer with two mistakes at once
    (`misconception:a+b`) counts for each; one that either of two explains (`a|b`) counts as `a|b`,
    since the answer can't tell them apart. `share` is of the exercise's wrong answers.
    """
    found = []
    for exercise, results in _by_exercise(book).items():
        wrong = [r for r in results if r.verdict == Judgement.INCORRECT]
        named = Counter(name for result in wrong for name in _misconceptions(result))
        found += [{"exercise": exercise, "misconception": name, "count": count,
                   "share": Fraction(count, len(wrong))} for name, count in _most_common(named)]
    return found


def _misconceptions(result: Result) -> list[str]:
    if result.note.startswith(Note.MISCONCEPTION.of("")):
        return result.note.removeprefix(Note.MISCONCEPTION.of("")).split(BOTH)
    if result.note == Note.MISTAKE.of(AUTHOR):
        return [f"author: {result.feedback}"]
    return []


# ------------------------------------------------------------ the terminal


def summary_table(book: Gradebook) -> str:
    """The run at a glance: verdicts, and per exercise the results and the most common wrong answer."""
    counts = Counter(r.verdict for r in book.results)
    answered = len(book.results) - counts[Judgement.UNANSWERED]
    lines = [f"{book.pack.id}: {len(book.students)} students, {answered} answers ({counts[Judgement.CORRECT]} correct, "
             f"{counts[Judgement.INCORRECT]} incorrect, {counts[Judgement.INVALID]} invalid), "
             f"{counts[Judgement.UNANSWERED]} not answered"]
    summaries = exercise_summaries(book)
    shown = [e for e in summaries if e.answered]
    width = max([len("exercise")] + [len(e.exercise) for e in shown])
    lines.append(f"{'exercise':<{width}}  points  answered  correct    mean  most common wrong answer")
    for e in shown:
        common = f"{e.wrong[0][0]} ({e.wrong[0][1]})" if e.wrong else ""
        lines.append(f"{e.exercise:<{width}}  {number(e.points):>6}  {e.answered:>8}  {e.correct:>7}  "
                     f"{number(e.mean, 2):>6}  {common}")
    if len(shown) < len(summaries):
        lines.append(f"({len(summaries) - len(shown)} exercise(s) answered by no one)")
    review = to_review(book)
    if review:
        lines.append(f"{len(review)} answer(s) could not be checked with certainty and score 0 for now: look at "
                     "them (note 'undecided' in answers.csv, 'review' in report.json)")
    if book.students:
        mean = percent(sum(book.totals.values(), Fraction(0)) / len(book.students), book.max)
        lines.append(f"class mean: {number(mean, 1)}% of {number(book.max)} points")
    return "\n".join(lines)


# ------------------------------------------------------------- Gradescope


def gradescope(book: Gradebook, seconds: float) -> dict:
    """results.json in Gradescope's autograder schema: one test per exercise, for one student."""
    student = book.students[0] if book.students else None
    by_id = {r.exercise: r for r in next(book.rows())[1]} if student else {}
    total = book.totals.get(student, Fraction(0))
    tests = []
    for number_, spec in enumerate(book.pack.exercises, start=1):
        result = by_id.get(spec.id)
        earned = result.score if result else Fraction(0)
        tests.append({
            "name": f"{spec.id}: {spec.title}" if spec.title else spec.id,
            "number": str(number_),
            "score": _json_number(earned),
            "max_score": _json_number(spec.points),
            "status": "passed" if result and result.verdict == Judgement.CORRECT else "failed",
            "output": _gradescope_feedback(result),
            "visibility": "visible",
        })
    if student is None:
        output = ["No answers were found: upload a YAML or JSON file like "
                  "{student: YOUR-ID, answers: {EXERCISE: ANSWER, ...}}."]
    else:
        output = [f"Graded as student {student}: {number(total)} of {number(book.max)} points."]
        if len(book.students) > 1:
            output.append(f"This submission names {len(book.students)} students; only {student} was graded.")
    output += [str(problem) for problem in book.problems]
    return {"score": _json_number(total), "execution_time": round(seconds), "output": "\n".join(output),
            "tests": tests}


def _gradescope_feedback(result: Result | None) -> str:
    if result is None or result.verdict == Judgement.UNANSWERED:
        return "No answer."
    lines = [f"Your answer: {result.answer}"]
    if result.reading and result.reading != result.answer:
        lines.append(f"Read as: {result.reading}")
    lines.append(result.feedback)
    return "\n".join(lines)


def write_gradescope(book: Gradebook, folder: Path, seconds: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = _json_text(gradescope(book, seconds))
    (path,) = write_together(folder, {"results.json": lambda stream: stream.write(text)})
    return path
