"""The ``videre`` command. The only module that prints or exits.

    videre valider [STI …] [--json]         tjek poster; exit 1 ved fejl
    videre ny-tilbud --kommune SLUG [...]    opret et nyt tilbud (spørger, når felter mangler)
    videre gennemsyn [--csv]                 vis poster, der skal bekræftes igen, pr. kommune
    videre skemaer [--ud MAPPE]              skriv JSON-skemaerne (docs/schemas)
    videre eksport --format json|csv|hsds    skriv åbne data til standard output eller --ud
    videre codeowners [--ud FIL]             skriv .github/CODEOWNERS ud fra kommuneregisteret
    videre adresser [--skriv]                vis eller skriv listen over offentliggjorte adresser
                                             (før: videre publicerede)
    videre sider --ud MAPPE [--adresser filer] skriv alle genererede sider som Markdown

Indstillinger (gennemsyn_maaneder, redaktion_email, fejl_url, VIDERE_VIS_EKSEMPLER …) læses fra mkdocs.yml
og miljøet, som bygningen; tabellen i README.md viser dem alle.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from .. import site
from ..catalog import addresses, freshness, ownership
from ..catalog.load import LoadResult, load_catalog, load_register, register_view
from ..core import clock, settings
from ..core import schema as S
from ..core.errors import render_json, render_text
from ..core.fields import Field
from ..core.options import SiteOptions
from ..core.validate import closest, fold
from ..exports import hsds
from ..exports import opendata as exports
from ..kinds import redirects
from ..kinds.registry import REGISTER_FILE, published_schemas
from ..search import glossary
from . import scaffold

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
    return dt.date.fromisoformat(value) if value else clock.today()


# ---------------------------------------------------------------- settings from mkdocs.yml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags (``!!python/name``) become empty. The options the commands read are plain values
    there; those from the environment come from videre.core.settings."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise SystemExit(f"videre: kan ikke læse {path}: {exc}") from None


def _options(args: argparse.Namespace, **overrides: Any) -> SiteOptions:
    """The same options the build uses (extra.videre in mkdocs.yml and the environment), with the command's
    overrides; --dato, not VIDERE_TODAY, sets the date."""
    config = _read_config(Path(args.mkdocs))
    options = SiteOptions.from_mapping(
        (config.get("extra") or {}).get("videre"),
        site_url=config.get("site_url"),
        today=_today(args.dato),
        environment=settings.environment(),
    )
    return dataclasses.replace(options, **{k: v for k, v in overrides.items() if v is not None})


def _load(
    args: argparse.Namespace, paths: Sequence[Path] = (), *, review_months: int | None = None
) -> tuple[LoadResult, Path]:
    root, only = _data_root(paths) if paths else (Path(args.data), None)
    if not (root / REGISTER_FILE).is_file():
        raise SystemExit(f"videre: mappen '{root}' har ingen {REGISTER_FILE}.")
    return load_catalog(root, today=_today(args.dato), only=only, review_months=review_months), root


def _catalog_or_exit(args: argparse.Namespace, *, allow: Sequence[str] = ()):
    """The catalog, or exit 1 with the report; ``allow`` lists rule ids that do not block."""
    result, _ = _load(args)
    if any(p.rule not in allow for p in result.errors):
        print(render_text(result.problems, Path.cwd(), result.sources), file=sys.stderr)
        raise SystemExit(1)
    return result.catalog


# ---------------------------------------------------------------- commands


def cmd_validate(args: argparse.Namespace) -> int:
    options = _options(args)
    result, root = _load(args, [Path(p) for p in args.stier], review_months=options.review_months)
    base = Path.cwd()
    if args.json:
        print(render_json(result.problems, base))
    elif result.errors:
        print(render_text(result.problems, base, result.sources))
    else:
        offers = len(result.catalog.all_offers())
        warnings = len(result.problems)
        print(
            f"Ingen fejl. {offers} tilbud i {root}."
            + (f" {warnings} {'advarsel' if warnings == 1 else 'advarsler'}:\n" if warnings else "")
        )
        if warnings:
            print(render_text(result.problems, base, result.sources))
    return 1 if result.errors else 0


def cmd_schemas(args: argparse.Namespace) -> int:
    result, _ = _load(args)
    out = Path(args.ud)
    out.mkdir(parents=True, exist_ok=True)
    for kind, schema in published_schemas(register_view(result.catalog.register)).items():
        (out / f"{kind}.schema.json").write_text(
            json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"Skrev skemaerne til {out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    options = _options(args, show_examples=False if args.uden_eksempler else None)
    catalog = _catalog_or_exit(args).shown(options)
    if args.format == "hsds" and args.ud:
        out = Path(args.ud)
        out.mkdir(parents=True, exist_ok=True)
        for path, text in hsds.hsds_files(catalog, options).items():
            (out / path.removeprefix("hsds/")).write_text(text, encoding="utf-8")
        print(f"Skrev HSDS 3.0-filerne til {out}.")
        return 0
    writers: dict[str, Callable[..., str]] = {
        "json": exports.offers_json,
        "csv": exports.offers_csv,
        "hsds": hsds.hsds_json,
    }
    text = writers[args.format](catalog, options)
    if args.ud:
        Path(args.ud).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    catalog = _catalog_or_exit(args)
    options = _options(args, show_examples=False if args.uden_eksempler else None)
    config_path = Path(args.mkdocs)
    config = _read_config(config_path)
    root = config_path.parent
    docs = root / config.get("docs_dir", "docs")
    words = glossary.SearchWords.from_docs(docs)
    excluded = tuple(
        line.strip().strip("/") + "/"
        for line in (config.get("exclude_docs") or "").splitlines()
        if line.strip() and not line.strip().startswith("#")
    )
    count = site.write_standalone(
        Path(args.ud),
        site.build_pages(catalog, options),
        site.build_files(catalog, options),
        config_path,
        docs,
        root / ((config.get("theme") or {}).get("custom_dir") or "overrides"),
        config.get("not_in_nav") or "",
        lambda text, src: site.fill_hand_written(text, src, catalog, options, words),
        excluded,
        directory_urls=_directory_urls(args, config),
    )
    print(
        f"Skrev {count} genererede filer og de håndskrevne sider til {args.ud}/docs og et mkdocs.yml uden hook.\n"
        f"Byg med: mkdocs build -f {args.ud}/mkdocs.yml"
    )
    return 0


def _directory_urls(args: argparse.Namespace, config: dict) -> bool:
    """Directory URLs (``kommuner/esbjerg/``) unless asked for file URLs or the config turns them off."""
    if args.adresser:
        return args.adresser == "mapper"
    return config.get("use_directory_urls", True) is not False


def cmd_review(args: argparse.Namespace) -> int:
    catalog = _catalog_or_exit(args, allow=("mangler-omdirigering",))
    options = _options(args, review_months=args.maaneder)
    due = freshness.due_records(catalog, options.today, options.review_months)
    examples = freshness.example_paths(catalog)
    if args.kommune:
        due = [d for d in due if ownership.municipality_of(d.path) == args.kommune]
        examples = [p for p in examples if ownership.municipality_of(p) == args.kommune]
    if args.csv:
        sys.stdout.write(freshness.review_csv(due, options.site_url))
        return 0
    months, today = options.review_months, options.today.isoformat()
    never = (
        (
            f"\n{len(examples)} {'post er et eksempel' if len(examples) == 1 else 'poster er eksempler'}. "
            "Ingen har bekræftet dem, så de står ikke på listen. Tjek dem hos kilden, og skriv så "
            "'eksempel: false' og 'sidst_bekræftet' med dato og enhed."
        )
        if examples
        else ""
    )
    if not due:
        everyone = "Alle poster, der ikke er eksempler," if examples else "Alle"
        print(f"Ingen poster skal bekræftes. {everyone} er bekræftet inden for {months} måneder ({today}).{never}")
        return 0
    sourced = sum(1 for d in due if d.to_confirm)
    stale = len(due) - sourced
    parts = (
        [
            f"{sourced} {'post er læst' if sourced == 1 else 'poster er læst'} på en offentlig side og venter "
            "på bekræftelse"
        ]
        if sourced
        else []
    )
    parts += [f"{stale} {'post skal' if stale == 1 else 'poster skal'} bekræftes igen"] if stale else []
    print(f"{' og '.join(parts)} (gennemsyn hver {months}. måned, {today}).")
    for owner, team, records in freshness.by_owner(due):
        print(f"\n{owner} ({team})")
        for heading, group in (
            ("Til bekræftelse", [d for d in records if d.to_confirm]),
            ("Skal bekræftes igen", [d for d in records if not d.to_confirm]),
        ):
            if group:
                print(f"  {heading}:")
            for d in group:
                when = (
                    f"kilden læst {d.freshness.verified.isoformat()}"
                    if d.to_confirm
                    else f"sidst bekræftet {d.freshness.verified.isoformat()}"
                )
                warning = f" {d.freshness.warning}." if d.freshness.warning else ""
                print(f"    {d.path}: {when}.{warning}")
    if sourced:
        print(
            "\nTil bekræftelse: den, der driver tilbuddet, tjekker oplysningerne og gemmer dem i formularen, "
            "eller skriver 'sidst_bekræftet' med dato og enhed i filen."
        )
    if stale:
        print("\nSkal bekræftes igen: tjek oplysningerne, ret dem, og skriv dagens dato i 'sidst_bekræftet.dato'.")
    if never:
        print(never)
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    register, problems, _ = load_register(Path(args.data) / REGISTER_FILE, _today(args.dato))
    if problems:
        print(render_text(problems, Path.cwd()), file=sys.stderr)
        return 1
    out = Path(args.ud)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(ownership.codeowners(register), encoding="utf-8")
    print(f"Skrev {out} for {len(register.municipalities)} kommuner.")
    return 0


def cmd_addresses(args: argparse.Namespace) -> int:
    catalog = _catalog_or_exit(args, allow=("mangler-omdirigering",))
    text = addresses.address_list_text(catalog)
    if args.skriv:
        out = Path(args.data) / redirects.PUBLISHED_FILE
        out.write_text(text, encoding="utf-8")
        print(f"Skrev {out} med {len(addresses.read_address_list(out))} adresser.")
    else:
        sys.stdout.write(text)
    return 0


# ---------------------------------------------------------------- videre ny-tilbud

QUESTIONS: tuple[tuple[str, str, str], ...] = tuple(
    (scaffold.flag(row, key), row.ask.question, row.ask.help)
    for row, key in scaffold.QUESTIONS
    if row.ask is not None and row.ask.question
)
"""(flag, question, help) for each field the wizard asks for, from the offer's field table."""
OPTIONAL = {scaffold.flag(row, key) for row, key in scaffold.QUESTIONS if not row.required}


