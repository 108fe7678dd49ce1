"""floor/ceil refused where a derivative is needed; practice skips an exercise that can't be set; a
descent answer's default decimal places tell it from 0 and from the start."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.practice import NothingToSet, Session
from tutor.store import Store
from tutor.topics.base import telling_places

FLOOR = ("floor(x) jumps where x is a whole number, where it has no derivative, and is flat in between, "
         "where its derivative is 0: the tutor can't differentiate f with respect to x")


@pytest.mark.parametrize("argv", [
    ("minimize", "floor(x)^2"),
    ("minimize", "x^2 + floor(x)"),
    ("descent", "floor(x)^2", "--start", "1.5", "--rate", "0.1", "--iterations", "2"),
    ("partial", "floor(x)^2 + y", "--wrt", "x"),
    ("gradient", "floor(x) y"),
])
def test_floor_refused_where_a_derivative_is_needed(capsys, argv):
    assert main(["solve", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"tutor: {FLOOR}\n"


def test_ceil_inside_names_the_piece(capsys):
    assert main(["solve", "minimize", "ceil(x^2)"]) == 2
    assert capsys.readouterr().err.startswith("tutor: ceil(x²) jumps where x² is a whole number, ")


def test_floor_in_a_variable_not_differentiated(capsys):
    assert main(["solve", "partial", "floor(x)^2 + y", "--wrt", "y"]) == 0
    assert capsys.readouterr().out == "f(x, y) = y + floor(x)²\n∂f/∂y = 1\n"


def test_pack_validate_says_why(tmp_path, capsys):
    pack = tmp_path / "plat.yaml"
    pack.write_text("pack: plat\ntitle: Plateaus\nexercises:\n  - id: fl2\n    kind: derivative\n"
                    "    function: floor(x)^2 + x\n")
    assert main(["pack", "validate", str(pack)]) == 1
    out = capsys.readouterr()
    assert f"exercise 'fl2': {FLOOR}" in out.out + out.err
    assert "Derivative" not in out.out + out.err


HINT = "pack: hint\ntitle: Hint\nexercises:\n  - id: mn\n    kind: minimize\n    function: x^4 - 3x^2 + x\n"
WHY = ("its answer, -1.30084…, has no exact form a student can type: give the exercise a tolerance, like "
       "'tolerance: dp:4', so that decimals are graded")


def test_practice_skips_an_exercise_that_cant_be_set(tmp_path):
    pack = tmp_path / "hint2.yaml"
    pack.write_text(HINT.replace("pack: hint", "pack: hint2")
                    + "  - id: d\n    kind: derivative\n    function: x^3\n")
    session = Session(packs.load(str(pack)), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    shown = [line.text for line in session.start()]
    assert f"Note: exercise 1 (mn) can't be set, so it is left out: {WHY}" in shown
    assert "d/dx of f(x) = x³" in shown
    assert session.on_screen.spec.id == "d"
    assert [line.text for line in session.handle("3x^2")][0] == "✓ Correct."
    assert session.on_screen.spec.id == "d"  # never mn again
    (tmp_path / "hint.yaml").write_text(HINT)
    said = [line.text for line in session.handle(f":pack {tmp_path / 'hint.yaml'}")]
    assert said == [f"No exercise of Hint can be set; run: tutor pack validate {tmp_path / 'hint.yaml'}"]
    assert session.on_screen.spec.id == "d"  # the session goes on


def test_practice_on_a_pack_nothing_of_which_can_be_set(tmp_path, capsys, monkeypatch):
    pack = tmp_path / "hint.yaml"
    pack.write_text(HINT)
    with pytest.raises(NothingToSet):
        Session(packs.load(str(pack)), Store(tmp_path / "p.sqlite3"), "ann", seed=1).start()
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("-1.3008\n"))
    assert main(["practice", "--pack", str(pack), "--student", "h9"]) == 2
    assert capsys.readouterr().err == f"tutor: no exercise of Hint can be set: 'mn': {WHY}\n"


SCI = ("pack: sci\ntitle: Sci\nexercises:\n  - id: d\n    kind: gradient_descent\n    function: x^2\n"
       "    start: 1e-5\n    rate: 0.1\n    iterations: 1\n")


def test_a_small_descent_answer_is_asked_to_enough_places(tmp_path, capsys):
    pack = tmp_path / "sci.yaml"
    pack.write_text(SCI)
    exercise = packs.load(str(pack)).exercise("d").variant()
    assert exercise.prompt().endswith("what is x₁, the point after 1 iteration? (to 7 decimal places)")
    verdicts = {answer: main(["check", "--exercise", f"{pack}:d", "--", answer]) for answer in
                ("0", "0.00001", "-0.00003", "8e-6", "0.0000080")}
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line in ("correct", "incorrect")] == \
        ["incorrect", "incorrect", "incorrect", "correct", "correct"]
    assert "Your answer 0 is not right to 7 decimal places." in out
    assert verdicts  # each answer was checked


def test_telling_places():
    assert telling_places((0.50567, 0.604675), (0.5, 0.6)) == 4  # the lesson's sauna step: as before
    assert telling_places((8e-6,), (1e-5,)) == 7
    assert telling_places((0.0,), (0.0,)) == 4  # nothing moved, nothing to tell apart


END = ("pack: end\ntitle: End\nexercises:\n  - id: e\n    kind: local_minima\n    ask: end\n"
       "    function: x^2 - x/10000\n    start: 1\n    rate: 0.1\n"
       "  - id: far\n    kind: local_minima\n    ask: end\n    function: x^4 - 2x^2\n    start: 0.5\n    rate: 0.05\n")


def test_where_descent_ends_is_asked_to_enough_places_to_tell_a_small_answer_from_0(tmp_path, capsys):
    """Finding 67 for local_minima's ask: end: the minimum 0.00005 at 4 places accepted 0."""
    pack = tmp_path / "end.yaml"
    pack.write_text(END)
    exercise = packs.load(str(pack)).exercise("e").variant()
    assert exercise.prompt() == ("Gradient descent on f(x) = x² - 0.0001x starts at 1 with learning rate α = 0.1 "
                                 "and runs until its points settle. Where does it end? (to 6 decimal places)")
    for answer in ("0", "0.0001", "0.00005", "1/20000"):
        main(["check", "--exercise", f"{pack}:e", "--", answer])
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line in ("correct", "incorrect")] == \
        ["incorrect", "incorrect", "correct", "correct"]
    # an answer of a usual size keeps 4 places
    assert packs.load(str(pack)).exercise("far").variant().prompt().endswith(
        "Where does it end? (to 4 decimal places)")
