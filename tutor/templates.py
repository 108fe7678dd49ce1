"""Parameters in an exercise's text: `{a}` in a title, a prompt, a hint or a mistake's feedback.

A placeholder is braces around a parameter (`{a}`) or around arithmetic on parameters (`{a p}`,
`{p - 1}`), written as answers are; each variant shows it as it shows its numbers (`3`, `0.05`,
`1/2`). `{{` and `}}` are literal braces. Maths fields (`function`, `answer`, a mistake's
`answer`, `expected`) use the parameters by name, without braces: they are read as maths, and
text pasted into maths would break on a negative value (`2{a}` with a = -1 is `2-1`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr

from .errors import TutorError
from .parse import InputError, Shape, not_real, read, substituted, symbol
from .show import show as show_number
from .words import by_name


class TemplateError(TutorError):
    """A text whose placeholders can't be read, or can't be shown for some parameter values."""


@dataclass(frozen=True)
class Placeholder:
    source: str  # as written between the braces
    value: Expr  # over the parameters

    @property
    def decimal(self) -> bool:
        """Written with a decimal ({a*0.1}): shown as one for every draw (0.2, never 1/5)."""
        return re.search(r"\d\.\d", self.source) is not None


@dataclass(frozen=True)
class Template:
    """A text cut into literal pieces and placeholders."""

    text: str
    parts: tuple[str | Placeholder, ...]

    def fill(self, values: Mapping[sympy.Symbol, Expr], show: Callable[[Expr], str], strict: bool = True) -> str:
        """The text with each placeholder's value for these parameters. One that has no value (a
        division by zero: `{1/(a - 1)}` with a = 1) is a TemplateError if `strict`, else left as
        written: validation reports it, and a student still reads the rest."""
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                value = substituted(part.value, values)
            except InputError as error:
                if strict:
                    raise TemplateError(f"'{{{part.source}}}': {error.message}") from None
                out.append(f"{{{part.source}}}")
                continue
            if value.free_symbols or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
                if strict:
                    raise TemplateError(f"'{{{part.source}}}' has no value")
                out.append(f"{{{part.source}}}")
                continue
            if not_real(value):  # a variant showing it can't be set (variant_check); never sympy's I
                if strict:
                    raise TemplateError(f"'{{{part.source}}}' is not a real number")
                out.append(f"{{{part.source}}}")
                continue
            out.append(show_number(value, decimals=True) if part.decimal and value.is_Rational else show(value))
        return "".join(out)

    def not_real(self, values: Mapping[sympy.Symbol, Expr]) -> str | None:
        """The first placeholder, as written, whose value for these parameters is not a real number."""
        for part in self.parts:
            if isinstance(part, Placeholder):
                try:
                    if not_real(substituted(part.value, values)):
                        return f"{{{part.source}}}"
                except InputError:  # numbers too large: fill says so
                    continue
        return None


def _split(text: str) -> list[tuple[bool, str]]:
    """(is a placeholder, its text) pieces; TemplateError for a brace left open or closed alone."""
    pieces: list[tuple[bool, str]] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "{}" and text[i:i + 2] == char * 2:
            literal.append(char)
            i += 2
        elif char == "{":
            end = text.find("}", i)
            inner = text.find("{", i + 1)
            if end < 0 or 0 <= inner < end:
                raise TemplateError(f"the '{{' at column {i + 1} is never closed; write '{{{{' for a brace "
                                    "that is part of the text")
            pieces += [(False, "".join(literal)), (True, text[i + 1:end])]
            literal = []
            i = end + 1
        elif char == "}":
            raise TemplateError(f"the '}}' at column {i + 1} closes no '{{'; write '}}}}' for a brace that is "
                                "part of the text")
        else:
            literal.append(char)
            i += 1
    pieces.append((False, "".join(literal)))
    return pieces


@functools.lru_cache(maxsize=4096)
def template(text: str, parameters: tuple[str, ...]) -> Template:
    """`text` read as a template over these parameters; TemplateError naming the placeholder that
    is not arithmetic on them."""
    parts: list[str | Placeholder] = []
    for is_placeholder, piece in _split(text):
        if not is_placeholder:
            parts.append(piece)
            continue
        what = f"'{{{piece}}}'"
        if not parameters:
            raise TemplateError(f"{what} shows a parameter, but the exercise has none; write '{{{{' and "
                                "'}}' for braces that are part of the text")
        escape = "; write '{{' and '}}' for braces that are part of the text"
        try:
            value = read(piece, Shape.EXPRESSION, parameters, infer=True).value
        except InputError as error:
            raise TemplateError(f"{what} can't be read: {error.message}{escape}") from None
        unknown = sorted(s.name for s in getattr(value, "free_symbols", ()) if s.name not in parameters)
        if unknown:
            raise TemplateError(f"{what} uses '{unknown[0]}', which is not a parameter "
                                f"({', '.join(parameters)}){escape}")
        if not isinstance(value, Expr):
            raise TemplateError(f"{what} is not a single value")
        parts.append(Placeholder(piece, value))
    return Template(text, tuple(parts))


def fill(text: str, values: Sequence[tuple[str, Expr]], show: Callable[[Expr], str], strict: bool = True) -> str:
    """`text` with its placeholders' values for these parameter values (in their order); see Template.fill."""
    if "{" not in text and "}" not in text:
        return text
    names = tuple(name for name, _ in values)
    return template(text, names).fill({symbol(n): v for n, v in values}, show, strict)


