"""Misconceptions about putting a point in: the coordinates swapped, f's value for its
derivative's, the point left out or written for the answer, a negative coordinate's minus sign
lost, and the arithmetic of powers of a negative number or of a coefficient. Every kind that
evaluates at a point (a derivative, a gradient, a tangent plane's value and slopes) names them."""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Expr

from ..parse import symbol
from ..show import show
from .base import Misconception, Said, at_point, register

MISCONCEPTIONS = register(
    Misconception(
        "evaluated-at-swapped-point", "put in the point's coordinates the wrong way round",
        "It looks like you evaluated at {swapped} instead of {point}: here {assignment}."),
    Misconception(
        "gave-function-value", "gave the function's value instead of the derivative's",
        "It looks like you gave the value of {f} itself at {point}. Differentiate first, then put in the "
        "point."),
    Misconception(
        "not-evaluated", "gave the derivative without putting in the point",
        "It looks like you gave {what} without putting in {point}. The answer is its value there, a "
        "{value}."),
    Misconception(
        "negative-base-power", "took a negative number to an even power as negative",
        "It looks like you took {power} at {assignment} as {wrong}. A negative number to an even power is "
        "positive: {power_at} = {right}."),
    Misconception(
        "negative-base-odd-power", "took a negative number to an odd power as positive",
        "It looks like you took {power} at {assignment} as {wrong}. A negative number to an odd power is "
        "negative: {power_at} = {right}."),
    Misconception(
        "negative-coordinate-sign", "put a negative coordinate in without its sign",
        "It looks like you put in {wrong_assignment} for {assignment}, losing the minus sign. At {assignment}, "
        "{expr} is {right}, not {wrong}."),
    Misconception(
        "coefficient-inside-power", "put the coefficient inside the power when evaluating",
        "It looks like you evaluated {term} at {assignment} as {wrong}, with the coefficient inside the "
        "power. The power applies to {name} alone: {term} = {right} there."),
    Misconception(
        "square-as-double", "took a square as twice the number",
        "It looks like you took the squares at {assignment} as doubles: {power} as {wrong}. A square is the "
        "number times itself: {power_at} = {right}."),
    Misconception(
        "constant-term-dropped", "left out the constant term when putting the point in",
        "It looks like you left out the constant term {constant}. At {point} every term with {names} is 0, but "
        "the constant stays: {f}{args} = {right}."),
    Misconception(
        "gave-the-point", "wrote the point itself for the vector asked for there",
        "It looks like you wrote the point {point} itself. {asked} is {what} there: ({partials})."),
    Misconception(
        "point-put-in-first", "put the point into f before differentiating",
        "It looks like you put the point into {f} first: {f}{point} = {value} is a number, and a number's "
        "derivatives are 0. Differentiate first, then put the point in: {asked} = ({partials}) at {point}."),
    Misconception(
        "gave-slope-for-value", "gave a derivative's value instead of the function's",
        "It looks like you gave {what} at {point}, not the value of {f} there. Put the point into {f} "
        "itself: {f}{args} = {right}."),
)

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def point_words(variables: Sequence[str], point: Sequence[Expr], decimals: bool = False) -> dict[str, str]:
    """The fields of `evaluated-at-swapped-point`: (3, 2), (2, 3) and x = 2 and y = 3 (decimals: as the
    exercise gives its numbers, (0.6, 0.5) rather than (3/5, 1/2))."""
    return {"swapped": show(tuple(reversed(point)), decimals=decimals), "point": show(tuple(point), decimals=decimals),
            "assignment": " and ".join(f"{n} = {show(p, decimals=decimals)}" for n, p in zip(variables, point))}


def evaluation_slips(expr: Expr, variables: Sequence[str], point: Sequence[Expr]) -> list[tuple[Said, Expr]]:
    """expr at the point, with one slip in the arithmetic of putting it in: (−3)² taken as −9 at
    every even power of a negative coordinate, (−3)³ as 27 at every odd one, or the coefficient put
    inside a power (3x² as (3x)²) in one term. Only those that change the value."""
    values = dict(zip((symbol(v) for v in variables), point))
    right = at_point(expr, variables, point)
    if right is None:
        return []
    found: list[tuple[Said, Expr]] = []
    negative = {s for s, p in values.items() if p.is_negative}
    # in sympy's order, not the set's: the power named must not depend on the process's string hashing
    even = sorted((p for p in expr.atoms(sympy.Pow) if p.base in negative and p.exp.is_Integer and p.exp % 2 == 0),
                  key=sympy.default_sort_key)
    # and the mirror slip: (−3)³ taken as 27 at every odd power past the first
    odd = sorted((p for p in expr.atoms(sympy.Pow) if p.base in negative and p.exp.is_Integer and p.exp > 1
                  and p.exp % 2 == 1), key=sympy.default_sort_key)
    for powers, misconception in ((even, "negative-base-power"), (odd, "negative-base-odd-power")):
        if not powers:
            continue
        wrong = at_point(expr.xreplace({p: -p for p in powers}), variables, point)
        if wrong is not None and wrong != right:
            first = powers[0]
            base = values[first.base]
            found.append((_fill(misconception, variables, point, power=show(first, variables),
                                wrong=show(-base ** first.exp), right=show(base ** first.exp),
                                power_at=f"({show(base)}){str(first.exp).translate(_SUPERSCRIPTS)}"), wrong))
    for term in sympy.Add.make_args(expr):
        coefficient, rest = term.as_coeff_Mul()
        powers = [p for p in sympy.Mul.make_args(rest) if p.is_Pow and p.base in values and p.exp.is_Integer
                  and p.exp > 1]
        if not (coefficient.is_Integer and abs(coefficient) > 1 and len(powers) == 1):
            continue
        power = powers[0]
        inside = (abs(coefficient) * power.base) ** power.exp * sympy.sign(coefficient) * rest / power
        wrong = at_point(expr - term + inside, variables, point)
        term_right = at_point(term, variables, point)
        if wrong is not None and wrong != right and term_right is not None:
            found.append((_fill("coefficient-inside-power", variables, point, term=show(term, variables),
                                wrong=show(at_point(inside, variables, point)), right=show(term_right),
                                name=power.base.name), wrong))
    return found


