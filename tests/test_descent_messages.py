"""What a descent tells the student it did: the cost going up or down, f rising, a step out of f's
domain, a stop by a tolerance, a rate echoed as typed (findings 460, 461, 465, 468, 472 and 448)."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main

POWER_LINES = ("--points", "(1,2), (2,5), (3,3)", "--start", "0,0")


def run(capsys, *argv: str) -> list[str]:
    assert main(["solve", *argv]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("rate, step, change", [
    # E(4.2, 2) = 181.36 > E(0, 0) = 38: the lesson's "too large" rate, never "the cost goes down" (finding 460)
    ("0.1", "(0, 0) − 0.1·(-42, -20) = (4.2, 2).",
     "The cost goes up, from E(m₀, b₀) = 38 to E(m₁, b₁) = 181.36: the step overshot the minimum, so the "
     "learning rate is too large; try a smaller one."),
    # 0.05 echoed as typed, not 1/20 (finding 468); 1/20 is not written as a power of ten's fraction is
    ("0.05", "(0, 0) − 0.05·(-42, -20) = (2.1, 1).",
     "The cost goes down, from E(m₀, b₀) = 38 to E(m₁, b₁) = 19.74."),
    ("0.01", "(0, 0) − 0.01·(-42, -20) = (0.42, 0.2).",
     "The cost goes down, from E(m₀, b₀) = 38 to E(m₁, b₁) = 19.9576."),
    ("0.02", "(0, 0) − 0.02·(-42, -20) = (0.84, 0.4).",
     "The cost goes down, from E(m₀, b₀) = 38 to E(m₁, b₁) = 9.1104."),
    # a rate typed as a fraction stays one, and so do the numbers of its point, tenths too: 1/10 was echoed 0.1
    # beside (21/5, 2), and 1/20 kept beside (2.1, 1) (finding 788)
    ("1/20", "(0, 0) − 1/20·(-42, -20) = (21/10, 1).",
     "The cost goes down, from E(m₀, b₀) = 38 to E(m₁, b₁) = 19.74."),
    ("1/10", "(0, 0) − 1/10·(-42, -20) = (21/5, 2).",
     "The cost goes up, from E(m₀, b₀) = 38 to E(m₁, b₁) = 181.36: the step overshot the minimum, so the "
     "learning rate is too large; try a smaller one."),
])
def test_a_cost_step_says_which_way_the_cost_went_and_echoes_the_rate(capsys, rate, step, change):
    lines = run(capsys, "cost", *POWER_LINES, "--rate", rate, "--steps")
    assert lines[-2] == f"9. Step against the gradient: (m₁, b₁) = (m₀, b₀) − α·∇E(m₀, b₀) = {step}"
    assert lines[-1] == f"10. {change}"
    lines = run(capsys, "cost", *POWER_LINES, "--rate", rate)
    assert lines[-2] == f"(m₁, b₁) = (0, 0) − {rate}·∇E(0, 0) = {step.split(' = ')[-1].removesuffix('.')}"
    assert lines[-1] == change[0].lower() + change[1:].removesuffix(".")


def test_a_mean_cost_step_at_a_rate_typed_as_a_fraction_echoes_it(capsys):
    lines = run(capsys, "cost", "--points", "(1,2), (2,5), (3,3)", "--mean", "--start", "1,1", "--rate", "1/10")
    assert lines[-2] == "(m₁, b₁) = (1, 1) − 1/10·∇L(1, 1) = (31/30, 31/30)"


def test_a_cost_step_that_leaves_the_cost_as_it_was_says_so(capsys):
    # the line y = x through both points: E(1, 0) = 0 is its least, the gradient 0, and the step stays put
    lines = run(capsys, "cost", "--points", "(0,0), (1,1)", "--start", "1,0", "--rate", "0.1", "--steps")
    assert lines[-1] == "8. The cost stays the same: E(m₀, b₀) = E(m₁, b₁) = 0."  # (0, 0)'s b² is not multiplied out


def test_a_cost_step_on_the_lesson_data_with_too_large_a_rate_says_the_cost_went_up(capsys):
    lines = run(capsys, "cost", "--csv", "exercises/advertising.csv", "--x", "TV", "--y", "Sales", "--mean",
                "--start", "0,0", "--rate", "0.001", "--steps")
    assert lines[-1] == ("11. The cost goes up, from L(m₀, b₀) ≈ 113.843 to L(m₁, b₁) ≈ 29814.4: the step "
                         "overshot the minimum, so the learning rate is too large; try a smaller one.")


def test_a_step_out_of_f_s_domain_is_shown_and_named(capsys):
    # x₂ = 3.839746 − 0.2·46.2532 = −5.4109, where ln x has no value: not an overflow (finding 465)
    lines = run(capsys, "descent", "e^x - ln x", "--start", "0.05", "--rate", "0.2", "--iterations", "5", "--steps")
    assert lines[-1] == ("4. Iteration 2: f′(3.839746) = 46.2532, so the new point is 3.839746 − 0.2·46.2532 = "
                         "-5.4109, which is outside f's domain: ln(x) has no real value there. The step went too "
                         "far: the learning rate is too large; try a smaller one.")
    assert lines[-8] == ("stopped at iteration 2: the new point -5.4109 is outside f's domain: ln(x) has no real "
                         "value there; the learning rate is too large: try a smaller one")
    lines = run(capsys, "rates", "e^x - ln x", "--start", "0.05", "--rates", "0.005,0.05,0.2", "--iterations", "50")
    assert ("α = 0.2: diverges (it stopped at step 2: the new point -5.4109 is outside f's domain: ln(x) has no "
            "real value there)") in lines


def test_a_step_that_lands_on_a_minimum_where_the_gradient_has_no_value_reached_it(capsys):
    # (3, 4) − 5·(3/5, 4/5) = (0, 0), the cone's vertex: f's least value, where only ∇f has none; it was "outside
    # the domain of f's slope ... the learning rate is too large", and rates called the rate "diverges" (783)
    reached = ("the step reached (0, 0), a minimum of f, where f = 0 and ∇f has no value (1/√(x² + y²) has no real "
               "value there), so descent stops there")
    lines = run(capsys, "descent", "sqrt(x^2 + y^2)", "--start", "3,4", "--rate", "5", "--iterations", "3",
                "--steps")
    assert lines[7] == f"stopped at iteration 1: {reached}"
    assert lines[10] == ("Gradient descent on f = √(x² + y²) from (3, 4) with learning rate α = 5: after 1 iteration "
                        "the point is (0, 0)")
    assert lines[-1] == f"3. Iteration 1: ∇f(3, 4) = (0.6, 0.8), so the new point is (3, 4) − 5·(0.6, 0.8) = (0, 0): " \
        f"{reached}."
    data = json.loads("\n".join(run(capsys, "descent", "sqrt(x^2 + y^2)", "--start", "3,4", "--rate", "5",
                                     "--iterations", "3", "--json")))
    assert (data["diverged_at"], data["reached_minimum_at"]) == (None, 1)
    lines = run(capsys, "rates", "sqrt(x^2 + y^2)", "--start", "3,4", "--rates", "5,1,0.5", "--iterations", "20")
    # 3 − 5·0.6 and 3 − 10·0.3 are 0 exactly, as the steps are taken while their numbers are rationals: in floats
    # they missed the vertex by 1.1e-16, and these rates were said to oscillate and be too slow (outside check h32, F2)
    assert lines[-4:] == [f"α = 5: converges (it stopped at step 1: {reached})",
                          f"α = 1: converges (it stopped at step 5: {reached})",
                          f"α = 0.5: converges (it stopped at step 10: {reached})",
                          "best: α = 5"]
    # the cone in three variables: its vertex was "outside the domain of f's slope", as critical points did not
    # list it (outside check h33, N1)
    vertex = reached.replace("(0, 0)", "(0, 0, 0)").replace("x² + y²", "x² + y² + z²")
    assert run(capsys, "descent", "sqrt(x^2 + y^2 + z^2)", "--start", "0,3,4", "--rate", "5")[-1] == \
        f"stopped at iteration 1: {vertex}"
    assert run(capsys, "rates", "sqrt(x^2 + y^2 + z^2)", "--start", "0,3,4", "--rates", "1", "--iterations", "10"
               )[-2] == f"α = 1: converges (it stopped at step 5: {vertex})"
    # a point where f' has no value that is no minimum is still a step out of the slope's domain
    assert run(capsys, "descent", "x^(1/3)", "--start", "1", "--rate", "3", "--iterations", "2")[-1] == (
        "stopped at iteration 1: the new point 0 is outside the domain of f's slope: 1/x^(2/3) has no real value "
        "there; the learning rate is too large: try a smaller one")


def test_a_step_that_lands_exactly_on_a_kink_says_the_slope_has_no_value_there(capsys):
    # sympy's f′ of |x| is sign(x), 0 at the kink: the table showed f′ = 0 there and "converged", |f′| below the
    # tolerance, where f′ has no value (outside check h16, F4)
    reached = ("the step reached 0, a minimum of f, where f = 0 and f′ has no value (f′ is -1 from the left and 1 "
               "from the right), so descent stops there")
    lines = run(capsys, "descent", "abs(x)", "--start", "0.5", "--rate", "0.25")
    assert lines[-1] == f"stopped at iteration 2: {reached}"
    assert run(capsys, "rates", "abs(x)", "--start", "0.5", "--rates", "0.25", "--iterations", "10")[-2] == (
        f"α = 0.25: converges (it stopped at step 2: {reached})")
    # a kink that is no minimum: no slope there says where to go on, and no smaller rate is what it needs
    kink = "the new point (0.25, 0) is a kink of f: ∂f/∂y is -1 from the left and 1 from the right"
    lines = run(capsys, "descent", "abs(x) + abs(y)", "--start", "0.5,0.25", "--rate", "0.25", "--steps")
    assert f"stopped at iteration 1: {kink}, so descent cannot go on; another learning rate steps past that " \
           "point" in lines
    assert lines[-1] == ("3. Iteration 1: ∇f(0.5, 0.25) = (1, 1), so the new point is (0.5, 0.25) − 0.25·(1, 1) = "
                         "(0.25, 0), which is a kink of f: ∂f/∂y is -1 from the left and 1 from the right, so "
                         "descent cannot go on; another learning rate steps past that point.")
    assert run(capsys, "rates", "abs(x) + abs(y)", "--start", "0.5,0.25", "--rates", "0.25", "--iterations", "10"
               )[-2] == f"α = 0.25: diverges (it stopped at step 1: {kink})"
    # a point and rates given exactly are said so: 1/3, not 0.333333 (outside check h33, N5)
    assert run(capsys, "descent", "abs(x - 1/3)", "--start", "0", "--rate", "1/9")[-1] == \
        f"stopped at iteration 3: {reached.replace('reached 0', 'reached 1/3')}"
    assert run(capsys, "rates", "x^2", "--start", "1", "--rates", "1/9,0.1", "--iterations", "10")[-3:-1] == [
        "α = 1/9: is too slow (after 10 steps |f′| = 0.162 is still above 0.0001)",
        "α = 0.1: is too slow (after 10 steps |f′| = 0.215 is still above 0.0001)"]
    # a rate typed as a fraction is written as one, where its decimal ends too: 1/2, not 0.5 (outside check h37, N5)
    assert run(capsys, "rates", "x^2", "--start", "1", "--rates", "1/2,0.25", "--iterations", "10")[-3:] == [
        "α = 1/2: converges (|f′| is below 0.0001 after 1 step)",
        "α = 0.25: is too slow (after 10 steps |f′| = 0.00195 is still above 0.0001)",
        "best: α = 1/2"]
    assert run(capsys, "descent", "x^2", "--start", "1", "--rate", "1/4", "--iterations", "1")[2] == \
        "start 1, learning rate α = 1/4"
    # and so do the rates' steps, their verdicts and the best (outside check h43, N2)
    assert run(capsys, "rates", "x^2", "--start", "1", "--rates", "1/2,2/5", "--iterations", "10", "--steps")[-3:] == [
        "4. α = 1/2 converges: |f′| is below 0.0001 after 1 step.",
        "5. α = 2/5 converges: |f′| is below 0.0001 after 7 steps.",
        "6. The best rate is α = 1/2: it converges in the fewest steps (1). No rule gives the best rate in advance: "
        "you try several and compare."]
    # 0.3 − 3·0.1 is 0 exactly, where floats make it -2.8e-17 and zigzag on for ever (outside check h32, F1)
    assert run(capsys, "descent", "abs(x)", "--start", "0.3", "--rate", "0.1")[-1] == \
        f"stopped at iteration 3: {reached}"
    assert run(capsys, "rates", "abs(x)", "--start", "0.3", "--rates", "0.1", "--iterations", "20")[-2] == (
        f"α = 0.1: converges (it stopped at step 3: {reached})")
    assert run(capsys, "descent", "abs(x) + abs(y)", "--start", "0.3,0.6", "--rate", "0.1")[-1] == (
        "stopped at iteration 3: the new point (0, 0.3) is a kink of f: ∂f/∂x is -1 from the left and 1 from the "
        "right, so descent cannot go on; another learning rate steps past that point")
    # x|x| has a slope at its kink, 0: the descent goes on through it
    assert run(capsys, "descent", "x*abs(x) + x^2", "--start", "0.5", "--rate", "0.25", "--iterations", "2")[-1] == (
        "stopped after 2 iterations; the point is 0, where f = 0")


def test_a_step_to_where_f_is_too_large_to_compute_says_so(capsys):
    # f′(3) = 6e⁹: the new point is 3 − 48618.5 = −48615.5, where e^(x²) is past any number (e^(2.4·10⁹))
    lines = run(capsys, "descent", "e^(x^2)", "--start", "3", "--rate", "1", "--iterations", "5")
    assert lines[-1] == ("stopped at iteration 1: the new point -48615.5 makes f too large a number to compute; "
                         "the learning rate is too large: try a smaller one")


@pytest.mark.parametrize("argv, ending, last", [
    # y ↦ −1.4y: f = 4, 5.92, 11.5264, 22.5887, 44.2737, up at every step (finding 461)
    (("x^2 + 3y^2", "--start", "1,1", "--rate", "0.4", "--iterations", "4"),
     "stopped after 4 iterations; the point is (0.0016, 3.8416), where f = 44.2737: f went up from 4 at the start, "
     "so the steps overshoot the minimum and the learning rate is too large; try a smaller one",
     "7. After 4 iterations the point is (0.0016, 3.8416), where f = 44.2737: f went up from 4 at the start, so the "
     "steps overshoot the minimum and the learning rate is too large; try a smaller one."),
    (("x^2", "--start", "1", "--rate", "1.5", "--iterations", "4"),
     "stopped after 4 iterations; the point is 16, where f = 256: f went up from 1 at the start, so the steps "
     "overshoot the minimum and the learning rate is too large; try a smaller one",
     "7. After 4 iterations the point is 16, where f = 256: f went up from 1 at the start, so the steps overshoot "
     "the minimum and the learning rate is too large; try a smaller one."),
    # the power lines' cost at α = 0.1: E goes 38, 181.36, 959.088, 5174.36
    (("--points", "(1,2), (2,5), (3,3)", "--start", "0,0", "--rate", "0.1", "--iterations", "3"),
     "stopped after 3 iterations; the point is (17.256, 8.016), where E = 5174.36: E went up from 38 at the start, "
     "so the steps overshoot the minimum and the learning rate is too large; try a smaller one",
     "6. After 3 iterations the point is (17.256, 8.016), where E = 5174.36: E went up from 38 at the start, so the "
     "steps overshoot the minimum and the learning rate is too large; try a smaller one."),
    # the rule is the last value against the start's: x² at α = 0.9 zigzags down (1, 0.64, 0.4096), nothing said
    (("x^2", "--start", "1", "--rate", "0.9", "--iterations", "2"),
     "stopped after 2 iterations; the point is 0.64, where f = 0.4096",
     "5. After 2 iterations the point is 0.64, where f = 0.4096."),
])
def test_a_descent_that_ends_above_its_start_says_the_rate_is_too_large(capsys, argv, ending, last):
    lines = run(capsys, "descent", *argv, "--steps")
    assert lines[-1] == last
    assert ending in lines


@pytest.mark.parametrize("argv, last", [
    # the same kind of stop told the same way: the nearest critical point and its distance, never "near" or
    # "near no critical point" by a threshold (finding 472); x ↦ 0.6x: 1, 0.6, 0.36, 0.216
    (("x^2", "--start", "1", "--rate", "0.2", "--tolerance", "0.5"),
     "6. After 3 iterations |f′| is below 0.5: close enough, so the descent stops at 0.216, where f = 0.046656; the "
     "nearest critical point is 0, a local minimum, 0.216 away."),
    # the gradients pack's exercise 31: |f′(x₁₁)| = 1.89939 < 2, 0.26 short of Ω = W(1), the only critical point
    # (xeˣ − 1 rises where f has values)
    (("e^x - ln x", "--start", "0.05", "--rate", "0.005", "--tolerance", "2"),
     "8. After 11 iterations |f′| is below 2: close enough, so the descent stops at 0.306881, where f = 2.54048; the "
     "nearest critical point is W(1) ≈ 0.567143, a local minimum, 0.260263 away."),
    # sinh x + x² = 0 is solved at 0 alone, and is 0 again between -2 and -1: found, not known to be every one
    (("cosh(x) + x^3/3", "--start", "0.5", "--rate", "0.01", "--tolerance", "0.5"),
     "8. After 23 iterations |f′| is below 0.5: close enough, so the descent stops at 0.356751, where f = 1.079448; the "
     "nearest critical point the tutor finds is 0, a local minimum, 0.356751 away."),
    (("x^2 + y^2", "--start", "2,3", "--rate", "0.1", "--tolerance", "0.5"),
     "8. After 12 iterations |∇f| is below 0.5: close enough, so the descent stops at (0.137439, 0.206158), where "
     "f = 0.0613908; the nearest critical point is (0, 0), a local minimum, 0.247772 away."),
])
def test_a_stop_by_a_tolerance_names_the_nearest_critical_point_and_its_distance(capsys, argv, last):
    assert run(capsys, "descent", *argv, "--steps")[-1] == last


PACK = """pack: dv
exercises:
  - id: gd
    kind: gradient_descent
    function: {function}
    start: {start}
    rate: {rate}
    iterations: {iterations}
  - id: lr
    kind: learning_rate
    function: {function}
    start: {start}
    rates: [{rate}, 0.0001]
    iterations: {iterations}
