"""One page per offer: the address that QR codes, handouts and links point to, with its printed sheet."""

from __future__ import annotations

from collections.abc import Collection

from ..catalog.catalog import Catalog
from ..catalog.freshness import Review, review_for
from ..catalog.ownership import data_path
from ..core import parallel, urls
from ..core.model import Offer, editor_url
from ..core.options import SiteOptions
from . import Page, render
from .feedback import report_url
from .handout import offer_sheet, prepare_sheets
from .links import Linker
from .partner import coverage_text
from .patient import owner_name


def offer_page(catalog: Catalog, offer: Offer, options: SiteOptions, review: Review) -> Page:
    src = urls.source(offer.url)
    if offer.owner_kind == "kommune":
        owner_url, coverage = urls.municipality_page(offer.owner), ""
    else:
        owner_url, coverage = urls.partner_page(offer.owner), coverage_text(offer, catalog.register)
    markdown = render(
        "tilbud.md.j2",
        o=offer,
        owner_name=owner_name(catalog, offer),
        owner_url=owner_url,
        coverage=coverage,
        review=review,
        report_url=report_url(options, offer.title, offer.url, data_path(offer.file)),
        editor_url=editor_url(offer),
        **offer_sheet(offer, options),
        **Linker(src).context(),
    )
    return Page(src, markdown, many=True)


def offer_pages(catalog: Catalog, options: SiteOptions, only: Collection[str] | None = None) -> list[Page]:
    """Every offer's page, or those of the offers whose ids are in ``only``."""
    review = review_for(options)
    offers = [o for o in catalog.all_offers() if only is None or o.id in only]
    prepare_sheets(offers, options)
    return parallel.ordered_map(lambda offer: offer_page(catalog, offer, options, review), offers)
