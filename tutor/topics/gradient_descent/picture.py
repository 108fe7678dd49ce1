"""`tutor plot descent`: the curve or the contour map with the numbered iterates."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ...check import names
from ..base import Command
from .solve import descent_arguments, within_bound

if TYPE_CHECKING:  # the picture modules load where they are used (tests/test_startup.py)
    from ...plot import Figure


def _arguments(parser: argparse.ArgumentParser) -> None:
    descent_arguments(parser)
    parser.add_argument("--points", help='data points, like "(1,2), (2,5), (3,3)" '
                                         "(descend on their least-squares cost E(m, b))")


def _figure(a: argparse.Namespace) -> Figure:
    from ...plot import descent_figure
    within_bound(a.iterations, a.max_iterations)
    return descent_figure(a.function, a.start, a.rate, a.iterations, a.tolerance, a.max_iterations, names(a.vars),
                          a.points)


PLOT = Command("descent", "gradient descent: the curve or the contour map with the numbered iterates", _arguments,
               _figure)
