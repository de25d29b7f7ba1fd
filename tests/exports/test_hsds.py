"""Open Referral HSDS 3.0 export: valid against the official compiled schemas, with stable ids.

The schemas are Open Referral's own compiled files, kept unchanged (gzip-compressed)
in tests/fixtures/hsds-3.0/ with their licence, so the test runs on every machine.
Set HSDS_SCHEMAS to test against another copy.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import uuid
from functools import cache
from pathlib import Path

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.site import DATA, ROOT
from videre.catalog.load import load_catalog
from videre.cli import commands as cli
from videre.core.options import SiteOptions
from videre.exports import hsds

SCHEMAS = Path(os.environ.get("HSDS_SCHEMAS", ROOT / "tests" / "fixtures" / "hsds-3.0"))
"""The official HSDS 3.0 schemas (compiled), kept in the repository; see its README.md."""
PACKAGES = {
    "organizations": "organization_package",
    "services": "service_package",
    "service_at_locations": "service_at_location_package",
}
TODAY = dt.date(2026, 12, 6)  # the day the sourced records in data/ were read (kilde.læst)


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    plain, packed = SCHEMAS / f"{name}.json", SCHEMAS / f"{name}.json.gz"
    assert plain.is_file() or packed.is_file(), f"Det officielle HSDS 3.0-skema mangler: {packed}"
    raw = plain.read_bytes() if plain.is_file() else gzip.decompress(packed.read_bytes())
    schema = json.loads(raw)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def catalog():
    result = load_catalog(DATA, today=TODAY)
    assert result.errors == []
    return result.catalog


def assert_valid(name: str, data: list) -> None:
    errors = sorted(validator(PACKAGES[name]).iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{name}{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:10])


BASE = SCHEMAS / "base"
TABLES = {
    "organizations": "organization",
    "services": "service",
    "service_at_locations": "service_at_location",
    "taxonomy_terms": "taxonomy_term",
}


def _strict(schema):
    """The schema with every object closed: a field it does not name is an error, as hsds-validator has it."""
    if isinstance(schema, dict):
        closed = {key: _strict(value) for key, value in schema.items()}
        if "properties" in closed and "additionalProperties" not in closed:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


@cache
def base_validator(table: str) -> jsonschema.protocols.Validator:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    schemas = {
        path.name.removesuffix(".gz"): _strict(json.loads(gzip.decompress(path.read_bytes())))
        for path in sorted(BASE.glob("*.json.gz"))
    }
    assert len(schemas) >= 20, f"HSDS' basisskemaer mangler i {BASE}"
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )
    schema = schemas[f"{table}.json"]
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def base_errors(name: str, rows: list) -> list[str]:
    validator = base_validator(TABLES[name])
    return [
        f"{name}[{index}]{list(e.absolute_path)}: {e.message[:200]}"
        for index, row in enumerate(rows)
        for e in validator.iter_errors(row)
    ]


def test_the_strict_check_refuses_a_field_the_base_table_does_not_name():
    # The nested forms of the compiled API schemas are not base tables: the check must catch them.
    ids = [str(uuid.uuid5(uuid.NAMESPACE_URL, str(n))) for n in range(3)]
    organization = {"id": ids[0], "name": "X", "description": "Y"}
    at_location = {"id": ids[1], "service_id": ids[2]}
    assert base_errors("organizations", [organization]) == []
    assert base_errors("service_at_locations", [at_location]) == []
    assert base_errors("organizations", [{**organization, "services": []}]) == [
        "organizations[0][]: Additional properties are not allowed ('services' was unexpected)"
    ]
    assert base_errors("service_at_locations", [{**at_location, "service": {"id": ids[2]}}]) == [
        "service_at_locations[0][]: Additional properties are not allowed ('service' was unexpected)"
    ]


def test_every_published_file_is_a_base_table_with_no_unknown_field(tmp_path):
    """What the Open Referral community's hsds-validator checks: each file against its table's base schema."""
    assert (
        cli.main(
            ["--data", str(DATA), "--dato", TODAY.isoformat(), "eksport", "--format", "hsds", "--ud", str(tmp_path)]
        )
        == 0
    )
    counts = {}
    for name in TABLES:
        rows = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        counts[name] = len(rows)
        errors = base_errors(name, rows)
        assert errors == [], "\n".join(errors[:10])
    assert all(counts.values()), counts


def test_cli_export_validates_against_the_official_schemas(tmp_path):
    assert (
        cli.main(
            ["--data", str(DATA), "--dato", TODAY.isoformat(), "eksport", "--format", "hsds", "--ud", str(tmp_path)]
        )
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "organizations.json",
        "service_at_locations.json",
        "services.json",
        "taxonomy_terms.json",
    ]
    for name in PACKAGES:
        data = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        assert data, name
        assert_valid(name, data)


def test_published_site_files_validate_too(site_dir):
    for name in PACKAGES:
        assert_valid(name, json.loads((site_dir / "hsds" / f"{name}.json").read_text(encoding="utf-8")))


def test_every_offer_is_a_service_with_its_organisation_and_coded_attributes():
    cat = catalog()
    packages = hsds.export(cat, SiteOptions(today=TODAY))
    organizations = {o["id"]: o for o in packages["organizations"]}
    services = {s["id"]: s for s in packages["services"]}
    assert len(services) == len(cat.all_offers())
    assert len(organizations) == len(cat.register.municipalities) + len(cat.partners)
    for offer in cat.all_offers():
        service = services[hsds.uid("service", offer.id)]
        assert service["organization_id"] in organizations
        assert service["organization"]["id"] == service["organization_id"]
        # An example was never confirmed, nor was a record read from a public page: no assured_date at all.
        assert service.get("assured_date") == (
            offer.verified.date.isoformat() if not offer.example and offer.verified else None
        )
        assert service["name"] == offer.title and service["status"] == "active"
        coded = {(a["taxonomy_term"]["taxonomy"], a["value"]) for a in service["attributes"]}
        assert ("Videre: type tilbud", offer.kind) in coded
        assert {("Videre: problemer", p) for p in offer.problems} <= coded
        assert {("Videre: form", m) for m in offer.modes} <= coded
        assert {("Videre: henvisning", r) for r in offer.routes} <= coded
        assert {("Videre: indhold", e) for e in offer.elements} <= coded
        assert (("Videre: status", "eksempel") in coded) == offer.example
        for attribute in service["attributes"]:
            assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]
            assert attribute["link_id"] == service["id"] and attribute["link_entity"] == "service"
    esbjerg = organizations[hsds.uid("organization", "kommune", "esbjerg")]
    assert esbjerg["name"] == "Esbjerg Kommune"
    assert esbjerg["organization_identifiers"][0]["identifier"] == "561"
    assert any(c["title"] == "Modtagelse af genoptræningsplaner" for c in esbjerg["contacts"])


@given(st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_fast_ids_equal_the_standard_library_uuid5(parts):
    assert hsds.uid(*parts) == str(uuid.uuid5(hsds.NAMESPACE, "/".join(parts)))


def test_ids_are_stable_uuid5_values_and_unique():
    assert uuid.uuid5(uuid.NAMESPACE_URL, "https://videre.example.org/hsds/") == hsds.NAMESPACE
    assert hsds.uid("service", "esbjerg/genoptraening") == str(
        uuid.uuid5(hsds.NAMESPACE, "service/esbjerg/genoptraening")
    )
    first = hsds.hsds_json(catalog(), SiteOptions(today=TODAY))
    assert hsds.hsds_json(catalog(), SiteOptions(today=TODAY)) == first  # deterministic

    seen: dict[str, object] = {}

    def walk(value, kind):
        if isinstance(value, dict):
            if "id" in value and kind not in ("organization", "taxonomy_term", "service"):
                assert seen.setdefault(value["id"], value) == value, value["id"]
            for key, child in value.items():
                walk(child, key)
        elif isinstance(value, list):
            for child in value:
                walk(child, kind)

    data = json.loads(first)
    ids = [o["id"] for o in data["organizations"]] + [s["id"] for s in data["services"]]
    assert len(ids) == len(set(ids))
    walk(data["services"], "")
    assert all(uuid.UUID(i).version == 5 for i in ids)


def test_taxonomy_terms_cover_every_code_with_danish_names():
    terms = hsds.taxonomy_terms()
    codes = {(t["taxonomy"], t["code"]): t["name"] for t in terms}
    assert codes[("Videre: problemer", "angst")] == "Angst"
    assert codes[("Videre: form", "udendoers")] == "Udendørs"
    assert len({t["id"] for t in terms}) == len(terms)
