"""The record format: one JSON Schema per record kind, built from one place.

The schemas are the single source of truth. They are published with the site
(for editors and other systems), rendered into the field reference page, and
compiled directly by :mod:`videre.core.validate`. Nothing else describes fields.

Keywords beyond JSON Schema carry an ``x-`` prefix, which validators and
editors ignore:

``x-markdown``   free text where the small Markdown subset is allowed;
``x-renamed``    old field names and their new names, for a helpful message;
``x-hint``       the fix shown to the contributor when the value is wrong;
``x-no-future``  a date that may not lie after the build date;
``x-no-future-hint``  the fix for such a date, when the general one does not fit;
``x-not-after``  a date that may not lie after the named sibling date;
``x-type-hint``  the fix when the value has the wrong type, when the general one does not fit.

One rule spans three fields and is written in standard ``if``/``then``/``else``
(:data:`CONFIRMATION_RULE`): an example has no ``sidst_bekræftet``; a confirmed
record says when and by whom; every other record names the public page it was
read from. A record no one has checked must never look checked.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from . import vocab

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE_URL = "https://videre.example.org/schemas/"
SCHEMA_VERSION = "1.0"

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PHONE_PATTERN = r"^(\+45 ?)?[2-9][0-9]( ?[0-9]{2}){3}$"
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
HTTPS_PATTERN = r"^https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?(/[^\s<>\"]*)?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SITE_PATH_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*/$"
HIDDEN_CHARACTERS = r"\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF"
"""Characters a reader cannot see that change how text reads: the bidi controls (U+061C, U+200E, U+200F,
U+202A–202E, U+2066–2069) can show a title in another order than it is stored, and the zero-width and
invisible characters (U+200B, U+2060–2064, U+FEFF) hide inside words, so two titles that look the same differ.
Kept: U+200D (zero-width joiner), which joins emoji sequences such as 👩‍⚕️, and U+200C, which some scripts
need inside words; neither changes the order of the text."""
VISIBLE_TEXT_PATTERN = f"^[^{HIDDEN_CHARACTERS}]*$"
"""Short text (titles, names, one-line fields) with none of :data:`HIDDEN_CHARACTERS`; the form uses it too."""
VISIBLE_TEXT_HINT = (
    "teksten har et usynligt tegn eller et tegn, der vender skriveretningen; "
    "slet det, fx ved at skrive teksten igen i stedet for at kopiere den"
)
"""An address on the site without the domain and ending in '/', e.g. 'tilbud/esbjerg/genoptraening/'."""

Schema = dict[str, Any]


# ---------------------------------------------------------------- building blocks


def text(
    title: str, description: str, example: str, *, max_length: int = 200, markdown: bool = False, min_length: int = 1
) -> Schema:
    schema: Schema = {
        "type": "string",
        "title": title,
        "description": description,
        "minLength": min_length,
        "maxLength": max_length,
        "examples": [example],
    }
    if markdown:
        schema["x-markdown"] = True
    else:
        schema.update({"pattern": VISIBLE_TEXT_PATTERN, "x-hint": VISIBLE_TEXT_HINT})
    return schema


def coded(title: str, description: str, table: Mapping[str, str], example: str) -> Schema:
    return {
        "type": "string",
        "title": title,
        "description": description,
        "enum": list(table),
        "examples": [example],
        "x-labels": dict(table),
    }


def coded_list(
    title: str, description: str, table: Mapping[str, str], example: list[str], *, min_items: int = 1
) -> Schema:
    return {
        "type": "array",
        "title": title,
        "description": description,
        "items": {"type": "string", "enum": list(table), "x-labels": dict(table)},
        "minItems": min_items,
        "uniqueItems": True,
        "examples": [example],
    }


def phone(title: str = "Telefon") -> Schema:
    return {
        "type": "string",
        "title": title,
        "pattern": PHONE_PATTERN,
        "description": "Dansk telefonnummer med 8 cifre, gerne i grupper af to.",
        # A format, not a number: the site never shows invented numbers that could be real.
        "examples": ["+45 NN NN NN NN"],
        "x-hint": "skriv 8 cifre med eller uden +45, i grupper af to, fx '+45 NN NN NN NN' (N er et ciffer)",
    }


def email(title: str, description: str, example: str) -> Schema:
    return {
        "type": "string",
        "title": title,
        "description": description,
        "pattern": EMAIL_PATTERN,
        "maxLength": 120,
        "examples": [example],
        "x-hint": "skriv en fælles funktionsadresse, fx 'genoptraening@kommune.example.org'",
    }


def https_link(title: str, description: str, example: str) -> Schema:
    return {
        "type": "string",
        "title": title,
        "description": description,
        "pattern": HTTPS_PATTERN,
        "maxLength": 300,
        "examples": [example],
        "x-hint": "skriv hele adressen med 'https://' foran",
    }


def slug(title: str, description: str, example: str, hint: str = "") -> Schema:
    """A short name of small letters, digits and hyphens: a record's id, or the slug of another record."""
    schema: Schema = {
        "type": "string",
        "title": title,
        "pattern": SLUG_PATTERN,
        "examples": [example],
        "description": description,
    }
    if hint:
        schema["x-hint"] = hint
    return schema


