"""The register built straight from its YAML (``build_register``): every value it keeps, and every check
across values with its exact words, at the edges of each period.

These tests skip the schema (``load_register`` runs it first) so that each cross-value check is reached
alone; the expected registers and messages are written out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from videre.core.model import ALWAYS, Period
from videre.core.yamlsource import parse
from videre.kinds.register import (
    Membership,
    Municipality,
    Notice,
    Region,
    Register,
    build_register,
    empty,
    register_schema,
    show,
)

D = dt.date

REGISTER = """\
regioner:
  - {kode: 1084, navn: Region Hovedstaden, slug: hovedstaden, andre_navne: [Hovedstaden], gyldig_til: "2026-12-31"}
  - {kode: 1085, navn: Region Sjælland, slug: sjaelland, gyldig_til: "2026-12-31"}
  - navn: Region Østdanmark
    slug: oestdanmark
    gyldig_fra: "2027-01-01"
    varsel: {vis_fra: "2026-12-01", vis_til: "2027-03-31", vejledning: vejledning/sundhedsreform-2027/}
  - {kode: 1083, navn: Region Syddanmark, slug: syddanmark}
kommuner:
  - kode: 101
    navn: København
    slug: koebenhavn
    team: "@videre-dk/kommune-koebenhavn"
    andre_navne: [Kbh]
    regioner:
      - {region: hovedstaden, gyldig_til: "2026-12-31"}
      - {region: oestdanmark, gyldig_fra: "2027-01-01"}
  - kode: 265
    navn: Roskilde
    slug: roskilde
    team: "@videre-dk/kommune-roskilde"
    regioner:
      - {region: oestdanmark, gyldig_fra: "2027-01-01"}
      - {region: sjaelland, gyldig_til: "2026-12-31"}
  - kode: 561
    navn: Esbjerg
    slug: esbjerg
    team: "@videre-dk/kommune-esbjerg"
    region: syddanmark
"""

HOVEDSTADEN = Region(1084, "Region Hovedstaden", "hovedstaden", ("Hovedstaden",), Period(None, D(2026, 12, 31)))
SJAELLAND = Region(1085, "Region Sjælland", "sjaelland", (), Period(None, D(2026, 12, 31)))
OESTDANMARK = Region(None, "Region Østdanmark", "oestdanmark", (), Period(D(2027, 1, 1), None))
SYDDANMARK = Region(1083, "Region Syddanmark", "syddanmark", (), ALWAYS)
EAST_FROM_2027 = Membership("oestdanmark", Period(D(2027, 1, 1), None))


LAST_DAY = D(2026, 12, 30)
"""The register's build date in these tests: the last day before Region Østdanmark."""


def build(text: str, today: dt.date = LAST_DAY):
    document, problems = parse(Path("kommuner.yaml"), text)
    assert problems == [] and document is not None
    return build_register(document, today)


def found(text: str, today: dt.date = LAST_DAY) -> list[tuple[int, int, str, str, str, str]]:
    _, problems = build(text, today)
    assert all(p.file == Path("kommuner.yaml") for p in problems)
    return [(p.line, p.column, p.field, p.rule, p.message, p.hint) for p in problems]


def test_every_value_of_the_register_is_kept():
    register, problems = build(REGISTER)
    assert problems == []
    assert register.day == D(2026, 12, 30)
    assert register.all_regions == (HOVEDSTADEN, SJAELLAND, OESTDANMARK, SYDDANMARK)
    assert register.regions == (HOVEDSTADEN, SJAELLAND, SYDDANMARK)
    assert register.municipalities == (
        Municipality(
            101,
            "København",
            "koebenhavn",
            "hovedstaden",
            "@videre-dk/kommune-koebenhavn",
            ("Kbh",),
            (Membership("hovedstaden", Period(None, D(2026, 12, 31))), EAST_FROM_2027),
        ),
        # Memberships are kept in the order of their periods, whatever the order in the file.
        Municipality(
            265,
            "Roskilde",
            "roskilde",
            "sjaelland",
            "@videre-dk/kommune-roskilde",
            (),
            (Membership("sjaelland", Period(None, D(2026, 12, 31))), EAST_FROM_2027),
        ),
        # One region always: no memberships, the region itself.
        Municipality(561, "Esbjerg", "esbjerg", "syddanmark", "@videre-dk/kommune-esbjerg", (), ()),
    )
    assert register.notices == (
        Notice(
            "oestdanmark",
            D(2027, 1, 1),
            Period(D(2026, 12, 1), D(2027, 3, 31)),
            "vejledning/sundhedsreform-2027/",
            ("Region Hovedstaden", "Region Sjælland"),
        ),
    )


