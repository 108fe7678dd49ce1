"""How a worked solution of a least-squares fit and of the mean cost L = E/(2n) writes its numbers
(findings 467 and 469): decimal data are worked in decimals, an ugly fraction comes with its decimals
to the places the exercise asks for, one number is written one way throughout, and whole-number data
keep the lesson's fractions."""

from __future__ import annotations

from tutor import packs
from tutor.cli import main
from tutor.practice import lesson_steps


def solved(capsys, points: str) -> list[str]:
    assert main(["solve", "lstsq", "--points", points, "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return lines[lines.index(next(line for line in lines if line.startswith("9. "))):]


def exercise_steps(pack: str, exercise: str) -> list[str]:
    spec = next(s for s in packs.load(pack).exercises if s.id == exercise)
    return lesson_steps(spec.variant(None).steps())[0].splitlines()


def test_decimal_data_with_a_short_b_writes_b_one_way_and_m_with_its_decimals(capsys):
    # was "So b = -3/(-4) = 0.75", "Put b = 0.75", "So m = 9.5/14 = 19/28", and 3/4 in the answer and step 10
    assert solved(capsys, "(1,1.5), (2,2), (4,3.5)") == [
        "9. Solve them by elimination: m = 19/28 and b = 3/4 (m ≈ 0.678571).",
        "   9.1. Multiply the second equation by 3: 18b + 42m - 42 = 0.",
        "   9.2. Subtract the second equation from the first: m cancels, leaving -4b + 3 = 0.",
        "   9.3. So b = 3/4.",
        "   9.4. Put b = 3/4 into the second equation: 14m + 6(3/4) - 14 = 0.",
        "   9.5. Multiply out: 14m + 4.5 - 14 = 0.",
        "   9.6. Collect the numbers: 14m - 9.5 = 0.",
        "   9.7. So m = 9.5/14 = 19/28 ≈ 0.678571.",
        "10. The least cost: E(19/28, 3/4) = 1/56 ≈ 0.0178571.",
    ]


TV_ELIMINATION = [
    "   9.1. Multiply the first equation by 6, the second equation's coefficient of b: "
    "662665.2m + 3501.6b - 68495.64 = 0.",
    "   9.2. Multiply the second equation by 583.6, the first equation's coefficient of b: "
    "3501.6b + 340588.96m - 48788.96 = 0.",
    "   9.3. Subtract the second equation from the first: b cancels, leaving 322076.24m - 19706.68 = 0.",
]


def test_the_tv_rows_are_eliminated_with_the_other_equations_coefficients_in_decimals(capsys):
    # was "Multiply the first equation by 15", "… by 1459", and b from 964047201/120778590
    assert solved(capsys, "(230.1, 22.1), (44.5, 10.4), (17.2, 9.3)") == [
        "9. Solve them by elimination: m = 492667/8051906 and b = 321349067/40259530 (m ≈ 0.0611864, b ≈ 7.98194).",
        *TV_ELIMINATION,
        "   9.4. So m = 19706.68/322076.24 = 492667/8051906 ≈ 0.0611864.",
        "   9.5. Multiply the first equation by 583.6, the second equation's coefficient of m: "
        "64455235.12m + 340588.96b - 6662342.584 = 0.",
        "   9.6. Multiply the second equation by 110444.2, the first equation's coefficient of m: "
        "662665.2b + 64455235.12m - 9233135.12 = 0.",
        "   9.7. Subtract the second equation from the first: m cancels, leaving -322076.24b + 2570792.536 = 0.",
        "   9.8. So b = 2570792.536/322076.24 = 321349067/40259530 ≈ 7.98194.",
        "10. The least cost: E(492667/8051906, 321349067/40259530) = 5313025/32207624 ≈ 0.164962.",
    ]


def test_the_tv_exercise_steps_give_m_b_and_the_cost_to_the_4_places_it_asks_for():
    lines = exercise_steps("drills", "ls-advertising")
    assert lines[9] == ("9. Solve them by elimination: m = 492667/8051906 and b = 321349067/40259530 "
                        "(m ≈ 0.0612, b ≈ 7.9819).")
    assert lines[10:13] == TV_ELIMINATION
    assert "   9.4. So m = 19706.68/322076.24 = 492667/8051906 ≈ 0.0612." in lines
    assert "   9.8. So b = 2570792.536/322076.24 = 321349067/40259530 ≈ 7.9819." in lines
    assert lines[-1] == "10. The least cost: E(492667/8051906, 321349067/40259530) = 5313025/32207624 ≈ 0.1650."


MEAN_TV = ("6. With n = 3 observations the cost is the mean, with a ½ that the derivative's 2 cancels: "
           "L(m, b) = E(m, b)/(2·3) ≈ 9203.68m² + 0.5b² + 113.843 + 97.2667mb - 1902.66m - 13.9333b.")


def test_the_mean_cost_of_the_tv_rows_is_written_in_decimals_not_552221m2_over_60():
    assert exercise_steps("gradients", "tv-mean-cost")[6:] == [
        MEAN_TV, "7. Put in m = 0.05 and b = 7: L(0.05, 7) = 65513/24000 ≈ 2.730.",
        "   7.1. The errors mxᵢ + b − yᵢ there, point by point: -3.595, -1.175 and -1.44.",
        "   7.2. Add up their squares: E(0.05, 7) = (-3.595)² + (-1.175)² + (-1.44)² = 12.924025 + 1.380625 + 2.0736 = "
        "16.37825.",
        "   7.3. Divide by 2·3: L(0.05, 7) = E(0.05, 7)/(2·3) = 65513/24000."]
    assert exercise_steps("gradients", "tv-descent-step")[6:10] == [
        MEAN_TV, "7. ∂L/∂m ≈ 18407.4m + 97.2667b - 1902.66.", "8. ∂L/∂b ≈ 97.2667m + b - 13.9333.",
        "9. At the start: ∇L(0, 0) = (-570797/300, -209/15) ≈ (-1902.656667, -13.933333)."]


def test_the_mean_cost_of_whole_numbers_is_all_fractions_as_on_the_command_line(capsys):
    # was "3.5m² + 0.5b² + 65/6 + …" in the exercise, beside "7m²/2 + b²/2 + …" from `solve cost`
    mean = ("6. With n = 3 observations the cost is the mean, with a ½ that the derivative's 2 cancels: "
            "L(m, b) = E(m, b)/(2·3) = 7m²/2 + b²/2 + 65/6 + 7mb/3 - 34m/3 - 13b/3.")
    assert exercise_steps("drills", "cost-mean-step")[6:10] == [
        mean, "7. ∂L/∂m = 7m + 7b/3 - 34/3.", "8. ∂L/∂b = 7m/3 + b - 13/3.", "9. At the start: ∇L(0, 0) = (-34/3, -13/3)."]
    assert main(["solve", "cost", "--points", "(1,2), (2,6), (4,5)", "--mean", "--start", "0,0", "--rate", "0.1",
                 "--steps"]) == 0
    assert mean in capsys.readouterr().out.splitlines()


def test_the_power_lines_whole_number_fit_keeps_the_lessons_fractions(capsys):
    assert solved(capsys, "(1,2), (2,5), (3,3)") == [
        "9. Solve them by elimination: m = 1/2 and b = 7/3.",
        "   9.1. Multiply the second equation by 2: 12b + 24m - 40 = 0.",
        "   9.2. Subtract the second equation from the first: b cancels, leaving 4m - 2 = 0.",
        "   9.3. So m = 2/4 = 1/2.",
        "   9.4. Put m = 1/2 into the second equation: 6b + 12(1/2) - 20 = 0.",
        "   9.5. Multiply out: 6b + 6 - 20 = 0.",
        "   9.6. Collect the numbers: 6b - 14 = 0.",
        "   9.7. So b = 14/6 = 7/3.",
        "10. The least cost: E(1/2, 7/3) = 25/6 ≈ 4.16667.",
    ]


def test_the_gradient_at_the_start_of_a_mean_cost_step_writes_its_parts_alike(capsys):
    """Re-check of 467: ∇L(0, 0) was (-6.5, -7/3), a decimal beside a fraction, in the step and its product."""
    assert main(["solve", "cost", "--points", "(1,1.5), (2,2), (4,3.5)", "--mean", "--start", "0,0", "--rate", "0.1",
                 "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "9. At the start: ∇L(0, 0) = (-13/2, -7/3) ≈ (-6.5, -2.33333)." in lines
    assert ("10. Step against the gradient: (m₁, b₁) = (m₀, b₀) − α·∇L(m₀, b₀) = (0, 0) − 0.1·(-13/2, -7/3) = "
            "(13/20, 7/30) ≈ (0.65, 0.233333).") in lines


def test_a_hint_gives_an_ugly_fraction_with_its_decimals_to_the_places_asked():
    """Re-check of 469: hint 3 of the TV fit gave the cost as 5313025/32207624 only."""
    def last_hint(pack: str, exercise: str) -> str:
        return packs.load(pack).exercise(exercise).variant(None).hints()[-1]

    assert last_hint("drills", "ls-advertising") == ("Solve the two linear equations; the cost at the optimum is "
                                                     "5313025/32207624 ≈ 0.1650.")  # "to 4 decimal places"
    assert last_hint("gradients", "power-lines-fit") == ("Solve the two linear equations; the cost at the optimum is "
                                                         "25/6 ≈ 4.16667.")
    assert last_hint("gradients", "tv-descent-step").endswith("= (-570797/300, -209/15) ≈ (-1902.656667, -13.933333).")


def test_a_model_in_two_features_on_decimal_data_writes_its_cost_in_decimals_as_its_steps_do(tmp_path, capsys):
    """Finding 585: the answer wrote E's constant as 1533/4 where step 2 wrote 383.25."""
    data = tmp_path / "two.csv"
    data.write_text("a,b,y\n1,0,3\n0,1,5\n1,1,8.5\n2,1,9\n3,2,14\n")
    cost = ("E(w_1, w_2, b) = 15w_1² + 18w_1·w_2 + 14w_1·b + 7w_2² + 10w_2·b + 5b² - 143w_1 - 101w_2 - 79b "
            "+ 383.25")
    assert main(["solve", "lstsq", "--csv", str(data), "--x", "a,b", "--y", "y", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == ["y = 1.625x_1 + 3.875x_2 + 1.75   (5 points)", "w_1 = 1.625, w_2 = 3.875, b = 1.75",
                         "x_1 = a, x_2 = b, y = y", cost, "least cost E(1.625, 3.875, 1.75) = 2.25"]
    assert f"2. Multiply out and collect terms: {cost}." in lines


def test_a_line_from_a_decimal_csv_writes_its_cost_alike_in_latex_and_json(tmp_path, capsys):
    """Re-check of 585 on one feature: the LaTeX and JSON cost were 0.21m² beside 7mb/5."""
    data = tmp_path / "one.csv"
    data.write_text("x,y\n0.1,0.3\n0.2,0.5\n0.4,0.6\n")
    assert main(["solve", "lstsq", "--csv", str(data), "--x", "x", "--y", "y", "--latex"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == \
        r"\[ E(m, b) = 0.21 m^{2} + 1.4 m b + 3 b^{2} - 0.74 m - 2.8 b + 0.7 \]"
    assert main(["solve", "lstsq", "--csv", str(data), "--x", "x", "--y", "y", "--json"]) == 0
    assert '"cost_function": "0.21m² + 1.4mb + 3b² - 0.74m - 2.8b + 0.7",' in capsys.readouterr().out


def test_the_mean_cost_of_decimal_data_is_answered_as_its_steps_write_it(capsys):
    """Finding 587: the answer wrote 0.035m² beside 7/60 and 7mb/30, and 0.07m beside 7b/30."""
    assert main(["solve", "cost", "--points", "(0.1,0.3), (0.2,0.5), (0.4,0.6)", "--mean", "--at", "m=0.5,b=0.1",
                 "--start", "0,0", "--rate", "0.5", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    mean = "L(m, b) = E(m, b)/6 ≈ 0.035m² + 0.5b² + 0.116667 + 0.233333mb - 0.123333m - 0.466667b"
    assert lines[5:11] == [
        mean, "L(0.5, 0.1) = 0.03375",
        "∂L/∂m ≈ 0.07m + 0.233333b - 0.123333, ∂L/∂b ≈ 0.233333m + b - 0.466667",
        "∇L(0, 0) = (-37/300, -7/15)", "(m₁, b₁) = (0, 0) − 0.5·∇L(0, 0) = (37/600, 7/30)",
        "the cost goes down, from L(m₀, b₀) ≈ 0.116667 to L(m₁, b₁) ≈ 0.0308849"]
    assert "6. With n = 3 observations the cost is the mean, with a ½ that the derivative's 2 cancels: " \
        "L(m, b) = E(m, b)/(2·3) ≈ 0.035m² + 0.5b² + 0.116667 + 0.233333mb - 0.123333m - 0.466667b." in lines
    assert "7. ∂L/∂m ≈ 0.07m + 0.233333b - 0.123333." in lines


def test_the_gradient_at_the_start_is_written_alike_as_the_point_after_it(capsys):
    """Outside check h32, F8: ∇L(0, 0) = (-3.25, -11/6) beside (m₁, b₁) = (13/40, 11/60) and the steps' (-13/4, -11/6)."""
    assert main(["solve", "cost", "--points", "(0.5,1), (1.5,2), (2.5,2.5)", "--mean", "--start", "0,0",
                 "--rate", "0.1"]) == 0
    assert capsys.readouterr().out.splitlines()[-3:-1] == [
        "∇L(0, 0) = (-13/4, -11/6)", "(m₁, b₁) = (0, 0) − 0.1·∇L(0, 0) = (13/40, 11/60)"]


def test_the_exact_mean_cost_of_decimal_data_writes_its_numbers_alike_in_latex_and_json(capsys):
    """Re-check of 587: the LaTeX and JSON cost were 0.035m² beside 7mb/30; exact, they are all fractions."""
    assert main(["solve", "cost", "--points", "(0.1,0.3), (0.2,0.5), (0.4,0.6)", "--mean", "--latex"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        r"\[ L(m, b) = \frac{7 m^{2}}{200} + \frac{7 m b}{30} + \frac{b^{2}}{2} - \frac{37 m}{300} - \frac{7 b}{15} "
        r"+ \frac{7}{60} \]")
    assert main(["solve", "cost", "--points", "(0.1,0.3), (0.2,0.5), (0.4,0.6)", "--mean", "--json"]) == 0
    assert '"cost": "7m²/200 + 7mb/30 + b²/2 - 37m/300 - 7b/15 + 7/60"' in capsys.readouterr().out


def test_a_value_put_into_a_decimal_equation_keeps_the_equations_decimals(capsys):
    """Finding 570: "Put b = 1/4 into the first equation" rewrote 0.42m + 1.4b - 0.74 as 21m/50 + 7(1/4)/5 - 37/50."""
    assert solved(capsys, "(0.1,0.3), (0.2,0.5), (0.4,0.6)") == [
        "9. Solve them by elimination: m = 13/14 and b = 1/4 (m ≈ 0.928571).",
        "   9.1. Multiply the first equation by 10: 4.2m + 14b - 7.4 = 0.",
        "   9.2. Multiply the second equation by 3: 18b + 4.2m - 8.4 = 0.",
        "   9.3. Subtract the second equation from the first: m cancels, leaving -4b + 1 = 0.",
        "   9.4. So b = 1/4.",
        "   9.5. Put b = 1/4 into the first equation: 0.42m + 1.4(1/4) - 0.74 = 0.",
        "   9.6. Multiply out: 0.42m + 0.35 - 0.74 = 0.",
        "   9.7. Collect the numbers: 0.42m - 0.39 = 0.",
        "   9.8. So m = 0.39/0.42 = 13/14 ≈ 0.928571.",
        "10. The least cost: E(13/14, 1/4) = 9/1400 ≈ 0.00642857.",
    ]
    assert "   9.4. Put m = 9/4 into the first equation: 0.6b + 0.22(9/4) - 0.5 = 0." in \
        solved(capsys, "(-0.1,-0.2), (0.1,0.2), (0.3,0.7)")


def test_a_sum_of_squares_with_decimal_centres_keeps_each_squares_derivative_in_f_prime(capsys):
    """Finding 582: f′ was 4x + 2(x - 4) + 2(x - 1) - 6.4, the decimal centres' terms merged, the others not."""
    assert main(["solve", "minimize", "(x-1)^2 + (x-2.5)^2 + (x-4)^2 + (x - 0.7)^2", "--steps"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["f(x) = (x - 4)² + (x - 2.5)² + (x - 1)² + (x - 0.7)²",
                         "f′(x) = 2(x - 4) + 2(x - 2.5) + 2(x - 1) + 2(x - 0.7) = 0 at x = 2.05",
                         "minimum: f(2.05) = 6.93"]
    assert "   1.2. Simplify: 8x - 16.4 = 2(x - 4) + 2(x - 2.5) + 2(x - 1) + 2(x - 0.7)." in lines
    assert main(["solve", "minimize", "(x-1)^2 + (x-1/2)^2"]) == 0  # typed as fractions, alike
    assert capsys.readouterr().out.splitlines()[1] == "f′(x) = 2(x - 1) + 2(x - 1/2) = 0 at x = 3/4"
