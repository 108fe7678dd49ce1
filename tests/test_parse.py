"""Reading what students type: the conformance cases and the shapes of answers."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy
from cases import conformance_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import check
from tutor.budget import counted, spent
from tutor.limits import Limits
from tutor.parse import SHAPES, Equation, InputError, Meet, Shape, read, symbol
from tutor.show import show

INPUT_CASES = conformance_cases("input_cases.jsonl")
X, Y = symbol("x"), symbol("y")


def notes_of(answer):
    """How the answer was read, each reading with its advice as a check's note says them."""
    return tuple(map(str, answer.ambiguities))


def _case_id(case):
    return repr(case["input"])[:40] if isinstance(case, dict) else "absent"


@pytest.mark.parametrize("case", INPUT_CASES, ids=_case_id)
def test_conformance_input_case(case):
    # the reading's work in Python calls, the same on any machine load: the most of these cases take is 4,400
    if case["outcome"] == "invalid":
        with pytest.raises(InputError) as caught, counted(50_000):
            read(case["input"], variables=case["variables"])
        error = caught.value
        assert len(error.message.split()) >= 3 and "Error" not in error.message, "a sentence, not a code"
        assert error.column is None or 0 <= error.column <= len(case["input"])
    else:
        with counted(50_000):
            answer = read(case["input"], variables=case["variables"])
        names = {v: symbol(v) for v in case["variables"]}
        # the conformance file's reads_as is trusted sympy syntax; only the test reads it that way
        wanted = sympy.sympify(case["reads_as"], locals=names)
        assert sympy.expand(answer.value - wanted) == 0
        assert sympy.srepr(sympy.expand(answer.value)) == sympy.srepr(sympy.expand(wanted))
        if case.get("ambiguous"):
            assert notes_of(answer), "an ambiguous input must say how it was read"


@pytest.mark.parametrize("text, message, column", [
    ("z + 1", "unknown name 'z' (the variables are x and y)", 0),
    ("X", "unknown name 'X'; names are case-sensitive: did you mean 'x'?", 0),
    ("dy/dx", "unknown name 'dy' (the variables are x and y)", 0),
    ("f(x)", "unknown function 'f'", 0),
    # a letter alone is a function's only where called (outside check h58, F1: 'w' was told "did you mean 'W'?")
    ("2w", "unknown name 'w' (the variables are x and y)", 1),
    ("w(1)", "unknown function 'w'; names are case-sensitive: did you mean 'W'?", 0),
    ("EXP x", "unknown function 'EXP'; names are case-sensitive: did you mean 'exp'?", 0),
    # an outside check: the names of other countries' textbooks were only "unknown"
    ("tg(x)", "unknown function 'tg'; did you mean 'tan'?", 0),
    ("2 arctg(x)", "unknown function 'arctg'; did you mean 'arctan'?", 2),
    ("sen(x)", "unknown function 'sen'; did you mean 'sin'?", 0),
    ("lg(x)", "unknown function 'lg'; did you mean 'log_10'?", 0),
    ("(x+1", "unbalanced brackets: the '(' at column 1 is never closed", 0),
    ("x+1)", "unbalanced brackets: this ')' has no matching opening bracket", 3),
    ("x^", "missing exponent after '^'", 1),
    ("x +* y", "missing operand before '*'", 3),
    ("(2x, 2y,)", "missing item after ','", 7),  # was "missing operand before ')'"
    ("(2x,, 2y)", "missing item after ','", 3),
    ("(, 2y)", "missing item before ','", 1),
    ("sin", "'sin' needs an argument, like sin(x)", 0),
    ("1/0", "division by zero", 1),
    ("x<y", "comparisons are not answers here", 1),
    ("", "the answer is empty", 0),
])
def test_errors_are_sentences_with_a_column(text, message, column):
    with pytest.raises(InputError) as caught:
        read(text)
    assert (caught.value.message, caught.value.column) == (message, column)


def test_caret_points_at_the_column():
    with pytest.raises(InputError) as caught:
        read("6 x z^2")
    assert caught.value.pointer("6 x z^2") == "6 x z^2\n    ^"


def test_a_caret_under_an_answer_of_several_lines_points_at_the_line_break():
    """Finding 377: a pasted column of points had its caret placed by the flat offset, under another line;
    the line breaks are shown as ␊ on one line, so the caret is under the character the message names. Outside
    check h22: two lines pasted were read as one, their parts multiplied (6xy³ and 9x²y² as 54x³y⁵, graded);
    a line break inside an answer is refused where it is."""
    text = "(2, 2)\n(3, 3)\nx = 0\ny = 0"
    with pytest.raises(InputError) as caught:
        read(text, Shape.POINTS, ("x", "y"))
    assert (caught.value.message, caught.value.pointer(text)) == (
        "your answer runs over more than one line: give one answer, on one line", "(2, 2)␊(3, 3)␊x = 0␊y = 0\n      ^")


def test_a_caret_after_full_width_characters_points_at_the_character_named():
    """Finding 414: the caret was placed by characters, one column short for each full-width one before it."""
    with pytest.raises(InputError) as caught:
        read("２x + +")
    assert caught.value.pointer("２x + +") == "２x + +\n      ^"


@pytest.mark.parametrize("text, shown", [
    ("2\u200by 😀", "2 y 😀\n    ^"),  # outside check h54, N7: a zero-width space, read as a space, was echoed as �
    ("2\u2061y 😀", "2 y 😀\n    ^"),  # Word's function application, read as a space too
    ("2y\u202e", "2y\ufffd\n  ^"),  # a character refused is shown as a symbol, the caret under it
])
def test_a_character_read_as_a_space_is_echoed_as_one(text, shown):
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.pointer(text) == shown


@pytest.mark.parametrize("text, expected", [
    ("xsinx", "x*sin(x)"),
    ("sin x cos x", "sin(x)*cos(x)"),
    ("sin 2x", "sin(2*x)"),
    ("2pi x", "2*pi*x"),
    ("eˣ - ln(x)", "exp(x) - log(x)"),
    ("e²ˣ", "exp(2*x)"),
])
def test_letter_runs_split_into_known_names(text, expected):
    x = symbol("x")
    assert read(text).value == sympy.sympify(expected, locals={"x": x})


@pytest.mark.parametrize("text, expected", [
    ("sin x(y)", "sin(x)*y"),
    ("cos x^2(2x)", "cos(x**2)*2*x"),  # a chain-rule factor written after the function
    ("ln x[y + 1]", "log(x)*(y + 1)"),
    ("sin 2(x + 1)", "sin(2)*(x + 1)"),
    ("sin (x + 1)y", "sin(x + 1)*y"),
    ("sin x|y|", "sin(x*Abs(y))"),
])
def test_a_bare_argument_ends_at_a_bracket(text, expected):
    x, y = symbol("x"), symbol("y")
    assert read(text, variables=("x", "y")).value == sympy.sympify(expected, locals={"x": x, "y": y})


def test_greek_letters_may_name_greek_variables():
    assert read("θ^2 + 1", variables=("theta",)).value == symbol("theta") ** 2 + 1


def test_decimals_are_exact():
    assert read("0.5057", "number").value == sympy.Rational(5057, 10000)
    assert read("5.1e-2", "number").value == sympy.Rational(51, 1000)


@pytest.mark.parametrize(("text", "expected"), [("1e12x", "E*12*x"), ("2e3x", "E*6*x"), ("1e12(x+1)", "12*E*(x+1)"),
                                                ("1e12 x", "10**12*x")])
def test_a_number_in_e_notation_before_a_letter_is_never_cut_short(text, expected):
    # before, 1e12x was read as 1e1·2x = 20x, and so graded correct for 20x; 2e-3x, with a sign, is refused with
    # its two readings (test_a_calculators_number_straight_before_a_letter_is_refused_not_read_one_way)
    assert read(text, variables=("x",)).value == sympy.sympify(expected, locals={"x": symbol("x")})


@pytest.mark.parametrize("text, value", [("2 1/3", "7/3"), ("-2 1/3", "-7/3"), ("x - 2 1/3", "x - 7/3"),
                                         ("2 1/3 x", "7*x/3")])
def test_a_whole_number_then_a_proper_fraction_is_a_mixed_number_and_said(text, value):
    answer = read(text, variables=("x",))
    assert answer.value == sympy.sympify(value, locals={"x": symbol("x")})
    assert notes_of(answer) == ("'2 1/3' was read as the mixed number 2 + 1/3 = 7/3; for a product write 2·1/3",)


@pytest.mark.parametrize("text, value", [
    ("2 x/3", "2*x/3"), ("2 (1/3)", "2/3"), ("2·1/3", "2/3"), ("2 4/3", "8/3"),  # not a proper fraction
    ("1/2 1/3", "1/6"), ("2 1/3^2", "2/9"), ("2.5 1/3", "5/6"), ("21/3", "7"),
])
def test_other_products_keep_their_reading(text, value):
    answer = read(text, variables=("x",))
    assert answer.value == sympy.sympify(value, locals={"x": symbol("x")})
    assert not any("mixed" in said for said in notes_of(answer))



