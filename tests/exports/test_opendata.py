"""The open data as a public contract: the CSV header and a full row, the JSON keys and the directory's keys.

People download offers.csv and offers.json and build on their columns and keys. Every name and value here is
written out by hand, not taken from the exporter, so a renamed, dropped, added or reordered column fails."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.helpers.records import GOOD_OFFER, SOURCE_URL, as_sourced
from tests.helpers.site import write_tree
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.exports import opendata

TODAY = dt.date(2026, 11, 23)
OPTIONS = SiteOptions(today=TODAY)

CSV_HEADER = [
    "id",
    "url",
    "udbyder_type",
    "udbyder",
    "titel",
    "type",
    "beskrivelse",
    "alder_fra",
    "alder_til",
    "problemer",
    "for_paaroerende",
    "indhold",
    "form",
    "henvisning",
    "hjemmel",
    "sted",
    "åbningstider",
    "pris",
    "sprog",
    "link",
    "kontakt_rolle",
    "kontakt_telefon",
    "kontakt_email",
    "kontakt_sikker_post",
    "dækning",
    "status",
    "sidst_bekræftet",
    "bekræftet_af",
    "eksempel",
    "kilde_url",
    "kilde_læst",
    "kilde_sidens_dato",
]

# A sourced offer whose page shows no date: the optional cells stay empty, never 'None'.
SOURCED_WITHOUT_PAGE_DATE = as_sourced(GOOD_OFFER, SOURCE_URL, "2026-11-20").replace(
    "henvisning: [gop]", "henvisning: [gop]\nhjemmel: sundhedsloven-140"
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = write_tree(
        tmp_path_factory.mktemp("data") / "data", {"offers/esbjerg/genoptraening.yaml": SOURCED_WITHOUT_PAGE_DATE}
    )
    result = load_catalog(root, today=TODAY)
    assert result.errors == [], result.errors
    return result.catalog


def test_the_csv_header_is_the_published_one():
    assert list(opendata.CSV_COLUMNS) == CSV_HEADER


def test_one_full_csv_row(catalog):
    rows = list(csv.reader(io.StringIO(opendata.offers_csv(catalog, OPTIONS))))
    assert rows[0] == CSV_HEADER
    assert dict(zip(rows[0], rows[1])) == {
        "id": "esbjerg/genoptraening",
        "url": "tilbud/esbjerg/genoptraening/",
        "udbyder_type": "kommune",
        "udbyder": "esbjerg",
        "titel": "Genoptræning efter indlæggelse",
        "type": "genoptraening",
        "beskrivelse": "Du træner med en ergoterapeut hjemme eller udendørs.",
        "alder_fra": "18",
        "alder_til": "120",
        "problemer": "angst|depression",
        "for_paaroerende": "nej",
        "indhold": "",
        "form": "hjemme|udendoers",
        "henvisning": "gop",
        "hjemmel": "sundhedsloven-140",
        "sted": "",
        "åbningstider": "",
        "pris": "",
        "sprog": "da",
        "link": "",
        "kontakt_rolle": "Visitator",
        "kontakt_telefon": "",
        "kontakt_email": "genoptraening@esbjerg.example.org",
        "kontakt_sikker_post": "",
        "dækning": "esbjerg",
        "status": "kilde",
        "sidst_bekræftet": "",
        "bekræftet_af": "",
        "eksempel": "nej",
        "kilde_url": SOURCE_URL,
        "kilde_læst": "2026-11-20",
        "kilde_sidens_dato": "",
    }
    assert len(rows) == 2


def test_the_json_keys_and_the_state(catalog):
    [offer] = json.loads(opendata.offers_json(catalog, OPTIONS))["tilbud"]
    assert list(offer) == [
        "id",
        "url",
        "udbyder_type",
        "udbyder",
        "titel",
        "andre_navne",
        "type",
        "beskrivelse",
        "målgruppe",
        "indhold",
        "form",
        "henvisning",
        "hjemmel",
        "sådan_henviser_du",
        "sted",
        "åbningstider",
        "pris",
        "sprog",
        "tilgængelighed",
        "link",
        "kontakt",
        "dækning",
        "kommuner",
        "status",
        "sidst_bekræftet",
        "eksempel",
        "kilde",
    ]
    assert offer["status"] == "kilde" and offer["sidst_bekræftet"] is None and offer["eksempel"] is False
    assert offer["kilde"] == {"url": SOURCE_URL, "læst": "2026-11-20", "sidens_dato": None}
    assert offer["kommuner"] == ["esbjerg"]


def test_the_directory_keys(catalog):
    [offer] = json.loads(opendata.directory_json(catalog, OPTIONS))["tilbud"]
    assert sorted(offer) == sorted(["t", "k", "e", "u", "d", "a", "p", "f", "h", "x", "r", "c", "q", "b"])
    assert (offer["x"], offer["q"], offer["r"]) == (0, "Fra kommunens hjemmeside – ikke bekræftet", 0)
    assert offer["c"] == ["Visitator", "", "genoptraening@esbjerg.example.org"]


def test_the_directory_says_which_key_holds_which_field(catalog):
    """The browser reads the offers by the header, so every key is explained and the filters keep their query
    names (links with ?problem=… and ?henvisning=… stay valid) and their order on the page."""
    data = json.loads(opendata.directory_json(catalog, OPTIONS))
    [offer] = data["tilbud"]
    keys = data["noegler"]
    assert sorted(keys.values()) == sorted(offer) and len(set(keys.values())) == len(keys)
    assert list(data["filtre"].items()) == [
        ("alder", "age_groups"),
        ("problem", "problems"),
        ("type", "kind"),
        ("form", "modes"),
        ("henvisning", "routes"),
    ]
    assert (offer[keys["routes"]], offer[keys["kind"]], offer[keys["age_groups"]]) == (
        ["gop"],
        "genoptraening",
        ["unge-voksne", "voksne", "aeldre"],
    )


def test_the_hsds_fields_of_one_sourced_service(catalog):
    from videre.exports import hsds

    packages = hsds.export(catalog, OPTIONS)
    [service] = packages["services"]
    assert list(service) == [
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "eligibility_description",
        "minimum_age",
        "service_areas",
        "languages",
        "contacts",
        "attributes",
        "organization",
    ]
    assert "assured_date" not in service  # read from a page, so nobody has assured it
    assert (service["name"], service["status"], service["minimum_age"], service["application_process"]) == (
        "Genoptræning efter indlæggelse",
        "active",
        18,
        "Genoptræningsplan (GOP) fra sygehuset.",
    )
    assert service["url"] == "https://videre.example.org/tilbud/esbjerg/genoptraening/"
    assert sorted((a["taxonomy_term"]["taxonomy"], a["value"]) for a in service["attributes"]) == [
        ("Videre: form", "hjemme"),
        ("Videre: form", "udendoers"),
        ("Videre: henvisning", "gop"),
        ("Videre: hjemmel", "sundhedsloven-140"),
        ("Videre: problemer", "angst"),
        ("Videre: problemer", "depression"),
        ("Videre: status", "kilde"),
        ("Videre: type tilbud", "genoptraening"),
    ]
    assert list(service["contacts"][0]) == ["id", "service_id", "title", "email"]
    assert list(service["organization"]) == ["id", "name", "description", "uri", "organization_identifiers"]


WORDS_159 = " ".join(["ordnummer"] * 16)  # 16 words of 9 letters and 15 spaces: 159 characters


def _with_description(text: str, description: str) -> str:
    return text.replace("  Du træner med en **ergoterapeut** hjemme eller udendørs.", "  " + description)


@pytest.fixture(scope="module")
def several(tmp_path_factory):
    """Five offers, one of each place in the directory's order, and two descriptions at the summary's edge."""
    from tests.helpers.records import EXAMPLE_OFFER, GOOD_PARTNER, GOOD_PARTNER_OFFER

    root = write_tree(
        tmp_path_factory.mktemp("directory") / "data",
        {
            "offers/varde/genoptraening.yaml": _with_description(GOOD_OFFER, WORDS_159 + "x"),  # 160: kept whole
            "offers/esbjerg/genoptraening.yaml": _with_description(GOOD_OFFER, WORDS_159 + "xy"),  # 161: cut
            "offers/esbjerg/eksempel.yaml": EXAMPLE_OFFER.replace("type: genoptraening", "type: samvaer").replace(
                "titel: Genoptræning efter indlæggelse", "titel: Et eksempel"
            ),
            "partners/test.yaml": GOOD_PARTNER,
            "partners/test/gaatur.yaml": GOOD_PARTNER_OFFER.replace("målgruppe:\n", "målgruppe:\n  pårørende: true\n"),
            "offers/aabenraa/kilde.yaml": SOURCED_WITHOUT_PAGE_DATE,
        },
    )
    result = load_catalog(root, today=TODAY)
    assert result.errors == [], result.errors
    return result.catalog


@pytest.fixture()
def directory(several):
    """Made anew for every test (not once per module), so that each test calls the exporter itself."""
    return json.loads(opendata.directory_json(several, OPTIONS))


def test_the_directory_is_compact_utf8_json_on_one_line(several):
    raw = opendata.directory_json(several, OPTIONS)
    assert raw.startswith('{"filtre":{"alder":"age_groups",') and raw.endswith("]}\n") and raw.count("\n") == 1
    assert ',"regioner":{"nordjylland":["' in raw
    assert '"aeroe":"Ærø"' in raw and ", " not in raw.split('"tilbud"')[0]


def test_the_csv_ends_its_lines_with_a_line_feed(several):
    text = opendata.offers_csv(several, OPTIONS)
    assert text.startswith("id,url,udbyder_type,udbyder,titel,type,") and "\r" not in text
    assert text.count("\n") == 6 and text.endswith("\n")


def test_the_exports_list_offers_by_id(several):
    ids = ["aabenraa/kilde", "esbjerg/eksempel", "esbjerg/genoptraening", "test/gaatur", "varde/genoptraening"]
    assert [o["id"] for o in json.loads(opendata.offers_json(several, OPTIONS))["tilbud"]] == ids
    assert [row[0] for row in csv.reader(io.StringIO(opendata.offers_csv(several, OPTIONS)))][1:] == ids


def test_the_directory_lists_real_municipal_offers_first_then_partners_then_examples(directory):
    assert [(o["u"], o["e"], o["x"]) for o in directory["tilbud"]] == [
        ("tilbud/aabenraa/kilde/", "Aabenraa Kommune", 0),
        ("tilbud/esbjerg/genoptraening/", "Esbjerg Kommune", 0),
        ("tilbud/varde/genoptraening/", "Varde Kommune", 0),
        ("tilbud/test/gaatur/", "Test", 0),  # a partner by its short name
        ("tilbud/esbjerg/eksempel/", "Esbjerg Kommune", 1),
    ]


def test_one_full_directory_entry(directory):
    sourced, esbjerg, varde, partner = directory["tilbud"][:4]
    assert sourced["q"] == "Fra kommunens hjemmeside – ikke bekræftet"
    assert esbjerg == {
        "t": "Genoptræning efter indlæggelse",
        "k": "genoptraening",
        "e": "Esbjerg Kommune",
        "u": "tilbud/esbjerg/genoptraening/",
        "d": ["esbjerg"],
        "a": ["unge-voksne", "voksne", "aeldre"],
        "p": ["angst", "depression"],
        "f": ["hjemme", "udendoers"],
        "h": ["gop"],
        "x": 0,
        "r": 0,
        "c": ["Visitator", "", "genoptraening@esbjerg.example.org"],
        "q": "",
        # 161 characters: cut at the last whole word within 157, then a space and an ellipsis.
        "b": " ".join(["ordnummer"] * 15) + " …",
    }
    assert varde["b"] == WORDS_159 + "x"  # 160 characters: whole
    assert (partner["d"], partner["r"], partner["k"]) == (["varde", "region-nordjylland"], 1, "samvaer")


def test_the_directory_names_every_municipality_and_every_region_with_its_area(directory):
    assert len(directory["kommuner"]) == 98
    assert directory["kommuner"]["aeroe"] == "Ærø"
    assert list(directory["regioner"]) == [
        "nordjylland",
        "midtjylland",
        "syddanmark",
        "hovedstaden",
        "sjaelland",
        "oestdanmark",
    ]
    assert len(directory["regioner"]["nordjylland"]) == 11 and "aalborg" in directory["regioner"]["nordjylland"]
    assert len(directory["regioner"]["oestdanmark"]) == 46  # before it begins: its area on its first day
    assert "koebenhavn" in directory["regioner"]["oestdanmark"]
    assert list(directory) == ["filtre", "noegler", "regioner", "kommuner", "tilbud"]


def test_the_json_export_carries_the_schema_version(catalog):
    payload = json.loads(opendata.offers_json(catalog, OPTIONS))
    assert list(payload) == ["schema_version", "tilbud"]
    assert payload["schema_version"] == "1.0"


def test_an_owner_the_catalog_cannot_name_is_shown_by_its_slug(several):
    """The directory names the owner from the register and the partner list; an owner missing from them (a
    partial catalog) is shown by its slug, never as 'None'."""
    from dataclasses import replace

    register = replace(
        several.register, municipalities=tuple(m for m in several.register.municipalities if m.slug != "varde")
    )
    partial = replace(several, partners=(), register=register)
    offers = json.loads(opendata.directory_json(partial, OPTIONS))["tilbud"]
    assert [(o["u"], o["e"]) for o in offers] == [
        ("tilbud/aabenraa/kilde/", "Aabenraa Kommune"),
        ("tilbud/esbjerg/genoptraening/", "Esbjerg Kommune"),
        ("tilbud/varde/genoptraening/", "varde Kommune"),
        ("tilbud/test/gaatur/", "test"),
        ("tilbud/esbjerg/eksempel/", "Esbjerg Kommune"),
    ]
