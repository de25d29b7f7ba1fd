"""Abbreviations written out and glossary terms as search words (videre.search.glossary)."""

from tests.helpers.site import ROOT
from videre.search import glossary, spelling

GLOSSARY = """# Ordliste

## Tegn og tal

7-dages-reglen
:   Kommunen starter inden for 7 dage. Kaldes også 7-dages garantien og syvdagesreglen.[^kilde] Se [fristerne](frister.md).

Netværksmøde
:   Møde om støtten. Se [ordlisten](ordliste.md#n) og [kommunen](../vejledning/i-kommunen.md#visitation).

Slutstatus
:   Kommunens afsluttende beskrivelse, uden link.

[^kilde]: [S004](../kilder.md#s004), linje 7.
"""


def test_abbreviations_are_read_from_abbr_lines():
    text = "*[GOP]: Genoptræningsplan\n*[ICF]: International Classification of Functioning – model\nAndet\n"
    assert glossary.abbreviations(text) == {
        "GOP": "Genoptræningsplan",
        "ICF": "International Classification of Functioning – model",
    }


def test_glossary_terms_go_to_the_pages_their_entries_link_to_with_their_other_names():
    assert glossary.glossary_terms(GLOSSARY) == {
        "vejledning/frister.md": ["7-dages-reglen", "7-dages garantien", "syvdagesreglen"],
        "vejledning/i-kommunen.md": ["Netværksmøde"],
    }


def test_a_page_gets_the_expansion_of_each_abbreviation_it_uses_and_the_terms_that_point_to_it():
    words = glossary.SearchWords(
        {"GOP": "Genoptræningsplan", "PA": "Psykiatrisk Afdeling"}, {"vejledning/frister.md": ["7-dages-reglen"]}
    )
    page = "Send GOP'en. En GOP, en GOP og en GOP. GOP-skabelonen er ikke ordet. PAM er ikke PA."
    assert words.for_page("vejledning/frister.md", page) == ["Genoptræningsplan"] * spelling.REPEAT + [
        "Psykiatrisk Afdeling",
        "7-dages-reglen",
    ]
    assert words.for_page("vejledning/andet.md", "Intet her.") == []


def test_the_words_reach_the_hidden_block_also_in_ascii():
    block = spelling.hidden_block("Tekst.", ["Genoptræningsplan"])
    assert block == (
        '<p class="videre-stavemaader" id="videre-skjult-stavemaader" hidden>Genoptræningsplan '
        'genoptraeningsplan<span id="videre-skjult-stavemaader-slut"></span></p>'
    )


def test_the_real_docs_give_the_deadline_page_its_glossary_terms_and_the_gop_pages_the_word_written_out():
    words = glossary.SearchWords.from_docs(ROOT / "docs")
    assert words.abbreviations["GOP"] == "Genoptræningsplan"
    assert "7-dages-reglen" in words.terms["vejledning/frister.md"]
    page = (ROOT / "docs" / "vejledning" / "ret-til-gop.md").read_text(encoding="utf-8")
    assert "Genoptræningsplan" in words.for_page("vejledning/ret-til-gop.md", page)
