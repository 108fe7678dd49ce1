"""Writing a pack: what an author reads when something is wrong (issue 17, "Authoring")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond
from tutor.pack_schema import json_schema, prose_key
from tutor.parse import CONSTANTS, FUNCTIONS
from tutor.yaml_errors import describe

EXERCISE = "pack: p\nexercises:\n  - id: a\n    kind: derivative\n"

# A slip an author makes, and what they read: where it is (LINE:COL), what is wrong, the likely fix.
YAML_SLIPS = {
    "an unclosed list": (EXERCISE + "    function: x^2\n    answer: [1, 2\n",
                         "7:1: not valid YAML: the '[' at line 6, column 13 is never closed; close it with ']', "
                         "or put the whole value in quotes if the '[' is part of the text"),
    # an outside check: it was told the '[' is never closed, and adding a ']' fixed nothing
    "a list's quote left open": (EXERCISE + '    function: x^2\n    hints: ["Where is it smallest?, "Square it"]\n',
                                 "6:38: not valid YAML: an item of the '[' at line 6, column 12 ends before this "
                                 "text, which is neither ',' nor ']': a quote may be missing (each quoted item "
                                 "closes its own quote), or a comma"),
    # outside check h19, F2: it was told a quote or a comma may be missing
    "a list closed by a brace": (EXERCISE + "    function: a x^2\n    params: {a: {int: [2, 5}}\n",
                                 "6:28: not valid YAML: the '[' at line 6, column 23 is closed by '}'; close it "
                                 "with ']'"),
    "an unclosed mapping": (EXERCISE + "    function: x^2\n    answer: {2x\n",
                            "7:1: not valid YAML: the '{' at line 6, column 13 is never closed; close it with "
                            "'}', or put the whole value in quotes if the '{' is part of the text"),
    "an unclosed quote": (EXERCISE + '    function: "x^2\n',
                          "6:1: not valid YAML: the quote at line 5, column 15 is never closed; "
                          "add the closing quote"),
    "a colon in a value": (EXERCISE + "    function: x: y\n",
                           "5:16: not valid YAML: a ':' followed by a space inside a value; put the whole "
                           'value in quotes, like function: "x: y"'),
    "a key indented too little": (EXERCISE + "    function: x^2\n   wrt: x\n",
                                  "6:4: not valid YAML: this line is not indented like the lines of the entry "
                                  "at line 3, column 3; keys of one entry start in the same column, and each "
                                  "new entry of a list starts with '- '"),
    "an entry without its dash": (EXERCISE + "    function: x^2\n  id: b\n",
                                  "6:3: not valid YAML: this line is not indented like the lines of the entry "
                                  "at line 3, column 3; keys of one entry start in the same column, and each "
                                  "new entry of a list starts with '- '"),
    "a tab": (EXERCISE + "\tfunction: x^2\n",
              "5:1: not valid YAML: a tab is used to indent; YAML indents with spaces only: "
              "replace the tab with spaces"),
    "a control character": (EXERCISE + "    function: x^2\x0b\n",
                            "5:18: not valid YAML: the invisible character U+000B is not allowed in YAML (text "
                            "pasted from a word processor or a PDF can bring one in); delete it, or retype the text "
                            "around it"),
    "a value starting with *": (EXERCISE + "    function: *x\n",
                                "5:15: not valid YAML: a value starts with '*', which YAML reads as a "
                                "reference to an anchor ('&name') that is not defined; put the value in "
                                'quotes, like "*x"'),
    # outside check: PyYAML's own "did not find expected alphabetic or numeric character" for a product
    "a product starting with *": (EXERCISE + "    function: *x^2\n",
                                  "5:17: not valid YAML: a value starts with '*', which YAML reads as a "
                                  "reference to an anchor ('&name') that is not defined; put the value in "
                                  'quotes, like "*x"'),
    "a placeholder starting a value": (EXERCISE + "    function: a x^p\n    title: {a} x^{p}\n",
                                       "6:16: not valid YAML: YAML reads a value that starts with '{' as a mapping, "
                                       "so the text after its '}' is out of place; put the whole value in quotes, "
                                       'like title: "{a} x^{p}"'),
    # outside checks h56, N4 and h57, R4: quoting {a} x^2 as told, in a function, was refused next: a parameter is
    # named there, and an expression's placeholder is its brackets
    "a placeholder starting a function": (EXERCISE + "    function: {a} x^2 + {2 a} y\n",
                                          "5:19: not valid YAML: YAML reads a value that starts with '{' as a "
                                          "mapping, so the text after its '}' is out of place; in maths, write each "
                                          "parameter by its name alone, like function: a x^2 + (2 a) y, not in "
                                          "braces"),
    "a placeholder starting a mistake's feedback": (
        EXERCISE + "    function: a x^2\n    mistakes:\n      - answer: 2x\n        feedback: {a}x is not it\n",
        "8:22: not valid YAML: YAML reads a value that starts with '{' as a mapping, so the text after its '}' is out "
        'of place; put the whole value in quotes, like feedback: "{a}x is not it"'),
    "a key indented too far": ("pack: p\nexercises:\n  - id: a\n    kind: derivative\n     function: x^2\n",
                               "5:14: not valid YAML: this line is indented further than the line above it, so "
                               "YAML reads it as part of that value; start 'function' in the same column as 'kind'"),
    "a top-level key indented too far": ("pack: a\ntitle: T\n  exercises:\n  - id: a\n    kind: derivative\n",
                                         "3:12: not valid YAML: this line is indented further than the line above "
                                         "it, so YAML reads it as part of that value; start 'exercises' in the same "
                                         "column as 'title'"),
    "a key indented too far after a {...} value": (
        EXERCISE + "    function: x^2\n    params:\n      a: {int: [1, 2]}\n       b: {int: [1, 2]}\n",
        "8:8: not valid YAML: this line is indented further than the line above it, so YAML reads it as part of "
        "that value; start 'b' in the same column as 'a'"),
    "a list item starting with a placeholder": (
        EXERCISE + "    function: a x^2\n    hints:\n      - {a} is the coefficient\n",
        "7:13: not valid YAML: YAML reads a value that starts with '{' as a mapping, so the text after its '}' is "
        'out of place; put the whole value in quotes, like - "{a} is the coefficient"'),
    "LaTeX in double quotes": (EXERCISE + '    function: x^2\n    title: "What is \\partial f?"\n',
                               "6:21: not valid YAML: '\\partial' is not an escape YAML knows inside double quotes, "
                               "where a backslash starts one (\\n is a line break); for a backslash as in LaTeX, put "
                               "the value in single quotes instead, or write it twice: '\\\\partial'"),
    "a \\x in double quotes that is no hexadecimal escape": (
        EXERCISE + '    function: x^2\n    title: "at \\xi = 2"\n',
        "6:18: not valid YAML: '\\xi' is not an escape YAML knows inside double quotes, where a backslash starts one "
        "(\\n is a line break); for a backslash as in LaTeX, put the value in single quotes instead, or write it "
        "twice: '\\\\xi'"),
    "a quote left open before a quoted value": (
        EXERCISE + '    function: x^2\n    title: "What is 2+2?\n    answer: "2x"\n',
        "7:14: not valid YAML: the quote at line 6, column 12 is not closed on its line, so YAML read on into "
        "line 7; close it on line 6"),
    "a single quote left open before a quoted value": (
        EXERCISE + "    function: x^2\n    title: 'It''s 2+2?\n    wrt: x\n    answer: '2x'\n",
        "8:14: not valid YAML: the quote at line 6, column 12 is not closed on its line, so YAML read on into "
        "line 8; close it on line 6"),
    "a second document": (EXERCISE + "    function: x^2\n---\npack: q\n",
                          "6:1: not valid YAML: a pack is one YAML document, and a line '---' starts another; "
                          "remove it (a second pack goes in a file of its own)"),
}


@pytest.mark.parametrize("slip", YAML_SLIPS)
def test_a_yaml_slip_says_where_what_and_the_likely_fix(tmp_path, capsys, slip):
    text, message = YAML_SLIPS[slip]
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["pack", "validate", str(path)]) != 0
    assert capsys.readouterr().out == f"{path}:{message}\n"


@pytest.mark.parametrize("slip", YAML_SLIPS)
def test_both_yaml_parsers_give_the_same_sentence(slip):
    """libyaml's words and the pure-Python parser's differ; the author reads the same either way."""
    text, message = YAML_SLIPS[slip]
    sentences = set()
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        with pytest.raises(yaml.YAMLError) as caught:
            yaml.compose(text, Loader=loader)
        sentences.add(describe(caught.value, text, prose_key))
    assert sentences == {message.split("not valid YAML: ", 1)[1]}


@pytest.mark.parametrize("text, message", [
    (EXERCISE + "    function: x^2\n    <<: {answer: 2x}\n",
     "6:5: '<<' (a YAML merge key) is not allowed in a pack; write the keys out in full"),
    (EXERCISE + "    function: x^2\n    title: {a}\n",
     "6:12: exercise 'a': 'title' must be a single text; YAML reads a value that starts with '{' as a mapping: put "
     'the whole value in quotes, like "{a}"'),
    ("pack: p\nexercises:\n  - id: p6\n    kind: expression\n    prompt: [What, is]\n    expected: '4'\n",
     "5:13: exercise 'p6': 'prompt' must be a single text, not a list"),
    (EXERCISE + "    function: x^2\n    title:\n",
     "6:11: exercise 'a': 'title' must be a single text, not empty"),
    ("pack: p\ntitle: [a, b]\nexercises:\n  - id: a\n    kind: derivative\n    function: x^2\n",
     "2:8: 'title' must be a single text, not a list"),
    # in maths a braced parameter is told by its name, not to be quoted, which a second refusal followed, and is
    # not also "used nowhere" (outside check h57, R4)
    ("pack: p\nexercises:\n  - id: u\n    kind: derivative\n    function: {a}\n    params: {a: {int: [1, 3]}}\n",
     "5:15: exercise 'u': a function must be a single value; YAML reads a value that starts with '{' as a mapping; "
     "in maths a parameter is written by its name alone, like a"),
    ("pack: p\nexercises:\n  - id: t\n    kind: tangent_plane\n    function: x^2 + a y\n    at: [{a}, 0]\n"
     "    params: {a: {int: [1, 3]}}\n",
     "6:10: exercise 't': a coordinate must be a single value; YAML reads a value that starts with '{' as a mapping; "
     "in maths a parameter is written by its name alone, like a"),
    ("pack: p\nexercises:\n  - id: d\n    kind: gradient_descent\n    function: (x - a)^2\n    start: {a}\n"
     "    rate: 0.1\n    iterations: 2\n    params: {a: {int: [1, 3]}}\n",
     "6:12: exercise 'd': a point must be like [2, 3] or {x: 2, y: 3}; YAML reads a value that starts with '{' as a "
     "mapping; in maths a parameter is written by its name alone, like a"),
])
def test_yaml_that_reads_but_is_no_pack_says_what_the_author_wrote(tmp_path, capsys, text, message):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["pack", "validate", str(path)]) != 0
    assert capsys.readouterr().out == f"{path}:{message}\n"


@pytest.mark.parametrize("written, message", [
    ("dérivée", "'é', character 2 of the id, is not allowed: ids use A-Z, a-z, 0-9, '-', '_' and '.', like 'derivee'"),
    ("-grad", "an id starts with a letter or digit, not '-', like 'grad'"),
    ("∂x", "'∂', character 1 of the id, is not allowed: ids use A-Z, a-z, 0-9, '-', '_' and '.', like 'x'"),
    ("'my ex'", "a space, character 3 of the id, is not allowed: ids use A-Z, a-z, 0-9, '-', '_' and '.', like 'my-ex'"),
    ("''", "an id can't be empty: ids use A-Z, a-z, 0-9, '-', '_' and '.', and start with a letter or digit"),
])
def test_a_refused_id_says_which_character_is_wrong_and_an_id_like_it(tmp_path, capsys, written, message):
    path = tmp_path / "pack.yaml"
    path.write_text(f"pack: p\nexercises:\n  - id: {written}\n    kind: derivative\n    function: x^2\n",
                    encoding="utf-8")
    assert main(["pack", "validate", str(path)]) != 0
    of = f"exercise '{written.strip(chr(39))}': " if written != "''" else ""  # an empty id names no exercise
    assert capsys.readouterr().out == f"{path}:3:5: {of}{message}\n"


LATEX = (EXERCISE + '    function: x^2\n    title: "Find \\nabla f, at angle \\theta."\n'
         '    hints: ["\\\\nabla is written twice", "a paragraph\n\n      and another"]\n')


def test_latex_read_as_yaml_escapes_is_warned_of_and_the_pack_stays_valid(tmp_path, capsys):
    """\\nabla in double quotes is a line break and 'abla': valid YAML, so a warning where it is written,
    not a refusal; an escaped backslash, and a line break made by a blank line, are no such thing."""
    path = tmp_path / "pack.yaml"
    path.write_text(LATEX, encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}: valid (1 exercise; each one's answer grades as correct)\n"
        f"{path}:6:12: exercise 'a': 'title': '\\nabla' in double quotes is a line break and 'abla' to YAML; for a "
        "backslash, as in LaTeX, put the value in single quotes, or write '\\\\nabla'\n"
        f"{path}:6:12: exercise 'a': 'title': '\\theta' in double quotes is a tab and 'heta' to YAML; for a "
        "backslash, as in LaTeX, put the value in single quotes, or write '\\\\theta'\n")
    assert packs.load(path).exercises[0].title == "Find \nabla f, at angle \theta."  # loaded and practised as written


LEAKY = """\
pack: leaky
exercises:
  - id: crit
    kind: critical_points
    function: x^3 - 3a^2 x + (y - 1)^2
    params: {a: {int: [2, 4]}}
    hints: ["The critical points are ({a}, 1) and ({-a}, 1).", "Check each one."]
  - id: d
    kind: gradient_descent
    function: x^2 - 2x
    start: 0
    rate: 0.1
    iterations: 2
    more_hints: ["x₂ = 0.36."]
  - id: near
    kind: gradient_descent
    function: x^2 - 2x
    start: 0
    rate: 0.1
    iterations: 3
    hints: ["x₁ = 0.2, x₂ = 0.36, and one step more."]
  - id: pd
    kind: partial_derivative
    function: 3x^2 y^3
    wrt: x
    more_hints: ["The power rule: d/dx x² = 2x, and 6 x y³ is 6xy³ with spaces.", "6x y^3 written otherwise"]
