"""Every number path gives a verdict: huge numbers, factorials, powers and roots never raise.

The reproducers of issue 12 (each crashed the CLI with exit 70, or took about the whole
budget), as a student would type them.
"""

from __future__ import annotations

import pytest

from tutor.check import check
from tutor.cli import main
from tutor.evaluate import TooLarge, compile_expression
from tutor.parse import InputError, read, symbol
from tutor.show import show

TOO_LARGE = [
    "1" * 400 + "!",  # a factorial of a 400-digit number
    "(10^400)!",
    "1e308!",
    "binomial(10^999, 5)",
    "binomial(10^6, 5000)",
    "4^(19999/2)",  # 2^19999: 6,021 digits, past Python's int-to-string limit
    "root(4, 2/19999)",
    "(√(7e-647))^-9999",  # sympy would build 10^(323·9999) before multiplying it by 0
    "2x + 0(√(7e-647))^-9999",
    "sqrt(10^999+7)",  # sympy hunts for square factors of a 1,000-digit number (about a second)
    "(10^400 + 1)^(1/3)",
    "sqrt(2)^7000",  # 2^3500, 1054 digits: 2^2500 (753) is within them, as (√2)^5000 is (h40, F5)
    "(3/2)^9000",
]


@pytest.mark.parametrize("answer", TOO_LARGE)
def test_numbers_too_large_to_work_with_are_invalid_too_large(answer):
    verdict = check(answer, "2x", variables=("x",))
    assert (verdict.verdict, verdict.note) == ("invalid", "too_large"), verdict
    assert "too large" in verdict.message


# finding 278: 1e-3000 was refused as "This number is too large."; past the digits allowed, a number is
# called what it is: too small (below 10⁻¹⁰⁰⁰), too large (above 10¹⁰⁰⁰), or, in between, with too many digits
@pytest.mark.parametrize("answer, message", [
    ("1e-3000", "This number is too small."),
    ("(10^(1/2))^3000", "This number is too large."),  # 10^1500, past the 1000 digits
    ("2x + 1e-5000", "This number is too small."),
    ("2x + 1e-9999", "This number is too small."),
    ("2x - 3.5e-1001", "This number is too small."),
    ("2x + 10^-10000", "This number is too small."),
    ("2x + (1/2)^5000", "This number is too small."),
    ("(-10)^-2000 + 2x", "This number is too small."),
    # finding 688: a number too large as a divisor was "too large", though the quotient typed is tiny
    ("2x + 1/10^1001", "This number is too small."),
    ("1/10^9999", "This number is too small."),
    ("(1/10^9999, 2)", "This number is too small."),
    ("x = 1/10^9999", "This number is too small."),
    ("3x/-1e3000", "This number is too small."),
    ("2x + 1/10⁹⁹⁹⁹", "This number is too small."),
    ("1/(√2)^7000", "This number is too small."),
    ("(1/10)^9999", "This number is too small."),
    ("10^9999/10^9999", "This number is too large."),  # of the 10^9999 at the caret, refused before the '/'
    ("1/sin(10^9999)", "This number is too large."),  # the number in sin, not a divisor
    ("1/2^100000", "The exponent is too large (the limit is 10000)."),
    ("2^-100000", "The exponent is too far below 0 (the limit is -10000)."),  # was "too large"
    ("1e3000", "This number is too large."),
    ("2x + 10^2000", "This number is too large."),
    ("(3/2)^9000", "This number is too large."),
    # near 10⁻⁶⁷⁶, but with a denominator of 2,200 digits
    ("1/(7^800-1) + 1/(6^800-1) + 1/(5^800-1) + 1/(3^1800-1)", "This number has too many digits (more than 1,000)."),
    ("(3/2)^2200", "This number has too many digits (more than 1,000)."),  # about 10³⁸⁷, 1,049 digits
])
def test_a_number_past_the_digits_allowed_is_called_what_it_is(answer, message):
    verdict = check(answer, "2x", variables=("x",))
    assert (verdict.verdict, verdict.note, verdict.message) == ("invalid", "too_large", message)


# outside check h47, F4: exp(u) was not sized as e^u is, and sympy followed exp(exp(exp(100))) for the whole 5 s a
# check has, on every variant; exp(10^7) was "could not be checked with certainty"
@pytest.mark.parametrize("answer, message", [
    ("exp(exp(exp(100)))", "The exponent is too large (the limit is 10000)."),
    ("exp(10^7)", "The exponent is too large (the limit is 10000)."),
    ("2x + sinh(exp(exp(100)))", "The exponent is too large (the limit is 10000)."),
    ("exp(-10^5)", "The exponent is too far below 0 (the limit is -10000)."),
])
def test_exp_of_a_number_is_sized_as_a_power_of_e(answer, message):
    verdict = check(answer, "3/2", variables=("x",))
    assert (verdict.verdict, verdict.note, verdict.message) == ("invalid", "too_large", message)


