"""Freshness: a record goes stale by time passing, not by anyone editing it.

The tests move the build date (VIDERE_TODAY for the build, --dato for the
command line) and never touch the records.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from tests.helpers.contrib import project, videre
from tests.helpers.records import GOOD_CONTACTS, GOOD_OFFER, GOOD_PARTNER, GOOD_PARTNER_OFFER
from tests.helpers.site import build_site, write_tree
from videre import site
from videre.catalog import freshness
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions

CONFIRMED = dt.date(2026, 10, 1)  # the date in every record in tests/helpers/records.py
ONE_PERIOD = "2027-10-15"  # 12½ months later
TWO_PERIODS = dt.date(2028, 10, 15)

FRESH_OFFER = GOOD_OFFER.replace('dato: "2026-10-01"', 'dato: "2027-09-01"').replace(
    "titel: Genoptræning efter indlæggelse", "titel: Nyt og bekræftet tilbud"
)

FILES = {
    "offers/esbjerg/genoptraening.yaml": GOOD_OFFER,
    "offers/esbjerg/nyt.yaml": FRESH_OFFER,
    "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
    "partners/test.yaml": GOOD_PARTNER,
    "partners/test/gaatur.yaml": GOOD_PARTNER_OFFER.replace("varde", "esbjerg"),
}


@pytest.mark.parametrize(
    "today, state, warning",
    [
        (dt.date(2027, 9, 30), freshness.OK, ""),
        (dt.date(2027, 10, 1), freshness.DUE, "Ikke bekræftet i over 12 måneder"),
        (dt.date(2028, 9, 30), freshness.DUE, "Ikke bekræftet i over 12 måneder"),
        (dt.date(2028, 10, 1), freshness.UNCONFIRMED, "Ikke bekræftet i over 24 måneder"),
    ],
)
def test_states_follow_the_review_period(today, state, warning):
    fresh = freshness.assess(CONFIRMED, today, 12)
    assert (fresh.state, fresh.warning) == (state, warning)


def test_months_are_calendar_months():
    assert freshness.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert freshness.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert freshness.add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)
    assert freshness.assess(CONFIRMED, dt.date(2027, 4, 2), 6).due


def test_stale_record_shows_a_badge_and_joins_the_review_list_page_csv_and_cli(tmp_path):
    data = project(tmp_path, FILES)
    out = tmp_path / "site"
    built = build_site(out, data=data, env={"VIDERE_TODAY": ONE_PERIOD})
    assert built.returncode == 0, built.stderr
    assert "advarsel [forældet]" in built.stdout + built.stderr  # logged, but the strict build passes

    badge = '<span class="videre-maerke videre-maerke--forældet"'
    offer = (out / "tilbud" / "esbjerg" / "genoptraening" / "index.html").read_text(encoding="utf-8")
    assert badge in offer and "Ikke bekræftet i over 12 måneder" in offer
    assert "Sidst bekræftet 1. oktober 2026 af Træning og Rehabilitering" in offer
    fresh_offer = (out / "tilbud" / "esbjerg" / "nyt" / "index.html").read_text(encoding="utf-8")
    assert badge not in fresh_offer
    municipality = (out / "kommuner" / "esbjerg" / "index.html").read_text(encoding="utf-8")
    card = municipality.split('id="esbjerg--genoptraening"', 1)[1].split("</article>", 1)[0]
    assert "Ikke bekræftet i over 12 måneder" in card
    assert 'id="ikke-bekraeftet"' not in municipality  # one period: still in place

    review = (out / "gennemsyn" / "index.html").read_text(encoding="utf-8")
    assert "Esbjerg Kommune" in review and "@videre-dk/kommune-esbjerg" in review
    assert "data/offers/esbjerg/genoptraening.yaml" in review
    assert "data/contacts/kommuner/esbjerg.yaml" in review
    assert "data/partners/test/gaatur.yaml" in review and "@videre-dk/redaktion" in review
    assert "data/offers/esbjerg/nyt.yaml" not in review

    rows = list(csv.DictReader(io.StringIO((out / "gennemsyn.csv").read_text(encoding="utf-8"))))
    assert [(r["ejer"], r["fil"]) for r in rows] == [
        ("Esbjerg Kommune", "data/contacts/kommuner/esbjerg.yaml"),
        ("Esbjerg Kommune", "data/offers/esbjerg/genoptraening.yaml"),
        ("Redaktionen", "data/partners/test.yaml"),
        ("Redaktionen", "data/partners/test/gaatur.yaml"),
    ]
    first = rows[1]
    assert (first["team"], first["sidst_bekræftet"], first["bekræftes_senest"], first["status"]) == (
        "'@videre-dk/kommune-esbjerg",
        "2026-10-01",
        "2027-10-01",
        "Ikke bekræftet i over 12 måneder",
    )

    listed = videre("gennemsyn", data=data, dato=ONE_PERIOD)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("4 poster skal bekræftes igen (gennemsyn hver 12. måned, 2027-10-15).")
    assert (
        "\nEsbjerg Kommune (@videre-dk/kommune-esbjerg)\n  Skal bekræftes igen:\n"
        "    data/contacts/kommuner/esbjerg.yaml: sidst bekræftet 2026-10-01. Ikke bekræftet i over 12 måneder.\n"
        "    data/offers/esbjerg/genoptraening.yaml: sidst bekræftet 2026-10-01. Ikke bekræftet i over 12 måneder.\n"
    ) in listed.stdout
    assert "\nRedaktionen (@videre-dk/redaktion)\n" in listed.stdout
    as_csv = videre("gennemsyn", "--csv", data=data, dato=ONE_PERIOD)
    assert as_csv.stdout.replace("https://videre.example.org/", "") == (out / "gennemsyn.csv").read_text(
        encoding="utf-8"
    ).replace("https://videre.example.org/", "")
    only = videre("gennemsyn", "--kommune", "esbjerg", data=data, dato=ONE_PERIOD)
    assert "Redaktionen" not in only.stdout and only.stdout.startswith("2 poster")
    before = videre("gennemsyn", data=data, dato="2027-09-30")
    assert before.stdout.startswith("Ingen poster skal bekræftes.")


def test_after_two_periods_the_offer_moves_to_a_marked_section_but_stays_visible(tmp_path):
    root = write_tree(tmp_path / "data", FILES)
    catalog = load_catalog(root, today=TWO_PERIODS).catalog
    pages = {p.src_uri: p.markdown for p in site.build_pages(catalog, SiteOptions(today=TWO_PERIODS))}
    municipality = pages["kommuner/esbjerg.md"]
    own, unconfirmed = municipality.split("## Ikke bekræftet { #ikke-bekraeftet }", 1)
    assert 'id="esbjerg--genoptraening"' not in own and 'id="esbjerg--genoptraening"' in unconfirmed
    assert 'id="esbjerg--nyt"' in own  # confirmed within the period: stays in place
    assert 'id="test--gaatur"' in unconfirmed  # partner offers move too
    assert "Ikke bekræftet i over 24 måneder" in unconfirmed
    partner = pages["partnere/test.md"]
    assert 'id="test--gaatur"' in partner.split("## Ikke bekræftet", 1)[1]
    assert "tilbud/esbjerg/genoptraening.md" in pages  # never dropped: its own page is still there
    assert "Ikke bekræftet i over 24 måneder" in pages["tilbud/esbjerg/genoptraening.md"]


def test_review_period_comes_from_the_site_options(tmp_path):
    root = write_tree(tmp_path / "data", FILES)
    catalog = load_catalog(root, today=dt.date(2027, 5, 1)).catalog
    six = site.build_pages(catalog, SiteOptions(today=dt.date(2027, 5, 1), review_months=6))
    review = next(p.markdown for p in six if p.src_uri == "gennemsyn.md")
    assert "Ikke bekræftet i over 6 måneder" in review and "hver" not in review.split("#", 1)[0]
    assert SiteOptions.from_mapping({"gennemsyn_maaneder": 6}).review_months == 6
    with pytest.raises(ValueError, match="gennemsyn_maaneder"):
        SiteOptions.from_mapping({"gennemsyn_maaneder": 0})


def test_stale_warning_points_at_the_date(tmp_path):
    root = write_tree(tmp_path / "data", {"offers/esbjerg/genoptraening.yaml": GOOD_OFFER})
    result = load_catalog(root, today=dt.date(2027, 10, 15), review_months=12)
    [problem] = result.problems
    assert (problem.level, problem.rule, problem.field, problem.line, problem.column) == (
        "advarsel",
        "forældet",
        "sidst_bekræftet.dato",
        14,
        9,
    )
    assert problem.message == "oplysningerne er ikke bekræftet i over 12 måneder (sidst 2026-10-01)"
    assert result.errors == [] and len(result.catalog.offers) == 1  # stays published
    assert load_catalog(root, today=dt.date(2027, 10, 15)).problems == []  # only when a period is given
    assert re.search(
        r"genoptraening\.yaml:14:9: advarsel \[forældet\]", videre("valider", data=root, dato="2027-10-15").stdout
    )


def test_an_example_is_never_due_and_is_only_counted_beside_the_review_list(tmp_path):
    """No one confirmed it, so it has no date to go stale from: it stays with the examples, with its badge.
    (Of another type than the real offers: an example of the same type as a real one is left out.)"""
    from tests.helpers.records import EXAMPLE_OFFER

    root = write_tree(
        tmp_path / "data",
        {
            **FILES,
            "offers/esbjerg/eksempel.yaml": EXAMPLE_OFFER.replace(
                "titel: Genoptræning efter indlæggelse", "titel: Et eksempel"
            ).replace("type: genoptraening", "type: samvaer"),
        },
    )
    catalog = load_catalog(root, today=TWO_PERIODS).catalog
    example = next(o for o in catalog.offers if o.example)
    assert freshness.Review(TWO_PERIODS, 12)(example) is None
    assert "data/offers/esbjerg/eksempel.yaml" not in [d.path for d in freshness.due_records(catalog, TWO_PERIODS, 12)]
    assert freshness.example_paths(catalog) == ["data/offers/esbjerg/eksempel.yaml"]
    pages = {p.src_uri: p.markdown for p in site.build_pages(catalog, SiteOptions(today=TWO_PERIODS))}
    own, rest = pages["kommuner/esbjerg.md"].split("## Ikke bekræftet { #ikke-bekraeftet }", 1)
    unconfirmed, examples = rest.split("## Eksempler { #eksempler }", 1)
    assert 'id="esbjerg--eksempel"' in examples
    assert 'id="esbjerg--eksempel"' not in own and 'id="esbjerg--eksempel"' not in unconfirmed
    assert (
        '<p class="videre-boks">1 post er et eksempel. Ingen har bekræftet dem, så de har ingen dato og '
        "står ikke på listen."
    ) in pages["gennemsyn.md"]
    assert "Ikke bekræftet i over" not in pages["tilbud/esbjerg/eksempel.md"]
