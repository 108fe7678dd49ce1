"""What the item analysis, the feedback pages and `tutor pack show --answers` say about exercises a
class could not be graded on, answers nobody could read, and an author's own questions (findings 195, 197)."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main

# flat can be set for no one; en's every answer is written after a name the prompt does not give it
PACK = ("pack: words\ntitle: Words\nexercises:\n"
        "  - {id: a, kind: minimize, function: 'x^2 - 2x'}\n"
        "  - {id: flat, kind: local_minima, function: 'max(0,x)^2'}\n"
        "  - {id: en, kind: expression, prompt: 'What is f(2) for f = x^2?', expected: '4'}\n"
        "  - {id: tagged, kind: expression, prompt: 'f = x^2: what is f(3)?', expected: '9', tags: [function-values]}\n"
        "  - {id: titled, kind: expression, title: The value of a function, prompt: 'f = x^2: f(4)?', expected: '16'}\n"
        "  - {id: hinted, kind: expression, prompt: 'f = x^2: f(5)?', expected: '25', hints: [Square 5.]}\n")
ANSWERS = {"a": "2", "flat": "0", "en": "f(2) = 4", "tagged": "1", "titled": "1", "hinted": "1"}  # f(2) = 4: the
# prompt gives its answer no name to write it after


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("words")
    (folder / "words.yaml").write_text(PACK, encoding="utf-8")
    rows = [f'{student},{exercise},"{answer}"' for student in ("ana", "ben", "cy") for exercise, answer in ANSWERS.items()]
    (folder / "class.csv").write_text("student,exercise,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["grade", str(folder / "words.yaml"), str(folder / "class.csv"), "--out", str(folder / "out"),
                 "--feedback", str(folder / "pages"), "--summary", str(folder / "summary.md")]) == 0
    return folder


def _section(summary: str, heading: str) -> str:
    return summary.split(f"\n## {heading}\n\n")[1].split("\n## ")[0]


def test_an_exercise_graded_for_no_one_is_not_counted_and_has_no_figures(graded):
    summary = (graded / "summary.md").read_text(encoding="utf-8")
    assert "| 2 | flat | not counted | 0 | 0 | – | – | not graded: mend the exercise |" in summary
    assert _section(summary, "2. flat").endswith("It is left out of the points possible, and of the figures above; "
                                                 "mend the exercise.\n")  # not "fewer than 3 students", nor "Nobody"
    report = json.loads((graded / "out" / "report.json").read_text(encoding="utf-8"))
    flat = report["summary"]["exercises"][1]
    assert (flat["left_out"], flat["discrimination"], flat["discrimination_undefined"]) == (
        True, None, "not defined: it was graded for no one")
    assert "left_out" not in report["summary"]["exercises"][0]


def test_answers_nobody_could_read_are_not_no_wrong_answers(graded):
    summary = (graded / "summary.md").read_text(encoding="utf-8")
    assert _section(summary, "3. en") == (
        "Discrimination: not defined: everyone scored the same on it.\n\n"
        "None of the 3 answers could be read (verdict invalid, scored 0); their notes in answers.csv: "
        "`parse_error:unknown_function` (3).\n")
    report = json.loads((graded / "out" / "report.json").read_text(encoding="utf-8"))
    en = report["summary"]["exercises"][2]
    assert (en["most_common_wrong"], en["unreadable"]) == ([], [{"note": "parse_error:unknown_function", "count": 3}])
    assert "unreadable" not in report["summary"]["exercises"][0]


def test_an_authors_question_is_reviewed_by_its_tags_title_or_hint_never_as_expression(graded):
    page = (graded / "pages" / "ana.md").read_text(encoding="utf-8")
    assert [line for line in page.splitlines() if line.startswith("- Review")] == [
        "- Review: minimize. At a minimum the slope is zero: solve f′(x) = 0.",
        "- Review: function values.", "- Review: The value of a function.", "- Review: Square 5."]


NUMBERS = ("pack: numbers\ntitle: Numbers\nexercises:\n"
           "  - {id: d, kind: expression, prompt: 'What is 1/2?', expected: '0.5'}\n"
           "  - {id: e, kind: expression, prompt: 'What is 1/10?', expected: '1/10'}\n"
           "  - {id: f, kind: expression, prompt: 'Point?', expected: '(0.8, 0.6)'}\n"
           "  - {id: g, kind: expression, prompt: 'What is {a} x?', expected: 'a x', params: {a: {choice: [0.5]}}}\n"
           "  - {id: h, kind: expression, prompt: 'What is x/{a}?', expected: 'x/a', params: {a: {int: [10, 10]}}}\n"
           "  - {id: i, kind: expression, prompt: 'Tiny?', expected: '3e-8'}\n")


def test_an_authors_answer_is_shown_with_decimals_and_fractions_as_written(tmp_path, capsys):
    (tmp_path / "numbers.yaml").write_text(NUMBERS, encoding="utf-8")
    assert main(["pack", "show", str(tmp_path / "numbers.yaml"), "--answers"]) == 0
    assert [line.strip() for line in capsys.readouterr().out.splitlines() if "answer:" in line] == [
        "answer: 0.5", "answer: 1/10", "answer: (0.8, 0.6)", "answer: 0.5x", "answer: x/10",
        "answer: 3e-8"]  # finding 207: scientific notation is a decimal too, never 3/100000000
    # the values are the same: each is right written either way
    for exercise, right in (("d", "1/2"), ("e", "0.1"), ("f", "(4/5, 3/5)"), ("d", "0.5"), ("e", "1/10")):
        assert main(["check", "--exercise", f"{tmp_path / 'numbers.yaml'}:{exercise}", right]) == 0


TENTHS = ("pack: tenths\ntitle: Tenths\nexercises:\n"
          "  - {id: a, kind: critical_points, function: 'sin(x) + x/10'}\n"
          "  - {id: e, kind: critical_points, function: 'sin(x) + x/10 + y^2'}\n")


def test_a_key_keeps_the_fractions_its_function_was_written_with(tmp_path, capsys):
    # finding 207: x/10 was shown acos(-0.1) in the key and in what a wrong answer is told, as `tutor solve
    # critical` writes it: a decimal inside an exact form
    (tmp_path / "tenths.yaml").write_text(TENTHS, encoding="utf-8")
    assert main(["pack", "show", str(tmp_path / "tenths.yaml"), "--answers"]) == 0
    assert [line.strip() for line in capsys.readouterr().out.splitlines() if "answer:" in line] == [
        "answer: x = acos(-1/10), x = -acos(-1/10) + 2π", "answer: {(acos(-1/10), 0), (-acos(-1/10) + 2π, 0)}"]
    assert main(["check", "--exercise", f"{tmp_path / 'tenths.yaml'}:a", "--", "acos(-1/10)"]) == 1
    assert capsys.readouterr().out == (
        "incorrect\n"
        "It looks like you missed x = -acos(-1/10) + 2π: f′ = 0 there, and that makes it a critical point too.\n"
        "read as: x = acos(-1/10)\n")

