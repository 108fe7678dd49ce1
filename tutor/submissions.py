"""Reading a class's answers: long CSV files, and YAML or JSON files of one student each.

Every file is untrusted, and read by tutor.safe_read (bounded memory, text
only, lines kept). Whatever can't be used becomes a Problem (`FILE:LINE:
message`) and the rest is read: a bad row never stops its file, a bad file
never stops the run.

    student,exercise,answer[,other columns kept as metadata]      (CSV, a header first)
    {student: alice, answers: {partial-x-3x2y3: "6xy^3", ...}}    (YAML or JSON)

A (student, exercise) pair given twice keeps the first and reports the others, once per file.
"""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .journal import FILE_NAME as JOURNAL
from .limits import LIMITS, Limits
from .outputs import ANSWERS_COLUMNS, PAGES_COLUMNS, PAGES_INDEX
from .packs import Pack, same_id
from .safe_read import (
    SAVE_AS_UTF8,
    SEPARATORS,
    UTF16,
    FileRefused,
    Node,
    Row,
    Unreadable,
    cp1252,
    csv_rows,
    leading_fields,
    open_file,
    read_file,
    read_json,
    read_yaml,
    resolved,
    writable,
)
from .words import counted, printable

if TYPE_CHECKING:
    from .roster import Roster

COLUMNS = ("student", "exercise", "answer")
SUFFIXES = (".csv", ".yaml", ".yml", ".json")
_SHAPE = "a submission file is {student: ID, answers: {EXERCISE: ANSWER, ...}}"


@dataclass(frozen=True)
class Submitted:
    """One answer as given: who, to what, the text, and where it was read."""

    student: str
    exercise: str
    text: str  # stripped; "" for no answer; cut to max_length and "…" (still too long, as it was)
    source: str  # FILE:LINE
    metadata: tuple[tuple[str, str], ...] = ()  # the CSV's other columns, or a file's other keys


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # None: about the whole file
    message: str
    student: str = ""  # whose answers it concerns, where the file said
    students: tuple[str, ...] = ()  # or, a class's file that could not be read, each student its rows name
    repeat: bool = False  # an answer given again, ignored: no problem at all for an id no roster grades
    exercise: str = ""  # the exercise whose answer it could not use, where the file says which


    def __str__(self) -> str:
        file = printable(self.file)  # a file name can hold control characters too
        return f"{file}:{self.line}: {self.message}" if self.line else f"{file}: {self.message}"


@dataclass(frozen=True)
class Submissions:
    answers: tuple[Submitted, ...]
    problems: tuple[Problem, ...]
    roster: Roster | None = None  # the class list, when there is one: everyone on it gets a row
    # (a student on the roster, or named by a problem, without an answer that could be used, why: a sentence)
    absent: tuple[tuple[str, str], ...] = ()
    earlier: tuple[str, ...] = ()  # folders below a folder given that hold an earlier run's reports: not read
    earlier_pages: tuple[str, ...] = ()  # ... or its feedback pages, with their pages.csv
    inputs: tuple[tuple[str, str], ...] = ()  # (file, what it is): the run's own pack or roster met in a folder
    declared: tuple[str, ...] = ()  # read for one submitter: the students the files named, each once, in order

    @property
    def students(self) -> tuple[str, ...]:
        """Everyone in the gradebook, sorted: the roster's students, or else whoever answered."""
        if self.roster is not None:
            return tuple(sorted(s.id for s in self.roster.students))
        return tuple(sorted({a.student for a in self.answers} | {student for student, _ in self.absent}))


# The student of every answer where who submitted them is known from elsewhere (Gradescope's metadata:
# tutor.gradescope.identify), whoever a file names: not an id a file or a row can give, as it holds no printable
# character
UNNAMED = "\x00"


