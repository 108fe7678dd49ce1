"""An `expression` exercise's `answer_name:`: the name a student may write the answer after, as the prompt
shows it (the parameters' values filled in) and in every spelling the answer reader gives a name (x₁ and
x_1, f′ and f', −∇f and -grad f), whichever of them the author typed (findings 190, 192)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tutor import packs
from tutor.cli import main
from tutor.practice import Session
from tutor.repl import Piped
from tutor.store import Store

# the lesson's cost E(m, b) of the fit through (0, 1), (1, 3), (2, 4) is E(0, 0) = 38 (drills:ex-cost-at-origin);
# here the author moves the point with a parameter, as a pack gives each student numbers of their own
PARAMETERISED = """\
pack: named
title: Named answers
exercises:
  - id: braces
    kind: expression
    prompt: "E(m, b) = (m - {a})^2 + b^2. What is E({a}, 1)?"
    expected: "1"
    answer_name: "E({a}, 1)"
    params: {a: {int: [2, 9]}}
  - id: bare
    kind: expression
    prompt: "E(m, b) = (m - {a})^2 + b^2. What is E({a}, 1)?"
    expected: "1"
    answer_name: "E(a, 1)"
    params: {a: {int: [2, 9]}}
  - id: prime
    kind: expression
    prompt: "f(x) = x^2. What is f'({a})?"
    expected: "2a"
    answer_name: "f'(a)"
    params: {a: {int: [2, 9]}}
  - id: prime-braces
    kind: expression
    prompt: "f(x) = x^3. What is f'({a - 1})?"
    expected: "3(a - 1)^2"
    answer_name: "f'({a - 1})"
    params: {a: {int: [2, 9]}}
