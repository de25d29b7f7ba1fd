"""Open data: every offer as JSON and CSV, and the compact data the directory filters.

Output is deterministic (sorted, no timestamps) so two builds of the same
records are byte-identical and diffs stay readable.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..catalog.catalog import Catalog
from ..core import fields, jsonfmt
from ..core import schema as S
from ..core.model import Offer
from ..core.options import SiteOptions
from ..core.text import csv_cell

OFFER_BODY, OFFER_TRAILER = fields.body_and_trailer(fields.table(Offer))
"""The offer's field table: its own fields, then the confirmation that closes it (also in the export)."""


def _head(offer: Offer) -> dict[str, str]:
    """What the export adds before the YAML fields: the id, the address and the owner."""
    return {"id": offer.id, "url": offer.url, "udbyder_type": offer.owner_kind, "udbyder": offer.owner}


def offer_to_json(offer: Offer, catalog: Catalog) -> dict[str, Any]:
    """One offer in the published format: the YAML field names plus id, owner, address and the
    municipalities its coverage reaches."""
    return {
        **_head(offer),
        **fields.to_json(offer, OFFER_BODY),
        "kommuner": sorted(catalog.register.expand_coverage(offer.coverage)),
        **fields.to_json(offer, OFFER_TRAILER),
    }


def _offers(catalog: Catalog) -> list[Offer]:
    return sorted(catalog.all_offers(), key=lambda o: o.id)


def offers_json(catalog: Catalog, options: SiteOptions) -> str:
    payload = {"schema_version": S.SCHEMA_VERSION, "tilbud": [offer_to_json(o, catalog) for o in _offers(catalog)]}
    return jsonfmt.dumps(payload)  # one offer per line; indent=1 ran in pure Python and cost seconds


def _csv_row(offer: Offer) -> dict[str, str]:
    return {**_head(offer), **dict(fields.csv_cells(offer, (*OFFER_BODY, *OFFER_TRAILER)))}


CSV_COLUMNS = (
    "id",
    "url",
    "udbyder_type",
    "udbyder",
    *(column for f in (*OFFER_BODY, *OFFER_TRAILER) for column, _ in f.csv),
)


def offers_csv(catalog: Catalog, options: SiteOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in _offers(catalog):
        writer.writerow([csv_cell(v) for v in _csv_row(o).values()])
    return out.getvalue()


OWNER_NAME = ("owner_name", "e")
"""The attribute and short key of the owner's name in the directory's data: the catalog's name for the
municipality or partner, not a field of the offer."""


def directory_json(catalog: Catalog, options: SiteOptions) -> str:
    """Compact data for the directory page: the field table's short keys, coverage codes, no long text.
    The header ("filtre", "noegler") tells the browser which key holds which field."""
    register = catalog.register
    partner_names = {p.slug: p.short_name for p in catalog.partners}
    names = {m.slug: m.name for m in register.municipalities}
    attr, key = OWNER_NAME
    selection = fields.selection(Offer)
    offers = []
    # Real offers before examples (which the page lists under their own heading); then the municipality's own
    # offers first: that is what staff look for when they pick a municipality.
    for o in sorted(_offers(catalog), key=lambda o: (o.example, o.owner_kind != "kommune", o.id)):
        owner = (
            f"{names.get(o.owner, o.owner)} Kommune"
            if o.owner_kind == "kommune"
            else partner_names.get(o.owner, o.owner)
        )
        offers.append({**fields.compact(o), key: owner})
    payload = {
        "filtre": selection["filtre"],
        "noegler": {**selection["noegler"], attr: key},
        # Every region code an offer may use, also of a region that has ended or not begun (its area then).
        "regioner": {r.slug: [m.slug for m in register.area(r.slug)] for r in register.all_regions or register.regions},
        "kommuner": names,
        "tilbud": offers,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"
