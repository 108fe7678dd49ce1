"""How a descent (and a comparison of rates) ends, as a numerical analyst checked it: findings 573, 576, 577
and 586."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from tutor.calculus.common import function_of, symbols
from tutor.calculus.partials import derivative
from tutor.cli import main
from tutor.evaluate import Together, Undefined, compile_expression


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["solve", *argv])
    out, err = capsys.readouterr()
    return status, out, err


# finding 573: f and its gradient are evaluated together, what they share once; each value is the one the
# expression gives alone, so no iterate moves
@pytest.mark.parametrize("text", ["e^(x y) + x^2 + y^2", "sin(x) cos(y)", "sin(x) + y^2", "e^x + x^2",
                                  "cos(3 y) sin(y) + sin(x y) + cos(x)^2", "sqrt(x^2 + 1) + ln(y) y",
                                  "(x^2 - 1)^2 + y^2 + 0.3x", "x^(2/3) + tan(y)"])
@pytest.mark.parametrize("point", [(0.7312345678912345, 1.312345678912345), (-1.5707963267948857, 2.0 ** -60),
                                   (3.0, 0.25)])
def test_values_together_are_each_expression_alone(text, point):
    f = function_of(text)
    syms = symbols(["x", "y"])
    exprs = (*(derivative(f, v) for v in ("x", "y")), f)
    at = [Fraction(p) for p in point]
    try:
        alone = [compile_expression(e, syms)(at).value for e in exprs]
    except Undefined:
        with pytest.raises(Undefined):
            Together(exprs, syms)(at)
        return
    assert list(Together(exprs, syms)(at)) == alone


def test_ten_thousand_iterations_on_a_non_polynomial_end_as_before(capsys):
    status, out, _ = run(capsys, "descent", "e^(x y) + x^2 + y^2", "--start", "1,1", "--rate", "0.01",
                         "--iterations", "10000")
    assert status == 0
    assert out.splitlines()[-1] == ("stopped after 10000 iterations; the point is (4.32827e-133, 4.32827e-133), "
                                    "where f = 1")


# finding 576: two equal coordinates were written two ways, (-1, -0.999999999): the point is told from the
# start as a whole, every coordinate to the same digits, as the table and the steps write it
@pytest.mark.parametrize("start, point", [("2,-1", "(-1, -1)"), ("-1,2", "(-1, -1)"), ("1,-2", "(1, 1)"),
                                          ("-2,1", "(1, 1)")])
def test_equal_coordinates_are_written_alike(capsys, start, point):
    status, out, _ = run(capsys, "descent", "x^4 + y^4 - 4 x y", f"--start={start}", "--rate", "0.05")
    assert status == 0
    assert out.splitlines()[-1] == (f"converged after 54 iterations: the gradient is smaller than the tolerance; "
                                    f"the point is {point}, where f = -2")
    _, steps, _ = run(capsys, "descent", "x^4 + y^4 - 4 x y", f"--start={start}", "--rate", "0.05", "--steps")
    assert f"so the descent stops at {point}, where f = -2;" in steps.splitlines()[-1]
    _, data, _ = run(capsys, "descent", "x^4 + y^4 - 4 x y", f"--start={start}", "--rate", "0.05", "--json")
    x, y = json.loads(data)["rows"][-1]["point"]
    assert x == y


def test_a_point_near_its_start_gets_the_digits_that_tell_it_apart_in_every_coordinate(capsys):
    status, out, _ = run(capsys, "descent", "x^2 + y^2", "--start", "1,1", "--rate", "0.0000001", "--iterations", "1")
    assert status == 0
    assert out.splitlines()[-1] == ("stopped after 1 iteration; the point is (0.9999998, 0.9999998), "
                                    "where f = 1.999999")


# finding 577: no step, yet a verdict ("it goes downhill, but too slowly"); and |f′| equal to the tolerance
# was said to be above it
@pytest.mark.parametrize("argv", [
    ["descent", "x^2", "--start", "1", "--rate", "1.5", "--tolerance", "0.01", "--iterations", "0"],
    ["descent", "x^2", "--start", "1", "--rate", "0.25", "--tolerance", "2", "--iterations", "0"],
    ["descent", "x^2", "--start", "1", "--rate", "0.25", "--iterations", "-1"],
    ["rates", "x^2", "--start", "1", "--rates", "1.5,0.25", "--iterations", "0", "--tolerance", "0.01"],
])
def test_no_step_is_refused(capsys, argv):
    assert run(capsys, *argv) == (2, "", "tutor: the number of steps must be at least 1\n")


def test_a_gradient_as_long_as_the_tolerance_is_not_below_it(capsys):
    argv = ["x^2", "--start", "1", "--rate", "0.25", "--tolerance", "1", "--iterations", "1"]
    status, out, _ = run(capsys, "descent", *argv)
    assert status == 0
    assert out.splitlines()[-1] == ("did not converge within the 1 iteration asked: |f′| = 1 is not below the "
                                    "tolerance 1; it goes downhill, but too slowly; the point is 0.5, where f = 0.25")
    _, steps, _ = run(capsys, "descent", *argv, "--steps")
    assert steps.splitlines()[-1] == ("4. After 1 iteration, as many as asked, |f′| = 1 is not below the tolerance "
                                      "1: it did not converge; it goes downhill, but too slowly. The point is 0.5, "
                                      "where f = 0.25.")
    _, rates, _ = run(capsys, "rates", "x^2", "--start", "1", "--rates", "0.25", "--tolerance", "1",
                      "--iterations", "1")
    assert "α = 0.25: is too slow (after 1 step |f′| = 1 is not below 1)" in rates.splitlines()


def test_a_gradient_above_the_tolerance_is_still_said_to_be_above(capsys):
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.25", "--tolerance", "0.5",
                         "--iterations", "1")
    assert status == 0
    assert out.splitlines()[-1] == ("did not converge within the 1 iteration asked: |f′| = 1 is still above the "
                                    "tolerance 0.5; it goes downhill, but too slowly; the point is 0.5, "
                                    "where f = 0.25")


# finding 586: "best" compares steps only; rates that converge to different minima are said to
def test_rates_that_converge_to_different_minima_are_said_to(capsys):
    status, out, _ = run(capsys, "rates", "x^4 - 3x^2 + x", "--start", "2", "--rates", "0.01,0.05,0.1,0.15",
                         "--iterations", "100")
    assert status == 0
    assert out.splitlines()[-2:] == [
        "the rates that converge do not end in the same minimum: α = 0.05 at 1.13089 (f = -1.07023) and α = 0.1 "
        "at -1.300845 (f = -3.51391)",
        "best: α = 0.1"]
    _, data, _ = run(capsys, "rates", "x^4 - 3x^2 + x", "--start", "2", "--rates", "0.01,0.05,0.1,0.15",
                     "--iterations", "100", "--json")
    assert json.loads(data)["apart"] is True
    # and the steps say it too, before the best rate (outside check h10: only the summary did)
    _, steps, _ = run(capsys, "rates", "x^4 - 3x^2 + x", "--start", "2", "--rates", "0.01,0.05,0.1,0.15",
                      "--iterations", "100", "--steps")
    lines = steps.splitlines()
    apart = ("The rates that converge do not end in the same minimum: α = 0.05 at 1.13089 (f = -1.07023) and "
             "α = 0.1 at -1.300845 (f = -3.51391). How fast a rate converges says nothing of which minimum it ends in.")
    said = [i for i, line in enumerate(lines) if line.endswith(apart)]
    assert len(said) == 1 and lines[said[0] + 1].split(". ", 1)[1].startswith("The best rate is α = 0.1")


@pytest.mark.parametrize("argv", [
    ["x^2", "--start", "1", "--rates", "1.1,0.001,0.5,0.9,0.25", "--iterations", "20"],  # ends on both sides of 0
    ["sin(x) cos(y)", "--start", "1,1", "--rates", "0.1,0.5,1,2", "--iterations", "200"],
])
def test_rates_that_converge_to_one_minimum_say_nothing_more(capsys, argv):
    status, out, _ = run(capsys, "rates", *argv)
    assert status == 0
    assert "do not end in the same minimum" not in out
    assert out.splitlines()[-1].startswith("best: α = ")


# finding 785: a rate that stalls on a saddle or an inflection converges, and is said to stop where f has no
# minimum, in the words of descent's own last step; it is not the best rate
@pytest.mark.parametrize("argv, said", [
    (["x^2 - y^2", "--start", "1,0", "--rates", "0.1,0.5,0.9", "--iterations", "30"],
     ["α = 0.1: goes downhill (after 30 steps |∇f| = 0.00248 is still above 0.0001; f has no local minimum, so "
      "descent has none to reach)",
      "α = 0.5: converges (|∇f| is below 0.0001 after 1 step; the nearest critical point is (0, 0), 0 away, which "
      "is a saddle point: descent stops wherever ∇f is small, not only near a minimum)",
      "α = 0.9: oscillates (29 of its 29 pairs of steps go back the way they came, and |∇f| fell from 2 to 0.00248: "
      "it closes in, zigzagging, but not below 0.0001 within 30 steps)",
      "no rate converges to a minimum within the steps"]),
    (["x^3", "--start", "1", "--rates", "0.1,0.01", "--iterations", "10000"],
     ["α = 0.1: converges (|f′| is below 0.0001 after 569 steps; the nearest critical point is 0, 0.00577017 away, "
      "which is neither a minimum nor a maximum: descent stops wherever f′ is small, not only near a minimum)",
      "α = 0.01: converges (|f′| is below 0.0001 after 5735 steps; the nearest critical point is 0, 0.0057735 "
      "away, which is neither a minimum nor a maximum: descent stops wherever f′ is small, not only near a "
      "minimum)",
      "no rate converges to a minimum within the steps"]),
])
def test_a_rate_that_converges_where_f_has_no_minimum_says_so_and_is_not_best(capsys, argv, said):
    status, out, _ = run(capsys, "rates", *argv)
    assert status == 0
    assert out.splitlines()[-len(said):] == said
    _, data, _ = run(capsys, "rates", *argv, "--json")
    assert json.loads(data)["best"] is None
    assert all(t["no_minimum"] == (t["behaviour"] == "converges") for t in json.loads(data)["trials"])
    _, out, _ = run(capsys, "rates", *argv, "--steps")
    assert out.splitlines()[-1].endswith(". None of the rates converges to a minimum within "
                                         f"{argv[-1]} steps, so none is best here.")


@pytest.mark.parametrize("argv, said", [
    (["x^2 - y^2", "--start", "1,0", "--rate", "0.1"],
     "converged after 86 iterations: the gradient is smaller than the tolerance; the point is (4.63168e-9, 0), where "
     "f = 2.145249e-17; the nearest critical point is (0, 0), 4.63168e-9 away, which is a saddle point: descent stops "
     "wherever ∇f is small, not only near a minimum"),
    (["x^3", "--start", "1", "--rate", "0.1", "--tolerance", "0.0001"],
     "converged after 569 iterations: |f′| is smaller than the tolerance; the point is 0.00577017, where f = "
     "1.92117e-7; the nearest critical point is 0, 0.00577017 away, which is neither a minimum nor a maximum: "
     "descent stops wherever f′ is small, not only near a minimum"),
    (["x^2 + y^2", "--start", "1,1", "--rate", "0.1"],  # at a minimum: nothing more to say
     "converged after 88 iterations: the gradient is smaller than the tolerance; the point is (2.96428e-9, "
     "2.96428e-9), where f = 1.75739e-17"),
])
def test_a_descent_that_converges_where_f_has_no_minimum_says_so_without_steps(capsys, argv, said):
    """Outside check h58, F2: "converged" alone, at a saddle, was read as a minimum found; only --steps said not."""
    status, out, _ = run(capsys, "descent", *argv)
    assert status == 0
    assert out.splitlines()[-1] == said


@pytest.mark.parametrize("argv, said", [
    (["x^2 - y^2", "--start", "1,0", "--rate", "0.1"],
     "the nearest critical point, (0, 0), is a saddle point: not a minimum"),
    (["x^3", "--start", "1", "--rate", "0.1", "--tolerance", "0.0001"],
     "the nearest critical point, 0, is neither a minimum nor a maximum: not a minimum"),
    (["1 - x^2 - y^2", "--start", "0,0", "--rate", "0.1"],
     "the nearest critical point, (0, 0), is a local maximum: not a minimum"),
    (["x^2 + y^2", "--start", "1,1", "--rate", "0.1"], None),
    # on the lesson's sauna wall x = 0, where its points are maxima (outside check h59, P2), and where minima
    (["85 - 1/90 x^2 (x-6) y^2 (y-6)", "--start", "0,2", "--rate", "0.1"],
     "the nearest critical points, on the line x = 0, are local maxima: not minima"),
    (["85 - 1/90 x^2 (x-6) y^2 (y-6)", "--start", "0.5,7", "--rate", "0.1"], None),
])
def test_a_descent_that_converges_where_f_has_no_minimum_says_so_in_its_picture_and_latex(capsys, argv, said):
    """Outside check h61, N5: the warning `solve` gives was missing from `plot descent`'s title and from --latex."""
    from tutor.plot import descent_figure
    f, _, start, _, rate, *more = argv
    title = descent_figure(f, start, rate, tolerance=float(more[1]) if more else None).panels[0].title
    assert (title.splitlines()[-1] == said) if said else "minimum" not in title
    status, out, _ = run(capsys, "descent", *argv, "--latex")
    assert status == 0 and out.splitlines()[-1].startswith("Converged after ")
    assert ("not only near a minimum." in out) == (said is not None)


