"""Discharge handouts and the offers' printed sheets: plain language, A4 in Chromium's print, QR codes,
accessibility, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers.qr_read import read_qr
from tests.helpers.site import DATA
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages import readability
from videre.pages.handout import MAX_OFFERS, MAX_PARTNER_OFFERS, MAX_RELATIVES, handout_files
from videre.pages.offer import offer_pages
from videre.search.spelling import PRINT_SHEET

SHOTS = Path("/tmp/videre-udskrivning")
SITE_URL = "https://videre.example.org/"
HANDOUTS = ["udskrivning/esbjerg/", "udskrivning/laesoe/", "udskrivning/odense/"]
SHEETS = ["tilbud/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse/", "tilbud/sind/faellesspisning-og-samvaer/"]
"""Offer pages: each prints as its sheet for the patient."""
PRINTED = HANDOUTS + SHEETS


class Readable(HTMLParser):
    """The text inside elements marked ``data-laesbar``, one block per element."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.blocks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif "data-laesbar" in dict(attrs):
            self.depth = 1
            self.blocks.append("")
        if self.depth and tag in ("li", "p", "br"):
            self.blocks[-1] += "\n\n"

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.blocks[-1] += data


@pytest.fixture(scope="module")
def handouts() -> dict[str, str]:
    """The municipalities' handouts and the offers' sheets (from the offer pages' Markdown), by path."""
    catalog = load_catalog(DATA).catalog
    sheets = {
        page.src_uri: PRINT_SHEET + page.markdown.split(PRINT_SHEET, 1)[1]
        for page in offer_pages(catalog, SiteOptions())
    }
    return {**handout_files(catalog, SiteOptions()), **sheets}


# ---------------------------------------------------------------- the checker itself


def test_sentences_are_split_the_danish_way():
    text = "Ring kl. 8, fx. i morgen. Du starter senest den 7. dag! Spørg personalet: Hvad nu?\n- Et punkt\n- Et andet"
    assert readability.sentences(text) == [
        "Ring kl. 8, fx. i morgen.",
        "Du starter senest den 7. dag!",
        "Spørg personalet:",
        "Hvad nu?",
        "Et punkt",
        "Et andet",
    ]
    report = readability.check("En kort sætning. Så " + "ord " * 29 + "slut.")
    assert report.sentences == 2 and report.longest_words == 31 and not report.ok


def test_first_sentences_stop_at_a_whole_sentence():
    text = "Første sætning er her. Anden sætning er også her. Tredje kommer til sidst."
    assert readability.first_sentences(text, 50) == "Første sætning er her. Anden sætning er også her."
    assert readability.first_sentences("Et meget langt ord " * 20, 40).endswith("…")


# ---------------------------------------------------------------- contents


def test_a_handout_for_every_municipality_and_every_offer(handouts):
    catalog = load_catalog(DATA).catalog
    for m in catalog.register.municipalities:
        html = handouts[f"udskrivning/{m.slug}/index.html"]
        assert f"Til dig, der skal udskrives – genoptræning og fællesskaber i {m.name}</h1>" in html
    pages = {page.src_uri: page.markdown for page in offer_pages(catalog, SiteOptions())}
    for offer in catalog.all_offers():
        markdown = pages[f"tilbud/{offer.owner}/{offer.slug}.md"]
        assert markdown.count(PRINT_SHEET) == 1, "one sheet, the page's last block"
        sheet = markdown.split(PRINT_SHEET, 1)[1]
        assert f"<h1>{offer.title}" in sheet and f'data-url="{SITE_URL}tilbud/{offer.owner}/{offer.slug}/"' in sheet
        assert 'class="videre-stavemaader"' not in sheet, "the sheet's words are not the page's search words"
    assert not any(path.startswith("udskrivning/tilbud/") for path in handouts), "no sheet is a page of its own"


def test_handout_texts_are_plain_language(handouts):
    """Average sentence at most 15 words, none over 25: the fixed texts and the offers' own words."""
    failures = []
    for path, html in sorted(handouts.items()):
        parser = Readable()
        parser.feed(html)
        report = readability.check("\n\n".join(parser.blocks))
        assert report.sentences >= 3, path
        if not report.ok:
            failures.append(f"{path}: {report.explain()}")
    assert failures == []


def shown_offers(section: str) -> int:
    """Offers shown before staff narrow the sheet: the others are on the page, hidden, for the sheet's filter."""
    return len(re.findall(r'<article class="ark__tilbud"[^>]*(?<! hidden)>', section))


