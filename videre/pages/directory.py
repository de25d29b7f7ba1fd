"""The directory page: client-side facets over a compact JSON of all offers."""

from __future__ import annotations

from types import SimpleNamespace

from ..catalog.catalog import Catalog
from ..core import fields
from ..core.model import Offer
from ..core.options import SiteOptions
from . import Page, render
from .links import Linker

FACETS = tuple(
    SimpleNamespace(
        name=f.facet.name, label=f.facet.label, all=f.facet.all, options=f.choices(), patient=f.facet.patient
    )
    for f in fields.facets(Offer)
    if f.facet is not None
)
"""Facets besides the municipality, from the offer's field table; names are the URL query keys."""


CARDS_SELECTION = fields.selection(Offer, fields.card_rows(Offer))
"""What the filters of a page whose offers are cards (a municipality page, a handout) read from the cards' data
attributes, written on the filter's form (``data-udvalg``); the directory reads its own from katalog.json."""


def facet(name: str) -> SimpleNamespace:
    return next(f for f in FACETS if f.name == name)


def directory_page(catalog: Catalog, options: SiteOptions) -> Page:
    src = "tilbud/index.md"
    register = catalog.register
    regions = [(r, sorted(register.in_region(r.slug), key=lambda m: m.name)) for r in register.regions]
    return Page(src, render("katalog.md.j2", regions=regions, facets=FACETS, **Linker(src).context()), in_nav=True)
