"""What a tangent plane's slips are called: in the lesson's terms (finding 426), and the slip the student
typed rather than one the values only suggest (finding 427), a shift's sign in either variable alike."""

from __future__ import annotations

import pytest
from pack_files import pack_file

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


def shift(wrong: str, right: str) -> str:
    return f"It looks like you used {wrong} where the plane has {right}: {PLANE}."


SIGN_X = ("It looks like you used (x - 1) where the plane has (x + 1). The point's coordinate keeps its sign in the "
          "shift: x − (-1) = x + 1.")


@pytest.mark.parametrize("pack, exercise, student, answer, note, message", [
    # z = 2x² + y² at (-1, 3): z = 11 − 4(x + 1) + 6(y − 3)
    ("drills", "tp-bowl", "s38", "z = 11 - 4(x+1) + 6(y+3)", "shifted-wrong-way", shift("(y + 3)", "(y - 3)")),
    ("drills", "tp-bowl", "s38", "z = -4(x+1) + 6(y+3) + 11", "shifted-wrong-way", shift("(y + 3)", "(y - 3)")),
    ("drills", "tp-bowl", "s38", "z - 11 = -4(x+1) + 6(y+3)", "shifted-wrong-way", shift("(y + 3)", "(y - 3)")),
    ("drills", "tp-bowl", "s38", "z = 11 - 4(x-1) + 6(y-3)", "tangent-shift-sign", SIGN_X),
    ("drills", "tp-bowl", "s38", "z = 11 - 4(x-1) + 6(y+3)", "shifted-wrong-way",
     shift("(x - 1) and (y + 3)", "(x + 1) and (y - 3)")),
    # z = x² + y² at (2, 4): z = 20 + 4(x − 2) + 8(y − 4)
    ("gradients", "tangent-plane-x2y2", None, "z = 20 + 4(x+2) + 8(y-4)", "shifted-wrong-way",
     shift("(x + 2)", "(x - 2)")),
    ("gradients", "tangent-plane-x2y2", None, "z = 20 + 4(x-2) + 8(y+4)", "shifted-wrong-way",
     shift("(y + 4)", "(y - 4)")),
    ("gradients", "tangent-plane-x2y2", None, "z = 20 + 4(x+2) + 8(y+4)", "shifted-wrong-way",
     shift("(x + 2) and (y + 4)", "(x - 2) and (y - 4)")),
])
def test_a_shift_typed_the_wrong_way_is_named_in_either_variable(pack, exercise, student, answer, note, message):
    assert told(pack, exercise, answer, student) == (f"misconception:{note}", message)


@pytest.mark.parametrize("pack, exercise, student, answer, wrong", [
    ("drills", "tp-bowl", "s38", "z = 25 - 4x + 6y", "(y + 3)"),  # the plane of (y + 3), expanded
    ("drills", "tp-bowl", "s38", "z = 47 - 4(x+1) + 6(y-3)", "(y + 3)"),  # its constant typed, the shifts right
    ("gradients", "tangent-plane-x2y2", None, "z = 4x + 8y - 4", "(x + 2)"),  # the plane of (x + 2)
    ("gradients", "tangent-plane-x2y2", None, "z = 4x + 8y + 44", "(y + 4)"),  # the plane of (y + 4)
])
def test_a_shift_not_typed_the_wrong_way_is_not_said_to_be(pack, exercise, student, answer, wrong):
    # the plane of one shift the wrong way differs from the right one by its constant only: the sentence about
    # the shift is said where the shift is typed, not of every plane with that constant
    note, message = told(pack, exercise, answer, student)
    assert note is not None and "shifted-wrong-way" not in note and wrong not in message


def wrong_height(point: str, got: str, value: str) -> str:
    return (f"It looks like you put the plane at the wrong height: at {point} it gives z = {got}, not f{point} = "
            f"{value}. The slopes are right, but the plane goes through the point on the surface: {PLANE}.")


def test_a_plane_of_one_wrong_shift_expanded_is_told_its_height():
    # its slopes are right and its constant is not: the shape decides it, whatever made the height wrong (745)
    assert told("gradients", "tangent-plane-x2y2", "z = 4x + 8y - 4") == (
        "misconception:tangent-wrong-height", wrong_height("(2, 4)", "36", "20"))


@pytest.mark.parametrize("pack, exercise, student, answer, point, got, value", [
    # finding 745: the right slopes at a height no mistake of the catalogue gives were told only their values
    ("gradients", "tangent-plane-x2y2", None, "z = 6 + 4(x-2) + 8(y-4)", "(2, 4)", "6", "20"),
    ("gradients", "tangent-plane-x2y2", None, "z = 12 + 4(x-2) + 8(y-4)", "(2, 4)", "12", "20"),
    ("gradients", "tangent-plane-x2y2", None, "z = 4 + 4(x-2) + 8(y-4)", "(2, 4)", "4", "20"),
    ("gradients", "tangent-plane-x2y2", None, "z = 6.5 + 4(x-2) + 8(y-4)", "(2, 4)", "6.5", "20"),
    ("gradients", "tangent-plane-x2y2", None, "4x + 8y - z = 34", "(2, 4)", "6", "20"),
    ("drills", "tp-product", "s1", "z = 6 - (x+2) - 2(y+1)", "(-2, -1)", "6", "8"),  # the xy part left out
    ("drills", "tp-product", "s1", "z = 4 - (x+2) - 2(y+1)", "(-2, -1)", "4", "8"),
])
def test_the_right_slopes_at_any_wrong_height_are_told_the_height(pack, exercise, student, answer, point, got, value):
    assert told(pack, exercise, answer, student) == ("misconception:tangent-wrong-height",
                                                     wrong_height(point, got, value))


