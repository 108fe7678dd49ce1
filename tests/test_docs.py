"""Every example in the README and the docs/ pages prints what the page says it prints.

Each page is one test: its examples run in order in a scratch folder of its own, where `tests/` and
`exercises/` of the checkout are visible.

- A ```console block is a terminal session: `tutor ...` runs in this process (with
  `VAR=value` prefixes and `> FILE` honoured), `echo $?` gives its exit status, and other
  commands (`cat`, `cut`, `grep`) run in bash. A `$ cat FILE` of a file the page has not made
  yet creates it from the text shown, so the pages' own examples are their fixtures.
  Durations (`0.8 s`) are compared as `N s`, since they change from run to run, and
  trailing spaces are not compared.
- In `$ tutor practice ...` (or plain `$ tutor`, with options or without), each `answer> TEXT` line is typed into the
  practice REPL, through prompt_toolkit's pipe input, and the session ends with Ctrl-D after
  the last one; what the REPL prints must be the rest of the block.
- A ```pycon block runs as a doctest; the page's pycon blocks share their names.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import shlex
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tutor.cli import main

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
PROMPT = "answer> "


@dataclass(frozen=True)
class Block:
    page: Path
    language: str  # console or pycon
    text: str

    @property
    def name(self) -> str:
        first = self.text.lstrip("$> ").partition("\n")[0]
        return f"{self.page.relative_to(REPO)}: {first[:60]}"


def _blocks(page: Path) -> list[Block]:
    found = re.findall(r"^[ \t]*```(console|pycon)\n(.*?)^[ \t]*```", page.read_text(encoding="utf-8"),
                       re.S | re.M)
    return [Block(page, language, textwrap.dedent(text)) for language, text in found]  # blocks may sit in a list


def _commands(block: str) -> list[tuple[str, str]]:
    pairs = []
    for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
        command, _, output = chunk.partition("\n")
        pairs.append((command, output))
    return pairs


def _normal(text: str) -> str:
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]  # a terminal shows no trailing spaces
    return re.sub(r"\b\d+(\.\d+)? s\b", "N s", "\n".join(lines))


class Console:
    """One page's scratch folder, and the terminal its examples run in."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.monkeypatch = pytest.MonkeyPatch()
        self.status = 0
        self.names: dict = {}  # the page's pycon blocks share them
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
        redirect = words[-1] if words[-2:-1] == [">"] else None
        argv = words[1:-2] if redirect else words[1:]
        if not argv or argv[0] == "practice" or argv[0].startswith("--"):  # `tutor --pack drills` practises
            return self.practise(argv, [line[len(PROMPT):] for line in expected.splitlines()
                                        if line.startswith(PROMPT)])
        screen, redirected = io.StringIO(), io.StringIO()  # a terminal shows both streams as written
        with self.here(environment), contextlib.redirect_stdout(redirected if redirect else screen), \
                contextlib.redirect_stderr(screen):
            self.status = main(argv)
        if redirect not in (None, "/dev/null"):
            (self.folder / redirect).write_text(redirected.getvalue(), encoding="utf-8")
        return screen.getvalue()

    def practise(self, argv: list[str], answers: list[str]) -> str:
        """The practice REPL with `answers` piped into it, a line each: what it printed, a transcript."""
        screen = io.StringIO()
        with self.here({}) as patch, contextlib.redirect_stdout(screen):
            patch.setattr(sys, "stdin", io.StringIO("".join(answer + "\n" for answer in answers)))
            self.status = main(argv)
        return screen.getvalue()

    @contextlib.contextmanager
    def here(self, environment: dict[str, str]):
        with self.monkeypatch.context() as patch:
            patch.chdir(self.folder)
            patch.setenv("TUTOR_HOME", str(self.folder / "home"))
            for name, value in environment.items():
                patch.setenv(name, value)
            yield patch

    def doctest(self, block: Block) -> str:
        """Runs a pycon block; the failures as doctest reports them (empty when it passes)."""
        test = doctest.DocTestParser().get_doctest(block.text, self.names, block.name, str(block.page), 0)
        report = io.StringIO()
        with self.here({}):
            doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test, out=report.write, clear_globs=False)
        return report.getvalue()


EXAMPLES = {page: _blocks(page) for page in PAGES}


def test_the_pages_have_runnable_examples():
    commands = [words for blocks in EXAMPLES.values() for b in blocks if b.language == "console"
                for words, _ in _commands(b.text)]
    assert len(commands) >= 80
    readme = [words.split() for b in EXAMPLES[PAGES[0]] for words, _ in _commands(b.text) if words.startswith("tutor")]
    faces = {words[1] if len(words) > 1 else "practice" for words in readme}
    assert faces >= {"practice", "check", "solve", "pack", "grade", "plot"}


@pytest.mark.parametrize("page", [p for p in PAGES if EXAMPLES[p]], ids=lambda p: str(p.relative_to(REPO)))
def test_page(page, tmp_path):
    """The page's examples, in order, in a folder of their own: a block may use what earlier ones made."""
    console = Console(tmp_path)
    for block in EXAMPLES[page]:
        if block.language == "pycon":
            assert console.doctest(block) == "", block.name
            continue
        for command, expected in _commands(block.text):
            assert _normal(console.run(command, expected)) == _normal(expected), command


def test_no_command_quoted_in_the_docs_gives_an_option_a_value_that_starts_with_a_minus():
    """Finding 499: `--region "-3<=x<=3"`, copied from a page, is a usage error (argparse reads "-3..." as an
    option): a value that starts with '-' is joined to its option with '=', as the pages say."""
    quoted = [(page.name, command) for page in [REPO / "README.md", *(REPO / "docs").rglob("*.md")]
              for command in re.findall(r"`(tutor [^`]*)`", page.read_text(encoding="utf-8"), re.DOTALL)]
    assert len(quoted) > 100
    assert [(page, command) for page, command in quoted if re.search(r"--[a-z][a-z-]*\s+[\"']?-(?!-)", command)] == []
