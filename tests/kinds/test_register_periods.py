"""The register's dated periods: validation of regions and memberships, each edge to the day.

Moved here from the page tests: a bug in ``videre/kinds/register.py`` or ``videre/catalog/load.py`` must be
caught by the tests beside them, without building pages."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.helpers.site import DATA
from videre.catalog.load import load_catalog, load_register

BEFORE, AFTER = dt.date(2026, 12, 30), dt.date(2027, 1, 2)


REGISTER_HEAD = """\
regioner:
  - {kode: 1084, navn: Region Hovedstaden, slug: hovedstaden, gyldig_til: "2026-12-31"}
  - {navn: Region Østdanmark, slug: oestdanmark, gyldig_fra: "2027-01-01"}
kommuner:
"""


def _problems(tmp_path: Path, municipality: str, head: str = REGISTER_HEAD) -> list[tuple[int, str, str, str, str]]:
    path = tmp_path / "kommuner.yaml"
    path.write_text(
        head + '  - kode: 101\n    navn: København\n    slug: koebenhavn\n    team: "@videre-dk/k"\n' + municipality,
        encoding="utf-8",
    )
    _, problems, _ = load_register(path, BEFORE)
    return [(p.line, p.field, p.rule, p.message, p.hint) for p in problems]


def _periods(*items: str) -> str:
    return "    regioner:\n" + "".join(f"      - {item}\n" for item in items)


OPEN_HEAD = """\
regioner:
  - {kode: 1084, navn: Region Hovedstaden, slug: hovedstaden}
  - {navn: Region Østdanmark, slug: oestdanmark}
kommuner:
"""
"""Regions without dates, so that only the municipality's own periods are checked."""


def test_overlapping_periods_are_reported(tmp_path):
    assert _problems(
        tmp_path,
        _periods('{region: hovedstaden, gyldig_til: "2026-12-31"}', '{region: oestdanmark, gyldig_fra: "2026-12-01"}'),
        OPEN_HEAD,
    ) == [
        (
            11,
            "kommuner[0].regioner[1].gyldig_fra",
            "overlappende-perioder",
            "kommunen 'København' ligger i to regioner på samme tid: 'hovedstaden' (…–2026-12-31) og "
            "'oestdanmark' (2026-12-01–…)",
            "lad den ene periode slutte dagen før den næste begynder",
        )
    ]


def test_a_day_without_a_region_is_reported(tmp_path):
    assert _problems(
        tmp_path,
        _periods('{region: hovedstaden, gyldig_til: "2026-12-31"}', '{region: oestdanmark, gyldig_fra: "2027-02-01"}'),
        OPEN_HEAD,
    ) == [
        (
            11,
            "kommuner[0].regioner[1].gyldig_fra",
            "uden-region",
            "kommunen 'København' ligger ikke i nogen region fra 2027-01-01 til 2027-01-31",
            "skriv 'gyldig_fra: \"2027-01-01\"', så perioden begynder dagen efter den forrige",
        )
    ]
    assert _problems(tmp_path, _periods('{region: hovedstaden, gyldig_til: "2026-12-31"}'), OPEN_HEAD) == [
        (
            10,
            "kommuner[0].regioner[0].gyldig_til",
            "uden-region",
            "kommunen 'København' ligger ikke i nogen region efter 2026-12-31",
            "slet 'gyldig_til' i den sidste periode, eller tilføj den næste region",
        )
    ]
    assert _problems(tmp_path, "") == [
        (
            5,
            "kommuner[0]",
            "mangler-felt",
            "kommunen 'København' mangler 'region'",
            "tilføj fx 'region: syddanmark', eller 'regioner' med datoer, hvis kommunen skifter region",
        )
    ]


