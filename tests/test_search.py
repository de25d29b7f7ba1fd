"""Site search that works in Danish: recall over a fixed list of Danish queries, in real Chromium."""

import json

import pytest

from conftest import ROOT
from search import PAGEFIND_SEARCH, TOP, name_queries, queries, recall

MINIMUM_RECALL = 0.95
"""recall@5 on tests/search/queries.yaml: staff phrasing, old spellings, ae/oe/aa, the words of a case."""


def pagefind_results(guarded, base_url: str, items: list[dict] | None = None) -> dict[str, list[str]]:
    guarded.page.goto(base_url + "sog/")
    return {q["soeg"]: guarded.page.evaluate(PAGEFIND_SEARCH, [q["soeg"], TOP])
            for q in (queries() if items is None else items)}


def test_query_list_is_large_and_varied():
    items = queries()
    assert len(items) >= 80
    assert len({q["soeg"] for q in items}) == len(items)  # no query twice
    reasons = " ".join(q["hvorfor"] for q in items)
    for kind in ("flertal", "bestemt form", "sammensat", "tastefejl", "ejefald", "gammel stavemåde",
                 "skrevet som ae", "skrevet som oe", "symptom", "navngivet", "forkortelse", "ordlisteord"):
        assert kind in reasons, kind


def test_danish_search_recall(guarded, base_url):
    value, rows = recall(pagefind_results(guarded, base_url))
    report = ROOT / "test-results" / "search-recall.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps({"motor": "pagefind", "recall": value, "top": TOP, "soegninger": rows},
                                 ensure_ascii=False, indent=1), encoding="utf-8")
    missed = [f"{r['soeg']} ({r['hvorfor']}): fik {r['top'][:3]}" for r in rows if not r["fundet"]]
    print(f"\nSøgning (Pagefind), recall@{TOP}: {value:.1%} af {len(rows)} søgninger. Fejlede: {missed}")
    assert guarded.foreign == [] and guarded.console_errors == []
    assert value >= MINIMUM_RECALL, missed


def test_a_place_name_brings_its_own_page_first(guarded, base_url):
    """Every municipality and region, by every name it has: its own page is result 1, not just in the top 5."""
    items = name_queries()
    _, rows = recall(pagefind_results(guarded, base_url, items), items)
    ranks = [r["rang"] for r in rows]
    first = sum(place == 1 for place in ranks)
    report = ROOT / "test-results" / "search-place-ranks.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps({"rang_1": first, "soegninger": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nStednavne: egen side på plads 1 for {first} af {len(rows)} søgninger "
          f"(i top {TOP}: {sum(p is not None for p in ranks)})")
    wrong = [f"{r['soeg']}: rang {r['rang']}, fik {r['top'][:2]}" for r in rows if r["rang"] != 1]
    assert len(rows) >= 103 and all(place is not None for place in ranks), wrong
    assert first / len(rows) >= MINIMUM_FIRST, wrong


MINIMUM_FIRST = 0.98
"""Share of place-name searches whose own page is result 1. Known exceptions (2 of 134): "Vejen" is also a
common word (the guidance index comes first), and "Aeroe" ties with Ærø's one offer page."""


def test_search_page_shows_results_for_a_typed_query(guarded, base_url):
    page = guarded.page
    page.goto(base_url + "sog/")
    page.get_by_role("textbox", name="Søg").fill("pårørendes")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    assert result.get_attribute("href")


def test_front_page_search_form_hands_the_query_to_the_search_page(guarded, base_url):
    page = guarded.page
    page.goto(base_url)
    page.get_by_label("Søg på hele siden").fill("frister")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    assert "sog/?q=frister" in page.url


LUNR_CONFIG = ROOT / "tests" / "search" / "mkdocs-lunr.yml"


def _settled_links(page, reads: int = 4) -> list[str]:
    """Material updates results asynchronously: read until the list has not changed for a while."""
    script = "els => els.map(e => e.href)"
    last, same = None, 0
    for _ in range(40):
        page.wait_for_timeout(100)
        links = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(script)
        same = same + 1 if links == last else 0
        last = links
        if same >= reads:
            break
    return last or []


def lunr_results(browser, base_url: str) -> dict[str, list[str]]:
    """Type each query into Material's own search box and read the result links, as a user would."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url)
    results = {}
    for item in queries():
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("")
        page.wait_for_function("() => !document.querySelector('li.md-search-result__item')")
        box.fill(item["soeg"])
        box.press("End")  # Material searches on key events, not on programmatic input
        pages = dict.fromkeys(link.split("#", 1)[0] for link in _settled_links(page))  # one hit per page
        results[item["soeg"]] = list(pages)[:TOP]
    context.close()
    return results


@pytest.mark.slow
def test_pagefind_beats_materials_lunr_search_on_danish(tmp_path, guarded, base_url, browser):
    """The engine choice is measured: Material's lunr search, same site and queries, scores lower."""
    from conftest import build_site, serve

    built = build_site(tmp_path / "lunr", config=LUNR_CONFIG, env={"VIDERE_CSP": "off"})
    assert built.returncode == 0, built.stderr
    server, lunr_url = serve(tmp_path / "lunr")
    try:
        lunr_recall, lunr_rows = recall(lunr_results(browser, lunr_url))
    finally:
        server.shutdown()
    pagefind_recall, _ = recall(pagefind_results(guarded, base_url))
    report = ROOT / "test-results" / "search-engines.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps({"pagefind": pagefind_recall, "lunr": lunr_recall, "lunr_soegninger": lunr_rows},
                                 ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nrecall@{TOP}: Pagefind {pagefind_recall:.0%}, Material/lunr {lunr_recall:.0%}")
    assert pagefind_recall > lunr_recall


def test_index_reads_every_section_but_the_print_handouts(site_dir, tmp_path):
    from videre import search

    pattern = search.glob(site_dir)
    assert "tilbud/**/*.html" in pattern and "kommuner/**/*.html" in pattern and "*.html" in pattern
    assert "udskrivning" not in pattern and "pagefind" not in pattern
    (tmp_path / "ny-sektion").mkdir()
    assert "ny-sektion/**/*.html" in search.glob(tmp_path)  # a new section is indexed without a change
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    wanted = sum("data-pagefind-body" in t and 'data-pagefind-ignore="all"' not in t for t in texts)
    assert wanted > 200 and entry["languages"]["da"]["page_count"] == wanted  # every page that asks is indexed


def test_search_page_loads_pagefind_before_typing_without_moving_focus(guarded, base_url):
    page = guarded.page
    with page.expect_request(lambda request: "/pagefind/wasm.da" in request.url, timeout=15000):
        page.goto(base_url + "sog/")  # nothing typed, nothing clicked
    assert page.evaluate("document.activeElement === document.body")
    assert guarded.foreign == [] and guarded.console_errors == []
