"""The site's own words, for the search page's "Mente du …?" (did you mean) suggestion.

Pagefind has no typo tolerance: "depresion" or "genoptræningsplam" find pages that share a start of the
word, not the pages about depression or the plan. The search page suggests a word of the site within a
small edit distance of what was typed (``docs/assets/videre-sog.js``). The words come from the very pages
Pagefind indexes, when the index is built, so the list is never tuned by hand: only the words a reader
sees, not the hidden search words (:mod:`videre.search.spelling`) nor the parts Pagefind ignores.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable

from .indexinput import element_end

FILE = "videre-ord.json"
"""The word list, beside Pagefind's own files in the bundle."""
SHORTEST = 4
"""Shorter words are left out: a typo in them is seldom a typo of one word only."""

_BODY = "data-pagefind-body"
_HIDDEN = re.compile(r'<p class="videre-[\w-]+" id="videre-skjult-[\w-]+"[^>]*>.*?</p>', re.S)
_IGNORED_DIV = re.compile(r"<div\s[^<>]*?\bdata-pagefind-ignore\b", re.I)
_IGNORED = re.compile(r"<(p|span)\s[^<>]*?\bdata-pagefind-ignore\b[^<>]*>.*?</\1>", re.S)
_UNREAD = re.compile(r"<(script|style|template|code)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")
"""E-mail and web addresses: their parts are not words anyone means to search for."""
_WORD = re.compile(r"[^\W\d_]+")


def visible_words(page: str) -> set[str]:
    """The words (lower case, letters only, at least :data:`SHORTEST` long) of a page's indexed part, without
    its hidden search words and the paragraphs Pagefind ignores. A page with no ``data-pagefind-body`` has none."""
    start = page.find(_BODY)
    if start < 0:
        return set()
    opened = page.rfind("<", 0, start)
    end = element_end(page, opened) if page.startswith("<div", opened) else None
    text = page[page.find(">", start) + 1 : end]  # the body element only, not the theme around it
    ignored = _IGNORED_DIV.search(text)
    while ignored:  # a whole block kept out of the index (a print sheet), cut where its <div> closes
        end = element_end(text, ignored.start())
        if end is None:
            return set()
        text = text[: ignored.start()] + text[end:]
        ignored = _IGNORED_DIV.search(text, ignored.start())
    text = _UNREAD.sub(" ", _IGNORED.sub(" ", _HIDDEN.sub(" ", text)))
    text = _ADDRESS.sub(" ", html.unescape(_TAG.sub(" ", text)))
    return {word.lower() for word in _WORD.findall(text) if len(word) >= SHORTEST}


def word_list(pages: Iterable[str]) -> str:
    """The words of the pages as JSON ``{"ord": [...]}``, those on the most pages first (then by the alphabet):
    a suggestion prefers the common word of two that are as close."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(visible_words(page))
    ordered = sorted(counts, key=lambda word: (-counts[word], word))
    return json.dumps({"ord": ordered}, ensure_ascii=False, separators=(",", ":"))
