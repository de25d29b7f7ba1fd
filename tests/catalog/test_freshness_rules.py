"""The freshness rule on its own: each state's edge to the day, the warnings' exact words, the review list's
CSV, counts and grouping. No site is built; the expected dates and words are written out."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from videre.catalog import freshness
from videre.catalog.freshness import DueRecord, Review, assess, by_owner, counts, review_csv, stale_problems
from videre.core.model import Source, Verified
from videre.core.yamlsource import parse

D = dt.date
READ = D(2026, 11, 20)
URL = "https://www.esbjerg.example.org/side"


def test_the_review_period_can_be_any_number_of_months():
    assert assess(D(2026, 1, 31), D(2026, 2, 27), 1).state == freshness.OK
    assert assess(D(2026, 1, 31), D(2026, 2, 28), 1).state == freshness.DUE  # the 31st: the month's last day
    assert assess(D(2026, 1, 31), D(2026, 3, 30), 1).state == freshness.DUE
    assert assess(D(2026, 1, 31), D(2026, 3, 31), 1).state == freshness.UNCONFIRMED
    assert freshness.add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert freshness.add_months(D(2026, 12, 15), 0) == D(2026, 12, 15)
    assert freshness.add_months(D(2026, 1, 15), 24) == D(2028, 1, 15)


def test_each_state_its_flags_and_the_months_it_has_passed():
    fresh, due, gone = (assess(D(2026, 1, 1), today, 6) for today in (D(2026, 6, 30), D(2026, 7, 1), D(2027, 1, 1)))
    assert [(f.state, f.due, f.unconfirmed, f.overdue_months) for f in (fresh, due, gone)] == [
        ("ok", False, False, 6),
        ("forfalden", True, False, 6),
        ("ikke-bekraeftet", True, True, 12),
    ]
    assert [f.warning for f in (fresh, due, gone)] == [
        "",
        "Ikke bekræftet i over 6 måneder",
        "Ikke bekræftet i over 12 måneder",
    ]
    assert fresh.due_date == D(2026, 7, 1)
    assert (fresh.since, assess(READ, READ, 12, sourced=True).since) == ("Sidst bekræftet", "Kilden blev læst")
    assert freshness.STATE_LABELS == {
        "ok": "Bekræftet",
        "forfalden": "Skal bekræftes",
        "ikke-bekraeftet": "Ikke bekræftet",
        "til-bekraeftelse": "Til bekræftelse",
    }


@pytest.mark.parametrize(
    "page_date, old",
    [
        (D(2023, 11, 20), True),  # exactly three years before today
        (D(2023, 11, 21), False),  # a day less
    ],
)
def test_a_page_is_old_from_the_day_it_turns_three_years(page_date, old):
    fresh = assess(READ, D(2026, 11, 20), 12, sourced=True, page_date=page_date)
    assert (fresh.old_page, fresh.state, fresh.warning) == (
        (True, "forfalden", "Kilden er over 3 år gammel") if old else (False, "ok", "")
    )


def test_an_old_page_read_long_ago_warns_of_the_reading():
    fresh = assess(READ, D(2027, 11, 20), 12, sourced=True, page_date=D(2020, 1, 1))
    assert (fresh.state, fresh.warning) == ("forfalden", "Kilden er læst for over 12 måneder siden")
    assert assess(READ, D(2027, 11, 20), 12, sourced=False, page_date=None).old_page is False


# ---------------------------------------------------------------- Review: which date counts


def _record(**values):
    return SimpleNamespace(**{"example": False, "verified": None, "source": "", **values})


def test_review_reads_the_confirmation_or_the_page_and_gives_an_example_none():
    review = Review(D(2027, 12, 1), 12)
    confirmed = review(_record(verified=Verified(date=D(2026, 1, 1), by="Visitationen")))
    assert (confirmed.verified, confirmed.sourced, confirmed.state) == (D(2026, 1, 1), False, "forfalden")
    page = Source(url=URL, read=D(2027, 6, 1), page_date=D(2024, 12, 1))
    sourced = review(_record(source=page))
    assert (sourced.verified, sourced.sourced, sourced.page_date, sourced.state) == (
        D(2027, 6, 1),
        True,
        D(2024, 12, 1),
        "forfalden",
    )
    assert review(_record(example=True, verified=Verified(date=D(2026, 1, 1), by="x"))) is None
    assert review(_record(example=True, source=page)) is None
    assert review(_record(source="Bygger på en samtale")) is None
    assert (review.today, review.months) == (D(2027, 12, 1), 12)


def test_split_moves_only_records_past_two_periods_and_keeps_the_order():
    review = Review(D(2028, 6, 1), 12)
    old = [_record(verified=Verified(date=D(2026, 1, day), by="x")) for day in (1, 2)]
    new = [_record(verified=Verified(date=D(2027, 1, day), by="x")) for day in (1, 2)]
    example = _record(example=True)
    assert review.split([old[0], new[0], example, old[1], new[1]]) == ((new[0], example, new[1]), (old[0], old[1]))


def test_review_for_takes_the_date_and_period_of_the_options():
    from videre.core.options import SiteOptions

    review = freshness.review_for(SiteOptions(today=D(2027, 3, 4), review_months=9))
    assert (review.today, review.months) == (D(2027, 3, 4), 9)


# ---------------------------------------------------------------- the validator's warning


def _warnings(text: str, today: dt.date, months: int | None = 12):
    document, problems = parse(Path("x.yaml"), text)
    assert problems == []
    return [
        (p.line, p.column, p.field, p.rule, p.message, p.hint, p.level) for p in stale_problems(document, today, months)
    ]


CONFIRMED = 'titel: T\nsidst_bekræftet:\n  dato: "2026-01-01"\n  af: x\n'
CONFIRM_HINT = "tjek oplysningerne hos kilden, ret dem, og skriv dagens dato i 'sidst_bekræftet.dato'"


def test_a_confirmation_past_one_and_two_periods_warns_with_its_date():
    assert _warnings(CONFIRMED, D(2026, 12, 31)) == []
    assert _warnings(CONFIRMED, D(2027, 1, 1)) == [
        (
            3,
            9,
            "sidst_bekræftet.dato",
            "forældet",
            "oplysningerne er ikke bekræftet i over 12 måneder (sidst 2026-01-01)",
            CONFIRM_HINT,
            "advarsel",
        )
    ]
    assert _warnings(CONFIRMED, D(2028, 1, 1)) == [
        (
            3,
            9,
            "sidst_bekræftet.dato",
            "forældet",
            "oplysningerne er ikke bekræftet i over 24 måneder (sidst 2026-01-01) og står under 'Ikke bekræftet'",
            CONFIRM_HINT,
            "advarsel",
        )
    ]


def test_no_warning_without_a_period_a_date_or_a_mapping():
    assert _warnings(CONFIRMED, D(2030, 1, 1), months=None) == []
    assert _warnings("- a\n- b\n", D(2030, 1, 1)) == []
    assert _warnings('sidst_bekræftet: {dato: "2026-13-01", af: x}\n', D(2030, 1, 1)) == []
    assert _warnings("sidst_bekræftet: {af: x}\n", D(2030, 1, 1)) == []
    assert _warnings("eksempel: true\n", D(2030, 1, 1)) == []
    assert _warnings('kilde: {url: x, læst: "ikke en dato"}\n', D(2030, 1, 1)) == []
    assert _warnings('kilde: {url: x, læst: "2026-01-01", sidens_dato: "2026-02-30"}\n', D(2030, 1, 1)) == []
    assert _warnings("kilde: En samtale\n", D(2030, 1, 1)) == []


SOURCED = 'titel: T\nkilde:\n  url: x\n  læst: "2026-01-01"\n'
READ_HINT = (
    "læs siden igen, ret oplysningerne, og skriv dagens dato i 'kilde.læst'; "
    "eller bed kommunen eller foreningen bekræfte dem"
)


def test_a_page_read_long_ago_warns_at_the_reading():
    assert _warnings(SOURCED, D(2026, 12, 31)) == []
    assert _warnings(SOURCED, D(2027, 1, 1)) == [
        (
            4,
            9,
            "kilde.læst",
            "forældet",
            "siden er læst for over 12 måneder siden (læst 2026-01-01)",
            READ_HINT,
            "advarsel",
        )
    ]
    assert _warnings(SOURCED + '  sidens_dato: "2020-01-01"\n', D(2028, 1, 1)) == [
        (
            4,
            9,
            "kilde.læst",
            "forældet",
            "siden er læst for over 24 måneder siden (læst 2026-01-01) og står under 'Ikke bekræftet'",
            READ_HINT,
            "advarsel",
        )
    ]


def test_an_old_page_date_warns_at_the_page_date():
    assert _warnings(SOURCED + '  sidens_dato: "2023-01-02"\n', D(2026, 1, 1)) == []
    assert _warnings(SOURCED + '  sidens_dato: "2023-01-01"\n', D(2026, 1, 1)) == [
        (
            5,
            16,
            "kilde.sidens_dato",
            "forældet",
            "siden viser datoen 2023-01-01, som er over 3 år gammel; oplysningerne kan være forældede",
            "bed kommunen eller foreningen bekræfte oplysningerne, eller find en nyere side",
            "advarsel",
        )
    ]


# ---------------------------------------------------------------- the review list


def _due(owner: str, path: str, fresh: freshness.Freshness, url: str = "") -> DueRecord:
    return DueRecord(path, "Tilbud", "En titel, med komma", owner, "@videre-dk/" + owner.lower(), fresh, url)


LATE = assess(D(2026, 1, 1), D(2027, 2, 1), 12)  # due, confirmed
GONE = assess(D(2025, 1, 1), D(2027, 2, 1), 12)  # past two periods
FRESH_PAGE = assess(D(2027, 1, 1), D(2027, 2, 1), 12, sourced=True)  # read lately: only to confirm
OLD_READING = assess(D(2025, 1, 1), D(2027, 2, 1), 12, sourced=True)  # read long ago: to confirm and gone


def test_a_due_record_says_what_it_needs():
    assert _due("A", "a", LATE).status == "Ikke bekræftet i over 12 måneder"
    assert _due("A", "a", FRESH_PAGE).status == "Til bekræftelse"
    assert _due("A", "a", OLD_READING).status == "Kilden er læst for over 24 måneder siden"
    assert (_due("A", "a", LATE).to_confirm, _due("A", "a", FRESH_PAGE).to_confirm) == (False, True)
    assert _due("A", "a", assess(D(2027, 1, 1), D(2027, 2, 1), 12)).status == ""


def test_review_csv_columns_and_rows():
    due = [
        _due("Esbjerg Kommune", "data/offers/esbjerg/a.yaml", LATE, "tilbud/esbjerg/a/"),
        _due("Esbjerg Kommune", "data/offers/esbjerg/b.yaml", FRESH_PAGE),
    ]
    rows = list(csv.reader(io.StringIO(review_csv(due, "https://videre.example.org/"))))
    assert rows == [
        [
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
        ],
        [
            "Esbjerg Kommune",
            "'@videre-dk/esbjerg kommune",
            "data/offers/esbjerg/a.yaml",
            "Tilbud",
            "En titel, med komma",
            "2026-01-01",
            "2027-01-01",
            "Ikke bekræftet i over 12 måneder",
            "https://videre.example.org/tilbud/esbjerg/a/",
            "",
        ],
        [
            "Esbjerg Kommune",
            "'@videre-dk/esbjerg kommune",
            "data/offers/esbjerg/b.yaml",
            "Tilbud",
            "En titel, med komma",
            "",
            "2028-01-01",
            "Til bekræftelse",
            "",
            "2027-01-01",
        ],
    ]
    assert review_csv([]) == ("ejer,team,fil,slags,titel,sidst_bekræftet,bekræftes_senest,status,adresse,kilde_læst\n")


def test_counts_to_confirm_due_and_gone():
    due = [_due("A", "a", LATE), _due("A", "b", GONE), _due("A", "c", FRESH_PAGE), _due("A", "d", OLD_READING)]
    assert counts(due) == {"til-bekraeftelse": 2, "forfalden": 1, "ikke-bekraeftet": 2}
    assert counts([]) == {"til-bekraeftelse": 0, "forfalden": 0, "ikke-bekraeftet": 0}


def test_by_owner_groups_neighbours():
    a1, a2, b1 = _due("A", "a1", LATE), _due("A", "a2", LATE), _due("B", "b1", LATE)
    assert by_owner([a1, a2, b1]) == [("A", "@videre-dk/a", [a1, a2]), ("B", "@videre-dk/b", [b1])]
    assert by_owner([]) == []


def test_an_example_has_no_stale_warning_even_with_an_old_page():
    """``eksempel: true`` is never due, whatever else the file holds; ``eksempel: false`` is an ordinary record."""
    old_page = 'kilde:\n  url: x\n  læst: "2020-01-01"\n'
    assert _warnings("eksempel: true\n" + old_page, D(2030, 1, 1)) == []
    [warning] = _warnings("eksempel: false\n" + old_page, D(2030, 1, 1))
    assert warning[2:5] == (
        "kilde.læst",
        "forældet",
        "siden er læst for over 24 måneder siden (læst 2020-01-01) og står under 'Ikke bekræftet'",
    )


def test_each_stale_warning_names_its_file():
    for text, today in ((CONFIRMED, D(2027, 1, 1)), (SOURCED, D(2027, 1, 1))):
        document, _ = parse(Path("data/offers/esbjerg/x.yaml"), text)
        assert [p.file for p in stale_problems(document, today, 12)] == [Path("data/offers/esbjerg/x.yaml")]


def test_review_csv_without_a_site_address_keeps_the_page_address_relative():
    [_, row] = list(csv.reader(io.StringIO(review_csv([_due("A", "a", LATE, "tilbud/a/")]))))
    assert row[8] == "tilbud/a/"


# ---------------------------------------------------------------- which records the review list reads


def _fake_catalog(root: Path) -> SimpleNamespace:
    """A catalog of plain objects, one of every kind the review list reads, with the edge cases of each."""
    (root / "kommuner.yaml").write_text("", encoding="utf-8")  # marks the data tree: paths read data/...
    confirmed_on = Verified(date=D(2026, 1, 1), by="x")

    def record(relative: str | None, **values):
        file = None if relative is None else root / relative
        return SimpleNamespace(**{"file": file, "example": False, "verified": confirmed_on, "source": "", **values})

    offers = (
        record("offers/esbjerg/a.yaml", owner_kind="kommune", title="Genoptræning", url="tilbud/esbjerg/a/"),
        record(
            "offers/esbjerg/b.yaml",
            owner_kind="kommune",
            title="Læst på en side",
            url="tilbud/esbjerg/b/",
            verified=None,
            source=Source(url=URL, read=D(2027, 1, 1)),
        ),
        record(
            "offers/esbjerg/nyt.yaml",
            owner_kind="kommune",
            title="Nyt",
            url="tilbud/esbjerg/nyt/",
            verified=Verified(date=D(2027, 1, 1), by="x"),
        ),
        record("offers/esbjerg/eksempel.yaml", owner_kind="kommune", title="Eksempel", url="u/", example=True),
        record("partners/test/gaatur.yaml", owner_kind="partner", title="Gåtur", url="tilbud/test/gaatur/"),
    )
    municipalities = (
        SimpleNamespace(slug="esbjerg", name="Esbjerg", team="@videre-dk/kommune-esbjerg"),
        SimpleNamespace(slug="varde", name="Varde", team="@videre-dk/kommune-varde"),
    )
    return SimpleNamespace(
        register=SimpleNamespace(municipalities=municipalities),
        all_offers=lambda: offers,
        partners=(
            record(
                "partners/test.yaml",
                name="Testforeningen",
                url="partnere/test/",
                verified=Verified(date=D(2025, 3, 1), by="x"),
            ),
        ),
        contacts={
            "varde": record("contacts/kommuner/varde.yaml", verified=Verified(date=D(2025, 6, 1), by="x")),
            "ukendt": record("contacts/kommuner/ukendt.yaml"),
        },
        departments=(record("contacts/afdelinger/psyk.yaml", name="Psykiatrien Esbjerg", url="ikke brugt/"),),
        # Further kinds, read in the order of their kind's name: flow, omdirigering, sag, skaerm, tal.
        screens=(SimpleNamespace(file=root / "screens/vent.yaml", verified=None, name="Venteværelset"),),
        redirects=(SimpleNamespace(file=root / "redirects.yaml", title="Ingen bekræftelse"),),
        # The second flow has no file attribute at all: left out like a record whose file is None.
        flows=(SimpleNamespace(file=root / "flow.yaml", verified=None), SimpleNamespace(verified=None, title="Uden")),
        cases=(
            SimpleNamespace(file=root / "cases/en-sag.yaml", verified=None, title="En sag", url=None),
            SimpleNamespace(file=None, verified=None, title="Uden fil", example=True),
        ),
        figures=(
            SimpleNamespace(file=root / "figures.yaml", verified=None, title="", name="", slug="noegletal", url="tal/"),
        ),
    )


def test_dated_records_reads_every_kind_with_its_label_title_and_address(tmp_path):
    catalog = _fake_catalog(tmp_path)
    assert [(kind, title, url) for kind, _, title, url in freshness.dated_records(catalog)] == [
        ("Tilbud", "Genoptræning", "tilbud/esbjerg/a/"),
        ("Tilbud", "Læst på en side", "tilbud/esbjerg/b/"),
        ("Tilbud", "Nyt", "tilbud/esbjerg/nyt/"),
        ("Tilbud", "Eksempel", "u/"),
        ("Tilbud fra forening", "Gåtur", "tilbud/test/gaatur/"),
        ("Forening", "Testforeningen", "partnere/test/"),
        ("Kommunens kontakter", "Kontakter i ukendt Kommune", "kommuner/ukendt/"),
        ("Kommunens kontakter", "Kontakter i Varde Kommune", "kommuner/varde/"),
        ("Psykiatrisk afdeling", "Psykiatrien Esbjerg", ""),
        ("Flow", "flow", ""),  # no title, name nor slug: the kind's name; no address
        ("Sag", "En sag", ""),  # the address None: empty; the case without a file is left out
        ("Skaerm", "Venteværelset", ""),  # no title: its name
        ("Tal", "noegletal", "tal/"),  # empty title and name: its slug
    ]
    # The redirect list has no confirmation to go stale: it is not read at all.
    assert catalog.redirects[0] not in [record for _, record, _, _ in freshness.dated_records(catalog)]


def test_example_paths_counts_only_examples_with_a_file(tmp_path):
    catalog = _fake_catalog(tmp_path)
    assert freshness.example_paths(catalog) == ["data/offers/esbjerg/eksempel.yaml"]
    catalog.partners = (SimpleNamespace(example=True, name="Uden fil", url=""),)  # no file at all: not counted
    assert freshness.example_paths(catalog) == ["data/offers/esbjerg/eksempel.yaml"]


def test_due_records_per_owner_to_confirm_first_then_oldest_editorial_team_last(tmp_path):
    """Municipalities by name, the editorial team last; per owner, records read from a page first, then the
    oldest date, then the path (the partner confirmed 2025-03-01 before the three of 2026-01-01)."""
    due = freshness.due_records(_fake_catalog(tmp_path), D(2027, 2, 1), 12)
    assert [(d.path, d.kind, d.title, d.owner, d.team, d.url, d.status) for d in due] == [
        (
            "data/offers/esbjerg/b.yaml",
            "Tilbud",
            "Læst på en side",
            "Esbjerg Kommune",
            "@videre-dk/kommune-esbjerg",
            "tilbud/esbjerg/b/",
            "Til bekræftelse",
        ),
        (
            "data/offers/esbjerg/a.yaml",
            "Tilbud",
            "Genoptræning",
            "Esbjerg Kommune",
            "@videre-dk/kommune-esbjerg",
            "tilbud/esbjerg/a/",
            "Ikke bekræftet i over 12 måneder",
        ),
        (
            "data/contacts/kommuner/varde.yaml",
            "Kommunens kontakter",
            "Kontakter i Varde Kommune",
            "Varde Kommune",
            "@videre-dk/kommune-varde",
            "kommuner/varde/",
            "Ikke bekræftet i over 12 måneder",
        ),
        (
            "data/partners/test.yaml",
            "Forening",
            "Testforeningen",
            "Redaktionen",
            "@videre-dk/redaktion",
            "partnere/test/",
            "Ikke bekræftet i over 12 måneder",
        ),
        (
            "data/contacts/afdelinger/psyk.yaml",
            "Psykiatrisk afdeling",
            "Psykiatrien Esbjerg",
            "Redaktionen",
            "@videre-dk/redaktion",
            "",
            "Ikke bekræftet i over 12 måneder",
        ),
        (
            "data/contacts/kommuner/ukendt.yaml",
            "Kommunens kontakter",
            "Kontakter i ukendt Kommune",
            "Redaktionen",
            "@videre-dk/redaktion",
            "kommuner/ukendt/",
            "Ikke bekræftet i over 12 måneder",
        ),
        (
            "data/partners/test/gaatur.yaml",
            "Tilbud fra forening",
            "Gåtur",
            "Redaktionen",
            "@videre-dk/redaktion",
            "tilbud/test/gaatur/",
            "Ikke bekræftet i over 12 måneder",
        ),
    ]
