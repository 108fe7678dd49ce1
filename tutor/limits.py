"""Every limit on untrusted input, in one place.

A student's answer (or a line of a submissions file) is read and checked within
these bounds; anything beyond them is refused as `too_large` or `timeout`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_length: int = 1000
    """Characters in one answer."""
    max_depth: int = 60
    """Nesting of brackets, functions and signs."""
    max_exponent: int = 10_000
    """Largest |n| for a numeric exponent, such as the 6000 in (x - a)^6000."""
    max_digits: int = 1000
    """Digits of any exact number that reading an answer produces (literal, power, factorial)."""
    budget_seconds: float = 2.0
    """Wall-clock time for one whole check."""
    symbolic_seconds: float = 0.25
    """Part of the budget spent confirming symbolically after random points agreed."""
    max_submission_bytes: int = 1 << 17
    """Bytes in one row of a submissions CSV (the csv module's own limit on a field), or in one
    YAML or JSON submission file."""


LIMITS = Limits()
