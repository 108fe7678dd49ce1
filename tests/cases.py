"""Where the shared cases live: ../shared beside the repo (skipped with a reason when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CONFORMANCE = SHARED / "conformance"


def conformance_cases(name: str) -> list[dict]:
    """The cases of one conformance file, or a single skipped case when ../shared is absent."""
    path = CONFORMANCE / name
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is absent (../shared not beside the repo)"))]
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
