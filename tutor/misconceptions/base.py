"""The values a catalogue is made of: named misconceptions and the wrong answers they produce.

A misconception's sentence is "It looks like you <what you did>. <why it is wrong>". Diagnosis
names one mistake with the sentence, two at once ("It looks like two mistakes: you …, and you …"),
either of two that give the same answer ("You get this answer if you … or if you …"), or one in a
part of the answer ("Your ∂f/∂y: it looks like you …"); `Said` keeps the two halves apart for that.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

import sympy
from sympy import Expr

from ..compare import Context
from ..evaluate import Evaluation
from ..parse import Answer, Shape, symbol
from ..words import and_list, capitalized

OPENING = "It looks like you "
BOTH = "+"  # joins the ids of two mistakes made at once, in a note: misconception:a+b
EITHER = "|"  # joins the ids of two mistakes that each give the answer: misconception:a|b


@dataclass(frozen=True)
class Said:
    """A misconception's sentence, filled in for one exercise: what the student did, and why not.

    Made when first read (`make`): a variant has hundreds of candidates, and a student is told one."""

    misconception: str
    make: Callable[[], str] = field(compare=False, repr=False)
    subject: Callable[[], str] | None = field(default=None, compare=False, repr=False)  # see `alone`
    # what, typed, shows the sentence false of the answer (regular expressions over the text without spaces):
    # "you used x where the plane has (x - 2)" is not said of 4(x - 2) + 8(y - 4) + 40, whatever its value
    refuted_by: tuple[str, ...] = field(default=(), compare=False, repr=False)
    beside: Callable[[], str] | None = field(default=None, compare=False, repr=False)  # see `alone`
    in_turn: bool = field(default=False, compare=False, repr=False)  # see `told`

    @classmethod
    def of(cls, misconception: str, sentence: str) -> Said:
        return cls(misconception, lambda: sentence)

    @cached_property
    def sentence(self) -> str:
        return self.make()

    def refuted(self, typed: str) -> bool:
        """Whether the text (without spaces) shows this sentence false of what was typed (`refuted_by`)."""
        return any(re.search(pattern, typed) for pattern in self.refuted_by)

    @property
    def did(self) -> str:
        """"differentiated y³ as well": the sentence's first clause, after "It looks like you"."""
        return self._split()[0]

    @property
    def why(self) -> str:
        return self._split()[1]

    def _split(self) -> tuple[str, str]:
        text = self.sentence[len(OPENING):] if self.sentence.startswith(OPENING) else self.sentence
        cut = min((i for i in (text.find(". "), text.find(": ")) if i >= 0), default=len(text))
        did, why = text[:cut].rstrip("."), text[cut + 2:].strip()
        # after a colon the reason starts lower-case; after a full stop it is a sentence as written, and
        # one that starts with a formula ("xy changes with x") keeps its case
        return did, capitalized(why) if text[cut:cut + 2] == ": " else why

    @cached_property
    def alone(self) -> str:
        """The reason as said after another mistake's words: a sentence of it that starts with "It" or
        "Its" leans on this mistake's own first clause ("you treated cos(x) as a constant. It changes
        with x"), which is no longer just before it there, so it names its subject instead ("cos(x)
        changes with x"; "Its derivative" becomes "The derivative of ln(x)"). A reason about a place
        ("f′ has no value there") says which (`beside`: "At x = 1, f′ is …"), as another's reason is near."""
        if self.beside is not None:
            return self.beside()
        if self.subject is None:
            return self.why
        name = self.subject()
        return " ".join(_named(sentence, name) for sentence in _SENTENCES.split(self.why))


def _named(sentence: str, subject: str) -> str:
    if sentence.startswith("It "):
        return subject + sentence[2:]
    if sentence.startswith("Its "):
        noun, _, rest = sentence[4:].partition(" ")
        return f"The {noun} of {subject} {rest}"
    return sentence


