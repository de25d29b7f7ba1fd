"""The web editor at /redaktion/ (Sveltia CMS): its configuration, page and files, made from the schemas.

Municipal staff and associations edit their records in a Danish form instead of
in YAML. Everything the form knows comes from :mod:`videre.core.schema` at build
time: fields, required fields, lengths, coded values with their Danish labels,
help texts and patterns with the Danish fix. Nothing here is written by hand, so
the form cannot drift from the validator.

The CMS is the npm package ``@sveltia/cms`` (its ES module build), installed from
``package-lock.json`` and copied into the site (no CDN). Editors sign in with a
personal access token for the forge: no OAuth service, no server of ours, no
third party. The page gets its own Content-Security-Policy: the editor, and
only the editor, may talk to the forge's API.

Three things the npm build would fetch from a CDN are served from the site
instead, each checked when the site is built (:func:`cms_script`): its three
fonts (a stylesheet in the bundle names jsDelivr), Immutable.js (a bare import,
resolved by the page's import map) and its Danish texts (a JSON import, which a
browser refuses without an import attribute; the import map points it to a
JavaScript module with the same texts and Videre's own wording, :func:`locale_module`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..catalog.catalog import Catalog
from ..catalog.load import register_view
from ..core import fields as fields_table
from ..core import schema as S
from ..core import text, urls, vocab
from ..core.schemaline import schema_line
from ..core.validate import TOO_LONG_FIX, TOO_SHORT_FIX
from ..kinds.registry import KINDS, Kind
from .csp import DIRECTIVES

FOLDER = "redaktion"
CONFIG = f"{FOLDER}/config.yml"
PAGE = f"{FOLDER}/index.html"
CMS_PACKAGE = Path("node_modules") / "@sveltia" / "cms"
CMS_BUILD = "npm"
"""The package's ES module build: index.js, chunks/ and assets/ (fonts), copied to /redaktion/npm/."""
CMS_SCRIPT = f"{FOLDER}/{CMS_BUILD}/index.js"
LOCALE = f"{FOLDER}/sprog/da.js"
IMMUTABLE = Path("node_modules") / "immutable" / "dist" / "immutable.es.js"
YAML_DIR = Path("node_modules") / "yaml" / "browser" / "dist"
FORGE_API = "https://api.github.com"
TOKEN_PAGE = "https://github.com/settings/personal-access-tokens/new"

MISSING_BUNDLE = (
    "Redaktionen (/redaktion/) kan ikke bygges: mappen node_modules/@sveltia/cms mangler. "
    "Kør 'npm ci' i projektets mappe (make build, make serve og make test gør det for dig)."
)


class EditorBundleMissing(RuntimeError):
    """The npm packages are not installed (or not the version this module knows); the message says what to do."""


