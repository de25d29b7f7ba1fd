"""Field tables: one declarative row per record field, used both ways.

A typed record (:mod:`videre.core.model`) declares each of its fields once, as a
dataclass field whose metadata is a :class:`Field` row: the Danish YAML key, the
JSON Schema fragment, whether it is required, how a YAML value becomes a Python
value and back, its CSV columns and the wizard's question. The JSON Schema, the
builder that turns validated YAML into the record, the JSON/CSV export and the
``videre ny-tilbud`` questions are all read from that table, as
``pypa/packaging`` keeps one mapping of raw and rich names and Material's config
options are one typed line each. Adding a field is one row.

A coded field (one whose values come from a code list) also says, on its row, where else the code list
shows: its HSDS taxonomy, its filter on the directory and its short key in the directory's compact data
(``katalog.json`` and the data attributes on an offer's card). No other module lists coded fields.

Rows without a key are not in the YAML (an id or owner taken from the file's path).
A dotted key ("målgruppe.alder.fra") puts a flat attribute inside a nested YAML
object; the object itself is described by a :class:`Group`. A field that holds one
sub-record or a list of them (a contact, a flow's steps) is read by :func:`reader`
or :func:`list_reader`, and its schema is the sub-record's own table
(:func:`object_schema`). Every kind's record is such a table, so no kind writes a
JSON Schema by hand (``tests/test_layout.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import schema as S

Schema = S.Schema
_META = "videre"
_MISSING = object()

TRAILER = ("sidst_bekræftet", "eksempel", "kilde")
"""Fields that close every confirmable record, after the kind's own fields (as in the hand-written records)."""
EXPORT_TRAILER = ("status", *TRAILER)
"""The trailer in the exports: the record's state, worked out from the three fields, then the fields."""


@dataclass(frozen=True)
class Ask:
    """How ``videre ny-tilbud`` asks for a field: the flag is the key's last part(s), the question and help."""

    question: str = ""
    """Empty: the field is a command-line option only, never asked."""
    help: str = ""
    flag_help: str | None = None
    """The option's text in ``--help``; ``None`` shows none."""
    flag: str = ""
    """The option's name when it is not the key's last part, e.g. 'alder-fra'."""


@dataclass(frozen=True)
class Facet:
    """A filter over the offers (the directory, a municipality page, a handout): its name is the query key."""

    name: str
    label: str
    all: str
    """The first choice, which filters nothing, e.g. 'Alle typer'."""
    place: int
    """Its place among the filters, from 1: the patient's own facts (age, problem) come first."""
    hidden: tuple[str, ...] = ()
    """Codes that are no choice, e.g. the problem 'alle', which every problem matches."""
    patient: bool = False
    """A fact about the patient (age, problem): the handout, which the patient takes home, filters by these."""


@dataclass(frozen=True)
class Taxonomy:
    """A coded field as an HSDS taxonomy: its name and the ``link_type`` of the service's attributes."""

    name: str
    link_type: str


