"""The review list (gennemsyn/): every record past its review period, per owner.

The same list is published as gennemsyn.csv and printed by ``videre gennemsyn``;
all three come from :func:`videre.catalog.freshness.due_records`.
"""

from __future__ import annotations

from ..catalog import freshness
from ..catalog.catalog import Catalog
from ..core import urls
from ..core.options import SiteOptions
from . import Page, render
from .links import Linker

SRC = "gennemsyn.md"
CSV = "gennemsyn.csv"


def shown_urls(catalog: Catalog, options: SiteOptions) -> set[str]:
    """Addresses with a page in this build (example records may be hidden)."""
    shown = catalog.shown(options)
    return {r.url for r in [*shown.all_offers(), *shown.partners]} | {
        urls.municipality_page(m.slug) for m in catalog.register.municipalities
    }


def review_page(catalog: Catalog, options: SiteOptions) -> Page:
    due = freshness.due_records(catalog, options.today, options.review_months)
    return Page(
        SRC,
        render(
            "gennemsyn.md.j2",
            groups=freshness.by_owner(due),
            counts=freshness.counts(due),
            total=len(due),
            months=options.review_months,
            today=options.today,
            examples=len(freshness.example_paths(catalog)),
            shown=shown_urls(catalog, options),
            csv=CSV,
            **Linker(SRC).context(),
        ),
        in_nav=True,
    )


def review_csv(catalog: Catalog, options: SiteOptions) -> str:
    return freshness.review_csv(freshness.due_records(catalog, options.today, options.review_months), options.site_url)
