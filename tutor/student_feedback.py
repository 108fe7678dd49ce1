"""A feedback page for each student, in Markdown and in HTML, for a TA to mail or upload.

Each page has, for every exercise of the pack: the exercise as that student
saw it (their own variant), their answer as written and as read, the verdict
and the points, the feedback sentence, the mistake the diagnosis named, and,
where the answer was not right, what to review: the lesson's topic and the
exercise's first hint (the method, never the answer). The pages hold no links
and load nothing; everything a student wrote is escaped.

A student's page is named after their id, made safe for any file system
(`ana.md`; an id with other characters, like `o'brien`, becomes `o_brien-1a2b3c4d.md`),
and no two students share a name.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .analysis import UNCHECKED, describe, misconception_of
from .check import Judgement
from .compare import Note
from .errors import TutorError
from .grade import Gradebook, Result
from .markup import html_text, markdown_text, number
from .outputs import PAGES_COLUMNS, PAGES_INDEX, Writer
from .packs import Exercise, ExerciseSpec, variant_seed
from .reports import cell, key_cell
from .roster import EMAIL_COLUMNS
from .templates import outline
from .topics import KINDS
from .words import column_key, printable

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_RESERVED = re.compile(r"CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]", re.I)  # Windows: not a file, with any extension
_VERDICTS = {Judgement.CORRECT: "correct", Judgement.INCORRECT: "not right", Judgement.INVALID: "could not be read",
             Judgement.UNANSWERED: "no answer", Judgement.NOT_GRADED: "not graded"}


def _as_written(answer: str) -> str:
    """A student's answer as the page shows it: a line break as ␊ and a tab as ␉, which the page's line would make
    spaces, and the feedback beside it may speak of (outside check h25); any other control or format character
    escaped as in the CSVs and on standard error (\\x1b, \\u202e), which keeps which one it was (outside check h27,
    F2: ␛ and � here, \\x1b in the name above it)."""
    return printable(_LINE_BREAK.sub("␊", answer).replace("\t", "␉"))


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def file_stems(students: Iterable[str]) -> dict[str, str]:
    """A file name for each student's pages, the same whatever their order: the id itself when it is
    plain letters, digits, - and _ (not first), no other id differs from it only by case and Windows does not
    reserve it (CON, NUL, COM1 ...); else a cleaned id and a hash of the real one, never a name
    another student has."""
    # a leading '-' too: -neg.md is read as options by `grep … *.md` and mail tools (outside check h27, F4)
    cleaned = {student: re.sub("^-", "_", _UNSAFE.sub("_", student))[:64] for student in sorted(set(students))}
    cases = Counter(student.casefold() for student in cleaned)
    stems = {student: student for student, stem in cleaned.items()
             if stem == student and stem and cases[stem.casefold()] == 1 and not _RESERVED.fullmatch(stem)}
    taken = {stem.casefold() for stem in stems.values()}  # a case-blind disk holds one of ana.md and ANA.md
    for student, stem in cleaned.items():
        if student not in stems:
            stems[student] = next(name for name in _hashed(stem, student) if name.casefold() not in taken)
            taken.add(stems[student].casefold())
    return stems


def _hashed(stem: str, student: str) -> Iterator[str]:
    """Names for a student's pages, from the shortest: an id can be chosen to be another's hashed name."""
    digest = hashlib.sha256(student.encode()).hexdigest()
    yield from (f"{stem}-{digest[:size]}" for size in range(8, len(digest) + 1))
    yield from (f"{stem}-{digest}-{n}" for n in itertools.count(2))


@dataclass(frozen=True)
class Item:
    """One exercise on a student's page."""

    heading: str
    fields: tuple[tuple[str, str], ...]  # (label, text), in order; empty ones are left out
    verdict: Judgement


@dataclass(frozen=True)
class Page:
    title: str
    lines: tuple[str, ...]  # who, the score, why nothing was graded
    items: tuple[Item, ...]


