"""Checking an exercise on real variants, as loading a pack and `tutor pack validate` do.

Each variant is built (its expected answer computed), its own answer graded as a student would
type it, and every field the author wrote is read with the variant's parameter values: `answer:`,
the mistakes, the hints, the texts with `{a}`. A problem a draw causes names the draw in the words
an author reads ("with a = 0, the function has no variables"), never the solver's internals.
"""

from __future__ import annotations

import itertools
import math
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

import sympy
from sympy import Expr
from sympy.polys.polyerrors import BasePolynomialError

from .check import Judgement, Verdict
from .compare import Note
from .errors import TutorError
from .pack_schema import shown
from .parse import Equation, InputError, Shape, not_real, substituted, symbol
from .show import MOST_DIGITS, places_shown, show
from .templates import TemplateError, fill, in_braces, not_real_placeholder
from .topics import KINDS, FieldError
from .topics.base import Unkeyable, expressions_in, not_real_part

if TYPE_CHECKING:
    from .packs import Exercise, ExerciseSpec, Param

Params = tuple[tuple[str, sympy.Expr], ...]  # a variant's parameter values, by name
UNKNOWN_NAME = "unknown_name"  # InputError's note for a name in an author's answer that is no parameter

# What sympy raises on values it can't compute with (a logarithm of 0, a polynomial of a constant):
# a badly drawn variant, told as such, not a crash of the checker.
COMPUTING = (ArithmeticError, ValueError, TypeError, NotImplementedError, BasePolynomialError)


@dataclass(frozen=True)
class Finding:
    """A problem with an exercise: the key it is about (None: the exercise as a whole), one sentence."""

    field: str | None
    message: str
    of_draw: bool = True  # whether the parameters' values may be the cause (a name that is no parameter is not)
    # whether the variant's answer can't be keyed (the kind's Unkeyable, an answer with no exact form): then the
    # exercise is left out where its pack is loaded, not the pack refused; otherwise the author's data is at fault
    unkeyable: bool = False


def drawn(params: Params, decimals: bool = False) -> str:
    """'a = 0, p = 2': the parameter values of a variant."""
    return ", ".join(f"{name} = {show(value, decimals=decimals)}" for name, value in params)


def _undefined(value: object) -> bool:
    if isinstance(value, sympy.Basic):
        return value.has(sympy.zoo, sympy.nan)
    if isinstance(value, (tuple, list)):
        return any(_undefined(v) for v in value)
    if isinstance(value, dict):
        return any(_undefined(v) for v in value.values())
    if isinstance(value, Equation):
        return _undefined(value.lhs) or _undefined(value.rhs)
    return False


def build(spec: ExerciseSpec, params: Params) -> Exercise | Finding:
    """The variant with these values, and its expected answer computed; or what stops it. A variant is
    kept by `with_values`, but a refusal would be computed anew each time it is asked for (loading, then
    `settable`, for `tutor pack show PACK ID`): it is kept here, as it may take the solvers seconds."""
    refused = _REFUSED.setdefault(spec, {})
    if params in refused:
        return refused[params]
    built = _build(spec, params)
    if isinstance(built, Finding):
        if len(refused) >= _MOST_GRADABLE:
            refused.clear()  # simpler than least-recently-used, and rare
        refused[params] = built
    return built


def _build(spec: ExerciseSpec, params: Params) -> Exercise | Finding:
    unreal = _unfit(spec, params)
    if unreal is not None:
        return unreal
    try:
        exercise = spec.with_values(params)
        expected = exercise.expected()
    except FieldError as error:
        return Finding(error.field, error.message, unkeyable=isinstance(error, Unkeyable))
    except TutorError as error:  # a solver or the reader refused this variant's data
        return Finding(None, error.message)
    except COMPUTING:
        return Finding(None, "its answer can't be computed")
    if _undefined(expected.value):
        return Finding(None, "its answer is undefined (a division by zero, or a value outside the "
                             "function's domain)")
    if not_real_part(expected.value, {}) is not None:
        return Finding(None, "its answer is not a real number")
    return exercise