def _codes(answer: str, table: Any) -> tuple[list[str], list[str]]:
    """Split an answer into codes ('Udendørs' finds 'udendoers'); words that are no code come back separately."""
    codes, unknown = [], []
    folded = {fold(code): code for code in table}
    for word in (w.strip() for w in answer.replace(";", ",").split(",")):
        if word in table or fold(word) in folded:
            codes.append(folded.get(fold(word), word))
        elif word:
            unknown.append(word)
    return codes, unknown


def _ask(flag: str, question: str, help_text: str) -> str:
    table = scaffold.CODED_FIELDS.get(flag)
    if table:
        print(f"\n{question}:")
        for code, text in table.items():
            print(f"  {code:<28} {text}")
    while True:
        answer = input(f"{question} ({help_text}): ").strip()
        if not answer and flag in OPTIONAL:
            return ""
        if not answer:
            print("  Skriv et svar.")
            continue
        if table:
            _, unknown = _codes(answer, table)
            if unknown:
                guess = closest(unknown[0], list(table))
                print(f"  '{unknown[0]}' findes ikke." + (f" Mente du '{guess}'?" if guess else ""))
                continue
        return answer


def cmd_new_offer(args: argparse.Namespace) -> int:
    data = Path(args.data)
    today = _today(args.dato)
    register, problems, _ = load_register(data / REGISTER_FILE, today)
    if problems:
        print(render_text(problems, Path.cwd()), file=sys.stderr)
        return 1
    slugs = register.slugs
    if args.kommune not in slugs:
        guess = closest(args.kommune, slugs)
        print(
            f"videre: '{args.kommune}' er ikke en kommune i {data / REGISTER_FILE}."
            + (f" Mente du '{guess}'?" if guess else ""),
            file=sys.stderr,
        )
        return 2
    answers = {flag: getattr(args, flag) or "" for flag, _, _ in QUESTIONS}
    missing = [flag for flag, _, _ in QUESTIONS if not answers[flag] and flag not in OPTIONAL]
    if missing and not sys.stdin.isatty():
        print(
            "videre: mangler "
            + ", ".join(f"--{flag}" for flag in missing)
            + ". Skriv dem som tilvalg, eller kør kommandoen i en terminal, så spørger den.",
            file=sys.stderr,
        )
        return 2
    if missing:
        print(
            f"Nyt tilbud i {register.municipality(args.kommune).name} Kommune. Felterne er forklaret på "
            f"{scaffold.FIELD_REFERENCE}"
        )
        for flag, question, help_text in QUESTIONS:
            if not answers[flag] and (flag in missing or flag in OPTIONAL):
                answers[flag] = _ask(flag, question, help_text)
    # Words that are no code go into the file as written, so validation explains them the usual way.
    coded = {
        flag: tuple(itertools.chain.from_iterable(_codes(answers[flag], table)))
        for flag, table in scaffold.CODED_FIELDS.items()
    }
    given: dict[str, Any] = {}
    for row, key in scaffold.QUESTIONS:
        flag = scaffold.flag(row, key)
        value = answers[flag] if flag in answers else getattr(args, flag.replace("-", "_"))
        if flag in coded:
            single = isinstance(row.schema, dict) and row.schema.get("type") != "array"
            value = (coded[flag][0] if coded[flag] else "") if single else coded[flag]
        given[key] = "" if value is None else value
    given[f"{S.VERIFIED_FIELD}.dato"] = today.isoformat()
    new = scaffold.NewOffer(args.kommune, given)
    path = scaffold.offer_path(data, args.kommune, new.title)
    if path.exists():
        print(f"videre: {path} findes allerede. Ret den fil, eller giv tilbuddet en anden titel.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.offer_yaml(new), encoding="utf-8")
    result = load_catalog(data, today=today, only=[path])
    mine = [p for p in result.problems if p.file.resolve() == path.resolve()]
    if any(p.level == "fejl" for p in mine):
        print(render_text(mine, Path.cwd(), result.sources), file=sys.stderr)
        path.unlink()
        print("Filen blev ikke gemt. Ret svarene, og prøv igen.", file=sys.stderr)
        return 1
    print(f"Skrev {path.as_posix()}.")
    print(
        "Læs filen igennem, og tilføj gerne sted, åbningstider og link. Kør 'videre valider', "
        "og send ændringen som et pull request."
    )
    return 0


# ---------------------------------------------------------------- the parser


def _option(row: Field) -> dict[str, Any]:
    """An option for one row of the offer table: a number with the schema's example as default, a switch
    for a yes/no field, else text."""
    spec = row.schema if isinstance(row.schema, dict) else {}
    option: dict[str, Any] = {}
    if spec.get("type") == "integer":
        option.update(type=int, default=spec["examples"][0])
    elif spec.get("type") == "boolean":
        option["action"] = "store_true"
    if row.ask is not None and row.ask.flag_help is not None:
        option["help"] = row.ask.flag_help
    return option


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="videre", description="Værktøjer til Videres poster.")
    main.add_argument("--data", default=str(DEFAULT_DATA), help="mappen med poster (standard: data)")
    main.add_argument("--dato", help="dagens dato som ÅÅÅÅ-MM-DD (til test)")
    main.add_argument("--mkdocs", default="mkdocs.yml", help="sitets indstillinger (standard: mkdocs.yml)")
    sub = main.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("valider", help="tjek poster og vis alle fejl")
    validate.add_argument("stier", nargs="*", help="filer eller mapper (standard: hele data/)")
    validate.add_argument("--json", action="store_true", help="skriv fejlene som JSON")
    validate.set_defaults(func=cmd_validate)

    new = sub.add_parser("ny-tilbud", help="opret et nyt tilbud; spørger efter de felter, der mangler")
    new.add_argument("--kommune", required=True, help="kommunens slug, fx 'esbjerg'")
    for row, key in scaffold.QUESTIONS:
        new.add_argument(f"--{scaffold.flag(row, key)}", **_option(row))
    new.set_defaults(func=cmd_new_offer)

    review = sub.add_parser("gennemsyn", help="vis poster, der skal bekræftes igen, pr. kommune")
    review.add_argument("--maaneder", type=int, help="gennemsynsperioden (standard: fra mkdocs.yml)")
    review.add_argument("--kommune", help="kun én kommunes poster")
    review.add_argument("--csv", action="store_true", help="skriv listen som CSV (som gennemsyn.csv)")
    review.set_defaults(func=cmd_review)

    schemas = sub.add_parser("skemaer", help="skriv JSON-skemaerne")
    schemas.add_argument("--ud", default="docs/schemas")
    schemas.set_defaults(func=cmd_schemas)

    export = sub.add_parser("eksport", help="skriv åbne data")
    export.add_argument("--format", choices=("json", "csv", "hsds"), required=True)
    export.add_argument("--ud", help="fil at skrive til (hsds: en mappe); standard: standard output")
    export.add_argument("--uden-eksempler", action="store_true", help="udelad poster markeret eksempel")
    export.set_defaults(func=cmd_export)

    owners = sub.add_parser("codeowners", help="skriv CODEOWNERS ud fra kommuneregisteret")
    owners.add_argument("--ud", default=ownership.CODEOWNERS_PATH)
    owners.set_defaults(func=cmd_codeowners)

    # 'publicerede' was its name: "published" also meant the records a build shows (Catalog.shown).
    listed = sub.add_parser("adresser", aliases=["publicerede"], help="vis listen over offentliggjorte adresser")
    listed.add_argument("--skriv", action="store_true", help=f"skriv den til data/{redirects.PUBLISHED_FILE}")
    listed.set_defaults(func=cmd_addresses)

    pages = sub.add_parser("sider", help="skriv de genererede sider som Markdown")
    pages.add_argument("--ud", required=True)
    pages.add_argument("--uden-eksempler", action="store_true")
    pages.add_argument(
        "--adresser",
        choices=("mapper", "filer"),
        help="links til kommuner/esbjerg/ (mapper) eller kommuner/esbjerg.html (filer, til "
        "use_directory_urls: false); standard: som mkdocs.yml",
    )
    pages.set_defaults(func=cmd_pages)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except settings.SettingError as exc:  # a bad option in mkdocs.yml or the environment, named with its fix
        raise SystemExit(f"videre: {exc}") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
