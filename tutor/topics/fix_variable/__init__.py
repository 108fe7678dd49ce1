"""f with a variable fixed: the slice f(x, 4) of x² + y², and its derivative, the tangent line's slope."""

from ..base import Topic
from .exercise import FixVariable
from .misconceptions import MISCONCEPTIONS, candidates
from .solve import SOLVE

TOPIC = Topic(FixVariable, candidates=candidates, catalogue=MISCONCEPTIONS, solve=SOLVE)