@dataclass(frozen=True)
class Field:
    """One row of a field table."""

    key: str | None
    """The Danish YAML key, dotted for a field inside a nested object; ``None`` when not in the YAML."""
    schema: Schema | Callable[[Any], Schema] | None = None
    """The property's JSON Schema, or a function of the register view for coded values from the register."""
    required: bool = False
    missing: Any = ""
    """The value when the YAML leaves the field out."""
    read: Callable[[Any], Any] | None = None
    """YAML value → Python value (after validation)."""
    write: Callable[[Any], Any] | None = None
    """Python value → JSON value for the open data export."""
    csv: tuple[tuple[str, Callable[[Any], str]], ...] = ()
    """The field's columns in offers.csv: (column, value → cell text)."""
    get: Callable[[Any], Any] | None = None
    """How the export reads the value from the record, when it is not simply the attribute."""
    only: tuple[str, ...] = ()
    """The kinds whose YAML has the field (empty: all kinds built from the table)."""
    ask: Ask | None = None
    short: str = ""
    """The field's key in the directory's compact data and a card's data attribute; '' when not there."""
    compact: Callable[[Any], Any] | None = None
    """Value → its compact form (default: a tuple as a list, a bool as 1 or 0, else the value itself)."""
    on_card: bool = False
    """Also a data attribute on a server-rendered card, for the filter rule (every facet is)."""
    facet: Facet | None = None
    taxonomy: Taxonomy | None = None
    labels: Mapping[str, str] | None = None
    """The code list of a coded field that has no schema of its own (a derived row)."""
    anonymous: bool = False
    """Free text about a person that must stay anonymous: the schema marks it ``x-anonym``, and the
    validator rejects e-mail addresses and phone numbers in it."""
    attr: str = ""
    """The Python attribute; filled in from the record class."""

    @property
    def codes(self) -> Mapping[str, str]:
        """The code list of a coded field (code → Danish label), from its schema's labels; empty otherwise."""
        if self.labels is not None:
            return self.labels
        schema = self.schema if isinstance(self.schema, dict) else {}
        return schema.get("x-labels") or schema.get("items", {}).get("x-labels") or {}

    @property
    def name(self) -> str:
        """The key's last part, e.g. 'problemer' for 'målgruppe.problemer' (the HSDS taxonomy's slug)."""
        return self.path[-1] if self.key else self.attr

    def choices(self) -> list[tuple[str, str]]:
        """A facet's (code, label) choices, in code-list order."""
        hidden = self.facet.hidden if self.facet is not None else ()
        return [(code, text) for code, text in self.codes.items() if code not in hidden]

    def coded_values(self, record: Any) -> tuple[str, ...]:
        """The record's codes of this field that are in its code list (an empty optional code is none)."""
        value = self.value(record)
        return tuple(code for code in ((value,) if isinstance(value, str) else value) if code in self.codes)

    def to_compact(self, record: Any) -> Any:
        value = self.value(record)
        if self.compact is not None:
            return self.compact(value)
        if isinstance(value, bool):
            return 1 if value else 0
        return list(value) if isinstance(value, tuple) else value

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split(".")) if self.key else ()

    def in_kind(self, kind: str | None) -> bool:
        return self.key is not None and (not self.only or kind in self.only)

    def value(self, record: Any) -> Any:
        return self.get(record) if self.get is not None else getattr(record, self.attr)

    def to_json(self, record: Any) -> Any:
        value = self.value(record)
        return self.write(value) if self.write is not None else _plain_json(value)


@dataclass(frozen=True)
class Group:
    """A nested YAML object made of flat attributes (its rows' keys start with ``key.``)."""

    key: str
    title: str
    description: str
    required: bool = False
    renamed: Mapping[str, str] | None = None
    """Old keys inside the object and their new names (``x-renamed``)."""


def row(
    key: str | None,
    schema: Schema | Callable[[Any], Schema] | None = None,
    *,
    required: bool = False,
    missing: Any = "",
    read: Callable[[Any], Any] | None = None,
    write: Callable[[Any], Any] | None = None,
    csv: Iterable[tuple[str, Callable[[Any], str]]] = (),
    get: Callable[[Any], Any] | None = None,
    only: tuple[str, ...] = (),
    ask: Ask | None = None,
    anonymous: bool = False,
    default: Any = _MISSING,
    compare: bool = True,
    short: str = "",
    compact: Callable[[Any], Any] | None = None,
    on_card: bool = False,
    facet: Facet | None = None,
    taxonomy: Taxonomy | None = None,
) -> Any:
    """A dataclass field that carries its row; ``default`` is the Python default, not the YAML one."""
    # By name: fifteen positional values of alike types would let two swapped options pass unnoticed.
    meta = {
        _META: Field(
            key,
            schema,
            required=required,
            missing=missing,
            read=read,
            write=write,
            csv=tuple(csv),
            get=get,
            only=only,
            ask=ask,
            anonymous=anonymous,
            short=short,
            compact=compact,
            on_card=on_card,
            facet=facet,
            taxonomy=taxonomy,
        )
    }
    if default is _MISSING:
        return dataclasses.field(metadata=meta, compare=compare)
    return dataclasses.field(default=default, metadata=meta, compare=compare)


