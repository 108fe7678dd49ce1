"""`tutor plot contour`: a contour map, with the critical points marked by class and a region drawn."""

from __future__ import annotations

import argparse

from ...check import names
from ...plot import contour_figure
from ..base import Command
from ..solution import function_argument


def _arguments(parser: argparse.ArgumentParser) -> None:
    function_argument(parser, "x^2 + y^2")
    parser.add_argument("--critical", action="store_true", help="mark the critical points by class")
    parser.add_argument("--region", help='draw a region, like "0 <= x <= 5, 0 <= y <= 5"')


PLOT = Command("contour", "a contour map, with the critical points marked by class and a region drawn",
               _arguments, lambda a: contour_figure(a.function, names(a.vars), a.critical, a.region))