def gradable(spec: ExerciseSpec, params: Params) -> Exercise | Finding:
    """`build`, and the variant's own answer, as a student would type it, graded as correct: where it is
    not, no student's answer can be graded fairly on that variant (the grader does not grade it, and says
    why), whatever the draw that met it, sampled by validation or not."""
    checked = _GRADABLE.setdefault(spec, {})
    if params not in checked:  # once a variant: the grader asks for every answer to it
        if len(checked) >= _MOST_GRADABLE:
            checked.clear()  # simpler than least-recently-used, and rare
        built = build(spec, params)
        checked[params] = built if isinstance(built, Finding) else _own_answer(spec, built)
    return checked[params] or spec.with_values(params)  # the variant `build` made, kept by with_values


_GRADABLE: weakref.WeakKeyDictionary[ExerciseSpec, dict[Params, Finding | None]] = weakref.WeakKeyDictionary()
_REFUSED: weakref.WeakKeyDictionary[ExerciseSpec, dict[Params, Finding]] = weakref.WeakKeyDictionary()
_MOST_GRADABLE = 4096


def _own_answer(spec: ExerciseSpec, exercise: Exercise) -> Finding | None:
    """What stops the variant's own answer, shown as a student would type it, from grading as correct."""
    problem = exercise.problem
    tolerance = spec.tolerance or problem.default_tolerance()
    try:
        expected = exercise.expected()
        with places_shown(*((tolerance.places, tolerance.relative) if tolerance else ())):  # as --answers shows it
            shown = show(expected, problem.variables)
        verdict = problem.check(shown, spec.tolerance)
    except TutorError as error:
        return Finding(None, f"its answer can't be checked: {error.message}", unkeyable=True)
    except COMPUTING:
        return Finding(None, "its answer can't be checked", unkeyable=True)
    if verdict.correct:
        return None
    if spec.tolerance is None and _inexact(expected.value):
        return Finding(None, f"its answer, {shown}…, has no exact form a student can type: give the exercise a "
                             "tolerance, like 'tolerance: dp:4', so that decimals are graded", unkeyable=True)
    if "≈" in shown:  # show's mark for an integer too long to type
        return Finding(None, f"its answer, {shown}, holds a number too long for a student to type (more than "
                             f"{MOST_DIGITS:,} digits); use smaller numbers", unkeyable=True)
    return Finding(None, f"its own answer, shown as {shown}, does not grade as correct: {verdict.message}",
                   unkeyable=True)


_PARTS: weakref.WeakKeyDictionary[ExerciseSpec, tuple[tuple[str, sympy.Expr], ...]] = weakref.WeakKeyDictionary()


def _made_of_parameters(spec: ExerciseSpec) -> tuple[tuple[str, sympy.Expr], ...]:
    """The largest parts of the exercise's maths made of numbers and parameters alone, by key, once per
    exercise: a variant is checked for numbers that are not real on these, not on the whole of it. A
    parameter alone is left out: its values are rational."""
    parts = _PARTS.get(spec)
    if parts is None:
        names = {symbol(param.name) for param in spec.params}
        parts = tuple((key, part) for key, value in spec.data.items() for part in _largest(value, names))
        _PARTS[spec] = parts
    return parts


def _largest(value: object, names: set[sympy.Symbol]) -> Iterator[sympy.Expr]:
    for expr in expressions_in(value):
        if expr.is_Atom:
            continue
        if expr.free_symbols and expr.free_symbols <= names:
            yield expr
        else:
            for arg in expr.args:
                yield from _largest(arg, names)


