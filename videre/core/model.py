"""Typed, frozen records. Builders and exports only ever see these.

Values are cleaned once, at the edge (:mod:`videre.kinds.registry`), after validation:
dates are ``datetime.date``, lists are tuples, and optional text is ``""``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from . import fields, urls, vocab
from . import schema as S
from .fields import Ask, Facet, Group, Taxonomy, row
from .text import plain


@dataclass(frozen=True)
class Period:
    """Days on which a fact holds, both ends included; ``None`` is an open end."""

    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def nearest(self, day: dt.date) -> dt.date:
        """``day`` itself when the period holds it, else the period's closest day."""
        if self.start is not None and day < self.start:
            return self.start
        if self.end is not None and day > self.end:
            return self.end
        return day


ALWAYS = Period()


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _iso_or_none(day: dt.date | None) -> str | None:
    """An optional date: null in JSON when the record has none (a page that shows no date)."""
    return day.isoformat() if day is not None else None


def _codes(values: tuple[str, ...]) -> str:
    return "|".join(values)


def _same(value: str) -> str:
    return value


def _summary(description: str) -> str:
    """A card's text in the directory: the description's first 160 characters, cut between words."""
    summary = plain(description)
    return summary if len(summary) <= 160 else summary[:157].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class Verified:
    """A human's confirmation against a real source. Examples never have one."""

    date: dt.date = row(
        "dato",
        S.date("Dato", "Datoen for seneste kontrol. Må ikke ligge i fremtiden."),
        required=True,
        read=dt.date.fromisoformat,
        write=_iso,
    )
    by: str = row(
        "af",
        S.text(
            "Af",
            "Den rolle eller enhed, der tjekkede. Aldrig en persons navn.",
            "Træning og Rehabilitering",
            max_length=120,
        ),
        required=True,
        ask=Ask(
            "Hvem har tjekket oplysningerne",
            "rollen eller enheden, fx 'Træning og Rehabilitering'",
            "hvem der har tjekket oplysningerne (rolle eller enhed)",
        ),
    )

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> Verified | None:
        """A record's ``sidst_bekræftet``; ``None`` for an example, which has none."""
        return read_verified(data)


read_verified = fields.reader(Verified)

VERIFIED_SCHEMA = fields.object_schema(
    Verified,
    "Sidst bekræftet",
    (
        "Hvornår og af hvem oplysningerne sidst blev bekræftet af dem, der driver tilbuddet, eller af kommunen "
        "for dens egne kontakter. Må ikke stå i et eksempel. Uden den skal posten have en 'kilde' med den "
        "offentlige side, oplysningerne er læst på."
    ),
)


def confirmed(record: Any) -> Verified | None:
    """Who confirmed a record and when, or ``None``: an example is never presented as confirmed."""
    return None if getattr(record, "example", False) else getattr(record, "verified", None)


@dataclass(frozen=True)
class Source:
    """The public page a record's facts were read from: not a confirmation by those who run the offer."""

    url: str = row(
        "url",
        S.https_link(
            "Adresse",
            "Adressen på den offentlige side, oplysningerne er læst på.",
            "https://www.kommune.example.org/genoptraening",
        ),
        required=True,
    )
    read: dt.date = row(
        "læst",
        {
            **S.date("Læst", "Den dag, siden blev læst. Må ikke ligge i fremtiden."),
            "x-no-future-hint": "skriv den dag, du læste siden",
        },
        required=True,
        read=dt.date.fromisoformat,
        write=_iso,
    )
    page_date: dt.date | None = row(
        "sidens_dato",
        {
            **{
                k: v
                for k, v in S.date(
                    "Sidens dato",
                    "Den dato, siden selv viser, fx 'Sidst opdateret'. Udelad feltet, hvis siden ikke viser en dato.",
                ).items()
                if k != "x-no-future"
            },
            "x-not-after": "læst",
        },
        read=dt.date.fromisoformat,
        write=_iso_or_none,
        missing=None,
        default=None,
    )

    @property
    def host(self) -> str:
        """The page's host, e.g. 'www.nyborg.dk', shown beside the link so the reader sees whose page it is."""
        return self.url.split("://", 1)[-1].split("/", 1)[0]


