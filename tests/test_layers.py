"""Imports point down the layer table, never up.

The table is the one in the architecture description (the `| layer | modules |`
table): each row a layer, bottom first, naming its modules (`parse`; a package
and its modules one by one, `cli` and `cli/check`) and packages (`topics/`).
Every module of tutor/ must sit in exactly one layer, and may import from its
own layer and those below it. Imports are read from the
source (ast), wherever they are in a module, so a lazy import counts too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "tutor"


def _architecture() -> Path:
    page = REPO / "docs" / "explanation" / "architecture.md"
    return page if page.exists() else REPO / "README.md"


def _layers() -> list[tuple[str, list[str]]]:
    """[(layer, [module or package/ ...])], bottom first, from the architecture table."""
    lines = _architecture().read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\|\s*layer\s*\|\s*modules\s*\|", line))
    layers = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        name, modules = (cell.strip() for cell in line.strip("|").split("|")[:2])
        layers.append((name, re.findall(r"`([\w/]+)`", modules)))
    return layers


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer_of(module: str, layers: list[tuple[str, list[str]]]) -> list[int]:
    """The layers whose entries name `module` (tutor.parse) or a package holding it (topics/)."""
    inner = module.removeprefix("tutor").removeprefix(".") or "__init__"
    found = []
    for index, (_, entries) in enumerate(layers):
        for entry in entries:
            if entry.endswith("/"):
                package = entry.rstrip("/").replace("/", ".")
                if inner == package or inner.startswith(package + "."):
                    found.append(index)
            elif inner == entry.replace("/", "."):  # `parse`, or `cli/check` for a package's module
                found.append(index)
    return found


def _imports(module: str, path: Path) -> set[str]:
    """The tutor modules `module` imports (a `from . import x` of a submodule counts as that module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "tutor"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "tutor":
                continue
            submodules = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in MODULES]
            found |= set(submodules) if submodules else {target}
    return {name for name in found if name in MODULES and name != module}


LAYERS = _layers()


def test_the_table_places_every_module_exactly_once():
    misplaced = {module: [LAYERS[i][0] for i in _layer_of(module, LAYERS)] for module in MODULES}
    assert {m: where for m, where in misplaced.items() if len(where) != 1} == {}


def test_the_table_names_only_modules_that_exist():
    for name, entries in LAYERS:
        for entry in entries:
            paths = [PACKAGE / entry] if entry.endswith("/") else [PACKAGE / f"{entry}.py",
                                                                  PACKAGE / entry / "__init__.py"]
            assert any(path.exists() for path in paths), f"layer '{name}' names {entry}, which is not in tutor/"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    (own,) = _layer_of(module, LAYERS)
    upward = {name: LAYERS[_layer_of(name, LAYERS)[0]][0] for name in _imports(module, MODULES[module])
              if _layer_of(name, LAYERS)[0] > own}
    assert upward == {}, f"{module} ({LAYERS[own][0]}) imports from layers above it"


def test_the_check_sees_an_upward_import(tmp_path):
    """The test itself can fail: a core module importing the packs is caught."""
    probe = tmp_path / "probe.py"
    probe.write_text("from .packs import load\nfrom . import words\n", encoding="utf-8")
    assert _imports("tutor.parse", probe) == {"tutor.packs", "tutor.words"}
    core = _layer_of("tutor.parse", LAYERS)[0]
    assert _layer_of("tutor.packs", LAYERS)[0] > core
