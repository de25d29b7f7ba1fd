"""The site's own words for the "Mente du …?" suggestion: only what a reader sees on an indexed page."""

import json

from videre.search import words

PAGE = (
    '<html><body><nav>Menuen</nav><div data-pagefind-body data-pagefind-filter="Sidetype:Vejledning">'
    '<h1 id="x">Genoptræningsplan</h1><p>Skriv planen til patienten. Ring 12345678 om depression.</p>'
    '<p class="videre-stavemaader" id="videre-skjult-stavemaader" hidden>genoptraeningsplan'
    '<span id="videre-skjult-stavemaader-slut"></span></p>'
    '<p class="videre-rapporter" data-pagefind-ignore><a href="mailto:x@y.example.org">Rapportér fejl</a></p>'
    '<div class="videre-ark" data-pagefind-ignore="all" hidden><div><p>Arkets ordforråd</p></div></div>'
    "<p>Se <code>data/screens/venterum.yaml</code> og skriv til genoptraening@kommune.example.org.</p>"
    "</div><footer>Privatlivspolitik</footer></body></html>"
)


def test_the_words_are_the_visible_words_of_the_indexed_part():
    assert words.visible_words(PAGE) == {"genoptræningsplan", "skriv", "planen", "patienten", "ring", "depression"}
    assert words.visible_words("<html><body><p>Menu og andet tema</p></body></html>") == set()


def test_hidden_ignored_code_and_addresses_bring_no_words():
    found = words.visible_words(PAGE)
    for word in (
        "genoptraeningsplan",
        "rapportér",
        "arkets",
        "ordforråd",
        "yaml",
        "screens",
        "example",
        "sidetype",
        "pagefind",
        "body",
        "kommune",
        "menuen",
        "privatlivspolitik",
    ):
        assert word not in found, word


def test_the_list_puts_the_words_on_most_pages_first():
    other = PAGE.replace("depression", "angst")
    listed = json.loads(words.word_list([PAGE, other, "<p>ingen krop</p>"]))["ord"]
    assert listed[:5] == ["genoptræningsplan", "patienten", "planen", "ring", "skriv"]
    assert set(listed[5:]) == {"angst", "depression"} and listed[5:] == ["angst", "depression"]