@pytest.mark.parametrize("text, value, note", [
    ("2 4", "8", "'2 4' was read as the product 2·4"),  # 24 with a stray space, or "2, 4": said, never silent
    ("2 4/3", "8/3", "'2 4' was read as the product 2·4"),
    ("2.5 1/3", "5/6", "'2.5 1' was read as the product 2.5·1"),
])
def test_two_numbers_with_a_space_between_are_a_product_and_said(text, value, note):
    answer = read(text, variables=("x",))
    assert answer.value == sympy.sympify(value)
    assert note in notes_of(answer)


@pytest.mark.parametrize("text", ["2 x", "2(3)", "1/2 3", "24", "2·4", "2 1/3"])
def test_a_number_after_a_divisor_a_letter_or_a_bracket_is_no_spaced_product(text):
    assert not any("the product" in said for said in notes_of(read(text, variables=("x",))))

@pytest.mark.parametrize("text", ["(4, 6)", "[4, 6]", "⟨4, 6⟩", "4, 6"])
def test_vectors(text):
    assert read(text, "vector").value == (4, 6)


@pytest.mark.parametrize("text, column", [("(2x, 2y), (1, 2)", 10), ("[(1, 0), (-1, 0)]", 9)])
def test_a_list_of_vectors_where_one_is_asked_is_told_so_at_the_second(text, column):
    # was "each component must be a single expression", at the first
    with pytest.raises(InputError) as caught:
        read(text, "vector", ("x", "y"))
    assert (caught.value.message, caught.value.column) == ("one vector is expected here, not a list of them", column)


@pytest.mark.parametrize("text, column, fixed", [
    ("(2x 2y)", 4, "(2x, 2y)"), ("[2x 2y]", 4, "[2x, 2y]"), ("⟨2x 2y⟩", 4, "⟨2x, 2y⟩"), ("(4 6)", 3, "(4, 6)"),
    ("(x^2 y^2)", 5, "(x^2, y^2)"), ("(2 x 2y)", 5, "(2 x, 2y)"), ("(-2 x 2y)", 6, "(-2 x, 2y)"),
    ("(2x 2y 1)", 4, "(2x, 2y, 1)"), ("(sin x cos y)", 7, "(sin x, cos y)"), ("∇f = (2x 2y)", 9, "(2x, 2y)"),
    ("((2x) (2y))", 6, "((2x), (2y))"),
    # a sign after a space and against its number, as MATLAB writes a row: the difference was read, and named "you
    # added the partial derivatives together" (outside check h65, F2)
    ("(-0.1134 -0.0935)", 9, "(-0.1134, -0.0935)"), ("[4 -6]", 3, "[4, -6]"), ("(2x -2y)", 4, "(2x, -2y)"),
])
def test_components_side_by_side_are_told_to_take_a_comma_at_the_second(text, column, fixed):
    # finding 425: the lesson's column vector [2x; 2y] on one line was "A vector is expected here, like (4, 6).",
    # with no place; a number before what it multiplies (2 x) stays with it
    with pytest.raises(InputError) as caught:
        read(text, "vector", ("x", "y"), named=("∇f",))
    assert (caught.value.message, caught.value.column) == (f"put a comma between the components: {fixed}", column)


@pytest.mark.parametrize("text", ["(2x - 2y)", "(2x-2y)", "(2x)(2y)", "2x 2y", "(2 1/3)", "(2x·2y)", "(2 x)"])
def test_no_comma_is_asked_for_where_the_components_are_not_plainly_side_by_side(text):
    # a difference, a product of brackets, no bracket around the answer, a mixed number, a product typed as one
    with pytest.raises(InputError) as caught:
        read(text, "vector", ("x", "y"))
    assert (caught.value.message, caught.value.column) == ("a vector is expected here, like (4, 6)", None)


@pytest.mark.parametrize("text, value", [("(2x 2y)", 4 * X * Y), ("(4 6)", 24), ("[x y]", X * Y)])
def test_factors_side_by_side_in_brackets_are_a_product_where_one_value_is_asked(text, value):
    assert read(text, "expression", ("x", "y")).value == value


def test_vector_by_named_components():
    assert read("b = 7/3, m = 0.5", "vector", (), components=("m", "b")).value == (
        sympy.Rational(1, 2), sympy.Rational(7, 3))


@pytest.mark.parametrize("text", ["{(0,0), (4,4)}", "(0,0), (4,4)", "[(0, 0), (4, 4)]"])
def test_point_sets(text):
    assert read(text, "points").value == ((0, 0), (4, 4))


@pytest.mark.parametrize("text", ["none", "None", "∅", "{}", "no critical points"])
def test_empty_point_set(text):
    assert read(text, "points").value == ()


def test_points_may_include_critical_lines():
    value = read("(4, 4), x = 0, y = 0", "points").value
    assert value == ((4, 4), Equation(symbol("x"), 0), Equation(symbol("y"), 0))


def test_equation_either_side():
    x, y, z = symbol("x"), symbol("y"), symbol("z")
    assert read("z = 2x + 3y - 4", "equation", ("x", "y", "z")).value == Equation(z, 2 * x + 3 * y - 4)
    assert read("2x + 3y - 4 = z", "equation", ("x", "y", "z")).value == Equation(2 * x + 3 * y - 4, z)


@pytest.mark.parametrize("text, label", [
    ("minimum", "minimum"), ("Min", "minimum"), ("local max", "maximum"),
    ("saddle point", "saddle"), ("Saddle-point", "saddle"), ("inconclusive", "inconclusive"),
    # a kind of point may end in "point", as "saddle point" does: they were told "is not one of"
    ("minimum point", "minimum"), ("maximum point", "maximum"), ("local minimum point", "minimum"),
    ("local max point", "maximum"), ("a relative maximum point", "maximum"),
])
def test_labels(text, label):
    assert read(text, "label").value == label


@pytest.mark.parametrize("text, label, note", [
    ("a saddle point", "saddle", ()), ("A local minimum.", "minimum", ()), ("the maximum", "maximum", ()),
    ("saddel", "saddle", ("'saddel' was read as saddle",)),
    ("minimun", "minimum", ("'minimun' was read as minimum",)),
    ("local maxmum", "maximum", ("'local maxmum' was read as maximum",)),
    ("inconclusve", "inconclusive", ("'inconclusve' was read as inconclusive",)),
    # a sign after the word is not dropped unseen (outside check h56, N1), and is quoted as typed (h57, R3: the
    # note quoted minimum~ as minimum=)
    ("minimum-", "minimum", ("'minimum-' was read as minimum",)),
    ("minimum~", "minimum", ("'minimum~' was read as minimum",)),
    ("_saddle", "saddle", ("'_saddle' was read as saddle",)),
])
def test_labels_with_an_article_or_one_slip(text, label, note):
    answer = read(text, "label")
    assert (answer.value, notes_of(answer)) == (label, note)


@pytest.mark.parametrize("text", ["mix", "nope", "saddle minimum", "maxmin", "sadle pont", "point", "none point",
                                  "inconclusive point",
                                  # words of their own one slip from a label (outside check h21: minimax was minimum)
                                  "minimax", "Minimax point", "maximin", "maxim", "minim", "- minimum"])
def test_labels_further_off_are_refused(text):
    with pytest.raises(InputError) as error:
        read(text, "label")
    assert error.value.note == "unknown_label"


@pytest.mark.parametrize("text", ["-minimum", "--minimum", "−minimum", "¬minimum", "!minimum", "~minimum", " ~ minimum"])
def test_a_sign_before_a_label_that_may_mean_not_is_refused(text):
    """Outside checks h56, N1 and h57, R1: -minimum and ~minimum were plainly correct, ¬minimum correct with a note."""
    with pytest.raises(InputError) as error:
        read(text, "label")
    assert error.value.message == (f"'{text.strip()}': a sign before the word may mean 'not'; write just the kind of "
                                   "point, one of inconclusive, maximum, minimum, saddle")


def test_a_semicolon_typed_after_a_label_stays_in_the_note_of_a_right_answer():
    """Outside check h57, R2: 'saddle;' was told "Correct. ('saddle.)", the note cut at the student's own ';'."""
    assert check("saddle;", "saddle", shape="label").message == "Correct. ('saddle;' was read as saddle.)"


def test_a_label_in_a_sentence_is_told_to_come_without_words():
    """Outside check h35, F11: 'it is a saddle point' was told it is not one of the labels, which 'saddle point' is."""
    with pytest.raises(InputError) as error:
        read("it is a saddle point", "label")
    assert error.value.message == "write just the answer, without words: one of inconclusive, maximum, minimum, saddle"


def test_a_point_of_a_kind_is_graded_as_the_kind():
    assert check("minimum point", "minimum", shape="label").message == "Correct."
    assert check("maximum point", "minimum", shape="label").correct is False
    verdict = check("minimun point", "minimum", shape="label")
    assert verdict.correct and verdict.message == "Correct. ('minimun point' was read as minimum.)"


def test_a_label_with_a_slip_is_marked_and_says_how_it_was_read():
    verdict = check("saddel", "saddle", shape="label")
    assert verdict.correct and verdict.message == "Correct. ('saddel' was read as saddle.)"


def test_number_may_be_given_as_an_assignment():
    assert read("x = 0.5671", "number", ("x",)).value == sympy.Rational(5671, 10000)