def sign_slips(expr: Expr, variables: Sequence[str], point: Sequence[Expr]) -> list[tuple[Said, Expr]]:
    """expr at the point with every negative coordinate in it put in without its minus sign (y = 2 for
    y = -2), where that changes the value. For a tangent plane's slopes, where the point's signs are
    written twice, in the slopes and in the shifts."""
    right = at_point(expr, variables, point)
    lost = [(symbol(v), p) for v, p in zip(variables, point) if p.is_negative and expr.has(symbol(v))]
    wrong = at_point(expr, variables, [abs(p) for p in point]) if lost else None
    if right is None or wrong is None or wrong == right:
        return []
    return [(MISCONCEPTIONS["negative-coordinate-sign"].fill(
        expr=show(expr, variables), wrong=show(wrong), right=show(right),
        assignment=" and ".join(f"{s} = {show(p)}" for s, p in lost),
        wrong_assignment=" and ".join(f"{s} = {show(-p)}" for s, p in lost)), wrong)]


def _fill(misconception: str, variables: Sequence[str], point: Sequence[Expr], **fields: str) -> Said:
    assignment = " and ".join(f"{n} = {show(p)}" for n, p in zip(variables, point))
    return MISCONCEPTIONS[misconception].fill(assignment=assignment, **fields)


def value_slips(expr: Expr, variables: Sequence[str], point: Sequence[Expr],
                name: str = "f") -> list[tuple[Said, Expr]]:
    """A function's value at the point, with one slip in putting it in: those of `evaluation_slips`,
    every square of a coordinate taken as twice it, or (at the origin) the constant term left out too."""
    found = evaluation_slips(expr, variables, point)
    right = at_point(expr, variables, point)
    if right is None:
        return found
    doubled = squares_doubled(expr, variables, point)
    if doubled is not None:
        said, wrong_expr = doubled
        wrong = at_point(wrong_expr, variables, point)
        if wrong is not None and wrong != right:
            found.append((said, wrong))
    constant = expr.as_coeff_Add()[0]
    if constant != 0 and all(p == 0 for p in point):
        found.append((MISCONCEPTIONS["constant-term-dropped"].fill(
            constant=show(constant), names=" or ".join(variables), f=name, right=show(right),
            **place_words(point)), right - constant))
    return found


def squares_doubled(expr: Expr, variables: Sequence[str], point: Sequence[Expr]) -> tuple[Said, Expr] | None:
    """expr with every square of a variable given a value here taken as twice it (y² as 2y, to put y = 4 in:
    8 for 16), and what is said of it; None where expr has no such square. The variables given no value
    stay (a slice f(x, 4) puts in y alone): the caller puts the values in, and keeps only a changed answer."""
    values = dict(zip((symbol(v) for v in variables), point))
    squares = [p for p in expr.atoms(sympy.Pow) if p.base in values and p.exp == 2]
    if not squares:
        return None
    first = sorted(squares, key=sympy.default_sort_key)[0]
    base = values[first.base]
    said = _fill("square-as-double", variables, point, power=show(first, variables), wrong=show(2 * base),
                 right=show(base ** 2),
                 power_at=f"({show(base)})²" if base.is_negative or not base.is_Integer else f"{show(base)}²")
    return said, expr.xreplace({p: 2 * p.base for p in squares})


def place_words(point: Sequence[Expr], decimals: bool = False) -> dict[str, str]:
    """A point as a sentence says it, 3 or (0, 0), and as f's arguments, (3) or (0, 0)."""
    shown = show(tuple(point) if len(point) > 1 else point[0], decimals=decimals)
    return {"point": shown, "args": shown if len(point) > 1 else f"({shown})"}
