"""A reason given with a kind of point: `inconclusive (D = 0)`, `minimum, since D > 0 and f_xx > 0`.

Students write the second-derivative test's figures beside the label, as a teacher asks them to (both corpora
written blind have `Inconclusive (D = 0)` as a right answer). The label is read and graded as ever; each figure
is compared with the point's own, and a right label for a reason that does not hold is not right, as a wrong
link of working is not (tutor.compare.wrong_link). The figures: D (the Hessian's determinant) and the second
partials f_xx, f_yy, f_xy ..., each compared with a number by =, ≠, <, >, ≤ or ≥; in one variable f″.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy
from sympy import Expr

from ...parse import InputError, normalize

# ≈ as =, a decimal typed held to its places either way (D ≈ 18.2 for 4096/225; outside check h65, F13), and a whole
# number to none (D ≈ 18: outside check h66, F8)
_RELATIONS = {"=": "=", "==": "=", "≈": "≈", "≠": "≠", "!=": "≠", "<": "<", ">": ">", "≤": "≤", "<=": "≤", "≥": "≥",
              ">=": "≥"}
_RELATION = "|".join(sorted(map(re.escape, _RELATIONS), key=len, reverse=True))
_NUMBER = r"[+-]?\s*(?:\d+\s*/\s*\d+|\d+(?:\.\d*)?|\.\d+)"
# where a reason begins after the label: in brackets, after a comma, semicolon or colon, or after a word saying why
_WORDS = r"(?:since|because|as|with|where|here|so)"
_SPLIT = re.compile(rf"(?P<label>[A-Za-z][A-Za-z \-]*?)\s*(?:\((?P<inner>(?:[^()]|\([^()]*\))*)\)|[,;:](?P<after>.*)"
                    rf"|\s(?=\s*{_WORDS}\b)(?P<worded>.*))\s*\.?\s*", re.IGNORECASE)
_LEAD = re.compile(rf"\s*(?:{_WORDS}\b|and\b)\s*", re.IGNORECASE)
_CLAIM = re.compile(rf"(?P<name>[^=<>≠≤≥!()]+?)\s*(?:\((?P<at>[^()]*)\))?\s*"
                    rf"(?P<chain>(?:(?:{_RELATION})\s*{_NUMBER}\s*)+)")
_LONGEST = 200  # a label and its reason: longer text is read as an answer only (and refused for its length)
_LINK = re.compile(rf"({_RELATION})\s*({_NUMBER})")


@dataclass(frozen=True)
class Claim:
    """One figure said to stand in relations to numbers: `D = 12 > 0` says D = 12 and D > 0."""

    text: str  # as typed, spaced as the tutor writes it
    figure: str  # its name as the tutor writes it: D, f_xx, f″
    relations: tuple[tuple[str, sympy.Rational, int], ...]  # (=, 12, the places a decimal was typed to; -1: exact)

    def holds(self, value: Expr) -> bool:
        return all(_holds(value, relation, number, places) for relation, number, places in self.relations)


@dataclass(frozen=True)
class Reasoned:
    """An answer read as a label and the claims given for it."""

    label: str  # the label's text, the reason cut off
    claims: tuple[Claim, ...]


def figures(name: str, variables: Sequence[str], hessian: Sequence[Sequence[Expr]], D: Expr) -> dict[str, Expr]:
    """Each way a figure of the test may be typed, with its value at the point: f_xx, fxx and f_{xx} for
    the second partial in x twice (with the function's own name, T_xx, or f's); D in two or more variables,
    f'' (f″) in one."""
    names = dict.fromkeys((name, "f"))
    if len(variables) == 1:
        return {f"{f}{primes}": D for f in names for primes in ("''", "″", "′′")}
    typed: dict[str, Expr] = {"D": D}
    for i, first in enumerate(variables):
        for j, second in enumerate(variables):
            for f in names:
                for spelling in (f"{f}_{first}{second}", f"{f}{first}{second}", f"{f}_{{{first}{second}}}"):
                    typed[spelling] = hessian[i][j]
    return typed


def reasoned(text: str, known: Mapping[str, Expr], point: Sequence[Expr]) -> Reasoned | None:
    """`text` as a label with a reason, where it is one; None where no reason follows a label. Raises InputError,
    with the column, where a reason is given that is not claims about the test's figures in `known` (at `point`,
    where a figure is written with one: D(0, 0))."""
    clean = normalize(text)
    if len(clean) > _LONGEST or not re.search(_RELATION, clean):  # "minimum (local)", "min, max": no figure
        return None
    split = _SPLIT.fullmatch(clean)
    if split is None:
        return None
    part = next(name for name in ("inner", "after", "worded") if split.group(name) is not None)
    start, reason = split.start(part), split.group(part)
    claims = []
    for piece, at in _pieces(reason, start):
        lead = _LEAD.match(piece)
        said = piece[lead.end() if lead else 0:].strip()
        claim = _CLAIM.fullmatch(said)
        if claim is None or claim.group("name") not in known:
            raise InputError(f"The reason '{said}' could not be read: give the kind of point alone, or with the "
                             f"test's figures, like ({_example(known)})", at + piece.index(said), "reason")
        if claim.group("at") is not None and not _same_point(claim.group("at"), point):
            raise InputError(f"The reason '{said}' is about another point than the one asked", at + piece.index(said),
                             "reason")
        links = [(_RELATIONS[sign], number.replace(" ", "")) for sign, number in _LINK.findall(claim.group("chain"))]
        figure = claim.group("name") + (f"({claim.group('at').strip()})" if claim.group("at") is not None else "")
        claims.append(Claim(figure + "".join(f" {sign} {number}" for sign, number in links), claim.group("name"),
                            tuple((sign, *_number(number, sign == "≈")) for sign, number in links)))
    return Reasoned(split.group("label"), tuple(claims))


def _pieces(reason: str, start: int) -> list[tuple[str, int]]:
    """The claims of a reason, apart at commas, semicolons and 'and' outside brackets (D(0, 0) = 0), each with its
    column in the text."""
    pieces, at = [], 0
    for cut in re.finditer(r"[,;]|\band\b|&", reason):
        if reason.count("(", at, cut.start()) > reason.count(")", at, cut.start()):
            continue
        pieces.append((reason[at:cut.start()], start + at))
        at = cut.end()
    pieces.append((reason[at:], start + at))
    return [(piece, column) for piece, column in pieces if piece.strip() and not _LEAD.fullmatch(piece)]


def _same_point(typed: str, point: Sequence[Expr]) -> bool:
    coordinates = [c.replace(" ", "") for c in typed.split(",")]
    if len(coordinates) != len(point) or not all(re.fullmatch(_NUMBER, c) for c in coordinates):
        return False
    return all(_number(c)[0] == p for c, p in zip(coordinates, point))


def _example(known: Mapping[str, Expr]) -> str:
    return "D = 0" if "D" in known else f"{next(iter(known))} > 0"


def _number(typed: str, rounded: bool = False) -> tuple[sympy.Rational, int]:
    """A number as typed (no spaces), exactly, and the places a decimal shows (-1 for a whole number or a
    fraction, but 0 for a whole number said to be `rounded`: ≈ 18)."""
    places = len(typed.partition(".")[2]) if "." in typed else 0 if rounded and "/" not in typed else -1
    return sympy.Rational(Fraction(typed)), places


def _holds(value: Expr, relation: str, number: sympy.Rational, places: int) -> bool:
    """Whether the figure stands so to the number; a decimal said equal to it is right to the places it shows
    (D = 29.56 for 4e² + 0.01: rounded, as a decimal answer may be)."""
    difference = value - number
    if relation in ("=", "≈", "≠") and places >= 0:
        equal = bool(abs(difference.evalf(30)) <= sympy.Rational(1, 2 * 10**places))
        return equal == (relation != "≠")
    sign = 0 if difference.equals(0) else 1 if difference.evalf(30) > 0 else -1
    return {"=": sign == 0, "≈": sign == 0, "≠": sign != 0, "<": sign < 0, ">": sign > 0, "≤": sign <= 0,
            "≥": sign >= 0}[relation]
