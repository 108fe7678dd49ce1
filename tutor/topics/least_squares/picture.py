"""`tutor plot fit`: the least-squares line through data, with the residuals and the cost."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..base import Command
from .solve import data_arguments

if TYPE_CHECKING:  # the picture modules load where they are used (tests/test_startup.py)
    from ...plot import Figure


def _figure(a: argparse.Namespace) -> Figure:
    from ...plot import fit_figure
    return fit_figure(a.points, a.csv, a.x, a.y)


PLOT = Command("fit", "the least-squares line through data, with the residuals and the cost",
               lambda parser: data_arguments(parser, several=False),
               _figure)
