"""Reading the values of an exercise's YAML keys, with the same parser as answers.

Pack files are written by instructors (trusted), but they are still only read,
never run: maths goes through tutor.parse, numbers are exact, CSV files are
parsed as data. Each reader takes a YAML node, the names of the exercise's
parameters and the pack's folder, and raises ReadError with the node at fault.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import yaml
from sympy import Expr

from ..errors import TutorError
from ..limits import LIMITS
from ..parse import InputError, Shape, read
from ..safe_read import FileRefused, read_file


class ReadError(TutorError):
    """A value that can't be read; `node` is the YAML node at fault (the loader turns it into FILE:LINE:COL)."""

    def __init__(self, message: str, node: yaml.Node | None = None):
        super().__init__(message)
        self.node = node


@dataclass(frozen=True)
class Table:
    """Columns of numbers from a CSV file: feature columns and one target column."""

    features: tuple[str, ...]
    target: str
    rows: tuple[tuple[Expr, ...], ...]
    targets: tuple[Expr, ...]
    file: str


def _scalar(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        raise ReadError(f"{what} must be a single value", node)
    return str(node.value)


def _expression(node: yaml.Node, params: Sequence[str], what: str, constant: bool = False) -> Expr:
    text = _scalar(node, what)
    value = cast(Expr, read(text, Shape.EXPRESSION, params, infer=not constant).value)
    if constant and value.free_symbols - {s for s in value.free_symbols if s.name in params}:
        raise ReadError(f"{what} must be a number", node)
    return value


def read_function(node, params, folder) -> Expr:  # noqa: ARG001
    return _expression(node, params, "a function")


def read_number(node, params, folder) -> Expr:  # noqa: ARG001
    return _expression(node, params, "a number", constant=True)


def read_integer(node, params, folder) -> int:  # noqa: ARG001
    text = _scalar(node, "a whole number")
    if not text.isdigit() or len(text) > 9:
        raise ReadError("must be a whole number from 0 to 999,999,999", node)
    return int(text)


def read_name(node, params, folder) -> str:  # noqa: ARG001
    return _scalar(node, "a variable name").strip()


def read_text(node, params, folder) -> str:  # noqa: ARG001
    return _scalar(node, "text")


def read_prose(node, params, folder) -> str:
    """Text shown to the student, where `{a}` shows a parameter's value (tutor.templates)."""
    return _scalar(node, "text")


def read_names(node, params, folder) -> tuple[str, ...]:  # noqa: ARG001
    if isinstance(node, yaml.SequenceNode):
        return tuple(_scalar(item, "a variable name").strip() for item in node.value)
    return tuple(n.strip() for n in _scalar(node, "a list of names").split(",") if n.strip())


MAX_HINTS = 3


def read_hints(node, params, folder) -> tuple[str, ...]:  # noqa: ARG001
    """One hint, or a list of at most MAX_HINTS: each whole (a comma in a hint is part of it)."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    if len(items) > MAX_HINTS:
        raise ReadError(f"at most {MAX_HINTS} hints, first a nudge, last nearly the answer; "
                        f"not {len(items)}", node)
    return tuple(_scalar(item, "a hint") for item in items)


def read_point(node, params, folder) -> tuple[Expr, ...] | dict[str, Expr] | Expr:  # noqa: ARG001
    """[2, 3], {x: 2, y: 3}, "x=2, y=3", "(2, 3)" or a single number."""
    if isinstance(node, yaml.SequenceNode):
        return tuple(_expression(item, params, "a coordinate", constant=True) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        return {_scalar(k, "a variable name"): _expression(v, params, "a coordinate", constant=True)
                for k, v in node.value}
    text = _scalar(node, "a point")
    if "=" in text:
        point = {}
        for part in text.split(","):
            name, _, value = part.partition("=")
            point[name.strip()] = read(value, Shape.EXPRESSION, params).value
        return point
    answer = read(text, Shape.VECTOR, params) if "," in text else read(text, Shape.EXPRESSION, params)
    return answer.value


def read_numbers(node, params, folder) -> tuple[Expr, ...]:  # noqa: ARG001
    """[1.1, 0.5, 0.01] or "1.1, 0.5, 0.01": a list of numbers, like the learning rates to compare."""
    if isinstance(node, yaml.SequenceNode):
        items = node.value
        if not items:
            raise ReadError("the list is empty", node)
        return tuple(_expression(item, params, "a number", constant=True) for item in items)
    text = _scalar(node, "a list of numbers")
    value = read(text, Shape.VECTOR, params).value if "," in text else (read(text, Shape.NUMBER, params).value,)
    return cast(tuple, value)


def read_points(node, params, folder) -> tuple[tuple[Expr, ...], ...]:  # noqa: ARG001
    """[[1, 2], [2, 5]] or "(1, 2), (2, 5)"."""
    if isinstance(node, yaml.SequenceNode):
        points = []
        for item in node.value:
            if not isinstance(item, yaml.SequenceNode):
                raise ReadError("each point is a list like [1, 2]", item)
            points.append(tuple(_expression(c, params, "a coordinate", constant=True) for c in item.value))
        return tuple(points)
    value = cast(tuple, read(_scalar(node, "points"), Shape.POINTS, params).value)
    return tuple(p for p in value if isinstance(p, tuple))


def read_csv(node, params, folder: Path) -> Table:  # noqa: ARG001
    """{file: data.csv, x: TV, y: Sales} (x may be a list of columns), beside the pack."""
    if not isinstance(node, yaml.MappingNode):
        raise ReadError("csv needs {file: NAME.csv, x: COLUMN, y: COLUMN}", node)
    fields = {k.value: v for k, v in node.value}
    unknown = set(fields) - {"file", "x", "y"}
    if unknown or not {"file", "x", "y"} <= set(fields):
        raise ReadError("csv needs exactly file, x and y", node)
    name = _scalar(fields["file"], "a file name")
    features = read_names(fields["x"], params, folder)
    target = _scalar(fields["y"], "a column name")
    try:
        path = (folder / name).resolve()
        inside = folder.resolve() in path.parents
    except (OSError, RuntimeError):  # Python < 3.13 raises RuntimeError for a loop of links
        raise ReadError(f"CSV file '{name}' can't be read: a loop of links", fields["file"]) from None
    if not inside:
        raise ReadError(f"the CSV file must be beside the pack, not {name}", fields["file"])
    try:
        text = read_file(path, LIMITS.max_pack_bytes).decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except FileNotFoundError:
        raise ReadError(f"CSV file '{name}' not found beside the pack", fields["file"]) from None
    except FileRefused as refused:
        raise ReadError(f"CSV file '{name}' is not read: {refused}", fields["file"]) from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ReadError(f"CSV file '{name}' can't be read: {error}", fields["file"]) from None
    if not rows:
        raise ReadError(f"CSV file '{name}' has no data rows", fields["file"])
    for column in (*features, target):
        if column not in rows[0]:
            raise ReadError(f"CSV file '{name}' has no column '{column}' "
                            f"(it has {', '.join(rows[0])})", fields["x"] if column in features else fields["y"])
    data, targets = [], []
    for number, row in enumerate(rows, start=2):
        try:
            data.append(tuple(read(row[c], Shape.NUMBER, ()).value for c in features))
            targets.append(read(row[target], Shape.NUMBER, ()).value)
        except InputError as error:
            raise ReadError(f"CSV file '{name}', line {number}: not a number ({error})", fields["file"]) from None
        except TypeError:  # a row shorter than the header
            raise ReadError(f"CSV file '{name}', line {number}: a value is missing", fields["file"]) from None
    return Table(features, target, tuple(data), tuple(targets), name)


FIELD_READERS: dict[str, Callable] = {
    "function": read_function,
    "number": read_number,
    "integer": read_integer,
    "name": read_name,
    "names": read_names,
    "text": read_text,
    "prose": read_prose,
    "hints": read_hints,
    "point": read_point,
    "numbers": read_numbers,
    "points": read_points,
    "csv": read_csv,
}

# readers of numbers: where the pack writes one as a decimal (0.05), the exercise shows its numbers that way
NUMERIC_READERS = frozenset({"number", "numbers", "point", "points"})
