"""Ctrl-C while work that must not be cut off half-way is done (finding 283): it is held back until the work
is whole, then stops what follows, and the session goes on."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from tutor import workers
from tutor.interrupts import stop_as_ctrl_c, uninterrupted
from tutor.workers import Pool


def test_ctrl_c_in_the_block_is_raised_once_the_block_is_done():
    done = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)
        done.append("the rest of the block")
    assert done == ["the rest of the block"]


def test_ctrl_c_that_reaches_another_thread_is_held_back_too():
    # a Ctrl-C is sent to the process, and any thread may take it (pytest-xdist's workers have more than one):
    # blocking it in the main thread alone let it through, now and then, on a loaded machine
    finished = threading.Event()
    other = threading.Thread(target=finished.wait, args=(60,))  # alive until the block is done, however loaded
    other.start()
    done = []
    try:
        with pytest.raises(KeyboardInterrupt), uninterrupted():
            signal.pthread_kill(other.ident, signal.SIGINT)
            time.sleep(0.1)  # the main thread's turn to run the handler, had it not been held back
            done.append("the rest of the block")
    finally:
        finished.set()
        other.join()
    assert done == ["the rest of the block"]


def test_a_picture_stopped_while_matplotlib_is_imported_leaves_the_next_picture_drawable(tmp_path):
    # Ctrl-C lands while matplotlib is being imported (at its rcsetup), as it did 0.3-0.5 s after a session's first
    # :plot; the next picture used to fail inside matplotlib ("module 'matplotlib' has no attribute ...")
    script = textwrap.dedent(f"""
        import importlib.abc, os, signal, sys
        class CtrlC(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name == "matplotlib.rcsetup":
                    sys.meta_path.remove(self)
                    os.kill(os.getpid(), signal.SIGINT)
                return None
        sys.meta_path.insert(0, CtrlC())
        from tutor.plot import curve, png
        figure = curve.curve_figure("x^2")
        try:
            png.write_png(figure, {str(tmp_path / "first.png")!r})
        except KeyboardInterrupt:
            print("stopped")
        png.write_png(figure, {str(tmp_path / "second.png")!r})
        print("drawn")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.split(), done.stderr) == (0, ["stopped", "drawn"], "")
    assert (tmp_path / "second.png").read_bytes().startswith(b"\x89PNG")


def test_a_request_to_stop_is_ctrl_c_even_where_ctrl_c_is_ignored():
    """Finding 681: a job a script starts in the background (`cmd &`, `nohup cmd &`) has SIGINT ignored; SIGTERM,
    passed on as SIGINT, was then ignored too, and the run went on to the end."""
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with pytest.raises(KeyboardInterrupt), stop_as_ctrl_c():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # never this long: the handler runs as soon as the signal arrives
        done = []
        with pytest.raises(KeyboardInterrupt), stop_as_ctrl_c(), uninterrupted():
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("the rest of the block")  # held back until the block is done, as Ctrl-C is
        assert done == ["the rest of the block"]
        os.kill(os.getpid(), signal.SIGINT)  # and Ctrl-C itself is still ignored
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_worker_started_while_a_stop_is_taken_as_ctrl_c_ends_on_sigterm():
    """Finding 680: a worker forked inside stop_as_ctrl_c inherited its SIGTERM handler, turning SIGTERM into the
    Ctrl-C a worker ignores; at exit, multiprocessing ends its workers with SIGTERM and waits for them, forever."""
    with stop_as_ctrl_c(), Pool(jobs=1) as pool:
        (worker,) = pool.workers
        assert pool.call(os.getpid) == worker.process.pid  # serving
        worker.process.terminate()  # SIGTERM, as multiprocessing sends at exit
        worker.process.join(timeout=30)
        assert worker.process.exitcode == -signal.SIGTERM


def _serving_then_stopped(pool: Pool):
    """The pool's worker, once it has answered, stopped (SIGSTOP): alive, using no CPU time, answering nothing."""
    (worker,) = pool.workers
    assert pool.call(os.getpid) == worker.process.pid
    os.kill(worker.process.pid, signal.SIGSTOP)
    return worker.process


def test_ctrl_c_stops_the_wait_for_a_stopped_worker_which_is_replaced():
    """Finding 773: Ctrl-C ends the wait for a worker in every state, stopped too, as it ends it for one at work;
    the worker is replaced, as after kill -9, and the next call is answered by the fresh one."""
    with Pool() as pool:
        stopped = _serving_then_stopped(pool)
        ctrl_c = threading.Timer(0.5, signal.pthread_kill, (threading.main_thread().ident, signal.SIGINT))
        ctrl_c.start()
        with pytest.raises(KeyboardInterrupt):
            pool.call(os.getpid)
        stopped.join(timeout=30)
        assert stopped.exitcode == -signal.SIGKILL
        assert pool.call(os.getpid) == pool.workers[0].process.pid != stopped.pid


@contextlib.contextmanager
def _keyboard(typed: bytes):
    """Keys typed on a pipe, read as the REPL's toolbar reads them while it waits: (what was read, in reads)."""
    keys, typing = os.pipe()
    read: list[bytes] = []

    def ctrl_c() -> bool:
        read.append(os.read(keys, 100))
        return b"\x03" in read[-1]

    try:
        os.write(typing, typed)
        with workers.keyboard(keys, ctrl_c):
            yield read
    finally:
        os.close(keys)
        os.close(typing)


def test_ctrl_c_typed_as_a_key_stops_the_wait_for_a_stopped_worker():
    """Finding 773: a terminal in raw mode (the REPL while an answer is typed, its toolbar reading it) sends Ctrl-C
    as a key, not a signal: typed while a worker is waited for, stopped, it ends the wait as the signal does."""
    with Pool() as pool:
        stopped = _serving_then_stopped(pool)
        with pytest.raises(KeyboardInterrupt), _keyboard(b"2x\x03") as read:
            pool.call(os.getpid)
        stopped.join(timeout=30)
        assert (read, stopped.exitcode) == ([b"2x\x03"], -signal.SIGKILL)
        assert pool.call(os.getpid) == pool.workers[0].process.pid != stopped.pid


def test_keys_other_than_ctrl_c_typed_while_a_worker_is_waited_for_leave_it_at_work():
    with Pool() as pool:
        (worker,) = pool.workers
        with _keyboard(b"2x") as read:  # typed before the worker answers: read while it is waited for
            assert pool.call(time.sleep, 0.5) is None
        assert read == [b"2x"] and pool.workers == [worker] and worker.process.is_alive()
