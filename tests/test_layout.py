"""The package's layout: each sub-package does one job, and imports point one way only.

Run it to see the structure rules hold: ``pytest tests/test_layout.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.helpers.imports import PACKAGE, cycles, graph, modules, third_party

LAYERS = (
    ("core", "search"),  # the record format; the search words and Pagefind (neither knows the other)
    ("kinds",),  # one module per record kind, and the registry
    ("catalog",),  # all records loaded together, their freshness and owners
    ("pages", "exports"),  # page builders and their templates; open data (JSON, CSV, HSDS)
    ("site",),  # the whole site as data, for any generator
    ("mkdocs",),  # the MkDocs adapter, which builds the site through videre.site
    ("cli",),  # the command, the only place that prints or exits
)
"""Bottom first. A sub-package imports only from its own and lower layers, never sideways within a layer."""

LEVEL = {part: level for level, parts in enumerate(LAYERS) for part in parts}
GENERATOR = {"mkdocs", "markdown"}
TEMPLATING = {"jinja2", "markdown", "mkdocs", "markupsafe"}


def part(module: str) -> str:
    """'videre.pages.offer' → 'pages'; a module at the root ('videre.site') is its own part."""
    return module.split(".")[1] if "." in module else module


def test_every_part_of_the_package_has_a_layer() -> None:
    assert sorted({part(name) for name in modules() if name != "videre"} - set(LEVEL)) == []


def test_the_package_has_no_import_cycles_not_even_for_type_checking() -> None:
    assert cycles(graph()) == []


def test_imports_point_down_the_layers() -> None:
    wrong = sorted(
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if source != "videre" and part(source) != part(target) and LEVEL[part(source)] <= LEVEL[part(target)]
    )
    assert wrong == []


def test_at_most_four_modules_at_the_package_root() -> None:
    loose = sorted(path.name for path in PACKAGE.glob("*.py") if path.name != "__init__.py")
    assert len(loose) <= 4, loose


def test_only_the_adapter_knows_mkdocs_or_markdown() -> None:
    knows = sorted(name for name, path in modules().items() if third_party(path) & GENERATOR and part(name) != "mkdocs")
    assert knows == []


def test_loading_and_validating_records_imports_no_templates_markdown_or_mkdocs() -> None:
    code = (
        "import json, sys; import videre.catalog.load, videre.core.validate, videre.kinds.registry; "
        f"print(json.dumps(sorted(m for m in {sorted(TEMPLATING)!r} if m in sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == []


def test_the_import_rules_can_fail() -> None:
    """The checks see a cycle and a sideways import when there is one."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert LEVEL[part("videre.catalog.load")] <= LEVEL[part("videre.pages.offer")]


ADDRESS = re.compile(r"""(?<![/\w])(kommuner|regioner|partnere|tilbud|udskrivning)/(\{|' ~|" ~)""")
"""A record page's address spelled by hand: ``f"kommuner/{slug}/"`` or ``'kommuner/' ~ slug`` in a template."""


def test_record_addresses_are_built_only_in_urls() -> None:
    found = sorted(
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")])
        if path != PACKAGE / "core" / "urls.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ADDRESS.search(line)
    )
    assert found == []
    assert ADDRESS.search("""src = f"kommuner/{municipality.slug}.md\"""")
    assert ADDRESS.search("""<a href="{{ link('regioner/' ~ region.slug ~ '/') }}">""")


TABLE_MODULE = PACKAGE / "core" / "model.py"
"""Where each record class declares its fields once (videre.core.fields); nothing else lists them."""
SPELLING = 6
"""A literal naming this many of an offer's YAML keys is a copy of the offer's field list."""


def _offer_keys() -> set[str]:
    from videre.core import fields
    from videre.core.model import Offer

    return {
        part
        for row in fields.table(Offer)
        if row.key and row.only != fields.DERIVED_ONLY  # YAML keys only
        for part in row.key.split(".")
    }


