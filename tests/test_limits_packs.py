"""Packs: YAML read within bounds, parameters drawn without listing them, every field a
parameter may reach checked on real variants, numbers bounded, odd files beside a pack refused.

The reproducers of issue 12, each now a sentence with a position instead of a hang, a
RecursionError or a crash.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from pack_files import pack_text

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond
from tutor.grade import grade
from tutor.safe_read import YamlError, compose_yaml
from tutor.submissions import read_submissions

ALIAS_BOMB = textwrap.dedent("""\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    pack: bomb
    exercises: [*i]
    """)


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(packs.PackError) as caught:
        packs.load(path)
    return caught.value.problems


def test_an_alias_bomb_is_refused_while_it_is_composed(tmp_path):
    path = write(tmp_path / "bomb.yaml", ALIAS_BOMB)
    assert len(ALIAS_BOMB) < 1000
    assert problems_of(path) == [f"{path}:5:23: more than 50,000 values, counting each alias in full"]


@pytest.mark.parametrize("text, problem", [
    ("pack: p\nexercises:\n" + "".join(" " * n + "- \n" for n in range(0, 200, 2)) + " " * 200 + "1\n",
     "66:127: nested more than 64 levels deep"),
    ("pack: p\nexercises: &a [*a]\n", "2:16: the alias *a refers to a value that contains it"),
    ("pack: p\nx: &a {y: [*a]}\nexercises: []\n", "2:12: the alias *a refers to a value that contains it"),
    ("pack: p\na: &a " + "[" * 40 + "1" + "]" * 40 + "\nb: &b " + "[" * 40 + "*a" + "]" * 40 + "\nexercises: []\n",
     "3:23: nested more than 64 levels deep once its aliases are expanded"),
])
def test_deep_or_self_referencing_yaml_is_a_sentence_not_a_recursion_error(tmp_path, text, problem):
    path = write(tmp_path / "deep.yaml", text)
    assert problems_of(path) == [f"{path}:{problem}"]


def test_submissions_are_composed_by_the_same_bounded_composer(tmp_path):
    bomb = ALIAS_BOMB.replace("pack: bomb\nexercises: [*i]\n", "student: s\nanswers: {cube: *i}\n")
    path = write(tmp_path / "s.yaml", bomb)
    found = read_submissions([path], packs.load("gradients"))
    assert [str(p) for p in found.problems] == [f"{path}:5: more than 50,000 values, counting each alias in full"]


def test_tags_are_listed_by_the_composer():
    composed = compose_yaml("a: !!python/object/apply:os.system [x]\nb: !custom 1\nc: 2\n", 100, 10)
    assert [node.tag for node in composed.tagged] == ["tag:yaml.org,2002:python/object/apply:os.system", "!custom"]
    with pytest.raises(YamlError) as caught:
        compose_yaml("a: [1, 2", 100, 10)
    assert caught.value.message.startswith("not valid YAML: ")


def test_flow_nesting_past_the_parser_s_own_limit_is_the_same_sentence():
    with pytest.raises(YamlError) as caught:
        compose_yaml("exercises: " + "[" * 10_000 + "]" * 10_000, 100, 64)
    assert (caught.value.line, caught.value.message) == (1, "nested more than 64 levels deep")


def with_params(folder: Path, params: str) -> Path:
    """A pack of one exercise, a·x², with these parameters."""
    return write(folder / "p.yaml", f"""\
        pack: p
        exercises:
          - id: d
            kind: partial_derivative
            function: a x^2
            wrt: x
            params: {params}
        """)


def test_a_huge_integer_range_is_drawn_from_without_listing_it(tmp_path):
    spec = packs.load(with_params(tmp_path, "{a: {int: [1, 1000000]}}")).exercise("d")
    assert spec.variant("ana").params == spec.variant("ana").params
    assert 1 <= spec.variant("ana").params[0][1] <= 10**6


def test_integer_ranges_draw_what_they_drew_when_they_were_listed():
    import random

    from tutor.packs import Param
    for seed in range(50):
        listed = random.Random(seed).choice(range(2, 10))
        assert Param("a", low=2, high=9).draw(random.Random(seed)) == listed


@pytest.mark.parametrize("params, problem", [
    ("{a: {int: [1, 10^12]}}", "parameter 'a': values are at most 1,000,000 in size"),
    # the range was blamed for a bad denominator, and "a list" for a list holding something else
    ("{a: {rational: [0, 1], denominators: [0]}}",
     "parameter 'a': denominators are whole numbers from 1 to 1,000,000, like [2, 3]"),
    ("{a: {choice: [1, x]}}", "parameter 'a': 'x' is not a number like 2, 1/2 or 0.5"),
    ("{a: {choice: [1, .nan]}}", "parameter 'a': '.nan' is not a number like 2, 1/2 or 0.5"),
    ("{a: {choice: [[1, 2]]}}", "parameter 'a': a list or mapping is not a number like 2, 1/2 or 0.5"),
    ("{a: {int: [3, 1]}}", "parameter 'a': int needs [low, high] with low ≤ high (whole numbers)"),
    ("{a: {choice: 5}}", "parameter 'a': choice needs a list of numbers"),
])
def test_parameter_ranges_are_bounded(tmp_path, params, problem):
    assert [p.split(": ", 2)[2] for p in problems_of(with_params(tmp_path, params))] == [problem]


def test_points_are_bounded(tmp_path):
    path = write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - {id: d, kind: partial_derivative, function: x^2, wrt: x, points: 1e999}
          - {id: e, kind: partial_derivative, function: x^2, wrt: x, points: 1e-999999999}
          - {id: f, kind: gradient_descent, function: x^2, start: 1, rate: 0.1, iterations: 99999999999999}
        """)
    assert [p.split(": ", 2)[2] for p in problems_of(path)] == [
        "'points' must be a number from 0 to 1,000,000, like 1, 0.5 or 1/2, not '1e999'",
        "'points' must be a number from 0 to 1,000,000, like 1, 0.5 or 1/2, not '1e-999999999'",
        "'iterations' must be a whole number from 1 to 10,000, not '99999999999999'",
    ]


