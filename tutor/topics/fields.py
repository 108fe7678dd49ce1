"""Reading the values of an exercise's YAML keys, with the same parser as answers.

Pack files are written by instructors (trusted), but they are still only read,
never run: maths goes through tutor.parse, numbers are exact, CSV files are
parsed as data. Each reader takes a YAML node, the names of the exercise's
parameters and the pack's folder, and raises ReadError with the node at fault.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeAlias, cast

import yaml
from sympy import Expr

from ..compare import MAX_PLACES, MAX_RELATIVE, TOLERANCE_PATTERN, TOLERANCE_WORDS, Tolerance
from ..errors import TutorError
from ..limits import LIMITS
from ..parse import InputError, Shape, fraction, read
from ..safe_read import FileRefused, read_file
from ..templates import Placeholder, TemplateError, template
from ..words import by_name
from ..yaml_errors import BRACE_STARTS_A_MAPPING


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


def _scalar(node: yaml.Node, what: str, maths: bool = False) -> str:
    if not isinstance(node, yaml.ScalarNode) or _null(node):
        raise ReadError(f"{what} must be a single value{braces(node, maths)}", node)
    return str(node.value)


def _null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def braces(node: yaml.Node, maths: bool = False) -> str:
    """Why a value written `{a}` is not text, and the fix: YAML reads it as a mapping. In maths the fix is the
    parameter's name, not quotes, which lead to a second refusal (outside check h57, R4: `start: {a}`)."""
    if not (isinstance(node, yaml.MappingNode) and node.flow_style):
        return ""
    start = f"; {BRACE_STARTS_A_MAPPING}"
    if not maths:
        return f"{start}: put the whole value in quotes, like \"{{a}}\""
    inside = ", ".join(str(key.value) for key, _ in node.value if isinstance(key, yaml.ScalarNode)) or "a"
    return f"{start}; in maths a parameter is written by its name alone, like {by_name(inside)}"


def _expression(node: yaml.Node, params: Sequence[str], what: str, constant: bool = False) -> Expr:
    text = _scalar(node, what, maths=True)
    value = cast(Expr, read(text, Shape.EXPRESSION, params, infer=not constant).value)
    if constant and value.free_symbols - {s for s in value.free_symbols if s.name in params}:
        raise ReadError(f"{what} must be a number", node)
    return value


def read_function(node, params, folder) -> Expr:  # noqa: ARG001
    return _expression(node, params, "a function")


def read_number(node, params, folder) -> Expr:  # noqa: ARG001
    return _expression(node, params, "a number", constant=True)


MAX_STEPS = 10_000  # the most iterations a descent exercise takes
ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$"  # an exercise's id


def read_integer(node, params, folder) -> int | Expr:  # noqa: ARG001
    """A count of steps: a whole number, or an expression of the parameters (k, k + 1) that each
    draw makes one (the kind's build checks it with `whole_steps`)."""
    text = _scalar(node, "a whole number", maths=True)
    problem = ReadError(f"must be a whole number from 1 to {MAX_STEPS:,}"
                        + (f", or one made of the parameters ({', '.join(params)})" if params else "")
                        + f", not '{text}'", node)
    whole = re.fullmatch(r"\s*([0-9]+)(?:\.0*)?\s*", text)  # 2.0 is a whole number, as the schema's integer says
    if whole:
        digits = whole.group(1).lstrip("0") or "0"
        if len(digits) > len(str(MAX_STEPS)) or not 1 <= int(digits) <= MAX_STEPS:
            raise problem
        return int(digits)
    try:
        value = _expression(node, params, "a whole number", constant=True) if params else None
    except (InputError, ReadError):
        raise problem from None
    if value is None or not value.free_symbols:
        raise problem
    return value


# A weight written as text: a number (1, 0.5, .5, 1e3) or a fraction of two (1/2). The loader takes what
# the schema's pattern takes, no more: '2*3' or '(1)' would be valid to the reader of answers but not to
# an editor checking the pack against the schema.
_DECIMAL = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
WEIGHT_PATTERN = rf"^\s*{_DECIMAL}\s*(?:/\s*{_DECIMAL}\s*)?$"


def read_weight(node, params, folder) -> Fraction:  # noqa: ARG001
    """A weight for grading (`points:`), read as an answer is, within its limits (Fraction("1e-999999999")
    would never finish): 1, 0.5, 1/2, 1e3."""
    text = _scalar(node, "a number", maths=True)
    problem = ReadError(f"must be a number from 0 to {LIMITS.max_parameter:,}, like 1, 0.5 or 1/2, not '{text}'",
                        node)
    if not re.fullmatch(WEIGHT_PATTERN, text):
        raise problem
    try:
        value = cast(Expr, read(text, Shape.NUMBER, ()).value)
    except InputError:
        raise problem from None
    if not (value.is_Rational and 0 <= value <= LIMITS.max_parameter):
        raise problem
    return fraction(value)


