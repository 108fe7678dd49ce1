"""`tutor check`: verdicts, exit codes, JSON and batches."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from pack_files import pack_file

from tutor.cli import main


def test_correct_answer_exit_0(capsys):
    assert main(["check", "6xy^3", "--expected", "6*x*y**3"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: 6xy³\n"


def test_incorrect_answer_exit_1(capsys):
    assert main(["check", "6xy^2", "--expected", "6*x*y**3"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("incorrect\nAt x = 1, y = 2 your answer is 24, but the correct value is 48.")


def test_invalid_answer_exit_3_with_caret(capsys):
    assert main(["check", "6 x z^2", "--expected", "6xy^3", "--vars", "x,y"]) == 3
    assert capsys.readouterr().out == (
        "invalid\n6 x z^2\n    ^\nUnknown name 'z' (the variables are x and y).\n")


def test_an_answer_too_long_is_not_echoed_in_full(capsys):
    # finding 314: all 100,000 characters came back, over a caret line of 1,000 spaces
    assert main(["check", "x" * 100_000, "--expected", "x"]) == 3
    assert capsys.readouterr().out == (
        f"invalid\n…{'x' * 72}…\n{' ' * 37}^\nThe answer is too long (the limit is 1000 characters).\n")


def test_json(capsys):
    assert main(["check", "0.1447", "--expected", "0.14474", "--tol", "dp:4", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {"verdict": "correct", "note": "within_tolerance",
                      "message": "Correct (to 4 decimal places).", "reading": "0.1447",
                      "column": None, "credit": 1.0}


def test_shape_option(capsys):
    assert main(["check", "max", "--expected", "minimum", "--shape", "label"]) == 1
    assert "incorrect" in capsys.readouterr().out


def test_bad_expected_is_a_usage_error(capsys):
    assert main(["check", "x", "--expected", "1/0"]) == 2
    assert capsys.readouterr().err == "tutor: --expected can't be used: division by zero\n"


def test_a_batch_line_with_an_id_carries_its_line_too(tmp_path, capsys):
    """Outside check h64, F10: blank lines are skipped, and an id the file chose may repeat: the line pairs them."""
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "x", "answer": "2x", "expected": "2x"}\n\n{"id": "x", "answer": "x", "expected": "2x"}\n',
                     encoding="utf-8")
    assert main(["check", "--batch", str(batch)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["id"], o["line"], o["verdict"]) for o in out] == [("x", 1, "correct"), ("x", 3, "incorrect")]


def test_batch_keeps_order_and_survives_bad_lines(monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "answer": "2x", "expected": "2*x"}),
        "{not json",
        json.dumps({"id": "c", "answer": "(4, 7)", "expected": "(4, 6)"}),
        json.dumps({"id": "d", "expected": "x"}),
        json.dumps({"id": "e", "answer": "x^", "expected": "x", "vars": "x"}),
    ]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    assert main(["check", "--batch", "-"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("id", r.get("line")) for r in out] == ["a", 2, "c", "d", "e"]
    assert out[0]["verdict"] == "correct"
    assert out[1]["error"].startswith("line 2: not a JSON object")
    assert (out[2]["verdict"], out[2]["credit"]) == ("incorrect", 0.5)
    assert out[3]["error"] == "line 4: 'answer' is missing or not a string"
    assert (out[4]["verdict"], out[4]["note"]) == ("invalid", "parse_error:missing_operand")


def test_batch_skips_a_blank_line_and_numbers_the_rest_as_read(monkeypatch, capsys):
    """Outside check h62, F6: a blank line got no output, where the docs said one per line; skipped, as JSON Lines
    readers skip one, and said so, each output carrying its line's number."""
    _stdin(monkeypatch, b'{"answer": "2x", "expected": "2x"}\n\n   \n{"answer": "x", "expected": "2x"}\n')
    assert main(["check", "--batch", "-"]) == 0
    assert [json.loads(line)["line"] for line in capsys.readouterr().out.splitlines()] == [1, 4]