def test_number_shape_refuses_variables():
    with pytest.raises(InputError, match="a number is expected"):
        read("2x", "number")


def test_limits_are_configurable_in_one_place():
    tight = Limits(max_length=10, max_exponent=5)
    with pytest.raises(InputError) as caught:
        read("x^6", limits=tight)
    assert caught.value.note == "too_large"
    with pytest.raises(InputError, match="too long"):
        read("x + x + x + x", limits=tight)


def test_symbols_are_real():
    assert read("sqrt(x^2)").value == sympy.Abs(symbol("x"))


# ------------------------------------------------------------ functions, brackets, notes


def _value(text: str, variables=("x", "y")):
    return read(text, variables=variables).value


def _sympy(text: str, variables=("x", "y")):
    return sympy.sympify(text, locals={v: symbol(v) for v in variables})


@pytest.mark.parametrize("typed, meant, inverse", [
    ("sin^-1 x", "asin(x)", "asin"), ("cot^(-1)(x)", "acot(x)", "acot"), ("sec^-1(x)", "asec(x)", "asec"),
    ("csc⁻¹ x", "acsc(x)", "acsc"), ("sinh^-1 x", "asinh(x)", "asinh"), ("cosh^(-1)(x)", "acosh(x)", "acosh"),
    ("tanh^-1 x", "atanh(x)", "atanh"), ("coth^(-1)(x)", "acoth(x)", "acoth"), ("sech^-1 x", "asech(x)", "asech"),
    ("csch^-1 x", "acsch(x)", "acsch"),
])
def test_f_to_the_minus_one_is_the_inverse_function_and_the_note_says_so(typed, meant, inverse):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    name = typed.split("^")[0].split("⁻")[0]
    assert notes_of(answer) == (f"'{name}^-1' was read as the inverse function {inverse}, not 1/{name}",)


def test_other_powers_of_a_function_are_powers_of_its_value():
    assert _value("cot^2 x") == _sympy("cot(x)**2")
    assert _value("(cot x)^-1") == _sympy("1/cot(x)")


@pytest.mark.parametrize("typed, meant", [
    ("arcsec(x)", "asec(x)"), ("asec x", "asec(x)"), ("arccsc x", "acsc(x)"), ("acsc(x)", "acsc(x)"),
    ("arccosec(x)", "acsc(x)"), ("arccot(x)", "acot(x)"), ("acot x", "acot(x)"), ("arccotx", "acot(x)"),
    ("arcsinh(x)", "asinh(x)"), ("arsinh x", "asinh(x)"), ("arccosh(x)", "acosh(x)"), ("arcosh x", "acosh(x)"),
    ("arctanh(x)", "atanh(x)"), ("artanh x", "atanh(x)"), ("arcsech(x)", "asech(x)"), ("asech x", "asech(x)"),
    ("arccsch(x)", "acsch(x)"), ("acsch x", "acsch(x)"), ("arccoth(x)", "acoth(x)"), ("acoth x", "acoth(x)"),
    ("arcsin x", "asin(x)"), ("arctan(x)", "atan(x)"),
])
def test_the_arc_and_a_families_of_inverse_functions(typed, meant):
    assert _value(typed) == _sympy(meant)


@pytest.mark.parametrize("typed, meant", [
    ("log_2(8)", "log(8)/log(2)"), ("log_10(100000)", "log(100000)/log(10)"), ("log_b(x)", "log(x)/log(b)"),
    ("log_2 x", "log(x)/log(2)"), ("log_2x", "log(x)/log(2)"), ("log _ 2 x", "log(x)/log(2)"),
    ("log_2.5x", "log(x)/log(5/2)"), ("log_(b+1) x", "log(x)/log(b+1)"),
    ("log(x, b)", "log(x)/log(b)"), ("log x", "log(x)"),
])
def test_logarithms_with_a_base(typed, meant):
    assert _value(typed, ("x", "y", "b")) == _sympy(meant, ("x", "y", "b"))


def test_a_change_of_base_keeps_the_logarithm_it_cancels():
    """Finding 690: log_b(x)·log_x(y) is ln y/ln b only where x > 0; it was read as ln y/ln b, which has a value
    for x ≤ 0 too. Multiplied as written, it keeps ln x."""
    names = ("x", "y", "b")
    value = _value("log_b(x) log_x(y)", names)
    assert sympy.log(symbol("x")) in value.atoms(sympy.log)
    assert sympy.simplify(value - _sympy("log(y)/log(b)", names)) == 0


@pytest.mark.parametrize("text, message", [
    ("log_1(x)", "the base of a logarithm must be positive and not 1"),
    ("log_ + x", "missing base after 'log_', like log_2(x)"),
])
def test_a_logarithm_needs_a_proper_base(text, message):
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.message == message


BASE_10 = "'log10' was read as log_10, the logarithm to base 10"
BASE_2 = "'log2' was read as log_2, the logarithm to base 2"


@pytest.mark.parametrize("typed, meant, note", [
    # issue 43: these were read as 100·ln 10, x·ln 10, 8·ln 2 and ln(10x), without a word
    ("log10(100)", "log(100)/log(10)", BASE_10), ("log10(x)", "log(x)/log(10)", BASE_10), ("log10 x", "log(x)/log(10)", BASE_10),
    ("log2(8)", "log(8)/log(2)", BASE_2), ("log2 x", "log(x)/log(2)", BASE_2), ("log2 8", "log(8)/log(2)", BASE_2),
    ("log10 (x + 1)", "log(x + 1)/log(10)", BASE_10), ("log10(e)/x", "1/(x*log(10))", BASE_10),
    ("xlog10(x)", "x*log(x)/log(10)", BASE_10), ("log10^2(x)", "(log(x)/log(10))**2", BASE_10),
    ("log10²(x)", "(log(x)/log(10))**2", BASE_10), ("log_{10}(x)", "log(x)/log(10)", None),
])
def test_log10_and_log2_before_a_bracket_or_a_space_are_logarithms_to_base_10_and_2(typed, meant, note):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    assert notes_of(answer) == ((note,) if note else ())


@pytest.mark.parametrize("typed, meant, note", [
    ("log 10x", "log(10*x)", None), ("log(10)x", "x*log(10)", None), ("log 2", "log(2)", None),
    ("ln2", "log(2)", None), ("log 10 x", "log(10*x)",
                                            "'log 10 x' was read as log(10 x); write log(10) x if only 10 is its argument"),
    ("log10", "log(10)", None), ("1/(x log10)", "1/(x*log(10))", None), ("log10 - x", "log(10) - x", None),
    ("log10^2", "log(100)", None), ("log_2x", "log(x)/log(2)", None),
    # a number and a letter straight after log are its argument, as in sin2x and ln2x, and the note says so
    ("log2x", "log(2*x)", "'log2x' was read as log(2x); for the logarithm to base 2 write log_2(x)"),
    ("log10x + 1", "log(10*x) + 1", "'log10x' was read as log(10x); for the logarithm to base 10 write log_10(x)"),
    ("log10e", "log(10*E)", "'log10e' was read as log(10e); for the logarithm to base 10 write log_10(e)"),
    ("log3(9)", "9*log(3)", "'log3(9)' was read as log(3)·(9); for the logarithm to base 3 write log_3(9)"),
])
def test_other_numbers_after_log_keep_their_reading_and_say_it_where_a_base_may_be_meant(typed, meant, note):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    assert notes_of(answer) == ((note,) if note else ())


@pytest.mark.parametrize("typed, meant, note", [
    # issue 66: a bar, a root or a square bracket opens log10's and log2's argument as a round bracket does
    ("log10|x|", "log(Abs(x))/log(10)", BASE_10), ("log2|x|", "log(Abs(x))/log(2)", BASE_2),
    ("log10√x", "log(sqrt(x))/log(10)", BASE_10), ("log2∛x", "log(x**(1/3))/log(2)", BASE_2),
    ("log10[x]", "log(x)/log(10)", BASE_10), ("log10[x]y", "y*log(x)/log(10)", BASE_10),
    ("log10|x| + 1", "log(Abs(x))/log(10) + 1", BASE_10),
])
def test_log10_and_log2_before_a_bar_a_root_or_a_square_bracket_are_logarithms_too(typed, meant, note):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    assert notes_of(answer) == (note,)


@pytest.mark.parametrize("typed, meant, note", [
    # issue 66: a function name, a number and a bracket: the number is the argument, and the note says so
    ("sin2(x)", "x*sin(2)", "'sin2(x)' was read as sin(2)·(x); write sin(2x) or sin^2(x) if that was meant"),
    ("ln2(x)", "x*log(2)", "'ln2(x)' was read as ln(2)·(x); write ln(2x) or ln^2(x) if that was meant"),
    ("cos3(y)", "y*cos(3)", "'cos3(y)' was read as cos(3)·(y); write cos(3y) or cos^3(y) if that was meant"),
    ("ln10(x)", "x*log(10)", "'ln10(x)' was read as ln(10)·(x); write ln(10x) if that was meant"),
    ("sin2(x + 1)", "(x + 1)*sin(2)",
     "'sin2(x + 1)' was read as sin(2)·(x + 1); write sin(2(x + 1)) or sin^2(x + 1) if that was meant"),
    ("sqrt2[x]", "sqrt(2)*x", "'sqrt2[x]' was read as sqrt(2)·[x]; write sqrt(2x) if that was meant"),
    ("log3[9]", "9*log(3)", "'log3[9]' was read as log(3)·[9]; for the logarithm to base 3 write log_3(9)"),
    ("sin2x", "sin(2*x)", None), ("sin 2(x)", "x*sin(2)", None), ("sin2 (x)", "x*sin(2)", None),
    ("log1(x)", "0", None),
])
def test_a_number_and_a_bracket_straight_after_a_function_name_are_read_so_and_said(typed, meant, note):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    assert notes_of(answer) == ((note,) if note else ())


