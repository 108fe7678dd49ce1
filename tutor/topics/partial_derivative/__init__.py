"""∂/∂x of a function of several variables, optionally at a point."""

from ..base import Topic
from .exercise import PartialDerivative
from .misconceptions import candidates
from .solve import SOLVE

TOPIC = Topic(PartialDerivative, candidates=candidates, solve=SOLVE)
