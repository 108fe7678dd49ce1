"""Misconceptions about the least-squares line y = mx + b.

A fit is a slope and then an intercept, and each has its mistakes, which
compose: the slope from a wrong formula ((Σx)² for Σx², n left out, the normal
equations solved without their cross term, the mean of the slopes between the
points), then the intercept from that slope (b = ȳ without −m·x̄, the data's y
at x = 0, or none at all). Some mistakes replace the fit altogether: the line
through two of the points, through the origin, x regressed on y, m and b
swapped, the factor 2 kept in some terms of ∂E/∂m and ∂E/∂b only. A student
may answer with m and b or with the line's equation, so each comes in both forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from sympy import Expr, Integer

from ...calculus import NormalEquations
from ...misconceptions import Misconception, Said, WrongAnswer, register
from ...parse import Answer, Equation, Shape, symbol
from ...show import as_decimal, show_decimal
from .exercise import LeastSquares

FIT = "solve ∂E/∂m = 0 and ∂E/∂b = 0 together"

MISCONCEPTIONS = register(
    Misconception(
        "slope-intercept-swapped", "m and b swapped",
        "It looks like you swapped m and b: m is the slope (the coefficient of x) and b the intercept."),
    Misconception(
        "cost-derivative-factor-2", "the factor 2 of the cost's derivatives not carried consistently",
        "It looks like you kept the factor 2 in some terms of ∂E/∂m and ∂E/∂b but not in others. Every term "
        "carries it (the derivative of m² is 2m, and (mx + b − y)² has the cross term 2·mx·b): keep it in "
        "all of them, or divide all of them by it."),
    Misconception(
        "mean-of-slopes", "averaged the slopes between the points",
        "It looks like you averaged the slopes between the points. The least-squares line is fitted to all "
        f"the points at once: {FIT}."),
    Misconception(
        "intercept-mean-y", "took b = ȳ, without −m·x̄",
        "It looks like you took b = ȳ {equals_mean_y}. The line goes through the centre of the points (x̄, ȳ), "
        "so b = ȳ − m·x̄ {equals_right}."),
    Misconception(
        "intercept-data-point", "took b as the data's y at x = 0",
        "It looks like you took b from the data point {point}. The fitted line need not pass through any "
        "data point: b = ȳ − m·x̄ {equals_right}."),
    Misconception(
        "intercept-missing", "gave m without b",
        "It looks like you stopped at m. The line y = mx + b needs its intercept too: b = ȳ − m·x̄."),
    Misconception(
        "line-through-two-points", "drew the line through two of the points",
        "It looks like you drew the line through {points}. The least-squares line is fitted to all the "
        f"points at once: {FIT}."),
    Misconception(
        "line-through-origin", "forced the line through the origin",
        "It looks like you fitted a line through the origin, m = Σxy/Σx² with no b. The line y = mx + b has "
        f"an intercept too: {FIT}."),
    Misconception(
        "regressed-x-on-y", "fitted x against y",
        "It looks like you fitted x against y (the errors measured sideways). Least squares for y = mx + b "
        "measures the errors in y: m = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²)."),
    Misconception(
        "sum-squared-confused", "confused Σx² and (Σx)²",
        "It looks like you used (Σx)² = {square} where Σx² = {sum_squares} belongs: m = (nΣxy − ΣxΣy)/"
        "(nΣx² − (Σx)²)."),
    Misconception(
        "slope-formula-without-n", "left n out of the slope formula",
        "It looks like you left out n = {n}: m = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²)."),
    Misconception(
        "normal-equations-cross-term-dropped", "solved the normal equations without their cross terms",
        "It looks like you solved ∂E/∂m = 0 for m and ∂E/∂b = 0 for b separately, dropping the cross term "
        "{cross}·mb of E. Each equation has both m and b: solve them together."),
)


def _solve(a: Sequence[Sequence[Expr]], c: Sequence[Expr]) -> tuple[Expr, Expr] | None:
    """The 2×2 system a·(m, b) = c by Cramer's rule; None when it has no unique solution."""
    det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
    if det == 0:
        return None
    return ((c[0] * a[1][1] - a[0][1] * c[1]) / det, (a[0][0] * c[1] - c[0] * a[1][0]) / det)


def _factor_two(system: NormalEquations) -> Iterator[tuple[Expr, Expr] | None]:
    """Normal equations with the 2 kept in some terms only; E = Sxx·m² + 2Sx·mb + n·b² − 2Sxy·m − 2Sy·b + Syy."""
    (sxx, sx), (_, n) = system.matrix
    sxy, sy = system.rhs
    yield _solve([[sxx, 2 * sx], [2 * sx, n]], [2 * sxy, 2 * sy])  # m², b² differentiated to m and b
    yield _solve([[2 * sxx, sx], [sx, 2 * n]], [sxy, sy])  # the square expanded without its doubled cross terms


def _slope(n: int, sx: Expr, sy: Expr, sxx: Expr, sxy: Expr, squares: Expr | None = None) -> Expr | None:
    denominator = n * (sxx if squares is None else squares) - sx**2
    return None if denominator == 0 else (n * sxy - sx * sy) / denominator


