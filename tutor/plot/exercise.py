"""The picture of an exercise, as a PNG: what the REPL's `:plot` draws.

Each kind says what its picture is (its Problem's `figure`); a kind with
nothing to draw (an `expression` exercise, a function of three variables)
raises SolveError with one sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .model import Figure
from .png import write_png


class _Problem(Protocol):
    def figure(self) -> Figure: ...

    def question_figure(self) -> Figure: ...


class _Exercise(Protocol):  # a tutor.packs.Exercise
    @property
    def id(self) -> str: ...

    @property
    def problem(self) -> _Problem: ...


def picture_for(exercise: _Exercise, out: Path | None = None, answer: bool = True) -> Path:
    """Draw the exercise's picture into a PNG (by default `<exercise id>.png` in the current
    folder) and return its path; with `answer=False`, the question only (nothing that gives the
    answer away).

    Raises SolveError, with a sentence, for an exercise without a picture; NoMatplotlib (with
    how to install it) when matplotlib is missing; OSError when the file can't be written.
    """
    problem = exercise.problem
    figure = problem.figure() if answer else problem.question_figure()
    return write_png(figure, out if out is not None else Path(f"{exercise.id}.png"))
