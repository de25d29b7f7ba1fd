"""Shared by the guidance kinds (flow, cases, figures): seed sources and the guidance pages they name.

A fact on the site names the seed document and the physical lines it rests
on; :class:`Source` turns that into a label and a link to ``kilder/``.
Cross-checks get the parsed document with the record, so their problems carry
``file:line:column`` like every schema problem (:meth:`~videre.core.yamlsource.Document.problem_at`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import fields, vocab
from ..core import schema as S
from ..core.fields import row

PACKAGE_DOCS = Path(__file__).resolve().parents[2] / "docs"
LINES_PATTERN = r"^[0-9]+([–-][0-9]+)?(, ?[0-9]+([–-][0-9]+)?)*$"


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: one of the seed documents S000–S004 and its physical line numbers."""

    document: str = row(
        "dokument",
        S.coded("Dokument", "Kildedokumentet. Se siden Kilder.", vocab.SOURCE_DOCUMENTS, "S001"),
        required=True,
    )
    """``S000`` … ``S004``."""
    lines: str = row(
        "linjer",
        {
            "type": "string",
            "title": "Linjer",
            "pattern": LINES_PATTERN,
            "description": "Linjenumrene i tekstudgaven, med tomme linjer talt med.",
            "examples": ["1098–1306"],
            "x-hint": "skriv linjenumre som '52–56' eller '52–56, 92'",
        },
        required=True,
    )

    @property
    def url(self) -> str:
        """The site URL of the document's entry on the sources page."""
        return f"kilder/#{self.document.lower()}"

    @property
    def label(self) -> str:
        return f"{self.document}, linje {self.lines}"


read_seed_source = fields.reader(Source)


def seed_source_schema(description: str = "Det kildedokument og de linjer, oplysningen bygger på.") -> S.Schema:
    """The ``kilde`` of a guidance record; the description says what it is the source of."""
    return fields.object_schema(Source, "Kilde", description)


def docs_dir(data_dir: Path) -> Path:
    """The hand-written pages: ``docs/`` next to ``data/``, else the repository's own."""
    beside = data_dir.parent / "docs"
    return beside if beside.is_dir() else PACKAGE_DOCS


def guidance_pages(data_dir: Path) -> list[str]:
    root = docs_dir(data_dir)
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.md") if "includes" not in p.relative_to(root).parts
    )


def page_title(data_dir: Path, page: str) -> str:
    """The first '# ' heading of a hand-written page, or '' if the page is missing."""
    path = docs_dir(data_dir) / page
    if not path.is_file():
        return ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""
