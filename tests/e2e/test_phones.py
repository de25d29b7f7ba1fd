"""Phones first (issue 32): no page wider than the screen, search in every header, and on a municipality
page the offers by need with a problem filter that reuses the directory's rule."""

import re

import pytest

from tests.helpers.a11y import axe_violations, open_page
from tests.helpers.page_types import PAGE_TYPES

WIDTHS = (320, 390, 768)
EXTRA = {
    "kommune-soenderborg": "kommuner/soenderborg/",
    "handout-soenderborg": "udskrivning/soenderborg/",
    "katalog-soenderborg-depression": "tilbud/?kommune=soenderborg&problem=depression",
}
PAGES = {**PAGE_TYPES, **EXTRA}
NO_HEADER = {"kiosk-offentlig", "handout-kommune", "handout-soenderborg", "flow-print", "flow-print-a3"}
"""Pages without the theme: the waiting-room screen and the printed sheets (they link to search instead)."""
WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const e of document.querySelectorAll("body *")) {
    const box = e.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) { wide.push(e.tagName.toLowerCase() + "." + e.className + " " + Math.round(box.right)); }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_screen(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    failures = []
    for name, url in PAGES.items():
        open_page(page, base_url, url)
        found = page.evaluate(WIDER)
        if found["scroll"] > found["width"]:
            failures.append(f"{name} ({url}): {found}")
    context.close()
    assert failures == []


@pytest.mark.browser
def test_every_page_with_the_theme_has_search_in_its_header(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    for name, url in PAGES.items():
        open_page(page, base_url, url)
        if name in NO_HEADER:
            continue
        form = page.locator("header .videre-topsoeg")
        assert form.count() == 1 and form.get_attribute("role") == "search", name
        assert page.locator("header .videre-topsoeg__knap").is_visible(), name
    open_page(page, base_url, "kommuner/soenderborg/")
    page.locator("header .videre-topsoeg__knap").click()
    page.wait_for_url(re.compile(r"/sog/\?q=$"))
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, base_url, "kommuner/")
    page.locator("header #videre-topsoeg-felt").fill("depression")
    page.locator("header #videre-topsoeg-felt").press("Enter")
    page.wait_for_url(re.compile(r"/sog/\?q=depression$"))
    page.wait_for_selector(".pagefind-ui__result")
    open_page(page, base_url, "udskrivning/soenderborg/")
    assert page.get_by_role("link", name="Søg på Videre").is_visible()
    page.close()


@pytest.mark.browser
def test_search_results_come_before_the_facets_on_a_phone(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    open_page(page, base_url, "sog/?q=angst")
    page.wait_for_selector(".pagefind-ui__result")
    first = page.locator(".pagefind-ui__result").first.bounding_box()
    facets = page.locator(".pagefind-ui__filter-panel").bounding_box()
    assert first["y"] < facets["y"] and first["y"] < 844, "det første resultat står på første skærm, før filtrene"
    page.close()


@pytest.mark.browser
def test_a_municipality_page_puts_the_receiver_and_key_contacts_first_and_filters_by_problem(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    open_page(page, base_url, "kommuner/soenderborg/?problem=depression")
    headings = [h.replace("¶", "").strip() for h in page.locator("article h2").all_inner_texts()]
    assert (
        headings.index("Send en genoptræningsplan")
        < headings.index("Nøglepersoner i kommunen")
        < headings.index("Hvis det bliver svært")
        < headings.index("Tilbud i Sønderborg")
    ), headings
    # Sønderborg's contacts are now read from its own page, which names only the GOP receiver: the key-contacts
    # section says so, above the offers.
    assert page.locator("#koordinator-depression").count() == 0
    assert (
        page.locator("p.videre-tom", has_text="Ingen andre kontakter er oplyst endnu").bounding_box()["y"]
        < page.locator(".videre-kort-liste[data-gruppe]").first.bounding_box()["y"]
    )
    cards = page.locator(".videre-kort-liste[data-gruppe] article")
    total = cards.count()
    examples = page.locator(".videre-kort-liste--eksempler article").count()
    intro = page.locator("p.videre-antal-tekst").first.inner_text()
    assert intro.startswith(f"{total} tilbud på siden"), "tallet tæller det, siden viser"
    assert examples and intro.endswith(f"Under Eksempler står desuden {examples} eksempler."), intro
    assert page.get_by_label("Patientens problem", exact=True).input_value() == "depression"
    visible = page.locator(".videre-kort-liste[data-gruppe] article:visible")
    problems = visible.evaluate_all("cards => cards.map(c => c.getAttribute('data-p').split(' '))")
    assert 0 < len(problems) < total and all("depression" in p or "alle" in p for p in problems)
    assert page.locator("#videre-kommuneantal").inner_text().startswith(f"{len(problems)} af {total} tilbud passer")
    for group in page.locator(".videre-kort-liste[data-gruppe]:visible").all():
        named = group.locator("article:visible").evaluate_all(
            "cards => cards.map(c => c.getAttribute('data-p').split(' ').includes('depression'))"
        )
        assert named == sorted(named, reverse=True), "tilbud netop til depression først i hver gruppe"
    page.get_by_label("Patientens problem", exact=True).select_option("")
    assert page.locator(".videre-kort-liste[data-gruppe] article:visible").count() == total
    assert "problem=" not in page.url
    assert axe_violations(page) == []
    # Where the municipality names a depression coordinator (Esbjerg), the contact stands above the offers.
    open_page(page, base_url, "kommuner/esbjerg/")
    assert (
        page.locator("#koordinator-depression").bounding_box()["y"]
        < page.locator(".videre-kort-liste[data-gruppe]").first.bounding_box()["y"]
    )
    page.close()


def test_the_municipality_overview_counts_what_the_page_shows(site_dir):
    overview = (site_dir / "kommuner/index.html").read_text(encoding="utf-8")
    page = (site_dir / "kommuner/soenderborg/index.html").read_text(encoding="utf-8")
    # Real offers and examples are counted apart, as the page lists them apart (examples under their own heading).
    cards = len(re.findall(r'<article class="videre-kort(?! videre-kort--eksempel)', page))
    examples = len(re.findall(r'<article class="videre-kort videre-kort--eksempel', page))
    assert re.search(rf'Sønderborg</a> <span class="videre-antal">\({cards} tilbud, {examples} eksempler\)', overview)
    assert f'<p class="videre-antal-tekst">{cards} tilbud på siden' in page
    assert (cards, examples) == (13, 7), "3 af kommunens egne og 10 fra foreninger, læst på deres sider; 7 eksempler"


def test_the_front_page_card_opens_the_decision_aid_and_search_comes_first(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<a href="beslutning/">Skal patienten have en genoptræningsplan?</a>' in html
    assert html.index('id="forside-soeg"') < html.index('<h2 id="hvad-vil-du-goere"'), "søgefeltet står øverst"
