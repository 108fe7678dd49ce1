"""The gradebook in the files learning management systems import: Canvas, Moodle, Blackboard Learn,
and a plain table for anything else.

Each format is data: the columns that identify a student (filled from the
roster where it has them), whether a `Points Possible` row belongs, how cells
are quoted, and the largest grade the system takes by default. The rules each
follows, and where they come from, are in docs/reference/grade.md (LMS exports);
tests/lms_rules.py reads each file the way its system does.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TextIO

from .check import Judgement
from .errors import TutorError
from .grade import Gradebook
from .markup import number
from .outputs import Writer
from .packs import Pack
from .reports import FILES, Column, Whose, cell, gradebook_columns, key_cell, roster_columns, scaled_total
from .roster import EMAIL_COLUMNS, Enrolled, Roster
from .submissions import shown
from .words import TextEnum, and_list, column_key, counted


class LMS(TextEnum):
    PLAIN = "plain"  # a plain table: id, the roster's columns, grades
    CANVAS = "canvas"
    MOODLE = "moodle"
    BLACKBOARD = "blackboard"


class Columns(TextEnum):
    ASSIGNMENT = "assignment"  # one column: the pack's total
    EXERCISE = "exercise"  # one column per exercise


class ExportError(TutorError):
    """A column of a file the run writes that would be misread; the message says which and what to do."""


@dataclass(frozen=True)
class GradeColumn:
    header: str
    points: Fraction
    scores: dict[str, Fraction | None]  # student -> score; None: not graded for them (their variant could not be set)


@dataclass(frozen=True)
class Identity:
    """A column that identifies a student, and its value for one (their id, their roster entry)."""

    header: str
    value: Callable[[str, Enrolled | None], str]
    always: bool = True  # False: only when every student has a value (an empty one would be misread)
    key: bool = False  # the system finds the student by it, as written: it is no cell only shown (key_cell)


@dataclass(frozen=True)
class Format:
    lms: LMS
    file: str
    identity: tuple[Identity, ...]
    points_row: str | None  # the first cell of the row of points possible, where the system reads one
    quote_all: bool  # every cell in double quotes
    most: Fraction | None  # the largest grade it takes by default
    reserved: re.Pattern[str] | None = None  # column names it reads as something else than grades
    roster_columns: bool = False  # the roster's other columns after the identity (a system would take them as grades)
    one_identity: bool = False  # only the first identity column every student has a value in
    excused: str | None = ""  # the cell it reads as "no grade, not counted"; None where it has none


def _nothing(student: str) -> str:
    return ""


@dataclass(frozen=True)
class _FromRoster:
    """A cell from the first of these roster columns the student's entry fills in, else `default(student)`
    (`str`: the tutor's own id)."""

    names: tuple[str, ...]
    default: Callable[[str], str] = _nothing

    def __call__(self, student: str, enrolled: Enrolled | None) -> str:
        return (enrolled.get(*self.names) if enrolled else "") or self.default(student)


def _roster(*names: str, default: Callable[[str], str] = _nothing) -> _FromRoster:
    return _FromRoster(names, default)


def _one_column(identity: Identity, roster: Roster | None) -> Identity:
    """The identity read from one roster column for every student: the first of its names the roster has. Two
    columns of a kind ('ID number' and 'Student ID') may hold different numbers, and a column filled from each by
    turns matches some students by the wrong field, or the wrong student (outside check h71, F2)."""
    reader = identity.value
    if roster is None or not isinstance(reader, _FromRoster):
        return identity
    names = next(((name,) for name in reader.names if roster.has_column(name)), reader.names)
    return replace(identity, value=_FromRoster(names, reader.default))


def _full_name(student: str, enrolled: Enrolled | None) -> str:
    if enrolled is None:
        return student
    last, first = enrolled.get("last name", "surname"), enrolled.get("first name", "given name")
    return enrolled.get("name", "full name") or (f"{last}, {first}" if last and first else "") or student


FORMATS = {
    LMS.PLAIN: Format(LMS.PLAIN, "plain.csv", (Identity("student", lambda student, enrolled: student, key=True),),
                      points_row=None, quote_all=False, most=None, roster_columns=True),
    LMS.CANVAS: Format(
        LMS.CANVAS, "canvas.csv",
        (Identity("Student", _full_name), Identity("ID", _roster("canvas id", "canvas user id"), key=True),
         Identity("SIS User ID", _roster("sis user id", "sis id"), key=True),
         Identity("SIS Login ID", _roster("sis login id", "login id", "login", "username", default=str), key=True),
         Identity("Section", _roster("section"))),
        points_row="Points Possible", quote_all=False, most=None, excused="EX",
        reserved=re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|"
                            "Override Score|Override Grade|Override Status", re.IGNORECASE)),
    LMS.MOODLE: Format(  # one identifier column: the instructor maps it, Moodle makes each other one a grade item
        LMS.MOODLE, "moodle.csv",
        (Identity("Email address", _roster(*EMAIL_COLUMNS), always=False, key=True),
         Identity("ID number", _roster("id number", "idnumber", "student id", "student number"), always=False,
                  key=True),
         Identity("Username", _roster("username", "login", default=str), key=True)),
        points_row=None, quote_all=False, most=Fraction(100), one_identity=True),
    LMS.BLACKBOARD: Format(
        LMS.BLACKBOARD, "blackboard.csv",
        (Identity("Last Name", _roster("last name", "surname")), Identity("First Name", _roster("first name",
         "given name")), Identity("Username", _roster("username", "login", default=str), key=True),
         Identity("Student ID", _roster("student id", "id number", "idnumber", "student number"))),
        points_row=None, quote_all=True, most=None, excused=None),
}