def read_source(value: Any) -> Source | str:
    """A record's ``kilde``: a :class:`Source` (the object form), or an example's note (the text form)."""
    return fields.build(Source, value) if isinstance(value, Mapping) else str(value)


read_source.record_class = Source  # type: ignore[attr-defined]

SOURCE_SCHEMA: S.Schema = {
    **fields.object_schema(
        Source,
        "Kilde",
        (
            "Den offentlige side, oplysningerne er læst på: adressen, den dag siden blev læst, og den dato siden "
            "selv viser. En post med kilde og uden 'sidst_bekræftet' vises som 'ikke bekræftet'. "
            "Et eksempel har i stedet en kort tekst om, hvad det bygger på."
        ),
    ),
    "type": ["object", "string"],
    "minLength": 1,
    "maxLength": 300,
}
"""``kilde``: an object (url, læst, sidens_dato) for a record read from a public page, or a short text for an
example. The confirmation rule (:data:`videre.core.schema.CONFIRMATION_RULE`) says which form a record needs."""


def source_page(record: Any) -> Source | None:
    """The public page a record was read from; ``None`` for an example's note or a record without one."""
    source = getattr(record, "source", None)
    return source if isinstance(source, Source) else None


def source_note(record: Any) -> str:
    """An example's text ``kilde`` (what it is built on); empty for the object form."""
    source = getattr(record, "source", "")
    return source if isinstance(source, str) else ""


def record_state(record: Any) -> str:
    """The one state of a confirmable record: an example, read from a public page, or confirmed.

    Every page, export, list and check asks here. The validator makes sure each record is in exactly one:
    ``eksempel: true`` has no ``sidst_bekræftet`` and no source object; any other record has
    ``sidst_bekræftet`` or a ``kilde`` object. A record of a kind without the three (a case, a flow) has none:
    ''."""
    if getattr(record, "example", False):
        return vocab.STATE_EXAMPLE
    if getattr(record, "verified", None) is not None:
        return vocab.STATE_CONFIRMED
    return vocab.STATE_SOURCED if source_page(record) is not None else ""


def keeper_kind(record: Any) -> str:
    """Whose page a sourced record was read from, for its badge: 'kommune', 'partner' or 'region'.

    The owner's kind decides, except that a page on a region's own domain (e.g. PsykInfo's, run by Region
    Syddanmark) is the region's, and a department's is always the region's."""
    page = source_page(record)
    if isinstance(record, Department) or (page is not None and "region" in page.host.rsplit(".", 2)[-2]):
        return "region"
    if isinstance(record, Partner) or getattr(record, "owner_kind", "") == "partner":
        return "partner"
    return "kommune"


def state_badge(record: Any) -> str:
    """The visible mark of a record's state: the example badge, the 'from a public page' badge, or ''."""
    state = record_state(record)
    if state == vocab.STATE_EXAMPLE:
        return vocab.EXAMPLE_BADGE
    if state == vocab.STATE_SOURCED:
        return vocab.SOURCED_BADGES[keeper_kind(record)]
    return ""


def editor_url(record: Any) -> str:
    """The record in the form at /redaktion/ (site-relative), where its owner confirms or corrects it."""
    if isinstance(record, Offer):
        collection = (
            urls.municipal_offers_collection(record.owner)
            if record.owner_kind == "kommune"
            else urls.partner_offers_collection(record.owner)
        )
    elif isinstance(record, Partner):
        collection = urls.PARTNERS_COLLECTION
    elif isinstance(record, MunicipalContacts):
        collection = urls.CONTACTS_COLLECTION
    else:
        collection = urls.DEPARTMENTS_COLLECTION
    return urls.editor_entry(collection, record.file.stem)


