"""Critical points and minima of a function with an odd root, x^(2/3) or x^(1/3), solved as answers and every
value read it: the real root, so x^(2/3) is |x|^(2/3) (a cusp at 0) and x^(1/3) is sign(x)|x|^(1/3) (f′ > 0 on
both sides of 0: no extremum there). Before, the solvers took sympy's principal root, which has no real value
for x < 0: `tutor solve critical "x^(2/3)"` said "f′ is never 0", x² - 2x^(2/3) had one minimum of its two,
and a pack with such a function was refused."""

from __future__ import annotations

import pytest

from tutor import packs
from tutor.cli import main
from tutor.feedback import respond

# one variable, each checked by hand: f′ as written holds for x < 0 too, read with the real root
CRITICAL = [
    # |x|^(2/3): f′ = 2/(3x^(1/3)) is -∞ left of 0 and ∞ right of it
    ("x^(2/3)", ["  x = 0  minimum (f = 0 there and f ≥ 0 near it (a cusp, where f′ is -∞ from the left and ∞ "
                 "from the right))"]),
    ("(x-1)^(2/3)", ["  x = 1  minimum (f = 0 there and f ≥ 0 near it (a cusp, where f′ is -∞ from the left and ∞ "
                     "from the right))"]),
    # f′ = (4/3)x^(1/3) is 0 at 0, and f = |x|^(4/3) ≥ 0
    ("x^(4/3)", ["  x = 0  minimum (f = 0 there and f ≥ 0 near it (f - f(0) = |x|^(4/3) is never negative))"]),
    # f′ = 1/(3x^(2/3)) > 0 on both sides of 0: f rises through 0, which is no extremum
    ("x^(1/3)", ["no critical points: f′ is never 0"]),
    # f′ = 1/(3|x|^(2/3)) - 1 = 0 where |x| = (1/3)^(3/2) = √3/9; f is odd, so a minimum and a maximum
    ("x^(1/3) - x", ["  x = -√3/9 ≈ -0.19245  minimum (f″ = 2√3 ≈ 3.4641 > 0)",
                     "  x = √3/9 ≈ 0.19245    maximum (f″ = -2√3 ≈ -3.4641 < 0)"]),
    # even: x⁴ = (2/3)³ on each side, and a cusp maximum between
    ("x^2 - 2x^(2/3)", ["  x = -2^(3/4)·3^(1/4)/3 ≈ -0.737788  minimum (f″ = 8/3 > 0)",
                        "  x = 0                               maximum (f = 0 there and f ≤ 0 near it (a cusp, where "
                        "f′ is ∞ from the left and -∞ from the right))",
                        "  x = 2^(3/4)·3^(1/4)/3 ≈ 0.737788    minimum (f″ = 8/3 > 0)"]),
    # on 0 < x < 1, f′ = -1 + (2/3)x^(-1/3) = 0 at x = 8/27; for x < 0, f′ = -1 - (2/3)(-x)^(-1/3) < 0
    ("|x - 1| + x^(2/3)", ["  x = 0                minimum (f = 1 there and f ≥ 1 near it (a cusp, where f′ is -∞ "
                           "from the left and ∞ from the right))",
                           "  x = 8/27 ≈ 0.296296  maximum (f″ = -9/8 < 0)",
                           "  x = 1                minimum (f = 1 there and f ≥ 1 near it (a corner, where f′ is "
                           "-1/3 from the left and 5/3 from the right))"]),
    # f′ = (5/3)x^(2/3) - 1 = 0 where |x| = (3/5)^(3/2) = 3√15/25, on both sides
    ("x^(5/3) - x", ["  x = -3√15/25 ≈ -0.464758  maximum (f″ = -10√15/27 ≈ -1.43444 < 0)",
                     "  x = 3√15/25 ≈ 0.464758    minimum (f″ = 10√15/27 ≈ 1.43444 > 0)"]),
]


