"""WCAG 2.1 AA in a real browser beyond the first load: states that scripts create, keyboard-only use, Danish.

axe-core (bundled with axe-playwright-python, no network) runs with the tags
wcag2a, wcag2aa, wcag21a and wcag21aa on the states scripts create (search
results, the decision aid's result); every page type as it loads is checked in
tests/e2e/test_page_types.py. The directory filters and the decision aid are
used with the keyboard only, and every element that gets focus must show it (an
outline or a box shadow).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.a11y import Keyboard, axe_violations, open_page
from tests.helpers.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context()
    yield context.new_page()
    context.close()


# ---------------------------------------------------------------- axe and language


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
    assert (
        page.eval_on_selector_all("#videre-filtre select", "es => es.map(e => e.value)")
        == [""] * page.locator("#videre-filtre select").count()
    )
    assert "?" not in page.url
    assert len(keys.stops) > 5


@pytest.mark.skipif("beslutning" not in PAGE_TYPES, reason="beslutningsstøtten er ikke registreret endnu")
def test_decision_aid_works_with_the_keyboard_only(page: Any, base_url: str) -> None:
    open_page(page, base_url, PAGE_TYPES["beslutning"])
    keys = Keyboard(page)
    outcome = "() => document.getElementById('beslutning-resultat').getAttribute('data-udfald')"
    groups = page.eval_on_selector_all(
        "#videre-beslutning fieldset[data-kriterium]", "fs => fs.map(f => f.getAttribute('data-kriterium'))"
    )
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