DERIVED_ONLY = ("(afledt)",)
"""The ``only`` of a derived row: no kind has it in its YAML, so it is in no schema and never read."""


def derived_row(
    key: str | None,
    get: Callable[[Any], Any],
    *,
    attr: str = "",
    csv: Iterable[tuple[str, Callable[[Any], str]]] = (),
    **coded: Any,
) -> Field:
    """A row that is not in the YAML but is exported: its value is worked out from the record by ``get``.
    Without a key it is in no export of the YAML fields, only where ``coded`` puts it (e.g. ``short``, ``facet``).

    A record class lists its derived rows in ``DERIVED``; :func:`table` puts them after the declared rows."""
    return Field(key, get=get, csv=tuple(csv), only=DERIVED_ONLY, attr=attr or key or "", **coded)


@cache
def table(record_class: type) -> tuple[Field, ...]:
    """The rows of a record class, in declaration order, with their attribute names (read once per class),
    then its derived rows."""
    return (
        *(
            dataclasses.replace(f.metadata[_META], attr=f.name)
            for f in dataclasses.fields(record_class)
            if _META in f.metadata
        ),
        *getattr(record_class, "DERIVED", ()),
    )


def facets(record_class: type) -> tuple[Field, ...]:
    """The rows that are filters, in their places."""
    return tuple(sorted((f for f in table(record_class) if f.facet is not None), key=lambda f: f.facet.place))  # type: ignore[union-attr]


def card_rows(record_class: type) -> tuple[Field, ...]:
    """The rows a server-rendered card carries as data attributes: the facets, then the rule's other fields."""
    return (*facets(record_class), *(f for f in table(record_class) if f.on_card and f.facet is None))


def compact(record: Any, rows: Iterable[Field] | None = None) -> dict[str, Any]:
    """A record's short keys and compact values, in table order (the directory's data)."""
    rows = table(type(record)) if rows is None else rows
    return {f.short: f.to_compact(record) for f in rows if f.short}


def selection(record_class: type, rows: Iterable[Field] | None = None) -> dict[str, dict[str, str]]:
    """What the browser's filters (``videre-udvalg.js``) need to read the compact data by the fields' names:
    "filtre" (query name → attribute, in their places) and "noegler" (attribute → short key) of ``rows``."""
    rows = table(record_class) if rows is None else rows
    return {
        "filtre": {f.facet.name: f.attr for f in facets(record_class)},  # type: ignore[union-attr]
        "noegler": {f.attr: f.short for f in rows if f.short},
    }


