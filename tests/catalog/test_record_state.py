"""The third state of a record: read from a public page (``kilde: {url, læst, sidens_dato}``), not confirmed.

Each rule is tested at its edge, the page and the exports are read as a user or another system reads them,
and the coverage page is checked against counts made here from the YAML files, not by the code under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.helpers.contrib import project, videre
from tests.helpers.records import (
    GOOD_CONTACTS,
    GOOD_OFFER,
    GOOD_PARTNER_OFFER,
    SOURCE_URL,
    SOURCED_CONTACTS,
    SOURCED_OFFER,
    SOURCED_PARTNER,
    as_example,
    as_sourced,
)
from tests.helpers.site import DATA, write_tree
from videre import site
from videre.catalog import freshness
from videre.catalog.load import load_catalog
from videre.core import vocab
from videre.core.model import record_state
from videre.core.options import SiteOptions
from videre.exports import hsds, opendata
from videre.pages.coverage import coverage_page

TODAY = dt.date(2026, 12, 6)
TOMORROW = "2026-12-07"

FILES = {
    "offers/esbjerg/fra-hjemmesiden.yaml": SOURCED_OFFER,
    "offers/esbjerg/bekraeftet.yaml": GOOD_OFFER.replace("type: genoptraening", "type: samvaer").replace(
        "titel: Genoptræning efter indlæggelse", "titel: Bekræftet gåtur"
    ),
    "offers/esbjerg/eksempel.yaml": as_example(GOOD_OFFER).replace(
        "titel: Genoptræning efter indlæggelse", "titel: Eksempel på genoptræning"
    ),
    "offers/esbjerg/eksempel-job.yaml": as_example(GOOD_OFFER)
    .replace("type: genoptraening", "type: beskaeftigelse")
    .replace("titel: Genoptræning efter indlæggelse", "titel: Eksempel på job"),
    "offers/varde/eksempel.yaml": as_example(GOOD_OFFER),
    "contacts/kommuner/esbjerg.yaml": SOURCED_CONTACTS,
    "contacts/kommuner/varde.yaml": as_example(GOOD_CONTACTS),
    "contacts/kommuner/fanoe.yaml": GOOD_CONTACTS,
    "partners/test.yaml": SOURCED_PARTNER,
    "partners/test/gaatur.yaml": GOOD_PARTNER_OFFER,
}


def load(files: dict[str, str], tmp_path: Path, today: dt.date = TODAY):
    return load_catalog(write_tree(tmp_path / "data", files), today=today)


def problems(text: str, tmp_path: Path, today: dt.date = TODAY) -> list[tuple[int, str, str, str, str]]:
    result = load({"offers/esbjerg/a.yaml": text}, tmp_path, today)
    return [(p.line, p.field, p.rule, p.message, p.hint) for p in result.problems]


def sourced(read: str = "2026-12-06", page_date: str | None = None, url: str = SOURCE_URL) -> str:
    return as_sourced(GOOD_OFFER, url, read, page_date)


# ---------------------------------------------------------------- validation, each rule at its edge


def test_a_sourced_record_is_valid_and_in_the_sourced_state(tmp_path):
    result = load({"offers/esbjerg/a.yaml": sourced("2026-12-06", "2026-12-06")}, tmp_path)
    assert result.problems == []
    [offer] = result.catalog.offers
    assert record_state(offer) == vocab.STATE_SOURCED and offer.verified is None and not offer.example
    assert (offer.source.url, offer.source.read, offer.source.page_date) == (SOURCE_URL, TODAY, TODAY)


def test_read_today_is_allowed_and_tomorrow_is_not(tmp_path):
    assert problems(sourced("2026-12-06"), tmp_path / "a") == []
    assert problems(sourced(TOMORROW), tmp_path / "b") == [
        (
            15,
            "kilde.læst",
            "fremtidig-dato",
            "'kilde.læst' ligger i fremtiden (2026-12-07, og i dag er 2026-12-06)",
            "skriv den dag, du læste siden",
        )
    ]


def test_the_page_date_may_equal_the_day_read_but_not_follow_it(tmp_path):
    assert problems(sourced("2026-12-01", "2026-12-01"), tmp_path / "a") == []
    assert problems(sourced("2026-12-01", "2026-12-02"), tmp_path / "b") == [
        (
            16,
            "kilde.sidens_dato",
            "dato-efter",
            "'kilde.sidens_dato' (2026-12-02) ligger efter 'kilde.læst' (2026-12-01)",
            "'sidens_dato' kan ikke være senere end 'læst'; tjek begge datoer",
        )
    ]


def test_the_source_address_must_be_https(tmp_path):
    assert problems(sourced(url="http://www.esbjerg.example.org/side"), tmp_path) == [
        (
            14,
            "kilde.url",
            "ugyldig-link",
            "'kilde.url' skal starte med 'https://', men starter med 'http:'",
            "skriv hele adressen med 'https://' foran",
        )
    ]


def test_every_record_is_in_exactly_one_state(tmp_path):
    neither = GOOD_OFFER.replace('sidst_bekræftet:\n  dato: "2026-10-01"\n  af: Træning og Rehabilitering\n', "")
    [(_, field, rule, message, hint)] = problems(neither, tmp_path / "a")
    assert (field, rule) == ("", "mangler-felt")
    assert message == (
        "påkrævet felt 'kilde' mangler, fordi posten ikke har 'eksempel: true' og ikke har 'sidst_bekræftet'"
    )
    assert "kilde: {url: https://" in hint and "sidst_bekræftet" in hint and "eksempel: true" in hint
    # A text source is an example's note: a record that is neither example nor confirmed must name the page.
    [(line, field, rule, message, _)] = problems(
        neither.replace("eksempel: false\n", "kilde: Kommunens side\n"), tmp_path / "b"
    )
    assert (line, field, rule, message) == (
        13,
        "kilde",
        "forkert-type",
        "'kilde' skal være en gruppe af felter, men er 'Kommunens side'",
    )
    # An example has no source address: it would be a sourced record that says it is made up.
    example = as_example(GOOD_OFFER) + f'kilde:\n  url: {SOURCE_URL}\n  læst: "2026-12-01"\n'
    [(line, field, rule, message, hint)] = problems(example, tmp_path / "c")
    assert (field, rule, message) == ("kilde", "forkert-type", "'kilde' skal være tekst, men er en gruppe af felter")
    assert "slet 'eksempel: true'" in hint
    # Confirmed stays confirmed: a source may stay beside the confirmation, as a page or as a note.
    assert problems(GOOD_OFFER + f'kilde:\n  url: {SOURCE_URL}\n  læst: "2026-12-01"\n', tmp_path / "d") == []
    assert problems(GOOD_OFFER + "kilde: Kommunens hjemmeside\n", tmp_path / "e") == []
    # An example with a confirmation is still an error, as before.
    assert [
        p[2]
        for p in problems(as_example(GOOD_OFFER) + 'sidst_bekræftet: {dato: "2026-10-01", af: A}\n', tmp_path / "f")
    ] == ["ikke-tilladt"]


def test_every_sourced_record_in_the_data_is_https_read_by_today_and_dated_no_later_than_read():
    """Read from the YAML files themselves, not through the loader."""
    today = dt.date.today()
    found = 0
    confirmable = ("offers/*/*.yaml", "partners/*.yaml", "partners/*/*.yaml", "contacts/*/*.yaml", "screens/*.yaml")
    for path in sorted(p for pattern in confirmable for p in DATA.glob(pattern)):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("kilde"), dict):
            continue
        if "sidst_bekræftet" in record or record.get("eksempel") is True:
            continue
        found += 1
        source = record["kilde"]
        assert source["url"].startswith("https://"), path
        read = dt.date.fromisoformat(source["læst"])
        assert read <= today, path
        if "sidens_dato" in source:
            assert dt.date.fromisoformat(source["sidens_dato"]) <= read, path
    assert found >= 7  # the six associations and Nyborg's genoptræning, at least


# ---------------------------------------------------------------- the pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    catalog = load_catalog(write_tree(tmp_path_factory.mktemp("tilstand") / "data", FILES), today=TODAY).catalog
    return {p.src_uri: p.markdown for p in site.build_pages(catalog, SiteOptions(today=TODAY))}


def test_a_sourced_offer_page_shows_its_source_both_dates_and_no_confirmation(pages):
    page = pages["tilbud/esbjerg/fra-hjemmesiden.md"]
    assert '<span class="videre-maerke videre-maerke--offentlig"' in page
    assert "Fra kommunens hjemmeside – ikke bekræftet" in page
    assert f'Kilde: <a href="{SOURCE_URL}">www.esbjerg.example.org</a>' in page
    assert "Læst 20. november 2026" in page and "Sidens dato 4. marts 2025" in page
    assert "Sidst bekræftet" not in page
    assert vocab.EXAMPLE_BADGE not in page


def test_a_sourced_record_invites_its_owner_to_confirm_it(pages):
    page = pages["tilbud/esbjerg/fra-hjemmesiden.md"]
    assert "Arbejder du i kommunen? Bekræft eller ret oplysningerne" in page
    assert 'href="../../../redaktion/#/collections/tilbud-esbjerg/entries/fra-hjemmesiden"' in page
    assert 'href="../../../bidrag/#ret-et-tilbud-i-yaml-paa-github"' in page
    partner = pages["partnere/test.md"]
    assert "Fra foreningens hjemmeside – ikke bekræftet" in partner and "Arbejder du i foreningen?" in partner
    assert 'href="../../redaktion/#/collections/foreninger/entries/test"' in partner
    # Confirmed records and examples get no invitation.
    assert "Arbejder du i" not in pages["tilbud/esbjerg/bekraeftet.md"]
    assert "Arbejder du i" not in pages["tilbud/esbjerg/eksempel-job.md"]


def test_sourced_municipal_contacts_show_the_badge_and_never_sidst_bekraeftet(pages):
    page = pages["kommuner/esbjerg.md"]
    box = page.split('id="gop-modtager"', 1)[1].split("## Nøglepersoner i kommunen", 1)[0]  # the next section
    assert "Fra kommunens hjemmeside – ikke bekræftet" in box and "Læst 20. november 2026" in box
    assert "Sidst bekræftet" not in box
    assert 'href="../../redaktion/#/collections/kommunekontakter/entries/esbjerg"' in box
    assert "Sidst bekræftet 1. oktober 2026" in pages["kommuner/fanoe.md"]


def test_real_records_come_first_and_examples_follow_under_their_own_heading(pages):
    page = pages["kommuner/esbjerg.md"]
    real, examples = page.split("## Eksempler { #eksempler }", 1)
    assert 'id="esbjerg--fra-hjemmesiden"' in real and 'id="esbjerg--bekraeftet"' in real
    assert 'id="esbjerg--eksempel-job"' in examples and 'id="esbjerg--eksempel-job"' not in real
    # An example of the same type as a real offer of the same owner is left out; it has no page either.
    assert 'esbjerg--eksempel"' not in page and "tilbud/esbjerg/eksempel.md" not in pages
    # Where no real record exists, the example stays (with its badge, after the heading).
    varde = pages["kommuner/varde.md"]
    assert 'id="varde--eksempel"' in varde.split("## Eksempler { #eksempler }", 1)[1]
    assert "tilbud/varde/eksempel.md" in pages


# ---------------------------------------------------------------- the exports


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return load_catalog(write_tree(tmp_path_factory.mktemp("eksport") / "data", FILES), today=TODAY).catalog


def test_csv_and_json_carry_the_state_and_the_source(catalog):
    options = SiteOptions(today=TODAY)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(opendata.offers_csv(catalog, options)))}
    assert {
        k: rows["esbjerg/fra-hjemmesiden"][k]
        for k in ("status", "sidst_bekræftet", "eksempel", "kilde_url", "kilde_læst", "kilde_sidens_dato")
    } == {
        "status": "kilde",
        "sidst_bekræftet": "",
        "eksempel": "nej",
        "kilde_url": SOURCE_URL,
        "kilde_læst": "2026-11-20",
        "kilde_sidens_dato": "2025-03-04",
    }
    assert (rows["esbjerg/bekraeftet"]["status"], rows["esbjerg/bekraeftet"]["kilde_url"]) == ("bekraeftet", "")
    assert rows["varde/eksempel"]["status"] == "eksempel"
    offers = {o["id"]: o for o in json.loads(opendata.offers_json(catalog, options))["tilbud"]}
    sourced = offers["esbjerg/fra-hjemmesiden"]
    assert (sourced["status"], sourced["sidst_bekræftet"], sourced["eksempel"]) == ("kilde", None, False)
    assert sourced["kilde"] == {"url": SOURCE_URL, "læst": "2026-11-20", "sidens_dato": "2025-03-04"}
    assert list(sourced)[-4:] == ["status", "sidst_bekræftet", "eksempel", "kilde"]
    assert offers["varde/eksempel"]["status"] == "eksempel"


def test_hsds_gives_a_sourced_offer_no_assured_date_and_the_status_kilde(catalog):
    services = {s["id"]: s for s in hsds.export(catalog, SiteOptions(today=TODAY))["services"]}
    sourced = services[hsds.uid("service", "esbjerg/fra-hjemmesiden")]
    confirmed = services[hsds.uid("service", "esbjerg/bekraeftet")]
    assert "assured_date" not in sourced and confirmed["assured_date"] == "2026-10-01"
    status = {a["value"] for a in sourced["attributes"] if a["taxonomy_term"]["taxonomy"] == "Videre: status"}
    assert status == {"kilde"}
    assert not [a for a in confirmed["attributes"] if a["taxonomy_term"]["taxonomy"] == "Videre: status"]


# ---------------------------------------------------------------- freshness and the review list


@pytest.mark.parametrize(
    "today, state, warning",
    [
        (dt.date(2027, 11, 19), freshness.OK, ""),
        (dt.date(2027, 11, 20), freshness.DUE, "Kilden er læst for over 12 måneder siden"),
        (dt.date(2028, 11, 20), freshness.UNCONFIRMED, "Kilden er læst for over 24 måneder siden"),
    ],
)
def test_a_reading_ages_like_a_confirmation(today, state, warning):
    fresh = freshness.assess(dt.date(2026, 11, 20), today, 12, sourced=True)
    assert (fresh.state, fresh.warning) == (state, warning)


def test_a_page_dated_over_three_years_back_warns_but_never_moves_the_record():
    read, page_date = dt.date(2026, 11, 20), dt.date(2023, 12, 6)
    assert freshness.assess(read, dt.date(2026, 12, 5), 12, sourced=True, page_date=page_date).state == freshness.OK
    on_the_day = freshness.assess(read, TODAY, 12, sourced=True, page_date=page_date)
    assert (on_the_day.state, on_the_day.warning) == (freshness.DUE, "Kilden er over 3 år gammel")
    later = freshness.assess(dt.date(2027, 6, 1), dt.date(2027, 12, 1), 12, sourced=True, page_date=page_date)
    assert later.state == freshness.DUE  # old page alone: a warning, not the 'Ikke bekræftet' section


def test_the_validator_warns_of_an_old_page_date(tmp_path):
    result = load({"offers/esbjerg/a.yaml": sourced("2026-12-01", "2023-12-05")}, tmp_path)
    result = load_catalog(tmp_path / "data", today=TODAY, review_months=12)
    [warning] = result.problems
    assert (warning.level, warning.rule, warning.field, warning.line) == (
        "advarsel",
        "forældet",
        "kilde.sidens_dato",
        16,
    )
    assert result.errors == []


def test_the_review_list_puts_records_to_confirm_before_stale_ones_per_owner(tmp_path):
    stale = (
        GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", "titel: Gammelt tilbud")
        .replace('dato: "2026-10-01"', 'dato: "2025-06-01"')
        .replace("type: genoptraening", "type: samvaer")
    )
    data = project(
        tmp_path,
        {
            "offers/esbjerg/gammelt.yaml": stale,
            "offers/esbjerg/fra-hjemmesiden.yaml": SOURCED_OFFER,
            "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
        },
    )
    catalog = load_catalog(data, today=TODAY).catalog
    due = freshness.due_records(catalog, TODAY, 12)
    assert [(d.path, d.to_confirm, d.status) for d in due] == [
        ("data/offers/esbjerg/fra-hjemmesiden.yaml", True, "Til bekræftelse"),
        ("data/offers/esbjerg/gammelt.yaml", False, "Ikke bekræftet i over 12 måneder"),
    ]
    listed = videre("gennemsyn", data=data, dato=TODAY.isoformat())
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(
        "1 post er læst på en offentlig side og venter på bekræftelse og 1 post skal "
        "bekræftes igen (gennemsyn hver 12. måned, 2026-12-06)."
    )
    assert (
        "\nEsbjerg Kommune (@videre-dk/kommune-esbjerg)\n"
        "  Til bekræftelse:\n"
        "    data/offers/esbjerg/fra-hjemmesiden.yaml: kilden læst 2026-11-20.\n"
        "  Skal bekræftes igen:\n"
        "    data/offers/esbjerg/gammelt.yaml: sidst bekræftet 2025-06-01. Ikke bekræftet i over 12 måneder.\n"
    ) in listed.stdout
    rows = list(csv.DictReader(io.StringIO(videre("gennemsyn", "--csv", data=data, dato=TODAY.isoformat()).stdout)))
    assert [(r["fil"], r["sidst_bekræftet"], r["kilde_læst"], r["status"]) for r in rows] == [
        ("data/offers/esbjerg/fra-hjemmesiden.yaml", "", "2026-11-20", "Til bekræftelse"),
        ("data/offers/esbjerg/gammelt.yaml", "2025-06-01", "", "Ikke bekræftet i over 12 måneder"),
    ]
    page = {p.src_uri: p.markdown for p in site.build_pages(catalog, SiteOptions(today=TODAY))}["gennemsyn.md"]
    assert page.index("<caption>Til bekræftelse: Esbjerg Kommune</caption>") < page.index(
        "<caption>Skal bekræftes igen: Esbjerg Kommune</caption>"
    )


# ---------------------------------------------------------------- the coverage page


def independent_counts(data: Path) -> dict[str, dict[str, object]]:
    """Per municipality, from the YAML files alone: offers by state, and whether the GOP receiver is known."""

    def state(record: dict) -> str:
        if record.get("eksempel") is True:
            return "eksempel"
        return "bekraeftet" if "sidst_bekræftet" in record else "kilde"

    register = yaml.safe_load((data / "kommuner.yaml").read_text(encoding="utf-8"))
    counts: dict[str, dict[str, object]] = {
        m["slug"]: {"bekraeftet": 0, "kilde": 0, "eksempel": 0, "gop": "Nej"} for m in register["kommuner"]
    }
    for path in sorted((data / "offers").glob("*/*.yaml")):
        counts[path.parent.name][state(yaml.safe_load(path.read_text(encoding="utf-8")))] += 1  # type: ignore[operator]
    for path in sorted((data / "contacts" / "kommuner").glob("*.yaml")):
        found = state(yaml.safe_load(path.read_text(encoding="utf-8")))
        counts[path.stem]["gop"] = {
            "bekraeftet": "Ja, bekræftet",
            "kilde": "Ja, fra hjemmesiden",
            "eksempel": "Nej, kun et eksempel",
        }[found]
    return counts


ROW = re.compile(
    r'<tr data-kommune="([a-z0-9-]+)"><th scope="row"><a [^>]*>[^<]*</a></th>'
    r"<td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>([^<]*)</td><td>(.*?)</td></tr>"
)


def coverage_cells(catalog) -> dict[str, tuple]:
    markdown = coverage_page(catalog, SiteOptions(today=TODAY)).markdown
    return {slug: (int(a), int(b), int(c), gop, missing) for slug, a, b, c, gop, missing in ROW.findall(markdown)}


@pytest.mark.parametrize("tree", ["fixture", "real"])
def test_the_coverage_page_counts_what_the_data_holds(tree, tmp_path):
    data = write_tree(tmp_path / "data", FILES) if tree == "fixture" else DATA
    catalog = load_catalog(data, today=TODAY).catalog
    cells = coverage_cells(catalog)
    expected = independent_counts(data)
    assert len(cells) == len(catalog.register.municipalities) == len(expected)
    for slug, row in cells.items():
        counted = expected[slug]
        assert row[:4] == (counted["bekraeftet"], counted["kilde"], counted["eksempel"], counted["gop"]), slug


def test_the_coverage_page_lists_what_is_missing(catalog):
    cells = coverage_cells(catalog)
    assert cells["esbjerg"][:4] == (1, 1, 2, "Ja, fra hjemmesiden")
    assert cells["esbjerg"][4].startswith("Bekræftelse af 2 poster fra hjemmesiden.")
    assert cells["varde"][4].startswith(
        "Modtager af genoptræningsplaner; tilbud om genoptræning efter genoptræningsplan; kommunens egne tilbud."
    )
    assert 'href="../redaktion/#/collections/tilbud-varde"' in cells["varde"][4]
    assert cells["fanoe"][3] == "Ja, bekræftet"
    assert cells["fanoe"][4].startswith("Tilbud om genoptræning efter genoptræningsplan; kommunens egne tilbud.")


def test_a_record_of_a_kind_without_the_three_states_has_none(tmp_path):
    """A case shown on a screen is neither an example nor read from a page: it never adds a badge or a note."""
    from tests.helpers.records import GOOD_CASE

    [case] = load({"cases/a.yaml": GOOD_CASE}, tmp_path).catalog.cases
    assert record_state(case) == ""


def test_the_handout_and_the_kiosk_show_the_badge_text(catalog):
    from videre.pages import handout, kiosk

    options = SiteOptions(today=TODAY)
    shown = catalog.shown(options)
    esbjerg = catalog.register.municipality("esbjerg")
    sheet = handout.municipality_handout(shown, esbjerg, options)
    badge = '<span class="ark__maerke">Fra kommunens hjemmeside – ikke bekræftet</span>'
    assert sheet.count(badge) == 2  # the sourced offer and the sourced GOP receiver
    assert "Nogle oplysninger er eksempler eller fra en hjemmeside og ikke bekræftet." in sheet
    offer = next(o for o in shown.offers if o.id == "esbjerg/fra-hjemmesiden")
    assert kiosk._offer_slide(shown, offer, "kommune", options).badge == "Fra kommunens hjemmeside – ikke bekræftet"
    confirmed = next(o for o in shown.offers if o.id == "esbjerg/bekraeftet")
    assert kiosk._offer_slide(shown, confirmed, "kommune", options).badge == ""
