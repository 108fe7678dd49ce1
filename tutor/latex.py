"""What to type instead of a LaTeX command pasted into an answer.

The lesson, Overleaf and Wolfram|Alpha's "copy as LaTeX" write maths in LaTeX (`\\frac{6x}{y}`, `2 \\cdot x`,
`\\begin{bmatrix} 2x \\\\ 2y \\end{bmatrix}`). No command is read: reading part of one and not the rest could
grade a form the student did not mean, and the answer grammar stays one grammar. The student is told, for the
command met, what to type in its place, with its own arguments where they are plain (`(6x)/(y)`).
Only text is looked at here; the scans are linear in the answer's length, which the reader bounds.
"""

from __future__ import annotations

import re

from .functions import BY_NAME
from .words import GREEK

_GREEK = frozenset({*GREEK, "pi"})  # \pi too, though the grammar has π as a constant
_PRODUCTS = frozenset({"cdot", "times", "ast", "cdotp"})
_FRACTIONS = frozenset({"frac", "dfrac", "tfrac"})
_SIZES = frozenset({"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"})
_SPACES = frozenset({"quad", "qquad", ",", ";", ":", "!", " "})
_MATRICES = frozenset({"matrix", "bmatrix", "pmatrix", "Bmatrix", "vmatrix", "Vmatrix"})
_WORDS = {  # a command and what a keyboard types for it
    "nabla": "∇ or grad",
    "partial": "∂ or d, like df/dx",
    "approx": "≈ or ~",
    "pm": "±, or +/-",
    "mp": "∓",
    "div": "/",
}
_COMMAND = re.compile(r"\\([A-Za-z]+|.?)")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_PLAIN = 30  # an argument longer than this, or with a command in it, is not echoed: a general form is said


def hint(text: str, at: int) -> str:
    """The sentence for the LaTeX command at `text[at]` (a backslash): "'\\frac{6x}{y}' is LaTeX: write
    (6x)/(y)", "'\\cdot' is LaTeX: write * for a product"."""
    escape = _ESCAPE.match(text, at)
    if escape:  # \u00b2 copied from JSON or Python; a submission's lone surrogate is kept so (outside check h40, F8)
        code = int(escape[1] or escape[2], 16)
        if 0xD800 <= code <= 0xDFFF:
            return (f"'{escape[0]}' is an escape for U+{code:04X}, half of a character (a lone surrogate), which can't "
                    "be used here")
        return (f"'{escape[0]}' is an escape for the character U+{code:04X}, which is not read here: type the "
                "character itself")
    found = _COMMAND.match(text, at)
    assert found is not None
    name, end = found[1], found.end()
    typed = f"\\{name}"
    if name in _PRODUCTS:
        return f"'{typed}' is LaTeX: write * for a product"
    if name in _FRACTIONS:
        top = _braced(text, end)
        bottom = _braced(text, top[1]) if top is not None else None
        if top is not None and bottom is not None and _plain(top[0]) and _plain(bottom[0]):
            return f"'{text[at:bottom[1]]}' is LaTeX: write ({_spaced(top[0])})/({_spaced(bottom[0])})"
        return f"'{typed}' is LaTeX: for {typed}{{a}}{{b}} write (a)/(b)"
    if name == "sqrt":
        return _root(text, at, end)
    if name in _SIZES:
        bracket = text[end : end + 1]
        shown = f"{typed}{bracket}" if bracket and bracket in "()[]|" else typed
        return f"'{shown}' is LaTeX: leave out {typed} and keep the bracket"
    if name == "langle":
        inside = _until(text, end, "\\rangle")
        if inside is not None and _plain(inside):
            return f"'{typed}' is LaTeX: write the vector in round brackets, ({_spaced(inside)})"
        return f"'{typed}' is LaTeX: write a vector in round brackets, like (2x, 2y)"
    if name == "begin":
        return _matrix(text, at, end)
    if name in _GREEK or name in BY_NAME:
        return f"'{typed}' is LaTeX: write {name}"
    if name in _WORDS:
        return f"'{typed}' is LaTeX: write {_WORDS[name]}"
    if name in _SPACES:
        return f"'{typed}' is LaTeX spacing: leave it out"
    if name == "\\":
        return "'\\\\' is LaTeX's new line: separate items with a comma"
    if name in ("(", ")", "[", "]"):
        return f"'{typed}' starts or ends LaTeX maths: leave it out"
    if name in ("{", "}"):  # a set's braces: write just {; grouping, as 6x\{y\}, is no set (h28, N11)
        return f"'{typed}' is LaTeX: write just {name} for a set of points, and round brackets to group"
    if not name:
        return "a backslash is not part of maths here"
    return f"'{typed}' is LaTeX, which is not read here: write plain maths, like 6*x*y^3 or (6x)/(y)"


def _braced(text: str, start: int) -> tuple[str, int] | None:
    """The text inside the braces opening at `start` (after spaces), and where they close; None where none open."""
    while start < len(text) and text[start] == " ":
        start += 1
    if text[start : start + 1] != "{":
        return None
    depth = 0
    for index in range(start, len(text)):
        depth += (text[index] == "{") - (text[index] == "}")
        if depth == 0:
            return text[start + 1 : index], index + 1
    return None


def _until(text: str, start: int, closing: str) -> str | None:
    """The text from `start` to the next `closing`; None where it does not come."""
    end = text.find(closing, start)
    return None if end < 0 else text[start:end]


def _plain(argument: str) -> bool:
    """Whether an argument may be echoed in what to type: short, not empty, and with no command of its own."""
    return bool(argument.strip()) and "\\" not in argument and len(argument) <= _PLAIN


def _spaced(argument: str) -> str:
    return " ".join(argument.split())


def _root(text: str, at: int, end: int) -> str:
    """'\\sqrt{x}': write sqrt(x); '\\sqrt[3]{x}': write (x)^(1/3)."""
    degree = None
    if text[end : end + 1] == "[" and (close := text.find("]", end)) > 0:
        degree, end = text[end + 1 : close], close + 1
    under = _braced(text, end)
    if under is None or not _plain(under[0]) or degree is not None and not _plain(degree):
        return "'\\sqrt' is LaTeX: for \\sqrt{a} write sqrt(a)"
    if degree is None:
        return f"'{text[at:under[1]]}' is LaTeX: write sqrt({_spaced(under[0])})"
    return f"'{text[at:under[1]]}' is LaTeX: write ({_spaced(under[0])})^(1/{_spaced(degree)})"


def _matrix(text: str, at: int, end: int) -> str:
    """'\\begin{bmatrix}' is LaTeX: write the vector in round brackets, (2x, 2y), for a column or a row."""
    environment = _braced(text, end)
    general = "'\\begin' is LaTeX: write a vector in round brackets, like (2x, 2y)"
    if environment is None or environment[0] not in _MATRICES:
        return general
    typed = f"\\begin{{{environment[0]}}}"
    inside = _until(text, environment[1], f"\\end{{{environment[0]}}}")
    if inside is None:
        return f"'{typed}' is LaTeX: write a vector in round brackets, like (2x, 2y)"
    rows = [row.split("&") for row in inside.split("\\\\") if row.strip()]
    items = [item for row in rows for item in row] if len(rows) == 1 or all(len(row) == 1 for row in rows) else []
    if not items or not all(_plain(item) for item in items):
        return f"'{typed}' is LaTeX: write a vector in round brackets, like (2x, 2y)"
    return f"'{typed}' is LaTeX: write the vector in round brackets, ({', '.join(map(_spaced, items))})"
