"""WCAG 2.1 AA in a real browser: axe on every page type, keyboard-only use, visible focus, Danish.

axe-core (bundled with axe-playwright-python, no network) runs with the tags
wcag2a, wcag2aa, wcag21a and wcag21aa on every page type in
tests/helpers/page_types.py, and on the states scripts create (search results,
filtered directory, the decision aid's result). The directory filters and the
decision aid are used with the keyboard only, and every element that gets
focus must show it (an outline or a box shadow).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

AXE = Axe()
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = !!s.boxShadow && s.boxShadow !== "none";
  return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || "", name: e.name || "", value: e.value || "",
          checked: !!e.checked, text: (e.textContent || "").trim().slice(0, 40), visible: outline || shadow};
}"""


def axe_violations(page: Any) -> list[str]:
    results = AXE.run(page, options=WCAG_21_AA).response
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in results["violations"]]


def open_page(page: Any, base_url: str, url: str) -> None:
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    if page.locator("#videre-filtre").count():
        page.wait_for_selector("#videre-filtre[data-klar]")
    if page.locator("#videre-soeg").count() and "q=" in url:
        page.wait_for_selector(".pagefind-ui__result", timeout=20_000)


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context()
    yield context.new_page()
    context.close()


# ---------------------------------------------------------------- axe and language


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_wcag21_aa_violation(page: Any, base_url: str, name: str) -> None:
    open_page(page, base_url, PAGE_TYPES[name])
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.lang") == "da"


def test_axe_on_search_results_typed_by_hand(page: Any, base_url: str) -> None:
    open_page(page, base_url, "sog/")
    page.locator(".pagefind-ui__search-input").fill("pårørende")
    page.wait_for_selector(".pagefind-ui__result", timeout=20_000)
    assert axe_violations(page) == []


def test_every_html_file_says_it_is_danish(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    for path in pages:
        head = path.read_text(encoding="utf-8")[:2000]
        assert '<html lang="da"' in head, path.relative_to(site_dir)


# ---------------------------------------------------------------- keyboard only


class Keyboard:
    """Drive a page with Tab, Shift+Tab, arrows, Space and Enter; check the focus is visible at every stop."""

    def __init__(self, page: Any):
        self.page = page
        self.stops: list[dict[str, Any]] = []

    def focused(self) -> dict[str, Any] | None:
        return self.page.evaluate(FOCUSED)

    def press(self, key: str) -> dict[str, Any] | None:
        self.page.keyboard.press(key)
        now = self.focused()
        if now is not None:
            self.stops.append(now)
            assert now["visible"], f"fokus kan ikke ses på {now}"
        return now

    def tab_to(self, predicate: Any, *, limit: int = 120, backwards: bool = False) -> dict[str, Any]:
        for _ in range(limit):
            now = self.press("Shift+Tab" if backwards else "Tab")
            if now is not None and predicate(now):
                return now
        raise AssertionError(f"nåede ikke frem med {'Shift+Tab' if backwards else 'Tab'}; sidste stop: "
                             f"{self.stops[-3:]}")


def test_directory_filters_work_with_the_keyboard_only(page: Any, base_url: str) -> None:
    open_page(page, base_url, "tilbud/")
    keys = Keyboard(page)
    count = page.locator("#videre-antal")
    everything = count.inner_text()

    keys.tab_to(lambda f: f["id"] == "filter-kommune")
    keys.press("ArrowDown")
    assert page.eval_on_selector("#filter-kommune", "e => e.value") != ""
    page.wait_for_function("(t) => document.getElementById('videre-antal').textContent !== t", arg=everything)
    assert "kommune=" in page.url

    keys.tab_to(lambda f: f["id"] == "filter-problem")
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    assert "problem=" in page.url

    assert keys.tab_to(lambda f: f["id"] == "filter-kommune", backwards=True)["id"] == "filter-kommune"

    keys.tab_to(lambda f: f["tag"] == "button" and "Nulstil" in f["text"])
    keys.press("Enter")
    page.wait_for_function("(t) => document.getElementById('videre-antal').textContent === t", arg=everything)
    assert page.eval_on_selector_all("#videre-filtre select", "es => es.map(e => e.value)") == \
        [""] * page.locator("#videre-filtre select").count()
    assert "?" not in page.url
    assert len(keys.stops) > 5


@pytest.mark.skipif("beslutning" not in PAGE_TYPES, reason="beslutningsstøtten er ikke registreret endnu")
def test_decision_aid_works_with_the_keyboard_only(page: Any, base_url: str) -> None:
    open_page(page, base_url, PAGE_TYPES["beslutning"])
    keys = Keyboard(page)
    outcome = "() => document.getElementById('beslutning-resultat').getAttribute('data-udfald')"
    groups = page.eval_on_selector_all("#videre-beslutning fieldset[data-kriterium]",
                                       "fs => fs.map(f => f.getAttribute('data-kriterium'))")
    assert len(groups) >= 2

    first = keys.tab_to(lambda f: f["type"] == "radio")
    assert first["name"] == groups[0]
    keys.press("Space")
    assert keys.focused()["checked"] and keys.focused()["value"] == "ja"
    for group in groups[1:]:
        now = keys.press("Tab")
        assert now["type"] == "radio" and now["name"] == group, now
        keys.press("ArrowDown")  # arrows move and check within the group
        assert keys.focused()["checked"] and keys.focused()["value"] != "ja"
        keys.press("ArrowUp")
        assert keys.focused()["checked"] and keys.focused()["value"] == "ja"
    assert page.evaluate(outcome) == "vaelg-omraade"

    checkbox = keys.tab_to(lambda f: f["type"] == "checkbox")
    assert not checkbox["checked"]
    keys.press("Space")
    assert keys.focused()["checked"]
    assert page.evaluate(outcome) == "gop"
    assert page.locator("#beslutning-status").inner_text().startswith("Resultat")
    assert axe_violations(page) == []

    assert keys.tab_to(lambda f: f["type"] == "radio", backwards=True)["name"] == groups[-1]
    keys.tab_to(lambda f: f["tag"] == "button" and "Ryd" in f["text"])
    keys.press("Enter")
    page.wait_for_function(f"() => ({outcome})() !== 'gop'")
    assert page.eval_on_selector_all("#videre-beslutning input:checked", "es => es.length") == 0
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_focus_is_visible_on_the_first_stops_of_every_page_type(page: Any, base_url: str, name: str) -> None:
    """Skip link, header, navigation and the first content links all show where the focus is."""
    open_page(page, base_url, PAGE_TYPES[name])
    keys = Keyboard(page)
    for _ in range(30):
        keys.press("Tab")
    assert keys.stops, "intet kan få fokus"
    assert keys.stops[0]["tag"] == "a", "første stop skal være et link (spring til indhold)"