def date(title: str, description: str) -> Schema:
    return {
        "type": "string",
        "title": title,
        "description": description,
        "pattern": DATE_PATTERN,
        "format": "date",
        "examples": ["2026-10-01"],
        "x-no-future": True,
        "x-hint": "skriv datoen som ÅÅÅÅ-MM-DD, fx '2026-10-01'",
    }


def obj(
    title: str,
    description: str,
    properties: Mapping[str, Schema],
    required: Iterable[str] = (),
    *,
    renamed: Mapping[str, str] | None = None,
) -> Schema:
    schema: Schema = {
        "type": "object",
        "title": title,
        "description": description,
        "properties": dict(properties),
        "required": list(required),
        "additionalProperties": False,
    }
    if renamed:
        schema["x-renamed"] = dict(renamed)
    return schema


def array(title: str, description: str, items: Schema, example: list[Any], *, min_items: int = 1) -> Schema:
    """A list of objects (a flow's steps, a figure's series), each item one sub-record's schema."""
    return {
        "type": "array",
        "title": title,
        "items": items,
        "minItems": min_items,
        "description": description,
        "examples": [example],
    }


def site_path(title: str, description: str, example: str, hint_example: str) -> Schema:
    """An address on the site without the domain, ending in '/', e.g. 'tilbud/esbjerg/genoptraening/'."""
    return {
        "type": "string",
        "title": title,
        "description": description,
        "pattern": SITE_PATH_PATTERN,
        "maxLength": 200,
        "examples": [example],
        "x-hint": f"skriv adressen uden domæne og med / til sidst, fx '{hint_example}'",
    }


def document(kind: str, title: str, description: str, body: Schema) -> Schema:
    """Turn an object schema into a published top-level schema document."""
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{SCHEMA_BASE_URL}{kind}.schema.json",
        "x-schema-version": SCHEMA_VERSION,
        **body,
        "title": title,
        "description": description,
    }


# ---------------------------------------------------------------- shared parts

VERIFIED_FIELD = "sidst_bekræftet"
EXAMPLE_FIELD = "eksempel"

EXAMPLE_FLAG: Schema = {
    "type": "boolean",
    "title": "Eksempel",
    "description": (
        "Sæt 'true', hvis oplysningerne ikke er tjekket mod en rigtig kilde. "
        "Siden viser så mærket 'Eksempel – ikke bekræftet', og posten må ikke have "
        "'sidst_bekræftet'. Har du læst oplysningerne på en offentlig side, så slet feltet og "
        "udfyld 'kilde'. Har den, der driver tilbuddet, bekræftet dem, så udfyld 'sidst_bekræftet'."
    ),
    "examples": [False],
}

SOURCE_FIELD = "kilde"