"""


def test_a_hint_that_states_the_answer_is_a_caution_of_validation(tmp_path, capsys):
    """An outside check's instructor found a hint stating the answer passed validation unnoticed: each of the
    author's hints that holds the answer as the tutor prints it (spaces aside; every point of a set, in any
    order) is said, not failed (the last hint may come near the answer on purpose). Another step's point, an
    answer written otherwise (6x y^3), and the kind's own hints are none; the first is said."""
    path = tmp_path / "leaky.yaml"
    path.write_text(LEAKY, encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}: valid (4 exercises; each one's answer grades as correct)\n"
        f"{path}:7:12: exercise 'crit': hint 1 of 2 states the answer, (-2, 1) and (2, 1): a student who asks for "
        "it is told it\n"
        f"{path}:14:17: exercise 'd': hint 4 of 4, the last, states the answer, 0.36: a student who asks for every "
        "hint is told it\n"
        f"{path}:26:17: exercise 'pd': hint 4 of 5 states the answer, 6xy³: a student who asks for it is told it\n")


def _cautions(tmp_path, capsys, text: str) -> tuple[Path, list[str]]:
    """A pack written from `text` and validated, which passes: its file, and what validation says after 'valid'."""
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 0
    return path, capsys.readouterr().out.splitlines()[1:]


def test_a_wrong_answer_of_the_author_is_told_why_as_a_student_would_be(tmp_path, capsys):
    """Outside check h63, F5: a critical point outside the region was "(-1, 0) does not belong in the answer" to
    the author, and "… lies outside the region …" to a student giving it."""
    path = tmp_path / "r.yaml"
    path.write_text("pack: r\nexercises:\n  - id: cp\n    kind: critical_points\n    function: x^3 - 3x + y^2\n"
                    "    region: 0 <= x <= 5, 0 <= y <= 5\n    answer: (1, 0), (-1, 0)\n", encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:7:13: exercise 'cp': the given answer does not agree with the computed one ({{(1, 0)}}): It looks like "
        "you included (-1, 0), which lies outside the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5. Keep only the critical points "
        "inside it.\n")


def test_a_draw_that_takes_a_variable_out_of_the_function_is_a_caution(tmp_path, capsys):
    """Outside check h63, F7: a x² y + y³ with a from 0 gave the students who drew 0 ∂/∂x of y³, answer 0, and
    validation said nothing."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: u\nexercises:\n"
        "  - {id: d, kind: partial_derivative, function: a x^2 y + y^3, wrt: x, params: {a: {int: [0, 3]}}}\n"
        "  - {id: k, kind: partial_derivative, function: a x^2 y + y^3, wrt: x, params: {a: {int: [1, 3]}}}\n"
        "  - {id: b, kind: gradient, function: x^2 + b x y, params: {b: {int: [-1, 1]}}}\n"))
    assert cautions == [
        f"{path}:3:49: exercise 'd': with a = 0, f is y³, which has no x: a student who draws that is asked of a "
        "function without it; if that is not meant, leave such draws out with 'require'",
        f"{path}:5:39: exercise 'b': with b = 0, f is x², which has no y: a student who draws that is asked of a "
        "function without it; if that is not meant, leave such draws out with 'require'"]


def test_a_descent_tolerance_that_grades_no_step_correct_is_a_caution(tmp_path, capsys):
    """Outside check h63, F1: with dp:0, the start 1 was "Correct (to 0 decimal places)" for x₂ = 0.64, and with 0.5
    1.1 too, a step the wrong way; validation said nothing. The default's places let neither pass."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: u\nexercises:\n"
        "  - {id: a, kind: gradient_descent, function: x^2, start: 1, rate: 0.1, iterations: 2, tolerance: 'dp:0'}\n"
        "  - {id: b, kind: gradient_descent, function: x^2, start: 1, rate: 0.1, iterations: 1, tolerance: 0.5}\n"
        "  - {id: c, kind: gradient_descent, function: x^2 + y^2, start: [1, 2], rate: 0.4, iterations: 3,"
        " tolerance: 'dp:1'}\n"
        "  - {id: d, kind: gradient_descent, function: x^2, start: 1, rate: 0.1, iterations: 2, tolerance: 'dp:2'}\n"
        "  - {id: e, kind: gradient_descent, function: x^2, start: 1, rate: 0.1, iterations: 2}\n"))
    assert cautions == [
        f"{path}:3:5: exercise 'a': with tolerance dp:0, the start would be graded correct as x₂: leave tolerance out "
        "(the default asks for 4 decimal places here) or make it tighter",
        f"{path}:4:5: exercise 'b': with tolerance 0.5, the start and a step the wrong way would be graded correct as "
        "x₁: leave tolerance out (the default asks for 4 decimal places here) or make it tighter",
        f"{path}:5:5: exercise 'c': with tolerance dp:1, 0 would be graded correct as (x₃, y₃): leave tolerance out "
        "(the default asks for 4 decimal places here) or make it tighter"]
    assert main(["check", "1", "--exercise", f"{path}:a"]) == 0  # what the caution says, as a student meets it
    assert capsys.readouterr().out.startswith("correct\n")


def test_a_letter_of_the_function_beside_its_parameters_and_not_declared_is_a_caution(tmp_path, capsys):
    """Outside check h26, F3: `a x^2 + b y` with only a under params gave every student ∇f for f(x, y, b), and
    validation said nothing. It is said, not failed: any letter may be a variable, as 'variables' makes b here."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: u\nexercises:\n  - {id: g, kind: gradient, function: a x^2 + b y + c, params: {a: {int: [1, 3]}}}\n"
        "  - {id: v, kind: gradient, function: a x^2 + b y, variables: [x, y, b], params: {a: {int: [1, 3]}}}\n"
        "  - {id: n, kind: gradient, function: u^2 + v^2}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'g': f has the letters 'b' and 'c' beside x and y, not under 'params': every student "
        "gets them as variables. If they are parameters, declare them; if not, list f's variables under 'variables'"]


def test_a_placeholder_after_a_sign_whose_parameter_may_be_negative_is_a_caution(tmp_path, capsys):
    """Outside check h26, F5: 'f(x) = x^2 - {a}x' showed a student who drew a = -1 'x^2 - -1x'."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: s\nexercises:\n"
        "  - {id: n, kind: expression, prompt: 'x1 for f(x) = x^2 - {a}·x?', expected: 0.1 a,"
        " params: {a: {int: [-3, 3]}}}\n"
        "  - {id: p, kind: expression, prompt: 'x1 for f(x) = x^2 - {a}·x?', expected: 0.1 a,"
        " params: {a: {int: [1, 3]}}}\n"
        "  - {id: c, kind: expression, prompt: 'x1 for f(x) = x^2 + {a}·x, {a} + 1?', expected: 0.1 a,"
        " params: {a: {choice: [2, -0.5]}}}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'n': '-{{a}}' in the prompt: a may be drawn negative (a from -3 to 3), and a student "
        "who draws a = -1 reads '- -1': draw a from positive numbers, or write the text so that no sign comes before {a}",
        # the value a student may draw, as the text shows it (outside check h28, N3: -1 could not be drawn)
        f"{path}:5:39: exercise 'c': '+{{a}}' in the prompt: a may be drawn negative (a in {{2, -1/2}}), and a student "
        "who draws a = -0.5 reads '+ -0.5': draw a from positive numbers, or write the text so that no sign comes "
        "before {a}"]


