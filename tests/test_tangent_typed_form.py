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
