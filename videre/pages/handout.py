"""Discharge handouts: one printable A4 page per municipality and one per offer.

Standalone HTML documents from our own templates (no theme, no navigation),
with a print stylesheet for A4. Staff print them from the browser and give
them to the patient on the day of discharge. All fixed text is plain
language, held to :mod:`videre.pages.readability`'s limits by a test.
"""

from __future__ import annotations

import posixpath
from typing import Any, Collection

from . import csp
from ..core import parallel, urls
from ..catalog.freshness import review_for
from ..core.model import Municipality, Offer, Register
from ..catalog.catalog import Catalog
from . import age_text, danish_date, render
from ..core.options import SiteOptions
from . import patient
from .links import Linker

MAX_OFFERS = 4
MAX_PARTNER_OFFERS = 4


def municipality_path(slug: str) -> str:
    return urls.municipality_handout(slug) + "index.html"


def offer_path(offer: Offer) -> str:
    return urls.offer_handout(offer.owner, offer.slug) + "index.html"


def _links(path: str) -> dict[str, Any]:
    return Linker(posixpath.dirname(path) + "/index.md").context()


def _reach(offer: Offer, municipality: Municipality, register: Register) -> int:
    """Local offers first, then regional (also a region code of a region that has merged), then nationwide."""
    if municipality.slug in offer.coverage:
        return 0
    regional = tuple(code for code in offer.coverage if code.startswith("region-"))
    return 1 if municipality.slug in register.expand_coverage(regional) else 2


def _date_and_examples(records: list[Any]) -> dict[str, Any]:
    newest = patient.newest(records)
    return {"updated": danish_date(newest) if newest else "",
            "has_examples": any(getattr(r, "example", False) for r in records)}


def municipality_handout(catalog: Catalog, municipality: Municipality, options: SiteOptions) -> str:
    path = municipality_path(municipality.slug)
    offers = sorted(patient.for_patients(catalog.offers_in(municipality.slug), options),
                    key=lambda o: (patient.kind_rank(o), o.title))[:MAX_OFFERS]
    partner_offers = sorted(patient.for_patients(catalog.partner_offers_for(municipality.slug), options),
                            key=lambda o: (_reach(o, municipality, catalog.register), patient.kind_rank(o),
                                           o.title))[:MAX_PARTNER_OFFERS]
    contacts = catalog.contacts.get(municipality.slug)
    shown: list[Any] = [*offers, *partner_offers, *([contacts] if contacts else [])]
    page_url = patient.absolute(options.site_url, urls.municipality_page(municipality.slug))
    return csp.protect(render("udskrivning-kommune.html.j2", m=municipality, offers=offers, partner_offers=partner_offers,
                  contacts=contacts, owner_name=lambda o: patient.owner_name(catalog, o), p=patient,
                  qr=patient.qr_svg(page_url, "ark__qr-kode"), qr_url=page_url,
                  back_url=urls.municipality_page(municipality.slug), back_label=f"{municipality.name} Kommune",
                  **_date_and_examples(shown), **_links(path)))


def offer_handout(catalog: Catalog, offer: Offer, options: SiteOptions) -> str:
    path = offer_path(offer)
    page_url = patient.absolute(options.site_url, offer.url)
    fresh = review_for(options)(offer)
    return csp.protect(render("udskrivning-tilbud.html.j2", o=offer, due=bool(fresh and fresh.due), owner=patient.owner_name(catalog, offer), p=patient,
                  age=age_text(offer), qr=patient.qr_svg(page_url, "ark__qr-kode"), qr_url=page_url,
                  back_url=offer.url, back_label=offer.title, **_date_and_examples([offer]), **_links(path)))


def handout_files(catalog: Catalog, options: SiteOptions, offer_ids: Collection[str] | None = None,
                  municipalities: Collection[str] | None = None) -> dict[str, str]:
    """Every handout; or, with ``offer_ids`` and ``municipalities``, those of these offers and municipalities."""
    towns, offers = _chosen(catalog, offer_ids, municipalities)
    texts = [municipality_handout(catalog, m, options) for m in towns]
    patient.prepare_qr_codes((patient.absolute(options.site_url, offer.url) for offer in offers), "ark__qr-kode")
    texts += parallel.ordered_map(lambda offer: offer_handout(catalog, offer, options), offers)
    return dict(zip(_paths(towns, offers), texts))


def handout_paths(catalog: Catalog, offer_ids: Collection[str] | None = None,
                  municipalities: Collection[str] | None = None) -> list[str]:
    """The paths :func:`handout_files` gives, in its order, without making a handout."""
    return _paths(*_chosen(catalog, offer_ids, municipalities))


def _paths(towns: tuple[Municipality, ...], offers: tuple[Offer, ...]) -> list[str]:
    return [*(municipality_path(m.slug) for m in towns), *map(offer_path, offers)]


def _chosen(catalog: Catalog, offer_ids: Collection[str] | None,
            municipalities: Collection[str] | None) -> tuple[tuple[Municipality, ...], tuple[Offer, ...]]:
    towns = tuple(m for m in catalog.register.municipalities if municipalities is None or m.slug in municipalities)
    return towns, tuple(o for o in catalog.all_offers() if offer_ids is None or o.id in offer_ids)
