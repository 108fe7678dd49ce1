"""∇f: the vector of partial derivatives, optionally at a point."""

from ..base import Topic
from .exercise import Gradient
from .misconceptions import MISCONCEPTIONS, candidates
from .solve import SOLVE

TOPIC = Topic(Gradient, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE)
