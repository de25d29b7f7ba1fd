"""Discharge handouts: one printable A4 sheet per municipality and one per offer.

A municipality's handout is a standalone HTML document from our own templates
(no theme, no navigation). An offer's sheet is the last block of its offer page,
hidden on screen and the only part printed (videre.css): staff print the page
they already have open. Both use the same A4 print stylesheet, and staff give
the sheet to the patient on the day of discharge. All fixed text is plain
language, held to :mod:`videre.pages.readability`'s limits by a test.

An offer's sheet is no page of its own: at national scale that was 5,000 more
files and 5,000 more folders, and creating them cost seconds of every build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable
from typing import Any

from ..catalog import ranking
from ..catalog.catalog import Catalog
from ..core import urls, vocab
from ..core.model import Offer, record_state
from ..core.options import SiteOptions
from ..kinds.register import Municipality, Register
from . import age_text, csp, danish_date, patient, render
from .directory import CARDS_SELECTION, FACETS
from .links import Linker

MAX_OFFERS = 4
MAX_PARTNER_OFFERS = 3
MAX_RELATIVES = 2
QR_CLASS = "ark__qr-kode"


def municipality_path(slug: str) -> str:
    return urls.municipality_handout(slug) + "index.html"


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
    return {
        "updated": danish_date(newest) if newest else "",
        "has_examples": any(getattr(r, "example", False) for r in records),
        "has_sourced": any(record_state(r) == vocab.STATE_SOURCED for r in records),
    }


def _shown_first(offers: list[Offer], limit: int) -> list[tuple[Offer, bool]]:
    """Every offer with whether it is shown before staff narrow the sheet: the first ``limit``.

    All are on the page, so the sheet's filter (videre-udskrivning.js) can pick others for the patient."""
    return [(offer, index < limit) for index, offer in enumerate(offers)]


def followup(contacts: Any) -> str:
    """What the patient does if the municipality does not get in touch: a number to ring, or an address to
    write to. Never 'ring' without a number."""
    c = contacts.gop_receiver if contacts else None
    if c is not None and c.phone:
        return f"Hører du ikke fra kommunen, så ring til dem på {c.phone}."
    if c is not None and c.email:
        return f"Hører du ikke fra kommunen, så skriv til dem på {c.email}."
    return "Hører du ikke fra kommunen, så spørg personalet, hvordan du kontakter dem."


def municipality_handout(catalog: Catalog, municipality: Municipality, options: SiteOptions) -> str:
    path = municipality_path(municipality.slug)
    own = list(patient.for_patients(catalog.offers_in(municipality.slug), options))
    partner = list(patient.for_patients(catalog.partner_offers_for(municipality.slug), options))
    offers = sorted(
        (o for o in own if not ranking.for_relatives_only(o)),
        key=lambda o: (*ranking.specificity_key(o), patient.kind_rank(o), o.title),
    )
    partner_offers = sorted(
        (o for o in partner if not ranking.for_relatives_only(o)),
        key=lambda o: (
            *ranking.specificity_key(o),
            _reach(o, municipality, catalog.register),
            patient.kind_rank(o),
            o.title,
        ),
    )
    relatives = sorted(
        (o for o in own + partner if ranking.for_relatives_only(o)),
        key=lambda o: (o.owner_kind != "kommune", _reach(o, municipality, catalog.register), o.title),
    )
    contacts = catalog.contacts.get(municipality.slug)
    first = offers[:MAX_OFFERS] + partner_offers[:MAX_PARTNER_OFFERS] + relatives[:MAX_RELATIVES]
    shown: list[Any] = [*first, *([contacts] if contacts else [])]
    page_url = patient.absolute(options.site_url, urls.municipality_page(municipality.slug))
    return csp.protect(
        render(
            "udskrivning-kommune.html.j2",
            m=municipality,
            offers=_shown_first(offers, MAX_OFFERS),
            partner_offers=_shown_first(partner_offers, MAX_PARTNER_OFFERS),
            relatives=_shown_first(relatives, MAX_RELATIVES),
            limits=(MAX_OFFERS, MAX_PARTNER_OFFERS, MAX_RELATIVES),
            facets=[f for f in FACETS if f.patient],
            selection=CARDS_SELECTION,
            crisis=catalog.crisis_lines(municipality.slug),
            followup=followup(contacts),
            contacts=contacts,
            owner_name=lambda o: patient.owner_name(catalog, o),
            p=patient,
            qr=patient.qr_svg(page_url, QR_CLASS),
            qr_url=page_url,
            back_url=urls.municipality_page(municipality.slug),
            back_label=f"{municipality.name} Kommune",
            **_date_and_examples(shown),
            **_links(path),
        )
    )


def offer_sheet(offer: Offer, options: SiteOptions) -> dict[str, Any]:
    """What an offer's printed sheet shows (``_udskrift_tilbud.html.j2``, the last block of the offer page).

    The sheet is part of the offer page, printed with its print stylesheet, not a page of its own: the page
    staff already have open prints as the sheet. Call :func:`prepare_sheets` first for many offers."""
    page_url = patient.absolute(options.site_url, offer.url)
    return {
        "p": patient,
        "age": age_text(offer),
        "qr": patient.qr_svg(page_url, QR_CLASS),
        "qr_url": page_url,
        **_date_and_examples([offer]),
    }


def prepare_sheets(offers: Iterable[Offer], options: SiteOptions) -> None:
    """Draw the QR codes of these offers' sheets at once (from the build cache, on all cores)."""
    patient.prepare_qr_codes((patient.absolute(options.site_url, offer.url) for offer in offers), QR_CLASS)


def handout_files(
    catalog: Catalog, options: SiteOptions, municipalities: Collection[str] | None = None
) -> dict[str, str]:
    """Every municipality's handout; or, with ``municipalities``, those of these municipalities."""
    towns = _chosen(catalog, municipalities)
    return dict(zip(_paths(towns), (municipality_handout(catalog, m, options) for m in towns)))


def handout_paths(catalog: Catalog, municipalities: Collection[str] | None = None) -> list[str]:
    """The paths :func:`handout_files` gives, in its order, without making a handout."""
    return _paths(_chosen(catalog, municipalities))


def _paths(towns: tuple[Municipality, ...]) -> list[str]:
    return [municipality_path(m.slug) for m in towns]


def _chosen(catalog: Catalog, municipalities: Collection[str] | None) -> tuple[Municipality, ...]:
    return tuple(m for m in catalog.register.municipalities if municipalities is None or m.slug in municipalities)
