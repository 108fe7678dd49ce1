"""A class roster: who should be in the gradebook, and what else is known of them.

    id,name,email,section                 (CSV with a header; any columns beside `id`)
    s01,Ana Lima,ana@example.edu,A

The roster is read as untrusted input, like the submissions: a bad row is
reported as FILE:LINE and the rest is read; but a roster that is not UTF-8 is
refused whole, as its encoding is the file's. With a roster, everyone on it gets
a row in the gradebook (a student with no usable answer scores 0, and the row
says why), answers from ids not on it are reported with the closest id, and
the roster's other columns are kept in the outputs.

Ids are compared in Unicode's NFC form (submissions.same_id) and written as the
roster writes them. Emails are compared without case: Gradescope and Moodle
find students by email, so a roster that gives one email to two ids is refused.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .errors import TutorError
from .limits import LIMITS, Limits
from .packs import same_id
from .safe_read import SAVE_AS_UTF8, SEPARATORS, FileRefused, csv_rows, open_file, writable
from .submissions import (
    Problem,
    Submissions,
    Submitted,
    clearly_meant,
    file_name,
    first_and_more,
    problems_of,
    row_field,
    separator_of,
    shown,
)
from .words import and_list, column_key, counted, printable

ID_COLUMNS = ("id", "student")  # the column that holds the id: `id`, or else `student`
EMAIL_COLUMNS = ("email", "email address", "e-mail")  # where a student's email is, the first filled in


class RosterError(TutorError):
    """A roster that can't be used at all: the message says why in a sentence."""


@dataclass(frozen=True)
class Enrolled:
    """One student on the roster."""

    id: str
    fields: tuple[tuple[str, str], ...]  # the roster's other columns, in its order: (name as written, value)
    source: str  # FILE:LINE

    def get(self, *names: str) -> str:
        """The first of these columns that the roster has and fills in (compared by column_key), or ""."""
        values = {column_key(name): value for name, value in self.fields}
        return next((values[column_key(n)] for n in names if values.get(column_key(n))), "")

    @property
    def email(self) -> str:
        """The student's email as compared (without case), or "" where the roster has none for them."""
        return same_id(self.get(*EMAIL_COLUMNS)).casefold()


@dataclass(frozen=True)
class Roster:
    source: str
    columns: tuple[str, ...]  # the other columns' names, as written in the header
    students: tuple[Enrolled, ...]  # in the file's order, each id once
    problems: tuple[Problem, ...]

    @cached_property
    def _by_id(self) -> dict[str, Enrolled]:
        return {same_id(s.id): s for s in self.students}

    def get(self, student: str) -> Enrolled | None:
        """The student with this id, in whichever Unicode form either writes it."""
        return self._by_id.get(same_id(student))

    def has_column(self, *names: str) -> bool:
        keys = {column_key(c) for c in self.columns}
        return any(column_key(n) in keys for n in names)

    def closest(self, student: str) -> tuple[str, ...]:
        """The roster ids a mistyped id most likely meant: one where it is clearly the closest, else the few
        equally close (a TA must then look), or none. The same id but for case comes first; then ids differing
        by a character or two, a character that looks like another (O for 0, l for 1) counting half."""
        key = same_id(student)
        same = tuple(s.id for s in self.students if same_id(s.id).casefold() == key.casefold())
        if same:
            return same
        # each id's distance worked out once: those of about the same length, then difflib's close ones
        apart = {other: typos(key, other) for other in self._by_id if abs(len(other) - len(key)) <= 1}
        near = {*difflib.get_close_matches(key, list(self._by_id), n=len(self._by_id)),
                *(other for other, far in apart.items() if far <= 1)}
        if not near:
            return ()
        apart = {other: apart[other] if other in apart else typos(key, other) for other in near}
        least = min(apart.values())
        closest = sorted(other for other, far in apart.items() if far == least)
        return tuple(self._by_id[other].id for other in closest) if len(closest) <= _MOST_GUESSES else ()


