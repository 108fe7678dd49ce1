"""A practice session a student comes back to: new numbers, no repeats, a skill's round that
ends, welcome back, the homework variant, close decimals, commands as plain words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tutor import packs
from tutor.cli import main
from tutor.practice import SCREEN_LINES, Session, command, lesson_steps
from tutor.show import show
from tutor.store import Store


def session_for(tmp_path: Path, pack: str = "gradients", student: str = "ana", **options) -> Session:
    session = Session(packs.load(pack), Store(tmp_path / "p.sqlite3"), student, seed=1, **options)
    session.start()
    return session


def texts(lines) -> str:
    return "\n".join(line.text for line in lines)


def right_answer(session: Session) -> str:
    exercise = session.on_screen.exercise
    return show(exercise.expected(), exercise.problem.variables)


def test_again_without_parameters_says_there_are_no_other_numbers(tmp_path):
    pack = tmp_path / "fixed.yaml"  # every exercise of the built-in packs has parameters
    pack.write_text("pack: fixed\nexercises:\n"
                    "  - {id: one, kind: partial_derivative, function: 3x^2 y^3, wrt: x}\n"
                    "  - {id: two, kind: gradient, function: x^2 + y^2}\n", encoding="utf-8")
    session = session_for(tmp_path, str(pack))
    assert session.on_screen.spec.id == "one"
    assert texts(session.handle(":again")) == "This exercise has no other numbers; :skip moves on to another."
    assert session.on_screen.spec.id == "one"


def test_lesson_exercises_start_with_the_lessons_numbers_then_fresh_ones(tmp_path):
    session = session_for(tmp_path)
    assert session.on_screen.exercise.prompt() == "d/dx of g(x) = x² + 16"  # the lesson's y = 4
    out = texts(session.handle(":again"))
    assert out.startswith("New numbers; the lesson's own were the ones before.")
    assert "Fix y = 4," not in out and "x² + 16" not in out
    assert session.on_screen.exercise.title == f"Fix y = {session.on_screen.exercise.params[0][1]}, differentiate in x"


def test_again_gives_new_numbers_never_the_ones_just_shown(tmp_path):
    session = session_for(tmp_path, "drills")
    for _ in range(10):
        before = session.on_screen.exercise.params
        out = texts(session.handle(":again"))
        assert out.startswith("New numbers")
        assert session.on_screen.exercise.params != before


def test_never_the_same_exercise_twice_in_a_row(tmp_path):
    session = session_for(tmp_path, "drills")
    previous = session.on_screen.spec.id
    for turn in range(40):  # misses, skips and right answers mixed
        session.handle(("0", ":skip", right_answer(session))[turn % 3] if turn % 3 != 0 else "0")
        if turn % 3 == 0:
            continue  # a wrong answer keeps the exercise on the screen
        assert session.on_screen.spec.id != previous
        previous = session.on_screen.spec.id


def test_a_skill_round_ends_with_a_summary_and_what_next(tmp_path):
    session = session_for(tmp_path)
    out = texts(session.handle(":topic gradients"))
    assert "Practising gradients: each of its 3 exercises once." in out
    seen, lines = [], ""
    for _ in range(3):
        seen.append(session.on_screen.spec.id)
        lines = texts(session.handle(right_answer(session)))
    assert len(set(seen)) == 3
    assert "You have done every exercise of gradients: 3 exercises in 3 answers, 3 right the first time " \
           "without help." in lines
    assert "Next: " in lines and ":topic" in lines.split("Next: ")[1]
    assert "Practising every skill." in lines
    assert session.topic is None


def test_topic_alone_lists_the_skills(tmp_path):
    session = session_for(tmp_path)
    shown = session.on_screen.spec.id
    out = texts(session.handle(":topic"))
    assert out.startswith("The skills of this pack (:topic TAG practises one, :topic all every skill; Tab completes):")
    assert "  tangent-planes " in out and "0 of 3  solved" in out
    assert session.on_screen.spec.id == shown  # it does not jump on
    assert "gradient-descent" in session.skills() and "all" in session.skills()
    assert texts(session.handle(":topic gradeints")) == "No skill 'gradeints' in this pack; did you mean gradients?"


def test_welcome_back_says_where_you_left_off(tmp_path):
    first = session_for(tmp_path)
    first.handle(right_answer(first))  # exercise 1 solved
    first.handle("12345")  # exercise 4 missed
    first.handle(":quit")
    first.close()
    again = Session(packs.load("gradients"), first.store, "ana", seed=2)
    out = texts(again.start())
    assert out.startswith("Welcome back, ana.")
    assert "Last time: gradients, exercise 4 (Fix x = 2, differentiate in y), not solved yet." in out
    assert "Due for another try in a few answers: exercise 4 (missed, skipped, or solved after a hint or the steps)." in out
    assert again.on_screen.spec.id == "tangent-line-fix-x"  # where it was left


def test_an_exercise_solved_after_a_hint_is_due_again_and_said_so(tmp_path):
    """Outside check h45, F1: an exercise answered right after :hint comes back (it is not yet remembered), and the
    welcome called it "missed or skipped"."""
    first = session_for(tmp_path)
    first.handle(":hint")
    assert texts(first.handle(right_answer(first))).startswith("✓ Correct.")
    first.handle(":quit")
    first.close()
    out = texts(Session(packs.load("gradients"), first.store, "ana", seed=2).start())
    assert "Due for another try in a few answers: exercise 1 (missed, skipped, or solved after a hint or the steps)." \
        in out


def test_first_showing_is_the_students_graded_variant_then_practice_numbers(tmp_path, capsys):
    session = session_for(tmp_path, "drills", student="s01")
    spec = session.on_screen.spec
    assert session.on_screen.exercise.prompt() == spec.variant("s01").prompt()
    assert main(["pack", "show", "drills", spec.id, "--student", "s01"]) == 0
    assert spec.variant("s01").prompt() in capsys.readouterr().out
    out = texts(session.handle(":again"))
    assert out.startswith("New numbers, for practice: your own variant, the one graded, is the one before.")
    assert session.on_screen.exercise.params != spec.variant("s01").params


def test_a_close_decimal_for_an_exact_answer_is_not_a_wrong_attempt(tmp_path):
    session = session_for(tmp_path)
    session.handle(":topic least-squares")
    while session.on_screen.spec.id != "power-lines-fit":
        session.handle(":skip")
    attempts = session.attempts
    out = texts(session.handle("m = 0.5, b = 2.3333"))
    assert out.startswith("≈ ") and "close: the exact value is wanted; write it as a fraction" in out
    assert session.attempts == attempts and session.on_screen.misses == 0
    out = texts(session.handle("y = 0.5x + 2.3333"))  # the line's equation, the other form the exercise asks for
    assert out == "≈ The 2.3333 in your y is close: the exact value is wanted; write it as a fraction."
    assert session.attempts == attempts and session.on_screen.misses == 0
    assert texts(session.handle("m = 1/2, b = 7/3")).startswith("✓")


def test_a_right_value_to_fewer_places_than_asked_is_not_a_wrong_attempt(tmp_path):
    session = session_for(tmp_path)
    while session.on_screen.spec.id != "hard-to-optimize-minimum":  # W(1) = 0.567143…, to 4 places
        session.handle(":skip")
    attempts = session.attempts
    assert texts(session.handle("0.567")) == "≈ Your answer 0.567 is right to 3 decimal places; give it to 4 decimal places."
    assert session.attempts == attempts and session.on_screen.misses == 0
    assert texts(session.handle("0.5671")).startswith("✓")


def test_the_cost_not_multiplied_out_yet_is_not_a_wrong_attempt(tmp_path):
    session = session_for(tmp_path)
    while session.on_screen.spec.id != "power-lines-cost-function":
        session.handle(":skip")
    attempts = session.attempts
    assert texts(session.handle("(m+b-2)^2 + (2m+b-5)^2 + (3m+b-3)^2")) == (
        "≈ That is E(m, b), but not multiplied out yet: multiply out each square and add them up.")
    assert session.attempts == attempts and session.on_screen.misses == 0 and not session.on_screen.solved
    assert texts(session.handle("14m^2 + 12mb + 3b^2 - 42m - 20b + 38")).startswith("✓")


def test_right_points_or_a_line_rounded_to_fewer_places_are_not_a_wrong_attempt(tmp_path):
    session = session_for(tmp_path, "drills", student="amy")
    while session.on_screen.spec.id != "lm-valleys":  # amy's: {(-1.04668, 0), (0.945649, 0)}, to 4 places
        session.handle(":skip")
    attempts = session.attempts
    assert texts(session.handle("(-1.05, 0), (0.95, 0)")) == (
        "≈ (-1.05, 0) and (0.95, 0) are the right points rounded to 2 decimal places; give them to 4 decimal places.")
    assert session.attempts == attempts and session.on_screen.misses == 0
    session.handle(":topic least-squares")
    while session.on_screen.spec.id != "ls-advertising":  # b = 7.98192…, to 4 places
        session.handle(":skip")
    assert texts(session.handle("y = 0.0612x + 7.98")) == (
        "≈ The 7.98 in your y is right to 2 decimal places; give it to 4 decimal places.")
    assert session.attempts == attempts and session.on_screen.misses == 0


def test_critical_points_typed_as_decimals_for_exact_values_are_not_a_wrong_attempt(tmp_path):
    # {(-√2, 1), (0, 0), (√2, 1)}: was "✗ (1.4142, 1), (-1.4142, 1) do not belong in the answer. 2 points are
    # missing.", a wrong attempt
    pack = tmp_path / "p6.yaml"
    pack.write_text("pack: p6\ntitle: P6\nexercises:\n  - id: cp-sqrt\n    kind: critical_points\n"
                    "    function: x^2 y - x^2 - y^2\n  - id: fit\n    kind: least_squares\n"
                    "    data: [[0, 2], [1, 3], [3, 3]]\n")
    session = session_for(tmp_path, str(pack))
    assert session.on_screen.spec.id == "cp-sqrt"
    assert texts(session.handle("(1.4142, 1), (-1.4142, 1), (0, 0)")) == (
        "≈ (1.4142, 1) and (-1.4142, 1) are close to 2 of the right points, but exact values are expected.")
    assert session.attempts == 0 and session.on_screen.misses == 0
    assert texts(session.handle("(0, 0), (1.5, 1), (-1.4142, 1)")).startswith("✗ (-1.4142, 1) is close to one of")
    assert session.attempts == 1  # a wrong point beside it: a wrong attempt
    assert texts(session.handle("(sqrt 2, 1), (-sqrt 2, 1), (0, 0)")).startswith("✓")


@pytest.mark.parametrize(("typed", "meant"), [
    ("hint", (":hint", "")), ("HELP", (":help", "")), ("skip", (":skip", "")), ("quit", (":quit", "")),
    ("exit", (":quit", "")), (":exit", (":quit", "")), (":h", (":hint", "")), (":he", (":help", "")),
    (":s", (":steps", "")), (":sk", (":skip", "")), (":st all", (":steps", "all")),
    (":t gradients", (":topic", "gradients")), ("2x", None), (":zz", (":zz", "")),
    # a space after the colon (outside check h65, F10: "Unknown command ':'")
    (": hint", (":hint", "")), (":  topic all", (":topic", "all")), (":", (":", "")),
])
def test_commands_as_plain_words_and_unique_beginnings(typed, meant):
    assert command(typed) == meant


def test_score_counts_exercises_solved_and_attempts_apart(tmp_path):
    session = session_for(tmp_path)
    session.handle("2x + 16")  # wrong, and its feedback does not give the answer away
    session.handle("2x^")  # unreadable: no attempt
    session.handle(right_answer(session))
    assert session.status().endswith("solved 1 · attempts 2 · streak 1")
    assert texts(session.handle("quit")) == "Bye. This session: 1 exercise solved, 2 attempts."


def test_an_answer_after_a_hint_or_the_steps_adds_nothing_to_the_streak(tmp_path):
    # outside check h35, F8: the streak went up for answers given after :steps, which earn no mastery
    session = session_for(tmp_path)
    session.handle(right_answer(session))
    session.handle(":steps")
    session.handle(right_answer(session))
    session.handle(":hint")
    session.handle(right_answer(session))
    assert session.status().endswith("solved 3 · attempts 3 · streak 1")
    session.handle(right_answer(session))
    assert session.status().endswith("solved 4 · attempts 4 · streak 2")


def test_an_exercise_solved_again_with_new_numbers_is_not_another_exercise_solved(tmp_path):
    session = session_for(tmp_path)
    first = session.on_screen.spec
    session.handle(right_answer(session))
    session.show_exercise(first, session.fresh(first))  # back with new numbers, as a review brings it
    session.handle(right_answer(session))
    assert session.status().endswith("solved 1 · attempts 2 · streak 2")
    assert texts(session.handle("quit")) == "Bye. This session: 1 exercise solved, 2 attempts."


def test_progress_does_not_count_a_session_that_answered_nothing(tmp_path, capsys):
    session = session_for(tmp_path)
    session.handle("2x")
    session.close()
    empty = Session(packs.load("gradients"), session.store, "ana", seed=2)
    empty.start()
    empty.close()  # Ctrl-D at once
    session.store.close()
    assert main(["progress", "--db", str(tmp_path / "p.sqlite3")]) == 0
    assert capsys.readouterr().out.startswith("ana: 1 of 1 answer right in 1 session\n")


def test_steps_fit_a_screen_for_every_built_in_exercise():
    """:steps shows the lesson's level, at most a screen, for every built-in exercise; :steps all the rest."""
    for pack in packs.BUILT_IN:
        for spec in packs.load(pack).exercises:
            steps = spec.variant().problem.steps()
            if steps is None:
                continue
            text, hidden = lesson_steps(steps)
            assert len(text.splitlines()) <= SCREEN_LINES, spec.id
            assert hidden == (len(text.splitlines()) < len(_full(steps).splitlines())), spec.id


