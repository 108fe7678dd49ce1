"""The progress store: a database it must not touch is refused with a sentence, one it can't write
is read only, and an answer that can't be saved now is kept and saved later, never lost."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import kept as kept_writes
from tutor import packs, repl, store
from tutor.cli import main
from tutor.practice import Session
from tutor.show import show
from tutor.store import MIGRATIONS, Store, StoreError


def attempts(db) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT answer, verdict FROM attempts ORDER BY id").fetchall()


@pytest.mark.parametrize("make, sentence", [
    (lambda path: path.write_bytes(b"not a database at all " * 200),
     "is not a progress database (not an SQLite file, or a damaged one); nothing was written to it; "
     "move it away, or use another file with --db FILE"),
    (lambda path: sqlite3.connect(path).executescript("CREATE TABLE cookies (host TEXT, value TEXT);"),
     "is another program's database, not the tutor's progress; nothing was written to it; "
     "use another file with --db FILE"),
    (lambda path: sqlite3.connect(path).executescript(MIGRATIONS[0] + "PRAGMA user_version = 99;"),
     "was written by a newer version of the tutor (its schema is 99, this version knows 6); update the "
     "tutor, or use another file with --db FILE"),
])
def test_a_database_that_is_not_ours_to_write_is_refused_and_left_alone(tmp_path, capsys, make, sentence):
    db = tmp_path / "progress.sqlite3"
    make(db)
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(db)
    assert str(caught.value) == f"{db} {sentence}"
    assert main(["practice", "--db", str(db)]) == 2
    assert capsys.readouterr().err == f"tutor: {db} {sentence}\n"
    assert main(["progress", "--db", str(db)]) == 2
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite3"]


def session_on(db) -> Session:
    session = Session(packs.load("gradients"), Store(db), "ana", seed=1)
    session.started = [line.text for line in session.start()]
    return session


def answer_right(session: Session) -> list[str]:
    exercise = session.current.exercise
    return [line.text for line in session.handle(show(exercise.expected(), exercise.problem.variables))]


def test_answers_made_while_another_program_holds_the_lock_are_kept_then_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, for a long time
    printed = answer_right(session) + answer_right(session)
    assert any(line.startswith(f"Note: your progress can't be saved to {db} right now (database is locked)")
               for line in printed)
    assert session.store.pending
    other.execute("ROLLBACK")
    printed = answer_right(session)
    assert f"Note: your progress is saved again to {db} (5 kept writes)." in printed  # each answer: its attempt, the next exercise shown
    session.close()
    session.store.close()
    assert len(attempts(db)) == 3


def test_a_switch_of_pack_made_while_the_writes_are_kept_is_one_session_with_the_run(tmp_path, monkeypatch):
    """The session a :pack switch starts is counted with the run it belongs to, kept or saved."""
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    answer_right(session)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    session.handle(":pack drills")
    answer_right(session)
    assert session.store.pending
    assert [row["sessions"] for row in session.store.summary()] == [1]
    other.execute("ROLLBACK")
    answer_right(session)
    assert not session.store.pending
    assert [row["sessions"] for row in session.store.summary()] == [1]
    session.close()
    session.store.close()
    assert [row["sessions"] for row in Store(db).summary()] == [1]


def test_after_one_wait_for_the_lock_no_answer_and_no_ending_waits_again(tmp_path, monkeypatch):
    """docs/reference/progress.md: the wait for another program's lock happens once; then each answer is
    graded and shown at once (its write tried without waiting), and the session ends at once, its
    writes kept and saved later. Each wait here is 3 x 1 s: an answer that waited would take 3 s (the bound, 2 s,
    leaves room for a loaded machine)."""
    monkeypatch.setattr(store, "_BUSY_SECONDS", 1.0)
    db = tmp_path / "progress.sqlite3"
    Store(db).close()  # made by an earlier session
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing, for a long time
    session = session_on(db)
    assert any(line.startswith(f"Note: your progress can't be saved to {db} right now (database is locked)")
               for line in session.started)
    for _ in range(3):
        began = time.monotonic()
        assert answer_right(session)[0] == "✓ Correct."
        assert time.monotonic() - began < 2.0
    began = time.monotonic()
    session.close()
    session.store.close()
    assert time.monotonic() - began < 2.0
    other.execute("ROLLBACK")
    again = Store(db)
    assert again.take_notices() == [f"saved 10 kept write(s) of your progress from {db}.unsaved.json"]
    assert [verdict for _, verdict in attempts(db)] == ["correct"] * 3  # none lost
    again.close()


def _answered_with_the_lock_held(tmp_path, monkeypatch):
    """A session's answer made while another program holds the lock: (the database, the session, the other
    program)."""
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    answer_right(session)
    return db, session, other


def _kept_with_the_lock_held(tmp_path, monkeypatch):
    """A session's answer made while another program holds the lock to the end, so kept in the file
    beside the database: (the database, that file, the other program, the session's notices)."""
    db, session, other = _answered_with_the_lock_held(tmp_path, monkeypatch)
    session.close()
    session.store.close()
    return db, tmp_path / "progress.sqlite3.unsaved.json", other, session.store.take_notices()


def _kept_after_a_locked_answer(tmp_path, monkeypatch):
    db, kept, other, _ = _kept_with_the_lock_held(tmp_path, monkeypatch)
    other.execute("ROLLBACK")
    return db, kept


def test_answers_still_unsaved_at_the_end_are_kept_in_a_file_and_saved_next_time(tmp_path, monkeypatch):
    db, kept, other, notices = _kept_with_the_lock_held(tmp_path, monkeypatch)
    assert [record["kind"] for record in json.loads(kept.read_text())] == ["attempt", "shown", "end"]
    assert f"3 unsaved write(s) of your progress are kept in {kept}" in " ".join(notices)
    other.execute("ROLLBACK")
    again = Store(db)
    assert again.take_notices() == [f"saved 3 kept write(s) of your progress from {kept}"]
    assert not kept.exists() and len(attempts(db)) == 1
    again.close()


def test_answers_that_can_be_kept_nowhere_are_said_lost_in_a_sentence(tmp_path, monkeypatch):
    """Neither the database nor a file to keep its writes in can be written: a sentence, not their JSON, with
    the answers it did not save, so that they can be given again (finding 772: nothing of them was said)."""
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setattr(store, "kept_places", lambda path: (blocked / "kept.json", blocked / "data" / "k.json"))
    db, _, other, notices = _kept_with_the_lock_held(tmp_path, monkeypatch)
    other.execute("ROLLBACK")
    assert notices[-1] == (f"your progress in this session could not be saved: {db} can't be written, nor a file in "
                           f"{blocked} and {blocked / 'data'}; its answers: gradients tangent-line-fix-y: 2x (correct)")


def test_a_kept_answer_is_saved_at_the_next_prompt_once_the_lock_is_gone(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    session = Session(packs.load("gradients"), Store(db), "ana", seed=1)
    other = sqlite3.connect(db, isolation_level=None)
    printed: list[str] = []
    saved_at_the_prompt: list[tuple] = []

    def typing() -> Iterator[str]:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the lock while the student answers
        yield "2x + 16"  # wrong, and its feedback does not give the answer away (no help to keep)
        other.execute("ROLLBACK")  # the lock is gone; the student presses Enter on an empty line
        yield ""
        saved_at_the_prompt.extend(attempts(db))  # then Ctrl-D

    typed = typing()

    def read(_prompt: str) -> str:
        text = next(typed, None)
        if text is None:
            raise EOFError
        return text

    repl.converse(session, read, lambda lines: printed.extend(line.text for line in lines))
    assert any(line.startswith(f"Note: your progress can't be saved to {db}") for line in printed)
    assert f"Note: your progress is saved again to {db} (1 kept writes)." in printed
    assert saved_at_the_prompt == [("2x + 16", "incorrect")]  # before Ctrl-D, not by it


# the tutor with a lock that gives up at once, as a student runs it
_TUTOR = "import sys; from tutor import store; store._BUSY_SECONDS = 0.05; from tutor.cli import main; sys.exit(main())"


@pytest.mark.parametrize("freed", [True, False])
@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_closing_the_window_saves_a_kept_answer_or_keeps_it_in_the_file(tmp_path, number, freed):
    db = tmp_path / "progress.sqlite3"
    tutor = subprocess.Popen([sys.executable, "-c", _TUTOR, "--db", str(db), "--student", "ana", "--seed", "1"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "TUTOR_HOME": str(tmp_path)})
    assert tutor.stdin and tutor.stdout
    threading.Timer(60, tutor.kill).start()  # a tutor that never ends fails the test, not the suite

    def printed_until(start: str) -> None:
        for line in tutor.stdout:
            if line.startswith(start):
                return
        pytest.fail(f"the tutor ended before printing {start!r}: {tutor.communicate()}")

    printed_until("Pack:")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a backup, a database browser ...
    tutor.stdin.write("2x + 16\n")
    tutor.stdin.flush()
    printed_until(f"Note: your progress can't be saved to {db} right now (database is locked)")
    if freed:
        other.execute("ROLLBACK")
    tutor.send_signal(number)  # the window closed with the tutor still waiting for an answer
    _, said = tutor.communicate(timeout=60)
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    if not freed:
        assert f"unsaved write(s) of your progress are kept in {kept}" in said
        assert [record["kind"] for record in json.loads(kept.read_text())] == ["attempt", "end"]
        other.execute("ROLLBACK")
        Store(db).close()  # the next time the database is opened
    assert not kept.exists()
    assert attempts(db) == [("2x + 16", "incorrect")]


def test_a_read_only_database_is_opened_read_only_with_a_notice(tmp_path, monkeypatch):
    db = tmp_path / "progress.sqlite3"
    first = session_on(db)
    answer_right(first)
    first.close()
    first.store.close()
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(db) else real(path, mode))
    session = session_on(db)
    assert session.store.read_only
    answer_right(session)
    session.close()
    session.store.close()
    assert len(attempts(db)) == 1  # nothing written to it
    assert f"Note: {db} is read-only: your progress in this session is not saved there." in session.started
    assert session.store.take_notices()[-1].startswith("5 unsaved write(s) of your progress are kept in")
    monkeypatch.undo()
    Store(db).close()  # writable again: what was kept is saved
    assert len(attempts(db)) == 2


def test_a_kept_writes_file_cut_short_gives_back_its_complete_writes(tmp_path, monkeypatch):
    # a power cut while it was written: its complete records were dropped without a word
    db, kept = _kept_after_a_locked_answer(tmp_path, monkeypatch)
    text = kept.read_text()
    kept.write_text(text[: text.index('{"kind": "end"') + 12])  # the attempt and the next exercise shown, whole
    again = Store(db)
    assert again.take_notices() == [
        f"{kept} was damaged: 2 complete write(s) of your progress in it are taken, and the file is kept as "
        f"{kept}.damaged", f"saved 2 kept write(s) of your progress from {kept}"]
    assert len(attempts(db)) == 1 and (tmp_path / f"{kept.name}.damaged").exists()
    again.close()


def test_a_kept_write_this_tutor_does_not_know_is_set_aside_not_a_crash(tmp_path, capsys):
    # a record of an unknown kind (a newer tutor's) ended every command with exit 70
    db = tmp_path / "progress.sqlite3"
    Store(db).close()
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    kept.write_text('[{"kind": "bogus", "args": []}]')
    assert main(["progress", "--db", str(db)]) == 0
    assert f"{kept} was damaged: 0 complete write(s)" in capsys.readouterr().err


def test_writes_kept_in_the_data_folder_are_read_back_too(tmp_path, monkeypatch):
    # kept there when the file beside the database can't be written; never read back, though promised
    db, kept = _kept_after_a_locked_answer(tmp_path, monkeypatch)
    home = tmp_path / "home"
    monkeypatch.setattr(store, "default_home", lambda: home)
    home.mkdir()
    os.replace(kept, home / kept.name)
    again = Store(db)
    assert again.take_notices() == [f"saved 3 kept write(s) of your progress from {home / kept.name}"]
    assert len(attempts(db)) == 1
    again.close()


def test_a_hint_seen_while_the_lock_is_held_comes_back_with_its_exercise(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    answer_right(session)  # exercise 1; exercise 4 shown
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert [line.text for line in session.handle(":hint")][0].startswith("Hint 1 of 3:")
    session.close()
    session.store.close()
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    assert [record["kind"] for record in json.loads(kept.read_text())] == ["help", "end"]
    other.execute("ROLLBACK")
    again = session_on(db)
    assert [line.text for line in again.handle(":hint")][0].startswith("Hint 2 of 3:")


def test_a_database_deleted_during_a_session_is_written_again_at_its_path(tmp_path):
    """Finding 528: the file, its -wal and -shm deleted mid-session: each later answer went into the
    deleted file, without a word, and `tutor progress` said 'no progress yet'."""
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    answer_right(session)
    for name in ("progress.sqlite3", "progress.sqlite3-wal", "progress.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    said = answer_right(session)
    assert f"Note: {db} was deleted while this session used it; it is written again there, with all it held " \
           "and this session's progress." in said
    answer_right(session)
    session.close()
    session.store.close()
    assert [verdict for _, verdict in attempts(db)] == ["correct"] * 3  # the one before it too
    assert main(["progress", "--db", str(db)]) == 0


def test_a_database_replaced_during_a_session_is_left_alone_and_the_session_goes_on_beside_it(tmp_path):
    db = tmp_path / "progress.sqlite3"
    session = session_on(db)
    answer_right(session)
    other = tmp_path / "other.sqlite3"
    Store(other).close()
    os.replace(other, db)  # another progress database moved over it
    theirs = db.read_bytes()
    said = answer_right(session)
    recovered = tmp_path / "progress.recovered.sqlite3"
    assert f"Note: {db} was replaced by another file while this session used it; that file is left alone, and " \
           f"your progress goes on in {recovered} (use it with --db {recovered})." in said
    session.close()
    session.store.close()
    assert db.read_bytes() == theirs
    assert [verdict for _, verdict in attempts(recovered)] == ["correct"] * 2


@pytest.fixture
def read_only_home(tmp_path) -> Iterator[tuple]:
    """A folder that can't be written, as a read-only share or lab image gives: `make(files)` fills it
    with the files first. For root (whom chmod does not stop) a read-only tmpfs, where it may mount one."""
    home = tmp_path / "home"
    home.mkdir()
    mounted = []

    def make(files: dict) -> None:
        if os.geteuid() == 0:
            if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(home)],
                              capture_output=True).returncode != 0:
                pytest.skip("a read-only folder needs a tmpfs mount for root; mount is not allowed here")
            mounted.append(home)
        for name, data in files.items():
            (home / name).write_bytes(data)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(home)], check=True)
        else:
            home.chmod(0o555)

    yield home, make
    if mounted:
        subprocess.run(["umount", "--lazy", str(home)], check=True)  # even with a file left open by a failure
    else:
        home.chmod(0o755)


