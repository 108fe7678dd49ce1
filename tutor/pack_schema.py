"""The keys of a pack file, declared once: the pack loader reads each exercise by this table (the keys
every exercise takes, then its kind's FIELDS), and the JSON Schema editors check packs with is made
from it, each key's shape from the reader that reads it (tutor.topics.fields.READERS).

docs/reference/pack.schema.json is this schema as committed; docs/gen_pack_format.py writes it and
the pack format page, and a test fails when either differs from what the code makes.
"""

from __future__ import annotations

from typing import Any

from .compare import MAX_PLACES, MAX_RELATIVE
from .topics import KINDS
from .topics.base import Field
from .topics.fields import READERS, SHOWN_READERS

COMMON_FIELDS: dict[str, Field] = {
    "id": Field("id", "a unique id within the pack, like partial-x-3x2y3", required=True),
    "kind": Field("kind", "the kind of exercise", required=True),
    "title": Field("prose", "a short title; {a} shows the value of parameter a, {a p} that of a times p"),
    "tags": Field("words", "skills this exercise practises, like [partial-derivatives]"),
    "points": Field("weight", "the weight for grading (default 1), the same for every student"),
    "tolerance": Field("tolerance", f"for decimal answers: a relative error like 1e-3 (at most {MAX_RELATIVE:g}) or "
                                    f"decimal places like dp:4 (at most dp:{MAX_PLACES}), the same for every student"),
    "partial": Field("boolean", "true to give partial credit (point sets, vectors)"),
    "params": Field("params", "random parameters, like {a: {int: [2, 9], lesson: 4}} "
                              "(lesson: the value in the worked example); each is used somewhere in the exercise"),
    "require": Field("condition", "conditions the parameters must meet, like a != p: joined by 'and' or "
                                  "commas, each must hold; 'or' joins alternatives (a > 0 or a < -1, b != 0)"),
    "answer": Field("text", "the author's answer, checked against the computed one; parameters by name: a p x^(p-1)"),
    "mistakes": Field("mistakes", "author's wrong answers with feedback: [{answer: ..., feedback: ...}]; "
                                  "{a} in feedback shows the value of parameter a"),
    "hints": Field("hints", "up to three hints, first a nudge, last nearly the answer: instead of the kind's own; "
                            "{a} shows the value of parameter a"),
    "more_hints": Field("hints", "up to three hints given after the kind's own; {a} shows the value of parameter a"),
}

# keys whose value is the same for every student, and why: they take no parameters
FIXED: dict[str, str] = {
    "points": "so that the exercise weighs the same in every student's total; write a number, like 1",
    "tolerance": "so that every student's answer is graded to the same precision; write one, like 1e-3 or dp:4",
}

# keys read as a plain name that the student reads in the prompt all the same (g in "d/dx of g(x) = ..."): each
# variant fills their `{a}` as it fills prose's, and validation checks each placeholder
SHOWN_NAMES = frozenset({"name"})


def shown(key: str, field: Field) -> bool:
    """Whether a kind's key is text the student reads, where `{a}` shows a parameter's value."""
    return field.reader in SHOWN_READERS or key in SHOWN_NAMES


PACK_FIELDS: dict[str, Field] = {
    "pack": Field("text", "the pack's id", required=True),
    "title": Field("text", ""),
    "description": Field("text", ""),
}


def _property(field: Field) -> dict[str, Any]:
    choices = {"enum": list(field.choices)} if field.choices else {}
    described = {"description": field.help} if field.help else {}
    return {**READERS[field.reader].schema, **choices, **described}


def json_schema() -> dict[str, Any]:
    """The structure of a pack file as JSON Schema, for editors that complete and check YAML."""
    kinds = []
    for name, topic in sorted(KINDS.items()):
        fields = {**COMMON_FIELDS, **topic.exercise.FIELDS}
        properties = {key: _property(field) for key, field in fields.items()}
        properties["kind"] = {"const": name, "description": COMMON_FIELDS["kind"].help}
        kinds.append({"type": "object", "properties": properties,
                      "required": [key for key, field in fields.items() if field.required],
                      "additionalProperties": False})
    pack = {key: _property(field) for key, field in PACK_FIELDS.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "calculus tutor exercise pack",
        "type": "object",
        "required": [*(key for key, field in PACK_FIELDS.items() if field.required), "exercises"],
        "additionalProperties": False,
        "properties": {**pack, "exercises": {"type": "array", "minItems": 1, "items": {"oneOf": kinds}}},
    }
