"""Case examples: one anonymous story per file in ``data/cases/<slug>.yaml``.

Two cases retell S001 Bilag 2 (lines 1327–1443); others are constructed to
illustrate, and say so (``konstrueret: true`` gives the badge "Konstrueret
eksempel"). Where the source does not describe something, the field says
:data:`NOT_DESCRIBED` instead of inventing it. Every text is checked for
e-mail addresses and phone numbers (rule ``personoplysning``) on top of the
CPR check all text gets. Pages: :mod:`videre.pages.cases`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..core import schema as S
from ..core import vocab
from .sources import Source, source
from .context import Context

CASES_DIR = "cases"
NOT_DESCRIBED = "Ikke beskrevet i kilden."
"""What a retold case says where its source is silent."""


@dataclass(frozen=True)
class Case:
    slug: str
    title: str
    summary: str
    constructed: bool
    problems: tuple[str, ...]
    signs: tuple[str, ...]
    """Signs and situations the story shows (codes from :data:`videre.core.vocab.SIGNS`); search finds the case by them."""
    situation: str
    domains: tuple[str, ...]
    loss: str
    why: str
    course: str
    outcome: str
    kinds: tuple[str, ...]
    """Offer kinds used (codes from :data:`videre.core.vocab.OFFER_KINDS`)."""
    elements: tuple[str, ...]
    """Content elements used (codes from :data:`videre.core.vocab.CONTENT_ELEMENTS`)."""
    source: Source
    file: Path = field(compare=False)

    @property
    def url(self) -> str:
        return f"sager/{self.slug}/"

    @staticmethod
    def described(text: str) -> bool:
        return text.strip() != NOT_DESCRIBED


def _anonymous(schema: S.Schema) -> S.Schema:
    return {**schema, "x-anonym": True}


def _story(title: str, description: str, example: str, max_length: int = 1200) -> S.Schema:
    return _anonymous(S.text(title, description + f" Skriv '{NOT_DESCRIBED}', hvis kilden ikke siger det.",
                             example, max_length=max_length, markdown=True))


def case_schema(register: S.RegisterView) -> S.Schema:
    body = S.obj("Eksempel på et forløb", "En anonym historie om en borgers vej fra psykiatrien til kommunen.", {
        "titel": _anonymous(S.text("Titel", "Et opdigtet fornavn eller en kort beskrivelse, alder og problem.",
                                   "Sonja, 38 år, med depression", max_length=100)),
        "resumé": _anonymous(S.text("Resumé", "To korte sætninger til oversigten.",
                                    "Sonja kan ikke længere overskue sin hverdag.", max_length=300)),
        "konstrueret": {"type": "boolean", "title": "Konstrueret",
                        "description": ("Sæt 'true', hvis historien er opdigtet for at illustrere. "
                                        "Siden viser så mærket 'Konstrueret eksempel'."),
                        "examples": [False]},
        "problemer": S.coded_list("Problemer", "Borgerens vanskeligheder.", vocab.PROBLEMS, ["depression"]),
        "tegn": S.coded_list("Tegn", ("Det, historien viser: symptomer og situationer i hverdagen. "
                                      "Søgningen finder eksemplet på dem og på de ord, personalet bruger om dem."),
                             vocab.SIGNS, ["soevnproblemer", "isolation"]),
        "situation": _story("Situation", "Borgerens baggrund og hvorfor hun eller han blev indlagt.",
                            "Sonja har været i psykiatrien længe."),
        "funktionstab": S.obj("Funktionstab", "Hvilken funktion borgeren har mistet.", {
            "områder": S.coded_list("Områder", "Områderne for funktionstabet.", vocab.FUNCTION_DOMAINS,
                                    ["kognitiv", "aktivitet"]),
            "beskrivelse": _story("Beskrivelse", "Hvad borgeren ikke længere kan.",
                                  "Hun har svært ved at komme i gang med rengøring."),
        }, required=("områder", "beskrivelse"), renamed={"omraader": "områder"}),
        "hvorfor_gop": _story("Hvorfor en genoptræningsplan", "Begrundelsen for planen.",
                              "Hun har brug for støtte til at planlægge sin hverdag."),
        "forløb_i_kommunen": _story("Forløbet i kommunen", "Hvad kommunen gjorde, og hvem der var med.",
                                    "Ergoterapeuten var tovholder."),
        "resultat": _story("Resultat", "Hvordan det gik.", "Hun har fået bedre struktur på dagen."),
        "tilbudstyper": S.coded_list("Tilbudstyper", "De typer tilbud, borgeren brugte.", vocab.OFFER_KINDS,
                                     ["genoptraening"]),
        "indhold": S.coded_list("Indhold", "Det, der blev arbejdet med.", vocab.CONTENT_ELEMENTS,
                                ["kognitiv-traening"]),
        "kilde": S.seed_source("Kildedokumentet. For et konstrueret eksempel: det, eksemplet bygger på."),
    }, required=("titel", "resumé", "konstrueret", "problemer", "situation", "funktionstab", "hvorfor_gop",
                 "forløb_i_kommunen", "resultat", "tilbudstyper", "indhold", "kilde"),
        renamed={"resume": "resumé", "forloeb_i_kommunen": "forløb_i_kommunen",
                 "typer": "tilbudstyper"})
    return S.document("sag", "Eksempel på et forløb",
                      "Et anonymt eksempel. Filen ligger i data/cases/<eksempel>.yaml.", body)


def build_case(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Case:
    loss = data["funktionstab"]
    return Case(slug=slugs[0], title=data["titel"], summary=data["resumé"], constructed=data["konstrueret"],
                problems=tuple(data["problemer"]), signs=tuple(data.get("tegn", ())), situation=data["situation"], domains=tuple(loss["områder"]),
                loss=loss["beskrivelse"], why=data["hvorfor_gop"], course=data["forløb_i_kommunen"],
                outcome=data["resultat"], kinds=tuple(data["tilbudstyper"]), elements=tuple(data["indhold"]),
                source=source(data["kilde"]), file=file)