CONFIRMATION_RULE: Schema = {
    "if": {"properties": {EXAMPLE_FIELD: {"const": True}}, "required": [EXAMPLE_FIELD]},
    "then": {
        "properties": {
            VERIFIED_FIELD: False,
            SOURCE_FIELD: {
                "type": "string",
                "x-type-hint": (
                    "et eksempel har ingen kildeadresse: skriv i 'kilde' en kort tekst om, hvad eksemplet "
                    "bygger på; er oplysningerne læst på en offentlig side, så slet 'eksempel: true'"
                ),
            },
        },
        "x-hint": (
            "et eksempel er ikke tjekket af nogen, så slet 'sidst_bekræftet' med dato og af; "
            "har du selv tjekket oplysningerne hos kilden, så skriv 'eksempel: false' i stedet"
        ),
    },
    "else": {
        "if": {"required": [VERIFIED_FIELD]},
        "then": {},
        "else": {
            "required": [SOURCE_FIELD],
            "properties": {
                SOURCE_FIELD: {
                    "type": "object",
                    "x-type-hint": (
                        "en post, der hverken er et eksempel eller bekræftet, er læst på en offentlig side: "
                        "skriv 'kilde:' med 'url:' og 'læst:' indrykket under; er oplysningerne ikke "
                        "tjekket, så skriv 'eksempel: true'"
                    ),
                }
            },
            "x-hint": (
                "skriv, hvilken offentlig side oplysningerne er læst på, fx 'kilde: {url: "
                'https://www.kommune.example.org/genoptraening, læst: "2026-10-01"}\'; har den, der driver '
                'tilbuddet, bekræftet dem, så skriv \'sidst_bekræftet: {dato: "2026-10-01", af: '
                "Træning og Rehabilitering}'; er de ikke tjekket, så skriv 'eksempel: true'"
            ),
        },
    },
}
"""Every record is in exactly one state (:func:`videre.core.model.record_state`):

* an example (``eksempel: true``) has no ``sidst_bekræftet``, and its ``kilde`` is at most a short text;
* a confirmed record has ``sidst_bekræftet``; a ``kilde`` may stay beside it;
* any other record is read from a public page and must say which: ``kilde: {url, læst, sidens_dato}``.
"""


def confirmable(body: Schema) -> Schema:
    """Add :data:`CONFIRMATION_RULE` to a record that has ``sidst_bekræftet`` and ``eksempel``."""
    if VERIFIED_FIELD not in body["properties"] or VERIFIED_FIELD in body["required"]:
        raise ValueError(f"'{VERIFIED_FIELD}' must be an optional field before the rule can govern it")
    return {**body, **copy.deepcopy(CONFIRMATION_RULE)}


PERSON_FIELDS = {"navn": "rolle", "person": "rolle", "kontaktperson": "rolle"}
"""Fields that would hold a private person; the message points to a role instead."""


def coverage_schema(register: RegisterView) -> Schema:
    values = [vocab.NATIONWIDE, *register.region_coverage_codes(), *register.municipality_slugs()]
    return {
        "type": "array",
        "title": "Dækning",
        "description": (
            "Hvor tilbuddet findes: 'hele-landet', en region som 'region-syddanmark', "
            "eller kommunernes korte navne (slug), fx 'esbjerg'."
        ),
        "items": {"type": "string", "enum": values},
        "minItems": 1,
        "uniqueItems": True,
        "examples": [["esbjerg", "varde"]],
        "x-hint": "brug 'hele-landet', 'region-<navn>' eller kommunens slug fra data/kommuner.yaml",
    }


class RegisterView:
    """What the schemas need to know about the municipality register."""

    def __init__(self, regions: Iterable[str], municipalities: Iterable[str]):
        self._regions = tuple(regions)
        self._municipalities = tuple(municipalities)

    def region_coverage_codes(self) -> tuple[str, ...]:
        return tuple(f"region-{slug}" for slug in self._regions)

    def municipality_slugs(self) -> tuple[str, ...]:
        return self._municipalities


# ---------------------------------------------------------------- documents per kind


def period_date(title: str, description: str) -> Schema:
    """A date that may lie in the future: the first or last day a fact holds."""
    return {
        "type": "string",
        "title": title,
        "description": description,
        "pattern": DATE_PATTERN,
        "format": "date",
        "examples": ["2027-01-01"],
        "x-hint": "skriv datoen som ÅÅÅÅ-MM-DD, fx '2027-01-01'",
    }


def valid_from(what: str) -> Schema:
    return period_date("Gyldig fra", f"Første dag, {what} gælder. Udelad feltet, hvis det altid har gældt.")


def valid_to(what: str) -> Schema:
    return period_date(
        "Gyldig til", f"Sidste dag, {what} gælder (dagen er med). Udelad feltet, hvis det stadig gælder."
    )


def alt_names(
    example: list[str],
    description: str = "Andre navne, man søger på: gamle officielle stavemåder og kendte korte navne.",
) -> Schema:
    return {
        "type": "array",
        "title": "Andre navne",
        "description": description,
        "items": text("Navn", "Et andet navn.", example[0], max_length=60),
        "minItems": 1,
        "uniqueItems": True,
        "examples": [example],
    }
