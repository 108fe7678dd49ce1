"""An answer written after a name for the dependent variable: NAME = … or NAME(args) = …, read as y = … (a
fitted line: ŷ = …, f(x) = …) or z = … (a tangent plane: L(x, y) = …, z(x, y) = …)."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..parse import InputError
from ..words import and_list

_IDENTIFIER = r"[^\W\d]\w*"
_RHS_LIMIT = 40  # longer right sides are not repeated in the advice, which stays one short sentence


@dataclass(frozen=True)
class DependentName:
    """The names an exercise's answer may be written after: its dependent variable (`y`), other spellings of
    it (`ŷ`, `y_hat`), any one-letter function name with arguments (`f(x)`, `L(x, y)`), and a one-letter
    name alone (`L = …`, `g = …`, as a teacher reads a line or a plane named so) unless it means something
    else in the exercise: one of its variables, a name `taken` (a fit's m and b, its cost E), Euler's e,
    in either case (`X`, `M`: the grammar's case advice stays). Arguments that are the exercise's variables
    are read as they are meant (`y(x)` is never y·x here); others get advice that works when followed."""

    dependent: str  # y for a line, z for a plane
    variables: tuple[str, ...]  # the exercise's own: (x,) or (x, y)
    what: str  # "line", "plane": how the advice names the answer
    aliases: tuple[str, ...] = ()  # other names for the dependent, written with or without arguments
    taken: tuple[str, ...] = ()  # one-letter names that mean something else here, never the answer's alone

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # Longer names first, so that `yhat` is not taken as `y` followed by something else.
        spelled = sorted({self.dependent, *self.aliases}, key=len, reverse=True)
        bare = "|".join(re.escape(name) for name in spelled)
        # A function's one-letter name; the exercise's variables are not names for it (x(x) means nothing).
        letter = "".join(re.escape(v) for v in self.variables if len(v) == 1)
        function = rf"[^\W\d_{letter}]" if letter else r"[^\W\d_]"
        # Alone, a letter could be anything: only one that names nothing else here is the answer's.
        other = {c for name in (*self.variables, *self.taken) if len(name) == 1 for c in (name.lower(), name.upper())}
        alone = "".join(c for c in string.ascii_letters if c not in other | {"e", self.dependent})
        return re.compile(rf"\s*(?:(?:{bare})(?:\s*{_arguments('args')})?|{function}\s*{_arguments('fargs')}"
                          rf"|(?P<alone>[{alone}]))\s*[=≈~](?!=)")  # ≈: the linearization L(x, y) ≈ …

    def find(self, text: str, parameters: Sequence[str] = ()) -> re.Match[str] | None:
        """Where `text` starts with such a name and its '=', None where it doesn't. `parameters`: a pack's
        names for numbers (an author's mistake may use them), never the answer's name."""
        found = self._pattern.match(text)
        if found is not None and found.group("alone") in parameters:
            return None
        return found

    def blanked(self, text: str, parameters: Sequence[str] = ()) -> str | None:
        """`text` with its name written as the dependent, padded so that every column stays where it was
        typed (`f(x) = x/2` as `y    = x/2`); None where it starts with no such name. Raises InputError
        where the name's arguments are not the exercise's variables (`g(t) = t/2`)."""
        found = self.find(text, parameters)
        if found is None:
            return None
        given = found.group("args") or found.group("fargs")
        equals = found.end() - 1
        if given is not None and tuple(a.strip() for a in given.split(",")) != self.variables:
            raise self._other_arguments(text, found, given, equals)
        return self.dependent.ljust(equals) + text[equals:]

    def _other_arguments(self, text: str, found: re.Match[str], given: str, equals: int) -> InputError:
        """'write the line in x as y = x/2 + 7/3': the right side with the arguments renamed to the
        exercise's variables where there are as many and the right side uses none of its own."""
        names = tuple(a.strip() for a in given.split(","))
        rhs = " ".join(text[equals + 1:].split())
        token = r"(?<![^\W\d]){}(?![^\W\d])"  # a name alone, also after a number (4u), not inside sqrt
        if len(names) == len(self.variables) and not any(re.search(token.format(re.escape(v)), rhs)
                                                          for v in self.variables):
            for name, variable in zip(names, self.variables):
                rhs = re.sub(token.format(re.escape(name)), variable, rhs)
        if any(re.search(token.format(re.escape(name)), rhs) for name in names if name not in self.variables):
            rhs = ""  # still in its own names (E(m, b) = the cost): repeating it would not be a line or a plane
        where = and_list(self.variables)
        column = found.start("args") if found.group("args") is not None else found.start("fargs")
        if rhs and len(rhs) <= _RHS_LIMIT:
            return InputError(f"write the {self.what} in {where} as {self.dependent} = {rhs}", column, "shape")
        return InputError(f"write the {self.what} as an equation for {self.dependent} in {where}", column, "shape")


def _arguments(group: str) -> str:
    """(x), (x, y), (m, b): names only, so that f(2) = 5 is left to the grammar."""
    return rf"\(\s*(?P<{group}>{_IDENTIFIER}(?:\s*,\s*{_IDENTIFIER})*)\s*\)"