def _full(steps) -> str:
    from tutor.steps import render_text

    return render_text(steps)


def test_steps_all_shows_every_detail(tmp_path):
    session = session_for(tmp_path)
    session.handle(":topic sauna")
    while session.on_screen.spec.id != "sauna-critical-points":
        session.handle(":skip")
    short = texts(session.handle(":steps"))
    full = texts(session.handle(":steps all"))
    assert short.endswith("(:steps all shows every detail.)")
    assert len(short.splitlines()) <= SCREEN_LINES + 1 < len(full.splitlines())
    assert "8.10. y = 6 and x = 6: the point (6, 6)." in full
    assert texts(session.handle(":steps some")).startswith("':steps some' is not known")


def test_history_never_suggests_an_answer_already_given(tmp_path):
    from prompt_toolkit.buffer import Buffer
    from prompt_toolkit.document import Document
    from prompt_toolkit.history import InMemoryHistory

    from tutor.repl import NewAnswersOnly

    session = session_for(tmp_path)
    session.handle("2x + 1")  # wrong
    history = InMemoryHistory()
    for line in ("2x + 1", "2x + 4"):
        history.append_string(line)
    buffer = Buffer(history=history)
    suggestion = NewAnswersOnly(session).get_suggestion(buffer, Document("2x"))
    assert suggestion is not None and suggestion.text == " + 4"
    history.append_string("2x + 1")
    assert NewAnswersOnly(session).get_suggestion(buffer, Document("2x")).text == " + 4"