def test_the_register_on_the_day_of_the_change():
    register, _ = build(REGISTER, D(2027, 1, 1))
    assert register.regions == (OESTDANMARK, SYDDANMARK)
    assert [(m.slug, m.region) for m in register.municipalities] == [
        ("koebenhavn", "oestdanmark"),
        ("roskilde", "oestdanmark"),
        ("esbjerg", "syddanmark"),
    ]


def test_the_register_moves_between_days_and_back():
    """A register on one day, moved to another, is the register on that day: the history stays with it."""
    on_the_last_day, _ = build(REGISTER)
    after = on_the_last_day.on(D(2027, 1, 2))
    assert (after.day, after.regions) == (D(2027, 1, 2), (OESTDANMARK, SYDDANMARK))
    back = after.on(D(2026, 12, 30))
    assert back.regions == (HOVEDSTADEN, SJAELLAND, SYDDANMARK)
    assert back.all_regions == (HOVEDSTADEN, SJAELLAND, OESTDANMARK, SYDDANMARK)
    assert [(m.slug, m.region) for m in back.municipalities] == [
        ("koebenhavn", "hovedstaden"),
        ("roskilde", "sjaelland"),
        ("esbjerg", "syddanmark"),
    ]


def test_a_register_without_a_day_gives_each_region_the_municipalities_that_name_it():
    esbjerg = Municipality(561, "Esbjerg", "esbjerg", "syddanmark", "@videre-dk/kommune-esbjerg", (), ())
    undated = Register((SYDDANMARK, OESTDANMARK), (esbjerg,))
    assert undated.area("syddanmark") == (esbjerg,)
    assert undated.area("oestdanmark") == ()


def test_the_register_schema_is_published_under_its_own_name():
    schema = register_schema()
    assert schema["$id"] == "https://videre.example.org/schemas/kommuner.schema.json"
    assert schema["title"] == "Kommuneregister"
    assert schema["description"] == "Danmarks regioner og kommuner, med datoer for ændringer."
    assert schema["required"] == ["regioner", "kommuner"]


def test_show_writes_open_ends_as_dots():
    assert show(Period(D(2027, 1, 1), None)) == "2027-01-01–…"
    assert show(Period(None, D(2026, 12, 31))) == "…–2026-12-31"
    assert show(ALWAYS) == "…–…"
    assert show(Period(D(2026, 1, 2), D(2026, 3, 4))) == "2026-01-02–2026-03-04"


def test_empty_register():
    assert empty() == Register((), ())


ONE_MUNICIPALITY = """\
kommuner:
  - kode: 561
    navn: Esbjerg
    slug: esbjerg
    team: "@videre-dk/kommune-esbjerg"
    region: syddanmark
"""


def _regions(*lines: str) -> str:
    return "regioner:\n" + "".join(f"  - {line}\n" for line in lines) + ONE_MUNICIPALITY


@pytest.mark.parametrize(
    "start, end, backwards",
    [
        ("2027-01-01", "2027-01-01", False),  # a region of one day
        ("2027-01-02", "2027-01-01", True),  # ends the day before it begins
    ],
)
def test_a_region_may_last_one_day_but_not_run_backwards(start, end, backwards):
    text = _regions(
        "{navn: Region Syddanmark, slug: syddanmark}",
        f'{{navn: Region Ny, slug: ny, gyldig_fra: "{start}", gyldig_til: "{end}"}}',
    )
    expected = [
        (
            3,
            71,
            "regioner[1].gyldig_til",
            "ugyldig-periode",
            f"regionen 'Region Ny' slutter ({end}) før den begynder ({start})",
            "ret datoerne, så 'gyldig_fra' kommer før 'gyldig_til'",
        )
    ]
    assert found(text) == (expected if backwards else [])


def test_duplicate_codes_slugs_and_names_of_regions():
    text = _regions(
        "{navn: Region A, slug: a}",
        "{navn: Region B, slug: b}",  # no code twice is no duplicate
        "{kode: 1083, navn: Region Syddanmark, slug: syddanmark}",
        "{kode: 1083, navn: Region Syddanmark, slug: syddanmark}",
    )
    hint = "hver region må kun stå én gang"
    assert found(text) == [
        (5, 12, "regioner[3].kode", "dublet-id", "'kode' 1083 findes allerede (regioner[2])", hint),
        (5, 49, "regioner[3].slug", "dublet-id", "'slug' syddanmark findes allerede (regioner[2])", hint),
        (5, 24, "regioner[3].navn", "dublet-id", "'navn' Region Syddanmark findes allerede (regioner[2])", hint),
    ]


