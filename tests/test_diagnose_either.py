"""Either of two: said only for two different mistakes, each reason once (issue 14).

Where two misconceptions give the same wrong answer, a student is told both ("You get this answer if
you … or if you …"). Two ids that are the same mistake in other words would make that a sentence that
repeats itself ("differentiated ln(x) as ln(x), or left ln(x) as it is"): the catalogue builds such a
mistake once. These tests look at every either-message the catalogue can give on the built-in
exercises (their lesson or first variant), and at the cases that used to repeat themselves.
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from functools import cache

import pytest

from tutor import packs
from tutor.diagnose import offered
from tutor.feedback import respond
from tutor.misconceptions import Componentwise, Said, WrongAnswer, either, told
from tutor.misconceptions.derivatives import fingerprint
from tutor.parse import Answer, Shape
from tutor.topics import CATALOGUE


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


def test_an_either_message_corrects_a_derivative_once():
    """Two reasons giving the same derivative, each to its own wrong answer, are one sentence with both (an
    outside check read "The derivative of y² is 2y, not y. The power rule …: the derivative of y² is 2y, not 2.")."""
    merged = 0
    for exercise, ids, message in either_messages():
        corrected = re.findall(r"[Tt]he derivative of (.+?) is (.+?), not (.+?)\.(?: |$)", message)
        assert len({(site, right) for site, right, _ in corrected}) == len(corrected), f"{exercise} {ids}: {message}"
        merged += any(" or " in wrong for _, _, wrong in corrected)
    assert merged > 0


@pytest.mark.parametrize("pack, exercise, student, answer, note, message", [
    # one derivative corrected once, with both wrong answers and the fuller rule
    ("drills", "pd-at-point", "h7stud", "8", "misconception:power-rule-not-multiplied|power-rule-gave-exponent",
     "You get this answer if you lowered the exponent but did not multiply by it, or if you wrote just the exponent "
     "as the derivative. The power rule multiplies by the exponent and lowers it by one: the derivative of y² is "
     "2y, not y or 2."),
    # ln x "differentiated as ln x" is ln x left as it is: one mistake, said once
    ("gradients", "hard-to-optimize-derivative", None, "e^x - ln x", "misconception:wrong-ln-derivative",
     "It looks like you left ln(x) as it is instead of differentiating it. Its derivative is 1/x."),
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


def test_the_other_reading_told_is_by_another_rule_where_there_is_one(tmp_path):
    """Outside check h19, F3: (2, 4) for ∇(x² + 2y²) at (1, 2) was two slips of the power rule, when the constant
    coefficient 2 dropped gives the 4 too, and is what the same slip is told with the coefficient 3."""
    pack = tmp_path / "g.yaml"
    pack.write_text("pack: g\nexercises:\n  - {id: g, kind: gradient, function: x^2 + 2y^2, at: [1, 2]}\n",
                    encoding="utf-8")
    verdict = respond(packs.load(pack).exercise("g").variant(), "(2, 4)")
    assert verdict.note == "misconception:power-rule-not-multiplied|dropped-constant-coefficient"
    assert verdict.message.startswith("Your ∂f/∂y: you get this if you lowered the exponent but did not multiply by "
                                      "it, or if you dropped the constant coefficient 2.")


@pytest.mark.parametrize("answer, note", [("0.1", "wrong_value"), ("0.10", "wrong_value"), ("-0.1", "wrong_value")])
def test_one_digit_where_places_are_asked_is_no_story_of_two_mistakes(answer, note):
    """Outside check h20, F1: 0.1 for x₁ = 0.1447 (to 4 places) was "two mistakes: you gave the step, and you
    treated eˣ as a constant", a coincidence of one digit; it is not right to 4 places, and no more."""
    verdict = respond(packs.load("gradients").exercise("descent-1d-step-1").variant(), answer)
    assert verdict.note == note


# ------------------------------------------- a reason joined to another's keeps its subject (finding 65)

_PRONOUN = re.compile(r"(It|Its|They|Their|This|That|These|Those)\b")


def test_a_reason_that_starts_with_it_names_its_subject_for_when_it_is_joined():
    """A reason's "It changes with x" leans on the clause before it ("you treated the term cos(x) as a constant"); told
    beside another mistake, that clause is no longer just before it, so the catalogue says what "It" is."""
    for misconception in CATALOGUE.values():
        reasons = re.split(r"(?<=\.) (?=[A-Z])", Said.of(misconception.id, misconception.sentence).why)
        leaning = [r for r in reasons if _PRONOUN.match(r)]
        assert all(re.match(r"Its? ", r) for r in leaning), f"{misconception.id}: {leaning}"
        assert not leaning or misconception.subject, f"{misconception.id}: {leaning}"


def test_no_either_message_has_a_reason_without_its_subject():
    for exercise, ids, message in either_messages():
        did = re.match(r"(?:Your [^:]+: y|Y)ou get this(?: answer)? if you (.+?), or if you (.+?)\. ", message)
        assert did is not None, message
        reasons = re.split(r"(?<=\.) (?=[A-Z])", message[did.end():])
        assert not any(_PRONOUN.match(r) for r in reasons), f"{exercise} {ids}: {message}"


