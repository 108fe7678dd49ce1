"""A text read again within `remembering` (the check, then the diagnosis, of one answer) reads the same,
fails the same, and spends the same work units as when it is parsed afresh: no budget can tell."""

from __future__ import annotations

import pytest

from tutor.budget import spent
from tutor.parse import Answer, InputError, Shape, read, remembering

TEXTS = ["6xy^3", "6 x y³", "(4, 6)", "m = 1/2, b = 7/3", "z = 2x + 3", "0.14", "floor(10 sqrt(2)) x + max(√2, pi)",
         "2x +", "(1, 2"]
SHAPES = [Shape.EXPRESSION, Shape.VECTOR, Shape.NUMBER, Shape.EQUATION, Shape.POINTS]


def _outcome(text: str, shape: Shape) -> tuple[Answer | tuple[str, int | None, str], int]:
    before = spent()
    try:
        result: Answer | tuple[str, int | None, str] = read(text, shape, ("x", "y", "z"), components=("m", "b"))
    except InputError as error:
        result = (error.message, error.column, error.note)
    return result, spent() - before


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_read_again_reads_fails_and_spends_the_same(text: str) -> None:
    afresh = [_outcome(text, shape) for shape in SHAPES]
    with remembering():
        first = [_outcome(text, shape) for shape in SHAPES]
        again = [_outcome(text, shape) for shape in SHAPES]
    assert first == afresh
    assert again == afresh


def test_a_parse_that_spends_spends_again_when_remembered() -> None:
    (_, units), = (_outcome("floor(10 sqrt(2)) x + max(√2, pi)", Shape.EXPRESSION),)
    assert units > 0
    with remembering():
        assert [_outcome("floor(10 sqrt(2)) x + max(√2, pi)", Shape.EXPRESSION)[1] for _ in range(2)] == [units] * 2


def test_other_names_are_parsed_afresh() -> None:
    with remembering():
        assert read("xy", Shape.EXPRESSION, ("x", "y")).value != read("xy", Shape.EXPRESSION, ("xy",)).value


NAMES = [("x", "y"), ("x", "y", "C"), ("x",), ("x", "C"), ("m", "b"), ("x", "y", "m", "b"), ("x", "y", "z"),
         ("theta",), ("x", "e"), ("c",), ("xy",)]
ALIKE_TEXTS = ["6xy^3 + C", "6xy^3", "2x + c", "Cx", "e^x + C", "θ^2", "theta x", "xy^2", "m = 2, b = 1", "1/(2x)",
               "sin(xy) + e", "3x²y² + C(y)", "ln x", "(0, 0), (1, -1)", "z = 2x + 3y"]


@pytest.mark.parametrize("text", ALIKE_TEXTS)
def test_a_parse_remembered_under_other_names_is_the_fresh_parse(text: str) -> None:
    """With the names of one reading, then another's, a remembered parse is used only where it is the
    parse: each reading reads, fails and spends as it does alone."""
    afresh = {names: _read(text, names) for names in NAMES}
    for first in NAMES:
        with remembering():
            _read(text, first)
            assert {names: _read(text, names) for names in NAMES} == afresh


def _read(text: str, names: tuple[str, ...]) -> tuple[object, int]:
    before = spent()
    try:
        result: object = read(text, Shape.EXPRESSION if "," not in text else Shape.POINTS, names)
    except InputError as error:
        result = (error.message, error.column, error.note)
    return result, spent() - before
