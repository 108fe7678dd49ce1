"""The docs site builds without a warning, and its generated page is up to date."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_pack_format", REPO / "docs" / "gen_pack_format.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pack_format_page_is_generated_from_the_schema():
    generator = _generator()
    assert generator.PAGE.read_text(encoding="utf-8") == generator.render(generator.schema()), (
        "docs/reference/pack-format.md is out of date: run python3 docs/gen_pack_format.py")


def test_the_committed_json_schema_is_the_one_the_loader_s_table_makes():
    """Editors read docs/reference/pack.schema.json; it must be what `tutor pack schema` prints now."""
    generator = _generator()
    assert generator.SCHEMA.read_text(encoding="utf-8") == generator.schema_text(), (
        "docs/reference/pack.schema.json is out of date: run python3 docs/gen_pack_format.py")


def test_the_site_builds_strictly(tmp_path):
    """A broken link or anchor, a page missing from the nav or a nav entry without its page
    is a warning (mkdocs.yml's validation), and --strict turns warnings into a failure."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner about MkDocs 2.0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=REPO, capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    assert (tmp_path / "site" / "reference" / "pack-format" / "index.html").exists()


def test_the_readmes_links_lead_to_files():
    """The README is read on GitHub and PyPI, outside the site: its links to docs/ must hold too."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = [t for t in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme) if "://" not in t]
    assert len(targets) >= 20
    assert [t for t in targets if not (REPO / t).is_file()] == []


def test_every_page_of_the_site_is_listed_where_a_reader_starts():
    """Finding 497: on GitHub the README's Documentation list and the home page's table are the way in, not the
    site's nav; a page only the nav names (the whole lesson, one pass) was found by nobody reading there."""
    nav = re.findall(r":\s*(\S+\.md)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    pages = [page for page in nav if page != "index.md"]
    assert len(pages) >= 18
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("## Documentation", 1)[1]
    home = (REPO / "docs" / "index.md").read_text(encoding="utf-8").split("## The pages", 1)[1]
    assert [page for page in pages if f"(docs/{page})" not in readme] == []
    assert [page for page in pages if f"({page})" not in home] == []
