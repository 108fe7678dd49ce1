"""Exercise packs: YAML files of exercises, read safely and checked thoroughly.

A pack is metadata plus a list of exercises; each exercise names its kind and
the data that kind needs (see tutor/topics/). Loading reports every problem in
a file at once, each as `FILE:LINE:COL: exercise 'ID': message`. Parameters
(`params:`) are symbols substituted into the parsed data, drawn from a seed
that the pack, the exercise and a student id (or a number) fix, so a grader can
regenerate what each student saw.
"""

from __future__ import annotations

import difflib
import hashlib
import random
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

import sympy
import yaml
from sympy import Expr

from . import variant_check
from .builtin_packs import BUILT_IN, built_in_folder, built_in_path  # noqa: F401 (tutor.packs.built_in_folder)
from .calculus import order_variables
from .check import expected_answer, variables_of
from .compare import Tolerance
from .errors import TutorError, Where
from .limits import LIMITS, Limits
from .pack_schema import (
    COMMON_FIELDS,
    FIXED,
    PACK_FIELDS,
    PARAM_KEYS,
    PARAM_NAME,
    PARAM_NUMBER_TEXT,
    PARAM_RANGES,
    RESERVED_NAMES,
    prose_key,
    shown,
)
from .parse import CONSTANTS, FUNCTIONS, Answer, InputError, Shape, fraction, read, substituted, symbol
from .safe_read import FileRefused, YamlError, compose_yaml, read_file
from .show import show
from .templates import Placeholder, TemplateError, fill, in_braces, names_in, template
from .topics import KINDS, FieldError, FunctionProblem, Problem
from .topics.base import Field, expressions_in, no_value_part, not_real_part, substitute
from .topics.fields import ID_PATTERN, NUMERIC_READERS, READERS, ReadError, braces
from .topics.solution import places_asked
from .variant_check import UNKNOWN_NAME, Finding, Params, drawn, first_failing, refusing, text_named, with_draw
from .words import and_list, column_key, unseen

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from .steps import Step

_MAX_DRAWS = 1000  # attempts at parameters that meet `require` before giving up
_MAX_VARIANTS = 1024  # built variants kept per exercise
SELF_CHECK_VARIANTS = 20
_AUTHOR_LIMITS = Limits(max_length=100_000, max_depth=500)  # an author's answer is trusted text, as an expected one

_PACK_KEYS = {*PACK_FIELDS, "exercises"}


# --------------------------------------------------------------------- positions


class PackError(TutorError):
    """A pack that can't be used; `problems` holds every message, each with its position."""

    def __init__(self, problems: Sequence[str]):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class _Report:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[str] = []

    def add(self, node: yaml.Node | None, message: str, exercise: str | None = None) -> None:
        where = Where.of(self.file, node) if node is not None else f"{self.file}:1:1"
        prefix = f"exercise '{exercise}': " if exercise else ""
        self.problems.append(f"{where}: {prefix}{message}")


# -------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Param:
    """A parameter: one of `choices`, or a number from `low` to `high` (whole, or over one of the
    denominators), drawn without listing the range."""

    name: str
    choices: tuple[Expr, ...] = ()
    low: Fraction | None = None
    high: Fraction | None = None
    denominators: tuple[int, ...] | None = None  # None: whole numbers
    lesson: Expr | None = None  # the value in the worked example the exercise comes from

    def draw(self, rng: random.Random) -> Expr:
        if self.choices:
            return rng.choice(self.choices)
        assert self.low is not None and self.high is not None  # a range, when there are no choices
        if self.denominators is None:
            return sympy.Integer(rng.randint(int(self.low), int(self.high)))  # as choice() from the range would
        q = rng.choice(self.denominators)
        low, high = int(self.low * q), int(self.high * q)
        return sympy.Rational(rng.randint(min(low, high), max(low, high)), q)

    @property
    def negative(self) -> Expr | None:
        """A value below 0 it may be drawn, the nearest 0 of those, or -1 (or its low end) in a range; None where it
        is drawn from no value below 0."""
        if self.choices:
            return max((c for c in self.choices if c < 0), default=None)
        if self.low is None or self.low >= 0:
            return None
        return sympy.Integer(-1) if self.may_draw(sympy.Integer(-1)) else sympy.Rational(self.low)

    def may_draw(self, value: Expr) -> bool:
        """Whether `value` is one of those this parameter is drawn from."""
        if self.choices:
            return value in self.choices
        assert self.low is not None and self.high is not None
        number = fraction(value)
        whole = number.denominator == 1 if self.denominators is None else \
            any(d % number.denominator == 0 for d in self.denominators)
        return self.low <= number <= self.high and whole

    def __str__(self) -> str:
        if self.choices:
            return f"{self.name} in {{{', '.join(show(c) for c in self.choices)}}}"
        over = "" if self.denominators is None else f" with denominators {', '.join(map(str, self.denominators))}"
        return f"{self.name} from {self.low} to {self.high}{over}"


@dataclass(frozen=True)
class Condition:
    """`lhs OP rhs` over the parameters, as written after `require:`."""

    text: str
    lhs: Expr
    op: str
    rhs: Expr

    def holds(self, values: Mapping[sympy.Symbol, Expr]) -> bool:
        """Whether these values meet the condition. One that has no value for them (1/(a − p) at a = p, the
        square root of a negative number) is not met: those values are drawn again."""
        a, b = substituted(self.lhs, values), substituted(self.rhs, values)
        difference = sympy.nsimplify(a - b) if not (a - b).is_Rational else a - b
        number = difference.evalf(30)
        if not (number.is_Number and number.is_extended_real and number.is_finite):
            return False
        if self.op in ("!=", "≠"):
            return difference != 0
        if self.op == "==":
            return difference == 0
        sign = sympy.sign(difference.evalf(30))
        return {"<": sign < 0, "<=": sign <= 0, ">": sign > 0, ">=": sign >= 0}[self.op]


@dataclass(frozen=True)
class Either:
    """Comparisons joined by `or`, as written between two `and`s (or commas) of `require:`: one must hold."""

    text: str
    options: tuple[Condition, ...]

    def holds(self, values: Mapping[sympy.Symbol, Expr]) -> bool:
        return any(option.holds(values) for option in self.options)


_COMPARISON = re.compile(r"(!=|==|<=|>=|≠|<|>)")
_AND_WORD, _OR = re.compile(r"\band\b"), re.compile(r"\bor\b")
_AND = re.compile(rf"{_AND_WORD.pattern}|,")


def _read_condition(text: str, names: Sequence[str]) -> list[Either]:
    """`require:`'s conditions, each to hold: separated by `and` or commas, each of comparisons joined by
    `or`. `a > 0 or b > 0 and c > 0` is refused: read either way, someone would read it the other."""
    if _OR.search(text) and _AND_WORD.search(text):
        raise InputError(f"'{text.strip()}' mixes 'and' and 'or': separate the conditions that must all hold "
                         "with commas, like a > 0 or a < -1, b != 0")
    return [Either(part.strip(), tuple(_comparison(option, names) for option in _OR.split(part)))
            for part in _AND.split(text)]


def _comparison(text: str, names: Sequence[str]) -> Condition:
    pieces = _COMPARISON.split(text)
    if len(pieces) != 3:
        equals = " (equal is written ==)" if "=" in text and "==" not in text else ""
        raise InputError(f"'{text.strip()}' is not a condition like a != p{equals}")
    left, op, right = pieces
    return Condition(text.strip(), _of_parameters(left, names), op, _of_parameters(right, names))


def _of_parameters(text: str, names: Sequence[str]) -> Expr:
    """One side of a condition, made of the parameters: another name is said to be none of them (the
    reader would call the parameters variables)."""
    try:
        return cast(Expr, read(text, Shape.EXPRESSION, names).value)
    except InputError as error:
        unknown = re.match(r"\w+", text[error.column:]) if error.column is not None else None
        if error.note != UNKNOWN_NAME or unknown is None or unknown.group().lower() in map(str.lower, names):
            raise  # the reader's own sentence: names are case-sensitive, did you mean 'a'?
        raise InputError(f"unknown name '{unknown.group()}': a condition uses only the parameters "
                         f"({and_list(list(names))})", error.column, UNKNOWN_NAME) from None