def read_submissions(paths: Iterable[str | Path], pack: Pack, limits: Limits = LIMITS,
                     skip: Iterable[Path] = (), inputs: Mapping[Path, str] | None = None,
                     one_submitter: bool = False, written: Collection[str] = ()) -> Submissions:
    """Every answer in `paths` (files, or folders read recursively in name order); a folder below one
    of them that is in `skip` (resolved: where the grader writes) is passed over, and so is a file in one
    that is in `inputs` (resolved: the run's pack or roster, kept beside the answers -> what it is). With
    `one_submitter`, every answer is UNNAMED's, whoever its file names (`declared` keeps those), and a YAML or JSON
    file without `student:` is no problem. A file in a folder an earlier run wrote, passed over, is a problem unless
    its name is in `written` (a file the tool writes) or it is given too, by name or in a folder given."""
    given = [Path(path) for path in paths]
    named = frozenset(resolved(path) for path in given if not path.is_symlink())
    reader = _Reader(pack, limits, frozenset(skip), inputs or {}, one_submitter, frozenset(written), named)
    for path in given:
        reader.path(path)
    return Submissions(tuple(reader.answers), tuple(reader.problems), earlier=tuple(reader.earlier),
                       earlier_pages=tuple(reader.earlier_pages),
                       inputs=tuple(reader.inputs_met), absent=_unread(reader.answers, reader.problems),
                       declared=tuple(reader.declared))


def _unread(answers: Sequence[Submitted], problems: Sequence[Problem]) -> tuple[tuple[str, str], ...]:
    """The students who answered an exercise of the pack, though no answer of theirs could be used, each with why:
    they submitted, so they get a row (scored 0) as a roster's students do, rather than none. Not an id of a row
    that names no exercise of the pack: a spreadsheet's footer (`Total,,,`) is no student."""
    answered = {a.student for a in answers}
    theirs = problems_of(problems)
    # and each student whose rows are in a file refused whole (a header of ';'), also without a roster (outside
    # check h57, R6: they had no row)
    named = {p.student for p in problems if p.student and p.exercise} | {s for p in problems for s in p.students}
    return tuple((student, f"Your submission could not be read ({first_and_more(found)}).")
                 for student in sorted(named - answered) for found in [theirs(student)])


def problems_of(problems: Iterable[Problem]) -> Callable[[str], list[Problem]]:
    """For a student, the problems in files of theirs, in order: those that said they were theirs, and, where a
    problem did not say whose it is, those named after them (a file named dee.yaml that says student: cy is cy's,
    not dee's)."""
    said: dict[str, list[tuple[int, Problem]]] = {}
    named: dict[str, list[tuple[int, Problem]]] = {}
    for at, problem in enumerate(problems):
        whose = [student for student in (problem.student, *problem.students) if student]
        if whose:
            for student in dict.fromkeys(whose):
                said.setdefault(student, []).append((at, problem))
        else:
            named.setdefault(same_id(Path(problem.file).stem).casefold(), []).append((at, problem))

    def of(student: str) -> list[Problem]:
        key = same_id(student)
        return [problem for _, problem in sorted([*said.get(key, ()), *named.get(key.casefold(), ())],
                                                 key=lambda found: found[0])]
    return of


@dataclass(frozen=True)
class Unread:
    """What of a student's submission was not graded, beside what was: the problems they are told of in
    grades.csv (`told`: the first of theirs, and any clearly meant for them) and every one of theirs."""

    told: tuple[Problem, ...]
    theirs: tuple[Problem, ...]

    @property
    def note(self) -> str:
        """For grades.csv, one cell: the rest counted, problems.csv listing them."""
        return f"Part of your submission was not graded ({first_and_more(self.theirs, self.told)})."

    @property
    def in_full(self) -> tuple[str, ...]:
        """For the student's own page, in lines: every problem, since they don't see problems.csv (outside check h56,
        N3), each on a line of its own where there are several, as each may hold a ';' (h57, R8)."""
        every = [str(problem) for problem in dict.fromkeys((*self.told, *self.theirs))]
        if len(every) == 1:
            return (f"Part of your submission was not graded ({every[0]}).",)
        return ("Part of your submission was not graded:", *(f"- {problem}" for problem in every))


def first_and_more(theirs: Sequence[Problem], told: Sequence[Problem] = ()) -> str:
    """The problems a student is told of (the first of theirs, unless said), and how many more of theirs
    problems.csv has (outside check h36, F1: a late file's answer, never graded, went unmentioned)."""
    told = told or theirs[:1]
    more = sum(1 for problem in theirs if problem not in told)
    return "; and ".join([*map(str, told), *([f"{counted(more, 'more problem')} in problems.csv"] if more else [])])


