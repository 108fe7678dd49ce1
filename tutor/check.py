"""`check(answer, expected)`: read a student's text, compare it, give a Verdict.

The one entry point the REPL, the grader, `tutor check` and the Python API
share. Student text is read by `tutor.parse` (never evaluated); reading,
comparing and writing how the answer was read all run inside one budget of
work units (`Limits.work`) and, as the outer guard, of CPU time
(`Limits.budget_seconds`): nothing of a verdict is computed after it. This runs
in the calling process; `tutor.workers` runs it where memory and CPU limits hold.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from typing import Any, BinaryIO, cast

import sympy
from sympy import Expr

from . import workers
from .budget import OutOfTime, budget, deadline
from .compare import Context, Note, Outcome, Tolerance, compare, wrong_link
from .limits import LIMITS, Limits
from .parse import AUTO, Answer, Equation, InputError, Meet, Point, Reading, Shape, UnknownName, read, to_sympy
from .safe_read import json_problem, text_lines
from .show import show
from .words import TextEnum, capitalized


class Judgement(TextEnum):
    """What a verdict says of an answer. The grader adds UNANSWERED for an answer never given."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    INVALID = "invalid"  # could not be read (or checked): says where and why, counts nothing
    UNANSWERED = "unanswered"
    NOT_GRADED = "not_graded"  # the student's variant could not be built: the exercise does not count for them


@dataclass(frozen=True)
class Verdict:
    verdict: Judgement
    note: str  # a Note, or one of a family like "parse_error:unbalanced"
    message: str  # one or two sentences for the student
    reading: str = ""  # the answer as understood, in Unicode maths
    column: int | None = None  # where unreadable input went wrong (0-based)
    credit: float = 0.0  # share of the marks the answer earns where partial credit is allowed

    @property
    def correct(self) -> bool:
        return self.verdict == Judgement.CORRECT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def pointer(self, text: str) -> str:
        """For invalid input: the text with a caret under the column, then the message."""
        if self.column is None:
            return self.message
        return f"{InputError('', self.column).pointer(text)}\n{self.message}"


TIMED_OUT = Verdict(Judgement.INVALID, Note.TIMEOUT, "Checking this answer took too long; please write it more simply.")
TOO_LARGE = Verdict(Judgement.INVALID, Note.TOO_LARGE, "This answer is too large to check.")
NUMBER_TOO_LARGE = Verdict(Judgement.INVALID, Note.TOO_LARGE, "This number is too large to work with.")
CRASHED = Verdict(Judgement.INVALID, Note.CRASHED, "This answer could not be checked; please tell your instructor.")
STOPPED = {"timeout": TIMED_OUT, "memory": TOO_LARGE, "crashed": CRASHED}  # a worker's Stopped.reason


def _sentence(text: str) -> str:
    text = capitalized(text.strip())
    return text if text.endswith((".", "?", "!")) else text + "."


class UnreadableExpected(InputError):
    """The expected answer, typed by a teacher (--expected, a batch line's 'expected'), can't be used: told so,
    not as if the student's answer were at fault."""


def expected_answer(expected: object, shape: Shape | str | None = None,
                    variables: Sequence[str] | None = None) -> Answer:
    """The expected answer as an Answer: from trusted text or from sympy values."""
    if isinstance(expected, Answer):
        return expected
    if isinstance(expected, str):
        return _expected_text(expected, shape, tuple(variables) if variables is not None else None)
    if isinstance(expected, Equation):
        return Answer(Shape.EQUATION, expected)
    if isinstance(expected, (set, frozenset)):
        return Answer(Shape.POINTS, tuple(sorted((_point(p) for p in expected), key=str)))
    if isinstance(expected, (tuple, list)):
        if shape == Shape.POINTS or (expected and all(isinstance(v, (tuple, list, Equation)) for v in expected)):
            return Answer(Shape.POINTS, tuple(_point(p) for p in expected))
        return Answer(Shape.VECTOR, tuple(to_sympy(v) for v in expected))
    value = to_sympy(expected)
    if shape is None:
        shape = Shape.EXPRESSION if value.free_symbols or variables else Shape.NUMBER
    return Answer(Shape(shape), value)


@functools.lru_cache(maxsize=1024)  # a class's answers are checked against the same few expected texts
def _expected_text(text: str, shape: str | None, variables: tuple[str, ...] | None) -> Answer:
    answer = read(text, shape or AUTO, variables or (), infer=True, limits=Limits(max_length=100_000, max_depth=500))
    if shape is None and answer.shape == Shape.NUMBER and variables:  # a constant the student may write with variables
        return Answer(Shape.EXPRESSION, answer.value, spellings=answer.spellings, wholes=answer.wholes)
    return answer


