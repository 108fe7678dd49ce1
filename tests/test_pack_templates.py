"""Parameters in every field an author writes (issue 17, "Authoring"): `{a}` in titles, prompts,
hints and feedback, parameters by name in maths; each use checked on real variants, and every
problem of a pack reported in one run, naming the draw that causes it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sympy

from tutor import packs, variant_check
from tutor.cli import main
from tutor.feedback import respond
from tutor.practice import Session
from tutor.store import Store

DRILL = """\
    pack: p
    exercises:
      - id: d
        kind: partial_derivative
        title: "∂/∂x of {a} x^{p} y²"
        function: a x^p y^2
        wrt: x
        params: {a: {int: [2, 9]}, p: {int: [2, 5]}}
        answer: a p x^(p-1) y^2
        hints: ["Bring the {p} down.", "{a p} x^{p - 1} y^2, with braces: {{x}}"]
        more_hints: "At x = 1, y = 1 it is {a p}."
        mistakes:
          - answer: a x^(p-1) y^2
            feedback: "Multiply by the exponent too: {a p}, not {a}."
    """


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def validate(path: Path, capsys) -> list[str]:
    status = main(["pack", "validate", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert status == (0 if lines[0].startswith(f"{path}: valid") else 1)
    return lines


def test_a_student_reads_their_own_numbers_in_the_title_the_hints_and_the_feedback(tmp_path, capsys):
    pack = packs.load(write(tmp_path / "p.yaml", DRILL))
    session = Session(pack, Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    shown = [line.text for line in session.start()]
    exercise = session.current.exercise
    a, p = (int(value) for _, value in exercise.params)
    assert f"∂/∂x of {a} x^{p} y²" in "\n".join(shown)
    assert [line.text for line in session.handle(":hint")] == [f"Hint 1 of 3: Bring the {p} down."]
    assert [line.text for line in session.handle(":hint")] == [
        f"Hint 2 of 3: {a * p} x^{p - 1} y^2, with braces: {{x}}"]
    assert [line.text for line in session.handle(":hint")] == [f"Hint 3 of 3: At x = 1, y = 1 it is {a * p}."]
    wrong = respond(exercise, f"{a}x^{p - 1} y^2")
    assert (wrong.verdict, wrong.note, wrong.message) == (
        "incorrect", "mistake:author", f"Multiply by the exponent too: {a * p}, not {a}.")
    assert respond(exercise, f"{a * p}x^{p - 1} y^2").verdict == "correct"
    assert validate(tmp_path / "p.yaml", capsys) == [
        f"{tmp_path / 'p.yaml'}: valid (1 exercise; each one's answer grades as correct)"]


def test_an_expression_exercise_takes_parameters_in_its_prompt_and_its_expected_answer(tmp_path):
    pack = packs.load(write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: sum
            kind: expression
            prompt: What is {a} + {b}? And {a}x + {b}x?
            expected: (a + b) x
            params: {a: {int: [2, 9]}, b: {choice: [10, 20]}}
        """))
    exercise = pack.exercise("sum").variant("ana")
    a, b = (int(value) for _, value in exercise.params)
    assert exercise.prompt() == f"What is {a} + {b}? And {a}x + {b}x?"
    assert respond(exercise, f"{a + b}x").verdict == "correct"
    assert respond(exercise, "(a + b) x").verdict != "correct"  # a student's a is no parameter


@pytest.mark.parametrize("change, where, message", [
    ('"Bring the {p} down."', "10:13", "'hints': '{q}' uses 'q', which is not a parameter (a, p); "
                                       "write '{{' and '}}' for braces that are part of the text"),
    ('"Multiply by the exponent too: {a p}, not {a}."', "14:19",
     "'feedback': '{q}' uses 'q', which is not a parameter (a, p); write '{{' and '}}' for braces that are "
     "part of the text"),
    ('"∂/∂x of {a} x^{p} y²"', "5:12", "'title': '{q}' uses 'q', which is not a parameter (a, p); "
                                       "write '{{' and '}}' for braces that are part of the text"),
])
def test_a_placeholder_that_is_no_parameter_is_reported_where_it_is_written(tmp_path, capsys, change, where,
                                                                            message):
    path = write(tmp_path / "p.yaml", DRILL.replace(change, change.replace("{p}", "{q}").replace("{a}", "{q}")
                                                     .replace("{a p}", "{q}")))
    assert validate(path, capsys) == [f"{path}:{where}: exercise 'd': {message}"]


