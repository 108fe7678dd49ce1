"""Words for people that several modules write the same way, and the enums whose values are words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

# the Greek letters a keyboard spells out (alpha for α), π aside: it is a constant, not a name
GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω",
}


class TextEnum(StrEnum):
    """An enum whose members are their text wherever a person or a file sees them: in str(), JSON,
    CSV, and repr (a Verdict prints as `verdict='correct'`, as it did when that was a plain string)."""

    def __repr__(self) -> str:
        return repr(self.value)


_PLAIN = re.compile(r"[A-Za-z_]\w*|\d+(\.\d+)?")


def by_name(placeholder: str) -> str:
    """A text's placeholder (what `{a}`, `{p - 1}` holds) as maths writes it, in a message to a pack's author: a name
    or a number alone, anything else in brackets, (p - 1)."""
    inside = placeholder.strip()
    return inside if _PLAIN.fullmatch(inside) else f"({inside})"


def and_list(items: Sequence[str], conjunction: str = "and") -> str:
    """'x', 'x and y', 'x, y and z' (or 'x, y or z'): items as a sentence lists them."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def first_of(items: Sequence[str], most: int = 3) -> str:
    """'a, b, c' or, past `most` items (and one more, which is named rather than counted), 'a, b, c and
    2 more': a list in a sentence that is complete or says how much it leaves out."""
    if len(items) <= most + 1:
        return ", ".join(items)
    return ", ".join(items[:most]) + f" and {len(items) - most} more"


def counted(n: int | Fraction, noun: str, shown: str = "") -> str:
    """'1 exercise', '3 exercises', '2.5 points': a count with its noun (one whose plural adds an s); `shown`,
    the count as written, where it is not an integer (3/2 points)."""
    return f"{shown or n} {noun}{'' if n == 1 else 's'}"


def column_key(name: str) -> str:
    """A column's name as compared: `SIS Login ID`, `sis_login_id` and `Sis-Login-Id` are one. An exercise's id
    too, which names its gradebook columns."""
    return re.sub(r"[\s_-]+", " ", name.strip().casefold())


def capitalized(text: str) -> str:
    """text with its first letter capitalised, unless it starts with a name or a formula (b is
    missing, x² = 1 has two solutions): those keep their case. 'a' is read as the article."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if (len(first) > 1 and first.isalpha()) or first == "a" else text


def printable(text: str) -> str:
    """Untrusted text with each character Python can't print escaped as in a string literal (\\x1b, \\u202e),
    so that it can't rewrite a terminal and a file's reader sees what it holds: for messages and files. Spaces
    (no-break, ideographic) and the zero-width joiners stay as they are: names are written with them (Persian
    and Hindi names with the joiners, Japanese ones with an ideographic space)."""
    if text.isprintable():  # nearly always: no need to look at each character
        return text
    return "".join(c if c.isprintable() or _spells_names(c) else repr(c)[1:-1] for c in text)


def _spells_names(character: str) -> bool:
    return character in "\u200c\u200d" or unicodedata.category(character) == "Zs"


def visible(text: str) -> str:
    """Typed text as it may be echoed to a terminal above a caret: each control or format character (an escape
    sequence pasted from a web page, a right-to-left override) as one visible symbol (␛, ␁, �) instead of raw, so
    that it can't act on the terminal and a caret under a column still points at it (`printable` would make
    one character four). Tabs as spaces."""
    return "".join(_shown(c) if invisible(c) else c for c in text)


def invisible(character: str) -> bool:
    """Whether a character shows nothing of its own: a control or format character, a line or paragraph
    separator, a byte that was not text (surrogateescape's), or a letter, mark or symbol drawn blank (the
    Hangul fillers, the combining grapheme joiner, the blank Braille pattern, the variation selectors)."""
    return unicodedata.category(character) in _INVISIBLE or character in _BLANK \
        or 0xFE00 <= ord(character) <= 0xFE0F or 0xE0100 <= ord(character) <= 0xE01EF


_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_BLANK = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0")


def _shown(character: str) -> str:
    if character == "\t":
        return " "
    if character in "\x85\u2028\u2029":  # the other line breaks: a break shown, not a character unknown (h25)
        return "\u2424"
    return _picture(character) or "\ufffd"


def _picture(character: str) -> str:
    """The Unicode control picture of an ASCII control (␀ … ␟, ␡), else ''."""
    code = ord(character)
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else ""


# what a terminal acts on rather than shows: the controls (ESC clears the screen or retitles the window, BEL
# rings) but the line break and the tab, and the marks that show text in another order than it is read in
_UNSEEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unseen(text: str, where: str) -> str | None:
    """Why text that holds such a character can't be used `where` ("a pack", "a name"), naming the first one; None
    for text without: refused where it is read, as a student's terminal would act on it wherever it is shown."""
    found = _UNSEEN.search(text)
    if not found:
        return None
    why = "a terminal acts on it rather than showing it" if unicodedata.category(found[0]) == "Cc" \
        else "it shows text in another order than the order it is read in"
    return f"the invisible character {character_name(found[0])} can't be used in {where}: {why}; delete it"


def character_name(character: str) -> str:
    """A character a reader can't see, named so that it can be looked for: its code point and Unicode name
    (U+202E RIGHT-TO-LEFT OVERRIDE); an ASCII control, which has no name, by its picture's (U+0007 BELL)."""
    code = ord(character)
    picture = _picture(character)
    name = unicodedata.name(picture).removeprefix("SYMBOL FOR ") if picture else unicodedata.name(character, "")
    return f"U+{code:04X} {name}".rstrip()


_Named = TypeVar("_Named")

SLIP_LENGTH = 5  # shorter names (min, max, none) are too close to other words to guess at
# words of their own one slip from a name, never read as it: a minimax point is a saddle's other name, not a
# minimum's (outside check h21: it was graded "minimum"); a maxim and a minim are no extrema
_WORDS_OF_THEIR_OWN = frozenset({"minimax", "maximin", "maxim", "minim"})


def slipped(typed: str, names: Mapping[str, _Named]) -> _Named | None:
    """What `typed` names with one letter wrong, missing, extra, or two neighbours swapped (saddel,
    oscilates), among names of SLIP_LENGTH letters or more; None where no name is that close, or where
    names of two different things are, which a guess could get wrong."""
    if typed.casefold() in _WORDS_OF_THEIR_OWN:
        return None
    near = {named for name, named in names.items() if len(name) >= SLIP_LENGTH and _one_slip(typed, name)}
    return near.pop() if len(near) == 1 else None


def _one_slip(typed: str, name: str) -> bool:
    if len(typed) == len(name):
        wrong = [i for i, (a, b) in enumerate(zip(typed, name)) if a != b]
        return len(wrong) == 1 or (len(wrong) == 2 and wrong[1] == wrong[0] + 1
                                   and typed[wrong[0]] == name[wrong[1]] and typed[wrong[1]] == name[wrong[0]])
    shorter, longer = sorted((typed, name), key=len)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
