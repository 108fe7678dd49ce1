"""Repeat until close enough: how many iterations of gradient descent until |∇f| is below a tolerance."""

from ..base import Topic
from .exercise import Stopping
from .misconceptions import MISCONCEPTIONS, candidates

TOPIC = Topic(Stopping, candidates=candidates, catalogue=MISCONCEPTIONS)
