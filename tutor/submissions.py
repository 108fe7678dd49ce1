"""Reading a class's answers: long CSV files, and YAML or JSON files of one student each.

Every file is untrusted. Whatever can't be used becomes a Problem (`FILE:LINE:
message`) and the rest is read: a bad row never stops its file, a bad file never
stops the run. Nothing is ever constructed from a file but text: YAML is only
composed (tags and anchors build nothing), JSON is scanned with positions.

    student,exercise,answer[,other columns kept as metadata]      (CSV, a header first)
    {student: alice, answers: {partial-x-3x2y3: "6xy^3", ...}}    (YAML or JSON)

A (student, exercise) pair given twice keeps the first and reports the second.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import yaml

from .limits import LIMITS, Limits
from .packs import Pack

COLUMNS = ("student", "exercise", "answer")
SUFFIXES = (".csv", ".yaml", ".yml", ".json")
_SHAPE = "a submission file is {student: ID, answers: {EXERCISE: ANSWER, ...}}"
_PLAIN_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool")}
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Submitted:
    """One answer as given: who, to what, the text, and where it was read."""

    student: str
    exercise: str
    text: str  # stripped; "" for no answer; cut to max_length + 1 (still too long, as it was)
    source: str  # FILE:LINE
    metadata: tuple[tuple[str, str], ...] = ()  # the CSV's other columns, or a file's other keys


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # None: about the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Submissions:
    answers: tuple[Submitted, ...]
    problems: tuple[Problem, ...]

    @property
    def students(self) -> tuple[str, ...]:
        return tuple(sorted({a.student for a in self.answers}))


def read_submissions(paths: Iterable[str | Path], pack: Pack, limits: Limits = LIMITS) -> Submissions:
    """Every answer in `paths` (files, or folders read recursively in name order)."""
    reader = _Reader(pack, limits)
    for path in paths:
        reader.path(Path(path))
    return Submissions(tuple(reader.answers), tuple(reader.problems))


def shown(text: str, limit: int = 60) -> str:
    """Untrusted text quoted for a message: control characters escaped, long text cut."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[: limit + 1])
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