def test_duplicate_municipalities_name_the_last_one_seen():
    text = _regions("{navn: Region Syddanmark, slug: syddanmark}") + "".join(
        f"  - {{kode: 561, navn: Esbjerg{i}, slug: esbjerg{i}, team: t, region: syddanmark}}\n" for i in (2, 3)
    )
    hint = "hver kommune må kun stå én gang"
    assert found(text) == [
        (9, 12, "kommuner[1].kode", "dublet-id", "'kode' 561 findes allerede (kommuner[0])", hint),
        (10, 12, "kommuner[2].kode", "dublet-id", "'kode' 561 findes allerede (kommuner[1])", hint),
    ]


def test_duplicate_slugs_and_names_of_municipalities():
    text = _regions("{navn: Region Syddanmark, slug: syddanmark}") + (
        "  - {kode: 562, navn: Esbjerg, slug: esbjerg, team: t, region: syddanmark}\n"
    )
    hint = "hver kommune må kun stå én gang"
    assert found(text) == [
        (9, 38, "kommuner[1].slug", "dublet-id", "'slug' esbjerg findes allerede (kommuner[0])", hint),
        (9, 23, "kommuner[1].navn", "dublet-id", "'navn' Esbjerg findes allerede (kommuner[0])", hint),
    ]


def _member(*periods: str, head: str = "{navn: Region Syddanmark, slug: syddanmark") -> str:
    return (
        f"regioner:\n  - {head}}}\n  - {{navn: Region Nord, slug: nord}}\nkommuner:\n"
        "  - kode: 561\n    navn: Esbjerg\n    slug: esbjerg\n    team: t\n    regioner:\n"
        + "".join(f"      - {p}\n" for p in periods)
    )


@pytest.mark.parametrize(
    "start, end, inside",
    [
        ("2026-01-01", "2026-12-31", True),  # the region's own days, to the day
        ("2025-12-31", "2026-12-31", False),  # one day before the region begins
        ("2026-01-01", "2027-01-01", False),  # one day after it ends
    ],
)
def test_a_membership_lies_within_its_region_to_the_day(start, end, inside):
    head = '{navn: Region Syddanmark, slug: syddanmark, gyldig_fra: "2026-01-01", gyldig_til: "2026-12-31"'
    text = _member(
        f'{{region: nord, gyldig_til: "{D.fromisoformat(start) - dt.timedelta(days=1)}"}}',
        f'{{region: syddanmark, gyldig_fra: "{start}", gyldig_til: "{end}"}}',
        f'{{region: nord, gyldig_fra: "{D.fromisoformat(end) + dt.timedelta(days=1)}"}}',
        head=head,
    )
    expected = [
        (
            11,
            18,
            "kommuner[0].regioner[1].region",
            "uden-for-periode",
            f"kommunen 'Esbjerg' ligger i 'syddanmark' i perioden {start}–{end}, men regionen findes kun i "
            "perioden 2026-01-01–2026-12-31",
            "ret kommunens datoer, så de ligger inden for regionens 'gyldig_fra' og 'gyldig_til'",
        )
    ]
    assert found(text) == ([] if inside else expected)


def test_a_membership_with_an_open_start_lies_outside_a_region_that_begins():
    head = '{navn: Region Syddanmark, slug: syddanmark, gyldig_fra: "2026-01-01"'
    text = _member("{region: syddanmark}", head=head)
    assert [rule for _, _, _, rule, _, _ in found(text)] == ["uden-for-periode"]


def test_the_first_period_must_be_open_at_the_start():
    text = _member(
        '{region: syddanmark, gyldig_fra: "2026-01-01", gyldig_til: "2026-12-31"}',
        '{region: nord, gyldig_fra: "2027-01-01"}',
    )
    assert found(text) == [
        (
            10,
            42,
            "kommuner[0].regioner[0].gyldig_fra",
            "uden-region",
            "kommunen 'Esbjerg' ligger ikke i nogen region før 2026-01-01",
            "slet 'gyldig_fra' i den første periode, så den gælder fra starten",
        )
    ]


def test_two_open_periods_overlap():
    text = _member("{region: syddanmark}", "{region: nord}")
    assert [(field, rule) for _, _, field, rule, _, _ in found(text)] == [
        ("kommuner[0].regioner[1].gyldig_fra", "overlappende-perioder")
    ]


def test_a_region_without_a_code_keeps_none():
    register, problems = build(_regions("{navn: Region Syddanmark, slug: syddanmark}"))
    assert problems == [] and register.region("syddanmark").code is None


NOTICE_HEAD = """\
regioner:
  - {navn: Region Syddanmark, slug: syddanmark, gyldig_til: "2026-12-31"}
  - navn: Region Ny
    slug: ny
"""
ESBJERG_MOVES = """\
kommuner:
  - kode: 561
    navn: Esbjerg
    slug: esbjerg
    team: t
    regioner:
      - {region: syddanmark, gyldig_til: "2026-12-31"}
      - {region: ny, gyldig_fra: "2027-01-01"}
"""


