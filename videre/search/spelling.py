"""Other ways staff write the same Danish word, so that search finds it anyway.

Staff type æ, ø and å as ae, oe and aa on foreign keyboards and in e-mail, and
many still write the old spellings of places (Århus, Åbenrå, Ålborg). Pagefind
folds accents such as é to e, but æ and ø are letters of their own to it, and it
cannot know that aa and å are the same letter in a Danish place name.

The folding is done when the index is built, not when the query is typed: each
page carries its words with æ, ø or å once more in ASCII, in a hidden element
(:func:`hidden_block`). Measured on tests/search/queries.yaml, that beat
rewriting the query in the browser, which also broke words that really contain
"aa" or "ae" (Aalborg, kollegaer), and it works for every client of the index,
not just the search page.

Names of places and associations get more (:func:`name_variants`): aa written å, the genitive, hyphen
or space, and the plain-vowel form (sonderborg), because a staff member
looking for a municipality types its name in whatever form she knows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?", re.UNICODE)
_DANISH = re.compile(r"[æøåÆØÅ]")
_DOUBLE = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
_SINGLE = {"æ": "a", "ø": "o", "å": "a", "Æ": "A", "Ø": "O", "Å": "A"}
_AA = re.compile(r"(?i)aa")
HIDDEN_ID = "videre-skjult-"
"""The id of each hidden element of search words starts with this; an empty span with the same id plus ``-slut``
closes it. Pagefind gives the search page both places (its ``anchors``), so the page can leave the hidden words
out of excerpts and sub-results (``docs/assets/videre-sog.js``)."""
BLOCK_NAME = "stavemaader"
BLOCK_ID = HIDDEN_ID + BLOCK_NAME
"""The id of a page's one block of spellings. A page that has it gets no second one: its id also stays in the
placeholder that stands for the block while MkDocs renders a big page (videre.mkdocs.shells.stash)."""


def fold(text: str) -> str:
    """æ, ø and å written as ae, oe and aa: 'Sønderborg' → 'Soenderborg'."""
    return _DANISH.sub(lambda m: _DOUBLE[m.group(0)], text)


def fold_plain(text: str) -> str:
    """æ, ø and å written as the plain vowel: 'Sønderborg' → 'Sonderborg'."""
    return _DANISH.sub(lambda m: _SINGLE[m.group(0)], text)


def old_aa(text: str) -> str:
    """aa written å, the spelling before 1948 that many still use for places: 'Aabenraa' → 'Åbenrå'."""
    return _AA.sub(lambda m: "Å" if m.group(0)[0].isupper() else "å", text)


REPEAT = 2
"""A word is repeated as often as on the page, up to this many times, so the ASCII spelling ranks pages
about as the real one does (a guidance page that says "genoptræningsplan" twenty times before an offer
that says it once). Pagefind's term-frequency curve flattens well before this."""


def ascii_words(text: str) -> list[str]:
    """The words of ``text`` that have æ, ø or å, written with ae, oe and aa instead.

    Each word comes as often as it occurs, up to :data:`REPEAT` times, in order of first occurrence.
    """
    counts: dict[str, int] = {}
    for word in _danish_words(text):
        folded = fold(word.lower())
        counts[folded] = counts.get(folded, 0) + 1
    return [word for word, count in counts.items() for _ in range(min(count, REPEAT))]


_RUN_REST = re.compile(r"[\w-]*")
_BEFORE_LETTER = re.compile(r"[\d_-]*")


def _danish_words(text: str) -> Iterator[str]:
    """The words ``_WORD.findall(text)`` gives that have æ, ø or å, in order, found from those letters.

    A page has a few hundred such letters and thousands of words, so this starts at each letter
    instead of cutting every word out (a third of the Markdown stage at national scale). ``_WORD``
    takes from each run of word characters and hyphens one word: from its first letter to its last
    letter or digit, which is what is cut out of the run here."""
    covered = 0
    for found in _DANISH.finditer(text):
        at = found.start()
        if at < covered:  # in the run of the letter before
            continue
        start = at
        while start and (text[start - 1].isalnum() or text[start - 1] in "_-"):  # \w is alnum or _
            start -= 1
        covered = _RUN_REST.match(text, at).end()  # type: ignore[union-attr]
        run = text[start:covered]
        yield run[_BEFORE_LETTER.match(run).end() :].rstrip("_-")  # type: ignore[union-attr]


def genitive(name: str) -> str:
    """Danish genitive: an s, or nothing after s, x or z ('Københavns', 'Vesthimmerlands')."""
    return name if name[-1:].lower() in "sxz" else name + "s"


def name_variants(names: Iterable[str]) -> list[str]:
    """Every word a place (or an association) is searched by, from its names, each word once.

    For each name: with and without a genitive s, with hyphen or space, with aa written å, and each of
    those with æ, ø and å folded both ways. Search matches words, not phrases, so "Københavns Kommune"
    needs only the word "Københavns" here: "Kommune" is in the heading.
    """
    forms: dict[str, None] = {}
    for name in names:
        base = name.strip()
        if not base:
            continue
        stems = {base, genitive(base)}
        if base.endswith("s") and len(base) > 4:
            stems.add(base[:-1])  # Vesthimmerlands → Vesthimmerland
        stems |= {old_aa(stem) for stem in stems}
        for stem in sorted(stems):
            for form in (stem, fold(stem), fold_plain(stem)):
                forms.update(dict.fromkeys([form, *form.replace("-", " ").split()]))
    return list(forms)


