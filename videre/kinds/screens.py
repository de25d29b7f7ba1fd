"""Info screens in psychiatry's waiting rooms: one record per screen in ``data/screens/<slug>.yaml``.

A screen belongs to a psychiatric department and shows, in a fixed order, a
few kinds of slides: the right to a GOP, the path from hospital to the
municipality, offers from associations and from the municipalities the
department serves, and short case stories. The pages are built by
:mod:`videre.pages.kiosk`; this module holds the record format only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import row
from ..core.model import Source, Verified, confirmation_rows
from ..core.validate import closest
from ..core.yamlsource import Document
from .context import Context

KIND = "skaerm"

SLIDE_KINDS = {
    "ret-til-gop": "Du har ret til en genoptræningsplan",
    "vejen-til-genoptraening": "Fra psykiatrien til genoptræning i kommunen",
    "foreninger": "Tilbud fra frivillige foreninger, på skift",
    "kommunens-tilbud": "Tilbud fra kommunerne, på skift",
    "sag": "En kort historie om et forløb, på skift",
}
"""Slide types, in the order an editor would usually choose them."""

ORIENTATIONS = {
    "liggende": "Liggende skærm, 1920 × 1080",
    "staaende": "Stående skærm, 1080 × 1920",
}

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WORKDAYS_KEY = "hverdage"
"""Shorthand for Monday to Friday; a named day overrides it."""

HOURS_PATTERN = r"^([01][0-9]|2[0-3])[:.][0-5][0-9] ?[-–] ?([01][0-9]|2[0-3])[:.][0-5][0-9]$|^([01][0-9]|2[0-3])[:.][0-5][0-9] ?[-–] ?24[:.]00$"
_TIME = re.compile(r"([0-9]{2})[:.]([0-9]{2})")

DEFAULT_SECONDS = 12


def _hours_row(key: str, title: str) -> Any:
    return row(
        key,
        {
            "type": "string",
            "title": title,
            "pattern": HOURS_PATTERN,
            "description": "Fra og til som TT:MM–TT:MM. Udelad dagen, hvis skærmen er slukket hele dagen.",
            "examples": ["07:30–16:00"],
            "x-hint": "skriv tiden som '07:30–16:00'",
        },
    )


Week = make_dataclass(
    "Week",
    [
        (WORKDAYS_KEY, str, _hours_row(WORKDAYS_KEY, "Hverdage (mandag til fredag)")),
        *((day, str, _hours_row(day, day.capitalize())) for day in WEEKDAYS),
    ],
    frozen=True,
)
"""The table of ``åbningstider``: one row per day, the workdays' shorthand first. Its schema is read from it;
:func:`opening_hours` turns the days into :class:`OpeningHours`."""


@dataclass(frozen=True)
class OpeningHours:
    weekday: int
    """ISO weekday: 1 is Monday."""
    start: int
    """Minutes after midnight."""
    end: int

    @staticmethod
    def clock(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def text(self) -> str:
        return f"{self.clock(self.start)}–{self.clock(self.end)}"


def opening_hours(data: Mapping[str, str]) -> tuple[OpeningHours, ...]:
    result: list[OpeningHours] = []
    for number, day in enumerate(WEEKDAYS, start=1):
        value = data.get(day) or (data.get(WORKDAYS_KEY) if number <= 5 else None)
        if value:
            start, end = _minutes(value)
            result.append(OpeningHours(number, start, end))
    return tuple(result)


@dataclass(frozen=True)
class Screen:
    """One screen; the class is its field table (:mod:`videre.core.fields`)."""

    slug: str = row(None)
    name: str = row(
        "navn",
        S.text(
            "Navn",
            "Hvor skærmen står, så personalet kan kende den.",
            "Venterummet i Psykiatrisk Afdeling Esbjerg",
            min_length=3,
            max_length=120,
        ),
        required=True,
    )
    department: str = row(
        "afdeling",
        S.slug(
            "Afdeling",
            "Afdelingens korte navn: filnavnet i data/contacts/afdelinger/ uden '.yaml'.",
            "psykiatrisk-afdeling-esbjerg",
            "skriv filnavnet fra data/contacts/afdelinger/ uden '.yaml'",
        ),
        required=True,
    )
    municipalities: tuple[str, ...] = row(
        "kommuner",
        lambda register: {
            "type": "array",
            "title": "Kommuner",
            "description": "Kommunerne, hvis tilbud skærmen viser. Udelad feltet for at bruge afdelingens liste "
            "'betjener'.",
            "items": {"type": "string", "enum": list(register.municipality_slugs())},
            "minItems": 1,
            "uniqueItems": True,
            "examples": [["esbjerg", "fanoe", "varde"]],
            "x-hint": "brug kommunens slug fra data/kommuner.yaml",
        },
        read=tuple,
        missing=(),
    )
    """Chosen municipalities; empty means: the department's ``betjener`` list."""
    slides: tuple[str, ...] = row(
        "dias",
        {
            "type": "array",
            "title": "Dias",
            "description": (
                "Diastyperne i den rækkefølge, skærmen viser dem. En type må stå flere gange. "
                "Typer med flere dias (foreninger, kommunens tilbud, sager) viser det næste "
                "hver gang, typen kommer igen."
            ),
            "items": {"type": "string", "enum": list(SLIDE_KINDS), "x-labels": dict(SLIDE_KINDS)},
            "minItems": 1,
            "examples": [list(SLIDE_KINDS)],
        },
        required=True,
        read=tuple,
    )
    seconds: int = row(
        "sekunder_per_dias",
        {
            "type": "integer",
            "title": "Sekunder per dias",
            "minimum": 5,
            "maximum": 120,
            "description": f"Hvor længe hvert dias vises. Standard er {DEFAULT_SECONDS} sekunder.",
            "examples": [DEFAULT_SECONDS],
        },
        read=int,
        missing=DEFAULT_SECONDS,
    )
    orientation: str = row(
        "format", S.coded("Format", "Hvordan skærmen hænger.", ORIENTATIONS, "liggende"), required=True
    )
    hours: tuple[OpeningHours, ...] = row(
        "åbningstider",
        fields.object_schema(
            Week,
            "Åbningstider",
            "Hvornår skærmen viser indhold (dansk tid). Uden for tiderne viser den en mørk, næsten tom side.",
            renamed={
                "man": "mandag",
                "tir": "tirsdag",
                "ons": "onsdag",
                "tor": "torsdag",
                "fre": "fredag",
                "lør": "lørdag",
                "loerdag": "lørdag",
                "søn": "søndag",
                "soendag": "søndag",
                "man-fre": "hverdage",
                "man–fre": "hverdage",
            },
        ),
        required=True,
        read=opening_hours,
    )
    verified: Verified | None = confirmation_rows()["verified"]
    """``None`` for an example (``eksempel: true``)."""
    example: bool = confirmation_rows()["example"]
    source: Source | str = confirmation_rows()["source"]
    file: Path = field(compare=False)

    @property
    def size(self) -> tuple[int, int]:
        return (1080, 1920) if self.orientation == "staaende" else (1920, 1080)

    @property
    def url(self) -> str:
        return f"skaerm/{self.slug}/"

    @property
    def kiosk_url(self) -> str:
        return f"skaerm/{self.slug}/kiosk/"


