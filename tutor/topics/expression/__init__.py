"""Anything else: the author writes the prompt and the expected answer (and any mistakes to name)."""

from ..base import Topic
from .exercise import Expression

TOPIC = Topic(Expression)
