"""Answers pasted from other tools (outside check h22: LaTeX, Word, calculators, spreadsheets, notebooks).

What a paste brings that typing does not is refused where it is, with what to type; never read as something else
and graded.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.cli import main
from tutor.parse import InputError, read


def told(capsys: pytest.CaptureFixture[str], answer: str, exercise: str = "", expected: str = "") -> list[str]:
    where = ["--exercise", exercise] if exercise else ["--expected", expected]
    main(["check", *where, "--", answer])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(("answer", "column"), [
    ("6xy^3\n9x^2y^2", 5),  # two lines of a notebook: were 54x³y⁵, graded incorrect
    ("6xy^3\r\n9x^2y^2", 5),
    ("6xy^3\u20289x^2y^2", 5),  # LINE SEPARATOR
    ("  6xy^3\n2", 7),
])
def test_a_line_break_inside_an_answer_is_refused_where_it_is(capsys, answer: str, column: int) -> None:
    lines = told(capsys, answer, "gradients:partial-x-3x2y3")
    assert lines[0] == "invalid" and lines[2] == " " * column + "^"
    assert lines[3] == "Your answer runs over more than one line: give one answer, on one line."


def test_a_line_separator_is_shown_as_a_line_break(capsys) -> None:
    """Outside check h25: U+2028 was echoed as �."""
    assert told(capsys, "6xy^3\u20289x^2y^2", "gradients:partial-x-3x2y3")[1] == "6xy^3\u24249x^2y^2"


@pytest.mark.parametrize("answer", ["6xy^3\n", "\t6xy^3\r\n", " 6xy^3 \n\n"])
def test_line_breaks_and_tabs_at_the_ends_are_left_out(capsys, answer: str) -> None:
    assert told(capsys, answer, "gradients:partial-x-3x2y3")[:2] == ["correct", "Correct."]


def test_a_tab_inside_an_answer_is_refused(capsys) -> None:
    """An Excel LINEST row pasted: was "Give both m and b", false, with no column."""
    assert told(capsys, "0.5\t2.333333333", "gradients:power-lines-fit") == [
        "invalid", "0.5 2.333333333", "   ^",
        "Your answer has a tab in it (from the cells of a table, perhaps): type a space instead, or a comma between values."]


def test_values_side_by_side_are_told_to_take_commas(capsys) -> None:
    assert told(capsys, "0.5 2.333333333", "gradients:power-lines-fit") == [
        "invalid", "0.5 2.333333333", "   ^", "Separate the values with commas: 0.5, 2.333333333."]


@pytest.mark.parametrize(("answer", "space"), [
    ("1\u202f447", "a space (U+202F NARROW NO-BREAK SPACE)"),
    ("1\u00a0447", "a space (U+00A0 NO-BREAK SPACE)"),
    ("1 447", "a space"),
])
def test_digits_grouped_in_thousands_are_refused(capsys, answer: str, space: str) -> None:
    """Were the product 1·447, graded incorrect."""
    assert told(capsys, answer, expected="1447")[2:] == [
        " ^", f"'{answer}' has {space} between its digits, as between thousands: write 1447 for one number, or put "
              "'*' between numbers to multiply them."]


@pytest.mark.parametrize(("answer", "expected", "reading"), [
    ("2 3", "6", "Correct. ('2 3' was read as the product 2·3.)"),  # not three digits after the space
    ("0.5 100", "50", "Correct. ('0.5 100' was read as the product 0.5·100.)"),
    ("x^2 100", "100x^2", "Correct. (The space before 100 at column 5 was read as a times sign.)"),
])
def test_other_numbers_after_a_space_are_a_product_and_said_so(capsys, answer: str, expected: str,
                                                               reading: str) -> None:
    assert told(capsys, answer, expected=expected)[:2] == ["correct", reading]


def test_two_answers_side_by_side_say_how_they_were_read(capsys) -> None:
    assert told(capsys, "6xy^3 9x^2y^2", "gradients:partial-x-3x2y3")[1].endswith(
        "Note: The space before 9 at column 7 was read as a times sign; to give two answers, put a comma between "
        "them.")


@pytest.mark.parametrize("answer", ["1.447,0", "1,447.0"])
def test_thousands_and_decimals_apart_by_different_signs(capsys, answer: str) -> None:
    assert told(capsys, answer, expected="1447")[1:] == [
        answer, "^", "Write the number without separators between its thousands, and a point before its decimals: "
                     "1447.0."]


def test_a_list_where_one_value_is_asked_is_refused_at_its_second_value(capsys) -> None:
    assert told(capsys, "0.1447, 0.1735", "gradients:descent-1d-step-1")[1:] == [
        "0.1447, 0.1735", "        ^", "A single number is expected here, not a list."]


@pytest.mark.parametrize(("answer", "message"), [
    ("6\u0445y^3", "The character 'х' (U+0445 CYRILLIC SMALL LETTER HA) can't be used here: type x instead."),
    ("1.447436\u1d07-1", "The character 'ᴇ' (U+1D07 LATIN LETTER SMALL CAPITAL E) can't be used here: type E "
                         "instead."),
    ("6xy\u02c63", "The character 'ˆ' (U+02C6 MODIFIER LETTER CIRCUMFLEX ACCENT) can't be used here: type ^ "
                   "instead."),
    ("6xy☃3", "The character '☃' (U+2603 SNOWMAN) can't be used here."),
    ("6xy@3", "The character '@' can't be used here."),
])
def test_a_character_refused_is_named_and_its_look_alike_given(capsys, answer: str, message: str) -> None:
    assert told(capsys, answer, "gradients:partial-x-3x2y3")[3] == message


def test_a_look_alike_of_a_letter_that_is_no_name_here_says_so(capsys) -> None:
    # outside check h54, N8: "type x instead" on d/dy, where x is then refused as no variable of the exercise
    assert told(capsys, "2\u0445", "gradients:tangent-line-fix-x")[3] == (
        "The character 'х' (U+0445 CYRILLIC SMALL LETTER HA) can't be used here; it looks like x, which is no name "
        "here either (the variable is y).")


@pytest.mark.parametrize(("answer", "exercise", "column", "message"), [
    ("E\\left(m = \\frac{1}{2}, b = \\frac{7}{3}\\right) \\approx 4.167", "power-lines-cost", 1,
     "'\\left(' is LaTeX: leave out \\left and keep the bracket."),  # was "Unknown name 'E'", the cost's own name
    ("6*x*y^3;", "partial-x-3x2y3", 7, "Leave out the ';' at the end: an answer needs none."),
    (">>> 6*x*y**3", "partial-x-3x2y3", 0, "Write just the answer, without the prompt '>>>'."),
    ("6xy<sup>3</sup>", "partial-x-3x2y3", 3, "'<sup>' is an HTML tag: write a power with ^, like x^3."),
    ("∂f/∂y = 2y, ∂f/∂x = 2x", "partial-y-x2y2", 12,
     "A derivative's name may only begin the answer, before its '=': give just the one asked for."),
    ("0.1447 (rounded)", "descent-1d-step-1", 8, "Write just the answer, without words."),
    ("6xy^3 (from WolframAlpha)", "partial-x-3x2y3", 7, "Write just the answer, without words."),
    ("Out[3]: 6*x*y**3", "partial-x-3x2y3", 0, "Write just the answer, without the notebook's 'Out[3]:'."),
    ("**6xy^3**", "partial-x-3x2y3", 0,
     "'**' around the answer marks bold text in Markdown: write the answer without it."),
])
def test_what_a_paste_brings_is_told_as_what_it_is(capsys, answer: str, exercise: str, column: int,
                                                  message: str) -> None:
    """Were "Use a comma to separate items." (one item), "Comparisons are not answers here.", "The character '∂'
    can't be used here." (it can, at the start), "Unknown name 'rounded'"."""
    assert told(capsys, answer, f"gradients:{exercise}")[2:] == [" " * column + "^", message]