@pytest.mark.parametrize("function, found", CRITICAL)
def test_critical_points_are_those_of_the_real_root(capsys, function, found):
    assert main(["solve", "critical", function]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == (["critical points:", *found] if found[0].startswith(" ") else found)


def test_the_function_and_its_derivative_are_shown_as_written(capsys):
    assert main(["solve", "critical", "x^2 - 2x^(2/3)", "--steps"]) == 0
    out = capsys.readouterr().out
    assert "f(x) = x² - 2 x^(2/3)\n" in out
    assert "2. At a critical point the derivative is 0: 2x - 4/(3 x^(1/3)) = 0.\n" in out
    # each side as it is there, true for x < 0: 2x - 4(-x)^(2/3)/(3x) is 2x + 4/(3(-x)^(1/3))
    assert ("   3.1. For x < 0: f = x² - 2(-x)^(2/3), and f′ = 2x - 4(-x)^(2/3)/(3x) is 0 at "
            "x = -2^(3/4)·3^(1/4)/3.\n") in out
    assert "sign(" not in out


def test_two_variables_the_cusp_line_holds_one_critical_point(capsys):
    # on x = 0, ∂f/∂x has no value but ∂f/∂y = 2y is 0 only at y = 0: the line's other points are not critical
    assert main(["solve", "critical", "x^(2/3) + y^2"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "critical points:",
        "  (0, 0)  minimum (f = 0 there and f ≥ 0 near it (f - f(0, 0) = y² + |x|^(2/3) is a sum of terms that are "
        "never negative))"]


@pytest.mark.parametrize("function, lines", [
    ("x^(2/3)", ["f′(x) = 2/(3 x^(1/3)); the minimum is at a cusp, not where f′ = 0 (f is not differentiable at "
                 "x = 0: f′ is -∞ from the left and ∞ from the right)", "minimum: f(0) = 0"]),
    ("x^2 - 2x^(2/3)", ["f′(x) = 2x - 4/(3 x^(1/3)) = 0 at x = -2^(3/4)·3^(1/4)/3 ≈ -0.737788 and "
                        "x = 2^(3/4)·3^(1/4)/3 ≈ 0.737788",
                        "minimum: f = -4√6/9 ≈ -1.08866 at x = -2^(3/4)·3^(1/4)/3 and x = 2^(3/4)·3^(1/4)/3",
                        "local minima: x = -2^(3/4)·3^(1/4)/3, x = 2^(3/4)·3^(1/4)/3"]),
    ("x^(1/3)", ["no local minimum: f′(x) = 1/(3 x^(2/3)) never changes from negative to positive"]),
])
def test_minimize_reads_the_real_root(capsys, function, lines):
    assert main(["solve", "minimize", function]) == 0
    assert capsys.readouterr().out.splitlines()[1:1 + len(lines)] == lines


def test_x_to_the_third_minus_x_has_its_minimum_left_of_zero(capsys):
    # it crashed: "Cannot convert complex to float"
    assert main(["solve", "minimize", "x^(1/3) - x"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == ["f′(x) = 1/(3 x^(2/3)) - 1 = 0 at x = -√3/9 ≈ -0.19245 and x = √3/9 ≈ 0.19245",
                        "minimum: f(-√3/9) = -2√3/9 ≈ -0.3849"]


PACK = """\
pack: roots
exercises:
  - id: cusp
    kind: critical_points
    function: x^(2/3)
  - id: shifted
    kind: critical_points
    function: (x - 1)^(2/3)
  - id: both
    kind: critical_points
    function: abs(x - 1) + x^(2/3)
  - id: odd
    kind: critical_points
    function: x^(1/3) - x
  - id: rising
    kind: critical_points
    function: x^(1/3) + x
  - id: even
    kind: critical_points
    function: x^2 - 2x^(2/3)
  - id: fifth
    kind: critical_points
    function: x^(5/3) - x
  - id: plane
    kind: critical_points
    function: x^(2/3) + y^2
  - id: minima
    kind: local_minima
    function: x^2 - 2x^(2/3)
  - id: minima-odd
    kind: local_minima
    function: x^(1/3) - x
  - id: minima-plane
    kind: local_minima
    function: x^(2/3) + y^2
  - id: least
    kind: minimize
    function: (x - 1)^(2/3)
  - id: which
    kind: classify_point
    function: x^(1/3) - x
    at: [-sqrt(3)/9]
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("roots") / "roots.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


def test_the_pack_is_set(capsys, pack):
    # x^(2/3) and x^(1/3) + x were refused: "has a real value where its base is negative too, where the tutor
    # does not look for critical points"; local_minima of x^(2/3) said it had no local minimum
    assert main(["pack", "validate", pack]) == 0
    assert capsys.readouterr().out == f"{pack}: valid (13 exercises; each one's answer grades as correct)\n"


def test_the_prompt_says_what_the_key_holds(capsys, pack):
    main(["pack", "show", pack, "--answers"])
    out = capsys.readouterr().out
    # a cusp is named one (finding 208), where f′ has no value
    assert ("Find all critical points of f(x) = x^(2/3): each x where f′(x) = 0, or a cusp where f′ has no value "
            "and changes sign.\n   answer: x = 0\n") in out
    assert ("Find all critical points of f(x) = x + x^(1/3): each x where f′(x) = 0.\n   answer: ∅\n") in out


@pytest.mark.parametrize("exercise, typed, verdict", [
    ("cusp", "x = 0", "correct"),
    ("cusp", "none", "incorrect"),
    ("shifted", "1", "correct"),
    ("both", "0, 8/27, 1", "correct"),
    ("both", "8/27, 1", "incorrect"),
    ("odd", "±√3/9", "correct"),
    ("odd", "√3/9", "incorrect"),
    ("odd", "x = 0, x = ±√3/9", "incorrect"),  # f′ > 0 on both sides of 0: no corner where it changes sign
    ("rising", "none", "correct"),
    ("even", "x = 0, x = ±(2/3)^(3/4)", "correct"),
    ("fifth", "x = ±3√15/25", "correct"),
    ("fifth", "x = 3√15/25", "incorrect"),
    ("plane", "(0, 0)", "correct"),
    ("minima", "-0.7378, 0.7378", "correct"),
    ("minima", "0.7378", "incorrect"),
    ("minima-odd", "-0.1925", "correct"),
    ("minima-plane", "(0, 0)", "correct"),
    ("least", "1", "correct"),
    ("which", "minimum", "correct"),
])
def test_verdicts(loaded, exercise, typed, verdict):
    assert respond(loaded.exercise(exercise).variant(), typed).verdict.value == verdict


@pytest.fixture(scope="module")
def loaded(pack):
    """The pack read once: `tutor check` reads and validates it whole for every answer, seconds each here."""
    return packs.load(pack)


def test_a_missed_cusp_is_said_to_be_one(capsys, pack):
    main(["check", "--exercise", f"{pack}:both", "--", "8/27, 1"])
    assert capsys.readouterr().out.splitlines()[1] == (
        "It looks like you missed x = 0: f′ is -∞ from the left and ∞ from the right, so f′ changes sign at this "
        "cusp, where it has no value, and that makes it a critical point too.")


def test_a_derivative_at_a_negative_point_is_the_real_roots(capsys):
    assert main(["solve", "partial", "x^(1/3)", "--at", "x=-8"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "df/dx(-8) = 1/12 ≈ 0.0833333"
