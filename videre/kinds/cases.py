"""Case examples: one anonymous story per file in ``data/cases/<slug>.yaml``.

Two cases retell S001 Bilag 2 (lines 1327–1443); others are constructed to
illustrate, and say so (``konstrueret: true`` gives the badge "Konstrueret
eksempel"). Where the source does not describe something, the field says
:data:`NOT_DESCRIBED` instead of inventing it. Every text is checked for
e-mail addresses and phone numbers (rule ``personoplysning``) on top of the
CPR check all text gets. Pages: :mod:`videre.pages.cases`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from ..core import fields, vocab
from ..core import schema as S
from ..core.fields import Group, row
from .context import Context
from .sources import Source, read_seed_source, seed_source_schema

KIND = "sag"
CASES_DIR = "cases"
NOT_DESCRIBED = "Ikke beskrevet i kilden."
"""What a retold case says where its source is silent."""


def _story(key: str, title: str, description: str, example: str) -> Any:
    """A row for a part of the story: anonymous Markdown, which says :data:`NOT_DESCRIBED` where the source is
    silent."""
    return row(
        key,
        S.text(
            title,
            description + f" Skriv '{NOT_DESCRIBED}', hvis kilden ikke siger det.",
            example,
            max_length=1200,
            markdown=True,
        ),
        required=True,
        anonymous=True,
    )


@dataclass(frozen=True)
class Case:
    """One case; the class is its field table (:mod:`videre.core.fields`)."""

    GROUPS: ClassVar[tuple[Group, ...]] = (
        Group(
            "funktionstab",
            "Funktionstab",
            "Hvilken funktion borgeren har mistet.",
            required=True,
            renamed={"omraader": "områder"},
        ),
    )

    slug: str = row(None)
    title: str = row(
        "titel",
        S.text(
            "Titel",
            "Et opdigtet fornavn eller en kort beskrivelse, alder og problem.",
            "Sonja, 38 år, med depression",
            max_length=100,
        ),
        required=True,
        anonymous=True,
    )
    summary: str = row(
        "resumé",
        S.text(
            "Resumé",
            "To korte sætninger til oversigten.",
            "Sonja kan ikke længere overskue sin hverdag.",
            max_length=300,
        ),
        required=True,
        anonymous=True,
    )
    constructed: bool = row(
        "konstrueret",
        {
            "type": "boolean",
            "title": "Konstrueret",
            "description": (
                "Sæt 'true', hvis historien er opdigtet for at illustrere. "
                "Siden viser så mærket 'Konstrueret eksempel'."
            ),
            "examples": [False],
        },
        required=True,
    )
    problems: tuple[str, ...] = row(
        "problemer",
        S.coded_list("Problemer", "Borgerens vanskeligheder.", vocab.PROBLEMS, ["depression"]),
        required=True,
        read=tuple,
    )
    signs: tuple[str, ...] = row(
        "tegn",
        S.coded_list(
            "Tegn",
            (
                "Det, historien viser: symptomer og situationer i hverdagen. "
                "Søgningen finder eksemplet på dem og på de ord, personalet bruger om dem."
            ),
            vocab.SIGNS,
            ["soevnproblemer", "isolation"],
        ),
        read=tuple,
        missing=(),
    )
    """Signs and situations the story shows (codes from :data:`videre.core.vocab.SIGNS`); search finds the case by them."""
    situation: str = _story(
        "situation",
        "Situation",
        "Borgerens baggrund og hvorfor hun eller han blev indlagt.",
        "Sonja har været i psykiatrien længe.",
    )
    domains: tuple[str, ...] = row(
        "funktionstab.områder",
        S.coded_list("Områder", "Områderne for funktionstabet.", vocab.FUNCTION_DOMAINS, ["kognitiv", "aktivitet"]),
        required=True,
        read=tuple,
    )
    loss: str = _story(
        "funktionstab.beskrivelse",
        "Beskrivelse",
        "Hvad borgeren ikke længere kan.",
        "Hun har svært ved at komme i gang med rengøring.",
    )
    why: str = _story(
        "hvorfor_gop",
        "Hvorfor en genoptræningsplan",
        "Begrundelsen for planen.",
        "Hun har brug for støtte til at planlægge sin hverdag.",
    )
    course: str = _story(
        "forløb_i_kommunen",
        "Forløbet i kommunen",
        "Hvad kommunen gjorde, og hvem der var med.",
        "Ergoterapeuten var tovholder.",
    )
    outcome: str = _story("resultat", "Resultat", "Hvordan det gik.", "Hun har fået bedre struktur på dagen.")
    kinds: tuple[str, ...] = row(
        "tilbudstyper",
        S.coded_list("Tilbudstyper", "De typer tilbud, borgeren brugte.", vocab.OFFER_KINDS, ["genoptraening"]),
        required=True,
        read=tuple,
    )
    """Offer kinds used (codes from :data:`videre.core.vocab.OFFER_KINDS`)."""
    elements: tuple[str, ...] = row(
        "indhold",
        S.coded_list("Indhold", "Det, der blev arbejdet med.", vocab.CONTENT_ELEMENTS, ["kognitiv-traening"]),
        required=True,
        read=tuple,
    )
    """Content elements used (codes from :data:`videre.core.vocab.CONTENT_ELEMENTS`)."""
    source: Source = row(
        "kilde",
        seed_source_schema("Kildedokumentet. For et konstrueret eksempel: det, eksemplet bygger på."),
        required=True,
        read=read_seed_source,
    )
    file: Path = field(compare=False)

    @property
    def url(self) -> str:
        return f"sager/{self.slug}/"

    @staticmethod
    def described(text: str) -> bool:
        return text.strip() != NOT_DESCRIBED


def case_schema(register: S.RegisterView) -> S.Schema:
    body = fields.object_schema(
        Case,
        "Eksempel på et forløb",
        "En anonym historie om en borgers vej fra psykiatrien til kommunen.",
        renamed={"resume": "resumé", "forloeb_i_kommunen": "forløb_i_kommunen", "typer": "tilbudstyper"},
    )
    return S.document(
        KIND, "Eksempel på et forløb", "Et anonymt eksempel. Filen ligger i data/cases/<eksempel>.yaml.", body
    )


def build_case(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Case:
    return fields.build(Case, data, KIND, slug=slugs[0], file=file)