def test_an_authors_text_may_still_run_over_lines() -> None:
    """Trusted text (a pack's function or answer, read with `infer`) keeps reading a line break as a space."""
    assert str(read("6x*y^3\n+ 1", infer=True).value) == "6*x*y**3 + 1"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="6xy^3()+-*/, .", min_size=1, max_size=12), st.sampled_from("\n\r\u2028\u2029\x85"),
       st.text(alphabet="6xy^3()+-*/, .", min_size=1, max_size=12))
def test_any_line_break_inside_is_refused_at_it(before: str, line_break: str, after: str) -> None:
    text = before + line_break + after
    if not before.strip() or not after.strip():
        return
    with pytest.raises(InputError) as caught:
        read(text, "expression", ("x", "y"))
    assert (caught.value.column, caught.value.note) == (len(before), "syntax")


def test_the_grader_refuses_a_pasted_cell_for_that_answer_only(tmp_path) -> None:
    from tutor.grade import grade
    from tutor.submissions import read_submissions
    answers = tmp_path / "class.csv"
    answers.write_text('student,exercise,answer\na,partial-x-3x2y3,"6xy^3\n9x^2y^2"\na,partial-y-3x2y3,9x^2y^2\n',
                       encoding="utf-8")
    pack = packs.load("gradients")
    book = grade(pack, read_submissions([answers], pack))
    verdicts = {r.exercise: (r.verdict, r.note) for r in book.results if r.verdict != "unanswered"}
    assert verdicts == {"partial-x-3x2y3": ("invalid", "parse_error:syntax"),
                        "partial-y-3x2y3": ("correct", "equal")}


