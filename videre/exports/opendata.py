"""Open data: every offer as JSON and CSV, and the compact data the directory filters.

Output is deterministic (sorted, no timestamps) so two builds of the same
records are byte-identical and diffs stay readable.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..core import fields, jsonfmt, schema as S, vocab
from ..core.model import Offer, record_state, state_badge
from ..catalog.catalog import Catalog
from ..core.options import SiteOptions
from ..core.text import csv_cell, plain


OFFER_BODY, OFFER_TRAILER = fields.body_and_trailer(fields.table(Offer))
"""The offer's field table: its own fields, then the confirmation that closes it (also in the export)."""


def _head(offer: Offer) -> dict[str, str]:
    """What the export adds before the YAML fields: the id, the address and the owner."""
    return {"id": offer.id, "url": offer.url, "udbyder_type": offer.owner_kind, "udbyder": offer.owner}


def offer_to_json(offer: Offer, catalog: Catalog) -> dict[str, Any]:
    """One offer in the published format: the YAML field names plus id, owner, address and the
    municipalities its coverage reaches."""
    return {**_head(offer), **fields.to_json(offer, OFFER_BODY),
            "kommuner": sorted(catalog.register.expand_coverage(offer.coverage)),
            **fields.to_json(offer, OFFER_TRAILER)}


def _offers(catalog: Catalog) -> list[Offer]:
    return sorted(catalog.all_offers(), key=lambda o: o.id)


def offers_json(catalog: Catalog, options: SiteOptions) -> str:
    payload = {"schema_version": S.SCHEMA_VERSION,
               "tilbud": [offer_to_json(o, catalog) for o in _offers(catalog)]}
    return jsonfmt.dumps(payload)  # one offer per line; indent=1 ran in pure Python and cost seconds


def _csv_row(offer: Offer) -> dict[str, str]:
    return {**_head(offer), **dict(fields.csv_cells(offer, (*OFFER_BODY, *OFFER_TRAILER)))}


CSV_COLUMNS = ("id", "url", "udbyder_type", "udbyder",
               *(column for f in (*OFFER_BODY, *OFFER_TRAILER) for column, _ in f.csv))


def offers_csv(catalog: Catalog, options: SiteOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in _offers(catalog):
        writer.writerow([csv_cell(v) for v in _csv_row(o).values()])
    return out.getvalue()


def directory_json(catalog: Catalog, options: SiteOptions) -> str:
    """Compact data for the directory page: short keys, coverage codes, no long text."""
    register = catalog.register
    partner_names = {p.slug: p.short_name for p in catalog.partners}
    names = {m.slug: m.name for m in register.municipalities}
    offers = []
    # Real offers before examples (which the page lists under their own heading); then the municipality's own
    # offers first: that is what staff look for when they pick a municipality.
    for o in sorted(_offers(catalog), key=lambda o: (o.example, o.owner_kind != "kommune", o.id)):
        owner = f"{names.get(o.owner, o.owner)} Kommune" if o.owner_kind == "kommune" else partner_names.get(o.owner, o.owner)
        summary = plain(o.description)
        offers.append({
            "t": o.title, "k": o.kind, "e": owner, "u": o.url, "d": list(o.coverage), "a": list(o.age_groups),
            "p": list(o.problems), "f": list(o.modes), "h": list(o.routes), "x": 1 if o.example else 0,
            "r": 1 if o.relatives else 0, "c": [o.contact.role, o.contact.phone, o.contact.email],
            "q": state_badge(o) if record_state(o) == vocab.STATE_SOURCED else "",
            "b": summary if len(summary) <= 160 else summary[:157].rsplit(" ", 1)[0] + " …",
        })
    payload = {
        # Every region code an offer may use, also of a region that has ended or not begun (its area then).
        "regioner": {r.slug: [m.slug for m in register.area(r.slug)] for r in register.all_regions or register.regions},
        "kommuner": names,
        "tilbud": offers,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"
