"""Where gradient descent is after some iterations, from a start point at a learning rate."""

from ..base import Topic
from .exercise import GradientDescent
from .misconceptions import MISCONCEPTIONS, candidates
from .picture import PLOT
from .solve import SOLVE

TOPIC = Topic(GradientDescent, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE, plot=PLOT)
