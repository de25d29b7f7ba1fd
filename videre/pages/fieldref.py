"""The field reference (feltreference/): every field of every kind, made from the schemas.

An overview page links to one page per kind (feltreference/<kind>/). One page
for all kinds passed 300 KB, mostly table of contents, which is too much to
load on a ward PC just to look up one field.

The page is generated from :func:`videre.kinds.registry.published_schemas`, the same
schemas that validate the files, so it cannot drift from them. Each field shows
its dotted path, whether it is required, its type and limits in words, its
allowed values with their Danish labels, and a YAML example.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..catalog.catalog import Catalog
from ..catalog.load import register_view
from ..core import schema as S
from ..core.options import SiteOptions
from ..core.schemaline import schema_line
from ..core.text import md_escape
from ..core.validate import condition_text, fold
from ..kinds.redirects import PATH_PATTERN
from ..kinds.registry import KINDS, REGISTER_FILE, published_schemas
from . import Page, render
from .links import Linker

SRC = "feltreference.md"
LONG_LIST = 20
"""Allowed values beyond this many are folded away in a collapsible block."""

PATTERN_WORDS = {
    S.PHONE_PATTERN: "Dansk telefonnummer med 8 cifre, gerne i par med mellemrum. '+45' foran må gerne stå der.",
    S.EMAIL_PATTERN: "E-mailadresse, fx navn@kommune.example.org.",
    S.HTTPS_PATTERN: "Hel webadresse, der starter med https://.",
    S.DATE_PATTERN: 'Dato skrevet som ÅÅÅÅ-MM-DD i anførselstegn, fx "2026-10-01".',
    S.SLUG_PATTERN: "Kort navn med små bogstaver a–z, tal og bindestreg, fx 'esbjerg'.",
    r"^[0-9]{4}$": 'Fire cifre i anførselstegn, fx "6700".',
    r"^@[A-Za-z0-9-]+/[A-Za-z0-9-]+$": "Et hold på forgen, skrevet som @organisation/hold.",
    PATH_PATTERN: "En adresse på sitet uden domæne og med / til sidst, fx 'tilbud/esbjerg/genoptraening/'.",
}
"""Patterns in words. A pattern not listed here falls back to the field's own hint."""


@dataclass(frozen=True)
class FieldDoc:
    path: str
    anchor: str
    depth: int
    title: str
    description: str
    required: bool
    type_text: str
    rules: tuple[str, ...]
    values: tuple[tuple[str, str], ...]
    renamed: str
    example: str
    condition: str = ""
    """When another field's value requires or forbids this one (``if``/``then``/``else``), in words."""

    @property
    def requirement(self) -> str:
        return self.condition or ("Skal udfyldes" if self.required else "Kan udelades")

    @property
    def values_text(self) -> str:
        """The allowed values as one line, for long lists and lists without labels."""
        return ", ".join(f"`{code}`" + (f" ({md_escape(label)})" if label else "") for code, label in self.values)

    @property
    def labelled(self) -> bool:
        return any(label for _, label in self.values)


@dataclass(frozen=True)
class KindDoc:
    name: str
    title: str
    description: str
    schema_file: str
    schema_line: str
    renamed: str
    fields: tuple[FieldDoc, ...]


def _anchor(kind: str, path: str) -> str:
    return f"{kind}-" + re.sub(r"[^a-z0-9]+", "-", fold(path)).strip("-")


def _words(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _is_object(schema: Mapping[str, Any]) -> bool:
    """An object, or a value that may be one (``"type": ["object", "string"]``)."""
    kind = schema.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind)