def read_tolerance(node, params, folder) -> Tolerance | None:  # noqa: ARG001
    text = _scalar(node, "a tolerance")
    try:
        return Tolerance.parse(text)
    except InputError:
        raise ReadError(f"must be {TOLERANCE_WORDS}, not '{text}'", node) from None


def read_boolean(node, params, folder) -> bool:  # noqa: ARG001
    """true or false as YAML writes them (yes and no too): a boolean, as the schema sees it. 'true' in
    quotes is text, which an editor checking the schema refuses, and so does the loader."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
        return str(node.value).lower() in ("true", "yes", "on")
    written = f", not the text '{node.value}' (write it without quotes)" if isinstance(node, yaml.ScalarNode) \
        and str(node.value).lower() in ("true", "false") else ""
    raise ReadError(f"must be true or false{written}", node)


def read_words(node, params, folder) -> tuple[str, ...]:  # noqa: ARG001
    """[gradients, descent]: a list of words, like the skills an exercise practises."""
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(t, yaml.ScalarNode) for t in node.value):
        raise ReadError("must be a list of words, like [gradients]", node)
    return tuple(str(t.value) for t in node.value)


def read_name(node, params, folder) -> str:  # noqa: ARG001
    return _scalar(node, "a variable name").strip()


def read_text(node, params, folder) -> str:  # noqa: ARG001
    return _scalar(node, "text")


def read_prose(node, params, folder) -> str:
    """Text shown to the student, where `{a}` shows a parameter's value (tutor.templates)."""
    return _scalar(node, "text")


def read_shown_name(node, params, folder) -> str:  # noqa: ARG001
    """A name the student reads in the prompt (E(0, 0), f′(2), x₁), each argument written as the prompt shows
    a value: `{a}`, or arithmetic on parameters without braces, as in maths (E(a, 2a) is E(5, 10), f'(a+1)
    f′(6), x_k x₅ for a = k = 5). Written as a placeholder (`{2a}`), each variant fills it with the prompt's
    numbers; pasted as text it would read `f'(5+1)`, a name no student is shown."""
    text = _scalar(node, "text")
    if not params:
        return text
    alone = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in sorted(params, key=len, reverse=True)) + r")(?!\w)")
    out, i = [], 0
    while i < len(text):
        if text[i] == "{":  # a placeholder as written, or a literal brace ({{)
            after = i + 2 if text.startswith("{{", i) else (text.find("}", i) + 1 or len(text))
            out.append(text[i:after])
            i = after
        elif text[i] == "(" and (close := _closing(text, i)) is not None:
            out.append("(" + ",".join(_argument(part, params, alone) for part in _split_top(text[i + 1:close]))
                       + ")")
            i = close + 1
        elif text[i] == "_" and (found := re.match(r"_([^\W_]+)", text[i:])) is not None:
            out.append("_" + _argument(found[1], params, alone, subscript=True))
            i += found.end()
        elif (found := alone.match(text, i)) is not None:  # a standing alone, as in maths
            out.append(f"{{{found[1]}}}")
            i = found.end()
        else:  # a letter of a longer name (x_a's x, ka) stays a letter
            word = re.compile(r"\w+|.", re.S).match(text, i)
            assert word is not None
            out.append(word[0] if "_" not in word[0][1:] else word[0][: word[0].index("_", 1)])
            i += len(out[-1])
    return "".join(out)


def _closing(text: str, start: int) -> int | None:
    """Where the bracket opened at `start` closes; None where it never does."""
    depth = 0
    for i in range(start, len(text)):
        depth += (text[i] == "(") - (text[i] == ")")
        if depth == 0:
            return i
    return None


