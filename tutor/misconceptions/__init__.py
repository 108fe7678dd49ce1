"""What misconceptions are made of, and the ones several kinds share.

A misconception is a named mistake (a stable id and a feedback sentence); for
one exercise variant it produces wrong answers, or a pattern that recognises
them. Each exercise kind builds its own (tutor/topics/<kind>/misconceptions.py);
the ones about differentiating, evaluating and solving live here, because every
kind built on derivatives (partial derivatives, gradients, tangent planes,
critical points, minimisation, descent) names them too. Matching a student's
answer against them is tutor.diagnose's job.
"""

from __future__ import annotations

from .base import (
                   BOTH,
                   EITHER,
                   Candidate,
                   Componentwise,
                   Known,
                   Misconception,
                   Option,
                   Pattern,
                   Said,
                   Tiered,
                   WrongAnswer,
                   at_point,
                   either,
                   in_places,
                   register,
                   told,
)
from .derivatives import MISCONCEPTIONS as DERIVATIVES
from .derivatives import table_points
from .points import MISCONCEPTIONS as POINTS
from .solving import MISCONCEPTIONS as SOLVING

SHARED = {**DERIVATIVES, **POINTS, **SOLVING}

__all__ = ["BOTH", "EITHER", "SHARED", "Candidate", "Componentwise", "Known", "Misconception", "Option", "Pattern",
           "Said", "Tiered", "WrongAnswer", "at_point", "either", "in_places", "register", "table_points", "told"]
