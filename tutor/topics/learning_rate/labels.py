"""What a student types for the behaviour of each learning rate: one word per rate, in the order of
the rates (`diverges, too slow, converges, oscillates`), or each rate named (`0.9: oscillates`, `α = 0.9:
oscillates`).

Read here, never evaluated: the words come from a fixed list, the rates are read by tutor.parse as
numbers. "Too large" is refused with a sentence: the lesson's too-large rate may oscillate or
diverge, and which one is the point of the exercise. A word with one slip (oscilates) is read as the
word it is one slip from, as a label is (tutor.words.slipped), and the verdict says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sympy import Expr

from ...calculus import Behaviour
from ...limits import LIMITS, Limits
from ...parse import Answer, InputError, Reading, Shape, read, refuse_unseen, without_name
from ...words import and_list, slipped

WORDS: dict[str, Behaviour] = {
    **dict.fromkeys(("converges", "converge", "converging", "convergent", "just right"), Behaviour.CONVERGES),
    **dict.fromkeys(("oscillates", "oscillate", "oscillating", "zigzags", "zig-zags", "zigzag", "bounces"),
                    Behaviour.OSCILLATES),
    **dict.fromkeys(("diverges", "diverge", "diverging", "divergent", "blows up"), Behaviour.DIVERGES),
    **dict.fromkeys(("too slow", "slow", "too small", "crawls"), Behaviour.TOO_SLOW),
}
AMBIGUOUS = ("too large", "too big", "too high", "overshoots")
# A rate may be written after its name as the question writes it (α = 0.9), or spelled out; no other
# name: an exercise's function may have a parameter a, which is not the rate.
RATE_NAME = "α"
_NAMED = re.compile(r"^\s*([0-9][0-9.eE+\-/]*)\s*(?::|→|->|=|\s)\s*(.*)$")
_OTHER_NAME = re.compile(r"^\s*([^\W\d]\w*)\s*=\s*(?=[0-9])")  # a = 0.9: oscillates


def canonical(behaviours: Sequence[Behaviour]) -> str:
    """The answer as text: 'diverges, too slow, converges, oscillates'."""
    return ", ".join(b.value for b in behaviours)


def behaviours_of(text: str) -> tuple[Behaviour, ...]:
    """The behaviours of a canonical answer, in the order of the rates."""
    return tuple(Behaviour(word) for word in text.split(", "))


def read_labels(text: str, rates: Sequence[Expr], shown: Sequence[str], limits: Limits = LIMITS) -> Answer:
    """A student's words for the rates, as the canonical text, with how each word with a slip was read;
    InputError with a sentence otherwise."""
    if len(text) > limits.max_length:
        raise InputError(f"the answer is too long (the limit is {limits.max_length} characters)",
                         limits.max_length, "too_large")
    refuse_unseen(text.replace("\n", " "))  # a line break parts the words, as a comma does
    pieces = [(match.start(), match.group()) for match in re.finditer(r"[^,;\n]+", text) if match.group().strip()]
    if not pieces:
        raise InputError("the answer is empty", 0, "empty")
    named: dict[int, Behaviour] = {}
    plain: list[Behaviour] = []
    slips: list[Reading] = []
    for column, piece in pieces:
        match = _NAMED.match(without_name(piece, (RATE_NAME,)))
        if match:
            index = _rate_index(match.group(1), rates, shown, column)
            if index in named:
                raise InputError(f"the rate α = {shown[index]} is given twice", column, "duplicate")
            named[index] = _word(match.group(2), column + match.start(2), slips)
        elif (other := _OTHER_NAME.match(piece)) is not None:
            rest = piece[other.end():].strip()
            raise InputError(f"the rates are called α, not {other.group(1)}: write α = {rest}, or just {rest}",
                             column + other.start(1), "unknown_name")
        else:
            plain.append(_word(piece, column + len(piece) - len(piece.lstrip()), slips))  # at the word, not a space
    if named and plain:
        raise InputError("name the rate for every word, like 0.5: converges, or for none", 0, "mixed")
    if named:
        missing = [shown[i] for i in range(len(rates)) if i not in named]
        if missing:
            raise InputError(f"say what α = {and_list(missing)} {'does' if len(missing) == 1 else 'do'} too",
                             len(text), "missing")
        return Answer(Shape.LABEL, canonical([named[i] for i in range(len(rates))]), tuple(slips))
    if len(plain) != len(rates):
        raise InputError(f"give one word for each of the {len(rates)} rates, in their order "
                         f"({', '.join(shown)}), not {len(plain)}", 0, "count")
    return Answer(Shape.LABEL, canonical(plain), tuple(slips))


def _word(piece: str, column: int, slips: list[Reading]) -> Behaviour:
    """The behaviour a word names; one read from a word with a slip is said in `slips`."""
    words = " ".join(re.sub(r"[.!]", " ", piece.lower()).split())
    words = re.sub(r"^(it |α )", "", words)
    if words in WORDS:
        return WORDS[words]
    if words in AMBIGUOUS:
        raise InputError(f"'{piece.strip()}' can mean that it oscillates or that it diverges: say which", column,
                         "ambiguous_label")
    if (near := slipped(words, WORDS)) is not None:
        slips.append(Reading(f"'{piece.strip()}' was read as {near}"))
        return near
    together = _run_together(words)
    if together:
        raise InputError(f"separate the words with commas: {canonical(together)}", column, "syntax")
    raise InputError(f"'{piece.strip()}' is not one of: converges, oscillates, diverges, too slow", column,
                     "unknown_label")


def _run_together(words: str) -> list[Behaviour]:
    """The behaviours of several words typed with no comma between them ("diverges oscillates converges too
    slow"), where every word is one; else []."""
    found: list[Behaviour] = []
    rest = words.split()
    while rest:
        size = next((n for n in (2, 1) if " ".join(rest[:n]) in WORDS), None)
        if size is None:
            return []
        found.append(WORDS[" ".join(rest[:size])])
        rest = rest[size:]
    return found if len(found) > 1 else []


def _rate_index(text: str, rates: Sequence[Expr], shown: Sequence[str], column: int) -> int:
    try:
        value = read(text, Shape.NUMBER, ()).value
    except InputError:
        raise InputError(f"'{text}' is not a number", column, "syntax") from None
    for i, rate in enumerate(rates):
        if value == rate:
            return i
    raise InputError(f"{text} is not one of the rates ({', '.join(shown)})", column, "unknown_rate")