_MOST_GUESSES = 3  # ids as close as each other: more than these is no help to a TA
_LOOK_ALIKE = ("0Oo", "1lI|")  # read or typed for each other, as a student copies an id from a screen


def typos(given: str, other: str) -> float:
    """How far apart two ids are in the keystrokes a person gets wrong: a character added, left out,
    changed, or two swapped, each 1; a character changed for one that looks like it (O for 0), 1/2;
    case, nothing."""
    def cost(a: str, b: str) -> float:
        if a.casefold() == b.casefold():
            return 0
        return 0.5 if any(a in group and b in group for group in _LOOK_ALIKE) else 1

    before: list[float] = []
    row = [float(j) for j in range(len(other) + 1)]
    for i, a in enumerate(given, 1):
        current = [float(i)]
        for j, b in enumerate(other, 1):
            far = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost(a, b))
            if i > 1 and j > 1 and a == other[j - 2] and given[i - 2] == b:
                far = min(far, before[j - 2] + 1)  # two neighbours swapped
            current.append(far)
        before, row = row, current
    return row[-1]


def read_roster(path: str | Path, limits: Limits = LIMITS) -> Roster:
    """The roster in a CSV file; RosterError if it can't be used at all (no file, no id column, nobody on it)."""
    file = file_name(path)
    problems: list[Problem] = []
    students: dict[str, Enrolled] = {}
    header: list[str] | None = None
    try:
        with open_file(Path(path)) as stream:
            for row in csv_rows(stream, limits.max_submission_bytes):
                if row.not_utf8:  # a file has one encoding: its other rows' accents are wrong too (finding 691)
                    raise RosterError(f"{file}:{row.line}: the roster is {row.problem}")
                if row.cells is None:
                    if header is None:
                        raise RosterError(f"{file}:{row.line}: the roster's header can't be read ({row.problem})")
                    problems.append(Problem(file, row.line, f"{row.problem}; the row is skipped",
                                            row_field(row.start, _id_at(header))))
                    continue
                if not any(cell.strip() for cell in row.cells):
                    continue
                if header is None:
                    header = _header(file, row.line, row.cells)
                    continue
                if len(row.cells) != len(header):
                    at = _id_at(header)
                    problems.append(Problem(file, row.line, f"the row has {len(row.cells)} fields but the header "
                                                            f"has {len(header)}; it is skipped",
                                            same_id(writable(row.cells[at]).strip()) if at < len(row.cells) else ""))
                    continue
                _student(file, row.line, header, row.cells, students, problems)
    except FileRefused as refused:
        raise RosterError(f"{file}: {refused}; the roster is not read") from None
    except OSError as error:
        raise RosterError(f"{file}: can't read the roster ({error.strerror})") from None
    if header is None or not students:
        raise RosterError(f"{file}: no students on the roster (a CSV with a header naming an 'id' column, "
                          "then one row per student)")
    _refuse_shared_emails(file, students.values())
    others = tuple(name for name in header if column_key(name) != _id_column(header))
    return Roster(file, others, tuple(students.values()), tuple(problems))


def _refuse_shared_emails(file: str, students: Iterable[Enrolled]) -> None:
    """RosterError naming every email given to more than one id: Gradescope and Moodle find a student by
    email, so the grade of one would go to the other."""
    first: dict[str, Enrolled] = {}
    shared = []
    for student in students:
        if not student.email:
            continue
        owner = first.setdefault(student.email, student)
        if owner is not student:
            shared.append(f"{student.source}: student {shown(student.id)} has the email of student {shown(owner.id)} "
                          f"(line {owner.source.rpartition(':')[2]}): {shown(student.get(*EMAIL_COLUMNS))}")
    if shared:
        raise RosterError("\n".join([*shared, f"{file}: each student needs an email of their own, or none: "
                                               "Gradescope and Moodle find students by email"]))


def _id_column(header: list[str]) -> str:
    keys = [column_key(name) for name in header]
    return next(key for key in ID_COLUMNS if key in keys)


def _id_at(header: list[str]) -> int:
    """Where the id is in a row."""
    return [column_key(name) for name in header].index(_id_column(header))