def test_esbjerg_has_contact_and_at_most_four_of_each(handouts):
    html = handouts["udskrivning/esbjerg/index.html"]
    assert "genoptraening@esbjerg.example.org" in html, "GOP-kontakten fra data/contacts/kommuner/esbjerg.yaml"
    sections = html.split('id="kommunens-tilbud"')[1].split('id="foreninger"')
    assert 1 <= shown_offers(sections[0]) <= MAX_OFFERS < sections[0].count('class="ark__tilbud"')
    partners = sections[1].split('id="paaroerende"')
    assert 1 <= shown_offers(partners[0]) <= MAX_PARTNER_OFFERS
    assert 1 <= shown_offers(partners[1]) <= MAX_RELATIVES
    assert all('data-k="paaroerende"' in a for a in re.findall(r"<article[^>]*>", partners[1])), "kun pårørendes"
    assert 'data-k="paaroerende"' not in sections[0] + partners[0], "pårørendes tilbud står under deres egen overskrift"
    # Esbjerg's handout holds examples and records read from the municipality's page; no one has confirmed any of
    # them: no date, and the notice that names both kinds (not the examples-only one).
    assert "Oplysningerne er senest opdateret" not in html
    assert "Nogle oplysninger er eksempler eller fra en hjemmeside og ikke bekræftet." in html
    assert "De er ikke tjekket hos kommunen eller foreningen." not in html


def test_municipality_without_records_still_helps(handouts):
    html = handouts["udskrivning/laesoe/index.html"]
    for text in (
        "Dine rettigheder",
        "senest den dag, du bliver udskrevet",
        "inden for 7 dage",
        "Hvis det bliver svært",
        "Alarm 112",
        "spørg personalet, hvordan du kontakter dem",
        "Vi kender endnu ingen tilbud fra kommunen",
        "https://videre.example.org/kommuner/laesoe/",
    ):
        assert text in html, text


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))


def test_no_internal_source_reference_reaches_a_patient(handouts):
    """The seed documents' codes and line numbers stay on the staff pages (Kilder)."""
    for path, html in sorted(handouts.items()):
        text = visible_text(html)
        assert not re.search(r"\bS00[0-9]\b|\blinje [0-9]", text), path


def test_every_ring_on_a_handout_has_a_number(handouts):
    """Our own texts and the crisis lines: 'ring' with a number in the same sentence; without a number the text
    says 'skriv' or asks the staff. (The offers' own descriptions are the editors' words, with their contact.)"""
    for path, html in sorted(handouts.items()):
        if not path.startswith("udskrivning/"):
            continue
        ours = re.sub(r'<article class="ark__tilbud".*?</article>', " ", html, flags=re.S)
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(visible_text(ours).split())):
            if re.search(r"\bringe?\b", sentence, re.IGNORECASE):  # the reader rings; not "kommunen ringer"
                assert re.search(r"\b1[0-9]{2,3}\b|[0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}|[0-9]{8}", sentence), (
                    path,
                    sentence,
                )


def test_the_crisis_block_comes_first_and_is_the_same_data_as_the_municipality_page(handouts, site_dir):
    html = handouts["udskrivning/soenderborg/index.html"]
    assert html.index("Hvis det bliver svært") < html.index("Dine rettigheder")
    assert "Alarm 112: <a" in html and "70 11 07 07" in html and "1813" not in html
    page = (site_dir / "kommuner/soenderborg/index.html").read_text(encoding="utf-8")
    assert "Hvis det bliver svært" in page and "70 11 07 07" in page
    assert "regionsyddanmark.dk" in page, "kommunesiden (til personalet) viser kilden"
    assert "regionsyddanmark.dk" not in html, "arket (til patienten) viser ingen kilde"


def test_pages_link_to_their_handouts_and_offer_pages_carry_their_sheet(site_dir):
    municipality = (site_dir / "kommuner/esbjerg/index.html").read_text(encoding="utf-8")
    assert 'href="../../udskrivning/esbjerg/"' in municipality
    offer = (site_dir / "tilbud/sind/faellesspisning-og-samvaer/index.html").read_text(encoding="utf-8")
    assert offer.count(PRINT_SHEET + " hidden>") == 1 and "data-udskriv" in offer
    assert "../../../assets/videre-udskrivning.css" in offer and "../../../assets/videre-udskriv.js" in offer
    assert not (site_dir / "udskrivning/tilbud").exists()
    for url in HANDOUTS:
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        assert "md-header" not in html and "Content-Security-Policy" in html
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and ' style="' not in html


