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
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.site import DATA, ROOT
from videre.cli import commands as cli
from videre.exports import hsds
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions

SCHEMAS = Path(os.environ.get("HSDS_SCHEMAS", ROOT / "tests" / "fixtures" / "hsds-3.0"))
"""The official HSDS 3.0 schemas (compiled), kept in the repository; see its README.md."""
PACKAGES = {"organizations": "organization_package", "services": "service_package",
            "service_at_locations": "service_at_location_package"}
TODAY = dt.date(2026, 12, 6)  # the day the sourced records in data/ were read (kilde.læst)


@lru_cache(maxsize=None)
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


def test_cli_export_validates_against_the_official_schemas(tmp_path):
    assert cli.main(["--data", str(DATA), "--dato", TODAY.isoformat(), "eksport", "--format", "hsds",
                     "--ud", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "organizations.json", "service_at_locations.json", "services.json", "taxonomy_terms.json"]
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
        assert service.get("assured_date") == (offer.verified.date.isoformat()
                                               if not offer.example and offer.verified else None)
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
    assert hsds.NAMESPACE == uuid.uuid5(uuid.NAMESPACE_URL, "https://videre.example.org/hsds/")
    assert hsds.uid("service", "esbjerg/genoptraening") == str(
        uuid.uuid5(hsds.NAMESPACE, "service/esbjerg/genoptraening"))
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
