"""The Danish site search index, built with Pagefind after the HTML is written.

Pagefind stems Danish properly and searches inside compounds, where Material's
lunr search fails on Danish (see the recall list in tests/search/queries.yaml).

The index is built by Pagefind's own command-line program (shipped in the
``pagefind_bin`` wheel), not by its Python service API: the program exits only
when every file is written. The service answered "written" while its last
writes could still be under way, which left truncated files on a busy machine
and cost a half-second wait for the files to settle on every build.

Pagefind reads the pages as :mod:`videre.search.indexinput` cuts them (the
article without the theme around it), from a temporary folder of the same
layout (in memory where the machine has ``/dev/shm``), and writes the bundle
into the site. The bundle can be kept in a cache
folder (the MkDocs adapter passes the build cache's, :mod:`videre.core.buildcache`),
keyed by a hash of every page Pagefind reads, the program's version and its
options: a rebuild whose pages did not change copies the bundle instead of
indexing again. Pagefind's output, once
canonical (:mod:`videre.search.reproducible`), depends on nothing else, so the
bytes are the same either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

from . import indexinput, reproducible, words

LANGUAGE = "da"
EXCLUDE_SELECTORS = (".headerlink", ".md-source-file", "code")
"""Left out of the index: the heading permalinks, the theme's file dates, and code (file paths and commands are
for machines, and read badly in an excerpt)."""
NOT_INDEXED = frozenset({"udskrivning", "assets", "pagefind", "hsds", "schemas", "redaktion"})
"""Top-level folders Pagefind need not read. Pages opt in with ``data-pagefind-body``, but Pagefind
must still parse every file it is given to see that, so the municipalities' print handouts stay out. The editor
(``redaktion/``) is a tool for staff, not content, and stays out of the index."""


def glob(site_dir: Path) -> str:
    """Every HTML file except those below NOT_INDEXED (a new section is indexed without a change here)."""
    folders = sorted(p.name for p in site_dir.iterdir() if p.is_dir() and p.name not in NOT_INDEXED)
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its output."""


def command(site_dir: Path, output: Path | None = None, pattern: str | None = None) -> list[str]:
    """Pagefind's command line for the pages below ``site_dir``; the bundle goes to ``output``
    (default ``site_dir/pagefind``), the pages read are those of ``pattern`` (default :func:`glob`)."""
    from pagefind_bin import get_executable

    args = [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--force-language",
        LANGUAGE,
        "--glob",
        pattern or glob(site_dir),
        "--silent",
    ]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    if output is not None:
        args += ["--output-path", str(output)]
    return args


CACHE_KIND = "pagefind"
CACHE_KEEP = 2
"""Bundles the cache keeps (the newest): a rebuild of the same data, and one other data set."""


def _salt() -> str:
    """Pagefind's version, and the code that decides what it reads and how its output is made canonical."""
    try:
        version = metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed with the project
        version = "?"
    digest = hashlib.sha256(version.encode())
    here = Path(__file__).resolve().parent
    for name in ("pagefind.py", "indexinput.py", "reproducible.py", "words.py"):
        digest.update(b"\x00" + (here / name).read_bytes())
    return digest.hexdigest()


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())


PageMap = Callable[[Callable[[Path], str], Sequence[Path]], Sequence[str]]
"""How :func:`build_index` reads the pages: ``[task(path) for path in paths]``, or the same spread over the
cores (the MkDocs adapter passes videre.core.parallel.ordered_map; search does not import core)."""


def _in_order(task: Callable[[Path], str], paths: Sequence[Path]) -> list[str]:
    return [task(path) for path in paths]


def _index_input(path: Path) -> str:
    """A page as Pagefind reads it (:func:`indexinput.reduce`)."""
    return indexinput.reduce(path.read_text(encoding="utf-8", errors="surrogateescape"))


def build_index(site_dir: Path, cache: Path | None = None, map_pages: PageMap = _in_order) -> int:
    """Index every page under ``site_dir`` into ``site_dir/pagefind``; returns the number of pages indexed.

    With a ``cache`` folder, a bundle built from the very same pages before is copied from there. Reading and
    cutting the pages (180 MB at national scale, a second of work) goes through ``map_pages``."""
    site_dir = site_dir.resolve()
    pattern = glob(site_dir)
    bundle = site_dir / "pagefind"
    digest = hashlib.sha256(_salt().encode())
    digest.update("\x00".join(command(Path("."), Path("."), pattern)[1:]).encode())
    paths = list(indexinput.selected(site_dir, NOT_INDEXED))
    texts = map_pages(_index_input, paths)
    pages = [(path.relative_to(site_dir).as_posix(), text) for path, text in zip(paths, texts)]
    for relative, text in pages:
        digest.update(b"\x00" + relative.encode() + b"\x00" + text.encode("utf-8", "surrogateescape"))
    key = digest.hexdigest()
    store = None if cache is None else cache / CACHE_KIND
    if _from_cache(store, key, bundle):
        return _page_count(bundle)
    count = write_bundle(pages, bundle, pattern)
    _to_cache(store, key, bundle)
    return count


