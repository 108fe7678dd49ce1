"""The `tutor` command: the table of commands, the parser, and `main`.

Each command is a module of this package with `setup(parser)`, which declares its arguments, and
`run(args)`, which runs it and prints what the library returns. Only the module of the command being
run is imported, so `tutor progress` and `tutor pack list` need no sympy and the first prompt of
`tutor` does not wait for the grader. Errors reach people as one short sentence; `--debug` shows
tracebacks.
"""

from __future__ import annotations

import argparse
import difflib
import errno
import gc
import importlib
import os
import re
import shlex
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from .. import plain_output
from ..errors import TutorError
from ..journal import JournalFailed
from ..outputs import OutputError
from ..stack import with_room

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK, EXIT_INCORRECT, EXIT_USAGE, EXIT_INVALID = 0, 1, 2, 3
EXIT_IO = 74  # an output could not be written (sysexits' EX_IOERR)
EXIT_BUG = 70  # only for a bug in the tutor (sysexits' EX_SOFTWARE): a traceback with --debug
EXIT_MEMORY = 71  # the job needed more memory than the machine gave (sysexits' EX_OSERR)
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as a shell reports a program it stopped


class UserError(TutorError):
    """A problem the person running the command can fix; printed as one sentence."""


@dataclass(frozen=True)
class Command:
    """A command of `tutor`: what `tutor --help` says of it, and the module of this package that
    declares its arguments (`setup(parser)`) and runs it (`run(args)`)."""

    summary: str
    module: str

    def load(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.module}")


COMMANDS: dict[str, Command] = {
    "practice": Command("practise exercises interactively (the default command)", "practice"),
    "progress": Command("your practice progress per skill", "progress"),
    "check": Command("check one answer, or a batch of JSON lines", "check"),
    "solve": Command("solve a calculation of the lesson exactly, with --steps to explain it", "solve"),
    "pack": Command("list, show, validate or start exercise packs", "pack"),
    "plot": Command("draw the lesson's pictures: surfaces, contour maps, descent paths, fits", "plot"),
    "grade": Command("grade a class's answers to a pack: grades, answers, report, problems", "grade"),
}


SEEDS = range(-2**63, 2**63)  # a practice session keeps its seed in SQLite, whose integers have 64 bits


def seed_number(text: str) -> int:
    """`--seed N`, the same for every command that takes it: a whole number a session can keep, so
    that `tutor --seed N` repeats what `tutor pack show --seed N` shows."""
    shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text)} characters)"  # 8,000 nines were echoed whole
    whole = re.fullmatch(r"\s*[+-]?[0-9]+\s*", text) is not None
    try:  # past 4,300 digits int() refuses a whole number, which is then out of range (outside check h62, F7)
        seed = int(text) if len(text) <= 40 or not whole else None
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: '{shown}'") from None
    if seed is None or seed not in SEEDS:
        raise argparse.ArgumentTypeError(f"{shown} is out of range: a seed is a whole number from "
                                         f"{SEEDS.start} to {SEEDS.stop - 1}")
    return seed


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose error says how to pass a value that starts with '-' (-x, -1,2), which
    argparse takes for an option: its own message only says an option went without its value, or that
    an argument was not recognised. Subcommands' parsers are of this class too (add_subparsers)."""

    given: list[str] = []
    command_line: list[str] = []  # the whole command's arguments, as the first parser to read them got them

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]  # typeshed: overloads
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        self.given = list(sys.argv[1:] if args is None else args)  # what the error's hint quotes
        if self.prog == "tutor":
            Parser.command_line = self.given
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        typed = Parser.command_line[:len(Parser.command_line) - len(self.given)]
        if self.given and typed and typed[-1] != self.prog.split()[-1]:  # an alias: `solve rates`, as typed
            self.prog = shlex.join(["tutor", *(word for word in typed if word != "--debug")])
        options = set(self._option_string_actions)
        super().error(message + (dash_hint(message, self.given, self.prog, options) or command_hint(message)))

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """As argparse's, but a write that fails is not passed over: `tutor --help > /dev/full` is told."""
        if message:
            (file or sys.stderr).write(message)


def command_hint(message: str) -> str:
    """A word no command took that is a command misspelt (`tutor pratice`, read as practice's argument): the
    command meant."""
    unknown = re.fullmatch(r"unrecognized arguments: (\S+).*", message)
    close = difflib.get_close_matches(unknown.group(1), COMMANDS, n=1) if unknown else []
    return f"; did you mean the command {close[0]}?" if close else ""


_NEGATIVE_NUMBER = re.compile(r"-\d+|-\d*\.\d+")  # what argparse reads as a value, not an option


