"""The web editor at /redaktion/ (Decap CMS), driven through its form in headless Chromium.

A temporary copy of the repository is made a git repository; the CMS's own
local backend (decap-server, from node_modules) serves it on a free loopback
port, and the site is built there once and served on loopback. Through the
form the tests create an offer for Esbjerg, edit one field of an existing
offer, and try to save records that break the rules. Nothing the user touches
is mocked: the files are those the CMS writes, checked with ``videre valider``
and ``git diff``.

The YAML writer itself (docs/redaktion/format.js) is also run by node over
every editable record: each must come back byte for byte.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.helpers.a11y import AXE, WCAG_21_AA
from tests.helpers.browser import serve
from tests.helpers.site import ROOT, build_site
from videre.core import urls
from videre.pages import editor
from videre.catalog.load import load_catalog

NODE_MODULES = ROOT / "node_modules"
COPIED = ("data", "docs", "hooks", "overrides", "videre", "mkdocs.yml", ".gitignore")
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
EDITED = Path("data/offers/esbjerg/kursus-stress-og-soevn.yaml")
SCREENS = Path(os.environ.get("VIDERE_SCREENSHOTS", "")) if os.environ.get("VIDERE_SCREENSHOTS") else None
"""Set VIDERE_SCREENSHOTS=DIR to keep screenshots of the form, an error and the diff (for review, not in the repo)."""

pytestmark = pytest.mark.browser


RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def drafts(repo: Path) -> list[str]:
    """The CMS's saved drafts: one branch each (on the forge, a pull request each)."""
    return git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the server answers
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


# ---------------------------------------------------------------- the YAML writer, without a browser


