"""The derivative family's wrong answers are built sharing work (issue 17), and are exactly what
building each one alone gives.

A wrong derivation re-derives f with one or two rules done wrong; the pieces of f no such rule
touches are derived once and shared, a pair of slips takes each term only one of them reaches from
that slip's own derivation (and derives the terms both reach), and a sum's fingerprint adds up its
terms' values. The checks: every
derivation the catalogue makes equals the one made with nothing shared (the slips, where each
applies, every site recorded), on the lesson's functions and the drills' templates; every pair put
together from its slips' derivations equals the pair derived (the lesson's functions, the drills'
variants, random sums of terms); every fingerprint of a sum equals the
one evaluating the sum gives; and the candidates each exercise of these kinds gets (values,
mistakes named, sentences) are the ones main gave before the sharing, pinned by a digest per
exercise in tests/data/derivative_candidates.json (`python tests/test_misconception_sharing.py`
writes it anew, after a change meant to alter them).
"""

from __future__ import annotations

import hashlib
import json
import sys
from fractions import Fraction
from functools import cache
from itertools import combinations
from pathlib import Path

import mpmath
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor import packs
from tutor.evaluate import Undefined, Unsupported, compile_expression
from tutor.misconceptions import Componentwise, Pattern
from tutor.misconceptions import derivatives as wrong
from tutor.misconceptions import differentiate as d
from tutor.parse import symbol
from tutor.topics import candidates

GOLDEN = Path(__file__).parent / "data" / "derivative_candidates.json"
KINDS = {"derivative", "partial_derivative", "gradient", "tangent_plane", "fix_variable"}
x, y, z = symbol("x"), symbol("y"), symbol("z")

# the lesson's functions, the drills' templates with numbers in, and pieces each rule works on
FUNCTIONS = [
    (3 * x**2 * y**3, ("x", "y")),
    (x**2 + y**2, ("x", "y")),
    (x**2 * (x - 6) * y**2, ("x", "y")),
    (85 - x**2 / 90 - y**2 / 90, ("x", "y")),
    (4 * x**2 * y + 3 * y**2 - 7, ("x", "y")),
    (5 * x**2 - 3 * x * y + 2 * y**2, ("x", "y")),
    (6 * x**4 * y**5, ("x", "y")),
    (x * sympy.exp(3 * y) + 4 * y, ("x", "y")),
    (y * sympy.exp(x), ("x", "y")),
    (x * y * z + 5 * x**2, ("x", "y", "z")),
    (3 * x**3 - 4 * x, ("x",)),
    (2 * sympy.exp(3 * x) - 4 * sympy.log(x), ("x",)),
    (3 * sympy.sin(2 * x) + sympy.cos(x), ("x",)),
    ((x + y) ** 2 + sympy.log(x + 1), ("x", "y")),
    ((2 * x + 1) ** 3 - x / (x + 1), ("x",)),
    (sympy.exp(x * y) - 3 * sympy.log(x**2 + 1) + 16, ("x", "y")),
    (x**2 * sympy.sin(y) / (y + 2), ("x", "y")),
]


def _slips(variant, held):
    only: dict = {}
    for slip, piece in variant:
        if piece is not None:
            only[slip] = only.get(slip, frozenset()) | {piece}
    return d.Slips(frozenset(s for s, _ in variant), only, held)


def _derivation(f, v, variant, held, variables):
    slips = _slips(variant, held)
    return d.differentiate(f, v, slips, variables), tuple(slips.sites)


def _nothing_shared(monkeypatch):
    """Every slip may change every piece, and no piece's derivation is remembered."""
    monkeypatch.setattr(d, "_may_use", lambda e: frozenset(d.Slip))
    monkeypatch.setattr(d, "_derived", d._derived.__wrapped__)
    monkeypatch.setattr(d, "_read", d._read.__wrapped__)


