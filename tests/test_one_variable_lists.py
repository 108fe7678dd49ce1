"""Lists of places on a line (findings 120, 122): a critical_points exercise on f(x) is set, its key written
as the lesson lists critical points (x = -1, x = 1), and read in every way a list of values is; on a
minimize exercise with several minimisers, a wrong list is a wrong answer, not a slip of format."""

from __future__ import annotations

import csv

import pytest
from pack_files import pack_file

from tutor import packs
from tutor.cli import main

PACK = """\
pack: one
title: One variable
exercises:
  - {id: cubic, kind: critical_points, function: "x^3 - 3x"}
  - {id: cubic-12, kind: critical_points, function: "x^3 - 12x"}
  - {id: corner, kind: critical_points, function: "abs(x)"}
  - {id: corners, kind: critical_points, function: "abs(x^2 - 1)"}
  - {id: w, kind: critical_points, function: "x^4 - 2x^2"}
  - {id: window, kind: critical_points, function: "x^3 - 12x", region: "0 <= x <= 5"}
  - {id: least-two, kind: minimize, function: "x^4 - 2x^2"}
  - {id: least-four, kind: minimize, function: "(x^2 - 4)^2"}
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("one") / "one.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def told(capsys, answer: str, exercise: str) -> str:
    main(["check", "--exercise", exercise, "--", answer])
    return capsys.readouterr().out


def test_the_pack_validates(capsys, pack):
    assert main(["pack", "validate", pack]) == 0
    assert capsys.readouterr().out == f"{pack}: valid (8 exercises; each one's answer grades as correct)\n"


def test_the_key_and_prompt_read_as_the_lesson_writes_them(capsys, pack):
    main(["pack", "show", pack, "--answers"])
    out = capsys.readouterr().out
    assert ("Find all critical points of f(x) = x³ - 3x: each x where f′(x) = 0.\n"
            "   answer: x = -1, x = 1\n") in out
    # the prompt promises what the key holds (finding 140): a corner only where f has one, and where f′ changes
    # sign; not every point where f′ has no value (x^(1/3) at 0)
    assert ("Find all critical points of f(x) = |x|: each x where f′(x) = 0, or a corner where f′ changes sign.\n"
            "   answer: x = 0\n") in out
    assert "answer: x = -1, x = 0, x = 1\n" in out  # |x² - 1| and x⁴ - 2x²
    assert ("Find all critical points of f(x) = x³ - 12x with 0 ≤ x ≤ 5: each x where f′(x) = 0.\n"
            "   answer: x = 2\n") in out


@pytest.mark.parametrize("typed, exercise, reading", [
    ("x = -1, x = 1", "cubic", "x = -1, x = 1"),
    ("-1, 1", "cubic", "x = -1, x = 1"),
    ("±1", "cubic", "x = -1, x = 1"),
    ("{-1, 1}", "cubic", "x = -1, x = 1"),
    ("x = ±2", "cubic-12", "x = -2, x = 2"),
    ("0", "corner", "x = 0"),
    ("x = 0, x = ±1", "corners", "x = 0, x = -1, x = 1"),
    ("{1, 0, -1}", "w", "x = 1, x = 0, x = -1"),
    ("x = 2", "window", "x = 2"),
])
def test_right_lists_are_right(capsys, pack, typed, exercise, reading):
    assert told(capsys, typed, f"{pack}:{exercise}") == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("typed, exercise, said", [
    # only the negative root of x² = 1 kept, as only the positive one is named (outside check h53, N2)
    ("-1", "cubic", "You get this answer if you took only the negative root, or if you missed x = 1. x² = 1 has two "
                    "solutions, x = ±1, and each gives a critical point. A product is zero when any one of its "
                    "factors is: solve f′(x) = 0 for every combination of factors."),
    ("±1", "w", "It looks like you missed x = 0. A product is zero when any one of its factors is: solve "
                "f′(x) = 0 for every combination of factors."),
    # why it does not belong, as in two variables (finding 140)
    ("-1, 0, 1", "cubic", "It looks like you included x = 0, which is not a critical point: f′(0) = -3, not 0."),
    ("-2, 0, 2, 3", "cubic-12", "It looks like you included x = 0 and x = 3, which are not critical points: "
                                "f′(0) = -12, not 0; f′(3) = 15, not 0."),
])
def test_wrong_lists_are_told_what_is_wrong(capsys, pack, typed, exercise, said):
    assert told(capsys, typed, f"{pack}:{exercise}").split("\n")[:2] == ["incorrect", said]


@pytest.mark.parametrize("typed, exercise, said", [
    # any one minimiser alone is right, so a list with a wrong place is missing none (finding 131)
    ("±2", "least-two", "x = -2, x = 2 do not belong in the answer."),
    ("-2, 2", "least-two", "x = -2, x = 2 do not belong in the answer."),
    ("1, 2", "least-two", "x = 2 does not belong in the answer."),
    ("-1 or 3", "least-two", "x = 3 does not belong in the answer."),
    ("0, 2", "least-four", "x = 0 does not belong in the answer."),
    ("0, ±1", "least-two", "x = 0 does not belong in the answer."),
    ("x = 0, x = ±1", "least-two", "x = 0 does not belong in the answer."),
    ("±2, 0", "least-four", "x = 0 does not belong in the answer."),
    ("±1", "least-four", "x = -1, x = 1 do not belong in the answer."),
])
def test_a_wrong_list_of_minimisers_is_wrong_not_invalid(capsys, pack, typed, exercise, said):
    assert told(capsys, typed, f"{pack}:{exercise}").split("\n")[:2] == ["incorrect", said]


@pytest.mark.parametrize("typed, exercise", [("±1", "least-two"), ("-2, 2", "least-four"), ("2", "least-four"),
                                             # the key pack show prints, and the lesson's way (finding 131)
                                             ("-1 or 1", "least-two"), ("x = -1 or x = 1", "least-two"),
                                             ("-2 or 2", "least-four")])
def test_right_lists_of_minimisers_stay_right(capsys, pack, typed, exercise):
    assert told(capsys, typed, f"{pack}:{exercise}").startswith("correct\n")


def test_grade_gives_the_points(tmp_path, pack):
    submissions = tmp_path / "answers.csv"
    submissions.write_text(
        "student,exercise,answer\n"
        "ann,cubic,\"x = -1, x = 1\"\nann,corners,±1\nann,least-two,\"0, ±1\"\nann,least-four,±2\n"
        "bob,cubic,±1\nbob,corners,\"{-1, 0, 1}\"\nbob,least-two,±2\nbob,least-four,\"-2, 2\"\n", encoding="utf-8")
    assert main(["grade", pack, str(submissions), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    with (tmp_path / "out" / "answers.csv").open(encoding="utf-8", newline="") as stream:
        rows = {(r["student"], r["exercise"]): (r["verdict"], r["score"]) for r in csv.DictReader(stream)}
    assert [rows[("ann", e)][0] for e in ("cubic", "corners", "least-two", "least-four")] == [
        "correct", "incorrect", "incorrect", "correct"]
    assert [rows[("bob", e)] for e in ("cubic", "corners", "least-two", "least-four")] == [
        ("correct", "1"), ("correct", "1"), ("incorrect", "0"), ("correct", "1")]


@pytest.mark.parametrize("typed, exercise", [("-1 or 1", "cubic"), ("x = -1 or x = 1", "cubic"),
                                             ("-1 or 0 or 1", "corners")])
def test_or_separates_a_list_as_a_comma_does(capsys, pack, typed, exercise):
    assert told(capsys, typed, f"{pack}:{exercise}").startswith("correct\n")


@pytest.mark.parametrize("exercise, said", [
    ("corner", "It looks like you missed x = 0: f′ is -1 from the left and 1 from the right, so f′ changes sign "
               "at this point, where it has no value, and that makes it a critical point too."),
])
def test_a_missed_corner_is_told_f_has_no_derivative_there(capsys, pack, exercise, said):
    """Finding 130: x = 0 of |x| is critical because f′ has no value there, not because a factor is zero."""
    out = told(capsys, "none", f"{pack}:{exercise}")
    assert said in out and "product" not in out


# finding 141: the lesson's own local minima written with "and", as a student says them, were "Unknown name 'and'"
@pytest.mark.parametrize("exercise, typed, reading", [
    ("local-minima-1d", "x = -1.3008 and x = 1.1309", "x = -1.3008, x = 1.1309"),
    ("local-minima-1d", "-1.3008 or 1.1309", "x = -1.3008, x = 1.1309"),
    ("local-minima-2d", "(-1.0356, 0) and (0.9601, 0)", "{(-1.0356, 0), (0.9601, 0)}"),
])
def test_minima_joined_by_and_or_or_are_a_list(capsys, exercise, typed, reading):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"read as: {reading}"


# finding 150: keys that contradicted their prompts were set: max(0, x) (f′ = 0 all along x < 0) with the key
# "none"; |x - 1| + x^(2/3) without its cusp at 0 was refused then, and is solved with real roots now (below)
def test_a_key_that_would_contradict_its_prompt_is_refused(tmp_path, capsys):
    pack_file(tmp_path, '{id: a, kind: critical_points, function: "max(0, x)"}')
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    assert capsys.readouterr().out.rstrip().endswith(
        "exercise 'a': f is flat all along the stretch x < 0: every point there is a local minimum (and a local "
        "maximum), as f is constant near it, so its critical points can't be listed as numbers")


def test_the_same_cusp_written_as_a_real_root_is_set(tmp_path, capsys):
    pack_file(tmp_path, '{id: a, kind: critical_points, function: "abs(x - 1) + abs(x)^(2/3)"}')
    assert main(["pack", "show", str(tmp_path / "p.yaml"), "--answers"]) == 0
    assert "   answer: x = 0, x = 8/27, x = 1" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("function, hint", [
    # the first hint says what the key holds, as the prompt does: it said "or where f′ is undefined (a corner)",
    # which x^(1/3) at 0 is, and its key leaves out (finding 140, re-check 183)
    ("x^3 - 3x", "A critical point is an x where f′(x) = 0."),
    ("abs(x^2 - 1)", "A critical point is an x where f′(x) = 0, or a corner where f′ changes sign."),
    ("x^(1/3) - x", "A critical point is an x where f′(x) = 0, or a corner where f′ changes sign."),
])
def test_the_first_hint_says_what_the_key_holds(tmp_path, function, hint):
    pack_file(tmp_path, f'{{id: a, kind: critical_points, function: "{function}"}}')
    problem = packs.load(tmp_path / "p.yaml").exercise("a").variant().problem
    assert problem.hints()[0] == hint
    assert problem.prompt().endswith(hint.removeprefix("A critical point is an x where").rstrip(".") + ".")


# finding 168: the values of one variable written after one name, as a person writes them, are a list
@pytest.mark.parametrize("typed, exercise, reading", [
    ("x = -1, 1", "cubic", "x = -1, x = 1"),
    ("x=-1,1", "cubic", "x = -1, x = 1"),
    ("x = -1 or 1", "cubic", "x = -1, x = 1"),
    ("x = -1, 0, and 1", "w", "x = -1, x = 0, x = 1"),
    ("x = -2, 2", "cubic-12", "x = -2, x = 2"),
    ("x = -1, 1", "least-two", "x = -1, x = 1"),  # minimize, where f is least at both
    ("x = -2, 2", "least-four", "x = -2, x = 2"),
])
def test_values_after_one_name_are_a_list(capsys, pack, typed, exercise, reading):
    assert told(capsys, typed, f"{pack}:{exercise}") == f"correct\nCorrect.\nread as: {reading}\n"


def test_lesson_minima_after_one_name_are_a_list(capsys):
    assert main(["check", "--exercise", "gradients:local-minima-1d", "--", "x = -1.3008, 1.1309"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "read as: x = -1.3008, x = 1.1309"


# findings 171 and 196: a point (x, f(x)) of the graph is told as such, not read as two x's (nor as "one vector")
@pytest.mark.parametrize("typed, exercise, said", [
    ("(-1, 2)", "cubic", "(-1, 2) looks like a point (x, f(x)) of the graph of f, but values of x are asked for "
                         "here: write only its x, without brackets."),
    ("(-1, 2), (1, -2)", "cubic", "(-1, 2), (1, -2) look like points (x, f(x)) of the graph of f, but values of x "
                                  "are asked for here: write only the x of each, without brackets."),
    ("(2, -16) and (-2, 16)", "cubic-12", "(2, -16), (-2, 16) look like points (x, f(x)) of the graph of f, but "
                                          "values of x are asked for here: write only the x of each, without "
                                          "brackets."),
    ("(-1, -1)", "least-two", "(-1, -1) looks like a point (x, f(x)) of the graph of f, but values of x are asked "
                              "for here: write only its x, without brackets."),
    ("(-2, 0)", "least-four", "(-2, 0) looks like a point (x, f(x)) of the graph of f, but values of x are asked "
                              "for here: write only its x, without brackets."),
    ("(-1, 0), (1, 0)", "cubic", "Values of x are asked for here, not points: write only the x of each, without "
                                 "brackets."),
])
def test_a_point_of_the_graph_is_told_values_of_x_are_asked(capsys, pack, typed, exercise, said):
    assert told(capsys, typed, f"{pack}:{exercise}").splitlines()[:2] == ["invalid", said]


def test_a_bracketed_list_that_is_no_point_stays_a_list(capsys, pack):
    assert told(capsys, "(-1, 1)", f"{pack}:cubic") == "correct\nCorrect.\nread as: x = -1, x = 1\n"


# finding 232: a pair that is a point (x, f(x)) of the graph and also a right list of two x's is that list, right:
# x⁴ − 2x² + 2 and (x² − 1)² + 1 have minima -1 and 1 and f(-1) = 1, and their own key was refused as a point
COINCIDING = """\
pack: coinciding
title: Right lists that are points of the graph
exercises:
  - {id: lm, kind: local_minima, function: "x^4 - 2x^2 + 2"}
  - {id: sq, kind: local_minima, function: "(x^2 - 1)^2 + 1"}
  - {id: four, kind: local_minima, function: "(x^2 - 4)^2 + 2"}
  - {id: gl, kind: local_minima, function: "x^4 - 2x^2 + 2", ask: global}
  - {id: m, kind: minimize, function: "(x^2 - 1)^2 + 1"}
  - {id: cp, kind: critical_points, function: "x^3 - 3x - 1"}
  - {id: cq, kind: critical_points, function: "(x^2 - 1)^2 + 1"}
  - {id: w, kind: local_minima, function: "x^4 - 2x^2"}
  - {id: wm, kind: minimize, function: "x^4 - 2x^2"}