"""
STUDENTS = ("s1", "s2", "ana", "ben")


def _value(name: str, a: int) -> tuple[str, str]:
    """(the name as student with parameter a reads it, the answer's value)."""
    return {"braces": (f"E({a}, 1)", "1"), "bare": (f"E({a}, 1)", "1"), "prime": (f"f'({a})", str(2 * a)),
            "prime-braces": (f"f'({a - 1})", str(3 * (a - 1) ** 2))}[name]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "named.yaml"
    path.write_text(PARAMETERISED, encoding="utf-8")
    return path


def _draw(pack: Path, exercise: str, student: str) -> int:
    return int(dict(packs.load(pack).exercise(exercise).values(student))["a"])


@pytest.mark.parametrize("exercise", ["braces", "bare", "prime", "prime-braces"])
def test_a_name_with_a_parameter_is_the_name_the_student_reads(pack, capsys, exercise):
    # finding 190: "E(5, 1) = 1", the prompt's own words, was "Write just 1, without 'E(5, 1) ='."
    for student in STUDENTS:
        name, value = _value(exercise, _draw(pack, exercise, student))
        assert main(["pack", "show", str(pack), "--student", student]) == 0
        assert f"What is {name}?" in capsys.readouterr().out
        assert main(["check", "--exercise", f"{pack}:{exercise}", "--student", student, "--", f"{name} = {value}"]) \
            == 0
        assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {value}\n"


@pytest.mark.parametrize("exercise, typed", [("bare", "E(a, 1) = 1"), ("prime", "f'(a) = {v}")])
def test_the_parameters_letter_which_no_student_sees_is_no_name(pack, capsys, exercise, typed):
    name, value = _value(exercise, _draw(pack, exercise, "s1"))
    typed = typed.format(v=value)
    assert main(["check", "--exercise", f"{pack}:{exercise}", "--student", "s1", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n^\nWrite just {value}, without '{typed.split(' =')[0]} ='.\n"


@pytest.mark.parametrize("exercise", ["bare", "prime-braces"])
def test_a_name_with_a_parameter_in_practice(tmp_path, exercise):
    # the REPL reads an answer as `tutor check` does: a student's first showing is their graded numbers
    pack = tmp_path / "one.yaml"
    pack.write_text(PARAMETERISED.split("  - id: ")[0] + "  - id: " + next(
        part for part in PARAMETERISED.split("  - id: ")[1:] if part.startswith(exercise + "\n")), encoding="utf-8")
    name, value = _value(exercise, _draw(pack, exercise, "ana"))
    out = io.StringIO()
    Piped(Session(packs.load(pack), Store(tmp_path / "p.sqlite3"), "ana", seed=1), io.StringIO(
        f"{name} = {value}\n"), out).run()
    assert f"What is {name}?\nanswer> {name} = {value}\n✓ Correct.\n" in out.getvalue()


def test_a_class_is_graded_on_the_name_each_student_reads(pack, tmp_path, capsys):
    # finding 190: 300 students writing f'(k) = 2k were all invalid, parse_error:unknown_name
    answers = tmp_path / "answers.csv"
    with answers.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "exercise", "answer"])
        for student in STUDENTS:
            for exercise in ("braces", "bare", "prime", "prime-braces"):
                name, value = _value(exercise, _draw(pack, exercise, student))
                writer.writerow([student, exercise, f"{name} = {value}"])
    assert main(["grade", str(pack), str(answers), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    capsys.readouterr()
    rows = list(csv.DictReader((tmp_path / "out" / "answers.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == 16
    assert {(r["verdict"], r["score"], r["note"]) for r in rows} == {("correct", "1", "equal")}


def test_validation_fills_the_name_on_real_variants(tmp_path, capsys):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\ntitle: Bad names\nexercises:\n"
        "  - {id: a, kind: expression, prompt: 'What is E(1, 1)?', expected: '1', answer_name: 'E({1/(a-2)}, 1)',"
        " params: {a: {int: [2, 5]}}}\n"
        "  - {id: b, kind: expression, prompt: 'What is E(1, 1)?', expected: '1', answer_name: 'E({q}, 1)',"
        " params: {a: {int: [2, 5]}}}\n"
        "  - {id: c, kind: expression, prompt: 'What is it?', expected: '1', answer_name: a,"
        " params: {a: {lesson: 4, int: [2, 5]}}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{pack}:4:87: exercise 'a': with a = 2, 'answer_name' can't be shown: '{{1/(a-2)}}' has no value",
        f"{pack}:5:87: exercise 'b': 'answer_name': '{{q}}' uses 'q', which is not a parameter (a); write '{{{{' and "
        "'}}' for braces that are part of the text",
        f"{pack}:5:108: exercise 'b': parameter 'a' is used nowhere in the exercise: where it is meant to be used, "
        "check its spelling",  # q for a: a used nowhere
        f"{pack}:6:82: exercise 'c': with a = 4, '4' is not a name, like x₁ or E(0, 0)",
    ]


# each name as an author may type it, and the answer after it as students type it (finding 192: an author's
# x_1 refused 'x₁ = 2.4', f'(2) refused 'f′(2) = 12', -grad f(1, 2) refused '−∇f(1, 2) = …'); a brace in the
# name is doubled, as in the prompt, where {a} shows a parameter
SPELLINGS = [
    (["x_1", "x₁", "x_{{1}}", "x1"], ["x₁ = 2.4", "x_1 = 2.4", "x_{1}=2.4", "x1 = 2.4"], "2.4"),
    (["f'(2)", "f′(2)", "f’(2)"], ["f′(2) = 12", "f'(2) = 12", "f’(2)=12"], "12"),
    (["-grad f(1, 2)", "−∇f(1, 2)", "-∇f(1,2)", "- nabla f(1, 2)"],
     ["−∇f(1, 2) = (-2, -4)", "-grad f(1,2) = (-2, -4)", "-∇f(1, 2) = (-2, -4)"], "(-2, -4)"),
    (["theta_1", "θ₁"], ["θ₁ = 0.5", "theta_1 = 0.5", "θ1 = 0.5"], "0.5"),
]


@pytest.mark.parametrize("names, typed, value", SPELLINGS)
def test_a_name_is_read_in_every_spelling_whichever_the_author_typed(tmp_path, capsys, names, typed, value):
    pack = tmp_path / "spelt.yaml"
    pack.write_text("pack: spelt\ntitle: Spelt\nexercises:\n" + "".join(
        f"  - {{id: e{i}, kind: expression, prompt: 'What is it?', expected: '{value}', answer_name: \"{name}\"}}\n"
        for i, name in enumerate(names)), encoding="utf-8")
    for i in range(len(names)):
        for answer in typed:
            assert main(["check", "--exercise", f"{pack}:e{i}", "--", answer]) == 0, (names[i], answer)
            assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {value}\n"


@pytest.mark.parametrize("name, typed, message", [
    ("x_1", "x = 2.4", "Write just 2.4, without 'x ='."),  # x₁, not x
    ("-grad f(1, 2)", "∇f(1, 2) = (-2, -4)", "Write just (-2, -4), without '∇f(1, 2) ='."),  # the sign is the name's
    ("f'(2)", "f'(3) = 12", "Write just 12, without 'f'(3) ='."),
])
def test_another_name_is_still_not_read(tmp_path, capsys, name, typed, message):
    pack = tmp_path / "spelt.yaml"
    pack.write_text(f"pack: spelt\ntitle: Spelt\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '{typed.split('= ')[1]}', answer_name: \"{name}\"}}\n", encoding="utf-8")
    assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n^\n{message}\n"


def test_a_variable_of_the_answer_is_refused_as_its_name(tmp_path, capsys):
    # finding 192: answer_name: x with expected 2x marked 'x = 2x', an equation in x, correct
    pack = tmp_path / "var.yaml"
    pack.write_text(
        "pack: var\ntitle: Variables\nexercises:\n"
        "  - {id: d, kind: expression, prompt: 'Derivative of x^2?', expected: 2x, answer_name: x}\n"
        "  - {id: s, kind: expression, prompt: 'x_1 in terms of y?', expected: 3y + x_1, answer_name: x₁}\n"
        "  - {id: v, kind: expression, prompt: 'What is y?', expected: '3', variables: [x, y], answer_name: y}\n"
        "  - {id: n, kind: expression, prompt: 'What is x?', expected: '3', answer_name: x}\n", encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{pack}:4:88: exercise 'd': 'x' is a variable of the answer, so 'x = …' would be an equation in it; "
        "name the answer otherwise, like f(x)",
        f"{pack}:5:94: exercise 's': 'x₁' is a variable of the answer, so 'x₁ = …' would be an equation in it; "
        "name the answer otherwise, like f(x)",
        f"{pack}:6:100: exercise 'v': 'y' is a variable of the answer, so 'y = …' would be an equation in it; "
        "name the answer otherwise, like f(x)",
    ]


# finding 200: arithmetic on a parameter in the name was pasted as text (f'(2+1)), so the name the prompt
# shows (f′(3) = 6) was refused; each argument and subscript is now the value the prompt shows
ARITHMETIC = [  # answer_name, prompt's name, the name and answer a student with a = 2 writes, the pasted text
    ("f'(a+2)", "f'({a+2})", "f'(4) = 8", "f'(2+2) = 8"),
    ("f'(2a)", "f'({2a})", "f′(4) = 8", "f'(2*2) = 8"),
    ("f'(a^2)", "f'({a^2})", "f'(4) = 8", "f'(2^2) = 8"),
    ("E(a, 2a)", "E({a}, {2a})", "E(2, 4) = 8", "E(2, 2a) = 8"),
    ("x_a", "x_{a}", "x₂ = 8", "x_a = 8"),
]


@pytest.mark.parametrize("name, shown, typed, pasted", ARITHMETIC)
def test_arithmetic_in_a_name_is_the_value_the_prompt_shows(tmp_path, capsys, name, shown, typed, pasted):
    pack = tmp_path / "sum.yaml"
    pack.write_text(f"pack: sum\ntitle: Sums\nexercises:\n  - {{id: e, kind: expression, prompt: \"What is {shown}?\", "
                    f"expected: '8', answer_name: \"{name}\", params: {{a: {{lesson: 2, int: [2, 5]}}}}}}\n",
                    encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 0
    capsys.readouterr()
    assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: 8\n"
    assert main(["check", "--exercise", f"{pack}:e", "--", pasted]) == 3
    assert capsys.readouterr().out.endswith(f"Write just 8, without '{pasted.split(' =')[0]} ='.\n")


# finding 200: a name whose argument the prompt shows as a fraction (f'(5/2)) refused 'f'(2.5) = 5', and one
# shown as a decimal (f(1.5)) refused 'f(3/2) = 2.25': the same number in another notation is the same name;
# another number is not
@pytest.mark.parametrize("name, value, same, other", [
    ("f'(5/2)", "5", ["f'(2.5) = 5", "f′(5/2) = 5", "f'(10/4) = 5"], "f'(2.4) = 5"),
    ("f(1.5)", "2.25", ["f(3/2) = 2.25", "f(1.50) = 2.25", "f(3 / 2) = 2.25"], "f(4/3) = 2.25"),
    ("f'(0.5)", "0.75", ["f'(1/2) = 0.75", "f'(.5) = 0.75"], "f'(1/3) = 0.75"),
    ("f'(-2)", "-4", ["f'(-2.0) = -4", "f′(−4/2) = -4"], "f'(2) = -4"),
    ("E(1/2, 7/3)", "3", ["E(0.5, 7/3) = 3", "E(2/4, 14/6) = 3"], "E(0.5, 2.33) = 3"),
    ("f'(0.001)", "0.002", ["f'(1e-3) = 0.002", "f'(1E-3) = 0.002", "f'(1/1000) = 0.002"], "f'(2e-3) = 0.002"),  # 230
    ("f'(100000)", "200000", ["f'(1e5) = 200000", "f'(1.0e+5) = 200000"], "f'(1e4) = 200000"),
])
def test_a_number_in_a_name_may_be_written_in_another_notation(tmp_path, capsys, name, value, same, other):
    pack = tmp_path / "notation.yaml"
    pack.write_text(f"pack: notation\ntitle: Notation\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '{value}', answer_name: \"{name}\"}}\n", encoding="utf-8")
    for typed in same:
        assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 0, typed
        assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {value}\n"
    assert main(["check", "--exercise", f"{pack}:e", "--", other]) == 3
    assert capsys.readouterr().out.endswith(f"Write just {value}, without '{other.split(' =')[0]} ='.\n")


def test_validation_names_the_draw_a_name_cannot_be_shown_for(tmp_path, capsys):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\ntitle: Bad names\nexercises:\n"
        "  - {id: a, kind: expression, prompt: 'What is x_{k}?', expected: '1', answer_name: 'x_k', params: {k: {int: [-2, 2]}}}\n"
        "  - {id: b, kind: expression, prompt: 'What is E?', expected: '1', answer_name: 'E(1/(a-2), 1)',"
        " params: {a: {int: [2, 5]}}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{pack}:4:85: exercise 'a': with k = -2, 'x_-2' is not a name, like x₁ or E(0, 0)",
        f"{pack}:5:81: exercise 'b': with a = 2, 'answer_name' can't be shown: '{{1/(a-2)}}' has no value",
    ]


# finding 205: '- grad f(1, 2) = …' was "Unknown name 'grad'"; f_x(1, 2) is ∂f/∂x(1, 2) as the answer reader reads it
@pytest.mark.parametrize("name, typed, value", [
    ("-grad f(1, 2)", "- grad f(1, 2) = (-2, -4)", "(-2, -4)"),
    ("-grad f(1, 2)", "− nabla f (1, 2) = (-2, -4)", "(-2, -4)"),
    ("- nabla f(1, 2)", "-∇f(1,2) = (-2, -4)", "(-2, -4)"),
    ("∂f/∂x(1, 2)", "f_x(1, 2) = 4", "4"),
    ("∂f/∂x(1, 2)", "df/dx (1, 2) = 4", "4"),
    ("f_y(1, 2)", "∂f/∂y(1, 2) = 4", "4"),
])
def test_a_spaced_or_subscripted_name_is_read(tmp_path, capsys, name, typed, value):
    pack = tmp_path / "spaced.yaml"
    pack.write_text(f"pack: spaced\ntitle: Spaced\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '{value}', answer_name: \"{name}\"}}\n", encoding="utf-8")
    assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {value}\n"


@pytest.mark.parametrize("name, typed, message", [
    ("f_y(1, 2)", "f_x(1, 2) = 4", "Write just 4, without 'f_x(1, 2) ='."),  # another variable
    # f′ names no variable here (no function:), so df/dx(2) is told the spelling that is read
    ("f'(2)", "df/dx(2) = 4", "Write just 4, or f'(2) = 4 as the question names it, without 'df/dx(2) ='."),
    ("f'(5/2)", "df/dx(2.5) = 4", "Write just 4, or f'(5/2) = 4 as the question names it, without 'df/dx(2.5) ='."),
    ("x_1", "x 1 = 4", None),  # a space inside a word is no spacing
])
def test_a_spacing_or_spelling_of_another_name_is_not_read(tmp_path, capsys, name, typed, message):
    pack = tmp_path / "other.yaml"
    pack.write_text(f"pack: other\ntitle: Other\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '4', answer_name: \"{name}\"}}\n", encoding="utf-8")
    assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 3
    out = capsys.readouterr().out
    assert out.startswith("invalid\n") and (message is None or out.endswith(message + "\n"))


# finding 205: df/dx(2) = 12 was refused where the prompt names f′(2), though a derivative is read after either;
# where the question is about a function of one variable (`function:`), df/dx(2) is f′(2) in its variable
@pytest.mark.parametrize("about, name, typed, value", [
    ("function: 3x^2, at: 2", "f'(2)", ["df/dx(2) = 12", "d f/d x (2) = 12", "df / dx(2.0) = 12"], "12"),
    ("function: t^3, at: 0.5, name: g", "g'(1/2)", ["dg/dt(1/2) = 3/4", "d g/d t (0.5) = 3/4"], "3/4"),
    ("function: x^3, at: 1", "-f'(1)", ["-df/dx(1) = -3", "- d f / d x(1) = -3", "−f′(1) = -3"], "-3"),
])
def test_a_derivative_name_is_read_as_df_dx_in_the_functions_variable(tmp_path, capsys, about, name, typed, value):
    pack = tmp_path / "prime.yaml"
    pack.write_text(f"pack: prime\ntitle: Prime\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '{value}', answer_name: \"{name}\", {about}}}\n", encoding="utf-8")
    for answer in typed:
        assert main(["check", "--exercise", f"{pack}:e", "--", answer]) == 0, answer
        assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {value}\n"


@pytest.mark.parametrize("about, typed, message", [
    ("function: 3x^2, at: 2", "dg/dx(2) = 12", "Write just 12, without 'dg/dx(2) ='."),  # another function
    ("function: 3x^2, at: 2", "df/dx(3) = 12", "Write just 12, without 'df/dx(3) ='."),  # another point
    ("function: 3x^2, at: 2", "df/dt(2) = 12",  # another variable
     "Write just 12, or f'(2) = 12 as the question names it, without 'df/dt(2) ='."),
    ("function: x y, at: [2, 1]", "df/dx(2) = 12",  # two variables: f′ says none
     "Write just 12, or f'(2) = 12 as the question names it, without 'df/dx(2) ='."),
])
def test_a_derivative_name_of_another_function_point_or_variable_is_not_read(tmp_path, capsys, about, typed, message):
    pack = tmp_path / "prime.yaml"
    pack.write_text(f"pack: prime\ntitle: Prime\nexercises:\n  - {{id: e, kind: expression, prompt: 'What is it?', "
                    f"expected: '12', answer_name: \"f'(2)\", {about}}}\n", encoding="utf-8")
    assert main(["check", "--exercise", f"{pack}:e", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n^\n{message}\n"


@pytest.mark.parametrize("typed, message", [
    # finding 767: the tangent plane pasted for a derivative was "Write just 20, without '4x+8y-z ='."
    ("4x+8y-z=20", "    ^\nUnknown name 'y' (the variable is x)."),
    ("2x = 4", "   ^\nWrite only the expression, without '='."),
])
def test_an_expression_before_an_equals_sign_is_no_name(capsys, typed, message):
    assert main(["check", "--exercise", "gradients:hard-to-optimize-derivative", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{message}\n"


@pytest.mark.parametrize("exercise, typed", [
    # finding 808: the previous exercise's tangent plane was "Write just 4x + 8y - 20, without 'z ='"
    ("gradients:partial-x-x2y2", "z = 4x + 8y - 20"),
    ("gradients:hard-to-optimize-derivative", "y = 2x + 3"),  # a tangent line, for f′
])
def test_the_graphs_height_before_an_equals_sign_is_no_name_for_a_derivative(capsys, exercise, typed):
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n^\nWrite only the expression, without '='.\n"
    # the derivative's own name is one: what follows it is the answer
    assert main(["check", "--exercise", "gradients:partial-x-x2y2", "--", "∂f/∂x = 2x"]) == 0
