"""Building a variant does less work than it did, and gives what it gave: each shortcut taken in
building (a derivative's terms remembered, ...) is checked here against the computation it replaces,
written out as it was, on random functions and on the drills pack's own draws."""

from __future__ import annotations

import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.calculus import partials
from tutor.calculus.partials import derivative
from tutor.calculus.roots import rational_polynomial
from tutor.parse import symbol
from tutor.show import show

SETTINGS = {"derandomize": True, "deadline": None, "suppress_health_check": [HealthCheck.too_slow],
            "max_examples": 150}

x, y, a = sympy.symbols("x y a")
_ATOMS = [x, y, x * y, x - a, y + 2, sympy.exp(2 * x), sympy.log(x), sympy.sin(3 * x), sympy.cos(y), x / (x + 1)]


def terms():
    return st.tuples(st.integers(-6, 6), st.sampled_from(_ATOMS), st.integers(1, 4), st.integers(0, 3)).map(
        lambda t: t[0] * t[1] ** t[2] * x ** t[3])


def functions():
    return st.lists(terms(), min_size=1, max_size=5).map(lambda ts: sympy.Add(*ts).xreplace({a: 3}))


def derivative_as_it_was(f: sympy.Expr, wrt: str) -> sympy.Expr:
    """partials.derivative before its terms' derivatives were remembered."""
    v = symbol(wrt)
    return sympy.Add(*(partials._tidy(sympy.diff(term, v)) for term in sympy.Add.make_args(f)))


@settings(**SETTINGS)
@given(functions(), st.sampled_from(["x", "y"]))
def test_a_derivative_is_the_one_computed_afresh(f: sympy.Expr, wrt: str) -> None:
    first, again = derivative(f, wrt), derivative(f, wrt)  # computed, then remembered
    expected = derivative_as_it_was(f, wrt)
    assert first == again == expected
    assert show(first) == show(again) == show(expected)


def test_second_derivatives_are_those_of_the_first() -> None:
    f = x**2 * y**3 + 4 * x * y - sympy.exp(x * y)
    fx = derivative(f, "x")
    assert derivative(fx, "y") == derivative_as_it_was(derivative_as_it_was(f, "x"), "y")


def rational_polynomial_as_it_was(expr: sympy.Expr, gens: list[sympy.Symbol]) -> sympy.Poly | None:
    """roots.rational_polynomial before the Poly was remembered."""
    try:
        poly = sympy.Poly(expr, *gens)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    if poly.domain not in (sympy.ZZ, sympy.QQ):
        return None
    return poly.retract() if poly.domain != sympy.QQ else poly


@settings(**SETTINGS)
@given(functions(), st.sampled_from([[x], [x, y], [y, x]]))
def test_a_polynomial_is_the_one_made_afresh(f: sympy.Expr, gens: list[sympy.Symbol]) -> None:
    for expr in (f, sympy.expand(f)):
        first, again = rational_polynomial(expr, gens), rational_polynomial(expr, tuple(gens))
        expected = rational_polynomial_as_it_was(expr, gens)
        assert first == again == expected
        if expected is not None:
            assert first.domain == expected.domain and first.gens == expected.gens