def test_a_new_student_on_a_read_only_home_practises_with_a_note(read_only_home, capsys, monkeypatch):
    """Finding 527: 'something went wrong (OperationalError: no such table: students)', status 70. Finding 802:
    the session's answers were lost without a trace; they are printed at its end, as progress.md says of a
    session no file can take (a session that answered nothing is not told again that nothing is saved)."""
    home, make = read_only_home
    make({})
    monkeypatch.setenv("TUTOR_HOME", str(home))
    monkeypatch.setattr(sys, "stdin", io.StringIO("2x\n"))
    assert main(["practice", "--seed", "1", "--student", "ro"]) == 0
    out, err = capsys.readouterr()
    assert err == f"tutor: your progress in this session could not be saved: {home / 'progress.sqlite3'} can't be " \
                  f"written, nor a file in {home}; its answers: gradients tangent-line-fix-y: 2x (correct)\n"
    assert f"Note: {home} is read-only, so progress.sqlite3 can't be made there: your progress in this session " \
           "is not saved (--db FILE saves it in a folder you can write).\nanswer> 2x\n✓ Correct." in out
    assert out.endswith("Bye. This session: 1 exercise solved, 1 attempt.\n")
    assert sorted(home.iterdir()) == []
    monkeypatch.setattr(sys, "stdin", io.StringIO(":quit\n"))
    assert main(["practice", "--seed", "1", "--student", "ro"]) == 0
    assert capsys.readouterr().err == ""  # said once, at the start