def feedback_files(book: Gradebook) -> dict[str, Writer]:
    """{file name: writer} for every student's Markdown and HTML page, in a fixed order."""
    variants = _Variants()
    files: dict[str, Writer] = {}
    stems = file_stems(book.students)
    for student, results in book.rows():
        page = _page(book, student, results, variants)
        stem = stems[student]
        files[f"{stem}.md"] = _writer(markdown_page(page))
        files[f"{stem}.html"] = _writer(html_page(page))
    files[PAGES_INDEX] = _index(book, stems)
    return files


def _index(book: Gradebook, stems: dict[str, str]) -> Writer:
    """pages.csv, whose page is which, for a mail merge, where a hashed name says nothing (outside check h27, F3):
    each student's id as the LMS files write it (`key_cell`: a mail merge matches it), their roster
    columns (an email among them) and their pages' names."""
    def write(stream: TextIO) -> None:
        out = csv.writer(stream)
        out.writerow([cell(name) for name in ("student", *(book.roster.columns if book.roster else ()),
                                              *PAGES_COLUMNS)])
        for student, _ in book.rows():
            enrolled = book.roster.get(student) if book.roster else None
            # an email as the LMS files write it too: a mail merge sends to it (outside check h28, N7)
            out.writerow([key_cell(student), *(key_cell(value) if column_key(name) in EMAIL_COLUMNS else cell(value)
                                               for name, value in (enrolled.fields if enrolled else ())),
                          f"{stems[student]}.md", f"{stems[student]}.html"])
    return write


def earlier_pages(folder: Path, written: Iterable[str]) -> list[Path]:
    """Feedback pages in `folder` from an earlier run, of students not in this one: a TA sending the
    folder's pages would send them too."""
    kept = set(written)
    found = []
    for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.html")):
        if path.name in kept or path.is_symlink() or not path.is_file():
            continue
        with path.open(encoding="utf-8", errors="replace") as stream:
            start = stream.read(len(_HTML_START))
        if start.startswith("# Feedback: ") or start == _HTML_START:
            found.append(path)
    return found


def _writer(text: str) -> Writer:
    def write(stream: TextIO) -> None:
        stream.write(text)
    return write


def _page(book: Gradebook, student: str, results: tuple[Result, ...], variants: _Variants) -> Page:
    enrolled = book.roster.get(student) if book.roster else None
    name = enrolled.get("name", "full name") if enrolled else ""
    total, possible = book.totals[student], book.possible[student]
    lines = [f"Student: {student}" + (f" ({name})" if name else ""),
             f"Score: {number(total)} of {number(possible)} point{'' if possible == 1 else 's'}"
             + (f" ({number(total / possible * 100, 1)}%)" if possible else "")
             + (f"; not graded, and not counted: {', '.join(skipped)}" if (skipped := _not_graded(results)) else "")]
    if student in book.absent:
        lines.append(book.absent[student])
    if student in book.unread:
        lines += book.unread[student].in_full
    items = []
    for position, (spec, result) in enumerate(zip(book.pack.exercises, results), start=1):
        shown = variants.get(spec, student)
        settable = result.verdict != Judgement.NOT_GRADED  # else its prompt shows what could not be set
        title = shown.title if settable else outline(spec.title, [p.name for p in spec.params])
        title = f": {title}" if title else ""
        points = "not graded" if result.verdict == Judgement.NOT_GRADED else \
            f"{number(result.score)} of {number(result.max)} point{'' if result.max == 1 else 's'}"
        heading = f"{position}. {spec.id}{title} ({points})"
        answered = bool(result.answer)
        mistake = misconception_of(result, spec)
        items.append(Item(heading, (
            ("Exercise", shown.prompt if settable else ""),
            ("Your answer", _as_written(result.answer) if answered else ""),
            ("Read as", result.reading if answered and result.reading != result.answer else ""),
            ("Verdict", _verdict(result)),
            # an absent student's "Nothing was submitted" is said once, at the top; why an answer given could not
            # be used is said at it (outside check h21, F5)
            ("Feedback", book.told(result) if answered or student not in book.absent or result.note == Note.UNUSABLE
             else ""),
            ("Mistake", describe(mistake) if mistake and not mistake.startswith("author: ") else ""),
            ("Review", "" if result.verdict == Judgement.CORRECT or not settable else shown.review),
        ), result.verdict))
    return Page(f"Feedback: {book.pack.title}", tuple(lines), tuple(items))


