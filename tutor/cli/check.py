"""`tutor check`: one answer against an expected one or a pack's exercise, or a batch of JSON lines."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import BinaryIO

from ..check import Judgement, Verdict, check, check_lines, names
from ..compare import Tolerance
from ..errors import TutorError
from ..feedback import respond
from ..parse import SHAPES, InputError
from ..plain_output import writing_plain
from ..safe_read import writable
from ..variant_check import settable
from . import EXIT_INCORRECT, EXIT_INVALID, EXIT_OK, UserError, seed_number
from .pack_files import load_pack


def setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answer", nargs="?", help="the answer to check, as a student would type it")
    parser.add_argument("--expected", "-e", help="the correct answer (trusted, same syntax)")
    parser.add_argument("--vars", help="the variables a student may use, like x,y (default: those of --expected)")
    parser.add_argument("--shape", choices=SHAPES, help="the kind of answer (default: like --expected)")
    parser.add_argument("--tol", type=_tolerance,
                        help="for decimals: relative, like 1e-3, or decimal places, like dp:4")
    parser.add_argument("--json", action="store_true", help="print the verdict as one JSON object")
    parser.add_argument("--batch", metavar="FILE",
                        help="check JSON lines from FILE (- for stdin) and print JSON lines")
    parser.add_argument("--exercise", metavar="PACK:ID",
                        help="check against a pack's exercise instead of --expected, naming the mistake "
                             "when it is a known one (PACK: a built-in pack id or a pack file)")
    variant = parser.add_mutually_exclusive_group()
    variant.add_argument("--student", help="with --exercise: the variant this student sees")
    variant.add_argument("--seed", type=seed_number, help="with --exercise: the variant drawn for this number")


def _tolerance(text: str) -> Tolerance | None:
    try:
        return Tolerance.parse(text)
    except InputError as error:  # argparse's usage error, as for any other option it can't read
        raise argparse.ArgumentTypeError(error.message) from None


def run(args: argparse.Namespace) -> int:
    if args.exercise:
        return _check_exercise(args)
    if args.student is not None or args.seed is not None:
        raise UserError("--student and --seed choose a variant of an --exercise")
    if args.batch:
        if args.batch != "-":
            stream = _open_bytes(args.batch)
        else:  # a closed stdin (`<&-`) is input with no lines
            stream = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()
        failed = False
        for result in check_lines(stream):
            failed |= "error" in result
            # a lone surrogate in an id echoed back ("\ud800"), written as that escape: still JSON
            print(writable(json.dumps(result, ensure_ascii=writing_plain())), flush=True)
        return EXIT_INCORRECT if failed else EXIT_OK
    if args.answer is None or args.expected is None:
        raise UserError("give an answer and --expected (or --batch FILE)")
    try:
        verdict = check(args.answer, args.expected, variables=names(args.vars),
                        shape=args.shape, tolerance=args.tol)
    except InputError as error:  # the expected answer can't be read (--tol was read as an option)
        raise UserError(f"--expected can't be used: {error.message}") from None
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
    # in a pack file the exercise asked for is verified, not the others; built-in ones by the tests
    pack = load_pack(pack_name, verify=False, only=exercise_id)
    try:
        spec = pack.exercise(exercise_id)
    except KeyError as error:
        raise UserError(error.args[0]) from None
    try:
        exercise = settable(spec, args.student, args.seed)
    except TutorError as error:  # parameters that meet no `require`, a variant the solvers refuse
        raise UserError(error.message) from None
    return _print_verdict(respond(exercise, args.answer), args.answer, args.json)


def _print_verdict(verdict: Verdict, answer: str, as_json: bool) -> int:
    if as_json:
        print(writable(json.dumps(verdict.to_dict(), ensure_ascii=writing_plain())))
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