def field_list_spellings(source: str, keys: set[str]) -> list[int]:
    """Lines of dict, list, tuple or set literals that name at least SPELLING of ``keys`` (dict keys only)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            named = {item.value for item in items if isinstance(item, ast.Constant) and item.value in keys}
            if len(named) >= SPELLING:
                found.append(node.lineno)
    return found


def test_an_offers_fields_are_listed_only_in_its_field_table() -> None:
    keys = _offer_keys()
    found = sorted(
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != TABLE_MODULE
        for line in field_list_spellings(path.read_text(encoding="utf-8"), keys)
    )
    assert found == []
    # The rule sees the spellings the field table replaced: the export's dict and the CSV column list.
    assert field_list_spellings(
        '{"id": 1, "titel": t, "type": k, "beskrivelse": b, "form": f, "henvisning": h, "sted": s}', keys
    ) == [1]
    assert field_list_spellings(
        'CSV = ("id", "titel", "type", "alder_fra", "problemer", "indhold", "form", "pris", "sprog")', keys
    ) == [1]


CODED_ENOUGH = 2
"""A literal naming this many of the offer's coded fields (by YAML key or filter name) lists them again."""
ASSETS = PACKAGE.parent / "docs" / "assets"


def _coded_names() -> tuple[set[str], set[str]]:
    """(the coded fields' YAML keys and filter names, the short keys of the directory's data), from the table."""
    from videre.core import fields
    from videre.core.model import Offer

    coded = [f for f in fields.table(Offer) if f.codes or f.facet or f.taxonomy]
    names = {f.name for f in coded if f.key} | {f.facet.name for f in coded if f.facet}
    return names, {f.short for f in fields.table(Offer) if f.short}


def _named(node) -> list:
    """The names a literal gives: its items (a dict's keys), and the first value of each row in it (a tuple or
    list) and the subject of each call in it (its first argument or ``name=``), as a table of rows names them."""
    import ast

    items = node.keys if isinstance(node, ast.Dict) else node.elts
    named = list(items)
    for item in items:
        if isinstance(item, (ast.Tuple, ast.List)) and item.elts:
            named.append(item.elts[0])
        elif isinstance(item, ast.Call):
            named += [k.value for k in item.keywords if k.arg == "name"] or item.args[:1]
    return [n.value for n in named if isinstance(n, ast.Constant)]