def test_cautions_are_said_beside_a_pack_s_errors(tmp_path, capsys):
    """Outside check h53, N4: a pack with an error said nothing of its cautions, told only once it was mended."""
    path = tmp_path / "p.yaml"
    path.write_text("pack: s\nexercises:\n"
                    "  - {id: n, kind: expression, prompt: 'x1 for f(x) = x^2 - {a}·x?', expected: 0.1 a,"
                    " params: {a: {int: [-3, 3]}}}\n"
                    "  - {id: w, kind: partial_derivative, function: x^2, wrt: x, answer: 3x}\n", encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["exercise 'w'", "exercise 'n'"]
    assert "the given answer does not agree" in lines[0] and "may be drawn negative" in lines[1]


def test_a_placeholder_after_a_sign_that_may_be_0_is_a_caution(tmp_path, capsys):
    """Outside check h49, N5: 'y = {u}x + {v}' showed a student who drew v = 0 'y = 3x + 0'; a placeholder that is
    never 0, or is followed by a letter (the coefficients' caution), is told nothing here."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: z\nexercises:\n"
        "  - {id: c, kind: expression, prompt: 'y = {u}·x + {v}?', expected: u + v,"
        " params: {u: {int: [2, 3]}, v: {int: [0, 2]}}}\n"
        "  - {id: n, kind: expression, prompt: 'y = {u}·x + {v}?', expected: u + v,"
        " params: {u: {int: [2, 3]}, v: {int: [1, 2]}}}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'c': '+{{v}}' in the prompt reads '+ 0' to a student who draws u = 2, v = 0: draw the "
        "parameters so that it is never 0, or write the text so that no sign comes before it"]
    # --strict fails a pack on its cautions, for a script that reads the exit status alone (h49, N4)
    assert main(["pack", "validate", "--strict", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{path}: not valid with --strict, for 1 caution (2 exercises; each one's answer grades as correct)")
    # the built-in packs pass --strict: test_packs.py's test_the_built_in_packs_are_valid_even_with_strict


def test_two_placeholders_side_by_side_are_a_caution(tmp_path, capsys):
    """Outside check h50, N9: '{a}{b}' showed a student 34, with no caution."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: t\nexercises:\n"
        "  - {id: e, kind: expression, prompt: 'What is {a}{b} plus x?', expected: a + b + x,"
        " params: {a: {int: [1, 3]}, b: {int: [4, 5]}}}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'e': '{{a}}{{b}}' in the prompt reads '14' to a student who draws a = 1, b = 4, two "
        "numbers run together: put a space, a sign or · between them"]


def test_a_worked_out_placeholder_after_a_sign_that_may_be_negative_is_a_caution_naming_the_draw(tmp_path, capsys):
    """Outside check h28, N4: '- {a - 2}' showed a student who drew a = 1 '- -1', with no caution; one that
    `require` keeps from being negative is told only that it may be 0 (h49, N5: '+ 0·x')."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: s\nexercises:\n"
        "  - {id: n, kind: expression, prompt: 'f(x) = x^2 - {a - 2}·x', expected: a, params: {a: {int: [1, 3]}}}\n"
        "  - {id: p, kind: expression, prompt: 'f(x) = x^2 - {a + 2}·x', expected: a, params: {a: {int: [1, 3]}}}\n"
        "  - {id: r, kind: expression, prompt: 'f(x) = x^2 + {a - b}·x', expected: a, require: a >= b,"
        " params: {a: {int: [1, 3]}, b: {int: [1, 3]}}}\n"
        "  - {id: q, kind: expression, prompt: 'f(x) = x^2 + {a/10 - b}·x', expected: a,"
        " params: {a: {int: [1, 3]}, b: {int: [0, 3]}}}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'n': '-{{a - 2}}' in the prompt may be negative: a student who draws a = 1 reads "
        "'- -1': draw the parameters so that it is positive, or write the text so that no sign comes before it",
        f"{path}:5:39: exercise 'r': '+{{a - b}}' in the prompt reads '+ 0' to a student who draws a = 1, b = 1: draw "
        "the parameters so that it is never 0, or write the text so that no sign comes before it",
        f"{path}:6:39: exercise 'q': '+{{a/10 - b}}' in the prompt may be negative: a student who draws a = 1, b = 1 "
        "reads '+ -0.9': draw the parameters so that it is positive, or write the text so that no sign comes before it"]


def test_a_coefficient_placeholder_in_a_mistake_s_feedback_is_a_caution_too(tmp_path, capsys):
    """Outside check h37: h36's own case, '{a}x^2' in a mistake's feedback, got no caution."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: c\nexercises:\n  - id: d\n    kind: expression\n    prompt: Differentiate a x^2\n"
        "    expected: 2a x\n    variables: [x]\n    params: {a: {int: [1, 3]}}\n    mistakes:\n"
        "      - {answer: a x, feedback: 'The derivative of {a}x^2 is {2a}x, not {a}x.'}\n"))
    assert cautions == [
        f"{path}:10:18: exercise 'd': '{{a}}x' in a mistake's feedback reads '1x' to a student who draws a = 1: draw "
        "the parameters so that it is never 1, 0 or -1, or write the text so that no letter follows it"]


def test_a_placeholder_before_a_letter_that_may_be_1_0_or_minus_1_is_a_caution(tmp_path, capsys):
    """Outside check h36, F3: 'The derivative of {a}x^2 is {2a}x.' read 'The derivative of 1x^2 is 2x.' for a = 1."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: c\nexercises:\n"
        "  - {id: d, kind: expression, prompt: 'Differentiate {a}x^2', expected: 2a x, variables: [x],"
        " params: {a: {int: [1, 3]}}, hints: ['The derivative of {a}x^2 is {2a}x.']}\n"
        "  - {id: e, kind: expression, prompt: 'Differentiate {a}x^2', expected: 2a x, variables: [x],"
        " params: {a: {int: [2, 4]}}}\n"))
    said = ": draw the parameters so that it is never 1, 0 or -1, or write the text so that no letter follows it"
    assert cautions == [
        f"{path}:3:39: exercise 'd': '{{a}}x' in the prompt reads '1x' to a student who draws a = 1{said}",
        f"{path}:3:130: exercise 'd': '{{a}}x' in the hints reads '1x' to a student who draws a = 1{said}"]


def test_a_placeholder_a_space_before_a_lone_letter_is_a_coefficient_too(tmp_path, capsys):
    """Outside check h71, F5: 'x^2 + {k} y' read 'x^2 + 1 y' for k = 1 with no caution; '{n} steps' is no coefficient."""
    path, cautions = _cautions(tmp_path, capsys, (
        "pack: c\nexercises:\n"
        "  - {id: d, kind: expression, prompt: 'f(x, y) = x^2 + {k} y. Take {k} steps.', expected: k, variables: [x],"
        " params: {k: {int: [1, 5]}}}\n"))
    assert cautions == [
        f"{path}:3:39: exercise 'd': '{{k}} y' in the prompt reads '1 y' to a student who draws k = 1: draw the "
        "parameters so that it is never 1, 0 or -1, or write the text so that no letter follows it"]


def test_a_placeholder_before_what_it_multiplies_is_a_coefficient_in_each_way_it_is_written(tmp_path, capsys):
    """Outside check h72, G9: '{k} y²', '{k} xy', '{k} sin(y)', '{k}(y + 1)', '{k}√y', two spaces and a no-break
    space went without a caution, '{k}sin(y)' was told as '{k}s', and "Take {k} a day" was told as a coefficient.
    A product's sign between ('{k} · y') is an author's way to write a coefficient that may be 1. A space other than
    the plain one is written so that the author sees it (h74, J4)."""
    exercise = "  - {{id: {}, kind: expression, prompt: \"f(x, y) = {}\", expected: k, variables: [x, y], " \
               "params: {{k: {{int: [1, 5]}}}}}}\n"
    texts = ["x^2 + {k} y². Take {k} a day.", "{k} xy", "{k} sin(y)", "{k}sin(y)", "{k}\u00a0y", "{k}(y + 1)",
             "{k}√y", "x^{k} y, {k} steps, {k} · y, {k}  y"]
    path, cautions = _cautions(tmp_path, capsys, "pack: c\nexercises:\n" + "".join(
        exercise.format(chr(ord("a") + i), text) for i, text in enumerate(texts)))
    said = "to a student who draws k = 1: draw the parameters so that it is never 1, 0 or -1, or write the text so " \
           "that no {} follows it"
    assert cautions == [
        f"{path}:3:39: exercise 'a': '{{k}} y²' in the prompt reads '1 y²' {said.format('letter')}",
        f"{path}:4:39: exercise 'b': '{{k}} xy' in the prompt reads '1 xy' {said.format('letter')}",
        f"{path}:5:39: exercise 'c': '{{k}} sin' in the prompt reads '1 sin' {said.format('letter')}",
        f"{path}:6:39: exercise 'd': '{{k}}sin' in the prompt reads '1sin' {said.format('letter')}",
        f"{path}:7:39: exercise 'e': '{{k}}\\u00a0y' in the prompt reads '1\\u00a0y' {said.format('letter')}",
        f"{path}:8:39: exercise 'f': '{{k}}(y + 1)' in the prompt reads '1(y + 1)' {said.format('bracket')}",
        f"{path}:9:39: exercise 'g': '{{k}}√y' in the prompt reads '1√y' {said.format('root')}",
        f"{path}:10:39: exercise 'h': '{{k}}  y' in the prompt reads '1  y' {said.format('letter')}"]


_COEFFICIENT = ("to a student who draws k = {}: draw the parameters so that it is never 1, 0 or -1, or write the text "
                "so that no {} follows it")


def _coefficient_cautions(tmp_path, capsys, texts: list[tuple[str, str, int]]) -> list[str]:
    """Each (prompt, more_hints or '', lowest k) an exercise of its own, k drawn up to 5: the cautions validation
    gives, each from its exercise's id on."""
    exercises = "".join(
        f"  - {{id: {chr(ord('a') + i)}, kind: expression, prompt: \"{prompt}\", expected: k, variables: [x, y], "
        f"params: {{k: {{int: [{low}, 5]}}}}" + (f", more_hints: [\"{more}\"]" if more else "") + "}\n"
        for i, (prompt, more, low) in enumerate(texts))
    _, cautions = _cautions(tmp_path, capsys, "pack: c\nexercises:\n" + exercises)
    return [caution.partition(": exercise ")[2] for caution in cautions]


def test_a_placeholder_before_a_bar_a_partial_or_a_gradient_is_a_coefficient_but_not_before_an_ordinal(tmp_path, capsys):
    """Outside check h75, K7: '{k}|x|', '{k}∂f/∂x' and '{k} ∇f' read '1|x|', '1∂f/∂x' and '1 ∇f' for k = 1 with no
    caution, and 'the {k}th step' was told as a coefficient."""
    texts = ["f = {k}|x| + y", "g = {k}∂f/∂x", "h = {k} ∇f", "Take the {k}th step, then the {k}nd."]
    assert _coefficient_cautions(tmp_path, capsys, [(text, "", 1) for text in texts]) == [
        f"'a': '{{k}}|x|' in the prompt reads '1|x|' {_COEFFICIENT.format(1, 'absolute value')}",
        f"'b': '{{k}}∂f/∂x' in the prompt reads '1∂f/∂x' {_COEFFICIENT.format(1, 'partial derivative')}",
        f"'c': '{{k}} ∇f' in the prompt reads '1 ∇f' {_COEFFICIENT.format(1, 'gradient')}"]


