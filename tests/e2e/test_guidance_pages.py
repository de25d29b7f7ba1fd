"""The guidance pages in real Chromium: the patient's path, its print versions, the decision aid, cases, figures."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from tests.helpers import a11y
from tests.helpers.browser import GuardedPage
from tests.helpers.site import DATA, ROOT
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages import page_url

pytestmark = pytest.mark.browser

ANSWERS = ("ja", "nej", "usikker")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DATA, today=dt.date(2026, 11, 23)).catalog


@pytest.fixture(scope="module")
def flow(catalog):
    return catalog.flows[0]


def squash(text: str) -> str:
    return " ".join(text.split())


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def open_page(guarded: GuardedPage, base_url: str, path: str):
    return a11y.open_page(guarded.page, base_url, path)


# ---------------------------------------------------------------- the diagram


def test_diagram_shows_every_step_and_the_three_criteria(guarded, base_url, flow):
    page = open_page(guarded, base_url, "forloeb/")
    diagram = squash(page.inner_text("ol.videre-flow"))
    for step in flow.steps:
        for text in (step.title, step.details, step.remarks):
            assert squash(text) in diagram, text
    assert len(flow.decision.criteria) == 3
    for criterion in flow.decision.criteria:
        assert criterion.text in diagram
    assert squash(flow.decision.yes.text) in diagram and squash(flow.decision.no.text) in diagram
    # One list item per step, in reading order, numbered as in the text version.
    assert page.locator("ol.videre-flow > li").count() == len(flow.steps)
    assert page.locator("ol.videre-trinliste > li").count() == len(flow.steps)
    listing = squash(page.inner_text("ol.videre-trinliste"))
    assert all(squash(s.details) in listing for s in flow.steps)
    # The text stays text: selectable, not an image.
    assert page.evaluate("getComputedStyle(document.querySelector('.videre-flow__titel')).userSelect") != "none"
    assert guarded.console_errors == [] and guarded.foreign == []


def test_every_step_links_to_its_guidance_page_and_every_link_answers(guarded, base_url, flow):
    page = open_page(guarded, base_url, "forloeb/")
    for number, step in enumerate(flow.steps, 1):
        hrefs = page.eval_on_selector_all(f"#trin-{number} a", "links => links.map(a => a.href)")
        assert base_url + page_url(step.guide) in hrefs, step.id
    links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    assert len(links) > 2 * len(flow.steps)
    checked = set()
    for href in links:
        target = href.split("#", 1)[0]
        if urlparse(href).netloc != urlparse(base_url).netloc:
            continue
        if target == page.url.split("#", 1)[0] and "#" in href:
            assert page.locator(f"[id='{href.split('#', 1)[1]}']").count() == 1, href
            continue
        if target not in checked:
            assert status(target) == 200, href
            checked.add(target)
    assert any("/vejledning/" in c for c in checked) and any(c.endswith("/beslutning/") for c in checked)


def test_diagram_lays_out_two_lanes_and_one_column_on_a_phone(browser, base_url):
    for width, columns in ((1400, 2), (400, 1)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + "forloeb/")
        lefts = page.eval_on_selector_all(
            "ol.videre-flow > li", "items => items.map(i => Math.round(i.getBoundingClientRect().left))"
        )
        assert len(set(lefts)) == columns, (width, set(lefts))
        context.close()


@pytest.mark.parametrize(
    "path, options, size_mm",
    [
        ("forloeb/print-a4/", {"format": "A4", "landscape": True}, (297, 210)),
        ("forloeb/print-a3/", {"format": "A3", "landscape": True}, (420, 297)),
        ("forloeb/print-a4/", {"prefer_css_page_size": True}, (297, 210)),
        ("forloeb/print-a3/", {"prefer_css_page_size": True}, (420, 297)),
    ],
)
def test_print_versions_fit_on_exactly_one_sheet(guarded, base_url, flow, path, options, size_mm):
    from pypdf import PdfReader

    page = open_page(guarded, base_url, path)
    pdf = PdfReader(io.BytesIO(page.pdf(print_background=True, **options)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size_mm
    text = squash(pdf.pages[0].extract_text())
    assert all(squash(step.title)[:25] in text for step in flow.steps)


def test_patient_version_speaks_plainly_to_the_patient(guarded, base_url, flow):
    page = open_page(guarded, base_url, "forloeb/patient/")
    assert page.inner_text("h1").rstrip("¶") == flow.patient_title
    items = page.locator("ol.videre-patientvej > li")
    assert 4 <= items.count() <= 6 and items.count() == len(flow.patient_steps)
    for index, step in enumerate(flow.patient_steps):
        text = squash(items.nth(index).inner_text())
        assert step.title in text and squash(step.text) in text
        assert re.search(r"\b(du|dig|din|dit|dine)\b", step.text.lower()), "du-form"
        assert max(len(s.split()) for s in re.split(r"[.?!]", step.text)) <= 20, "korte sætninger"


# ---------------------------------------------------------------- the decision aid


def rule(answers: tuple[str, ...], domain: bool) -> str:
    """The rule as the page states it, written again here independently of the script."""
    if all(a == "ja" for a in answers):
        return "gop" if domain else "vaelg-omraade"
    if "usikker" in answers:
        return "laege"
    return "andre"


def test_decision_aid_gives_the_stated_result_for_every_combination(guarded, base_url, flow):
    page = open_page(guarded, base_url, "beslutning/")
    codes = [c.code for c in flow.decision.criteria]
    live = page.locator("#beslutning-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    assert page.get_attribute("#beslutning-resultat", "data-udfald") == "ikke-faerdig"
    seen = set()
    for answers in itertools.product(ANSWERS, repeat=len(codes)):
        # A user answers the three questions, reads the result, then ticks an area and reads it again:
        # each combination is shown without an area and with one, after the same clicks as from a reset.
        page.click("button[type=reset]")
        page.check(f"input[name='{codes[0]}'][value='{answers[0]}']")
        assert page.get_attribute("#beslutning-resultat", "data-udfald") == "ikke-faerdig"
        for code, answer in zip(codes[1:], answers[1:]):
            page.check(f"input[name='{code}'][value='{answer}']")
        for domain in (False, True):
            if domain:
                page.check("input[name='omraade'][value='kognitiv']")
            want = rule(answers, domain)
            assert page.get_attribute("#beslutning-resultat", "data-udfald") == want, (answers, domain)
            shown = page.locator(".videre-udfald:visible")
            assert shown.count() == 1 and shown.get_attribute("data-udfald") == want
            assert live.inner_text() == f"Resultat: {shown.locator('h3').inner_text()}."
            # Issue 32: announced, not shown a second time above the result's own heading.
            assert live.evaluate("e => e.getBoundingClientRect().height") <= 1
            seen.add(want)
    assert seen == {"gop", "vaelg-omraade", "laege", "andre"}
    assert guarded.console_errors == []


def test_decision_aid_next_steps_link_to_guidance_and_municipalities(guarded, base_url, catalog):
    page = open_page(guarded, base_url, "beslutning/")
    slugs = page.eval_on_selector_all("#beslutning-kommune option", "o => o.map(x => x.value).filter(Boolean)")
    assert sorted(slugs) == sorted(m.slug for m in catalog.register.municipalities) and len(slugs) == 98
    page.select_option("#beslutning-kommune", "esbjerg")
    link = page.locator("#beslutning-kommune-link")
    assert link.is_visible() and "Esbjerg" in link.inner_text()
    href = page.evaluate("document.getElementById('beslutning-kommune-link').href")
    assert href == base_url + "kommuner/esbjerg/" and status(href) == 200
    for slug in slugs:
        assert status(base_url + f"kommuner/{slug}/") == 200, slug
    outcome_links = page.eval_on_selector_all(".videre-udfald a", "links => links.map(a => a.href)")
    assert {base_url + "vejledning/lav-og-send-gop/", base_url + "vejledning/civilsamfund/"} <= set(outcome_links)
    for href in set(outcome_links):
        assert status(href) == 200, href


def test_decision_aid_stores_nothing(guarded, base_url, flow):
    guarded.context.add_init_script("""
        window.__writes = [];
        for (const name of ['setItem']) {
          const original = Storage.prototype[name];
          Storage.prototype[name] = function (...args) { window.__writes.push(name + ':' + args[0]); return original.apply(this, args); };
        }
        const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
        Object.defineProperty(document, 'cookie', { get() { return cookie.get.call(document); },
          set(value) { window.__writes.push('cookie:' + value); cookie.set.call(document, value); } });
    """)
    page = open_page(guarded, base_url, "beslutning/")
    for criterion in flow.decision.criteria:
        page.check(f"input[name='{criterion.code}'][value='ja']")
    page.check("input[name='omraade'][value='social']")
    page.select_option("#beslutning-kommune", "varde")
    assert page.get_attribute("#beslutning-resultat", "data-udfald") == "gop"
    assert page.url == base_url + "beslutning/", "ingen svar i adressen"
    assert guarded.context.cookies() == []
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie, window.__writes]") == [
        0,
        0,
        "",
        [],
    ]
    script = (ROOT / "docs" / "assets" / "videre-beslutning.js").read_text(encoding="utf-8")
    code = re.sub(r"//.*", "", script)
    for forbidden in ("localStorage", "sessionStorage", "cookie", "history.", "location", "fetch(", "XMLHttpRequest"):
        assert forbidden not in code, forbidden


def test_decision_aid_is_a_printable_checklist_without_javascript(browser, base_url, flow):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "beslutning/")
    assert page.locator("fieldset[data-kriterium]").count() == 3
    assert page.locator("fieldset input[type=radio]").count() == 9
    assert page.locator("fieldset input[type=checkbox][name=omraade]").count() == 6
    labels = squash(page.inner_text("form#videre-beslutning"))
    for word in ("Kropslig", "Kognitiv", "Følelsesmæssig", "Social", "Bevægelse", "Aktivitet"):
        assert word in labels
    for criterion in flow.decision.criteria:
        assert criterion.question in labels
    # Every outcome is shown with the answers that lead to it.
    assert page.locator(".videre-udfald:visible").count() == 4
    assert page.locator(".videre-udfald__hvis:visible").count() == 4
    assert page.locator("#beslutning-kommunevalg").is_hidden()
    assert page.locator(".videre-kommunevalg__alle a").get_attribute("href") == "../kommuner/"
    page.emulate_media(media="print")
    assert page.locator("form#videre-beslutning").is_visible() and page.locator(".videre-kommunevalg").is_hidden()
    context.close()


# ---------------------------------------------------------------- cases


def _hrefs(site_dir: Path, url: str) -> set[str]:
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    base = "http://site/" + url
    return {
        urlparse(urljoin(base, href)).path.lstrip("/")
        + ("?" + urlparse(urljoin(base, href)).query if urlparse(urljoin(base, href)).query else "")
        for href in re.findall(r'href="([^"#]+)', article)
    }


def test_cases_and_their_kinds_and_elements_link_both_ways(site_dir, catalog):
    cases = catalog.cases
    assert cases
    for case in cases:
        links = _hrefs(site_dir, case.url)
        for folder, codes in (("typer", case.kinds), ("indhold", case.elements)):
            for code in codes:
                assert f"{folder}/{code}/" in links, (case.slug, code)
                assert case.url in _hrefs(site_dir, f"{folder}/{code}/"), (code, case.slug)
    # The example from the issue: cognitive training and Henrik's case.
    assert "sager/henrik/" in _hrefs(site_dir, "indhold/kognitiv-traening/")
    assert "indhold/kognitiv-traening/" in _hrefs(site_dir, "sager/henrik/")
    # A kind page leads on to the directory filtered by that kind; an element page to the offers that have it.
    assert "tilbud/?type=genoptraening" in _hrefs(site_dir, "typer/genoptraening/")
    # The site lists the offers it publishes: an example that a real offer of the same owner and type has made
    # needless (Catalog.shown) has no page, so the element page does not link to it. The site is built on
    # today's date, when the real records read in December are in force, so this loads the data as it does.
    published = {o.id for o in load_catalog(DATA).catalog.shown(SiteOptions()).all_offers()}
    with_element = [o for o in catalog.all_offers() if "kognitiv-traening" in o.elements]
    listed = _hrefs(site_dir, "indhold/kognitiv-traening/")
    assert with_element and all((o.url in listed) == (o.id in published) for o in with_element), listed
    assert any(o.id not in published for o in with_element), "et eksempel, som et rigtigt tilbud har afløst"


def test_case_pages_show_their_badge_and_what_the_source_leaves_out(guarded, base_url, catalog):
    for case in catalog.cases:
        page = open_page(guarded, base_url, case.url)
        badge = page.locator("h1 + p .videre-maerke")
        assert badge.inner_text() == ("Konstrueret eksempel" if case.constructed else "Fra kilden")
        assert page.locator(f"a[href$='kilder/#{case.source.document.lower()}']").count() >= 1
    page = open_page(guarded, base_url, "sager/sonja/")
    assert page.locator(".videre-tom").count() == 2
    assert all("Ikke beskrevet i kilden." in t for t in page.locator(".videre-tom").all_inner_texts())
    page = open_page(guarded, base_url, "sager/")
    assert page.locator(".videre-maerke--konstrueret").count() == sum(c.constructed for c in catalog.cases)
    assert guarded.console_errors == []


# ---------------------------------------------------------------- figures


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").replace("%", "").strip())


def test_every_chart_has_its_table_and_the_table_holds_the_data_file_values(guarded, base_url):
    data = yaml.safe_load((DATA / "figures.yaml").read_text(encoding="utf-8"))
    page = open_page(guarded, base_url, "tal/")
    assert page.locator("svg.videre-diagram").count() == len(data["figurer"])
    for figure in data["figurer"]:
        svg = page.locator(f"svg[aria-labelledby^='figur-{figure['id']}-']")
        assert svg.get_attribute("role") == "img"
        for label_id in svg.get_attribute("aria-labelledby").split():
            assert svg.locator(f"[id='{label_id}']").count() == 1
        assert svg.locator("title").text_content() == figure["titel"]
        assert svg.locator("text").count() >= len(figure["serier"][0]["værdier"])
        assert svg.locator("image, foreignObject, [href]").count() == 0
        for fill in set(svg.evaluate("s => [...s.querySelectorAll('rect')].map(r => r.getAttribute('fill'))")):
            assert (1.05) / (_luminance(fill) + 0.05) >= 3, fill
        table = page.locator(f"table#tabel-{figure['id']}")
        assert figure["periode"] in table.locator("caption").inner_text()
        headers = table.locator("thead th").all_inner_texts()
        assert headers[0] == figure["akse"]
        assert [h.split(" (")[0] for h in headers[1:]] == [s["navn"] for s in figure["serier"]]
        rows = table.locator("tbody tr")
        assert rows.count() == len(figure["serier"][0]["værdier"])
        for index in range(rows.count()):
            row = rows.nth(index)
            assert row.locator("th").inner_text() == figure["serier"][0]["værdier"][index]["etiket"]
            cells = [_number(t) for t in row.locator("td").all_inner_texts()]
            assert cells == [s["værdier"][index]["værdi"] for s in figure["serier"]]
        source = page.locator(f"svg[aria-labelledby^='figur-{figure['id']}-'] + figcaption")
        assert f"{figure['kilde']['dokument']}, linje {figure['kilde']['linjer']}" in source.inner_text()
        assert figure["periode"] in source.inner_text()
    assert guarded.console_errors == [] and guarded.foreign == []


def test_screenshots_for_review(browser, base_url):
    """Screenshots of the four main pages in /tmp, for a human to look at."""
    out = Path("/tmp/videre-vejledning")
    out.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path, name in (
        ("forloeb/", "diagram"),
        ("forloeb/patient/", "patient"),
        ("beslutning/", "beslutning"),
        ("tal/", "tal"),
        ("forloeb/print-a4/", "print-a4"),
    ):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        assert (out / f"{name}.png").stat().st_size > 10_000
    context.close()
