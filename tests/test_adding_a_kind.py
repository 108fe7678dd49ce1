"""docs/contributing/adding-a-kind.md, followed to the letter.

Its excerpts of a real kind are in the real files; the new kind it builds,
from its code blocks in a copy of the package, registers as the page says,
loads in a pack, and the page's commands print what the page shows.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "docs" / "contributing" / "adding-a-kind.md"
TEXT = PAGE.read_text(encoding="utf-8")
TITLED = re.findall(r'```\w+ title="([^"]+)"\n(.*?)```', TEXT, re.S)  # (title, code)
NEW = "tutor/topics/function_value/"


def test_the_excerpts_of_the_real_kind_are_in_its_files():
    real = [(title, code) for title, code in TITLED if title.startswith("tutor/topics/gradient_descent/")]
    assert len(real) >= 4
    for title, code in real:
        assert code.strip("\n") in (REPO / title).read_text(encoding="utf-8"), title


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The package with the page's new kind: its files, its two registry lines."""
    root = tmp_path_factory.mktemp("kind")
    shutil.copytree(REPO / "tutor", root / "tutor", ignore=shutil.ignore_patterns("__pycache__"))
    files = [(title, code) for title, code in TITLED if title.startswith(NEW)]
    assert {Path(t).name for t, _ in files} == {"__init__.py", "exercise.py", "steps.py", "misconceptions.py",
                                               "solve.py"}
    for title, code in files:
        (root / title).parent.mkdir(parents=True, exist_ok=True)
        (root / title).write_text(code, encoding="utf-8")
    (registry,) = [code for title, code in TITLED if title.startswith("tutor/topics/__init__.py")]
    assert registry.splitlines() == ["    function_value,", "    function_value.TOPIC,"]
    path = root / "tutor" / "topics" / "__init__.py"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    fix_variable,\n    gradient,\n", "    fix_variable,\n    function_value,\n    gradient,\n")
    text = re.sub(r"(TOPICS: tuple\[Topic, \.\.\.\] = \(\n(?:    \w+\.TOPIC,\n)*)\)",
                  r"\1    function_value.TOPIC,\n)", text)
    assert text.count("function_value") == 2, "the registry's layout changed: update the page and this test"
    path.write_text(text, encoding="utf-8")
    (pack,) = [code for title, code in TITLED if title == "values.yaml"]
    (root / "values.yaml").write_text(pack, encoding="utf-8")
    return root


def _tutor(copy: Path, *words: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(copy), "TUTOR_HOME": str(copy / "home")}
    return subprocess.run([sys.executable, "-m", "tutor", *words], cwd=copy, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_the_page_says_to_list_the_folder_for_installation():
    assert '"tutor.topics.function_value"' in TEXT and "pyproject.toml" in TEXT


def test_the_pages_commands_print_what_it_shows(copy):
    (console,) = re.findall(r"```console[^\n]*\n(.*?)```", TEXT, re.S)  # titled: the docs' own runner leaves it
    for chunk in re.split(r"^\$ ", console, flags=re.M)[1:]:
        command, _, shown = chunk.partition("\n")
        words = shlex.split(command)
        assert words[0] == "tutor"
        done = _tutor(copy, *words[1:])
        assert done.stdout + done.stderr == shown, command


def test_the_new_kind_is_in_the_schema_with_its_keys(copy):
    done = _tutor(copy, "pack", "schema")
    kinds = json.loads(done.stdout)["properties"]["exercises"]["items"]["oneOf"]
    (kind,) = [k for k in kinds if k["properties"]["kind"] == {"const": "function_value",
                                                                 "description": "the kind of exercise"}]
    assert {"function", "at"} <= set(kind["required"]) | set(kind["properties"])


def test_the_new_kind_has_its_steps_hints_and_diagnosis(copy):
    probe = ("from tutor import packs; from tutor.feedback import respond; from tutor.steps import render_text\n"
             "e = packs.load('values.yaml').exercise('value-at-2-3').variant()\n"
             "print(render_text(e.steps())); print(e.hints()[0]); print(respond(e, '20').note)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)},
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.splitlines() == [
        "The value of f = x²y + y at (2, 3): 15", "1. Put the point in: f(2, 3) = 15.",
        "Put in x = 2 and y = 3.", "misconception:point-put-in-backwards"], done.stderr
