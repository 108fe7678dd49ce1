"""A command about one exercise of a pack file (`check --exercise PACK:ID`, `pack show PACK ID`, `plot
exercise PACK ID`) computes that exercise's answer alone: another one's, slow to find or refused, neither
costs time nor stops it (finding 231: a pack with one slow exercise made checking a fast one take 17 s).
The whole file's structure is still checked, and the commands about every exercise verify every one."""

from __future__ import annotations

import io
import sqlite3

import pytest

from tutor import packs, practice, repl, variant_check
from tutor.cli import main
from tutor.practice import Session
from tutor.store import Store

FLOOR = ("floor(x) jumps where x is a whole number, where it has no derivative, and is flat in between, "
         "where its derivative is 0: the tutor can't differentiate f with respect to x")
NO_EXACT = ("its answer, -1.30084…, has no exact form a student can type: give the exercise a tolerance, like "
            "'tolerance: dp:4', so that decimals are graded")
# each other exercise is refused as its answer is computed: floor has no derivative, the author's answer is
# wrong, the minimum has no exact form
PACK = """pack: one
title: One of several
exercises:
  - id: fl2
    kind: derivative
    function: floor(x)^2 + x
  - id: fast
    kind: derivative
    function: x^2
  - id: wrong
    kind: derivative
    function: x^3
    answer: 2x
  - id: mn
    kind: minimize
    function: x^4 - 3x^2 + x
"""


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


@pytest.fixture
def built(monkeypatch):
    """The ids of the exercises whose answers loading computes, in order."""
    ids: list[str] = []
    refusing = packs.refusing

    def counted(spec):
        ids.append(spec.id)
        return refusing(spec)

    monkeypatch.setattr(packs, "refusing", counted)
    return ids


def test_check_grades_the_exercise_asked_for_though_others_are_refused(pack, capsys, built):
    assert main(["check", "--exercise", f"{pack}:fast", "--", "2x"]) == 0
    assert capsys.readouterr().out == "correct\nCorrect.\nread as: 2x\n"
    assert built == ["fast"]
    assert main(["check", "--exercise", f"{pack}:fast", "--", "x^2"]) == 1
    assert capsys.readouterr().out.startswith("incorrect\n")


def test_pack_show_of_one_exercise_shows_it_alone(pack, capsys, built):
    assert main(["pack", "show", pack, "fast", "--answers"]) == 0
    assert capsys.readouterr().out == ("one: One of several (4 exercises)\n\n1. fast (derivative)\n"
                                       "   d/dx of f(x) = x²\n   answer: 2x\n")
    assert built == ["fast"]


def test_plot_of_one_exercise_builds_it_alone(pack, tmp_path, capsys, built):
    assert main(["plot", "exercise", pack, "fast", "--out", str(tmp_path / "fast.png")]) == 0
    assert (tmp_path / "fast.png").stat().st_size > 0
    assert built == ["fast"]


@pytest.mark.parametrize("argv", [["check", "--exercise", "{pack}:fl2", "--", "2x"], ["pack", "show", "{pack}", "fl2"]])
def test_the_exercise_asked_for_is_refused_as_before(pack, capsys, built, argv):
    assert main([a.format(pack=pack) for a in argv]) == 2
    assert capsys.readouterr().err == f"tutor: {pack}:4:5: exercise 'fl2': {FLOOR}\n"
    assert built == ["fl2"]