def not_real_placeholder(text: str, values: Sequence[tuple[str, Expr]]) -> str | None:
    """The first placeholder of `text` (`{sqrt(a - 2)}`) that is not a real number for these values; None
    where there is none, or the text can't be read (loading reports that)."""
    if "{" not in text:
        return None
    try:
        return template(text, tuple(name for name, _ in values)).not_real({symbol(n): v for n, v in values})
    except TemplateError:
        return None


def names_in(text: str, names: Sequence[str]) -> list[str]:
    """The names `text` holds, each a name on its own (a in `a x^2`, not in `max`)."""
    return [n for n in names if re.search(rf"(?<![A-Za-z_]){re.escape(n)}(?![A-Za-z_])", text)]


def in_braces(maths: str, parameters: Sequence[str]) -> str:
    """What to add to why maths can't be read where a parameter is in braces in it, as a text shows one
    (`answer: "{2a} x"`): that maths names a parameter alone, and the maths so written, a name alone as itself and
    anything else in brackets (`by_name`); "" where none is (outside check h26, F6: "unexpected 'x'" alone did not
    say what to do)."""
    if not any(names_in(inside, parameters) for inside in re.findall(r"\{([^{}]*)\}", maths)):
        return ""
    bracketed = re.sub(r"\{([^{}]*)\}", lambda inside: by_name(inside[1]), maths)
    return f"; in maths a parameter is written by its name alone ({{a}} shows its value in a text): {bracketed}"


def outline(text: str, parameters: Sequence[str]) -> str:
    """`text` for every variant at once, as its author would recognise it: each placeholder shown by
    the parameters' names, a single name or number as itself (`{a}` as a) and arithmetic in brackets
    (`{p - 1}` as (p - 1)), so that no braces are left but the literal ones. A name beside a letter or a
    digit is set apart by a dot: `{a}cos({a}x)` as a·cos(a·x), not acos(ax), arccos (outside check h49, N2)."""
    try:
        parts = template(text, tuple(parameters)).parts
    except TemplateError:  # validation reports it; shown as written rather than not at all
        return text
    shown, after_name = "", False
    for part in parts:
        written = part if isinstance(part, str) else by_name(part.source)
        if (after_name or not isinstance(part, str)) and _runs_on(shown, written):
            shown += "·"
        shown, after_name = shown + written, not isinstance(part, str)
    return shown


def _runs_on(before: str, after: str) -> bool:
    """Whether `after` written right after `before` would run into one word with it."""
    return bool(before and after and before[-1].isalnum() and after[0].isalnum())


def matcher(text: str, parameters: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching `text` as any variant fills it in: a placeholder stands for any value."""
    try:
        parts = template(text, tuple(parameters)).parts
    except TemplateError:
        return re.compile(re.escape(text))
    return re.compile("".join(re.escape(part) if isinstance(part, str) else "(.+?)" for part in parts), re.S)
