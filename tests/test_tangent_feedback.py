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