def test_a_home_that_cant_be_made_practises_with_a_note(tmp_path, capsys, monkeypatch):
    """TUTOR_HOME under a file (or on a file system that takes no folders): 'something went wrong
    (NotADirectoryError ...); this is a bug', status 70, and no practice."""
    (tmp_path / "a file").write_text("")
    home = tmp_path / "a file" / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    monkeypatch.setattr(sys, "stdin", io.StringIO("2x\n"))
    assert main(["practice", "--seed", "1", "--student", "ro"]) == 0
    out, err = capsys.readouterr()
    assert f"Note: {home} can't be made (Not a directory): your progress in this session is not saved (--db FILE " \
           "saves it in a folder you can write).\nanswer> 2x\n✓ Correct." in out
    assert out.endswith("Bye. This session: 1 exercise solved, 1 attempt.\n")
    # finding 802: what no file can take is printed at the end
    assert err == f"tutor: your progress in this session could not be saved: {home / 'progress.sqlite3'} can't be " \
                  f"written, nor a file in {home}; its answers: gradients tangent-line-fix-y: 2x (correct)\n"


def test_a_progress_database_on_a_read_only_file_system_is_read(read_only_home, capsys, monkeypatch):
    """Finding 526: a good database was called unreadable ('move it away'), by `tutor progress` too: SQLite
    could not make the -shm file a database in WAL mode is read with, in a read-only folder."""
    home, make = read_only_home
    db = home / "progress.sqlite3"
    elsewhere = home.parent / "progress.sqlite3"
    session = session_on(elsewhere)
    answer_right(session)
    session.close()
    session.store.close()
    make({"progress.sqlite3": elsewhere.read_bytes()})
    monkeypatch.setenv("TUTOR_HOME", str(home))
    assert main(["progress"]) == 0
    assert capsys.readouterr() == (
        "ana: 1 of 1 answer right in 1 session\n  derivatives            ███·······   1/1\n"
        f"  tangent-planes         ███·······   1/1\n{store.MASTERY_RULE}\n", "")
    monkeypatch.setattr(sys, "stdin", io.StringIO("2y\n"))
    assert main(["practice", "--seed", "1", "--student", "ana"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Welcome back, ana.")
    assert f"Note: {db} is read-only: your progress in this session is not saved there.\nanswer> 2y\n✓ Correct." in out
    assert db.read_bytes() == elsewhere.read_bytes()  # nothing written to it
    # finding 802: nor beside it, on a read-only file system (a lab image): the answers are printed at the end
    assert err == f"tutor: your progress in this session could not be saved: {db} can't be written, nor a file in " \
                  f"{home}; its answers: gradients tangent-line-fix-x: 2y (correct)\n"
    assert sorted(path.name for path in home.iterdir()) == ["progress.sqlite3"]


def _locked_answer_kept_in_the_home(tmp_path, monkeypatch):
    """One answer saved, then one kept while another program holds the lock, in a home that is the
    database's folder too (TUTOR_HOME, where the kept file beside the database is the data folder's):
    (the database, the kept file, the other program)."""
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    monkeypatch.setattr(store, "default_home", lambda: tmp_path)
    db = tmp_path / "progress.sqlite3"
    first = session_on(db)
    answer_right(first)
    first.close()
    first.store.close()
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)  # let go by a timer, in a test
    other.execute("BEGIN EXCLUSIVE")
    session = session_on(db)
    answer_right(session)
    session.close()
    session.store.close()
    return db, tmp_path / "progress.sqlite3.unsaved.json", other


def test_kept_writes_read_back_while_the_lock_is_held_are_saved_once(tmp_path, monkeypatch):
    """Finding 760: each opening while the lock was held read the kept file twice and wrote it back doubled
    (5, 10, 20 writes): two answers became 5 of 5 in 5 sessions, mastery 83 %."""
    db, kept, other = _locked_answer_kept_in_the_home(tmp_path, monkeypatch)
    written = kept.read_text()
    for _ in range(3):  # tutor progress, while the lock lasts
        looked = Store(db)
        assert [(s["attempts"], s["sessions"]) for s in looked.summary()] == [(2, 2)]  # the kept answer counted
        looked.close()
        assert len(json.loads(kept.read_text())) == len(json.loads(written)) == 5
    other.execute("ROLLBACK")
    Store(db).close()
    assert [(s["correct"], s["attempts"], s["sessions"]) for s in Store(db).summary()] == [(2, 2, 2)]
    assert {s["skill"]: s["mastery"] for s in Store(db).summary()[0]["skills"]} == {
        "derivatives": 0.51, "tangent-planes": 0.51}
    assert not kept.exists()


def test_a_kept_file_read_by_two_sessions_at_once_is_saved_once(tmp_path, monkeypatch):
    """Two sessions open while the lock is held both take the kept writes; each write is saved once, by
    whichever saves first (its key recorded with it)."""
    db, kept, other = _locked_answer_kept_in_the_home(tmp_path, monkeypatch)
    one, two = Store(db), Store(db)
    other.execute("ROLLBACK")
    one.close()
    two.close()
    assert [verdict for _, verdict in attempts(db)] == ["correct"] * 2
    assert not kept.exists()


def test_an_answer_kept_while_the_lock_is_held_is_on_disk_at_once(tmp_path, monkeypatch):
    """Finding 768: kept writes lived only in memory until the session ended: a kill lost the answers."""
    db, session, other = _answered_with_the_lock_held(tmp_path, monkeypatch)
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    assert [record["kind"] for record in json.loads(kept.read_text())] == ["attempt", "shown"]  # no close: a kill
    other.execute("ROLLBACK")
    Store(db).close()  # the next session
    assert [verdict for _, verdict in attempts(db)] == ["correct"]
    assert not kept.exists()
    session.store.db.close()


def test_progress_in_a_session_counts_its_answers_not_saved_yet(tmp_path, monkeypatch):
    """Finding 763: `:progress` read only what reached the file: 'No answers yet' after a right answer."""
    monkeypatch.setattr(store, "_BUSY_SECONDS", 0.05)
    db = tmp_path / "progress.sqlite3"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    session = session_on(db)
    answer_right(session)
    shown = [line.text for line in session.handle(":progress")]
    assert "derivatives            ███·······   1/1  " in shown
    other.execute("ROLLBACK")


def test_a_kept_write_that_can_never_be_saved_is_set_aside_and_the_later_ones_saved(tmp_path, monkeypatch):
    """Finding 761: a kept write naming a session of a database moved away failed its foreign key first in
    the queue, so nothing was saved again, and the kept file doubled on each run."""
    db, kept, other = _locked_answer_kept_in_the_home(tmp_path, monkeypatch)
    other.execute("ROLLBACK")
    other.close()
    for made in tmp_path.glob("progress.sqlite3*"):
        if made != kept:
            made.replace(tmp_path / f"old-{made.name}")
    session = session_on(db)
    answer_right(session)
    session.close()
    session.store.close()
    aside = tmp_path / "progress.sqlite3.unsaved.json.damaged"
    assert (f"Note: 4 kept write(s) of your progress can never be saved to {db} (FOREIGN KEY constraint failed); "
            f"they are set aside in {aside}, and the later ones saved.") in session.started
    assert attempts(db) == [("2x", "correct")] and not kept.exists()
    assert [record["kind"] for record in json.loads(aside.read_text())] == ["session", "shown", "attempt", "shown"]


_GOOD = {"kind": "attempt", "args": [1, 1, "gradients", "partial-x-x2y2", "graded", "2x", "correct", "equal", 0,
                                     ["partial-derivatives"], None], "at": "2024-01-01T00:00:00+00:00"}


@pytest.mark.parametrize("text, complete", [
    ("[" * 100_000 + "]" * 100_000, 0),
    (json.dumps([{**_GOOD, "args": [10**400, *_GOOD["args"][1:]]}]), 0),
    (json.dumps([{**_GOOD, "args": [*_GOOD["args"][:8], 10**30, *_GOOD["args"][9:]]}]), 0),
    (json.dumps([{**_GOOD, "args": [*_GOOD["args"][:9], ["\x1b[2J" + "a" * 5000], None]}]), 0),
    (json.dumps([_GOOD, {"kind": "attempt", "args": [1], "at": "x"}, _GOOD]), 2),
], ids=["nested", "huge id", "huge hints", "escape in a skill", "too few fields"])
def test_a_hostile_kept_file_is_set_aside_with_a_sentence_and_its_writes_saved_once(tmp_path, capsys, text,
                                                                                     complete):
    """Finding 762: these ended every command with 'this is a bug' before the file was set aside, so each
    run did it again, and saved the good write before the bad one once more."""
    db = tmp_path / "progress.sqlite3"
    first = session_on(db)
    answer_right(first)
    first.close()
    first.store.close()
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    kept.write_text(text)
    for _ in range(2):
        assert main(["progress", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"tutor: {kept} was damaged: {complete} complete write(s) of your progress in it are "
                          f"taken, and the file is kept as {kept}.damaged\n")
    assert len(attempts(db)) == 1 + complete and not kept.exists()


@pytest.mark.parametrize("edit, sentence", [
    ("INSERT OR REPLACE INTO mastery VALUES (1, 'derivatives', 1e308, 3, 1, 'x')",
     "holds a value the tutor never writes (mastery.score is 1e+308)"),
    ("INSERT OR REPLACE INTO mastery VALUES (1, 'derivatives', 'abc', 3, 1, 'x')",
     "holds a value the tutor never writes (mastery.score is 'abc')"),
    ("INSERT OR REPLACE INTO mastery VALUES (1, 'derivatives', 0.5, -3, 99, 'x')",
     "holds a value the tutor never writes (mastery.attempts is -3)"),
    ("DROP TABLE mastery", "is damaged (no table mastery)"),
])
def test_a_database_with_values_the_tutor_never_writes_is_refused_at_the_start(tmp_path, capsys, edit, sentence):
    """Finding 770: a hand-edited database crashed `:progress`, `tutor progress`, and the grading of an
    answer, which was lost, with 'this is a bug'."""
    db = tmp_path / "progress.sqlite3"
    first = session_on(db)
    answer_right(first)
    first.close()
    first.store.close()
    with sqlite3.connect(db) as connection:
        connection.execute(edit)
    said = f"tutor: {db} {sentence}; nothing was written to it; move it away, or use another file with --db FILE\n"
    assert main(["progress", "--db", str(db)]) == 2
    assert capsys.readouterr().err == said
    assert main(["practice", "--db", str(db), "--student", "ana"]) == 2
    assert capsys.readouterr().err == said


def test_a_database_on_a_full_disk_is_practised_on_unsaved_and_the_answers_said(tmp_path, capsys, monkeypatch):
    """Finding 772: a good database on a full disk was 'can't be read as a progress database ... move it away',
    and a session that could save nothing ended without a word of its answers."""
    if os.geteuid() != 0:
        pytest.skip("a full disk needs a small tmpfs, which only root may mount")
    home = tmp_path / "tiny"
    home.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(home)], capture_output=True).returncode:
        pytest.skip("mount is not allowed here")
    try:
        first = session_on(tmp_path / "progress.sqlite3")
        answer_right(first)
        first.close()
        first.store.close()
        db = home / "progress.sqlite3"
        db.write_bytes((tmp_path / "progress.sqlite3").read_bytes())
        with contextlib.suppress(OSError), (home / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
        monkeypatch.setenv("TUTOR_HOME", str(home))
        monkeypatch.setattr(sys, "stdin", io.StringIO("2y\n"))
        assert main(["practice", "--seed", "1", "--student", "ana"]) == 0
        out, err = capsys.readouterr()
        assert f"Note: the disk holding {db} is full (disk I/O error): your progress in this session is not saved " \
               "there.\nanswer> 2y\n✓ Correct." in out
        assert err == (f"tutor: your progress in this session could not be saved: {db} can't be written, nor a file "
                       f"in {home}; its answers: gradients tangent-line-fix-x: 2y (correct)\n")
    finally:
        subprocess.run(["umount", "--lazy", str(home)], check=True)


def test_kept_writes_wait_for_a_lock_once_and_are_saved_when_it_is_let_go_meanwhile(tmp_path, monkeypatch):
    """Finding 766: with writes kept, `tutor progress` waited for the lock twice (12 s), not once (about 3 x
    the busy timeout, 1 s here); a lock let go during that wait is waited out and the writes saved."""
    db, kept, other = _locked_answer_kept_in_the_home(tmp_path, monkeypatch)
    monkeypatch.setattr(store, "_BUSY_SECONDS", 1.0)
    began = time.monotonic()
    Store(db).close()
    assert time.monotonic() - began < 5.0 and kept.exists()  # one wait, then kept
    threading.Timer(0.5, lambda: other.execute("ROLLBACK")).start()
    again = Store(db)
    assert again.take_notices() == [f"saved 5 kept write(s) of your progress from {kept}"]
    again.close()
    assert len(attempts(db)) == 2


_ARGUMENT = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.integers(), st.floats(allow_nan=True),
                      st.text(max_size=8), st.lists(st.text(max_size=4), max_size=3))
