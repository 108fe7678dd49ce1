"""Every ```console example in the README prints what the README says it prints.

The blocks run in order in one scratch folder, where `tests/` and
`exercises/` of the checkout are visible, one command after another: `tutor ...` runs in this
process (with `VAR=value` prefixes and `> /dev/null` honoured), `echo $?` gives
its exit status, and other commands (`cat`, `cut`, `grep`) run in bash. A
`$ cat FILE` of a file the block has not made yet creates it from the text
shown, so the README's own examples are its fixtures. Durations (`0.8 s`) are
compared as `N s`, since they change from run to run.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import textwrap
from pathlib import Path

import pytest

from tutor.cli import main

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"


def _blocks() -> list[str]:
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [textwrap.dedent(block) for block in blocks]  # blocks may sit indented in a list


def _commands(block: str) -> list[tuple[str, str]]:
    pairs = []
    for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
        command, _, output = chunk.partition("\n")
        pairs.append((command, output))
    return pairs


def _normal(text: str) -> str:
    return re.sub(r"\b\d+(\.\d+)? s\b", "N s", text.rstrip("\n"))


class Console:
    def __init__(self, folder: Path):
        self.folder = folder
        self.monkeypatch = pytest.MonkeyPatch()
        self.status = 0
        for name in ("tests", "exercises"):
            (folder / name).symlink_to(REPO / name)

    def run(self, command: str, expected: str) -> str:
        if command == "echo $?":
            return f"{self.status}\n"
        words = shlex.split(command)
        if words[0] == "cat" and len(words) == 2 and not (self.folder / words[1]).exists():
            target = self.folder / words[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(expected, encoding="utf-8")
        if "tutor" not in words[:3] or "|" in words:
            done = subprocess.run(["bash", "-c", command], cwd=self.folder, capture_output=True, text=True)
            self.status = done.returncode
            return done.stdout + done.stderr
        environment = {}
        while "=" in words[0]:
            name, _, value = words.pop(0).partition("=")
            environment[name] = value
        quiet = words[-2:] == [">", "/dev/null"]
        argv = words[1:-2] if quiet else words[1:]
        screen, discarded = io.StringIO(), io.StringIO()  # a terminal shows both streams as written
        with self.monkeypatch.context() as patch:
            patch.chdir(self.folder)
            patch.setenv("TUTOR_HOME", str(self.folder / "home"))
            for name, value in environment.items():
                patch.setenv(name, value)
            with contextlib.redirect_stdout(discarded if quiet else screen), contextlib.redirect_stderr(screen):
                self.status = main(argv)
        return screen.getvalue()


BLOCKS = _blocks()


def test_the_readme_has_runnable_examples():
    assert sum(len(_commands(b)) for b in BLOCKS) >= 20


@pytest.fixture(scope="module")
def console(tmp_path_factory) -> Console:
    return Console(tmp_path_factory.mktemp("readme"))


@pytest.mark.parametrize("block", BLOCKS, ids=[_commands(b)[0][0][:60] for b in BLOCKS])
def test_readme_console_block(block, console):
    for command, expected in _commands(block):
        assert _normal(console.run(command, expected)) == _normal(expected), command