def test_shown_exercises_are_kept(tmp_path):
    session = session_for(tmp_path)
    session.handle(":skip")
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        shown = connection.execute("SELECT exercise, variant FROM shown ORDER BY id").fetchall()
    assert shown == [("tangent-line-fix-y", "graded"), ("fix-y-4", "graded")]  # the lesson's numbers


@pytest.mark.parametrize(("argv", "meant"), [
    ([], ["practice"]), (["--pack", "drills"], ["practice", "--pack", "drills"]),
    (["--debug", "--topic", "sauna"], ["--debug", "practice", "--topic", "sauna"]),
    (["progress"], ["progress"]), (["--debug", "pack", "list"], ["--debug", "pack", "list"]), (["-h"], ["-h"]),
])
def test_bare_tutor_takes_the_practice_options(argv, meant):
    from tutor.cli import practice_by_default

    assert practice_by_default(argv) == meant


def test_bare_tutor_with_a_pack_practises_it(capsys):
    assert main(["--pack", "nowhere.yaml"]) == 2
    assert "nowhere.yaml: no such pack file (built-in packs: gradients, drills)" in capsys.readouterr().err


def test_pack_list_names_the_built_in_packs(capsys):
    assert main(["pack", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [
        [name, str(len(packs.load(name).exercises))] for name in packs.BUILT_IN]


def test_mastery_says_under_its_bars_that_it_starts_empty_and_how_it_grows(tmp_path, capsys):
    """docs/reference/practice.md (finding 379): 2 of 2 right is half a bar, 5 in a row 83%, and the
    table says why under the bars, here and in `tutor progress`."""
    rule = ("Mastery starts empty; each answer right without help fills 30% of the rest, any other empties 30% "
            "(2 right in a row: 51%, 5: 83%).")
    session = session_for(tmp_path, topic="tangent-planes")
    shown = []
    for _ in range(5):
        session.handle(right_answer(session))
        shown.append(texts(session.handle(":progress")).splitlines())
    assert [next(line for line in lines if line.startswith("tangent-planes")) for lines in shown] == [
        "tangent-planes         ███·······   1/1  ", "tangent-planes         █████·····   2/2  ",
        "tangent-planes         ███████···   3/3  ", "tangent-planes         ████████··   4/4  ",
        "tangent-planes         ████████··   5/5  "]
    assert all(lines[-1] == rule for lines in shown)
    session.close()
    session.store.close()
    assert main(["progress", "--db", str(tmp_path / "p.sqlite3")]) == 0
    assert capsys.readouterr().out.endswith("  tangent-planes         ████████··   5/5\n" + rule + "\n")


def test_a_picture_with_nothing_of_the_answer_in_it_claims_none(tmp_path):
    """Outside check h14, F7: a partial derivative without a point draws the surface alone, and :plot said
    "Saved the picture (with its answer)" once it was solved."""
    session = session_for(tmp_path, pictures=tmp_path / "pictures")
    session.handle(":topic partial-derivatives")
    while session.on_screen.spec.id != "partial-x-x2y2":
        session.handle(":skip")
    assert texts(session.handle(":plot")) == f"Saved the picture as {tmp_path / 'pictures'}/partial-x-x2y2-question.png"
    session.handle("2x")
    assert texts(session.handle(":plot last")) == f"Saved the picture as {tmp_path / 'pictures'}/partial-x-x2y2.png"


def test_a_skills_round_takes_the_unsolved_first_in_the_packs_order(tmp_path):
    """As practice.md says (outside check h14, F8: the tutorial said "in the pack's order" alone)."""
    first = session_for(tmp_path)
    first.handle(":topic sauna")
    solved = first.on_screen.spec.id
    first.handle(right_answer(first))
    first.handle(":quit")
    first.close()
    again = Session(packs.load("gradients"), first.store, "ana", seed=2, topic="sauna")
    again.start()
    order = []
    for _ in range(len([s for s in again.pack.exercises if "sauna" in s.tags])):
        order.append(again.on_screen.spec.id)
        again.handle(right_answer(again))
    sauna = [s.id for s in again.pack.exercises if "sauna" in s.tags]
    assert order == [s for s in sauna if s != solved] + [solved]


def test_a_right_answer_after_feedback_that_gave_it_earns_no_mastery(tmp_path):
    """Outside check h54, N2: "… Put the point into E itself: E(1/2, 7/3) = 25/6." and then 25/6 typed counted as
    right without help, the streak and the skills' mastery up, where the steps, which say no more, earn nothing."""
    session = session_for(tmp_path)
    while session.on_screen.spec.id != "power-lines-cost":
        session.handle(":skip")
    told = texts(session.handle("0"))
    assert "E(1/2, 7/3) = 25/6." in told
    assert told.endswith("(That gives the answer: solving it now counts, but not towards mastery.)")
    streak = session.streak
    assert texts(session.handle("25/6")).startswith("✓")
    assert session.streak == streak
    ana = session.store.summary()[0]
    assert {s["skill"]: s["correct_without_help"] for s in ana["skills"]}["cost"] == 0
    # feedback that does not state the answer leaves it to be earned
    session = session_for(tmp_path / "other")
    first = texts(session.handle("2x + 16"))
    assert "That gives the answer" not in first


@pytest.mark.parametrize("exercise, wrong, told", [
    # stated without an '=' (outside check h65, F1): a count, a value, a label, a decimal, words each in turn
    ("stopping-1d", "12", "the descent took 11 iterations"),
    ("sauna-wall-temperature", "0", "the correct value is 85"),
    ("classify-x2y2-origin", "inconclusive", "so the point is a minimum"),
    ("local-minima-1d-end", "1", "at the local minimum 1.1309…"),
    ("learning-rates-x2", "too slow, converges, oscillates, diverges", "it is too slow"),
    ("tangent-line-fix-y", "x", "The derivative of x² is 2x, not x."),
])
def test_feedback_that_states_the_answer_any_way_earns_no_mastery_after_it(tmp_path, exercise, wrong, told):
    session = session_for(tmp_path)
    while session.on_screen.spec.id != exercise:
        session.handle(":skip")
    said = texts(session.handle(wrong))
    assert told in said and said.endswith("(That gives the answer: solving it now counts, but not towards mastery.)")
    streak = session.streak
    assert texts(session.handle(right_answer(session))).startswith("✓")
    assert session.streak == streak


def test_an_answer_the_tutor_cannot_decide_counts_nothing_in_practice(tmp_path):
    """Outside check h54, N4: -1.3008 + sin²(2⁹⁹⁹) + cos²(2⁹⁹⁹) - 1, exactly -1.3008, was "flagged for your teacher"
    in practice, where there is none, and counted as a wrong attempt: the streak reset and mastery lost."""
    session = session_for(tmp_path)
    while session.on_screen.spec.id != "local-minima-1d-global":
        session.handle(":skip")
    attempts = session.attempts
    assert texts(session.handle("-1.3008 + sin(2^999)^2 + cos(2^999)^2 - 1")) == (
        "? Your answer could not be checked with certainty, so it is not counted either way: write it more simply "
        "and try again.")
    assert session.attempts == attempts and session.on_screen.misses == 0
    assert texts(session.handle("-1.3008")).startswith("✓")
