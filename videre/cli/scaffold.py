"""A new offer file from a few answers: the right folder, the schema line, today's date.

Used by ``videre ny-tilbud``. Pure: builds the path and the YAML text; the
command line asks the questions, writes the file and validates it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

from ..core import vocab
from ..core.schemaline import schema_line
from ..core.validate import fold

MAX_SLUG = 60
FIELD_REFERENCE = "https://videre.example.org/feltreference/"


@dataclass(frozen=True)
class NewOffer:
    municipality: str
    title: str
    kind: str
    description: str
    problems: tuple[str, ...]
    modes: tuple[str, ...]
    routes: tuple[str, ...]
    role: str
    verified_by: str
    today: dt.date
    email: str = ""
    phone: str = ""
    age_from: int = 18
    age_to: int = 120
    example: bool = False
    unit: str = ""


CODED_FIELDS: Mapping[str, Mapping[str, str]] = {
    "type": vocab.OFFER_KINDS, "problemer": vocab.PROBLEMS, "form": vocab.DELIVERY_MODES,
    "henvisning": vocab.REFERRAL_ROUTES,
}
"""Answers that must be codes from a table; the command line offers the labels."""


def slugify(title: str) -> str:
    """A file name from a title: 'Kognitiv træning i Ølgod' → 'kognitiv-traening-i-oelgod'."""
    folded = fold(title)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", ascii_only)).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or "tilbud"


def offer_path(data_dir: Path, municipality: str, title: str) -> Path:
    return data_dir / "offers" / municipality / f"{slugify(title)}.yaml"


def _scalar(value: str) -> str:
    """Plain YAML when it reads back as the same text, else a double-quoted string."""
    plain = value.strip()
    if plain == value and plain and not plain.startswith(("-", "?", "!", "&", "*", "|", ">", "%", "@", "`")):
        try:
            if yaml.safe_load(f"k: {plain}") == {"k": value}:
                return plain
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _block(key: str, value: str, indent: str = "") -> str:
    if "\n" not in value.strip():
        return f"{indent}{key}: {_scalar(value.strip())}\n"
    lines = [line.rstrip() for line in value.strip().splitlines()]
    return f"{indent}{key}: |\n" + "".join(f"{indent}  {line}\n" if line else "\n" for line in lines)


def _codes(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(values) + "]"


def offer_yaml(new: NewOffer) -> str:
    """The file's text, in the same order and style as the hand-written records."""
    relative = ("offers", new.municipality, f"{slugify(new.title)}.yaml")
    contact = [f"  rolle: {_scalar(new.role)}\n"]
    if new.unit:
        contact.append(f"  enhed: {_scalar(new.unit)}\n")
    if new.phone:
        contact.append(f"  telefon: {json.dumps(new.phone)}\n")
    if new.email:
        contact.append(f"  email: {_scalar(new.email)}\n")
    return "".join([
        schema_line("tilbud", relative) + "\n",
        _block("titel", new.title),
        f"type: {new.kind}\n",
        _block("beskrivelse", new.description),
        "målgruppe:\n",
        f"  alder: {{fra: {new.age_from}, til: {new.age_to}}}\n",
        f"  problemer: {_codes(new.problems)}\n",
        f"form: {_codes(new.modes)}\n",
        f"henvisning: {_codes(new.routes)}\n",
        "kontakt:\n",
        *contact,
        "sidst_bekræftet:\n",
        f"  dato: \"{new.today.isoformat()}\"\n",
        f"  af: {_scalar(new.verified_by)}\n",
        f"eksempel: {'true' if new.example else 'false'}\n",
        f"# Flere felter: sted, åbningstider, pris, sprog, link, sådan_henviser_du. Se {FIELD_REFERENCE}\n",
    ])
