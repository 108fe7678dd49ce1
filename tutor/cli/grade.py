"""`tutor grade`: a class's answers to a pack graded into reports, LMS gradebooks, feedback pages and
an item analysis; or one Gradescope submission into results.json."""

from __future__ import annotations

import argparse
import contextlib
import errno
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .. import grade, gradescope, packs, reports
from ..analysis import summary_markdown
from ..interrupts import stop_as_ctrl_c
from ..journal import FILE_NAME as JOURNAL
from ..journal import JournalError, JournalFailed
from ..limits import LIMITS
from ..lms import FORMATS, LMS, Columns, ExportError, check_columns, export
from ..outputs import LOCK_NAME, PAGES_INDEX, Busy, Writer, locked, sweep
from ..roster import Roster, RosterError, enrol, read_roster
from ..safe_read import resolved
from ..student_feedback import earlier_pages, feedback_files
from ..submissions import Submissions, file_name, not_written, read_submissions
from ..words import counted, first_of
from . import EXIT_INCORRECT, EXIT_INTERRUPTED, EXIT_OK, UserError
from .pack_files import load_pack

GRADESCOPE_SUBMISSION, GRADESCOPE_RESULTS = "/autograder/submission", "/autograder/results"
# A day of CPU time for one answer is already no limit at all; far above it, the CPU timer can't be set
# (setitimer overflows from about 1e10 s) and every answer would be marked crashed.
MOST_SECONDS = 86400


def setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", help="a built-in pack id (gradients, drills) or a pack file")
    parser.add_argument("submissions", nargs="*", metavar="SUBMISSIONS",
                        help="CSV files (student,exercise,answer), YAML or JSON files of one student "
                             "({student: ID, answers: {EXERCISE: ANSWER}}), or folders of them")
    parser.add_argument("--out", metavar="DIR",
                        help=f"where the reports go (default ./grades, or {GRADESCOPE_RESULTS} with --gradescope)")
    parser.add_argument("--jobs", type=_at_least(1, int), default=min(os.cpu_count() or 1, 8), metavar="N",
                        help="worker processes (default: one per core, at most 8)")
    parser.add_argument("--timeout", type=_at_least(0.01, float, most=MOST_SECONDS), default=LIMITS.budget_seconds,
                        metavar="S", help="CPU seconds one answer may take before it is marked timeout: an outer "
                                          "guard, far above what any answer within the limits needs (default "
                                          f"{LIMITS.budget_seconds:g}, at most {MOST_SECONDS}, a day)")
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


def _at_least(low: float, kind: type, most: float = math.inf) -> Callable[[str], float]:
    def convert(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text}") from None
        if value != value:  # nan: no comparison would catch it
            raise argparse.ArgumentTypeError(f"not a number: {text}")
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}")
        if value > most:
            raise argparse.ArgumentTypeError(f"must be at most {most:g}")
        return value
    return convert


