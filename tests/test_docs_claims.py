"""Claims of the docs that no other test showed."""

from __future__ import annotations

import ast
import asyncio
import csv
import inspect
import io
import os
import re
import signal
import sqlite3
import sys
import threading
import time
from fractions import Fraction
from pathlib import Path

import pytest
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import FileHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from tutor import packs, practice, repl, store, variant_check, workers
from tutor.cli import practice as cli_practice
from tutor.cli.practice import history
from tutor.compare import _MOST_ARGUMENT_DEGREE, _MOST_PER_ARGUMENT
from tutor.equality import _SCALES, GENERIC_WANTED, MARGIN, MAX_PRECISION, POINTS_WANTED
from tutor.feedback import respond
from tutor.limits import LIMITS
from tutor.plot import contour_figure, fit_figure, surface_figure
from tutor.practice import Session
from tutor.repl import Ending, MathLexer, Shell
from tutor.topics import CATALOGUE

REPO = Path(__file__).resolve().parents[1]
TUTOR = REPO / "tutor"


def test_nothing_in_tutor_runs_text():
    """docs/explanation/security.md: nothing in `tutor/` calls `eval`, `exec`, `sympify` or `parse_expr`."""
    forbidden = {"eval", "exec", "sympify", "parse_expr"}
    for source in sorted(TUTOR.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "name", None)
            assert name not in forbidden, f"{source.relative_to(REPO)}: {name}"


def test_no_test_asserts_cpu_time():
    """docs/contributing/benchmarks.md: the unit tests never assert timings. CPU time is the one a test could be
    tempted by; a test measured it across a 1 ms reading once and failed CI at 1.2 s: the process's other threads
    and its garbage collector count too."""
    for source in sorted((REPO / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assert):
                named = {getattr(n, "attr", None) for n in ast.walk(node.test)}
                assert not named & {"process_time", "thread_time", "perf_counter"}, \
                    f"{source.relative_to(REPO)}:{node.lineno}"


def test_a_test_that_hangs_fails_after_300_seconds(pytestconfig):
    """docs/contributing/developing.md: a test past 300 s fails, by a timer's signal (SIGALRM: the CPU guard's is
    SIGPROF), with the stack of every thread."""
    assert pytestconfig.getini("timeout") == "300" and pytestconfig.getini("timeout_method") == "signal"


def test_the_built_in_packs_sizes_in_the_prose_are_their_sizes():
    """README.md and docs/: "`gradients`, every worked example ... (44 exercises" says how many exercises
    the built-in pack has, wherever the prose (not an example's output, tested as run) names one."""
    sizes = {name: len(packs.load(name, verify=False).exercises) for name in packs.BUILT_IN}
    said = []
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        prose = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
        for name, count in re.findall(r"`(" + "|".join(sizes) + r")`[^`()]*\((\d+) exercises", prose):
            said.append(name)
            assert int(count) == sizes[name], f"{page.relative_to(REPO)}: {name} has {sizes[name]} exercises, not {count}"
    assert set(said) == set(sizes)  # the pages do name them


def test_the_catalogue_page_shows_real_feedback():
    """docs/explanation/misconceptions.md: each catalogue row's example (an exercise's prompt and a
    wrong answer) gets exactly the feedback shown, and every misconception has its row."""
    page = (REPO / "docs" / "explanation" / "misconceptions.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| [^|]+ \| (.+?): `([^`]+)` \| (.+) \|$", page, re.M)
    assert {row[0] for row in rows} == set(CATALOGUE)
    for line in page.splitlines():  # four cells each, as the page renders them: a bar inside a cell is escaped
        if line.startswith("| `"):
            assert len(re.split(r"(?<!\\)\|", line)) == 6, f"an unescaped bar: {line[:70]}"
    built_in = {**{name: packs.load(name) for name in packs.BUILT_IN},
                "more": packs.load(REPO / "tests" / "data" / "diagnose_more.yaml")}
    with (REPO / "tests" / "data" / "diagnose_wrong.csv").open(encoding="utf-8", newline="") as file:
        corpus = list(csv.DictReader(file))
    for misconception, prompt, answer, feedback in rows:
        exercises = [built_in[r["pack"]].exercise(r["exercise"]).variant(r["student"] or None)
                     for r in corpus if r["answer"] == answer and misconception in r["misconception"].split("|")]
        prompt, feedback = (cell.replace("\\|", "|") for cell in (prompt, feedback))  # a bar in a cell is escaped: |∇f|
        shown = [respond(e, answer).message for e in exercises if e.prompt().startswith(prompt)]
        assert feedback in shown, f"{misconception}: {prompt}: {answer!r} gets {shown}"


# ---------------------------------------------------------------- practice and progress


def test_progress_lives_in_the_platforms_data_folder(monkeypatch, tmp_path):
    """docs/reference/progress.md: $TUTOR_HOME, else $XDG_DATA_HOME (absolute) or ~/.local/share/calculus-tutor/ on Linux,
    ~/Library/Application Support/ on macOS, %APPDATA% on Windows."""
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path / "mine"))
    assert store.default_home() == tmp_path / "mine"
    monkeypatch.delenv("TUTOR_HOME")
    for platform, folder in [("linux", tmp_path / ".local" / "share"),
                             ("darwin", tmp_path / "Library" / "Application Support"),
                             ("win32", tmp_path / "Roaming")]:
        monkeypatch.setattr(sys, "platform", platform)
        assert store.default_home() == folder / "calculus-tutor"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert store.default_home() == tmp_path / "data" / "calculus-tutor"
    for ignored in ("", "relative/data"):  # the XDG spec: an empty or relative path is not one
        monkeypatch.setenv("XDG_DATA_HOME", ignored)
        assert store.default_home() == tmp_path / ".local" / "share" / "calculus-tutor"


