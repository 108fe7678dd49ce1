"""Practice progress in SQLite: students, sessions, attempts, per-skill mastery, reviews.

Every attempt is committed as it is made (WAL mode), so a crash or Ctrl-C loses
nothing already answered. The schema is versioned with `PRAGMA user_version`
and migrated forward step by step when an older database is opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from .interrupts import uninterrupted
from .kept import ID_POSITIONS, KeptFiles, Write, new_key
from .outputs import first_free
from .words import and_list, printable

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY, student_id INTEGER NOT NULL REFERENCES students(id),
        pack TEXT NOT NULL, seed INTEGER NOT NULL, started_at TEXT NOT NULL, ended_at TEXT);
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
        student_id INTEGER NOT NULL REFERENCES students(id),
        pack TEXT NOT NULL, exercise TEXT NOT NULL, variant TEXT NOT NULL,
        answer TEXT NOT NULL, verdict TEXT NOT NULL, note TEXT NOT NULL,
        hints INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL);
    CREATE INDEX attempts_by_student ON attempts (student_id, pack, exercise);
    CREATE TABLE mastery (
        student_id INTEGER NOT NULL REFERENCES students(id), skill TEXT NOT NULL,
        score REAL NOT NULL, attempts INTEGER NOT NULL, correct INTEGER NOT NULL,
        updated_at TEXT NOT NULL, PRIMARY KEY (student_id, skill));
    CREATE TABLE reviews (
        student_id INTEGER NOT NULL REFERENCES students(id), pack TEXT NOT NULL,
        exercise TEXT NOT NULL, interval INTEGER NOT NULL, due_turn INTEGER NOT NULL,
        PRIMARY KEY (student_id, pack, exercise));
    """,
    # 2: turns count a student's answered exercises, so reviews can be spaced by them
    """
    ALTER TABLE students ADD COLUMN turns INTEGER NOT NULL DEFAULT 0;
    """,
    # 3: what was shown (which exercise, which variant), each attempt tied to its showing, and a
    # session's skill, so a session can say where the last one left off
    """
    ALTER TABLE sessions ADD COLUMN topic TEXT;
    CREATE TABLE shown (
        id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
        student_id INTEGER NOT NULL REFERENCES students(id),
        pack TEXT NOT NULL, exercise TEXT NOT NULL, variant TEXT NOT NULL, at TEXT NOT NULL);
    CREATE INDEX shown_by_student ON shown (student_id, pack, exercise);
    ALTER TABLE attempts ADD COLUMN shown_id INTEGER REFERENCES shown(id);
    """,
    # 4: the hints and the steps seen on a showing, so that an exercise left unsolved comes back with them
    """
    ALTER TABLE shown ADD COLUMN hints INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE shown ADD COLUMN steps INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: the key of each write saved from a file of kept writes, and the row it made, so that a write read
    # back from such a file twice (two sessions at once, a kill before the file was rewritten) is saved once
    """
    CREATE TABLE kept (key TEXT PRIMARY KEY, row INTEGER);
    """,
    # 6: a session a `:pack` switch started belongs to the run of the tutor it was started in (its first
    # session's id), so that `tutor progress` counts one run with two switches as one session, not three
    """
    ALTER TABLE sessions ADD COLUMN sitting INTEGER REFERENCES sessions(id);
    """,
)

_LEARNING_RATE = 0.3  # how far each answer moves a skill's mastery: toward 1 right without help, else toward 0


def _in_a_row(answers: int) -> float:
    """Mastery after this many answers right in a row, from none."""
    return 1 - (1 - _LEARNING_RATE) ** answers


# Said under every table of bars: a skill's mastery starts at none on purpose (one right answer is not
# evidence enough to move on), so 2 of 2 right shows half a bar, which a student reads as an average.
MASTERY_RULE = (f"Mastery starts empty; each answer right without help fills {_LEARNING_RATE:.0%} of the rest, "
                f"any other empties {_LEARNING_RATE:.0%} "
                f"(2 right in a row: {_in_a_row(2):.0%}, 5: {_in_a_row(5):.0%}).")


def mastery_bar(score: float) -> str:
    """A skill's mastery as ten blocks."""
    filled = round(score * 10)
    return "█" * filled + "·" * (10 - filled)