def test_unknown_region_backwards_period_and_membership_outside_the_region_are_reported(tmp_path):
    assert _problems(
        tmp_path,
        _periods('{region: hovedstaden, gyldig_til: "2026-12-31"}', '{region: oestdanmrk, gyldig_fra: "2027-01-01"}'),
    ) == [
        (
            11,
            "kommuner[0].regioner[1].region",
            "ukendt-reference",
            "kommunen 'København' ligger i regionen 'oestdanmrk', som ikke findes",
            "brug en af regionernes slugs øverst i filen",
        )
    ]
    assert _problems(
        tmp_path, _periods('{region: hovedstaden, gyldig_fra: "2026-12-31", gyldig_til: "2026-01-01"}'), OPEN_HEAD
    ) == [
        (
            10,
            "kommuner[0].regioner[0].gyldig_til",
            "ugyldig-periode",
            "kommunen 'København' har en periode i 'hovedstaden', der slutter (2026-01-01) før den begynder "
            "(2026-12-31)",
            "ret datoerne, så 'gyldig_fra' kommer før 'gyldig_til'",
        )
    ]
    assert _problems(tmp_path, "    region: hovedstaden\n") == [
        (
            9,
            "kommuner[0].region",
            "uden-for-periode",
            "kommunen 'København' ligger i 'hovedstaden' i perioden …–…, men regionen findes kun i perioden "
            "…–2026-12-31",
            "ret kommunens datoer, så de ligger inden for regionens 'gyldig_fra' og 'gyldig_til'",
        )
    ]
    assert _problems(tmp_path, "    region: hovedstaden\n" + _periods("{region: hovedstaden}"), OPEN_HEAD) == [
        (
            11,
            "kommuner[0].regioner",
            "ugyldig-værdi",
            "kommunen 'København' har både 'region' og 'regioner'",
            "brug 'region', når kommunen altid ligger i samme region, ellers kun 'regioner' med datoer",
        )
    ]


def test_dates_are_checked_by_the_schema_too(tmp_path):
    [(line, field, rule, message, _)] = _problems(
        tmp_path,
        _periods('{region: hovedstaden, gyldig_til: "2026-12-31"}', '{region: oestdanmark, gyldig_fra: "2027-02-30"}'),
    )
    assert (line, field, rule, message) == (
        11,
        "kommuner[0].regioner[1].gyldig_fra",
        "ugyldig-dato",
        "'kommuner[0].regioner[1].gyldig_fra' er ikke en rigtig dato: '2027-02-30'",
    )


def test_a_region_that_has_ended_needs_a_redirect_from_its_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    redirects = (data / "redirects.yaml").read_text(encoding="utf-8")
    (data / "redirects.yaml").write_text(redirects[: redirects.index("  - fra: regioner/sjaelland/")], encoding="utf-8")
    assert load_catalog(data, today=BEFORE).errors == []
    errors = load_catalog(data, today=AFTER).errors
    assert sorted(p.file.name for p in errors) == ["kommuner.yaml", "publicerede.txt"]  # the published address too
    [problem] = [p for p in errors if p.file.name == "kommuner.yaml"]
    line = (data / "kommuner.yaml").read_text(encoding="utf-8").splitlines().index("    slug: sjaelland") + 1
    assert (problem.file.name, problem.line, problem.rule, problem.message, problem.hint) == (
        "kommuner.yaml",
        line,
        "mangler-omdirigering",
        "regionen 'Region Sjælland' slutter 2026-12-31, men adressen 'regioner/sjaelland/' har ingen omdirigering "
        "fra 2027-01-01",
        "tilføj i data/redirects.yaml: '- {fra: regioner/sjaelland/, til: regioner/oestdanmark/, "
        'gælder_fra: "2027-01-01"}\'',
    )


@pytest.mark.parametrize(
    "end, start, expected",
    [
        ("2026-12-31", "2027-01-01", []),  # adjacent: the next day begins the next period
        ("2026-12-31", "2026-12-31", ["overlappende-perioder"]),  # one day in both
        ("2026-12-31", "2027-01-02", ["uden-region"]),  # one day in neither
    ],
)
def test_periods_meet_at_the_day_edge(tmp_path, end, start, expected):
    found = _problems(
        tmp_path,
        _periods(f'{{region: hovedstaden, gyldig_til: "{end}"}}', f'{{region: oestdanmark, gyldig_fra: "{start}"}}'),
        OPEN_HEAD,
    )
    assert [rule for _, _, rule, _, _ in found] == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2026-12-31", "2026-12-31", []),  # a period of one day
        ("2026-12-31", "2026-12-30", ["ugyldig-periode"]),  # ends the day before it begins
    ],
)
def test_a_period_may_be_one_day_but_not_backwards(tmp_path, start, end, expected):
    found = _problems(
        tmp_path,
        _periods(
            f'{{region: hovedstaden, gyldig_til: "{end}"}}', '{region: oestdanmark, gyldig_fra: "2027-01-01"}'
        ).replace("{region: hovedstaden,", f'{{region: hovedstaden, gyldig_fra: "{start}",'),
        OPEN_HEAD,
    )
    assert [rule for _, _, rule, _, _ in found if rule != "uden-region"] == expected