"""


@pytest.fixture(scope="module")
def coinciding(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("coinciding") / "coinciding.yaml"
    path.write_text(COINCIDING, encoding="utf-8")
    return str(path)


def test_a_key_that_is_a_point_of_the_graph_validates(capsys, coinciding):
    assert main(["pack", "validate", coinciding]) == 0
    assert capsys.readouterr().out == f"{coinciding}: valid (9 exercises; each one's answer grades as correct)\n"


def _point(typed: str) -> list[str]:
    return ["invalid", f"{typed} looks like a point (x, f(x)) of the graph of f, but values of x are asked for here: "
                       "write only its x, without brackets."]


@pytest.mark.parametrize("typed, exercise, out", [
    ("-1, 1", "lm", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("x = -1, x = 1", "lm", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, 1)", "lm", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, 1)", "sq", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("-2 and 2", "four", ["correct", "Correct.", "read as: x = -2, x = 2"]),
    ("(-1, 1)", "gl", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, 1)", "m", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, 1)", "cp", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(1, -1)", "wm", ["correct", "Correct.", "read as: x = 1, x = -1"]),
    # a pair wrong as a list is still told it is a point of the graph, where it is one
    ("(2, 10)", "lm", _point("(2, 10)")),
    ("(0, 2)", "sq", _point("(0, 2)")),
    ("(2, 10)", "gl", _point("(2, 10)")),
    ("(1, 1)", "lm", _point("(1, 1)")),  # one of the two minima: not the list asked for
    ("(1, 1)", "m", _point("(1, 1)")),  # one x twice is a list only as a repeat: the point it plainly is
    ("(1, -3)", "cp", _point("(1, -3)")),
    ("(-1, 1)", "cq", _point("(-1, 1)")),  # 0 is a critical point too
    # and where no pair is both, as before: x⁴ − 2x², whose points (±1, -1) are no list of its minima from left to
    # right
    ("(-1, 1)", "w", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(1, -1)", "w", _point("(1, -1)")),
    ("(2, 8)", "w", _point("(2, 8)")),
    ("(-1, -1)", "wm", _point("(-1, -1)")),
])
def test_a_right_list_is_never_refused_as_a_point(capsys, coinciding, typed, exercise, out):
    assert told(capsys, typed, f"{coinciding}:{exercise}").splitlines() == out


LISTS = """\
pack: lists
title: Lists of one variable
exercises:
  - {id: lm, kind: local_minima, function: "x^4 - 2x^2"}
  - {id: gl, kind: local_minima, function: "x^4 - 2x^2", ask: global}
  - {id: m, kind: minimize, function: "x^2 - 2x"}
  - {id: m4, kind: minimize, function: "x^2 - 4x"}
  - {id: gl-one, kind: local_minima, function: "x^2 - 2x", ask: global}
  - {id: gl-cos, kind: local_minima, function: "cos(x)", ask: global}
  - {id: m-cos, kind: minimize, function: "abs(cos(x))"}
  - {id: cusp, kind: critical_points, function: "x^(2/3) - x"}
  - {id: cusp-sum, kind: critical_points, function: "abs(x) + x^(1/3)"}
  - {id: cos, kind: critical_points, function: "cos(x)", region: "-pi <= x <= pi"}
  - {id: kink, kind: critical_points, function: "abs(x) + x^3 - 3x"}
  - {id: root, kind: critical_points, function: "x^(1/3)"}