def _kind(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


OFFER, PARTNER_OFFER, PARTNER, CONTACTS, DEPARTMENT = map(
    _kind, ("tilbud", "partnertilbud", "partner", "kommunekontakter", "afdeling")
)
"""The kinds the form edits, straight from the registry: the same schemas and folders the loader uses."""
EDITABLE = (OFFER, PARTNER_OFFER, PARTNER, CONTACTS, DEPARTMENT)

VERIFIED_FIELD = "sidst_bekræftet"
EXAMPLE_FIELD = "eksempel"
SOURCE_FIELD = S.SOURCE_FIELD
SAVE_CONFIRMS = (
    "Når du gemmer, bekræfter du, at oplysningerne er rigtige: datoen bliver dagens dato, "
    "og posten er ikke længere et eksempel."
)
TEXTAREA_FROM = 200
"""Texts that may be longer than this many characters get a text area instead of a one-line field."""


# ---------------------------------------------------------------- fields from the schema


def _message(hint: str) -> str:
    """A schema's x-hint for the form, with a capital first letter (the CMS adds the full stop)."""
    hint = hint.strip().rstrip(".")
    return hint[:1].upper() + hint[1:]


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


SAFE_MARKDOWN = (
    "^(?![\\s\\S]*\\]\\(\\s*<?(?!" + "|".join(_any_case(s) for s in text.ALLOWED_SCHEMES) + "))"
    "(?![\\s\\S]*<\\s*/?\\s*[A-Za-z!?])[\\s\\S]*$"
)
"""Free text with no HTML and only https, mailto and tel links (the rules of :mod:`videre.core.text`)."""
SAFE_MARKDOWN_MESSAGE = (
    "skriv almindelig tekst uden HTML; links skal starte med https://, mailto: eller tel:, "
    "fx [kommunens side](https://kommune.example.org)"
)


NO_HTML = "(?![\\s\\S]*<\\s*/?\\s*[A-Za-z!?])"
SAFE_TEXT = f"^{NO_HTML}[^{S.HIDDEN_CHARACTERS}]*$"
"""Short text as `videre valider` accepts it: no hidden or direction-changing characters (the schema's pattern)
and nothing that looks like an HTML tag (videre.core.text.find_html), in one pattern, since a field has one."""
SAFE_TEXT_MESSAGE = "Skriv almindelig tekst uden HTML"


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
    """One CMS field from one property of a JSON Schema."""
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
        out["widget"] = "list"  # free words (an offer's other names): the CMS's list of strings
    elif kind == "array":
        items = spec["items"]
        out.update(
            widget="select", multiple=True, options=_options(items["enum"], {**labels, **items.get("x-labels", {})})
        )
        if spec.get("minItems"):
            out["min"] = spec["minItems"]
    elif kind == "integer":
        out.update(widget="number", value_type="int")
        for key, option in (("minimum", "min"), ("maximum", "max")):
            if key in spec:
                out[option] = spec[key]
    elif kind == "boolean":
        out["widget"] = "boolean"
    elif "enum" in spec:
        out.update(widget="select", options=_options(spec["enum"], {**labels, **spec.get("x-labels", {})}))
    else:
        free_text = spec.get("pattern", S.VISIBLE_TEXT_PATTERN) == S.VISIBLE_TEXT_PATTERN
        long_text = spec.get("x-markdown") or (spec.get("maxLength", 0) > TEXTAREA_FROM and free_text)
        out["widget"] = "text" if long_text else "string"
        # Lengths as the validator counts them ('for-kort', 'for-lang'); the CMS shows a counter and refuses to save.
        for key, option in (("minLength", "minlength"), ("maxLength", "maxlength")):
            if key in spec and (key != "minLength" or spec[key] > 1 or required):
                out[option] = spec[key]
        if spec.get("pattern") == S.VISIBLE_TEXT_PATTERN:
            out["pattern"] = [SAFE_TEXT, _message(f"{S.VISIBLE_TEXT_HINT}. {SAFE_TEXT_MESSAGE}")]
        elif spec.get("pattern"):
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
            for key in ("required", "hint", "pattern", "minlength", "maxlength"):
                sub.pop(key, None)
            sub["widget"] = "hidden"
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
        elif name == SOURCE_FIELD:
            # Where the record came from is the editors' note, not the form's: kept as it is (a source's address
            # stays), and an example's note goes when saving confirms the record (bekraeft.js).
            out.append({"label": spec.get("title", name), "name": name, "widget": "hidden"})
        elif name == EXAMPLE_FIELD:
            out.append({"label": spec.get("title", name), "name": name, "widget": "hidden", "default": False})
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
        # A field that is text or a group (kilde: a note, or a source's url, læst, sidens_dato): the group's order.
        groups = [s for s in (*spec.get("oneOf", ()), *spec.get("anyOf", ())) if s.get("type") == "object"]
        return key_order(groups[0]) if groups else {}
    properties = spec["properties"]
    keys = record_order(properties) if top else list(properties)
    return {key: (key_order(properties[key]) or None) for key in keys}


# ---------------------------------------------------------------- collections


def _schemas(catalog: Catalog) -> dict[str, S.Schema]:
    """The editable kinds' schemas on the validator's view of the register, so the form offers exactly
    the coded values `videre valider` accepts."""
    view = register_view(catalog.register)
    return {kind.name: kind.schema(view) for kind in EDITABLE}


def _collection(
    name: str,
    label: str,
    folder: str,
    kind: Kind,
    field_list: list[dict[str, Any]],
    *,
    identifier: str,
    create: bool,
    singular: str,
    description: str,
    summary: str = "",
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": folder,
        "extension": "yaml",
        "format": f"videre-{kind.name}",
        "create": create,
        "delete": False,
        "identifier_field": identifier,
        "slug": "{{slug}}",
        "summary": summary or f"{{{{{identifier}}}}}",
        "sortable_fields": [identifier],
        "editor": {"preview": False},
        "fields": field_list,
    }


def collections(catalog: Catalog) -> list[dict[str, Any]]:
    """One collection per municipality (its offers), per association, plus associations and contacts."""
    labels = value_labels(catalog)
    schemas = _schemas(catalog)
    offer_fields = fields(schemas[OFFER.name], labels)
    partner_offer_fields = fields(schemas[PARTNER_OFFER.name], labels)
    out = [
        _collection(
            urls.municipal_offers_collection(m.slug),
            f"Tilbud i {m.name}",
            f"data/offers/{m.slug}",
            OFFER,
            offer_fields,
            identifier="titel",
            create=True,
            singular=f"tilbud i {m.name}",
            description=f"{m.name} Kommunes egne tilbud. Et nyt tilbud gemmes i data/offers/{m.slug}/.",
        )
        for m in sorted(catalog.register.municipalities, key=lambda m: m.name)
    ]
    out += [
        _collection(
            urls.partner_offers_collection(p.slug),
            f"Tilbud fra {p.short_name}",
            f"data/partners/{p.slug}",
            PARTNER_OFFER,
            partner_offer_fields,
            identifier="titel",
            create=True,
            singular=f"tilbud fra {p.short_name}",
            description=f"Foreningens egne tilbud. Et nyt tilbud gemmes i data/partners/{p.slug}/.",
        )
        for p in sorted(catalog.partners, key=lambda p: p.short_name)
    ]
    out += [
        _collection(
            urls.PARTNERS_COLLECTION,
            "Foreninger",
            "data/partners",
            PARTNER,
            fields(schemas[PARTNER.name], labels),
            identifier="navn",
            create=True,
            singular="forening",
            description="Foreningerne og deres kontakter. Hver forening har sin egen fil.",
        ),
        _collection(
            urls.CONTACTS_COLLECTION,
            "Kommunernes kontakter",
            "data/contacts/kommuner",
            CONTACTS,
            fields(schemas[CONTACTS.name], labels),
            identifier="kilde",
            create=False,
            summary="{{slug}}",
            singular="kontakter",
            description="Hvem i kommunen der modtager genoptræningsplaner, og andre faste kontakter.",
        ),
        _collection(
            urls.DEPARTMENTS_COLLECTION,
            "Psykiatriske afdelinger",
            "data/contacts/afdelinger",
            DEPARTMENT,
            fields(schemas[DEPARTMENT.name], labels),
            identifier="navn",
            create=False,
            singular="afdeling",
            description="Afdelingernes terapienheder og de kommuner, de betjener.",
        ),
    ]
    return out


def formats(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """For the YAML writer in the browser: each kind's schema line and key order."""
    schemas = _schemas(catalog)
    return {
        f"videre-{kind.name}": {
            "schemaLine": schema_line(kind.name, kind.pattern),
            "order": key_order(schemas[kind.name], top=True),
        }
        for kind in EDITABLE
    }


# ---------------------------------------------------------------- the configuration and the page


@dataclass(frozen=True)
class EditorOptions:
    """Where the editor saves: the forge repository, or the local stand-in forge (make redaktion)."""

    repo: str
    branch: str = "main"
    site_url: str = "https://videre.example.org/"
    local_backend: str = ""


APP_TITLE = "Videre – redaktion"


def _site_path(options: EditorOptions) -> str:
    return urlsplit(options.site_url).path.rstrip("/") + "/"


def config(catalog: Catalog, options: EditorOptions) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "name": "github",
        "repo": options.repo,
        "branch": options.branch,
        # A personal access token, typed in by the editor: no OAuth service, no server (docs/privatliv.md).
        "auth_methods": ["token"],
        "squash_merges": True,
        "commit_messages": {
            "create": "Nyt: {{collection}} {{slug}}",
            "update": "Rettet: {{collection}} {{slug}}",
            "delete": "Slettet: {{collection}} {{slug}}",
            "uploadMedia": "Fil: {{path}}",
            "deleteMedia": "Fil slettet: {{path}}",
        },
    }
    if options.local_backend:
        backend["api_root"] = options.local_backend
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "app_title": APP_TITLE,
        "logo": {"src": _site_path(options) + "assets/images/favicon.png", "show_in_header": True},
        "site_url": options.site_url,
        "display_url": options.site_url,
        "media_folder": "docs/assets",
        "public_folder": "/assets",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(catalog),
    }


