"""Misconceptions about solving f′ = 0 or ∇f = 0, shared by critical points and minimisation:
the derivative given instead of its zero, f = 0 solved instead of f′ = 0, a·x = b solved as
x = a/b, and a·x + b = 0 as x = −b."""

from __future__ import annotations

from .base import Misconception, register

MISCONCEPTIONS = register(
    Misconception(
        "derivative-not-solved", "gave the derivative instead of where it is zero",
        "It looks like you gave {derivative} itself. The answer is where it is zero: solve {equation}."),
    Misconception(
        "solved-function-zero", "solved f = 0 instead of f′ = 0",
        "It looks like you solved {f} = 0. A minimum or a critical point is where the slope is zero: "
        "solve {equation}."),
    Misconception(
        "solved-with-sign-lost", "solved a·x + b = 0 as x = b/a",
        "It looks like you lost a sign solving {equation}. Moving a term across the equals sign changes its sign: "
        "a·x + b = 0 gives x = −b/a, here {values}."),
    Misconception(
        "divided-wrong-way", "solved a·x = b as x = a/b",
        "It looks like you divided the wrong way round when solving {solved}: {values}."),
    Misconception(
        "coefficient-not-divided", "solved a·x + b = 0 as x = −b, without dividing by a",
        "It looks like you did not divide by the coefficient when solving {equations}: {values}."),
)
