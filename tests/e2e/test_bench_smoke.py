"""A small run of the national benchmark's generator (0.1×): generate, validate, build. No timing assertions."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.generate import ROOT, generate
from tests.helpers.site import build_site
from videre.catalog.load import load_catalog


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    data = tmp_path_factory.mktemp("bench") / "data"
    return data, generate(data, 0.1).as_dict()


def test_generator_writes_the_expected_records(national: tuple[Path, dict]) -> None:
    data, counts = national
    assert counts["municipalities"] == 98 and counts["regions"] == 5
    assert counts["municipal_offers"] == sum(1 for _ in (data / "offers").glob("*/*.yaml"))
    assert counts["partner_offers"] == sum(1 for _ in (data / "partners").glob("*/*.yaml")) > 0
    assert len(list((data / "contacts" / "kommuner").glob("*.yaml"))) == 98
    texts = [p.read_text(encoding="utf-8") for p in data.rglob("*.yaml") if p.name != "kommuner.yaml"]
    assert all("eksempel: true" in t for t in texts)
    assert not any("telefon:" in t for t in texts)  # no phone numbers at all
    emails = [
        line.split(":", 1)[1].strip()
        for t in texts
        for line in t.splitlines()
        if line.strip().startswith(("email:", "sikker_post:"))
    ]
    assert emails and all(e.endswith(".example.org") for e in emails)


def test_generator_never_writes_into_data() -> None:
    with pytest.raises(ValueError):
        generate(ROOT / "data", 0.1)


def test_generated_records_validate(national: tuple[Path, dict]) -> None:
    data, counts = national
    result = load_catalog(data)
    assert result.errors == []
    assert len(result.catalog.all_offers()) == counts["offers"]
    lengths = [len(o.description) for o in result.catalog.offers]
    assert min(lengths) >= 300 and max(lengths) <= 800
    assert all(30 <= len(o.title) <= 80 for o in result.catalog.offers)


@pytest.mark.slow
def test_generated_site_builds_with_a_page_per_offer(national: tuple[Path, dict], tmp_path: Path) -> None:
    data, counts = national
    site = tmp_path / "site"
    result = build_site(site, data=data)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert len(list((site / "kommuner").glob("*/index.html"))) == 98
    offer_pages = {p.parent.relative_to(site).as_posix() + "/" for p in (site / "tilbud").glob("*/*/index.html")}
    expected = {f"tilbud/{p.parent.name}/{p.stem}/" for p in data.glob("offers/*/*.yaml")}
    expected |= {f"tilbud/{p.parent.name}/{p.stem}/" for p in data.glob("partners/*/*.yaml")}
    assert len(expected) == counts["offers"]
    assert offer_pages == expected
    listed = {offer["u"] for offer in json.loads((site / "katalog.json").read_text(encoding="utf-8"))["tilbud"]}
    assert listed == expected


def test_peer_site_has_one_hugo_page_per_offer(national: tuple[Path, dict], tmp_path: Path) -> None:
    """The Hugo peer gets the same records (written here without installing Hugo: nothing is downloaded)."""
    from bench import peers

    data, counts = national
    source = tmp_path / "hugo"
    assert peers.write_site(data, source) == counts["offers"]
    pages = [p for p in (source / "content").glob("*/*.md") if p.name != "_index.md"]
    assert len(pages) == counts["offers"]
    expected = {f"{p.parent.name}/{p.stem}" for p in data.glob("offers/*/*.yaml")}
    expected |= {f"{p.parent.name}/{p.stem}" for p in data.glob("partners/*/*.yaml")}
    assert {f"{p.parent.name}/{p.stem}" for p in pages} == expected
    front = json.loads(pages[0].read_text(encoding="utf-8").split("\n\n", 1)[0])
    assert front["title"] and front["description"]


def test_bench_can_skip_the_peers_and_reports_the_ratio() -> None:
    from bench import report
    from bench.__main__ import parse_args

    assert parse_args(["--no-peers"]).no_peers and not parse_args([]).no_peers
    rows = {
        row["key"]: row
        for row in report.figures(
            {
                "1x": {
                    "build": {"wall_s": 20.0, "runs_s": [30.0, 20.0, 40.0]},
                    "peers": {
                        "hugo": {"wall_s": 5.0, "runs_s": [5.0, 5.0, 5.0]},
                        "hugo_pagefind": {"wall_s": 10.0, "runs_s": [12.0, 10.0, 10.0]},
                    },
                }
            }
        )
    }
    assert rows["ratio_hugo"]["values"]["1x"] == 6.0  # the rounds' ratios are 6, 4 and 8
    assert rows["ratio_peer"]["values"]["1x"] == 2.5  # 2.5, 2 and 4: each build against its own round
    assert rows["ratio_peer"]["verdict"] == "MISS (+25 %)"
    assert rows["ratio_peer_cold"]["values"]["1x"] == 2.5 and rows["ratio_peer_cold"]["verdict"] == "MISS (+25 %)"
    assert rows["ratio_peer_best"]["values"]["1x"] == 2.0 and rows["ratio_peer_best"]["verdict"] == "pass"  # 20 / 10


@pytest.mark.browser
def test_the_browser_measurements_reach_what_they_measure(site_dir: Path) -> None:
    """The bench's Chromium part once measured the header's search field, which never shows a result, and
    reported only an error beside the table. Run it on the real site: every figure must be measured."""
    from bench import browser
    from bench.__main__ import TERMS

    kiosk = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.glob("skaerm/*/kiosk/index.html"))
    # The bench owns its Playwright; in a test worker another test's Playwright may already hold this
    # thread's event loop, so the bench runs on a thread of its own, as it does in its own process.
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(browser.measure, site_dir, TERMS[:2], kiosk[:1], 5).result()
    search = result["search"]
    assert len(search["timings_ms"]) == 2 and all(t > 0 for t in search["timings_ms"])
    assert search["one_search"]["requests"] > 0 and search["one_search"]["bytes"] > 0
    assert result["filters"]["changes"] == 5 and result["filters"]["p95_ms"] > 0
    assert result["kiosk"]["bytes"] > 0