_RECORD = st.fixed_dictionaries(
    {"kind": st.sampled_from([*kept_writes.KINDS, "bogus"]), "args": st.lists(_ARGUMENT, max_size=12)},
    optional={"at": st.one_of(st.text(max_size=20), st.integers()), "key": st.one_of(st.text(max_size=8), st.none())})
_POOL = (0, 1, 2, -1, -2, 10**9, "", "x", "gradients", "2x", "\x1b[2J", None, [], ["derivatives"], ["\x1b"])


def _well_formed(kind: str) -> st.SearchStrategy:
    """A record of this kind whose every argument passes its check: each may still name rows that are not
    there, or repeat a key."""
    checks, optional = kept_writes._ARGUMENTS[kind]
    args = st.tuples(*(st.sampled_from([v for v in _POOL if check(v)]) for check in checks))
    return st.fixed_dictionaries({"kind": st.just(kind), "args": args.map(list), "at": st.just("2026-12-04 10:00:00"),
                                  "key": st.sampled_from(["k1", "k2", "k3"])})


_KEPT_FILE = st.one_of(
    st.binary(max_size=200),
    st.lists(_RECORD, max_size=6).map(lambda records: json.dumps(records).encode()),
    st.lists(st.sampled_from(kept_writes.KINDS).flatmap(_well_formed), max_size=8).map(
        lambda records: json.dumps(records).encode()),
    st.tuples(st.lists(_RECORD, min_size=1, max_size=6), st.integers(0, 400)).map(
        lambda cut: json.dumps(cut[0]).encode()[: cut[1]]),  # cut short, as by a power cut
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contents=_KEPT_FILE)
def test_any_kept_writes_file_leaves_the_saved_progress_readable(tmp_path, monkeypatch, capsys, contents):
    """A side file written by anyone (damaged, hand-edited, an older or newer tutor's) never stops `tutor
    progress`, and never loses what the database already holds."""
    saved = tmp_path / "saved.sqlite3"
    if not saved.exists():
        session = session_on(saved)
        answer_right(session)
        session.close()
        session.store.close()
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # each example its own: nothing left by the one before
    monkeypatch.setenv("TUTOR_HOME", str(folder / "home"))
    db = folder / "progress.sqlite3"
    shutil.copyfile(saved, db)
    (folder / "progress.sqlite3.unsaved.json").write_bytes(contents)
    assert main(["progress", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    said = err.replace(str(folder), "FOLDER")  # a random folder's name may hold "bug" (tmpbuglimi0: CI, once)
    assert "Traceback" not in said and "bug" not in said
    assert attempts(db)[0][1] == "correct"
    assert "ana: " in out


def test_a_session_kept_by_a_tutor_before_schema_6_is_saved(tmp_path):
    """A kept session write of an older tutor has no run (sitting): it is read, saved, and its own run."""
    db = tmp_path / "progress.sqlite3"
    Store(db).close()
    kept = tmp_path / "progress.sqlite3.unsaved.json"
    kept.write_text(json.dumps([
        {"kind": "student", "args": ["ana", -1], "at": "2026-01-01T00:00:00", "key": "k1"},
        {"kind": "session", "args": [-1, "gradients", 1, -2, None], "at": "2026-01-01T00:00:01", "key": "k2"},
        {"kind": "end", "args": [-2], "at": "2026-01-01T00:00:02", "key": "k3"}]), encoding="utf-8")
    again = Store(db)
    assert again.take_notices() == [f"saved 3 kept write(s) of your progress from {kept}"]
    again.close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT pack, sitting FROM sessions").fetchall() == [("gradients", None)]


@pytest.mark.parametrize(("make", "what"), [(os.mkfifo, "a named pipe"), (os.mkdir, "a folder")])
def test_a_pipe_or_a_folder_at_the_path_is_refused_at_once(tmp_path, make, what):
    """Outside check h23: a named pipe there hung `tutor` and `tutor progress` for good (SQLite waited on it); a
    folder was "disk I/O error"."""
    path = tmp_path / "progress.sqlite3"
    make(path)
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert str(refused.value) == (f"{path} is {what}, not a progress database file; nothing was written to it; "
                                  "move it away, or use another file with --db FILE")


@pytest.mark.skipif(sys.platform == "win32", reason="a file-size limit (RLIMIT_FSIZE) is POSIX")
def test_a_new_student_over_a_file_size_limit_practises_all_the_same(tmp_path):
    """Outside check h23: the first start on a full disk (a quota, `ulimit -f`) was refused, "can't be used (disk I/O
    error)", and left a stub database behind; as on a full disk after it, the session goes on, its writes kept."""
    import resource

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, 20 * 1024))

    done = subprocess.run([sys.executable, "-m", "tutor", "--student", "ana", "--seed", "1"], input=b"2x\n",
                          capture_output=True, env={**os.environ, "HOME": str(tmp_path)}, preexec_fn=limited,
                          timeout=120, check=False)
    folder = tmp_path / ".local" / "share" / "calculus-tutor"
    assert done.returncode == 0, done.stderr
    assert "Correct." in done.stdout.decode()
    assert "can't be made (disk I/O error; the disk may be full, or over a quota)" in done.stdout.decode()
    assert sorted(p.name for p in folder.iterdir()) == ["progress.sqlite3.unsaved.json"]  # no stub database
    # with room again, `tutor progress` saves the kept writes and shows them (outside check h25: "no progress yet")
    again = subprocess.run([sys.executable, "-m", "tutor", "progress"], capture_output=True,
                           env={**os.environ, "HOME": str(tmp_path)}, timeout=120, check=True)
    assert "ana: 1 of 1 answer right in 1 session" in again.stdout.decode(), again
    assert "saved 7 kept write(s) of your progress" in again.stderr.decode()