@pytest.mark.parametrize("f, variables", FUNCTIONS, ids=[str(f) for f, _ in FUNCTIONS])
def test_a_shared_derivation_is_the_one_made_alone(f, variables, monkeypatch):
    f = d.rebuild(f)
    everywhere = [((slip, None),) for slip in d.Slip]
    cases = []
    with monkeypatch.context() as patched:
        _nothing_shared(patched)
        for name in variables:  # each slip everywhere, at each place it changes, and two at once
            v = symbol(name)
            held = tuple(symbol(u) for u in variables if u != name)
            alone = [((site.slip, site.key),) for variant in everywhere
                     for site in _derivation(f, v, variant, held, variables)[1]]
            changing = [variant for variant in everywhere if _derivation(f, v, variant, held, variables)[1]]
            variants = everywhere + list(dict.fromkeys(alone))
            variants += [a + b for a, b in combinations(changing + list(dict.fromkeys(alone)), 2)
                         if a[0][0] != b[0][0]]
            cases += [(v, variant, held, _derivation(f, v, variant, held, variables)) for variant in variants]
    assert len(cases) > 100
    for v, variant, held, made_alone in cases:
        shared = _derivation(f, v, variant, held, variables)
        assert sympy.srepr(shared[0]) == sympy.srepr(made_alone[0]), (v, variant)
        assert shared[1] == made_alone[1], (v, variant)


@pytest.mark.parametrize("f, variables", FUNCTIONS, ids=[str(f) for f, _ in FUNCTIONS])
def test_a_sum_is_told_apart_by_its_own_values(f, variables):
    """A sum's fingerprint, added up from its terms' values, is the one evaluating the sum gives."""
    sums = [w.derivative for name in variables for w in wrong.wrong_derivatives(f, name, variables)]
    assert any(e.is_Add for e in sums)
    sums += [x / (x - sympy.Rational(7, 11)) + y, sympy.sqrt(2) * x + y**2, x + sympy.Integer(10)**2000 * y,
             sympy.exp(x) - y, x / 3 + sympy.Symbol("C")]  # undefined at a probe, inexact, too big, no value
    for e in sums:
        assert wrong.fingerprint(e, variables) == wrong._evaluated(e, tuple(variables))[:2], e  # at the probes


def _compiled_at_each_probe(e, names):
    """A fingerprint as it was first made: the compiled expression called at one probe at a time."""
    try:
        f = compile_expression(e, [symbol(n) for n in names])
    except Unsupported:
        return ("expr", sympy.srepr(sympy.expand(e)))
    values = []
    for probe in wrong._PROBES:
        try:
            value = f(probe[:len(names)]).value
        except Undefined:
            values.append(None)
            continue
        values.append(value if isinstance(value, Fraction) else mpmath.nstr(value, 30))
    return tuple(values)


@pytest.mark.parametrize("f, variables", FUNCTIONS, ids=[str(f) for f, _ in FUNCTIONS])
def test_a_fingerprint_evaluated_at_all_probes_at_once_is_the_one_made_probe_by_probe(f, variables):
    """evaluate.values_at (a polynomial walked once for both probes) gives the compiled values."""
    found = [w.derivative for name in variables for w in wrong.wrong_derivatives(f, name, variables)]
    found += [x / (x - sympy.Rational(7, 11)) + y, sympy.sqrt(2) * x + y**2, x + sympy.Integer(10)**2000 * y,
              sympy.exp(x) - y, x / 3 + sympy.Symbol("C"), sympy.Integer(5), x**-2 * y]
    for e in found:
        for term in (e, *sympy.Add.make_args(e)):  # the sum, and each term (remembered, summed up)
            assert wrong._evaluated(term, tuple(variables))[:2] == _compiled_at_each_probe(term, variables), term


def _pairs_checked(f, variables) -> int:
    """Every pair of slips of different rules (as wrong_derivatives pairs them), put together from
    each slip's own derivation and the terms both reach: the same terms and sites as deriving the
    pair. The number of pairs checked."""
    f = d.rebuild(f)
    names = tuple(variables)
    pairs = 0
    for name in variables:
        v = symbol(name)
        held = tuple(symbol(u) for u in variables if u != name)
        everywhere, alone = wrong.slip_variants(f, v, held, variables)
        own = cache(lambda variant, v=v, held=held: wrong._alone(f, v, variant, held, names))
        for a, b in combinations(everywhere + alone, 2):
            if a[0][0].rule == b[0][0].rule:
                continue
            paired = wrong._paired(f, v, held, names, a, b, own)
            derived = d.termwise(f, v, _slips(a + b, held), variables)
            assert [sympy.srepr(term) for term, _ in paired] == [sympy.srepr(term) for term, _ in derived], (v, a, b)
            assert [sites for _, sites in paired] == [sites for _, sites in derived], (v, a, b)
            pairs += 1
    return pairs


