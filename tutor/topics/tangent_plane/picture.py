"""`tutor plot surface`: the surface z = f(x, y), with the tangent plane at a point and the slices through it."""

from __future__ import annotations

import argparse

from ...check import names
from ...plot import surface_figure
from ..base import Command
from ..solution import function_argument


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--tangent-at", metavar="POINT", help="draw the tangent plane at a point, like x=2,y=4")
    parser.add_argument("--slices", action="store_true",
                        help="also the slices through the point (fix y, fix x) with their tangent lines")


PLOT = Command("surface", "the surface z = f(x, y), with the tangent plane at a point and the slices through it",
               _arguments, lambda a: surface_figure(a.function, names(a.vars), a.tangent_at, a.slices))