def test_the_best_rate_is_said_in_latex(capsys):
    """Outside check h61: `rates --latex` gave each rate's word and never said which was best."""
    status, out, _ = run(capsys, "rates", "x^2", "--start", "1", "--rates", "0.4,0.6,0.1", "--iterations", "20",
                         "--latex")
    assert status == 0 and out.splitlines()[-1] == (
        r"Best: $\alpha$ = 0.4 and $\alpha$ = 0.6, tied (both converge in 7 steps).")


def test_a_rate_that_converges_to_a_minimum_is_best_beside_one_that_stalls(capsys):
    # f′ = x²(x - 1): from -0.5, α = 4 lands on the minimum 1 at once; α = 0.5 creeps up to the inflection 0
    status, out, _ = run(capsys, "rates", "x^4/4 - x^3/3", "--start=-0.5", "--rates", "4,0.5", "--iterations",
                         "5000")
    assert status == 0
    assert out.splitlines()[-3:] == [
        "α = 4: converges (|f′| is below 0.0001 after 1 step)",
        "α = 0.5: converges (|f′| is below 0.0001 after 186 steps; the nearest critical point is 0, 0.0099264495 "
        "away, which is neither a minimum nor a maximum: descent stops wherever f′ is small, not only near a "
        "minimum)",
        "best: α = 4"]


