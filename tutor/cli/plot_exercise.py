"""`tutor plot exercise PACK ID`: the picture of one exercise of a pack, as `:plot` draws it in practice.

Without `--answers` it is the question only (nothing that gives the answer away: no derivative, tangent
plane, fitted line, classified point or descent path); with it, the whole picture. The PNG goes to the
pictures folder under the tutor's home, named as `:plot` names it, unless `--out` says otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import store
from ..plot import Figure
from ..topics import Command
from . import UserError, seed_number
from .pack_files import load_pack


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pack", help="a built-in pack id (gradients, drills) or a pack file")
    parser.add_argument("exercise", help="the exercise's id, like tangent-plane-x2y2")
    variant = parser.add_mutually_exclusive_group()
    variant.add_argument("--seed", type=seed_number, help="the variant drawn for this number (practice numbers)")
    variant.add_argument("--student", help="the variant this student is given and graded on")
    parser.add_argument("--answers", action="store_true",
                        help="draw the answer too (the default is the question only, as before it is solved)")


def _figure(args: argparse.Namespace) -> Figure:
    # in a pack file the exercise asked for is verified, not the others; built-in ones by the tests
    pack = load_pack(args.pack, verify=False, only=args.exercise)
    try:
        spec = pack.exercise(args.exercise)
    except KeyError as error:
        raise UserError(error.args[0]) from None
    exercise = spec.variant(args.student) if args.seed is None else spec.drawn(args.seed)
    return exercise.problem.figure() if args.answers else exercise.problem.question_figure()


def default_path(args: argparse.Namespace) -> Path:
    """Where the picture goes without --out: the pictures folder under the tutor's home (with --student,
    that student's folder in it; made if need be), named as `:plot` names it."""
    folder = store.default_home() / "pictures"
    if args.student is not None:  # where that student's :plot puts it
        folder = folder / store.student_folder(args.student)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / default_name(args)


def default_name(args: argparse.Namespace) -> str:
    """The picture's name, as `:plot` names it: ID-question.png, or ID.png with --answers."""
    return f"{args.exercise}{'' if args.answers else '-question'}.png"


COMMAND = Command("exercise", "an exercise of a pack: the question only, or with --answers the whole picture",
                  _arguments, _figure)
