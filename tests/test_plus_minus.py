"""± in an answer (finding 112): a set of alternatives where the answer is a set of points or a list of
values, `(±2, 0)` being (-2, 0) and (2, 0) as it is written on paper; refused with a sentence at the ±
where one answer is asked for. Before, every ± was "The character '±' can't be used here." and scored 0."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.budget import counted
from tutor.cli import main
from tutor.parse import SHAPES, InputError, read

PACK = """\
pack: pm
title: Plus or minus
exercises:
  - {id: least-two, kind: minimize, function: "x^4 - 2x^2"}
  - {id: least-four, kind: minimize, function: "x^4 - 8x^2"}
  - {id: cubic, kind: critical_points, function: "x^3 + y^2 - 12x"}
  - {id: cubic-3, kind: critical_points, function: "x^3 + y^2 - 27x"}
  - {id: opposite, kind: critical_points, function: "(x + y)^2 + (x^2 - 1)^2"}
  - {id: four-corners, kind: critical_points, function: "x^3 - 3x + y^3 - 3y"}
  - {id: valleys, kind: local_minima, function: "(x^2 - 1)^2 + y^2"}
  - {id: valleys-1d, kind: local_minima, function: "(x^2 - 4)^2"}
  - {id: lone, kind: minimize, function: "x^2 - 2x"}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("pm") / "pm.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def told(capsys, typed: str, exercise: str, student: str | None = None) -> str:
    main(["check", typed, "--exercise", exercise, *(["--student", student] if student else [])])
    return capsys.readouterr().out


@pytest.mark.parametrize("student, a", [("s01", 2), ("s02", 1), ("s03", 4)])  # x³ + y² − 3a²x, a of the variant
@pytest.mark.parametrize("written", ["(±{a}, 0)", "(+/-{a}, 0)", "{{(±{a}, 0)}}", "±({a}, 0)",
                                     "(±{a}, ±0)", "(±√{square}, 0)"])
def test_the_drills_cubic_critical_points_written_with_plus_minus_are_right(capsys, student, a, written):
    typed = written.format(a=a, square=a * a)
    assert told(capsys, typed, "drills:cp-cubic", student) == f"correct\nCorrect.\nread as: {{({-a}, 0), ({a}, 0)}}\n"


@pytest.mark.parametrize("student, a", [("s01", 2), ("s03", 4)])
def test_a_wrong_answer_with_plus_minus_is_told_its_mistake(capsys, student, a):
    out = told(capsys, f"(±{a * a}, 0)", "drills:cp-cubic", student)
    assert out == (f"incorrect\nIt looks like you forgot to take the square root: x² = {a * a} gives x = ±{a}, not "
                   f"±{a * a}.\nread as: {{({-a * a}, 0), ({a * a}, 0)}}\n")


@pytest.mark.parametrize("student, a", [("s01", 2), ("s02", 1)])
def test_coordinates_given_as_lines_with_plus_minus_are_the_points(capsys, student, a):
    """`x = ±2, y = 0` is three lines, where the student plainly means the two points where they cross: where no
    line is critical, read so, and said so."""
    assert told(capsys, f"x = ±{a}, y = 0", "drills:cp-cubic", student) == (
        f"correct\nCorrect. (Read as the points where x = {-a}, x = {a} and y = 0 cross: ({-a}, 0), ({a}, 0).)\n"
        f"read as: {{({-a}, 0), ({a}, 0)}}\n")


