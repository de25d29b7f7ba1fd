"""The municipality register is a fact: 98 municipalities in 5 regions, with official codes."""

import datetime as dt
from collections import Counter

from tests.helpers.site import DATA
from videre.catalog.load import load_register


def register():
    reg, problems, _ = load_register(DATA / "kommuner.yaml", dt.date(2026, 11, 23))
    assert problems == []
    return reg


def test_98_municipalities_in_5_regions():
    reg = register()
    assert len(reg.municipalities) == 98
    assert {r.code: r.name for r in reg.regions} == {
        1081: "Region Nordjylland",
        1082: "Region Midtjylland",
        1083: "Region Syddanmark",
        1084: "Region Hovedstaden",
        1085: "Region Sjælland",
    }
    assert Counter(m.region for m in reg.municipalities) == {
        "hovedstaden": 29,
        "sjaelland": 17,
        "syddanmark": 22,
        "midtjylland": 19,
        "nordjylland": 11,
    }


def test_codes_names_and_slugs_are_unique_and_official():
    reg = register()
    assert len({m.code for m in reg.municipalities}) == 98
    assert len({m.slug for m in reg.municipalities}) == 98
    known = {
        101: ("København", "hovedstaden"),
        147: ("Frederiksberg", "hovedstaden"),
        400: ("Bornholm", "hovedstaden"),
        461: ("Odense", "syddanmark"),
        492: ("Ærø", "syddanmark"),
        561: ("Esbjerg", "syddanmark"),
        563: ("Fanø", "syddanmark"),
        580: ("Aabenraa", "syddanmark"),
        630: ("Vejle", "syddanmark"),
        751: ("Aarhus", "midtjylland"),
        741: ("Samsø", "midtjylland"),
        851: ("Aalborg", "nordjylland"),
        825: ("Læsø", "nordjylland"),
        360: ("Lolland", "sjaelland"),
        265: ("Roskilde", "sjaelland"),
        169: ("Høje-Taastrup", "hovedstaden"),
        607: ("Fredericia", "syddanmark"),
        615: ("Horsens", "midtjylland"),
    }
    by_code = {m.code: (m.name, m.region) for m in reg.municipalities}
    for code, expected in known.items():
        assert by_code[code] == expected


def test_region_syddanmark_has_its_22_municipalities():
    names = {m.name for m in register().in_region("syddanmark")}
    assert names == {
        "Middelfart",
        "Assens",
        "Faaborg-Midtfyn",
        "Kerteminde",
        "Nyborg",
        "Odense",
        "Svendborg",
        "Nordfyns",
        "Langeland",
        "Ærø",
        "Haderslev",
        "Billund",
        "Sønderborg",
        "Tønder",
        "Esbjerg",
        "Fanø",
        "Varde",
        "Vejen",
        "Aabenraa",
        "Fredericia",
        "Kolding",
        "Vejle",
    }


def test_slugs_transliterate_danish_letters():
    slugs = {m.name: m.slug for m in register().municipalities}
    assert slugs["Ærø"] == "aeroe"
    assert slugs["København"] == "koebenhavn"
    assert slugs["Høje-Taastrup"] == "hoeje-taastrup"
    assert slugs["Tårnby"] == "taarnby"
