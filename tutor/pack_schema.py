"""The keys of a pack file, declared once: the pack loader reads each exercise by this table (the keys
every exercise takes, then its kind's FIELDS), and the JSON Schema editors check packs with is made
from it, each key's shape from the reader that reads it (tutor.topics.fields.READERS).

docs/reference/pack.schema.json is this schema as committed; docs/gen_pack_format.py writes it and
the pack format page, and a test fails when either differs from what the code makes.
"""

from __future__ import annotations

import re
from typing import Any

from .compare import MAX_PLACES, MAX_RELATIVE
from .limits import LIMITS
from .parse import MEANINGS
from .topics import KINDS
from .topics.base import Field
from .topics.fields import READERS, SHOWN_READERS, Schema

COMMON_FIELDS: dict[str, Field] = {
    "id": Field("id", "a unique id within the pack, like partial-x-3x2y3 (compared without case, '_' and '-' as "
                      "spaces)", required=True),
    "kind": Field("kind", "the kind of exercise", required=True),
    "title": Field("prose", "a short title; {a} shows the value of parameter a, {a p} that of a times p"),
    "tags": Field("words", "skills this exercise practises, like [partial-derivatives]"),
    "points": Field("weight", "the weight for grading (default 1), the same for every student"),
    "tolerance": Field("tolerance", f"for decimal answers: a relative error like 1e-3 (at most {MAX_RELATIVE:g}) or "
                                    f"decimal places like dp:4 (at most dp:{MAX_PLACES}), the same for every student"),
    "partial": Field("boolean", "true to give partial credit (point sets, vectors)"),
    "params": Field("params", "random parameters, like {a: {int: [2, 9], lesson: 4}} "
                              "(lesson: the value in the worked example, which every student is then given and "
                              "graded on where each parameter has one; practice draws others); each is used "
                              "somewhere in the exercise"),
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


def prose_key(key: str) -> bool | None:
    """Whether an exercise's key (of any kind, a mistake's `feedback` too) is text the student reads, where `{a}`
    shows a value, or maths, where a parameter is written by its name; None where no key of that name is known."""
    fields = [COMMON_FIELDS.get(key), *(kind.exercise.FIELDS.get(key) for kind in KINDS.values())]
    said = {field.reader in ("prose", "hints") or shown(key, field) for field in fields if field is not None}
    return True if key == "feedback" else said.pop() if len(said) == 1 else None


# A parameter, as the pack loader reads `params:` (tutor.packs._params) and the schema says it: a name of one
# letter (or alpha, beta, gamma) that is no constant or function of the maths; exactly one range to draw from;
# numbers written as numbers or as the text of arithmetic on them (10^6, 1/2), no other names.
PARAM_NAME = "^(?:[A-Za-z]|alpha|beta|gamma)$"
RESERVED_NAMES = tuple(sorted(name for name in MEANINGS if re.fullmatch(PARAM_NAME, name)))  # e, W
PARAM_RANGES = ("int", "choice", "rational")  # each parameter is drawn from exactly one
PARAM_KEYS = (*PARAM_RANGES, "denominators", "lesson")
_ARITHMETIC = r"[0-9eE.+\-−*/^()\s]"
PARAM_NUMBER_TEXT = rf"^{_ARITHMETIC}*[0-9]{_ARITHMETIC}*$"


def _number(whole: bool = False, low: int | None = None) -> Schema:
    """A parameter's number: written as one, within the loader's bounds, or as text of arithmetic on numbers."""
    bound = LIMITS.max_parameter
    return {"anyOf": [{"type": "integer" if whole else "number", "minimum": -bound if low is None else low,
                       "maximum": bound},
                      {"type": "string", "pattern": PARAM_NUMBER_TEXT, "title": "text of one, like '10^6' or '1/2'"}]}


def _params_schema() -> Schema:
    def numbers(least: int, most: int | None = None, **item: Any) -> Schema:
        return {"type": "array", "minItems": least, **({"maxItems": most} if most else {}), "items": _number(**item)}
    return {
        "type": "object",
        "propertyNames": {"pattern": PARAM_NAME, "not": {"enum": list(RESERVED_NAMES)}},
        "additionalProperties": {
            "type": "object", "additionalProperties": False,
            "properties": {"int": numbers(2, 2, whole=True), "choice": numbers(1), "rational": numbers(2, 2),
                           "denominators": numbers(1, whole=True, low=1), "lesson": _number()},
            "oneOf": [{"required": [name]} for name in PARAM_RANGES],
            "dependentRequired": {"denominators": ["rational"]}}}


# What the loader refuses beyond a reader's own shape, said as JSON Schema too: a weight written as a fraction
# over zero ('1/0')
REFINED: dict[str, Schema] = {
    "weight": {"not": {"type": "string", "pattern": r"/\s*(?:0+\.?0*|\.0+)(?:[eE][+-]?[0-9]+)?\s*$"},
               "title": "not over 0 ('1/0'), and at most 1,000,000 as text too"},
    "params": _params_schema(),
}


PACK_FIELDS: dict[str, Field] = {
    "pack": Field("text", "the pack's id; progress is kept by it, so not a built-in pack's (gradients, drills)",
                  required=True),
    "title": Field("text", ""),
    "description": Field("text", ""),
}


def _property(field: Field) -> dict[str, Any]:
    choices = {"enum": list(field.choices)} if field.choices else {}
    described = {"description": field.help} if field.help else {}
    shape = READERS[field.reader].schema
    if field.reader == "params":  # read by the pack loader itself, by the declarations above
        shape = REFINED["params"]
    elif field.reader in REFINED:
        shape = {"allOf": [shape, REFINED[field.reader]]}
    return {**shape, **choices, **described}


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
