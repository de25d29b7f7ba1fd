"""Typed, frozen records. Builders and exports only ever see these.

Values are cleaned once, at the edge (:mod:`videre.kinds.registry`), after validation:
dates are ``datetime.date``, lists are tuples, and optional text is ``""``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

from . import urls, vocab


@dataclass(frozen=True)
class Period:
    """Days on which a fact holds, both ends included; ``None`` is an open end."""

    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def nearest(self, day: dt.date) -> dt.date:
        """``day`` itself when the period holds it, else the period's closest day."""
        if self.start is not None and day < self.start:
            return self.start
        if self.end is not None and day > self.end:
            return self.end
        return day


ALWAYS = Period()


@dataclass(frozen=True)
class Region:
    code: int | None
    """The official region code; ``None`` for a region with no code confirmed yet."""
    name: str
    slug: str
    alt_names: tuple[str, ...] = ()
    valid: Period = ALWAYS


@dataclass(frozen=True)
class Membership:
    """A municipality belongs to a region for a period."""

    region: str
    valid: Period = ALWAYS


@dataclass(frozen=True)
class Notice:
    """A dated notice about a register change, shown to staff in a window around the change."""

    region: str
    """The region that changes: the new region from its first day."""
    change: dt.date
    show: Period
    guidance: str
    """Site address of the guidance page, e.g. ``vejledning/sundhedsreform-2027/``."""
    before: tuple[str, ...] = ()
    """Names of the regions that the new region replaces."""


@dataclass(frozen=True)
class Municipality:
    code: int
    name: str
    slug: str
    region: str
    """The region on the register's date (see :meth:`Register.on`)."""
    team: str
    alt_names: tuple[str, ...] = ()
    memberships: tuple[Membership, ...] = ()
    """Every membership with its period; empty means ``region`` always."""

    def region_on(self, day: dt.date) -> str | None:
        if not self.memberships:
            return self.region
        return next((m.region for m in self.memberships if m.valid.contains(day)), None)


@dataclass(frozen=True)
class Register:
    """The municipality register as in force on ``day``, with its history kept for look-ups.

    ``regions`` holds the regions in force on ``day`` and each municipality's ``region`` is its
    region on ``day``: builders that list regions or group municipalities see only that date.
    Regions that ended or have not begun stay reachable through :meth:`region` and :meth:`area`,
    so old coverage codes such as 'region-hovedstaden' keep working.
    """

    regions: tuple[Region, ...]
    municipalities: tuple[Municipality, ...]
    day: dt.date | None = None
    all_regions: tuple[Region, ...] = ()
    """Every region in the file, in file order, also those not in force on ``day``."""
    notices: tuple[Notice, ...] = ()

    def on(self, day: dt.date) -> "Register":
        """The same register as in force on another day."""
        every = self.all_regions or self.regions
        municipalities = tuple(replace(m, region=m.region_on(day) or "") for m in self.municipalities)
        return Register(tuple(r for r in every if r.valid.contains(day)), municipalities, day, every, self.notices)

    def municipality(self, slug: str) -> Municipality:
        return self._by_slug[slug]

    def region(self, slug: str) -> Region:
        """Any region in the file by slug, also one that has ended or not yet begun."""
        return next(r for r in self.all_regions or self.regions if r.slug == slug)

    def in_region(self, region_slug: str) -> tuple[Municipality, ...]:
        return tuple(m for m in self.municipalities if m.region == region_slug)

    def area(self, region_slug: str) -> tuple[Municipality, ...]:
        """The municipalities a region covers: on the register's date while it is in force, else as on
        its nearest day in force (its last day once it has ended, its first day before it begins)."""
        region = self.region(region_slug)
        if self.day is None or region.valid.contains(self.day):
            return self.in_region(region_slug)
        day = region.valid.nearest(self.day)
        return tuple(m for m in self.municipalities if m.region_on(day) == region_slug)

    def holder(self, region_slug: str) -> str:
        """The region in force on the register's date that holds the whole area of a region: the region
        itself while in force, the region it merged into after it ended; '' when the area is split."""
        current = {m.region for m in self.area(region_slug)}
        return current.pop() if len(current) == 1 else ""

    def notices_on(self, day: dt.date) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.show.contains(day))

    @cached_property
    def slugs(self) -> list[str]:
        """The municipality slugs, in register order (for membership tests and 'did you mean')."""
        return [m.slug for m in self.municipalities]

    @cached_property
    def _by_slug(self) -> dict[str, Municipality]:
        return {m.slug: m for m in self.municipalities}

    def expand_coverage(self, coverage: tuple[str, ...]) -> frozenset[str]:
        """Municipality slugs reached by a coverage list (nationwide, regions, municipalities)."""
        if vocab.NATIONWIDE in coverage:
            return frozenset(m.slug for m in self.municipalities)
        reached: set[str] = set()
        for item in coverage:
            if item.startswith("region-"):
                reached.update(m.slug for m in self.area(item.removeprefix("region-")))
            else:
                reached.add(item)
        return frozenset(reached)


