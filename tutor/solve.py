"""`tutor solve ...`: each calculation of the lesson as text, LaTeX or JSON, with its steps.

One function per subcommand takes the command line's strings, calls the solver
in tutor.calculus (and the builder in tutor.steps when steps are wanted) and
returns a Solution; printing is left to tutor.cli. Errors are ValueErrors with
one sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Sequence

import sympy
from sympy import Expr

from . import calculus, steps
from .calculus.common import SolveError, describe, exact, function_of, variables_of
from .parse import Equation, symbol
from .show import show, show_float

KINDS = ("partial", "gradient", "critical", "minimize", "lstsq", "descent", "tangent")
SHOWN_ROWS = 40  # a longer descent table shows its first and last rows only


@dataclass(frozen=True)
class Solution:
    lines: tuple[str, ...]  # the answer, in Unicode
    latex: tuple[str, ...]  # the same, in LaTeX
    data: dict = field(default_factory=dict)  # the same, for --json
    derivation: steps.Step | None = None

    def render(self, form: str = "text") -> str:
        if form == "json":
            data = dict(self.data)
            if self.derivation is not None:
                data["steps"] = steps.to_json(self.derivation)
            return json.dumps(data, ensure_ascii=False, indent=2)
        if form == "latex":
            body = "\n".join(rf"\[ {line} \]" for line in self.latex)
            return body + ("\n\n" + steps.render_latex(self.derivation) if self.derivation else "")
        body = "\n".join(self.lines)
        return body + ("\n\nSteps:\n" + steps.render_text(self.derivation) if self.derivation else "")


# ---------------------------------------------------------------------- helpers


def _function(text: str, names: Sequence[str] | None) -> tuple[Expr, tuple[str, ...]]:
    f = function_of(text)
    return f, variables_of(f, names)


def _header(f: Expr, variables: Sequence[str], latex: bool = False) -> str:
    return f"f({', '.join(variables)}) = {show(f, variables, latex=latex)}"


def _approx(value: Expr) -> str:
    """' ≈ 4.16667' for a value that is not exact to four decimals already (1/2 and 0.25 need none)."""
    if value.is_Rational and 10**4 % value.q == 0 or value.has(sympy.CRootOf):
        return ""  # exact to four decimals, or already shown by its decimals (1.1309…)
    return f" ≈ {show_float(float(sympy.N(value, 30)))}"


def _args(point: Sequence[Expr], latex: bool = False) -> str:
    return "(" + ", ".join(show(p, latex=latex) for p in point) + ")"


def _exact(value: Expr) -> dict:
    return {"exact": show(value), "latex": show(value, latex=True), "approx": float(sympy.N(value, 30))}


def _d(variables: Sequence[str], wrt: str, latex: bool = False) -> str:
    if latex:
        return rf"\frac{{\partial f}}{{\partial {wrt}}}" if len(variables) > 1 else rf"\frac{{df}}{{d{wrt}}}"
    return f"∂f/∂{wrt}" if len(variables) > 1 else f"df/d{wrt}"


# ------------------------------------------------------------------ subcommands


def partial(function: str, wrt: str | None = None, at: str | None = None,
            variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    f, names = _function(function, variables)
    if wrt is None:
        if len(names) != 1:
            raise SolveError(f"say which variable to differentiate by, with --wrt ({describe(names)})")
        wrt = names[0]
    if wrt not in names:
        names = (*names, wrt)
    point = calculus.parse_point(at, names) if at else None
    result = calculus.partial(f, wrt, point)
    lines = [_header(f, names), f"{_d(names, wrt)} = {show(result.derivative, names)}"]
    latex = [_header(f, names, True), f"{_d(names, wrt, True)} = {show(result.derivative, names, latex=True)}"]
    data = {"kind": "partial", "function": show(f, names), "variables": list(names), "wrt": wrt,
            "derivative": show(result.derivative, names),
            "derivative_latex": show(result.derivative, names, latex=True)}
    if result.at is not None:
        at_point = tuple(result.at.values())
        lines.append(f"{_d(names, wrt)}{_args(at_point)} = {show(result.value)}{_approx(result.value)}")
        latex.append(f"{_d(names, wrt, True)}{_args(at_point, True)} = {show(result.value, latex=True)}")
        data["at"] = {k: show(v) for k, v in result.at.items()}
        data["value"] = _exact(result.value)
    derivation = steps.derivative_steps(f, wrt, names) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def gradient(function: str, at: str | None = None, variables: Sequence[str] | None = None,
             explain: bool = False) -> Solution:
    f, names = _function(function, variables)
    point = calculus.parse_point(at, names) if at else None
    result = calculus.gradient(f, names, point)
    lines = [_header(f, names), f"∇f = {show(result.components, names)}"]
    latex = [_header(f, names, True), rf"\nabla f = {show(result.components, names, latex=True)}"]
    data = {"kind": "gradient", "function": show(f, names), "variables": list(names),
            "gradient": [show(c, names) for c in result.components]}
    if result.at is not None:
        at_point = tuple(result.at.values())
        lines.append(f"∇f{_args(at_point)} = {show(result.values)}")
        latex.append(rf"\nabla f{_args(at_point, True)} = {show(result.values, latex=True)}")
        data["at"] = {k: show(v) for k, v in result.at.items()}
        data["values"] = [_exact(v) for v in result.values]
    derivation = steps.gradient_steps(f, names, point, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def critical(function: str, region: str | None = None, variables: Sequence[str] | None = None,
             explain: bool = False) -> Solution:
    f, names = _function(function, variables)
    result = calculus.critical_points(f, names, region)
    lines, latex = [_header(f, names)], [_header(f, names, True)]
    if result.region is not None:
        lines.append(f"region: {result.region.show()}")
    where = {True: "inside", False: "outside", None: None}
    if result.points:
        lines.append("critical points:")
        table = [[_point(p.point, names), where[p.inside],
                  f"{p.classification.label} ({p.classification.reason})"] for p in result.points]
        lines += ["  " + row for row in _columns([[c for c in row if c is not None] for row in table])]
    if result.sets:
        lines.append("critical sets (every point on them is critical):")
    for s in result.sets:
        lines.append(f"  {', '.join(show(e, names) for e in s.equations)}: {s.description}")
    if not result.points and not result.sets:
        lines.append("no critical points: ∇f is never 0")
    if result.note:
        lines.append(f"note: {result.note}")
    answer = tuple(p.point for p in result.points) + tuple(e for s in result.sets for e in s.equations)
    latex.append(r"\text{critical points: } " + show(answer, names, latex=True))
    data = {
        "kind": "critical", "function": show(f, names), "variables": list(names),
        "region": result.region.show() if result.region else None,
        "points": [{"point": [show(c) for c in p.point], "inside": p.inside,
                    "label": p.classification.label, "D": show(p.classification.D),
                    "fxx": show(p.classification.fxx), "reason": p.classification.reason}
                   for p in result.points],
        "sets": [{"equations": [show(e, names) for e in s.equations], "inside": s.inside,
                  "description": s.description} for s in result.sets],
        "complete": result.complete, "note": result.note,
    }
    derivation = steps.critical_steps(f, names, region, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _point(point: Sequence[Expr], names: Sequence[str]) -> str:
    if len(point) == 1:
        return f"{names[0]} = {show(point[0])}{_approx(point[0])}"
    return show(tuple(point))


def minimize(function: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    f, names = _function(function, variables)
    result = calculus.minimize(f, names[0] if len(names) == 1 else None)
    x = result.variable
    at = show(result.point) if result.exact else show_float(result.approx)
    lines = [_header(f, names), f"f′({x}) = {show(result.derivative, names)} = 0 at {x} = {at}"
             + (_approx(result.point) if result.exact else " (numerically; sympy found no exact solution)")
             + (f", {result.known_as}" if result.known_as else ""),
             f"minimum: f({at}) = {show(result.value)}{_approx(result.value)}"]
    if len(result.minima) > 1:
        lines.append("local minima: " + ", ".join(
            f"{x} = {show(m.point) if m.exact else show_float(m.approx)}" for m in result.minima)
            + ("; the least is the global minimum" if result.is_global else ""))
    if result.note:
        lines.append(f"note: {result.note}")
    latex = [_header(f, names, True),
             f"{x}^* = {show(result.point, latex=True)} \\approx {show_float(result.approx)}",
             f"f({x}^*) = {show(result.value, latex=True)}"]
    data = {"kind": "minimize", "function": show(f, names), "variable": x, "exact": result.exact,
            "point": _exact(result.point), "value": _exact(result.value), "note": result.note,
            "known_as": result.known_as, "is_global": result.is_global,
            "minima": [_exact(m.point) if m.exact else {"approx": m.approx} for m in result.minima]}
    derivation = steps.critical_steps(f, (x,)) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def lstsq(points: str | None = None, csv: str | None = None, x_columns: Sequence[str] = (),
          y_column: str | None = None, explain: bool = False) -> Solution:
    data_points, legend = _data(points, csv, x_columns, y_column)
    features = len(data_points[0]) - 1
    if features == 1:
        fit = calculus.fit_line(data_points)
        values, names = (fit.slope, fit.intercept), ("m", "b")
    else:
        fit = calculus.fit_linear([p[:-1] for p in data_points], [p[-1] for p in data_points])
        values, names = (*fit.weights, fit.intercept), fit.system.parameters
    xs = [symbol("x")] if features == 1 else [symbol(f"x_{i + 1}") for i in range(features)]
    model = sympy.Add(*(v * x for v, x in zip(values, xs)), values[-1])
    line = Equation(symbol("y"), model)
    shown = ", ".join(f"{show(symbol(n))} = {show(v)}{_approx(v)}" for n, v in zip(names, values))
    lines = [f"{show(line, [x.name for x in xs])}   ({len(data_points)} points)", shown]
    if legend:
        lines.append(legend)
    cost_args = _args(values) if len(_args(values)) <= 40 else " at the optimum"
    lines += [f"E({', '.join(show(symbol(n)) for n in names)}) = {show(fit.cost_function, names)}",
              f"least cost E{cost_args} = {show(fit.cost)}{_approx(fit.cost)}"]
    latex = [show(line, [x.name for x in xs], latex=True),
             f"E({', '.join(show(symbol(n), latex=True) for n in names)}) = "
             f"{show(fit.cost_function, names, latex=True)}",
             rf"E_{{\min}} = {show(fit.cost, latex=True)}"]
    data = {"kind": "lstsq", "n": len(data_points), "parameters": list(names),
            "values": {n: _exact(v) for n, v in zip(names, values)}, "model": show(line),
            "cost_function": show(fit.cost_function, names), "cost": _exact(fit.cost)}
    derivation = steps.least_squares_steps(data_points, result=fit) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _data(points: str | None, csv: str | None, x_columns: Sequence[str],
          y_column: str | None) -> tuple[tuple, str]:
    if (points is None) == (csv is None):
        raise SolveError("give the data either with --points or with --csv FILE --x COLUMN --y COLUMN")
    if points is not None:
        found = calculus.points_from_text(points)
        if len(found[0]) < 2:
            raise SolveError("each point needs an x and a y, like (1, 2)")
        return found, ""
    if not x_columns or not y_column:
        raise SolveError("with --csv, name the columns: --x COLUMN (one or more) and --y COLUMN")
    found = calculus.points_from_csv(csv, list(x_columns), y_column)
    if len(x_columns) == 1:
        return found, f"x = {x_columns[0]}, y = {y_column}"
    return found, ", ".join(f"x_{i + 1} = {c}" for i, c in enumerate(x_columns)) + f", y = {y_column}"


def descent(function: str | None, start: str, rate: str, iterations: int | None = None,
            tolerance: float | None = None, max_iterations: int = 10_000, variables: Sequence[str] | None = None,
            points: str | None = None, explain: bool = False) -> Solution:
    if (function is None) == (points is None):
        raise SolveError("give a function, or --points for the least-squares cost E(m, b)")
    if points is not None:
        f, names = calculus.fit_line(calculus.points_from_text(points)).cost_function, ("m", "b")
    else:
        f, names = _function(function, variables)
    at = calculus.parse_point(start, names)
    result = calculus.descend(f, names, tuple(at.values()), exact(rate), iterations, tolerance,
                              max_iterations)
    if result.diverged_at is not None:
        raise SolveError(f"{result.note}: diverged at iteration {result.diverged_at}; "
                         "try a smaller learning rate")
    slope_text = f"f′({names[0]}) = {show(result.gradient[0], names)}" if len(names) == 1 \
        else f"∇f = {show(result.gradient, names)}"
    head = [_header(f, names), slope_text,
            f"start {_floats(result.rows[0].point)}, learning rate α = {show_float(result.rate)}"]
    slope = ["f′"] if len(names) == 1 else [f"∂f/∂{n}" for n in names]
    table = [["k", *names, *slope, "f"]]
    rows = result.rows
    if len(rows) > SHOWN_ROWS:
        rows = rows[:SHOWN_ROWS // 2] + (None,) + rows[-SHOWN_ROWS // 2:]
    for row in rows:
        table.append(["…"] * len(table[0]) if row is None else
                     [str(row.k), *map(show_float, row.point), *map(show_float, row.gradient),
                      show_float(row.value)])
    final = result.rows[-1]
    ending = (f"converged after {final.k} iterations: the gradient is smaller than the tolerance"
              if result.converged else f"stopped after {final.k} iterations")
    lines = [*head, "", *_columns(table, right=0), "", f"{ending}; the point is {_floats(final.point)}, "
             f"where f = {show_float(final.value)}"]
    latex = [_header(f, names, True),
             rf"x_{{{final.k}}} = {_floats(final.point)},\quad f = {show_float(final.value)}"]
    data = {"kind": "descent", "function": show(f, names), "variables": list(names),
            "rate": result.rate, "converged": result.converged,
            "rows": [{"k": r.k, "point": list(r.point), "gradient": list(r.gradient), "value": r.value}
                     for r in result.rows]}
    derivation = steps.descent_steps(f, names, None, None, result=result) \
        if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)


def _floats(point: Sequence[float]) -> str:
    return show_float(point[0]) if len(point) == 1 else "(" + ", ".join(map(show_float, point)) + ")"


def _columns(table: list[list[str]], right: int = -1) -> list[str]:
    """Rows of cells in aligned columns; column `right` is right-aligned."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return ["  ".join(cell.rjust(w) if i == right else cell.ljust(w) for i, (cell, w) in
                      enumerate(zip(row, widths))).rstrip() for row in table]


def tangent(function: str, at: str, variables: Sequence[str] | None = None, explain: bool = False) -> Solution:
    f, names = _function(function, variables)
    result = calculus.tangent_plane(f, names, calculus.parse_point(at, names))
    lines = [_header(f, names),
             f"tangent plane at {_args(result.point)}: z = {show(result.linearization, names)}",
             show(result.equation, names)]
    latex = [_header(f, names, True), show(result.equation, names, latex=True)]
    data = {"kind": "tangent", "function": show(f, names), "variables": list(names),
            "point": [show(p) for p in result.point], "value": show(result.value),
            "partials": [show(p) for p in result.partials], "plane": show(result.equation, names),
            "plane_latex": show(result.equation, names, latex=True)}
    derivation = steps.tangent_steps(f, names, None, result=result) if explain else None
    return Solution(tuple(lines), tuple(latex), data, derivation)