# ---------------------------------------------------------------- in Chromium


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.browser
def test_handouts_print_on_one_or_two_a4_pages(browser, base_url):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1000, "height": 1400})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for url in PRINTED:
        page.goto(base_url + url)
        sheet = page.locator(".videre-ark")
        if url in SHEETS:
            assert sheet.is_hidden(), "on screen the offer page shows no sheet"
        pdf = page.pdf(format="A4", print_background=True)
        name = url.strip("/").replace("/", "_")
        (SHOTS / f"{name}.pdf").write_bytes(pdf)
        assert 1 <= page_count(pdf) <= 2, f"{url}: {page_count(pdf)} sider"
        width, height = (float(v) for v in re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf).groups())
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"A4 er 595 × 842 punkter, ikke {width} × {height}"
        page.emulate_media(media="print")
        if url in SHEETS:  # the sheet alone: no theme, not the page's own text for staff
            assert sheet.is_visible() and sheet.locator("h1").is_visible()
            for other in (".md-header", ".md-footer", "[data-pagefind-body] > h1", ".videre-udskriv", ".videre-fakta"):
                assert page.locator(other).first.is_hidden(), f"{url}: {other} printes ikke"
        else:
            assert page.locator(".ark-vaerktoej").is_hidden(), "værktøjslinjen printes ikke"
        page.set_viewport_size({"width": 794, "height": 1123})
        page.screenshot(path=str(SHOTS / f"{name}-print.png"), full_page=True)
        page.emulate_media(media="null")  # no emulation: screen for the page, print for pdf()
        page.set_viewport_size({"width": 1000, "height": 1400})
    assert errors == []
    context.close()


@pytest.mark.browser
def test_handout_qr_codes_open_the_right_pages(browser, base_url):
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    expected = {
        "udskrivning/esbjerg/": SITE_URL + "kommuner/esbjerg/",
        "udskrivning/laesoe/": SITE_URL + "kommuner/laesoe/",
        "tilbud/sind/faellesspisning-og-samvaer/": SITE_URL + "tilbud/sind/faellesspisning-og-samvaer/",
    }
    for url, target in expected.items():
        page.emulate_media(media="print")  # an offer's sheet shows only in print
        page.goto(base_url + url)
        box = page.locator(".ark__qr")
        assert box.get_attribute("data-url") == target
        assert read_qr(box.locator("svg").screenshot()) == [target]
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", PRINTED[:2] + PRINTED[3:4])
def test_handouts_pass_axe(browser, base_url, url):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(base_url + url)
    assert page.locator("[data-udskriv]").is_visible(), "knappen 'Print siden' vises, når scriptet kører"
    violations = Axe().run(page).response["violations"]
    if url in SHEETS:  # what is printed, too: the sheet's contrast and structure
        page.emulate_media(media="print")
        violations += Axe().run(page).response["violations"]
    page.close()
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


A4_CONTENT_PX = (210 - 28) * 96 / 25.4, (297 - 24) * 96 / 25.4
"""The printed area of an A4 page at 96 dpi, inside the sheet's margins (@page videre-ark: 12 mm × 14 mm)."""


@pytest.mark.browser
def test_the_crisis_block_prints_on_page_one_and_staff_can_narrow_the_sheet(browser, base_url):
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "udskrivning/soenderborg/")
    everything = page.locator("article.ark__tilbud:visible").count()
    page.get_by_label("Problem").select_option("depression")
    page.get_by_label("Alder").select_option("voksne")
    assert "problem=depression" in page.url and "alder=voksne" in page.url, "valget står i adressen"
    shown = page.locator("article.ark__tilbud:visible")
    problems = shown.evaluate_all("cards => cards.map(c => c.getAttribute('data-p'))")
    assert 3 <= len(problems) <= everything
    assert all("depression" in p.split() or "alle" in p.split() for p in problems), problems
    own = page.locator("[data-ark-gruppe='1'] article.ark__tilbud:visible").evaluate_all(
        "cards => cards.map(c => c.getAttribute('data-p').split(' ').includes('depression'))"
    )
    assert own == sorted(own, reverse=True), "tilbud netop til depression står før tilbud til alle"
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert 1 <= page_count(pdf) <= 2
    page.set_viewport_size({"width": round(A4_CONTENT_PX[0]), "height": round(A4_CONTENT_PX[1])})
    page.emulate_media(media="print")
    top = page.locator("main.ark").bounding_box()["y"]
    block = page.locator(".videre-krise").bounding_box()
    assert block["y"] + block["height"] - top < A4_CONTENT_PX[1], "blokken 'Hvis det bliver svært' står på side 1"
    text = page.locator("body").inner_text()
    assert "Alarm 112" in text and not re.search(r"\bS00[0-9]\b", text)
    assert page.locator("#ark-udvalg").is_hidden(), "valget printes ikke"
    assert errors == []
    page.close()


@pytest.mark.browser
def test_an_unknown_value_in_the_handouts_address_is_named_and_reset(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "udskrivning/soenderborg/?problem=nonsens&alder=voksne")
    assert page.locator("#ark-udvalg-status").inner_text() == (
        "Værdien 'nonsens' findes ikke under Problem. Filteret er nulstillet."
    )
    assert page.get_by_label("Problem").input_value() == "" and page.get_by_label("Alder").input_value() == "voksne"
    assert "nonsens" not in page.url
    page.close()
