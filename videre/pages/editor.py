"""The web editor at /redaktion/ (Decap CMS): its configuration, page and files, made from the schemas.

Municipal staff and associations edit their records in a Danish form instead of
in YAML. Everything the form knows comes from :mod:`videre.core.schema` at build
time: fields, required fields, coded values with their Danish labels, help
texts and patterns with the Danish fix. Nothing here is written by hand, so
the form cannot drift from the validator.

The CMS itself is the npm package ``decap-cms``, installed from
``package-lock.json`` and copied into the site (no CDN). The page gets its own
Content-Security-Policy: the editor, and only the editor, may talk to the
forge's API.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from ..core import schema as S
from ..core import fields as fields_table, text, urls, vocab
from .csp import DIRECTIVES
from ..catalog.catalog import Catalog
from ..core.schemaline import schema_line
from ..catalog.load import register_view
from ..kinds.registry import KINDS, Kind

FOLDER = "redaktion"
CONFIG = f"{FOLDER}/config.yml"
PAGE = f"{FOLDER}/index.html"
BUNDLE = "decap-cms.js"
PACKAGE_DIR = Path("node_modules") / "decap-cms" / "dist"
YAML_DIR = Path("node_modules") / "yaml" / "browser" / "dist"
FORGE_API = "https://api.github.com"
FORGE_AVATARS = "https://avatars.githubusercontent.com"
LOCAL_BACKEND_ENV = "VIDERE_REDAKTION_LOKAL"
"""Read by the MkDocs hook: ``make redaktion`` and the tests set it to the local backend's API address,
e.g. http://127.0.0.1:8081/api/v1."""

MISSING_BUNDLE = ("Redaktionen (/redaktion/) kan ikke bygges: mappen node_modules/decap-cms mangler. "
                  "Kør 'npm ci' i projektets mappe (make build, make serve og make test gør det for dig).")


class EditorBundleMissing(RuntimeError):
    """The npm packages are not installed; the message says what to do, in Danish."""


def _kind(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


OFFER, PARTNER_OFFER, PARTNER, CONTACTS, DEPARTMENT = map(
    _kind, ("tilbud", "partnertilbud", "partner", "kommunekontakter", "afdeling"))
"""The kinds the form edits, straight from the registry: the same schemas and folders the loader uses."""
EDITABLE = (OFFER, PARTNER_OFFER, PARTNER, CONTACTS, DEPARTMENT)

VERIFIED_FIELD = "sidst_bekræftet"
EXAMPLE_FIELD = "eksempel"
SAVE_CONFIRMS = ("Når du gemmer, bekræfter du, at oplysningerne er rigtige: datoen bliver dagens dato, "
                 "og posten er ikke længere et eksempel.")
SOURCE_KEPT = "Siden, oplysningerne er læst på. Den bliver stående, når du gemmer."
TEXTAREA_FROM = 200
"""Texts that may be longer than this many characters get a text area instead of a one-line field."""


# ---------------------------------------------------------------- fields from the schema


def _message(hint: str) -> str:
    """A schema's x-hint for the form, with a capital first letter (the CMS adds the full stop)."""
    hint = hint.strip().rstrip(".")
    return hint[:1].upper() + hint[1:]


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


SAFE_MARKDOWN = ("^(?![\\s\\S]*\\]\\(\\s*<?(?!" + "|".join(_any_case(s) for s in text.ALLOWED_SCHEMES) + "))"
                 "(?![\\s\\S]*<\\s*/?\\s*[A-Za-z!?])[\\s\\S]*$")
"""Free text with no HTML and only https, mailto and tel links (the rules of :mod:`videre.core.text`)."""
SAFE_MARKDOWN_MESSAGE = ("skriv almindelig tekst uden HTML; links skal starte med https://, mailto: eller tel:, "
                         "fx [kommunens side](https://kommune.example.org)")


def _options(values: Iterable[str], labels: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"label": labels.get(value, value), "value": value} for value in values]


def value_labels(catalog: Catalog) -> dict[str, str]:
    """Danish names for the codes that have no x-labels in the schema: regions and municipalities."""
    register = catalog.register
    labels = {vocab.NATIONWIDE: "Hele landet"}
    for region in register.all_regions or register.regions:  # the regions the validator accepts (register_view)
        labels[region.slug] = region.name
        labels[f"region-{region.slug}"] = region.name
    labels.update({m.slug: m.name for m in register.municipalities})
    return labels