def test_a_coefficient_caution_shows_the_piece_whole_with_its_sign_and_names_more_hints(tmp_path, capsys):
    """Outside check h76: L2 '{k}‖∇f‖' got no caution; L3 '{k}ᵗʰ', '{k}TH' and 'a {k}D plot' did, as coefficients,
    and L4 '{k} x-values'; L5 '{k}d/dx', '{k}f′(x)', '{k}∂_x f' and '{k}∂/∂x' were shown cut short; L6 a caution in
    'more_hints' said "the hints"; L7 '-{k}|x|' was quoted without its sign, though the student reads '-1|x|'."""
    texts = [("the {k}ᵗʰ, {k}TH step of a {k}D plot; {k} x-values", "Use {k} y-intercepts.", 1),
             ("{k}‖∇f‖", "Apply {k}∂_x f.", 1), ("{k}d/dx", "{k}f′(x)", 1), ("{k}∂/∂x (x^2)", "Mind -{k}|x|", 1)]
    said = _COEFFICIENT.format
    assert _coefficient_cautions(tmp_path, capsys, texts) == [
        f"'b': '{{k}}‖∇f‖' in the prompt reads '1‖∇f‖' {said(1, 'norm')}",
        f"'b': '{{k}}∂_x' in 'more_hints' reads '1∂_x' {said(1, 'partial derivative')}",
        f"'c': '{{k}}d/dx' in the prompt reads '1d/dx' {said(1, 'letter')}",
        f"'c': '{{k}}f′' in 'more_hints' reads '1f′' {said(1, 'letter')}",
        f"'d': '{{k}}∂/∂x' in the prompt reads '1∂/∂x' {said(1, 'partial derivative')}",
        f"'d': '-{{k}}|x|' in 'more_hints' reads '-1|x|' {said(1, 'absolute value')}"]


@pytest.mark.parametrize("typed, suggested", [
    ("D-POWER", "d-power"), ("Pd-Monomial-X", "pd-monomial-x"), ("d-powr", "d-power"), ("G-QUADRATC", "g-quadratic"),
])
def test_an_unknown_exercise_id_gets_a_suggestion_whatever_its_case(typed, suggested):
    with pytest.raises(KeyError) as caught:
        packs.load("drills").exercise(typed)
    assert caught.value.args[0] == f"pack 'drills' has no exercise '{typed}'; did you mean '{suggested}'?"


# ------------------------------------------------- the JSON Schema and the loader agree

def _schema_accepts(document: dict) -> bool:
    import jsonschema

    return jsonschema.Draft202012Validator(json_schema()).is_valid(document)


def _loader_accepts(document: dict, tmp_path) -> bool:
    try:
        packs.load_text(yaml.safe_dump(document, allow_unicode=True), "fuzzed.yaml", tmp_path)
    except packs.PackError:
        return False
    return True


def _pack(**exercise) -> dict:
    return {"pack": "p", "exercises": [exercise]}


@pytest.mark.parametrize("document, accepted", [
    (_pack(id="a", kind="expression", prompt="2 + 2?", expected=4), True),
    (_pack(id="a", kind="derivative", function="x^2", points="1/2"), True),
    (_pack(id="a", kind="derivative", function="x^2", points="0.5"), True),
    (_pack(id="a", kind="expression", prompt="2 + 2?", expected="4", hints=["one", "two", "three"]), True),
    (_pack(id="a", kind="expression", prompt="2 + 2?", expected="4", hints=["1", "2", "3", "4"]), False),
    (_pack(id="a", kind="derivative", function="x^2", points=2_000_000), False),
    *[(_pack(id="a", kind="gradient_descent", function="x^2", start=[1], rate=0.0001, iterations=n),
       n in (1, 10_000))
      for n in (0, 1, 10_000, 10_001, 999_999_999)],  # the schema said 0 to 999,999,999, the loader 1 to 10,000
    # the schema refused what the loader took: an id written as a number, points written 1e3, one rate
    (_pack(id=5, kind="derivative", function="x^2"), True),
    (_pack(id=True, kind="derivative", function="x^2"), True),
    (_pack(id="a", kind="derivative", function="x^2", points="1e3"), True),
    (_pack(id="a", kind="derivative", function="x^2", points=".5"), True),
    (_pack(id="a", kind="learning_rate", function="x^2", start=1, rates=0.5, iterations=20), True),
    (_pack(id="a", kind="learning_rate", function="x^2", start=1, rates="0.5, 0.01", iterations=20), True),
    (_pack(id="a", kind="derivative", function="x^2", partial=True), True),
    # and the loader took what it should not have: 'true' in quotes is text, not a boolean; '2*3' is no weight
    (_pack(id="a", kind="derivative", function="x^2", partial="true"), False),
    (_pack(id=None, kind="derivative", function="x^2"), False),  # the loader took it as the exercise 'null'

    (_pack(id="a", kind="derivative", function="x^2", points="2*3"), False),
    (_pack(id="a", kind="learning_rate", function="x^2", start=1, rates=[], iterations=20), False),
    # 2.0 is a whole number to JSON Schema's integer, and now to the loader
    (_pack(id="a", kind="gradient_descent", function="x^2", start=[1], rate=0.1, iterations=2.0), True),
    (_pack(id="a", kind="gradient_descent", function="x^2", start=[1], rate=0.1, iterations=2.5), False),
    (_pack(id="a", kind="gradient_descent", function="x^2", start=[1], rate=0.1, iterations=True), False),
    # a tolerance that would accept any answer: both took 'inf' and '1e999' (infinite), the schema any number
    *[(_pack(id="a", kind="derivative", function="x^2", tolerance=t), accepted) for t, accepted in [
        ("inf", False), ("1e999", False), ("nan", False), (float("inf"), False), (-0.5, False), (0.6, False),
        (True, False), ("dp:16", False), ("1_0", False),
        (0.5, True), (0, True), ("1e-3", True), ("2.5e-4", True), (".25", True), ("0.001", True), ("dp:0", True),
        ("dp:15", True), (" dp : 4 ", True)]],
    # the schema took any list in a parameter's range, any name, a fraction over 0 (issue 445)
    (_pack(id="a", kind="derivative", function="x^2", points="1/0"), False),
    (_pack(id="a", kind="derivative", function="x^2", points="3/0.0"), False),
    (_pack(id="a", kind="derivative", function="x^2", points="3/10"), True),
    *[(_pack(id="a", kind="derivative", function=f"{name} x^2", params={name: spec}), accepted)
      for name, spec, accepted in [
          ("a", {"int": ["x", "y"]}, False), ("a", {"int": []}, False), ("a", {"int": [1, 2, 3]}, False),
          ("ab", {"int": [1, 3]}, False), ("a", {"int": [1, 1_000_000_000]}, False),
          ("a", {"denominators": [2]}, False), ("a", {"int": [1, 3], "choice": [1, 2]}, False),
          ("a", {"choice": []}, False), ("a", {"int": [1.5, 3]}, False), ("a", {"int": [True, 3]}, False),
          ("a", {"rational": [0, 1], "denominators": [0]}, False), ("a", {"int": [1, "sqrt(4)"]}, False),
          ("a", {"int": [1, 3], "denominators": [2]}, False),
          ("a", {"int": [1, 3], "lesson": "two"}, False), ("a", {"int": [1, 3], "lesson": True}, False),
          ("e", {"int": [1, 3]}, False), ("W", {"int": [1, 3]}, False),
          ("a", {"int": [1, "10^6"]}, True), ("a", {"int": [-1_000_000, 1_000_000]}, True),
          ("a", {"choice": [0.5, "1/2", -3]}, True), ("a", {"rational": [0, 1], "denominators": [2, "3"]}, True),
          ("a", {"int": [1, 3], "lesson": 2}, True), ("alpha", {"int": [2.0, 3]}, True)]],
])
def test_the_schema_and_the_loader_agree_on_what_they_once_disagreed_on(tmp_path, document, accepted):
    assert (_schema_accepts(document), _loader_accepts(document, tmp_path)) == (accepted, accepted)


@pytest.mark.parametrize("written, problem", [
    ("partial: 'true'", "5:14: exercise 'a': 'partial' must be true or false, not the text 'true' (write it "
                        "without quotes)"),
    ("points: 2*3", "5:13: exercise 'a': 'points' must be a number from 0 to 1,000,000, like 1, 0.5 or 1/2, "
                    "not '2*3'"),
])
def test_what_the_schema_refuses_the_loader_refuses_where_it_is_written(tmp_path, written, problem):
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(EXERCISE + f"    {written}\n    function: x^2\n", "p.yaml", tmp_path)
    assert refused.value.problems == [f"p.yaml:{problem}"]


@pytest.mark.parametrize("written, read", [("id: 5", "5"), ("points: 1e3", 1000), ("partial: yes", True),
                                           ("rates: 0.5", None)])
def test_what_the_schema_takes_the_loader_reads_as_written(tmp_path, written, read):
    text = "pack: p\nexercises:\n  - kind: learning_rate\n    function: x^2\n    start: 1\n    iterations: 20\n"
    text += "".join(f"    {line}\n" for line in ("id: a", "rates: [0.1]") if line.split(":")[0] != written.split(":")[0])
    spec = packs.load_text(text + f"    {written}\n", "p.yaml", tmp_path).exercises[0]
    key = written.split(":")[0]
    if key == "rates":
        assert spec.variant().prompt().endswith("with each of the learning rates α = 0.5. For each rate, in that "
                                                "order, say whether it converges (|f′| below 0.0001 within the 20 "
                                                "steps), oscillates, diverges, or is too slow.")
    else:
        assert getattr(spec, key) == read


@pytest.mark.parametrize("iterations, problem", [
    ("2.5", "'iterations' must be a whole number from 1 to 10,000, not '2.5'"),
    ("'0'", "'iterations' must be a whole number from 1 to 10,000, not '0'"),
    ("10001", "'iterations' must be a whole number from 1 to 10,000, not '10001'"),
    ("true", "'iterations' must be a whole number from 1 to 10,000, not 'true'"),
])
def test_a_count_of_steps_that_can_t_be_one_is_refused_naming_the_key(tmp_path, capsys, iterations, problem):
    text = EXERCISE.replace("derivative", "gradient_descent") + \
        f"    function: x^2\n    start: 1\n    rate: 0.1\n    iterations: {iterations}\n"
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    assert capsys.readouterr().out == f"{tmp_path / 'p.yaml'}:8:17: exercise 'a': {problem}\n"


def test_points_and_tolerance_are_the_same_for_every_student_and_say_so(tmp_path, capsys):
    # they were refused as "'points' must be a number from 0 to 1,000,000" and "'tolerance' must be a relative
    # error like 1e-3 or decimal places like dp:4, not 't'", though the docs said every field takes parameters
    text = EXERCISE.replace("derivative", "gradient_descent") + (
        "    function: x^2\n    start: 1\n    rate: 0.1\n    iterations: k\n    points: k\n    tolerance: dp:t\n"
        "    params: {k: {int: [1, 3]}, t: {choice: [2, 3]}}\n")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "p.yaml")]) == 1
    assert capsys.readouterr().out.replace(str(tmp_path / "p.yaml"), "p.yaml") == (
        "p.yaml:9:13: exercise 'a': 'points' can't use the parameters (k): it is the same for every student, so "
        "that the exercise weighs the same in every student's total; write a number, like 1\n"
        "p.yaml:10:16: exercise 'a': 'tolerance' can't use the parameters (t): it is the same for every student, "
        "so that every student's answer is graded to the same precision; write one, like 1e-3 or dp:4\n")