# --------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class Mistake:
    """An author's anticipated wrong answer and what to tell a student who gives it."""

    answer: str | Answer  # as written; for one variant, read with its parameters' values
    feedback: str


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: its variants are cached on it
class ExerciseSpec:
    """An exercise as written in its pack: read and validated, parameters not yet drawn.

    Its variants are built once each (by their parameter values) and shared: building one (its
    expected answer) takes up to a tenth of a second, and many students draw the same values."""

    pack: str
    id: str
    kind: str
    where: Where
    data: Mapping[str, object]  # kind-specific values, parameters still as symbols
    title: str = ""
    tags: tuple[str, ...] = ()
    points: Fraction = Fraction(1)
    tolerance: Tolerance | None = None
    partial: bool = False
    params: tuple[Param, ...] = ()
    require: tuple[Either, ...] = ()
    answer: str | None = None
    mistakes: tuple[Mistake, ...] = ()
    hints: tuple[str, ...] | None = None  # None: the kind's own
    more_hints: tuple[str, ...] = ()
    positions: Mapping[str, Where] = field(default_factory=dict)  # where each key is written: for problems

    def position_of(self, key: str | None) -> Where:
        """Where a key is written; for the exercise as a whole (None), its parameters or else its start."""
        return self.positions.get(key or "params") or self.positions.get("params") or self.where

    def describe(self, finding: Finding) -> str:
        """A finding about this exercise as the author reads it: FILE:LINE:COL: exercise 'ID': ..."""
        return f"{self.position_of(finding.field)}: exercise '{self.id}': {finding.message}"

    @property
    def parameterised(self) -> bool:
        return bool(self.params)

    @property
    def lesson(self) -> Params | None:
        """The parameters' values in the worked example (`lesson:`), or None where they have none."""
        if not self.params or any(p.lesson is None for p in self.params):
            return None
        return tuple((p.name, cast(Expr, p.lesson)) for p in self.params)

    @property
    def per_student(self) -> bool:
        """Whether each student is given (and graded on) numbers of their own: parameters without
        lesson values. An exercise with lesson values gives everyone the lesson's numbers."""
        return self.parameterised and self.lesson is None

    def variant(self, key: object = None) -> Exercise:
        """The variant a student (`key`: their id, or a number) is given and graded on: the lesson's
        numbers where the parameters have lesson values, else numbers drawn for `key`."""
        lesson = self.lesson
        return self.with_values(lesson) if lesson is not None else self.drawn(key)

    def drawn(self, key: object) -> Exercise:
        """The exercise with its parameters drawn for `key` (a student id or a number), lesson values
        or not: practice variants, and what `--seed N` shows."""
        seed = variant_seed(self.pack, self.id, key) if self.params else None
        return self.with_values(self.drawn_values(key), seed)

    def drawn_values(self, key: object) -> Params:
        """The parameter values `drawn(key)` has, without building it."""
        if not self.params:
            return ()
        return tuple((s.name, v) for s, v in self.draw(variant_seed(self.pack, self.id, key)).items())

    def values(self, key: object) -> Params:
        """The parameter values `variant(key)` has, without building it."""
        return self.lesson if self.lesson is not None else self.drawn_values(key)

    def with_values(self, params: Params, seed: int | None = None) -> Exercise:
        """The variant with these parameter values (built once, then shared)."""
        built = _VARIANTS.setdefault(self, {})
        problem = built.get(params)
        if problem is None:
            values = {symbol(name): value for name, value in params}
            data = {name: substitute(value, values) for name, value in self.data.items()}
            fields = KINDS[self.kind].exercise.FIELDS
            if issubclass(KINDS[self.kind].exercise, FunctionProblem) and "variables" not in data:
                data |= self._written_variables(data)
            for name in data:
                if name in fields and shown(name, fields[name]):
                    data[name] = self.fill(cast(str, data[name]), params)
            problem = KINDS[self.kind].exercise.build({**data, "tolerance": self.tolerance, "parameters": values})
            if len(built) >= _MAX_VARIANTS:
                built.clear()  # simpler than least-recently-used, and rare
            built[params] = problem
        return Exercise(self, problem, seed, params)

    def _written_variables(self, data: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
        """The function's variables as the author wrote it, where a draw leaves some out: x² + a·y² is a
        function of x and y for every a, and at a = 0 its critical points are the line x = 0, not the
        point (0) of a function of x alone that no answer in (x, y) could match. Where a draw leaves
        none (a·x² at a = 0), the kind says it has no variables."""
        written, drawn_function = self.data.get("function"), data.get("function")
        if not (isinstance(written, Expr) and isinstance(drawn_function, Expr) and drawn_function.free_symbols):
            return {}
        names = {p.name for p in self.params}
        return {"variables": order_variables(s.name for s in written.free_symbols if s.name not in names)}

    def fill(self, text: str, params: Params, strict: bool = False) -> str:
        """An author's text with these parameter values in place of `{a}`, numbers shown as the pack writes
        them (0.5 where it writes decimals), the same in every text: a prompt, a hint, a mistake's feedback."""
        return fill(text, params, lambda value: show(value, decimals=bool(self.data.get("decimals"))), strict)

    def meets(self, values: Mapping[sympy.Symbol, Expr] | Params) -> bool:
        """Whether these parameter values (by symbol, or a variant's by name) meet every `require`."""
        by_symbol = {symbol(name): value for name, value in values} if isinstance(values, tuple) else values
        return all(condition.holds(by_symbol) for condition in self.require)

    def allows(self, params: Params) -> bool:
        """`meets`, False where a condition's numbers grow too large for these values (a draw says so)."""
        try:
            return self.meets(params)
        except InputError:
            return False

    def draw(self, seed: int) -> dict[sympy.Symbol, Expr]:
        rng = random.Random(seed)
        for _ in range(_MAX_DRAWS):
            values = {symbol(p.name): p.draw(rng) for p in self.params}
            try:
                if self.meets(values):
                    return values
            except InputError as error:  # a condition whose numbers grow too large for these values
                params = tuple((s.name, value) for s, value in values.items())
                raise FieldError("require", with_draw(self, params, error.message)) from None
        conditions = ", ".join(c.text for c in self.require)
        count = variant_check.combinations(self)
        if count is not None and count <= variant_check.EVERY_DRAW:  # said exactly, not as bad luck (h63, F6)
            meeting = sum(1 for params in variant_check.every_draw(self) if self.allows(params))
            found = "none" if not meeting else f"only {meeting}"
            raise FieldError("require", f"{found} of the {count:,} combinations of the parameters' values "
                                        f"{'meets' if meeting < 2 else 'meet'} 'require: {conditions}'; widen the "
                                        "ranges or relax the condition")
        raise FieldError("require", f"no parameters meet 'require: {conditions}' in {_MAX_DRAWS} draws; "
                                    "widen the ranges or relax the condition")


# each exercise's built variants (its Problem), by parameter values; gone with the exercise
_VARIANTS: weakref.WeakKeyDictionary[ExerciseSpec, dict[tuple, Problem]] = weakref.WeakKeyDictionary()


def same_id(text: str) -> str:
    """A student id as compared: in Unicode's NFC form, so that `rené` from a web form (é) and from a
    file named on a Mac (e and a combining accent), which no one can tell apart, are one student."""
    return unicodedata.normalize("NFC", text)


def variant_seed(pack: str, exercise: str, key: object) -> int:
    """A stable seed for (pack, exercise, student or number): the same on every machine."""
    if isinstance(key, str):  # the id picks the variant: `rené` in either form gets one
        key = same_id(key)
    text = f"{pack}/{exercise}/{'' if key is None else key}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


@dataclass(frozen=True)
class Exercise:
    """One variant of an exercise: what a student sees and is graded against."""

    spec: ExerciseSpec
    problem: Problem
    seed: int | None
    params: Params = ()

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def title(self) -> str:
        """The exercise's title with this variant's numbers in place of `{a}`."""
        return self.fill(self.spec.title)

    def fill(self, text: str, strict: bool = False) -> str:
        """An author's text (title, hint, feedback) with this variant's numbers in place of `{a}`, shown as
        the exercise shows its numbers. A placeholder without a value for them (validation reports it)
        is left as written, or with `strict` a TemplateError."""
        return self.spec.fill(text, self.params, strict)

    @property
    def is_lesson(self) -> bool:
        """Whether these are the worked example's own numbers (an exercise without parameters too)."""
        return not self.params or self.params == self.spec.lesson

    @property
    def tolerance(self) -> Tolerance | None:
        return self.spec.tolerance

    def prompt(self, latex: bool = False) -> str:
        return self.problem.prompt(latex=latex)

    def expected(self) -> Answer:
        return self.problem.expected()

    @cached_property  # read once: preparing a variant's candidates and naming an answer's mistake both ask
    def mistakes(self) -> tuple[Mistake, ...]:
        """The author's mistakes for this variant: each read, and its feedback filled, with the parameters'
        values (one that can't be is left out here; validation reports it)."""
        found = []
        for mistake in self.spec.mistakes:
            try:
                answer = self.author_text(mistake.answer) if self.params else mistake.answer
                found.append(Mistake(answer, self.fill(mistake.feedback)))
            except TutorError:
                continue
        return tuple(found)

    def author_text(self, text: str | Answer) -> Answer:
        """An answer written in the pack (`answer:`, a mistake) for this variant: read in the exercise's
        shape, its parameters replaced by their values. InputError for a name that is neither a
        variable nor a parameter."""
        if isinstance(text, Answer):
            return text  # read already
        problem = self.problem
        parameters = tuple(name for name, _ in self.params)
        try:  # as the exercise reads a student's answer (a word per rate, m = .., b = .., a lone minimum)
            answer = problem.read(text, _AUTHOR_LIMITS, parameters)
        except InputError as error:
            if error.note == UNKNOWN_NAME:
                names = (*problem.answer_variables, *parameters)
                try:
                    unknown = sorted(set(variables_of(expected_answer(text, None, names))) - set(names))
                except InputError:
                    unknown = []
                if unknown:  # the parser would list the parameters among the variables
                    raise InputError(f"unknown name '{unknown[0]}' (it is neither a variable nor a parameter)",
                                     None, UNKNOWN_NAME) from None
            raise
        values = {symbol(name): value for name, value in self.params}
        value = substitute(answer.value, values)
        if any(e.has(sympy.zoo, sympy.nan, sympy.I) for e in expressions_in(value)):
            # what these values leave without a real value, said as written: sympy's I and zoo read back were
            # "unknown name 'zoo'" (outside check h64, F8); looked for only then, as every variant reads its mistakes
            if (undefined := no_value_part(answer.value, values)) is not None:
                raise InputError(f"{show(undefined)} has no value", None, "no_value")
            if (unreal := not_real_part(answer.value, values)) is not None:
                raise InputError(f"{show(unreal)} is not a real number", None, "no_value")
        return Answer(answer.shape, value)

    def author_answer(self, text: str) -> str:
        """The author's `answer:` as a student would type it for this variant: as written where it
        uses no parameter (the lesson's "0.1447" stays a decimal), else with their values."""
        try:
            self.problem.read(text)  # it reads as a student's answer would: it names no parameter
            return text
        except InputError:
            return show(self.author_text(text).value, self.problem.variables)

    def steps(self) -> Step | None:
        with places_asked(self.tolerance.places if self.tolerance is not None else None):
            steps = self.problem.steps()
        if steps is None:
            return None
        # the steps call the function what the prompt does (∇T for the pack's T), and where the pack wrote
        # its numbers as decimals (rate: 0.05, or a parameter's values), they show them so
        name = self.problem.name if isinstance(self.problem, FunctionProblem) else "f"
        notation: tuple[tuple[str, object], ...] = (("function", name),) if name != "f" else ()
        notation += (("decimals", True),) if self.problem.decimals else ()
        return replace(steps, context=(*steps.context, *notation)) if notation else steps

    def hints(self) -> tuple[str, ...]:
        """The pack's `hints:` or else the kind's own, then its `more_hints:`, with this variant's numbers."""
        spec = self.spec
        if spec.hints is None:
            with places_asked(self.tolerance.places if self.tolerance is not None else None):  # as the steps say
                own = self.problem.hints()
        else:
            own = tuple(self.fill(h) for h in spec.hints)
        return (*own, *(self.fill(h) for h in spec.more_hints))


# ------------------------------------------------------------------------- packs


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    description: str
    source: str  # a path, or "built-in:NAME"
    exercises: tuple[ExerciseSpec, ...]
    tags: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # what validation warns of, which stops nothing (`escaped_letters`)

    def exercise(self, exercise_id: str) -> ExerciseSpec:
        for spec in self.exercises:
            if spec.id == exercise_id:
                return spec
        ids = {e.id.casefold(): e.id for e in self.exercises}  # CUBE, Partial-X: case is no clue
        close = difflib.get_close_matches(exercise_id.casefold(), list(ids), n=1)
        hint = f"; did you mean '{ids[close[0]]}'?" if close else ""
        raise KeyError(f"pack '{self.id}' has no exercise '{exercise_id}'{hint}")

    @property
    def built_in(self) -> bool:
        """Whether it is a built-in pack, whose exercises the test suite verifies."""
        return self.source.startswith("built-in:")

    def tags_in_order(self) -> list[str]:
        """The skills, in the order the pack first practises them (the lesson's order, for a lesson)."""
        return list(dict.fromkeys(t for e in self.exercises for t in e.tags))

    def with_tag(self, tag: str) -> tuple[ExerciseSpec, ...]:
        return tuple(e for e in self.exercises if tag in e.tags)


def load(name_or_path: str | Path, limits: Limits = LIMITS, verify: bool = True, only: str | None = None,
         when_set: bool = False) -> Pack:
    """A built-in pack by id (`gradients`), or a pack file by path.

    `verify=False` skips computing each exercise's answer on loading (the kinds' own checks) for a
    built-in pack, where start-up time matters: the test suite verifies those. A pack file is
    verified, unless `when_set`: then the caller checks each exercise as loading would (`refusing`)
    when it sets it, as practice does (a student needs the first exercise, not all of them: 40
    descents took 5 s to verify before the first prompt). `only` names the one exercise a command is
    about (`check --exercise`, `pack show PACK ID`): its answer alone is computed, as another's may
    take the solvers long to find, or refuse. The whole file's structure is checked all the same."""
    content, source, folder = _pack_text(name_or_path, limits)
    if not source.startswith("built-in:"):
        return load_text(content, source, folder, limits, not when_set, only)
    pack = _BUILT_IN_READ.get((content, limits))
    if pack is None:
        pack = _BUILT_IN_READ[content, limits] = load_text(content, source, folder, limits, verify=False)
    if verify and not when_set and (content, limits, only) not in _VERIFIED_BUILT_IN:
        problems = [spec.describe(finding) for spec in pack.exercises if only in (None, spec.id)
                    for finding in refusing(spec)]
        if problems:
            raise PackError(problems)
        _VERIFIED_BUILT_IN.add((content, limits, only))  # the same text computes the same answers
    return pack


# The built-in packs this process has read, by text and limits: one Pack each, which a command, a test, a notebook
# loading the lesson again gets back (reading it took 60 ms; with a new Pack, every variant was built again too).
_BUILT_IN_READ: dict[tuple[str, Limits], Pack] = {}
# and the texts it has verified (with the limits and the one exercise asked for), which loading again only reads
_VERIFIED_BUILT_IN: set[tuple[str, Limits, str | None]] = set()


def check(name_or_path: str | Path, draws: int = SELF_CHECK_VARIANTS,
          limits: Limits = LIMITS) -> tuple[Pack, list[str]]:
    """Every problem of a pack in one run, in the order of the file: its structure, then each
    exercise whose structure is sound checked on its variants (the first variant and `draws` more, as
    `self_check`), the others skipped; and the pack of those. PackError only for a file that can't be
    read as YAML at all."""
    content, source, folder = _pack_text(name_or_path, limits)
    pack, problems = _read(content, source, folder, limits, verify=False)
    return pack, sorted(problems + self_check(pack, draws), key=_position)


def _built_in_id_taken(pack_id: str, source: str) -> str | None:
    """The built-in pack whose id a pack file other than its own takes, or None. Compared stripped and
    regardless of case and width, as a reader does: `Gradients`, `gradients ` and a full-width `ｇradients`
    are the lesson's id to the student the welcome-back line names it to (finding 810)."""
    folded = unicodedata.normalize("NFKC", pack_id).strip().casefold()
    taken = next((b for b in BUILT_IN if b.casefold() == folded), None)
    if taken is None or source.startswith("built-in:") or Path(source).resolve() == built_in_path(taken).resolve():
        return None
    return taken


def _pack_text(name_or_path: str | Path, limits: Limits) -> tuple[str, str, Path]:
    """A pack's text, its name in messages and its folder (for CSV files beside it)."""
    text = str(name_or_path)
    if text in BUILT_IN and not Path(text).is_file():
        path = built_in_path(text)
        return path.read_text(encoding="utf-8"), f"built-in:{text}", path.parent
    path = Path(text)
    try:
        data = read_file(path, limits.max_pack_bytes)
        content = data.decode("utf-8")
    except FileNotFoundError:
        known = ", ".join(BUILT_IN)
        raise PackError([f"{text}: no such pack file (built-in packs: {known})"]) from None
    except FileRefused as refused:
        raise PackError([f"{text}: not read: {refused}"]) from None
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line, column = before.count(b"\n") + 1, error.start - (before.rfind(b"\n") + 1) + 1  # column in bytes
        raise PackError([f"{text}:{line}:{column}: not UTF-8 text; save the file as UTF-8"]) from None
    except OSError as error:
        raise PackError([f"{text}: can't read it ({error.strerror})"]) from None
    return content, str(path), path.parent


def load_text(text: str, source: str, folder: Path, limits: Limits = LIMITS, verify: bool = True,
              only: str | None = None) -> Pack:
    pack, problems = _read(text, source, folder, limits, verify, only)
    if problems:
        raise PackError(problems)
    return pack


_MERGE = "tag:yaml.org,2002:merge"  # the tag YAML gives '<<', which the author never writes


def _read(text: str, source: str, folder: Path, limits: Limits, verify: bool,
          only: str | None = None) -> tuple[Pack, list[str]]:
    """The pack of the exercises that read well, and every problem found (with `verify`, those of each
    exercise's first variant too, or of exercise `only`'s alone), in the order of the file. PackError
    where nothing can be read."""
    report = _Report(source)
    try:
        composed = compose_yaml(text, limits.max_yaml_values, limits.max_yaml_depth, prose_key)
    except YamlError as error:
        where = f"{source}:{error.line}:{error.column}" if error.line else source
        raise PackError([f"{where}: {error.message}"]) from None
    if composed.tagged:  # nothing of a file with such tags is read further
        raise PackError([f"{Where.of(source, n)}: " + ("'<<' (a YAML merge key) is not allowed in a pack; write "
                                                        "the keys out in full" if n.tag == _MERGE else
                                                        f"YAML tags like {n.tag} are not allowed")
                         for n in composed.tagged])
    root = composed.root
    if root is None:  # nothing but spaces and comments
        raise PackError([f"{source}:1:1: the file is empty; a pack is a mapping with 'pack' and 'exercises' (and "
                         "optionally 'title')"])
    if not isinstance(root, yaml.MappingNode):
        raise PackError([f"{source}:1:1: a pack is a mapping with 'pack' and 'exercises' (and optionally 'title')"])
    top = _mapping(root, report, None, _PACK_KEYS, "pack")
    pack_id = _text(top.get("pack"), report, None, "pack") if "pack" in top else None
    if pack_id is None:
        report.add(root, "the pack needs an id: 'pack: my-pack'")
        pack_id = "?"
    elif taken := _built_in_id_taken(pack_id, source):  # progress is kept by pack id: it would mix with the built-in's
        reads = "is" if taken == pack_id else f"reads as '{taken}',"
        report.add(top["pack"], f"'{pack_id}' {reads} the id of a built-in pack; give this pack an id of its own, "
                                f"such as '{taken}-2', or its students' progress mixes with the built-in pack's")
    title = _text(top["title"], report, None, "title") if "title" in top else pack_id
    description = _text(top["description"], report, None, "description") if "description" in top else ""
    exercises: list[ExerciseSpec] = []
    listing = top.get("exercises")
    if not isinstance(listing, yaml.SequenceNode) or not listing.value:
        report.add(listing or root, "the pack needs a non-empty list under 'exercises'")
    elif len(listing.value) > limits.max_exercises:
        report.add(listing, f"a pack has at most {limits.max_exercises} exercises, not {len(listing.value)}; "
                            "split it into several packs")
    else:
        seen: dict[str, tuple[str, int]] = {}  # by the id as its gradebook column is compared: PX and px are one
        for node in listing.value:
            exercise_id = _id_of(node)
            if exercise_id is not None and (first := seen.get(column_key(exercise_id))) is not None:
                earlier, line = first
                report.add(node, f"duplicate id (first used at line {line})" if earlier == exercise_id else
                           f"the id '{exercise_id}' is '{earlier}' (line {line}) written otherwise: ids are compared "
                           "without case, '_' and '-' as spaces, as a gradebook's columns are; rename one", exercise_id)
                _exercise(node, report, pack_id or "?", folder, False)  # its own problems too; it is not added
                continue
            if exercise_id is not None:
                seen[column_key(exercise_id)] = exercise_id, node.start_mark.line + 1
            spec = _exercise(node, report, pack_id or "?", folder, verify and only in (None, exercise_id))
            if spec is not None:
                exercises.append(spec)
    _refuse_unseen(root, report, {problem.split(": ", 1)[0] for problem in report.problems})
    pack = Pack(pack_id, title or pack_id, description or "", source, tuple(exercises),
                tuple(sorted({t for e in exercises for t in e.tags})), tuple(escaped_letters(root, text, source)))
    return pack, sorted(report.problems, key=_position)


# the character a double-quoted YAML value makes of a backslash and a letter, and what it is to a reader
_ESCAPES = {"\n": ("n", "a line break"), "\t": ("t", "a tab"), "\r": ("r", "a line break"),
            "\x07": ("a", "an invisible character"), "\x08": ("b", "an invisible character"),
            "\x0b": ("v", "an invisible character"), "\x0c": ("f", "an invisible character"),
            "\x1b": ("e", "an invisible character"), "\x85": ("N", "a line break"),
            "\u2028": ("L", "a line break"), "\u2029": ("P", "a line break")}
_ESCAPED_WORD = re.compile("([" + "".join(_ESCAPES) + "])([A-Za-z]+)")


def escaped_letters(root: yaml.Node, text: str, file: str) -> list[str]:
    r"""Where a double-quoted value holds an escape followed by letters, as written: LaTeX (\nabla, \theta,
    \frac) that YAML reads as a line break and 'abla', a tab and 'heta'. Valid YAML, and perhaps meant, so
    validation warns of it and stops nothing; a backslash YAML knows no escape for is refused (yaml_errors)."""
    report, lines = _Report(file), text.splitlines()

    def visit(node: yaml.Node, key: str, exercise: str | None) -> None:
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item, key, _id_of(item) if key == "exercises" else exercise)
        elif isinstance(node, yaml.MappingNode):
            for name, value in node.value:
                visit(value, str(getattr(name, "value", key)), exercise)
        elif isinstance(node, yaml.ScalarNode) and node.style == '"':
            written = "\n".join(lines[node.start_mark.line:node.end_mark.line + 1])
            for found in _ESCAPED_WORD.finditer(str(node.value)):
                letter, meaning = _ESCAPES[found[1]]
                escape = f"\\{letter}{found[2]}"
                # a line break is also what a blank line makes in a value written on several lines
                if re.search(r"(?<!\\)(?:\\\\)*" + re.escape(escape), written):
                    report.add(node, f"'{key}': '{escape}' in double quotes is {meaning} and '{found[2]}' to YAML; "
                                     f"for a backslash, as in LaTeX, put the value in single quotes, or write "
                                     f"'\\{escape}'", exercise)

    visit(root, "pack", None)
    return report.problems


