"""A sentence about the form of a tangent plane is said only where the typed form shows it (finding 102)."""

from __future__ import annotations

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.feedback import respond

PLANE = "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)"


@pytest.mark.parametrize("function, at, answer, height, value", [
    ("x^2 + y^2", "[2, 4]", "z = 4(x-2) + 8(y-4) + 40", "40", "20"),  # finding 102
    ("x^2 + y^2", "[2, 4]", "z - 20 = 4(x − 2) + 8(y − 4) + 20", "40", "20"),
    ("x y + 5", "[1, -3]", "z = -3(x - 1) + (y + 3) - 6", "-6", "2"),
    ("x^2 y", "[1, 2]", "z = 4(x - 1) + (y - 2) + 6", "6", "2"),
])
def test_a_plane_typed_with_its_shifts_is_not_told_it_left_them_out(tmp_path, function, at, answer, height, value):
    # its value is the plane of two mistakes (no f(a, b), no shifts); what was typed shows the shifts
    path = pack_file(tmp_path, f'{{id: t, kind: tangent_plane, function: "{function}", at: {at}}}')
    exercise = packs.load(path).exercise("t").variant()
    point = at.replace("[", "(").replace("]", ")")
    verdict = respond(exercise, answer, isolated=False)
    assert (verdict.note, verdict.message) == ("misconception:tangent-wrong-height", (
        f"It looks like you put the plane at the wrong height: at {point} it gives z = {height}, not f{point} = "
        f"{value}. The slopes are right, but the plane goes through the point on the surface: {PLANE}."))


@pytest.mark.parametrize("function, at, answer, verdict, message", [
    # the lesson's own form, its numbers ln 6, 1/2 and 1/3 each to 4 places: its constant multiplied out, -0.2081,
    # is 3·0.3333's rounding off -0.20824 (outside check h67, F2); multiplied out as typed, right too
    ("ln(x y)", "[2, 3]", "z = 1.7918 + 0.5(x - 2) + 0.3333(y - 3)", "correct", "Correct (to 4 decimal places)."),
    ("ln(x y)", "[2, 3]", "z = 0.5x + 0.3333y - 0.2082", "correct", "Correct (to 4 decimal places)."),
    # an exact number kept beside the decimals (h67, F1)
    ("y e^x", "[0.5, 1]", "z - 1.6487 = sqrt(e)(x - 0.5) + sqrt(e)(y - 1)", "correct", "Correct (to 4 decimal places)."),
    ("sqrt(x^2 + y^2)", "[1, 1]", "z - sqrt(2) = 0.7071(x - 1) + 0.7071(y - 1)", "correct",
     "Correct (to 4 decimal places)."),
    # nor one with no value on a line of the plane (outside check h68, F3)
    ("ln(x y)", "[2, 3]", "z = 1.7918 + 0.5(x - 2) + 0.3333(y - 3) + 0/(x - 2)", "incorrect",
     "The -0.2081 in your z is not right to 4 decimal places."),
    # a slope or the height not right to the places asked is not, and is named as the lesson names it, not by a
    # constant multiplied out that was not typed (outside check h68, F9)
    ("ln(x y)", "[2, 3]", "z = 1.7918 + 0.5(x - 2) + 0.3334(y - 3)", "incorrect",
     "Your plane's slope along y is 0.3334, not f_y(2, 3) = 1/3 to 4 decimal places."),
    ("ln(x y)", "[2, 3]", "z = 1.7918 + 0.5(x - 2.001) + 0.3333(y - 3)", "incorrect",
     "Your plane's height at (2, 3) is 1.7913, not f(2, 3) = 1.79176 to 4 decimal places."),
    ("sin(x) + y^2", "[1, 2]", "z = 4.8415 + 0.5403(x - 1) + 4.1(y - 2)", "incorrect",
     "Your plane's slope along y is 4.1, not f_y(1, 2) = 4 to 4 decimal places."),
    ("pi x y", "[1, 1]", "z - 3.1417 = pi(x - 1) + pi(y - 1)", "incorrect",
     "Your plane's height at (1, 1) is 3.1417, not f(1, 1) = 3.14159 to 4 decimal places."),
    # a constant multiplied out whose size was typed too, as the height (outside check h70, F7)
    ("pi x y", "[1, 1]", "z = 3.1415(x - 1) + 3.1416(y - 1) + 3.1416", "incorrect",
     "Your plane's slope along x is 3.1415, not f_x(1, 1) = 3.14159 to 4 decimal places."),
    ("ln(x y)", "[2, 3]", "(z - 1.7918 - 0.5(x - 2) - 0.3333(y - 3))(x^2 - 4x + 5) = 0", "correct",
     "Correct (to 4 decimal places)."),
    # its constant typed: the numbers typed are named
    ("ln(x y)", "[2, 3]", "z = 0.5x + 0.3333y - 0.2086", "incorrect",
     "The -0.2086 in your z is not right to 4 decimal places."),
    # with a map off both sides, or times a factor never 0, the same plane (outside check h68, F7)
    ("ln(x y)", "[2, 3]", "e^z = e^(1.7918 + 0.5(x - 2) + 0.3333(y - 3))", "correct", "Correct (to 4 decimal places)."),
    ("ln(x y)", "[2, 3]", "z^3 = (1.7918 + 0.5(x - 2) + 0.3333(y - 3))^3", "correct",
     "Correct (to 4 decimal places)."),
    ("ln(x y)", "[2, 3]", "(z - 1.7918 - 0.5(x - 2) - 0.3333(y - 3))(x^2 + 1) = 0", "correct",
     "Correct (to 4 decimal places)."),
    # not times a factor that is 0 somewhere, nor squared off a side that is not 0
    ("ln(x y)", "[2, 3]", "(z - 1.7918 - 0.5(x - 2) - 0.3333(y - 3))(x - 2) = 0", "incorrect",
     "Your equation holds at x = 2, y = 2, z = 3, but the correct one does not."),
    ("ln(x y)", "[2, 3]", "z^2 = (1.7918 + 0.5(x - 2) + 0.3333(y - 3))^2", "incorrect",
     "Your equation holds at x = -6917/1000, y = 2, z = 3, but the correct one does not."),
])
def test_a_plane_is_right_where_its_height_and_slopes_at_the_point_are_to_the_places_asked(
        tmp_path, function, at, answer, verdict, message):
    path = pack_file(tmp_path, f'{{id: t, kind: tangent_plane, function: "{function}", at: {at}, tolerance: "dp:4"}}')
    checked = respond(packs.load(path).exercise("t").variant(), answer, isolated=False)
    assert (checked.verdict, checked.message) == (verdict, message)
