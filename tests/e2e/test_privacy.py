"""Privacy and Content-Security-Policy: the policy in every HTML file, and the browser under it.

No request leaves the local server, no cookie is set, nothing is stored in
the browser, and no page breaks under the CSP that every HTML file carries.
Every page type as it loads is checked in tests/e2e/test_page_types.py; here
are the policy itself, the pages' scripts at work under it, and the guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.hostile.inert import live_code
from tests.helpers.a11y import RECORD_VIOLATIONS
from tests.helpers.browser import GuardedPage
from videre.pages import csp

pytestmark = pytest.mark.browser


class _Head(HTMLParser):
    """The CSP meta tags of a page and what comes before the first of them."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.before: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        elif not self.policies and tag in ("script", "link", "style", "img", "base"):
            self.before.append(tag)


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (part.strip() for part in policy.split(";")) if d}


@pytest.fixture
def recorded(guarded: GuardedPage) -> Iterator[GuardedPage]:
    guarded.context.add_init_script(RECORD_VIOLATIONS)
    yield guarded


# ---------------------------------------------------------------- every HTML file carries the policy


def test_every_html_file_has_one_strict_csp_first_in_head(site_dir: Path) -> None:
    """Every public page; the editor (/redaktion/) has its own policy, tested in tests/e2e/test_editor.py."""
    from videre.pages import editor

    pages = sorted(p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).parts[0] != editor.FOLDER)
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = _Head()
        head.feed(html)
        where = page.relative_to(site_dir)
        assert len(head.policies) == 1, f"{where}: {len(head.policies)} CSP-tags"
        assert head.before == [], f"{where}: {head.before} står før CSP-tagget"
        policy = directives(head.policies[0])
        assert policy["default-src"] == ["'none'"], where
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], where
        assert policy["connect-src"] == ["'self'"] and policy["img-src"] == ["'self'", "data:"], where
        assert policy["style-src"] == ["'self'"], where
        script_src = policy["script-src"]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, where
        wasm = ["'wasm-unsafe-eval'"] if re.search(r'<script[^>]*src="[^"]*pagefind/', html) else []  # Pagefind
        assert [s for s in script_src if not s.startswith("'sha256-")] == ["'self'", *wasm], where
        needed = {csp.sha256_source(s) for s in csp.inline_scripts(html)}
        assert needed == {s for s in script_src if s.startswith("'sha256-")}, (
            f"{where}: hver inline-script skal have præcis sin hash"
        )


def test_the_policy_never_trusts_an_injected_inline_script(site_dir: Path) -> None:
    """Hashes come from the theme's templates, not from whatever a page happens to contain."""
    from mkdocs.config import load_config

    from tests.helpers.site import ROOT

    trusted = csp.TrustedScripts.from_templates(load_config(str(ROOT / "mkdocs.yml")).theme.dirs)
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    injected = html.replace("<article", "<script>alert(1)</script><article", 1)
    policy = csp.page_policy(injected, trusted)
    assert csp.sha256_source("alert(1)") not in policy
    assert policy == csp.page_policy(html, trusted)
    assert live_code(injected, trusted) == ["<script>alert(1)…</script>: levende script"]


def test_standalone_html_files_written_by_the_package_carry_the_policy(site_dir: Path) -> None:
    """Kiosk screens, handouts and other HTML written by videre.site.build_files, not by MkDocs."""
    from tests.helpers.site import DATA
    from videre import site as videre_site
    from videre.catalog.load import load_catalog
    from videre.core.options import SiteOptions

    catalog = load_catalog(DATA).catalog
    written = [f.path for f in videre_site.build_files(catalog, SiteOptions()) if f.path.endswith(".html")]
    for path in written:
        html = (site_dir / path).read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path


# ---------------------------------------------------------------- the browser


