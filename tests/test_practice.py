"""The practice REPL, driven as a student would: through prompt_toolkit's pipe input,
and once in a real terminal (tmux)."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from tutor import packs
from tutor.calculus import SolveError
from tutor.cli import main
from tutor.practice import Line, Session
from tutor.repl import Piped, Shell, emit_lines
from tutor.store import MIGRATIONS, Store

REPO = Path(__file__).resolve().parents[1]


def run_student(tmp_path: Path, keys: list[str], pack: str = "gradients", **options) -> tuple[str, Path]:
    """Type `keys` (each one line, Enter added) into a real Shell; return what it printed and the db."""
    db = tmp_path / "progress.sqlite3"
    store = Store(db)
    printed: list[str] = []
    with create_pipe_input() as keyboard:
        session = Session(packs.load(pack), store, "ana", seed=1, **options)
        shell = Shell(session, emit=lambda lines: printed.extend(line.text for line in lines),
                      input=keyboard, output=DummyOutput())
        for key in keys:
            keyboard.send_text(key if key in ("\x03", "\x04") else key + "\r")
        keyboard.send_text("\x04")  # Ctrl-D ends the session
        shell.run()
    store.close()
    return "\n".join(printed), db


def test_a_pasted_tab_is_a_space_on_the_answer_line(tmp_path):
    """Outside check h22: a tab pasted with the answer was echoed as ^I on the answer line."""
    session = Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    handled: list[str] = []
    original = session.handling  # what the shell hands on, each line as it stood on the answer line
    session.handling = lambda text: handled.append(text) or original(text)  # type: ignore[method-assign]
    with create_pipe_input() as keyboard:
        shell = Shell(session, emit=lambda lines: None, input=keyboard, output=DummyOutput())
        keyboard.send_text("\x1b[200~\t2x\x1b[201~\r")
        keyboard.send_text("\x1b[200~0.5\t2\x1b[201~\r\x04")  # inside: kept, and told as a tab (answers.md)
        shell.run()
    assert handled[:2] == [" 2x", "0.5\t2"]


def test_a_skill_of_one_exercise_and_a_long_review_list_are_told_plainly(tmp_path):
    """Outside check h35, F7 and F10: "each of its 1 exercise once", and "exercises 7, 9, 10, 17 and 16 …",
    out of order, with an 'and' that read as the end of the list."""
    _, db = run_student(tmp_path, ["1"])  # a session before: its reviews are told when she comes back
    store = Store(db)
    pack = packs.load("gradients")
    student = store.student("ana")
    for spec in reversed(pack.exercises[:7]):  # skipped, the last first: each due again later
        store.review_later(student, "gradients", spec.id)
    store.close()
    out, _ = run_student(tmp_path, [":topic stopping"])
    assert "Due for another try in a few answers: exercises 1, 2, 3, 4, 5 and 2 more (missed, skipped, or solved after a hint or the steps)." in out
    assert "Practising stopping: its one exercise." in out


def test_steps_show_a_third_level_where_it_fits():
    """Outside check h35, F3: the chain-rule drill's :steps went from 2·d/dx[sin(5x)] to 10 cos(5x), its chain rule
    left to ':steps all'."""
    from tutor.practice import lesson_steps
    shown, hidden = lesson_steps(packs.load("drills").exercise("d-trig").variant(0).steps())
    assert "      1.1.1. Chain rule: sin(5x) is sin(u) with u = 5x, so d/dx[sin(5x)] = cos(5x) · d/dx[5x] = 5 cos(5x)." \
        in shown.splitlines()
    assert hidden  # the rules under the chain rule's own steps: ':steps all'


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_a_scripted_student(tmp_path):
    out, db = run_student(tmp_path, [
        "2x + 16",     # exercise 1 (d/dx of x² + 16): wrong, and the feedback does not give the answer away
        "2x^",         # unreadable: not counted
        ":hint",
        "2x",          # right
        ":steps",      # exercise 2 (d/dy of 4 + y²)
        ":skip",
        ":progress",
        ":quit",
    ])
    assert out.startswith("Welcome to the calculus tutor, ana.")
    assert "Exercise 1 of 44 · Fix y = 4, differentiate in x  [tangent-planes, derivatives]\nd/dx of g(x) = x² + 16" in out
    assert ("✗ It looks like you kept the term 16. 16 does not change when x changes, so its derivative is 0."
            in out)
    assert "2x^\n  ^\nMissing exponent after '^'." in out
    assert "Hint 1 of 3: Differentiate term by term with respect to x." in out
    assert "✓ Correct." in out
    assert "Exercise 4 of 44 · Fix x = 2, differentiate in y" in out
    assert "Treat" not in out.split(":steps")[0]  # nothing of the steps before asked
    assert "Power rule: bring the exponent 2 down and lower it by 1: d/dy[y²] = 2y." in out
    assert "Skipped; it will come back later." in out
    assert "tangent-planes" in out.split("Skipped")[1]  # the progress table
    assert out.endswith("Bye. This session: 1 exercise solved, 2 attempts.")

    attempts = rows(db, "SELECT exercise, answer, verdict, note, hints FROM attempts ORDER BY id")
    assert attempts == [
        ("tangent-line-fix-y", "2x + 16", "incorrect", "misconception:kept-constant-term", 0),
        ("tangent-line-fix-y", "2x", "correct", "equal", 1),
    ]
    assert rows(db, "SELECT exercise, interval FROM reviews") == [("tangent-line-fix-y", 2),
                                                                 ("tangent-line-fix-x", 2)]
    assert rows(db, "SELECT skill, attempts, correct FROM mastery ORDER BY skill") == [
        ("derivatives", 2, 0), ("tangent-planes", 2, 0)]  # a hint used: no mastery credit
    assert rows(db, "SELECT COUNT(*) FROM sessions WHERE ended_at IS NOT NULL") == [(1,)]


def test_answers_piped_in_read_as_a_session(tmp_path):
    """docs/reference/practice.md: answers from a pipe, each printed after its prompt, as plain text;
    the end of the input ends the session as :quit does."""
    db = tmp_path / "p.sqlite3"
    out = io.StringIO()
    Piped(Session(packs.load("gradients"), Store(db), "ana", seed=1), io.StringIO("x\r\n2x^\n2x\n"), out).run()
    printed = out.getvalue()
    assert printed.startswith("Welcome to the calculus tutor, ana.")
    assert ("d/dx of g(x) = x² + 16\nanswer> x\n✗ It looks like you lowered the exponent but did not multiply "
            "by it.") in printed
    assert "answer> 2x^\n2x^\n  ^\nMissing exponent after '^'.\nanswer> 2x\n✓ Correct.\n" in printed
    assert printed.endswith("Bye. This session: 1 exercise solved, 2 attempts.\n")
    assert "\x1b" not in printed and "\r" not in printed
    assert rows(db, "SELECT answer, verdict FROM attempts ORDER BY id") == [("x", "incorrect"), ("2x", "correct")]


def test_control_characters_piped_in_are_shown_not_sent_to_the_terminal(tmp_path):
    """Finding 380: an escape sequence in an answers file (pasted from a web page) was echoed raw, twice, and
    cleared the screen; each control character is now one visible symbol, and the caret is under it, and the
    message names it by its code point and name (finding 533: it said '\\x1b'; finding 683: it said '␛')."""
    printed = piped(tmp_path / "p.sqlite3", "2x\x1b[2J\x1b[31m\n2\x01x\n")
    assert "answer> 2x␛[2J␛[31m\n2x␛[2J␛[31m\n  ^\nThe invisible character U+001B ESCAPE can't be used here.\n" in printed
    assert "answer> 2␁x\n2␁x\n ^\nThe invisible character U+0001 START OF HEADING can't be used here.\n" in printed
    assert "\x1b" not in printed and "\x01" not in printed


def test_a_character_read_as_a_space_piped_in_is_echoed_as_one(tmp_path):
    """Outside check h55, N5: a zero-width space, which counts as a space, was echoed after the prompt as �."""
    printed = piped(tmp_path / "p.sqlite3", "2\u200bx 😀\n")
    assert "answer> 2 x 😀\n2 x 😀\n    ^\n" in printed and "\ufffd" not in printed


@pytest.mark.parametrize("name, named", [
    ("e\x1b[31mred", "U+001B ESCAPE can't be used in a name: a terminal acts on it rather than showing it"),
    ("ana\u202egnirts", "U+202E RIGHT-TO-LEFT OVERRIDE can't be used in a name: it shows text in another order "
                        "than the order it is read in"),
])
def test_a_student_name_a_terminal_would_act_on_is_refused(tmp_path, capsys, monkeypatch, name, named):
    """Finding 806: a name with ESC was greeted raw, into a pipe or a session's file ('cat session.txt' turned
    red), where answers and pack values are shown or refused; it is refused, in a sentence naming the character,
    before the session starts."""
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO("2x\n"))
    with pytest.raises(SystemExit) as stopped:
        main(["practice", "--seed", "1", "--student", name])
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and out == ""
    assert err.endswith(f"error: argument --student: the invisible character {named}; delete it\n")
    assert "\x1b" not in err and "\u202e" not in err
    assert not (tmp_path / "progress.sqlite3").exists()


def test_a_name_written_with_joiners_or_wide_spaces_is_greeted_as_it_is(tmp_path, capsys, monkeypatch):
    """The refusal of finding 806 leaves alone what names are written with: a Persian name's zero-width non-joiner,
    a Japanese name's ideographic space."""
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    for name in ("راز\u200cدار", "山田\u3000花子"):
        monkeypatch.setattr(sys, "stdin", io.StringIO(":quit\n"))
        assert main(["practice", "--seed", "1", "--student", name]) == 0
        assert capsys.readouterr().out.startswith(f"Welcome to the calculus tutor, {name}. ")


