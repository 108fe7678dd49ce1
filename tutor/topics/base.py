"""What every exercise kind provides, the defaults they share, and the record the registry lists.

A kind is a folder under tutor/topics/ holding its exercise model (a Problem
subclass: its YAML keys, prompt, expected answer, reading and checking, steps,
hints and picture), its misconceptions, and the subcommands it adds to
`tutor solve` and `tutor plot`. Its `__init__.py` gathers them in one Topic,
and tutor/topics/__init__.py lists every Topic: the pack loader, the JSON
Schema, the diagnosis and the command line are all built from that list.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast, overload

import sympy
from sympy import Expr

from ..calculus import SolveError, order_variables
from ..calculus.kinks import Stretch, between_text
from ..check import Judgement, Verdict, check
from ..compare import Note, Tolerance
from ..errors import TutorError
from ..limits import LIMITS, Limits
from ..misconceptions import Candidate, Misconception, Tiered
from ..parse import (
    Answer,
    Equation,
    InputError,
    Labelled,
    Shape,
    not_real,
    read,
    remembering,
    starred_end,
    substituted,
    symbol,
)
from ..show import Notation, numbers_written, places_shown, show
from ..words import and_list
from .fields import MAX_STEPS

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ..plot import Figure
    from ..steps import Step

E = TypeVar("E", bound=Enum)

# an answer as a student may write it, with the variables and the components their text is read with
# to compare it (None: the exercise's own)
Form = tuple[Answer, tuple[str, ...] | None, tuple[str, ...] | None]


class FieldError(TutorError):
    """An exercise's data that doesn't make sense; `field` names the key it is about."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Unkeyable(FieldError):
    """An exercise that makes sense, whose answer its kind can't key (every point of a flat stretch; local minima
    the tutor can't all find): it can't be set, and is left out where its pack is practised or graded, where an
    exercise whose data is wrong (a point that is not critical) makes its pack refused."""


_HIGHEST_CHECKED_POWER = 20  # a check value of a higher power is computed at 1


@dataclass(frozen=True)
class Field:
    """One YAML key of a kind: how its value is read, and what it means (for errors and the schema)."""

    reader: str  # a key of tutor.topics.fields.FIELD_READERS
    help: str
    required: bool = False
    formerly: str | None = None  # the key's old name: a pack that still uses it is told the new one
    choices: tuple[str, ...] = ()  # the only values it may take (the first is the default), if it is a choice


def choice_from(data: Mapping[str, Any], field: str, values: type[E]) -> E:
    """The value of a choice key (`ask: best`) as its enum; the enum's first member when it is left out."""
    given = data.get(field)
    if given is None:
        return next(iter(values))
    try:
        return values(given)
    except ValueError:
        raise FieldError(field, f"'{field}' is one of {and_list([str(v.value) for v in values], 'or')}, "
                                f"not '{given}'") from None


def keys_for_ask(data: Mapping[str, Any], ask: Enum, needs: Mapping[Any, tuple[str, ...]]) -> None:
    """Each question of a kind uses its own keys (`ask: value` needs `at`): a FieldError for a key
    missing for this question, or given for another one."""
    wanted = needs.get(ask, ())
    for key in dict.fromkeys(k for keys in needs.values() for k in keys):
        if key in wanted and key not in data:
            raise FieldError("ask", f"ask: {ask.value} needs '{key}'")
        if key not in wanted and key in data:
            uses = [a.value for a, keys in needs.items() if key in keys]
            raise FieldError(key, f"'{key}' is used only with ask: {and_list(uses, 'or')}")


def point_from(value: object, variables: Sequence[str], field: str) -> tuple[Expr, ...]:
    """A point given as a list [2, 3] or a mapping {x: 2, y: 3}, in the order of `variables`."""
    if isinstance(value, dict):
        unknown = set(value) - set(variables)
        if unknown:
            raise FieldError(field, f"'{sorted(unknown)[0]}' is not a variable of the function "
                                    f"({', '.join(variables)})")
        missing = [v for v in variables if v not in value]
        if missing:
            raise FieldError(field, f"'{field}' needs a value for {', '.join(missing)}")
        return tuple(value[v] for v in variables)
    point = tuple(value) if isinstance(value, tuple) else (value,)
    if len(point) != len(variables):
        raise FieldError(field, f"'{field}' needs {len(variables)} coordinate(s) "
                                f"({', '.join(variables)}), not {len(point)}")
    return point


