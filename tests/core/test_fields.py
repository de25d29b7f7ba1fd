"""Field tables (videre.core.fields) on a small record class written here: one row read both ways.

The class is not one of the site's, so the expected schema, record, JSON and CSV cells below are written
out from the rows alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from videre.core import fields
from videre.core.fields import Ask, Group, derived_row, row


@dataclass(frozen=True)
class Sub:
    role: str = row("rolle", {"type": "string"}, required=True, ask=Ask("Rolle", "fx 'Visitator'"))
    mail: str = row("email", {"type": "string"})


read_sub = fields.reader(Sub)


@dataclass(frozen=True)
class Thing:
    DERIVED: ClassVar[tuple[fields.Field, ...]] = (
        derived_row("status", lambda t: "ok" if t.size else "tom", csv=(("status", str),)),
    )
    GROUPS: ClassVar[tuple[Group, ...]] = (
        Group("mål", "Mål", "Målene.", required=True),
        Group("mål.alder", "Alder", "Aldersgrænser.", required=True),
    )

    id: str = row(None)
    title: str = row("titel", {"type": "string"}, required=True, csv=(("titel", str),), ask=Ask("Titel"))
    low: int = row("mål.alder.fra", {"type": "integer"}, required=True, csv=(("fra", str), ("fra_tekst", repr)))
    size: int = row("mål.størrelse", {"type": "integer"}, missing=0)
    tags: tuple[str, ...] = row("mærker", {"type": "array"}, read=tuple, missing=())
    day: dt.date | None = row(
        "dato",
        lambda view: {"type": "string", "enum": list(view)},
        read=dt.date.fromisoformat,
        write=lambda d: d.isoformat() if d else None,
        missing=None,
    )
    contact: Sub | None = row("kontakt", {"type": "object"}, read=read_sub, missing=None)
    partner_only: str = row("kun", {"type": "string"}, only=("partnertilbud",))
    example: bool = row("eksempel", {"type": "boolean"}, missing=False, default=False)


def test_the_table_has_every_row_in_order_with_its_attribute_then_the_derived_rows():
    table = fields.table(Thing)
    assert [(f.key, f.attr) for f in table] == [
        (None, "id"),
        ("titel", "title"),
        ("mål.alder.fra", "low"),
        ("mål.størrelse", "size"),
        ("mærker", "tags"),
        ("dato", "day"),
        ("kontakt", "contact"),
        ("kun", "partner_only"),
        ("eksempel", "example"),
        ("status", "status"),
    ]
    assert table[2].path == ("mål", "alder", "fra") and table[0].path == ()
    assert [f.in_kind("tilbud") for f in table[6:9]] == [True, False, True]
    assert table[7].in_kind("partnertilbud") and not table[0].in_kind(None)


def test_properties_nest_the_groups_and_keep_their_place():
    props, required = fields.properties(fields.table(Thing), view=["2026-01-01"], kind="tilbud", groups=Thing.GROUPS)
    assert list(props) == ["titel", "mål", "mærker", "dato", "kontakt", "eksempel"]
    assert required == ["titel", "mål"]
    assert props["dato"] == {"type": "string", "enum": ["2026-01-01"]}
    group = props["mål"]
    assert (group["title"], group["description"], group["required"]) == ("Mål", "Målene.", ["alder"])
    assert list(group["properties"]) == ["alder", "størrelse"]
    assert group["properties"]["alder"]["required"] == ["fra"]
    assert group["properties"]["alder"]["title"] == "Alder"
    assert group["properties"]["alder"]["properties"]["fra"] == {"type": "integer"}
    partner, _ = fields.properties(fields.table(Thing), view=[], kind="partnertilbud", groups=Thing.GROUPS)
    assert "kun" in partner


DATA = {
    "titel": "Gåtur",
    "mål": {"alder": {"fra": 18}},
    "mærker": ["a", "b"],
    "dato": "2026-03-04",
    "kontakt": {"rolle": "Visitator"},
    "kun": "ignoreret",
}


def test_build_reads_each_key_and_fills_in_what_is_missing():
    thing = fields.build(Thing, DATA, "tilbud", id="x/gaatur")
    assert thing == Thing(
        id="x/gaatur",
        title="Gåtur",
        low=18,
        size=0,
        tags=("a", "b"),
        day=dt.date(2026, 3, 4),
        contact=Sub(role="Visitator", mail=""),
        partner_only="",
        example=False,
    )
    # A kind that has the key reads it.
    assert fields.build(Thing, DATA, "partnertilbud", id="x").partner_only == "ignoreret"
    # An empty sub-record is none.
    assert fields.build(Thing, {**DATA, "kontakt": {}}, "tilbud", id="x").contact is None
    assert fields.build(Thing, None, "tilbud", id="x").title == ""


def test_json_and_csv_follow_the_table():
    thing = Thing(
        id="x",
        title="Gåtur",
        low=18,
        size=2,
        tags=("a",),
        day=None,
        contact=Sub("Visitator", "a@b.dk"),
        partner_only="",
        example=True,
    )
    assert fields.to_json(thing) == {
        "titel": "Gåtur",
        "mål": {"alder": {"fra": 18}, "størrelse": 2},
        "mærker": ["a"],
        "dato": None,
        "kontakt": {"rolle": "Visitator", "email": "a@b.dk"},
        "kun": "",
        "eksempel": True,
        "status": "ok",
    }
    assert list(fields.csv_cells(thing, fields.table(Thing))) == [
        ("titel", "Gåtur"),
        ("fra", "18"),
        ("fra_tekst", "18"),
        ("status", "ok"),
    ]


def test_body_and_trailer_split_off_the_confirmation_fields_in_their_own_order():
    rows = (
        fields.Field("kilde"),
        fields.Field("titel"),
        fields.Field("eksempel"),
        fields.Field("status"),
        fields.Field("sidst_bekræftet"),
    )
    body, trailer = fields.body_and_trailer(rows)
    assert [f.key for f in body] == ["titel"]
    assert [f.key for f in trailer] == ["status", "sidst_bekræftet", "eksempel", "kilde"]


def test_questions_reach_into_sub_records():
    assert [(f.attr, path) for f, path in fields.questions(Thing)] == [
        ("title", ("titel",)),
        ("role", ("kontakt", "rolle")),
    ]


def test_nest():
    assert fields.nest([(("a",), 1), (("b", "c"), 2), (("b", "d", "e"), 3)]) == {"a": 1, "b": {"c": 2, "d": {"e": 3}}}
