"""Generator + verifier for the blind solve corpus. Uses only sympy (never the tutor)."""
import json, re, sys
from fractions import Fraction
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)

x, y, z = sp.symbols('x y z', real=True)
LOC = {'x': x, 'y': y, 'z': z, 'e': sp.E, 'E': sp.E, 'ln': sp.log, 'log': sp.log,
       'exp': sp.exp, 'sqrt': sp.sqrt, 'sin': sp.sin, 'cos': sp.cos, 'abs': sp.Abs}
TR = standard_transformations + (implicit_multiplication_application, convert_xor)


def P(s):
    return parse_expr(s, local_dict=LOC, transformations=TR)


def S(e):
    """sympy -> student syntax"""
    e = sp.nsimplify(e) if e.is_number and not e.free_symbols and e.is_Float else e
    s = sp.sstr(e)
    s = s.replace('**', '^')
    s = re.sub(r'\blog\(', 'ln(', s)
    s = re.sub(r'\bE\b', 'e', s)
    return s


def same(a, b):
    """a, b expressions (str or sympy): equal?"""
    A = P(a) if isinstance(a, str) else a
    B = P(b) if isinstance(b, str) else b
    d = sp.simplify(A - B)
    if d == 0:
        return True
    # numeric spot check at random points
    import random
    for _ in range(6):
        sub = {v: sp.Rational(random.randint(1, 97), random.randint(1, 13)) for v in (x, y, z)}
        val = complex(sp.N(d.subs(sub), 30))
        if abs(val) > 1e-20:
            return False
    return True


cases = []
counters = {}


def add(kind, function, options, expected, why):
    counters[kind] = counters.get(kind, 0) + 1
    cid = f"{kind}-{counters[kind]:03d}"
    c = {"id": cid, "kind": kind}
    if function is not None:
        c["function"] = function
    c["options"] = options
    c["expected"] = expected
    c["why"] = why
    cases.append(c)


VARS = {'x': x, 'y': y, 'z': z}


def at_sub(at):
    return {VARS[k]: P(v) for k, v in at.items()}

# ---------------- partial_derivative ----------------
def partial(f, wrt, hand, why, at=None, hand_val=None):
    F = P(f)
    d = sp.diff(F, VARS[wrt])
    assert same(d, hand), (f, wrt, d, hand)
    if at is None:
        add("partial_derivative", f, {"wrt": wrt}, {"derivative": hand}, why)
    else:
        v = sp.simplify(d.subs(at_sub(at)))
        assert same(v, hand_val), (f, wrt, at, v, hand_val)
        add("partial_derivative", f, {"wrt": wrt, "at": at}, {"value": hand_val}, why)

# ---------------- gradient ----------------
def gradient(f, hand, why, at=None, vars_=None):
    F = P(f)
    vs = vars_ or sorted(F.free_symbols, key=lambda s: 'xyz'.index(s.name))
    g = [sp.diff(F, v) for v in vs]
    assert len(g) == len(hand)
    if at is None:
        for a, b in zip(g, hand):
            assert same(a, b), (f, a, b)
        add("gradient", f, {}, {"gradient": hand}, why)
    else:
        vals = [sp.simplify(a.subs(at_sub(at))) for a in g]
        for a, b in zip(vals, hand):
            assert same(a, b), (f, at, a, b)
        add("gradient", f, {"at": at}, {"value": hand}, why)

# ---------------- critical points ----------------
def crit2(f, pts, why, solve=True):
    """pts: list of ([X, Y], nature). Checks grad=0, D!=0, nature, and (if solve) that sympy finds exactly these."""
    F = P(f)
    fx, fy = sp.diff(F, x), sp.diff(F, y)
    H = sp.hessian(F, (x, y))
    for (X, Y), nat in pts:
        sub = {x: P(X), y: P(Y)}
        assert sp.simplify(fx.subs(sub)) == 0 and sp.simplify(fy.subs(sub)) == 0, (f, X, Y)
        D = sp.simplify(H.det().subs(sub))
        fxx = sp.simplify(H[0, 0].subs(sub))
        assert D != 0, (f, X, Y)
        n = 'saddle' if D < 0 else ('minimum' if fxx > 0 else 'maximum')
        assert n == nat, (f, X, Y, n, nat)
    if solve:
        sols = sp.solve([fx, fy], [x, y], dict=True)
        real = set()
        for s in sols:
            if x not in s or y not in s:
                raise AssertionError(("non-isolated", f, s))
            X, Y = sp.simplify(s[x]), sp.simplify(s[y])
            if X.is_real and Y.is_real:
                real.add((X, Y))
        mine = set((sp.simplify(P(X)), sp.simplify(P(Y))) for (X, Y), _ in pts)
        assert real == mine, (f, real, mine)
    add("critical_points", f, {}, {"points": [{"point": p, "nature": n} for p, n in pts]}, why)


def crit1(f, pts, why):
    F = P(f)
    d1, d2 = sp.diff(F, x), sp.diff(F, x, 2)
    sols = [s for s in sp.solve(d1, x) if s.is_real]
    assert set(sp.simplify(s) for s in sols) == set(sp.simplify(P(X)) for (X,), _ in pts), (f, sols)
    for (X,), nat in pts:
        v = sp.simplify(d2.subs(x, P(X)))
        assert v != 0
        assert nat == ('minimum' if v > 0 else 'maximum'), (f, X, v)
    add("critical_points", f, {}, {"points": [{"point": p, "nature": n} for p, n in pts]}, why)

