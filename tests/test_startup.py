"""What `tutor` imports before it answers: `tutor progress` and `tutor pack list` no sympy at all,
`tutor --help` no command's module, and the first prompt of `tutor` not the grader.

Each command runs in a fresh interpreter (`python -m tutor`, as a person starts it) with its own
TUTOR_HOME; the interpreter then reports which modules were imported. The CPU time these save is
measured by benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.cli import COMMANDS
from tutor.store import Store

REPO = Path(__file__).resolve().parents[1]
PROBE = """\
import json, runpy, sys
sys.argv = ['tutor', *sys.argv[1:]]
try:
    runpy.run_module('tutor', run_name='__main__')
except SystemExit as done:
    status = done.code
print(json.dumps({'status': status, 'modules': sorted(sys.modules)}))
"""


def tutor(home: Path, *argv: str, stdin: str = "") -> tuple[int, str, set[str]]:
    """`tutor ARGV` in a fresh interpreter: its exit status, what it printed, the modules it imported."""
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], input=stdin, capture_output=True, text=True,
                          env={"TUTOR_HOME": str(home), "PATH": "", "PYTHONPATH": str(REPO)}, timeout=120)
    *printed, report = done.stdout.splitlines()
    found = json.loads(report)
    return found["status"], "\n".join(printed) + done.stderr, set(found["modules"])


def sympy_in(modules: set[str]) -> bool:
    return any(name == "sympy" or name.startswith("sympy.") for name in modules)


def test_pack_list_imports_no_sympy(tmp_path):
    status, printed, modules = tutor(tmp_path, "pack", "list")
    assert status == 0
    assert printed.splitlines()[0].split()[:3] == ["gradients", "44", "exercises"]
    assert not sympy_in(modules)


def test_progress_imports_no_sympy(tmp_path):
    progress = Store(tmp_path / "progress.sqlite3")
    ana = progress.student("ana")
    session = progress.start_session(ana, "gradients", seed=1)
    progress.record(session, ana, "gradients", "fix-y-4", "graded", "2x", "correct", "", 0, ["partials"])
    progress.end_session(session)
    progress.close()
    status, printed, modules = tutor(tmp_path, "progress")
    assert status == 0
    assert printed.startswith("ana: 1 of 1 answer right in 1 session\n  partials ")
    assert not sympy_in(modules)


def test_progress_without_a_database_imports_no_sympy(tmp_path):
    status, printed, modules = tutor(tmp_path, "progress")
    assert (status, printed) == (2, f"tutor: no progress yet at {tmp_path / 'progress.sqlite3'}; "
                                    "start with: tutor practice\n")
    assert not sympy_in(modules)


def test_the_probe_sees_sympy_where_a_command_needs_it(tmp_path):
    status, printed, modules = tutor(tmp_path, "pack", "list", str(REPO / "exercises" / "drills.yaml"))
    assert status == 0 and printed.splitlines()[-1].startswith("drills ")
    assert sympy_in(modules)  # a pack file is read and its answers computed


def test_help_lists_every_command_without_importing_them(tmp_path):
    status, printed, modules = tutor(tmp_path, "--help")
    assert status == 0
    listed = " ".join(printed.split())  # argparse wraps the summaries to the terminal's width
    assert all(f"{name} {command.summary}" in listed for name, command in COMMANDS.items())
    assert sorted(name for name in modules if name.startswith("tutor.cli.")) == []
    assert not sympy_in(modules)


@pytest.mark.parametrize(("argv", "imported"), [
    (["progress"], ["progress"]), (["pack", "list"], ["pack"]),
    (["check", "--help"], ["check", "pack", "pack_files"]),  # --exercise reads a pack
])
def test_a_command_imports_its_own_modules_alone(tmp_path, argv, imported):
    _status, _printed, modules = tutor(tmp_path, *argv)
    assert sorted(name for name in modules if name.startswith("tutor.cli.")) == [f"tutor.cli.{m}" for m in imported]


def test_the_first_prompt_waits_for_no_grader(tmp_path):
    status, printed, modules = tutor(tmp_path, "--seed", "1", "--student", "ana", stdin=":quit\n")
    assert status == 0 and "answer>" in printed
    assert {"tutor.grade", "tutor.reports", "tutor.lms", "tutor.roster", "tutor.analysis"} & modules == set()


def _pictures_and_steps(modules: set[str]) -> list[str]:
    """tutor.plot, tutor.steps and the kinds' own step builders (tutor.topics.<kind>.steps), and what draws."""
    return sorted(name for name in modules
                  if name.split(".")[:2] in (["tutor", "plot"], ["tutor", "steps"])
                  or (name.startswith("tutor.topics.") and name.endswith(".steps"))
                  or name.split(".")[0] in ("matplotlib", "numpy"))


def test_the_first_prompt_loads_no_pictures_and_no_steps(tmp_path):
    status, printed, modules = tutor(tmp_path, "--seed", "1", "--student", "ana", stdin=":quit\n")
    assert status == 0 and "answer>" in printed
    assert _pictures_and_steps(modules) == []


def test_steps_load_when_asked_for(tmp_path):
    """The check above can fail: `:steps` loads the step builders, the shared ones and the kind's own."""
    status, printed, modules = tutor(tmp_path, "--seed", "1", "--student", "ana", stdin=":steps\n:quit\n")
    assert status == 0 and "1. Sum/difference rule: differentiate term by term" in printed
    loaded = _pictures_and_steps(modules)
    assert "tutor.steps" in loaded and any(name.startswith("tutor.topics.") for name in loaded)


@pytest.mark.parametrize("argv", [[], ["check", "2x", "--exercise", "gradients:partial-x-x2y2"], ["solve", "--help"]])
def test_ctrl_c_while_a_command_loads_ends_quietly(monkeypatch, capsys, argv):
    """Outside check: Ctrl-C in the second `tutor` spends loading sympy printed a 40-line traceback."""
    from tutor import cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "build_parser", interrupted)
    assert cli.main(argv) == cli.EXIT_INTERRUPTED == 130
    assert capsys.readouterr() == ("", "")