def test_too_many_exercises_are_refused_before_any_is_read(tmp_path):
    exercises = (f"{{id: e{n}, kind: partial_derivative, function: x^2, wrt: x}}" for n in range(501))
    path = write(tmp_path / "p.yaml", pack_text(*exercises))
    assert problems_of(path) == [f"{path}:3:3: a pack has at most 500 exercises, not 501; split it into several packs"]


def test_a_pack_file_larger_than_a_mebibyte_is_not_read(tmp_path):
    path = write(tmp_path / "p.yaml", "pack: p\n# " + "x" * (1 << 20) + "\nexercises: []\n")
    assert problems_of(path) == [f"{path}: not read: larger than 1,048,576 bytes"]


# ----------------------------------------------------------- files beside a pack


LEAST_SQUARES = """\
    pack: p
    exercises:
      - id: fit
        kind: least_squares
        csv: {file: data.csv, x: x, y: y}
    """


def test_a_loop_of_links_beside_a_pack_is_reported(tmp_path):
    os.symlink(tmp_path / "data.csv", tmp_path / "data.csv")
    path = write(tmp_path / "p.yaml", LEAST_SQUARES)
    assert [p.split(": ", 2)[2] for p in problems_of(path)] == ["CSV file 'data.csv' can't be read: a loop of links"]


def test_a_fifo_beside_a_pack_is_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "data.csv")
    path = write(tmp_path / "p.yaml", LEAST_SQUARES)
    assert [p.split(": ", 2)[2] for p in problems_of(path)] == [
        "CSV file 'data.csv' is not read: not a regular file (a FIFO or a device)"]


def test_a_fifo_as_a_pack_or_a_submission_is_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pack.yaml")
    assert problems_of(tmp_path / "pack.yaml") == [
        f"{tmp_path / 'pack.yaml'}: not read: not a regular file (a FIFO or a device)"]
    os.mkfifo(tmp_path / "class.csv")
    os.mkfifo(tmp_path / "one.yaml")
    found = read_submissions([tmp_path / "class.csv", tmp_path / "one.yaml"], packs.load("gradients"))
    assert [str(p) for p in found.problems] == [
        f"{tmp_path / 'class.csv'}: not a regular file (a FIFO or a device); not read",
        f"{tmp_path / 'one.yaml'}: not a regular file (a FIFO or a device); not read"]


# ------------------------------------------------- parameters in the author's fields


DRILL = """\
    pack: p
    exercises:
      - id: d
        kind: partial_derivative
        function: a x^p y^2
        wrt: x
        params: {a: {int: [2, 9]}, p: {int: [2, 5]}}
        answer: a p x^(p-1) y^2
        mistakes:
          - answer: a x^(p-1) y^2
            feedback: Multiply by the exponent p too.
    """


def test_a_mistake_may_use_the_parameters_and_is_read_for_each_variant(tmp_path):
    pack = packs.load(write(tmp_path / "p.yaml", DRILL))
    exercise = pack.exercise("d").variant("s1")
    a, p = (value for _, value in exercise.params)
    verdict = respond(exercise, f"{a}x^{p - 1} y^2")
    assert (verdict.verdict, verdict.note, verdict.message) == (
        "incorrect", "mistake:author", "Multiply by the exponent p too.")
    assert packs.self_check(pack) == []


def test_a_class_graded_with_such_a_mistake_gets_verdicts_not_crashes(tmp_path):
    pack = packs.load(write(tmp_path / "p.yaml", DRILL))
    answers = tmp_path / "class.csv"
    answers.write_text("student,exercise,answer\ns1,d,5xy\ns2,d,2x\n", encoding="utf-8")
    book = grade(pack, read_submissions([answers], pack))
    assert {r.note for r in book.results} <= {"differs_at", "mistake:author"}