def test_braces_without_parameters_are_written_doubled(tmp_path, capsys):
    text = """\
        pack: p
        exercises:
          - id: c
            kind: critical_points
            function: x^2 + y^2
            hints: "The answer is a set, like {{(0, 0)}}."
            more_hints: "A set like {(0, 0)}."
        """
    path = write(tmp_path / "p.yaml", text)
    assert validate(path, capsys) == [
        f"{path}:7:17: exercise 'c': 'more_hints': '{{(0, 0)}}' shows a parameter, but the exercise has none; "
        "write '{{' and '}}' for braces that are part of the text"]
    pack = packs.load(write(tmp_path / "q.yaml", text.replace("    more_hints: \"A set like {(0, 0)}.\"\n", "")))
    assert pack.exercise("c").variant().hints() == ("The answer is a set, like {(0, 0)}.",)


def test_a_placeholder_without_a_value_for_some_draw_names_the_draw_and_the_field(tmp_path, capsys):
    path = write(tmp_path / "p.yaml", DRILL.replace("{int: [2, 9]}", "{int: [2, 3]}")
                 .replace("{int: [2, 5]}", "{choice: [3]}").replace("it is {a p}.", "it is {1/(a - 2)}."))
    assert validate(path, capsys) == [
        f"{path}:11:17: exercise 'd': with a = 2, p = 3, 'more_hints' can't be shown: '{{1/(a - 2)}}' has no value"]
    # a student given a = 2 (where a pack is not verified) reads the rest of the hint
    pack = packs.load_text(path.read_text(encoding="utf-8"), str(path), tmp_path, verify=False)
    variant = pack.exercise("d").with_values((("a", sympy.Integer(2)), ("p", sympy.Integer(3))))
    assert variant.hints()[-1] == "At x = 1, y = 1 it is {1/(a - 2)}."


@pytest.mark.parametrize("function", ["x^2", "a x^2"])
def test_a_placeholder_without_a_value_for_one_draw_in_a_hundred_is_found_on_every_draw(tmp_path, capsys, function):
    # only the sampled variants' texts were filled: a = 37 of 1 .. 100 was met by luck, or not (finding 244)
    path = write(tmp_path / "p.yaml", f"""\
        pack: v
        exercises:
          - {{id: b, kind: derivative, function: {function}, params: {{a: {{int: [1, 100]}}}}, hints: ["{{1/(a - 37)}}"]}}
        """)
    column = path.read_text(encoding="utf-8").splitlines()[2].index('["') + 1  # at the hints
    assert validate(path, capsys) == [
        f"{path}:3:{column}: exercise 'b': with a = 37, 'hints' can't be shown: '{{1/(a - 37)}}' has no value"]


ONE_RUN = """\
    pack: p
    exercises:
      - id: broken
        kind: derivative
        functon: x^2
      - id: log
        kind: derivative
        function: ln(a x)
        params: {a: {choice: [0]}}
      - id: fine
        kind: derivative
        function: a x^2
        params: {a: {int: [1, 9]}}
      - id: mistake
        kind: partial_derivative
        function: a x^p y^2
        wrt: x
        params: {a: {int: [2, 9]}, p: {int: [2, 5]}}
        mistakes:
          - answer: 2a x^(p-1) y^2
            feedback: Multiply by the exponent p too.
      - id: never
        kind: derivative
        function: a x^2
        params: {a: {int: [1, 3]}}
        require: a > 3
    """


