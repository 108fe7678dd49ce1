"""Where the built-in packs are, and what `tutor pack list` says of them, without reading their
mathematics: the list needs no sympy (tutor.packs reads and checks the exercises)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

BUILT_IN = ("gradients", "drills")


def built_in_folder() -> Path:
    """The built-in packs: installed as tutor.exercises, or `exercises/` in a source checkout."""
    try:
        return Path(str(resources.files("tutor.exercises")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / "exercises"


def built_in_path(name: str) -> Path:
    return built_in_folder() / f"{name}.yaml"


@dataclass(frozen=True)
class Listed:
    """A pack as `tutor pack list` shows it."""

    id: str
    title: str
    exercises: int
    source: str


def listed(name: str) -> Listed:
    """A built-in pack's id, title and number of exercises, from its top level alone (trusted text:
    it ships with the tutor, and the test suite loads and checks it whole)."""
    root = yaml.compose(built_in_path(name).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    top = {key.value: value for key, value in root.value}
    title = top["title"].value if "title" in top else name
    return Listed(top["pack"].value, title, len(top["exercises"].value), f"built-in:{name}")