def default_home() -> Path:
    """Where progress and history live: $TUTOR_HOME, else the platform's user data folder."""
    if os.environ.get("TUTOR_HOME"):
        return Path(os.environ["TUTOR_HOME"])
    if sys.platform == "win32":
        base = _absolute_from("APPDATA") or Path.home() / "AppData" / "Roaming"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _absolute_from("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return base / "calculus-tutor"


def kept_places(path: Path) -> tuple[Path, ...]:
    """Where the writes a database could not take are kept, in order: beside it, else in the data folder."""
    return path.with_name(path.name + ".unsaved.json"), default_home() / f"{path.name}.unsaved.json"


def _remove_made(path: Path) -> None:
    """A database file just made, and SQLite's files beside it, removed (what could not be written in them)."""
    for made in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                 path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            made.unlink()


def _unmade(folder: Path) -> str | None:
    """Why the folder can't be made, where it can't (a file in its path, a file system that takes no
    folders): os.access says only whether its nearest existing parent is writable. None once it is there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def _absolute_from(variable: str) -> Path | None:
    """The folder an environment variable names, where it names one absolutely: the XDG spec has an empty or
    relative one ignored (set empty, it put progress in the folder the tutor was started from)."""
    folder = Path(os.environ.get(variable, ""))
    return folder if folder.is_absolute() else None


def student_folder(name: str) -> str:
    """A student's own name among files (their history, their pictures): the name itself where it is
    letters, digits, `-` and `_`, each other character written %XX (so `.`, `/` and `..` can't lead out of
    the folder, and two names never share one); a name too long for a file name ends in a digest of it."""
    safe = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" else
                   "".join(f"%{byte:02X}" for byte in c.encode("utf-8")) for c in name) or "%"
    if len(safe) > 120:
        safe = safe[:100] + "~" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return safe


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Skill:
    name: str
    score: float  # 0..1, from 0, each answer moving it part of the way (MASTERY_RULE): recent ones weigh more
    attempts: int
    correct: int

    def after(self, success: bool) -> Skill:
        """The skill after one more answer (right without help: `success`)."""
        score = (1 - _LEARNING_RATE) * self.score + _LEARNING_RATE * (1.0 if success else 0.0)
        return Skill(self.name, score, self.attempts + 1, self.correct + success)


@dataclass(frozen=True)
class Visit:
    """Where a student's last session left off: its pack and skill, and the exercise shown last."""

    pack: str
    topic: str | None
    exercise: str
    variant: str  # how its numbers were chosen, as Store.show was told
    solved: bool  # answered right while shown
    hints: int = 0  # the hints seen on it
    steps: bool = False  # whether its worked solution was seen


@dataclass(frozen=True)
class Attempt:
    pack: str
    exercise: str
    variant: str
    answer: str
    verdict: str
    note: str
    hints: int
    at: str


_MADE = [set(re.findall(r"CREATE TABLE (\w+)", step)) for step in MIGRATIONS]  # the tables each step makes
# The numbers a session computes with, and the bounds the tutor writes them within: one outside them (a hand
# edit, a half-done migration) stopped a session in the middle of grading an answer, which was lost.
_BOUNDS = (
    ("mastery", "score", "typeof(score) NOT IN ('real', 'integer') OR score < 0 OR score > 1"),
    ("mastery", "attempts", "typeof(attempts) != 'integer' OR attempts < 0"),
    ("mastery", "correct", "typeof(correct) != 'integer' OR correct < 0 OR correct > attempts"),
    ("students", "turns", "typeof(turns) != 'integer' OR turns < 0"),
    ("reviews", "interval", "typeof(interval) != 'integer' OR interval < 1 OR interval > 16"),
    ("reviews", "due_turn", "typeof(due_turn) != 'integer'"),
    ("shown", "hints", "typeof(hints) != 'integer' OR hints < 0"),
    ("shown", "steps", "steps NOT IN (0, 1)"),
)
APPLICATION_ID = 0x7475746F  # "tuto": marks a progress database as this tutor's (PRAGMA application_id)
_BUSY_SECONDS = 2.0  # how long a write waits for another program's lock, each try
_TRIES = 3


class StoreError(Exception):
    """A progress database that is not used: the sentence says why, which file, and what to do."""


# where the write of a row holds the provisional id it is known by until it is written
_MAKES = {"student": 1, "session": 3, "shown": 5}


class Store:
    """Progress in one SQLite file.

    A file that is not a progress database of this tutor (damaged, another
    program's, or from a newer version) is refused, never written to. A file
    that can't be written is opened read-only. A write that can't be done now
    (another program holds the lock past a busy timeout and retries, the disk is
    full) is kept, in order, and done at the next chance: in memory and, as it is
    kept, in a file beside the database (or in the data folder, tutor.kept), read
    back the next time; one the database can never take (a row it names is not
    there) is set aside. `notices` says each of these in a sentence.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.pending: list[Write] = []
        self.notices: list[str] = []  # to show the person, oldest first; `take_notices` empties it
        self.kept = KeptFiles(kept_places(self.path), self.notices)
        self.filed: set[str] = set()  # the keys of the writes put in a kept file or read from one
        self.gone: set[str] = set()  # of those, the keys saved or set aside: to be taken out of the files
        self.aside: set[str] = set()  # the keys of the writes set aside
        self.ids: dict[int, int] = {}  # provisional (negative) id -> the real one, once written
        self.last_provisional = 0
        self.read_only = False
        self.full = False  # the disk holding it has no room: its writes said at the end where no file takes them
        self.failing = False  # a write failed and nothing has been written since
        self.opened: tuple[int, int] | None = None  # the written file's (device, inode): still the one at `path`?
        self._once = False  # one try, no retries (while retrying without waiting)
        if self.path.exists() or self.path.is_symlink():
            self._refuse_other_files()
            self._inspect()
        self.db = self._connect()
        self._take_kept()

    # -- opening
    def _refuse_other_files(self) -> None:
        """A folder, a named pipe, a device at the path: refused at once, by what it is (SQLite would wait on a pipe
        for ever, and call a folder a "disk I/O error": outside check h23)."""
        try:
            mode = self.path.stat().st_mode
        except OSError as error:
            raise StoreError(f"{self.path} can't be read ({error.strerror}); use another file with --db FILE") from None
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else \
                "a device or socket"
            raise StoreError(f"{self.path} is {what}, not a progress database file; nothing was written to it; "
                             "move it away, or use another file with --db FILE")

    def _inspect(self) -> None:
        """Refuse a file that is not a progress database of this tutor, before writing anything."""
        again = "move it away, or use another file with --db FILE"
        try:
            db = _read_only(self.path)
            try:
                tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                version = db.execute("PRAGMA user_version").fetchone()[0]
                application = db.execute("PRAGMA application_id").fetchone()[0]
                intact = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                odd = _odd_value(db, tables) if intact else None
            finally:
                db.close()
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return  # another program is writing it: it is a database; the writes wait their turn
            if _full(self.path.parent):
                return  # SQLite can't make the -shm file it reads with: the file is not to blame
            raise StoreError(f"{self.path} can't be read as a progress database ({error}); {again}") from None
        except sqlite3.DatabaseError:
            raise StoreError(f"{self.path} is not a progress database (not an SQLite file, or a damaged one); "
                             f"nothing was written to it; {again}") from None
        if not intact:
            raise StoreError(f"{self.path} is damaged; nothing was written to it; {again}")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was written by a newer version of the tutor (its schema is {version}, "
                             f"this version knows {len(MIGRATIONS)}); update the tutor, or use another file "
                             "with --db FILE")
        ours = application == APPLICATION_ID or (application == 0 and (
            not tables if version == 0 else {"students", "sessions", "attempts"} <= tables))
        if not ours:
            raise StoreError(f"{self.path} is another program's database, not the tutor's progress; nothing was "
                             f"written to it; use another file with --db FILE")
        if missing := sorted(set().union(*_MADE[:version]) - tables):
            raise StoreError(f"{self.path} is damaged (no table {and_list(missing)}); nothing was written to it; "
                             f"{again}")
        if odd:
            raise StoreError(f"{self.path} holds a value the tutor never writes ({odd}); nothing was written to it; "
                             f"{again}")

    def _connect(self) -> sqlite3.Connection:
        folder = self.path.parent
        writable = os.access(self.path, os.W_OK) if self.path.exists() else os.access(_existing(folder), os.W_OK)
        unmade = _unmade(folder) if writable and os.access(_existing(folder), os.W_OK) else None
        if unmade:
            self.notices.append(f"{folder} can't be made ({unmade}): your progress in this session is not saved "
                                "(--db FILE saves it in a folder you can write)")
        elif writable and os.access(_existing(folder), os.W_OK):
            made = not self.path.exists()
            db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_SECONDS)  # transactions explicit
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA foreign_keys=ON")
                self.db = db
                self._retrying(self.migrate, transaction=False)  # each step is its own transaction
                self.opened = _identity(self.path)
                return db
            except sqlite3.OperationalError as error:
                db.close()
                busy = "locked" in str(error) or "busy" in str(error)
                if _full(folder):
                    self.full = True
                    self.notices.append(f"the disk holding {self.path} is full ({error}): your progress in this "
                                        "session is not saved there")
                elif made and not busy:
                    # a new database that could not be written (a quota, a file-size limit): the session goes on,
                    # as on a full disk, and no stub is left for the next one to find
                    _remove_made(self.path)
                    self.notices.append(f"{self.path} can't be made ({error}; the disk may be full, or over a "
                                        "quota): your progress in this session is not saved (--db FILE saves it "
                                        "in a folder you can write)")
                elif not busy:
                    raise StoreError(f"{self.path} can't be used ({error}); use another file with --db FILE") from None
                else:
                    self.notices.append(f"{self.path} is busy (another program is writing to it); your answers are "
                                        "kept and saved when it is free")
        elif self.path.exists():
            self.notices.append(f"{self.path} is read-only: your progress in this session is not saved there")
        else:
            self.notices.append(f"{_existing(folder)} is read-only, so {self.path.name} can't be made there: your "
                                "progress in this session is not saved (--db FILE saves it in a folder you can write)")
        self.read_only = True
        if self.path.exists():
            return _read_only(self.path)
        self.db = sqlite3.connect(":memory:", isolation_level=None)  # empty, for the session's reads
        self.migrate()
        return self.db

    # -- schema
    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        if self.version == 0:
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        while self.version < len(MIGRATIONS):
            step = self.version  # each step and its version number commit together, or not at all
            self.db.executescript(f"BEGIN; {MIGRATIONS[step]} PRAGMA user_version = {step + 1}; COMMIT;")

    def transaction(self):
        return _Transaction(self.db)

    def close(self) -> None:
        """Save what is still kept (to the database, else to a file beside it) and close: without
        waiting for the lock again where it was waited for already (the file keeps them as well)."""
        if self.failing:
            self.retry()
        else:
            self.flush()
        if self.pending:
            self._say_kept()
        self.db.close()

    def take_notices(self) -> list[str]:
        notices = list(self.notices)
        self.notices.clear()  # the same list the kept files add to
        return notices

    # -- writes: now if the database takes them, else kept for later
    def _write(self, kind: str, *args: object) -> None:
        self.pending.append(Write(kind, args, _now(), new_key()))
        if self.failing:  # the lock was waited for once already: each write would wait again, in front of a person
            self.retry()
        else:
            self.flush()

    def flush(self) -> bool:
        """Do the kept writes, oldest first; whether all are done."""
        kept = len(self.pending)
        if self.pending and not self.read_only:
            self._still_there()
        never: list[Write] = []  # writes the database can never take
        why = ""
        while self.pending:
            write = self.pending[0]
            try:
                if self.read_only:
                    raise sqlite3.OperationalError("the database is read-only")
                with uninterrupted():
                    self._retrying(lambda write=write: self._save(write))
                    self._forget(self.pending.pop(0))
            except sqlite3.OperationalError as error:  # a lock, a full disk: it can be done later
                if not self.failing and not self.read_only:  # said once, until it works again
                    self.notices.append(f"your progress can't be saved to {self.path} right now ({error}); "
                                        "it is kept and saved as soon as it can be")
                self.failing = True
                self._set_aside(never, why)
                self._file()  # on disk as it is kept: a kill loses nothing answered
                return False
            except sqlite3.Error as error:  # a constraint: a row it names is not there, nor will be
                with uninterrupted():
                    never.append(self.pending.pop(0))
                    self._forget(never[-1])
                why = str(error)
        self._set_aside(never, why)
        if self.failing:
            self.notices.append(f"your progress is saved again to {self.path} ({kept} kept writes)")
            self.failing = False
        if self.gone:
            self._file()  # what was saved from the kept files, taken out of them
        return True

    def _forget(self, write: Write) -> None:
        """A write done (or set aside): out of the kept files too, the next time they are written."""
        if write.key in self.filed:
            self.gone.add(write.key)

    def _set_aside(self, never: list[Write], why: str) -> None:
        if never:
            self.kept.set_aside(never, why, self.path)
            self.aside.update(write.key for write in never)

    def _file(self) -> Path | None:
        """The kept writes written to a file (the first that can be), taken out of the others; where."""
        self.filed.update(write.key for write in self.pending)
        place = self.kept.keep(self.pending, self.gone)
        self.gone.clear()
        return place

    def _still_there(self) -> None:
        """Where the file was deleted or replaced while open, the writes would go on into a file no one can
        open again, without a word: the open database is copied whole to its path (beside it, where another
        file took the path, which is left alone) and written there from now on."""
        found = _identity(self.path)
        if self.opened is None or found == self.opened:
            return
        place = self.path if found is None else _free_name(self.path)
        how = "deleted" if found is None else "replaced by another file"
        try:
            place.parent.mkdir(parents=True, exist_ok=True)
            copy = sqlite3.connect(place, isolation_level=None, timeout=_BUSY_SECONDS)
            try:
                self.db.backup(copy)
                copy.execute("PRAGMA journal_mode=WAL")
                copy.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error:
                copy.close()
                raise
        except (OSError, sqlite3.Error) as error:
            self.opened = None  # said once; the session goes on, its answers graded
            self.notices.append(f"{self.path} was {how} while this session used it, and it can't be written "
                                f"again ({getattr(error, 'strerror', None) or error}): your progress in this "
                                "session is not saved")
            return
        self.db.close()
        self.db, self.opened = copy, _identity(place)
        if place == self.path:
            self.notices.append(f"{self.path} was deleted while this session used it; it is written again there, "
                                "with all it held and this session's progress")
        else:
            self.notices.append(f"{self.path} was replaced by another file while this session used it; that file "
                                f"is left alone, and your progress goes on in {place} (use it with --db {place})")
            self.path = place

    def retry(self) -> None:
        """`flush` without waiting for another program's lock: a wait between answers would be felt."""
        if not self.pending or self.read_only:
            return
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            self._once = True  # one try: the retries are for a lock waited for
            self.flush()
        finally:
            self._once = False
            self.db.execute(f"PRAGMA busy_timeout = {int(_BUSY_SECONDS * 1000)}")

    def _retrying(self, action, transaction: bool = True) -> None:
        tries = 1 if self._once else _TRIES
        for attempt in range(tries):
            try:
                if transaction:
                    with self.transaction():
                        action()
                else:
                    action()
                return
            except sqlite3.OperationalError as error:
                if attempt == tries - 1 or not ("locked" in str(error) or "busy" in str(error)):
                    raise

    def _real(self, key: int) -> int:
        return self.ids.get(key, key)

    def _provisional(self) -> int:
        """An id for a student or session not written yet: negative, so that it matches no row."""
        self.last_provisional -= 1
        return self.last_provisional

    def _save(self, write: Write) -> None:
        """Do the write, once: one read back from a kept file is looked for by its key first (another
        session may have saved it from the same file), and saved with its key."""
        keyed = write.key in self.filed
        found = self.db.execute("SELECT row FROM kept WHERE key = ?", (write.key,)).fetchone() if keyed else None
        row = found[0] if found else self._do(write)
        if keyed and not found:
            self.db.execute("INSERT INTO kept (key, row) VALUES (?, ?)", (write.key, row))
        if write.kind in _MAKES and row is not None:
            self.ids[write.args[_MAKES[write.kind]]] = row

    def _do(self, write: Write) -> int | None:
        """Do the write; the id of the row it makes, for a student, a session or a showing."""
        args, at = write.args, write.at
        if write.kind == "student":
            name, _ = args
            self.db.execute("INSERT OR IGNORE INTO students (name) VALUES (?)", (name,))
            return self.db.execute("SELECT id FROM students WHERE name = ?", (name,)).fetchone()[0]
        if write.kind == "session":
            student_id, pack, seed, _, *later = args  # written before sessions had topics, or sittings: none
            topic, sitting = (*later, None, None)[:2]
            cursor = self.db.execute("INSERT INTO sessions (student_id, pack, seed, started_at, topic, sitting) "
                                     "VALUES (?, ?, ?, ?, ?, ?)",
                                     (self._real(student_id), pack, seed, at, topic,
                                      None if sitting is None else self._real(sitting)))
            return cursor.lastrowid
        if write.kind == "shown":
            session_id, student_id, pack, exercise, variant, _ = args
            cursor = self.db.execute(
                "INSERT INTO shown (session_id, student_id, pack, exercise, variant, at) VALUES (?, ?, ?, ?, ?, ?)",
                (self._real(session_id), self._real(student_id), pack, exercise, variant, at))
            return cursor.lastrowid
        if write.kind == "end":
            self.db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (at, self._real(args[0])))
        elif write.kind == "topic":
            self.db.execute("UPDATE sessions SET topic = ? WHERE id = ?", (args[1], self._real(args[0])))
        elif write.kind == "help":
            shown_id, hints, steps = args
            self.db.execute("UPDATE shown SET hints = ?, steps = ? WHERE id = ?", (hints, steps, self._real(shown_id)))
        elif write.kind == "attempt":
            self._attempt(args, at)
        else:  # review
            student_id, pack, exercise = args
            self._schedule(self._real(student_id), pack, exercise, remembered=False)
        return None

    # -- kept in a file while they can't be saved (tutor.kept)
    def _take_kept(self) -> None:
        """The writes kept by earlier sessions, after this session's (none yet), saved now where they can be;
        read where the database can't be written too, to be counted (`skills`) and kept on."""
        taken: list[tuple[Path, set[str]]] = []
        for place in self.kept.places:
            fresh: dict[int, int] = {}  # their provisional ids, made ours
            writes = [w for w in self.kept.read(place) if w.key not in self.filed]  # in both files: taken once
            for write in writes:
                args = list(write.args)
                for i in ID_POSITIONS[write.kind]:
                    if i < len(args) and isinstance(args[i], int) and args[i] < 0:
                        args[i] = fresh.setdefault(args[i], self._provisional())
                self.pending.append(replace(write, args=tuple(args)))
                self.filed.add(write.key)
            taken.append((place, {write.key for write in writes}))
        if self.pending and not self.read_only and self.flush():
            self.notices.extend(f"saved {len(keys - self.aside)} kept write(s) of your progress from {place}"
                                for place, keys in taken if keys - self.aside)

    def _say_kept(self) -> None:
        """Where what is still unsaved at the end is kept; where no file can take it, its answers, so that
        they are not lost without a trace (a read-only file system, a lab image, too: its start said that
        nothing is saved, so it says so again only where something was answered)."""
        place = self._file()
        answers = [f"{w.args[2]} {w.args[3]}: {printable(w.args[5])} ({w.args[6]})"
                   for w in self.pending if w.kind == "attempt"]
        if place is not None:
            self.notices.append(f"{len(self.pending)} unsaved write(s) of your progress are kept in {place}; they "
                                f"are saved to {self.path} the next time it can be written")
        elif self.full or not self.read_only or answers:
            folders = and_list(list(dict.fromkeys(str(place.parent) for place in self.kept.places)))
            said = f"; its answers: {'; '.join(answers)}" if answers else ""
            self.notices.append(f"your progress in this session could not be saved: {self.path} can't be written, "
                                f"nor a file in {folders}{said}")

    # -- students and sessions
    def student(self, name: str) -> int:
        row = self.db.execute("SELECT id FROM students WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return row[0]
        provisional = self._provisional()
        self._write("student", name, provisional)
        return self._real(provisional)

    def students(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM students ORDER BY name")]

    def start_session(self, student_id: int, pack: str, seed: int, topic: str | None = None,
                      sitting: int | None = None) -> int:
        """A session on `pack`; `sitting`: the first session of the same run of the tutor, for a session
        a switch of pack starts (counted with it as one)."""
        provisional = self._provisional()
        self._write("session", student_id, pack, seed, provisional, topic, sitting)
        return self._real(provisional)

    def set_topic(self, session_id: int, topic: str | None) -> None:
        """The skill the session practises from now on (None: every skill)."""
        self._write("topic", session_id, topic)

    def show(self, session_id: int, student_id: int, pack: str, exercise: str, variant: str) -> int:
        """An exercise shown to the student (`variant`: how its numbers were chosen); its id, for attempts."""
        provisional = self._provisional()
        self._write("shown", session_id, student_id, pack, exercise, variant, provisional)
        return self._real(provisional)

    def helped(self, shown_id: int, hints: int, steps: bool) -> None:
        """The hints seen on a showing so far, and whether its steps were: kept as each is seen, so that
        quitting does not turn an answer after a hint into one without."""
        self._write("help", shown_id, hints, int(steps))

    def end_session(self, session_id: int) -> None:
        self._write("end", session_id)

    def turn(self, student_id: int) -> int:
        row = self.db.execute("SELECT turns FROM students WHERE id = ?", (self._real(student_id),)).fetchone()
        return row[0] if row else 0

    # -- attempts, mastery and reviews, written together as each answer is given
    def record(self, session_id: int, student_id: int, pack: str, exercise: str, variant: str,
               answer: str, verdict: str, note: str, hints: int, skills: Iterable[str],
               shown_id: int | None = None) -> None:
        self._write("attempt", session_id, student_id, pack, exercise, variant, answer, verdict, note, hints,
                    list(skills), shown_id)

    def _attempt(self, attempt: tuple, at: str) -> None:
        """An attempt as `record` was given it, with its mastery and review updates."""
        session_id, student_id, pack, exercise, variant, answer, verdict, note, hints, skills, *shown = attempt
        correct = verdict == "correct"
        student_id = self._real(student_id)
        shown_id = self._real(shown[0]) if shown and shown[0] is not None else None
        self.db.execute(
            "INSERT INTO attempts (session_id, student_id, pack, exercise, variant, answer, verdict, "
            "note, hints, at, shown_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self._real(session_id), student_id, pack, exercise, variant, answer, verdict, note, hints, at,
             shown_id))
        for skill in skills:
            self._update_skill(student_id, skill, correct and hints == 0, at)
        self.db.execute("UPDATE students SET turns = turns + 1 WHERE id = ?", (student_id,))
        self._schedule(student_id, pack, exercise, correct and hints == 0)

    def review_later(self, student_id: int, pack: str, exercise: str) -> None:
        """A skipped exercise comes back, as a missed one does."""
        self._write("review", student_id, pack, exercise)

    def _update_skill(self, student_id: int, skill: str, success: bool, at: str) -> None:
        row = self.db.execute("SELECT score, attempts, correct FROM mastery WHERE student_id = ? AND skill = ?",
                              (student_id, skill)).fetchone()
        moved = (Skill(skill, *row) if row else Skill(skill, 0.0, 0, 0)).after(success)
        self.db.execute(
            "INSERT OR REPLACE INTO mastery (student_id, skill, score, attempts, correct, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", (student_id, skill, moved.score, moved.attempts, moved.correct, at))

    def _schedule(self, student_id: int, pack: str, exercise: str, remembered: bool) -> None:
        """Spaced repetition: a miss comes back after 2 turns; each success there doubles the wait."""
        turn = self.turn(student_id)
        row = self.db.execute("SELECT interval FROM reviews WHERE student_id = ? AND pack = ? AND exercise = ?",
                              (student_id, pack, exercise)).fetchone()
        if remembered and row is None:
            return  # right the first time: nothing to review
        interval = 2 if not remembered else row[0] * 2
        if remembered and interval > 16:
            self.db.execute("DELETE FROM reviews WHERE student_id = ? AND pack = ? AND exercise = ?",
                            (student_id, pack, exercise))
            return
        self.db.execute("INSERT OR REPLACE INTO reviews (student_id, pack, exercise, interval, due_turn) "
                        "VALUES (?, ?, ?, ?, ?)", (student_id, pack, exercise, interval, turn + interval))

    # -- reading
    def skills(self, student_id: int) -> dict[str, Skill]:
        """Each skill's mastery, with the answers not saved yet (the database locked, or read-only): the
        session that gave them shows them and chooses the next exercise by them."""
        rows = self.db.execute("SELECT skill, score, attempts, correct FROM mastery WHERE student_id = ? "
                               "ORDER BY skill", (self._real(student_id),))
        skills = {name: Skill(name, score, attempts, correct) for name, score, attempts, correct in rows}
        for write in self._unsaved_attempts(student_id):
            verdict, hints, names = write.args[6], write.args[8], write.args[9]
            for name in names:
                skills[name] = skills.get(name, Skill(name, 0.0, 0, 0)).after(verdict == "correct" and hints == 0)
        return dict(sorted(skills.items()))

    def _sitting(self, session_id: int) -> int:
        """The run of the tutor a session belongs to: its first session's id (saved, or not yet)."""
        session_id = self._real(session_id)
        for write in self.pending:
            if write.kind == "session" and self._real(write.args[3]) == session_id:
                sitting = write.args[5] if len(write.args) > 5 else None
                return session_id if sitting is None else self._real(sitting)
        row = self.db.execute("SELECT COALESCE(sitting, id) FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return session_id if row is None else row[0]

    def _unsaved_attempts(self, student_id: int) -> list[Write]:
        return [write for write in self.pending
                if write.kind == "attempt" and self._real(write.args[1]) == self._real(student_id)]

    def due(self, student_id: int, pack: str) -> list[str]:
        """Exercises due for review now, most overdue first."""
        turn = self.turn(student_id)
        rows = self.db.execute("SELECT exercise FROM reviews WHERE student_id = ? AND pack = ? AND due_turn <= ? "
                               "ORDER BY due_turn, exercise", (self._real(student_id), pack, turn))
        return [row[0] for row in rows]

    def reviews(self, student_id: int, pack: str) -> dict[str, int]:
        """Every exercise scheduled for review, with how many answers until it is due (0: due now)."""
        turn = self.turn(student_id)
        rows = self.db.execute("SELECT exercise, due_turn FROM reviews WHERE student_id = ? AND pack = ? "
                               "ORDER BY due_turn, exercise", (self._real(student_id), pack))
        return {exercise: max(0, due - turn) for exercise, due in rows}

    def solved(self, student_id: int, pack: str) -> set[str]:
        rows = self.db.execute("SELECT DISTINCT exercise FROM attempts WHERE student_id = ? AND pack = ? "
                               "AND verdict = 'correct'", (self._real(student_id), pack))
        return {row[0] for row in rows}

    def last_seen(self, student_id: int, pack: str) -> dict[str, int]:
        rows = self.db.execute("SELECT exercise, MAX(id) FROM attempts WHERE student_id = ? AND pack = ? "
                               "GROUP BY exercise", (self._real(student_id), pack))
        return dict(rows.fetchall())

    def seen(self, student_id: int, pack: str) -> set[str]:
        """The exercises of the pack ever shown to the student."""
        rows = self.db.execute("SELECT DISTINCT exercise FROM shown WHERE student_id = ? AND pack = ?",
                               (self._real(student_id), pack))
        return {row[0] for row in rows}

    def answers(self, student_id: int, pack: str, exercise: str) -> set[str]:
        """Every answer the student has given to the exercise, whatever its numbers."""
        rows = self.db.execute("SELECT DISTINCT answer FROM attempts WHERE student_id = ? AND pack = ? "
                               "AND exercise = ?", (self._real(student_id), pack, exercise))
        return {row[0] for row in rows}

    def answers_by_anyone(self, pack: str, exercise: str) -> set[str]:
        """Every answer any student has given to the exercise, whatever its numbers (and the kept ones,
        not saved yet)."""
        rows = self.db.execute("SELECT DISTINCT answer FROM attempts WHERE pack = ? AND exercise = ?",
                               (pack, exercise))
        kept = {str(w.args[5]) for w in self.pending if w.kind == "attempt" and w.args[2:4] == (pack, exercise)}
        return {row[0] for row in rows} | kept

    def last_visit(self, student_id: int) -> Visit | None:
        """Where the student's last run of the tutor that did anything left off: one that only showed an
        exercise (quit at the first prompt) does not wipe the exercise an earlier one left unsolved, in
        another pack perhaps, as it is not counted as a session either (`summary`)."""
        row = self.db.execute(
            "SELECT shown.id, shown.pack, sessions.topic, shown.exercise, shown.variant, shown.hints, shown.steps "
            "FROM shown JOIN sessions ON sessions.id = shown.session_id "
            "WHERE shown.student_id = ? AND COALESCE(sessions.sitting, sessions.id) IN ("
            "  SELECT COALESCE(done.sitting, done.id) FROM sessions AS done "
            "  JOIN shown AS seen ON seen.session_id = done.id WHERE seen.student_id = shown.student_id "
            "  AND (seen.hints > 0 OR seen.steps "
            "       OR EXISTS (SELECT 1 FROM attempts WHERE attempts.shown_id = seen.id))) "
            "ORDER BY shown.id DESC LIMIT 1", (self._real(student_id),)).fetchone()
        if row is None:
            return None
        shown_id, pack, topic, exercise, variant, hints, steps = row
        solved = self.db.execute("SELECT 1 FROM attempts WHERE shown_id = ? AND verdict = 'correct'",
                                 (shown_id,)).fetchone() is not None
        return Visit(pack, topic, exercise, variant, solved, hints, bool(steps))

    def attempts(self, student_id: int) -> list[Attempt]:
        """The student's attempts, oldest first, with those not saved yet."""
        rows = self.db.execute("SELECT pack, exercise, variant, answer, verdict, note, hints, at FROM attempts "
                               "WHERE student_id = ? ORDER BY id", (self._real(student_id),))
        unsaved = [(*write.args[2:9], write.at) for write in self._unsaved_attempts(student_id)]
        return [Attempt(*row) for row in [*rows, *unsaved]]

    def summary(self) -> list[dict]:
        """Per student: attempts, correct answers, sessions and skills (for `tutor progress`)."""
        out = []
        for name in self.students():
            student_id = self.student(name)
            attempts = self.attempts(student_id)
            sessions = {row[0] for row in self.db.execute(
                "SELECT DISTINCT COALESCE(sessions.sitting, sessions.id) FROM attempts "
                "JOIN sessions ON sessions.id = attempts.session_id WHERE attempts.student_id = ?", (student_id,))}
            sessions |= {self._sitting(write.args[0]) for write in self._unsaved_attempts(student_id)}
            out.append({
                "student": name,
                "sessions": len(sessions),  # runs of the tutor; one that answered nothing is not counted
                "attempts": len(attempts),
                "correct": sum(a.verdict == "correct" for a in attempts),
                # a skill counts only answers right without help: named so, not "correct" as above (h54, N5)
                "correct_without_help": sum(a.verdict == "correct" and a.hints == 0 for a in attempts),
                "skills": [{"skill": s.name, "mastery": round(s.score, 3), "attempts": s.attempts,
                            "correct_without_help": s.correct} for s in self.skills(student_id).values()],
            })
        return out


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the body raises. Immediate: the write lock is waited for
    at the start (the busy timeout), as SQLite does not wait for it where a transaction that has read
    asks for it (a kept write looks for its key first), and fails at once."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.owner = True
        else:
            self.owner = False
        return self.db

    def __exit__(self, kind, value, traceback):
        if not self.owner:
            return False
        self.db.execute("ROLLBACK" if kind else "COMMIT")
        return False


def _read_only(path: Path) -> sqlite3.Connection:
    """The database at `path`, read only: as unchanging where its folder is read-only too, as SQLite
    can't make the `-shm` file a database in WAL mode is read with there."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=_BUSY_SECONDS)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if not _full(path.parent) and ("unable to open" not in str(error) or os.access(path.parent, os.W_OK)):
            return db  # a lock or damage: said where the database is read
        db.close()
        db = sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=_BUSY_SECONDS)
    return db


def _odd_value(db: sqlite3.Connection, tables: set[str]) -> str | None:
    """The first number out of its bounds (`_BOUNDS`), as `table.column is value`; None if there is none."""
    for table, column, odd in _BOUNDS:
        if table in tables and column in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
            row = db.execute(f"SELECT {column} FROM {table} WHERE {odd} LIMIT 1").fetchone()
            if row is not None:
                value = repr(row[0])
                return f"{table}.{column} is {value if len(value) <= 40 else value[:39] + '…'}"
    return None


def _full(folder: Path) -> bool:
    """Whether the disk holding the folder has no room for a page of SQLite's (its -shm file, a write)."""
    try:
        return shutil.disk_usage(folder).free < 65536
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` (None: none): the same pair while it is the same file, renamed or not."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _free_name(path: Path) -> Path:
    """`NAME.recovered.sqlite3` beside `path`, numbered where that is taken."""
    return first_free(lambda number: path.with_name(f"{path.stem}.recovered{number}{path.suffix}"))


def _existing(folder: Path) -> Path:
    """The nearest folder that exists, going up from `folder` (where a new file would be created)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
