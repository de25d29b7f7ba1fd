"""Figures from the sources, with their years and lines: ``data/figures.yaml``.

Each figure is one chart on the figures page: categories (years, places,
groups) down the side and one or more series of numbers, the unit, the
period and the seed lines. :mod:`videre.pages.figures` draws them as inline
SVG with a data table as the text alternative.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import row
from ..core.yamlsource import Document
from .context import Context
from .sources import Source, read_seed_source, seed_source_schema

KIND = "tal"
FIGURES_FILE = "figures.yaml"
UNITS = {"antal": "Antal", "procent": "Procent"}
MAX_VALUE = 1_000_000


@dataclass(frozen=True)
class Point:
    """One number in a series and its category."""

    label: str = row(
        "etiket", S.text("Etiket", "Kategorien, fx året eller kommunen.", "2019", max_length=60), required=True
    )
    value: float = row(
        "værdi",
        {
            "type": "number",
            "title": "Værdi",
            "minimum": 0,
            "maximum": MAX_VALUE,
            "examples": [193],
            "description": "Tallet uden enhed. Brug punktum som decimaltegn, fx 90.1.",
        },
        required=True,
    )


@dataclass(frozen=True)
class Series:
    name: str = row("navn", S.text("Navn", "Hvad tallene er.", "Genoptræningsplaner", max_length=80), required=True)
    points: tuple[Point, ...] = row(
        "værdier",
        S.array(
            "Værdier",
            "Et tal pr. kategori, i samme rækkefølge i alle serier.",
            fields.object_schema(Point, "Værdi", "Ét tal i en serie.", renamed={"vaerdi": "værdi", "tal": "værdi"}),
            [{"etiket": "2019", "værdi": 193}],
        ),
        required=True,
        read=fields.list_reader(Point),
    )

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.points)

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(p.value for p in self.points)


@dataclass(frozen=True)
class Figure:
    id: str = row(
        "id",
        S.slug("Id", "Kort id til adressen, fx #planer-fra-psykiatrien.", "planer-fra-psykiatrien"),
        required=True,
    )
    title: str = row(
        "titel",
        S.text("Titel", "Hvad figuren viser.", "Genoptræningsplaner fra psykiatrien", max_length=140),
        required=True,
    )
    text: str = row(
        "tekst",
        S.text(
            "Tekst",
            "Hvad tallene betyder, med dine egne ord.",
            "Tallet steg fra 2018 til 2019.",
            max_length=800,
            markdown=True,
        ),
        required=True,
    )
    unit: str = row("enhed", S.coded("Enhed", "Hvad tallene tæller.", UNITS, "antal"), required=True)
    axis: str = row(
        "akse", S.text("Akse", "Overskriften på kategorierne i tabellen.", "År", max_length=40), required=True
    )
    """The heading of the category column, e.g. 'År' or 'Kommune'."""
    series: tuple[Series, ...] = row(
        "serier",
        S.array(
            "Serier",
            "En eller flere rækker tal.",
            fields.object_schema(Series, "Serie", "En række tal med samme betydning.", renamed={"vaerdier": "værdier"}),
            [{"navn": "Planer"}],
        ),
        required=True,
        read=fields.list_reader(Series),
    )
    period: str = row(
        "periode", S.text("Periode", "De år eller måneder, tallene dækker.", "2018–2019", max_length=80), required=True
    )
    source: Source = row("kilde", seed_source_schema(), required=True, read=read_seed_source)
    note: str = row(
        "note",
        S.text("Note", "Forbehold, læseren skal kende.", "Tallene gælder kun psykiatrien.", max_length=400),
        default="",
    )

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories down the side: the first series' labels (the check holds the others to them)."""
        return self.series[0].labels

    def rows(self) -> list[tuple[str, tuple[float, ...]]]:
        """One row per category with a value per series, as in the data table."""
        return [(category, tuple(s.values[i] for s in self.series)) for i, category in enumerate(self.categories)]


@dataclass(frozen=True)
class Figures:
    title: str = row(
        "titel", S.text("Titel", "Sidens titel.", "Tal om genoptræningsplaner", max_length=120), required=True
    )
    intro: str = row(
        "intro",
        S.text(
            "Intro", "En til to sætninger før figurerne.", "Her er tallene fra kilderne.", max_length=600, markdown=True
        ),
        required=True,
    )
    figures: tuple[Figure, ...] = row(
        "figurer",
        S.array(
            "Figurer",
            "Figurerne i den rækkefølge, de vises.",
            fields.object_schema(Figure, "Figur", "Ét diagram med sin tabel."),
            [{"id": "planer"}],
        ),
        required=True,
        read=fields.list_reader(Figure),
    )
    file: Path = field(compare=False)


def figures_schema(register: S.RegisterView) -> S.Schema:
    body = fields.object_schema(Figures, "Tal", "Tal fra kilderne.")
    return S.document(KIND, "Tal", "Tal fra kilderne. Filen ligger i data/figures.yaml.", body)


def build_figures(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Figures:
    return fields.build(Figures, data, KIND, file=file)


def check_figures(record: Figures, document: Document, ctx: Context) -> Iterable[Problem]:
    ids = [f.id for f in record.figures]
    for index, figure in enumerate(record.figures):
        at = ("figurer", index)
        if figure.id in ids[:index]:
            yield document.problem_at(
                (*at, "id"), "dublet-id", f"figuren '{figure.id}' findes to gange", "giv hver figur sit eget id"
            )
        for number, series in enumerate(figure.series):
            labels = series.labels
            if labels != figure.categories:
                yield document.problem_at(
                    (*at, "serier", number, "værdier"),
                    "ugyldig-værdi",
                    f"'figurer[{index}].serier[{number}]' har etiketterne {', '.join(labels)}, men den "
                    f"første serie har {', '.join(figure.categories)}",
                    "giv alle serier de samme etiketter i samme rækkefølge",
                )
            if figure.unit == "procent":
                for position, value in enumerate(series.values):
                    if value > 100:
                        yield document.problem_at(
                            (*at, "serier", number, "værdier", position, "værdi"),
                            "uden-for-grænse",
                            f"'figurer[{index}]' er i procent, men et tal er {value}",
                            "skriv et tal fra 0 til 100, eller brug 'enhed: antal'",
                        )
