"""`tutor plot KIND`: the lesson's pictures, written as a PNG (or the format --out's suffix names) or drawn in the
terminal."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from .. import plot
from ..calculus import SolveError
from ..parse import InputError
from ..plot import png
from ..topics import TOPICS
from . import EXIT_OK, UserError, plot_exercise
from .kinds import subcommands


def setup(parser: argparse.ArgumentParser) -> None:
    commands = [*(topic.plot for topic in TOPICS if topic.plot), plot_exercise.COMMAND]
    for command, sub in subcommands(parser, commands):
        default = "ID-question.png, or ID.png with --answers, in the pictures folder of the tutor's home" \
            if command is plot_exercise.COMMAND else f"{command.name}.png"
        sub.add_argument("--out", "-o", metavar="FILE", help=f"the picture to write: a PNG, or the format its suffix "
                                                            f"names ({png.NAMED}); a folder: the default name in it "
                                                            f"(default: {default})")
        sub.add_argument("--text", action="store_true", help="draw in the terminal instead of writing a PNG")


def run(args: argparse.Namespace) -> int:
    try:
        figure = args.kind_command.run(args)
    except (SolveError, InputError) as error:
        raise UserError(error.message) from None
    if args.text:
        print(plot.render_text(figure, width=shutil.get_terminal_size().columns))
        return EXIT_OK
    try:
        path = _out_path(args, figure) if args.out else _default_path(args, figure)
        print(plot.write_png(figure, path))
    except (plot.NoMatplotlib, plot.PictureFormat) as error:
        raise UserError(error.message) from None
    except OSError as error:
        raise UserError(f"can't write {error.filename}: {error.strerror}") from None
    return EXIT_OK


def _out_path(args: argparse.Namespace, figure: plot.Figure) -> Path:
    """The file --out names; for a folder (one that is there, or a name ending in /), the default name in it:
    the picture went beside the folder, as FOLDER.png (finding 782)."""
    out = Path(args.out)
    if out.is_dir() or args.out.endswith(("/", os.sep)):
        name = plot_exercise.default_name(args) if args.kind_command is plot_exercise.COMMAND else f"{figure.name}.png"
        return out / name
    return out


def _default_path(args: argparse.Namespace, figure: plot.Figure) -> Path:
    if args.kind_command is plot_exercise.COMMAND:
        return plot_exercise.default_path(args)
    return Path(f"{figure.name}.png")
