"""Reading what students type: the conformance cases and the shapes of answers."""

from __future__ import annotations

import time

import pytest
import sympy
from cases import conformance_cases

from tutor.limits import Limits
from tutor.parse import Equation, InputError, read, symbol

INPUT_CASES = conformance_cases("input_cases.jsonl")


def _case_id(case):
    return repr(case["input"])[:40] if isinstance(case, dict) else "absent"


@pytest.mark.parametrize("case", INPUT_CASES, ids=_case_id)
def test_conformance_input_case(case):
    started = time.perf_counter()
    if case["outcome"] == "invalid":
        with pytest.raises(InputError) as caught:
            read(case["input"], variables=case["variables"])
        error = caught.value
        assert len(error.message.split()) >= 3 and "Error" not in error.message, "a sentence, not a code"
        assert error.column is None or 0 <= error.column <= len(case["input"])
    else:
        answer = read(case["input"], variables=case["variables"])
        names = {v: symbol(v) for v in case["variables"]}
        # the conformance file's reads_as is trusted sympy syntax; only the test reads it that way
        wanted = sympy.sympify(case["reads_as"], locals=names)
        assert sympy.expand(answer.value - wanted) == 0
        assert sympy.srepr(sympy.expand(answer.value)) == sympy.srepr(sympy.expand(wanted))
        if case.get("ambiguous"):
            assert answer.ambiguities, "an ambiguous input must say how it was read"
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("text, message, column", [
    ("z + 1", "unknown name 'z' (the variables are x and y)", 0),
    ("X", "unknown name 'X'; names are case-sensitive: did you mean 'x'?", 0),
    ("dy/dx", "unknown name 'dy' (the variables are x and y)", 0),
    ("f(x)", "unknown function 'f'", 0),
    ("(x+1", "unbalanced brackets: the '(' at column 1 is never closed", 0),
    ("x+1)", "unbalanced brackets: this ')' has no matching opening bracket", 3),
    ("x^", "missing exponent after '^'", 1),
    ("x +* y", "missing operand before '*'", 3),
    ("sin", "'sin' needs an argument, like sin(x)", 0),
    ("1/0", "division by zero", 1),
    ("x<y", "comparisons are not answers here", 1),
    ("", "the answer is empty", 0),
])
def test_errors_are_sentences_with_a_column(text, message, column):
    with pytest.raises(InputError) as caught:
        read(text)
    assert (caught.value.message, caught.value.column) == (message, column)


def test_caret_points_at_the_column():
    with pytest.raises(InputError) as caught:
        read("6 x z^2")
    assert caught.value.pointer("6 x z^2") == "6 x z^2\n    ^"


@pytest.mark.parametrize("text, expected", [
    ("xsinx", "x*sin(x)"),
    ("sin x cos x", "sin(x)*cos(x)"),
    ("sin 2x", "sin(2*x)"),
    ("2pi x", "2*pi*x"),
    ("eˣ - ln(x)", "exp(x) - log(x)"),
    ("e²ˣ", "exp(2*x)"),
])
def test_letter_runs_split_into_known_names(text, expected):
    x = symbol("x")
    assert read(text).value == sympy.sympify(expected, locals={"x": x})


def test_greek_letters_may_name_greek_variables():
    assert read("θ^2 + 1", variables=("theta",)).value == symbol("theta") ** 2 + 1


def test_decimals_are_exact():
    assert read("0.5057", "number").value == sympy.Rational(5057, 10000)
    assert read("5.1e-2", "number").value == sympy.Rational(51, 1000)


@pytest.mark.parametrize("text", ["(4, 6)", "[4, 6]", "⟨4, 6⟩", "4, 6"])
def test_vectors(text):
    assert read(text, "vector").value == (4, 6)


def test_vector_by_named_components():
    assert read("b = 7/3, m = 0.5", "vector", (), components=("m", "b")).value == (
        sympy.Rational(1, 2), sympy.Rational(7, 3))


@pytest.mark.parametrize("text", ["{(0,0), (4,4)}", "(0,0), (4,4)", "[(0, 0), (4, 4)]"])
def test_point_sets(text):
    assert read(text, "points").value == ((0, 0), (4, 4))


@pytest.mark.parametrize("text", ["none", "None", "∅", "{}", "no critical points"])
def test_empty_point_set(text):
    assert read(text, "points").value == ()


def test_points_may_include_critical_lines():
    value = read("(4, 4), x = 0, y = 0", "points").value
    assert value == ((4, 4), Equation(symbol("x"), 0), Equation(symbol("y"), 0))


def test_equation_either_side():
    x, y, z = symbol("x"), symbol("y"), symbol("z")
    assert read("z = 2x + 3y - 4", "equation", ("x", "y", "z")).value == Equation(z, 2 * x + 3 * y - 4)
    assert read("2x + 3y - 4 = z", "equation", ("x", "y", "z")).value == Equation(2 * x + 3 * y - 4, z)


@pytest.mark.parametrize("text, label", [
    ("minimum", "minimum"), ("Min", "minimum"), ("local max", "maximum"),
    ("saddle point", "saddle"), ("Saddle-point", "saddle"), ("inconclusive", "inconclusive"),
])
def test_labels(text, label):
    assert read(text, "label").value == label


def test_number_may_be_given_as_an_assignment():
    assert read("x = 0.5671", "number", ("x",)).value == sympy.Rational(5671, 10000)


def test_number_shape_refuses_variables():
    with pytest.raises(InputError, match="a number is expected"):
        read("2x", "number")


def test_limits_are_configurable_in_one_place():
    tight = Limits(max_length=10, max_exponent=5)
    with pytest.raises(InputError) as caught:
        read("x^6", limits=tight)
    assert caught.value.note == "too_large"
    with pytest.raises(InputError, match="too long"):
        read("x + x + x + x", limits=tight)


def test_symbols_are_real():
    assert read("sqrt(x^2)").value == sympy.Abs(symbol("x"))