def test_search_works_under_the_policy(recorded: GuardedPage, base_url: str) -> None:
    """Pagefind's WASM and worker run under script-src 'self' 'wasm-unsafe-eval'."""
    page = recorded.page
    page.goto(base_url + "sog/")
    field = page.locator(".pagefind-ui__search-input")
    field.wait_for()
    field.fill("genoptræning")
    page.wait_for_selector(".pagefind-ui__result", timeout=20_000)
    assert page.locator(".pagefind-ui__result").count() > 0
    assert page.evaluate("window.__csp") == []
    assert recorded.foreign == []
    filtered = page.evaluate("""async () => {
        const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
        const found = await pagefind.search("genoptræning", {filters: {Sidetype: "Vejledning"}});
        const urls = await Promise.all(found.results.map(r => r.data().then(d => d.url)));
        return urls;
    }""")
    assert filtered and all("/vejledning/" in url for url in filtered), filtered
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


def test_filter_change_works_under_the_policy(recorded: GuardedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "tilbud/")
    page.wait_for_selector("#videre-filtre[data-klar]")
    before = page.locator("#videre-antal").inner_text()
    page.select_option("#filter-kommune", "esbjerg")
    page.wait_for_function("(before) => document.getElementById('videre-antal').textContent !== before", arg=before)
    assert "kommune=esbjerg" in page.url
    assert page.evaluate("window.__csp") == []
    assert recorded.foreign == [] and recorded.context.cookies() == []
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_the_guard_records_every_request_to_another_host_and_none_to_the_site(browser: Any, base_url: str) -> None:
    """The page guard used by the browser tests is itself tested: another host, also another port on the
    same machine, is blocked and recorded; the site's own files and data: URLs are not."""
    port = base_url.rsplit(":", 1)[1].rstrip("/")
    other_port = "1" if port != "1" else "2"
    probe = (
        f'<img src="http://example.org/a.png"><img src="https://cdn.example.net/b.js?x=1">'
        f'<img src="http://127.0.0.1:{other_port}/c.png"><img src="{base_url}assets/videre.css">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    )
    guarded = GuardedPage(browser, base_url)
    try:
        guarded.page.route(
            base_url + "vagt/",
            lambda route: route.fulfill(status=200, content_type="text/html", body=f"<!doctype html>{probe}"),
        )
        guarded.page.goto(base_url + "vagt/")
        guarded.page.wait_for_load_state("networkidle")
        assert sorted(guarded.foreign) == sorted(
            ["http://example.org/a.png", "https://cdn.example.net/b.js?x=1", f"http://127.0.0.1:{other_port}/c.png"]
        )
    finally:
        guarded.close()


def test_the_browser_blocks_an_injected_script(browser: Any, base_url: str, site_dir: Path) -> None:
    """The policy is not decoration: a script smuggled into a page does not run."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    evil = html.replace(
        "<article", '<script>window.__ond = 1</script><img src=x onerror="window.__ond2 = 1"><article', 1
    )
    guarded = GuardedPage(browser, base_url)
    try:
        guarded.context.add_init_script(RECORD_VIOLATIONS)
        guarded.page.route(base_url, lambda route: route.fulfill(status=200, content_type="text/html", body=evil))
        guarded.page.goto(base_url)
        guarded.page.wait_for_load_state("networkidle")
        assert guarded.page.evaluate("[window.__ond, window.__ond2]") == [None, None]
        violations = guarded.page.evaluate("window.__csp")
        assert any(v.startswith("script-src") for v in violations), violations
    finally:
        guarded.close()


def test_privacy_and_accessibility_pages_are_linked_from_every_page(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "md-footer" not in html:
            continue  # standalone pages (kiosk screens, handouts) have no site footer
        footer = html[html.index("md-copyright") :]
        assert ">Privatliv</a>" in footer and ">Tilgængelighed</a>" in footer, page.relative_to(site_dir)
    nav = (site_dir / "index.html").read_text(encoding="utf-8").split('class="md-nav__list"', 1)[1]
    assert 'href="privatliv/"' in nav and 'href="tilgaengelighed/"' in nav, "begge sider skal stå i menuen"