class _Reader:
    def __init__(self, pack: Pack, limits: Limits):
        self.pack = pack
        self.limits = limits
        self.answers: list[Submitted] = []
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str], str] = {}  # (student, exercise) -> where it was first given

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def answer(self, file: str, line: int, student: str, exercise: str, text: str,
               metadata: tuple[tuple[str, str], ...] = ()) -> None:
        student, exercise, where = _clean(student).strip(), _clean(exercise).strip(), f"{file}:{line}"
        if not student:
            return self.problem(file, line, "no student id")
        try:
            self.pack.exercise(exercise)
        except KeyError as error:  # its sentence names the id, so only when the id is plain text
            plain = shown(exercise) == f"'{exercise}'"
            return self.problem(file, line, error.args[0] if plain else f"unknown exercise {shown(exercise)}")
        first = self.seen.setdefault((student, exercise), where)
        if first != where:
            return self.problem(file, line, f"student {shown(student)} already answered {exercise} "
                                            f"at {first}; this answer is ignored")
        # An answer longer than the limit stays longer than it, so it still gets `too_large`.
        text = _clean(text.strip()[: self.limits.max_length + 1])
        metadata = tuple((_clean(name), _clean(value)) for name, value in metadata)
        self.answers.append(Submitted(student, exercise, text, where, metadata))

    # ------------------------------------------------------------------ files

    def path(self, path: Path) -> None:
        if path.is_symlink():
            return self.problem(str(path), None, "a link; links are not followed")
        if path.is_dir():
            return self.folder(path)
        if not path.exists():
            return self.problem(str(path), None, "no such file or folder")
        if path.suffix.lower() not in SUFFIXES:
            return self.problem(str(path), None, "not a submissions file (.csv, .yaml, .yml or .json)")
        try:
            if path.suffix.lower() == ".csv":
                with path.open("rb") as stream:
                    self.csv(str(path), stream)
            else:
                self.document(path)
        except OSError as error:
            self.problem(str(path), None, f"can't read it ({error.strerror})")

    def folder(self, folder: Path) -> None:
        for root, folders, files in os.walk(folder):  # never follows linked folders
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    self.path(Path(root, name))

    # -------------------------------------------------------------------- CSV

    def csv(self, file: str, stream: BinaryIO) -> None:
        limit = self.limits.max_submission_bytes
        bad: dict[int, str] = {}
        reader = csv.reader(_lines(stream, limit, bad))
        header: dict[str, int] | None = None
        width = 0
        previous_limit = csv.field_size_limit(limit)  # a quoted field may span many lines
        try:
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as error:
                    self.problem(file, start, f"can't read this row ({error}); it is skipped")
                    continue
                flawed = [n for n in range(start, reader.line_num + 1) if n in bad]
                if flawed:
                    self.problem(file, flawed[0], f"{bad[flawed[0]]}; the row is skipped")
                    if header is None:
                        return
                    continue
                if not any(cell.strip() for cell in row):
                    continue
                if header is None:
                    header = self.header(file, start, row)
                    if header is None:
                        return
                    width = len(row)
                    continue
                if len(row) != width:
                    self.problem(file, start, f"the row has {len(row)} fields but the header has {width} "
                                              "(an answer with commas must be in double quotes); it is skipped")
                    continue
                metadata = tuple((name, row[i]) for name, i in header.items() if name not in COLUMNS)
                self.answer(file, start, row[header["student"]], row[header["exercise"]],
                            row[header["answer"]], metadata)
        finally:
            csv.field_size_limit(previous_limit)
        if header is None:
            self.problem(file, None, "no header row (student,exercise,answer)")

    def header(self, file: str, line: int, row: list[str]) -> dict[str, int] | None:
        names = [cell.strip().lower() or f"column {i + 1}" for i, cell in enumerate(row)]
        for name in COLUMNS:
            if name not in names:
                self.problem(file, line, f"no column '{name}' in the header (it needs student, exercise "
                                         f"and answer; it has {', '.join(shown(n, 20) for n in names[:10])})")
                return None
            if names.count(name) > 1:
                self.problem(file, line, f"the column '{name}' appears twice in the header")
                return None
        return {name: i for i, name in enumerate(names)}

    # ---------------------------------------------------------- YAML and JSON

    def document(self, path: Path) -> None:
        file, limit = str(path), self.limits.max_submission_bytes
        if path.stat().st_size > limit:
            return self.problem(file, None, f"larger than {limit:,} bytes; not read")
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            return self.problem(file, line, "not UTF-8 text; the file is not read")
        try:
            root = _from_json(text) if path.suffix.lower() == ".json" else _from_yaml(text)
        except _Unreadable as error:
            return self.problem(file, error.line, error.message)
        if root.kind != "mapping":
            return self.problem(file, root.line, _SHAPE)
        fields: dict[str, tuple[int, _Node]] = {}
        for key, line, value in root.pairs:
            if key in fields:
                self.problem(file, line, f"{shown(key)} is given twice")
            fields.setdefault(key, (line, value))
        student = fields.get("student", (root.line, _Node(root.line, "missing")))
        answers = fields.get("answers", (root.line, _Node(root.line, "missing")))
        if student[1].kind != "scalar" or not student[1].text.strip():
            return self.problem(file, student[0], f"no student id: {_SHAPE}")
        if answers[1].kind != "mapping":
            return self.problem(file, answers[0], f"no answers: {_SHAPE}")
        metadata = tuple((key, value.text) for key, (_, value) in fields.items()
                         if key not in ("student", "answers") and value.kind == "scalar")
        for exercise, line, value in answers[1].pairs:
            if value.kind not in ("scalar", "null"):
                self.problem(file, line, f"the answer to {shown(exercise)} must be text, in quotes if need be")
                continue
            self.answer(file, line, student[1].text, exercise, value.text or "", metadata)


