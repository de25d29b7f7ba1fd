"""Dated facts: the site is right on its build date, before and after Region Østdanmark begins on 1 January 2027.

Builders are tested in-process with a pinned date; two real `mkdocs build --strict` runs (30 December
2026 and 2 January 2027) are shared by the whole module for what only a build shows: the navigation,
the redirect pages and the front page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.helpers.site import DATA, dated_build
from videre import site
from videre.catalog.load import load_catalog, load_register
from videre.core.options import SiteOptions
from videre.exports import hsds
from videre.exports import opendata as exports
from videre.pages.notice import notices

BEFORE, AFTER = dt.date(2026, 12, 30), dt.date(2027, 1, 2)
FIVE = ["Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden", "Region Sjælland"]
FOUR = ["Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Østdanmark"]


@pytest.fixture(scope="module")
def dated() -> dict[dt.date, tuple[object, dict[str, str], dict[str, str]]]:
    """Catalog, generated pages (src → Markdown) and static files (path → text) on each date."""
    out = {}
    for day in (BEFORE, AFTER):
        result = load_catalog(DATA, today=day)
        assert result.errors == []
        options = SiteOptions(today=day)
        pages = {p.src_uri: p.markdown for p in site.build_pages(result.catalog, options)}
        files = {f.path: f.content for f in site.build_files(result.catalog, options)}
        out[day] = (result.catalog, pages, files)
    return out


def text(markdown: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markdown))


# ---------------------------------------------------------------- pages, in-process


def test_region_overview_lists_the_regions_in_force(dated):
    for day, names, count in ((BEFORE, FIVE, "5"), (AFTER, FOUR, "4")):
        _, pages, _ = dated[day]
        overview = text(pages["regioner/index.md"])
        assert f"Danmark har {count} regioner." in overview
        assert re.findall(r"(Region \w+) (?:\d{4}|Ikke bekræftet endnu) \d+", overview) == names
    assert "Region Østdanmark Ikke bekræftet endnu 46" in text(dated[AFTER][1]["regioner/index.md"])


def test_region_pages_exist_only_while_the_region_is_in_force(dated):
    before = sorted(src for src in dated[BEFORE][1] if src.startswith("regioner/"))
    after = sorted(src for src in dated[AFTER][1] if src.startswith("regioner/"))
    assert before == [
        "regioner/hovedstaden.md",
        "regioner/index.md",
        "regioner/midtjylland.md",
        "regioner/nordjylland.md",
        "regioner/sjaelland.md",
        "regioner/syddanmark.md",
    ]
    assert after == [
        "regioner/index.md",
        "regioner/midtjylland.md",
        "regioner/nordjylland.md",
        "regioner/oestdanmark.md",
        "regioner/syddanmark.md",
    ]
    east = text(dated[AFTER][1]["regioner/oestdanmark.md"])
    assert "# Region Østdanmark" in east
    for name in ("København", "Bornholm", "Halsnæs", "Gribskov", "Roskilde", "Sorø", "Lolland"):
        assert f" {name} " in east, name
    assert " Esbjerg " not in east
    assert east.count("Mangler") + east.count(" Ja ") == 46  # one table row per municipality


@pytest.mark.parametrize(
    "slug, before, after",
    [
        ("koebenhavn", "Region Hovedstaden", "Region Østdanmark"),
        ("halsnaes", "Region Hovedstaden", "Region Østdanmark"),
        ("roskilde", "Region Sjælland", "Region Østdanmark"),
        ("esbjerg", "Region Syddanmark", "Region Syddanmark"),
        ("aalborg", "Region Nordjylland", "Region Nordjylland"),
    ],
)
def test_municipality_pages_name_their_region_on_the_build_date(dated, slug, before, after):
    for day, region in ((BEFORE, before), (AFTER, after)):
        page = dated[day][1][f"kommuner/{slug}.md"]
        assert re.search(r'<a href="\.\./\.\./regioner/(\w+)/">([^<]+)</a>', page).group(2) == region
        if before != after:
            verb = "kommer til at ligge" if day == BEFORE else "ligger nu"
            assert f"Kommune {verb} i Region Østdanmark." in text(page)
        else:
            assert "videre-varsel" not in page


def test_municipality_index_directory_and_decision_aid_group_by_the_regions_in_force(dated):
    for day, names in ((BEFORE, FIVE), (AFTER, FOUR)):
        _, pages, _ = dated[day]
        assert re.findall(r"^## (Region .+)$", pages["kommuner/index.md"], re.M) == names
        for src in ("tilbud/index.md", "beslutning/index.md"):
            assert re.findall(r'<optgroup label="([^"]+)">', pages[src]) == names, src


def test_the_notice_shows_in_its_window_and_says_fra_before_and_siden_after():
    register, _, _ = load_register(DATA / "kommuner.yaml", BEFORE)
    said = {}
    for day in (
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 31),
        dt.date(2027, 4, 1),
    ):
        views = notices(register, SiteOptions(today=day))
        said[day] = [("Fra" if v.before else "Siden", v.day, v.region_name, v.notice.before) for v in views]
    both = ("Region Hovedstaden", "Region Sjælland")
    assert said == {
        dt.date(2026, 11, 30): [],
        dt.date(2026, 12, 1): [("Fra", "1. januar 2027", "Region Østdanmark", both)],
        dt.date(2026, 12, 31): [("Fra", "1. januar 2027", "Region Østdanmark", both)],
        dt.date(2027, 1, 1): [("Siden", "1. januar 2027", "Region Østdanmark", both)],
        dt.date(2027, 3, 31): [("Siden", "1. januar 2027", "Region Østdanmark", both)],
        dt.date(2027, 4, 1): [],
    }


# ---------------------------------------------------------------- coverage and exports


def test_old_and_new_region_codes_reach_the_right_municipalities_on_both_dates():
    for day in (BEFORE, AFTER):
        register, _, _ = load_register(DATA / "kommuner.yaml", day)
        capital = register.expand_coverage(("region-hovedstaden",))
        zealand = register.expand_coverage(("region-sjaelland",))
        assert (len(capital), len(zealand)) == (29, 17)
        assert "halsnaes" in capital and "roskilde" in zealand and not capital & zealand
        assert register.expand_coverage(("region-oestdanmark",)) == capital | zealand
        assert register.expand_coverage(("region-syddanmark",)) == {m.slug for m in register.in_region("syddanmark")}


def test_exports_follow_the_build_date(dated):
    for day, east in ((BEFORE, False), (AFTER, True)):
        catalog, _, files = dated[day]
        directory = json.loads(files["katalog.json"])
        # Every region code an offer may carry can be expanded by the filters, also after the merger.
        assert sorted(directory["regioner"]) == [
            "hovedstaden",
            "midtjylland",
            "nordjylland",
            "oestdanmark",
            "sjaelland",
            "syddanmark",
        ]
        assert len(directory["regioner"]["hovedstaden"]) == 29 and len(directory["regioner"]["oestdanmark"]) == 46
        organizations = json.loads(files["hsds/organizations.json"])
        [copenhagen] = [o for o in organizations if o["uri"].endswith("/kommuner/koebenhavn/")]
        assert copenhagen["description"] == (
            "København Kommune i Region Østdanmark." if east else "København Kommune i Region Hovedstaden."
        )
        assert hsds._area_name("region-hovedstaden", catalog.register) == (
            "Region Hovedstadens område (nu Region Østdanmark)" if east else "Region Hovedstaden"
        )
        offers = json.loads(files["offers.json"])["tilbud"]
        regional = [o for o in offers if "region-syddanmark" in o["dækning"]]
        assert regional and all(len(o["kommuner"]) == 22 for o in regional)
        options = SiteOptions(today=day)
        assert files["offers.csv"] == exports.offers_csv(catalog.shown(options), options)


# ---------------------------------------------------------------- two real builds


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[dt.date, Path]:
    return {day: dated_build(tmp_path_factory, day) for day in (BEFORE, AFTER)}


def _html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_navigation_has_one_regions_entry_that_follows_the_date(built):
    nav_link = re.compile(
        r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>'
    )
    for day, names in ((BEFORE, FIVE), (AFTER, FOUR)):
        links = nav_link.findall(_html(built[day], "kommuner"))
        assert [href for href, label in links if label == "Regioner"] == ["../regioner/"]
        assert not [href for href, _ in links if re.search(r"regioner/\w+/", href)]
        page = _html(built[day], "regioner")
        article = text(page[page.index("<article") : page.index("</article>")])
        assert re.findall(r"(Region \w+) (?:\d{4}|Ikke bekræftet endnu) \d+", article) == names


def test_old_region_addresses_are_pages_before_and_redirects_after_the_merger(built):
    for slug in ("hovedstaden", "sjaelland"):
        before = _html(built[BEFORE], f"regioner/{slug}")
        assert 'http-equiv="refresh"' not in before and "<h1" in before
        after = _html(built[AFTER], f"regioner/{slug}")
        assert '<meta http-equiv="refresh" content="0; url=../oestdanmark/">' in after
        assert '<a href="../oestdanmark/">Gå til den nye side</a>' in after
        assert '<link rel="canonical" href="https://videre.example.org/regioner/oestdanmark/">' in after
    assert not (built[BEFORE] / "regioner" / "oestdanmark").exists()
    assert "Region Østdanmark" in _html(built[AFTER], "regioner/oestdanmark")


def test_front_page_and_municipality_pages_show_the_dated_notice(built):
    for day, word in ((BEFORE, "Fra"), (AFTER, "Siden")):
        front = text(_html(built[day], ""))
        assert (
            f"{word} 1. januar 2027 {'bliver' if day == BEFORE else 'er'} Region Hovedstaden og Region Sjælland "
            "lagt sammen til Region Østdanmark."
        ) in front
        assert 'href="vejledning/sundhedsreform-2027/"' in _html(built[day], "")
        roskilde = _html(built[day], "kommuner/roskilde")
        assert "videre-varsel" in roskilde and "videre-varsel" not in _html(built[day], "kommuner/esbjerg")