def not_written(folder: Path, written: Collection[str]) -> Iterator[Path]:
    """Each file below `folder`, in the order submissions are read, that would be read as one and is not one the
    tool writes (its name in `written`: a report, an LMS export, pages.csv)."""
    for root, folders, files in os.walk(folder):  # as submissions are read: links not followed, hidden passed over
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and name not in written \
                    and not path.is_symlink():
                yield path


def _pages_index(path: Path) -> bool:
    """Whether `path` is the pages.csv a run wrote beside its feedback pages: its header ends with their columns."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as stream:
        header = stream.readline(4096).decode("utf-8", "replace").rstrip("\r\n")
    return header.endswith(",".join(PAGES_COLUMNS))


def clearly_meant(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """For each student an id not on the roster clearly meant (anna for ana), the problems that report it: they
    may be theirs, and are told to them (outside checks h27, F1, and h28, N6)."""
    meant: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.student:
            for student in problem.students:
                meant.setdefault(student, []).append(problem)
    return meant


def file_name(path: str | Path) -> str:
    """A file's name as text that can be written: bytes that are not UTF-8 (a zip from a Windows
    machine names files in its own code page) are escaped as \\xff, as control characters are."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown(text: str, limit: int = 60) -> str:
    """Untrusted text quoted for a message: control characters escaped, long text cut."""
    return f"'{printable(text[:limit])}…'" if len(text) > limit else f"'{printable(text)}'"


