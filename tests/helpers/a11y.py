"""What the browser gates share: opening a page type until its scripts are done, axe, and the keyboard."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = !!s.boxShadow && s.boxShadow !== "none";
  return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || "", name: e.name || "", value: e.value || "",
          checked: !!e.checked, text: (e.textContent || "").trim().slice(0, 40), visible: outline || shadow};
}"""
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.sourceFile + ":" +
                    e.lineNumber + " " + (e.sample || ""));
});
"""
"""An init script: every CSP violation on the page lands in ``window.__csp``."""


def axe_violations(page: Any) -> list[str]:
    results = AXE.run(page, options=WCAG_21_AA).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
    ]


def open_page(page: Any, base_url: str, url: str) -> Any:
    """Open an address and wait until its scripts have done their work (filters filled, search answered)."""
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    if page.locator("#videre-filtre").count():
        page.wait_for_selector("#videre-filtre[data-klar]")
    if page.locator("#videre-soeg").count() and "q=" in url:
        page.wait_for_selector(".pagefind-ui__result", timeout=20_000)
    return page


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
        raise AssertionError(
            f"nåede ikke frem med {'Shift+Tab' if backwards else 'Tab'}; sidste stop: {self.stops[-3:]}"
        )