def test_tutor_alone_goes_back_to_the_pack_and_the_exercise_left_unsolved(tmp_path, capsys, monkeypatch):
    """Outside check h14, F1: after a session on drills, `tutor` said only "Last time: drills." and started the
    lesson's pack at exercise 1; after that run, quit at once, even `tutor --pack drills` had lost the exercise,
    its numbers and the hint seen on it."""
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))

    def practise(answers: str, *args: str) -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
        assert main(["practice", "--student", "rep", *args]) == 0
        return capsys.readouterr().out

    first = practise("21x^2\n:hint\n", "--pack", "drills")
    prompt = first.split("\n")[3]  # the exercise: d/dx of f(x) = …, with this student's numbers
    assert "Hint 1 of 3:" in first
    back = practise("")
    assert "Last time: drills, exercise 1, not solved yet." in back and "Pack: Drills (45 exercises)." in back
    assert prompt in back
    # a run on another pack that does nothing keeps the place; the line says how to go back to it
    other = practise("", "--pack", "gradients")
    assert "Last time: drills, with an exercise not solved yet (tutor --pack drills goes back to it)." in other
    again = practise(":hint\n", "--pack", "drills")
    assert prompt in again and "Hint 2 of 3:" in again
    # with its skill: `tutor` alone practises it again
    skill = packs.load("drills").tags[-1]
    practise(":hint\n", "--pack", "drills", "--topic", skill)
    assert f"Pack: Drills (45 exercises); practising {skill}." in practise("")
    # every skill again, as :topic all says in the session (was "no skill 'all' in drills": outside check h65, F10)
    assert "Pack: Drills (45 exercises).\n" in practise("", "--pack", "drills", "--topic", "all")
    practise(":hint\n", "--pack", "drills", "--topic", skill)
    # a pack file, named by its id only: `tutor` alone opens the lesson's pack, and says how to go back
    pack = tmp_path / "hw.yaml"
    pack.write_text("pack: hw\nexercises:\n  - {id: one, kind: partial_derivative, function: 3x^2 y^3, wrt: x}\n",
                    encoding="utf-8")
    practise(":hint\n", "--pack", str(pack))
    back = practise("")
    assert "Last time: hw, with an exercise not solved yet (its pack file, given with --pack, goes back to it)." in back
    assert "Pack: Gradients and gradient descent (44 exercises)." in back