def headers(pack: Pack, columns: Columns, title: str | None = None) -> list[str]:
    """The names of the grade columns: the pack's total in one (named `title`, by default the pack's
    title), or each exercise in its own (named `PACK: EXERCISE`)."""
    if columns == Columns.ASSIGNMENT:
        return [title or pack.title]
    return [f"{pack.id}: {spec.id}" for spec in pack.exercises]


def check_columns(pack: Pack, roster: Roster | None, lms: LMS | None, columns: Columns,
                  title: str | None = None) -> None:
    """ExportError for a file of a class's run (grades.csv, the --format file) that would name a column
    twice, or for a grade column the system would not read as grades. Checked before grading: each header
    follows from the pack, the roster and the options. Names are compared as the roster reader compares
    them (tutor.roster.column_key): a spreadsheet's lookup, an LMS's import or a roster read back by name
    would take one column for the other."""
    files = {FILES[0]: gradebook_columns(pack, roster)}
    if lms is not None:
        form = FORMATS[lms]
        if columns == Columns.ASSIGNMENT:
            grades = [Column(headers(pack, columns, title)[0], Whose.GRADE,
                             "name the grade column otherwise with --assignment")]
        else:
            grades = [Column(header, Whose.EXERCISE, f"rename the exercise {spec.id!r} in the pack")
                      for header, spec in zip(headers(pack, columns), pack.exercises)]
        for grade in grades:
            if form.reserved and form.reserved.search(grade.name):
                raise ExportError(f"{lms} would not read the column {shown(grade.name)} as grades (it reads names with "
                                  f"{form.reserved.pattern.replace('|', ', ')} as its own); {grade.remedy}")
        # every student column the format may write: which are depends on the roster's cells
        files[form.file] = [*(Column(i.header, Whose.OWN) for i in form.identity),
                            *(roster_columns(roster) if form.roster_columns else []), *grades]
    twice = []  # each at once, as a roster's shared emails are: mending one would only show the next
    for file, named in files.items():
        first: dict[str, Column] = {}
        for later in named:
            earlier = first.setdefault(column_key(later.name), later)
            if earlier is not later:  # two exercises' ids never (validate refuses d_1 beside D-1)
                same = earlier.name == later.name
                both = shown(earlier.name) + ("" if same else f" and {shown(later.name)}")
                alike = "" if same else " (names are compared without case, '_' and '-' as spaces)"
                remedies = list(dict.fromkeys(c.remedy for c in (earlier, later) if c.remedy))
                twice.append(f"{file} would have two columns named {both}: {earlier.whose} and {later.whose}{alike}; "
                             f"{', or '.join(remedies)}")
    if twice:
        raise ExportError("\n".join(twice))