def test_a_count_of_steps_written_2_0_is_2(tmp_path):
    text = EXERCISE.replace("derivative", "gradient_descent") + \
        "    function: x^2\n    start: 1\n    rate: 0.1\n    iterations: 2.0\n"
    prompt = packs.load_text(text, "p.yaml", tmp_path).exercises[0].variant().prompt()
    assert "what is x₂, the point after 2 iterations?" in prompt


def test_a_hint_with_a_comma_is_one_hint(tmp_path):
    document = _pack(id="a", kind="expression", prompt="d/dx x^2?", expected="2x",
                     hints="First, bring the power down")
    pack = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert pack.exercises[0].variant().hints() == ("First, bring the power down",)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXTS = st.sampled_from(["x^2", "3x^2 y^3", "2x", "x", "y", "hello", "1/2", "0.5", "-1", "", "a, b", "dp:4",
                          "[1, 2]", "x = 2", "1e3", ".5", "true", "False", "2.0", "0.5, 0.1", "2*3", "7"])
_VALUES = st.one_of(_TEXTS, st.integers(-3, 2_000_000), st.sampled_from([0.5, 1e-3, 2.0, 5.0, 1e3]), st.booleans(),
                    st.none(), st.lists(_TEXTS, max_size=5), st.dictionaries(st.sampled_from(["x", "y", "z"]),
                                                                              st.integers(-2, 2), max_size=2))
_KINDS = {  # a valid exercise of each of three kinds, to change one key of
    "derivative": {"function": "x^3"},
    "expression": {"prompt": "What is 2 + 2?", "expected": "4"},
    "partial_derivative": {"function": "3x^2 y^3", "wrt": "x"},
    "gradient_descent": {"function": "x^2", "start": [1], "rate": 0.1, "iterations": 2},
    "learning_rate": {"function": "x^2", "start": 1, "rates": [0.01, 0.5], "iterations": 20},
}
_KEYS = ["title", "tags", "points", "tolerance", "partial", "answer", "hints", "function", "expected", "prompt",
         "wrt", "variables", "name", "shape", "mistakes", "at", "iterations", "rate", "start", "id", "rates"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(_KINDS)), changes=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=3))
def test_the_schema_never_refuses_a_pack_the_loader_takes(tmp_path, kind, changes):
    """Fuzzed packs: each a valid exercise with up to three keys set to odd values. What the
    loader takes, an editor checking against the schema must take too."""
    exercise = {"id": "a", "kind": kind, **_KINDS[kind], **changes}
    document = {"pack": "p", "exercises": [exercise]}
    if _loader_accepts(document, tmp_path):
        assert _schema_accepts(document), exercise


# The loader's rules on parameters that JSON Schema can't say (docs/reference/pack.md lists them): a range's low
# and high in order, a number written as text within 10^6, a lesson value that is one the range draws
_BEYOND_THE_SCHEMA = ("with low ≤ high", "values are at most", "is not a value it is drawn from",
                      "'lesson' is the number", "denominators are whole numbers from 1",
                      "has no 'lesson' value but")
_NUMBERS = st.one_of(st.integers(-3, 5), st.sampled_from([0.5, 2.0, "1/2", "10^6", "3", 10**6, -10**6]))
_ITEMS = st.one_of(_NUMBERS, _NUMBERS, _NUMBERS, st.sampled_from(["x", "sqrt(4)", 10**9, "10^9", True, None, [], 1.5]))
_KEYS_OF_A_PARAMETER = ["int", "choice", "rational", "denominators", "lesson", "step"]


@st.composite
def _parameter(draw) -> dict:
    """A parameter's spec: mostly one range of two values, sometimes with another key, some values odd."""
    values = st.one_of(st.lists(_ITEMS, min_size=2, max_size=2), st.lists(_ITEMS, max_size=3))
    spec = {draw(st.sampled_from(_KEYS_OF_A_PARAMETER[:4])): draw(values)}
    for key in draw(st.sets(st.sampled_from(_KEYS_OF_A_PARAMETER), max_size=1)):
        spec[key] = draw(_ITEMS if key == "lesson" else st.lists(_ITEMS, max_size=3))
    return spec


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(["a", "k", "b", "alpha", "ab", "e", "x1"]), _parameter(),
                              min_size=1, max_size=2))
def test_the_schema_and_the_loader_agree_on_fuzzed_parameters(tmp_path, params):
    """What the loader takes the schema takes; what the schema takes and the loader refuses, it refuses by a rule
    JSON Schema can't express."""
    function = "x^2 + " + " + ".join(f"{name} x" for name in params)
    document = _pack(id="a", kind="derivative", function=function, params=params)
    schema, loader = _schema_accepts(document), _loader_accepts(document, tmp_path)
    if loader:
        assert schema, params
    elif schema:
        with pytest.raises(packs.PackError) as refused:
            packs.load_text(yaml.safe_dump(document), "fuzzed.yaml", tmp_path)
        assert all(any(rule in problem for rule in _BEYOND_THE_SCHEMA) for problem in refused.value.problems), params


# ------------------------------------------------------------- hints on every kind

def _hints_of(tmp_path, **keys) -> tuple[str, ...]:
    document = _pack(id="a", kind="derivative", function="x^3", **keys)
    return packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercises[0].variant().hints()


def test_hints_replace_the_kind_s_own_and_more_hints_follow_them(tmp_path):
    own = _hints_of(tmp_path)
    assert own and all(isinstance(h, str) for h in own)  # the derivative kind's automatic hints
    assert _hints_of(tmp_path, hints=["Bring the 3 down.", "Lower the power by one."]) == (
        "Bring the 3 down.", "Lower the power by one.")
    assert _hints_of(tmp_path, more_hints="See the lesson's power rule.") == (*own, "See the lesson's power rule.")
    assert _hints_of(tmp_path, hints="Power rule.", more_hints=["Then simplify."]) == ("Power rule.", "Then simplify.")


@pytest.mark.parametrize("kind, data", [
    ("gradient", {"function": "x^2 + y^2"}),
    ("critical_points", {"function": "x^2 + y^2"}),
    ("gradient_descent", {"function": "x^2", "start": 1, "rate": 0.1, "iterations": 2}),
])
def test_every_kind_takes_hints(tmp_path, kind, data):
    document = _pack(id="a", kind=kind, hints=["A nudge."], **data)
    assert packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercises[0].variant().hints() == (
        "A nudge.",)


