"""Writing a pack: what an author reads when something is wrong (issue 17, "Authoring")."""

from __future__ import annotations

import re

import pytest
import yaml

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond
from tutor.pack_schema import json_schema
from tutor.parse import CONSTANTS, FUNCTIONS
from tutor.yaml_errors import describe

EXERCISE = "pack: p\nexercises:\n  - id: a\n    kind: derivative\n"

# A slip an author makes, and what they read: where it is (LINE:COL), what is wrong, the likely fix.
YAML_SLIPS = {
    "an unclosed list": (EXERCISE + "    function: x^2\n    answer: [1, 2\n",
                         "7:1: not valid YAML: the '[' at line 6, column 13 is never closed; close it with ']', "
                         "or put the whole value in quotes if the '[' is part of the text"),
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
        sentences.add(describe(caught.value))
    assert sentences == {message.split("not valid YAML: ", 1)[1]}


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
])
def test_the_schema_and_the_loader_agree_on_what_they_once_disagreed_on(tmp_path, document, accepted):
    assert (_schema_accepts(document), _loader_accepts(document, tmp_path)) == (accepted, accepted)


def test_a_hint_with_a_comma_is_one_hint(tmp_path):
    document = _pack(id="a", kind="expression", prompt="d/dx x^2?", expected="2x",
                     hints="First, bring the power down")
    pack = packs.load_text(yaml.safe_dump(document), "p.yaml", tmp_path)
    assert pack.exercises[0].variant().hints() == ("First, bring the power down",)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXTS = st.sampled_from(["x^2", "3x^2 y^3", "2x", "x", "y", "hello", "1/2", "0.5", "-1", "", "a, b", "dp:4",
                          "[1, 2]", "x = 2"])
_VALUES = st.one_of(_TEXTS, st.integers(-3, 2_000_000), st.sampled_from([0.5, 1e-3, 2.0]), st.booleans(),
                    st.none(), st.lists(_TEXTS, max_size=5), st.dictionaries(st.sampled_from(["x", "y", "z"]),
                                                                              st.integers(-2, 2), max_size=2))
_KINDS = {  # a valid exercise of each of three kinds, to change one key of
    "derivative": {"function": "x^3"},
    "expression": {"prompt": "What is 2 + 2?", "expected": "4"},
    "partial_derivative": {"function": "3x^2 y^3", "wrt": "x"},
    "gradient_descent": {"function": "x^2", "start": [1], "rate": 0.1, "iterations": 2},
}
_KEYS = ["title", "tags", "points", "tolerance", "partial", "answer", "hints", "function", "expected", "prompt",
         "wrt", "variables", "name", "shape", "mistakes", "at", "iterations", "rate", "start"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(_KINDS)), changes=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=3))
def test_the_schema_never_refuses_a_pack_the_loader_takes(tmp_path, kind, changes):
    """Fuzzed packs: each a valid exercise with up to three keys set to odd values. What the
    loader takes, an editor checking against the schema must take too."""
    exercise = {"id": "a", "kind": kind, **_KINDS[kind], **changes}
    document = {"pack": "p", "exercises": [exercise]}
    if _loader_accepts(document, tmp_path):
        assert _schema_accepts(document), exercise


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
        "exercise 'a': the values fall below 2.2e-308 at iteration 1588, past what a float holds; ask for fewer "
        "iterations")


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
    ("two", "must be a whole number from 1 to 10,000, or one made of the parameters (k)"),
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


def test_an_answer_with_a_number_too_long_to_type_says_so(tmp_path, capsys):
    # 5^5^5 has 2,185 digits: the answer was "shown as ≈1.9e+2184 x^…, does not grade: '≈' can't be used"
    (tmp_path / "t.yaml").write_text("pack: t\nexercises:\n  - id: d\n    kind: derivative\n"
                                     "    function: x^(a^a^a)\n    params: {a: {int: [5, 5]}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(tmp_path / "t.yaml")]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / 't.yaml'}:6:13: exercise 'd': with a = 5, its answer, ≈1.91101259794548e+2184x^≈1.91101259794548e+2184, "
        "holds a number too long for a student to type (more than 1,000 digits); use smaller numbers\n")


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