@pytest.mark.parametrize(("answer", "exercise"), [
    ("6x\u00ady^3", "partial-x-3x2y3"),  # a soft hyphen, where a word processor may break a word
    ("6x\u00a0y\u202f^3", "partial-x-3x2y3"),
    ("\ufeff6x\u2060y^3", "partial-x-3x2y3"),
    ("6x∙y^3", "partial-x-3x2y3"),
    ("f’(x) = e^x – 1/x", "hard-to-optimize-derivative"),  # Word's apostrophe and dash
    ("e^x \u2010 1/x", "hard-to-optimize-derivative"),
    ("e^x \uff0d 1/x", "hard-to-optimize-derivative"),
    ("1.447436E-1", "descent-1d-step-1"),
])
def test_what_word_processors_and_calculators_write_is_read(capsys, answer: str, exercise: str) -> None:
    assert told(capsys, answer, f"gradients:{exercise}")[0] == "correct"


@pytest.mark.parametrize(("answer", "message"), [
    ("\u2147^x - 1/x", "The character 'ⅇ' (U+2147 DOUBLE-STRUCK ITALIC SMALL E) can't be used here: type e instead."),
    ("e^x - 1/\u03a7", "Unknown name 'Χ': its 'Χ' is U+03A7 GREEK CAPITAL LETTER CHI; type X instead."),
])
def test_other_look_alikes(capsys, answer: str, message: str) -> None:
    assert told(capsys, answer, "gradients:hard-to-optimize-derivative")[3] == message


def test_the_feedback_page_shows_the_line_break_it_speaks_of(tmp_path) -> None:
    """Outside check h25: the page showed "6xy^3 9x^2y^2" beside "Your answer runs over more than one line"."""
    answers = tmp_path / "class.csv"
    answers.write_text('student,exercise,answer\nann,partial-x-3x2y3,"6xy^3\n9x^2y^2"\n', encoding="utf-8")
    main(["grade", "gradients", str(answers), "--out", str(tmp_path / "out"), "--feedback", str(tmp_path / "fb")])
    page = next((tmp_path / "fb").glob("*.md")).read_text(encoding="utf-8")
    assert "- Your answer: 6xy^3␊9x^2y^2\n" in page
    assert "- Feedback: Your answer runs over more than one line: give one answer, on one line.\n" in page


def test_the_feedback_page_shows_other_control_characters_as_the_csvs_do(tmp_path) -> None:
    """Outside check h27, F2: the page showed an escape as ␛ and a right-to-left override as �, beside its name written
    \\x1b, where the docs promise \\x1b as on standard error and in the CSVs."""
    answers = tmp_path / "class.csv"
    answers.write_text('student,exercise,answer\nann,partial-x-3x2y3,"6xy^3\x1b]0;pwned\x07"\n'
                       'bo,partial-x-3x2y3,"\u200f6xy^3\u202e"\n', encoding="utf-8")
    main(["grade", "gradients", str(answers), "--out", str(tmp_path / "out"), "--feedback", str(tmp_path / "fb")])
    pages = {page.stem: page.read_text(encoding="utf-8") for page in (tmp_path / "fb").glob("*.md")}
    assert "- Your answer: 6xy^3\\\\x1b]0;pwned\\\\x07\n" in pages["ann"]  # Markdown's escape of the backslash
    assert "- Your answer: \\\\u200f6xy^3\\\\u202e\n" in pages["bo"]
