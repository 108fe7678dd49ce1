"""The `tutor` command: argument parsing, and printing what the modules return.

Every command is a pair: a function that declares its arguments and one that
runs it. Errors reach people as one short sentence; `--debug` shows tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence


from . import packs, solve
from .check import Verdict, check, check_lines
from .calculus import SolveError
from .parse import SHAPES, InputError
from .show import show

EXIT_OK, EXIT_INCORRECT, EXIT_USAGE, EXIT_INVALID = 0, 1, 2, 3


class UserError(Exception):
    """A problem the person running the command can fix; printed as one sentence."""


def _names(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(n.strip() for n in text.split(",") if n.strip())


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
    variant.add_argument("--seed", type=int, help="with --exercise: the variant for this number")


def run_check(args: argparse.Namespace) -> int:
    if args.exercise:
        return _check_exercise(args)
    if args.student is not None or args.seed is not None:
        raise UserError("--student and --seed choose a variant of an --exercise")
    if args.batch:
        stream = sys.stdin if args.batch == "-" else _open_text(args.batch)
        failed = False
        for result in check_lines(stream):
            failed |= "error" in result
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return EXIT_INCORRECT if failed else EXIT_OK
    if args.answer is None or args.expected is None:
        raise UserError("give an answer and --expected (or --batch FILE)")
    try:
        verdict = check(args.answer, args.expected, variables=_names(args.vars),
                        shape=args.shape, tolerance=args.tol)
    except ValueError as error:  # the expected answer or the tolerance can't be read
        raise UserError(f"--expected or --tol can't be used: {getattr(error, 'message', error)}")
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
        raise UserError(error.args[0])
    try:
        exercise = spec.variant(args.student if args.student is not None else args.seed)
    except ValueError as error:  # parameters that meet no `require`
        raise UserError(str(error))
    return _print_verdict(exercise.check(args.answer), args.answer, args.json)


def _print_verdict(verdict: Verdict, answer: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps(verdict.to_dict(), ensure_ascii=False))
    else:
        print(verdict.verdict)
        print(verdict.pointer(answer) if verdict.verdict == "invalid" else verdict.message)
        if verdict.reading and verdict.verdict != "invalid":
            print(f"read as: {verdict.reading}")
    return {"correct": EXIT_OK, "incorrect": EXIT_INCORRECT}.get(verdict.verdict, EXIT_INVALID)


def _open_text(path: str):
    try:
        return open(path, encoding="utf-8", errors="strict")
    except OSError as error:
        raise UserError(f"can't read {path}: {error.strerror}")


# ------------------------------------------------------------------------ solve

_SOLVE_HELP = {
    "partial": "a partial derivative, optionally at a point",
    "gradient": "the gradient, optionally at a point",
    "critical": "critical points, with an optional region and the second-derivative test",
    "minimize": "the minimum of a function of one variable, exact where possible",
    "lstsq": "least squares: a line (or a linear model) through data, exactly",
    "descent": "gradient descent, one row per iteration",
    "tangent": "the tangent plane at a point",
}


def setup_solve(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in solve.KINDS:
        sub = kinds.add_parser(kind, help=_SOLVE_HELP[kind], description=_SOLVE_HELP[kind])
        if kind not in ("lstsq", "descent"):
            sub.add_argument("function", help='the function, like "3x^2 y^3"')
        if kind == "descent":
            sub.add_argument("function", nargs="?", help='the function, like "e^x - ln x"')
        if kind != "lstsq":
            sub.add_argument("--vars", help="the variables in order, like x,y (default: x, y, z, then a-z)")
        sub.add_argument("--steps", action="store_true", help="explain each step")
        form = sub.add_mutually_exclusive_group()
        form.add_argument("--latex", action="store_true", help="print LaTeX")
        form.add_argument("--json", action="store_true", help="print one JSON object")
        if kind == "partial":
            sub.add_argument("--wrt", help="the variable to differentiate by")
        if kind in ("partial", "gradient"):
            sub.add_argument("--at", help="a point, like x=2,y=3")
        if kind == "tangent":
            sub.add_argument("--at", required=True, help="the point, like x=2,y=4")
        if kind == "critical":
            sub.add_argument("--region", help='a region, like "0 <= x <= 5, 0 <= y <= 5"')
        if kind in ("lstsq", "descent"):
            sub.add_argument("--points", help='data points, like "(1,2), (2,5), (3,3)"')
        if kind == "lstsq":
            sub.add_argument("--csv", metavar="FILE", help="read the data from a CSV file")
            sub.add_argument("--x", action="append", default=[], metavar="COLUMN",
                             help="a feature column (name or number); repeat or use commas for several")
            sub.add_argument("--y", metavar="COLUMN", help="the target column")
        if kind == "descent":
            sub.add_argument("--start", required=True, help="the start point, like 0.5,0.6")
            sub.add_argument("--rate", required=True, help="the learning rate α, like 0.05")
            sub.add_argument("--iterations", type=int, help="how many steps (default: until the gradient is small)")
            sub.add_argument("--tolerance", type=float, help="stop when the gradient is shorter than this")
            sub.add_argument("--max-iterations", type=int, default=10_000, help="at most this many steps")


def run_solve(args: argparse.Namespace) -> int:
    common = {"explain": args.steps}
    names = _names(getattr(args, "vars", None))
    try:
        if args.kind == "partial":
            solution = solve.partial(args.function, args.wrt, args.at, names, **common)
        elif args.kind == "gradient":
            solution = solve.gradient(args.function, args.at, names, **common)
        elif args.kind == "critical":
            solution = solve.critical(args.function, args.region, names, **common)
        elif args.kind == "minimize":
            solution = solve.minimize(args.function, names, **common)
        elif args.kind == "lstsq":
            columns = [c.strip() for given in args.x for c in given.split(",") if c.strip()]
            solution = solve.lstsq(args.points, args.csv, columns, args.y, **common)
        elif args.kind == "descent":
            solution = solve.descent(args.function, args.start, args.rate, args.iterations, args.tolerance,
                                     args.max_iterations, names, args.points, **common)
        else:
            solution = solve.tangent(args.function, args.at, names, **common)
    except (SolveError, InputError) as error:
        raise UserError(error.message)
    print(solution.render("json" if args.json else "latex" if args.latex else "text"))
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
    variant.add_argument("--seed", type=int, help="the variant for this number")
    variant.add_argument("--student", help="the variant this student sees")
    show_.add_argument("--answers", action="store_true", help="also show the expected answers")
    show_.add_argument("--latex", action="store_true", help="prompts in LaTeX")
    validate = actions.add_parser("validate", help="check pack files: structure, kinds, answers, variants")
    validate.add_argument("files", nargs="+", metavar="FILE")
    new = actions.add_parser("new", help="write a commented template for a new pack")
    new.add_argument("file", metavar="FILE")


def run_pack(args: argparse.Namespace) -> int:
    if args.action == "list":
        for name in [*packs.BUILT_IN, *args.files]:
            pack = _load_pack(name)
            print(f"{pack.id:<12} {len(pack.exercises):>3} exercises  {pack.title}  ({pack.source})")
        return EXIT_OK
    if args.action == "show":
        pack = _load_pack(args.pack)
        try:
            specs = [pack.exercise(args.exercise)] if args.exercise else list(pack.exercises)
        except KeyError as error:
            raise UserError(error.args[0])
        key = args.student if args.student is not None else args.seed
        print(f"{pack.id}: {pack.title} ({len(pack.exercises)} exercises)")
        for number, spec in enumerate(specs, start=1):
            exercise = spec.variant(key)
            tags = f"  [{', '.join(spec.tags)}]" if spec.tags else ""
            print(f"\n{number}. {spec.id} ({spec.kind}){tags}")
            print(f"   {exercise.prompt(latex=args.latex)}")
            if args.answers:
                print(f"   answer: {show(exercise.expected(), exercise.problem.variables, latex=args.latex)}")
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
    path = Path(args.file)
    if path.exists():
        raise UserError(f"{path} already exists; choose another name")
    path.write_text(packs.TEMPLATE, encoding="utf-8")
    print(f"wrote {path}; edit it, then run: tutor pack validate {path}")
    return EXIT_OK


def _load_pack(name: str) -> "packs.Pack":
    try:
        return packs.load(name)
    except packs.PackError as error:
        raise UserError("\n".join(error.problems))


# ------------------------------------------------------------------------- main

COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "check": ("check one answer, or a batch of JSON lines", setup_check, run_check),
    "solve": ("solve a calculation of the lesson exactly, with --steps to explain it", setup_solve, run_solve),
    "pack": ("list, show, validate or start exercise packs", setup_pack, run_pack),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="Practise and grade multivariable calculus: partial derivatives, gradients, "
                    "critical points, least squares, gradient descent.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, setup, _run) in COMMANDS.items():
        setup(commands.add_parser(name, help=summary, description=summary))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if "practice" in COMMANDS:
            args = parser.parse_args(["practice", *(argv or [])])
        else:
            parser.print_help()
            return EXIT_OK
    _summary, _setup, run = COMMANDS[args.command]
    try:
        return run(args)
    except UserError as error:
        print(f"tutor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence before a person
        if args.debug:
            raise
        print(f"tutor: something went wrong ({type(error).__name__}: {error}); "
              "run with --debug for details", file=sys.stderr)
        return 70
