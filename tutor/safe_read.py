"""Untrusted files read in bounded memory, with the line of everything read.

- `csv_rows`: a CSV byte stream split into rows by the csv module's own quoting
  rules *before* anything is decoded or parsed, so one bad row (too long, not
  UTF-8, a quote never closed within the limit) is that row's problem alone.
- `read_yaml` / `read_json`: a document read only as deep as a submission goes
  ({key: {key: text}}), as text: YAML is only composed (no tag or anchor ever
  builds anything), JSON is scanned by the standard scanner with positions.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import json
import re
from dataclasses import dataclass
from typing import BinaryIO, Iterator

import yaml

from .errors import TutorError

# ---------------------------------------------------------------------- CSV

_CHUNK = 1 << 16
_SPECIAL = re.compile(rb'[",\n]')  # ASCII: never part of a multi-byte UTF-8 character
_QUOTE, _COMMA, _NEWLINE = ord('"'), ord(","), ord("\n")


@dataclass(frozen=True)
class Row:
    line: int  # where the row starts (1-based)
    cells: list[str] | None  # None when the row can't be read
    problem: str = ""


def csv_rows(stream: BinaryIO, limit: int) -> Iterator[Row]:
    """Each row of a CSV file; a row over `limit` bytes is reported, never held."""
    splitter = _RowSplitter()
    held, over, start, newlines = bytearray(), False, 1, 0

    def hold(piece: bytes) -> None:
        nonlocal over, newlines
        newlines += piece.count(b"\n")
        over = over or len(held) + len(piece) > limit
        if over:
            held.clear()
        else:
            held.extend(piece)

    while chunk := stream.read(_CHUNK):
        begin = 0
        for end in splitter.row_ends(chunk):
            hold(chunk[begin:end + 1])
            yield _row(bytes(held), start, over, limit)
            held.clear()
            start, newlines, over, begin = start + newlines, 0, False, end + 1
        hold(chunk[begin:])
    if held or over:
        yield _row(bytes(held), start, over, limit)


def _row(data: bytes, line: int, over: bool, limit: int) -> Row:
    if over:
        return Row(line, None, f"the row is longer than {limit:,} bytes")
    if line == 1:
        data = data.removeprefix(codecs.BOM_UTF8)  # spreadsheet programs write one
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        column = error.start - data.rfind(b"\n", 0, error.start)
        return Row(line + data.count(b"\n", 0, error.start), None,
                   f"not UTF-8 text (byte {column} of the line)")
    try:
        return Row(line, next(csv.reader([text]), []))
    except csv.Error as error:
        return Row(line, None, f"can't read this row ({error})")


class _RowSplitter:
    """Where rows end, by the rules of csv.reader's default dialect.

    A quote opens a quoted field only at the start of a field; inside one, ""
    is a quote and a lone quote closes it; a newline ends the row only outside.
    """

    def __init__(self) -> None:
        self.quoted = False
        self.closing = False  # in a quoted field just after a quote: "" or the end of the field
        self.field_start = True

    def row_ends(self, chunk: bytes) -> Iterator[int]:
        begin = 0
        while (end := chunk.find(b"\n", begin)) >= 0:
            if self.quoted or self.closing or b'"' in chunk[begin:end]:
                yield from self._scan(chunk[begin:end + 1], begin)
            else:  # most lines: no quotes, so the newline ends the row
                self.field_start = True
                yield end
            begin = end + 1
        yield from self._scan(chunk[begin:], begin)

    def _scan(self, chunk: bytes, offset: int) -> Iterator[int]:
        last = -1
        for match in _SPECIAL.finditer(chunk):
            at = match.start()
            if at > last + 1:
                self._ordinary()
            last = at
            char = chunk[at]
            if self.closing:
                self.closing = False
                if char == _QUOTE:
                    continue
                self.quoted = False
            if self.quoted:
                self.closing = char == _QUOTE
            elif char == _NEWLINE:
                self.field_start = True
                yield offset + at
            else:
                self.quoted = char == _QUOTE and self.field_start
                self.field_start = char == _COMMA
        if len(chunk) > last + 1:
            self._ordinary()

    def _ordinary(self) -> None:
        if self.closing:
            self.closing = self.quoted = False
        if not self.quoted:
            self.field_start = False


# ------------------------------------------------------------ YAML and JSON


@dataclass(frozen=True)
class Node:
    """A value of a document, read no deeper than {key: {key: text}}."""

    line: int
    kind: str  # scalar | null | mapping | other (a list, a deeper mapping, a tagged value)
    text: str = ""
    pairs: tuple[tuple[str, int, "Node"], ...] = ()  # a mapping's keys, their lines, their values


class Unreadable(TutorError):
    """A submissions file that can't be read, and the line (1-based) where that shows, if known."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line


_DEPTH = 2
_PLAIN_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool")}
_NULL = "tag:yaml.org,2002:null"


def read_yaml(text: str) -> Node | None:
    """The document (None when empty)."""
    try:  # the pure-Python loader: libyaml's recurses in C and crashes on [[[[... 60,000 deep
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise Unreadable(mark.line + 1 if mark else None,
                         f"not valid YAML: {getattr(error, 'problem', None) or error}")
    except RecursionError:
        raise Unreadable(None, "nested too deeply")
    return None if root is None else _yaml_node(root, 0)


def _yaml_node(node: yaml.Node, depth: int) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return Node(line, "null")
    if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_SCALARS:
        return Node(line, "scalar", str(node.value))  # as written: 0.50 stays 0.50
    if isinstance(node, yaml.MappingNode) and depth < _DEPTH:
        return Node(line, "mapping", pairs=tuple(
            (str(key.value) if isinstance(key, yaml.ScalarNode) else "?", key.start_mark.line + 1,
             _yaml_node(value, depth + 1)) for key, value in node.value))
    return Node(line, "other")


def read_json(text: str) -> Node | None:
    """The document (None when empty), keeping the line of every key."""
    if not text.strip():
        return None
    scanner = _JsonScanner(text)
    try:
        node, end = scanner.value(scanner.skip(0), 0)
        if scanner.skip(end) != len(text):
            raise json.JSONDecodeError("Extra data", text, scanner.skip(end))
    except json.JSONDecodeError as error:
        raise Unreadable(error.lineno, f"not valid JSON: {error.msg}")
    except RecursionError:
        raise Unreadable(None, "nested too deeply")
    return node


class _JsonScanner:
    _decoder = json.JSONDecoder()

    def __init__(self, text: str):
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, at: int) -> int:
        return bisect.bisect_left(self.newlines, at) + 1

    def skip(self, at: int) -> int:
        while at < len(self.text) and self.text[at] in " \t\r\n":
            at += 1
        return at

    def value(self, at: int, depth: int) -> tuple[Node, int]:
        line = self.line(at)
        if not (self.text.startswith("{", at) and depth < _DEPTH):
            value, end = self._decoder.raw_decode(self.text, at)
            if value is None:
                return Node(line, "null"), end
            if isinstance(value, (dict, list)):
                return Node(line, "other"), end
            scalar = value if isinstance(value, str) else self.text[at:end]  # numbers as written
            return Node(line, "scalar", scalar), end
        pairs = []
        at = self.skip(at + 1)
        if self.text.startswith("}", at):
            return Node(line, "mapping"), at + 1
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
                return Node(line, "mapping", pairs=tuple(pairs)), at + 1
            if not self.text.startswith(",", at):
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, at)
            at = self.skip(at + 1)