def test_a_missed_exercise_comes_back_twice_as_late_after_each_success(tmp_path):
    """docs/reference/practice.md: due again after 2 more answers, then twice as long after each success."""
    progress = store.Store(tmp_path / "p.sqlite3")
    ana = progress.student("ana")
    session = progress.start_session(ana, "gradients", 1)

    def answer(verdict: str) -> int | None:
        progress.record(session, ana, "gradients", "e", "", "x", verdict, "", 0, ["skill"])
        row = progress.db.execute("SELECT interval FROM reviews WHERE exercise = 'e'").fetchone()
        return row[0] if row else None

    assert [answer("incorrect"), answer("correct"), answer("correct")] == [2, 4, 8]
    progress.close()


def test_answers_are_highlighted_as_maths():
    """docs/reference/practice.md: answers are highlighted as maths."""
    line = MathLexer(["sin"]).lex_document(Document("2sin(x)^3"))(0)
    assert line == [("class:math.number", "2"), ("class:math.function", "sin"), ("class:math.bracket", "("),
                    ("class:math.name", "x"), ("class:math.bracket", ")"), ("class:math.operator", "^"),
                    ("class:math.number", "3")]


def test_history_persists_with_suggestions_from_it(tmp_path):
    """docs/reference/practice.md: history persists between sessions (with suggestions from it)."""
    FileHistory(str(tmp_path / "history")).store_string("6xy^3")  # an answer of an earlier session
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    shell = Shell(session, history=tmp_path / "history")

    async def load() -> None:
        async for _ in shell.prompt.history.load():
            pass

    asyncio.run(load())
    typing = Buffer(history=shell.prompt.history, document=Document("6x"))
    assert shell.prompt.auto_suggest.get_suggestion(typing, typing.document).text == "y^3"
    session.store.close()


def test_ctrl_c_clears_the_line(tmp_path):
    """docs/reference/practice.md: Ctrl-C clears the line (and the session goes on)."""
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    with create_pipe_input() as keyboard:
        shell = Shell(session, emit=lambda lines: None, input=keyboard, output=DummyOutput())
        keyboard.send_text("12345\x03")  # typed, then cleared: never answered
        keyboard.send_text("2x\r\x04")
        shell.run()
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        assert connection.execute("SELECT answer, verdict FROM attempts").fetchall() == [("2x", "correct")]


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_closing_the_window_while_the_toolbar_is_drawn_ends_the_session(tmp_path, number):
    """docs/reference/progress.md: closing the terminal window ends the session, saving. A signal that came while
    the toolbar was drawn (as a key is typed) was raised inside the prompt's event loop, which caught it and waited
    for an Enter no one could type: the tutor lived on, holding the database, and SIGTERM no longer ended it."""
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    with create_pipe_input() as keyboard, Ending() as ending:
        shell = Shell(session, emit=lambda lines: None, ending=ending, input=keyboard, output=DummyOutput())
        toolbar, typed = shell.toolbar, []

        def closed_while_drawn() -> FormattedText:
            text = shell.prompt.app.current_buffer.text
            if not (text or typed) and "attempts 1" in session.status():  # the second prompt, drawn
                typed.append("2x+")
                keyboard.send_text("2x+")  # typed now, so drawn by the prompt's event loop, as a key is typed
            if text == "2x+":
                os.kill(os.getpid(), number)  # the handler runs here, inside the drawing
            return toolbar()

        shell.prompt.bottom_toolbar = closed_while_drawn
        keyboard.send_text("2x\r")
        rescued: list[bool] = []

        def rescue_typed() -> None:  # without the fix: Enter for prompt_toolkit's "Press ENTER", then Ctrl-D
            rescued.append(True)
            keyboard.send_text("\r\r\x04")

        rescue = threading.Timer(10, rescue_typed)
        rescue.start()
        try:
            shell.run()
        finally:
            rescue.cancel()
    assert not rescued  # ended by the signal, at once
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        assert connection.execute("SELECT answer, verdict FROM attempts").fetchall() == [("2x", "correct")]