def _named_again(written: list[str]) -> str:
    """A column a roster's header names more than once, in each of its spellings."""
    times = "twice" if len(written) == 2 else f"{len(written)} times"
    if len(set(written)) == 1:
        return f"the column {shown(written[0])} {times}"
    return f"one column {times}, as {and_list([shown(name) for name in written])}"


def _header(file: str, line: int, cells: list[str]) -> list[str]:
    names = [writable(cell).strip() or f"column {i + 1}" for i, cell in enumerate(cells)]
    keys = [column_key(name) for name in names]
    if not any(key in keys for key in ID_COLUMNS):
        if separator := separator_of(cells, ID_COLUMNS):  # id;name, where ',' is a locale's decimal comma
            raise RosterError(f"{file}:{line}: the roster's header is separated by {SEPARATORS[separator]}, not "
                              f"commas: {SAVE_AS_UTF8}")
        raise RosterError(f"{file}:{line}: the roster has no 'id' column (it has "
                          f"{', '.join(shown(n, 20) for n in names[:10])})")
    spellings: dict[str, list[str]] = {}
    for name, key in zip(names, keys):
        spellings.setdefault(key, []).append(name)
    # each column named more than once, in every spelling (outside checks h73, H5, and h74, J3)
    named = [_named_again(written) for written in spellings.values() if len(written) > 1]
    if named:
        raise RosterError(f"{file}:{line}: the roster's header names {', and '.join(named)}")
    return names


def _student(file: str, line: int, header: list[str], cells: list[str], students: dict[str, Enrolled],
             problems: list[Problem]) -> None:
    id_key = _id_column(header)
    values = [writable(cell).strip() for cell in cells]
    student = next(v for name, v in zip(header, values) if column_key(name) == id_key)
    if not student:
        problems.append(Problem(file, line, "no student id; the row is skipped"))
    elif same_id(student) in students:
        first = students[same_id(student)]
        problems.append(Problem(file, line, f"student {shown(student)} is on the roster twice (first at "
                                            f"{first.source}{_encoded(student, first.id)}); this row is skipped"))
    else:
        fields = tuple((name, v) for name, v in zip(header, values) if column_key(name) != id_key)
        students[same_id(student)] = Enrolled(student, fields, f"{file}:{line}")


def _guess(student: str, closest: tuple[str, ...]) -> str:
    """The roster ids a stranger may be: one, where it is clearly the closest; the few as close, for a TA to
    choose from by the work itself, as a guess between classmates would give one's work to the other."""
    if len(closest) == 1:
        return f"; did you mean {shown(closest[0])}{_difference(student, closest[0])}?"
    if closest:
        names = [shown(c) for c in closest]
        # "as close to 's01', 's11' as to 's12'" lacked its "and" (outside check h75, K8)
        return f"; it is as close to {and_list(names[:-1])} as to {names[-1]}: check whose work it is"
    return ""


def _encoded(given: str, other: str) -> str:
    """Why two ids that look the same are one, where they are not written alike."""
    return ", written with a different accent encoding" if given != other else ""


def _difference(given: str, other: str) -> str:
    """What tells `given` from `other` where it may not be seen: the first differing characters that are not
    plain ASCII, by their Unicode names (a Cyrillic а looks like a Latin a)."""
    for tag, i, j, k, m in difflib.SequenceMatcher(None, given, other, autojunk=False).get_opcodes():
        mine, theirs = given[i:j], other[k:m]
        if tag != "equal" and not (mine + theirs).isascii():
            return f" (it has {_named(theirs)} where this has {_named(mine)})"
    return ""


def _named(text: str) -> str:
    if not text:
        return "nothing"
    return " + ".join(unicodedata.name(c, f"U+{ord(c):04X}") for c in text[:3]) + (" ..." if len(text) > 3 else "")


# ----------------------------------------------------------- with the answers


