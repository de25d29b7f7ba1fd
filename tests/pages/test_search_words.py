"""Search words an offer page carries: its other names (``andre_navne``) and the everyday words of its codes."""

from __future__ import annotations

import datetime as dt

from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import write_tree
from videre.catalog.load import load_catalog
from videre.core import vocab
from videre.core.options import SiteOptions
from videre.pages import coded_search_words
from videre.pages.offer import offer_pages

NAMED = GOOD_OFFER.replace(
    "titel: Genoptræning efter indlæggelse",
    "titel: Internetpsykiatrien – behandling online\nandre_navne: [Internetpsykiatri, IPS]",
)


def test_an_offer_is_searched_by_its_other_names_and_shows_them(tmp_path):
    result = load_catalog(
        write_tree(tmp_path / "data", {"offers/esbjerg/online.yaml": NAMED}), today=dt.date(2026, 12, 6)
    )
    assert result.errors == []
    [offer] = result.catalog.offers
    assert offer.alt_names == ("Internetpsykiatri", "IPS")
    [page] = offer_pages(result.catalog, SiteOptions(today=dt.date(2026, 12, 6)))
    assert '<p class="videre-meta">Kaldes også Internetpsykiatri, IPS.</p>' in page.markdown
    alias = page.markdown.split('id="videre-skjult-alias"', 1)[1].split("</p>", 1)[0]
    for form in ("Internetpsykiatri", "Internetpsykiatris", "IPS"):
        assert f" {form} " in f" {alias.split('>', 1)[1].split('<', 1)[0]} ", form
    assert 'id="videre-skjult-alias-slut"' in alias and 'data-pagefind-weight="7"' in alias


def test_an_offer_without_other_names_has_no_line_and_no_alias_block(tmp_path):
    result = load_catalog(
        write_tree(tmp_path / "data", {"offers/esbjerg/x.yaml": GOOD_OFFER}), today=dt.date(2026, 12, 6)
    )
    [page] = offer_pages(result.catalog, SiteOptions(today=dt.date(2026, 12, 6)))
    assert "Kaldes også" not in page.markdown and "videre-skjult-alias" not in page.markdown


def test_the_everyday_words_of_every_coded_field_reach_the_page(tmp_path, monkeypatch):
    """Not only problems: any field whose values are codes (a new legal basis, say) brings its words."""
    result = load_catalog(
        write_tree(tmp_path / "data", {"offers/esbjerg/x.yaml": GOOD_OFFER}), today=dt.date(2026, 12, 6)
    )
    [offer] = result.catalog.offers
    assert coded_search_words(offer) == [
        "angstanfald",
        "panikangst",
        "social angst",
        "nedtrykt",
        "deprimeret",
        "tristhed",
    ]
    monkeypatch.setattr(
        vocab,
        "SEARCH_WORDS",
        {
            **vocab.SEARCH_WORDS,
            "udendoers": ("gåtur",),
            "gop": ("genoptræningsplan fra sygehuset",),
            "genoptraening": ("træning efter indlæggelse",),
        },
    )
    words = coded_search_words(offer)
    for word in ("gåtur", "genoptræningsplan fra sygehuset", "træning efter indlæggelse"):
        assert word in words, word
    [page] = offer_pages(result.catalog, SiteOptions(today=dt.date(2026, 12, 6)))
    hidden = page.markdown.split('id="videre-skjult-noegleord"', 1)[1].split("</p>", 1)[0]
    assert "gåtur" in hidden and "angstanfald" in hidden and "Angst" in hidden
