"""The tangent plane z = f(a, b) + f_x(a, b)(x − a) + f_y(a, b)(y − b)."""

from ..base import Topic
from .exercise import TangentPlane
from .misconceptions import MISCONCEPTIONS, candidates
from .picture import PLOT
from .solve import SOLVE

TOPIC = Topic(TangentPlane, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE, plot=PLOT)