def test_every_editable_record_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    catalog = load_catalog(ROOT / "data").catalog
    formats = tmp_path / "formats.json"
    formats.write_text(json.dumps(editor.formats(catalog), ensure_ascii=False), encoding="utf-8")
    args = [f"videre-{kind.name}={path}" for kind in editor.EDITABLE
            for path in sorted((ROOT / "data").glob("/".join(kind.pattern)))]
    assert len(args) > 80
    done = subprocess.run(["node", str(ROOT / "tests/editor/roundtrip.mjs"), str(formats), *args],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert [change["file"] for change in json.loads(done.stdout)] == []


def test_the_configuration_comes_from_the_schema() -> None:
    catalog = load_catalog(ROOT / "data").catalog
    config = editor.config(catalog, editor.EditorOptions(repo="videre-dk/videre"))
    assert config["locale"] == "da" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["repo"] == "videre-dk/videre" and "local_backend" not in config
    names = [c["name"] for c in config["collections"]]
    assert len([n for n in names if n.startswith("tilbud-")]) == len(catalog.register.municipalities)
    esbjerg = next(c for c in config["collections"] if c["name"] == "tilbud-esbjerg")
    assert esbjerg["folder"] == "data/offers/esbjerg" and esbjerg["create"] is True
    fields = {f["name"]: f for f in esbjerg["fields"]}
    assert {"label": "Genoptræning efter genoptræningsplan", "value": "genoptraening"} in fields["type"]["options"]
    assert fields["link"]["pattern"] == [editor.S.HTTPS_PATTERN, "Skriv hele adressen med 'https://' foran"]
    assert fields["titel"]["required"] is True and fields["pris"]["required"] is False
    age = next(f for f in fields["målgruppe"]["fields"] if f["name"] == "alder")
    assert [(f["name"], f["widget"], f["min"], f["max"]) for f in age["fields"]] == [
        ("fra", "number", 0, 120), ("til", "number", 0, 120)]
    assert list(fields)[-3:] == ["sidst_bekræftet", "eksempel", "kilde"]


# ---------------------------------------------------------------- the editor in a browser


class Editor:
    """A temporary repository with decap-server, the built site on loopback, and one browser page."""

    def __init__(self, root: Path, site: Path, browser: Any):
        self.root = root
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, root / name)
        subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=root, check=True)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Udgangspunkt")
        port = free_port()
        self.api = f"http://127.0.0.1:{port}/api/v1"
        env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git",
               "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
        self.server = subprocess.Popen(["node", str(NODE_MODULES / "decap-server/dist/index.js")], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        built = build_site(site, data=root / "data", config=root / "mkdocs.yml",
                           env={editor.LOCAL_BACKEND_ENV: self.api})
        assert built.returncode == 0, built.stderr[-3000:]
        self.site = site
        self.http, self.base = serve(site)
        wait_for(f"http://127.0.0.1:{port}/")
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.foreign: list[str] = []
        self.page = self.context.new_page()
        self.page.on("request", self._record)
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.page.goto(self.base + "redaktion/")
        self.page.get_by_role("button", name="Log ind").click()
        self.page.wait_for_selector("text=Tilbud i Esbjerg")

    def _record(self, request: Any) -> None:
        """Every request must go to the site or the local backend (a routed context stalls the CMS's saving)."""
        if not request.url.startswith((self.base, self.api.rsplit("/api/", 1)[0], "data:", "blob:")):
            self.foreign.append(request.url)

    def close(self) -> None:
        self.context.close()
        self.http.shutdown()
        self.server.terminate()
        self.server.wait(timeout=10)

    # -- the form

    def open(self, fragment: str, first_field: str = "titel") -> None:
        """A fresh load (a hash change alone would show the last entry's form until the next one arrives)."""
        self.page.goto("about:blank")
        self.page.goto(self.base + "redaktion/#/" + fragment)
        self.page.wait_for_selector(f"[id^='{first_field}-field']")
        self.page.wait_for_timeout(500)  # the CMS fills the form from the file after the fields appear

    def field(self, name: str) -> Any:
        return self.page.locator(f"[id^='{name}-field']").first

    def choose(self, name: str, *labels: str) -> None:
        box = self.field(name)
        for label in labels:
            box.click()
            box.fill(label)
            self.page.keyboard.press("Enter")

    def save(self) -> None:
        self.page.get_by_role("button", name="Gem", exact=True).click()

    def saved(self) -> None:
        """Saved as a draft: in the editorial workflow that is a branch (a pull request on the forge)."""
        self.page.get_by_role("button", name="Status: Kladder").wait_for(timeout=60_000)

    def publish(self, path: Path) -> None:
        """Mark the draft ready and publish it: the local backend merges the branch into main."""
        self.page.get_by_role("button", name="Status: Kladder").click()
        self.page.get_by_role("menuitem", name="Klar").click()
        self.page.get_by_role("button", name="Publicer", exact=True).wait_for(timeout=60_000)
        self.page.get_by_role("button", name="Publicer", exact=True).click()
        self.page.get_by_role("menuitem", name="Publicer nu").click()
        deadline = time.monotonic() + 60
        while "cms/" in git(self.root, "branch", "--list", "cms/*") or not (self.root / path).is_file():
            assert time.monotonic() < deadline, "forslaget blev ikke publiceret"
            time.sleep(0.3)

    def errors(self) -> list[str]:
        return self.page.locator("li").evaluate_all(
            "items => items.map(e => e.textContent.trim()).filter(t => / er påkrævet\\.| matchede ikke: /.test(t))")

    def show_text(self, title: str, text: str, name: str) -> None:
        """A screenshot of plain text (a diff) in a page of its own."""
        if SCREENS is None:
            return
        page = self.context.new_page()
        page.set_content(f"<h1>{html.escape(title)}</h1><pre>{html.escape(text)}</pre>")
        page.screenshot(path=str(SCREENS / name), full_page=True)
        page.close()

    def shoot(self, name: str) -> None:
        if SCREENS is not None:
            SCREENS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENS / name))


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[Editor]:
    """The session's one Chromium (conftest): a second Playwright in the same process would clash with it."""
    session = Editor(tmp_path_factory.mktemp("repo"), tmp_path_factory.mktemp("site"), browser)
    yield session
    session.close()