def whole_steps(value: object, field: str) -> int:
    """A count of steps as a draw sets it (`k + 1` with k = 3 is 4): a whole number from 1 to MAX_STEPS,
    else a FieldError the variant check names the draw in."""
    if isinstance(value, int):
        return value  # a number as written: the reader has checked it
    if not (isinstance(value, sympy.Integer) and 1 <= value <= MAX_STEPS):
        raise FieldError(field, f"'{field}' must be a whole number from 1 to {MAX_STEPS:,}, not {show(value)}")
    return int(value)


DEFAULT_PLACES, MOST_PLACES = 4, 15


def telling_places(point: Sequence[Any], start: Sequence[Any]) -> int:
    """The decimal places a point reached from a start (by descent) is asked to where the pack gives no
    tolerance: 4, or more where a coordinate, or its move from the start, is not more than 10 units in the
    4th place, until each is (x₁ = 0.000008 from x₀ = 0.00001 moves by 0.000002: 7 places). Fewer would
    accept 0, the start itself or a step the wrong way as the answer."""
    sizes = [m for a, s in zip(point, start) for m in (abs(float(a)), abs(float(a) - float(s))) if m > 0]
    places = DEFAULT_PLACES
    while places < MOST_PLACES and any(m <= 10 * 10.0**-places for m in sizes):
        places += 1
    return places


def typeable(value: Expr) -> Expr:
    """A root with no radical form (CRootOf, shown as 0.960149…) as a 15-digit decimal, which can be read back."""
    return sympy.Float(sympy.N(value, 15), 15) if value.has(sympy.CRootOf) else value


def substitute(value: object, values: Mapping[sympy.Symbol, Expr]) -> object:
    """A value read from a pack (an expression, a point, an equation) with parameters replaced by values."""
    if not values:
        return value
    if isinstance(value, sympy.Basic):
        return substituted(value, values)
    if isinstance(value, Equation):
        return Equation(substituted(value.lhs, values), substituted(value.rhs, values))
    if isinstance(value, tuple):
        return tuple(substitute(v, values) for v in value)
    if isinstance(value, dict):  # a point given as {y: c}
        return {key: substitute(v, values) for key, v in value.items()}
    return value


def expressions_in(value: object) -> Iterator[Expr]:
    """The expressions a value read from a pack is made of: itself, a point's coordinates, an
    equation's sides, a mapping's values."""
    if isinstance(value, Equation):
        value = (value.lhs, value.rhs)
    if isinstance(value, dict):
        value = tuple(value.values())
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from expressions_in(item)
    elif isinstance(value, Expr):
        yield value


def not_real_part(value: object, values: Mapping[sympy.Symbol, Expr]) -> Expr | None:
    """The smallest part of a value read from a pack (an expression, a point, an equation) made of
    numbers and the parameters alone that is not a real number once their `values` are put in, as
    written: √a in √a·x² with a = -1, which sympy would show as I. With no values, the smallest part
    made of numbers alone. None where every such part is real."""
    return _part_where(value, values, not_real)


def no_value_part(value: object, values: Mapping[sympy.Symbol, Expr]) -> Expr | None:
    """The same, of a part with no value at all once the `values` are put in (1/(a - 1) with a = 1, ln(a) with
    a = 0), which sympy would show as zoo."""
    return _part_where(value, values, lambda number: number.has(sympy.zoo, sympy.nan))


def _part_where(value: object, values: Mapping[sympy.Symbol, Expr], fails: Callable[[Expr], bool]) -> Expr | None:
    return next((p for p in (_failing_in(e, values, fails) for e in expressions_in(value)) if p is not None), None)