def test_batch_echoes_ids_with_lone_surrogates_and_refuses_numbers_json_has_not(monkeypatch, capsys):
    # outside check: a lone surrogate in an id ended the batch with exit 70, and no later line got a verdict;
    # 1e400 and NaN were echoed as Infinity and NaN, which strict JSON readers refuse
    lines = ['{"id": "\\ud800", "answer": "2x", "expected": "2x"}',
             '{"id": 2, "answer": "2x", "expected": "2x", "tol": "dp:\\ud800"}',
             '{"id": 1e400, "answer": "2x", "expected": "2x"}',
             '{"id": NaN, "answer": "2x", "expected": "2x"}',
             '{"id": 5, "answer": "2x", "expected": "2x"}']
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    assert main(["check", "--batch", "-"]) == 1
    written = capsys.readouterr().out
    out = [json.loads(line) for line in written.splitlines()]  # every line JSON, read back as it was sent
    assert (out[0]["id"], out[0]["verdict"]) == ("\ud800", "correct")
    assert out[1]["error"].endswith("not 'dp:\ud800'")
    assert [r["error"] for r in out[2:4]] == [
        f"line {n}: the id has a number JSON can't give back (NaN, or past 1e308); write it in quotes" for n in (3, 4)]
    assert (out[4]["id"], out[4]["verdict"]) == (5, "correct")


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_batch_survives_bytes_that_are_not_utf8_deep_nesting_long_lines_and_twice_given_keys(
        monkeypatch, capsys):
    good = json.dumps({"answer": "2x", "expected": "2*x"}).encode()
    lines = [
        good,
        b'{"answer": "2x\xff\xfe", "expected": "2*x"}',  # not UTF-8
        good,
        b"[" * 50_000 + b"]" * 50_000,  # nested far past Python's recursion limit
        good,
        b'{"answer": "' + b"x" * 200_000 + b'", "expected": "x"}',  # longer than a line may be
        good,
        b'{"answer": "2x", "answer": "3x", "expected": "2*x"}',
        good,
        b'{"answer": ' + b"9" * 4301 + b', "expected": "2*x"}',  # more digits than int() takes: was exit 70
        good,
    ]
    _stdin(monkeypatch, b"\n".join(lines))  # and no newline at the end
    assert main(["check", "--batch", "-"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in out] == list(range(1, 12))
    assert [r.get("verdict") for r in out[::2]] == ["correct"] * 6
    assert out[1]["error"] == "line 2: not UTF-8 text (byte 15 of the line)"
    assert out[3]["error"] == "line 4: not a JSON object: it is nested too deeply"
    assert out[5]["error"] == "line 6: the line is longer than 131,072 bytes"
    assert out[7]["error"] == "line 8: not a JSON object: 'answer' is given twice"
    assert out[9]["error"] == "line 10: a number in it is too long"


def test_batch_tells_a_misspelt_key_the_expected_answer_s_faults_a_bom_and_a_line_without_end(monkeypatch, capsys):
    """An outside attacker: "tolerance" for "tol" was left out and the verdict changed without a word; an
    expected answer that can't be read was told as the answer's fault ("the answer is empty"), as was a name
    --vars leaves out; a BOM got Python's "decode using utf-8-sig"; a stream with no newline was read for
    ever before its line's error was said. A key of the line's own data (a suite's "source") is left alone."""
    lines = [b'\xef\xbb\xbf{"id": 1, "answer": "0.3333", "expected": "1/3", "tolerance": "dp:4"}',
             b'{"id": 2, "answer": "x", "expected": "x", "Vars": "x"}',
             b'{"id": 3, "answer": "x", "expected": "x", "source": "KAS", "equal": true}',
             b'{"id": 4, "answer": "x", "expected": "   "}',
             b'{"id": 5, "answer": "x - 2", "expected": "x - 2", "vars": "x y"}',
             # a BOM past the start, a comma left out, a line cut short: the decoder's words, in a sentence (h40, F9)
             b'\xef\xbb\xbf{"id": 6, "answer": "x", "expected": "x"}',
             b'{"id": 7, "answer": "x" "expected": "x"}',
             b'{"id": 8, "answer": "x",', b"{'answer': \"2x\", \"expected\": \"2x\"}"]
    _stdin(monkeypatch, b"\n".join(lines) + b"\n")
    assert main(["check", "--batch", "-"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("error", r.get("verdict")) for r in out] == [
        "line 1: unknown key 'tolerance'; did you mean 'tol'?", "line 2: unknown key 'Vars'; did you mean 'vars'?",
        "correct", "line 4: 'expected' can't be used: the answer is empty",
        "line 5: 'expected' can't be used: it uses x, which is not among the variables given (x y)",
        "line 6: not a JSON object: a byte order mark (U+FEFF) at column 1, which only the start of a file may have; "
        "take it out", "line 7: not a JSON object: a ',' is missing at column 25",
        "line 8: not a JSON object: the line ends at column 25 before the document does; is it complete?",
        # outside check h44, N6: "not a JSON object (a key in double quotes is expected at column 2 (JSON takes ...))"
        "line 9: not a JSON object: a text in single quotes at column 2; JSON takes double quotes: \"like this\""]
    assert main(["check", "x - 2", "--expected", "x - 2", "--vars", "x y"]) == 2
    assert capsys.readouterr().err == ("tutor: --expected can't be used: it uses x, which is not among the variables "
                                       "given (x y)\n")


class _Zeros(io.RawIOBase):
    """A stream of zero bytes with no newline, as /dev/zero is (cut off far past a line's limit, for the test)."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        assert self.given < 10**7, "read on past the line's limit before saying so"
        buffer[:] = bytes(len(buffer))
        self.given += len(buffer)
        return len(buffer)


def test_a_batch_line_without_end_is_told_at_its_limit():
    from tutor.check import check_lines
    assert next(iter(check_lines(io.BufferedReader(_Zeros())))) == {
        "line": 1, "error": "line 1: the line is longer than 131,072 bytes"}


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "tutor", "check", "2x", "--expected", "2x"],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout.splitlines()[0]) == (0, "correct")


@pytest.mark.parametrize("typed, exercise, reading", [
    ("(2x, 2y).", "gradient-x2y2", "(2x, 2y)"),
    ("(0, 0).", "critical-x2y2", "{(0, 0)}"),
    ("0.1447.", "descent-1d-step-1", "0.1447"),
    ("z = 4x + 8y - 20 .", "tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("6xy^3.", "partial-x-3x2y3", "6xy³"),
])
def test_a_full_stop_ending_the_answer_is_punctuation(capsys, typed, exercise, reading):
    # before, all but the last were refused: 'A dot must be part of a number' ('A number has one decimal point')
    assert main(["check", typed, "--exercise", f"gradients:{exercise}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("correct\n") and out.endswith(f"read as: {reading}\n")


@pytest.mark.parametrize("typed, exercise, reading", [
    # finding 381: as the steps write the value (1.1309…) and as students mark it approximate
    ("x ≈ 1.1309", "local-minima-1d-end", "1.1309"),
    ("≈ 1.1309", "local-minima-1d-end", "1.1309"),
    ("~1.1309", "local-minima-1d-end", "1.1309"),
    ("x ~ 1.1309", "local-minima-1d-end", "1.1309"),
    ("1.1309…", "local-minima-1d-end", "1.1309…"),
    ("1.1309...", "local-minima-1d-end", "1.1309…"),
    ("1.1309….", "local-minima-1d-end", "1.1309…"),
    ("x ≈ -1.3008 or x ≈ 1.1309", "local-minima-1d", "x = -1.3008, x = 1.1309"),
    ("-1.3008… and 1.1309…", "local-minima-1d", "x = -1.3008…, x = 1.1309…"),
    ("(≈0.5057, ≈0.6047)", "descent-heat-step-1", "(0.5057, 0.6047)"),
    ("x₁ ≈ 0.5057, y₁ ≈ 0.6047", "descent-heat-step-1", "(0.5057, 0.6047)"),
    ("(0.5056…, 0.6046…)", "descent-heat-step-1", "(0.5056…, 0.6046…)"),  # (0.50567, 0.604675) cut
])
def test_an_approximate_value_may_be_marked_with_an_ellipsis_or_approx_sign(capsys, typed, exercise, reading):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect (to 4 decimal places).\nread as: {reading}\n"


def test_a_name_before_an_approx_sign_is_quoted_as_typed(capsys):
    assert main(["check", "--exercise", "gradients:descent-1d-step-1", "--", "x₂ ≈ 0.1447"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == "Write just 0.1447, without 'x₂ ≈'."


def test_a_fitted_line_marked_approximate_is_the_line(capsys):
    """y ≈ … is the line y = … (it was told to drop 'y ≈', as if the line could not be written)."""
    assert main(["check", "--exercise", "drills:ls-advertising", "--student", "s01", "y ≈ 0.0612x + 7.982"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "incorrect", "The 7.982 in your y is right to 3 decimal places; give it to 4 decimal places.",
        "read as: y = 0.0612x + 7.982"]


def test_a_cut_decimal_is_judged_by_the_tolerance_like_any_other(capsys):
    assert main(["check", "--exercise", "gradients:local-minima-1d-end", "1.13…"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == ("Your answer 1.13… is right to 2 decimal places; give it to 4 "
                                                       "decimal places.")


@pytest.mark.parametrize("typed, expected, tolerance, verdict", [
    # finding 393: the digits of a cut decimal begin the value; the next digit may be 5 or more (e = 2.71828…)
    ("2.7182…", "e", "dp:4", "correct\nCorrect (to 4 decimal places).\nread as: 2.7182…"),
    ("1.7320…", "sqrt(3)", "dp:4", "correct\nCorrect (to 4 decimal places).\nread as: 1.7320…"),
    ("x = -1.30083…", "x = -1.3008395659", "dp:5", "correct\nCorrect (to 5 decimal places).\nread as: x = -1.30083…"),
    ("2.7182", "e", "dp:4", "incorrect\nYour answer 2.7182 is the correct value cut off after 4 decimal places: round "
                            "it instead (the next digit decides the last).\nread as: 2.7182"),  # without the …
    ("2.7183…", "e", "dp:4", "incorrect\nYour answer 2.7183… is not right to 4 decimal places.\nread as: 2.7183…"),
])
def test_a_cut_decimal_is_read_as_cut_not_rounded(capsys, typed, expected, tolerance, verdict):
    main(["check", "--expected", expected, "--tol", tolerance, "--", typed])
    assert capsys.readouterr().out == verdict + "\n"


@pytest.mark.parametrize("exercise, typed, said", [
    # finding 431: every digit right but the sign (the lesson's own slide drops one): not "not right to 4 places",
    # which sends the student to digits that are right
    ("descent-heat-gradient", "(0.1134, -0.0935)",
     "Your ∂T/∂x 0.1134 has the wrong sign: its size is right to 4 decimal places."),
    ("descent-heat-gradient", "(-0.1134, 0.0935)",
     "Your ∂T/∂y 0.0935 has the wrong sign: its size is right to 4 decimal places."),
    ("descent-1d-slope", "18.9", "Your answer 18.9 has the wrong sign: its size is right to 1 decimal place."),
    ("local-minima-1d-global", "1.3008", "Your answer 1.3008 has the wrong sign: its size is right to 4 decimal places."),
    ("gradient-x2y2-at-2-3", "(-4, 6)", "Your ∂f/∂x -4 has the wrong sign."),
    ("descent-heat-gradient", "(-0.1135, -0.0935)", "Your ∂T/∂x -0.1135 is not right to 4 decimal places."),
])
def test_a_number_right_but_for_its_sign_is_told_so(capsys, exercise, typed, said):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 1
    assert capsys.readouterr().out.splitlines()[1] == said


def test_a_number_right_but_for_its_sign_that_a_mistake_gives_is_told_the_mistake(capsys):
    # f = x² - 8x at -2: f′ = -12; 12 is also 2x - 8x there: the mistake is named, as check.md says (outside check
    # h78, N3 found the page saying the sign is always told)
    assert main(["check", "--exercise", "drills:d-at-point", "--student", "ann", "--", "12"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like you left 8x as it is instead of differentiating it. The derivative of -8x is -8.")


@pytest.mark.parametrize("typed, said", [
    # -0.09 has one significant digit, as likely a guess alone, but is rounded to 2 places as the -0.11 beside it
    # is: said so too, where it was "not right to 4 decimal places" (outside check h65, F11)
    ("(-0.11, -0.09)", "Your ∂T/∂x and ∂T/∂y are right to fewer decimal places than asked; give them to 4 decimal "
                       "places."),
    ("(-0.113, -0.09)", "Your ∂T/∂x -0.113 is right to 3 decimal places; give it to 4 decimal places. Your ∂T/∂y "
                        "-0.09 is not right to 4 decimal places."),
    ("(-0.11, -0.08)", "Your ∂T/∂x -0.11 is right to 2 decimal places; give it to 4 decimal places. Your ∂T/∂y "
                       "-0.08 is not right to 4 decimal places."),
])
def test_a_component_of_one_digit_is_rounded_as_one_beside_it_of_as_many_places(capsys, typed, said):
    assert main(["check", "--exercise", "gradients:descent-heat-gradient", "--", typed]) == 1
    assert capsys.readouterr().out.splitlines()[1] == said


@pytest.mark.parametrize("exercise, typed, said", [
    # a blind corpus's "truncated" answers, as equivalence.md says them: the cost 65513/24000 = 2.7297…, and 25/6
    ("tv-mean-cost", "2.729", "Your answer 2.729 is the correct value cut off after 3 decimal places: round it "
                              "instead (the next digit decides the last)."),
    ("power-lines-cost", "4.16", "Your answer 4.16 is the correct value cut off after 2 decimal places: give it "
                                 "rounded, to 3 decimal places."),
    ("descent-heat-step-1", "(0.5056, 0.6047)", "Your x₁ 0.5056 is the correct value cut off after 4 decimal "
                                                "places: round it instead (the next digit decides the last)."),
    # each component cut off is said so: "Your y₁ is not right either" sent a student to redo it (outside check h18)
    ("descent-heat-step-1", "(0.5056, 0.6046)", "Your x₁ 0.5056 is the correct value cut off after 4 decimal "
                                                "places: round it instead (the next digit decides the last). Your y₁ "
                                                "is cut off too: round it as well."),
    ("descent-heat-step-1", "(0.5, 0.6046)", "Your x₁ 0.5 is not right to 4 decimal places. Your y₁ is the correct "
                                             "value cut off: round it."),
])
def test_a_number_cut_off_instead_of_rounded_is_told_so(capsys, exercise, typed, said):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 1
    assert capsys.readouterr().out.splitlines()[1] == said


@pytest.mark.parametrize("typed, caret", [
    ("1…", " ^"),  # no decimal
    ("1.1309…x", "      ^"),  # not where the value ends
    ("1.2… 5", "   ^"),  # never 1.2 times 5
])
def test_any_other_ellipsis_is_refused_with_what_to_type(capsys, typed, caret):
    assert main(["check", "--exercise", "gradients:local-minima-1d-end", "--", typed]) == 3
    assert capsys.readouterr().out == (f"invalid\n{typed}\n{caret}\n"
                                       "Write the number without the …, as far as you give it, like 1.1309.\n")


@pytest.mark.parametrize("typed, exercise, reading", [
    # finding 375: ∇f worked out one partial at a time, as the lesson does
    ("∂f/∂x = 2x, ∂f/∂y = 2y", "gradient-x2y2", "(2x, 2y)"),
    ("f_x = 2x, f_y = 2y", "gradient-x2y2", "(2x, 2y)"),
    ("∂f/∂y = 2y, ∂f/∂x = 2x", "gradient-x2y2", "(2x, 2y)"),
    ("df/dx = 2x, df/dy = 2y", "gradient-x2y2", "(2x, 2y)"),
    ("f_x(x, y) = 2x, f_y(x, y) = 2y", "gradient-x2y2", "(2x, 2y)"),
    ("∂f/∂x(2, 3) = 4, ∂f/∂y(2, 3) = 6", "gradient-x2y2-at-2-3", "(4, 6)"),
    ("f_y(2,3) = 6, f_x(2,3) = 4", "gradient-x2y2-at-2-3", "(4, 6)"),
    # an outside check: f_x = 2x, f_y = 2y was read, fx = 2x, fy = 2y refused as an unknown name
    ("fx=2x, fy=2y", "gradient-x2y2", "(2x, 2y)"),
    ("fy = 2y, fx = 2x", "gradient-x2y2", "(2x, 2y)"),
])
def test_a_gradient_may_be_written_part_by_part_after_the_partials_names(capsys, typed, exercise, reading):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("typed, shape, caret, said", [
    # finding 558: was "Write just 0, without '(x-4)^2+(y-4)^2 ='."; the example is no answer's, not (4, 4)
    ("(x-4)^2+(y-4)^2=0", "points", 15, "Write the point itself, like (1, 2), not an equation."),
    ("(x - 4)^2 + (y - 4)^2 = 0", "points", 22, "Write the point itself, like (1, 2), not an equation."),
    ("x + y = 8", "points", 6, "Write the point itself, like (1, 2), not an equation."),
    ("(x-4)^2+(y-4)^2=0", None, 15, "Write the point or vector itself, like (1, 2), not an equation."),
    ("2x = 8", None, 3, "Write the point or vector itself, like (1, 2), not an equation."),
    # a name before the answer is still told to be left out
    ("(x, y) = (4, 4)", "points", 0, "Write just (4, 4), without '(x, y) ='."),
    ("f(4, 4) = 0", "points", 0, "Write just 0, without 'f(4, 4) ='."),
])
def test_a_point_typed_as_an_equation_is_told_to_write_the_point(capsys, typed, shape, caret, said):
    assert main(["check", "--expected", "(4, 4)", *(["--shape", shape] if shape else []), "--", typed]) == 3
    assert capsys.readouterr().out.splitlines() == ["invalid", typed, " " * caret + "^", said]


def test_a_gradient_after_the_vector_of_its_parts_names_is_still_told_to_write_just_the_vector(capsys):
    assert main(["check", "--exercise", "gradients:gradient-x2y2", "--", "(f_x, f_y) = (2x, 2y)"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == "Write just (2x, 2y), without '(f_x, f_y) ='."


def test_a_gradient_part_by_part_is_judged_like_the_vector(capsys):
    assert main(["check", "--exercise", "gradients:gradient-x2y2", "--", "∂f/∂x = 2x, ∂f/∂y = 3y"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "At y = 1 your ∂f/∂y is 3, but the correct value is 2."


@pytest.mark.parametrize("typed, exercise, labels", [
    ("∂f/∂x = 2x", "gradient-x2y2", "∂f/∂x = …, ∂f/∂y = …"),  # one part only
    ("f_x = 2x, f_x = 2y", "gradient-x2y2", "∂f/∂x = …, ∂f/∂y = …"),  # one part twice
    ("∂f/∂x = 4, ∂f/∂y = 6", "gradient-x2y2-at-2-3", "∂f/∂x(2, 3) = …, ∂f/∂y(2, 3) = …"),  # the point left out
])
def test_a_gradient_part_by_part_that_cannot_be_read_is_told_how_to_write_it(capsys, typed, exercise, labels):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == (f"Write ∇f as one vector, like (∂f/∂x, ∂f/∂y), or each part "
                                                        f"after its name ({labels}).")


@pytest.mark.parametrize("typed, named", [("∂f/∂x(2, 4) = 4, ∂f/∂y(2, 4) = 6", "∂f/∂x(2, 4)"),
                                          ("∂f/∂x(2, 3) = 4, f_y(3,2) = 6", "f_y(3,2)")])
def test_gradient_parts_at_another_point_are_told_so(capsys, typed, named):
    # outside check h21, F4: they were told to write each part after its name, which they had
    assert main(["check", "--exercise", "gradients:gradient-x2y2-at-2-3", "--", typed]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == (f"'{named}' is at another point: the question asks for "
                                                        "∇f(2, 3), so write each part there (∂f/∂x(2, 3) = …, "
                                                        "∂f/∂y(2, 3) = …).")


@pytest.mark.parametrize("typed, reading", [("1.5.", "1.5"), ("1.", "1"), ("1.5 .", "1.5")])
def test_a_last_dot_after_a_decimal_is_never_a_second_decimal_point(capsys, typed, reading):
    assert main(["check", typed, "--expected", "1.5"]) in (0, 1)
    assert capsys.readouterr().out.endswith(f"read as: {reading}\n")


@pytest.mark.parametrize("typed, caret, message", [
    ("x..", 1, "A dot must be part of a number, like 0.5."),  # one full stop only
    ("1..", 2, "A number has one decimal point."),
    (".", 0, "The answer is empty."),
])
def test_more_than_one_last_dot_is_still_refused(capsys, typed, caret, message):
    assert main(["check", typed, "--expected", "x", "--vars", "x"]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


@pytest.mark.parametrize("typed, exercise, said, reading", [
    ("m = 1/2, b = 2 1/3", "power-lines-fit", "'2 1/3' was read as the mixed number 2 + 1/3 = 7/3", "(1/2, 7/3)"),
    ("4 1/6", "power-lines-cost", "'4 1/6' was read as the mixed number 4 + 1/6 = 25/6", "25/6"),
])
def test_a_mixed_number_is_read_as_one_and_the_verdict_says_so(capsys, typed, exercise, said, reading):
    # before: read as 2·(1/3) = 2/3, graded incorrect, and quoted as "Your b 2/3", a number never typed
    assert main(["check", typed, "--exercise", f"gradients:{exercise}"]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect. ({said}.)\nread as: {reading}\n"


def test_a_wrong_mixed_number_is_quoted_as_read_with_how_to_write_a_product(capsys):
    assert main(["check", "4 1/3", "--exercise", "gradients:power-lines-cost"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nYour answer 13/3 is not right. Note: '4 1/3' was read as the mixed number 4 + 1/3 = 13/3; "
        "for a product write 4·1/3.\nread as: 13/3\n")


@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("E = 25/6", "power-lines-cost", 0, "E alone is the whole cost, a function of m and b: write just 25/6, or E(1/2, 7/3) = 25/6."),  # was: Unknown name 'E'
    ("a = 0.05", "learning-rates-best", 0, "Write just 0.05, without 'a ='."),  # a is f's parameter, not the rate
    ("answer = 11", "stopping-1d", 0, "Write just 11, without 'answer ='."),  # n = 11 is the count (issue 50)
    # a name that is not the question's (T(0, y), ∂f/∂x are: finding 111) was: Unknown function 'T', The character '∂'
    ("T(1, y) = 85", "sauna-wall-temperature", 0, "Write just 85, without 'T(1, y) ='."),
    # the other partial's name: said so, not "write just" (outside check h20, F2)
    ("f_y = 6xy^3", "partial-x-3x2y3", 0, "'f_y' names the partial derivative with respect to y, and the question "
                                          "asks for ∂f/∂x. If 6xy^3 is ∂f/∂x, write just 6xy^3."),
    ("∂f/∂y = 6xy^3", "partial-x-3x2y3", 0, "'∂f/∂y' names the partial derivative with respect to y, and the "
                                            "question asks for ∂f/∂x. If 6xy^3 is ∂f/∂x, write just 6xy^3."),
    ("g = 6xy^3", "partial-x-3x2y3", 0, "Write just 6xy^3, without 'g ='."),
    ("  E = 25/6", "power-lines-cost", 2, "E alone is the whole cost, a function of m and b: write just 25/6, or E(1/2, 7/3) = 25/6."),
    # a name after the answer, as before it: was "Unknown name 'E'; … did you mean 'e'?" and "The character '∂' can't
    # be used here" (outside check h66, F7)
    ("25/6 = E", "power-lines-cost", 5, "E alone is the whole cost, a function of m and b: write just 25/6, or E(1/2, 7/3) = 25/6."),
    ("2.730 = E(0.05, 7)", "tv-mean-cost", 6, "Write just 2.730, without '= E(0.05, 7)'."),
    ("6xy^3 = ∂f/∂y", "partial-x-3x2y3", 6, "'∂f/∂y' names the partial derivative with respect to y, and the "
                                            "question asks for ∂f/∂x. If 6xy^3 is ∂f/∂x, write just 6xy^3."),
    ("6xy^3 = g", "partial-x-3x2y3", 6, "Write just 6xy^3, without '= g'."),
    # outside check: "Write just e^x - \\frac{1}{x}, …" kept the LaTeX it then refused
    ("\\frac{d}{dx} = e^x - \\frac{1}{x}", "hard-to-optimize-derivative", 0,
     "'\\frac{1}{x}' is LaTeX: write (1)/(x), without '\\frac{d}{dx} ='."),
])
def test_an_answer_after_its_own_name_is_told_to_drop_the_name(capsys, typed, exercise, caret, message):
    assert main(["check", typed, "--exercise", f"gradients:{exercise}"]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


@pytest.mark.parametrize("typed", ["α = 0.05", "alpha = 0.05", "α=0.05", "Alpha = 0.05.", "0.05"])
def test_the_best_rate_may_be_written_after_its_name_as_the_question_writes_it(capsys, typed):
    # finding 98: "α = 0.05" was "Write just 0.05, without 'α ='.", and scored 0 in tutor grade
    assert main(["check", typed, "--exercise", "gradients:learning-rates-best"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: 0.05\n"


@pytest.mark.parametrize("exercise, typed, reading", [
    ("ex-one-step", "x₁ = 2.4", "2.4"), ("ex-one-step", "x_1=2.4", "2.4"), ("ex-one-step", "x1 = 2.4", "2.4"),
    ("ex-cost-at-origin", "E(0, 0) = 38", "38"), ("ex-cost-at-origin", "E(0,0)=38", "38"),
    ("ex-descent-direction", "−∇f(1, 2) = (-2, -4)", "(-2, -4)"),
    ("ex-descent-direction", "-grad f(1,2) = (-2, -4)", "(-2, -4)"),
])
def test_an_author_names_an_expression_answer_and_it_may_be_written_after_that_name(capsys, exercise, typed, reading):
    # `answer_name:` in the pack; "x₁ = 2.4" was "Write just 2.4, without 'x₁ ='."
    assert main(["check", "--exercise", f"drills:{exercise}", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("exercise, typed, message", [
    ("ex-one-step", "x = 2.4", "Write just 2.4, without 'x ='."),  # x is the variable, x₁ the step's point
    ("ex-descent-direction", "∇f(1, 2) = (-2, -4)", "Write just (-2, -4), without '∇f(1, 2) ='."),
    ("ex-cost-at-origin", "E = 38", "Write just 38, without 'E ='."),  # E is the function, E(0, 0) its value
])
def test_only_the_name_the_author_gave_is_read_before_an_expression_answer(capsys, exercise, typed, message):
    assert main(["check", "--exercise", f"drills:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n^\n{message}\n"


def test_an_answer_name_is_checked_when_the_pack_is_read(tmp_path, capsys):
    pack = tmp_path / "named.yaml"
    pack.write_text("pack: named\ntitle: Named\nexercises:\n"
                    "  - {id: a, kind: expression, prompt: 'Tangent line?', expected: 'y = 2x', answer_name: y}\n"
                    "  - {id: b, kind: expression, prompt: 'x₁?', expected: '2', answer_name: 'x₁ = 2'}\n")
    assert main(["pack", "validate", str(pack)]) != 0
    err = "".join(capsys.readouterr())
    assert "an equation has no name before it: its left side is part of the answer" in err
    assert "'x₁ = 2' is not a name, like x₁ or E(0, 0)" in err


@pytest.mark.parametrize("typed", ["11 iterations", "11 steps", "k = 11", "n = 11", "k=11 iterations", "11 Iterations."])
def test_a_count_of_iterations_may_be_written_with_its_name_or_its_unit(capsys, typed):
    # issue 50: "11 iterations" was "Unknown name 'iterations' (the variable is x)", "k = 11" was "Write just 11,
    # without 'k ='"
    assert main(["check", "--exercise", "gradients:stopping-1d", "--", typed]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: 11\n"


@pytest.mark.parametrize("typed, caret", [("x = 11", 0), ("x=11", 0), (" x = 0.3069", 1)])
def test_a_count_of_iterations_is_not_a_value_of_the_variable(capsys, typed, caret):
    # issue 50: x = 11 was accepted as correct, though x is the point the descent reaches
    assert main(["check", "--exercise", "gradients:stopping-1d", "--", typed]) == 3
    assert capsys.readouterr().out == (
        f"invalid\n{typed}\n{' ' * caret}^\nx is the point, not the count: give the number of iterations, "
        "without 'x ='.\n")


def test_a_wrong_count_with_its_unit_is_still_named(capsys):
    assert main(["check", "--exercise", "gradients:stopping-1d", "--", "12 iterations"]) == 1
    assert capsys.readouterr().out.startswith("incorrect\nIt looks like you counted the last check as an iteration.")


def test_a_sentence_before_an_equals_sign_is_not_taken_for_a_name(capsys):
    # it was told "Write just 1/x has no solution, without 'no minimum, eˣ ='."
    assert main(["check", "no minimum, eˣ = 1/x has no solution", "--exercise", "gradients:hard-to-optimize-minimum"]) == 3
    assert "without 'no minimum" not in capsys.readouterr().out


@pytest.mark.parametrize("typed", ["x^9999 * y^9999", "y"])
def test_an_unknown_name_where_a_number_is_asked_does_not_offer_a_variable(capsys, typed):
    # outside check h53, N7: "Unknown name 'y' (the variable is x)", where `x` is told a number is expected
    assert main(["check", typed, "-e", "0.5", "--vars", "x", "--shape", "number"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == "Unknown name 'y': a number is expected here, without variables."


@pytest.mark.parametrize("typed, message", [
    ("x = 0.5671", "correct"),  # a variable's name is read, as before
    ("z = 4x + 8y - 20", "correct"),  # an equation's left side is part of it
])
def test_names_the_exercise_knows_are_still_read_before_an_equals_sign(capsys, typed, message):
    exercise = "hard-to-optimize-minimum" if typed.startswith("x") else "tangent-plane-x2y2"
    main(["check", typed, "--exercise", f"gradients:{exercise}"])
    assert capsys.readouterr().out.startswith(f"{message}\n")



def test_points_named_by_the_variables_are_told_to_drop_the_name(capsys):
    # before: "Only one '=' is allowed.", of an answer with one '='; one point so named is read (finding 428)
    assert main(["check", "(x, y) = (0, 0), (1, 1)", "--exercise", "gradients:critical-x2y2"]) == 3
    assert capsys.readouterr().out == ("invalid\n(x, y) = (0, 0), (1, 1)\n^\n"
                                       "Write just (0, 0), (1, 1), without '(x, y) ='.\n")
    assert main(["check", "x = 1 = 2", "--expected", "1", "--vars", "x"]) == 3
    assert capsys.readouterr().out.endswith("Only one '=' is allowed.\n")


@pytest.mark.parametrize("typed, exercise, reading", [
    ("m = 0.6984, b = 0.3376", "descent-power-lines", "(0.6984, 0.3376)"),  # was: 'Each component must be ...'
    ("b = 0.3376, m = 0.6984", "descent-power-lines", "(0.6984, 0.3376)"),  # in any order, as a fit's m and b
    ("x = 0.5057, y = 0.6047", "descent-heat-step-1", "(0.5057, 0.6047)"),
])
def test_a_descent_point_may_be_given_by_name(capsys, typed, exercise, reading):
    assert main(["check", typed, "--exercise", f"gradients:{exercise}"]) == 0
    assert capsys.readouterr().out.endswith(f"read as: {reading}\n")


def test_a_wrong_part_of_a_descent_point_is_called_as_the_prompt_calls_it(capsys):
    assert main(["check", "m = 0.7, b = 0.3376", "--exercise", "gradients:descent-power-lines"]) == 1
    assert capsys.readouterr().out.startswith("incorrect\nYour m₂ 0.7 is not right to 4 decimal places.\n")


def test_a_vector_whose_parts_have_no_names_says_to_write_it_without(capsys):
    assert main(["check", "x = 4, y = 6", "--exercise", "gradients:gradient-x2y2-at-2-3"]) == 3
    assert capsys.readouterr().out == (
        "invalid\nx = 4, y = 6\n  ^\nWrite the vector without names, in order, like (4, 6).\n")


@pytest.mark.parametrize("answer, verdict, message", [
    ("m = 0.0612, b = 7.9819", "correct", "Correct (to 4 decimal places)."),
    ("y = 0.0612x + 7.9819", "correct", "Correct (to 4 decimal places)."),  # the line's equation, as the prompt offers
    ("0.0612x - y + 7.9819 = 0", "correct", "Correct (to 4 decimal places)."),
    ("y = 0.0612x + 7.97", "incorrect", "The 7.97 in your y is not right to 4 decimal places."),
    ("0.0612x - y + 7.97 = 0", "incorrect",
     "Written for y, your equation is y = 0.0612x + 7.97. The 7.97 in your y is not right to 4 decimal places."),
    ("10000y = 612x + 79819", "correct", "Correct (to 4 decimal places)."),
    # judged as y = …, the question's form: times 0.0001 every line was within 4 places (outside check h66, F1)
    ("0.0001y = 0.0008", "incorrect", "Your m 0 is not right. Your b is not right either."),
    ("0.001y = 0.0001x + 0.008", "incorrect",
     "Written for y, your equation is y = 0.1x + 8. The 0.1 and 8 in your y are not right to 4 decimal places."),
])
def test_a_fit_to_decimal_data_takes_decimals_in_either_form(capsys, answer, verdict, message):
    # ls-advertising fits the advertising data: m = 492667/8051906, b = 321349067/40259530; the equation
    # was told to write b as a fraction while m = …, b = … was correct
    main(["check", answer, "--exercise", "drills:ls-advertising", "--student", "zoe"])
    assert capsys.readouterr().out.splitlines()[:2] == [verdict, message]


@pytest.mark.parametrize("answer, note, message", [
    # b = 7.98192…: each was "The 7.98 in your y is not right to 4 decimal places.", a wrong attempt
    ("y = 0.0612x + 7.98", "too_few_places", "The 7.98 in your y is right to 2 decimal places; give it to 4 "
                                             "decimal places."),
    ("y = 0.0612x + 7.982", "too_few_places", "The 7.982 in your y is right to 3 decimal places; give it to 4 "
                                              "decimal places."),
    ("0.0612x - y + 7.98 = 0", "too_few_places", "Written for y, your equation is y = 0.0612x + 7.98. The 7.98 in "
                                                 "your y is right to 2 decimal places; give it to 4 decimal places."),
    ("y = 0.061x + 7.982", "too_few_places", "The 0.061 and 7.982 in your y are right to fewer decimal places than "
                                             "asked; give them to 4 decimal places."),
    ("m = 0.061, b = 7.982", "too_few_places", "Your m and b are right to fewer decimal places than asked; give them "
                                               "to 4 decimal places."),  # the same judgement in either form
    ("y = 0.07x + 7.98", "wrong_value", "The 0.07 in your y is not right to 4 decimal places. The 7.98 is right to "
                                        "2 decimal places; give it to 4 decimal places."),
    # m = 0.0611864…: 0.06 has one significant digit, as likely a guess as a rounding
    ("y = 0.06x + 7.9819", "wrong_value", "The 0.06 in your y is not right to 4 decimal places."),
    # named components: "Your b is not right either." where b is right to 2 places
    ("m = 0.05, b = 7.98", "component_differs", "Your m 0.05 is not right to 4 decimal places. Your b 7.98 is right "
                                                "to 2 decimal places; give it to 4 decimal places."),
    # 0.06 of one digit beside 7.98 rounded to as many places: a rounding too (outside check h65, F11)
    ("m = 0.06, b = 7.98", "too_few_places", "Your m and b are right to fewer decimal places than asked; give them to "
                                             "4 decimal places."),
    ("m = 0.061, b = 8.5", "component_differs", "Your m 0.061 is right to 3 decimal places; give it to 4 decimal "
                                                "places. Your b 8.5 is not right to 4 decimal places."),
    # one component short and the other right: right but for rounding, as two short are (was component_differs)
    ("m = 0.0612, b = 7.98", "too_few_places", "Your b 7.98 is right to 2 decimal places; give it to 4 decimal "
                                               "places."),
])
def test_a_fit_right_to_fewer_places_than_asked_is_told_so_in_either_form(capsys, answer, note, message):
    assert main(["check", answer, "--exercise", "drills:ls-advertising", "--student", "zoe", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["verdict"], result["note"], result["message"]) == ("incorrect", note, message)


@pytest.mark.parametrize("answer, exercise, note, message", [
    # {(-1.04668, 0), (0.945649, 0)} for amy: was "(-1.05, 0), (0.95, 0) do not belong in the answer. 2 points
    # are missing."
    ("(-1.05, 0), (0.95, 0)", "drills:lm-valleys", "too_few_places",
     "(-1.05, 0) and (0.95, 0) are the right points rounded to 2 decimal places; give them to 4 decimal places."),
    # {(-1.0355787…, 0), (0.9601496…, 0)}: was "(0.96, 0) is close to one of the right points, but its x is not
    # right to 4 decimal places. (-1.04, 0) does not belong in the answer. 1 point is missing."
    ("(-1.04, 0), (0.96, 0)", "gradients:local-minima-2d", "too_few_places",
     "(-1.04, 0) and (0.96, 0) are the right points rounded to 2 decimal places; give them to 4 decimal places."),
    # was "(-1.04, 0) does not belong in the answer. 1 point is missing."
    ("(-1.04, 0), (0.9601, 0)", "gradients:local-minima-2d", "too_few_places",
     "(-1.04, 0) is one of the right points rounded to 2 decimal places; give it to 4 decimal places."),
    ("(-1.04, 0), (0.960, 0)", "gradients:local-minima-2d", "too_few_places",
     "(-1.04, 0) and (0.960, 0) are the right points rounded to fewer decimal places than asked; give them to 4 "
     "decimal places."),
    # rounded, and something else wrong: the rounded one said as rounded, the rest as before
    ("(-1.04, 0)", "gradients:local-minima-2d", "missing_point",
     "(-1.04, 0) is one of the right points rounded to 2 decimal places; give it to 4 decimal places. 1 point is "
     "missing."),
    ("(-1.04, 0), (3, 0)", "gradients:local-minima-2d", "extra_point",
     "(-1.04, 0) is one of the right points rounded to 2 decimal places; give it to 4 decimal places. (3, 0) does "
     "not belong in the answer. 1 point is missing."),
    ("(-1.04, 0), (0.9602, 0)", "gradients:local-minima-2d", "wrong_value",
     "(-1.04, 0) is one of the right points rounded to 2 decimal places; give it to 4 decimal places. (0.9602, 0) "
     "is close to one of the right points, but its x is not right to 4 decimal places."),
    # the only right value, off in its last digit, beside a wrong one: "the right value", not "one of the right
    # values" of a key that has one (was so)
    ("0.5670, 0.5672", "gradients:hard-to-optimize-minimum", "extra_point",
     "x = 0.5670 is close to the right value of x, but it is not right to 4 decimal places. x = 0.5672 does not "
     "belong in the answer."),
    # one significant digit is as likely a guess: not taken for a rounding
    ("(-1, 0), (0.9601, 0)", "gradients:local-minima-2d", "extra_point",
     "(-1, 0) does not belong in the answer. 1 point is missing."),
    # a single point, read as a vector, as before but now not a wrong attempt (was component_differs)
    ("(0.96, 0)", "gradients:local-minima-2d-end", "too_few_places",
     "Your first component 0.96 is right to 2 decimal places; give it to 4 decimal places."),
])
def test_right_points_rounded_to_fewer_places_are_told_so(capsys, answer, exercise, note, message):
    student = ["--student", "amy"] if exercise.startswith("drills:") else []
    assert main(["check", answer, "--exercise", exercise, *student, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["verdict"], result["note"], result["message"]) == ("incorrect", note, message)


def test_a_rounded_coefficient_where_exact_values_are_wanted_is_close(capsys):
    assert main(["check", "y = 0.5x + 2.3333", "--expected", "y = x/2 + 7/3"]) == 1  # no tolerance: exact wanted
    assert capsys.readouterr().out.splitlines()[1] == ("The 2.3333 in your y is close: the exact value is wanted; "
                                                       "write it as a fraction.")


@pytest.mark.parametrize("argv, said", [
    (["check", "-x", "--expected", "-x"],
     "tutor check: error: argument --expected/-e: expected one argument; a value that starts with '-' is "
     "joined to its option with '=': --expected=-x"),
    (["check", "-x", "--expected=-x"],
     "tutor: error: unrecognized arguments: -x; if -x is a value, not an option, put it last, after --: "
     "tutor check --expected=-x -- -x"),
    (["check", "--", "-x", "--expected=-x"],
     "tutor: error: unrecognized arguments: --expected=-x; everything after -- is read as a value, so options "
     "go before it"),
    # a value taken for an option leaves a required argument missing; the kind named as typed (h25, N12)
    (["solve", "rates", "-x^2", "--start", "0.1", "--rates", "0.1,0.01", "--iterations", "20"],
     "tutor solve rates: error: the following arguments are required: function; if -x^2 is a value, not an "
     "option, put it last, after --: tutor solve rates --start 0.1 --rates 0.1,0.01 --iterations 20 -- '-x^2'"),
    (["solve", "rates", "x^2", "--start", "-1", "--rates", "0.1"],  # -1 is a value: nothing to move
     "tutor solve rates: error: the following arguments are required: --iterations"),
    (["--debug", "solve", "partial", "-x^2", "--"],
     "tutor solve partial: error: the following arguments are required: function"),
])
def test_a_value_that_starts_with_a_minus_is_told_how_to_pass_it(capsys, argv, said):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == said


@pytest.mark.parametrize("argv, said", [
    (["pratice"], "tutor: error: unrecognized arguments: pratice; did you mean the command practice?"),
    (["grdae", "class.csv"], "tutor: error: unrecognized arguments: grdae class.csv; did you mean the command grade?"),
    (["--pack", "drills", "frob"], "tutor: error: unrecognized arguments: frob"),
])
def test_a_command_misspelt_is_told_the_command_meant(capsys, argv, said):
    """Outside check h14, F9: `tutor pratice` was read as practice's argument and only said unrecognized."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == said


def test_a_value_that_starts_with_a_minus_passes_as_the_hints_say(capsys):
    assert main(["check", "--expected=-x", "--", "-x"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: -x\n"
    assert main(["solve", "rates", "--start", "0.1", "--rates", "0.1", "--iterations", "2", "--", "-x^2"]) == 0
    assert capsys.readouterr().out.startswith("f(x) = -x²\n")


@pytest.mark.parametrize("answer, exercise, message", [
    ("0.567", "gradients:hard-to-optimize-minimum",  # W(1) = 0.567143…, asked to 4 places
     "Your answer 0.567 is right to 3 decimal places; give it to 4 decimal places."),
    ("0.568", "gradients:hard-to-optimize-minimum", "Your answer 0.568 is not right to 4 decimal places."),
    ("-1.30, 1.13", "gradients:local-minima-1d",
     "Your first minimum and second minimum are right to fewer decimal places than asked; give them to 4 "
     "decimal places."),
    ("(8, 13)", "gradients:gradient-x2y2-at-2-3",  # ∇f(2, 3) = (4, 6): both components wrong, both named
     "Your ∂f/∂x 8 is not right. Your ∂f/∂y is not right either."),
    # one slip made in each component (a factor 2 too many), said once
    ("(8, 12)", "gradients:gradient-x2y2-at-2-3", "Your ∂f/∂x and ∂f/∂y are each the correct one times 2."),
    ("(4x, 4y)", "gradients:gradient-x2y2", "Your ∂f/∂x and ∂f/∂y are each the correct one times 2."),
    # ∇T(0.5, 0.6) = (-0.1134…, -0.0935…) to 4 places: the factor holds to the tolerance
    ("(-0.2268, -0.187)", "gradients:descent-heat-gradient", "Your ∂T/∂x and ∂T/∂y are each the correct one times 2."),
    ("(-0.23, -0.19)", "gradients:descent-heat-gradient",
     "Your ∂T/∂x -0.23 is not right to 4 decimal places. Your ∂T/∂y is not right either."),
    # 2y is the right partial with the point not put in
    ("(4, 2y)", "gradients:gradient-x2y2-at-2-3",
     "Your ∂f/∂y: it looks like you gave ∂f/∂y without putting in (2, 3). The answer is its value there, a number."),
    # a wrong formula: not compared at some other point with the value at (2, 3)
    ("(2x + 1, 7)", "gradients:gradient-x2y2-at-2-3",
     "Your ∂f/∂x 2x + 1 still has x in it, but the right one is a number. Your ∂f/∂y is not right either."),
    # the components said in their order, whichever is wrong and whichever only rounded
    ("(-0.11, -0.08)", "gradients:descent-heat-gradient",
     "Your ∂T/∂x -0.11 is right to 2 decimal places; give it to 4 decimal places. Your ∂T/∂y -0.08 is not right "
     "to 4 decimal places."),
    # the exercise's point as its prompt writes it: f′(0.05) and ∇T(0.5, 0.6), not 1/20 and (1/2, 3/5)
    ("4.047", "gradients:descent-1d-slope",
     "It looks like you gave the value of f itself at 0.05. Differentiate first, then put in the point."),
    ("(-0.0935, -0.1134)", "gradients:descent-heat-gradient",
     "You get this answer if you swapped the components, or if you evaluated at (0.6, 0.5) instead of (0.5, 0.6). "
     "∇T lists the partial derivatives in the order of the variables: (∂T/∂x, ∂T/∂y). Here x = 0.5 and y = 0.6."),
])
def test_a_verdict_says_what_is_short_or_wrong_in_every_component(capsys, answer, exercise, message):
    assert main(["check", answer, "--exercise", exercise]) == 1
    assert capsys.readouterr().out.splitlines()[1] == message


@pytest.mark.parametrize("answer, expected, message", [
    ("(-4, -6)", "(4, 6)", "Your first and second components each have the wrong sign."),
    ("(2, 3, 1/2)", "(4, 6, 1)", "Your first, second and third components are each the correct one times 1/2."),
    ("(4, 12, 2)", "(4, 6, 1)", "Your second and third components are each the correct one times 2."),
    ("(x, y)", "(2x, 2y)", "Your first and second components are each the correct one times 1/2."),
    ("(-2x, 0)", "(2x, 0)", "At x = 1 your first component is -2, but the correct value is 2. Everywhere, only its "
                            "sign is wrong."),  # one component: said of it alone
    ("(8, 3y)", "(4, y)", "Your first component 8 is not right. Your second component is not right either."),
])
def test_components_wrong_by_one_factor_are_said_so_once(capsys, answer, expected, message):
    assert main(["check", "--expected", expected, "--vars", "x,y", answer]) == 1
    assert capsys.readouterr().out.splitlines()[1] == message


@pytest.mark.parametrize("answer, exercise, message", [
    # f′(0.05) = e^0.05 − 20 = −18.9487…, asked to 1 place: a whole number of two digits rounds it (finding 372)
    ("-19", "gradients:descent-1d-slope",
     "Your answer -19 is right to the nearest whole number; give it to 1 decimal place."),
    ("-019", "gradients:descent-1d-slope",
     "Your answer -19 is right to the nearest whole number; give it to 1 decimal place."),
    # a whole number is a decimal with no places under a tolerance, as -18.0 is (finding 440)
    ("-18", "gradients:descent-1d-slope", "Your answer -18 is not right to 1 decimal place."),
    ("-19.0", "gradients:descent-1d-slope", "Your answer -19.0 is not right to 1 decimal place."),
    ("-38/2", "gradients:descent-1d-slope", "Your answer -19 is not right."),  # worked out, not rounded
    # E(1/2, 7/3) = 25/6 = 4.1667…, asked to 3 places: one digit is as likely a guess
    ("4", "gradients:power-lines-cost", "Your answer 4 is not right to 3 decimal places."),
])
def test_a_whole_number_of_two_digits_or_more_is_a_rounding_to_the_nearest_whole_number(capsys, answer, exercise,
                                                                                          message):
    assert main(["check", "--exercise", exercise, "--", answer]) == 1
    assert capsys.readouterr().out.splitlines()[1] == message


def test_a_whole_number_rounding_a_decimal_key_is_said_so(capsys):
    assert main(["check", "--expected", "25.3", "--tol", "dp:2", "25"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == ("Your answer 25 is right to the nearest whole number; give it "
                                                       "to 2 decimal places.")


@pytest.mark.parametrize("typed, expected, base, reading", [
    # issue 43: read as 100 ln(10), x ln(10) and 8 ln(2), and graded incorrect
    ("log10(100)", "2", "10", "ln(100)/ln(10)"),
    ("log10(x)", "ln(x)/ln(10)", "10", "ln(x)/ln(10)"),
    ("log10 x", "ln(x)/ln(10)", "10", "ln(x)/ln(10)"),
    ("log2(8)", "3", "2", "ln(8)/ln(2)"),
    ("log2 x", "ln(x)/ln(2)", "2", "ln(x)/ln(2)"),
])
def test_log10_and_log2_are_the_logarithms_to_base_10_and_2(capsys, typed, expected, base, reading):
    assert main(["check", typed, "--expected", expected]) == 0
    assert capsys.readouterr().out == (
        f"correct\nCorrect. ('log{base}' was read as log_{base}, the logarithm to base {base}.)\nread as: {reading}\n")


def test_the_derivative_of_log_10_may_be_written_with_log10(capsys, tmp_path):
    pack = pack_file(tmp_path, "{id: d, kind: derivative, function: log_10(x)}")
    assert main(["check", "log10(e)/x", "--exercise", f"{pack}:d"]) == 0
    assert capsys.readouterr().out == (
        "correct\nCorrect. ('log10' was read as log_10, the logarithm to base 10.)\nread as: 1/(x ln(10))\n")


@pytest.mark.parametrize("typed, reading", [("10^400", "1e400"), ("10^25 x", "1e25·x"), ("25 * 10^29", "2.5e30"),
                                             ("10^20", "100000000000000000000"),
                                             ("123456789 * 10^30", "123456789" + "0" * 30)])
def test_a_whole_number_past_21_digits_is_read_as_a_power_of_ten_where_it_is_one(capsys, typed, reading):
    """Outside check h44, N7: `read as:` printed the 401 digits of 10^400, where the verdict said 1e400; a number of
    more than six significant digits is still written whole, and one of 21 digits or fewer too."""
    main(["check", typed, "--expected", "7x"])
    assert capsys.readouterr().out.splitlines()[-1] == f"read as: {reading}"


@pytest.mark.parametrize("function", ["sqrt(x) sqrt(x) + (x - 2)^2", "e^(ln(x)) + (x - 2)^2"])
def test_a_function_whose_domain_sympy_would_drop_keeps_it_in_the_check(capsys, tmp_path, function):
    """Outside check h44, N2: √x·√x and e^(ln x) have no value at -1 (answers.md), which the check, made in a worker,
    did not say: the function reached it as sympy evaluates it again, x."""
    pack = pack_file(tmp_path, f"{{id: m, kind: minimize, function: '{function}'}}")
    assert main(["check", "--exercise", f"{pack}:m", "--", "-1"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "Your answer -1 is not right. f has no value there, so it can't be where f is least.")


def test_a_minimum_that_is_a_root_of_a_cubic_in_the_root_of_x_can_be_set_and_graded(capsys, tmp_path):
    """Found with outside check h44's packs: √x + (x - 2)²'s minimum was written with sympy's re() and im() (the
    casus irreducibilis), and the exercise could not be set: "its own answer ... does not grade as correct: Unknown
    function 'im'". It is a root of 4u³ - 8u + 1 in u = √x, exactly."""
    pack = pack_file(tmp_path, "{id: m, kind: minimize, function: sqrt(x) + (x - 2)^2, tolerance: 'dp:4'}",
                     "{id: n, kind: minimize, function: sqrt(x) + (x - 2)^2}")
    assert main(["check", "--exercise", f"{pack}:m", "--", "1.8144"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Correct (to 4 decimal places)."
    # f's least value given for the x: named, as for a polynomial's (outside check h46, N7)
    assert main(["check", "--exercise", f"{pack}:m", "--", "1.3814"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like you gave the minimum value 1.38144 of f, not the x where it is reached.")
    assert main(["check", "--exercise", f"{pack}:n", "--", "1.8144"]) == 2
    assert capsys.readouterr().err == (
        "tutor: exercise 'n' can't be set: its answer, 1.8144…, has no exact form a student can type: give the "
        "exercise a tolerance, like 'tolerance: dp:4', so that decimals are graded\n")


@pytest.mark.parametrize("function, answer", [("x^4 - 3x^2 + x", "-1.3008, 0.1699, 1.1309"),
                                              ("sqrt(x) + (x - 2)^2", "0, 0.0159, 1.8144")])
def test_critical_points_with_no_radical_form_can_be_set_with_a_tolerance(capsys, tmp_path, function, answer):
    """Outside check h46, N1: the key of critical points that are roots with no radical form (the lesson's
    x⁴ − 3x² + x) was shown as x = 1.1309…, which no answer can hold: the exercise could not be set, whatever its
    tolerance ("Your answer could not be checked with certainty"). They are typed as decimals, as local_minima's;
    without a tolerance, the author is told to give one."""
    pack = pack_file(tmp_path, f"{{id: c, kind: critical_points, function: '{function}', tolerance: 'dp:4'}}",
                     f"{{id: d, kind: critical_points, function: '{function}'}}")
    assert main(["check", "--exercise", f"{pack}:c", "--", answer]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Correct (to 4 decimal places)."
    assert main(["check", "--exercise", f"{pack}:d", "--", answer]) == 2
    assert "has no exact form a student can type: give the exercise a tolerance" in capsys.readouterr().err


def test_the_critical_points_prompt_asks_for_an_end_of_the_domain_the_key_holds(capsys, tmp_path):
    """Outside check h46, N2: x² − 2x + 3√x's one critical point is x = 0, an end of its domain where f′ has no value;
    the prompt asked only for "each x where f′(x) = 0", of which there is none."""
    pack = pack_file(tmp_path, "{id: c, kind: critical_points, function: x^2 - 2x + 3 sqrt(x)}")
    assert main(["pack", "show", str(pack), "--answers"]) == 0
    assert capsys.readouterr().out.splitlines()[3:5] == [
        "   Find all critical points of f(x) = x² - 2x + 3√x: each x where f′(x) = 0, or an end of f's domain where f "
        "has a local minimum or maximum.", "   answer: x = 0"]


def test_the_derivative_of_an_absolute_value_in_a_mistake_is_written_plainly(capsys, tmp_path):
    """Outside check h44, N3: the term's right derivative was shown as sympy's raw "-2 Derivative(x, x)sign(x)/|x|"
    (|t|′ worked out for a complex t); it is what `tutor solve partial` says of ln|x|, sign(x)/|x|."""
    pack = pack_file(tmp_path, "{id: m, kind: minimize, function: x^2 - 2 ln(abs(x))}")
    assert main(["check", "--exercise", f"{pack}:m", "--", "0"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like you treated the term -2 ln(|x|) as a constant. It changes with x: the derivative of -2 ln(|x|) "
        "is -2 sign(x)/|x|, not 0. f has no value there, so it can't be where f is least.")


def test_log2x_is_still_the_logarithm_of_2x_and_the_note_says_how_to_write_a_base(capsys):
    assert main(["check", "log2x", "--expected", "ln(x)/ln(2)"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nAt x = 1 your answer is 0.693147, but the correct value is 0. Note: 'log2x' was read as "
        "log(2x); for the logarithm to base 2 write log_2(x).\nread as: ln(2x)\n")


@pytest.mark.parametrize("typed, expected, note, reading", [
    # issue 44: these were read so without a word
    ("e^-2x", "e^(-2x)", "'e^-2x' was read as e^-2·x; write e^(-2x) if all of it is the exponent", "xe⁻²"),
    ("x^1/2", "sqrt(x)", "'x^1/2' was read as (x^1)/2; write x^(1/2) if all of it is the exponent", "x/2"),
    ("x^-1/2", "x^(-1/2)", "'x^-1/2' was read as (x^-1)/2; write x^(-1/2) if all of it is the exponent", "1/(2x)"),
])
def test_an_exponent_that_stops_short_is_said(capsys, typed, expected, note, reading):
    assert main(["check", typed, "--expected", expected]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1].endswith(f" Note: {note}.") and out[2] == f"read as: {reading}"


def test_latex_braces_after_a_caret_group_the_exponent(capsys):
    # issue 44: "A list can't be used inside an expression."
    assert main(["check", "--expected=-2e^(-2x)", "--", "-2 e^{-2x}"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: -2e⁻²ˣ\n"


CP_PACK = """pack: p6
title: P6
exercises:
  - id: cp-sqrt
    kind: critical_points
    function: x^2 y - x^2 - y^2
  - id: cp-exp
    kind: critical_points
    function: x y e^(-x^2-y^2)
"""


@pytest.mark.parametrize("exercise, answer, message", [
    # was "(1.4142, 1), (-1.4142, 1) do not belong in the answer. 2 points are missing."
    ("cp-sqrt", "(1.4142, 1), (-1.4142, 1), (0, 0)",
     "(1.4142, 1) and (-1.4142, 1) are close to 2 of the right points, but exact values are expected."),
    # was "(0.7071, 0.7071), (-0.7071, -0.7071), (0.7071, -0.7071) do not belong in the answer. 4 points are
    # missing.": the fourth decimal point not named at all
    ("cp-exp", "(0.7071, 0.7071), (-0.7071, -0.7071), (0.7071, -0.7071), (-0.7071, 0.7071), (0, 0)",
     "(0.7071, 0.7071), (-0.7071, -0.7071), (0.7071, -0.7071) and (-0.7071, 0.7071) are close to 4 of the right "
     "points, but exact values are expected."),
])
def test_critical_points_typed_as_decimals_for_exact_values_are_close(capsys, tmp_path, exercise, answer, message):
    pack = tmp_path / "p6.yaml"
    pack.write_text(CP_PACK)
    assert main(["check", "--exercise", f"{pack}:{exercise}", "--", answer]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["incorrect", message]


FIT_PACK = """pack: p2
title: P2
exercises:
  - id: fit
    kind: least_squares
    data: [[0, 2], [1, 3], [2, 5], [3, 6]]
"""


@pytest.mark.parametrize("answer, reading", [
    ("(7/5, 19/10)", "(7/5, 19/10)"),  # was (7/5, 1.9)
    ("y = (14x + 19)/10", "y = 7x/5 + 19/10"),  # was y = 7x/5 + 1.9
    ("(1.4, 1.9)", "(1.4, 1.9)"),
    ("m = 1.4, b = 19/10", "(1.4, 1.9)"),  # decimals typed, each number terminates: all written as decimals
    ("y = 0.2(7x + 9.5)", "y = 1.4x + 1.9"),  # was y = 7x/5 + 1.9
])
def test_a_typed_fraction_is_read_back_as_a_fraction_and_numbers_alike(capsys, tmp_path, answer, reading):
    pack = tmp_path / "p2.yaml"
    pack.write_text(FIT_PACK)
    assert main(["check", "--exercise", f"{pack}:fit", "--", answer]) == 0
    assert capsys.readouterr().out.splitlines() == ["correct", "Correct.", f"read as: {reading}"]


def test_a_cost_step_and_its_key_are_written_alike(capsys):
    # zed's step is (11/10, 11/30): read as, and the key, were (1.1, 11/30)
    assert main(["check", "--exercise", "drills:cost-mean-step", "--student", "zed", "--", "(11/10, 11/30)"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "read as: (11/10, 11/30)"
    assert main(["pack", "show", "drills", "cost-mean-step", "--student", "zed", "--answers"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "   answer: (11/10, 11/30)"


@pytest.mark.parametrize("answer, expected, message", [
    ("19/10", "2", "Your answer 19/10 is not right."),  # was "Your answer 1.9 is not right."
    ("(7/5, 19/10)", "(7/5, 2)", "Your second component 19/10 is not right."),
    ("1.9", "2", "Your answer 1.9 is not right."),
])
def test_a_wrong_number_is_quoted_as_typed(capsys, answer, expected, message):
    assert main(["check", answer, "--expected", expected]) == 1
    assert capsys.readouterr().out.splitlines()[1] == message


@pytest.mark.parametrize("argv, out", [
    # issue 66: log10|x| was ln(10|x|) and sin2(x) sin(2)·x, without a word; sin⁡(x) from Word was refused
    (["log10|x|", "--expected", "ln(abs(x))/ln(10)"],
     "correct\nCorrect. ('log10' was read as log_10, the logarithm to base 10.)\nread as: ln(|x|)/ln(10)\n"),
    (["sin2(x)", "--expected", "sin(2x)"],
     "incorrect\nAt x = 2 your answer is 1.81859, but the correct value is -0.756802. Note: 'sin2(x)' was read as "
     "sin(2)·(x); write sin(2x) or sin^2(x) if that was meant.\nread as: x sin(2)\n"),
    (["sin\u2061(x)", "--expected", "sin(x)"], "correct\nCorrect.\nread as: sin(x)\n"),
    # issue 73: echoed as typed, not 0
    (["0.0000", "--expected", "0"], "correct\nCorrect.\nread as: 0.0000\n"),
    # finding 73: one number typed two ways, each echoed as typed (was 0.0 for both)
    (["--exercise", "gradients:local-minima-2d", "--", "(-1.04, 0.0), (0.96, 0.00)"],
     "incorrect\n(-1.04, 0.0) and (0.96, 0.00) are the right points rounded to 2 decimal places; give them to 4 "
     "decimal places.\nread as: {(-1.04, 0.0), (0.96, 0.00)}\n"),
    (["(0.50, 0.5)", "--expected", "(1/2, 1/2)"], "correct\nCorrect.\nread as: (0.50, 0.5)\n"),
    # finding 73: a large number in a message as the tutor writes one, not mpmath's 2.0e+309
    # (and the reading as the verdict writes it: outside check h44, N7)
    (["2*10^309", "--expected", "10^309"], "incorrect\nYour answer 2e309 is not right.\nread as: 2e309\n"),
    (["1.5*10^309 x", "--expected", "10^309 x"],
     "incorrect\nAt x = 1 your answer is 1.5e309, but the correct value is 1e309.\nread as: 1.5e309·x\n"),
])
def test_readings_said_and_echoed_as_typed(capsys, argv, out):
    main(["check", *argv])
    assert capsys.readouterr().out == out


@pytest.mark.parametrize("typed, exercise, reading", [
    # finding 99: told "Write just x/2 + 7/3, without 'f(x) ='", which then was "Unknown name 'x'"
    ("f(x) = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("ŷ = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("ŷ = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),  # y and a combining circumflex
    ("y(x) = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),  # was read as xy = x/2 + 7/3: incorrect
    ("g(x)=1/2 x+7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("f(x) = 0.0612x + 7.9819", "drills:ls-advertising", "y = 0.0612x + 7.9819"),
    ("ŷ(x) = 0.0612x + 7.9819", "drills:ls-advertising", "y = 0.0612x + 7.9819"),
])
def test_a_fitted_line_may_be_written_after_its_name(capsys, typed, exercise, reading):
    assert main(["check", "--exercise", exercise, "--", typed]) == 0
    assert capsys.readouterr().out.endswith(f"read as: {reading}\n")


def test_a_wrong_line_after_its_name_is_graded_as_the_line_it_is(capsys):
    assert main(["check", "--exercise", "gradients:power-lines-fit", "--", "y(x) = x/2 + 7/2"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\nYour b 7/2 is not right.\nread as: y = x/2 + 7/2\n")  # m right: b is named (finding 340)
    assert main(["check", "--exercise", "gradients:power-lines-fit", "--", "f(x) = x/2 + 7/3 + q"]) == 3
    assert capsys.readouterr().out == (  # the caret under q, as typed
        "invalid\nf(x) = x/2 + 7/3 + q\n                   ^\nUnknown name 'q' (the variables are x and y).\n")


@pytest.mark.parametrize("typed, exercise, reading", [
    # finding 105: "Unknown function 'L'", and for z(x,y) "A list can't be used inside an expression"
    ("L(x,y) = 20 + 4(x-2) + 8(y-4)", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("L(x, y) = 4x + 8y - 20", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("z(x,y) = 4x + 8y - 20", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("f(x, y) = 4x + 8y - 20", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("T(x,y)=4x+8y-20", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    # finding 99, what was left: "Write just x/2 + 7/3, without 'Y ='", then "Write the line as an equation"
    ("Y = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("y_hat = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),  # was "Unknown name 'y_hat'"
    ("yhat = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("y_hat(x) = x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    # outside check: the linearization written with ≈ was "Unknown function 'f'", though z ≈ … was read
    ("f(x,y) ≈ 4x + 8y - 20", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("L(x, y) ~ 20 + 4(x-2) + 8(y-4)", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("f(x) ≈ x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
])
def test_a_plane_or_a_line_may_be_written_after_any_name_for_it(capsys, typed, exercise, reading):
    assert main(["check", "--exercise", exercise, "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {reading}\n"


# the plane's slopes are right, its height not (finding 745: told so, where its values were told before)
AT_19 = ("It looks like you put the plane at the wrong height: at (2, 4) it gives z = 19, not f(2, 4) = 20. The slopes "
         "are right, but the plane goes through the point on the surface: z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b).")


def test_a_wrong_plane_after_its_name_is_graded_as_the_plane_it_is(capsys):
    assert main(["check", "--exercise", "gradients:tangent-plane-x2y2", "--", "L(x,y) = 4x + 8y - 21"]) == 1
    assert capsys.readouterr().out == f"incorrect\n{AT_19}\nread as: z = 4x + 8y - 21\n"


@pytest.mark.parametrize("typed, exercise, caret, advice, followed", [
    # finding 99: each was "Write just …, without 'g(t) ='", which followed was refused again
    ("g(t) = t/2 + 7/3", "gradients:power-lines-fit", 2, "Write the line in x as y = x/2 + 7/3.", "y = x/2 + 7/3"),
    ("E(m,b) = x/2 + 7/3", "gradients:power-lines-fit", 2, "Write the line in x as y = x/2 + 7/3.",
     "y = x/2 + 7/3"),
    ("E(m, b) = (m + b - 2)^2", "gradients:power-lines-fit", 2, "Write the line as an equation for y in x.",
     "y = x/2 + 7/3"),
    ("L(u, v) = 4u + 8v - 20", "gradients:tangent-plane-x2y2", 2,
     "Write the plane in x and y as z = 4x + 8y - 20.", "z = 4x + 8y - 20"),
])
def test_a_name_in_other_variables_is_told_how_to_write_it(capsys, typed, exercise, caret, advice, followed):
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{advice}\n"
    assert main(["check", "--exercise", exercise, "--", followed]) == 0  # the advice, followed, works


LESSON_PLANE = "20 + 4(x - 2) + 8(y - 4)"  # the lesson's plane at (2, 4), in the form its hints give


@pytest.mark.parametrize("typed, exercise, student, out", [
    # "Write just x/2 + 7/3, without 'L ='.", which followed was "Write the line as an equation …"
    ("L = x/2 + 7/3", "gradients:power-lines-fit", None, "Correct.\nread as: y = x/2 + 7/3"),
    ("g = x/2 + 7/3", "gradients:power-lines-fit", None, "Correct.\nread as: y = x/2 + 7/3"),
    ("h=x/2+7/3", "gradients:power-lines-fit", None, "Correct.\nread as: y = x/2 + 7/3"),
    ("f = 1/2 x + 7/3", "gradients:power-lines-fit", None,
     "Correct. ('1/2 x' was read as (1/2)·x.)\nread as: y = x/2 + 7/3"),
    ("g = 2.5x - 1", "drills:ls-three-points", "d1", "Correct.\nread as: y = 2.5x - 1"),
    ("L = 0.0612x + 7.9819", "drills:ls-advertising", None,
     "Correct (to 4 decimal places).\nread as: y = 0.0612x + 7.9819"),
    # "Unknown name 'L' (the variables are x, y and z).", where L(x, y) = … was read
    (f"L = {LESSON_PLANE}", "gradients:tangent-plane-x2y2", None, "Correct.\nread as: z = 4x + 8y - 20"),
    (f"f = {LESSON_PLANE}", "gradients:tangent-plane-x2y2", None, "Correct.\nread as: z = 4x + 8y - 20"),
    ("Z = 4x + 8y - 20", "gradients:tangent-plane-x2y2", None, "Correct.\nread as: z = 4x + 8y - 20"),
    ("T=4x+8y-20", "gradients:tangent-plane-x2y2", None, "Correct.\nread as: z = 4x + 8y - 20"),
    ("L = 8 - 2(x - 0) + 0(y + 2)", "drills:tp-product", "d1", "Correct.\nread as: z = 8 - 2x"),
    ("f = 8 - 2x", "drills:tp-product", "d1", "Correct.\nread as: z = 8 - 2x"),
])
def test_a_line_or_a_plane_after_a_letter_alone_is_read_as_it(capsys, typed, exercise, student, out):
    who = ["--student", student] if student else []
    assert main(["check", "--exercise", exercise, *who, "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\n{out}\n"


@pytest.mark.parametrize("typed, exercise, out", [
    ("L = x/2 + 2", "gradients:power-lines-fit", "Your b 2 is not right.\nread as: y = x/2 + 2"),
    ("L = 4x + 8y - 21", "gradients:tangent-plane-x2y2", f"{AT_19}\nread as: z = 4x + 8y - 21"),
])
def test_a_wrong_line_or_plane_after_a_letter_alone_is_graded_as_it(capsys, typed, exercise, out):
    assert main(["check", "--exercise", exercise, "--", typed]) == 1
    assert capsys.readouterr().out == f"incorrect\n{out}\n"


@pytest.mark.parametrize("typed, exercise, out", [
    # a variable of the exercise is never the plane's name: an equation in x, y and z, as before
    (f"x = {LESSON_PLANE}", "gradients:tangent-plane-x2y2",
     "incorrect\nYour equation holds at x = 4/3, y = 2, z = 3, but the correct one does not.\n"
     "read as: x = 4x + 8y - 20\n"),
    (f"y = {LESSON_PLANE}", "gradients:tangent-plane-x2y2",
     "incorrect\nYour equation holds at x = 3/2, y = 2, z = 3, but the correct one does not.\n"
     "read as: y = 4x + 8y - 20\n"),
    (f"Y = {LESSON_PLANE}", "gradients:tangent-plane-x2y2",  # nor in capitals: the advice on case stays
     f"invalid\nY = {LESSON_PLANE}\n^\nUnknown name 'Y'; names are case-sensitive: did you mean 'y'?\n"),
    ("e = 4x + 8y - 20", "gradients:tangent-plane-x2y2",  # Euler's e is a number
     "incorrect\nThe correct equation holds at x = 7/4, y = 2, z = 3, but yours does not.\n"
     "read as: e = 4x + 8y - 20\n"),
    ("m = 1/2, b = 7/3", "gradients:power-lines-fit", "correct\nCorrect.\nread as: (1/2, 7/3)\n"),  # m and b
    ("M = 1/2, B = 7/3", "gradients:power-lines-fit",
     "invalid\nM = 1/2, B = 7/3\n^\nUnknown name 'M'; names are case-sensitive: did you mean 'm'?\n"),
])
def test_a_letter_that_means_something_else_keeps_its_meaning(capsys, typed, exercise, out):
    main(["check", "--exercise", exercise, "--", typed])
    assert capsys.readouterr().out == out


def test_a_plane_in_other_variables_is_read_after_a_letter_that_is_not_one_of_them(capsys, tmp_path):
    pack = pack_file(tmp_path, "{id: t, kind: tangent_plane, function: u^2 + v^2, at: [1, 2]}")
    assert main(["check", "--exercise", f"{pack}:t", "--", "L = 5 + 2(u - 1) + 4(v - 2)"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: z = 2u + 4v - 5\n"
    assert main(["check", "--exercise", f"{pack}:t", "--", "u = 2u + 4v - 5"]) == 1  # u is a variable here
    assert capsys.readouterr().out.endswith("\nread as: u = 2u + 4v - 5\n")


LONG = "0.06123456789x + 7.98191234567 + 0.0000001x - 0.000002"


@pytest.mark.parametrize("typed, exercise, caret, advice, followed", [
    # "Write just x/2 + 7/3, without 'E ='.", which followed was "Write the line as an equation …"
    ("E = x/2 + 7/3", "gradients:power-lines-fit", 0,
     "E is the cost E(m, b), not the line: write y = x/2 + 7/3, or give m and b.", "y = x/2 + 7/3"),
    ("m = x/2 + 7/3", "gradients:power-lines-fit", 0,  # was "Unknown name 'x' (the variables are b and m)."
     "m is the slope, not the line: write y = x/2 + 7/3, or give m and b.", "y = x/2 + 7/3"),
    ("b = x/2 + 7/3", "gradients:power-lines-fit", 0,
     "b is the intercept, not the line: write y = x/2 + 7/3, or give m and b.", "y = x/2 + 7/3"),
    ("x = x/2 + 7/3", "gradients:power-lines-fit", 0,
     "x is the variable, not the line: write y = x/2 + 7/3, or give m and b.", "y = x/2 + 7/3"),
    ("line = x/2 + 7/3", "gradients:power-lines-fit", 0,
     "Write the line as y = x/2 + 7/3, or give m and b.", "y = x/2 + 7/3"),
    ("E = 2.5x - 1", "drills:ls-three-points --student d1", 0,
     "E is the cost E(m, b), not the line: write y = 2.5x - 1, or give m and b.", "y = 2.5x - 1"),
    ("E = 0.0612x + 7.9819", "drills:ls-advertising", 0,
     "E is the cost E(m, b), not the line: write y = 0.0612x + 7.9819, or give m and b.",
     "y = 0.0612x + 7.9819"),
    (f"E = {LONG}", "gradients:power-lines-fit", 0,  # too long to repeat: what to change in it
     "E is the cost E(m, b), not the line: write 'y =' in place of 'E =', or give m and b.", f"y = {LONG}"),
    # "Write just 25/6, without 'E ='.", which followed was "A vector is expected here, like (4, 6)."
    ("E = 25/6", "gradients:power-lines-fit", 0,
     "E is the cost E(m, b), not the line: give m and b (like m = 1, b = 2), or the line's equation.",
     "m = 1, b = 2"),
    ("cost = 25/6", "gradients:power-lines-fit", 0,
     "Give m and b (like m = 1, b = 2), or the line's equation.", "m = 1, b = 2"),
    # m and b after a name for the line: was "A list can't be used inside an expression."
    ("L = (1/2, 7/3)", "gradients:power-lines-fit", 0, "Write just (1/2, 7/3), without 'L ='.", "(1/2, 7/3)"),
    # the cost's value beside m and b: was "Unknown name 'E'; names are case-sensitive: did you mean 'e'?" (h64, F12)
    ("m = 1/2, b = 7/3, E = 25/6", "gradients:power-lines-fit", 18, "The parts are named m, b.", "m = 1/2, b = 7/3"),
    ("m = 1/2, b = 7/3, c = 25/6", "gradients:power-lines-fit", 18, "The parts are named m, b.", "m = 1/2, b = 7/3"),
])
def test_a_name_that_is_not_the_lines_is_told_what_to_write_in_one_step_that_works(
        capsys, typed, exercise, caret, advice, followed):
    exercise, *who = exercise.split()
    assert main(["check", "--exercise", exercise, *who, "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{advice}\n"
    assert main(["check", "--exercise", exercise, *who, "--", followed]) in (0, 1)  # the advice, followed, is graded
    assert capsys.readouterr().out.startswith(("correct\n", "incorrect\n"))


@pytest.mark.parametrize("typed, exercise, reading", [
    # "read as" is the value read, numbers multiplied in, in every shape alike: the plane's own form is in its steps
    (f"z = {LESSON_PLANE}", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    (f"L(x, y) = {LESSON_PLANE}", "gradients:tangent-plane-x2y2", "z = 4x + 8y - 20"),
    ("y = 1/2 (x + 14/3)", "gradients:power-lines-fit", "y = x/2 + 7/3"),
])
def test_read_as_shows_a_plane_or_a_line_with_its_numbers_multiplied_in(capsys, typed, exercise, reading):
    assert main(["check", "--exercise", exercise, "--", typed]) == 0
    assert capsys.readouterr().out.endswith(f"\nread as: {reading}\n")
    assert main(["check", "3(2x)y^3", "--expected", "6xy^3"]) == 0  # as an expression's: 3(2x)y^3 is 6xy³
    assert capsys.readouterr().out.endswith("\nread as: 6xy³\n")


@pytest.mark.parametrize("typed, exercise, advice", [
    ("x/2 + 7/3", "gradients:power-lines-fit", "y = x/2 + 7/3"),
    ("0.0612x + 7.9819", "drills:ls-advertising", "y = 0.0612x + 7.9819"),
])
def test_a_lines_right_side_alone_is_told_to_be_written_as_its_equation(capsys, typed, exercise, advice):
    # finding 99: "Unknown name 'x' (the variables are b and m)"
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out == (
        f"invalid\n{typed}\n^\nWrite the line as an equation, like {advice}, or give m and b.\n")
    assert main(["check", "--exercise", exercise, "--", advice]) == 0  # the advice, followed, works


@pytest.mark.parametrize("typed, exercise, caret, advice", [
    ("m=1/2 b=7/3", "gradients:power-lines-fit", 6, "m=1/2, b=7/3"),
    ("b = 7/3 m = 1/2", "gradients:power-lines-fit", 8, "b = 7/3, m = 1/2"),
    ("m = 0.0612 b = 7.9819", "drills:ls-advertising", 11, "m = 0.0612, b = 7.9819"),
])
def test_parts_named_without_a_comma_are_told_to_separate_them(capsys, typed, exercise, caret, advice):
    # finding 99: "Only one '=' is allowed", of an answer where two are
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out == (
        f"invalid\n{typed}\n{' ' * caret}^\nSeparate m and b with a comma: {advice}.\n")
    assert main(["check", "--exercise", exercise, "--", advice]) == 0


def test_a_descent_point_named_without_a_comma_is_told_to_separate_them(capsys):
    assert main(["check", "--exercise", "gradients:descent-heat-step-1", "--", "x = 0.5057 y = 0.6047"]) == 3
    assert capsys.readouterr().out.endswith("Separate x and y with a comma: x = 0.5057, y = 0.6047.\n")


@pytest.mark.parametrize("typed", ["x₁ = 0.1447", "x_1 = 0.1447", "x1 = 0.1447", "x_{1} = 0.1447", " x₁=0.1447.",
                                   "x = 0.1447"])
def test_the_point_may_be_written_after_the_name_the_question_gives_it(capsys, typed):
    # finding 104: "x₁ = 0.1447" was "Write just 0.1447, without 'x₁ ='." (0 points in tutor grade), and
    # "x1 = 0.1447" was right with the note "'x1' was read as x·1"
    assert main(["check", "--exercise", "gradients:descent-1d-step-1", "--", typed]) == 0
    assert capsys.readouterr().out == "correct\nCorrect (to 4 decimal places).\nread as: 0.1447\n"


@pytest.mark.parametrize("typed", ["x₁ = 0.50567, y₁ = 0.604675", "y₁ = 0.604675, x₁ = 0.50567",
                                   "x1 = 0.50567, y1 = 0.604675", "x_1=0.50567, y_1=0.604675",
                                   "(x₁, y₁) = (0.50567, 0.604675)", "(x1,y1) = (0.50567, 0.604675)"])
def test_a_point_may_be_written_after_its_parts_names_or_its_own(capsys, typed):
    # finding 104: "x₁ = 0.50567, y₁ = 0.604675" was "The character '₁' can't be used here."
    assert main(["check", "--exercise", "gradients:descent-heat-step-1", "--", typed]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: (0.50567, 0.604675)\n"


def test_the_parts_names_follow_the_iterations_the_question_asks_for(capsys):
    # (m₂, b₂) after 2 iterations: m2 = … is the point's part, never m·2
    assert main(["check", "--exercise", "gradients:descent-power-lines", "--", "m₂ = 0.6984, b2 = 0.3376"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: (0.6984, 0.3376)\n"


@pytest.mark.parametrize("pack, exercise, typed, reading", [
    # finding 111: each was "Write just …, without '… ='." (0 points in tutor grade), though the prompt names
    # the answer so: "Write f(x, 4) as a function of x", "What is E(1/2, 7/3)?", "f′(0.05) for …", "∇T(0.5, 0.6) for …"
    ("gradients", "fix-y-4", "f(x, 4) = x^2 + 16", "x² + 16"),
    ("gradients", "fix-y-4", "f(x,4)=x^2+16", "x² + 16"),
    ("gradients", "fix-x-2", "f(2, y) = y^2 + 4", "y² + 4"),
    ("gradients", "sauna-wall-temperature", "T(0, y) = 85", "85"),
    ("gradients", "fix-y-4-slope", "d/dx f(x, 4) = 2x", "2x"),
    ("gradients", "power-lines-cost", "E(1/2, 7/3) = 25/6", "25/6"),
    ("gradients", "power-lines-cost-function", "E(m, b) = 14m^2 + 12mb + 3b^2 - 42m - 20b + 38",
     "14m² + 12mb + 3b² - 42m - 20b + 38"),
    ("gradients", "power-lines-cost-function", "E = 14m^2 + 12mb + 3b^2 - 42m - 20b + 38",
     "14m² + 12mb + 3b² - 42m - 20b + 38"),  # E alone is the function asked for here
    # after the answer too: was "Unknown name 'E'; … did you mean 'e'?" (outside check h65, F7)
    ("gradients", "power-lines-cost-function", "14m^2 + 3b^2 + 38 + 12mb - 42m - 20b = E",
     "14m² + 12mb + 3b² - 42m - 20b + 38"),
    ("gradients", "partial-x-3x2y3", "6xy^3 = ∂f/∂x", "6xy³"),
    ("gradients", "tangent-line-fix-y", "g′(x) = 2x", "2x"),
    ("gradients", "tangent-line-fix-y", "g' = 2x", "2x"),
    ("gradients", "tangent-line-fix-y", "dg/dx = 2x", "2x"),
    ("gradients", "tangent-line-fix-x", "h'(y) = 2y", "2y"),
    ("drills", "d-at-point", "f'(3) = 5", "5"),
    ("gradients", "partial-x-3x2y3", "∂f/∂x = 6xy^3", "6xy³"),
    ("gradients", "partial-x-3x2y3", "df/dx = 6xy^3", "6xy³"),
    ("gradients", "partial-x-3x2y3", "f_x = 6xy^3", "6xy³"),
    ("gradients", "partial-x-3x2y3", "f_x(x, y) = 6xy^3", "6xy³"),
    ("gradients", "partial-y-3x2y3", "∂f/∂y = 9x^2y^2", "9x²y²"),
    ("gradients", "sauna-partial-y", "T_y = -x^2(x - 6)(3y^2 - 12y)/90", "-x²(x - 6)(3y² - 12y)/90"),
    ("gradients", "power-lines-dE-dm", "∂E/∂m = 28m + 12b - 42", "28m + 12b - 42"),
    ("drills", "pd-at-point", "∂f/∂y(2, 3) = 22", "22"),
    ("drills", "pd-at-point", "f_y(2,3) = 22", "22"),
    ("gradients", "gradient-x2y2", "∇f = (2x, 2y)", "(2x, 2y)"),
    ("gradients", "gradient-x2y2", "grad f = (2x, 2y)", "(2x, 2y)"),
    ("gradients", "gradient-x2y2", "∇f(x, y) = (2x, 2y)", "(2x, 2y)"),
    ("gradients", "gradient-x2y2", "∇f = <2x, 2y>", "(2x, 2y)"),  # < > after the name too, as alone
    ("gradients", "gradient-x2y2-at-2-3", "∇f(2, 3) = (4, 6)", "(4, 6)"),
    # the lesson's T = f(x, y) writes ∇f for T: was "Write just …, without '∇f(0.5, 0.6) ='" (outside check h65, F6)
    ("gradients", "descent-heat-gradient", "∇f(0.5, 0.6) = (-0.1134, -0.0935)", "(-0.1134, -0.0935)"),
    ("drills", "g-three-variables", "∇f = (yz + 10x, xz, xy)", "(yz + 10x, xz, xy)"),
])
def test_an_answer_may_be_written_after_the_name_the_prompt_gives_it(capsys, pack, exercise, typed, reading):
    assert main(["check", "--exercise", f"{pack}:{exercise}", "--student", "s01", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect.\nread as: {reading}\n"


@pytest.mark.parametrize("typed, reading", [("f′(0.05) = -18.9", "-18.9"), ("f'(0.05) = -18.9", "-18.9")])
def test_a_slope_at_a_point_may_be_written_after_its_name(capsys, typed, reading):
    assert main(["check", "--exercise", "gradients:descent-1d-slope", "--", typed]) == 0
    assert capsys.readouterr().out == f"correct\nCorrect (to 1 decimal place).\nread as: {reading}\n"


@pytest.mark.parametrize("typed", ["∇T(0.5, 0.6) = (-0.1134, -0.0935)", "grad T(0.5,0.6) = (-0.1134, -0.0935)"])
def test_a_gradient_at_a_point_may_be_written_after_its_name(capsys, typed):
    assert main(["check", "--exercise", "gradients:descent-heat-gradient", "--", typed]) == 0
    assert capsys.readouterr().out.startswith("correct\n")


@pytest.mark.parametrize("exercise, typed, value", [
    # E and f′ alone are the function, not its value at the point asked for; another point is another value
    ("gradients:power-lines-cost", "E = 25/6", "25/6"),
    ("gradients:descent-1d-slope", "f′ = -18.9", "-18.9"),
    ("gradients:gradient-x2y2-at-2-3", "∇f(x, y) = (4, 6)", "(4, 6)"),
    ("gradients:sauna-wall-temperature", "T(1, y) = 85", "85"),
    ("gradients:fix-y-4", "f(x, 5) = x^2 + 16", "x^2 + 16"),
    ("gradients:fix-y-4", "f = x^2 + 16", "x^2 + 16"),  # f is the function before y was fixed
    ("gradients:partial-x-3x2y3", "∂f/∂y = 6xy^3", "6xy^3"),
    ("drills:pd-at-point", "∂f/∂y = 22", "22"),
])
def test_a_name_that_is_not_the_questions_says_what_to_write_and_that_is_read(capsys, exercise, typed, value):
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", typed]) == 3
    assert f"write just {value}" in capsys.readouterr().out.lower()
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", value]) == 0


def test_a_wrong_answer_after_the_questions_name_gets_the_verdict_of_the_bare_answer(capsys):
    for exercise, named, bare in [("fix-y-4", "f(x, 4) = x^2", "x^2"), ("partial-x-3x2y3", "∂f/∂x = 6xy^2", "6xy^2"),
                                  ("gradient-x2y2", "∇f = (2x, y)", "(2x, y)")]:
        main(["check", "--exercise", f"gradients:{exercise}", "--", bare])
        expected = capsys.readouterr().out
        main(["check", "--exercise", f"gradients:{exercise}", "--", named])
        assert capsys.readouterr().out == expected


@pytest.mark.parametrize("exercise, typed", [
    # "(m₁, b₁)" as the prompt asks; "m₁ = …" was "The character '₁' can't be used here."
    ("gradients:tv-descent-step", "m₁ = 0.019027, b₁ = 0.000139"),
    ("gradients:tv-descent-step", "(m1, b1) = (0.019027, 0.000139)"),
    ("drills:cost-mean-step", "m_1 = 9/5, b_1 = 2/3"),
    ("drills:cost-mean-step", "(m₁, b₁) = (9/5, 2/3)"),
])
def test_a_cost_step_may_be_written_after_its_parts_names(capsys, exercise, typed):
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", typed]) == 0
    assert capsys.readouterr().out.startswith("correct\n")


@pytest.mark.parametrize("typed, exercise", [("x₂ = 0.1447", "descent-1d-step-1"), ("X₁ = 0.1447", "descent-1d-step-1")])
def test_another_name_than_the_questions_is_still_told_to_go(capsys, typed, exercise):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out.endswith(f"Write just 0.1447, without '{typed.split(' =')[0]} ='.\n")


# finding 485: where x₂ is asked, 'x1 = 0.1735' was read as x·1 = 0.1735 and marked correct ("'x1' was read as
# x·1"); it is x₁, another step's point, in every spelling, as answers.md says
@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("x1 = 0.1735", "gradients:descent-1d-step-2", 0, "Write just 0.1735, without 'x₁ ='."),
    ("x₁ = 0.1735", "gradients:descent-1d-step-2", 0, "Write just 0.1735, without 'x₁ ='."),
    ("x_1 = 0.1735", "gradients:descent-1d-step-2", 0, "Write just 0.1735, without 'x_1 ='."),
    ("x1=0.1447", "gradients:descent-1d-step-2", 0, "Write just 0.1447, without 'x₁ ='."),
    ("x1 = 0.75", "drills:gd-parabola", 0, "Write just 0.75, without 'x₁ ='."),
    ("(x1, y1) = (0.5, 0.6)", "drills:gd-bowl", 0, "Write just (0.5, 0.6), without '(x₁, y₁) ='."),
    # a point part by part after another step's names, as one value after x₁ is told
    ("x1 = 0.5, y1 = 0.6", "drills:gd-bowl", 0, "Write just the point (0.5, 0.6), without 'x₁ =' and 'y₁ ='."),
    ("x₁ = 0.5, y₁ = 0.6", "drills:gd-bowl", 0, "Write just the point (0.5, 0.6), without 'x₁ =' and 'y₁ ='."),
    (" y_1 = 0.6, x_{1} = 0.5", "drills:gd-bowl", 1, "Write just the point (0.5, 0.6), without 'x₁ =' and 'y₁ ='."),
])
def test_another_steps_name_is_never_read_as_a_product(capsys, typed, exercise, caret, message):
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


@pytest.mark.parametrize("typed, exercise, value", [("x2 = 0.1735", "gradients:descent-1d-step-2", "0.1735"),
                                                    ("x2 = 1.5, y2 = 0.36", "drills:gd-bowl", "(1.5, 0.36)"),
                                                    ("(x2, y2) = (1.5, 0.36)", "drills:gd-bowl", "(1.5, 0.36)")])
def test_the_asked_steps_name_typed_with_a_keyboard_is_still_read(capsys, typed, exercise, value):
    main(["check", "--exercise", exercise, "--student", "s01", "--", value])
    bare = capsys.readouterr().out
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", typed]) in (0, 1)
    assert capsys.readouterr().out == bare


# finding 494: the lesson's working in its names was told "The character '₀' can't be used here." or that f is
# unknown; x0 in it was x·0, so that 'x1 = x0 - 0.005*18 = 0.1447' was told "x0 - 0.005*18 is -0.09"
@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("x₁ = x₀ − α f′(x₀) = 0.05 − 0.005·(−18.9487) ≈ 0.1447", "descent-1d-step-1", 5,
     "'x₀ − α f′(x₀)' is in names, not numbers: write the working with numbers only, or just 0.1447."),
    ("x_1 = x_0 - 0.005 f(x_0) = 0.1447", "descent-1d-step-1", 6,
     "'x_0 - 0.005 f(x_0)' is in names, not numbers: write the working with numbers only, or just 0.1447."),
    ("x₁ = 0.05 − 0.005·f′(0.05) ≈ 0.1447", "descent-1d-step-1", 5,
     "'0.05 − 0.005·f′(0.05)' is in names, not numbers: write the working with numbers only, or just 0.1447."),
    ("x1 = x0 - 0.005*18 = 0.1447", "descent-1d-step-1", 5,
     "'x0 - 0.005*18' is in names, not numbers: write the working with numbers only, or just 0.1447."),
    ("x₁ = x₀ − α f′(x₀) = 0.2447", "descent-1d-step-1", 5,  # a wrong value alike: nothing is graded
     "'x₀ − α f′(x₀)' is in names, not numbers: write the working with numbers only, or just 0.2447."),
    ("(x₁, y₁) = (x₀, y₀) − α∇T(x₀, y₀) = (0.5057, 0.6047)", "descent-heat-step-1", 11,
     "'(x₀, y₀) − α∇T(x₀, y₀)' is in names, not numbers: write the working with numbers only, or just (0.5057, "
     "0.6047)."),
    ("x₁ = 0.05 − 0.005·f′(0.05) − 0.005·f′(0.1) ≈ 0.1447", "descent-1d-step-1", 5,  # too long to quote
     "your working is in names, not numbers: write the working with numbers only, or just 0.1447."),
])
def test_working_in_the_lessons_names_is_told_to_be_in_numbers(capsys, typed, exercise, caret, message):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message[0].upper() + message[1:]}\n"


@pytest.mark.parametrize("typed", ["x₁ = 0.05 − 0.005·(−18.9487) ≈ 0.1447", "x1 = 0.05 - 0.005*(-18.9487) ~ 0.1447",
                                   "x = 0.1447", "x1 = 0.1447"])
def test_working_in_numbers_is_still_read(capsys, typed):
    assert main(["check", "--exercise", "gradients:descent-1d-step-1", "--", typed]) == 0


# finding 486: "Unknown name 'and' (the variables are b and m)."
@pytest.mark.parametrize("typed, exercise, out", [
    ("m = 0.5 and b = 7/3", "power-lines-fit", "correct\nCorrect.\nread as: (0.5, 7/3)\n"),
    ("b = 7/3, and m = 1/2", "power-lines-fit", "correct\nCorrect.\nread as: (1/2, 7/3)\n"),
    ("m = 0.5 and b = 2", "power-lines-fit", "incorrect\nYour b 2 is not right.\nread as: (0.5, 2)\n"),
    ("x = 0.5057 and y = 0.6047", "descent-heat-step-1", "correct\nCorrect (to 4 decimal places).\n"
                                                         "read as: (0.5057, 0.6047)\n"),
    ("x₁ = 0.5057 and y₁ = 0.7047", "descent-heat-step-1", "incorrect\nYour y₁ 0.7047 is not right to 4 decimal "
                                                           "places.\nread as: (0.5057, 0.7047)\n"),
])
def test_and_between_named_parts_joins_them_as_a_comma(capsys, typed, exercise, out):
    main(["check", "--exercise", f"gradients:{exercise}", "--", typed])
    assert capsys.readouterr().out == out


# finding 488: "The character '½' can't be used here."
@pytest.mark.parametrize("argv, out", [
    (["--exercise", "gradients:power-lines-fit", "--", "y = ½x + 7⁄3"], "correct\nCorrect.\nread as: y = x/2 + 7/3\n"),
    (["--exercise", "gradients:power-lines-fit", "--", "m = ½, b = 2⅓"], "correct\nCorrect.\nread as: (1/2, 7/3)\n"),
    (["--exercise", "gradients:power-lines-fit", "--", "m = ½, b = 2⅔"],
     "incorrect\nYour b 8/3 is not right.\nread as: (1/2, 8/3)\n"),
    (["--exercise", "gradients:power-lines-cost", "--", "4⅙"], "correct\nCorrect.\nread as: 25/6\n"),
    (["--expected", "2/3", "--", "⅔"], "correct\nCorrect.\nread as: 2/3\n"),
    (["--expected", "7/3", "--", "-2 ⅓"], "incorrect\nYour answer -7/3 has the wrong sign. Note: '2 ⅓' was read as the "
     "mixed number 2 + 1/3 = 7/3; for a product write 2·⅓.\nread as: -7/3\n"),
    (["--expected", "7/3", "--", "1.5½"], "invalid\n1.5½\n   ^\nA fraction can't follow 1.5: write 1.5 + 1/2, or "
     "1.5·1/2 for the product.\n"),
])
def test_a_fraction_character_is_the_fraction_it_shows(capsys, argv, out):
    main(["check", *argv])
    assert capsys.readouterr().out == out


# findings 481, 482, 489, 490: refusals that said nothing of what to type (or something untrue)
@pytest.mark.parametrize("argv, caret, message", [
    # 490: a capitalised function or constant, as a variable already was
    (["--expected", "sqrt(3)/3", "--", "SQRT(3)/3"], 0, "Unknown function 'SQRT'; names are case-sensitive: did you "
                                                       "mean 'sqrt'?"),
    (["--expected", "sqrt(3)/3", "--", "Sqrt[3]/3"], 0, "Unknown function 'Sqrt'; names are case-sensitive: did you "
                                                       "mean 'sqrt'?"),
    (["--exercise", "gradients:hard-to-optimize-derivative", "--", "Exp[x] - 1/x"], 0,
     "Unknown function 'Exp'; names are case-sensitive: did you mean 'exp'?"),
    (["--exercise", "gradients:hard-to-optimize-derivative", "--", "E^x - 1/x"], 0,
     "Unknown name 'E'; names are case-sensitive: did you mean 'e'?"),
    (["--exercise", "gradients:partial-x-x2y2", "--", "Ln(x)"], 0,
     "Unknown function 'Ln'; names are case-sensitive: did you mean 'ln'?"),
    # 489: a program's printout
    (["--exercise", "gradients:gradient-x2y2-at-2-3", "--", "array([4., 6.])"], 0,
     "'array' is a program's name, not maths: write just the vector in round brackets, like (4, 6)."),
    (["--exercise", "gradients:gradient-x2y2", "--", "Matrix([[2*x], [2*y]])"], 0,
     "'Matrix' is a program's name, not maths: write just the vector in round brackets, like (4, 6)."),
    (["--exercise", "gradients:gradient-x2y2-at-2-3", "--", "np.array([4., 6.])"], 0,
     "'np' is a program's name, not maths: write just the vector in round brackets, like (4, 6)."),
    # 481: Wolfram|Alpha's vector in braces was "Each component must be a single expression."
    (["--exercise", "gradients:gradient-x2y2", "--", "{2 x, 2 y}"], 0,
     "Braces hold a set of points; for a vector use round brackets, like (4, 6)."),
    (["--exercise", "gradients:gradient-x2y2-at-2-3", "--", "{4, 6}"], 0,
     "Braces hold a set of points; for a vector use round brackets, like (4, 6)."),
    # 482: a value given to a name as a rule: '->' was "Comparisons are not answers here."
    (["--exercise", "gradients:critical-x2y2", "--", "{x->0, y->0}"], 2,
     "Write x = value, not x -> value (or a point in round brackets, like (0, 0))."),
    (["--exercise", "gradients:descent-heat-step-1", "--", "x ↦ 0.5057, y ↦ 0.6047"], 2,
     "Write x = value, not x ↦ value (or a point in round brackets, like (0, 0))."),
    (["--exercise", "gradients:power-lines-fit", "--", "m → 1/2, b → 7/3"], 2,
     "Write m = value, not m → value (or a point in round brackets, like (0, 0))."),
    (["--exercise", "gradients:critical-x2y2", "--", "{x: 0, y: 0}"], 2,
     "Write x = value, not x: value (or a point in round brackets, like (0, 0))."),
    # outside check: a plane's working as a chain was "Only one '=' is allowed.", and a dot product of vectors
    # in < >, which the tutor reads as a vector elsewhere, "Comparisons are not answers here."
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 20 + 4(x-2) + 8(y-4) = 4x + 8y - 20"], 25,
     "Only one '=' is allowed: write just z = 4x + 8y - 20."),
    # outside check h78, N1: a chain ending in "= 0" was told "write just z = 0", a plane it never meant
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 4x + 8y - 16 = 0"], 17,
     "Only one '=' is allowed: write just z = 4x + 8y - 16."),
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z - 20 = 4(x-2) + 8(y-4) = 4x + 8y - 40"], 25,
     "Only one '=' is allowed."),  # what z - 20 names is no plane's left side
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 20 + <4,8>·<x-2,y-4>"], 9,
     "A vector in < > is read only as the whole answer: write the dot product multiplied out, 4(x-2) + 8(y-4)."),
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = 20 + <x+1, 8> <x-2, y-4>"], 9,
     "A vector in < > is read only as the whole answer: write the dot product multiplied out, "
     "(x+1)(x-2) + 8(y-4)."),
    (["--exercise", "gradients:tangent-plane-x2y2", "--", "z = <4, 8> + 20"], 4,
     "A vector in < > is read only as the whole answer."),
])
def test_a_refusal_says_what_to_type_instead(capsys, argv, caret, message):
    assert main(["check", *argv]) == 3
    assert capsys.readouterr().out == f"invalid\n{argv[-1]}\n{' ' * caret}^\n{message}\n"


# finding 487: "Unknown name 'the' (the variables are x and y).", as if a variable were mistyped
@pytest.mark.parametrize("typed, exercise, caret", [
    ("the gradient is (2x, 2y)", "gradient-x2y2", 0),
    ("0.05 is best", "learning-rates-best", 5),
    ("after 11 iterations", "stopping-1d", 0),
    ("z = 4x + 8y - 20 at (2,4)", "tangent-plane-x2y2", 17),
    ("the cost is 25/6", "power-lines-cost", 0),
])
def test_words_around_an_answer_are_told_to_go(capsys, typed, exercise, caret):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\nWrite just the answer, without words.\n"


@pytest.mark.parametrize("typed, exercise, caret", [
    ("0.05 or 0.005", "learning-rates-best", 5), ("2x or 2y", "partial-x-x2y2", 3), ("2x OR 2x + 1", "partial-x-x2y2", 3)])
def test_two_answers_offered_with_or_are_told_to_give_one(capsys, typed, exercise, caret):
    # outside check h20, F8: it was "Unknown name 'or' (there are no variables here)."
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == (f"invalid\n{typed}\n{' ' * caret}^\n"
                                       "Give one answer: 'or' offers two, and only one can be graded.\n")


@pytest.mark.parametrize("typed, caret, digits", [("eight", 0, "8"), ("Eleven", 0, "11"), ("x + two", 4, "2")])
def test_a_number_in_words_is_told_to_be_written_in_digits(capsys, typed, caret, digits):
    """Outside check h14, F9: 'eight' for the number of iterations was "Unknown name 'eight' (the variable is x)"."""
    assert main(["check", "--expected", "x + 8", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\nWrite the number in digits: {digits}.\n"


# finding 484: a decimal comma where one value is asked was "A single number is expected here, not a list.",
# with no caret, and 'x₁ = 0,75' was told to write just 0,75, which is then refused
@pytest.mark.parametrize("typed, exercise, caret, decimal", [
    ("0,75", "drills:gd-parabola", 1, "0.75"),
    ("x₁ = 0,75", "drills:gd-parabola", 6, "0.75"),
    ("x = 0,75", "drills:gd-parabola", 5, "0.75"),
    ("y = 0,5x + 2,33", "gradients:power-lines-fit", 5, "0.5"),
    ("E = 4,1667", "gradients:power-lines-cost", 5, "4.1667"),
    ("x = -0,75", "drills:gd-parabola", 6, "-0.75"),
])
def test_a_decimal_comma_is_told_to_be_a_point(capsys, typed, exercise, caret, decimal):
    assert main(["check", "--exercise", exercise, "--student", "s01", "--", typed]) == 3
    assert capsys.readouterr().out == (f"invalid\n{typed}\n{' ' * caret}^\nFor a decimal write a point: {decimal} "
                                       "(a comma separates items).\n")


# finding 484: where a list of values is read, '0,5671' was graded as the wrong list 0, 5671
@pytest.mark.parametrize("typed, caret, decimal, pair", [
    ("0,5671", 1, "0.5671", "0, 5671"),
    # outside check: the sign was dropped from what to type ("1.3008" for -1,3008)
    ("-1,3008, 1,1309", 2, "-1.3008", "-1, 3008"),
    ("(-1,3008, 1,1309)", 3, "-1.3008", "-1, 3008"),
    ("x = 0,5671", 5, "0.5671", "0, 5671"),
])
def test_a_decimal_comma_in_a_list_is_told_both_ways_to_type_it(capsys, typed, caret, decimal, pair):
    assert main(["check", "--exercise", "gradients:local-minima-1d", "--", typed]) == 3
    assert capsys.readouterr().out == (f"invalid\n{typed}\n{' ' * caret}^\nFor a decimal write a point: {decimal}; "
                                       f"for two values, a comma and a space: {pair}.\n")


@pytest.mark.parametrize("typed", ["0, 5671", "(0, 5671)", "0,1", "(0,1)"])
def test_a_list_with_a_space_or_short_items_is_still_a_list(capsys, typed):
    assert main(["check", "--exercise", "gradients:local-minima-1d", "--", typed]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"read as: x = 0, x = {typed.strip('()').split(',')[1].strip()}"


def test_none_listed_with_points_is_told_it_stands_alone(capsys):
    # outside check h11, F14: "Unknown name 'none'", a word the answer format knows
    assert main(["check", "(0,0),(4,4),none", "--expected", "{(0,0),(4,4)}"]) == 3
    assert capsys.readouterr().out.splitlines()[1:] == [
        "(0,0),(4,4),none", " " * 12 + "^",
        "'none' is an answer on its own, no point at all: write it alone, or only the points."]


def test_a_thousands_comma_is_told_the_whole_number_too(capsys):
    # outside check h11, F14: "1,000" was told only "write a point: 1.000", one, for what US text means as 1000
    assert main(["check", "1,000", "--expected", "1000"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == ("For a decimal write a point: 1.000; for a whole number, no "
                                                        "comma: 1000 (a comma separates items).")
    # and 1,000,000 was told "write a point: 000.000" (outside check h13, F6)
    assert main(["check", "1,000,000", "--expected", "1000000"]) == 3
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "^", "For a whole number, no commas: 1000000 (a comma separates items)."]


def test_a_decimal_comma_where_one_number_is_asked_is_not_graded_as_a_list(capsys):
    assert main(["check", "--exercise", "gradients:hard-to-optimize-minimum", "--", "0,5671"]) == 3
    assert capsys.readouterr().out == ("invalid\n0,5671\n ^\nFor a decimal write a point: 0.5671 "
                                       "(a comma separates items).\n")


# finding 494: the lesson's iterates one after another were told a subscript can't be used, or to write the
# working in numbers, with another step's value
@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("x₁ = 0.1447, x₂ = 0.1735", "gradients:descent-1d-step-2", 0, "This question asks for x₂ alone: write just 0.1735."),
    ("x1 = 0.1447, x2 = 0.1735", "gradients:descent-1d-step-2", 0, "This question asks for x₂ alone: write just 0.1735."),
    ("x_1 = 0.1447, x_{2} = 0.1735", "gradients:descent-1d-step-2", 0,
     "This question asks for x₂ alone: write just 0.1735."),
    ("x₁ = 0.1447, x₂ = 0.1735", "gradients:descent-1d-step-1", 13,
     "This question asks for x₁ alone: write just 0.1447."),
    ("x₀ = 0.05, x₁ = 0.1447", "gradients:descent-1d-step-2", 0, "This question asks for x₂: write just its value."),
    ("x₁ = 0.8, y₁ = 0.6, x₂ = 0.64, y₂ = 0.36", "drills:gd-bowl", 0,
     "This question asks for (x₂, y₂) alone: write just (0.64, 0.36)."),
    ("x1 = 0.8, x2 = 0.64", "drills:gd-bowl", 0, "This question asks for (x₂, y₂): write just the point."),
])
def test_several_iterates_are_told_to_give_the_one_asked(capsys, typed, exercise, caret, message):
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


@pytest.mark.parametrize("value", ["0.2", "0.0500", "-0.1447", "0.1453"])
def test_a_wrong_point_after_its_name_gets_the_verdict_of_the_bare_value(capsys, value):
    main(["check", "--exercise", "gradients:descent-1d-step-1", "--", value])
    bare = capsys.readouterr().out
    main(["check", "--exercise", "gradients:descent-1d-step-1", "--", f"x₁ = {value}"])
    assert capsys.readouterr().out == bare


@pytest.mark.parametrize("typed, exercise, caret, message", [
    # finding 107: "m=1/2 m=7/3" was told "Separate m and b with a comma: m=1/2, m=7/3."
    ("m=1/2 m=7/3", "power-lines-fit", 7, "m is given twice."),
    ("m=1/2 b=7/3", "power-lines-fit", 6, "Separate m and b with a comma: m=1/2, b=7/3."),
    # a gradient's parts have no names: "x=4 y=6" was "Only one '=' is allowed."
    ("x=4 y=6", "gradient-x2y2-at-2-3", 1, "Write the vector without names, in order, like (4, 6)."),
    ("x = 4 y = 6", "gradient-x2y2-at-2-3", 2, "Write the vector without names, in order, like (4, 6)."),
    ("x₁ = 0.5057 y₁ = 0.6047", "descent-heat-step-1", 12,
     "Separate x and y with a comma: x₁ = 0.5057, y₁ = 0.6047."),
])
def test_parts_named_without_commas_are_told_what_else_is_wrong(capsys, typed, exercise, caret, message):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


# ------------------------------------------- a tolerance that would accept any answer is refused

REFUSED_TOLERANCE = ("a tolerance must be a relative error from 0 to 0.5, like 1e-3, or decimal places from 0 "
                     "to 15, like dp:4, not ")


@pytest.mark.parametrize("tol", ["inf", "1e999", "1e400", "nan", "-0.1", "0.6", "dp:16", "1_0", "infinity"])
def test_a_tolerance_that_would_accept_any_answer_is_a_usage_error(capsys, tol):
    with pytest.raises(SystemExit) as stop:
        main(["check", "1.5", "--expected", "1", "--tol", tol])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"tutor check: error: argument --tol: {REFUSED_TOLERANCE}'{tol}'"


@pytest.mark.parametrize("answer, tol, said", [
    ("1.5", "0.5", "correct\nCorrect (within a relative error of 0.5).\nread as: 1.5\n"),
    ("1.51", "0.5", "incorrect\nYour answer 1.51 is not right within a relative error of 0.5.\nread as: 1.51\n"),
    ("1.0000000000000004", "dp:15", "correct\nCorrect (to 15 decimal places).\nread as: 1.0000000000000004\n"),
])
def test_the_largest_tolerances_still_judge(capsys, answer, tol, said):
    main(["check", answer, "--expected", "1", "--tol", tol])
    assert capsys.readouterr().out == said


def test_a_batch_line_with_a_tolerance_that_would_accept_any_answer_is_that_line_s_error(monkeypatch, capsys):
    tolerances = ["true", "false", "1e400", "-0.1", "1" + "0" * 400, '"inf"', "0.1"]
    lines = [f'{{"id": {i}, "answer": "1.05", "expected": "1", "tol": {tol}}}' for i, tol in enumerate(tolerances)]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    assert main(["check", "--batch", "-"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("error") for r in out[:-1]] == [
        f"line {i + 1}: {REFUSED_TOLERANCE}{said}"
        for i, said in enumerate(["true", "false", "inf", "-0.1", "100000000000…", "'inf'"])]
    assert (out[-1]["verdict"], out[-1]["message"]) == ("correct", "Correct (within a relative error of 0.1).")


def test_a_pack_tolerance_that_would_accept_any_answer_is_refused_where_it_is_written(tmp_path, capsys):
    pack = pack_file(tmp_path, "id: a\n    kind: minimize\n    function: x^2 - 2x\n    tolerance: inf")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out == (f"{pack}:6:16: exercise 'a': 'tolerance' must be a relative error from 0 to "
                                       "0.5, like 1e-3, or decimal places from 0 to 15, like dp:4, not 'inf'\n")


# ------------------------------- a tolerance applies to coefficients whose exact value is irrational

IRRATIONAL = ("{id: t1, kind: tangent_plane, function: e^x cos(y), at: [1, 0], tolerance: 'dp:3'}",
              "{id: d1, kind: partial_derivative, function: x^2 + sqrt(2) x y, wrt: x, tolerance: 'dp:3'}",
              "{id: t0, kind: tangent_plane, function: e^x cos(y), at: [1, 0]}")


@pytest.mark.parametrize("answer, exercise, said", [
    ("z = 2.718x", "t1", "correct\nCorrect (to 3 decimal places).\nread as: z = 2.718x\n"),
    ("2x + 1.414y", "d1", "correct\nCorrect (to 3 decimal places).\nread as: 2x + 1.414y\n"),
    ("z = 2.72x", "t1", "incorrect\nThe 2.72 in your z is right to 2 decimal places; give it to 3 decimal places."
                        "\nread as: z = 2.72x\n"),
    ("z = 2.9x", "t1", "incorrect\nThe 2.9 in your z is not right to 3 decimal places.\nread as: z = 2.9x\n"),
    # no tolerance: a decimal for e is close, not exact, said as it was typed (not 1359/500)
    ("z = 2.718x", "t0", "incorrect\nThe 2.718 in your z is close, but an exact value is expected."
                         "\nread as: z = 2.718x\n"),
])
def test_an_exercise_s_tolerance_applies_to_an_irrational_coefficient(tmp_path, capsys, answer, exercise, said):
    pack = pack_file(tmp_path, *IRRATIONAL)
    main(["check", answer, "--exercise", f"{pack}:{exercise}"])
    assert capsys.readouterr().out == said


@pytest.mark.parametrize("answer, expected, tol, said", [
    ("1.41x + 1", "sqrt(2) x + 1", "dp:2", "correct\nCorrect (to 2 decimal places).\nread as: 1.41x + 1\n"),
    ("z = 1.41x + 1", "z = sqrt(2) x + 1", "dp:2", "correct\nCorrect (to 2 decimal places).\nread as: z = 1.41x + 1\n"),
    ("5.545y", "ln(256) y", "dp:2", "correct\nCorrect (to 2 decimal places).\nread as: 5.545y\n"),
    ("z = 5.545y + 12x - 32.636", "z = 8 + 12(x-2) + (y-3) ln(256)", "dp:2",
     "correct\nCorrect (to 2 decimal places).\nread as: z = 12x + 5.545y - 32.636\n"),
    ("z = 5.54518y + 12x - 32.6355", "z = 8 + 12(x-2) + (y-3) ln(256)", "1e-3",
     "correct\nCorrect (within a relative error of 0.001).\nread as: z = 12x + 5.54518y - 32.6355\n"),
    ("z = 5.54518y + 12x - 32.5", "z = 8 + 12(x-2) + (y-3) ln(256)", "1e-3",
     "incorrect\nThe -32.5 in your z is not right within a relative error of 0.001.\n"
     "read as: z = 12x + 5.54518y - 32.5\n"),
    ("z = 2.7x", "z = e x", "dp:3",
     "incorrect\nThe 2.7 in your z is right to 1 decimal place; give it to 3 decimal places.\nread as: z = 2.7x\n"),
    # a term the expected one lacks, of a higher degree than any it has: no rounding makes it (an outside attacker's
    # 0.00004x⁹⁹⁹⁹ was judged against 0 and right), and it is named (it was compared at a point)
    ("z = 5.55y + 1 + 0.1y^2", "z = ln(256) y + 1", "dp:2",
     "incorrect\nYour z has a term in y², which the correct one has not.\nread as: z = 0.1y² + 5.55y + 1\n"),
    # not a polynomial like the expected one: compared at a point, the answer's value echoed as typed
    ("z = 5.55y + 1 + 0.1sin(y)", "z = ln(256) y + 1", "dp:2",
     "incorrect\nAt y = 1 your z is 6.63415, but the correct z is 6.54518.\nread as: z = 0.1 sin(y) + 5.55y + 1\n"),
])
def test_a_tolerance_applies_to_an_irrational_coefficient(capsys, answer, expected, tol, said):
    main(["check", answer, "--expected", expected, "--tol", tol])
    assert capsys.readouterr().out == said


_TWO = "It looks like two mistakes: you lowered the exponent but did not multiply by it, and you "


@pytest.mark.parametrize("answer, student, note, message", [
    # f = x³ + y² - 3x: 3x² dropped to x² gives x² = 3, and ±3 with the square root not taken; the second reason
    # said "x² = 1 gives x = ±1, not ±1", the right equation's numbers (finding 432)
    ("(3, 0), (-3, 0)", "s38", "power-rule-not-multiplied+square-root-not-taken",
     f"{_TWO}forgot to take the square root. The derivative of x³ is 3x², not x². x² = 3 gives x = ±√3, not ±3."),
    # f = x³ + y² - 12x: x² = 12, not the "x² = 4 gives x = ±2, not ±4" of an equation and an answer no one wrote
    ("(12, 0), (-12, 0)", "ann", "power-rule-not-multiplied+square-root-not-taken",
     f"{_TWO}forgot to take the square root. The derivative of x³ is 3x², not x². x² = 12 gives x = ±2√3, not ±12."),
    ("(sqrt(3), 0)", "s38", "power-rule-not-multiplied+positive-root-only",
     f"{_TWO}took only the positive root. The derivative of x³ is 3x², not x². x² = 3 has two solutions, x = ±√3, "
     "and each gives a critical point."),
    # the one mistake alone is told of the right equation, as before
    ("(4, 0), (-4, 0)", "ann", "square-root-not-taken",
     "It looks like you forgot to take the square root: x² = 4 gives x = ±2, not ±4."),
])
def test_a_root_slip_after_a_derivative_slip_is_told_of_the_equation_it_gives(capsys, answer, student, note, message):
    assert main(["check", answer, "--exercise", "drills:cp-cubic", "--student", student]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["incorrect", message]
    assert main(["check", answer, "--exercise", "drills:cp-cubic", "--student", student, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["note"] == f"misconception:{note}"


@pytest.mark.parametrize("answer, exercise, message, credit", [
    # f = x² - y² - 3x - 5y has the one critical point (3/2, -5/2): "(3/2, 5/2) does not belong in the answer. 1 point
    # is missing." sent the student looking for a second one (finding 433)
    # (3/2, 5/2), the sign of -5/2 lost, is now named so (finding 741); another point is told why it is none
    ("(3/2, 3/2)", "drills:cp-saddle", "(3/2, 3/2) is not a critical point: ∂f/∂y = -2y - 5 is -8 there, not 0.", 0),
    ("(1.5, 1.5)", "drills:cp-saddle", "(1.5, 1.5) is not a critical point: ∂f/∂y = -2y - 5 is -8 there, not 0.", 0),
    ("(1, 0)", "gradients:critical-x2y2", "(1, 0) is not a critical point: ∂f/∂x = 2x is 2 there, not 0.", 0),
    ("(1, 1)", "gradients:critical-x2y2",
     "(1, 1) is not a critical point: ∂f/∂x = 2x is 2 and ∂f/∂y = 2y is 2 there, not 0.", 0),
    # x³ + y² - 3x: one of its two points right, the other none
    ("(3, 0), (-1, 0)", "drills:cp-cubic", "(3, 0) is not a critical point: ∂f/∂x = 3x² - 3 is 24 there, not 0.", 0),
    # fewer points than there are: one is missing, and that is said
    ("(3, 0)", "drills:cp-cubic", "(3, 0) does not belong in the answer. 2 points are missing.", 0),
])
def test_a_wrong_point_in_place_of_a_critical_point_is_told_why(capsys, answer, exercise, message, credit):
    student = ["--student", "s38"] if exercise.startswith("drills:") else []
    assert main(["check", answer, "--exercise", exercise, *student]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["incorrect", message]
    assert main(["check", answer, "--exercise", exercise, *student, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["note"], result["credit"]) == ("extra_point", credit)


SAUNA_PARTIALS = "∂T/∂x = -x(3x - 12)y²(y - 6)/90 is -27/10 and ∂T/∂y = -x²(x - 6)y(3y - 12)/90 is -27/10"


@pytest.mark.parametrize("answer, note, message", [
    # finding 747: a slip solving 3x − 12 = 0 beside the sauna's two walls got "does not belong … 1 point is missing"
    ("(1/4, 1/4), x = 0, y = 0", "misconception:divided-wrong-way",
     "It looks like you divided the wrong way round when solving for x and y: x = 4, not 1/4; y = 4, not 1/4."),
    ("(-4, -4), x = 0, y = 0", "misconception:critical-point-sign",
     "It looks like you took the signs of x and y the wrong way round: 3x - 12 is zero at x = 4, not at x = -4; "
     "3y - 12 is zero at y = 4, not at y = -4."),
    ("(-4, 4), x = 0, y = 0", "misconception:critical-point-sign",
     "It looks like you took the sign of x the wrong way round: 3x - 12 is zero at x = 4, not at x = -4."),
    # no slip found: the point told with the partials there, the lines being right (not "1 point is missing")
    ("(3, 3), x = 0, y = 0", "extra_point", f"(3, 3) is not a critical point: {SAUNA_PARTIALS} there, not 0."),
    ("(3, 3), y = 0, x = 0", "extra_point", f"(3, 3) is not a critical point: {SAUNA_PARTIALS} there, not 0."),
    # a line missing too: that is said
    ("(3, 3), x = 0", "extra_point", "(3, 3) does not belong in the answer. A line is missing."),
    # finding 804: 3x − 12 = 0 and y − 6 = 0, both factors of ∂T/∂x, and x − 6 = 0 and 3y − 12 = 0, both of ∂T/∂y, set to
    # zero together for (4, 4), got "(4, 6), (6, 4) do not belong in the answer. 1 point is missing."
    ("(4, 6), (6, 4), x = 0, y = 0", "misconception:extra-critical-points",
     "It looks like you set factors of the same partial derivative to zero together: that gives (4, 6), where only "
     "∂T/∂x is zero, and (6, 4), where only ∂T/∂y is zero, in place of (4, 4). At a critical point every partial "
     "derivative is zero at once: set one factor of each of ∂T/∂x and ∂T/∂y to zero, and solve them together."),
    ("(4, 6), x = 0, y = 0", "misconception:extra-critical-points",
     "It looks like you set factors of the same partial derivative to zero together: that gives (4, 6), where only "
     "∂T/∂x is zero, in place of (4, 4). At a critical point every partial derivative is zero at once: set one factor "
     "of each of ∂T/∂x and ∂T/∂y to zero, and solve them together."),
])
def test_a_slip_in_the_saunas_point_beside_its_walls_is_told_so(capsys, answer, note, message):
    assert main(["check", "--exercise", "gradients:sauna-critical-points", "--json", "--", answer]) == 1
    told = json.loads(capsys.readouterr().out)
    assert (told["note"], told["message"]) == (note, message)


def test_a_sign_lost_solving_a_partial_is_named(capsys):
    assert main(["check", "(3/2, 5/2)", "--exercise", "drills:cp-saddle", "--student", "s38"]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        "incorrect", "It looks like you took the sign of y the wrong way round: -2y - 5 is zero at y = -5/2, not at "
                     "y = 5/2."]


def test_batch_from_a_closed_stdin_checks_no_lines():
    """As `tutor <&-` (finding 525): `check --batch -` with stdin closed is input with no lines, not a crash."""
    ran = subprocess.run(["sh", "-c", 'exec "$0" -m tutor check --batch - <&-', sys.executable],
                         capture_output=True, text=True, timeout=120)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")


# finding 480: the lesson's LaTeX, pasted, got "Backslashes are not part of maths here." whatever the command
@pytest.mark.parametrize("typed, exercise, caret, message", [
    ("6 \\cdot x \\cdot y^{3}", "partial-x-3x2y3", 2, "'\\cdot' is LaTeX: write * for a product."),
    ("\\frac{18 x y^{3}}{3}", "partial-x-3x2y3", 0, "'\\frac{18 x y^{3}}{3}' is LaTeX: write (18 x y^{3})/(3)."),
    ("\\nabla f = \\langle 2x, 2y \\rangle", "gradient-x2y2", 0, "'\\nabla' is LaTeX: write ∇ or grad."),
    ("∇f = \\langle 2x, 2y \\rangle", "gradient-x2y2", 5,
     "'\\langle' is LaTeX: write the vector in round brackets, (2x, 2y)."),
    ("\\left( 2x, 2y \\right)", "gradient-x2y2", 0, "'\\left(' is LaTeX: leave out \\left and keep the bracket."),
    ("\\begin{pmatrix} 2x \\\\ 2y \\end{pmatrix}", "gradient-x2y2", 0,
     "'\\begin{pmatrix}' is LaTeX: write the vector in round brackets, (2x, 2y)."),
    # outside check h40, F8: a lone surrogate in a submission is kept as its escape, which read as LaTeX ('\udc')
    ("2x\\udc00", "partial-x-x2y2", 2,
     "'\\udc00' is an escape for U+DC00, half of a character (a lone surrogate), which can't be used here."),
    ("2x\\u00b2", "partial-x-x2y2", 2,
     "'\\u00b2' is an escape for the character U+00B2, which is not read here: type the character itself."),
])
def test_pasted_latex_is_told_what_to_type(capsys, typed, exercise, caret, message):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 3
    assert capsys.readouterr().out == f"invalid\n{typed}\n{' ' * caret}^\n{message}\n"


@pytest.mark.parametrize("typed, exercise", [
    ("6*x*y^{3}", "partial-x-3x2y3"), ("(18 x y^{3})/(3)", "partial-x-3x2y3"), ("(2x, 2y)", "gradient-x2y2"),
])
def test_what_a_latex_message_says_to_type_is_read(capsys, typed, exercise):
    assert main(["check", "--exercise", f"gradients:{exercise}", "--", typed]) == 0
    assert capsys.readouterr().out.startswith("correct\n")


@pytest.mark.parametrize("exercise, answer, message", [
    # finding 743: the lesson's own slips, the minus of "85 − …" lost and T's 1/90 left out, were told only a value
    ("gradients:sauna-partial-x", "x(3x - 12)y^2(y - 6)/90",
     "At x = 1, y = 2 your answer is 8/5, but the correct value is -8/5. Everywhere, only its sign is wrong."),
    ("gradients:partial-x-3x2y3", "-6xy^3",
     "At x = 1, y = 2 your answer is -48, but the correct value is 48. Everywhere, only its sign is wrong."),
    ("gradients:partial-x-3x2y3", "7xy^3",  # a coefficient wrong, not a factor: nothing more said
     "At x = 1, y = 2 your answer is 56, but the correct value is 48."),
    # finding 803: a derivative not a polynomial, whose values are not rational, and a gradient's one component
    ("gradients:hard-to-optimize-derivative", "1/x - e^x",
     "At x = 1 your answer is -1.71828, but the correct value is 1.71828. Everywhere, only its sign is wrong."),
    ("gradients:hard-to-optimize-derivative", "(e^x - 1/x)/2",
     "At x = 1 your answer is 0.859141, but the correct value is 1.71828. Everywhere, it is the correct one times 1/2."),
    ("gradients:hard-to-optimize-derivative", "e^x - 1/x + 1",  # a term added: no factor, nothing more said
     "At x = 1 your answer is 2.71828, but the correct value is 1.71828."),
    ("gradients:gradient-x2y2", "(-2x, 2y)",
     "At x = 1 your ∂f/∂x is -2, but the correct value is 2. Everywhere, only its sign is wrong."),
])
def test_an_expression_off_by_a_constant_factor_everywhere_is_told_so(capsys, exercise, answer, message):
    assert main(["check", "--exercise", exercise, "--", answer]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["incorrect", message]


_NO_90 = ("It looks like you dropped the constant coefficient 1/90{where}. A constant coefficient stays: the derivative of "
          "x²(x - 6)y²(y - 6)/90 is 1/90 times the derivative of x²(x - 6)y²(y - 6).")


@pytest.mark.parametrize("exercise, answer, message", [
    # finding 803 (743's rest): T's 1/90 left out, the lesson's commonest slip, was told "times 90" in ∂T/∂x and
    # only "not right" in ∇T(0.5, 0.6) and in the descent step made with it
    ("gradients:sauna-partial-x", "-x(3x - 12)y^2(y - 6)", _NO_90.format(where="")),
    ("gradients:descent-heat-gradient", "(-10.206, -8.415)", _NO_90.format(where=" in ∂T/∂x and ∂T/∂y")),
    ("gradients:descent-heat-step-1", "(1.0103, 1.0208)", _NO_90.format(where=" in ∂T/∂x and ∂T/∂y")),
])
def test_the_sauna_without_its_1_90_is_named(capsys, exercise, answer, message):
    assert main(["check", "--exercise", exercise, "--", answer]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == ["incorrect", message]
    assert main(["check", "--json", "--exercise", exercise, "--", answer]) == 1
    assert json.loads(capsys.readouterr().out)["note"] == "misconception:dropped-constant-coefficient"


@pytest.mark.parametrize("exercise, typed, message", [
    # outside check: "A vector is expected here, like (4, 6)." for a fit's m and b, or a point's x and y
    ("gradients:power-lines-fit", "5", "Give both m and b, like m = 1, b = 2."),
    ("gradients:tv-descent-step", "0.02", "Give both m and b, like m = 1, b = 2."),
    ("gradients:local-minima-2d-end", "0.9601", "Give both x and y, like x = 1, y = 2."),
])
def test_one_number_where_named_parts_are_asked_for_is_told_to_give_each(capsys, exercise, typed, message):
    assert main(["check", "--exercise", exercise, "--", typed]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == message


def test_a_line_written_as_a_point_with_a_variable_is_told_how_lines_are_written(capsys):
    # outside check: "(0, y)" got "A point's coordinates must be numbers", with no way forward
    assert main(["check", "--exercise", "gradients:sauna-critical-points", "(4, 4), (0, y), (x, 0)"]) == 3
    assert capsys.readouterr().out.splitlines()[-1] == (
        "A point's coordinates must be numbers; a whole line of points is written as its equation, like x = 0.")


@pytest.mark.parametrize("answer, expected, said", [
    # an outside check: a term whose right coefficient is 0 had no tolerance, though x = 1.04 is right for x = 1
    ("x = 0.04", "x = 0", "correct\nCorrect (to 1 decimal place)."),
    ("z = 4x + 8y + 0.04", "z = 4x + 8y", "correct\nCorrect (to 1 decimal place)."),
    ("y = 0.04x + 3", "y = 3", "correct\nCorrect (to 1 decimal place)."),
    ("z = 4x + 8y + 0.06", "z = 4x + 8y", "incorrect\nThe 0.06 in your z is not right to 1 decimal place."),
    ("z = 4x + 8y + 3", "z = 4x + 8y", "incorrect\nThe 3 in your z is not right to 1 decimal place."),
    # an outside attacker: a term of a higher degree than any the right one has is no rounding, however small
    # (these were correct)
    ("y = 2x + 0.00004x^9999", "y = 2x", "incorrect\nYour y has a term in x⁹⁹⁹⁹, which the correct one has not."),
    ("z = 4x + 8y - 20 + 0.04 y^2", "z = 4x + 8y - 20", "incorrect\nYour z has a term in y², which the correct one "
                                                          "has not."),
])
def test_a_typed_decimal_where_the_right_coefficient_is_0_is_judged_to_the_tolerance(capsys, answer, expected, said):
    main(["check", "--expected", expected, "--vars", "x,y,z", "--tol", "dp:1", answer])
    assert capsys.readouterr().out.startswith(said + "\n")


def test_a_rate_named_twice_is_said_with_a_lowercase_alpha(capsys):
    # an outside check: the sentence began "Α = 1.1", its α capitalised to a Greek capital that reads as Latin A
    main(["check", "--exercise", "gradients:learning-rates-x2", "1.1: diverges, 1.1: oscillates, 0.25: converges"])
    assert "The rate α = 1.1 is given twice." in capsys.readouterr().out


def test_an_expected_line_in_three_variables_names_its_variables(capsys):
    """Found in review: the variables of an expected set holding a line written x = y = z were looked up on the
    line itself, which has none of its own (exit 70, "this is a bug"); they are its equations'."""
    assert main(["check", "x = 0, y = 0", "--expected", "{x = y = z}", "--shape", "points"]) == 1
    assert capsys.readouterr().out == ("incorrect\nx = 0, y = 0 do not belong in the answer. A line is missing.\n"
                                       "read as: {x = 0, y = 0}\n")


@pytest.mark.parametrize("answer, said", [
    ("-1", "Your answer -1 is not right. f has no value there, so it can't be where f is least."),
    ("0", "Your answer 0 is not right. f has no value there, so it can't be where f is least."),
    ("-10^400", "Your answer -1e400 is not right. f has no value there, so it can't be where f is least."),
    ("3", "Your answer 3 is not right."),
    ("-1, -1", "x = -1 is given twice. Your answer -1 is not right. f has no value there, so it can't be where f is "
               "least."),  # outside check h44, N1: judged as -1, it lacked the sentence
    ("-6", "It looks like you lost a minus sign. The derivative of a difference is the difference of the derivatives: "
           "the term -6 ln(x) gives -6/x. f has no value there, so it can't be where f is least."),
    # no fraction: judged just beside it (outside check h48, N8: -1/(2e) for x² ln x was told its mistake alone)
    ("-sqrt(2)", "Your answer -√2 ≈ -1.41421 is not right. f has no value there, so it can't be where f is least."),
    ("-1/e", "Your answer -e⁻¹ ≈ -0.367879 is not right. f has no value there, so it can't be where f is least."),
    ("sqrt(2)", "Your answer √2 ≈ 1.41421 is not right."),
])
def test_an_x_where_f_has_no_value_is_told_so(capsys, answer, said):
    """Outside check h39, F3: -2 for the x where x - 2 ln x is least was told only what was wrong with it; it is told
    after a mistake named too."""
    assert main(["check", "--exercise", "drills:mn-log", "--student", "ana", "--", answer]) == 1  # f = -6 ln x + x
    assert capsys.readouterr().out.splitlines()[1] == said