def grade_columns(book: Gradebook, columns: Columns, title: str | None = None) -> list[GradeColumn]:
    names = headers(book.pack, columns, title)
    if columns == Columns.ASSIGNMENT:  # an exercise not graded for a student does not count against them
        return [GradeColumn(names[0], book.max, {student: scaled_total(book, student) for student in book.students})]
    # an exercise that could be graded for no student has no column: nobody sat it, so it has no points possible
    return [GradeColumn(name, spec.points, {r.student: None if r.verdict == Judgement.NOT_GRADED else r.score
                                            for r in book.results if r.exercise == spec.id})
            for name, spec in zip(names, book.pack.exercises) if spec.id not in book.left_out]


def _grade(score: Fraction | None, form: Format) -> str:
    return (form.excused or "") if score is None else number(score)


def export(book: Gradebook, lms: LMS, columns: Columns, title: str | None = None) -> tuple[str, Writer, list[str]]:
    """(file name, its writer, warnings) for the gradebook in this system's format.

    ExportError for a column named twice, or one the system would not read as grades (check_columns)."""
    check_columns(book.pack, book.roster, lms, columns, title)
    form = FORMATS[lms]
    grades = grade_columns(book, columns, title)
    entries = {student: book.roster.get(student) if book.roster else None for student in book.students}
    possible = [_one_column(i, book.roster) for i in form.identity]
    identity = [i for i in possible if i.always or all(i.value(student, entries[student]) for student in book.students)]
    warnings = []
    if form.one_identity:
        identity = identity[:1]
        warnings += _left_for_some(form, possible[:possible.index(identity[0])], identity[0], book.roster, entries)
    if form.roster_columns and book.roster:
        identity += [Identity(name, _roster(name)) for name in book.roster.columns]
    header = [i.header for i in identity] + [c.header for c in grades]
    rows = []
    if form.points_row:
        rows.append([form.points_row, *[""] * (len(identity) - 1), *(number(c.points) for c in grades)])
    rows += [[*(i.value(student, entries[student]) for i in identity),
              *(_grade(c.scores[student], form) for c in grades)] for student in book.students]
    if form.points_row:  # the system takes any row whose first cell holds it for the points possible
        words = re.compile(r"\s+".join(map(re.escape, form.points_row.split())), re.I)
        for row in rows[1:]:
            if words.search(row[0]):
                written = words.sub(lambda found: "-".join(found[0].split()), row[0])
                warnings.append(f"{form.file}: the {header[0]} {row[0]!r} is written {written!r}: {lms} takes a "
                                f"row whose first cell holds {form.points_row!r} for the points possible")
                row[0] = written
    keys = [n for n, i in enumerate(identity) if i.key]
    warnings += _unmatched(form, header, keys, book.students, rows[1:] if form.points_row else rows)
    warnings += _formula_like(form, keys, rows[1:] if form.points_row else rows)
    if book.roster is not None:  # without one, the tutor's ids are all there is to match by
        warnings += _identified_by_id(form, [identity[n] for n in keys], entries)
    if form.lms == LMS.MOODLE and header[0] == "Username":
        emailed = book.roster is not None and book.roster.has_column(*EMAIL_COLUMNS)
        warnings += _capital_usernames(form, [row[0] for row in rows], emailed)
    empty = sum(score is None for c in grades for score in c.scores.values())
    if empty and form.excused is None:
        warnings.append(f"{form.file}: {counted(empty, 'grade')} left empty, of exercises not graded for a student "
                        f"(see problems.csv); {lms} has no grade for 'excused': enter them by hand")
    if form.lms == LMS.BLACKBOARD:
        warnings += _new_blackboard_columns(form, columns,
                                            [c for c in grades if not _BLACKBOARD_COLUMN.search(c.header)])
    if form.most is not None:
        warnings += _over_most(book, form, columns, [c for c in grades if c.points > form.most])
        warnings += _under_most(form, form.most, [c for c in grades if 0 < c.points < form.most])

    def write(stream: TextIO) -> None:
        out = csv.writer(stream, quoting=csv.QUOTE_ALL if form.quote_all else csv.QUOTE_MINIMAL)
        out.writerow([cell(h) for h in header])
        out.writerows([key_cell(value) if n in keys else cell(value) for n, value in enumerate(row)] for row in rows)
    return form.file, write, warnings


