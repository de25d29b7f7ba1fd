"""Other spellings for search: ae/oe/aa, old aa-spellings of places, genitive and hyphen forms."""

from videre.search import spelling


def block(words: str) -> str:
    """The hidden block as the page must carry it, written out: marked where it starts and ends."""
    return (
        f'<p class="videre-stavemaader" id="videre-skjult-stavemaader" hidden>{words}'
        '<span id="videre-skjult-stavemaader-slut"></span></p>'
    )


def test_fold_writes_danish_letters_as_two_ascii_letters():
    assert (
        spelling.fold("Genoptræningsplan til pårørende i Sønderborg")
        == "Genoptraeningsplan til paaroerende i Soenderborg"
    )
    assert spelling.fold_plain("Sønderborg Ærø") == "Sonderborg Aro"


def test_old_aa_spelling_of_places():
    assert spelling.old_aa("Aabenraa") == "Åbenrå"
    assert spelling.old_aa("Aarhus") == "Århus"
    assert spelling.old_aa("Faaborg-Midtfyn") == "Fåborg-Midtfyn"


def test_name_variants_cover_old_spelling_genitive_hyphen_and_ascii():
    names = spelling.name_variants(["Aabenraa"])
    assert names == ["Aabenraa", "Aabenraas", "Åbenrå", "Abenra", "Åbenrås", "Abenras"]
    lyngby = spelling.name_variants(["Lyngby-Taarbæk"])
    for form in ("Lyngby-Taarbæk", "Lyngby", "Taarbæk", "Lyngby-Taarbaek", "Taarbæks", "Tårbæk"):
        assert form in lyngby
    assert spelling.name_variants(["Vesthimmerlands"]) == ["Vesthimmerland", "Vesthimmerlands"]
    assert spelling.name_variants(["København", "Kjøbenhavn"])[:4] == [
        "København",
        "Koebenhavn",
        "Kobenhavn",
        "Københavns",
    ]


def test_ascii_words_keep_frequency_up_to_a_limit():
    text = "Planen, planen. Pårørende " + "sø " * 9
    assert spelling.ascii_words(text) == ["paaroerende", "soe", "soe"]
    assert spelling.REPEAT == 2


def test_hidden_block_is_appended_once_and_never_to_pages_kept_out_of_the_index():
    page = "# Sådan\n\nTekst om pårørende.\n"
    once = spelling.with_ascii_spellings(page)
    assert once == page + "\n" + block("saadan paaroerende") + "\n"
    assert spelling.with_ascii_spellings(once) == once
    ignored = '<div data-pagefind-ignore="all">Pårørende</div>\n'
    assert spelling.with_ascii_spellings(ignored) == ignored
    assert spelling.with_ascii_spellings("No Danish letters here.") == "No Danish letters here."
    assert spelling.hidden_block("<b>&</b> på") == block("paa")


def test_paragraphs_and_spans_search_ignores_bring_no_spellings_but_the_rest_does():
    """The print hint, the error link and the example advice are on every offer page: not its words."""
    page = (
        '# Værested\n\n<p class="videre-udskriv" data-pagefind-ignore>Skal patienten have det med hjem?</p>\n'
        "<p><strong>Eksempel.</strong> <span data-pagefind-ignore>Tjek dem selv, før du bruger dem.</span> "
        'Kilde: Sønderborg</p>\n<p data-pagefind-ignore><a href="x">Rapportér fejl</a> på siden.</p>\n'
    )
    assert spelling.indexed_text(page) == "# Værested\n\n\n<p><strong>Eksempel.</strong>  Kilde: Sønderborg</p>\n\n"
    assert spelling.spelling_block(page) == block("væresteden vaerested soenderborg vaeresteden"), (
        "'foer', 'paa' and 'rapporter' come only from ignored text"
    )
    nested = "<p data-pagefind-ignore>Før <span>på</span> år</p>"
    assert spelling.indexed_text(nested) is None, "a nested element is not cut: the page gets no block"
    assert spelling.indexed_text('<p data-pagefind-meta="x">på</p>') == '<p data-pagefind-meta="x">på</p>'
    assert spelling.indexed_text('<div data-pagefind-ignore="all">på</div>') is None


def test_a_printed_sheet_brings_no_words_and_keeps_its_place_last():
    """An offer page's sheet for the patient is for paper: its words are not searched for the page."""
    sheet = spelling.PRINT_SHEET + " hidden>\n<p>Dine rettigheder: genoptræning.</p>\n</div>\n"
    spelled = spelling.with_ascii_spellings("# Værested\n\nTekst om pårørende.\n\n" + sheet)
    hidden = block("væresteden vaerested paaroerende vaeresteden")
    assert spelled == f"# Værested\n\nTekst om pårørende.\n\n{hidden}\n\n{sheet}", "the sheet's words are left out"
    assert spelling.with_ascii_spellings(spelled) == spelled


def test_x_og_y_pairs_are_also_written_together_and_with_one_hyphen():
    text = "En støtte- og kontaktperson, bo- og dagtilbud eller ergo- eller fysioterapi; 3- og 4-årige; fx- og"
    assert spelling.joined_pairs(text) == [
        "støttekontaktperson",
        "støtte-kontaktperson",
        "bodagtilbud",
        "bo-dagtilbud",
        "ergofysioterapi",
        "ergo-fysioterapi",
    ]
    assert spelling.joined_pairs("støtte og kontaktperson, kontakt- og") == []
    hidden = spelling.hidden_block("Aktivitets- og samværstilbud.")
    assert "aktivitetssamværstilbud aktivitets-samværstilbud" in hidden
    assert "aktivitetssamvaerstilbud aktivitets-samvaerstilbud" in hidden, "and in ASCII"


def test_the_title_words_that_end_in_vowel_and_consonant_get_a_form_with_the_stem_whole():
    assert spelling.definite_forms("# Besøgsven\n\n## Værested\n\nBesøgsven i teksten.") == ["besøgsvenen"]
    assert spelling.definite_forms("# Ledsagelse, gåture og samværsfilm\n") == [], "ends in a vowel or two consonants"
    assert spelling.definite_forms("# Kontakt\n") == [], "too short to be a compound"
    assert spelling.definite_forms("# Kontaktperson\n") == ["kontaktpersonen"]