def test_every_problem_of_a_pack_in_one_run_in_the_order_of_the_file(tmp_path, capsys):
    """A structurally broken exercise is skipped; the others are checked on their variants, and each
    failing one is reported once, with its first failing draw."""
    path = write(tmp_path / "p.yaml", ONE_RUN)
    lines = validate(path, capsys)
    assert lines[:3] == [
        f"{path}:3:5: exercise 'broken': missing 'function' (the function, like 3x^2 y^3)",
        f"{path}:5:5: exercise 'broken': unknown key 'functon'; did you mean 'function'?",
        f"{path}:8:15: exercise 'log': with a = 0, the function has no variables"]
    assert lines[3].startswith(f"{path}:20:17: exercise 'mistake': with a = ")  # the answer of that mistake
    assert lines[3].endswith(", p = 2, the mistake '2a x^(p-1) y^2' is a right answer")
    assert lines[4:] == [f"{path}:26:14: exercise 'never': none of the 3 combinations of the parameters' values "
                         "meets 'require: a > 3'; widen the ranges or relax the condition"]


def test_numbers_in_text_are_shown_as_the_exercise_shows_its_numbers(tmp_path):
    """A pack that writes decimals (rate: 0.1) reads them as decimals in its texts too."""
    pack = packs.load(write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: dec
            kind: gradient_descent
            function: x^2
            start: 1
            rate: 0.1
            iterations: 1
            params: {a: {choice: [0.5]}}
            hints: "Half is {a}, a fifth is {a - 0.3}."
        """))
    assert pack.exercise("dec").variant().hints() == ("Half is 0.5, a fifth is 0.2.",)


def test_arithmetic_written_with_a_decimal_shows_a_decimal_for_every_draw(tmp_path):
    """{a*0.1} was 0.1 or 0.3 for some students and 1/5 for another, in a pack that writes no other decimal."""
    spec = packs.load(write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: t
            kind: expression
            prompt: "The rate is {a*0.1}; half is {a*0.5}; a third is {a/3}."
            expected: a
            params: {a: {int: [2, 2]}}
        """)).exercise("t")
    assert spec.variant("s").prompt() == "The rate is 0.2; half is 1; a third is 2/3."


def test_a_hint_shows_numbers_as_the_pack_writes_them_as_its_prompt_does(tmp_path):
    """With b drawn from [0.5, 1.5], the prompt said 1.5 and the hint 1/2 (fill took the kind's own display)."""
    exercise = packs.load(write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: e
            kind: expression
            prompt: "What is 3 × {b}?"
            expected: 3 b
            params: {b: {choice: [1.5]}}
            hints: ["half of it: {b/3}"]
            more_hints: "It is {3 b}."
        """)).exercise("e").variant("s")
    assert exercise.prompt() == "What is 3 × 1.5?"
    assert exercise.hints()[:1] == ("half of it: 0.5",) and "It is 4.5." in exercise.hints()


def test_the_grader_shows_a_variant_s_decimals_as_the_student_read_them(tmp_path, capsys):
    path = write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: gd
            kind: gradient_descent
            function: (x - a)^2
            start: 0
            rate: r
            iterations: 1
            params: {a: {int: [1, 1]}, r: {choice: [0.25]}}
        """)
    assert "α = 0.25" in packs.load(path).exercise("gd").variant("s").prompt()
    (tmp_path / "class.csv").write_text("student,exercise,answer\ns,gd,0.5\n", encoding="utf-8")
    assert main(["grade", str(path), str(tmp_path / "class.csv"), "--out", str(tmp_path / "out")]) == 0
    answers = (tmp_path / "out" / "answers.csv").read_text(encoding="utf-8").splitlines()
    assert answers[1].startswith("s,gd,\"a = 1, r = 0.25\",0.5,correct,")  # was r = 1/4