def write_bundle(pages: list[tuple[str, str]], bundle: Path, pattern: str) -> int:
    """Index ``pages`` (path below the site, HTML) into ``bundle``, in as many indexes as :func:`split` makes;
    returns the number of pages indexed.

    Pagefind numbers pages in the order its folder walk finds them, and that order is the file system's:
    on ext4 it follows a hash of the names, not us. The pages are written in path order into a fresh folder
    in memory where there is one (:func:`scratch_folder`), where the walk keeps that order, so the same
    pages give the same bytes on any such machine. The indexes are built side by side (:func:`_run_all`)."""
    shards = split(pages)
    shutil.rmtree(bundle, ignore_errors=True)
    outputs = [bundle / shard_path(number) if number else bundle for number in range(len(shards))]
    with tempfile.TemporaryDirectory(prefix="videre-pagefind-", dir=scratch_folder()) as folder:
        runs = []
        for number, shard in enumerate(shards):
            source = Path(folder) / str(number)
            for relative, text in shard:
                target = source / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8", errors="surrogateescape")
            runs.append(command(source, outputs[number], pattern))
        _run_all(runs)
    for number, output in enumerate(outputs):
        reproducible.canonicalize(output)  # same input, same bytes (Pagefind's filter order varies)
        if number:
            for name in SHARD_UNUSED:
                (output / name).unlink(missing_ok=True)
    if len(shards) > 1:
        _list_shards(bundle, len(shards))
    (bundle / words.FILE).write_text(words.word_list(text for _, text in pages), encoding="utf-8")
    return _page_count(bundle) + sum(_page_count(bundle / shard_path(n)) for n in range(1, len(shards)))


def scratch_folder() -> str | None:
    """Where Pagefind's input pages are written for the moment it reads them: memory (``/dev/shm``) where
    there is such a folder, so 5,000 short-lived files never go to disk; else the usual temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _run_all(commands: list[list[str]]) -> None:
    """Run the Pagefind commands, one more at a time than there are cores (each index is its own folder;
    Pagefind leaves the rest of the output folder alone). Measured at 1× on 2 cores, three indexes at once
    took 3.0 s against 4.2 s one after another, for the same CPU time."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    at_once = cores + 1
    running: list[subprocess.Popen[str]] = []
    failures: list[str] = []

    def finish(process: subprocess.Popen[str]) -> None:
        out, err = process.communicate()
        if process.returncode != 0:
            failures.append(f"Pagefind fejlede ({process.returncode}): {out}{err}".strip())

    for args in commands:
        if len(running) >= at_once:
            finish(running.pop(0))
        running.append(subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for process in running:
        finish(process)
    if failures:
        raise SearchIndexError("\n".join(failures))


SHARD_PAGES = 2000
"""Pages per index at most; a larger site gets several indexes that the search page searches together.

Pagefind's search (its WebAssembly, 1.x) pairs every page that matches a word with every page entry of
that word, so a search costs the square of the matches. A word on most pages, such as "genoptræning" at
national scale, took 232 ms at 1× and 2.3 s at 4× (10×). Indexes of a bounded size keep it linear: each
costs the same, and their number grows with the data. The real data (~270 pages) is one index, as before."""
SHARD_FIELD = "videre_dele"
"""Key in the first index's pagefind-entry.json listing the other indexes (relative paths), when there are."""
SHARD_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""The other indexes are only searched through the first one's script: its user interface files are not needed."""


def shard_path(number: int) -> str:
    return f"del{number}"


def split(pages: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The pages in indexes of at most SHARD_PAGES searchable pages each, dealt out in turn.

    Dealt, not cut in runs: each index then holds every kind of page in the same shares, so the word
    statistics Pagefind ranks by (how many pages have a word, how long a page is) are about the same in
    each, and scores from different indexes compare. Pages without ``data-pagefind-body`` all go to the
    first index: Pagefind skips them only in an index where some page has that attribute."""
    searchable = [page for page in pages if indexinput.BODY in page[1]]
    count = -(-len(searchable) // SHARD_PAGES)
    if count <= 1:
        return [pages]
    shards = [searchable[start::count] for start in range(count)]
    shards[0] = [page for page in pages if indexinput.BODY not in page[1]] + shards[0]
    return shards


def _list_shards(bundle: Path, count: int) -> None:
    path = bundle / "pagefind-entry.json"
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry[SHARD_FIELD] = [f"{shard_path(number)}/" for number in range(1, count)]
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _from_cache(store: Path | None, key: str, bundle: Path) -> bool:
    """Copy the bundle stored under ``key`` into place; False when there is none (or it cannot be read)."""
    if store is None or not (store / key / "pagefind-entry.json").is_file():
        return False
    try:
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.copytree(store / key, bundle, copy_function=_link_or_copy)
        os.utime(store / key)  # the newest use, for the pruning in _to_cache
        return True
    except OSError:
        shutil.rmtree(bundle, ignore_errors=True)
        return False


def _link_or_copy(source: str, target: str) -> None:
    """A hard link to the stored file (a new name, no bytes copied: a 1× bundle is 5,000 files), or a copy
    where links cannot be made (another file system). Nothing writes into a bundle after it is stored:
    a new index replaces the folder."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _to_cache(store: Path | None, key: str, bundle: Path) -> None:
    """Keep a copy of the bundle under ``key`` (written aside, then renamed); prune to the newest CACHE_KEEP."""
    if store is None:
        return
    try:
        store.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".neu-", dir=store))
        shutil.copytree(bundle, temporary / "bundle", copy_function=_link_or_copy)
        with contextlib.suppress(OSError):  # another build stored the same key first
            os.rename(temporary / "bundle", store / key)
        shutil.rmtree(temporary, ignore_errors=True)
        kept = sorted(
            (p for p in store.iterdir() if p.is_dir() and not p.name.startswith(".")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in kept[CACHE_KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:  # a read-only home or a full disk costs speed, never the build
        pass