def _source_cells(source: Source | str) -> tuple[str, str, str]:
    if not isinstance(source, Source):
        return "", "", ""
    return source.url, source.read.isoformat(), source.page_date.isoformat() if source.page_date else ""


def _confirmation_cells(checked: Verified | None) -> tuple[str, str]:
    return (checked.date.isoformat(), checked.by) if checked is not None else ("", "")


def _confirmation_json(checked: Verified | None) -> dict[str, str] | None:
    # An example has no confirmation: null, never a date or a unit that would look like one.
    return fields.to_json(checked) if checked is not None else None


def confirmation_rows(*, offer: bool = False) -> dict[str, Any]:
    """The trailer rows every confirmable record ends with: sidst_bekræftet, eksempel, kilde.

    An offer's also have CSV columns and the wizard's switch."""
    csv = offer
    return dict(
        verified=row(
            S.VERIFIED_FIELD,
            VERIFIED_SCHEMA,
            read=read_verified,
            missing=None,
            get=confirmed,
            write=_confirmation_json,
            csv=(
                ("sidst_bekræftet", lambda c: _confirmation_cells(c)[0]),
                ("bekræftet_af", lambda c: _confirmation_cells(c)[1]),
            )
            if csv
            else (),
        ),
        example=row(
            S.EXAMPLE_FIELD,
            S.EXAMPLE_FLAG,
            read=bool,
            missing=False,
            short="x" if offer else "",
            csv=(("eksempel", lambda e: "ja" if e else "nej"),) if csv else (),
            ask=Ask(flag_help="oplysningerne er ikke tjekket mod en rigtig kilde") if offer else None,
        ),
        source=row(
            "kilde",
            SOURCE_SCHEMA,
            read=read_source,
            csv=(
                ("kilde_url", lambda s: _source_cells(s)[0]),
                ("kilde_læst", lambda s: _source_cells(s)[1]),
                ("kilde_sidens_dato", lambda s: _source_cells(s)[2]),
            )
            if csv
            else (),
        ),
    )


STATE_ROW = fields.derived_row(
    "status",
    record_state,
    csv=(("status", _same),),
    taxonomy=Taxonomy("Videre: status", "status"),
    labels={code: vocab.RECORD_STATES[code] for code in (vocab.STATE_EXAMPLE, vocab.STATE_SOURCED)},
)
"""The record's state (:func:`record_state`) in the exports: not in the YAML, worked out from the trailer.
As an HSDS attribute only while no one who runs the record has confirmed it."""


def _sourced_badge(record: Any) -> str:
    return state_badge(record) if record_state(record) == vocab.STATE_SOURCED else ""


DIRECTORY_ROWS = (
    fields.derived_row(
        None,
        lambda o: o.age_groups,
        attr="age_groups",
        short="a",
        facet=Facet("alder", "Alder", "Alle aldre", 1, patient=True),
        labels={code: text for code, text, _, _ in vocab.AGE_GROUPS},
    ),
    fields.derived_row(None, _sourced_badge, attr="sourced_badge", short="q"),
    fields.derived_row(None, lambda o: o.url, attr="url", short="u"),
)
"""What the directory shows of an offer besides its YAML fields: its age groups (from the ages), the badge of
a record read from a public page, and its address."""


@dataclass(frozen=True)
class Contact:
    role: str = row(
        "rolle",
        S.text(
            "Rolle", "Rollen eller funktionen, der svarer.", "Visitator i Træning og Rehabilitering", max_length=120
        ),
        required=True,
        ask=Ask("Kontaktens rolle", "fx 'Visitator'. Aldrig en persons navn", "kontaktens rolle, fx 'Visitator'"),
    )
    unit: str = row(
        "enhed",
        S.text("Enhed", "Afdelingen eller enheden.", "Træning og Rehabilitering", max_length=120),
        default="",
        ask=Ask(flag_help="kontaktens enhed"),
    )
    phone: str = row(
        "telefon", S.phone(), default="", ask=Ask(flag_help="telefonnummer med 8 cifre, fx '+45 NN NN NN NN'")
    )
    email: str = row(
        "email",
        S.email("E-mail", "En fælles funktionsadresse.", "kontakt@kommune.example.org"),
        default="",
        ask=Ask("Fælles e-mailadresse", "tryk Enter for at springe over", "fælles e-mailadresse"),
    )
    secure_mail: str = row(
        "sikker_post",
        S.email(
            "Sikker post", "Adresse til sikker e-mail med personfølsomme oplysninger.", "sikkerpost@kommune.example.org"
        ),
        default="",
    )
    hours: str = row(
        "tider",
        S.text("Træffetider", "Hvornår man kan ringe eller komme.", "Hverdage kl. 8–15", max_length=120),
        default="",
    )