def config_yaml(catalog: Catalog, options: EditorOptions) -> str:
    """The configuration as YAML. Collections of one kind share their field list through a YAML anchor
    (the CMS reads aliases), which keeps the file small with 98 municipalities."""
    header = "# Lavet af videre.editor ud fra JSON-skemaerne, når sitet bygges. Ret skemaet, ikke denne fil.\n"
    return header + yaml.dump(
        config(catalog, options), Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=120
    )


def import_map() -> str:
    """Resolves the CMS's two imports a browser cannot follow on its own to files on the site."""
    return json.dumps(
        {"imports": {"immutable": "./vendor/immutable.es.js", "./locales/da.json": "./sprog/da.js"}},
        separators=(",", ":"),
    )


EDITOR_SOURCES: dict[str, tuple[str, ...]] = {
    "style-src": ("'unsafe-inline'",),
    "img-src": ("blob:",),
    "connect-src": ("data:", "blob:", FORGE_API),
}
"""What the editor needs beyond the public pages' policy (videre.pages.csp), each measured in Chromium:
'unsafe-inline' styles because the CMS's components insert their own style elements; blob: for the images and
files it keeps in the browser, data: for its built-in icons. The forge's API for reading and saving. Nothing
else: no avatars host (the CMS then shows initials), no status page, no CDN. Scripts: the site's own files and the
import map, by its hash."""


