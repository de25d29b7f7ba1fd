"""The Danish site search index, built with Pagefind after the HTML is written.

Pagefind stems Danish properly and searches inside compounds, where Material's
lunr search fails on Danish (see the recall list in tests/search/queries.yaml).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import reproducible


async def _index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    # The context manager writes the bundle on exit, to output_path (relative paths follow the cwd).
    config = IndexConfig(force_language="da", output_path=str(site_dir.resolve() / "pagefind"),
                         exclude_selectors=[".headerlink", ".md-source-file"])
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir.resolve()))
    return int(result.get("page_count", 0)) if isinstance(result, dict) else 0


def build_index(site_dir: Path) -> int:
    """Index every page under ``site_dir``; returns the number of pages indexed."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        count = asyncio.run(_index(site_dir))
    else:  # called from inside an event loop (e.g. a browser test): index on a thread of its own
        with ThreadPoolExecutor(max_workers=1) as pool:
            count = pool.submit(asyncio.run, _index(site_dir)).result()
    reproducible.canonicalize(site_dir / "pagefind")   # same input, same bytes (Pagefind's filter order varies)
    return count
