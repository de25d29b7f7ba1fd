"""The ``videre`` command. The only module that prints or exits.

    videre valider [STI …] [--json]    tjek poster; exit 1 ved fejl
    videre skemaer [--ud MAPPE]         skriv JSON-skemaerne (docs/schemas)
    videre eksport --format json|csv    skriv åbne data til standard output eller --ud
    videre sider --ud MAPPE              skriv alle genererede sider som Markdown
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Sequence

from . import exports, site
from .errors import render_json, render_text
from .kinds import REGISTER_FILE, published_schemas
from .load import LoadResult, load_catalog, register_view
from .pages import SiteOptions

DEFAULT_DATA = Path("data")


def _data_root(paths: Sequence[Path]) -> tuple[Path, list[Path] | None]:
    """Find the data tree for the given paths: the nearest folder holding kommuner.yaml."""
    if not paths:
        return DEFAULT_DATA, None
    files: list[Path] = []
    root: Path | None = None
    for path in paths:
        start = path if path.is_dir() else path.parent
        candidate = next((p for p in [start, *start.resolve().parents] if (p / REGISTER_FILE).is_file()), None)
        if candidate is None:
            raise SystemExit(f"videre: fandt ingen {REGISTER_FILE} over '{path}'. Kør kommandoen i projektets mappe.")
        root = root or candidate
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file())
        else:
            files.append(path)
    assert root is not None
    only_all = all(p.is_dir() and (p / REGISTER_FILE).is_file() for p in paths)
    return root, None if only_all else files


def _today(value: str | None) -> dt.date:
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _load(args: argparse.Namespace, paths: Sequence[Path] = ()) -> tuple[LoadResult, Path]:
    root, only = _data_root(paths) if paths else (Path(args.data), None)
    if not (root / REGISTER_FILE).is_file():
        raise SystemExit(f"videre: mappen '{root}' har ingen {REGISTER_FILE}.")
    return load_catalog(root, today=_today(args.dato), only=only), root


def cmd_validate(args: argparse.Namespace) -> int:
    result, root = _load(args, [Path(p) for p in args.stier])
    base = Path.cwd()
    if args.json:
        print(render_json(result.problems, base))
    elif result.problems:
        print(render_text(result.problems, base, result.sources))
    else:
        offers = len(result.catalog.all_offers())
        print(f"Ingen fejl. {offers} tilbud i {root}.")
    return 1 if result.errors else 0


def cmd_schemas(args: argparse.Namespace) -> int:
    result, _ = _load(args)
    out = Path(args.ud)
    out.mkdir(parents=True, exist_ok=True)
    for kind, schema in published_schemas(register_view(result.catalog.register)).items():
        (out / f"{kind}.schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
    print(f"Skrev skemaerne til {out}.")
    return 0


def _catalog_or_exit(args: argparse.Namespace):
    result, _ = _load(args)
    if result.errors:
        print(render_text(result.problems, Path.cwd(), result.sources), file=sys.stderr)
        raise SystemExit(1)
    return result.catalog


def cmd_export(args: argparse.Namespace) -> int:
    catalog = _catalog_or_exit(args)
    options = SiteOptions(show_examples=not args.uden_eksempler, today=_today(args.dato))
    writers = {"json": exports.offers_json, "csv": exports.offers_csv}
    text = writers[args.format](catalog, options)
    if args.ud:
        Path(args.ud).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    catalog = _catalog_or_exit(args)
    options = SiteOptions(show_examples=not args.uden_eksempler, today=_today(args.dato))
    count = site.write_tree(Path(args.ud), site.build_pages(catalog, options), site.build_files(catalog, options))
    print(f"Skrev {count} filer til {args.ud}.")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="videre", description="Værktøjer til Videres poster.")
    main.add_argument("--data", default=str(DEFAULT_DATA), help="mappen med poster (standard: data)")
    main.add_argument("--dato", help="dagens dato som ÅÅÅÅ-MM-DD (til test)")
    sub = main.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("valider", help="tjek poster og vis alle fejl")
    validate.add_argument("stier", nargs="*", help="filer eller mapper (standard: hele data/)")
    validate.add_argument("--json", action="store_true", help="skriv fejlene som JSON")
    validate.set_defaults(func=cmd_validate)

    schemas = sub.add_parser("skemaer", help="skriv JSON-skemaerne")
    schemas.add_argument("--ud", default="docs/schemas")
    schemas.set_defaults(func=cmd_schemas)

    export = sub.add_parser("eksport", help="skriv åbne data")
    export.add_argument("--format", choices=("json", "csv"), required=True)
    export.add_argument("--ud", help="fil at skrive til (standard: standard output)")
    export.add_argument("--uden-eksempler", action="store_true", help="udelad poster markeret eksempel")
    export.set_defaults(func=cmd_export)

    pages = sub.add_parser("sider", help="skriv de genererede sider som Markdown")
    pages.add_argument("--ud", required=True)
    pages.add_argument("--uden-eksempler", action="store_true")
    pages.set_defaults(func=cmd_pages)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
