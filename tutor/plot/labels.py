"""Reading the function a picture is of, and the words and numbers written on pictures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sympy import Expr

from ..calculus import parse_point
from ..calculus.common import Number, SolveError, describe, exact, function_of, point_of, variables_of
from ..parse import symbol
from ..show import show, show_float


def function_with(f: str | Expr, variables: Sequence[str] | None, counts: Sequence[int],
                  picture: str) -> tuple[Expr, tuple[str, ...]]:
    """f and its variables, when the picture can show a function of that many variables."""
    f = function_of(f)
    names = variables_of(f, variables)
    if len(names) not in counts:
        wanted = " or ".join(str(c) for c in counts)
        have = f"{len(names)} ({describe(names)})" if names else "none"
        raise SolveError(f"{picture} needs a function of {wanted} variable{'s' * (counts != (1,))}, "
                         f"and this one has {have}")
    return f, names


def point_values(at: str | Mapping[str, Number] | Sequence[Number] | Number, names: Sequence[str]) -> tuple[Expr, ...]:
    """A point given as text (`x=2,y=4` or `2,4`), a mapping, values in the order of `names`, or one number."""
    if isinstance(at, str):
        at = parse_point(at, names)
    if isinstance(at, Mapping):
        return point_of(at, names)
    values = tuple(at) if isinstance(at, (tuple, list)) else (at,)
    if len(values) != len(names):
        raise SolveError(f"the point needs {len(names)} coordinate{'s' * (len(names) != 1)} ({describe(names)})")
    return tuple(exact(v) for v in values)


def signature(f: Expr, names: Sequence[str], name: str = "f") -> str:
    """f(x, y) = x² + y²"""
    return f"{name}({', '.join(names)}) = {show(f, names)}"


LONG = 12  # an exact value longer than this is written only approximately on a picture


def exact_text(value: Expr) -> str:
    """25/6 ≈ 4.16667; a value exact to four decimals stays as it is (1/2, 0.25, 20), and a long
    one is only approximate (≈ 0.164962 for 5313025/32207624)."""
    text = show(value, decimals=True)
    if value.is_Rational and 10**4 % value.q == 0:
        return text
    approximate = show_float(float(value))
    return f"≈ {approximate}" if len(text) > LONG else f"{text} ≈ {approximate}"


def equals(value: Expr) -> str:
    """' = 25/6 ≈ 4.16667' or ' ≈ 0.164962': what follows a name on a picture."""
    text = exact_text(value)
    return f" {text}" if text.startswith("≈") else f" = {text}"


def point_text(point: Sequence[Expr]) -> str:
    """(4, 4), (0.5, 0.6): coordinates as people give them, terminating fractions as decimals."""
    return show(tuple(point), decimals=True) if len(point) > 1 else show(point[0], decimals=True)


def floats_text(point: Sequence[float]) -> str:
    shown = [show_float(c) for c in point]
    return shown[0] if len(shown) == 1 else f"({', '.join(shown)})"


def fixed(f: Expr, names: Sequence[str], keep: str, point: Sequence[Expr]) -> Expr:
    """f with every variable but `keep` fixed at the point's value: the slice f(x, 4)."""
    return f.xreplace({symbol(n): p for n, p in zip(names, point) if n != keep})


def floats(point: Sequence[Expr]) -> tuple[float, ...]:
    return tuple(float(c) for c in point)