def test_log10_with_two_arguments_is_refused_by_its_name():
    with pytest.raises(InputError) as caught:
        read("log10(x, 2)")
    assert (caught.value.message, caught.value.column) == ("'log10' takes 1 argument", 0)


@pytest.mark.parametrize("typed, meant, note", [
    # issue 44: a signed exponent, of any base, stops before a letter or a bracket, and the note says so
    ("e^-2x", "x*exp(-2)", "'e^-2x' was read as e^-2·x; write e^(-2x) if all of it is the exponent"),
    ("e^-kx", "x*exp(-k)", "'e^-kx' was read as e^-k·x; write e^(-kx) if all of it is the exponent"),
    ("x^-2y", "y/x**2", "'x^-2y' was read as x^-2·y; write x^(-2y) if all of it is the exponent"),
    ("e^2x", "x*exp(2)", "'e^2x' was read as e^2·x; write e^(2x) if all of it is the exponent"),
    ("e^2(x+1)", "exp(2)*(x + 1)", "'e^2(x+1)' was read as e^2·(x+1); write e^(2(x+1)) if all of it is the exponent"),
    # an outside check: e's exponent a name, as e^xy, was read as eˣ·y unsaid
    ("e^xy", "y*exp(x)", "'e^xy' was read as e^x·y; write e^(xy) if all of it is the exponent"),
    ("e^ky", "y*exp(k)", "'e^ky' was read as e^k·y; write e^(ky) if all of it is the exponent"),
    ("-2e^-2x^2", "-2*x**2*exp(-2)",
     "'e^-2x^2' was read as e^-2·x^2; write e^(-2x^2) if all of it is the exponent"),
    ("sin e^-2x", "sin(x*exp(-2))", "'e^-2x' was read as e^-2·x; write e^(-2x) if all of it is the exponent"),
    # outside check h52, N3: a number's power before a letter, as e's, was read as 2³·x unsaid
    ("2^3x", "8*x", "'2^3x' was read as 2^3·x; write 2^(3x) if all of it is the exponent"),
    ("10^xy", "10**x*y", "'10^xy' was read as 10^x·y; write 10^(xy) if all of it is the exponent"),
    # and a power of 1 or a signed one before a division
    ("x^1/2", "x/2", "'x^1/2' was read as (x^1)/2; write x^(1/2) if all of it is the exponent"),
    ("x^-1/2", "1/(2*x)", "'x^-1/2' was read as (x^-1)/2; write x^(-1/2) if all of it is the exponent"),
    ("e^-x/2", "exp(-x)/2", "'e^-x/2' was read as (e^-x)/2; write e^(-x/2) if all of it is the exponent"),
    # what means what it says is not noted
    ("x^2y", "x**2*y", None), ("x^2/2", "x**2/2", None), ("e^-2 x", "x*exp(-2)", None), ("x^-1 /2", "1/(2*x)", None),
    ("e^(-2)x", "x*exp(-2)", None), ("x^-2", "x**-2", None), ("e^-x", "exp(-x)", None), ("e^x y", "y*exp(x)", None),
    ("x^ky", "x**k*y", None), ("2^3 x", "8*x", None), ("2^(3x)", "2**(3*x)", None),
])
def test_an_exponent_that_stops_short_of_what_follows_is_said(typed, meant, note):
    answer = read(typed, variables=("x", "y", "k"))
    assert answer.value == _sympy(meant, ("x", "y", "k"))
    assert notes_of(answer) == ((note,) if note else ())


@pytest.mark.parametrize("typed, meant, note", [
    # outside check h52, N3: a function without brackets takes factors a space apart too, as √(xy), said
    ("sqrt x y", "sqrt(x*y)", "'sqrt x y' was read as sqrt(x y); write sqrt(x) y if only x is its argument"),
    ("sin^2 x y", "sin(x*y)**2", "'sin^2 x y' was read as sin^2(x y); write sin^2(x) y if only x is its argument"),
    ("2 + sin 2x y - 1", "1 + sin(2*x*y)",
     "'sin 2x y' was read as sin(2x y); write sin(2x) y if only 2x is its argument"),
    ("sin sqrt x y", "sin(sqrt(x*y))", "'sqrt x y' was read as sqrt(x y); write sqrt(x) y if only x is its argument"),
    # what has no space inside, or stops where it is told to, is not noted
    ("sin 2x", "sin(2*x)", None), ("sin xy", "sin(x*y)", None), ("sin x cos y", "sin(x)*cos(y)", None),
    ("ln x + y", "log(x) + y", None), ("sin(x) y", "sin(x)*y", None),
])
def test_a_function_without_brackets_over_factors_a_space_apart_is_said(typed, meant, note):
    answer = read(typed, variables=("x", "y"))
    assert answer.value == _sympy(meant, ("x", "y"))
    assert notes_of(answer) == ((note,) if note else ())


@pytest.mark.parametrize("typed, meant, note", [
    # finding 303: √ takes one number or name, as `sqrt xy` does not: √xy is √x·y, and the note says so
    ("√xy", "sqrt(x)*y", "'√xy' was read as √x·y; write √(xy) if all of it is under the root"),
    ("3√2x", "3*sqrt(2)*x", "'√2x' was read as √2·x; write √(2x) if all of it is under the root"),
    ("∛2x", "2**(1/3)*x", "'∛2x' was read as ∛2·x; write ∛(2x) if all of it is under the root"),
    # an outside check: ∛ was read and ∜ refused as a character that can't be used
    ("∜2x", "2**(1/4)*x", "'∜2x' was read as ∜2·x; write ∜(2x) if all of it is under the root"),
    ("∜(x + 1)", "(x + 1)**(1/4)", None),
    # what means what it says is not noted
    ("√2 x", "sqrt(2)*x", None), ("√(2x)", "sqrt(2*x)", None), ("√x*y", "sqrt(x)*y", None), ("√x", "sqrt(x)", None),
])
def test_a_root_that_stops_short_of_what_follows_is_said(typed, meant, note):
    answer = read(typed, variables=("x", "y"))
    assert answer.value == _sympy(meant, ("x", "y"))
    assert notes_of(answer) == ((note,) if note else ())


@pytest.mark.parametrize("typed, meant", [
    # issue 44: braces right after ^ (or log_) group, as LaTeX writes them; they were "a list"
    ("-2 e^{-2x}", "-2*exp(-2*x)"), ("x^{1/2}", "sqrt(x)"), ("e^{x}y", "y*exp(x)"), ("2^{10}", "1024"),
    ("sin^{2} x", "sin(x)**2"), ("log_{2}(8)", "log(8)/log(2)"), ("e^{-(x+1)}", "exp(-x - 1)"),
])
def test_braces_after_a_caret_or_log_underscore_group_the_exponent_or_the_base(typed, meant):
    answer = read(typed)
    assert answer.value == _sympy(meant)
    assert notes_of(answer) == ()


@pytest.mark.parametrize("typed, message, column", [
    ("2 + {x}", "a list can't be used inside an expression", 4),  # elsewhere braces are a set, as before
    # outside check h22: MathType's 6x{y}^{3} was "Unexpected '{'" alone
    ("2{x}", "braces group only straight after '^' (x^{3}) or 'log_'; elsewhere leave them out or use round "
             "brackets", 1),
    ("6x{y}^{3}", "braces group only straight after '^' (x^{3}) or 'log_'; elsewhere leave them out or use round "
                  "brackets", 2),
    ("e^{x", "unbalanced brackets: the '{' at column 3 is never closed", 2),
    ("e^{}", "empty brackets", 2),
])
def test_braces_elsewhere_are_still_not_grouping(typed, message, column):
    with pytest.raises(InputError) as caught:
        read(typed)
    assert (caught.value.message, caught.value.column) == (message, column)


@pytest.mark.parametrize("typed, meant", [
    ("2[z-(x+1)]", "2*(z - x - 1)"), ("[x+1]^2", "(x + 1)**2"), ("3[x][y]", "3*x*y"),
    ("[2(x + [y - 1])]", "2*(x + y - 1)"),
])
def test_square_brackets_group_like_round_ones(typed, meant):
    assert _value(typed, ("x", "y", "z")) == _sympy(meant, ("x", "y", "z"))


def test_square_brackets_around_a_list_are_still_a_list():
    assert read("[4, 6]", "vector").value == (4, 6)
    assert read("[4, 6]", "auto").shape == "vector"
    assert read("[(0, 0)]", "points").value == ((0, 0),)
    assert read("[(0, 0), (4, 4)]", "auto").value == ((0, 0), (4, 4))


