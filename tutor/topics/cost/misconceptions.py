"""Misconceptions about the cost of a line: a square not multiplied out properly (squared term by
term, the mb cross term dropped, the products not doubled, the yᵢ added for the yᵢ²), the errors added
without squaring (or their sizes added), the mean cost with 1/n instead of 1/(2n) or not averaged at
all; carried through to the cost's value and to a descent step, where the step may also go uphill or
stop at the gradient, be written the wrong way round, or take a slope with a slip of its own (each
square's derivative without its 2, the mean's not divided by n)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import cast

import sympy
from sympy import Expr

from ...calculus.cost import B, M
from ...calculus.partials import diff
from ...calculus.roots import rational_terms
from ...misconceptions import Misconception, Said, WrongAnswer, register
from ...misconceptions.derivatives import wrong_gradients
from ...misconceptions.points import MISCONCEPTIONS as POINTS
from ...misconceptions.points import place_words, point_words, value_slips
from ...parse import Answer, Shape, fraction, to_sympy
from ..critical_points.misconceptions import point_swapped
from ..gradient_descent.misconceptions import MISCONCEPTIONS as DESCENT
from .exercise import Ask, Cost

MISCONCEPTIONS = register(
    Misconception(
        "squared-term-by-term", "squared each term of the error but left out the products",
        "It looks like you squared each term of mx + b − y on its own, (a + b + c)² = a² + b² + c². A square "
        "of a sum also has twice each product: ({residual})² = {square}."),
    Misconception(
        "cross-term-dropped", "dropped the cross term 2·mx·b",
        "It looks like you left out the cross term 2·mx·b of each square. (mx + b − y)² has three products "
        "of two terms, each doubled: 2·mx·b, −2·mx·y and −2·b·y."),
    Misconception(
        "products-not-doubled", "took the products of the terms once instead of twice",
        "It looks like you took each product of two terms once. In a square they come twice: "
        "(p + q)² = p² + 2pq + q²."),
    Misconception(
        "some-products-not-doubled", "took some products of the terms once instead of twice",
        "It looks like you took {products} of each square once: in ({residual})², {taken_once} for {doubled}. In a "
        "square each product of two terms comes twice: (p + q)² = p² + 2pq + q², so ({residual})² = {square}."),
    Misconception(
        "squares-constant-dropped", "left out the constant Σyᵢ² of the squares",
        "It looks like you left out the constant term: each square (mxᵢ + b − yᵢ)² has yᵢ² among its terms, "
        "and together they add up to {constant}."),
    Misconception(
        "constant-not-squared", "added up the yᵢ for the constant Σyᵢ² of the squares",
        "It looks like you added up the yᵢ for the constant term, {total}. Each square (mxᵢ + b − yᵢ)² has yᵢ² among "
        "its terms, and together they add up to {constant}."),
    Misconception(
        "error-sign-flipped", "squared mx + b + y instead of mx + b − y",
        "It looks like you squared mx + b + y: your products with y have a plus sign. The error is "
        "mx + b − y, so they are −2·mx·y and −2·b·y: ({residual})² = {square}."),
    Misconception(
        "errors-not-squared", "added up the errors without squaring them",
        "It looks like you added up the errors mx + b − y without squaring them. The cost is the sum of the "
        "squares of the errors, so that errors above and below the line don't cancel."),
    Misconception(
        "absolute-errors", "added up the sizes of the errors instead of their squares",
        "It looks like you added up the sizes of the errors, |mxᵢ + b − yᵢ|, instead of their squares. The cost "
        "adds the squared errors (mxᵢ + b − yᵢ)²: a square weighs a large error more than a small one."),
    Misconception(
        "mean-without-half", "averaged with 1/n instead of 1/(2n)",
        "It looks like you divided by n = {n} instead of 2n = {twice}. The lesson's cost for several "
        "observations is L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)²: the ½ cancels the 2 of the derivative."),
    Misconception(
        "sum-not-averaged", "used the sum of the squares without averaging",
        "It looks like you used the sum of the squares E(m, b) without dividing by 2n = {twice}. With several "
        "observations the cost is L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)²."),
    Misconception(
        "half-sum-not-averaged", "took ½ of the sum of the squares without dividing by n",
        "It looks like you took ½ of the sum of the squares without dividing by n = {n}. The lesson's cost for "
        "several observations is L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)²."),
    Misconception(
        "sum-halved", "halved the sum of the squared errors",
        "It looks like you halved the sum of the squares. E(m, b) is the sum of the squared errors itself; the ½ "
        "belongs to the mean cost L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)² only."),
    Misconception(
        "point-left-out", "left a point's square out of the cost",
        "It looks like you left out the square of the point {point}. The cost adds one squared error for "
        "every point, {n} of them here."),
    Misconception(
        "intercept-left-out", "left the intercept b out of the line",
        "It looks like you left b out of the line, as if it were y = mx. The error of each point is "
        "mxᵢ + b − yᵢ, for the line y = mx + b."),
    Misconception(
        "points-swapped", "used each point's x and y the wrong way round",
        "It looks like you used each point the wrong way round, (yᵢ, xᵢ) for (xᵢ, yᵢ). The error is mxᵢ + b − yᵢ: "
        "xᵢ goes into the line, and yᵢ is the value it should give."),
    Misconception(
        "cost-averaged", "took the mean of the squared errors for their sum",
        "It looks like you divided by n = {n}. E(m, b) is the sum of the squared errors, not their mean."),
    Misconception(
        "sum-as-mean-cost", "took the mean cost 1/(2n)·Σ for the sum",
        "It looks like you divided by 2n = {twice}, as the mean cost L(m, b) = 1/(2n)·Σ(mxᵢ + b − yᵢ)² does. "
        "E(m, b) is the sum of the squared errors itself."),
    Misconception(
        "square-slope-without-two", "differentiated each square without its 2",
        "It looks like you differentiated each square without its 2: by the chain rule ∂/∂m of "
        "(mxᵢ + b − yᵢ)² is 2(mxᵢ + b − yᵢ)·xᵢ, and ∂/∂b of it is 2(mxᵢ + b − yᵢ).{cancel}"),
    Misconception(
        "slope-not-averaged", "added up the squares' slopes without dividing by n",
        "It looks like you added up the slopes of the squares without dividing by n = {n}: "
        "∂{name}/∂m = (1/n)·Σ(mxᵢ + b − yᵢ)·xᵢ and ∂{name}/∂b = (1/n)·Σ(mxᵢ + b − yᵢ)."),
    Misconception(
        "cost-step-uphill", "moved along the gradient instead of against it",
        "It looks like you moved along ∇{name}, which points uphill. A descent step is "
        "(m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
    Misconception(
        "cost-step-gave-gradient", "gave the gradient instead of the new point",
        "It looks like you gave ∇{name}(m₀, b₀), not the new point. Take the step: "
        "(m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
    Misconception(
        "cost-step-rate-left-out", "left out the learning rate",
        "It looks like you left out the learning rate α = {rate}: (m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."),
)


# descent's own mistake, in a cost's words
GAVE_STEP = replace(DESCENT["gave-step"], sentence=(
    "It looks like you gave the step −α·∇{name}(m₀, b₀), not the new point: (m₁, b₁) = (m₀, b₀) − α·∇{name}(m₀, b₀)."))

_MAX_LEFT_OUT = 12  # points each left out in turn, at most: a data file's hundreds are not summed by hand

_Terms = dict[tuple[int, int], Fraction]  # a cost multiplied out: each c·mⁱbʲ's coefficient c by (i, j)
_PRODUCTS = {"mb": (1, 1), "my": (1, 0), "by": (0, 1)}  # the products of two terms of mx + b − y, by monomial
# each product as a sentence names it, and those a student may take once, not all (all once is its own mistake)
_PRODUCT_WORDS = {"mb": "mx·b", "my": "mx·(−y)", "by": "b·(−y)"}
_SOME_ONCE = (("mb",), ("my", "by"), ("my",), ("by",), ("mb", "my"), ("mb", "by"))


def _squares(points: Sequence[tuple[Fraction, Fraction]], skip: Callable[[str], bool] = lambda key: False,
             once: Sequence[str] = (), constant: bool = True, y_sign: int = -1) -> _Terms:
    """Σ(mx + b − y)² multiplied out with a slip (some products left out, or taken once; the constant
    y² left out; y's sign flipped), in exact rational arithmetic: m²x², b², y², then 2x·mb, −2xy·m, −2y·b
    for each point."""
    terms: _Terms = {}
    for x, y in points:
        doubled = {"mb": 2 * x, "my": 2 * y_sign * x * y, "by": 2 * y_sign * y}
        for monomial, c in [((2, 0), x * x), ((0, 2), Fraction(1)), *[((0, 0), y * y)] * constant,
                            *((_PRODUCTS[key], c / 2 if key in once else c)
                              for key, c in doubled.items() if not skip(key))]:
            terms[monomial] = terms.get(monomial, Fraction(0)) + c
    return terms


def _errors(points: Sequence[tuple[Fraction, Fraction]]) -> _Terms:
    """Σ(mx + b − y), the errors added up unsquared."""
    return {(1, 0): sum((x for x, _ in points), Fraction(0)), (0, 1): Fraction(len(points)),
            (0, 0): -sum((y for _, y in points), Fraction(0))}


def _scaled(terms: _Terms, scale: int) -> _Terms:
    return {m: c / scale for m, c in terms.items() if c}


def _tree(terms: _Terms) -> Expr:
    """The cost as sympy.expand writes it: the sum of its terms c·mⁱbʲ."""
    return sympy.Add(*(to_sympy(c) * M**i * B**j for (i, j), c in terms.items()))


def _value(terms: _Terms, at: Sequence[object]) -> Expr:
    """The cost at (m, b), as its tree's xreplace gives it: from its terms where m and b are rational
    (exact, so the very same number)."""
    point = _fractions(at)
    if point is None:
        return _tree(terms).xreplace({M: at[0], B: at[1]})
    m, b = point
    return to_sympy(sum((c * m**i * b**j for (i, j), c in terms.items()), Fraction(0)))


def _wrong_costs(problem: Cost, words: dict[str, str]) -> list[tuple[Said, _Terms]]:
    """The wrong costs, already divided as the right one is, multiplied out from the data: the squares
    with a slip, the errors unsquared, the sum averaged wrongly, each point left out in turn."""
    data = [(fraction(x), fraction(y)) for x, y in problem.points]
    n = len(data)
    scale = 2 * n if problem.mean else 1
    right = _squares(data)

    def said(misconception: str, **more: str) -> Said:
        return MISCONCEPTIONS[misconception].fill(**more, **words)

    costs: list[tuple[Said, _Terms]] = [
        (said("squared-term-by-term"), _squares(data, lambda key: True)),
        (said("cross-term-dropped"), _squares(data, lambda key: key == "mb")),
        (said("products-not-doubled"), _squares(data, once=tuple(_PRODUCTS))),
        (said("errors-not-squared"), _errors(data)),
        # the line taken as y = mx, and the points read (y, x) (outside check h60, W5 and W6)
        (said("intercept-left-out"), {key: c for key, c in right.items() if key[1] == 0}),
        (said("points-swapped"), _squares([(y, x) for x, y in data])),
    ]
    if problem.ask == Ask.FUNCTION:
        # a slip in part of each square, told where the answer shows every term. For a single number (the
        # cost at a point, a step) eight more candidates would name some wrong answers by chance (a blind
        # corpus's 23/3, (1/2)² taken as 1/2, came out as two products taken once), and both blind corpora
        # label the cost at a point without its 38 a copying slip
        constant = problem.show(to_sympy(sum((y * y for _, y in data), Fraction(0))))
        total = sum((y for _, y in data), Fraction(0))
        costs += [*((said("some-products-not-doubled", **_products(once, data[0], problem.show)),
                     _squares(data, once=once)) for once in _SOME_ONCE),
                  (said("squares-constant-dropped", constant=str(constant)), _squares(data, constant=False)),
                  (said("constant-not-squared", constant=str(constant), total=str(problem.show(to_sympy(total)))),
                   {**right, (0, 0): total}),
                  (said("error-sign-flipped"), _squares(data, y_sign=1))]
    costs = [(told, _scaled(terms, scale)) for told, terms in costs]
    # the ½ and the n of L = 1/(2n)·Σ, each kept or left out on its own (the ½ alone: outside check h18, F7); a
    # step on ½Σ is the squares' slopes added up without dividing by n, said as that
    halved = problem.ask != Ask.STEP
    if problem.mean:
        costs += [(said("mean-without-half"), _scaled(right, n)), (said("sum-not-averaged"), _scaled(right, 1)),
                  *([(said("half-sum-not-averaged"), _scaled(right, 2))] if halved else [])]
    else:
        # E/(2n), the lesson's mean cost, for the sum (outside check h49, N6); with one point it is E/2, sum-halved
        costs += [(said("cost-averaged"), _scaled(right, n)),
                  *([(said("sum-halved"), _scaled(right, 2))] if halved else []),
                  *([(said("sum-as-mean-cost"), _scaled(right, 2 * n))] if halved and n > 1 else [])]
    for i, point in enumerate(problem.points if n <= _MAX_LEFT_OUT else ()):
        others = [p for j, p in enumerate(data) if j != i]
        costs.append((said("point-left-out", point=problem.show(point)), _scaled(_squares(others), scale)))
    return costs


def _products(keys: Sequence[str], first: tuple[Fraction, Fraction], show: Callable[[Expr], str]) -> dict[str, str]:
    """The products taken once, by the terms of mx + b − y ('the product mx·b', 'the products mx·(−y) and
    b·(−y)'), and what they are in the first point's square, once and twice ('-2m and -2b', '-4m and -4b')."""
    x, y = (to_sympy(c) for c in first)
    terms = {"mb": x * M * B, "my": -x * y * M, "by": -y * B}
    return {"products": f"the product{'s' * (len(keys) > 1)} {' and '.join(_PRODUCT_WORDS[key] for key in keys)}",
            "taken_once": " and ".join(show(terms[key]) for key in keys),
            "doubled": " and ".join(show(2 * terms[key]) for key in keys)}


def candidates(problem: Cost) -> list[WrongAnswer]:
    n = len(problem.points)
    from ...steps.render import terms_text  # here: the steps load only where they are used (tests/test_startup.py)
    first = problem.cost.terms[0]  # the square a sentence multiplies out: this variant's first point's
    words = {"n": str(n), "twice": str(2 * n), "name": problem.name, "residual": problem.show(first.residual),
             "square": terms_text(first.terms, problem.variables, decimals=problem.decimals)}
    costs = _wrong_costs(problem, words)
    if problem.ask == Ask.FUNCTION:
        return [WrongAnswer.of([w], Answer(Shape.EXPRESSION, _tree(c))) for w, c in costs]
    if problem.ask == Ask.VALUE and problem.at is not None:
        return _value_candidates(problem, costs)
    step = problem.step
    if step is None:
        return []
    m0, b0 = step.start
    alpha = step.rate
    rate = str(problem.show(alpha))
    slope = step.slope
    # slips in the step's own slope (a square's derivative without its 2, the mean's slope not divided by n)
    # come first: where a slip in multiplying the cost out gives the same step (at (0, 0) the products taken
    # once halve it too), the student taking a step more likely differentiated than multiplied out
    cancel = " The 2 cancels the ½ of 1/(2n)." if problem.mean else ""
    scaled = [(MISCONCEPTIONS["square-slope-without-two"].fill(cancel=cancel, **words), sympy.Rational(1, 2))]
    if problem.mean:
        scaled.append((MISCONCEPTIONS["slope-not-averaged"].fill(**words), sympy.Integer(n)))
    # no step at all, the start given back: said as that, and a slip whose slope vanishes at the start (from (0, 0),
    # each term left as it is) is not a second reading of it
    start = problem.show((m0, b0))
    steps: list[tuple[Said, tuple[Expr, Expr]]] = [
        (DESCENT["iterations-off-by-one"].fill(taken="0 steps", wanted="1 step", start=start), (m0, b0)),
        *((told, (m0 - alpha * k * slope[0], b0 - alpha * k * slope[1])) for told, k in scaled)]
    for told, wrong in costs:
        off = _slope(wrong, (m0, b0))
        if any(off):
            steps.append((told, (m0 - alpha * off[0], b0 - alpha * off[1])))
    at_start: dict[Expr, Expr] = {}  # a right partial comes again beside each slip in the other

    def start_value(g: Expr) -> Expr:
        if g not in at_start:
            at_start[g] = g.xreplace({M: m0, B: b0})
        return at_start[g]

    for told_slip, gradient in wrong_gradients(problem.function(), ("m", "b"), problem.name):
        if len(told_slip) != 1:
            continue
        wrong_slope = tuple(start_value(g) for g in gradient)
        # a derivative misconception in ∇E, carried into the step; one that only negates ∇E at the start
        # (the signs of the terms that do not vanish there) is the step uphill, said as that
        if wrong_slope != tuple(-g for g in slope) and any(wrong_slope):
            steps.append((told_slip[0], (m0 - alpha * wrong_slope[0], b0 - alpha * wrong_slope[1])))
    steps += [
        (MISCONCEPTIONS["cost-step-uphill"].fill(rate=rate, **words), (m0 + alpha * slope[0], b0 + alpha * slope[1])),
        (MISCONCEPTIONS["cost-step-gave-gradient"].fill(rate=rate, **words), slope),
        (MISCONCEPTIONS["cost-step-rate-left-out"].fill(rate=rate, **words), (m0 - slope[0], b0 - slope[1])),
        # the step itself, −α·∇L (outside check h20, F7): from (0, 0) it is the new point, and no mistake
        (GAVE_STEP.fill(**words), (-alpha * slope[0], -alpha * slope[1])),
    ]
    # the right step written the wrong way round, (b₁, m₁)
    right = (m0 - alpha * slope[0], b0 - alpha * slope[1])
    turned = (right[1], right[0])
    steps.append((point_swapped(problem, right, turned), turned))
    return [WrongAnswer.of([told], Answer(Shape.VECTOR, value), variables=(), components=("m", "b"))
            for told, value in steps]


def slope_at(cost: Expr, at: tuple[Expr, Expr]) -> tuple[Expr, Expr]:
    """(∂cost/∂m, ∂cost/∂b) at (m, b) = at, as sympy's diff and xreplace give them. Read off the terms
    c·mⁱbʲ where the cost is a polynomial with rational coefficients (exact, so the very same numbers):
    sympy's diff is most of the work of a step's candidates otherwise."""
    slope = _rational_slope(cost, at)
    if slope is None:
        return tuple(diff(cost, v).xreplace({M: at[0], B: at[1]}) for v in (M, B))  # type: ignore[return-value]
    return slope


def _rational_slope(cost: Expr, at: tuple[Expr, Expr]) -> tuple[Expr, Expr] | None:
    point = _fractions(at)
    terms = rational_terms(cost, (M, B)) if point is not None else None
    return None if terms is None or point is None else _terms_slope(cast(_Terms, terms), point)


def _slope(terms: _Terms, at: tuple[Expr, Expr]) -> tuple[Expr, Expr]:
    """slope_at of the cost with these terms, without its tree where m and b are rational."""
    point = _fractions(at)
    return slope_at(_tree(terms), at) if point is None else _terms_slope(terms, point)


def _terms_slope(terms: _Terms, point: tuple[Fraction, Fraction]) -> tuple[Expr, Expr]:
    m, b = point
    by_m = sum((c * i * m ** (i - 1) * b**j for (i, j), c in terms.items() if i), Fraction(0))
    by_b = sum((c * j * m**i * b ** (j - 1) for (i, j), c in terms.items() if j), Fraction(0))
    return to_sympy(by_m), to_sympy(by_b)


def _fractions(at: Sequence[object]) -> tuple[Fraction, Fraction] | None:
    """(m, b) as Fractions where both are whole numbers or sympy's rationals (as a pack gives them)."""
    if not all(type(v) is int or isinstance(v, sympy.Rational) for v in at):
        return None
    m, b = (Fraction(v) if type(v) is int else fraction(cast(Expr, v)) for v in at)
    return m, b


def _absolute_errors(problem: Cost, at: Sequence[object]) -> list[WrongAnswer]:
    """Σ|mxᵢ + b − yᵢ| at (m, b), divided as the cost is (and by n alone, the mean absolute error, for a mean
    cost); none where it is Σ(mxᵢ + b − yᵢ) itself, no error negative: that is errors-not-squared."""
    point = _fractions(at)
    if point is None:
        return []
    m, b = point
    errors = [m * fraction(x) + b - fraction(y) for x, y in problem.points]
    size = sum((abs(e) for e in errors), Fraction(0))
    if size == sum(errors, Fraction(0)):
        return []
    n = len(errors)
    said = MISCONCEPTIONS["absolute-errors"].fill()
    return [WrongAnswer.of([said], Answer(Shape.NUMBER, to_sympy(size / scale)))
            for scale in ((2 * n, n) if problem.mean else (1,))]


def _value_candidates(problem: Cost, costs: list[tuple[Said, _Terms]]) -> list[WrongAnswer]:
    """The value at (m, b) of each wrong cost; the right cost with a slip in putting (m, b) in, or at (b, m); the
    value of a partial derivative or of the gradient there instead of the cost's."""
    at = problem.at or ()
    found = [WrongAnswer.of([w], Answer(Shape.NUMBER, _value(c, at))) for w, c in costs]
    found += _absolute_errors(problem, at)
    function = problem.function()
    found += [WrongAnswer.of([slip], Answer(Shape.NUMBER, wrong))
              for slip, wrong in value_slips(function, ("m", "b"), at, problem.name)]
    if at[0] != at[1]:  # E(b, m) for E(m, b): m and b put in the wrong way round
        said = POINTS["evaluated-at-swapped-point"].fill(**point_words(("m", "b"), at, problem.decimals))
        found.append(WrongAnswer.of([said], Answer(Shape.NUMBER, function.xreplace({M: at[1], B: at[0]}))))
    right = problem.expected().value
    gradient = slope_at(function, (at[0], at[1]))
    words = {"f": problem.name, "right": problem.show(right), **place_words(at, problem.decimals)}
    for v, slope in zip("mb", gradient):
        found.append(WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=f"∂{problem.name}/∂{v}", **words)],
                                    Answer(Shape.NUMBER, slope)))
    found.append(WrongAnswer.of([POINTS["gave-slope-for-value"].fill(what=f"∇{problem.name}", **words)],
                                Answer(Shape.VECTOR, gradient), variables=(), components=("m", "b")))
    return found