def page_policy(options: EditorOptions) -> str:
    """The editor's own CSP: the site's policy plus the forge's API (or the local stand-in, when used)."""
    extra = dict(EDITOR_SOURCES)
    digest = base64.b64encode(hashlib.sha256(import_map().encode("utf-8")).digest()).decode("ascii")
    extra["script-src"] = (f"'sha256-{digest}'",)
    if options.local_backend:
        extra["connect-src"] = (*extra["connect-src"], _origin(options.local_backend))
    parts = [f"{name} {' '.join([value, *extra.get(name, ())])}" for name, value in DIRECTIVES]
    return "; ".join(parts)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def forge_api(options: EditorOptions) -> str:
    """The only other origin the editor may call (start.js refuses every other)."""
    return _origin(options.local_backend) if options.local_backend else FORGE_API


TOKEN_URL = f"{TOKEN_PAGE}?name=Videre+redaktion&contents=write&pull_requests=write"
"""GitHub's form for a fine-grained token, with the two rights the form needs and nothing more. GitHub took the
documentation of these parameters down in May 2026 (github/docs#44419, 'broken FG PAT URL prefill'), so the first
screen and CONTRIBUTING.md also say which rights to choose."""


def index_html(catalog: Catalog, options: EditorOptions) -> str:
    """The editor's first screen, in Danish: what the editor is, who may use it, how to get access, and what
    happens after saving. 'Log ind' starts the CMS (start.js); a returning editor goes straight in."""
    data = json.dumps({"formater": formats(catalog), "forge": forge_api(options)}, ensure_ascii=False).replace(
        "<", "\\u003c"
    )
    site = _site_path(options)
    home = html.escape(options.site_url)  # the published site's pages, whatever URL style a build uses
    repo = html.escape(options.repo)
    guide = f"https://github.com/{repo}/blob/{html.escape(options.branch)}/CONTRIBUTING.md"
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(page_policy(options), quote=False)}">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redaktion – Videre</title>
<link rel="icon" href="{site}assets/images/favicon.png">
<link rel="stylesheet" href="redaktion.css">
<script type="importmap">{import_map()}</script>
<script type="application/json" id="videre-redaktion">{data}</script>
<script type="module" src="start.js"></script>
</head>
<body>
<main id="videre-velkommen" class="videre-velkommen">
<p class="videre-navn"><a href="{home}">Videre</a></p>
<h1>Redaktionen: ret dit tilbud på Videre</h1>
<p>Her retter kommuner og foreninger deres egne oplysninger på Videre: tilbud, kontakter og hvem der modtager
genoptræningsplaner. Du udfylder en formular. Du behøver ikke kunne noget om filer eller kode.</p>
<h2>Hvem må bruge redaktionen?</h2>
<p>Medarbejdere i en kommune eller en forening, som har ansvaret for et tilbud på Videre. Du retter kun jeres
egne tilbud. Redaktionen ser alle ændringer igennem, før de bliver vist.</p>
<h2>Sådan får du adgang</h2>
<ol>
<li>Opret en gratis konto på GitHub, hvis du ikke har en. Brug gerne din arbejdsmail.</li>
<li>Skriv til <a href="mailto:redaktion@videre.example.org">redaktion@videre.example.org</a> med dit brugernavn og
navnet på din kommune eller forening. Du bliver så medlem af jeres hold på GitHub.</li>
<li>Lav et adgangstoken på GitHub: <a href="{html.escape(TOKEN_URL)}">åbn GitHubs side for et
nyt token</a>. Vælg kun repositoriet <strong>{repo}</strong>. Tokenet skal kunne læse og skrive indhold
(Contents) og pull requests. Det skal ikke have andre rettigheder.</li>
<li>Kopiér tokenet, tryk på Log ind herunder, og sæt det ind.</li>
</ol>
<p>Hele vejledningen står i <a href="{guide}">vejledningen for bidrag</a>.</p>
<h2>Når du gemmer</h2>
<p>Din ændring bliver et forslag (et pull request) til redaktionen. Posten står som bekræftet med dagens dato og
din enhed. Redaktionen læser forslaget, og når det er godkendt, vises det på Videre inden for få minutter.</p>
<p>Tokenet gemmes kun i din browser på denne computer. Brug Log ud i menuen øverst til højre for at slette det.
Læs mere under <a href="{home}privatliv/">Privatliv</a>.</p>
<p><button type="button" id="videre-log-ind">Log ind</button></p>
</main>
<noscript>Redaktionen kræver JavaScript. Du kan også rette posterne i YAML; se vejledningen for bidrag.</noscript>
</body>
</html>
"""


# ---------------------------------------------------------------- the CMS's files


LOCALE_TEXTS: dict[str, str] = {
    "sign_in_using_access_token_description": (
        "Sæt dit adgangstoken ind herunder. Tokenet skal kunne læse og skrive indhold (Contents) og pull requests "
        "i Videres repository, og intet andet."
    ),
    "sign_in_using_access_token_link": "Har du ikke et token? <a>Lav et på {$service}</a>.",
    "validation.too_short": f"Skriv mindst {{$min}} tegn: {TOO_SHORT_FIX}.",
    "validation.too_long": f"Skriv højst {{$max}} tegn: {TOO_LONG_FIX}.",
    # Texts the CMS's Danish file lacks (it has 880 of 991), on the screens an editor sees: English otherwise.
    "sign_in_using_access_token_workflow_note": "",
    "show_errors": "Vis fejl",
    "powered_by": "",  # the sign-in screen carries Videre's name; CONTRIBUTING.md names the CMS
    "select_item": "Vælg {$name}",
    "list_item_options": "Muligheder for punktet",
    "file_unavailable": "Ikke tilgængelig",
    "file_unavailable_description": "Filen kunne ikke hentes. Den er måske flyttet eller slettet.",
    "entry_sidebar.slug.title": "Filnavn",
    "entry_sidebar.slug.generated_on_save": "Filnavnet laves ud fra titlen, når du gemmer.",
    "entry_sidebar.slug.unavailable": "Posten har intet filnavn.",
    "save_conflict.title": "En anden har ændret posten",
    "save_conflict.modified_by": "{$name} ændrede posten {$date}, efter du åbnede den.",
    "save_conflict.modified": "Posten er ændret, efter du åbnede den.",
    "save_conflict.deleted": "Posten er slettet, efter du åbnede den.",
    "save_conflict.overwrite_warning": "Gemmer du nu, forsvinder de andres ændringer.",
    "save_conflict.recreate_warning": "Gemmer du nu, bliver posten oprettet igen.",
    "save_conflict.save_anyway": "Gem alligevel",
    "save_conflict.branch_moved": "En anden gemte samtidig med dig. Prøv igen.",
    "remote_change.reload_entry": "Hent posten igen",
    "remote_change.confirm_reloading_entry": "Vil du hente posten igen? Det, du ikke har gemt, forsvinder.",
}
"""Videre's own words over the CMS's Danish texts: the token's rights (the first screen says them, so the CMS's
English note about pull requests goes), the validator's fixes for 'for-kort' and 'for-lang'
(videre.core.validate), so the form says what `videre valider` says, and the texts its Danish file lacks.
Each key must exist in the CMS's English texts, so a renamed key fails the build."""


