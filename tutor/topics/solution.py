"""What a `tutor solve` subcommand gives back, and the formatting its kinds share.

Each kind's solve function takes the command line's strings, calls the solver
in tutor.calculus (and its step builder when steps are wanted) and returns a
Solution; printing is left to tutor.cli. Errors are SolveError or InputError,
with one sentence.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import sympy
from sympy import Expr

from ..calculus.common import SolveError, describe, function_of, order_variables, parse_point, variables_of
from ..parse import MEANINGS
from ..show import in_decimal_notation, latex_text, show, show_float, written_as_decimal
from ..words import and_list

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ..steps import Step


@dataclass(frozen=True)
class Solution:
    lines: tuple[str, ...]  # the answer, in Unicode
    latex: tuple[str, ...]  # the same, in LaTeX: displayed maths
    data: dict[str, Any] = field(default_factory=dict)  # the same, for --json
    derivation: Step | None = None
    # the answer's sentences in LaTeX text with $…$ maths, a paragraph each, after its displayed maths: a
    # sentence long as a note would run off the page in a display
    latex_words: tuple[str, ...] = ()

    def noted(self, notes: Sequence[str]) -> Solution:
        """The solution with notes said first: in the text, a line each; in --json, `notes`; in LaTeX, a sentence
        each after the displayed maths."""
        if not notes:
            return self
        return replace(self, lines=(*(f"note: {note}" for note in notes), *self.lines),
                       data={**self.data, "notes": list(notes)},
                       latex_words=(*(latex_text(f"Note: {note}.") for note in notes), *self.latex_words))

    def render(self, form: str = "text") -> str:
        from ..steps import render_latex, render_text, to_json
        if form == "json":
            data = dict(self.data)
            if self.derivation is not None:
                data["steps"] = to_json(self.derivation)
            return json.dumps(data, ensure_ascii=False, indent=2)
        if form == "latex":
            body = "\n".join([rf"\[ {line} \]" for line in self.latex] + [f"\n{line}" for line in self.latex_words])
            return body + ("\n\n" + render_latex(self.derivation) if self.derivation else "")
        body = "\n".join(self.lines)
        return body + ("\n\nSteps:\n" + render_text(self.derivation) if self.derivation else "")


# ------------------------------------------------------------- arguments and words


def function_argument(parser: argparse.ArgumentParser, example: str = "3x^2 y^3", optional: bool = False) -> None:
    """The function (positional) and --vars, as most subcommands take them."""
    parser.add_argument("function", nargs="?" if optional else None, help=f'the function, like "{example}"')
    parser.add_argument("--vars", help="the variables in order, like x,y (default: x, y, z, then a-z)")


def read_function(text: str, names: Sequence[str] | None) -> tuple[Expr, tuple[str, ...]]:
    f = function_of(text)
    return f, variables_of(f, names)


def read_point(text: str, names: Sequence[str], partial: bool = False) -> dict[str, Expr]:
    """The point of --at (with `partial`, the values of --fix, some of the variables). Where it has more
    coordinates than f has variables (x=2,y=3 for y³, which has no x), the refusal says how --vars makes f a
    function of them all, as the lesson's f(x, y) = y³ is."""
    try:
        return parse_point(text, names, partial)
    except SolveError as error:
        message = error.message
        if names and not partial and (unknown := sorted(_named(text) - set(names))):
            # E=2, W=2 and e=2 were told "did you mean 'e'?", "'W' needs an argument" or "the parts are named x, y"
            # of a name typed as a variable's (outside check h61, N3)
            name = unknown[0]
            said = f"'{name}' is not a variable of f" if name in MEANINGS else f"unknown name '{name}'"
            message = f"can't read the point '{text.strip()}': {said} ({describe(names)})"
        more = _more_variables(text, names) if names else ()  # a constant f takes no point: said as it is
        if not more:
            raise SolveError(message) from None
        raise SolveError(f"{message}; to take f as a function of {and_list(list(more))}, name them all with "
                         f"--vars {','.join(more)}") from None


def _named(text: str) -> set[str]:
    """The names a point gives values to (x=2, y=3), only to word its refusal: the point is read by
    parse_point's grammar."""
    return set(re.findall(r"([A-Za-z_]\w*)\s*=", text))


