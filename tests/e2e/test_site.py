"""The generated site from the real data: what a therapist discharging a patient sees."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from tests.helpers.page_types import PAGE_TYPES
from tests.helpers.site import DATA, build_site


class Text(HTMLParser):
    """The visible text of the article, for assertions that read like the page."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style") or dict(attrs).get("hidden") is not None:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def article(site_dir, url: str) -> str:
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner md-typeset">', 1)[1].rsplit("</article>", 1)[0]
    parser = Text()
    parser.feed(body)
    return " ".join(" ".join(parser.parts).split())


def test_esbjerg_page_answers_the_therapists_questions(site_dir):
    text = article(site_dir, "kommuner/esbjerg")
    # The guarantees: a GOP at discharge when the doctor judges the need, and a start within 7 days.
    assert "senest, når du bliver udskrevet" in text
    assert "starte genoptræningen inden for 7 dage" in text
    # Whom to send the GOP to, and when the entry was last checked.
    assert "Modtager af genoptræningsplaner i Esbjerg Kommune" in text
    # Esbjerg's contacts are an example: the box says so and never claims a confirmation.
    assert "Sikker post" in text and "Eksempel – ikke bekræftet" in text and "Sidst bekræftet" not in text
    # Offers grouped by kind: rehabilitation on a GOP, social psychiatry, the depression pathway, health-centre courses.
    for heading in (
        "Genoptræning efter genoptræningsplan",
        "Socialpsykiatrisk støtte",
        "Forløb for depression",
        "Sundhedscenter og kurser",
    ):
        assert f"{heading}" in text
    # How each offer is reached, and civil society in the municipality.
    assert "Sådan kommer man i gang" in text
    # Since issue 32 the page groups the associations' offers by type with the municipality's own, not under a
    # heading per owner: Røde Kors's visiting friend stands under its type, among the real offers.
    offers, examples = text.split("Tilbud i Esbjerg", 1)[1].split("Eksempler ¶", 1)
    assert "Besøgsven og ledsager" in offers and "Besøgsven fra Røde Kors" in offers
    # Real offers (read from a public page) come before the examples, which stand under their own heading.
    assert "Aflastning, når du passer en syg i familien" in offers and "Eksempel – ikke bekræftet" not in offers
    assert "Genoptræning efter indlæggelse i psykiatrien" in examples


def test_every_municipality_has_a_page_and_empty_ones_say_so(site_dir):
    register = yaml.safe_load((DATA / "kommuner.yaml").read_text(encoding="utf-8"))
    slugs = [m["slug"] for m in register["kommuner"]]
    assert len(slugs) == 98
    for slug in slugs:
        assert (site_dir / "kommuner" / slug / "index.html").is_file(), slug
    empty = article(site_dir, "kommuner/laesoe")
    assert "Vi har endnu ingen tilbud fra Læsø Kommune på siden" in empty
    assert "inden for 7 dage" in empty and "Sådan gør kommunen" in empty


def test_all_of_region_syddanmark_has_an_offer_and_a_gop_contact(site_dir):
    catalog = json.loads((site_dir / "katalog.json").read_text(encoding="utf-8"))
    municipalities_with_offers = {
        o["d"][0] for o in catalog["tilbud"] if o["u"].startswith("tilbud/") and o["e"].endswith("Kommune")
    }
    assert set(catalog["regioner"]["syddanmark"]) <= municipalities_with_offers
    for slug in catalog["regioner"]["syddanmark"]:
        assert "Modtager af genoptræningsplaner" in article(site_dir, f"kommuner/{slug}"), slug


def test_partner_offers_appear_on_every_municipality_they_cover(site_dir):
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    partner_offers = [o for o in offers if o["udbyder_type"] == "partner"]
    assert partner_offers
    for offer in partner_offers[:6]:
        for slug in offer["kommuner"][:5]:
            assert offer["titel"] in article(site_dir, f"kommuner/{slug}"), (offer["id"], slug)


def test_example_records_carry_a_visible_badge(site_dir):
    html = (site_dir / "kommuner/esbjerg/index.html").read_text(encoding="utf-8")
    assert html.count('class="videre-maerke videre-maerke--eksempel"') >= 2


def test_switch_hides_example_records_for_production(tmp_path):
    result = build_site(tmp_path / "site", env={"VIDERE_VIS_EKSEMPLER": "false"})
    assert result.returncode == 0, result.stderr
    offers = json.loads((tmp_path / "site" / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    assert offers and all(not o["eksempel"] and o["status"] in ("kilde", "bekraeftet") for o in offers)
    text = article(tmp_path / "site", "kommuner/esbjerg")
    assert "Eksempel" not in text
    # Esbjerg now has a real offer read from its own page, which stays; its examples go.
    assert "Aflastning, når du passer en syg i familien" in text
    assert "Genoptræning efter indlæggelse i psykiatrien" not in text
    assert "Vi har endnu ingen tilbud fra Esbjerg Kommune" not in text
    # Aabenraa has only examples of its own, so without them the page says it has none yet.
    text = article(tmp_path / "site", "kommuner/aabenraa")
    assert "Eksempel" not in text
    assert "Vi har endnu ingen tilbud fra Aabenraa Kommune" in text


def test_exports_list_every_offer_in_json_and_csv(site_dir):
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site_dir / "offers.csv").read_text(encoding="utf-8"))))
    directory = json.loads((site_dir / "katalog.json").read_text(encoding="utf-8"))["tilbud"]
    ids = [o["id"] for o in offers["tilbud"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) >= 60
    assert [r["id"] for r in rows] == ids
    assert len(directory) == len(ids)
    assert offers["schema_version"] == "1.0"
    for offer in offers["tilbud"]:
        assert (site_dir / offer["url"] / "index.html").is_file(), offer["url"]


def test_generated_pages_stay_out_of_the_navigation(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "kommuner/esbjerg/" not in nav and "tilbud/esbjerg/" not in nav
    assert len(re.findall(r'class="md-nav__link', nav)) < 60


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_types_exist_and_speak_danish(site_dir, name):
    url = PAGE_TYPES[name].split("?", 1)[0]
    path = site_dir / url if url.endswith(".html") else site_dir / url / "index.html"
    html = path.read_text(encoding="utf-8")
    assert '<html lang="da"' in html