"""


@pytest.mark.parametrize("function, start, rate, iterations, said", [
    # x ↦ −2x: |f′| = 2, 4, 8, 16, 32, 64; from 4 iterations on past ten times its start's and still doubling,
    # as the learning_rate kind calls it "diverges" over as many steps (finding 448): no cut-off at 21
    ("x^2", "1", "1.5", 5, "7:11: exercise 'gd': gradient descent diverges with this rate (|f′| grew from 2 to 64 "
                           "within 5 steps, and keeps growing); use a smaller one"),
    ("x^2", "1", "1.5", 4, "7:11: exercise 'gd': gradient descent diverges with this rate (|f′| grew from 2 to 32 "
                           "within 4 steps, and keeps growing); use a smaller one"),
    ("x^2", "1", "1.5", 21, "7:11: exercise 'gd': gradient descent diverges with this rate (it diverged at step 21: "
                            "the values grew without bound); use a smaller one"),
    ("e^x - ln x", "0.05", "0.2", 5, "7:11: exercise 'gd': at iteration 2 the new point -5.4109 is outside f's "
                                     "domain: ln(x) has no real value there; use a smaller rate"),
    # a kink, no minimum: another rate steps past it, a larger one as well as a smaller
    ("abs(x - 1) + x^2", "2", "0.2", 3, "7:11: exercise 'gd': at iteration 1 the new point 1 is a kink of f: f′ is "
                                        "1 from the left and 3 from the right; use another rate"),
])
def test_pack_validation_refuses_a_descent_the_learning_rate_kind_calls_diverging(capsys, tmp_path, function, start,
                                                                                   rate, iterations, said):
    path = tmp_path / "dv.yaml"
    path.write_text(PACK.format(function=function, start=start, rate=rate, iterations=iterations), encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 1
    assert capsys.readouterr().out.strip() == f"{path}:{said}"


def test_pack_validation_keeps_a_descent_the_learning_rate_kind_does_not_call_diverging(capsys, tmp_path):
    # x² at α = 1.5 for 3 steps: 1, −2, 4, −8; |f′| = 16 < 10·2: both kinds call it oscillating, not diverging
    path = tmp_path / "dv.yaml"
    path.write_text(PACK.format(function="x^2", start="1", rate="1.5", iterations=3), encoding="utf-8")
    assert main(["pack", "validate", str(path)]) == 0
    assert main(["pack", "show", str(path), "--answers"]) == 0
    answers = [line.split("answer:")[1].strip() for line in capsys.readouterr().out.splitlines() if "answer:" in line]
    assert answers == ["-8", "oscillates, too slow"]


@pytest.mark.parametrize(("argv", "ending"), [
    # outside check h24: both said "try a smaller learning rate", but every step went downhill: no rate mends it
    (("descent", "x^2-y^2", "--start", "1,0.001", "--rate", "0.1"),
     "diverged at iteration 116: f fell at every step, without bound (f = -2.34449e12); every step went downhill, so "
     "the learning rate is not too large: down this path f has no minimum to find"),
    (("descent", "x^3", "--start=-1", "--rate", "0.001"),
     "diverged at iteration 341: f fell at every step, without bound (f = -1.29902e13); every step went downhill, so "
     "the learning rate is not too large: down this path f has no minimum to find"),
    (("descent", "x^2", "--start=1", "--rate", "1.5"),  # an overshoot: the rate is too large
     "diverged at iteration 21: the values grew without bound; try a smaller learning rate"),
])
def test_a_descent_that_falls_without_bound_is_not_told_to_take_a_smaller_rate(capsys, argv, ending):
    assert run(capsys, *argv)[-1] == ending


def test_a_descent_with_no_critical_point_to_reach_is_not_too_slow(capsys):
    """Outside check h24: e^(-x) from 0 was "it goes downhill, but too slowly"; f′ = -e^(-x) is never 0."""
    assert run(capsys, "descent", "e^(-x)", "--start", "0", "--rate", "0.5", "--steps")[-1] == (
        "8. After 10000 iterations, the most the tutor runs, |f′| = 0.000199873 is still above the tolerance 1e-8: it "
        "did not converge; it goes downhill, but f has no critical point, so descent has nowhere to stop. The point is "
        "8.51783, where f = 0.000199873.")


@pytest.mark.parametrize(("function", "start", "why"), [
    ("x", "0", "f has no critical point, so descent has nowhere to stop"),
    ("e^(-x)", "0", "f has no critical point, so descent has nowhere to stop"),
    ("x^2-y^2", "1,0.001", "f has no local minimum, so descent has none to reach"),  # its one critical point a saddle
])
def test_rates_on_a_function_with_nowhere_to_arrive_are_not_too_slow(capsys, function, start, why):
    """Outside check h25: `solve rates` said "is too slow" of each rate for x, x² − y², e^(-x)."""
    lines = run(capsys, "rates", function, "--start", start, "--rates", "0.1,0.01", "--iterations", "20")
    assert lines[-1] == f"no rate converges: {why}"
    assert lines[-3].startswith("α = 0.1: goes downhill (after 20 steps") and lines[-3].endswith(f"; {why})")


def test_rates_that_all_fall_without_bound(capsys):
    assert run(capsys, "rates", "x^3", "--start=-1", "--rates", "0.1,0.01", "--iterations", "50")[-1] == (
        "no rate converges: f fell without bound at every step at each rate, so down this path f has no minimum to "
        "find")
