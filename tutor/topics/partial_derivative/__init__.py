"""∂/∂x of a function of several variables, optionally at a point."""

from ..base import Topic
from .exercise import PartialDerivative
from .misconceptions import candidate_names, candidates
from .solve import SOLVE

TOPIC = Topic(PartialDerivative, candidates=candidates, candidate_names=candidate_names, solve=SOLVE)
