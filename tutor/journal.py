"""The grading journal: each answer's result in SQLite as soon as it is known.

A run killed at any moment (even by kill -9) leaves every committed result in
the file; `--resume` reads them back and grades only the rest. The journal
remembers what its results were graded against (a fingerprint of the pack and
the settings) and refuses to resume a different job.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .errors import TutorError

FILE_NAME = "journal.sqlite"
_COMMIT_EVERY = 0.5  # seconds: at most this much work is lost to a kill


class JournalError(TutorError):
    """The journal can't be used for this run; the message says why in a sentence."""


class JournalFailed(JournalError):
    """The journal could not be written (a full disk): what was committed is kept."""


class Journal:
    def __init__(self, folder: Path, fingerprint: str, resume: bool):
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
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
            self.db.commit()
            (stored,) = self.db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        except (sqlite3.Error, OSError) as error:
            hint = "; run without --resume to start afresh" if resume else ""
            raise JournalError(f"{self.path} can't be used ({error}){hint}") from None
        if stored != fingerprint:
            self.db.close()
            raise JournalError(f"{self.path} is from grading another pack or with other settings; "
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