def _refuse_unseen(node: yaml.Node, report: _Report, refused: set[str]) -> None:
    """Each value of the pack holding such a character (a double-quoted "\\e[2J" makes one) refused, where it is:
    a student's terminal would act on it, and a pack file is text from anyone. Not again where a value is
    already refused (an expression's reader names the character itself)."""
    for scalar in _scalar_nodes(node, keys=True):
        found = unseen(str(scalar.value), "a pack")
        if found and str(Where.of(report.file, scalar)) not in refused:
            report.add(scalar, found)


# ---------------------------------------------------------------- reading nodes


def _position(problem: str) -> tuple:
    """Sort key for 'FILE:LINE:COL: message': in the order of the file."""
    parts = problem.split(":", 3)
    try:
        return (int(parts[1]), int(parts[2]))
    except (IndexError, ValueError):
        return (0, 0)


def _id_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            # an id is the text it is written as (5 is '5'), but null is no id: an editor's schema says so too
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode) \
                    and value.tag != "tag:yaml.org,2002:null":
                return str(value.value)
    return None


def _id_refused(written: str) -> str:
    """What is wrong in an id (ID_PATTERN), where, and an id like it that is allowed: 'dérivée' is 'derivee'."""
    rule = "ids use A-Z, a-z, 0-9, '-', '_' and '.'"
    ascii_ = unicodedata.normalize("NFKD", written).encode("ascii", "ignore").decode()
    like = re.sub(r"^[^A-Za-z0-9]+", "", re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_))
    fix = f", like '{like}'" if like and like != written else ""
    if not written:
        return f"an id can't be empty: {rule}, and start with a letter or digit"
    at = next((i for i, char in enumerate(written) if not re.fullmatch(r"[A-Za-z0-9_.-]", char)), None)
    if at is None:  # each character is allowed, the first is not a letter or digit
        return f"an id starts with a letter or digit, not '{written[0]}'{fix}"
    char = written[at]
    what = "a space" if char == " " else f"'{char}' (U+{ord(char):04X})" if not char.isprintable() else f"'{char}'"
    return f"{what}, character {at + 1} of the id, is not allowed: {rule}{fix}"