class _Reader:
    def __init__(self, pack: Pack, limits: Limits, skip: frozenset[Path] = frozenset(),
                 inputs: Mapping[Path, str] | None = None, one_submitter: bool = False,
                 written: frozenset[str] = frozenset(), named: frozenset[Path] = frozenset()):
        self.pack = pack
        self.one_submitter = one_submitter
        self.declared: dict[str, None] = {}
        self.written = written
        self.limits = limits
        self.skip = skip
        self.inputs = inputs or {}
        self.inputs_met: list[tuple[str, str]] = []
        self.answers: list[Submitted] = []
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str], str] = {}  # (student, exercise) -> where it was first given
        self.blank: dict[tuple[str, str], int] = {}  # (student, exercise) given only empty so far -> its index
        # (student, exercise, file) -> the problem reporting its repeats in that file: where, how many, the first line
        self.repeats: dict[tuple[str, str, str], tuple[int, int, int]] = {}
        # and, alike, (student, exercise, file, why) -> the problem reporting their rows broken in the same way
        self.broken: dict[tuple[str, str, str, str], tuple[int, int, int]] = {}
        self.earlier: list[str] = []
        self.earlier_pages: list[str] = []
        self.ids = frozenset(spec.id for spec in pack.exercises)
        self.read: set[Path] = set()  # the files read, resolved
        self.named = named  # the files and folders given, resolved: read wherever they are

    def problem(self, file: str, line: int | None, message: str, student: str = "", exercise: str = "") -> None:
        self.problems.append(Problem(file, line, message, self.whose(student), exercise=self.known(exercise)))

    def whose(self, student: str) -> str:
        """The student an answer or a problem is kept under: the one its file names, or, for one submitter, theirs
        whoever the file names (outside check h73, H1: a second file naming another had its answers dropped)."""
        student = same_id(student)
        if not self.one_submitter:
            return student
        if student and student != UNNAMED:
            self.declared.setdefault(student)
        return UNNAMED

    def known(self, exercise: str) -> str:
        """The pack's exercise of this id, else "": an answer to it was given, though it could not be used."""
        exercise = writable(exercise).strip()
        return exercise if exercise in self.ids else ""

    def answer(self, file: str, line: int, student: str, exercise: str, text: str,
               metadata: tuple[tuple[str, str], ...] = ()) -> None:
        student, exercise, where = self.whose(_id(student)), writable(exercise).strip(), f"{file}:{line}"
        if not student:
            return self.problem(file, line, "no student id")
        if not exercise:  # a spreadsheet's `Total,,,` row, the commonest: not "pack 'hw' has no exercise ''"
            return self.problem(file, line, "no exercise id; the row is skipped", student)
        try:
            self.pack.exercise(exercise)
        except KeyError as error:  # its sentence names the id, so only when the id is plain text
            plain = shown(exercise) == f"'{exercise}'"
            return self.problem(file, line, error.args[0] if plain else f"unknown exercise {shown(exercise)}",
                                student)
        # An answer longer than the limit is cut, marked so in every report, and still longer than it: `too_large`.
        text = text.strip()
        text = writable(text if len(text) <= self.limits.max_length else text[: self.limits.max_length] + "…")
        metadata = tuple((writable(name), writable(value)) for name, value in metadata)
        submitted = Submitted(student, exercise, text, where, metadata)
        key = (student, exercise)
        first = self.seen.get(key)
        if first is not None:
            # An empty cell answers nothing: it is no repeat, and an answer after it (a form's blank first
            # attempt, then the real one) takes its place.
            if text:
                blank = self.blank.pop(key, None)
                if blank is None:
                    return self.repeat(file, line, student, exercise, first)
                self.seen[key], self.answers[blank] = where, submitted
            return None
        self.seen[key] = where
        if not text:
            self.blank[key] = len(self.answers)
        self.answers.append(submitted)

    def repeat(self, file: str, line: int, student: str, exercise: str, first: str) -> None:
        """An answer to an exercise the student already answered: one problem for all their repeats in a file,
        at the first (a form export keeping every attempt made thousands of lines, finding 693)."""
        def told(count: int, start: int) -> Problem:
            ignored = "this answer is ignored" if count == 1 else \
                f"{count:,} answers to {exercise} in this file (lines {start}–{line}) are ignored"
            who = "" if student == UNNAMED else f"student {shown(student)} "  # the submitter, who named no one
            return Problem(file, start, f"{who}already answered {exercise} at {first}; {ignored}", student,
                           repeat=True)
        self.one_for_all(self.repeats, (student, exercise, file), file, line, told)

    def one_for_all(self, table: dict, key: tuple, file: str, line: int, told: Callable[[int, int], Problem]) -> None:
        """One problem for every row alike (`key`, in `table`): placed where the first was met, in the order the
        files are read, and told again with how many there are (`told(count, first line)`)."""
        at, count, start = table.get(key, (len(self.problems), 0, line))
        if not count:
            self.problems.append(Problem(file, line, ""))  # its place
        table[key] = (at, count + 1, start)
        self.problems[at] = told(count + 1, start)

    def broken_row(self, file: str, line: int, why: str, student: str, exercise: str,
                   one: str = "the row is skipped") -> None:
        """A row that can't be read, skipped: one problem for all of a student's rows to an exercise in a file
        broken the same way, as for repeats (2,000 attempts with an unquoted comma made 2,000 lines; h27, F7)."""
        whose, to = same_id(student), self.known(exercise)
        if not (whose and to):  # whose, or to what, it can't tell: each is told where it is
            return self.problem(file, line, f"{why}; {one}", student, exercise)

        def told(count: int, start: int) -> Problem:
            skipped = one if count == 1 else (f"the {count:,} such rows of student {shown(whose)} to {to} in this "
                                              f"file (lines {start}–{line}) are skipped")
            return Problem(file, start, f"{why}; {skipped}", whose, exercise=to)
        self.one_for_all(self.broken, (whose, to, file, why), file, line, told)

    # ------------------------------------------------------------------ files

    def path(self, path: Path) -> None:
        file = file_name(path)
        if path.is_symlink():  # a submitted link could point at the instructor's files, a glob's too
            return self.problem(file, None, "a link; links are not followed")
        if path.is_dir():
            return self.folder(path)
        if not path.exists():
            return self.problem(file, None, "no such file or folder")
        if path.suffix.lower() not in SUFFIXES:
            return self.problem(file, None, "not a submissions file (.csv, .yaml, .yml or .json)")
        where = resolved(path)
        if where in self.read:  # given twice (a folder and a file in it): each answer once, not a repeat
            return None
        self.read.add(where)
        try:
            if path.suffix.lower() == ".csv":
                with open_file(path) as stream:
                    self.csv(file, stream)
            else:
                self.document(path, file)
        except FileRefused as refused:
            self.problem(file, None, f"{refused}; not read")
        except OSError as error:
            self.problem(file, None, f"can't read it ({error.strerror})")

    def folder(self, folder: Path) -> None:
        """Every file below `folder`, in name order; links in it (to files or folders) are reported. A folder given
        that holds an earlier run's reports or pages is passed over as one below it is: its answers.csv read back
        would take the place of the submissions beside it (outside check h71, F1)."""
        if self.skipped(folder):
            return
        for root, folders, files in os.walk(folder):  # os.walk never enters a linked folder
            folders[:] = sorted(f for f in folders if not f.startswith(".") and not self.skipped(Path(root, f)))
            inside = [Path(root, f) for f in folders if Path(root, f).is_symlink()]
            for path in inside + [Path(root, f) for f in sorted(files) if not f.startswith(".")]:
                what = self.inputs.get(resolved(path)) if self.inputs and not path.is_symlink() else None
                if what is not None:
                    self.inputs_met.append((file_name(path), what))
                else:
                    self.path(path)

    def skipped(self, folder: Path) -> bool:
        # a link is still reported as one, whatever it points at
        if folder.is_symlink():
            return False
        if self.skip and resolved(folder) in self.skip:
            return True
        # One submitter's upload is theirs whole: a file in it named like ours is no earlier run's (outside check
        # h75, K1: an uploaded journal.sqlite made every answer of the upload unread, scored 0)
        if self.one_submitter:
            return False
        # an earlier run's reports, whatever its --out was called (grades-v2, a dated folder): its journal marks
        # it, and its answers.csv read as submissions would win over the corrected ones (finding 250)
        if (folder / JOURNAL).is_file():
            self.earlier.append(file_name(folder))
            self.left_in(folder, f"the reports of an earlier run ({JOURNAL})")
            return True
        if _pages_index(folder / PAGES_INDEX):  # an earlier run's feedback pages: its pages.csv is no submission
            self.earlier_pages.append(file_name(folder))
            self.left_in(folder, f"the feedback pages of an earlier run ({PAGES_INDEX})")
            return True
        return False

    def left_in(self, folder: Path, holding: str) -> None:
        """A problem for each file in a folder passed over that the tool did not write and would read as
        submissions: its students would otherwise score 0, "Nothing was submitted.", with the exit status 0
        (outside check h72, G1)."""
        inside = resolved(folder)
        given = [named for named in self.named if inside in named.parents]  # a file or a folder in it, given too
        for path in not_written(folder, self.written):
            # the pack or the roster, kept there, is no one's submission; a file given by name, or in a folder given,
            # is read (outside checks h74, J2, and h75, K2: it was read and said not read)
            where = resolved(path)
            if where in self.inputs or any(where == named or named in where.parents for named in given):
                continue
            self.problems.append(Problem(file_name(path), None, f"not read, as {file_name(folder)} holds {holding}: "
                                                                "move it out of that folder, or give it by name",
                                         students=self.named_in(path)))

    def named_in(self, path: Path) -> tuple[str, ...]:
        """The students a file not read names, read as it would have been, by a reader of its own: each is told why
        their answers were not graded, not "Nothing was submitted." (outside check h73, H3)."""
        alone = _Reader(self.pack, self.limits)
        alone.path(path)
        named = [a.student for a in alone.answers] + [s for p in alone.problems for s in (p.student, *p.students)]
        return tuple(dict.fromkeys(s for s in named if s))

    # -------------------------------------------------------------------- CSV

    def csv(self, file: str, stream: BinaryIO) -> None:
        if stream.read(5).removeprefix(codecs.BOM_UTF8).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return self.unicode_text(file, stream)
        stream.seek(0)
        header: list[str] | None = None

        def is_row(cells: list[str]) -> bool:  # a line inside a quoted answer that is a row: a stray quote
            if header is None or len(cells) != len(header):
                return False
            named = dict(zip(header, cells))
            return bool(named["student"].strip()) and writable(named["exercise"]).strip() in self.ids

        rows = csv_rows(stream, self.limits.max_submission_bytes, is_row)
        for row in rows:
            if row.cells is None:
                if header is None:
                    return self.problem(file, row.line, f"{row.problem}; without a header the file is not read")
                self.broken_row(file, row.line, row.problem, row_field(row.start, header.index("student")),
                                _exercise_field(header, row))
                continue
            if not any(cell.strip() for cell in row.cells):
                continue
            if header is None:
                separator = separator_of(row.cells)
                if separator:
                    return self.separated(file, row.line, separator, row.cells, rows)
                header = self.header(file, row.line, row.cells)
                if header is None:
                    return
            elif len(row.cells) != len(header):
                at = header.index("student")
                quotes = ("opened at the start of its field" if any('"' in cell for cell in row.cells)
                          else "")  # it has them, but not where one opens a field
                self.broken_row(file, row.line, f"the row has {len(row.cells)} fields but the header has "
                                                f"{len(header)} (an answer with commas must be in double quotes"
                                                f"{', ' + quotes if quotes else ''})",
                                _id(row.cells[at]) if at < len(row.cells) else "", _exercise_field(header, row),
                                "it is skipped")
            else:
                cells = dict(zip(header, row.cells))
                self.answer(file, row.line, cells["student"], cells["exercise"], cells["answer"],
                            tuple((name, cells[name]) for name in header if name not in COLUMNS))
        if header is None:
            self.problem(file, None, "no header row (student,exercise,answer)")

    def header(self, file: str, line: int, row: list[str]) -> list[str] | None:
        names = [cell.strip().lower() or f"column {i + 1}" for i, cell in enumerate(row)]
        for name in COLUMNS:
            if name not in names:
                self.problem(file, line, f"no column '{name}' in the header (it needs student, exercise "
                                         f"and answer; it has {', '.join(shown(n, 20) for n in names[:10])})")
                return None
        if len(set(names)) < len(names):
            self.problem(file, line, "the header names a column twice")
            return None
        if names[:len(ANSWERS_COLUMNS)] == list(ANSWERS_COLUMNS):  # outside check h72, G2: read back, it changed grades
            self.problem(file, line, "the answers report of an earlier run (answers.csv's columns), not submissions; "
                                     "the file is not read")
            return None
        return names

    def separated(self, file: str, line: int, separator: str, header: list[str], rows: Iterable[Row]) -> None:
        """A file a spreadsheet saved with another separator is refused, and told to each student its rows
        name (split by that separator: the tool knows it), as their answers are in it: they did submit."""
        self.refused(file, line, f"the header is separated by {SEPARATORS[separator]}, not commas: {SAVE_AS_UTF8}",
                     _students_named(header, rows, separator))

    def unicode_text(self, file: str, stream: BinaryIO) -> None:
        """Excel's Unicode Text (UTF-16, tab delimited) is refused as `separated` is, and told to each student
        its rows name (finding 511: they were told "Nothing was submitted.")."""
        stream.seek(0)
        text = stream.read(self.limits.max_submission_bytes).decode("utf-16", errors="replace").lstrip("\ufeff")
        lines = text.splitlines() or [""]
        separator = "\t" if "\t" in lines[0] else ","
        rows = (Row(number, [line]) for number, line in enumerate(lines[1:], start=2))
        self.refused(file, 1, f"{UTF16}; the file is not read", _students_named([lines[0]], rows, separator))

    def refused(self, file: str, line: int, message: str, students: Sequence[str]) -> None:
        # how many, not who: the sentence is on each of their pages too
        whose = f"; the answers in it, of {counted(len(students), 'student')}, are not graded" if students else ""
        # for one submitter, theirs: a refused CSV naming classmates made the Gradescope result a classmate's (0)
        self.problems.append(Problem(file, line, f"{message}{whose}",
                                     students=tuple(dict.fromkeys(self.whose(s) for s in students))))

    # ---------------------------------------------------------- YAML and JSON

    def document(self, path: Path, file: str) -> None:
        limits = self.limits
        data = read_file(path, limits.max_submission_bytes).removeprefix(codecs.BOM_UTF8)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return self.problem(file, 1, "the file is UTF-16, not UTF-8: save it as UTF-8; the file is not read")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            return self.problem(file, line, "not UTF-8 text" + (f" (it looks like Windows-1252: {guess})"
                                                       if (guess := cp1252(data, error.start)) else "")
                                + ": save it as UTF-8; the file is not read")
        try:
            root = read_json(text) if path.suffix.lower() == ".json" else \
                read_yaml(text, limits.max_yaml_values, limits.max_yaml_depth)
        except Unreadable as error:
            return self.problem(file, error.line, error.message)
        if root is None:  # an unsaved file or a failed upload, the commonest cause: say so first
            empty = "the file is empty" if not text.strip() else "the file holds only comments"
            return self.problem(file, None, f"{empty}: {_SHAPE}")
        if root.kind != "mapping":
            return self.problem(file, root.line, f"the file holds only null: {_SHAPE}" if root.kind == "null"
                                else _SHAPE)
        fields: dict[str, tuple[int, Node]] = {}
        twice = []
        for key, line, value in root.pairs:
            if key in fields:
                twice.append((line, f"{shown(key)} is given twice"))
            fields.setdefault(key, (line, value))
        missing = (root.line, Node(root.line, "missing"))
        student, answers = fields.get("student", missing), fields.get("answers", missing)
        known = student[1].kind == "scalar" and bool(student[1].text.strip())
        if not known and self.one_submitter:  # missing, empty, null: who submitted is known from elsewhere
            student, known = (root.line, Node(root.line, "scalar", UNNAMED)), True
        for line, message in twice:  # reported once the file has said whose it is
            self.problem(file, line, message, _id(student[1].text) if known else "")
        if not known:
            return self.problem(file, student[0], f"no student id: {_SHAPE}")
        if answers[1].kind == "tagged":
            return self.problem(file, answers[0], f"the answers carry the tag {shown(answers[1].text, 40)}, which is "
                                                  f"never read: {_SHAPE}", _id(student[1].text))
        if answers[1].kind != "mapping":
            return self.problem(file, answers[0], f"no answers: {_SHAPE}", _id(student[1].text))
        metadata = tuple((key, value.text) for key, (_, value) in fields.items()
                         if key not in ("student", "answers") and value.kind == "scalar")
        given: set[str] = set()
        who = _id(student[1].text)
        for exercise, line, value in answers[1].pairs:
            if exercise in given:  # JSON as YAML: a key given twice is reported, the first one kept
                self.problem(file, line, f"{shown(exercise)} is given twice; the first answer is kept", who)
                continue
            given.add(exercise)
            if value.kind not in ("scalar", "null"):
                self.problem(file, line, f"the answer to {shown(exercise)} must be text, in quotes if need be",
                             who, exercise)
                continue
            self.answer(file, line, student[1].text, exercise, value.text, metadata)


