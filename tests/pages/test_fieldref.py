"""The field reference is made from the schemas, so every field and every coded value is on it."""

from __future__ import annotations

import datetime as dt

from tests.helpers.site import DATA
from videre.catalog.load import load_catalog, register_view
from videre.core.options import SiteOptions
from videre.kinds.registry import published_schemas
from videre.pages.fieldref import field_reference_pages

TODAY = dt.date(2026, 11, 23)


def schemas_and_pages():
    """The schemas, and the field reference's pages by source path."""
    catalog = load_catalog(DATA, today=TODAY).catalog
    pages = field_reference_pages(catalog, SiteOptions(today=TODAY))
    return published_schemas(register_view(catalog.register)), {page.src_uri: page for page in pages}


def fields(schema, parents=()):
    """(dotted path, field schema, required) for every property, nested ones included."""
    required = set(schema.get("required", ()))
    for name, child in schema.get("properties", {}).items():
        path = (*parents, name)
        yield ".".join(path), child, name in required
        if child.get("type") == "object":
            yield from fields(child, path)
        items = child.get("items", {})
        if child.get("type") == "array" and items.get("type") == "object":
            yield from fields(items, (*parents, f"{name}[]"))


def test_every_schema_property_is_on_the_page_with_required_flag_and_values():
    schemas, pages = schemas_and_pages()
    assert pages["feltreference.md"].in_nav
    assert set(pages) == {"feltreference.md", *(f"feltreference/{kind}.md" for kind in schemas)}
    count = 0
    for kind, schema in schemas.items():
        assert f"(feltreference/{kind}.md)" in pages["feltreference.md"].markdown, kind
        section = pages[f"feltreference/{kind}.md"].markdown.split(f"{{ #{kind} }}", 1)[1]
        assert f"schemas/{kind}.schema.json" in section
        for path, child, required in fields(schema):
            count += 1
            heading = f"`{path}` {{ #"
            assert heading in section, f"{kind}: {path} mangler i feltreferencen"
            entry = section.split(heading, 1)[1].split("\n#", 1)[0]
            if path == "sidst_bekræftet" and "if" in schema:
                # Forbidden by 'eksempel': the page says so, not just "Kan udelades".
                assert ("**Sidst bekræftet** · Må ikke stå, når posten har 'eksempel: true' · ") in entry, (
                    f"{kind}.{path}"
                )
            elif path == "kilde" and "if" in schema:
                # Required, and in which form, by the record's state: the page says each case.
                assert (
                    "**Kilde** · Skal udfyldes som en gruppe af felter, når posten ikke har 'eksempel: true' "
                    "og ikke har 'sidst\\_bekræftet'; skal være en tekst, når posten har 'eksempel: true' · "
                ) in entry, f"{kind}.{path}"
            else:
                assert ("Skal udfyldes" if required else "Kan udelades") in entry, f"{kind}.{path}"
            source = child.get("items", {}) if child.get("type") == "array" else child
            for code in source.get("enum") or ():
                assert f"`{code}`" in entry, f"{kind}.{path}: {code}"
            for code, label in (source.get("x-labels") or {}).items():
                assert f"| `{code}` |" in entry or f"`{code}` (" in entry, f"{kind}.{path}: {label}"
    assert count > 100


def test_patterns_formats_and_examples_are_in_words():
    _, pages = schemas_and_pages()
    tilbud = pages["feltreference/tilbud.md"].markdown
    assert "Dansk telefonnummer med 8 cifre" in tilbud
    assert "Hel webadresse, der starter med https://" in tilbud
    assert "Må ikke ligge efter i dag" in tilbud
    assert "```yaml\nmålgruppe:\n  alder:\n    fra: 18\n```" in tilbud
    assert "```yaml\nform: [hjemme, udendoers, center]\n```" in tilbud
    assert "`# yaml-language-server: $schema=../../../docs/schemas/tilbud.schema.json`" in tilbud
    assert "`telefon_nr` → `telefon`" in tilbud


def test_field_reference_page_is_built_and_linked(site_dir):
    overview = (site_dir / "feltreference" / "index.html").read_text(encoding="utf-8")
    assert 'href="tilbud/"' in overview
    html = (site_dir / "feltreference" / "tilbud" / "index.html").read_text(encoding="utf-8")
    assert 'id="tilbud-maalgruppe-alder-fra"' in html and "målgruppe.alder.fra" in html
    assert 'href="../../schemas/tilbud.schema.json"' in html
    assert (site_dir / "gennemsyn" / "index.html").is_file() and (site_dir / "gennemsyn.csv").is_file()
    assert (site_dir / "senest-aendret" / "index.html").is_file()
