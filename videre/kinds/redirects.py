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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import row
from ..core.yamlsource import Document

KIND = "omdirigering"
REDIRECTS_FILE = "redirects.yaml"
PUBLISHED_FILE = "publicerede.txt"
PATH_PATTERN = S.SITE_PATH_PATTERN
RECORD_PREFIXES = ("kommuner/", "tilbud/", "partnere/")
"""Addresses made from records; a redirect target with one of these prefixes must exist."""
PATH_HINT = "tilbud/esbjerg/kognitiv-traening/"


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class Redirect:
    """One old address and the new one; the class is its field table (:mod:`videre.core.fields`)."""

    source: str = row(
        "fra",
        S.site_path(
            "Fra",
            "Den gamle adresse, som links og QR-koder stadig peger på.",
            "tilbud/esbjerg/genoptraening/",
            PATH_HINT,
        ),
        required=True,
    )
    target: str = row(
        "til",
        S.site_path(
            "Til",
            "Den nye adresse. Peg altid direkte på den nyeste side.",
            "tilbud/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse/",
            PATH_HINT,
        ),
        required=True,
    )
    date: dt.date | None = row(
        "dato", S.date("Dato", "Hvornår adressen blev flyttet."), read=_day, missing=None, default=None
    )
    start: dt.date | None = row(
        "gælder_fra",
        S.period_date(
            "Gælder fra",
            "Første dag, omdirigeringen virker. Brug den, når en side forsvinder på en fast dag, fx når "
            "to regioner bliver lagt sammen. Udelad feltet, hvis omdirigeringen skal virke med det samme.",
        ),
        read=_day,
        missing=None,
        default=None,
    )
    """The first day the redirect works; before it the old address is still a page."""
    reason: str = row(
        "grund",
        S.text(
            "Grund", "Kort forklaring, fx 'Tilbuddet fik et nyt navn'.", "Tilbuddet fik et nyt navn", max_length=200
        ),
        default="",
    )

    def active(self, day: dt.date | None) -> bool:
        return self.start is None or day is None or self.start <= day


@dataclass(frozen=True)
class RedirectList:
    items: tuple[Redirect, ...] = row(
        "omdirigeringer",
        {
            "type": "array",
            "title": "Omdirigeringer",
            "description": "Listen over flyttede adresser. Slet aldrig en linje: gamle QR-koder lever længe.",
            "items": fields.object_schema(
                Redirect,
                "Omdirigering",
                "Én gammel adresse og den nye adresse, den skal sende læseren til.",
                renamed={"from": "fra", "to": "til", "gammel": "fra", "ny": "til", "gaelder_fra": "gælder_fra"},
            ),
            "examples": [[{"fra": "tilbud/esbjerg/genoptraening/", "til": "tilbud/esbjerg/ny-adresse/"}]],
        },
        required=True,
        read=fields.list_reader(Redirect),
    )
    file: Path


def redirect_schema(register: S.RegisterView) -> S.Schema:
    body = fields.object_schema(RedirectList, "Omdirigeringer", "Gamle adresser, der skal blive ved med at virke.")
    return S.document(
        KIND, "Omdirigeringer", "Gamle adresser og deres nye adresser. Filen er data/redirects.yaml.", body
    )


def build_redirects(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Any) -> RedirectList:
    return fields.build(RedirectList, data, KIND, file=file)


def check_redirects(record: RedirectList, document: Document, ctx: Any) -> Iterable[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(record.items):
        line, column = document.where(("omdirigeringer", index, "fra"))
        if item.source == item.target:
            yield Problem(
                record.file,
                line,
                column,
                f"omdirigeringer[{index}].til",
                "ugyldig-værdi",
                f"'{item.source}' sender til sig selv",
                "skriv den nye adresse i 'til'",
            )
        if item.source in seen:
            yield Problem(
                record.file,
                line,
                column,
                f"omdirigeringer[{index}].fra",
                "dublet-id",
                f"'{item.source}' står flere gange",
                "slet den ene linje",
            )
        seen.add(item.source)