def field(name: str, spec: Mapping[str, Any], required: bool, labels: Mapping[str, str]) -> dict[str, Any]:
    """One Decap field from one property of a JSON Schema."""
    out: dict[str, Any] = {"label": spec.get("title", name), "name": name, "required": required}
    if spec.get("description"):
        out["hint"] = spec["description"]
    kind = spec.get("type")
    if kind == "object":
        out["widget"] = "object"
        out["collapsed"] = False
        need = set(spec.get("required", ()))
        out["fields"] = [field(key, sub, key in need, labels) for key, sub in spec["properties"].items()]
    elif kind == "array" and "enum" not in spec["items"]:
        out["widget"] = "list"  # free words (an offer's other names): Decap's list of strings
    elif kind == "array":
        items = spec["items"]
        out.update(widget="select", multiple=True,
                   options=_options(items["enum"], {**labels, **items.get("x-labels", {})}))
        if spec.get("minItems"):
            out["min"] = spec["minItems"]
    elif kind == "integer":
        out.update(widget="number", value_type="int")
        for key, decap in (("minimum", "min"), ("maximum", "max")):
            if key in spec:
                out[decap] = spec[key]
    elif kind == "boolean":
        out["widget"] = "boolean"
    elif "enum" in spec:
        out.update(widget="select", options=_options(spec["enum"], {**labels, **spec.get("x-labels", {})}))
    else:
        long_text = spec.get("x-markdown") or (spec.get("maxLength", 0) > TEXTAREA_FROM and "pattern" not in spec)
        out["widget"] = "text" if long_text else "string"
        if spec.get("pattern"):
            out["pattern"] = [spec["pattern"], _message(spec.get("x-hint", "se feltreferencen"))]
        elif spec.get("x-markdown"):
            out["pattern"] = [SAFE_MARKDOWN, _message(SAFE_MARKDOWN_MESSAGE)]
    return out


def _verified(spec: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, Any]:
    """'Sidst bekræftet': the date is set on saving (so it is never in the future); the editor names the unit."""
    out = field(VERIFIED_FIELD, spec, True, labels)
    out["hint"] = SAVE_CONFIRMS
    for sub in out["fields"]:
        if sub["name"] == "dato":
            # Not required in the form: nobody types it, preSave (redaktion.js) sets it.
            sub.update(widget="hidden", required=False, hint="Sættes til dagens dato, når du gemmer.")
            sub.pop("pattern", None)
        elif sub["name"] == "af":
            sub["label"] = "Din enhed"
            sub["hint"] = spec["properties"]["af"]["description"]
    return out


