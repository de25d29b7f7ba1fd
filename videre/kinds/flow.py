"""The patient's path from the psychiatric hospital to rehabilitation in the municipality, as data.

One file, ``data/flow.yaml``, holds the flow diagram of S001 Bilag 1 (lines
1098–1306): lanes, steps with details, remarks and source lines, the decision
point with its criteria and its YES and NO branches, the arrows between steps
(the readmission loop and the final status back to the GP included), and a
plain-language version for patients. Pages: :mod:`videre.pages.flow` (the
diagram, print versions, the patient version) and :mod:`videre.pages.decision`
(the decision aid reads the criteria from here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.fields import Group, row
from ..core.validate import closest
from ..core.yamlsource import Document, dotted
from .context import Context
from .sources import Source, guidance_pages, page_title, read_seed_source, seed_source_schema

KIND = "flow"
FLOW_FILE = "flow.yaml"

STEP_KINDS = {"trin": "Et trin i forløbet", "beslutning": "Et beslutningspunkt med JA og NEJ"}
ID_PATTERN = r"^[A-Z][A-Z0-9]{0,9}$"
PAGE_PATTERN = r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$"
PATIENT_STEPS = (4, 6)
"""The patient version has between four and six big steps."""
MAX_LANES = 3


# ---------------------------------------------------------------- records: each class is its field table


@dataclass(frozen=True)
class Lane:
    id: str = row(
        "id",
        S.slug("Id", "Kort id, som trinnene henviser til.", "sygehus"),
        required=True,
    )
    title: str = row("titel", S.text("Titel", "Banens navn.", "Psykiatrisygehuset", max_length=60), required=True)


@dataclass(frozen=True)
class Arrow:
    to: str = row(
        "til",
        {
            "type": "string",
            "title": "Til",
            "pattern": ID_PATTERN,
            "examples": ["H2"],
            "description": "Id på det trin, pilen peger på.",
            "x-hint": "skriv id'et på et trin i listen 'trin', fx 'H2'",
        },
        required=True,
    )
    text: str = row(
        "tekst",
        S.text("Tekst", "Hvad der sker på vejen, kort.", "Planen sendes til kommunen", max_length=120),
        default="",
    )


def _arrow_schema(title: str, description: str) -> S.Schema:
    return fields.object_schema(Arrow, title, description)


read_arrow = fields.reader(Arrow)


@dataclass(frozen=True)
class Criterion:
    code: str = row(
        "kode",
        S.slug("Kode", "Kort kode, som beslutningsstøtten bruger.", "funktionstab"),
        required=True,
    )
    text: str = row(
        "tekst",
        S.text(
            "Tekst",
            "Kriteriet, som det står i diagrammet.",
            "Funktionstab, der hænger sammen med indlæggelsen",
            max_length=120,
        ),
        required=True,
    )
    question: str = row(
        "spørgsmål",
        S.text(
            "Spørgsmål",
            "Kriteriet som et spørgsmål i beslutningsstøtten.",
            "Har patienten mistet funktion, som hænger sammen med indlæggelsen?",
            max_length=160,
        ),
        required=True,
    )
    help: str = row(
        "hjælp",
        S.text(
            "Hjælp",
            "En kort forklaring under spørgsmålet.",
            "Tænk på, hvad patienten kunne før, og hvad der er svært nu.",
            max_length=300,
        ),
        required=True,
    )


@dataclass(frozen=True)
class Step:
    id: str = row(
        "id",
        {
            "type": "string",
            "title": "Id",
            "pattern": ID_PATTERN,
            "examples": ["H1"],
            "description": "Kort id med store bogstaver og tal, fx 'H1' for sygehuset og 'K1' for kommunen.",
            "x-hint": "skriv store bogstaver og tal, fx 'H1'",
        },
        required=True,
    )
    lane: str = row(
        "bane",
        S.slug("Bane", "Id på den bane (sektor), trinnet hører til.", "sygehus"),
        required=True,
    )
    kind: str = row(
        "type", S.coded("Type", "Et almindeligt trin eller et beslutningspunkt.", STEP_KINDS, "trin"), missing="trin"
    )
    title: str = row(
        "titel", S.text("Titel", "Hvad der sker, kort.", "Patienten bliver indlagt", max_length=90), required=True
    )
    details: str = row(
        "uddybning",
        S.text(
            "Uddybning",
            "Hvad trinnet går ud på, med dine egne ord.",
            "Patienten kommer via egen læge, vagtlægen eller lokalpsykiatrien.",
            max_length=400,
        ),
        required=True,
    )
    remarks: str = row(
        "bemærkning",
        S.text(
            "Bemærkning",
            "Det, personalet skal være opmærksomt på.",
            "Patienter i ambulatoriet kan også få en plan.",
            max_length=300,
        ),
    )
    source: Source = row("kilde", seed_source_schema(), required=True, read=read_seed_source)
    guide: str = row(
        "vejledning",
        {
            "type": "string",
            "title": "Vejledning",
            "pattern": PAGE_PATTERN,
            "examples": ["vejledning/frister.md"],
            "description": "Den side under docs/, som trinnet linker til.",
            "x-hint": "skriv stien til en side under docs/, fx 'vejledning/frister.md'",
        },
        required=True,
    )
    """A hand-written page below docs/, e.g. ``vejledning/frister.md``."""
    guide_title: str = row(None)
    """The page's first heading, filled in by :func:`build_flow`."""
    arrows: tuple[Arrow, ...] = row(
        "videre",
        S.array(
            "Videre",
            "Pilene fra trinnet til de næste trin.",
            _arrow_schema("Pil", "En pil til et andet trin."),
            [{"til": "H2"}],
        ),
        read=fields.list_reader(Arrow),
        missing=(),
        default=(),
    )
    criteria: tuple[Criterion, ...] = row(
        "kriterier",
        S.array(
            "Kriterier",
            "Kun i et beslutningspunkt: de kriterier, der vurderes.",
            fields.object_schema(Criterion, "Kriterium", "Et af kriterierne i beslutningspunktet."),
            [
                {
                    "kode": "potentiale",
                    "tekst": "Patientens potentiale",
                    "spørgsmål": "Har patienten potentiale?",
                    "hjælp": "Fx motivation.",
                }
            ],
        ),
        read=fields.list_reader(Criterion),
        missing=(),
        default=(),
    )
    yes: Arrow | None = row(
        "ja",
        _arrow_schema("JA", "Kun i et beslutningspunkt: hvad der sker, når svaret er ja."),
        read=read_arrow,
        missing=None,
        default=None,
    )
    no: Arrow | None = row(
        "nej",
        _arrow_schema("NEJ", "Kun i et beslutningspunkt: hvad der sker, når svaret er nej."),
        read=read_arrow,
        missing=None,
        default=None,
    )

    @property
    def is_decision(self) -> bool:
        return self.kind == "beslutning"

    def edges(self) -> tuple[Arrow, ...]:
        return tuple(a for a in (self.yes, self.no) if a is not None) + self.arrows