def _point(value: object) -> Point | Equation:
    if isinstance(value, Equation):
        return value
    return tuple(to_sympy(c) for c in cast(Iterable[object], value))  # a point: a tuple or list of numbers


def variables_of(answer: Answer, text: str = "") -> tuple[str, ...]:
    """The variables an expected answer uses, in order of first appearance in `text`."""
    names = {s.name for s in _free_symbols(answer.value)}
    return tuple(sorted(names, key=lambda n: (text.find(n) if n in text else len(text), n)))


def _free_symbols(value: object) -> set[sympy.Symbol]:
    if isinstance(value, Equation):
        return set(value.lhs.free_symbols | value.rhs.free_symbols)
    if isinstance(value, Meet):  # a line in three variables, {x = 0, z = 0}
        return _free_symbols(value.equations)
    if isinstance(value, tuple):
        return set().union(*(_free_symbols(v) for v in value)) if value else set()
    if isinstance(value, str):
        return set()
    return set(cast(Expr, value).free_symbols)  # the one shape left: an expression


def check(
    answer: str,
    expected: object,
    *,
    variables: Sequence[str] | None = None,
    shape: Shape | str | None = None,
    tolerance: str | float | Tolerance | None = None,
    components: Sequence[str] = (),
    limits: Limits = LIMITS,
    isolated: bool = True,
    labels: Sequence[str] = (),
    reader: Callable[[str, Limits], Answer] | None = None,
    domain: Sequence[Expr] = (),
) -> Verdict:
    """Decide whether `answer` (untrusted text) equals `expected`.

    expected: trusted text in the same syntax, or sympy values (an Expr, a tuple
    for a vector, a set of tuples for points, an Equation). variables: the names
    a student may use (default: those of the expected answer). shape: one of
    tutor.parse.SHAPES (default: the shape of the expected answer).
    tolerance: for decimals, `1e-3` (relative) or `dp:4` (decimal places).
    components: names a vector's parts may be typed with (m = 1/2, b = 7/3); labels: what messages
    call them where a student does not type them (∂f/∂y; default: the components' names).
    reader: how an exercise that reads answers its own way reads `answer` (raising InputError), where
    the expected answer's shape alone does not say (a lone number as a list of one); by default, in
    that shape. domain: what the question is about (the function a derivative is of): an answer with a value
    on hardly any of where it has one is incorrect (note undefined), whatever it equals elsewhere.
    isolated: check in a worker process (tutor.workers), where the memory and CPU
    limits hold even inside C code. False checks in this process, for trusted
    callers only: the work budgets still hold, but memory does not, and CPU time
    only where Python code runs.
    """
    if isolated and not workers.IN_WORKER:
        # positional and short: it is pickled
        return in_worker(_check_here, answer, expected, variables, shape, tolerance, tuple(components),
                         None if limits is LIMITS else limits, tuple(labels), reader, tuple(domain))
    try:
        want = expected_answer(expected, shape, variables)
    except InputError as error:
        if error.note == "shape":
            raise
        raise UnreadableExpected(error.message, error.column, error.note) from None
    if isinstance(expected, str) and variables is not None:
        # a name the variables leave out: each answer would be refused for it ("Unknown name 'x'")
        unlisted = sorted(set(variables_of(want)) - {*variables, *components, *labels})
        if unlisted:
            raise UnreadableExpected(f"it uses {unlisted[0]}, which is not among the variables given "
                                     f"({', '.join(variables) or 'none'})", None, "unknown_name")
    names = tuple(variables) if variables is not None else variables_of(
        want, expected if isinstance(expected, str) else "")
    context = Context(names, Tolerance.parse(tolerance), limits, components=tuple(labels or components),
                      domain=tuple(domain))
    try:
        # In a worker the kernel's CPU limit is the default guard (its verdict is the same timeout).
        guard = nullcontext() if workers.IN_WORKER and limits is LIMITS else deadline(limits.budget_seconds)
        with guard, budget(limits.work):
            got = reader(answer, limits) if reader is not None else \
                read(answer, want.shape, names, components=components, limits=limits)
            # wrong working is marked wrong whatever value it ends in, as a teacher would
            return _verdict(wrong_link(got, context, want) or compare(got, want, context), got, names)
    except InputError as error:
        note = Note.TOO_LARGE if error.note == Note.TOO_LARGE else Note.PARSE_ERROR.of(error.note)
        message = error.message
        if want.shape == Shape.NUMBER and isinstance(error, UnknownName) and error.variables:
            # "(the variable is x)" said x may stand where it may not (outside check h53, N7)
            message = f"unknown name '{error.name}': a number is expected here, without variables"
        return Verdict(Judgement.INVALID, note, _sentence(message), column=error.column)
    except OutOfTime:
        return TIMED_OUT
    except (RecursionError, MemoryError):
        return TOO_LARGE
    except OverflowError:  # a number path the limits missed: still a verdict, never a crash
        return NUMBER_TOO_LARGE


