"""`tutor solve` where f has no real value: every part of f must be real where it is evaluated, so a value
reached only through complex arithmetic (√(-1)·√(-4) = i·2i = -2, ln(-1) − ln(-2) = -ln 2) is refused as
ln(x) + ln(y) at (-1, -2) is; a slice wholly outside f's domain is refused the same way. A pack exercise
whose variant lands at such a point is refused at validation. Findings 574, 575, 578-581."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solve_helpers import lesson

from tutor.calculus import fix_variable, gradient
from tutor.calculus.common import NoRealValue
from tutor.calculus.partials import value_at
from tutor.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["solve", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("argv, said", [
    # 578: i·2i = -2, and the slopes from it
    (("tangent", "sqrt(x) sqrt(y)", "--at=-1,-4", "--steps"), "x = -1, y = -4"),
    (("gradient", "sqrt(x) sqrt(y)", "--at=-1,-4"), "x = -1, y = -4"),
    (("partial", "sqrt(x) sqrt(y)", "--wrt", "x", "--at=-1,-4", "--steps"), "x = -1, y = -4"),
    (("gradient", "sqrt(x)/sqrt(y)", "--at=-1,-1"), "x = -1, y = -1"),
    (("tangent", "sqrt(x) sqrt(x)", "--at=-4"), "x = -4"),
    (("tangent", "sqrt(x)^2", "--at=-4"), "x = -4"),
    # 580: an internal error (Cannot convert complex to float)
    (("gradient", "asin(x) asin(y)", "--at", "2,2"), "x = 2, y = 2"),
    (("partial", "asin(x) asin(y)", "--wrt", "x", "--at", "2,2"), "x = 2, y = 2"),
    # 581: sympy's I in a tangent plane and a gradient; ln(-1) − ln(-2) = -ln 2
    (("tangent", "asin(x) asin(y)", "--at", "2,2"), "x = 2, y = 2"),
    (("gradient", "acos(x) acos(y)", "--at", "2,2"), "x = 2, y = 2"),
    (("gradient", "ln(x) - ln(y)", "--at=-1,-2"), "x = -1, y = -2"),
    # as before: a sum whose value is not real as a whole
    (("gradient", "asin(x) + asin(y)", "--at", "2,2"), "x = 2, y = 2"),
])
def test_a_point_where_a_part_of_f_has_no_real_value_is_refused(capsys, argv, said):
    assert run(capsys, *argv) == (2, "", f"tutor: f has no real value at {said}\n")


@pytest.mark.parametrize("argv, said", [
    # 579: "f(x, -4) = √(-4)√x = 2I√x", "d/dx f(x, -1) = Iπ"
    (("fix", "sqrt(x) sqrt(y)", "--fix", "y=-4"), "y = -4"),
    (("fix", "x ln(y)", "--fix", "y=-1"), "y = -1"),
    (("fix", "sqrt(y - x^2)", "--fix", "y=-4"), "y = -4"),  # √(-x² - 4): real for no x
    (("fix", "sqrt(x) sqrt(y)", "--fix", "x=-1,y=-4"), "x = -1, y = -4"),
])
def test_a_slice_wholly_outside_f_s_domain_is_refused(capsys, argv, said):
    assert run(capsys, *argv) == (2, "", f"tutor: f has no real value where {said}\n")


@pytest.mark.parametrize("argv, power", [
    # 792: "(ln(8) + Iπ)(-8)ʸ", sympy's I, as the slope of the tangent line
    (("fix", "x^y", "--fix=x=-8"), "(-8)ʸ"),
    (("fix", "x^y + y", "--fix=x=-2", "--latex"), "(-2)ʸ"),
])
def test_a_negative_number_to_a_varying_power_has_no_slope(capsys, argv, power):
    said = f"with x = {argv[2][-2:]}, {power} has a real value only at single values of y, on no interval, so f " \
        "has no slope along y there"
    assert run(capsys, *argv) == (2, "", f"tutor: {said}\n")


def test_a_power_of_0_that_varies_has_its_slope_where_it_has_a_value(capsys):
    # 792: "d/dy f(0, y) = nan"
    code, out, _ = run(capsys, "fix", "x^y", "--fix", "x=0", "--steps")
    assert code == 0 and out.splitlines()[1:3] + out.splitlines()[7:10] == [
        "fix x = 0: f(0, y) = 0ʸ",
        "d/dy f(0, y) = 0 where y > 0: the slope of the tangent line along y",
        "2. A power of 0 that varies is 0 where its power is positive and has no value elsewhere: 0ʸ = 0 where "
        "y > 0.",
        "3. d/dy[0] = 0",
        "   3.1. Constant: 0 does not change with y, so d/dy[0] = 0."]
    # the formula xʸ ln(x) has no value at x = 0, where the slice's slope is 0: it was "∂f/∂y = xʸ ln(x) with x = 0"
    assert out.splitlines()[-1] == ("4. 0 is the slope of the tangent line to the curve f(0, y): it is ∂f/∂y with "
                                    "x = 0, though the formula ∂f/∂y = xʸ ln(x) has no value there.")
    # the slope at a point beside which f has no real value: was 64(ln(8) + Iπ), and a crash on its decimals
    assert run(capsys, "partial", "x^y", "--wrt", "y", "--at=-8,2") == (
        2, "", "tutor: f is not differentiable at x = -8, y = 2: f has no real value to the left or to the right\n")


def test_a_slice_partly_in_f_s_domain_and_the_real_odd_root_of_a_fixed_value_are_kept(capsys):
    assert run(capsys, "fix", "ln(x y)", "--fix", "y=-1")[1].splitlines() == [
        "f(x, y) = ln(xy)", "fix y = -1: f(x, -1) = ln((-1)x) = ln(-x)",
        "d/dx f(x, -1) = 1/x: the slope of the tangent line along x"]
    # was 2(-1)^(1/3)y, sympy's complex cube root
    assert run(capsys, "fix", "x^(1/3) y", "--fix", "x=-8")[1].splitlines() == [
        "f(x, y) = x^(1/3)y", "fix x = -8: f(-8, y) = (-8)^(1/3)y = -2y",
        "d/dy f(-8, y) = -2: the slope of the tangent line along y"]
    # a command's own function may make numbers longer than a student may type: still worked out
    assert run(capsys, "fix", "x y^y", "--fix", "y=99999")[1].splitlines()[1] == \
        "fix y = 99999: f(x, 99999) = 99999⁹⁹⁹⁹⁹x = ≈3.67881280579378e+499994x"


def test_the_same_points_inside_the_domain_are_answered(capsys):
    assert run(capsys, "tangent", "sqrt(x) sqrt(y)", "--at=1,4")[1].splitlines() == [
        "f(x, y) = √x√y", "tangent plane at (1, 4): z = 2 + (x - 1) + (y - 4)/4", "z = x + y/4"]
    assert run(capsys, "gradient", "ln(x) - ln(y)", "--at=1,2")[1].splitlines() == [
        "f(x, y) = ln(x) - ln(y)", "∇f = (1/x, -1/y)", "∇f(1, 2) = (1, -1/2)"]


def test_a_slice_with_nothing_to_work_out_is_written_once_and_has_no_empty_step(capsys):
    # 574: "f(x, 3) = 3x = 3x" and "2. Work out the numbers: 3x = 3x."
    status, out, _ = run(capsys, "fix", "x y", "--fix", "y=3", "--steps")
    lines = out.splitlines()
    assert status == 0 and lines[1] == "fix y = 3: f(x, 3) = 3x"
    assert [line for line in lines if line[:2] in ("1.", "2.", "3.")] == [
        "1. Fix y = 3: y no longer varies, so put 3 in its place: f(x, 3) = 3x.",
        "2. d/dx[3x] = 3",
        "3. 3 is the slope of the tangent line to the curve f(x, 3): it is ∂f/∂x = y with y = 3."]
    assert run(capsys, "fix", "x ln(y)", "--fix", "x=2")[1].splitlines()[1] == "fix x = 2: f(2, y) = 2 ln(y)"
    assert "Work out the numbers" not in run(capsys, "fix", "x^2 y + e^(x y)", "--fix", "y=0.5", "--steps")[1]
    # the lesson's slice still works its numbers out
    out = run(capsys, "fix", "x^2 + y^2", "--fix", "y=4", "--steps")[1]
    assert "fix y = 4: f(x, 4) = x² + 4² = x² + 16" in out and "2. Work out the numbers: x² + 4² = x² + 16." in out


def test_the_critical_points_steps_say_f_has_no_value_where_it_has_none(capsys):
    # 575: "but ∇f has no value there", where ∇f's formula is 0 and ln(xy) has no real value (xy < 0)
    out = run(capsys, "critical", "x^2 + y^2 - ln(x y)", "--steps")[1]
    assert "   8.2. 2x² = 1 and 2y² = 1: the points (-√2/2, √2/2) and (√2/2, -√2/2), but f has no real value " \
           "there." in out.splitlines()
    assert "note:" not in out
    # the cone's vertex: there f has a value, and ∇f's formula none
    out = run(capsys, "critical", "sqrt(x^2 + y^2)", "--steps")[1]
    assert "f has no real value" not in out


def test_a_pack_variant_at_such_a_point_is_refused_at_validation(tmp_path, capsys):
    pack = tmp_path / "domain.yaml"
    pack.write_text("pack: domain\nexercises:\n"
                    "  - id: g\n    kind: gradient\n    function: sqrt(x) sqrt(y)\n    at: [a, 4 a]\n"
                    "    params: {a: {choice: [-1, 1]}}\n"
                    "  - id: f\n    kind: fix_variable\n    function: sqrt(x) sqrt(y)\n    fix: {y: a}\n"
                    "    params: {a: {choice: [-4, 4]}}\n"
                    "  - id: p\n    kind: partial_derivative\n    function: ln(x) - ln(y)\n    wrt: x\n"
                    "    at: [a, 2 a]\n    params: {a: {choice: [-1, 1]}}\n", encoding="utf-8")
    assert main(["pack", "validate", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{pack}:7:13: exercise 'g': with a = -1, f has no real value at x = -1, y = -4",
        f"{pack}:11:10: exercise 'f': with a = -4, f has no real value where y = -4",
        f"{pack}:18:13: exercise 'p': with a = -1, f has no real value at x = -1, y = -2"]


# ---------------------------------------------------------------------- property

_REAL = {"sqrt": math.sqrt, "ln": math.log, "asin": math.asin, "acos": math.acos}
_SLOPE = {"sqrt": lambda u: 1 / (2 * math.sqrt(u)), "ln": lambda u: 1 / u,
          "asin": lambda u: 1 / math.sqrt(1 - u * u), "acos": lambda u: -1 / math.sqrt(1 - u * u)}
# no 0 or ±1, where a factor is 0 or its slope infinite: inside or outside each domain, never on its edge
_COORDINATES = [Fraction(n) for n in (-3, -2, 2, 3)] + [Fraction(n, d) for n, d in ((-1, 2), (-1, 3), (1, 3), (1, 2))]
_FACTORS = st.tuples(st.sampled_from(sorted(_REAL)), st.sampled_from("xy"), st.sampled_from((1, -1)),
                     st.sampled_from((1, -1)))  # function, variable, its sign inside, power
# each factor once: asin(y)/asin(y) is read as 1, before any solver sees it
_PRODUCTS = st.lists(_FACTORS, min_size=1, max_size=3, unique_by=lambda factor: factor[:3])


def _text(factors) -> str:
    def one(name, v, sign, power):
        inside = v if sign == 1 else f"-{v}"
        return f"{name}({inside})" if power == 1 else f"1/{name}({inside})"
    return " * ".join(one(*factor) for factor in factors)


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PRODUCTS, st.sampled_from(_COORDINATES), st.sampled_from(_COORDINATES))
def test_a_product_of_roots_logs_and_inverse_sines_is_refused_or_real(factors, a, b):
    """The solver either refuses or gives f and ∇f equal to a real evaluation, factor by factor: never a
    value made in complex numbers, and never a traceback."""
    f = lesson(_text(factors))
    at = {"x": a, "y": b}
    try:
        values = [(_REAL[name](sign * float(at[v])), _SLOPE[name](sign * float(at[v]))) for name, v, sign, _ in factors]
    except ValueError:  # some factor has no real value here, so f has none
        with pytest.raises(NoRealValue):
            gradient(f, ("x", "y"), at=at)
        with pytest.raises(NoRealValue):
            value_at(f, ("x", "y"), (sympy.Rational(a), sympy.Rational(b)))
        return
    whole = math.prod(value ** power for (value, _), (_, _, _, power) in zip(values, factors))
    assert float(value_at(f, ("x", "y"), (sympy.Rational(a), sympy.Rational(b)))) == pytest.approx(whole)
    found = gradient(f, ("x", "y"), at=at)
    assert found.values is not None
    for v, component in zip("xy", found.values):
        assert not component.has(sympy.I)
        # ∂/∂v of Π g(s·v)^p: f times the sum of p·s·g′/g over the factors in v
        want = whole * sum(power * sign * slope / value
                           for (_, w, sign, power), (value, slope) in zip(factors, values) if w == v)
        assert float(component) == pytest.approx(want)


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PRODUCTS, st.sampled_from(_COORDINATES))
def test_a_slice_of_such_a_product_is_refused_or_real(factors, c):
    """Fixing y = c: refused where a factor in y alone has no real value, else a slice without sympy's I."""
    f = lesson(_text(factors))
    outside = False
    for name, v, sign, _ in factors:
        try:
            _REAL[name](sign * float(c)) if v == "y" else None
        except ValueError:
            outside = True
    if "y" not in {v for _, v, _, _ in factors}:
        return  # y is no variable of f
    if outside:
        with pytest.raises(NoRealValue):
            fix_variable(f, {"y": c})
        return
    sliced = fix_variable(f, {"y": c})
    assert not sliced.slice.has(sympy.I) and (sliced.derivative is None or not sliced.derivative.has(sympy.I))
