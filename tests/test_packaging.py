"""The installed package holds every module and the built-in packs."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_installation():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "tutor").rglob("__init__.py")}
    assert found | {"tutor.exercises"} == listed


def test_ci_runs_the_readmes_test_command_and_the_linters():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in start.splitlines()]
    assert len(commands) == 2  # one to install and practise, one to install what the tests need and run them
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].replace("pip install", "pip install --quiet") in ci
    assert "\nruff check tutor tests benchmarks docs\nmypy\n" in ci


def test_ci_refuses_to_run_without_the_conformance_suites(tmp_path):
    clone = tmp_path / "tutor"
    (clone / ".ci").mkdir(parents=True)
    shutil.copy(REPO / ".ci" / "run", clone / ".ci" / "run")
    done = subprocess.run(["bash", str(clone / ".ci" / "run")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "CI needs ../shared/conformance (the external suites) beside the clone\n"
