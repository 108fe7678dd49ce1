"""Local minima: every one of a function of one or two variables, the global one, and where gradient
descent from a start ends up (the valley it starts in, not necessarily the
lowest, unless a step is large enough to jump a hill into another)."""

from ..base import Topic
from .exercise import LocalMinima
from .misconceptions import MISCONCEPTIONS, candidates

TOPIC = Topic(LocalMinima, candidates=candidates, catalogue=MISCONCEPTIONS)