def test_ctrl_c_typed_while_the_toolbar_waits_for_a_stopped_worker_clears_the_line(tmp_path):
    """docs/reference/practice.md: Ctrl-C clears the line, even while the toolbar waits for a worker that has
    stopped (finding 773: SIGSTOP, or stalled: no key was read, Ctrl-C included, until it ran again); the worker
    is replaced, the line given up is not counted, and the session goes on."""
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    pool = workers.shared()
    assert pool.call(os.getpid) == pool.workers[0].process.pid  # serving
    stopped = pool.workers[0].process
    rescue = threading.Timer(60, os.kill, (stopped.pid, signal.SIGCONT))  # without the fix: a failure, not a hang
    preview = session.preview
    with create_pipe_input() as keyboard:
        def stopped_while_read(text: str) -> str:
            if text and not rescue.is_alive():  # the first answer read: the worker stops, and Ctrl-C is typed
                rescue.start()
                os.kill(stopped.pid, signal.SIGSTOP)
                keyboard.send_text("\x03" "2x\r" "\x04")  # then the right answer, then Ctrl-D
            return preview(text)

        session.preview = stopped_while_read  # type: ignore[method-assign]
        printed: list[str] = []
        shell = Shell(session, emit=lambda lines: printed.extend(line.text for line in lines), input=keyboard,
                      output=DummyOutput())
        keyboard.send_text("2x+")
        try:
            shell.run()
        finally:
            rescue.cancel()
    stopped.join(timeout=30)
    assert stopped.exitcode == -signal.SIGKILL  # replaced, as after kill -9
    after = printed[printed.index("d/dx of g(x) = x² + 16") + 1:]  # 2x+ given up: neither answered nor stopped
    assert (after[0], after[-1]) == ("✓ Correct.", "Bye. This session: 1 exercise solved, 1 attempt.")
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        assert connection.execute("SELECT answer, verdict FROM attempts").fetchall() == [("2x", "correct")]


def _suggested(shell: Shell, typed: str) -> str | None:
    async def load() -> None:
        async for _ in shell.prompt.history.load():
            pass

    asyncio.run(load())
    typing = Buffer(history=shell.prompt.history, document=Document(typed))
    suggestion = shell.prompt.auto_suggest.get_suggestion(typing, typing.document)
    return suggestion.text if suggestion else None


def test_each_student_has_their_own_history_and_pictures(tmp_path, monkeypatch):
    """docs/reference/practice.md: history is each student's own (histories/NAME), and so are the pictures
    (pictures/NAME): students sharing an account never see each other's answers."""
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    names = ["ann", "bob", "../ann", "a/b", ".", "Zoë"]
    own = [history(tmp_path, name) for name in names]
    assert len(set(own)) == len(names) and all(path.parent == tmp_path / "histories" for path in own)
    assert [path.name for path in own[:2]] == ["ann", "bob"]
    progress = store.Store(tmp_path / "p.sqlite3")
    pictures = {Session(packs.load("gradients"), progress, name, seed=1).picture_folder for name in names}
    assert len(pictures) == len(names) and all(folder.parent == tmp_path / "pictures" for folder in pictures)
    ann = Session(packs.load("gradients"), progress, "ann", seed=1)
    ann.start()
    assert ann.handle("2x")[0].text == "✓ Correct."
    saved = [line.text for line in ann.handle(":plot last")][0]
    assert saved.endswith(str(tmp_path / "pictures" / "ann" / "tangent-line-fix-y.png"))
    progress.close()


