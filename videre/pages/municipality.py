"""One page per municipality, by need: GOP receiver and rights, key contacts, crisis lines, then offers by type."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..catalog import ranking
from ..catalog.catalog import Catalog
from ..catalog.freshness import review_for
from ..core import parallel, urls, vocab
from ..core.model import Offer
from ..core.options import SiteOptions
from ..kinds.register import Municipality
from ..search import spelling
from . import Page, render
from .directory import CARDS_SELECTION, facet
from .feedback import report_url
from .links import Linker
from .notice import notice_html


def search_aliases(municipality: Municipality) -> str:
    """Every name the municipality is searched by, besides the one in the heading (videre.search.spelling)."""
    return " ".join(spelling.name_variants((municipality.name, *municipality.alt_names)))


GROUP_FIELD = "kind"
"""The offer field a municipality page groups its offers by, in the order of :data:`GROUP_LABELS`: the everyday
type, which says what the offer gives. Each card names its legal basis ('hjemmel'), which says the way in; to
group by that instead, set this to 'legal_basis' and GROUP_LABELS to vocab.LEGAL_BASES."""
GROUP_LABELS = vocab.OFFER_KINDS


def offer_groups(offers: Iterable[Offer], problem: str = "") -> list[tuple[str, tuple[Offer, ...]]]:
    """The page's offers by need: one group per code of :data:`GROUP_FIELD`, in vocabulary order, each group
    ranked by how specific the match is (the municipality's own offers first among equals)."""
    offers = tuple(offers)
    groups = []
    for code in GROUP_LABELS:
        found = [o for o in offers if getattr(o, GROUP_FIELD) == code]
        if found:
            groups.append(
                (
                    code,
                    tuple(
                        sorted(found, key=lambda o: (*ranking.specificity_key(o, problem), o.owner_kind != "kommune"))
                    ),
                )
            )
    return groups


def municipality_page(catalog: Catalog, municipality: Municipality, options: SiteOptions) -> Page:
    src = urls.source(urls.municipality_page(municipality.slug))
    review = review_for(options)
    own, own_examples = ranking.real_first(catalog.offers_in(municipality.slug))
    partners, partner_examples = ranking.real_first(catalog.partner_offers_for(municipality.slug))
    offers, unconfirmed = review.split(own)
    partner_offers, unconfirmed_partner = review.split(partners)
    partner_names = {p.slug: p.short_name for p in catalog.partners}
    contacts = catalog.contacts.get(municipality.slug)
    owner_names = {
        **{o.id: f"{municipality.name} Kommune" for o in (*offers, *unconfirmed)},
        **{o.id: partner_names.get(o.owner, o.owner) for o in (*partner_offers, *unconfirmed_partner)},
    }
    markdown = render(
        "kommune.md.j2",
        m=municipality,
        region=catalog.register.region(municipality.region),
        groups=offer_groups((*offers, *partner_offers)),
        group_labels=GROUP_LABELS,
        count=len(offers) + len(partner_offers) + len(unconfirmed) + len(unconfirmed_partner),
        example_count=len(own_examples) + len(partner_examples),
        problem=facet("problem"),
        selection=CARDS_SELECTION,
        own_count=len(offers) + len(unconfirmed),
        own_real=len(offers) + len(unconfirmed),
        partner_names=partner_names,
        examples=own_examples,
        partner_examples=partner_examples,
        review=review,
        unconfirmed=unconfirmed + unconfirmed_partner,
        owner_names=owner_names,
        report_url=report_url(
            options,
            f"{municipality.name} Kommune",
            urls.municipality_page(municipality.slug),
            f"data/contacts/kommuner/{municipality.slug}.yaml og data/offers/{municipality.slug}/",
        ),
        contacts=contacts,
        departments=catalog.departments_serving(municipality.slug),
        crisis=catalog.crisis_lines(municipality.slug),
        aliases=search_aliases(municipality),
        varsel=notice_html(catalog.register, options, src, municipality),
        **Linker(src).context(),
    )
    return Page(src, markdown)


def municipality_pages(catalog: Catalog, options: SiteOptions, only: Collection[str] | None = None) -> list[Page]:
    """Every municipality's page, or those of the slugs in ``only``; each takes about 10 ms at national scale."""
    towns = [m for m in catalog.register.municipalities if only is None or m.slug in only]
    return parallel.ordered_map(lambda m: municipality_page(catalog, m, options), towns, minimum=50)
