"""A record no one has verified never looks verified: schema, validator, pages, exports and the built site.

An example (``eksempel: true``) has no ``sidst_bekræftet``; every other record has one with ``dato`` and
``af``. Pages show an example as "Eksempel – ikke bekræftet" and never as "Sidst bekræftet … af …".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers.records import (
    EXAMPLE_CONTACTS,
    EXAMPLE_OFFER,
    EXAMPLE_PARTNER,
    GOOD_CONTACTS,
    GOOD_OFFER,
    GOOD_PARTNER,
    GOOD_PARTNER_OFFER,
    as_example,
)
from tests.helpers.site import DATA, write_tree
from videre import site
from videre.catalog.load import load_catalog, register_view
from videre.core import schema as S
from videre.core.errors import render_text
from videre.core.options import SiteOptions
from videre.kinds.registry import published_schemas
from videre.pages import danish_date
from videre.search.spelling import PRINT_SHEET

TODAY = dt.date(2026, 11, 23)
BADGE = "Eksempel – ikke bekræftet"
DEPARTMENT = (DATA / "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml").read_text(encoding="utf-8")
SCREEN = """\
navn: Venterummet
afdeling: psykiatrisk-afdeling-esbjerg
dias: [ret-til-gop, kommunens-tilbud]
format: liggende
åbningstider: {hverdage: "07:00–17:00"}
eksempel: true
"""
CONFIRMATION = 'sidst_bekræftet: {dato: "2026-10-01", af: Træning og Rehabilitering}\n'


def report(tmp_path: Path, files: dict[str, str]) -> str:
    root = write_tree(tmp_path / "data", files)
    result = load_catalog(root, today=TODAY)
    return render_text(result.problems, root, result.sources)


# ---------------------------------------------------------------- the rule in the schema and the validator


def test_an_example_that_names_a_verifier_is_rejected_with_one_message(tmp_path):
    text = report(tmp_path, {"offers/esbjerg/a.yaml": GOOD_OFFER.replace("eksempel: false", "eksempel: true")})
    assert (
        text
        == """\
offers/esbjerg/a.yaml:13:1: fejl [ikke-tilladt]: 'sidst_bekræftet' må ikke stå her, fordi posten har 'eksempel: true'
  13 | sidst_bekræftet:
     | ^~~~~~~~~~~~~~~~
  Hint: et eksempel er ikke tjekket af nogen, så slet 'sidst_bekræftet' med dato og af; har du selv tjekket oplysningerne hos kilden, så skriv 'eksempel: false' i stedet

1 fejl og 0 advarsler i 1 fil."""
    )


def test_an_example_with_only_a_date_gets_the_same_single_message(tmp_path):
    """Not 'add af': the whole field must go, so the contributor is not sent to fill it in."""
    text = report(tmp_path, {"partners/test.yaml": EXAMPLE_PARTNER + 'sidst_bekræftet: {dato: "2026-10-01"}\n'})
    assert (
        text
        == """\
partners/test.yaml:6:1: fejl [ikke-tilladt]: 'sidst_bekræftet' må ikke stå her, fordi posten har 'eksempel: true'
  6 | sidst_bekræftet: {dato: "2026-10-01"}
    | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  Hint: et eksempel er ikke tjekket af nogen, så slet 'sidst_bekræftet' med dato og af; har du selv tjekket oplysningerne hos kilden, så skriv 'eksempel: false' i stedet

1 fejl og 0 advarsler i 1 fil."""
    )


@pytest.mark.parametrize(
    "name,text",
    [
        ("offers/esbjerg/a.yaml", EXAMPLE_OFFER),
        ("partners/test.yaml", EXAMPLE_PARTNER),
        ("partners/test/b.yaml", as_example(GOOD_PARTNER_OFFER)),
        ("contacts/kommuner/esbjerg.yaml", EXAMPLE_CONTACTS),
        ("contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml", DEPARTMENT),
        ("screens/venterum.yaml", SCREEN),
    ],
    ids=["tilbud", "partner", "partnertilbud", "kommunekontakter", "afdeling", "skaerm"],
)
def test_every_kind_accepts_an_example_without_and_rejects_one_with_a_confirmation(tmp_path, name, text):
    department = {"contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml": DEPARTMENT}
    if name.startswith("partners/test/"):
        department["partners/test.yaml"] = EXAMPLE_PARTNER
    files = {**department, name: text}
    good = load_catalog(write_tree(tmp_path / "good", files), today=TODAY)
    assert good.problems == []
    records = [
        *good.catalog.all_offers(),
        *good.catalog.partners,
        *good.catalog.contacts.values(),
        *good.catalog.departments,
        *good.catalog.screens,
    ]
    assert len(records) == len(files)  # one record per file, all of them examples without a confirmation
    assert all(r.example and r.verified is None for r in records)
    bad = load_catalog(write_tree(tmp_path / "bad", {**department, name: text + CONFIRMATION}), today=TODAY)
    assert [(p.file.name, p.field, p.rule) for p in bad.problems] == [
        (Path(name).name, "sidst_bekræftet", "ikke-tilladt")
    ]


def test_a_record_that_is_not_an_example_must_say_who_confirmed_it_or_where_it_was_read(tmp_path):
    text = report(
        tmp_path,
        {
            "offers/esbjerg/a.yaml": EXAMPLE_OFFER.replace("eksempel: true", "eksempel: false"),
            "contacts/kommuner/esbjerg.yaml": EXAMPLE_CONTACTS.replace("eksempel: true\n", ""),
            "partners/test.yaml": GOOD_PARTNER.replace(", af: Redaktionen", ""),
        },
    )
    assert (
        text
        == """\