def test_no_suggestion_is_an_answer_anyone_gave_to_the_exercise_on_the_screen(tmp_path):
    """docs/reference/practice.md: suggestions never an answer you or anyone of the progress file has already
    given to the exercise on the screen (a history from before each student had their own holds others')."""
    progress = store.Store(tmp_path / "p.sqlite3")
    ann = Session(packs.load("gradients"), progress, "ann", seed=1)
    ann.start()
    assert [line.text for line in ann.handle("2x+1")][0].startswith("✗")  # a wrong answer, then the right one
    assert ann.handle("2x")[0].text == "✓ Correct."
    for answer in ("2x+1", "2x", "6xy^3"):  # the history all students shared
        FileHistory(str(tmp_path / "history")).store_string(answer)
    bob = Session(packs.load("gradients"), progress, "bob", seed=1)
    bob.start()  # exercise 1, d/dx of g(x) = x² + 16, as ann's
    shell = Shell(bob, history=tmp_path / "history")
    assert _suggested(shell, "2") is None  # neither ann's mistake nor her right answer
    assert _suggested(shell, "6x") == "y^3"  # an answer to another exercise is still offered
    progress.close()


def test_no_suggestion_is_a_line_just_refused_as_unreadable(tmp_path):
    """docs/reference/practice.md, as above: outside check h45, F2 typed 2x^ (refused: "Missing exponent after
    '^'."), then 2, and was offered x^, the refused line again."""
    progress = store.Store(tmp_path / "p.sqlite3")
    session = Session(packs.load("gradients"), progress, "hal", seed=1)
    session.start()
    assert session.handle("2x^")[0].text.endswith("Missing exponent after '^'.")
    FileHistory(str(tmp_path / "history")).store_string("2x^")  # as the prompt keeps every line entered
    assert _suggested(Shell(session, history=tmp_path / "history"), "2") is None
    progress.close()


def test_the_shared_history_becomes_the_account_students_own(tmp_path, monkeypatch):
    """docs/reference/practice.md: the history every student of the account shared before becomes the account's
    own student's, once; other students start with an empty one."""
    monkeypatch.setattr(cli_practice, "_user", lambda: "me")
    FileHistory(str(tmp_path / "history")).store_string("6xy^3")
    assert history(tmp_path, "bob") == tmp_path / "histories" / "bob" and not (tmp_path / "histories" / "bob").exists()
    mine = history(tmp_path, "me")
    assert mine == tmp_path / "histories" / "me" and "6xy^3" in mine.read_text()
    assert not (tmp_path / "history").exists()
    assert history(tmp_path, "me") == mine


def _ctrl_c(_number, _frame):
    raise KeyboardInterrupt



def _typed(*texts: str):
    """A student typing these lines at the prompt, then Ctrl-D."""
    typed = iter(texts)

    def read(_prompt: str) -> str:
        text = next(typed, None)
        if text is None:
            raise EOFError
        return text

    return read


def test_ctrl_c_while_an_answer_is_checked_stops_the_check_and_the_session_goes_on(tmp_path, monkeypatch):
    """docs/reference/practice.md: Ctrl-C while an answer is worked on stops that work and gives the prompt back,
    the exercise on the screen still there; the next answer is checked as usual and the session ends with its
    summary."""
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    real = practice.respond

    def slow_once(exercise, text):
        if text == "x^3":  # a check that takes long: Ctrl-C comes while the worker is at it
            signal.signal(signal.SIGALRM, _ctrl_c)
            signal.setitimer(signal.ITIMER_REAL, 0.5)
            workers.isolated(time.sleep, 30)
        return real(exercise, text)

    monkeypatch.setattr(practice, "respond", slow_once)
    read, printed = _typed("x^3", "2x"), []

    began = time.monotonic()
    repl.converse(session, read, lambda lines: printed.extend(line.text for line in lines))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert time.monotonic() - began < 20
    after = printed[printed.index("d/dx of g(x) = x² + 16") + 1:]
    assert after[:2] == ["Stopped. Type the answer or the command again, or another; Ctrl-D quits.", "✓ Correct."]
    assert after[-1] == "Bye. This session: 1 exercise solved, 1 attempt."
    session.store.close()
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        assert connection.execute("SELECT answer, verdict FROM attempts").fetchall() == [("2x", "correct")]


