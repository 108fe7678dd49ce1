"""Property: for random expressions of the supported functions, the derivation is right.

Its final result equals sympy's derivative, every step's `after` is the
derivative of its `before`, and no internal name (a sympy Dummy, a Subs, a
Derivative) ever reaches the text.
"""

from __future__ import annotations

import sympy
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from solve_helpers import check_derivation, numerically_equal

from tutor.parse import symbol
from tutor.steps import Rule, derivative_steps, render_latex, render_text, to_json

x, y, u = symbol("x"), symbol("y"), symbol("u")  # u: a student's variable the chain rule must avoid

UNARY = [sympy.exp, sympy.log, sympy.sin, sympy.cos, sympy.tan, sympy.sqrt, sympy.atan, sympy.sinh]
leaves = st.sampled_from([x, y, u]) | st.integers(1, 5).map(sympy.Integer)


def _extend(children):
    return (
        st.tuples(children, children).map(lambda p: p[0] + p[1])
        | st.tuples(children, children).map(lambda p: p[0] - p[1])
        | st.tuples(children, children).map(lambda p: p[0] * p[1])
        | st.tuples(children, children).map(lambda p: p[0] / p[1])
        | st.tuples(children, st.integers(-3, 4)).map(lambda p: p[0] ** p[1])
        | st.tuples(st.sampled_from(UNARY), children).map(lambda p: p[0](p[1]))
    )


expressions = st.recursive(leaves, _extend, max_leaves=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, st.sampled_from(["x", "y"]))
def test_derivation_matches_sympy_and_leaks_no_internal_names(f, wrt):
    assume(not f.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I))
    assume(sympy.count_ops(f) < 40 and f.has(symbol(wrt)))
    derivation = derivative_steps(f, wrt, ["x", "y", "u"])
    assert numerically_equal(derivation.after, sympy.diff(f, symbol(wrt)))
    for step in derivation.walk():
        if step.rule is Rule.CHAIN:
            assert step.get("letter").name not in ("x", "y", "u")
    text = render_text(derivation) + render_latex(derivation) + str(to_json(derivation))
    for internal in ("Dummy", "_Dummy", "Subs(", "Derivative(", "_xi", "Symbol("):
        assert internal not in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions)
@example(sympy.sqrt(x * y + x / y))  # simplified to √(y² + 1)/(2y√(x/y)): equal wherever f is real
def test_every_step_holds(f):
    assume(not f.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I))
    assume(sympy.count_ops(f) < 25 and f.has(x))
    derivation = derivative_steps(f, "x", ["x", "y", "u"])
    check_derivation(derivation, "x")
