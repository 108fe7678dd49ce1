"""Anything else: the author writes the prompt and the expected answer (and any mistakes to name);
where the author says which function, point and rate it is about, the mistakes about them are named."""

from ..base import Topic
from .exercise import Expression
from .misconceptions import candidate_names, candidates

TOPIC = Topic(Expression, candidates=candidates, candidate_names=candidate_names)
