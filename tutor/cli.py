"""The `tutor` command: argument parsing, and printing what the modules return.

Every command is a pair: a function that declares its arguments and one that
runs it. Errors reach people as one short sentence; `--debug` shows tracebacks.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from . import grade, gradescope, packs, plot, reports, store
from .analysis import summary_markdown
from .calculus import SolveError
from .check import Judgement, Verdict, check, check_lines, names
from .errors import TutorError
from .feedback import respond
from .journal import JournalError, JournalFailed
from .limits import LIMITS
from .lms import FORMATS, LMS, Columns, ExportError, check_headers, export
from .outputs import Busy, OutputError, Writer, locked, sweep
from .parse import SHAPES, InputError
from .roster import Roster, RosterError, enrol, read_roster
from .student_feedback import earlier_pages, feedback_files
from .submissions import Submissions, read_submissions
from .topics import TOPICS, Command

EXIT_OK, EXIT_INCORRECT, EXIT_USAGE, EXIT_INVALID = 0, 1, 2, 3
EXIT_IO = 74  # an output could not be written (sysexits' EX_IOERR)
EXIT_BUG = 70  # only for a bug in the tutor (sysexits' EX_SOFTWARE): a traceback with --debug


class UserError(TutorError):
    """A problem the person running the command can fix; printed as one sentence."""


# ------------------------------------------------------------------------ check


def setup_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answer", nargs="?", help="the answer to check, as a student would type it")
    parser.add_argument("--expected", "-e", help="the correct answer (trusted, same syntax)")
    parser.add_argument("--vars", help="the variables a student may use, like x,y (default: those of --expected)")
    parser.add_argument("--shape", choices=SHAPES, help="the kind of answer (default: like --expected)")
    parser.add_argument("--tol", help="for decimals: relative, like 1e-3, or decimal places, like dp:4")
    parser.add_argument("--json", action="store_true", help="print the verdict as one JSON object")
    parser.add_argument("--batch", metavar="FILE",
                        help="check JSON lines from FILE (- for stdin) and print JSON lines")
    parser.add_argument("--exercise", metavar="PACK:ID",
                        help="check against a pack's exercise instead of --expected, naming the mistake "
                             "when it is a known one (PACK: a built-in pack id or a pack file)")
    variant = parser.add_mutually_exclusive_group()
    variant.add_argument("--student", help="with --exercise: the variant this student sees")
    variant.add_argument("--seed", type=int, help="with --exercise: the variant drawn for this number")


def run_check(args: argparse.Namespace) -> int:
    if args.exercise:
        return _check_exercise(args)
    if args.student is not None or args.seed is not None:
        raise UserError("--student and --seed choose a variant of an --exercise")
    if args.batch:
        stream = sys.stdin.buffer if args.batch == "-" else _open_bytes(args.batch)
        failed = False
        for result in check_lines(stream):
            failed |= "error" in result
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return EXIT_INCORRECT if failed else EXIT_OK
    if args.answer is None or args.expected is None:
        raise UserError("give an answer and --expected (or --batch FILE)")
    try:
        verdict = check(args.answer, args.expected, variables=names(args.vars),
                        shape=args.shape, tolerance=args.tol)
    except InputError as error:  # the expected answer or the tolerance can't be read
        raise UserError(f"--expected or --tol can't be used: {error.message}") from None
    return _print_verdict(verdict, args.answer, args.json)


def _check_exercise(args: argparse.Namespace) -> int:
    """`tutor check ANSWER --exercise PACK:ID`: the exercise's own check, with diagnosis."""
    given = [name for name in ("expected", "vars", "shape", "tol", "batch") if getattr(args, name)]
    if given:
        raise UserError(f"--{given[0]} can't be used with --exercise: the exercise says what is expected")
    if args.answer is None:
        raise UserError("give the answer to check against the exercise")
    pack_name, _, exercise_id = args.exercise.rpartition(":")
    if not pack_name or not exercise_id:
        raise UserError("--exercise names a pack and an exercise, like gradients:partial-x-3x2y3")
    pack = _load_pack(pack_name)
    try:
        spec = pack.exercise(exercise_id)
    except KeyError as error:
        raise UserError(error.args[0]) from None
    try:
        exercise = spec.variant(args.student) if args.seed is None else spec.drawn(args.seed)
    except TutorError as error:  # parameters that meet no `require`, a variant the solvers refuse
        raise UserError(error.message) from None
    return _print_verdict(respond(exercise, args.answer), args.answer, args.json)


