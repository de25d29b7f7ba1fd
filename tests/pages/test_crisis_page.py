"""The crisis page: every region in force has its lines, each with its number, read straight from data/krise.yaml."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from tests.helpers.site import DATA
from videre import site
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions

REGIONS_IN_2026 = {
    "nordjylland": "Region Nordjylland",
    "midtjylland": "Region Midtjylland",
    "syddanmark": "Region Syddanmark",
    "hovedstaden": "Region Hovedstaden",
    "sjaelland": "Region Sjælland",
}


@pytest.fixture(scope="module")
def page() -> str:
    day = dt.date(2026, 12, 6)
    result = load_catalog(DATA, today=day)
    assert result.errors == []
    [found] = [p.markdown for p in site.build_pages(result.catalog, SiteOptions(today=day)) if p.src_uri == "krise.md"]
    return found


def sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_each_region_has_the_national_lines_and_its_own(page):
    lines = yaml.safe_load((DATA / "krise.yaml").read_text(encoding="utf-8"))["linjer"]
    found = sections(page)
    assert sorted(found) == sorted(REGIONS_IN_2026.values())
    for slug, name in REGIONS_IN_2026.items():
        expected = [line for line in lines if "hele-landet" in line["dækning"] or f"region-{slug}" in line["dækning"]]
        assert expected, slug
        for line in expected:
            assert line["navn"] in found[name], (name, line["id"])
            if line.get("telefon"):
                assert f'href="tel:{line["telefon"].replace(" ", "")}"' in found[name], (name, line["id"])
        others = [line for line in lines if line not in expected]
        assert not [line["navn"] for line in others if line["navn"] in found[name]], name


def test_the_page_carries_the_crisis_words_for_search(page):
    assert 'data-pagefind-weight="10"' in page and "krisehjælp" in page