def _failing_in(value: Expr, values: Mapping[sympy.Symbol, Expr], fails: Callable[[Expr], bool]) -> Expr | None:
    """The part itself where it is made of numbers and parameters alone and fails, or the smallest such part in
    it that fails; its parts are looked into only where it fails, or is made of more."""
    if value.free_symbols <= values.keys() and (value.free_symbols or not values):
        try:
            number = substituted(value, values)
        except InputError:  # numbers too large: building the variant says so
            return None
        if not fails(number):
            return None
        inner = next((p for p in (_part_where(a, values, fails) for a in value.args) if p is not None), None)
        return value if inner is None else inner
    return next((p for p in (_part_where(a, values, fails) for a in value.args) if p is not None), None)


class Problem:
    """One concrete exercise (parameters already drawn) of some kind.

    A subclass is a frozen dataclass declaring KIND, SHAPE, FIELDS (its YAML
    keys), `build` (from the read YAML values) and the student-facing parts.
    """

    KIND: ClassVar[str]
    SHAPE: ClassVar[Shape]
    FIELDS: ClassVar[dict[str, Field]]
    variables: tuple[str, ...]

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Problem:
        raise NotImplementedError

    # -- what the student sees
    def prompt(self, latex: bool = False) -> str:
        raise NotImplementedError

    def expected(self) -> Answer:
        raise NotImplementedError

    def expected_in(self, shape: Shape) -> Answer | None:
        """The right answer in `shape`, where the kind accepts it written so too (a fitted line as its
        equation, where m and b are asked); None where it does not."""
        expected = self.expected()
        return expected if expected.shape == shape else None

    def steps(self) -> Step | None:
        """The worked solution, or None where there is none."""
        raise NotImplementedError

    def hints(self) -> tuple[str, ...]:
        raise NotImplementedError

    def aside(self, text: str) -> str:
        """A sentence true of a wrong answer whatever its mistake, said after the verdict's message and after a
        mistake named (an x where f has no value, in `minimize`); "" where there is none."""
        return ""

    @classmethod
    def topic(cls) -> str:
        """The lesson's topic a student reviews after a wrong answer, where the pack gives no tags: the kind's
        ("partial derivative"); "" for a kind that is no topic of the lesson's (an author's own question)."""
        return cls.KIND.replace("_", " ")

    def figure(self) -> Figure:
        """The lesson's picture of this exercise (tutor.plot draws it); SolveError where there is none."""
        raise SolveError(f"an exercise of kind '{self.KIND}' has no picture: its answer is not about a "
                         "function the tutor can draw")

    def question_figure(self) -> Figure:
        """The picture before the exercise is solved: the question only, nothing of its answer."""
        from ..plot import question_only
        return question_only(self.figure())

    # -- reading and checking answers
    @property
    def shape(self) -> Shape:
        return self.SHAPE

    @property
    def answer_variables(self) -> tuple[str, ...]:
        """The names a student may use in an answer."""
        return self.variables

    def default_tolerance(self) -> Tolerance | None:
        """The tolerance for decimals when the pack gives none."""
        return None

    def precision(self) -> str:
        """' (to 4 decimal places)': what a prompt says where decimals are expected, from the pack's
        tolerance or the kind's own; '' where the answer is exact."""
        tolerance = self.tolerance or self.default_tolerance()
        return f" ({tolerance.describe()})" if tolerance else ""

    @property
    def components(self) -> tuple[str, ...]:
        """Names a vector answer's parts may be given by (m = 1/2, b = 7/3)."""
        return ()

    @property
    def domain(self) -> tuple[Expr, ...]:
        """What the question is about, on whose domain an answer must have a value (tutor.check's `domain`)."""
        return ()

    @property
    def component_labels(self) -> tuple[str, ...]:
        """What messages call a vector answer's parts (∂f/∂y); by default their names, if any."""
        return self.components

    @property
    def several(self) -> bool:
        """Whether a vector answer is a list of several values (every local minimum of f(x)), not one vector,
        so that ± may make more of them (tutor.parse.read)."""
        return False

    @property
    def answer_names(self) -> tuple[str, ...]:
        """The name the prompt gives the answer (α, x₁), or its parts' names in the order of the
        components (x₁, y₁): an answer may be written after it, in the question's own words."""
        return ()

    @property
    def place_asked(self) -> str | None:
        """What the question asks for where its answer is a place, an x or a point ("the x where f is least"),
        so that an answer written as f's value there (f = -1, f(1) = -1) is told so (`labelled`); None where
        the answer is no place."""
        return None

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """How this exercise reads an answer (the REPL's live preview and the diagnosis use it too);
        raises InputError. `parameters`: an author's answer or mistake is read the same way, with the
        pack's parameters known as names that stand for numbers (each variant puts in its values)."""
        if self.STARRED_PLACE and (end := starred_end(text, self.variables)) is not None:
            # x* = 6, (x*, y*) = (1, 0), x* = ln 7 ≈ 1.9459: the optimum by its own name, read as x = 6 is (the
            # blind corpus of variants: x* = 6 was refused, "write just 6"); blanked, column for column
            text = " " * end + text[end:]
        try:
            return read(text, self.shape, self.answer_variables, components=self.components, limits=limits,
                        constants=parameters, named=self.answer_names, several=self.several)
        except Labelled as error:
            raise self.labelled(error) from None

    # whether the answer is an optimum or a critical point, which x* (or (x*, y*)) names: not a descent's step
    STARRED_PLACE: ClassVar[bool] = False

    @property
    def reads_its_own_way(self) -> bool:
        """Whether `read` reads more than the grammar does in the answer's shape: a name before the answer, f's
        value where a place is asked, a reason after a label."""
        return bool(self.answer_names or self.place_asked)

    def labelled(self, error: Labelled) -> InputError:
        """What an answer typed after a name (E = 25/6) is told: by default, to write just what follows it."""
        return error

    def read_as(self, text: str, shape: Shape, variables: Sequence[str], components: Sequence[str] = (),
                limits: Limits = LIMITS) -> Answer:
        """`text` read in one of the ways this kind's answers may be written (a `Form`'s shape and names),
        as the diagnosis reads it for each; raises InputError. By default as the grammar reads it; a kind
        that reads a form its own way (a fitted line written f(x) = …) reads it so here too."""
        return read(text, shape, variables, components=components, limits=limits)

    def written_forms(self, answer: Answer) -> tuple[Form, ...]:
        """The ways a student may write this answer (`Form`): an author's mistake is recognised in any of
        them. One, unless the kind reads answers in several shapes."""
        return ((answer, None, None),)

    def caution(self) -> str | None:
        """What validation tells an author of a question that works but is weak (a key the tutor can't
        fully stand behind); None for most."""
        return None

    def also_right(self) -> tuple[Answer, ...]:
        """Answers as right as `expected()` where the question has several: another x as low as the
        least minimum ((x² − 1)² at ±1), another rate as fast. Any of them is graded correct."""
        return ()

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        """Grade `text` against the expected answer (or against `expected`, for a mistake); a right value
        not in the form the question asks for (`not_in_form`) is not right yet. The text is parsed once, for
        every answer it is compared with and for its form."""
        with remembering():
            verdict = self._check_against(text, self.expected() if expected is None else expected, tolerance)
            if expected is None and verdict.verdict == Judgement.INCORRECT:
                for other in self.also_right():
                    if (alternative := self._check_against(text, other, tolerance)).correct:
                        return alternative
            if expected is None and verdict.correct:
                unfinished = self.not_in_form(self.read(text))
                if unfinished is not None:
                    note, message = unfinished
                    return Verdict(Judgement.INCORRECT, note, message, reading=verdict.reading)
        return verdict

    def not_in_form(self, answer: Answer) -> tuple[Note, str] | None:
        """Where the question asks for its answer in a form (E(m, b) multiplied out) and `answer`, of the
        right value, is not in it: the note and what the student is told; None for most kinds."""
        return None

    def _check_against(self, text: str, expected: object, tolerance: Tolerance | None) -> Verdict:
        return check(text, expected, variables=self.answer_variables, shape=self.shape,
                     tolerance=tolerance or self.default_tolerance(), components=self.components,
                     labels=self.component_labels,
                     reader=self.read if self.reads_its_own_way else None, domain=self.domain,
                     isolated=False)  # an exercise's check runs where its caller put it (packs.Exercise)

    # -- shared helpers for the kinds
    decimals: bool = False  # the pack gave numbers as decimals: show them that way
    tolerance: Tolerance | None = None  # the pack's tolerance for decimals, which the prompt states

    def show(self, value: object, latex: bool = False, alike: bool = False) -> str:
        """value as this exercise writes it; `alike`: its numbers all as fractions or all as decimals
        (an answer's (11/10, 11/30), not (1.1, 11/30))."""
        return show(value, self.variables, latex=latex, decimals=self.decimals, alike=alike)

    def numbers_written(self) -> AbstractContextManager[None]:
        """The notation its numbers are written in, where the pack's way of writing them sets one; else
        each `show` call's own."""
        return nullcontext()

    def show_answer(self, answer: Answer, latex: bool = False) -> str:
        """An answer key as `tutor pack show --answers` writes it, its numbers alike, a computed decimal to
        the places the tolerance asks for (so that it grades as correct)."""
        tolerance = self.tolerance or self.default_tolerance()
        with places_shown(*((tolerance.places, tolerance.relative) if tolerance else ())):
            return self.show(answer.value, latex, alike=True)

    def shown(self, answer: Answer) -> str:
        """A student's answer as read, as this exercise writes it ("read as: …"), its numbers as typed."""
        return show(answer, self.variables, typed=True)

    def value_hint(self, expected: Expr, at: Sequence[int] = (2, 3, 4)) -> str:
        """'Check: at x = 2, y = 3 it comes out as 324': a way to check without the answer. At coordinates
        other than 1 and each other, where a power or a variable mixed up shows (6xy² is 6 at (1, 1) too); at
        1 where a power is high (x^(5^5^5) at 2 is a number no memory holds)."""
        names = self.variables
        if any(p.exp.is_Number and abs(p.exp) > _HIGHEST_CHECKED_POWER for p in expected.atoms(sympy.Pow)):
            at = (1, 1, 1)
        point = [sympy.Integer(v) for v in at[: len(names)]]
        value = expected.xreplace({symbol(n): p for n, p in zip(names, point)})
        if not value.is_number or value.has(sympy.zoo, sympy.nan):  # try a point off the axes
            point = [sympy.Rational(k + 2, 2) for k in range(len(names))]
            value = expected.xreplace({symbol(n): p for n, p in zip(names, point)})
        where = ", ".join(f"{n} = {show(p)}" for n, p in zip(names, point))
        return f"Check: at {where} the answer comes out as {show(sympy.nsimplify(value))}."


