"""The least-squares line y = mx + b through data points (given, or from a CSV file)."""

from ..base import Topic
from .exercise import LeastSquares
from .misconceptions import MISCONCEPTIONS, candidates
from .picture import PLOT
from .solve import SOLVE

TOPIC = Topic(LeastSquares, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE, plot=PLOT,
              candidate_names=lambda problem: ("x", "y"))  # the line y = mx + b, read in x and y