@dataclass(frozen=True)
class PatientStep:
    title: str = row("titel", S.text("Titel", "Trinnet i få ord.", "Du bliver indlagt", max_length=60), required=True)
    text: str = row(
        "tekst",
        S.text(
            "Tekst",
            "To til fire korte sætninger til patienten.",
            "Personalet laver en plan for din behandling sammen med dig.",
            max_length=400,
        ),
        required=True,
    )
    covers: tuple[str, ...] = row(
        "dækker",
        {
            "type": "array",
            "title": "Dækker",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": ID_PATTERN},
            "description": "Id'erne på de trin i diagrammet, som trinnet fortæller om.",
            "examples": [["H1", "H2"]],
        },
        required=True,
        read=tuple,
    )
    """The ids of the steps this plain step retells."""


@dataclass(frozen=True)
class Flow:
    GROUPS: ClassVar[tuple[Group, ...]] = (
        Group("patientvej", "Patientversion", "Den samme vej i et almindeligt sprog, til patienten.", required=True),
    )

    title: str = row("titel", S.text("Titel", "Diagrammets titel.", "Patientens vej", max_length=120), required=True)
    description: str = row(
        "beskrivelse",
        S.text(
            "Beskrivelse",
            "Hvad diagrammet viser, i to til tre sætninger.",
            "Diagrammet viser vejen fra indlæggelse til genoptræning i kommunen.",
            max_length=600,
        ),
        required=True,
    )
    source: Source = row(
        "kilde", seed_source_schema("Det dokument, diagrammet bygger på."), required=True, read=read_seed_source
    )
    lanes: tuple[Lane, ...] = row(
        "baner",
        S.array(
            "Baner",
            "Sektorerne, fx sygehuset og kommunen. To eller tre.",
            fields.object_schema(Lane, "Bane", "En sektor i diagrammet."),
            [{"id": "sygehus", "titel": "Psykiatrisygehuset"}],
            min_items=2,
        ),
        required=True,
        read=fields.list_reader(Lane),
    )
    steps: tuple[Step, ...] = row(
        "trin",
        S.array(
            "Trin",
            "Trinnene i den rækkefølge, de skal læses.",
            fields.object_schema(Step, "Trin", "Et trin i patientens vej."),
            [{"id": "H1"}],
            min_items=2,
        ),
        required=True,
        read=fields.list_reader(Step),
    )
    patient_title: str = row(
        "patientvej.titel",
        S.text("Titel", "Sidens titel.", "Din vej fra psykiatrien til genoptræning i kommunen", max_length=120),
        required=True,
    )
    patient_intro: str = row(
        "patientvej.intro",
        S.text("Intro", "En til to sætninger før trinnene.", "Her kan du se, hvad der sker.", max_length=300),
        required=True,
    )
    patient_steps: tuple[PatientStep, ...] = row(
        "patientvej.trin",
        S.array(
            "Trin",
            f"Fra {PATIENT_STEPS[0]} til {PATIENT_STEPS[1]} store trin.",
            fields.object_schema(
                PatientStep,
                "Trin for patienten",
                "Et stort trin i et almindeligt sprog, i du-form.",
                renamed={"daekker": "dækker"},
            ),
            [{"titel": "Du bliver indlagt"}],
            min_items=PATIENT_STEPS[0],
        ),
        required=True,
        read=fields.list_reader(PatientStep),
    )
    file: Path = field(compare=False)

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def number(self, step_id: str) -> int:
        """The step's number as readers see it: its place in the file, from 1."""
        return next(i for i, s in enumerate(self.steps, 1) if s.id == step_id)

    @property
    def decision(self) -> Step | None:
        return next((s for s in self.steps if s.is_decision), None)

    def lane(self, lane_id: str) -> Lane:
        return next(lane for lane in self.lanes if lane.id == lane_id)