@dataclass(frozen=True)
class Misconception:
    """A named mistake: what the student did, and what to tell them.

    `sentence` is a template starting "It looks like you": a catalogue fills its {fields} with the
    pieces of one exercise (the term at fault, the variable held constant ...). Where a sentence of its
    reason starts with "It" or "Its", `subject` (a template too) says what that is, written as it starts
    a sentence ("The product rule", "{piece}": a formula keeps its case): the reason is told beside
    another mistake's too, away from the clause that named it (`Said.alone`).
    """

    id: str  # stable, kebab-case: the verdict's note is `misconception:<id>`
    summary: str  # the mistake in a few words, for tables and reports
    sentence: str
    subject: str | None = None
    beside: str | None = None  # the reason as told beside another mistake's, naming what it is about
    in_turn: bool = False  # an item left out of the answer: told in turn with another such (`told`)

    def say(self, **fields: str) -> str:
        return self.sentence.format(**fields)

    def named(self, **fields: str) -> Callable[[], str] | None:
        """What the reason's "It" is, for these fields (made when first read), or None where it has none."""
        subject = self.subject
        return None if subject is None else lambda: subject.format(**fields)

    def fill(self, **fields: str) -> Said:
        beside = self.beside
        return Said(self.id, lambda: self.say(**fields), self.named(**fields),
                    beside=None if beside is None else lambda: beside.format(**fields), in_turn=self.in_turn)


def told(parts: Sequence[tuple[str | None, Said]]) -> str:
    """The message for one or two mistakes, each in a part of the answer (its name) or in the whole (None).
    Two items left out of the answer (`in_turn`), each for its own reason, are told one after the other,
    each with its reason ("It looks like you missed x = 1: …. You also missed x = 0. …"): as two mistakes
    with the reasons after both, a reader could not tell which reason is whose."""
    if len(parts) == 1:
        part, said = parts[0]
        return said.sentence if part is None else f"Your {part}: it looks like you {said.did}. {said.why}".rstrip()
    if all(part is None and said.in_turn and said.sentence.startswith(OPENING) for part, said in parts):
        first, second = (said.sentence for _, said in parts)
        return f"{first} You also {second[len(OPENING):]}"
    clauses = [f"you {said.did}" + ("" if part is None else f" in your {part}") for part, said in parts]
    reasons = " ".join(_formula_once(list(dict.fromkeys(said.alone for _, said in parts if said.alone))))
    return f"It looks like two mistakes: {clauses[0]}, and {clauses[1]}. {reasons}".rstrip()


def _formula_once(reasons: list[str]) -> list[str]:
    """Two reasons that end in the same formula say it once: "The plane goes through the point on the surface,
    and the slopes multiply the distances from the point: z = f(a, b) + …", not the formula twice. Where the
    second is that formula with more ("Each step is new point = old point − α·f′(old point), with α = 0.005"), the
    first ends on it, and the second is left out (h17 read the step's formula twice)."""
    if len(reasons) != 2:
        return reasons
    first, colon, formula = reasons[0].rpartition(": ")
    before, found, more = reasons[1].partition(formula.rstrip("."))
    if colon and "=" in found and before.endswith((" is ", ": ")) and more.rstrip(".") \
            and not _SENTENCES.search(before) and not _SENTENCES.search(more):
        return [f"{first}: {found}{more}"]
    (first, colon, formula), (second, other_colon, other_formula) = (r.rpartition(": ") for r in reasons)
    if not (colon and other_colon and formula == other_formula) or _SENTENCES.search(second) \
            or not second[:1].isupper() or not second[1:2].islower():
        return reasons
    return [f"{first}, and {second[0].lower()}{second[1:]}: {formula}"]


def in_places(misconception: str, places: Sequence[tuple[str, Said]]) -> Said:
    """One misconception's sentence where it changed several parts (∂f/∂x and ∂f/∂y), each named: "you
    differentiated y² as well in ∂f/∂x and differentiated x² as well in ∂f/∂y". The first place alone
    would send the student to a slip that does not give their answer by itself."""
    if len(places) == 1:
        return places[0][1]

    def sentence() -> str:
        dids = [said.did for _, said in places]
        if len(set(dids)) == 1:
            did = f"{dids[0]} in {and_list([where for where, _ in places])}"
        else:
            did = and_list([f"{d} in {where}" for d, (where, _) in zip(dids, places)])
        # a rule is said once, with its first example ("The power rule lowers the exponent by one: the
        # derivative of x² is 2x, not 2x²"); reasons about each piece, each ("The derivative of y² is 2y.")
        whys: dict[str, str] = {}
        for _, said in places:
            why = said.alone
            if why:
                whys.setdefault(why.partition(": ")[0] if ": " in why else why, why)
        return f"{OPENING}{did}. {' '.join(whys.values())}".rstrip()

    return Said(misconception, sentence)


def either(first: Said, second: Said, part: str | None = None) -> str:
    """The message for an answer that each of two mistakes gives: what each did, and why not, each
    reason once (one that another already says, like "the derivative of x² is 2x" in "the derivative of
    x² is 2x, not x", is left out)."""
    where = "" if part is None else f"Your {part}: y"
    opening = f"{where}ou get this" if part else "You get this answer"
    whys = list(dict.fromkeys(sentence for s in (first, second) if s.alone for sentence in _SENTENCES.split(s.alone)))
    whys = [w for w in whys if not any(_core(w) in _core(other) for other in whys if other != w)]
    reasons = " ".join(_one_correction(_said_once(whys)))
    return f"{opening} if you {first.did}, or if you {second.did}. {reasons}".rstrip()


