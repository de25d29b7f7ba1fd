"""One page per civil-society partner, with its offers and where they reach."""

from __future__ import annotations

from ..catalog import ranking
from ..catalog.catalog import Catalog
from ..catalog.freshness import review_for
from ..core import urls, vocab
from ..core.model import Offer
from ..core.options import SiteOptions
from ..kinds.register import Register
from ..search import spelling
from . import Page, render
from .links import Linker


def coverage_text(offer: Offer, register: Register) -> str:
    """Where a partner offer reaches, in words: 'Hele landet', regions, or municipalities."""
    if vocab.NATIONWIDE in offer.coverage:
        return "Hele landet"
    names = {m.slug: m.name for m in register.municipalities}
    regions = {f"region-{r.slug}": r.name for r in register.all_regions or register.regions}
    return ", ".join(regions.get(c) or names.get(c, c) for c in offer.coverage)


def partner_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    pages = []
    partners = catalog.partners
    review = review_for(options)
    counts = {}
    for partner in partners:
        src = urls.source(partner.url)
        real, examples = ranking.real_first(catalog.offers_of_partner(partner.slug))
        offers, unconfirmed = review.split(real)
        counts[partner.slug] = len(offers) + len(unconfirmed) + len(examples)
        coverage = {o.id: coverage_text(o, catalog.register) for o in offers + unconfirmed + examples}
        pages.append(
            Page(
                src,
                render(
                    "partner.md.j2",
                    p=partner,
                    offers=offers,
                    coverage=coverage,
                    review=review,
                    unconfirmed=unconfirmed,
                    owner_names=coverage,
                    examples=examples,
                    aliases=" ".join(spelling.name_variants((partner.name, partner.short_name))),
                    **Linker(src).context(),
                ),
            )
        )
    index = "partnere/index.md"
    pages.append(
        Page(index, render("partnere.md.j2", partners=partners, counts=counts, **Linker(index).context()), in_nav=True)
    )
    return pages
