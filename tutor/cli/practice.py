"""`tutor practice` (and `tutor` alone): a practice session in the prompt_toolkit shell (from a pipe,
line by line)."""

from __future__ import annotations

import argparse
import getpass
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from prompt_toolkit.utils import is_dumb_terminal

from .. import repl, store
from ..builtin_packs import BUILT_IN
from ..practice import ALL, NothingToSet, Session
from ..words import unseen
from . import EXIT_OK, UserError, seed_number
from .pack_files import load_pack
from .progress import open_store

if TYPE_CHECKING:
    from ..packs import Pack

DEFAULT_PACK = "gradients"  # the lesson's own: where a student starts


def setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", help="a built-in pack (gradients, drills) or a pack file (default: the built-in "
                                       "pack practised last, with its skill, where no --topic is given; "
                                       "else gradients)")
    parser.add_argument("--topic", help="practise one skill (a tag of the pack), or all of them")
    parser.add_argument("--seed", type=seed_number, help="fix the variants drawn, to repeat a session")
    parser.add_argument("--db", type=Path, help="the progress database (default: in your data folder)")
    parser.add_argument("--student", type=student_name, default=None,
                        help="whose progress (default: your user name)")


def student_name(text: str) -> str:
    """`--student NAME`: refused where it holds a character a terminal acts on (an escape sequence), as an answer
    and a pack are: the session greets the student by it, on a screen or into a file."""
    why = unseen(text, "a name")
    if why:
        raise argparse.ArgumentTypeError(why)
    return text


def run(args: argparse.Namespace) -> int:
    topic = None if args.topic == ALL else args.topic  # every skill, as `:topic all` is in the session
    given = args.pack is not None or args.topic is not None  # else where the student left off, read from the progress
    pack = _practised(args.pack or DEFAULT_PACK, topic) if given else None  # refused before the progress is opened
    home = store.default_home()
    progress = open_store(args.db or home / "progress.sqlite3")
    options = {"seed": args.seed} if args.seed is not None else {}
    with repl.Ending() as ending:  # closing the window ends the session as :quit does, saving what is kept
        try:
            student = args.student or _user()
            if pack is None:
                name, topic = _where_left(progress, student)
                pack = _practised(name, topic)
            session = Session(pack, progress, student, topic=topic, **options)
            answers = sys.stdin if sys.stdin is not None else io.StringIO()  # closed (`<&-`): input with no lines
            screen = sys.stdout is not None and sys.stdout.isatty()  # None: closed (`>&-`)
            if answers.isatty() and screen and not is_dumb_terminal():
                repl.Shell(session, history=history(home, session.student), ending=ending).run()
            else:  # answers from a pipe or a file, or a session kept in a file, or a terminal that can't draw
                if answers.isatty() and not screen:
                    print("tutor: the output is not a terminal, so the session is written as plain lines: type "
                          "each answer and Enter; Ctrl-D ends it", file=sys.stderr)
                if isinstance(answers, io.TextIOWrapper):  # a byte that is not text is told of, not a crash
                    answers.reconfigure(errors="surrogateescape")
                out = sys.stdout if sys.stdout is not None else io.StringIO()  # closed: graded and saved, unseen
                repl.Piped(session, answers, out, ending=ending).run()
        except NothingToSet as error:  # a pack file whose every exercise can't be set: said, not a bug
            raise UserError(error.message) from None
        finally:
            progress.close()
    try:
        for notice in progress.take_notices():
            print(f"tutor: {notice}", file=sys.stderr)
    except OSError:  # the terminal is gone with its window: no one to read them
        pass
    return EXIT_OK


def _practised(name: str, topic: str | None) -> Pack:
    # a built-in pack is verified by the tests, a pack file's exercise as it is set (Session): start at once
    pack = load_pack(name, when_set=True)
    if topic and topic not in pack.tags:
        raise UserError(f"no skill '{topic}' in {pack.id}; try one of: {', '.join(pack.tags)}")
    return pack


def _where_left(progress: store.Store, student: str) -> tuple[str, str | None]:
    """The pack and skill `tutor` alone goes on with: those of the student's last session, where its pack is a
    built-in one (a pack file is named by its id only); else the lesson's pack, every skill."""
    visit = progress.last_visit(progress.student(student))
    if visit is None or visit.pack not in BUILT_IN:
        return DEFAULT_PACK, None
    return visit.pack, visit.topic


def history(home: Path, student: str) -> Path:
    """The student's own answer history: `histories/NAME` in the tutor's home. The one history every
    student of the account shared before (`history`) becomes the account's own student's (the default
    --student, the user name), once, as it mostly holds their answers; other students start afresh."""
    own = home / "histories" / store.student_folder(student)
    shared = home / "history"
    if student == _user() and shared.is_file() and not own.exists():
        try:
            own.parent.mkdir(parents=True, exist_ok=True)
            shared.replace(own)
        except OSError:  # a read-only home: the shared one, read as before
            return shared
    return own


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "student"
