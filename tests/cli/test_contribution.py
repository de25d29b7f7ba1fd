"""Contributing: the scaffold, exact messages for a broken file, the schema line, owners and schemas.

A municipality's staff member adds an offer with `videre ny-tilbud` (or the web
editor), the check explains every problem in Danish with file:line, and the
same lines appear in the build log.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.contrib import problem_lines, project, videre
from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import DATA, ROOT, build_site, write_tree
from videre.catalog import ownership
from videre.catalog.load import load_catalog, load_register
from videre.cli import commands as cli
from videre.cli import scaffold
from videre.core import schemaline
from videre.core.yamlsource import parse

TODAY = "2026-12-06"  # the day the sourced records in data/ were read (kilde.læst)

BROKEN = """\
# yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json
titel: Gågruppe ved stranden
type: samvær
beskrivelse: Vi går en tur sammen hver tirsdag.
målgruppe:
  alder: {fra: 18, til: 120}
  problemer: [angst, depresion]
form: [udendoers]
henvisning: [egen-henvendelse]
kontakt:
  rolle: Frivillig koordinator
  mail: gaatur@esbjerg.example.org
sidst_bekræftet:
  dato: "23-11-2026"
  af: Sundhed og Omsorg
"""

BROKEN_REPORT = """\
data/offers/esbjerg/gaagruppe.yaml:3:7: fejl [ugyldig-værdi]: 'type' har værdien 'samvær', som ikke er tilladt
  3 | type: samvær
    |       ^~~~~~
  Hint: mente du 'samvaer'?

data/offers/esbjerg/gaagruppe.yaml:7:22: fejl [ugyldig-værdi]: 'målgruppe.problemer[1]' har værdien 'depresion', som ikke er tilladt
  7 |   problemer: [angst, depresion]
    |                      ^~~~~~~~~~
  Hint: mente du 'depression'?

data/offers/esbjerg/gaagruppe.yaml:12:3: fejl [ukendt-felt]: ukendt felt 'kontakt.mail'
  12 |   mail: gaatur@esbjerg.example.org
     |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  Hint: feltet hedder nu 'email'

data/offers/esbjerg/gaagruppe.yaml:14:9: fejl [ugyldig-dato]: 'sidst_bekræftet.dato' er ikke en dato: '23-11-2026'
  14 |   dato: "23-11-2026"
     |         ^~~~~~~~~~~~
  Hint: skriv datoen som ÅÅÅÅ-MM-DD, fx '2026-10-01'

