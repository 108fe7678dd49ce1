"""All critical points of a function (∇f = 0), optionally within a region."""

from ..base import Topic
from .exercise import CriticalPoints
from .misconceptions import MISCONCEPTIONS, candidates
from .picture import PLOT
from .solve import SOLVE

TOPIC = Topic(CriticalPoints, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE, plot=PLOT)