# ---------------- minimize ----------------
def minimize(f, minima, least, glob, why, global_check=None):
    F = P(f)
    d1, d2 = sp.diff(F, x), sp.diff(F, x, 2)
    sols = [sp.simplify(s) for s in sp.solve(d1, x) if s.is_real]
    found = []
    for s in sols:
        v = sp.simplify(d2.subs(x, s))
        if v > 0:
            found.append(s)
        elif v == 0:
            # higher-order test: sign change of f'
            eps = sp.Rational(1, 1000)
            l, r = d1.subs(x, s - eps), d1.subs(x, s + eps)
            if l < 0 < r:
                found.append(s)
    assert set(found) == set(sp.simplify(P(m)) for m in minima), (f, found)
    lv = min((F.subs(x, m) for m in found), key=lambda t: float(t))
    assert same(sp.simplify(lv), least), (f, lv, least)
    # global check: inf of f on real line (limits at +-oo and at singularities)
    lims = [sp.limit(F, x, sp.oo), sp.limit(F, x, -sp.oo)]
    unbounded = any(l == -sp.oo for l in lims)
    for sing in (global_check or []):
        lims += [sp.limit(F, x, sing, '+'), sp.limit(F, x, sing, '-')]
        unbounded = unbounded or any(l == -sp.oo for l in lims[-2:])
    g = not unbounded and all(l == sp.oo or (l.is_finite and l >= lv) for l in lims)
    assert g == glob, (f, lims, lv)
    add("minimize", f, {}, {"minima": minima, "least": least, "global": glob}, why)

# ---------------- tangent plane ----------------
def tangent(f, at, plane_rhs, why):
    F = P(f)
    sub = at_sub(at)
    a, b = sub[x], sub[y]
    T = F.subs(sub) + sp.diff(F, x).subs(sub) * (x - a) + sp.diff(F, y).subs(sub) * (y - b)
    assert same(sp.expand(T), plane_rhs), (f, sp.expand(T), plane_rhs)
    add("tangent_plane", f, {"at": at}, {"plane": "z = " + plane_rhs}, why)

# ---------------- least squares / cost ----------------
def lsq_exact(pts):
    X = [Fraction(p[0]) for p in pts]
    Y = [Fraction(p[1]) for p in pts]
    n = len(pts)
    sx, sy = sum(X), sum(Y)
    sxx = sum(a * a for a in X)
    sxy = sum(a * b for a, b in zip(X, Y))
    m = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    b = (sy - m * sx) / n
    return m, b


def lsq_sympy(pts):
    m, b = sp.symbols('m b')
    E = sum((m * sp.Rational(str(px)) + b - sp.Rational(str(py))) ** 2 for px, py in pts)
    s = sp.solve([sp.diff(E, m), sp.diff(E, b)], [m, b], dict=True)[0]
    return s[m], s[b]


def fr(q):
    q = Fraction(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def lstsq(pts, m_hand, b_hand, why):
    m1, b1 = lsq_exact(pts)
    m2, b2 = lsq_sympy(pts)
    assert Fraction(m_hand) == m1 == Fraction(str(m2)), (pts, m1, m2, m_hand)
    assert Fraction(b_hand) == b1 == Fraction(str(b2)), (pts, b1, b2, b_hand)
    add("least_squares", None, {"points": pts}, {"m": m_hand, "b": b_hand}, why)


def cost(pts, M, B, hand, why):
    Mq, Bq = Fraction(M), Fraction(B)
    v = sum((Mq * Fraction(px) + Bq - Fraction(py)) ** 2 for px, py in pts)
    m, b = sp.symbols('m b')
    E = sum((m * sp.Rational(str(px)) + b - sp.Rational(str(py))) ** 2 for px, py in pts)
    v2 = E.subs({m: sp.Rational(M), b: sp.Rational(B)})
    assert Fraction(hand) == v == Fraction(str(v2)), (pts, M, B, v, v2, hand)
    add("cost", None, {"points": pts, "at": {"m": M, "b": B}}, {"value": hand}, why)

# ---------------- gradient descent ----------------
def descent(f, start, rate, n, why, hand_first=None):
    import mpmath
    mpmath.mp.dps = 50
    F = P(f)
    vs = [x] if len(start) == 1 else [x, y]
    g = [sp.lambdify(vs, sp.diff(F, v), 'mpmath') for v in vs]
    p = [mpmath.mpf(s) for s in start]
    R = mpmath.mpf(rate)
    hist = []
    for _ in range(n):
        gr = [gi(*p) for gi in g]
        p = [pi - R * gi for pi, gi in zip(p, gr)]
        hist.append(p)
    # independent float check
    gf = [sp.lambdify(vs, sp.diff(F, v), 'math') for v in vs]
    q = [float(s) for s in start]
    for _ in range(n):
        gr = [gi(*q) for gi in gf]
        q = [qi - float(rate) * gi for qi, gi in zip(q, gr)]
    for a, b in zip(p, q):
        assert abs(float(a) - b) <= 1e-9 * max(1, abs(b)), (f, p, q)
    if hand_first is not None:
        for a, b in zip(hist[0], hand_first):
            assert abs(float(a) - b) < 5e-4, (f, hist[0], hand_first)
    pt = [mpmath.nstr(a, 10) for a in p]
    add("gradient_descent", f, {"start": start, "rate": rate, "iterations": n}, {"point": pt}, why)
    return pt

# ---------------- fix variable ----------------
def fix(f, fixd, slice_hand, slope_hand, why):
    F = P(f)
    sub = at_sub(fixd)
    Sl = F.subs(sub)
    (free,) = [v for v in Sl.free_symbols]
    assert same(Sl, slice_hand), (f, Sl, slice_hand)
    assert same(sp.diff(Sl, free), slope_hand), (f, slope_hand)
    add("fix_variable", f, {"fix": fixd}, {"slice": slice_hand, "slope": slope_hand}, why)
