"""Recently changed (senest-aendret/): the newest changes to records, from git or from the records."""

from __future__ import annotations

from ..catalog.catalog import Catalog
from ..catalog.changes import recent_changes
from ..core.options import SiteOptions
from . import Page, render
from .links import Linker
from .review import shown_urls

SRC = "senest-aendret.md"
LIMIT = 60


def recent_page(catalog: Catalog, options: SiteOptions) -> Page:
    changes = recent_changes(catalog, limit=LIMIT)
    return Page(
        SRC,
        render(
            "senest-aendret.md.j2",
            changes=changes,
            limit=LIMIT,
            from_git=any(c.from_git for c in changes),
            shown=shown_urls(catalog, options),
            **Linker(SRC).context(),
        ),
        in_nav=True,
    )