@dataclass(frozen=True)
class FunctionProblem(Problem):
    """A kind about one function: f(x, y) = ... with its variables and its name."""

    function: Expr
    variables: tuple[str, ...]
    name: str = "f"
    decimals: bool = False
    tolerance: Tolerance | None = None
    fractions: bool = False  # the pack wrote the function with no decimal point (x^2/10): see show_function

    COMMON_FIELDS: ClassVar[dict[str, Field]] = {
        "function": Field("function", "the function, like 3x^2 y^3", required=True),
        "variables": Field("names", "its variables in order, like [x, y] (default: x, y, z, then a-z)"),
        "name": Field("name", "the function's name in the prompt (default f)"),
    }

    @classmethod
    def function_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        function = data["function"]
        variables = tuple(data.get("variables") or order_variables(s.name for s in function.free_symbols))
        unknown = {s.name for s in function.free_symbols} - set(variables)
        if unknown:
            raise FieldError("variables", f"the function also uses {', '.join(sorted(unknown))}")
        if not variables:
            raise FieldError("function", "the function has no variables")
        return {"function": function, "variables": variables, "name": data.get("name", "f"),
                "decimals": data.get("decimals", False), "tolerance": data.get("tolerance"),
                "fractions": data.get("fractions", False)}

    @property
    def domain(self) -> tuple[Expr, ...]:
        """f: a derivative, a gradient or a tangent plane with a value only where f has none answers nothing."""
        return (self.function,)

    def show_function(self, latex: bool = False) -> str:
        """The function as the author wrote it: written with no decimal point (x^2/10), its fractions stay
        fractions, tenths too (x²/10, not 0.1x²), as `tutor solve` writes such a function; an exercise
        whose numbers are decimals (rate: 0.1, a parameter's 0.5) writes them as decimals."""
        with self.numbers_written():
            return self.show(self.function, latex)

    def numbers_written(self) -> AbstractContextManager[None]:
        """Where the author wrote the function with no decimal point, its fractions stay fractions in all
        the exercise writes (its key, what an answer is told), tenths too: acos(-1/10) for sin(x) + x/10,
        as `tutor solve` writes it, never acos(-0.1), a decimal inside an exact form."""
        return numbers_written(Notation.FRACTIONS) if self.fractions and not self.decimals else nullcontext()

    def show_answer(self, answer: Answer, latex: bool = False) -> str:
        with self.numbers_written():
            return super().show_answer(answer, latex)

    def signature(self, latex: bool = False) -> str:
        """f(x, y) = 3x²y³"""
        return f"{self.name}({', '.join(self.show(symbol(v), latex) for v in self.variables)}) = " \
               f"{self.show_function(latex)}"

    @overload
    def at_mapping(self, point: Sequence[Expr]) -> dict[str, Expr]: ...

    @overload
    def at_mapping(self, point: None) -> None: ...

    def at_mapping(self, point: Sequence[Expr] | None) -> dict[str, Expr] | None:
        """A point as the solvers take it: {x: 2, y: 3}."""
        return None if point is None else dict(zip(self.variables, point))

    def names_at(self, names: Sequence[str], at: Sequence[Expr] | None) -> tuple[str, ...]:
        """`names` of something of the function (f′, ∇f), as an answer may be written after them: at the
        point asked for (f′(0.05); f′ alone is the function, not its value there), or where no point is
        asked, alone or with the function's variables (∇f, ∇f(x, y))."""
        if at is not None:
            point = f"({', '.join(self.show(c) for c in at)})"
            return tuple(name + point for name in names)
        variables = f"({', '.join(self.show(symbol(v)) for v in self.variables)})"
        return (*names, *(name + variables for name in names))

    # whether f(1) = -1 holds the place asked (the x where f is least), so that it is told to write just 1;
    # not in gradient descent, where it may be f's value at any step's point (f(x₀), where it starts)
    CALL_HOLDS_PLACE: ClassVar[bool] = True

    def labelled(self, error: Labelled) -> InputError:
        """Where the answer is a place (`place_asked`), a name before '=' that is not the place's (x_min = 1)
        gives f's value there (f = -1, f(1) = -1, y = -1): "write just -1" would have the student submit that
        value, which is no place. Said instead: what the question asks for, and where the name holds a
        place (f(1) = -1), to write just that place, 1: its value there is no part of the answer, and
        checking it too would judge what was not asked."""
        place = self.place_asked
        if place is None or error.working or _names_the_place(error.label, self.variables):
            return error
        call = re.fullmatch(r"([^()]+?)\s*\((.*)\)", error.label)
        at = _place_in(call[2], len(self.variables)) if call is not None and self.CALL_HOLDS_PLACE else None
        if call is not None and at is not None:
            return InputError(f"the question asks for {place}, not {call[1]}'s value there: write just {at}",
                              error.column, error.note)
        what = f"the {self.variables[0]}" if len(self.variables) == 1 else "the point"
        # f′(0.05) = -18.9: the slope, not f's value (outside check h54, N1)
        if _names_a_derivative(error.label, self.name, self.variables):
            slope = f"slope {self.name}′" if len(self.variables) == 1 else f"gradient ∇{self.name}"
            return InputError(f"the question asks for {place}, not the {slope} there: write just {what}",
                              error.column, error.note)
        if not _names_the_value(error.label, self.name, self.variables):
            return InputError(f"the question asks for {place}: write just {what}, without '{error.label} ='",
                              error.column, error.note)
        return InputError(f"the question asks for {place}, not {self.name}'s value there: write just {what}",
                          error.column, error.note)

    def point_text(self, point: Sequence[Expr], latex: bool = False) -> str:
        return self.show(tuple(point), latex) if len(point) > 1 else self.show(point[0], latex)

    def drawn_variables(self) -> tuple[str, ...]:
        """The variables, when a picture can show the function (one or two); SolveError otherwise."""
        if len(self.variables) > 2:
            raise SolveError(f"this exercise has no picture: its function has {len(self.variables)} "
                             "variables, and a picture shows one or two")
        return self.variables


