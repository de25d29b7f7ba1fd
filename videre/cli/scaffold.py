"""A new offer file from a few answers: the right folder, the schema line, today's date.

Used by ``videre ny-tilbud``. Pure: builds the path and the YAML text; the
command line asks the questions, writes the file and validates it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core import fields
from ..core import schema as S
from ..core.fields import Field
from ..core.model import Offer
from ..core.schemaline import schema_line
from ..core.validate import fold

MAX_SLUG = 60
FIELD_REFERENCE = "https://videre.example.org/feltreference/"


@dataclass(frozen=True)
class NewOffer:
    """The answers for a new offer, keyed by the offer table's dotted YAML keys (``"kontakt.rolle"``)."""

    municipality: str
    answers: Mapping[str, Any]

    @property
    def title(self) -> str:
        return str(self.answers.get("titel", ""))


QUESTIONS: tuple[tuple[Field, str], ...] = tuple((f, ".".join(path)) for f, path in fields.questions(Offer))
"""The offer table's rows that the wizard asks for or takes as options, with their dotted keys, in table order."""


def flag(row: Field, key: str) -> str:
    """The option's name: the row's own, else the key's last part ('kontakt.rolle' → 'rolle')."""
    return row.ask.flag if row.ask is not None and row.ask.flag else key.rsplit(".", 1)[-1]


def _labels(schema: Mapping[str, Any]) -> Mapping[str, str] | None:
    return schema.get("x-labels") or schema.get("items", {}).get("x-labels")


CODED_FIELDS: Mapping[str, Mapping[str, str]] = {
    flag(f, key): labels
    for f, key in QUESTIONS
    if f.ask is not None and f.ask.question and isinstance(f.schema, dict) and (labels := _labels(f.schema))
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


QUOTED_PATTERNS = {S.PHONE_PATTERN, S.DATE_PATTERN}
"""Values written in quotes: digits that YAML would otherwise read as a number or a date."""


def _value(spec: Mapping[str, Any], value: Any, top: bool, key: str, indent: str) -> str:
    if spec.get("type") == "array":
        return f"{indent}{key}: {_codes(tuple(value))}\n"
    if spec.get("type") == "boolean":
        return f"{indent}{key}: {'true' if value else 'false'}\n"
    if spec.get("type") == "integer" or "enum" in spec:
        return f"{indent}{key}: {value}\n"
    if spec.get("pattern") in QUOTED_PATTERNS:
        return f"{indent}{key}: {json.dumps(str(value))}\n"
    # The record's own texts may run over several lines; a nested value stays on its line, as written.
    return _block(key, value, indent) if top else f"{indent}{key}: {_scalar(value)}\n"


def _lines(record_class: type, answers: Mapping[str, Any], prefix: str, indent: str) -> Iterator[str]:
    """The answered rows of a table in its order, nested objects indented below their key."""
    written: set[str] = set()
    for row in fields.table(record_class):
        if row.key is None or not row.in_kind("tilbud"):
            continue
        key = f"{prefix}{row.key}"
        head = row.key.split(".", 1)[0]
        sub = getattr(row.read, "record_class", None)
        if "." in row.key or sub is not None:
            if head in written:
                continue
            written.add(head)
            inner = [k for k in answers if k.startswith(f"{prefix}{head}.")]
            if not inner:
                continue
            if sub is not None:
                yield f"{indent}{head}:\n"
                yield from _lines(sub, answers, f"{prefix}{head}.", indent + "  ")
            else:
                yield from _group(record_class, answers, prefix, head, indent)
            continue
        if key in answers and (answers[key] != "" or row.required):
            spec = row.schema if isinstance(row.schema, dict) else {}
            yield _value(spec, answers[key], not prefix, row.key, indent)


def _group(record_class: type, answers: Mapping[str, Any], prefix: str, head: str, indent: str) -> Iterator[str]:
    """A nested object of flat rows (the target group): numbers only as a flow mapping, as hand-written."""
    rows = [r for r in fields.table(record_class) if r.key and r.key.startswith(head + ".")]
    yield f"{indent}{head}:\n"
    seen: set[str] = set()
    for row in rows:
        rest = row.key.removeprefix(head + ".")  # type: ignore[union-attr]
        part = rest.split(".", 1)[0]
        if "." in rest:
            if part in seen:
                continue
            seen.add(part)
            members = [r for r in rows if r.key.startswith(f"{head}.{part}.")]  # type: ignore[union-attr]
            pairs = ", ".join(
                f"{r.key.rsplit('.', 1)[-1]}: {answers[prefix + r.key]}"  # type: ignore[union-attr]
                for r in members
                if prefix + r.key in answers
            )  # type: ignore[operator]
            if pairs:
                yield f"{indent}  {part}: {{{pairs}}}\n"
        elif f"{prefix}{row.key}" in answers:
            spec = row.schema if isinstance(row.schema, dict) else {}
            yield _value(spec, answers[f"{prefix}{row.key}"], False, part, indent + "  ")


def offer_yaml(new: NewOffer) -> str:
    """The file's text: the answered fields in the offer table's order, in the style of the hand-written records."""
    relative = ("offers", new.municipality, f"{slugify(new.title)}.yaml")
    return "".join(
        [
            schema_line("tilbud", relative) + "\n",
            *_lines(Offer, new.answers, "", ""),
            f"# Flere felter: sted, åbningstider, pris, sprog, link, sådan_henviser_du. Se {FIELD_REFERENCE}\n",
        ]
    )
