"""Open data: every offer as JSON and CSV, and the compact data the directory filters.

Output is deterministic (sorted, no timestamps) so two builds of the same
records are byte-identical and diffs stay readable.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..core import jsonfmt, schema as S
from ..core.model import Catalog, Offer, confirmed
from ..core.options import SiteOptions
from ..core.text import csv_cell, plain


def offer_to_json(offer: Offer, catalog: Catalog) -> dict[str, Any]:
    """One offer in the published format: the YAML field names plus id, owner and address."""
    contact = offer.contact
    return {
        "id": offer.id,
        "url": offer.url,
        "udbyder_type": offer.owner_kind,
        "udbyder": offer.owner,
        "titel": offer.title,
        "type": offer.kind,
        "beskrivelse": offer.description,
        "målgruppe": {"alder": {"fra": offer.age_from, "til": offer.age_to}, "problemer": list(offer.problems),
                      "beskrivelse": offer.target_text},
        "indhold": list(offer.elements),
        "form": list(offer.modes),
        "henvisning": list(offer.routes),
        "sådan_henviser_du": offer.how_to_refer,
        "sted": {"navn": offer.place.name, "adresse": offer.place.address, "postnr": offer.place.postcode,
                 "by": offer.place.city},
        "åbningstider": offer.hours,
        "pris": offer.cost,
        "sprog": list(offer.languages),
        "tilgængelighed": offer.accessibility,
        "link": offer.link,
        "kontakt": {"rolle": contact.role, "enhed": contact.unit, "telefon": contact.phone,
                    "email": contact.email, "sikker_post": contact.secure_mail, "tider": contact.hours},
        "dækning": list(offer.coverage),
        "kommuner": sorted(catalog.register.expand_coverage(offer.coverage)),
        # An example has no confirmation: null, never a date or a unit that would look like one.
        "sidst_bekræftet": confirmation_json(offer),
        "eksempel": offer.example,
        "kilde": offer.source,
    }


def confirmation_json(record: Any) -> dict[str, str] | None:
    checked = confirmed(record)
    return {"dato": checked.date.isoformat(), "af": checked.by} if checked is not None else None


def _offers(catalog: Catalog, options: SiteOptions) -> list[Offer]:
    return sorted(catalog.all_offers(), key=lambda o: o.id)


def offers_json(catalog: Catalog, options: SiteOptions) -> str:
    payload = {"schema_version": S.SCHEMA_VERSION,
               "tilbud": [offer_to_json(o, catalog) for o in _offers(catalog, options)]}
    return jsonfmt.dumps(payload)  # one offer per line; indent=1 ran in pure Python and cost seconds


CSV_COLUMNS = ("id", "url", "udbyder_type", "udbyder", "titel", "type", "beskrivelse", "alder_fra", "alder_til",
               "problemer", "indhold", "form", "henvisning", "sted", "åbningstider", "pris", "sprog", "link",
               "kontakt_rolle", "kontakt_telefon", "kontakt_email", "kontakt_sikker_post", "dækning",
               "sidst_bekræftet", "bekræftet_af", "eksempel")


def offers_csv(catalog: Catalog, options: SiteOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in _offers(catalog, options):
        row = [o.id, o.url, o.owner_kind, o.owner, o.title, o.kind, plain(o.description), str(o.age_from),
               str(o.age_to), "|".join(o.problems), "|".join(o.elements), "|".join(o.modes), "|".join(o.routes),
               o.place.one_line(), o.hours, o.cost, "|".join(o.languages), o.link, o.contact.role, o.contact.phone,
               o.contact.email, o.contact.secure_mail, "|".join(o.coverage), *_confirmation_cells(o),
               "ja" if o.example else "nej"]
        writer.writerow([csv_cell(str(v)) for v in row])
    return out.getvalue()


def _confirmation_cells(offer: Offer) -> tuple[str, str]:
    """'sidst_bekræftet' and 'bekræftet_af': both empty for an example."""
    checked = confirmed(offer)
    return (checked.date.isoformat(), checked.by) if checked is not None else ("", "")


def directory_json(catalog: Catalog, options: SiteOptions) -> str:
    """Compact data for the directory page: short keys, coverage codes, no long text."""
    register = catalog.register
    partner_names = {p.slug: p.short_name for p in catalog.partners}
    names = {m.slug: m.name for m in register.municipalities}
    offers = []
    # The municipality's own offers first: that is what staff look for when they pick a municipality.
    for o in sorted(_offers(catalog, options), key=lambda o: (o.owner_kind != "kommune", o.id)):
        owner = f"{names.get(o.owner, o.owner)} Kommune" if o.owner_kind == "kommune" else partner_names.get(o.owner, o.owner)
        summary = plain(o.description)
        offers.append({
            "t": o.title, "k": o.kind, "e": owner, "u": o.url, "d": list(o.coverage), "a": list(o.age_groups),
            "p": list(o.problems), "f": list(o.modes), "h": list(o.routes), "x": 1 if o.example else 0,
            "b": summary if len(summary) <= 160 else summary[:157].rsplit(" ", 1)[0] + " …",
        })
    payload = {
        # Every region code an offer may use, also of a region that has ended or not begun (its area then).
        "regioner": {r.slug: [m.slug for m in register.area(r.slug)] for r in register.all_regions or register.regions},
        "kommuner": names,
        "tilbud": offers,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"