def flow_schema(register: S.RegisterView) -> S.Schema:
    body = fields.object_schema(Flow, "Patientens vej", "Flowdiagrammet fra psykiatrisygehuset til kommunen.")
    return S.document(KIND, "Patientens vej", "Flowdiagrammet for patientens vej. Filen ligger i data/flow.yaml.", body)


def build_flow(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Flow:
    """The flow from its table; each step also gets its guidance page's title, read from docs/."""
    flow = fields.build(Flow, data, KIND, file=file)
    return replace(flow, steps=tuple(replace(s, guide_title=page_title(ctx.data_dir, s.guide)) for s in flow.steps))


# ---------------------------------------------------------------- checks


def _unknown_step(document: Document, value: str, at: tuple[Any, ...], ids: list[str]) -> Problem:
    guess = closest(value, ids)
    return document.problem_at(
        at,
        "ukendt-reference",
        f"'{dotted(at)}' henviser til trinnet '{value}', som ikke findes",
        f"mente du '{guess}'?" if guess else f"brug et id fra listen 'trin': {', '.join(ids[:8])}",
    )


def check_flow(flow: Flow, document: Document, ctx: Context) -> Iterable[Problem]:
    ids = [s.id for s in flow.steps]
    lanes = [lane.id for lane in flow.lanes]
    pages = guidance_pages(ctx.data_dir)
    if len(flow.lanes) > MAX_LANES:
        yield document.problem_at(
            ("baner",),
            "for-mange",
            f"'baner' har {len(flow.lanes)} baner, højst {MAX_LANES}",
            "slå baner sammen; diagrammet kan kun vise to eller tre side om side",
        )
    for index, lane_id in enumerate(lanes):
        if lane_id in lanes[:index]:
            yield document.problem_at(
                ("baner", index, "id"), "dublet-id", f"banen '{lane_id}' findes to gange", "giv hver bane sit eget id"
            )
    for index, step in enumerate(flow.steps):
        at = ("trin", index)
        if step.id in ids[:index]:
            yield document.problem_at(
                (*at, "id"),
                "dublet-id",
                f"trinnet '{step.id}' findes allerede (trin[{ids.index(step.id)}])",
                "giv hvert trin sit eget id",
            )
        if step.lane not in lanes:
            guess = closest(step.lane, lanes)
            yield document.problem_at(
                (*at, "bane"),
                "ukendt-reference",
                f"'trin[{index}].bane' henviser til banen '{step.lane}', som ikke findes",
                f"mente du '{guess}'?" if guess else f"brug en af banerne: {', '.join(lanes)}",
            )
        if step.guide not in pages:
            guess = closest(step.guide, pages)
            yield document.problem_at(
                (*at, "vejledning"),
                "ukendt-reference",
                f"'trin[{index}].vejledning' henviser til siden '{step.guide}', som ikke findes i docs/",
                f"mente du '{guess}'?" if guess else "skriv stien til en side under docs/, fx 'vejledning/frister.md'",
            )
        yield from _check_kind(document, step, at)
        for key, arrow in (("ja", step.yes), ("nej", step.no)):
            if arrow is not None and arrow.to not in ids:
                yield _unknown_step(document, arrow.to, (*at, key, "til"), ids)
        for number, arrow in enumerate(step.arrows):
            if arrow.to not in ids:
                yield _unknown_step(document, arrow.to, (*at, "videre", number, "til"), ids)
        codes = [c.code for c in step.criteria]
        for number, code in enumerate(codes):
            if code in codes[:number]:
                yield document.problem_at(
                    (*at, "kriterier", number, "kode"),
                    "dublet-id",
                    f"kriteriet '{code}' findes to gange",
                    "giv hvert kriterium sin egen kode",
                )
    low, high = PATIENT_STEPS
    if len(flow.patient_steps) > high:
        yield document.problem_at(
            ("patientvej", "trin"),
            "for-mange",
            f"'patientvej.trin' har {len(flow.patient_steps)} trin, højst {high}",
            f"slå trin sammen; patienten skal kunne overskue {low} til {high} store trin",
        )
    for index, plain_step in enumerate(flow.patient_steps):
        for number, step_id in enumerate(plain_step.covers):
            if step_id not in ids:
                yield _unknown_step(document, step_id, ("patientvej", "trin", index, "dækker", number), ids)


def _check_kind(document: Document, step: Step, at: tuple[Any, ...]) -> Iterable[Problem]:
    name = f"trin[{at[1]}]"
    if step.is_decision:
        for key, present in (("kriterier", step.criteria), ("ja", step.yes), ("nej", step.no)):
            if not present:
                yield document.problem_at(
                    at,
                    "mangler-felt",
                    f"beslutningspunktet '{name}' mangler feltet '{key}'",
                    f"tilføj '{key}' under trinnet '{step.id}'",
                )
        if step.arrows:
            yield document.problem_at(
                (*at, "videre"),
                "ugyldig-værdi",
                f"beslutningspunktet '{name}' har 'videre'; det skal have 'ja' og 'nej'",
                "flyt pilene til 'ja' og 'nej'",
            )
    else:
        for key, present in (("kriterier", step.criteria), ("ja", step.yes), ("nej", step.no)):
            if present:
                yield document.problem_at(
                    (*at, key),
                    "ugyldig-værdi",
                    f"'{name}.{key}' bruges kun i et beslutningspunkt",
                    "tilføj 'type: beslutning' til trinnet, eller slet feltet",
                )
