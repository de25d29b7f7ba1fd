"""Every page type (tests/helpers/page_types.py) passes every browser gate, on one load in real Chromium.

A page type is opened once, in a page that blocks and records every request to another host, and each
gate then looks at that same load, as a user would get it: privacy (no other host, no cookie, nothing
stored), the Content-Security-Policy (no violation, no script error), axe with WCAG 2.1 AA, Danish as
the page language, visible focus on the first Tab stops. Each gate is a subtest, so a failure names its
gate and the other gates still run. Opening the page once instead of once per gate saves about three
page loads per page type in every run of the suite.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.a11y import RECORD_VIOLATIONS, Keyboard, axe_violations, open_page
from tests.helpers.browser import GuardedPage
from tests.helpers.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

TAB_STOPS = 30
"""Skip link, header, navigation and the first content links."""
NO_STYLE_IN_ARTICLE = {
    "flow",
    "flow-patient",
    "flow-print",
    "flow-print-a3",
    "beslutning",
    "sager",
    "sag",
    "sag-konstrueret",
    "indholdsoversigt",
    "indhold",
    "typeoversigt",
    "type",
    "tal",
}
"""The guidance's page types: not even their scripts (diagram, decision aid, figures) set a style in the
article. Inline styles in the HTML itself would break the CSP gate on every page type; Pagefind's own UI
sets style attributes on the search page, which the CSP allows."""


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_every_gate_passes_on_one_load_of_the_page_type(
    guarded: GuardedPage, base_url: str, name: str, subtests: Any
) -> None:
    guarded.context.add_init_script(RECORD_VIOLATIONS)
    page = open_page(guarded.page, base_url, PAGE_TYPES[name])

    with subtests.test(msg="privatliv: ingen anden vært, ingen cookie, intet gemt i browseren"):
        assert guarded.foreign == [], f"forespørgsler til andre værter: {guarded.foreign}"
        assert guarded.context.cookies() == []
        assert page.evaluate("document.cookie") == ""
        assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0], "siden gemmer noget"

    page.wait_for_timeout(300)  # late violations (workers, WASM) arrive after load
    with subtests.test(msg="CSP: ingen overtrædelse og ingen scriptfejl"):
        assert page.evaluate("window.__csp") == []
        assert [m for m in guarded.console_errors if "Content Security Policy" in m or "CSP" in m] == []
        script_errors = [m for m in guarded.console_errors if "Failed to load resource" not in m]
        assert script_errors == [], script_errors

    with subtests.test(msg="axe: ingen brud på WCAG 2.1 AA; siden er på dansk"):
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.lang") == "da"

    if name in NO_STYLE_IN_ARTICLE:
        with subtests.test(msg="artiklen har ingen style-tag og ingen style-attribut"):
            assert (
                page.locator("style, [style]").evaluate_all("nodes => nodes.filter(n => n.closest('article')).length")
                == 0
            )

    with subtests.test(msg=f"fokus kan ses på de første {TAB_STOPS} Tab-stop"):
        keys = Keyboard(page)
        for _ in range(TAB_STOPS):
            keys.press("Tab")
        assert keys.stops, "intet kan få fokus"
        assert keys.stops[0]["tag"] == "a", "første stop skal være et link (spring til indhold)"

    assert guarded.foreign == [], f"forespørgsler til andre værter efter axe og tastatur: {guarded.foreign}"


def test_the_style_rule_names_only_page_types_that_exist() -> None:
    assert set(PAGE_TYPES) >= NO_STYLE_IN_ARTICLE, NO_STYLE_IN_ARTICLE - set(PAGE_TYPES)
