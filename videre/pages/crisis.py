"""The crisis page (krise/): every crisis line by region, for staff who give a patient the numbers.

The same lines as the handout's and the municipality page's block "Hvis det bliver svært" (data/krise.yaml),
gathered on one page, so that a search for 'krise' leads to crisis help and not to a contributor's page."""

from __future__ import annotations

from ..catalog.catalog import Catalog
from ..core.options import SiteOptions
from . import Page, render
from .links import Linker

SRC = "krise.md"


def crisis_page(catalog: Catalog, options: SiteOptions) -> Page:
    register = catalog.register
    regions = []
    for region in register.regions:
        members = sorted(register.in_region(region.slug), key=lambda m: m.name)
        if members:
            # Every line reaches a whole region or the whole country, so one municipality shows the region's lines.
            regions.append((region, catalog.crisis_lines(members[0].slug)))
    return Page(SRC, render("krise.md.j2", regions=regions, today=options.today, **Linker(SRC).context()), in_nav=True)