read_contact = fields.reader(Contact)

CONTACT_SCHEMA = fields.object_schema(
    Contact,
    "Kontakt",
    "Hvem man kontakter. Skriv en rolle og fælles adresser, aldrig en privatpersons navn.",
    renamed={**S.PERSON_FIELDS, "telefon_nr": "telefon", "tlf": "telefon", "mail": "email", "e-mail": "email"},
)


@dataclass(frozen=True)
class Place:
    name: str = row("navn", S.text("Navn", "Stedets navn.", "Sundhedshuset", max_length=120), default="")
    address: str = row("adresse", S.text("Adresse", "Vej og nummer.", "Eksempelvej 1", max_length=120), default="")
    postcode: str = row(
        "postnr",
        {
            "type": "string",
            "title": "Postnummer",
            "pattern": r"^[0-9]{4}$",
            "description": "Fire cifre. Sæt anførselstegn om, fx '6700'.",
            "examples": ["6700"],
            "x-hint": "skriv fire cifre i anførselstegn, fx '6700'",
        },
        default="",
    )
    city: str = row("by", S.text("By", "Byens navn.", "Esbjerg", max_length=60), default="")

    def one_line(self) -> str:
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.name, self.address, town) if p)


PLACE_SCHEMA = fields.object_schema(Place, "Sted", "Hvor tilbuddet foregår.")


def _read_place(data: Mapping[str, Any]) -> Place:
    return fields.build(Place, data)


def _contact_cells() -> tuple[tuple[str, Any], ...]:
    return (
        ("kontakt_rolle", lambda c: c.role),
        ("kontakt_telefon", lambda c: c.phone),
        ("kontakt_email", lambda c: c.email),
        ("kontakt_sikker_post", lambda c: c.secure_mail),
    )