def _unfit(spec: ExerciseSpec, params: Params) -> Finding | None:
    """What a student would read that these values make a number that is not real (sympy would show √a with
    a = -1 as I, ln(a) as Iπ): the part of the maths, or the placeholder of a text, that is; else the part of the
    maths they leave without a value, by its key (`rate: 1/a` with a = 0 was "its answer can't be computed", said
    at the parameters: outside check h63, F4), a division by zero with the condition that leaves such draws out.
    Each part is worked out once: a variant is built for every answer's draw."""
    if not params:
        return None
    values = {symbol(name): value for name, value in params}
    parts = [(key, part, _value(part, values)) for key, part in _made_of_parameters(spec)]
    for key, _, number in parts:
        if number is not None and not_real(number):  # rare: only then is the smallest such part found
            return Finding(key, f"{show(cast(sympy.Expr, not_real_part(spec.data[key], values)))} is not a real number")
    for field, text in author_texts(spec):
        placeholder = not_real_placeholder(text, params)
        if placeholder is not None:
            return Finding(field, f"{_what(field)} can't be shown: '{placeholder}' is not a real number")
    for key, part, number in parts:
        if _undefined(number):
            divisor = next((p.base for p in sympy.preorder_traversal(part)
                            if isinstance(p, sympy.Pow) and p.exp.is_negative and _value(p.base, values) == 0), None)
            why = "" if divisor is None else \
                f": a division by zero; leave such draws out with 'require: {_nonzero(divisor)}'"
            return Finding(key, f"{show(part)} has no value{why}")
    return None


def _nonzero(divisor: Expr) -> str:
    """A require condition that the divisor is not 0: `a != 1` for a - 1, as an author writes it where they can."""
    if len(divisor.free_symbols) == 1:
        (name,) = divisor.free_symbols
        slope = sympy.diff(divisor, name)
        if slope.is_number and slope != 0:
            return f"{name} != {show(sympy.expand(name - divisor / slope))}"
    return f"{show(divisor)} != 0"


def _value(part: sympy.Expr, values: Mapping[sympy.Symbol, Expr]) -> Expr | None:
    try:
        return substituted(part, values)
    except InputError:  # numbers too large: building the variant says so
        return None


def author_texts(spec: ExerciseSpec) -> list[tuple[str, str]]:
    """The texts a student reads that the author wrote, by field: the title, the prose, the hints and the
    mistakes' feedback."""
    fields = KINDS[spec.kind].exercise.FIELDS
    prose = [(key, str(text)) for key, text in spec.data.items()
             if key in fields and shown(key, fields[key])]
    return [("title", spec.title), *prose, *(("hints", h) for h in spec.hints or ()),
            *(("more_hints", h) for h in spec.more_hints),
            *((f"mistakes[{i}]", m.feedback) for i, m in enumerate(spec.mistakes))]


def _what(field: str) -> str:
    return "a mistake's feedback" if field.startswith("mistakes") else f"'{field}'"


def text_named(field: str) -> str:
    """An author's text as a sentence names it: "the prompt", "the hints", "'more_hints'", "a mistake's feedback"."""
    if field.startswith("mistakes"):
        return "a mistake's feedback"
    return "'more_hints'" if field == "more_hints" else f"the {field}"


def _unshown(spec: ExerciseSpec, params: Params) -> Finding | None:
    """The first of the author's texts a placeholder of which has no value for these values ({1/(a - 37)} with
    a = 37): a student reads it as written, so only validation tells it, on every draw it builds."""
    for field, text in author_texts(spec):
        try:
            fill(text, params, show)
        except TemplateError as error:
            return Finding(field, f"{_what(field)} can't be shown: {error.message}")
    return None


def with_draw(spec: ExerciseSpec, params: Params, message: str) -> str:
    """'with a = 0, <message>': a problem told with the draw that causes it, decimals as the pack writes them."""
    return f"with {drawn(params, bool(spec.data.get('decimals')))}, {message}"


def of_draw(spec: ExerciseSpec, params: Params, finding: Finding) -> Finding:
    """The finding with the draw that causes it named ("with a = 0, ..."), where a draw may cause it."""
    if not (finding.of_draw and params):
        return finding
    return replace(finding, message=with_draw(spec, params, finding.message))


class Unsettable(TutorError):
    """A student's variant that can't be set: the message names the exercise and the draw (`why`)."""

    def __init__(self, exercise: str, why: str) -> None:
        super().__init__(f"exercise '{exercise}' can't be set: {why}")
        self.why = why


