"""The Danish site search index, built with Pagefind after the HTML is written.

Pagefind stems Danish properly and searches inside compounds, where Material's
lunr search fails on Danish (see the recall list in tests/search/queries.yaml).

The index is built by Pagefind's own command-line program (shipped in the
``pagefind_bin`` wheel), not by its Python service API: the program exits only
when every file is written. The service answered "written" while its last
writes could still be under way, which left truncated files on a busy machine
and cost a half-second wait for the files to settle on every build.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from . import reproducible

LANGUAGE = "da"
EXCLUDE_SELECTORS = (".headerlink", ".md-source-file")
NOT_INDEXED = frozenset({"udskrivning", "assets", "pagefind", "hsds", "schemas", "redaktion"})
"""Top-level folders Pagefind need not read. Pages opt in with ``data-pagefind-body``, but Pagefind
must still parse every file it is given to see that; the print handouts repeat the offer pages and
are as many, so leaving them out saves a tenth of the indexing time at national scale. The editor
(``redaktion/``) is a tool for staff, not content, and stays out of the index."""


def glob(site_dir: Path) -> str:
    """Every HTML file except those below NOT_INDEXED (a new section is indexed without a change here)."""
    folders = sorted(p.name for p in site_dir.iterdir() if p.is_dir() and p.name not in NOT_INDEXED)
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its output."""


def command(site_dir: Path) -> list[str]:
    from pagefind_bin import get_executable

    args = [str(get_executable()), "--site", str(site_dir), "--force-language", LANGUAGE, "--glob", glob(site_dir),
            "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def build_index(site_dir: Path) -> int:
    """Index every page under ``site_dir`` into ``site_dir/pagefind``; returns the number of pages indexed."""
    site_dir = site_dir.resolve()
    done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind fejlede ({done.returncode}): {done.stdout}{done.stderr}".strip())
    bundle = site_dir / "pagefind"
    reproducible.canonicalize(bundle)   # same input, same bytes (Pagefind's filter order varies)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())
