"""One page per municipality: its offers by kind, partner offers, GOP contact, rights."""

from __future__ import annotations

from .. import vocab
from ..model import Catalog, Municipality
from . import Page, SiteOptions, render, visible
from .links import Linker


def municipality_page(catalog: Catalog, municipality: Municipality, options: SiteOptions) -> Page:
    src = f"kommuner/{municipality.slug}.md"
    offers = visible(catalog.offers_in(municipality.slug), options)
    groups = [(kind, tuple(o for o in offers if o.kind == kind)) for kind in vocab.OFFER_KINDS]
    contacts = catalog.contacts.get(municipality.slug)
    if contacts is not None and contacts.example and not options.show_examples:
        contacts = None
    markdown = render(
        "kommune.md.j2", m=municipality, region=catalog.register.region(municipality.region),
        groups=[(kind, found) for kind, found in groups if found],
        partner_offers=visible(catalog.partner_offers_for(municipality.slug), options),
        partner_names={p.slug: p.short_name for p in catalog.partners},
        contacts=contacts, departments=catalog.departments_serving(municipality.slug),
        **Linker(src).context(),
    )
    return Page(src, markdown)


def municipality_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    return [municipality_page(catalog, m, options) for m in catalog.register.municipalities]