_PAIR = re.compile(r"(?<![\w-])([^\W\d_]{2,})-\s+(?:og|eller)\s+([^\W\d_]{3,})(?![\w-])")
"""Danish "X- og Y" (støtte- og kontaktperson, bo- og dagtilbud): the first word shares the second's end."""


def joined_pairs(text: str) -> list[str]:
    """The "X- og Y" pairs of ``text`` as staff write them: together and with one hyphen
    ('støtte- og kontaktperson' → 'støttekontaktperson', 'støtte-kontaktperson'), each once."""
    forms: dict[str, None] = {}
    for first, second in _PAIR.findall(text):
        forms.update(dict.fromkeys([(first + second).lower(), f"{first}-{second}".lower()]))
    return list(forms)


_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
_VOWEL_CONSONANT = re.compile(r"[^\W\d_]{5,}[aeiouyæøå][^aeiouyæøå\W\d_]$", re.I)


def definite_forms(text: str) -> list[str]:
    """For the words of the page's title (its Markdown heading of level 1) that end in a vowel and a
    consonant ('Besøgsven'), the word with -en ('besøgsvenen'), each once.

    Pagefind matches a query's stem as the start of a word's stem. The Danish stemmer takes 'Besøgsven'
    to 'besøgsv' but 'besøgsvennen' and 'besøgsvenner' to 'besøgsven', so the plural and definite forms
    of such a word found nothing. 'besøgsvenen' puts the stem 'besøgsven' in the index. The form need not
    be right Danish: it is hidden and never shown."""
    forms: dict[str, None] = {}
    for heading in _HEADING.findall(text):
        for word in _WORD.findall(heading):
            if _VOWEL_CONSONANT.search(word):
                forms[word.lower() + "en"] = None
    return list(forms)


def hidden_block(text: str, extra: Iterable[str] = ()) -> str:
    """A hidden paragraph for the index only: the ``extra`` words (e.g. abbreviations written out,
    :mod:`videre.search.glossary`), the "X- og Y" pairs written together (:func:`joined_pairs`), the definite
    forms of heading words (:func:`definite_forms`), then the ASCII spellings of ``text`` and of those words.

    Empty when there is nothing to add. The paragraph is raw HTML on a line of its own, so it passes
    through Markdown unchanged.
    """
    extra = [*extra, *joined_pairs(text), *definite_forms(text)]
    words = [*extra, *ascii_words(" ".join([text, *extra]))]
    if not words:
        return ""
    return hidden_element(BLOCK_NAME, " ".join(words))


def hidden_element(name: str, text: str, weight: str | None = None) -> str:
    """A hidden paragraph of search words (class ``videre-<name>``), marked where it starts and ends
    (:data:`HIDDEN_ID`) so that no excerpt shows it; ``weight`` is Pagefind's weight of its words."""
    weighted = f' data-pagefind-weight="{weight}"' if weight else ""
    marker = HIDDEN_ID + name
    return (
        f'<p class="videre-{name}" id="{marker}" hidden{weighted}>{html.escape(text, quote=False)}'
        f'<span id="{marker}-slut"></span></p>'
    )


PRINT_SHEET = '<div class="videre-ark" data-pagefind-ignore="all"'
"""Where a page's printed sheet begins (an offer's sheet for the patient, videre.pages.offer). It runs to the
end of the page and is for paper only: its words are not the page's words."""


def with_ascii_spellings(markdown: str, extra: Iterable[str] = ()) -> str:
    """``markdown`` with the hidden block of its ASCII spellings (and ``extra`` words) added (once), before
    the printed sheet if the page has one (:data:`PRINT_SHEET`).

    The words Pagefind ignores bring no spellings. A page that keeps more than single paragraphs or spans out of
    the index (``data-pagefind-ignore``, the print pages) gets no block: it would bring that text back in.
    """
    return with_block(markdown, spelling_block(markdown, extra))


IGNORED_INLINE = re.compile(r"<(p|span)\s[^<>]*?\bdata-pagefind-ignore\b[^<>]*>(?:[^<]|<(?!/?(?:p|span)\b))*</\1>")
"""A paragraph or span kept out of the index (``data-pagefind-ignore``) with no paragraph or span inside: the
print hint, the error report link and the example advice, the same words on every page they are on."""


def indexed_text(text: str) -> str | None:
    """``text`` without the paragraphs and spans Pagefind ignores (:data:`IGNORED_INLINE`); None when
    something else in it is ignored (a print page), whose words no block may bring back in."""
    if "data-pagefind-ignore" not in text:  # most pages: skip the pattern's scan of the whole text
        return text
    text = IGNORED_INLINE.sub("", text)
    return None if "data-pagefind-ignore" in text else text


def spelling_block(markdown: str, extra: Iterable[str] = ()) -> str:
    """The block :func:`with_ascii_spellings` adds to ``markdown``; empty when it adds none."""
    text = markdown.partition(PRINT_SHEET)[0]
    if f'id="{BLOCK_ID}"' in text:
        return ""
    indexed = indexed_text(text)
    return "" if indexed is None else hidden_block(indexed, extra)


def with_block(markdown: str, block: str) -> str:
    """``markdown`` with a block from :func:`spelling_block` put in its place."""
    if not block:
        return markdown
    text, sheet, rest = markdown.partition(PRINT_SHEET)
    return f"{text.rstrip()}\n\n{block}\n" + (f"\n{sheet}{rest}" if sheet else "")
