"""Each learning management system's grade import, as its documentation and source describe it.

Written from the systems' own rules, not from tutor.lms: each function reads a
file the way that system does and returns what it would import, with every
rule the file breaks (an empty list: the system takes it as meant). The rules
are listed in docs/reference/grade.md (LMS exports), with their sources:

- Canvas: app/models/gradebook_importer.rb (instructure/canvas-lms) and
  Assignment.title_and_id in app/models/assignment.rb; the instructors' guide, e.g.
  https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades
  ("Student Name OR Student ID OR Student SIS User ID ... SIS Login ID ... Section ... Assignment Name";
  the `Points Possible` row of an export). CSV itself as Canvas reads it (RFC 4180, UTF-8):
  https://developerdocs.instructure.com/services/canvas/sis/file.sis_csv
- Moodle: grade/import/csv/classes/load_data.php and lib/csvlib.class.php (moodle/moodle),
  https://docs.huihoo.com/phpdoc/moodle/2.8/xref/grade/import/csv/classes/load_data.php.html
  (map_user_data_with_value: `Map from` a column, `Map to` userid, username, useridnumber or useremail;
  every other mapped column a grade item; no points-possible row); MoodleDocs "Grade import".
- Blackboard Learn: Blackboard Help for instructors, "Uploading or Downloading Grade Center
  Items for Working Offline" (Formatting External Files for Uploading): comma-delimited values
  in quotes; the student information columns Last Name, First Name, Username, Student ID (Username
  identifies, the others are not uploaded); a column named `NAME |ID` updates column ID.
- Plain: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): a header, the same number of fields in
  every record, CRLF line breaks, double quotes doubled inside quoted fields; and, for any
  spreadsheet or SIS to take it as a table of students, one row per student, no other rows.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field


@dataclass
class Imported:
    """What the system would do with the file."""

    columns: dict[str, str] = field(default_factory=dict)  # grade column -> "new" or the existing id it updates
    points: dict[str, str] = field(default_factory=dict)  # grade column -> points possible (Canvas only)
    grades: dict[str, dict[str, str]] = field(default_factory=dict)  # student key -> {column: grade}
    matched_by: dict[str, str] = field(default_factory=dict)  # student key -> the column that found them
    broken: list[str] = field(default_factory=list)  # the rules the file breaks


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


# ----------------------------------------------------------------------- Canvas

_CANVAS_TOTALS = re.compile("Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|"
                            "Override Score|Override Grade|Override Status")


def canvas(text: str) -> Imported:
    """Canvas's gradebook import (GradebookImporter): students by ID, then SIS User ID, then SIS Login ID,
    then name; a `Points Possible` row sets new assignments' points; other columns are assignments."""
    found = Imported()
    lines = text.splitlines()[:3]
    counts = {}
    for separator in ";,":  # identify_delimiter: the separator that splits the first lines consistently
        sizes = {len(next(csv.reader([line], delimiter=separator), [])) for line in lines}
        counts[separator] = sizes.pop() if len(sizes) == 1 else 0
    delimiter = ";" if counts[";"] > counts[","] else ","
    rows = [row for row in _rows(text, delimiter) if not re.fullmatch(r"[;, ]*", delimiter.join(row))]
    header = rows[0]
    if not (len(header) > 3 and "Student" in header[0] and "ID" in header[1]):
        found.broken.append("header: the first column must be Student and the second ID")
        return found
    student_columns, sis_user, sis_login = 3, None, None
    if re.search(r"SIS\s+Login\s+ID", header[2]):
        student_columns, sis_login = 4, 2
    elif re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        student_columns, sis_user, sis_login = 5, 2, 3
    if "Section" not in header[student_columns - 1]:
        found.broken.append(f"header: column {student_columns} must be Section")
        return found
    assignments = [(i, name) for i, name in enumerate(header) if i >= student_columns
                   and not _CANVAS_TOTALS.search(name)]
    for _, name in assignments:
        existing = re.fullmatch(r"(.*)\s\((\d+)\)", name, re.S)
        found.columns[name] = existing.group(2) if existing else "new"
    for row in rows[1:]:
        if len(row) != len(header):
            found.broken.append(f"row {row[:1]} has {len(row)} fields, the header {len(header)}")
            continue
        if "Points Possible" in row[0]:
            found.points = {name: row[i] for i, name in assignments}
            continue
        if all(re.fullmatch(r"\s*(Muted|Manual Posting.*)?\s*", cell, re.I) for cell in row):
            continue
        keys = [("ID", row[1])]
        keys += [("SIS User ID", row[sis_user])] if sis_user is not None else []
        keys += [("SIS Login ID", row[sis_login])] if sis_login is not None else []
        by, key = next(((by, key) for by, key in keys if key.strip()), ("Student", row[0]))
        if not key.strip():
            found.broken.append("a student row identifies nobody (no ID, SIS ID or name)")
            continue
        found.matched_by[key] = by
        found.grades[key] = {name: row[i].strip() for i, name in assignments}
        for name, grade in found.grades[key].items():
            if grade not in ("", "-", "EX") and not _number(grade.replace(",", ".")):
                found.broken.append(f"{key}: {grade!r} in {name!r} is not a score")
    for name, column in found.columns.items():
        if column == "new" and not _number(found.points.get(name, "")):
            found.broken.append(f"new assignment {name!r} has no points possible")
    return found