@pytest.mark.parametrize("typed, shape, value", [
    # round brackets around one list group it as they group an expression (outside check h78, N4: "a list can't
    # be used inside an expression" for a right answer)
    ("((0, 0))", "points", ((0, 0),)), ("(((0, 0)))", "points", ((0, 0),)), ("((4, 6))", "vector", (4, 6)),
    ("([4, 6])", "vector", (4, 6)), ("(⟨4, 6⟩)", "vector", (4, 6)), ("((±1, 0))", "points", ((-1, 0), (1, 0))),
    ("((4, 6)) + (1, 1)", "vector", (5, 7)), ("((0, 0), (4, 4))", "points", ((0, 0), (4, 4))),
    # and around a list in square brackets or braces (outside check h79, P1)
    ("([(0, 0)])", "points", ((0, 0),)), ("({(0, 0)})", "points", ((0, 0),)),
])
def test_round_brackets_around_one_list_group_it(typed, shape, value):
    assert read(typed, shape).value == value


def test_brackets_in_brackets_around_a_list_are_looked_into_once():
    # a point in as many brackets as 1,000 characters hold is refused for its nesting with the work a bracketed sum
    # takes, not a look into every bracket below at each level (so written first, it took 6 s to refuse)
    def units(text: str) -> int:
        with counted(10**9):
            before = spent()
            with pytest.raises(InputError, match="nested too deeply"):
                read(text, "points", ("x", "y"))
            return spent() - before

    assert units("(" * 490 + "0, 0" + ")" * 490) < 2 * units("(" * 490 + "x + 0" + ")" * 490)


@pytest.mark.parametrize("typed, message", [
    ("((8, 12))/2", "a number that scales a vector goes before it"), ("((4, 6)(1))", "a list can't be used"),
    ("((4, 6)", "unbalanced brackets"),
])
def test_round_brackets_around_a_list_with_more_beside_it_are_refused(typed, message):
    with pytest.raises(InputError) as refused:
        read(typed, "vector")
    assert refused.value.message.startswith(message)


@pytest.mark.parametrize("typed, meant", [
    ("|a(q|b|r)c|", "Abs(a*q*Abs(b)*r*c)"), ("|x(|y| + 1)|", "Abs(x*(Abs(y) + 1))"),
    ("|x| |y|", "Abs(x)*Abs(y)"), ("sin(|x|)|y|", "sin(Abs(x))*Abs(y)"),
])
def test_bars_inside_brackets_open_an_absolute_value_again(typed, meant):
    names = ("a", "b", "c", "q", "r", "x", "y")
    assert _value(typed, names) == _sympy(meant, names)


@pytest.mark.parametrize("typed, note", [
    ("6xy3", "'6xy3' was read as 6·x·y·3; for y³ write y^3"),
    ("x2 + 1", "'x2' was read as x·2; for x² write x^2"),
    ("3x^2y12", "'3x^2y12' was read as 3·x^2·y·12; for y¹² write y^12"),
    ("sin x2", "'x2' was read as x·2; for x² write x^2"),
])
def test_a_number_straight_after_a_letter_is_a_factor_and_the_note_says_so(typed, note):
    assert notes_of(read(typed)) == (note,)


@pytest.mark.parametrize("typed", ["6xy^3", "sin2x", "x 2", "log_2x", "2x", "x_1 + 1", "e^2"])
def test_no_note_where_a_number_is_not_straight_after_a_letter(typed):
    assert not [a for a in notes_of(read(typed, variables=("x", "y", "x_1"))) if "for " in a]


def test_decimals_are_recorded_as_typed():
    answer = read("0.14x + 2.50 - 5.1e-2", variables=("x",))
    assert dict(answer.spellings) == {Fraction(7, 50): "0.14", Fraction(5, 2): "2.50", Fraction(51, 1000): "5.1e-2"}
    assert answer.value == sympy.Rational(7, 50) * symbol("x") + sympy.Rational(5, 2) - sympy.Rational(51, 1000)


# ------------------------------------------------------------------------------ fuzzing

_PIECES = ["x", "y", "2", "0.5", "1e-3", "+", "-", "*", "/", "^", "^-1", "(", ")", "[", "]", "|", ",", "=",
           "log_", "log", "ln", "sin", "cot", "arcsec", "acot", "sqrt", "√", "²", "⁻¹", "!", " ", "e", "pi",
           "10^90", "abs", "sign", "W", "_", "{", "}", "⟨", "⟩", "6xy3", "arccosh", "∛", "cbrt", "^(1/3)", "(-8)",
           "^(2/3)", "root("]


@pytest.mark.parametrize("typed, vector", [
    ("-(2, 4)", (-2, -4)), ("−(2, 4)", (-2, -4)), ("2(1, 2)", (2, 4)), ("2·(1, 2)", (2, 4)), ("2 (1, 2)", (2, 4)),
    ("1/2 (2, 4)", (1, 2)), ("-1/2*(2, 4)", (-1, -2)), ("−2·[1, 2]", (-2, -4)), ("- -(1, 2)", (1, 2)),
    ("2²⟨1, 2⟩", (4, 8)), ("(1/√5)(1, 2)", (sympy.sqrt(5) / 5, 2 * sympy.sqrt(5) / 5)),
    ("-(2x, 2y)", (-2 * symbol("x"), -2 * symbol("y"))),
])
def test_a_number_times_a_vector_is_a_vector(typed, vector):
    # finding 97: "-(2, 4)" was "A list can't be used inside an expression"
    assert read(typed, "vector").value == vector


@pytest.mark.parametrize("typed, column, message", [
    ("x(1, 2)", 3, "a list can't be used inside an expression"),  # a number times it only, as before otherwise
    ("2^(1, 2)", 4, "a list can't be used inside an expression"),
    ("2((1, 2), (3, 4))", 0, "only a vector's components can be multiplied by a number"),
    ("2(1, 2", 1, "unbalanced brackets: the '(' at column 2 is never closed"),
    ("log10(x, 2)", 0, "'log10' takes 1 argument"), ("sin 2(1, 2)", 7, "a list can't be used inside an expression"),
])
def test_a_list_after_anything_but_a_number_is_refused_as_before(typed, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, "vector")
    assert (caught.value.column, caught.value.message) == (column, message)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", "-", "−", "- -", "+"]), st.fractions(max_denominator=9).filter(bool),
       st.sampled_from(["", "*", "·", " "]), st.lists(st.integers(-99, 99), min_size=2, max_size=4),
       st.sampled_from(["()", "[]", "⟨⟩"]))
def test_a_scaled_vector_is_each_component_scaled(sign, factor, times, parts, brackets):
    typed = f"{sign}{'(' + str(factor) + ')' if factor.denominator > 1 or factor < 0 else factor}{times}" \
            f"{brackets[0]}{', '.join(map(str, parts))}{brackets[1]}"
    negative = (sign.count("-") + sign.count("−")) % 2
    scale = sympy.Rational(factor.numerator, factor.denominator) * (-1 if negative else 1)
    assert read(typed, "vector").value == tuple(scale * p for p in parts), typed


_SCALED = ["-", "2", "(", ")", ",", "1", "*", "·", " ", "x", "^", "|", "[", "]", "⟨", "⟩", "{", "}", "=", "sin", "/"]


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SCALED), max_size=16).map("".join), st.sampled_from(SHAPES))
def test_a_number_before_a_list_reads_or_is_refused_with_a_sentence(text, shape):
    try:
        read(text, shape, ("x", "y"))
    except InputError as error:
        assert error.message and (error.column is None or 0 <= error.column <= len(text))


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_any_text_reads_or_is_refused_with_a_sentence(text):
    try:
        answer = read(text, "auto", ("x", "y"))
    except InputError as error:
        assert error.message and (error.column is None or 0 <= error.column <= len(text))
        return
    assert answer.shape in {"expression", "number", "vector", "points", "equation", "label"}


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map("".join))
def test_any_text_gets_a_verdict_and_never_an_exception(text):
    verdict = check(text, "x^2 + y", variables=["x", "y"])
    assert verdict.verdict in {"correct", "incorrect", "invalid"} and verdict.message


@pytest.mark.parametrize("typed, expected", [
    ("6𝑥𝑦³", "6*x*y**3"),  # mathematical italic letters, as copied from a PDF or a Word equation
    ("𝟔𝒙 + ℎ", "6*x + h"),
    ("6xy³\u200b", "6*x*y**3"),  # a zero-width space copied with the text
    ("6\u2060x\u00ady", "6*x*y"),
    # Word's invisible operators: function application (after every function name), times, separator, plus
    ("sin\u2061(x)", "sin(x)"), ("log10\u2061(x)", "log(x)/log(10)"), ("2\u2062x", "2*x"),
    ("2\u2064x", "2 + x"), ("max(x\u2063y)", "Max(x, y)"),
])
def test_letters_and_invisible_characters_copied_from_documents_are_read(typed, expected):
    names = ("x", "y", "h")
    assert read(typed, variables=names).value == sympy.sympify(expected, locals={n: symbol(n) for n in names})