@pytest.mark.parametrize(
    "shown_from, shown_to, backwards",
    [
        ("2026-12-01", "2026-12-01", False),  # shown for one day
        ("2026-12-02", "2026-12-01", True),  # stops the day before it starts
    ],
)
def test_a_notice_may_show_for_one_day_but_not_backwards(shown_from, shown_to, backwards):
    text = (
        NOTICE_HEAD + '    gyldig_fra: "2027-01-01"\n'
        f'    varsel: {{vis_fra: "{shown_from}", vis_til: "{shown_to}", vejledning: v/}}\n' + ESBJERG_MOVES
    )
    register, problems = build(text)
    if backwards:
        assert [(p.line, p.field, p.rule, p.message, p.hint) for p in problems] == [
            (
                6,
                "regioner[1].varsel.vis_til",
                "ugyldig-periode",
                "varslet for 'Region Ny' holder op (2026-12-01) før det begynder (2026-12-02)",
                "ret datoerne, så 'vis_fra' kommer før 'vis_til'",
            )
        ]
        assert register.notices == ()
    else:
        assert problems == []
        assert register.notices == (
            Notice("ny", D(2027, 1, 1), Period(D(2026, 12, 1), D(2026, 12, 1)), "v/", ("Region Syddanmark",)),
        )


def test_a_notice_needs_the_day_its_region_begins():
    text = (
        NOTICE_HEAD
        + '    varsel: {vis_fra: "2026-12-01", vis_til: "2027-03-31", vejledning: v/}\n'
        + ONE_MUNICIPALITY.replace("region: syddanmark", "region: ny")
    )
    register, problems = build(text)
    assert [(p.line, p.field, p.rule, p.message, p.hint) for p in problems] == [
        (
            5,
            "regioner[1].varsel",
            "mangler-felt",
            "regionen 'Region Ny' har et varsel, men ingen 'gyldig_fra'",
            "skriv den dag, regionen begynder, i 'gyldig_fra'; varslet handler om den dag",
        )
    ]
    assert register.notices == ()


@pytest.mark.parametrize(
    "periods",
    [
        ('{region: syddanmark, gyldig_til: "2026-12-31"}', '{region: nordd, gyldig_fra: "2027-01-01"}'),  # unknown
        ('{region: syddanmark, gyldig_fra: "2026-01-02", gyldig_til: "2026-01-01"}',),  # backwards
        ("{region: syddanmark}", '{region: nord, gyldig_fra: "2027-01-01"}'),  # overlap
        ('{region: syddanmark, gyldig_til: "2026-12-31"}', "{region: nord}"),  # overlap
        ('{region: syddanmark, gyldig_til: "2026-12-31"}', '{region: nord, gyldig_fra: "2027-01-02"}'),  # a gap
        ('{region: syddanmark, gyldig_fra: "2026-01-01"}',),  # open start
        ('{region: syddanmark, gyldig_til: "2026-01-01"}',),  # open end
    ],
)
def test_a_municipality_with_a_broken_period_is_in_no_region(periods):
    register, problems = build(_member(*periods))
    assert len(problems) == 1
    [esbjerg] = register.municipalities
    assert (esbjerg.region, esbjerg.memberships) == ("", ())


def test_a_membership_outside_its_regions_lifetime_leaves_no_region():
    head = '{navn: Region Syddanmark, slug: syddanmark, gyldig_fra: "2026-01-01"'
    register, problems = build(_member("{region: syddanmark}", head=head))
    assert [p.rule for p in problems] == ["uden-for-periode"]
    [esbjerg] = register.municipalities
    assert (esbjerg.region, esbjerg.memberships) == ("", ())


def test_a_broken_notice_does_not_stop_the_next_one():
    text = (
        'regioner:\n  - {navn: Region Syddanmark, slug: syddanmark, gyldig_til: "2026-12-31"}\n'
        '  - {navn: Region A, slug: a, varsel: {vis_fra: "2026-12-01", vis_til: "2027-01-31", vejledning: v/}}\n'
        '  - {navn: Region B, slug: b, gyldig_fra: "2027-01-01", '
        'varsel: {vis_fra: "2026-12-02", vis_til: "2026-12-01", vejledning: v/}}\n'
        '  - {navn: Region Ny, slug: ny, gyldig_fra: "2027-01-01", '
        'varsel: {vis_fra: "2026-12-01", vis_til: "2027-01-31", vejledning: v/}}\n' + ESBJERG_MOVES
    )
    register, problems = build(text)
    assert [(p.field, p.rule) for p in problems] == [
        ("regioner[1].varsel", "mangler-felt"),
        ("regioner[2].varsel.vis_til", "ugyldig-periode"),
    ]
    assert [n.region for n in register.notices] == ["ny"]