contacts/kommuner/esbjerg.yaml:1:1: fejl [mangler-felt]: påkrævet felt 'kilde' mangler, fordi posten ikke har 'eksempel: true' og ikke har 'sidst_bekræftet'
  1 | gop_modtager:
    | ^~~~~~~~~~~~~
  Hint: skriv, hvilken offentlig side oplysningerne er læst på, fx 'kilde: {url: https://www.kommune.example.org/genoptraening, læst: \"2026-10-01\"}'; har den, der driver tilbuddet, bekræftet dem, så skriv 'sidst_bekræftet: {dato: \"2026-10-01\", af: Træning og Rehabilitering}'; er de ikke tjekket, så skriv 'eksempel: true'

offers/esbjerg/a.yaml:1:1: fejl [mangler-felt]: påkrævet felt 'kilde' mangler, fordi posten ikke har 'eksempel: true' og ikke har 'sidst_bekræftet'
  1 | titel: Genoptræning efter indlæggelse
    | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  Hint: skriv, hvilken offentlig side oplysningerne er læst på, fx 'kilde: {url: https://www.kommune.example.org/genoptraening, læst: \"2026-10-01\"}'; har den, der driver tilbuddet, bekræftet dem, så skriv 'sidst_bekræftet: {dato: \"2026-10-01\", af: Træning og Rehabilitering}'; er de ikke tjekket, så skriv 'eksempel: true'

partners/test.yaml:5:18: fejl [mangler-felt]: påkrævet felt 'sidst_bekræftet.af' mangler
  5 | sidst_bekræftet: {dato: "2026-10-01"}
    |                  ^~~~~~~~~~~~~~~~~~~~
  Hint: tilføj fx 'af: Træning og Rehabilitering'