def in_worker(fn: Callable[..., Verdict], *args: object) -> Verdict:
    """`fn(*args)` in a worker process; a worker stopped by its limits gives the verdict that says
    why (timeout, too_large, crashed)."""
    outcome = workers.isolated(fn, *args)
    return STOPPED[outcome.reason] if isinstance(outcome, workers.Stopped) else cast(Verdict, outcome)


def _check_here(answer: str, expected: object, variables: Sequence[str] | None, shape: str | None,
                tolerance: str | float | Tolerance | None, components: Sequence[str], limits: Limits | None,
                labels: Sequence[str] = (), reader: Callable[[str, Limits], Answer] | None = None,
                domain: Sequence[Expr] = ()) -> Verdict:
    return check(answer, expected, variables=variables, shape=shape, tolerance=tolerance,
                 components=components, limits=limits or LIMITS, isolated=False, labels=labels, reader=reader,
                 domain=domain)


def with_readings(message: str, readings: Sequence[Reading], correct: bool) -> str:
    """A verdict's message and how the answer was read where it may not say what was meant (Answer.ambiguities):
    a right answer was read as meant, and is told just how; a wrong one maybe not, and is told how to write the
    other meaning too."""
    if readings and correct:
        return message + " (" + " ".join(_sentence(reading.said) for reading in readings) + ")"
    return message + noted(readings)


def noted(readings: Sequence[Reading]) -> str:
    """" Note: …", each reading and its advice a sentence, or nothing."""
    return " Note: " + " ".join(_sentence(str(reading)) for reading in readings) if readings else ""


def _verdict(outcome: Outcome, got: Answer, names: Sequence[str]) -> Verdict:
    return Verdict(
        Judgement.CORRECT if outcome.correct else Judgement.INCORRECT,
        outcome.note,
        with_readings(outcome.message, got.ambiguities, outcome.correct),
        reading=show(got, names, typed=True),
        credit=outcome.credit,
    )


def check_lines(stream: BinaryIO, limits: Limits = LIMITS) -> Iterator[dict[str, object]]:
    """`tutor check --batch`: one JSON object per line in, one per line out, in order.

    Each input object has `answer` and `expected`, and optionally `id`, `vars`
    (a list or "x,y"), `shape`, `tol`, `components`. A line that can't be used
    (not UTF-8, too long, not a JSON object, nested too deeply, a key given
    twice) gives an object with `error` and its line number, and the rest go on.
    The checks go to the worker BATCH at a time, each with its own limits (see `check_each`).
    """
    pending: list[tuple[dict[str, object], int, _CheckArgs | None]] = []  # (head or error, line, check)
    for line in text_lines(stream, limits.max_submission_bytes):
        item = _request(line.number, line.text, line.problem, limits)
        if item is not None:
            pending.append(item)
        # lines that can't be checked, with none to check before them, said at once: the next line may never come
        if all(args is None for _, _, args in pending) or sum(args is not None for _, _, args in pending) >= BATCH:
            yield from _answered(pending)
            pending = []
    yield from _answered(pending)


_KEYS = ("id", "answer", "expected", "vars", "shape", "tol", "components")  # what a batch line may give


def _meant(key: str) -> str | None:
    """The key of a batch line that `key` is a misspelling of ('tolerance', 'Vars', 'expect'), if any. Other keys
    are a line's own data (a suite's 'source', 'equal'), left as they are."""
    found = [k for k in _KEYS if key.lower().startswith(k) or k.startswith(key.lower())]
    found = found or difflib.get_close_matches(key.lower(), _KEYS, n=1, cutoff=0.75)
    return found[0] if found else None


BATCH = 64  # checks sent to the worker at once: one message each way for all of them

# _check_here's arguments; the shape and the tolerance as the request gave them (check() refuses what they can't be)
_CheckArgs = tuple[str, str, "tuple[str, ...] | None", Any, Any, tuple[str, ...], "Limits | None"]


