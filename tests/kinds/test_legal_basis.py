"""An offer's legal basis ('hjemmel') and the way in the law fixes for it: each combination at its edge.

§ 85 and §§ 107–108 are given after a municipal decision, so they need 'visitation' and are never
anonymous; an offer under sundhedsloven § 140 is training on a GOP; a municipality's offer always has a
law behind it. Each broken combination is one warning that names the file, the line, the field and a fix.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.helpers.records import GOOD_OFFER, GOOD_PARTNER, GOOD_PARTNER_OFFER
from tests.helpers.site import DATA, write_tree
from videre.catalog.load import load_catalog
from videre.core import vocab
from videre.core.errors import WARNING, render_text
from videre.kinds.offers import BASIS_CHECKS

TODAY = dt.date(2026, 11, 23)
RULE = "hjemmel-henvisning"


def offer(basis: str | None, routes: str, kind: str = "socialpsykiatri") -> str:
    text = GOOD_OFFER.replace("type: genoptraening", f"type: {kind}").replace(
        "henvisning: [gop]", f"henvisning: [{routes}]"
    )
    return text.replace(f"henvisning: [{routes}]\n", f"henvisning: [{routes}]\nhjemmel: {basis}\n") if basis else text


def load(tmp_path: Path, files: dict[str, str]):
    root = write_tree(tmp_path / "data", files)
    return load_catalog(root, today=TODAY), root


def warnings(tmp_path: Path, text: str, path: str = "offers/esbjerg/tilbud.yaml", extra: dict | None = None):
    result, _ = load(tmp_path, {path: text, **(extra or {})})
    assert result.errors == [], result.errors
    assert len(result.catalog.all_offers()) == 1, "a warning never drops the record"
    return [p for p in result.problems if p.rule == RULE]


@pytest.mark.parametrize(
    ("basis", "routes", "expected"),
    [
        # § 85, § 107, § 108: a municipal decision, never anonymous
        ("serviceloven-85", "visitation", 0),
        ("serviceloven-85", "visitation, egen-henvendelse", 0),
        ("serviceloven-85", "egen-henvendelse", 1),
        ("serviceloven-85", "henvisning", 1),
        ("serviceloven-85", "anonym, visitation", 1),
        ("serviceloven-85", "anonym", 2),
        ("serviceloven-85", "anonym, egen-henvendelse", 2),
        ("serviceloven-107", "visitation", 0),
        ("serviceloven-107", "egen-henvendelse", 1),
        ("serviceloven-108", "visitation", 0),
        ("serviceloven-108", "anonym, visitation", 1),
        # open offers: no rule for their way in
        ("serviceloven-104", "egen-henvendelse, anonym", 0),
        ("serviceloven-99", "egen-henvendelse", 0),
        ("serviceloven-82b", "visitation", 0),
        # sundhedsloven § 140: training on a GOP
        ("sundhedsloven-140", "gop", 0),
        ("sundhedsloven-140", "gop, egen-henvendelse", 0),
        ("sundhedsloven-140", "henvisning", 1),
        ("sundhedsloven-140", "egen-henvendelse", 1),
        # no basis at all: nothing to check
        (None, "anonym", 0),
    ],
)
def test_each_combination_at_its_edge(tmp_path, basis, routes, expected):
    found = warnings(tmp_path, offer(basis, routes))
    assert len(found) == expected, [p.message for p in found]
    assert all(p.level == WARNING for p in found)


def test_ingen_is_a_warning_on_a_municipal_offer_and_fine_for_an_association(tmp_path):
    municipal = warnings(tmp_path / "a", offer("ingen", "egen-henvendelse", kind="samvaer"))
    assert len(municipal) == 1 and "kommunes tilbud" in municipal[0].message
    association = GOOD_PARTNER_OFFER.replace(
        "henvisning: [egen-henvendelse]\n", "henvisning: [egen-henvendelse]\nhjemmel: ingen\n"
    )
    assert "hjemmel: ingen" in association
    assert (
        warnings(tmp_path / "b", association, "partners/test/gaatur.yaml", {"partners/test.yaml": GOOD_PARTNER}) == []
    )


def test_a_warning_names_file_line_field_and_a_fix(tmp_path):
    text = offer("serviceloven-85", "egen-henvendelse")
    result, root = load(tmp_path, {"offers/esbjerg/tilbud.yaml": text})
    [problem] = [p for p in result.problems if p.rule == RULE]
    line = text.splitlines().index("hjemmel: serviceloven-85") + 1
    assert (problem.file.name, problem.line, problem.field) == ("tilbud.yaml", line, "hjemmel")
    assert "'serviceloven-85'" in problem.message and "Serviceloven § 85: socialpædagogisk støtte" in problem.message
    assert "'visitation'" in problem.hint
    rendered = render_text(result.problems, root, result.sources)
    assert f"offers/esbjerg/tilbud.yaml:{line}:" in rendered and "advarsel [hjemmel-henvisning]" in rendered
    assert "hjemmel: serviceloven-85" in rendered  # the line itself is quoted


def test_an_anonymous_route_is_pointed_at_where_it_stands(tmp_path):
    text = offer("serviceloven-85", "visitation, anonym")
    [problem] = warnings(tmp_path, text)
    assert problem.line == text.splitlines().index("henvisning: [visitation, anonym]") + 1
    assert problem.field == "henvisning[1]" and "'anonym'" in problem.hint


def test_an_unknown_basis_is_an_error_that_lists_the_codes(tmp_path):
    result, root = load(tmp_path, {"offers/esbjerg/tilbud.yaml": offer("serviceloven-86", "visitation")})
    [error] = result.errors
    assert (error.rule, error.field) == ("ugyldig-værdi", "hjemmel")
    assert "serviceloven-85" in render_text(result.problems, root, result.sources)


def test_the_checks_name_only_known_bases_and_routes():
    for check in BASIS_CHECKS:
        assert set(check.bases) <= set(vocab.LEGAL_BASES)
        assert set(check.needs) | set(check.never) <= set(vocab.REFERRAL_ROUTES)


# ---------------------------------------------------------------- the labels and the records


def test_labels_name_the_section_and_the_everyday_type_names_none():
    assert set(vocab.LEGAL_BASES) == {
        "serviceloven-82a",
        "serviceloven-82b",
        "serviceloven-85",
        "serviceloven-99",
        "serviceloven-103",
        "serviceloven-104",
        "serviceloven-107",
        "serviceloven-108",
        "sundhedsloven-140",
        "sundhedsloven-119",
        "ingen",
    }
    for code, label in vocab.LEGAL_BASES.items():
        if code != "ingen":
            law, section = code.split("-")
            section = re.sub(r"([0-9])([a-z])", r"\1 \2", section)  # '82a' is written '§ 82 a'
            assert label.startswith(f"{law.capitalize()} § {section}: "), label
    assert vocab.LEGAL_BASES["serviceloven-85"] == "Serviceloven § 85: socialpædagogisk støtte"
    assert vocab.LEGAL_BASES["serviceloven-99"] == "Serviceloven § 99: støtte- og kontaktperson"
    assert not [label for label in vocab.OFFER_KINDS.values() if "§" in label]
    assert vocab.OFFER_KINDS["socialpsykiatri"] == "Socialpsykiatrisk støtte"


def test_everyday_words_find_each_legal_basis():
    assert {"bostøtte", "socialpædagogisk støtte", "hjemmevejledning"} <= set(vocab.SEARCH_WORDS["serviceloven-85"])
    assert {"støtte- og kontaktperson", "SKP"} <= set(vocab.SEARCH_WORDS["serviceloven-99"])
    assert {"aktivitets- og samværstilbud", "værested"} <= set(vocab.SEARCH_WORDS["serviceloven-104"])
    assert "beskyttet beskæftigelse" in vocab.SEARCH_WORDS["serviceloven-103"]
    assert "midlertidigt botilbud" in vocab.SEARCH_WORDS["serviceloven-107"]
    assert "længerevarende botilbud" in vocab.SEARCH_WORDS["serviceloven-108"]
    assert set(vocab.LEGAL_BASES) - {"ingen"} <= set(vocab.SEARCH_WORDS)


def by_id(catalog, offer_id: str):
    return next(o for o in catalog.all_offers() if o.id == offer_id)


@pytest.fixture(scope="module")
def catalog():
    result = load_catalog(DATA)
    assert [p for p in result.problems if p.rule == RULE] == []
    return result.catalog


def test_a_support_person_offer_is_section_99_never_85(catalog):
    """Aalborg's 'Støtte- og kontaktperson efter udskrivelse' once showed a § 85 label."""
    assert by_id(catalog, "aalborg/stoettekontaktperson-efter-udskrivelse").legal_basis == "serviceloven-99"
    for o in catalog.all_offers():
        if "kontaktperson" in o.title.casefold() and o.kind == "socialpsykiatri":
            assert o.legal_basis == "serviceloven-99", o.id
        if o.legal_basis == "serviceloven-85":
            assert "kontaktperson" not in f"{o.title} {o.slug}".casefold(), o.id


def test_every_example_record_has_a_basis_that_fits_its_owner_and_type(catalog):
    for o in catalog.all_offers():
        if not o.example:
            # A real record carries a basis only where its source names the section; when it does, it must fit.
            assert not (o.owner_kind == "kommune" and o.legal_basis == "ingen"), o.id
            continue
        if o.kind == "genoptraening":
            assert o.legal_basis == "sundhedsloven-140", o.id
        if o.owner_kind == "partner" and o.owner != "psykinfo":  # PsykInfo is run by the region, not an association
            assert o.legal_basis == "ingen", o.id
        if o.owner_kind == "kommune":
            assert o.legal_basis != "ingen", o.id
    assert by_id(catalog, "esbjerg/socialpaedagogisk-stoette").legal_basis == "serviceloven-85"
