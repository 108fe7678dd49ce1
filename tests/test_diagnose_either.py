"""Either of two: said only for two different mistakes, each reason once (issue 14).

Where two misconceptions give the same wrong answer, a student is told both ("You get this answer if
you … or if you …"). Two ids that are the same mistake in other words would make that a sentence that
repeats itself ("differentiated ln(x) as ln(x), or left ln(x) as it is"): the catalogue builds such a
mistake once. These tests look at every either-message the catalogue can give on the built-in
exercises (their lesson or first variant), and at the cases that used to repeat themselves.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import pytest

from tutor import packs
from tutor.diagnose import offered
from tutor.feedback import respond
from tutor.misconceptions import Componentwise, Said, WrongAnswer, either
from tutor.misconceptions.derivatives import fingerprint
from tutor.parse import Answer, Shape


def _key(answer: Answer, names: tuple[str, ...]) -> object:
    """Two candidates with equal keys give the same answer (up to the fingerprint's two points)."""
    value = answer.value
    if answer.shape in (Shape.EXPRESSION, Shape.NUMBER):
        return fingerprint(value, names)
    if answer.shape == Shape.VECTOR:
        return tuple(fingerprint(c, names) for c in value)
    return answer.shape, str(value)


@cache
def either_messages() -> list[tuple[str, str, str]]:
    """(exercise, the two ids, the message) for every either-of-two the built-in exercises can give."""
    found = []
    for name in packs.BUILT_IN:
        for spec in packs.load(name).exercises:
            exercise = spec.variant(None)
            problem = exercise.problem
            groups: dict[object, list[Said]] = defaultdict(list)
            parts: list[tuple[str, list[Said]]] = []
            for candidate in offered(problem, None, spec.mistakes):
                if isinstance(candidate, WrongAnswer) and len(candidate.said) == 1:
                    names = candidate.variables if candidate.variables is not None else problem.answer_variables
                    groups[(candidate.answer.shape, _key(candidate.answer, tuple(names)))].append(candidate.said[0])
                elif isinstance(candidate, Componentwise) and not candidate.whole:
                    names = candidate.variables if candidate.variables is not None else problem.answer_variables
                    for part, options in zip(candidate.names, candidate.options):
                        by_value: dict[object, list[Said]] = defaultdict(list)
                        for option in options:
                            if len(option.said) == 1:
                                by_value[fingerprint(option.value, tuple(names))].append(option.said[0])
                        parts += [(part, said) for said in by_value.values()]
            for part, said in [*((None, s) for s in groups.values()), *parts]:
                first = said[0]
                second = next((s for s in said if s.misconception != first.misconception), None)
                if second is not None:
                    found.append((spec.id, f"{first.misconception}|{second.misconception}",
                                  either(first, second, part)))
    return found


def test_there_are_either_messages_to_look_at():
    assert len(either_messages()) > 50


def test_an_either_message_names_two_different_mistakes_and_says_each_reason_once():
    for exercise, ids, message in either_messages():
        did = re.match(r"(?:Your [^:]+: y|Y)ou get this(?: answer)? if you (.+?), or if you (.+?)\. ", message)
        assert did is not None, message
        assert did.group(1) != did.group(2), f"{exercise} {ids}: {message}"
        reasons = [s.strip() for s in re.split(r"(?<=\.) (?=[A-Z])", message[did.end():]) if s.strip()]
        core = [r.rstrip(".").casefold() for r in reasons]
        for i, reason in enumerate(core):
            assert not any(reason in other for j, other in enumerate(core) if j != i), f"{exercise} {ids}: {message}"


@pytest.mark.parametrize("pack, exercise, student, answer, note, message", [
    # ln x "differentiated as ln x" is ln x left as it is: one mistake, said once
    ("gradients", "hard-to-optimize-derivative", None, "e^x - ln x", "misconception:wrong-ln-derivative",
     "It looks like you differentiated ln(x) as ln(x). Its derivative is 1/x."),
    # the coefficient of a linear inside dropped is the inner derivative left out
    ("drills", "pd-exp", "ann", "x e^(4y) + 7", "misconception:missing-inner-derivative", None),
    # c·eᵘ left as it is is eᵘ's chain rule without the inner derivative
    ("drills", "d-exp-log", "s01", "5e^(2x) - 3/x", "misconception:missing-inner-derivative", None),
    # whole lines where one partial is zero: that partial solved alone
    ("gradients", "critical-x2y2", None, "x = 0", "misconception:solved-one-partial",
     "It looks like you solved only ∂f/∂x = 0. At a critical point every partial derivative is zero at once: "
     "solve ∂f/∂x = 0 and ∂f/∂y = 0 together."),
    # two different mistakes giving one line: both said, the reason they share once
    ("gradients", "power-lines-fit", None, "(1/2, 3/2)", "misconception:line-through-two-points|mean-of-slopes",
     "You get this answer if you drew the line through (1, 2) and (3, 3), or if you averaged the slopes between "
     "the points. The least-squares line is fitted to all the points at once: solve ∂E/∂m = 0 and ∂E/∂b = 0 "
     "together."),
])
def test_what_used_to_repeat_itself(pack, exercise, student, answer, note, message):
    verdict = respond(packs.load(pack).exercise(exercise).variant(student), answer)
    assert verdict.note == note
    if message is not None:
        assert verdict.message == message
    else:
        assert verdict.message.startswith("It looks like you left out the inner derivative.")
