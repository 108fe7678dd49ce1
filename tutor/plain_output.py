"""Text for an output that can't take Unicode (PYTHONIOENCODING=ascii, an old console's code page, a cron job's
locale): the maths written as a student types it, x^2 and df/dx, never a crash (outside check h23: `tutor check`
exited as a bug on the ³ of a reading) and never a '?' where a power was (x? for x²).

Where stdout's or stderr's encoding is not a UTF, `fitted` puts a `PlainText` in front of it: superscripts as
powers (x² as x^2, e⁻²ˣ as e^(-2x)), subscripts after '_', each sign as the grammar reads it typed (· as *, − as -,
∂ as d, ∇ as grad), Greek letters by their names, the marks and bars in ASCII; anything else it can't encode is a
'?'. Standard input is read as UTF-8 whatever the locale says, as the answers' files are: a ³ typed at a UTF-8
terminal under an ASCII locale is ³, not "the byte 0xC2". No sympy here: `tutor progress` loads none.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from typing import TextIO

from .words import GREEK

_RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_LOWERED = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₔₕₖₗₘₙₚₛₜ"
_POWER = re.compile(f"[{_RAISED}]+")
_INDEX = re.compile(f"[{_LOWERED}]+")
_BAR = re.compile("[█·]{3,}")
_SIGNS = {
    "·": "*", "⋅": "*", "×": "*", "∙": "*", "−": "-", "–": "-", "—": "-", "÷": "/", "∂": "d", "∇": "grad ",
    "√": "sqrt", "∛": "cbrt", "≈": "~", "≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "↦": "->", "←": "<-",
    "±": "+/-", "∓": "-/+", "∞": "inf", "…": "...", "′": "'", "″": "''", "‴": "'''", "✓": "OK", "✗": "X",
    "█": "#", "░": ".", "⟨": "<", "⟩": ">", "∈": " in ", "∅": "{}", "∑": "sum", "Σ": "Sum", "Ω": "Omega",
    "Δ": "Delta", "∫": "integral", "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u202f": " ",
    "π": "pi", "½": "1/2", "⅓": "1/3", "¼": "1/4", "¾": "3/4",
    **{letter: name for name, letter in GREEK.items()},
}


def plain(text: str) -> str:
    """`text` in ASCII where the maths has an ASCII form; other characters as they are."""
    if text.isascii():
        return text
    text = _POWER.sub(lambda run: _raised(unicodedata.normalize("NFKC", run[0]).replace("\u2212", "-")), text)
    text = _INDEX.sub(lambda run: "_" + unicodedata.normalize("NFKC", run[0]), text)
    text = _BAR.sub(lambda bar: bar[0].replace("█", "#").replace("·", "."), text)  # a mastery bar's dots: not products
    return "".join(_SIGNS.get(c, c) for c in text)


def _raised(exponent: str) -> str:
    return f"^{exponent}" if len(exponent) == 1 or exponent.isdigit() else f"^({exponent})"


class PlainText(io.TextIOBase):
    """A text stream written through `plain`. It has no `buffer`, so prompt_toolkit writes it text, not bytes of
    its own encoding (with '?' for what the encoding lacks)."""

    def __init__(self, stream: TextIO):
        super().__init__()
        self.stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    def write(self, text: str) -> int:
        self.stream.write(plain(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()


def writing_plain() -> bool:
    """Whether standard output is written through `plain`: then JSON escapes its non-ASCII characters (\\u00b3),
    so that the data stays exact rather than rewritten as x^3, and a caret is placed under the text as written."""
    return isinstance(sys.stdout, PlainText)


def as_typed(argument: str) -> str:
    """A command-line argument that a locale not UTF-8 decoded byte by byte (surrogateescape: ³ as two escapes) read
    as the UTF-8 a terminal sends; as it is where its bytes are not UTF-8 (a Latin-1 terminal's)."""
    try:
        return argument.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return argument


def _utf(stream: object) -> bool:
    return (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "").startswith("utf")


def fitted() -> None:
    """Standard input read as UTF-8; standard output and error written through `plain` where their encoding is
    not a UTF (what `plain` leaves that the encoding lacks written as '?')."""
    if isinstance(sys.stdin, io.TextIOWrapper) and not _utf(sys.stdin):
        sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, io.TextIOWrapper) and not _utf(stream):
            stream.reconfigure(errors="replace")
            setattr(sys, name, PlainText(stream))
