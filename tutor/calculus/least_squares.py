"""Least squares, exactly: the normal equations solved over the rationals.

Data are read exactly (0.1 is 1/10, never the float nearest to it). Each column
is scaled by a common denominator to Python integers, so the sums the normal
equations need are sums of ints, which are fast and exact; 100,000 points take
a fraction of a second. The fitted model is y = w₁x₁ + … + wₖxₖ + b, and for one
feature the lesson's line y = mx + b with the cost E(m, b) it minimises.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from operator import mul

import sympy
from sympy import Expr

from ..limits import LIMITS
from ..parse import InputError, read, symbol, to_sympy
from ..words import and_list
from .common import SolveError


@dataclass(frozen=True)
class NormalEquations:
    """Aθ = c for the parameters θ = (w₁, …, wₖ, b), with Σy² and n: all a derivation needs."""

    parameters: tuple[str, ...]
    matrix: tuple[tuple[Expr, ...], ...]  # A = XᵀX, X with a column of ones for b
    rhs: tuple[Expr, ...]  # c = Xᵀy
    sum_y2: Expr
    n: int

    @property
    def cost_function(self) -> Expr:
        """E(θ) = Σ(ŷ - y)² = θᵀAθ - 2θᵀc + Σy², as a polynomial in the parameters."""
        theta = [symbol(p) for p in self.parameters]
        k = len(theta)
        # multiplied out as sympy.expand would, without its work: θᵢθⱼ (i < j) gathers Aᵢⱼ + Aⱼᵢ
        quadratic = ((self.matrix[i][j] + self.matrix[j][i] if i < j else self.matrix[i][i]) * theta[i] * theta[j]
                     for i in range(k) for j in range(i, k))
        return sympy.Add(*quadratic, *(-2 * c * t for c, t in zip(self.rhs, theta)), self.sum_y2)


@dataclass(frozen=True)
class LinearFit:
    weights: tuple[Expr, ...]
    intercept: Expr
    cost: Expr  # E at the optimum: the least sum of squared errors
    system: NormalEquations

    @property
    def cost_function(self) -> Expr:
        return self.system.cost_function


@dataclass(frozen=True)
class LineFit:
    slope: Expr
    intercept: Expr
    cost: Expr
    cost_function: Expr  # E(m, b), in the symbols m and b
    system: NormalEquations


def fit_line(points: Sequence[Sequence]) -> LineFit:
    """The line y = mx + b with the least sum of squared vertical errors through the points."""
    points = list(points)
    if any(len(p) != 2 for p in points):
        raise SolveError("each point needs two coordinates, like (1, 2)")
    fit = _fit([[p[0] for p in points]], [p[1] for p in points], ("m", "b"), singular=(
        "all the x values are equal, so no single line fits best (the normal equations are singular)"))
    return LineFit(fit.weights[0], fit.intercept, fit.cost, fit.cost_function, fit.system)


def fit_linear(rows: Sequence[Sequence], targets: Sequence) -> LinearFit:
    """y = w₁x₁ + … + wₖxₖ + b with the least sum of squared errors; rows hold x₁ … xₖ."""
    rows = list(rows)
    if len(rows) != len(targets):
        raise SolveError(f"there are {len(rows)} rows but {len(targets)} targets")
    k = len(rows[0]) if rows else 0
    if any(len(r) != k for r in rows) or k == 0:
        raise SolveError("every row needs the same number of features (at least one)")
    names = ("m", "b") if k == 1 else tuple(f"w_{i + 1}" for i in range(k)) + ("b",)
    return _fit([[r[i] for r in rows] for i in range(k)], targets, names, singular=(
        "the features are linearly dependent (or a feature never changes), "
        "so the normal equations are singular"))


def _fit(features: Sequence[Sequence], targets: Sequence, names: tuple[str, ...], singular: str) -> LinearFit:
    """Solve the normal equations for feature columns and targets; `names` name the parameters."""
    n = len(targets)
    if n == 0:
        raise SolveError("there are no data points")
    unknowns = len(names)  # the intercept b among them
    if n < unknowns:  # (1, 0, 3) and (0, 1, 5): a whole line of planes through both, whatever the features
        raise SolveError(f"{unknowns} unknowns ({and_list(names)}) need at least {unknowns} data points, and there "
                         f"{'is 1' if n == 1 else f'are {n}'}: infinitely many fits pass through "
                         f"{'it' if n == 1 else 'them all'} exactly (the normal equations are singular)")
    columns = [_column(values, f"x{i + 1}") for i, values in enumerate(features)]
    ys, y_scale = _column(targets, "y")
    columns.append(([1] * n, 1))  # the intercept's column
    A = tuple(tuple(Fraction(_dot(a, b), sa * sb) for b, sb in columns) for a, sa in columns)
    c = tuple(Fraction(_dot(a, ys), sa * y_scale) for a, sa in columns)
    theta = _solve(A, c, singular)
    yy = Fraction(_dot(ys, ys), y_scale * y_scale)
    cost = yy - sum(t * ci for t, ci in zip(theta, c))
    system = NormalEquations(names, tuple(tuple(map(to_sympy, r)) for r in A), tuple(map(to_sympy, c)),
                             to_sympy(yy), n)
    return LinearFit(tuple(map(to_sympy, theta[:-1])), to_sympy(theta[-1]), to_sympy(cost), system)


def _dot(a: list[int], b: list[int]) -> int:
    return sum(map(mul, a, b))


def _solve(A: Sequence[Sequence[Fraction]], c: Sequence[Fraction], singular: str) -> list[Fraction]:
    """Gauss-Jordan elimination over the rationals; a zero pivot means no unique solution."""
    size = len(c)
    rows = [list(A[i]) + [c[i]] for i in range(size)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            raise SolveError(singular)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        rows[col] = [v / lead for v in rows[col]]
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [v - factor * p for v, p in zip(rows[r], rows[col])]
    return [rows[i][size] for i in range(size)]


def _column(values: Iterable, name: str) -> tuple[list[int], int]:
    """Exact values as integers over one common denominator: ([n₁, n₂, …], d)."""
    ratios = [_ratio(v, name) for v in values]
    scale = math.lcm(*(d for _, d in ratios)) if ratios else 1
    if scale == 1:
        return [p for p, _ in ratios], 1
    return [p * (scale // d) for p, d in ratios], scale


def _ratio(value: object, name: str = "value") -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, 1
    if isinstance(value, Fraction):
        return value.numerator, value.denominator
    if isinstance(value, float):
        value = Decimal(repr(value))  # the decimal that was typed, not the binary fraction
    if isinstance(value, str):
        text = value.strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            try:
                return _ratio(Fraction(text), name)
            except (ValueError, ZeroDivisionError):
                raise SolveError(f"'{text}' ({name}) is not a number") from None
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise SolveError(f"'{value}' ({name}) is not a finite number")
        return value.as_integer_ratio()
    if isinstance(value, sympy.Rational):
        return int(value.p), int(value.q)
    if isinstance(value, sympy.Expr):
        raise SolveError(f"least squares needs rational data, like 2, 0.5 or 1/3, not {value}")
    raise SolveError(f"'{value}' ({name}) is not a number")


# ----------------------------------------------------------------------- reading data


def points_from_text(text: str) -> tuple[tuple[Expr, ...], ...]:
    """`(1,2), (2,5), (3,3)` as exact points; decimals are read as written."""
    return typed_points(text)[0]


def typed_points(text: str) -> tuple[tuple[tuple[Expr, ...], ...], bool]:
    """The points of `points_from_text`, and whether a number that is not whole was typed as a decimal
    (0.5, 1e-3): such data is answered in decimals, and data typed as fractions (1/2) in fractions, though
    both read as the same exact 1/2."""
    try:
        # data points hold two coordinates or more, so a comma between digits parts them, never a decimal
        # comma as in a student's 0,5671: (1000,2001) is x = 1000, y = 2001 (outside check h16, F11)
        answer = read(text, "points", (), data=True)
    except InputError as error:
        raise SolveError(f"can't read the points: {error.message}") from None
    values = answer.value if isinstance(answer.value, tuple) else ()
    points = [p for p in values if isinstance(p, tuple)]
    if len(points) != len(values) or not points:
        raise SolveError("write the points like (1, 2), (2, 5), (3, 3)")
    if len({len(p) for p in points}) != 1:
        raise SolveError("every point needs the same number of coordinates")
    return tuple(points), any(value.denominator != 1 for value, _ in answer.spellings)


def points_from_csv(path: str, x_column: str | Sequence[str], y_column: str) -> tuple[tuple, ...]:
    """Rows (x₁, …, xₖ, y) from a CSV file, by header name or 1-based column number.

    Values are exact (decimal text becomes Decimal). A bad cell is an error that
    names its line and column.
    """
    x_columns = [x_column] if isinstance(x_column, str) else list(x_column)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SolveError(f"can't read {path}: {error.strerror}") from None
    try:
        lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except UnicodeDecodeError as error:  # where, in the file's own terms, not the codec's (outside check h40, F9)
        line = data[: error.start].count(b"\n") + 1
        raise SolveError(f"{path}, line {line}: the byte 0x{data[error.start]:02x} is not UTF-8 text; save the "
                         "file as UTF-8 (CSV UTF-8 in a spreadsheet)") from None
    except csv.Error as error:
        raise SolveError(f"{path} is not a readable CSV file ({error})") from None
    lines = [row for row in lines if any(cell.strip() for cell in row)]
    if not lines:
        raise SolveError(f"{path} has no data")
    header = [cell.strip() for cell in lines[0]]
    wanted = [*x_columns, y_column]
    has_header = not all(_is_number(c) for c in header)  # a first row of numbers is data
    indexes = [_column_index(name, header if has_header else [], path) for name in wanted]
    rows = []
    first = 2 if has_header else 1
    for number, row in enumerate(lines[1:] if has_header else lines, start=first):
        try:
            rows.append(tuple(_cell(row[i]) for i in indexes))
        except IndexError:
            raise SolveError(f"{path}, line {number}: the row is too short") from None
        except (InvalidOperation, ValueError):
            bad = next(row[i] for i in indexes if not _is_number(row[i]))
            raise SolveError(f"{path}, line {number}: '{bad.strip()}' is not a number") from None
        except OverflowError as error:  # as --points refuses it (outside check h40, F11)
            raise SolveError(f"{path}, line {number}: {error}") from None
    if not rows:
        raise SolveError(f"{path} has a header but no data")
    return tuple(rows)


def _column_index(name: str, header: list[str], path: str) -> int:
    if name in header:
        return header.index(name)
    if name.isdigit() and int(name) >= 1:
        return int(name) - 1
    known = ", ".join(header) if header else "none (the file has no header)"
    raise SolveError(f"{path} has no column '{name}' (the columns are {known})")


def decimal_cells(rows: Sequence[Sequence[object]]) -> bool:
    """Whether rows read by `points_from_csv` have a cell that is not whole written as a decimal (230.1,
    not 1/2): as `typed_points` tells for typed data."""
    return any(isinstance(c, Decimal) and c != c.to_integral_value() for row in rows for c in row)


def _cell(text: str) -> Decimal | Fraction:
    """A cell's exact number; OverflowError, saying so, where it is past the digits the parser allows (1e1001)."""
    text = text.strip()
    shown = text if len(text) <= 20 else text[:20] + "…"
    if "/" in text:
        value = Fraction(text)
        if max(len(str(abs(value.numerator))), len(str(value.denominator))) > LIMITS.max_digits:
            raise OverflowError(f"'{shown}' has too many digits to work with")
        return value
    number = Decimal(text)
    if not number.is_finite():
        raise ValueError(text)
    if max(abs(number.adjusted()), len(number.as_tuple().digits)) > LIMITS.max_digits:  # as the parser: 1e1000 is read
        raise OverflowError(f"'{shown}' is too {'large' if number.adjusted() > 0 else 'small'} a number to work with")
    return number


def _is_number(text: str) -> bool:
    try:
        _cell(text)
        return True
    except (InvalidOperation, ValueError, ZeroDivisionError):
        return False
    except OverflowError:  # a number, too large to work with
        return True