def flat_refusal(problem: FunctionProblem, stretches: Sequence[Stretch], so: str) -> Unkeyable:
    """Why an exercise can't be set where f of one variable is flat along a stretch (max(0, x)² on x < 0): every
    point there is critical, and a local minimum and maximum; `so`, what that does to this kind's answer."""
    x, name = problem.variables[0], problem.name
    spans = and_list([between_text(s.low, s.high, x) for s in stretches])
    where = f"the stretch{'es' if len(stretches) > 1 else ''} {spans}" if stretches else "a stretch"
    return Unkeyable("function", f"{name} is flat all along {where}: every point there is a local minimum (and a "
                                  f"local maximum), as {name} is constant near it, so {so}")


_NO_LETTER = r"(?![^\W\d_₀-₉])"  # what may follow a name in a longer one of the same thing: x_min, x₀, x*, f(1)


def _names_the_place(label: str, variables: Sequence[str]) -> bool:
    """Whether a name before '=' is the place's own (x_min, x*, x₀, X₁, xmin; (x, y)): what follows it is the place."""
    names = "|".join(re.escape(v) for v in variables)
    return re.match(rf"\(?\s*(?:{names})(?:min|max|{_NO_LETTER})", label, re.IGNORECASE) is not None


# the letter a graph's height goes by, for a function of one variable and of two (y = f(x), z = f(x, y))
_HEIGHTS = {1: "y", 2: "z"}


