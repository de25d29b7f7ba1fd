"""The legal basis on the pages staff read: the offer page and the cards show the section by name, and the
search index gets everyday words for it, so 'bostøtte' finds a § 85 offer that never says the word."""

from __future__ import annotations

import re

import pytest

from tests.helpers.site import DATA
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages.municipality import municipality_page
from videre.pages.offer import offer_pages

AALBORG = "aalborg/stoettekontaktperson-efter-udskrivelse"
KEYWORDS = re.compile(
    r'<p class="videre-noegleord" id="videre-skjult-noegleord" hidden>(.*?)<span id="videre-skjult-noegleord-slut">'
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DATA).catalog


def page(catalog, offer_id: str) -> str:
    [built] = offer_pages(catalog, SiteOptions(), only={offer_id})
    return built.markdown


def test_aalborgs_support_person_shows_section_99_not_85(catalog):
    text = page(catalog, AALBORG)
    assert "<dt>Hjemmel</dt> <dd>Serviceloven § 99: støtte- og kontaktperson</dd>" in text
    assert "§ 85" not in text
    municipality = municipality_page(catalog, catalog.register.municipality("aalborg"), SiteOptions()).markdown
    card = municipality[municipality.index('id="aalborg--stoettekontaktperson-efter-udskrivelse"') :]
    card = card[: card.index("</article>")]
    assert "Serviceloven § 99: støtte- og kontaktperson" in card and "§ 85" not in card


def test_an_offer_without_a_basis_shows_no_empty_row(catalog):
    offer = next(o for o in catalog.all_offers() if not o.legal_basis)
    assert "<dt>Hjemmel</dt>" not in page(catalog, offer.id)


def test_the_index_gets_the_everyday_words_of_the_basis(catalog):
    odense = KEYWORDS.search(page(catalog, "odense/bostoette-i-eget-hjem")).group(1)
    assert {"hjemmevejledning", "socialpædagogisk støtte", "Serviceloven § 85: socialpædagogisk støtte"} <= set(
        odense.split(" · ")
    )
    aalborg = KEYWORDS.search(page(catalog, AALBORG)).group(1).split(" · ")
    assert "SKP" in aalborg and "hjemmevejledning" not in aalborg