def test_a_rate_that_stalls_on_a_line_of_maxima_is_said_to(capsys):
    # from (0, 2) on the sauna wall x = 0 every rate stays put: ∇f is 0 there, and the wall's points are maxima
    status, out, _ = run(capsys, "rates", "85 - 1/90 x^2 (x-6) y^2 (y-6)", "--start", "0,2", "--rates", "0.1,0.2",
                         "--iterations", "100")
    assert status == 0
    assert out.splitlines()[-3:] == [
        f"α = {rate}: converges (|∇f| is below 0.0001 after 0 steps; the nearest critical points the tutor finds are "
        "on the line x = 0, 0 away, every point of which is critical; there they are local maxima: descent stops "
        "wherever ∇f is small, not only near a minimum)" for rate in ("0.1", "0.2")] + [
        "no rate converges to a minimum within the steps"]


def test_the_steps_table_keeps_a_space_after_a_long_row_label(capsys):
    # rates --steps wrote "k = 5735:converged" once k had four digits: the label's column grows with the last k
    _, out, _ = run(capsys, "rates", "sqrt(x^2 + y^2)", "--start", "3,4", "--rates", "5,0.0001", "--iterations",
                    "6000", "--steps")
    lines = out.splitlines()
    assert lines[lines.index("3. The descents side by side, one column per rate: the point after k steps, and |∇f| "
                             "there in brackets:") + 1:][:3] == [
        "   3.1.           α = 5      α = 0.0001",
        "   3.2. k = 0:    (3, 4) (1) (3, 4) (1)",
        "   3.3. k = 1:    converged  (2.99994, 3.99992) (1)"]
    assert "   3.7. k = 6000: converged  (2.64, 3.52) (1)" in lines