def settable(spec: ExerciseSpec, student: object = None, seed: object = None) -> Exercise:
    """The variant a student (or, with `seed`, that draw) is given, its answer computed; Unsettable,
    naming the draw, where it can't be set (the grader does not grade it for that student)."""
    try:
        params = spec.values(student) if seed is None else spec.drawn_values(seed)
    except FieldError as error:  # no draw meets `require`
        raise Unsettable(spec.id, error.message) from None
    built = gradable(spec, params)
    if isinstance(built, Finding):
        raise Unsettable(spec.id, of_draw(spec, params, built).message)
    return spec.variant(student) if seed is None else spec.drawn(seed)


_NOT_GRADED, _NOT_COUNTED = " was not graded: ", ". It does not count towards the total."


def not_graded(spec: ExerciseSpec, why: str) -> Verdict:
    """The verdict for a student whose variant can't be set (`why`: "with k = 0, the function has no
    variables"): nothing to grade their answer against, so the exercise does not count for them."""
    return Verdict(Judgement.NOT_GRADED, Note.BROKEN_VARIANT,
                   f"Exercise '{spec.id}'{_NOT_GRADED}{why.rstrip('.')}{_NOT_COUNTED}")


def not_graded_told(exercise: str, draw: str | None) -> str:
    """What a student is told of an exercise not graded for them: that it does not count, and with which of
    their numbers (`draw`: "a = 0", "" where none is known; None: it can't be set for anyone), never why. The
    why is for the pack's author (problems.csv, the terminal): it may tell them how to mend the exercise."""
    how = ("it can't be set as written, so nobody was graded on it" if draw is None
           else f"it can't be set with your numbers ({draw})" if draw else "it can't be set with numbers of your own")
    return f"Exercise '{exercise}'{_NOT_GRADED}{how}{_NOT_COUNTED}"


def why_not_graded(message: str) -> str:
    """The `why` of a not_graded verdict's message."""
    return message.partition(_NOT_GRADED)[2].removesuffix(_NOT_COUNTED)


def check(spec: ExerciseSpec, params: Params, thorough: bool = True,
          first: bool = True) -> list[Finding]:
    """What is wrong with the variant with these values. `thorough`: also grade its own answer as
    a student would type it and report a mistake that is a right answer (what validation adds to
    loading: such a mistake is only never offered). `first`: the exercise's first variant (the
    lesson's), the only one an `answer:` without parameters is about."""
    built = build(spec, params)
    if isinstance(built, Finding):
        return [built]
    exercise = built
    own = _own_answer(spec, exercise) if thorough else None
    found: list[Finding] = [own] if own else []
    try:
        if spec.answer is not None and (first or _uses_parameters(exercise, spec.answer)):
            found += _author_answer(exercise, spec.answer)
    except TutorError as error:
        found.append(Finding(None, f"its answer can't be checked: {error.message}"))
    except COMPUTING:
        found.append(Finding(None, "its answer can't be checked"))
    found += _mistakes(exercise, thorough)
    found += _texts(exercise)
    return found


def _inexact(value: object) -> bool:
    """Whether an expected answer holds a decimal standing for a number with no exact form (a root of a quintic)."""
    if isinstance(value, tuple):
        return any(_inexact(v) for v in value)
    return isinstance(value, sympy.Basic) and value.has(sympy.Float)


def _of_draw(error: TutorError) -> bool:
    """Whether a draw may cause this error: not a name that is no parameter, nor a slip in the text
    itself (an InputError with a column, met while reading, before any value is put in)."""
    return getattr(error, "note", None) != UNKNOWN_NAME and getattr(error, "column", None) is None


def _uses_parameters(exercise: Exercise, answer: str) -> bool:
    try:
        exercise.problem.read(answer)  # as a student's answer: it names no parameter
    except TutorError:
        return True
    return False


def _author_answer(exercise: Exercise, answer: str) -> list[Finding]:
    try:
        given = exercise.author_answer(answer)
        verdict = exercise.problem.check(given, exercise.tolerance)
    except TutorError as error:
        names = [p.name for p in exercise.spec.params]
        return [Finding("answer", f"'answer' can't be read: {error.message}{in_braces(answer, names)}",
                        _of_draw(error))]
    if verdict.correct:
        return []
    from .feedback import respond  # the mistake named, as a student is told it: only for an answer that is wrong
    said = respond(exercise, given, isolated=False).message or verdict.message
    computed = show(exercise.expected(), exercise.problem.variables, alike=True)
    return [Finding("answer", f"the given answer does not agree with the computed one ({computed}): {said}")]