_JOINED = """\
pack: joined
title: Joined
exercises:
  - {id: cosq, kind: minimize, function: cos(x) + x^2/10}
  - {id: d, kind: partial_derivative, function: x^2 + 3x + 5, wrt: x}
  - {id: g, kind: gradient, function: x y + sin(x) + cos(y)}
  - {id: ln, kind: partial_derivative, function: x^2 + 4 ln(x), wrt: x}
  - {id: cl, kind: classify_point, function: x^2 + y^2, at: [0, 0]}
"""


@pytest.mark.parametrize("exercise, answer, message", [
    # finding 65: either of two, the second's "It" was cos(x)
    ("cosq", "0", "You get this answer if you gave a critical point that is a local maximum, or if you treated "
     "the term cos(x) as a constant. At 0, f″ = -4/5 < 0. A local minimum has f″ > 0. The term cos(x) changes "
     "with x: the "
     "derivative of cos(x) is -sin(x), not 0."),
    # two mistakes at once: "It changes with x" came after "you kept the term 5"
    ("d", "2x + 5", "It looks like two mistakes: you treated the term 3x as a constant, and you kept the term 5. "
     "The term 3x changes with x: the derivative of 3x is 3, not 0. 5 does not change when x changes, so its derivative is 0."),
    # one mistake in two partials: each reason names its own term
    ("g", "(cos(x), -sin(y))", "It looks like you treated the term xy as a constant in ∂f/∂x and ∂f/∂y. The term xy changes "
     "with x: the derivative of xy with respect to x is y, not 0. The term xy changes with y: the derivative of xy with respect "
     "to y is x, not 0."),
    # two mistakes, one in each partial
    ("g", "(cos x, x + sin y)", "It looks like two mistakes: you treated the term xy as a constant in your ∂f/∂x, and "
     "you took the wrong sign for the derivative of cos in your ∂f/∂y. The term xy changes with x: the derivative of xy with "
     "respect to x is y, not 0. The derivative of cos(y) is -sin(y) (sin′ = cos, cos′ = −sin)."),
    # "Its derivative": whose
    ("ln", "x + 4ln(x)", "It looks like two mistakes: you left ln(x) as it is instead of differentiating it, and you "
     "lowered the exponent but did not multiply by it. The derivative of ln(x) is 1/x. The derivative of x² is 2x, not x."),
    # "It is D = …" after a sentence about a saddle point; D's value said once (outside check h14, F9: twice)
    ("cl", "saddle", "You get this answer if you took D > 0 to mean a saddle point, or if you computed D with the "
     "sign reversed, as f_xy² − f_xx·f_yy. Here D = 4 > 0: the point is a minimum or a maximum, not a saddle "
     "point. The discriminant is D = f_xx·f_yy − f_xy²."),
])
def test_a_joined_reason_says_what_it_is_about(tmp_path, exercise, answer, message):
    path = tmp_path / "joined.yaml"
    path.write_text(_JOINED, encoding="utf-8")
    assert respond(packs.load(path).exercise(exercise).variant(), answer).message == message


def test_a_reason_alone_keeps_its_it():
    """Said once, right after what the student did, "It" is clear and stays."""
    assert respond(packs.load("gradients").exercise("hard-to-optimize-derivative").variant(None), "e^x - ln x") \
        .message == "It looks like you left ln(x) as it is instead of differentiating it. Its derivative is 1/x."


# ------------------------------------------- every two mistakes read as one sentence (finding 746)

def _filled(misconception) -> Said:
    """The misconception's sentence with each {field} left as its name: what is said of any exercise."""
    templates = [t for t in (misconception.sentence, misconception.subject, misconception.beside) if t]
    fields = {name: f"⟨{name}⟩" for t in templates for _, name, _, _ in string.Formatter().parse(t) if name}
    return misconception.fill(**fields)


def test_every_misconception_says_what_you_did():
    """A sentence is joined to another's by what the student did ("if you …", "you … and you …"), so
    each one of the whole catalogue opens with "It looks like you" and its clause reads after "you"."""
    for misconception in CATALOGUE.values():
        said = _filled(misconception)
        assert said.sentence.startswith("It looks like you "), misconception.id
        assert not said.did[0].isupper(), f"{misconception.id}: {said.did}"


def test_every_pair_of_the_catalogue_joins_into_one_sentence():
    """Either of two and two at once, for every pair of the catalogue: the clauses follow "if you" and "you"
    with no sentence of their own spliced in ("You get this answer if you It looks like …")."""
    said = [_filled(m) for m in CATALOGUE.values()]
    for first in said:
        for second in said:
            if first.misconception == second.misconception:
                continue
            joined = either(first, second)
            assert joined.startswith(f"You get this answer if you {first.did}, or if you {second.did}."), joined
            both = told([(None, first), (None, second)])
            assert "It looks like" not in joined, joined
            assert both.count("It looks like") == 1 and "you It" not in both, both


def test_the_cost_either_message_is_one_sentence():
    # E(1, 1) on (0, 1), (1, 4), (2, 3): the errors' plain sum and the square without its cross terms are -2
    verdict = respond(packs.load("drills").exercise("cost-value").variant("s1"), "-2")
    assert verdict.note == "misconception:cross-term-dropped|errors-not-squared"
    assert verdict.message == (
        "You get this answer if you left out the cross term 2·mx·b of each square, or if you added up the errors "
        "mx + b − y without squaring them. (mx + b − y)² has three products of two terms, each doubled: 2·mx·b, "
        "−2·mx·y and −2·b·y. The cost is the sum of the squares of the errors, so that errors above and below the "
        "line don't cancel.")