def candidates(problem: LeastSquares) -> list[WrongAnswer]:
    fit, points = problem.solution, problem.points
    n = len(points)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    sx, sy = sum(xs, Integer(0)), sum(ys, Integer(0))
    sxx, sxy, syy = (sum((a * b for a, b in pairs), Integer(0))
                     for pairs in (zip(xs, xs), zip(xs, ys), zip(ys, ys)))
    mean_x, mean_y = sx / n, sy / n
    say = {m: MISCONCEPTIONS[m].fill for m in MISCONCEPTIONS}
    shown = problem.show

    def equals(value: Expr) -> str:
        """'= 7/3'; '≈ 7.98195' for a decimal without an end, where the data are decimals (321349067/40259530 for
        the lesson's advertising rows told a student nothing: outside check h39, F6)."""
        if problem.decimals and as_decimal(Fraction(int(value.p), int(value.q)), always=True, most_places=20) is None:
            tolerance = problem.tolerance or problem.default_tolerance()
            return f"≈ {show_decimal(float(value), places=tolerance.places if tolerance else None)}"
        return f"= {shown(value)}"

    def intercepts(m: Expr) -> list[tuple[Expr, Said | None]]:
        right = equals(mean_y - m * mean_x)
        found: list[tuple[Expr, Said | None]] = [
            (mean_y - m * mean_x, None),
            (mean_y, say["intercept-mean-y"](equals_mean_y=equals(mean_y), equals_right=right))]
        for x, y in points:
            if x == 0:
                found.append((y, say["intercept-data-point"](point=shown((x, y)), equals_right=right)))
        return found

    slopes: list[tuple[Expr | None, Said | None]] = [(fit.slope, None)]
    slopes.append((_slope(n, sx, sy, sxx, sxy, squares=sx**2),
                   say["sum-squared-confused"](square=shown(sx**2), sum_squares=shown(sxx))))
    slopes.append((_slope(1, sx, sy, sxx, sxy), say["slope-formula-without-n"](n=str(n))))
    found: list[tuple[tuple[Said, ...], tuple[Expr, Expr]]] = []
    for m, slope_said in slopes:
        if m is None:
            continue
        for b, intercept_said in intercepts(m):
            said = tuple(s for s in (slope_said, intercept_said) if s is not None)
            if said:
                found.append((said, (m, b)))
    swapped = (fit.intercept, fit.slope)
    whole: list[tuple[Said, tuple[Expr, Expr] | None]] = [(say["slope-intercept-swapped"](), swapped)]
    whole += [(say["cost-derivative-factor-2"](), mb) for mb in _factor_two(fit.system)]
    if sxx != 0:
        whole.append((say["normal-equations-cross-term-dropped"](cross=shown(2 * sx)), (sxy / sxx, mean_y)))
        whole.append((say["line-through-origin"](), (sxy / sxx, Integer(0))))
    m_xy = _slope(n, sy, sx, syy, sxy)
    if m_xy is not None:
        whole.append((say["regressed-x-on-y"](), (m_xy, mean_x - m_xy * mean_y)))
    whole += [(say["line-through-two-points"](points=f"{shown(p)} and {shown(q)}"), _through(p, q))
              for p, q in ((points[0], points[-1]), (points[0], points[1]))]
    whole += [(say["mean-of-slopes"](), mb) for mb in _mean_slopes(points)]
    # a right slope with a wrong intercept first: where a whole-fit mistake gives the same line, its slope is a
    # coincidence more often (h17: y = 0.5x + 1 was told as the line through two points, m = 1/2 being right)
    right_slope = [(said, mb) for said, mb in found if mb[0] == fit.slope]
    found = [*right_slope, *(((said,), mb) for said, mb in whole if mb is not None),
             *((said, mb) for said, mb in found if mb[0] != fit.slope)]
    answers = []
    for said, (m, b) in found:
        answers.append(WrongAnswer.of(said, Answer(Shape.VECTOR, (m, b)), variables=(), components=("m", "b")))
        answers.append(WrongAnswer.of(said, Answer(Shape.EQUATION, Equation(symbol("y"), m * symbol("x") + b)),
                                      variables=("x", "y")))
    # each mistake with m and b then given the wrong way round, as the right ones are (outside check h39, F8: m = 8/3,
    # b = 3/2 for b = ȳ's (3/2, 8/3) was named nothing); only where the answer is exact: to a tolerance, a swapped
    # intercept is the right slope rounded too often, no swap but a coincidence (m = 4, b = 1 for m = 4, b = 5/3
    # to 0 places)
    turned, exact = say["slope-intercept-swapped"](), (problem.tolerance or problem.default_tolerance()) is None
    answers += [WrongAnswer.of((*said, turned), Answer(Shape.VECTOR, (b, m)), variables=(), components=("m", "b"))
                for said, (m, b) in found if exact and m != b and b != fit.slope
                and turned.misconception not in {s.misconception for s in said}]
    answers.append(WrongAnswer.of([say["intercept-missing"]()], Answer(Shape.NUMBER, fit.slope), variables=("m",),
                                  components=()))
    return answers


def _through(p: tuple[Expr, Expr], q: tuple[Expr, Expr]) -> tuple[Expr, Expr] | None:
    if p[0] == q[0]:
        return None
    m = (q[1] - p[1]) / (q[0] - p[0])
    return m, p[1] - m * p[0]


def _mean_slopes(points: Sequence[tuple[Expr, Expr]]) -> Iterator[tuple[Expr, Expr]]:
    ordered = sorted(points, key=lambda p: float(p[0]))
    pairs = list(zip(ordered, ordered[1:]))
    consecutive = [(q[1] - p[1]) / (q[0] - p[0]) for p, q in pairs if q[0] != p[0]]
    every = [(q[1] - p[1]) / (q[0] - p[0]) for i, p in enumerate(ordered) for q in ordered[i + 1:] if q[0] != p[0]]
    n = len(points)
    mean_x = sum(p[0] for p in points) / n
    mean_y = sum(p[1] for p in points) / n
    for slopes in (consecutive, every):
        if not slopes:
            continue
        m = sum(slopes) / len(slopes)
        yield m, mean_y - m * mean_x  # through the centre of the points
        yield m, ordered[0][1] - m * ordered[0][0]  # through the first point
