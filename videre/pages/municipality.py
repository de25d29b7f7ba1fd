"""One page per municipality: its offers by kind, partner offers, GOP contact, rights."""

from __future__ import annotations

from typing import Collection, Sequence

from ..search import spelling
from ..core import parallel, urls, vocab
from ..catalog.freshness import review_for
from ..core.model import Municipality, Offer
from ..catalog.catalog import Catalog
from . import Page, render
from ..core.options import SiteOptions
from .feedback import report_url
from .links import Linker
from .notice import notice_html


def search_aliases(municipality: Municipality) -> str:
    """Every name the municipality is searched by, besides the one in the heading (videre.search.spelling)."""
    return " ".join(spelling.name_variants((municipality.name, *municipality.alt_names)))


def real_first(offers: Sequence[Offer]) -> tuple[tuple[Offer, ...], tuple[Offer, ...]]:
    """Real offers (confirmed or read from a public page), and the examples, which a page lists after them
    under their own heading (which examples a build shows at all: :meth:`Catalog.published`)."""
    return tuple(o for o in offers if not o.example), tuple(o for o in offers if o.example)


def municipality_page(catalog: Catalog, municipality: Municipality, options: SiteOptions) -> Page:
    src = urls.source(urls.municipality_page(municipality.slug))
    review = review_for(options)
    own, own_examples = real_first(catalog.offers_in(municipality.slug))
    partners, partner_examples = real_first(catalog.partner_offers_for(municipality.slug))
    offers, unconfirmed = review.split(own)
    partner_offers, unconfirmed_partner = review.split(partners)
    partner_names = {p.slug: p.short_name for p in catalog.partners}
    groups = [(kind, tuple(o for o in offers if o.kind == kind)) for kind in vocab.OFFER_KINDS]
    contacts = catalog.contacts.get(municipality.slug)
    markdown = render(
        "kommune.md.j2", m=municipality, region=catalog.register.region(municipality.region),
        groups=[(kind, found) for kind, found in groups if found],
        partner_offers=partner_offers, partner_names=partner_names,
        examples=own_examples, partner_examples=partner_examples,
        review=review, unconfirmed=unconfirmed + unconfirmed_partner,
        owner_names={**{o.id: f"{municipality.name} Kommune" for o in unconfirmed},
                     **{o.id: partner_names.get(o.owner, o.owner) for o in unconfirmed_partner}},
        report_url=report_url(options, f"{municipality.name} Kommune", urls.municipality_page(municipality.slug),
                              f"data/contacts/kommuner/{municipality.slug}.yaml og data/offers/{municipality.slug}/"),
        contacts=contacts, departments=catalog.departments_serving(municipality.slug),
        aliases=search_aliases(municipality),
        varsel=notice_html(catalog.register, options, src, municipality),
        **Linker(src).context(),
    )
    return Page(src, markdown)


def municipality_pages(catalog: Catalog, options: SiteOptions, only: Collection[str] | None = None) -> list[Page]:
    """Every municipality's page, or those of the slugs in ``only``; each takes about 10 ms at national scale."""
    towns = [m for m in catalog.register.municipalities if only is None or m.slug in only]
    return parallel.ordered_map(lambda m: municipality_page(catalog, m, options), towns, minimum=50)
