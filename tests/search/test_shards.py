"""A large site is indexed in several bounded Pagefind indexes, and the search page searches them together."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.browser import GuardedPage, serve
from tests.search import PAGEFIND_SEARCH, TOP, queries, recall
from videre.search import indexinput
from videre.search import pagefind as search

MINIMUM_RECALL = 0.95


def _pages(count: int, without_body: int = 0) -> list[tuple[str, str]]:
    pages = [(f"tilbud/t{n}/index.html", f"<div {indexinput.BODY}><h1>T{n}</h1></div>") for n in range(count)]
    return pages + [(f"r{n}/index.html", "<p>omdirigering</p>") for n in range(without_body)]


def test_a_site_within_the_bound_is_one_index() -> None:
    pages = _pages(search.SHARD_PAGES, without_body=5)
    assert search.split(pages) == [pages]


def test_a_larger_site_is_split_evenly_and_pages_without_body_stay_in_the_first() -> None:
    pages = _pages(2 * search.SHARD_PAGES + 1, without_body=3)
    shards = search.split(pages)
    assert len(shards) == 3
    assert all(len([p for p in shard if indexinput.BODY in p[1]]) <= search.SHARD_PAGES for shard in shards)
    assert sorted(p for shard in shards for p in shard) == sorted(pages)  # every page once
    assert all(indexinput.BODY in p[1] for shard in shards[1:] for p in shard)


@pytest.fixture(scope="module")
def sharded_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real site, indexed as if it were large: at most 100 pages per index."""
    site = tmp_path_factory.mktemp("delt") / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("pagefind"))
    patch = pytest.MonkeyPatch()
    patch.setattr(search, "SHARD_PAGES", 100)
    try:
        count = search.build_index(site)
    finally:
        patch.undo()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    whole = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert count == whole["languages"]["da"]["page_count"]  # the same pages, spread over the indexes
    assert entry[search.SHARD_FIELD] == ["del1/", "del2/"]
    yield site


@pytest.fixture(scope="module")
def sharded_url(sharded_site: Path) -> Iterator[str]:
    server, url = serve(sharded_site)
    yield url
    server.shutdown()


def test_search_over_several_indexes_keeps_its_recall(browser, sharded_url, measure) -> None:
    guarded = GuardedPage(browser, sharded_url)
    try:
        guarded.page.goto(sharded_url + "sog/")
        results = {q["soeg"]: guarded.page.evaluate(PAGEFIND_SEARCH, [q["soeg"], TOP]) for q in queries()}
        assert guarded.foreign == [] and guarded.console_errors == []
    finally:
        guarded.close()
    value, rows = recall(results)
    missed = [f"{r['soeg']}: fik {r['top'][:3]}" for r in rows if not r["fundet"]]
    measure(f"Søgning i 3 delindekser (højst 100 sider hver), recall@{TOP}: {value:.1%} af {len(rows)}")
    assert value >= MINIMUM_RECALL, missed


def test_the_search_page_shows_results_from_every_index(browser, sharded_site, sharded_url) -> None:
    second = json.loads((sharded_site / "pagefind" / "del2" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert second["languages"]["da"]["page_count"] > 0
    guarded = GuardedPage(browser, sharded_url)
    try:
        page = guarded.page
        fetched: list[str] = []
        guarded.context.on("request", lambda request: fetched.append(request.url))  # also the search worker's
        page.goto(sharded_url + "sog/?q=tilbud")
        page.wait_for_selector(".pagefind-ui__result", timeout=20_000)
        page.wait_for_load_state("networkidle")
        for part in ("pagefind/pagefind.", "pagefind/del1/pagefind.", "pagefind/del2/pagefind."):
            assert any(part in url and url.endswith(".pf_meta") for url in fetched), part
        assert guarded.foreign == [] and guarded.console_errors == []
    finally:
        guarded.close()
