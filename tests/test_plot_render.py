"""Drawing: a valid PNG of a sensible size for every picture, and a terminal picture that shows
the same things. Pixels are not compared; what is drawn is tested on the Figure itself."""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

import pytest

from tutor import packs
from tutor.calculus import SolveError
from tutor.plot import (
    NoMatplotlib,
    contour_figure,
    descent_figure,
    fit_figure,
    picture_for,
    render_text,
    surface_figure,
    write_png,
)

pytest.importorskip("matplotlib")

SAUNA = "85 - 1/90 x^2 (x - 6) y^2 (y - 6)"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's header (its first chunk, IHDR)."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


FIGURES = {
    "surface": lambda: surface_figure("x^2 + y^2", at="x=2,y=4", slices=True),
    "contour": lambda: contour_figure(SAUNA, critical=True, region="0 <= x <= 5, 0 <= y <= 5", name="T"),
    "descent": lambda: descent_figure(SAUNA, "0.5, 0.6", "0.05", iterations=100),
    "descent-1d": lambda: descent_figure("e^x - ln x", "0.05", "0.005", iterations=12),
    "fit": lambda: fit_figure("(1,2), (2,5), (3,3)"),
}


@pytest.mark.parametrize("name", FIGURES)
def test_each_picture_is_a_png_of_sensible_size(tmp_path, name):
    figure = FIGURES[name]()
    path = write_png(figure, tmp_path / f"{name}.png")
    assert path == tmp_path / f"{name}.png"
    width, height = png_size(path)
    assert (width, height) == ((1300, 680) if len(figure.panels) > 1 else (800, 640))
    assert 10_000 < path.stat().st_size < 2_000_000


def test_picture_for_an_exercise(tmp_path, monkeypatch):
    lesson = packs.load("gradients")
    exercise = lesson.exercise("sauna-critical-points").variant()
    path = picture_for(exercise, tmp_path / "room.png")
    assert path == tmp_path / "room.png" and png_size(path) == (800, 640)
    monkeypatch.chdir(tmp_path)  # without `out`, the exercise's id names the file here
    assert picture_for(lesson.exercise("power-lines-fit").variant()) == Path("power-lines-fit.png")
    assert png_size(tmp_path / "power-lines-fit.png") == (800, 640)
    with pytest.raises(SolveError, match="has no picture"):
        picture_for(packs.load("drills").exercise("ex-cost-at-origin").variant(), tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()


def test_without_matplotlib_png_pictures_say_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # makes importing it fail
    with pytest.raises(NoMatplotlib, match=r"pip install 'matplotlib>=3.7' \(or draw in the terminal with --text\)"):
        write_png(fit_figure("(1,2), (2,5), (3,3)"), tmp_path / "fit.png")


# ------------------------------------------------------------------------------ text


def canvas(text: str) -> list[str]:
    """The plotting area's rows: the lines between the y axis's top and the x axis."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.endswith("▲"))
    bottom = next(i for i, line in enumerate(lines) if "└" in line)
    return [line.partition("│")[2] for line in lines[top + 1:bottom]]


def test_text_contour_map_marks_the_critical_points_and_the_room():
    text = render_text(FIGURES["contour"](), width=70, height=20)
    assert text.splitlines()[0] == "T(x, y) = 85 - x²(x - 6)y²(y - 6)/90"
    rows = canvas(text)
    assert len(rows) == 20 and all(len(row) <= 60 for row in rows)
    assert sum(row.count("v") for row in rows) == 1 and sum(row.count("x") for row in rows) == 1
    assert sum(row.count("#") for row in rows) > 40  # the room's outline
    assert sum(row.count("~") for row in rows) > 20  # the lines x = 0 and y = 0, where the room does not cover them
    for key in ("v  minimum (4, 4)", "x  saddle (6, 6) (outside the region)", "#  region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5",
                "~  x = 0: a line of critical points", "shades: . lowest, "):
        assert key in text


def test_text_minimum_is_where_the_map_says():
    figure = contour_figure("(x - 1)^2 + (y + 1)^2", critical=True)
    rows = canvas(render_text(figure, width=50, height=21))
    (row,) = [r for r, line in enumerate(rows) if "v" in line]
    column = rows[row].index("v")
    (x0, x1), (y0, y1) = figure.panels[0].limits
    assert x0 + (x1 - x0) * column / 39 == pytest.approx(1, abs=(x1 - x0) / 39)
    assert y1 - (y1 - y0) * row / 20 == pytest.approx(-1, abs=(y1 - y0) / 20)


def test_text_descent_shows_the_iteration_numbers():
    text = render_text(FIGURES["descent-1d"](), width=80)
    drawn = "".join(canvas(text))
    for number in ("0", "1", "2", "12"):
        assert number in drawn
    assert "o  the iterates, some with their number (0 is the start)" in text


def test_text_fit_and_surface():
    text = render_text(FIGURES["fit"]())
    assert "|  residuals: -5/6, +5/3, -5/6" in text and "*  y = x/2 + 7/3" in text
    surface = render_text(FIGURES["surface"]())
    assert surface.count("▲") == 3  # the surface from above and the two slices
    assert "O  (2, 4, 20)" in surface and "·  tangent line, slope ∂f/∂y = 8" in surface


# ----------------------------------------------------------------------------- safety


def test_no_code_is_ever_run_to_draw():
    """The hard rule: nothing in tutor/plot evaluates text or compiles code (no lambdify)."""
    forbidden = {"eval", "exec", "compile", "sympify", "parse_expr", "lambdify", "__import__"}
    for source in (Path(__file__).resolve().parents[1] / "tutor" / "plot").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "name", None)
            assert name not in forbidden, f"{source}: {name}"


def test_a_title_wraps_between_words_never_inside_a_formula():
    """Outside check h59, P4: titles were cut inside brackets and beside a relation: "9(y -" / "1)", "f =" /
    "1469.77", "0" / "≤ y ≤ 5"."""
    from tutor.plot.png import title_lines

    lines = title_lines("Critical points of T in the region 0 ≤ x ≤ 5, 0 ≤ y ≤ 5\nz = 3 + 6(x - 1) + 9(y - 1) "
                        "at (1, 1, 3); α = 1.1: diverged, f = 1469.77", 24)
    assert [line.replace("\u00a0", " ") for line in lines] == [
        "Critical points of T in", "the region 0 ≤ x ≤ 5,", "0 ≤ y ≤ 5",
        "z = 3 + 6(x - 1) +", "9(y - 1) at (1, 1, 3);", "α = 1.1: diverged,", "f = 1469.77"]
