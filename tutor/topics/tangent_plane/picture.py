"""`tutor plot surface`: the surface z = f(x, y), with the tangent plane at a point and the slices through it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ...check import names
from ..base import Command
from ..solution import function_argument

if TYPE_CHECKING:  # the picture modules load where they are used (tests/test_startup.py)
    from ...plot import Figure


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--tangent-at", metavar="POINT", help="draw the tangent plane at a point, like x=2,y=4")
    parser.add_argument("--slices", action="store_true",
                        help="also the slices through the point (fix y, fix x) with their tangent lines")


def _figure(a: argparse.Namespace) -> Figure:
    from ...plot import surface_figure
    return surface_figure(a.function, names(a.vars), a.tangent_at, a.slices)


PLOT = Command("surface", "the surface z = f(x, y), with the tangent plane at a point and the slices through it",
               _arguments, _figure)