def test_the_practice_session_gives_the_pack_s_hints(tmp_path):
    from tutor.practice import Session
    from tutor.store import Store

    document = _pack(id="a", kind="derivative", function="x^3", hints=["Bring the 3 down."])
    pack = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    session = Session(pack, Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    assert [line.text for line in session.handle(":hint")] == ["Hint 1 of 1: Bring the 3 down."]


def test_more_than_three_more_hints_are_refused_where_they_are(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(EXERCISE + "    function: x^3\n    more_hints: [a, b, c, d]\n", encoding="utf-8")
    with pytest.raises(packs.PackError) as caught:
        packs.load(path)
    assert caught.value.problems == [f"{path}:6:17: exercise 'a': 'more_hints': at most 3 hints, first a nudge, "
                                     "last nearly the answer; not 4"]


# ------------------------------------------- problems a parameter draw causes, fuzzed

_FUNCTIONS = ["ln(a x)", "a x^2 + b y^2", "x^a", "e^(a x) - b x", "sqrt(a x)", "x/(a - b) + y", "a/x", "sin(a x) y",
              "(a x + b)^2", "a x^p y^2", "ln(x) - a x", "x^2/a", "a x y", "x^(1/a)", "b"]
_KIND_KEYS = st.sampled_from([
    ("derivative", {}), ("derivative", {"at": "a"}), ("partial_derivative", {"wrt": "x"}),
    ("partial_derivative", {"wrt": "x", "at": "[a, 1]"}), ("gradient", {"at": "[1, b]"}), ("critical_points", {}),
    ("classify_point", {"at": "[0, 0]"}), ("minimize", {}),
    ("gradient_descent", {"start": "a", "rate": "0.1", "iterations": 2}),
    ("gradient_descent", {"start": "[1, 1]", "rate": "b/10", "iterations": 1}),
    ("stopping", {"start": "1", "rate": "0.1", "until": "0.01"}), ("tangent_plane", {"at": "[1, a]"}),
    ("fix_variable", {"fix": "{y: a}"}), ("local_minima", {}),
    ("expression", {"prompt": "What is {a} + {b}?", "expected": "a + b"}),
])
_RANGES = st.sampled_from(["{int: [-2, 2]}", "{int: [0, 3]}", "{choice: [0, 1, -1]}", "{rational: [-1, 1]}",
                           "{int: [1, 1]}", "{choice: [0.5, 2]}"])
_REQUIRES = st.sampled_from([None, "a != b", "a > 0", "a != 0 and b != 0", "a == b", "a > 5", "a^2 - b < 0"])
_EXTRAS = st.sampled_from([
    {}, {"answer": "a x"}, {"hints": "['Try {a}.', '{1/a}', '{a + b}']"}, {"more_hints": "'{b/(a - 1)}'"},
    {"title": "'f at {a}, {b}'"}, {"mistakes": "[{answer: a x, feedback: 'Not {a}.'}]"}, {"answer": "0"},
])

_INTERNALS = re.compile(r"Traceback|zoo|\bnan\b|\boo\b|Symbol\(|Integer\(|Rational\(|Error\b|sympy|"
                        r"something went wrong")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(function=st.sampled_from(_FUNCTIONS), kind=_KIND_KEYS, a=_RANGES, b=_RANGES, require=_REQUIRES,
       extra=_EXTRAS)
def test_validating_a_fuzzed_parameterised_pack_tells_the_author_in_sentences(tmp_path, capsys, function, kind,
                                                                           a, b, require, extra):
    """Random parameters, conditions and author's fields: `tutor pack validate` answers with
    FILE:LINE:COL sentences, never a traceback nor a name from inside Python or sympy."""
    name, keys = kind
    lines = ["pack: fuzz", "exercises:", "  - id: e", f"    kind: {name}", f"    params: {{a: {a}, b: {b}}}"]
    if name != "expression":
        lines.append(f'    function: "{function}"')
    lines += [f"    {key}: {value}" for key, value in {**keys, **extra}.items()]
    if require:
        lines.append(f"    require: {require}")
    path = tmp_path / "fuzz.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["pack", "validate", str(path)])
    out, err = capsys.readouterr()
    assert status in (0, 1), out + err
    assert not _INTERNALS.search(out + err), out + err
    if status == 1:
        assert all(line.startswith(f"{path}:") for line in out.splitlines()), out


def test_each_coefficient_in_a_text_is_told_before_any_sign_and_read_as_written(tmp_path, capsys):
    """Outside check h77: M7 only a placeholder's first coefficient in a field was told; M1 none before ∑, ∫, ⟨⟩,
    [ ] or ∛; M3 'x^{k}y' was a coefficient, not an exponent; M4 x̄, v⃗ and f' were cut short; M5 '{k}½' was
    "a letter", ∇² "a gradient"; M6 '−{k}x' with no space read '− -1'. A unit is told, as the docs say (M2)."""
    texts = [("What is {k}y? Also {k}|x| and {k}∑ᵢ xᵢ, {k}∫f dx, {k} ⟨1, 2⟩, {k}[x, y], {k}∛x", "", 1),
             ("x^{k}y and e^{k}x; {k}x̄ {k}v⃗ {k}f'(x) {k}½ {k}∇²f", "", 1), ("x^2 −{k}x", "", -1),
             ("{k}kg at {k} m/s", "", 1)]
    said = _COEFFICIENT.format
    assert _coefficient_cautions(tmp_path, capsys, texts) == [
        *(f"'a': '{{k}}{piece}' in the prompt reads '1{piece}' {said(1, what)}" for piece, what in [
            ("y", "letter"), ("|x|", "absolute value"), ("∑ᵢ", "sum"), ("∫f", "integral"), (" ⟨1, 2⟩", "bracket"),
            ("[x, y]", "bracket"), ("∛x", "root")]),
        *(f"'b': '{{k}}{piece}' in the prompt reads '1{piece}' {said(1, what)}" for piece, what in [
            ("x̄", "letter"), ("v⃗", "letter"), ("f'", "letter"), ("½", "number"), ("∇²f", "Laplacian")]),
        "'c': '−{k}' in the prompt: k may be drawn negative (k from -1 to 5), and a student who draws k = -1 reads "
        "'−-1': draw k from positive numbers, or write the text so that no sign comes before {k}",
        f"'c': '−{{k}}x' in the prompt reads '−-1x' {said(-1, 'letter')}",
        f"'d': '{{k}}kg' in the prompt reads '1kg' {said(1, 'letter')}",
        f"'d': '{{k}} m' in the prompt reads '1 m' {said(1, 'letter')}"]


_TEXT_PIECES = st.sampled_from(["{k}", "{2k}", "{k - 1}", "{k}{k}", "-", "+", "−", " ", "  ", "\u00a0", "x", "y", "xy",
                                 "sin", "(", ")", "|", "‖", "∂", "∇", "/", "_", "′", "²", "ᵗʰ", "th", "D", "d", "√",
                                 ".", "^", "·", "1", "-values", "step", "\n", "'", "f", "[", "⟨", "∑", "∫", "½",
                                 "\u0304", "]", "⟩"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_TEXT_PIECES, min_size=1, max_size=12))
def test_cautions_on_any_text_around_a_placeholder_are_sentences(tmp_path, capsys, pieces):
    """Any prompt of placeholders, signs, bars, letters and spaces validates with FILE:LINE:COL sentences: the
    reading of a sign before a coefficient (h76, L7) once crashed on a placeholder with nothing before it."""
    text = "".join(pieces)
    pack = _pack(id="e", kind="expression", prompt=text, expected="k", params={"k": {"int": [-1, 3]}})
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    status = main(["pack", "validate", str(path)])
    out, err = capsys.readouterr()
    assert status in (0, 1), out + err
    assert not _INTERNALS.search(out + err), out + err
    assert all(line.startswith(f"{path}:") for line in out.splitlines()[status == 0:]), out


@pytest.mark.parametrize("tolerance, precision", [
    ("dp:2", "(to 2 decimal places)"), ("1e-3", "(within a relative error of 0.001)"),
    (None, "(to 4 decimal places)"),
])
def test_the_descent_prompt_states_the_precision_its_tolerance_asks_for(tmp_path, tolerance, precision):
    exercise = {"id": "d", "kind": "gradient_descent", "function": "e^x - ln x", "start": 0.05, "rate": 0.005,
                "iterations": 2, **({"tolerance": tolerance} if tolerance else {})}
    pack = packs.load_text(yaml.safe_dump(_pack(**exercise)), "p.yaml", tmp_path)
    assert pack.exercises[0].variant().prompt() == (
        "Gradient descent on f(x) = eˣ - ln(x) from x₀ = 0.05 with learning rate α = 0.005: what is x₂, the "
        f"point after 2 iterations? {precision}")


MINIMUM_WITH_NO_EXACT_FORM = """\
pack: m
exercises:
  - id: quartic
    kind: minimize
    function: x^4 + 3 x^2 + x
"""


def test_a_minimum_with_no_exact_form_is_graded_to_its_tolerance(tmp_path):
    # its expected value was a CRootOf, which the checker can't evaluate: every decimal came out undecided
    (tmp_path / "m.yaml").write_text(MINIMUM_WITH_NO_EXACT_FORM + "    tolerance: dp:4\n", encoding="utf-8")
    exercise = packs.load(tmp_path / "m.yaml").exercise("quartic").variant()
    assert [respond(exercise, typed, isolated=False).verdict for typed in ("-0.1637", "-0.16374", "-0.1638")] == \
        ["correct", "correct", "incorrect"]


def test_validate_asks_for_a_tolerance_where_the_answer_has_no_exact_form(tmp_path, capsys):
    (tmp_path / "m.yaml").write_text(MINIMUM_WITH_NO_EXACT_FORM, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "m.yaml")]) == 1
    assert capsys.readouterr().out.endswith(
        "exercise 'quartic': its answer, -0.16374…, has no exact form a student can type: give the exercise a "
        "tolerance, like 'tolerance: dp:4', so that decimals are graded\n")


def test_a_region_may_use_the_parameters(tmp_path):
    # 'a' was an unknown name in a region, reported as if the draw were the cause
    (tmp_path / "r.yaml").write_text("pack: r\nexercises:\n  - id: box\n    kind: critical_points\n"
                                     "    function: x^3 - 3x + y^2\n    region: 0 <= x <= a, -1 <= y <= 1\n"
                                     "    params: {a: {int: [2, 5]}}\n", encoding="utf-8")
    spec = packs.load(tmp_path / "r.yaml").exercise("box")
    prompts = {spec.drawn(n).problem.prompt() for n in range(20)}
    assert {p.rpartition("region ")[2] for p in prompts} == {f"0 ≤ x ≤ {a}, -1 ≤ y ≤ 1." for a in range(2, 6)}
    assert main(["pack", "validate", str(tmp_path / "r.yaml")]) == 0


def test_a_descent_asked_past_what_a_float_holds_is_refused(tmp_path):
    document = _pack(id="a", kind="gradient_descent", function="x^2", start=[1], rate=0.1, iterations=5000)
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert refused.value.problems[0].endswith(
        "exercise 'a': x falls below 2.2e-308 at iteration 3175, past what a float holds to full precision; ask "
        "for fewer iterations")


def test_a_stop_past_what_a_float_holds_is_refused_and_a_tiny_until_is_written_as_typed(tmp_path):
    # x² from 1 at rate 0.45: xₖ = 10⁻ᵏ, and |f′| < 1e-310 first at k = 311; but x is taken as 0 at
    # iteration 308, so the key was 308, and the prompt wrote 1e-20 as 1/100000000000000000000
    document = _pack(id="a", kind="stopping", function="x^2", start=[1], rate=0.45, until="1e-310")
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert refused.value.problems[0].endswith(
        "exercise 'a': x falls below 2.2e-308 at iteration 308, past what a float holds to full precision, before "
        "|f′| gets below 'until'; choose a larger 'until'")
    document = _pack(id="a", kind="stopping", function="x^2", start=[1], rate=0.45, until="1e-20")
    variant = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercise("a").variant()
    assert "repeat until |f′| < 1e-20 at the point reached" in variant.problem.prompt()
    assert variant.expected().value == 21


@pytest.mark.parametrize("until, shown", [
    # finding 68: one rule: a decimal with more than 6 places in scientific notation
    (3e-8, "3e-8"),  # was 0.00000003
    ("2.5e-7", "2.5e-7"),  # was 0.00000025
    ("1.5e-12", "1.5e-12"),
    (0.00001, "0.00001"),
    (0.000001, "0.000001"),
    (0.0001, "0.0001"),
    (0.00025, "0.00025"),
    ("1/1000", "0.001"),
])
def test_a_small_until_is_written_in_scientific_notation_beyond_six_places(tmp_path, until, shown):
    document = _pack(id="a", kind="stopping", function="x^2", start=[1], rate=0.1, until=until)
    variant = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercise("a").variant()
    assert variant.prompt() == ("Gradient descent on f(x) = x² from x₀ = 1 with learning rate α = 0.1: repeat "
                                f"until |f′| < {shown} at the point reached. How many iterations does it take?")
    assert variant.hints()[-1] == f"Count the steps, not the checks: the answer is the first k where |f′| < {shown} " \
                                  "at xₖ."


def test_the_number_of_iterations_may_use_the_parameters(tmp_path):
    document = _pack(id="a", kind="gradient_descent", function="(x - a)^2", start=[0], rate="1/4",
                     iterations="k + 1", params={"a": {"int": [4, 4]}, "k": {"int": [1, 3]}})
    spec = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercise("a")
    answers = {spec.drawn(n).problem.prompt(): float(spec.drawn(n).expected().value) for n in range(30)}
    # x ← x − ¼·2(x − 4) halves the distance to 4: 2, 3, 3.5, 3.75
    assert answers == {f"Gradient descent on f(x) = (x - 4)² from x₀ = 0 with learning rate α = 1/4: what is x{sub}, "
                       f"the point after {n} iterations? (to 4 decimal places)": value
                       for n, sub, value in ((2, "₂", 3), (3, "₃", 3.5), (4, "₄", 3.75))}
    assert _schema_accepts(document)


@pytest.mark.parametrize("iterations, problem", [
    ("k - 2", "with k = 1, 'iterations' must be a whole number from 1 to 10,000, not -1"),
    ("k/2", "with k = 1, 'iterations' must be a whole number from 1 to 10,000, not 1/2"),
    ("two", "'iterations' must be a whole number from 1 to 10,000, or one made of the parameters (k), not 'two'"),
])
def test_iterations_a_draw_can_t_take_are_refused_naming_the_draw(tmp_path, iterations, problem):
    document = _pack(id="a", kind="gradient_descent", function="(x - 3)^2", start=[0], rate="1/4",
                     iterations=iterations, params={"k": {"int": [1, 1]}})
    with pytest.raises(packs.PackError) as refused:
        packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert refused.value.problems[0].endswith(f"exercise 'a': {problem}")


def test_each_mistake_is_reported_on_its_own_line(tmp_path, capsys):
    (tmp_path / "m.yaml").write_text(
        "pack: m\nexercises:\n  - id: d\n    kind: derivative\n    function: a x^3\n"
        "    params: {a: {int: [2, 5]}}\n    mistakes:\n"
        "      - answer: a x^2\n        feedback: You forgot the 3.\n"
        "      - answer: 3a x^2\n        feedback: right anyway\n"
        "      - answer: 3a x^(\n        feedback: a slip in the pack\n", encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "m.yaml")]) == 1
    where = f"{tmp_path / 'm.yaml'}"
    assert capsys.readouterr().out.splitlines() == [
        f"{where}:10:17: exercise 'd': with a = 5, the mistake '3a x^2' is a right answer",
        # a slip in the text is no draw's doing: no draw is named
        f"{where}:12:17: exercise 'd': the mistake '3a x^(' can't be read: missing operand after '('"]


