"""The municipality register with dates: its records, built from ``data/kommuner.yaml``, and the checks of its periods.

Regions merge and municipalities change region on a set day (Region Hovedstaden and Region
Sjælland become Region Østdanmark on 1 January 2027). The file holds every region with
``gyldig_fra``/``gyldig_til`` and each municipality's memberships with their periods, so the
site can be built correctly for any date, also before the day comes. The schema checks each
value; here the checks that need several values at once: periods that run backwards or overlap,
a municipality without a region on some day, a membership outside its region's lifetime.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise
from typing import Any

from ..core import fields, vocab
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import row
from ..core.model import ALWAYS, Period
from ..core.yamlsource import Document, dotted

KIND = "kommuner"
ONE_DAY = dt.timedelta(days=1)


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

    def on(self, day: dt.date) -> Register:
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


def _day(value: str) -> dt.date:
    """A date the schema has checked; a row left out never reaches its reader (its ``missing`` applies)."""
    return dt.date.fromisoformat(value)


# ---------------------------------------------------------------- the file's field table
# The rows of kommuner.yaml as written; build_register turns them into the records above, with the checks
# that need several values at once.


@dataclass(frozen=True)
class NoticeEntry:
    show_from: dt.date = row(
        "vis_fra", S.period_date("Vis fra", "Første dag, beskeden vises."), required=True, read=_day
    )
    show_to: dt.date = row("vis_til", S.period_date("Vis til", "Sidste dag, beskeden vises."), required=True, read=_day)
    guidance: str = row(
        "vejledning",
        {
            "type": "string",
            "title": "Vejledning",
            "pattern": S.SITE_PATH_PATTERN,
            "maxLength": 200,
            "examples": ["vejledning/sundhedsreform-2027/"],
            "description": "Adressen på siden, der forklarer ændringen, uden domæne og med / til sidst.",
            "x-hint": "skriv adressen uden domæne og med / til sidst, fx 'vejledning/sundhedsreform-2027/'",
        },
        required=True,
    )


@dataclass(frozen=True)
class RegionEntry:
    code: int | None = row(
        "kode",
        {
            "type": "integer",
            "title": "Regionskode",
            "minimum": 1081,
            "maximum": 1099,
            "examples": [1083],
            "description": "Officiel regionskode. Udelad den, indtil en kode er bekræftet.",
        },
        missing=None,
    )
    name: str = row("navn", S.text("Navn", "Regionens navn.", "Region Syddanmark", max_length=60), required=True)
    slug: str = row(
        "slug",
        S.slug("Slug", "Kort navn til adresser.", "syddanmark"),
        required=True,
    )
    alt_names: tuple[str, ...] = row("andre_navne", S.alt_names(["Region H"]), read=tuple, missing=())
    valid_from: dt.date | None = row("gyldig_fra", S.valid_from("regionen"), read=_day, missing=None)
    valid_to: dt.date | None = row("gyldig_til", S.valid_to("regionen"), read=_day, missing=None)
    notice: NoticeEntry | None = row(
        "varsel",
        fields.object_schema(
            NoticeEntry, "Varsel", "En kort besked til personalet om regionsskiftet, vist i en periode omkring datoen."
        ),
        read=fields.reader(NoticeEntry),
        missing=None,
    )


@dataclass(frozen=True)
class MembershipEntry:
    region: str = row(
        "region",
        S.slug("Region", "Regionens slug.", "oestdanmark"),
        required=True,
    )
    valid_from: dt.date | None = row("gyldig_fra", S.valid_from("medlemskabet"), read=_day, missing=None)
    valid_to: dt.date | None = row("gyldig_til", S.valid_to("medlemskabet"), read=_day, missing=None)


@dataclass(frozen=True)
class MunicipalityEntry:
    code: int = row(
        "kode",
        {
            "type": "integer",
            "title": "Kommunekode",
            "minimum": 101,
            "maximum": 999,
            "examples": [561],
            "description": "Officiel kommunekode med tre cifre.",
        },
        required=True,
    )
    name: str = row("navn", S.text("Navn", "Kommunens navn uden 'Kommune'.", "Esbjerg", max_length=60), required=True)
    slug: str = row(
        "slug",
        S.slug("Slug", "Kort navn til adresser og mappenavne: æ→ae, ø→oe, å→aa.", "esbjerg"),
        required=True,
    )
    alt_names: tuple[str, ...] = row("andre_navne", S.alt_names(["Århus"]), read=tuple, missing=())
    region: str | None = row(
        "region",
        S.slug("Region", "Regionens slug, når kommunen altid ligger i samme region. Ellers 'regioner'.", "syddanmark"),
        missing=None,
    )
    memberships: tuple[MembershipEntry, ...] | None = row(
        "regioner",
        S.array(
            "Regioner",
            "Kommunens regioner med datoer, når kommunen skifter region. Perioderne skal følge lige efter hinanden.",
            fields.object_schema(
                MembershipEntry, "Medlemskab", "Hvilken region kommunen ligger i, og i hvilken periode."
            ),
            [
                {"region": "sjaelland", "gyldig_til": "2026-12-31"},
                {"region": "oestdanmark", "gyldig_fra": "2027-01-01"},
            ],
        ),
        read=fields.list_reader(MembershipEntry),
        missing=None,
    )
    """``None`` when the file has no 'regioner' (then 'region' holds always)."""
    team: str = row(
        "team",
        {
            "type": "string",
            "title": "Team",
            "pattern": r"^@[A-Za-z0-9-]+/[A-Za-z0-9-]+$",
            "examples": ["@videre-dk/kommune-esbjerg"],
            "description": "Det hold på forgen, der ejer kommunens mappe.",
        },
        required=True,
    )


@dataclass(frozen=True)
class RegisterFile:
    regions: tuple[RegionEntry, ...] = row(
        "regioner",
        {
            "type": "array",
            "title": "Regioner",
            "items": fields.object_schema(
                RegionEntry,
                "Region",
                "En region. Regioner, der er nedlagt eller endnu ikke begyndt, står her med datoer.",
            ),
            "minItems": 1,
            "description": "Regionerne, også dem der er nedlagt eller endnu ikke begyndt.",
        },
        required=True,
        read=fields.list_reader(RegionEntry),
    )
    municipalities: tuple[MunicipalityEntry, ...] = row(
        "kommuner",
        {
            "type": "array",
            "title": "Kommuner",
            "items": fields.object_schema(MunicipalityEntry, "Kommune", "En af de 98 kommuner."),
            "minItems": 1,
            "description": "De 98 kommuner.",
        },
        required=True,
        read=fields.list_reader(MunicipalityEntry),
    )


def register_schema() -> S.Schema:
    title, description = "Kommuneregister", "Danmarks regioner og kommuner, med datoer for ændringer."
    return S.document(KIND, title, description, fields.object_schema(RegisterFile, title, description))


def show(period: Period) -> str:
    """A period as the contributor wrote it: '2027-01-01–…'."""
    return f"{period.start.isoformat() if period.start else '…'}–{period.end.isoformat() if period.end else '…'}"


def build_register(document: Document, today: dt.date) -> tuple[Register, list[Problem]]:
    """The register as in force on ``today``, and the problems found across values."""
    entries, path = fields.build(RegisterFile, document.data), document.path
    problems: list[Problem] = []

    def problem(at: tuple[Any, ...], rule: str, message: str, hint: str) -> None:
        line, col = document.where(at)
        problems.append(Problem(path, line, col, dotted(at), rule, message, hint))

    regions = tuple(
        Region(r.code, r.name, r.slug, r.alt_names, Period(r.valid_from, r.valid_to)) for r in entries.regions
    )
    by_slug = {r.slug: r for r in regions}
    for index, region in enumerate(regions):
        if region.valid.start and region.valid.end and region.valid.start > region.valid.end:
            problem(
                ("regioner", index, "gyldig_til"),
                "ugyldig-periode",
                f"regionen '{region.name}' slutter ({region.valid.end}) før den begynder ({region.valid.start})",
                "ret datoerne, så 'gyldig_fra' kommer før 'gyldig_til'",
            )
    _duplicates(problem, "regioner", regions, (("code", "kode"), ("slug", "slug"), ("name", "navn")))

    municipalities = []
    for index, entry in enumerate(entries.municipalities):
        memberships = _memberships(problem, index, entry, by_slug)
        first = memberships[0].region if memberships else ""
        municipalities.append(
            Municipality(
                entry.code,
                entry.name,
                entry.slug,
                first,
                entry.team,
                entry.alt_names,
                memberships if entry.memberships is not None else (),
            )
        )
    _duplicates(problem, "kommuner", municipalities, (("code", "kode"), ("slug", "slug"), ("name", "navn")))
    notices = _notices(problem, entries.regions, regions, municipalities)
    full = Register(regions, tuple(municipalities), None, regions, notices)
    return full.on(today), problems


def _memberships(
    problem: Any, index: int, entry: MunicipalityEntry, regions: Mapping[str, Region]
) -> tuple[Membership, ...]:
    name = entry.name
    if entry.region is not None and entry.memberships is not None:
        problem(
            ("kommuner", index, "regioner"),
            "ugyldig-værdi",
            f"kommunen '{name}' har både 'region' og 'regioner'",
            "brug 'region', når kommunen altid ligger i samme region, ellers kun 'regioner' med datoer",
        )
        return ()
    if entry.region is not None:
        items: list[tuple[tuple[Any, ...], Membership]] = [
            (("kommuner", index, "region"), Membership(entry.region, ALWAYS))
        ]
    elif entry.memberships is not None:
        items = [
            (("kommuner", index, "regioner", i), Membership(m.region, Period(m.valid_from, m.valid_to)))
            for i, m in enumerate(entry.memberships)
        ]
    else:
        problem(
            ("kommuner", index),
            "mangler-felt",
            f"kommunen '{name}' mangler 'region'",
            "tilføj fx 'region: syddanmark', eller 'regioner' med datoer, hvis kommunen skifter region",
        )
        return ()
    ok = True
    for at, membership in items:
        period, region = membership.valid, regions.get(membership.region)
        where = at if at[-1] == "region" else (*at, "region")
        if region is None:
            problem(
                where,
                "ukendt-reference",
                f"kommunen '{name}' ligger i regionen '{membership.region}', som ikke findes",
                "brug en af regionernes slugs øverst i filen",
            )
            ok = False
        elif period.start and period.end and period.start > period.end:
            problem(
                (*at, "gyldig_til"),
                "ugyldig-periode",
                f"kommunen '{name}' har en periode i '{membership.region}', der slutter ({period.end}) "
                f"før den begynder ({period.start})",
                "ret datoerne, så 'gyldig_fra' kommer før 'gyldig_til'",
            )
            ok = False
        elif not _within(period, region.valid):
            problem(
                where,
                "uden-for-periode",
                f"kommunen '{name}' ligger i '{membership.region}' i perioden {show(period)}, men regionen "
                f"findes kun i perioden {show(region.valid)}",
                "ret kommunens datoer, så de ligger inden for regionens 'gyldig_fra' og 'gyldig_til'",
            )
            ok = False
    if not ok:
        return ()
    ordered = sorted(items, key=lambda item: item[1].valid.start or dt.date.min)
    for (_, before), (at, after) in pairwise(ordered):
        end, start = before.valid.end, after.valid.start
        if end is None or start is None or start <= end:
            problem(
                (*at, "gyldig_fra"),
                "overlappende-perioder",
                f"kommunen '{name}' ligger i to regioner på samme tid: '{before.region}' ({show(before.valid)}) "
                f"og '{after.region}' ({show(after.valid)})",
                "lad den ene periode slutte dagen før den næste begynder",
            )
            ok = False
        elif start != end + ONE_DAY:
            problem(
                (*at, "gyldig_fra"),
                "uden-region",
                f"kommunen '{name}' ligger ikke i nogen region fra {end + ONE_DAY} til {start - ONE_DAY}",
                f"skriv 'gyldig_fra: \"{end + ONE_DAY}\"', så perioden begynder dagen efter den forrige",
            )
            ok = False
    first_at, first = ordered[0]
    last_at, last = ordered[-1]
    if first.valid.start is not None:
        problem(
            (*first_at, "gyldig_fra"),
            "uden-region",
            f"kommunen '{name}' ligger ikke i nogen region før {first.valid.start}",
            "slet 'gyldig_fra' i den første periode, så den gælder fra starten",
        )
        ok = False
    if last.valid.end is not None:
        problem(
            (*last_at, "gyldig_til"),
            "uden-region",
            f"kommunen '{name}' ligger ikke i nogen region efter {last.valid.end}",
            "slet 'gyldig_til' i den sidste periode, eller tilføj den næste region",
        )
        ok = False
    return tuple(m for _, m in ordered) if ok else ()


def _within(inner: Period, outer: Period) -> bool:
    starts_ok = outer.start is None or (inner.start is not None and inner.start >= outer.start)
    ends_ok = outer.end is None or (inner.end is not None and inner.end <= outer.end)
    return starts_ok and ends_ok


def _duplicates(problem: Any, section: str, items: Iterable[Any], fields: Iterable[tuple[str, str]]) -> None:
    items = list(items)
    for attribute, label in fields:
        seen: dict[Any, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, attribute)
            if value is None:
                continue
            if value in seen:
                problem(
                    (section, index, label),
                    "dublet-id",
                    f"'{label}' {value} findes allerede ({section}[{seen[value]}])",
                    f"hver {'region' if section == 'regioner' else 'kommune'} må kun stå én gang",
                )
            seen[value] = index


def _notices(
    problem: Any, entries: tuple[RegionEntry, ...], regions: tuple[Region, ...], municipalities: list[Municipality]
) -> tuple[Notice, ...]:
    notices = []
    for index, (entry, region) in enumerate(zip(entries, regions)):
        notice = entry.notice
        if notice is None:
            continue
        shown = Period(notice.show_from, notice.show_to)
        if shown.start > shown.end:  # type: ignore[operator]
            problem(
                ("regioner", index, "varsel", "vis_til"),
                "ugyldig-periode",
                f"varslet for '{region.name}' holder op ({shown.end}) før det begynder ({shown.start})",
                "ret datoerne, så 'vis_fra' kommer før 'vis_til'",
            )
            continue
        change = region.valid.start
        if change is None:
            problem(
                ("regioner", index, "varsel"),
                "mangler-felt",
                f"regionen '{region.name}' har et varsel, men ingen 'gyldig_fra'",
                "skriv den dag, regionen begynder, i 'gyldig_fra'; varslet handler om den dag",
            )
            continue
        before = {m.region_on(change - ONE_DAY) for m in municipalities if m.region_on(change) == region.slug}
        names = tuple(r.name for r in regions if r.slug in before and r.slug != region.slug)
        notices.append(Notice(region.slug, change, shown, notice.guidance, names))
    return tuple(notices)


def empty() -> Register:
    return Register((), ())