def locale_module(start: Path) -> str:
    """The CMS's Danish texts as a JavaScript module, with :data:`LOCALE_TEXTS` in place of its own."""
    locales = package_root(start) / CMS_PACKAGE / "locales"
    texts = json.loads((locales / "da.json").read_text(encoding="utf-8"))
    reference = json.loads((locales / "en-US.json").read_text(encoding="utf-8"))
    for dotted, value in LOCALE_TEXTS.items():
        *parents, key = dotted.split(".")
        node, known = texts, reference
        for part in parents:
            node, known = node.setdefault(part, {}), known.get(part, {})
        if key not in known:
            raise EditorBundleMissing(
                f"Redaktionen: CMS'ets danske tekster har ikke længere '{dotted}'. "
                "Ret LOCALE_TEXTS i videre/pages/editor.py til den nye version."
            )
        node[key] = value
    return "export default " + json.dumps(texts, ensure_ascii=False) + ";\n"


FONTS = {
    "source-sans-3:vf@5.3.0/latin-wght-normal.woff2": "source-sans-3-latin-wght-normal-",
    "noto-mono@5.3.0/latin-400-normal.woff2": "noto-mono-latin-400-normal-",
    "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": "material-symbols-outlined-latin-wght-normal-",
}
FONT_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"


def cms_script(start: Path) -> str:
    """The CMS's module with its stylesheet's three font addresses (jsDelivr) pointing at the copies in its own
    assets/ folder. Each address must be found exactly once, so an update of the CMS that moves them fails the
    build instead of quietly calling the CDN."""
    build = package_root(start) / CMS_PACKAGE / CMS_BUILD
    script = (build / "index.js").read_text(encoding="utf-8")
    for cdn, local in FONTS.items():
        found = sorted((build / "assets").glob(f"{local}*.woff2"))
        if script.count(FONT_CDN + cdn) != 1 or len(found) != 1:
            raise EditorBundleMissing(
                f"Redaktionen: skrifttypen {cdn} findes ikke som ventet i @sveltia/cms. "
                "Ret FONTS i videre/pages/editor.py til den nye version."
            )
        script = script.replace(FONT_CDN + cdn, f"{CMS_BUILD}/assets/{found[0].name}")
    if FONT_CDN in script:
        raise EditorBundleMissing("Redaktionen: @sveltia/cms henter flere skrifttyper fra jsDelivr end ventet.")
    return script