def test_fields_using_names_that_are_no_parameter_are_reported_at_load(tmp_path):
    path = write(tmp_path / "p.yaml", DRILL.replace("a x^(p-1) y^2", "a x^(q-1) y^2")
                 .replace("a p x^(p-1) y^2", "a p x^(r-1) y^2"))
    assert [p.split(": ", 2)[2] for p in problems_of(path)] == [
        "'answer' can't be read: unknown name 'r' (it is neither a variable nor a parameter)",
        "the mistake 'a x^(q-1) y^2' can't be read: unknown name 'q' (it is neither a variable nor a parameter)"]


def test_validate_reports_a_mistake_that_is_a_right_answer_for_some_variant(tmp_path, capsys):
    # 2a·x^(p-1)·y² is the derivative itself whenever p = 2
    path = write(tmp_path / "p.yaml", DRILL.replace("- answer: a x^(p-1) y^2", "- answer: 2a x^(p-1) y^2"))
    packs.load(path)  # loads: such a mistake is never offered
    assert main(["pack", "validate", str(path)]) == 1
    assert "the mistake '2a x^(p-1) y^2' is a right answer" in capsys.readouterr().out


@pytest.mark.parametrize("field", ["require: a^a^a^a > 3", "title: 'T {a^a^a^a}'", "hints: ['h {a^a^a^a}']"])
def test_a_tower_of_parameters_is_too_large_not_a_crash(tmp_path, capsys, field):
    # the bound on the digits made overflowed a double (math range error, exit 70) past two powers
    path = write(tmp_path / "p.yaml", f"""\
        pack: towers
        exercises:
          - id: tower
            kind: derivative
            function: x^2
            params: {{a: {{int: [2, 3]}}}}
            {field}
        """)
    assert main(["pack", "validate", str(path)]) == 1
    assert "its numbers grow too large (more than 1,000 digits)" in capsys.readouterr().out


def test_lesson_values_must_be_values_the_parameters_are_drawn_from(tmp_path, capsys):
    # they passed validation before, and every student got a variant the author's ranges exclude
    path = write(tmp_path / "p.yaml", """\
        pack: lessons
        exercises:
          - id: excluded
            kind: derivative
            function: a x^2
            params: {a: {int: [1, 3], lesson: 2}}
            require: a != 2
          - id: outside
            kind: derivative
            function: a x^2 + b x
            params: {a: {rational: [1, 3], denominators: [3], lesson: 1.5}, b: {choice: [1, 2], lesson: 3}}
          - id: fine
            kind: derivative
            function: a x^2 + b x
            params: {a: {rational: [1, 3], lesson: 1.5}, b: {choice: [1, 2], lesson: 2}}
        """)
    assert [p.split(": ", 1)[1] for p in problems_of(path)] == [
        "exercise 'excluded': the lesson's values (a = 2) do not meet 'require: a != 2'; every student would get them",
        "exercise 'outside': parameter 'a': 'lesson: 3/2' is not a value it is drawn from (a from 1 to 3 with "
        "denominators 3); every student would get it",
        "exercise 'outside': parameter 'b': 'lesson: 3' is not a value it is drawn from (b in {1, 2}); every student "
        "would get it"]


@pytest.mark.parametrize("key", ["Kind", "knd", "type"])
def test_a_misspelt_kind_gets_a_did_you_mean_where_it_is_written(tmp_path, key):
    path = write(tmp_path / "p.yaml", f"""\
        pack: k
        exercises:
          - id: a
            {key}: derivative
            function: x^2
        """)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:4:5: exercise 'a': the exercise needs a 'kind' (")
    assert problem.endswith(f"); did you mean 'kind' for '{key}'?")


def test_a_pack_that_is_not_utf8_is_told_where_and_how_to_mend_it(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"pack: f\nexercises:\n  - id: a\n    kind: derivative\n    function: caf\xe9 x\n")
    assert problems_of(path) == [f"{path}:5:18: not UTF-8 text; save the file as UTF-8"]


def test_a_first_draw_that_cant_be_set_does_not_refuse_the_pack(tmp_path, capsys):
    # loading checked the first draw only, and a = 0 refused the whole pack for everyone
    path = write(tmp_path / "p.yaml", """\
        pack: f
        exercises:
          - id: t
            kind: derivative
            function: ln(a x)
            params: {a: {int: [0, 1]}}
          - id: u
            kind: derivative
            function: x^3
        """)
    spec = packs.load(path).exercise("t")
    assert {spec.drawn(n).problem.prompt() for n in range(30) if spec.drawn_values(n)[0][1] == 1} == \
        {"d/dx of f(x) = ln(x)"}
    assert main(["pack", "show", str(path), "--seed", "1"]) == 1
    assert "exercise 't' can't be set: with a = 0, the function has no variables" in capsys.readouterr().out
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}:5:15: exercise 't': with a = 0, the function has no variables\n"