def _left_for_some(form: Format, passed: Sequence[Identity], used: Identity, roster: Roster | None,
                   entries: Mapping[str, Enrolled | None]) -> list[str]:
    """For a system that takes one identifier: the warning for each it would have taken before the one used, whose
    roster column is there but empty for some students (outside check h71, F4: only a warning of the fallback's
    own, naming another cause, was given)."""
    found: list[str] = []
    if roster is None:
        return found
    for skipped in passed:
        reader = skipped.value
        if not isinstance(reader, _FromRoster) or not roster.has_column(*reader.names[:1]):
            continue
        lacking = [student for student, entry in entries.items() if not reader(student, entry)]
        found.append(f"{form.file}: the roster's '{reader.names[0]}' is empty for {counted(len(lacking), 'student')} "
                     f"({_first_three(lacking)}), so {form.lms.value.capitalize()} is to match students by "
                     f"{used.header}, not {skipped.header}: fill it in for every student to match by {skipped.header}")
    return found


def _unmatched(form: Format, header: list[str], keys: list[int], students: Sequence[str],
               rows: list[list[str]]) -> list[str]:
    """The warning for each student none of whose identifiers can be written as it is (key_cell): the system
    would match no one by what is written."""
    found = []
    system = "an import" if form.lms == LMS.PLAIN else form.lms.value.capitalize()
    for student, row in zip(students, rows):
        given = [(header[n], row[n]) for n in keys if row[n]]
        if not given or any(key_cell(value) == value for _, value in given):
            continue  # Canvas tries each in turn: one written as it is finds them
        named = and_list([f"{name} {shown(value)}" for name, value in given])
        written = and_list([f'"{key_cell(value)}"' for _, value in given])
        one = len(given) == 1
        found.append(f"{form.file}: the {named} of student {shown(student)} {'is' if one else 'are'} written "
                     f"{written} so that nothing runs {'it' if one else 'them'}, and {system} will match no one by "
                     f"{'it' if one else 'them'}: take the row out and enter the grade by hand")
    return found


def _identified_by_id(form: Format, keys: Sequence[Identity], entries: Mapping[str, Enrolled | None]) -> list[str]:
    """The warning, once, where the roster gives the system no identifier of some of its students and the tutor's
    ids stand in for their logins: an import matches no one of them where they differ, and nothing said so (outside
    checks h53, N8, and h55, N4: a column filled for some students only)."""
    readers = [(i.header, i.value) for i in keys if isinstance(i.value, _FromRoster)]
    fallback = next((header for header, reader in readers if reader.default is str), None)
    enrolled = {student: entry for student, entry in entries.items() if entry is not None}
    lacking = [s for s, entry in enrolled.items() if not any(entry.get(*reader.names) for _, reader in readers)]
    if fallback is None or not lacking:
        return []
    system, headers = form.lms.value.capitalize(), and_list([header for header, _ in readers], "or")
    columns = and_list([f"'{reader.names[0]}'" for _, reader in readers], "or")
    if len(lacking) == len(enrolled):
        return [f"{form.file}: no roster column gives {system} the students' {headers}, so {fallback} holds each "
                f"tutor id ({shown(lacking[0])} …): it matches only students whose {fallback} that is; a roster "
                f"column {columns} gives theirs"]
    return [f"{form.file}: the roster gives {counted(len(lacking), 'student')} ({_first_three(lacking)}) no {headers}, "
            f"so {fallback} "
            f"holds their tutor id: {system} matches them only where that is their {fallback}"]


def _capital_usernames(form: Format, usernames: list[str], emailed: bool) -> list[str]:
    """The warning, once, for usernames with capital letters: Moodle keeps every username in lower case and matches
    the column as written, so such a row would match no one (outside check h27, F8)."""
    capital = list(dict.fromkeys(name for name in usernames if name != name.lower()))
    if not capital:
        return []
    # the roster's email column, where it has one, is empty for some student (outside check h72, G7)
    remedy = "fill in every student's email on the roster" if emailed else "give the roster an email column"
    return [f"{form.file}: {counted(len(capital), 'username')} {'has' if len(capital) == 1 else 'have'} capital "
            f"letters ({_first_three(capital)}), and Moodle keeps usernames in lower case: those rows would match no "
            f"one; {remedy}, or its usernames as Moodle writes them"]