"""


@pytest.fixture(scope="module")
def lists(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("lists") / "lists.yaml"
    path.write_text(LISTS, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("typed, exercise, out", [
    ("x = -1, 1", "lm", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("x = -1, 1", "gl", ["correct", "Correct.", "read as: x = -1, x = 1"]),
    ("(-1, -1), (1, -1)", "lm", ["invalid", "(-1, -1), (1, -1) look like points (x, f(x)) of the graph of f, but "
                                 "values of x are asked for here: write only the x of each, without brackets."]),
    ("(-1, -1)", "gl", ["invalid", "(-1, -1) looks like a point (x, f(x)) of the graph of f, but values of x are "
                                   "asked for here: write only its x, without brackets."]),
    # one minimiser given twice is that one, named as a list's repeat is, as where f is least at two
    ("1, 1", "m", ["correct", "Correct.", "read as: x = 1, x = 1"]),
    ("2, 2", "m4", ["correct", "Correct.", "read as: x = 2, x = 2"]),
    ("3, 3", "m", ["incorrect", "x = 3 is given twice. Your answer 3 is not right.", "read as: x = 3, x = 3"]),
    # finding 209: a list of the one minimiser and another was "not a list" while 1, 1 was read as a list: it is
    # judged as a list where f is least at two is, what does not belong named
    ("1, 2", "m", ["incorrect", "x = 2 does not belong in the answer.", "read as: x = 1, x = 2"]),
    ("0, 1", "m", ["incorrect", "x = 0 does not belong in the answer.", "read as: x = 0, x = 1"]),
    ("x = 2, 5", "m4", ["incorrect", "x = 5 does not belong in the answer.", "read as: x = 2, x = 5"]),
    ("1, 2", "gl-one", ["incorrect", "x = 2 does not belong in the answer.", "read as: x = 1, x = 2"]),
    ("1, 1", "gl-one", ["correct", "Correct.", "read as: 1"]),
    ("3, 3", "gl-one", ["incorrect", "Your answer 3 is not right to 4 decimal places.", "read as: 3"]),
    # and a repeat of one x where f repeats is that x, in local_minima as in minimize; two of them, one asked
    ("pi, pi", "gl-cos", ["correct", "Correct.", "read as: π"]),
    ("3pi, 3pi", "gl-cos", ["correct", "Correct.", "read as: 3π"]),
    ("pi/2, pi/2", "m-cos", ["correct", "Correct.", "read as: x = π/2, x = π/2"]),
    ("pi, 3pi", "gl-cos", ["invalid", "pi, 3pi", "    ^", "One number is asked for here: where f is least."]),
    ("pi/2, 3pi/2", "m-cos", ["invalid", "pi/2, 3pi/2", "      ^",
                              "One number is asked for here: an x where f is least, any one of them."]),
    ("(2, -4)", "m4", ["invalid", "(2, -4) looks like a point (x, f(x)) of the graph of f, but values of x are asked "
                                  "for here: write only its x, without brackets."]),
])
def test_lists_in_local_minima_and_minimize(capsys, lists, typed, exercise, out):
    assert told(capsys, typed, f"{lists}:{exercise}").splitlines() == out


# findings 182, 185, 140: the reason that keys a missed point, and why a point given is none
@pytest.mark.parametrize("typed, exercise, said", [
    ("0", "cusp", "It looks like you missed x = 8/27: f′ = 0 there, and that makes it a critical point too."),
    # finding 208: a cusp is named one, not "this point" (nor a corner)
    ("8/27", "cusp", "It looks like you missed x = 0: f′ is -∞ from the left and ∞ from the right, so f′ changes "
                     "sign at this cusp, where it has no value, and that makes it a critical point too."),
    ("none", "cusp-sum", "It looks like you missed x = -√3/9: f′ = 0 there, and that makes it a critical point too."),
    ("-pi, 0", "cos", "It looks like you missed x = π: f′ = 0 there, and that makes it a critical point too."),
    ("-2sqrt(3)/3, 0, sqrt(6)/3", "kink", "It looks like you included x = 0, which is not a critical point: f′ is "
                                          "-4 from the left and -2 from the right, so f′ does not change sign there."),
    ("0", "root", "It looks like you included x = 0, which is not a critical point: f′ is ∞ on both sides, a "
                  "vertical tangent, so f′ does not change sign there."),
    # the vertical tangent given for the x where f′ = 0: both mistakes told, each beside the other (finding 140)
    ("0", "cusp-sum", "It looks like two mistakes: you missed x = -√3/9, and you included x = 0, which is not a "
                      "critical point. At x = -√3/9, f′ = 0, and that makes it a critical point too. At x = 0, f′ "
                      "is ∞ on both sides, a vertical tangent, so f′ does not change sign there."),
])
def test_each_point_is_told_the_reason_that_keys_it(capsys, lists, typed, exercise, said):
    out = told(capsys, typed, f"{lists}:{exercise}")
    assert out.splitlines()[:2] == ["incorrect", said] and "product" not in out


def test_a_name_before_some_parts_of_a_vector_is_told_how_to_write_it(capsys):
    """Where a vector is asked, x = 2x, 2y is no list of values: said of the vector, not "each component"."""
    assert main(["check", "--exercise", "gradients:gradient-x2y2", "--", "x = 2x, 2y"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == "Write the vector without names, in order, like (4, 6)."
    assert main(["check", "--exercise", "gradients:local-minima-2d-end", "--", "x = 0.96, 0"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == "Name every part (x and y) or none, like (4, 6)."


@pytest.mark.parametrize("answer, said", [
    # an outside check: -1 1 for the minima -1 and 1 was read as the product -1·1 and named "only the global minimum"
    ("-1.3008 1.1309", "invalid\n-1.3008 1.1309\n       ^\nSeparate the values with commas: -1.3008, 1.1309.\n"),
    ("1.1309", "incorrect\nYour answer gives 1 of the 2 local minima of f; give every one, from left to right.\n"),
])
def test_values_with_only_spaces_between_are_told_to_be_separated(capsys, answer, said):
    main(["check", "--exercise", "gradients:local-minima-1d", "--", answer])
    assert capsys.readouterr().out.startswith(said)


def test_the_roots_of_a_square_are_named_only_where_a_square_was_solved(capsys, tmp_path):
    # outside check h55 and the negative root's: -π and π of cos x in a window were "x² = π² has two solutions"
    path = tmp_path / "cos.yaml"
    path.write_text('pack: c\nexercises:\n  - {id: cos, kind: critical_points, function: "cos(x)", '
                    'region: "-pi <= x <= pi"}\n', encoding="utf-8")
    for typed, missed in (("0, pi", "-π"), ("-pi, 0", "π")):
        said = told(capsys, typed, f"{path}:cos").split("\n")[1]
        assert said == f"It looks like you missed x = {missed}: f′ = 0 there, and that makes it a critical point too."
