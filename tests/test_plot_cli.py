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


# finding 781: .jpg, .tif and .txt were "something went wrong" (status 70), and .svg left an 827-byte stub
@pytest.mark.parametrize("name, start", [
    ("pic.jpg", b"\xff\xd8\xff"), ("pic.tif", b"II*\x00"), ("pic.PDF", b"%PDF"), ("pic.webp", b"RIFF"),
    ("pic.svg", b"<?xml"),
])
def test_out_writes_the_format_its_suffix_names(capsys, tmp_path, monkeypatch, name, start):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "surface", "x^2+y^2", "--out", name) == (0, f"{name}\n", "")
    assert (tmp_path / name).read_bytes().startswith(start)


def test_an_svg_is_whole_and_the_same_from_run_to_run(capsys, tmp_path, monkeypatch):
    import xml.dom.minidom
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "fit", "--points", "(1,2),(2,5),(3,3)", "--out", "fit.svg") == (0, "fit.svg\n", "")
    first = (tmp_path / "fit.svg").read_bytes()
    assert xml.dom.minidom.parseString(first).documentElement.tagName == "svg"
    assert run(capsys, "fit", "--points", "(1,2),(2,5),(3,3)", "--out", "fit.svg")[0] == 0
    assert (tmp_path / "fit.svg").read_bytes() == first


def test_a_suffix_that_is_no_picture_format_is_refused_before_anything_is_written(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "surface", "x^2+y^2", "--out", "pic.txt") == (
        2, "", "tutor: can't write a picture to pic.txt: .txt is not a picture format; name the file with .png, .svg, "
               ".pdf, .jpg, .tif, .webp, .eps or .ps\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["surface", "contour", "descent", "rates", "fit", "exercise"])
def test_each_plot_help_names_every_format_the_refusal_does(capsys, kind):
    """Outside check h44, N5: `plot rates --help` named .svg, .pdf and .jpg only, where plot.md and the refusal of
    an unknown suffix name eight."""
    with pytest.raises(SystemExit):
        main(["plot", kind, "--help"])
    helped = " ".join(capsys.readouterr().out.split())
    assert "(.png, .svg, .pdf, .jpg, .tif, .webp, .eps or .ps)" in helped


# finding 782: --out noext wrote noext.png and printed noext; --out figs/ wrote figs.png beside the folder
def test_the_path_printed_is_the_file_written(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "figs").mkdir()
    assert run(capsys, "surface", "x^2+y^2", "--out", "noext") == (0, "noext.png\n", "")
    assert run(capsys, "surface", "x^2+y^2", "--out", "figs/") == (0, "figs/surface.png\n", "")
    assert run(capsys, "surface", "x^2+y^2", "--out", "figs") == (0, "figs/surface.png\n", "")
    assert run(capsys, "exercise", "gradients", "tangent-plane-x2y2", "--out", "figs") == (
        0, "figs/tangent-plane-x2y2-question.png\n", "")
    assert sorted(p.name for p in tmp_path.rglob("*.png")) == ["noext.png", "surface.png",
                                                              "tangent-plane-x2y2-question.png"]
    assert sorted(p.name for p in (tmp_path / "figs").iterdir()) == ["surface.png", "tangent-plane-x2y2-question.png"]


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
    (["descent", "x^2 + y^2", "--start", "1", "--rate", "0.1"], "give 2 values (the variables are x and y)"),
    (["fit"], "give the data either with --points or with --csv FILE --x COLUMN --y COLUMN"),
    (["fit", "--points", "(1,2), (2,5)", "--out", "/nonexistent/folder/fit.png"],
     "can't write /nonexistent/folder/fit.png: No such file or directory"),
])
def test_errors_are_one_sentence_with_exit_2(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("tutor: ") and message in err and err.count("\n") == 1


# --- `tutor plot exercise PACK ID`: an exercise's picture, the question only until asked for the answer


def _texts(figure) -> list[str]:
    """Every text a picture shows: its titles, and the labels of its curves, points, segments and arrows."""
    return [figure.title] + [text for panel in figure.panels for text in (
        panel.title, *(c.label for c in panel.curves), *(m.label for m in panel.markers),
        *(s.label for s in panel.segments), *(a.label for a in panel.arrows)) if text]


@pytest.fixture()
def drawn(monkeypatch, tmp_path):
    """The figures `tutor plot` writes (each is written too), with the tutor's home in tmp_path."""
    import tutor.plot

    monkeypatch.setenv("TUTOR_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    figures = []
    write = tutor.plot.write_png
    monkeypatch.setattr(tutor.plot, "write_png", lambda figure, path: figures.append(figure) or write(figure, path))
    return figures


def test_an_exercise_is_drawn_as_its_question_into_the_pictures_folder(capsys, tmp_path, drawn):
    status, out, err = run(capsys, "exercise", "gradients", "tangent-plane-x2y2")
    picture = tmp_path / "home" / "pictures" / "tangent-plane-x2y2-question.png"
    assert (status, out, err) == (0, f"{picture}\n", "")
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in picture.parent.iterdir()] == [picture.name]  # and nothing else, nowhere else
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]
    texts = _texts(drawn[0])
    assert "fix y = 4: f(x, 4) = x² + 16" in texts and "fix x = 2: f(2, y) = y² + 4" in texts  # the question
    assert not any("tangent" in text or "4(x - 2)" in text or "slope" in text for text in texts), texts