def fields(document: Mapping[str, Any], labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every property of a record kind's schema, in the schema's order."""
    need = set(document.get("required", ()))
    out = []
    for name in record_order(document["properties"]):
        spec = document["properties"][name]
        if name == VERIFIED_FIELD:
            out.append(_verified(spec, labels))
        elif name == EXAMPLE_FIELD:
            out.append({**field(name, spec, False, labels), "widget": "hidden", "default": False,
                        "hint": SAVE_CONFIRMS})
        elif name == S.SOURCE_FIELD:
            # The public page the record was read from, or an example's note: kept as it is when the owner
            # saves (and so confirms) the record; the form neither shows nor changes it.
            out.append({"label": spec.get("title", name), "name": name, "required": False, "widget": "hidden",
                        "hint": SOURCE_KEPT})
        else:
            out.append(field(name, spec, name in need, labels))
    return out


TRAILER = fields_table.TRAILER
"""Fields that close every record, after the kind's own fields (as in the hand-written records)."""


def record_order(properties: Mapping[str, Any]) -> list[str]:
    """A record's top-level fields: the schema's order, with the verification trailer last."""
    return [*(k for k in properties if k not in TRAILER), *(k for k in TRAILER if k in properties)]


def key_order(spec: Mapping[str, Any], *, top: bool = False) -> dict[str, Any]:
    """The field table's key order at every level, for the YAML writer ({key: sub-order or None})."""
    if spec.get("type") == "array":
        spec = spec.get("items", {})
    if spec.get("type") != "object":
        return {}
    properties = spec["properties"]
    keys = record_order(properties) if top else list(properties)
    return {key: (key_order(properties[key]) or None) for key in keys}


# ---------------------------------------------------------------- collections


def _schemas(catalog: Catalog) -> dict[str, S.Schema]:
    """The editable kinds' schemas on the validator's view of the register, so the form offers exactly
    the coded values `videre valider` accepts."""
    view = register_view(catalog.register)
    return {kind.name: kind.schema(view) for kind in EDITABLE}


def _collection(name: str, label: str, folder: str, kind: Kind, field_list: list[dict[str, Any]], *,
                identifier: str, create: bool, singular: str, description: str,
                summary: str = "") -> dict[str, Any]:
    return {
        "name": name, "label": label, "label_singular": singular, "description": description,
        "folder": folder, "extension": "yaml", "format": f"videre-{kind.name}", "create": create,
        "delete": False, "identifier_field": identifier, "slug": "{{slug}}", "summary": summary or f"{{{{{identifier}}}}}",
        "sortable_fields": [identifier], "editor": {"preview": False}, "fields": field_list,
    }


def collections(catalog: Catalog) -> list[dict[str, Any]]:
    """One collection per municipality (its offers), per association, plus associations and contacts."""
    labels = value_labels(catalog)
    schemas = _schemas(catalog)
    offer_fields = fields(schemas[OFFER.name], labels)
    partner_offer_fields = fields(schemas[PARTNER_OFFER.name], labels)
    out = [
        _collection(urls.municipal_offers_collection(m.slug), f"Tilbud i {m.name}", f"data/offers/{m.slug}", OFFER, offer_fields,
                    identifier="titel", create=True, singular=f"tilbud i {m.name}",
                    description=f"{m.name} Kommunes egne tilbud. Et nyt tilbud gemmes i data/offers/{m.slug}/.")
        for m in sorted(catalog.register.municipalities, key=lambda m: m.name)
    ]
    out += [
        _collection(urls.partner_offers_collection(p.slug), f"Tilbud fra {p.short_name}", f"data/partners/{p.slug}",
                    PARTNER_OFFER, partner_offer_fields, identifier="titel", create=True,
                    singular=f"tilbud fra {p.short_name}",
                    description=f"Foreningens egne tilbud. Et nyt tilbud gemmes i data/partners/{p.slug}/.")
        for p in sorted(catalog.partners, key=lambda p: p.short_name)
    ]
    out += [
        _collection(urls.PARTNERS_COLLECTION, "Foreninger", "data/partners", PARTNER, fields(schemas[PARTNER.name], labels),
                    identifier="navn", create=True, singular="forening",
                    description="Foreningerne og deres kontakter. Hver forening har sin egen fil."),
        _collection(urls.CONTACTS_COLLECTION, "Kommunernes kontakter", "data/contacts/kommuner", CONTACTS,
                    fields(schemas[CONTACTS.name], labels), identifier="kilde", create=False, summary="{{slug}}",
                    singular="kontakter", description="Hvem i kommunen der modtager genoptræningsplaner, og andre faste kontakter."),
        _collection(urls.DEPARTMENTS_COLLECTION, "Psykiatriske afdelinger", "data/contacts/afdelinger", DEPARTMENT,
                    fields(schemas[DEPARTMENT.name], labels), identifier="navn", create=False,
                    singular="afdeling", description="Afdelingernes terapienheder og de kommuner, de betjener."),
    ]
    return out


def formats(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """For the YAML writer in the browser: each kind's schema line and key order."""
    schemas = _schemas(catalog)
    return {f"videre-{kind.name}": {"schemaLine": schema_line(kind.name, kind.pattern),
                                   "order": key_order(schemas[kind.name], top=True)}
            for kind in EDITABLE}


# ---------------------------------------------------------------- the configuration and the page


@dataclass(frozen=True)
class EditorOptions:
    """Where the editor saves: the forge repository, or a local backend (decap-server) for tests and make."""

    repo: str
    branch: str = "main"
    site_url: str = "https://videre.example.org/"
    local_backend: str = ""


def config(catalog: Catalog, options: EditorOptions) -> dict[str, Any]:
    out: dict[str, Any] = {
        "locale": "da",
        "backend": {"name": "github", "repo": options.repo, "branch": options.branch,
                    "squash_merges": True,
                    "commit_messages": {"create": "Nyt: {{collection}} {{slug}}",
                                        "update": "Rettet: {{collection}} {{slug}}",
                                        "delete": "Slettet: {{collection}} {{slug}}",
                                        "uploadMedia": "Fil: {{path}}", "deleteMedia": "Fil slettet: {{path}}"}},
        "publish_mode": "editorial_workflow",
        "site_url": options.site_url,
        "display_url": options.site_url,
        "media_folder": "docs/assets",
        "public_folder": "/assets",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(catalog),
    }
    if options.local_backend:
        out["local_backend"] = {"url": options.local_backend,
                                "allowed_hosts": [_host(options.local_backend)]}
    return out


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def _origin(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def config_yaml(catalog: Catalog, options: EditorOptions) -> str:
    """The configuration as YAML. Collections of one kind share their field list through a YAML anchor
    (the CMS reads aliases without a limit), which keeps the file small with 98 municipalities."""
    header = ("# Lavet af videre.editor ud fra JSON-skemaerne, når sitet bygges. Ret skemaet, ikke denne fil.\n")
    return header + yaml.dump(config(catalog, options), Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False,
                              width=120)


EDITOR_SOURCES: dict[str, tuple[str, ...]] = {
    "script-src": ("'unsafe-eval'", "'wasm-unsafe-eval'"),
    "style-src": ("'unsafe-inline'",),
    "img-src": ("blob:", FORGE_AVATARS),
    "connect-src": ("blob:", FORGE_API),
}
"""What the editor needs beyond the public pages' policy (videre.pages.csp), each measured in Chromium:
'unsafe-eval' because the CMS compiles its configuration check (ajv) with ``new Function``;
'unsafe-inline' styles because its components set style attributes; blob: and the forge's avatars for images;
the forge's API for reading and saving, blob: for the drafts it keeps in the browser. No inline script."""


def page_policy(options: EditorOptions) -> str:
    """The editor's own CSP: the site's policy plus the forge's API (and the local backend, when used)."""
    extra = dict(EDITOR_SOURCES)
    if options.local_backend:
        extra["connect-src"] = (*extra["connect-src"], _origin(options.local_backend))
    parts = [f"{name} {' '.join([value, *extra.get(name, ())])}" for name, value in DIRECTIVES]
    return "; ".join([*parts, "frame-src 'self'"])


def index_html(catalog: Catalog, options: EditorOptions) -> str:
    """The editor's page: no theme, no search, kept out of search engines; the CMS fills the body."""
    data = json.dumps(formats(catalog), ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(page_policy(options), quote=False)}">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redaktion – Videre</title>
<link rel="icon" href="../assets/images/favicon.png">
<link rel="stylesheet" href="redaktion.css">
<script type="application/json" id="videre-formater">{data}</script>
<script src="start.js"></script>
<script src="{BUNDLE}"></script>
<script type="module" src="redaktion.js"></script>
</head>
<body>
<noscript>Redaktionen kræver JavaScript. Du kan også rette posterne i YAML; se vejledningen under Bidrag.</noscript>
</body>
</html>
"""


def package_root(start: Path) -> Path:
    """The folder with node_modules: the site's own, else this package's checkout."""
    for root in (start, Path(__file__).resolve().parents[2]):
        if (root / PACKAGE_DIR / BUNDLE).is_file():
            return root
    raise EditorBundleMissing(MISSING_BUNDLE)


def bundle_files(start: Path) -> list[tuple[str, Path]]:
    """The CMS and the YAML parser, copied from node_modules into the site: (site path, source file)."""
    root = package_root(start)
    dist = root / PACKAGE_DIR
    files = [(f"{FOLDER}/{BUNDLE}", dist / BUNDLE)]
    files += [(f"{FOLDER}/{p.name}", p) for p in sorted(dist.glob(f"*.{BUNDLE}"))]
    files += [(f"{FOLDER}/{p.name}", p) for p in sorted(dist.glob("*.wasm"))]
    yaml_dir = root / YAML_DIR
    files += [(f"{FOLDER}/yaml/{p.relative_to(yaml_dir).as_posix()}", p) for p in sorted(yaml_dir.rglob("*.js"))]
    return files