@pytest.mark.parametrize("answer, note", [
    # a mistake that gives the height says how it came, before the shape any wrong height has
    ("z = 4(x-2) + 8(y-4)", "missing-function-value"),
    ("z = 20 + 4x + 8y", "tangent-not-shifted"),
    ("z = 4(x+2) + 8(y+4)", "missing-function-value+shifted-wrong-way"),
    ("z = 20 + 4(x+2) + 8(y-4)", "shifted-wrong-way"),
])
def test_a_height_a_mistake_gives_keeps_that_mistakes_message(answer, note):
    assert told("gradients", "tangent-plane-x2y2", answer)[0] == f"misconception:{note}"


def test_a_slip_in_one_partial_is_named_where_the_same_slip_in_the_other_is_right_at_the_point(tmp_path):
    # y dropped from ∂f/∂x of x²y at (1, 3): x² dropped from ∂f/∂y gives 1, its right value there, so the slip
    # applied in both was set aside as showing in one partial by chance, and the plane went unnamed (h17, F7)
    path = pack_file(tmp_path, '{id: t, kind: tangent_plane, function: "x^2 y", at: [1, 3]}')
    verdict = respond(packs.load(path).exercise("t").variant(), "z = 3 + 2(x - 1) + (y - 3)", isolated=False)
    assert (verdict.note, verdict.message) == (
        "misconception:dropped-constant-factor",
        "It looks like you dropped y. In ∂/∂x, y is a constant, so y is a constant coefficient and stays in the "
        "derivative.")


def test_a_plane_typed_expanded_is_not_said_to_have_shifts_written():
    # outside check h17, F4: "you wrote (x - 4) and (y - 2)" of z = 4x + 8y - 12, where no shift was typed
    note, message = told("gradients", "tangent-plane-x2y2", "z = 4x + 8y - 12")
    assert note == "misconception:tangent-shift-point-swapped"
    assert message.startswith("It looks like you used (x - 4) and (y - 2) where the plane has (x - 2) and (y - 4).")


@pytest.mark.parametrize("answer, message", [
    ("z = 5 - 2(x-1) - 4(y+2)", "It looks like you used (x - 1) where the plane has (x + 1). The point's coordinate "
                                "keeps its sign in the shift: x − (-1) = x + 1."),
    ("z = 5 - 2(x+1) - 4(y-2)", "It looks like you used (y - 2) where the plane has (y + 2). The point's coordinate "
                                "keeps its sign in the shift: y − (-2) = y + 2."),
])
def test_a_sign_lost_in_one_shift_is_named_where_both_coordinates_are_negative(tmp_path, answer, message):
    path = pack_file(tmp_path, '{id: t, kind: tangent_plane, function: "x^2 + y^2", at: [-1, -2]}')
    verdict = respond(packs.load(path).exercise("t").variant(), answer, isolated=False)
    assert (verdict.note, verdict.message) == ("misconception:tangent-shift-sign", message)


def test_two_mistakes_whose_reasons_end_in_the_plane_s_formula_say_it_once(capsys):
    # outside check: "… from the point: z = f(a, b) + …. The slopes multiply …: z = f(a, b) + …" said it twice
    from tutor.cli import main
    assert main(["check", "--exercise", "gradients:tangent-plane-x2y2", "z = 4x + 8y"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like two mistakes: you left out f(2, 4) = 20, and you used x and y where the plane has (x - 2) and "
        "(y - 4). The plane goes through the point on the surface, and the slopes multiply the distances from the "
        "point: z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).")


@pytest.mark.parametrize("answer", ["z = 4x + 2y - 5", "z = 5 + 4(x - 2) + 2(y - 1)"])
def test_the_whole_plane_at_the_swapped_point_is_one_mistake(tmp_path, answer):
    # outside check h53, N1: the plane at (2, 1) for (1, 2) was told as two mistakes, the shifts and the slopes
    # swapped, where the slopes taken at (2, 1) are right there
    path = pack_file(tmp_path, '{id: t, kind: tangent_plane, function: "x^2 + y^2", at: [1, 2]}')
    verdict = respond(packs.load(path).exercise("t").variant(), answer, isolated=False)
    assert (verdict.note, verdict.message) == (
        "misconception:tangent-plane-at-swapped-point",
        "It looks like you made the tangent plane at (2, 1) instead of (1, 2): f(a, b), both slopes and both shifts "
        "take x = 1 and y = 2: z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).")
