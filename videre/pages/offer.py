"""One page per offer: the address that QR codes, handouts and links point to."""

from __future__ import annotations

from .. import parallel
from ..freshness import Review
from ..model import Catalog, Offer
from ..ownership import data_path
from . import Page, SiteOptions, render, visible
from .feedback import report_url
from .links import Linker
from .partner import coverage_text


def offer_page(catalog: Catalog, offer: Offer, options: SiteOptions | None = None) -> Page:
    options = options or SiteOptions()
    src = f"tilbud/{offer.owner}/{offer.slug}.md"
    if offer.owner_kind == "kommune":
        owner_name = f"{catalog.register.municipality(offer.owner).name} Kommune"
        owner_url, coverage = f"kommuner/{offer.owner}/", ""
    else:
        owner_name = catalog.partner(offer.owner).short_name
        owner_url, coverage = f"partnere/{offer.owner}/", coverage_text(offer, catalog.register)
    markdown = render("tilbud.md.j2", o=offer, owner_name=owner_name, owner_url=owner_url,
                      coverage=coverage, review=Review(options.today, options.review_months),
                      report_url=report_url(options, offer.title, offer.url, data_path(offer.file)),
                      **Linker(src).context())
    return Page(src, markdown, many=True)


def offer_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    return parallel.ordered_map(lambda offer: offer_page(catalog, offer, options),
                                list(visible(catalog.all_offers(), options)))