@pytest.mark.parametrize("typed, expected", [
    ("6.*x.*y.^3", "6*x*y**3"), ("6*x.*y.^3", "6*x*y**3"), ("(2x).*(3y^3)", "6*x*y**3"),
    ("x.^2./2", "x**2/2"), ("2.5.*x", "5*x/2"), ("2.^x", "2**x"),
])
def test_matlabs_element_wise_operators_are_the_operators_on_numbers(typed, expected):
    """Outside check h22: `./` after a number was read (as 2. then /) but `.*` and `.^` after a name were refused."""
    answer = read(typed, variables=("x", "y"))
    assert answer.value == sympy.sympify(expected, locals={"x": symbol("x"), "y": symbol("y")})
    assert "." not in show(answer) or "2.5" in show(answer)  # 6.*x is 6 times x, not the decimal 6.


@pytest.mark.parametrize("typed, shown", [("4x^2. + 80", "4x² + 80"), ("ln(7.)", "ln(7)"), ("6.xy^3", "6xy³"),
                                           ("6.0xy^3", "6.0xy³")])
def test_a_number_typed_with_a_point_and_no_digits_after_it_is_shown_without_the_point(typed, shown):
    """Outside check h30, F8: 'read as' showed 4x^2. + 80, a full stop in the middle of the answer; a decimal's
    places typed (6.0) are still shown as typed."""
    answer = read(typed, variables=("x", "y"))
    assert show(answer.value, ("x", "y"), spellings=answer.spellings) == shown


@pytest.mark.parametrize("typed, shape, message", [
    ("6xy^3; 9x^2y^2", "expression", "';' separates answers, and this question asks for one: give just one expression"),
    ("0.1447; 0.2", "number", "';' separates answers, and this question asks for one: give just one number"),
    ("6xy^3;", "expression", "leave out the ';' at the end: an answer needs none"),
    ("2x; 2y", "vector", "use a comma to separate items"),
    ("6xy^3;;", "expression", "leave out the ';' at the end: an answer needs none"),  # outside check h28, N10
    ("; 6xy^3", "expression", "leave out the ';' before the answer"),
])
def test_a_semicolon_between_answers_where_one_is_asked_says_so(typed, shape, message):
    """Outside check h22: '6xy^3; 9x^2y^2' for ∂f/∂x was told to use a comma, which led on to 'you gave the
    whole gradient'."""
    with pytest.raises(InputError) as refused:
        read(typed, shape, ("x", "y"))
    assert (refused.value.message, refused.value.column) == (message, typed.index(";"))


@pytest.mark.parametrize("typed", ["x.^2.^3", "x^2.^3", "2.^x.^2", "x^{1}.^2"])
def test_a_chain_of_powers_with_matlabs_operator_is_told_to_take_brackets(typed):
    """Outside check h28, N9: x.^2.^3 was read from the right, x⁸, where MATLAB works it from the left, x⁶."""
    with pytest.raises(InputError) as refused:
        read(typed, variables=("x",))
    assert refused.value.message.startswith("MATLAB works a chain of powers from the left, x.^2.^3 as (x.^2).^3")
    assert read("(x.^2).^3", variables=("x",)).value == read("x^6", variables=("x",)).value


@pytest.mark.parametrize("typed, column", [("(8, 12)/2", 7), ("(8, 12)*1/2", 7), ("[8, 12]·0.5", 7), ("-(8, 12)/2", 8),
                                            ("(8, 12)2", 7), ("(8, 12) 2", 8),
                                            ("(0.5, 0.6) - (-0.1134, -0.0935)·0.05", 31)])
def test_a_vector_scaled_after_it_is_told_the_number_goes_before(typed, column):
    """Outside checks h31, F3, and h33, N4: '(8, 12)/2' was told only "Unexpected '/'", where 1/2 (8, 12) is read;
    -(8, 12)/2 that a list can't be used in an expression, and a descent step scaled after its gradient that only
    a vector can be added to a vector."""
    with pytest.raises(InputError) as refused:
        read(typed, "vector", ("x", "y"))
    assert (refused.value.message, refused.value.column) == (
        "a number that scales a vector goes before it, like 1/2·(2, 4) for (2, 4)/2; or work each component out",
        column)
    assert read("1/2 (8, 12)", "vector", ("x", "y")).value == (4, 6)


@pytest.mark.parametrize("typed, column", [("[2x; 2y; ]", 7), ("[2x; ; 2y]", 3)])
def test_a_column_vector_s_missing_item_is_told_after_the_semicolon_typed(typed, column):
    """Outside check h30, F7: the lesson's [2x; 2y; ] was told 'Missing item after ','', a comma never typed."""
    with pytest.raises(InputError) as refused:
        read(typed, "vector", ("x", "y"))
    assert (refused.value.message, refused.value.column) == ("missing item after ';'", column)


def test_latex_braces_say_what_to_write_for_a_set_and_for_grouping():
    """Outside check h28, N11: 6x\\{y\\}^{3} was told 'write just {', which was then refused."""
    with pytest.raises(InputError) as refused:
        read("6x\\{y\\}^{3}", variables=("x", "y"))
    assert refused.value.message == "'\\{' is LaTeX: write just { for a set of points, and round brackets to group"


@pytest.mark.parametrize("typed, column", [("x..", 1), ("1.2.3", 3), ("x.y", 1), ("x.*", 1)])
def test_a_dot_that_is_no_operator_and_no_decimal_point_is_refused_at_it(typed, column):
    with pytest.raises(InputError) as refused:
        read(typed, variables=("x", "y"))
    assert refused.value.column == column


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_the_marks_and_isolates_of_right_to_left_text_count_as_spaces(mark):
    """Finding 682: a left-to-right or right-to-left mark, which a right-to-left keyboard or page puts in, made a
    right answer invalid; like a zero-width space it sets no character of the answer."""
    assert read(f"6x{mark}y³ + {mark}1", variables=("x", "y")).value == read("6x y³ + 1", variables=("x", "y")).value


@pytest.mark.parametrize("typed, column, message", [
    # finding 683: each was "the character '\ufffd' (or '␇') can't be used here", a character not in the answer
    ("2x\u202e + 1", 2, "the invisible character U+202E RIGHT-TO-LEFT OVERRIDE can't be used here: such a mark "
                        "shows text in another order than the order it is read in; delete it"),
    ("\u202ax", 0, "the invisible character U+202A LEFT-TO-RIGHT EMBEDDING can't be used here: such a mark shows "
                   "text in another order than the order it is read in; delete it"),
    ("2\x07x", 1, "the invisible character U+0007 BELL can't be used here"),
    ("x\x7f", 1, "the invisible character U+007F DELETE can't be used here"),
    ("x\u180e", 1, "the invisible character U+180E MONGOLIAN VOWEL SEPARATOR can't be used here"),
    ("x\x9by", 1, "the invisible character U+009B can't be used here"),  # a C1 control has no name
    ("2x\udcb2", 2, "the byte 0xB2 is not UTF-8 text"),  # an argument's byte, as surrogateescape reads it
    # outside check h11, F14: letters, marks and symbols drawn blank were quoted, the quotes looking empty
    ("x\u3164+ 1", 1, "the invisible character U+3164 HANGUL FILLER can't be used here"),
    ("2x\u2800", 2, "the invisible character U+2800 BRAILLE PATTERN BLANK can't be used here"),
    ("x\u034f+1", 1, "the invisible character U+034F COMBINING GRAPHEME JOINER can't be used here"),
    ("\u115fx", 0, "the invisible character U+115F HANGUL CHOSEONG FILLER can't be used here"),
    ("x\ufe0f", 1, "the invisible character U+FE0F VARIATION SELECTOR-16 can't be used here"),
    ("2x§", 2, "the character '§' (U+00A7 SECTION SIGN) can't be used here"),
    ("2x$", 2, "'$' marks maths in LaTeX: type the answer without it"),  # outside check h14, F9
    # outside check h11, F14: 5!! was read as (5!)! = 120!, which some books write for 15, with no word of it
    ("5!!", 2, "'!!' is not read, as it means two things: write (n!)! for the factorial of a factorial, or the "
               "double factorial n(n - 2)(n - 4)… as a product"),
])
def test_a_refused_invisible_character_is_named_by_its_code_point_and_name(typed, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, Shape.EXPRESSION, ("x", "y"))
    assert (caught.value.message, caught.value.column, caught.value.note) == (message, column, "forbidden")


# outside check h47, F2 and F3: a control character in a label was a slip of one letter (sad\x00dle was saddle,
# correct), and two were dropped from the message, which called 'saddle' not one of the labels
@pytest.mark.parametrize("typed, column, message", [
    ("sad\x00dle", 3, "the invisible character U+0000 NULL can't be used here"),
    ("saddle\x07", 6, "the invisible character U+0007 BELL can't be used here"),
    ("sad\x07\x07dle", 3, "the invisible character U+0007 BELL can't be used here"),
    ("saddle\x1b[2J", 6, "the invisible character U+001B ESCAPE can't be used here"),
])
def test_a_label_with_a_character_that_shows_nothing_is_refused_as_an_expression_is(typed, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, Shape.LABEL)
    assert (caught.value.message, caught.value.column, caught.value.note) == (message, column, "forbidden")
    assert read("saddle\u200b", Shape.LABEL).value == "saddle"  # a zero-width space copied with a word is a space