def test_tutor_reads_a_pipe_line_by_line(tmp_path):
    """`tutor < answers.txt`: no prompt_toolkit, so no warning that the input is not a terminal."""
    done = subprocess.run([sys.executable, "-m", "tutor", "--seed", "1", "--student", "ana"], input="2x\n:quit\n",
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)})
    assert done.returncode == 0 and done.stderr == ""
    assert "answer> 2x\n✓ Correct.\n" in done.stdout and "answer> :quit\nBye." in done.stdout


def test_every_attempt_is_saved_as_it_is_made(tmp_path):
    """Nothing waits for the end of the session: a crash after an answer loses nothing."""
    db = tmp_path / "p.sqlite3"
    session = Session(packs.load("gradients"), Store(db), "ana", seed=1)
    session.start()
    session.handle("2x")
    assert rows(db, "SELECT answer, verdict FROM attempts") == [("2x", "correct")]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_commands(tmp_path):
    out, _ = run_student(tmp_path, [":help", ":latex", ":again", ":topic gradients", ":topic nope",
                                    ":pack drills", ":pack nowhere.yaml", ":frobnicate", ""])
    assert ":hint      the next hint (up to three)" in out
    assert r"\frac{d}{dx} \left(x^{2} + 16\right)" in out
    assert "Practising gradients: each of its 3 exercises once.\n\nExercise 11 of 44" in out
    assert "No skill 'nope' in this pack; :topic lists them." in out
    assert "Pack: Drills (45 exercises)." in out
    assert "nowhere.yaml: no such pack file (built-in packs: gradients, drills)" in out
    assert "Unknown command ':frobnicate'; :help lists the commands." in out
    # outside check h14, F9: a command misspelt, a chat's /hint, a ? for help, and LaTeX's $ around an answer
    out, _ = run_student(tmp_path / "careless", [":hlep", "/hint", "?", "$2x$"])
    assert "Unknown command ':hlep'; did you mean :help?" in out
    assert "Hint 1 of 3: Differentiate term by term with respect to x." in out
    assert ":hint      the next hint (up to three)" in out
    assert "'$' marks maths in LaTeX: type the answer without it." in out


def test_a_new_variant_each_time_for_parameterised_exercises(tmp_path):
    session = Session(packs.load("drills"), Store(tmp_path / "p.sqlite3"), "ana", seed=7)
    session.start()
    prompts = {session.handle(":again")[-1].text for _ in range(12)}
    assert len(prompts) > 3


def test_missed_exercises_come_back(tmp_path):
    session = Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    missed = session.current.spec.id
    session.handle("12345")
    session.handle(":skip")
    later = []
    for _ in range(4):
        later.append(session.current.spec.id)
        session.handle(_answer(session))
    assert missed in later


def _answer(session: Session) -> str:
    from tutor.show import show

    exercise = session.current.exercise
    return show(exercise.expected(), exercise.problem.variables)


def test_weak_skills_get_more_practice(tmp_path):
    session = Session(packs.load("drills"), Store(tmp_path / "p.sqlite3"), "ana", seed=3)
    session.start()
    first_skill = session.current.spec.tags[0]
    session.handle("0")  # wrong
    session.handle(":skip")
    assert first_skill in session.current.spec.tags or session.store.due(session.student_id, "drills")


def test_live_preview_and_toolbar(tmp_path):
    session = Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    assert session.preview("3x^2") == "read as: 3x²"
    assert session.preview("2x^") == "can't read yet: missing exponent after '^'"
    assert session.status() == " gradients · exercise 1 of 44 · solved 0 · attempts 0 · streak 0"
    session.handle(":topic least-squares")
    while session.current.spec.kind != "least_squares":
        session.handle(":skip")
    assert session.preview("m = 0.5, b = 7/3") == "read as: (0.5, 7/3)"  # decimals as typed
    assert session.preview("y = 0.5x + 7/3") == "read as: y = 0.5x + 7/3"


def test_completion_offers_commands_and_names(tmp_path):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from tutor.repl import AnswerCompleter

    session = Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    completer = AnswerCompleter(session)
    commands = [c.text for c in completer.get_completions(Document(":h"), CompleteEvent())]
    assert commands == [":hint", ":help"]
    names = [c.text for c in completer.get_completions(Document("2 si"), CompleteEvent())]
    assert "sin" in names and "sinh" in names


def test_schema_migrates_from_version_one(tmp_path):
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as connection:
        connection.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        connection.execute("INSERT INTO students (name) VALUES ('ana')")
    store = Store(db)
    assert store.version == len(MIGRATIONS)
    assert store.turn(store.student("ana")) == 0
    store.close()