def _in_file_order(problems: Sequence[Problem], added: Sequence[Problem]) -> list[Problem]:
    """`problems` as they are, each of `added` put among its file's in the order of their lines, so that a TA
    reads a file's problems top to bottom; those of a file with none of its own after the rest. One pass: an
    uploaded file of 16,000 unknown ids beside as many other problems took 23 s put in one at a time."""
    waiting: dict[str, deque[Problem]] = {p.file: deque() for p in added}  # the files in the order they come
    for problem in sorted(added, key=lambda p: p.line or 0):
        waiting[problem.file].append(problem)
    last = {p.file: i for i, p in enumerate(problems)}
    merged: list[Problem] = []
    for i, problem in enumerate(problems):
        queue = waiting.get(problem.file)
        while queue and (queue[0].line or 0) < (problem.line or 0):
            merged.append(queue.popleft())
        merged.append(problem)
        if queue and last[problem.file] == i:
            merged.extend(waiting.pop(problem.file))
    return merged + [p for queue in waiting.values() for p in queue]


def enrol(roster: Roster, given: Submissions) -> Submissions:
    """The submissions of the students on the roster, everyone on it enrolled.

    Answers from an id not on the roster are left out and reported once per id and file, with the
    roster id it most likely meant. A student on the roster without an answer is absent, with the
    reason: nothing submitted, or the problem that kept their file from being read.
    """
    answers: list[Submitted] = []
    strangers: dict[tuple[str, str], tuple[Submitted, int]] = {}  # (id, file) -> (first answer, answers)
    for answer in given.answers:
        enrolled = roster.get(answer.student)
        if enrolled is not None:  # as the roster writes the id: the LMS files match it
            answers.append(replace(answer, student=enrolled.id))
        else:
            file = answer.source.rpartition(":")[0]
            first, count = strangers.get((answer.student, file), (answer, 0))
            strangers[answer.student, file] = (first, count + 1)
    added: list[Problem] = []
    skipped: dict[str, Problem] = {}  # an id whose row of the roster was skipped -> that row's problem
    for fault in roster.problems:
        if fault.student:
            skipped.setdefault(fault.student, fault)

    def stranger(student: str, file: str, line: int | None, graded: str) -> Problem:
        row = skipped.get(student)  # on the roster, but on a row that could not be read (finding 691)
        closest = roster.closest(student) if row is None else ()
        why = (f"is on the roster only at {printable(row.file)}:{row.line}, a row that was skipped" if row is not None
               else f"is not on the roster{_guess(student, closest)}")
        # the one id it clearly meant is told too, on their page: they may have answered, under the typo (an
        # outside check's jon, whose answers typed as jonn were "No answer." to him)
        return Problem(file, line, f"student {shown(student)} {why} ({graded})", student,
                       closest if len(closest) == 1 else ())

    for (student, file), (first, count) in strangers.items():
        added.append(stranger(student, file, int(first.source.rpartition(":")[2]),
                              f"{counted(count, 'answer')} in this file not graded"))
    for refused in given.problems:  # a file that could not be read names its students too (outside check h57, R6)
        added.extend(stranger(student, refused.file, refused.line, "this file could not be read")
                     for student in dict.fromkeys(refused.students) if roster.get(student) is None)
    # an id not on the roster is told once per file; its repeated answers, not graded either, are no more news
    kept = [p for p in given.problems if not (p.repeat and (p.student, p.file) in strangers)]
    problems = [*roster.problems, *_in_file_order(kept, added)]
    answered = {a.student for a in answers if a.text}  # an empty answer is no answer (outside check h47, F5)
    blank = {a.student for a in answers} - answered
    theirs, meant = problems_of(given.problems), clearly_meant(added)
    absent = tuple((s.id, f"Your submission could not be read ({first_and_more(found)})."
                    if (found := theirs(s.id))
                    else f"Nothing was submitted under your id ({'; and '.join(map(str, meant[s.id]))})."
                    if s.id in meant else "Every answer you submitted was empty." if s.id in blank
                    else "Nothing was submitted.") for s in roster.students if s.id not in answered)
    return replace(given, answers=tuple(answers), problems=tuple(problems), roster=roster, absent=absent)