@dataclass(frozen=True)
class Offer:
    """An offer from a municipality (owner_kind 'kommune') or a partner ('partner').

    The class is the offer's field table: each row is the single place that spells a field
    (see :mod:`videre.core.fields`)."""

    DERIVED: ClassVar[tuple[fields.Field, ...]] = (STATE_ROW, *DIRECTORY_ROWS)
    GROUPS: ClassVar[tuple[Group, ...]] = (
        Group("målgruppe", "Målgruppe", "Hvem tilbuddet er til.", required=True),
        Group("målgruppe.alder", "Alder", "Aldersgrænser for målgruppen, begge tal medregnet.", required=True),
    )

    id: str = row(None)
    slug: str = row(None)
    owner_kind: str = row(None)
    owner: str = row(None)
    title: str = row(
        "titel",
        S.text(
            "Titel",
            "Tilbuddets navn, kort og klart.",
            "Genoptræning efter indlæggelse i psykiatrien",
            min_length=3,
            max_length=120,
        ),
        required=True,
        csv=(("titel", _same),),
        short="t",
        ask=Ask("Tilbuddets titel", "kort og klart, fx 'Genoptræning efter indlæggelse'", None),
    )
    alt_names: tuple[str, ...] = row(
        "andre_navne",
        S.alt_names(
            ["Internetpsykiatrien"],
            "Andre navne, personalet kender tilbuddet under: det korte navn, forkortelsen eller "
            "det gamle navn. Søgningen finder tilbuddet under hvert af dem.",
        ),
        read=tuple,
        missing=(),
    )
    kind: str = row(
        "type",
        S.coded("Type", "Hvilken slags tilbud det er.", vocab.OFFER_KINDS, "genoptraening"),
        required=True,
        csv=(("type", _same),),
        short="k",
        facet=Facet("type", "Type tilbud", "Alle typer", 3),
        taxonomy=Taxonomy("Videre: type tilbud", "service_type"),
        ask=Ask("Type", "én værdi", f"én af: {', '.join(vocab.OFFER_KINDS)}"),
    )
    description: str = row(
        "beskrivelse",
        S.text(
            "Beskrivelse",
            "Hvad borgeren får, i et almindeligt sprog. Korte sætninger. "
            "Du må bruge **fed**, *kursiv*, lister med '- ' og links.",
            "Du træner sammen med en ergoterapeut hjemme, udendørs eller på centret.",
            max_length=1500,
            markdown=True,
        ),
        required=True,
        csv=(("beskrivelse", plain),),
        short="b",
        compact=_summary,
        ask=Ask("Beskrivelse", "hvad borgeren får, i korte sætninger", None),
    )
    age_from: int = row(
        "målgruppe.alder.fra",
        {
            "type": "integer",
            "title": "Fra",
            "minimum": 0,
            "maximum": 120,
            "examples": [18],
            "description": "Laveste alder.",
        },
        required=True,
        csv=(("alder_fra", str),),
        ask=Ask(flag="alder-fra"),
    )
    age_to: int = row(
        "målgruppe.alder.til",
        {
            "type": "integer",
            "title": "Til",
            "minimum": 0,
            "maximum": 120,
            "examples": [120],
            "description": "Højeste alder. Skriv 120, hvis der ikke er en øvre grænse.",
        },
        required=True,
        csv=(("alder_til", str),),
        ask=Ask(flag="alder-til"),
    )
    problems: tuple[str, ...] = row(
        "målgruppe.problemer",
        S.coded_list("Problemer", "De vanskeligheder, tilbuddet er til.", vocab.PROBLEMS, ["angst", "depression"]),
        required=True,
        read=tuple,
        csv=(("problemer", _codes),),
        short="p",
        facet=Facet("problem", "Problem", "Alle problemer", 2, hidden=(vocab.ALL_PROBLEMS,), patient=True),
        taxonomy=Taxonomy("Videre: problemer", "eligibility"),
        ask=Ask("Problemer", "en eller flere værdier, adskilt af komma", "kommasepareret, fx 'angst,depression'"),
    )
    target_text: str = row(
        "målgruppe.beskrivelse",
        S.text(
            "Beskrivelse",
            "Uddybning af målgruppen med dine egne ord.",
            "Voksne, der har været indlagt i psykiatrien.",
            max_length=500,
        ),
    )
    relatives: bool = row(
        "målgruppe.pårørende",
        {
            "type": "boolean",
            "title": "Også for pårørende",
            "examples": [True],
            "description": "Skriv 'true', hvis pårørende også kan bruge tilbuddet. Et tilbud af typen 'paaroerende' "
            "er altid for pårørende.",
        },
        read=bool,
        missing=False,
        csv=(("for_paaroerende", lambda v: "ja" if v else "nej"),),
        short="r",
        on_card=True,
    )
    elements: tuple[str, ...] = row(
        "indhold",
        S.coded_list(
            "Indhold",
            "Hvad der arbejdes med.",
            vocab.CONTENT_ELEMENTS,
            ["struktur-i-hverdagen", "kognitiv-traening"],
            min_items=0,
        ),
        read=tuple,
        missing=(),
        csv=(("indhold", _codes),),
        taxonomy=Taxonomy("Videre: indhold", "content"),
    )
    modes: tuple[str, ...] = row(
        "form",
        S.coded_list(
            "Form", "Hvor og hvordan tilbuddet foregår.", vocab.DELIVERY_MODES, ["hjemme", "udendoers", "center"]
        ),
        required=True,
        read=tuple,
        csv=(("form", _codes),),
        short="f",
        facet=Facet("form", "Form", "Alle former", 4),
        taxonomy=Taxonomy("Videre: form", "delivery_mode"),
        ask=Ask("Form", "en eller flere værdier, adskilt af komma", "kommasepareret, fx 'hjemme,center'"),
    )
    routes: tuple[str, ...] = row(
        "henvisning",
        S.coded_list("Henvisning", "Hvordan borgeren kommer i gang.", vocab.REFERRAL_ROUTES, ["gop"]),
        required=True,
        read=tuple,
        csv=(("henvisning", _codes),),
        short="h",
        facet=Facet("henvisning", "Henvisning", "Alle veje ind", 5),
        taxonomy=Taxonomy("Videre: henvisning", "referral_route"),
        ask=Ask("Henvisning", "en eller flere værdier, adskilt af komma", "kommasepareret, fx 'gop'"),
    )
    legal_basis: str = row(
        "hjemmel",
        S.coded(
            "Hjemmel",
            "Den lov og paragraf, tilbuddet gives efter. Den afgør vejen ind: § 85 kræver en afgørelse "
            "fra kommunen, § 99 gør ikke. Udelad feltet, hvis du ikke ved det.",
            vocab.LEGAL_BASES,
            "serviceloven-85",
        ),
        csv=(("hjemmel", _same),),
        taxonomy=Taxonomy("Videre: hjemmel", "legal_basis"),
        ask=Ask(flag_help="lov og paragraf, fx 'serviceloven-85'"),
    )
    how_to_refer: str = row(
        "sådan_henviser_du",
        S.text(
            "Sådan henviser du",
            "Konkret: hvad personalet skal gøre.",
            "Send genoptræningsplanen til kommunens sikre post.",
            max_length=600,
            markdown=True,
        ),
    )
    place: Place = row("sted", PLACE_SCHEMA, read=_read_place, missing=Place(), csv=(("sted", Place.one_line),))
    hours: str = row(
        "åbningstider",
        S.text("Åbningstider", "Hvornår tilbuddet er åbent.", "Hverdage kl. 8–15", max_length=200),
        csv=(("åbningstider", _same),),
    )
    cost: str = row(
        "pris", S.text("Pris", "Hvad det koster for borgeren.", "Gratis", max_length=120), csv=(("pris", _same),)
    )
    languages: tuple[str, ...] = row(
        "sprog",
        S.coded_list("Sprog", "Sprog, tilbuddet gives på.", vocab.LANGUAGES, ["da"]),
        read=tuple,
        missing=("da",),
        csv=(("sprog", _codes),),
    )
    accessibility: str = row(
        "tilgængelighed",
        S.text(
            "Tilgængelighed",
            "Adgang for kørestol, hørespole og lignende.",
            "Der er elevator og handicaptoilet.",
            max_length=300,
        ),
    )
    link: str = row(
        "link",
        S.https_link("Link", "Tilbuddets egen side.", "https://kommune.example.org/genoptraening"),
        csv=(("link", _same),),
    )
    contact: Contact = row(
        "kontakt",
        CONTACT_SCHEMA,
        required=True,
        read=read_contact,
        csv=_contact_cells(),
        short="c",
        compact=lambda c: [c.role, c.phone, c.email],
    )
    verified: Verified | None = confirmation_rows(offer=True)["verified"]
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool = confirmation_rows(offer=True)["example"]
    source: Source | str = confirmation_rows(offer=True)["source"]
    coverage: tuple[str, ...] = row(
        "dækning",
        S.coverage_schema,
        required=True,
        read=tuple,
        only=("partnertilbud",),
        csv=(("dækning", _codes),),
        short="d",
    )
    file: Path = field(compare=False)

    @property
    def age_groups(self) -> tuple[str, ...]:
        return vocab.age_groups(self.age_from, self.age_to)

    @property
    def url(self) -> str:
        return urls.offer_page(self.owner, self.slug)


