"""`tutor progress`: a student's practice progress per skill, from the progress database (no sympy)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import store
from ..plain_output import writing_plain
from ..words import counted
from . import EXIT_OK, UserError


def setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="the progress database (default: in your data folder)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    path = args.db or store.default_home() / "progress.sqlite3"
    # a first session on a full disk left its answers kept beside where the database goes: saved now, and shown
    if not path.exists() and not any(kept.exists() for kept in store.kept_places(path)):
        raise UserError(f"no progress yet at {path}; start with: tutor practice")
    progress = open_store(path)
    try:
        summary = progress.summary()
    finally:
        progress.close()
        # kept writes saved, or a damaged file of them set aside (a read-only file is only read: nothing to say)
        for notice in [] if progress.read_only else progress.take_notices():
            print(f"tutor: {notice}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary, ensure_ascii=writing_plain(), indent=2))
        return EXIT_OK
    for student in summary:
        print(f"{student['student']}: {student['correct']} of {counted(student['attempts'], 'answer')} right "
              f"in {counted(student['sessions'], 'session')}")
        for skill in student["skills"]:
            bar = store.mastery_bar(skill["mastery"])
            print(f"  {skill['skill']:<22} {bar} {skill['correct_without_help']:>3}/{skill['attempts']}")
    if any(student["skills"] for student in summary):
        print(store.MASTERY_RULE)
    return EXIT_OK


def open_store(path: Path) -> store.Store:
    try:
        return store.Store(path)
    except store.StoreError as error:
        raise UserError(str(error)) from None