def _clean(text: str) -> str:
    """Text that can be written as UTF-8: JSON can spell lone surrogates ("\\ud800")."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _lines(stream: BinaryIO, limit: int, bad: dict[int, str]) -> Iterator[str]:
    """Decoded lines for csv.reader; a line too long or not UTF-8 is noted in `bad` by number.

    A line longer than `limit` bytes is skipped without being held in memory.
    """
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            bad[number] = f"the line is longer than {limit:,} bytes"
            yield "\n"
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)  # spreadsheet programs write one
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad[number] = f"not UTF-8 text (byte {error.start + 1} of the line)"
            yield raw.decode("utf-8", "replace")


# ------------------------------------------------------ documents, with lines


@dataclass(frozen=True)
class _Node:
    """A value of a YAML or JSON file, read only as deep as a submission goes."""

    line: int
    kind: str  # scalar | null | mapping | other | missing
    text: str | None = None
    pairs: tuple[tuple[str, int, "_Node"], ...] = ()  # for a mapping: key, its line, value


class _Unreadable(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message


_DEPTH = 2  # {student, answers: {exercise: text}}: nothing deeper is ever read


def _from_yaml(text: str) -> _Node:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise _Unreadable(mark.line + 1 if mark else None,
                          f"not valid YAML: {getattr(error, 'problem', None) or error}")
    except RecursionError:
        raise _Unreadable(None, "nested too deeply")
    if root is None:
        raise _Unreadable(None, f"empty: {_SHAPE}")
    return _yaml_node(root, 0)


def _yaml_node(node: yaml.Node, depth: int) -> _Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return _Node(line, "null")
    if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_SCALARS:
        return _Node(line, "scalar", str(node.value))  # as written: 0.50 stays 0.50
    if isinstance(node, yaml.MappingNode) and depth < _DEPTH:
        return _Node(line, "mapping", pairs=tuple(
            (str(key.value) if isinstance(key, yaml.ScalarNode) else "?", key.start_mark.line + 1,
             _yaml_node(value, depth + 1)) for key, value in node.value))
    return _Node(line, "other")  # a list, a deeper mapping, or a tagged value


def _from_json(text: str) -> _Node:
    """JSON read by the standard scanner, keeping the line of every key."""
    scanner = _JsonScanner(text)
    try:
        node, end = scanner.value(scanner.skip(0), 0)
        if scanner.skip(end) != len(text):
            raise json.JSONDecodeError("Extra data", text, scanner.skip(end))
    except json.JSONDecodeError as error:
        raise _Unreadable(error.lineno, f"not valid JSON: {error.msg}")
    except RecursionError:
        raise _Unreadable(None, "nested too deeply")
    return node


class _JsonScanner:
    _decoder = json.JSONDecoder()

    def __init__(self, text: str):
        self.text = text
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line(self, at: int) -> int:
        return bisect.bisect_left(self.newlines, at) + 1

    def skip(self, at: int) -> int:
        while at < len(self.text) and self.text[at] in " \t\r\n":
            at += 1
        return at

    def value(self, at: int, depth: int) -> tuple[_Node, int]:
        line = self.line(at)
        if not (self.text.startswith("{", at) and depth < _DEPTH):
            value, end = self._decoder.raw_decode(self.text, at)
            if value is None:
                return _Node(line, "null"), end
            if isinstance(value, (dict, list)):
                return _Node(line, "other"), end
            scalar = value if isinstance(value, str) else self.text[at:end]  # numbers as written
            return _Node(line, "scalar", scalar), end
        pairs = []
        at = self.skip(at + 1)
        if self.text.startswith("}", at):
            return _Node(line, "mapping"), at + 1
        while True:
            if not self.text.startswith('"', at):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", self.text, at)
            key, end = json.decoder.scanstring(self.text, at + 1)
            key_line, at = self.line(at), self.skip(end)
            if not self.text.startswith(":", at):
                raise json.JSONDecodeError("Expecting ':' delimiter", self.text, at)
            value, end = self.value(self.skip(at + 1), depth + 1)
            pairs.append((key, key_line, value))
            at = self.skip(end)
            if self.text.startswith("}", at):
                return _Node(line, "mapping", pairs=tuple(pairs)), at + 1
            if not self.text.startswith(",", at):
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, at)
            at = self.skip(at + 1)
