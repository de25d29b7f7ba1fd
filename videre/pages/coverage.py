"""The coverage page (daekning/): for each municipality, what the data holds and what is missing.

For editors and municipal staff. It counts every record in ``data/``, examples
included, so it sees the same records as the review list, not only those a
build publishes. Each row names what the municipality should add first: its
receiver of rehabilitation plans (GOP), a real genoptræning offer, any real
offer at all. The state of each record comes from
:func:`videre.core.model.record_state`, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.catalog import Catalog
from ..core import urls, vocab
from ..core.model import MunicipalContacts, record_state
from ..core.options import SiteOptions
from ..kinds.register import Municipality, Region
from . import Page, render
from .links import Linker

SRC = "daekning.md"
GOP_KIND = "genoptraening"
"""The offer type the site is first of all about: rehabilitation after a plan (GOP)."""


@dataclass(frozen=True)
class CoverageRow:
    municipality: Municipality
    confirmed: int
    sourced: int
    examples: int
    contacts: str
    """The state of the municipality's contacts record (the GOP receiver), or '' when it has none."""
    real_gop_offer: bool
    """A confirmed or sourced offer of type 'genoptraening'."""

    @property
    def real(self) -> int:
        return self.confirmed + self.sourced

    @property
    def gop_known(self) -> bool:
        """We know who receives the plans: read from the municipality's page, or confirmed."""
        return self.contacts in (vocab.STATE_SOURCED, vocab.STATE_CONFIRMED)

    @property
    def gop_text(self) -> str:
        return {
            vocab.STATE_CONFIRMED: "Ja, bekræftet",
            vocab.STATE_SOURCED: "Ja, fra hjemmesiden",
            vocab.STATE_EXAMPLE: "Nej, kun et eksempel",
        }.get(self.contacts, "Nej")

    @property
    def missing(self) -> tuple[str, ...]:
        """What to add, most important first."""
        found = []
        if not self.gop_known:
            found.append("modtager af genoptræningsplaner")
        if not self.real_gop_offer:
            found.append("tilbud om genoptræning efter genoptræningsplan")
        if not self.real:
            found.append("kommunens egne tilbud")
        if self.sourced or self.contacts == vocab.STATE_SOURCED:
            waiting = self.sourced + (self.contacts == vocab.STATE_SOURCED)
            found.append(f"bekræftelse af {waiting} {'post' if waiting == 1 else 'poster'} fra hjemmesiden")
        return tuple(found)


def coverage_row(catalog: Catalog, municipality: Municipality) -> CoverageRow:
    states = [(record_state(o), o.kind) for o in catalog.offers_in(municipality.slug)]
    contacts: MunicipalContacts | None = catalog.contacts.get(municipality.slug)
    return CoverageRow(
        municipality,
        confirmed=sum(1 for state, _ in states if state == vocab.STATE_CONFIRMED),
        sourced=sum(1 for state, _ in states if state == vocab.STATE_SOURCED),
        examples=sum(1 for state, _ in states if state == vocab.STATE_EXAMPLE),
        contacts=record_state(contacts) if contacts is not None else "",
        real_gop_offer=any(kind == GOP_KIND and state != vocab.STATE_EXAMPLE for state, kind in states),
    )


def coverage_table(catalog: Catalog) -> list[tuple[Region, list[CoverageRow]]]:
    """Per region in force on the build date, its municipalities by name."""
    register = catalog.register
    return [
        (region, [coverage_row(catalog, m) for m in sorted(register.in_region(region.slug), key=lambda m: m.name)])
        for region in register.regions
    ]


def coverage_page(catalog: Catalog, options: SiteOptions) -> Page:
    """Counts every record in the data (``catalog`` is not the published one): what a municipality holds."""
    table = coverage_table(catalog)
    rows = [row for _, found in table for row in found]
    return Page(
        SRC,
        render(
            "daekning.md.j2",
            table=table,
            rows=rows,
            today=options.today,
            form=lambda m: urls.editor_collection(urls.municipal_offers_collection(m.slug)),
            **Linker(SRC).context(),
        ),
        in_nav=True,
    )
