"""`tutor plot ...` as a person runs it: a PNG and its path, --text in the terminal, one-line errors."""

from __future__ import annotations

import pytest

from tutor.cli import main

pytest.importorskip("matplotlib")

SAUNA = "85 - 1/90 x^2 (x - 6) y^2 (y - 6)"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["plot", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("argv, name", [
    (["surface", "x^2 + y^2", "--tangent-at", "x=2,y=4", "--slices"], "surface.png"),
    (["contour", SAUNA, "--critical", "--region", "0 <= x <= 5, 0 <= y <= 5"], "contour.png"),
    (["descent", SAUNA, "--start", "0.5,0.6", "--rate", "0.05", "--iterations", "30"], "descent.png"),
    (["descent", "e^x - ln x", "--start", "0.05", "--rate", "0.005", "--iterations", "12"], "descent.png"),
    (["descent", "--points", "(1,2), (2,5), (3,3)", "--start", "0,0", "--rate", "0.01", "--iterations", "5"],
     "descent.png"),
    (["fit", "--points", "(1,2), (2,5), (3,3)"], "fit.png"),
])
def test_each_command_writes_a_png_named_after_it_and_prints_its_path(capsys, tmp_path, monkeypatch, argv, name):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (0, f"{name}\n", "")
    assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_out_names_the_file(capsys, tmp_path):
    data = tmp_path / "lines.csv"
    data.write_text("house,cost\n1,2\n2,5\n3,3\n", encoding="utf-8")
    target = tmp_path / "power lines.png"
    status, out, _ = run(capsys, "fit", "--csv", str(data), "--x", "house", "--y", "cost", "--out", str(target))
    assert status == 0 and out == f"{target}\n" and target.stat().st_size > 10_000


def test_text_draws_in_the_terminal_and_writes_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "contour", SAUNA, "--critical", "--text")
    assert status == 0 and list(tmp_path.iterdir()) == []
    assert out.startswith("f(x, y) = 85 - x²(x - 6)y²(y - 6)/90\n")
    assert "v  minimum (4, 4)" in out and "x  saddle (6, 6)" in out


@pytest.mark.parametrize("argv, message", [
    (["surface", "x^2 + y^2", "--slices"], "the slices go through a point: give it, like --tangent-at x=2,y=4"),
    (["surface", "x^2 + y^2", "--tangent-at", "x=2"], "can't read the point 'x=2': y is missing"),
    (["contour", "x^2 +"], "can't read the function 'x^2 +': missing operand after '+'"),
    (["contour", "x^2"], "a contour map needs a function of 2 variables, and this one has 1 (the variable is x)"),
    (["contour", "x^2 + y^2", "--region", "0 <= x <="], "each side of a comparison needs a value"),
    (["descent", "x^2", "--start", "1", "--rate", "1.5"], "try a smaller learning rate"),
    (["descent", "x^2 + y^2", "--start", "1", "--rate", "0.1"], "give 2 values (the variables are x and y)"),
    (["fit"], "give the data either with --points or with --csv FILE --x COLUMN --y COLUMN"),
    (["fit", "--points", "(1,2), (2,5)", "--out", "/nonexistent/folder/fit.png"],
     "can't write /nonexistent/folder/fit.png: No such file or directory"),
])
def test_errors_are_one_sentence_with_exit_2(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("tutor: ") and message in err and err.count("\n") == 1
