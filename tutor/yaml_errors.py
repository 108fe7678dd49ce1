"""A YAML parser's error in the words of the rest of the tutor: what is wrong, and the likely fix.

PyYAML reports what its grammar expected ("did not find expected ',' or ']'"), in the
words of libyaml or of its pure-Python parser. Both say what they were reading when it
happened (the context: a flow sequence opened at some line and column, a quoted
scalar, a block collection), so the message is chosen from the context first and the
problem second, and is the same with either parser.
"""

from __future__ import annotations

import re

import yaml

_FLOW = {"flow sequence": ("[", "]"), "flow mapping": ("{", "}")}


def describe(error: yaml.YAMLError) -> str:
    """The sentence for a parser's error (its position is given apart, from problem_mark)."""
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        return (f"the invisible character U+{error.character:04X} is not allowed in YAML (text pasted from a "
                "word processor or a PDF can bring one in); delete it, or retype the text around it")
    context = str(getattr(error, "context", None) or "")
    problem = str(getattr(error, "problem", None) or error)
    opened = getattr(error, "context_mark", None)
    where = f" at line {opened.line + 1}, column {opened.column + 1}" if opened is not None else ""
    for name, (left, right) in _FLOW.items():
        if name in context:
            return (f"the '{left}'{where} is never closed; close it with '{right}', or put the whole value in "
                    f"quotes if the '{left}' is part of the text")
    if "quoted scalar" in context:
        return f"the quote{where} is never closed; add the closing quote"
    if re.search(r"\btabs?\b", problem) or "'\\t'" in problem:  # a word: "unacceptable" holds "tab" too
        return "a tab is used to indent; YAML indents with spaces only: replace the tab with spaces"
    if "mapping values are not allowed" in problem:
        return ("a ':' followed by a space inside a value; put the whole value in quotes, "
                "like function: \"x: y\"")
    if "block collection" in context or "block mapping" in context:
        return (f"this line is not indented like the lines of the entry{where}; keys of one entry start "
                "in the same column, and each new entry of a list starts with '- '")
    if "undefined alias" in problem:
        return ("a value starts with '*', which YAML reads as a reference to an anchor ('&name') that "
                "is not defined; put the value in quotes, like \"*x\"")
    return problem