def _mistakes(exercise: Exercise, right_answers: bool) -> list[Finding]:
    found = []
    problem = exercise.problem
    earlier: dict[object, int] = {}  # each answer read, by the first mistake giving it
    for i, mistake in enumerate(exercise.spec.mistakes):
        where = f"mistakes[{i}]"  # reported on the mistake's own line
        try:
            answer = exercise.author_text(mistake.answer)
            exercise.fill(mistake.feedback, strict=True)
            if right_answers and problem.check(show(answer.value, problem.variables), exercise.tolerance).correct:
                found.append(Finding(where, f"the mistake '{mistake.answer}' is a right answer"))
            # the same answer as an earlier mistake's, for every draw (written alike, or with no parameter):
            # only the first one's feedback is ever given
            typed = mistake.answer if isinstance(mistake.answer, str) else ""  # as written in the pack
            written = {"".join(m.answer.split()) for m in exercise.spec.mistakes[:i] if isinstance(m.answer, str)}
            if typed and ("".join(typed.split()) in written or not _uses_parameters(exercise, typed)):
                same = earlier.get(answer.value)
                if same is not None:
                    found.append(Finding(where, f"the mistake '{mistake.answer}' is the same answer as "
                                                f"mistakes[{same}], so its feedback is never given (only the "
                                                "first one's is)", of_draw=False))
            earlier.setdefault(answer.value, i)
        except TutorError as error:
            braces = in_braces(mistake.answer, [p.name for p in exercise.spec.params]) \
                if isinstance(mistake.answer, str) else ""
            found.append(Finding(where, f"the mistake '{mistake.answer}' can't be read: {error.message}{braces}",
                                 _of_draw(error)))
        except COMPUTING:
            found.append(Finding(where, f"the mistake '{mistake.answer}' can't be checked"))
    return found


def _texts(exercise: Exercise) -> list[Finding]:
    """The title and the hints, as the student would read them."""
    spec = exercise.spec
    found = []
    try:
        exercise.problem.hints()
    except (TutorError, *COMPUTING) as error:
        found.append(Finding(None, f"its hints can't be given: {getattr(error, 'message', 'they fail to compute')}"))
    for field, text in author_texts(spec):
        if field.startswith("mistakes"):
            continue  # a mistake's feedback is read with the mistake (`_mistakes`)
        try:
            exercise.fill(text, strict=True)
        except TutorError as error:
            found.append(Finding(field, f"{_what(field)} can't be shown: {error.message}"))
    return found


def first_failing(spec: ExerciseSpec, draws: int = 0, thorough: bool = True, every: bool = False) -> list[Finding]:
    """The problems of the first failing variant, each naming its draw; [] when all are fine. The
    variants: the one `variant(0)` gives (the lesson's, where the parameters have lesson values),
    then those drawn for 0 .. draws - 1 and, where draws are asked for, the edges of the last one
    (`_edges`), each checked whole; then, with `every` (see `every_draw_checked`), every other
    combination of the parameters `require` allows, built as a student's variant is (`build`:
    whether it can be set). A variant met again is checked once."""
    seen: set[Params] = set()
    try:
        for params, first in _sampled(spec, draws):
            if params in seen:
                continue
            seen.add(params)
            found = check(spec, params, thorough, first=first)
            if found:
                if _no_draw_s_doing(spec, params, found, thorough):
                    return [replace(f, of_draw=False) for f in found]
                return [of_draw(spec, params, f) for f in found]
    except FieldError as error:  # no draw meets `require`
        return [Finding(error.field, error.message)]
    for params in every_draw(spec) if every else ():
        if params in seen:
            continue
        try:
            if not spec.meets(params):
                continue
        except InputError as error:  # a condition whose numbers grow too large for these values
            return [Finding("require", with_draw(spec, params, error.message))]
        built = gradable(spec, params)
        problem = built if isinstance(built, Finding) else _unshown(spec, params)
        if problem is not None:
            return [of_draw(spec, params, problem)]
    return []


