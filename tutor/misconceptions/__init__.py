"""What misconceptions are made of, and the ones several kinds share.

A misconception is a named mistake (a stable id and a feedback sentence); for
one exercise variant it produces wrong answers, or a pattern that recognises
them. Each exercise kind builds its own (tutor/topics/<kind>/misconceptions.py);
the ones about differentiating live here, because every kind built on
derivatives (partial derivatives, gradients, tangent planes, minimisation)
names them too. Matching a student's answer against them is tutor.diagnose's job.
"""

from __future__ import annotations

from .base import Candidate, Misconception, Pattern, WrongAnswer, at_point, register
from .derivatives import MISCONCEPTIONS as SHARED

__all__ = ["SHARED", "Candidate", "Misconception", "Pattern", "WrongAnswer", "at_point", "register"]