def coded_spellings(source: str, names: set[str], shorts: set[str]) -> list[int]:
    """Lines of literals (tuple, list, set, dict) that name CODED_ENOUGH coded fields, or a dict with
    CODED_ENOUGH short keys."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            named = set(_named(node))
            short = named & shorts if isinstance(node, ast.Dict) else set()
            if len(named & names) >= CODED_ENOUGH or len(short) >= CODED_ENOUGH:
                found.append(node.lineno)
    return found


SCRIPT_SHORT = r"""(?:\.|\bdata-)({keys})\b(?!\s*\()|\b({names})\s*:\s*["']({keys})["']"""
"""In a script or template: a short key as a property or a data attribute, or a filter paired with its key
(``alder: "a"``)."""


def script_spellings(text: str, names: set[str], shorts: set[str]) -> list[int]:
    pattern = re.compile(SCRIPT_SHORT.format(keys="|".join(sorted(shorts)), names="|".join(sorted(names))))
    return [number for number, line in enumerate(text.splitlines(), 1) if pattern.search(line)]


def test_coded_fields_are_named_only_in_the_field_table() -> None:
    """Filters, HSDS taxonomies and the directory's short keys come from the table's rows: no module lists
    the coded fields again, and no script or template spells a short key (the build writes them as data)."""
    names, shorts = _coded_names()
    found = sorted(
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != TABLE_MODULE
        for line in coded_spellings(path.read_text(encoding="utf-8"), names, shorts)
    )
    found += sorted(
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted([*ASSETS.glob("*.js"), *PACKAGE.rglob("*.j2")])
        for line in script_spellings(path.read_text(encoding="utf-8"), names, shorts)
    )
    assert found == []


def test_the_coded_field_rules_see_the_copies_the_table_replaced() -> None:
    names, shorts = _coded_names()
    assert {"type", "problemer", "form", "henvisning", "hjemmel", "alder", "problem"} <= names
    assert {"t", "k", "h", "r", "c", "q"} <= shorts
    # HSDS's own taxonomy rows, a handout's two filters, the directory's dict, and one coded key alone (allowed).
    assert coded_spellings('T = (("type", "Videre: type"), ("henvisning", "Videre: henvisning"))', names, shorts) == [1]
    assert coded_spellings('F = (N(name="type", label="Type"), N(name="form", label="Form"))', names, shorts) == [1]
    assert coded_spellings('f = [x for x in FACETS if x.name in ("alder", "problem")]', names, shorts) == [1]
    assert coded_spellings('d = {"t": o.title, "h": list(o.routes)}', names, shorts) == [1]
    assert coded_spellings('d = {"type": "voice", "number": n}', names, shorts) == []
    # The script's own list of filters, a short key read as a property or a data attribute.
    assert script_spellings('var FACETS = { alder: "a", problem: "p" };', names, shorts) == [1]
    assert script_spellings('link.href = root + offer.u;\nx = node.getAttribute("data-" + k);', names, shorts) == [1]
    assert script_spellings('<article data-h="{{ o.routes }}">', names, shorts) == [1]
    assert script_spellings("var offer = rule.read(compact);", names, shorts) == []


HOOKS = PACKAGE.parent / "hooks" / "videre_hooks.py"
"""MkDocs' entry point; the build's state and the order of its steps live in videre.mkdocs.adapter."""


def forwarding_problems(source: str) -> list[str]:
    """What makes a hooks file more than a list of forwarded events: an import of anything but the adapter,
    or a branch, loop, handler, lambda or comprehension."""
    import ast

    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) or (
            isinstance(node, ast.ImportFrom) and node.module not in ("__future__", "videre.mkdocs.adapter")
        ):
            problems.append(f"{node.lineno}: import")
        elif isinstance(
            node, (ast.If, ast.IfExp, ast.For, ast.While, ast.Try, ast.With, ast.Lambda, ast.comprehension)
        ):
            problems.append(f"{node.lineno}: {type(node).__name__}")
    return problems


def test_the_hooks_file_only_forwards_events_to_the_adapter() -> None:
    assert forwarding_problems(HOOKS.read_text(encoding="utf-8")) == []
    assert forwarding_problems(
        "import gc\nfrom videre import site\ndef on_files(files, config):\n    if build.live:\n        return files\n"
    ) == ["1: import", "2: import", "4: If"]


SETTINGS_MODULE = PACKAGE / "core" / "settings.py"
"""The one module that reads the environment; the rest get typed values from it (videre.core.settings)."""
READS_ENVIRONMENT = {"environ", "environb", "getenv", "getenvb", "expanduser", "expandvars"}
"""``os.environ``, ``os.getenv`` and the path functions that read ``HOME`` or other variables."""


def environment_reads(source: str) -> list[int]:
    """Lines that read the environment. ``{**os.environ, …}`` hands all of it to a child process and is allowed."""
    import ast

    tree = ast.parse(source)
    handed_on = {
        id(value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict)
        for key, value in zip(node.keys, node.values)
        if key is None
    }
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and id(node) not in handed_on
            and (
                node.attr in READS_ENVIRONMENT
                or (node.attr == "home" and isinstance(node.value, ast.Name) and node.value.id == "Path")
            )
        ):
            found.add(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module in {"os", "os.path"}:
            found.update(node.lineno for alias in node.names if alias.name in READS_ENVIRONMENT)
    return sorted(found)


def test_only_the_settings_module_reads_the_environment() -> None:
    root = PACKAGE.parent
    code = [
        *sorted(PACKAGE.rglob("*.py")),
        *sorted((root / "hooks").glob("*.py")),
        *sorted((root / "tools").glob("*.py")),
    ]
    found = [
        f"{path.relative_to(root)}:{line}"
        for path in code
        if path != SETTINGS_MODULE
        for line in environment_reads(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert environment_reads(SETTINGS_MODULE.read_text(encoding="utf-8")) != []
    # The rule sees the reads the settings module replaced, and lets a child process inherit the environment.
    assert environment_reads('import os\nwanted = os.environ.get("VIDERE_PROCESSER", "")') == [2]
    assert environment_reads('from os import getenv\n\nbase = os.path.expanduser("~")') == [1, 3]
    assert environment_reads('subprocess.run(args, env={**os.environ, "VIDERE_CACHE": "0"})') == []


KINDS_DIR = PACKAGE / "kinds"
TABLE_WRAPPERS = {"document", "confirmable"}
"""Functions of videre.core.schema that wrap a table's object schema (publish it, add the confirmation rule)
and so write no field; every other function of the module builds a field's or an object's schema."""


def hand_written_schemas(source: str) -> list[int]:
    """Lines of a kind module that write a JSON Schema outside a field-table row: a call to a building block of
    videre.core.schema (``S.text(…)``, ``S.obj(…)``, …) or a dict literal with a "type" or "properties" key that
    is not inside the arguments of a ``row(…)`` call. ``S.obj`` is one everywhere: an object's properties come
    from its table (``fields.object_schema`` or a ``Group``), never from a hand-written dict."""
    import ast

    tree = ast.parse(source)
    aliases: set[str] = set()  # names the schema module goes by: 'S' in 'from ..core import schema as S'
    blocks: set[str] = set()  # functions imported by name: 'text' in 'from ..core.schema import text'
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("core"):
            aliases |= {a.asname or a.name for a in node.names if a.name == "schema"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").endswith("core.schema"):
            blocks |= {a.asname or a.name for a in node.names}

    def schema_function(call: ast.Call) -> str | None:
        f = call.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in aliases:
            return f.attr
        return f.id if isinstance(f, ast.Name) and f.id in blocks else None

    def is_row(call: ast.AST) -> bool:
        f = getattr(call, "func", None)
        return isinstance(call, ast.Call) and (getattr(f, "id", None) == "row" or getattr(f, "attr", None) == "row")

    found: set[int] = set()

    def visit(node: ast.AST, in_row: bool) -> None:
        if isinstance(node, ast.Call):
            name = schema_function(node)
            if name == "obj" or (name is not None and name not in TABLE_WRAPPERS and not in_row):
                found.add(node.lineno)
        if (
            isinstance(node, ast.Dict)
            and not in_row
            and any(isinstance(k, ast.Constant) and k.value in ("type", "properties") for k in node.keys)
        ):
            found.add(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_row or is_row(node))

    visit(tree, False)
    return sorted(found)


def test_no_kind_module_writes_a_json_schema_by_hand() -> None:
    found = sorted(
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(KINDS_DIR.glob("*.py"))
        for line in hand_written_schemas(path.read_text(encoding="utf-8"))
    )
    assert found == []


def test_the_hand_written_schema_rule_can_fail() -> None:
    """It sees a property, an object and a typed dict outside a row, and lets rows and wrappers be."""
    head = "from ..core import schema as S\nfrom ..core.schema import text as t\n"
    assert hand_written_schemas(head + 'X = S.text("T", "D", "e")\n') == [3]
    assert hand_written_schemas(head + 'X = t("T", "D", "e")\n') == [3]
    assert hand_written_schemas(head + 'X = {"type": "integer", "title": "T"}\n') == [3]
    assert hand_written_schemas(head + 'x: int = row("k", S.obj("T", "D", {}))\n') == [3]
    assert hand_written_schemas(head + 'def f(v):\n    return {"properties": {}}\n') == [4]
    assert (
        hand_written_schemas(
            head + 'x: int = row("k", S.text("T", "D", "e"), required=True)\n'
            'y: int = fields.row("k", {"type": "integer"})\n'
            'z: int = row("k", lambda view: S.array("T", "D", {"type": "string"}, []))\n'
            'D = S.document("k", "T", "D", S.confirmable(fields.object_schema(C, "T", "D")))\n'
            'E = {"titel": "x"}\n'
        )
        == []
    )