@pytest.mark.parametrize("argv, said", [
    # outside check h40, F2 and F6: a step or a value past a float's range crashed with "OverflowError: cannot
    # convert Infinity to integer ratio", and x² at 1e308 was said to have "no real value" there
    (["exp(exp(x))", "--start", "10", "--rate", "1"], "f or its gradient is too large a number to compute at the "
                                                      "start (x = 10)"),
    (["exp(x)", "--start", "800", "--rate", "0.1", "--iterations", "2"], "f or its gradient is too large a number "
                                                                          "to compute at the start (x = 800)"),
    (["x^2", "--start", "1e308", "--rate", "0.1", "--iterations", "3"], "f or its gradient is too large a number "
                                                                         "to compute at the start (x = 1e308)"),
])
def test_values_too_large_for_a_float_at_the_start_are_said_so(capsys, argv, said):
    assert run(capsys, "descent", *argv) == (2, "", f"tutor: {said}\n")  # as any problem in the input


def test_a_step_past_a_floats_range_is_a_divergence(capsys):
    status, out, _ = run(capsys, "descent", "x^2", "--start", "1", "--rate", "1e308", "--iterations", "3")
    assert status == 0
    assert out.splitlines()[-1] == "diverged at iteration 1: the values grew without bound; try a smaller learning rate"
    status, out, _ = run(capsys, "rates", "x^2", "--start", "1", "--rates", "1e308,0.5", "--iterations", "3")
    assert out.splitlines()[-3] == "α = 1e308: diverges (it diverged at step 1: the values grew without bound)"


