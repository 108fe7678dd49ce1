"""The one base of every error the tutor reports to a person.

A TutorError is something a person can act on: one short sentence, and where
the trouble is when that is known (a column of typed text, or a place in a
file). Everything else that escapes is a bug, which the command line reports
as such (exit 70, the traceback with --debug).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Where:
    """A place in a file, as editors and compilers write it: FILE:LINE:COL (both 1-based)."""

    file: str
    line: int
    column: int

    @classmethod
    def of(cls, file: str, node: _Marked) -> Where:
        """Where a parsed YAML node starts."""
        return cls(file, node.start_mark.line + 1, node.start_mark.column + 1)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class _Mark(Protocol):
    line: int  # 0-based
    column: int  # 0-based


class _Marked(Protocol):
    @property
    def start_mark(self) -> _Mark: ...


class TutorError(Exception):
    """A problem to tell a person about: `message` is one sentence; `position` is a 0-based column
    of the text they typed, or a Where in a file, or None."""

    def __init__(self, message: str, position: int | Where | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