# ----------------------------------------------------------------------- Moodle


def moodle(text: str, map_from: str, map_to: str, users: set[str]) -> Imported:
    """Moodle's CSV grade import: the column `map_from` identifies users by `map_to` (userid, username,
    useridnumber or useremail) among `users`; every other column becomes a new grade item."""
    found = Imported()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # csv_import_reader
    rows = [row for row in _rows(text) if row and row != [""]]  # blank lines are ignored
    header = [name.strip() for name in rows[0]]
    if map_to not in ("userid", "username", "useridnumber", "useremail"):
        found.broken.append(f"{map_to!r} is not a user field Moodle maps to")
    if map_from not in header:
        found.broken.append(f"no column {map_from!r} to map users from")
        return found
    if "Last downloaded from this course" in header:
        found.broken.append("a 'Last downloaded from this course' column is checked against the grades' dates")
    identity = header.index(map_from)
    items = [(i, name) for i, name in enumerate(header) if i != identity]
    found.columns = {name: "new" for _, name in items}
    student = None  # load_data keeps the last student found: a row without one is graded as the previous
    for row in rows[1:]:
        if len(row) != len(header):
            found.broken.append("csvweirdcolumns: a row's number of fields differs from the header's")
            return found
        if len(row) <= 1:
            continue
        value = row[identity].strip()
        if value:
            if value not in users:
                found.broken.append(f"usermappingerror: no user with {map_to} {value!r}; the whole import stops")
                return found
            student = value
        elif student is None:
            found.broken.append("usermappingerrorusernotfound: a row identifies nobody")
            return found
        else:
            found.broken.append(f"a row without a {map_from} is graded as the previous row's student ({student})")
        found.matched_by[student] = map_from
        for i, name in items:
            grade = row[i].strip()
            if grade in ("", "-"):
                continue
            if not _number(grade):
                found.broken.append(f"badgrade: {grade!r} in {name!r} is not a number")
            elif float(grade) > 100:
                found.broken.append(f"gradevaluetoobig: {grade} in {name!r} is over gradepointmax (100)")
            found.grades.setdefault(student, {})[name] = grade
    return found


# ------------------------------------------------------------------- Blackboard


_BLACKBOARD_USER = frozenset({"Last Name", "First Name", "Username", "Student ID", "Last Access", "Availability"})


def blackboard(text: str, users: set[str]) -> Imported:
    """Blackboard Learn's Grade Center upload (comma-delimited .csv): every value in quotes, students by
    Username, a column named with `|ID` updates that column, any other creates a new one."""
    found = Imported()
    for number, line in enumerate(text.splitlines(), start=1):
        if line and not re.fullmatch(r'"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*', line):
            found.broken.append(f"line {number}: a value not contained within quotes")
    rows = _rows(text)
    header = rows[0]
    if text.startswith("\ufeff"):
        found.broken.append("a byte-order mark before the first header")
    if "Username" not in header:
        found.broken.append("no Username column: the upload fails")
        return found
    identity = header.index("Username")
    grades = [i for i, name in enumerate(header) if name not in _BLACKBOARD_USER]
    for i in grades:
        existing = re.search(r"\|(\d+)$", header[i])
        found.columns[header[i]] = existing.group(1) if existing else "new"
    for row in rows[1:]:
        if len(row) != len(header):
            found.broken.append("a record with another number of fields than the header")
            continue
        username = row[identity].strip()
        if not username:
            found.broken.append("a row without a Username: the upload fails")
            continue
        if username not in users:
            found.broken.append(f"{username!r} is not enrolled: the row is not processed")
            continue
        found.matched_by[username] = "Username"
        found.grades[username] = {header[i]: row[i] for i in grades}
        for name, grade in found.grades[username].items():
            if not _number(grade):
                found.broken.append(f"{username}: {grade!r} in {name!r} is not a number")
    return found


# ------------------------------------------------------------------------ plain


def plain(text: str, id_column: str = "student") -> Imported:
    """An RFC 4180 table of students: a header, then one record per student, each with as many fields,
    lines ending in CRLF; every column but the id is the student's (roster columns and grades alike)."""
    found = Imported()
    if (text and not text.endswith("\r\n")) or re.search(r"(?<!\r)\n", text):
        found.broken.append("a line break that is not CRLF")
    rows = _rows(text)
    header = rows[0]
    if header[:1] != [id_column]:
        found.broken.append(f"the first column is not {id_column!r}")
        return found
    if len(set(header)) != len(header):
        found.broken.append("a column name given twice")
    for row in rows[1:]:
        if len(row) != len(header):
            found.broken.append(f"record {row[:1]} has {len(row)} fields, the header {len(header)}")
            continue
        if row[0] in found.grades:
            found.broken.append(f"{row[0]!r} has two rows")
        found.matched_by[row[0]] = id_column
        found.grades[row[0]] = dict(zip(header[1:], row[1:]))
    return found