def dash_hint(message: str, given: list[str], prog: str, options: Collection[str] = ()) -> str:
    """What to add to argparse's `message` where a value that starts with '-' was taken for an option
    (`options`: the parser's own, which are not)."""
    missing = re.fullmatch(r"argument (\S+): expected one argument", message)
    if missing:
        names = missing.group(1).split("/")
        at = next((i for i, arg in enumerate(given) if arg in names), None)
        if at is None or at + 1 >= len(given) or not given[at + 1].startswith("-"):
            return ""
        option = next((n for n in names if n.startswith("--")), names[0])
        return f"; a value that starts with '-' is joined to its option with '=': {option}={given[at + 1]}"
    unknown = re.fullmatch(r"unrecognized arguments: (.*)", message)
    required = re.fullmatch(r"the following arguments are required: .*", message)
    if not (unknown or required):
        return ""
    if "--" in given:
        return "; everything after -- is read as a value, so options go before it" if unknown else ""
    # a value taken for an option leaves the argument it is missing: `solve rates -x^2 --start 0.1`
    extras = (unknown.group(1).split() if unknown
              else [arg for arg in given if arg not in options and not _NEGATIVE_NUMBER.fullmatch(arg)])
    dashed = [arg for arg in given if arg.startswith("-") and not arg.startswith("--") and arg in extras]
    if not dashed:
        return ""
    rest = [arg for arg in given if arg not in dashed]
    return (f"; if {dashed[0]} is a value, not an option, put it last, after --: "
            f"{prog} {shlex.join([*rest, '--', *dashed])}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only`, of that command alone (the others by name and
    summary: their arguments, and the modules that declare them, are not needed)."""
    parser = Parser(
        prog="tutor",
        description="Practise and grade multivariable calculus: partial derivatives, gradients, "
                    "critical points, least squares, gradient descent.",
        epilog="Without a command, tutor practises, and takes practice's options: "
               "tutor --pack drills --topic gradients (see: tutor practice --help).")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.summary, description=command.summary)
        if only is None or name == only:
            command.load().setup(sub)
    return parser


def practice_by_default(argv: list[str]) -> list[str]:
    """`tutor` and `tutor --pack drills` practise: without a command, the arguments are practice's."""
    at = next((i for i, arg in enumerate(argv) if arg != "--debug"), len(argv))
    if at < len(argv) and (argv[at] in COMMANDS or argv[at] in ("-h", "--help")):
        return argv
    return [*argv[:at], "practice", *argv[at:]]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = with_room(_main, argv)  # see tutor.stack: sympy's recursion, without a system call at each step
    except KeyboardInterrupt:  # Ctrl-C at any moment, while the command loads too (sympy takes a second)
        return EXIT_INTERRUPTED
    except SystemExit:  # argparse's --help and usage errors: their text must reach the output too
        if not _written(argv is None):
            return EXIT_IO
        raise
    except BrokenPipeError:  # `tutor --help | head -1`
        return EXIT_OK
    except OSError as error:  # argparse printing its help to a full disk
        if error.errno not in _FULL:
            raise
        return _unwritten(error, argv is None)
    return code if _written(argv is None) else EXIT_IO


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)  # what a full disk or a quota makes a write give


def _written(whole_process: bool) -> bool:
    """Whether what was printed reached standard output: flushed here, so that a full disk (`> /dev/full`) is
    told, with exit status 74, rather than lost at the interpreter's exit (outside check h23)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:
        _unwritten(error, whole_process)
        return False
    return True


def _unwritten(error: OSError, whole_process: bool) -> int:
    print(f"tutor: the output could not be written ({error.strerror or error})", file=sys.stderr)
    if whole_process:  # nothing more to flush at exit, where it would fail again
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    return EXIT_IO


def _main(argv: Sequence[str] | None) -> int:
    whole_process = argv is None  # the tutor is the program, not called by another (a test)
    if whole_process:
        plain_output.fitted()  # an ASCII locale: the maths in ASCII, not a crash
        # Loading the command (sympy, the kinds, prompt_toolkit) makes objects that live as long as the
        # process and next to no garbage: the cyclic collector is off while it loads, then leaves those
        # objects out for good (gc.freeze), so no collection walks them again, nor does the interpreter's
        # exit. A piped practice session saves about half the CPU of `import sympy` (bench_startup.py).
        gc.disable()
    argv = practice_by_default([plain_output.as_typed(arg) for arg in sys.argv[1:]] if argv is None else list(argv))
    named = [arg for arg in argv if arg in COMMANDS]
    args = build_parser(only=named[0] if named else "").parse_args(argv)
    command = COMMANDS[args.command].load()
    if whole_process:
        gc.freeze()
        gc.enable()
    try:
        return command.run(args)
    except UserError as error:
        print(f"tutor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (OutputError, JournalFailed) as error:  # the disk is full, a folder is read-only ...
        print(f"tutor: {error}", file=sys.stderr)
        return EXIT_IO
    except MemoryError:  # a job too large for this machine (a roster of 100,000 students), not a bug
        print("tutor: ran out of memory; nothing was finished or written (what was there before is left whole): "
              "split the job, or run it where there is more memory", file=sys.stderr)
        return EXIT_MEMORY
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence before a person
        if isinstance(error, OSError) and error.errno in _FULL:  # printing to a full disk: not a bug
            return _unwritten(error, whole_process)
        if args.debug:
            raise
        print(f"tutor: something went wrong ({type(error).__name__}: {error}); this is a bug in the tutor: "
              f"please report it, with what `tutor --debug {shlex.join(argv)}` prints", file=sys.stderr)
        return EXIT_BUG