def validate(repo: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    videre = Path(sys.executable).with_name("videre")
    return subprocess.run([str(videre), "valider", *map(str, files)], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "VIDERE_DATA": str(repo / "data")})


NEW_TITLE = "Gåtur for alle i Esbjerg"
NEW_FILE = Path("data/offers/esbjerg/gatur-for-alle-i-esbjerg.yaml")


def test_a_new_offer_for_esbjerg_is_saved_valid_and_shown(cms: Editor) -> None:
    cms.open("collections/tilbud-esbjerg/new")
    cms.field("titel").fill(NEW_TITLE)
    cms.choose("type", "Fællesskab og aktiviteter")
    cms.field("beskrivelse").fill("Du går en tur sammen med andre.\nTuren tager en time, og alle kan være med.")
    cms.field("fra").fill("18")
    cms.field("til").fill("120")
    cms.choose("problemer", "Angst", "Depression")
    cms.choose("form", "Udendørs")
    cms.choose("henvisning", "Du kan selv henvende dig")
    cms.field("rolle").fill("Holdkoordinator")
    cms.field("af").fill("Sundhed og Forebyggelse")
    cms.shoot("redaktion-formular.png")
    cms.save()
    cms.saved()
    branch = "cms/tilbud-esbjerg/" + NEW_FILE.stem
    assert branch in git(cms.root, "branch", "--list", "cms/*"), "gemt som et forslag (en gren), ikke direkte"
    cms.publish(NEW_FILE)
    text = (cms.root / NEW_FILE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json\n")
    assert f'  dato: "{dt.date.today().isoformat()}"\n  af: Sundhed og Forebyggelse\neksempel: false\n' in text
    checked = validate(cms.root, NEW_FILE)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = cms.root.parent / "site-after"
    built = build_site(site, data=cms.root / "data", config=cms.root / "mkdocs.yml")
    assert built.returncode == 0, built.stderr[-3000:]
    page = (site / "kommuner/esbjerg/index.html").read_text(encoding="utf-8")
    assert NEW_TITLE in page


def test_editing_one_field_changes_only_that_field_and_the_confirmation(cms: Editor) -> None:
    cms.open("collections/tilbud-esbjerg/entries/" + EDITED.stem)
    assert cms.field("titel").input_value() == "Kursus: Lær at leve med stress og dårlig søvn"
    cms.field("pris").fill("Gratis for borgere i kommunen")
    cms.field("af").fill("Sundhed og Forebyggelse")  # an example has no verifier; saving makes the editor one
    cms.save()
    cms.saved()
    branch = "cms/tilbud-esbjerg/" + EDITED.stem
    diff, changed = branch_diff(cms, branch, EDITED)
    assert changed == [
        "-pris: Gratis", "+pris: Gratis for borgere i kommunen",
        "-eksempel: true",
        "+sidst_bekræftet:", f'+  dato: "{dt.date.today().isoformat()}"', "+  af: Sundhed og Forebyggelse",
        "+eksempel: false",
    ]
    checked = validate_branch_file(cms, branch, EDITED)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    cms.show_text(f"git diff main {branch}", diff, "redaktion-diff.png")


def branch_diff(cms: Editor, branch: str, path: Path) -> tuple[str, list[str]]:
    """The diff of one file between main and the form's branch, and its changed lines."""
    diff = git(cms.root, "diff", "--unified=0", "main", branch, "--", str(path))
    return diff, [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def validate_branch_file(cms: Editor, branch: str, path: Path) -> subprocess.CompletedProcess[str]:
    """`videre valider` on the file as the form saved it on its branch."""
    original = (cms.root / path).read_text(encoding="utf-8")
    (cms.root / path).write_text(git(cms.root, "show", f"{branch}:{path}"), encoding="utf-8")
    try:
        return validate(cms.root, path)
    finally:
        (cms.root / path).write_text(original, encoding="utf-8")


SOURCED = Path("data/offers/nyborg/genoptraening-efter-indlaeggelse.yaml")


def test_saving_a_record_read_from_a_public_page_confirms_it_and_keeps_its_source(cms: Editor) -> None:
    """The first save through the form confirms a sourced record; its 'kilde' stays as the form found it."""
    collection = urls.municipal_offers_collection("nyborg")
    cms.open(urls.editor_entry(collection, SOURCED.stem).removeprefix(urls.EDITOR + "#/"))
    cms.field("af").fill("Træning og Rehabilitering")
    cms.save()
    cms.saved()
    branch = f"cms/{collection}/" + SOURCED.stem
    _, changed = branch_diff(cms, branch, SOURCED)
    assert changed == [
        "+sidst_bekræftet:", f'+  dato: "{dt.date.today().isoformat()}"', "+  af: Træning og Rehabilitering",
        "+eksempel: false",
    ]
    checked = validate_branch_file(cms, branch, SOURCED)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_missing_required_field_and_a_javascript_link_stop_the_save(cms: Editor) -> None:
    before = drafts(cms.root)
    cms.open("collections/tilbud-esbjerg/new")
    cms.field("titel").fill("Tilbud uden type")
    cms.field("link").fill("javascript:alert(1)")
    cms.field("beskrivelse").fill("Læs mere [her](javascript:alert(1)).")
    cms.save()
    cms.page.get_by_text("Ups, du mangler et påkrævet felt.").wait_for()
    errors = cms.errors()
    cms.shoot("redaktion-fejl.png")
    assert errors == [
        "Type er påkrævet.",
        "Beskrivelse matchede ikke: Skriv almindelig tekst uden HTML; links skal starte med https://, mailto: "
        "eller tel:, fx [kommunens side](https://kommune.example.org).",
        "Fra er påkrævet.", "Til er påkrævet.", "Problemer er påkrævet.", "Form er påkrævet.",
        "Henvisning er påkrævet.",
        "Link matchede ikke: Skriv hele adressen med 'https://' foran.",
        "Rolle er påkrævet.", "Din enhed er påkrævet.",
    ]
    assert drafts(cms.root) == before, "intet blev gemt"
    assert cms.foreign == []


def axe_report(page: Any) -> dict[str, int]:
    results = AXE.run(page, options=WCAG_21_AA).response
    return {v["id"]: len(v["nodes"]) for v in results["violations"]}


def test_axe_finds_no_wcag21_aa_violation_in_the_editor(cms: Editor) -> None:
    """Runs after the saves above, so the form shows the draft's status and publish buttons too.

    Without docs/redaktion/redaktion.css the CMS's grey text (3.9:1) and teal buttons (2.7:1, 3.0:1) fail
    color-contrast on both pages."""
    found: dict[str, dict[str, int]] = {}
    cms.page.goto(cms.base + "redaktion/#/collections/tilbud-esbjerg")
    cms.page.get_by_text("Gåtur for alle i Esbjerg").or_(cms.page.get_by_text("Mentor og virksomhedspraktik")).first.wait_for()
    found["samling"] = axe_report(cms.page)
    cms.open("collections/tilbud-esbjerg/entries/" + EDITED.stem)
    found["formular"] = axe_report(cms.page)
    print("axe:", json.dumps(found, ensure_ascii=False))
    assert cms.page.evaluate("document.documentElement.lang") == "da"
    assert found == {"samling": {}, "formular": {}}


def test_the_editor_called_no_other_host_and_broke_no_policy_rule(cms: Editor) -> None:
    assert cms.foreign == []
    assert cms.page.evaluate("window.__csp") == []
    policy = cms.page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert policy == editor.page_policy(editor.EditorOptions(repo="videre-dk/videre", local_backend=cms.api))
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
