"""Freshness: when a record was last confirmed, and what follows from that.

One place for the rule, used by the pages (badge, "Ikke bekræftet" section),
the review list (page, CSV, ``videre gennemsyn``) and validation warnings:

* fresh (``ok``) until the review period has passed since ``sidst_bekræftet``;
* ``forfalden`` (due) after one period: a visible warning, still in place;
* ``ikke-bekraeftet`` after two periods: moved to a marked section, never dropped.

An example (``eksempel: true``) has no confirmation, so it has no freshness:
it is never "due", it carries the example badge instead, and the review list
only counts examples (:func:`example_paths`) without giving them a date.

Stale data only ever warns; it is never an error and never hidden.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from ..core.errors import WARNING, Problem
from ..core.model import confirmed
from ..core.options import SiteOptions
from .catalog import Catalog
from .ownership import EDITORIAL_NAME, data_path, owner_of
from ..core.text import csv_cell
from ..core.yamlsource import Document
from ..core import urls
from ..kinds.registry import KINDS

OK = "ok"
DUE = "forfalden"
UNCONFIRMED = "ikke-bekraeftet"
STATE_LABELS = {OK: "Bekræftet", DUE: "Skal bekræftes", UNCONFIRMED: "Ikke bekræftet"}

VERIFIED_FIELD = "sidst_bekræftet"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Freshness:
    verified: dt.date
    today: dt.date
    months: int
    """The review period in months (``extra.videre.gennemsyn_maaneder``)."""

    @property
    def due_date(self) -> dt.date:
        return add_months(self.verified, self.months)

    @property
    def state(self) -> str:
        if self.today < self.due_date:
            return OK
        if self.today < add_months(self.verified, 2 * self.months):
            return DUE
        return UNCONFIRMED

    @property
    def due(self) -> bool:
        """Past one review period: the record needs a human to confirm it."""
        return self.state != OK

    @property
    def unconfirmed(self) -> bool:
        """Past two review periods: the record moves to the 'Ikke bekræftet' section."""
        return self.state == UNCONFIRMED

    @property
    def overdue_months(self) -> int:
        """The period the record has passed: one or two review periods."""
        return self.months * (2 if self.unconfirmed else 1)

    @property
    def warning(self) -> str:
        """The badge text, e.g. 'Ikke bekræftet i over 12 måneder'; empty when fresh."""
        return f"Ikke bekræftet i over {self.overdue_months} måneder" if self.due else ""


def assess(verified: dt.date, today: dt.date, months: int) -> Freshness:
    return Freshness(verified, today, months)


class Review:
    """Freshness for any record with ``.verified``; passed to templates as ``review``."""

    def __init__(self, today: dt.date, months: int):
        self.today = today
        self.months = months

    def __call__(self, record: Any) -> Freshness | None:
        """``None`` for a record without a confirmation: an example is not stale, it was never confirmed."""
        verified = confirmed(record)
        return assess(verified.date, self.today, self.months) if verified is not None else None

    def split(self, records: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Records still shown in place, and records moved to 'Ikke bekræftet' (in the same order)."""
        current = tuple(r for r in records if not self._unconfirmed(r))
        return current, tuple(r for r in records if self._unconfirmed(r))

    def _unconfirmed(self, record: Any) -> bool:
        fresh = self(record)
        return fresh is not None and fresh.unconfirmed


@lru_cache(maxsize=8)
def review_for(options: SiteOptions) -> Review:
    """The build's one :class:`Review`, from its date and review period (the page builders and exports share it)."""
    return Review(options.today, options.review_months)


# ---------------------------------------------------------------- validation warning