@dataclass(frozen=True)
class Verified:
    """A human's confirmation against a real source. Examples never have one."""

    date: dt.date
    by: str

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> "Verified | None":
        """A record's ``sidst_bekræftet``; ``None`` for an example, which has none."""
        if data is None:
            return None
        return cls(date=dt.date.fromisoformat(data["dato"]), by=data["af"])


def confirmed(record: Any) -> Verified | None:
    """Who confirmed a record and when, or ``None``: an example is never presented as confirmed."""
    return None if getattr(record, "example", False) else getattr(record, "verified", None)


@dataclass(frozen=True)
class Contact:
    role: str
    unit: str = ""
    phone: str = ""
    email: str = ""
    secure_mail: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Place:
    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""

    def one_line(self) -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.name, self.address, town) if p)


@dataclass(frozen=True)
class Offer:
    """An offer from a municipality (owner_kind 'kommune') or a partner ('partner')."""

    id: str
    slug: str
    owner_kind: str
    owner: str
    title: str
    kind: str
    description: str
    age_from: int
    age_to: int
    problems: tuple[str, ...]
    target_text: str
    elements: tuple[str, ...]
    modes: tuple[str, ...]
    routes: tuple[str, ...]
    how_to_refer: str
    place: Place
    hours: str
    cost: str
    languages: tuple[str, ...]
    accessibility: str
    link: str
    contact: Contact
    verified: Verified | None
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool
    source: str
    coverage: tuple[str, ...]
    file: Path = field(compare=False)

    @property
    def age_groups(self) -> tuple[str, ...]:
        return vocab.age_groups(self.age_from, self.age_to)

    @property
    def url(self) -> str:
        return urls.offer_page(self.owner, self.slug)


@dataclass(frozen=True)
class Partner:
    slug: str
    name: str
    short_name: str
    description: str
    web: str
    contact: Contact | None
    verified: Verified | None
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool
    source: str
    file: Path = field(compare=False)

    @property
    def url(self) -> str:
        return urls.partner_page(self.slug)


@dataclass(frozen=True)
class MunicipalContacts:
    municipality: str
    gop_receiver: Contact
    volunteer_coordinator: Contact | None
    depression_coordinator: Contact | None
    verified: Verified | None
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool
    source: str
    file: Path = field(compare=False)


@dataclass(frozen=True)
class Department:
    slug: str
    name: str
    region: str
    therapy_unit: Contact
    serves: tuple[str, ...]
    verified: Verified | None
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool
    source: str
    file: Path = field(compare=False)


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
    extra: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    """Records of further kinds (cases, screens, …), keyed by kind name."""

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

    def departments_serving(self, municipality: str) -> tuple[Department, ...]:
        return tuple(d for d in self.departments if municipality in d.serves)

    def all_offers(self) -> tuple[Offer, ...]:
        return self.offers + self.partner_offers

    def published(self, options: SiteOptions) -> Catalog:
        """The records this build publishes: all, or none marked ``eksempel: true`` when ``vis_eksempler`` is off.

        The one place that decides; page builders and exports get the catalog this returns."""
        if options.show_examples:
            return self

        def real(records: Iterable[Any]) -> tuple[Any, ...]:
            return tuple(r for r in records if not getattr(r, "example", False))

        return replace(self, offers=real(self.offers), partners=real(self.partners),
                       partner_offers=real(self.partner_offers),
                       contacts={slug: c for slug, c in self.contacts.items() if not c.example},
                       departments=real(self.departments),
                       extra={kind: real(records) for kind, records in self.extra.items()})

    def of(self, kind: str) -> tuple[Any, ...]:
        return tuple(self.extra.get(kind, ()))
