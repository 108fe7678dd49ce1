"""Maths in one line, as the lesson writes it: `6xy³`, `-x(3x - 12)y²(y - 6)/90`, `eˣ - ln(x)`.

sympy's own pretty printer is multi-line and orders terms alphabetically; this
printer orders terms by degree in the exercise's variables (`28m + 12b - 42`
for variables m, b) and writes products the way people do. Two dialects share
one traversal: plain Unicode text and LaTeX. The Unicode output reads back
through `tutor.parse` to the same expression.
"""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from typing import Any, cast

import mpmath
import sympy
from sympy import Expr

from .functions import BY_SYMPY
from .parse import Answer, Equation, Meet, Spellings, fraction, to_sympy
from .words import GREEK, TextEnum

_SUPERSCRIPT = dict(zip("0123456789+-()abcdefghijklmnoprstuvwxyz=",
                        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁼"))

_SUPERSCRIPT_CHARS = set(_SUPERSCRIPT.values())


# binding strength of what a string contains, loosest first
_SUM, _PRODUCT, _POWER, _ATOM = 1, 2, 3, 4
_HALF = sympy.Rational(1, 2)


class _Printer:
    latex = False

    def __init__(self, variables: Sequence[str] = (), decimals: bool = False, spellings: Spellings = (),
                 fractions: bool = False):
        self.order = list(variables)
        self.decimals = decimals  # write every terminating fraction as a decimal (0.05, not 1/20)
        self.fractions = fractions  # write every fraction as one (19/10, not 1.9), but those typed as decimals
        self.spellings: dict[Fraction, str] = {}  # decimals as the student typed them (0.14, not 7/50)
        each: dict[Fraction, list[str]] = {}
        for number, typed in spellings:
            typed = typed.removesuffix(".")  # 7. (MATLAB's, or a full stop read as a point) is written 7
            self.spellings.setdefault(number, typed)
            each.setdefault(number, []).append(typed)
        # a number typed in several ways (0.0 and 0.00): every spelling, in the order typed
        self.each = {number: typed for number, typed in each.items() if len(set(typed)) > 1}
        self.bars = 0  # absolute values open around what is being written

    def decimal(self, n: Expr) -> str | None:
        value = fraction(n)
        typed = self.spellings.get(abs(value))
        if typed is not None:
            return typed if value > 0 else f"-{typed}"
        written = None if self.fractions else as_decimal(value, always=self.decimals,
                                                          most_places=DECIMAL_PLACES if self.decimals else 12)
        if written is not None and abs(value) < SCIENTIFIC_BELOW:  # 3e-8, as a float is written, not 0.00000003
            return _scientific(value, self.latex) or written
        return written or as_scientific(value, latex=self.latex)  # 1e-50, even among fractions

    # -- entry
    def show(self, expr: Expr) -> str:
        return self.render(to_sympy(expr))[0]

    def component(self, expr: Expr) -> str:
        """A coordinate of a point or vector, in order: a number typed in several ways ((0.96, 0.00) beside
        (-1.04, 0.0)) takes its spellings in the order typed, the last for any more."""
        value = to_sympy(expr)
        typed = self.each.get(abs(fraction(value))) if value.is_Rational and self.each else None
        if typed is None:
            return self.show(value)
        text = typed.pop(0) if len(typed) > 1 else typed[0]
        return text if value >= 0 else f"-{text}"

    def render(self, e: Expr) -> tuple[str, int]:
        """The text of e and how tightly it binds."""
        if e.has(sympy.CRootOf) and not e.free_symbols:
            # a root with no radical form, by its first digits, as the lesson writes 0.5671…
            text = _format_float(_cut(e, 6), 6) + (r"\ldots" if self.latex else "…")
            return text, (_SUM if text.startswith("-") else _ATOM)
        if e.is_Add:
            return self.add(e), _SUM
        if e.is_Mul:
            return self.mul(e)
        if e.is_Rational and not e.is_Integer and self.decimal(e) is None:
            return self.mul(e)
        if e.is_Pow:
            return self.pow(e)
        if e.is_Number:
            text = self.number(e)
            return text, (_SUM if text.startswith("-") else _ATOM)
        if e.is_Symbol:
            return self.symbol(e.name), _ATOM
        if e is sympy.pi:
            return (r"\pi" if self.latex else "π"), _ATOM
        if e is sympy.E:
            return "e", _ATOM
        if isinstance(e, sympy.exp):
            return self.power_text("e", _ATOM, e.args[0]), _POWER
        if isinstance(e, sympy.Abs):
            self.bars += 1
            inner = self.render(e.args[0])[0]
            self.bars -= 1
            if self.latex:
                return rf"\left|{inner}\right|", _ATOM
            return (f"(|{inner}|)" if self.bars else f"|{inner}|"), _ATOM  # |a(|b|)c| reads back; |a|b|c| would not
        if isinstance(e, sympy.factorial):
            return self.wrap(e.args[0], _ATOM) + "!", _POWER
        if isinstance(e, sympy.Function) or type(e) in BY_SYMPY:  # max and min are not sympy Functions
            return self.function(e), _ATOM
        if isinstance(e, sympy.UnevaluatedExpr):  # a value put in for a variable: written where the variable was
            return self.render(e.args[0])
        return str(e), _ATOM

    # -- pieces
    def wrap(self, e: Expr, needed: int) -> str:
        text, strength = self.render(e)
        if strength < needed:
            return self.parens(text)
        return text

    def parens(self, text: str) -> str:
        return rf"\left({text}\right)" if self.latex else f"({text})"

    def number(self, n: Expr) -> str:
        if n.is_Integer:
            typed = self.spellings.get(abs(fraction(n))) if self.spellings else None  # 0.0000, 1.0, 1e6 as typed
            if typed is not None:
                return typed if n >= 0 else f"-{typed}"
            return self.whole(int(n.p))
        if n.is_Rational:
            decimal = self.decimal(n)
            if decimal is not None:
                return decimal
            sign = "-" if n < 0 else ""
            if self.latex:
                return rf"{sign}\frac{{{self.whole(abs(int(n.p)))}}}{{{self.whole(int(n.q))}}}"
            return f"{sign}{self.whole(abs(int(n.p)))}/{self.whole(int(n.q))}"
        if n.is_Float:
            places, relative = _PLACES.get()
            return show_decimal(float(n), _digits_within(relative), places)
        if n.is_infinite and n.is_extended_real:  # a limit or a side: ∞ and -∞, never sympy's own oo
            return ("" if n > 0 else "-") + (r"\infty" if self.latex else "∞")
        return str(n)

    def whole(self, n: int) -> str:
        """A whole number in digits; past 21 of them, a few digits times a power of ten as such a number is typed
        (1e400, 2.5e30), not in 401 digits (outside check h44, N7); exact, and read back as the same number."""
        if abs(n) >= 10**21 and _in_full(n):  # longer ones: _integer's ≈
            scientific = _scientific(Fraction(n), self.latex)
            if scientific is not None:
                return scientific
        return _integer(n)  # not str(n): sympy's printer is slow

    def symbol(self, name: str) -> str:
        base, _, subscript = name.partition("_")
        if self.latex:
            base = "\\" + base if base in GREEK else base
            return f"{base}_{{{subscript}}}" if subscript else base
        base = GREEK.get(base, base)
        return f"{base}_{subscript}" if subscript else base

    def function(self, e: Expr) -> str:
        row = BY_SYMPY.get(type(e))
        args = ", ".join(self.render(a)[0] for a in e.args)
        if self.latex:
            if row and row.latex_brackets:
                return row.latex_brackets[0] + args + row.latex_brackets[1]
            head = row.latex_head if row else rf"\operatorname{{{type(e).__name__}}}"
            return f"{head}{self.parens(args)}"
        return f"{row.name if row else type(e).__name__}({args})"

    def add(self, e: Expr) -> str:
        out = ""
        terms = self.ordered_terms(e)
        if terms[-1].is_Number and terms[-1] > 0 and terms[0].could_extract_minus_sign():
            terms = terms[-1:] + terms[:-1]  # 85 - x²/90 rather than -x²/90 + 85
        for i, term in enumerate(terms):
            text, strength = self.render(term)
            if i == 0:
                out = text
            elif text.startswith("-"):
                out += " - " + text[1:]
            else:
                out += " + " + text
        return out

    def ordered_terms(self, e: Expr) -> list[Expr]:
        def sympys_order(terms: Sequence[Expr]) -> list[int]:
            if any(t.has(sympy.UnevaluatedExpr) for t in terms):  # values put in, in f's order (written_at)
                return list(range(len(terms)))
            position = {term: i for i, term in enumerate(e.as_ordered_terms())}
            return [position[t] for t in terms]
        return _sorted(e.args, self.term_key, sympys_order)

    def term_key(self, term: Expr) -> tuple[bool, bool, bool, int, tuple[int, ...]]:
        """Higher degree first, then by the exercise's variable order; constants last."""
        powers = term.as_powers_dict()
        degrees = []
        for name in self.order:
            degrees.append(-_numeric(powers.get(sympy.Symbol(name, real=True), 0)))
        transcendental = any(isinstance(f, sympy.Function) or (f.is_Pow and not f.exp.is_Number)
                             for f in sympy.Mul.make_args(term))
        total = sum(degrees)
        return (term.is_Number, not term.free_symbols, not transcendental, total, tuple(degrees))

    def factor_key(self, factor: Expr) -> tuple[bool, int, bool]:
        names = [s.name for s in factor.free_symbols]
        first = min((self.order.index(n) if n in self.order else len(self.order) for n in names),
                    default=-1)
        base = factor.base if factor.is_Pow else factor
        root = factor.is_Pow and factor.exp == _HALF  # last, as written by hand: 2y√x
        function = isinstance(base, sympy.Function) or base is sympy.E or root
        return (function, first, not (base.is_Symbol or _put_in_factor(factor)))  # a value: 0²(0 - 6) as x²(x - 6)

    def mul(self, e: Expr) -> tuple[str, int]:
        coefficient, factors = e.as_coeff_mul()
        numerator: list[Expr] = []
        denominator: list[Expr] = []
        for f in factors:
            if f.is_Pow and f.exp.is_Number and _negative(f.exp):
                denominator.append(f.base ** -f.exp)
            else:
                numerator.append(f)
        sign = ""
        if _negative(coefficient):
            sign, coefficient = "-", -coefficient
        lead = ""  # the coefficient's text, written before the factors
        if coefficient.is_Rational and not coefficient.is_Integer and self.decimal(coefficient) is None:
            if coefficient.p != 1 or not numerator:
                lead = self.whole(int(coefficient.p))
            denominator.insert(0, sympy.Integer(coefficient.q))
        elif coefficient != 1 or not numerator:
            lead = self.number(coefficient)
        numerator = _sorted(numerator, self.factor_key, _sort_keys)
        denominator = _sorted(denominator, lambda f: (not f.is_Number, *self.factor_key(f)), _sort_keys)
        if not denominator:
            strength = _PRODUCT if (len(numerator) > 1 or lead or sign) else _POWER
            return sign + self.product(numerator, lead), strength
        if self.latex:
            upper = self.product(numerator, lead, alone=_SUM)
            lower = self.product(denominator, "", alone=_SUM)
            return rf"{sign}\frac{{{upper}}}{{{lower}}}", _PRODUCT
        # a fraction put in for a variable is bracketed above the bar as below it: (1/2)/(-3)², never 1/2/(-3)²
        upper = self.product(numerator, lead, alone=_POWER)
        lower = self.product(denominator, "", alone=_POWER)
        if len(denominator) > 1:
            lower = f"({lower})"
        return f"{sign}{upper}/{lower}", _PRODUCT

    def product(self, factors: list[Expr], lead: str, alone: int = _PRODUCT) -> str:
        """Factors side by side; a lone factor needs only the strength `alone`."""
        out = previous = lead
        after_put_in = False
        for f in factors:
            text = self.wrap(f, _POWER if len(factors) > 1 or lead else alone)
            if after_put_in and (text[0] == "e" and (len(text) == 1 or text[1] == "^" or text[1] in _SUPERSCRIPT_CHARS)
                                 or previous in ("0", "1") and text[0].isalpha()):
                # a value put in, then a power of e: 1·e^(0·1) and -1·e⁻⁰, as 2·0 is (1 e^(0·1) and -1e⁻⁰ read oddly);
                # 0 or 1 put in, then a letter: 0·y², sin(0·x), 1·x (0y² read as digits run together, 0x as
                # hexadecimal, 1x as a coefficient no one writes: outside checks h51, N8, and h52, N7)
                out = f"{out}·{text}"
            else:
                out = self.join(out, text, previous) if out else text
            previous = text
            after_put_in = isinstance(f.base if f.is_Pow else f, sympy.UnevaluatedExpr)
        return out

    def join(self, left: str, right: str, previous: str = "") -> str:
        """left and right side by side. `previous`, the last factor of left, says which name ends it: xyz,
        where the run of letters xy of left taken as one name wrote xy·z."""
        if self.latex:
            needs_dot = left[-1].isdigit() and (right[0].isdigit() or right.startswith(r"\frac"))
            return left + (r" \cdot " if needs_dot else " ") + right
        if (left[-1].isdigit() or left[-1] == ")") and right[0].isdigit() \
                or (_ends_in_bare_root(left) or _SCIENTIFIC_END.search(left)) and right[0].isalnum():
            # 2·3, (-2)·3 for 2xy at (-2, 3), √x·y (√xy looks like the root of xy), 1e-20·x (1e-20x: e - 20x)
            return f"{left}·{right}"
        if right[0].isalpha() and (left[-1].isalnum() or left[-1] in _SUPERSCRIPT_CHARS):
            head = right.split("(")[0]
            if len(head) > 1 and "(" in right:  # a function: x sin(x)
                return f"{left} {right}"
            last = _last_name(previous or left)
            if last and (len(last) > 1 or len(_first_name(right)) > 1):
                return f"{left}·{right}"
        return left + right

    def pow(self, e: Expr) -> tuple[str, int]:
        base, exponent = e.base, e.exp
        if exponent.is_Number and _negative(exponent):
            return self.mul(e)
        if exponent == _HALF:
            inner = self.render(base)[0]
            if self.latex:
                return rf"\sqrt{{{inner}}}", _ATOM
            return "√" + (inner if self.render(base)[1] >= _ATOM else f"({inner})"), _POWER
        base_text, strength = self.render(base)
        if strength <= _POWER or (base.is_Number and (base < 0 or not base.is_Integer)):
            base_text = self.parens(base_text)
        return self.power_text(base_text, _ATOM, exponent), _POWER

    def power_text(self, base_text: str, _strength: int, exponent: Expr) -> str:
        text, strength = self.render(exponent)
        if self.latex:
            return f"{base_text}^{{{text}}}"
        if all(c in _SUPERSCRIPT for c in text.replace(" ", "")) and "^" not in text:
            return base_text + "".join(_SUPERSCRIPT[c] for c in text.replace(" ", ""))
        if strength < _ATOM or text[0] != "(" and any(c in text for c in "(|"):
            text = f"({text})"  # e^(W(1)), not e^W(1), which reads as e^W times 1 (an outside check)
        return f"{base_text}^{text}"


class _LatexPrinter(_Printer):
    latex = True


MOST_DIGITS = 1000  # an integer longer than any a student may type is shown to 15 digits, marked ≈


def _sorted(items: Sequence[Expr], key: Callable[[Expr], tuple[object, ...]],
            tiebreak: Callable[[Sequence[Expr]], list[Any]]) -> list[Expr]:
    """`items` by `key`, and where keys tie by `tiebreak` (of all items: sympy's order, dear to make,
    so made only when some keys tie)."""
    keys = [key(item) for item in items]
    ties = tiebreak(items) if len(set(keys)) < len(keys) else [0] * len(items)
    return [items[i] for i in sorted(range(len(items)), key=lambda i: (keys[i], ties[i]))]


def _sort_keys(items: Sequence[Expr]) -> list[tuple[object, ...]]:
    """sympy's order, but values put in for variables as they come, in the order of the variables they stand for
    (`written_at`): 2·1·0 for 2xy at (1, 0), where 2·0·1 read as x = 0 (outside check h58, F3)."""
    return [(0, at) if _put_in_factor(item) else (1, sympy.default_sort_key(item)) for at, item in enumerate(items)]


def _put_in_factor(factor: Expr) -> bool:
    return isinstance(factor.base if factor.is_Pow else factor, sympy.UnevaluatedExpr)


def _negative(number: Expr) -> bool:
    """number < 0 for a sympy number: a rational's sign read off directly (sympy's assumptions would
    deduce every fact about each new number, most of the time spent writing candidates' sentences)."""
    return number.p < 0 if number.is_Rational else bool(number.is_negative)


def _in_full(n: int) -> bool:
    """Whether n is short enough to write in all its digits (MOST_DIGITS)."""
    return n.bit_length() <= MOST_DIGITS * 3.32


def _integer(n: int) -> str:
    if _in_full(n):
        return str(n)
    return "≈" + str(mpmath.nstr(mpmath.mpf(n), 15))  # a str already; mpmath is untyped


def _numeric(value: Expr | int) -> int:
    try:
        return int(value)
    except TypeError:
        return 0


def _is_name_char(c: str) -> bool:
    return c.isalpha() and c not in _SUPERSCRIPT_CHARS or c == "_"


def _ends_in_bare_root(text: str) -> bool:
    """Whether `text` ends in a root of a bare name or number (√x, 2√3), which a name would extend."""
    radical = text.rfind("√")
    return radical >= 0 and radical < len(text) - 1 and all(
        c.isalnum() or c in "._" for c in text[radical + 1:])


_SCIENTIFIC_END = re.compile(r"\de-?\d+$")  # a number in scientific notation: 1e-20
_SUBSCRIPTED_NAME_END = re.compile(r"[^\W\d_]+_[^\W_]+$")  # x_1, θ_max


def _last_name(text: str) -> str:
    """The name that ends `text`: a subscripted one whole (x_1x_2 reads as the name x_1x, so a name
    after x_1 needs a dot)."""
    subscripted = _SUBSCRIPTED_NAME_END.search(text) if text[-1:] not in _SUPERSCRIPT_CHARS else None
    if subscripted:
        return subscripted.group()
    name = ""
    for c in reversed(text):
        if _is_name_char(c):
            name = c + name
        else:
            break
    return name


def _first_name(text: str) -> str:
    name = ""
    for c in text:
        if _is_name_char(c):
            name += c
        else:
            break
    return name


def as_decimal(value: Fraction, always: bool = False, most_places: int = 12) -> str | None:
    """A decimal for a fraction that terminates and looks like one (0.5057, 0.14474).

    Small denominators stay fractions, as the lesson writes them (1/2, 7/4), unless `always`; tenths
    (0.3) are decimals, as a pack's rates and parameters are given, except within
    `Notation.FRACTIONS` (maths typed without a decimal point: x²/10, not 0.1x²). None beyond
    `most_places` decimal places.
    """
    terminating = terminating_places(value)
    if terminating is None or terminating[0] == 0 or terminating[0] > most_places:
        return None
    places, tenths = terminating
    if not always and (_NOTATION.get() == Notation.FRACTIONS  # input typed in fractions: x/100, not 0.01x
                       or not tenths and value.denominator < 100):  # 1/10 is 0.1, as data given so is
        return None
    sign = "-" if value < 0 else ""
    digits = _digits(value, places).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def terminating_places(value: Fraction) -> tuple[int, bool] | None:
    """How many decimal places value takes, and whether its denominator is a power of ten (1/10, not 1/2:
    as many twos as fives); None where its decimal does not terminate."""
    q, twos, fives = value.denominator, 0, 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    return (max(twos, fives), twos == fives) if q == 1 else None


def _digits(value: Fraction, places: int) -> str:
    """|value| times 10^places, a whole number where places are enough, as digits."""
    return str(abs(value.numerator) * 10**places // value.denominator)


# Where decimals are asked for, a terminating value is written out to this many places: f(0.617283945) =
# -0.381039468754763025 from decimals typed with many places, not -15241578750190521/40000000000000000
DECIMAL_PLACES = 24

# A decimal this small is written in scientific notation (3e-8, 2.5e-7): one that needs more than six
# places, the most any exercise asks for (dp:6). The lesson writes its rates as decimals (α = 0.005), and
# a pack's 0.00001 or 0.000005 stays one, and so does a computed value shown to 6 digits (show_decimal:
# 0.000008 for a descent's key or where it ends); a float in a table is written by %g (show_float: 1e-5).
SCIENTIFIC_BELOW = Fraction(1, 10**6)


def as_scientific(value: Fraction, latex: bool = False) -> str | None:
    """A decimal with more places than as_decimal writes out (1e-20, 1.5e-12), in scientific notation with
    its digits exact, as a pack's `until: 1e-20` was written (not 1/100000000000000000000); None where it
    does not terminate, has more than 6 significant digits, or as_decimal writes it."""
    if value == 0 or as_decimal(value, always=True) is not None:
        return None
    return _scientific(value, latex)


def _scientific(value: Fraction, latex: bool = False) -> str | None:
    """value in scientific notation with its digits exact (2.5e-7); None where it is 0, does not terminate or
    has more than 6 significant digits."""
    terminating = terminating_places(value)
    if value == 0 or terminating is None:
        return None
    places = terminating[0]
    digits = _digits(value, places)
    significant = digits.rstrip("0")
    if len(significant) > 6:
        return None
    exponent = len(digits) - 1 - places
    mantissa = significant[0] + (f".{significant[1:]}" if len(significant) > 1 else "")
    sign = "-" if value < 0 else ""
    return rf"{sign}{mantissa} \times 10^{{{exponent}}}" if latex else f"{sign}{mantissa}e{exponent}"


def decimals_together(values: Sequence[Expr]) -> bool:
    """Whether numbers shown side by side (a line's m and b) are all to be written as decimals: each one
    terminates and one of them is already written so (7/5 beside 19/10, which shows as 1.9: 1.4 and 1.9,
    not 7/5 and 1.9)."""
    rationals = [v for v in values if v.is_Rational]
    if len(rationals) < len(values) or all(v.is_Integer for v in rationals):
        return False
    fractions = [fraction(v) for v in rationals if not v.is_Integer]
    return all(as_decimal(f, always=True) is not None for f in fractions) and \
        any(as_decimal(f) is not None for f in fractions)


def alike_notation(value: object, decimals: bool = False) -> tuple[bool, bool]:
    """(decimals, fractions): how to write the numbers of a value alike (a vector's components, a line's
    coefficients): all as fractions where one has no terminating decimal (3/4 and 25/24, even where
    `decimals` were asked for), else all as decimals where `decimals` or one is written so (1.4 and 1.9,
    not 7/5 and 1.9), else as the printer would."""
    numbers = list(_fractions_in(value))
    fractions = any(as_decimal(n, always=True) is None for n in numbers)
    return not fractions and (decimals or any(as_decimal(n) is not None for n in numbers)), fractions


def typed_notation(value: object, spellings: Spellings) -> tuple[bool, bool]:
    """(decimals, fractions): how to write the numbers of what a student typed, side by side and as
    typed. Decimals typed are echoed as typed; the other numbers are written as fractions (19/10 typed
    stays 19/10, not 1.9), unless the student typed decimals and every number terminates: then all as
    decimals (0.5(x + 3) reads as 0.5x + 1.5, not 0.5x + 3/2)."""
    if spellings and all(as_decimal(n, always=True) is not None for n in _fractions_in(value)):
        return True, False
    return False, True


def _fractions_in(value: object) -> Iterator[Fraction]:
    """The numbers of a value that are not whole, as they stand in it (the 1/2 of x/2)."""
    if isinstance(value, Answer):
        value = value.value
    if isinstance(value, Equation):
        yield from _fractions_in((value.lhs, value.rhs))
    elif isinstance(value, Meet):
        yield from _fractions_in(value.equations)
    elif isinstance(value, tuple):
        for part in value:
            yield from _fractions_in(part)
    elif isinstance(value, sympy.Basic):
        for atom in value.atoms(sympy.Rational):
            if not atom.is_Integer:
                yield fraction(atom)


def _cut(value: Expr, digits: int) -> float:
    """value's first significant digits, cut rather than rounded: "0.960149…" promises that 0.960149 is how
    it starts, and a student who rounds the digits shown must get the value rounded (0.9601496 is not
    0.96015…, whose 4 places are 0.9602)."""
    exact = decimal.Decimal(str(sympy.N(value, digits + 15)))
    return float(exact.quantize(decimal.Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=decimal.ROUND_DOWN))


def _format_float(value: float, digits: int = 6) -> str:
    """value to `digits` significant digits; a very large or small one in scientific notation written one
    way, as as_scientific writes it: 1.04858e6, 1.71799e10, 1e-6 (never e+06, e+10, e-06). A last digit 5
    that rounding up made gets the next digit too (0.9601496 as 0.9601496, not 0.96015): rounded once more
    by a reader, to 0.9602, it would not be the value rounded (0.9601)."""
    text = f"{value:.{digits}g}"
    while _rounded_up_to_five(text, value) and digits < _MOST_DIGITS:
        digits += 1
        text = f"{value:.{digits}g}"
    return one_exponent(text)


_MOST_DIGITS = 9  # a float has about 16; a few more than 6 tell every tie apart that a reader would meet


def _rounded_up_to_five(text: str, value: float) -> bool:
    mantissa = text.partition("e")[0]
    return mantissa.endswith("5") and abs(float(text)) > abs(value)


def one_exponent(text: str) -> str:
    """A number in scientific notation as the tutor writes one, whatever wrote it (Python's %g, mpmath):
    1.04858e6, 1e309, 8.41e-51, never 1.04858e+06, 1.0e+309 or e-06."""
    mantissa, e, exponent = text.partition("e")
    return f"{mantissa.removesuffix('.0')}e{int(exponent)}" if e else text


class Notation(TextEnum):
    """How a whole command writes its numbers, from how its input was typed (`tutor solve`), so that
    every number it writes, in its lines and in its steps, is written that way without each of the many
    calls to `show` on the way being told."""

    USUAL = "usual"  # small denominators as fractions (1/2, 7/4), tenths as decimals, as data is given
    DECIMALS = "decimals"  # typed with decimals (0.4x^2 - 1.2x): every terminating fraction as a decimal
    FRACTIONS = "fractions"  # typed without a decimal point (x^2/10 - x): tenths too as fractions (x²/10)


_NOTATION: ContextVar[Notation] = ContextVar("notation", default=Notation.USUAL)


@contextmanager
def numbers_written(notation: Notation) -> Iterator[None]:
    """Within it, `show` writes numbers in `notation` (DECIMALS: as if every call said decimals=True)."""
    token = _NOTATION.set(notation)
    try:
        yield
    finally:
        _NOTATION.reset(token)


_PLACES: ContextVar[tuple[int | None, float | None]] = ContextVar("places", default=(None, None))


@contextmanager
def places_shown(places: int | None = None, relative: float | None = None) -> Iterator[None]:
    """Within it, `show` writes a computed decimal (a float, as a descent's answer) right to `places` decimal
    places (show_decimal), or to as many significant digits as keep it within a `relative` error: an
    answer key shown under the exercise's tolerance grades as correct under it."""
    token = _PLACES.set((places, relative))
    try:
        yield
    finally:
        _PLACES.reset(token)


def _digits_within(relative: float | None) -> int:
    """The significant digits, 6 or more, whose rounding stays within a relative error (1e-9: 10)."""
    if relative is None:
        return 6
    if relative <= 0:
        return 17  # a float's every digit
    return min(17, max(6, math.ceil(1 - math.log10(2 * relative))))


def current_notation() -> Notation:
    """How numbers are being written here: part of the key of a cached result that holds sentences."""
    return _NOTATION.get()


def written_as_decimal(value: Expr) -> bool:
    """Whether a rational value is written as a decimal where decimals are asked for (-0.03125, -2.5e-15),
    not as a fraction (1/3): then it needs no '≈' beside it."""
    return _Printer(decimals=True).decimal(value) is not None


def in_decimal_notation() -> bool:
    """Whether numbers are being written as decimals here (`numbers_written(Notation.DECIMALS)`)."""
    return _NOTATION.get() == Notation.DECIMALS


def show(value: object, variables: Sequence[str] = (), *, latex: bool = False, decimals: bool = False,
         spellings: Spellings = (), typed: bool = False, fractions: bool = False, alike: bool = False) -> str:
    """One line of Unicode (or LaTeX) for an expression or any answer shape.

    decimals: write terminating fractions as decimals, for data that was given that way (also where
    numbers are written in `Notation.DECIMALS`: decimals=False asks for nothing, it does not refuse decimals).
    fractions: write every fraction as one (19/10, not 1.9), beside one with no decimal (25/24).
    spellings: decimals as the student typed them, echoed as typed (an Answer brings its own).
    typed: the value is what a student typed (an answer read from the student's text): its numbers are
    written as typed and alike (typed_notation), where decimals are not asked for.
    alike: the numbers of the value (a vector's components, a line's coefficients) are written alike:
    all as fractions where one has no terminating decimal (3/4 and 25/24), else all as decimals where
    one is written so (1.4 and 1.9, not 7/5 and 1.9).
    """
    return show_each((value,), variables, latex=latex, decimals=decimals, spellings=spellings, typed=typed,
                     fractions=fractions, alike=alike)[0]


def show_each(values: Sequence[object], variables: Sequence[str] = (), *, latex: bool = False, decimals: bool = False,
              spellings: Spellings = (), typed: bool = False, fractions: bool = False,
              alike: bool = False) -> list[str]:
    """Several values as `show` writes them, side by side in a sentence ("(-1.04, 0.0) and (0.96, 0.00)"):
    their numbers written alike, as one value's are, and a number typed in several ways with its
    spellings in the order typed."""
    if len(values) == 1 and isinstance(values[0], Answer):
        spellings = spellings or values[0].spellings
        values = (values[0].value,)
    value: object = values[0] if len(values) == 1 else tuple(values)
    decimals = decimals or in_decimal_notation()
    if typed and not decimals and not fractions:
        decimals, fractions = typed_notation(value, spellings)
    elif alike and not fractions:
        decimals, fractions = alike_notation(value, decimals)
    printer = (_LatexPrinter if latex else _Printer)(variables, decimals, spellings, fractions)

    def text(value: object) -> str:  # one printer for the whole value: a point set's spellings in the order typed
        if isinstance(value, Equation):
            return f"{printer.show(value.lhs)} = {printer.show(value.rhs)}"
        if isinstance(value, Meet):  # a line in three variables, in braces as it is typed among other items
            chain = value.equations
            if all(a.rhs == b.lhs for a, b in zip(chain, chain[1:])):  # x = y = z, as it was typed
                return " = ".join(printer.show(side) for side in (chain[0].lhs, *(e.rhs for e in chain)))
            return text(value.equations)
        if isinstance(value, tuple):
            if value and all(isinstance(v, tuple) and len(v) == 1 for v in value):
                # places on a line, as the lesson lists them (x = -1, x = 1), not {(-1), (1)}: a set of
                # numbers has no brackets of its own to write
                named = f"{printer.symbol(variables[0])} = " if len(variables) == 1 else ""
                return ", ".join(named + printer.component(v[0]) for v in value)
            if value and all(isinstance(v, (tuple, Equation, Meet)) for v in value):
                inner = ", ".join(map(text, value))
                return rf"\{{{inner}\}}" if latex else "{" + inner + "}"
            if not value:
                return r"\varnothing" if latex else "∅"
            inner = ", ".join(printer.component(v) for v in value)
            return rf"\left({inner}\right)" if latex else f"({inner})"
        return value if isinstance(value, str) else printer.show(cast(Expr, value))
    return [text(v) for v in values]


def ordered_terms(expr: Expr, variables: Sequence[str] = ()) -> list[Expr]:
    """The terms of a sum in the order `show` writes them (higher degree first)."""
    return _Printer(variables).ordered_terms(expr) if expr.is_Add else [expr]


def terms_text(terms: Sequence[Expr], variables: Sequence[str] = (), latex: bool = False,
               decimals: bool = False, fractions: bool = False) -> str:
    """The terms as one sum in their own order: m² + b² + 4 + 2mb - 4m - 4b, 8 + 12(x - 2); `fractions`:
    every number as a fraction (7m²/2 + b²/2 + 59/6, not 3.5m² + 0.5b² beside 59/6)."""
    text = ""
    for term in terms:
        negative = bool(text) and term.could_extract_minus_sign()
        shown = show(-term if negative else term, variables, latex=latex, decimals=decimals, fractions=fractions)
        if negative and (-term).is_Add:  # -(x - 1): the minus takes the whole sum
            shown = rf"\left({shown}\right)" if latex else f"({shown})"
        text += (" - " if negative else " + ") + shown if text else shown
    return text or "0"


def show_float(value: float, digits: int = 6) -> str:
    """A float to `digits` significant digits, as tables of iterations show it."""
    return _format_float(value, digits)


def show_given(values: Sequence[Expr]) -> str:
    """Numbers the user gave (a start, a rate) as given: a terminating decimal in full (0.000001, not 1e-6),
    a whole number as one, any other rational as a fraction (1/3, not 0.333333: the rate the student gave), any
    other number to 6 digits; one too long to write in full that is a few digits times a power of ten as it
    was typed (1e70); one alone, more as a point (0.5, 2)."""
    def one(value: Expr) -> str:
        if value.is_Rational and _typed_short(fraction(value)):  # 1e70, 1e-30: not in 71 digits (outside check h41, N5)
            return show_decimal(float(value))
        if value.is_Rational:
            written = str(int(value)) if value.is_Integer else as_decimal(fraction(value), always=True, most_places=20)
            return show(value) if written is None else written
        return show_float(float(value))
    return one(values[0]) if len(values) == 1 else "(" + ", ".join(map(one, values)) + ")"


def _typed_short(value: Fraction) -> bool:
    """Whether a number too long to write in full (a whole number of more than 21 digits, a decimal of more than 20
    places) has a short scientific form, a few digits times a power of ten (1e70, 2.5e-30), which is how it was
    typed."""
    terminating = terminating_places(value)
    if terminating is None:
        return False
    places = terminating[0]
    long = places > 20 or places == 0 and abs(value) >= 10**21
    return long and len(_digits(value, places).rstrip("0")) <= 6  # the significant digits: 25 of 2.5e-30


def show_decimal(value: float, digits: int = 6, places: int | None = None) -> str:
    """A float to `digits` significant digits as an exact decimal is written (SCIENTIFIC_BELOW): out, where
    it has at most six places at those digits (0.000008, not 8e-6), in scientific notation beyond (1.28e-5).
    A whole number is written in full (1234567, not 1.23457e6, which is 3 off): a student types it so.
    `places`: where those digits give fewer decimal places than that and are not the value to them, it is
    written with that many places (12345.6789 for dp:4, not 12345.7, which is not right to 4 places; but
    0.16 for 0.16000000000000003)."""
    if value.is_integer() and abs(value) < _WHOLE_IN_FULL:
        return str(int(value))
    text = _format_float(value, digits)
    mantissa, e, exponent = text.partition("e")
    shown = len(mantissa.partition(".")[2]) - int(exponent or 0)
    if places is not None and shown < places and abs(float(text) - value) > 0.1 * 10.0**-places:
        return f"{value:.{places}f}"
    if not e or int(exponent) >= 0:
        return text
    return f"{value:.{shown}f}" if shown <= 6 else text


_WHOLE_IN_FULL = 1e15  # a float holds about 15 digits: beyond, its last digits are noise, and 1e20 is as typed


def show_apart(value: float, other: float, digits: int = 6) -> str:
    """`value` as show_decimal writes it, with as many more digits as tell it from `other` where it is not
    `other` (0.9999998 after a start at 1, not 1): a point that moved is never said to be where it began."""
    return show_point_apart((value,), (other,), digits)[0]


def show_point_apart(point: Sequence[float], other: Sequence[float], digits: int = 6) -> list[str]:
    """The coordinates as show_apart writes a number, all to the same digits, so many that the point is told
    from `other` as a whole ((0.9999998, 0) after a start at (1, 0)): a coordinate told from its own start
    alone wrote two equal numbers two ways, (-1, -0.999999999) after a start at (2, -1)."""
    def shown(values: Sequence[float]) -> list[str]:
        return [show_decimal(v, digits) for v in values]
    while tuple(point) != tuple(other) and digits < 15 and shown(point) == shown(other):
        digits += 1
    return shown(point)


def show_floats(point: Sequence[float]) -> str:
    """A point of floats as the steps write it: 0.42 for one coordinate, (0.42, 0.2) for more."""
    return show_float(point[0]) if len(point) == 1 else "(" + ", ".join(map(show_float, point)) + ")"


_SUBSCRIPT = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_CAPITAL_GREEK = {"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
                  "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω"}
# Each character of Unicode maths a sentence may hold, as LaTeX maths; pdflatex refuses them in text (finding 786)
_LATEX_MATHS = {
    "·": r"\cdot", "−": "-", "′": "'", "″": "''", "∂": r"\partial", "∇": r"\nabla", "≈": r"\approx", "≤": r"\le",
    "≥": r"\ge", "≠": r"\ne", "<": "<", ">": ">", "×": r"\times", "±": r"\pm", "∓": r"\mp", "→": r"\to",
    "∞": r"\infty", "∅": r"\varnothing", "∈": r"\in", "∉": r"\notin", "√": r"\surd", "∛": r"\sqrt[3]{\,}",
    "∜": r"\sqrt[4]{\,}", "½": r"\frac{1}{2}", "⅓": r"\frac{1}{3}", "¼": r"\frac{1}{4}", "|": "|",
    "π": r"\pi", "ο": "o", "ε": r"\varepsilon",
    **{c: "\\" + name for name, c in GREEK.items() if name not in ("omicron", "epsilon")},
    **{c: "\\" + name for name, c in _CAPITAL_GREEK.items()},
}
_LATEX_TEXT = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "$": r"\$", "_": r"\_", "{": r"\{",
               "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "…": r"\ldots{}", "–": "--", "—": "---",
               "‘": "`", "’": "'", "“": "``", "”": "''", "\u00a0": "~"}
_RAISED = {c: t for t, c in _SUPERSCRIPT.items()}
_LOWERED = {c: t for t, c in _SUBSCRIPT.items()}
# also a one-letter name's subscript typed with _ (f_xx: f$_{xx}$, not a column's name ad_spend), and a minus sign
# before a number or between spaces (D = $-$9, 2 $-$ 3: a hyphen in text)
_LATEX_RUN = re.compile(f"([{''.join(_RAISED)}]+)|([{''.join(_LOWERED)}]+)|"
                        r"(?<=(?<![A-Za-z])[A-Za-z])_([A-Za-z0-9]{1,3})(?![A-Za-z0-9])|"
                        r"(?:(?<=^)|(?<=[\s(=]))(-)(?=\d|\s)|(.)", re.S)


def latex_text(text: str) -> str:
    """A sentence of Unicode maths and words as LaTeX text: its special characters escaped, and each maths
    character (π, ≤, ∞, the raised x of eˣ, the lowered i of xᵢ, ½) in math mode as its LaTeX command, so
    that the sentence compiles with pdflatex and says what the Unicode says."""
    out = []
    for raised, lowered, subscript, minus, char in _LATEX_RUN.findall(text):
        if raised or lowered:  # eˣ: e$^{x}$, m₀: m$_{0}$, f⁽⁴⁾: f$^{(4)}$
            out.append(f"$^{{{''.join(_RAISED[c] for c in raised)}}}$" if raised
                       else f"$_{{{''.join(_LOWERED[c] for c in lowered)}}}$")
        elif subscript or minus:
            out.append(f"$_{{{subscript}}}$" if subscript else "$-$")
        elif char in _LATEX_TEXT:
            out.append(_LATEX_TEXT[char])
        else:
            out.append(f"${_LATEX_MATHS[char]}$" if char in _LATEX_MATHS else char)
    return "".join(out)