def test_the_most_iterations_the_tutor_runs_is_bounded(capsys):
    # outside check h40, F3: --max-iterations 100000000 ran on past two minutes, its rows growing past 1 GiB
    assert run(capsys, "descent", "x^2", "--start", "1", "--rate", "0.1", "--max-iterations", "100001") == (
        2, "", "tutor: the most iterations the tutor runs can be at most 100000, not 100001\n")


@pytest.mark.parametrize("start, rate, said", [
    # outside check h41, N5: 1e70 was echoed in its 71 digits; a number typed in full stays so
    ("1e70", "0.1", "start 1e70, learning rate α = 0.1"),
    ("1e-30", "1e-25", "start 1e-30, learning rate α = 1e-25"),
    ("2.5e-30", "0.1", "start 2.5e-30, learning rate α = 0.1"),
    ("123456789012345678901234567", "0.000001", "start 123456789012345678901234567, learning rate α = 0.000001"),
])
def test_a_start_and_a_rate_are_echoed_as_typed(capsys, start, rate, said):
    status, out, _ = run(capsys, "descent", "x^2", "--start", start, "--rate", rate, "--iterations", "1")
    assert status == 0 and out.splitlines()[2] == said


@pytest.mark.parametrize("argv", [["rates", "x^2", "--start", "1", "--rates", "0.1,-0.5,1", "--iterations", "10"],
                                  ["descent", "x^2", "--start", "1", "--rate", "-0.5"]])
def test_a_rate_refused_is_named(capsys, argv):
    """Outside check h58: of --rates 0,0.5, "the learning rate must be a positive number" did not say which."""
    assert main(["solve", *argv]) == 2
    assert capsys.readouterr().err == "tutor: the learning rate must be a positive number, like 0.01, not -0.5\n"


@pytest.mark.parametrize("argv", [["rates", "x^2", "--start", "1", "--rates", "1/10,2/0", "--iterations", "10"],
                                  ["descent", "x^2", "--start", "1", "--rate", "2/0"]])
def test_a_rate_divided_by_zero_is_refused_with_a_sentence(capsys, argv):
    """Outside check h61, N2: 2/0 as a rate was "something went wrong (ZeroDivisionError ...)", exit 70."""
    assert main(["solve", *argv]) == 2
    assert capsys.readouterr().err == "tutor: '2/0' divides by zero\n"


@pytest.mark.parametrize("command, argv, said", [
    # outside check h61, N4: "must be a finite number" did not say which of the rates compared
    ("rates", ["--rates", "0.1,1e999,0"], "the learning rate must be a finite number, not 1e999"),
    ("descent", ["--rate", "1e999"], "the learning rate must be a finite number, not 1e999"),
    ("plot", ["--rates", "0.1,1e999"], "the learning rate must be a finite number, not 1e999"),
    # the same rate twice was compared with itself: "best: α = 0.5 and α = 0.5, tied"
    ("rates", ["--rates", "0.5,0.5"], "the learning rate 0.5 is given twice: compare each rate once"),
    ("rates", ["--rates", "0.5,0.1,1/2"], "the learning rates 0.5 and 1/2 are the same: compare each rate once"),
    # an empty item was dropped unsaid
    ("rates", ["--rates", "0.1,,0.5"],
     "can't read the rates '0.1,,0.5': rate 2 is empty; write them with one comma between each, like 0.1,0.5"),
    ("plot", ["--rates", "0.1,0.5,"],
     "can't read the rates '0.1,0.5,': rate 3 is empty; write them with one comma between each, like 0.1,0.5"),
])
def test_rates_that_cannot_be_compared_are_refused_naming_which(capsys, tmp_path, command, argv, said):
    start = ["x^2", "--start", "1", *argv]
    full = (["plot", "rates", *start, "--iterations", "10", "--out", str(tmp_path / "r.png")] if command == "plot"
            else ["solve", command, *start] + (["--iterations", "10"] if command == "rates" else []))
    assert main(full) == 2
    assert capsys.readouterr().err == f"tutor: {said}\n"
    assert not (tmp_path / "r.png").exists()
