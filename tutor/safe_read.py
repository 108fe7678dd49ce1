"""Untrusted files read in bounded memory and time, with the line of everything read.

- `read_file`: a regular file's bytes, up to a limit; a FIFO, a device, a folder
  or a loop of links is refused, never waited on.
- `csv_rows`: a CSV byte stream split into rows by the csv module's own quoting
  rules *before* anything is decoded or parsed, so one bad row (too long, not
  UTF-8, a quote never closed within the limit) is that row's problem alone.
- `text_lines`: the same for lines.
- `compose_yaml`: the one place YAML is read, for packs and submissions alike.
  It is only composed (no tag or anchor ever builds anything), counting as it
  goes the values and the depth each node stands for once aliases are
  expanded, so an alias bomb or deep nesting is refused before anything walks
  it; tags other than the plain ones are listed.
- `read_yaml` / `read_json`: a submission document read only as deep as a
  submission goes ({key: {key: text}}), as text; JSON is scanned by the
  standard scanner with positions.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import errno
import json
import os
import re
import stat
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from json.decoder import scanstring  # type: ignore[attr-defined]  # public since 2.6, absent from the stubs
from pathlib import Path
from typing import BinaryIO

import yaml

from .errors import TutorError
from .yaml_errors import describe

# ---------------------------------------------------------------------- CSV

_CHUNK = 1 << 16
_SPECIAL = re.compile(rb'[",\n]')  # ASCII: never part of a multi-byte UTF-8 character
_QUOTE, _COMMA, _NEWLINE = ord('"'), ord(","), ord("\n")


@dataclass(frozen=True)
class Row:
    line: int  # where the row starts (1-based)
    cells: list[str] | None  # None when the row can't be read
    problem: str = ""
    start: bytes = b""  # a row that can't be read: its first line, whose leading fields may still be read
    not_utf8: bool = False  # can't be read for its bytes: the whole file's encoding is at fault, not the row


_MAX_ROW_LINES = 100  # lines one quoted field may run over
UNBALANCED = ("a double quote opened on this line is never closed (an answer with commas goes in double "
              "quotes, closed on the same row)")


def stray(end: int) -> str:
    """The problem of a quote that runs over lines which are rows of their own."""
    return (f"a double quote opened on this line is closed only at line {end}, over lines that are rows of "
            "their own: they are read as rows (remove the stray quote, or close it on this line)")


def csv_rows(stream: BinaryIO, limit: int, is_row: Callable[[list[str]], bool] | None = None) -> Iterator[Row]:
    """Each row of a CSV file whose first row is a header; one over `limit` bytes is reported, never held
    whole (its first line's fields that fit are still given as its `start`).

    A quoted field may run over several lines, as CSV allows. But a quote still open at the end of
    the file, after `limit` bytes or after 100 lines, or whose row then has another number of
    fields than the header, is unbalanced: the row of its first line is reported, and the lines
    after it are read again, as rows of their own. So is one that a strict reader refuses (its
    closing quote glued to more text: `"0.64` closing a stray quote opened lines before), or that
    holds a line that `is_row` says is a row of its own: a stray quote, closed by another one.
    """
    lines = _byte_lines(stream, limit)
    again: deque[tuple[int, bytes, bool] | None] = deque()  # lines to read again; None: the end
    pending: list[tuple[int, bytes]] = []  # the lines of a row whose quote is open
    splitter, width = _RowSplitter(), None

    def unbalanced() -> Row:
        nonlocal pending, splitter
        again.extendleft((number, data, False) for number, data in reversed(pending[1:]))
        (first, start), pending, splitter = pending[0], [], _RowSplitter()
        return Row(first, None, UNBALANCED, start)

    while True:
        line = again.popleft() if again else next(lines, None)
        if line is None or line[2]:  # the end, or a line too long to hold
            if pending:
                again.appendleft(line)
                yield unbalanced()
                continue
            if line is None:
                return
            # its fields up to the last comma held are whole: the student's may be among them (finding 684)
            number, head, _ = line
            yield Row(number, None, f"the row is longer than {limit:,} bytes", head[:max(head.rfind(b","), 0)])
            continue
        number, data, _ = line
        pending.append((number, data))
        if splitter.ends(data):
            row = _row(b"\n".join(data for _, data in pending), pending[0][0], False, limit)
            if len(pending) > 1 and row.cells is not None and width is not None and len(row.cells) != width:
                yield unbalanced()
                continue
            if len(pending) > 1 and row.cells is not None and _stray(pending, is_row):
                end = pending[-1][0]
                yield replace(unbalanced(), problem=stray(end))
                continue
            if width is None and row.cells and any(cell.strip() for cell in row.cells):
                width = len(row.cells)
            pending, splitter = [], _RowSplitter()
            yield row
        elif len(pending) >= _MAX_ROW_LINES or sum(len(data) for _, data in pending) > limit:
            yield unbalanced()


def _stray(lines: list[tuple[int, bytes]], is_row: Callable[[list[str]], bool] | None) -> bool:
    """Whether a quoted field over `lines` is a stray quote: strict CSV refuses it (non-strict csv
    glues `"0.64` on after the quote that closes it), or a line inside it is a row of its own."""
    text = b"\n".join(data for _, data in lines).decode("utf-8", "replace")
    try:
        next(csv.reader([text], strict=True, skipinitialspace=True), [])
    except csv.Error:
        return True
    return is_row is not None and any(
        is_row(next(csv.reader([data.decode("utf-8", "replace")], skipinitialspace=True), []))
        for _, data in lines[1:])


def _byte_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, the line without its newline, whether it is over `limit` bytes) for each line; of a line
    over the limit only its first `limit` bytes are held and given."""
    number, held, over, told = 0, bytearray(), False, False
    while chunk := stream.read(_CHUNK):
        begin = 0
        while (end := chunk.find(b"\n", begin)) >= 0:
            number += 1
            line = bytes(held + chunk[begin:end]) if held else chunk[begin:end]
            if not told:
                yield number, line[:limit], over or len(line) > limit
            held.clear()
            over, told, begin = False, False, end + 1
        held += chunk[begin:]
        if len(held) > limit:
            over = True
            del held[limit:]
            if not told:  # said at once, not at a newline that may never come (a stream of zeros)
                yield number + 1, bytes(held), True
                told = True
    if (held or over) and not told:
        yield number + 1, bytes(held), over


def _row(data: bytes, line: int, over: bool, limit: int) -> Row:
    if over:
        return Row(line, None, f"the row is longer than {limit:,} bytes")
    if line == 1:
        data = data.removeprefix(codecs.BOM_UTF8)  # spreadsheet programs write one
    if line == 1 and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Row(line, None, UTF16)
    start = data.partition(b"\n")[0]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        column = error.start - data.rfind(b"\n", 0, error.start)
        guess = cp1252(data, error.start)
        return Row(line + data.count(b"\n", 0, error.start), None,
                   f"not UTF-8 text (byte {column} of the line)"
                   f"{f': it looks like Windows-1252 ({guess})' if guess else ''}; {SAVE_AS_UTF8}", start,
                   not_utf8=True)
    try:
        # spaces after a comma, as typed by hand (`s12, crit, "(4, -1)"`), are skipped: a quote after them opens
        return Row(line, next(csv.reader([text], skipinitialspace=True), []))  # a field, as a person means it
    except csv.Error as error:
        # a file of lines ending in \n (this row is not its first line): a carriage return within it is in a field
        stray = re.search(r"\r(?!\n|$)", text) if line > 1 else None
        if stray is not None:
            column = stray.start() - text.rfind("\n", 0, stray.start())
            return Row(line, None, f"an invisible carriage return in the row (character {column} of the line), "
                                   "perhaps pasted with the text: delete it", start)
        if "\r" in text:  # csv.Error's own words ask for Python's universal-newline mode
            return Row(line, None, "its lines end with a carriage return alone (a Mac CSV of old): save the file as "
                                   "CSV UTF-8 and try again", start)
        return Row(line, None, f"can't read this row ({error})", start)


def leading_fields(line: bytes, count: int) -> list[str] | None:
    """The first `count` fields of a row's first line, where each can be read exactly: unquoted, or quoted and
    closed right before its comma, and UTF-8. None otherwise: what a broken quote holds is never guessed at."""
    line = line.removesuffix(b"\r")  # a Windows line's end
    fields: list[str] = []
    at = 0
    while len(fields) < count:
        while line[at:at + 1] == b" ":  # skipped as csv_rows skips them
            at += 1
        if line[at:at + 1] == b'"':
            end, value = at + 1, bytearray()
            while (close := line.find(b'"', end)) >= 0 and line[close + 1:close + 2] == b'"':
                value += line[end:close + 1]  # "" is a quote
                end = close + 2
            if close < 0 or line[close + 1:close + 2] not in (b",", b""):
                return None
            value += line[end:close]
            data, at = bytes(value), close + 1
        else:
            comma = line.find(b",", at)
            data, at = line[at:len(line) if comma < 0 else comma], len(line) if comma < 0 else comma
        try:
            fields.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            return None
        if at >= len(line) and len(fields) < count:
            return None
        at += 1  # past the comma
    return fields


SAVE_AS_UTF8 = "save the file as CSV UTF-8 (comma delimited) and try again"
SEPARATORS = {";": "';'", "\t": "tabs"}  # what a spreadsheet saves a CSV with in some locales, and as 'Text'
UTF16 = f"the file is UTF-16 (Excel's Unicode Text), not UTF-8: {SAVE_AS_UTF8}"


def cp1252(data: bytes, at: int) -> str:
    """The byte at `at` read as Windows-1252 (a spreadsheet's "CSV" on Windows), quoted; "" where the text is not
    Windows-1252 either: a byte it has no character for, or one read as a control character (binary junk)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not all(c.isprintable() or c in "\t\r\n" for c in text):
        return ""
    guess = data[at:at + 1].decode("cp1252")
    return f"'{guess}'" if guess.isprintable() else ""


class _RowSplitter:
    """Where rows end, by the rules of csv.reader's default dialect with skipinitialspace.

    A quote opens a quoted field only at the start of a field, after any spaces;
    inside one, "" is a quote and a lone quote closes it; a newline ends the row
    only outside.
    """

    def __init__(self) -> None:
        self.quoted = False
        self.closing = False  # in a quoted field just after a quote: "" or the end of the field
        self.field_start = True

    def ends(self, line: bytes) -> bool:
        """Whether the row ends with this line (its newline outside any quotes)."""
        return any(True for _ in self.row_ends(line + b"\n"))

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
                self._ordinary(chunk[last + 1:at])
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
            self._ordinary(chunk[last + 1:])

    def _ordinary(self, text: bytes) -> None:
        if self.closing:
            self.closing = self.quoted = False
        if not self.quoted and text.strip(b" "):  # spaces alone leave the field's start to come
            self.field_start = False


# -------------------------------------------------------------------- lines


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str | None  # without its line ending; None when it can't be read
    problem: str = ""


def text_lines(stream: BinaryIO, limit: int) -> Iterator[Line]:
    """Each line of a byte stream as text; one too long (never held) or not UTF-8 is that line's problem."""
    for number, data, over in _byte_lines(stream, limit):
        yield _line(number, data, over, limit)


def _line(number: int, data: bytes, over: bool, limit: int) -> Line:
    if over:
        return Line(number, None, f"the line is longer than {limit:,} bytes")
    if number == 1:
        data = data.removeprefix(codecs.BOM_UTF8)  # Windows tools write one
    try:
        return Line(number, data.removesuffix(b"\r").decode("utf-8"))
    except UnicodeDecodeError as error:
        return Line(number, None, f"not UTF-8 text (byte {error.start + 1} of the line)")


# -------------------------------------------------------------------- files


class FileRefused(Exception):
    """A file that is not read: the message says why."""


def resolved(path: Path) -> Path:
    """The path with its links followed, to compare places by; a loop of links (Python < 3.13 raises RuntimeError
    for one: outside check h74, J1, a crash) as it is written, absolute: it leads nowhere, as a link to nothing
    does, which is what reading or writing there says."""
    try:
        return path.resolve()
    except RuntimeError:
        return path.absolute()


def open_file(path: Path) -> BinaryIO:
    """A regular file opened for reading (FileRefused for anything else, OSError if it can't be opened).

    Opened without blocking and checked once open: a FIFO put in its place can't make us wait."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused("a loop of links") from None
        raise
    kind = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(kind):
        os.close(descriptor)
        raise FileRefused("a folder" if stat.S_ISDIR(kind) else "not a regular file (a FIFO or a device)")
    return os.fdopen(descriptor, "rb")


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (FileRefused otherwise, OSError if unreadable)."""
    with open_file(path) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(f"larger than {limit:,} bytes")
    return data


# --------------------------------------------------------------------- YAML

PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


class YamlError(Exception):
    """YAML that is not read: not valid, or past a limit. `line` and `column` are 1-based, when known."""

    def __init__(self, line: int | None, column: int | None, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(frozen=True)
class Composed:
    root: yaml.Node | None  # None for an empty document
    tagged: tuple[yaml.Node, ...]  # nodes with a tag other than the plain ones, in the order of the file


def compose_yaml(text: str, max_values: int, max_depth: int, prose: Callable[[str], bool | None] | None = None
                 ) -> Composed:
    """The document's node graph, never constructed, within `max_values` values and `max_depth`
    levels once its aliases are expanded. `prose`: which keys hold text a student reads, for the fix an error
    suggests (yaml_errors.describe)."""
    composer = _Composer(text, max_values, max_depth)
    try:
        root = composer.get_single_node()
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, before any token is read
        line, column = _position(text, error)
        raise YamlError(line, column, f"not valid YAML: {describe(error)}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours when it reads ahead
            raise composer.refuse(mark, f"nested more than {max_depth} levels deep") from None
        raise YamlError(mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                        f"not valid YAML: {describe(error, text, prose)}") from None
    return Composed(root, tuple(composer.tagged))


def _position(text: str, error: yaml.reader.ReaderError) -> tuple[int | None, int | None]:
    """The line and column (1-based) of the character refused. libyaml counts its position in bytes,
    PyYAML in characters; either way it is the first character YAML does not allow, so the first of its kind."""
    at = text.find(chr(error.character)) if isinstance(error.character, int) else -1
    if at < 0:
        return None, None
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


try:  # libyaml's parser: events from C, ten times faster; it refuses nesting past 1,000 by itself
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML without libyaml: the pure-Python reader, scanner and parser
    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _Composer(_Parser, yaml.composer.Composer, yaml.resolver.Resolver):
    """PyYAML's composer, in Python whatever the parser (libyaml's composer recurses in C and crashes
    on [[[[... 60,000 deep), counting what each node stands for as it composes."""

    get_single_node = yaml.composer.Composer.get_single_node  # not the C parser's own composer
    compose_document = yaml.composer.Composer.compose_document
    compose_scalar_node = yaml.composer.Composer.compose_scalar_node
    compose_sequence_node = yaml.composer.Composer.compose_sequence_node
    compose_mapping_node = yaml.composer.Composer.compose_mapping_node

    def __init__(self, text: str, max_values: int, max_depth: int):
        _Parser.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.max_values, self.max_depth = max_values, max_depth
        self.sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, depth), aliases expanded
        self.open: set[str] = set()  # anchors of the nodes being composed
        self.depth = 0
        self.total = 0  # values composed so far, aliases expanded
        self.tagged: list[yaml.Node] = []

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open:
                raise self.refuse(event.start_mark, f"the alias *{event.anchor} refers to a value that contains it")
            node = yaml.composer.Composer.compose_node(self, parent, index)
            self.count(self.sizes[id(node)][0], event.start_mark)
            return node
        self.count(1, event.start_mark)  # as it goes: a long flat list is refused before its end
        self.depth += 1
        if self.depth > self.max_depth:
            raise self.refuse(event.start_mark, f"nested more than {self.max_depth} levels deep")
        if event.anchor is not None:
            self.open.add(event.anchor)
        node = yaml.composer.Composer.compose_node(self, parent, index)
        self.open.discard(event.anchor)
        self.depth -= 1
        if node.tag not in PLAIN_TAGS:
            self.tagged.append(node)
        children = [self.sizes[id(child)] for child in _children(node)]
        values = 1 + sum(size for size, _ in children)
        depth = 1 + max((depth for _, depth in children), default=0)
        if values > self.max_values:
            raise self.refuse(node.start_mark, f"more than {self.max_values:,} values, counting each alias in full")
        if depth > self.max_depth:
            raise self.refuse(node.start_mark, f"nested more than {self.max_depth} levels deep once its aliases "
                                               "are expanded")
        self.sizes[id(node)] = (values, depth)
        return node

    def count(self, values: int, mark) -> None:  # noqa: ANN001 - a PyYAML Mark
        """The document so far, aliases expanded: every value composed, and each alias's values again."""
        self.total += values
        if self.total > self.max_values:
            raise self.refuse(mark, f"more than {self.max_values:,} values, counting each alias in full")

    @staticmethod
    def refuse(mark, message: str) -> YamlError:  # noqa: ANN001 - a PyYAML Mark
        return YamlError(mark.line + 1, mark.column + 1, message)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


# ------------------------------------------------------- submission documents


@dataclass(frozen=True)
class Node:
    """A value of a document, read no deeper than {key: {key: text}}."""

    line: int
    kind: str  # scalar | null | mapping | tagged (text: its tag) | other (a list, a deeper mapping)
    text: str = ""
    pairs: tuple[tuple[str, int, Node], ...] = ()  # a mapping's keys, their lines, their values


class Unreadable(TutorError):
    """A submissions file that can't be read, and the line (1-based) where that shows, if known."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line


_DEPTH = 2
_NULL = "tag:yaml.org,2002:null"
_SCALARS = PLAIN_TAGS - {_NULL, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def read_yaml(text: str, max_values: int, max_depth: int) -> Node | None:
    """The document (None when empty)."""
    try:
        root = compose_yaml(text, max_values, max_depth).root
    except YamlError as error:
        raise Unreadable(error.line, error.message) from None
    return None if root is None else _yaml_node(root, 0)


def _yaml_node(node: yaml.Node, depth: int) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
        return Node(line, "null")
    if isinstance(node, yaml.ScalarNode) and node.tag in _SCALARS:
        return Node(line, "scalar", str(node.value))  # as written: 0.50 stays 0.50
    if isinstance(node, yaml.MappingNode) and node.tag in PLAIN_TAGS and depth < _DEPTH:
        return Node(line, "mapping", pairs=tuple(
            (str(key.value) if isinstance(key, yaml.ScalarNode) else "?", key.start_mark.line + 1,
             _yaml_node(value, depth + 1)) for key, value in node.value))
    if node.tag not in PLAIN_TAGS:  # !!python/object/apply:…: never built, and said so
        return Node(line, "tagged", node.tag.replace("tag:yaml.org,2002:", "!!"))
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
        raise Unreadable(error.lineno, f"not valid JSON: {json_problem(error)}") from None
    except RecursionError:
        raise Unreadable(None, "nested too deeply") from None
    return node


# Python's JSON messages, said as the YAML reader's are: what is wrong, where, and the likely fix
_JSON_PROBLEMS = {
    "Unterminated string starting at": "the quote at {at} is never closed; add the closing quote",
    "Expecting value": "a value is missing at {at}",
    # JSON's decoder says this of a key in single quotes or none, and of a comma left before '}' (outside check h41,
    # N4: only the comma was named)
    "Expecting property name enclosed in double quotes": "a key in double quotes is expected at {at} (JSON takes "
                                                         "no single quotes, and no comma before a closing brace)",
    "Expecting ':' delimiter": "a ':' is missing after the key, at {at}",
    "Expecting ',' delimiter": "a ',' is missing at {at}",
    "Extra data": "more follows the document at {at}; a file holds one",
    "Invalid control character at": "a control character inside the string at {at}; write a line break as \\n "
                                    "and a tab as \\t",
    "Invalid \\escape": "the backslash at {at} starts no escape; write a backslash as \\\\",
    "Invalid \\uXXXX escape": "the \\u at {at} is not followed by four hexadecimal digits",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": "a byte order mark (U+FEFF) at {at}, which only the start of a "
                                                     "file may have; take it out",
}


def writable(text: str) -> str:
    """Text that can be written as UTF-8: JSON can spell lone surrogates ("\\ud800"), each kept as that
    escape, so that two texts that differ stay apart (an id "x\\ud800" is not "x\\ud801", nor "x?")."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def json_problem(error: json.JSONDecodeError, at: str | None = None, whole: str = "file") -> str:
    """What is wrong with a JSON text (a file, or a `whole` line of one), in a sentence, `at` where (its line and
    column unless told)."""
    at = at or f"line {error.lineno}, column {error.colno}"
    if error.pos >= len(error.doc.rstrip()):  # nothing after it: cut short, not mistyped
        return f"the {whole} ends at {at} before the document does; is it complete?"
    if error.msg in ("Expecting value", "Expecting property name enclosed in double quotes") \
            and error.doc.startswith("'", error.pos):  # a value (outside check h43, N5) or a key (h44, N6)
        return f"a text in single quotes at {at}; JSON takes double quotes: \"like this\""
    template = _JSON_PROBLEMS.get(error.msg)
    return template.format(at=at) if template else f"{error.msg[0].lower()}{error.msg[1:]} at {at}"


class _JsonScanner:
    # Numbers are kept as written, never converted: int() refuses more than 4,300 digits with a ValueError.
    _decoder = json.JSONDecoder(parse_int=str, parse_float=str)

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
            scalar = value if isinstance(value, str) else self.text[at:end]  # true, false, NaN as written
            return Node(line, "scalar", scalar), end
        pairs = []
        at = self.skip(at + 1)
        if self.text.startswith("}", at):
            return Node(line, "mapping"), at + 1
        while True:
            if not self.text.startswith('"', at):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", self.text, at)
            key, end = scanstring(self.text, at + 1)
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
