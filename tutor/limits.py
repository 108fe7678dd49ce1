"""Every limit on untrusted input, in one place.

A student's answer (or a line of a submissions file) is read and checked within
these bounds; anything beyond them is refused as `too_large` or `timeout`.

The limits are of two kinds. Sizes and work units decide before or while the
work is done, the same way on every machine, so verdicts never depend on the
machine's load. CPU time and memory are outer guards, enforced by the kernel on
the worker processes that check answers (tutor.workers), set far above what
any answer within the other limits needs.
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
    """Digits of any exact number that reading an answer produces (literal, power, factorial,
    binomial coefficient, sum or product)."""
    max_root_digits: int = 300
    """Digits of an exact number under a root or a fractional power: sympy looks for its
    square factors, which takes time that grows fast with its size (a second at 1,000 digits)."""
    work: int = 400_000
    """Work units for one whole check (tutor.budget): each evaluation at a point spends one
    per node of the expression, sympy's symbolic confirmation one per function call. The
    lesson's answers need at most 60,000; spent to the last, about a second of CPU time."""
    symbolic_work: int = 100_000
    """Of those, the function calls sympy may make to confirm one equality symbolically after
    the sample points agreed (right answers to the lesson's exercises need at most 20,000,
    sin²x + cos²x = 1 about 56,000)."""
    budget_seconds: float = 5.0
    """CPU seconds for one whole check: the outer guard. The slowest hostile answer we know
    takes a tenth of it (benchmarks/bench_limits.py)."""
    memory_bytes: int = 1 << 30
    """Address space of a worker process that checks answers (RLIMIT_AS), or what it started
    with plus a quarter of this, whichever is more."""
    max_submission_bytes: int = 1 << 17
    """Bytes in one row of a submissions CSV (the csv module's own limit on a field), or in one
    YAML or JSON submission file, or in one line of `tutor check --batch`."""
    max_pack_bytes: int = 1 << 20
    """Bytes in a pack file, or in a CSV file of data beside it."""
    max_yaml_values: int = 50_000
    """Values (scalars, lists, mappings) in a YAML document once its aliases are expanded."""
    max_yaml_depth: int = 64
    """Nesting of a YAML document once its aliases are expanded."""
    max_exercises: int = 500
    """Exercises in one pack."""
    max_parameter: int = 10**6
    """Largest |value| a pack's parameter range may reach, and largest `points:`."""


LIMITS = Limits()
