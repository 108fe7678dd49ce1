"""An output that can't take Unicode (outside check h23): PYTHONIOENCODING=ascii made `tutor check` print its
verdict and then exit 70 as a bug, `--json` print nothing, a piped session die before its first exercise, and the
REPL show x? for x²."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tutor.plain_output import plain


@pytest.mark.parametrize(("text", "shown"), [
    ("6xy³", "6xy^3"),
    ("e⁻²ˣ − 1/x", "e^(-2x) - 1/x"),
    ("x¹⁰ + x₁", "x^10 + x_1"),
    ("∂f/∂x = 6x·y³", "df/dx = 6x*y^3"),
    ("∇f(2, 3) ≈ (4, 6)", "grad f(2, 3) ~ (4, 6)"),
    ("✓ Correct. ✗ θ ≤ π", "OK Correct. X theta <= pi"),
    ("███·······   3/10", "###.......   3/10"),
    ("plain ascii", "plain ascii"),
])
def test_the_maths_in_ascii(text: str, shown: str) -> None:
    assert plain(text) == shown


def _tutor(*args: str, given: str = "", home: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "HOME": home or os.environ.get("HOME", "/tmp")}
    return subprocess.run([sys.executable, "-m", "tutor", *args], input=given.encode(), capture_output=True,
                          env=env, timeout=120, check=False)  # type: ignore[call-overload]


def test_check_under_an_ascii_encoding() -> None:
    done = _tutor("check", "6xy^3", "--expected", "6*x*y**3")
    assert (done.returncode, done.stdout.decode("ascii").splitlines()) == (0, ["correct", "Correct.", "read as: 6xy^3"])
    done = _tutor("check", "6xy^3", "--expected", "6*x*y**3", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["reading"] == "6xy³"  # escaped: the data kept exact
    assert b"\\u00b3" in done.stdout


def test_a_piped_session_under_an_ascii_encoding(tmp_path) -> None:
    """The answers are UTF-8 whatever the locale: 2y³ is read as typed, not as "the byte 0xC2"."""
    done = _tutor("--student", "f1", "--seed", "1", given="2x\n2y³\n", home=str(tmp_path))
    out = done.stdout.decode("ascii")
    assert done.returncode == 0, done.stderr
    assert "d/dx of g(x) = x^2 + 16" in out and "OK Correct." in out and "(your answer, as read: 2y^3)" in out


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("check", "6xy^2", "--expected", "6*x*y**3"), ("--help",),
                                  ("solve", "tangent", "x^2+y^2", "--at", "x=2,y=4", "--steps")])
def test_a_full_disk_for_standard_output_is_told_not_called_a_bug(args: tuple[str, ...]) -> None:
    """Was exit 70, "this is a bug in the tutor" (and `--help`, exit 0 and nothing said)."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tutor", *args], stdout=full, stderr=subprocess.PIPE,
                              timeout=120, check=False)
    assert (done.returncode, done.stderr.decode()) == (
        74, "tutor: the output could not be written (No space left on device)\n")
