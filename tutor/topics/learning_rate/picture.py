"""`tutor plot rates`: the same descent with several learning rates, one panel each, side by side."""

from __future__ import annotations

from ... import calculus
from ...check import names
from ..base import Command
from ..solution import read_function
from .solve import rates_arguments, rates_given


def _figure(function: str, start: str, rates: str, iterations: int, tolerance: float, variables):
    from ...plot import rates_figure
    f, names_ = read_function(function, variables)
    at = tuple(calculus.parse_point(start, names_).values())
    return rates_figure(calculus.compare_rates(f, names_, at, rates_given(rates), iterations, tolerance))


PLOT = Command("rates", "the same descent with several learning rates, one panel each", rates_arguments,
               lambda a: _figure(a.function, a.start, a.rates, a.iterations, a.tolerance, names(a.vars)))
