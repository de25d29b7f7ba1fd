"""Coded values used in records, with the Danish labels shown on pages.

Codes are lowercase ASCII slugs so they are safe in file names, URLs and CSS
classes; labels carry the Danish spelling. The JSON Schema enums and the
directory facets are both generated from these tables, so they cannot drift.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping


def _table(*pairs: tuple[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(pairs))


OFFER_KINDS = _table(
    ("genoptraening", "Genoptræning efter genoptræningsplan"),
    ("socialpsykiatri", "Socialpsykiatrisk støtte (§ 85)"),
    ("depressionsforloeb", "Forløb for depression"),
    ("sundhedscenter", "Sundhedscenter og kurser"),
    ("beskaeftigelse", "Job og uddannelse"),
    ("samvaer", "Fællesskab og aktiviteter"),
    ("besoegsven", "Besøgsven og ledsager"),
    ("raadgivning", "Rådgivning og information"),
    ("paaroerende", "Til pårørende"),
)

PROBLEMS = _table(
    ("alle", "Alle psykiske vanskeligheder"),
    ("angst", "Angst"),
    ("depression", "Depression"),
    ("psykose", "Psykose og skizofreni"),
    ("ptsd", "PTSD og traumer"),
    ("bipolar", "Bipolar lidelse"),
    ("ocd", "OCD (tvangstanker)"),
    ("spiseforstyrrelse", "Spiseforstyrrelse"),
    ("personlighedsforstyrrelse", "Personlighedsforstyrrelse"),
    ("adhd", "ADHD"),
    ("stress", "Stress"),
    ("ensomhed", "Ensomhed"),
    ("selvmordstanker", "Selvmordstanker"),
    ("misbrug", "Misbrug"),
)

CONTENT_ELEMENTS = _table(
    ("struktur-i-hverdagen", "Struktur i hverdagen"),
    ("strategier", "Indlæring af strategier"),
    ("kognitiv-traening", "Kognitiv træning"),
    ("eksponering", "Eksponering"),
    ("fysisk-traening", "Fysisk træning"),
    ("sanseintegration", "Sanseintegration"),
    ("mindfulness", "Mindfulness"),
    ("naturterapi", "Naturterapi"),
    ("kropslig-forankring", "Kropslig forankring og vejrtrækning"),
    ("mentalisering", "Mentalisering"),
    ("psykoedukation", "Psykoedukation"),
    ("sygdomsmestring", "Sygdomsmestring"),
    ("rygestop", "Rygestop"),
    ("kost", "Kost"),
    ("samvaer", "Samvær med andre"),
    ("samtale", "Samtaler og rådgivning"),
    ("ledsagelse", "Ledsagelse"),
)

DELIVERY_MODES = _table(
    ("hjemme", "Hjemme hos dig"),
    ("udendoers", "Udendørs"),
    ("center", "På et center"),
    ("telefon", "Telefon"),
    ("video", "Video"),
)

REFERRAL_ROUTES = _table(
    ("gop", "Genoptræningsplan (GOP) fra sygehuset"),
    ("henvisning", "Henvisning fra læge"),
    ("visitation", "Visitation i kommunen efter serviceloven"),
    ("egen-henvendelse", "Du kan selv henvende dig"),
    ("anonym", "Anonym henvendelse"),
)

LANGUAGES = _table(
    ("da", "Dansk"),
    ("en", "Engelsk"),
    ("de", "Tysk"),
    ("ar", "Arabisk"),
    ("tr", "Tyrkisk"),
    ("uk", "Ukrainsk"),
    ("pl", "Polsk"),
    ("so", "Somali"),
    ("fa", "Persisk"),
    ("ur", "Urdu"),
    ("sgn", "Dansk tegnsprog"),
)

FUNCTION_DOMAINS = _table(
    ("kropslig", "Kropslig"),
    ("kognitiv", "Kognitiv"),
    ("foelelsesmaessig", "Følelsesmæssig (emotionel)"),
    ("social", "Social"),
    ("bevaegelse", "Bevægelse"),
    ("aktivitet", "Aktivitet"),
)
"""Kinds of lost function a need for rehabilitation rests on, not the diagnosis (S001 400–404)."""

SOURCE_DOCUMENTS = _table(
    ("S000", "S000: Region Midtjylland, kommissorium (2016)"),
    ("S001", "S001: Region Syddanmark, arbejdsgruppenotat (2020)"),
    ("S002", "S002: Region Midtjylland, statusnotat (2015–2016)"),
    ("S003", "S003: Generel Sundhedsaftale for Region Midtjylland (omkring 2008)"),
    ("S004", "S004: Region Hovedstaden, tekstforslag (2024)"),
)
"""The seed documents that guidance, cases and figures cite; anchors on kilder.md are the lowercase codes."""

NATIONWIDE = "hele-landet"
"""Coverage value meaning that a partner offer reaches every municipality."""


def label(table: Mapping[str, str], code: str) -> str:
    """The Danish label of a code; unknown codes fall back to the code itself."""
    return table.get(code, code)

AGE_GROUPS: tuple[tuple[str, str, int, int], ...] = (
    ("boern-unge", "Børn og unge (0–17 år)", 0, 17),
    ("unge-voksne", "Unge voksne (18–29 år)", 18, 29),
    ("voksne", "Voksne (30–64 år)", 30, 64),
    ("aeldre", "Ældre (65 år og derover)", 65, 200),
)
"""Directory facet: an offer belongs to every group its age range overlaps."""


def age_groups(age_from: int, age_to: int) -> tuple[str, ...]:
    return tuple(code for code, _, low, high in AGE_GROUPS if age_from <= high and age_to >= low)

EXAMPLE_BADGE = "Eksempel – ikke bekræftet"
"""The visible mark on every record with ``eksempel: true``, wherever it is shown."""
