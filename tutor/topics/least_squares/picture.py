"""`tutor plot fit`: the least-squares line through data, with the residuals and the cost."""

from __future__ import annotations

from ...plot import fit_figure
from ..base import Command
from .solve import data_arguments

PLOT = Command("fit", "the least-squares line through data, with the residuals and the cost",
               lambda parser: data_arguments(parser, several=False),
               lambda a: fit_figure(a.points, a.csv, a.x, a.y))