def _first_three(values: list[str]) -> str:
    """'a', 'b', 'c' and 2 more."""
    return and_list([shown(value) for value in values[:3]] + ([f"{len(values) - 3} more"] if len(values) > 3 else []))


def _formula_like(form: Format, keys: list[int], rows: list[list[str]]) -> list[str]:
    """The warning, once, for identifiers written as they are though they start as a formula does (-A1, +44):
    the system matches them so, but a spreadsheet would compute them (-A1 another cell's value, -2+3 as 1)."""
    raw = list(dict.fromkeys(row[n] for row in rows for n in keys
                             if row[n].startswith(("+", "-", "@")) and key_cell(row[n]) == row[n]))
    if not raw:
        return []
    system = "an import" if form.lms == LMS.PLAIN else form.lms.value.capitalize()
    return [f"{form.file}: {counted(len(raw), 'identifier')} start{'s' if len(raw) == 1 else ''} with +, - or @ "
            f"({_first_three(raw)}), written as {'it is' if len(raw) == 1 else 'they are'} for {system} to match: "
            "upload the file as it is, since a spreadsheet would read such a cell as a formula and change it"]


def _worth(columns: list[GradeColumn]) -> str:
    """"'HW5' is worth 7 points", "'a' and 'b' are worth 1 and 2 points" ("are each worth 1 point"): what the
    warnings on a system's maximum grade say of the columns."""
    if len(columns) == 1:
        return f"{shown(columns[0].header)} is worth {counted(columns[0].points, 'point', number(columns[0].points))}"
    headers = and_list([shown(c.header) for c in columns])
    if len({c.points for c in columns}) == 1:  # not "worth 1 and 1 points" (outside check h71, F9)
        return f"{headers} are each worth {counted(columns[0].points, 'point', number(columns[0].points))}"
    return f"{headers} are worth {and_list([number(c.points) for c in columns])} points"


_BLACKBOARD_COLUMN = re.compile(r"\|\s*\d+\s*$")  # `Week 3 |4512`: the Grade Center's column 4512, updated


def _new_blackboard_columns(form: Format, columns: Columns, new: list[GradeColumn]) -> list[str]:
    """Where a grade column names no column of the Grade Center: Blackboard adds it as a text column worth 0 points,
    which no total counts (outside check h38, F1, as Blackboard's help on working offline says)."""
    if not new:
        return []
    edit = f"edit {'it' if len(new) == 1 else 'each'} to a score column with its points"
    existing = ", or name an existing column with --assignment 'NAME |ID'" if columns == Columns.ASSIGNMENT else ""
    return [f"{form.file}: {_worth(new)}, and Blackboard adds a column new to the Grade Center as a text column "
            f"worth 0 points: after the upload, {edit}{existing}"]


def _under_most(form: Format, most: Fraction, under: list[GradeColumn]) -> list[str]:
    """Where a grade column is worth less than the maximum grade a grade item the import makes has by default
    (7 points read as 7 out of 100): to map it to an item with its points, or to set the new item's (outside
    check h12: only columns worth more were warned about)."""
    if not under:
        return []
    item = (f"an item whose maximum grade is {number(under[0].points)}, or set the new item's maximum grade to that"
            if len(under) == 1 else
            "items whose maximum grades are their points, or set each new item's maximum grade so")
    return [f"{form.file}: {_worth(under)}, and a grade item {form.lms.value.capitalize()}'s import makes has a "
            f"maximum grade of {number(most)}: map the column to {item}"]


def _over_most(book: Gradebook, form: Format, columns: Columns, over: list[GradeColumn]) -> list[str]:
    """The warning for grade columns worth more than the system takes by default, with what would help:
    --columns exercise only where it is not in use and would bring every column within the limit."""
    if not over or form.most is None:
        return []
    most, system = form.most, form.lms.value.capitalize()
    split = columns == Columns.ASSIGNMENT and all(spec.points <= most for spec in book.pack.exercises
                                                  if spec.id not in book.left_out)
    raise_it = (f"raise the grade item's maximum grade in {system} to {number(over[0].points)}" if len(over) == 1
                else f"raise each grade item's maximum grade in {system} to its points")
    return [f"{form.file}: {_worth(over)}, more than the {number(most)} {system} takes by default: "
            f"{'export with --columns exercise, or ' if split else ''}{raise_it} before importing"]
