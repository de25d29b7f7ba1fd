"""Texts for patients: rights, the path to the municipality, offers in a few short sentences.

Info screens and discharge handouts say the same things to the same readers,
so the wording lives here once. Every sentence is short (see
:mod:`videre.pages.readability`) and cites its source document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from markupsafe import Markup

from ..catalog.catalog import Catalog
from ..catalog.freshness import review_for
from ..core import buildcache, parallel, vocab
from ..core.model import Offer, confirmed
from ..core.text import plain
from . import qr
from .readability import first_sentences, sentences


@dataclass(frozen=True)
class Step:
    title: str
    text: str


RIGHTS_TITLE = "Du har ret til en genoptræningsplan"
RIGHTS: tuple[str, ...] = (
    "Lægen vurderer, om du har brug for genoptræning efter indlæggelsen.",
    "Har du brug for det, har du ret til en genoptræningsplan.",
    "Du skal have planen senest den dag, du bliver udskrevet.",
    "Kommunen skal tilbyde dig at starte genoptræningen inden for 7 dage. Står der en senere dato i planen, gælder den.",
    "Kan kommunen ikke tilbyde en start i tide, kan du vælge en privat leverandør.",
    "Retten gælder uanset diagnose og alder.",
)
"""S001 390–404 (right, latest at discharge, any diagnosis and age); S004 7, 17–19 (7 days); sundhedsloven
§ 140, stk. 4, and BEK nr. 918 af 2018 (a later start set in the plan, and free choice of a private provider)."""
RIGHTS_SOURCE = "Reglerne står i sundhedsloven. Personalet kan fortælle dig mere."
"""Shown to patients (kiosk): no internal source codes. The staff pages cite S001 and S004."""
RIGHTS_ASK = "Spørg personalet: Skal jeg have en genoptræningsplan?"

CASE_ASK = "Spørg personalet, om genoptræning i kommunen kan hjælpe dig."

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
    "Kommunen skal tilbyde dig en start inden for 7 dage efter, at du er udskrevet. Kan den ikke, kan du vælge en privat leverandør.",
    "Står der i planen, at du først skal starte senere, tæller de 7 dage fra den dato.",
)
"""S001 517–523 (the plan goes to the municipality), 1236–1245 (first contact, place); S004 7, 17–19;
sundhedsloven § 140, stk. 4 (free choice when the municipality cannot offer a start within 7 days; when the
plan sets a later start for health reasons, the 7 days count from that date)."""

ROUTE_SENTENCES = {
    "gop": "Du skal have en genoptræningsplan fra hospitalet.",
    "henvisning": "Din læge kan henvise dig.",
    "visitation": "Du søger om det hos kommunen.",
    "egen-henvendelse": "Du kan selv kontakte dem.",
    "anonym": "Du kan være anonym.",
}


def how_to_start(offer: Offer, already: str = "") -> str:
    """One or two sentences on how to get started; leaves out what ``already`` says."""
    said = already.casefold()
    found = (ROUTE_SENTENCES.get(route, vocab.label(vocab.REFERRAL_ROUTES, route) + ".") for route in offer.routes)
    return " ".join([s for s in found if s.casefold().rstrip(".") not in said][:2])


def summary(offer: Offer, max_chars: int = 170) -> str:
    return first_sentences(plain(offer.description), max_chars)


def for_patients(offers: Iterable[Offer], options: Any) -> list[Offer]:
    """Offers fit to hand to a patient: published, and not left unconfirmed for two review periods."""
    return list(review_for(options).split(tuple(offers))[0])


def owner_name(catalog: Catalog, offer: Offer) -> str:
    """'Esbjerg Kommune' or the partner's short name (the slug if the partner is unknown)."""
    if offer.owner_kind == "kommune":
        return f"{catalog.register.municipality(offer.owner).name} Kommune"
    try:
        return catalog.partner(offer.owner).short_name
    except KeyError:
        return offer.owner


def kind_rank(offer: Offer) -> int:
    """Order of offers for patients: the order of the offer kinds in the vocabulary (GOP first)."""
    return list(vocab.OFFER_KINDS).index(offer.kind) if offer.kind in vocab.OFFER_KINDS else 99


# ---------------------------------------------------------------- records from other kinds


