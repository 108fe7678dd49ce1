"""A YAML parser's error in the words of the rest of the tutor: what is wrong, and the likely fix.

PyYAML reports what its grammar expected ("did not find expected ',' or ']'"), in the
words of libyaml or of its pure-Python parser. Both say what they were reading when it
happened (the context: a flow sequence opened at some line and column, a quoted
scalar, a block collection), so the message is chosen from the context first and the
problem second, and is the same with either parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .words import by_name

_FLOW = {"flow sequence": ("[", "]"), "flow mapping": ("{", "}")}


_KEY_VALUE = re.compile(r"^(\s*)(?:- )?([^\s:#'\"-][^:#]*?):(?:[ \t]+(\S.*))?$")  # key: value (or key:), as written
_BRACED_ITEM = re.compile(r"^\s*- (\{.*)$")  # a list's item written starting with a brace: - {a} is ...
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")  # {a}, {a*2}: a value shown in a text
# said wherever a value written {a} is refused: by the YAML reader here, by the pack's fields (topics.fields)
BRACE_STARTS_A_MAPPING = "YAML reads a value that starts with '{' as a mapping"


def describe(error: yaml.YAMLError, text: str = "", prose: Callable[[str], bool | None] | None = None) -> str:
    """The sentence for a parser's error (its position is given apart, from problem_mark); `text`, the
    file's, lets it look at the lines where it happened; `prose`, which keys are text a student reads (True),
    maths (False) or either (None), the fix for a value starting with {a}."""
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        return (f"the invisible character U+{error.character:04X} is not allowed in YAML (text pasted from a "
                "word processor or a PDF can bring one in); delete it, or retype the text around it")
    context = str(getattr(error, "context", None) or "")
    problem = str(getattr(error, "problem", None) or error)
    opened = getattr(error, "context_mark", None)
    where = f" at line {opened.line + 1}, column {opened.column + 1}" if opened is not None else ""
    mark = getattr(error, "problem_mark", None)
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    for name, (left, right) in _FLOW.items():
        if name in context:
            closer = line[mark.column:mark.column + 1] if mark is not None else ""
            if closer in ("]", "}") and closer != right:  # {int: [2, 5}: the other bracket, where this one belongs
                return f"the '{left}'{where} is closed by '{closer}'; close it with '{right}'"
            if opened is not None and mark is not None and mark.line == opened.line and right in line[mark.column:]:
                # ["Where is it?, "Square"]: closed, but an item in quotes ended at a quote meant to open the next
                return (f"an item of the '{left}'{where} ends before this text, which is neither ',' nor '{right}': "
                        "a quote may be missing (each quoted item closes its own quote), or a comma")
            return (f"the '{left}'{where} is never closed; close it with '{right}', or put the whole value in "
                    f"quotes if the '{left}' is part of the text")
    if "quoted scalar" in context and ("escape" in problem or "hexadecimal" in problem or "hexdecimal" in problem):
        return _escape(error, text)
    if "quoted scalar" in context:
        return f"the quote{where} is never closed; add the closing quote"
    if re.search(r"\btabs?\b", problem) or "'\\t'" in problem:  # a word: "unacceptable" holds "tab" too
        return "a tab is used to indent; YAML indents with spaces only: replace the tab with spaces"
    above = next((lines[i] for i in range((mark.line if mark else 0) - 1, -1, -1) if lines[i].strip()), "")
    if "another document" in problem:
        return ("a pack is one YAML document, and a line '---' starts another; remove it (a second pack "
                "goes in a file of its own)")
    mine, theirs = _KEY_VALUE.match(line), _KEY_VALUE.match(above)
    if (("mapping values are not allowed" in problem or "block mapping" in context) and mine and theirs
            and theirs.group(3) and mine.start(2) > theirs.start(2)):  # function: under kind: x, too far in
        return (f"this line is indented further than the line above it, so YAML reads it as part of that "
                f"value; start '{mine.group(2)}' in the same column as '{theirs.group(2)}'")
    if "mapping values are not allowed" in problem:
        key = mine.group(2) if mine else "function"
        return f"a ':' followed by a space inside a value; put the whole value in quotes, like {key}: \"x: y\""
    past_brace = mark is not None and 0 <= line.find("{") < mark.column  # the text after a {...} is refused
    if past_brace and mine and (mine.group(3) or "").startswith("{"):  # title: {a} x^{p}
        return _braced(mine.group(2), mine.group(3), prose(mine.group(2)) if prose else None)
    item = _BRACED_ITEM.match(line)
    if past_brace and item:  # - {a} is the coefficient
        return (f"{BRACE_STARTS_A_MAPPING}, so the text after its '}}' is out of place; put the whole value in "
                f"quotes, like - \"{item.group(1)}\"")
    if "block collection" in context or "block mapping" in context:
        if mark is not None and (opened_quote := _open_quote(lines, mark.line, mark.column)) is not None:
            row, column = opened_quote
            return (f"the quote at line {row + 1}, column {column + 1} is not closed on its line, so YAML read on "
                    f"into line {mark.line + 1}; close it on line {row + 1}")
        return (f"this line is not indented like the lines of the entry{where}; keys of one entry start "
                "in the same column, and each new entry of a list starts with '- '")
    # *x is an anchor not defined; *x^2 is not even a name an anchor could have ("did not find expected
    # alphabetic or numeric character", at the ^)
    if "undefined alias" in problem or "alias" in context:
        return ("a value starts with '*', which YAML reads as a reference to an anchor ('&name') that "
                "is not defined; put the value in quotes, like \"*x\"")
    return problem


def _braced(key: str, value: str, prose: bool | None) -> str:
    """A value starting with {a}: quoted, {a} shows a's value in a text; in maths (function: {a} x^2) a parameter
    is written by its name, and quotes lead to a second refusal (outside checks h56, N4 and h57, R4)."""
    start = f"{BRACE_STARTS_A_MAPPING}, so the text after its '}}' is out of place; "
    quoted = f'put the whole value in quotes, like {key}: "{value}"'
    written = _PLACEHOLDER.sub(lambda placeholder: by_name(placeholder[1]), value)
    named = f"write each parameter by its name alone, like {key}: {written}"
    if prose is None:
        return f"{start}in a text, {quoted}; in maths, {named}"
    return start + (quoted if prose else f"in maths, {named}, not in braces")


def _escape(error: yaml.YAMLError, text: str) -> str:
    """A backslash in double quotes that starts no escape YAML knows: LaTeX (\\partial, \\sqrt), almost surely."""
    mark = getattr(error, "problem_mark", None)
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    at = line.rfind("\\", 0, (mark.column if mark else 0) + 1)  # libyaml marks the backslash, PyYAML what follows
    word = re.match(r"\\\w*", line[at:]).group(0) if at >= 0 else "\\"  # type: ignore[union-attr]
    return (f"'{word}' is not an escape YAML knows inside double quotes, where a backslash starts one (\\n is a line "
            f"break); for a backslash as in LaTeX, put the value in single quotes instead, or write it twice: "
            f"'\\{word}'")


def _open_quote(lines: list[str], row: int, column: int) -> tuple[int, int] | None:
    """Where a quote opened on a line above `row` and not closed on its line is, when what follows it down to the
    error reads as keys of the entry: YAML read them into the quoted value, up to the next quote (on `row`, before
    `column`). None where there is no such quote."""
    if row >= len(lines) or not any(quote in lines[row][:column] for quote in "\"'"):
        return None
    for i in range(row - 1, -1, -1):
        written = _KEY_VALUE.match(lines[i])
        value = written.group(3) if written else None
        if value and value[0] in "\"'" and not _closes(value):
            return i, written.start(3)  # type: ignore[union-attr]
        if not lines[i].strip():
            continue
        if written is None or value and value[0] in "\"'":
            return None
    return None


def _closes(value: str) -> bool:
    """Whether a value that starts with a quote closes it on its line (\\" in double quotes, '' in single quotes,
    are the quote itself)."""
    if value[0] == '"':
        return re.match(r'"(?:[^"\\]|\\.)*"', value) is not None
    return re.match(r"'(?:[^']|'')*'(?!')", value) is not None
