"""Texts for patients: rights, the path to the municipality, offers in a few short sentences.

Info screens and discharge handouts say the same things to the same readers,
so the wording lives here once. Every sentence is short (see
:mod:`videre.readability`) and cites its source document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

import segno
from markupsafe import Markup

from .. import vocab
from ..model import Catalog, Offer
from ..readability import first_sentences
from ..text import plain


@dataclass(frozen=True)
class Step:
    title: str
    text: str


RIGHTS_TITLE = "Du har ret til en genoptræningsplan"
RIGHTS: tuple[str, ...] = (
    "Lægen vurderer, om du har brug for genoptræning efter indlæggelsen.",
    "Har du brug for det, har du ret til en genoptræningsplan.",
    "Du skal have planen senest den dag, du bliver udskrevet.",
    "Kommunen skal starte din genoptræning inden for 7 dage.",
    "Retten gælder uanset diagnose og alder.",
)
"""S001 390–404 (right, latest at discharge, any diagnosis and age); S004 7, 17–19 (7 days)."""
RIGHTS_SOURCE = "Kilde: reglerne om genoptræningsplaner, beskrevet i S001 og S004 (se Kilder på videre.example.org)."
RIGHTS_ASK = "Spørg personalet: Skal jeg have en genoptræningsplan?"

PATH_TITLE = "Fra psykiatrien til genoptræning i kommunen"
DEFAULT_STEPS: tuple[Step, ...] = (
    Step("Under indlæggelsen", "Lægen og ergoterapeuten ser på, hvad der er blevet svært for dig i hverdagen."),
    Step("Planen", "Har du brug for genoptræning, skriver personalet en plan sammen med dig."),
    Step("Udskrivning", "Du får planen med hjem. Den bliver sendt til din kommune."),
    Step("Kommunen", "Kommunen kontakter dig. I aftaler, om du træner hjemme, udendørs eller på et center."),
    Step("Videre", "Bagefter kan du fortsætte i en forening, et værested eller et andet fællesskab."),
)
"""Written from S001 Bilag 1 (1098–1306): H4, H5, H7, K2, K5."""

NEXT_SEVEN_DAYS: tuple[str, ...] = (
    "Hospitalet sender din genoptræningsplan til kommunen.",
    "Kommunen ringer eller skriver til dig.",
    "I aftaler, hvor du skal træne. Det kan være hjemme, udendørs eller på et center.",
    "Du starter senest 7 dage efter, at du er udskrevet.",
)
"""S001 517–523 (the plan goes to the municipality), 1236–1245 (first contact, place); S004 7, 17–19."""

ROUTE_SENTENCES = {
    "gop": "Du skal have en genoptræningsplan fra hospitalet.",
    "henvisning": "Din læge kan henvise dig.",
    "visitation": "Du søger om det hos kommunen.",
    "egen-henvendelse": "Du kan selv kontakte dem.",
    "anonym": "Du kan være anonym.",
}


def how_to_start(offer: Offer) -> str:
    return " ".join(ROUTE_SENTENCES.get(route, vocab.label(vocab.REFERRAL_ROUTES, route) + ".")
                    for route in offer.routes[:2])


def summary(offer: Offer, max_chars: int = 170) -> str:
    return first_sentences(plain(offer.description), max_chars)


def owner_name(catalog: Catalog, offer: Offer) -> str:
    if offer.owner_kind == "kommune":
        return f"{catalog.register.municipality(offer.owner).name} Kommune"
    return next((p.short_name for p in catalog.partners if p.slug == offer.owner), offer.owner)


# ---------------------------------------------------------------- records from other kinds


def _first(obj: Any, *names: str) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value:
            return value
    return None


def flow_steps(catalog: Catalog, limit: int = 6) -> tuple[tuple[Step, ...], Any]:
    """The patient's path in plain steps: from ``data/flow.yaml`` when present, else our own five.

    Returns the steps and the flow record (or None) so its date can count.
    """
    for record in catalog.of("flow"):
        raw = _first(record, "patient_steps", "plain_steps", "steps", "trin") or ()
        steps = []
        for item in raw:
            title = _first(item, "short_title", "title", "titel", "heading", "overskrift")
            text = _first(item, "plain", "patient_text", "text", "tekst", "summary")
            if title and text:
                steps.append(Step(plain(str(title)), first_sentences(plain(str(text)), 140)))
        if 4 <= len(steps):
            return tuple(steps[:limit]), record
    return DEFAULT_STEPS, None


def case_stories(catalog: Catalog, limit: int = 6) -> list[tuple[str, str, Any]]:
    """Case stories as (title, two sentences, record); empty when there are no cases."""
    stories = []
    for record in catalog.of("sag")[:limit]:
        title = _first(record, "title", "titel", "name", "navn")
        text = _first(record, "summary", "short", "resume", "resumé", "teaser", "story", "description")
        if not (title and text):
            continue
        two = first_sentences(plain(str(text)), 220)
        stories.append((plain(str(title)), two, record))
    return stories


def verified_date(record: Any) -> dt.date | None:
    checked = getattr(record, "verified", None)
    return getattr(checked, "date", None)


def newest(records: Iterable[Any]) -> dt.date | None:
    dates = [d for d in (verified_date(r) for r in records) if d is not None]
    return max(dates) if dates else None


# ---------------------------------------------------------------- QR codes


def qr_svg(url: str, css_class: str = "videre-qr") -> Markup:
    """A QR code as inline SVG (quiet zone included), drawn at build time; no outside service."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass=css_class,
                          title=f"QR-kode: {url}")
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")
