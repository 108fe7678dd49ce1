"""Misconceptions about the tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).

A plane is put together from pieces, and each piece has its mistakes: the value
f(a, b) (left out, or a slip in putting the point in), the slopes (swapped,
taken at the swapped point, left as functions, or a derivative misconception in
one or both partials), the shifts x − a (left out, the wrong way, the point's
coordinates swapped), and the plane as a whole (both slopes' signs, one slice's
line only). One mistake changes one piece; two in different pieces make the
answer of a student with both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import combinations
from typing import cast

import sympy
from sympy import Expr, Symbol

from ...calculus.partials import diff
from ...calculus.roots import Monomial, rational_terms
from ...compare import Context, solved_for
from ...evaluate import Unsupported, agree, values_at
from ...misconceptions import Misconception, Pattern, Said, Tiered, WrongAnswer, at_point, register, table_points
from ...misconceptions.derivatives import derivative_tiers, differ, wrong_gradients
from ...misconceptions.points import evaluation_slips, point_words, sign_slips
from ...parse import Answer, Equation, Shape, fraction, minus, symbol, to_sympy
from ...show import show
from .exercise import TangentPlane

PLANE = "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)"

MISCONCEPTIONS = register(
    Misconception(
        "missing-function-value", "tangent plane without f(a, b)",
        "It looks like you left out {f}{point} = {value}. The plane goes through the point on the surface: "
        f"{PLANE}."),
    Misconception(
        "tangent-partials-swapped", "tangent plane with f_x and f_y swapped",
        "It looks like you swapped the partial derivatives: {first} goes with ({x} − a) and {second} "
        "with ({y} − b)."),
    Misconception(
        "partials-at-wrong-point", "tangent plane with the partials at the swapped point",
        "It looks like you evaluated the partial derivatives at {swapped} instead of {point}: here "
        "{assignment}."),
    Misconception(
        "partials-not-evaluated", "tangent plane with the partials left as functions",
        "It looks like you left the partial derivatives as functions of {names}. In the tangent plane they "
        "are numbers: their values at {point}."),
    Misconception(
        "shifted-wrong-way", "tangent plane with x + a for x − a",
        f"It looks like you used {{wrong}} where the plane has {{right}}: {PLANE}."),
    Misconception(
        "tangent-not-shifted", "tangent plane with x for x − a",
        "It looks like you used {wrong} where the plane has {right}. The slopes multiply the distances "
        f"from the point: {PLANE}."),
    Misconception(
        "tangent-shift-sign", "tangent plane with y − 2 for y − (−2)",
        "It looks like you used {wrong} where the plane has {right}. The point's coordinate keeps its sign "
        "in the shift: {shift}."),
    Misconception(
        "tangent-shift-point-swapped", "tangent plane with the point's coordinates swapped in x − a",
        "It looks like you used {wrong} where the plane has {right}. Each shift takes its own coordinate "
        "of the point: x − a and y − b."),
    Misconception(
        "tangent-plane-at-swapped-point", "tangent plane at the point with its coordinates swapped",
        "It looks like you made the tangent plane at {swapped} instead of {point}: f(a, b), both slopes and both "
        f"shifts take {{assignment}}: {PLANE}."),
    Misconception(
        "tangent-line-only", "gave the tangent line of one slice for the plane",
        "It looks like you gave only the tangent line of the slice {slice}. The tangent plane has both "
        f"slopes: {PLANE}."),
    Misconception(
        "tangent-wrong-height", "tangent plane with the right slopes at the wrong height",
        "It looks like you put the plane at the wrong height: at {point} it gives z = {got}, not {f}{point} = "
        f"{{value}}. The slopes are right, but the plane goes through the point on the surface: {PLANE}."),
    Misconception(
        "tangent-normal-sign", "tangent plane with both slopes' signs flipped",
        # the lesson builds the plane from the slices' tangent lines, never from a normal: the sentence says
        # what such a student did (−∇f, or the slopes moved across the equals sign) in its terms
        "It looks like you gave both slopes the wrong sign. Using −∇f, or moving the slopes across the equals "
        "sign, flips both; the plane rises by f_x(a, b) per unit of x and by f_y(a, b) per unit of y: "
        f"{PLANE}."),
    Misconception(
        "surface-for-plane", "gave the surface itself for its tangent plane",
        f"It looks like you gave the surface z = {{f}} itself. The tangent plane at {{point}} is the flat surface "
        f"that touches it there, with its slopes: {PLANE}."),
)


@dataclass(frozen=True)
class _Piece:
    """One way a piece of the plane may be: its value, and the mistakes that give it (none: right)."""

    value: object
    said: tuple[Said, ...] = ()


class _Planes:
    """The planes z = value ± Σ slopeᵢ·(vᵢ + offsetᵢ) of one variant, each made once.

    Where the value and the offsets are rational numbers and the slopes too, a plane is
    z = c + a·x + b·y with c, a and b computed from them; where the slopes are polynomials with
    rational coefficients (the partials left as functions), it is multiplied out from their terms
    in exact fractions. Either gives the tree sympy's own arithmetic and expanding give, and one
    object serves every mistake that gives the plane. Anything else (e^(xy), a point at √2) is
    expanded by sympy."""

    def __init__(self, syms: Sequence[Symbol]):
        self.syms = tuple(syms)
        self.made: dict[object, Equation] = {}
        self.read: dict[Expr, dict[Monomial, Fraction] | None] = {}
        self.monomials: dict[Monomial, Expr] = {}

    def plane(self, value: Expr, slopes: Sequence[Expr], offsets: Sequence[Expr], form: str) -> Equation:
        if not (value.is_Rational and all(o.is_Rational for o in offsets)):
            return self._expanded(value, slopes, offsets, form)
        sign = -1 if form == "normal" else 1
        if all(s.is_Rational for s in slopes):
            coefficients = tuple(sign * s if i in _KEPT[form] else sympy.Integer(0) for i, s in enumerate(slopes))
            constant = value + sympy.Add(*(a * o for a, o in zip(coefficients, offsets)))
            key: object = (constant, *coefficients)
            made = self.made.get(key)
            if made is None:
                made = self.made[key] = Equation(symbol("z"), sympy.Add(constant, *(
                    a * s for a, s in zip(coefficients, self.syms))))
            return made
        terms = self._terms(value, slopes, offsets, _KEPT[form], sign)
        if terms is None:
            return self._expanded(value, slopes, offsets, form)
        key = frozenset(terms.items())
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = Equation(symbol("z"), sympy.Add(*(
                to_sympy(c) * self._monomial(m) for m, c in terms.items())))
        return made

    def _expanded(self, value: Expr, slopes: Sequence[Expr], offsets: Sequence[Expr], form: str) -> Equation:
        shifts = [s + o for s, o in zip(self.syms, offsets)]
        rest = sympy.Add(*(s * d for i, (s, d) in enumerate(zip(slopes, shifts)) if i in _KEPT[form]))
        return Equation(symbol("z"), sympy.expand(value - rest if form == "normal" else value + rest))

    def _terms(self, value: Expr, slopes: Sequence[Expr], offsets: Sequence[Expr], kept: Sequence[int],
               sign: int) -> dict[Monomial, Fraction] | None:
        """The plane's nonzero coefficients by monomial (value and offsets rational numbers), or None
        where a slope it keeps is not a polynomial with rational coefficients."""
        constant = (0,) * len(self.syms)
        total = {constant: fraction(value)}
        for i in kept:
            terms = self._read(slopes[i])
            if terms is None:
                return None
            offset = fraction(offsets[i])
            for m, c in terms.items():  # c·m·(vᵢ + offset)
                times_v = m[:i] + (m[i] + 1,) + m[i + 1:]
                total[times_v] = total.get(times_v, Fraction(0)) + sign * c
                total[m] = total.get(m, Fraction(0)) + sign * c * offset
        return {m: c for m, c in total.items() if c}

    def _read(self, expr: Expr) -> dict[Monomial, Fraction] | None:
        if expr not in self.read:
            self.read[expr] = rational_terms(expr, self.syms)
        return self.read[expr]

    def _monomial(self, m: Monomial) -> Expr:
        if m not in self.monomials:
            self.monomials[m] = sympy.Mul(*(s**k for s, k in zip(self.syms, m)))
        return self.monomials[m]


_KEPT = {"plane": (0, 1), "normal": (0, 1), "x-only": (0,), "y-only": (1,)}  # the slopes' terms a form has


def candidates(problem: TangentPlane) -> Tiered:
    f, variables, name, point = problem.function, problem.variables, problem.name, tuple(problem.at)
    solution = problem.solution
    x, y = variables
    syms = [symbol(v) for v in variables]
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    shown = {"point": problem.point_text(point)}

    values = [_Piece(solution.value)]
    values.append(_Piece(sympy.Integer(0), (say["missing-function-value"](f=name, value=show(solution.value),
                                                                          **shown),)))
    values += [_Piece(v, (said,)) for said, v in evaluation_slips(f, variables, point)]

    right_slopes = tuple(solution.partials)
    slopes = [_Piece(right_slopes)]
    slopes.append(_Piece(tuple(reversed(right_slopes)), (say["tangent-partials-swapped"](
        first=f"{name}_{x}(a, b)", second=f"{name}_{y}(a, b)", x=x, y=y),)))
    swapped = tuple(reversed(point))
    if swapped != point:
        at_swapped = tuple(at_point(diff(f, s), variables, swapped) for s in syms)
        if None not in at_swapped:
            wrong_point = say["partials-at-wrong-point"](**point_words(variables, point, problem.decimals))
            slopes.append(_Piece(at_swapped, (wrong_point,)))
    functions = tuple(diff(f, s) for s in syms)
    slopes.append(_Piece(functions, (say["partials-not-evaluated"](names=" and ".join(variables), **shown),)))
    # a slip in putting the point into a right partial, before a wrong partial giving the same slope
    for i, partial in enumerate(functions):
        for slip, wrong in [*evaluation_slips(partial, variables, point), *sign_slips(partial, variables, point)]:
            slopes.append(_Piece(right_slopes[:i] + (wrong,) + right_slopes[i + 1:], (slip,)))
    hidden: set[str] = set()  # misconceptions whose change in some partial shows nothing at the point
    for said, partials in wrong_gradients(f, variables, name):
        at = tuple(at_point(c, variables, point) for c in partials)
        if None in at or len(said) != 1:
            continue
        if _hidden_at(partials, at, functions, right_slopes, variables):
            hidden.add(said[0].misconception)
        else:
            slopes.append(_Piece(at, said))
    # such a slip still shows in another partial (y dropped from ∂f/∂x of x²y at (1, 3), where x² dropped from ∂f/∂y
    # is 1 all the same): said of that partial alone (outside check h17: z = 3 + 2(x − 1) + (y − 3) went unnamed)
    known = {piece.value for piece in slopes}
    for i, v in enumerate(variables if hidden else ()):
        for wrong in derivative_tiers(f, v, variables, name)[0]:
            value = at_point(wrong.derivative, variables, point) if wrong.misconception in hidden else None
            slope = right_slopes[:i] + (value,) + right_slopes[i + 1:]
            if value is not None and value != right_slopes[i] and slope not in known:
                known.add(slope)
                slopes.append(_Piece(slope, wrong.said))

    # a shift v − a is kept as its number −a
    right_shifts = tuple(-p for p in point)
    shifts = [_Piece(right_shifts)]
    moved = [(s, p) for s, p in zip(syms, point) if p != 0]
    typed_only: set[tuple[Expr, ...]] = set()  # shifts said only as typed: not by the height their plane has
    # a sentence that says the shifts were not typed right is false of an answer that has one typed, in
    # brackets: 4(x - 2) (not the x - 1 of -2x - 1, which may be a slope times x and a constant)
    typed = tuple(re.escape(f"({''.join(show(s - p, variables).split())})") for s, p in moved)
    if moved:
        wrong = " and ".join(f"({show(s + p, variables)})" for s, p in moved)
        right = " and ".join(f"({show(s - p, variables)})" for s, p in moved)
        shifts.append(_Piece(tuple(point), (replace(say["shifted-wrong-way"](wrong=wrong, right=right),
                                                 refuted_by=typed),)))
        if len(moved) > 1:  # one shift the wrong way, the other right: in x or in y, alone
            # (before the shifts left out, which may give the same plane where the slopes balance it, but not
            # what was typed); said of a shift typed the wrong way, in brackets: not of the shift typed right,
            # nor of none (finding 427)
            lone = [s for s, p in moved if p.is_negative] if any(p.is_positive for _, p in moved) else []
            for s, p in moved:
                wrong, right_one = f"({show(s + p, variables)})", f"({show(s - p, variables)})"
                # v − b with b < 0 written v − |b|: the point's sign lost; with b > 0, v + b for v − b
                one = say["tangent-shift-sign"](wrong=wrong, right=right_one, shift=f"{s} − ({show(p)}) = "
                                                f"{show(s - p, variables)}") if p.is_negative else \
                    say["shifted-wrong-way"](wrong=wrong, right=right_one)
                offsets = tuple(q if v == s else -q for v, q in zip(syms, point))
                shifts.append(_Piece(offsets, (replace(one, refuted_by=(
                    re.escape(f"({''.join(show(s - p, variables).split())})"),
                    "^(?!.*" + re.escape(f"({''.join(show(s + p, variables).split())})") + ")")),)))
                if s not in lone:
                    # the lone negative coordinate's plane is also said by its height where it is not typed
                    # so; the other planes are not: by value, a slip in f(a, b) gives them (z = 16 + 4(x - 2)
                    # + 8(y - 4) at (2, 4) is the plane of (x + 2) without f(a, b))
                    typed_only.add(offsets)
        shifts.append(_Piece((sympy.Integer(0),) * len(point), (replace(say["tangent-not-shifted"](
            wrong=" and ".join(show(s, variables) for s, _ in moved), right=right), refuted_by=typed),)))
    crossed = tuple(-p for p in swapped)
    others = {_shifted_by(right_slopes, syms, cast(Sequence[Expr], piece.value)) for piece in shifts[1:]}
    if swapped != point and _shifted_by(right_slopes, syms, crossed) not in others:
        # the coordinates swapped may give the plane of another shift (at (a, -a) the shifts the wrong way
        # round; where a slope is 0, none in that variable): that one says it
        shifts.append(_Piece(crossed, (replace(say["tangent-shift-point-swapped"](
            wrong=" and ".join(f"({show(s + c, variables)})" for s, c in zip(syms, crossed)),
            right=" and ".join(f"({show(s + c, variables)})" for s, c in zip(syms, right_shifts))),
            refuted_by=typed),)))

    forms = [_Piece("plane"), _Piece("normal", (say["tangent-normal-sign"](),))]
    forms += [_Piece(kind, (say["tangent-line-only"](slice=f"{other} = {show(p)}"),))
              for kind, other, p in (("x-only", y, point[1]), ("y-only", x, point[0]))]

    def wrong_height(height: Expr, decimals: bool = False) -> Said:
        # not said where f(a, b) is typed as the plane's constant: what is wrong is then in the brackets
        return replace(say["tangent-wrong-height"](got=show(height, decimals=decimals), f=name,
                                                   value=show(solution.value), **shown), refuted_by=height_typed)

    height_typed = _height_typed(solution.value)
    planes = _Planes(syms)
    # the plane's own pieces first: where a slip in a partial gives the same plane, both are said
    slots = (values, forms, shifts, slopes)

    def made(choices: Iterable[tuple[_Piece, ...]]) -> list[WrongAnswer]:
        found = []
        for pieces in choices:
            said = tuple(s for piece in pieces for s in piece.said)
            if not said:
                continue
            value, form, shift, slope = (piece.value for piece in pieces)  # one from each slot, in order
            plane = planes.plane(cast(Expr, value), cast(Sequence[Expr], slope), cast(Sequence[Expr], shift),
                                 cast(str, form))
            wrong = WrongAnswer.of(said, Answer(Shape.EQUATION, plane))
            if any(s.refuted_by for s in said) and form == "plane" and slope == right_slopes \
                    and shift not in typed_only:
                # where the typed form refutes the sentence, the plane is still one of the right slopes: say that
                wrong = replace(wrong, by_value=wrong_height(plane.rhs.xreplace(dict(zip(syms, point)))))
            found.append(wrong)
        return found
    surface = WrongAnswer.of([say["surface-for-plane"](f=show(f, variables), **shown)],
                             Answer(Shape.EQUATION, Equation(symbol("z"), f)))  # a plane's own is the right answer
    # the point read as (b, a) from the start: one mistake, where the pieces would say it as two (outside check h53)
    elsewhere = []
    if swapped != point and None not in at_swapped and (height := at_point(f, variables, swapped)) is not None:
        plane = planes.plane(height, at_swapped, crossed, "plane")
        elsewhere.append(WrongAnswer.of([say["tangent-plane-at-swapped-point"](
            **point_words(variables, point, problem.decimals))], Answer(Shape.EQUATION, plane)))
    return Tiered([*made(_one_wrong(slots)), *elsewhere, surface, _at_wrong_height(problem, wrong_height)],
                  lambda: made(_two_wrong(slots)))


def _at_wrong_height(problem: TangentPlane, wrong_height: Callable[[Expr, bool], Said]) -> Pattern:
    """A plane with the right slopes at any wrong height: the answer's plane less the right one is a constant
    other than 0. Said last: a mistake the catalogue names that gives this height (f(a, b) left out, a shift
    the wrong way) says more about how it came."""
    solution = problem.solution
    syms = [symbol(v) for v in problem.variables]
    height = symbol(problem.answer_variables[-1])
    points = table_points(len(syms))

    def test(got: Answer, ctx: Context) -> tuple[Said, ...] | None:
        equation = cast(Equation, got.value)
        solved = solved_for(minus(equation.lhs, equation.rhs), height)
        if solved is None:
            return None
        try:  # its values less the right plane's, at the engine's first points: the same number at each
            off = values_at(minus(solved[0], solution.equation.rhs), syms, points)
        except (Unsupported, KeyError, TypeError):  # a name the plane lacks, or a function it can't evaluate
            return None
        first = off[0]
        if first is None or not first.exact or first.value == 0 or not all(v is not None and agree(v, first)
                                                                            for v in off):
            return None
        return (wrong_height(solution.value + to_sympy(cast(Fraction, first.value)), ctx.decimals),)

    return Pattern("tangent-wrong-height", Shape.EQUATION, test, last=True)


def _height_typed(value: Expr) -> tuple[str, ...]:
    """What shows f(a, b) typed as the plane's one constant: first or last on the right (z = 11 − 4(x + 1)
    + 6(y + 3), z = … + 11), or on the left (z − 11 = …). "The wrong height" is false of that plane,
    whatever its value at the point: what is wrong is in the brackets (finding 427)."""
    if not (value.is_positive or value.is_negative):  # 0 is typed as no constant at all
        return ()
    number = re.escape("".join(show(abs(value)).split()))
    sign, other = (r"\+", "-") if value.is_positive else ("-", r"\+")
    constant = r"[-+]?[\d./]+"
    not_first, not_last = rf"(?!{constant}[-+])", r"(?!.*[-+][\d./]+$)"
    return (rf"^z={sign}{'?' if value.is_positive else ''}{number}(?=[-+]){not_last}",
            rf"^z={not_first}.*{sign}{number}$",
            rf"^z{other}{number}={not_first}{not_last}")


def _hidden_at(partials: Sequence[Expr], at: Sequence[Expr], functions: Sequence[Expr], right: Sequence[Expr],
               variables: Sequence[str]) -> bool:
    """Whether a partial the slip changed has its right value at the point all the same (x² for 2x at x = 2):
    the plane shows no slip there, so a sentence naming one in that partial would be true only by chance."""
    return any(a == r and differ(p, g, variables) for p, a, g, r in zip(partials, at, functions, right))


def _shifted_by(slopes: Sequence[Expr], syms: Sequence[Expr], offsets: Sequence[Expr]) -> Expr:
    return sympy.expand(sympy.Add(*(a * (s + o) for a, s, o in zip(slopes, syms, offsets))))


def _one_wrong(slots: Sequence[Sequence[_Piece]]) -> Iterator[tuple[_Piece, ...]]:
    """One piece from each slot, the right one but in one slot."""
    right = tuple(slot[0] for slot in slots)
    for i, slot in enumerate(slots):
        for piece in slot[1:]:
            yield right[:i] + (piece,) + right[i + 1:]


def _two_wrong(slots: Sequence[Sequence[_Piece]]) -> Iterator[tuple[_Piece, ...]]:
    """One piece from each slot, the right one but in two slots, with two mistakes in all."""
    right = tuple(slot[0] for slot in slots)
    for i, j in combinations(range(len(slots)), 2):
        for a in slots[i][1:]:
            for b in slots[j][1:]:
                if len(a.said) + len(b.said) == 2:
                    chosen = list(right)
                    chosen[i], chosen[j] = a, b
                    yield tuple(chosen)