def _request(number: int, text: str | None, problem: str, limits: Limits
             ) -> tuple[dict[str, object], int, _CheckArgs | None] | None:
    """One line of a batch: (its head, its number, the check to run), or an error object in place of the head."""
    if text is None:
        return {"line": number, "error": f"line {number}: {problem}"}, number, None
    if not text.strip():
        return None
    try:
        request = json.loads(text, object_pairs_hook=_unique_keys)
    except (json.JSONDecodeError, _GivenTwice) as error:
        request = error
    except ValueError:  # an integer of more than 4,300 digits, which Python's int() refuses
        return {"line": number, "error": f"line {number}: a number in it is too long"}, number, None
    except RecursionError:
        return {"line": number, "error": f"line {number}: not a JSON object: it is nested too deeply"}, number, None
    if not isinstance(request, dict):
        # the decoder's words put in a sentence, at the line's column (outside check h40, F9)
        why = (json_problem(request, f"column {request.colno}", "line") if isinstance(request, json.JSONDecodeError)
               else request if isinstance(request, ValueError) else "each line must be a JSON object")
        # after a colon: the reason may hold brackets of its own (outside check h44, N6)
        return {"line": number, "error": f"line {number}: not a JSON object: {why}"}, number, None
    misspelt = next(((key, like) for key in sorted(set(request) - set(_KEYS)) if (like := _meant(key))), None)
    if misspelt:  # a misspelt 'tol' would be left out, and the verdict change without a word
        return {"line": number, "error": f"line {number}: unknown key '{misspelt[0]}'; did you mean "
                                         f"'{misspelt[1]}'?"}, number, None
    if not _echoable(request.get("id")):
        return {"line": number, "error": f"line {number}: the id has a number JSON can't give back (NaN, or past "
                                         "1e308); write it in quotes"}, number, None
    # the line too beside an id, which the file chose and may repeat: blank lines are skipped (outside check h64, F10)
    head: dict[str, object] = {"id": request["id"], "line": number} if "id" in request else {"line": number}
    try:
        args = (_field(request, "answer"), _field(request, "expected"), names(request.get("vars")),
                request.get("shape"), request.get("tol"), names(request.get("components")) or (),
                None if limits is LIMITS else limits)
    except InputError as error:
        return {**head, "error": f"line {number}: {error.message}"}, number, None
    return head, number, args


def _answered(pending: list[tuple[dict[str, object], int, _CheckArgs | None]]) -> Iterator[dict[str, object]]:
    results = iter(check_each([args for _, _, args in pending if args is not None]))
    for head, number, args in pending:
        if args is None:
            yield head
            continue
        result = next(results)
        yield {**head, **result.to_dict()} if isinstance(result, Verdict) else \
            {**head, "error": f"line {number}: {result}"}


def check_each(requests: Sequence[_CheckArgs]) -> list[Verdict | str]:
    """Many checks (the arguments of `_check_here`) in one call to the worker, each under its own limits
    (work budget, CPU time): a verdict each, or the message of an expected answer or tolerance that can't be
    read. A worker whose heap has grown too large ends a call early, and a fresh one goes on; a worker
    stopped part way (a hostile answer that got past the budgets) loses the rest of the call: those are
    then checked one at a time, so only the answer that stops a worker gets the verdict that says why."""
    results: list[Verdict | str] = []
    while len(results) < len(requests):  # a worker grown too large stops early; a fresh one goes on
        outcome = workers.isolated(_check_each, tuple(requests[len(results):]))
        if isinstance(outcome, workers.Stopped):
            break
        results += cast(list[Verdict | str], outcome)
    for args in requests[len(results):]:
        alone = workers.isolated(_check_each, (args,))
        results += [STOPPED[alone.reason]] if isinstance(alone, workers.Stopped) else cast(list[Verdict | str], alone)
    return results


def _check_each(requests: tuple[_CheckArgs, ...]) -> list[Verdict | str]:
    results: list[Verdict | str] = []
    for args in requests:
        if not workers.next_part():
            break
        try:
            results.append(_check_here(*args))
        except UnreadableExpected as error:
            results.append(f"'expected' can't be used: {error.message}")
        except InputError as error:  # the shape or the tolerance, which say what they are about
            results.append(error.message)
    return results


class _GivenTwice(ValueError):
    """A JSON object with a key given twice (json keeps the last, silently)."""


def _echoable(value: object) -> bool:
    """Whether an id written back as JSON is JSON: Python reads NaN and 1e400 (inf) but writes them as
    NaN and Infinity, which strict readers refuse."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_echoable(v) for v in value)
    if isinstance(value, dict):
        return all(_echoable(v) for v in value.values())
    return True


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _GivenTwice(f"'{key}' is given twice")
        found[key] = value
    return found


def _field(request: dict[str, object], name: str) -> str:
    value = request.get(name)
    if not isinstance(value, str):
        raise InputError(f"'{name}' is missing or not a string")
    return value


def names(value: object) -> tuple[str, ...] | None:
    """Variable names given as "x,y" or ["x", "y"] (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(n.strip() for n in value.split(",") if n.strip())
    if isinstance(value, list) and all(isinstance(n, str) for n in value):
        return tuple(value)
    raise InputError("'vars' must be a list of names or a string like \"x,y\"")