def _mapping(node: yaml.Node, report: _Report, exercise: str | None, allowed: set[str] | Mapping,
             what: str, renamed: Mapping[str, str] | None = None,
             elsewhere: Mapping[str, str] | None = None) -> dict[str, yaml.Node]:
    """The mapping's keys and values; an unknown key is reported with the known one it is closest to,
    or with its new name (`renamed`: old -> new), or as what it is where it is known elsewhere (`elsewhere`:
    key -> why)."""
    if not isinstance(node, yaml.MappingNode):
        report.add(node, f"{what} must be a mapping of keys to values", exercise)
        return {}
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name is None or name not in allowed:
            close = difflib.get_close_matches(str(name), list(allowed), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            if renamed and str(name) in renamed:
                hint = f"; it is called '{renamed[str(name)]}' now"
            elif elsewhere and str(name) in elsewhere:
                hint = elsewhere[str(name)]
            report.add(key, f"unknown key '{name}'{hint}", exercise)
            continue
        if name in out:
            report.add(key, f"'{name}' is given twice", exercise)
            continue
        out[name] = value
    return out


@cache  # once a kind, not once an exercise loaded
def _keys_elsewhere(kind: str) -> dict[str, str]:
    """For each key of other kinds that this one lacks, what it is: `at` on a least_squares exercise was told
    "did you mean 'data'?" (outside check h63, F3)."""
    own = KINDS[kind].exercise.FIELDS
    owners: dict[str, list[str]] = {}
    for other, topic in sorted(KINDS.items()):
        for key in topic.exercise.FIELDS:
            if key not in own and key not in COMMON_FIELDS:
                owners.setdefault(key, []).append(other)
    return {key: f": {kind} has no '{key}', which is a key of {_some_kinds(kinds)}" for key, kinds in owners.items()}


def _some_kinds(kinds: list[str]) -> str:
    return and_list(kinds) if len(kinds) <= 3 else f"{', '.join(kinds[:3])} and {len(kinds) - 3} more kinds"


def _text(node: yaml.Node, report: _Report, exercise: str | None, what: str) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return str(node.value)
    report.add(node, _single(what, node), exercise)
    return None


def _single(key: str, node: yaml.Node) -> str:
    """Why a key's value is not a text, said of the key: what was written instead (a list, nothing), or
    why YAML read it as a mapping."""
    written = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping" if isinstance(node, yaml.MappingNode) \
        else "empty"
    return f"'{key}' must be a single text" + (braces(node) or f", not {written}")


def _exercise(node: yaml.Node, report: _Report, pack: str, folder: Path, verify: bool = True) -> ExerciseSpec | None:
    if not isinstance(node, yaml.MappingNode):
        report.add(node, "each exercise is a mapping with 'id' and 'kind'")
        return None
    before = len(report.problems)
    exercise_id = _id_of(node)
    if exercise_id is None:
        report.add(node, "the exercise needs an 'id'")
        exercise_id = "?"
    elif not re.fullmatch(ID_PATTERN, exercise_id):
        report.add(node, _id_refused(exercise_id), exercise_id)
    problem_class = _kind(node, report, exercise_id)
    if problem_class is None:
        return None
    renamed = {f.formerly: key for key, f in problem_class.FIELDS.items() if f.formerly}
    nodes = _mapping(node, report, exercise_id, {**COMMON_FIELDS, **problem_class.FIELDS}, "an exercise", renamed,
                     _keys_elsewhere(problem_class.KIND))
    for old, new in renamed.items():  # an old name that is a common key now means only that key
        if old in COMMON_FIELDS and old in nodes and not _is_number(nodes[old]):
            report.add(nodes.pop(old), f"'{old}' is {COMMON_FIELDS[old].help}; give this as '{new}' "
                                       f"({problem_class.FIELDS[new].help})", exercise_id)
    fields = {k: v for k, v in nodes.items() if k in problem_class.FIELDS}
    given = {getattr(key, "value", None) for key, _ in node.value}
    for name, field_ in problem_class.FIELDS.items():
        if field_.required and name not in fields and field_.formerly not in given:  # else its old name is reported
            report.add(node, f"missing '{name}' ({field_.help})", exercise_id)
    variables_node, function_node = fields.get("variables"), fields.get("function")
    variables = ({str(v.value): _A_VARIABLE for v in variables_node.value}
                 if isinstance(variables_node, yaml.SequenceNode) else _usual_variables(function_node)
                 if issubclass(problem_class, FunctionProblem) else {})
    params = _params(nodes.get("params"), report, exercise_id, variables)
    param_names = [p.name for p in params]
    numeric = [value for name, value in fields.items() if problem_class.FIELDS[name].reader in NUMERIC_READERS]
    # a parameter written as a decimal (rate: r, r: {choice: [0.05, 0.1]}) is shown as one too: α = 0.05, not 1/20
    param_nodes = [nodes["params"]] if "params" in nodes else []
    written = [*numeric, *param_nodes]
    data: dict[str, object] = {"decimals": any(_has_decimal(value) for value in written)}
    if "function" in fields and not _has_decimal(fields["function"]):  # x^2/10 is shown x²/10, not 0.1x²
        data["fractions"] = True
    if "expected" in fields:  # an author's own answer is shown as written: 0.5, a parameter's 0.5, or 1/10
        data["expected_decimals"] = _has_decimal(fields["expected"], scientific=True) or \
            any(_has_decimal(value) for value in param_nodes)
    for name, value in fields.items():
        try:
            data[name] = _read_field(problem_class.FIELDS[name], value, param_names, folder)
        except ReadError as error:
            report.add(error.node or value, _of_key(name, error.message, node=error.node), exercise_id)
        except InputError as error:
            hint = in_braces(str(value.value), param_names) if isinstance(value, yaml.ScalarNode) else ""
            report.add(value, f"'{name}' can't be read: {error.message}{hint}", exercise_id)
    require = _require(nodes.get("require"), param_names, report, exercise_id)
    lesson = {symbol(p.name): p.lesson for p in params if p.lesson is not None}
    if require and params and len(lesson) == len(params):
        try:
            broken = [c.text for c in require if not c.holds(lesson)]
        except InputError:
            broken = []  # numbers too large: the draws report it
        if broken:
            report.add(nodes["require"], f"the lesson's values ({drawn(tuple((p.name, p.lesson) for p in params))}) do "
                                         f"not meet 'require: {', '.join(broken)}'; every student would get them",
                       exercise_id)
    common = _common({k: v for k, v in nodes.items() if k in COMMON_FIELDS}, report, exercise_id, param_names)
    prose = [key for key, field_ in problem_class.FIELDS.items() if shown(key, field_)]
    _check_templates(nodes, ["title", "hints", "more_hints", *prose], param_names, report, exercise_id)
    unused = _unused(param_names, data, node)  # said last: the draws' own problems come in the same run
    if len(report.problems) > before:
        _say_unused(unused, nodes, report, exercise_id)
        return None
    positions = {key: Where.of(report.file, value) for key, value in nodes.items()}
    positions.update(_mistake_positions(nodes.get("mistakes"), report.file))
    spec = ExerciseSpec(pack, exercise_id, problem_class.KIND, Where.of(report.file, node), data,
                        params=params, require=require, positions=positions, **common)
    if verify:  # the kind's own checks, on the first variant: the data makes sense and the answer computes
        report.problems += [spec.describe(finding) for finding in refusing(spec)]
    _say_unused(unused, nodes, report, exercise_id)
    return spec


def _say_unused(unused: Sequence[str], nodes: Mapping[str, yaml.Node], report: _Report, exercise: str) -> None:
    for name in unused:  # a misspelt use of it is a variable: f(x, y, b) for a
        report.add(nodes["params"], f"parameter '{name}' is used nowhere in the exercise: where it is meant to be "
                                    "used, check its spelling", exercise)


def _unused(params: Sequence[str], data: Mapping[str, object], exercise: yaml.MappingNode) -> list[str]:
    """The parameters that neither the exercise's data as read (the function's symbols) nor any of its texts as
    written (`{a}` in a hint, a mistake's answer) name; `require` alone is no use. A text under an unknown key
    counts: `functon: a x^p` is reported as the misspelt key it is, not as its parameters unused too (outside
    check h56, N5)."""
    used: set[str] = set()

    def visit(value: object) -> None:
        if isinstance(value, sympy.Basic):
            used.update(str(s) for s in value.free_symbols)
        elif isinstance(value, Mapping):
            for item in value.values():
                visit(item)
        elif isinstance(value, (tuple, list, set, frozenset)):
            for item in value:
                visit(item)
        else:  # an answer, a table, a region: named in their text, at worst too generously
            used.update(names_in(repr(value), params))

    visit(data)
    for key, node in exercise.value:
        if getattr(key, "value", None) not in ("params", "require"):
            # a mapping's keys too: `function: {a}`, a braced parameter YAML read as one, is told so, not also unused
            used.update(name for text in _scalars(node, keys=True) for name in names_in(text, params))
    return [name for name in params if name not in used]


def _scalars(node: yaml.Node, keys: bool = False) -> Iterator[str]:
    return (str(scalar.value) for scalar in _scalar_nodes(node, keys))


def _scalar_nodes(node: yaml.Node, keys: bool = False) -> Iterator[yaml.ScalarNode]:
    """The scalars under `node`, in the order of the file: the values, and with `keys` the mappings' keys too."""
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalar_nodes(item, keys)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if keys:
                yield from _scalar_nodes(key, keys)
            yield from _scalar_nodes(value, keys)


def _check_templates(nodes: dict[str, yaml.Node], keys: Sequence[str], params: Sequence[str], report: _Report,
                     exercise: str) -> None:
    """Each `{a}` in the author's texts shows a parameter, or arithmetic on them."""
    texts = [(key, item) for key in keys if key in nodes
             for item in (nodes[key].value if isinstance(nodes[key], yaml.SequenceNode) else [nodes[key]])]
    if isinstance(nodes.get("mistakes"), yaml.SequenceNode):
        texts += [("feedback", value) for item in nodes["mistakes"].value if isinstance(item, yaml.MappingNode)
                  for key, value in item.value if getattr(key, "value", None) == "feedback"]
    for key, node in texts:
        if isinstance(node, yaml.ScalarNode):
            try:
                template(str(node.value), tuple(params))
            except TemplateError as error:
                report.add(node, f"'{key}': {error.message}", exercise)


def _kind(node: yaml.MappingNode, report: _Report, exercise_id: str) -> type[Problem] | None:
    kind_node = next((v for k, v in node.value if getattr(k, "value", None) == "kind"), None)
    kind = kind_node.value if isinstance(kind_node, yaml.ScalarNode) else None
    if kind is None:
        near = next((k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and _means_kind(str(k.value))),
                    None)  # Kind, knd, type: said where it is written
        hint = f"; did you mean 'kind' for '{near.value}'?" if near is not None else ""
        report.add(near or node, "the exercise needs a 'kind' (" + ", ".join(sorted(KINDS)) + ")" + hint, exercise_id)
        return None
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, list(KINDS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (kinds: {', '.join(sorted(KINDS))})"
        report.add(kind_node, f"unknown kind '{kind}'{hint}", exercise_id)
        return None
    return KINDS[kind].exercise


def _means_kind(key: str) -> bool:
    close = difflib.get_close_matches(key, ["kind"], cutoff=0.75)
    return key != "kind" and (key.lower() in ("kind", "type") or bool(close))


def _require(node: yaml.Node | None, names: Sequence[str], report: _Report,
             exercise_id: str) -> tuple[Either, ...]:
    if node is None:
        return ()
    text = _text(node, report, exercise_id, "require")
    if text is None:
        return ()
    try:
        return tuple(_read_condition(text, names))
    except InputError as error:
        report.add(node, f"'require' can't be read: {error.message}", exercise_id)
        return ()


def _has_decimal(node: yaml.Node, scientific: bool = False) -> bool:
    """Whether the author wrote a number with a decimal point here (0.05), to show it that way;
    `scientific`: or in scientific notation (3e-8), which is a decimal too, never 3/100000000."""
    if isinstance(node, yaml.ScalarNode):
        text = str(node.value)
        return re.search(r"(^|[^0-9A-Za-z_])[0-9]*\.[0-9]", text) is not None or \
            scientific and _SCIENTIFIC.search(text) is not None
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for _, v in node.value] \
        if isinstance(node, yaml.MappingNode) else []
    return any(_has_decimal(child, scientific) for child in children)


# a number as the grammar reads one in scientific notation (tutor.parse): 3e-8, 2.5E7; not 2e^x or 1e12x
_SCIENTIFIC = re.compile(r"(^|[^0-9A-Za-z_.])([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+(?![0-9A-Za-z(])")


def _is_number(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and re.fullmatch(r"\s*[0-9./]+\s*", str(node.value)) is not None


def _read_field(field: Field, node: yaml.Node, params: Sequence[str], folder: Path) -> object:
    read = READERS[field.reader].read
    assert read is not None, field  # the loader's own (params, mistakes ...) are not read through here
    return read(node, params, folder)


def _common(nodes: dict[str, yaml.Node], report: _Report, exercise: str, params: Sequence[str] = ()) -> dict:
    """The keys every exercise takes, each read as COMMON_FIELDS declares (id and kind are read apart)."""
    out: dict = {}
    for key, node in nodes.items():
        field_ = COMMON_FIELDS[key]
        try:
            if field_.reader == "mistakes":
                out[key] = _mistakes(node, report, exercise)
            elif READERS[field_.reader].read is not None:
                out[key] = _read_field(field_, node, (), Path())
        except ReadError as error:
            used = _parameters_in(node, params) if key in FIXED else []
            if used:
                report.add(node, f"'{key}' can't use the parameters ({and_list(used)}): it is the same for every "
                                 f"student, {FIXED[key]}", exercise)
            else:
                report.add(error.node or node, _of_key(key, error.message, always=True, node=error.node), exercise)
    return out


def _parameters_in(node: yaml.Node, params: Sequence[str]) -> list[str]:
    """The parameters a value names (`points: k`, `tolerance: dp:k`), each a name on its own."""
    return names_in(str(node.value), params) if isinstance(node, yaml.ScalarNode) else []


def _of_key(key: str, message: str, always: bool = False, node: yaml.Node | None = None) -> str:
    """A reader's "must be ..." said of the key it reads ('iterations' must be ...): the reader knows
    no key's name. Other messages name what they are about already, unless `always`; a text written as a
    list or a mapping (`node`) is said of its key too, with what it is."""
    if message.startswith("text must be a single value") and node is not None:
        return _single(key, node)
    if message.startswith("must "):
        return f"'{key}' {message}"
    return f"'{key}': {message}" if always else message


def _mistakes(node: yaml.Node, report: _Report, exercise: str) -> tuple[Mistake, ...]:
    if not isinstance(node, yaml.SequenceNode):
        report.add(node, "'mistakes' must be a list of {answer: ..., feedback: ...}", exercise)
        return ()
    found = []
    for item in node.value:
        fields = _mapping(item, report, exercise, {"answer": "", "feedback": ""}, "a mistake")
        if set(fields) != {"answer", "feedback"}:
            if isinstance(item, yaml.MappingNode):
                report.add(item, "a mistake needs both 'answer' and 'feedback'", exercise)
            continue
        answer = _text(fields["answer"], report, exercise, "answer")
        feedback = _text(fields["feedback"], report, exercise, "feedback")
        if answer is not None and feedback is not None:
            found.append(Mistake(answer, feedback))
    return tuple(found)


def _mistake_positions(node: yaml.Node | None, file: str) -> dict[str, Where]:
    """Where each mistake's answer is written ("mistakes[0]" ...): a problem with one is reported on its
    own line. Only a pack whose mistakes all read gets here, so the n-th item is the n-th Mistake."""
    if not isinstance(node, yaml.SequenceNode):
        return {}
    return {f"mistakes[{i}]": Where.of(file, answer)
            for i, item in enumerate(node.value) if isinstance(item, yaml.MappingNode)
            for key, answer in item.value if key.value == "answer"}


def _params(node: yaml.Node | None, report: _Report, exercise: str, variables: Mapping[str, str],
            limits: Limits = LIMITS) -> tuple[Param, ...]:
    """The parameters declared; `variables`: the function's, which no parameter may be named (it would replace
    one in every field: x² y + y² with y drawn as 3 is 3x² + 9, a function of x alone; outside check h26, F4),
    each with what it is to the function."""
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        report.add(node, "'params' must map names to ranges, like {a: {int: [2, 9]}}", exercise)
        return ()
    params = []
    lesson_nodes: dict[str, yaml.Node] = {}  # each parameter's lesson value, to report it where it is written
    taken = {str(key.value) for key, _ in node.value}
    for key, value in node.value:
        name = str(key.value)
        if not re.fullmatch(PARAM_NAME, name):
            report.add(key, f"a parameter is one letter, not '{name}'", exercise)
            continue
        if name in RESERVED_NAMES or name in variables:  # still read: its uses raise nothing more
            report.add(key, _reserved(name, taken, variables.get(name, "")), exercise)
        spec = _mapping(value, report, exercise, dict.fromkeys(PARAM_KEYS, ""), f"parameter '{name}'")
        lesson = _lesson_value(spec.get("lesson"), name, report, exercise, limits)
        if lesson is not None:
            lesson_nodes[name] = spec["lesson"]
        kinds = [k for k in PARAM_RANGES if k in spec]
        if len(kinds) != 1:
            report.add(value, f"parameter '{name}' needs one of int: [low, high], choice: [...], "
                              "rational: [low, high]", exercise)
            continue
        values = spec[kinds[0]]
        if "denominators" in spec and kinds[0] != "rational":  # ignored, it would mislead whoever reads the pack
            report.add(spec["denominators"], f"parameter '{name}': 'denominators' go with rational: [low, high], "
                                             f"not {kinds[0]}", exercise)
            continue
        shape = "a list of numbers" if kinds[0] == "choice" else "[low, high] with low ≤ high" + (
            " (whole numbers)" if kinds[0] == "int" else "")
        try:
            who = f"parameter '{name}'"
            items = _numbers(values, who, f"{kinds[0]} needs {shape}")
            if any(abs(i) > limits.max_parameter for i in items):
                raise ReadError(f"{who}: values are at most {limits.max_parameter:,} in size", values)
            if kinds[0] == "choice":
                params.append(Param(name, choices=tuple(items), lesson=lesson))
                continue
            if len(items) != 2 or items[0] > items[1] or kinds[0] == "int" and not all(i.is_Integer for i in items):
                raise ReadError(f"{who}: {kinds[0]} needs {shape}", values)
            if kinds[0] == "int":
                params.append(Param(name, low=Fraction(int(items[0])), high=Fraction(int(items[1])),
                                    lesson=lesson))
                continue
            denominators: tuple[int, ...] = (2, 3, 4, 5)
            if "denominators" in spec:
                wanted = f"denominators are whole numbers from 1 to {limits.max_parameter:,}, like [2, 3]"
                numbers = _numbers(spec["denominators"], who, wanted)
                if not all(d.is_Integer and 1 <= d <= limits.max_parameter for d in numbers):
                    raise ReadError(f"{who}: {wanted}", spec["denominators"])
                denominators = tuple(int(d) for d in numbers)
            params.append(Param(name, low=Fraction(str(items[0])), high=Fraction(str(items[1])),
                                denominators=denominators, lesson=lesson))
        except ReadError as refused:
            report.add(refused.node or values, refused.message, exercise)
    for param in params:
        if param.lesson is not None and not param.may_draw(param.lesson):
            report.add(lesson_nodes[param.name], f"parameter '{param.name}': 'lesson: {show(param.lesson)}' is not a "
                                               f"value it is drawn from ({param}); every student would get it",
                       exercise)
    given = [p.name for p in params if p.lesson is not None]
    if given and len(given) < len(params):
        missing = [p.name for p in params if p.lesson is None]
        report.add(node, f"parameter{'s' if len(missing) > 1 else ''} {and_list(missing)} "
                         f"{'have' if len(missing) > 1 else 'has'} no 'lesson' value but {and_list(given)} "
                         f"{'do' if len(given) > 1 else 'does'}: give every parameter its value in the worked "
                         "example, or none", exercise)
    return tuple(params)


_SPARE_LETTERS = "kmnqrstuvwcdabp"  # suggested for a parameter whose name the maths reserves


_USUAL_VARIABLES = {"x", "y", "z"}  # a function's variables where the exercise names none
_A_VARIABLE = "a variable of the function"


def _usual_variables(function: yaml.Node | None) -> dict[str, str]:
    """x, y and z, the variables of a function where the exercise lists none, each with what a parameter of its name
    would be told it is: a variable of the function where the function names it, else its name all the same (outside
    check h57, R5: "'z' is a variable of the function" of a x^2 y)."""
    written = names_in(str(function.value), sorted(_USUAL_VARIABLES)) if isinstance(function, yaml.ScalarNode) else []
    unused = "the name of a variable (x, y or z) where the exercise lists none under 'variables'"
    return {v: _A_VARIABLE if v in written else unused for v in sorted(_USUAL_VARIABLES)}


def _reserved(name: str, taken: set[str], meaning: str = "") -> str:
    """Why a parameter can't be named like a constant or a function of the maths (e, W), or (`meaning`) a
    variable: every field would read the name as the parameter, so e^x would silently become 2^x; and a
    letter to use instead."""
    meaning = meaning or ("Euler's number (e^x)" if CONSTANTS.get(name) == sympy.E else
                          f"the constant {name}" if name in CONSTANTS else f"the function {name}(x)") + " in maths"
    spare = next(letter for letter in _SPARE_LETTERS if letter not in taken)
    return (f"a parameter can't be named '{name}': '{name}' is {meaning}, and the parameter would "
            f"replace it; call the parameter another letter, like '{spare}'")


def _numbers(node: yaml.Node, who: str, wanted: str) -> list[Expr]:
    """The rational numbers of a YAML list; ReadError where it is no such list (saying `wanted`), or
    naming the item that is no such number (`who`: the parameter)."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise ReadError(f"{who}: {wanted}", node)
    numbers = []
    for item in node.value:
        try:
            number = read(str(item.value), "number", ()).value if _number_text(item) else None
        except InputError:
            number = None
        if not isinstance(number, sympy.Rational):
            what = f"'{item.value}'" if isinstance(item, yaml.ScalarNode) else "a list or mapping"
            raise ReadError(f"{who}: {what} is not a number like 2, 1/2 or 0.5", item)
        numbers.append(number)
    return numbers


def _number_text(node: yaml.Node) -> bool:
    """Whether a parameter's value is written as a number, or arithmetic on numbers (10^6): no name, as the
    schema says (sqrt(4) is 2 to the reader of answers, not to an editor checking the pack)."""
    return isinstance(node, yaml.ScalarNode) and re.fullmatch(PARAM_NUMBER_TEXT, str(node.value)) is not None


def _lesson_value(node: yaml.Node | None, name: str, report: _Report, exercise: str,
                  limits: Limits) -> Expr | None:
    """A parameter's `lesson:` value: a number, the one the worked example uses."""
    if node is None:
        return None
    try:
        if not _number_text(node):
            raise InputError("not a number")
        value = cast(Expr, read(str(node.value), Shape.NUMBER, ()).value)
    except InputError:
        value = None
    if value is None or not value.is_Rational or abs(value) > limits.max_parameter:
        report.add(node, f"parameter '{name}': 'lesson' is the number the worked example uses, like 4 or 0.05 "
                         f"(at most {limits.max_parameter:,} in size)", exercise)
        return None
    return value


# ------------------------------------------------------------------ self-check


def self_check(pack: Pack, variants: int = SELF_CHECK_VARIANTS) -> list[str]:
    """Problems found on each exercise's variants: its own answer graded as a student would type it
    (the expected answer printed as the tutor shows it and read back through the same path), the
    author's answer, mistakes, hints and texts read with the variant's values. Over the first variant
    (the lesson's, where the parameters have lesson values) and `variants` drawn ones, then, where they
    are few enough (`variant_check.every_draw_checked`), every other combination of the parameters'
    values, built as a student's variant is; an exercise's problems are those of its first failing
    variant, which they name."""
    every = variant_check.every_draw_checked(pack.exercises)
    return [spec.describe(finding) for spec, all_ in zip(pack.exercises, every)
            for finding in first_failing(spec, variants, every=all_)]


def sampled_only(pack: Pack, variants: int = SELF_CHECK_VARIANTS) -> list[str]:
    """For each exercise whose parameters' combinations `self_check` does not check every one of, how
    many it checked, said at its parameters: what a pass of validation does not vouch for."""
    every = variant_check.every_draw_checked(pack.exercises)
    return [spec.describe(Finding("params", note)) for spec, all_ in zip(pack.exercises, every)
            if not all_ and (note := variant_check.sampled_only(spec, variants)) is not None]


def cautions(pack: Pack) -> list[str]:
    """For each exercise whose first variant is a weak question (a classify_point exercise at a point the
    tutor can't decide), why, or has a hint that states its answer, and the pack's notes (an escape in double
    quotes): what a pass of validation tells an author, without failing the pack."""
    found = list(pack.notes)
    for spec in pack.exercises:
        try:
            exercise = spec.variant(0)
            caution = exercise.problem.caution()
            told = variant_check.hint_telling_answer(exercise)
        except (TutorError, *variant_check.COMPUTING):  # a variant that can't be set: a problem, said already
            continue
        if caution is not None:
            found.append(spec.describe(Finding(None, caution)))
        if told is not None:
            found.append(spec.describe(told))
        if (undeclared := _undeclared(spec)) is not None:
            found.append(spec.describe(undeclared))
        if (lost := _lost_variable(spec)) is not None:
            found.append(spec.describe(lost))
        found += [spec.describe(caution) for caution in _placeholder_cautions(spec)]
    return found


def _placeholder_cautions(spec: ExerciseSpec) -> list[Finding]:
    """Each text where a placeholder's value reads wrongly for some draw. After a sign, a negative one: a student
    who draws a = -1 reads "x^2 - -1x" (outside check h26, F5), one who draws a = 1 for `- {a - 2}` reads "- -1"
    (h28, N4), and 0 reads "+ 0" (h49, N5). Before a letter, 1, 0 or -1 as a coefficient: "1x^2" (h36, F3); before
    another placeholder, any value: "{a}{b}" reads 34. A coefficient is what comes before a letter, a bracket or a
    root, or a space before maths ("{k} y": `_factor_after`). Maths fields write their own signs and coefficients; a
    text shows the value as it is."""
    names = tuple(p.name for p in spec.params)
    decimals = bool(spec.data.get("decimals"))
    written = spec.data.get("variables")
    variables = {str(v) for v in written} if isinstance(written, (list, tuple)) else _USUAL_VARIABLES
    found = []
    for key, text in variant_check.author_texts(spec):  # a mistake's feedback too (outside check h37: h36's F3)
        if not names or "{" not in text:
            continue
        try:
            parts = template(text, names).parts
        except TemplateError:  # reported where the text is read
            continue
        told: set[tuple[str, ...]] = set()  # what this field was told of each placeholder: its sign, a 0, each factor
        for i, (before, part, after) in enumerate(zip(parts, parts[1:], [*parts[2:], ""])):
            if not isinstance(part, Placeholder):
                continue
            sign = before.rstrip()[-1:] if isinstance(before, str) else ""
            touching = isinstance(before, str) and before[-1:] in ("-", "+", "−")  # a sign right before it: "-{k}"
            said = sign if touching else f"{sign} "  # the sign as the student reads it before the value
            exponent = isinstance(before, str) and before.endswith("^")
            factor = _factor_after(after, variables, exponent) if isinstance(after, str) else ""
            if sign and sign in "-+−" and ("sign", part.source) not in told:
                told.add(("sign", part.source))
                negative = _signed(spec, key, sign, said, part, decimals)
                found += negative
                if negative:  # "draw it positive" says "never 0" too
                    told.add(("zero", part.source))
            if sign and sign in "-+−" and not factor and ("zero", part.source) not in told and \
                    (params := _draw_where(spec, part.value, lambda n: n == 0)) is not None:
                told.add(("zero", part.source))  # "y = 3x + 0" (outside check h49, N5)
                found.append(Finding(key, f"'{sign}{{{part.source}}}' in {text_named(key)} reads '{said}0' to a "
                                          f"student who draws {drawn(params, decimals)}: draw the parameters so that "
                                          "it is never 0, or write the text so that no sign comes before it"))
            following = parts[i + 3] if after == "" and i + 3 < len(parts) else None  # "{a}{b}": '' between
            if isinstance(following, Placeholder) and ("next", part.source) not in told and \
                    (params := _draw_where(spec, part.value, lambda n: True)) is not None:
                told.add(("next", part.source))  # "{a}{b}" as 34 (outside check h50, N9)
                both = f"{{{part.source}}}{{{following.source}}}"
                found.append(Finding(key, f"'{both}' in {text_named(key)} reads '{spec.fill(both, params)}' to a "
                                          f"student who draws {drawn(params, decimals)}, two numbers run together: "
                                          "put a space, a sign or · between them"))
            if factor and ("factor", part.source, factor) not in told and \
                    (params := _draw_where(spec, part.value, lambda n: n in (1, 0, -1))) is not None:
                told.add(("factor", part.source, factor))
                what = _factor_name(factor.lstrip())
                # a space other than the plain one, written so that the author sees it (outside check h74, J4)
                factor = "".join(c if c == " " or not c.isspace() else f"\\u{ord(c):04x}" for c in factor)
                lead = sign if touching else ""  # read with the coefficient: "-1|x|"
                found.append(Finding(key, f"'{lead}{{{part.source}}}{factor}' in {text_named(key)} reads "
                                          f"'{lead}{spec.fill(f'{{{part.source}}}', params)}{factor}' to a student who "
                                          f"draws {drawn(params, decimals)}: draw the parameters so that it is "
                                          f"never 1, 0 or -1, or write the text so that no {what} follows it"))
    return found


# What may follow a placeholder that makes it a coefficient: a factor (a word, a bracket, a root, bars, ∂, ∇),
# straight after it or a space after it. Straight after it, any word is one ("{a}x", "{k}sin(y)"); a space after
# it, only maths. A product's sign between them ("{a}·x") is how an author writes a coefficient that may be 1 on
# purpose.
_FACTOR = re.compile(r"(?P<gap>[^\S\n]*)(?P<factor>∇²|[(\[⟨√∛∜|‖∂∇∑∫∮∏]|[^\W\d_]+[⁰¹²³⁴⁵⁶⁷⁸⁹]*)")
_FACTOR_NAMES = {"(": "bracket", "[": "bracket", "⟨": "bracket", "√": "root", "∛": "root", "∜": "root",
                 "|": "absolute value", "‖": "norm", "∂": "partial derivative", "∇": "gradient", "∇²": "Laplacian",
                 "∑": "sum", "∏": "product", "∫": "integral", "∮": "integral"}
_CLOSING = {"(": ")", "[": "]", "⟨": "⟩"}
# a number's suffix, not what it multiplies: "the {k}th step", "the {k}ᵗʰ", "a {k}D plot"
_SUFFIX = re.compile(r"((?i:st|nd|rd|th)|ˢᵗ|ⁿᵈ|ʳᵈ|ᵗʰ|D)\b")
_HYPHENATED = re.compile(r"-[^\W\d_]{2}")  # "{k} x-values": a word, not x
# what a factor's name runs on with: a subscript (∂_x), primes (f′), a derivative's denominator (d/dx, ∂f/∂x)
_NAME_TAIL = re.compile(r"(_[^\W_]+|[\w′'’⁰¹²³⁴⁵⁶⁷⁸⁹\u0300-\u036f\u20d0-\u20ff])*(/[∂d][\w⁰¹²³⁴⁵⁶⁷⁸⁹]*)?")
_ENGLISH_LETTERS = {"a", "A", "I"}  # "Take {k} a day": a word, not a variable


def _factor_after(after: str, variables: set[str], exponent: bool) -> str:
    """The text after a placeholder that reads as what it multiplies ("x", " y²", " sin", "(y + 1)", " xy"), or ''.
    Outside checks h36 (F3: "{a}x"), h71 (F5: "{k} y") and h72 (G9: "{k} y²", "{k} xy", "{k} sin(y)", "{k}(y + 1)",
    a no-break space; not "Take {k} a day" nor, after an exponent, "x^{p} y"), h75 (K7: "{k}|x|", "{k}∂f/∂x",
    "{k} ∇f"; not "the {k}th step") and h76 (L2–L5: "{k}‖x‖", "{k}d/dx" whole; not "{k}D", "{k}ᵗʰ", "{k} x-values")."""
    found = _FACTOR.match(after)
    if found is None or exponent:  # x^{p}y: the power's, not a coefficient
        return ""
    if not found["gap"]:
        return "" if _SUFFIX.match(after) else _through_factor(after, found)
    if _HYPHENATED.match(after, found.end()):
        return ""
    word = found["factor"].rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    maths = (word in FUNCTIONS or word in CONSTANTS or found["factor"] in _FACTOR_NAMES
             or (len(word) == 1 and word not in _ENGLISH_LETTERS)
             or set(word) <= variables)
    return _through_factor(after, found) if maths else ""


def _factor_name(factor: str) -> str:
    """What a coefficient's factor is, as a caution names it: "letter", "bracket", "Laplacian" (∇², not ∇)."""
    return _FACTOR_NAMES.get(factor[:2]) or _FACTOR_NAMES.get(factor[:1]) or (
        "number" if factor[:1].isnumeric() else "letter")  # "{k}½" reads "1½"


def _through_factor(after: str, found: re.Match[str]) -> str:
    """The placeholder's factor as a caution shows it: a bracket through its closing one, a root with its radicand."""
    end, opening = found.end(), found["factor"]
    if opening in _CLOSING:
        depth = 1
        while end < len(after) and depth:
            depth += {opening: 1, _CLOSING[opening]: -1}.get(after[end], 0)
            end += 1
    elif opening in "|‖":
        closing = after.find(opening, end)
        end = len(after) if closing < 0 else closing + 1
    elif opening in "√∛∜":
        end += len(re.match(r"[\w.]*", after[end:])[0])  # type: ignore[index]
    else:
        end = _NAME_TAIL.match(after, end).end()  # type: ignore[union-attr]
    return after[:end]


def _signed(spec: ExerciseSpec, key: str, sign: str, said: str, part: Placeholder, decimals: bool) -> list[Finding]:
    """A caution for a placeholder after a sign that may be negative: a parameter's own range named, or the first
    draw that makes a worked-out one negative. `said` is the sign as the text has it before the value ('-', '- ')."""
    if isinstance(part.value, sympy.Symbol):
        param = next(p for p in spec.params if p.name == part.value.name)
        if param.negative is None:
            return []
        value = show(param.negative, decimals=decimals)  # as the text shows it
        return [Finding(key, f"'{sign}{{{param.name}}}' in {text_named(key)}: {param.name} may be drawn negative "
                             f"({param}), and a student who draws {param.name} = {value} reads '{said}{value}': draw "
                             f"{param.name} from positive numbers, or write the text so that no sign comes before "
                             f"{{{param.name}}}")]
    if (params := _draw_where(spec, part.value, lambda n: n < 0)) is None:
        return []
    return [Finding(key, f"'{sign}{{{part.source}}}' in {text_named(key)} may be negative: a student who draws "
                         f"{drawn(params, decimals)} reads '{said}{spec.fill(f'{{{part.source}}}', params)}': draw "
                         "the parameters so that it is positive, or write the text so that no sign comes before it")]


def _draw_where(spec: ExerciseSpec, value: Expr, holds: Callable[[Expr], bool]) -> Params | None:
    """The first parameter values a student may draw for which `value` is a number that `holds`: of every
    combination `require` allows, where there are few (`variant_check.EVERY_DRAW`), else of the draws validation
    checks."""
    for params in _draws(spec):
        try:
            number = substituted(value, {symbol(n): v for n, v in params})
        except InputError:
            continue
        if number.is_Number and holds(number):
            return params
    return None


def _draws(spec: ExerciseSpec) -> Iterator[Params]:
    """The parameter values students may draw that validation looks at: every combination `require` allows, where
    there are few (`variant_check.EVERY_DRAW`), else the draws validation checks."""
    count = variant_check.combinations(spec)
    draws = (variant_check.every_draw(spec) if count is not None and count <= variant_check.EVERY_DRAW else
             (spec.drawn_values(key) for key in range(SELF_CHECK_VARIANTS)))
    return (params for params in draws if spec.allows(params))


def _lost_variable(spec: ExerciseSpec) -> Finding | None:
    """The first draw that takes a variable out of the function (a x² y + y³ with a = 0 is y³): a student who draws
    it is asked another question (∂/∂x of y³, 0), which validation passed in silence (outside check h63, F7). Said,
    not refused: a parameter may be meant to do so (x² + a y² at a = 0, critical along a line)."""
    function = spec.data.get("function")
    if not spec.params or not isinstance(function, sympy.Expr):
        return None
    names = {p.name for p in spec.params}
    variables = {s for s in function.free_symbols if s.name not in names}
    for params in _draws(spec):
        try:
            drawn_function = substituted(function, {symbol(n): v for n, v in params})
        except InputError:
            continue
        if drawn_function.has(sympy.zoo, sympy.nan):
            continue  # no value: a problem of its own
        if lost := sorted(v.name for v in variables - drawn_function.free_symbols):
            return Finding("function", f"with {drawn(params, bool(spec.data.get('decimals')))}, f is "
                                       f"{show(drawn_function)}, which has no {and_list(lost)}: a student who draws "
                                       "that is asked of a function without it; if that is not meant, leave such "
                                       "draws out with 'require'")
    return None


def _undeclared(spec: ExerciseSpec) -> Finding | None:
    """A letter beside x, y and z in the function of an exercise with parameters, none declared as variables: a
    parameter left out of 'params', perhaps, which every student would get as a variable (a x² + b y with only a
    declared: ∇f for f(x, y, b); outside check h26, F3). Said, not refused: the docs let any letter be a variable."""
    function = spec.data.get("function")
    if not spec.params or "variables" in spec.data or not isinstance(function, sympy.Expr):
        return None
    names = {s.name for s in function.free_symbols} - {p.name for p in spec.params}
    usual, other = sorted(names & _USUAL_VARIABLES), sorted(names - _USUAL_VARIABLES)
    if not usual or not other:
        return None
    letters = and_list([f"'{name}'" for name in other])
    said = (f"the letter {letters} beside {and_list(usual)}, not under 'params': every student gets it as a variable. "
            "If it is a parameter, declare it" if len(other) == 1 else
            f"the letters {letters} beside {and_list(usual)}, not under 'params': every student gets them as "
            "variables. If they are parameters, declare them")
    return Finding("function", f"f has {said}; if not, list f's variables under 'variables'")


def iter_built_in() -> Iterator[Pack]:
    for name in BUILT_IN:
        yield load(name)


TEMPLATE = """\
# A pack of exercises for the calculus tutor. Check it with: tutor pack validate FILE
pack: my-pack                      # an id, unique among your packs
title: My exercises
description: What these exercises practise.

exercises:
  - id: partial-x                  # unique within the pack
    kind: partial_derivative       # every kind and its keys: docs/reference/pack-format.md, or tutor pack schema
    function: 3x^2 y^3             # written as students write answers
    wrt: x
    answer: 6xy^3                  # optional: checked against the computed answer
    tags: [partial-derivatives]    # skills, for choosing what to practise next
    points: 1                      # weight when grading (default 1)

  - id: drill-partial-y
    kind: partial_derivative
    function: a x^p y^2            # parameters are drawn for each student
    wrt: y
    params: {a: {int: [2, 9]}, p: {choice: [2, 3, 4]}}
    require: a != p                # redraw until this holds
    tags: [partial-derivatives]

  - id: gradient-at-point
    kind: gradient
    function: x^2 + y^2
    at: [2, 3]

  - id: descent
    kind: gradient_descent
    function: e^x - ln x
    start: 0.05
    rate: 0.005
    iterations: 2
    tolerance: dp:4                # decimals count when right to 4 places
    mistakes:                      # your own feedback for an anticipated wrong answer
      - answer: "0.05"
        feedback: That is where you started; take two steps.
"""