def _short_first_sentence(text: str, max_chars: int) -> str:
    found = sentences(plain(text))
    return found[0] if found and len(found[0]) <= max_chars else ""


def flow_steps(catalog: Catalog, limit: int = 6) -> tuple[tuple[Step, ...], Any]:
    """The patient's path in 4–6 plain steps: the patient version of ``data/flow.yaml`` when there
    is one (:mod:`videre.kinds.flow`), else our own five. Returns the steps and the flow record (or None)."""
    for flow in catalog.flows:
        steps = tuple(
            Step(plain(s.title), _short_first_sentence(s.text, 90)) for s in getattr(flow, "patient_steps", ())
        )
        if 4 <= len(steps) <= limit:
            return steps, flow
    return DEFAULT_STEPS, None


def case_stories(catalog: Catalog, limit: int = 6) -> list[tuple[str, str, str, Any]]:
    """Case stories (:mod:`videre.kinds.cases`) as (title, two sentences, badge, record); empty without cases."""
    stories = []
    for case in catalog.cases[:limit]:
        two = " ".join(sentences(plain(case.summary))[:2])
        if case.title and two:
            badge = "Konstrueret eksempel" if getattr(case, "constructed", False) else ""
            stories.append((plain(case.title), two, badge, case))
    return stories


def verified_date(record: Any) -> dt.date | None:
    """The day a person confirmed the record; ``None`` for an example and for records without one."""
    return getattr(confirmed(record), "date", None)


def newest(records: Iterable[Any]) -> dt.date | None:
    dates = [d for d in (verified_date(r) for r in records) if d is not None]
    return max(dates) if dates else None


# ---------------------------------------------------------------- QR codes


QR_MASK = 0
"""A fixed mask pattern. Any of the eight gives a valid QR code; letting segno score all eight cost
about 10 ms per code, and the site draws one code per offer (~5,000 at national scale)."""


_QR_CODES: dict[tuple[str, str], Markup] = {}
"""One code per address and class, kept for the process (``mkdocs serve`` rebuilds with the same addresses)."""
_QR_VERSION = "qr_svg-1"
"""Part of the build cache's salt: change it when :func:`_draw` changes its output."""


def qr_svg(url: str, css_class: str = "videre-qr") -> Markup:
    """A QR code as inline SVG (quiet zone included), drawn at build time; no outside service."""
    code = _QR_CODES.get((url, css_class))
    if code is None:
        code = _QR_CODES[(url, css_class)] = _qr_svg_anew(url, css_class)
    return code


def _qr_svg_anew(url: str, css_class: str = "videre-qr") -> Markup:
    return _markup(_draw(url, css_class))


qr_svg.__wrapped__ = _qr_svg_anew  # type: ignore[attr-defined]  # the code drawn anew, as with functools' caches


def prepare_qr_codes(urls: Iterable[str], css_class: str) -> None:
    """Draw the codes for many addresses at once, so that :func:`qr_svg` finds them (in forked workers too).

    Codes come from the build cache (videre.core.buildcache, keyed by a hash of the address, the class and the
    drawing code); the missing ones are drawn on all cores and stored for the next build.
    """
    todo = [url for url in dict.fromkeys(urls) if (url, css_class) not in _QR_CODES]
    if not todo:
        return
    salt = buildcache.salt_of(Path(qr.__file__), segno.__version__, str(QR_MASK), _QR_VERSION)
    keys = [buildcache.key(salt, url, css_class) for url in todo]
    drawn = buildcache.cached_map(
        f"qr-{css_class}",
        keys,
        todo,
        lambda items: parallel.ordered_map(lambda url: _draw(url, css_class), list(items)),
    )
    for url, svg in zip(todo, drawn):
        _QR_CODES[(url, css_class)] = _markup(svg)


def _draw(url: str, css_class: str) -> str:
    svg = qr.svg_inline(url, css_class=css_class, title=f"QR-kode: {url}", mask=QR_MASK)  # segno's bytes, faster
    if svg is None:
        code = segno.make(url, error="m", micro=False, mask=QR_MASK)
        svg = code.svg_inline(
            scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass=css_class, title=f"QR-kode: {url}"
        )
    return svg


def _markup(svg: str) -> Markup:
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")
