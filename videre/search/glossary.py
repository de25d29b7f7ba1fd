"""Search words the site already has as data: abbreviations written out, and glossary terms.

Staff search for "genoptræningsplan" on pages that only say GOP, and for a word from the glossary
("7-dages-reglen", "genoptræningsgarantien") to reach the page that explains it. Both are written
down once: the abbreviation list appended to every page (``docs/includes/forkortelser.md``, shown as
tooltips) and the glossary (``docs/vejledning/ordliste.md``), whose entries link to the guidance
page on the subject and name other words for the term after "Kaldes også". Pagefind indexes
neither a tooltip nor the target of a link, so this module turns them into words for the page's
hidden search block (:mod:`videre.search.spelling`). It reads Markdown text only, never MkDocs.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .spelling import REPEAT

ABBREVIATIONS = "includes/forkortelser.md"
GLOSSARY = "vejledning/ordliste.md"

_ABBREVIATION = re.compile(r"^\*\[(?P<short>[^\]]+)\]:\s*(?P<long>.+?)\s*$", re.M)
_LINK = re.compile(r"\]\((?P<target>[^)#\s]+\.md)(?:#[^)]*)?\)")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_ALSO = re.compile(r"Kaldes også (?P<names>[^.]+)\.")


def abbreviations(text: str) -> dict[str, str]:
    """``*[GOP]: Genoptræningsplan`` lines (Python-Markdown's abbr syntax) as {"GOP": "Genoptræningsplan"}."""
    return {m["short"].strip(): m["long"] for m in _ABBREVIATION.finditer(text)}


def glossary_terms(text: str, src: str = GLOSSARY) -> dict[str, list[str]]:
    """Glossary entries that link to another page, as {page: [term, other names …]}.

    An entry is a term on a line of its own followed by a definition line starting with ":".
    Other names are those after "Kaldes også" in the definition, separated by "," or "og".
    Page addresses are relative to the docs folder, like MkDocs' ``src_uri``.
    """
    found: dict[str, list[str]] = {}
    lines = text.splitlines()
    for term, definition in itertools.pairwise(lines):
        if not definition.startswith(":") or not term.strip() or term.startswith((":", "#", " ", "[^")):
            continue
        definition = _FOOTNOTE.sub("", definition)
        names = [term.strip()]
        for also in _ALSO.finditer(definition):
            names += [n.strip() for n in re.split(r",| og ", also["names"]) if n.strip()]
        for link in _LINK.finditer(definition):
            page = posixpath.normpath(posixpath.join(posixpath.dirname(src), link["target"]))
            if page != src:
                found.setdefault(page, []).extend(n for n in names if n not in found.get(page, []))
    return found


@dataclass(frozen=True)
class SearchWords:
    """The abbreviations and glossary terms of a docs folder, ready to give each page its words."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    terms: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_docs(cls, docs: Path) -> SearchWords:
        def read(name: str) -> str:
            path = docs / name
            return path.read_text(encoding="utf-8") if path.is_file() else ""

        return cls(abbreviations(read(ABBREVIATIONS)), glossary_terms(read(GLOSSARY)))

    def for_page(self, src: str, markdown: str) -> list[str]:
        """The words to index on page ``src`` besides its text: the expansion of each abbreviation it
        uses (once per use, up to :data:`videre.search.spelling.REPEAT`) and the glossary terms that point to it."""
        words = []
        for short, long in self.abbreviations.items():
            if short not in markdown:  # most pages use few of them; the pattern below costs a pass over the page
                continue
            uses = len(re.findall(rf"(?<![\w-]){re.escape(short)}(?![\w-])", markdown))
            words += [long] * min(uses, REPEAT)
        return [*words, *self.terms.get(src, [])]
