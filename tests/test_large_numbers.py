"""Numbers past 2^53, where a double has no room for their units: floor and ceil of them, and a tolerance
on them, are settled exactly (findings 552 and 559)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mpmath import iv

from tutor.cli import main
from tutor.compare import Tolerance


@pytest.mark.parametrize("typed, expected, said", [
    # finding 552: floor(10^30 π) is ...279; the double nearest 10^30 π ends in ...340032
    ("floor(e^100)", "26881171418161354484126255515800135873611118",
     "correct\nCorrect.\nread as: 26881171418161354484126255515800135873611118"),
    ("ceil(e^100)", "26881171418161354484126255515800135873611119",
     "correct\nCorrect.\nread as: 26881171418161354484126255515800135873611119"),
    ("3141592653589793238462643383279", "floor(10^30 pi)",
     "correct\nCorrect.\nread as: 3141592653589793238462643383279"),
    ("3141592653589793216413703340032", "floor(10^30 pi)",
     "incorrect\nYour answer 3.14159265358979322e30 is not right.\nread as: 3141592653589793216413703340032"),
    ("floor(10^20 pi)", "314159265358979323846", "correct\nCorrect.\nread as: 314159265358979323846"),
    ("ceil(10^20 pi)", "314159265358979323847", "correct\nCorrect.\nread as: 314159265358979323847"),
    ("floor(10^20 pi) - 314159265358979323846", "0", "correct\nCorrect.\nread as: 0"),
    ("floor(x) + floor(10^20 pi)", "floor(x) + 314159265358979323846",
     "correct\nCorrect.\nread as: floor(x) + 314159265358979323846"),
    # 10^30 written as typed, past 21 digits (outside check h44, N7); the floor's 31 digits are its own
    ("floor(10^30 pi) - 10^30 pi", "-0.5",
     "incorrect\nYour answer 3141592653589793238462643383279 - 1e30·π ≈ -0.502884 is not right.\n"
     "read as: 3141592653589793238462643383279 - 1e30·π"),
])
def test_floor_and_ceil_of_a_number_past_2_53_are_its_whole_number(capsys, typed, expected, said):
    main(["check", "--expected", expected, "--", typed])
    assert capsys.readouterr().out == said + "\n"


@pytest.mark.parametrize("typed, expected, tolerance, said", [
    # finding 559: 10^20 π = 314159265358979323846.2643…, 10^30 π = ...279.5028…
    ("314159265358979323900.26", "10^20 pi", "dp:2",
     "incorrect\nYour answer 314159265358979323900.26 is not right to 2 decimal places."),
    ("314159265358979323846.27", "10^20 pi", "dp:2",
     "incorrect\nYour answer 314159265358979323846.27 is not right to 2 decimal places."),
    ("314159265358979323846.26", "10^20 pi", "dp:2", "correct\nCorrect (to 2 decimal places)."),
    ("314159265358979334144", "10^20 pi", "dp:0", "incorrect\nYour answer 314159265358979334144 is not right to 0 decimal places."),
    ("3141592653589793216413703340032.5", "10^30 pi", "dp:0",
     "incorrect\nYour answer 3141592653589793216413703340032.5 is not right to 0 decimal places."),
    ("3141592653589793238462643383279.5", "10^30 pi", "dp:0", "correct\nCorrect (to 0 decimal places)."),
    ("314159265358979323846.3…", "10^20 pi", "dp:1",
     "incorrect\nYour answer 314159265358979323846.3… is not right to 1 decimal place."),
    ("(314159265358979323846.27, 1)", "(10^20 pi, 1)", "dp:2",
     "incorrect\nYour first component 314159265358979323846.27 is not right to 2 decimal places."),
    ("{(314159265358979323900.26, 0)}", "{(10^20 pi, 0)}", "dp:2",
     "incorrect\n(314159265358979323900.26, 0) is close to the right point, but its first coordinate is not "
     "right to 2 decimal places."),
    ("1.0000000000000000001", "1", "1e-20",
     "incorrect\nYour answer 1.0000000000000000001 is not right within a relative error of 1e-20."),
    ("1.00000000000000000001", "1", "1e-20", "correct\nCorrect (within a relative error of 1e-20)."),
])
def test_a_tolerance_on_a_number_past_2_53_is_judged_exactly(capsys, typed, expected, tolerance, said):
    main(["check", "--expected", expected, "--tol", tolerance, "--", typed])
    assert capsys.readouterr().out.startswith(said + "\n")


def test_a_tolerance_accepts_an_enclosure_only_when_all_of_it_is_within():
    saved, iv.prec = iv.prec, 128
    try:
        pi_e20 = iv.pi * 10**20
    finally:
        iv.prec = saved
    assert Tolerance(places=2).accepts(Fraction(31415926535897932384626, 100), pi_e20)
    assert not Tolerance(places=2).accepts(Fraction(31415926535897932384627, 100), pi_e20)
    # an enclosure wider than the tolerance may hold values outside it: not accepted
    assert not Tolerance(places=2).accepts(Fraction(0), iv.mpf([0, "0.02"]))


_TOLERANCES = (*(Tolerance(places=places) for places in (0, 2, 4, 9, 15)),
               *(Tolerance(relative=r) for r in (0.0, 1e-20, 1e-9, 1e-3, 0.5)))
_EDGE = [1 + k * 10.0 ** -e for k in (-3, -1, 1, 3) for e in range(4, 12)] + [0, 1, 2]


def _same_verdict_as_exact(tolerance: Tolerance, answer: float, expected: float) -> bool:
    # mpf holds a double exactly, and takes the exact path
    return tolerance.accepts(answer, expected) == tolerance.accepts(mpmath.mpf(answer), mpmath.mpf(expected))


@pytest.mark.parametrize("tolerance", _TOLERANCES, ids=str)
def test_two_doubles_at_the_tolerances_edge_get_the_verdict_their_exact_values_get(tolerance):
    """Doubles are judged in doubles only away from the tolerance's edge."""
    for expected in (0.0, 0.5, -3.25, 1234.5678, 2.0**60, 1e-300, -1e300):
        allowed = (0.5 * 10.0 ** -tolerance.places if tolerance.places is not None
                   else (tolerance.relative or 0.0) * abs(expected))
        for times in _EDGE:
            for sign in (1, -1):
                assert _same_verdict_as_exact(tolerance, expected + sign * times * allowed, expected)