@dataclass(frozen=True)
class Partner:
    slug: str = row(None)
    name: str = row(
        "navn",
        S.text("Navn", "Foreningens fulde navn.", "SIND – Landsforeningen for psykisk sundhed", max_length=120),
        required=True,
    )
    short_name: str = row(
        "kort_navn", S.text("Kort navn", "Det navn, folk kender.", "SIND", max_length=40), required=True
    )
    description: str = row(
        "beskrivelse",
        S.text(
            "Beskrivelse",
            "Hvad foreningen gør, kort.",
            "Foreningen arbejder for mennesker med psykiske vanskeligheder.",
            max_length=1000,
            markdown=True,
        ),
        required=True,
    )
    web: str = row(
        "web", S.https_link("Hjemmeside", "Foreningens egen hjemmeside.", "https://forening.example.org"), required=True
    )
    contact: Contact | None = row("kontakt", CONTACT_SCHEMA, read=read_contact, missing=None)
    verified: Verified | None = confirmation_rows()["verified"]
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool = confirmation_rows()["example"]
    source: Source | str = confirmation_rows()["source"]
    file: Path = field(compare=False)

    @property
    def url(self) -> str:
        return urls.partner_page(self.slug)


def _role(title: str, description: str) -> S.Schema:
    return {**CONTACT_SCHEMA, "title": title, "description": description}


