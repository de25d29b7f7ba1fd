"""The regions in force on the build date: an overview, a page per region, and the index of all municipalities.

Regions begin and end on set days (:mod:`videre.kinds.register`). The builders see the register as in
force on the build date, so the overview and the region pages change on the day itself. The
overview is the only region page in the navigation; the pages of ended regions become redirects
(``data/redirects.yaml``).
"""

from __future__ import annotations

from types import SimpleNamespace

from ..catalog.catalog import Catalog
from ..core import urls
from ..core.options import SiteOptions
from ..kinds.register import Region
from ..search import spelling
from . import Page, render
from .links import Linker
from .notice import notice_html

OVERVIEW = "regioner/index.md"


def region_aliases(region: Region) -> str:
    """Every name the region is searched by: 'Sjaelland', 'Sjællands', 'Sjalland' (videre.search.spelling)."""
    short = [n.removeprefix("Region ").strip() for n in (region.name, *region.alt_names)]
    return " ".join(spelling.name_variants(short))


def region_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    register = catalog.register
    names = {m.slug: m.name for m in register.municipalities}
    pages = []
    for region in register.regions:
        src = urls.source(urls.region_page(region.slug))
        rows = [
            SimpleNamespace(
                m=m,
                offers=len(catalog.offers_in(m.slug)),
                partner_offers=len(catalog.partner_offers_for(m.slug)),
                contact=bool(catalog.contacts.get(m.slug)),
            )
            for m in register.in_region(region.slug)
        ]
        departments = tuple(d for d in catalog.departments if register.holder(d.region) == region.slug)
        pages.append(
            Page(
                src,
                render(
                    "region.md.j2",
                    region=region,
                    rows=rows,
                    departments=departments,
                    names=names,
                    aliases=region_aliases(region),
                    varsel=notice_html(register, options, src),
                    **Linker(src).context(),
                ),
            )
        )
    pages.append(region_overview(catalog, options))
    return pages


def region_overview(catalog: Catalog, options: SiteOptions) -> Page:
    """The regions in force on the build date, with their municipalities."""
    register = catalog.register
    regions = [(r, sorted(register.in_region(r.slug), key=lambda m: m.name)) for r in register.regions]
    return Page(
        OVERVIEW,
        render(
            "regioner.md.j2",
            regions=regions,
            day=options.today,
            varsel=notice_html(register, options, OVERVIEW),
            **Linker(OVERVIEW).context(),
        ),
        in_nav=True,
    )


def municipality_index(catalog: Catalog, options: SiteOptions) -> Page:
    src = "kommuner/index.md"
    register = catalog.register
    regions = [(r, sorted(register.in_region(r.slug), key=lambda m: m.name)) for r in register.regions]
    # What each municipality's page counts: its own and the partners' real offers, and the examples apart.
    counts = {}
    for m in register.municipalities:
        offers = (*catalog.offers_in(m.slug), *catalog.partner_offers_for(m.slug))
        examples = sum(o.example for o in offers)
        counts[m.slug] = (len(offers) - examples, examples)
    return Page(src, render("kommuner.md.j2", regions=regions, counts=counts, **Linker(src).context()), in_nav=True)