3 fejl og 0 advarsler i 3 filer."""
    )


def test_the_web_form_shape_after_a_check_is_valid(tmp_path):
    """Saving in the web form sets 'eksempel: false' and adds today's date and the editor's unit."""
    saved = EXAMPLE_OFFER.replace(
        "eksempel: true\n", 'eksempel: false\nsidst_bekræftet:\n  dato: "2026-11-23"\n  af: Sundhed og Omsorg\n'
    )
    result = load_catalog(write_tree(tmp_path / "data", {"offers/esbjerg/a.yaml": saved}), today=TODAY)
    assert result.problems == []
    offer = result.catalog.offers[0]
    assert (offer.example, offer.verified.date, offer.verified.by) == (False, TODAY, "Sundhed og Omsorg")


def test_every_kind_with_a_confirmation_carries_the_rule_in_standard_json_schema():
    register = load_catalog(DATA, today=TODAY).catalog.register
    governed = {
        kind: schema
        for kind, schema in published_schemas(register_view(register)).items()
        if S.VERIFIED_FIELD in schema.get("properties", {})
    }
    assert set(governed) == {"tilbud", "partnertilbud", "partner", "kommunekontakter", "afdeling", "skaerm"}
    for kind, schema in governed.items():
        assert S.VERIFIED_FIELD not in schema["required"], kind
        assert {k: schema[k] for k in ("if", "then", "else")} == S.CONFIRMATION_RULE, kind
        # The reference implementation reads the rule the same way.
        checker = jsonschema.Draft202012Validator(schema)
        example = {"eksempel": True, S.VERIFIED_FIELD: {"dato": "2026-10-01", "af": "Enheden"}}
        assert [e.instance for e in checker.iter_errors(example) if e.message.startswith("False schema")] == [
            example[S.VERIFIED_FIELD]
        ], kind
        # Neither an example nor confirmed: the record must name the public page it was read from.
        assert "'kilde' is a required property" in [e.message for e in checker.iter_errors({})], kind
        assert "'kilde' is a required property" not in [
            e.message for e in checker.iter_errors({S.VERIFIED_FIELD: {"dato": "2026-10-01", "af": "Enheden"}})
        ], kind
        sourced = {"kilde": {"url": "https://kommune.example.org/side", "læst": "2026-10-01"}}
        assert not [e for e in checker.iter_errors(sourced) if "kilde" in (e.message + str(list(e.path)))], kind
        as_text = [e.message for e in checker.iter_errors({"kilde": "Kommunens side"})]
        assert "'Kommunens side' is not of type 'object'" in as_text, kind
        example_with_page = [e.message for e in checker.iter_errors({"eksempel": True, **sourced})]
        assert any("is not of type 'string'" in m for m in example_with_page), kind


# ---------------------------------------------------------------- pages and exports built from the records

CONFIRMED = {
    "offers/esbjerg/a.yaml": GOOD_OFFER,
    "partners/test.yaml": GOOD_PARTNER,
    "partners/test/b.yaml": GOOD_PARTNER_OFFER,
    "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
}
EXAMPLES = {name: as_example(text) for name, text in CONFIRMED.items()}
PAGES = ("tilbud/esbjerg/a.md", "tilbud/test/b.md", "partnere/test.md", "kommuner/esbjerg.md", "kommuner/varde.md")
HANDOUTS = ("udskrivning/esbjerg/index.html",)


def sheet(out: dict[str, str], page: str = "tilbud/esbjerg/a.md") -> str:
    """The offer's printed sheet for the patient: the last block of its page."""
    return out[page].split(PRINT_SHEET, 1)[1]


