"""`tutor pack`: its actions' arguments, and the list of the built-in packs, which needs no sympy.

The actions that read a pack (showing, validating, listing pack files) compute its answers with
sympy; they are in `pack_files`, imported only when one of them is run.
"""

from __future__ import annotations

import argparse

from .. import builtin_packs
from . import EXIT_OK, seed_number


def setup(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the built-in packs and any given pack files")
    listing.add_argument("files", nargs="*", metavar="FILE")
    show_ = actions.add_parser("show", help="the exercises of a pack, as a student sees them")
    show_.add_argument("pack", help="a built-in pack id (gradients, drills) or a pack file")
    show_.add_argument("exercise", nargs="?", help="only this exercise")
    variant = show_.add_mutually_exclusive_group()
    variant.add_argument("--seed", type=seed_number, help="the variant drawn for this number (practice numbers)")
    variant.add_argument("--student", help="the variant this student is given and graded on")
    show_.add_argument("--answers", action="store_true", help="also show the expected answers")
    show_.add_argument("--latex", action="store_true", help="prompts in LaTeX")
    validate = actions.add_parser("validate", help="check pack files: structure, kinds, answers, variants")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--strict", action="store_true",
                          help="fail (exit status 1) on a caution too, such as a letter of f not declared as a "
                               "parameter")
    new = actions.add_parser("new", help="write a commented template for a new pack")
    new.add_argument("file", metavar="FILE")
    actions.add_parser("schema", help="the JSON Schema of pack files, for editors")


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        for listed in map(builtin_packs.listed, builtin_packs.BUILT_IN):
            print(line(listed))
        if not args.files:
            return EXIT_OK
    from . import pack_files  # the one import that waits: the rest of `tutor pack` reads packs with sympy

    return pack_files.run(args)


def line(listed: builtin_packs.Listed) -> str:
    """A pack's line in `tutor pack list`."""
    noun = "exercise " if listed.exercises == 1 else "exercises"  # padded: the titles stay in one column
    return f"{listed.id:<12} {listed.exercises:>3} {noun}  {listed.title}  ({listed.source})"