def _sampled(spec: ExerciseSpec, draws: int) -> Iterator[tuple[Params, bool]]:
    """The variants `first_failing` checks whole, each once, and whether it is the first; FieldError
    where no draw meets `require`."""
    seen: set[Params] = set()
    for key in range(-1, draws if spec.parameterised else 0):
        params = spec.values(0) if key < 0 else spec.drawn_values(key)
        for candidate in [params, *_edges(spec, params)] if key == draws - 1 > 0 else [params]:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate, key < 0


# Validation builds every combination of an exercise's parameters where there are at most EVERY_DRAW,
# and at most PACK_DRAWS in a pack (in the order of the file): a value one draw in hundreds gives, a = 50
# in x^2/(a - 50), is met. Beyond, it samples, and says so (`sampled_only`).
EVERY_DRAW = 5_000
PACK_DRAWS = 20_000


def every_draw_checked(specs: Sequence[ExerciseSpec]) -> list[bool]:
    """For each exercise of a pack, whether validation checks every combination of its parameters."""
    left, plan = PACK_DRAWS, []
    for spec in specs:
        count = combinations(spec) if spec.params else None
        plan.append(count is not None and count <= min(EVERY_DRAW, left))
        left -= count if plan[-1] and count is not None else 0
    return plan


def _values_of(param: Param) -> list[sympy.Expr] | None:
    """Every value the parameter is drawn from, in order; None where there are more than EVERY_DRAW."""
    if param.choices:
        return list(dict.fromkeys(param.choices))
    assert param.low is not None and param.high is not None
    if param.denominators is None:
        low, high = int(param.low), int(param.high)
        return [sympy.Integer(v) for v in range(low, high + 1)] if high - low < EVERY_DRAW else None
    spans = [(math.ceil(param.low * q), math.floor(param.high * q), q) for q in param.denominators]
    if sum(high - low + 1 for low, high, _ in spans) > EVERY_DRAW:
        return None
    return sorted({sympy.Rational(p, q) for low, high, q in spans for p in range(low, high + 1)})


def combinations(spec: ExerciseSpec) -> int | None:
    """How many combinations of values the parameters have (`require` aside); None where a rational
    range alone has more than EVERY_DRAW values (not counted)."""
    count = 1
    for param in spec.params:
        if param.choices or param.denominators is not None:
            values = _values_of(param)
            if values is None:
                return None
            count *= len(values)
        else:
            assert param.low is not None and param.high is not None
            count *= int(param.high - param.low) + 1
    return count


def every_draw(spec: ExerciseSpec) -> Iterator[Params]:
    """Every combination of the parameters' values, in order (callers ask where there are few)."""
    names = [param.name for param in spec.params]
    for values in itertools.product(*(_values_of(param) or () for param in spec.params)):
        yield tuple(zip(names, values))


def sampled_only(spec: ExerciseSpec, draws: int) -> str | None:
    """For an exercise whose parameters' combinations validation does not check every one of: how
    many it checked, of how many. None for one without parameters, or whose first draws fail."""
    if not spec.params:
        return None
    try:
        checked = sum(1 for _ in _sampled(spec, draws))
    except FieldError:  # reported as a problem already
        return None
    count = combinations(spec)
    of = f"{count:,}" if count is not None else f"more than {EVERY_DRAW:,}"
    return (f"{checked} of the {of} combinations of its parameters were checked; a student given another may get "
            f"a variant that can't be set (validation checks every one where an exercise has at most "
            f"{EVERY_DRAW:,}, up to {PACK_DRAWS:,} in a pack)")


LOAD_DRAWS = 8  # draws loading tries where the first can't be set