def type_text(schema: Mapping[str, Any]) -> str:
    """The type and its limits, in words."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return " eller ".join(type_text({**schema, "type": k}) for k in kind)
    if kind == "string":
        if "enum" in schema:
            return "Én værdi fra listen"
        low, high = schema.get("minLength"), schema.get("maxLength")
        text = "Tekst med enkel formatering" if schema.get("x-markdown") else "Tekst"
        if high and low and low > 1:
            return f"{text}, {low}–{high} tegn"
        return f"{text}, højst {high} tegn" if high else text
    if kind == "integer":
        return f"Helt tal fra {schema.get('minimum', 0)} til {schema.get('maximum', '…')}"
    if kind == "boolean":
        return "true eller false"
    if kind == "object":
        return "Gruppe af felter (skriv felterne indrykket under)"
    if kind == "array":
        items = schema.get("items", {})
        low = schema.get("minItems", 0)
        least = f", mindst {_words(low, 'værdi', 'værdier')}" if low else ""
        unique = ", hver kun én gang" if schema.get("uniqueItems") else ""
        if items.get("type") == "object":
            return f"Liste af grupper af felter{least}"
        what = "Liste med værdier fra listen" if "enum" in items else "Liste"
        return f"{what}{least}{unique}"
    return str(kind or "")


def rules(schema: Mapping[str, Any]) -> tuple[str, ...]:
    """Pattern, format and text rules in words."""
    found = []
    pattern = schema.get("pattern")
    if pattern:
        found.append(PATTERN_WORDS.get(pattern) or (schema.get("x-hint", "").capitalize() + ".").replace("..", "."))
    if schema.get("format") == "date" and pattern != S.DATE_PATTERN:
        found.append("En rigtig dato som ÅÅÅÅ-MM-DD.")
    if schema.get("x-no-future"):
        found.append("Må ikke ligge efter i dag.")
    if schema.get("x-not-after"):
        found.append(f"Må ikke ligge efter '{schema['x-not-after']}'.")
    if schema.get("x-markdown"):
        found.append(
            "Du må bruge **fed**, *kursiv*, lister med '- ' og links som [tekst](https://…). HTML er ikke tilladt."
        )
    return tuple(found)


def values(schema: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    source = schema.get("items", {}) if schema.get("type") == "array" else schema
    options = source.get("enum") or ()
    labels = source.get("x-labels") or {}
    return tuple((str(code), labels.get(code, "")) for code in options)


def renamed_text(schema: Mapping[str, Any]) -> str:
    """Old field names the validator recognises: '`title` → `titel`, …'."""
    return ", ".join(f"`{old}` → `{new}`" for old, new in sorted(schema.get("x-renamed", {}).items()))


class _Dumper(yaml.SafeDumper):
    """Block style like the records, with short lists of values on one line: ``form: [hjemme, center]``."""


_Dumper.add_representer(
    list,
    lambda dumper, data: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=all(not isinstance(i, (dict, list)) for i in data)
    ),
)


def example_value(schema: Mapping[str, Any]) -> Any:
    """The schema's example; objects and lists of objects are built from their fields' examples."""
    if _is_object(schema):
        return {
            name: value
            for name, child in schema.get("properties", {}).items()
            if (value := example_value(child)) is not None
        }
    items = schema.get("items", {})
    if schema.get("type") == "array" and items.get("type") == "object":
        return [example_value(items)]
    examples = schema.get("examples")
    return examples[0] if examples else None


def example_yaml(parts: tuple[str, ...], schema: Mapping[str, Any]) -> str:
    """The field in place, nested under its parents: ``målgruppe:\\n  alder: {fra: 18, til: 120}``."""
    value = example_value(schema)
    if value is None or value == {}:
        return ""
    for part in reversed(parts):
        value = {part[:-2]: [value]} if part.endswith("[]") else {part: value}
    return yaml.dump(
        value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    ).rstrip()


def conditions(schema: Mapping[str, Any]) -> dict[str, str]:
    """Fields the schema's ``if``/``then``/``else`` requires or forbids, each with the rule in words."""
    found: dict[str, list[str]] = {}
    _conditions(schema, "", found)
    return {name: "; ".join(texts)[:1].upper() + "; ".join(texts)[1:] for name, texts in found.items()}


def _conditions(schema: Mapping[str, Any], outer: str, found: dict[str, list[str]]) -> None:
    """The rules of one ``if`` and of the ``if`` inside its branches (``outer``: the branch's condition)."""
    condition = schema.get("if")
    if not isinstance(condition, Mapping):
        return
    for holds, branch in ((False, schema.get("else")), (True, schema.get("then"))):
        if not isinstance(branch, Mapping):
            continue
        because = condition_text(condition, holds)
        if outer:
            because = f"{outer} og {because.removeprefix('posten ')}"
        required = branch.get("required", ())
        typed = {
            name: _TYPE_WORDS[child["type"]]
            for name, child in branch.get("properties", {}).items()
            if isinstance(child, Mapping) and child.get("type") in _TYPE_WORDS
        }
        for name in required:
            form = f" som {typed[name]}" if name in typed else ""
            found.setdefault(name, []).append(f"skal udfyldes{form}, når {because}")
        for name, child in branch.get("properties", {}).items():
            if child is False:
                found.setdefault(name, []).append(f"må ikke stå, når {because}")
            elif name in typed and name not in required:
                found.setdefault(name, []).append(f"skal være {typed[name]}, når {because}")
        _conditions(branch, because, found)


_TYPE_WORDS = {"string": "en tekst", "object": "en gruppe af felter"}


def walk(kind: str, schema: Mapping[str, Any], parents: tuple[str, ...] = ()) -> Iterator[FieldDoc]:
    required = set(schema.get("required", ()))
    conditional = conditions(schema)
    for name, child in schema.get("properties", {}).items():
        parts = (*parents, name)
        path = ".".join(parts)
        yield FieldDoc(
            path=path,
            anchor=_anchor(kind, path),
            depth=len(parts),
            title=child.get("title", name),
            description=child.get("description", ""),
            required=name in required,
            type_text=type_text(child),
            rules=rules(child),
            values=values(child),
            renamed=renamed_text(child),
            example=example_yaml(parts, child),
            condition=conditional.get(name, ""),
        )
        if _is_object(child):
            yield from walk(kind, child, parts)
        items = child.get("items", {})
        if child.get("type") == "array" and items.get("type") == "object":
            yield from walk(kind, items, (*parents, f"{name}[]"))


def kind_docs(catalog: Catalog) -> list[KindDoc]:
    patterns = {"kommuner": (REGISTER_FILE,), **{kind.name: kind.pattern for kind in KINDS}}
    docs = []
    for name, schema in published_schemas(register_view(catalog.register)).items():
        docs.append(
            KindDoc(
                name,
                schema.get("title", name),
                schema.get("description", ""),
                f"schemas/{name}.schema.json",
                schema_line(name, patterns[name]),
                renamed_text(schema),
                tuple(walk(name, schema)),
            )
        )
    return docs


def kind_src(name: str) -> str:
    return f"feltreference/{name}.md"


def field_reference_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    """The overview (in the navigation) and one page per kind of record."""
    kinds = kind_docs(catalog)
    pages = [
        Page(SRC, render("feltreference.md.j2", kinds=kinds, kind_src=kind_src, **Linker(SRC).context()), in_nav=True)
    ]
    for kind in kinds:
        src = kind_src(kind.name)
        pages.append(
            Page(src, render("feltreference-type.md.j2", k=kind, long_list=LONG_LIST, **Linker(src).context()))
        )
    return pages
