"""One source of truth: the published schemas, the validator and the committed files agree."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers.records import EXAMPLE_OFFER, GOOD_CONTACTS, GOOD_OFFER, GOOD_PARTNER, GOOD_PARTNER_OFFER
from tests.helpers.site import DATA, ROOT, write_tree
from videre.catalog.load import load_catalog, load_register, register_view
from videre.core.validate import SUPPORTED_KEYWORDS, Validator
from videre.core.yamlsource import parse
from videre.kinds.registry import KINDS, published_schemas

TODAY = dt.date(2026, 11, 23)


def schemas():
    register, problems, _ = load_register(DATA / "kommuner.yaml", TODAY)
    assert problems == []
    return published_schemas(register_view(register))


def walk(schema):
    if isinstance(schema, bool):  # 'true' or 'false' as a whole schema: no keywords to check
        return
    yield schema
    for key in ("items", "if", "then", "else"):
        if isinstance(schema.get(key), (dict, bool)):
            yield from walk(schema[key])
    for child in schema.get("properties", {}).values():
        yield from walk(child)


def test_schemas_use_only_keywords_the_validator_understands():
    for kind, schema in schemas().items():
        for node in walk(schema):
            unknown = {k for k in node if not k.startswith("x-")} - SUPPORTED_KEYWORDS
            assert not unknown, f"{kind}: {unknown}"


def test_published_schemas_are_valid_draft_2020_12():
    for schema in schemas().values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_committed_schema_files_match_the_generated_ones():
    for kind, schema in schemas().items():
        committed = json.loads((ROOT / "docs" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"docs/schemas/{kind}.schema.json er forældet: kør 'make skemaer'"


VARIANTS = [
    GOOD_OFFER,
    GOOD_OFFER.replace("type: genoptraening", "type: ukendt"),
    GOOD_OFFER.replace("  rolle: Visitator\n", ""),
    GOOD_OFFER.replace("alder: {fra: 18, til: 120}", "alder: {fra: 18, til: 999}"),
    GOOD_OFFER.replace("form: [hjemme, udendoers]", "form: []"),
    GOOD_OFFER.replace("form: [hjemme, udendoers]", "form: [hjemme, hjemme]"),
    GOOD_OFFER.replace("form: [hjemme, udendoers]", "form: hjemme"),
    GOOD_OFFER.replace("eksempel: false", "eksempel: 1"),
    GOOD_OFFER.replace("genoptraening@esbjerg.example.org", "ikke en mail"),
    GOOD_OFFER + "ekstra: felt\n",
    GOOD_OFFER + "link: http://usikker.example.org\n",
    GOOD_OFFER + "link: https://sikker.example.org/side\n",
    GOOD_OFFER + "sted: {postnr: '67000'}\n",
    GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", "titel: ab"),
    # An example has no confirmation; every other record has one (if/then/else in the schema).
    EXAMPLE_OFFER,
    GOOD_OFFER.replace("eksempel: false", "eksempel: true"),
    EXAMPLE_OFFER.replace("eksempel: true", "eksempel: false"),
    EXAMPLE_OFFER.replace("eksempel: true\n", ""),
    GOOD_OFFER.replace("eksempel: false\n", ""),
    EXAMPLE_OFFER.replace("eksempel: true", "eksempel: 'true'"),
    GOOD_OFFER.replace("  af: Træning og Rehabilitering\n", ""),
]


@pytest.mark.parametrize("text", VARIANTS)
def test_validator_agrees_with_reference_jsonschema(text):
    """Schema-level verdicts match jsonschema's (our extra text checks are not part of this comparison)."""
    schema = schemas()["tilbud"]
    document, problems = parse(Path("x.yaml"), text)
    assert problems == [] and document is not None
    ours = Validator(schema, TODAY).problems(document)
    reference = list(jsonschema.Draft202012Validator(schema).iter_errors(document.data))
    assert bool(ours) == bool(reference), (ours, [e.message for e in reference])


def test_every_kind_has_a_schema_and_a_folder_pattern():
    names = [kind.name for kind in KINDS]
    assert len(names) == len(set(names))
    assert set(names) | {"kommuner"} == set(schemas())


def test_good_examples_validate_with_jsonschema_too(tmp_path):
    files = {
        "offers/esbjerg/a.yaml": GOOD_OFFER,
        "partners/test.yaml": GOOD_PARTNER,
        "partners/test/b.yaml": GOOD_PARTNER_OFFER,
        "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
    }
    result = load_catalog(write_tree(tmp_path, files), today=TODAY)
    assert result.problems == []
    kinds = {
        "offers/esbjerg/a.yaml": "tilbud",
        "partners/test.yaml": "partner",
        "partners/test/b.yaml": "partnertilbud",
        "contacts/kommuner/esbjerg.yaml": "kommunekontakter",
    }
    for name, kind in kinds.items():
        jsonschema.validate(yaml.safe_load(files[name]), schemas()[kind])
