"""Is a critical point a minimum, a maximum, a saddle, or does the second-derivative test not decide?"""

from ..base import Topic
from .exercise import ClassifyPoint
from .misconceptions import MISCONCEPTIONS, candidates

TOPIC = Topic(ClassifyPoint, candidates=candidates, catalogue=MISCONCEPTIONS)
