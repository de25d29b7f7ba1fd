"""Redirects (kind 'omdirigering'): old addresses keep working after a rename.

Handouts, QR codes and bookmarks point at record pages. When a file is renamed,
its page moves. ``data/redirects.yaml`` maps each old address to the new one,
and the build writes a small static page at the old address that sends the
reader on (``<meta http-equiv="refresh">`` plus a visible link; no script).

``data/publicerede.txt`` lists every address that has been published
(``videre adresser --skriv`` writes it). Validation fails with rule
'mangler-omdirigering' when one of them disappears without a redirect. The
check uses only committed files, so it passes the same way in a fresh clone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..core import schema as S
from ..core.errors import Problem
from ..core.yamlsource import Document

REDIRECTS_FILE = "redirects.yaml"
PUBLISHED_FILE = "publicerede.txt"
PATH_PATTERN = S.SITE_PATH_PATTERN
RECORD_PREFIXES = ("kommuner/", "tilbud/", "partnere/")
"""Addresses made from records; a redirect target with one of these prefixes must exist."""


def _site_path(title: str, description: str, example: str) -> S.Schema:
    return {"type": "string", "title": title, "description": description, "pattern": PATH_PATTERN,
            "maxLength": 200, "examples": [example],
            "x-hint": "skriv adressen uden domæne og med / til sidst, fx 'tilbud/esbjerg/kognitiv-traening/'"}


def redirect_schema(register: S.RegisterView) -> S.Schema:
    item = S.obj("Omdirigering", "Én gammel adresse og den nye adresse, den skal sende læseren til.", {
        "fra": _site_path("Fra", "Den gamle adresse, som links og QR-koder stadig peger på.",
                          "tilbud/esbjerg/genoptraening/"),
        "til": _site_path("Til", "Den nye adresse. Peg altid direkte på den nyeste side.",
                          "tilbud/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse/"),
        "dato": S.date("Dato", "Hvornår adressen blev flyttet."),
        "gælder_fra": S.period_date("Gælder fra", "Første dag, omdirigeringen virker. Brug den, når en side "
                                    "forsvinder på en fast dag, fx når to regioner bliver lagt sammen. Udelad "
                                    "feltet, hvis omdirigeringen skal virke med det samme."),
        "grund": S.text("Grund", "Kort forklaring, fx 'Tilbuddet fik et nyt navn'.", "Tilbuddet fik et nyt navn",
                        max_length=200),
    }, required=("fra", "til"), renamed={"from": "fra", "to": "til", "gammel": "fra", "ny": "til",
                                         "gaelder_fra": "gælder_fra"})
    body = S.obj("Omdirigeringer", "Gamle adresser, der skal blive ved med at virke.", {
        "omdirigeringer": {"type": "array", "title": "Omdirigeringer",
                           "description": "Listen over flyttede adresser. Slet aldrig en linje: gamle QR-koder "
                                          "lever længe.",
                           "items": item, "examples": [[{"fra": "tilbud/esbjerg/genoptraening/",
                                                         "til": "tilbud/esbjerg/ny-adresse/"}]]},
    }, required=("omdirigeringer",))
    return S.document("omdirigering", "Omdirigeringer",
                      "Gamle adresser og deres nye adresser. Filen er data/redirects.yaml.", body)


@dataclass(frozen=True)
class Redirect:
    source: str
    target: str
    reason: str = ""
    date: dt.date | None = None
    start: dt.date | None = None
    """The first day the redirect works; before it the old address is still a page."""

    def active(self, day: dt.date | None) -> bool:
        return self.start is None or day is None or self.start <= day


@dataclass(frozen=True)
class RedirectList:
    items: tuple[Redirect, ...]
    file: Path


def build_redirects(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Any) -> RedirectList:
    return RedirectList(tuple(
        Redirect(item["fra"], item["til"], item.get("grund", ""),
                 dt.date.fromisoformat(item["dato"]) if "dato" in item else None,
                 dt.date.fromisoformat(item["gælder_fra"]) if "gælder_fra" in item else None)
        for item in data["omdirigeringer"]), file)


def check_redirects(record: RedirectList, document: Document, ctx: Any) -> Iterable[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(record.items):
        line, column = document.where(("omdirigeringer", index, "fra"))
        if item.source == item.target:
            yield Problem(record.file, line, column, f"omdirigeringer[{index}].til", "ugyldig-værdi",
                          f"'{item.source}' sender til sig selv", "skriv den nye adresse i 'til'")
        if item.source in seen:
            yield Problem(record.file, line, column, f"omdirigeringer[{index}].fra", "dublet-id",
                          f"'{item.source}' står flere gange", "slet den ene linje")
        seen.add(item.source)
