"""The guidance records (flow, cases, figures): validated like every other record, with the same error quality."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from tests.helpers.records import GOOD_CASE, GOOD_FIGURES, GOOD_FLOW
from tests.helpers.site import DATA, ROOT, write_tree
from videre.catalog.load import load_catalog
from videre.core.errors import render_text
from videre.kinds.cases import NOT_DESCRIBED
from videre.pages.flow import layout, print_grid

TODAY = dt.date(2026, 11, 23)
SEEDS = ROOT.parent / "shared" / "seeds"  # CI lays shared/ beside the clone
SEED_FILES = {
    "S000": "000_7c6965fd177780be.txt",
    "S001": "001_ff23a9717a9b70e1.txt",
    "S002": "002_ae7f92ccd4c830bf.txt",
    "S004": "004_e039d8292940f8b9.txt",
}


def report(tmp_path: Path, files: dict[str, str]) -> str:
    root = write_tree(tmp_path / "data", files)
    result = load_catalog(root, today=TODAY)
    return render_text(result.problems, root, result.sources)


def test_small_valid_records_load(tmp_path):
    root = write_tree(
        tmp_path / "data", {"cases/angst.yaml": GOOD_CASE, "flow.yaml": GOOD_FLOW, "figures.yaml": GOOD_FIGURES}
    )
    result = load_catalog(root, today=TODAY)
    assert result.problems == []
    (case,) = result.catalog.cases
    assert (case.slug, case.kinds, case.elements, case.constructed) == (
        "angst",
        ("genoptraening",),
        ("eksponering",),
        True,
    )
    (flow,) = result.catalog.flows
    assert flow.decision.id == "H2" and flow.step("H1").guide_title == "Hvem har ret til en genoptræningsplan?"
    (figures,) = result.catalog.figures
    assert figures.figures[0].rows() == [("2018", (132,)), ("2019", (193,))]


# ---------------------------------------------------------------- the four messages the issue names


def test_unknown_offer_kind_in_a_case(tmp_path):
    text = report(
        tmp_path,
        {"cases/angst.yaml": GOOD_CASE.replace("tilbudstyper: [genoptraening]", "tilbudstyper: [genoptræning]")},
    )
    assert (
        text
        == """\
cases/angst.yaml:12:16: fejl [ugyldig-værdi]: 'tilbudstyper[0]' har værdien 'genoptræning', som ikke er tilladt
  12 | tilbudstyper: [genoptræning]
     |                ^~~~~~~~~~~~~
  Hint: mente du 'genoptraening'?

1 fejl og 0 advarsler i 1 fil."""
    )


def test_phone_number_and_email_in_a_case_text_are_refused(tmp_path):
    broken = GOOD_CASE.replace(
        "situation: Hun har haft angst i flere år.", "situation: Hun ringede til os på 12 34 56 78."
    ).replace("resultat: Hun handler selv.", "resultat: Hun skrev til hende@example.org.")
    text = report(tmp_path, {"cases/angst.yaml": broken})
    assert (
        text
        == """\
cases/angst.yaml:5:12: fejl [personoplysning]: 'situation' indeholder et telefonnummer
  5 | situation: Hun ringede til os på 12 34 56 78.
    |            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  Hint: fjern det; eksempler skal være anonyme, så skriv fx 'hun ringede til kommunen'

cases/angst.yaml:11:11: fejl [personoplysning]: 'resultat' indeholder en e-mailadresse
  11 | resultat: Hun skrev til hende@example.org.
     |           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  Hint: fjern det; eksempler skal være anonyme, så skriv fx 'hun ringede til kommunen'

2 fejl og 0 advarsler i 1 fil."""
    )


@pytest.mark.parametrize(
    "field, old, new",
    [
        ("titel", "titel: Kvinde, 30 år, med angst", "titel: Kvinde, ring +45 1234 5678"),
        ("resumé", "resumé: Hun er holdt op med at gå ud.", "resumé: Skriv til a.b@kommune.example.org."),
        ("funktionstab.beskrivelse", "Hun undgår butikker og busser.", "Hun har nummeret 87654321."),
        ("hvorfor_gop", "Hun har brug for træning med en terapeut.", "Ring 1234 5678."),
    ],
)
def test_every_case_text_is_checked_for_contact_details(tmp_path, field, old, new):
    assert old in GOOD_CASE
    text = report(tmp_path, {"cases/a.yaml": GOOD_CASE.replace(old, new)})
    assert f"fejl [personoplysning]: '{field}' indeholder" in text


def test_cpr_numbers_in_a_case_are_refused_too(tmp_path):
    text = report(
        tmp_path,
        {"cases/a.yaml": GOOD_CASE.replace("Hun undgår butikker og busser.", "Borger 010190-1234 undgår busser.")},
    )
    assert "fejl [cpr-nummer]: 'funktionstab.beskrivelse' indeholder noget, der ligner et CPR-nummer" in text


def test_flow_step_linking_to_a_missing_guidance_page(tmp_path):
    text = report(
        tmp_path,
        {"flow.yaml": GOOD_FLOW.replace("vejledning: vejledning/i-kommunen.md", "vejledning: vejledning/i-kommune.md")},
    )
    assert (
        text
        == """\
