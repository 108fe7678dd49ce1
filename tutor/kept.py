"""The writes of progress the database has not taken yet, kept in a file beside it (`PATH.unsaved.json`).

This module alone reads, writes and merges that file. Each write carries a key of its own, which the
database records as it takes the write (store.py): a write read back from the file twice (by two
sessions at once, or after a kill between saving it and rewriting the file) is saved once. A file, or a
write in it, that this tutor can't read as its own is set aside (`.damaged`), named, never a crash.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from .outputs import OutputError, first_free, write_together
from .safe_read import FileRefused, read_file

_MAX_BYTES = 1 << 24  # far above what a session keeps (a write is about 200 bytes)
_SQLITE_INT = 1 << 63
_COUNT = 1 << 31  # hints, a 0/1 flag: what a count can be


def _is_id(value: object) -> bool:
    return type(value) is int and -_SQLITE_INT <= value < _SQLITE_INT


def _is_count(value: object) -> bool:
    return type(value) is int and 0 <= value < _COUNT


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


def _is_optional_id(value: object) -> bool:
    return value is None or _is_id(value)


def _is_integer(value: object) -> bool:
    """A number SQLite keeps as an integer (a seed): not an id of a row."""
    return _is_id(value)


def _are_skills(value: object) -> bool:
    """Skill names, printed by `tutor progress`: printable text only (an escape sequence is not a skill)."""
    return isinstance(value, list) and all(isinstance(s, str) and s.isprintable() and s for s in value)


# Each kind of write: its arguments, in order, as Store gives them (the last ones, where optional, were added
# later: a file kept by an older tutor leaves them out). The ids among them name rows written earlier,
# negative while those are provisional (not written yet).
_ID = _is_id
_ARGUMENTS: dict[str, tuple[tuple[Callable[[object], bool], ...], int]] = {  # (checks, how many may be left out)
    "student": ((_is_text, _ID), 0),
    "session": ((_ID, _is_text, _is_integer, _ID, _is_optional_text, _is_optional_id), 2),
    "end": ((_ID,), 0),
    "topic": ((_ID, _is_optional_text), 0),
    "shown": ((_ID, _ID, _is_text, _is_text, _is_text, _ID), 0),
    "help": ((_ID, _is_count, _is_count), 0),
    "attempt": ((_ID, _ID, _is_text, _is_text, _is_text, _is_text, _is_text, _is_text, _is_count, _are_skills,
                 _is_optional_id), 1),
    "review": ((_ID, _is_text, _is_text), 0),
}
KINDS = tuple(_ARGUMENTS)
# where a write's arguments hold ids of rows
ID_POSITIONS = {kind: tuple(i for i, check in enumerate(checks) if check in (_is_id, _is_optional_id))
                for kind, (checks, _) in _ARGUMENTS.items()}

_PREFIX = secrets.token_hex(6)  # this process's keys: unlike any other's
_made = 0


def new_key() -> str:
    global _made
    _made += 1
    return f"{_PREFIX}-{_made}"


@dataclass(frozen=True)
class Write:
    """A write the database has not taken yet: kept, in order, until it does."""

    kind: str  # student | session | end | attempt | review | shown | topic | help
    args: tuple
    at: str  # when it happened (an attempt saved later keeps its own time)
    key: str  # the same in every copy of it, so that it is saved once


def _record(write: Write) -> dict:
    return {"kind": write.kind, "args": list(write.args), "at": write.at, "key": write.key}


def _write(item: object) -> Write | None:
    """The write a record of the file holds, if it is one this tutor knows whole."""
    if not (isinstance(item, dict) and item.get("kind") in _ARGUMENTS and isinstance(item.get("args"), list)
            and isinstance(item.get("at"), str) and isinstance(item.get("key", ""), str)):
        return None
    checks, optional = _ARGUMENTS[item["kind"]]
    args = item["args"]
    if not len(checks) - optional <= len(args) <= len(checks) or not all(map(lambda c, a: c(a), checks, args)):
        return None
    return Write(item["kind"], tuple(args), item["at"], item.get("key") or new_key())  # an older tutor's: no key


def _parsed(text: str) -> tuple[list[Write], bool]:
    """The writes a file holds, and whether it was whole: of a file cut short (a power cut while it was
    written), nested past reading, or holding a record this tutor does not know (a newer one's, or one
    written by hand), the complete records it knows."""
    try:
        data = json.loads(text)
        items, whole = (data, True) if isinstance(data, list) else ([], False)
    except (ValueError, RecursionError):
        items, whole, decoder = [], False, json.JSONDecoder()
        at = text.find("[") + 1
        while at:
            at = len(text) - len(text[at:].lstrip(" \n\r\t,"))
            try:
                item, at = decoder.raw_decode(text, at)
            except (ValueError, RecursionError):
                break
            items.append(item)
    writes = [w for w in map(_write, items) if w is not None]
    return writes, whole and len(writes) == len(items)


def _contents(place: Path) -> tuple[list[Write], bool]:
    """_parsed of the file at `place`: none, and whole, where there is none."""
    if not place.exists():
        return [], True
    return _parsed(read_file(place, _MAX_BYTES).decode("utf-8", errors="replace"))


def _aside(place: Path) -> Path:
    """`PLACE.damaged`, numbered where that is taken: an earlier one set aside is not overwritten."""
    return first_free(lambda number: place.with_name(f"{place.name}.damaged{number}"))


def _dump(stream: TextIO, writes: list[Write]) -> None:
    stream.write(json.dumps([_record(w) for w in writes], ensure_ascii=False))


class KeptFiles:
    """The files kept writes go to, in order of preference (beside the database, else in the data folder),
    and what they hold of other sessions'."""

    def __init__(self, places: Iterable[Path], notices: list[str]):
        unique: dict[Path, Path] = {}
        for place in places:  # the data folder may be the database's: that file is read once
            unique.setdefault(Path(os.path.abspath(place)), place)
        self.places = tuple(unique.values())
        self.notices = notices  # the store's: said with its own

    def read(self, place: Path) -> list[Write]:
        """The complete writes in the file (none where there is none); a damaged one set aside, with a
        sentence, after its complete writes are read."""
        try:
            writes, whole = _contents(place)
        except (OSError, FileRefused) as error:
            why = getattr(error, "strerror", None) or error
            self.notices.append(f"the kept writes in {place} can't be read ({why})")
            return []
        if not whole:
            aside = _aside(place)
            try:
                os.replace(place, aside)
            except OSError as error:
                self.notices.append(f"{place} is damaged and can't be set aside ({error.strerror}): move it away")
                return []
            self.notices.append(f"{place} was damaged: {len(writes)} complete write(s) of your progress in it are "
                                f"taken, and the file is kept as {aside}")
        return writes

    def keep(self, ours: list[Write], gone: set[str]) -> Path | None:
        """Rewrite the files so that the first that can be written holds `ours` and each keeps what other
        sessions put in it, less `gone` (the keys saved or set aside here); a file left empty is removed.
        Where `ours` went (None: nowhere)."""
        mine = {w.key for w in ours}
        kept_in: Path | None = None
        for place in self.places:
            try:
                theirs = [w for w in self._current(place) if w.key not in mine and w.key not in gone]
                writes = theirs + ours if kept_in is None else theirs
                if writes:
                    write_together(place.parent, {place.name: partial(_dump, writes=writes)})  # whole or not at all
                else:
                    place.unlink(missing_ok=True)
            except (OSError, OutputError):
                continue
            if kept_in is None and ours:
                kept_in = place
        return kept_in

    def _current(self, place: Path) -> list[Write]:
        """What the file holds now (another session may have written it since): read without a word, as
        the damage of a file is said when it is first read."""
        try:
            return _contents(place)[0]
        except FileRefused:
            return []

    def set_aside(self, writes: list[Write], why: str, database: Path) -> None:
        """Writes the database will never take (a row they name is not in it: a database moved away and
        made again): out of the way of the later ones, kept in a file of their own for a person to look at."""
        for place in self.places:
            aside = _aside(place)
            try:
                write_together(aside.parent, {aside.name: partial(_dump, writes=writes)})
            except (OSError, OutputError):
                continue
            self.notices.append(f"{len(writes)} kept write(s) of your progress can never be saved to {database} "
                                f"({why}); they are set aside in {aside}, and the later ones saved")
            return
        self.notices.append(f"{len(writes)} kept write(s) of your progress can't be saved to {database} ({why}) "
                            "and are dropped")