@pytest.mark.parametrize("answer", ["1e-1000", "2x + 1e-1000", "0e-3000", "7e-999"])
def test_small_numbers_within_the_digits_are_read_and_graded(answer):
    verdict = check(answer, "2x", variables=("x",))
    assert verdict.verdict == "incorrect", verdict


def test_the_cli_shows_where_the_tiny_number_is(capsys):
    assert main(["check", "2x + 1e-5000", "--expected", "2x"]) == 3
    assert capsys.readouterr().out == "invalid\n2x + 1e-5000\n     ^\nThis number is too small.\n"
    assert main(["check", "2x + 1/10^9999", "--expected", "2x"]) == 3  # at the '/' of the quotient typed
    assert capsys.readouterr().out == "invalid\n2x + 1/10^9999\n      ^\nThis number is too small.\n"


@pytest.mark.parametrize("answer, expected, verdict_, note", [
    ("1e400", "5", "incorrect", "wrong_value"),
    ("10^400", "5", "incorrect", "wrong_value"),
    ("171!", "5", "incorrect", "wrong_value"),
    ("1e400", "10^400", "correct", "equal"),
    ("10^400 + 1", "10^400", "incorrect", "wrong_value"),
    ("(4, 1e400)", "(4, 5)", "incorrect", "component_differs"),
    ("1e-400", "0", "incorrect", "wrong_value"),
    # a power of a power is sized by the exponents' product, as sympy computes it: each was "too large" (outside
    # check h40, F5)
    ("(2^(1/400))^400", "2", "correct", "equal"),
    ("(sqrt(2))^2000", "2^1000", "correct", "equal"),
])
def test_huge_but_readable_numbers_are_compared(answer, expected, verdict_, note):
    verdict = check(answer, expected)
    assert (verdict.verdict, verdict.note) == (verdict_, note)


def test_a_huge_number_within_a_tolerance():
    assert check("1.0000001e400", "1e400", tolerance="1e-6").note == "within_tolerance"
    assert check("1.1e400", "1e400", tolerance="1e-6").note == "wrong_value"


def test_the_message_of_a_huge_wrong_number_is_short():
    verdict = check("171!", "5")
    assert verdict.message == "Your answer 1.24102e309 is not right."  # as floats are written: was e+309


@pytest.mark.parametrize("answer", [
    "y^sqrt(sinh(exp(pi))!!)",  # mpmath's factorial of 10^(5·10^10) grew past 6 GB in C
    "x^(x^(x^(x^x)))",
    "(x^x^x^x)!",
    "exp(exp(exp(x)))",
    "(2^(2^(2^x)))^(2^(2^(2^y)))",
])
def test_towers_are_bounded_when_evaluated(answer):
    verdict = check(answer, "x y", variables=("x", "y"))
    assert verdict.verdict in ("incorrect", "invalid")


def test_the_evaluator_refuses_magnitudes_beyond_its_bound():
    x = symbol("x")
    tower = read("2^(2^(2^x))", "expression", ("x",)).value
    with pytest.raises(TooLarge):
        compile_expression(tower, [x])((5,))


def test_a_constant_exponent_is_sized_without_sympy_evalf():
    with pytest.raises(InputError) as caught:
        read("y^sqrt(sinh(exp(pi))!!)", "expression", ("x", "y"))
    assert caught.value.note == "too_large"


def test_show_never_fails_on_a_huge_integer():
    import sympy
    assert show(sympy.Integer(7) ** 6000) == "≈3.87471786866497e+5070"  # not a 5,071-digit string
    assert show(1 / sympy.Integer(7) ** 6000) == "1/≈3.87471786866497e+5070"


@pytest.mark.parametrize("answer", ["1e400", "171!", "(4, 1e400)", "1" * 400 + "!", "4^(19999/2)",
                                    "root(4, 2/19999)", "binomial(10^999, 5)"])
def test_the_cli_never_exits_70_on_numbers(answer, capsys):
    expected = "(4, 5)" if answer.startswith("(") else "5"
    assert main(["check", answer, "--expected", expected]) in (1, 3)
    assert "something went wrong" not in capsys.readouterr().err
