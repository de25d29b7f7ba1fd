"""Figures from the sources, with their years and lines: ``data/figures.yaml``.

Each figure is one chart on the figures page: categories (years, places,
groups) down the side and one or more series of numbers, the unit, the
period and the seed lines. :mod:`videre.pages.figures` draws them as inline
SVG with a data table as the text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..core import schema as S
from ..core.errors import Problem
from .sources import Source, source
from ..core.yamlsource import Document
from .context import Context

FIGURES_FILE = "figures.yaml"
UNITS = {"antal": "Antal", "procent": "Procent"}
MAX_VALUE = 1_000_000


@dataclass(frozen=True)
class Series:
    name: str
    labels: tuple[str, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    text: str
    unit: str
    axis: str
    """The heading of the category column, e.g. 'År' or 'Kommune'."""
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    period: str
    source: Source
    note: str = ""

    def rows(self) -> list[tuple[str, tuple[float, ...]]]:
        """One row per category with a value per series, as in the data table."""
        return [(category, tuple(s.values[i] for s in self.series)) for i, category in enumerate(self.categories)]


@dataclass(frozen=True)
class Figures:
    title: str
    intro: str
    figures: tuple[Figure, ...]
    file: Path = field(compare=False)


def figures_schema(register: S.RegisterView) -> S.Schema:
    value = S.obj("Værdi", "Ét tal i en serie.", {
        "etiket": S.text("Etiket", "Kategorien, fx året eller kommunen.", "2019", max_length=60),
        "værdi": {"type": "number", "title": "Værdi", "minimum": 0, "maximum": MAX_VALUE, "examples": [193],
                  "description": "Tallet uden enhed. Brug punktum som decimaltegn, fx 90.1."},
    }, required=("etiket", "værdi"), renamed={"vaerdi": "værdi", "tal": "værdi"})
    series = S.obj("Serie", "En række tal med samme betydning.", {
        "navn": S.text("Navn", "Hvad tallene er.", "Genoptræningsplaner", max_length=80),
        "værdier": {"type": "array", "title": "Værdier", "items": value, "minItems": 1,
                    "description": "Et tal pr. kategori, i samme rækkefølge i alle serier.",
                    "examples": [[{"etiket": "2019", "værdi": 193}]]},
    }, required=("navn", "værdier"), renamed={"vaerdier": "værdier"})
    figure = S.obj("Figur", "Ét diagram med sin tabel.", {
        "id": {"type": "string", "title": "Id", "pattern": S.SLUG_PATTERN, "examples": ["planer-fra-psykiatrien"],
               "description": "Kort id til adressen, fx #planer-fra-psykiatrien."},
        "titel": S.text("Titel", "Hvad figuren viser.", "Genoptræningsplaner fra psykiatrien", max_length=140),
        "tekst": S.text("Tekst", "Hvad tallene betyder, med dine egne ord.", "Tallet steg fra 2018 til 2019.",
                        max_length=800, markdown=True),
        "enhed": S.coded("Enhed", "Hvad tallene tæller.", UNITS, "antal"),
        "akse": S.text("Akse", "Overskriften på kategorierne i tabellen.", "År", max_length=40),
        "serier": {"type": "array", "title": "Serier", "items": series, "minItems": 1,
                   "description": "En eller flere rækker tal.", "examples": [[{"navn": "Planer"}]]},
        "periode": S.text("Periode", "De år eller måneder, tallene dækker.", "2018–2019", max_length=80),
        "kilde": S.seed_source(),
        "note": S.text("Note", "Forbehold, læseren skal kende.", "Tallene gælder kun psykiatrien.",
                       max_length=400),
    }, required=("id", "titel", "tekst", "enhed", "akse", "serier", "periode", "kilde"))
    body = S.obj("Tal", "Tal fra kilderne.", {
        "titel": S.text("Titel", "Sidens titel.", "Tal om genoptræningsplaner", max_length=120),
        "intro": S.text("Intro", "En til to sætninger før figurerne.", "Her er tallene fra kilderne.",
                        max_length=600, markdown=True),
        "figurer": {"type": "array", "title": "Figurer", "items": figure, "minItems": 1,
                    "description": "Figurerne i den rækkefølge, de vises.", "examples": [[{"id": "planer"}]]},
    }, required=("titel", "intro", "figurer"))
    return S.document("tal", "Tal", "Tal fra kilderne. Filen ligger i data/figures.yaml.", body)


def build_figures(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Figures:
    figures = []
    for f in data["figurer"]:
        series = tuple(Series(s["navn"], tuple(v["etiket"] for v in s["værdier"]),
                              tuple(v["værdi"] for v in s["værdier"])) for s in f["serier"])
        categories = series[0].labels
        figures.append(Figure(id=f["id"], title=f["titel"], text=f["tekst"], unit=f["enhed"], axis=f["akse"],
                              categories=categories, series=series, period=f["periode"], source=source(f["kilde"]),
                              note=f.get("note", "")))
    return Figures(title=data["titel"], intro=data["intro"], figures=tuple(figures), file=file)


def check_figures(record: Figures, document: Document, ctx: Context) -> Iterable[Problem]:
    ids = [f.id for f in record.figures]
    for index, figure in enumerate(record.figures):
        at = ("figurer", index)
        if figure.id in ids[:index]:
            yield document.problem_at((*at, "id"), "dublet-id", f"figuren '{figure.id}' findes to gange",
                             "giv hver figur sit eget id")
        for number, series in enumerate(figure.series):
            labels = series.labels
            if labels != figure.categories:
                yield document.problem_at((*at, "serier", number, "værdier"), "ugyldig-værdi",
                                 f"'figurer[{index}].serier[{number}]' har etiketterne {', '.join(labels)}, men den "
                                 f"første serie har {', '.join(figure.categories)}",
                                 "giv alle serier de samme etiketter i samme rækkefølge")
            if figure.unit == "procent":
                for position, value in enumerate(series.values):
                    if value > 100:
                        yield document.problem_at((*at, "serier", number, "værdier", position, "værdi"),
                                         "uden-for-grænse", f"'figurer[{index}]' er i procent, men et tal er {value}",
                                         "skriv et tal fra 0 til 100, eller brug 'enhed: antal'")

