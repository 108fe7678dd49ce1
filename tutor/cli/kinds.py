"""The subcommands `tutor solve` and `tutor plot` take from the registry of kinds, one per kind's command."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence

from ..topics import Command


def subcommands(parser: argparse.ArgumentParser,
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