def _names_a_derivative(label: str, name: str, variables: Sequence[str]) -> bool:
    """Whether a name before '=' is of the function's derivative: f', f′(x), ∇f, df/dx, dy/dx, ∂f/∂x, f_x (not
    f_min)."""
    f, by = re.escape(name), "|".join(re.escape(v) for v in variables)
    return re.match(rf"(?:{f}\s*['′]|∇\s*{f}|d(?:{f}|y)?\s*/\s*d|∂{f}\s*/\s*∂|{f}_(?:{by})(?![^\W\d_]))", label) \
        is not None


def _names_the_value(label: str, name: str, variables: Sequence[str]) -> bool:
    """Whether a name before '=' is the function's (f, f(x), f_min, fmin) or its graph's height (y for f(x))."""
    if label == _HEIGHTS.get(len(variables)) and label not in variables:
        return True
    return re.match(rf"{re.escape(name)}(?:min|max|{_NO_LETTER})", label) is not None


def _place_in(text: str, count: int) -> str | None:
    """The place inside f(…) (1 in f(1); (1, 2) in f(1, 2)) as it is written alone, where it is `count`
    numbers; else None (f(x): no place)."""
    one = count == 1
    try:
        place = read(text if one else f"({text})", Shape.NUMBER if one else Shape.VECTOR, (), limits=LIMITS)
    except InputError:
        return None
    if not one and len(cast(tuple, place.value)) != count:
        return None
    return text.strip() if one else f"({text.strip()})"


