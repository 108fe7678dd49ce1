"""The minimum of a function of one variable: the x where f'(x) = 0 (exact when possible)."""

from ..base import Topic
from .exercise import Minimize
from .misconceptions import MISCONCEPTIONS, candidates
from .solve import SOLVE

TOPIC = Topic(Minimize, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE)
