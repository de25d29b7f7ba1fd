"""Info screens in psychiatry's waiting rooms: one record per screen in ``data/screens/<slug>.yaml``.

A screen belongs to a psychiatric department and shows, in a fixed order, a
few kinds of slides: the right to a GOP, the path from hospital to the
municipality, offers from associations and from the municipalities the
department serves, and short case stories. The pages are built by
:mod:`videre.pages.kiosk`; this module holds the record format only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..core import schema as S
from ..core.errors import Problem
from ..core.model import SOURCE_SCHEMA, VERIFIED_SCHEMA, Source, Verified, read_source
from ..core.validate import closest
from ..core.yamlsource import Document
from .context import Context

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


def _hours_field(title: str) -> S.Schema:
    return {
        "type": "string", "title": title, "pattern": HOURS_PATTERN,
        "description": "Fra og til som TT:MM–TT:MM. Udelad dagen, hvis skærmen er slukket hele dagen.",
        "examples": ["07:30–16:00"],
        "x-hint": "skriv tiden som '07:30–16:00'",
    }


def screen_schema(register: S.RegisterView) -> S.Schema:
    hours = {WORKDAYS_KEY: _hours_field("Hverdage (mandag til fredag)"),
             **{day: _hours_field(day.capitalize()) for day in WEEKDAYS}}
    body = S.confirmable(S.obj("Infoskærm", "En skærm i et venterum i psykiatrien.", {
        "navn": S.text("Navn", "Hvor skærmen står, så personalet kan kende den.",
                       "Venterummet i Psykiatrisk Afdeling Esbjerg", min_length=3, max_length=120),
        "afdeling": {
            "type": "string", "title": "Afdeling", "pattern": S.SLUG_PATTERN,
            "description": "Afdelingens korte navn: filnavnet i data/contacts/afdelinger/ uden '.yaml'.",
            "examples": ["psykiatrisk-afdeling-esbjerg"],
            "x-hint": "skriv filnavnet fra data/contacts/afdelinger/ uden '.yaml'",
        },
        "kommuner": {
            "type": "array", "title": "Kommuner",
            "description": ("Kommunerne, hvis tilbud skærmen viser. Udelad feltet for at bruge "
                            "afdelingens liste 'betjener'."),
            "items": {"type": "string", "enum": list(register.municipality_slugs())},
            "minItems": 1, "uniqueItems": True, "examples": [["esbjerg", "fanoe", "varde"]],
            "x-hint": "brug kommunens slug fra data/kommuner.yaml",
        },
        "dias": {
            "type": "array", "title": "Dias",
            "description": ("Diastyperne i den rækkefølge, skærmen viser dem. En type må stå flere gange. "
                            "Typer med flere dias (foreninger, kommunens tilbud, sager) viser det næste "
                            "hver gang, typen kommer igen."),
            "items": {"type": "string", "enum": list(SLIDE_KINDS), "x-labels": dict(SLIDE_KINDS)},
            "minItems": 1, "examples": [list(SLIDE_KINDS)],
        },
        "sekunder_per_dias": {
            "type": "integer", "title": "Sekunder per dias", "minimum": 5, "maximum": 120,
            "description": f"Hvor længe hvert dias vises. Standard er {DEFAULT_SECONDS} sekunder.",
            "examples": [DEFAULT_SECONDS],
        },
        "format": S.coded("Format", "Hvordan skærmen hænger.", ORIENTATIONS, "liggende"),
        "åbningstider": S.obj(
            "Åbningstider", ("Hvornår skærmen viser indhold (dansk tid). Uden for tiderne viser den en "
                             "mørk, næsten tom side."),
            hours, renamed={"man": "mandag", "tir": "tirsdag", "ons": "onsdag", "tor": "torsdag",
                            "fre": "fredag", "lør": "lørdag", "loerdag": "lørdag", "søn": "søndag",
                            "soendag": "søndag", "man-fre": "hverdage", "man–fre": "hverdage"}),
        "sidst_bekræftet": VERIFIED_SCHEMA,
        "eksempel": S.EXAMPLE_FLAG,
        "kilde": SOURCE_SCHEMA,
    }, required=("navn", "afdeling", "dias", "format", "åbningstider"),
        renamed={"sidst_bekraeftet": "sidst_bekræftet", "aabningstider": "åbningstider",
                 "slides": "dias", "sekunder": "sekunder_per_dias", "orientering": "format"}))
    return S.document("skaerm", "Infoskærm",
                      "En infoskærm i et venterum. Filen ligger i data/screens/<skærm>.yaml.", body)


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


@dataclass(frozen=True)
class Screen:
    slug: str
    name: str
    department: str
    municipalities: tuple[str, ...]
    """Chosen municipalities; empty means: the department's ``betjener`` list."""
    slides: tuple[str, ...]
    seconds: int
    orientation: str
    hours: tuple[OpeningHours, ...]
    verified: Verified | None
    """``None`` for an example (``eksempel: true``)."""
    example: bool
    source: Source | str
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


def _minutes(text: str) -> tuple[int, int]:
    (h1, m1), (h2, m2) = _TIME.findall(text)
    return int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)


def opening_hours(data: Mapping[str, str]) -> tuple[OpeningHours, ...]:
    result: list[OpeningHours] = []
    for number, day in enumerate(WEEKDAYS, start=1):
        value = data.get(day) or (data.get(WORKDAYS_KEY) if number <= 5 else None)
        if value:
            start, end = _minutes(value)
            result.append(OpeningHours(number, start, end))
    return tuple(result)


def build_screen(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Screen:
    return Screen(slug=slugs[0], name=data["navn"], department=data["afdeling"],
                  municipalities=tuple(data.get("kommuner", ())), slides=tuple(data["dias"]),
                  seconds=int(data.get("sekunder_per_dias", DEFAULT_SECONDS)), orientation=data["format"],
                  hours=opening_hours(data["åbningstider"]), verified=Verified.of(data.get("sidst_bekræftet")),
                  example=bool(data.get("eksempel", False)), source=read_source(data.get("kilde", "")), file=file)


def check_screen(screen: Screen, document: Document, ctx: Context) -> Iterable[Problem]:
    folder = ctx.data_dir / "contacts" / "afdelinger"
    if not (folder / f"{screen.department}.yaml").is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
        guess = closest(screen.department, known)
        yield Problem(screen.file, 1, 1, "afdeling", "ukendt-reference",
                      f"afdelingen '{screen.department}' har ingen fil data/contacts/afdelinger/{screen.department}.yaml",
                      f"mente du '{guess}'?" if guess else "opret afdelingens fil, eller ret navnet")
    for hours in screen.hours:
        if hours.start >= hours.end:
            day = WEEKDAYS[hours.weekday - 1]
            yield Problem(screen.file, 1, 1, f"åbningstider.{day}", "ugyldig-værdi",
                          f"skærmen åbner {hours.clock(hours.start)} og lukker {hours.clock(hours.end)} om {day}en; "
                          "den skal åbne før den lukker",
                          "skriv den tidligste tid først, fx '07:30–16:00'")
    if not screen.hours:
        yield Problem(screen.file, 1, 1, "åbningstider", "mangler-felt",
                      "skærmen har ingen åbningstider og vil altid være mørk",
                      "skriv mindst én dag, fx 'hverdage: 07:30–16:00'")
