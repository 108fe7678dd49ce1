"""`tutor plot contour`: a contour map, with the critical points marked by class and a region drawn."""

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
    parser.add_argument("--critical", action="store_true", help="mark the critical points by class")
    parser.add_argument("--region", help='draw a region, like "0 <= x <= 5, 0 <= y <= 5"')


def _figure(a: argparse.Namespace) -> Figure:
    from ...plot import contour_figure
    return contour_figure(a.function, names(a.vars), a.critical, a.region)


PLOT = Command("contour", "a contour map, with the critical points marked by class and a region drawn",
               _arguments, _figure)
