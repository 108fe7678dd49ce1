"""d/dx of a function of one variable, optionally at a point: the one-variable partial derivative.

Everything but the exercise's prompt, hints and keys is partial_derivative's.
"""

from ..base import Topic
from ..partial_derivative.misconceptions import candidate_names, candidates
from .exercise import Derivative

TOPIC = Topic(Derivative, candidates=candidates, candidate_names=candidate_names)
