"""Validation: every problem found in one run, each with file:line:column, field, rule and a Danish fix."""

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.records import GOOD_CONTACTS, GOOD_OFFER, GOOD_PARTNER, GOOD_PARTNER_OFFER
from tests.helpers.site import write_tree
from videre.catalog.load import load_catalog
from videre.core.errors import render_text
from videre.core.validate import cpr_like

TODAY = dt.date(2026, 11, 23)


def load(tmp_path: Path, files: dict[str, str]):
    root = write_tree(tmp_path / "data", files)
    return load_catalog(root, today=TODAY), root


def report(tmp_path: Path, files: dict[str, str]) -> str:
    result, root = load(tmp_path, files)
    return render_text(result.problems, root, result.sources)


def test_good_records_load_into_typed_catalog(tmp_path):
    result, _ = load(
        tmp_path,
        {
            "offers/esbjerg/genoptraening.yaml": GOOD_OFFER,
            "partners/test.yaml": GOOD_PARTNER,
            "partners/test/gaatur.yaml": GOOD_PARTNER_OFFER,
            "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
        },
    )
    assert result.problems == []
    offer = result.catalog.offers_in("esbjerg")[0]
    assert (offer.id, offer.verified.date, offer.problems) == (
        "esbjerg/genoptraening",
        dt.date(2026, 10, 1),
        ("angst", "depression"),
    )
    # A partner offer reaches every municipality it covers, regions expanded.
    assert [o.id for o in result.catalog.partner_offers_for("varde")] == ["test/gaatur"]
    assert [o.id for o in result.catalog.partner_offers_for("aalborg")] == ["test/gaatur"]
    assert result.catalog.partner_offers_for("esbjerg") == ()
    assert result.catalog.contacts["esbjerg"].gop_receiver.secure_mail == "sikkerpost@esbjerg.example.org"


def test_broken_contribution_reports_every_problem_exactly(tmp_path):
    broken = (
        GOOD_OFFER.replace("type: genoptraening", "type: Genoptræning")
        .replace("problemer: [angst, depression]", "problemer: [angst, depresion]")
        .replace("  email: genoptraening@esbjerg.example.org", "  telefon_nr: 12345678\n  email: ikke-en-mail")
        .replace('dato: "2026-10-01"', 'dato: "2026-13-01"')
        + "link: javascript:alert(1)\nmalgruppe: x\n"
    )
    text = report(tmp_path, {"offers/esbjerg/genoptraening.yaml": broken})
    assert (
        text
        == """\
offers/esbjerg/genoptraening.yaml:2:7: fejl [ugyldig-værdi]: 'type' har værdien 'Genoptræning', som ikke er tilladt
  2 | type: Genoptræning
    |       ^~~~~~~~~~~~
  Hint: mente du 'genoptraening'?

offers/esbjerg/genoptraening.yaml:7:22: fejl [ugyldig-værdi]: 'målgruppe.problemer[1]' har værdien 'depresion', som ikke er tilladt
  7 |   problemer: [angst, depresion]
    |                      ^~~~~~~~~~
  Hint: mente du 'depression'?

offers/esbjerg/genoptraening.yaml:12:3: fejl [ukendt-felt]: ukendt felt 'kontakt.telefon_nr'
  12 |   telefon_nr: 12345678
     |   ^~~~~~~~~~~~~~~~~~~~
  Hint: feltet hedder nu 'telefon'

offers/esbjerg/genoptraening.yaml:13:10: fejl [ugyldig-email]: 'kontakt.email' er ikke en e-mailadresse: 'ikke-en-mail'
  13 |   email: ikke-en-mail
     |          ^~~~~~~~~~~~
  Hint: skriv en fælles funktionsadresse, fx 'genoptraening@kommune.example.org'

offers/esbjerg/genoptraening.yaml:15:9: fejl [ugyldig-dato]: 'sidst_bekræftet.dato' er ikke en rigtig dato: '2026-13-01'
  15 |   dato: "2026-13-01"
     |         ^~~~~~~~~~~~
  Hint: skriv datoen som ÅÅÅÅ-MM-DD, fx '2026-10-01'

offers/esbjerg/genoptraening.yaml:18:7: fejl [ugyldig-link]: 'link' skal starte med 'https://', men starter med 'javascript:'
  18 | link: javascript:alert(1)
     |       ^~~~~~~~~~~~~~~~~~~
  Hint: skriv hele adressen med 'https://' foran

offers/esbjerg/genoptraening.yaml:19:1: fejl [ukendt-felt]: ukendt felt 'malgruppe'
  19 | malgruppe: x
     | ^~~~~~~~~~~~
  Hint: feltet hedder nu 'målgruppe'

7 fejl og 0 advarsler i 1 fil."""
    )