@pytest.mark.parametrize("f, variables", FUNCTIONS, ids=[str(f) for f, _ in FUNCTIONS])
def test_a_pair_taken_from_each_slip_alone_is_the_pair_derived(f, variables):
    assert _pairs_checked(f, variables) > 0 or len(sympy.Add.make_args(f)) == 1


def test_a_pair_taken_from_each_slip_alone_is_the_pair_derived_in_the_drills():
    pack = packs.load("drills")
    checked = 0
    for spec in pack.exercises:
        if spec.kind in {"derivative", "partial_derivative", "gradient"}:
            for student in ("s01", "s02", "s03"):
                problem = spec.variant(student).problem
                checked += _pairs_checked(problem.function, problem.variables)
    assert checked > 1000


_ATOMS = [x, y, x * y, x - 2, y + 2, sympy.exp(2 * x), sympy.log(x), sympy.sin(3 * x), sympy.cos(y), x / (x + 1),
          sympy.Integer(5)]


@settings(derandomize=True, deadline=None, max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(-6, 6).filter(bool), st.sampled_from(_ATOMS), st.integers(1, 3),
                          st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=3))
def test_a_pair_of_random_terms_taken_from_each_slip_alone_is_the_pair_derived(terms):
    f = sympy.Add(*(c * atom**n * x**i * y**j for c, atom, n, i, j in terms))
    _pairs_checked(f, ("x", "y"))


def _said_and_made(f, variables) -> list[tuple]:
    return [(w.misconception, sympy.srepr(w.derivative), tuple(s.sentence for s in w.said), w.variant)
            for name in variables for w in wrong.wrong_derivatives(f, name, variables)]


@settings(derandomize=True, deadline=None, max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(-6, 6).filter(bool), st.sampled_from(_ATOMS), st.integers(1, 3),
                          st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=3))
def test_the_wrong_derivatives_are_those_of_each_pair_derived_whole(terms):
    """wrong_derivatives, its pairs put together from each slip's terms (and a pair whose terms are
    those of a derivative found before not joined again), gives what deriving each pair whole gave."""
    f = sympy.Add(*(c * atom**n * x**i * y**j for c, atom, n, i, j in terms))
    found = _said_and_made(f, ("x", "y"))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(wrong, "_paired", lambda f, v, held, names, a, b, own: d.termwise(f, v, _slips(a + b, held),
                                                                                           names))
        assert found == _said_and_made(f, ("x", "y"))


def _listing(exercise) -> list[str]:
    """Every candidate of a variant: its mistakes, its value as sympy builds it, and what is said."""
    lines = []
    for c in candidates(exercise.problem):
        if isinstance(c, Componentwise):
            lines.append(f"componentwise {c.misconception} {c.names}")
            lines += [f"{i} {sympy.srepr(o.value)} {'+'.join(s.misconception for s in o.said)}"
                      + "".join(f" | {s.sentence}" for s in o.said)
                      for i, column in enumerate(c.options) for o in column]
        elif isinstance(c, Pattern):  # a shape, tested on the answer: its id and how it is read and ranked
            lines.append(f"pattern {c.misconception} {c.shape.name} {c.variables} {c.components} last={c.last}")
        else:
            lines.append(f"{c.misconception} {c.answer.shape.name} {sympy.srepr(c.answer.value)} {c.variables} "
                         f"{c.components} | {c.sentence}")
    return lines


def _exercises():
    for pack_name, students in (("gradients", [None]), ("drills", ["s01", "s02"])):
        pack = packs.load(pack_name)
        for spec in pack.exercises:
            for student in students:
                exercise = spec.variant(student) if student else spec.variant()
                if exercise.problem.KIND in KINDS:
                    yield f"{pack_name} {spec.id} {student or ''}".strip(), exercise


def _digests() -> dict[str, list]:
    found = {}
    for name, exercise in _exercises():
        lines = _listing(exercise)
        found[name] = [len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()]
    return found


def test_each_exercise_gets_the_candidates_it_got_before():
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = _digests()
    assert sorted(found) == sorted(expected)
    changed = [name for name in expected if found[name] != expected[name]]
    assert not changed, f"other candidates for {changed}"


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps(_digests(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.exit(0)
