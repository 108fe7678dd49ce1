"""Grading one Gradescope submission: who submitted it, and results.json.

Who submitted is what Gradescope says, in /autograder/submission_metadata.json
(its `users`: each with `email`, `id` and `name`), never what the uploaded file
says: the id that picks the student's variant is the submitter's roster id
(the roster row with their email), or else their email. The `student:` in the
upload is only compared with it, and a mismatch is reported in the results; an
upload without one is the submitter's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

from .check import Judgement
from .errors import TutorError
from .grade import Gradebook, Result
from .markup import number
from .outputs import write_together
from .packs import ExerciseSpec, same_id
from .reports import json_number, json_text, scaled_total
from .roster import Enrolled, Roster
from .safe_read import FileRefused, read_file, resolved
from .submissions import UNNAMED, Submissions, file_name, shown
from .templates import outline
from .variant_check import settable

METADATA = "submission_metadata.json"  # beside the submission folder: /autograder/submission_metadata.json
_METADATA_BYTES = 1 << 20


class MetadataError(TutorError):
    """The submission's metadata can't be used: the message says why."""


@dataclass(frozen=True)
class Submitter:
    email: str
    gradescope_id: str
    name: str


@dataclass(frozen=True)
class Identity:
    student: str  # the id graded: it picks the variant
    submitter: Submitter
    notes: tuple[str, ...]  # for the results' output: a mismatch, a group, an email not on the roster


def metadata_path(submission: Path) -> Path:
    """Where Gradescope puts the metadata of a submission in `submission`: in the folder above it."""
    return resolved(submission).parent / METADATA


def read_submitters(path: Path) -> tuple[Submitter, ...]:
    """The users who made the submission, as the metadata lists them (MetadataError if it can't be read)."""
    file = file_name(path)
    try:
        data = json.loads(read_file(path, _METADATA_BYTES), parse_int=str)  # an id of 5,000 digits is an id too
    except FileNotFoundError:
        raise MetadataError(f"{file} is missing, so who submitted can't be told (Gradescope writes it "
                            "beside the submission folder)") from None
    except (OSError, FileRefused, ValueError, RecursionError) as error:
        raise MetadataError(f"{file} can't be read ({error})") from None
    users = data.get("users") if isinstance(data, dict) else None
    found = tuple(Submitter(_field(u.get("email")), _field(u.get("id")), _field(u.get("name")))
                  for u in (users if isinstance(users, list) else ()) if isinstance(u, dict))
    found = tuple(s for s in found if s.email or s.gradescope_id)
    if not found:
        raise MetadataError(f"{file} names no user with an email or an id")
    return found


def _field(value: object) -> str:
    """A user's field as text: Gradescope writes ids as numbers (read as their digits), the rest as strings.
    Anything else (a list, true, 1.5) is not the field at all: its str() must never become whom a submission
    is graded as."""
    return value.strip() if isinstance(value, str) else ""


def identify(given: Submissions, submitters: tuple[Submitter, ...], roster: Roster | None) -> \
        tuple[Submissions, Identity]:
    """The submission's answers, as the submitter's: re-keyed to the id Gradescope's metadata gives."""
    submitter, notes = submitters[0], []
    student, enrolled = _graded_id(submitter, roster)
    if roster is not None and enrolled is None:
        notes.append(f"{submitter.email or 'The submitter'} is not on the roster; graded as {student}.")
    if len(submitters) > 1:
        notes.append(f"A group submission of {len(submitters)}: graded with the variant of {student}, "
                     "the first member.")
    # every answer uploaded is the submitter's, read so (`one_submitter`): what a file names is only told
    mine, *others = [_names(member, roster) for member in submitters]
    members = set().union(mine, *others)
    for named in given.declared:
        if named.casefold() not in members:
            notes.append(f"The uploaded file says student {shown(named)}, but this submission is from {student}: "
                         f"it is graded as {student}'s, with {student}'s variant.")
        elif named.casefold() not in mine:  # a member's own file, uploaded for the group
            notes.append(f"The uploaded file names {shown(named)}, a member of this group: its answers are checked "
                         f"with {student}'s variant.")
    def theirs(name: str) -> str:
        return student if name == UNNAMED else name

    given = replace(given, answers=tuple(replace(a, student=student) for a in given.answers),
                    problems=tuple(replace(p, student=theirs(p.student), students=tuple(map(theirs, p.students)))
                                   for p in given.problems))
    return given, Identity(student, submitter, tuple(notes))


def _graded_id(submitter: Submitter, roster: Roster | None) -> tuple[str, Enrolled | None]:
    """The id a submitter is graded as (their roster id, else their email, else their Gradescope id), and their
    roster entry (None where they have none)."""
    email = same_id(submitter.email).casefold()  # a roster's emails are each one student's (read_roster)
    enrolled = next((s for s in roster.students if email and s.email == email), None) if roster else None
    return (enrolled.id if enrolled else submitter.email or f"gradescope-{submitter.gradescope_id}"), enrolled


def _names(submitter: Submitter, roster: Roster | None) -> set[str]:
    """The ids an uploaded file may give for a submitter: the one they are graded as, their email, or its part
    before the @, a username (outside check h74, J6: without a roster, `student: s02` from s02@uni.edu was told as
    someone else's); casefolded, the answers' ids are NFC already."""
    email = same_id(submitter.email).casefold()
    return {same_id(_graded_id(submitter, roster)[0]).casefold(), email, email.partition("@")[0]} - {""}


# --------------------------------------------------------------- results.json


def results(book: Gradebook, seconds: float, identity: Identity | None = None, refused: str = "") -> dict:
    """results.json in Gradescope's autograder schema: one test per exercise, for one student."""
    student = book.students[0] if book.students else None
    by_id = {r.exercise: r for r in next(book.rows())[1]} if student else {}
    total = scaled_total(book, student) if student else Fraction(0)
    tests = []
    for position, spec in enumerate(book.pack.exercises, start=1):
        result = by_id.get(spec.id)
        title = _title(spec, student)
        tests.append({
            "name": f"{spec.id}: {title}" if title else spec.id,
            "number": str(position),
            "score": json_number(result.score if result else Fraction(0)),
            "max_score": json_number(result.max if result else spec.points),
            "status": _status(result),
            "output": "Not graded: see the output above." if refused else _feedback(book, result),
            "output_format": "text",  # shown as written: an answer's `<b>` or `<script>` is text, never markup
            "visibility": "visible",
        })
    if refused:
        output = [f"Nothing was graded: {refused}."]
    elif student is None:
        output = ["No answers were found: upload a YAML or JSON file like "
                  "{student: YOUR-ID, answers: {EXERCISE: ANSWER, ...}}."]
    else:
        output = [f"Graded as student {student}: {number(book.totals[student])} of {number(book.possible[student])} "
                  "points" + (f", {number(total)} of {number(book.max)} on the pack's scale, as an exercise could "
                              "not be graded." if book.possible[student] != book.max else ".")]
    output += list(identity.notes if identity else ())
    output += [str(problem) for problem in book.problems]  # the not graded are said in their tests
    return {"score": json_number(total), "execution_time": round(seconds), "output": "\n".join(output),
            "output_format": "text", "tests": tests}


def _title(spec: ExerciseSpec, student: str | None) -> str:
    """The exercise's title with the student's numbers; for every variant, where theirs can't be set."""
    try:
        return settable(spec, student).title if student else outline(spec.title, [p.name for p in spec.params])
    except TutorError:
        return outline(spec.title, [p.name for p in spec.params])


def _status(result: Result | None) -> str:
    """`passed` or `failed`, Gradescope's two: it shows a failed test in red, and a test worth nothing that has
    no status as failed too. An exercise not graded for the student is worth 0 to them through the pack's fault,
    not theirs: it is `passed`, and its output says it was not graded."""
    return "passed" if result and result.verdict in (Judgement.CORRECT, Judgement.NOT_GRADED) else "failed"


def _feedback(book: Gradebook, result: Result | None) -> str:
    if result is None:
        return "No answer."
    if result.verdict == Judgement.UNANSWERED:
        return result.feedback  # "No answer.", or why the answer given could not be used
    lines = [f"Your answer: {result.answer}"]
    if result.reading and result.reading != result.answer:
        lines.append(f"Read as: {result.reading}")
    lines.append(book.told(result))
    return "\n".join(lines)


def write_results(folder: Path, data: dict) -> Path:
    text = json_text(data)
    (path,) = write_together(folder, {"results.json": lambda stream: stream.write(text)})
    return path
