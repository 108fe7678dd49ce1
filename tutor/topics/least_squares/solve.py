"""`tutor solve least_squares` (or `lstsq`): a line (or a linear model) through data, exactly."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from contextlib import nullcontext

import sympy
from sympy import Expr

from ... import calculus
from ...calculus.common import SolveError
from ...calculus.least_squares import decimal_cells, typed_points
from ...parse import Equation, symbol
from ...show import Notation, alike_notation, in_decimal_notation, numbers_written, show
from ..base import Command
from ..solution import Solution, approx, args, exact_data


def solve(points: str | None = None, csv: str | None = None, x_columns: Sequence[str] = (),
          y_column: str | None = None, explain: bool = False) -> Solution:
    data_points, legend, decimals = _data(points, csv, x_columns, y_column)  # data like 230.1 is shown so
    # data with no decimal point, exact, have an exact fit: every number a fraction, tenths too (2/5, 9/10)
    fractions = not decimals and not in_decimal_notation()
    with numbers_written(Notation.FRACTIONS) if fractions else nullcontext():
        return _solve(data_points, legend, decimals, fractions, explain)


def _solve(data_points: tuple, legend: str, decimals: bool, whole: bool, explain: bool) -> Solution:
    from ...steps import terms_text
    from .steps import cost_terms, least_squares_steps
    features = len(data_points[0]) - 1
    fit: calculus.LineFit | calculus.LinearFit
    values: tuple[Expr, ...]
    names: tuple[str, ...]
    if features == 1:
        fit = line_fit = calculus.fit_line(data_points)
        values, names = (line_fit.slope, line_fit.intercept), ("m", "b")
    else:
        fit = linear_fit = calculus.fit_linear([p[:-1] for p in data_points], [p[-1] for p in data_points])
        values, names = (*linear_fit.weights, linear_fit.intercept), linear_fit.system.parameters
    xs = [symbol("x")] if features == 1 else [symbol(f"x_{i + 1}") for i in range(features)]
    model = sympy.Add(*(v * x for v, x in zip(values, xs)), values[-1])
    line = Equation(symbol("y"), model)
    # the fitted values written alike: 7/5 and 19/10 as 1.4 and 1.9, not 7/5 and 1.9 (the printer's own
    # decimal beside a fraction); 3/4 and 25/24 as fractions, not 0.75 and 25/24, even for decimal data
    fitted, fractions = alike_notation(values, decimals)
    shown = ", ".join(f"{show(symbol(n))} = {show(v, decimals=fitted, fractions=fractions)}{approx(v)}"
                      for n, v in zip(names, values))
    lines = [f"{show(line, [x.name for x in xs], decimals=fitted, fractions=fractions)}   ({len(data_points)} points)",
             shown]
    if legend:
        lines.append(legend)
    decimals = decimals or fitted
    cost_args = args(values, decimals=fitted, fractions=fractions) if len(args(values)) <= 40 else " at the optimum"
    # in decimals where they end, as the steps write E (383.25, not 1533/4), for one feature or several
    cost = terms_text(cost_terms(fit.system), names, decimals=decimals) if features == 1 else \
        show(fit.cost_function, names, decimals=decimals)
    lines += [f"E({', '.join(show(symbol(n)) for n in names)}) = {cost}",
              f"least cost E{cost_args} = {show(fit.cost, decimals=decimals, fractions=fractions)}{approx(fit.cost)}"]
    latex = [show(line, [x.name for x in xs], latex=True, decimals=fitted, fractions=fractions),
             f"E({', '.join(show(symbol(n), latex=True) for n in names)}) = "
             f"{show(fit.cost_function, names, latex=True, decimals=decimals)}",
             rf"E_{{\min}} = {show(fit.cost, latex=True, decimals=decimals)}"]
    data = {"kind": "lstsq", "n": len(data_points), "parameters": list(names),
            "values": {n: exact_data(v, fitted, fractions) for n, v in zip(names, values)},
            "model": show(line, decimals=fitted, fractions=fractions),
            "cost_function": show(fit.cost_function, names, decimals=decimals),
            "cost": exact_data(fit.cost, decimals)}
    derivation = least_squares_steps(data_points, result=fit, decimals=decimals, fractions=whole) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


MOST_FEATURES = 20  # 30 took about 2 s of exact elimination on 300 rows, 60 about 4 s


def line_points(points: str | None, csv: str | None, x_column: str | None,
                y_column: str | None) -> tuple[tuple, str, bool]:
    """(x, y) points from --points or from --csv with one --x column, a legend for the columns, and
    whether a number that is not whole is written as a decimal in them (then the answer is too)."""
    found, legend, decimals = _data(points, csv, [x_column] if x_column else [], y_column)
    if len(found[0]) != 2:
        raise SolveError("a line y = mx + b needs one x column")
    return found, legend, decimals


def _data(points: str | None, csv: str | None, x_columns: Sequence[str],
          y_column: str | None) -> tuple[tuple, str, bool]:
    if points is not None and csv is None:
        found, decimals = typed_points(points)
        if len(found[0]) < 2:
            raise SolveError("each point needs an x and a y, like (1, 2)")
        return found, "", decimals
    if csv is None or points is not None:
        raise SolveError("give the data either with --points or with --csv FILE --x COLUMN --y COLUMN")
    if not x_columns or not y_column:
        raise SolveError("with --csv, name the columns: --x COLUMN (one or more) and --y COLUMN")
    if len(x_columns) > MOST_FEATURES:  # solved exactly, 200 ran past two minutes (outside check h40, F4)
        raise SolveError(f"at most {MOST_FEATURES} feature columns are fitted, exactly; there are {len(x_columns)}")
    found = calculus.points_from_csv(csv, list(x_columns), y_column)
    if len(x_columns) == 1:
        return found, f"x = {x_columns[0]}, y = {y_column}", decimal_cells(found)
    return (found, ", ".join(f"x_{i + 1} = {c}" for i, c in enumerate(x_columns)) + f", y = {y_column}",
            decimal_cells(found))


def data_arguments(parser: argparse.ArgumentParser, several: bool) -> None:
    """--points, or --csv FILE with --x and --y (--x repeated for a linear model when `several`)."""
    parser.add_argument("--points", help='data points, like "(1,2), (2,5), (3,3)"')
    parser.add_argument("--csv", metavar="FILE", help="read the data from a CSV file")
    if several:
        parser.add_argument("--x", action="append", default=[], metavar="COLUMN",
                            help="a feature column (name or number); repeat or use commas for several")
    else:
        parser.add_argument("--x", metavar="COLUMN", help="the x column (name or number)")
    parser.add_argument("--y", metavar="COLUMN", help="the target column" if several else "the y column")


def _columns(given: Sequence[str]) -> list[str]:
    return [c.strip() for text in given for c in text.split(",") if c.strip()]


SOLVE = Command("least_squares", "least squares: a line (or a linear model) through data, exactly",
                lambda parser: data_arguments(parser, several=True),
                lambda a: solve(a.points, a.csv, _columns(a.x), a.y, a.steps), aliases=("lstsq",))