4 fejl og 0 advarsler i 1 fil.
"""

NEW_OFFER_FLAGS = [
    "--kommune",
    "esbjerg",
    "--titel",
    "Gåtur og kaffe: Ølgod",
    "--type",
    "samvaer",
    "--beskrivelse",
    "Vi går en tur sammen hver tirsdag. Bagefter drikker vi kaffe.",
    "--problemer",
    "angst,Depression",
    "--form",
    "Udendørs",
    "--henvisning",
    "egen-henvendelse",
    "--rolle",
    "Frivillighedskoordinator",
    "--email",
    "gaatur@esbjerg.example.org",
    "--af",
    "Sundhed og Omsorg",
]


# ---------------------------------------------------------------- the scaffold


def test_scaffolded_offer_validates_builds_and_appears_on_its_municipality_page(tmp_path):
    data = project(tmp_path, real_data=True)
    made = videre("ny-tilbud", *NEW_OFFER_FLAGS, cwd=tmp_path, data=Path("data"), dato=TODAY)
    assert made.returncode == 0, made.stderr
    path = data / "offers" / "esbjerg" / "gaatur-og-kaffe-oelgod.yaml"
    assert made.stdout.startswith("Skrev data/offers/esbjerg/gaatur-og-kaffe-oelgod.yaml.")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json"
    assert f'  dato: "{TODAY}"' in text and "eksempel: false" in text
    assert "problemer: [angst, depression]" in text and "form: [udendoers]" in text

    checked = videre("valider", cwd=tmp_path, data=Path("data"), dato=TODAY)
    assert checked.returncode == 0, checked.stdout
    assert "gaatur-og-kaffe-oelgod" not in checked.stdout  # not even a warning (the schema line is checked here)

    again = videre("ny-tilbud", *NEW_OFFER_FLAGS, cwd=tmp_path, data=Path("data"), dato=TODAY)
    assert again.returncode == 1 and "findes allerede" in again.stderr
    assert path.read_text(encoding="utf-8") == text

    built = build_site(tmp_path / "site", data=data, env={"VIDERE_TODAY": TODAY})
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "kommuner" / "esbjerg" / "index.html").read_text(encoding="utf-8")
    assert "Gåtur og kaffe: Ølgod" in page
    assert 'href="../../tilbud/esbjerg/gaatur-og-kaffe-oelgod/"' in page
    assert (tmp_path / "site" / "tilbud" / "esbjerg" / "gaatur-og-kaffe-oelgod" / "index.html").is_file()


def test_scaffold_asks_on_a_terminal_and_asks_again_for_an_unknown_code(tmp_path):
    data = project(tmp_path)
    answers = [
        "samvær",
        "Kom og drik kaffe.",
        "angst, ensomhed",
        "centret",
        "center",
        "egen-henvendelse",
        "Koordinator",
        "",
        "Sundhed og Omsorg",
    ]
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "videre.cli.commands",
            "--data",
            str(data),
            "--dato",
            TODAY,
            "ny-tilbud",
            "--kommune",
            "varde",
            "--titel",
            "Åben café",
        ],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
    )
    os.close(slave)
    os.write(master, "".join(a + "\n" for a in answers).encode())
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0, output.decode(errors="replace")
    os.close(master)
    text = output.decode(errors="replace")
    assert "  udendoers                    Udendørs" in text
    assert "'centret' findes ikke. Mente du 'center'?" in text
    written = (data / "offers" / "varde" / "aaben-cafe.yaml").read_text(encoding="utf-8")
    assert "type: samvaer\n" in written and "form: [center]\n" in written and "  af: Sundhed og Omsorg\n" in written
    assert "email" not in written


def test_scaffold_without_a_terminal_names_the_missing_flags_and_writes_nothing(tmp_path):
    data = project(tmp_path)
    result = videre("ny-tilbud", "--kommune", "esbjerg", "--titel", "Nyt tilbud", data=data, dato=TODAY)
    assert result.returncode == 2
    assert "mangler --type, --beskrivelse, --problemer, --form, --henvisning, --rolle, --af" in result.stderr
    assert not (data / "offers").exists()
    wrong = videre("ny-tilbud", "--kommune", "esbjer", data=data, dato=TODAY)
    assert wrong.returncode == 2 and "Mente du 'esbjerg'?" in wrong.stderr


def test_scaffold_refuses_bad_answers_with_the_usual_messages_and_keeps_no_file(tmp_path):
    data = project(tmp_path)
    flags = [f if f != "Udendørs" else "udenfor" for f in NEW_OFFER_FLAGS]
    result = videre("ny-tilbud", *flags, cwd=tmp_path, data=Path("data"), dato=TODAY)
    assert result.returncode == 1
    assert (
        "data/offers/esbjerg/gaatur-og-kaffe-oelgod.yaml:8:8: fejl [ugyldig-værdi]: 'form[0]' har værdien "
        "'udenfor', som ikke er tilladt"
    ) in result.stderr
    assert "Filen blev ikke gemt." in result.stderr
    assert list((data / "offers" / "esbjerg").iterdir()) == []


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Gåtur & snak i Ølgod", "gaatur-snak-i-oelgod"),
        ("  Kognitiv træning (KT) – for voksne ", "kognitiv-traening-kt-for-voksne"),
        ("Café Æblehaven", "cafe-aeblehaven"),
        ("???", "tilbud"),
    ],
)
def test_slugs_are_plain_ascii_file_names(title, slug):
    assert scaffold.slugify(title) == slug


@pytest.mark.parametrize(
    "value",
    [
        "Træning: krop og hoved",
        "# ikke en kommentar",
        "- ikke en liste",
        "true",
        "123",
        "2026-11-23",
        "Pris 'gratis' \"altid\"",
        "@hold",
        "a #b",
        " mellemrum ",
    ],
)
def test_scaffold_text_reads_back_exactly(value):
    new = scaffold.NewOffer(
        "esbjerg",
        {
            "titel": value.strip() or "x",
            "type": "samvaer",
            "beskrivelse": value + "\n\nAnden linje",
            "målgruppe.alder.fra": 18,
            "målgruppe.alder.til": 120,
            "målgruppe.problemer": ("angst",),
            "form": ("center",),
            "henvisning": ("gop",),
            "kontakt.rolle": value,
            "sidst_bekræftet.af": value,
            "sidst_bekræftet.dato": dt.date(2026, 11, 23).isoformat(),
            "eksempel": False,
        },
    )
    document, problems = parse(Path("x.yaml"), scaffold.offer_yaml(new))
    assert problems == [] and document is not None
    data = document.data
    assert data["titel"] == value.strip() and data["kontakt"]["rolle"] == value
    assert data["sidst_bekræftet"]["af"] == value
    assert data["beskrivelse"].split() == (value + "\n\nAnden linje").split()


# ---------------------------------------------------------------- a broken contribution


def test_broken_contribution_gets_exact_danish_messages_and_exit_1(tmp_path):
    project(tmp_path, {"offers/esbjerg/gaagruppe.yaml": BROKEN})
    result = videre("valider", cwd=tmp_path, data=Path("data"), dato=TODAY)
    assert result.returncode == 1
    assert result.stdout == BROKEN_REPORT
    assert result.stderr == ""


def test_the_contributing_guide_shows_the_real_output():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "```text\n" + BROKEN_REPORT + "```" in guide
    for rule in (
        "mangler-felt",
        "ukendt-felt",
        "ugyldig-værdi",
        "ugyldig-dato",
        "yaml-syntaks",
        "mangler-omdirigering",
        "mangler-skemalinje",
        "forældet",
    ):
        assert f"`{rule}`" in guide


def test_cli_and_build_log_report_the_same_problem_lines(tmp_path):
    stale = GOOD_OFFER  # confirmed 2026-10-01: stale at the date below
    data = project(
        tmp_path,
        {
            "offers/esbjerg/gaagruppe.yaml": BROKEN,
            "offers/varde/gammel.yaml": stale,  # no schema line: a warning as well
            "offers/esbjerg/yaml-fejl.yaml": "titel: Vi går: hver tirsdag\n",
        },
    )
    later = "2027-12-01"
    cli_result = videre("valider", data=data, dato=later)
    build = build_site(tmp_path / "site", data=data, env={"VIDERE_TODAY": later})
    assert cli_result.returncode == 1 and build.returncode != 0
    from_cli = problem_lines(cli_result.stdout)
    from_build = problem_lines(build.stdout + build.stderr)
    assert len(from_cli) == 7
    assert sorted(from_cli) == sorted(from_build)
    rules = {re.search(r"\[(.+?)\]", line).group(1) for line in from_cli}
    assert {"forældet", "mangler-skemalinje", "yaml-syntaks", "ugyldig-værdi"} <= rules


def test_stale_records_only_warn_and_the_strict_build_still_passes(tmp_path):
    data = project(
        tmp_path,
        {
            "offers/esbjerg/gammel.yaml": schemaline.schema_line("tilbud", ("offers", "esbjerg", "gammel.yaml"))
            + "\n"
            + GOOD_OFFER
        },
    )
    build = build_site(tmp_path / "site", data=data, env={"VIDERE_TODAY": "2030-01-01"})
    assert build.returncode == 0, build.stderr
    assert "advarsel [forældet]: oplysningerne er ikke bekræftet i over 24 måneder" in build.stdout + build.stderr


# ---------------------------------------------------------------- the schema line


def _schema_problems(tmp_path: Path, text: str, *, with_schemas: bool = True):
    files = {"offers/esbjerg/x.yaml": text}
    data = project(tmp_path, files) if with_schemas else write_tree(tmp_path / "data", files)
    return [p for p in load_catalog(data, today=dt.date(2026, 11, 23)).problems if p.rule == "mangler-skemalinje"]


def test_every_real_data_file_starts_with_its_schema_line():
    result = load_catalog(DATA, today=dt.date(2026, 12, 6))
    assert [p for p in result.problems if p.rule == "mangler-skemalinje"] == []


def test_missing_or_wrong_schema_line_warns_with_the_line_to_use(tmp_path):
    line = "# yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json"
    assert _schema_problems(tmp_path / "a", line + "\n" + GOOD_OFFER) == []
    [missing] = _schema_problems(tmp_path / "b", GOOD_OFFER)
    assert (missing.level, missing.line, missing.message, missing.hint) == (
        "advarsel",
        1,
        "filen mangler skemalinjen øverst, som lader din editor tjekke felterne",
        f"indsæt som første linje: '{line}'",
    )
    [wrong] = _schema_problems(tmp_path / "c", line.replace("tilbud.schema", "partner.schema") + "\n" + GOOD_OFFER)
    assert wrong.message == (
        "skemalinjen peger på '../../../docs/schemas/partner.schema.json', men filen skal bruge skemaet 'tilbud'"
    )
    assert wrong.hint == f"ret linjen til '{line}'"
    # A data tree away from docs/schemas (a bare copy) cannot resolve the line, so it is not checked there.
    assert _schema_problems(tmp_path / "d", GOOD_OFFER, with_schemas=False) == []
    # The register is checked too.
    data = project(tmp_path / "e")
    register = data / "kommuner.yaml"
    register.write_text(register.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    [problem] = load_catalog(data, today=dt.date(2026, 11, 23)).problems
    assert (problem.file.name, problem.rule, problem.hint) == (
        "kommuner.yaml",
        "mangler-skemalinje",
        "indsæt som første linje: '# yaml-language-server: $schema=../docs/schemas/kommuner.schema.json'",
    )


# ---------------------------------------------------------------- schemas, owners


def test_videre_skemaer_writes_exactly_the_committed_schema_files(tmp_path):
    assert cli.main(["--data", str(DATA), "skemaer", "--ud", str(tmp_path)]) == 0
    written = {p.name: p.read_bytes() for p in tmp_path.glob("*.json")}
    committed = {p.name: p.read_bytes() for p in (ROOT / "docs" / "schemas").glob("*.json")}
    assert sorted(written) == sorted(committed), "kør 'make skemaer'"
    for name in written:
        assert written[name] == committed[name], f"docs/schemas/{name} er forældet: kør 'make skemaer'"


def test_schemas_are_published_at_stable_addresses(site_dir):
    for path in (ROOT / "docs" / "schemas").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == f"https://videre.example.org/schemas/{path.name}"
        assert (site_dir / "schemas" / path.name).read_bytes() == path.read_bytes()


def test_committed_codeowners_equals_the_generated_file(tmp_path):
    register, problems, _ = load_register(DATA / "kommuner.yaml", dt.date(2026, 11, 23))
    assert problems == []
    committed = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == ownership.codeowners(register), "kør 'videre codeowners'"
    lines = committed.splitlines()
    assert f"*  {ownership.EDITORIAL_TEAM}" in lines
    for m in register.municipalities:
        for pattern in (f"/data/offers/{m.slug}/", f"/data/contacts/kommuner/{m.slug}.yaml"):
            [line] = [line for line in lines if line.startswith(pattern + " ")]
            assert line.split()[1:] == [m.team, ownership.EDITORIAL_TEAM]
    # The catch-all comes first: in CODEOWNERS the last matching line wins.
    assert lines.index(f"*  {ownership.EDITORIAL_TEAM}") < min(
        i for i, line in enumerate(lines) if line.startswith("/")
    )
    out = tmp_path / "CODEOWNERS"
    assert cli.main(["--data", str(DATA), "codeowners", "--ud", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == committed


def test_forge_files_are_in_danish_and_run_the_make_targets():
    import yaml

    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "rapporter-fejl.yml").read_text(encoding="utf-8"))
    assert form["name"] == "Rapportér forkerte oplysninger"
    assert {item.get("id") for item in form["body"]} >= {"side", "fil", "forkert"}
    checklist = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert checklist.count("- [ ]") >= 5 and "sidst_bekræftet" in checklist
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    for needed in (
        "pull_request",
        "make test",
        "make build",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "apt-get install -y -qq chromium",
    ):
        assert needed in workflow


def test_contributing_page_on_the_site_shows_the_guide(site_dir):
    page = (site_dir / "bidrag" / "index.html").read_text(encoding="utf-8")
    assert "Sådan bidrager du til Videre" in page and "Når kontrollen fejler" in page
    assert "fejl [ugyldig-værdi]" in page


# ---------------------------------------------------------------- 'Rapportér fejl'


def test_report_link_is_a_prefilled_mail_or_forge_issue():
    from urllib.parse import parse_qs, urlsplit

    from videre.core.options import SiteOptions
    from videre.pages.feedback import report_url

    mail = report_url(SiteOptions(), "Gågruppe", "tilbud/esbjerg/gaagruppe/", "data/offers/esbjerg/gaagruppe.yaml")
    parts = urlsplit(mail)
    query = parse_qs(parts.query)
    assert (parts.scheme, parts.path) == ("mailto", "redaktion@videre.example.org")
    assert query["subject"] == ["Forkerte oplysninger: Gågruppe"]
    assert (
        "Side: https://videre.example.org/tilbud/esbjerg/gaagruppe/\r\nFil: data/offers/esbjerg/gaagruppe.yaml"
        in query["body"][0]
    )
    assert "+" not in parts.query  # spaces as %20, which every mail program reads
    forge = SiteOptions(issue_url="https://github.com/videre-dk/videre/issues/new?template=rapporter-fejl.yml")
    issue = urlsplit(report_url(forge, "Gågruppe", "tilbud/esbjerg/gaagruppe/", "data/offers/esbjerg/gaagruppe.yaml"))
    fields = parse_qs(issue.query)
    assert fields["template"] == ["rapporter-fejl.yml"] and fields["title"] == ["Forkerte oplysninger: Gågruppe"]
    assert fields["fil"] == ["data/offers/esbjerg/gaagruppe.yaml"]
    assert fields["side"] == ["https://videre.example.org/tilbud/esbjerg/gaagruppe/"]


def test_municipality_and_offer_pages_link_to_report_an_error(site_dir):
    offer = site_dir / "tilbud" / "esbjerg" / "genoptraening-efter-psykiatrisk-indlaeggelse" / "index.html"
    municipality = site_dir / "kommuner" / "esbjerg" / "index.html"
    for page, file in (
        (offer, "data/offers/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse.yaml"),
        (municipality, "data/contacts/kommuner/esbjerg.yaml"),
    ):
        html = page.read_text(encoding="utf-8")
        link = re.search(r'<a href="(mailto:[^"]+)">Rapportér fejl</a>', html)
        assert link, page
        assert file.replace("/", "%2F") in link.group(1)