@pytest.mark.parametrize("typed", ["<2x, 2y>", " < 2x , 2y > "])
def test_a_vector_in_ascii_angle_brackets_is_a_vector(typed):
    assert read(typed, "vector").value == (2 * symbol("x"), 2 * symbol("y"))
    with pytest.raises(InputError, match="comparisons are not answers here"):
        read("2x < 3")


@pytest.mark.parametrize("text, message", [
    ("global minimum", "'global minimum' says more than the kind of point asked for: write minimum if that is what "
                       "you mean (the second-derivative test tells a local minimum, not whether it is the global one)"),
    ("Absolute Max", "'Absolute Max' says more than the kind of point asked for: write maximum if that is what you "
                     "mean (the second-derivative test tells a local maximum, not whether it is the absolute one)"),
])
def test_a_global_extremum_for_a_label_is_told_what_to_write(text, message):
    with pytest.raises(InputError) as error:
        read(text, "label")
    assert (error.value.note, error.value.message) == ("unknown_label", message)


@pytest.mark.parametrize("text, value", [
    ("min(0, -pi)", -sympy.pi), ("min(-pi, 0)", -sympy.pi), ("max(0, -ln(2))", sympy.Integer(0)),
    ("min(0, -ln(2))", -sympy.log(2)), ("min(9, 9 - 9 ln(9))", 9 - 9 * sympy.log(9)),
    ("max(-sqrt(2), -sqrt(3))", -sympy.sqrt(2)),
])
def test_min_and_max_of_negative_numbers_that_are_not_rational(text, value):
    """Finding 491: min(0, -π) was read as 0, the number below zero taken for the one above it."""
    assert read(text).value == value


def test_the_nesting_limit_is_said_in_brackets_a_person_can_count():
    """Finding 495: the docs' "nesting depth 60" is 29 brackets (each is two levels), and the refusal said no limit."""
    assert read("(" * 29 + "x" + ")" * 29).value == symbol("x")
    for text in ("(" * 30 + "x" + ")" * 30, "sin(" * 30 + "x" + ")" * 30):
        with pytest.raises(InputError) as refused:
            read(text)
        assert refused.value.message == ("the answer is nested too deeply: at most 29 brackets or functions can be "
                                         "inside one another, fewer with a sign or a power between them")
    read("-(" * 19 + "x" + ")" * 19)  # a sign is a level too: 19 such brackets and no more
    with pytest.raises(InputError):
        read("-(" * 20 + "x" + ")" * 20)


# finding 486: 'm = 0.5 and b = 7/3' was "Unknown name 'and'"; it is the list of the parts, read as the comma's,
# so that no wrong answer is right in it that is not with a comma
@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.fractions(max_denominator=9), st.fractions(max_denominator=9), st.booleans(),
       st.sampled_from(["and", "AND", ", and", " ,and"]))
def test_and_between_named_parts_reads_as_a_comma(m, b, swapped, joining):
    parts = [f"m = {m}", f"b = {b}"][:: -1 if swapped else 1]
    variables = ("m", "b")
    joined = read(f"{parts[0]} {joining} {parts[1]}", Shape.VECTOR, variables, components=variables)
    assert joined.value == read(", ".join(parts), Shape.VECTOR, variables, components=variables).value


@pytest.mark.parametrize("text, column, message", [
    ("m = 1/2 and 7/3", 8, "unknown name 'and' (the variables are b and m)"),  # no part's name after it: as before
    ("m = 1/2 and", 8, "unknown name 'and' (the variables are b and m)"),
])
def test_and_without_a_named_part_after_it_is_not_read(text, column, message):
    with pytest.raises(InputError) as error:
        read(text, Shape.VECTOR, ("m", "b"), components=("m", "b"))
    assert (error.value.column, error.value.message) == (column, message)


# finding 488: Word's ½ (AutoCorrect of 1/2) and ⅓ ⅙ were "The character '½' can't be used here"; each is the
# fraction it shows, so that none reads otherwise than the fraction in brackets would: no wrong answer is right in it
_VULGAR_TYPED = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8",
                 # outside check: ³⁄₂ (composed with the fraction slash, as a character map builds it) was refused
                 "³⁄₂": "3/2", "¹⁷⁄₂₀": "17/20", "¹/₄": "1/4"}


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_VULGAR_TYPED, *_VULGAR_TYPED, "x", "y", "2", " + ", " - ", "·", "^2", "(", ")"]),
                min_size=1, max_size=8).map("".join))
def test_a_fraction_character_reads_as_its_fraction_in_brackets(text):
    # after digits, the mixed number (2½ is 2 + 1/2, as 2 1/2 is)
    fractions = "|".join(map(re.escape, _VULGAR_TYPED))
    bracketed = re.sub(f"(\\d*)({fractions})", lambda found: f"({found[1]} + {_VULGAR_TYPED[found[2]]})"
                       if found[1] else f"({_VULGAR_TYPED[found[2]]})", text)
    try:
        expected = read(bracketed, Shape.EXPRESSION, ("x", "y")).value
    except InputError:
        expected = None
    try:
        value = read(text, Shape.EXPRESSION, ("x", "y")).value
    except InputError:
        value = None
    if value is not None:  # where the fraction character reads, it is the fraction in brackets; never else
        assert sympy.simplify(value - expected) == 0, (text, bracketed)


@pytest.mark.parametrize("text, value", [
    ("4⅙", sympy.Rational(25, 6)), ("2⅓", sympy.Rational(7, 3)), ("-2⅓", -sympy.Rational(7, 3)),
    ("2 ⅓", sympy.Rational(7, 3)),  # as 2 1/3 is, and said
    ("½", sympy.Rational(1, 2)), ("3·½", sympy.Rational(3, 2)), ("½^2", sympy.Rational(1, 4)),
    ("1¹⁄₂", sympy.Rational(3, 2)), ("³⁄₂", sympy.Rational(3, 2)), ("2 ¹⁄₃", sympy.Rational(7, 3)),
])
def test_a_fraction_character_after_digits_is_a_mixed_number(text, value):
    assert read(text, Shape.NUMBER, ()).value == value


def test_a_composed_fraction_before_a_letter_is_its_coefficient():
    x = sympy.Symbol("x", real=True)
    assert read("¹⁷⁄₂₀x", Shape.EXPRESSION, ("x",)).value == sympy.Rational(17, 20) * x


@pytest.mark.parametrize("text, column, message", [
    ("³⁄₀", 0, "a fraction can't have 0 below the bar"),
    ("1.5³⁄₂", 3, "a fraction can't follow 1.5: write 1.5 + 3/2, or 1.5·3/2 for the product"),
    ("2₂", 1, "the subscript '₂' can't be used here: write 2, or x_2 for a name with a subscript"),
    ("3/₂", 2, "the subscript '₂' can't be used here: write 2, or x_2 for a name with a subscript"),
])
def test_a_composed_fraction_or_a_subscript_that_cannot_be_read_says_what_to_write(text, column, message):
    with pytest.raises(InputError) as error:
        read(text, Shape.NUMBER, ())
    assert (error.value.column, error.value.message) == (column, message)


@pytest.mark.parametrize("text, shape", [("(4, 8, -1)·(x - 2, y - 4, z - 20) = 0", Shape.EQUATION),
                                         ("(1, 2)*(1, 2)", Shape.NUMBER)])
def test_a_product_of_two_vectors_is_told_to_be_written_out(text, shape):
    # was "A number that scales a vector goes before it", where no number is (outside check h64, F11)
    with pytest.raises(InputError) as error:
        read(text, shape, ("x", "y", "z"))
    assert error.value.message == ("a product of two vectors can't be read: write it out, component by component, "
                                   "like 1·3 + 2·4 for (1, 2)·(3, 4)")


def test_a_subscript_after_a_name_suggests_no_name_that_is_not_one():
    # "or x_1 for a name with a subscript" led on to "Unknown name 'x_1'" (outside check h65, F5)
    with pytest.raises(InputError) as error:
        read("x₁ = -1.3008, x₂ = 1.1309", Shape.VECTOR, ("x",))
    assert (error.value.column, error.value.message) == (1, "the subscript '₁' can't be used here: write 1")
    with pytest.raises(InputError) as error:
        read("x₁ + 1", Shape.EXPRESSION, ("x", "x_1"))  # where x_1 is a name, it is said
    assert error.value.message.endswith("or x_1 for a name with a subscript")


def test_a_fraction_character_after_a_decimal_is_refused_with_what_to_write():
    with pytest.raises(InputError) as error:
        read("1.5½", Shape.NUMBER, ())
    assert (error.value.column, error.value.message) == (3, "a fraction can't follow 1.5: write 1.5 + 1/2, or "
                                                            "1.5·1/2 for the product")