def package_root(start: Path) -> Path:
    """The folder with node_modules: the site's own, else this package's checkout."""
    for root in (start, Path(__file__).resolve().parents[2]):
        if (root / CMS_PACKAGE / CMS_BUILD / "index.js").is_file():
            return root
    raise EditorBundleMissing(MISSING_BUNDLE)


def bundle_files(start: Path) -> list[tuple[str, Path | str]]:
    """The CMS, Immutable.js and the YAML parser for the site: (site path, source file or generated text).
    Source maps stay out; the CMS's module and its Danish texts are made by :func:`cms_script` and
    :func:`locale_module`."""
    root = package_root(start)
    build = root / CMS_PACKAGE / CMS_BUILD
    files: list[tuple[str, Path | str]] = [(CMS_SCRIPT, cms_script(root)), (LOCALE, locale_module(root))]
    files += [
        (f"{FOLDER}/{CMS_BUILD}/{p.relative_to(build).as_posix()}", p)
        for p in sorted(build.rglob("*"))
        if p.is_file() and p.suffix != ".map" and p.name != "index.js"
    ]
    files.append((f"{FOLDER}/vendor/{IMMUTABLE.name}", root / IMMUTABLE))
    yaml_dir = root / YAML_DIR
    files += [(f"{FOLDER}/yaml/{p.relative_to(yaml_dir).as_posix()}", p) for p in sorted(yaml_dir.rglob("*.js"))]
    return files


def bundle_size(start: Path) -> int:
    """Bytes of the CMS's files as the site serves them (the report's bundle size)."""
    return sum(
        len(item.encode("utf-8")) if isinstance(item, str) else item.stat().st_size for _, item in bundle_files(start)
    )
