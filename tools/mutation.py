"""Mutation testing of the core modules: each module against the tests beside it (``make mutation``).

mutmut changes one small thing at a time in a module (a comparison, a constant, a string) and runs the tests
that reach the changed function. A mutant that no test notices ("survived") is a bug the suite would let
through. Each module runs in its own copy of the repository, so its report is its own.

Not part of ``make test``: it takes minutes. The score per module is printed and written to
``tools/mutation-results.json``; the target is at least 85 % killed in every module.

Why mutmut (3.8) and not cosmic-ray (8.7): measured on ``videre/pages/csp.py`` with its 32 unit tests,
mutmut ran 110 mutants in 17 s (it forks from one loaded process and runs only the tests that reach the
mutated function); cosmic-ray starts pytest anew for every mutant and needed several minutes for the same
module. Both report the same kind of survivors.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

MODULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # module: (the tests beside it that test it, test files left out). Narrower than the whole folder: a
    # surviving mutant runs every test that reaches it, and the folder's tests that load the whole real data
    # set (seconds each) made one module an hour on a 2-core machine without killing more.
    "videre/core/validate.py": (
        (
            "tests/core/test_validate_messages.py",
            "tests/core/test_validate.py",
            "tests/core/test_boundaries.py",
            "tests/core/test_hidden_characters.py",
            "tests/core/test_schema.py",
        ),
        (),
    ),
    "videre/core/yamlsource.py": (
        ("tests/core/test_yamlsource_messages.py", "tests/core/test_yamlsource.py", "tests/core/test_boundaries.py"),
        (),
    ),
    "videre/catalog/freshness.py": (("tests/catalog/test_freshness_rules.py", "tests/catalog/test_freshness.py"), ()),
    "videre/kinds/register.py": (
        (
            "tests/kinds/test_register_build.py",
            "tests/core/test_model.py",
            "tests/kinds/test_register.py",
            "tests/kinds/test_register_periods.py",
            "tests/kinds/test_register_independent.py",
        ),
        (),
    ),
    "videre/exports/opendata.py": (("tests/exports/test_opendata.py",), ()),
    "videre/pages/csp.py": (("tests/pages/test_csp.py",), ()),
}
TARGET = 0.85
RESULTS = ROOT / "tools" / "mutation-results.json"
TABLE = ROOT / "tools" / "mutation-results.md"


def _copy_tree(into: Path) -> None:
    """The tracked and new files of the repository, as they are in the working tree."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


def _config(module: str, tests: tuple[str, ...], left_out: tuple[str, ...]) -> str:
    # Browser tests start Chromium for every mutant they reach, and test nothing these modules compute.
    options = [
        "-p",
        "no:cacheprovider",
        "-n",
        "0",
        "-q",
        "-m",
        "not browser",
        *(f"--ignore={path}" for path in left_out),
    ]
    # The whole package is copied (a module alone would import its neighbours from elsewhere); one is mutated.
    return (
        f'\n[tool.mutmut]\nsource_paths = ["videre"]\nonly_mutate = [{json.dumps(module)}]\n'
        f"pytest_add_cli_args_test_selection = {json.dumps(list(tests))}\n"
        f"pytest_add_cli_args = {json.dumps(options)}\n"
        f"also_copy = {json.dumps(_top_level())}\n"
    )


def _top_level() -> list[str]:
    """Everything at the top of the repository but the package: tests build the whole site."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return sorted({name.split("/")[0] for name in listed.splitlines()} - {"videre"})


def run(module: str, tests: tuple[str, ...], left_out: tuple[str, ...], workdir: Path) -> dict[str, int]:
    tree = workdir / Path(module).stem
    tree.mkdir()
    _copy_tree(tree)
    with open(tree / "pyproject.toml", "a", encoding="utf-8") as config:
        config.write(_config(module, tests, left_out))
    # Installed from the locks, not tracked: shared, not copied. mutmut runs the tests in mutants/.
    (tree / "mutants").mkdir()
    # The tests run in mutants/; some ask git about the tree (what .gitignore leaves out): give them one.
    subprocess.run(["git", "init", "-q"], cwd=tree / "mutants", check=True)
    for link in (tree / ".venv", tree / "node_modules", tree / "mutants" / "node_modules"):
        link.symlink_to(ROOT / link.name)
    env = {**os.environ, "VIDERE_CACHE": "0"}
    mutmut = str(ROOT / ".venv" / "bin" / "mutmut")
    subprocess.run(
        [mutmut, "run", "--max-children", str(os.cpu_count() or 2)],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    subprocess.run([mutmut, "export-cicd-stats"], cwd=tree, env=env, capture_output=True, check=True)
    stats = json.loads((tree / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    survivors = subprocess.run([mutmut, "results"], cwd=tree, env=env, capture_output=True, text=True).stdout
    names = [line.strip().split(":")[0] for line in survivors.splitlines() if "survived" in line]
    # Each survivor with its change, so that it can be judged (killed by a new test, or kept with a reason).
    stats["survivors"] = {name: _change(mutmut, name, tree, env) for name in names}
    return stats


def _change(mutmut: str, name: str, tree: Path, env: dict[str, str]) -> str:
    """The lines a mutant changed, from ``mutmut show`` (its diff without the file headers)."""
    diff = subprocess.run([mutmut, "show", name], cwd=tree, env=env, capture_output=True, text=True).stdout
    return "\n".join(line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def score(stats: dict[str, Any]) -> float:
    """Killed (a timeout counts: the mutant hung the tests) out of the mutants some test reached."""
    tested = stats["killed"] + stats["survived"] + stats.get("timeout", 0)
    return round((stats["killed"] + stats.get("timeout", 0)) / tested, 3) if tested else 0.0


def table(report: dict[str, dict[str, Any]]) -> str:
    """The scores as a Markdown table, one row per module, for the terminal and for a closing note."""
    rows = [
        "| modul | mutanter | dræbt | overlevede | timeout | ingen test | score | mål |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for module, stats in report.items():
        rows.append(
            f"| {module} | {stats['total']} | {stats['killed']} | {stats['survived']} "
            f"| {stats.get('timeout', 0)} | {stats['no_tests']} | {stats['score']:.1%} "
            f"| {'nået' if stats['score'] >= TARGET else 'IKKE nået'} |"
        )
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    chosen = {m: t for m, t in MODULES.items() if not argv or any(a in m for a in argv)}
    # Modules run one at a time keep the others' last scores: the files always hold every module measured.
    earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    with tempfile.TemporaryDirectory(prefix="videre-mutation-") as temporary:
        for module, (tests, left_out) in chosen.items():
            stats = run(module, tests, left_out, Path(temporary))
            stats["score"] = score(stats)
            stats["tests"] = list(tests)
            earlier[module] = stats
            tested = stats["killed"] + stats["survived"] + stats.get("timeout", 0)
            print(
                f"{module:32} {stats['killed'] + stats.get('timeout', 0):4} dræbt af {tested:4}"
                f"  {stats['score']:.0%}  (overlevede {stats['survived']}, ingen test {stats['no_tests']})",
                flush=True,
            )
    report = {m: earlier[m] for m in MODULES if m in earlier}
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    TABLE.write_text(
        "# Mutationstest: score pr. modul\n\nSkrevet af `make mutation` (tools/mutation.py).\n\n" + table(report),
        encoding="utf-8",
    )
    print("\n" + table(report), end="")
    below = [m for m in chosen if report[m]["score"] < TARGET]
    if below:
        print(f"Under {TARGET:.0%}: {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
