"""The cost of a line y = mx + b on data: E(m, b) built square by square, its value at (m, b), and one
gradient-descent step on it (or on the mean cost L = E/(2n) used for several observations)."""

from ..base import Topic
from .exercise import Cost
from .misconceptions import MISCONCEPTIONS, candidates
from .solve import SOLVE

TOPIC = Topic(Cost, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE)