def test_missing_fields_come_first_with_an_example(tmp_path):
    text = report(tmp_path, {"offers/esbjerg/x.yaml": "titel: Kun en titel\n"})
    lines = [line for line in text.splitlines() if "fejl [" in line]
    assert lines[0] == "offers/esbjerg/x.yaml:1:1: fejl [mangler-felt]: påkrævet felt 'type' mangler"
    assert "Hint: tilføj fx 'type: genoptraening'" in text
    assert text.endswith("7 fejl og 0 advarsler i 1 fil.")


@pytest.mark.parametrize(
    "folder, expected",
    [
        ("esbjærg", "navnet 'esbjærg' må kun have små bogstaver a–z, tal og bindestreg"),
        ("esbjer", "mappen 'esbjer' er ikke en kommune i data/kommuner.yaml"),
    ],
)
def test_unknown_or_misspelt_municipality_folder(tmp_path, folder, expected):
    text = report(tmp_path, {f"offers/{folder}/genoptraening.yaml": GOOD_OFFER})
    assert expected in text
    assert "esbjerg" in text.split("Hint:")[1]


def test_partner_offer_coverage_must_name_real_municipalities(tmp_path):
    text = report(
        tmp_path,
        {
            "partners/test.yaml": GOOD_PARTNER,
            "partners/test/gaatur.yaml": GOOD_PARTNER_OFFER.replace("varde", "vardee"),
        },
    )
    assert "fejl [ukendt-kommune]: 'dækning[0]' henviser til kommunen 'vardee', som ikke findes" in text
    assert "Hint: mente du 'varde'?" in text


def test_future_dates_and_phone_format(tmp_path):
    bad = GOOD_OFFER.replace('dato: "2026-10-01"', 'dato: "2027-01-05"').replace(
        "  email: genoptraening@esbjerg.example.org", '  telefon: "1234"'
    )
    text = report(tmp_path, {"offers/esbjerg/x.yaml": bad})
    assert (
        "fejl [fremtidig-dato]: 'sidst_bekræftet.dato' ligger i fremtiden (2027-01-05, og i dag er 2026-11-23)" in text
    )
    assert "fejl [ugyldig-telefon]: 'kontakt.telefon' er ikke et telefonnummer: '1234'" in text


def test_person_names_are_refused_with_a_role_hint(tmp_path):
    text = report(
        tmp_path,
        {"contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS.replace("  tider:", "  navn: Hanne Hansen\n  tider:")},
    )
    assert "fejl [ukendt-felt]: ukendt felt 'gop_modtager.navn'" in text
    assert "skriv en rolle i 'rolle' i stedet" in text


def test_partner_slug_may_not_shadow_a_municipality(tmp_path):
    text = report(tmp_path, {"partners/odense.yaml": GOOD_PARTNER})
    assert "fejl [dublet-id]: foreningen hedder 'odense' ligesom en kommune" in text


def test_duplicate_title_within_owner_warns(tmp_path):
    result, _ = load(tmp_path, {"offers/esbjerg/a.yaml": GOOD_OFFER, "offers/esbjerg/b.yaml": GOOD_OFFER})
    assert [p.rule for p in result.problems] == ["mulig-dublet"]
    assert result.errors == []


def test_files_in_wrong_places_are_reported_not_ignored(tmp_path):
    text = report(
        tmp_path,
        {"offers/esbjerg.yaml": GOOD_OFFER, "offers/esbjerg/notes.txt": "x", "offers/varde/tilbud.yml": GOOD_OFFER},
    )
    assert "fejl [ukendt-placering]: filen ligger i 'offers', hvor den ikke bliver brugt" in text
    assert "fejl [ukendt-placering]: filen 'notes.txt' er ikke en YAML-post" in text
    assert "fejl [ugyldigt-filnavn]: filendelsen skal være '.yaml', ikke '.yml'" in text


def test_html_cpr_and_unsafe_markdown_links_are_refused(tmp_path):
    bad = GOOD_OFFER.replace(
        "Du træner med en **ergoterapeut** hjemme eller udendørs.",
        "Ring <a href=x onclick=y>her</a>. Borger 010190-1234. [Klik](javascript:alert(1))",
    )
    text = report(tmp_path, {"offers/esbjerg/x.yaml": bad})
    assert "fejl [html-ikke-tilladt]: 'beskrivelse' indeholder HTML ('<a href=x onclick=y>')" in text
    assert "fejl [cpr-nummer]: 'beskrivelse' indeholder noget, der ligner et CPR-nummer" in text
    assert "fejl [ugyldig-link]: 'beskrivelse' har et link, der ikke er tilladt ('javascript:alert(1')" in text


def test_cpr_detection_needs_a_real_date():
    assert cpr_like("010190-1234")
    assert cpr_like("2902001234")  # 29 Feb 2000
    assert not cpr_like("3102901234")  # 31 Feb does not exist
    assert not cpr_like("Ring 12 34 56 78")
    assert not cpr_like("postnr 6700, år 2026")
