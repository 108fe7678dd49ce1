"""Pack files the tests write: a pack `p` whose exercises are given one per string, each a YAML
flow mapping ('{id: a, kind: minimize, function: "x^2"}') or a block of lines indented under its '- '."""

from __future__ import annotations

from pathlib import Path


def pack_text(*exercises: str) -> str:
    """The YAML of pack p with these exercises in order, the first on line 3 (where positions are asserted)."""
    return "pack: p\nexercises:\n" + "".join(f"  - {exercise.rstrip()}\n" for exercise in exercises)


def pack_file(folder: Path, *exercises: str) -> Path:
    """pack_text written to folder/p.yaml, for the commands and loaders that read a file."""
    path = folder / "p.yaml"
    path.write_text(pack_text(*exercises), encoding="utf-8")
    return path
