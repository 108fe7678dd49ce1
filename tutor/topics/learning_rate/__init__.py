"""Choosing a learning rate: the same descent with several rates, each one converging, oscillating,
diverging or too slow for the steps allowed, and the best of them."""

from ..base import Topic
from .exercise import LearningRate
from .misconceptions import MISCONCEPTIONS, candidates
from .picture import PLOT
from .solve import SOLVE

TOPIC = Topic(LearningRate, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE, plot=PLOT)