def stale_problems(document: Document, today: dt.date, months: int | None) -> list[Problem]:
    """A warning (rule 'forældet') for a valid record whose confirmation is past the review period."""
    if months is None or not isinstance(document.data, dict):
        return []
    verified = document.data.get(VERIFIED_FIELD)
    try:
        day = dt.date.fromisoformat(verified["dato"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return []
    fresh = assess(day, today, months)
    if not fresh.due:
        return []
    line, column = document.where((VERIFIED_FIELD, "dato"))
    moved = " og står under 'Ikke bekræftet'" if fresh.unconfirmed else ""
    return [Problem(document.path, line, column, f"{VERIFIED_FIELD}.dato", "forældet",
                    f"oplysningerne er ikke bekræftet i over {fresh.overdue_months} måneder "
                    f"(sidst {day.isoformat()}){moved}",
                    "tjek oplysningerne hos kilden, ret dem, og skriv dagens dato i 'sidst_bekræftet.dato'",
                    level=WARNING)]


# ---------------------------------------------------------------- the review list


@dataclass(frozen=True)
class DueRecord:
    path: str
    """The record's file, e.g. ``data/offers/esbjerg/kognitiv-traening.yaml``."""
    kind: str
    title: str
    owner: str
    """Who keeps it: 'Esbjerg Kommune', or the editorial team."""
    team: str
    freshness: Freshness
    url: str = ""
    """The record's page on the site, if it has one."""


_KIND_LABELS = {"offers": "Tilbud", "partner_offers": "Tilbud fra forening", "partners": "Forening",
                "contacts": "Kommunens kontakter", "departments": "Psykiatrisk afdeling"}


_FURTHER_KINDS = ("screens", "redirects", "flows", "cases", "figures")
"""The kinds listed under their own kind name (the directory's kinds above have Danish labels)."""


def dated_records(catalog: Catalog) -> Iterable[tuple[str, Any, str, str]]:
    """(kind label, record, title, url) for every record that can carry a confirmation (examples included)."""
    names = {m.slug: m.name for m in catalog.register.municipalities}
    for offer in catalog.all_offers():
        yield _KIND_LABELS["offers" if offer.owner_kind == "kommune" else "partner_offers"], offer, offer.title, offer.url
    for partner in catalog.partners:
        yield _KIND_LABELS["partners"], partner, partner.name, partner.url
    for slug in sorted(catalog.contacts):
        yield (_KIND_LABELS["contacts"], catalog.contacts[slug], f"Kontakter i {names.get(slug, slug)} Kommune",
               urls.municipality_page(slug))
    for department in catalog.departments:
        yield _KIND_LABELS["departments"], department, department.name, ""
    for kind in sorted((k for k in KINDS if k.collection in _FURTHER_KINDS), key=lambda k: k.name):
        for record in getattr(catalog, kind.collection):
            if hasattr(record, "verified") and getattr(record, "file", None) is not None:
                title = getattr(record, "title", "") or getattr(record, "name", "") or getattr(record, "slug", kind.name)
                yield kind.name.capitalize(), record, str(title), str(getattr(record, "url", "") or "")


def due_records(catalog: Catalog, today: dt.date, months: int) -> list[DueRecord]:
    """Every record past its review period, grouped by owner (municipalities by name, editorial team last)."""
    review = Review(today, months)
    found: list[DueRecord] = []
    for kind, record, title, url in dated_records(catalog):
        fresh = review(record)
        if fresh is None or not fresh.due:
            continue
        path = data_path(record.file)
        owner, team = owner_of(path, catalog.register)
        found.append(DueRecord(path, kind, title, owner, team, fresh, url))
    return sorted(found, key=lambda d: (d.owner == EDITORIAL_NAME, d.owner, d.freshness.verified, d.path))


def example_paths(catalog: Catalog) -> list[str]:
    """The files of records no one has confirmed (``eksempel: true``), for the count beside the review list."""
    return sorted(data_path(record.file) for _, record, _, _ in dated_records(catalog)
                  if getattr(record, "example", False) and getattr(record, "file", None) is not None)


def by_owner(due: Sequence[DueRecord]) -> list[tuple[str, str, list[DueRecord]]]:
    """Group an already sorted review list: (owner, team, records)."""
    groups: list[tuple[str, str, list[DueRecord]]] = []
    for record in due:
        if not groups or groups[-1][0] != record.owner:
            groups.append((record.owner, record.team, []))
        groups[-1][2].append(record)
    return groups


REVIEW_COLUMNS = ("ejer", "team", "fil", "slags", "titel", "sidst_bekræftet", "bekræftes_senest", "status",
                  "adresse")


def review_csv(due: Sequence[DueRecord], site_url: str = "") -> str:
    """The review list as CSV (gennemsyn.csv), one row per due record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for d in due:
        writer.writerow([csv_cell(v) for v in (
            d.owner, d.team, d.path, d.kind, d.title, d.freshness.verified.isoformat(),
            d.freshness.due_date.isoformat(), d.freshness.warning, site_url + d.url if d.url else "")])
    return out.getvalue()


def counts(due: Sequence[DueRecord]) -> dict[str, int]:
    """How many records are due, and how many of them are past two periods."""
    found = {DUE: 0, UNCONFIRMED: 0}
    for d in due:
        found[d.freshness.state] += 1
    return found
