"""Exercise kinds: one folder each, one registry.

A kind's folder (tutor/topics/<kind>/) holds everything about it: the exercise
model (its YAML keys, prompt, expected answer, reading and checking, steps,
hints, picture), its step builder and wording where they are its own, its
misconceptions, and its `tutor solve` and `tutor plot` subcommands. Its
`__init__.py` gathers them in one Topic; TOPICS below lists every Topic, and
the pack loader, the JSON Schema, the diagnosis and the command line are built
from that list. docs/contributing/adding-a-kind.md walks through adding one.
"""

from __future__ import annotations

from ..misconceptions import SHARED, Candidate, Misconception, Tiered
from . import (  # every kind's folder
    classify_point,
    cost,
    critical_points,
    derivative,
    expression,
    fix_variable,
    gradient,
    gradient_descent,
    learning_rate,
    least_squares,
    local_minima,
    minimize,
    partial_derivative,
    stopping,
    tangent_plane,
)
from .base import Command, Field, FieldError, FunctionProblem, Problem, Topic
from .solution import Solution

TOPICS: tuple[Topic, ...] = (
    fix_variable.TOPIC,
    derivative.TOPIC,
    partial_derivative.TOPIC,
    gradient.TOPIC,
    critical_points.TOPIC,
    classify_point.TOPIC,
    minimize.TOPIC,
    local_minima.TOPIC,
    least_squares.TOPIC,
    cost.TOPIC,
    gradient_descent.TOPIC,
    learning_rate.TOPIC,
    stopping.TOPIC,
    tangent_plane.TOPIC,
    expression.TOPIC,
)

KINDS: dict[str, Topic] = {topic.kind: topic for topic in TOPICS}

# every misconception diagnosis can name: the shared ones about differentiating, then each kind's own
CATALOGUE: dict[str, Misconception] = {**SHARED, **{m.id: m for topic in TOPICS for m in topic.catalogue.values()}}


def topic_of(problem: Problem) -> Topic:
    """The registry's entry for one exercise's kind."""
    return KINDS[problem.KIND]


def candidates(problem: Problem) -> list[Candidate]:
    """The wrong answers the kind's misconceptions produce for one exercise variant, most telling first
    (those of two misconceptions at once last, where the kind makes them apart). Some may equal the right
    answer for this variant; diagnosis discards those."""
    tiers = candidate_tiers(problem)
    return [*tiers.first, *tiers.pairs()]


def candidate_tiers(problem: Problem) -> Tiered:
    """The same, the pairs made only when called, where the kind makes them apart (else all are first)."""
    build = topic_of(problem).candidates
    made = build(problem) if build else ()
    return made if isinstance(made, Tiered) else Tiered(list(made), tuple)


__all__ = ["CATALOGUE", "KINDS", "TOPICS", "Command", "Field", "FieldError", "FunctionProblem", "Problem",
           "Solution", "Topic", "candidate_tiers", "candidates", "topic_of"]