def screen_schema(register: S.RegisterView) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            Screen,
            "Infoskærm",
            "En skærm i et venterum i psykiatrien.",
            view=register,
            kind=KIND,
            renamed={
                "sidst_bekraeftet": "sidst_bekræftet",
                "aabningstider": "åbningstider",
                "slides": "dias",
                "sekunder": "sekunder_per_dias",
                "orientering": "format",
            },
        )
    )
    return S.document(KIND, "Infoskærm", "En infoskærm i et venterum. Filen ligger i data/screens/<skærm>.yaml.", body)


def build_screen(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Screen:
    return fields.build(Screen, data, KIND, slug=slugs[0], file=file)


def _minutes(text: str) -> tuple[int, int]:
    (h1, m1), (h2, m2) = _TIME.findall(text)
    return int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)


def check_screen(screen: Screen, document: Document, ctx: Context) -> Iterable[Problem]:
    folder = ctx.data_dir / "contacts" / "afdelinger"
    if not (folder / f"{screen.department}.yaml").is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
        guess = closest(screen.department, known)
        yield Problem(
            screen.file,
            1,
            1,
            "afdeling",
            "ukendt-reference",
            f"afdelingen '{screen.department}' har ingen fil data/contacts/afdelinger/{screen.department}.yaml",
            f"mente du '{guess}'?" if guess else "opret afdelingens fil, eller ret navnet",
        )
    for hours in screen.hours:
        if hours.start >= hours.end:
            day = WEEKDAYS[hours.weekday - 1]
            yield Problem(
                screen.file,
                1,
                1,
                f"åbningstider.{day}",
                "ugyldig-værdi",
                f"skærmen åbner {hours.clock(hours.start)} og lukker {hours.clock(hours.end)} om {day}en; "
                "den skal åbne før den lukker",
                "skriv den tidligste tid først, fx '07:30–16:00'",
            )
    if not screen.hours:
        yield Problem(
            screen.file,
            1,
            1,
            "åbningstider",
            "mangler-felt",
            "skærmen har ingen åbningstider og vil altid være mørk",
            "skriv mindst én dag, fx 'hverdage: 07:30–16:00'",
        )
