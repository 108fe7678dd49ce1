"""`tutor solve KIND`: a calculation of the lesson solved exactly, as text, LaTeX or JSON, with --steps."""

from __future__ import annotations

import argparse

from ..calculus import SolveError
from ..parse import InputError
from ..topics import TOPICS
from . import EXIT_OK, UserError
from .kinds import subcommands


def setup(parser: argparse.ArgumentParser) -> None:
    for _command, sub in subcommands(parser, [topic.solve for topic in TOPICS if topic.solve]):
        sub.add_argument("--steps", action="store_true", help="explain each step")
        form = sub.add_mutually_exclusive_group()
        form.add_argument("--latex", action="store_true", help="print LaTeX")
        form.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    try:
        solution = args.kind_command.run(args)
    except (SolveError, InputError) as error:
        raise UserError(error.message) from None
    print(solution.render("json" if args.json else "latex" if args.latex else "text"))
    return EXIT_OK