def test_a_mistake_with_the_answer_of_an_earlier_one_is_reported(tmp_path, capsys):
    # an outside check: its feedback could never be given, and the pack was valid
    (tmp_path / "m.yaml").write_text(
        "pack: m\nexercises:\n  - id: d\n    kind: derivative\n    function: a x^2 - 2x\n"
        "    params: {a: {int: [2, 5]}}\n    mistakes:\n"
        "      - answer: -2\n        feedback: sign\n"
        "      - answer: -2\n        feedback: sign again\n"
        "      - answer: a x\n        feedback: half\n"
        "      - answer: 2x\n        feedback: only for a = 2 the same as the one before, and not reported\n",
        encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "m.yaml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'm.yaml'}:10:17: exercise 'd': the mistake '-2' is the same answer as mistakes[0], so its "
        "feedback is never given (only the first one's is)"]


def test_an_answer_with_a_number_too_long_to_type_says_so(tmp_path, capsys):
    # 5^5^5 has 2,185 digits: the answer was "shown as ≈1.9e+2184 x^…, does not grade: '≈' can't be used"
    (tmp_path / "t.yaml").write_text("pack: t\nexercises:\n  - id: d\n    kind: derivative\n"
                                     "    function: x^(a^a^a)\n    params: {a: {int: [5, 5]}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "t.yaml")]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / 't.yaml'}:6:13: exercise 'd': with a = 5, its answer, ≈1.91101259794548e+2184x^≈1.91101259794548e+2184, "
        "holds a number too long for a student to type (more than 1,000 digits); use smaller numbers\n")


# ------------------------------------- the author's answers and mistakes, read as a student's are

def _validated(tmp_path, capsys, text: str) -> tuple[int, str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    status = main(["pack", "validate", str(path)])
    return status, capsys.readouterr().out.replace(str(path), "p.yaml")


def _told(tmp_path, text: str, exercise: str, answer: str, seed: object = None) -> tuple[str, str]:
    (tmp_path / "told.yaml").write_text(text, encoding="utf-8")
    variant = packs.load(tmp_path / "told.yaml").exercise(exercise).drawn(seed)
    verdict = respond(variant, answer, isolated=False)
    return verdict.verdict, verdict.message


POINTS_WITH_PARAMETERS = """\
pack: cp1
exercises:
  - id: cp
    kind: critical_points
    function: x^3 - 3 a^2 x + y^2
    params: {a: {int: [1, 3]}}
    answer: (a, 0), (-a, 0)
    mistakes:
      - answer: (a, 0)
        feedback: "There is a second one at x = -{a}."
  - id: lm
    kind: local_minima
    function: (x - a)^2 + (y - 1)^2
    params: {a: {int: [1, 3]}}
    answer: (a, 1)
  - id: lm3
    kind: local_minima
    function: (x - a)^2
    params: {a: {int: [1, 3]}}
    answer: a
    mistakes:
      - answer: -a
        feedback: "Sign: the minimum is at +{a}."
  - id: pts
    kind: expression
    prompt: "Where is x^2 = {a^2}? Give the points on the x axis."
    expected: (a, 0), (-a, 0)
    shape: points
    params: {a: {int: [1, 3]}}
"""


def test_point_answers_and_a_lone_minimum_may_use_the_parameters(tmp_path, capsys):
    # each was refused: "a point's coordinates must be numbers", "a vector is expected here, like (4, 6)"
    assert _validated(tmp_path, capsys, POINTS_WITH_PARAMETERS) == (
        0, "p.yaml: valid (4 exercises; each one's answer grades as correct)\n")
    pack = packs.load(tmp_path / "p.yaml")
    a = {exercise: dict(pack.exercise(exercise).drawn_values(1))["a"] for exercise in ("cp", "lm3", "pts")}
    assert _told(tmp_path, POINTS_WITH_PARAMETERS, "cp", f"({a['cp']}, 0)", 1) == (
        "incorrect", f"There is a second one at x = -{a['cp']}.")
    assert _told(tmp_path, POINTS_WITH_PARAMETERS, "lm3", f"-{a['lm3']}", 1) == (
        "incorrect", f"Sign: the minimum is at +{a['lm3']}.")
    assert _told(tmp_path, POINTS_WITH_PARAMETERS, "pts", f"({a['pts']}, 0), (-{a['pts']}, 0)", 1)[0] == "correct"


def test_a_parameter_in_a_point_is_still_checked_per_draw(tmp_path, capsys):
    wrong = POINTS_WITH_PARAMETERS.replace("answer: (a, 0), (-a, 0)", "answer: (a, 0), (a, 1)")
    status, out = _validated(tmp_path, capsys, wrong)
    assert status == 1
    assert out == ("p.yaml:7:13: exercise 'cp': with a = 2, the given answer does not agree with the computed one "
                   "({(-2, 0), (2, 0)}): (2, 1) is not a critical point: ∂f/∂y = 2y is 2 there, not 0.\n")


LEARNING_RATE_MISTAKE = """\
pack: lr1
exercises:
  - id: lr
    kind: learning_rate
    function: x^2
    start: 1
    rates: [0.01, 0.5, 1.5]
    iterations: 20
    mistakes:
      - answer: converges, converges, diverges
        feedback: "0.01 is too slow in 20 steps."
"""


def test_a_learning_rate_mistake_is_read_as_a_learning_rate_answer(tmp_path, capsys):
    # it was read against classify_point's words: "... is not one of: inconclusive, maximum, minimum, saddle"
    assert _validated(tmp_path, capsys, LEARNING_RATE_MISTAKE) == (
        0, "p.yaml: valid (1 exercise; each one's answer grades as correct)\n")
    assert _told(tmp_path, LEARNING_RATE_MISTAKE, "lr", "converges, converges, diverges") == (
        "incorrect", "0.01 is too slow in 20 steps.")
    assert _told(tmp_path, LEARNING_RATE_MISTAKE, "lr", "0.01: converges, 0.5: converges, 1.5: diverges") == (
        "incorrect", "0.01 is too slow in 20 steps.")


LEAST_SQUARES_MISTAKES = """\
pack: ls
exercises:
  - id: origin
    kind: least_squares
    data: [[1, 2], [2, 5], [3, 3]]
    mistakes:
      - answer: "m = 0, b = 0"
        feedback: "That line is the x axis."
  - id: mean
    kind: least_squares
    data: [[1, 2], [2, 5], [3, 3]]
    mistakes:
      - answer: "y = 10/3"
        feedback: "That's the mean line."
"""


@pytest.mark.parametrize("exercise, typed, feedback", [
    ("origin", "m = 0, b = 0", "That line is the x axis."), ("origin", "0, 0", "That line is the x axis."),
    ("origin", "y = 0", "That line is the x axis."), ("mean", "y = 10/3", "That's the mean line."),
    ("mean", "m = 0, b = 10/3", "That's the mean line."), ("mean", "y = 0x + 10/3", "That's the mean line."),
])
def test_a_least_squares_mistake_is_written_and_recognised_as_students_write_a_fit(tmp_path, capsys, exercise,
                                                                                  typed, feedback):
    # "m = 0, b = 0" and "y = 3" were refused: "write the vector without names, in order, like (4, 6)"
    assert _validated(tmp_path, capsys, LEAST_SQUARES_MISTAKES) == (
        0, "p.yaml: valid (2 exercises; each one's answer grades as correct)\n")
    assert _told(tmp_path, LEAST_SQUARES_MISTAKES, exercise, typed) == ("incorrect", feedback)


EQUATION_EXPECTED = """\
pack: eq
exercises:
  - id: eq0
    kind: expression
    prompt: "Line through the origin with slope 2"
    expected: y = 2 x
    shape: equation
"""


def test_an_expected_equation_takes_its_variables_from_both_sides(tmp_path, capsys):
    # it was refused: "its own answer, shown as y = 2x, does not grade as correct: Unknown name 'y' (there are
    # no variables here)"
    assert _validated(tmp_path, capsys, EQUATION_EXPECTED) == (
        0, "p.yaml: valid (1 exercise; each one's answer grades as correct)\n")
    assert _told(tmp_path, EQUATION_EXPECTED, "eq0", "2x = y")[0] == "correct"
    assert _told(tmp_path, EQUATION_EXPECTED, "eq0", "y = 3x") == (
        "incorrect", "At x = 1 your y is 3, but the correct y is 2.")


def test_a_parameter_named_like_a_constant_or_function_of_the_maths_is_refused(tmp_path, capsys):
    # a parameter e replaced Euler's number everywhere: e^e was shown as e^2, and a student's e^2 was wrong
    reserved = sorted(name for name in (*CONSTANTS, *FUNCTIONS) if re.fullmatch("[A-Za-z]", name))
    assert reserved == ["W", "e"]  # every one-letter name the answers' grammar gives a meaning
    (tmp_path / "e.yaml").write_text(
        "pack: e\nexercises:\n  - id: d2\n    kind: expression\n    prompt: \"Value of e^{e}?\"\n"
        "    expected: e^e\n    params: {e: {int: [2, 3]}}\n"
        "  - id: w\n    kind: derivative\n    function: W x^2 + k x\n    params: {k: {int: [1, 3]}, W: {int: [1, 3]}}\n",
        encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "e.yaml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'e.yaml'}:7:14: exercise 'd2': a parameter can't be named 'e': 'e' is Euler's number (e^x) in "
        "maths, and the parameter would replace it; call the parameter another letter, like 'k'",
        f"{tmp_path / 'e.yaml'}:11:32: exercise 'w': a parameter can't be named 'W': 'W' is the function W(x) in "
        "maths, and the parameter would replace it; call the parameter another letter, like 'm'"]


# the end of the refusal of a parameter that would replace a variable of the function
REPLACED = ", and the parameter would replace it; call the parameter another letter, like 'k'"


def test_a_parameter_named_like_a_variable_of_the_function_is_refused(tmp_path, capsys):
    """Outside check h26, F4: params {y: ...} on x² y + y² replaced the variable: a student drew "∂/∂x of
    3x² + 9"; on x² + y² the only message was that a gradient needs two variables."""
    (tmp_path / "v.yaml").write_text(
        "pack: v\nexercises:\n  - {id: p, kind: partial_derivative, function: x^2 y + y^2, wrt: x, params: {y: {int: [1, 3]}}}\n"
        "  - {id: g, kind: gradient, function: x^2 + y^2, params: {y: {int: [1, 3]}}}\n"
        "  - {id: uv, kind: gradient, function: u^2 + x v^2, variables: [u, v], params: {x: {int: [1, 3]}}}\n"
        "  - {id: m, kind: gradient, function: m^2 + b^2 + c m, variables: [m, b], params: {m: {int: [1, 3]}}}\n",
        encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "v.yaml")]) == 1
    assert capsys.readouterr().out.splitlines() == [  # x beside the variables u and v is a parameter as any other
        f"{tmp_path / 'v.yaml'}:3:79: exercise 'p': a parameter can't be named 'y': 'y' is a variable of the function{REPLACED}",
        f"{tmp_path / 'v.yaml'}:4:59: exercise 'g': a parameter can't be named 'y': 'y' is a variable of the function{REPLACED}",
        f"{tmp_path / 'v.yaml'}:6:84: exercise 'm': a parameter can't be named 'm': 'm' is a variable of the function{REPLACED}"]


