"""What a tangent plane's slips are called: in the lesson's terms (finding 426), and the slip the student
typed rather than one the values only suggest (finding 427)."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.feedback import respond

PLANE = "z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)"
BOTH_SIGNS = ("It looks like you gave both slopes the wrong sign. Using −∇f, or moving the slopes across the equals "
              "sign, flips both; the plane rises by f_x(a, b) per unit of x and by f_y(a, b) per unit of y: "
              f"{PLANE}.")


def told(pack: str, exercise: str, answer: str, student: str | None = None) -> tuple[str | None, str]:
    verdict = respond(packs.load(pack).exercise(exercise).variant(student), answer, isolated=False)
    return verdict.note, verdict.message


@pytest.mark.parametrize("answer", ["z = 20 - 4(x-2) - 8(y-4)", "z = -4x - 8y + 60", "z - 20 = -4(x - 2) - 8(y - 4)"])
def test_both_slopes_flipped_is_said_without_a_normal(answer):
    # the lesson never uses a normal vector: the sentence names the slopes' signs, as the plane is built
    assert told("gradients", "tangent-plane-x2y2", answer) == ("misconception:tangent-normal-sign", BOTH_SIGNS)


HEIGHT = ("It looks like you put the plane at the wrong height: at (-1, 3) it gives z = 47, not f(-1, 3) = 11. The "
          f"slopes are right, but the plane goes through the point on the surface: {PLANE}.")


@pytest.mark.parametrize("answer", ["z = 11 - 4(x+1) + 6(y+3)", "z = -4(x+1) + 6(y+3) + 11", "z - 11 = -4(x+1) + 6(y+3)"])
def test_a_typed_f_of_the_point_is_not_told_it_is_the_wrong_height(answer):
    # finding 427: the student wrote f(-1, 3) = 11; "the wrong height ... not f(-1, 3) = 11" sent them to check a
    # value that is right: the values alone are said instead
    note, message = told("drills", "tp-bowl", answer, "s38")
    assert note != "misconception:tangent-wrong-height" and "wrong height" not in message


def test_a_height_typed_wrong_is_still_told_so():
    assert told("drills", "tp-bowl", "z = 47 - 4(x+1) + 6(y-3)", "s38") == ("misconception:tangent-wrong-height", HEIGHT)