def test_ctrl_c_while_an_answer_is_saved_shows_its_verdict_and_never_asks_for_it_again(tmp_path):
    """docs/reference/practice.md: Ctrl-C once an answer is counted (while it is saved: a locked database is
    waited for) does not ask for it again: its verdict is shown, and the session says it was counted."""
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    record = session.store.record

    def ctrl_c_while_saving(*args):
        if args[5] == "x^3":
            signal.raise_signal(signal.SIGINT)  # Ctrl-C typed while the write waits
        record(*args)

    session.store.record = ctrl_c_while_saving  # type: ignore[method-assign]
    read, printed = _typed("x^3", "2x"), []

    repl.converse(session, read, lambda lines: printed.extend(line.text for line in lines))
    after = printed[printed.index("d/dx of g(x) = x² + 16") + 1:]
    assert after[:4] == ["✗ At x = 1 your answer is 1, but the correct value is 2.", "  (your answer, as read: x³)",
                         "Stopped. Your answer was counted; type another, or a command; Ctrl-D quits.", "✓ Correct."]
    assert after[-1] == "Bye. This session: 1 exercise solved, 2 attempts."
    session.store.close()
    with sqlite3.connect(tmp_path / "p.sqlite3") as connection:
        assert connection.execute("SELECT answer, verdict FROM attempts").fetchall() == [("x^3", "incorrect"),
                                                                                         ("2x", "correct")]


# ---------------------------------------------------------------- limits and pictures


def test_the_documented_limits_are_the_limits():
    """docs/explanation/security.md states the limits of tutor/limits.py."""
    page = (REPO / "docs" / "explanation" / "security.md").read_text(encoding="utf-8")
    page = re.sub(r"\s+", " ", page)
    for figure in [f"{LIMITS.max_length} characters", f"nesting depth {LIMITS.max_depth}",
                   f"exponents up to {LIMITS.max_exponent:,} in magnitude", f"{LIMITS.max_digits} digits",
                   f"{LIMITS.max_root_digits} digits for a number under a root",
                   f"{LIMITS.work:,} work units and {LIMITS.budget_seconds:g} seconds of CPU time for a whole check",
                   f"at most {LIMITS.symbolic_work:,} for one confirmation",
                   f"CPU time is only the outer guard**, {LIMITS.budget_seconds:g} seconds a check",
                   f"more than {LIMITS.max_yaml_values:,} values", f"nested more than {LIMITS.max_yaml_depth} levels",
                   f"at most {LIMITS.max_pack_bytes >> 20} MiB, at most {LIMITS.max_exercises} exercises",
                   f"an address space (`RLIMIT_AS`) of {LIMITS.memory_bytes >> 30} GiB",
                   f"at most {LIMITS.max_submission_bytes // 1024} KiB",
                   f"longer than {LIMITS.max_submission_bytes:,} bytes",
                   f"an answer over {LIMITS.max_length:,} characters"]:
        assert figure in page, figure
    equivalence = re.sub(r"\s+", " ", (REPO / "docs" / "explanation" / "equivalence.md").read_text(encoding="utf-8"))
    for figure in [f"then `simplify`, all within {LIMITS.symbolic_work:,} of sympy's function calls",
                   f"more than {MAX_PRECISION:,} bits",
                   f"at least {POINTS_WANTED} points, {GENERIC_WANTED} of them", f"2⁻{_superscript(MARGIN)} times",
                   "10⁻⁶ to 10⁹"]:
        assert figure in equivalence
    assert (min(_SCALES), max(_SCALES)) == (Fraction(1, 10**6), 10**9)
    assert (_MOST_PER_ARGUMENT, _MOST_ARGUMENT_DEGREE) == (4, 2)
    assert "four at most, are tried" in equivalence and "a polynomial of degree 2 at most, or one inside" in equivalence
    grade = (REPO / "docs" / "reference" / "grade.md").read_text(encoding="utf-8")
    assert "before it is marked `timeout`: an outer guard, far above what any answer within the " in grade
    assert f"| {LIMITS.budget_seconds:g} |" in grade


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def test_picture_grids_and_labels():
    """docs/reference/plot.md: grids are 60 × 60 for maps and 40 × 40 for surfaces; residuals are
    labelled with their values for up to 10 points."""
    field = contour_figure("x^2 + y^2").panels[0].field
    assert (len(field.xs), len(field.ys)) == (60, 60)
    field = surface_figure("x^2 + y^2").panels[0].field
    assert (len(field.xs), len(field.ys)) == (40, 40)
    ten, eleven = ([(i, i * i % 7) for i in range(n)] for n in (10, 11))
    assert all(s.label for s in fit_figure(ten).panels[0].segments)
    assert not any(s.label for s in fit_figure(eleven).panels[0].segments)


