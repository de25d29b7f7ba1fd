"""The directory page: client-side facets over a compact JSON of all offers."""

from __future__ import annotations

from types import SimpleNamespace

from ..core import vocab
from ..catalog.catalog import Catalog
from . import Page, render
from ..core.options import SiteOptions
from .links import Linker

FACETS = (
    SimpleNamespace(name="alder", label="Alder", all="Alle aldre",
                    options=[(code, text) for code, text, _, _ in vocab.AGE_GROUPS]),
    SimpleNamespace(name="problem", label="Problem", all="Alle problemer",
                    options=[(c, t) for c, t in vocab.PROBLEMS.items() if c != vocab.ALL_PROBLEMS]),
    SimpleNamespace(name="type", label="Type tilbud", all="Alle typer", options=list(vocab.OFFER_KINDS.items())),
    SimpleNamespace(name="form", label="Form", all="Alle former", options=list(vocab.DELIVERY_MODES.items())),
    SimpleNamespace(name="henvisning", label="Henvisning", all="Alle veje ind",
                    options=list(vocab.REFERRAL_ROUTES.items())),
)
"""Facets besides the municipality; names are the URL query keys."""


def directory_page(catalog: Catalog, options: SiteOptions) -> Page:
    src = "tilbud/index.md"
    register = catalog.register
    regions = [(r, sorted(register.in_region(r.slug), key=lambda m: m.name)) for r in register.regions]
    return Page(src, render("katalog.md.j2", regions=regions, facets=FACETS, **Linker(src).context()), in_nav=True)
