"""The directory page in Chromium: facets combine, the URL keeps the state, nothing leaves the server."""

import json

import pytest


def expected_titles(site_dir, *, municipality=None, problem=None, kind=None, mode=None):
    """What the filters should show, computed in Python from the published offers.json."""
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    titles = []
    for offer in offers:
        if municipality and municipality not in offer["kommuner"]:
            continue
        problems = offer["målgruppe"]["problemer"]
        if problem and problem not in problems and "alle" not in problems:
            continue
        if kind and offer["type"] != kind:
            continue
        if mode and mode not in offer["form"]:
            continue
        titles.append(offer["titel"])
    return sorted(titles)


def shown_titles(page):
    page.locator("#videre-flere").evaluate("b => { while (!b.hidden) b.click(); }")
    return sorted(page.locator("#videre-resultater .videre-kort__titel a").all_inner_texts())


def open_directory(guarded, base_url, query=""):
    page = guarded.page
    page.goto(base_url + "tilbud/" + query)
    page.wait_for_selector("#videre-filtre[data-klar]")
    return page


def test_filter_by_municipality_and_problem_shows_exactly_the_matching_offers(guarded, base_url, site_dir):
    page = open_directory(guarded, base_url)
    everything = expected_titles(site_dir)
    assert page.locator("#videre-antal").inner_text() == f"{len(everything)} tilbud passer"
    page.get_by_label("Kommune").select_option("esbjerg")
    page.get_by_label("Problem").select_option("depression")
    expected = expected_titles(site_dir, municipality="esbjerg", problem="depression")
    assert 3 <= len(expected) < len(everything)
    assert shown_titles(page) == expected
    assert page.locator("#videre-antal").inner_text() == f"{len(expected)} tilbud passer"
    assert "kommune=esbjerg" in page.url and "problem=depression" in page.url
    assert guarded.foreign == [] and guarded.console_errors == []


@pytest.mark.parametrize(
    "municipality, kind, mode",
    [("varde", "genoptraening", None), ("odense", None, "telefon"), (None, "raadgivning", "telefon")],
)
def test_facets_combine(guarded, base_url, site_dir, municipality, kind, mode):
    page = open_directory(guarded, base_url)
    if municipality:
        page.get_by_label("Kommune").select_option(municipality)
    if kind:
        page.get_by_label("Type tilbud").select_option(kind)
    if mode:
        page.get_by_label("Form").select_option(mode)
    assert shown_titles(page) == expected_titles(site_dir, municipality=municipality, kind=kind, mode=mode)


def test_a_shared_link_restores_the_filters_and_reset_clears_them(guarded, base_url, site_dir):
    page = open_directory(guarded, base_url, "?kommune=esbjerg&problem=depression")
    assert page.get_by_label("Kommune").input_value() == "esbjerg"
    assert shown_titles(page) == expected_titles(site_dir, municipality="esbjerg", problem="depression")
    page.get_by_role("button", name="Nulstil filtre").click()
    page.wait_for_function("() => !location.search")  # a function: a bare expression is eval()ed, which the CSP refuses
    assert len(shown_titles(page)) == len(expected_titles(site_dir))


def test_results_link_to_offer_pages(guarded, base_url):
    page = open_directory(guarded, base_url, "?kommune=esbjerg")
    first = page.locator("#videre-resultater .videre-kort__titel a").first
    title, href = first.inner_text(), first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith(title)  # the printed sheet's is hidden
    # Since the real records arrived, Esbjerg's first card is an association's real offer (its own real offer
    # is for relatives, so it comes last): the card leads to that offer's page, wherever its owner is.
    assert "/tilbud/" in page.url and page.url.endswith(href.lstrip("./"))