def _not_graded(results: tuple[Result, ...]) -> list[str]:
    return [r.exercise for r in results if r.verdict == Judgement.NOT_GRADED]


def _verdict(result: Result) -> str:
    if result.note in UNCHECKED:
        return "could not be checked"
    if result.note == Note.UNUSABLE:
        return "could not be used"
    words = _VERDICTS[result.verdict]
    if result.verdict == Judgement.INCORRECT and result.score:
        words = f"partly right ({number(result.score)} of {number(result.max)})"
    return words


def _review(spec: ExerciseSpec, exercise: Exercise | None) -> str:
    """What to review: the lesson's topic (the exercise's tags, or its kind's topic; for an author's own
    question, of no kind's topic, its title) and the method's first hint; "" where there is none of these."""
    title = exercise.title if exercise else outline(spec.title, [p.name for p in spec.params])
    topics = [tag.replace("-", " ") for tag in spec.tags] or [KINDS[spec.kind].exercise.topic() or title]
    text = ", ".join(topics) if any(topics) else ""
    text += "." if text and not text.endswith((".", "?", "!")) else ""  # a title may end its own sentence
    try:
        hints = exercise.hints() if exercise else ()
    except (TutorError, TypeError, ArithmeticError, NotImplementedError):  # as validation catches them
        hints = ()
    return f"{text} {hints[0]}".strip() if hints else text


@dataclass(frozen=True)
class _Shown:
    """What a page shows of one variant of an exercise: its title and prompt (with its numbers), and
    what to review."""

    title: str
    prompt: str
    review: str


class _Variants:
    """Each student's variant of each exercise, as shown; students whose parameters come out the same
    share one (building a prompt and its hints is the slow part of writing the pages)."""

    def __init__(self) -> None:
        self.shown: dict[tuple, _Shown] = {}

    def get(self, spec: ExerciseSpec, student: str) -> _Shown:
        try:
            values = spec.draw(variant_seed(spec.pack, spec.id, student)) if spec.parameterised else {}
        except TutorError:
            values = {"?": student}  # no variant to show: the page says what to review all the same
        key = (spec.id, tuple(values.items()))
        if key not in self.shown:
            try:
                exercise: Exercise | None = spec.variant(student)
            except TutorError:
                exercise = None
            self.shown[key] = _Shown(exercise.title if exercise else "", exercise.prompt() if exercise else "",
                                     _review(spec, exercise))
        return self.shown[key]


# ------------------------------------------------------------------ renderers


def markdown_page(page: Page) -> str:
    lines = [f"# {markdown_text(page.title)}", ""]
    lines += [f"{markdown_text(line)}  " for line in page.lines]
    for item in page.items:
        lines += ["", f"## {markdown_text(item.heading)}", ""]
        lines += [f"- {label}: {markdown_text(text)}" for label, text in item.fields if text]
    return "\n".join(lines) + "\n"


_STYLE = ("body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45}"
          "dt{font-weight:bold;margin-top:.4em}dd{margin-left:1.5em}"
          "section{border-top:1px solid #ccc;margin-top:1.2em}"
          ".correct h2{color:#1b5e20}.incorrect h2,.invalid h2,.unanswered h2{color:#8e1b1b}")


_HTML_START = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator" ' \
              'content="tutor grade --feedback">\n'


def html_page(page: Page) -> str:
    """A page that runs and loads nothing (its Content-Security-Policy forbids it, and it has no links)."""
    parts = [_HTML_START.rstrip("\n"),
             '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
             f"<title>{html_text(page.title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
             f"<h1>{html_text(page.title)}</h1>"]
    parts += [f"<p>{html_text(line)}</p>" for line in page.lines]
    for item in page.items:
        parts += [f'<section class="{item.verdict}">', f"<h2>{html_text(item.heading)}</h2>", "<dl>"]
        parts += [f"<dt>{label}</dt><dd>{html_text(text)}</dd>" for label, text in item.fields if text]
        parts += ["</dl>", "</section>"]
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
