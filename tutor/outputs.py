"""Writing a run's files safely: the folder locked for the run, the files replaced together.

A set of files (in one folder or several) is written beside the old ones under hidden temporary names,
flushed to disk, and only then renamed into place, one after another in a few
microseconds: a kill, a full disk or an error while writing leaves the previous
files whole (and the temporary ones are removed, or swept away by the next run).
The lock (an advisory lock on a file in the folder) keeps two runs from writing
the same folder at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .safe_read import resolved

try:
    import fcntl
except ImportError:  # not POSIX: no lock
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".tutor.lock"
# beside a run's feedback pages, whose page is which; its header ends so, which marks the folder as a run's
PAGES_INDEX, PAGES_COLUMNS = "pages.csv", ("markdown_page", "html_page")
# answers.csv's columns: a copy of it beside the submissions is an earlier run's report, never read as answers
ANSWERS_COLUMNS = ("student", "exercise", "variant", "answer", "verdict", "score", "max", "note", "feedback")
_TEMPORARY = ".tmp-"  # a written file's temporary name: .tmp-NAME


class OutputError(Exception):
    """Files that could not be written; the message says why in a sentence."""


class Busy(Exception):
    """Another run holds the folder's lock."""


_held: set[int] = set()  # the descriptors of the lock files this process holds


def _release_in_child() -> None:
    """A forked worker lets go of the run's locks. Otherwise a run killed with -9 would leave its
    folder locked until each of its workers had noticed and ended, and a --resume straight after
    would be told another run is writing. Its descriptor is pointed at /dev/null rather than closed:
    the parent's file object, copied into the child, stays harmless should it ever be closed."""
    if not _held:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for descriptor in _held:
        os.dup2(null, descriptor)
    os.close(null)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_release_in_child)


@contextmanager
def locked(folder: Path, what: str = "tutor grade") -> Iterator[None]:
    """Hold the folder's lock for the body (creating the folder); Busy if another run holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stream = (folder / LOCK_NAME).open("a")
    except OSError as error:
        raise OutputError(f"can't write to {folder} ({error.strerror})") from None
    with stream:
        if fcntl is not None:
            try:
                fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise Busy(f"another {what} is writing to {folder}; wait for it to finish, "
                           "or choose another folder") from None
        for stale in folder.glob(f"{_TEMPORARY}*"):  # left by a run that was killed while writing
            stale.unlink(missing_ok=True)
        _held.add(stream.fileno())
        try:
            yield
        finally:
            _held.discard(stream.fileno())


def sweep(target: Path) -> None:
    """Remove the temporary file a killed run may have left for `target`, in a folder not locked."""
    (target.parent / f"{_TEMPORARY}{target.name}").unlink(missing_ok=True)


Writer = Callable[[TextIO], object]


def write_together(folder: Path, files: dict[str | Path, Writer]) -> list[Path]:
    """Write each file (its name in `folder`, or a path elsewhere -> a function writing its text) and
    put them all in place together.

    OutputError, with the previous files untouched, if any of them can't be written.
    """
    targets = [folder / name for name in files]
    # What could make a rename fail is refused before any file is written: a rename failing once
    # the first is done would leave the set half replaced.
    parents = {parent: resolved(parent) for parent in {target.parent for target in targets}}
    places = {parents[target.parent] / target.name for target in targets}
    if len(places) < len(targets):
        raise OutputError(f"can't write the reports in {folder}: two of them are the same file; "
                          "the previous reports are unchanged")
    if taken := next((target for target in targets if target.is_dir()), None):
        raise OutputError(f"can't write {taken}: it is a folder; the previous reports are unchanged")
    temporary = {target: target.parent / f"{_TEMPORARY}{target.name}" for target in targets}
    try:
        for target, write in zip(targets, files.values()):
            target.parent.mkdir(parents=True, exist_ok=True)
            with temporary[target].open("w", encoding="utf-8", newline="") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException as error:  # a bug or ^C too: no temporary file is left behind
        for path in temporary.values():
            path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"can't write the reports in {folder} ({error.strerror}); "
                              "the previous reports are unchanged") from None
        raise
    for target, path in temporary.items():
        os.replace(path, target)
    for parent in dict.fromkeys(target.parent for target in targets):
        _sync(parent)
    return targets


def _sync(folder: Path) -> None:
    """Make the renames durable (where a folder can be opened to flush it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def first_free(name: Callable[[str], Path]) -> Path:
    """The first of name(""), name("-2") ... name("-999") that no file takes, else name("-PID"): a file set
    aside never takes the place of one set aside before."""
    for number in range(1, 1000):
        place = name("" if number == 1 else f"-{number}")
        if not place.exists():
            return place
    return name(f"-{os.getpid()}")
