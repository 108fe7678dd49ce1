"""`tutor solve KIND`: a calculation of the lesson solved exactly, as text, LaTeX or JSON, with --steps."""

from __future__ import annotations

import argparse
import re

from ..calculus import SolveError
from ..calculus.common import reading_notes
from ..parse import InputError
from ..show import Notation, numbers_written
from ..topics import TOPICS
from . import EXIT_OK, UserError
from .kinds import subcommands


def setup(parser: argparse.ArgumentParser) -> None:
    for _command, sub in subcommands(parser, [topic.solve for topic in TOPICS if topic.solve]):
        sub.add_argument("--steps", action="store_true", help="explain each step")
        form = sub.add_mutually_exclusive_group()
        form.add_argument("--latex", action="store_true", help="print LaTeX")
        form.add_argument("--json", action="store_true", help="print one JSON object")


# The arguments that hold the maths the user wrote: the function, points and data. A learning rate or a
# tolerance is a decimal whatever the function is, so it says nothing of how the user writes numbers.
_MATHS = ("function", "at", "fix", "start", "points", "region")
_DECIMAL_POINT = re.compile(r"\d\.|\.\d")


def typed_notation(args: argparse.Namespace) -> Notation:
    """How the user wrote numbers: with a decimal point in the maths given (0.4x^2, --at 1.5,2), or a
    function with no decimal point anywhere, not even in a rate (x²/10 is then written as typed, beside
    x/5, not 0.1x²)."""
    if any(_DECIMAL_POINT.search(getattr(args, name, None) or "") for name in _MATHS):
        return Notation.DECIMALS
    if getattr(args, "function", None) and not any(
            _DECIMAL_POINT.search(value) for value in vars(args).values() if isinstance(value, str)):
        return Notation.FRACTIONS
    return Notation.USUAL


def run(args: argparse.Namespace) -> int:
    # Answer in the user's notation: decimals given, decimals back (0.8x - 1.2, not 4x/5 - 6/5); numbers
    # with no terminating decimal (1/3) stay fractions; none given, fractions back (x²/10, not 0.1x²).
    with numbers_written(typed_notation(args)):
        try:
            solution = args.kind_command.run(args)
            if getattr(args, "function", None):  # read once more, for how: the kinds take f's value alone
                solution = solution.noted(reading_notes(args.function))
        except (SolveError, InputError) as error:
            raise UserError(error.message) from None
        text = solution.render("json" if args.json else "latex" if args.latex else "text")
    print(text)
    return EXIT_OK