def _more_variables(text: str, names: Sequence[str]) -> tuple[str, ...]:
    """The variables a point gives values for, where it names some f lacks (x=2,y=3 for y³: x and y) or gives
    more values than f has variables (2,3 for y³: f's and the lesson's first that f lacks, x and y)."""
    if named := _named(text):  # a constant's name (e=3) is no variable to add (outside check h61, N1)
        extra = named - set(names) - MEANINGS
        return order_variables({*names, *extra}) if extra else ()
    wanted = len(text.split(",")) - len(names)
    missing = [v for v in ("x", "y", "z") if v not in names][:max(wanted, 0)]
    return order_variables({*names, *missing}) if wanted > 0 and len(missing) == wanted else ()


def header(f: Expr, variables: Sequence[str], latex: bool = False, name: str = "f") -> str:
    return f"{name}({', '.join(variables)}) = {show(f, variables, latex=latex)}"


_PLACES: ContextVar[int | None] = ContextVar("places", default=None)


@contextmanager
def places_asked(places: int | None) -> Iterator[None]:
    """Within it, `approx` rounds to the decimal places an exercise asks for (2.730 for "to 3 decimal places")."""
    token = _PLACES.set(places)
    try:
        yield
    finally:
        _PLACES.reset(token)


def approx(value: Expr) -> str:
    """' ≈ 4.16667' for a value that is not exact to four decimals already (1/2 and 0.25 need none); where an
    exercise asks for decimal places (`places_asked`), to those places: ' ≈ 4.167' for 3."""
    places = _PLACES.get()
    if value.is_Float or value.has(sympy.CRootOf):
        return ""  # already shown by its decimals (1.1309…, a numerical -3.24411)
    if value.is_Rational and 10**(4 if places is None else places) % value.q == 0:
        return ""  # exact to the places shown
    if value.is_Rational and in_decimal_notation() and written_as_decimal(value):
        return ""  # written in full as a decimal (-0.03125, -2.5e-15), for input typed in decimals
    if places is not None:
        rounded = Decimal(str(sympy.N(value, 30))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        return f" ≈ {rounded}"
    decimal = float(sympy.N(value, 30))
    # e^(e^(e¹⁰)) is finite, past any float: "≈ inf" said it was not; its exact form stands alone
    return f" ≈ {show_float(decimal)}" if math.isfinite(decimal) else ""


def approx_point(point: Sequence[Expr]) -> str:
    """' ≈ (0.0190266, 0.000139333)' for a point with a coordinate that `approx` gives in decimals (each to
    the places asked, where they are)."""
    shown = [approx(c) for c in point]
    if not any(shown):
        return ""
    return " ≈ (" + ", ".join(text.removeprefix(" ≈ ") or show(c, decimals=True) for text, c in zip(shown, point)) + ")"


def off_corners(insides: Sequence[Expr], names: Sequence[str], latex: bool = False) -> str:
    """', where x ≠ 0' after a derivative that need not hold where those `insides` are 0 (calculus.partials.corners:
    y sign(x) for y|x|, whose sign(0) = 0 the answer line gave as a slope where f has a corner: outside check
    h61, F4); '' for the rest."""
    if not insides:
        return ""
    if latex:
        return r"\quad (" + r",\ ".join(rf"{show(u, names, latex=True)} \neq 0" for u in insides) + ")"
    return ", where " + and_list([f"{show(u, names)} ≠ 0" for u in insides])


def args(point: Sequence[Expr], latex: bool = False, decimals: bool = False, fractions: bool = False) -> str:
    return "(" + ", ".join(show(p, latex=latex, decimals=decimals, fractions=fractions) for p in point) + ")"


def exact_data(value: Expr, decimals: bool = False, fractions: bool = False) -> dict[str, Any]:
    """A value as text, LaTeX and a float; a root with no form in radicals also as the polynomial it is a root of
    and which of its real roots, smallest first (`root_of`), which a program can use where "-1.30083…" is only
    to be read (outside check h51, N5)."""
    data: dict[str, Any] = {"exact": show(value, decimals=decimals, fractions=fractions),
                            "latex": show(value, latex=True, decimals=decimals, fractions=fractions),
                            "approx": float(sympy.N(value, 30))}
    if isinstance(value, sympy.CRootOf) and value.is_real:
        data["root_of"] = {"polynomial": show(value.poly.as_expr()), "which": int(value.index) + 1,
                           "real_roots": int(value.poly.count_roots())}
    return data


def columns(table: list[list[str]], right: int = -1) -> list[str]:
    """Rows of cells in aligned columns; column `right` is right-aligned."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return ["  ".join(cell.rjust(w) if i == right else cell.ljust(w) for i, (cell, w) in
                      enumerate(zip(row, widths))).rstrip() for row in table]
