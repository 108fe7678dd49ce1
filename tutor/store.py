"""Practice progress in SQLite: students, sessions, attempts, per-skill mastery, reviews.

Every attempt is committed as it is made (WAL mode), so a crash or Ctrl-C loses
nothing already answered. The schema is versioned with `PRAGMA user_version`
and migrated forward step by step when an older database is opened.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

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
)

_LEARNING_RATE = 0.3  # weight of the newest attempt in a skill's mastery score


def default_home() -> Path:
    """Where progress and history live: $TUTOR_HOME, else the platform's user data folder."""
    if os.environ.get("TUTOR_HOME"):
        return Path(os.environ["TUTOR_HOME"])
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "calculus-tutor"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Skill:
    name: str
    score: float  # 0..1, recent attempts weigh more
    attempts: int
    correct: int


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


class Store:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit; transactions are explicit
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    # -- schema
    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        while self.version < len(MIGRATIONS):
            step = self.version  # each step and its version number commit together, or not at all
            self.db.executescript(f"BEGIN; {MIGRATIONS[step]} PRAGMA user_version = {step + 1}; COMMIT;")

    def transaction(self):
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    # -- students and sessions
    def student(self, name: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO students (name) VALUES (?)", (name,))
        return self.db.execute("SELECT id FROM students WHERE name = ?", (name,)).fetchone()[0]

    def students(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM students ORDER BY name")]

    def start_session(self, student_id: int, pack: str, seed: int) -> int:
        cursor = self.db.execute(
            "INSERT INTO sessions (student_id, pack, seed, started_at) VALUES (?, ?, ?, ?)",
            (student_id, pack, seed, _now()))
        return cursor.lastrowid

    def end_session(self, session_id: int) -> None:
        self.db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (_now(), session_id))

    def turn(self, student_id: int) -> int:
        return self.db.execute("SELECT turns FROM students WHERE id = ?", (student_id,)).fetchone()[0]

    # -- attempts, mastery and reviews, written together as each answer is given
    def record(self, session_id: int, student_id: int, pack: str, exercise: str, variant: str,
               answer: str, verdict: str, note: str, hints: int, skills: Iterable[str]) -> None:
        correct = verdict == "correct"
        with self.transaction():
            self.db.execute(
                "INSERT INTO attempts (session_id, student_id, pack, exercise, variant, answer, verdict, "
                "note, hints, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, student_id, pack, exercise, variant, answer, verdict, note, hints, _now()))
            for skill in skills:
                self._update_skill(student_id, skill, correct and hints == 0)
            self.db.execute("UPDATE students SET turns = turns + 1 WHERE id = ?", (student_id,))
            self._schedule(student_id, pack, exercise, correct and hints == 0)

    def review_later(self, student_id: int, pack: str, exercise: str) -> None:
        """A skipped exercise comes back, as a missed one does."""
        with self.transaction():
            self._schedule(student_id, pack, exercise, remembered=False)

    def _update_skill(self, student_id: int, skill: str, success: bool) -> None:
        row = self.db.execute("SELECT score, attempts, correct FROM mastery WHERE student_id = ? AND skill = ?",
                              (student_id, skill)).fetchone()
        score, attempts, correct = row if row else (0.0, 0, 0)
        score = (1 - _LEARNING_RATE) * score + _LEARNING_RATE * (1.0 if success else 0.0)
        self.db.execute(
            "INSERT OR REPLACE INTO mastery (student_id, skill, score, attempts, correct, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", (student_id, skill, score, attempts + 1, correct + success, _now()))

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
        rows = self.db.execute("SELECT skill, score, attempts, correct FROM mastery WHERE student_id = ? "
                               "ORDER BY skill", (student_id,))
        return {name: Skill(name, score, attempts, correct) for name, score, attempts, correct in rows}

    def due(self, student_id: int, pack: str) -> list[str]:
        """Exercises due for review now, most overdue first."""
        turn = self.turn(student_id)
        rows = self.db.execute("SELECT exercise FROM reviews WHERE student_id = ? AND pack = ? AND due_turn <= ? "
                               "ORDER BY due_turn, exercise", (student_id, pack, turn))
        return [row[0] for row in rows]

    def solved(self, student_id: int, pack: str) -> set[str]:
        rows = self.db.execute("SELECT DISTINCT exercise FROM attempts WHERE student_id = ? AND pack = ? "
                               "AND verdict = 'correct'", (student_id, pack))
        return {row[0] for row in rows}

    def last_seen(self, student_id: int, pack: str) -> dict[str, int]:
        rows = self.db.execute("SELECT exercise, MAX(id) FROM attempts WHERE student_id = ? AND pack = ? "
                               "GROUP BY exercise", (student_id, pack))
        return dict(rows.fetchall())

    def attempts(self, student_id: int) -> list[Attempt]:
        rows = self.db.execute("SELECT pack, exercise, variant, answer, verdict, note, hints, at FROM attempts "
                               "WHERE student_id = ? ORDER BY id", (student_id,))
        return [Attempt(*row) for row in rows]

    def summary(self) -> list[dict]:
        """Per student: attempts, correct answers, sessions and skills (for `tutor progress`)."""
        out = []
        for name in self.students():
            student_id = self.student(name)
            attempts = self.attempts(student_id)
            sessions = self.db.execute("SELECT COUNT(*) FROM sessions WHERE student_id = ?",
                                       (student_id,)).fetchone()[0]
            out.append({
                "student": name,
                "sessions": sessions,
                "attempts": len(attempts),
                "correct": sum(a.verdict == "correct" for a in attempts),
                "skills": [{"skill": s.name, "mastery": round(s.score, 3), "attempts": s.attempts,
                            "correct": s.correct} for s in self.skills(student_id).values()],
            })
        return out


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK if the body raises."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.owner = True
        else:
            self.owner = False
        return self.db

    def __exit__(self, kind, value, traceback):
        if not self.owner:
            return False
        self.db.execute("ROLLBACK" if kind else "COMMIT")
        return False