def _print_verdict(verdict: Verdict, answer: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps(verdict.to_dict(), ensure_ascii=False))
    else:
        print(verdict.verdict)
        print(verdict.pointer(answer) if verdict.verdict == Judgement.INVALID else verdict.message)
        if verdict.reading and verdict.verdict != Judgement.INVALID:
            print(f"read as: {verdict.reading}")
    return {Judgement.CORRECT: EXIT_OK, Judgement.INCORRECT: EXIT_INCORRECT}.get(verdict.verdict, EXIT_INVALID)


def _open_bytes(path: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as error:
        raise UserError(f"can't read {path}: {error.strerror}") from None


# ------------------------------------------------------------------------ solve

def _subcommands(parser: argparse.ArgumentParser,
                 commands: Sequence[Command]) -> Iterator[tuple[Command, argparse.ArgumentParser]]:
    """A subcommand for each kind's command (`tutor solve partial_derivative`, `tutor plot surface` ...),
    with its own arguments; aliases (`tutor solve partial`) lead to the same one."""
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for command in commands:
        sub = kinds.add_parser(command.name, aliases=list(command.aliases), help=command.help,
                               description=command.help)
        command.arguments(sub)
        sub.set_defaults(kind_command=command)
        yield command, sub


def setup_solve(parser: argparse.ArgumentParser) -> None:
    for _command, sub in _subcommands(parser, [topic.solve for topic in TOPICS if topic.solve]):
        sub.add_argument("--steps", action="store_true", help="explain each step")
        form = sub.add_mutually_exclusive_group()
        form.add_argument("--latex", action="store_true", help="print LaTeX")
        form.add_argument("--json", action="store_true", help="print one JSON object")


def run_solve(args: argparse.Namespace) -> int:
    try:
        solution = args.kind_command.run(args)
    except (SolveError, InputError) as error:
        raise UserError(error.message) from None
    print(solution.render("json" if args.json else "latex" if args.latex else "text"))
    return EXIT_OK


# ------------------------------------------------------------------------- plot


def setup_plot(parser: argparse.ArgumentParser) -> None:
    for command, sub in _subcommands(parser, [topic.plot for topic in TOPICS if topic.plot]):
        sub.add_argument("--out", "-o", metavar="FILE", help=f"the PNG to write (default: {command.name}.png)")
        sub.add_argument("--text", action="store_true", help="draw in the terminal instead of writing a PNG")


def run_plot(args: argparse.Namespace) -> int:
    try:
        figure = args.kind_command.run(args)
    except (SolveError, InputError) as error:
        raise UserError(error.message) from None
    if args.text:
        print(plot.render_text(figure, width=shutil.get_terminal_size().columns))
        return EXIT_OK
    path = Path(args.out or f"{figure.name}.png")
    try:
        print(plot.write_png(figure, path))
    except plot.NoMatplotlib as error:
        raise UserError(error.message) from None
    except OSError as error:
        raise UserError(f"can't write {path}: {error.strerror}") from None
    return EXIT_OK


# ------------------------------------------------------------------------- pack


def setup_pack(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the built-in packs and any given pack files")
    listing.add_argument("files", nargs="*", metavar="FILE")
    show_ = actions.add_parser("show", help="the exercises of a pack, as a student sees them")
    show_.add_argument("pack", help="a built-in pack id (gradients, drills) or a pack file")
    show_.add_argument("exercise", nargs="?", help="only this exercise")
    variant = show_.add_mutually_exclusive_group()
    variant.add_argument("--seed", type=int, help="the variant drawn for this number (practice numbers)")
    variant.add_argument("--student", help="the variant this student is given and graded on")
    show_.add_argument("--answers", action="store_true", help="also show the expected answers")
    show_.add_argument("--latex", action="store_true", help="prompts in LaTeX")
    validate = actions.add_parser("validate", help="check pack files: structure, kinds, answers, variants")
    validate.add_argument("files", nargs="+", metavar="FILE")
    new = actions.add_parser("new", help="write a commented template for a new pack")
    new.add_argument("file", metavar="FILE")
    actions.add_parser("schema", help="the JSON Schema of pack files, for editors")


def run_pack(args: argparse.Namespace) -> int:
    if args.action == "list":
        from . import builtin_packs

        for listed in map(builtin_packs.listed, builtin_packs.BUILT_IN):  # without sympy
            print(f"{listed.id:<12} {listed.exercises:>3} exercises  {listed.title}  ({listed.source})")
        for name in args.files:
            pack = _load_pack(name)
            print(f"{pack.id:<12} {len(pack.exercises):>3} exercises  {pack.title}  ({pack.source})")
        return EXIT_OK
    if args.action == "show":
        pack = _load_pack(args.pack)
        try:
            specs = [pack.exercise(args.exercise)] if args.exercise else list(pack.exercises)
        except KeyError as error:
            raise UserError(error.args[0]) from None
        print(f"{pack.id}: {pack.title} ({len(pack.exercises)} exercises)")
        for number, spec in enumerate(specs, start=1):
            exercise = spec.variant(args.student) if args.seed is None else spec.drawn(args.seed)
            tags = f"  [{', '.join(spec.tags)}]" if spec.tags else ""
            print(f"\n{number}. {spec.id} ({spec.kind}){tags}")
            print(f"   {exercise.prompt(latex=args.latex)}")
            if args.answers:
                print(f"   answer: {exercise.problem.show(exercise.expected().value, latex=args.latex)}")
        return EXIT_OK
    if args.action == "validate":
        failed = False
        for name in args.files:
            try:
                pack = packs.load(name)
            except packs.PackError as error:
                failed = True
                print("\n".join(error.problems))
                continue
            problems = packs.self_check(pack)
            failed |= bool(problems)
            print("\n".join(problems) if problems else
                  f"{name}: valid ({len(pack.exercises)} exercises; each one's answer grades as correct)")
        return EXIT_INCORRECT if failed else EXIT_OK
    if args.action == "schema":
        print(json.dumps(packs.json_schema(), ensure_ascii=False, indent=2))
        return EXIT_OK
    path = Path(args.file)
    if path.exists():
        raise UserError(f"{path} already exists; choose another name")
    try:
        path.write_text(packs.TEMPLATE, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"can't write {path} ({error.strerror})") from None
    print(f"wrote {path}; edit it, then run: tutor pack validate {path}")
    return EXIT_OK


def _load_pack(name: str, verify: bool = True) -> packs.Pack:
    try:
        return packs.load(name, verify=verify)
    except packs.PackError as error:
        raise UserError("\n".join(error.problems)) from None


# --------------------------------------------------------------- practice, progress


def setup_practice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", default="gradients",
                        help="a built-in pack (gradients, drills) or a pack file (default: gradients)")
    parser.add_argument("--topic", help="practise one skill (a tag of the pack)")
    parser.add_argument("--seed", type=int, help="fix the variants drawn, to repeat a session")
    parser.add_argument("--db", type=Path, help="the progress database (default: in your data folder)")
    parser.add_argument("--student", default=None, help="whose progress (default: your user name)")


def run_practice(args: argparse.Namespace) -> int:
    from .practice import Session  # the REPL's imports wait until someone practises
    from .repl import Shell

    pack = _load_pack(args.pack, verify=False)  # a built-in pack is verified by the tests: start at once
    if args.topic and args.topic not in pack.tags:
        raise UserError(f"no skill '{args.topic}' in {pack.id}; try one of: {', '.join(pack.tags)}")
    home = store.default_home()
    progress = _open_store(args.db or home / "progress.sqlite3")
    options = {"seed": args.seed} if args.seed is not None else {}
    session = Session(pack, progress, args.student or _user(), topic=args.topic, **options)
    try:
        Shell(session, history=home / "history").run()
    finally:
        progress.close()
        for notice in progress.take_notices():
            print(f"tutor: {notice}", file=sys.stderr)
    return EXIT_OK


def _open_store(path: Path) -> store.Store:
    try:
        return store.Store(path)
    except store.StoreError as error:
        raise UserError(str(error)) from None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "student"


def setup_progress(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="the progress database (default: in your data folder)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run_progress(args: argparse.Namespace) -> int:
    path = args.db or store.default_home() / "progress.sqlite3"
    if not path.exists():
        raise UserError(f"no progress yet at {path}; start with: tutor practice")
    progress = _open_store(path)
    try:
        summary = progress.summary()
    finally:
        progress.close()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return EXIT_OK
    for student in summary:
        print(f"{student['student']}: {student['correct']} of {student['attempts']} answers right "
              f"in {student['sessions']} session{'s' if student['sessions'] != 1 else ''}")
        for skill in student["skills"]:
            bar = "█" * round(skill["mastery"] * 10) + "·" * (10 - round(skill["mastery"] * 10))
            print(f"  {skill['skill']:<22} {bar} {skill['correct']:>3}/{skill['attempts']}")
    return EXIT_OK

# ------------------------------------------------------------------------ grade

GRADESCOPE_SUBMISSION, GRADESCOPE_RESULTS = "/autograder/submission", "/autograder/results"


def setup_grade(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", help="a built-in pack id (gradients, drills) or a pack file")
    parser.add_argument("submissions", nargs="*", metavar="SUBMISSIONS",
                        help="CSV files (student,exercise,answer), YAML or JSON files of one student "
                             "({student: ID, answers: {EXERCISE: ANSWER}}), or folders of them")
    parser.add_argument("--out", metavar="DIR",
                        help=f"where the reports go (default ./grades, or {GRADESCOPE_RESULTS} with --gradescope)")
    parser.add_argument("--jobs", type=_at_least(1, int), default=min(os.cpu_count() or 1, 8), metavar="N",
                        help="worker processes (default: one per core, at most 8)")
    parser.add_argument("--timeout", type=_at_least(0.01, float), default=LIMITS.budget_seconds, metavar="S",
                        help="CPU seconds one answer may take before it is marked timeout: an outer guard, far "
                             f"above what any answer within the limits needs (default {LIMITS.budget_seconds:g})")
    parser.add_argument("--resume", action="store_true",
                        help="finish an interrupted run from its journal in --out")
    parser.add_argument("--gradescope", action="store_true",
                        help=f"grade one Gradescope submission (default folder {GRADESCOPE_SUBMISSION}) "
                             "and write results.json; the submitter is who Gradescope's "
                             "submission_metadata.json names")
    parser.add_argument("--roster", metavar="FILE",
                        help="the class list: a CSV with an 'id' column and any others (name, email, section "
                             "...); everyone on it gets a row, answers from ids not on it are reported")
    parser.add_argument("--format", choices=[f.value for f in LMS],
                        help="also write the gradebook in the columns a learning management system imports "
                             "(canvas.csv, moodle.csv, blackboard.csv), or as a plain table (plain.csv: id, "
                             "roster columns, grades; no points-possible row)")
    parser.add_argument("--columns", choices=[c.value for c in Columns], default=Columns.ASSIGNMENT.value,
                        help="with --format: one grade column for the pack's total (default), or one per exercise")
    parser.add_argument("--assignment", metavar="NAME",
                        help="with --format and --columns assignment: the grade column's name (default: the "
                             "pack's title), like 'Homework 3 (4512)' for an existing Canvas assignment")
    parser.add_argument("--feedback", metavar="DIR",
                        help="write a feedback page for each student in DIR, in Markdown and HTML")
    parser.add_argument("--summary", metavar="FILE",
                        help="write the item analysis of each exercise as a printable Markdown page")


def _at_least(low: float, kind: type) -> Callable[[str], float]:
    def convert(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}")
        return value
    return convert


def run_grade(args: argparse.Namespace) -> int:
    started = time.monotonic()
    pack = _load_pack(args.pack)
    paths = args.submissions or ([GRADESCOPE_SUBMISSION] if args.gradescope else [])
    if not paths:
        raise UserError("give the submissions: CSV files, YAML or JSON files, or folders of them")
    _check_grade_options(args, pack)
    missing = [path for path in paths if not Path(path).exists() and not Path(path).is_symlink()]
    if missing:  # a mistyped path must not become an empty gradebook over the last one
        raise UserError(f"no such file or folder: {missing[0]}; nothing was written")
    out = Path(args.out or (GRADESCOPE_RESULTS if args.gradescope else "grades"))
    try:
        roster = read_roster(args.roster) if args.roster else None
    except RosterError as error:
        raise UserError(f"{error.message}; nothing was written") from None
    given = read_submissions(paths, pack)  # all of the input, before anything is written
    if roster is not None and not args.gradescope:
        given = enrol(roster, given)
    for problem in given.problems:
        print(problem, file=sys.stderr)
    settings = {"jobs": args.jobs, "timeout": args.timeout,
                "progress": _progress_bar() if sys.stderr.isatty() else None}
    try:
        with locked(out):
            if args.gradescope:
                return _grade_gradescope(pack, given, roster, Path(paths[0]), out, settings, started)
            feedback = Path(args.feedback).absolute() if args.feedback else None
            other = feedback if feedback and feedback.resolve() != out.resolve() else None  # --out is locked
            with grade.open_journal(out, pack, args.timeout, args.resume) as journal, \
                    (locked(other) if other else contextlib.nullcontext()):
                book = grade.grade(pack, given, journal=journal, **settings)
                more, warnings = _more_outputs(book, args, feedback)
                reports.write_reports(book, out, more)
            print(reports.summary_table(book))
            names = [*reports.FILES, *([FORMATS[LMS(args.format)].file] if args.format else [])]
            shown = [str(out / name) for name in names] + ([args.summary] if args.summary else [])
            pages = f"; a feedback page for each of {len(book.students)} students in {args.feedback}" \
                if feedback else ""
            print(f"checked {book.checked} distinct answers in {time.monotonic() - started:.1f} s; "
                  f"wrote {', '.join(shown)}{pages}")
            for warning in warnings:
                print(f"tutor: {warning}", file=sys.stderr)
    except Busy as error:
        raise UserError(str(error)) from None
    except JournalFailed:
        raise  # a full disk, say: not a usage error
    except JournalError as error:  # another job's journal
        raise UserError(str(error)) from None
    return _problems_status(given)


def _check_grade_options(args: argparse.Namespace, pack: packs.Pack) -> None:
    """Options that can't work together are refused before anything is read or written."""
    if args.gradescope:
        used = [name for name in ("feedback", "summary", "assignment") if getattr(args, name)]
        used += ["format"] if args.format else []
        if used:
            raise UserError(f"--{used[0]} is for grading a class, not one Gradescope submission")
    elif not args.format and (args.assignment or args.columns != Columns.ASSIGNMENT):
        raise UserError("--columns and --assignment choose the grade columns of --format")
    elif args.assignment and args.columns == Columns.EXERCISE:
        raise UserError("--assignment names the one grade column of --columns assignment; with --columns "
                        "exercise each column is named PACK: EXERCISE")
    elif args.format:
        try:
            check_headers(pack, LMS(args.format), Columns(args.columns), args.assignment)
        except ExportError as error:
            raise UserError(error.message) from None


def _more_outputs(book: grade.Gradebook, args: argparse.Namespace, feedback: Path | None) -> \
        tuple[dict[str | Path, Writer], list[str]]:
    """The files beside the reports: the LMS's gradebook, the summary, the feedback pages."""
    more: dict[str | Path, Writer] = {}
    warnings: list[str] = []
    if args.format:
        name, writer, warnings = export(book, LMS(args.format), Columns(args.columns), args.assignment)
        more[name] = writer
    if args.summary:
        summary = Path(args.summary).absolute()
        sweep(summary)
        text = summary_markdown(book)
        more[summary] = lambda stream: stream.write(text)
    if feedback is not None:
        pages = feedback_files(book)
        more.update({feedback / name: writer for name, writer in pages.items()})
        warnings += [f"{page} is a feedback page from an earlier run, of a student not in this one; remove it "
                     "before sending the folder's pages" for page in earlier_pages(feedback, pages)]
    return more, warnings


def _grade_gradescope(pack: packs.Pack, given: Submissions, roster: Roster | None, submission: Path, out: Path,
                      settings: dict, started: float) -> int:
    """One Gradescope submission, graded as the submitter's (the metadata's), into results.json."""
    identity, refused = None, ""
    try:
        submitters = gradescope.read_submitters(gradescope.metadata_path(submission))
        given, identity = gradescope.identify(given, submitters, roster)
    except gradescope.MetadataError as error:
        given, refused = replace(given, answers=()), error.message
    book = grade.grade(pack, given, **settings)
    data = gradescope.results(book, time.monotonic() - started, identity, refused)
    print(f"wrote {gradescope.write_results(out, data)}")
    if refused:
        print(f"tutor: {refused}; nothing was graded", file=sys.stderr)
        return EXIT_INCORRECT
    return _problems_status(given)


def _problems_status(given: Submissions) -> int:
    if given.problems:
        print(f"tutor: {len(given.problems)} problem(s) in the submissions; the rest was graded",
              file=sys.stderr)
        return EXIT_INCORRECT
    return EXIT_OK


def _progress_bar(width: int = 30) -> Callable[[int, int], None]:
    last = [0.0]

    def show_progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        filled = width * done // total
        sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show_progress


# ------------------------------------------------------------------------- main

COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "practice": ("practise exercises interactively (the default command)", setup_practice, run_practice),
    "progress": ("your practice progress per skill", setup_progress, run_progress),
    "check": ("check one answer, or a batch of JSON lines", setup_check, run_check),
    "solve": ("solve a calculation of the lesson exactly, with --steps to explain it", setup_solve, run_solve),
    "pack": ("list, show, validate or start exercise packs", setup_pack, run_pack),
    "plot": ("draw the lesson's pictures: surfaces, contour maps, descent paths, fits", setup_plot, run_plot),
    "grade": ("grade a class's answers to a pack: grades, answers, report, problems", setup_grade, run_grade),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only`, of that command alone (the others by name and
    summary: their arguments, and the modules that declare them, are not needed)."""
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="Practise and grade multivariable calculus: partial derivatives, gradients, "
                    "critical points, least squares, gradient descent.",
        epilog="Without a command, tutor practises, and takes practice's options: "
               "tutor --pack drills --topic gradients (see: tutor practice --help).")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, setup, _run) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        if only is None or name == only:
            setup(sub)
    return parser


def practice_by_default(argv: list[str]) -> list[str]:
    """`tutor` and `tutor --pack drills` practise: without a command, the arguments are practice's."""
    at = next((i for i, arg in enumerate(argv) if arg != "--debug"), len(argv))
    if at < len(argv) and (argv[at] in COMMANDS or argv[at] in ("-h", "--help")):
        return argv
    return [*argv[:at], "practice", *argv[at:]]


def main(argv: Sequence[str] | None = None) -> int:
    argv = practice_by_default(list(sys.argv[1:] if argv is None else argv))
    named = [arg for arg in argv if arg in COMMANDS]
    args = build_parser(only=named[0] if named else "").parse_args(argv)
    _summary, _setup, run = COMMANDS[args.command]
    try:
        return run(args)
    except UserError as error:
        print(f"tutor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (OutputError, JournalFailed) as error:  # the disk is full, a folder is read-only ...
        print(f"tutor: {error}", file=sys.stderr)
        return EXIT_IO
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence before a person
        if args.debug:
            raise
        print(f"tutor: something went wrong ({type(error).__name__}: {error}); this is a bug in the tutor: "
              "please report it, with the output of --debug", file=sys.stderr)
        return EXIT_BUG