def _split_top(inside: str) -> list[str]:
    """A bracket's arguments: split at its own commas, not those of a bracket inside it."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(inside):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(inside[start:i])
            start = i + 1
    return [*parts, inside[start:]]


def _argument(text: str, params: Sequence[str], alone: re.Pattern[str], subscript: bool = False) -> str:
    """One argument of a name: arithmetic on parameters as its placeholder (' 2a' as ' {2a}'), read as the
    prompt reads `{2a}`; any other text with each parameter standing alone in braces (x + a as x + {a})."""
    body = text.strip()
    if "{" in body or "}" in body:  # the author's own placeholder, as written
        return text
    try:
        value = template(f"{{{body}}}", tuple(params)).parts[1] if body else None
    except TemplateError:
        value = None
    if isinstance(value, Placeholder) and value.value.free_symbols:
        placed = f"{{{body}}}"
        return placed if subscript else text[: len(text) - len(text.lstrip())] + placed + text[len(text.rstrip()):]
    return alone.sub(lambda found: f"{{{found[1]}}}", text)


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
        if node.flow_style and any(_null(v) for _, v in node.value):  # {a}: no {x: 2, y: 3}, but a braced parameter
            raise ReadError(f"a point must be like [2, 3] or {{x: 2, y: 3}}{braces(node, maths=True)}", node)
        return {_scalar(k, "a variable name"): _expression(v, params, "a coordinate", constant=True)
                for k, v in node.value}
    text = _scalar(node, "a point", maths=True)
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
    text = _scalar(node, "a list of numbers", maths=True)
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
    value = cast(tuple, read(_scalar(node, "points", maths=True), Shape.POINTS, params).value)
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


Schema: TypeAlias = dict[str, Any]  # a JSON Schema fragment
SCALAR: Schema = {"type": ["string", "number", "boolean"]}  # what a YAML scalar loads as; readers read its text
_NUMBER: Schema = {"type": ["number", "string"]}


@dataclass(frozen=True)
class Reader:
    """How the value of a key is read, and what it may be as JSON Schema: one declaration for the loader
    and the schema editors check packs with (tutor/pack_schema.py), so that they agree."""

    read: Callable[[yaml.Node, Sequence[str], Path], object] | None  # None: the pack loader reads it itself
    schema: Schema


READERS: dict[str, Reader] = {
    "function": Reader(read_function, SCALAR),
    "number": Reader(read_number, _NUMBER),
    "integer": Reader(read_integer, {"oneOf": [
        {"type": "integer", "minimum": 1, "maximum": MAX_STEPS},
        {"type": "string", "title": "text of an expression of the parameters, like 'k + 1'"}]}),
    "name": Reader(read_name, SCALAR),
    "names": Reader(read_names, {"oneOf": [{"type": "array", "items": SCALAR}, SCALAR]}),
    "text": Reader(read_text, SCALAR),
    "prose": Reader(read_prose, SCALAR),
    "shown name": Reader(read_shown_name, SCALAR),
    "hints": Reader(read_hints, {"oneOf": [{"type": "array", "items": SCALAR, "maxItems": MAX_HINTS}, SCALAR]}),
    "point": Reader(read_point, {"type": ["array", "object", "string", "number"]}),
    "numbers": Reader(read_numbers, {"oneOf": [{"type": "array", "items": _NUMBER, "minItems": 1},
                                               {"type": ["string", "number"]}]}),  # rates: 0.5, a list of one
    "points": Reader(read_points, {"oneOf": [{"type": "array", "items": {"type": "array"}}, {"type": "string"}]}),
    "csv": Reader(read_csv, {"type": "object", "required": ["file", "x", "y"], "additionalProperties": False,
                             "properties": {"file": {"type": "string"}, "x": {"type": ["string", "array"]},
                                            "y": {"type": "string"}}}),
    "weight": Reader(read_weight, {"oneOf": [  # a number, or one written as text: '1/2', '0.5'
        {"type": "number", "minimum": 0, "maximum": LIMITS.max_parameter},
        {"type": "string", "title": "text of a number ≥ 0, like '1/2', '0.5' or '1e3'", "pattern": WEIGHT_PATTERN}]}),
    "tolerance": Reader(read_tolerance, {"oneOf": [  # as Tolerance.parse takes it
        {"type": "number", "minimum": 0, "maximum": MAX_RELATIVE},
        {"type": "string", "pattern": TOLERANCE_PATTERN,
         "title": f"text of decimal places, dp:0 to dp:{MAX_PLACES}, or of a relative error like '1e-3'"}]}),
    "boolean": Reader(read_boolean, {"type": "boolean"}),
    "words": Reader(read_words, {"type": "array", "items": SCALAR}),
    # read by the pack loader itself, which reports each problem inside them
    # an id is read as the text it is written as: `id: 5` is the exercise '5'
    "id": Reader(None, {"oneOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "number", "minimum": 0},
                                  {"type": "boolean"}]}),
    "kind": Reader(None, {"type": "string"}),
    "params": Reader(None, {"type": "object", "additionalProperties": {
        "type": "object", "additionalProperties": False, "minProperties": 1,
        "properties": {**{k: {"type": "array"} for k in ("int", "choice", "rational", "denominators")},
                       "lesson": _NUMBER}}}),
    "condition": Reader(None, {"type": "string"}),
    "mistakes": Reader(None, {"type": "array", "items": {
        "type": "object", "required": ["answer", "feedback"], "additionalProperties": False,
        "properties": {"answer": SCALAR, "feedback": SCALAR}}}),
}

# readers of text a student reads, where `{a}` shows a parameter's value: each variant fills it
SHOWN_READERS = frozenset({"prose", "shown name"})
# readers of numbers: where the pack writes one as a decimal (0.05), the exercise shows its numbers that way
NUMERIC_READERS = frozenset({"number", "numbers", "point", "points"})
