"""Crisis lines: what a patient does if things get bad tonight, in ``data/krise.yaml``.

One short list of public numbers: 112, the out-of-hours and psychiatric services
of each region, and national lines. Each line names its area (as an offer's
``dækning``), the public page it was read on and the day it was read; a number
that changes carries the days it holds. The handout, the municipality page and
the kiosk all show the lines from this file, so they cannot say different things.

The fields are one table (:func:`~videre.core.fields.row` per field), as the
offer's in :mod:`videre.core.model`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import row
from ..core.model import Period
from ..core.yamlsource import Document
from .context import Context
from .register import Register

CRISIS_FILE = "krise.yaml"
KIND = "krise"

SHORT_OR_LONG_NUMBER = r"^(1[0-9]{2,3}|(\+45 ?)?[0-9]{2}( ?[0-9]{2}){3})$"
"""A short public number (112, 1813) or eight digits, grouped in twos."""

CALL = re.compile(r"\bring\w*\b", re.IGNORECASE)
"""'ring', 'ringe', 'ringer': a sentence that asks the reader to call needs a number."""


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class WebSource:
    """The public page a line was read on, and the day it was read."""

    url: str = row(
        "url",
        S.https_link(
            "Adresse",
            "Siden hos den, der driver linjen, hvor nummeret står.",
            "https://www.region.example.org/akut-hjaelp",
        ),
        required=True,
    )
    read: dt.date = row(
        "læst",
        S.period_date("Læst", "Den dag, nummeret blev læst på siden."),
        required=True,
        read=_day,
        write=dt.date.isoformat,
    )
    # No 'x-no-future': tests build the real data on a fixed earlier day, and the day a page was read is a fact.


read_web_source = fields.reader(WebSource)
WEB_SOURCE_SCHEMA = fields.object_schema(
    WebSource, "Kilde", "Hvor nummeret står offentligt, og hvornår det blev læst.", renamed={"laest": "læst"}
)


@dataclass(frozen=True)
class CrisisLine:
    """One line in the block 'Hvis det bliver svært'."""

    id: str = row(
        "id",
        S.slug("Id", "Kort id med små bogstaver og bindestreger.", "alarm-112"),
        required=True,
    )
    name: str = row(
        "navn", S.text("Navn", "Tjenestens navn, som patienten kender det.", "Alarm 112", max_length=80), required=True
    )
    text: str = row(
        "tekst",
        S.text(
            "Tekst",
            "Hvornår man bruger linjen, i én eller to korte sætninger til patienten. Står der 'ring', skal "
            "linjen have et telefonnummer.",
            "Ring 112, hvis dit eget eller en andens liv er i fare.",
            max_length=240,
        ),
        required=True,
    )
    phone: str = row(
        "telefon",
        {
            "type": "string",
            "title": "Telefon",
            "pattern": SHORT_OR_LONG_NUMBER,
            "description": "Det offentlige nummer: et kort nummer som 112 eller 8 cifre.",
            "examples": ["112"],
            "x-hint": "skriv et kort nummer som '112' eller 8 cifre i grupper af to",
        },
    )
    hours: str = row("tider", S.text("Tider", "Hvornår linjen svarer.", "Døgnet rundt", max_length=120))
    coverage: tuple[str, ...] = row("dækning", S.coverage_schema, required=True, read=tuple)
    valid_from: dt.date | None = row("gyldig_fra", S.valid_from("linjen"), read=_day, missing=None)
    valid_to: dt.date | None = row("gyldig_til", S.valid_to("linjen"), read=_day, missing=None)
    source: WebSource = row("kilde", WEB_SOURCE_SCHEMA, required=True, read=read_web_source)
    note: str = row(
        "note",
        S.text(
            "Note",
            "Forbehold til personalet. Vises ikke for patienten.",
            "Siden beskriver Region Hovedstaden før 2027.",
            max_length=400,
        ),
    )

    @property
    def valid(self) -> Period:
        return Period(self.valid_from, self.valid_to)

    @property
    def nationwide(self) -> bool:
        return "hele-landet" in self.coverage


@dataclass(frozen=True)
class CrisisLines:
    lines: tuple[CrisisLine, ...] = row(
        "linjer",
        lambda register: S.array(
            "Linjer",
            "Linjerne i den rækkefølge, de vises. Landsdækkende linjer vises først.",
            fields.object_schema(
                CrisisLine,
                "Linje",
                "Ét nummer i blokken 'Hvis det bliver svært'.",
                view=register,
                renamed={"nummer": "telefon", "tlf": "telefon", "daekning": "dækning"},
            ),
            [{"id": "alarm-112"}],
        ),
        required=True,
        read=fields.list_reader(CrisisLine),
    )
    file: Path = field(compare=False)

    def for_municipality(self, slug: str, register: Register, day: dt.date) -> tuple[CrisisLine, ...]:
        """The lines that reach a municipality on a day: nationwide lines first, then local ones, in file order."""
        found = [
            line for line in self.lines if line.valid.contains(day) and slug in register.expand_coverage(line.coverage)
        ]
        return tuple(sorted(found, key=lambda line: not line.nationwide))


def crisis_schema(register: S.RegisterView) -> S.Schema:
    body = fields.object_schema(
        CrisisLines, "Krisenumre", "Numre til patienten, hvis det bliver svært efter udskrivningen.", view=register
    )
    return S.document(KIND, "Krisenumre", f"Numre til patienten i en krise. Filen ligger i data/{CRISIS_FILE}.", body)


def build_crisis(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> CrisisLines:
    return fields.build(CrisisLines, data, KIND, file=file)


def check_crisis(record: CrisisLines, document: Document, ctx: Context) -> Iterable[Problem]:
    seen: list[str] = []
    for index, line in enumerate(record.lines):
        at = ("linjer", index)
        if line.id in seen:
            yield document.problem_at(
                (*at, "id"), "dublet-id", f"linjen '{line.id}' findes to gange", "giv hver linje sit eget id"
            )
        seen.append(line.id)
        if CALL.search(line.text) and not line.phone:
            yield document.problem_at(
                (*at, "tekst"),
                "mangler-felt",
                f"'linjer[{index}].tekst' beder patienten ringe, men linjen har intet telefonnummer",
                "skriv nummeret i 'telefon', eller skriv 'skriv' eller 'tag hen' i teksten",
            )
        if line.valid_from and line.valid_to and line.valid_from > line.valid_to:
            yield document.problem_at(
                (*at, "gyldig_til"),
                "ugyldig-værdi",
                f"'linjer[{index}]' slutter {line.valid_to}, før den begynder {line.valid_from}",
                "skriv den første dag i 'gyldig_fra' og den sidste i 'gyldig_til'",
            )