_SENTENCES = re.compile(r"(?<=\.) (?=[A-Z])")  # a reason may be several (one misconception in two partials)
# a reason that corrects a derivative: "[The power rule …: t]he derivative of y² is 2y, not 2."
_CORRECTION = re.compile(r"(?P<rule>.*?)(?P<t>[Tt])he derivative of (?P<site>.+?) is (?P<right>.+?), "
                         r"not (?P<wrong>.+)\.")


def _one_correction(reasons: list[str]) -> list[str]:
    """Two reasons correcting the same derivative, each to its own wrong answer, said once with both wrong
    answers, and the fuller rule: "The power rule multiplies by the exponent and lowers it by one: the
    derivative of y² is 2y, not y or 2", not "The derivative of y² is 2y, not y" before it again."""
    found = [_CORRECTION.fullmatch(r) for r in reasons]
    for i, j in itertools.combinations(range(len(found)), 2):
        a, b = found[i], found[j]
        if a and b and (a["site"], a["right"]) == (b["site"], b["right"]) and a["wrong"] != b["wrong"]:
            rule = max(a, b, key=lambda m: len(m["rule"]))
            merged = (f"{rule['rule']}{rule['t']}he derivative of {a['site']} is {a['right']}, "
                      f"not {a['wrong']} or {b['wrong']}.")
            return [*reasons[:i], merged, *reasons[i + 1:j], *reasons[j + 1:]]
    return reasons


_HERE = re.compile(r"(?P<rule>.+); here (?P<value>.+)\.")  # "The discriminant is D = …; here D = 4."


def _said_once(reasons: list[str]) -> list[str]:
    """The reasons, a value a reason ends on ("; here D = 4") left out where one before it says it already
    ("Here D = 4 > 0: …")."""
    kept: list[str] = []
    for reason in reasons:
        here = _HERE.fullmatch(reason)
        said = here is not None and any(here["value"] in before for before in kept)
        kept.append(f"{here['rule']}." if said and here else reason)
    return kept


def _core(reason: str) -> str:
    return reason.rstrip(".").casefold()


@dataclass(frozen=True)
class Known:
    """An expression's exact values at points, known where it was built (a derivative, from its
    terms' values): diagnosis need not evaluate the expression again. Values in `names`, at
    `points` (tutor.diagnose uses them where they are its own sample points), as its evaluation
    gives them."""

    names: tuple[str, ...]
    points: tuple[tuple[Fraction, ...], ...]
    values: tuple[Evaluation, ...]

    def __neg__(self) -> Known:
        return Known(self.names, self.points, tuple(Evaluation(-v.value) for v in self.values))


@dataclass(frozen=True)
class WrongAnswer:
    """The answer a student with a misconception (or two: ids joined by "+") would give to one
    exercise variant.

    A student's text is read in this answer's shape, with `variables` (None: the
    exercise's own) and `components`, and compared with it. `said` holds the filled sentences
    (one per misconception), so that diagnosis can say either of two when both give the answer.
    """

    misconception: str  # a catalogue id, two joined by "+", or "author" for a pack's own `mistakes:`
    message: str
    answer: Answer
    variables: tuple[str, ...] | None = None
    components: tuple[str, ...] | None = None
    said: tuple[Said, ...] = ()
    known: Known | None = field(default=None, compare=False, repr=False)  # an expression answer's values
    by_value: Said | None = field(default=None, compare=False, repr=False)  # said where the text refutes `said`

    @classmethod
    def of(cls, said: Sequence[Said], answer: Answer, variables: tuple[str, ...] | None = None,
           components: tuple[str, ...] | None = None, known: Known | None = None) -> WrongAnswer:
        """The wrong answer one or two mistakes give; its message is made from their sentences
        when a student is told it."""
        said = tuple(said)
        return cls(BOTH.join(dict.fromkeys(s.misconception for s in said)), "", answer, variables, components,
                   said, known)

    def refuted(self, typed: str) -> bool:
        """Whether the text (without spaces) shows a sentence of `said` false of what was typed."""
        return any(said.refuted(typed) for said in self.said)

    def fallback(self, typed: str) -> Said | None:
        """What is said by value where the text refutes `said`: `by_value`, unless the text refutes it too."""
        said = self.by_value
        return None if said is None or said.refuted(typed) else said

    @property
    def sentence(self) -> str:
        """What a student who gives this answer is told."""
        return self.message or told([(None, s) for s in self.said])


