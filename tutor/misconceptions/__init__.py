"""The catalogue of misconceptions: for each exercise kind, the wrong answers students give and why.

One module per family of kinds: derivatives (also used by gradients, tangent
planes and minimisation), gradients and tangent planes, critical points and
their classification, least squares, gradient descent, minimisation. Each
module registers its misconceptions (a stable id and a feedback sentence) and
builds, for one exercise variant, the wrong answers they produce. Matching a
student's answer against them is `tutor.diagnose`'s job.
"""

from __future__ import annotations

from typing import Callable

from ..kinds import Problem
from . import critical, derivatives, descent, fitting, gradients, minimum
from .base import Candidate, Misconception, Pattern, WrongAnswer

CATALOGUE: dict[str, Misconception] = {
    **derivatives.MISCONCEPTIONS, **gradients.MISCONCEPTIONS, **critical.MISCONCEPTIONS,
    **fitting.MISCONCEPTIONS, **descent.MISCONCEPTIONS, **minimum.MISCONCEPTIONS,
}

_BUILDERS: dict[str, Callable[[Problem], list[Candidate]]] = {
    "derivative": derivatives.derivative_candidates,
    "partial_derivative": derivatives.derivative_candidates,
    "gradient": gradients.gradient_candidates,
    "tangent_plane": gradients.tangent_candidates,
    "critical_points": critical.critical_candidates,
    "classify_point": critical.classify_candidates,
    "least_squares": fitting.least_squares_candidates,
    "gradient_descent": descent.descent_candidates,
    "minimize": minimum.minimum_candidates,
    # `expression`: the author wrote the answer by hand, so only the author's `mistakes:` apply
}


def candidates(problem: Problem) -> list[Candidate]:
    """The catalogue's wrong answers for one exercise variant (a tutor.kinds Problem), most telling
    first. Some may equal the right answer for this variant; the caller discards those."""
    builder = _BUILDERS.get(problem.KIND)
    return builder(problem) if builder else []


__all__ = ["CATALOGUE", "Candidate", "Misconception", "Pattern", "WrongAnswer", "candidates"]