def refusing(spec: ExerciseSpec) -> list[Finding]:
    """What refuses an exercise when its pack is loaded: the problems of its first variant, unless its kind
    can't key its answer (Unkeyable: a function flat along a stretch for local minima), or the draw causes
    them and another of the first LOAD_DRAWS can be set. Then the exercise loads, and a student given a
    variant that can't be set is told so, as practice and the grader leave it out (validation names it)."""
    found = first_failing(spec, thorough=False)
    if all(f.unkeyable for f in found):
        return []
    if not (spec.per_student and all(f.of_draw for f in found)):
        return found
    for key in range(1, LOAD_DRAWS):
        try:
            if not check(spec, spec.drawn_values(key), thorough=False, first=False):
                return []
        except FieldError:  # no draw meets `require`: the first draw said so already
            break
    return found


def _edges(spec: ExerciseSpec, base: Params) -> Iterable[Params]:
    """Variants a few random draws rarely reach and where formulas break: each parameter in turn at
    0, ±1 and the ends of its range (or each of its choices), the others as in `base`, where
    `require` allows it. One student in hundreds may draw a = 0; validation should meet it first."""
    for i, param in enumerate(spec.params):
        if param.choices:
            values = list(param.choices)
        else:
            assert param.low is not None and param.high is not None
            values = [sympy.Rational(v) for v in (param.low, param.high, 0, 1, -1) if param.low <= v <= param.high]
        for value in dict.fromkeys(values):
            params = (*base[:i], (param.name, value), *base[i + 1:])
            if spec.meets(params):
                yield params


def _no_draw_s_doing(spec: ExerciseSpec, params: Params, found: list[Finding], thorough: bool) -> bool:
    """Whether the problems `found` with these values are the exercise's, whatever the values: the same
    ones, word for word, with every parameter at each of _PROBES (in the range or not), and at the edges of
    its range (`_edges`), where one value may be free of them. Then naming
    this draw ("with a = 3, a derivative needs a function of one variable") would send the author to
    the parameter's range when a name is misspelt in the function. A problem that every value in the
    range has, but not one of those (√a for a from -2 to -1), is the draw's."""
    if not (spec.params and all(f.of_draw for f in found)):
        return False
    if not all(check(spec, tuple((name, value) for name, _ in params), thorough, first=False) == found
               for value in _PROBES):
        return False
    # nor where a value the range draws is free of them: x² + y² − ax at (0, 0) is critical at a = 0 alone
    return all(check(spec, edge, thorough, first=False) == found for edge in _edges(spec, params) if edge != params)


# values of both signs, whole and not, where few formulas break together (√(1 - a) and √(a - 1) don't)
_PROBES = (sympy.Integer(2), sympy.Integer(-2), sympy.Rational(1, 2))


_SHORTEST_TOLD = 3  # characters: a shorter answer (0, 2x) is in many a hint that tells nothing


def hint_telling_answer(exercise: Exercise) -> Finding | None:
    """The first of the author's hints that states this variant's answer as the tutor prints it (each point of a
    set of points, in any order), spaces aside: a student who asks for it is told the answer. A caution, not a
    problem: the last hint may come near the answer on purpose."""
    spec, right = exercise.spec, exercise.expected()
    if spec.hints is None and not spec.more_hints:
        return None  # the kind's own hints: no author's to look at
    printed = ([show(item, exercise.problem.variables) for item in cast(tuple, right.value)]
               if right.shape == Shape.POINTS else [exercise.problem.show_answer(right)])
    if not printed or any(len("".join(text.split())) < _SHORTEST_TOLD for text in printed):
        return None
    # each printed character in turn, any spaces between; not inside a longer number, name or power
    patterns = [re.compile(r"(?<![\w.^])" + r"\s*".join(map(re.escape, "".join(text.split()))) + r"(?![\w^(]|\.\w)")
                for text in printed]
    shown = exercise.hints()
    own = len(shown) - len(spec.more_hints) if spec.hints is None else 0
    for number, hint in enumerate(shown[own:], start=own + 1):
        if all(pattern.search(hint) for pattern in patterns):
            field = "more_hints" if number > len(shown) - len(spec.more_hints) else "hints"
            which = (f"hint {number} of {len(shown)}, the last," if number == len(shown)
                     else f"hint {number} of {len(shown)}")
            return Finding(field, f"{which} states the answer, {' and '.join(printed)}: a student who asks for "
                                  f"{'every hint' if number == len(shown) else 'it'} is told it")
    return None