# ----------------------------------------------------------------- the registry's records


@dataclass(frozen=True)
class Command:
    """A subcommand a kind adds to `tutor solve` (run gives a Solution) or `tutor plot` (a Figure).

    `arguments` declares its own arguments on the subcommand's parser; the command line adds
    the ones every solve or plot subcommand has (--steps, --json, --out ...).
    """

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], Any]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One exercise kind, as the registry lists it.

    exercise: its Problem class (KIND is the kind's name in packs). candidates: the
    wrong answers its misconceptions produce for one variant (None: only a pack
    author's own `mistakes:` apply), those of two at once made only when asked (Tiered)
    where there are many. catalogue: the misconceptions it names beyond
    the shared ones of tutor.misconceptions. solve, plot: its subcommands, if any.
    candidate_names: the names beyond the variant's own (its variables, answer variables and
    components) that its candidates may read an answer with (+ C after a derivative): an answer
    whose letters spell none of these can't be one of them, and diagnosis skips it unbuilt.
    """

    exercise: type[Problem]
    candidates: Callable[[Any], Sequence[Candidate] | Tiered] | None = None
    catalogue: Mapping[str, Misconception] = field(default_factory=dict)
    solve: Command | None = None
    plot: Command | None = None
    candidate_names: Callable[[Any], Sequence[str]] = lambda problem: ()

    @property
    def kind(self) -> str:
        return self.exercise.KIND
