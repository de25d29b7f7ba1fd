"""Info screens in headless Chromium: fit, rotation, offline, updates, opening hours, QR codes, controls, memory.

Screenshots land in /tmp/videre-skaerm/ so a person can look at them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.browser import serve
from tests.helpers.qr_read import read_qr
from tests.helpers.site import DATA, build_site, write_tree
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages.kiosk import screen_content, screens

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/videre-skaerm")
OPEN = "2026-11-23T10:00:00+01:00"
"""A Monday morning: every example screen is on."""
CLOSED = "2026-11-21T03:00:00+01:00"
"""A Saturday night: every example screen is dark."""
SIZES = {"liggende": (1920, 1080), "staaende": (1080, 1920)}
SLUGS = sorted(p.stem for p in (DATA / "screens").glob("*.yaml"))
SITE_URL = "https://videre.example.org/"


def freeze(page, at: str) -> None:
    """Fake timers with the clock standing still at ``at``; only ``page.clock.run_for`` moves it."""
    moment = dt.datetime.fromisoformat(at)
    page.clock.install(time=moment - dt.timedelta(seconds=1))
    page.clock.pause_at(moment)


@contextmanager
def kiosk(
    browser,
    base_url: str,
    url: str,
    size=(1920, 1080),
    at: str | None = OPEN,
    *,
    install: bool = False,
    failed_loads: bool = False,
    **context_options,
) -> Iterator[object]:
    """A page on a screen of the given size in Danish time; fails on script errors.

    The clock is fixed at ``at`` while timers run, or with ``install`` it stands still until the test
    moves it with ``page.clock.run_for``. ``failed_loads`` allows the browser's own log lines about
    requests that fail on purpose (offline, error responses).
    """
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, timezone_id="Europe/Copenhagen", **context_options
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    if at and install:
        freeze(page, at)
    elif at:
        page.clock.set_fixed_time(at)
    page.goto(base_url + url)
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    try:
        yield page
        if failed_loads:
            errors = [e for e in errors if not e.startswith("Failed to load resource")]
        assert errors == [], errors
    finally:
        context.close()


def changes(page) -> int:
    return int(page.evaluate("document.documentElement.dataset.skift || 0"))


def shown_title(page) -> str:
    return page.evaluate("(document.querySelector('.dias.er-vist .dias__titel') || {}).textContent || ''")


SHOW = """i => {
  document.querySelectorAll('.dias').forEach((d, k) => {
    d.classList.remove('var-vist');
    d.classList.toggle('er-vist', k === i);
    d.classList.add('dias--straks');
  });
}"""

MEASURE = """i => {
  const slide = document.querySelectorAll('.dias')[i];
  const W = innerWidth, H = innerHeight, doc = document.documentElement;
  const problems = [];
  if (slide.hasAttribute('data-fejl')) problems.push('markeret ' + slide.getAttribute('data-fejl'));
  if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth)
    problems.push(`teksten flyder ud: ${slide.scrollWidth}x${slide.scrollHeight} i ${slide.clientWidth}x${slide.clientHeight}`);
  if (doc.scrollWidth > W || doc.scrollHeight > H) problems.push(`siden er ${doc.scrollWidth}x${doc.scrollHeight}`);
  for (const el of [slide, ...slide.querySelectorAll('*')]) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < 0 || r.top < 0 || r.right > W + 0.5 || r.bottom > H + 0.5)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} uden for skærmen: ${JSON.stringify(r)}`);
  }
  const sizes = [...slide.querySelectorAll('p, li')].filter(e => e.textContent.trim())
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  const footer = parseFloat(getComputedStyle(document.querySelector('.skaerm__opdateret')).fontSize);
  return {group: slide.dataset.gruppe, problems, smallest: Math.min(...sizes, footer)};
}"""


# ---------------------------------------------------------------- records and build


def test_example_screens_cover_region_syddanmark():
    catalog = load_catalog(DATA).catalog
    found = catalog.screens
    departments = {d.slug: d for d in catalog.departments if d.region == "syddanmark"}
    assert {s.department for s in found} == set(departments) and len(found) == 4
    assert {s.orientation for s in found} == {"liggende", "staaende"}
    assert all(s.example for s in found)
    options = SiteOptions()
    for screen in found:
        content = screen_content(catalog, screen, options)
        assert content.municipalities == (screen.municipalities or departments[screen.department].serves)
        assert content.slides and content.order[0] == screen.slides[0]


def test_unknown_department_and_reversed_hours_are_explained(tmp_path):
    root = write_tree(
        tmp_path,
        {
            "screens/forkert.yaml": (
                "navn: Testskærm\nafdeling: psykiatrisk-afdeling-esbjerk\ndias: [ret-til-gop]\nformat: liggende\n"
                "åbningstider: {hverdage: '16:00–08:00'}\nsidst_bekræftet: {dato: '2026-10-01', af: Redaktionen}\n"
            ),
            "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml": (
                DATA / "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml"
            ).read_text(),
        },
    )
    problems = {(p.rule, p.field): p for p in load_catalog(root).problems}
    assert "mente du 'psykiatrisk-afdeling-esbjerg'?" in problems[("ukendt-reference", "afdeling")].hint
    assert ("ugyldig-værdi", "åbningstider.mandag") in problems


def test_slide_types_without_data_are_left_out(tmp_path):
    """No offers, no cases: the screen shows the two fixed slides and nothing broken."""
    root = write_tree(
        tmp_path,
        {
            "contacts/afdelinger/afd.yaml": (
                DATA / "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml"
            ).read_text(),
            "screens/tom.yaml": (
                "navn: Tom skærm\nafdeling: afd\nkommuner: [laesoe]\n"
                "dias: [ret-til-gop, foreninger, kommunens-tilbud, sag, vejen-til-genoptraening]\n"
                "format: staaende\nåbningstider: {hverdage: '08:00–15:00'}\n"
                "eksempel: true\n"
            ),
        },
    )
    result = load_catalog(root)
    assert result.errors == []
    content = screen_content(result.catalog, result.catalog.screens[0], SiteOptions())
    assert content.order == ("ret-til-gop", "vejen-til-genoptraening")
    assert [s.group for s in content.slides] == ["ret-til-gop", "vejen-til-genoptraening"]


def test_site_has_kiosk_public_and_version_files(site_dir):
    for slug in SLUGS:
        kiosk_html = (site_dir / f"skaerm/{slug}/kiosk/index.html").read_text(encoding="utf-8")
        public_html = (site_dir / f"skaerm/{slug}/index.html").read_text(encoding="utf-8")
        version = json.loads((site_dir / f"skaerm/{slug}/version.json").read_text())["version"]
        assert f'data-version="{version}"' in kiosk_html and 'id="skaerm-slut"' in kiosk_html
        assert "data-handling" not in kiosk_html and 'data-handling="pause"' in public_html
        assert "md-header" not in kiosk_html and "md-nav" not in kiosk_html, "ingen Material-ramme på kiosken"
        for html in (kiosk_html, public_html):
            assert '<html lang="da"' in html
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "intet inline-script"
            assert not re.search(r"\son[a-z]+=", html) and ' style="' not in html
            # The pilot screens show examples and records read from a public page, none confirmed: no date, which
            # would look like a confirmation, and the notice that names both kinds (not the examples-only one).
            assert "Oplysningerne er senest opdateret" not in html
            assert "Nogle oplysninger er eksempler eller fra en hjemmeside og ikke bekræftet." in html
            assert "De er ikke tjekket hos kommunen eller foreningen." not in html
    index = (site_dir / "skaerm/index.html").read_text(encoding="utf-8")
    for slug in SLUGS:
        assert f'href="{slug}/"' in index and f'href="{slug}/kiosk/"' in index


# ---------------------------------------------------------------- the kiosk in Chromium


@pytest.mark.parametrize("orientation", sorted(SIZES))
@pytest.mark.parametrize("slug", SLUGS)
def test_every_slide_fits_the_screen(browser, base_url, slug, orientation):
    SHOTS.mkdir(exist_ok=True)
    size = SIZES[orientation]
    from axe_playwright_python.sync_playwright import Axe

    with kiosk(browser, base_url, f"skaerm/{slug}/kiosk/?sekunder=600", size) as page:
        count = page.locator(".dias").count()
        assert count >= 3
        shot_groups: set[str] = set()
        for i in range(count):
            page.evaluate(SHOW, i)
            report = page.evaluate(MEASURE, i)
            assert report["problems"] == [], f"dias {i} ({report['group']}) i {size}: {report['problems']}"
            assert report["smallest"] >= 40, f"dias {i}: tekst på {report['smallest']} px kan ikke læses på 3 m"
            if report["group"] not in shot_groups:
                shot_groups.add(report["group"])
                page.screenshot(path=str(SHOTS / f"{slug}-{orientation}-{report['group']}.png"))
                contrast = Axe().run(page, options={"runOnly": ["color-contrast"]}).response["violations"]
                assert contrast == [], f"dias {i}: {[n['target'] for v in contrast for n in v['nodes']]}"


def test_slides_rotate_in_the_configured_order(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-odense/kiosk/?sekunder=2", install=True) as page:
        order = page.evaluate("document.documentElement.dataset.raekkefoelge.split(' ')")
        seen: list[tuple[str, str]] = []
        for step in range(2 * len(order)):
            page.clock.run_for(2000)
            assert changes(page) == step + 2
            seen.append(
                page.evaluate(
                    "(() => { const d = document.querySelector('.dias.er-vist');"
                    " return [d.dataset.gruppe, d.querySelector('.dias__titel').textContent]; })()"
                )
            )
        groups = [g for g, _ in seen]
        assert groups[: len(order)] == order[1:] + order[:1], "typerne kommer i den valgte rækkefølge"
        assert len({t for g, t in seen if g == "foreninger"}) == groups.count("foreninger") >= 4, (
            "foreningernes tilbud skiftes: et nyt hver gang"
        )
        assert page.locator(".dias.er-vist").count() == 1


def test_broken_empty_or_too_big_slides_are_skipped(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-vejle/kiosk/?sekunder=1", install=True) as page:
        total = page.locator(".dias").count()
        page.evaluate("""() => {
          const all = document.querySelectorAll('.dias');
          all[3].setAttribute('data-fejl', 'mangler-data');
          const big = all[4].querySelector('.dias__tekst');
          for (let i = 0; i < 60; i++) big.appendChild(document.createElement('p')).textContent = 'For meget tekst. '.repeat(8);
          window.dispatchEvent(new Event('resize'));
        }""")
        page.clock.run_for(400)  # the resize check waits 300 ms
        assert page.evaluate("document.querySelectorAll('.dias')[4].getAttribute('data-fejl')") == "for-stor"
        shown = set()
        for _ in range(2 * total):
            page.clock.run_for(1000)
            shown.add(
                page.evaluate(
                    "[...document.querySelectorAll('.dias')].indexOf(document.querySelector('.dias.er-vist'))"
                )
            )
        assert 3 not in shown and 4 not in shown
        assert shown == set(range(total)) - {3, 4}, "alle andre dias kommer frem"


def test_rotation_goes_on_without_network(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/?sekunder=0.5&opdater=0.5", failed_loads=True) as page:
        page.wait_for_function("() => +document.documentElement.dataset.skift >= 2")
        version = page.evaluate("document.documentElement.dataset.version")
        page.context.set_offline(True)
        before, titles = changes(page), set()
        for _ in range(6):
            page.wait_for_function("n => +document.documentElement.dataset.skift > n", arg=changes(page))
            titles.add(shown_title(page))
        assert changes(page) >= before + 6 and len(titles) >= 3
        assert page.evaluate("document.documentElement.dataset.version") == version
        assert page.locator(".dias").count() > 5, "indholdet er der stadig"
        page.context.set_offline(False)


def test_failed_or_half_fetch_changes_nothing(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-vejle/kiosk/?sekunder=0.5&opdater=0.3", failed_loads=True) as page:
        real = page.evaluate("document.documentElement.outerHTML")
        old_version = page.evaluate("document.documentElement.dataset.version")
        page.route("**/version.json", lambda r: r.fulfill(json={"version": "ny-version"}))
        page.route(
            re.compile(r".*/kiosk/$"), lambda r: r.fulfill(body=real[: len(real) // 2], content_type="text/html")
        )
        start = changes(page)
        page.wait_for_function("n => +document.documentElement.dataset.skift > n + 4", arg=start)
        page.unroute(re.compile(r".*/kiosk/$"))
        page.route(re.compile(r".*/kiosk/$"), lambda r: r.fulfill(status=500, body="fejl"))
        page.wait_for_function("n => +document.documentElement.dataset.skift > n + 8", arg=start)
        assert page.evaluate("document.documentElement.dataset.version") == old_version
        assert page.locator(".dias").count() == real.count('<section class="dias ')


UPDATE_DEPARTMENT = (DATA / "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml").read_text(encoding="utf-8")
UPDATE_SCREEN = """\
navn: Testskærm
afdeling: psykiatrisk-afdeling-esbjerg
kommuner: [esbjerg]
dias: [ret-til-gop, kommunens-tilbud, vejen-til-genoptraening]
sekunder_per_dias: 10
format: liggende
åbningstider: {hverdage: "07:00–17:00"}
eksempel: true
"""


def _offer(title: str) -> str:
    from tests.helpers.records import GOOD_OFFER

    return GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", f"titel: {title}")


@pytest.mark.slow
def test_new_content_appears_after_a_rebuild_without_a_blank_frame(browser, tmp_path):
    files = {
        "contacts/afdelinger/psykiatrisk-afdeling-esbjerg.yaml": UPDATE_DEPARTMENT,
        "screens/test.yaml": UPDATE_SCREEN,
        "offers/esbjerg/test-tilbud.yaml": _offer("Gammel titel"),
    }
    data, out = write_tree(tmp_path / "data", files), tmp_path / "site"
    result = build_site(out, data=data)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(out)
    try:
        # The rebuild empties the folder first: the screen meets 404s on the way and must ignore them.
        with kiosk(browser, url, "skaerm/test/kiosk/?sekunder=0.4&opdater=0.5", failed_loads=True) as page:
            assert "Gammel titel" in page.content()
            old_version = page.evaluate("document.documentElement.dataset.version")
            page.evaluate("""() => {
              const s = window.videreProeve = {frames: 0, blank: 0};
              (function sample() {
                const shown = document.querySelectorAll('.dias.er-vist');
                const text = shown.length === 1 ? shown[0].innerText.trim() : '';
                s.frames += 1; if (!text) s.blank += 1;
                requestAnimationFrame(sample);
              })();
            }""")
            (data / "offers/esbjerg/test-tilbud.yaml").write_text(_offer("Ny titel efter opdatering"), encoding="utf-8")
            result = build_site(out, data=data)
            assert result.returncode == 0, result.stdout + result.stderr
            page.wait_for_function(
                "() => document.getElementById('skaerm-indhold').textContent.includes('Ny titel efter opdatering')",
                timeout=30000,
            )
            after_swap = changes(page)
            page.wait_for_function("n => +document.documentElement.dataset.skift > n + 3", arg=after_swap)
            page.wait_for_function(
                "() => document.querySelector('.dias.er-vist .dias__titel').textContent"
                ".includes('Ny titel efter opdatering')",
                timeout=10000,
            )
            sampled = page.evaluate("window.videreProeve")
            assert sampled["frames"] > 30 and sampled["blank"] == 0, sampled
            assert page.evaluate("document.documentElement.dataset.version") != old_version
            assert "Gammel titel" not in page.evaluate("document.getElementById('skaerm-indhold').textContent")
    finally:
        server.shutdown()


def test_dark_outside_opening_hours(browser, base_url):
    SHOTS.mkdir(exist_ok=True)
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/", at=CLOSED) as page:
        assert page.evaluate("document.documentElement.classList.contains('skaerm--lukket')")
        assert page.locator("#skaerm-scene").is_hidden()
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
        page.screenshot(path=str(SHOTS / "lukket.png"))
    # Odense closes at 14:00 on Fridays, 15:30 on other weekdays.
    for moment, dark in (
        ("2026-11-20T14:30:00+01:00", True),
        ("2026-11-19T14:30:00+01:00", False),
        ("2026-11-20T07:59:00+01:00", True),
        ("2026-11-20T08:00:00+01:00", False),
    ):
        with kiosk(browser, base_url, "skaerm/venterum-odense/kiosk/", (1080, 1920), at=moment) as page:
            assert page.evaluate("document.documentElement.classList.contains('skaerm--lukket')") is dark, moment


def test_screen_goes_dark_at_closing_time(browser, base_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, timezone_id="Europe/Copenhagen")
    page = context.new_page()
    freeze(page, "2026-11-23T15:59:00+01:00")
    page.goto(base_url + "skaerm/venterum-esbjerg/kiosk/")
    page.clock.run_for(1000)
    assert not page.evaluate("document.documentElement.classList.contains('skaerm--lukket')")
    page.clock.run_for(90_000)
    assert page.evaluate("document.documentElement.classList.contains('skaerm--lukket')")
    context.close()


def test_qr_codes_open_the_offer_pages(browser, base_url):
    # The site shows the published catalog: an example with a real record of the same owner and type is left out.
    catalog = load_catalog(DATA).catalog.shown(SiteOptions())
    screen = next(s for s in screens(catalog, SiteOptions()) if s.slug == "venterum-esbjerg")
    offers = list(catalog.all_offers())
    expected = {SITE_URL + o.url for o in offers}
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/") as page:
        slides = page.locator(".dias")
        read = []
        for i in range(slides.count()):
            if "dias--qr" not in (slides.nth(i).get_attribute("class") or ""):
                continue
            page.evaluate(SHOW, i)
            figure = slides.nth(i).locator(".dias__qr")
            texts = read_qr(figure.locator("svg").screenshot())
            assert texts == [figure.get_attribute("data-url")], f"dias {i}"
            read.append(texts[0])
    content = screen_content(catalog, screen, SiteOptions())
    assert read == [s.qr_url for s in content.slides if s.qr]
    assert len(read) >= 10 and set(read) <= expected


def test_no_patient_data_no_storage_no_other_host(browser, base_url):
    foreign: list[str] = []
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/?sekunder=0.5&opdater=0.5") as page:
        page.route(
            "**/*",
            lambda r: (
                r.continue_() if r.request.url.startswith(base_url) else (foreign.append(r.request.url), r.abort())
            ),
        )
        page.wait_for_function("() => +document.documentElement.dataset.skift >= 3")
        assert page.locator("input, textarea, select, form, iframe").count() == 0
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        assert page.evaluate("document.cookie") == ""
        policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert foreign == []


def test_transitions_respect_reduced_motion_and_content_shifts(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/?sekunder=0.5") as page:
        page.wait_for_function("() => +document.documentElement.dataset.skift >= 2")
        assert page.evaluate("getComputedStyle(document.querySelector('.dias.er-vist')).animationName") == "dias-ind"
    with kiosk(
        browser,
        base_url,
        "skaerm/venterum-esbjerg/kiosk/?sekunder=60",
        at="2026-11-23T10:00:30+01:00",
        install=True,
        reduced_motion="reduce",
    ) as page:
        page.clock.run_for(60_000)
        assert page.evaluate("getComputedStyle(document.querySelector('.dias.er-vist')).animationName") == "none"
        assert page.evaluate("getComputedStyle(document.getElementById('skaerm-indhold')).transitionDuration") == "0s"
        # Against burn-in the content moves a few pixels every three minutes.
        offsets = set()
        for _ in range(8):
            box = page.locator("#skaerm-indhold").bounding_box()
            offsets.add((round(box["x"]), round(box["y"])))
            page.clock.run_for(180_000)
    xs, ys = {x for x, _ in offsets}, {y for _, y in offsets}
    assert len(offsets) == 8 and max(xs) - min(xs) <= 6 and max(ys) - min(ys) <= 6, offsets


# ---------------------------------------------------------------- the public page (WCAG 2.2.2)


def tab_to(page, action: str) -> None:
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.handling") == action:
            return
    raise AssertionError(f"knappen '{action}' kan ikke nås med Tab")


def test_public_page_can_pause_stop_and_go_on_by_keyboard(browser, base_url):
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/?sekunder=2", (1280, 900), install=True) as page:
        page.clock.run_for(2000)
        assert changes(page) == 2, "skifter selv"
        tab_to(page, "pause")
        assert page.evaluate("document.activeElement.textContent") == "Pause"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid", "synligt fokus"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.textContent") == "Fortsæt"
        page.clock.run_for(10_000)
        assert changes(page) == 2, "pause standser skiftet"
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Næste"
        title = shown_title(page)
        page.keyboard.press("Enter")
        assert changes(page) == 3 and shown_title(page) != title
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.textContent") == "Stop"
        page.keyboard.press("Enter")
        assert page.evaluate("document.documentElement.classList.contains('skaerm--stoppet')")
        assert page.evaluate("document.activeElement.textContent") == "Start igen"
        hidden = page.evaluate(
            "[...document.querySelectorAll('.dias')].filter(d => getComputedStyle(d).visibility !== 'visible').length"
        )
        assert hidden == 0, "Stop viser alle dias som en liste"
        page.clock.run_for(10_000)
        assert changes(page) == 3, "Stop standser skiftet"
        page.keyboard.press("Space")  # Start igen
        page.clock.run_for(2000)
        assert changes(page) == 4


def test_public_page_passes_axe_running_paused_and_stopped(browser, base_url):
    """axe needs real timers, so the slides change slowly here; it runs when no fade is under way."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/?sekunder=120", (1280, 900)) as page:
        assert axe.run(page).response["violations"] == []
        tab_to(page, "naeste")
        page.keyboard.press("Enter")
        time.sleep(1)  # the fade is over
        assert axe.run(page).response["violations"] == []
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")  # Pause
        assert axe.run(page).response["violations"] == []
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # Stop: every slide in a list
        assert axe.run(page).response["violations"] == []
        page.screenshot(path=str(SHOTS / "offentlig-stoppet.png"), full_page=True)


def test_screen_index_lists_both_addresses(browser, base_url):
    from axe_playwright_python.sync_playwright import Axe

    with kiosk(browser, base_url, "skaerm/", (1280, 900), at=None) as page:
        for slug in SLUGS:
            assert page.locator(f"a[href='{slug}/']").count() == 1
            assert page.locator(f"a[href='{slug}/kiosk/']").count() == 1
        assert Axe().run(page).response["violations"] == []


# ---------------------------------------------------------------- measurements for the report


def test_memory_is_flat_and_first_load_is_small(browser, base_url):
    """Transfer size of the first load, and JS heap after 50 and after 500 slide changes (forced GC)."""
    with kiosk(browser, base_url, "skaerm/venterum-esbjerg/kiosk/", at=None) as page:  # no fake clock here
        page.wait_for_load_state("load")
        transfer = page.evaluate("""() => {
          const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
          return {transfer: all.reduce((s, e) => s + e.transferSize, 0),
                  body: all.reduce((s, e) => s + e.encodedBodySize, 0),
                  files: all.map(e => e.name.split('/').slice(-3).join('/') + ' ' + e.transferSize)};
        }""")
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, timezone_id="Europe/Copenhagen")
    page = context.new_page()
    freeze(page, "2026-11-23T08:00:00+01:00")
    page.goto(base_url + "skaerm/venterum-esbjerg/kiosk/?sekunder=5&opdater=3600")
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")

    def heap() -> dict[str, float]:
        cdp.send("HeapProfiler.collectGarbage")
        cdp.send("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return {k: metrics[k] for k in ("JSHeapUsedSize", "Nodes", "JSEventListeners")}

    def run_until(count: int) -> None:
        for _ in range(2 * count):
            if changes(page) >= count:
                return
            page.clock.run_for(5000)
        raise AssertionError(f"kun {changes(page)} skift")

    run_until(50)
    at_50 = heap()
    run_until(500)
    at_500 = heap()
    growth = (at_500["JSHeapUsedSize"] - at_50["JSHeapUsedSize"]) / at_50["JSHeapUsedSize"]
    report = {
        "overfoert_bytes": transfer["transfer"],
        "krop_bytes": transfer["body"],
        "filer": transfer["files"],
        "heap_50": at_50,
        "heap_500": at_500,
        "heap_vaekst_procent": round(100 * growth, 2),
        "skift": changes(page),
    }
    Path("/tmp/videre-skaerm-maalinger.json").write_text(json.dumps(report, indent=2))
    print("\nKiosk (venterum-esbjerg):", json.dumps(report, indent=2))
    context.close()
    assert growth < 0.20, report
    assert at_500["Nodes"] <= at_50["Nodes"] and at_500["JSEventListeners"] <= at_50["JSEventListeners"], report
    assert transfer["transfer"] < 200_000, report