@pytest.mark.parametrize("text, message", [
    ("1.5e-3xy", "'1.5e-3xy' can be read two ways: write 1.5e-3·xy for the number 1.5e-3 times xy, or 1.5e - 3xy, "
                 "with spaces, for 1.5·e minus 3xy"),
    ("x + 2e+3x", "'2e+3x' can be read two ways: write 2e+3·x for the number 2e+3 times x, or 2e + 3x, with spaces, "
                  "for 2·e plus 3x"),
    ("1.5E-3xy", "write 1.5E-3·xy for the number 1.5E-3 times xy"),
    ("2e-300x", "'2e-300x' can be read two ways: write 2e-300·x for the number 2e-300 times x, or 2e - 300x, with "
                "spaces, for 2·e minus 300x"),
])
def test_a_calculators_number_straight_before_a_letter_is_refused_not_read_one_way(text, message):
    """Finding 493: 1.5e-3xy was read as 1.5e - 3xy with no note, the student's 0.0015xy silently another value."""
    with pytest.raises(InputError) as refused:
        read(text, variables=["x", "y"])
    assert refused.value.message == message


X, Y = symbol("x"), symbol("y")


@pytest.mark.parametrize("text, value", [
    ("1.5e-3 xy", sympy.Rational(3, 2000) * X * Y), ("1.5e-3·xy", sympy.Rational(3, 2000) * X * Y),
    ("1.5e - 3xy", sympy.Rational(3, 2) * sympy.E - 3 * X * Y), ("2e3x", 6 * sympy.E * X),
    ("3e-2", sympy.Rational(3, 100)),
])
def test_the_readings_it_points_to_are_read(text, value):
    assert read(text, variables=["x", "y"]).value == value


# finding 484: digits, a comma and 3+ digits with no space is a decimal comma wherever a list is read
@pytest.mark.parametrize("typed, shape, column, message", [
    ("(2,5671, 1)", Shape.VECTOR, 2, "for a decimal write a point: 2.5671; for two values, a comma and a space: 2, 5671"),
    ("(1,250)", Shape.POINTS, 2, "for a decimal write a point: 1.250; for two values, a comma and a space: 1, 250"),
])
def test_a_decimal_comma_is_refused_where_a_list_is_read(typed, shape, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, shape)
    assert (caught.value.message, caught.value.column) == (message, column)


@pytest.mark.parametrize("typed, shape, value", [
    ("(1, 250)", Shape.POINTS, ((1, 250),)),
    ("(1,25)", Shape.POINTS, ((1, 25),)),
    ("(1,2), (3,4)", Shape.POINTS, ((1, 2), (3, 4))),
    ("(2, 5671)", Shape.VECTOR, (2, 5671)),
])
def test_a_list_spaced_or_of_short_items_is_read_as_before(typed, shape, value):
    assert read(typed, shape).value == value


# finding 480: every LaTeX command got "Backslashes are not part of maths here.", whatever it was; now what
# to type for the one met, at its backslash. None is read.
@pytest.mark.parametrize("typed, column, message", [
    ("6 \\cdot x", 2, "'\\cdot' is LaTeX: write * for a product"),
    ("2 \\times x", 2, "'\\times' is LaTeX: write * for a product"),
    ("\\frac{6x}{y}", 0, "'\\frac{6x}{y}' is LaTeX: write (6x)/(y)"),
    ("\\dfrac {6x} {y}", 0, "'\\dfrac {6x} {y}' is LaTeX: write (6x)/(y)"),
    ("\\frac{\\sqrt{x}}{2}", 0, "'\\frac' is LaTeX: for \\frac{a}{b} write (a)/(b)"),
    ("\\frac{6x}", 0, "'\\frac' is LaTeX: for \\frac{a}{b} write (a)/(b)"),
    ("2\\sqrt{x + 1}", 1, "'\\sqrt{x + 1}' is LaTeX: write sqrt(x + 1)"),
    ("\\sqrt[3]{x}", 0, "'\\sqrt[3]{x}' is LaTeX: write (x)^(1/3)"),
    ("\\sqrt x", 0, "'\\sqrt' is LaTeX: for \\sqrt{a} write sqrt(a)"),
    ("\\left( x \\right)", 0, "'\\left(' is LaTeX: leave out \\left and keep the bracket"),
    ("(x \\right)", 3, "'\\right)' is LaTeX: leave out \\right and keep the bracket"),
    ("\\langle 2x, 2y \\rangle", 0, "'\\langle' is LaTeX: write the vector in round brackets, (2x, 2y)"),
    ("\\langle 2x, 2y", 0, "'\\langle' is LaTeX: write a vector in round brackets, like (2x, 2y)"),
    ("\\begin{pmatrix} 2x \\\\ 2y \\end{pmatrix}", 0,
     "'\\begin{pmatrix}' is LaTeX: write the vector in round brackets, (2x, 2y)"),
    ("\\begin{bmatrix} 2x & 2y \\end{bmatrix}", 0,
     "'\\begin{bmatrix}' is LaTeX: write the vector in round brackets, (2x, 2y)"),
    ("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", 0,
     "'\\begin{bmatrix}' is LaTeX: write a vector in round brackets, like (2x, 2y)"),
    ("\\begin{align} x \\end{align}", 0, "'\\begin' is LaTeX: write a vector in round brackets, like (2x, 2y)"),
    ("\\alpha x", 0, "'\\alpha' is LaTeX: write alpha"),
    ("2\\pi", 1, "'\\pi' is LaTeX: write pi"),
    ("\\sin x", 0, "'\\sin' is LaTeX: write sin"),
    ("\\nabla f", 0, "'\\nabla' is LaTeX: write ∇ or grad"),
    ("2x\\,y", 2, "'\\,' is LaTeX spacing: leave it out"),
    ("2 \\\\ 3", 2, "'\\\\' is LaTeX's new line: separate items with a comma"),
    ("\\(2x\\)", 0, "'\\(' starts or ends LaTeX maths: leave it out"),
    ("\\mathrm{d}x", 0, "'\\mathrm' is LaTeX, which is not read here: write plain maths, like 6*x*y^3 or (6x)/(y)"),
    ("x\\", 1, "a backslash is not part of maths here"),
])
def test_a_latex_command_is_told_what_to_type_instead(typed, column, message):
    with pytest.raises(InputError) as caught:
        read(typed, Shape.EXPRESSION, ("x", "y"))
    assert (caught.value.message, caught.value.column, caught.value.note) == (message, column, "forbidden")


_LATEX = ["\\frac", "\\sqrt", "\\left", "\\right", "\\langle", "\\rangle", "\\begin", "\\end", "{pmatrix}",
          "\\cdot", "\\\\", "\\", "{", "}", "[", "]", "(", ")", "&", "x", "2", " ", ",", "^", "\\alpha", "\\,"]


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_LATEX), max_size=20).map("".join), st.sampled_from(SHAPES))
def test_latex_is_never_read_and_always_told_with_a_sentence(text, shape):
    try:
        read(text, shape, ("x", "y"))
    except InputError as error:
        assert error.message and (error.column is not None or "\\" not in text)
        return
    assert "\\" not in text  # a backslash is never read past: no form is accepted by leaving part of it out


# a line in three variables takes two equations: among the items of a set of points they are written in braces or
# chained, and hold at once; one '=' is still all an equation or an expression may have
def test_a_chain_or_braces_among_points_are_equations_that_hold_at_once():
    z = symbol("z")
    names = ("x", "y", "z")
    assert read("x = y = z", Shape.POINTS, names).value == (Meet((Equation(X, Y), Equation(Y, z))),)
    assert read("{x = 0, z = 0}, (1, 2, 3)", Shape.POINTS, names).value == (
        Meet((Equation(X, 0), Equation(z, 0))), (1, 2, 3))
    assert read("{x = 0}, (1, 2, 3)", Shape.POINTS, names).value == (Equation(X, 0), (1, 2, 3))
    assert read("{x = 0, z = 0}", Shape.POINTS, names).value == (Equation(X, 0), Equation(z, 0))  # the set's braces
    # a link of working is no equation of its own: x = 3^2 = 9 is the plane x = 9, not x = 9 and 9 = 9 (outside
    # check h37, M3); a link that is wrong still is
    assert read("x = 3^2 = 9", Shape.POINTS, names).value == (Equation(X, 9),)
    assert read("x = 2·3 = 5", Shape.POINTS, names).value == (Meet((Equation(X, 6), Equation(6, 5))),)
    with pytest.raises(InputError, match="only one '=' is allowed") as error:
        read("x = y = z", Shape.EQUATION, names)
    assert error.value.column == 6


@pytest.mark.parametrize("text, column, message", [
    # outside check: "Unknown name 'i'", "The character 'ᵀ' can't be used here", "Unknown name 'T'"
    ("2x i + 2y j", 3, "'i' is a unit vector here: write the vector in round brackets, its components in order, "
                       "separated by commas"),
    ("(2x, 2y)ᵀ", 8, "a vector needs no transpose: write the vector in round brackets, its components in order, "
                     "separated by commas"),
    ("[2x, 2y]^T", 9, "a vector needs no transpose: write the vector in round brackets, its components in order, "
                      "separated by commas"),
    ("2i", 1, "unknown name 'i' (the variables are x and y)"),  # one letter alone is no unit vector
])
def test_a_vector_in_another_course_s_notation_is_told_how_to_write_it(text, column, message):
    with pytest.raises(InputError) as error:
        read(text, Shape.VECTOR, ("x", "y"))
    assert (error.value.column, error.value.message) == (column, message)
