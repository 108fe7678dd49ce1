"""The grading journal: each answer's result in SQLite as soon as it is known.

A run killed at any moment (even by kill -9) leaves every committed result in
the file; `--resume` reads them back and grades only the rest. The journal
remembers what its results were graded against (the pack and its data, the
tutor's version, the time limit) and refuses to resume a different job, saying
which of these differs.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

from .errors import TutorError

FILE_NAME = "journal.sqlite"
_COMMIT_EVERY = 0.5  # seconds: at most this much work is lost to a kill


class JournalError(TutorError):
    """The journal can't be used for this run; the message says why in a sentence."""


class JournalFailed(JournalError):
    """The journal could not be written (a full disk): what was committed is kept."""


class Journal:
    def __init__(self, folder: Path, pack: str, settings: Mapping[str, str], resume: bool):
        """pack: a digest of the pack and the data it reads; settings: the rest the results depend on, by the names
        a refusal gives them ("--timeout": "5")."""
        job = {_PACK: pack, **settings}
        self.path = folder / FILE_NAME
        if not resume:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")  # a kill can't corrupt it; commits are cheap
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, record TEXT)")
            fresh = not self.db.execute("SELECT 1 FROM meta").fetchone()
            if fresh:
                self.db.executemany("INSERT INTO meta VALUES (?, ?)", job.items())
            self.db.commit()
            stored = dict(self.db.execute("SELECT name, value FROM meta"))
        except (sqlite3.Error, OSError) as error:
            hint = "; run without --resume to start afresh" if resume else ""
            raise JournalError(f"{self.path} can't be used ({error}){hint}") from None
        if stored != job:
            self.db.close()
            raise JournalError(f"{self.path} is from grading another job ({_differences(stored, job)}); "
                               "run without --resume to start afresh")
        self.last_commit = time.monotonic()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def results(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, record FROM results"))

    def add(self, key: str, record: str) -> None:
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, record))
            if time.monotonic() - self.last_commit >= _COMMIT_EVERY:  # when to commit, not what: any timing
                self.db.commit()                                      # gives the same results
                self.last_commit = time.monotonic()
        except sqlite3.Error as error:
            raise JournalFailed(f"{self.path} can't be written ({error}); the results so far are kept: "
                                "free some space, then run again with --resume") from None

    def count(self) -> int:
        """How many results it holds, committed or about to be (close commits them)."""
        (count,) = self.db.execute("SELECT COUNT(*) FROM results").fetchone()
        return int(count)

    def close(self) -> None:
        try:
            self.db.commit()
        except sqlite3.Error:
            pass  # what was committed before is kept; the error was reported where it happened
        finally:
            self.db.close()


def _differences(stored: Mapping[str, str], job: Mapping[str, str]) -> str:
    """What differs between the journal's job and this one: "--timeout was 5, is 7 now" (outside check h56, N7:
    a TA was left to guess); a journal of an older tutor holds none of these names."""
    if set(stored) != set(job):
        return "it was written by another version of the tutor"
    return "; ".join("the pack or the data it reads has changed" if name == _PACK else f"{name} was {stored[name]}, "
                     f"is {value} now" for name, value in job.items() if stored[name] != value)


_PACK = "pack"  # the meta row of the pack's digest