def _plain_json(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json(value)
    return value


# ---------------------------------------------------------------- the schema


def properties(
    rows: Iterable[Field], view: Any = None, kind: str | None = None, groups: Iterable[Group] = ()
) -> tuple[dict[str, Schema], list[str]]:
    """The JSON Schema properties and required names of a table for one kind, nested groups included."""
    by_key = {g.key: g for g in groups}
    props: dict[str, Schema] = {}
    required: list[str] = []
    nested: dict[str, list[Field]] = {}
    for f in rows:
        if not f.in_kind(kind):
            continue
        head, _, rest = f.key.partition(".")  # type: ignore[union-attr]
        if rest:
            if head not in nested:
                nested[head] = []
                props[head] = {}  # keeps the group's place among its siblings
                if by_key[head].required:
                    required.append(head)
            nested[head].append(dataclasses.replace(f, key=rest))
            continue
        schema = f.schema(view) if callable(f.schema) else f.schema
        props[head] = dict(schema or {})
        if f.anonymous:
            props[head]["x-anonym"] = True
        if f.required:
            required.append(head)
    for head, children in nested.items():
        group = by_key[head]
        inner = [
            dataclasses.replace(g, key=g.key.removeprefix(head + "."))
            for g in by_key.values()
            if g.key.startswith(head + ".")
        ]
        sub, need = properties(children, view, kind, inner)
        props[head] = S.obj(group.title, group.description, sub, need, renamed=group.renamed)
    return props, required


def object_schema(
    record_class: type,
    title: str,
    description: str,
    *,
    view: Any = None,
    kind: str | None = None,
    renamed: Mapping[str, str] | None = None,
) -> Schema:
    """A record class's table as one object schema."""
    props, required = properties(table(record_class), view, kind, getattr(record_class, "GROUPS", ()))
    return S.obj(title, description, props, required, renamed=renamed)


# ---------------------------------------------------------------- reading and writing


def _lookup(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        try:  # validated YAML: mappings are dicts (an isinstance check per field cost a second nationally)
            value = value[part]
        except (KeyError, TypeError):
            return _MISSING
    return value


@cache
def _plan(record_class: type, kind: str | None) -> tuple[tuple[str, tuple[str, ...] | None, Any, Any], ...]:
    """(attribute, YAML path or None when the kind has no such key, read, missing) per row: worked out
    once per class and kind, because the national data set builds thousands of records."""
    return tuple(
        (f.attr, f.path if f.in_kind(kind) else None, f.read, f.missing)
        for f in table(record_class)
        if f.only != DERIVED_ONLY
    )


def build(record_class: type, data: Mapping[str, Any] | None, kind: str | None = None, **derived: Any) -> Any:
    """A record from validated YAML: each row reads its key; ``derived`` gives the rest (path parts, file)."""
    values: dict[str, Any] = {}
    data = data or {}
    for attr, path, read, missing in _plan(record_class, kind):
        if attr in derived:
            continue
        raw = _lookup(data, path) if path is not None else _MISSING
        if raw is _MISSING:
            values[attr] = missing
        else:
            values[attr] = read(raw) if read is not None else raw
    return record_class(**values, **derived)


def nest(items: Iterable[tuple[tuple[str, ...], Any]]) -> dict[str, Any]:
    """Flat (path, value) pairs as nested dicts, in order."""
    out: dict[str, Any] = {}
    for path, value in items:
        target = out
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return out


def to_json(record: Any, rows: Iterable[Field] | None = None) -> dict[str, Any]:
    """A record's YAML fields as JSON, keyed and nested as in the YAML, in table order."""
    rows = table(type(record)) if rows is None else rows
    return nest((f.path, f.to_json(record)) for f in rows if f.key is not None)


def csv_cells(record: Any, rows: Iterable[Field]) -> Iterator[tuple[str, str]]:
    """(column, cell) for every CSV column the rows declare, in order."""
    for f in rows:
        value = f.value(record)
        for column, cell in f.csv:
            yield column, cell(value)


def body_and_trailer(rows: Iterable[Field]) -> tuple[tuple[Field, ...], tuple[Field, ...]]:
    """A table split into the kind's own fields and the confirmation trailer that closes every record."""
    rows = tuple(rows)
    return (
        tuple(f for f in rows if f.key not in EXPORT_TRAILER),
        tuple(f for key in EXPORT_TRAILER for f in rows if f.key == key),
    )


def questions(record_class: type, prefix: tuple[str, ...] = ()) -> Iterator[tuple[Field, tuple[str, ...]]]:
    """Rows that the wizard knows (with their full YAML path), sub-records' rows included, in table order."""
    for f in table(record_class):
        if f.key is None:
            continue
        sub = _record_type(f)
        if sub is not None and f.ask is None:
            yield from questions(sub, (*prefix, *f.path))
        elif f.ask is not None:
            yield f, (*prefix, *f.path)


def _record_type(f: Field) -> type | None:
    """The sub-record class a row reads into (Contact, Place, Verified), if any."""
    return getattr(f.read, "record_class", None)


def list_reader(record_class: type) -> Callable[[Any], tuple[Any, ...]]:
    """A ``read`` for a list of sub-records (a flow's steps, a figure's series): each item from its own table."""

    def read(items: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(build(record_class, item) for item in items)

    return read


def reader(record_class: type) -> Callable[[Any], Any]:
    """A ``read`` for a field holding a sub-record: builds it from its own table (``None`` when empty)."""

    def read(data: Any) -> Any:
        return build(record_class, data) if data else None

    read.record_class = record_class  # type: ignore[attr-defined]
    return read