def test_every_offer_is_reachable_without_javascript(browser, base_url, site_dir):
    """Municipality and partner pages list every offer as plain links."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    reachable = set()
    for owner_page in {
        f"kommuner/{o['udbyder']}/" if o["udbyder_type"] == "kommune" else f"partnere/{o['udbyder']}/" for o in offers
    }:
        page.goto(base_url + owner_page)
        reachable.update(
            a.removeprefix("../../")
            for a in page.locator(".videre-kort__titel a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        )
    context.close()
    assert {o["url"] for o in offers} <= reachable


def card_titles(page):
    return page.locator("#videre-resultater .videre-kort__titel a").all_inner_texts()


def shown_offers(page, site_dir):
    """The offers on the cards, in order, as records of offers.json (found by their address)."""
    by_url = {o["url"]: o for o in json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]}
    hrefs = page.locator("#videre-resultater .videre-kort__titel a").evaluate_all("links => links.map(a => a.href)")
    return [next(o for url, o in by_url.items() if href.endswith("/" + url)) for href in hrefs]


def test_soenderborg_and_depression_cards_answer_and_rank_by_how_specific_they_are(guarded, base_url, site_dir):
    """Issue 32: the way in and the first contact line on every card; the depression offers first, relatives last."""
    page = open_directory(guarded, base_url, "?kommune=soenderborg&problem=depression")
    shown = shown_offers(page, site_dir)
    assert sorted(o["titel"] for o in shown) == expected_titles(
        site_dir, municipality="soenderborg", problem="depression"
    )
    # Real offers first; the examples follow under their own heading, and each part is ranked on its own.
    examples = [o["eksempel"] for o in shown]
    assert examples == sorted(examples) and 0 < examples.count(False) < len(shown), [o["titel"] for o in shown]
    named = 0
    for part in ([o for o in shown if not o["eksempel"]], [o for o in shown if o["eksempel"]]):
        relatives = [o["type"] == "paaroerende" for o in part]
        assert relatives == sorted(relatives) and any(relatives), "pårørendes tilbud står sidst"
        patient = ["depression" in o["målgruppe"]["problemer"] for o in part if o["type"] != "paaroerende"]
        assert patient == sorted(patient, reverse=True) and patient[0], [o["titel"] for o in part]
        named += patient.count(True)
    assert named >= 4
    titles = [o["titel"] for o in shown]
    assert titles.index("Selvhjælpsgrupper for mennesker med depression") < 2, "depressionstilbuddene står øverst"
    cards = page.locator("#videre-resultater li.videre-kort")  # the offers, not the examples' heading
    assert cards.count() == len(shown)
    for card, offer in zip(cards.all(), shown):
        facts = card.locator("dl.videre-fakta")
        assert facts.locator("dt").all_inner_texts() == ["Sådan kommer man i gang", "Kontakt"]
        way_in, contact = facts.locator("dd").all_inner_texts()
        assert way_in and contact.startswith(offer["kontakt"]["rolle"])
        if offer["kontakt"].get("email"):
            assert card.locator(f"a[href='mailto:{offer['kontakt']['email']}']").count() == 1
    assert page.locator("#videre-flere").is_hidden(), "intet mere at vise: knappen er skjult"
    assert guarded.console_errors == []


def test_the_relatives_filter_follows_the_target_group(guarded, base_url, site_dir):
    page = open_directory(guarded, base_url, "?kommune=soenderborg&type=paaroerende")
    shown = shown_offers(page, site_dir)
    typed = [o for o in shown if o["type"] == "paaroerende"]
    open_too = [o for o in shown if o["type"] != "paaroerende"]
    assert typed and open_too, [o["titel"] for o in shown]
    assert all(o["målgruppe"].get("pårørende") for o in open_too)
    assert shown == typed + open_too, "tilbud til pårørende først, så tilbud, de også kan bruge"


def test_no_result_names_the_filter_to_loosen_and_hides_show_more(guarded, base_url):
    page = open_directory(guarded, base_url, "?kommune=laesoe&type=genoptraening")
    assert page.locator("#videre-resultater li").count() == 0
    assert (
        page.locator("#videre-antal")
        .inner_text()
        .startswith("Ingen tilbud passer. Vælg en anden værdi under Type tilbud, så passer ")
    )
    more = page.locator("#videre-flere")
    assert more.is_hidden() and more.bounding_box() is None, "'Vis flere tilbud' står ikke under 0 tilbud"


def test_show_more_is_visible_only_while_offers_are_left(guarded, base_url, site_dir):
    page = open_directory(guarded, base_url)
    total = len(expected_titles(site_dir))
    assert total > 50
    # Count the offer cards: the examples' heading is an item of the list too, but not an offer.
    cards = page.locator("#videre-resultater li.videre-kort")
    assert page.locator("#videre-flere").is_visible() and cards.count() == 50
    page.locator("#videre-flere").click()
    assert cards.count() == min(total, 100)
    assert page.locator("#videre-flere").is_visible() == (total > 100)


def test_an_unknown_value_in_the_address_is_shown_and_reset(guarded, base_url, site_dir):
    page = open_directory(guarded, base_url, "?kommune=soenderborg&problem=depresion")
    message = page.locator("#videre-ugyldig")
    assert message.is_visible()
    assert message.inner_text() == (
        "Adressen havde værdien 'depresion' under Problem. Den findes ikke, så filteret er nulstillet."
    )
    assert page.get_by_label("Problem").input_value() == "" and "depresion" not in page.url
    assert sorted(card_titles(page)) == expected_titles(site_dir, municipality="soenderborg")
    page.get_by_role("button", name="Nulstil filtre").click()
    assert message.is_hidden()


def test_real_offers_come_first_and_the_examples_follow_under_their_own_heading(guarded, base_url, site_dir):
    """Nyborg has a real offer (read from the municipality's page) and examples: the reader tells them apart."""
    page = open_directory(guarded, base_url, "?kommune=nyborg")
    shown_titles(page)  # every result, past "Vis flere"
    items = page.locator("#videre-resultater > li")
    classes = items.evaluate_all("els => els.map(e => e.className)")
    first = items.first
    assert "videre-kort--offentlig" in classes[0]
    assert first.locator(".videre-maerke--offentlig").inner_text() == "Fra kommunens hjemmeside – ikke bekræftet"
    heading = classes.index("videre-resultater__eksempler")
    assert heading > 0 and classes.count("videre-resultater__eksempler") == 1
    assert page.locator(".videre-resultater__eksempler h2").inner_text() == "Eksempler"
    assert all("videre-kort--eksempel" not in c for c in classes[:heading])
    assert all("videre-kort--eksempel" in c for c in classes[heading + 1 :]) and classes[heading + 1 :]
    offers = json.loads((site_dir / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    real = [o for o in offers if "nyborg" in o["kommuner"] and not o["eksempel"]]
    assert heading == len(real)
    assert guarded.foreign == [] and guarded.console_errors == []
