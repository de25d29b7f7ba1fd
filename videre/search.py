"""The Danish site search index, built with Pagefind after the HTML is written.

Pagefind stems Danish properly and searches inside compounds, where Material's
lunr search fails on Danish (see the recall list in tests/search/queries.yaml).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import reproducible


class _Written(Exception):
    """Leaves PagefindIndex's context without its own second write (see _index)."""


async def _settled(bundle: Path, *, quiet: int = 5, pause: float = 0.1, limit: float = 15.0) -> None:
    """Wait until no file in the bundle changes size for ``quiet`` looks in a row."""
    def snapshot() -> list[tuple[str, int]]:
        return sorted((p.as_posix(), p.stat().st_size) for p in bundle.rglob("*") if p.is_file())

    previous, same, waited = snapshot(), 0, 0.0
    while same < quiet and waited < limit:
        await asyncio.sleep(pause)
        waited += pause
        current = snapshot()
        same = same + 1 if current == previous else 0
        previous = current


async def _index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    # Relative output paths would follow the cwd, so the path is absolute.
    bundle = site_dir.resolve() / "pagefind"
    config = IndexConfig(force_language="da", output_path=str(bundle),
                         exclude_selectors=[".headerlink", ".md-source-file"])
    # Pagefind's service answers "written" while its last writes may still be under way, and the
    # context manager then stops the service at once: on a busy machine a file (seen: the 41 KB
    # pagefind-worker.js cut at 40 KB) ends up truncated. So: write, wait until the files stop
    # growing, and only then leave the context (by an exception, so that it does not write again).
    try:
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir.resolve()))
            await index.write_files()
            await _settled(bundle)
            raise _Written
    except _Written:
        pass
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