@dataclass(frozen=True)
class MunicipalContacts:
    municipality: str = row(None)
    gop_receiver: Contact = row(
        "gop_modtager",
        _role(
            "Modtager af genoptræningsplaner",
            "Enheden, der modtager genoptræningsplaner: sikker post, telefon og tider.",
        ),
        required=True,
        read=read_contact,
    )
    volunteer_coordinator: Contact | None = row(
        "frivilligkoordinator",
        _role("Frivillighedskoordinator", "Kommunens koordinator for frivillige og foreninger."),
        read=read_contact,
        missing=None,
    )
    depression_coordinator: Contact | None = row(
        "koordinerende_kontaktperson_depression",
        _role("Koordinerende kontaktperson for depression", "Rollen, der samler indsatsen i forløbet for depression."),
        read=read_contact,
        missing=None,
    )
    verified: Verified | None = confirmation_rows()["verified"]
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool = confirmation_rows()["example"]
    source: Source | str = confirmation_rows()["source"]
    file: Path = field(compare=False)


def _department_region(register: S.RegisterView) -> S.Schema:
    return {
        "type": "string",
        "title": "Region",
        "enum": [c.removeprefix("region-") for c in register.region_coverage_codes()],
        "examples": ["syddanmark"],
        "description": "Regionens slug.",
    }


def _served(register: S.RegisterView) -> S.Schema:
    return {
        "type": "array",
        "title": "Betjener kommunerne",
        "description": "Kommunerne, afdelingen modtager patienter fra.",
        "items": {"type": "string", "enum": list(register.municipality_slugs())},
        "minItems": 1,
        "uniqueItems": True,
        "examples": [["esbjerg", "fanoe", "varde"]],
    }


@dataclass(frozen=True)
class Department:
    slug: str = row(None)
    name: str = row(
        "navn", S.text("Navn", "Afdelingens navn.", "Psykiatrisk Afdeling Esbjerg", max_length=120), required=True
    )
    region: str = row("region", _department_region, required=True)
    therapy_unit: Contact = row(
        "terapienhed",
        _role("Terapienhed", "Ergo- og fysioterapeuterne, der skriver genoptræningsplaner."),
        required=True,
        read=read_contact,
    )
    serves: tuple[str, ...] = row("betjener", _served, required=True, read=tuple)
    verified: Verified | None = confirmation_rows()["verified"]
    """Who confirmed the record and when; ``None`` for an example (``eksempel: true``)."""
    example: bool = confirmation_rows()["example"]
    source: Source | str = confirmation_rows()["source"]
    file: Path = field(compare=False)