def test_progress_command(tmp_path, capsys):
    _, db = run_student(tmp_path, ["x", "2x"])
    assert main(["progress", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ana: 1 of 2 answers right in 1 session\n")
    assert main(["progress", "--db", str(db), "--json"]) == 0
    assert '"student": "ana"' in capsys.readouterr().out
    assert main(["progress", "--db", str(tmp_path / "none.sqlite3")]) == 2


def test_progress_json_names_the_answers_right_without_help_so(tmp_path, capsys):
    """Outside check h54, N5: "correct" was every right answer per student and only those right without help per
    skill; each count has its own key."""
    _, db = run_student(tmp_path, ["2x + 16", ":hint", "2x"])
    assert main(["progress", "--db", str(db), "--json"]) == 0
    ana = json.loads(capsys.readouterr().out)[0]
    assert (ana["attempts"], ana["correct"], ana["correct_without_help"]) == (2, 1, 0)
    assert {(s["attempts"], s["correct_without_help"]) for s in ana["skills"]} == {(2, 0)}
    assert all("correct" not in s for s in ana["skills"])


def test_progress_counts_a_run_with_switches_of_pack_as_one_session(tmp_path, capsys):
    """:pack starts a session on the new pack, but the student sat down once (an outside check read "in 3
    sessions" for one run with two switches, which the REPL itself had called "This session")."""
    _, db = run_student(tmp_path, ["x", ":pack drills", "1", ":pack gradients", "1"])
    assert main(["progress", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("ana: 0 of 3 answers right in 1 session\n")
    run_student(tmp_path, ["y"])  # the next run goes back to exercise 4, d/dy of y² + 4
    assert main(["progress", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("ana: 0 of 4 answers right in 2 sessions\n")


@pytest.mark.parametrize("command", [["--db", "p.sqlite3", "--student", "ana"], ["pack", "show", "drills", "d-power"],
                                     ["check", "1", "--exercise", "drills:d-power"],
                                     ["plot", "exercise", "drills", "d-power"]])
@pytest.mark.parametrize("seed", ["9223372036854775808", "-9223372036854775809", "99999999999999999999999"])
def test_a_seed_a_session_cannot_keep_is_a_usage_error(tmp_path, capsys, monkeypatch, command, seed):
    """A session keeps its seed in SQLite (64-bit integers): a larger one is refused before anything
    starts, by every command that takes --seed, so a seed means the same everywhere."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as stop:
        main([*command, f"--seed={seed}"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(
        f"error: argument --seed: {seed} is out of range: a seed is a whole number from "
        "-9223372036854775808 to 9223372036854775807")


@pytest.mark.parametrize("digits", [41, 5000, 8000])
def test_a_seed_too_long_to_read_is_out_of_range_and_not_echoed_whole(capsys, digits):
    """Outside check h62, F7: 5,000 nines were "invalid int value" (Python's int() refuses past 4,300 digits),
    their 8,000 characters echoed."""
    with pytest.raises(SystemExit) as stop:
        main(["check", "x", "--exercise", "drills:d-power", f"--seed={'9' * digits}"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(
        f"error: argument --seed: {'9' * 20}… ({digits} characters) is out of range: a seed is a whole number from "
        "-9223372036854775808 to 9223372036854775807")


def test_the_largest_seed_starts_a_session(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tutor", "--seed", "9223372036854775807", "--student", "ana"],
                          input=":quit\n", capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)})
    assert done.returncode == 0 and done.stderr == ""
    assert "answer> :quit\nBye." in done.stdout


# ------------------------------------------------------------------ a real terminal

TMUX = shutil.which("tmux")


def _tmux(*args: str, **options) -> subprocess.CompletedProcess:
    """tmux on a server of the session's own (named as it): a running server would start
    panes with its own environment, not ours."""
    name = args[args.index("-s") + 1] if "-s" in args else args[args.index("-t") + 1]
    return subprocess.run(["tmux", "-L", name, *args], **options)


def _pane(name: str) -> str:
    return _tmux("capture-pane", "-t", name, "-p", capture_output=True, text=True).stdout


def _wait_for(name: str, text: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        screen = _pane(name)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen:\n{_pane(name)}")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")
def test_real_terminal_first_minute(tmp_path):
    """`tutor practice --seed 1` in tmux: welcome, first exercise, live preview, an answer, :help, Ctrl-D."""
    name = f"tutor-test-{os.getpid()}"
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    command = f"{sys.executable} -m tutor practice --seed 1 --student ana; sleep 60"  # keep the pane to read
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command,
          check=True, env=env, cwd=tmp_path)
    try:
        screen = _wait_for(name, "answer>")
        assert "Welcome to the calculus tutor, ana." in screen
        assert "d/dx of g(x) = x² + 16" in screen
        _tmux("send-keys", "-t", name, "3x^2", check=True)
        _wait_for(name, "read as: 3x²")
        _tmux("send-keys", "-t", name, "C-u", "2x", "Enter", check=True)
        _wait_for(name, "✓ Correct.")
        _tmux("send-keys", "-t", name, ":help", "Enter", check=True)
        _wait_for(name, ":quit      stop")
        # the status line is drawn again after the help, a moment later on a loaded machine: waited for, not caught
        _wait_for(name, "gradients · exercise 4 of 44 · solved 1 · attempts 1 · streak 1")
        _tmux("send-keys", "-t", name, "C-d", check=True)
        _wait_for(name, "Bye. This session: 1 exercise solved, 1 attempt.")
    finally:
        _tmux("kill-session", "-t", name, capture_output=True)
    assert (tmp_path / "progress.sqlite3").exists()
    assert (tmp_path / "histories" / "ana").read_text().count("2x") == 1  # ana's own history


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")
def test_plain_tutor_greets_a_new_user(tmp_path):
    """A new user types `tutor` and nothing else: a welcome, the lesson's first exercise, and :help."""
    name = f"tutor-first-{os.getpid()}"
    env = {**os.environ, "TUTOR_HOME": str(tmp_path / "fresh"), "PYTHONPATH": str(REPO)}
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", f"{sys.executable} -m tutor; sleep 60",
          check=True, env=env, cwd=tmp_path)
    try:
        screen = _wait_for(name, "answer>")
        assert "Welcome to the calculus tutor" in screen
        assert "Exercise 1 of 44 · Fix y = 4, differentiate in x" in screen
        _tmux("send-keys", "-t", name, ":help", "Enter", check=True)
        screen = _wait_for(name, ":steps     the worked solution, step by step")
        _tmux("send-keys", "-t", name, ":quit", "Enter", check=True)
        _wait_for(name, "Bye.")
    finally:
        _tmux("kill-session", "-t", name, capture_output=True)


def test_plot_shows_the_question_until_the_answer_is_known(tmp_path):
    """Before it is solved, :plot draws the question only; after a right answer (:plot last), the
    whole picture; both into the pictures folder, path printed."""
    from tutor.plot import question_only

    pictures = tmp_path / "pictures"
    out, _ = run_student(tmp_path, [":plot", "2x", ":plot last"], pictures=pictures)
    question, whole = pictures / "tangent-line-fix-y-question.png", pictures / "tangent-line-fix-y.png"
    assert (f"Saved the picture (the question only: its answer is drawn once you have solved it) as {question}"
            in out)
    assert f"Saved the picture (with its answer) as {whole}" in out
    assert question.read_bytes()[:8] == whole.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    figure = packs.load("gradients").exercise("tangent-line-fix-y").variant().problem.figure()
    assert {c.role for c in question_only(figure).panels[0].curves} == {"function"}  # no f′
    out, _ = run_student(tmp_path / "drills", [":topic least-squares", ":skip", ":plot last"], pack="drills",
                         pictures=pictures)
    assert "Saved the picture (with its answer) as " + str(pictures / "ls-") in out


def test_question_pictures_give_no_answer_away():
    """Every built-in exercise with a picture: before it is solved, no derivative, tangent, plane, fit,
    residual, arrow, path or classified point, and no title that names a result."""
    for pack in packs.BUILT_IN:
        for spec in packs.load(pack).exercises:
            problem = spec.variant().problem
            try:
                whole, question = problem.figure(), problem.question_figure()
            except SolveError:
                continue
            for panel in question.panels:
                assert {c.role for c in panel.curves} <= {"function", "slice-x", "slice-y"}, spec.id
                assert {m.role for m in panel.markers} <= {"point", "data"}, spec.id
                assert not (panel.planes or panel.arrows or panel.segments), spec.id
                assert all(s.role == "region" for s in panel.sets), spec.id
            # panels that draw the same thing are framed alike: one fitted to its own descent path (one per
            # learning rate) shows what that rate does
            frames: dict[tuple, set] = {}
            for panel in question.panels:
                frames.setdefault((panel.kind, tuple(c.label for c in panel.curves)), set()).add(panel.limits)
            assert all(len(f) == 1 for f in frames.values()), spec.id
            titles = [question.title] + [p.title for p in question.panels]
            answers = [c.label for p in whole.panels for c in p.curves if c.role not in ("function", "slice-x",
                                                                                       "slice-y")]
            assert not any(a and a in t for a in answers for t in titles), spec.id


def test_skipping_walks_through_the_pack(tmp_path):
    """Skipping again and again shows every exercise, not the same two by turns."""
    session = Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    session.start()
    shown = set()
    for _ in range(29):
        shown.add(session.current.spec.id)
        session.handle(":skip")
    assert len(shown) == 29


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")
def test_a_student_who_misses_asks_quits_and_comes_back(tmp_path):
    """A scripted student in a real terminal: a miss, a hint (typed as a plain word), a right answer,
    a miss on the next exercise, Ctrl-D; then `tutor` again: welcome back, the unsolved exercise
    with the same numbers, the solved one not repeated; :again, quit."""
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}

    def start(name: str) -> None:
        _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40",
              f"{sys.executable} -m tutor --seed 1 --student ana; sleep 60", check=True, env=env, cwd=tmp_path)

    def typed(name: str, *keys: str) -> None:
        _tmux("send-keys", "-t", name, *keys, check=True)

    first = f"tutor-student-{os.getpid()}"
    start(first)
    try:
        _wait_for(first, "d/dx of g(x) = x² + 16")
        typed(first, "2x + 16", "Enter")
        _wait_for(first, "✗ It looks like you kept the term 16.")
        typed(first, "hint", "Enter")
        _wait_for(first, "Hint 1 of 3: Differentiate term by term with respect to x.")
        typed(first, "2x", "Enter")
        _wait_for(first, "✓ Correct.")
        _wait_for(first, "d/dy of h(y) = y² + 4")
        # the toolbar may be drawn a moment after the prompt; an answer after a hint adds nothing to the streak
        _wait_for(first, "solved 1 · attempts 2 · streak 0")
        typed(first, "y", "Enter")
        _wait_for(first, "solved 1 · attempts 3 · streak 0")  # the prompt is back
        typed(first, "C-d")
        _wait_for(first, "Bye. This session: 1 exercise solved, 3 attempts.")
    finally:
        _tmux("kill-session", "-t", first, capture_output=True)

    again = f"tutor-back-{os.getpid()}"
    start(again)
    try:
        screen = _wait_for(again, "answer>")
        assert "Welcome back, ana." in screen
        assert "Last time: gradients, exercise 4 (Fix x = 2, differentiate in y), not solved yet." in screen
        assert "Exercise 4 of 44 · Fix x = 2, differentiate in y" in screen
        assert "Exercise 1 of 44" not in screen
        typed(again, ":a", "Enter")  # a unique beginning of :again
        screen = _wait_for(again, "New numbers; the lesson's own were the ones before.")
        assert "d/dy of h(y) = y² + 4\n" not in screen.split("New numbers")[1]
        typed(again, "2y", "Enter")
        _wait_for(again, "solved 1 · attempts 1 · streak 1")
        typed(again, "quit", "Enter")
        _wait_for(again, "Bye. This session: 1 exercise solved, 1 attempt.")
    finally:
        _tmux("kill-session", "-t", again, capture_output=True)
    assert main(["progress", "--db", str(tmp_path / "progress.sqlite3")]) == 0


def piped(db: Path, text: str) -> str:
    out = io.StringIO()
    store = Store(db)
    Piped(Session(packs.load("gradients"), store, "bo", seed=1), io.StringIO(text), out).run()
    store.close()
    return out.getvalue()


def test_hints_seen_before_quitting_count_for_the_answer_after_coming_back(tmp_path):
    """Finding 371: the exercise left unsolved comes back with the hints seen on it; they count, and :hint
    goes on from them, as if the session had not ended."""
    db = tmp_path / "p.sqlite3"
    first = piped(db, "2x\n:hint\n:hint\n")  # exercise 1 solved; two hints on exercise 4, then the input ends
    assert "Hint 2 of 3:" in first
    again = piped(db, ":hint\n:hint\n2y\n")
    assert "Last time: gradients, exercise 4 (Fix x = 2, differentiate in y), not solved yet." in again
    assert "answer> :hint\nHint 3 of 3: d/dy y² = 2y, and the constant adds nothing.\n" \
           "answer> :hint\nNo more hints; :steps shows the worked solution.\nanswer> 2y\n✓ Correct.\n" in again
    assert rows(db, "SELECT exercise, answer, verdict, hints FROM attempts ORDER BY id") == [
        ("tangent-line-fix-y", "2x", "correct", 0), ("tangent-line-fix-x", "2y", "correct", 3)]
    assert rows(db, "SELECT skill, attempts, correct FROM mastery ORDER BY skill") == [
        ("derivatives", 2, 1), ("tangent-planes", 2, 1)]  # the answer after the hints earned none


def test_steps_seen_before_quitting_count_after_coming_back_even_twice(tmp_path):
    db = tmp_path / "p.sqlite3"
    piped(db, "2x\n:steps\n")
    piped(db, ":quit\n")  # a session that answers nothing keeps them too
    again = piped(db, ":hint\n2y\n")
    assert "answer> :hint\nNo more hints; :steps shows the worked solution.\n" in again
    assert rows(db, "SELECT answer, hints FROM attempts ORDER BY id") == [("2x", 0), ("2y", 3)]


@pytest.mark.parametrize("stdin", ["<&-", "< /dev/null"])
def test_a_closed_stdin_ends_the_session_as_an_empty_one_does(tmp_path, stdin):
    """Finding 525: `tutor <&-` (cron, nohup, a CI step) said 'something went wrong (AttributeError ...)'
    and ended with status 70."""
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    ran = subprocess.run(["sh", "-c", f'exec "$0" -m tutor --seed 1 --student ivy {stdin}', sys.executable],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert (ran.returncode, ran.stderr) == (0, "")
    assert ran.stdout.startswith("Welcome to the calculus tutor, ivy.")
    assert ran.stdout.endswith("d/dx of g(x) = x² + 16\nBye. This session: 0 exercises solved, 0 attempts.\n")


def _typed_on_a_pty(tmp_path: Path, keys: list[str], term: str) -> bytes:
    """What a session typed at a real pseudo-terminal of type `term` receives, byte for byte: each key after a
    prompt, then Enter, or Ctrl-C where a key ends with it (typed, then given up)."""
    import fcntl
    import pty
    import select
    import termios
    main_end, other_end = pty.openpty()
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO), "TERM": term}
    # its controlling terminal, in a session of its own, as a shell's: Ctrl-C there is SIGINT to the tutor
    tutor = subprocess.Popen([sys.executable, "-m", "tutor", "--seed", "1", "--student", "gus"], stdin=other_end,
                             stdout=other_end, stderr=other_end, env=env, cwd=tmp_path, close_fds=True,
                             start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(other_end)
    received = b""
    pending = list(keys)
    ctrl_c_after = None  # the text typed to be given up, once the terminal has echoed it
    while True:
        ready, _, _ = select.select([main_end], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main_end, 4096)
        except OSError:  # the session ended: the terminal is closed
            break
        if not chunk:
            break
        received += chunk
        if ctrl_c_after is not None and received.endswith(ctrl_c_after):
            os.write(main_end, b"\x03")  # not with the text: the terminal drops an echo still unread at Ctrl-C
            ctrl_c_after = None
        elif pending and received.endswith(b"answer> "):
            key = pending.pop(0).encode()
            if key.endswith(b"\x03"):
                ctrl_c_after = key[:-1]
            os.write(main_end, key[:-1] if ctrl_c_after else key + b"\r")
    tutor.wait(timeout=30)
    os.close(main_end)
    return received


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs a Unix")
def test_a_dumb_terminal_gets_plain_text(tmp_path):
    """Finding 531: TERM=dumb (Emacs' shell, some IDE consoles) got ESC[?12l, ESC[?7h, ESC[0;1m ... around
    every line."""
    received = _typed_on_a_pty(tmp_path, ["2x", ":quit"], "dumb").decode()
    assert "\x1b" not in received
    assert received.replace("\r\n", "\n").endswith(
        "d/dx of g(x) = x² + 16\nanswer> 2x\n✓ Correct.\n\nExercise 4 of 44 · Fix x = 2, differentiate in y  "
        "[tangent-planes, derivatives]\nd/dy of h(y) = y² + 4\nanswer> :quit\n"
        "Bye. This session: 1 exercise solved, 1 attempt.\n")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs a Unix")
def test_ctrl_c_on_a_dumb_terminal_leaves_the_next_prompt_on_a_line_of_its_own(tmp_path):
    """Finding 771: with TERM=dumb the prompt after Ctrl-C followed the text given up, on its line: `answer>
    2x+^Canswer> 2x` read as one answer never given."""
    received = _typed_on_a_pty(tmp_path, ["2x+\x03", "2x", ":quit"], "dumb").decode()
    assert received.replace("\r\n", "\n").endswith(
        "d/dx of g(x) = x² + 16\nanswer> 2x+^C\nanswer> 2x\n✓ Correct.\n\nExercise 4 of 44 · Fix x = 2, differentiate "
        "in y  [tangent-planes, derivatives]\nd/dy of h(y) = y² + 4\nanswer> :quit\n"
        "Bye. This session: 1 exercise solved, 1 attempt.\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _CtrlCAfterTheFirstPrompt(_Terminal):
    """A terminal where Ctrl-C comes just as the first prompt is shown, before the read has begun: on a busy
    machine the typist can be quicker than the tutor."""

    def __init__(self) -> None:
        super().__init__()
        self.interrupted = False

    def flush(self) -> None:
        super().flush()
        if self.getvalue().endswith("answer> ") and not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt


def test_ctrl_c_before_the_read_begins_still_leaves_the_next_prompt_on_a_line_of_its_own(tmp_path):
    """The pseudo-terminal test above failed once in CI under load: Ctrl-C landed between the prompt printed
    and the read begun, and the next prompt followed the first on its line."""
    out = _CtrlCAfterTheFirstPrompt()
    Piped(Session(packs.load("gradients"), Store(tmp_path / "p.sqlite3"), "gus", seed=1), _Terminal("2x\n"),
          out).run()
    assert "d/dx of g(x) = x² + 16\nanswer> \nanswer> ✓ Correct.\n" in out.getvalue()


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")
def test_a_session_typed_with_its_output_in_a_file_writes_plain_lines(tmp_path):
    """Finding 532: `tutor > session.txt` typed at a terminal drew the full-screen prompt and its toolbar
    into the file (carriage returns, runs of spaces, every prompt twice) and left the screen blank."""
    name = f"tutor-file-{os.getpid()}"
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    command = f"{sys.executable} -m tutor --seed 1 --student jo > session.txt; sleep 60"
    _tmux("new-session", "-d", "-s", name, "-x", "150", "-y", "15", command, check=True, env=env, cwd=tmp_path)
    try:
        _wait_for(name, "Ctrl-D ends it")
        _tmux("send-keys", "-t", name, "2x", "Enter", check=True)
        _tmux("send-keys", "-t", name, ":quit", "Enter", check=True)
        deadline = time.monotonic() + 30
        while "Bye." not in (tmp_path / "session.txt").read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        screen = _pane(name)
    finally:
        _tmux("kill-session", "-t", name, capture_output=True)
    assert screen.startswith("tutor: the output is not a terminal, so the session is written as plain lines: "
                             "type each answer and Enter; Ctrl-D ends it\n2x\n:quit\n")
    assert (tmp_path / "session.txt").read_text().endswith(
        "d/dx of g(x) = x² + 16\nanswer> 2x\n✓ Correct.\n\nExercise 4 of 44 · Fix x = 2, differentiate in y  "
        "[tangent-planes, derivatives]\nd/dy of h(y) = y² + 4\nanswer> :quit\n"
        "Bye. This session: 1 exercise solved, 1 attempt.\n")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")
def test_the_tutors_own_lines_wrap_at_spaces_and_a_table_stays_as_laid_out():
    """Outside check h35, F6: the terminal cut the tutor's words in two ("f(x, 4⏎)", "iterati⏎on")."""
    class Narrow(PlainTextOutput):
        def get_size(self) -> Size:
            return Size(rows=12, columns=41)

    stream = io.StringIO()
    emit_lines([Line("✗ It looks like you left y in your answer. Fixing y = 4 means putting the value in its "
                     "place: f(x, 4) has only x left.", "incorrect"),
                Line("  3. Iteration 1: f′(0.05) = -18.9487, so the new point is 0.144744.\n"
                     "     3.1. Constant: 16 does not change with x, so d/dx[16] = 0."),
                Line(" k  x         f′          f  (a table wider than the window)"),
                Line("partial-derivatives    ··········   0/1  "),
                Line("∂/∂x of T(x, y) = 85 - x²(x - 6)y²(y - 6)/90")], Narrow(stream))
    assert stream.getvalue().splitlines() == [  # 40 characters at most, the last column left free
        "✗ It looks like you left y in your", "  answer. Fixing y = 4 means putting the",
        "  value in its place: f(x, 4) has only x", "  left.", "  3. Iteration 1: f′(0.05) = -18.9487,",
        "     so the new point is 0.144744.", "     3.1. Constant: 16 does not change",
        "          with x, so d/dx[16] = 0.", " k  x         f′          f  (a table wider than the window)",
        # a :progress row padded to 42, 39 without its spaces: it fits, with no blank line after it (h45, F3)
        "partial-derivatives    ··········   0/1",
        # a short bracket kept whole: "(y -" ending a line read as if "6)/90" were another term (h45, F4)
        "∂/∂x of T(x, y) = 85 -", "x²(x - 6)y²(y - 6)/90"]


def test_the_toolbar_wraps_on_a_narrow_terminal(tmp_path):
    """Finding 530: at 40 columns the toolbar was cut at the edge: 'read as' lost the end of the answer
    ('+ 38'), the reason it can't be read stopped mid-sentence, and the status line at 'exercise 21'."""
    name = f"tutor-narrow-{os.getpid()}"
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    command = f"{sys.executable} -m tutor --seed 1 --student bo; sleep 60"
    _tmux("new-session", "-d", "-s", name, "-x", "40", "-y", "12", command, check=True, env=env, cwd=tmp_path)
    try:
        _wait_for(name, "answer>")
        _tmux("send-keys", "-t", name, "3x^2 + 2x^3 + 7x^4 + 11x^5 + 38x^6", check=True)
        screen = _wait_for(name, "+ 3x²\n")  # the whole answer read: typed key by key, drawn as it goes
        assert screen.rstrip().endswith(" read as: 38x⁶ + 11x⁵ + 7x⁴ + 2x³ + 3x²\n gradients · exercise 1 of 44\n"
                                        " solved 0 · attempts 0 · streak 0")
        _tmux("send-keys", "-t", name, "C-u", "x + 2y", check=True)
        screen = _wait_for(name, "variable is x)")
        assert screen.rstrip().endswith(" can't read yet: unknown name 'y' (the\n   variable is x)\n"
                                        " gradients · exercise 1 of 44\n solved 0 · attempts 0 · streak 0")
    finally:
        _tmux("kill-session", "-t", name, capture_output=True)


@pytest.mark.skipif(TMUX is None or not hasattr(signal, "SIGTSTP"), reason="tmux and job control are needed")
def test_ctrl_z_suspends_the_session_and_fg_brings_it_back(tmp_path):
    """Finding 529: Ctrl-Z typed an invisible ^Z into the answer ('the character '\\x1a' can't be used
    here') instead of stopping the tutor as a shell's job control does."""
    name = f"tutor-suspend-{os.getpid()}"
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO), "PS1": "$ "}
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "30", "bash --norc --noprofile",
          check=True, env=env, cwd=tmp_path)
    try:
        _tmux("send-keys", "-t", name, f"{sys.executable} -m tutor --seed 1 --student kim", "Enter", check=True)
        _wait_for(name, "answer>")
        _tmux("send-keys", "-t", name, "C-z", check=True)
        _wait_for(name, "Stopped")
        _tmux("send-keys", "-t", name, "fg", "Enter", check=True)
        time.sleep(1)  # back in the foreground, the prompt drawn again
        _tmux("send-keys", "-t", name, "2x", "Enter", check=True)
        screen = _wait_for(name, "✓ Correct.")
        assert "␚" not in screen and "\\x1a" not in screen
        _tmux("send-keys", "-t", name, "C-d", check=True)
        _wait_for(name, "Bye. This session: 1 exercise solved, 1 attempt.")
    finally:
        _tmux("kill-session", "-t", name, capture_output=True)


def test_a_byte_that_is_not_utf8_in_piped_answers_is_named_as_a_byte(tmp_path):
    """Finding 533: an answers file saved in Latin-1 (x² as the byte B2) had the raw byte copied into the
    output and was told of as "The character '\\udcb2' can't be used here."."""
    env = {**os.environ, "TUTOR_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    ran = subprocess.run([sys.executable, "-m", "tutor", "--seed", "1", "--student", "ed"], input=b"x\xb2\n2x\n",
                         capture_output=True, env=env, cwd=tmp_path, timeout=120)
    out = ran.stdout.decode("utf-8")  # all of it text: the byte is not copied
    assert (ran.returncode, ran.stderr) == (0, b"")
    assert "d/dx of g(x) = x² + 16\nanswer> x�\nx�\n ^\nThe byte 0xB2 is not UTF-8 text: save the answers as UTF-8 " \
           "and try again.\nanswer> 2x\n✓ Correct." in out
    assert out.endswith("Bye. This session: 1 exercise solved, 1 attempt.\n")


def test_hint_promises_no_worked_solution_an_exercise_has_not(tmp_path):
    # outside check: "No more hints; :steps shows the worked solution." then "There is no worked solution ..."
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\nexercises:\n  - {id: e, kind: expression, prompt: 'What is 1 + 1?', expected: '2'}\n",
                    encoding="utf-8")
    out = io.StringIO()
    store = Store(tmp_path / "p.sqlite3")
    Piped(Session(packs.load(pack), store, "bo", seed=1), io.StringIO(":hint\n:steps\n"), out).run()
    store.close()
    assert "answer> :hint\nThis exercise has no hints and no worked solution.\n" \
           "answer> :steps\nThere is no worked solution for this exercise.\n" in out.getvalue()


@pytest.mark.parametrize(("env", "plain"), [
    ({"TERM": "xterm-256color"}, False), ({"TERM": "xterm-256color", "NO_COLOR": "1"}, True),
    ({"TERM": "xterm-mono"}, True), ({"TERM": "vt100"}, True), ({}, True),
])
def test_a_terminal_without_colour_gets_no_grey_suggestion(monkeypatch, env, plain):
    """Outside check h23: with NO_COLOR the history's suggestion looked typed (`x^` showed as x^2+16, "missing
    exponent"); a one-colour terminal was sent 256 colours."""
    from tutor import repl
    for name in ("TERM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert repl._monochrome() is plain