def test_an_answer_a_draw_leaves_undefined_is_told_in_words(tmp_path, capsys):
    path = write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - id: slice
            kind: fix_variable
            function: x/(a - 1) + y
            fix: {y: 2}
            params: {a: {choice: [1]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:5:15: exercise 'slice': with a = 1, 1/(a - 1) has no value: a division by zero; leave such draws out "
        "with 'require: a != 1'"]


def test_a_region_or_an_answer_a_draw_leaves_without_a_value_is_told_as_written(tmp_path, capsys):
    # sympy's I and zoo, read back, were "unknown name 'zoo'", and the region's said at the parameters (h64, F8)
    path = write(tmp_path / "p.yaml", """\
        pack: p
        exercises:
          - {id: r1, kind: critical_points, function: x^2 + y^2, region: "0 <= x <= sqrt(a)", params: {a: {int: [-1, -1]}}}
          - {id: r2, kind: critical_points, function: x^2 + y^2, region: "0 <= x <= 1/(a-1)", params: {a: {int: [1, 1]}}}
          - {id: m1, kind: partial_derivative, function: x^2 y, wrt: x, answer: 2xy/(a-1), params: {a: {int: [1, 1]}}}
        """)
    assert validate(path, capsys) == [
        f"{path}:3:66: exercise 'r1': with a = -1, the region can't be read: √a has no real value",
        f"{path}:4:66: exercise 'r2': with a = 1, the region can't be read: 1/(a - 1) has no real value",
        f"{path}:5:73: exercise 'm1': with a = 1, 'answer' can't be read: 1/(a - 1) has no value"]


def test_validation_meets_the_draw_one_student_in_hundreds_gets(tmp_path, capsys):
    """a = 0 is one draw in 601, which random draws for validation would likely miss; the edges of
    each range (0, ±1, its ends) are checked too, and the report names the draw."""
    path = write(tmp_path / "p.yaml", """\
        pack: edges
        title: edges
        exercises:
          - id: d1
            kind: partial_derivative
            function: ln(a x) + x
            wrt: x
            params: {a: {int: [-300, 300]}}
        """)
    assert validate(path, capsys) == [f"{path}:6:15: exercise 'd1': with a = 0, the function has no variables"]


def test_parameters_that_make_numbers_too_large_are_refused_not_computed(tmp_path, capsys):
    """a^(a^a) with a = 9 is 9^387420489: sympy would compute it in C, where no limit reaches."""
    path = write(tmp_path / "p.yaml", """\
        pack: huge
        title: huge
        exercises:
          - id: title
            kind: partial_derivative
            title: "value {a^(a^a)}"
            function: x^2 + a x
            wrt: x
            params: {a: {int: [8, 9]}}
          - id: function
            kind: partial_derivative
            function: (a x)^(a^a^a)
            wrt: x
            params: {a: {int: [8, 9]}}
          - id: condition
            kind: partial_derivative
            function: a x^2
            wrt: x
            params: {a: {int: [8, 9]}}
            require: a^(a^a) > 0
        """)
    lines = validate(path, capsys)
    assert lines[0] == (f"{path}:6:12: exercise 'title': with a = 8, 'title' can't be shown: '{{a^(a^a)}}': "
                        "its numbers grow too large (more than 1,000 digits)")
    assert lines[1].startswith(f"{path}:14:13: exercise 'function': with a = 8, its ")
    assert lines[2] == (f"{path}:20:14: exercise 'condition': with a = 9, its numbers grow too large "
                        "(more than 1,000 digits)")


def test_a_small_tower_of_powers_is_shown_not_refused_as_too_large(tmp_path):
    """a^(a^a) with a = 2 is 16: the bound on its digits comes from the exponent itself where that is small
    (it was 10 to the exponent's digits, which refused every tower as "more than 1,000 digits")."""
    pack = packs.load_text(textwrap.dedent("""\
        pack: tower
        exercises:
          - id: t
            kind: partial_derivative
            title: "value {a^(a^a)}"
            function: a^(a^a) x^2
            wrt: x
            params: {a: {int: [2, 2]}}
        """), "tower.yaml", tmp_path)
    exercise = pack.exercise("t").variant("ana")
    assert exercise.title == "value 16"
    assert respond(exercise, "32x").correct


def test_a_draw_that_leaves_a_variable_out_keeps_the_variables_the_author_wrote(tmp_path, capsys):
    """x² + a·y² is a function of x and y for every a: at a = 0 its critical points are the line x = 0.
    Before, that draw became a function of x alone, whose own answer (0) no answer in (x, y) matched."""
    path = write(tmp_path / "zero.yaml", """
        pack: zero
        exercises:
          - id: cp
            kind: critical_points
            function: x^2 + a y^2
            params: {a: {int: [0, 0]}}
          - id: classify
            kind: classify_point
            function: x^2 + a y^2
            at: [0, 0]
            params: {a: {int: [0, 0]}}
          - id: grad
            kind: gradient
            function: x^2 + a y^2
            params: {a: {int: [0, 0]}}
    """)
    pack = packs.load(path)
    critical = pack.exercise("cp").variant("u3")
    assert critical.prompt().startswith("Find all critical points of f(x, y) = x²")
    assert respond(critical, "x = 0").correct
    assert respond(critical, "(0, 0)").note == "misconception:ignored-critical-lines"
    assert respond(pack.exercise("classify").variant("u3"), "inconclusive").correct
    assert respond(pack.exercise("grad").variant("u3"), "(2x, 0)").correct
    without_y = ("with a = 0, f is x², which has no y: a student who draws that is asked of a function without it; "
                 "if that is not meant, leave such draws out with 'require'")
    assert validate(path, capsys) == [f"{path}: valid (3 exercises; each one's answer grades as correct)",
                                      *(f"{path}:{line}:15: exercise '{id_}': {without_y}"
                                        for line, id_ in ((6, "cp"), (10, "classify"), (15, "grad")))]


def test_a_draw_that_leaves_out_a_variable_of_local_minima_is_told_not_crashed(tmp_path, capsys):
    """(x² − 1)² + a·y² at a = 0 has whole lines of minima: said per draw (it was an AttributeError)."""
    path = write(tmp_path / "lm.yaml", """
        pack: lm
        exercises:
          - id: valleys
            kind: local_minima
            function: (x^2 - 1)^2 + a y^2
            params: {a: {int: [0, 1]}}
    """)
    seen = set()
    for seed in range(12):
        values = dict(packs.load(path).exercise("valleys").drawn_values(seed))
        seen.add(values["a"])
        status = main(["pack", "show", str(path), "valleys", "--seed", str(seed)])
        out = capsys.readouterr()
        if values["a"] == 0:
            assert status == 1 and "with a = 0, it has whole lines of minima" in out.out + out.err
        else:
            assert status == 0
    assert seen == {0, 1}


NOT_REAL_IN_TEXT = """\
    pack: t5
    exercises:
      - id: t
        kind: expression
        prompt: "The side is {sqrt(a-2)}; half is {a/2}."
        expected: a
        params: {a: {int: [1, 3]}}
    """


def test_a_placeholder_a_draw_makes_not_real_is_a_variant_that_can_t_be_set(tmp_path, capsys):
    # a = 1 showed the student "The side is I", sympy's name for √-1, and the pack validated
    path = write(tmp_path / "t5.yaml", NOT_REAL_IN_TEXT)
    why = "with a = 1, 'prompt' can't be shown: '{sqrt(a-2)}' is not a real number"
    assert validate(path, capsys) == [f"{path}:5:13: exercise 't': {why}"]
    assert main(["pack", "show", str(path), "--student", "ben"]) == 1  # ben draws a = 1
    assert capsys.readouterr().out.endswith(f"exercise 't' can't be set: {why}; it is not graded for this student\n")
    write(tmp_path / "t5.csv", "student,exercise,answer\nana,t,2\nben,t,1\n")  # ana draws a = 2
    assert main(["grade", str(path), str(tmp_path / "t5.csv"), "--out", str(tmp_path / "out")]) == 0
    rows = (tmp_path / "out" / "answers.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1:] == ["ana,t,a = 2,2,correct,1,1,equal,Correct.",
                        f'ben,t,a = 1,1,not_graded,0,0,broken_variant,"Exercise \'t\' was not graded: {why}. '
                        'It does not count towards the total."']


def test_maths_a_draw_makes_not_real_is_named_as_written_never_as_sympy_s_i(tmp_path, capsys):
    # these said "its own answer, shown as 2Ix, does not grade as correct: Unknown name 'Ix'" and
    # "∂f/∂x has no real value at x = sqrt(2)*I, y = 1"
    path = write(tmp_path / "cx.yaml", """\
        pack: cx
        exercises:
          - id: c1
            kind: derivative
            function: sqrt(a) x^2
            params: {a: {int: [-2, -1]}}
          - id: c2
            kind: partial_derivative
            function: ln(a) x y
            wrt: x
            params: {a: {int: [-2, -1]}}
          - id: c4
            kind: expression
            prompt: "Compute"
            expected: sqrt(a)
            params: {a: {int: [-3, -2]}}
          - id: c5
            kind: tangent_plane
            function: x^2 + y^2
            at: [a^(1/2), 1]
            params: {a: {int: [-3, -2]}}
          - id: slice
            kind: fix_variable
            function: sqrt(y - a) x
            fix: {y: 1}
            params: {a: {choice: [2]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:5:15: exercise 'c1': with a = -1, √a is not a real number",
        f"{path}:9:15: exercise 'c2': with a = -1, ln(a) is not a real number",
        f"{path}:15:15: exercise 'c4': with a = -2, √a is not a real number",
        f"{path}:20:9: exercise 'c5': with a = -2, √a is not a real number",
        # the slice y = 1 misses f's domain (y ≥ 2) wholly: said of f, at its function
        f"{path}:25:10: exercise 'slice': with a = 2, f has no real value where y = 1"]


def test_an_odd_root_of_a_negative_parameter_is_the_real_root(tmp_path, capsys):
    # ∛a with a = -8 was sympy's principal root: the student read f(x) = 2(-1)^(1/3)x²
    path = write(tmp_path / "r.yaml", """\
        pack: r
        exercises:
          - id: cube
            kind: derivative
            function: a^(1/3) x^2 + a^(2/3) x
            params: {a: {choice: [-8]}}
        """)
    assert validate(path, capsys) == [f"{path}: valid (1 exercise; each one's answer grades as correct)"]
    variant = packs.load(path).exercise("cube").variant("ana")
    assert (variant.prompt(), variant.problem.show(variant.expected().value)) == ("d/dx of f(x) = -2x² + 4x", "4 - 4x")


def test_a_require_no_draw_meets_is_said_exactly_where_every_combination_is_counted(tmp_path, capsys):
    """Outside check h63, F6: "no parameters meet 'require: a > 10' in 1000 draws" read as bad luck, for a condition
    none of a's 8 values meets; past 5,000 combinations the draws are all there is to say."""
    path = write(tmp_path / "q.yaml", """\
        pack: q
        exercises:
          - id: few
            kind: derivative
            function: a x^2 + b x
            params: {a: {int: [2, 9]}, b: {int: [1, 3]}}
            require: a > 10
          - id: one
            kind: derivative
            function: a x^2 + b x
            params: {a: {int: [1, 100]}, b: {int: [1, 50]}}
            require: a == 100, b == 50
          - id: many
            kind: derivative
            function: a x^2 + b x
            params: {a: {int: [1, 1000]}, b: {int: [1, 1000]}}
            require: a > 2000
        """)
    assert validate(path, capsys) == [
        f"{path}:7:14: exercise 'few': none of the 24 combinations of the parameters' values meets 'require: a > 10'; "
        "widen the ranges or relax the condition",
        f"{path}:12:14: exercise 'one': only 1 of the 5,000 combinations of the parameters' values meets 'require: a "
        "== 100, b == 50'; widen the ranges or relax the condition",
        f"{path}:17:14: exercise 'many': no parameters meet 'require: a > 2000' in 1000 draws; widen the ranges or "
        "relax the condition"]


def test_a_field_a_draw_divides_by_zero_is_told_at_that_field(tmp_path, capsys):
    """Outside check h63, F4: `rate: 1/a` with a = 0 was "its answer can't be computed", said at the parameters."""
    path = write(tmp_path / "r.yaml", """\
        pack: r
        exercises:
          - id: gd
            kind: gradient_descent
            function: x^2
            start: 1
            rate: 1/a
            iterations: 2
            params: {a: {choice: [4, 0, 5]}}
          - id: ln
            kind: partial_derivative
            function: x^2 + ln(b) y
            wrt: y
            params: {b: {int: [0, 2]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:7:11: exercise 'gd': with a = 0, 1/a has no value: a division by zero; leave such draws out with "
        "'require: a != 0'",
        f"{path}:12:15: exercise 'ln': with b = 0, ln(b) has no value",
        f"{path}:12:15: exercise 'ln': with b = 1, f is x², which has no y: a student who draws that is asked of a "
        "function without it; if that is not meant, leave such draws out with 'require'"]


def test_validation_builds_every_combination_of_few_parameters(tmp_path, capsys):
    # 20 draws and the edges missed a = 50, one value in 200: the pack was valid and u7 lost the exercise
    path = write(tmp_path / "z.yaml", """\
        pack: zpk
        exercises:
          - id: d
            kind: derivative
            function: x^2/(a - 50)
            params: {a: {int: [1, 200]}}
          - id: p
            kind: partial_derivative
            function: x^2 y/(a - b)
            wrt: x
            params: {a: {int: [1, 40]}, b: {choice: [7, 60]}}
        """)
    assert validate(path, capsys) == [  # said where the division is, with the condition that leaves it out (h63, F4)
        f"{path}:5:15: exercise 'd': with a = 50, 1/(a - 50) has no value: a division by zero; leave such draws out "
        "with 'require: a != 50'",
        f"{path}:9:15: exercise 'p': with a = 7, b = 7, 1/(a - b) has no value: a division by zero; leave such draws "
        "out with 'require: a - b != 0'"]


def test_a_pass_says_how_many_draws_it_checked_where_it_can_t_check_every_one(tmp_path, capsys):
    path = write(tmp_path / "big.yaml", """\
        pack: big
        exercises:
          - id: d
            kind: derivative
            function: a x^2 + b x
            params: {a: {int: [1, 1000]}, b: {int: [1, 1000]}}
          - id: small
            kind: derivative
            function: a x^2
            params: {a: {int: [1, 50]}}
        """)
    assert validate(path, capsys) == [
        f"{path}: valid (2 exercises; each one's answer grades as correct)",
        f"{path}:6:13: exercise 'd': 24 of the 1,000,000 combinations of its parameters were checked; a student "
        "given another may get a variant that can't be set (validation checks every one where an exercise has at "
        "most 5,000, up to 20,000 in a pack)"]


def test_a_pack_s_exercises_have_every_combination_checked_up_to_its_budget(tmp_path):
    exercise = "  - id: d{n}\n    kind: derivative\n    function: a x^2 + b x\n" \
               "    params: {{a: {{int: [1, 100]}}, b: {{int: [1, {b}]}}}}\n"
    pack = packs.load_text("pack: many\nexercises:\n" + "".join(
        exercise.format(n=n, b=b) for n, b in enumerate([50, 40, 51, 50, 50, 50, 10])), "many.yaml", tmp_path, verify=False)
    # 5,000 + 4,000 + (5,100: more than an exercise's 5,000) + 5,000 + 5,000 + (5,000: past the pack's
    # 20,000) + 1,000
    assert variant_check.every_draw_checked(pack.exercises) == [True, True, False, True, True, False, True]
    assert [line.split(": ")[1] for line in packs.sampled_only(pack)] == ["exercise 'd2'", "exercise 'd5'"]


def test_a_parameter_used_nowhere_is_reported_with_the_rest(tmp_path, capsys):
    """A parameter misspelt where it is used is a variable there (b x²y: f(x, y, b)), and the parameter itself is
    used nowhere: said, beside the exercise's other problems (finding 344). One used in a text, or written
    next to a variable (ax²), is used."""
    path = write(tmp_path / "p.yaml", """\
        pack: typo
        exercises:
          - id: misspelt
            kind: partial_derivative
            function: b x^2 y
            wrt: x
            params: {a: {int: [2, 9]}}
          - id: only-required
            kind: derivative
            function: x^2
            params: {a: {int: [1, 3]}}
            require: a > 3
          - id: beside
            kind: partial_derivative
            function: ax^2 y
            wrt: x
            params: {a: {int: [2, 9]}}
          - id: in-a-title
            kind: derivative
            function: x^2
            title: "Slope {a}"
            params: {a: {int: [2, 9]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:7:13: exercise 'misspelt': parameter 'a' is used nowhere in the exercise: where it is meant to be "
        "used, check its spelling",
        f"{path}:11:13: exercise 'only-required': parameter 'a' is used nowhere in the exercise: where it is meant "
        "to be used, check its spelling",
        f"{path}:12:14: exercise 'only-required': none of the 3 combinations of the parameters' values meets "
        "'require: a > 3'; widen the ranges or relax the condition",
        # and, after the problems, the caution that says what the misspelt name became (outside check h53, N4)
        f"{path}:5:15: exercise 'misspelt': f has the letter 'b' beside x and y, not under 'params': every student "
        "gets it as a variable. If it is a parameter, declare it; if not, list f's variables under 'variables'"]


def test_a_misspelt_key_is_told_alone_not_with_its_parameters_unused(tmp_path, capsys):
    """Outside check h56, N5: `functon: a x^p y^q` gave the missing function and the unknown key, then three lines of
    a, p and q used nowhere, which only the typo made so."""
    path = write(tmp_path / "p.yaml", """\
        pack: typo
        exercises:
          - id: px
            kind: partial_derivative
            functon: a x^p y^q
            wrt: x
            params: {a: {int: [2, 9]}, p: {int: [2, 4]}, q: {int: [2, 4]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:3:5: exercise 'px': missing 'function' (the function, like 3x^2 y^3)",
        f"{path}:5:5: exercise 'px': unknown key 'functon'; did you mean 'function'?"]


def test_a_problem_every_draw_has_names_no_draw(tmp_path, capsys):
    """A problem the exercise has whatever the values is the exercise's, not a draw's: told without "with a = 3"
    (finding 344: the author looks for the typo, not at the range of a). One the values cause keeps its draw:
    a = 0 in ln(a x), the range's only value or one of several, and √a, not real for every a in the range."""
    path = write(tmp_path / "p.yaml", """\
        pack: draws
        exercises:
          - id: misspelt
            kind: derivative
            function: b x^a
            params: {a: {int: [2, 9]}}
          - id: only-zero
            kind: derivative
            function: ln(a x)
            params: {a: {int: [0, 0]}}
          - id: zero-among-others
            kind: derivative
            function: ln(a x)
            params: {a: {int: [0, 3]}}
          - id: every-value
            kind: derivative
            function: sqrt(a) x^2
            params: {a: {int: [-2, -1]}}
        """)
    assert validate(path, capsys) == [
        f"{path}:5:15: exercise 'misspelt': a derivative needs a function of one variable; use partial_derivative "
        "for more",
        f"{path}:9:15: exercise 'only-zero': with a = 0, the function has no variables",
        f"{path}:13:15: exercise 'zero-among-others': with a = 0, the function has no variables",
        f"{path}:17:15: exercise 'every-value': with a = -2, √a is not a real number"]


def test_pack_show_writes_each_title_as_the_student_reads_it(tmp_path, capsys):
    # outside check h12: the practice session showed "Partial in x of 7 x^2 y^3", pack show no title at all
    path = write(tmp_path / "titled.yaml", """
        pack: titled
        exercises:
          - id: px
            kind: partial_derivative
            title: Partial in x of {a} x^2 y^3
            function: a x^2 y^3
            wrt: x
            params: {a: {int: [2, 9]}}
    """)
    assert main(["pack", "show", str(path), "--student", "s02"]) == 0
    lines = capsys.readouterr().out.splitlines()
    a = lines[3].split("f(x, y) = ")[1].split("x²")[0]  # the student's a, as the prompt writes it
    assert lines[2] == f"1. px (partial_derivative) · Partial in x of {a} x^2 y^3"