def _exercise_field(header: list[str], row: Row) -> str:
    """A broken row's exercise, where it comes before the answer: the fields before the one that broke it
    (commas or a quote in the answer) are as the student wrote them."""
    at = header.index("exercise")
    if at > header.index("answer"):
        return ""
    if row.cells is None:
        return row_field(row.start, at)
    return row.cells[at] if at < len(row.cells) else ""


def separator_of(header: list[str], columns: Sequence[str] = COLUMNS) -> str:
    """The separator a header was saved with where it is not commas (a locale's `;`, Excel's tabs), else "": only
    where the header split by it names one of `columns` (binary junk has a tab before its first line ends, and no
    column); a roster's are its id columns."""
    separator = max(";\t", key=lambda s: sum(cell.count(s) for cell in header))
    names = [cell.strip().lower() for cell in header]
    split = {part.strip().lower() for cell in header for part in cell.split(separator)}
    if any(name not in names for name in columns) and len(header) < len(columns) and \
            any(separator in cell for cell in header) and split & set(columns):
        return separator
    return ""


def _students_named(header: list[str], rows: Iterable[Row], separator: str) -> list[str]:
    """The ids in the student column of rows read with commas and split again by their own separator; a row
    with commas where its header has tabs, as read (outside check h56, N6: ben,px,1 under a header of tabs was
    one student, "ben,px,1", and ben was told nothing was submitted)."""
    names = [name.strip().lower() for name in _split(header, separator)]
    if "student" not in names:
        return []
    at = names.index("student")
    exercise = names.index("exercise") if "exercise" in names else None
    students: dict[str, None] = {}
    for row in rows:
        fields = max(_split(row.cells, separator), row.cells, key=len) if row.cells is not None else []
        if exercise is not None and not (exercise < len(fields) and fields[exercise].strip()):
            continue  # a row naming no exercise, a spreadsheet's Total;;;, names no student
        if at < len(fields) and _id(fields[at]):
            students.setdefault(_id(fields[at]))
    return list(students)


def _split(cells: list[str], separator: str) -> list[str]:
    """A row read with commas split again by its own separator; its commas (a decimal comma) put back."""
    return next(csv.reader([",".join(cells)], delimiter=separator), [])


def row_field(start: bytes, at: int) -> str:
    """The id in field `at` of a row that can't be read, where its first line gives that field exactly; else ""."""
    fields = leading_fields(start, at + 1) if start else None
    return _id(fields[-1]) if fields else ""


def _id(text: str) -> str:
    return same_id(writable(text).strip())

