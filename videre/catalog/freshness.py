"""Freshness: when a record was last confirmed or read, and what follows from that.

One place for the rule, used by the pages (badge, "Ikke bekræftet" section),
the review list (page, CSV, ``videre gennemsyn``) and validation warnings:

* fresh (``ok``) until the review period has passed since ``sidst_bekræftet``;
* ``forfalden`` (due) after one period: a visible warning, still in place;
* ``ikke-bekraeftet`` after two periods: moved to a marked section, never dropped.

A record read from a public page (``kilde: {url, læst, sidens_dato}``, see
:func:`videre.core.model.record_state`) follows the same path, with two limits:

* ``læst`` counts as the confirmation's date does, with the same review period
  (``gennemsyn_maaneder``, 12 months by default). We read the page for the reader
  because no one who runs the offer has confirmed it; a year-old reading of a page
  is no better than a year-old confirmation, so it needs the same care.
* ``sidens_dato`` older than :data:`PAGE_YEARS` years makes the record due even when
  ``læst`` is recent. A page its owner has not touched in three years has likely
  outlived a budget year, a reorganisation or the 2027 health reform. Reading it
  again does not make it newer, so only the owner's confirmation (or a newer page)
  clears the warning. An old page date alone never moves the record to the
  "Ikke bekræftet" section: its facts may still hold.

Every record read from a page is also on the review list as "til bekræftelse":
it is an invitation to whoever runs the offer.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..core import urls, vocab
from ..core.errors import WARNING, Problem
from ..core.model import confirmed, record_state, source_page
from ..core.options import SiteOptions
from ..core.text import csv_cell
from ..core.yamlsource import Document
from ..kinds.registry import KINDS
from .catalog import Catalog
from .ownership import EDITORIAL_NAME, data_path, owner_of

OK = "ok"
DUE = "forfalden"
UNCONFIRMED = "ikke-bekraeftet"
TO_CONFIRM = "til-bekraeftelse"
STATE_LABELS = {OK: "Bekræftet", DUE: "Skal bekræftes", UNCONFIRMED: "Ikke bekræftet", TO_CONFIRM: "Til bekræftelse"}

VERIFIED_FIELD = "sidst_bekræftet"
SOURCE_FIELD = "kilde"
PAGE_YEARS = 3
"""A public page that shows a date older than this many years makes its record due (see the module's text)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Freshness:
    verified: dt.date
    """The day the record was last confirmed; for a record read from a public page, the day it was read."""
    today: dt.date
    months: int
    """The review period in months (``extra.videre.gennemsyn_maaneder``)."""
    sourced: bool = False
    """Read from a public page (``kilde``), not confirmed: ``verified`` is then ``kilde.læst``."""
    page_date: dt.date | None = None
    """The date the public page shows (``kilde.sidens_dato``), if it shows one."""

    @property
    def due_date(self) -> dt.date:
        return add_months(self.verified, self.months)

    @property
    def old_page(self) -> bool:
        """The page's own date is more than :data:`PAGE_YEARS` years old."""
        return self.page_date is not None and self.today >= add_months(self.page_date, 12 * PAGE_YEARS)

    @property
    def state(self) -> str:
        if self.today < self.due_date:
            return DUE if self.old_page else OK
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
        if not self.due:
            return ""
        if not self.sourced:
            return f"Ikke bekræftet i over {self.overdue_months} måneder"
        if self.today >= self.due_date:
            return f"Kilden er læst for over {self.overdue_months} måneder siden"
        return f"Kilden er over {PAGE_YEARS} år gammel"

    @property
    def since(self) -> str:
        """What the date counts from, for a sentence: 'Sidst bekræftet' or 'Kilden blev læst'."""
        return "Kilden blev læst" if self.sourced else "Sidst bekræftet"


def assess(
    verified: dt.date, today: dt.date, months: int, *, sourced: bool = False, page_date: dt.date | None = None
) -> Freshness:
    return Freshness(verified, today, months, sourced, page_date)


class Review:
    """Freshness for any record with ``.verified``; passed to templates as ``review``."""

    def __init__(self, today: dt.date, months: int):
        self.today = today
        self.months = months

    def __call__(self, record: Any) -> Freshness | None:
        """``None`` for an example: it is not stale, it was never confirmed nor read from a page."""
        verified = confirmed(record)
        if verified is not None:
            return assess(verified.date, self.today, self.months)
        page = source_page(record)
        if page is not None and record_state(record) == vocab.STATE_SOURCED:
            return assess(page.read, self.today, self.months, sourced=True, page_date=page.page_date)
        return None

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
    """A warning (rule 'forældet') for a valid record whose confirmation is past the review period,
    or whose public page was read too long ago or shows an old date."""
    if months is None or not isinstance(document.data, dict):
        return []
    verified = document.data.get(VERIFIED_FIELD)
    if verified is None and document.data.get("eksempel") is not True:
        return _stale_source(document, today, months)
    try:
        day = dt.date.fromisoformat(verified["dato"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return []
    fresh = assess(day, today, months)
    if not fresh.due:
        return []
    line, column = document.where((VERIFIED_FIELD, "dato"))
    moved = " og står under 'Ikke bekræftet'" if fresh.unconfirmed else ""
    return [
        Problem(
            document.path,
            line,
            column,
            f"{VERIFIED_FIELD}.dato",
            "forældet",
            f"oplysningerne er ikke bekræftet i over {fresh.overdue_months} måneder (sidst {day.isoformat()}){moved}",
            "tjek oplysningerne hos kilden, ret dem, og skriv dagens dato i 'sidst_bekræftet.dato'",
            level=WARNING,
        )
    ]


def _stale_source(document: Document, today: dt.date, months: int) -> list[Problem]:
    source = document.data.get(SOURCE_FIELD)
    try:
        read = dt.date.fromisoformat(source["læst"])  # type: ignore[index]
        page = dt.date.fromisoformat(source["sidens_dato"]) if "sidens_dato" in source else None  # type: ignore[operator,index]
    except (TypeError, KeyError, ValueError):
        return []
    fresh = assess(read, today, months, sourced=True, page_date=page)
    if not fresh.due:
        return []
    if today >= fresh.due_date:
        at, what = (
            "læst",
            (
                f"siden er læst for over {fresh.overdue_months} måneder siden (læst {read.isoformat()})"
                + (" og står under 'Ikke bekræftet'" if fresh.unconfirmed else "")
            ),
        )
        hint = (
            "læs siden igen, ret oplysningerne, og skriv dagens dato i 'kilde.læst'; "
            "eller bed kommunen eller foreningen bekræfte dem"
        )
    else:
        at, what = (
            "sidens_dato",
            (f"siden viser datoen {page}, som er over {PAGE_YEARS} år gammel; oplysningerne kan være forældede"),
        )
        hint = "bed kommunen eller foreningen bekræfte oplysningerne, eller find en nyere side"
    line, column = document.where((SOURCE_FIELD, at))
    return [Problem(document.path, line, column, f"{SOURCE_FIELD}.{at}", "forældet", what, hint, level=WARNING)]


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

    @property
    def to_confirm(self) -> bool:
        """Read from a public page: on the list until those who run it confirm it, however fresh."""
        return self.freshness.sourced

    @property
    def status(self) -> str:
        """What the list says: the freshness warning, else 'Til bekræftelse' for a record read from a page."""
        return self.freshness.warning or (STATE_LABELS[TO_CONFIRM] if self.to_confirm else "")


_KIND_LABELS = {
    "offers": "Tilbud",
    "partner_offers": "Tilbud fra forening",
    "partners": "Forening",
    "contacts": "Kommunens kontakter",
    "departments": "Psykiatrisk afdeling",
}


_FURTHER_KINDS = ("screens", "redirects", "flows", "cases", "figures")
"""The kinds listed under their own kind name (the directory's kinds above have Danish labels)."""


def dated_records(catalog: Catalog) -> Iterable[tuple[str, Any, str, str]]:
    """(kind label, record, title, url) for every record that can carry a confirmation (examples included)."""
    names = {m.slug: m.name for m in catalog.register.municipalities}
    for offer in catalog.all_offers():
        yield (
            _KIND_LABELS["offers" if offer.owner_kind == "kommune" else "partner_offers"],
            offer,
            offer.title,
            offer.url,
        )
    for partner in catalog.partners:
        yield _KIND_LABELS["partners"], partner, partner.name, partner.url
    for slug in sorted(catalog.contacts):
        yield (
            _KIND_LABELS["contacts"],
            catalog.contacts[slug],
            f"Kontakter i {names.get(slug, slug)} Kommune",
            urls.municipality_page(slug),
        )
    for department in catalog.departments:
        yield _KIND_LABELS["departments"], department, department.name, ""
    for kind in sorted((k for k in KINDS if k.collection in _FURTHER_KINDS), key=lambda k: k.name):
        for record in getattr(catalog, kind.collection):
            if hasattr(record, "verified") and getattr(record, "file", None) is not None:
                title = (
                    getattr(record, "title", "") or getattr(record, "name", "") or getattr(record, "slug", kind.name)
                )
                yield kind.name.capitalize(), record, str(title), str(getattr(record, "url", "") or "")


def due_records(catalog: Catalog, today: dt.date, months: int) -> list[DueRecord]:
    """Every record read from a public page ("til bekræftelse") and every record past its review period,
    grouped by owner (municipalities by name, editorial team last); per owner, those to confirm first."""
    review = Review(today, months)
    found: list[DueRecord] = []
    for kind, record, title, url in dated_records(catalog):
        fresh = review(record)
        if fresh is None or not (fresh.due or fresh.sourced):
            continue
        path = data_path(record.file)
        owner, team = owner_of(path, catalog.register)
        found.append(DueRecord(path, kind, title, owner, team, fresh, url))
    return sorted(
        found, key=lambda d: (d.owner == EDITORIAL_NAME, d.owner, not d.to_confirm, d.freshness.verified, d.path)
    )


def example_paths(catalog: Catalog) -> list[str]:
    """The files of records no one has confirmed (``eksempel: true``), for the count beside the review list."""
    return sorted(
        data_path(record.file)
        for _, record, _, _ in dated_records(catalog)
        if getattr(record, "example", False) and getattr(record, "file", None) is not None
    )


def by_owner(due: Sequence[DueRecord]) -> list[tuple[str, str, list[DueRecord]]]:
    """Group an already sorted review list: (owner, team, records)."""
    groups: list[tuple[str, str, list[DueRecord]]] = []
    for record in due:
        if not groups or groups[-1][0] != record.owner:
            groups.append((record.owner, record.team, []))
        groups[-1][2].append(record)
    return groups


REVIEW_COLUMNS = (
    "ejer",
    "team",
    "fil",
    "slags",
    "titel",
    "sidst_bekræftet",
    "bekræftes_senest",
    "status",
    "adresse",
    "kilde_læst",
)


def review_csv(due: Sequence[DueRecord], site_url: str = "") -> str:
    """The review list as CSV (gennemsyn.csv), one row per record to confirm or due.

    A record read from a public page has no 'sidst_bekræftet'; the day its page was read is in 'kilde_læst'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for d in due:
        day = d.freshness.verified.isoformat()
        writer.writerow(
            [
                csv_cell(v)
                for v in (
                    d.owner,
                    d.team,
                    d.path,
                    d.kind,
                    d.title,
                    "" if d.to_confirm else day,
                    d.freshness.due_date.isoformat(),
                    d.status,
                    site_url + d.url if d.url else "",
                    day if d.to_confirm else "",
                )
            ]
        )
    return out.getvalue()


def counts(due: Sequence[DueRecord]) -> dict[str, int]:
    """How many records are to confirm (read from a page), how many are due, and how many of those are past
    two periods (a record read from a page may be both to confirm and due)."""
    found = {TO_CONFIRM: 0, DUE: 0, UNCONFIRMED: 0}
    for d in due:
        if d.to_confirm:
            found[TO_CONFIRM] += 1
        if d.freshness.state != OK:
            found[d.freshness.state] += 1
    return found