def run(args: argparse.Namespace) -> int:
    with stop_as_ctrl_c():  # `kill` stops a run as Ctrl-C does, saying what was kept
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    pack = load_pack(args.pack)
    paths = args.submissions or ([GRADESCOPE_SUBMISSION] if args.gradescope else [])
    if not paths:
        raise UserError("give the submissions: CSV files, YAML or JSON files, or folders of them")
    _check_grade_options(args)
    missing = [path for path in paths if not Path(path).exists() and not Path(path).is_symlink()]
    if missing:  # a mistyped path must not become an empty gradebook over the last one
        inside = _not_a_folder(Path(missing[0]))  # a loop of links on the way (outside check h75, K5)
        raise UserError(f"{file_name(missing[0])} {inside}; nothing was written" if inside else
                        f"no such file or folder: {file_name(missing[0])}; nothing was written")
    out = Path(args.out or (GRADESCOPE_RESULTS if args.gradescope else "grades"))
    feedback = Path(args.feedback).absolute() if args.feedback else None
    ours = {resolved(out): file_name(out), **({resolved(feedback): file_name(args.feedback)} if feedback else {})}
    if args.summary:  # what it is, before where it is: through a file is said so (outside check h74, J5)
        _check_summary(Path(args.summary), out, args.format, feedback)
    if not args.gradescope:
        _check_outputs(_outputs(args, out, feedback), paths, {"the roster": args.roster, "the pack": args.pack},
                       set(ours))
    # the pack and the roster, often kept beside the answers or the reports: neither is a submission
    inputs = {resolved(Path(path)): what for path, what in ((args.pack, "the pack"), (args.roster, "the roster"))
              if path and Path(path).is_file()}
    _check_output_folders([("--out", out), *([("--feedback", Path(args.feedback))] if feedback else [])],
                          set(inputs), args.gradescope)
    try:
        roster = read_roster(args.roster) if args.roster else None
    except RosterError as error:
        raise UserError(f"{error.message}; nothing was written") from None
    if not args.gradescope:  # results.json has no columns
        try:
            check_columns(pack, roster, LMS(args.format) if args.format else None, Columns(args.columns),
                          args.assignment)
        except ExportError as error:
            raise UserError(error.message) from None
    for folder, name in ours.items():
        if folder.is_dir() and any(resolved(Path(path)) in folder.parents for path in paths):
            print(f"tutor: {name} is where this run writes; its files are not read as submissions", file=sys.stderr)
    try:
        # all of the input, before anything is written
        given = read_submissions(paths, pack, skip=ours, inputs=inputs, one_submitter=args.gradescope, written=_WRITTEN)
    except KeyboardInterrupt:
        print("tutor: stopped while reading the submissions; nothing was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    for file, what in given.inputs:
        print(f"tutor: {file} is {what}; it is not read as submissions", file=sys.stderr)
    for earlier in given.earlier:
        print(f"tutor: {earlier} holds the reports of an earlier run ({JOURNAL}); its files are not read as "
              "submissions", file=sys.stderr)
    for earlier in given.earlier_pages:
        print(f"tutor: {earlier} holds the feedback pages of an earlier run ({PAGES_INDEX}); its files are not read as "
              "submissions", file=sys.stderr)
    if not args.gradescope and _nothing_read(given):
        # not a gradebook of zeros over the last one (outside checks h73, H4, and h75, K3): why, then the refusal
        _say_problems(given)
        raise UserError("no answer could be read from the submissions given, as said above; nothing was written")
    if roster is not None and not args.gradescope:
        given = enrol(roster, given)
    bar = _ProgressBar() if sys.stderr.isatty() else None
    settings = {"jobs": args.jobs, "timeout": args.timeout, "progress": bar}
    try:
        with locked(out):
            if args.gradescope:
                _say_problems(given)
                return _grade_gradescope(pack, given, roster, Path(paths[0]), out, settings, started)
            other = feedback if feedback and resolved(feedback) != resolved(out) else None  # --out is locked
            with grade.open_journal(out, pack, args.timeout, args.resume) as journal, \
                    (locked(other) if other else contextlib.nullcontext()):
                _say_problems(given)  # after the journal: a refused resume is the one thing its run says
                try:
                    book = grade.grade(pack, given, journal=journal, **settings)
                    more, warnings = _more_outputs(book, args, feedback)
                    reports.write_reports(book, out, more)
                except KeyboardInterrupt:
                    kept = journal.count()  # the journal's commits are whole: what it holds is what a resume takes
                    if bar is not None:
                        bar.end()
                    print(f"tutor: stopped; {counted(kept, 'checked answer')} kept in {file_name(journal.path)}: "
                          "run the same command with --resume to finish", file=sys.stderr)
                    return EXIT_INTERRUPTED
            print(reports.summary_table(book))
            names = [*reports.FILES, *([FORMATS[LMS(args.format)].file] if args.format else [])]
            written = [out / name for name in names] + ([Path(args.summary)] if args.summary else [])
            shown = [file_name(path) for path in written]  # a name not UTF-8 can't be printed to a strict stdout
            pages = _pages_said(file_name(args.feedback), len(book.students)) if feedback else ""
            print(f"checked {counted(book.checked, 'distinct answer')} in {time.monotonic() - started:.1f} s; "
                  f"wrote {', '.join(shown)}{pages}")
            for warning in [*warnings, *_earlier_exports(out, args.format)]:
                print(f"tutor: {warning}", file=sys.stderr)
    except Busy as error:
        raise UserError(str(error)) from None
    except JournalFailed:
        raise  # a full disk, say: not a usage error
    except JournalError as error:  # another job's journal
        raise UserError(str(error)) from None
    return _problems_status(given)


def _pages_said(where: str, students: int) -> str:
    """What the run's last line says of the feedback pages it wrote (outside checks h75, K8, and h76, L1: not "for
    each of 0 students", nor "each of 1 student")."""
    if not students:
        return f"; {PAGES_INDEX} in {where}, with no feedback page to list: there are no students"
    if students == 1:
        return f"; a feedback page for the one student in {where}, and {PAGES_INDEX} there, whose it is"
    return f"; a feedback page for each of {students} students in {where}, and {PAGES_INDEX} there, whose is which"


def _nothing_read(given: Submissions) -> bool:
    """No answer read, and something given not read (a link, a folder an earlier run wrote, a copy of answers.csv),
    with no student to tell why: each would be "Nothing was submitted." A class whose files could not be read is
    graded, each student a problem names told why their file was not (`Submissions.absent` is made of those)."""
    if given.answers or any(problem.student or problem.students for problem in given.problems):
        return False
    return bool(given.problems or given.earlier or given.earlier_pages)


def _say_problems(given: Submissions) -> None:
    for problem in given.problems:
        print(problem, file=sys.stderr)


def _check_grade_options(args: argparse.Namespace) -> None:
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


def _written_in_out(lms: str | None) -> list[str]:
    """The files a run writes in --out: the reports, the LMS's gradebook, the journal and the lock."""
    return [*reports.FILES, *([FORMATS[LMS(lms)].file] if lms else []), JOURNAL, LOCK_NAME]


_PLACE_OF_THEIR_OWN = {"--out": "the reports a place of their own",
                       "--feedback": "the feedback pages a place of their own"}


def _outputs(args: argparse.Namespace, out: Path, feedback: Path | None) -> list[tuple[str, Path, str]]:
    """Everything a class's run writes, each as (what the refusal says of it, where, what to do)."""
    found = [(f"--out {file_name(out)} would put {name}", out / name, _PLACE_OF_THEIR_OWN["--out"])
             for name in _written_in_out(args.format)]
    if args.summary:
        found.append((f"--summary {file_name(args.summary)} is", Path(args.summary),
                      "the summary a place of its own"))
    if feedback is not None:
        found.append((f"--feedback {file_name(args.feedback)} is", feedback, _PLACE_OF_THEIR_OWN["--feedback"]))
    return found


def _check_output_folders(folders: list[tuple[str, Path]], inputs: set[Path], once: bool) -> None:
    """Refused before anything is read: an --out or --feedback that is no folder and can't be made one (a file, a
    link to nothing, a path through a file: after grading they were write failures, exit 74: outside checks h71,
    F8, and h72, G12); or a folder holding submissions files (other than the ones the tool writes, the pack and the
    roster): a later run given the folder around it passes this one over, and their students would score 0 with
    "Nothing was submitted." (finding 685; outside check h72, G1: not only below a folder given), unless the run is
    `once` (Gradescope's: no later run reads the folder around it)."""
    for option, folder in folders:
        blocked = _not_a_folder(folder)
        if blocked:
            raise UserError(f"{option} {file_name(folder)} {blocked}; give {_PLACE_OF_THEIR_OWN[option]}")
        if once or not folder.is_dir():
            continue
        found = next((path for path in not_written(folder, _WRITTEN) if resolved(path) not in inputs), None)
        if found is not None:
            raise UserError(f"{option} {file_name(folder)} holds submissions ({file_name(found)}), which a run "
                            f"writing there would not read; give {_PLACE_OF_THEIR_OWN[option]}")


def _not_a_folder(path: Path) -> str:
    """Why `path` can't be a folder to write in ("" where it is one, or can be made one)."""
    if path.is_symlink() and not path.exists():
        return f"is {_leading_nowhere(path)}"
    if path.exists():
        return "" if path.is_dir() else "is a file, not a folder"
    for above in path.absolute().parents:  # the nearest that is something (outside check h73, H2: a dead link)
        if above.is_symlink() and not above.exists():
            return f"is inside {_leading_nowhere(above)} ({file_name(above)})"
        if above.exists():
            return "" if above.is_dir() else f"is inside a file ({file_name(above)})"
    return ""


def _leading_nowhere(link: Path) -> str:
    """A link that leads to nothing, as it does (outside check h74, J1: a loop of links was a crash)."""
    try:
        link.stat()
    except OSError as error:
        return "a loop of links" if error.errno == errno.ELOOP else "a link to nothing"
    return "a link to nothing"


_WRITTEN = frozenset({*reports.FILES, *(form.file for form in FORMATS.values()), PAGES_INDEX})  # files the tool writes


def _check_outputs(outputs: list[tuple[str, Path, str]], submissions: list[str], inputs: dict[str, str | None],
                   skipped: set[Path]) -> None:
    """Refused before anything is read: an output that would overwrite a submissions file, the roster or the pack,
    or be written in a submissions folder, where the next run would read it as answers; but a folder of
    ours (--out, --feedback) below a submissions folder is passed over when it is read, so it may be there."""
    for claim, target, remedy in outputs:
        where = resolved(target)
        for given in submissions:
            place = resolved(Path(given))
            passed_over = any(folder == where or folder in where.parents for folder in skipped
                              if place in folder.parents)
            if where == place or (place in where.parents and not passed_over):
                raise UserError(f"{claim} among the submissions ({file_name(given)}); give {remedy}")
        for what, given_file in inputs.items():  # the pack: a built-in's name is no file here
            if given_file and where == resolved(Path(given_file)):
                raise UserError(f"{claim} over {what} ({file_name(given_file)}); give {remedy}")


def _check_summary(summary: Path, out: Path, lms: str | None, feedback: Path | None) -> None:
    """--summary is refused before anything is graded where writing it would break the reports' set."""
    # a folder, or one this run makes (outside check h75, K4: `--summary s7 --out s7` failed after grading)
    made = {resolved(out): "--out", **({resolved(feedback): "--feedback"} if feedback else {})}.get(resolved(summary))
    if summary.is_dir() or made:
        what = f"the {made} folder" if made else "a folder"
        raise UserError(f"--summary {summary} is {what}; give the file to write, like {summary / 'summary.md'}")
    # written, it would replace the link, the pipe or the device with a file: `--summary /dev/null` run as root
    # replaced the machine's /dev/null (outside check h72)
    if summary.is_symlink() or (summary.exists() and not summary.is_file()):
        what = _leading_nowhere(summary) if summary.is_symlink() and not summary.exists() else \
            "a link" if summary.is_symlink() else "not a regular file"
        raise UserError(f"--summary {summary} is {what}; give the summary a place of its own")
    blocked = _not_a_folder(summary.parent)  # a crash after grading (outside check h72, G12)
    if blocked:
        raise UserError(f"--summary {summary}: {file_name(summary.parent)} {blocked}; give the summary a place of "
                        "its own")
    if summary.name in _written_in_out(lms) and resolved(summary.parent) == resolved(out):
        raise UserError(f"--summary {summary} is one of the files tutor grade writes in {out}; "
                        "give the summary a name of its own, like summary.md")


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
        if args.summary and summary.name in pages and resolved(summary.parent) == resolved(feedback):
            raise UserError(f"--summary {args.summary} is the name of a student's feedback page in {args.feedback}; "
                            "give the summary another name; nothing was written")
        more.update({feedback / name: writer for name, writer in pages.items()})
        stale = [page.name for page in earlier_pages(feedback, pages)]
        if stale:  # one sentence: a roster mended since may leave hundreds
            warnings.append(f"{file_name(args.feedback)} holds {counted(len(stale), 'feedback page')} from an earlier "
                            f"run, of students not in this one ({first_of(stale, 4)}); remove "
                            f"{'it' if len(stale) == 1 else 'them'} before sending the folder's pages")
    return more, warnings


def _earlier_exports(out: Path, lms: str | None) -> list[str]:
    """The LMS exports in --out that this run did not write: the file a TA uploads, holding an earlier run's grades.
    Named, never removed: a file of that name may be one the TA put there (an LMS's own export, downloaded)."""
    written = FORMATS[LMS(lms)].file if lms else None
    return [f"{file_name(out / form.file)} was not written by this run and does not hold its grades: remove it, "
            "so that it is not uploaded" for form in FORMATS.values()
            if form.file != written and (out / form.file).is_file() and not (out / form.file).is_symlink()]


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
    print(f"wrote {file_name(gradescope.write_results(out, data))}")
    if refused:
        print(f"tutor: {refused}; nothing was graded", file=sys.stderr)
        return EXIT_INCORRECT
    return _problems_status(given)


def _problems_status(given: Submissions) -> int:
    if given.problems:
        in_roster = len(given.roster.problems) if given.roster is not None else 0  # listed first (roster.enrol)
        in_answers = len(given.problems) - in_roster
        where = [f"{counted(n, 'problem')} in the {what}" for n, what in ((in_roster, "roster"),
                                                                          (in_answers, "submissions")) if n]
        print(f"tutor: {' and '.join(where)}; the rest was graded", file=sys.stderr)
        return EXIT_INCORRECT
    return EXIT_OK


class _ProgressBar:
    """The answers checked so far, on one line of the terminal, redrawn at most ten times a second."""

    def __init__(self, width: int = 30) -> None:
        self.width = width
        self.last = 0.0
        self.open = False  # a bar drawn and its line not ended

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // total
        sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        self.open = True
        if done == total:
            self.end()
        sys.stderr.flush()

    def end(self) -> None:
        """The bar's line ended, so that what follows starts a line of its own."""
        if self.open:
            sys.stderr.write("\n")
            sys.stderr.flush()
        self.open = False