@pytest.mark.parametrize("typed, exercise, reading", [
    ("(±2, 0)", "cubic", "{(-2, 0), (2, 0)}"),
    ("(±3, 0)", "cubic-3", "{(-3, 0), (3, 0)}"),
    ("(0, 0), (±1, ∓1)", "opposite", "{(0, 0), (-1, 1), (1, -1)}"),
    ("(±1, ±1)", "four-corners", "{(-1, -1), (-1, 1), (1, -1), (1, 1)}"),
    ("(±1, 0)", "valleys", "{(-1, 0), (1, 0)}"),
    ("±2", "valleys-1d", "x = -2, x = 2"),
    ("±1", "least-two", "x = -1, x = 1"),  # the key: -1 or 1, or both
    ("x = ±1", "least-two", "x = -1, x = 1"),
    ("x = ±2", "least-four", "x = -2, x = 2"),
])
def test_the_pack_answers_with_plus_minus_are_right(capsys, pack, typed, exercise, reading):
    assert told(capsys, typed, f"{pack}:{exercise}") == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("typed, expected, reading", [
    ("{(±1, 0), (0, 0)}", "{(1, 0), (-1, 0), (0, 0)}", "{(-1, 0), (1, 0), (0, 0)}"),  # each item of a set its own
    ("[(±1, 0)]", "{(1, 0), (-1, 0)}", "{(-1, 0), (1, 0)}"),
    ("2(±1, 0)", "{(2, 0), (-2, 0)}", "{(-2, 0), (2, 0)}"),
    ("(±0, 1)", "{(0, 1)}", "{(0, 1)}"),  # the same point twice is one
    ("((1 ± 1)/2, 0)", "{(0, 0), (1, 0)}", "{(0, 0), (1, 0)}"),
    ("(±1, ±1, ∓1)", "{(1, 1, -1), (-1, -1, 1)}", "{(-1, -1, 1), (1, 1, -1)}"),  # with a ∓, one sign for all
    ("x = ±1", "{x = 1, x = -1}", "{x = -1, x = 1}"),  # lines, where the answer takes lines
])
def test_plus_minus_in_a_set_of_points(capsys, typed, expected, reading):
    assert main(["check", typed, "--expected", expected, "--vars", "x,y,z"]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("typed, reading", [("x + -1", "x - 1"), ("x⁺⁻¹", "1/x"), ("x+ -1", "x - 1")])
def test_a_plus_and_a_minus_apart_are_read_as_before(capsys, typed, reading):
    main(["check", typed, "--expected", "x - 1", "--vars", "x"])
    assert capsys.readouterr().out.endswith(f"read as: {reading}\n")


def test_the_wrong_signs_paired_are_the_wrong_points(capsys, pack):
    assert told(capsys, "(0, 0), (±1, ±1)", f"{pack}:opposite") == (
        "incorrect\n(-1, -1), (1, 1) do not belong in the answer.\nread as: {(0, 0), (-1, -1), (-1, 1), (1, -1), "
        "(1, 1)}\n")


@pytest.mark.parametrize("typed, exercise, caret, said", [
    ("6xy^3 ± 1", "gradients:partial-x-3x2y3", 6, "±"),  # a derivative is one expression
    ("6xy^3 +/- 1", "gradients:partial-x-3x2y3", 6, "+/- (read as ±)"),
    ("6xy^3 +- 1", "gradients:partial-x-3x2y3", None, None),  # a plus and a minus: 6xy³ - 1, wrong, not ±
    ("(4, ±6)", "gradients:gradient-x2y2-at-2-3", 4, "±"),  # one vector
    ("z = 4x + 8y ± 20", "gradients:tangent-plane-x2y2", 12, "±"),  # one plane
    ("m = ±1/2, b = 7/3", "gradients:power-lines-fit", 4, "±"),
    ("(2, ±0.5)", "drills:cp-saddle", 4, None),  # right there: (-1, 1/2) is no point of either
])
def test_plus_minus_where_one_answer_is_asked_for_is_refused_at_the_sign(capsys, typed, exercise, caret, said):
    out = told(capsys, typed, exercise, "s01")
    if said is None:
        assert out.startswith("incorrect\n")
        return
    assert out == (f"invalid\n{typed}\n{' ' * caret}^\n{said} gives two answers; this question asks for one: "
                   "write one of them.\n")


@pytest.mark.parametrize("typed, exercise, caret, said", [
    # finding 657: a value and its error, not the two values 0.5670 and 0.5672 ("an exact value is expected")
    ("0.5671 ± 0.0001", "gradients:hard-to-optimize-minimum", 7, "Write just the value, 0.5671, without its error "
                                                                 "± 0.0001."),
    ("x = 0.5671 +/- 0.0001", "gradients:hard-to-optimize-minimum", 11, "Write just the value, 0.5671, without its "
                                                                        "error +/- 0.0001."),
    ("4.167 ± 1e-3", "gradients:power-lines-cost", 6, "Write just the value, 4.167, without its error ± 1e-3."),
])
def test_a_value_with_its_error_is_told_to_drop_the_error(capsys, typed, exercise, caret, said):
    assert told(capsys, typed, exercise, "s01") == f"invalid\n{typed}\n{' ' * caret}^\n{said}\n"


@pytest.mark.parametrize("typed, values", [
    ("1.5 ± 0.5", ("1", "2")),  # not under a hundredth of the value: two values, as before
    ("2 ± 0.02", ("99/50", "101/50")),  # a hundredth: still two
    ("200 ± 1", ("199", "201")),  # a whole number after ±
    ("0.5 ± sqrt(2)/100", ("1/2 - sqrt(2)/100", "1/2 + sqrt(2)/100")),  # not one decimal after ±
])
def test_plus_minus_a_larger_or_worked_out_number_is_still_two_values(typed, values):
    assert read(typed, "vector", (), several=True).value == tuple(read(v, "expression", ()).value for v in values)


def test_four_answers_are_counted(capsys):
    main(["check", "(±1, ±1)", "--expected", "(1, 1)"])
    assert capsys.readouterr().out.endswith("± gives four answers; this question asks for one: write one of them.\n")


def test_plus_minus_where_f_is_least_at_one_x_is_a_list_of_values(capsys, pack):
    """Where f is least at one x, a list is judged as a list (finding 209): ± too, as on paper."""
    assert told(capsys, "±1", f"{pack}:lone") == (
        "incorrect\nx = -1 does not belong in the answer.\nread as: x = -1, x = 1\n")
    assert told(capsys, "x = 1", f"{pack}:lone").startswith("correct\n")
    assert told(capsys, "±1", "gradients:minimum-x2") == (
        "incorrect\nx = -1, x = 1 do not belong in the answer.\nread as: x = -1, x = 1\n")
    assert told(capsys, "x = (-5 ± √5)/2", "drills:mn-quadratic", "s01") == (  # the roots of f, not of f′
        "incorrect\nx = -√5/2 - 5/2, x = √5/2 - 5/2 do not belong in the answer.\nread as: x = -√5/2 - 5/2, "
        "x = √5/2 - 5/2\n")


def test_a_list_of_others_where_one_of_several_is_asked_for_is_wrong(capsys, pack):
    """A list is an answer's shape there (-1, 1 is right): a list of others is a wrong answer (finding 120); any one alone is right, so none is missing (finding 131)."""
    assert told(capsys, "±2", f"{pack}:least-two") == (
        "incorrect\nx = -2, x = 2 do not belong in the answer.\nread as: x = -2, x = 2\n")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_grade_gives_the_points(tmp_path, pack):
    submissions = tmp_path / "answers.csv"
    submissions.write_text(
        "student,exercise,answer\n"
        "ann,cubic,\"(±2, 0)\"\nann,least-two,±1\nann,valleys,\"(+/-1, 0)\"\nann,opposite,\"(0, 0), (±1, ∓1)\"\n"
        "bob,cubic,\"(±4, 0)\"\nbob,least-two,x = ±1\nbob,valleys,\"(±1, 0)\"\nbob,opposite,\"(±1, ±1), (0, 0)\"\n",
        encoding="utf-8")
    assert main(["grade", pack, str(submissions), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    scores = {(r["student"], r["exercise"]): (r["verdict"], r["score"]) for r in _rows(tmp_path / "out" / "answers.csv")}
    assert [scores[("ann", e)] for e in ("cubic", "least-two", "valleys", "opposite")] == [("correct", "1")] * 4
    assert [scores[("bob", e)][0] for e in ("cubic", "least-two", "valleys", "opposite")] == [
        "incorrect", "correct", "correct", "incorrect"]


def test_grade_gives_the_points_on_the_drills(tmp_path):
    submissions = tmp_path / "answers.csv"
    submissions.write_text("student,exercise,answer\ns01,cp-cubic,\"(±2, 0)\"\ns02,cp-cubic,\"(+/-1, 0)\"\n"
                           "s03,cp-cubic,\"(4, 0)\"\n", encoding="utf-8")
    assert main(["grade", "drills", str(submissions), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    rows = {r["student"]: r for r in _rows(tmp_path / "out" / "answers.csv") if r["exercise"] == "cp-cubic"}
    assert [(rows[s]["verdict"], rows[s]["score"], rows[s]["max"]) for s in ("s01", "s02", "s03")] == [
        ("correct", "1", "1"), ("correct", "1", "1"), ("incorrect", "0.5", "1")]


_PIECES = ["±", "∓", "+-", "+/-", "+", "-", "x", "y", "1", "2", "0.5", "(", ")", "{", "}", "[", "]", ",", "=", " ",
           "√", "^", "/", "*", "sin", "|", "!", "²", "⁺⁻"]


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join).filter(lambda t: "±" in t or "∓" in t or "+/-" in t),
       st.sampled_from([*SHAPES, "auto"]), st.booleans())
def test_no_text_with_plus_minus_crashes_the_parser_or_takes_long(text, shape, several):
    # long means Python calls, counted the same on any machine load: the worst of 3,000 random texts took 3,000
    try:
        with counted(50_000):
            read(text, shape, ("x", "y"), several=several)
    except InputError as error:
        assert error.message and (error.column is None or 0 <= error.column <= len(text))


def test_many_signs_are_refused_in_time():
    typed = ", ".join(["(±1, ±2, ±3, ±4, ±5)"] * 20)
    with pytest.raises(InputError, match="at most 4 ± signs can be read in one item: write its answers out"), \
            counted(20_000):  # about 3,000 Python calls
        read(typed, "points", ("x", "y", "z", "u", "v"))
    many = ", ".join(["(±1, ±2, ±3, ±4)"] * 40)
    with counted(1_000_000):  # about 320,000
        assert len(read(many, "points", ("x", "y", "z", "u")).value) == 40 * 16  # each point as typed