def test_the_exercise_asked_for_is_told_it_cant_be_set(pack, capsys):
    assert main(["pack", "show", pack, "mn"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"   exercise 'mn' can't be set: {NO_EXACT}; it is not " \
                                                       "graded nor practised"
    assert main(["check", "--exercise", f"{pack}:mn", "--", "-1.3"]) == 2
    assert capsys.readouterr().err == f"tutor: exercise 'mn' can't be set: {NO_EXACT}\n"


def test_the_whole_files_structure_is_still_checked(tmp_path, capsys, built):
    path = tmp_path / "typo.yaml"
    path.write_text(PACK + "    tolerence: dp:4\n", encoding="utf-8")
    assert main(["check", "--exercise", f"{path}:fast", "--", "2x"]) == 2
    assert capsys.readouterr().err == f"tutor: {path}:17:5: exercise 'mn': unknown key 'tolerence'; did you " \
                                      "mean 'tolerance'?\n"


@pytest.mark.parametrize("argv", [["pack", "show", "{pack}"], ["pack", "validate", "{pack}"], ["pack", "list", "{pack}"],
                                  ["grade", "{pack}", "{answers}"]])
def test_commands_about_every_exercise_still_verify_every_one(pack, tmp_path, capsys, argv):
    answers = tmp_path / "answers.csv"
    answers.write_text("student,exercise,answer\nann,fast,2x\n", encoding="utf-8")
    main([a.format(pack=pack, answers=answers) for a in argv])
    said = capsys.readouterr()
    assert f"exercise 'fl2': {FLOOR}" in said.out + said.err



WRONG = ("the given answer does not agree with the computed one (3x²): At x = 1 your answer is 2, but the correct "
         "value is 3.")


def left_out(number: int, exercise: str, why: str) -> str:
    return f"Note: exercise {number} ({exercise}) can't be set, so it is left out: {why}"


def test_practice_checks_each_exercise_of_a_pack_file_when_it_comes_up(pack, tmp_path, monkeypatch):
    """Finding 769: a session on a pack file verified every exercise before the first prompt (5 s for 40
    descents, 37 s for 300, at every start); now each one as it is first set, the way loading did, and one
    that can't be set is left out then, with the sentence loading gave."""
    checked: list[str] = []
    refusing = practice.refusing
    monkeypatch.setattr(practice, "refusing", lambda spec: checked.append(spec.id) or refusing(spec))
    session = Session(packs.load(pack, when_set=True), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    shown = [line.text for line in session.start()]
    assert checked == ["fl2", "fast"]  # the first exercise refused on the way to the second, the others not yet
    assert shown[1:] == ["Pack: One of several (4 exercises).", left_out(1, "fl2", FLOOR), "", "Exercise 2 of 4",
                         "d/dx of f(x) = x²"]
    said = [line.text for line in session.handle("2x")]
    assert checked == ["fl2", "fast", "wrong", "mn"]  # each once: fl2 is not checked again
    assert said[:3] == ["✓ Correct.", left_out(3, "wrong", WRONG), left_out(4, "mn", NO_EXACT)]
    assert said[4].startswith("You have solved every exercise of One of several that can be set.")
    assert session.on_screen.spec.id == "fast"
    session.store.close()


def _conversation(session: Session, typed: list[str], said: list[str]) -> None:
    """The session as the shell runs it, each line typed read after its prompt, everything printed in `said`."""
    lines = iter(typed)

    def read(prompt: str) -> str:
        text = next(lines, None)
        if text is None:
            raise EOFError
        said.append(prompt + text)
        return text

    repl.converse(session, read, lambda printed: said.extend(line.text for line in printed))


def test_a_right_answers_verdict_is_printed_before_the_next_exercise_is_checked(pack, tmp_path, monkeypatch):
    """Finding 801: '✓ Correct.' waited ~9 s, the screen frozen, while the pack file's next exercise was checked;
    it is printed first, and then the check goes on, the lines after it as before."""
    said: list[str] = []
    refusing = practice.refusing
    monkeypatch.setattr(practice, "refusing", lambda spec: said.append(f"(checking {spec.id})") or refusing(spec))
    session = Session(packs.load(pack, when_set=True), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    _conversation(session, ["2x"], said)
    after = said[said.index("answer> 2x"):]
    assert after[:5] == ["answer> 2x", "✓ Correct.", "(checking wrong)", "(checking mn)", left_out(3, "wrong", WRONG)]
    session.store.close()


def _stopped_once(monkeypatch, exercise: str) -> None:
    """Ctrl-C while the exercise is checked, the first time it is."""
    refusing = practice.refusing
    stopped: list[str] = []

    def stop(spec):
        if spec.id == exercise and not stopped:
            stopped.append(spec.id)
            raise KeyboardInterrupt
        return refusing(spec)

    monkeypatch.setattr(practice, "refusing", stop)


def test_ctrl_c_while_the_next_exercise_is_set_keeps_the_answer_counted_once(pack, tmp_path, monkeypatch):
    """Finding 800: Ctrl-C while the next exercise was checked said 'Type the answer ... again', though the answer
    was saved, and the answer typed again was counted a second time (2 of 2 right, mastery past half). Now the
    session says the answer was counted, the exercise solved stays on the screen, an answer to it counts
    nothing, and :skip moves on, without making it due again."""
    _stopped_once(monkeypatch, "wrong")
    db = tmp_path / "p.sqlite3"
    session = Session(packs.load(pack, when_set=True), Store(db), "ann", seed=1)
    said: list[str] = []
    _conversation(session, ["2x", "2x", ":skip"], said)
    after = said[said.index("answer> 2x"):]
    assert after[:5] == ["answer> 2x", "✓ Correct.",
                         "Stopped. Your answer was counted; :skip moves on to the next exercise; Ctrl-D quits.",
                         "answer> 2x",
                         "You have solved this exercise already, and your answer was counted; :skip moves on to the "
                         "next one."]
    assert after[5:8] == ["answer> :skip", left_out(3, "wrong", WRONG), left_out(4, "mn", NO_EXACT)]
    assert said[-1] == "Bye. This session: 1 exercise solved, 1 attempt."
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT exercise, answer, verdict FROM attempts").fetchall() == [
            ("fast", "2x", "correct")]
        assert connection.execute("SELECT count(*) FROM reviews").fetchone() == (0,)  # :skip made nothing due


MIXED = """pack: mix
title: Mixed
exercises:
  - {id: ok1, kind: derivative, function: x^3, tags: [alpha]}
  - {id: wrong, kind: derivative, function: x^4, answer: 5x^3, tags: [beta]}
  - {id: mn, kind: minimize, function: x^4 - 3x^2 + x, tags: [beta]}
  - {id: ok2, kind: derivative, function: x^2, tags: [alpha]}
  - {id: ok3, kind: derivative, function: x^5, tags: [gamma]}
  - {id: wrong2, kind: derivative, function: x^6, answer: 5x^5, tags: [gamma]}
"""


def test_a_skill_none_of_whose_exercises_can_be_set_is_not_promised_and_the_exercise_stays(tmp_path):
    """Finding 809: ':topic beta' promised 'each of its 2 exercises once', left both out, went on with every skill
    and put another exercise in place of the one not answered; ':topic' still offered beta as '0 of 2'. Now the
    exercise on the screen stays, with a sentence, and the skills' table says how many can't be set; a skill
    with some that can be set is promised those, once they are found."""
    path = tmp_path / "mix.yaml"
    path.write_text(MIXED, encoding="utf-8")
    session = Session(packs.load(str(path), when_set=True), Store(tmp_path / "p.sqlite3"), "ann", seed=1)
    assert [line.text for line in session.start()][-1] == "d/dx of f(x) = x³"
    assert [line.text for line in session.handle(":topic beta")] == [
        left_out(2, "wrong", "the given answer does not agree with the computed one (4x³): At x = 1 your answer is "
                             "5, but the correct value is 4."),
        left_out(3, "mn", NO_EXACT),
        "No exercise of beta can be set, so you go on with exercise 1; :topic lists the skills."]
    assert session.topic is None and session.on_screen.spec.id == "ok1"
    assert [line.text for line in session.handle(":topic beta")] == [
        "No exercise of beta can be set, so you go on with exercise 1; :topic lists the skills."]
    table = [line.text for line in session.handle(":topic")]
    assert table[1:] == ["  alpha                  ··········   0 of 2  solved",
                         "  beta                   ··········   0 of 2  solved, 2 can't be set",
                         "  gamma                  ··········   0 of 2  solved"]
    said = [line.text for line in session.handle(":topic gamma")]
    assert said[:2] == ["Practising gamma: each of its 2 exercises once.", ""]  # wrong2 not checked yet
    said = [line.text for line in session.handle("5x^4")]
    assert said[:2] == ["✓ Correct.", left_out(6, "wrong2", "the given answer does not agree with the computed one "
                                                           "(6x⁵): It looks like you multiplied by the lowered exponent. "
                                                           "The power rule multiplies by the exponent before lowering "
                                                           "it: the derivative of x⁶ is 6x⁵, not 5x⁵.")]
    assert "You have done every exercise of gamma: 1 exercise in 1 answer, 1 right the first time without help." in said
    session.store.close()


def test_a_practice_session_on_a_pack_file_with_an_exercise_that_cant_be_set_starts(tmp_path, capsys, monkeypatch):
    path = tmp_path / "three.yaml"
    path.write_text(PACK.replace("  - id: fl2\n    kind: derivative\n    function: floor(x)^2 + x\n", "")
                    .replace("  - id: mn\n    kind: minimize\n    function: x^4 - 3x^2 + x\n",
                             "  - id: cube\n    kind: derivative\n    function: x^3 + x\n"), encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("2x\n3x^2 + 1\n:progress\n"))
    assert main(["practice", "--pack", str(path), "--student", "t1", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    # said when it comes up, after the first exercise, not at the start
    assert "d/dx of f(x) = x²\nanswer> 2x\n✓ Correct.\n" + left_out(2, "wrong", WRONG) + \
        "\n\nExercise 3 of 3\nd/dx of f(x) = x³ + x\nanswer> 3x^2 + 1\n✓ Correct.\n" in out
    # the counts are the pack's as written, the exercise left out included; its answers count as ever
    assert "Pack: One of several (3 exercises).\n" in out
    assert "answer> :progress\nskill                   mastery   right\ngeneral                " in out
    assert "  2/2  \n" in out
    assert out.endswith("Bye. This session: 2 exercises solved, 2 attempts.\n")



def test_the_refusal_of_the_exercise_asked_for_is_computed_once(tmp_path, capsys, monkeypatch):
    # loading lets it through (its kind can't key it), then `pack show` names why: the solvers' seconds (16
    # for |sin x|^(2/3) + |cos x|) were spent twice
    path = tmp_path / "flat.yaml"
    path.write_text("pack: flat\ntitle: Flat\nexercises:\n  - {id: l, kind: local_minima, function: 'max(0, x)^2'}\n",
                    encoding="utf-8")
    computed: list[str] = []
    build = variant_check._build

    def counted(spec, params):
        computed.append(spec.id)
        return build(spec, params)

    monkeypatch.setattr(variant_check, "_build", counted)
    assert main(["pack", "show", str(path), "l"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == ("   exercise 'l' can't be set: f is flat all along the stretch "
                                                        "x < 0: every point there is a local minimum (and a local "
                                                        "maximum), as f is constant near it, so its local minima "
                                                        "can't be listed as numbers; it is not graded nor practised")
    assert computed == ["l"]