def test_validate_grades_twenty_variants():
    """docs/reference/pack.md: `tutor pack validate` grades 20 variants of each parameterised exercise."""
    assert packs.SELF_CHECK_VARIANTS == 20
    assert inspect.signature(packs.self_check).parameters["variants"].default == packs.SELF_CHECK_VARIANTS


def test_validate_builds_every_combination_of_few_parameters():
    """docs/reference/pack.md: every combination is built where an exercise has at most 5,000 of them
    and the pack at most 20,000 (tests/test_pack_templates.py shows both at work)."""
    assert (variant_check.EVERY_DRAW, variant_check.PACK_DRAWS) == (5_000, 20_000)


def test_typing_or_pasting_stops_one_past_the_longest_answer(tmp_path):
    # 100 KB typed in key by key took minutes and gigabytes, each key re-reading the whole line
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    handled = []
    original = session.handling  # what the shell hands on, each line typed
    session.handling = lambda text: handled.append(text) or original(text)  # type: ignore[method-assign]
    with create_pipe_input() as keyboard:
        shell = Shell(session, emit=lambda lines: None, input=keyboard, output=DummyOutput())
        keyboard.send_text("x+" * 3000 + "\r")  # typed: stops at the cap
        keyboard.send_text("\x1b[200~" + "y+" * 3000 + "\x1b[201~\r")  # pasted
        keyboard.send_text("2x\r\x04")
        shell.run()
    assert handled[:3] == [("x+" * 3000)[:LIMITS.max_length + 1], ("y+" * 3000)[:LIMITS.max_length + 1], "2x"]


# the right answer, then " + 0" again and again, then a wrong term: cut one past the limit, the last
# character kept is a space, and the 1,000 before it read as the right answer (finding 370)
WRONG_AND_LONG = "2x+0" + " + 0" * 2499 + " + y"


def test_a_paste_cut_at_a_space_is_too_long_not_graded_as_its_beginning(tmp_path):
    db = tmp_path / "p.sqlite3"
    session = Session(packs.load("gradients"), store.Store(db), "ana", seed=1)  # exercise 1: d/dx of x² + 16
    printed: list[str] = []
    toolbars: list[str] = []
    with create_pipe_input() as keyboard:
        shell = Shell(session, emit=lambda lines: printed.extend(line.text for line in lines), input=keyboard,
                      output=DummyOutput())
        original = session.handling  # what the shell hands on, each line typed
        session.handling = (  # type: ignore[method-assign]
            lambda text: toolbars.append(session.preview(text)) or original(text))
        keyboard.send_text("\x1b[200~" + WRONG_AND_LONG + "\x1b[201~\r")  # pasted
        keyboard.send_text("x+" * 500 + " " * 10 + "\r")  # typed: the 1,001st key is a space
        keyboard.send_text("\x04")
        shell.run()
    too_long = "can't read yet: the answer is too long (the limit is 1000 characters)"
    assert toolbars == [too_long, too_long, ""]  # the last: Ctrl-D's :quit
    out = "\n".join(printed)
    assert out.count("\nThe answer is too long (the limit is 1000 characters).") == 2
    assert "Correct" not in out and out.endswith("Bye. This session: 0 exercises solved, 0 attempts.")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM attempts").fetchone() == (0,)


def test_a_piped_line_over_the_limit_is_too_long_whatever_its_spaces(tmp_path):
    out = io.StringIO()
    session = Session(packs.load("gradients"), store.Store(tmp_path / "p.sqlite3"), "ana", seed=1)
    repl.Piped(session, io.StringIO(WRONG_AND_LONG[:1001] + "\n" + "2x" + " " * 999 + "\n2x\n"), out).run()
    printed = out.getvalue()
    assert printed.count("\nThe answer is too long (the limit is 1000 characters).\n") == 2
    assert "answer> 2x\n✓ Correct.\n" in printed  # the last line, within the limit, is graded
    assert printed.endswith("Bye. This session: 1 exercise solved, 1 attempt.\n")