@dataclass(frozen=True)
class Pattern:
    """A misconception recognised by the shape of the wrong answer rather than one value:
    "some critical points are missing" fits many answers. `test` returns the message
    for a student's answer (read in `shape`) that shows it, or what one or two misconceptions
    say of it, or None.

    `leading`: the misconceptions that, said alone, come before any single wrong answer (not the
    author's): the answer's own shape shows them (every point it gives critical, the lines left
    out), where a slip's wrong answer only happens to be the same set.

    `last`: said only where nothing else explains the answer, neither one mistake, nor another pattern, nor
    two at once: a shape every more particular explanation has too (a plane at the wrong height, whatever
    put it there), so it is no rival to them. What a pattern says is not said where the text refutes it
    (`Said.refuted_by`), as a wrong answer's sentence is not."""

    misconception: str
    shape: Shape
    test: Callable[[Answer, Context], str | tuple[Said, ...] | None]
    variables: tuple[str, ...] | None = None
    components: tuple[str, ...] | None = None
    leading: frozenset[str] = frozenset()
    last: bool = False


@dataclass(frozen=True)
class Option:
    """One value a component of a vector answer may have: right (no mistakes said) or what one
    or two mistakes make of it: `expr`, or −expr where `negated` (made when first read: a vector
    negated has hundreds of options, and an answer is compared with the few near it)."""

    expr: Expr
    said: tuple[Said, ...] = ()
    known: Known | None = field(default=None, compare=False, repr=False)  # the value's values
    negated: bool = False

    @cached_property
    def value(self) -> Expr:
        return -self.expr if self.negated else self.expr

    def __neg__(self) -> Option:
        """This option with its value negated: known values negated now, the expression when read."""
        return Option(self.expr, self.said, None if self.known is None else -self.known, not self.negated)


@dataclass(frozen=True)
class Componentwise:
    """A vector answer judged one component at a time: each component is the right value or
    one of its wrong options, so a mistake in ∂f/∂y alone is named as such ("Your ∂f/∂y: …").

    `options[i]` are the values component i may have (the right one first); `names[i]` is how a
    message calls it. `whole` is a mistake about the vector as a whole that these options already
    include (the components swapped, the whole vector negated). At most `most` mistakes are named:
    one, in a kind's first tier (Tiered), whose options are each of one mistake.
    `by_value` is said in place of `whole` where the text refutes it (`Said.refuted_by`): the parts written
    after their names are in no wrong order, whatever their values.
    """

    options: tuple[tuple[Option, ...], ...]
    names: tuple[str, ...]
    whole: tuple[Said, ...] = ()
    variables: tuple[str, ...] | None = None
    components: tuple[str, ...] | None = None
    shape: Shape = Shape.VECTOR
    by_value: tuple[Said, ...] = field(default=(), compare=False, repr=False)
    most: int = 2

    @property
    def misconception(self) -> str:
        return BOTH.join(s.misconception for s in self.whole) or "components"

    def said_whole(self, typed: str) -> tuple[Said, ...] | None:
        """What is said of the vector as a whole for this text (without spaces): `whole`, or where the text
        refutes it, `by_value`; None where nothing true is left to say of it."""
        if not any(said.refuted(typed) for said in self.whole):
            return self.whole
        return self.by_value or None


Candidate = WrongAnswer | Pattern | Componentwise


@dataclass(frozen=True)
class Tiered:
    """A variant's wrong answers in two tiers: `first`, each of one misconception (and the patterns), and
    `pairs`, those of two at once, made only when called. Diagnosis compares an answer with the pairs only
    where no single misconception explains it, as most wrong answers are explained; and making the pairs,
    hundreds where the singles are tens, is most of the work of a variant's table."""

    first: Sequence[Candidate]
    pairs: Callable[[], Sequence[Candidate]]


def register(*misconceptions: Misconception) -> dict[str, Misconception]:
    return {m.id: m for m in misconceptions}


def at_point(expr: Expr, variables: Sequence[str], point: Sequence[Expr]) -> Expr | None:
    """expr at the point, exactly; None where it has no real value (a wrong derivation may
    divide by zero where the right one does not)."""
    value = expr.xreplace({symbol(n): p for n, p in zip(variables, point)})
    if value.free_symbols or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) \
            or value.is_extended_real is False:
        return None
    return value