def test_with_answers_the_whole_picture(capsys, tmp_path, drawn):
    status, out, _ = run(capsys, "exercise", "gradients", "tangent-plane-x2y2", "--answers")
    picture = tmp_path / "home" / "pictures" / "tangent-plane-x2y2.png"
    assert (status, out) == (0, f"{picture}\n") and picture.is_file()
    texts = _texts(drawn[0])
    assert "tangent plane at (2, 4): z = 20 + 4(x - 2) + 8(y - 4)" in texts
    assert "tangent line, slope ∂f/∂x = 4" in texts


@pytest.mark.parametrize("exercise, answer", [
    ("sauna-critical-points", "minimum (4, 4)"),
    ("power-lines-fit", "y = x/2 + 7/3"),
    ("descent-heat-step-2", "at (0.51148, 0.609482)"),
])
def test_no_question_gives_its_answer_away(capsys, drawn, exercise, answer):
    assert run(capsys, "exercise", "gradients", exercise)[0] == 0
    assert run(capsys, "exercise", "gradients", exercise, "--answers")[0] == 0
    question, whole = drawn
    assert any(answer in text for text in _texts(whole)), _texts(whole)
    assert not any(answer in text for text in _texts(question)), _texts(question)


def test_the_variant_drawn_is_the_students_or_the_seeds(capsys, drawn):
    from tutor import packs

    a, b = (v for _, v in packs.load("gradients").exercise("tangent-plane-x2y2").drawn(3).params)
    status, text, _ = run(capsys, "exercise", "gradients", "tangent-plane-x2y2", "--seed", "3", "--text")
    assert status == 0 and f"fix y = {b}: " in text and f"fix x = {a}: " in text
    assert not drawn  # in the terminal: no PNG
    spec = packs.load("drills").exercise("tp-bowl")
    status, text, _ = run(capsys, "exercise", "drills", "tp-bowl", "--student", "s01", "--text")
    assert status == 0 and text.startswith(f"{spec.variant('s01').problem.signature()}\n")


def test_an_unknown_exercise_or_pack_is_one_sentence(capsys, drawn):
    assert run(capsys, "exercise", "gradients", "tangent-plane") == \
        (2, "", "tutor: pack 'gradients' has no exercise 'tangent-plane'; did you mean 'tangent-plane-x2y2'?\n")
    assert run(capsys, "exercise", "nope.yaml", "a") == \
        (2, "", "tutor: nope.yaml: no such pack file (built-in packs: gradients, drills)\n")
    assert not drawn


def test_matplotlib_says_nothing_on_the_terminal(capsys, tmp_path, monkeypatch):
    """Outside check h42, F12: a PostScript picture printed "The PostScript backend does not support transparency
    ...", and a fit with a point at 10^300 a UserWarning with the path of tutor's own file: the picture is written,
    and its path is all that is printed."""
    import warnings
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        assert run(capsys, "contour", "x^2+y^2", "--critical", "--out", "c.eps") == (0, "c.eps\n", "")
        assert run(capsys, "fit", "--points", "(1,1e300),(2,5),(3,3)", "--out", "f.png") == (0, "f.png\n", "")
    assert warned == []