def test_a_parameter_named_z_beside_a_function_of_x_and_y_is_told_what_z_is(tmp_path, capsys):
    """Outside check h57, R5: params {z: ...} beside a x^2 y was told "'z' is a variable of the function", which
    names no z: where the exercise lists no variables, z is the name of one all the same."""
    (tmp_path / "z.yaml").write_text(
        "pack: z\nexercises:\n  - {id: p, kind: partial_derivative, function: a x^2 y + z, wrt: x, "
        "params: {a: {int: [1, 3]}, z: {int: [1, 3]}}}\n"
        "  - {id: q, kind: partial_derivative, function: a x^2 y, wrt: x, params: {a: {int: [1, 3]}, z: {int: [1, 3]}}}\n",
        encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "z.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'z.yaml'}:3:97: exercise 'p': a parameter can't be named 'z': 'z' is a variable of the " \
           f"function{REPLACED}" in out
    assert f"{tmp_path / 'z.yaml'}:4:93: exercise 'q': a parameter can't be named 'z': 'z' is the name of a variable " \
           f"(x, y or z) where the exercise lists none under 'variables'{REPLACED}" in out


def test_maths_with_a_parameter_in_braces_is_told_to_name_it_alone(tmp_path, capsys):
    """Outside check h26, F6: `answer: "{2a} x"` got "'answer' can't be read: unexpected 'x'" alone."""
    (tmp_path / "b.yaml").write_text(
        "pack: b\nexercises:\n  - {id: f, kind: derivative, function: '{a} x^2', params: {a: {int: [1, 3]}}}\n"
        "  - {id: e, kind: expression, prompt: 'd/dx of {a} x^2?', expected: '{2a} x', params: {a: {int: [1, 3]}}}\n"
        "  - {id: d, kind: derivative, function: a x^2, answer: '{2a} x', params: {a: {int: [1, 3]}}}\n"
        "  - {id: m, kind: derivative, function: a x^2, mistakes: [{answer: '{a} x', feedback: 'Not halved.'}],"
        " params: {a: {int: [1, 3]}}}\n",
        encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "b.yaml")]) == 1
    alone = "; in maths a parameter is written by its name alone ({a} shows its value in a text): "
    assert [line.partition(": exercise ")[2] for line in capsys.readouterr().out.splitlines()] == [
        f"'f': 'function' can't be read: unexpected 'x'{alone}a x^2",
        f"'e': 'expected' can't be read: unexpected 'x'{alone}(2a) x",
        f"'d': 'answer' can't be read: unexpected 'x'{alone}(2a) x",
        f"'m': the mistake '{{a}} x' can't be read: unexpected 'x'{alone}a x"]  # outside check h28, N5


EMPTY_REGION_DRAWN = """\
pack: reg
exercises:
  - id: e
    kind: critical_points
    function: x^2 + y^2
    region: 0 <= x <= a
    params: {a: {int: [-2, 2]}}
"""


def test_a_region_a_draw_empties_names_the_draw(tmp_path, capsys):
    # "Find all critical points ... in the region 0 ≤ x ≤ -2", answer ∅, was shown and the pack valid
    (tmp_path / "reg.yaml").write_text(EMPTY_REGION_DRAWN, encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "reg.yaml")]) == 1
    assert capsys.readouterr().out == (f"{tmp_path / 'reg.yaml'}:6:13: exercise 'e': with a = -2, the region "
                                       "0 ≤ x ≤ -2 has no points\n")
    assert main(["pack", "show", str(tmp_path / "reg.yaml"), "--seed", "3"]) == 1
    assert capsys.readouterr().out.endswith(
        "exercise 'e' can't be set: with a = -2, the region 0 ≤ x ≤ -2 has no points; it is not graded for this draw\n")


@pytest.mark.parametrize("require, message", [
    ("a = 3", "'a = 3' is not a condition like a != p (equal is written ==)"),
    ("a > x", "unknown name 'x': a condition uses only the parameters (a and p)"),
    ("A > 2", "unknown name 'A'; names are case-sensitive: did you mean 'a'?"),
])
def test_a_require_that_cant_be_read_says_how_to_write_it(tmp_path, capsys, require, message):
    path = tmp_path / "pack.yaml"
    path.write_text(EXERCISE + "    function: a x^p\n    params: {a: {int: [2, 4]}, p: {int: [2, 4]}}\n"
                    f'    require: "{require}"\n', encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}:7:14: exercise 'a': 'require' can't be read: {message}\n"


@pytest.mark.parametrize("exercise, prompt", [
    # finding 74: written with /10, shown with /10, as `tutor solve minimize "cos(x) + x^2/10"` writes it
    ({"kind": "minimize", "function": "cos(x) + x^2/10"},
     "Find an x that minimises f(x) = cos(x) + x²/10 (to 4 decimal places)."),
    ({"kind": "derivative", "function": "x^3/100 - x/10"}, "d/dx of f(x) = x³/100 - x/10"),
    ({"kind": "tangent_plane", "function": "x^2/10 + y^2/4", "at": [1, 2]},
     "Find the tangent plane to z = x²/10 + y²/4 at (1, 2) (an equation in x, y and z)."),
    # a pack that writes decimals keeps them
    ({"kind": "minimize", "function": "cos(x) + 0.1x^2"},
     "Find an x that minimises f(x) = cos(x) + 0.1x² (to 4 decimal places)."),
    ({"kind": "gradient_descent", "function": "x^2/10", "start": [1], "rate": 0.5, "iterations": 1},
     "Gradient descent on f(x) = 0.1x² from x₀ = 1 with learning rate α = 0.5: what is x₁, the point after 1 "
     "iteration? (to 4 decimal places)"),
])
def test_a_function_is_shown_with_the_fractions_its_author_wrote(tmp_path, exercise, prompt):
    document = _pack(id="a", **exercise)
    assert packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path).exercise("a").variant().prompt() == prompt


def test_a_placeholder_in_a_function_name_is_filled_as_in_other_texts(tmp_path, capsys):
    """`name:` is read in the prompt: {a} shows the parameter's value (g_a, with no braces, is a name)."""
    path = tmp_path / "pack.yaml"
    path.write_text("pack: nb\nexercises:\n"
                    "  - id: t3\n    kind: derivative\n    function: a x^2\n    name: g_{a}\n"
                    "    params: {a: {int: [1, 3]}}\n"
                    "  - id: t5\n    kind: derivative\n    function: a x^2\n    name: g_a\n"
                    "    params: {a: {int: [1, 3]}}\n", encoding="utf-8")
    assert main(["pack", "show", str(path), "--seed", "0"]) == 0
    shown = capsys.readouterr().out
    drawn = packs.load(path).exercises[0].drawn(0).params[0][1]
    assert f"d/dx of g_{drawn}(x) = {'' if drawn == 1 else drawn}x²" in shown
    assert "d/dx of g_a(x) = " in shown


def test_a_placeholder_in_a_function_name_that_is_no_parameter_is_refused(tmp_path, capsys):
    path = tmp_path / "pack.yaml"
    path.write_text("pack: nb\nexercises:\n  - id: t4\n    kind: gradient\n    function: x^2 + y^2\n"
                    "    at: [1, 2]\n    name: h{q}\n", encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out == (f"{path}:7:11: exercise 't4': 'name': '{{q}}' shows a parameter, but the "
                                       "exercise has none; write '{{' and '}}' for braces that are part of the text\n")


@pytest.mark.parametrize("function, column, misspelt, meant", [
    ("sinn(x) y", 49, "sinn", "sin"),  # was f(x, y, n) = xy·sin(n), and the pack valid
    ("expp(x y)", 49, "expp", "exp"),
    ("sqr(x) + y^2", 49, "sqr", "sqrt"),
    ("x^2 + y^2 + lg(x)", 49, "lg", "log"),  # the column of the field, as for any problem reading it
    ("Sin(x) + y^2", 49, "Sin", "sin"),
])
def test_a_misspelt_function_in_a_pack_is_refused_where_it_is(tmp_path, capsys, function, column, misspelt, meant):
    from pack_files import pack_file
    pack = pack_file(tmp_path, f"{{id: a, kind: partial_derivative, function: {function}, wrt: x}}")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out == (
        f"{pack}:3:{column}: exercise 'a': 'function' can't be read: unknown function '{misspelt}'; did you mean "
        f"'{meant}'? (for a product, put a space or a * before the bracket)\n")


@pytest.mark.parametrize("function", ["xy(1 - x - y)", "x sin(x) y", "a(x - 1)^2 y"])
def test_a_product_before_a_bracket_in_a_pack_is_still_a_product(tmp_path, capsys, function):
    from pack_files import pack_file
    pack = pack_file(tmp_path, f"{{id: a, kind: partial_derivative, function: {function}, wrt: x, "
                               "params: {a: {int: [1, 3]}}}")
    assert main(["pack", "validate", str(pack)]) == 0


def test_a_problem_one_value_of_the_range_is_free_of_names_the_draw(tmp_path, capsys):
    # outside check: told without a draw, as if (0, 0) were never critical; at a = 0 it is
    from pack_files import pack_file
    pack = pack_file(tmp_path, "id: c\n    kind: classify_point\n    function: x^2 + y^2 - a x\n    at: [0, 0]\n"
                               "    params: {a: {int: [0, 2]}}")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out == (f"{pack}:6:9: exercise 'c': with a = 1, this point is not a critical point "
                                       "(the gradient is not zero there)\n")


def test_an_exercise_with_a_broken_text_is_checked_on_its_variants_once_mended(tmp_path, capsys):
    # outside check h71, F6: the docs said every problem of the file in one run; an exercise whose structure is broken
    # is skipped for the rest, and what its variants show is told in the run after it is mended (the docs say so now)
    pack = ("pack: b\nexercises:\n  - {id: a, kind: derivative, title: 'Derivative of {a} x^{TITLE}', function: a x^p,"
            " params: {a: {int: [2, 9]}, p: {int: [2, 5]}}, answer: a p x^(q-1)}\n"
            "  - {id: b, kind: derivative, function: x^2, answer: 3x}\n")
    status, said = _validated(tmp_path, capsys, pack.replace("TITLE", "q"))
    assert status == 1 and [line.split(": ", 2)[1:] for line in said.splitlines()] == [
        ["exercise 'a'", "'title': '{q}' uses 'q', which is not a parameter (a, p); write '{{' and '}}' for braces "
                         "that are part of the text"],
        ["exercise 'b'", "the given answer does not agree with the computed one (2x): At x = 1 your answer is 3, "
                         "but the correct value is 2."]]
    status, said = _validated(tmp_path, capsys, pack.replace("TITLE", "p"))
    assert status == 1 and "exercise 'a': 'answer' can't be read: unknown name 'q'" in said
