"""Is a critical point a minimum, a maximum, a saddle, or does the test not decide?"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import sympy
from sympy import Expr

from ... import calculus
from ...calculus import SolveError
from ...calculus.by_values import by_values
from ...calculus.classified import Nature
from ...calculus.common import real_powers, symbols
from ...calculus.critical import tested
from ...calculus.kinks import Stretch
from ...calculus.minimize import KINKED
from ...check import Judgement, Verdict
from ...compare import Note, Tolerance
from ...limits import LIMITS, Limits
from ...parse import Answer, Shape
from ..base import Field, FieldError, FunctionProblem, Unkeyable, flat_refusal, point_from
from .reasons import figures, reasoned

if TYPE_CHECKING:  # the picture and the steps modules load where they are used (tests/test_startup.py)
    from ...plot import Figure
    from ...steps import Step


_NATURES = (str(Nature.MINIMUM), str(Nature.MAXIMUM), str(Nature.SADDLE))


def _without_gradient(f: Expr, variables: tuple[str, ...], at: tuple[Expr, ...], error: SolveError) -> FieldError:
    """Where ∇f has no value at the point (the cusp of x^(2/3) + y², the corner of |x| + y²) there is no
    second-derivative test to ask about: where f's values show a minimum or maximum, the point is critical (as
    critical_points keys it) and the exercise is left out, not its pack refused; where they show neither, the
    point is not critical, and the data is wrong."""
    try:
        decided = by_values(real_powers(f), symbols(variables), at)
    except SolveError:
        decided = None
    if decided is not None and decided.nature in (Nature.SADDLE, Nature.NEITHER):
        if not _keyed_critical(f, variables, at):
            return FieldError("at", f"this point is not a critical point ({error})")
        # |x| − y² at (0, 0): 0 lies between the pieces' gradients (±1, 0), so critical_points keys it critical
        shown = f"f has a {decided.nature} there: {decided.reason}" if decided.nature == Nature.SADDLE \
            else f"f has neither a minimum nor a maximum there: {decided.reason}"
    elif decided is not None and decided.nature in (Nature.MINIMUM, Nature.MAXIMUM):
        shown = f"f has a local {decided.nature} there: {decided.reason}"
    else:
        shown = "the tutor could not tell from f's values whether it is a critical point"
    slope = "∇f" if len(variables) > 1 else "f′"
    return Unkeyable("at", f"the second-derivative test needs {slope} at the point, and {error}; {shown}")


def _keyed_critical(f: Expr, variables: tuple[str, ...], at: tuple[Expr, ...]) -> bool:
    """Whether critical_points lists the point, where ∇f has no value there: a corner where 0 lies among the
    gradients of the pieces that meet (|x| − y² at the origin) is one, so the two kinds say the same."""
    try:
        found = calculus.critical_points(f, variables)
    except SolveError:
        return False
    return any(len(p.point) == len(at) and all(sympy.simplify(a - b) == 0 for a, b in zip(p.point, at))
               for p in found.points)


@dataclass(frozen=True)
class ClassifyPoint(FunctionProblem):
    at: tuple[Expr, ...] = ()

    KIND: ClassVar[str] = "classify_point"
    SHAPE: ClassVar[Shape] = Shape.LABEL
    FIELDS: ClassVar[dict[str, Field]] = {
        **FunctionProblem.COMMON_FIELDS,
        "at": Field("point", "the critical point, like [4, 4]", required=True, formerly="point"),
    }

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> ClassifyPoint:
        common = cls.function_data(data)
        at = point_from(data["at"], common["variables"], "at")
        try:
            values = calculus.gradient(common["function"], common["variables"],
                                       dict(zip(common["variables"], at))).values or ()
        except SolveError as error:
            raise _without_gradient(common["function"], common["variables"], at, error) from None
        if any(v != 0 for v in values):
            raise FieldError("at", "this point is not a critical point (the gradient is not zero there)")
        problem = cls(at=at, **common)
        flat = problem.flat_around()
        if flat:  # max(0, x)² at -1: "minimum" was right and "maximum" wrong, though both are so
            raise flat_refusal(problem, flat, f"{problem.point_text(at)} is both, which no one label says")
        return problem

    def flat_around(self) -> tuple[Stretch, ...]:
        """The stretch where f of one variable is constant that the point lies inside, if there is one."""
        if len(self.variables) != 1 or not self.function.has(*KINKED):  # only a kink bounds a flat stretch
            return ()
        try:
            found = calculus.critical_points(self.function, self.variables)
        except SolveError:
            return ()
        return tuple(s for s in found.flat if s.low < self.at[0] < s.high)

    @cached_property
    def solution(self) -> calculus.Classification:
        # where a second partial has no value at the point, no test, and f's values decide, as critical_points does
        return tested(self.function, self.variables, self.at)

    def prompt(self, latex: bool = False) -> str:
        if latex:
            return (rf"\text{{Classify the critical point }} {self.point_text(self.at, True)} "
                    rf"\text{{ of }} {self.signature(True)}")
        return (f"{self.point_text(self.at)} is a critical point of {self.signature()}. Is it a "
                "minimum, a maximum, a saddle point, or inconclusive (the second-derivative test "
                "does not decide)?")

    def expected(self) -> Answer:
        return Answer(Shape.LABEL, self.solution.label)

    @cached_property
    def by_values(self) -> calculus.ByValues | None:
        """Where the test does not decide, what f's values near the point say, if they decide it (x⁴ + y⁴
        at the origin: a minimum); else None."""
        if self.solution.label != Nature.INCONCLUSIVE:
            return None
        # f as read for every real x, as critical_points reads it: (xy)^(1/3) has values where xy < 0
        try:
            decided = by_values(real_powers(self.function), symbols(self.variables), self.at)
        except SolveError:
            return None
        if decided.nature == Nature.NEITHER and len(self.variables) == 1:
            # x³ at 0: neither a minimum nor a maximum, which of the labels the question offers is a saddle point
            return replace(decided, nature=Nature.SADDLE)
        return decided if decided.nature in (Nature.MINIMUM, Nature.MAXIMUM, Nature.SADDLE) else None

    def also_right(self) -> tuple[Answer, ...]:
        """The point's nature, where the test can't tell it and f's values do: the question asks what the
        point is, and "inconclusive" is right about the test, the nature about the point."""
        return () if self.by_values is None else (Answer(Shape.LABEL, self.by_values.nature),)

    @property
    def undecided(self) -> bool:
        """Whether neither the test nor f's values, as the tutor reads them, decide what the point is."""
        return self.solution.label == Nature.INCONCLUSIVE and self.by_values is None

    def caution(self) -> str | None:
        if not self.undecided:
            return None
        return (f"neither the second-derivative test nor f's values, as the tutor reads them, decide what "
                f"{self.point_text(self.at)} is: the answer is 'inconclusive', and an answer naming its nature "
                "can't be checked (it is flagged for review); a point the tutor can decide makes a better question")

    reads_its_own_way = True  # a reason may follow the label

    def read(self, text: str, limits: Limits = LIMITS, parameters: Sequence[str] = ()) -> Answer:
        """The label; a reason given with it (`inconclusive (D = 0)`) is read, and judged by `check`."""
        given = reasoned(text, self._figures(), self.at)
        return super().read(text if given is None else given.label, limits, parameters)

    def _figures(self) -> dict[str, Expr]:
        """The test's figures at the point as a reason may name them; none where there is no test there."""
        result = self.solution
        return {} if result.untested else figures(self.name, self.variables, result.hessian, result.D)

    def check(self, text: str, tolerance: Tolerance | None = None, expected: object = None) -> Verdict:
        verdict = self._label_checked(text, tolerance, expected)
        if expected is not None or verdict.verdict == Judgement.INVALID:
            return verdict
        known = self._figures()
        given = reasoned(text, known, self.at)  # the check read it: a reason it could not read is invalid
        false = [claim for claim in given.claims if not claim.holds(known[claim.figure])] if given else []
        if not false:
            return verdict
        said = "; ".join(f"{claim.figure} = {self.show(known[claim.figure])} here, so {claim.text} is not true"
                         for claim in false)
        label = ("The kind of point is right, but not the reason given for it." if verdict.correct
                 else verdict.message)
        return Verdict(Judgement.INCORRECT, Note.WRONG_WORKING, f"Your reason does not hold: {said}. {label}",
                       reading=verdict.reading)

    def _label_checked(self, text: str, tolerance: Tolerance | None, expected: object) -> Verdict:
        verdict = super().check(text, tolerance, expected)
        if expected is None and verdict.correct and self.by_values is not None \
                and verdict.reading == str(self.by_values.nature):
            why = f"{self.solution.untested}." if self.solution.untested else \
                "The second-derivative test alone does not decide it" + \
                (": here D = 0." if len(self.variables) == 2 and self.solution.D == 0 else ".")
            return replace(verdict, message=f"Correct: {self.by_values.reason}. {why[0].upper()}{why[1:]}")
        if expected is None and self.undecided and verdict.verdict == Judgement.INCORRECT \
                and verdict.reading in _NATURES:
            # the point may well be what the student says: not provably wrong, so graded as undecided
            return replace(verdict, note=Note.UNDECIDED, credit=0.0, message=(
                f"The second-derivative test does not decide this point{self._why_untested()}, and the tutor "
                f"could not decide it "
                f"from f's values either, so your answer can't be checked: it is not marked correct, and it is "
                f"flagged for your teacher to look at. The answer marked correct is the test's: inconclusive."))
        return verdict

    def _why_untested(self) -> str:
        """Why the test does not decide, as said after "this point": D = 0 only where D was found 0 (where a
        second partial has no value, or came from its definition, there was no D to find)."""
        if self.solution.untested:
            return f" ({self.solution.untested})"
        if len(self.variables) == 2 and self.solution.D == 0:
            return " (here D = 0)"
        return ""

    def steps(self) -> Step:
        from ...steps import classify_steps
        return classify_steps(self.function, self.variables, self.at)

    def hints(self) -> tuple[str, ...]:
        result = self.solution
        if len(self.variables) > 2:  # D and f_xx alone decide only in two variables
            return (
                "Use the second-derivative test: the leading principal minors of the Hessian at the point.",
                "All positive: minimum. Alternating in sign, starting negative: maximum. Otherwise a "
                "saddle point if the determinant is not 0, or if the Hessian is indefinite (a principal "
                "minor of even order < 0, or minors of odd order of both signs); a semidefinite Hessian with "
                "determinant 0: the test does not decide.",
                f"Here the leading principal minors are {', '.join(self.show(m) for m in result.minors)}"
                + (f"; {result.indefinite}." if result.indefinite else "."),
            )
        if len(self.variables) == 1:
            second = f"{self.name}″"
            return (
                # first as the lesson decides: by the values (the sauna's walls at 85 are higher than (4, 4))
                f"Compare {self.name}({self.show(self.at[0])}) with the values of {self.name} a little to either side: "
                "if both are higher, the point is a minimum; both lower, a maximum; one higher and one lower, neither.",
                f"Or use the second-derivative test, the sign of {second} at the point: {second} > 0, a minimum; "
                f"{second} < 0, a maximum; {second} = 0: the test does not decide.",
                f"Here {second}({self.show(self.at[0])}) = {self.show(result.fxx)}.",
            )
        x, y = self.variables
        f_xx, f_yy, f_xy = (f"{self.name}_{x}{x}", f"{self.name}_{y}{y}", f"{self.name}_{x}{y}")  # T_xx for T
        return (
            f"Compare {self.name}{self.point_text(self.at)} with the values of {self.name} a little away in every "
            "direction: if they are all higher, the point is a minimum; all lower, a maximum; higher one way and "
            "lower another, a saddle point.",
            f"Or use the second-derivative test: D = {f_xx}·{f_yy} − {f_xy}² at the point. D < 0: saddle. D > 0: a "
            f"minimum if {f_xx} > 0, a maximum if {f_xx} < 0. D = 0: the test does not decide.",
            f"Here D = {self.show(result.D)} and {f_xx} = {self.show(result.fxx)}.",
        )

    def figure(self) -> Figure:
        """The contour map around the point, marked by its class (in one variable: the curve)."""
        from ...plot import classify_figure, critical_curve_figure
        names = self.drawn_variables()
        if len(names) == 1:
            return critical_curve_figure(self.function, names, self.at, name=self.name)
        return classify_figure(self.function, names, self.at, name=self.name)

    def question_figure(self) -> Figure:
        """The point asked about, not its class."""
        from ...plot import question_only
        return question_only(self.figure(), point_asked=True)