flow.yaml:32:17: fejl [ukendt-reference]: 'trin[2].vejledning' henviser til siden 'vejledning/i-kommune.md', som ikke findes i docs/
  32 |     vejledning: vejledning/i-kommune.md
     |                 ^~~~~~~~~~~~~~~~~~~~~~~
  Hint: mente du 'vejledning/i-kommunen.md'?

1 fejl og 0 advarsler i 1 fil."""
    )


def test_figure_with_a_value_that_is_not_a_number(tmp_path):
    text = report(tmp_path, {"figures.yaml": GOOD_FIGURES.replace("værdi: 193}", "værdi: 193 stk.}")})
    assert (
        text
        == """\
figures.yaml:13:37: fejl [forkert-type]: 'figurer[0].serier[0].værdier[1].værdi' skal være et tal, men er '193 stk.'
  13 |           - {etiket: "2019", værdi: 193 stk.}
     |                                     ^~~~~~~~~
  Hint: skriv kun tallet uden enhed og anførselstegn, med punktum i stedet for komma, fx 90.1

1 fejl og 0 advarsler i 1 fil."""
    )


# ---------------------------------------------------------------- more flow and figure checks


FLOW_REPLACEMENTS = {
    "pil-og-gren": [
        ("ja: {til: K1, tekst: Skriv planen}", "ja: {til: K2, tekst: Skriv planen}"),
        ("    nej: {til: K1, tekst: Andre indsatser}\n", ""),
    ],
    "id-og-bane": [("  - id: K1\n    bane: kommune", "  - id: H1\n    bane: komune")],
    "for-mange-trin": [
        ("dækker: [K1]}\n", "dækker: [K1]}\n" + "    - {titel: Mere, tekst: Et trin mere., dækker: [K1]}\n" * 3)
    ],
    "gren-uden-beslutning": [("    videre:\n      - til: H2\n", "    ja: {til: H2}\n")],
}
FIGURE_REPLACEMENTS = {
    "etiketter-og-procent": [
        ("enhed: antal", "enhed: procent"),
        (
            "    periode:",
            """\
      - navn: Andre
        værdier:
          - {etiket: "2018", værdi: 1}
          - {etiket: "2020", værdi: 2}
    periode:""",
        ),
    ],
}


@pytest.mark.parametrize(
    "file, good, change, expected",
    [
        (
            "flow.yaml",
            GOOD_FLOW,
            "pil-og-gren",
            [
                "flow.yaml:16:5: fejl [mangler-felt]: beslutningspunktet 'trin[1]' mangler feltet 'nej'",
                "Hint: tilføj 'nej' under trinnet 'H2'",
                "flow.yaml:23:15: fejl [ukendt-reference]: 'trin[1].ja.til' henviser til trinnet 'K2', som ikke findes",
                "Hint: brug et id fra listen 'trin': H1, H2, K1",
            ],
        ),
        (
            "flow.yaml",
            GOOD_FLOW,
            "id-og-bane",
            [
                "fejl [dublet-id]: trinnet 'H1' findes allerede (trin[0])",
                "fejl [ukendt-reference]: 'trin[2].bane' henviser til banen 'komune', som ikke findes",
                "Hint: mente du 'kommune'?",
            ],
        ),
        (
            "flow.yaml",
            GOOD_FLOW,
            "for-mange-trin",
            [
                "fejl [for-mange]: 'patientvej.trin' har 7 trin, højst 6",
                "Hint: slå trin sammen; patienten skal kunne overskue 4 til 6 store trin",
            ],
        ),
        (
            "flow.yaml",
            GOOD_FLOW,
            "gren-uden-beslutning",
            ["fejl [ugyldig-værdi]: 'trin[0].ja' bruges kun i et beslutningspunkt"],
        ),
        (
            "figures.yaml",
            GOOD_FIGURES,
            "etiketter-og-procent",
            [
                "fejl [ugyldig-værdi]: 'figurer[0].serier[1]' har etiketterne 2018, 2020, men den første serie har 2018, 2019",
                "fejl [uden-for-grænse]: 'figurer[0]' er i procent, men et tal er 132",
            ],
        ),
    ],
)
def test_cross_checks_on_flow_and_figures(tmp_path, file, good, change, expected):
    text = good
    for old, new in {**FLOW_REPLACEMENTS, **FIGURE_REPLACEMENTS}[change]:
        assert old in text
        text = text.replace(old, new)
    found = report(tmp_path, {file: text})
    for line in expected:
        assert line in found


# ---------------------------------------------------------------- the real data


@pytest.fixture(scope="module")
def catalog():
    result = load_catalog(DATA, today=TODAY)
    mine = [p for p in result.problems if p.file.name in ("flow.yaml", "figures.yaml") or "cases" in p.file.parts]
    assert mine == []
    return result.catalog


def test_real_flow_has_every_seed_step_and_the_decision(catalog):
    (flow,) = catalog.flows
    assert [s.id for s in flow.steps] == [
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "H7",
        "K1",
        "K2",
        "K3",
        "K4",
        "K5",
        "S1",
        "H8",
    ]
    assert [c.code for c in flow.decision.criteria] == ["funktionstab", "sundhedsfaglig-indsats", "potentiale"]
    assert flow.decision.yes.text and flow.decision.no.text
    assert 4 <= len(flow.patient_steps) <= 6
    # The readmission loop and the hand-back of the final status are arrows in the data.
    assert any(a.to == "H1" for a in flow.step("H8").arrows)
    assert any(a.to == "S1" for a in flow.step("K5").arrows)
    assert "egen læge" in flow.step("S1").title.lower()
    # Every step is retold in the patient version, except internal planning steps.
    covered = {i for p in flow.patient_steps for i in p.covers}
    assert covered >= {"H1", "H4", "H5", "H7", "K1", "K2", "K3", "K5", "S1"}


def test_layout_puts_the_municipality_level_with_discharge(catalog):
    (flow,) = catalog.flows
    placed = {p.step.id: p for p in layout(flow)}
    assert placed["K1"].row == placed["H7"].row and placed["H7"].side == "hoejre"
    assert placed["S1"].row == placed["K5"].row and placed["K5"].side == "venstre"
    assert [placed[i].row for i in ("H1", "H2", "H3")] == [1, 2, 3]
    assert placed["H8"].row > placed["S1"].row
    assert print_grid(len(flow.steps)) == (7, 2)


def test_cases_from_the_seed_and_constructed_ones(catalog):
    cases = {c.slug: c for c in catalog.cases}
    assert not cases["sonja"].constructed and not cases["henrik"].constructed
    # Sonja's municipal course and outcome are not in the seed: the record says so instead of inventing them.
    assert cases["sonja"].course == NOT_DESCRIBED and cases["sonja"].outcome == NOT_DESCRIBED
    assert "kognitiv-traening" in cases["henrik"].elements
    constructed = [c for c in cases.values() if c.constructed]
    assert len(constructed) >= 3
    assert {"angst", "psykose", "ptsd"} <= {p for c in constructed for p in c.problems}


def _seed_lines(document: str, lines: str) -> str:
    text = (SEEDS / SEED_FILES[document]).read_text(encoding="utf-8").splitlines()
    chosen: list[str] = []
    for part in lines.split(","):
        low, _, high = part.strip().replace("–", "-").partition("-")
        chosen += text[int(low) - 1 : int(high or low)]
    return " ".join(chosen)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="kildeteksterne ligger ikke på denne maskine")
def test_every_figure_value_stands_in_its_cited_seed_lines():
    data = yaml.safe_load((DATA / "figures.yaml").read_text(encoding="utf-8"))
    for figure in data["figurer"]:
        source = _seed_lines(figure["kilde"]["dokument"], figure["kilde"]["linjer"])
        digits = re.sub(r"(?<=\d)\.(?=\d{3})", "", source)  # 3.000 → 3000
        for series in figure["serier"]:
            for item in series["værdier"]:
                value = item["værdi"]
                written = str(value).replace(".", ",") if isinstance(value, float) else str(value)
                assert re.search(rf"(?<![\d,]){re.escape(written)}(?![\d,])", digits), (figure["id"], value)


def test_figures_add_up_where_the_seed_gives_totals():
    data = yaml.safe_load((DATA / "figures.yaml").read_text(encoding="utf-8"))
    figures = {f["id"]: f for f in data["figurer"]}
    by_diagnosis = [v["værdi"] for v in figures["diagnoser-2019"]["serier"][0]["værdier"]]
    plans_2019 = figures["planer-fra-psykiatrien"]["serier"][0]["værdier"][1]
    assert plans_2019["etiket"].endswith("2019") and sum(by_diagnosis) == plans_2019["værdi"] == 193
    general, special, total = ([v["værdi"] for v in s["værdier"]] for s in figures["midtjylland-2012-2014"]["serier"])
    assert [a + b for a, b in zip(general, special)] == total == [5, 9, 14]