@given(st.sampled_from(_TOLERANCES), st.floats(allow_nan=False), st.floats(allow_nan=False))
def test_any_two_doubles_get_the_verdict_their_exact_values_get(tolerance, answer, expected):
    assert _same_verdict_as_exact(tolerance, answer, expected)


@pytest.mark.parametrize("typed, expected, tolerance, said", [
    # finding 559: an equation's solutions were compared in 53-bit floats, where 2⁵³ + 1 is 2⁵³: right to 2 places
    ("(x - 9007199254740993.0)(x - 1) = 0", "(x - 9007199254740992)(x - 1) = 0", "dp:2",
     "incorrect\nYour equation holds at x = 9007199254740993, but the correct one does not."),
    ("(x - 9007199254740993.0)(x - 1) = 0", "(x - 9007199254740992)(x - 1) = 0", "1e-17",
     "incorrect\nYour equation holds at x = 9007199254740993, but the correct one does not."),
    ("(x - 9007199254740992.004)(x - 1) = 0", "(x - 9007199254740992)(x - 1) = 0", "dp:2",
     "correct\nCorrect (to 2 decimal places)."),
    ("(x - 9007199254740992.004)(x - 1) = 0", "(x - 9007199254740993)(x - 1) = 0", "1e-16",
     "incorrect\nYour equation holds at x = 9007199254740992.004, but the correct one does not."),
    ("(x - 9007199254740992.004)(x - 1) = 0", "(x - 9007199254740993)(x - 1) = 0", "1e-15",
     "correct\nCorrect (within a relative error of 1e-15)."),
    ("x^3 = 9007199254740993.0^3", "x^3 = 9007199254740992^3", "dp:2",  # x = …993.0, its cube root
     "incorrect\nThe 9007199254740993.0 in your x is not right to 2 decimal places."),
])
def test_a_tolerance_on_an_equation_s_solutions_past_2_53_is_judged_exactly(capsys, typed, expected, tolerance, said):
    main(["check", "--expected", expected, "--tol", tolerance, "--", typed])
    assert capsys.readouterr().out.startswith(said + "\n")
