"""The catalog: every valid record of every kind, each kind in its own typed field.

It sits above the kinds (it holds their records) and below the page builders and
exports, which get it already filtered by :meth:`Catalog.shown`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from ..core import clock
from ..core.model import Department, MunicipalContacts, Offer, Partner
from ..core.options import SiteOptions
from ..kinds.cases import Case
from ..kinds.crisis import CrisisLine, CrisisLines
from ..kinds.figures import Figures
from ..kinds.flow import Flow
from ..kinds.redirects import RedirectList
from ..kinds.register import Register
from ..kinds.screens import Screen


def _by_owner(offers: tuple[Offer, ...]) -> dict[str, tuple[Offer, ...]]:
    index: dict[str, list[Offer]] = {}
    for offer in offers:
        index.setdefault(offer.owner, []).append(offer)
    return {slug: tuple(found) for slug, found in index.items()}


@dataclass(frozen=True)
class Catalog:
    """Every valid record, with the look-ups the page builders need."""

    register: Register
    offers: tuple[Offer, ...] = ()
    partners: tuple[Partner, ...] = ()
    partner_offers: tuple[Offer, ...] = ()
    contacts: Mapping[str, MunicipalContacts] = field(default_factory=dict)
    departments: tuple[Department, ...] = ()
    screens: tuple[Screen, ...] = ()
    redirects: tuple[RedirectList, ...] = ()
    """The redirect list (data/redirects.yaml); at most one."""
    flows: tuple[Flow, ...] = ()
    """The patient's path (data/flow.yaml); at most one."""
    cases: tuple[Case, ...] = ()
    figures: tuple[Figures, ...] = ()
    """The figures (data/figures.yaml); at most one."""
    crisis: tuple[CrisisLines, ...] = ()
    """The crisis lines (data/krise.yaml); at most one. Public numbers, never examples."""

    def offers_in(self, municipality: str) -> tuple[Offer, ...]:
        return self._offers_by_municipality.get(municipality, ())

    def partner_offers_for(self, municipality: str) -> tuple[Offer, ...]:
        return self._partner_offers_by_municipality.get(municipality, ())

    @cached_property
    def _offers_by_municipality(self) -> dict[str, tuple[Offer, ...]]:
        return _by_owner(self.offers)

    @cached_property
    def _partner_offers_by_municipality(self) -> dict[str, tuple[Offer, ...]]:
        index: dict[str, list[Offer]] = {}
        for offer in self.partner_offers:
            for slug in sorted(self.register.expand_coverage(offer.coverage)):
                index.setdefault(slug, []).append(offer)
        return {slug: tuple(found) for slug, found in index.items()}

    def partner(self, slug: str) -> Partner:
        return self._partners_by_slug[slug]

    def offers_of_partner(self, slug: str) -> tuple[Offer, ...]:
        return self._offers_by_partner.get(slug, ())

    @cached_property
    def _partners_by_slug(self) -> dict[str, Partner]:
        """One scan instead of one per offer page (the national data set has thousands of partner offers)."""
        return {p.slug: p for p in reversed(self.partners)}  # reversed: the first of equal slugs wins, as before

    @cached_property
    def _offers_by_partner(self) -> dict[str, tuple[Offer, ...]]:
        return _by_owner(self.partner_offers)

    def _without_replaced_examples(self) -> Catalog:
        real = {(o.owner_kind, o.owner, o.kind) for o in self.all_offers() if not o.example}
        if not real:
            return self

        def kept(offers: tuple[Offer, ...]) -> tuple[Offer, ...]:
            return tuple(o for o in offers if not o.example or (o.owner_kind, o.owner, o.kind) not in real)

        return replace(self, offers=kept(self.offers), partner_offers=kept(self.partner_offers))

    def departments_serving(self, municipality: str) -> tuple[Department, ...]:
        return tuple(d for d in self.departments if municipality in d.serves)

    def crisis_lines(self, municipality: str) -> tuple[CrisisLine, ...]:
        """The crisis lines that reach a municipality on the register's day (today when it has none)."""
        day = self.register.day or clock.today()
        return tuple(
            line for record in self.crisis for line in record.for_municipality(municipality, self.register, day)
        )

    def all_offers(self) -> tuple[Offer, ...]:
        return self.offers + self.partner_offers

    def shown(self, options: SiteOptions) -> Catalog:
        """The records this build shows: none marked ``eksempel: true`` when ``vis_eksempler`` is off;
        otherwise all, except examples that a real record has made needless.

        A real offer (confirmed, or read from a public page) is never crowded out by examples: an example
        offer of the same owner and type is left out, so a municipality's real genoptræning is not listed
        beside a made-up one. The other examples stay, and the pages list them after the real records.
        The one place that decides; page builders and exports get the catalog this returns."""
        if options.show_examples:
            return self._without_replaced_examples()

        def real(records: Iterable[Any]) -> tuple[Any, ...]:
            return tuple(r for r in records if not getattr(r, "example", False))

        return replace(
            self,
            offers=real(self.offers),
            partners=real(self.partners),
            partner_offers=real(self.partner_offers),
            contacts={slug: c for slug, c in self.contacts.items() if not c.example},
            departments=real(self.departments),
            screens=real(self.screens),
            redirects=real(self.redirects),
            flows=real(self.flows),
            cases=real(self.cases),
            figures=real(self.figures),
        )