def built(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    """Every generated page and file of a small data tree, by path."""
    result = load_catalog(write_tree(tmp_path / "data", files), today=TODAY)
    assert result.errors == []
    options = SiteOptions(today=TODAY)
    out = {p.src_uri: p.markdown for p in site.build_pages(result.catalog, options)}
    out.update({f.path: f.content for f in site.build_files(result.catalog, options)})
    return out


def test_example_pages_show_the_badge_and_never_a_confirmation(tmp_path):
    out = built(tmp_path, EXAMPLES)
    for path in (*PAGES, *HANDOUTS):
        assert BADGE in out[path], path
        assert "bekræftet 1. oktober 2026" not in out[path] and "Sidst bekræftet" not in out[path], path
    assert "Oplysningerne er senest opdateret" not in out["udskrivning/esbjerg/index.html"]
    assert BADGE in sheet(out) and "Oplysningerne er senest opdateret" not in sheet(out)
    assert not [path for path, text in out.items() if re.search(r"[Ss]idst bekræftet \d", text)]


def test_confirmed_pages_show_who_confirmed_them(tmp_path):
    """The other side of the rule, so the test above cannot pass by showing nothing at all."""
    out = built(tmp_path, CONFIRMED)
    line = "Sidst bekræftet 1. oktober 2026 af Træning og Rehabilitering"
    for path in ("tilbud/esbjerg/a.md", "tilbud/test/b.md"):
        assert line in out[path] and BADGE not in out[path], path
    assert "Sidst bekræftet 1. oktober 2026 af Redaktionen" in out["partnere/test.md"]
    # Issue 32's cards put a space between term and value, so extracted text keeps the words apart.
    card = "<dt>Sidst bekræftet</dt> <dd>1. oktober 2026 af Træning og Rehabilitering</dd>"
    assert line in out["kommuner/esbjerg.md"] and card in out["kommuner/esbjerg.md"]  # contact box, offer card
    assert card in out["kommuner/varde.md"]  # the partner's offer covers Varde
    assert "Oplysningerne er senest opdateret 1. oktober 2026" in out["udskrivning/esbjerg/index.html"]
    assert "Oplysningerne er senest opdateret 1. oktober 2026" in sheet(out) and BADGE not in sheet(out)


def test_exports_never_present_an_example_as_confirmed(tmp_path):
    examples, confirmed = built(tmp_path / "a", EXAMPLES), built(tmp_path / "b", CONFIRMED)
    for out, example in ((examples, True), (confirmed, False)):
        offers = json.loads(out["offers.json"])["tilbud"]
        expected = None if example else {"dato": "2026-10-01", "af": "Træning og Rehabilitering"}
        assert [(o["eksempel"], o["sidst_bekræftet"]) for o in offers] == [(example, expected)] * 2
        rows = list(csv.DictReader(io.StringIO(out["offers.csv"])))
        cells = ("", "") if example else ("2026-10-01", "Træning og Rehabilitering")
        assert [(r["eksempel"], r["sidst_bekræftet"], r["bekræftet_af"]) for r in rows] == [
            ("ja" if example else "nej", *cells)
        ] * 2
        services = json.loads(out["hsds/services.json"])
        assert [("assured_date" in s, "assurer_email" in s) for s in services] == [(not example, False)] * 2
        assert [s.get("assured_date") for s in services] == [None if example else "2026-10-01"] * 2


# ---------------------------------------------------------------- the real site


DATE = r"\d{1,2}\. [a-zæøå]+ \d{4}"
CONFIRMATION_TEXT = re.compile(rf"[Ss]idst bekræftet(?:\s|<[^>]+>)*({DATE})(?: af ([^<.\"]+))?")
"""A shown confirmation: 'Sidst bekræftet 2. november 2026 af X', also split over <dt>/<dd> or in a title."""


def real_records():
    result = load_catalog(DATA, today=TODAY)
    catalog = result.catalog
    return [
        *catalog.all_offers(),
        *catalog.partners,
        *catalog.contacts.values(),
        *catalog.departments,
        *catalog.screens,
    ]


def test_the_built_site_shows_no_confirmation_for_any_example(site_dir):
    records = real_records()
    examples = [r for r in records if r.example]
    assert examples and all(r.verified is None for r in examples)
    allowed = {(danish_date(r.verified.date), r.verified.by) for r in records if not r.example}
    shown: dict[str, list[tuple[str, str]]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for found in CONFIRMATION_TEXT.finditer(page.read_text(encoding="utf-8")):
            shown.setdefault(page.relative_to(site_dir).as_posix(), []).append(found.groups())
    # Every confirmation on any page is one of a non-example record: a date and a unit someone really gave.
    for path, confirmations in shown.items():
        for date, by in confirmations:
            assert any(date == d and (by is None or by.strip() == b) for d, b in allowed), (path, date, by)
    # Only the non-example partners' own pages show one; no page of an example does, today none at all.
    confirmed_pages = {f"{r.url}index.html" for r in records if not r.example and hasattr(r, "url")}
    assert set(shown) <= confirmed_pages, sorted(set(shown) - confirmed_pages)
    for record in examples:
        url = getattr(record, "url", "")
        if url and (site_dir / url / "index.html").exists():
            assert BADGE in (site_dir / url / "index.html").read_text(encoding="utf-8"), url
    municipality_pages = [p for p in shown if p.startswith(("kommuner/", "regioner/", "udskrivning/", "skaerm/"))]
    assert municipality_pages == []


def test_the_real_exports_show_no_confirmation_for_any_example(site_dir):
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    assert offers and all(o["sidst_bekræftet"] is None for o in offers if o["eksempel"])
    rows = list(csv.DictReader(io.StringIO((site_dir / "offers.csv").read_text(encoding="utf-8"))))
    assert rows and all(r["sidst_bekræftet"] == r["bekræftet_af"] == "" for r in rows if r["eksempel"] == "ja")
    services = json.loads((site_dir / "hsds/services.json").read_text(encoding="utf-8"))
    example_names = {o["titel"] for o in offers if o["eksempel"]}
    checked = [s for s in services if s["name"] in example_names]
    assert checked and not [s["name"] for s in checked if "assured_date" in s or "assurer_email" in s]
    directory = json.loads((site_dir / "katalog.json").read_text(encoding="utf-8"))["tilbud"]
    # "r" (open to relatives) and "c" (the contact line: role, phone, e-mail) hold no confirmation either.
    assert directory and all(
        set(o) <= {"t", "k", "e", "u", "d", "a", "p", "f", "h", "x", "q", "b", "r", "c"} for o in directory
    )
    assert all(o["q"] == "" for o in directory if o["x"])  # an example never carries the 'from a public page' badge
    review = list(csv.DictReader(io.StringIO((site_dir / "gennemsyn.csv").read_text(encoding="utf-8"))))
    loaded = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in DATA.rglob("*.yaml")}
    example_files = {
        f"data/{p.relative_to(DATA).as_posix()}"
        for p, data in loaded.items()
        if isinstance(data, dict) and data.get("eksempel") is True
    }
    assert example_files and not [r["fil"] for r in review if r["fil"] in example_files]
